//! `dispute operator add|list|disable`: the operators of a casebook (admin only).

use dispute_i18n::{Lang, t, t_in};

use crate::casebook::{Casebook, Operator, Role};
use crate::error::{Error, Result};
use crate::protocol::{BookAction, Message};
use crate::validate;

use super::App;
use super::args::JsonArg;

/// Manage the operators (add, list, disable); changes are for admins, one commit each.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add an operator
    Add(AddArgs),
    /// List the operators
    List(ListArgs),
    /// Disable an operator (kept on record, can no longer act)
    Disable(DisableArgs),
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// Operator ID (lowercase letters, digits, . _ -, starting with a letter)
    pub id: String,
    /// Name
    #[arg(long)]
    pub name: String,
    /// Email (git commit author)
    #[arg(long)]
    pub email: String,
    /// Department code
    #[arg(long, value_name = "CODE")]
    pub dept: String,
    /// Role, repeatable: receiver, handler, office, leader, dispatcher, admin
    #[arg(long = "role", value_name = "ROLE", required = true)]
    pub roles: Vec<String>,
    /// Office phone (the receiver's phone on referral forms)
    #[arg(long)]
    pub phone: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub output: JsonArg,
}

#[derive(Debug, clap::Args)]
pub struct DisableArgs {
    /// Operator ID
    pub id: String,
}

pub fn run(app: &mut App, cmd: Command) -> Result<()> {
    match cmd {
        Command::List(args) => {
            let store = app.store()?;
            let book = store.casebook()?;
            app.ui.operators(&book, args.output.json)
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
                name: validate::line(&t!("cmd-field-name"), &args.name)?,
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
                    return Err(Error::invalid(
                        t!("cmd-field-operator-id"),
                        t!("cmd-operator-exists", id = new.id.as_str()),
                    ));
                }
                if book.operator_by_email(&new.email).is_some() {
                    return Err(Error::invalid(
                        t!("cmd-field-email"),
                        t!("cmd-operator-email-taken", email = new.email.as_str()),
                    ));
                }
                let roles: Vec<&str> = new.roles.iter().map(|r| r.code()).collect();
                // Part of the commit message: Chinese whatever the language.
                let summary = t_in!(
                    Lang::Zh,
                    "cmd-operator-add-summary",
                    id = new.id.as_str(),
                    name = new.name.as_str(),
                    dept = book.dept_short(&new.dept),
                    roles = roles.join(", ")
                );
                book.operators.push(new);
                Ok(summary)
            })
        }
        Command::Disable(args) => change(app, BookAction::OperatorDisable, |book, actor| {
            if args.id == actor.id {
                return Err(Error::invalid(
                    t!("cmd-field-operator-id"),
                    t!("cmd-operator-disable-self"),
                ));
            }
            let op = book
                .operators
                .iter_mut()
                .find(|o| o.id == args.id)
                .ok_or_else(|| Error::OperatorNotFound(args.id.clone()))?;
            if !op.active {
                return Err(Error::invalid(
                    t!("cmd-field-operator-id"),
                    t!("cmd-operator-already-disabled", id = op.id.as_str()),
                ));
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
            t!("cmd-operator-action"),
            t!("cmd-operator-admin-only"),
        ));
    }
    let summary = edit(&mut book, &actor)?;
    writer.put_casebook(&book)?;
    let message = Message::book_action(action, &actor, &summary);
    let commit = writer.commit(&message, &actor)?;
    app.ui.done(&message.subject, commit);
    Ok(())
}
