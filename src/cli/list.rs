//! `dispute list`: the cases, one row each.

use crate::calendar::local_date;
use crate::case::{Status, Track};
use crate::error::Result;
use crate::output::ListRow;
use crate::workflow;

use super::App;
use super::args::JsonArg;

/// List the cases, one row each, by ID.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this status
    #[arg(long, value_parser = super::args::code::<Status>())]
    pub status: Option<Status>,
    /// Only cases this department received or was assigned
    #[arg(long, value_name = "CODE")]
    pub dept: Option<String>,
    /// Only this track
    #[arg(long, value_parser = super::args::code::<Track>())]
    pub track: Option<Track>,
    /// Only this dispute category (1–10)
    #[arg(long)]
    pub category: Option<u8>,
    /// Only cases received in this year
    #[arg(long)]
    pub year: Option<i32>,
    /// Only cases with something overdue
    #[arg(long)]
    pub overdue: bool,
    #[command(flatten)]
    pub output: JsonArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let category = args.category.map(crate::validate::category).transpose()?;
    let store = app.store()?;
    crate::store::timings::mark("open repository");
    let book = store.casebook()?;
    crate::store::timings::mark("casebook.toml read and checked");
    let dept = args
        .dept
        .as_deref()
        .map(|d| book.dept_code(d))
        .transpose()?;
    let today = local_date(&app.now()?);
    let cal = book.calendar();
    let (cases, bad) = store.summaries(args.year)?;
    let provisional = store.provisional_ids()?;
    let mut rows = vec![];
    for case in cases {
        // A voided case (registered by mistake) is listed only when asked for.
        let status_ok = match args.status {
            Some(s) => s == case.status,
            None => case.status != Status::Voided,
        };
        if !status_ok
            || args.track.is_some_and(|t| Some(t) != case.track)
            || category.is_some_and(|c| Some(c) != case.category)
            || dept.as_deref().is_some_and(|d| !case.involves(d))
        {
            continue;
        }
        let late = workflow::late(&case.obligations, today, &cal);
        if args.overdue && late.is_empty() {
            continue;
        }
        rows.push(ListRow {
            provisional: provisional.contains(&case.id),
            next_due: case.obligations.iter().map(|o| o.due).min(),
            days_late: late.iter().map(|l| l.days_late).max(),
            id: case.id,
            status: case.status,
            track: case.track,
            category: case.category,
            payer: case.payer,
            district: case.district,
            receiving_dept: case.receiving_dept,
            received_at: case.received_at,
        });
    }
    // By department, year and sequence as numbers: TAX-2026-9999 before TAX-2026-10000.
    rows.sort_by_cached_key(|r| crate::case::CaseId::parse(&r.id).ok());
    crate::store::timings::mark("rows filtered and sorted");
    app.ui.case_list(&book, &rows, args.output.json)?;
    report_bad(app, bad)
}

/// Name unreadable case files after the rows; the command then exits 4.
pub fn report_bad(app: &mut App, bad: Vec<crate::store::BadCase>) -> Result<()> {
    let Some(first) = bad.first() else {
        return Ok(());
    };
    for b in &bad {
        app.ui.warn(&b.error.to_string());
    }
    Err(crate::error::Error::CaseFileInvalid {
        path: first.path.clone(),
        reason: dispute_i18n::t!("cmd-bad-case-files", count = bad.len()),
    })
}
