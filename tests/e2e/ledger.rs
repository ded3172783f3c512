//! Issue 5: the ledger export (`dispute export`, CSV / xlsx / JSON) and the performance
//! statistics (`dispute stats`), and that both agree with `overdue` and `list --overdue`
//! on the same casebook.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::harness::*;

/// The ledger's columns, written out here independently of the library. The written
/// opinions follow, two columns per department that gave one (issue 12).
const HEADERS: [&str; 38] = [
    "编号",
    "受理时间",
    "受理渠道",
    "缴费人",
    "缴费人类型",
    "联系人",
    "联系电话",
    "证件号码",
    "辖区",
    "标题",
    "反映事项",
    "争议类别",
    "险种",
    "事项类型",
    "告知部门",
    "受理部门",
    "首问责任人",
    "联办部门",
    "指派时间",
    "状态",
    "分类时限",
    "分类完成",
    "转办时限",
    "转办完成",
    "书面意见时限与完成",
    "回复时限",
    "回复完成",
    "回复内容",
    "归档时限",
    "归档完成",
    "是否超期",
    "超期事项",
    "处理结果",
    "缴费人意见",
    "救济途径",
    "纪委移交",
    "备注",
    "补录",
];

/// The opinion columns after `HEADERS`: `书面意见(dept)` and `意见时间(dept)` in pairs.
fn assert_opinion_columns(rest: &[String]) {
    assert!(!rest.is_empty() && rest.len().is_multiple_of(2), "{rest:?}");
    for pair in rest.chunks(2) {
        let dept = pair[0]
            .strip_prefix("书面意见(")
            .and_then(|d| d.strip_suffix(')'))
            .unwrap_or_else(|| panic!("{pair:?}"));
        assert_eq!(pair[1], format!("意见时间({dept})"));
    }
}

fn col(header: &str) -> usize {
    HEADERS.iter().position(|h| *h == header).expect(header)
}

fn own_reply_archive(
    env: &Env,
    id: &str,
    category: &str,
    classify_at: &str,
    reply_at: &str,
    archive: Option<(&str, &[&str])>,
) {
    env.act(
        "zhangsan",
        &[
            "classify",
            id,
            "--track",
            "own",
            "--category",
            category,
            "--at",
            classify_at,
        ],
    );
    env.act(
        "zhangsan",
        &[
            "reply",
            id,
            "--text",
            "经核查，核定无误。\n特此告知。",
            "--at",
            reply_at,
        ],
    );
    if let Some((at, outcome)) = archive {
        let mut args = vec!["archive", id, "--at", at];
        args.extend_from_slice(outcome);
        env.act("zhangsan", &args);
    }
}

/// A casebook judged on Friday 2026-11-27 (the harness clock):
/// - TAX-2026-0001 general: hrss on time, medical late, finance never (overdue, referred
///   to discipline); the reply (due 11-23) is late too.
/// - TAX-2026-0002 own, archived, accepted. TAX-2026-0003 own, archived, objected
///   (reconsideration).
/// - TAX-2026-0004 registered 11-20, never classified (late).
/// - TAX-2026-0005 own, replied 11-09, never archived (archive due 11-16, late).
/// - TAX-2026-0006 referred 11-05, never dispatched (gov late; reply due 11-26 late).
/// - TAX-2026-0007 redirected to hrss.
/// - APPROVAL-2026-0001 general: hrss assigned 11-16 (due 11-23, overdue), justice
///   withdrawn before writing.
/// - TAX-2025-0001 own, archived in 2025.
fn fixture() -> Env {
    let env = Env::new();
    let a = env.register_with("zhangsan", &[("--at", "2026-11-02T09:30:00+08:00")]);
    let b = env.register_with(
        "zhangsan",
        &[
            ("--at", "2026-11-02T10:00:00+08:00"),
            ("--payer-name", "芮城县风陵渡物流有限公司"),
            ("--phone", "13900002222"),
        ],
    );
    let c = env.register_with(
        "zhangsan",
        &[
            ("--at", "2026-11-03T09:00:00+08:00"),
            ("--payer-kind", "individual"),
            ("--payer-name", "赵红梅"),
            ("--payer-id", "140830198001011238"),
            ("--phone", "13600004444"),
        ],
    );
    let d = env.register_with("zhangsan", &[("--at", "2026-11-20T09:00:00+08:00")]);
    let e = env.register_with("zhangsan", &[("--at", "2026-11-04T09:00:00+08:00")]);
    let f = env.register_with("zhangsan", &[("--at", "2026-11-05T09:00:00+08:00")]);
    let h = env.register_with("zhangsan", &[("--at", "2026-11-06T09:00:00+08:00")]);
    let g = env.register_with(
        "wangfang",
        &[
            ("--at", "2026-11-16T09:00:00+08:00"),
            ("--payer-name", "芮城县永乐镇宏发商贸有限公司"),
            ("--phone", "13700003333"),
            ("--district", "永乐镇"),
        ],
    );
    let i = env.register_with("zhangsan", &[("--at", "2025-12-01T09:00:00+08:00")]);
    assert_eq!(
        [&a, &b, &c, &d, &e, &f, &h, &g, &i].map(String::as_str),
        [
            "TAX-2026-0001",
            "TAX-2026-0002",
            "TAX-2026-0003",
            "TAX-2026-0004",
            "TAX-2026-0005",
            "TAX-2026-0006",
            "TAX-2026-0007",
            "APPROVAL-2026-0001",
            "TAX-2025-0001",
        ]
    );

    // A: general, three departments, one refuses
    env.act(
        "zhangsan",
        &[
            "classify",
            &a,
            "--track",
            "general",
            "--category",
            "5",
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
            &a,
            "--dept",
            "hrss,medical,finance",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    env.act(
        "lisi",
        &[
            "opinion",
            &a,
            "--text",
            "人社意见",
            "--at",
            "2026-11-05T10:00:00+08:00",
        ],
    );
    env.act(
        "zhaoliu",
        &[
            "opinion",
            &a,
            "--text",
            "医保意见",
            "--at",
            "2026-11-12T10:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "escalate",
            &a,
            "--to",
            "discipline",
            "--dept",
            "finance",
            "--reason",
            "县财政局逾期未出具书面意见，催办两次仍拒不办理",
            "--at",
            "2026-11-20T10:00:00+08:00",
        ],
    );

    // B, C: archived; E: replied only
    own_reply_archive(
        &env,
        &b,
        "6",
        "2026-11-02T15:00:00+08:00",
        "2026-11-09T10:00:00+08:00",
        Some(("2026-11-10T09:00:00+08:00", &["--outcome", "accepted"])),
    );
    own_reply_archive(
        &env,
        &c,
        "4",
        "2026-11-03T15:00:00+08:00",
        "2026-11-10T10:00:00+08:00",
        Some((
            "2026-11-11T09:00:00+08:00",
            &["--outcome", "objected", "--remedy", "reconsideration"],
        )),
    );
    own_reply_archive(
        &env,
        &e,
        "3",
        "2026-11-04T15:00:00+08:00",
        "2026-11-09T11:00:00+08:00",
        None,
    );

    // F: referred, never dispatched
    env.act(
        "zhangsan",
        &[
            "escalate",
            &f,
            "--to",
            "hotline",
            "--reason",
            "职责不清",
            "--at",
            "2026-11-05T14:00:00+08:00",
        ],
    );
    // H: redirected
    env.act(
        "zhangsan",
        &[
            "classify",
            &h,
            "--redirect",
            "hrss",
            "--note",
            "属县人社局职责，告知到县人社局办理",
            "--at",
            "2026-11-06T10:00:00+08:00",
        ],
    );
    // G: received by approval, hrss overdue, justice withdrawn
    env.act(
        "wangfang",
        &[
            "classify",
            &g,
            "--track",
            "general",
            "--category",
            "9",
            "--at",
            "2026-11-16T10:00:00+08:00",
        ],
    );
    env.act(
        "wangfang",
        &[
            "assign",
            &g,
            "--dept",
            "hrss,justice",
            "--at",
            "2026-11-16T11:00:00+08:00",
        ],
    );
    env.act(
        "wangfang",
        &[
            "assign",
            &g,
            "--remove",
            "justice",
            "--reason",
            "不涉及法律适用问题",
            "--at",
            "2026-11-17T09:00:00+08:00",
        ],
    );
    // I: last year
    own_reply_archive(
        &env,
        &i,
        "2",
        "2025-12-01T15:00:00+08:00",
        "2025-12-03T10:00:00+08:00",
        Some(("2025-12-04T09:00:00+08:00", &["--outcome", "accepted"])),
    );
    env.assert_clean();
    env
}

fn json(env: &Env, args: &[&str]) -> Value {
    serde_json::from_str(&env.ok(args)).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

fn export_json(env: &Env, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["export", "--format", "json"];
    args.extend_from_slice(extra);
    json(env, &args).as_array().expect("array").clone()
}

fn ids(rows: &[Value]) -> Vec<String> {
    rows.iter()
        .map(|r| r["id"].as_str().expect("id").to_string())
        .collect()
}

/// `overdue --json` rows as (case, what, dept, due, days_late).
fn overdue(env: &Env, extra: &[&str]) -> Vec<(String, String, String, String, u64)> {
    let mut args = vec!["overdue", "--json"];
    args.extend_from_slice(extra);
    let mut rows: Vec<_> = json(env, &args)
        .as_array()
        .expect("array")
        .iter()
        .map(|r| {
            (
                r["case"].as_str().unwrap().to_string(),
                r["what"].as_str().unwrap().to_string(),
                r["dept"].as_str().unwrap().to_string(),
                r["due"].as_str().unwrap().to_string(),
                r["days_late"].as_u64().unwrap(),
            )
        })
        .collect();
    rows.sort();
    rows
}

fn dept<'a>(stats: &'a Value, code: &str) -> &'a Value {
    dept_row(&stats["departments"], code).unwrap_or_else(|| panic!("no department {code}"))
}

#[test]
fn stats_overdue_opinions_per_department_equal_the_overdue_report() {
    let env = fixture();
    for as_of in [
        None,
        Some("2026-11-16"),
        Some("2026-11-24"),
        Some("2026-12-31"),
    ] {
        let extra: Vec<&str> = as_of.map(|d| vec!["--as-of", d]).unwrap_or_default();
        let rows = overdue(&env, &extra);
        let mut args = vec!["stats", "--json"];
        args.extend_from_slice(&extra);
        let stats = json(&env, &args);
        assert_eq!(
            stats["late_obligations"]["total"].as_u64().unwrap() as usize,
            rows.len(),
            "as of {as_of:?}"
        );
        for kind in [
            "classify", "opinion", "dispatch", "approval", "reply", "feedback", "archive",
        ] {
            assert_eq!(
                stats["late_obligations"][kind].as_u64().unwrap() as usize,
                rows.iter().filter(|r| r.1 == kind).count(),
                "{kind} as of {as_of:?}"
            );
        }
        for d in stats["departments"].as_array().unwrap() {
            let code = d["dept"].as_str().unwrap();
            let opinions = rows
                .iter()
                // a referral's competent department answers with its feedback
                .filter(|r| (r.1 == "opinion" || r.1 == "feedback") && r.2 == code)
                .count();
            assert_eq!(
                d["overdue"].as_u64().unwrap() as usize,
                opinions,
                "{code} as of {as_of:?}"
            );
            assert_eq!(
                d["late_obligations"].as_u64().unwrap() as usize,
                rows.iter().filter(|r| r.2 == code).count(),
                "{code} as of {as_of:?}"
            );
            // and `overdue --dept` says the same
            if as_of.is_none() {
                assert_eq!(
                    overdue(&env, &["--dept", code]).len(),
                    d["late_obligations"].as_u64().unwrap() as usize
                );
            }
        }
    }

    // the figures themselves, as of Friday 11-27
    let stats = json(&env, &["stats", "--json"]);
    assert_eq!(stats["as_of"], "2026-11-27");
    assert_eq!(stats["cases"], 9);
    let order: Vec<&str> = stats["departments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["dept"].as_str().unwrap())
        .collect();
    assert_eq!(
        order,
        [
            "tax", "hrss", "medical", "justice", "finance", "approval", "petition", "cac", "gov"
        ],
        "casebook order"
    );
    let hrss = dept(&stats, "hrss");
    assert_eq!(hrss["requested"], 2);
    assert_eq!(hrss["on_time"], 1);
    assert_eq!(hrss["overdue"], 1, "APPROVAL-2026-0001, due 11-23");
    assert_eq!(hrss["on_time_rate"], 0.5);
    assert_eq!(hrss["median_days_to_opinion"], 2.0);
    let medical = dept(&stats, "medical");
    assert_eq!(
        (medical["requested"].as_u64(), medical["late"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(medical["median_days_to_opinion"], 7.0);
    let finance = dept(&stats, "finance");
    assert_eq!(finance["overdue"], 1);
    assert_eq!(finance["discipline"], 1);
    assert_eq!(finance["on_time_rate"], 0.0);
    let justice = dept(&stats, "justice");
    assert_eq!(
        justice["requested"], 0,
        "withdrawn before writing: not asked"
    );
    assert_eq!(justice["withdrawn"], 1);
    assert!(justice["on_time_rate"].is_null());
    assert_eq!(dept(&stats, "tax")["received"], 8);
    assert_eq!(dept(&stats, "approval")["received"], 1);
    assert_eq!(
        dept(&stats, "gov")["late_obligations"],
        1,
        "the undispatched referral"
    );
    // The undispatched referral owes gov's dispatch only: until gov hands it to the
    // competent department, which then replies, the receiving department owes no reply
    // (issue 13, the 12345 loop).
    assert_eq!(stats["late_obligations"]["total"], 6);
    assert_eq!(stats["discipline_cases"], 1);
    // replies: B 11-02→11-09 = 5, C 11-03→11-10 = 5, E 11-04→11-09 = 3, I 12-01→12-03 = 2
    assert_eq!(stats["reply"]["count"], 4);
    assert_eq!(stats["reply"]["median_days"], 4.0);
    assert_eq!(stats["reply"]["late"], 0);
    // archives: B 6, C 6, I 3
    assert_eq!(stats["archive"]["count"], 3);
    assert_eq!(stats["archive"]["median_days"], 6.0);
    assert_eq!(stats["outcomes"]["accepted"], 2);
    assert_eq!(stats["outcomes"]["objected"], 1);
    assert_eq!(
        stats["outcomes"]["objected_by_remedy"]["reconsideration"],
        1
    );
    assert_eq!(stats["outcomes"]["objected_by_remedy"]["litigation"], 0);

    let table = env.ok(&["stats"]);
    for s in [
        "县财政局",
        "请求意见",
        "按时出具",
        "逾期出具",
        "仍超期",
        "按时率",
        "50.0%",
        "移交纪委",
        "申请行政复议",
        "书面回复缴费人",
    ] {
        assert!(table.contains(s), "{s}: {table}");
    }
}

#[test]
fn export_overdue_flags_agree_with_list_overdue() {
    let env = fixture();
    let rows = export_json(&env, &[]);
    let flagged: Vec<String> = rows
        .iter()
        .filter(|r| r["overdue"] == true)
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(flagged, env.list_ids(&["--overdue"]));
    assert_eq!(
        flagged,
        [
            "APPROVAL-2026-0001",
            "TAX-2026-0001",
            "TAX-2026-0004",
            "TAX-2026-0005",
            "TAX-2026-0006"
        ]
    );
    // the late items of the ledger are exactly the rows of `overdue`
    let mut late: Vec<(String, String, String, String, u64)> = rows
        .iter()
        .flat_map(|r| {
            let id = r["id"].as_str().unwrap().to_string();
            r["late"].as_array().unwrap().iter().map(move |l| {
                (
                    id.clone(),
                    l["what"].as_str().unwrap().to_string(),
                    l["dept"].as_str().unwrap().to_string(),
                    l["due"].as_str().unwrap().to_string(),
                    l["days_late"].as_u64().unwrap(),
                )
            })
        })
        .collect();
    late.sort();
    assert_eq!(late, overdue(&env, &[]));

    // as of another day, the same agreement with `overdue --as-of`
    let rows = export_json(&env, &["--as-of", "2026-11-12"]);
    let flagged: Vec<String> = rows
        .iter()
        .filter(|r| r["overdue"] == true)
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let mut from_overdue: Vec<String> = overdue(&env, &["--as-of", "2026-11-12"])
        .into_iter()
        .map(|r| r.0)
        .collect();
    // four-digit sequences: plain string order is the ledger's ID order here
    from_overdue.sort();
    from_overdue.dedup();
    assert_eq!(flagged, from_overdue);
}

#[test]
fn stats_status_counts_equal_export_rows_per_status() {
    let env = fixture();
    for year in [None, Some("2026"), Some("2025")] {
        let extra: Vec<&str> = year.map(|y| vec!["--year", y]).unwrap_or_default();
        let rows = export_json(&env, &extra);
        let mut per_status: BTreeMap<String, u64> = BTreeMap::new();
        for r in &rows {
            *per_status
                .entry(r["status"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
        let mut args = vec!["stats", "--json"];
        args.extend_from_slice(&extra);
        let stats = json(&env, &args);
        assert_eq!(stats["cases"].as_u64().unwrap() as usize, rows.len());
        for (status, n) in stats["by_status"].as_object().unwrap() {
            assert_eq!(
                n.as_u64().unwrap(),
                per_status.get(status).copied().unwrap_or(0),
                "{status} in {year:?}"
            );
            // and --status selects exactly those rows
            let mut filtered = extra.clone();
            filtered.extend_from_slice(&["--status", status]);
            assert_eq!(
                export_json(&env, &filtered).len() as u64,
                n.as_u64().unwrap()
            );
        }
        // the groups of every --by add up to the cases
        for by in ["dept", "category", "month", "track"] {
            let mut args = vec!["stats", "--json", "--by", by];
            args.extend_from_slice(&extra);
            let s = json(&env, &args);
            let sum: u64 = s["groups"]
                .as_array()
                .unwrap()
                .iter()
                .map(|g| g["cases"].as_u64().unwrap())
                .sum();
            assert_eq!(sum as usize, rows.len(), "--by {by} {year:?}");
        }
    }
    let stats = json(&env, &["stats", "--json"]);
    let by_status = &stats["by_status"];
    assert_eq!(by_status["archived"], 3);
    assert_eq!(by_status["handling"], 2);
    assert_eq!(by_status["registered"], 1);
    assert_eq!(by_status["replied"], 1);
    assert_eq!(by_status["referred"], 1);
    assert_eq!(by_status["redirected"], 1);
    assert_eq!(by_status["awaiting_approval"], 0);

    let months = json(&env, &["stats", "--json", "--by", "month"]);
    let keys: Vec<&str> = months["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["2025-12", "2026-11"]);
    let table = env.ok(&["stats", "--by", "category"]);
    assert!(table.contains("争议类别"), "{table}");
    assert!(
        table.contains("5 人社、医保核定的特殊缴费应征金额"),
        "{table}"
    );
    assert!(table.contains("未分类"), "{table}");
}

#[test]
fn xlsx_export_opens_and_holds_the_rows() {
    use calamine::{Data, DataType, Reader, open_workbook_auto};

    let env = fixture();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("台账.xlsx");
    let file_arg = file.to_str().unwrap();
    let stdout = env.ok(&["export", "-o", file_arg]);
    assert!(stdout.is_empty(), "the workbook goes to the file only");

    let mut book = open_workbook_auto(&file).expect("the workbook opens");
    assert_eq!(book.sheet_names(), ["台账"]);
    let range = book.worksheet_range("台账").expect("sheet");
    assert_eq!(range.start(), Some((0, 0)));
    let (height, width) = range.get_size();
    assert_eq!(height, 1 + 9, "header and one row per case");
    let header: Vec<String> = (0..width)
        .map(|c| range.get((0, c)).unwrap().to_string())
        .collect();
    assert_eq!(header[..HEADERS.len()], HEADERS);
    assert_opinion_columns(&header[HEADERS.len()..]);

    let cell = |r: usize, h: &str| range.get((r, col(h))).cloned().unwrap_or(Data::Empty);
    let ids: Vec<String> = (1..height).map(|r| cell(r, "编号").to_string()).collect();
    assert_eq!(
        ids,
        [
            "APPROVAL-2026-0001",
            "TAX-2025-0001",
            "TAX-2026-0001",
            "TAX-2026-0002",
            "TAX-2026-0003",
            "TAX-2026-0004",
            "TAX-2026-0005",
            "TAX-2026-0006",
            "TAX-2026-0007",
        ]
    );

    // dates are dates: serial days since 1899-12-30, times as fractions of a day
    let serial = |y, m, d| {
        (chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
            - chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap())
        .num_days() as f64
    };
    let received = cell(1, "受理时间");
    assert!(received.is_datetime(), "{received:?}");
    let Data::DateTime(t) = received else {
        unreachable!()
    };
    assert!((t.as_f64() - (serial(2026, 11, 16) + 9.0 / 24.0)).abs() < 1e-6);
    let due = cell(3, "分类时限");
    let Data::DateTime(d) = due else {
        panic!("分类时限 is not a date: {due:?}")
    };
    assert_eq!(d.as_f64(), serial(2026, 11, 3));
    assert_eq!(cell(3, "回复完成"), Data::Empty, "not replied yet");

    // payer data masked
    assert_eq!(cell(1, "联系电话").to_string(), "137****3333");
    assert_eq!(cell(3, "联系电话").to_string(), "138****0000");
    assert_eq!(cell(5, "证件号码").to_string(), "140***********1238");
    // an individual payer's name is masked too
    assert_eq!(cell(5, "缴费人").to_string(), "赵**");
    assert_eq!(cell(3, "是否超期").to_string(), "是");
    assert_eq!(cell(4, "是否超期").to_string(), "否");
    assert_eq!(cell(3, "纪委移交").to_string(), "县财政局");
    assert_eq!(
        cell(3, "书面意见时限与完成").to_string(),
        "县人社局 11-10/11-05；县医保局 11-10/11-12（逾期）；县财政局 11-10/待出具"
    );
    assert_eq!(
        cell(1, "联办部门").to_string(),
        "县人社局、县司法局（已撤回）"
    );
    assert_eq!(cell(5, "救济途径").to_string(), "申请行政复议");
    assert_eq!(cell(4, "处理结果").to_string(), "缴费人无异议");
    assert_eq!(cell(7, "处理结果").to_string(), "经核查，核定无误。");

    // to a pipe (not a terminal) the workbook may go to stdout
    let out = env.run(&["export", "--format", "xlsx"]);
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"PK"), "a zip file");
}

#[test]
fn csv_has_a_bom_and_the_rows_of_json() {
    let env = fixture();
    let out = env.run(&["export"]);
    assert!(out.status.success());
    let bytes = out.stdout;
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");

    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header[..HEADERS.len()], HEADERS);
    assert_opinion_columns(&header[HEADERS.len()..]);
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let rows = export_json(&env, &[]);
    assert_eq!(records.len(), rows.len());
    let status_label = |code: &str| match code {
        "registered" => "已登记",
        "handling" => "办理中",
        "referred" => "已报送待转办",
        "replied" => "已回复",
        "archived" => "已归档",
        "redirected" => "已告知另行办理",
        other => panic!("unexpected status {other}"),
    };
    for (rec, row) in records.iter().zip(&rows) {
        assert_eq!(rec[col("编号")], row["id"]);
        assert_eq!(rec[col("缴费人")], row["payer"]);
        assert_eq!(rec[col("联系电话")], row["phone"]);
        assert!(rec[col("联系电话")].contains("****"));
        assert_eq!(rec[col("证件号码")], *row["id_code"].as_str().unwrap_or(""));
        assert_eq!(rec[col("辖区")], row["district"]);
        assert_eq!(
            rec[col("状态")],
            *status_label(row["status"].as_str().unwrap())
        );
        assert_eq!(
            &rec[col("是否超期")],
            if row["overdue"] == true { "是" } else { "否" }
        );
        let received =
            chrono::DateTime::parse_from_rfc3339(row["received_at"].as_str().unwrap()).unwrap();
        assert_eq!(
            rec[col("受理时间")],
            received.format("%Y-%m-%d %H:%M").to_string()
        );
        assert_eq!(
            rec[col("回复时限")],
            *row["reply_due"].as_str().unwrap_or("")
        );
        match row["category"].as_u64() {
            Some(n) => assert!(rec[col("争议类别")].starts_with(&format!("{n} "))),
            None => assert_eq!(&rec[col("争议类别")], ""),
        }
    }

    // -o FILE.csv writes the same bytes; -o FILE.json infers JSON
    let dir = tempfile::tempdir().unwrap();
    let csv_file = dir.path().join("ledger.csv");
    env.ok(&["export", "-o", csv_file.to_str().unwrap()]);
    assert_eq!(std::fs::read(&csv_file).unwrap(), bytes);
    let json_file = dir.path().join("ledger.json");
    env.ok(&["export", "-o", json_file.to_str().unwrap()]);
    let from_file: Value = serde_json::from_slice(&std::fs::read(&json_file).unwrap()).unwrap();
    assert_eq!(from_file.as_array().unwrap(), &rows);
    assert_eq!(
        export_json(&env, &[]),
        json(&env, &["export", "--json"])
            .as_array()
            .unwrap()
            .clone()
    );
}

#[test]
fn reveal_only_for_involved_departments() {
    let env = fixture();
    let phone = |rows: &[Value], id: &str| -> String {
        rows.iter()
            .find(|r| r["id"] == id)
            .map(|r| r["phone"].as_str().unwrap().to_string())
            .unwrap()
    };

    // the receiving department sees its own cases, and the tax bureau, which hosts the
    // leading-group office, every case (DESIGN §11)
    let out = env.run(&["--as", "zhangsan", "export", "--format", "json", "--reveal"]);
    assert!(out.status.success());
    let rows: Vec<Value> = serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(phone(&rows, "TAX-2026-0001"), "13812340000");
    assert_eq!(phone(&rows, "TAX-2026-0002"), "13900002222");
    let c = rows.iter().find(|r| r["id"] == "TAX-2026-0003").unwrap();
    assert_eq!(c["id_code"], "140830198001011238");
    assert_eq!(phone(&rows, "APPROVAL-2026-0001"), "13700003333");
    assert!(!stderr.contains("警告"), "{stderr}");

    // a department assigned to the case sees it too
    let rows = json(&env, &["--as", "lisi", "export", "--json", "--reveal"]);
    let rows = rows.as_array().unwrap();
    assert_eq!(phone(rows, "APPROVAL-2026-0001"), "13700003333");
    assert_eq!(phone(rows, "TAX-2026-0001"), "13812340000");
    assert_eq!(phone(rows, "TAX-2026-0002"), "139****2222");

    // a department sees its own case only — the approval bureau, as the workroom, also the
    // general matters (TAX-2026-0001) — with one warning, and the export still succeeds
    let out = env.run(&["--as", "wangfang", "export", "--reveal"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("警告").count(), 1, "{stderr}");
    assert!(stderr.contains("7 件"), "{stderr}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("13700003333"), "{text}");
    for p in ["13900002222", "13600004444", "140830198001011238"] {
        assert!(!text.contains(p), "{p} leaked: {text}");
    }
    let rows = json(&env, &["--as", "wangfang", "export", "--json", "--reveal"]);
    let rows = rows.as_array().unwrap();
    assert_eq!(phone(rows, "TAX-2026-0001"), "13812340000");
    assert_eq!(phone(rows, "TAX-2026-0005"), "138****0000");

    // without --reveal nobody needs an identity and nothing is shown
    let rows = export_json(&env, &[]);
    assert!(rows.iter().all(|r| r["masked"] == true));
    // --reveal needs to know who acts
    env.fails(1, &["export", "--reveal"]);
}

#[test]
fn year_and_status_filters() {
    let env = fixture();
    assert_eq!(
        ids(&export_json(&env, &["--year", "2025"])),
        ["TAX-2025-0001"]
    );
    assert_eq!(export_json(&env, &["--year", "2026"]).len(), 8);
    assert!(export_json(&env, &["--year", "2024"]).is_empty());
    assert_eq!(
        ids(&export_json(&env, &["--status", "archived"])),
        ["TAX-2025-0001", "TAX-2026-0002", "TAX-2026-0003"]
    );
    assert_eq!(
        ids(&export_json(
            &env,
            &["--status", "archived", "--year", "2026"]
        )),
        ["TAX-2026-0002", "TAX-2026-0003"]
    );
    let stats = json(&env, &["stats", "--json", "--year", "2025"]);
    assert_eq!(stats["cases"], 1);
    assert_eq!(stats["year"], 2025);
    assert_eq!(stats["by_status"]["archived"], 1);
    assert_eq!(dept(&stats, "tax")["received"], 1);
    assert_eq!(dept(&stats, "finance")["overdue"], 0);

    // bad input
    env.fails(4, &["stats", "--as-of", "2026-13-01"]);
    env.fails(4, &["export", "--as-of", "tomorrow"]);
    env.fails_plain(2, &["stats", "--by", "weather"]);
    env.fails_plain(2, &["export", "--status", "nonsense"]);
    env.fails_plain(2, &["export", "--format", "pdf"]);
    env.fails_plain(2, &["export", "--format", "csv", "--json"]);
}

#[test]
fn export_in_english_has_english_headings_and_the_same_rows() {
    let env = fixture();
    let zh = env.run(&["export"]);
    let en = env.run(&["--lang", "en", "export"]);
    assert!(zh.status.success() && en.status.success());
    let read = |bytes: &[u8]| -> (Vec<String>, Vec<csv::StringRecord>) {
        let mut reader = csv::Reader::from_reader(&bytes[3..]);
        let header = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect();
        (header, reader.records().map(|r| r.unwrap()).collect())
    };
    let (zh_header, zh_rows) = read(&zh.stdout);
    let (en_header, en_rows) = read(&en.stdout);
    assert_eq!(zh_header[..HEADERS.len()], HEADERS);
    assert_eq!(en_header.len(), zh_header.len());
    assert_eq!(en_header[0], "Case ID");
    assert!(en_header.contains(&"Overdue".to_string()), "{en_header:?}");
    assert_eq!(en_rows.len(), zh_rows.len());
    let overdue = col("是否超期");
    for (z, e) in zh_rows.iter().zip(&en_rows) {
        assert_eq!(z[0], e[0], "same case in the same place");
        assert_eq!(z[1], e[1], "times are language-neutral");
        assert_eq!(&e[overdue], if &z[overdue] == "是" { "Yes" } else { "No" });
    }
    // JSON keeps its English keys and codes whatever the language, apart from free text.
    let json_zh: Value = serde_json::from_slice(&env.run(&["export", "--json"]).stdout).unwrap();
    let json_en: Value =
        serde_json::from_slice(&env.run(&["--lang", "en", "export", "--json"]).stdout).unwrap();
    let ids = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| format!("{} {} {}", r["id"], r["status"], r["overdue"]))
            .collect()
    };
    assert_eq!(ids(&json_zh), ids(&json_en));
}
