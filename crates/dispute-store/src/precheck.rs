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

impl Store {
    /// Refuse, before anything is committed, a write whose files could not be put into the
    /// working tree afterwards.
    pub(crate) fn precheck_worktree(&self, files: &[(String, String)]) -> Result<()> {
        // The deepest existing directory of each file, with the bytes to go below it.
        let mut probes: Vec<(PathBuf, usize)> = vec![];
        for (path, content) in files {
            let parts: Vec<&str> = path.split('/').collect();
            let mut dir = self.root.clone();
            let mut deepest = dir.clone();
            let mut all_exist = true;
            for part in &parts[..parts.len() - 1] {
                dir.push(part);
                match fs::symlink_metadata(&dir) {
                    Ok(m) if m.is_dir() => deepest = dir.clone(),
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

    /// Write and remove a file of `bytes` bytes in `dir`.
    fn probe(&self, dir: &Path, bytes: usize) -> Result<()> {
        // Below `cases/` the hand-edit check clears what a killed writer leaves; at the top
        // one fixed name is reused, so at most one can be left there, until the next write.
        let probe = if dir == self.root {
            dir.join(".dispute-probe.tmp")
        } else {
            dir.join(format!(".dispute-probe.tmp-{}", std::process::id()))
        };
        let written = File::create(&probe).and_then(|mut f| {
            let block = [b'\n'; 4096];
            let mut left = bytes.max(1);
            while left > 0 {
                let n = left.min(block.len());
                f.write_all(&block[..n])?;
                left -= n;
            }
            Ok(())
        });
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
