//! The git index (`.git/index`), read and updated here rather than by libgit2: libgit2
//! parses every entry and rewrites the whole file with a collision-detecting SHA-1 on each
//! commit, a cost that grows with the casebook (about 80 ms at 100,000 cases). Here a lookup
//! finds the entries of a few paths in the raw file, and an update copies every other entry's
//! bytes as they are and splices in the changed ones, so a write costs one sequential copy
//! and one hash of the file. Index versions 2 to 4 are read; the file written is version 4
//! (paths prefix-compressed, as this tool always wrote it). The cache-tree extension is kept
//! with the changed directories invalidated, resolve-undo is kept, and the other optional
//! extensions (caches git rebuilds: untracked files, fsmonitor, offset tables) are dropped.
//! An index this code does not understand (a mandatory extension such as a sparse index, or
//! a file that does not parse) is left to libgit2.
//!
//! A large index is kept split, as git's `core.splitIndex` keeps it ([`split`]): the
//! entries in a shared file that stays, and in `.git/index` only what changed since, so a
//! write no longer rewrites and hashes every entry of the casebook.
//!
//! The format: git's Documentation/gitformat-index.txt.

use std::ops::Range;

use sha1::{Digest, Sha1};

use crate::prelude::*;

mod split;

const SIGNATURE: &[u8; 4] = b"DIRC";
const HEADER: usize = 12;
const HASH: usize = 20;
/// Stat data (40 bytes), object id (20), flags (2).
const FIXED: usize = 62;
const EXTENDED: u16 = 0x4000;
const STAGE_MASK: u16 = 0x3000;
const NAME_MASK: u16 = 0x0fff;
/// Extended flags (index version 3 and up): intent-to-add.
const INTENT_TO_ADD: u16 = 0x2000;

/// The identity of the index file as read: a rewrite by git or this tool goes through a
/// lock file and a rename, so it changes the inode; size and time are checked as well.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FileStamp {
    ino: u64,
    size: u64,
    mtime: (i64, i64),
}

impl FileStamp {
    fn of(meta: &fs::Metadata) -> FileStamp {
        use std::os::unix::fs::MetadataExt;
        FileStamp {
            ino: meta.ino(),
            size: meta.size(),
            mtime: (meta.mtime(), meta.mtime_nsec()),
        }
    }
}

/// One entry: where its bytes are, and where its full path is in `IndexFile::paths`.
#[derive(Clone, Copy)]
struct Slot {
    start: u32,
    end: u32,
    path: u32,
    path_len: u32,
}

/// The bytes of an index file (or of the summary cache): mapped from the file as read (a
/// large file is not copied into memory; git and this tool replace such a file by renaming
/// a new one over it, never by writing into it, so the mapping stays as it was read), or
/// owned.
pub(crate) enum Bytes {
    Mapped(memmap2::Mmap),
    Owned(Vec<u8>),
}

impl Bytes {
    /// The bytes of `file`, which is only ever replaced, never changed in place.
    pub(crate) fn of(file: &File) -> Result<Bytes> {
        if file.metadata()?.len() == 0 {
            return Ok(Bytes::Owned(vec![]));
        }
        // SAFETY: the file is only ever replaced (a rename), never changed in place; see
        // `Bytes`.
        Ok(Bytes::Mapped(unsafe { memmap2::Mmap::map(file)? }))
    }
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Mapped(m) => m,
            Bytes::Owned(v) => v,
        }
    }
}

/// An index file as read: its bytes and where each entry and the extensions are.
pub(crate) struct IndexFile {
    bytes: Bytes,
    version: u32,
    slots: Vec<Slot>,
    /// Every entry's full path, one after another (version 4 stores them compressed).
    paths: Vec<u8>,
    extensions: Range<usize>,
    /// The data of the `link` extension: this file is the split part of a split index.
    link: Option<Range<usize>>,
    /// For a split index: its shared part and how this file changes it.
    split: Option<Box<split::Split>>,
    /// `None` when there is no index file (an empty index).
    pub(crate) stamp: Option<FileStamp>,
}

/// What the index holds for one path (all stages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IndexRecord {
    pub(crate) oid: Oid,
    pub(crate) mode: u32,
    pub(crate) stage: u16,
    pub(crate) intent_to_add: bool,
}

/// A change to the index for one path: a file just written to the working tree (its blob
/// and stat data), or, with `file: None`, a file removed from it.
pub(crate) struct Change<'a> {
    pub(crate) path: &'a str,
    pub(crate) file: Option<(Oid, &'a fs::Metadata)>,
}

impl<'a> Change<'a> {
    /// `path` now holds `blob`, as just written with `meta`.
    pub(crate) fn put(path: &'a str, blob: Oid, meta: &'a fs::Metadata) -> Change<'a> {
        Change {
            path,
            file: Some((blob, meta)),
        }
    }

    /// `path` is gone from the working tree.
    pub(crate) fn remove(path: &'a str) -> Change<'a> {
        Change { path, file: None }
    }
}

impl IndexFile {
    /// Read `.git/index`. `Ok(None)`: an index this code leaves to libgit2.
    pub(crate) fn read(git_dir: &Path) -> Result<Option<IndexFile>> {
        let path = git_dir.join("index");
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Some(IndexFile::empty()));
            }
            Err(e) => return Err(e.into()),
        };
        let meta = file.metadata()?;
        let bytes = Bytes::of(&file)?;
        drop(file);
        let Some(mut index) = IndexFile::parse(bytes, Some(FileStamp::of(&meta))) else {
            return Ok(None);
        };
        if index.link.is_some() {
            // libgit2 cannot read a split index either: say what is wrong and how to mend it.
            let Some(split) = split::Split::load(git_dir, &index)? else {
                return Err(Error::WorktreeBlocked {
                    path: ".git/index".into(),
                    reason: t!("store-split-index-broken"),
                });
            };
            index.split = Some(Box::new(split));
        }
        Ok(Some(index))
    }

    /// The stamp of `.git/index` now (`None` if there is none).
    pub(crate) fn stamp_now(git_dir: &Path) -> Result<Option<FileStamp>> {
        match fs::metadata(git_dir.join("index")) {
            Ok(m) => Ok(Some(FileStamp::of(&m))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    fn empty() -> IndexFile {
        IndexFile {
            bytes: Bytes::Owned(vec![]),
            version: 4,
            slots: vec![],
            paths: vec![],
            extensions: 0..0,
            link: None,
            split: None,
            stamp: None,
        }
    }

    /// Find the entries and extensions; `None` for anything unusual (the trailing checksum
    /// is not verified: git does not either, outside `git fsck`).
    fn parse(bytes: Bytes, stamp: Option<FileStamp>) -> Option<IndexFile> {
        let (version, count, end) = header(&bytes)?;
        let mut slots = Vec::with_capacity(count);
        let mut paths: Vec<u8> = Vec::with_capacity(count * 48);
        let mut pos = HEADER;
        let mut cur: Vec<u8> = Vec::with_capacity(256);
        for _ in 0..count {
            let entry_end = next_entry(&bytes, version, pos, end, &mut cur)?;
            let start = paths.len();
            paths.extend_from_slice(&cur);
            slots.push(Slot {
                start: pos as u32,
                end: entry_end as u32,
                path: start as u32,
                path_len: cur.len() as u32,
            });
            pos = entry_end;
        }
        let extensions = pos..end;
        let link = link_extension(&bytes, pos, end)?;
        Some(IndexFile {
            bytes,
            version,
            slots,
            paths,
            extensions,
            link,
            split: None,
            stamp,
        })
    }

    fn path(&self, slot: &Slot) -> &[u8] {
        &self.paths[slot.path as usize..(slot.path + slot.path_len) as usize]
    }

    /// The entries of `path`, every stage.
    pub(crate) fn lookup(&self, path: &str) -> Vec<IndexRecord> {
        if let Some(split) = &self.split {
            return split.lookup(self, path.as_bytes());
        }
        let target = path.as_bytes();
        let first = self.slots.partition_point(|s| self.path(s) < target);
        self.slots[first..]
            .iter()
            .take_while(|s| self.path(s) == target)
            .map(|s| self.fixed(s).record())
            .collect()
    }

    /// The fixed part of an entry, and its extended flags if it has them.
    fn fixed(&self, slot: &Slot) -> Fixed {
        fixed_at(&self.bytes, slot.start as usize)
    }

    /// The index with `updates` made, as the file or files to write: split from
    /// [`split::SPLIT_FROM`] entries on, else one file (see [`IndexFile::entries_with`]).
    pub(crate) fn with(&self, updates: &[Change]) -> NewIndex<'_> {
        if let Some(split) = &self.split {
            return split.with(self, updates);
        }
        let (mut entries, count) = self.entries_with(updates);
        let changed = changed_paths(updates);
        if count < split::SPLIT_FROM {
            self.put_extensions(&mut entries, &changed);
            return entries;
        }
        // Large and not split yet: these entries become the shared part.
        split::with_new_shared(self, entries, &changed)
    }

    /// The entries of the index with `updates` made (each replacing every entry of its
    /// path, or removing them): a version 4 index file without extensions or checksum, as
    /// pieces of the old file and new bytes, and how many entries it has.
    fn entries_with(&self, updates: &[Change]) -> (NewIndex<'_>, usize) {
        let mut updates: Vec<&Change> = updates.iter().collect();
        updates.sort_by(|a, b| a.path.cmp(b.path));
        updates.dedup_by(|a, b| a.path == b.path);
        let mut new = NewIndex::new(&self.bytes, 256 + updates.len() * 96);
        // The count is set at the end.
        new.header(0);
        let mut count: u32 = 0;
        // The path of the entry written last; a version 4 entry is stored relative to it.
        let mut prev: &[u8] = b"";
        // Whether the next old entry follows, in the new file, the entry it followed in the
        // old one: then its bytes are copied as they are.
        let mut in_step = self.version == 4;
        let (mut i, mut u) = (0, 0);
        while i < self.slots.len() || u < updates.len() {
            let old = self.slots.get(i).map(|s| self.path(s));
            match (old, updates.get(u)) {
                (old, Some(update)) if old.is_none_or(|o| update.path.as_bytes() <= o) => {
                    let path = update.path.as_bytes();
                    let mut replaced = false;
                    while self.slots.get(i).is_some_and(|s| self.path(s) == path) {
                        i += 1;
                        replaced = true;
                    }
                    match update.file {
                        Some(file) => {
                            new.put_entry(&new_fixed(path, file), None, prev, path);
                            count += 1;
                            prev = path;
                            // The next old entry followed one of the same path.
                            in_step = self.version == 4 && replaced;
                        }
                        // Removed: the next old entry is stored anew, after `prev`.
                        None => in_step = false,
                    }
                    u += 1;
                }
                _ => {
                    let slot = self.slots[i];
                    let (start, end) = (slot.start as usize, slot.end as usize);
                    let path = self.path(&slot);
                    if in_step {
                        new.copy(start..end);
                    } else {
                        let fixed = self.fixed(&slot);
                        new.put_entry(&fixed.bytes, fixed.ext, prev, path);
                    }
                    count += 1;
                    prev = path;
                    in_step = self.version == 4;
                    i += 1;
                    // In a version 4 index, the old entries up to the next update follow the
                    // ones they followed before: one piece, found by a binary search rather
                    // than entry by entry (100,000 entries for one new case).
                    if in_step {
                        let run_end = match updates.get(u) {
                            Some(update) => {
                                let target = update.path.as_bytes();
                                i + self.slots[i..].partition_point(|s| self.path(s) < target)
                            }
                            None => self.slots.len(),
                        };
                        if run_end > i {
                            let first = self.slots[i].start as usize;
                            let last = self.slots[run_end - 1];
                            new.copy(first..last.end as usize);
                            count += (run_end - i) as u32;
                            prev = self.path(&last);
                            i = run_end;
                        }
                    }
                }
            }
        }
        new.new[8..12].copy_from_slice(&count.to_be_bytes());
        (new, count as usize)
    }

    /// The extensions kept: the cache tree (with the directories on `changed` paths marked
    /// invalid) and resolve-undo; caches that git rebuilds are dropped.
    fn put_extensions(&self, out: &mut NewIndex, changed: &[&str]) {
        let mut pos = self.extensions.start;
        while pos < self.extensions.end {
            let sig = &self.bytes[pos..pos + 4];
            let size = u32::from_be_bytes([
                self.bytes[pos + 4],
                self.bytes[pos + 5],
                self.bytes[pos + 6],
                self.bytes[pos + 7],
            ]) as usize;
            let data = &self.bytes[pos + 8..pos + 8 + size];
            match sig {
                b"TREE" => {
                    let mut tree = vec![];
                    let mut at = 0;
                    // A cache tree that does not parse is dropped; git rebuilds it.
                    if invalidate_tree(data, &mut at, "", true, changed, &mut tree).is_some()
                        && at == data.len()
                    {
                        out.put(b"TREE");
                        out.put(&(tree.len() as u32).to_be_bytes());
                        out.put(&tree);
                    }
                }
                b"REUC" => out.copy(pos..pos + 8 + size),
                _ => {}
            }
            pos += 8 + size;
        }
    }
}

/// The version and entry count of an index file, and where its checksum starts; `None`
/// if it is not an index of version 2 to 4.
fn header(bytes: &[u8]) -> Option<(u32, usize, usize)> {
    if bytes.len() < HEADER + HASH || &bytes[..4] != SIGNATURE || bytes.len() > u32::MAX as usize {
        return None;
    }
    let version = be32(bytes, 4)?;
    let count = be32(bytes, 8)? as usize;
    (2..=4)
        .contains(&version)
        .then_some((version, count, bytes.len() - HASH))
}

/// Walk the extensions from `pos` to `end` (a signature, a size, the data each): the data
/// of the `link` extension (a split index), if there is one. `None` if they do not parse, or
/// if one whose signature does not start with an upper-case letter, which must be
/// understood, is not `link`: such an index is not ours.
fn link_extension(bytes: &[u8], mut pos: usize, end: usize) -> Option<Option<Range<usize>>> {
    let mut link = None;
    while pos < end {
        let sig = bytes.get(pos..pos + 4)?;
        let size = be32(bytes, pos + 4)? as usize;
        if pos + 8 + size > end {
            return None;
        }
        if sig == b"link" {
            link = Some(pos + 8..pos + 8 + size);
        } else if !sig[0].is_ascii_uppercase() {
            return None;
        }
        pos += 8 + size;
    }
    Some(link)
}

/// Read the entry at `pos` (entries end at `end`): `path` becomes its path (in version 4
/// it holds the previous entry's path when called); returns where the entry ends. `None`
/// for anything that does not parse.
fn next_entry(
    bytes: &[u8],
    version: u32,
    pos: usize,
    end: usize,
    path: &mut Vec<u8>,
) -> Option<usize> {
    if pos + FIXED > end {
        return None;
    }
    let flags = be16(bytes, pos + 60)?;
    let extended = flags & EXTENDED != 0;
    if extended && version < 3 {
        return None;
    }
    let mut p = pos + FIXED + if extended { 2 } else { 0 };
    if version == 4 {
        let (strip, n) = varint(bytes.get(p..end)?)?;
        p += n;
        let keep = path.len().checked_sub(strip)?;
        let nul = bytes.get(p..end)?.iter().position(|&b| b == 0)?;
        path.truncate(keep);
        path.extend_from_slice(&bytes[p..p + nul]);
        Some(p + nul + 1)
    } else {
        let nul = bytes.get(p..end)?.iter().position(|&b| b == 0)?;
        path.clear();
        path.extend_from_slice(&bytes[p..p + nul]);
        // Padded with 1 to 8 NULs to a multiple of 8 bytes.
        let entry_end = pos + ((p - pos + nul + 8) & !7);
        (entry_end <= end).then_some(entry_end)
    }
}

/// The fixed part of the entry at `at` of `bytes`, and its extended flags if it has them.
fn fixed_at(bytes: &[u8], at: usize) -> Fixed {
    let mut fixed = [0u8; FIXED];
    fixed.copy_from_slice(&bytes[at..at + FIXED]);
    let flags = u16::from_be_bytes([bytes[at + 60], bytes[at + 61]]);
    let ext = (flags & EXTENDED != 0).then(|| [bytes[at + 62], bytes[at + 63]]);
    Fixed { bytes: fixed, ext }
}

/// The paths of `updates`, sorted (for the cache tree).
fn changed_paths<'u>(updates: &[Change<'u>]) -> Vec<&'u str> {
    let mut changed: Vec<&str> = updates.iter().map(|n| n.path).collect();
    changed.sort_unstable();
    changed.dedup();
    changed
}

/// The fixed part of an entry as stored (stat data, object id, flags) and its extended
/// flags, if any.
#[derive(Clone, Copy)]
struct Fixed {
    bytes: [u8; FIXED],
    ext: Option<[u8; 2]>,
}

impl Fixed {
    fn flags(&self) -> u16 {
        u16::from_be_bytes([self.bytes[60], self.bytes[61]])
    }

    fn stage(&self) -> u16 {
        (self.flags() & STAGE_MASK) >> 12
    }

    fn record(&self) -> IndexRecord {
        let b = &self.bytes;
        let ext = self.ext.map_or(0, u16::from_be_bytes);
        IndexRecord {
            oid: Oid::from_bytes(&b[40..60]).unwrap_or(Oid::ZERO_SHA1),
            mode: u32::from_be_bytes([b[24], b[25], b[26], b[27]]),
            stage: self.stage(),
            intent_to_add: ext & INTENT_TO_ADD != 0,
        }
    }
}

/// A new index file: pieces of the old file and new bytes, in order. It is written and hashed
/// from the pieces, so the bulk of the old file is never copied in memory.
pub(crate) struct NewIndex<'a> {
    old: &'a [u8],
    new: Vec<u8>,
    /// (from the old file?, range in it or in `new`)
    pieces: Vec<(bool, Range<usize>)>,
    /// A split index: a new shared part to write first, and where in `new` its id goes.
    shared: Option<(Box<NewIndex<'a>>, usize)>,
    /// A split index whose shared part stays: its id, to mark it in use.
    keeps: Option<[u8; HASH]>,
}

impl<'a> NewIndex<'a> {
    fn new(old: &'a [u8], capacity: usize) -> NewIndex<'a> {
        NewIndex {
            old,
            new: Vec::with_capacity(capacity),
            pieces: vec![],
            shared: None,
            keeps: None,
        }
    }

    /// The index file's version and number of entries.
    fn header(&mut self, count: usize) {
        self.put(SIGNATURE);
        self.put(&4u32.to_be_bytes());
        self.put(&(count as u32).to_be_bytes());
    }

    fn put(&mut self, bytes: &[u8]) {
        let start = self.new.len();
        self.new.extend_from_slice(bytes);
        match self.pieces.last_mut() {
            Some((false, r)) if r.end == start => r.end = self.new.len(),
            _ => self.pieces.push((false, start..self.new.len())),
        }
    }

    fn copy(&mut self, range: Range<usize>) {
        match self.pieces.last_mut() {
            Some((true, r)) if r.end == range.start => r.end = range.end,
            _ => self.pieces.push((true, range)),
        }
    }

    /// Append a version 4 entry: its fixed part (62 bytes, with `ext` if the extended flag
    /// is set), the number of bytes of `prev` to drop, the rest of `path`, a NUL.
    fn put_entry(&mut self, fixed: &[u8], ext: Option<[u8; 2]>, prev: &[u8], path: &[u8]) {
        let mut entry = Vec::with_capacity(FIXED + 8 + path.len());
        entry.extend_from_slice(&fixed[..FIXED]);
        if let Some(ext) = ext {
            entry.extend_from_slice(&ext);
        }
        let common = prev.iter().zip(path).take_while(|(a, b)| a == b).count();
        put_varint(&mut entry, prev.len() - common);
        entry.extend_from_slice(&path[common..]);
        entry.push(0);
        self.put(&entry);
    }

    fn chunks(&self) -> impl Iterator<Item = &[u8]> {
        self.pieces.iter().map(|(old, r)| {
            if *old {
                &self.old[r.clone()]
            } else {
                &self.new[r.clone()]
            }
        })
    }

    fn len(&self) -> usize {
        self.pieces.iter().map(|(_, r)| r.len()).sum()
    }

    fn hash(&self) -> [u8; HASH] {
        let mut sha = Sha1::new();
        for chunk in self.chunks() {
            sha.update(chunk);
        }
        sha.finalize().into()
    }

    /// The whole file, checksum included.
    #[cfg(test)]
    fn to_vec(&self) -> Vec<u8> {
        let mut out: Vec<u8> = self.chunks().flatten().copied().collect();
        out.extend_from_slice(&self.hash());
        out
    }
}

/// From this size on, the checksum is computed on a second thread while the file is
/// written.
const HASH_ALONGSIDE: usize = 1 << 20;

/// `.git/index.lock`, taken as git takes it (created exclusively; an existing one means git
/// is at work here, an error). Dropped without `commit`, it is removed.
pub(crate) struct LockedIndex {
    lock: PathBuf,
    file: Option<File>,
}

impl LockedIndex {
    pub(crate) fn acquire(git_dir: &Path) -> Result<LockedIndex> {
        let lock = git_dir.join("index.lock");
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&lock)
            .map_err(|e| Error::Git(format!("{}: {e}", lock.display())))?;
        Ok(LockedIndex {
            lock,
            file: Some(file),
        })
    }

    /// Write the new index into the lock file and rename it over the index; a new shared
    /// part of a split index first, under its own name.
    pub(crate) fn commit(mut self, mut index: NewIndex) -> Result<()> {
        let git_dir = self
            .lock
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let rotated = match index.shared.take() {
            Some((shared, oid_at)) => {
                let name = split::write_shared(&git_dir, &shared)?;
                index.new[oid_at..oid_at + HASH].copy_from_slice(&name);
                Some(name)
            }
            None => None,
        };
        let mut file = self.file.take().expect("lock file open until commit");
        write_hashed(&mut file, &index)?;
        drop(file);
        let path = self.lock.with_file_name("index");
        fs::rename(&self.lock, path)?;
        self.lock = PathBuf::new();
        match (rotated, index.keeps) {
            (Some(new), _) => split::clean_shared(&git_dir, &new),
            (None, Some(kept)) => split::mark_in_use(&git_dir, &kept),
            (None, None) => {}
        }
        Ok(())
    }
}

/// Write `index` and its checksum into `file`; returns the checksum.
fn write_hashed(file: &mut File, index: &NewIndex) -> Result<[u8; HASH]> {
    let len = index.len();
    if len >= HASH_ALONGSIDE {
        // Blocks allocated up front: ext4 otherwise allocates them all when the file is
        // renamed over the old index (its guard for replace-by-rename), which costs
        // more than the write. Where this is not supported it is only slower.
        let _ = rustix::fs::fallocate(
            &file,
            rustix::fs::FallocateFlags::empty(),
            0,
            (len + HASH) as u64,
        );
    }
    let hash = std::thread::scope(|s| -> Result<[u8; HASH]> {
        let alongside = (len >= HASH_ALONGSIDE).then(|| s.spawn(|| index.hash()));
        for chunk in index.chunks() {
            file.write_all(chunk)?;
        }
        Ok(match alongside {
            Some(thread) => thread
                .join()
                .map_err(|_| Error::Internal(t!("store-thread-died")))?,
            None => index.hash(),
        })
    })?;
    file.write_all(&hash)?;
    Ok(hash)
}

impl Drop for LockedIndex {
    fn drop(&mut self) {
        if !self.lock.as_os_str().is_empty() {
            let _ = fs::remove_file(&self.lock);
        }
    }
}

/// The fixed part of a new entry for `path`: stat data, object id, flags.
fn new_fixed(path: &[u8], (blob, m): (Oid, &fs::Metadata)) -> [u8; FIXED] {
    use std::os::unix::fs::MetadataExt;
    let mut b = [0u8; FIXED];
    let words = [
        m.ctime() as u32,
        m.ctime_nsec() as u32,
        m.mtime() as u32,
        m.mtime_nsec() as u32,
        m.dev() as u32,
        m.ino() as u32,
        0o100644,
        m.uid(),
        m.gid(),
        m.size() as u32,
    ];
    for (k, w) in words.iter().enumerate() {
        b[k * 4..k * 4 + 4].copy_from_slice(&w.to_be_bytes());
    }
    b[40..60].copy_from_slice(blob.as_bytes());
    let flags = path.len().min(NAME_MASK as usize) as u16;
    b[60..62].copy_from_slice(&flags.to_be_bytes());
    b
}

/// git's offset encoding (as for OFS_DELTA in packs), used for the prefix length in v4.
fn put_varint(out: &mut Vec<u8>, mut value: usize) {
    let mut buf = [0u8; 16];
    let mut pos = buf.len() - 1;
    buf[pos] = (value & 127) as u8;
    value >>= 7;
    while value != 0 {
        value -= 1;
        pos -= 1;
        buf[pos] = 128 | (value & 127) as u8;
        value >>= 7;
    }
    out.extend_from_slice(&buf[pos..]);
}

/// The value and the number of bytes read.
fn varint(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut n = 0;
    let mut c = *bytes.get(n)?;
    n += 1;
    let mut value = (c & 127) as usize;
    while c & 128 != 0 {
        c = *bytes.get(n)?;
        n += 1;
        value = value.checked_add(1)?.checked_mul(128)? + (c & 127) as usize;
    }
    Some((value, n))
}

/// Copy one cache-tree node and its subtrees from `data` at `at` into `out`, marking invalid
/// (entry count -1, no object id) every directory that holds one of the `changed` paths
/// (sorted). `dir` is the node's directory, "" for the root.
fn invalidate_tree(
    data: &[u8],
    at: &mut usize,
    parent: &str,
    root: bool,
    changed: &[&str],
    out: &mut Vec<u8>,
) -> Option<()> {
    let nul = data.get(*at..)?.iter().position(|&b| b == 0)?;
    let name = std::str::from_utf8(&data[*at..*at + nul]).ok()?;
    let dir = match (root, parent.is_empty()) {
        (true, _) => String::new(),
        (false, true) => name.to_string(),
        (false, false) => format!("{parent}/{name}"),
    };
    out.extend_from_slice(&data[*at..=*at + nul]);
    *at += nul + 1;
    let nl = data.get(*at..)?.iter().position(|&b| b == b'\n')?;
    let line = std::str::from_utf8(&data[*at..*at + nl]).ok()?;
    *at += nl + 1;
    let (entries, subtrees) = line.split_once(' ')?;
    let entries: i64 = entries.parse().ok()?;
    let subtrees: usize = subtrees.parse().ok()?;
    let prefix = format!("{dir}/");
    let holds = (root && !changed.is_empty()) || {
        let first = changed.partition_point(|p| *p < prefix.as_str());
        changed.get(first).is_some_and(|p| p.starts_with(&prefix))
    };
    if entries >= 0 {
        let oid = data.get(*at..*at + HASH)?;
        *at += HASH;
        if holds {
            out.extend_from_slice(format!("-1 {subtrees}\n").as_bytes());
        } else {
            out.extend_from_slice(format!("{entries} {subtrees}\n").as_bytes());
            out.extend_from_slice(oid);
        }
    } else {
        out.extend_from_slice(format!("-1 {subtrees}\n").as_bytes());
    }
    for _ in 0..subtrees {
        invalidate_tree(data, at, &dir, false, changed, out)?;
    }
    Some(())
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    pub(super) fn git(dir: &Path, args: &[&str]) -> String {
        let out = Command::new("git")
            .args(args)
            .current_dir(dir)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.cn")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.cn")
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    pub(super) fn write(dir: &Path, path: &str, text: &str) -> fs::Metadata {
        let full = dir.join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(&full, text).unwrap();
        fs::symlink_metadata(&full).unwrap()
    }

    /// Write `files` (path, text) into the working tree and put their entries into the
    /// index through `index`, as a write does; returns each file's path and blob.
    pub(super) fn put_through(
        d: &Path,
        repo: &Repository,
        index: &IndexFile,
        files: &[(&str, &str)],
    ) -> Vec<(String, Oid)> {
        let metas: Vec<(String, Oid, fs::Metadata)> = files
            .iter()
            .map(|(path, text)| {
                let meta = write(d, path, text);
                (path.to_string(), repo.blob(text.as_bytes()).unwrap(), meta)
            })
            .collect();
        let entries: Vec<Change> = metas
            .iter()
            .map(|(path, oid, meta)| Change::put(path, *oid, meta))
            .collect();
        LockedIndex::acquire(repo.path())
            .unwrap()
            .commit(index.with(&entries))
            .unwrap();
        metas.into_iter().map(|(p, o, _)| (p, o)).collect()
    }

    /// A repository whose index has the cache tree of its last commit, in `version`.
    fn repo(version: u32) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        git(d, &["init", "-q", "-b", "main"]);
        write(d, "casebook.toml", "county = \"x\"\n");
        write(d, ".gitattributes", "*.toml text eol=lf\n");
        for dept in ["HRSS", "TAX"] {
            for seq in [1, 2, 3, 99, 100, 101, 250] {
                let id = format!("{dept}-2026-{seq:04}");
                let path = format!("cases/2026/{dept}/{:02}/{id}.toml", seq / 100);
                write(d, &path, &format!("id = \"{id}\"\n"));
            }
        }
        git(d, &["add", "-A"]);
        git(d, &["commit", "-q", "-m", "start"]);
        // `git status` and `commit` leave a cache tree; make sure there is one.
        git(d, &["read-tree", "HEAD"]);
        git(d, &["update-index", "--refresh", "-q"]);
        git(
            d,
            &["update-index", "--index-version", &version.to_string()],
        );
        let index = fs::read(d.join(".git/index")).unwrap();
        assert!(index.windows(4).any(|w| w == b"TREE"), "a cache tree");
        if version == 3 {
            // git writes version 3 only when an entry has extended flags.
            write(d, "ita.txt", "intent to add\n");
            git(d, &["add", "-N", "ita.txt"]);
        }
        dir
    }

    /// Write files as a commit of this tool would, update the index here, and check that git
    /// (status, fsck, write-tree through the cache tree) and libgit2 agree with the result.
    fn splice_and_check(version: u32, files: &[(&str, &str)]) {
        let dir = repo(version);
        let d = dir.path();
        let repo = Repository::open(d).unwrap();
        let before = IndexFile::read(repo.path()).unwrap().expect("ours");
        assert_eq!(before.version, version);
        let metas = put_through(d, &repo, &before, files);
        assert!(!repo.path().join("index.lock").exists());

        // git reads it, checksum included, and sees exactly the files put as staged.
        git(d, &["fsck", "--no-dangling", "--no-progress"]);
        let ita = if version == 3 { "ita.txt\n" } else { "" };
        assert_eq!(
            git(d, &["diff", "--name-only"]),
            ita,
            "working tree = index"
        );
        let mut staged: Vec<&str> = files.iter().map(|(p, _)| *p).collect();
        staged.sort();
        staged.dedup();
        let listed = git(d, &["diff", "--cached", "--name-only"]);
        assert_eq!(listed.lines().collect::<Vec<_>>(), staged);
        // The cache tree was invalidated where it had to be: git's tree from this index is
        // the tree of a fresh index of the same working tree.
        let ours = git(d, &["write-tree"]);
        let fresh = d.join(".git/fresh-index");
        let fresh_tree = {
            let run = |args: &[&str]| {
                let out = Command::new("git")
                    .args(args)
                    .current_dir(d)
                    .env("GIT_INDEX_FILE", &fresh)
                    .env("GIT_CONFIG_GLOBAL", "/dev/null")
                    .env("GIT_CONFIG_NOSYSTEM", "1")
                    .output()
                    .unwrap();
                assert!(out.status.success());
                String::from_utf8(out.stdout).unwrap()
            };
            run(&["add", "-A", ".", ":!ita.txt"]);
            run(&["write-tree"])
        };
        assert_eq!(ours, fresh_tree);
        // libgit2 reads it too, with the same entries.
        let index = repo.index().unwrap();
        for (path, oid) in &metas {
            let e = index.get_path(Path::new(path), 0).expect("entry");
            assert_eq!(e.id, *oid, "{path}");
        }
        // And our own reader finds them again; the file is version 4 now.
        let after = IndexFile::read(repo.path()).unwrap().expect("ours");
        assert_eq!(after.version, 4);
        assert_eq!(after.slots.len(), index.len());
        for (path, oid) in &metas {
            let found = after.lookup(path);
            assert_eq!(found.len(), 1, "{path}");
            assert_eq!(
                (found[0].oid, found[0].mode, found[0].stage),
                (*oid, 0o100644, 0)
            );
        }
        // A second splice on the version 4 file keeps it whole too.
        let meta = write(d, "cases/2026/TAX/00/TAX-2026-0002.toml", "id = 2\n");
        let oid = repo.blob(b"id = 2\n").unwrap();
        let again = [Change::put(
            "cases/2026/TAX/00/TAX-2026-0002.toml",
            oid,
            &meta,
        )];
        let lock = LockedIndex::acquire(repo.path()).unwrap();
        lock.commit(after.with(&again)).unwrap();
        git(d, &["fsck", "--no-dangling", "--no-progress"]);
        assert_eq!(git(d, &["diff", "--name-only"]), ita);
        let changed =
            staged.len() + usize::from(!staged.contains(&"cases/2026/TAX/00/TAX-2026-0002.toml"));
        git(d, &["add", "-A"]);
        let status = git(d, &["status", "--porcelain"]);
        assert_eq!(
            status.lines().count(),
            changed + ita.lines().count(),
            "{status}"
        );
    }

    #[test]
    fn a_changed_file_and_new_files_are_spliced_into_every_index_version() {
        let files = [
            // changed, in the middle
            ("cases/2026/TAX/01/TAX-2026-0101.toml", "id = \"changed\"\n"),
            // new, between entries, in a new directory, first and last
            ("cases/2026/TAX/00/TAX-2026-0004.toml", "id = 4\n"),
            ("cases/2026/MEDICAL/00/MEDICAL-2026-0001.toml", "id = 1\n"),
            (".aaa", "first\n"),
            ("zzz.toml", "last\n"),
            // the casebook itself
            ("casebook.toml", "county = \"y\"\n"),
        ];
        for version in [2, 3, 4] {
            splice_and_check(version, &files);
            splice_and_check(version, &files[..1]);
            splice_and_check(version, &files[1..2]);
        }
    }

    #[test]
    fn removed_files_leave_every_index_version() {
        // First, between two kept, last of a directory (which goes), with a file put in the
        // same update, and one never there.
        let gone = [
            "casebook.toml",
            "cases/2026/TAX/00/TAX-2026-0002.toml",
            "cases/2026/HRSS/02/HRSS-2026-0250.toml",
            "cases/2026/TAX/09/TAX-2026-0999.toml",
        ];
        for version in [2, 3, 4] {
            let dir = repo(version);
            let d = dir.path();
            let repo = Repository::open(d).unwrap();
            let index = IndexFile::read(repo.path()).unwrap().expect("ours");
            let before = git(d, &["ls-files"]);
            for path in gone {
                let _ = fs::remove_file(d.join(path));
            }
            let put = "cases/2026/TAX/00/TAX-2026-0003.toml";
            let meta = write(d, put, "id = \"changed\"\n");
            let oid = repo.blob(b"id = \"changed\"\n").unwrap();
            let mut changes: Vec<Change> = gone.iter().map(|p| Change::remove(p)).collect();
            changes.push(Change::put(put, oid, &meta));
            LockedIndex::acquire(repo.path())
                .unwrap()
                .commit(index.with(&changes))
                .unwrap();
            git(d, &["fsck", "--no-dangling", "--no-progress"]);
            let ita = if version == 3 { "ita.txt\n" } else { "" };
            assert_eq!(git(d, &["diff", "--name-only"]), ita, "v{version}");
            let expected: Vec<&str> = before.lines().filter(|l| !gone.contains(l)).collect();
            let after = git(d, &["ls-files"]);
            assert_eq!(after.lines().collect::<Vec<_>>(), expected, "v{version}");
            assert_eq!(
                git(d, &["diff", "--cached", "--name-status"]),
                "D\tcasebook.toml\nD\tcases/2026/HRSS/02/HRSS-2026-0250.toml\n\
                 D\tcases/2026/TAX/00/TAX-2026-0002.toml\nM\tcases/2026/TAX/00/TAX-2026-0003.toml\n",
                "v{version}"
            );
            let ours = IndexFile::read(repo.path()).unwrap().expect("ours");
            for path in gone {
                assert!(ours.lookup(path).is_empty(), "{path}");
            }
            // The cache tree was invalidated where files went: the tree git writes from the
            // index has none of them.
            git(d, &["commit", "-q", "-m", "removed"]);
            let pending = if version == 3 { " A ita.txt\n" } else { "" };
            assert_eq!(git(d, &["status", "--porcelain"]), pending, "v{version}");
            let tree = git(d, &["ls-tree", "-r", "--name-only", "HEAD"]);
            assert!(gone.iter().all(|g| !tree.contains(g)), "{tree}");
        }
    }

    #[test]
    fn an_empty_index_gets_the_files() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        git(d, &["init", "-q", "-b", "main"]);
        let repo = Repository::open(d).unwrap();
        let index = IndexFile::read(repo.path()).unwrap().expect("empty");
        assert!(index.stamp.is_none() && index.slots.is_empty());
        let meta = write(d, "casebook.toml", "x = 1\n");
        let oid = repo.blob(b"x = 1\n").unwrap();
        let entries = [Change::put("casebook.toml", oid, &meta)];
        LockedIndex::acquire(repo.path())
            .unwrap()
            .commit(index.with(&entries))
            .unwrap();
        assert_eq!(
            git(d, &["ls-files", "-s"]),
            format!("100644 {oid} 0\tcasebook.toml\n")
        );
        git(d, &["fsck", "--no-dangling", "--no-progress"]);
    }

    #[test]
    fn a_mandatory_extension_leaves_the_index_to_libgit2() {
        let dir = repo(2);
        let path = dir.path().join(".git/index");
        let mut bytes = fs::read(&path).unwrap();
        assert!(IndexFile::parse(Bytes::Owned(bytes.clone()), None).is_some());
        let at = bytes.len() - HASH;
        let ext = [b"sdir".as_slice(), &0u32.to_be_bytes()].concat();
        bytes.splice(at..at, ext);
        assert!(IndexFile::parse(Bytes::Owned(bytes), None).is_none());
        assert!(IndexFile::parse(Bytes::Owned(b"DIRC\0\0\0\x05".to_vec()), None).is_none());
    }

    #[test]
    fn an_existing_lock_is_an_error_and_stays() {
        let dir = repo(4);
        let git_dir = dir.path().join(".git");
        fs::write(git_dir.join("index.lock"), "").unwrap();
        assert!(LockedIndex::acquire(&git_dir).is_err());
        assert!(git_dir.join("index.lock").exists(), "someone else's lock");
        fs::remove_file(git_dir.join("index.lock")).unwrap();
        drop(LockedIndex::acquire(&git_dir).unwrap());
        assert!(
            !git_dir.join("index.lock").exists(),
            "ours, removed on drop"
        );
    }

    /// Above `HASH_ALONGSIDE` the file (here the shared part of the index, now split) is
    /// preallocated and hashed on a second thread.
    #[test]
    fn a_large_index_is_written_whole() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        git(d, &["init", "-q", "-b", "main"]);
        let blob = git(d, &["hash-object", "-w", "--stdin"]);
        let blob = blob.trim();
        let info: String = (0..20_000)
            .map(|i| {
                format!(
                    "100644 {blob}\tcases/2026/TAX/{:02}/TAX-2026-{i:05}.toml\n",
                    i / 100
                )
            })
            .collect();
        let mut child = Command::new("git")
            .args(["update-index", "--index-info"])
            .current_dir(d)
            .stdin(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(info.as_bytes())
            .unwrap();
        assert!(child.wait().unwrap().success());
        git(d, &["update-index", "--index-version", "4"]);
        let repo = Repository::open(d).unwrap();
        let index = IndexFile::read(repo.path()).unwrap().expect("ours");
        let path = "cases/2026/TAX/50/TAX-2026-05050.toml";
        let meta = write(d, path, "id = 1\n");
        let oid = repo.blob(b"id = 1\n").unwrap();
        let new = index.with(&[Change::put(path, oid, &meta)]);
        let shared = new.shared.as_ref().map(|(s, _)| s.len()).expect("split");
        assert!(shared >= HASH_ALONGSIDE);
        LockedIndex::acquire(repo.path())
            .unwrap()
            .commit(new)
            .unwrap();
        git(d, &["fsck", "--no-dangling", "--no-progress"]);
        let listed = git(d, &["ls-files", "-s"]);
        assert_eq!(listed.lines().count(), 20_000);
        assert!(listed.contains(&format!("100644 {oid} 0\t{path}\n")));
    }

    #[test]
    fn an_index_without_changes_is_written_back_byte_for_byte() {
        let dir = repo(4);
        let bytes = fs::read(dir.path().join(".git/index")).unwrap();
        let index = IndexFile::parse(Bytes::Owned(bytes.clone()), None).expect("ours");
        assert_eq!(index.with(&[]).to_vec(), bytes);
    }

    #[test]
    fn varints_round_trip() {
        for value in [
            0,
            1,
            127,
            128,
            129,
            255,
            16383,
            16384,
            16511,
            1 << 20,
            123_456_789,
        ] {
            let mut out = vec![];
            put_varint(&mut out, value);
            assert_eq!(varint(&out), Some((value, out.len())), "{value}");
        }
    }
}
