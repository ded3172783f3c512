//! `dispute sync`: exchange work with the central casebook (DESIGN §10). Fetch; replay the
//! local actions not yet there on top of its head, each signed again by its operator;
//! push with a guarded update; bring this clone along. `--rejected` lists the local
//! actions sync kept because the central casebook no longer allows them.

use dispute_i18n::t;

use crate::error::{Error, Result};
use crate::keys::{KeySources, Keyring};
use crate::store::{Store, SyncReport};
use crate::sync::SyncError;

use super::App;
use super::args::JsonArg;

/// Sync with the central casebook: fetch, replay local actions on its head, push.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// List the local actions kept because the central casebook no longer allows them
    #[arg(long)]
    pub rejected: bool,
    #[command(flatten)]
    pub output: JsonArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let store = app.store()?;
    if args.rejected {
        let rejected = store.rejected()?;
        return app.ui.rejected_actions(&rejected, args.output.json);
    }
    let report = sync_now(app, &store)?;
    if args.output.json {
        app.ui.json(&report)?;
    } else {
        for (old, new) in &report.renumbered {
            app.ui
                .line(&t!("sync-renumbered-line", old = old.as_str(), new = new.as_str()))?;
        }
        report_human(app, &report);
    }
    if report.rejected.is_empty() {
        Ok(())
    } else {
        Err(Error::Sync(SyncError::Rejected(rejected_names(&report))))
    }
}

/// Sync the casebook at hand with its central casebook, holding the writer lock.
pub fn sync_now(app: &mut App, store: &Store) -> Result<SyncReport> {
    let remote = store.remote()?.ok_or(Error::Sync(SyncError::NoRemote))?;
    let (writer, notices) = store.begin()?;
    app.ui.notices(notices);
    let mut keys = Keyring::new(KeySources::from_env(app.global.key.clone()));
    writer.sync(&remote, &mut keys)
}

/// `opinion TAX-2026-0001 (lisi)`: a rejected action, named.
fn rejected_names(report: &SyncReport) -> Vec<String> {
    report
        .rejected
        .iter()
        .map(|r| {
            t!(
                "sync-rejected-name",
                action = r.action.as_deref().unwrap_or("?"),
                case = r.case.as_deref().unwrap_or(""),
                operator = r.operator.as_deref().unwrap_or("?")
            )
            .replace("  ", " ")
        })
        .collect()
}

/// What a sync did, for people (stderr).
fn report_human(app: &mut App, report: &SyncReport) {
    if !report.renumbered.is_empty() {
        app.ui.status(&t!(
            "sync-renumbered-note",
            n = report.renumbered.len()
        ));
    }
    if report.merges_skipped > 0 {
        app.ui
            .warn(&t!("sync-merges-skipped", n = report.merges_skipped));
    }
    for r in &report.rejected {
        app.ui.warn(&t!(
            "sync-rejected-one",
            subject = r.subject.as_str(),
            reason = r.reason.as_str()
        ));
    }
    let head = report.head.get(..10).unwrap_or(&report.head);
    app.ui.status(&t!(
        "sync-done",
        pushed = report.pushed,
        received = report.received,
        head = head
    ));
    if report.attempts > 1 {
        app.ui
            .status(&t!("sync-retried", n = report.attempts - 1));
    }
}

/// What an autosync did, all on stderr (stdout belongs to the command that wrote).
pub fn report_autosync(app: &mut App, report: &SyncReport) {
    for (old, new) in &report.renumbered {
        app.ui.warn(&t!(
            "sync-autosync-renumbered",
            old = old.as_str(),
            new = new.as_str()
        ));
    }
    for r in &report.rejected {
        app.ui.warn(&t!(
            "sync-rejected-one",
            subject = r.subject.as_str(),
            reason = r.reason.as_str()
        ));
    }
    if !report.rejected.is_empty() {
        app.ui.warn(&t!("sync-hint-rejected"));
    }
    app.ui.status(&t!(
        "sync-autosync-done",
        pushed = report.pushed,
        received = report.received
    ));
}
