//! `dispute reply`: the overall handling opinion as written to the payer.

use std::path::PathBuf;

use dispute_i18n::t;

use crate::error::Result;
use crate::workflow::Command;

use super::App;
use super::args::{AtArg, CaseArg};

/// The written reply to the payer (the overall handling opinion).
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("body").required(true).args(["text", "file"])))]
pub struct Args {
    #[command(flatten)]
    pub case: CaseArg,
    /// Full text of the reply
    #[arg(long)]
    pub text: Option<String>,
    /// Read the reply from a file (UTF-8; - for stdin)
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,
    #[command(flatten)]
    pub at: AtArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let text = super::read_text(&t!("cmd-field-reply"), args.text, args.file)?;
    app.act(&args.case.id, args.at.as_deref(), |_, _| {
        Ok(Command::Reply { text })
    })
    .map(|_| ())
}
