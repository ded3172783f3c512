//! `dispute archive`: file the case after the reply.

use dispute_i18n::t;

use crate::case::{Outcome, Remedy};
use crate::error::Result;
use crate::validate;
use crate::workflow::Command;

use super::App;
use super::args::{AtArg, CaseArg};

/// File a replied case: the payer accepted, or objected (with the remedy chosen).
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub case: CaseArg,
    /// The payer's response to the outcome
    #[arg(long, value_parser = super::args::code::<Outcome>())]
    pub outcome: Outcome,
    /// The remedy the payer chose when objecting
    #[arg(long, value_parser = super::args::code::<Remedy>())]
    pub remedy: Option<Remedy>,
    /// A note
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub at: AtArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let note = args
        .note
        .as_deref()
        .map(|n| validate::text(&t!("cmd-field-note"), n))
        .transpose()?;
    app.act(&args.case.id, args.at.as_deref(), |_, _| {
        Ok(Command::Archive {
            outcome: args.outcome,
            remedy: args.remedy,
            note,
        })
    })
    .map(|_| ())
}
