//! The git-backed casebook of `dispute`: everything that touches git or files.
//!
//! `dispute-core` decides; this crate opens casebooks (`open`), reads cases and history
//! from HEAD (`read`, `history`, the summary `cache`), serialises writers with a lock and a
//! journal (`journal`), keeps the working tree in line and refuses to write over hand
//! edits (`worktree`), and commits objects first with one guarded branch update (`write`).
//! `sync` exchanges work with the central casebook (fetch, replay, guarded push), and
//! `central` is that bare repository's side: creating it and its `pre-receive` check.
//! Reads come from HEAD, never from the working tree.

mod cache;
mod central;
pub mod faults;
mod history;
mod index;
mod journal;
mod loose;
mod open;
mod pack;
mod policy;
mod precheck;
mod read;
mod seq;
pub mod sync;
pub mod timings;
mod worktree;
mod write;

pub use central::Central;
pub use dispute_core::protocol::{CASEBOOK_FILE, CASES_DIR};
pub use sync::{Keyring, RejectedAction, Remote, SyncReport, SyncStatus};
pub use write::{Notices, Signer, Writer};

/// What every module of the store uses.
mod prelude {
    pub(crate) use std::collections::HashMap;
    pub(crate) use std::fs::{self, File, OpenOptions};
    pub(crate) use std::io::{Read, Seek, Write};
    pub(crate) use std::path::{Path, PathBuf};
    pub(crate) use std::time::{Duration, Instant};

    pub(crate) use git2::{
        ErrorCode, FileMode, ObjectType, Oid, Repository, Signature, Tree, TreeWalkMode,
    };

    pub(crate) use dispute_core::calendar::china;
    pub(crate) use dispute_core::case::{Case, CaseId, Time};
    pub(crate) use dispute_core::casebook::{Casebook, Operator};
    pub(crate) use dispute_core::error::{Error, Result};
    pub(crate) use dispute_core::identity::SIGNATURE_HEADER;
    pub(crate) use dispute_core::protocol::{
        CASEBOOK_FILE, CASES_DIR, CommitInfo, CommitRecord, FileChange, MergeFile, Message, Signed,
    };
    pub(crate) use dispute_core::summary::CaseSummary;

    pub(crate) use crate::cache::*;
    pub(crate) use crate::faults;
    pub(crate) use crate::journal::*;
    pub(crate) use crate::read::*;
    pub(crate) use crate::worktree::*;
    pub(crate) use crate::{BadCase, Git, Store, hex, oid_short, replace_file};
    pub(crate) use crate::{JOURNAL_FILE, LOCK_FILE, SUMMARY_CACHE};
    pub(crate) use dispute_i18n::t;
}

use prelude::*;

pub(crate) const LOCK_FILE: &str = "dispute.lock";

pub(crate) const JOURNAL_FILE: &str = "dispute-pending";

pub(crate) const SUMMARY_CACHE: &str = "dispute-summaries";

/// git2's errors become the core's internal error; the store is the only place they arise.
pub(crate) trait Git<T> {
    fn git(self) -> Result<T>;
}

impl<T> Git<T> for std::result::Result<T, git2::Error> {
    fn git(self) -> Result<T> {
        self.map_err(|e| Error::Git(e.message().to_string()))
    }
}

/// A case file in HEAD that could not be read, with the reason.
#[derive(Debug)]
pub struct BadCase {
    pub path: String,
    pub error: Error,
}

pub struct Store {
    pub(crate) repo: Repository,
    pub(crate) root: PathBuf,
}

pub fn oid_short(oid: Oid) -> String {
    oid.to_string()[..10].to_string()
}

/// `bytes` in lower-case hexadecimal (a checksum in a file name, a digest in a header).
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Put `bytes` at `path` whole or not at all: written beside it, then renamed over it (a
/// reader sees the old file or the new one). A file that could not be written is removed.
pub(crate) fn replace_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let temp = path.with_extension(format!("tmp-{}", std::process::id()));
    let written = fs::write(&temp, bytes).and_then(|()| fs::rename(&temp, path));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    Ok(written?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replaced_file_is_whole_and_a_failed_replacement_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        replace_file(&path, b"one").unwrap();
        replace_file(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        // A directory in the way: refused, and the file written beside it removed.
        let blocked = dir.path().join("blocked");
        fs::create_dir(&blocked).unwrap();
        fs::write(blocked.join("inside"), "x").unwrap();
        assert!(replace_file(&blocked, b"three").is_err());
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["blocked", "cache"]);
        assert_eq!(hex(&[0x00, 0xab, 0x7f]), "00ab7f");
    }
}
