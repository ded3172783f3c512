//! The `dispute` binary's library: the clap tree (`cli`, one file per subcommand), the one
//! place that prints (`output`) and the clock. The domain lives in `dispute-core`, git and
//! files in `dispute-store`; both are re-exported here for the tests.

pub mod cli;
pub mod clock;
pub mod keys;
pub mod output;

pub use dispute_core::{
    audit, calendar, case, casebook, cores, error, forms, identity, import, latefee, ledger,
    policy, privacy, protocol, report, schema, seal, summary, sync, text, validate, workflow,
};
pub use dispute_store as store;
pub use dispute_store::faults;
