//! `dispute reply`: the overall handling opinion as written to the payer.

use std::path::PathBuf;

use crate::error::Result;
use crate::workflow::Command;

use super::App;

/// 书面回复缴费人（总处理意见）。一般事项须有全部联办部门的书面意见，重大疑难事项须有经组长同意的重大事项会商纪要，报送事项须有承办部门的办理结果；缺少时拒绝并列出所缺内容。
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("body").required(true).args(["text", "file"])))]
pub struct Args {
    /// 案件编号
    pub id: String,
    /// 回复全文
    #[arg(long)]
    pub text: Option<String>,
    /// 从文件读取回复全文（UTF-8；- 为标准输入）
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,
    /// 实际回复时间（RFC 3339），默认现在
    #[arg(long)]
    pub at: Option<String>,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let text = super::read_text("回复", args.text, args.file)?;
    app.act(&args.id, args.at.as_deref(), |_, _| {
        Ok(Command::Reply { text })
    })
    .map(|_| ())
}
