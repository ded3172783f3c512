//! `dispute status`: how this clone stands against the central casebook (as of the last
//! fetch, or of a fresh one with `--fetch`): local actions waiting to be pushed, actions
//! of others not yet taken, provisional case numbers, kept rejections.

use crate::error::Result;

use super::App;
use super::args::JsonArg;

/// How this clone stands against the central casebook: what waits to be pushed or taken.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Fetch from the central casebook first
    #[arg(long)]
    pub fetch: bool,
    #[command(flatten)]
    pub output: JsonArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let store = app.store()?;
    if args.fetch
        && let Some(remote) = store.remote()?
    {
        store.fetch(&remote)?;
    }
    let status = store.sync_status()?;
    let mut provisional: Vec<String> = store.provisional_ids()?.into_iter().collect();
    provisional.sort_by_cached_key(|id| crate::case::CaseId::parse(id).ok());
    app.ui.sync_status(&status, &provisional, args.output.json)
}
