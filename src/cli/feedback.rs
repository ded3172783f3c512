//! `dispute feedback`: the competent department of a referral reports back to the
//! receiving department (regulation 四（六）: 反馈给缴费人和县12345热线办; the referral form:
//! 办理结果直接反馈缴费人，并于某月某日将办理情况反馈受理部门). Its reply to the payer is
//! `dispute reply`.

use std::path::PathBuf;

use dispute_i18n::t;

use crate::error::Result;
use crate::workflow::Command;

use super::App;
use super::args::{AtArg, CaseArg};

/// Report back to the receiving department on a referral.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("body").required(true).args(["text", "file"])))]
pub struct Args {
    #[command(flatten)]
    pub case: CaseArg,
    /// How the matter was handled
    #[arg(long)]
    pub text: Option<String>,
    /// Read it from a file (UTF-8; - for stdin)
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,
    #[command(flatten)]
    pub at: AtArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let text = super::read_text(&t!("rules-field-feedback"), args.text, args.file)?;
    app.act(&args.case.id, args.at.as_deref(), |_, _| {
        Ok(Command::Feedback { text })
    })
    .map(|_| ())
}
