//! The summary cache of `list` and `overdue` in `.git/dispute-summaries`: summaries keyed by
//! blob id, so a cached summary can never be stale, and 100,000 cases need not be parsed
//! on every `list`.

use std::borrow::Cow;

use crate::prelude::*;

/// The first line of the summary cache. It names the tool's version and a digest of the
/// sources that define a summary (its fields, the obligations it holds, the case's
/// states): the cache is binary, so a summary of another shape must never be read as this
/// one; any change there starts a new cache.
pub(crate) fn summary_version() -> String {
    use sha1::{Digest, Sha1};
    let mut shape = Sha1::new();
    for source in [
        include_str!("../../dispute-core/src/summary.rs"),
        include_str!("../../dispute-core/src/workflow.rs"),
        include_str!("../../dispute-core/src/case.rs"),
    ] {
        shape.update(source.as_bytes());
    }
    let shape = hex(&shape.finalize()[..8]);
    format!("dispute-summaries 3 {} {shape}", env!("CARGO_PKG_VERSION"))
}

/// One cached summary: the blob it was made from, the path the blob was read at (the same
/// content at another path is a miss, so a file copied to the wrong place is still parsed,
/// and named), and the summary until it is taken.
struct Cached<'a> {
    blob: Oid,
    path: Cow<'a, str>,
    summary: Option<CaseSummary>,
}

/// The summary cache, as read from its file and added to: the summaries in parts (as
/// decoded, one part a thread, and one of those added), and where each blob's is. Paths
/// are borrowed from the file's bytes, which are mapped, not copied.
pub(crate) struct Summaries<'a> {
    parts: Vec<Vec<Cached<'a>>>,
    /// The part added to, once something is.
    added: Option<usize>,
    by_blob: HashMap<Oid, (u32, u32)>,
}

/// The cache file at `path`, mapped; `None` if there is none.
pub(crate) fn read_summaries(path: &Path) -> Option<crate::index::Bytes> {
    let file = File::open(path).ok()?;
    crate::index::Bytes::of(&file).ok()
}

impl<'a> Summaries<'a> {
    /// The summaries of a cache file's `bytes`: the version line, then the summaries in
    /// parts (postcard, a compact binary serde format), decoded on as many threads, each
    /// straight into its place. Anything unreadable is an empty cache.
    pub(crate) fn decode(bytes: &'a [u8]) -> Summaries<'a> {
        let version = summary_version();
        let parts = bytes
            .strip_prefix(version.as_bytes())
            .and_then(|b| b.strip_prefix(b"\n"))
            .and_then(|body| postcard::from_bytes::<Vec<&[u8]>>(body).ok())
            .unwrap_or_default();
        let decoded: Vec<Option<Vec<Cached>>> = std::thread::scope(|s| {
            let threads: Vec<_> = parts
                .iter()
                .map(|part| s.spawn(move || decode_part(part)))
                .collect();
            threads
                .into_iter()
                .map(|t| t.join().ok().flatten())
                .collect()
        });
        // One part that does not decode makes the whole cache empty.
        Summaries::from_parts(
            decoded
                .into_iter()
                .collect::<Option<_>>()
                .unwrap_or_default(),
        )
    }

    fn from_parts(parts: Vec<Vec<Cached<'a>>>) -> Summaries<'a> {
        let mut by_blob = HashMap::with_capacity(parts.iter().map(Vec::len).sum());
        for (p, part) in parts.iter().enumerate() {
            for (k, cached) in part.iter().enumerate() {
                // A blob cached twice: the later one counts, as a rewrite would keep it.
                by_blob.insert(cached.blob, (p as u32, k as u32));
            }
        }
        Summaries {
            parts,
            added: None,
            by_blob,
        }
    }

    fn get(&self, path: &str, blob: &Oid) -> Option<(usize, usize)> {
        let &(p, k) = self.by_blob.get(blob)?;
        let (p, k) = (p as usize, k as usize);
        (self.parts[p][k].path == path).then_some((p, k))
    }

    /// Whether the summary of `blob` as read at `path` is cached.
    pub(crate) fn has(&self, path: &str, blob: &Oid) -> bool {
        self.get(path, blob).is_some()
    }

    /// Cache the summary of `blob`, read at `path`.
    pub(crate) fn add(&mut self, blob: Oid, path: String, summary: CaseSummary) {
        let p = *self.added.get_or_insert_with(|| {
            self.parts.push(vec![]);
            self.parts.len() - 1
        });
        let part = &mut self.parts[p];
        self.by_blob.insert(blob, (p as u32, part.len() as u32));
        part.push(Cached {
            blob,
            path: Cow::Owned(path),
            summary: Some(summary),
        });
    }

    /// The summary of `blob` as read at `path`, taken out of the cache (which is saved
    /// first, if at all).
    pub(crate) fn take(&mut self, path: &str, blob: &Oid) -> Option<CaseSummary> {
        let (p, k) = self.get(path, blob)?;
        self.parts[p][k].summary.take()
    }

    /// Write the cache to `path` (a new file renamed over the old), with the summaries of
    /// the blobs `keep` keeps: the version line, then the summaries in parts, one a core.
    pub(crate) fn save(&self, path: &Path, keep: impl Fn(&Oid) -> bool) -> Result<()> {
        let keep = &keep;
        let entries: Vec<(&[u8], &str, &CaseSummary)> = self
            .parts
            .iter()
            .enumerate()
            .flat_map(|(p, part)| {
                part.iter().enumerate().filter_map(move |(k, c)| {
                    let summary = c.summary.as_ref()?;
                    let current = self.by_blob.get(&c.blob) == Some(&(p as u32, k as u32));
                    (current && keep(&c.blob)).then(|| (c.blob.as_bytes(), &*c.path, summary))
                })
            })
            .collect();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = entries.len().div_ceil(threads).max(1);
        let mut parts = vec![];
        for part in entries.chunks(chunk) {
            parts.push(postcard::to_stdvec(part).map_err(|e| Error::Internal(e.to_string()))?);
        }
        let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
        let mut bytes = summary_version().into_bytes();
        bytes.push(b'\n');
        bytes.extend(postcard::to_stdvec(&parts).map_err(|e| Error::Internal(e.to_string()))?);
        replace_file(path, &bytes)
    }
}

/// One part of the cache (a count, then each summary with its blob and path), decoded into
/// place; `None` if it does not decode to its end.
fn decode_part(part: &[u8]) -> Option<Vec<Cached<'_>>> {
    let (count, mut rest) = postcard::take_from_bytes::<usize>(part).ok()?;
    // Each summary takes more than its blob's 20 bytes: a count the part cannot hold is
    // damage, not a reason to reserve memory.
    if count > part.len() / 20 {
        return None;
    }
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let ((blob, path, summary), next) =
            postcard::take_from_bytes::<(&[u8], &str, CaseSummary)>(rest).ok()?;
        out.push(Cached {
            blob: Oid::from_bytes(blob).ok()?,
            path: Cow::Borrowed(path),
            summary: Some(summary),
        });
        rest = next;
    }
    rest.is_empty().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dispute_core::case::Status;

    fn summary(i: usize) -> CaseSummary {
        CaseSummary {
            id: format!("TAX-2026-{:04}", i + 1),
            status: Status::Registered,
            track: None,
            category: None,
            payer: format!("芮城县第{i}号缴费单位{}", "王".repeat(i % 7)),
            district: "古魏镇".into(),
            receiving_dept: "tax".into(),
            received_at: dispute_core::calendar::parse_time("2026-11-20 09:30").unwrap(),
            assigned: vec![],
            obligations: vec![],
        }
    }

    fn blob(i: usize) -> Oid {
        Oid::hash_object(ObjectType::Blob, format!("{i}").as_bytes()).unwrap()
    }

    /// `n` summaries as cached: blob, path, summary.
    fn entries(n: usize) -> Vec<(Oid, String, CaseSummary)> {
        (0..n)
            .map(|i| (blob(i), format!("cases/x/{i}.toml"), summary(i)))
            .collect()
    }

    fn cache_of(entries: &[(Oid, String, CaseSummary)]) -> Summaries<'static> {
        let mut cache = Summaries::from_parts(vec![]);
        for (oid, path, summary) in entries {
            cache.add(*oid, path.clone(), summary.clone());
        }
        cache
    }

    /// What the cache file at `path` holds, sorted by path.
    fn read_back(path: &Path) -> Vec<(Oid, String, CaseSummary)> {
        let Some(bytes) = read_summaries(path) else {
            return vec![];
        };
        let mut cache = Summaries::decode(&bytes);
        let mut out: Vec<_> = cache
            .parts
            .iter_mut()
            .flatten()
            .filter_map(|c| Some((c.blob, c.path.to_string(), c.summary.take()?)))
            .collect();
        out.sort_by(|a, b| a.1.cmp(&b.1));
        out
    }

    fn sorted(mut entries: Vec<(Oid, String, CaseSummary)>) -> Vec<(Oid, String, CaseSummary)> {
        entries.sort_by(|a, b| a.1.cmp(&b.1));
        entries
    }

    #[test]
    fn summary_cache_round_trips_whatever_its_size() {
        // The saver splits the summaries into parts (one per core), some of them empty.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        for n in [0, 1, 2, 3, 7, 50, 333] {
            let all = entries(n);
            cache_of(&all).save(&path, |_| true).unwrap();
            assert_eq!(read_back(&path), sorted(all), "{n} entries");
        }
    }

    #[test]
    fn a_cache_file_of_the_previous_reader_is_read() {
        // The parts as the saver of owned summaries wrote them (blob ids as byte vectors):
        // the same bytes, so caches on disk stay valid.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        let all = entries(40);
        let owned: Vec<(Vec<u8>, String, CaseSummary)> = all
            .iter()
            .map(|(o, p, s)| (o.as_bytes().to_vec(), p.clone(), s.clone()))
            .collect();
        let parts: Vec<Vec<u8>> = owned
            .chunks(15)
            .map(|c| postcard::to_stdvec(c).unwrap())
            .collect();
        let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
        let mut bytes = summary_version().into_bytes();
        bytes.push(b'\n');
        bytes.extend(postcard::to_stdvec(&parts).unwrap());
        fs::write(&path, &bytes).unwrap();
        assert_eq!(read_back(&path), sorted(all.clone()));
        // And saved again as read.
        Summaries::decode(&bytes).save(&path, |_| true).unwrap();
        assert_eq!(read_back(&path), sorted(all));
    }

    #[test]
    fn a_summary_is_found_by_blob_and_path_and_taken_once() {
        let all = entries(5);
        let mut cache = cache_of(&all);
        let (oid, path, summary) = &all[2];
        assert!(cache.has(path, oid));
        assert!(
            !cache.has("cases/x/elsewhere.toml", oid),
            "same blob, other path"
        );
        assert!(!cache.has(path, &blob(99)));
        // The same blob cached again at another path: that one counts.
        cache.add(*oid, "cases/x/moved.toml".into(), summary.clone());
        assert!(!cache.has(path, oid));
        assert_eq!(
            cache.take("cases/x/moved.toml", oid).as_ref(),
            Some(summary)
        );
        assert_eq!(cache.take("cases/x/moved.toml", oid), None, "taken");
    }

    #[test]
    fn only_the_summaries_kept_are_saved() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        let all = entries(10);
        let keep: Vec<Oid> = all.iter().step_by(3).map(|e| e.0).collect();
        cache_of(&all)
            .save(&path, |oid| keep.contains(oid))
            .unwrap();
        let kept: Vec<_> = all.into_iter().filter(|e| keep.contains(&e.0)).collect();
        assert_eq!(read_back(&path), sorted(kept));
    }

    #[test]
    fn a_damaged_or_foreign_cache_reads_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        cache_of(&entries(20)).save(&path, |_| true).unwrap();
        let bytes = fs::read(&path).unwrap();
        assert_eq!(read_back(&path).len(), 20);
        // cut short
        fs::write(&path, &bytes[..bytes.len() - 40]).unwrap();
        assert!(read_back(&path).is_empty());
        // written by another shape of summary
        let other = [
            b"dispute-summaries 3 0.0.0 0000\n".as_slice(),
            &bytes[bytes.iter().position(|b| *b == b'\n').unwrap() + 1..],
        ]
        .concat();
        fs::write(&path, other).unwrap();
        assert!(read_back(&path).is_empty());
        // the old text format
        fs::write(&path, "dispute-summaries 2 0.1.0\nabc\tcases/x.toml\t{}\n").unwrap();
        assert!(read_back(&path).is_empty());
        // a part claiming more summaries than it could hold: refused, nothing reserved
        let part = postcard::to_stdvec(&1_000_000_000usize).unwrap();
        let mut claim = summary_version().into_bytes();
        claim.push(b'\n');
        claim.extend(postcard::to_stdvec(&vec![part.as_slice()]).unwrap());
        fs::write(&path, claim).unwrap();
        assert!(read_back(&path).is_empty());
        // empty, and absent
        fs::write(&path, "").unwrap();
        assert!(read_back(&path).is_empty());
        fs::remove_file(&path).unwrap();
        assert!(read_back(&path).is_empty());
    }
}
