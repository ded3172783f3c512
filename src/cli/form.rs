//! `dispute form`: print the referral form (报送单) or the written reply (书面告知书) of a
//! case, as an A4 HTML page or as Markdown.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use dispute_i18n::t;

use crate::case::{CaseId, Party};
use crate::error::Result;
use crate::forms;

use super::App;
use super::args::CaseArg;

/// Which document (`<KIND>`); the help of each value is `cli-form-kind-<value>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The referral form (to the county office); the case must have been referred
    Referral,
    /// The written notice to the payer, with the remedies; the case must have been replied
    Notice,
}

impl clap::ValueEnum for Kind {
    fn value_variants<'a>() -> &'a [Self] {
        &[Kind::Referral, Kind::Notice]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let (name, help) = match self {
            Kind::Referral => ("referral", t!("cli-form-kind-referral")),
            Kind::Notice => ("notice", t!("cli-form-kind-notice")),
        };
        Some(PossibleValue::new(name).help(help))
    }
}

/// The output format (`--format`); the help of each value is `cli-form-format-<value>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown
    Md,
    /// A self-styled HTML page, printable on A4
    Html,
}

impl clap::ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &[Format::Md, Format::Html]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let (name, help) = match self {
            Format::Md => ("md", t!("cli-form-format-md")),
            Format::Html => ("html", t!("cli-form-format-html")),
        };
        Some(PossibleValue::new(name).help(help))
    }
}

/// Whose notice (`--party`); the help of each value is `cli-form-party-<value>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartyArg {
    Payer,
    Counterparty,
}

impl clap::ValueEnum for PartyArg {
    fn value_variants<'a>() -> &'a [Self] {
        &[PartyArg::Payer, PartyArg::Counterparty]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let (name, help) = match self {
            PartyArg::Payer => ("payer", t!("cli-form-party-payer")),
            PartyArg::Counterparty => ("counterparty", t!("cli-form-party-counterparty")),
        };
        Some(PossibleValue::new(name).help(help))
    }
}

/// Print a document of a case: the referral form or the written notice.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which document
    #[arg(value_enum)]
    pub kind: Kind,
    #[command(flatten)]
    pub case: CaseArg,
    /// Output format (default html, or md for an -o ending in .md)
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write to this file (- for stdout)
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// The notice of only this party (default: one for each party)
    #[arg(long, value_enum)]
    pub party: Option<PartyArg>,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let id = CaseId::parse(&args.case.id)?;
    let format = args.format.unwrap_or_else(|| {
        let md = args
            .output
            .as_deref()
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
        if md { Format::Md } else { Format::Html }
    });
    let party = args.party.map(|p| match p {
        PartyArg::Payer => Party::Payer,
        PartyArg::Counterparty => Party::Counterparty,
    });
    if party.is_some() && args.kind != Kind::Notice {
        return Err(crate::error::Error::invalid(
            "--party",
            t!("rules-form-party-notice-only"),
        ));
    }
    let store = app.store()?;
    let book = store.casebook()?;
    let mut case = store.case(&id)?;
    let lang = dispute_i18n::lang();
    let render = |case: &crate::case::Case| match (args.kind, format) {
        (Kind::Referral, Format::Html) => forms::referral_html(case, &book),
        (Kind::Referral, Format::Md) => forms::referral_md(case, &book),
        (Kind::Notice, Format::Html) => forms::notice_html_for_in(lang, case, &book, party),
        (Kind::Notice, Format::Md) => forms::notice_md_for_in(lang, case, &book, party),
    };
    // Refused first if the case has no such document yet.
    let mut text = render(&case)?;
    // A notice is addressed to its party by name: an individual's name (the payer's, or the
    // other party's) is decrypted with the operator's key (a recipient of the case only).
    let individual = crate::case::PayerKind::Individual;
    let sealed_name = (case.payer.sealed.is_some() && case.payer.kind == individual)
        || case
            .counterparty
            .as_ref()
            .is_some_and(|c| c.sealed.is_some() && c.kind == individual);
    if args.kind == Kind::Notice && sealed_name {
        let actor = app.signing_actor(&store, &book)?;
        let clear = actor.open_parties(&book, &case)?;
        case.payer = clear.payer;
        case.counterparty = clear.counterparty;
        text = render(&case)?;
    }
    app.ui.emit_text(&text, args.output.as_deref())
}
