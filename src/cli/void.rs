//! `dispute void`: void a case registered by mistake (作废). It keeps its number and its
//! file, shows as 已作废 and leaves every list and statistic.

use dispute_i18n::t;

use crate::error::Result;
use crate::validate;
use crate::workflow::Command;

use super::App;
use super::args::{AtArg, CaseArg};

/// Void a case registered by mistake (only while it is registered or just classified)
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub case: CaseArg,
    /// Why (kept in the case)
    #[arg(long)]
    pub reason: String,
    #[command(flatten)]
    pub at: AtArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let reason = validate::text(&t!("clerk-field-reason"), &args.reason)?;
    app.act(&args.case.id, args.at.as_deref(), |_, _| {
        Ok(Command::Void {
            reason: reason.clone(),
        })
    })
    .map(|_| ())
}
