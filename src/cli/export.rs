//! `dispute export`: the ledger (台账) as CSV, an Excel workbook or JSON.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook};

use crate::case::Status;
use crate::casebook::Casebook;
use crate::error::{Error, Result};
use crate::ledger::{self, COLUMNS, Cell, Filter, LedgerRow};
use crate::privacy;

use super::App;

/// 导出案件台账：每件案件一行，按编号排序
///
/// 列：编号、受理时间、受理渠道、缴费人、缴费人类型、联系人、联系电话、证件号码、辖区、争议类别、险种、事项类型、受理部门、首问责任人、联办部门、状态、分类/转办/书面意见/回复/归档的时限与完成时间、是否超期（截至 --as-of，与 dispute overdue 同一口径）、超期事项、处理结果、救济途径、纪委移交。
///
/// 格式：csv（UTF-8 带 BOM，Excel 可直接打开）、xlsx（Excel 工作簿：表头加粗并冻结，日期为 Excel 日期）、json（英文键名，取值为案卷文件中的代码）。不写 --format 时按 -o 的扩展名判断，否则为 csv。xlsx 是二进制文件，须用 -o 写入文件（或把标准输出重定向到文件）。
///
/// 缴费人联系人、电话、证件号码默认遮盖；--reveal 只对本部门受理或联办（承办）的案件显示原文，其余案件仍遮盖并给出警告。
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 导出格式（默认按 -o 的扩展名，否则 csv）
    #[arg(long, value_enum)]
    pub format: Option<LedgerFormat>,
    /// 同 --format json
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// 只导出此年度受理的案件
    #[arg(long)]
    pub year: Option<i32>,
    /// 只导出此状态的案件
    #[arg(long, value_parser = super::args::code::<Status>())]
    pub status: Option<Status>,
    /// 以此日期判断是否超期（YYYY-MM-DD），默认今天
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// 显示未遮盖的缴费人信息（仅限本部门受理或联办的案件）
    #[arg(long)]
    pub reveal: bool,
    /// 写入此文件（默认标准输出；- 也表示标准输出）
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The ledger's file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LedgerFormat {
    /// CSV（UTF-8 带 BOM）
    Csv,
    /// Excel 工作簿
    Xlsx,
    /// JSON 数组
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

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let to = args.output.as_deref().filter(|p| p.as_os_str() != "-");
    let format = choose_format(app, &args, to);
    if format == LedgerFormat::Xlsx && to.is_none() && std::io::stdout().is_terminal() {
        return Err(Error::invalid(
            "导出格式",
            "xlsx 是二进制文件，不能输出到终端；请用 -o 文件名.xlsx 写入文件",
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
        app.ui.warn(&format!(
            "{kept_masked} 件案件不是本部门受理或联办（承办）的，其缴费人信息仍已遮盖"
        ));
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
        app.ui.status(&format!("台账共 {} 件案件", rows.len()));
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
        app.ui.warn(&format!(
            "文件 {} 的扩展名与导出格式 {} 不一致，按 {} 写入",
            to.display(),
            chosen.name(),
            chosen.name()
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

/// One sheet (台账, the ledger): a bold, frozen, filterable header row, column widths, dates and times as
/// Excel dates.
fn xlsx_bytes(rows: &[LedgerRow], book: &Casebook) -> Result<Vec<u8>> {
    use chrono::{Datelike, Timelike};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(dispute_i18n::word("ledger-sheet-name"))
        .map_err(internal)?;
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
