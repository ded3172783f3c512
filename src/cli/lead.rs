//! `dispute lead`: the petition bureau (县信访局) passes a lead on a dispute to the competent
//! department (regulation 三（二）8); that department is assigned, the case stays open.

use dispute_i18n::t;

use crate::error::Result;
use crate::validate;
use crate::workflow::Command;

use super::App;
use super::args::{AtArg, CaseArg};

/// The petition bureau passes a lead to the competent department.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub case: CaseArg,
    /// The competent department (department code)
    #[arg(long, value_name = "DEPT")]
    pub to: String,
    /// What the lead is
    #[arg(long)]
    pub note: String,
    #[command(flatten)]
    pub at: AtArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let note = validate::text(&t!("cmd-field-note"), &args.note)?;
    app.act(&args.case.id, args.at.as_deref(), |book, _| {
        Ok(Command::Lead {
            dept: book.dept_code(&args.to)?,
            note,
        })
    })
    .map(|_| ())
}
