//! `dispute`: the case tool of a county's social insurance fee collection dispute joint
//! handling mechanism (社会保险费征缴争议联合处置机制).
//!
//! The domain (`case`, `casebook`, `calendar`, `workflow`, `validate`, `privacy`) is pure
//! code; `store` is the only module that touches git and files; `output` the only one that
//! prints; `cli` wires them to the command line, one file per subcommand.

pub mod audit;
pub mod calendar;
pub mod case;
pub mod casebook;
pub mod cli;
pub mod error;
pub mod faults;
pub mod forms;
pub mod import;
pub mod latefee;
pub mod ledger;
pub mod output;
pub mod privacy;
pub mod schema;
pub mod store;
pub mod summary;
pub mod text;
pub mod validate;
pub mod workflow;
