//! `dispute opinion`: a department's written opinion (书面意见).

use std::path::PathBuf;

use dispute_i18n::t;

use crate::error::Result;
use crate::workflow::Command;

use super::App;
use super::args::{AtArg, CaseArg};

/// A department's written opinion (or, for a referred case, its result).
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("body").required(true).args(["text", "file"])))]
pub struct Args {
    #[command(flatten)]
    pub case: CaseArg,
    /// Department code (default and only allowed: the operator's own)
    #[arg(long, value_name = "CODE")]
    pub dept: Option<String>,
    /// Full text of the opinion
    #[arg(long)]
    pub text: Option<String>,
    /// Read the opinion from a file (UTF-8; - for stdin)
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,
    #[command(flatten)]
    pub at: AtArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let text = super::read_text(&t!("cmd-field-opinion"), args.text, args.file)?;
    app.act(&args.case.id, args.at.as_deref(), |book, actor| {
        let dept = match &args.dept {
            Some(d) => book.dept_code(d)?,
            None => actor.dept.clone(),
        };
        Ok(Command::Opinion { dept, text })
    })
    .map(|_| ())
}
