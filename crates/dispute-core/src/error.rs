//! The one error type of the crate.
//!
//! Every failure a user can meet is a variant here, with its message and a hint saying what
//! to do (both from the catalog: `err-*` and `hint-*` in `errors.ftl`), and a kind that
//! decides the process exit code of DESIGN §5, and 6 for a write that was committed but
//! failed afterwards (issue 12). The workflow, the store and the commands all return this type, so a refusal
//! found deep in the pure workflow reaches the screen unchanged.

use std::fmt;
use std::path::PathBuf;

use dispute_i18n::{Lang, t_in};

/// What kind of failure, which decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Refused by the workflow or by permissions (exit 1).
    Refused,
    /// Something named does not exist (exit 3).
    NotFound,
    /// Invalid input or data (exit 4).
    Invalid,
    /// Lock held or a concurrent change (exit 5).
    Conflict,
    /// A bug or an environment failure (exit 70).
    Internal,
    /// The write was committed, but what follows the commit failed (exit 6).
    Committed,
}

impl Kind {
    pub fn exit_code(self) -> u8 {
        match self {
            Kind::Refused => 1,
            Kind::NotFound => 3,
            Kind::Invalid => 4,
            Kind::Conflict => 5,
            Kind::Internal => 70,
            Kind::Committed => 6,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    // ---- not found ----
    NoCasebook(PathBuf),
    CaseNotFound(String),
    OperatorNotFound(String),

    // ---- refused ----
    NoIdentity,
    UnknownActor(String),
    /// git's `user.email` names no operator (and neither `--as` nor `DISPUTE_OPERATOR` chose one).
    UnknownGitEmail(String),
    ActorDisabled(String),
    /// `action` names what was attempted (an action label and the case, or a noun phrase:
    /// 查看案件 X 的缴费人信息 / viewing the payer details of case X); `rule` says who may.
    NotPermitted {
        action: String,
        rule: String,
    },
    /// `status` is a label (`Status::label`), `action` a verb phrase (`Action::verb`);
    /// `next` says what the case waits for (the hint), or is empty.
    WrongState {
        id: String,
        status: String,
        action: String,
        next: String,
    },
    NotReady {
        id: String,
        action: String,
        reason: String,
    },
    AlreadyInitialised(PathBuf),
    HandEdits(Vec<String>),
    /// The working tree could not take the files of a write (a symlink or a file where a
    /// directory belongs, a read-only directory, a full disk); checked before the commit.
    WorktreeBlocked {
        path: String,
        reason: String,
    },
    AuditFailed(usize),
    AlreadyImported(String),
    ImportRows(usize),
    /// No private key of this operator could be found (`--key`, `DISPUTE_KEY`, ssh-agent,
    /// `~/.ssh/id_ed25519`).
    NoKey(String),
    /// The private key found is not the operator's registered key.
    KeyMismatch {
        operator: String,
        fingerprint: String,
    },
    /// The operator has no registered public key.
    NoRegisteredKey(String),
    /// The private key belongs to no active operator.
    UnknownKey(String),
    /// `--at` lies further before the commit time than the casebook allows.
    BackdateTooFar {
        at: String,
        hours: u32,
    },
    /// The operator cannot decrypt a case's payer data; `reason` says why.
    CannotOpen {
        id: String,
        reason: String,
    },
    /// An action changes who may read a case's payer data, and the operator cannot decrypt
    /// it to seal it again for them.
    CannotReseal {
        id: String,
        reason: String,
    },

    // ---- invalid ----
    /// `field` is the catalog word of the field (标题 / title), `reason` a whole clause.
    Invalid {
        field: String,
        reason: String,
    },
    /// Something to be created exists already: `what` says what (a whole clause), `hint`
    /// what to do instead.
    Exists {
        what: String,
        hint: String,
    },
    BadCaseId(String),
    UnknownDept(String),
    UnknownRole(String),
    BadTime(String),
    /// A date-only argument (`--from`, `--as-of`, `--due`) that is not a date.
    BadDate(String),
    FutureTime(String),
    TimeBeforePrevious {
        at: String,
        previous: String,
    },
    CasebookInvalid(String),
    CaseFileInvalid {
        path: String,
        reason: String,
    },
    FileRead {
        path: String,
        reason: String,
    },

    // ---- conflict ----
    Locked(u64),
    HeadMoved,

    // ---- committed, then failed ----
    /// `what` (a case ID, or the subject of a casebook action) is committed as `commit`;
    /// `problem` is what failed after the branch moved.
    Committed {
        what: String,
        commit: String,
        problem: Box<Error>,
    },
    // ---- sync (each decides its own kind) ----
    Sync(crate::sync::SyncError),

    // ---- internal ----
    Git(String),
    Io(#[from] std::io::Error),
    Internal(String),
}

/// The message in the chosen language ([`Error::message_in`]).
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_in(dispute_i18n::lang()))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn kind(&self) -> Kind {
        use Error::*;
        match self {
            NoCasebook(_) | CaseNotFound(_) | OperatorNotFound(_) => Kind::NotFound,
            NoIdentity
            | UnknownActor(_)
            | UnknownGitEmail(_)
            | ActorDisabled(_)
            | NotPermitted { .. }
            | WrongState { .. }
            | NotReady { .. }
            | AlreadyInitialised(_)
            | HandEdits(_)
            | WorktreeBlocked { .. }
            | AuditFailed(_)
            | AlreadyImported(_)
            | NoKey(_)
            | KeyMismatch { .. }
            | NoRegisteredKey(_)
            | UnknownKey(_)
            | BackdateTooFar { .. }
            | CannotOpen { .. }
            | CannotReseal { .. } => Kind::Refused,
            ImportRows(_)
            | Invalid { .. }
            | Exists { .. }
            | BadCaseId(_)
            | UnknownDept(_)
            | UnknownRole(_)
            | BadTime(_)
            | BadDate(_)
            | FutureTime(_)
            | TimeBeforePrevious { .. }
            | CasebookInvalid(_)
            | CaseFileInvalid { .. }
            | FileRead { .. } => Kind::Invalid,
            Locked(_) | HeadMoved => Kind::Conflict,
            Git(_) | Io(_) | Internal(_) => Kind::Internal,
            Committed { .. } => Kind::Committed,
            Sync(e) => e.kind(),
        }
    }

    /// The one-line message in `lang` (what `Display` prints in the chosen language).
    pub fn message_in(&self, lang: Lang) -> String {
        use Error::*;
        match self {
            NoCasebook(dir) => t_in!(lang, "err-no-casebook", dir = dir.display()),
            CaseNotFound(id) => t_in!(lang, "err-case-not-found", id = id),
            OperatorNotFound(id) => t_in!(lang, "err-operator-not-found", id = id),
            NoIdentity => t_in!(lang, "err-no-identity"),
            UnknownActor(id) => t_in!(lang, "err-unknown-actor", id = id),
            UnknownGitEmail(email) => t_in!(lang, "clerk-err-unknown-git-email", email = email),
            ActorDisabled(id) => t_in!(lang, "err-actor-disabled", id = id),
            NoKey(id) => t_in!(lang, "err-no-key", id = id),
            KeyMismatch {
                operator,
                fingerprint,
            } => t_in!(
                lang,
                "err-key-mismatch",
                id = operator,
                fingerprint = fingerprint
            ),
            NoRegisteredKey(id) => t_in!(lang, "err-no-registered-key", id = id),
            UnknownKey(fp) => t_in!(lang, "err-unknown-key", fingerprint = fp),
            BackdateTooFar { at, hours } => {
                t_in!(lang, "err-backdate-too-far", at = at, hours = *hours)
            }
            NotPermitted { action, rule } => {
                t_in!(lang, "err-not-permitted", action = action, rule = rule)
            }
            CannotOpen { id, reason } => {
                t_in!(lang, "secret-err-cannot-open", id = id, reason = reason)
            }
            CannotReseal { id, reason } => {
                t_in!(lang, "secret-err-cannot-reseal", id = id, reason = reason)
            }
            WrongState {
                id, status, action, ..
            } => t_in!(
                lang,
                "err-wrong-state",
                id = id,
                status = status,
                action = action
            ),
            NotReady { id, action, reason } => t_in!(
                lang,
                "err-not-ready",
                id = id,
                action = action,
                reason = reason
            ),
            AlreadyInitialised(dir) => {
                t_in!(lang, "err-already-initialised", dir = dir.display())
            }
            HandEdits(files) => t_in!(
                lang,
                "err-hand-edits",
                files = files.join(&t_in!(lang, "err-list-separator"))
            ),
            WorktreeBlocked { path, reason } => {
                t_in!(
                    lang,
                    "clerk-err-worktree-blocked",
                    path = path,
                    reason = reason
                )
            }
            Committed {
                what,
                commit,
                problem,
            } => t_in!(
                lang,
                "clerk-err-committed",
                what = what,
                commit = commit,
                problem = problem.message_in(lang)
            ),
            AuditFailed(n) => t_in!(lang, "err-audit-failed", n = n),
            AlreadyImported(commit) => t_in!(lang, "err-already-imported", commit = commit),
            ImportRows(n) => t_in!(lang, "err-import-rows", n = n),
            Invalid { field, reason } => {
                t_in!(lang, "err-invalid", field = field, reason = reason)
            }
            Exists { what, .. } => what.clone(),
            BadCaseId(id) => t_in!(lang, "err-bad-case-id", id = id),
            UnknownDept(code) => t_in!(lang, "err-unknown-dept", code = code),
            UnknownRole(role) => t_in!(lang, "err-unknown-role", role = role),
            BadTime(time) => t_in!(lang, "err-bad-time", time = time),
            BadDate(date) => t_in!(lang, "clerk-err-bad-date", date = date),
            FutureTime(time) => t_in!(lang, "err-future-time", time = time),
            TimeBeforePrevious { at, previous } => t_in!(
                lang,
                "err-time-before-previous",
                at = at,
                previous = previous
            ),
            CasebookInvalid(reason) => t_in!(lang, "err-casebook-invalid", reason = reason),
            CaseFileInvalid { path, reason } => {
                t_in!(lang, "err-case-file-invalid", path = path, reason = reason)
            }
            FileRead { path, reason } => {
                t_in!(lang, "err-file-read", path = path, reason = reason)
            }
            Locked(ms) => t_in!(lang, "err-locked", ms = ms),
            HeadMoved => t_in!(lang, "err-head-moved"),
            Git(detail) => t_in!(lang, "err-git", detail = detail),
            Io(e) => t_in!(lang, "err-io", detail = e.to_string()),
            Internal(detail) => t_in!(lang, "err-internal", detail = detail),
            Sync(e) => e.message_in(lang),
        }
    }

    /// The line that tells the user what to do next, in the chosen language.
    pub fn hint(&self) -> Option<String> {
        self.hint_in(dispute_i18n::lang())
    }

    /// The hint in `lang`.
    pub fn hint_in(&self, lang: Lang) -> Option<String> {
        use Error::*;
        let key = match self {
            NoCasebook(_) => "hint-no-casebook",
            CaseNotFound(_) => "hint-case-not-found",
            OperatorNotFound(_) => "hint-operator-not-found",
            NoIdentity => "hint-no-identity",
            UnknownActor(_) => "hint-unknown-actor",
            UnknownGitEmail(_) => "clerk-hint-unknown-git-email",
            ActorDisabled(_) => "hint-actor-disabled",
            NoKey(_) => "hint-no-key",
            KeyMismatch { .. } => "hint-key-mismatch",
            NoRegisteredKey(_) => "hint-no-registered-key",
            UnknownKey(_) => "hint-unknown-key",
            BackdateTooFar { .. } => "hint-backdate-too-far",
            NotPermitted { .. } => "hint-not-permitted",
            WrongState { next, .. } if !next.is_empty() => return Some(next.clone()),
            CannotOpen { .. } => "secret-hint-cannot-open",
            CannotReseal { .. } => "secret-hint-cannot-reseal",
            WrongState { id, .. } => return Some(t_in!(lang, "hint-wrong-state", id = id)),
            NotReady { id, .. } => return Some(t_in!(lang, "hint-not-ready", id = id)),
            AlreadyInitialised(_) => "hint-already-initialised",
            AlreadyImported(c) => {
                return Some(t_in!(lang, "hint-already-imported", commit = c));
            }
            ImportRows(_) => "hint-import-rows",
            AuditFailed(_) => "hint-audit-failed",
            HandEdits(_) => "hint-hand-edits",
            WorktreeBlocked { .. } => "clerk-hint-worktree-blocked",
            Committed { what, .. } => {
                return Some(t_in!(lang, "clerk-hint-committed", what = what));
            }
            Invalid { .. } => "hint-invalid",
            Exists { hint, .. } => return Some(hint.clone()),
            BadCaseId(_) => "hint-bad-case-id",
            UnknownDept(_) => "hint-unknown-dept",
            UnknownRole(_) => "hint-unknown-role",
            BadTime(_) => "hint-bad-time",
            BadDate(_) => "clerk-hint-bad-date",
            FutureTime(_) => "hint-future-time",
            TimeBeforePrevious { .. } => "hint-time-before-previous",
            CasebookInvalid(_) => "hint-casebook-invalid",
            CaseFileInvalid { .. } => "hint-case-file-invalid",
            FileRead { .. } => "hint-file-read",
            Locked(_) => "hint-locked",
            HeadMoved => "hint-head-moved",
            Git(_) | Io(_) | Internal(_) => "hint-internal",
            Sync(e) => return Some(e.hint_in(lang)),
        };
        Some(t_in!(lang, key))
    }

    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::Invalid {
            field: field.into(),
            reason: reason.into(),
        }
    }

    pub fn not_permitted(action: impl Into<String>, rule: impl Into<String>) -> Error {
        Error::NotPermitted {
            action: action.into(),
            rule: rule.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_design() {
        assert_eq!(Error::CaseNotFound("X".into()).kind().exit_code(), 3);
        assert_eq!(Error::NoIdentity.kind().exit_code(), 1);
        assert_eq!(Error::BadCaseId("x".into()).kind().exit_code(), 4);
        assert_eq!(Error::Locked(10).kind().exit_code(), 5);
        assert_eq!(Error::Internal("x".into()).kind().exit_code(), 70);
        let committed = Error::Committed {
            what: "TAX-2026-0001".into(),
            commit: "abc".into(),
            problem: Box::new(Error::Io(std::io::Error::other("disk"))),
        };
        assert_eq!(committed.kind().exit_code(), 6);
        assert!(
            committed
                .message_in(Lang::Zh)
                .starts_with("已提交 TAX-2026-0001")
        );
    }

    #[test]
    fn messages_and_hints_in_english() {
        let e = Error::CaseNotFound("TAX-2026-0001".into());
        assert_eq!(e.message_in(Lang::En), "case TAX-2026-0001 not found");
        assert_eq!(
            e.hint_in(Lang::En).unwrap(),
            "run dispute list to see the case IDs"
        );
        let e = Error::WrongState {
            id: "TAX-2026-0001".into(),
            status: "Archived".into(),
            action: "give a written opinion".into(),
            next: String::new(),
        };
        assert_eq!(
            e.message_in(Lang::En),
            "case TAX-2026-0001 is \"Archived\": cannot give a written opinion in this status"
        );
        assert_eq!(
            e.hint_in(Lang::En).unwrap(),
            "run dispute show TAX-2026-0001 to see the case's current status and its records"
        );
        assert_eq!(
            Error::HandEdits(vec!["a.toml".into(), "b.toml".into()]).message_in(Lang::En),
            "there are uncommitted manual changes: a.toml, b.toml"
        );
        assert_eq!(
            Error::AuditFailed(1).message_in(Lang::En),
            "verification found one problem"
        );
        assert_eq!(
            Error::ImportRows(3).message_in(Lang::En),
            "the import file has 3 errors; no case was imported"
        );
        assert_eq!(
            Error::Locked(12000).message_in(Lang::En),
            "another command is writing to the casebook (waited 12000 ms)"
        );
        assert_eq!(
            Error::NoCasebook("/srv/x".into()).message_in(Lang::En),
            "no casebook found: neither /srv/x nor any directory above it holds casebook.toml"
        );
    }

    #[test]
    fn chinese_messages_are_unchanged() {
        assert_eq!(
            Error::HandEdits(vec!["a.toml".into(), "b.toml".into()]).message_in(Lang::Zh),
            "有未提交的手工改动：a.toml、b.toml"
        );
        assert_eq!(
            Error::invalid("标题", "不能为空").message_in(Lang::Zh),
            "标题无效：不能为空"
        );
        assert_eq!(
            Error::AuditFailed(2).message_in(Lang::Zh),
            "核验发现 2 处问题"
        );
        assert_eq!(
            Error::Locked(12000).message_in(Lang::Zh),
            "案卷库正被另一个命令写入（已等待 12000 毫秒）"
        );
        assert_eq!(
            Error::AlreadyImported("abc123".into())
                .hint_in(Lang::Zh)
                .unwrap(),
            "用 git show abc123 查看那次导入"
        );
    }

    #[test]
    fn every_error_has_a_message_and_hint_in_both_languages() {
        let all = [
            Error::NoCasebook("d".into()),
            Error::CaseNotFound("x".into()),
            Error::OperatorNotFound("x".into()),
            Error::NoIdentity,
            Error::UnknownActor("x".into()),
            Error::UnknownGitEmail("x@y".into()),
            Error::ActorDisabled("x".into()),
            Error::not_permitted("a", "r"),
            Error::CannotOpen {
                id: "i".into(),
                reason: "r".into(),
            },
            Error::CannotReseal {
                id: "i".into(),
                reason: "r".into(),
            },
            Error::WrongState {
                id: "i".into(),
                status: "s".into(),
                action: "a".into(),
                next: String::new(),
            },
            Error::NotReady {
                id: "i".into(),
                action: "a".into(),
                reason: "r".into(),
            },
            Error::AlreadyInitialised("d".into()),
            Error::HandEdits(vec!["f".into()]),
            Error::WorktreeBlocked {
                path: "cases/2026/TAX".into(),
                reason: "r".into(),
            },
            Error::Committed {
                what: "TAX-2026-0001".into(),
                commit: "abc".into(),
                problem: Box::new(Error::Io(std::io::Error::other("disk"))),
            },
            Error::AuditFailed(2),
            Error::AlreadyImported("c".into()),
            Error::ImportRows(2),
            Error::invalid("f", "r"),
            Error::Exists {
                what: "w".into(),
                hint: "h".into(),
            },
            Error::BadCaseId("x".into()),
            Error::UnknownDept("x".into()),
            Error::UnknownRole("x".into()),
            Error::BadTime("x".into()),
            Error::BadDate("x".into()),
            Error::FutureTime("x".into()),
            Error::TimeBeforePrevious {
                at: "a".into(),
                previous: "p".into(),
            },
            Error::CasebookInvalid("r".into()),
            Error::CaseFileInvalid {
                path: "p".into(),
                reason: "r".into(),
            },
            Error::FileRead {
                path: "p".into(),
                reason: "r".into(),
            },
            Error::Locked(1),
            Error::HeadMoved,
            Error::Git("g".into()),
            Error::Io(std::io::Error::other("disk")),
            Error::Internal("x".into()),
            Error::Sync(crate::sync::SyncError::NoRemote),
            Error::Sync(crate::sync::SyncError::Unreachable {
                url: "u".into(),
                detail: "d".into(),
            }),
            Error::Sync(crate::sync::SyncError::Unrelated { url: "u".into() }),
            Error::Sync(crate::sync::SyncError::RemoteEmpty { url: "u".into() }),
            Error::Sync(crate::sync::SyncError::KeysMissing(vec!["a".into()])),
            Error::Sync(crate::sync::SyncError::PushRefused { detail: "d".into() }),
            Error::Sync(crate::sync::SyncError::TooManyRaces(3)),
            Error::Sync(crate::sync::SyncError::Rejected(vec!["r".into()])),
            Error::Sync(crate::sync::SyncError::HookRefused(vec!["r".into()])),
            Error::Sync(crate::sync::SyncError::TargetExists("p".into())),
            Error::Sync(crate::sync::SyncError::NotPublishable("r".into())),
            Error::Sync(crate::sync::SyncError::NotACasebook { url: "u".into() }),
            Error::Sync(crate::sync::SyncError::GitMissing),
        ];
        for e in &all {
            for lang in Lang::ALL {
                let m = e.message_in(lang);
                let h = e.hint_in(lang).unwrap();
                for text in [&m, &h] {
                    assert!(
                        !text.starts_with("err-") && !text.starts_with("hint-") && !text.is_empty(),
                        "{e:?} in {lang:?}: {text}"
                    );
                }
                if lang == Lang::En {
                    assert!(
                        !m.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                        "{m}"
                    );
                    assert!(
                        !h.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                        "{h}"
                    );
                }
            }
        }
    }
}
