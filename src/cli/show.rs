//! `dispute show`: one case, in readable sections.

use crate::calendar::local_date;
use crate::case::CaseId;
use crate::error::Result;
use crate::privacy;

use super::App;
use super::args::{CaseArg, JsonArg};

/// One case in readable sections; the payer's details are masked unless --reveal.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub case: CaseArg,
    #[command(flatten)]
    pub output: JsonArg,
    /// Show the payer's details unmasked (the case's recipient departments only, decrypted
    /// with your key)
    #[arg(long)]
    pub reveal: bool,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let id = CaseId::parse(&args.case.id)?;
    let store = app.store()?;
    let book = store.casebook()?;
    // A number sync changed: this clone's case now has another number, and the old one
    // may name another office's case.
    if let Some((old, new)) = store
        .renumbered()
        .into_iter()
        .find(|(old, _)| *old == args.case.id)
    {
        app.ui.warn(&dispute_i18n::t!(
            "sync-show-renumbered",
            old = old.as_str(),
            new = new.as_str()
        ));
    }
    let mut case = store.case(&id)?;
    if args.reveal {
        let actor = app.signing_actor(&store, &book)?;
        let clear = actor.open_parties(&book, &case)?;
        case.payer = clear.payer;
        case.counterparty = clear.counterparty;
    }
    let shown = privacy::for_display(&case, args.reveal);
    if args.output.json {
        return app.ui.json(&shown);
    }
    let today = local_date(&app.now()?);
    if store.provisional_ids()?.contains(&case.id) {
        app.ui
            .line(&dispute_i18n::t!("sync-show-provisional", id = case.id.as_str()))?;
    }
    app.ui.case_sheet(&book, &shown, &book.calendar(), today)
}
