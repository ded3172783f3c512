//! The pure domain of `dispute`, the case tool of a county's social insurance fee collection
//! dispute joint handling mechanism (社会保险费征缴争议联合处置机制).
//!
//! Everything here is a function of its inputs: no git, no files, no clock, no environment.
//! The model (`case`, `casebook`), the `calendar` of working days, the `workflow` that
//! decides every action, the commit `protocol`, `audit` (replay for `verify`), `import`
//! parsing and replay, the `ledger` and statistics, `forms`, the `latefee`, `privacy` rules
//! and the JSON `schema` checks. `dispute-store` reads and writes them in git; the `dispute`
//! binary wires them to the command line.

pub mod audit;
pub mod calendar;
pub mod case;
pub mod casebook;
pub mod casebook_change;
pub mod cores;
pub mod error;
pub mod forms;
pub mod identity;
pub mod import;
pub mod latefee;
pub mod ledger;
pub mod policy;
pub mod privacy;
pub mod protocol;
pub mod report;
pub mod schema;
pub mod seal;
pub mod summary;
pub mod sync;
pub mod text;
pub mod validate;
pub mod workflow;
