//! `dispute hook pre-receive`: the central casebook's gate (DESIGN §10). git runs it with
//! one `old new ref` line per update on stdin; it refuses, in words the pushing client
//! sees, anything but a fast-forward of the branch by verified, signed, linear history.

use std::io::BufRead;

use crate::error::{Error, Result};
use crate::store::Central;
use crate::sync::SyncError;

use super::App;

/// Hooks of the central casebook (run by git, not by people)
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Check the updates git is about to accept (old new ref lines on stdin)
    PreReceive,
}

pub fn run(_app: &mut App, cmd: Command) -> Result<()> {
    let Command::PreReceive = cmd;
    let central = Central::open_from_env()?;
    let mut problems = vec![];
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let mut fields = line.split_whitespace();
        let (Some(old), Some(new), Some(refname)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let oid = |s: &str| {
            git2::Oid::from_str(s).map_err(|_| Error::Internal(format!("bad object id {s}")))
        };
        problems.extend(central.check_update(oid(old)?, oid(new)?, refname)?);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Sync(SyncError::HookRefused(problems)))
    }
}
