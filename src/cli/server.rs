//! `dispute server init PATH [--from DIR]`: create the central casebook, a bare repository
//! whose `pre-receive` hook runs `dispute hook pre-receive` (DESIGN §10).

use std::path::PathBuf;

use dispute_i18n::t;

use crate::error::Result;
use crate::store::{Central, Store};

use super::App;

/// The central casebook that offices sync with
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Create the central casebook: a bare repository with a verifying pre-receive hook
    Init(InitArgs),
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The bare repository to create (missing or empty)
    pub path: PathBuf,
    /// Publish this casebook's whole history (default: the first commit of the casebook at
    /// hand; the rest follows by dispute sync, through the hook)
    #[arg(long, value_name = "DIR")]
    pub from: Option<PathBuf>,
}

pub fn run(app: &mut App, cmd: Command) -> Result<()> {
    let Command::Init(args) = cmd;
    let (source, whole) = match &args.from {
        Some(dir) => (Store::discover(dir)?, true),
        None => (app.store()?, false),
    };
    let program = std::fs::canonicalize(std::env::current_exe()?)?;
    let url = Central::create(&args.path, &source, whole, &program)?;
    app.ui.status(&t!(
        "sync-server-created",
        path = url.as_str(),
        program = program.display().to_string()
    ));
    if !whole {
        app.ui.status(&t!(
            "sync-server-first-only",
            dir = source.root().display().to_string()
        ));
    }
    app.ui
        .status(&t!("sync-server-next", url = url.as_str()));
    Ok(())
}
