//! Issue 5, `dispute import`: CSV ledgers with Chinese headers (UTF-8 with or without BOM,
//! GB18030) and TOML `[[cases]]`, replayed through the workflow, all or nothing, one commit
//! by the importing receiver, refused when imported twice, and checked by `verify`.

use std::path::{Path, PathBuf};

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::harness::*;

// ---------------------------------------------------------------------------------------
// helpers

/// A directory outside the casebook for the ledger files (so `git status` stays clean).
struct Files(tempfile::TempDir);

impl Files {
    fn new() -> Files {
        Files(tempfile::tempdir().expect("tempdir"))
    }

    fn write(&self, name: &str, bytes: &[u8]) -> String {
        let path: PathBuf = self.0.path().join(name);
        std::fs::write(&path, bytes).expect("write ledger");
        path.to_string_lossy().into_owned()
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// One CSV row: (Chinese column, value).
type Row = Vec<(&'static str, String)>;

/// A row with the required fields of a registration (payer, phone, district, matter) and
/// `extra` columns added or replacing those.
fn row(payer: &str, received: &str, extra: &[(&'static str, &str)]) -> Row {
    let mut r: Row = vec![
        ("受理时间", received.to_string()),
        ("缴费人类型", "用人单位".to_string()),
        ("缴费人名称", payer.to_string()),
        ("联系电话", "13812340000".to_string()),
        ("辖区", "古魏镇".to_string()),
        ("反映事项", "对缴费基数核定有异议".to_string()),
    ];
    for (k, v) in extra {
        match r.iter_mut().find(|(c, _)| c == k) {
            Some(slot) => slot.1 = v.to_string(),
            None => r.push((k, v.to_string())),
        }
    }
    r
}

/// CSV text of `rows`: the header is every column used, in order of first use.
fn csv_text(rows: &[Row]) -> String {
    let mut columns: Vec<&str> = vec![];
    for r in rows {
        for (c, _) in r {
            if !columns.contains(c) {
                columns.push(c);
            }
        }
    }
    let mut w = csv::Writer::from_writer(vec![]);
    w.write_record(&columns).expect("header");
    for r in rows {
        let cells: Vec<String> = columns
            .iter()
            .map(|c| {
                r.iter()
                    .find(|(k, _)| k == c)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            })
            .collect();
        w.write_record(&cells).expect("row");
    }
    String::from_utf8(w.into_inner().expect("flush")).expect("utf-8")
}

fn gb18030(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
    assert!(!unmappable, "GB18030 can encode every character");
    bytes.into_owned()
}

/// Every file below `cases/` in the working tree (relative paths, sorted), `.gitkeep` left out.
fn case_files(env: &Env) -> Vec<String> {
    let root = env.path("cases");
    let mut out = vec![];
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n != ".gitkeep") {
                out.push(rel(env.root(), &p));
            }
        }
    }
    out.sort();
    out
}

fn rel(root: &Path, p: &Path) -> String {
    p.strip_prefix(root)
        .expect("below root")
        .to_string_lossy()
        .into_owned()
}

/// The (row, column, reason) lines of the error table `import` prints on stderr.
fn row_errors(stderr: &str) -> Vec<(String, String, String)> {
    stderr
        .lines()
        .filter(|l| l.starts_with('│') && l.contains('┆'))
        .map(|l| {
            let cells: Vec<String> = l
                .trim_matches('│')
                .split('┆')
                .map(|c| c.trim().to_string())
                .collect();
            assert_eq!(cells.len(), 3, "a row error has three cells: {l}");
            (cells[0].clone(), cells[1].clone(), cells[2].clone())
        })
        .filter(|(r, _, _)| r != "行")
        .collect()
}

/// The reason given for (row, column), panicking with the whole table when absent.
fn reason_for(errors: &[(String, String, String)], row: usize, column: &str) -> String {
    errors
        .iter()
        .find(|(r, c, _)| r == &row.to_string() && c == column)
        .map(|(_, _, reason)| reason.clone())
        .unwrap_or_else(|| panic!("no error for row {row} column {column}: {errors:#?}"))
}

/// Import `file` as `who` and expect success; returns the IDs printed on stdout.
fn import_ok(env: &Env, who: &str, file: &str) -> Vec<String> {
    let out = env.as_ok(who, &["import", file]);
    out.lines().map(str::to_string).collect()
}

/// Author and trailers of HEAD.
fn head_commit(env: &Env) -> (String, Vec<(String, String)>) {
    let out = env.git(&["log", "-1", "--format=%an <%ae>%x1f%(trailers:only,unfold)"]);
    let (author, trailers) = out.split_once('\x1f').expect("format");
    let trailers = trailers
        .lines()
        .filter_map(|l| l.split_once(": "))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    (author.trim().to_string(), trailers)
}

fn trailer<'a>(trailers: &'a [(String, String)], key: &str) -> Option<&'a str> {
    trailers
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

fn status_of(env: &Env, id: &str) -> String {
    env.case_json(id)["status"]
        .as_str()
        .expect("status")
        .to_string()
}

fn verify_code(env: &Env) -> i32 {
    env.run(&["verify"]).status.code().expect("exit code")
}

/// The multi-stage ledger: registered only; classified own; general assigned without
/// opinions; general replied and archived objected (explicit 编号); a redirect.
fn stages_ledger() -> Vec<Row> {
    vec![
        row("芮城县甲建材有限公司", "2025-05-06 09:00", &[]),
        row(
            "李某",
            "2025-06-02 10:00",
            &[
                ("缴费人类型", "个人"),
                ("联系电话", "13812340002"),
                ("辖区", "风陵渡镇"),
                ("反映事项", "对加收的滞纳金有异议"),
                ("争议类别", "6"),
                ("险种", "养老保险"),
                ("事项类型", "本部门办理"),
                ("分类时间", "2025-06-02 15:00"),
            ],
        ),
        row(
            "芮城县乙物流有限公司",
            "2026-11-16 09:00",
            &[
                ("联系电话", "13812340003"),
                ("辖区", "大王镇"),
                ("争议类别", "1"),
                ("险种", "养老保险"),
                ("事项类型", "一般事项"),
                ("分类时间", "2026-11-16 10:00"),
                ("联办部门", "hrss、medical"),
                ("指派时间", "2026-11-16 11:00"),
            ],
        ),
        row(
            "芮城县丙机械厂",
            "2025-07-01 09:00",
            &[
                ("编号", "TAX-2025-0050"),
                ("联系电话", "0359-3012345"),
                ("争议类别", "3"),
                ("险种", "养老保险"),
                ("事项类型", "一般事项"),
                ("分类时间", "2025-07-01 10:00"),
                ("联办部门", "县人社局"),
                ("指派时间", "2025-07-01 11:00"),
                ("书面意见(hrss)", "经复核，缴费基数核定无误。"),
                ("意见时间(hrss)", "2025-07-04 16:00"),
                ("回复时间", "2025-07-10 15:00"),
                ("回复内容", "经核查，缴费基数核定符合规定，特此书面告知。"),
                ("归档时间", "2025-07-15 09:00"),
                ("缴费人意见", "有异议"),
                ("救济途径", "行政复议"),
            ],
        ),
        row(
            "王某",
            "2025-08-01 09:00",
            &[
                ("缴费人类型", "个人"),
                ("联系电话", "13812340005"),
                ("辖区", "阳城镇"),
                ("反映事项", "对养老金待遇核定有异议"),
                ("事项类型", "告知另行办理"),
                ("分类时间", "2025-08-01 10:00"),
                ("告知部门", "hrss"),
            ],
        ),
    ]
}

/// The IDs the stages ledger gets in an empty standard casebook, in row order.
const STAGE_IDS: [&str; 5] = [
    "TAX-2025-0001",
    "TAX-2025-0002",
    "TAX-2026-0001",
    "TAX-2025-0050",
    "TAX-2025-0003",
];

/// The template as `import --template` prints it (bytes).
fn template_bytes(env: &Env) -> Vec<u8> {
    let out = env.run(&["import", "--template"]);
    assert!(
        out.status.success(),
        "import --template failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

// ---------------------------------------------------------------------------------------
// the template

#[test]
fn template_has_bom_and_chinese_header() {
    let env = Env::new();
    let before = env.head();
    let bytes = template_bytes(&env);
    assert_eq!(env.head(), before, "--template must not commit");
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "template starts with a UTF-8 BOM: {:?}",
        &bytes[..bytes.len().min(8)]
    );
    let text = std::str::from_utf8(&bytes[3..]).expect("template is UTF-8");
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    for col in [
        "编号",
        "受理时间",
        "缴费人名称",
        "联系电话",
        "事项类型",
        "联办部门",
        "书面意见(hrss)",
        "意见时间(hrss)",
    ] {
        assert!(
            header.iter().any(|h| h == col),
            "column {col} missing: {header:?}"
        );
    }
    let records: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.expect("sample row parses"))
        .collect();
    assert_eq!(records.len(), 1, "one sample row: {text}");
    assert_eq!(records[0].len(), header.len());
    // The template may be run outside a casebook too.
    let outside = Env::empty();
    let out = outside.run(&["import", "--template"]);
    assert!(out.status.success(), "template outside a casebook");
    assert_eq!(out.stdout, bytes);
}

#[test]
fn template_sample_row_imports_as_one_archived_case() {
    let env = Env::new();
    let files = Files::new();
    let bytes = template_bytes(&env);
    let file = files.write("模板.csv", &bytes);
    let count = env.commit_count();

    let ids = import_ok(&env, "zhangsan", &file);
    assert_eq!(ids, ["TAX-2025-0001"], "IDs on stdout, one per line");
    assert_eq!(env.commit_count(), count + 1, "one commit");

    let case = env.case_json(&ids[0]);
    assert_eq!(case["status"], "archived", "{case:#}");
    assert_eq!(case["track"], "general");
    assert_eq!(case["receiving_dept"], "tax");
    assert_eq!(case["first_receiver"], "zhangsan");
    assert_eq!(case["received_at"], "2025-03-10T09:30:00+08:00");
    let opinions = case["opinions"].as_array().expect("opinions");
    let got: Vec<(&str, &str)> = opinions
        .iter()
        .map(|o| (o["dept"].as_str().unwrap(), o["by"].as_str().unwrap()))
        .collect();
    assert_eq!(got, [("hrss", "lisi"), ("medical", "zhaoliu")]);
    assert_eq!(case["reply"]["by"], "zhangsan");
    assert_eq!(case["archive"]["outcome"], "accepted");
    let events: Vec<&str> = case["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        events,
        [
            "register", "classify", "assign", "opinion", "opinion", "reply", "archive"
        ]
    );

    assert_all_cases_valid(&env);
    env.assert_clean();
    assert_eq!(verify_code(&env), 0, "verify after an import");

    let (author, trailers) = head_commit(&env);
    assert_eq!(author, "张三 <zhangsan@rc.example.cn>");
    assert_eq!(trailer(&trailers, "Action"), Some("import"), "{trailers:?}");
    assert_eq!(trailer(&trailers, "Operator"), Some("zhangsan"));
    assert_eq!(trailer(&trailers, "Dept"), Some("tax"));
    assert_eq!(trailer(&trailers, "Import-Rows"), Some("1"));
    assert_eq!(
        trailer(&trailers, "Import-SHA256"),
        Some(sha256_hex(&bytes).as_str())
    );
    let changed = env.git(&["show", "--format=", "--name-only", "HEAD"]);
    assert_eq!(
        changed.lines().collect::<Vec<_>>(),
        [case_path("TAX-2025-0001")]
    );
}

// ---------------------------------------------------------------------------------------
// stages, IDs, statuses

#[test]
fn rows_at_different_stages_import_with_their_status() {
    let env = Env::new();
    let files = Files::new();
    let file = files.write("台账.csv", csv_text(&stages_ledger()).as_bytes());
    let ids = import_ok(&env, "zhangsan", &file);
    assert_eq!(
        ids, STAGE_IDS,
        "IDs per year in row order, explicit 编号 kept"
    );

    let list: Value = serde_json::from_str(&env.ok(&["list", "--json"])).expect("json");
    let mut listed: Vec<(String, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    listed.sort();
    assert_eq!(
        listed,
        [
            ("TAX-2025-0001", "registered"),
            ("TAX-2025-0002", "handling"),
            ("TAX-2025-0003", "redirected"),
            ("TAX-2025-0050", "archived"),
            ("TAX-2026-0001", "handling"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );

    let own = env.case_json("TAX-2025-0002");
    assert_eq!(own["track"], "own");
    assert_eq!(own["category"], 6);
    assert_eq!(own["payer"]["kind"], "individual");

    let general = env.case_json("TAX-2026-0001");
    assert_eq!(general["track"], "general");
    let assigned: Vec<&str> = general["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["dept"].as_str().unwrap())
        .collect();
    assert_eq!(assigned, ["hrss", "medical"]);
    assert!(
        general["opinions"].as_array().is_none_or(|o| o.is_empty()),
        "no opinions yet: {general:#}"
    );

    let archived = env.case_json("TAX-2025-0050");
    assert_eq!(archived["archive"]["outcome"], "objected");
    assert_eq!(archived["archive"]["remedy"], "reconsideration");
    assert_eq!(archived["opinions"][0]["by"], "lisi");
    assert_eq!(archived["reply"]["at"], "2025-07-10T15:00:00+08:00");

    let redirect = env.case_json("TAX-2025-0003");
    assert_eq!(redirect["redirect"]["dept"], "hrss", "{redirect:#}");

    // The paper ledger's opinion, reply and archive are counted apart from timeliness.
    let stats: Value = serde_json::from_str(&env.ok(&[
        "stats",
        "--json",
        "--year",
        "2025",
        "--as-of",
        "2026-11-27",
    ]))
    .expect("json");
    let hrss = dept_row(&stats["departments"], "hrss").expect("hrss row");
    assert_eq!(
        (&hrss["imported"], &hrss["on_time"], &hrss["late"]),
        (&1.into(), &0.into(), &0.into()),
        "{hrss:#}"
    );
    for step in ["reply", "archive"] {
        assert_eq!(stats[step]["imported"], 1, "{step}: {stats:#}");
        assert_eq!(stats[step]["on_time"], 0, "{step}: {stats:#}");
        assert_eq!(stats[step]["late"], 0, "{step}: {stats:#}");
    }
    assert!(
        env.ok(&["stats", "--year", "2025"])
            .contains("补录（不计时效）")
    );

    // The opinions owed on the general matter show in the overdue report.
    let overdue: Value =
        serde_json::from_str(&env.ok(&["overdue", "--as-of", "2026-11-27", "--json"]))
            .expect("json");
    let owed: Vec<(String, String)> = overdue
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["case"] == "TAX-2026-0001")
        .map(|o| {
            (
                o["what"].as_str().unwrap().to_string(),
                o["dept"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        owed,
        [("opinion", "hrss"), ("opinion", "medical")].map(|(a, b)| (a.to_string(), b.to_string())),
        "{overdue:#}"
    );
    assert!(
        overdue
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["case"] != "TAX-2025-0050" && o["case"] != "TAX-2025-0003"),
        "archived and redirected cases owe nothing: {overdue:#}"
    );

    assert_all_cases_valid(&env);
    env.assert_clean();
    assert_eq!(verify_code(&env), 0);

    // Imported cases go on through the workflow, and new registrations avoid their IDs.
    env.as_ok(
        "lisi",
        &[
            "opinion",
            "TAX-2026-0001",
            "--text",
            "经核查，参保登记无误。",
            "--at",
            "2026-11-26T10:00:00+08:00",
        ],
    );
    let next = env.register_with("zhangsan", &[("--at", "2025-09-01T09:00:00+08:00")]);
    assert!(
        next.starts_with("TAX-2025-") && !STAGE_IDS.contains(&next.as_str()),
        "new 2025 ID {next} collides"
    );
    assert_eq!(verify_code(&env), 0);
}

// ---------------------------------------------------------------------------------------
// all or nothing

fn bad_ledger() -> Vec<Row> {
    vec![
        // row 2: good
        row("芮城县好建材有限公司", "2025-05-06 09:00", &[]),
        // row 3: bad phone
        row("芮城县甲公司", "2025-05-07 09:00", &[("联系电话", "12345")]),
        // row 4: category 11
        row(
            "芮城县乙公司",
            "2025-06-02 10:00",
            &[
                ("争议类别", "11"),
                ("事项类型", "本部门办理"),
                ("分类时间", "2025-06-02 15:00"),
            ],
        ),
        // row 5: unknown department in 联办部门
        row(
            "芮城县丙公司",
            "2025-06-03 09:00",
            &[
                ("争议类别", "1"),
                ("事项类型", "一般事项"),
                ("联办部门", "hrss、foo"),
            ],
        ),
        // row 6: reply without the assigned department's opinion
        row(
            "芮城县丁公司",
            "2025-07-01 09:00",
            &[
                ("争议类别", "3"),
                ("事项类型", "一般事项"),
                ("联办部门", "hrss"),
                ("指派时间", "2025-07-01 11:00"),
                ("回复时间", "2025-07-10 15:00"),
                ("回复内容", "经核查核定无误。"),
            ],
        ),
        // row 7: archived without 缴费人意见
        row(
            "芮城县戊公司",
            "2025-07-02 09:00",
            &[
                ("争议类别", "3"),
                ("事项类型", "本部门办理"),
                ("回复时间", "2025-07-10 15:00"),
                ("回复内容", "经核查核定无误。"),
                ("归档时间", "2025-07-15 09:00"),
            ],
        ),
        // row 8: received in the future
        row("芮城县己公司", "2026-12-01 09:00", &[]),
        // rows 9, 10: the same 编号 twice
        row(
            "芮城县庚公司",
            "2025-07-03 09:00",
            &[("编号", "TAX-2025-0007")],
        ),
        row(
            "芮城县辛公司",
            "2025-07-04 09:00",
            &[("编号", "TAX-2025-0007")],
        ),
    ]
}

#[test]
fn every_bad_row_is_listed_and_nothing_is_written() {
    let env = Env::new();
    let files = Files::new();
    let file = files.write("错误台账.csv", csv_text(&bad_ledger()).as_bytes());
    let count = env.commit_count();
    let stderr = env.as_fails("zhangsan", 4, &["import", &file]);
    let errors = row_errors(&stderr);

    assert!(
        reason_for(&errors, 3, "联系电话").contains("12345"),
        "{errors:#?}"
    );
    assert!(reason_for(&errors, 4, "争议类别").contains("11"));
    assert!(reason_for(&errors, 5, "联办部门").contains("foo"));
    assert!(reason_for(&errors, 6, "回复内容").contains("书面意见"));
    assert!(!reason_for(&errors, 7, "缴费人意见").is_empty());
    assert!(reason_for(&errors, 8, "受理时间").contains("晚于现在"));
    assert!(reason_for(&errors, 10, "编号").contains("重复"));
    assert!(
        errors.iter().all(|(r, _, _)| r != "2"),
        "the good row is not listed: {errors:#?}"
    );
    let numbers: Vec<usize> = errors.iter().map(|(r, _, _)| r.parse().unwrap()).collect();
    assert!(
        numbers.windows(2).all(|w| w[0] <= w[1]),
        "rows are listed in order: {numbers:?}"
    );
    assert!(
        stderr.contains("未导入任何案件"),
        "the error line says nothing was imported: {stderr}"
    );

    assert_eq!(env.commit_count(), count);
    assert!(case_files(&env).is_empty(), "{:?}", case_files(&env));
    env.assert_clean();
    assert!(env.list_ids(&[]).is_empty());
}

#[test]
fn unknown_column_header_is_refused() {
    let env = Env::new();
    let files = Files::new();
    let mut rows = vec![row("芮城县甲公司", "2025-05-06 09:00", &[])];
    rows[0].push(("缴费人名称X", "多余".to_string()));
    let file = files.write("表头.csv", csv_text(&rows).as_bytes());
    let stderr = env.as_fails("zhangsan", 4, &["import", &file]);
    let errors = row_errors(&stderr);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].0, "1", "the header is row 1");
    assert!(errors[0].2.contains("缴费人名称X"), "{errors:#?}");
    assert!(case_files(&env).is_empty());
    env.assert_clean();
}

#[test]
fn dry_run_checks_without_writing() {
    let env = Env::new();
    let files = Files::new();
    let good = files.write("台账.csv", csv_text(&stages_ledger()).as_bytes());
    let bad = files.write("错误台账.csv", csv_text(&bad_ledger()).as_bytes());
    let head = env.head();

    let out = env.run(&["--as", "zhangsan", "import", &good, "--dry-run"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(env.head(), head, "--dry-run must not commit");
    assert!(case_files(&env).is_empty(), "{:?}", case_files(&env));
    env.assert_clean();

    let stderr = env.as_fails("zhangsan", 4, &["import", &bad, "--dry-run"]);
    let errors = row_errors(&stderr);
    assert!(reason_for(&errors, 3, "联系电话").contains("12345"));
    assert!(case_files(&env).is_empty());

    // The dry run left no trace: the real import of the same file goes ahead.
    assert_eq!(import_ok(&env, "zhangsan", &good), STAGE_IDS);
}

// ---------------------------------------------------------------------------------------
// encodings

/// (id, show --json) of every case of the casebook.
fn all_cases(env: &Env) -> Vec<(String, Value)> {
    let mut ids = env.list_ids(&[]);
    ids.sort();
    ids.into_iter()
        .map(|id| {
            // the payer as decrypted (the ciphertext differs from one encryption to the
            // next)
            let out = env.as_ok("zhangsan", &["show", &id, "--json", "--reveal"]);
            let mut case: Value = serde_json::from_str(&out).unwrap();
            case["payer"]
                .as_object_mut()
                .unwrap()
                .remove("sealed")
                .expect("payer data sealed");
            (id, case)
        })
        .collect()
}

#[test]
fn gb18030_ledger_imports_like_utf8() {
    let files = Files::new();
    let text = csv_text(&stages_ledger());

    let utf8 = Env::new();
    let file = files.write("utf8.csv", text.as_bytes());
    assert_eq!(import_ok(&utf8, "zhangsan", &file), STAGE_IDS);

    // As Excel in China saves it: GB18030 with CRLF line ends.
    let gb = Env::new();
    let bytes = gb18030(&text.replace('\n', "\r\n"));
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the GB18030 file is not UTF-8"
    );
    let file = files.write("gb18030.csv", &bytes);
    assert_eq!(import_ok(&gb, "zhangsan", &file), STAGE_IDS);
    let (_, trailers) = head_commit(&gb);
    assert_eq!(
        trailer(&trailers, "Import-SHA256"),
        Some(sha256_hex(&bytes).as_str())
    );

    // UTF-8 with a BOM.
    let bom = Env::new();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    let file = files.write("bom.csv", &bytes);
    assert_eq!(import_ok(&bom, "zhangsan", &file), STAGE_IDS);

    let want = all_cases(&utf8);
    assert_eq!(want.len(), 5);
    assert_eq!(
        want[0].1["payer"]["name"], "芮城县甲建材有限公司",
        "names decoded"
    );
    assert_eq!(all_cases(&gb), want, "GB18030 imports the same cases");
    assert_eq!(all_cases(&bom), want, "a BOM changes nothing");
    for env in [&utf8, &gb, &bom] {
        assert_all_cases_valid(env);
        env.assert_clean();
    }
}

#[test]
fn file_neither_utf8_nor_gb18030_is_refused() {
    let env = Env::new();
    let files = Files::new();
    // 0x80 and 0xFF are not lead bytes of GB18030, and not UTF-8.
    let bytes: Vec<u8> = [0x80u8, 0xFF, 0x00, 0x81, 0x00, 0xFF, 0xFE, 0x80].repeat(8);
    let file = files.write("乱码.csv", &bytes);
    let stderr = env.as_fails("zhangsan", 4, &["import", &file]);
    assert!(
        stderr.contains("GB18030") || stderr.contains("编码"),
        "the message names the encoding problem: {stderr}"
    );
    assert!(case_files(&env).is_empty());
}

#[test]
fn file_starting_with_ff_fe_is_refused_as_undecodable() {
    let env = Env::new();
    let files = Files::new();
    // Random-looking bytes that happen to begin like a UTF-16 BOM.
    let bytes: Vec<u8> = [0xFFu8, 0xFE, 0x00, 0x41, 0x81, 0x00, 0xFF, 0x80].repeat(8);
    let file = files.write("乱码.csv", &bytes);
    let stderr = env.as_fails("zhangsan", 4, &["import", &file]);
    assert!(
        stderr.contains("GB18030") || stderr.contains("编码"),
        "the message names the encoding problem, not a garbled column: {stderr}"
    );
    assert!(case_files(&env).is_empty());
}

// ---------------------------------------------------------------------------------------
// TOML

const TOML_LEDGER: &str = r#"
[[cases]]
received_at = "2025-04-01T09:00:00+08:00"
channel = "phone"
payer_kind = "employer"
payer_name = "芮城县托管物业有限公司"
contact = "刘经理"
phone = "13812340009"
district = "古魏镇"
title = "缴费基数核定争议"
summary = "对 2025 年度缴费基数核定有异议"
category = 3
insurance = ["pension", "medical"]
track = "general"
classified_at = "2025-04-01 10:00"
assign = ["hrss", "medical"]
assigned_at = "2025-04-01 11:00"
opinions = [
  { dept = "hrss", at = "2025-04-03 10:00", text = "养老保险缴费基数核定无误。" },
  { dept = "medical", at = "2025-04-04 10:00", text = "医疗保险缴费基数与养老保险一致。" },
]
replied_at = "2025-04-08 10:00"
reply = "经核查，缴费基数核定无误，特此书面告知。"
archived_at = "2025-04-10 10:00"
outcome = "accepted"
note = "纸质台账补录"

[[cases]]
id = "TAX-2025-0009"
received_at = "2025-04-02 09:00"
payer_kind = "individual"
payer_name = "赵某"
phone = "0359-3012345"
district = "风陵渡镇"
summary = "对加收的滞纳金有异议"
"#;

#[test]
fn toml_ledger_with_english_keys_imports() {
    let env = Env::new();
    let files = Files::new();
    let file = files.write("台账.toml", TOML_LEDGER.as_bytes());
    let ids = import_ok(&env, "zhangsan", &file);
    assert_eq!(ids, ["TAX-2025-0001", "TAX-2025-0009"]);

    let case = env.case_json("TAX-2025-0001");
    assert_eq!(case["status"], "archived", "{case:#}");
    assert_eq!(case["channel"], "phone");
    assert_eq!(case["category"], 3);
    assert_eq!(case["insurance"], serde_json::json!(["pension", "medical"]));
    let by: Vec<&str> = case["opinions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["by"].as_str().unwrap())
        .collect();
    assert_eq!(by, ["lisi", "zhaoliu"]);
    assert_eq!(case["opinions"][1]["at"], "2025-04-04T10:00:00+08:00");
    assert_eq!(case["archive"]["outcome"], "accepted");
    assert_eq!(status_of(&env, "TAX-2025-0009"), "registered");

    let (author, trailers) = head_commit(&env);
    assert_eq!(author, "张三 <zhangsan@rc.example.cn>");
    assert_eq!(trailer(&trailers, "Import-Rows"), Some("2"));
    assert_eq!(
        trailer(&trailers, "Import-SHA256"),
        Some(sha256_hex(TOML_LEDGER.as_bytes()).as_str())
    );
    assert_all_cases_valid(&env);
    env.assert_clean();
    assert_eq!(verify_code(&env), 0);
}

#[test]
fn toml_ledger_with_unknown_key_is_refused() {
    let env = Env::new();
    let files = Files::new();
    let text = TOML_LEDGER.replace("channel = \"phone\"", "chanel = \"phone\"");
    let file = files.write("台账.toml", text.as_bytes());
    let stderr = env.as_fails("zhangsan", 4, &["import", &file]);
    assert!(stderr.contains("chanel"), "names the key: {stderr}");
    assert!(case_files(&env).is_empty());
}

// ---------------------------------------------------------------------------------------
// importing twice

#[test]
fn same_file_twice_is_refused_naming_the_earlier_commit() {
    let env = Env::new();
    let files = Files::new();
    let bytes = csv_text(&stages_ledger()).into_bytes();
    let file = files.write("台账.csv", &bytes);
    import_ok(&env, "zhangsan", &file);
    let first = env.head();
    let cases = case_files(&env);

    let stderr = env.as_fails("zhangsan", 1, &["import", &file]);
    assert!(
        stderr.contains(&first[..10]),
        "names the earlier commit {first}: {stderr}"
    );
    // The same bytes under another name are the same file.
    let copy = files.write("台账（副本）.csv", &bytes);
    let stderr = env.as_fails("zhangsan", 1, &["import", &copy]);
    assert!(stderr.contains(&first[..10]), "{stderr}");
    // Even by another receiver of the department... or another department.
    env.as_fails("wangfang", 1, &["import", &copy]);

    assert_eq!(case_files(&env), cases);
    env.assert_clean();
}

#[test]
fn same_ledger_in_another_encoding_is_refused_as_duplicate() {
    let env = Env::new();
    let files = Files::new();
    let text = csv_text(&stages_ledger());
    let file = files.write("台账.csv", text.as_bytes());
    import_ok(&env, "zhangsan", &file);
    let cases = case_files(&env);

    let again = files.write("台账-gb.csv", &gb18030(&text));
    let stderr = env.as_fails("zhangsan", 4, &["import", &again]);
    let errors = row_errors(&stderr);
    // Rows without 编号 (2, 3, 4, 6) match a case by payer and time of receipt.
    for r in [2, 3, 4, 6] {
        assert!(
            reason_for(&errors, r, "受理时间").contains("疑似重复"),
            "{errors:#?}"
        );
    }
    // The row with 编号 names the existing ID.
    assert!(reason_for(&errors, 5, "编号").contains("TAX-2025-0050"));
    assert_eq!(case_files(&env), cases);

    // A row matching a case registered by hand (same payer, same time) is also suspect.
    let id = env.register_with(
        "zhangsan",
        &[
            ("--payer-name", "芮城县手工登记有限公司"),
            ("--at", "2026-10-12T09:30:00+08:00"),
        ],
    );
    let rows = vec![row("芮城县手工登记有限公司", "2026-10-12 09:30", &[])];
    let file = files.write("补录.csv", csv_text(&rows).as_bytes());
    let stderr = env.as_fails("zhangsan", 4, &["import", &file]);
    let reason = reason_for(&row_errors(&stderr), 2, "受理时间");
    assert!(
        reason.contains("疑似重复") && reason.contains(&id),
        "{reason}"
    );
    env.assert_clean();
}

// ---------------------------------------------------------------------------------------
// permissions and departments

#[test]
fn handler_cannot_import() {
    let env = Env::new();
    let files = Files::new();
    let file = files.write("台账.csv", csv_text(&stages_ledger()).as_bytes());
    let stderr = env.as_fails("lisi", 1, &["import", &file]);
    assert!(stderr.contains("receiver"), "{stderr}");
    env.as_fails("lisi", 1, &["import", &file, "--dry-run"]);
    assert!(case_files(&env).is_empty());
    env.assert_clean();
    // The leading-group office member of tax (office, handler) is not a receiver either.
    env.as_fails("wushi", 1, &["import", &file]);
    assert!(case_files(&env).is_empty());
}

#[test]
fn cases_are_received_by_the_importers_department() {
    let env = Env::new();
    let files = Files::new();
    let rows = vec![row("芮城县甲公司", "2025-05-06 09:00", &[])];
    let file = files.write("台账.csv", csv_text(&rows).as_bytes());
    let ids = import_ok(&env, "chener", &file);
    assert_eq!(ids, ["HRSS-2025-0001"]);
    let case = env.case_json(&ids[0]);
    assert_eq!(case["receiving_dept"], "hrss");
    assert_eq!(case["first_receiver"], "chener");
    assert_eq!(verify_code(&env), 0);
}

#[test]
fn explicit_id_of_another_department_is_refused() {
    let env = Env::new();
    let files = Files::new();
    let rows = vec![
        row("芮城县甲公司", "2025-05-06 09:00", &[]),
        row(
            "芮城县乙公司",
            "2025-05-07 09:00",
            &[("编号", "HRSS-2025-0001")],
        ),
    ];
    let file = files.write("台账.csv", csv_text(&rows).as_bytes());
    let stderr = env.as_fails("zhangsan", 4, &["import", &file]);
    let errors = row_errors(&stderr);
    assert!(
        reason_for(&errors, 3, "编号").contains("HRSS-2025-0001"),
        "{errors:#?}"
    );
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(case_files(&env).is_empty());
}

#[test]
fn opinion_of_department_without_handler_is_refused() {
    let env = Env::new();
    let files = Files::new();
    // The approval office has a receiver (wangfang) but no handler.
    let rows = vec![
        row(
            "芮城县甲公司",
            "2025-05-06 09:00",
            &[
                ("争议类别", "2"),
                ("事项类型", "一般事项"),
                ("联办部门", "approval"),
                ("书面意见(approval)", "登记事项符合规定。"),
                ("意见时间(approval)", "2025-05-07 10:00"),
            ],
        ),
        row(
            "芮城县乙公司",
            "2025-05-08 09:00",
            &[
                ("争议类别", "2"),
                ("事项类型", "一般事项"),
                ("联办部门", "hrss"),
                ("书面意见(foo)", "无此部门。"),
            ],
        ),
    ];
    let file = files.write("台账.csv", csv_text(&rows).as_bytes());
    let stderr = env.as_fails("zhangsan", 4, &["import", &file]);
    let errors = row_errors(&stderr);
    let reason = reason_for(&errors, 2, "书面意见(approval)");
    assert!(reason.contains("handler"), "{reason}");
    assert!(reason_for(&errors, 3, "书面意见(foo)").contains("foo"));
    assert!(case_files(&env).is_empty());
    env.assert_clean();
}

#[test]
fn opinion_without_time_next_to_a_timed_opinion_imports() {
    let env = Env::new();
    let files = Files::new();
    // The hrss opinion has no time; the medical one has. Both come before the reply.
    let rows = vec![row(
        "芮城县甲公司",
        "2025-03-10 09:30",
        &[
            ("争议类别", "3"),
            ("事项类型", "一般事项"),
            ("联办部门", "hrss、medical"),
            ("指派时间", "2025-03-10 11:10"),
            ("书面意见(hrss)", "养老保险缴费基数核定无误。"),
            ("书面意见(medical)", "医疗保险缴费基数一致。"),
            ("意见时间(medical)", "2025-03-17 10:00"),
            ("回复时间", "2025-03-20 15:00"),
            ("回复内容", "经核查核定无误。"),
        ],
    )];
    let file = files.write("台账.csv", csv_text(&rows).as_bytes());
    let ids = import_ok(&env, "zhangsan", &file);
    let case = env.case_json(&ids[0]);
    assert_eq!(case["status"], "replied", "{case:#}");
    assert_eq!(case["opinions"].as_array().unwrap().len(), 2);
}

// ---------------------------------------------------------------------------------------
// verify

/// Import the template's sample row, then take the commit back, leaving the case file text
/// (the casebook as before the import) and the commit's message.
fn undone_import(env: &Env) -> (String, String) {
    let files = Files::new();
    let file = files.write("模板.csv", &template_bytes(env));
    let ids = import_ok(env, "zhangsan", &file);
    let text = env.read(&case_path(&ids[0]));
    let message = env.git(&["log", "-1", "--format=%B"]);
    env.git(&["reset", "-q", "--hard", "HEAD~1"]);
    assert!(case_files(env).is_empty());
    (text, message)
}

#[test]
fn verify_accepts_an_import_and_a_faithful_hand_copy() {
    let env = Env::new();
    let (text, message) = undone_import(&env);
    // The same commit made by hand by the same receiver is a legal import.
    let rel = case_path("TAX-2025-0001");
    std::fs::create_dir_all(env.path(&rel).parent().unwrap()).unwrap();
    std::fs::write(env.path(&rel), &text).unwrap();
    // signed by zhangsan's key with plain git
    env.git_commit_signed_as("zhangsan", "张三", "zhangsan@rc.example.cn", &message);
    let (code, findings) = env.verify_json(&[]);
    assert_eq!(code, 0, "{findings:#?}");
}

#[test]
fn verify_finds_an_import_commit_by_a_non_receiver() {
    let env = Env::new();
    let (text, message) = undone_import(&env);
    let rel = case_path("TAX-2025-0001");
    std::fs::create_dir_all(env.path(&rel).parent().unwrap()).unwrap();
    std::fs::write(env.path(&rel), &text).unwrap();
    let message = message
        .replace("Operator: zhangsan", "Operator: lisi")
        .replace("Dept: tax", "Dept: hrss");
    assert!(message.contains("Action: import"), "{message}");
    env.git_commit_as("李四", "lisi@rc.example.cn", &message);
    let commit = env.head();

    let (code, findings) = env.verify_json(&[]);
    assert_eq!(code, 1, "{findings:#?}");
    assert!(
        findings.iter().any(|f| {
            commit.starts_with(f["commit"].as_str().unwrap_or("-"))
                && f["operator"] == "lisi"
                && f["rule"].as_str().unwrap_or("").contains("receiver")
        }),
        "{findings:#?}"
    );
}

#[test]
fn verify_finds_an_import_commit_with_a_case_the_workflow_cannot_produce() {
    let env = Env::new();
    let (text, message) = undone_import(&env);
    // The hrss opinion recorded by the receiver zhangsan, who is not an hrss handler.
    assert!(text.contains("by = \"lisi\""), "{text}");
    let forged = text.replace("by = \"lisi\"", "by = \"zhangsan\"");
    let rel = case_path("TAX-2025-0001");
    std::fs::create_dir_all(env.path(&rel).parent().unwrap()).unwrap();
    std::fs::write(env.path(&rel), &forged).unwrap();
    env.git_commit_as("张三", "zhangsan@rc.example.cn", &message);

    let (code, findings) = env.verify_json(&[]);
    assert_eq!(
        code, 1,
        "an opinion of hrss by a tax receiver is not a case the workflow could have produced: \
         {findings:#?}"
    );
    assert!(
        findings.iter().any(|f| f["case"] == "TAX-2025-0001"),
        "{findings:#?}"
    );
}

// ---------------------------------------------------------------------------------------
// size

#[test]
fn five_hundred_rows_import_in_one_commit() {
    let env = Env::new();
    let files = Files::new();
    let rows: Vec<Row> = (0..500)
        .map(|i| {
            let received = format!(
                "2025-{:02}-{:02} {:02}:{:02}",
                1 + (i / 28) % 12,
                1 + i % 28,
                8 + i % 9,
                i % 60
            );
            let payer = format!("芮城县第{i}号建材有限公司");
            let phone = format!("138{i:08}");
            let category = (1 + i % 10).to_string();
            let mut extra: Vec<(&'static str, &str)> = vec![
                ("联系电话", phone.as_str()),
                ("争议类别", category.as_str()),
            ];
            if i % 2 == 1 {
                extra.push(("事项类型", "本部门办理"));
            }
            row(&payer, &received, &extra)
        })
        .collect();
    let file = files.write("大台账.csv", csv_text(&rows).as_bytes());
    let count = env.commit_count();

    let ids = import_ok(&env, "zhangsan", &file);
    assert_eq!(ids.len(), 500);
    let want: Vec<String> = (1..=500).map(|n| format!("TAX-2025-{n:04}")).collect();
    assert_eq!(ids, want);
    assert_eq!(env.commit_count(), count + 1, "exactly one commit");
    let present = case_files(&env);
    assert_eq!(present.len(), 500);
    for id in &ids {
        assert!(env.path(&case_path(id)).is_file(), "{id} missing");
    }
    env.assert_clean();
    let (_, trailers) = head_commit(&env);
    assert_eq!(trailer(&trailers, "Import-Rows"), Some("500"));
    assert_eq!(env.list_ids(&[]).len(), 500);
    assert_eq!(verify_code(&env), 0);
    // The files went into the repository as one pack with its index, written by the
    // store itself: git checks every object in it and its checksums.
    let packs = std::fs::read_dir(env.path(".git/objects/pack"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".idx"))
        })
        .count();
    assert!(packs >= 1, "a pack");
    env.git(&["fsck", "--strict", "--no-dangling"]);
    let listed = env.git(&["ls-tree", "-r", "--name-only", "HEAD", "cases"]);
    assert_eq!(listed.lines().filter(|l| l.ends_with(".toml")).count(), 500);
}

#[test]
fn the_same_case_twice_in_one_file_is_refused() {
    let env = Env::new();
    let files = Files::new();
    let rows = vec![
        row("芮城县乙公司", "2025-05-06 10:00", &[]),
        row("芮城县丙公司", "2025-05-06 10:00", &[]),
        row("芮城县乙公司", "2025-05-06 10:00", &[]),
    ];
    let file = files.write("重复.csv", csv_text(&rows).as_bytes());
    let stderr = env.as_fails("zhangsan", 4, &["import", &file]);
    let errors = row_errors(&stderr);
    assert!(
        reason_for(&errors, 4, "受理时间").contains("第 2 行"),
        "{errors:#?}"
    );
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(case_files(&env).is_empty());
}

#[test]
fn dates_as_excel_writes_them_are_read() {
    let env = Env::new();
    let files = Files::new();
    let rows = vec![row(
        "芮城县丁公司",
        "2025/3/9 9:05",
        &[
            ("争议类别", "6"),
            ("事项类型", "本部门办理"),
            ("分类时间", "2025/3/9 10:30"),
        ],
    )];
    let file = files.write("excel.csv", csv_text(&rows).as_bytes());
    let ids = import_ok(&env, "zhangsan", &file);
    let case = env.case_json(&ids[0]);
    assert_eq!(case["received_at"], "2025-03-09T09:05:00+08:00");
    assert_eq!(case["events"][1]["at"], "2025-03-09T10:30:00+08:00");
}

// ---------------------------------------------------------------------------------------
// the headings are a file format: any language of the catalog imports

#[test]
fn the_english_template_imports_under_chinese_and_a_chinese_ledger_under_english() {
    let env = Env::new();
    let files = Files::new();
    let out = env.run(&["--lang", "en", "import", "--template"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::str::from_utf8(&out.stdout[3..]).expect("UTF-8 after the BOM");
    assert!(text.starts_with("Case ID,Received at,Channel,"), "{text}");
    assert!(text.contains("Written opinion (hrss)"), "{text}");
    assert!(
        !text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "no Chinese in the English template: {text}"
    );

    // The English template, imported in the default language (Chinese).
    let file = files.write("template-en.csv", &out.stdout);
    let ids = import_ok(&env, "zhangsan", &file);
    assert_eq!(ids, ["TAX-2025-0001"]);
    let case = env.case_json(&ids[0]);
    assert_eq!(case["status"], "archived", "{case:#}");
    assert_eq!(case["track"], "general");
    assert_eq!(case["opinions"].as_array().map(Vec::len), Some(2));

    // A ledger with Chinese headings, imported under --lang en.
    let file = files.write("台账.csv", csv_text(&stages_ledger()).as_bytes());
    let out = env.as_ok("zhangsan", &["--lang", "en", "import", &file]);
    let ids: Vec<&str> = out.lines().collect();
    assert_eq!(ids.len(), STAGE_IDS.len(), "{out}");
}

#[test]
fn row_errors_in_english_name_the_columns_in_english() {
    let env = Env::new();
    let files = Files::new();
    let file = files.write("错误台账.csv", csv_text(&bad_ledger()).as_bytes());
    let stderr = env.as_fails("zhangsan", 4, &["--lang", "en", "import", &file]);
    let errors = row_errors(&stderr);
    assert!(
        reason_for(&errors, 3, "Phone").contains("12345"),
        "{errors:#?}"
    );
    assert!(reason_for(&errors, 4, "Dispute category").contains("11"));
    assert!(reason_for(&errors, 5, "Departments asked").contains("No department “foo”"));
    assert!(reason_for(&errors, 10, "Case ID").contains("more than once"));
}

/// Issue 9: an import may not record, after the casebook was created, an opinion in
/// another department's name: those are signed by their own operators in the tool.
#[test]
fn an_import_cannot_put_later_opinions_in_another_departments_mouth() {
    let mut env = Env::new();
    let day = |d: i64| {
        (chrono::Utc::now() + chrono::Duration::days(d))
            .with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap())
            .format("%Y-%m-%d %H:%M")
            .to_string()
    };
    env.now = (chrono::Utc::now() + chrono::Duration::days(20))
        .with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap())
        .to_rfc3339();
    let received = day(1);
    let later = vec![
        row(
            "芮城县乙建材厂",
            &received,
            &[
                ("争议类别", "3"),
                ("事项类型", "一般事项"),
                ("分类时间", &day(2)),
                ("联办部门", "hrss"),
                ("指派时间", &day(2)),
                ("书面意见(hrss)", "人社局同意企业的意见。"),
                ("意见时间(hrss)", &day(3)),
            ],
        ),
        // a plain registration after creation is still fine
        row("芮城县丁商贸公司", &received, &[]),
    ];
    let files = Files::new();
    let file = files.write("冒名台账.csv", csv_text(&later).as_bytes());
    let stderr = env.as_fails("zhangsan", 4, &["import", &file]);
    let errors = row_errors(&stderr);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].0, "2", "{errors:#?}");
    assert!(errors[0].2.contains("建立"), "{errors:#?}");
    // the registration alone imports
    let file = files.write("登记.csv", csv_text(&later[1..]).as_bytes());
    let ids = import_ok(&env, "zhangsan", &file);
    assert_eq!(ids.len(), 1);
    // shown as entered by the importer, not signed by the operators it names
    let sheet = env.ok(&["show", &ids[0]]);
    assert!(sheet.contains("补录") && sheet.contains("张三"), "{sheet}");
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["show", &ids[0], "--json"])).unwrap();
    assert_eq!(json["imported"]["by"], "zhangsan", "{json}");
}
