//! `dispute export`: the ledger (台账) as CSV, an Excel workbook or JSON.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::builder::PossibleValue;
use dispute_i18n::t;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook};

use crate::case::Status;
use crate::casebook::Casebook;
use crate::error::{Error, Result};
use crate::ledger::{self, COLUMNS, Cell, Filter, LedgerRow};
use crate::privacy;

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
    /// Show the payer's details unmasked (own department's cases only)
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
}

impl LedgerFormat {
    fn name(self) -> &'static str {
        match self {
            LedgerFormat::Csv => "csv",
            LedgerFormat::Xlsx => "xlsx",
            LedgerFormat::Json => "json",
        }
    }
}

impl clap::ValueEnum for LedgerFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &[LedgerFormat::Csv, LedgerFormat::Xlsx, LedgerFormat::Json]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let help = match self {
            LedgerFormat::Csv => t!("cli-export-format-csv"),
            LedgerFormat::Xlsx => t!("cli-export-format-xlsx"),
            LedgerFormat::Json => t!("cli-export-format-json"),
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
    let store = app.store()?;
    let book = store.casebook()?;
    let as_of = app.as_of(args.as_of.as_deref())?;
    let actor = if args.reveal {
        Some(app.actor(&store, &book)?)
    } else {
        None
    };
    let cal = book.calendar();
    let (cases, bad) = store.cases(args.year)?;
    let filter = Filter {
        year: args.year,
        month: None,
        status: args.status,
    };
    let mut kept_masked = 0;
    let rows = ledger::ledger(&cases, filter, &book, &cal, as_of, |case| {
        let Some(actor) = &actor else {
            return false;
        };
        let allowed = privacy::check_reveal(case, actor).is_ok();
        kept_masked += usize::from(!allowed);
        allowed
    });
    if kept_masked > 0 {
        app.ui
            .warn(&t!("cmd-export-kept-masked", count = kept_masked));
    }
    let bytes = match format {
        LedgerFormat::Csv => csv_bytes(&rows, &book)?,
        LedgerFormat::Xlsx => xlsx_bytes(&rows, &book)?,
        LedgerFormat::Json => {
            let mut v = serde_json::to_vec_pretty(&rows).map_err(internal)?;
            v.push(b'\n');
            v
        }
    };
    app.ui.emit(&bytes, to)?;
    if to.is_some() {
        app.ui.status(&t!("cmd-export-written", count = rows.len()));
    }
    super::list::report_bad(app, bad)
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

/// CSV with a UTF-8 byte-order mark, which Excel needs to read UTF-8 as such.
fn csv_bytes(rows: &[LedgerRow], book: &Casebook) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record(COLUMNS.iter().map(|c| c.header()))
        .map_err(internal)?;
    for row in rows {
        w.write_record(row.cells(book).iter().map(Cell::to_text))
            .map_err(internal)?;
    }
    w.into_inner().map_err(internal)
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
    for (i, c) in COLUMNS.iter().enumerate() {
        let col = i as u16;
        ws.write_string_with_format(0, col, c.header(), &header)
            .map_err(internal)?;
        ws.set_column_width(col, c.width).map_err(internal)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (i, cell) in row.cells(book).into_iter().enumerate() {
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
    let last_col = COLUMNS.len() as u16 - 1;
    ws.autofilter(0, 0, rows.len() as u32, last_col)
        .map_err(internal)?;
    wb.save_to_buffer().map_err(internal)
}
