//! `dispute opinion`: a department's written opinion (书面意见).

use std::path::PathBuf;

use crate::error::Result;
use crate::workflow::Command;

use super::App;

/// 提交本部门的书面意见（承办人 handler；部门须已被指派）。再次提交会替换，旧文本保留在 git 历史中。报送事项中，承办部门用本命令提交办理结果。
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("body").required(true).args(["text", "file"])))]
pub struct Args {
    /// 案件编号
    pub id: String,
    /// 部门代码（默认为操作员所在部门；只能是本部门）
    #[arg(long, value_name = "CODE")]
    pub dept: Option<String>,
    /// 意见全文
    #[arg(long)]
    pub text: Option<String>,
    /// 从文件读取意见全文（UTF-8；- 为标准输入）
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,
    /// 实际出具时间（RFC 3339），默认现在
    #[arg(long)]
    pub at: Option<String>,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let text = super::read_text("书面意见", args.text, args.file)?;
    app.act(&args.id, args.at.as_deref(), |book, actor| {
        let dept = match &args.dept {
            Some(d) => book.dept_code(d)?,
            None => actor.dept.clone(),
        };
        Ok(Command::Opinion { dept, text })
    })
    .map(|_| ())
}
