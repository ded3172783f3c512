//! `dispute overdue`: every open obligation past its due date.

use crate::error::Result;
use crate::workflow;

use super::App;
use super::args::JsonArg;

/// Every open obligation past its due date, the latest first.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Judge lateness on this day (YYYY-MM-DD); default today
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Only this department's obligations
    #[arg(long, value_name = "CODE")]
    pub dept: Option<String>,
    #[command(flatten)]
    pub output: JsonArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let as_of = app.as_of(args.as_of.as_deref())?;
    let store = app.store()?;
    let book = store.casebook()?;
    let dept = args
        .dept
        .as_deref()
        .map(|d| match d.trim() {
            // The leader's decisions are listed under the leading group.
            crate::casebook::LEADING_GROUP => Ok(crate::casebook::LEADING_GROUP.to_string()),
            d => book.dept_code(d),
        })
        .transpose()?;
    let cal = book.calendar();
    let (cases, bad) = store.summaries(None)?;
    let mut rows: Vec<_> = cases
        .iter()
        .flat_map(|c| workflow::late(&c.obligations, as_of, &cal))
        .filter(|r| dept.as_deref().is_none_or(|d| r.dept == d))
        .collect();
    rows.sort_by(|a, b| {
        b.days_late
            .cmp(&a.days_late)
            .then(a.due.cmp(&b.due))
            .then(a.case.cmp(&b.case))
    });
    app.ui.overdue(&book, &rows, as_of, args.output.json)?;
    super::list::report_bad(app, bad)
}
