//! `dispute operator add|list|disable`: the operators of a casebook (admin only).

use crate::casebook::{Casebook, Operator, Role};
use crate::error::{Error, Result};
use crate::protocol::{BookAction, Message};
use crate::validate;

use super::App;

/// 管理操作员（新增、列出、停用）；新增和停用只能由管理员办理，每次变更一次提交
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// 新增操作员
    Add(AddArgs),
    /// 列出操作员
    List(ListArgs),
    /// 停用操作员（保留记录，不能再办理）
    Disable(DisableArgs),
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// 操作员编号（小写字母、数字、. _ -，以字母开头）
    pub id: String,
    /// 姓名
    #[arg(long)]
    pub name: String,
    /// 邮箱（git 提交作者）
    #[arg(long)]
    pub email: String,
    /// 所在部门代码
    #[arg(long, value_name = "CODE")]
    pub dept: String,
    /// 角色，可重复：receiver 受理人、handler 承办人、office 领导小组办公室、leader 组长、dispatcher 转办人、admin 管理员
    #[arg(long = "role", value_name = "ROLE", required = true)]
    pub roles: Vec<String>,
    /// 办公电话（填入报送单的受理人电话）
    #[arg(long)]
    pub phone: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// 以 JSON 输出
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct DisableArgs {
    /// 操作员编号
    pub id: String,
}

pub fn run(app: &mut App, cmd: Command) -> Result<()> {
    match cmd {
        Command::List(args) => {
            let store = app.store()?;
            let book = store.casebook()?;
            app.ui.operators(&book, args.json)
        }
        Command::Add(args) => {
            let mut roles = vec![];
            for r in &args.roles {
                for part in r.split(',') {
                    let role = Role::parse(part.trim())?;
                    if !roles.contains(&role) {
                        roles.push(role);
                    }
                }
            }
            let new = Operator {
                id: validate::operator_id(&args.id)?,
                name: validate::line("姓名", &args.name)?,
                email: validate::email(&args.email)?,
                dept: args.dept.trim().to_string(),
                roles,
                active: true,
                phone: args.phone.as_deref().map(validate::phone).transpose()?,
                keys: vec![],
            };
            change(app, BookAction::OperatorAdd, move |book, _| {
                let mut new = new;
                new.dept = book.dept_code(&new.dept)?;
                if book.operator(&new.id).is_some() {
                    return Err(Error::invalid("操作员编号", format!("{} 已存在", new.id)));
                }
                if book.operator_by_email(&new.email).is_some() {
                    return Err(Error::invalid(
                        "邮箱",
                        format!("{} 已被其他操作员使用", new.email),
                    ));
                }
                let roles: Vec<&str> = new.roles.iter().map(|r| r.code()).collect();
                let summary = format!(
                    "{} {}（{}；{}）",
                    new.id,
                    new.name,
                    book.dept_short(&new.dept),
                    roles.join(", ")
                );
                book.operators.push(new);
                Ok(summary)
            })
        }
        Command::Disable(args) => change(app, BookAction::OperatorDisable, |book, actor| {
            if args.id == actor.id {
                return Err(Error::invalid("操作员编号", "管理员不能停用自己"));
            }
            let op = book
                .operators
                .iter_mut()
                .find(|o| o.id == args.id)
                .ok_or_else(|| Error::OperatorNotFound(args.id.clone()))?;
            if !op.active {
                return Err(Error::invalid("操作员编号", format!("{} 已经停用", op.id)));
            }
            op.active = false;
            Ok(format!("{} {}", op.id, op.name))
        }),
    }
}

/// Change the casebook as an admin: one commit.
fn change(
    app: &mut App,
    action: BookAction,
    edit: impl FnOnce(&mut Casebook, &Operator) -> Result<String>,
) -> Result<()> {
    let store = app.store()?;
    let (mut writer, notices) = store.begin()?;
    app.ui.notices(notices);
    let mut book = store.casebook()?;
    let actor = app.actor(&store, &book)?;
    if !actor.has(Role::Admin) {
        return Err(Error::not_permitted(
            "管理操作员",
            "只有管理员（admin）可以新增或停用操作员",
        ));
    }
    let summary = edit(&mut book, &actor)?;
    writer.put_casebook(&book)?;
    let message = Message::book_action(action, &actor, &summary);
    let commit = writer.commit(&message, &actor)?;
    app.ui.done(&message.subject, commit);
    Ok(())
}
