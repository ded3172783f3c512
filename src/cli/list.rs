//! `dispute list`: the cases, one row each.

use crate::calendar::local_date;
use crate::case::{Status, Track};
use crate::error::Result;
use crate::output::ListRow;
use crate::workflow;

use super::App;

/// 列出案件（按编号排序）：编号、状态、争议类别、缴费人、辖区、受理时间、下一时限
///
/// 无法读取的案件文件会被点名报告，其余案件照常列出（此时退出码为 4）。
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 只列此状态
    #[arg(long, value_parser = super::args::code::<Status>())]
    pub status: Option<Status>,
    /// 只列此部门受理或被指派的案件
    #[arg(long, value_name = "CODE")]
    pub dept: Option<String>,
    /// 只列此事项类型
    #[arg(long, value_parser = super::args::code::<Track>())]
    pub track: Option<Track>,
    /// 只列此争议类别（1–10）
    #[arg(long)]
    pub category: Option<u8>,
    /// 只列此年度受理的案件
    #[arg(long)]
    pub year: Option<i32>,
    /// 只列有超期事项的案件
    #[arg(long)]
    pub overdue: bool,
    /// 以 JSON 输出
    #[arg(long)]
    pub json: bool,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let category = args.category.map(crate::validate::category).transpose()?;
    let store = app.store()?;
    let book = store.casebook()?;
    let dept = args
        .dept
        .as_deref()
        .map(|d| book.dept_code(d))
        .transpose()?;
    let today = local_date(&app.now()?);
    let cal = book.calendar();
    let (cases, bad) = store.summaries(args.year)?;
    let mut rows = vec![];
    for case in cases {
        if args.status.is_some_and(|s| s != case.status)
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
    app.ui.case_list(&book, &rows, args.json)?;
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
        reason: format!("共 {} 个案件文件无法读取，已跳过", bad.len()),
    })
}
