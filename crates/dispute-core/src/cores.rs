//! Work spread over the machine's cores: the bulk steps of an import (replaying the rows,
//! sealing the payer data, serialising and checking the case files, hashing and compressing
//! their blobs, writing the working tree).
//!
//! A worker that panics (a bug) panics the caller too, as the same work done in one thread
//! would.

use crate::error::Result;

/// The machine's cores, as many threads as are worth starting.
fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Join a worker, passing its panic on.
fn join<R>(worker: std::thread::ScopedJoinHandle<'_, R>) -> R {
    worker
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// How many items a run of `len` takes.
fn run_len(len: usize) -> usize {
    len.div_ceil(threads())
}

/// `f` over each of `parts` on a thread of its own; the results in the order of `parts`.
fn spread<P: Send, R: Send>(
    parts: impl Iterator<Item = P>,
    f: &(impl Fn(P) -> R + Sync),
) -> Vec<R> {
    std::thread::scope(|s| {
        let workers: Vec<_> = parts.map(|part| s.spawn(move || f(part))).collect();
        workers.into_iter().map(join).collect()
    })
}

/// `f` over `items` cut into one run per core, each run on a thread of its own; the runs'
/// results in the order of `items`. Fewer than `alone` items are one run, done here.
pub fn runs<I: Sync, R: Send>(items: &[I], alone: usize, f: impl Fn(&[I]) -> R + Sync) -> Vec<R> {
    if items.len() < alone.max(2) {
        return vec![f(items)];
    }
    spread(items.chunks(run_len(items.len())), &f)
}

/// As [`runs`], each run changing its part of `items` in place.
pub fn runs_mut<I: Send, R: Send>(
    items: &mut [I],
    alone: usize,
    f: impl Fn(&mut [I]) -> R + Sync,
) -> Vec<R> {
    if items.len() < alone.max(2) {
        return vec![f(items)];
    }
    let run = run_len(items.len());
    spread(items.chunks_mut(run), &f)
}

/// As [`runs`], where each run gives one result per item or an error: the results in the
/// order of `items`, or the first error.
pub fn map_runs<I: Sync, T: Send>(
    items: &[I],
    alone: usize,
    f: impl Fn(&[I]) -> Result<Vec<T>> + Sync,
) -> Result<Vec<T>> {
    let mut all = Vec::with_capacity(items.len());
    for part in runs(items, alone, f) {
        all.extend(part?);
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

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

    #[test]
    fn runs_change_every_item_in_place_once() {
        let mut items: Vec<u32> = (0..1000).collect();
        let sizes = runs_mut(&mut items, 10, |part| {
            for i in part.iter_mut() {
                *i += 1;
            }
            part.len()
        });
        assert_eq!(items, (1..=1000).collect::<Vec<_>>());
        assert_eq!(sizes.iter().sum::<usize>(), 1000);
        let mut few = [1u32, 2];
        assert_eq!(runs_mut(&mut few, 10, |part| part.len()), vec![2]);
    }

    #[test]
    #[should_panic(expected = "a bug in a worker")]
    fn a_worker_that_panics_panics_the_caller() {
        let items: Vec<u32> = (0..100).collect();
        runs(&items, 2, |part| {
            if part.contains(&99) {
                panic!("a bug in a worker");
            }
        });
    }
}
