//! `dispute keygen`: an Ed25519 key pair for someone without `ssh-keygen`.

use std::path::PathBuf;

use dispute_i18n::t;

use crate::error::{Error, Result};

use super::App;

/// Make an Ed25519 SSH key pair (OpenSSH format) for signing
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write the private key (the public key goes to PATH.pub)
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// A comment in the public key, e.g. your email
    #[arg(long, default_value = "")]
    pub comment: String,
    /// Protect the private key with a passphrase (asked for on the terminal)
    #[arg(long)]
    pub passphrase: bool,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let path = match args.output {
        Some(p) => p,
        None => std::env::var_os("HOME")
            .map(|h| PathBuf::from(h).join(".ssh").join("id_ed25519"))
            .ok_or_else(|| Error::invalid(t!("cmd-field-output"), t!("cmd-keygen-no-home")))?,
    };
    let public_path = {
        let mut p = path.clone().into_os_string();
        p.push(".pub");
        PathBuf::from(p)
    };
    for p in [&path, &public_path] {
        if p.exists() {
            return Err(Error::invalid(
                t!("cmd-field-output"),
                t!("cmd-keygen-exists", path = p.display().to_string()),
            ));
        }
    }
    let passphrase = if args.passphrase {
        let first = rpassword::prompt_password(format!("{} ", t!("cmd-keygen-passphrase")))
            .map_err(|_| Error::invalid(t!("cmd-field-passphrase"), t!("key-needs-passphrase")))?;
        let again = rpassword::prompt_password(format!("{} ", t!("cmd-keygen-passphrase-again")))
            .map_err(|_| Error::invalid(t!("cmd-field-passphrase"), t!("key-needs-passphrase")))?;
        if first != again {
            return Err(Error::invalid(
                t!("cmd-field-passphrase"),
                t!("cmd-keygen-passphrase-differs"),
            ));
        }
        Some(first)
    } else {
        None
    };
    let (private, public) = crate::keys::generate(&args.comment, passphrase.as_deref())?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    write_private(&path, &private)?;
    std::fs::write(&public_path, &public)?;
    app.ui.status(&t!(
        "cmd-keygen-done",
        path = path.display().to_string(),
        public = public_path.display().to_string()
    ));
    app.ui.line(public.trim_end())
}

/// The private key file, readable by its owner only.
fn write_private(path: &std::path::Path, text: &str) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(text.as_bytes())?;
    Ok(())
}
