//! The command line: the clap tree, the global options, and the context every subcommand
//! gets (the casebook, who acts, the clock, the output). One file per subcommand.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use dispute_i18n::t;

use crate::calendar;
use crate::case::{Action, Case, CaseId, Time};
use crate::casebook::{Casebook, Operator};
use crate::error::{Error, Result};
use crate::keys::{KeySources, SigningKey};
use crate::output::Ui;
use crate::protocol::Message;
use crate::store::{Store, Writer};
use crate::workflow::{self, Command as WorkflowCommand};

pub mod args;
pub mod locale;

/// Casebook tool for the joint handling of social-insurance fee disputes.
///
/// Help texts shown to users come from the catalogs (`cli-help.ftl`, see [`locale`]); these
/// doc comments are developer documentation and clap's fallback.
#[derive(Debug, Parser)]
#[command(name = "dispute", version, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Commands,
}

#[derive(Debug, clap::Args)]
pub struct Global {
    /// Casebook directory (default: the current one or the nearest parent with casebook.toml)
    #[arg(
        short = 'C',
        long = "casebook",
        env = "DISPUTE_CASEBOOK",
        global = true,
        value_name = "DIR"
    )]
    pub casebook: Option<PathBuf>,

    /// Act as this operator (default: the one whose email is git's user.email)
    #[arg(
        long = "as",
        env = "DISPUTE_OPERATOR",
        global = true,
        value_name = "OPERATOR"
    )]
    pub as_operator: Option<String>,

    /// The private key to sign with (default: DISPUTE_KEY, ssh-agent, ~/.ssh/id_ed25519)
    #[arg(long = "key", global = true, value_name = "PATH")]
    pub key: Option<PathBuf>,

    /// Language of messages and help: zh-CN (default) or en
    #[arg(long, env = "DISPUTE_LANG", global = true, value_name = "LANG")]
    pub lang: Option<String>,
}

/// Every subcommand, one row each: its variant and its module, which holds the arguments
/// and `run(app, args)`. The rows make the module declarations, [`Commands`] and `dispatch`.
macro_rules! subcommands {
    ($($(#[$m:meta])* $variant:ident($module:ident::$args:ident),)+) => {
        $(mod $module;)+

        #[derive(Debug, Subcommand)]
        pub enum Commands {
            $($(#[$m])* $variant($module::$args),)+
        }

        fn dispatch(app: &mut App, command: Commands) -> Result<()> {
            match command {
                $(Commands::$variant(args) => $module::run(app, args),)+
            }
        }
    };
}

subcommands! {
    Init(init::Args),
    #[command(subcommand)]
    Operator(operator::Command),
    Register(register::Args),
    Classify(classify::Args),
    Assign(assign::Args),
    Opinion(opinion::Args),
    Escalate(escalate::Args),
    Approve(approve::Args),
    Consult(consult::Args),
    Reply(reply::Args),
    Archive(archive::Args),
    Show(show::Args),
    List(list::Args),
    Log(log::Args),
    Overdue(overdue::Args),
    Verify(verify::Args),
    Import(import::Args),
    Export(export::Args),
    Form(form::Args),
    Stats(stats::Args),
    Latefee(latefee::Args),
    #[command(subcommand)]
    Admin(admin::Command),
    Keygen(keygen::Args),
    Signers(signers::Args),
    Completions(completions::Args),
    Man(man::Args),
    Mediate(mediate::Args),
    Exempt(exempt::Args),
    Feedback(feedback::Args),
    Lead(lead::Args),
    OpinionWatch(opinion_watch::Args),
    PolicyConsult(policy_consult::Args),
    #[command(subcommand)]
    Policy(policy::Command),
    Report(report::Args),
}

/// The operator who acts and the key that signs for them.
pub struct Actor {
    pub op: Operator,
    pub key: Option<SigningKey>,
}

impl Actor {
    pub fn signer(&self) -> Option<&dyn dispute_store::Signer> {
        self.key.as_ref().map(|k| k as &dyn dispute_store::Signer)
    }
}

/// What every subcommand works with.
pub struct App {
    pub ui: Ui,
    global: Global,
}

impl App {
    /// The casebook named by `-C`, or found from the current directory.
    pub fn store(&self) -> Result<Store> {
        match &self.global.casebook {
            Some(dir) => Store::discover(dir),
            None => Store::discover(&std::env::current_dir()?),
        }
    }

    /// The operator named by `--as`, else `DISPUTE_OPERATOR`, else git's `user.email`;
    /// None when nothing names one. A named operator who is unknown is refused.
    fn named_operator(&self, store: &Store, book: &Casebook) -> Result<Option<Operator>> {
        let op = match &self.global.as_operator {
            Some(id) if !id.trim().is_empty() => book
                .operator(id.trim())
                .ok_or_else(|| Error::UnknownActor(id.trim().to_string()))?,
            _ => match store.git_user_email() {
                Some(email) => book
                    .operator_by_email(&email)
                    .ok_or_else(|| Error::UnknownActor(email.clone()))?,
                None => return Ok(None),
            },
        };
        Ok(Some(op.clone()))
    }

    /// Who acts, for reading: the named operator, else the owner of the key at hand.
    /// Unknown or disabled operators are refused.
    pub fn actor(&self, store: &Store, book: &Casebook) -> Result<Operator> {
        Ok(self.signing_actor(store, book)?.op)
    }

    /// Who acts, for writing: the operator and the private key that signs for them. The
    /// key must be the operator's registered key; `--as` only picks among operators whose
    /// key is at hand. Without `--as` (or `DISPUTE_OPERATOR`, `user.email`) the key's owner
    /// acts. A casebook that does not require signing yet accepts an operator without key.
    pub fn signing_actor(&self, store: &Store, book: &Casebook) -> Result<Actor> {
        use dispute_core::identity::{current_key, fingerprint, key_text, operator_with_key};
        let named = self.named_operator(store, book)?;
        let sources = KeySources::from_env(self.global.key.clone());
        let wanted = |k: &ssh_key::PublicKey| match &named {
            Some(op) => current_key(op).is_some_and(|r| r.key == key_text(k)),
            None => operator_with_key(book, k).is_some_and(|o| o.active),
        };
        let found = sources.find(&wanted)?;
        let required = book.integrity.signing_required;
        let (op, key) = match (named, found) {
            (Some(op), Some(key)) => {
                let text = key_text(&key.public());
                match current_key(&op) {
                    Some(reg) if reg.key == text => (op, Some(key)),
                    Some(_) => {
                        return Err(Error::KeyMismatch {
                            operator: op.id.clone(),
                            fingerprint: fingerprint(&key.public()),
                        });
                    }
                    None if required => return Err(Error::NoRegisteredKey(op.id.clone())),
                    None => (op, None),
                }
            }
            (Some(op), None) => match current_key(&op) {
                _ if !op.active => (op, None),
                Some(_) if required => return Err(Error::NoKey(op.id.clone())),
                None if required => return Err(Error::NoRegisteredKey(op.id.clone())),
                _ => (op, None),
            },
            (None, Some(key)) => match operator_with_key(book, &key.public()) {
                Some(op) => (op.clone(), Some(key)),
                None => return Err(Error::UnknownKey(fingerprint(&key.public()))),
            },
            (None, None) => return Err(Error::NoIdentity),
        };
        if !op.active {
            return Err(Error::ActorDisabled(op.id.clone()));
        }
        Ok(Actor { op, key })
    }

    /// The current time (`DISPUTE_NOW` in tests).
    pub fn now(&self) -> Result<Time> {
        crate::clock::now()
    }

    /// The day lateness is judged on: `--as-of DATE`, else today.
    pub fn as_of(&self, as_of: Option<&str>) -> Result<chrono::NaiveDate> {
        match as_of {
            Some(d) => calendar::parse_date(d),
            None => Ok(calendar::local_date(&self.now()?)),
        }
    }

    /// `--at` may lie at most the casebook's backdating window before the real time of the
    /// commit (the clock of the machine, not `DISPUTE_NOW`).
    pub fn check_backdate(&self, book: &Casebook, at: &Time) -> Result<()> {
        let hours = book.integrity.backdate_window_hours;
        let earliest = crate::clock::real_now() - chrono::Duration::hours(i64::from(hours));
        if *at < earliest {
            return Err(Error::BackdateTooFar {
                at: at.to_rfc3339(),
                hours,
            });
        }
        Ok(())
    }

    /// When an action happened: `--at`, else now; normalised to China time, whole seconds.
    pub fn at(&self, at: Option<&str>) -> Result<Time> {
        let t = match at {
            Some(s) => calendar::parse_time(s)?,
            None => self.now()?,
        };
        Ok(calendar::normalise(t))
    }

    /// Due dates in years the casebook has no holiday notices for are counted Monday to
    /// Friday; say so, so the office can add the year to `casebook.toml`.
    pub fn warn_uncovered(&mut self, book: &Casebook, case: &Case) {
        use chrono::Datelike;
        let cal = book.calendar();
        let dues = [
            case.due.classify,
            case.due.dispatch,
            case.due.reply,
            case.due.archive,
            case.due.approval,
        ];
        let mut years: Vec<i32> = dues
            .into_iter()
            .flatten()
            .chain(case.assignments.iter().map(|a| a.due))
            .map(|d| d.year())
            .filter(|y| !cal.covers(*y))
            .collect();
        years.sort();
        years.dedup();
        for y in years {
            self.ui.warn(&t!("cmd-calendar-year-missing", year = y));
        }
    }

    /// Run one workflow action on one case: lock, read from HEAD, apply, validate, commit.
    pub fn act(
        &mut self,
        id: &str,
        at: Option<&str>,
        build: impl FnOnce(&Casebook, &Operator) -> Result<WorkflowCommand>,
    ) -> Result<Case> {
        let id = CaseId::parse(id)?;
        let at = self.at(at)?;
        let now = self.now()?;
        let store = self.store()?;
        let (writer, notices) = store.begin()?;
        self.ui.notices(notices);
        let book = store.casebook()?;
        let actor = self.signing_actor(&store, &book)?;
        self.check_backdate(&book, &at)?;
        let case = store.case(&id)?;
        let cmd = build(&book, &actor.op)?;
        let cal = book.calendar();
        let ctx = workflow::Ctx {
            book: &book,
            cal: &cal,
            actor: &actor.op,
            at,
            now,
        };
        let next = workflow::apply(&case, &cmd, &ctx)?;
        self.commit_case(writer, &book, &actor, &case, &next, cmd.action(&case))?;
        Ok(next)
    }

    /// Commit a case the workflow produced: warn about uncovered years, check the file
    /// against the schema, commit it with the message of DESIGN §6, release the lock.
    pub fn commit_case(
        &mut self,
        mut writer: Writer,
        book: &Casebook,
        actor: &Actor,
        before: &Case,
        after: &Case,
        action: Action,
    ) -> Result<()> {
        self.warn_uncovered(book, after);
        writer.put_case(after)?;
        let message = Message::case_action(book, &actor.op, before, after, action);
        let commit = writer.commit(&message, &actor.op, actor.signer())?;
        self.ui.done(&message.subject, commit);
        Ok(())
    }
}

/// Long text from `--text` or `--file PATH` (`-` = stdin), checked as a text field.
pub fn read_text(field: &str, text: Option<String>, file: Option<PathBuf>) -> Result<String> {
    let raw = match (text, file) {
        (Some(t), None) => t,
        (None, Some(path)) => read_text_file(&path)?,
        (Some(_), Some(_)) => {
            return Err(Error::invalid(field, t!("cmd-text-and-file")));
        }
        (None, None) => return Err(Error::invalid(field, t!("cmd-text-or-file"))),
    };
    crate::validate::text(field, &raw)
}

fn read_text_file(path: &std::path::Path) -> Result<String> {
    use std::io::Read;
    let shown = path.display().to_string();
    let fail = |reason: String| Error::FileRead {
        path: shown.clone(),
        reason,
    };
    let mut bytes = vec![];
    let limit = crate::validate::MAX_TEXT as u64 + 1;
    if path.as_os_str() == "-" {
        std::io::stdin()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| fail(e.to_string()))?;
    } else {
        let meta = std::fs::metadata(path).map_err(|e| fail(e.to_string()))?;
        if !meta.is_file() {
            return Err(fail(t!("cmd-not-a-regular-file")));
        }
        std::fs::File::open(path)
            .and_then(|f| f.take(limit).read_to_end(&mut bytes))
            .map_err(|e| fail(e.to_string()))?;
    }
    if bytes.len() as u64 >= limit {
        return Err(fail(t!(
            "cmd-text-too-large",
            bytes = crate::validate::MAX_TEXT
        )));
    }
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&bytes)
        .to_vec();
    String::from_utf8(bytes).map_err(|_| fail(t!("cmd-not-utf8")))
}

/// Run the program: parse, dispatch, print the error, return the exit code.
pub fn main_with<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    dispute_i18n::set_lang(locale::choose_lang(&args));
    let parsed = locale::localize(Cli::command())
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.apply::<locale::Localized>().print();
            return ExitCode::from(code);
        }
    };
    let mut app = App {
        ui: Ui::new(),
        global: cli.global,
    };
    let result = dispatch(&mut app, cli.command);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            app.ui.error(&e);
            ExitCode::from(e.kind().exit_code())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_tree_is_consistent() {
        Cli::command().debug_assert();
        locale::localize(Cli::command()).debug_assert();
    }

    #[test]
    fn every_command_and_argument_has_help_in_both_catalogs() {
        let zh = dispute_i18n::keys(dispute_i18n::Lang::Zh);
        let en = dispute_i18n::keys(dispute_i18n::Lang::En);
        let missing: Vec<String> = locale::help_keys(&Cli::command())
            .into_iter()
            .filter(|k| !zh.contains(k) || !en.contains(k))
            .collect();
        assert!(
            missing.is_empty(),
            "help keys missing from a catalog: {missing:#?}"
        );
    }

    #[test]
    fn flattened_arguments_keep_a_help_key_per_command() {
        let keys = locale::help_keys(&Cli::command());
        for k in [
            "cli-approve-id",
            "cli-approve-at",
            "cli-register-at",
            "cli-form-id",
            "cli-show-json",
            "cli-operator-list-json",
        ] {
            assert!(keys.iter().any(|x| x == k), "{k} not among {keys:?}");
        }
    }

    /// The values of a choice (`--to`, `--format`, a form's kind) are described from the
    /// catalog: a missing key would show as the key itself.
    #[test]
    fn every_possible_value_has_its_help_in_the_catalog() {
        fn walk(cmd: &clap::Command, out: &mut Vec<String>) {
            for a in cmd.get_arguments() {
                for v in a.get_possible_values() {
                    if let Some(h) = v.get_help()
                        && h.to_string().starts_with("cli-")
                    {
                        out.push(h.to_string());
                    }
                }
            }
            for s in cmd.get_subcommands() {
                walk(s, out);
            }
        }
        let mut missing = vec![];
        walk(&locale::localize(Cli::command()), &mut missing);
        assert!(missing.is_empty(), "value help keys missing: {missing:#?}");
        let zh = dispute_i18n::keys(dispute_i18n::Lang::Zh);
        let en = dispute_i18n::keys(dispute_i18n::Lang::En);
        for k in [
            "cli-escalate-to-leading-group",
            "cli-form-kind-notice",
            "cli-form-format-html",
            "cli-export-format-xlsx",
        ] {
            assert!(zh.contains(k) && en.contains(k), "{k}");
        }
    }
}
