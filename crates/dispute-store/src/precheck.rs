//! A write either happens and says so, or does not happen (issue 12).
//!
//! Before the branch moves, [`Store::precheck_worktree`] checks everything the working-tree
//! step after it needs: every directory on each file's path is a real directory (no
//! symlink, no file in the way), the file itself is absent or a regular file, and the
//! nearest existing directory takes a file as large as what will be written into it (it is
//! writable and the disk is not full). A casebook that fails is refused with nothing
//! written.
//!
//! If something still fails after the branch moved, the commit is on record: the caller
//! asks [`Store::committed_as`] whether HEAD is its commit, and then reports the write as
//! done (`Error::Committed`, its own exit code) with the problem, rather than as failed.

use crate::prelude::*;

/// The file a write creates and removes to see that a directory takes the bytes it will
/// write.
const PROBE: &str = ".dispute-probe.tmp";

impl Store {
    /// Refuse, before anything is committed, a write whose files could not be put into the
    /// working tree afterwards.
    pub(crate) fn precheck_worktree(&self, files: &[(String, String)]) -> Result<()> {
        // Not being able to note it only shows a probe a killed writer left.
        let _ = self.exclude_probes();
        // The deepest existing directory of each file, with the bytes to go below it.
        let mut probes: Vec<(PathBuf, usize)> = vec![];
        // Directories already found to be real ones (an import puts thousands of files
        // into a few directories).
        let mut real_dirs: std::collections::HashSet<PathBuf> = Default::default();
        for (path, content) in files {
            let parts: Vec<&str> = path.split('/').collect();
            let mut dir = self.root.clone();
            let mut deepest = dir.clone();
            let mut all_exist = true;
            for part in &parts[..parts.len() - 1] {
                dir.push(part);
                if real_dirs.contains(&dir) {
                    deepest = dir.clone();
                    continue;
                }
                match fs::symlink_metadata(&dir) {
                    Ok(m) if m.is_dir() => {
                        real_dirs.insert(dir.clone());
                        deepest = dir.clone();
                    }
                    Ok(m) => {
                        let key = if m.is_symlink() {
                            "clerk-precheck-symlink"
                        } else {
                            "clerk-precheck-not-a-dir"
                        };
                        return Err(self.blocked(&dir, t!(key)));
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                        all_exist = false;
                        break;
                    }
                    Err(e) => return Err(self.blocked(&dir, e.to_string())),
                }
            }
            if all_exist {
                let target = self.root.join(path);
                match fs::symlink_metadata(&target) {
                    Ok(m) if m.is_file() => {}
                    Ok(m) => {
                        let key = if m.is_symlink() {
                            "clerk-precheck-symlink"
                        } else {
                            "clerk-precheck-not-a-file"
                        };
                        return Err(self.blocked(&target, t!(key)));
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(self.blocked(&target, e.to_string())),
                }
            }
            match probes.iter_mut().find(|(d, _)| *d == deepest) {
                Some((_, bytes)) => *bytes += content.len(),
                None => probes.push((deepest, content.len())),
            }
        }
        for (dir, bytes) in probes {
            self.probe(&dir, bytes)?;
        }
        Ok(())
    }

    /// Keep the probe's name out of `git status` in this clone: a line in
    /// `.git/info/exclude`, added once.
    pub(crate) fn exclude_probes(&self) -> Result<()> {
        let path = self.repo.path().join("info").join("exclude");
        let text = fs::read_to_string(&path).unwrap_or_default();
        if text.lines().any(|l| l.trim() == PROBE) {
            return Ok(());
        }
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let mut file = OpenOptions::new().create(true).append(true).open(&path)?;
        if !text.is_empty() && !text.ends_with('\n') {
            file.write_all(b"\n")?;
        }
        writeln!(file, "{PROBE}")?;
        Ok(())
    }

    /// Create a file in `dir` that takes `bytes` bytes of disk, and remove it.
    fn probe(&self, dir: &Path, bytes: usize) -> Result<()> {
        // One fixed name (writers hold the lock, one at a time): a writer killed here leaves
        // at most one probe per directory, removed by the next write that probes it, and
        // never shown by `git status` (`.git/info/exclude`, see `exclude_probes`).
        let probe = dir.join(PROBE);
        let written = File::create(&probe).and_then(|mut f| reserve(&mut f, bytes.max(1)));
        let _ = fs::remove_file(&probe);
        written.map_err(|e| {
            let reason = match e.kind() {
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                    t!("clerk-precheck-read-only")
                }
                std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                    t!("clerk-precheck-full")
                }
                _ => e.to_string(),
            };
            self.blocked(dir, reason)
        })
    }

    fn blocked(&self, path: &Path, reason: String) -> Error {
        let shown = path.strip_prefix(&self.root).unwrap_or(path);
        let shown = if shown.as_os_str().is_empty() {
            ".".to_string()
        } else {
            shown.display().to_string()
        };
        Error::WorktreeBlocked {
            path: shown,
            reason,
        }
    }

    /// HEAD's commit id, if there is one.
    pub fn head_id(&self) -> Result<Option<Oid>> {
        self.head_oid()
    }

    /// HEAD, if it is the commit of `message` made on `parent`: a write whose branch update
    /// happened although the command failed afterwards.
    pub fn committed_as(&self, parent: Option<Oid>, message: &Message) -> Option<Oid> {
        let head = self.head_oid().ok()??;
        if Some(head) == parent {
            return None;
        }
        let commit = self.repo.find_commit(head).ok()?;
        let on_parent = commit.parent_ids().next() == parent && commit.parent_count() <= 1;
        (on_parent && commit.message().ok() == Some(message.render().as_str())).then_some(head)
    }
}

/// Make `file` take `bytes` bytes of disk: allocated by the file system where it can
/// (`fallocate`, which a full disk or an exhausted quota refuses as writing would), else
/// written.
fn reserve(file: &mut File, bytes: usize) -> std::io::Result<()> {
    use rustix::io::Errno;
    match rustix::fs::fallocate(&*file, rustix::fs::FallocateFlags::empty(), 0, bytes as u64) {
        Ok(()) => Ok(()),
        Err(Errno::OPNOTSUPP | Errno::NOSYS | Errno::INVAL) => {
            let block = [b'\n'; 4096];
            let mut left = bytes;
            while left > 0 {
                let n = left.min(block.len());
                file.write_all(&block[..n])?;
                left -= n;
            }
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reserved_probe_takes_the_bytes_it_stands_for() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(PROBE);
        let mut file = File::create(&path).expect("create");
        reserve(&mut file, 5_000_000).expect("reserved");
        let meta = fs::metadata(&path).expect("meta");
        assert_eq!(meta.len(), 5_000_000);
        use std::os::unix::fs::MetadataExt;
        assert!(
            meta.blocks() * 512 >= 5_000_000,
            "disk blocks taken, not a sparse file"
        );
    }
}
