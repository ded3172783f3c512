//! `dispute import`: bring a ledger (CSV or TOML) into the casebook in one commit.

use std::path::PathBuf;

use dispute_i18n::t;
use sha2::{Digest, Sha256};

use crate::casebook::Role;
use crate::error::{Error, Result};
use crate::import::{self, Context};
use crate::protocol::Message;

use super::App;

/// Import a ledger (CSV or TOML) in one commit; every row is replayed through the
/// workflow and any bad row refuses the whole file.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["file", "template"])))]
pub struct Args {
    /// Ledger file (.csv or .toml)
    pub file: Option<PathBuf>,
    /// Check only, import nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Print a CSV template (column names and one example row)
    #[arg(long, conflicts_with_all = ["file", "dry_run"])]
    pub template: bool,
}

/// A ledger larger than this is refused before it is read (about 100,000 rows).
const MAX_FILE: u64 = 256 * 1024 * 1024;

pub fn run(app: &mut App, args: Args) -> Result<()> {
    if args.template {
        let mut text = String::from("\u{FEFF}");
        text.push_str(&import::template());
        return app.ui.block(&text);
    }
    no_huge_pages();
    let path = args.file.expect("clap requires a file or --template");
    let shown = path.display().to_string();
    let read_error = |reason: String| Error::FileRead {
        path: shown.clone(),
        reason,
    };
    let meta = std::fs::metadata(&path).map_err(|e| read_error(e.to_string()))?;
    if !meta.is_file() {
        return Err(read_error(t!("cmd-not-a-regular-file")));
    }
    if meta.len() > MAX_FILE {
        return Err(read_error(t!("cmd-import-too-large", mib = MAX_FILE >> 20)));
    }
    // The file's name goes into the commit message: no phone or ID number in it.
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name_field = dispute_i18n::word("secret-field-file-name");
    crate::validate::line(name_field, &name)?;
    crate::validate::no_numbers_for_git_log(name_field, &name)?;
    let bytes = std::fs::read(&path).map_err(|e| read_error(e.to_string()))?;
    let digest = Sha256::digest(&bytes);
    let sha: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    let text = import::decode(&bytes).map_err(read_error)?;
    let is_toml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    let rows = if is_toml {
        import::parse_toml(&text).map_err(|e| report(app, vec![e]))?
    } else {
        import::parse_csv(&text).map_err(|e| report(app, e))?
    };
    if rows.is_empty() {
        return Err(import::refuse(t!("cmd-import-no-cases")));
    }

    crate::store::timings::mark("ledger read and parsed");
    let now = app.now()?;
    let store = app.store()?;
    let writer = if args.dry_run {
        None
    } else {
        let (w, notices) = store.begin()?;
        app.ui.notices(notices);
        Some(w)
    };
    let book = store.casebook()?;
    let signer = app.signing_actor(&store, &book)?;
    let actor = signer.op.clone();
    if !actor.has(Role::Receiver) {
        return Err(Error::not_permitted(
            t!("cmd-import-action"),
            t!("cmd-import-receiver-only"),
        ));
    }
    if let Some(commit) = store.find_trailer("Import-SHA256", &sha)? {
        return Err(Error::AlreadyImported(commit));
    }
    let cal = book.calendar();
    let exists = |id: &crate::case::CaseId| store.case_exists(id).unwrap_or(true);
    let next_seq = |year: i32| store.next_seq(&actor.dept, year).unwrap_or(1);
    let (existing, _) = store.summaries(None)?;
    let known: std::collections::HashMap<(String, i64), String> = existing
        .into_iter()
        .map(|c| ((c.payer, c.received_at.timestamp()), c.id))
        .collect();
    let same_case = |payer: &str, at: crate::case::Time| {
        known.get(&(payer.to_string(), at.timestamp())).cloned()
    };
    let cx = Context {
        book: &book,
        cal: &cal,
        importer: &actor,
        now,
        exists: &exists,
        next_seq: &next_seq,
        same_case: &same_case,
        created: store.created_at()?,
    };
    let mut cases = import::build(&rows, &cx).map_err(|e| report(app, e))?;
    crate::store::timings::mark("rows replayed through the workflow");
    // Imported payer data is encrypted like registered data (DESIGN §11).
    app.seal_all(&book, &mut cases)?;
    crate::store::timings::mark("payer data sealed");

    let Some(mut writer) = writer else {
        app.ui
            .status(&t!("cmd-import-dry-run-ok", count = cases.len()));
        return Ok(());
    };
    writer.put_cases(&cases)?;
    let message = Message::import(&actor, &name, cases.len(), &sha);
    let done =
        super::commit_or_report(&store, writer, &message, &actor, signer.signer(), &message.subject);
    let ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
    match done {
        Ok(commit) => {
            app.wrote();
            app.ui.done(&message.subject, commit)
        }
        // Committed but not finished: still print the IDs, which are on record.
        Err(e @ Error::Committed { .. }) => {
            app.ui.block(&ids.join("\n"))?;
            return Err(e);
        }
        Err(e) => return Err(e),
    }
    // With autosync, the central casebook may have taken some numbers meanwhile.
    let renumbered = app.autosync();
    let ids: Vec<&str> = ids
        .into_iter()
        .map(|id| {
            renumbered
                .iter()
                .find(|(old, _)| old == id)
                .map_or(id, |(_, new)| new.as_str())
        })
        .collect();
    app.ui.block(&ids.join("\n"))
}

/// An import touches a few hundred MB once. mimalloc asks for transparent huge pages for its
/// arenas, which suits the short commands (see `main.rs`), but each 2 MB page is zeroed whole
/// when first touched and, when the page cache fills the memory, found by reclaiming and
/// compacting. Measured on 2026-11-30 on the 2-core VM, the bench's 10,000-row ledger into
/// fresh casebooks, three interleaved runs each: with the page cache filling the memory
/// 2.41-2.60 s without huge pages against 2.77-2.93 s with them; with the caches dropped
/// 2.77-3.02 s against 2.91-3.12 s. So the import turns them off for its own process before
/// it allocates much (Linux; the kernel checks the flag at each page fault: 3 huge pages
/// faulted in an import instead of about 108).
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}

/// Print every bad row, and the error that ends the command (exit 4).
fn report(app: &mut App, errors: Vec<import::RowError>) -> Error {
    let n = errors.len();
    app.ui.row_errors(&errors);
    Error::ImportRows(n)
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    #[test]
    fn an_import_turns_huge_pages_off_for_its_process() {
        super::no_huge_pages();
        assert!(rustix::thread::transparent_huge_pages_are_disabled().expect("prctl"));
    }
}
