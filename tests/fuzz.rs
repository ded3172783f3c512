//! Property-based fuzzing (proptest) of what reads hostile bytes: case files, case IDs and
//! the checks of text typed on the command line (issue 4).
//!
//! Each property runs 256 cases by default (a few seconds in `cargo test`); the environment
//! variable `PROPTEST_CASES` raises it, which is what `make fuzz` does to run it longer.
//! Failures are not persisted to files: proptest prints the minimal failing input.

use chrono::{DateTime, FixedOffset};
use proptest::prelude::*;

use dispute::case::{Case, CaseId, Channel, Insurance, Payer, PayerKind};
use dispute::casebook::{Casebook, Operator, Role};
use dispute::validate;
use dispute::workflow::{self, Ctx, NewCase};

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Characters that reorder text on screen (bidi embeddings, overrides, isolates, marks).
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// A valid case file, as the tool writes it, to mutate.
const SAMPLE: &str = r#"id = "TAX-2026-0001"
status = "handling"
receiving_dept = "tax"
first_receiver = "zhangsan"
received_at = "2026-11-20T09:30:00+08:00"
channel = "visit"
title = "缴费基数核定争议"
summary = """
对 2026 年度缴费基数核定有异议。
要求复核。"""
district = "古魏镇"
category = 3
insurance = ["pension", "medical"]
track = "general"

[payer]
kind = "employer"
name = "芮城县恒达建材有限公司"
id_code = "91350100M000100Y43"
contact = "王小明"
phone = "13812340000"

[due]
reply = "2026-12-11"

[[assignments]]
dept = "hrss"
at = "2026-11-20T10:00:00+08:00"
by = "zhangsan"
due = "2026-11-27"

[[opinions]]
dept = "hrss"
at = "2026-11-23T10:00:00+08:00"
by = "lisi"
text = "核定无误。"

[[events]]
at = "2026-11-20T09:30:00+08:00"
action = "register"
by = "zhangsan"

[[events]]
at = "2026-11-20T09:40:00+08:00"
action = "classify"
by = "zhangsan"

[[events]]
at = "2026-11-20T10:00:00+08:00"
action = "assign"
by = "zhangsan"

[[events]]
at = "2026-11-23T10:00:00+08:00"
action = "opinion"
by = "lisi"
dept = "hrss"
"#;
const SAMPLE_PATH: &str = "cases/2026/TAX/00/TAX-2026-0001.toml";

fn operator(id: &str, dept: &str, roles: &[Role]) -> Operator {
    Operator {
        id: id.to_string(),
        name: "张三".to_string(),
        email: format!("{id}@rc.example.cn"),
        dept: dept.to_string(),
        roles: roles.to_vec(),
        active: true,
        phone: Some("0359-3012345".to_string()),
        keys: vec![],
    }
}

fn time(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("time")
}

/// A one-line field drawn from arbitrary Unicode, kept only if `validate::line` accepts it.
fn line_field() -> impl Strategy<Value = String> {
    any::<String>().prop_filter_map("not a valid one-line field", |s| {
        validate::line("字段", &s).ok()
    })
}

/// A long text drawn from arbitrary Unicode with newlines, tabs, quotes and backslashes
/// mixed in, kept only if `validate::text` accepts it.
fn text_field() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => any::<char>().prop_map(String::from),
            1 => prop::sample::select(vec![
                "\n", "\t", "\r\n", "\"", "'", "\\", "\"\"\"", "'''", "#", "=", "[[", "]]", " ",
                "\\u0000", "${x}", "\u{3000}", "\u{2028}",
            ])
            .prop_map(String::from),
        ],
        1..60,
    )
    .prop_map(|parts| parts.concat())
    .prop_filter_map("not a valid text field", |s| {
        validate::text("字段", &s).ok()
    })
}

/// A case-file text that is a valid file with a slice replaced by arbitrary text.
fn mutated_case_file() -> impl Strategy<Value = String> {
    (0..SAMPLE.len(), 0usize..80, any::<String>()).prop_map(|(start, len, insert)| {
        let mut start = start;
        while !SAMPLE.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + len).min(SAMPLE.len());
        while !SAMPLE.is_char_boundary(end) {
            end += 1;
        }
        format!("{}{insert}{}", &SAMPLE[..start], &SAMPLE[end..])
    })
}

proptest! {
    #![proptest_config(config())]

    /// (a) Reading any text as a case file returns a value or an error, never panics; what
    /// it accepts serialises and reads back to the same case.
    #[test]
    fn case_files_never_panic(text in prop_oneof![any::<String>(), mutated_case_file()]) {
        if let Ok(case) = Case::from_toml(&text, SAMPLE_PATH) {
            let again = Case::from_toml(&case.to_toml(), SAMPLE_PATH);
            prop_assert_eq!(again.ok(), Some(case));
        }
        let _ = Case::from_toml(&text, "cases/x.toml");
        let _ = Casebook::parse(&text);
    }

    /// (b) A case registered with arbitrary (valid) payer name, summary, district and title
    /// round-trips through its file and validates against the schema.
    #[test]
    fn registered_cases_round_trip_and_validate(
        name in line_field(),
        contact in proptest::option::of(line_field()),
        district in line_field(),
        title in proptest::option::of(line_field()),
        summary in text_field(),
        seq in 1u32..200_000,
        employer in any::<bool>(),
    ) {
        let receiver = operator("zhangsan", "tax", &[Role::Receiver]);
        let mut book = Casebook::new("芮城县", operator("admin", "tax", &[Role::Admin]));
        book.operators.push(receiver.clone());
        let cal = book.calendar();
        let ctx = Ctx {
            book: &book,
            cal: &cal,
            actor: &receiver,
            at: time("2026-11-20T09:30:00+08:00"),
            now: time("2026-11-27T10:00:00+08:00"),
        };
        let id = CaseId::new("tax", 2026, seq);
        let new = NewCase {
            counterparty: None,
            payer: Payer {
                kind: if employer { PayerKind::Employer } else { PayerKind::Individual },
                name,
                id_code: Some("11010519491231002X".to_string()),
                contact,
                phone: "13812340000".to_string(),
                sealed: None,
            },
            title: title.and_then(|t| validate::title(&t).ok()),
            summary,
            district,
            channel: Channel::Visit,
            category: Some(3),
            insurance: vec![Insurance::Pension],
        };
        let case = workflow::register(&id, new, &ctx).expect("a receiver registers");
        let path = id.path();
        let text = case.to_toml();
        let back = Case::from_toml(&text, &path);
        prop_assert!(back.is_ok(), "{:?}\n{}", back.err(), text);
        prop_assert_eq!(back.ok(), Some(case.clone()));
        let schema = dispute::schema::check_case(&case, &path);
        prop_assert!(schema.is_ok(), "{:?}\n{}", schema.err(), text);
    }

    /// (c) The checks of typed input never panic; what `text` and `line` accept holds no
    /// control character (text: but newline and tab), no bidi control, is trimmed,
    /// non-empty and within its length limit.
    #[test]
    fn input_checks_never_panic_and_keep_out_controls(
        s in prop_oneof![
            any::<String>(),
            "[0-9０-９ Xx-]{0,24}",
            concat!(
                "\\PC{0,8}[\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}",
                "\u{0000}-\u{001F}\u{007F}-\u{009F}]\\PC{0,8}"
            ),
            "[ \t\r\n]{0,3}[a-z0-9._@<> -]{0,40}[ \t\r\n]{0,3}",
        ]
    ) {
        if let Ok(t) = validate::text("字段", &s) {
            prop_assert!(!t.is_empty() && t.len() <= validate::MAX_TEXT);
            prop_assert_eq!(t.trim(), t.as_str());
            for c in t.chars() {
                prop_assert!(!c.is_control() || c == '\n' || c == '\t', "U+{:04X}", c as u32);
                prop_assert!(!is_bidi_control(c), "U+{:04X}", c as u32);
            }
        }
        if let Ok(l) = validate::line("字段", &s) {
            prop_assert!(!l.is_empty() && l.len() <= validate::MAX_SHORT);
            prop_assert_eq!(l.trim(), l.as_str());
            for c in l.chars() {
                prop_assert!(!c.is_control(), "U+{:04X}", c as u32);
                prop_assert!(!is_bidi_control(c), "U+{:04X}", c as u32);
            }
        }
        if let Ok(t) = validate::title(&s) {
            prop_assert!(validate::line("标题", &t).is_ok());
            // no run of seven digits (a phone or ID number) reaches a commit message
            let mut run = 0;
            for c in t.chars() {
                run = if c.is_ascii_digit() || ('０'..='９').contains(&c) { run + 1 } else { 0 };
                prop_assert!(run < 7, "{}", t);
            }
        }
        if let Ok(p) = validate::phone(&s) {
            prop_assert!(p.is_ascii() && p.bytes().all(|b| b.is_ascii_digit() || b == b'-'));
        }
        if let Ok(code) = validate::id_code(&s) {
            prop_assert_eq!(code.len(), 18);
            prop_assert!(code.bytes().all(|b| b.is_ascii_alphanumeric()));
        }
        if let Ok(op) = validate::operator_id(&s) {
            prop_assert!(!op.contains('/') && !op.contains(".."));
        }
        if let Ok(e) = validate::email(&s) {
            prop_assert!(e.contains('@') && !e.contains(['<', '>', '\n']));
        }
    }

    /// (d) Whatever `CaseId::parse` accepts names a file below `cases/` with no `..`, and
    /// is the ID's one spelling (it round-trips through `to_string`).
    #[test]
    fn case_ids_never_escape_cases(
        s in prop_oneof![
            any::<String>(),
            "[A-Z]{0,17}-[0-9]{3,5}-[0-9]{3,10}",
            "[A-Za-z./\\\\%-]{0,6}(TAX|HRSS)-2026-[0-9]{4,6}[./\\\\%a-z0-9-]{0,6}",
        ]
    ) {
        if let Ok(id) = CaseId::parse(&s) {
            let path = id.path();
            prop_assert!(path.starts_with("cases/"), "{}", path);
            prop_assert!(!path.contains(".."), "{}", path);
            prop_assert!(!path.contains('\\') && !path.contains("//"), "{}", path);
            prop_assert_eq!(id.to_string(), s.clone());
            prop_assert_eq!(CaseId::parse(&id.to_string()).ok(), Some(id));
        }
    }
}
