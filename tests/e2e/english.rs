//! `--lang en`: the case sheet, `list`, `overdue`, `stats` and the error lines speak English.
//! The cases are registered with ASCII payer data, so the only Chinese left in the output is
//! what the casebook holds (department and operator names, the county): those are data, taken
//! from casebook.toml and stripped before looking for CJK characters.

use std::process::Output;

use crate::harness::*;

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303f | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xff00..=0xffef)
}

/// The Chinese words the casebook itself holds: the county, the leader's title, the
/// departments' names and short names, the operators' names. Longest first, so that a name
/// is stripped before a shorter name inside it.
///
/// Also, while the casebook's own translation is under way elsewhere: each operator's label
/// as `operator_label` prints it today in every language, `张三（县税务局）`. After the i18n
/// branches merge, drop `STILL_CHINESE_OPERATOR_LABELS` (set it to false) so that only the
/// data itself is tolerated.
fn casebook_data(env: &Env) -> Vec<String> {
    const STILL_CHINESE_OPERATOR_LABELS: bool = true;
    let book: toml::Value = toml::from_str(&env.read("casebook.toml")).expect("casebook.toml");
    let str_of = |v: Option<&toml::Value>| v.and_then(|v| v.as_str()).map(str::to_string);
    let table = |name: &str| -> Vec<toml::Value> {
        book.get(name)
            .and_then(|t| t.as_array())
            .cloned()
            .unwrap_or_default()
    };
    let mut words: Vec<String> = vec![];
    words.extend(str_of(book.get("county")));
    words.extend(str_of(
        book.get("leading_group")
            .and_then(|g| g.get("leader_title")),
    ));
    let departments = table("departments");
    for d in &departments {
        words.extend(str_of(d.get("name")));
        words.extend(str_of(d.get("short")));
    }
    for op in table("operators") {
        let Some(name) = str_of(op.get("name")) else {
            continue;
        };
        if STILL_CHINESE_OPERATOR_LABELS {
            let dept = str_of(op.get("dept"));
            let short = departments
                .iter()
                .find(|d| str_of(d.get("code")) == dept)
                .and_then(|d| str_of(d.get("short")));
            if let Some(short) = short {
                words.push(format!("{name}（{short}）"));
            }
        }
        words.push(name);
    }
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words
}

/// The lines of `text` that still hold a CJK character once the casebook's data is taken
/// out.
fn cjk_lines(env: &Env, text: &str) -> Vec<String> {
    let data = casebook_data(env);
    text.lines()
        .filter_map(|line| {
            let mut rest = line.to_string();
            for w in &data {
                rest = rest.replace(w.as_str(), "");
            }
            rest.chars().any(is_cjk).then(|| line.to_string())
        })
        .collect()
}

fn assert_english(env: &Env, what: &str, text: &str) {
    let bad = cjk_lines(env, text);
    assert!(
        bad.is_empty(),
        "{what}: Chinese outside the casebook's data:\n{}\n--- whole output ---\n{text}",
        bad.join("\n")
    );
}

/// `dispute --lang en ARGS`.
fn en(env: &Env, args: &[&str]) -> Output {
    let mut full = vec!["--lang", "en"];
    full.extend_from_slice(args);
    env.run(&full)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

/// Run in English and expect success: (stdout, stderr).
fn en_ok(env: &Env, args: &[&str]) -> (String, String) {
    let out = en(env, args);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(
        out.status.success(),
        "dispute --lang en {args:?} failed ({:?}):\n{stderr}",
        out.status.code()
    );
    (stdout, stderr)
}

/// TAX-2026-0001: classified as a general matter (category 3, two insurances), opinions
/// requested from hrss and medical, hrss answered, medical is late. TAX-2026-0002: only
/// registered, its classification late. Payer data in ASCII.
fn english_fixture() -> Env {
    let env = Env::new();
    let ascii_payer = [
        ("--payer-name", "Hengda Building Materials Co"),
        ("--district", "Guwei"),
        ("--summary", "Objects to the 2026 contribution base"),
        ("--contact", "Liu"),
    ];
    let mut first = ascii_payer.to_vec();
    first.extend([
        ("--at", "2026-11-02T09:30:00+08:00"),
        ("--title", "Contribution base"),
    ]);
    let id = env.register_with("zhangsan", &first);
    assert_eq!(id, "TAX-2026-0001");
    let mut second = ascii_payer.to_vec();
    second.push(("--at", "2026-11-20T09:30:00+08:00"));
    assert_eq!(env.register_with("zhangsan", &second), "TAX-2026-0002");

    env.act(
        "zhangsan",
        &[
            "classify",
            &id,
            "--track",
            "general",
            "--category",
            "3",
            "--insurance",
            "pension,medical",
            "--at",
            "2026-11-02T15:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "assign",
            &id,
            "--dept",
            "hrss,medical",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    env.act(
        "lisi",
        &[
            "opinion",
            &id,
            "--text",
            "The base follows last year's average wage.",
            "--at",
            "2026-11-05T10:00:00+08:00",
        ],
    );
    env
}

#[test]
fn the_case_sheet_in_english() {
    let env = english_fixture();
    let (sheet, _) = en_ok(&env, &["show", "TAX-2026-0001"]);
    let first = sheet.lines().next().unwrap_or("");
    assert!(first.starts_with("Case TAX-2026-0001: "), "{sheet}");
    for s in [
        "Title: Contribution base",
        "[Registration]",
        "Receiving department: ",
        "; first-contact officer: ",
        "Payer: Hengda Building Materials Co (",
        "; phone: ",
        "; contact person: ",
        "Matter raised:\n    Objects to the 2026 contribution base",
        "[Classification]",
        "Track: ",
        "; dispute category: 3 ",
        "Insurance: ",
        "[Time limits (this county's settings)]",
        ": 2026-11-03 (done)",
        "[Joint (handling) departments]",
        "; due 2026-11-10; submitted 2026-11-05 10:00",
        "; due 2026-11-10; not submitted (",
        " working days overdue)",
        "[Written opinion: ",
        "    The base follows last year's average wage.",
        "[Timeline]",
    ] {
        assert!(sheet.contains(s), "{s:?} missing:\n{sheet}");
    }
    assert!(!sheet.contains('【'), "{sheet}");
    assert_english(&env, "show", &sheet);

    // whole messages, one per line: the English sheet has the Chinese sheet's lines
    let zh = env.ok(&["show", "TAX-2026-0001"]);
    assert!(
        zh.contains("【受理登记】"),
        "Chinese stays the default: {zh}"
    );
    assert_eq!(sheet.lines().count(), zh.lines().count(), "{sheet}\n{zh}");
}

#[test]
fn list_overdue_and_stats_in_english() {
    let env = english_fixture();

    let (list, status) = en_ok(&env, &["list"]);
    for h in [
        "ID",
        "Status",
        "Category",
        "Payer",
        "District",
        "Received",
        "Next deadline",
    ] {
        assert!(list.contains(h), "{h}: {list}");
    }
    assert!(list.contains("working days late)"), "{list}");
    assert_eq!(status.trim(), "2 cases");
    assert_english(&env, "list", &format!("{list}{status}"));

    let (overdue, status) = en_ok(&env, &["overdue"]);
    for h in [
        "Pending item",
        "Responsible department",
        "Responsible person",
        "Due",
        "Working days late",
        " handler",
    ] {
        assert!(overdue.contains(h), "{h}: {overdue}");
    }
    // The total is part of the report, on stdout (issue 12).
    let total = overdue.lines().last().unwrap_or_default();
    assert!(
        total.starts_with("As of 2026-11-27: ") && total.contains(" overdue item"),
        "{overdue}"
    );
    assert_english(&env, "overdue", &format!("{overdue}{status}"));

    for by in ["dept", "month"] {
        let (stats, status) = en_ok(&env, &["stats", "--by", by]);
        // The heading is part of the report, on stdout (issue 12).
        assert_eq!(
            stats.lines().next(),
            Some("As of 2026-11-27: 2 cases in all")
        );
        for s in [
            "Status",
            "Cases",
            "Total",
            "Overdue item",
            "Step",
            "Median working days since registration",
            "Outcome",
            "  of which: ",
            "Referred to the county discipline commission: 0 cases, 0 referrals in all",
        ] {
            assert!(stats.contains(s), "{s}: {stats}");
        }
        let group = if by == "dept" {
            "On-time rate"
        } else {
            "Month received"
        };
        assert!(stats.contains(group), "{group}: {stats}");
        assert_english(&env, "stats", &format!("{stats}{status}"));
    }
    let (stats, _) = en_ok(&env, &["stats", "--year", "2026"]);
    assert_eq!(
        stats.lines().next(),
        Some("As of 2026-11-27: 2 cases registered in 2026")
    );
}

#[test]
fn writes_and_refusals_in_english() {
    let env = english_fixture();
    let id = "TAX-2026-0002";

    // a write: the status line is English, the commit subject stays Chinese (audit trail)
    let out = env.run(&[
        "--lang",
        "en",
        "--as",
        "zhangsan",
        "classify",
        id,
        "--track",
        "own",
        "--category",
        "4",
        "--at",
        "2026-11-20T15:00:00+08:00",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("Committed "), "{stderr}");

    // a missing case: the tool's error and hint lines. The message and the hint themselves
    // come from the error module, translated elsewhere: once merged, also
    // `assert_english(&env, "refusal", &stderr)` here and below.
    let before = env.head();
    let out = en(&env, &["show", "TAX-2026-0099"]);
    assert_eq!(out.status.code(), Some(3));
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(lines[0].starts_with("error: "), "{stderr}");
    assert!(lines.iter().any(|l| l.starts_with("hint: ")), "{stderr}");
    assert!(lines[0].contains("TAX-2026-0099"), "{stderr}");
    assert!(
        !stderr.contains("错误：") && !stderr.contains("提示："),
        "{stderr}"
    );

    // a refused write: the same two lines, nothing committed
    let out = en(&env, &["--as", "lisi", "reply", id, "--text", "x"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(env.head(), before);
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(stderr.lines().any(|l| l.starts_with("hint: ")), "{stderr}");
}
