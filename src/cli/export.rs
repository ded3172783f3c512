//! `dispute export`: the ledger (台账) as CSV, an Excel workbook or JSON; or a department's
//! cases as an import file (TOML) to carry them into a new casebook.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::builder::PossibleValue;
use dispute_i18n::t;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook};

use crate::case::Status;
use crate::casebook::Casebook;
use crate::error::{Error, Result};
use crate::ledger::{self, COLUMNS, Cell, Filter, LedgerRow};

use super::App;

/// Export the ledger, one row per case, as CSV, an Excel workbook or JSON.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Format (default: by the extension of -o, else csv)
    #[arg(long, value_enum)]
    pub format: Option<LedgerFormat>,
    /// Same as --format json
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// Only cases received in this year
    #[arg(long)]
    pub year: Option<i32>,
    /// Only cases in this status
    #[arg(long, value_parser = super::args::code::<Status>())]
    pub status: Option<Status>,
    /// Judge lateness on this day (YYYY-MM-DD); default today
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Show the payer's details unmasked (cases you can decrypt only)
    #[arg(long)]
    pub reveal: bool,
    /// Write to this file (default stdout; - is stdout too)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The ledger's file formats; the help of each value is `cli-export-format-<value>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerFormat {
    /// CSV (UTF-8 with a byte-order mark)
    Csv,
    /// Excel workbook
    Xlsx,
    /// JSON array
    Json,
    /// Import file (TOML) of your department's cases, for a new casebook; needs --reveal
    Toml,
}

impl LedgerFormat {
    fn name(self) -> &'static str {
        match self {
            LedgerFormat::Csv => "csv",
            LedgerFormat::Xlsx => "xlsx",
            LedgerFormat::Json => "json",
            LedgerFormat::Toml => "toml",
        }
    }
}

impl clap::ValueEnum for LedgerFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            LedgerFormat::Csv,
            LedgerFormat::Xlsx,
            LedgerFormat::Json,
            LedgerFormat::Toml,
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let help = match self {
            LedgerFormat::Csv => t!("cli-export-format-csv"),
            LedgerFormat::Xlsx => t!("cli-export-format-xlsx"),
            LedgerFormat::Json => t!("cli-export-format-json"),
            LedgerFormat::Toml => t!("cli-export-format-toml"),
        };
        Some(PossibleValue::new(self.name()).help(help))
    }
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let to = args.output.as_deref().filter(|p| p.as_os_str() != "-");
    let format = choose_format(app, &args, to);
    if format == LedgerFormat::Xlsx && to.is_none() && std::io::stdout().is_terminal() {
        return Err(Error::invalid(
            t!("cmd-field-export-format"),
            t!("cmd-export-xlsx-terminal"),
        ));
    }
    if format == LedgerFormat::Toml && !args.reveal {
        return Err(Error::invalid(
            t!("cmd-field-export-format"),
            t!("secret-export-toml-needs-reveal"),
        ));
    }
    let store = app.store()?;
    let book = store.casebook()?;
    let as_of = app.as_of(args.as_of.as_deref())?;
    let actor = if args.reveal {
        Some(app.signing_actor(&store, &book)?)
    } else {
        None
    };
    let cal = book.calendar();
    let (mut cases, bad) = store.cases(args.year)?;
    let filter = Filter {
        year: args.year,
        month: None,
        status: args.status,
    };
    // With --reveal, each case the operator can open (decrypt) is shown in the clear.
    let mut revealed = std::collections::HashSet::new();
    let mut kept_masked = 0;
    if let Some(actor) = &actor {
        for case in cases.iter_mut().filter(|c| filter.matches(c)) {
            match actor.open_payer(&book, case) {
                Ok(payer) => {
                    case.payer = payer;
                    revealed.insert(case.id.clone());
                }
                Err(_) => kept_masked += 1,
            }
        }
    }
    if format == LedgerFormat::Toml {
        let actor = actor.as_ref().expect("--reveal is required");
        return export_toml(app, &book, actor, &cases, filter, to, bad);
    }
    let rows = ledger::ledger(&cases, filter, &book, &cal, as_of, |case| {
        revealed.contains(&case.id)
    });
    if kept_masked > 0 {
        app.ui
            .warn(&t!("cmd-export-kept-masked", count = kept_masked));
    }
    match format {
        LedgerFormat::Csv => app.ui.emit_text(&csv_text(&rows, &book)?, to)?,
        LedgerFormat::Xlsx => app.ui.emit(&xlsx_bytes(&rows, &book)?, to)?,
        LedgerFormat::Json => {
            let mut text = serde_json::to_string_pretty(&rows).map_err(internal)?;
            text.push('\n');
            app.ui.emit_text(&text, to)?
        }
        LedgerFormat::Toml => unreachable!("handled above"),
    }
    if to.is_some() {
        app.ui.status(&t!("cmd-export-written", count = rows.len()));
    }
    super::list::report_bad(app, bad)
}

/// The cases the acting operator's department received, as an import file for a new
/// casebook (README: "从当前状态开一个新案卷库"): payer details decrypted, every record import
/// can replay. A case that cannot be decrypted refuses the export; a case import cannot
/// replay (a major matter, a referral…) is left out and named.
fn export_toml(
    app: &mut App,
    book: &Casebook,
    actor: &super::Actor,
    cases: &[crate::case::Case],
    filter: Filter,
    to: Option<&Path>,
    bad: Vec<crate::store::BadCase>,
) -> Result<()> {
    super::list::report_bad(app, bad)?;
    let mut rows = vec![];
    let mut left_out = vec![];
    let mut own: Vec<&crate::case::Case> = cases
        .iter()
        .filter(|c| filter.matches(c) && c.receiving_dept == actor.op.dept)
        .collect();
    own.sort_by_cached_key(|c| crate::case::CaseId::parse(&c.id).ok());
    for case in own {
        // Opened above; a sealed payer here could not be decrypted.
        if case.payer.sealed.is_some() && case.payer.is_masked() {
            return Err(actor.open_payer(book, case).err().unwrap_or_else(|| {
                Error::CannotOpen {
                    id: case.id.clone(),
                    reason: t!("secret-closed-damaged"),
                }
            }));
        }
        let mut plain = case.clone();
        plain.payer.sealed = None;
        match crate::import::export_row(&plain) {
            Ok(row) => rows.push(row),
            Err(action) => left_out.push(t!(
                "secret-export-toml-case",
                id = case.id.as_str(),
                action = crate::text::Label::label(&action)
            )),
        }
    }
    if !left_out.is_empty() {
        app.ui.warn(&t!(
            "secret-export-toml-left-out",
            n = left_out.len(),
            cases = left_out.join(&t!("secret-list-sep"))
        ));
    }
    let n = rows.len();
    app.ui.emit_text(&crate::import::export_file(rows), to)?;
    app.ui.status(&t!(
        "secret-export-toml-written",
        n = n,
        dept = book.dept_short(&actor.op.dept)
    ));
    Ok(())
}

/// `--format`, else `--json`, else the extension of `-o`, else CSV.
fn choose_format(app: &mut App, args: &Args, to: Option<&Path>) -> LedgerFormat {
    let by_extension = to
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .and_then(|e| match e.to_ascii_lowercase().as_str() {
            "csv" => Some(LedgerFormat::Csv),
            "xlsx" => Some(LedgerFormat::Xlsx),
            "json" => Some(LedgerFormat::Json),
            "toml" => Some(LedgerFormat::Toml),
            _ => None,
        });
    let chosen = args
        .format
        .or(args.json.then_some(LedgerFormat::Json))
        .or(by_extension)
        .unwrap_or(LedgerFormat::Csv);
    if let (Some(ext), Some(to)) = (by_extension, to)
        && ext != chosen
    {
        app.ui.warn(&t!(
            "cmd-export-extension-mismatch",
            path = to.display().to_string(),
            format = chosen.name()
        ));
    }
    chosen
}

fn internal(e: impl std::fmt::Display) -> Error {
    Error::Internal(e.to_string())
}

/// CSV with a UTF-8 byte-order mark, which Excel needs to read UTF-8 as such. The written
/// opinions follow the ledger's columns, one pair of columns per department, so the file
/// imports again (`dispute import`). Every cell that a spreadsheet would take for a formula
/// is neutralised ([`neutralise`]).
fn csv_text(rows: &[LedgerRow], book: &Casebook) -> Result<String> {
    let depts = ledger::opinion_depts(rows, book);
    let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let header: Vec<String> = COLUMNS
        .iter()
        .map(|c| c.header().to_string())
        .chain(ledger::opinion_headings(&depts))
        .collect();
    w.write_record(&header).map_err(internal)?;
    for row in rows {
        let cells = row.cells(book).into_iter().chain(row.opinion_cells(&depts));
        w.write_record(cells.map(|c| neutralise(c.to_text())))
            .map_err(internal)?;
    }
    let bytes = w.into_inner().map_err(internal)?;
    String::from_utf8(bytes).map_err(internal)
}

/// A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to
/// Excel, LibreOffice and WPS (`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`): prefixed with `'`,
/// it is shown as the text it is (OWASP's advice on CSV injection).
pub fn neutralise(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// One sheet (台账, "Ledger" in English): a bold, frozen, filterable header row, column
/// widths, dates and times as Excel dates.
fn xlsx_bytes(rows: &[LedgerRow], book: &Casebook) -> Result<Vec<u8>> {
    use chrono::{Datelike, Timelike};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(t!("cmd-export-sheet-name")).map_err(internal)?;
    let header = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap()
        .set_background_color("#DDEBF7")
        .set_border(FormatBorder::Thin);
    let date = Format::new()
        .set_num_format("yyyy-mm-dd")
        .set_align(FormatAlign::Left);
    let time = Format::new()
        .set_num_format("yyyy-mm-dd hh:mm")
        .set_align(FormatAlign::Left);
    let text = Format::new().set_align(FormatAlign::Top);
    let depts = ledger::opinion_depts(rows, book);
    let headings = COLUMNS
        .iter()
        .map(|c| (c.header().to_string(), c.width))
        .chain(ledger::opinion_headings(&depts).into_iter().map(|h| (h, 24.0)));
    let mut width = 0;
    for (i, (heading, w)) in headings.enumerate() {
        let col = i as u16;
        ws.write_string_with_format(0, col, heading, &header)
            .map_err(internal)?;
        ws.set_column_width(col, w).map_err(internal)?;
        width = col + 1;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        let cells = row.cells(book).into_iter().chain(row.opinion_cells(&depts));
        for (i, cell) in cells.enumerate() {
            let col = i as u16;
            match cell {
                Cell::Text(s) => {
                    ws.write_string_with_format(r, col, s, &text)
                        .map_err(internal)?;
                }
                Cell::Date(d) => {
                    let d =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
                            .map_err(internal)?;
                    ws.write_datetime_with_format(r, col, d, &date)
                        .map_err(internal)?;
                }
                Cell::DateTime(t) => {
                    let t =
                        ExcelDateTime::from_ymd(t.year() as u16, t.month() as u8, t.day() as u8)
                            .and_then(|d| d.and_hms(t.hour() as u16, t.minute() as u8, t.second()))
                            .map_err(internal)?;
                    ws.write_datetime_with_format(r, col, t, &time)
                        .map_err(internal)?;
                }
                Cell::Empty => {}
            }
        }
    }
    ws.set_freeze_panes(1, 1).map_err(internal)?;
    let last_col = width.saturating_sub(1);
    ws.autofilter(0, 0, rows.len() as u32, last_col)
        .map_err(internal)?;
    wb.save_to_buffer().map_err(internal)
}
