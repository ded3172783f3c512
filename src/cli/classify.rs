//! `dispute classify`: classification (分类流转), or redirecting the payer elsewhere.

use dispute_i18n::t;

use crate::case::{Insurance, Track};
use crate::error::{Error, Result};
use crate::validate;
use crate::workflow::Command;

use super::App;
use super::args::{AtArg, CaseArg};

/// Classify a registered case (own, general, major), or redirect the payer elsewhere.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("how").required(true).args(["track", "redirect"])))]
pub struct Args {
    #[command(flatten)]
    pub case: CaseArg,
    /// Track
    #[arg(long, value_parser = super::args::code_except::<Track>(&["referral"]))]
    pub track: Option<Track>,
    /// Dispute category 1–10 (default: the one given at registration)
    #[arg(long)]
    pub category: Option<u8>,
    /// Insurance schemes, comma-separated (default: those registered)
    #[arg(long, value_parser = super::args::code::<Insurance>(), value_delimiter = ',')]
    pub insurance: Vec<Insurance>,
    /// Outside the joint mechanism: the department the payer is sent to
    #[arg(long, value_name = "DEPT", conflicts_with_all = ["track", "category", "insurance"], requires = "note")]
    pub redirect: Option<String>,
    /// Note (what the payer is told; why a case is major)
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub at: AtArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let note = args
        .note
        .as_deref()
        .map(|n| validate::text(&t!("cmd-field-note-classify"), n))
        .transpose()?;
    let category = args.category.map(validate::category).transpose()?;
    let mut insurance = args.insurance.clone();
    insurance.sort();
    insurance.dedup();
    app.act(&args.case.id, args.at.as_deref(), |book, _| {
        if let Some(dept) = &args.redirect {
            return Ok(Command::Redirect {
                dept: book.dept_code(dept)?,
                note: note.clone().unwrap_or_default(),
            });
        }
        let Some(track) = args.track else {
            return Err(Error::invalid(
                t!("wf-field-track"),
                t!("clerk-classify-needs-track"),
            ));
        };
        Ok(Command::Classify {
            track,
            category,
            insurance: insurance.clone(),
            note: note.clone(),
        })
    })
    .map(|_| ())
}
