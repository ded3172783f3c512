//! `dispute init`: create a casebook.

use std::path::PathBuf;

use crate::casebook::{Casebook, Operator, Role};
use crate::error::Result;
use crate::protocol::Message;
use crate::store::Store;
use crate::validate;

use super::App;

/// 新建案卷库：git 仓库、casebook.toml（九个成员单位、领导小组、默认时限、2024–2026 法定节假日）、cases/
///
/// 第一位操作员是管理员，初始化提交以其为作者。目录里已有案卷库时拒绝，不做任何改动。
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 案卷库目录（默认当前目录；不存在则创建）
    pub dir: Option<PathBuf>,
    /// 县名，如 芮城县
    #[arg(long)]
    pub county: String,
    /// 管理员的操作员编号（小写字母、数字、. _ -）
    #[arg(long, value_name = "ID")]
    pub admin: String,
    /// 管理员姓名
    #[arg(long)]
    pub name: String,
    /// 管理员邮箱（git 提交作者）
    #[arg(long)]
    pub email: String,
    /// 管理员所在部门代码（tax hrss medical justice finance approval petition cac gov）
    #[arg(long, value_name = "CODE")]
    pub dept: String,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let county = validate::line("县名", &args.county)?;
    let admin = Operator {
        id: validate::operator_id(&args.admin)?,
        name: validate::line("姓名", &args.name)?,
        email: validate::email(&args.email)?,
        dept: args.dept.trim().to_string(),
        roles: vec![Role::Admin],
        active: true,
        phone: None,
        keys: vec![],
    };
    let book = Casebook::new(&county, admin.clone());
    book.dept_code(&admin.dept)?;
    // The file we are about to write must read back: same checks as any later read.
    Casebook::parse(&book.to_toml())?;
    let dir = match args.dir.or_else(|| app.global.casebook.clone()) {
        Some(d) => d,
        None => std::env::current_dir()?,
    };
    let message = Message::init(&admin, &county);
    let store = Store::init(&dir, &book, &message, &admin)?;
    app.ui.status(&format!(
        "已在 {} 建立案卷库，管理员 {}（{}）",
        store.root().display(),
        admin.name,
        admin.id
    ));
    Ok(())
}
