//! The working tree: the hand-edit check of the files a command reads or writes, and
//! writing files and their index entries after a commit.
//!
//! The check covers `casebook.toml` and the files put into a write, nothing else (DESIGN
//! §6): writes build their trees from HEAD's objects, so an uncommitted edit to another
//! file can neither enter a commit nor be overwritten, and the command that touches that
//! file, or `verify` once it is committed, still finds it. So a write costs the same
//! whatever the size of the casebook.

use crate::index::{Change, IndexFile, IndexRecord, LockedIndex};
use crate::prelude::*;

/// The index as the hand-edit check sees it: read here, or by libgit2 when this crate's
/// reader leaves it alone (see `index`).
pub(crate) enum IndexView {
    Ours(IndexFile),
    Libgit2(git2::Index),
}

impl IndexView {
    pub(crate) fn load(repo: &Repository) -> Result<IndexView> {
        match IndexFile::read(repo.path())? {
            Some(index) => Ok(IndexView::Ours(index)),
            None => Ok(IndexView::Libgit2(repo.index().git()?)),
        }
    }

    fn lookup(&self, path: &str) -> Vec<IndexRecord> {
        match self {
            IndexView::Ours(index) => index.lookup(path),
            IndexView::Libgit2(index) => (0..=3)
                .filter_map(|stage| index.get_path(Path::new(path), stage))
                .map(|e| IndexRecord {
                    oid: e.id,
                    mode: e.mode,
                    stage: (e.flags >> 12) & 3,
                    intent_to_add: e.flags_extended & (1 << 13) != 0,
                })
                .collect(),
        }
    }
}

/// The hand-edit check of one write: HEAD's tree and the index as found when the write
/// began, and the directories already seen to be plain directories.
pub(crate) struct HandEditCheck {
    head: Option<Oid>,
    pub(crate) index: IndexView,
    dirs: std::collections::HashSet<String>,
}

impl Store {
    /// Start the check of a write (under the writer lock) and check `casebook.toml`, which
    /// every command reads.
    pub(crate) fn start_check(&self) -> Result<HandEditCheck> {
        let head = self.head_tree()?.map(|t| t.id());
        let mut check = HandEditCheck {
            head,
            index: IndexView::load(&self.repo)?,
            dirs: Default::default(),
        };
        crate::timings::mark("index read");
        self.check_path(&mut check, CASEBOOK_FILE)?;
        Ok(check)
    }

    /// Refuse (`HandEdits`) if `path` has uncommitted changes: its index entry differs from
    /// HEAD (staged, deleted from the index, in conflict, added with intent), or the working
    /// tree holds something else than HEAD there (an edited, deleted or new file, a
    /// directory or a symlink), or a directory on the way to it is not a plain directory.
    pub(crate) fn check_path(&self, check: &mut HandEditCheck, path: &str) -> Result<()> {
        if self.hand_edited(check, path)? {
            return Err(Error::HandEdits(vec![path.to_string()]));
        }
        Ok(())
    }

    /// Whether HEAD holds `dir` as a symlink (committed by hand, not a working-tree edit).
    fn committed_symlink(&self, check: &HandEditCheck, dir: &str) -> Result<bool> {
        let Some(oid) = check.head else {
            return Ok(false);
        };
        let tree = self.repo.find_tree(oid).git()?;
        Ok(tree
            .get_path(Path::new(dir))
            .is_ok_and(|e| e.filemode() == 0o120000))
    }

    fn hand_edited(&self, check: &mut HandEditCheck, path: &str) -> Result<bool> {
        use std::os::unix::fs::MetadataExt;
        let head = match check.head {
            Some(oid) => {
                let tree = self.repo.find_tree(oid).git()?;
                match tree.get_path(Path::new(path)) {
                    Ok(e) => Some((e.id(), e.filemode() as u32)),
                    Err(e) if e.code() == ErrorCode::NotFound => None,
                    Err(e) => return Err(e).git(),
                }
            }
            None => None,
        };
        let staged = match (head, check.index.lookup(path).as_slice()) {
            (None, []) => false,
            (Some((oid, mode)), [entry]) => {
                entry.stage != 0 || entry.intent_to_add || entry.oid != oid || entry.mode != mode
            }
            _ => true,
        };
        if staged {
            return Ok(true);
        }
        // The directories on the way: plain directories or absent.
        let mut dir = String::new();
        let mut parts: Vec<&str> = path.split('/').collect();
        parts.pop();
        for part in parts {
            if !dir.is_empty() {
                dir.push('/');
            }
            dir.push_str(part);
            if check.dirs.contains(&dir) {
                continue;
            }
            match fs::symlink_metadata(self.root.join(&dir)) {
                Ok(m) if m.is_dir() => {
                    check.dirs.insert(dir.clone());
                }
                // A symlink committed as such: nothing below it is ours to check; the
                // write's precheck refuses it with the reason, before the branch moves.
                Ok(m) if m.is_symlink() && self.committed_symlink(check, &dir)? => {
                    return Ok(false);
                }
                Ok(_) => return Ok(true),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => break,
                Err(e) => return Err(e.into()),
            }
        }
        let full = self.root.join(path);
        let meta = match fs::symlink_metadata(&full) {
            Ok(m) => Some(m),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e.into()),
        };
        Ok(match (head, meta) {
            (None, None) => false,
            // Something not in HEAD is in the way of a new file.
            (None, Some(_)) => true,
            (Some(_), None) => true,
            // A symlink committed as such is what HEAD holds, not a hand edit (the case it
            // stands for is reported unreadable by the commands that read it).
            (Some((oid, 0o120000)), Some(m)) if m.is_symlink() => {
                use std::os::unix::ffi::OsStrExt;
                let target = fs::read_link(&full)?;
                Oid::hash_object(ObjectType::Blob, target.as_os_str().as_bytes()).git()? != oid
            }
            (Some((oid, mode)), Some(m)) if m.is_file() && (m.mode() & 0o100) == (mode & 0o100) => {
                // Files are small: hash the content rather than trust stat data (no racy
                // git to reason about).
                Oid::hash_file(ObjectType::Blob, &full).git()? != oid
            }
            (Some(_), Some(_)) => true,
        })
    }

    /// Bring working-tree files and index entries of `paths` in line with HEAD (finishing
    /// a write that was interrupted after its commit).
    pub(crate) fn sync_worktree(&self, paths: &[String]) -> Result<()> {
        let Some(tree) = self.head_tree()? else {
            return Ok(());
        };
        let changes: Vec<(&str, Option<Oid>)> = paths
            .iter()
            .map(|path| {
                self.remove_stale_temp_files(path);
                // Not in HEAD any more (a case renumbered by `sync`): removed.
                let blob = tree.get_path(Path::new(path)).ok().map(|e| e.id());
                (path.as_str(), blob)
            })
            .collect();
        self.put_blobs_in_worktree(&changes)
    }

    /// Bring `changes` into the working tree and the index: each path to its blob, or
    /// removed where it has none.
    pub(crate) fn put_blobs_in_worktree(&self, changes: &[(&str, Option<Oid>)]) -> Result<()> {
        let mut blobs = vec![];
        let mut gone = vec![];
        for &(path, blob) in changes {
            match blob {
                Some(id) => blobs.push((path, self.repo.find_blob(id).git()?, id)),
                None => gone.push(path),
            }
        }
        let files: Vec<(&str, &[u8], Oid)> = blobs
            .iter()
            .map(|(path, blob, id)| (*path, blob.content(), *id))
            .collect();
        self.put_in_worktree(&files, &gone, None)
    }

    /// Temporary files of a writer killed before renaming its copy of `path` into place.
    fn remove_stale_temp_files(&self, path: &str) {
        let full = self.root.join(path);
        let (Some(dir), Some(name)) = (full.parent(), full.file_name()) else {
            return;
        };
        let prefix = format!(".{}.tmp-", name.to_string_lossy());
        if let Ok(entries) = fs::read_dir(dir) {
            for entry in entries.flatten() {
                if entry.file_name().to_string_lossy().starts_with(&prefix) {
                    let _ = fs::remove_file(entry.path());
                }
            }
        }
    }

    /// After a commit: write each file (path, content, blob) to the working tree and remove
    /// the `gone` ones, then make their entries in the index in one update. `known` is the
    /// index the hand-edit check read; it is used if the index has not changed since.
    pub(crate) fn put_in_worktree(
        &self,
        files: &[(&str, &[u8], Oid)],
        gone: &[&str],
        known: Option<IndexView>,
    ) -> Result<()> {
        let root = self.root.as_path();
        let write_all = |part: &[(&str, &[u8], Oid)]| -> Result<Vec<fs::Metadata>> {
            let mut metas = Vec::with_capacity(part.len());
            for (path, content, _) in part {
                metas.push(write_worktree_file(root, path, content)?);
                faults::point("after-worktree-file");
            }
            Ok(metas)
        };
        // Thousands of files (an import) are written on all cores.
        let metas = dispute_core::cores::map_runs(files, crate::write::BULK, write_all)?;
        for path in gone {
            self.remove_worktree_file(path)?;
        }
        crate::timings::mark("working tree files");
        let git_dir = self.repo.path();
        let lock = LockedIndex::acquire(git_dir)?;
        let now = IndexFile::stamp_now(git_dir)?;
        let index = match known {
            Some(IndexView::Ours(index)) if index.stamp == now => Some(index),
            _ => IndexFile::read(git_dir)?,
        };
        let Some(index) = index else {
            // An index for libgit2 (see `index`): it takes its own lock.
            drop(lock);
            let mut index = self.repo.index().git()?;
            for ((path, _, blob), meta) in files.iter().zip(&metas) {
                index
                    .add(&crate::write::index_entry(path, *blob, meta))
                    .git()?;
            }
            for path in gone {
                if index.get_path(Path::new(path), 0).is_some() {
                    index.remove_path(Path::new(path)).git()?;
                }
            }
            index.set_version(4).git()?;
            return index.write().git();
        };
        let changes: Vec<Change> = files
            .iter()
            .zip(&metas)
            .map(|((path, _, blob), meta)| Change::put(path, *blob, meta))
            .chain(gone.iter().map(|path| Change::remove(path)))
            .collect();
        let bytes = index.with(&changes);
        crate::timings::mark("index spliced and hashed");
        lock.commit(bytes)?;
        crate::timings::mark("index written");
        Ok(())
    }

    /// Remove a file below the root (gone from HEAD), and the directories it leaves empty.
    pub(crate) fn remove_worktree_file(&self, path: &str) -> Result<()> {
        let target = self.root.join(path);
        match fs::symlink_metadata(&target) {
            Ok(m) if m.is_dir() => {
                return Err(Error::HandEdits(vec![t!(
                    "store-path-not-a-file",
                    path = path
                )]));
            }
            Ok(_) => fs::remove_file(&target)?,
            Err(_) => {}
        }
        let mut dir = target.parent();
        while let Some(d) = dir {
            if d == self.root || fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
        Ok(())
    }
}

/// Write a file below `root` atomically, refusing to follow symlinks; its stat data.
fn write_worktree_file(root: &Path, path: &str, content: &[u8]) -> Result<fs::Metadata> {
    let mut dir = root.to_path_buf();
    let parts: Vec<&str> = path.split('/').collect();
    for part in &parts[..parts.len() - 1] {
        dir.push(part);
        let is_dir = match fs::symlink_metadata(&dir) {
            Ok(m) => m.is_dir(),
            Err(_) => match fs::create_dir(&dir) {
                Ok(()) => true,
                // Another thread of this write may have just made it.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    fs::symlink_metadata(&dir)?.is_dir()
                }
                Err(e) => return Err(e.into()),
            },
        };
        if !is_dir {
            return Err(Error::HandEdits(vec![t!(
                "store-path-not-a-dir",
                path = dir.strip_prefix(root).unwrap_or(&dir).display()
            )]));
        }
    }
    let target = root.join(path);
    if let Ok(m) = fs::symlink_metadata(&target)
        && !m.is_file()
    {
        return Err(Error::HandEdits(vec![t!(
            "store-path-not-a-file",
            path = path
        )]));
    }
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        parts[parts.len() - 1],
        std::process::id()
    ));
    // No fsync: after a crash the journal, or the hand-edit check, brings the file back
    // in line with HEAD, which is the record.
    fs::write(&tmp, content)?;
    fs::rename(&tmp, &target)?;
    Ok(fs::symlink_metadata(&target)?)
}
