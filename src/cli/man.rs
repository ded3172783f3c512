//! `dispute man -o DIR`: manual pages for `dispute` and every subcommand, in the chosen
//! language.
//!
//! The pages are rendered by `clap_mangen` from the localised clap tree; the few section
//! headings `clap_mangen` writes in English (NAME, SYNOPSIS, …) are replaced by the
//! catalog's words.

use std::path::{Path, PathBuf};

use clap::CommandFactory;
use dispute_i18n::t;

use crate::error::{Error, Result};

use super::{App, Cli, locale};

/// Write manual pages (dispute.1, dispute-register.1, …) into a directory.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The directory to write into (created if missing)
    #[arg(short = 'o', long = "output", value_name = "DIR", required = true)]
    pub output: PathBuf,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let dir = &args.output;
    let write_error = |path: &Path, e: std::io::Error| Error::FileRead {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    std::fs::create_dir_all(dir).map_err(|e| write_error(dir, e))?;
    let mut root = locale::localize(Cli::command()).disable_help_subcommand(true);
    root.build();
    let mut pages = vec![];
    collect(&root, &mut pages);
    // clap_mangen leaves the date empty, which shifts the other fields of `.TH`.
    let date = crate::calendar::local_date(&app.now()?)
        .format("%Y-%m-%d")
        .to_string();
    let source = format!("dispute {}", env!("CARGO_PKG_VERSION"));
    for cmd in &pages {
        let man = clap_mangen::Man::new(cmd.clone())
            .date(&date)
            .source(&source)
            .manual(t!("cmd-man-manual"));
        let path = dir.join(man.get_filename());
        let mut roff = Vec::new();
        man.render(&mut roff).map_err(|e| write_error(&path, e))?;
        let page = localize_headings(&String::from_utf8_lossy(&roff));
        std::fs::write(&path, page).map_err(|e| write_error(&path, e))?;
    }
    app.ui.status(&t!(
        "cmd-man-written",
        count = pages.len(),
        dir = dir.display().to_string()
    ));
    Ok(())
}

/// The command and all its visible subcommands, depth first.
fn collect(cmd: &clap::Command, out: &mut Vec<clap::Command>) {
    out.push(cmd.clone());
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect(sub, out);
    }
}

/// The section headings clap_mangen writes in English, in the catalog's words.
fn localize_headings(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    for line in page.split_inclusive('\n') {
        let heading = match line.trim_end() {
            ".SH NAME" => Some(t!("cmd-man-section-name")),
            ".SH SYNOPSIS" => Some(t!("cmd-man-section-synopsis")),
            ".SH DESCRIPTION" => Some(t!("cmd-man-section-description")),
            ".SH EXTRA" => Some(t!("cmd-man-section-extra")),
            ".SH VERSION" => Some(t!("cmd-man-section-version")),
            ".SH AUTHORS" => Some(t!("cmd-man-section-authors")),
            _ => None,
        };
        match heading {
            Some(h) => {
                out.push_str(".SH \"");
                out.push_str(&h.replace('"', ""));
                out.push_str("\"\n");
            }
            None => out.push_str(line),
        }
    }
    out
}
