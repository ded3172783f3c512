//! `dispute completions SHELL`: the shell completion script, printed to stdout.
//!
//! The script is generated from the localised clap tree, so the descriptions that zsh, fish,
//! PowerShell and elvish show beside each command and option are in the chosen language.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::error::Result;

use super::{App, Cli, locale};

/// Print the shell completion script.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let mut cmd = locale::localize(Cli::command());
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "dispute", &mut script);
    app.ui.emit(&script, None)
}
