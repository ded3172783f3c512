//! `dispute approve`: the leader's decision on a case reported as major.

use dispute_i18n::t;

use crate::case::Decision;
use crate::error::Result;
use crate::validate;
use crate::workflow::Command;

use super::App;
use super::args::{AtArg, CaseArg};

/// The leader approves (or with --reject declines) handling a case as major.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub case: CaseArg,
    /// Decline: the case goes on as a general matter
    #[arg(long)]
    pub reject: bool,
    /// The leader's note
    #[arg(long)]
    pub note: String,
    #[command(flatten)]
    pub at: AtArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let note = validate::text(&t!("cmd-field-approval-note"), &args.note)?;
    let decision = if args.reject {
        Decision::Rejected
    } else {
        Decision::Approved
    };
    app.act(&args.case.id, args.at.as_deref(), |_, _| {
        Ok(Command::Decide { decision, note })
    })
    .map(|_| ())
}
