//! What `list` and `overdue` need of a case, derived from it alone.
//!
//! A summary is a pure function of the case file, so the store can cache summaries by the
//! file's blob id (content-addressed: a cached summary can never be stale) and a list of
//! 100,000 cases need not parse 100,000 TOML files each time.

use serde::{Deserialize, Serialize};

use crate::case::{Case, Status, Time, Track};
use crate::workflow::{Obligation, open_obligations};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub id: String,
    pub status: Status,
    pub track: Option<Track>,
    pub category: Option<u8>,
    /// The payer as lists show it: an individual's name masked.
    pub payer: String,
    pub district: String,
    pub receiving_dept: String,
    pub received_at: Time,
    /// Every department ever assigned to the case.
    pub assigned: Vec<String>,
    pub obligations: Vec<Obligation>,
}

impl CaseSummary {
    pub fn of(case: &Case) -> CaseSummary {
        let mut assigned: Vec<String> = case.assignments.iter().map(|a| a.dept.clone()).collect();
        assigned.sort();
        assigned.dedup();
        CaseSummary {
            id: case.id.clone(),
            status: case.status,
            track: case.track,
            category: case.category,
            payer: case.payer.display_name(),
            district: case.district.clone(),
            receiving_dept: case.receiving_dept.clone(),
            received_at: case.received_at,
            assigned,
            obligations: open_obligations(case),
        }
    }

    /// Whether the department received the case or was ever assigned to it.
    pub fn involves(&self, dept: &str) -> bool {
        self.receiving_dept == dept || self.assigned.iter().any(|d| d == dept)
    }
}
