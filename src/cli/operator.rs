//! `dispute operator add|list|disable|enable|edit|key`: the operators of a casebook and
//! their keys (changes by admins only, one signed commit each).

use dispute_i18n::{Lang, t, t_in};

use crate::casebook::{Casebook, Operator, OperatorKey, Role};
use crate::identity::{fingerprint, key_text};
use crate::keys::read_public_key;
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
    /// Enable a disabled operator again
    Enable(EnableArgs),
    /// Change an operator's name, phone, department or roles
    Edit(EditArgs),
    /// Register an operator's new public key (the old one stops being valid)
    Key(KeyArgs),
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
    /// The operator's public key (a .pub file or the ssh-ed25519 text)
    #[arg(long, value_name = "KEY")]
    pub public_key: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct EnableArgs {
    /// Operator ID
    pub id: String,
    /// A new public key for the operator (a .pub file or the ssh-ed25519 text)
    #[arg(long, value_name = "KEY")]
    pub public_key: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// Operator ID
    pub id: String,
    /// New name
    #[arg(long)]
    pub name: Option<String>,
    /// New office phone
    #[arg(long)]
    pub phone: Option<String>,
    /// New department code
    #[arg(long, value_name = "CODE")]
    pub dept: Option<String>,
    /// New roles (replace the old ones), repeatable
    #[arg(long = "role", value_name = "ROLE")]
    pub roles: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct KeyArgs {
    /// Operator ID
    pub id: String,
    /// The new public key (a .pub file or the ssh-ed25519 text)
    #[arg(long, value_name = "KEY")]
    pub public_key: String,
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
            let roles = parse_roles(&args.roles)?;
            let key = args.public_key.as_deref().map(read_public_key).transpose()?;
            let new = Operator {
                id: validate::operator_id(&args.id)?,
                name: validate::name(&t!("cmd-field-name"), &args.name)?,
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
                if let Some(old) = book.operator(&new.id) {
                    return Err(Error::Exists {
                        what: t!("clerk-operator-exists", id = new.id.as_str()),
                        hint: taken_hint(old),
                    });
                }
                if let Some(old) = book.operator_by_email(&new.email) {
                    return Err(Error::Exists {
                        what: t!(
                            "clerk-operator-email-taken",
                            email = new.email.as_str(),
                            id = old.id.as_str()
                        ),
                        hint: taken_hint(old),
                    });
                }
                if let Some(key) = &key {
                    register_key(book, &mut new, key)?;
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
            let now = crate::clock::real_now();
            for k in op.keys.iter_mut().filter(|k| k.retired.is_none()) {
                k.retired = Some(now);
            }
            Ok(format!("{} {}", op.id, op.name))
        }),
        Command::Enable(args) => {
            let key = args.public_key.as_deref().map(read_public_key).transpose()?;
            change(app, BookAction::OperatorEnable, move |book, _| {
                let mut op = book
                    .operator(&args.id)
                    .cloned()
                    .ok_or_else(|| Error::OperatorNotFound(args.id.clone()))?;
                if op.active {
                    return Err(Error::invalid(
                        t!("cmd-field-operator-id"),
                        t!("cmd-operator-already-active", id = op.id.as_str()),
                    ));
                }
                op.active = true;
                if let Some(key) = &key {
                    register_key(book, &mut op, key)?;
                }
                let summary = format!("{} {}", op.id, op.name);
                replace(book, op);
                Ok(summary)
            })
        }
        Command::Edit(args) => {
            let roles = parse_roles(&args.roles)?;
            let name = args
                .name
                .as_deref()
                .map(|n| validate::name(&t!("cmd-field-name"), n))
                .transpose()?;
            let phone = args.phone.as_deref().map(validate::phone).transpose()?;
            change(app, BookAction::OperatorEdit, move |book, actor| {
                let mut op = book
                    .operator(&args.id)
                    .cloned()
                    .ok_or_else(|| Error::OperatorNotFound(args.id.clone()))?;
                let mut changed = vec![];
                if let Some(name) = name.filter(|n| *n != op.name) {
                    op.name = name;
                    changed.push("name");
                }
                if let Some(phone) = phone.filter(|p| Some(p) != op.phone.as_ref()) {
                    op.phone = Some(phone);
                    changed.push("phone");
                }
                if let Some(dept) = &args.dept {
                    let dept = book.dept_code(dept)?;
                    if dept != op.dept {
                        op.dept = dept;
                        changed.push("dept");
                    }
                }
                if !roles.is_empty() && roles != op.roles {
                    if op.id == actor.id && !roles.contains(&Role::Admin) {
                        return Err(Error::invalid(
                            t!("cmd-field-role"),
                            t!("cmd-operator-edit-own-admin"),
                        ));
                    }
                    op.roles = roles;
                    changed.push("roles");
                }
                if changed.is_empty() {
                    return Err(Error::invalid(
                        t!("cmd-field-operator-id"),
                        t!("cmd-operator-edit-nothing", id = op.id.as_str()),
                    ));
                }
                let summary = t_in!(
                    Lang::Zh,
                    "cmd-operator-change-summary",
                    id = op.id.as_str(),
                    name = op.name.as_str(),
                    what = changed.join(", ")
                );
                replace(book, op);
                Ok(summary)
            })
        }
        Command::Key(args) => {
            let key = read_public_key(&args.public_key)?;
            change(app, BookAction::OperatorKey, move |book, _| {
                let mut op = book
                    .operator(&args.id)
                    .cloned()
                    .ok_or_else(|| Error::OperatorNotFound(args.id.clone()))?;
                register_key(book, &mut op, &key)?;
                let summary = t_in!(
                    Lang::Zh,
                    "cmd-operator-change-summary",
                    id = op.id.as_str(),
                    name = op.name.as_str(),
                    what = fingerprint(&key)
                );
                replace(book, op);
                Ok(summary)
            })
        }
    }
}

/// What to do when an ID or email belongs to `old` already: re-enable a disabled operator
/// rather than register the same person twice.
fn taken_hint(old: &Operator) -> String {
    if old.active {
        t!("clerk-operator-taken-hint")
    } else {
        t!("clerk-operator-taken-disabled-hint", id = old.id.as_str())
    }
}

/// Roles given as repeated `--role` or comma lists, without duplicates.
fn parse_roles(args: &[String]) -> Result<Vec<Role>> {
    let mut roles = vec![];
    for r in args {
        for part in r.split(',') {
            let role = Role::parse(part.trim())?;
            if !roles.contains(&role) {
                roles.push(role);
            }
        }
    }
    Ok(roles)
}

/// Make `key` the operator's current key, retiring the one before. A key already
/// registered to anyone (this operator included) is refused: keys are never reused.
fn register_key(book: &Casebook, op: &mut Operator, key: &ssh_key::PublicKey) -> Result<()> {
    let text = key_text(key);
    let owner = book
        .operators
        .iter()
        .chain(std::iter::once(&*op))
        .find(|o| o.keys.iter().any(|k| k.key == text));
    if let Some(owner) = owner {
        return Err(Error::Exists {
            what: t!("cmd-key-taken", id = owner.id.as_str()),
            hint: t!("clerk-key-taken-hint"),
        });
    }
    let now = crate::clock::real_now();
    for k in op.keys.iter_mut().filter(|k| k.retired.is_none()) {
        k.retired = Some(now);
    }
    op.keys.push(OperatorKey {
        key: text,
        added: now,
        retired: None,
    });
    Ok(())
}

fn replace(book: &mut Casebook, op: Operator) {
    if let Some(slot) = book.operators.iter_mut().find(|o| o.id == op.id) {
        *slot = op;
    }
}

/// Change the casebook as an admin: one signed commit.
pub(super) fn change(
    app: &mut App,
    action: BookAction,
    edit: impl FnOnce(&mut Casebook, &Operator) -> Result<String>,
) -> Result<()> {
    let store = app.store()?;
    let (mut writer, notices) = store.begin()?;
    app.ui.notices(notices);
    let mut book = store.casebook()?;
    let signer = app.signing_actor(&store, &book)?;
    let actor = &signer.op;
    if !actor.has(Role::Admin) {
        return Err(Error::not_permitted(
            t!("cmd-operator-action"),
            t!("cmd-operator-admin-only"),
        ));
    }
    let summary = edit(&mut book, actor)?;
    let changes = if action.changes_operators() {
        // The departments' keys follow their operators (DESIGN §11), in the same commit.
        let opener = signer.opener().ok();
        crate::seal::sync_dept_keys(&mut book, opener.as_ref(), crate::clock::real_now())?
    } else {
        vec![]
    };
    writer.put_casebook(&book)?;
    let message = Message::book_action(action, actor, &summary);
    let commit =
        super::commit_or_report(&store, writer, &message, actor, signer.signer(), &message.subject)?;
    app.wrote();
    app.ui.done(&message.subject, commit);
    report_key_changes(app, &book, &changes);
    Ok(())
}

/// Tell the admin what happened to the departments' keys for payer data.
pub(super) fn report_key_changes(
    app: &mut App,
    book: &Casebook,
    changes: &[crate::seal::KeyChange],
) {
    use crate::seal::KeyChange;
    let sep = t!("secret-list-sep");
    for change in changes {
        match change {
            KeyChange::Created { dept } => app.ui.status(&t!(
                "secret-key-created",
                dept = book.dept_short(dept)
            )),
            KeyChange::Rewrapped { dept, added } => app.ui.status(&t!(
                "secret-key-rewrapped",
                dept = book.dept_short(dept),
                operators = added.join(&sep)
            )),
            KeyChange::Rotated { dept, removed } => app.ui.warn(&t!(
                "secret-key-rotated",
                dept = book.dept_short(dept),
                operators = removed.join(&sep)
            )),
            KeyChange::RotatedUnopened { dept, added } => app.ui.warn(&t!(
                "secret-key-rotated-unopened",
                dept = book.dept_short(dept),
                operators = added.join(&sep)
            )),
            KeyChange::Retired { dept } => app.ui.warn(&t!(
                "secret-key-retired",
                dept = book.dept_short(dept)
            )),
        }
    }
}
