//! `dispute admin require-signing|set|calendar|dept|encrypt-payers`: casebook settings, each an admin's
//! signed commit with its own protocol action that `verify` checks, so `casebook.toml` never
//! needs a hand edit.

use std::path::PathBuf;

use dispute_i18n::{Lang, t, t_in, word};

use crate::casebook::{Casebook, Department};
use crate::error::{Error, Result};
use crate::protocol::BookAction;
use crate::validate;

use super::App;
use super::args::JsonArg;

/// Casebook settings (admin only, one signed commit each)
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Require every commit from now on to be signed by its operator's key
    RequireSigning,
    /// Change a setting: backdate-window, a deadline (deadline.opinion …), the county, the
    /// leading group, autosync
    Set(SetArgs),
    /// The official holiday calendar (add a year, list the years)
    #[command(subcommand)]
    Calendar(CalendarCommand),
    /// The member departments (add one, rename one, list them)
    #[command(subcommand)]
    Dept(DeptCommand),
    /// Encrypt the payer data of every existing case, and of every case from now on
    EncryptPayers,
}

#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// The setting's name
    pub name: String,
    /// The new value
    pub value: String,
}

#[derive(Debug, clap::Subcommand)]
pub enum CalendarCommand {
    /// Add (or with --replace, correct) one year of the State Council's holiday notice
    Add(CalendarAddArgs),
    /// The years the calendar holds
    List(ListArgs),
}

#[derive(Debug, clap::Args)]
pub struct CalendarAddArgs {
    /// The year (2027)
    pub year: i32,
    /// A day off or a range of days off (2027-01-01, 2027-02-06..2027-02-14), repeatable
    #[arg(long = "off", value_name = "DATE[..DATE]")]
    pub off: Vec<String>,
    /// A weekend day that is worked (调休), repeatable
    #[arg(long = "workday", value_name = "DATE")]
    pub workday: Vec<String>,
    /// The same in a TOML file: off = [...], workday = [...]
    #[arg(long, value_name = "PATH", conflicts_with_all = ["off", "workday"])]
    pub file: Option<PathBuf>,
    /// Replace a year already in the calendar (a corrected notice)
    #[arg(long)]
    pub replace: bool,
}

#[derive(Debug, clap::Subcommand)]
pub enum DeptCommand {
    /// Add a member department
    Add(DeptAddArgs),
    /// Change a member department's name or short name (its code stays)
    Edit(DeptEditArgs),
    /// The member departments with their codes
    List(ListArgs),
}

#[derive(Debug, clap::Args)]
pub struct DeptAddArgs {
    /// Department code: lowercase letters (it becomes the prefix of case IDs)
    pub code: String,
    /// Full name
    #[arg(long)]
    pub name: String,
    /// Short name for tables
    #[arg(long)]
    pub short: String,
}

#[derive(Debug, clap::Args)]
pub struct DeptEditArgs {
    /// Department code
    pub code: String,
    /// New full name
    #[arg(long)]
    pub name: Option<String>,
    /// New short name
    #[arg(long)]
    pub short: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub output: JsonArg,
}

/// The deadlines `admin set` knows (`deadline.<name>`).
const DEADLINES: &[&str] = &[
    "classify",
    "opinion",
    "opinion_major",
    "reply",
    "reply_major",
    "dispatch",
    "referral_handling",
    "archive",
    "approval",
];

/// The other settings `admin set` knows.
const SETTINGS: &[&str] = &[
    "backdate-window",
    "rules",
    "county",
    "leading-group.leader-title",
    "leading-group.office-dept",
    "leading-group.deputy-depts",
];

pub fn run(app: &mut App, cmd: Command) -> Result<()> {
    match cmd {
        Command::RequireSigning => {
            super::operator::change(app, BookAction::RequireSigning, |book, actor| {
                if book.integrity.signing_required {
                    return Err(Error::invalid(
                        t!("cmd-field-setting"),
                        t!("cmd-admin-signing-already"),
                    ));
                }
                if crate::identity::current_key(actor).is_none() {
                    return Err(Error::NoRegisteredKey(actor.id.clone()));
                }
                book.integrity.signing_required = true;
                Ok(t_in!(Lang::Zh, "cmd-admin-signing-summary"))
            })
        }
        Command::EncryptPayers => encrypt_payers(app),
        Command::Set(args) => {
            let name = args.name.trim().replace('-', "_");
            super::operator::change(app, BookAction::Setting, move |book, _| {
                let summary = set(book, &name, args.value.trim())?;
                Ok(summary)
            })
        }
        Command::Calendar(CalendarCommand::Add(args)) => calendar_add(app, args),
        Command::Calendar(CalendarCommand::List(args)) => calendar_list(app, args.output.json),
        Command::Dept(DeptCommand::Add(args)) => dept_add(app, args),
        Command::Dept(DeptCommand::Edit(args)) => dept_edit(app, args),
        Command::Dept(DeptCommand::List(args)) => dept_list(app, args.output.json),
    }
}

/// Move an existing casebook's payer data into ciphertext (DESIGN §11), in one signed
/// commit: the departments get their keys (wrapped to their operators), every case whose
/// payer is in the clear is sealed to its recipients and keeps only masks, and
/// `[privacy] payers_encrypted` makes every later case file sealed. Sealing needs only the
/// departments' public keys; the admin needs to decrypt nothing. History before this commit
/// still holds the clear text (see the README).
fn encrypt_payers(app: &mut App) -> Result<()> {
    use crate::casebook::Role;
    use crate::protocol::Message;
    let store = app.store()?;
    let (mut writer, notices) = store.begin()?;
    app.ui.notices(notices);
    let mut book = store.casebook()?;
    let signer = app.signing_actor(&store, &book)?;
    let actor = &signer.op;
    if !actor.has(Role::Admin) {
        return Err(Error::not_permitted(
            t!("cmd-operator-action"),
            t!("cmd-operator-admin-only"),
        ));
    }
    if book.privacy.payers_encrypted {
        return Err(Error::invalid(
            t!("cmd-field-setting"),
            t!("secret-already-encrypted"),
        ));
    }
    let (cases, bad) = store.cases(None)?;
    // A file that cannot be read cannot be sealed: refuse rather than leave it in the clear.
    super::list::report_bad(app, bad)?;
    let opener = signer.opener().ok();
    let changes =
        crate::seal::sync_dept_keys(&mut book, opener.as_ref(), crate::clock::real_now())?;
    book.privacy.payers_encrypted = true;
    let mut sealed = 0;
    for mut case in cases.into_iter().filter(|c| c.payer.sealed.is_none()) {
        let target = crate::seal::target(&case, &book);
        if target.recipients.is_empty() {
            return Err(Error::NotReady {
                id: case.id.clone(),
                action: t!("secret-seal-action"),
                reason: t!("secret-seal-no-recipient"),
            });
        }
        let clear = crate::seal::Parties {
            payer: case.payer.clone(),
            counterparty: case.counterparty.clone(),
        };
        crate::seal::seal_parties(&mut case, &clear, &target.recipients)?;
        writer.put_case(&case)?;
        sealed += 1;
    }
    writer.put_casebook(&book)?;
    let summary = t_in!(Lang::Zh, "secret-encrypt-summary", n = sealed);
    let message = Message::book_action(BookAction::EncryptPayers, actor, &summary);
    let commit = writer.commit(&message, actor, signer.signer())?;
    app.ui.done(&message.subject, commit);
    super::operator::report_key_changes(app, &book, &changes);
    app.ui.status(&t!("secret-encrypt-done", n = sealed));
    Ok(())
}

/// Apply one setting; the summary for the commit message (always Chinese).
fn set(book: &mut Casebook, name: &str, value: &str) -> Result<String> {
    let bad = |reason: String| Error::invalid(t!("cmd-field-setting"), reason);
    if name == "autosync" {
        let on = parse_switch(value).ok_or_else(|| bad(t!("sync-admin-bad-switch", value = value)))?;
        if book.sync.autosync == on {
            return Err(bad(t!("cmd-admin-unchanged", name = name, value = value)));
        }
        book.sync.autosync = on;
        return Ok(t_in!(
            Lang::Zh,
            "cmd-admin-set-summary",
            name = "autosync",
            value = if on { "on" } else { "off" }
        ));
    }
    let unchanged = || bad(t!("cmd-admin-unchanged", name = name, value = value));
    let summary = |name: &str, value: &str| {
        t_in!(
            Lang::Zh,
            "cmd-admin-set-summary",
            name = name,
            value = value
        )
    };
    match name {
        "rules" => return set_rules(book, value),
        "backdate_window" => {
            let hours = parse_hours(value)
                .ok_or_else(|| bad(t!("cmd-admin-bad-hours", value = value)))?;
            if book.integrity.backdate_window_hours == hours {
                return Err(unchanged());
            }
            book.integrity.backdate_window_hours = hours;
            return Ok(summary("backdate-window", &format!("{hours}h")));
        }
        "county" => {
            let county = validate::line(&t!("clerk-field-county"), value)?;
            if book.county == county {
                return Err(unchanged());
            }
            book.county = county;
            return Ok(summary("county", &book.county));
        }
        "leading_group.leader_title" => {
            let title = validate::line(&t!("clerk-field-leader-title"), value)?;
            if book.leading_group.leader_title == title {
                return Err(unchanged());
            }
            book.leading_group.leader_title = title;
            return Ok(summary(
                "leading-group.leader-title",
                &book.leading_group.leader_title,
            ));
        }
        "leading_group.office_dept" => {
            let code = book.dept_code(value)?;
            if book.leading_group.office_dept == code {
                return Err(unchanged());
            }
            book.leading_group.office_dept = code;
            return Ok(summary(
                "leading-group.office-dept",
                &book.leading_group.office_dept,
            ));
        }
        "leading_group.deputy_depts" => {
            let mut codes = vec![];
            for part in value.split([',', '，']).filter(|p| !p.trim().is_empty()) {
                let code = book.dept_code(part)?;
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
            if book.leading_group.deputy_depts == codes {
                return Err(unchanged());
            }
            book.leading_group.deputy_depts = codes;
            return Ok(summary(
                "leading-group.deputy-depts",
                &book.leading_group.deputy_depts.join(","),
            ));
        }
        _ => {}
    }
    let Some(field) = name
        .strip_prefix("deadline.")
        .or_else(|| name.strip_prefix("deadlines."))
        .filter(|f| DEADLINES.contains(f))
    else {
        return Err(bad(t!(
            "cmd-admin-unknown-setting",
            name = name,
            known = SETTINGS
                .iter()
                .map(|s| s.to_string())
                .chain(std::iter::once("autosync".to_string()))
                .chain(DEADLINES.iter().map(|d| format!("deadline.{d}")))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    };
    let days: u32 = value
        .parse()
        .ok()
        .filter(|d| *d <= 365)
        .ok_or_else(|| bad(t!("cmd-admin-bad-days", value = value)))?;
    let d = &mut book.deadlines;
    let slot = match field {
        "classify" => &mut d.classify,
        "opinion" => &mut d.opinion,
        "opinion_major" => &mut d.opinion_major,
        "reply" => &mut d.reply,
        "reply_major" => &mut d.reply_major,
        "dispatch" => &mut d.dispatch,
        "referral_handling" => &mut d.referral_handling,
        "approval" => &mut d.approval,
        _ => &mut d.archive,
    };
    if *slot == days {
        return Err(unchanged());
    }
    *slot = days;
    Ok(summary(&format!("deadline.{field}"), &days.to_string()))
}

/// `on`/`off` (also `true`/`false`, `yes`/`no`, `1`/`0`).
fn parse_switch(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "on" | "true" | "yes" | "1" => Some(true),
        "off" | "false" | "no" | "0" => Some(false),
        _ => None,
    }
}

/// Upgrade the edition of the handling rules new cases are registered under (never down:
/// history was made under the older edition and replays under it).
fn set_rules(book: &mut Casebook, value: &str) -> Result<String> {
    let bad = |reason: String| Error::invalid(t!("cmd-field-setting"), reason);
    let edition: u32 = value
        .parse()
        .ok()
        .filter(|e| (1..=crate::casebook::RULES).contains(e))
        .ok_or_else(|| {
            bad(t!(
                "rules-admin-bad-edition",
                value = value,
                supported = crate::casebook::RULES
            ))
        })?;
    if edition == book.rules {
        return Err(bad(t!("cmd-admin-unchanged", name = "rules", value = value)));
    }
    if edition < book.rules {
        return Err(bad(t!(
            "rules-admin-no-downgrade",
            from = book.rules,
            to = edition
        )));
    }
    book.rules = edition;
    Ok(t_in!(
        Lang::Zh,
        "cmd-admin-set-summary",
        name = "rules",
        value = edition
    ))
}

/// `72h`, `3d` or a bare number of hours; at most 100 years.
fn parse_hours(value: &str) -> Option<u32> {
    let value = value.trim().to_ascii_lowercase();
    let (number, factor) = if let Some(n) = value.strip_suffix('h') {
        (n, 1)
    } else if let Some(n) = value.strip_suffix('d') {
        (n, 24)
    } else {
        (value.as_str(), 1)
    };
    let hours = number.trim().parse::<u32>().ok()?.checked_mul(factor)?;
    (hours <= 876_000).then_some(hours)
}

/// The days of a notice in a TOML file: `off` (or `holidays`) and `workday` (or
/// `workdays`), lists of dates and ranges; `year`, if present, must be the year named.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct NoticeFile {
    year: Option<i32>,
    #[serde(alias = "holidays")]
    off: Vec<String>,
    #[serde(default, alias = "workdays")]
    workday: Vec<String>,
}

fn calendar_add(app: &mut App, args: CalendarAddArgs) -> Result<()> {
    let (off, workdays) = match &args.file {
        Some(path) => {
            let text = super::read_text(&t!("clerk-field-calendar-file"), None, Some(path.clone()))?;
            let file: NoticeFile = toml::from_str(&text).map_err(|e| Error::FileRead {
                path: path.display().to_string(),
                reason: crate::case::one_line(&e.to_string()),
            })?;
            if let Some(y) = file.year.filter(|y| *y != args.year) {
                return Err(Error::invalid(
                    t!("clerk-field-calendar-year"),
                    t!("clerk-calendar-file-year", file = y, year = args.year),
                ));
            }
            (file.off, file.workday)
        }
        None => (args.off.clone(), args.workday.clone()),
    };
    let year = crate::calendar::notice_year(args.year, &off, &workdays)?;
    let replace = args.replace;
    super::operator::change(app, BookAction::CalendarAdd, move |book, _| {
        let summary_key = match book.calendar.iter().position(|c| c.year == year.year) {
            Some(_) if !replace => {
                return Err(Error::Exists {
                    what: t!("clerk-calendar-exists", year = year.year),
                    hint: t!("clerk-calendar-exists-hint", year = year.year),
                });
            }
            Some(i) if book.calendar[i] == year => {
                return Err(Error::invalid(
                    t!("clerk-field-calendar-year"),
                    t!("clerk-calendar-same", year = year.year),
                ));
            }
            Some(i) => {
                book.calendar[i] = year.clone();
                "clerk-calendar-replace-summary"
            }
            None if replace => {
                return Err(Error::invalid(
                    t!("clerk-field-calendar-year"),
                    t!("clerk-calendar-nothing-to-replace", year = year.year),
                ));
            }
            None => {
                book.calendar.push(year.clone());
                book.calendar.sort_by_key(|c| c.year);
                "clerk-calendar-add-summary"
            }
        };
        Ok(t_in!(
            Lang::Zh,
            summary_key,
            year = year.year,
            off = year.holidays.len(),
            workdays = year.workdays.len()
        ))
    })
}

/// One year of the calendar as `calendar list --json` prints it.
#[derive(serde::Serialize)]
struct CalendarRow<'a> {
    year: i32,
    holidays: &'a [String],
    workdays: &'a [String],
}

fn calendar_list(app: &mut App, json: bool) -> Result<()> {
    let store = app.store()?;
    let book = store.casebook()?;
    let mut years: Vec<&crate::calendar::CalendarYear> = book.calendar.iter().collect();
    years.sort_by_key(|y| y.year);
    if json {
        let rows: Vec<CalendarRow> = years
            .iter()
            .map(|y| CalendarRow {
                year: y.year,
                holidays: &y.holidays,
                workdays: &y.workdays,
            })
            .collect();
        return app.ui.json(&rows);
    }
    let mut table = crate::output::new_table(&[
        word("clerk-col-year"),
        word("clerk-col-days-off"),
        word("clerk-col-workdays"),
    ]);
    let sep = word("out-list-separator");
    for y in &years {
        table.add_row(vec![
            y.year.to_string(),
            y.holidays
                .iter()
                .map(|h| h.replace('/', ".."))
                .collect::<Vec<_>>()
                .join(sep),
            y.workdays.join(sep),
        ]);
    }
    app.ui.table(table)?;
    let next = crate::calendar::local_date(&app.now()?).format("%Y").to_string();
    if let Ok(next) = next.parse::<i32>()
        && !book.calendar().covers(next + 1)
    {
        app.ui.status(&t!("clerk-calendar-next-missing", year = next + 1));
    }
    Ok(())
}

/// Codes outside the member list that the tool already uses.
const RESERVED_CODES: &[&str] = &["discipline", "hotline"];

fn dept_add(app: &mut App, args: DeptAddArgs) -> Result<()> {
    let code = args.code.trim().to_string();
    let field = t!("clerk-field-dept-code");
    if code.is_empty() || code.len() > 16 || !code.bytes().all(|b| b.is_ascii_lowercase()) {
        return Err(Error::invalid(field, t!("clerk-dept-bad-code", code = code)));
    }
    if RESERVED_CODES.contains(&code.as_str()) {
        return Err(Error::invalid(field, t!("clerk-dept-reserved", code = code)));
    }
    let new = Department {
        code,
        name: validate::line(&t!("clerk-field-dept-name"), &args.name)?,
        short: validate::line(&t!("clerk-field-dept-short"), &args.short)?,
        keys: vec![],
    };
    super::operator::change(app, BookAction::DeptAdd, move |book, _| {
        if let Some(d) = book.department(&new.code) {
            return Err(Error::Exists {
                what: t!("clerk-dept-exists", code = new.code.as_str(), name = d.name.as_str()),
                hint: t!("clerk-dept-exists-hint", code = new.code.as_str()),
            });
        }
        let summary = t_in!(
            Lang::Zh,
            "clerk-dept-add-summary",
            code = new.code.as_str(),
            name = new.name.as_str()
        );
        book.departments.push(new);
        Ok(summary)
    })
}

fn dept_edit(app: &mut App, args: DeptEditArgs) -> Result<()> {
    if args.name.is_none() && args.short.is_none() {
        return Err(Error::invalid(
            t!("clerk-field-dept-name"),
            t!("clerk-dept-edit-nothing"),
        ));
    }
    let name = args
        .name
        .as_deref()
        .map(|n| validate::line(&t!("clerk-field-dept-name"), n))
        .transpose()?;
    let short = args
        .short
        .as_deref()
        .map(|n| validate::line(&t!("clerk-field-dept-short"), n))
        .transpose()?;
    super::operator::change(app, BookAction::DeptEdit, move |book, _| {
        let code = book.dept_code(&args.code)?;
        let dept = book
            .departments
            .iter_mut()
            .find(|d| d.code == code)
            .ok_or_else(|| Error::UnknownDept(code.clone()))?;
        let before = dept.clone();
        if let Some(name) = name {
            dept.name = name;
        }
        if let Some(short) = short {
            dept.short = short;
        }
        if *dept == before {
            return Err(Error::invalid(
                t!("clerk-field-dept-name"),
                t!("clerk-dept-edit-unchanged", code = code.as_str()),
            ));
        }
        Ok(t_in!(
            Lang::Zh,
            "clerk-dept-edit-summary",
            code = code.as_str(),
            name = dept.name.as_str(),
            short = dept.short.as_str()
        ))
    })
}

/// One department as `dept list --json` prints it.
#[derive(serde::Serialize)]
struct DeptRow<'a> {
    code: &'a str,
    name: &'a str,
    short: &'a str,
    /// The leading-group office sits at this department.
    office: bool,
    /// Its head is a deputy leader of the leading group.
    deputy: bool,
}

fn dept_list(app: &mut App, json: bool) -> Result<()> {
    let store = app.store()?;
    let book = store.casebook()?;
    let group = &book.leading_group;
    let rows: Vec<DeptRow> = book
        .departments
        .iter()
        .map(|d| DeptRow {
            code: &d.code,
            name: &d.name,
            short: &d.short,
            office: group.office_dept == d.code,
            deputy: group.deputy_depts.contains(&d.code),
        })
        .collect();
    if json {
        return app.ui.json(&rows);
    }
    let mut table = crate::output::new_table(&[
        word("clerk-col-code"),
        word("clerk-col-dept-name"),
        word("clerk-col-dept-short"),
        word("clerk-col-leading-group"),
    ]);
    for r in &rows {
        let mut place = vec![];
        if r.office {
            place.push(word("clerk-group-office"));
        }
        place.push(word(if r.deputy {
            "clerk-group-deputy"
        } else {
            "clerk-group-member"
        }));
        table.add_row(vec![
            r.code.to_string(),
            r.name.to_string(),
            r.short.to_string(),
            place.join(word("out-list-separator")),
        ]);
    }
    app.ui.table(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_parse_with_units() {
        assert_eq!(parse_hours("72h"), Some(72));
        assert_eq!(parse_hours("3d"), Some(72));
        assert_eq!(parse_hours("5"), Some(5));
        assert_eq!(parse_hours("x"), None);
        assert_eq!(parse_hours("9999999d"), None);
    }

    #[test]
    fn switches_parse() {
        assert_eq!(parse_switch("on"), Some(true));
        assert_eq!(parse_switch(" OFF "), Some(false));
        assert_eq!(parse_switch("maybe"), None);
    }

    fn admin() -> crate::casebook::Operator {
        crate::casebook::Operator {
            id: "admin".into(),
            name: "管理员".into(),
            email: "admin@example.org".into(),
            dept: "tax".into(),
            roles: vec![crate::casebook::Role::Admin],
            active: true,
            phone: None,
            keys: vec![],
        }
    }

    #[test]
    fn every_setting_is_a_legal_setting_change() {
        use dispute_core::casebook_change::is_legal;
        let before = Casebook::new("芮城县", admin());
        for (name, value) in [
            ("backdate_window", "24h"),
            ("county", "永济市"),
            ("leading_group.leader_title", "县政府常务副县长"),
            ("leading_group.office_dept", "approval"),
            ("leading_group.deputy_depts", "gov,hrss,medical,tax,finance"),
            ("deadline.opinion", "7"),
        ] {
            let mut after = before.clone();
            set(&mut after, name, value).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_ne!(after, before, "{name}");
            assert!(is_legal(&before, &after, BookAction::Setting), "{name}");
            Casebook::parse(&after.to_toml()).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        let mut same = before.clone();
        assert!(set(&mut same, "county", "芮城县").is_err());
        assert!(set(&mut same, "leading_group.office_dept", "nowhere").is_err());
        assert!(set(&mut same, "colour", "red").is_err());
    }
}
