//! `dispute report`: the assessment report (绩效考评, regulation 五（四）) for the leading
//! group, one self-contained HTML page with inline SVG charts.

use std::path::PathBuf;

use crate::error::Result;
use crate::report;

use super::App;

/// The performance review for the leading group, as one HTML page.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The year under review (by date of receipt)
    #[arg(long)]
    pub year: i32,
    /// Only cases received in this month (1–12)
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=12))]
    pub month: Option<u32>,
    /// Judge lateness on this day (YYYY-MM-DD); default today
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Write to this file (- for stdout)
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let as_of = app.as_of(args.as_of.as_deref())?;
    let store = app.store()?;
    let book = store.casebook()?;
    let cal = book.calendar();
    let (cases, bad) = store.cases(Some(args.year))?;
    let recorded = super::stats::recorded_actions(&store, &book)?;
    let r = report::build(
        &cases,
        &recorded,
        &book,
        &cal,
        as_of,
        args.year,
        args.month,
    );
    let page = report::html(&r, &book, dispute_i18n::lang());
    app.ui.emit(page.as_bytes(), args.output.as_deref())?;
    super::list::report_bad(app, bad)
}
