//! End-to-end tests of the `dispute` binary in temporary casebooks. One test binary; each
//! module covers one part of the contract a user sees.

mod harness;

mod audit;
mod clerk;
mod english;
mod examples;
mod forms;
mod foundation;
mod identity;
mod import;
mod latefee;
mod ledger;
mod locale;
mod report;
mod rules;
mod secret;
mod sync;
mod workflow;
