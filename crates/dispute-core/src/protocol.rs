//! The commit protocol: the one owner of what a casebook commit says (DESIGN §6).
//!
//! Every writer (the commands, `import`, the benchmark) builds its message here, and every
//! reader (`verify`, `log`, `show`) parses it here, so a subject or trailer can only change
//! in one place. A message is `<action> <CASE-ID>: <summary>` (or `<action>: <summary>` for
//! casebook-wide actions), a blank line, then one `Key: value` trailer per line.
//!
//! Commit messages are part of the audit trail and are written in Chinese whatever the
//! reader's language, so that `git log` reads the same in every office.

use std::fmt;

use crate::case::{Action, Case, Time};
use crate::casebook::{Casebook, Operator};
use dispute_i18n::{Lang, t_in};

/// The casebook's settings file at the root of the repository.
pub const CASEBOOK_FILE: &str = "casebook.toml";
/// The directory holding every case file.
pub const CASES_DIR: &str = "cases";

/// The trailers a dispute commit carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trailer {
    Case,
    Action,
    Operator,
    Dept,
    At,
    ImportRows,
    ImportSha256,
    /// The policy consultation a `policy-consult` commit records.
    Policy,
}

impl Trailer {
    pub fn key(self) -> &'static str {
        match self {
            Trailer::Case => "Case",
            Trailer::Action => "Action",
            Trailer::Operator => "Operator",
            Trailer::Dept => "Dept",
            Trailer::At => "At",
            Trailer::ImportRows => "Import-Rows",
            Trailer::ImportSha256 => "Import-SHA256",
            Trailer::Policy => "Policy",
        }
    }
}

impl fmt::Display for Trailer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// The actions that change `casebook.toml` or many cases at once, beside the case actions
/// of [`Action`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookAction {
    Init,
    OperatorAdd,
    OperatorDisable,
    OperatorEnable,
    OperatorEdit,
    OperatorKey,
    Import,
    /// From this commit on, every commit must be signed.
    RequireSigning,
    /// A casebook setting changed (`dispute admin set`).
    Setting,
    /// One year of the official holiday calendar added or replaced
    /// (`dispute admin calendar add`).
    CalendarAdd,
    /// A member department added (`dispute admin dept add`).
    DeptAdd,
    /// A member department's name changed (`dispute admin dept edit`).
    DeptEdit,
    /// Existing cases' payer data encrypted, and from now on every case's
    /// (`dispute admin encrypt-payers`).
    EncryptPayers,
    /// A policy consultation of the leading group (a file under `policy/`).
    PolicyConsult,
}

impl BookAction {
    pub const ALL: &'static [BookAction] = &[
        BookAction::Init,
        BookAction::OperatorAdd,
        BookAction::OperatorDisable,
        BookAction::OperatorEnable,
        BookAction::OperatorEdit,
        BookAction::OperatorKey,
        BookAction::Import,
        BookAction::RequireSigning,
        BookAction::Setting,
        BookAction::CalendarAdd,
        BookAction::DeptAdd,
        BookAction::DeptEdit,
        BookAction::EncryptPayers,
        BookAction::PolicyConsult,
    ];

    pub fn code(self) -> &'static str {
        self.code_str()
    }

    pub const fn code_str(self) -> &'static str {
        match self {
            BookAction::Init => "init",
            BookAction::OperatorAdd => "operator-add",
            BookAction::OperatorDisable => "operator-disable",
            BookAction::OperatorEnable => "operator-enable",
            BookAction::OperatorEdit => "operator-edit",
            BookAction::OperatorKey => "operator-key",
            BookAction::Import => "import",
            BookAction::RequireSigning => "admin-require-signing",
            BookAction::Setting => "admin-set",
            BookAction::CalendarAdd => "admin-calendar-add",
            BookAction::DeptAdd => "admin-dept-add",
            BookAction::DeptEdit => "admin-dept-edit",
            BookAction::EncryptPayers => "admin-encrypt-payers",
            BookAction::PolicyConsult => "policy-consult",
        }
    }

    pub fn from_code(code: &str) -> Option<BookAction> {
        BookAction::ALL.iter().copied().find(|a| a.code() == code)
    }

    /// Admin actions on operators: the departments' keys follow them in the same commit.
    pub fn changes_operators(self) -> bool {
        matches!(
            self,
            BookAction::OperatorAdd
                | BookAction::OperatorDisable
                | BookAction::OperatorEnable
                | BookAction::OperatorEdit
                | BookAction::OperatorKey
        )
    }

    /// Admin actions that change `casebook.toml` alone.
    pub fn edits_casebook(self) -> bool {
        !matches!(
            self,
            BookAction::Init
                | BookAction::Import
                | BookAction::EncryptPayers
                | BookAction::PolicyConsult
        )
    }
}

/// What a commit's `Action` trailer names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionCode {
    Case(Action),
    Book(BookAction),
}

impl ActionCode {
    pub fn parse(code: &str) -> Option<ActionCode> {
        Action::from_code(code)
            .map(ActionCode::Case)
            .or_else(|| BookAction::from_code(code).map(ActionCode::Book))
    }

    pub fn code(self) -> &'static str {
        match self {
            ActionCode::Case(a) => a.code(),
            ActionCode::Book(b) => b.code(),
        }
    }
}

/// A commit message: subject, optional body, trailers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub subject: String,
    pub body: Option<String>,
    pub trailers: Trailers,
}

impl Message {
    /// The message of a workflow action on one case.
    pub fn case_action(
        book: &Casebook,
        actor: &Operator,
        before: &Case,
        after: &Case,
        action: Action,
    ) -> Message {
        let summary = case_summary(book, before, after, action);
        let at = after
            .events
            .last()
            .map(|e| e.at.to_rfc3339())
            .unwrap_or_default();
        let mut trailers = Trailers::default();
        trailers.push(Trailer::Case, &after.id);
        trailers.push(Trailer::Action, action.code());
        trailers.push(Trailer::Operator, &actor.id);
        trailers.push(Trailer::Dept, &actor.dept);
        trailers.push(Trailer::At, at);
        Message {
            subject: format!("{} {}: {}", action.code(), after.id, summary),
            body: None,
            trailers,
        }
    }

    /// The message of an action on the casebook as a whole (`init`, operators, import).
    pub fn book_action(action: BookAction, actor: &Operator, summary: &str) -> Message {
        let mut trailers = Trailers::default();
        trailers.push(Trailer::Action, action.code());
        trailers.push(Trailer::Operator, &actor.id);
        trailers.push(Trailer::Dept, &actor.dept);
        Message {
            subject: format!("{}: {summary}", action.code()),
            body: None,
            trailers,
        }
    }

    /// The message of `init`.
    pub fn init(actor: &Operator, county: &str) -> Message {
        Message::book_action(
            BookAction::Init,
            actor,
            &t_in!(Lang::Zh, "commit-init", county = county),
        )
    }

    /// The message of a batch import: the row count and the file's SHA-256 as trailers, so
    /// the same file is not imported twice.
    pub fn import(actor: &Operator, file_name: &str, rows: usize, sha256: &str) -> Message {
        let mut m = Message::book_action(
            BookAction::Import,
            actor,
            &t_in!(Lang::Zh, "commit-import", file = file_name, rows = rows),
        );
        m.trailers.push(Trailer::ImportRows, rows.to_string());
        m.trailers.push(Trailer::ImportSha256, sha256);
        m
    }

    /// The message of a policy consultation of the leading group: the topic and minutes
    /// stay in the file (free text), the subject counts the cases it concerns.
    pub fn policy_consult(actor: &Operator, p: &crate::policy::PolicyConsultation) -> Message {
        let mut m = Message::book_action(
            BookAction::PolicyConsult,
            actor,
            &t_in!(
                Lang::Zh,
                "policy-commit",
                depts = p.attendees.len(),
                cases = p.cases.len()
            ),
        );
        m.subject = format!(
            "{} {}: {}",
            BookAction::PolicyConsult.code(),
            p.id,
            m.summary()
        );
        m.trailers.push(Trailer::Policy, &p.id);
        m.trailers.push(Trailer::At, p.at.to_rfc3339());
        m
    }

    pub fn render(&self) -> String {
        let mut out = self.subject.clone();
        out.push_str("\n\n");
        if let Some(body) = &self.body {
            out.push_str(body);
            out.push_str("\n\n");
        }
        for (k, v) in &self.trailers.0 {
            out.push_str(&format!("{k}: {v}\n"));
        }
        out
    }

    /// Read a commit message back: the first line is the subject, the last paragraph the
    /// trailers if every line of it is `Key: value`.
    pub fn parse(text: &str) -> Message {
        let text = text.trim_end();
        let subject = text.lines().next().unwrap_or("").to_string();
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        let mut trailers = Trailers::default();
        let mut body_end = paragraphs.len();
        if paragraphs.len() > 1 {
            let last = paragraphs[paragraphs.len() - 1];
            let parsed: Option<Vec<(String, String)>> = last
                .lines()
                .map(|l| {
                    let (k, v) = l.split_once(':')?;
                    let valid =
                        !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
                    valid.then(|| (k.to_string(), v.trim().to_string()))
                })
                .collect();
            if let Some(parsed) = parsed {
                trailers = Trailers(parsed);
                body_end -= 1;
            }
        }
        let body = (body_end > 1).then(|| paragraphs[1..body_end].join("\n\n"));
        Message {
            subject,
            body,
            trailers,
        }
    }

    /// The summary part of the subject, after `<action> <ID>: `.
    pub fn summary(&self) -> &str {
        self.subject
            .split_once(": ")
            .map(|(_, s)| s)
            .unwrap_or(&self.subject)
    }
}

/// A commit's trailers, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Trailers(pub Vec<(String, String)>);

impl Trailers {
    pub fn push(&mut self, key: Trailer, value: impl Into<String>) {
        self.0.push((key.key().to_string(), value.into()));
    }

    /// The value of a trailer, trimmed.
    pub fn get(&self, key: Trailer) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key.key())
            .map(|(_, v)| v.trim())
    }

    pub fn action(&self) -> Option<ActionCode> {
        self.get(Trailer::Action).and_then(ActionCode::parse)
    }

    /// `At`, when the action happened as the operator stated it.
    pub fn at(&self) -> Option<Time> {
        self.get(Trailer::At)
            .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
    }
}

/// One commit as the readers see it: who, when, what it says.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CommitInfo {
    /// The short commit id.
    pub commit: String,
    pub author_name: String,
    pub author_email: String,
    /// The commit (committer) time, in China time.
    pub time: Time,
    pub message: Message,
}

impl serde::Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Message", 2)?;
        st.serialize_field("summary", &self.subject)?;
        st.serialize_field("trailers", &self.trailers)?;
        st.end()
    }
}

/// One commit as `verify` sees it: the commit, its changes and the casebook it acted under.
#[derive(Debug)]
pub struct CommitRecord {
    pub info: CommitInfo,
    pub parents: usize,
    /// Changes against the first parent under `cases/` and to `casebook.toml`, less what a
    /// merge took unchanged from another parent.
    pub changes: Vec<FileChange>,
    /// Paths a merge took from another parent.
    pub merged_from_other_side: Vec<String>,
    /// `casebook.toml` at the first parent: the operators and settings the commit acted under.
    pub parent_casebook: Option<Vec<u8>>,
    pub committer_name: String,
    pub committer_email: String,
    /// The SSH signature of the commit (`gpgsig`), if it has one.
    pub signature: Option<Signed>,
    /// In a merge: every case file that differs between the result and any parent, with
    /// its content in the result and in each parent (first parent first).
    pub merge_files: Vec<MergeFile>,
}

/// A signature and the exact bytes it signs (the commit without its `gpgsig` header).
#[derive(Debug, Clone)]
pub struct Signed {
    pub armored: String,
    pub payload: Vec<u8>,
}

/// One case file of a merge, in the result and in each parent (None: absent).
#[derive(Debug, Clone)]
pub struct MergeFile {
    pub path: String,
    pub result: Option<Vec<u8>>,
    pub parents: Vec<Option<Vec<u8>>>,
}

/// One file's content before and after a commit (None: absent).
#[derive(Debug)]
pub struct FileChange {
    pub path: String,
    pub old: Option<Vec<u8>>,
    pub new: Option<Vec<u8>>,
}

/// The summary of a case action's subject, in Chinese (commit messages are the audit
/// trail). Free text (reasons, opinions) never appears: it may name the payer's details.
pub fn case_summary(book: &Casebook, before: &Case, after: &Case, action: Action) -> String {
    case_summary_in(Lang::Zh, book, before, after, action)
}

/// [`case_summary`] in a given language, for showing a summary to a reader. Each action
/// defines its own (`workflow::ActionSpec`).
pub fn case_summary_in(
    lang: Lang,
    book: &Casebook,
    before: &Case,
    after: &Case,
    action: Action,
) -> String {
    action.spec().summary(lang, book, before, after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rendered_message_parses_back() {
        let mut trailers = Trailers::default();
        trailers.push(Trailer::Case, "TAX-2026-0001");
        trailers.push(Trailer::Action, "classify");
        trailers.push(Trailer::At, "2026-11-20T09:30:00+08:00");
        let m = Message {
            subject: "classify TAX-2026-0001: 一般事项".into(),
            body: Some("说明".into()),
            trailers,
        };
        let back = Message::parse(&m.render());
        assert_eq!(back, m);
        assert_eq!(back.summary(), "一般事项");
        assert_eq!(
            back.trailers.action(),
            Some(ActionCode::Case(Action::Classify))
        );
        assert_eq!(
            back.trailers.at().unwrap().to_rfc3339(),
            "2026-11-20T09:30:00+08:00"
        );
    }

    #[test]
    fn a_message_without_trailers_has_none() {
        let m = Message::parse("手工提交\n\n改了点东西: 不是 trailer 吗\n随便写的");
        assert!(m.trailers.0.is_empty());
        assert_eq!(m.subject, "手工提交");
        assert_eq!(m.trailers.action(), None);
    }

    #[test]
    fn every_action_code_round_trips() {
        for a in Action::ALL {
            assert_eq!(ActionCode::parse(a.code()), Some(ActionCode::Case(*a)));
        }
        for b in BookAction::ALL {
            assert_eq!(ActionCode::parse(b.code()), Some(ActionCode::Book(*b)));
        }
        assert_eq!(ActionCode::parse("nonsense"), None);
    }
}
