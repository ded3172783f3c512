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
use crate::output::Ui;
use crate::protocol::Message;
use crate::store::{Store, Writer};
use crate::workflow::{self, Command as WorkflowCommand};

mod approve;
mod archive;
pub mod args;
mod assign;
mod classify;
mod completions;
mod consult;
mod escalate;
mod export;
mod form;
mod import;
mod init;
mod latefee;
mod list;
pub mod locale;
mod log;
mod man;
mod operator;
mod opinion;
mod overdue;
mod register;
mod reply;
mod show;
mod stats;
mod verify;

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

    /// Language of messages and help: zh-CN (default) or en
    #[arg(long, env = "DISPUTE_LANG", global = true, value_name = "LANG")]
    pub lang: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Commands {
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
    Completions(completions::Args),
    Man(man::Args),
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

    /// Who acts: `--as`, else `DISPUTE_OPERATOR`, else git's `user.email`. Unknown or
    /// disabled operators are refused.
    pub fn actor(&self, store: &Store, book: &Casebook) -> Result<Operator> {
        let op = match &self.global.as_operator {
            Some(id) if !id.trim().is_empty() => book
                .operator(id.trim())
                .ok_or_else(|| Error::UnknownActor(id.trim().to_string()))?,
            _ => {
                let email = store.git_user_email().ok_or(Error::NoIdentity)?;
                book.operator_by_email(&email)
                    .ok_or_else(|| Error::UnknownActor(email.clone()))?
            }
        };
        if !op.active {
            return Err(Error::ActorDisabled(op.id.clone()));
        }
        Ok(op.clone())
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
        crate::store::timings::mark("open repository");
        let (writer, notices) = store.begin()?;
        self.ui.notices(notices);
        let book = store.casebook()?;
        crate::store::timings::mark("casebook.toml read and checked");
        let actor = self.actor(&store, &book)?;
        let case = store.case(&id)?;
        crate::store::timings::mark("case read and checked");
        let cmd = build(&book, &actor)?;
        let cal = book.calendar();
        let ctx = workflow::Ctx {
            book: &book,
            cal: &cal,
            actor: &actor,
            at,
            now,
        };
        let next = workflow::apply(&case, &cmd, &ctx)?;
        crate::store::timings::mark("workflow");
        self.commit_case(writer, &book, &actor, &case, &next, cmd.action(&case))?;
        Ok(next)
    }

    /// Commit a case the workflow produced: warn about uncovered years, check the file
    /// against the schema, commit it with the message of DESIGN §6, release the lock.
    pub fn commit_case(
        &mut self,
        mut writer: Writer,
        book: &Casebook,
        actor: &Operator,
        before: &Case,
        after: &Case,
        action: Action,
    ) -> Result<()> {
        self.warn_uncovered(book, after);
        writer.put_case(after)?;
        let message = Message::case_action(book, actor, before, after, action);
        let commit = writer.commit(&message, actor)?;
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
    crate::store::timings::start();
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
    crate::store::timings::mark("command line (clap, catalog)");
    let mut app = App {
        ui: Ui::new(),
        global: cli.global,
    };
    let result = dispatch(&mut app, cli.command);
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

fn dispatch(app: &mut App, command: Commands) -> Result<()> {
    match command {
        Commands::Init(args) => init::run(app, args),
        Commands::Operator(cmd) => operator::run(app, cmd),
        Commands::Register(args) => register::run(app, args),
        Commands::Classify(args) => classify::run(app, args),
        Commands::Assign(args) => assign::run(app, args),
        Commands::Opinion(args) => opinion::run(app, args),
        Commands::Escalate(args) => escalate::run(app, args),
        Commands::Approve(args) => approve::run(app, args),
        Commands::Consult(args) => consult::run(app, args),
        Commands::Reply(args) => reply::run(app, args),
        Commands::Archive(args) => archive::run(app, args),
        Commands::Show(args) => show::run(app, args),
        Commands::List(args) => list::run(app, args),
        Commands::Log(args) => log::run(app, args),
        Commands::Overdue(args) => overdue::run(app, args),
        Commands::Verify(args) => verify::run(app, args),
        Commands::Import(args) => import::run(app, args),
        Commands::Export(args) => export::run(app, args),
        Commands::Form(args) => form::run(app, args),
        Commands::Stats(args) => stats::run(app, args),
        Commands::Latefee(args) => latefee::run(app, args),
        Commands::Completions(args) => completions::run(app, args),
        Commands::Man(args) => man::run(app, args),
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
