//! `dispute init`: create a casebook.

use std::path::PathBuf;

use dispute_i18n::t;

use crate::casebook::{Casebook, Operator, OperatorKey, Role};
use crate::error::{Error, Result};
use crate::identity::{fingerprint, key_text};
use crate::keys::{KeySources, read_public_key};
use crate::protocol::Message;
use crate::store::Store;
use crate::validate;

use super::App;

/// Create a casebook: a git repository, casebook.toml and cases/, with its first admin.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Casebook directory (default the current one; created if missing)
    pub dir: Option<PathBuf>,
    /// The county's name
    #[arg(long)]
    pub county: String,
    /// The admin's operator ID (lowercase letters, digits, . _ -)
    #[arg(long, value_name = "ID")]
    pub admin: String,
    /// The admin's name
    #[arg(long)]
    pub name: String,
    /// The admin's email (git commit author)
    #[arg(long)]
    pub email: String,
    /// The admin's department code
    #[arg(long, value_name = "CODE")]
    pub dept: String,
    /// The admin's public key (a .pub file or the ssh-ed25519 text)
    #[arg(long, value_name = "KEY")]
    pub admin_key: Option<String>,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let county = validate::name(&t!("cmd-field-county"), &args.county)?;
    let mut admin = Operator {
        id: validate::operator_id(&args.admin)?,
        name: validate::name(&t!("cmd-field-name"), &args.name)?,
        email: validate::email(&args.email)?,
        dept: args.dept.trim().to_string(),
        roles: vec![Role::Admin],
        active: true,
        phone: None,
        keys: vec![],
    };
    // A new casebook requires signing from its first commit: the admin's key signs it.
    let registered = args.admin_key.as_deref().map(read_public_key).transpose()?;
    let sources = KeySources::from_env(app.global.key.clone());
    let wanted = |k: &ssh_key::PublicKey| match &registered {
        Some(r) => key_text(r) == key_text(k),
        None => k.algorithm() == ssh_key::Algorithm::Ed25519,
    };
    let key = sources
        .find(&wanted)?
        .ok_or_else(|| Error::NoKey(admin.id.clone()))?;
    if let Some(r) = &registered
        && key_text(r) != key_text(&key.public())
    {
        return Err(Error::KeyMismatch {
            operator: admin.id.clone(),
            fingerprint: fingerprint(&key.public()),
        });
    }
    admin.keys = vec![OperatorKey {
        key: key_text(&key.public()),
        added: crate::clock::real_now(),
        retired: None,
    }];
    let mut book = Casebook::new(&county, admin.clone());
    book.dept_code(&admin.dept)?;
    // The admin's department gets its key for payer data (wrapped to the admin's key);
    // every other department gets one with its first operator who has a key.
    crate::seal::sync_dept_keys(&mut book, None, crate::clock::real_now())?;
    // The file we are about to write must read back: same checks as any later read.
    Casebook::parse(&book.to_toml())?;
    let dir = match args.dir.or_else(|| app.global.casebook.clone()) {
        Some(d) => d,
        None => std::env::current_dir()?,
    };
    let message = Message::init(&admin, &county);
    let store = Store::init(&dir, &book, &message, &admin, Some(&key))?;
    app.ui.status(&t!(
        "cmd-init-done",
        dir = store.root().display().to_string(),
        name = admin.name.as_str(),
        id = admin.id.as_str()
    ));
    Ok(())
}
