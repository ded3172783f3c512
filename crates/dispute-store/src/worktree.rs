//! The working tree: writing files and index entries after a commit, and the hand-edit
//! check that refuses to write over uncommitted changes under `cases/` or to
//! `casebook.toml`.

use crate::prelude::*;

impl Store {
    /// Bring working-tree files and index entries of `paths` in line with HEAD: written
    /// where HEAD has them, removed where it has not (a case renumbered by `sync`).
    pub(crate) fn sync_worktree(&self, paths: &[String]) -> Result<()> {
        let mut index = self.repo.index().git()?;
        for path in paths {
            match self.read_head(path)? {
                Some(content) => {
                    self.write_worktree_file(path, &content)?;
                    index.add_path(Path::new(path)).git()?;
                }
                None => {
                    self.remove_worktree_file(path)?;
                    if index.get_path(Path::new(path), 0).is_some() {
                        index.remove_path(Path::new(path)).git()?;
                    }
                }
            }
        }
        index.write().git()?;
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

    /// Write a file below the root atomically, refusing to follow symlinks; its stat data.
    pub(crate) fn write_worktree_file(&self, path: &str, content: &[u8]) -> Result<fs::Metadata> {
        let mut dir = self.root.clone();
        let parts: Vec<&str> = path.split('/').collect();
        for part in &parts[..parts.len() - 1] {
            dir.push(part);
            match fs::symlink_metadata(&dir) {
                Ok(m) if m.is_dir() => {}
                Ok(_) => {
                    return Err(Error::HandEdits(vec![t!(
                        "store-path-not-a-dir",
                        path = dir.strip_prefix(&self.root).unwrap_or(&dir).display()
                    )]));
                }
                Err(_) => fs::create_dir(&dir)?,
            }
        }
        let target = self.root.join(path);
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

    /// Uncommitted changes under `cases/` and to `casebook.toml`: modified, deleted, added
    /// or staged files, named relative to the casebook.
    ///
    /// Like `git status`, this is O(number of case files): every tracked file is stat'ed
    /// (on two threads) and only hashed when its stat differs from the index. The comparison
    /// of the index with HEAD is skipped when the index is the one this tool wrote for the
    /// current HEAD (recorded in `.git/dispute-state`).
    pub fn hand_edits(&self) -> Result<Vec<String>> {
        Ok(self.check_clean()?.0)
    }

    /// `hand_edits`, and the directory times of a clean tree (for the next check).
    pub(crate) fn check_clean(&self) -> Result<(Vec<String>, DirStamps)> {
        let index = self.repo.index().git()?;
        let tracked: Vec<Tracked> = index
            .iter()
            .filter_map(|e| {
                let path = String::from_utf8(e.path).ok()?;
                (path == CASEBOOK_FILE || path.starts_with("cases/")).then_some(Tracked {
                    path,
                    oid: e.id,
                    mode: e.mode,
                    mtime: (e.mtime.seconds(), e.mtime.nanoseconds()),
                    size: e.file_size,
                })
            })
            .collect();
        let mut dirty = vec![];
        if !self.index_is_ours()? {
            dirty.extend(self.staged(&tracked)?);
        }
        dirty.extend(self.modified(&index, &tracked));
        let (untracked, dirs) = self.untracked(&tracked);
        dirty.extend(untracked);
        dirty.sort();
        dirty.dedup();
        Ok((dirty, dirs))
    }

    /// Paths whose index entry differs from HEAD (staged, or removed from the index).
    pub(crate) fn staged(&self, tracked: &[Tracked]) -> Result<Vec<String>> {
        let mut head: Vec<(String, Oid, u32)> = vec![];
        if let Some(tree) = self.head_tree()? {
            if let Some(e) = tree.get_name(CASEBOOK_FILE) {
                head.push((CASEBOOK_FILE.into(), e.id(), e.filemode() as u32));
            }
            if let Some(e) = tree.get_name(CASES_DIR)
                && let Ok(cases) = self.repo.find_tree(e.id())
            {
                cases
                    .walk(TreeWalkMode::PreOrder, |dir, e| {
                        if e.kind() != Some(ObjectType::Tree) {
                            let name = e.name().unwrap_or("");
                            head.push((
                                format!("{CASES_DIR}/{dir}{name}"),
                                e.id(),
                                e.filemode() as u32,
                            ));
                        }
                        git2::TreeWalkResult::Ok
                    })
                    .git()?;
            }
        }
        head.sort();
        let mut out = vec![];
        let (mut i, mut j) = (0, 0);
        while i < tracked.len() || j < head.len() {
            match (tracked.get(i), head.get(j)) {
                (Some(t), Some(h)) if t.path == h.0 => {
                    if t.oid != h.1 || t.mode != h.2 {
                        out.push(t.path.clone());
                    }
                    i += 1;
                    j += 1;
                }
                (Some(t), Some(h)) if t.path < h.0 => {
                    out.push(t.path.clone());
                    i += 1;
                }
                (Some(t), None) => {
                    out.push(t.path.clone());
                    i += 1;
                }
                (_, Some(h)) => {
                    out.push(h.0.clone());
                    j += 1;
                }
                (None, None) => break,
            }
        }
        Ok(out)
    }

    /// Tracked files whose working-tree content differs from the index.
    pub(crate) fn modified(&self, index: &git2::Index, tracked: &[Tracked]) -> Vec<String> {
        use std::os::unix::fs::MetadataExt;
        // An entry written in the same instant as the index may hide a later edit ("racy
        // git"): hash those.
        let index_mtime = index
            .path()
            .and_then(|p| fs::metadata(p).ok())
            .map(|m| (m.mtime(), m.mtime_nsec()));
        let root = self.root.as_path();
        let check = |chunk: &[Tracked]| -> Vec<String> {
            let mut out = vec![];
            let mut full = root.to_path_buf();
            for t in chunk {
                full.push(&t.path);
                let changed = match fs::symlink_metadata(&full) {
                    Err(_) => true,
                    // A symlink committed as such is what HEAD holds, not a hand edit (the
                    // case it stands for is reported unreadable by the commands that read it).
                    Ok(meta) if meta.is_symlink() && t.mode == 0o120000 => {
                        use std::os::unix::ffi::OsStrExt;
                        fs::read_link(&full).ok().and_then(|target| {
                            Oid::hash_object(ObjectType::Blob, target.as_os_str().as_bytes()).ok()
                        }) != Some(t.oid)
                    }
                    Ok(meta) if !meta.is_file() || (meta.mode() & 0o100) != (t.mode & 0o100) => {
                        true
                    }
                    Ok(meta) => {
                        let mtime = (meta.mtime(), meta.mtime_nsec());
                        let same = meta.len() as u32 == t.size
                            && mtime.0 as i32 == t.mtime.0
                            && mtime.1 as u32 == t.mtime.1;
                        let racy = index_mtime.is_none_or(|im| mtime >= im);
                        (!same || racy)
                            && Oid::hash_file(ObjectType::Blob, &full).ok() != Some(t.oid)
                    }
                };
                if changed {
                    out.push(t.path.clone());
                }
                full.clear();
                full.push(root);
            }
            out
        };
        if tracked.len() < 2000 {
            return check(tracked);
        }
        let (a, b) = tracked.split_at(tracked.len() / 2);
        std::thread::scope(|s| {
            let other = s.spawn(|| check(b));
            let mut out = check(a);
            out.extend(other.join().unwrap_or_default());
            out
        })
    }

    /// Entries under `cases/` that the index does not know (new files, symlinks, stray
    /// directories), and the modification time of every directory walked. A directory whose
    /// time is what it was after this tool's last write (recorded in `.git/dispute-dirs`)
    /// holds the same entries, so it is not read again; anything added, removed or renamed
    /// in it would have changed its time. Temporary files of a writer killed before its
    /// rename are removed.
    pub(crate) fn untracked(&self, tracked: &[Tracked]) -> (Vec<String>, DirStamps) {
        let before = load_dir_stamps(&self.repo.path().join(DIRS_FILE));
        let mut children: HashMap<&str, Vec<&str>> = HashMap::new();
        for dir in before.keys() {
            if let Some((parent, _)) = dir.rsplit_once('/') {
                children.entry(parent).or_default().push(dir);
            }
        }
        let mut now = DirStamps::new();
        let mut found: Vec<String> = vec![];
        let mut stack = vec![CASES_DIR.to_string()];
        while let Some(rel) = stack.pop() {
            let Ok(meta) = fs::symlink_metadata(self.root.join(&rel)) else {
                continue;
            };
            if !meta.is_dir() {
                found.push(rel);
                continue;
            }
            let stamp = dir_stamp(&meta);
            if before.get(&rel) == Some(&stamp) {
                stack.extend(
                    children
                        .get(rel.as_str())
                        .into_iter()
                        .flatten()
                        .map(|c| c.to_string()),
                );
                now.insert(rel, stamp);
                continue;
            }
            let Ok(entries) = fs::read_dir(self.root.join(&rel)) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                if name.starts_with('.') && name.contains(".tmp-") {
                    let _ = fs::remove_file(entry.path());
                    continue;
                }
                let path = format!("{rel}/{name}");
                match entry.file_type() {
                    Ok(t) if t.is_dir() => stack.push(path),
                    _ => found.push(path),
                }
            }
            // After any removal above: the time that describes what is there now.
            if let Ok(meta) = fs::symlink_metadata(self.root.join(&rel)) {
                now.insert(rel, dir_stamp(&meta));
            }
        }
        found.sort_unstable();
        let mut out = vec![];
        let mut known = tracked.iter().map(|t| t.path.as_str()).peekable();
        for path in found {
            while known.next_if(|k| *k < path.as_str()).is_some() {}
            if known.peek() != Some(&path.as_str()) {
                out.push(path);
            }
        }
        (out, now)
    }

    /// Whether the index is exactly the one this tool wrote after committing HEAD.
    pub(crate) fn index_is_ours(&self) -> Result<bool> {
        let Ok(stamp) = fs::read_to_string(self.repo.path().join(STATE_FILE)) else {
            return Ok(false);
        };
        Ok(Some(stamp) == self.index_stamp()?)
    }

    /// HEAD and the index file's identity (size, modification time, inode).
    pub(crate) fn index_stamp(&self) -> Result<Option<String>> {
        use std::os::unix::fs::MetadataExt;
        let Some(head) = self.head_oid()? else {
            return Ok(None);
        };
        let Ok(meta) = fs::metadata(self.repo.path().join("index")) else {
            return Ok(None);
        };
        Ok(Some(format!(
            "{head} {} {}.{} {}",
            meta.len(),
            meta.mtime(),
            meta.mtime_nsec(),
            meta.ino()
        )))
    }
}

/// An index entry under `cases/` or `casebook.toml`.
pub(crate) struct Tracked {
    path: String,
    oid: Oid,
    mode: u32,
    mtime: (i32, u32),
    size: u32,
}

/// Modification times of directories under `cases/` (seconds, nanoseconds).
pub(crate) type DirStamps = std::collections::BTreeMap<String, (i64, i64)>;

pub(crate) fn dir_stamp(meta: &fs::Metadata) -> (i64, i64) {
    use std::os::unix::fs::MetadataExt;
    (meta.mtime(), meta.mtime_nsec())
}

pub(crate) fn load_dir_stamps(path: &Path) -> DirStamps {
    let mut map = DirStamps::new();
    let Ok(text) = fs::read_to_string(path) else {
        return map;
    };
    for line in text.lines() {
        let mut parts = line.splitn(3, ' ');
        if let (Some(s), Some(ns), Some(dir)) = (parts.next(), parts.next(), parts.next())
            && let (Ok(s), Ok(ns)) = (s.parse(), ns.parse())
        {
            map.insert(dir.to_string(), (s, ns));
        }
    }
    map
}

pub(crate) fn save_dir_stamps(path: &Path, dirs: &DirStamps) -> Result<()> {
    let mut text = String::with_capacity(dirs.len() * 40);
    for (dir, (s, ns)) in dirs {
        text.push_str(&format!("{s} {ns} {dir}\n"));
    }
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    fs::write(&tmp, text)?;
    fs::rename(&tmp, path)?;
    Ok(())
}
