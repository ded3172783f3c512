//! `dispute consult`: a consultation meeting and its minutes.

use std::path::PathBuf;

use dispute_i18n::t;

use crate::case::ConsultKind;
use crate::error::{Error, Result};
use crate::workflow::Command;

use super::App;
use super::args::{AtArg, CaseArg};

/// Record a consultation meeting and its minutes (general or major).
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("body").required(true).args(["minutes", "minutes_file"])))]
pub struct Args {
    #[command(flatten)]
    pub case: CaseArg,
    /// Kind of consultation
    #[arg(long, value_parser = super::args::code::<ConsultKind>())]
    pub kind: ConsultKind,
    /// Attending department codes, repeatable or comma-separated
    #[arg(
        long = "attendee",
        value_name = "CODE",
        required = true,
        value_delimiter = ','
    )]
    pub attendees: Vec<String>,
    /// Full text of the minutes
    #[arg(long)]
    pub minutes: Option<String>,
    /// Read the minutes from a file (UTF-8; - for stdin)
    #[arg(long, value_name = "PATH")]
    pub minutes_file: Option<PathBuf>,
    #[command(flatten)]
    pub at: AtArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let minutes = super::read_text(&t!("cmd-field-minutes"), args.minutes, args.minutes_file)?;
    app.act(&args.case.id, args.at.as_deref(), |book, _| {
        let mut attendees = vec![];
        for a in &args.attendees {
            let code = book.dept_code(a)?;
            if attendees.contains(&code) {
                return Err(Error::invalid(
                    t!("cmd-field-attendees"),
                    t!("cmd-duplicate", value = code),
                ));
            }
            attendees.push(code);
        }
        Ok(Command::Consult {
            kind: args.kind,
            attendees,
            minutes,
        })
    })
    .map(|_| ())
}
