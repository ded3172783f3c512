//! Batch import of a ledger (台账): CSV with named columns (UTF-8, with or without BOM, or
//! GB18030 as Excel in China writes it) or TOML (`[[cases]]`).
//!
//! The column headings are a file format, kept in the catalog: the template is written with
//! the headings of the chosen language, and a column is recognised by its heading in any
//! language of the catalog, so a ledger written in Chinese imports under `--lang en` and the
//! other way round. Codes are accepted as the ASCII code, the label or an alias
//! (`import-alias-*`) in any language too.
//!
//! A row may carry the case's history so far: classification (own or general, or a
//! redirect), assigned departments, their written opinions, the reply, the archive. Each
//! row is replayed through the pure workflow, so an imported case is one the workflow could
//! have produced; whatever the workflow refuses becomes a row error naming the column.
//! Every row is checked before anything is written (all or nothing). Pure code: the caller
//! reads the file and commits the result.

use std::collections::{BTreeMap, HashSet};

use chrono::Datelike;
use dispute_i18n::{Lang, t, t_in};
use serde::Deserialize;

use crate::calendar::{self, Calendar};
use crate::case::{Case, CaseId, Channel, Insurance, Outcome, PayerKind, Remedy, Time, Track};
use crate::casebook::{Casebook, Operator, Role};
use crate::error::Error;
use crate::text::Label;
use crate::validate;
use crate::workflow::{self, Command, Ctx, NewCase};

/// One problem with one row: the spreadsheet row number (the header is row 1), the column,
/// and the reason.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RowError {
    pub row: usize,
    pub column: String,
    pub reason: String,
}

/// The columns of the CSV ledger, in template order: (TOML key, catalog key of the heading).
pub const COLUMNS: &[(&str, &str)] = &[
    ("id", "import-col-id"),
    ("received_at", "import-col-received-at"),
    ("channel", "import-col-channel"),
    ("payer_kind", "import-col-payer-kind"),
    ("payer_name", "import-col-payer-name"),
    ("payer_id", "import-col-payer-id"),
    ("contact", "import-col-contact"),
    ("phone", "import-col-phone"),
    ("district", "import-col-district"),
    ("title", "import-col-title"),
    ("summary", "import-col-summary"),
    ("category", "import-col-category"),
    ("insurance", "import-col-insurance"),
    ("track", "import-col-track"),
    ("classified_at", "import-col-classified-at"),
    ("redirect_to", "import-col-redirect-to"),
    ("assign", "import-col-assign"),
    ("assigned_at", "import-col-assigned-at"),
    ("replied_at", "import-col-replied-at"),
    ("reply", "import-col-reply"),
    ("archived_at", "import-col-archived-at"),
    ("outcome", "import-col-outcome"),
    ("remedy", "import-col-remedy"),
    ("note", "import-col-note"),
];

/// Columns of the ledger `dispute export` writes that name an import column under the
/// ledger's own heading: (catalog key of the ledger heading, TOML key of the column).
const LEDGER_ALIASES: &[(&str, &str)] = &[
    ("ledger-col-payer", "payer_name"),
    ("ledger-col-id-code", "payer_id"),
    ("ledger-col-departments", "assign"),
    ("ledger-col-classified-at", "classified_at"),
    ("ledger-col-replied-at", "replied_at"),
    ("ledger-col-archived-at", "archived_at"),
];

/// Columns of the exported ledger that the replay works out again (due dates, status,
/// lateness, the result): read and left aside, so an exported ledger imports as it is.
const LEDGER_DERIVED: &[&str] = &[
    "ledger-col-receiving-dept",
    "ledger-col-first-receiver",
    "ledger-col-classify-due",
    "ledger-col-dispatch-due",
    "ledger-col-opinions",
    "ledger-col-reply-due",
    "ledger-col-archive-due",
    "ledger-col-overdue",
    "ledger-col-late",
    "ledger-col-result",
    // An imported case is marked 补录 again by the import that reads it.
    "ledger-col-imported",
];

/// Columns of the exported ledger recording what an import cannot replay (a dispatch by
/// the county office, a lead to the discipline commission): they must be empty.
const LEDGER_NOT_IMPORTED: &[&str] = &["ledger-col-dispatched-at", "ledger-col-discipline"];

/// The catalog key among `keys` whose heading, in any language, is `h`.
fn ledger_heading(h: &str, keys: &[&'static str]) -> Option<&'static str> {
    keys.iter().copied().find(|k| {
        Lang::ALL
            .iter()
            .any(|l| t_in!(*l, k).eq_ignore_ascii_case(h))
    })
}

/// Opinion columns are per department: `书面意见(hrss)` and `意见时间(hrss)`; these are the
/// catalog keys of the heading without the department.
const OPINION_TEXT: &str = "import-col-opinion-text";
const OPINION_TIME: &str = "import-col-opinion-time";

/// The heading of a column (a TOML key of `COLUMNS`) in a language; an unknown key is
/// returned as it is.
pub fn heading_in(lang: Lang, key: &str) -> String {
    COLUMNS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, msg)| t_in!(lang, msg))
        .unwrap_or_else(|| key.to_string())
}

/// The heading of a column in the chosen language.
pub fn heading(key: &str) -> String {
    heading_in(dispute_i18n::lang(), key)
}

/// The heading of a department's opinion column: `书面意见(hrss)`.
fn opinion_text_heading(lang: Lang, dept: &str) -> String {
    t_in!(lang, "import-col-opinion-text-of", dept = dept)
}

/// The heading of a department's opinion time column: `意见时间(hrss)`.
fn opinion_time_heading(lang: Lang, dept: &str) -> String {
    t_in!(lang, "import-col-opinion-time-of", dept = dept)
}

/// The column a heading names, in any language of the catalog (ASCII letters in any case).
fn field_of(h: &str) -> Option<&'static str> {
    COLUMNS
        .iter()
        .find(|(_, msg)| {
            Lang::ALL
                .iter()
                .any(|l| t_in!(*l, msg).eq_ignore_ascii_case(h))
        })
        .map(|(key, _)| *key)
}

/// The department of an opinion heading (`书面意见(hrss)`, `Written opinion (hrss)`), in any
/// language of the catalog.
fn opinion_dept(h: &str, prefix_key: &str) -> Option<String> {
    Lang::ALL.iter().find_map(|l| {
        let prefix = t_in!(*l, prefix_key);
        let rest = h
            .get(..prefix.len())
            .filter(|head| head.eq_ignore_ascii_case(&prefix))
            .map(|_| h[prefix.len()..].trim_start())?;
        let dept = rest
            .strip_prefix(['(', '（'])?
            .strip_suffix([')', '）'])?
            .trim();
        Some(dept.to_string())
    })
}

/// A row as typed: every field still text.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCase {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub received_at: Option<String>,
    #[serde(default)]
    pub channel: Option<String>,
    #[serde(default)]
    pub payer_kind: Option<String>,
    #[serde(default)]
    pub payer_name: Option<String>,
    #[serde(default)]
    pub payer_id: Option<String>,
    #[serde(default)]
    pub contact: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub district: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub insurance: Option<String>,
    #[serde(default)]
    pub track: Option<String>,
    #[serde(default)]
    pub classified_at: Option<String>,
    #[serde(default)]
    pub redirect_to: Option<String>,
    #[serde(default)]
    pub assign: Option<String>,
    #[serde(default)]
    pub assigned_at: Option<String>,
    #[serde(default)]
    pub opinions: Vec<RawOpinion>,
    #[serde(default)]
    pub replied_at: Option<String>,
    #[serde(default)]
    pub reply: Option<String>,
    #[serde(default)]
    pub archived_at: Option<String>,
    #[serde(default)]
    pub outcome: Option<String>,
    #[serde(default)]
    pub remedy: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOpinion {
    pub dept: String,
    #[serde(default)]
    pub at: Option<String>,
    pub text: String,
}

/// A row and where it came from.
#[derive(Debug, Clone)]
pub struct Row {
    pub number: usize,
    pub raw: RawCase,
}

/// Decode a file's bytes: UTF-8 (a BOM is dropped), else GB18030.
pub fn decode(bytes: &[u8]) -> std::result::Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    // Without BOM sniffing: bytes that happen to start like a UTF-16 BOM are not UTF-16.
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(t!("import-err-encoding"));
    }
    Ok(text.into_owned())
}

/// Rows of a TOML file: `[[cases]]` tables with the English keys of `COLUMNS`, opinions as
/// `opinions = [{ dept = "hrss", at = "…", text = "…" }]`.
pub fn parse_toml(text: &str) -> std::result::Result<Vec<Row>, RowError> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        cases: Vec<toml::Value>,
    }
    let file: File = toml::from_str(text).map_err(|e| RowError {
        row: 0,
        column: t!("import-where-file"),
        reason: crate::case::parse_problem(&e, text),
    })?;
    let mut rows = vec![];
    for (i, value) in file.cases.into_iter().enumerate() {
        let number = i + 1;
        // Numbers typed as numbers (category = 3) are accepted as text.
        let value = match value {
            toml::Value::Table(mut t) => {
                if let Some(toml::Value::Integer(n)) = t.get("category") {
                    let n = n.to_string();
                    t.insert("category".into(), toml::Value::String(n));
                }
                if let Some(toml::Value::Array(items)) = t.get("insurance") {
                    let joined: Vec<String> = items
                        .iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect();
                    t.insert("insurance".into(), toml::Value::String(joined.join(",")));
                }
                if let Some(toml::Value::Array(items)) = t.get("assign") {
                    let joined: Vec<String> = items
                        .iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect();
                    t.insert("assign".into(), toml::Value::String(joined.join(",")));
                }
                toml::Value::Table(t)
            }
            other => other,
        };
        let raw: RawCase = value.try_into().map_err(|e: toml::de::Error| RowError {
            row: number,
            column: "[[cases]]".into(),
            reason: crate::case::short_problem(e.message()),
        })?;
        rows.push(Row { number, raw });
    }
    Ok(rows)
}

/// Rows of a CSV file with the headings of `COLUMNS` in any language of the catalog (columns
/// may be in any order; unknown columns are refused so a typo does not silently drop data).
pub fn parse_csv(text: &str) -> std::result::Result<Vec<Row>, Vec<RowError>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let header_error = |reason: String| {
        vec![RowError {
            row: 1,
            column: t!("import-where-header"),
            reason,
        }]
    };
    let headers = reader
        .headers()
        .map_err(|e| header_error(e.to_string()))?
        .clone();
    enum Col {
        Field(&'static str),
        OpinionText(String),
        OpinionTime(String),
        /// A column of the exported ledger the replay works out again.
        Derived,
        /// A column of the exported ledger that must be empty (its heading).
        NotImported(String),
        /// The status column of the exported ledger: worked out again, but a voided case
        /// is not brought back to life (its heading).
        Status(String),
    }
    let mut cols = vec![];
    // Each column once, whatever language names it: (what it is, the heading that named it).
    let mut seen: Vec<(String, String)> = vec![];
    for h in headers.iter() {
        let h = h.trim();
        let aliases: Vec<&'static str> = LEDGER_ALIASES.iter().map(|(k, _)| *k).collect();
        let (col, what) = if let Some(key) = field_of(h) {
            (Col::Field(key), key.to_string())
        } else if let Some(alias) = ledger_heading(h, &aliases) {
            let key = LEDGER_ALIASES
                .iter()
                .find(|(k, _)| *k == alias)
                .map_or("", |(_, field)| *field);
            (Col::Field(key), key.to_string())
        } else if let Some(k) = ledger_heading(h, &["ledger-col-status"]) {
            (Col::Status(h.to_string()), k.to_string())
        } else if let Some(k) = ledger_heading(h, LEDGER_DERIVED) {
            (Col::Derived, k.to_string())
        } else if let Some(k) = ledger_heading(h, LEDGER_NOT_IMPORTED) {
            (Col::NotImported(h.to_string()), k.to_string())
        } else if let Some(d) = opinion_dept(h, OPINION_TEXT) {
            let what = format!("{OPINION_TEXT}({d})");
            (Col::OpinionText(d), what)
        } else if let Some(d) = opinion_dept(h, OPINION_TIME) {
            let what = format!("{OPINION_TIME}({d})");
            (Col::OpinionTime(d), what)
        } else {
            return Err(header_error(t!("import-err-unknown-column", heading = h)));
        };
        if let Some((_, other)) = seen.iter().find(|(w, _)| *w == what) {
            return Err(header_error(if other == h {
                t!("import-err-duplicate-column", heading = h)
            } else {
                t!("import-err-same-column", heading = h, other = other)
            }));
        }
        seen.push((what, h.to_string()));
        cols.push(col);
    }
    let mut rows = vec![];
    let mut errors = vec![];
    for (i, record) in reader.records().enumerate() {
        let number = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(RowError {
                    row: number,
                    column: t!("import-where-row"),
                    reason: t!("import-err-unparsable", reason = e.to_string()),
                });
                continue;
            }
        };
        let mut raw = RawCase::default();
        let mut opinions: BTreeMap<String, RawOpinion> = BTreeMap::new();
        for (col, cell) in cols.iter().zip(record.iter()) {
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            let value = Some(cell.to_string());
            match col {
                Col::Derived => {}
                Col::Status(heading) => {
                    let voided = crate::case::Status::Voided;
                    if same(cell, voided.code())
                        || Lang::ALL.iter().any(|l| same(cell, &voided.label_in(*l)))
                    {
                        errors.push(RowError {
                            row: number,
                            column: heading.clone(),
                            reason: t!("clerk-import-voided"),
                        });
                    }
                }
                Col::NotImported(heading) => errors.push(RowError {
                    row: number,
                    column: heading.clone(),
                    reason: t!("clerk-import-not-replayed"),
                }),
                Col::Field(key) => set_field(&mut raw, key, value),
                Col::OpinionText(d) => {
                    opinions.entry(d.clone()).or_default().text = cell.to_string()
                }
                Col::OpinionTime(d) => opinions.entry(d.clone()).or_default().at = value,
            }
        }
        raw.opinions = opinions
            .into_iter()
            .map(|(dept, mut o)| {
                o.dept = dept;
                o
            })
            .collect();
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push(Row { number, raw });
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

fn set_field(raw: &mut RawCase, key: &str, value: Option<String>) {
    let slot = match key {
        "id" => &mut raw.id,
        "received_at" => &mut raw.received_at,
        "channel" => &mut raw.channel,
        "payer_kind" => &mut raw.payer_kind,
        "payer_name" => &mut raw.payer_name,
        "payer_id" => &mut raw.payer_id,
        "contact" => &mut raw.contact,
        "phone" => &mut raw.phone,
        "district" => &mut raw.district,
        "title" => &mut raw.title,
        "summary" => &mut raw.summary,
        "category" => &mut raw.category,
        "insurance" => &mut raw.insurance,
        "track" => &mut raw.track,
        "classified_at" => &mut raw.classified_at,
        "redirect_to" => &mut raw.redirect_to,
        "assign" => &mut raw.assign,
        "assigned_at" => &mut raw.assigned_at,
        "replied_at" => &mut raw.replied_at,
        "reply" => &mut raw.reply,
        "archived_at" => &mut raw.archived_at,
        "outcome" => &mut raw.outcome,
        "remedy" => &mut raw.remedy,
        "note" => &mut raw.note,
        _ => return,
    };
    *slot = value;
}

/// The heading of a column in the chosen language, for error messages.
fn column(key: &str) -> String {
    heading(key)
}

/// The CSV template in the chosen language: header and one sample row (a general matter
/// replied and archived).
/// A case as one `[[cases]]` table of an import file, to carry it into a new casebook
/// (`dispute export --format toml`, then `dispute import` there): the case's number, its
/// payer (`case.payer` must hold the clear values), its facts and every record import can
/// replay. The case is carried, not its history: the new casebook's import replays it under
/// the importer and the departments' handlers. `Err` names the first action import cannot
/// replay (a major matter, a referral, a withdrawn or second assignment, a consultation),
/// so such a case cannot be carried this way.
pub fn export_row(case: &Case) -> std::result::Result<toml::Table, workflow::Action> {
    use toml::Value;
    use workflow::Action as A;
    let mut assigned = false;
    for e in &case.events {
        let ok = match e.action {
            A::Register | A::Redirect | A::Opinion | A::Reply | A::Archive => true,
            A::Classify => matches!(case.track, Some(Track::Own | Track::General)),
            A::Assign => !std::mem::replace(&mut assigned, true),
            _ => false,
        };
        if !ok {
            return Err(e.action);
        }
    }
    let at = |action: A| {
        case.events
            .iter()
            .find(|e| e.action == action)
            .map(|e| Value::String(e.at.to_rfc3339()))
    };
    let mut t = toml::Table::new();
    let mut put = |key: &str, v: Option<Value>| {
        if let Some(v) = v {
            t.insert(key.to_string(), v);
        }
    };
    let text = |s: &str| Some(Value::String(s.to_string()));
    let codes =
        |v: Vec<&str>| Value::Array(v.into_iter().map(|c| Value::String(c.into())).collect());
    put("id", text(&case.id));
    put("received_at", text(&case.received_at.to_rfc3339()));
    put("channel", text(case.channel.code()));
    put("payer_kind", text(case.payer.kind.code()));
    put("payer_name", text(&case.payer.name));
    put("payer_id", case.payer.id_code.as_deref().and_then(text));
    put("contact", case.payer.contact.as_deref().and_then(text));
    put("phone", text(&case.payer.phone));
    put("district", text(&case.district));
    put("title", case.title.as_deref().and_then(text));
    put("summary", text(&case.summary));
    put("category", case.category.map(|c| Value::Integer(c.into())));
    if !case.insurance.is_empty() {
        put(
            "insurance",
            Some(codes(case.insurance.iter().map(|i| i.code()).collect())),
        );
    }
    if let Some(r) = &case.redirect {
        put("track", text("redirect"));
        put("classified_at", at(A::Redirect));
        put("redirect_to", text(&r.dept));
        put("note", text(&r.note));
    } else if let Some(track) = case.track {
        put("track", text(track.code()));
        put("classified_at", at(A::Classify));
    }
    if !case.assignments.is_empty() {
        put(
            "assign",
            Some(codes(
                case.assignments.iter().map(|a| a.dept.as_str()).collect(),
            )),
        );
        put("assigned_at", at(A::Assign));
    }
    if !case.opinions.is_empty() {
        let opinions = case
            .opinions
            .iter()
            .map(|o| {
                let mut ot = toml::Table::new();
                ot.insert("dept".into(), Value::String(o.dept.clone()));
                ot.insert("at".into(), Value::String(o.at.to_rfc3339()));
                ot.insert("text".into(), Value::String(o.text.clone()));
                Value::Table(ot)
            })
            .collect();
        put("opinions", Some(Value::Array(opinions)));
    }
    if let Some(r) = &case.reply {
        put("replied_at", text(&r.at.to_rfc3339()));
        put("reply", text(&r.text));
    }
    if let Some(a) = &case.archive {
        put("archived_at", text(&a.at.to_rfc3339()));
        put("outcome", text(a.outcome.code()));
        put("remedy", a.remedy.map(|r| Value::String(r.code().into())));
        put("note", a.note.as_deref().and_then(text));
    }
    Ok(t)
}

/// An import file (TOML) of rows made by [`export_row`].
pub fn export_file(rows: Vec<toml::Table>) -> String {
    let mut file = toml::Table::new();
    file.insert(
        "cases".into(),
        toml::Value::Array(rows.into_iter().map(toml::Value::Table).collect()),
    );
    toml::to_string(&file).expect("a table serialises")
}

pub fn template() -> String {
    template_in(dispute_i18n::lang())
}

/// The CSV template with the headings and the sample row of a language; it imports in any.
pub fn template_in(lang: Lang) -> String {
    let mut header: Vec<String> = COLUMNS.iter().map(|(_, msg)| t_in!(lang, msg)).collect();
    header.extend([
        opinion_text_heading(lang, "hrss"),
        opinion_time_heading(lang, "hrss"),
        opinion_text_heading(lang, "medical"),
        opinion_time_heading(lang, "medical"),
    ]);
    let s = |key: &str| t_in!(lang, key);
    let sample = [
        String::new(),
        "2025-03-10 09:30".into(),
        s("import-sample-channel"),
        s("import-sample-payer-kind"),
        s("import-sample-payer-name"),
        String::new(),
        s("import-sample-contact"),
        "13800000000".into(),
        s("import-sample-district"),
        s("import-sample-title"),
        s("import-sample-summary"),
        "3".into(),
        s("import-sample-insurance"),
        s("import-sample-track"),
        "2025-03-10 11:00".into(),
        String::new(),
        s("import-sample-assign"),
        "2025-03-10 11:10".into(),
        "2025-03-20 15:00".into(),
        s("import-sample-reply"),
        "2025-03-25 09:00".into(),
        s("import-sample-outcome"),
        String::new(),
        s("import-sample-note"),
        s("import-sample-opinion-hrss"),
        "2025-03-14 16:00".into(),
        s("import-sample-opinion-medical"),
        "2025-03-17 10:00".into(),
    ];
    let mut w = csv::Writer::from_writer(vec![]);
    let _ = w.write_record(&header);
    let _ = w.write_record(sample);
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// What the replay needs from the casebook and the store.
pub struct Context<'a> {
    pub book: &'a Casebook,
    pub cal: &'a Calendar,
    pub importer: &'a Operator,
    pub now: Time,
    /// Whether a case ID already exists in HEAD.
    pub exists: &'a dyn Fn(&CaseId) -> bool,
    /// The next free sequence of the importer's department in a year, in HEAD.
    pub next_seq: &'a dyn Fn(i32) -> u32,
    /// An existing case with this payer name and time of receipt, if any (a ledger
    /// imported again under another encoding or file name).
    pub same_case: &'a (dyn Fn(&str, Time) -> Option<String> + Sync),
    /// When the casebook was created (its first commit). Imported history is the paper
    /// ledger of before: a row may carry later events only as a new registration, never
    /// opinions, replies or archives that the tool itself should have recorded, signed by
    /// their own operators.
    pub created: Option<Time>,
}

/// Replay every row; all the cases, or every error of every row.
pub fn build(rows: &[Row], cx: &Context) -> std::result::Result<Vec<Case>, Vec<RowError>> {
    let mut errors = vec![];
    let mut cases = vec![];
    // Explicit IDs first, so allocated ones go around them.
    let mut taken: HashSet<CaseId> = HashSet::new();
    let mut explicit: Vec<Option<CaseId>> = vec![];
    for row in rows {
        let id = match row
            .raw
            .id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(s) => match check_id(s, cx, &taken) {
                Ok(id) => {
                    taken.insert(id.clone());
                    Some(id)
                }
                Err(reason) => {
                    errors.push(RowError {
                        row: row.number,
                        column: column("id"),
                        reason,
                    });
                    None
                }
            },
        };
        explicit.push(id);
    }
    let ids = allocate(rows, explicit, cx, &taken);
    let rx = Replay {
        book: cx.book,
        cal: cx.cal,
        importer: cx.importer,
        now: cx.now,
        same_case: cx.same_case,
    };
    let pairs: Vec<(&Row, Option<CaseId>)> = rows.iter().zip(ids).collect();
    let replayed = crate::cores::runs(&pairs, 64, |part| {
        part.iter()
            .map(|(row, id)| replay(row, id.clone(), &rx))
            .collect::<Vec<_>>()
    });
    let mut first_row: std::collections::HashMap<(String, i64), usize> = Default::default();
    for (row, replayed) in rows.iter().zip(replayed.into_iter().flatten()) {
        match replayed {
            Ok(case) => {
                if let Some(created) = cx.created
                    && let Some(late) = case.events.iter().skip(1).find(|e| e.at >= created)
                {
                    errors.push(RowError {
                        row: row.number,
                        column: column(late_column(late.action)),
                        reason: t!(
                            "import-err-after-creation",
                            action = late.action.label(),
                            at = late.at.to_rfc3339(),
                            created = created.to_rfc3339()
                        ),
                    });
                    continue;
                }
                let key = (case.payer.name.clone(), case.received_at.timestamp());
                if let Some(first) = first_row.get(&key) {
                    errors.push(RowError {
                        row: row.number,
                        column: column("received_at"),
                        reason: t!("import-err-duplicate-row", first = *first),
                    });
                    continue;
                }
                first_row.insert(key, row.number);
                cases.push(case);
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    errors.sort_by_key(|e| e.row);
    if errors.is_empty() {
        Ok(cases)
    } else {
        Err(errors)
    }
}

/// The column an imported event comes from.
fn late_column(action: crate::case::Action) -> &'static str {
    use crate::case::Action as A;
    match action {
        A::Classify | A::Redirect => "classified_at",
        A::Assign => "assigned_at",
        A::Reply => "replied_at",
        A::Archive => "archived_at",
        _ => "assign",
    }
}

fn check_id(s: &str, cx: &Context, taken: &HashSet<CaseId>) -> std::result::Result<CaseId, String> {
    let id = CaseId::parse(s).map_err(|e| e.to_string())?;
    if id.dept != cx.importer.dept {
        return Err(t!(
            "import-err-id-other-dept",
            id = s,
            dept = cx.importer.dept.to_ascii_uppercase()
        ));
    }
    if taken.contains(&id) {
        return Err(t!("import-err-id-repeated", id = s));
    }
    if (cx.exists)(&id) {
        return Err(t!("import-err-id-exists", id = s));
    }
    Ok(id)
}

type RowResult<T> = std::result::Result<T, Vec<RowError>>;

/// What replaying a row needs: the part of [`Context`] the threads of the replay share.
struct Replay<'a> {
    book: &'a Casebook,
    cal: &'a Calendar,
    importer: &'a Operator,
    now: Time,
    same_case: &'a (dyn Fn(&str, Time) -> Option<String> + Sync),
}

/// The year a case received at `at` is numbered in.
fn year_of(at: &Time) -> i32 {
    calendar::local_date(at).year()
}

/// Each row's case ID: its own (checked before), or the next free number of the importer's
/// department in the year the row was received, in row order and around the IDs `taken`.
/// A row whose time of receipt is missing or does not parse gets none: its replay says why.
/// Numbers are given before the rows are replayed (on all cores); a row that then fails
/// fails the whole import, so no number is lost.
fn allocate(
    rows: &[Row],
    explicit: Vec<Option<CaseId>>,
    cx: &Context,
    taken: &HashSet<CaseId>,
) -> Vec<Option<CaseId>> {
    let mut next: BTreeMap<i32, u32> = BTreeMap::new();
    rows.iter()
        .zip(explicit)
        .map(|(row, id)| {
            if id.is_some() {
                return id;
            }
            let received = row.raw.received_at.as_deref();
            let received = received.filter(|s| !s.trim().is_empty())?;
            let year = year_of(&calendar::normalise(calendar::parse_time(received).ok()?));
            let seq = next.entry(year).or_insert_with(|| (cx.next_seq)(year));
            loop {
                let candidate = CaseId::new(&cx.importer.dept, year, *seq);
                *seq += 1;
                if !taken.contains(&candidate) {
                    break Some(candidate);
                }
            }
        })
        .collect()
}

fn replay(row: &Row, id: Option<CaseId>, cx: &Replay) -> RowResult<Case> {
    let r = &row.raw;
    let mut errors = vec![];
    let err = |key: &str, reason: String| RowError {
        row: row.number,
        column: column(key),
        reason,
    };
    // Collect field errors, then stop before the replay if any.
    macro_rules! field {
        ($e:expr) => {
            match $e {
                Ok(v) => Some(v),
                Err(e) => {
                    errors.push(e);
                    None
                }
            }
        };
    }
    let required = |key: &str, v: &Option<String>| -> std::result::Result<String, RowError> {
        v.clone()
            .filter(|s| !s.trim().is_empty())
            .ok_or_else(|| err(key, t!("import-err-required")))
    };
    let time = |key: &str, v: &Option<String>| -> std::result::Result<Option<Time>, RowError> {
        v.as_deref()
            .map(|s| {
                calendar::parse_time(s)
                    .map(calendar::normalise)
                    .map_err(|e| err(key, e.to_string()))
            })
            .transpose()
    };
    let received = field!(
        required("received_at", &r.received_at)
            .and_then(|s| time("received_at", &Some(s)))
            .map(|t| t.expect("present"))
    );
    let channel = field!(match r.channel.as_deref() {
        None => Ok(Channel::Visit),
        Some(s) => coded(s, Channel::ALL)
            .ok_or_else(|| err("channel", t!("import-err-unknown", value = s))),
    });
    let payer_kind = field!(required("payer_kind", &r.payer_kind).and_then(|s| {
        coded(&s, PayerKind::ALL)
            .ok_or_else(|| err("payer_kind", t!("import-err-unknown-payer-kind", value = s)))
    }));
    let payer_name =
        field!(required("payer_name", &r.payer_name).and_then(|s| {
            validate::payer_name(&s).map_err(|e| err("payer_name", e.to_string()))
        }));
    let payer_id = field!(
        r.payer_id
            .as_deref()
            .map(validate::id_code)
            .transpose()
            .map_err(|e| err("payer_id", e.to_string()))
    );
    let contact = field!(
        r.contact
            .as_deref()
            .map(|c| validate::name(&column("contact"), c))
            .transpose()
            .map_err(|e| err("contact", e.to_string()))
    );
    let phone = field!(
        required("phone", &r.phone)
            .and_then(|s| validate::phone(&s).map_err(|e| err("phone", e.to_string())))
    );
    let district = field!(
        required("district", &r.district)
            .and_then(|s| validate::district(&s).map_err(|e| err("district", e.to_string())))
    );
    let title = field!(
        r.title
            .as_deref()
            .map(validate::title)
            .transpose()
            .map_err(|e| err("title", e.to_string()))
    );
    let summary = field!(required("summary", &r.summary).and_then(|s| {
        validate::text(&column("summary"), &s).map_err(|e| err("summary", e.to_string()))
    }));
    let category = field!(
        r.category
            .as_deref()
            .map(|s| {
                // The number, with the category's name after it as the ledger writes it
                // (`3 缴费基数申报`).
                s.split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .parse::<u8>()
                    .map_err(|_| err("category", t!("import-err-not-category", value = s)))
                    .and_then(|n| validate::category(n).map_err(|e| err("category", e.to_string())))
            })
            .transpose()
    );
    let insurance = field!(
        r.insurance
            .as_deref()
            .map(|s| {
                parse_list(s, |p| coded(p, Insurance::ALL))
                    .map_err(|p| err("insurance", t!("import-err-unknown-insurance", value = p)))
            })
            .transpose()
    )
    .map(|v| {
        let mut v = v.unwrap_or_default();
        v.sort();
        v.dedup();
        v
    });
    let track = field!(
        r.track
            .as_deref()
            .map(|s| parse_track(s)
                .ok_or_else(|| err("track", t!("import-err-unknown-track", value = s))))
            .transpose()
    );
    let classified_at = field!(time("classified_at", &r.classified_at));
    let redirect_to = field!(
        r.redirect_to
            .as_deref()
            .map(|s| dept_code(cx.book, s)
                .ok_or_else(|| err("redirect_to", t!("import-err-no-dept", value = s))))
            .transpose()
    );
    let assign = field!(
        r.assign
            .as_deref()
            .map(|s| {
                parse_list(s, |p| dept_code(cx.book, p))
                    .map_err(|p| err("assign", t!("import-err-no-dept", value = p)))
            })
            .transpose()
    )
    .map(|v| v.unwrap_or_default());
    let assigned_at = field!(time("assigned_at", &r.assigned_at));
    let mut opinions = vec![];
    for o in &r.opinions {
        let key = opinion_text_heading(dispute_i18n::lang(), &o.dept);
        let Some(dept) = dept_code(cx.book, &o.dept) else {
            errors.push(RowError {
                row: row.number,
                column: key,
                reason: t!("import-err-no-dept", value = o.dept),
            });
            continue;
        };
        let text = match validate::text(&t!(OPINION_TEXT), &o.text) {
            Ok(t) => t,
            Err(e) => {
                errors.push(RowError {
                    row: row.number,
                    column: key,
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let at = match o.at.as_deref().map(calendar::parse_time).transpose() {
            Ok(t) => t.map(calendar::normalise),
            Err(e) => {
                errors.push(RowError {
                    row: row.number,
                    column: opinion_time_heading(dispute_i18n::lang(), &o.dept),
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let Some(handler) = cx
            .book
            .operators
            .iter()
            .find(|op| op.active && op.dept == dept && op.has(Role::Handler))
        else {
            errors.push(RowError {
                row: row.number,
                column: key,
                reason: t!("import-err-no-handler", dept = cx.book.dept_short(&dept)),
            });
            continue;
        };
        opinions.push((dept, at, text, handler));
    }
    let replied_at = field!(time("replied_at", &r.replied_at));
    let reply = field!(
        r.reply
            .as_deref()
            .map(|s| validate::text(&column("reply"), s))
            .transpose()
            .map_err(|e| err("reply", e.to_string()))
    );
    let archived_at = field!(time("archived_at", &r.archived_at));
    let outcome = field!(
        r.outcome
            .as_deref()
            .map(|s| parse_outcome(s)
                .ok_or_else(|| err("outcome", t!("import-err-unknown-outcome", value = s))))
            .transpose()
    );
    let remedy = field!(
        r.remedy
            .as_deref()
            .map(|s| parse_remedy(s)
                .ok_or_else(|| err("remedy", t!("import-err-unknown-remedy", value = s))))
            .transpose()
    );
    let note = field!(
        r.note
            .as_deref()
            .map(|s| validate::text(&column("note"), s))
            .transpose()
            .map_err(|e| err("note", e.to_string()))
    );
    if !errors.is_empty() {
        return Err(errors);
    }
    let (
        Some(received),
        Some(channel),
        Some(payer_kind),
        Some(payer_name),
        Some(payer_id),
        Some(contact),
        Some(phone),
        Some(district),
        Some(title),
        Some(summary),
        Some(category),
        Some(insurance),
        Some(track),
        Some(classified_at),
        Some(redirect_to),
        Some(assign),
        Some(assigned_at),
        Some(replied_at),
        Some(reply),
        Some(archived_at),
        Some(outcome),
        Some(remedy),
        Some(note),
    ) = (
        received,
        channel,
        payer_kind,
        payer_name,
        payer_id,
        contact,
        phone,
        district,
        title,
        summary,
        category,
        insurance,
        track,
        classified_at,
        redirect_to,
        assign,
        assigned_at,
        replied_at,
        reply,
        archived_at,
        outcome,
        remedy,
        note,
    )
    else {
        unreachable!("every field parsed when there are no errors");
    };

    // A department the payer was told to go to, without a track, is a redirect (as the
    // exported ledger writes one: its track column is empty).
    let track = track.or_else(|| redirect_to.is_some().then_some(ImportTrack::Redirect));
    // Steps that need an earlier step.
    let fail = |key: &str, reason: String| Err(vec![err(key, reason)]);
    if track.is_none() && (classified_at.is_some() || !assign.is_empty() || replied_at.is_some()) {
        return fail("track", t!("import-err-track-needed"));
    }
    if (replied_at.is_some()) != (reply.is_some()) {
        return fail("reply", t!("import-err-reply-pair"));
    }
    if archived_at.is_some() && outcome.is_none() {
        return fail("outcome", t!("import-err-outcome-needed"));
    }
    if archived_at.is_none() && (outcome.is_some() || remedy.is_some()) {
        return fail("archived_at", t!("import-err-archive-needed"));
    }

    let year = year_of(&received);
    // None only when the time of receipt did not parse, which is reported above.
    let Some(id) = id else {
        return fail("received_at", t!("import-err-required"));
    };
    if id.year != year {
        return fail(
            "id",
            t!("import-err-id-year", id_year = id.year, year = year),
        );
    }

    let actor = cx.importer;
    let ctx = |at: Time, actor: &'_ Operator| -> (Time, Operator) { (at, actor.clone()) };
    let run =
        |case: &Case, cmd: Command, (at, actor): (Time, Operator), key: &str| -> RowResult<Case> {
            let c = Ctx {
                book: cx.book,
                cal: cx.cal,
                actor: &actor,
                at,
                now: cx.now,
            };
            workflow::apply(case, &cmd, &c).map_err(|e| vec![err(key, e.to_string())])
        };
    let new = NewCase {
        counterparty: None,
        payer: crate::case::Payer {
            kind: payer_kind,
            name: payer_name,
            id_code: payer_id,
            contact,
            phone,
            sealed: None,
        },
        title,
        summary,
        district,
        channel,
        category,
        insurance: insurance.clone(),
    };
    if let Some(existing) = (cx.same_case)(&new.payer.display_name(), received) {
        return fail(
            "received_at",
            t!("import-err-same-case", existing = existing),
        );
    }
    let reg_ctx = Ctx {
        book: cx.book,
        cal: cx.cal,
        actor,
        at: received,
        now: cx.now,
    };
    let mut case = workflow::register(&id, new, &reg_ctx)
        .map_err(|e| vec![err("received_at", e.to_string())])?;

    if let Some(track) = track {
        let at = classified_at.unwrap_or(received);
        case = match track {
            ImportTrack::Redirect => {
                let Some(dept) = redirect_to else {
                    return fail("redirect_to", t!("import-err-redirect-to-needed"));
                };
                run(
                    &case,
                    Command::Redirect {
                        dept,
                        // Written into the case file: Chinese, like the commit messages.
                        note: note
                            .clone()
                            .unwrap_or_else(|| t_in!(Lang::Zh, "import-redirect-note")),
                    },
                    ctx(at, actor),
                    "track",
                )?
            }
            ImportTrack::Track(t) => {
                let Some(category) = category else {
                    return fail("category", t!("import-err-category-needed"));
                };
                run(
                    &case,
                    Command::Classify {
                        track: t,
                        category: Some(category),
                        insurance,
                        note: None,
                    },
                    ctx(at, actor),
                    "track",
                )?
            }
        };
    }
    if !assign.is_empty() {
        let at = assigned_at.or(classified_at).unwrap_or(received);
        case = run(
            &case,
            Command::Assign {
                depts: assign,
                due: None,
                hotline_ticket: None,
            },
            ctx(at, actor),
            "assign",
        )?;
    }

    // Opinions with a time in time order; those without one after them, at the latest
    // time so far.
    opinions.sort_by_key(|(_, at, _, _)| (at.is_none(), *at));
    for (dept, at, text, handler) in opinions {
        let at = at.unwrap_or(case.last_event_at().unwrap_or(received));
        let key = opinion_text_heading(dispute_i18n::lang(), &dept);
        case = run(
            &case,
            Command::Opinion { dept, text },
            ctx(at, handler),
            "assign",
        )
        .map_err(|mut e| {
            for x in &mut e {
                x.column.clone_from(&key);
            }
            e
        })?;
    }
    if let (Some(at), Some(text)) = (replied_at, reply) {
        case = run(
            &case,
            Command::Reply {
                text,
                act_date: None,
            },
            ctx(at, actor),
            "reply",
        )?;
    }
    if let (Some(at), Some(outcome)) = (archived_at, outcome) {
        case = run(
            &case,
            Command::Archive {
                outcome,
                remedy,
                note,
            },
            ctx(at, actor),
            "archived_at",
        )?;
    }
    crate::schema::check_case(&case, &id.path()).map_err(|e| vec![err("id", e.to_string())])?;
    case.imported = Some(crate::case::Imported {
        by: cx.importer.id.clone(),
        at: cx.now,
    });
    Ok(case)
}

enum ImportTrack {
    Track(Track),
    Redirect,
}

/// The words of an alias message (`import-alias-*`) in every language of the catalog.
fn is_alias(s: &str, key: &str) -> bool {
    Lang::ALL
        .iter()
        .any(|l| t_in!(*l, key).split('|').any(|a| same(a.trim(), s)))
}

/// Cell text equal to a code, a label or an alias: exactly, but ASCII letters in any case.
fn same(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

fn parse_track(s: &str) -> Option<ImportTrack> {
    let s = s.trim();
    if same(s, "redirect") || is_alias(s, "import-alias-redirect") {
        return Some(ImportTrack::Redirect);
    }
    coded(s, &[Track::Own, Track::General]).map(ImportTrack::Track)
}

fn parse_outcome(s: &str) -> Option<Outcome> {
    let s = s.trim();
    coded(s, Outcome::ALL).or_else(|| {
        [
            (Outcome::Accepted, "import-alias-outcome-accepted"),
            (Outcome::Objected, "import-alias-outcome-objected"),
        ]
        .into_iter()
        .find(|(_, key)| is_alias(s, key))
        .map(|(o, _)| o)
    })
}

fn parse_remedy(s: &str) -> Option<Remedy> {
    let s = s.trim();
    coded(s, Remedy::ALL).or_else(|| {
        [
            (Remedy::Mediation, "import-alias-remedy-mediation"),
            (
                Remedy::Reconsideration,
                "import-alias-remedy-reconsideration",
            ),
            (Remedy::Arbitration, "import-alias-remedy-arbitration"),
            (Remedy::Litigation, "import-alias-remedy-litigation"),
        ]
        .into_iter()
        .find(|(_, key)| is_alias(s, key))
        .map(|(r, _)| r)
    })
}

/// A code typed as the ASCII code or as its label in any language of the catalog.
fn coded<T: Copy + Label + CodeOf>(s: &str, all: &[T]) -> Option<T> {
    let s = s.trim();
    // A label with a note in brackets (医疗保险（含生育）, Medical insurance (incl.
    // maternity)) also matches without it.
    let matches = |label: &str| {
        same(label, s) || same(label.split(['（', '(']).next().unwrap_or(label).trim(), s)
    };
    // The code and the chosen language's label first (cached), then the other languages.
    all.iter()
        .copied()
        .find(|v| same(v.code_of(), s) || matches(v.label()))
        .or_else(|| {
            all.iter()
                .copied()
                .find(|v| Lang::ALL.iter().any(|l| matches(&v.label_in(*l))))
        })
}

/// Access to the ASCII code of the file enums, for `coded`.
pub trait CodeOf {
    fn code_of(&self) -> &'static str;
}

macro_rules! code_of {
    ($($t:ty),*) => { $(impl CodeOf for $t { fn code_of(&self) -> &'static str { self.code() } })* };
}
code_of!(Channel, PayerKind, Insurance, Outcome, Remedy, Track);

fn dept_code(book: &Casebook, s: &str) -> Option<String> {
    let s = s.trim();
    book.departments
        .iter()
        .find(|d| d.code == s || d.short == s || d.name == s)
        .map(|d| d.code.clone())
}

/// The items of a list cell, each known to `one`: separated by 、 , ， ; ； or, where an item
/// is not known as it stands, by spaces (labels may hold spaces: `Pension insurance`). The
/// error is the item not known.
fn parse_list<T>(s: &str, one: impl Fn(&str) -> Option<T>) -> std::result::Result<Vec<T>, String> {
    let mut out = vec![];
    for piece in s
        .split(['、', ',', '，', ';', '；'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if let Some(v) = one(piece) {
            out.push(v);
            continue;
        }
        let words: Vec<&str> = piece.split_whitespace().collect();
        if words.len() < 2 {
            return Err(piece.to_string());
        }
        for w in words {
            out.push(one(w).ok_or_else(|| w.to_string())?);
        }
    }
    Ok(out)
}

/// Refuse an import that cannot go ahead at all (as opposed to bad rows).
pub fn refuse(reason: impl Into<String>) -> Error {
    Error::invalid(t!("import-what-file"), reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(id: &str, dept: &str, roles: &[Role]) -> Operator {
        Operator {
            id: id.into(),
            name: id.into(),
            email: format!("{id}@example.org"),
            dept: dept.into(),
            roles: roles.to_vec(),
            active: true,
            phone: None,
            keys: vec![],
        }
    }

    fn book() -> Casebook {
        let mut b = Casebook::new("芮城县", op("admin", "tax", &[Role::Admin, Role::Receiver]));
        b.operators.push(op("lisi", "hrss", &[Role::Handler]));
        b.operators.push(op("zhaoliu", "medical", &[Role::Handler]));
        b
    }

    /// A replay by `admin` of `book` into a casebook with no case, where numbers start at
    /// `next_seq`.
    fn context<'a>(
        book: &'a Casebook,
        cal: &'a Calendar,
        importer: &'a Operator,
        next_seq: &'a dyn Fn(i32) -> u32,
    ) -> Context<'a> {
        fn no_case(_: &CaseId) -> bool {
            false
        }
        fn no_same_case(_: &str, _: Time) -> Option<String> {
            None
        }
        Context {
            book,
            cal,
            importer,
            now: calendar::parse_time("2026-12-31 18:00").expect("time"),
            exists: &no_case,
            next_seq,
            same_case: &no_same_case,
            created: None,
        }
    }

    /// Parse and replay a CSV text; the cases as TOML, or the row errors.
    fn import(text: &str) -> std::result::Result<Vec<String>, Vec<RowError>> {
        let book = book();
        let cal = book.calendar();
        let importer = book.operator("admin").expect("admin").clone();
        let cx = context(&book, &cal, &importer, &|_| 1);
        let rows = parse_csv(text)?;
        build(&rows, &cx).map(|cases| cases.iter().map(Case::to_toml).collect())
    }

    #[test]
    fn numbers_are_given_in_row_order_per_year_around_the_ids_taken() {
        let book = book();
        let cal = book.calendar();
        let importer = book.operator("admin").expect("admin").clone();
        // HEAD already has numbers up to 0006 in 2025, none in 2024.
        let next_seq = |year: i32| if year == 2025 { 7 } else { 1 };
        let cx = context(&book, &cal, &importer, &next_seq);
        let row = |number: usize, received: Option<&str>| Row {
            number,
            raw: RawCase {
                received_at: received.map(str::to_string),
                ..RawCase::default()
            },
        };
        let rows = [
            row(2, Some("2025-03-01 09:00")),
            row(3, Some("2025-03-02 09:00")),
            row(4, Some("2024-12-30 09:00")),
            row(5, Some("not a time")),
            row(6, None),
            row(7, Some("2025-03-03 09:00")),
            row(8, Some("2025-03-04 09:00")),
        ];
        let id = |s: &str| CaseId::parse(s).expect("id");
        // Row 8 names its own; 0008 is taken by another row's explicit ID.
        let mut explicit = vec![None; rows.len()];
        explicit[6] = Some(id("TAX-2025-0020"));
        let taken: HashSet<CaseId> = [id("TAX-2025-0008"), id("TAX-2025-0020")].into();
        let ids: Vec<Option<String>> = allocate(&rows, explicit, &cx, &taken)
            .into_iter()
            .map(|i| i.map(|i| i.to_string()))
            .collect();
        let want = [
            Some("TAX-2025-0007"),
            Some("TAX-2025-0009"),
            Some("TAX-2024-0001"),
            None,
            None,
            Some("TAX-2025-0010"),
            Some("TAX-2025-0020"),
        ];
        assert_eq!(ids, want.map(|i| i.map(str::to_string)));
    }

    /// The text with its first line (the header) replaced.
    fn with_header(text: &str, header: &str) -> String {
        let (_, body) = text.split_once('\n').expect("a header line");
        format!("{header}\n{body}")
    }

    fn header_of(text: &str) -> &str {
        text.lines().next().expect("a header line")
    }

    #[test]
    fn english_headings_import_the_same_as_chinese_ones() {
        let zh = template_in(Lang::Zh);
        let en_header = header_of(&template_in(Lang::En)).to_string();
        assert!(en_header.starts_with("Case ID,Received at,"), "{en_header}");
        assert!(en_header.contains("Written opinion (hrss)"), "{en_header}");
        let en = with_header(&zh, &en_header);
        assert_ne!(header_of(&zh), header_of(&en));

        let from_zh = import(&zh).expect("Chinese headings import");
        let from_en = import(&en).expect("English headings import");
        assert_eq!(from_zh.len(), 1);
        assert_eq!(
            from_zh, from_en,
            "same cases whatever the headings' language"
        );
        assert!(
            from_zh[0].contains("status = \"archived\""),
            "{}",
            from_zh[0]
        );

        // Headings of both languages mixed, in another case, also import the same.
        let mixed = header_of(&zh)
            .split(',')
            .zip(en_header.split(','))
            .enumerate()
            .map(|(i, (z, e))| {
                if i % 2 == 0 {
                    z.to_string()
                } else {
                    e.to_ascii_lowercase()
                }
            })
            .collect::<Vec<_>>()
            .join(",");
        assert_eq!(import(&with_header(&zh, &mixed)).expect("mixed"), from_zh);
    }

    #[test]
    fn the_english_template_imports_like_the_chinese_one() {
        let zh = import(&template_in(Lang::Zh)).expect("Chinese template");
        let en = import(&template_in(Lang::En)).expect("English template");
        let codes = |toml: &str| -> Vec<String> {
            toml.lines()
                .filter(|l| {
                    [
                        "status",
                        "track",
                        "category",
                        "insurance",
                        "channel",
                        "kind",
                        "outcome",
                        "dept",
                    ]
                    .iter()
                    .any(|k| l.starts_with(&format!("{k} =")))
                })
                .map(str::to_string)
                .collect()
        };
        assert!(codes(&zh[0]).len() >= 8, "{:?}", codes(&zh[0]));
        assert_eq!(codes(&zh[0]), codes(&en[0]), "{}\n{}", zh[0], en[0]);
    }

    #[test]
    fn a_column_named_twice_in_two_languages_is_refused() {
        let zh = template_in(Lang::Zh);
        let header = format!("{},Case ID", header_of(&zh));
        let (_, body) = zh.split_once('\n').expect("body");
        let body = body.replace('\n', ",\n");
        let errors = parse_csv(&format!("{header}\n{body}")).expect_err("refused");
        assert_eq!(errors[0].row, 1);
        assert!(errors[0].reason.contains("Case ID"), "{errors:?}");
        assert!(errors[0].reason.contains("编号"), "{errors:?}");
    }

    #[test]
    fn codes_by_label_or_alias_in_any_language() {
        assert_eq!(parse_outcome("无异议"), Some(Outcome::Accepted));
        assert_eq!(parse_outcome("No objection"), Some(Outcome::Accepted));
        assert_eq!(parse_outcome("objected"), Some(Outcome::Objected));
        assert_eq!(parse_remedy("复议"), Some(Remedy::Reconsideration));
        assert_eq!(parse_remedy("Lawsuit"), Some(Remedy::Litigation));
        assert!(matches!(parse_track("告知"), Some(ImportTrack::Redirect)));
        assert!(matches!(
            parse_track("General matter"),
            Some(ImportTrack::Track(Track::General))
        ));
        assert_eq!(coded("医疗保险", Insurance::ALL), Some(Insurance::Medical));
        assert_eq!(
            coded("Medical insurance", Insurance::ALL),
            Some(Insurance::Medical)
        );
        assert_eq!(coded("employer", PayerKind::ALL), Some(PayerKind::Employer));
        assert_eq!(
            parse_list("Pension insurance, Medical insurance", |p| coded(
                p,
                Insurance::ALL
            )),
            Ok(vec![Insurance::Pension, Insurance::Medical])
        );
        assert_eq!(
            parse_list("养老保险 医疗保险、失业保险", |p| coded(
                p,
                Insurance::ALL
            )),
            Ok(vec![
                Insurance::Pension,
                Insurance::Medical,
                Insurance::Unemployment
            ])
        );
        assert_eq!(
            parse_list("养老保险 火险", |p| coded(p, Insurance::ALL)),
            Err("火险".to_string())
        );
    }
}
