//! The summary cache of `list` and `overdue` in `.git/dispute-summaries`: summaries keyed by
//! blob id, so a cached summary can never be stale, and 100,000 cases need not be parsed
//! on every `list`.

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
    let shape: String = shape
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("dispute-summaries 3 {} {shape}", env!("CARGO_PKG_VERSION"))
}

/// Summaries by blob, with the path the blob was read at: the same content at another path
/// is a miss, so a file copied to the wrong place is still parsed, and named.
pub(crate) type SummaryCache = HashMap<Oid, (String, CaseSummary)>;

/// One cached summary as stored: the blob's raw ID, the path, the summary.
type Entry = (Vec<u8>, String, CaseSummary);

/// Read the cache: the version line, then the summaries in parts (postcard, a compact
/// binary serde format), decoded on as many threads. Anything unreadable is an empty cache.
pub(crate) fn load_summaries(path: &Path) -> SummaryCache {
    let Ok(bytes) = fs::read(path) else {
        return HashMap::new();
    };
    let version = summary_version();
    let Some(body) = bytes
        .strip_prefix(version.as_bytes())
        .and_then(|b| b.strip_prefix(b"\n"))
    else {
        return HashMap::new();
    };
    let Ok(parts) = postcard::from_bytes::<Vec<&[u8]>>(body) else {
        return HashMap::new();
    };
    let decoded: Vec<Option<Vec<Entry>>> = std::thread::scope(|s| {
        let threads: Vec<_> = parts
            .iter()
            .map(|part| s.spawn(move || postcard::from_bytes::<Vec<Entry>>(part).ok()))
            .collect();
        threads
            .into_iter()
            .map(|t| t.join().ok().flatten())
            .collect()
    });
    let mut cache = HashMap::new();
    for part in decoded {
        let Some(entries) = part else {
            return HashMap::new();
        };
        for (oid, file, summary) in entries {
            let Ok(oid) = Oid::from_bytes(&oid) else {
                return HashMap::new();
            };
            cache.insert(oid, (file, summary));
        }
    }
    cache
}

pub(crate) fn save_summaries(path: &Path, cache: &SummaryCache) -> Result<()> {
    let entries: Vec<(&[u8], &String, &CaseSummary)> = cache
        .iter()
        .map(|(oid, (file, summary))| (oid.as_bytes(), file, summary))
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
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    fs::write(&tmp, bytes)?;
    fs::rename(&tmp, path)?;
    Ok(())
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

    #[test]
    fn summary_cache_round_trips_whatever_its_size() {
        // The saver splits the summaries into parts (one per core), some of them empty.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        for n in [0, 1, 2, 3, 7, 50, 333] {
            let cache: SummaryCache = (0..n)
                .map(|i| {
                    let oid =
                        Oid::hash_object(ObjectType::Blob, format!("{i}").as_bytes()).unwrap();
                    (oid, (format!("cases/x/{i}.toml"), summary(i)))
                })
                .collect();
            save_summaries(&path, &cache).unwrap();
            assert_eq!(load_summaries(&path), cache, "{n} entries");
        }
    }

    #[test]
    fn a_damaged_or_foreign_cache_reads_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        let cache: SummaryCache = (0..20)
            .map(|i| {
                let oid = Oid::hash_object(ObjectType::Blob, format!("{i}").as_bytes()).unwrap();
                (oid, (format!("cases/x/{i}.toml"), summary(i)))
            })
            .collect();
        save_summaries(&path, &cache).unwrap();
        let bytes = fs::read(&path).unwrap();
        // cut short
        fs::write(&path, &bytes[..bytes.len() - 40]).unwrap();
        assert!(load_summaries(&path).is_empty());
        // written by another shape of summary
        let other = [
            b"dispute-summaries 3 0.0.0 0000\n".as_slice(),
            &bytes[bytes.iter().position(|b| *b == b'\n').unwrap() + 1..],
        ]
        .concat();
        fs::write(&path, other).unwrap();
        assert!(load_summaries(&path).is_empty());
        // the old text format
        fs::write(&path, "dispute-summaries 2 0.1.0\nabc\tcases/x.toml\t{}\n").unwrap();
        assert!(load_summaries(&path).is_empty());
    }
}
