//! The command line: the clap tree, the global options, and the context every subcommand
//! gets (the casebook, who acts, the clock, the output). One file per subcommand.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::calendar;
use crate::case::{Action, Case, CaseId, Time};
use crate::casebook::{Casebook, Operator};
use crate::error::{Error, Result};
use crate::output::Ui;
use crate::protocol::Message;
use crate::store::{Store, Writer};
use crate::workflow::{self, Command as WorkflowCommand};

pub mod args;
pub mod locale;

/// 社会保险费征缴争议联合处置案卷工具
///
/// 每件争议是案卷库（git 仓库）中的一个 TOML 文件；每个办理动作是一次以操作员为作者的提交，git 历史就是办理记录。先用 `dispute init` 建库，再 `register` 受理登记。
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
    /// 案卷库目录（默认：当前目录或含 casebook.toml 的最近上级目录）
    #[arg(
        short = 'C',
        long = "casebook",
        env = "DISPUTE_CASEBOOK",
        global = true,
        value_name = "DIR"
    )]
    pub casebook: Option<PathBuf>,

    /// 以哪位操作员的身份办理（默认：git user.email 对应的操作员）
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
            self.ui.warn(&format!(
                "casebook.toml 中没有 {y} 年的法定节假日安排，该年的期限暂按周一至周五计算；请管理员补充 [[calendar]]"
            ));
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
        let writer = store.begin()?;
        self.ui.notices(&writer.notices);
        let book = store.casebook()?;
        let actor = self.actor(&store, &book)?;
        let case = store.case(&id)?;
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
        self.commit_case(writer, &book, &actor, &case, &next, cmd.action(&case))?;
        Ok(next)
    }

    /// Commit a case the workflow produced: warn about uncovered years, check the file
    /// against the schema, commit it with the message of DESIGN §6, release the lock.
    pub fn commit_case(
        &mut self,
        writer: Writer,
        book: &Casebook,
        actor: &Operator,
        before: &Case,
        after: &Case,
        action: Action,
    ) -> Result<()> {
        self.warn_uncovered(book, after);
        let path = CaseId::parse(&after.id)?.path();
        crate::schema::check_case(after, &path)?;
        let message = Message::case_action(book, actor, before, after, action);
        let commit = writer.commit(&[(path, after.to_toml())], &message, actor)?;
        drop(writer);
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
            return Err(Error::invalid(field, "--text 和 --file 只能用一个"));
        }
        (None, None) => return Err(Error::invalid(field, "须用 --text 或 --file 提供")),
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
            return Err(fail("不是普通文件".into()));
        }
        std::fs::File::open(path)
            .and_then(|f| f.take(limit).read_to_end(&mut bytes))
            .map_err(|e| fail(e.to_string()))?;
    }
    if bytes.len() as u64 >= limit {
        return Err(fail(format!(
            "超过 {} 字节的上限",
            crate::validate::MAX_TEXT
        )));
    }
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&bytes)
        .to_vec();
    String::from_utf8(bytes).map_err(|_| fail("不是 UTF-8 文本".into()))
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
    #[ignore = "help texts are being moved into the catalogs"]
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
}
