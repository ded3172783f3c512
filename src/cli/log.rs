//! `dispute log`: a case's history, read from git.

use crate::case::CaseId;
use crate::error::{Error, Result};

use super::App;
use super::args::{CaseArg, JsonArg};

/// A case's history, read from git.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub case: CaseArg,
    #[command(flatten)]
    pub output: JsonArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let id = CaseId::parse(&args.case.id)?;
    let store = app.store()?;
    let book = store.casebook()?;
    let entries = store.history(&id.path())?;
    if entries.is_empty() {
        return Err(Error::CaseNotFound(id.to_string()));
    }
    app.ui.history(&book, &entries, args.output.json)
}
