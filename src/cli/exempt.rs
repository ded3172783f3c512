//! `dispute exempt`: the leader exempts one member unit from its written opinion on a major
//! matter. Without it, a major matter is replied to only once every member unit has given
//! its written opinion (regulation 四（三）2).

use dispute_i18n::t;

use crate::error::Result;
use crate::validate;
use crate::workflow::Command;

use super::App;
use super::args::{AtArg, CaseArg};

/// The leader exempts a member unit from its written opinion on a major matter.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub case: CaseArg,
    /// The member unit exempted (department code)
    #[arg(long, value_name = "CODE")]
    pub dept: String,
    /// Why it need not give an opinion
    #[arg(long)]
    pub reason: String,
    #[command(flatten)]
    pub at: AtArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let reason = validate::text(&t!("cmd-field-reason"), &args.reason)?;
    app.act(&args.case.id, args.at.as_deref(), |book, _| {
        Ok(Command::Exempt {
            dept: book.dept_code(&args.dept)?,
            reason,
        })
    })
    .map(|_| ())
}
