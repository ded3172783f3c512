//! `dispute approve`: the leader's decision on a case reported as major.

use crate::case::Decision;
use crate::error::Result;
use crate::validate;
use crate::workflow::Command;

use super::App;

/// 组长审批：同意则按重大疑难事项专案办理，全部成员单位按重大事项时限出具书面意见；--reject 则按一般事项继续办理。只有领导小组组长（leader）可以办理。
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 案件编号
    pub id: String,
    /// 不同意（按一般事项办理）
    #[arg(long)]
    pub reject: bool,
    /// 审批意见
    #[arg(long)]
    pub note: String,
    /// 实际审批时间（RFC 3339），默认现在
    #[arg(long)]
    pub at: Option<String>,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let note = validate::text("审批意见", &args.note)?;
    let decision = if args.reject {
        Decision::Rejected
    } else {
        Decision::Approved
    };
    app.act(&args.id, args.at.as_deref(), |_, _| {
        Ok(Command::Decide { decision, note })
    })
    .map(|_| ())
}
