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
    /// The day the payer knew of the administrative act the dispute is about (YYYY-MM-DD):
    /// the written notice then computes the last days of reconsideration and litigation
    #[arg(long, value_name = "DATE")]
    pub act_date: Option<String>,
    #[command(flatten)]
    pub at: AtArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let text = super::read_text(&t!("cmd-field-reply"), args.text, args.file)?;
    let act_date = args
        .act_date
        .as_deref()
        .map(crate::calendar::parse_date)
        .transpose()?;
    app.act(&args.case.id, args.at.as_deref(), |_, _| {
        Ok(Command::Reply { text, act_date })
    })
    .map(|_| ())
}
