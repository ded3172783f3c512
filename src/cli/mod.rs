//! The command line: the clap tree, the global options, and the context every subcommand
//! gets (the casebook, who acts, the clock, the output). One file per subcommand.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use dispute_i18n::t;

use crate::calendar;
use crate::case::{Action, Case, CaseId, Payer, Time};
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
    Correct(correct::Args),
    Void(void::Args),
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
    Categories(categories::Args),
    #[command(subcommand)]
    Admin(admin::Command),
    Keygen(keygen::Args),
    Signers(signers::Args),
    Sync(sync::Args),
    Clone(clone::Args),
    Status(status::Args),
    #[command(subcommand)]
    Server(server::Command),
    #[command(subcommand)]
    Hook(hook::Command),
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

    /// The operator's key as able to decrypt, or why it cannot.
    pub fn opener(&self) -> std::result::Result<crate::seal::Opener, String> {
        match &self.key {
            Some(key) => key.opener(),
            None => Err(t!("secret-closed-no-key")),
        }
    }

    /// The payer of a case in the clear, as this operator may see it: sealed data opened
    /// with the operator's own key through their department's key; data not sealed (a
    /// casebook before `encrypt-payers`) by the rule of `privacy::check_reveal`.
    pub fn open_payer(&self, book: &Casebook, case: &Case) -> Result<Payer> {
        if case.payer.sealed.is_none() {
            crate::privacy::check_reveal(case, book, &self.op)?;
            return Ok(case.payer.clone());
        }
        let closed = |reason: String| Error::CannotOpen {
            id: case.id.clone(),
            reason,
        };
        let opener = self.opener().map_err(closed)?;
        crate::seal::open(case, book, &opener, &self.op.dept).map_err(|c| closed(c.describe(book)))
    }

    /// Both parties of a case in the clear (the payer, and the other party of an
    /// employee-employer dispute), as [`Actor::open_payer`] opens the payer.
    pub fn open_parties(&self, book: &Casebook, case: &Case) -> Result<crate::seal::Parties> {
        if case.payer.sealed.is_none() {
            crate::privacy::check_reveal(case, book, &self.op)?;
            return Ok(crate::seal::Parties {
                payer: case.payer.clone(),
                counterparty: case.counterparty.clone(),
            });
        }
        let closed = |reason: String| Error::CannotOpen {
            id: case.id.clone(),
            reason,
        };
        let opener = self.opener().map_err(closed)?;
        crate::seal::open_parties(case, book, &opener, &self.op.dept)
            .map_err(|c| closed(c.describe(book)))
    }
}

/// What every subcommand works with.
pub struct App {
    pub ui: Ui,
    global: Global,
    /// A command committed something: autosync may follow.
    wrote: bool,
    /// Autosync ran (or was decided against) for this command.
    synced: bool,
    /// The casebook's autosync setting, when the write knew it (saves reading it again).
    autosync_set: Option<bool>,
    /// Departments already named in a warning that they have no key (once per run).
    warned_without_key: std::collections::BTreeSet<String>,
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
                    .ok_or_else(|| Error::UnknownGitEmail(email.clone()))?,
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
    /// Friday; say so, naming the command that adds the year.
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
            self.ui.warn(&t!("clerk-calendar-year-missing", year = y));
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
        crate::store::timings::mark("open repository");
        let (writer, notices) = store.begin()?;
        self.ui.notices(notices);
        let book = store.casebook()?;
        crate::store::timings::mark("casebook.toml read and checked");
        let actor = self.signing_actor(&store, &book)?;
        self.check_backdate(&book, &at)?;
        crate::store::timings::mark("identity and key");
        let case = store.case(&id)?;
        crate::store::timings::mark("case read and checked");
        let cmd = build(&book, &actor.op)?;
        let cal = book.calendar();
        let ctx = workflow::Ctx {
            book: &book,
            cal: &cal,
            actor: &actor.op,
            at,
            now,
        };
        let mut next = workflow::apply(&case, &cmd, &ctx)?;
        crate::store::timings::mark("workflow");
        self.reseal(&book, &actor, &case, &mut next)?;
        self.commit_case(
            &store,
            writer,
            &book,
            &actor,
            &case,
            &next,
            cmd.action(&case),
        )?;
        Ok(next)
    }

    /// Seal new cases' confidential data (both parties) to their recipients, warning about
    /// recipient departments that have no key yet; many cases (an import) are spread over
    /// the machine's cores.
    pub fn seal_all(&mut self, book: &Casebook, cases: &mut [Case]) -> Result<()> {
        if !book.privacy.payers_encrypted {
            return Ok(());
        }
        let mut without_key: Vec<String> = vec![];
        // Each case with the departments it is sealed to, found once for the check and the
        // sealing.
        let mut jobs = Vec::with_capacity(cases.len());
        for case in cases.iter_mut() {
            let target = crate::seal::target(case, book);
            if target.recipients.is_empty() {
                return Err(Error::NotReady {
                    id: case.id.clone(),
                    action: t!("secret-seal-action"),
                    reason: t!("secret-seal-no-recipient"),
                });
            }
            for d in target.without_key {
                if !without_key.contains(&d) {
                    without_key.push(d);
                }
            }
            jobs.push((case, target.recipients));
        }
        self.warn_without_key(book, &without_key);
        let seal_part = |part: &mut [(&mut Case, Vec<crate::case::SealedFor>)]| -> Result<()> {
            for (case, recipients) in part {
                let clear = crate::seal::Parties {
                    payer: case.payer.clone(),
                    counterparty: case.counterparty.clone(),
                };
                crate::seal::seal_parties(case, &clear, recipients)?;
            }
            Ok(())
        };
        crate::cores::runs_mut(&mut jobs, 2, seal_part)
            .into_iter()
            .collect()
    }

    /// After an action, seal the payer data again when its recipients changed (DESIGN
    /// §11): a department assigned gets it in the same commit. The acting operator opens
    /// it with their own key; if they cannot and the action changed who may read it, the
    /// action is refused; if only keys changed (a rotation, a department's first key), the
    /// old seal stays and a later action renews it.
    fn reseal(
        &mut self,
        book: &Casebook,
        actor: &Actor,
        before: &Case,
        after: &mut Case,
    ) -> Result<()> {
        use crate::seal::Resealed;
        let open = |case: &Case| {
            actor.opener().and_then(|o| {
                crate::seal::open_parties(case, book, &o, &actor.op.dept)
                    .map_err(|c| c.describe(book))
            })
        };
        match crate::seal::reseal_after(book, before, after, open, None)? {
            Resealed::Sealed(target) => {
                let was = crate::privacy::recipient_depts(before, book);
                let new: Vec<String> = target
                    .without_key
                    .into_iter()
                    .filter(|d| !was.contains(d))
                    .collect();
                self.warn_without_key(book, &new);
            }
            Resealed::KeptOld(reason) => self.ui.warn(&t!(
                "secret-warn-kept-old-seal",
                id = after.id.as_str(),
                reason = reason
            )),
            Resealed::Unchanged | Resealed::Adopted => {}
        }
        Ok(())
    }

    fn warn_without_key(&mut self, book: &Casebook, depts: &[String]) {
        let depts: Vec<&String> = depts
            .iter()
            .filter(|d| self.warned_without_key.insert(d.to_string()))
            .collect();
        if depts.is_empty() {
            return;
        }
        let names: Vec<&str> = depts.iter().map(|d| book.dept_short(d)).collect();
        self.ui.warn(&t!(
            "secret-warn-no-dept-key",
            depts = names.join(&t!("secret-list-sep"))
        ));
    }

    /// Commit a case the workflow produced: warn about uncovered years, check the file
    /// against the schema, commit it with the message of DESIGN §6, release the lock.
    #[allow(clippy::too_many_arguments)]
    pub fn commit_case(
        &mut self,
        store: &Store,
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
        let commit = commit_or_report(
            store,
            writer,
            &message,
            &actor.op,
            actor.signer(),
            &after.id,
        )?;
        self.wrote = true;
        // A case's commit leaves casebook.toml as it was read: its autosync setting stands.
        self.autosync_set = Some(book.sync.autosync);
        self.ui.done(&message.subject, commit);
        Ok(())
    }

    /// Record that the command committed (for autosync).
    pub fn wrote(&mut self) {
        self.wrote = true;
    }

    /// After a write, if the casebook asks for it (`autosync`), sync with the central
    /// casebook; a failure is a warning, never the command's failure. The numbers sync
    /// changed (old, new).
    pub fn autosync(&mut self) -> Vec<(String, String)> {
        if !self.wrote || self.synced || self.autosync_set == Some(false) {
            return vec![];
        }
        self.synced = true;
        let Ok(store) = self.store() else {
            return vec![];
        };
        if !store.casebook().is_ok_and(|b| b.sync.autosync) {
            return vec![];
        }
        match store.remote() {
            Ok(Some(_)) => {}
            _ => {
                self.ui.warn(&t!("sync-autosync-no-remote"));
                return vec![];
            }
        }
        match sync::sync_now(self, &store) {
            Ok(report) => {
                sync::report_autosync(self, &report);
                report.renumbered
            }
            Err(e) => {
                self.ui
                    .warn(&t!("sync-autosync-failed", reason = e.to_string()));
                vec![]
            }
        }
    }
}

/// Commit, and when the branch moved although the command then failed (the working tree
/// could not be updated), report the write as done: `Error::Committed` names `what` (a case
/// ID, or the subject of a casebook action) and the commit, with its own exit code.
pub fn commit_or_report(
    store: &Store,
    writer: Writer,
    message: &Message,
    author: &Operator,
    signer: Option<&dyn dispute_store::Signer>,
    what: &str,
) -> Result<git2::Oid> {
    let parent = store.head_id()?;
    writer.commit(message, author, signer).map_err(|problem| {
        match store.committed_as(parent, message) {
            Some(commit) => Error::Committed {
                what: what.to_string(),
                commit: crate::store::oid_short(commit),
                problem: Box::new(problem),
            },
            None => problem,
        }
    })
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
    crate::store::timings::start();
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    dispute_i18n::set_lang(locale::choose_lang(&args));
    // The catalog's help texts are needed only to print help or a usage error: parse with
    // the bare tree first (most runs), and again with the localized one when that fails.
    let parsed = Cli::command()
        .try_get_matches_from(args.iter().cloned())
        .and_then(|m| Cli::from_arg_matches(&m))
        .or_else(|_| {
            locale::localize(Cli::command())
                .try_get_matches_from(args)
                .and_then(|m| Cli::from_arg_matches(&m))
        });
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.apply::<locale::Localized>().print();
            return ExitCode::from(code);
        }
    };
    crate::store::timings::mark("command line (clap, catalog)");
    let mut app = App {
        ui: Ui::new(),
        global: cli.global,
        wrote: false,
        synced: false,
        autosync_set: None,
        warned_without_key: Default::default(),
    };
    let result = dispatch(&mut app, cli.command);
    if result.is_ok() {
        app.autosync();
    }
    crate::store::timings::mark("output");
    crate::store::timings::report();
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
