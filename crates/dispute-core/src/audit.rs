//! `verify`: is the casebook's history a clean record of legal actions?
//!
//! Each commit that touches `cases/` or `casebook.toml` must carry the trailers of DESIGN §6,
//! be authored by an operator who existed, was active and held the role for that action at
//! that commit (operators as in `casebook.toml` at the parent), touch only what its action
//! may touch, and turn the case file into exactly what the pure workflow makes of the old
//! file for that action. The action's inputs are read back from the new file, the workflow
//! is re-run on the old file, and the two results must be equal. Pure code: the store hands
//! in the commits.

use std::collections::HashSet;

use serde::Serialize;

use crate::case::{Action, Case, CaseId, Event};
use crate::casebook::{Casebook, Operator, Role};
use crate::protocol::{BookAction, CASEBOOK_FILE, CommitRecord, FileChange};
use crate::workflow::{self, Command, Ctx, NewCase};
use dispute_i18n::t;

/// One broken rule, naming the commit, the case and the operator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub commit: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    pub rule: String,
}

/// Replays commits in order and collects findings.
#[derive(Default)]
pub struct Auditor {
    seen: HashSet<String>,
    pub findings: Vec<Finding>,
    pub commits_checked: usize,
    /// Commits made before the casebook required signing that carry no signature: part of
    /// the old history, reported once as a count.
    pub unsigned_before_required: usize,
}

/// Actions on `casebook.toml` (all others but `import` act on one case).
const INIT: &str = BookAction::Init.code_str();
const IMPORT: &str = BookAction::Import.code_str();
const ENCRYPT_PAYERS: &str = BookAction::EncryptPayers.code_str();
const POLICY_CONSULT: &str = BookAction::PolicyConsult.code_str();

impl Auditor {
    /// Case files that existed before the first checked commit (for `--since`).
    pub fn with_existing(paths: impl IntoIterator<Item = String>) -> Auditor {
        Auditor {
            seen: paths.into_iter().collect(),
            ..Auditor::default()
        }
    }

    pub fn check(&mut self, rec: &CommitRecord) {
        if rec.changes.is_empty() && rec.merge_files.is_empty() {
            return;
        }
        self.commits_checked += 1;
        let trailers = &rec.info.message.trailers;
        let trailer = |k: &str| {
            trailers
                .0
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.trim().to_string())
        };
        let operator_id = trailer("Operator");
        let mut found: Vec<(Option<String>, String)> = vec![];
        self.check_commit(rec, &trailer, operator_id.as_deref(), &mut found);
        if rec.parents <= 1 {
            self.check_identity(rec, operator_id.as_deref(), &mut found);
        }
        self.note_ids(rec);
        for (case, rule) in found {
            self.findings.push(Finding {
                commit: rec.info.commit.clone(),
                case,
                operator: operator_id.clone(),
                rule,
            });
        }
    }

    fn check_commit(
        &self,
        rec: &CommitRecord,
        trailer: &dyn Fn(&str) -> Option<String>,
        operator_id: Option<&str>,
        found: &mut Vec<(Option<String>, String)>,
    ) {
        let mut find =
            |case: Option<&str>, rule: String| found.push((case.map(str::to_string), rule));

        if rec.parents > 1 {
            for m in &rec.merge_files {
                if let Err(rule) = check_merge_file(m) {
                    find(case_of(&m.path).as_deref(), rule);
                }
            }
            if rec.changes.iter().any(|c| c.path == CASEBOOK_FILE) {
                find(None, t!("audit-merge-differs", path = CASEBOOK_FILE));
            }
            return;
        }
        for c in &rec.changes {
            if c.new.is_none() {
                find(
                    case_of(&c.path).as_deref(),
                    t!("audit-deleted", path = c.path),
                );
            }
        }

        let Some(action) = trailer("Action") else {
            let paths: Vec<&str> = rec.changes.iter().map(|c| c.path.as_str()).collect();
            find(
                paths.iter().find_map(|p| case_of(p)).as_deref(),
                t!(
                    "audit-no-trailers",
                    paths = paths.join(&t!("audit-list-sep"))
                ),
            );
            return;
        };
        for key in ["Operator", "Dept"] {
            if trailer(key).is_none() {
                find(None, t!("audit-missing-trailer", key = key));
            }
        }

        // The operators and settings the commit acted under.
        let book = match (&rec.parent_casebook, action.as_str()) {
            (None, INIT) => None,
            (None, _) => {
                find(None, t!("audit-no-casebook-before", action = action));
                return;
            }
            (Some(bytes), _) => match std::str::from_utf8(bytes)
                .map_err(|_| ())
                .and_then(|t| Casebook::parse(t).map_err(|_| ()))
            {
                Ok(b) => Some(b),
                Err(()) => {
                    find(None, t!("audit-parent-casebook-unreadable"));
                    return;
                }
            },
        };

        let result = match action.as_str() {
            INIT => self.check_init(rec),
            code if BookAction::from_code(code).is_some_and(BookAction::edits_casebook) => {
                let book = book.as_ref().expect("parent casebook");
                let kind = BookAction::from_code(code).expect("checked");
                check_actor(rec, book, operator_id, Role::Admin)
                    .and_then(|_| check_book_change(rec, book, kind))
            }
            IMPORT => {
                let book = book.as_ref().expect("parent casebook");
                check_actor(rec, book, operator_id, Role::Receiver)
                    .and_then(|op| self.check_import(rec, book, op))
            }
            ENCRYPT_PAYERS => {
                let book = book.as_ref().expect("parent casebook");
                check_actor(rec, book, operator_id, Role::Admin)
                    .and_then(|_| check_encrypt_payers(rec, book))
            }
            POLICY_CONSULT => {
                let book = book.as_ref().expect("parent casebook");
                check_actor(rec, book, operator_id, Role::Office)
                    .and_then(|op| check_policy(rec, op, trailer("Policy")))
            }
            code => match Action::from_code(code) {
                Some(a) => {
                    let book = book.as_ref().expect("parent casebook");
                    self.check_case_action(rec, book, a, operator_id, trailer("Case"))
                }
                None => Err((None, t!("audit-unknown-action", code = code))),
            },
        };
        if let Err((case, rule)) = result {
            find(case.as_deref(), rule);
        }
    }

    /// Who really made the commit: once the casebook requires signing, every commit carries
    /// a valid SSH signature by the key its author operator had at the parent commit, is
    /// committed by its author, and records an `At` within the backdating window of its
    /// (signed) commit time. Earlier unsigned commits are counted, not found.
    fn check_identity(
        &mut self,
        rec: &CommitRecord,
        operator_id: Option<&str>,
        found: &mut Vec<(Option<String>, String)>,
    ) {
        let parse_book = |bytes: &[u8]| {
            std::str::from_utf8(bytes)
                .ok()
                .and_then(|t| Casebook::parse(t).ok())
        };
        let parent = rec.parent_casebook.as_deref().and_then(parse_book);
        let after = rec
            .changes
            .iter()
            .find(|c| c.path == CASEBOOK_FILE)
            .and_then(|c| c.new.as_deref())
            .and_then(parse_book);
        let required = parent
            .as_ref()
            .is_some_and(|b| b.integrity.signing_required)
            || after.as_ref().is_some_and(|b| b.integrity.signing_required);
        if !required {
            if rec.signature.is_none() {
                self.unsigned_before_required += 1;
            }
            return;
        }
        let case = rec
            .info
            .message
            .trailers
            .get(crate::protocol::Trailer::Case)
            .map(str::to_string)
            .or_else(|| rec.changes.iter().find_map(|c| case_of(&c.path)));
        let mut find = |rule: String| found.push((case.clone(), rule));
        if rec.committer_name != rec.info.author_name
            || !rec
                .committer_email
                .eq_ignore_ascii_case(&rec.info.author_email)
        {
            find(t!(
                "audit-committer-differs",
                committer = format!("{} <{}>", rec.committer_name, rec.committer_email),
                author = format!("{} <{}>", rec.info.author_name, rec.info.author_email)
            ));
        }
        // The key the author had: at the parent, or (for the first commit) as registered by
        // that commit itself.
        let keys_from = parent.as_ref().or(after.as_ref());
        let op = keys_from.and_then(|b| match operator_id {
            Some(id) => b.operator(id),
            None => b.operator_by_email(&rec.info.author_email),
        });
        let Some(signed) = &rec.signature else {
            find(t!("audit-unsigned"));
            return;
        };
        let Some(op) = op else {
            find(t!(
                "audit-signer-unknown",
                email = rec.info.author_email.as_str()
            ));
            return;
        };
        let Some(key) = crate::identity::current_key(op)
            .and_then(|k| crate::identity::parse_public_key(&k.key).ok())
        else {
            find(t!("audit-signer-no-key", id = op.id.as_str()));
            return;
        };
        if let Err(bad) = crate::identity::verify(&signed.armored, &signed.payload, &key) {
            find(t!(
                "audit-bad-signature",
                id = op.id.as_str(),
                reason = bad.describe()
            ));
        }
        let window = parent
            .as_ref()
            .map_or(0, |b| b.integrity.backdate_window_hours);
        if let Some(at) = rec.info.message.trailers.at() {
            let late = rec.info.time.signed_duration_since(at);
            if late > chrono::Duration::hours(i64::from(window)) {
                find(t!(
                    "audit-backdated",
                    at = at.to_rfc3339(),
                    time = rec.info.time.to_rfc3339(),
                    hours = window
                ));
            } else if late < -chrono::Duration::minutes(10) {
                find(t!(
                    "audit-at-after-commit",
                    at = at.to_rfc3339(),
                    time = rec.info.time.to_rfc3339()
                ));
            }
        }
    }

    /// Remember every case ID a commit adds; an ID added twice is reused.
    fn note_ids(&mut self, rec: &CommitRecord) {
        for c in &rec.changes {
            let added = c.old.is_none() && c.new.is_some();
            if added
                && c.path.starts_with("cases/")
                && c.path.ends_with(".toml")
                && !self.seen.insert(c.path.clone())
            {
                self.findings.push(Finding {
                    commit: rec.info.commit.clone(),
                    case: case_of(&c.path),
                    operator: None,
                    rule: t!("audit-id-reused", path = c.path),
                });
            }
        }
    }

    fn check_init(&self, rec: &CommitRecord) -> Checked<()> {
        if rec.parent_casebook.is_some() {
            return Err((None, t!("audit-init-has-casebook")));
        }
        let allowed = [CASEBOOK_FILE, "cases/.gitkeep"];
        if let Some(c) = rec
            .changes
            .iter()
            .find(|c| !allowed.contains(&c.path.as_str()))
        {
            return Err((None, t!("audit-init-touches", path = c.path)));
        }
        let book = rec
            .changes
            .iter()
            .find(|c| c.path == CASEBOOK_FILE)
            .and_then(|c| c.new.as_deref())
            .and_then(|b| std::str::from_utf8(b).ok())
            .and_then(|t| Casebook::parse(t).ok())
            .ok_or_else(|| (None, t!("audit-init-casebook-invalid")))?;
        let op = book
            .operator_by_email(&rec.info.author_email)
            .filter(|o| o.has(Role::Admin))
            .ok_or_else(|| {
                (
                    None,
                    t!("audit-init-author-not-admin", email = rec.info.author_email),
                )
            })?;
        if book.operators.len() != 1 || op.name != rec.info.author_name {
            return Err((None, t!("audit-init-one-admin")));
        }
        let mut keyless = book.clone();
        for d in &mut keyless.departments {
            d.keys.clear();
        }
        crate::casebook_change::dept_keys_follow(&keyless, &book).map_err(|why| {
            (
                None,
                t!("secret-audit-dept-keys", action = INIT, reason = why),
            )
        })
    }

    fn check_import(&self, rec: &CommitRecord, book: &Casebook, op: &Operator) -> Checked<()> {
        for c in &rec.changes {
            let id = case_of(&c.path);
            if c.old.is_some() {
                return Err((id, t!("audit-import-changes-existing", path = c.path)));
            }
            let Some(bytes) = &c.new else { continue };
            let case = parse(bytes, &c.path).map_err(|r| (id.clone(), r))?;
            if case.receiving_dept != op.dept {
                return Err((id, t!("audit-import-wrong-dept", dept = op.dept)));
            }
            replay_imported(&case, book, rec.info.time).map_err(|r| (id.clone(), r))?;
            crate::seal::check_sealed(book, None, &case).map_err(|r| (id, r))?;
        }
        Ok(())
    }

    fn check_case_action(
        &self,
        rec: &CommitRecord,
        book: &Casebook,
        action: Action,
        operator_id: Option<&str>,
        case_trailer: Option<String>,
    ) -> Checked<()> {
        let [change] = rec.changes.as_slice() else {
            let paths: Vec<&str> = rec.changes.iter().map(|c| c.path.as_str()).collect();
            return Err((
                case_trailer,
                t!(
                    "audit-one-case-file",
                    action = action.code(),
                    paths = paths.join(&t!("audit-list-sep"))
                ),
            ));
        };
        let id = case_of(&change.path);
        let Some(trailer_id) = &case_trailer else {
            return Err((id, t!("audit-missing-trailer", key = "Case")));
        };
        let expected_path = CaseId::parse(trailer_id)
            .map(|i| i.path())
            .unwrap_or_default();
        if expected_path != change.path {
            return Err((
                id,
                t!(
                    "audit-case-trailer-mismatch",
                    id = trailer_id,
                    path = change.path
                ),
            ));
        }
        // The roles that can hold the action's permission, as the casebook stood; the rest
        // of the rule (department, track) is checked by the replay below.
        let mut checked = Err((None, String::new()));
        for role in action.spec().permission.roles() {
            checked = check_actor(rec, book, operator_id, *role);
            if checked.is_ok() {
                break;
            }
        }
        let actor = checked.map_err(|(_, r)| (id.clone(), r))?;
        let new = parse(change.new.as_deref().unwrap_or_default(), &change.path)
            .map_err(|r| (id.clone(), r))?;
        let old = change
            .old
            .as_deref()
            .map(|b| parse(b, &change.path))
            .transpose()
            .map_err(|r| (id.clone(), r))?;
        let Some(event) = new.events.last() else {
            return Err((id, t!("audit-no-events")));
        };
        if event.action != action || event.by != actor.id {
            return Err((
                id,
                t!(
                    "audit-event-mismatch",
                    action = event.action.code(),
                    by = event.by
                ),
            ));
        }
        if let Some(old) = &old
            && (new.events.len() != old.events.len() + 1
                || new.events[..old.events.len()] != old.events[..])
        {
            return Err((id, t!("audit-events-rewritten")));
        }
        let cal = book.calendar();
        let ctx = Ctx {
            book,
            cal: &cal,
            actor,
            at: event.at,
            now: rec.info.time,
        };
        let replayed = match (&old, action) {
            (None, Action::Register) => {
                let cid = CaseId::parse(&new.id).map_err(|e| (id.clone(), e.to_string()))?;
                workflow::register(&cid, new_case_of(&new), &ctx)
            }
            (None, _) => return Err((id, t!("audit-no-such-case", action = action.code()))),
            (Some(_), Action::Register) => {
                return Err((id, t!("audit-register-overwrites")));
            }
            (Some(old), _) => {
                let cmd = infer_command(old, &new, event)
                    .ok_or_else(|| (id.clone(), t!("audit-cannot-infer")))?;
                workflow::apply(old, &cmd, &ctx)
            }
        };
        // The sealed data of the parties is not the workflow's: it is checked by
        // `check_sealed`.
        let replayed = replayed.map(|mut expected| {
            expected.payer.sealed = new.payer.sealed.clone();
            if let (Some(e), Some(n)) = (&mut expected.counterparty, &new.counterparty) {
                e.sealed = n.sealed.clone();
            }
            expected
        });
        match replayed {
            Err(e) => Err((id, t!("audit-workflow-refuses", error = e.to_string()))),
            Ok(expected) if expected != new => Err((
                id,
                t!(
                    "audit-not-legal-result",
                    field = first_difference(&expected, &new)
                ),
            )),
            Ok(_) => crate::seal::check_sealed(book, old.as_ref(), &new).map_err(|r| (id, r)),
        }
    }
}

type Checked<T> = Result<T, (Option<String>, String)>;

/// The commit's author must be the operator named in its trailer, active, with the role.
fn check_actor<'b>(
    rec: &CommitRecord,
    book: &'b Casebook,
    id: Option<&str>,
    role: Role,
) -> Checked<&'b Operator> {
    let id = id.ok_or_else(|| (None, t!("audit-missing-trailer", key = "Operator")))?;
    let op = book
        .operator(id)
        .ok_or_else(|| (None, t!("audit-operator-unknown", id = id)))?;
    if !op.email.eq_ignore_ascii_case(&rec.info.author_email) || op.name != rec.info.author_name {
        return Err((
            None,
            t!(
                "audit-author-mismatch",
                name = rec.info.author_name,
                email = rec.info.author_email,
                id = id,
                op_name = op.name,
                op_email = op.email
            ),
        ));
    }
    if !op.active {
        return Err((None, t!("audit-operator-disabled", id = id)));
    }
    if !op.has(role) {
        return Err((
            None,
            t!("audit-operator-lacks-role", id = id, role = role.code()),
        ));
    }
    Ok(op)
}

/// A change of `casebook.toml` by an admin action: only that file, and only the shape of
/// change the action allows.
fn check_book_change(rec: &CommitRecord, before: &Casebook, kind: BookAction) -> Checked<()> {
    let action = kind.code();
    let [change] = rec.changes.as_slice() else {
        return Err((None, t!("audit-book-only", action = action)));
    };
    if change.path != CASEBOOK_FILE {
        return Err((None, t!("audit-book-only", action = action)));
    }
    let after = change
        .new
        .as_deref()
        .and_then(|b| std::str::from_utf8(b).ok())
        .and_then(|t| Casebook::parse(t).ok())
        .ok_or_else(|| (None, t!("audit-casebook-invalid-after")))?;
    if crate::casebook_change::is_legal(before, &after, kind) {
        return Ok(());
    }
    match crate::casebook_change::dept_keys_follow(before, &after) {
        Err(why) => Err((
            None,
            t!("secret-audit-dept-keys", action = action, reason = why),
        )),
        Ok(()) => Err((None, t!("audit-book-not-legal", action = action))),
    }
}

/// `admin encrypt-payers`: `casebook.toml` switches encryption on (department keys made for
/// the operators, nothing else), and every other file it changes is an existing case whose
/// payer was in the clear and is now sealed to the recipients the case calls for, with the
/// masks of the old values and nothing else changed.
fn check_encrypt_payers(rec: &CommitRecord, before: &Casebook) -> Checked<()> {
    let action = BookAction::EncryptPayers.code();
    let after = rec
        .changes
        .iter()
        .find(|c| c.path == CASEBOOK_FILE)
        .and_then(|c| c.new.as_deref())
        .and_then(|b| std::str::from_utf8(b).ok())
        .and_then(|t| Casebook::parse(t).ok())
        .ok_or_else(|| (None, t!("audit-casebook-invalid-after")))?;
    if !crate::casebook_change::is_legal(before, &after, BookAction::EncryptPayers) {
        return Err((None, t!("audit-book-not-legal", action = action)));
    }
    for c in rec.changes.iter().filter(|c| c.path != CASEBOOK_FILE) {
        let id = case_of(&c.path);
        let (Some(old), Some(new)) = (&c.old, &c.new) else {
            return Err((id, t!("secret-audit-encrypt-touches", path = c.path)));
        };
        let old = parse(old, &c.path).map_err(|r| (id.clone(), r))?;
        let new = parse(new, &c.path).map_err(|r| (id.clone(), r))?;
        let mut expected = old.clone();
        expected.payer = old.payer.masked();
        expected.payer.sealed = new.payer.sealed.clone();
        expected.counterparty = old.counterparty.as_ref().map(|c| c.masked());
        if let (Some(e), Some(n)) = (&mut expected.counterparty, &new.counterparty) {
            e.sealed = n.sealed.clone();
        }
        let other_in_clear = old
            .counterparty
            .as_ref()
            .is_some_and(|c| c.sealed.is_some())
            || new
                .counterparty
                .as_ref()
                .is_some_and(|c| c.sealed.is_none());
        if old.payer.sealed.is_some()
            || new.payer.sealed.is_none()
            || other_in_clear
            || expected != new
        {
            return Err((id, t!("secret-audit-encrypt-changes", path = c.path)));
        }
        crate::seal::check_sealed(&after, None, &new).map_err(|r| (id, r))?;
    }
    Ok(())
}

/// A case file of a merge must hold every event of every side, and nothing no side had:
/// a merge that drops work (`git merge -s ours`, a hand resolution keeping one side) or
/// makes some up is found; one that keeps both sides passes.
fn check_merge_file(m: &crate::protocol::MergeFile) -> Result<(), String> {
    let Some(result) = &m.result else {
        return Err(t!("audit-deleted", path = m.path));
    };
    let merged = parse(result, &m.path)?;
    let mut known: Vec<&Event> = vec![];
    let sides: Vec<Case> = m
        .parents
        .iter()
        .flatten()
        .map(|b| parse(b, &m.path))
        .collect::<Result<_, _>>()?;
    for side in &sides {
        for e in &side.events {
            if !merged.events.contains(e) {
                return Err(t!(
                    "audit-merge-dropped",
                    action = e.action.code(),
                    at = e.at.to_rfc3339(),
                    by = e.by.as_str()
                ));
            }
            known.push(e);
        }
    }
    if let Some(e) = merged.events.iter().find(|e| !known.contains(e)) {
        return Err(t!(
            "audit-merge-invented",
            action = e.action.code(),
            at = e.at.to_rfc3339(),
            by = e.by.as_str()
        ));
    }
    // Every other field comes from one side: a value one side had, or for the records kept
    // as arrays (opinions, assignments…) every entry from one side or the other.
    let table =
        |bytes: &[u8]| -> Option<toml::Table> { std::str::from_utf8(bytes).ok()?.parse().ok() };
    let merged_table = table(result).unwrap_or_default();
    let side_tables: Vec<toml::Table> = m
        .parents
        .iter()
        .flatten()
        .filter_map(|b| table(b))
        .collect();
    let mut keys: Vec<&String> = merged_table.keys().collect();
    for side in &side_tables {
        keys.extend(side.keys());
    }
    keys.sort();
    keys.dedup();
    for key in keys {
        let values: Vec<Option<&toml::Value>> = side_tables.iter().map(|t| t.get(key)).collect();
        let ok = match merged_table.get(key) {
            None => values.iter().all(Option::is_none),
            Some(v) if values.contains(&Some(v)) => true,
            Some(toml::Value::Array(items)) => items.iter().all(|item| {
                values.iter().flatten().any(|side| match side {
                    toml::Value::Array(side_items) => side_items.contains(item),
                    _ => false,
                })
            }),
            Some(_) => false,
        };
        if !ok {
            return Err(t!("audit-merge-field", path = m.path, field = key.as_str()));
        }
    }
    Ok(())
}

/// A policy consultation of the leading group: one new file under `policy/`, as
/// `policy::check_commit` describes.
fn check_policy(rec: &CommitRecord, actor: &Operator, id: Option<String>) -> Checked<()> {
    let [change] = rec.changes.as_slice() else {
        return Err((None, t!("policy-audit-one-file")));
    };
    if !change
        .path
        .starts_with(&format!("{}/", crate::policy::POLICY_DIR))
    {
        return Err((None, t!("policy-audit-one-file")));
    }
    crate::policy::check_commit(
        &change.path,
        change.old.as_deref(),
        change.new.as_deref(),
        actor,
        id.as_deref(),
        rec.info.message.trailers.at(),
        rec.info.time,
    )
    .map_err(|r| (None, r))
}

fn parse(bytes: &[u8], path: &str) -> Result<Case, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| t!("audit-not-utf8", path = path))?;
    let case = Case::from_toml(text, path).map_err(|e| e.to_string())?;
    crate::schema::check_case(&case, path).map_err(|e| e.to_string())?;
    Ok(case)
}

/// The case ID a path under `cases/` names.
fn case_of(path: &str) -> Option<String> {
    let name = path.rsplit('/').next()?.strip_suffix(".toml")?;
    CaseId::parse(name).ok().map(|id| id.to_string())
}

/// What a case's registration recorded: its inputs, as `register` took them.
pub fn new_case_of(case: &Case) -> NewCase {
    NewCase {
        payer: case.payer.clone(),
        counterparty: case.counterparty.clone(),
        title: case.title.clone(),
        summary: case.summary.clone(),
        district: case.district.clone(),
        channel: case.channel,
        category: case.category,
        insurance: case.insurance.clone(),
    }
}

/// An imported case carries its history in its events; replay them through the workflow,
/// each by the operator it names (as the casebook stood before the import), and the result
/// must be the case as imported.
pub fn replay_imported(case: &Case, book: &Casebook, now: crate::case::Time) -> Result<(), String> {
    let state = rebuild_imported(case, book, now)?;
    if state == *case {
        Ok(())
    } else {
        Err(t!(
            "audit-import-not-result",
            field = first_difference(&state, case)
        ))
    }
}

/// The case the workflow makes of an imported case's events under `book`: registered with
/// its registration's inputs, then each later action with the inputs read back from the
/// case. Under the casebook it was imported with, that is the case itself; under another
/// (sync's replay) its due dates follow that casebook's time limits.
pub fn rebuild_imported(
    case: &Case,
    book: &Casebook,
    now: crate::case::Time,
) -> Result<Case, String> {
    let cal = book.calendar();
    let operator = |id: &str| {
        book.operator(id)
            .ok_or_else(|| t!("audit-import-unknown-operator", id = id))
    };
    let mut events = case.events.iter();
    let first = events.next().ok_or_else(|| t!("audit-import-no-events"))?;
    if first.action != Action::Register {
        return Err(t!("audit-import-first-not-register"));
    }
    let id = CaseId::parse(&case.id).map_err(|e| e.to_string())?;
    let ctx = Ctx {
        book,
        cal: &cal,
        actor: operator(&first.by)?,
        at: first.at,
        now,
    };
    let refused = |e: crate::error::Error| t!("audit-workflow-refuses", error = e.to_string());
    let mut state = workflow::register(&id, new_case_of(case), &ctx).map_err(refused)?;
    for event in events {
        let cmd = infer_command(&state, case, event)
            .ok_or_else(|| t!("audit-import-unsupported", action = event.action.code()))?;
        let ctx = Ctx {
            book,
            cal: &cal,
            actor: operator(&event.by)?,
            at: event.at,
            now,
        };
        state = workflow::apply(&state, &cmd, &ctx).map_err(refused)?;
    }
    match &case.imported {
        Some(mark) if book.operator(&mark.by).is_some() => state.imported = Some(mark.clone()),
        _ => return Err(t!("audit-import-unmarked")),
    }
    Ok(state)
}

/// The inputs of the action `event` records, read back from a later state of the case
/// (see [`workflow::read_back`]; each action defines its own beside what it does).
pub fn infer_command(old: &Case, new: &Case, event: &Event) -> Option<Command> {
    workflow::read_back(old, new, event)
}

/// The first top-level field in which two cases differ, for the finding's message.
fn first_difference(a: &Case, b: &Case) -> String {
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) =
        (serde_json::to_value(a), serde_json::to_value(b))
    else {
        return t!("audit-content");
    };
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .find(|k| a.get(*k) != b.get(*k))
        .cloned()
        .unwrap_or_else(|| t!("audit-content"))
}

/// For tests: a change record.
pub fn change(path: &str, old: Option<&str>, new: Option<&str>) -> FileChange {
    FileChange {
        path: path.to_string(),
        old: old.map(|s| s.as_bytes().to_vec()),
        new: new.map(|s| s.as_bytes().to_vec()),
    }
}
