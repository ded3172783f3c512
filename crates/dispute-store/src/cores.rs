//! Work spread over the machine's cores: the bulk steps of an import (serialising and
//! checking the case files, hashing and compressing their blobs, writing the working tree).

use crate::prelude::*;

/// `f` over `items` cut into one run per core, each run on a thread of its own; the results
/// in the order of `items`, or the first error. Fewer than `alone` items are done here,
/// without threads.
pub(crate) fn map_runs<I: Sync, T: Send>(
    items: &[I],
    alone: usize,
    f: impl Fn(&[I]) -> Result<Vec<T>> + Sync,
) -> Result<Vec<T>> {
    if items.len() < alone {
        return f(items);
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let run = items.len().div_ceil(threads).max(1);
    let f = &f;
    let parts: Vec<Result<Vec<T>>> = std::thread::scope(|s| {
        let parts: Vec<_> = items
            .chunks(run)
            .map(|part| s.spawn(move || f(part)))
            .collect();
        parts
            .into_iter()
            .map(|p| {
                p.join()
                    .unwrap_or_else(|_| Err(Error::Internal(t!("store-thread-died"))))
            })
            .collect()
    });
    let mut all = Vec::with_capacity(items.len());
    for part in parts {
        all.extend(part?);
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_keep_the_order_and_stop_at_an_error() {
        let items: Vec<u32> = (0..1000).collect();
        let doubled = map_runs(&items, 10, |part| Ok(part.iter().map(|i| i * 2).collect()));
        assert_eq!(
            doubled.expect("ok"),
            (0..1000).map(|i| i * 2).collect::<Vec<_>>()
        );
        let failed = map_runs(&items, 10, |part| {
            part.iter()
                .map(|&i| {
                    if i == 700 {
                        Err(Error::Internal("seven hundred".into()))
                    } else {
                        Ok(i)
                    }
                })
                .collect()
        });
        assert!(matches!(failed, Err(Error::Internal(m)) if m == "seven hundred"));
        let few = map_runs(&items[..3], 10, |part| Ok(vec![part.len()]));
        assert_eq!(few.expect("ok"), vec![3], "done in one run, here");
    }
}
