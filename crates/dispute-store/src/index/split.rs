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
//! `splitIndex.maxPercentChange`, is a fifth), the next write makes a new shared file. A shared file no longer in use is removed two
//! weeks after its last use, as git does (`splitIndex.sharedIndexExpire`). libgit2 cannot
//! read a split index: the few places that hand the index to libgit2 first make it whole
//! ([`unsplit`]).

use std::collections::{BTreeMap, BTreeSet};

use super::*;

/// From this many entries on, a write leaves the index split.
pub(crate) const SPLIT_FROM: usize = 4096;
/// The share of changed entries (percent) above which a new shared file is written: lower
/// than git's 20, because each write of this tool takes apart and writes again every
/// changed entry (at 100,000 cases, at most 5,000 entries; a new shared file is 7 MB).
const MAX_PERCENT: usize = 5;
/// A shared file not used for this long is removed (git's default).
const SHARED_EXPIRY: Duration = Duration::from_secs(14 * 24 * 3600);

/// A split index as read: its shared part and how the index file changes it. The index
/// file's first `replaced.len()` entries replace those shared ones; the rest are added.
pub(crate) struct Split {
    base: IndexFile,
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
    /// position past its end, names where there should be none): such an index is left to
    /// libgit2, which reports it.
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
        let path = git_dir.join(format!("sharedindex.{}", hex(&oid)));
        let Some(base) = IndexFile::read_file(&path)? else {
            return Ok(None);
        };
        let n = base.slots.len() as u32;
        let r = replaced.len();
        let fits = base.bytes[base.bytes.len() - HASH..] == oid
            && deleted.iter().chain(&replaced).all(|&p| p < n)
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
        let base = &self.base;
        let first = base.slots.partition_point(|s| base.path(s) < path);
        for (i, slot) in base.slots.iter().enumerate().skip(first) {
            if base.path(slot) != path {
                break;
            }
            let at = i as u32;
            if self.deleted.binary_search(&at).is_ok() {
                continue;
            }
            let fixed = match self.replaced.binary_search(&at) {
                Ok(k) => own.fixed(&own.slots[k]),
                Err(_) => base.fixed(slot),
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

    /// The index with `updates` put in: the index file with the changes since the shared
    /// part, or a new shared part when the changes have grown too many.
    pub(super) fn with<'a>(&self, own: &'a IndexFile, updates: &[NewEntry]) -> NewIndex<'a> {
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
            let first = base.slots.partition_point(|s| base.path(s) < path);
            let live: Vec<u32> = (first..base.slots.len())
                .take_while(|&i| base.path(&base.slots[i]) == path)
                .map(|i| i as u32)
                .filter(|at| !state.deleted.contains(at))
                .collect();
            let fixed = Fixed {
                bytes: new_fixed(update),
                ext: None,
            };
            let stage = |at: u32| match state.replaced.get(&at) {
                Some(f) => f.stage(),
                None => base.fixed(&base.slots[at as usize]).stage(),
            };
            match live[..] {
                [at] if stage(at) == 0 => {
                    state.replaced.insert(at, fixed);
                }
                _ => {
                    for at in live {
                        state.replaced.remove(&at);
                        state.deleted.insert(at);
                    }
                    state.added.insert((path.to_vec(), 0), fixed);
                }
            }
        }
        let changed = changed_paths(updates);
        let own_entries = state.replaced.len() + state.added.len();
        let total = base.slots.len() - state.deleted.len() + state.added.len();
        let mut out = NewIndex::new(&own.bytes, 512 + own_entries * 100);
        if own_entries * 100 > total * MAX_PERCENT {
            let shared = encode(&[], &self.merged(&state));
            out.header(0);
            let at = put_link(&mut out, [0; HASH], &[], &[]);
            own.put_extensions(&mut out, &changed);
            out.shared = Some((Box::new(shared), at));
            return out;
        }
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
    fn merged<'s>(&'s self, state: &'s State) -> Vec<(&'s [u8], Fixed)> {
        let base = &self.base;
        let mut all: Vec<(&[u8], Fixed)> = Vec::with_capacity(base.slots.len() + state.added.len());
        for (i, slot) in base.slots.iter().enumerate() {
            let at = i as u32;
            if state.deleted.contains(&at) {
                continue;
            }
            let fixed = match state.replaced.get(&at) {
                Some(f) => *f,
                None => base.fixed(slot),
            };
            all.push((base.path(slot), fixed));
        }
        for ((path, _), fixed) in &state.added {
            all.push((path, *fixed));
        }
        all.sort_by(|a, b| a.0.cmp(b.0).then(a.1.stage().cmp(&b.1.stage())));
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
fn encode<'a>(old: &'a [u8], entries: &[(&[u8], Fixed)]) -> NewIndex<'a> {
    let mut out = NewIndex::new(old, entries.len() * 80 + 64);
    out.header(entries.len());
    let mut prev: &[u8] = b"";
    for (path, fixed) in entries {
        out.put_entry(&named(fixed, path.len()), fixed.ext, prev, path);
        prev = path;
    }
    out
}

/// Append the `link` extension; returns where in `out`'s new bytes the shared id is.
pub(super) fn put_link(
    out: &mut NewIndex,
    oid: [u8; HASH],
    deleted: &[u32],
    replaced: &[u32],
) -> usize {
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
    let temp = git_dir.join(format!("sharedindex_dispute_{}", std::process::id()));
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
    fs::rename(&temp, git_dir.join(format!("sharedindex.{}", hex(&hash))))?;
    Ok(hash)
}

/// A shared part still in use gets a new time, so that neither this tool nor git removes it.
pub(super) fn mark_in_use(git_dir: &Path, oid: &[u8; HASH]) {
    if let Ok(file) = File::open(git_dir.join(format!("sharedindex.{}", hex(oid)))) {
        let _ = file.set_modified(std::time::SystemTime::now());
    }
}

/// Remove the shared parts other than `current` that were not used for two weeks (another
/// reader may still be on a recent one).
pub(super) fn clean_shared(git_dir: &Path, current: &[u8; HASH]) {
    let keep = format!("sharedindex.{}", hex(current));
    let Ok(entries) = fs::read_dir(git_dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !name.starts_with("sharedindex.") || name == keep {
            continue;
        }
        let unused = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > SHARED_EXPIRY);
        if unused {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Make a split index whole again (one file), for libgit2, which cannot read it.
pub(crate) fn unsplit(git_dir: &Path) -> Result<()> {
    let Some(index) = IndexFile::read(git_dir)? else {
        return Ok(());
    };
    let Some(split) = &index.split else {
        return Ok(());
    };
    let lock = LockedIndex::acquire(git_dir)?;
    let state = split.state(&index);
    let mut whole = encode(&index.bytes, &split.merged(&state));
    index.put_extensions(&mut whole, &[]);
    lock.commit(whole)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
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
        let shared = shared_files(repo.path());
        assert_eq!(shared.len(), 1);

        // This tool's write: a replaced entry changed again, a shared one replaced, one
        // added before all others and one after; the shared file stays.
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
        put(d, &repo, &more);
        assert!(!old.exists(), "unused for two weeks: removed");
        agree(d, &repo);

        // A shared part gone: refused with the way to mend it, and mended that way.
        let in_use = shared_files(repo.path());
        let kept: Vec<(String, Vec<u8>)> = in_use
            .iter()
            .map(|n| (n.clone(), fs::read(repo.path().join(n)).unwrap()))
            .collect();
        for name in &in_use {
            fs::remove_file(repo.path().join(name)).unwrap();
        }
        let err = IndexFile::read(repo.path()).err().expect("refused");
        assert!(
            matches!(&err, Error::WorktreeBlocked { path, reason }
                if path == ".git/index" && reason.contains("git reset")),
            "{err:?}"
        );
        for (name, bytes) in kept {
            fs::write(repo.path().join(name), bytes).unwrap();
        }

        // Made whole for libgit2, with the same entries.
        let listed = git(d, &["ls-files", "-s"]);
        unsplit(repo.path()).unwrap();
        let whole = IndexFile::read(repo.path()).unwrap().unwrap();
        assert!(whole.split.is_none());
        assert_eq!(git(d, &["ls-files", "-s"]), listed);
        let libgit2 = repo.index().unwrap();
        assert_eq!(libgit2.len(), listed.lines().count());
        agree(d, &repo);
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
        assert_eq!(split.split.as_ref().unwrap().base.slots.len(), SPLIT_FROM);
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
