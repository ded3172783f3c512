//! `dispute show`: one case, in readable sections.

use crate::calendar::local_date;
use crate::case::CaseId;
use crate::error::Result;
use crate::privacy;

use super::App;

/// 查看一件案件：登记信息、分类、时限（标出超期）、联办部门、书面意见、会商纪要、报送单、回复、时间线
///
/// 缴费人电话、证件号码、联系人默认遮盖；--reveal 显示原文，仅限受理部门和联办（承办）部门的操作员。
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 案件编号
    pub id: String,
    /// 以 JSON 输出
    #[arg(long)]
    pub json: bool,
    /// 显示未遮盖的缴费人信息（须为受理部门或联办部门的操作员）
    #[arg(long)]
    pub reveal: bool,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let id = CaseId::parse(&args.id)?;
    let store = app.store()?;
    let book = store.casebook()?;
    let case = store.case(&id)?;
    if args.reveal {
        let actor = app.actor(&store, &book)?;
        privacy::check_reveal(&case, &actor)?;
    }
    let shown = privacy::for_display(&case, args.reveal);
    if args.json {
        return app.ui.json(&shown);
    }
    let today = local_date(&app.now()?);
    app.ui.case_sheet(&book, &shown, &book.calendar(), today)
}
