//! All output: data on stdout (tables, case sheets, JSON, the new case ID), status, notices
//! and errors on stderr. Commands never print directly; they hand domain values to `Ui`.
//!
//! Everything printed passes [`clean`] on its way out: whatever a case file, a commit
//! message or a casebook holds, no control character (an ESC sequence that retitles or
//! rewrites the terminal), bidi control, zero-width or other invisible character reaches
//! the reader. Errors and warnings are also cut to a few lines and have phone and ID
//! numbers masked, so a broken file cannot flood the screen or echo a payer's number.

use std::collections::HashMap;
use std::io::{self, Write};

use chrono::NaiveDate;
use comfy_table::{Cell, ContentArrangement, Table, presets};
use dispute_i18n::{t, word};
use serde::Serialize;

use crate::calendar::{Calendar, china, local_date};
use crate::case::{Action, Case, Status, Time, Track};
use crate::casebook::Casebook;
use crate::error::{Error, Result};
use crate::protocol::{CommitInfo, Trailer};
use crate::text::{self, Label};
use crate::workflow::{LateRow, ObligationKind};

pub struct Ui {
    out: io::Stdout,
    err: io::Stderr,
}

impl Default for Ui {
    fn default() -> Self {
        Ui::new()
    }
}

impl Ui {
    pub fn new() -> Ui {
        Ui {
            out: io::stdout(),
            err: io::stderr(),
        }
    }

    /// One line of data on stdout. A closed pipe surfaces as `Io(BrokenPipe)`, which the
    /// caller turns into a quiet exit.
    pub fn line(&mut self, s: &str) -> Result<()> {
        let mut out = self.out.lock();
        writeln!(out, "{}", clean(s))?;
        out.flush()?;
        Ok(())
    }

    /// Text on stdout (a document, a table already rendered), cleaned.
    pub fn block(&mut self, s: &str) -> Result<()> {
        let s = clean(s);
        let mut out = self.out.lock();
        out.write_all(s.as_bytes())?;
        if !s.ends_with('\n') {
            out.write_all(b"\n")?;
        }
        out.flush()?;
        Ok(())
    }

    /// One message on stderr: cleaned, phone and ID numbers masked, a few lines at most.
    fn message(&mut self, s: &str) {
        let _ = writeln!(self.err, "{}", short_message(s));
    }

    pub fn json<T: Serialize>(&mut self, value: &T) -> Result<()> {
        let text =
            serde_json::to_string_pretty(value).map_err(|e| Error::Internal(e.to_string()))?;
        self.block(&text)
    }

    /// A status message for people (stderr).
    pub fn status(&mut self, s: &str) {
        let _ = writeln!(self.err, "{}", clean(s));
    }

    pub fn notices(&mut self, notices: crate::store::Notices) {
        let notices = notices.0;
        for n in notices {
            self.message(&t!("out-notice", text = n));
        }
    }

    pub fn warn(&mut self, s: &str) {
        self.message(&t!("out-warning", text = s));
    }

    /// A write succeeded: the commit and what it recorded.
    pub fn done(&mut self, subject: &str, commit: git2::Oid) {
        let line = t!(
            "out-committed",
            commit = crate::store::oid_short(commit),
            subject = subject
        );
        self.message(&line);
    }

    /// An error: one line saying what is wrong, one line saying what to do.
    pub fn error(&mut self, e: &Error) {
        self.message(&t!("out-error", message = e.to_string()));
        if let Some(h) = e.hint() {
            self.message(&t!("out-hint", hint = h.to_string()));
        }
    }

    /// A long table (`header`, `rows` of cells) on stdout, as [`Ui::table`] prints it, but
    /// made [`CHUNK`] rows at a time: comfy-table holds every cell of a table with its
    /// layout, which for 100,000 cases is hundreds of megabytes to allocate and fill.
    pub fn long_table(&mut self, header: &[&str], rows: Vec<Vec<String>>) -> Result<()> {
        self.lines(|emit| chunked_lines(header, rows, CHUNK, emit))
    }

    /// A table on stdout, cleaned, line by line: the table of 100,000 cases is not first
    /// joined into one string.
    pub fn table(&mut self, table: Table) -> Result<()> {
        self.lines(|emit| table.lines().try_for_each(|line| emit(&line)))
    }

    /// The lines `make` hands to its writer, each cleaned, on stdout (buffered).
    fn lines(
        &mut self,
        make: impl FnOnce(&mut dyn FnMut(&str) -> io::Result<()>) -> io::Result<()>,
    ) -> Result<()> {
        let mut out = io::BufWriter::with_capacity(1 << 16, self.out.lock());
        make(&mut |line| {
            out.write_all(clean(line).as_bytes())?;
            out.write_all(b"\n")
        })?;
        out.flush()?;
        Ok(())
    }

    /// A produced text document (a form, CSV, JSON), cleaned like everything printed: to
    /// `-o PATH` if given (then a status line), else stdout.
    pub fn emit_text(&mut self, text: &str, to: Option<&std::path::Path>) -> Result<()> {
        let text = clean(text);
        self.emit(text.as_bytes(), to)
    }

    /// A produced binary file (a workbook): to `-o PATH` if given (then a status line),
    /// else stdout.
    pub fn emit(&mut self, bytes: &[u8], to: Option<&std::path::Path>) -> Result<()> {
        match to {
            Some(path) if path.as_os_str() != "-" => {
                std::fs::write(path, bytes).map_err(|e| Error::FileRead {
                    path: path.display().to_string(),
                    reason: t!("out-cannot-write", reason = e.to_string()),
                })?;
                self.status(&t!("out-written", path = path.display()));
                Ok(())
            }
            _ => {
                let mut out = self.out.lock();
                out.write_all(bytes)?;
                out.flush()?;
                Ok(())
            }
        }
    }

    pub fn operators(&mut self, book: &Casebook, json: bool) -> Result<()> {
        if json {
            return self.json(&book.operators);
        }
        let mut t = new_table(&[
            word("out-col-id"),
            word("out-col-name"),
            word("out-col-dept"),
            word("out-col-roles"),
            word("out-col-email"),
            word("out-col-status"),
        ]);
        for op in &book.operators {
            let roles: Vec<&str> = op.roles.iter().map(|r| r.label()).collect();
            t.add_row(vec![
                op.id.clone(),
                op.name.clone(),
                book.dept_short(&op.dept).to_string(),
                roles.join(word("out-list-separator")),
                op.email.clone(),
                word(if op.active {
                    "out-operator-active"
                } else {
                    "out-operator-inactive"
                })
                .to_string(),
            ]);
        }
        self.table(t)
    }

    pub fn case_list(&mut self, book: &Casebook, rows: &[ListRow], json: bool) -> Result<()> {
        if json {
            return self.json(&rows);
        }
        let header = [
            word("out-col-id"),
            word("out-col-status"),
            word("out-col-category"),
            word("out-col-payer"),
            word("out-col-district"),
            word("out-col-received-at"),
            word("out-col-next-due"),
        ];
        let mut cells = Vec::with_capacity(rows.len());
        let mut provisional = 0;
        // The due column depends on the due date alone (lateness is counted to today):
        // each one is worded once.
        let mut dues: HashMap<(Option<NaiveDate>, Option<u32>), String> = HashMap::new();
        for r in rows {
            let due = dues
                .entry((r.next_due, r.days_late))
                .or_insert_with(|| match (&r.next_due, r.days_late) {
                    (Some(d), Some(late)) => {
                        t!("out-due-late", due = d.to_string(), days = late)
                    }
                    (Some(d), None) => d.to_string(),
                    (None, _) => text::NONE.to_string(),
                })
                .clone();
            let id = if r.provisional {
                provisional += 1;
                t!("sync-list-provisional", id = r.id.as_str())
            } else {
                r.id.clone()
            };
            cells.push(vec![
                id,
                r.status.label().to_string(),
                r.category
                    .map(|c| format!("{c} {}", text::category(c)))
                    .unwrap_or_else(|| text::NONE.to_string()),
                r.payer.clone(),
                r.district.clone(),
                short_time(&r.received_at),
                due,
            ]);
        }
        self.long_table(&header, cells)?;
        let _ = book;
        self.status(&t!("out-list-total", n = rows.len()));
        if provisional > 0 {
            self.status(&t!("sync-list-provisional-total", n = provisional));
        }
        Ok(())
    }

    /// `log`: one row per commit. 办理时间 is `At` (when the operator says it happened),
    /// 提交时间 the signed commit time.
    pub fn history(&mut self, book: &Casebook, entries: &[CommitInfo], json: bool) -> Result<()> {
        let rows: Vec<LogRow> = entries.iter().map(|e| LogRow::new(book, e)).collect();
        if json {
            return self.json(&rows);
        }
        let mut t = new_table(&[
            word("out-col-done-at"),
            word("out-col-operator"),
            word("out-col-action"),
            word("out-col-summary"),
            word("out-col-commit"),
            word("out-col-committed-at"),
        ]);
        for r in rows {
            t.add_row(vec![
                r.at.as_ref()
                    .map(short_time)
                    .unwrap_or_else(|| text::NONE.to_string()),
                r.operator_label,
                r.action_label,
                r.summary,
                r.commit,
                short_time(&r.committed),
            ]);
        }
        self.table(t)
    }

    pub fn overdue(
        &mut self,
        book: &Casebook,
        rows: &[LateRow],
        as_of: NaiveDate,
        json: bool,
    ) -> Result<()> {
        if json {
            return self.json(&rows);
        }
        let mut t = new_table(&[
            word("out-col-id"),
            word("out-col-pending-item"),
            word("out-col-responsible-dept"),
            word("out-col-responsible-person"),
            word("out-col-due"),
            word("out-col-days-late"),
        ]);
        for r in rows {
            t.add_row(vec![
                r.case.clone(),
                text::obligation_label(r.what).to_string(),
                book.dept_short(&r.dept).to_string(),
                match r.operator.as_deref() {
                    Some(o) => book.operator_label(o),
                    // The leader's decision is the leader's (组长), named by title.
                    None if r.dept == crate::casebook::LEADING_GROUP => {
                        book.leading_group.leader_title.clone()
                    }
                    None => t!("out-dept-handler", dept = book.dept_short(&r.dept)),
                },
                r.due.to_string(),
                r.days_late.to_string(),
            ]);
        }
        self.table(t)?;
        // Part of the report (`overdue > 超期.txt` keeps the date it was judged on).
        self.line(&t!(
            "out-overdue-total",
            date = as_of.to_string(),
            n = rows.len()
        ))
    }

    pub fn findings(
        &mut self,
        findings: &[crate::audit::Finding],
        checked: usize,
        json: bool,
    ) -> Result<()> {
        if json {
            return self.json(&findings);
        }
        if !findings.is_empty() {
            let mut t = new_table(&[
                word("out-col-commit"),
                word("out-col-case"),
                word("out-col-operator"),
                word("out-col-problem"),
            ]);
            for f in findings {
                t.add_row(vec![
                    f.commit.clone(),
                    f.case.clone().unwrap_or_else(|| text::NONE.into()),
                    f.operator.clone().unwrap_or_else(|| text::NONE.into()),
                    f.rule.clone(),
                ]);
            }
            self.table(t)?;
        }
        self.status(&t!(
            "out-findings-total",
            checked = checked,
            found = findings.len()
        ));
        Ok(())
    }

    /// The bad rows of an import, on stderr (stdout stays for the imported IDs).
    pub fn row_errors(&mut self, errors: &[crate::import::RowError]) {
        let mut t = new_table(&[
            word("out-col-row"),
            word("out-col-column"),
            word("out-col-reason"),
        ]);
        for e in errors {
            t.add_row(vec![
                if e.row == 0 {
                    text::NONE.to_string()
                } else {
                    e.row.to_string()
                },
                e.column.clone(),
                e.reason.clone(),
            ]);
        }
        let _ = writeln!(self.err, "{}", clean(&t.to_string()));
    }

    /// `sync --rejected`: the local actions sync kept, with their reasons.
    pub fn rejected_actions(
        &mut self,
        rejected: &[crate::store::RejectedAction],
        json: bool,
    ) -> Result<()> {
        if json {
            return self.json(&rejected);
        }
        if !rejected.is_empty() {
            let mut t = new_table(&[
                word("out-col-commit"),
                word("out-col-action"),
                word("out-col-case"),
                word("out-col-operator"),
                word("out-col-done-at"),
                word("sync-col-reason"),
            ]);
            for r in rejected {
                let action = r
                    .action
                    .as_deref()
                    .map(|a| {
                        Action::from_code(a)
                            .map(|a| a.label().to_string())
                            .unwrap_or_else(|| a.to_string())
                    })
                    .unwrap_or_else(|| text::NONE.to_string());
                t.add_row(vec![
                    r.commit.get(..10).unwrap_or(&r.commit).to_string(),
                    action,
                    r.case.clone().unwrap_or_else(|| text::NONE.into()),
                    r.operator.clone().unwrap_or_else(|| text::NONE.into()),
                    r.at.as_deref()
                        .and_then(|a| chrono::DateTime::parse_from_rfc3339(a).ok())
                        .map(|a| short_time(&a))
                        .unwrap_or_else(|| text::NONE.into()),
                    r.reason.clone(),
                ]);
            }
            self.table(t)?;
        }
        self.status(&t!("sync-rejected-total", n = rejected.len()));
        Ok(())
    }

    /// `status`: where the clone stands against the central casebook.
    pub fn sync_status(
        &mut self,
        status: &crate::store::SyncStatus,
        provisional: &[String],
        json: bool,
    ) -> Result<()> {
        if json {
            #[derive(Serialize)]
            struct Shown<'a> {
                #[serde(flatten)]
                status: &'a crate::store::SyncStatus,
                provisional: &'a [String],
            }
            return self.json(&Shown {
                status,
                provisional,
            });
        }
        let Some(remote) = &status.remote else {
            return self.line(&t!("sync-status-no-remote"));
        };
        let mut lines = vec![
            t!(
                "sync-status-remote",
                url = remote.url.as_str(),
                branch = remote.branch.as_str()
            ),
            t!("sync-status-waiting", n = status.waiting),
        ];
        let when = match status.fetched_secs_ago {
            Some(s) if s < 120 => t!("sync-status-fetched-now"),
            Some(s) if s < 7200 => t!("sync-status-fetched-minutes", n = s / 60),
            Some(s) if s < 172_800 => t!("sync-status-fetched-hours", n = s / 3600),
            Some(s) => t!("sync-status-fetched-days", n = s / 86_400),
            None => t!("sync-status-fetched-never"),
        };
        lines.push(t!("sync-status-behind", n = status.behind, when = when));
        if !provisional.is_empty() {
            lines.push(t!(
                "sync-status-provisional",
                n = provisional.len(),
                ids = provisional.join(word("out-list-separator"))
            ));
        }
        if status.rejected > 0 {
            lines.push(t!("sync-status-rejected", n = status.rejected));
        }
        if status.interrupted {
            lines.push(t!("sync-status-interrupted"));
        }
        self.block(&lines.join("\n"))
    }

    /// The case sheet of `show`.
    pub fn case_sheet(
        &mut self,
        book: &Casebook,
        case: &Case,
        cal: &Calendar,
        today: NaiveDate,
    ) -> Result<()> {
        let s = case_sheet(book, case, cal, today);
        self.block(&s)
    }
}

/// Text made safe to print: control characters other than newline and tab, and every
/// hidden character (`validate::is_hidden`: bidi controls, zero-width characters, line and
/// paragraph separators, tags, invisible fillers) are dropped. The one sanitiser of all
/// output.
/// A byte-order mark opening a document (CSV for Excel) is kept.
pub fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    let (bom, body) = match s.strip_prefix('\u{FEFF}') {
        Some(rest) => ("\u{FEFF}", rest),
        None => ("", s),
    };
    let keep = |c: char| !crate::validate::is_refused_char(c, true);
    if body.chars().all(keep) {
        std::borrow::Cow::Borrowed(s)
    } else {
        let mut out = String::from(bom);
        out.extend(body.chars().filter(|c| keep(*c)));
        std::borrow::Cow::Owned(out)
    }
}

/// At most this many lines of one message, each at most this many characters.
const MESSAGE_LINES: usize = 4;
const MESSAGE_LINE_CHARS: usize = 300;

/// A message for stderr: cleaned, phone and ID numbers masked, cut to a few short lines
/// (a broken file's problem is named, not reproduced).
pub fn short_message(s: &str) -> String {
    let masked = crate::privacy::mask_free_text(&clean(s));
    let mut lines: Vec<String> = masked
        .lines()
        .take(MESSAGE_LINES)
        .map(|l| {
            if l.chars().count() > MESSAGE_LINE_CHARS {
                let mut cut: String = l.chars().take(MESSAGE_LINE_CHARS).collect();
                cut.push('…');
                cut
            } else {
                l.to_string()
            }
        })
        .collect();
    if masked.lines().count() > MESSAGE_LINES {
        lines.push("…".to_string());
    }
    lines.join("\n")
}

/// Rows of a long table made into one comfy-table at a time.
const CHUNK: usize = 2048;

/// The lines of the table of `header` and `rows`, the same as one comfy-table of them
/// prints, made `chunk` rows at a time and handed to `emit` part by part. Each part is
/// given, as a last row, cells of spaces as wide as the widest of each column in the whole
/// table (measured as comfy-table measures, `unicode-width`), so every part has the whole
/// table's column widths; that row, and the borders between parts, are left out. The cells
/// are moved into the parts, not copied. A table whose cells hold line breaks is made whole.
fn chunked_lines(
    header: &[&str],
    rows: Vec<Vec<String>>,
    chunk: usize,
    mut emit: impl FnMut(&str) -> io::Result<()>,
) -> io::Result<()> {
    use unicode_width::UnicodeWidthStr;
    let multiline = |c: &str| c.contains('\n');
    if rows.len() <= chunk
        || header.iter().any(|h| multiline(h))
        || rows.iter().flatten().any(|c| multiline(c))
    {
        let mut t = new_table(header);
        for row in rows {
            t.add_row(row.into_iter().map(Cell::new_owned));
        }
        return t.lines().try_for_each(|line| emit(&line));
    }
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let spacer: Vec<String> = widths.iter().map(|w| " ".repeat(*w)).collect();
    let total = rows.len();
    let mut rows = rows.into_iter();
    let mut done = 0;
    while done < total {
        let mut t = new_table(header);
        let mut n = 0;
        for row in rows.by_ref().take(chunk) {
            t.add_row(row.into_iter().map(Cell::new_owned));
            n += 1;
        }
        t.add_row(spacer.clone());
        // Top border, header, its rule; the rows (a line each: no cell breaks a line); the
        // spacer; the bottom border.
        let made: Vec<String> = t.lines().collect();
        let first = if done == 0 { 0 } else { 3 };
        done += n;
        let last = made.len() - 2;
        for line in &made[first..last] {
            emit(line)?;
        }
        if done == total {
            emit(&made[made.len() - 1])?;
        }
    }
    Ok(())
}

/// A table in the house style, with its header row.
pub fn new_table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header.to_vec());
    t
}

/// One row of `list`.
#[derive(Debug, Clone, Serialize)]
pub struct ListRow {
    pub id: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub track: Option<Track>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<u8>,
    pub payer: String,
    pub district: String,
    pub receiving_dept: String,
    pub received_at: Time,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_due: Option<NaiveDate>,
    /// Working days the most late obligation is past due.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_late: Option<u32>,
    /// Registered in this clone and not yet on the central casebook: the number is
    /// provisional (`dispute sync` may change it).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
}

/// One row of `log`.
#[derive(Debug, Serialize)]
pub struct LogRow {
    pub commit: String,
    /// When the action happened (`At`), if the commit says.
    pub at: Option<Time>,
    /// The commit time.
    pub committed: Time,
    pub operator: Option<String>,
    #[serde(skip)]
    operator_label: String,
    pub author_name: String,
    pub author_email: String,
    pub action: Option<String>,
    #[serde(skip)]
    action_label: String,
    pub subject: String,
    pub summary: String,
}

impl LogRow {
    fn new(book: &Casebook, e: &CommitInfo) -> LogRow {
        let t = &e.message.trailers;
        let operator = t.get(Trailer::Operator).map(str::to_string);
        let operator_label = match &operator {
            Some(id) => book.operator_label(id),
            None => t!(
                "out-log-foreign-author",
                name = e.author_name,
                email = e.author_email
            ),
        };
        let action = t.get(Trailer::Action).map(str::to_string);
        let action_label = match &action {
            Some(a) => Action::from_code(a)
                .map(|a| a.label().to_string())
                .unwrap_or_else(|| a.clone()),
            None => text::NONE.to_string(),
        };
        LogRow {
            commit: e.commit.clone(),
            at: t.at(),
            committed: e.time,
            operator,
            operator_label,
            author_name: e.author_name.clone(),
            author_email: e.author_email.clone(),
            action,
            action_label,
            // Commits made before the rules of issue 11 (or by hand) may hold a number.
            subject: crate::privacy::mask_free_text(&e.message.subject),
            summary: crate::privacy::mask_free_text(e.message.summary()),
        }
    }
}

/// `2026-11-20 09:30` in China time.
pub fn short_time(t: &Time) -> String {
    use chrono::{Datelike, Timelike};
    // As `format("%Y-%m-%d %H:%M")`, without parsing the format on every row of a list.
    let t = t.with_timezone(&china());
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute()
    )
}

fn push(out: &mut String, s: impl AsRef<str>) {
    out.push_str(s.as_ref());
    out.push('\n');
}

/// A section heading of the case sheet: a blank line, then the heading (brackets included
/// in the catalog message).
fn section(out: &mut String, heading: &str) {
    out.push('\n');
    push(out, heading);
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn case_sheet(book: &Casebook, case: &Case, cal: &Calendar, today: NaiveDate) -> String {
    let mut o = String::new();
    let dept = |c: &str| book.dept_short(c).to_string();
    let op = |id: &str| book.operator_label(id);
    let late = |due: NaiveDate| -> String {
        if due < today {
            t!(
                "out-sheet-overdue-days",
                days = cal.working_days_between(due, today)
            )
        } else {
            String::new()
        }
    };
    let list_sep = word("out-list-separator");

    push(
        &mut o,
        t!(
            "out-sheet-title",
            id = case.id,
            status = case.status.label()
        ),
    );
    if let Some(title) = &case.title {
        push(&mut o, t!("out-sheet-case-title", title = title));
    }

    section(&mut o, &t!("out-sheet-sec-registration"));
    push(
        &mut o,
        t!(
            "out-sheet-received-by",
            dept = dept(&case.receiving_dept),
            receiver = op(&case.first_receiver)
        ),
    );
    push(
        &mut o,
        t!(
            "out-sheet-received-at",
            time = short_time(&case.received_at),
            channel = case.channel.label(),
            district = case.district
        ),
    );
    if let Some(mark) = &case.imported {
        push(
            &mut o,
            t!(
                "out-sheet-imported",
                by = op(&mark.by),
                at = short_time(&mark.at)
            ),
        );
    }
    let p = &case.payer;
    let mut payer = vec![t!(
        "out-sheet-payer",
        name = p.name,
        kind = p.kind.label(),
        phone = p.phone
    )];
    if let Some(c) = &p.contact {
        payer.push(t!("out-sheet-payer-contact", contact = c));
    }
    if let Some(id) = &p.id_code {
        payer.push(t!("out-sheet-payer-id", id = id));
    }
    push(&mut o, payer.join(word("out-sheet-field-separator")));
    if let Some(c) = &case.counterparty {
        push(
            &mut o,
            t!(
                "rules-sheet-counterparty",
                name = c.name,
                kind = c.kind.label(),
                phone = c.phone.as_deref().unwrap_or("")
            ),
        );
    }
    push(&mut o, t!("out-sheet-matter"));
    push(&mut o, indent(&case.summary));

    section(&mut o, &t!("out-sheet-sec-classification"));
    push(
        &mut o,
        t!(
            "out-sheet-classification",
            track = case
                .track
                .map(|t| t.label())
                .unwrap_or_else(|| word("out-sheet-unclassified")),
            category = case
                .category
                .map(|c| format!("{c} {}", text::category(c)))
                .unwrap_or_else(|| text::NONE.into())
        ),
    );
    if !case.insurance.is_empty() {
        let ins: Vec<&str> = case.insurance.iter().map(|i| i.label()).collect();
        push(
            &mut o,
            t!("out-sheet-insurance", insurance = ins.join(list_sep)),
        );
    }

    corrections_and_void(&mut o, book, case);

    section(&mut o, &t!("out-sheet-sec-deadlines"));
    let open = crate::workflow::open_obligations(case);
    let mut any = false;
    for (due, kind) in [
        (case.due.classify, ObligationKind::Classify),
        (case.due.dispatch, ObligationKind::Dispatch),
        (case.due.approval, ObligationKind::Approval),
        (case.due.reply, ObligationKind::Reply),
        (case.due.archive, ObligationKind::Archive),
    ] {
        if let Some(d) = due {
            any = true;
            let pending = open.iter().any(|ob| ob.what == kind);
            let state = if pending {
                late(d)
            } else {
                done_state(case, kind, d, cal)
            };
            push(
                &mut o,
                t!(
                    "out-sheet-deadline",
                    label = text::obligation_label(kind),
                    due = d.to_string(),
                    state = state
                ),
            );
        }
    }
    if !any {
        push(&mut o, text::NONE);
    }

    if !case.assignments.is_empty() {
        section(&mut o, &t!("out-sheet-sec-assignments"));
        for a in &case.assignments {
            let status = match (case.opinion_of(&a.dept), a.removed_at) {
                (_, Some(at)) => t!(
                    "out-sheet-assignment-withdrawn",
                    time = short_time(&at),
                    reason = a.removed_reason.as_deref().unwrap_or("")
                ),
                (Some(op), None) => {
                    let when = local_date(&op.at);
                    let key = if when > a.due {
                        "out-sheet-opinion-submitted-late"
                    } else {
                        "out-sheet-opinion-submitted"
                    };
                    t!(key, time = short_time(&op.at))
                }
                (None, None) if case.status.is_open() && case.reply.is_none() => {
                    t!("out-sheet-opinion-missing", late = late(a.due))
                }
                (None, None) => t!("out-sheet-opinion-missing", late = ""),
            };
            push(
                &mut o,
                t!(
                    "out-sheet-assignment",
                    dept = dept(&a.dept),
                    due = a.due.to_string(),
                    state = status
                ),
            );
        }
    }

    for opn in &case.opinions {
        section(&mut o, &t!("out-sheet-sec-opinion", dept = dept(&opn.dept)));
        push(
            &mut o,
            t!(
                "out-sheet-who-when",
                who = op(&opn.by),
                time = short_time(&opn.at)
            ),
        );
        push(&mut o, indent(&opn.text));
    }

    if let Some(a) = &case.approval {
        section(&mut o, &t!("out-sheet-sec-leading-group"));
        push(
            &mut o,
            t!(
                "out-sheet-escalated",
                time = short_time(&a.requested_at),
                who = op(&a.requested_by),
                reason = a.reason
            ),
        );
        match (&a.decision, &a.decided_by, &a.decided_at) {
            (Some(d), Some(by), Some(at)) => {
                let note = a.note.as_deref().unwrap_or("");
                // A note that already says the decision ("同意按重大疑难事项专案办理。")
                // is shown once, not after the decision again.
                let line = if note.starts_with(d.label()) {
                    t!(
                        "clerk-sheet-decided-note",
                        time = short_time(at),
                        who = op(by),
                        note = note
                    )
                } else {
                    t!(
                        "out-sheet-decided",
                        time = short_time(at),
                        who = op(by),
                        decision = d.label(),
                        note = note
                    )
                };
                push(&mut o, line);
                if let Some(track) = a.handled_as {
                    push(&mut o, t!("rules-sheet-handled-as", track = track.label()));
                }
            }
            _ => push(&mut o, t!("out-sheet-approval-pending")),
        }
        for x in &case.exemptions {
            push(
                &mut o,
                t!(
                    "rules-sheet-exemption",
                    time = short_time(&x.at),
                    who = op(&x.by),
                    dept = dept(&x.dept),
                    reason = x.reason
                ),
            );
        }
    }

    for c in &case.consultations {
        section(
            &mut o,
            &t!("out-sheet-sec-consultation", kind = c.kind.label()),
        );
        let who: Vec<String> = c.attendees.iter().map(|d| dept(d)).collect();
        push(
            &mut o,
            t!(
                "out-sheet-consultation",
                time = short_time(&c.at),
                who = op(&c.by),
                attendees = who.join(list_sep)
            ),
        );
        push(&mut o, t!("out-sheet-minutes"));
        push(&mut o, indent(&c.minutes));
    }

    for m in &case.mediations {
        section(&mut o, &t!("rules-sheet-sec-mediation"));
        push(
            &mut o,
            t!(
                "rules-sheet-mediation",
                time = short_time(&m.at),
                who = op(&m.by),
                dept = dept(&m.dept)
            ),
        );
        push(&mut o, indent(&m.result));
    }

    if let Some(r) = &case.referral {
        section(&mut o, &t!("out-sheet-sec-referral"));
        push(
            &mut o,
            t!(
                "out-sheet-referred",
                time = short_time(&r.referred_at),
                who = op(&r.referred_by)
            ),
        );
        push(
            &mut o,
            t!(
                "out-sheet-referral-receiver",
                name = r.receiver_name,
                phone = r.receiver_phone,
                time = short_time(&r.received_at)
            ),
        );
        push(&mut o, t!("out-sheet-referral-summary"));
        push(&mut o, indent(&r.summary));
        push(
            &mut o,
            t!("out-sheet-referral-opinion", opinion = r.opinion),
        );
        push(
            &mut o,
            t!(
                "out-sheet-referral-feedback-due",
                date = r.feedback_due.to_string()
            ),
        );
        match (&r.dispatched_at, &r.hotline_ticket) {
            (Some(at), Some(ticket)) => push(
                &mut o,
                t!(
                    "out-sheet-referral-dispatched",
                    time = short_time(at),
                    ticket = ticket
                ),
            ),
            _ => push(&mut o, t!("out-sheet-referral-pending")),
        }
        if let Some(f) = &r.feedback {
            push(
                &mut o,
                t!(
                    "rules-sheet-feedback",
                    time = short_time(&f.at),
                    who = op(&f.by),
                    dept = dept(&f.dept)
                ),
            );
            push(&mut o, indent(&f.text));
        }
    }

    if let Some(r) = &case.redirect {
        section(&mut o, &t!("out-sheet-sec-redirect"));
        push(
            &mut o,
            t!(
                "out-sheet-redirected",
                time = short_time(&r.at),
                who = op(&r.by),
                dept = dept(&r.dept),
                note = r.note
            ),
        );
    }

    for d in &case.discipline {
        section(&mut o, &t!("out-sheet-sec-discipline"));
        push(
            &mut o,
            t!(
                "out-sheet-discipline",
                time = short_time(&d.at),
                who = op(&d.by),
                dept = dept(&d.dept),
                reason = d.reason
            ),
        );
    }

    if !case.leads.is_empty() {
        section(&mut o, &t!("rules-sheet-sec-lead"));
        for l in &case.leads {
            push(
                &mut o,
                t!(
                    "rules-sheet-lead",
                    time = short_time(&l.at),
                    who = op(&l.by),
                    dept = dept(&l.dept),
                    note = l.note
                ),
            );
        }
    }

    for (i, x) in case.public_opinion.iter().enumerate() {
        section(&mut o, &t!("rules-sheet-sec-opinion", n = i + 1));
        push(
            &mut o,
            t!(
                "rules-sheet-opinion",
                time = short_time(&x.at),
                who = op(&x.by),
                source = x.source
            ),
        );
        push(&mut o, indent(&x.summary));
        match &x.response {
            Some(r) => {
                push(
                    &mut o,
                    t!(
                        "rules-sheet-opinion-response",
                        time = short_time(&r.at),
                        who = op(&r.by)
                    ),
                );
                push(&mut o, indent(&r.text));
            }
            None => push(&mut o, t!("rules-sheet-opinion-open")),
        }
    }

    if let Some(r) = &case.reply {
        section(&mut o, &t!("out-sheet-sec-reply"));
        push(
            &mut o,
            t!(
                "out-sheet-when-who",
                time = short_time(&r.at),
                who = op(&r.by)
            ),
        );
        if !r.informed.is_empty() {
            let parties: Vec<&str> = r
                .informed
                .iter()
                .map(|p| word(&format!("rules-party-{}", p.code())))
                .collect();
            push(
                &mut o,
                t!("rules-sheet-informed", parties = parties.join(list_sep)),
            );
        }
        if let Some(d) = r.act_date {
            push(&mut o, t!("rules-sheet-act-date", date = d.to_string()));
        }
        push(&mut o, indent(&r.text));
    }

    if let Some(a) = &case.archive {
        section(&mut o, &t!("out-sheet-sec-archive"));
        let remedy = a
            .remedy
            .map(|r| t!("out-sheet-archive-remedy", remedy = r.label()))
            .unwrap_or_default();
        push(
            &mut o,
            t!(
                "out-sheet-archived",
                time = short_time(&a.at),
                who = op(&a.by),
                outcome = a.outcome.label(),
                remedy = remedy
            ),
        );
        if let Some(n) = &a.note {
            push(&mut o, indent(n));
        }
    }

    section(&mut o, &t!("out-sheet-sec-timeline"));
    for e in &case.events {
        let about = e
            .dept
            .as_deref()
            .map(|d| t!("out-sheet-event-dept", dept = dept(d)))
            .unwrap_or_default();
        push(
            &mut o,
            t!(
                "out-sheet-event",
                time = short_time(&e.at),
                action = e.action.label(),
                about = about,
                who = op(&e.by)
            ),
        );
    }
    o
}

/// `（已完成）` for an obligation met, with the working days it came late, if it did.
fn done_state(case: &Case, kind: ObligationKind, due: NaiveDate, cal: &Calendar) -> String {
    let met = match kind {
        // Classification is met by whatever took the case out of `registered`.
        ObligationKind::Classify => case
            .events
            .iter()
            .find(|e| {
                !matches!(
                    e.action,
                    Action::Register | Action::Correct | Action::EscalateDiscipline
                )
            })
            .map(|e| e.at),
        ObligationKind::Dispatch => case.referral.as_ref().and_then(|r| r.dispatched_at),
        ObligationKind::Approval => case.approval.as_ref().and_then(|a| a.decided_at),
        ObligationKind::Reply => case.reply.as_ref().map(|r| r.at),
        ObligationKind::Feedback => case
            .referral
            .as_ref()
            .and_then(|r| r.feedback.as_ref())
            .map(|f| f.at),
        ObligationKind::Archive => case.archive.as_ref().map(|a| a.at),
        ObligationKind::Opinion => None,
    };
    match met.map(|t| cal.working_days_between(due, local_date(&t))) {
        Some(days) if days > 0 => t!("clerk-sheet-done-late", days = days),
        // Not owed yet on an open case: the reply while the leader decides, the archive of
        // a referral before the competent department's report.
        None if case.status.is_open() && kind != ObligationKind::Classify => String::new(),
        _ => t!("out-sheet-done"),
    }
}

/// The case sheet's record of corrections (更正记录) and of voiding (作废).
fn corrections_and_void(o: &mut String, book: &Casebook, case: &Case) {
    if let Some(v) = &case.void {
        section(o, &t!("clerk-sheet-sec-void"));
        push(
            o,
            t!(
                "clerk-sheet-voided",
                time = short_time(&v.at),
                who = book.operator_label(&v.by),
                reason = v.reason
            ),
        );
    }
    if case.corrections.is_empty() {
        return;
    }
    section(o, &t!("clerk-sheet-sec-corrections"));
    let shown = |field: crate::case::CaseField, v: &Option<String>| -> String {
        use crate::case::{CaseField, Channel, PayerKind};
        let Some(v) = v else {
            return word("clerk-sheet-empty").to_string();
        };
        match field {
            CaseField::Category => v
                .parse::<u8>()
                .map(|n| format!("{n} {}", text::category(n)))
                .unwrap_or_else(|_| v.clone()),
            CaseField::Channel => Channel::from_code(v)
                .map(|c| c.label().to_string())
                .unwrap_or_else(|| v.clone()),
            CaseField::PayerKind => PayerKind::from_code(v)
                .map(|k| k.label().to_string())
                .unwrap_or_else(|| v.clone()),
            _ => v.clone(),
        }
    };
    for c in &case.corrections {
        let change = if c.field.is_confidential() {
            t!("clerk-sheet-correction-hidden")
        } else {
            t!(
                "clerk-sheet-correction-change",
                old = shown(c.field, &c.old),
                new = shown(c.field, &c.new)
            )
        };
        push(
            o,
            t!(
                "clerk-sheet-correction",
                time = short_time(&c.at),
                who = book.operator_label(&c.by),
                field = c.field.label(),
                change = change
            ),
        );
        push(
            o,
            indent(&t!("clerk-sheet-correction-reason", reason = c.reason)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(header: &[&str], rows: &[Vec<String>]) -> Vec<String> {
        let mut t = new_table(header);
        for row in rows {
            t.add_row(row.clone());
        }
        t.lines().collect()
    }

    #[test]
    fn short_time_is_chronos_format_in_china() {
        let start = crate::calendar::parse_time("2025-12-31 23:59").unwrap();
        for minutes in (0..400_000).step_by(997) {
            let t = start + chrono::Duration::minutes(minutes);
            for t in [
                t,
                t.with_timezone(&chrono::FixedOffset::west_opt(5 * 3600).unwrap()),
            ] {
                let expected = t
                    .with_timezone(&china())
                    .format("%Y-%m-%d %H:%M")
                    .to_string();
                assert_eq!(short_time(&t), expected);
            }
        }
    }

    #[test]
    fn a_long_table_made_in_parts_is_the_table_made_whole() {
        let header = ["编号", "状态", "payer"];
        // Wide (CJK) and narrow cells, the widest of each column in a different part.
        let rows: Vec<Vec<String>> = (0..23)
            .map(|i| {
                vec![
                    format!("TAX-2026-{i:04}"),
                    "已登记".repeat(1 + i % 3),
                    "x".repeat(i * 7 % 11),
                ]
            })
            .collect();
        let parts = |rows: Vec<Vec<String>>, chunk: usize| {
            let mut lines = vec![];
            chunked_lines(&header, rows, chunk, |l| {
                lines.push(l.to_string());
                Ok(())
            })
            .unwrap();
            lines
        };
        let made = whole(&header, &rows);
        assert_eq!(made.len(), 23 + 4);
        for chunk in [1, 2, 5, 22, 23, 100] {
            assert_eq!(parts(rows.clone(), chunk), made, "{chunk}");
        }
        // No rows; a cell with a line break: made whole.
        assert_eq!(parts(vec![], 2), whole(&header, &[]));
        let mut broken = rows.clone();
        broken[3][2] = "two\nlines".into();
        assert_eq!(parts(broken.clone(), 2), whole(&header, &broken));
        // A line that cannot be written stops the table there, with the error.
        let mut seen = 0;
        let failed = chunked_lines(&header, rows.clone(), 5, |_| {
            seen += 1;
            if seen == 9 {
                return Err(io::Error::other("pipe closed"));
            }
            Ok(())
        });
        assert!(failed.is_err());
        assert_eq!(seen, 9);
    }
}
