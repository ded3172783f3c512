//! Phase timings for profiling: with `DISPUTE_TIMINGS=1` in the environment, each named
//! point records the time since the previous one, and `report` prints the phases to stderr
//! when the command ends. Without it a point costs one check of a flag read once.

use std::sync::{Mutex, OnceLock};
use std::time::Instant;

struct Clock {
    start: Instant,
    phases: Vec<(&'static str, Instant)>,
}

fn clock() -> Option<&'static Mutex<Clock>> {
    static CLOCK: OnceLock<Option<Mutex<Clock>>> = OnceLock::new();
    CLOCK
        .get_or_init(|| {
            std::env::var_os("DISPUTE_TIMINGS")
                .is_some_and(|v| !v.is_empty() && v != "0")
                .then(|| {
                    Mutex::new(Clock {
                        start: Instant::now(),
                        phases: vec![],
                    })
                })
        })
        .as_ref()
}

/// Start the clock (the first call of the process); later calls do nothing.
pub fn start() {
    let _ = clock();
}

/// The phase `name` ends here.
pub fn mark(name: &'static str) {
    if let Some(clock) = clock()
        && let Ok(mut c) = clock.lock()
    {
        c.phases.push((name, Instant::now()));
    }
}

/// Print the phases and their durations to stderr, one per line (`phase<TAB>ms`), then the
/// total since `start`.
pub fn report() {
    let Some(clock) = clock() else {
        return;
    };
    let Ok(c) = clock.lock() else {
        return;
    };
    let mut last = c.start;
    let mut text = String::new();
    for (name, at) in &c.phases {
        let ms = at.duration_since(last).as_secs_f64() * 1000.0;
        text.push_str(&format!("timing\t{name}\t{ms:.3}\n"));
        last = *at;
    }
    let total = last.duration_since(c.start).as_secs_f64() * 1000.0;
    text.push_str(&format!("timing\ttotal\t{total:.3}\n"));
    eprint!("{text}");
}
