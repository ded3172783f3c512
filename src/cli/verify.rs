//! `dispute verify`: replay the history and check every commit against the rules.

use crate::audit::Auditor;
use crate::error::{Error, Result};

use super::App;
use super::args::JsonArg;

/// Replay the casebook's history and check every commit against the rules.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only the history after this commit (default: from the first)
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,
    #[command(flatten)]
    pub output: JsonArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let store = app.store()?;
    let mut auditor = match &args.since {
        Some(rev) => Auditor::with_existing(store.case_paths_at(rev)?),
        None => Auditor::default(),
    };
    store.walk_history(args.since.as_deref(), |rec| {
        auditor.check(&rec);
        Ok(())
    })?;
    // Whatever the history, a casebook that encrypts payer data holds none in the clear now.
    if let Ok(book) = store.casebook()
        && book.privacy.payers_encrypted
    {
        let (cases, _) = store.cases(None)?;
        for case in cases.iter().filter(|c| c.payer.sealed.is_none()) {
            auditor.findings.push(crate::audit::Finding {
                commit: "HEAD".to_string(),
                case: Some(case.id.clone()),
                operator: None,
                rule: dispute_i18n::t!("secret-audit-head-in-clear"),
            });
        }
    }
    app.ui
        .findings(&auditor.findings, auditor.commits_checked, args.output.json)?;
    if auditor.unsigned_before_required > 0 {
        app.ui.status(&dispute_i18n::t!(
            "audit-unsigned-before",
            n = auditor.unsigned_before_required
        ));
    }
    if auditor.findings.is_empty() {
        Ok(())
    } else {
        Err(Error::AuditFailed(auditor.findings.len()))
    }
}
