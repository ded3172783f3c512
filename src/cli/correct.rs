//! `dispute correct`: correct a fact of the registration (更正登记信息). The correction and
//! its reason are recorded in the case; the old value stays in git history.

use dispute_i18n::t;

use crate::case::CaseField;
use crate::error::Result;
use crate::validate;
use crate::workflow::Command;

use super::App;
use super::args::{AtArg, CaseArg};

/// Correct a fact of the registration (receiving department; the old value stays in history)
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub case: CaseArg,
    /// The field to correct
    #[arg(long, value_parser = super::args::code::<CaseField>())]
    pub field: CaseField,
    /// The right value (empty clears an optional field: title, contact, payer-id)
    #[arg(long, allow_hyphen_values = true)]
    pub value: String,
    /// Why (kept in the case)
    #[arg(long)]
    pub reason: String,
    #[command(flatten)]
    pub at: AtArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let reason = validate::text(&t!("clerk-field-reason"), &args.reason)?;
    app.act(&args.case.id, args.at.as_deref(), |book, _| {
        // Sealed payer details cannot be corrected yet: the correction would have to be
        // sealed again to the case's recipients, which is not built. Refuse rather than
        // write the new value in clear.
        let sealed = matches!(
            args.field,
            CaseField::PayerName | CaseField::PayerId | CaseField::Contact | CaseField::Phone
        );
        if sealed && book.privacy.payers_encrypted {
            return Err(crate::error::Error::invalid(
                t!("clerk-field-field"),
                t!("clerk-correct-sealed-field"),
            ));
        }
        Ok(Command::Correct {
            field: args.field,
            value: Some(args.value.clone()),
            reason: reason.clone(),
        })
    })
    .map(|_| ())
}
