//! `dispute escalate`: to the leading group, to the 12345 hotline (referral form), or a
//! refusing department to the discipline commission.

use clap::builder::PossibleValue;
use dispute_i18n::t;

use crate::error::{Error, Result};
use crate::validate;
use crate::workflow::Command;

use super::App;
use super::args::{AtArg, CaseArg};

/// Where a case goes (`--to`); the help of each value is `cli-escalate-to-<value>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// To the leading group, asking the leader to handle the case as major
    LeadingGroup,
    /// Unclear responsibility: a referral form to the county office (12345 hotline)
    Hotline,
    /// A department refuses without good reason: to the discipline commission
    Discipline,
}

impl clap::ValueEnum for Target {
    fn value_variants<'a>() -> &'a [Self] {
        &[Target::LeadingGroup, Target::Hotline, Target::Discipline]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let (name, help) = match self {
            Target::LeadingGroup => ("leading-group", t!("cli-escalate-to-leading-group")),
            Target::Hotline => ("hotline", t!("cli-escalate-to-hotline")),
            Target::Discipline => ("discipline", t!("cli-escalate-to-discipline")),
        };
        Some(PossibleValue::new(name).help(help))
    }
}

/// Escalate or refer a case: leading group, 12345 hotline, or discipline commission.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub case: CaseArg,
    /// Where to
    #[arg(long, value_enum)]
    pub to: Target,
    /// Reason (for the hotline: the opinion on the referral form)
    #[arg(long)]
    pub reason: String,
    /// The refusing department's code (required with --to discipline)
    #[arg(long, value_name = "CODE")]
    pub dept: Option<String>,
    /// Summary on the referral form (default: the matter as registered)
    #[arg(long)]
    pub summary: Option<String>,
    /// Receiver's phone on the referral form
    #[arg(long)]
    pub receiver_phone: Option<String>,
    #[command(flatten)]
    pub at: AtArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let reason = validate::text(&t!("cmd-field-reason"), &args.reason)?;
    let summary = args
        .summary
        .as_deref()
        .map(|s| validate::text(&t!("cmd-field-referral-summary"), s))
        .transpose()?;
    let phone = args
        .receiver_phone
        .as_deref()
        .map(validate::phone)
        .transpose()?;
    if args.to != Target::Discipline && args.dept.is_some() {
        return Err(Error::invalid(
            t!("cmd-field-dept"),
            t!("cmd-escalate-dept-only-discipline"),
        ));
    }
    if args.to != Target::Hotline && (summary.is_some() || phone.is_some()) {
        return Err(Error::invalid(
            t!("cmd-field-referral-form"),
            t!("cmd-escalate-form-only-hotline"),
        ));
    }
    app.act(&args.case.id, args.at.as_deref(), |book, _| match args.to {
        Target::LeadingGroup => Ok(Command::EscalateLeadingGroup { reason }),
        Target::Hotline => Ok(Command::EscalateHotline {
            opinion: reason,
            summary,
            receiver_phone: phone,
        }),
        Target::Discipline => {
            let dept = args.dept.as_deref().ok_or_else(|| {
                Error::invalid(
                    t!("cmd-field-dept"),
                    t!("cmd-escalate-discipline-needs-dept"),
                )
            })?;
            Ok(Command::EscalateDiscipline {
                dept: book.dept_code(dept)?,
                reason,
            })
        }
    })
    .map(|_| ())
}
