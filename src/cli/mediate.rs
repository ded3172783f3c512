//! `dispute mediate`: a mediation (调解) of a general matter, recorded with its result. The
//! workroom (争议处理工作室 of the approval bureau) mediates general matters of every
//! receiving department (regulation 三（二）7); the receiving department may too.

use std::path::PathBuf;

use dispute_i18n::t;

use crate::error::Result;
use crate::workflow::Command;

use super::App;
use super::args::{AtArg, CaseArg};

/// Record a mediation and its result.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("body").required(true).args(["result", "file"])))]
pub struct Args {
    #[command(flatten)]
    pub case: CaseArg,
    /// The result of the mediation
    #[arg(long)]
    pub result: Option<String>,
    /// Read the result from a file (UTF-8; - for stdin)
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,
    #[command(flatten)]
    pub at: AtArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let result = super::read_text(&t!("rules-field-mediation-result"), args.result, args.file)?;
    app.act(&args.case.id, args.at.as_deref(), |_, _| {
        Ok(Command::Mediate { result })
    })
    .map(|_| ())
}
