//! `dispute clone URL DIR`: a working casebook from the central one, with `origin` set.

use std::path::PathBuf;

use dispute_i18n::t;

use crate::error::Result;
use crate::store::Store;

use super::App;

/// Get a working copy of the central casebook (origin set, ready for dispute sync).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where the central casebook is (a path, file://, git://, ssh:// or https://)
    pub url: String,
    /// The directory to create (missing or empty)
    pub dir: PathBuf,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let store = Store::clone_from(&args.url, &args.dir)?;
    let book = store.casebook()?;
    app.ui.status(&t!(
        "sync-cloned",
        url = args.url.as_str(),
        dir = store.root().display().to_string(),
        county = book.county.as_str()
    ));
    app.ui.status(&t!(
        "sync-cloned-next",
        dir = args.dir.display().to_string()
    ));
    Ok(())
}
