//! `dispute archive`: file the case after the reply.

use crate::case::{Outcome, Remedy};
use crate::error::Result;
use crate::validate;
use crate::workflow::Command;

use super::App;

/// 案卷归档（须已书面回复）：缴费人无异议（accepted），或有异议（objected，须记录其选择的救济途径）
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 案件编号
    pub id: String,
    /// 缴费人对处理结果的态度
    #[arg(long, value_parser = super::args::code::<Outcome>())]
    pub outcome: Outcome,
    /// 有异议时缴费人选择的救济途径
    #[arg(long, value_parser = super::args::code::<Remedy>())]
    pub remedy: Option<Remedy>,
    /// 备注
    #[arg(long)]
    pub note: Option<String>,
    /// 实际归档时间（RFC 3339），默认现在
    #[arg(long)]
    pub at: Option<String>,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let note = args
        .note
        .as_deref()
        .map(|n| validate::text("备注", n))
        .transpose()?;
    app.act(&args.id, args.at.as_deref(), |_, _| {
        Ok(Command::Archive {
            outcome: args.outcome,
            remedy: args.remedy,
            note,
        })
    })
    .map(|_| ())
}
