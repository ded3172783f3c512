//! `dispute verify`: replay the history and check every commit against the rules.

use crate::audit::Auditor;
use crate::error::{Error, Result};

use super::App;

/// 核验案卷库历史：逐个提交检查 trailer、作者是否为当时在册且有相应角色的操作员、改动是否为该动作的合法结果（重新运行办理流程比对）、是否删除或改名案件文件、编号是否重复使用
///
/// 历史干净时退出码 0；有问题时逐条列出（提交、案件、操作员、违反的规则），退出码 1。
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 只核验此提交之后的历史（默认从第一个提交开始）
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,
    /// 以 JSON 输出
    #[arg(long)]
    pub json: bool,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let store = app.store()?;
    let mut auditor = match &args.since {
        Some(rev) => Auditor::with_existing(store.case_paths_at(rev)?),
        None => Auditor::default(),
    };
    store.walk_history(args.since.as_deref(), |rec| {
        auditor.check(&rec);
        Ok(())
    })?;
    app.ui
        .findings(&auditor.findings, auditor.commits_checked, args.json)?;
    if auditor.findings.is_empty() {
        Ok(())
    } else {
        Err(Error::AuditFailed(auditor.findings.len()))
    }
}
