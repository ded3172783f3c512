//! The pure part of `dispute sync` (DESIGN §10): a recorded action re-applied to another
//! state of the casebook, and the errors of sync.
//!
//! A clone's unpushed commit records one action. For a case action the commit holds the
//! case before and after it, and the action's inputs are read back from them exactly as
//! `verify` reads them ([`workflow::read_back`]); for an admin action it holds
//! `casebook.toml` before and after, whose difference is the change `casebook_change`
//! recognises; an import holds the cases it added. Sync re-applies the same action, by the
//! same operator, at the same `At`, to the central casebook's state: the workflow decides
//! again, so what lands on the central history is always legal there. What the workflow
//! refuses comes back as a [`Rejection`], which sync keeps with the action's inputs.
//!
//! Nothing here reads git, files or the clock: the store hands in both states.

use std::path::PathBuf;

use dispute_i18n::{Lang, t_in};

use crate::audit;
use crate::case::{Action, Case, CaseId, Time};
use crate::casebook::{Casebook, Operator, Role};
use crate::casebook_change;
use crate::error::Kind;
use crate::identity::current_key;
use crate::protocol::BookAction;
use crate::seal;
use crate::text::Label;
use crate::workflow::{self, Ctx};

/// Why a recorded action cannot be replayed on the central casebook, in words.
pub type Rejection = String;

/// The action's inputs as sync keeps them with a rejected action: the registration's
/// details, or the command read back from the case (`null` when they cannot be read).
pub fn inputs_of(old: Option<&Case>, new: &Case) -> serde_json::Value {
    let value = match (old, new.events.last()) {
        (None, _) => serde_json::to_value(audit::new_case_of(new)),
        (Some(old), Some(event)) => match workflow::read_back(old, new, event) {
            Some(cmd) => serde_json::to_value(cmd),
            None => return serde_json::Value::Null,
        },
        (Some(_), None) => return serde_json::Value::Null,
    };
    value.unwrap_or(serde_json::Value::Null)
}

/// The operator who acts, as the central casebook knows them: they must exist there and
/// be active.
fn actor<'b>(book: &'b Casebook, id: &str) -> Result<&'b Operator, Rejection> {
    let op = book
        .operator(id)
        .ok_or_else(|| dispute_i18n::t!("sync-reject-operator-unknown", id = id))?;
    if !op.active {
        return Err(dispute_i18n::t!("sync-reject-operator-disabled", id = id));
    }
    Ok(op)
}

/// Replay a case action recorded as `old` → `new` (the case before and after it in the
/// clone) onto `target`, the case as the central casebook holds it (None: it is not
/// there). `id` is the case's ID there (a renumbered registration gets its new ID);
/// `now` is the time the action was committed. Returns the case the action makes there.
pub fn replay_case_action(
    book: &Casebook,
    target: Option<&Case>,
    id: &CaseId,
    old: Option<&Case>,
    new: &Case,
    now: Time,
) -> Result<(Case, Action), Rejection> {
    let event = new
        .events
        .last()
        .ok_or_else(|| dispute_i18n::t!("sync-reject-no-event"))?;
    let actor = actor(book, &event.by)?;
    let cal = book.calendar();
    let ctx = Ctx {
        book,
        cal: &cal,
        actor,
        at: event.at,
        now,
    };
    let refused = |e: crate::error::Error| e.to_string();
    match (old, target) {
        (None, Some(_)) => Err(dispute_i18n::t!(
            "sync-reject-id-taken",
            id = id.to_string()
        )),
        (None, None) => {
            if event.action != Action::Register {
                return Err(dispute_i18n::t!("sync-reject-no-event"));
            }
            let case = workflow::register(id, audit::new_case_of(new), &ctx).map_err(refused)?;
            Ok((case, Action::Register))
        }
        (Some(_), None) => Err(dispute_i18n::t!(
            "sync-reject-case-missing",
            id = id.to_string()
        )),
        (Some(old), Some(target)) => {
            let cmd = workflow::read_back(old, new, event)
                .ok_or_else(|| dispute_i18n::t!("sync-reject-no-inputs"))?;
            let action = cmd.action(target);
            if action != event.action {
                return Err(dispute_i18n::t!(
                    "sync-reject-other-action",
                    action = event.action.label(),
                    now = action.label()
                ));
            }
            let case = workflow::apply(target, &cmd, &ctx).map_err(refused)?;
            Ok((case, action))
        }
    }
}

/// Seal a replayed case's confidential data for the central casebook, by the same rule as
/// `App::act` ([`seal::reseal_after`]): `before` is the case on the central casebook before
/// the action (None for a registration), `local` the case as the clone recorded it after the
/// action, whose seal is taken when the operator's key cannot open the data (an ssh-agent)
/// and it went to exactly the central recipients. `opener`: the operator's key file, if
/// sync holds it.
pub fn reseal_replayed(
    book: &Casebook,
    before: Option<&Case>,
    after: &mut Case,
    local: &Case,
    opener: Option<&seal::Opener>,
    dept: &str,
) -> Result<(), Rejection> {
    let registered;
    let before = match before {
        Some(before) => before,
        None => {
            registered = after.clone();
            &registered
        }
    };
    let open = |case: &Case| match opener {
        Some(o) => seal::open_parties(case, book, o, dept).map_err(|c| c.describe(book)),
        None => Err(dispute_i18n::t!("secret-closed-no-key")),
    };
    seal::reseal_after(book, before, after, open, Some(local))
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Replay the cases of an import onto the central casebook: the importer must still be an
/// active receiver of the cases' department there, and every case's events must replay
/// through the workflow under the central casebook (as `verify` checks an import). Returns
/// the cases as the central casebook's settings make them (due dates follow its limits).
pub fn replay_import(
    book: &Casebook,
    importer: &str,
    cases: &[Case],
    now: Time,
) -> Result<Vec<Case>, Rejection> {
    let op = actor(book, importer)?;
    if !op.has(Role::Receiver) {
        return Err(dispute_i18n::t!(
            "sync-reject-lacks-role",
            id = importer,
            role = Role::Receiver.code()
        ));
    }
    let mut out = Vec::with_capacity(cases.len());
    for case in cases {
        if case.receiving_dept != op.dept {
            return Err(dispute_i18n::t!(
                "sync-reject-import-dept",
                id = case.id.as_str(),
                dept = op.dept.as_str()
            ));
        }
        let rebuilt = audit::rebuild_imported(case, book, now).map_err(|r| {
            dispute_i18n::t!("sync-reject-import-case", id = case.id.as_str(), reason = r)
        })?;
        out.push(rebuilt);
    }
    Ok(out)
}

/// Replay a policy consultation of the leading-group office recorded in the clone
/// (`local`) onto the central casebook: the same topic, attendees, minutes and cases, by the
/// same operator at the same time, who must still be an active operator of the office
/// there, under number `seq` of its year (the central casebook's next free one when the
/// clone's is taken). `cases` maps a local case number to its central one (renumbered by
/// this sync); a case the central casebook does not have is a rejection.
pub fn replay_policy(
    book: &Casebook,
    local: &crate::policy::PolicyConsultation,
    seq: u32,
    case_exists: &dyn Fn(&str) -> bool,
    cases: &dyn Fn(&str) -> String,
    now: Time,
) -> Result<crate::policy::PolicyConsultation, Rejection> {
    let op = actor(book, &local.by)?;
    if !op.has(Role::Office) {
        return Err(dispute_i18n::t!(
            "sync-reject-lacks-role",
            id = local.by.as_str(),
            role = Role::Office.code()
        ));
    }
    let mut concerned = vec![];
    for id in &local.cases {
        let central = cases(id);
        if !case_exists(&central) {
            return Err(dispute_i18n::t!(
                "sync-reject-case-missing",
                id = central.as_str()
            ));
        }
        concerned.push(central);
    }
    let new = crate::policy::NewPolicyConsultation {
        topic: local.topic.clone(),
        attendees: local.attendees.clone(),
        minutes: local.minutes.clone(),
        cases: concerned,
    };
    crate::policy::record(new, seq, book, op, local.at, now).map_err(|e| e.to_string())
}

/// Replay an admin action that changed `before` into `after` in the clone onto the central
/// casebook `target`: the same change (one operator added, disabled, enabled, edited or
/// given a new key; signing switched on; settings changed), made by `actor`, who must be an
/// active admin there. Returns the central casebook after it.
pub fn replay_book_action(
    kind: BookAction,
    before: &Casebook,
    after: &Casebook,
    target: &Casebook,
    actor_id: &str,
    opener: Option<&seal::Opener>,
    now: Time,
) -> Result<Casebook, Rejection> {
    let admin = actor(target, actor_id)?;
    if !admin.has(Role::Admin) {
        return Err(dispute_i18n::t!(
            "sync-reject-lacks-role",
            id = actor_id,
            role = Role::Admin.code()
        ));
    }
    let mut next = target.clone();
    match kind {
        // A policy consultation changes no `casebook.toml`: see [`replay_policy`].
        BookAction::Init
        | BookAction::Import
        | BookAction::EncryptPayers
        | BookAction::PolicyConsult => {
            return Err(dispute_i18n::t!("sync-reject-not-replayable"));
        }
        BookAction::OperatorAdd => {
            let new = after
                .operators
                .last()
                .filter(|_| after.operators.len() == before.operators.len() + 1)
                .ok_or_else(|| dispute_i18n::t!("sync-reject-not-replayable"))?;
            if target.operator(&new.id).is_some() {
                return Err(dispute_i18n::t!(
                    "sync-reject-operator-exists",
                    id = new.id.as_str()
                ));
            }
            if target.operator_by_email(&new.email).is_some() {
                return Err(dispute_i18n::t!(
                    "sync-reject-email-taken",
                    email = new.email.as_str()
                ));
            }
            for k in &new.keys {
                key_free(target, &k.key)?;
            }
            next.operators.push(new.clone());
        }
        BookAction::OperatorDisable
        | BookAction::OperatorEnable
        | BookAction::OperatorEdit
        | BookAction::OperatorKey => {
            let (b, a) = changed_operator(before, after)
                .ok_or_else(|| dispute_i18n::t!("sync-reject-not-replayable"))?;
            let slot = next
                .operators
                .iter_mut()
                .find(|o| o.id == a.id)
                .ok_or_else(|| {
                    dispute_i18n::t!("sync-reject-operator-unknown", id = a.id.as_str())
                })?;
            replay_operator_change(kind, b, a, slot, target)?;
        }
        BookAction::RequireSigning => {
            if target.integrity.signing_required {
                return Err(dispute_i18n::t!("sync-reject-already"));
            }
            if current_key(admin).is_none() {
                return Err(dispute_i18n::t!(
                    "sync-reject-no-registered-key",
                    id = actor_id
                ));
            }
            next.integrity.signing_required = true;
        }
        BookAction::Setting => {
            next = replay_settings(before, after, target)?;
        }
        BookAction::CalendarAdd => {
            // the one year added or replaced
            let year = after
                .calendar
                .iter()
                .find(|y| !before.calendar.contains(y))
                .ok_or_else(|| dispute_i18n::t!("sync-reject-not-replayable"))?;
            match next.calendar.iter_mut().find(|y| y.year == year.year) {
                Some(slot) => *slot = year.clone(),
                None => next.calendar.push(year.clone()),
            }
        }
        BookAction::DeptAdd => {
            let dept = after
                .departments
                .last()
                .filter(|_| after.departments.len() == before.departments.len() + 1)
                .ok_or_else(|| dispute_i18n::t!("sync-reject-not-replayable"))?;
            if next.departments.iter().any(|d| d.code == dept.code) {
                return Err(dispute_i18n::t!("sync-reject-already"));
            }
            next.departments.push(dept.clone());
        }
        BookAction::DeptEdit => {
            let dept = after
                .departments
                .iter()
                .find(|d| !before.departments.contains(d))
                .ok_or_else(|| dispute_i18n::t!("sync-reject-not-replayable"))?;
            let slot = next
                .departments
                .iter_mut()
                .find(|d| d.code == dept.code)
                .ok_or_else(|| dispute_i18n::t!("sync-reject-not-replayable"))?;
            *slot = dept.clone();
        }
    }
    if next == *target {
        return Err(dispute_i18n::t!("sync-reject-already"));
    }
    if kind.changes_operators() {
        // The departments' keys follow their operators in the same commit (DESIGN §11),
        // as on the central casebook's state: re-wrapped with the admin's own key where it
        // opens them, replaced where it does not.
        seal::sync_dept_keys(&mut next, opener, now).map_err(|e| e.to_string())?;
    }
    if crate::casebook::Casebook::parse(&next.to_toml()).is_err()
        || !casebook_change::is_legal(target, &next, kind)
    {
        return Err(dispute_i18n::t!("sync-reject-book-not-legal"));
    }
    Ok(next)
}

/// The one operator an operator action changed: (before, after).
fn changed_operator<'a>(
    before: &'a Casebook,
    after: &'a Casebook,
) -> Option<(&'a Operator, &'a Operator)> {
    if before.operators.len() != after.operators.len() {
        return None;
    }
    let mut changed = before
        .operators
        .iter()
        .zip(&after.operators)
        .filter(|(b, a)| b != a);
    let one = changed.next()?;
    (changed.next().is_none() && one.0.id == one.1.id).then_some(one)
}

/// A key registered to nobody on the central casebook.
fn key_free(target: &Casebook, key: &str) -> Result<(), Rejection> {
    match target
        .operators
        .iter()
        .find(|o| o.keys.iter().any(|k| k.key == key))
    {
        Some(owner) => Err(dispute_i18n::t!(
            "sync-reject-key-taken",
            id = owner.id.as_str()
        )),
        None => Ok(()),
    }
}

/// The time the clone recorded for retiring the operator's current key: when the key
/// that was current before (`b`) got its `retired` in `a`.
fn retired_at(b: &Operator, a: &Operator) -> Option<Time> {
    b.keys.iter().zip(&a.keys).find_map(|(kb, ka)| {
        if kb.retired.is_none() {
            ka.retired
        } else {
            None
        }
    })
}

/// Apply to `slot` (the operator on the central casebook) the change `b` → `a` made in
/// the clone.
fn replay_operator_change(
    kind: BookAction,
    b: &Operator,
    a: &Operator,
    slot: &mut Operator,
    target: &Casebook,
) -> Result<(), Rejection> {
    let id = a.id.as_str();
    let new_key = || {
        a.keys
            .last()
            .filter(|_| a.keys.len() == b.keys.len() + 1)
            .cloned()
    };
    let retire = |slot: &mut Operator, at: Time| {
        for k in slot.keys.iter_mut().filter(|k| k.retired.is_none()) {
            k.retired = Some(at);
        }
    };
    match kind {
        BookAction::OperatorDisable => {
            if !slot.active {
                return Err(dispute_i18n::t!("sync-reject-operator-disabled", id = id));
            }
            slot.active = false;
            if let Some(at) = retired_at(b, a) {
                retire(slot, at);
            } else if slot.keys.iter().any(|k| k.retired.is_none()) {
                return Err(dispute_i18n::t!("sync-reject-not-replayable"));
            }
        }
        BookAction::OperatorEnable => {
            if slot.active {
                return Err(dispute_i18n::t!("sync-reject-operator-active", id = id));
            }
            slot.active = true;
            if let Some(key) = new_key() {
                key_free(target, &key.key)?;
                retire(slot, key.added);
                slot.keys.push(key);
            }
        }
        BookAction::OperatorEdit => {
            if a.name != b.name {
                slot.name = a.name.clone();
            }
            if a.phone != b.phone {
                slot.phone = a.phone.clone();
            }
            if a.dept != b.dept {
                target.dept_code(&a.dept).map_err(|e| e.to_string())?;
                slot.dept = a.dept.clone();
            }
            if a.roles != b.roles {
                slot.roles = a.roles.clone();
            }
        }
        BookAction::OperatorKey => {
            let key = new_key().ok_or_else(|| dispute_i18n::t!("sync-reject-not-replayable"))?;
            key_free(target, &key.key)?;
            retire(slot, retired_at(b, a).unwrap_or(key.added));
            slot.keys.push(key);
        }
        _ => return Err(dispute_i18n::t!("sync-reject-not-replayable")),
    }
    Ok(())
}

/// The settings the clone changed (deadlines, the backdating window, sync), set on the
/// central casebook; the others keep the central values.
fn replay_settings(
    before: &Casebook,
    after: &Casebook,
    target: &Casebook,
) -> Result<Casebook, Rejection> {
    use serde_json::{Map, Value};
    let json = |b: &Casebook| serde_json::to_value(b).unwrap_or(Value::Null);
    let (b, a, mut t) = (json(before), json(after), json(target));
    let section = |v: &Value, name: &str| -> Map<String, Value> {
        v.get(name)
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default()
    };
    // The county's name and the rules edition (`admin set county`, `admin set rules`).
    for name in ["county", "rules"] {
        if let (true, Some(v), Some(obj)) =
            (b.get(name) != a.get(name), a.get(name), t.as_object_mut())
        {
            obj.insert(name.to_string(), v.clone());
        }
    }
    for name in ["deadlines", "sync", "integrity", "leading_group"] {
        let (sb, sa) = (section(&b, name), section(&a, name));
        let mut st = section(&t, name);
        let mut keys: Vec<&String> = sb.keys().chain(sa.keys()).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            // Signing is its own action, never a setting.
            if name == "integrity" && key != "backdate_window_hours" {
                continue;
            }
            if sb.get(key) != sa.get(key) {
                match sa.get(key) {
                    Some(v) => st.insert(key.clone(), v.clone()),
                    None => st.remove(key),
                };
            }
        }
        if let Some(obj) = t.as_object_mut() {
            obj.insert(name.to_string(), Value::Object(st));
        }
    }
    let mut next: Casebook =
        serde_json::from_value(t).map_err(|_| dispute_i18n::t!("sync-reject-book-not-legal"))?;
    // The rules edition only goes up, whichever side raised it.
    next.rules = next.rules.max(target.rules);
    Ok(next)
}

/// What can go wrong in `sync`, `clone`, `status`, `server init` and the central
/// casebook's `pre-receive` hook.
#[derive(Debug, Clone, PartialEq)]
pub enum SyncError {
    /// No central casebook is set for this clone (no `origin`).
    NoRemote,
    /// The central casebook could not be reached or read.
    Unreachable { url: String, detail: String },
    /// The central casebook holds another casebook's history.
    Unrelated { url: String },
    /// The central casebook has no history yet.
    RemoteEmpty { url: String },
    /// The private keys of these operators, whose local actions must be signed again, are
    /// not on this machine.
    KeysMissing(Vec<String>),
    /// The central casebook refused the push; its own words.
    PushRefused { detail: String },
    /// Every try found the central casebook moved again.
    TooManyRaces(u32),
    /// These local actions are no longer legal on the central casebook (kept, not pushed).
    Rejected(Vec<String>),
    /// The hook refuses an update; one reason per line.
    HookRefused(Vec<String>),
    /// `server init`: the directory exists and is not empty.
    TargetExists(PathBuf),
    /// `server init`: the casebook's history cannot start a central casebook.
    NotPublishable(String),
    /// `clone`: what was fetched is not a casebook.
    NotACasebook { url: String },
    /// This transport needs the `git` program, which is not on PATH.
    GitMissing,
}

impl SyncError {
    pub fn kind(&self) -> Kind {
        use SyncError::*;
        match self {
            NoRemote | RemoteEmpty { .. } => Kind::NotFound,
            Unrelated { .. }
            | KeysMissing(_)
            | PushRefused { .. }
            | Rejected(_)
            | HookRefused(_)
            | TargetExists(_)
            | NotPublishable(_) => Kind::Refused,
            NotACasebook { .. } => Kind::Invalid,
            TooManyRaces(_) => Kind::Conflict,
            Unreachable { .. } | GitMissing => Kind::Internal,
        }
    }

    pub fn message_in(&self, lang: Lang) -> String {
        use SyncError::*;
        let sep = t_in!(lang, "sync-list-sep");
        match self {
            NoRemote => t_in!(lang, "sync-err-no-remote"),
            Unreachable { url, detail } => {
                t_in!(lang, "sync-err-unreachable", url = url, detail = detail)
            }
            Unrelated { url } => t_in!(lang, "sync-err-unrelated", url = url),
            RemoteEmpty { url } => t_in!(lang, "sync-err-remote-empty", url = url),
            KeysMissing(ids) => t_in!(lang, "sync-err-keys-missing", ids = ids.join(&sep)),
            PushRefused { detail } => t_in!(lang, "sync-err-push-refused", detail = detail),
            TooManyRaces(n) => t_in!(lang, "sync-err-races", n = *n),
            Rejected(what) => t_in!(
                lang,
                "sync-err-rejected",
                n = what.len(),
                what = what.join(&sep)
            ),
            HookRefused(reasons) => {
                t_in!(lang, "sync-err-hook-refused", reasons = reasons.join("\n"))
            }
            TargetExists(path) => t_in!(lang, "sync-err-target-exists", path = path.display()),
            NotPublishable(reason) => t_in!(lang, "sync-err-not-publishable", reason = reason),
            NotACasebook { url } => t_in!(lang, "sync-err-not-a-casebook", url = url),
            GitMissing => t_in!(lang, "sync-err-git-missing"),
        }
    }

    pub fn hint_in(&self, lang: Lang) -> String {
        use SyncError::*;
        let key = match self {
            NoRemote => "sync-hint-no-remote",
            Unreachable { .. } => "sync-hint-unreachable",
            Unrelated { .. } => "sync-hint-unrelated",
            RemoteEmpty { .. } => "sync-hint-remote-empty",
            KeysMissing(_) => "sync-hint-keys-missing",
            PushRefused { .. } => "sync-hint-push-refused",
            TooManyRaces(_) => "sync-hint-races",
            Rejected(_) => "sync-hint-rejected",
            HookRefused(_) => "sync-hint-hook-refused",
            TargetExists(_) => "sync-hint-target-exists",
            NotPublishable(_) => "sync-hint-not-publishable",
            NotACasebook { .. } => "sync-hint-not-a-casebook",
            GitMissing => "sync-hint-git-missing",
        };
        t_in!(lang, key)
    }
}

#[cfg(test)]
mod tests;
