//! The git-backed casebook of `dispute`: everything that touches git or files.
//!
//! `dispute-core` decides; this crate opens casebooks, reads cases and history from HEAD,
//! serialises writers with a lock and a journal, and commits objects first with one guarded
//! branch update.

pub mod faults;
mod store;

pub use store::*;
