//! git's split index (`core.splitIndex`; "Split index" in gitformat-index.txt). The entries
//! live in a shared file, `.git/sharedindex.<its checksum>`, which is never changed; the
//! index file itself holds only what changed since: entries that replace shared ones (with
//! empty names, in the order of the shared ones), entries added, and in its `link`
//! extension the shared file's id and two bitmaps (EWAH, as git writes them) of the shared
//! entries deleted and replaced. A write then rewrites and hashes a small file instead of
//! every entry of a large casebook.
//!
//! git reads and keeps such an index (it keeps an index split unless `core.splitIndex` is
//! false). When the changed entries pass a twentieth of all (git's own limit,
//! `splitIndex.maxPercentChange`, is a fifth), the next write makes a new shared file. A
//! shared file no longer in use is removed two weeks after its last use, as git does
//! (`splitIndex.sharedIndexExpire`). libgit2 cannot read a split index, and is never given
//! one: every update of an index this module reads, removals included, is made here.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

/// From this many entries on, a write leaves the index split.
pub(crate) const SPLIT_FROM: usize = 4096;
/// The share of changed entries (percent) above which a new shared file is written: lower
/// than git's 20, because each write of this tool takes apart and writes again every
/// changed entry (at 100,000 cases, at most 5,000 entries; a new shared file is 7 MB).
const MAX_PERCENT: usize = 5;
/// A shared file not used for this long is removed (git's default).
const SHARED_EXPIRY: Duration = Duration::from_secs(14 * DAY.as_secs());
const DAY: Duration = Duration::from_secs(24 * 3600);
/// The start of the name of a shared file this tool is writing (then renamed to
/// [`shared_name`]).
const TEMP_PREFIX: &str = "sharedindex_dispute_";

/// The file name of the shared part with checksum `oid`, as git names it.
fn shared_name(oid: &[u8; HASH]) -> String {
    format!("sharedindex.{}", hex(oid))
}

/// How long ago a file was last changed (its time), when that can be told.
fn age(meta: std::io::Result<fs::Metadata>) -> Option<Duration> {
    meta.and_then(|m| m.modified()).ok()?.elapsed().ok()
}

/// The shared part notes the path of every this many entries (see [`Shared`]).
const STEP: usize = 32;

/// The shared part of a split index, read for a few lookups: its entries are walked once
/// to find where each starts, and only every [`STEP`]th path is kept; a lookup decodes the
/// run of entries from the last such mark before the path. (Every path of a 100,000-case
/// index, kept, is 4 MB of memory to fill on each write.)
pub(super) struct Shared {
    bytes: Bytes,
    version: u32,
    /// How many entries.
    pub(super) count: usize,
    marks: Vec<Mark>,
    names: Vec<u8>,
}

/// An entry whose path is kept: its position, where it starts and ends, and its path in
/// `Shared::names`.
struct Mark {
    at: u32,
    start: u32,
    end: u32,
    name: Range<u32>,
}

impl Shared {
    /// The shared part `oid` of the index in `git_dir`. Its marks come from
    /// `.git/dispute-shared-marks` when that file was made for this shared part (then the
    /// entries are not walked at all); else the entries are walked and the marks saved.
    fn read(git_dir: &Path, oid: &[u8; HASH]) -> Result<Option<Shared>> {
        let file = match File::open(git_dir.join(shared_name(oid))) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        let bytes = Bytes::of(&file)?;
        let Some((version, count, end)) = header(&bytes) else {
            return Ok(None);
        };
        if bytes[end..] != oid[..] {
            return Ok(None);
        }
        let cache = git_dir.join(MARKS_FILE);
        if let Some((marks, names)) = fs::read(&cache)
            .ok()
            .and_then(|data| load_marks(&data, oid, &bytes))
        {
            return Ok(Some(Shared {
                version,
                count,
                bytes,
                marks,
                names,
            }));
        }
        let shared = Shared::parse(bytes, version, count, end);
        if let Some(shared) = &shared {
            // Only a cache: a write that fails costs the walk again next time.
            let _ = replace_file(&cache, &shared.save_marks(oid));
        }
        Ok(shared)
    }

    /// The marks as `.git/dispute-shared-marks` keeps them: `DSM1`, the shared part's id,
    /// its version, entry count, the step and the number of marks, then each mark
    /// (position, start, end, path length, path), all numbers 32-bit big-endian, and a
    /// CRC-32 of all before it.
    fn save_marks(&self, oid: &[u8; HASH]) -> Vec<u8> {
        let mut out = b"DSM1".to_vec();
        out.extend_from_slice(oid);
        for n in [
            self.version,
            self.count as u32,
            STEP as u32,
            self.marks.len() as u32,
        ] {
            out.extend_from_slice(&n.to_be_bytes());
        }
        for m in &self.marks {
            let name = self.mark_name(m);
            for n in [m.at, m.start, m.end, name.len() as u32] {
                out.extend_from_slice(&n.to_be_bytes());
            }
            out.extend_from_slice(name);
        }
        let crc = crc32fast::hash(&out);
        out.extend_from_slice(&crc.to_be_bytes());
        out
    }

    /// Walk the entries of `bytes` (an index file of `version` and `count` entries, which
    /// end at `end`) to make their marks.
    fn parse(bytes: Bytes, version: u32, count: usize, end: usize) -> Option<Shared> {
        let mut marks = Vec::with_capacity(count / STEP + 1);
        let mut names = vec![];
        let mut cur: Vec<u8> = Vec::with_capacity(256);
        let mut pos = HEADER;
        for at in 0..count {
            let entry_end = next_entry(&bytes, version, pos, end, &mut cur)?;
            if at % STEP == 0 {
                let first = names.len() as u32;
                names.extend_from_slice(&cur);
                marks.push(Mark {
                    at: at as u32,
                    start: pos as u32,
                    end: entry_end as u32,
                    name: first..names.len() as u32,
                });
            }
            pos = entry_end;
        }
        // No extension that must be understood (git writes a shared part without any).
        if link_extension(&bytes, pos, end)?.is_some() {
            return None;
        }
        Some(Shared {
            bytes,
            version,
            count,
            marks,
            names,
        })
    }

    fn mark_name(&self, mark: &Mark) -> &[u8] {
        &self.names[mark.name.start as usize..mark.name.end as usize]
    }

    /// Call `f` with each entry from the `from`th mark on (position, path, fixed part)
    /// while it returns true.
    fn walk(&self, from: usize, mut f: impl FnMut(u32, &[u8], Fixed) -> bool) {
        let Some(mark) = self.marks.get(from) else {
            return;
        };
        let end = self.bytes.len() - HASH;
        let mut cur = self.mark_name(mark).to_vec();
        if !f(mark.at, &cur, fixed_at(&self.bytes, mark.start as usize)) {
            return;
        }
        let mut pos = mark.end as usize;
        for at in mark.at as usize + 1..self.count {
            // Parsed when its marks were made: a failure here ends the walk.
            let Some(entry_end) = next_entry(&self.bytes, self.version, pos, end, &mut cur) else {
                return;
            };
            if !f(at as u32, &cur, fixed_at(&self.bytes, pos)) {
                return;
            }
            pos = entry_end;
        }
    }

    /// The entries of `path` (every stage): their positions and fixed parts.
    fn find(&self, path: &[u8]) -> Vec<(u32, Fixed)> {
        // From the last mark before `path`: entries of one path may cross a mark.
        let from = self
            .marks
            .partition_point(|m| self.mark_name(m) < path)
            .saturating_sub(1);
        let mut found = vec![];
        self.walk(from, |at, name, fixed| {
            if name == path {
                found.push((at, fixed));
            }
            name <= path
        });
        found
    }
}

/// The cache of the marks of the shared part in use (see [`Shared::read`]).
const MARKS_FILE: &str = "dispute-shared-marks";

/// The marks of `data` (see [`Shared::save_marks`]) if they were made for the shared part
/// `oid`, whose bytes are `bytes`, and are whole: its checksum, its header and every mark
/// within the entries, in order.
fn load_marks(data: &[u8], oid: &[u8; HASH], bytes: &[u8]) -> Option<(Vec<Mark>, Vec<u8>)> {
    let body = data.len().checked_sub(4)?;
    if data.get(..4)? != b"DSM1"
        || data.get(4..4 + HASH)? != oid
        || crc32fast::hash(&data[..body]) != be32(data, body)?
    {
        return None;
    }
    let header = 4 + HASH;
    let (version, count) = (be32(data, header)?, be32(data, header + 4)?);
    let (step, n) = (
        be32(data, header + 8)? as usize,
        be32(data, header + 12)? as usize,
    );
    if version != be32(bytes, 4)? || count != be32(bytes, 8)? || step != STEP {
        return None;
    }
    let end = bytes.len() - HASH;
    let mut marks = Vec::with_capacity(n);
    let mut names = vec![];
    let mut at = header + 16;
    for k in 0..n {
        let (pos, start, stop, len) = (
            be32(data, at)?,
            be32(data, at + 4)?,
            be32(data, at + 8)?,
            be32(data, at + 12)? as usize,
        );
        let name = data.get(at + 16..at + 16 + len)?;
        if pos as usize != k * STEP || pos >= count || start >= stop || stop as usize > end {
            return None;
        }
        let first = names.len() as u32;
        names.extend_from_slice(name);
        marks.push(Mark {
            at: pos,
            start,
            end: stop,
            name: first..names.len() as u32,
        });
        at += 16 + len;
    }
    (at == body && n == (count as usize).div_ceil(STEP)).then_some((marks, names))
}

/// A split index as read: its shared part and how the index file changes it. The index
/// file's first `replaced.len()` entries replace those shared ones; the rest are added.
pub(crate) struct Split {
    pub(super) base: Shared,
    oid: [u8; HASH],
    deleted: Vec<u32>,
    replaced: Vec<u32>,
}

/// The entries of a split index taken apart, to be changed and written again.
struct State {
    replaced: BTreeMap<u32, Fixed>,
    deleted: BTreeSet<u32>,
    /// By path and stage.
    added: BTreeMap<(Vec<u8>, u16), Fixed>,
}

impl Split {
    /// The shared part and bitmaps of `own`, whose `link` extension names them. `None`
    /// for anything that does not fit (the shared file missing or not the one named, a
    /// position past its end, names where there should be none): `IndexFile::read` then
    /// refuses the index with the way to mend it.
    pub(super) fn load(git_dir: &Path, own: &IndexFile) -> Result<Option<Split>> {
        let Some(link) = own.link.clone() else {
            return Ok(None);
        };
        let data = &own.bytes[link];
        let Some(oid) = data
            .get(..HASH)
            .and_then(|o| <[u8; HASH]>::try_from(o).ok())
        else {
            return Ok(None);
        };
        let (deleted, replaced) = if data.len() == HASH {
            (vec![], vec![])
        } else {
            let Some((deleted, n)) = ewah_read(&data[HASH..]) else {
                return Ok(None);
            };
            let Some((replaced, m)) = ewah_read(&data[HASH + n..]) else {
                return Ok(None);
            };
            if HASH + n + m != data.len() {
                return Ok(None);
            }
            (deleted, replaced)
        };
        let Some(base) = Shared::read(git_dir, &oid)? else {
            return Ok(None);
        };
        let n = base.count as u32;
        let r = replaced.len();
        let fits = deleted.iter().chain(&replaced).all(|&p| p < n)
            && r <= own.slots.len()
            && own.slots[..r].iter().all(|s| s.path_len == 0)
            && own.slots[r..].iter().all(|s| s.path_len != 0)
            && own.slots[r..]
                .windows(2)
                .all(|w| own.path(&w[0]) <= own.path(&w[1]));
        Ok(fits.then_some(Split {
            base,
            oid,
            deleted,
            replaced,
        }))
    }

    /// The entries of `path`, every stage: an added one first, then a shared one (or its
    /// replacement) that is not deleted.
    pub(super) fn lookup(&self, own: &IndexFile, path: &[u8]) -> Vec<IndexRecord> {
        let added = &own.slots[self.replaced.len()..];
        let first = added.partition_point(|s| own.path(s) < path);
        let mut out: Vec<IndexRecord> = added[first..]
            .iter()
            .take_while(|s| own.path(s) == path)
            .map(|s| own.fixed(s).record())
            .collect();
        for (at, shared) in self.base.find(path) {
            if self.deleted.binary_search(&at).is_ok() {
                continue;
            }
            let fixed = match self.replaced.binary_search(&at) {
                Ok(k) => own.fixed(&own.slots[k]),
                Err(_) => shared,
            };
            let record = fixed.record();
            if !out.iter().any(|o| o.stage == record.stage) {
                out.push(record);
            }
        }
        out.sort_by_key(|r| r.stage);
        out
    }

    fn state(&self, own: &IndexFile) -> State {
        let r = self.replaced.len();
        State {
            replaced: self
                .replaced
                .iter()
                .zip(&own.slots)
                .map(|(at, s)| (*at, own.fixed(s)))
                .collect(),
            deleted: self.deleted.iter().copied().collect(),
            added: own.slots[r..]
                .iter()
                .map(|s| {
                    let fixed = own.fixed(s);
                    ((own.path(s).to_vec(), fixed.stage()), fixed)
                })
                .collect(),
        }
    }

    /// The index with `updates` made: the index file with the changes since the shared
    /// part, or a new shared part when the changes have grown too many.
    pub(super) fn with<'a>(&self, own: &'a IndexFile, updates: &[Change]) -> NewIndex<'a> {
        let base = &self.base;
        let mut state = self.state(own);
        for update in updates {
            let path = update.path.as_bytes();
            let stale: Vec<(Vec<u8>, u16)> = state
                .added
                .range((path.to_vec(), 0)..=(path.to_vec(), 3))
                .map(|(k, _)| k.clone())
                .collect();
            for k in stale {
                state.added.remove(&k);
            }
            let live: Vec<(u32, Fixed)> = base
                .find(path)
                .into_iter()
                .filter(|(at, _)| !state.deleted.contains(at))
                .collect();
            let fixed = update.file.map(|file| Fixed {
                bytes: new_fixed(path, file),
                ext: None,
            });
            match (fixed, &live[..]) {
                // Put in place of one entry not in conflict (its replacement if it has one).
                (Some(fixed), &[(at, shared)])
                    if state.replaced.get(&at).unwrap_or(&shared).stage() == 0 =>
                {
                    state.replaced.insert(at, fixed);
                }
                // Else its shared entries are deleted (with any replacement), and a new
                // entry, if any, added.
                (fixed, _) => {
                    for &(at, _) in &live {
                        state.replaced.remove(&at);
                        state.deleted.insert(at);
                    }
                    if let Some(fixed) = fixed {
                        state.added.insert((path.to_vec(), 0), fixed);
                    }
                }
            }
        }
        let changed = changed_paths(updates);
        let own_entries = state.replaced.len() + state.added.len();
        let total = base.count - state.deleted.len() + state.added.len();
        if own_entries * 100 > total * MAX_PERCENT {
            return with_new_shared(own, encode(&[], &self.merged(&state)), &changed);
        }
        let mut out = NewIndex::new(&own.bytes, 512 + own_entries * 100);
        out.header(own_entries);
        for fixed in state.replaced.values() {
            out.put_entry(&named(fixed, 0), fixed.ext, b"", b"");
        }
        let mut prev: &[u8] = b"";
        for ((path, _), fixed) in &state.added {
            out.put_entry(&named(fixed, path.len()), fixed.ext, prev, path);
            prev = path;
        }
        let deleted: Vec<u32> = state.deleted.iter().copied().collect();
        let replaced: Vec<u32> = state.replaced.keys().copied().collect();
        put_link(&mut out, self.oid, &deleted, &replaced);
        own.put_extensions(&mut out, &changed);
        out.keeps = Some(self.oid);
        out
    }

    /// Every entry of the index, sorted as git sorts them.
    fn merged(&self, state: &State) -> Vec<(Vec<u8>, Fixed)> {
        let mut all: Vec<(Vec<u8>, Fixed)> =
            Vec::with_capacity(self.base.count + state.added.len());
        self.base.walk(0, |at, path, shared| {
            if !state.deleted.contains(&at) {
                let fixed = state.replaced.get(&at).copied().unwrap_or(shared);
                all.push((path.to_vec(), fixed));
            }
            true
        });
        for ((path, _), fixed) in &state.added {
            all.push((path.clone(), *fixed));
        }
        all.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.stage().cmp(&b.1.stage())));
        all
    }
}

/// `fixed` with the name length of its flags set to `len` (0 for a replacing entry).
fn named(fixed: &Fixed, len: usize) -> [u8; FIXED] {
    let mut bytes = fixed.bytes;
    let flags = (fixed.flags() & !NAME_MASK) | len.min(NAME_MASK as usize) as u16;
    bytes[60..62].copy_from_slice(&flags.to_be_bytes());
    bytes
}

/// A whole version 4 index of `entries` (no extensions yet).
fn encode<'a>(old: &'a [u8], entries: &[(Vec<u8>, Fixed)]) -> NewIndex<'a> {
    let mut out = NewIndex::new(old, entries.len() * 80 + 64);
    out.header(entries.len());
    let mut prev: &[u8] = b"";
    for (path, fixed) in entries {
        out.put_entry(&named(fixed, path.len()), fixed.ext, prev, path);
        prev = path;
    }
    out
}

/// The index as a new shared part, `shared` (every entry), and an index file with no
/// entries of its own that links to it; the shared part's id is put in when it is written.
/// The extensions of `own` stay in the index file, the cache tree with `changed` invalidated.
pub(super) fn with_new_shared<'a>(
    own: &'a IndexFile,
    shared: NewIndex<'a>,
    changed: &[&str],
) -> NewIndex<'a> {
    let mut out = NewIndex::new(&own.bytes, 512);
    out.header(0);
    let at = put_link(&mut out, [0; HASH], &[], &[]);
    own.put_extensions(&mut out, changed);
    out.shared = Some((Box::new(shared), at));
    out
}

/// Append the `link` extension; returns where in `out`'s new bytes the shared id is.
fn put_link(out: &mut NewIndex, oid: [u8; HASH], deleted: &[u32], replaced: &[u32]) -> usize {
    let mut data = oid.to_vec();
    ewah_write(&mut data, deleted);
    ewah_write(&mut data, replaced);
    out.put(b"link");
    out.put(&(data.len() as u32).to_be_bytes());
    let at = out.new.len();
    out.put(&data);
    at
}

/// Write a shared part as `.git/sharedindex.<checksum>`; returns the checksum.
pub(super) fn write_shared(git_dir: &Path, shared: &NewIndex) -> Result<[u8; HASH]> {
    let temp = git_dir.join(format!("{TEMP_PREFIX}{}", std::process::id()));
    let mut file = File::create(&temp)?;
    let written = write_hashed(&mut file, shared);
    drop(file);
    let hash = match written {
        Ok(hash) => hash,
        Err(e) => {
            let _ = fs::remove_file(&temp);
            return Err(e);
        }
    };
    fs::rename(&temp, git_dir.join(shared_name(&hash)))?;
    Ok(hash)
}

/// A shared part still in use gets a new time, so that neither this tool nor git removes it
/// (at most once a day: the expiry is two weeks, and a look costs one system call where a
/// touch costs three).
pub(super) fn mark_in_use(git_dir: &Path, oid: &[u8; HASH]) {
    let path = git_dir.join(shared_name(oid));
    let fresh = age(fs::metadata(&path)).is_some_and(|age| age < DAY);
    if !fresh && let Ok(file) = File::open(&path) {
        let _ = file.set_modified(std::time::SystemTime::now());
    }
}

/// Remove the shared parts other than `current` that were not used for two weeks (another
/// reader may still be on a recent one), and what a killed write of one left.
pub(super) fn clean_shared(git_dir: &Path, current: &[u8; HASH]) {
    let keep = shared_name(current);
    let Ok(entries) = fs::read_dir(git_dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        // A shared part not used for two weeks, or one this tool began and did not finish
        // (killed) a day ago.
        let expiry = if name.starts_with("sharedindex.") && name != keep {
            SHARED_EXPIRY
        } else if name.starts_with(TEMP_PREFIX) {
            DAY
        } else {
            continue;
        };
        if age(entry.metadata()).is_some_and(|age| age > expiry) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// An EWAH bitmap of the positions `bits` (ascending) as git serialises it
/// (`ewah/ewah_io.c`): the number of bits, the number of 64-bit words, the words (each
/// marker word followed by its literal words), the position of the last marker word.
fn ewah_write(out: &mut Vec<u8>, bits: &[u32]) {
    let mut words: Vec<u64> = vec![];
    let mut last_marker = 0;
    let mut next_word = 0u64;
    let mut i = 0;
    while i < bits.len() {
        let first = u64::from(bits[i] / 64);
        last_marker = words.len();
        words.push(0);
        let mut word_at = first;
        let mut literals = 0u64;
        loop {
            let mut word = 0u64;
            while i < bits.len() && u64::from(bits[i] / 64) == word_at {
                word |= 1 << (bits[i] % 64);
                i += 1;
            }
            words.push(word);
            literals += 1;
            if i < bits.len() && u64::from(bits[i] / 64) == word_at + 1 {
                word_at += 1;
            } else {
                break;
            }
        }
        // Bit 0: the run's bit (0); bits 1-32: the run of empty words; 33-63: literals.
        words[last_marker] = ((first - next_word) << 1) | (literals << 33);
        next_word = word_at + 1;
    }
    if words.is_empty() {
        words.push(0);
    }
    let size = bits.last().map_or(0, |b| b + 1);
    out.extend_from_slice(&size.to_be_bytes());
    out.extend_from_slice(&(words.len() as u32).to_be_bytes());
    for w in &words {
        out.extend_from_slice(&w.to_be_bytes());
    }
    out.extend_from_slice(&(last_marker as u32).to_be_bytes());
}

/// The positions of an EWAH bitmap and the number of bytes it took; `None` if it does not
/// parse or sets more bits than any index has entries.
fn ewah_read(data: &[u8]) -> Option<(Vec<u32>, usize)> {
    const MOST: u64 = 1 << 24;
    let size = u64::from(be32(data, 0)?);
    let n = be32(data, 4)? as usize;
    let end = 8usize.checked_add(n.checked_mul(8)?)?.checked_add(4)?;
    if data.len() < end || size > MOST * 64 {
        return None;
    }
    let word = |k: usize| u64::from_be_bytes(data[8 + k * 8..16 + k * 8].try_into().unwrap());
    let mut bits = vec![];
    let mut at = 0u64;
    let mut k = 0;
    while k < n {
        let marker = word(k);
        let run = (marker >> 1) & 0xffff_ffff;
        let literals = (marker >> 33) as usize;
        if marker & 1 == 1 {
            let end = ((at + run) * 64).min(size);
            if end.saturating_sub(at * 64) > MOST {
                return None;
            }
            bits.extend((at * 64..end).map(|b| b as u32));
        }
        at += run;
        if k + 1 + literals > n {
            return None;
        }
        for j in 0..literals {
            let w = word(k + 1 + j);
            for b in 0..64 {
                if w >> b & 1 == 1 && at * 64 + b < size {
                    bits.push((at * 64 + b) as u32);
                }
            }
            at += 1;
        }
        k += 1 + literals;
    }
    Some((bits, end))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{git, put_through, write};
    use super::*;

    fn shared_files(git_dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(git_dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("sharedindex"))
            .collect();
        names.sort();
        names
    }

    /// Put `files` (path, text) into the working tree and the index, as a write does.
    fn put(d: &Path, repo: &Repository, files: &[(&str, &str)]) {
        let index = IndexFile::read(repo.path()).unwrap().expect("ours");
        put_through(d, repo, &index, files);
    }

    /// git and this reader see the same entries, nothing is left unstaged, and the objects
    /// and the index pass `git fsck`.
    fn agree(d: &Path, repo: &Repository) {
        git(d, &["fsck", "--no-dangling", "--no-progress"]);
        assert_eq!(git(d, &["diff", "--name-only"]), "", "working tree = index");
        let index = IndexFile::read(repo.path()).unwrap().expect("ours");
        let listed = git(d, &["ls-files", "-s"]);
        for line in listed.lines() {
            let (meta, path) = line.split_once('\t').unwrap();
            let fields: Vec<&str> = meta.split(' ').collect();
            let found = index.lookup(path);
            assert_eq!(found.len(), 1, "{path}");
            assert_eq!(found[0].oid.to_string(), fields[1], "{path}");
            assert_eq!(format!("{:o}", found[0].mode), fields[0], "{path}");
        }
        assert_eq!(index.lookup("no/such/file").len(), 0);
    }

    fn count(git_dir: &Path) -> u32 {
        be32(&fs::read(git_dir.join("index")).unwrap(), 8).unwrap()
    }

    #[test]
    fn ewah_bitmaps_round_trip() {
        for bits in [
            vec![],
            vec![0],
            vec![63],
            vec![64],
            vec![0, 1, 2, 63, 64, 65, 127, 128],
            (0..300).step_by(7).collect(),
            vec![5, 1000, 100_000, 100_001],
        ] {
            let mut out = vec![];
            ewah_write(&mut out, &bits);
            let (back, n) = ewah_read(&out).unwrap();
            assert_eq!(back, bits);
            assert_eq!(n, out.len());
        }
        // Cut short, or a run of ones longer than any index: refused.
        let mut out = vec![];
        ewah_write(&mut out, &[1, 2, 3]);
        assert!(ewah_read(&out[..out.len() - 1]).is_none());
        let mut ones = vec![];
        ones.extend_from_slice(&u32::MAX.to_be_bytes());
        ones.extend_from_slice(&1u32.to_be_bytes());
        ones.extend_from_slice(&((u64::from(u32::MAX) << 1) | 1).to_be_bytes());
        ones.extend_from_slice(&0u32.to_be_bytes());
        assert!(ewah_read(&ones).is_none());
    }

    #[test]
    fn a_split_index_made_by_git_is_read_and_written_as_git_reads_it() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        git(d, &["init", "-q", "-b", "main"]);
        for n in 0..200 {
            write(d, &format!("cases/{n:03}.toml"), &format!("n = {n}\n"));
            // Not written in the same second as the index (racily clean entries, which
            // git moves out of the shared file to re-check them).
            File::options()
                .write(true)
                .open(d.join(format!("cases/{n:03}.toml")))
                .unwrap()
                .set_modified(std::time::SystemTime::now() - Duration::from_secs(10))
                .unwrap();
        }
        git(d, &["add", "-A"]);
        git(d, &["commit", "-q", "-m", "start"]);
        git(d, &["update-index", "--split-index"]);
        // git's own change after the split: one file replaced, one deleted, one added.
        write(d, "cases/003.toml", "n = 33\n");
        git(d, &["add", "cases/003.toml"]);
        git(d, &["rm", "-q", "--cached", "cases/004.toml"]);
        fs::remove_file(d.join("cases/004.toml")).unwrap();
        write(d, "cases/200.toml", "n = 30\n");
        git(d, &["add", "cases/200.toml"]);
        let repo = Repository::open(d).unwrap();
        let index = IndexFile::read(repo.path()).unwrap().expect("ours");
        let split = index.split.as_ref().expect("split");
        assert_eq!(split.replaced.len(), 1);
        assert_eq!(split.deleted.len(), 1);
        assert_eq!(index.lookup("cases/004.toml").len(), 0);
        agree(d, &repo);
        // The shared part's marks were saved, and are what the next read uses.
        let cache = repo.path().join(MARKS_FILE);
        let oid = index.split.as_ref().unwrap().oid;
        let shared_bytes = fs::read(repo.path().join(shared_name(&oid))).unwrap();
        let saved = fs::read(&cache).expect("marks saved");
        let (marks, _) = load_marks(&saved, &oid, &shared_bytes).expect("marks of this part");
        assert_eq!(marks.len(), 200usize.div_ceil(STEP));
        assert!(
            load_marks(&saved, &[0; HASH], &shared_bytes).is_none(),
            "another part's"
        );
        // Damaged: not used (the entries are walked again) and saved anew.
        let mut damaged = saved.clone();
        damaged[40] ^= 0xff;
        fs::write(&cache, &damaged).unwrap();
        assert!(load_marks(&damaged, &oid, &shared_bytes).is_none());
        agree(d, &repo);
        assert_eq!(fs::read(&cache).unwrap(), saved);
        let shared = shared_files(repo.path());
        assert_eq!(shared.len(), 1);

        // This tool's write: a replaced entry changed again, a shared one replaced, one
        // added before all others and one after; the shared file stays, and is marked in
        // use (its time, set three days back here, is now).
        let in_use = repo.path().join(&shared[0]);
        File::options()
            .write(true)
            .open(&in_use)
            .unwrap()
            .set_modified(std::time::SystemTime::now() - Duration::from_secs(3 * 24 * 3600))
            .unwrap();
        put(
            d,
            &repo,
            &[
                ("cases/003.toml", "n = 333\n"),
                ("cases/010.toml", "n = 10 again\n"),
                ("a-first.toml", "first\n"),
                ("cases/201.toml", "n = 31\n"),
            ],
        );
        assert_eq!(shared_files(repo.path()), shared);
        let age = fs::metadata(&in_use)
            .unwrap()
            .modified()
            .unwrap()
            .elapsed()
            .unwrap();
        assert!(age < Duration::from_secs(3600), "marked in use: {age:?}");
        // Two replacing (003, 010), three added (200 by git, a-first, 201).
        assert_eq!(count(repo.path()), 5);
        agree(d, &repo);
        let staged = git(d, &["diff", "--cached", "--name-status"]);
        assert_eq!(
            staged,
            "A\ta-first.toml\nM\tcases/003.toml\nD\tcases/004.toml\nM\tcases/010.toml\nA\tcases/200.toml\nA\tcases/201.toml\n"
        );
        // git writes it after this tool (keeping it split) and this tool reads git's again.
        write(d, "cases/012.toml", "n = 12 by git\n");
        git(d, &["add", "cases/012.toml"]);
        assert!(
            IndexFile::read(repo.path())
                .unwrap()
                .unwrap()
                .split
                .is_some()
        );
        put(d, &repo, &[("cases/013.toml", "n = 13 here\n")]);
        agree(d, &repo);
        // Removals, as a sync makes them: a shared entry, one replaced here (010), one
        // added here (201), and one never there. The two of this file's own go from it.
        let own = count(repo.path());
        let gone = [
            "cases/050.toml",
            "cases/010.toml",
            "cases/201.toml",
            "cases/999.toml",
        ];
        for path in gone {
            let _ = fs::remove_file(d.join(path));
        }
        let index = IndexFile::read(repo.path()).unwrap().expect("ours");
        let changes: Vec<Change> = gone.iter().map(|p| Change::remove(p)).collect();
        LockedIndex::acquire(repo.path())
            .unwrap()
            .commit(index.with(&changes))
            .unwrap();
        assert_eq!(count(repo.path()), own - 2);
        assert_eq!(shared_files(repo.path()), shared, "the shared part stays");
        let listed = git(d, &["ls-files"]);
        assert!(gone.iter().all(|g| !listed.contains(g)), "{listed}");
        agree(d, &repo);
        // The tree git writes from it is the tree of the working tree.
        git(d, &["commit", "-q", "-m", "after"]);
        assert_eq!(git(d, &["status", "--porcelain"]), "");

        // Many changes: a new shared file, the index file empty, the old shared kept (it
        // may still be read by someone) until unused for two weeks.
        let many: Vec<(String, String)> = (0..30)
            .map(|n| (format!("cases/{n:03}.toml"), format!("n = {n} many\n")))
            .collect();
        let many: Vec<(&str, &str)> = many.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        let before = shared_files(repo.path());
        put(d, &repo, &many);
        assert_eq!(count(repo.path()), 0);
        let after = shared_files(repo.path());
        assert_eq!(after.len(), before.len() + 1, "{after:?}");
        assert!(before.iter().all(|b| after.contains(b)));
        agree(d, &repo);
        let old = repo.path().join(&shared[0]);
        File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(std::time::SystemTime::now() - SHARED_EXPIRY - Duration::from_secs(60))
            .unwrap();
        let more: Vec<(String, String)> = (0..30)
            .map(|n| (format!("cases/{n:03}.toml"), format!("n = {n} more\n")))
            .collect();
        let more: Vec<(&str, &str)> = more.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        let left = repo.path().join(format!("{TEMP_PREFIX}1"));
        fs::write(&left, b"half").unwrap();
        File::options()
            .write(true)
            .open(&left)
            .unwrap()
            .set_modified(std::time::SystemTime::now() - Duration::from_secs(25 * 3600))
            .unwrap();
        put(d, &repo, &more);
        assert!(!old.exists(), "unused for two weeks: removed");
        assert!(!left.exists(), "a killed write's leftover: removed");
        agree(d, &repo);

        // A shared part gone: refused with the way to mend it.
        for name in &shared_files(repo.path()) {
            fs::remove_file(repo.path().join(name)).unwrap();
        }
        let err = IndexFile::read(repo.path()).err().expect("refused");
        assert!(
            matches!(&err, Error::WorktreeBlocked { path, reason }
                if path == ".git/index" && reason.contains("git reset")),
            "{err:?}"
        );
    }

    #[test]
    fn a_large_index_is_split_at_its_next_write() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        git(d, &["init", "-q", "-b", "main"]);
        for n in 0..SPLIT_FROM {
            let path = format!("cases/{:02}/{n:05}.toml", n % 100);
            let full = d.join(&path);
            fs::create_dir_all(full.parent().unwrap()).unwrap();
            fs::write(full, format!("n = {n}\n")).unwrap();
        }
        git(d, &["add", "-A"]);
        git(d, &["commit", "-q", "-m", "start"]);
        let repo = Repository::open(d).unwrap();
        assert!(shared_files(repo.path()).is_empty());
        put(d, &repo, &[("cases/00/00000.toml", "n = changed\n")]);
        // All entries in the shared file, none in the index file.
        let shared = shared_files(repo.path());
        assert_eq!(shared.len(), 1);
        assert_eq!(count(repo.path()), 0);
        let split = IndexFile::read(repo.path()).unwrap().unwrap();
        assert_eq!(split.split.as_ref().unwrap().base.count, SPLIT_FROM);
        agree(d, &repo);
        assert_eq!(
            git(d, &["diff", "--cached", "--name-only"]),
            "cases/00/00000.toml\n"
        );
        // The next write leaves the shared file as it is.
        put(d, &repo, &[("cases/new.toml", "new\n")]);
        assert_eq!(shared_files(repo.path()), shared);
        assert_eq!(count(repo.path()), 1);
        agree(d, &repo);
    }
}
