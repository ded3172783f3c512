//! Batch import of a ledger (台账): CSV with Chinese column names (UTF-8, with or without
//! BOM, or GB18030 as Excel in China writes it) or TOML (`[[cases]]`).
//!
//! A row may carry the case's history so far: classification (own or general, or a
//! redirect), assigned departments, their written opinions, the reply, the archive. Each
//! row is replayed through the pure workflow, so an imported case is one the workflow could
//! have produced; whatever the workflow refuses becomes a row error naming the column.
//! Every row is checked before anything is written (all or nothing). Pure code: the caller
//! reads the file and commits the result.

use std::collections::{BTreeMap, HashSet};

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

/// The columns of the CSV ledger, in template order: (Chinese header, TOML key).
pub const COLUMNS: &[(&str, &str)] = &[
    ("编号", "id"),
    ("受理时间", "received_at"),
    ("受理渠道", "channel"),
    ("缴费人类型", "payer_kind"),
    ("缴费人名称", "payer_name"),
    ("证件号码", "payer_id"),
    ("联系人", "contact"),
    ("联系电话", "phone"),
    ("辖区", "district"),
    ("标题", "title"),
    ("反映事项", "summary"),
    ("争议类别", "category"),
    ("险种", "insurance"),
    ("事项类型", "track"),
    ("分类时间", "classified_at"),
    ("告知部门", "redirect_to"),
    ("联办部门", "assign"),
    ("指派时间", "assigned_at"),
    ("回复时间", "replied_at"),
    ("回复内容", "reply"),
    ("归档时间", "archived_at"),
    ("缴费人意见", "outcome"),
    ("救济途径", "remedy"),
    ("备注", "note"),
];

/// Opinion columns are per department: `书面意见(hrss)` and `意见时间(hrss)`.
const OPINION_TEXT: &str = "书面意见";
const OPINION_TIME: &str = "意见时间";

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
        return Err("文件既不是 UTF-8 也不是 GB18030 编码的文本".into());
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
        column: "文件".into(),
        reason: crate::case::one_line(&e.to_string()),
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
            reason: crate::case::one_line(&e.to_string()),
        })?;
        rows.push(Row { number, raw });
    }
    Ok(rows)
}

/// Rows of a CSV file with the Chinese header of `COLUMNS` (columns may be in any order;
/// unknown columns are refused so a typo does not silently drop data).
pub fn parse_csv(text: &str) -> std::result::Result<Vec<Row>, Vec<RowError>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let header_error = |reason: String| {
        vec![RowError {
            row: 1,
            column: "表头".into(),
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
    }
    let mut cols = vec![];
    let mut seen = HashSet::new();
    for h in headers.iter() {
        let h = h.trim();
        if !seen.insert(h.to_string()) {
            return Err(header_error(format!("列“{h}”重复")));
        }
        let dept_of = |prefix: &str| {
            h.strip_prefix(prefix)
                .and_then(|r| r.strip_prefix('(').or_else(|| r.strip_prefix('（')))
                .and_then(|r| r.strip_suffix(')').or_else(|| r.strip_suffix('）')))
                .map(|d| d.trim().to_string())
        };
        if let Some((_, key)) = COLUMNS.iter().find(|(name, _)| *name == h) {
            cols.push(Col::Field(key));
        } else if let Some(d) = dept_of(OPINION_TEXT) {
            cols.push(Col::OpinionText(d));
        } else if let Some(d) = dept_of(OPINION_TIME) {
            cols.push(Col::OpinionTime(d));
        } else {
            return Err(header_error(format!(
                "不认识的列“{h}”（用 dispute import --template 查看列名）"
            )));
        }
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
                    column: "整行".into(),
                    reason: format!("无法解析：{e}"),
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

/// The header for a key, for error messages.
fn column(key: &str) -> String {
    COLUMNS
        .iter()
        .find(|(_, k)| *k == key)
        .map(|(name, _)| name.to_string())
        .unwrap_or_else(|| key.to_string())
}

/// The CSV template: header and one sample row (a general matter replied and archived).
pub fn template() -> String {
    let mut header: Vec<String> = COLUMNS.iter().map(|(n, _)| n.to_string()).collect();
    header.extend([
        format!("{OPINION_TEXT}(hrss)"),
        format!("{OPINION_TIME}(hrss)"),
        format!("{OPINION_TEXT}(medical)"),
        format!("{OPINION_TIME}(medical)"),
    ]);
    let sample = [
        "",
        "2025-03-10 09:30",
        "来访",
        "用人单位",
        "芮城县示例建材有限公司",
        "",
        "王小明",
        "13800000000",
        "古魏镇",
        "2025年度缴费基数核定争议",
        "企业对2025年度职工缴费基数核定有异议，要求复核。",
        "3",
        "养老保险、医疗保险",
        "一般事项",
        "2025-03-10 11:00",
        "",
        "hrss、medical",
        "2025-03-10 11:10",
        "2025-03-20 15:00",
        "综合县人社局、县医保局意见，缴费基数核定符合规定。",
        "2025-03-25 09:00",
        "无异议",
        "",
        "纸质台账补录",
        "经复核，养老保险缴费基数核定无误。",
        "2025-03-14 16:00",
        "医疗保险缴费基数与养老保险一致。",
        "2025-03-17 10:00",
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
    pub same_case: &'a dyn Fn(&str, Time) -> Option<String>,
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
    let mut next: BTreeMap<i32, u32> = BTreeMap::new();
    let mut first_row: std::collections::HashMap<(String, i64), usize> = Default::default();
    for (row, id) in rows.iter().zip(explicit) {
        match replay(row, id, cx, &mut next, &taken) {
            Ok(case) => {
                let key = (case.payer.name.clone(), case.received_at.timestamp());
                if let Some(first) = first_row.get(&key) {
                    errors.push(RowError {
                        row: row.number,
                        column: column("received_at"),
                        reason: format!("与第 {first} 行的缴费人和受理时间相同，疑似重复"),
                    });
                    continue;
                }
                first_row.insert(key, row.number);
                if let Ok(id) = CaseId::parse(&case.id) {
                    taken.insert(id);
                }
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

fn check_id(s: &str, cx: &Context, taken: &HashSet<CaseId>) -> std::result::Result<CaseId, String> {
    let id = CaseId::parse(s).map_err(|e| e.to_string())?;
    if id.dept != cx.importer.dept {
        return Err(format!(
            "编号 {s} 不属于导入人所在部门（{}）",
            cx.importer.dept.to_ascii_uppercase()
        ));
    }
    if taken.contains(&id) {
        return Err(format!("编号 {s} 在文件中重复"));
    }
    if (cx.exists)(&id) {
        return Err(format!("编号 {s} 已存在于案卷库（同一台账不能重复导入）"));
    }
    Ok(id)
}

type RowResult<T> = std::result::Result<T, Vec<RowError>>;

fn replay(
    row: &Row,
    id: Option<CaseId>,
    cx: &Context,
    next: &mut BTreeMap<i32, u32>,
    taken: &HashSet<CaseId>,
) -> RowResult<Case> {
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
            .ok_or_else(|| err(key, "必填".into()))
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
        Some(s) => coded(s, Channel::ALL).ok_or_else(|| err("channel", format!("不认识“{s}”"))),
    });
    let payer_kind = field!(required("payer_kind", &r.payer_kind).and_then(|s| {
        coded(&s, PayerKind::ALL)
            .ok_or_else(|| err("payer_kind", format!("不认识“{s}”（用人单位或个人）")))
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
            .map(|c| validate::line("联系人", c))
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
    let summary = field!(required("summary", &r.summary)
        .and_then(|s| validate::text("反映事项", &s).map_err(|e| err("summary", e.to_string()))));
    let category = field!(
        r.category
            .as_deref()
            .map(|s| {
                s.trim()
                    .parse::<u8>()
                    .map_err(|_| err("category", format!("“{s}”不是 1–10 的数字")))
                    .and_then(|n| validate::category(n).map_err(|e| err("category", e.to_string())))
            })
            .transpose()
    );
    let insurance = field!(
        r.insurance
            .as_deref()
            .map(|s| {
                split_list(s)
                    .map(|p| {
                        coded(p, Insurance::ALL)
                            .ok_or_else(|| err("insurance", format!("不认识险种“{p}”")))
                    })
                    .collect::<std::result::Result<Vec<_>, _>>()
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
            .map(|s| parse_track(s).ok_or_else(|| err(
                "track",
                format!("不认识“{s}”（本部门办理、一般事项或告知另行办理）")
            )))
            .transpose()
    );
    let classified_at = field!(time("classified_at", &r.classified_at));
    let redirect_to = field!(
        r.redirect_to
            .as_deref()
            .map(|s| dept_code(cx.book, s)
                .ok_or_else(|| err("redirect_to", format!("没有部门“{s}”"))))
            .transpose()
    );
    let assign = field!(
        r.assign
            .as_deref()
            .map(|s| {
                split_list(s)
                    .map(|p| {
                        dept_code(cx.book, p).ok_or_else(|| err("assign", format!("没有部门“{p}”")))
                    })
                    .collect::<std::result::Result<Vec<_>, _>>()
            })
            .transpose()
    )
    .map(|v| v.unwrap_or_default());
    let assigned_at = field!(time("assigned_at", &r.assigned_at));
    let mut opinions = vec![];
    for o in &r.opinions {
        let key = format!("{OPINION_TEXT}({})", o.dept);
        let Some(dept) = dept_code(cx.book, &o.dept) else {
            errors.push(RowError {
                row: row.number,
                column: key,
                reason: format!("没有部门“{}”", o.dept),
            });
            continue;
        };
        let text = match validate::text("书面意见", &o.text) {
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
                    column: format!("{OPINION_TIME}({})", o.dept),
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
                reason: format!(
                    "{}没有在用的承办人（handler），无法记录其书面意见；请先登记操作员",
                    cx.book.dept_short(&dept)
                ),
            });
            continue;
        };
        opinions.push((dept, at, text, handler));
    }
    let replied_at = field!(time("replied_at", &r.replied_at));
    let reply = field!(
        r.reply
            .as_deref()
            .map(|s| validate::text("回复内容", s))
            .transpose()
            .map_err(|e| err("reply", e.to_string()))
    );
    let archived_at = field!(time("archived_at", &r.archived_at));
    let outcome = field!(
        r.outcome
            .as_deref()
            .map(|s| parse_outcome(s)
                .ok_or_else(|| err("outcome", format!("不认识“{s}”（无异议或有异议）"))))
            .transpose()
    );
    let remedy = field!(
        r.remedy
            .as_deref()
            .map(|s| parse_remedy(s).ok_or_else(|| err(
                "remedy",
                format!("不认识“{s}”（调解、行政复议、仲裁、行政诉讼）")
            )))
            .transpose()
    );
    let note = field!(
        r.note
            .as_deref()
            .map(|s| validate::text("备注", s))
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

    // Steps that need an earlier step.
    let fail = |key: &str, reason: &str| Err(vec![err(key, reason.to_string())]);
    if track.is_none() && (classified_at.is_some() || !assign.is_empty() || replied_at.is_some()) {
        return fail("track", "有分类之后的记录时须填写事项类型");
    }
    if (replied_at.is_some()) != (reply.is_some()) {
        return fail("reply", "回复时间和回复内容须同时填写");
    }
    if archived_at.is_some() && outcome.is_none() {
        return fail("outcome", "已归档的案件须填写缴费人意见（无异议或有异议）");
    }
    if archived_at.is_none() && (outcome.is_some() || remedy.is_some()) {
        return fail("archived_at", "填写了缴费人意见或救济途径，但没有归档时间");
    }

    let year = calendar::local_date(&received)
        .format("%Y")
        .to_string()
        .parse::<i32>()
        .unwrap_or(0);
    let id = match id {
        Some(id) => {
            if id.year != year {
                return fail(
                    "id",
                    &format!("编号年份 {} 与受理时间的年份 {year} 不符", id.year),
                );
            }
            id
        }
        None => {
            let seq = next.entry(year).or_insert_with(|| (cx.next_seq)(year));
            loop {
                let candidate = CaseId::new(&cx.importer.dept, year, *seq);
                *seq += 1;
                if !taken.contains(&candidate) {
                    break candidate;
                }
            }
        }
    };

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
        payer: crate::case::Payer {
            kind: payer_kind,
            name: payer_name,
            id_code: payer_id,
            contact,
            phone,
        },
        title,
        summary,
        district,
        channel,
        category,
        insurance: insurance.clone(),
    };
    if let Some(existing) = (cx.same_case)(&new.payer.name, received) {
        return fail(
            "received_at",
            &format!("与已有案件 {existing} 的缴费人和受理时间相同，疑似重复导入"),
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
                    return fail("redirect_to", "告知另行办理须填写告知部门");
                };
                run(
                    &case,
                    Command::Redirect {
                        dept,
                        note: note
                            .clone()
                            .unwrap_or_else(|| "告知缴费人到主管部门办理".into()),
                    },
                    ctx(at, actor),
                    "track",
                )?
            }
            ImportTrack::Track(t) => {
                let Some(category) = category else {
                    return fail("category", "分类时须填写争议类别");
                };
                run(
                    &case,
                    Command::Classify {
                        track: t,
                        category,
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
        let key = format!("{OPINION_TEXT}({dept})");
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
        case = run(&case, Command::Reply { text }, ctx(at, actor), "reply")?;
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
    crate::schema::check_case(&case, &id.path()).map_err(|e| vec![err("编号", e.to_string())])?;
    Ok(case)
}

enum ImportTrack {
    Track(Track),
    Redirect,
}

fn parse_track(s: &str) -> Option<ImportTrack> {
    let s = s.trim();
    match s {
        "redirect" | "告知另行办理" | "告知" => Some(ImportTrack::Redirect),
        _ => coded(s, &[Track::Own, Track::General]).map(ImportTrack::Track),
    }
}

fn parse_outcome(s: &str) -> Option<Outcome> {
    let s = s.trim();
    coded(s, Outcome::ALL).or(match s {
        "无异议" | "接受" => Some(Outcome::Accepted),
        "有异议" | "不接受" => Some(Outcome::Objected),
        _ => None,
    })
}

fn parse_remedy(s: &str) -> Option<Remedy> {
    let s = s.trim();
    coded(s, Remedy::ALL).or(match s {
        "调解" => Some(Remedy::Mediation),
        "行政复议" | "复议" => Some(Remedy::Reconsideration),
        "仲裁" | "劳动仲裁" => Some(Remedy::Arbitration),
        "行政诉讼" | "诉讼" => Some(Remedy::Litigation),
        _ => None,
    })
}

/// A code typed as the ASCII code or as its Chinese label.
fn coded<T: Copy + Label + CodeOf>(s: &str, all: &[T]) -> Option<T> {
    let s = s.trim();
    all.iter()
        .copied()
        .find(|v| v.code_of() == s || v.label() == s)
        .or_else(|| {
            // Labels with a note in brackets (医疗保险（含生育）) also match without it.
            all.iter()
                .copied()
                .find(|v| v.label().split('（').next() == Some(s))
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

fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split(['、', ',', '，', ';', '；', ' '])
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// Refuse an import that cannot go ahead at all (as opposed to bad rows).
pub fn refuse(reason: impl Into<String>) -> Error {
    Error::invalid("导入文件", reason)
}
