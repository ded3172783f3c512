//! The summary cache of `list` and `overdue` in `.git/dispute-summaries`: summaries keyed by
//! blob id, so a cached summary can never be stale, and 100,000 cases need not be parsed
//! on every `list`.

use crate::prelude::*;

/// The first line of the summary cache. Bump the number when `CaseSummary` or the
/// obligations it holds change meaning; a new release of the tool starts a new cache too.
pub(crate) fn summary_version() -> String {
    format!("dispute-summaries 3 {}", env!("CARGO_PKG_VERSION"))
}

/// Summaries by blob, with the path the blob was read at: the same content at another path
/// is a miss, so a file copied to the wrong place is still parsed, and named.
pub(crate) type SummaryCache = HashMap<Oid, (String, CaseSummary)>;

pub(crate) fn load_summaries(path: &Path) -> SummaryCache {
    let Ok(text) = fs::read_to_string(path) else {
        return HashMap::new();
    };
    let Some((first, body)) = text.split_once('\n') else {
        return HashMap::new();
    };
    if first != summary_version() {
        return HashMap::new();
    }
    let parse = |part: &str| -> Vec<(Oid, (String, CaseSummary))> {
        part.lines()
            .filter_map(|line| {
                let mut fields = line.splitn(3, '\t');
                let (oid, file, json) = (fields.next()?, fields.next()?, fields.next()?);
                Some((
                    Oid::from_str(oid).ok()?,
                    (file.to_string(), serde_json::from_str(json).ok()?),
                ))
            })
            .collect()
    };
    // Two halves on two threads, split at a line boundary.
    let half = body.len() / 2;
    let middle = body.as_bytes()[half..]
        .iter()
        .position(|&b| b == b'\n')
        .map(|i| half + i + 1)
        .unwrap_or(body.len());
    let (a, b) = body.split_at(middle);
    let (mut left, right) = std::thread::scope(|s| {
        let other = s.spawn(|| parse(b));
        (parse(a), other.join().unwrap_or_default())
    });
    left.extend(right);
    left.into_iter().collect()
}

pub(crate) fn save_summaries(path: &Path, cache: &SummaryCache) -> Result<()> {
    let mut text = String::with_capacity(cache.len() * 400);
    text.push_str(&summary_version());
    text.push('\n');
    for (oid, (file, summary)) in cache {
        let json = serde_json::to_string(summary).map_err(|e| Error::Internal(e.to_string()))?;
        text.push_str(&format!("{oid}\t{file}\t{json}\n"));
    }
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    fs::write(&tmp, text)?;
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
        // The loader splits the file in two at a line boundary, whatever bytes sit at the
        // middle (multi-byte Chinese text included).
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
}
