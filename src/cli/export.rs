//! `dispute export`: not built yet.

use crate::error::{Error, Result};

use super::App;

/// （尚未实现）
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_app: &mut App, _args: Args) -> Result<()> {
    Err(Error::Internal("dispute export 尚未实现".into()))
}
