//! `dispute log`: a case's history, read from git.

use crate::case::CaseId;
use crate::error::{Error, Result};

use super::App;

/// 查看一件案件的办理记录（来自 git 历史）：提交时间、操作员及部门、动作、说明、提交号
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 案件编号
    pub id: String,
    /// 以 JSON 输出
    #[arg(long)]
    pub json: bool,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let id = CaseId::parse(&args.id)?;
    let store = app.store()?;
    let book = store.casebook()?;
    let entries = store.history(&id.path())?;
    if entries.is_empty() {
        return Err(Error::CaseNotFound(id.to_string()));
    }
    app.ui.history(&book, &entries, args.json)
}
