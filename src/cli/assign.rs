//! `dispute assign`: ask departments for their written opinions (联办), dispatch a referred
//! case to its competent department (县政府办), or withdraw an assignment.

use crate::error::{Error, Result};
use crate::validate;
use crate::workflow::Command;

use super::App;

/// 指派联办部门（书面意见及期限）；报送事项由县政府办转办人用 --hotline-ticket 转交承办部门；或用 --remove 撤回指派
///
/// 默认期限按 casebook.toml 的时限（一般事项 5 个工作日、重大事项 10 个、报送承办 5 个）从办理日起算。
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["dept", "remove"])))]
pub struct Args {
    /// 案件编号
    pub id: String,
    /// 指派的部门代码，可重复
    #[arg(long = "dept", value_name = "CODE")]
    pub dept: Vec<String>,
    /// 办理期限（YYYY-MM-DD），默认按规定时限计算
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// 12345 工单号（县政府办转交报送事项时必填）
    #[arg(long, value_name = "NO")]
    pub hotline_ticket: Option<String>,
    /// 撤回对该部门的指派
    #[arg(long, value_name = "CODE", conflicts_with_all = ["dept", "due", "hotline_ticket"], requires = "reason")]
    pub remove: Option<String>,
    /// 撤回理由
    #[arg(long)]
    pub reason: Option<String>,
    /// 实际办理时间（RFC 3339），默认现在
    #[arg(long)]
    pub at: Option<String>,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let due = args
        .due
        .as_deref()
        .map(crate::calendar::parse_date)
        .transpose()?;
    let ticket = args
        .hotline_ticket
        .as_deref()
        .map(|t| validate::line("12345工单号", t))
        .transpose()?;
    let reason = args
        .reason
        .as_deref()
        .map(|r| validate::text("撤回理由", r))
        .transpose()?;
    app.act(&args.id, args.at.as_deref(), |book, _| {
        if let Some(dept) = &args.remove {
            return Ok(Command::Unassign {
                dept: book.dept_code(dept)?,
                reason: reason.clone().unwrap_or_default(),
            });
        }
        let mut depts = vec![];
        for d in &args.dept {
            for part in d.split(',') {
                let code = book.dept_code(part)?;
                if depts.contains(&code) {
                    return Err(Error::invalid("联办部门", format!("{code} 重复")));
                }
                depts.push(code);
            }
        }
        Ok(Command::Assign {
            depts,
            due,
            hotline_ticket: ticket.clone(),
        })
    })
    .map(|_| ())
}
