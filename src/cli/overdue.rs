//! `dispute overdue`: every open obligation past its due date.

use crate::error::Result;
use crate::workflow;

use super::App;

/// 列出所有超期未办的事项（分类、书面意见、转办、回复、归档）：责任部门、责任人、超期工作日，超期最久的在前
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 以此日期计算（YYYY-MM-DD），默认今天
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// 只列此部门应办的事项
    #[arg(long, value_name = "CODE")]
    pub dept: Option<String>,
    /// 以 JSON 输出
    #[arg(long)]
    pub json: bool,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let as_of = app.as_of(args.as_of.as_deref())?;
    let store = app.store()?;
    let book = store.casebook()?;
    let dept = args
        .dept
        .as_deref()
        .map(|d| book.dept_code(d))
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
    app.ui.overdue(&book, &rows, as_of, args.json)?;
    super::list::report_bad(app, bad)
}
