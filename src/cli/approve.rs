//! `dispute approve`: the leader's decision on a case reported as major.

use clap::builder::PossibleValue;
use dispute_i18n::t;

use crate::case::{Decision, Track};
use crate::error::{Error, Result};
use crate::validate;
use crate::workflow::Command;

use super::App;
use super::args::{AtArg, CaseArg};

/// How the leader decides a rejected matter is handled instead (`--handle-as`); the help
/// of each value is `cli-approve-handle-as-<value>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandleAs {
    /// A general matter, handled jointly under the receiving department
    General,
    /// The receiving department's own remit
    Own,
}

impl clap::ValueEnum for HandleAs {
    fn value_variants<'a>() -> &'a [Self] {
        &[HandleAs::General, HandleAs::Own]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let (name, help) = match self {
            HandleAs::General => ("general", t!("cli-approve-handle-as-general")),
            HandleAs::Own => ("own", t!("cli-approve-handle-as-own")),
        };
        Some(PossibleValue::new(name).help(help))
    }
}

/// The leader approves (or with --reject declines) handling a case as major.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub case: CaseArg,
    /// Decline to handle it as a special case (say how with --handle-as)
    #[arg(long, requires = "handle_as")]
    pub reject: bool,
    /// With --reject: how the leader decides the matter is handled instead
    #[arg(long, value_enum, requires = "reject")]
    pub handle_as: Option<HandleAs>,
    /// The leader's note
    #[arg(long)]
    pub note: String,
    #[command(flatten)]
    pub at: AtArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let note = validate::text(&t!("cmd-field-approval-note"), &args.note)?;
    let (decision, handled_as) = match (args.reject, args.handle_as) {
        (false, None) => (Decision::Approved, None),
        (true, Some(HandleAs::General)) => (Decision::Rejected, Some(Track::General)),
        (true, Some(HandleAs::Own)) => (Decision::Rejected, Some(Track::Own)),
        _ => {
            return Err(Error::invalid(
                t!("rules-field-handled-as"),
                t!("rules-handled-as-only-reject"),
            ));
        }
    };
    app.act(&args.case.id, args.at.as_deref(), |_, _| {
        Ok(Command::Decide {
            decision,
            note,
            handled_as,
        })
    })
    .map(|_| ())
}
