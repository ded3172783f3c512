//! The clock: the one place the binary reads the time of day.

use dispute_core::calendar::{china, parse_time};
use dispute_core::case::Time;
use dispute_core::error::Result;

/// Now, in China Standard Time. `DISPUTE_NOW` (RFC 3339) fixes the clock for tests and the
/// demo; commit timestamps are always the real time.
pub fn now() -> Result<Time> {
    match std::env::var("DISPUTE_NOW") {
        Ok(s) if !s.is_empty() => parse_time(&s),
        _ => Ok(chrono::Utc::now().with_timezone(&china())),
    }
}

/// The machine's clock, whatever `DISPUTE_NOW` says: what commit times and key validity
/// periods are measured by.
pub fn real_now() -> Time {
    dispute_core::calendar::normalise(chrono::Utc::now().with_timezone(&china()))
}
