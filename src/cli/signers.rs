//! `dispute signers`: git's `allowed_signers` file from the casebook, so plain git checks
//! every signature (`git -c gpg.ssh.allowedSignersFile=FILE log --show-signature`).

use std::path::PathBuf;

use crate::error::Result;

use super::App;

/// Write git's allowed_signers file: every operator's keys with their validity periods
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write to this file instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let store = app.store()?;
    let book = store.casebook()?;
    let text = crate::identity::allowed_signers(&book);
    app.ui.emit_text(&text, args.output.as_deref())
}
