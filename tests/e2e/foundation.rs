//! Issue 2: init, operators, register, show, list, log, and the store's guarantees.

use std::fs;

use serde_json::Value;

use crate::harness::*;

const TAX1: &str = "cases/2026/TAX/00/TAX-2026-0001.toml";

#[test]
fn register_prints_only_the_id_and_commits_as_the_operator() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-20T09:30:00+08:00");
    assert_eq!(id, "TAX-2026-0001");
    let author = env.git(&["log", "-1", "--format=%an <%ae>"]);
    assert_eq!(author.trim(), "张三 <zhangsan@rc.example.cn>");
    env.assert_clean();
    assert_all_cases_valid(&env);
}

// ---------------------------------------------------------------------------------------
// init

fn init_args() -> Vec<&'static str> {
    vec![
        "init",
        "--county",
        "芮城县",
        "--admin",
        "admin",
        "--name",
        "管理员",
        "--email",
        "admin@rc.example.cn",
        "--dept",
        "tax",
    ]
}

#[test]
fn init_creates_the_casebook_in_one_commit_by_the_admin() {
    let env = Env::empty();
    env.ok(&init_args());
    assert!(env.path("casebook.toml").is_file());
    assert!(env.path("cases").is_dir());
    assert!(env.path(".gitattributes").is_file());
    assert!(env.path(".git").is_dir());
    assert_eq!(env.commit_count(), 1);
    let author = env.git(&["log", "-1", "--format=%an <%ae>|%cn <%ce>"]);
    assert_eq!(
        author.trim(),
        "管理员 <admin@rc.example.cn>|管理员 <admin@rc.example.cn>"
    );
    let files = env.git(&["ls-tree", "-r", "--name-only", "HEAD"]);
    assert!(files.lines().any(|l| l == "casebook.toml"), "{files}");
    assert!(files.lines().any(|l| l == ".gitattributes"), "{files}");
    assert!(files.lines().any(|l| l.starts_with("cases/")), "{files}");
    env.assert_clean();

    // The casebook holds the county, the nine member departments, the leading group,
    // default deadlines, the 2024–2026 calendar and the admin.
    let book: toml::Value = toml::from_str(&env.read("casebook.toml")).expect("toml");
    assert_eq!(book["county"].as_str(), Some("芮城县"));
    let depts: Vec<&str> = book["departments"]
        .as_array()
        .expect("departments")
        .iter()
        .map(|d| d["code"].as_str().expect("code"))
        .collect();
    for code in [
        "tax", "hrss", "medical", "justice", "finance", "approval", "petition", "cac", "gov",
    ] {
        assert!(depts.contains(&code), "{code} missing: {depts:?}");
    }
    assert_eq!(depts.len(), 9);
    let years: Vec<i64> = book["calendar"]
        .as_array()
        .expect("calendar")
        .iter()
        .map(|y| y["year"].as_integer().expect("year"))
        .collect();
    for y in [2024, 2025, 2026] {
        assert!(years.contains(&y), "calendar {y} missing");
    }
    let ops = book["operators"].as_array().expect("operators");
    assert_eq!(ops.len(), 1);
    assert_eq!(ops[0]["id"].as_str(), Some("admin"));
    assert_eq!(
        ops[0]["roles"].as_array().expect("roles")[0].as_str(),
        Some("admin")
    );
    assert_eq!(book["deadlines"]["classify"].as_integer(), Some(1));
    assert_eq!(book["deadlines"]["reply"].as_integer(), Some(15));
}

#[test]
fn init_into_a_named_directory() {
    let env = Env::empty();
    let mut args = init_args();
    args.insert(1, "book");
    env.ok(&args);
    assert!(env.path("book/casebook.toml").is_file());
    let out = std::process::Command::new("git")
        .args(["status", "--porcelain"])
        .current_dir(env.path("book"))
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git");
    assert!(out.status.success());
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn init_twice_refuses_and_changes_nothing() {
    let env = Env::new();
    let casebook = env.read("casebook.toml");
    let count = env.commit_count();
    let err = env.fails(1, &init_args());
    assert!(err.contains("提示："), "hint line missing: {err}");
    // Another admin, another county: still refused.
    env.fails(
        1,
        &[
            "init",
            "--county",
            "永济市",
            "--admin",
            "other",
            "--name",
            "别人",
            "--email",
            "other@rc.example.cn",
            "--dept",
            "hrss",
        ],
    );
    assert_eq!(env.read("casebook.toml"), casebook);
    assert_eq!(env.commit_count(), count);
    env.assert_clean();
}

#[test]
fn init_refuses_bad_input() {
    let env = Env::empty();
    let mut bad_dept = init_args();
    bad_dept[10] = "nowhere";
    env.fails(4, &bad_dept);
    let mut bad_email = init_args();
    bad_email[8] = "not-an-email";
    env.fails(4, &bad_email);
    let mut empty_name = init_args();
    empty_name[6] = " ";
    env.fails(4, &empty_name);
    env.fails_plain(2, &["init", "--county", "芮城县"]);
    assert!(!env.path("casebook.toml").exists());
}

// ---------------------------------------------------------------------------------------
// operators

#[test]
fn operators_are_added_listed_and_disabled_by_the_admin_one_commit_each() {
    let env = Env::new();
    // init + the backdating window of the tests + one commit per standard operator
    assert_eq!(env.commit_count(), 2 + OPERATORS.len());
    let list: Value = serde_json::from_str(&env.ok(&["operator", "list", "--json"])).unwrap();
    let list = list.as_array().expect("array");
    assert_eq!(list.len(), 1 + OPERATORS.len());
    let lisi = list.iter().find(|o| o["id"] == "lisi").expect("lisi");
    assert_eq!(lisi["dept"], "hrss");
    assert_eq!(lisi["roles"][0], "handler");
    assert_eq!(lisi["email"], "lisi@rc.example.cn");

    let table = env.ok(&["operator", "list"]);
    assert!(table.contains("张三"), "{table}");
    assert!(table.contains("县人社局"), "{table}");

    let before = env.commit_count();
    env.as_ok(
        "admin",
        &[
            "operator",
            "add",
            "liuqiang",
            "--name",
            "刘强",
            "--email",
            "liuqiang@rc.example.cn",
            "--dept",
            "medical",
            "--role",
            "receiver",
            "--role",
            "handler",
        ],
    );
    assert_eq!(env.commit_count(), before + 1);
    let last = env.git(&["log", "-1", "--format=%an|%s"]);
    assert!(last.starts_with("管理员|"), "{last}");
    assert!(last.contains("liuqiang"), "{last}");
    env.assert_clean();

    env.as_ok("admin", &["operator", "disable", "liuqiang"]);
    assert_eq!(env.commit_count(), before + 2);
    env.assert_clean();
    let list: Value = serde_json::from_str(&env.ok(&["operator", "list", "--json"])).unwrap();
    let liu = list
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "liuqiang")
        .expect("kept after disabling")
        .clone();
    assert_eq!(liu["active"], false);
    let table = env.ok(&["operator", "list"]);
    assert!(table.contains("已停用"), "{table}");
}

#[test]
fn only_the_admin_manages_operators() {
    let env = Env::new();
    let add = |who: &'static str| -> Vec<&'static str> {
        vec![
            "--as",
            who,
            "operator",
            "add",
            "newbie",
            "--name",
            "新人",
            "--email",
            "newbie@rc.example.cn",
            "--dept",
            "tax",
            "--role",
            "receiver",
        ]
    };
    env.fails(1, &add("zhangsan"));
    env.fails(1, &add("zhengyi"));
    env.fails(1, &["--as", "zhangsan", "operator", "disable", "lisi"]);
    env.fails(1, &["--as", "wushi", "operator", "disable", "lisi"]);
    env.ok(&add("admin"));
}

#[test]
fn operator_bad_input() {
    let env = Env::new();
    let add = |id: &'static str, dept: &'static str, role: &'static str| -> Vec<&'static str> {
        vec![
            "--as",
            "admin",
            "operator",
            "add",
            id,
            "--name",
            "新人",
            "--email",
            "newbie@rc.example.cn",
            "--dept",
            dept,
            "--role",
            role,
        ]
    };
    // unknown department or role code
    env.fails(4, &add("newbie", "nowhere", "receiver"));
    env.fails(4, &add("newbie", "tax", "boss"));
    // bad operator ID, duplicate ID
    env.fails(4, &add("../x", "tax", "receiver"));
    env.fails(4, &add("zhangsan", "tax", "receiver"));
    // missing role: clap
    env.fails_plain(
        2,
        &[
            "--as",
            "admin",
            "operator",
            "add",
            "newbie",
            "--name",
            "新人",
            "--email",
            "newbie@rc.example.cn",
            "--dept",
            "tax",
        ],
    );
    // disabling an unknown operator
    env.fails(3, &["--as", "admin", "operator", "disable", "nobody"]);
    // an email another operator already uses, a malformed email, an empty name
    for (email, name) in [
        ("zhangsan@rc.example.cn", "新人"),
        ("not-an-email", "新人"),
        ("newbie@rc.example.cn", " "),
    ] {
        env.fails(
            4,
            &[
                "--as", "admin", "operator", "add", "newbie", "--name", name, "--email", email,
                "--dept", "tax", "--role", "receiver",
            ],
        );
    }
}

// ---------------------------------------------------------------------------------------
// identity

#[test]
fn identity_from_as_env_and_git_email() {
    let env = Env::new();
    // --as
    env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    assert_eq!(env.git(&["log", "-1", "--format=%an"]).trim(), "张三");

    // DISPUTE_OPERATOR
    let out = env
        .cmd()
        .env("DISPUTE_KEY", key_file("chener"))
        .env("DISPUTE_OPERATOR", "chener")
        .args(register_args(&[("--at", "2026-11-02T10:00:00+08:00")]))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "HRSS-2026-0001\n");
    assert_eq!(env.git(&["log", "-1", "--format=%an"]).trim(), "陈二");

    // --as wins over DISPUTE_OPERATOR
    let out = env
        .cmd()
        .env("DISPUTE_KEY", key_file("zhangsan"))
        .env("DISPUTE_OPERATOR", "chener")
        .args(["--as", "zhangsan"])
        .args(register_args(&[("--at", "2026-11-02T11:00:00+08:00")]))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "TAX-2026-0002\n");

    // the key alone: its owner acts
    let out = env
        .cmd()
        .env("DISPUTE_KEY", key_file("chener"))
        .args(register_args(&[("--at", "2026-11-02T11:30:00+08:00")]))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "HRSS-2026-0002\n");
    assert_eq!(env.git(&["log", "-1", "--format=%an"]).trim(), "陈二");

    // git's user.email in the casebook picks the operator; their key signs
    env.git(&["config", "user.email", "wangfang@rc.example.cn"]);
    let out = env
        .cmd()
        .env("DISPUTE_KEY", key_file("wangfang"))
        .args(register_args(&[("--at", "2026-11-02T12:00:00+08:00")]))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "APPROVAL-2026-0001\n");
    let last = env.git(&["log", "-1", "--format=%an <%ae>"]);
    assert_eq!(last.trim(), "王芳 <wangfang@rc.example.cn>");
    env.assert_clean();
}

#[test]
fn unknown_disabled_or_missing_identity_is_refused() {
    let env = Env::new();
    let args = register_args(&[("--at", "2026-11-02T09:00:00+08:00")]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();

    // no --as, no DISPUTE_OPERATOR, no user.email
    let err = env.fails(1, &args);
    assert!(err.contains("提示："), "{err}");

    // unknown --as
    let mut with = vec!["--as", "nobody"];
    with.extend_from_slice(&args);
    let err = env.fails(1, &with);
    assert!(err.contains("nobody"), "{err}");

    // unknown DISPUTE_OPERATOR
    let before = env.head();
    let out = env
        .cmd()
        .env("DISPUTE_OPERATOR", "ghost")
        .args(&args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(env.head(), before);

    // unknown git email
    env.git(&["config", "user.email", "stranger@example.cn"]);
    env.fails(1, &args);

    // disabled operator, by any route
    env.as_ok("admin", &["operator", "disable", "zhangsan"]);
    let mut with = vec!["--as", "zhangsan"];
    with.extend_from_slice(&args);
    let err = env.fails(1, &with);
    assert!(err.contains("zhangsan"), "{err}");
    let before = env.head();
    let out = env
        .cmd()
        .env("DISPUTE_OPERATOR", "zhangsan")
        .args(&args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(env.head(), before);
    env.git(&["config", "user.email", "zhangsan@rc.example.cn"]);
    env.fails(1, &args);
    assert!(!env.path("cases/2026").exists());
}

// ---------------------------------------------------------------------------------------
// register

#[test]
fn register_allocates_ids_per_department_and_year() {
    let env = Env::new();
    let out = env.as_ok(
        "zhangsan",
        &register_args(&[("--at", "2026-11-02T09:00:00+08:00")])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert_eq!(out, "TAX-2026-0001\n", "only the ID on stdout");
    let reg = |who: &str, at: &str| env.register_with(who, &[("--at", at)]);
    assert_eq!(
        reg("zhangsan", "2026-11-02T10:00:00+08:00"),
        "TAX-2026-0002"
    );
    assert_eq!(reg("chener", "2026-11-02T10:30:00+08:00"), "HRSS-2026-0001");
    assert_eq!(
        reg("zhangsan", "2025-12-30T10:00:00+08:00"),
        "TAX-2025-0001"
    );
    assert_eq!(
        reg("zhangsan", "2026-11-03T10:00:00+08:00"),
        "TAX-2026-0003"
    );
    assert_eq!(
        reg("wangfang", "2026-11-03T11:00:00+08:00"),
        "APPROVAL-2026-0001"
    );
    assert_eq!(reg("chener", "2025-06-03T11:00:00+08:00"), "HRSS-2025-0001");
    for (id, path) in [
        ("TAX-2026-0001", TAX1),
        ("TAX-2026-0003", "cases/2026/TAX/00/TAX-2026-0003.toml"),
        ("HRSS-2026-0001", "cases/2026/HRSS/00/HRSS-2026-0001.toml"),
        ("TAX-2025-0001", "cases/2025/TAX/00/TAX-2025-0001.toml"),
        (
            "APPROVAL-2026-0001",
            "cases/2026/APPROVAL/00/APPROVAL-2026-0001.toml",
        ),
    ] {
        assert_eq!(case_path(id), path);
        assert!(env.path(path).is_file(), "{path} missing");
        let tracked = env.git(&["ls-tree", "--name-only", "HEAD", path]);
        assert_eq!(tracked.trim(), path);
    }
    // each registration is one commit
    assert_eq!(env.commit_count(), 2 + OPERATORS.len() + 7);
    env.assert_clean();
    assert_all_cases_valid(&env);
}

#[test]
fn register_records_the_first_receiver_and_the_payer() {
    let env = Env::new();
    let id = env.register_with(
        "zhangsan",
        &[
            ("--at", "2026-11-02T09:30:00+08:00"),
            ("--payer-kind", "individual"),
            ("--payer-name", "王小明"),
            ("--payer-id", "11010519491231002X"),
            ("--contact", "王大明"),
            ("--channel", "phone"),
            ("--category", "8"),
            ("--insurance", "pension,medical"),
            ("--title", "养老待遇核定异议"),
        ],
    );
    let case: toml::Value = toml::from_str(&env.read(&case_path(&id))).unwrap();
    assert_eq!(case["id"].as_str(), Some(id.as_str()));
    assert_eq!(case["status"].as_str(), Some("registered"));
    assert_eq!(case["receiving_dept"].as_str(), Some("tax"));
    assert_eq!(case["first_receiver"].as_str(), Some("zhangsan"));
    assert_eq!(case["channel"].as_str(), Some("phone"));
    assert_eq!(case["district"].as_str(), Some("古魏镇"));
    assert_eq!(case["category"].as_integer(), Some(8));
    // the file holds masks and the encrypted payer data (DESIGN §11)
    assert_eq!(case["payer"]["phone"].as_str(), Some("138****0000"));
    assert_eq!(
        case["payer"]["id_code"].as_str(),
        Some("110***********002X")
    );
    assert_eq!(case["payer"]["name"].as_str(), Some("王**"));
    let sealed = &case["payer"]["sealed"];
    assert!(
        sealed["data"]
            .as_str()
            .unwrap()
            .starts_with("-----BEGIN AGE ENCRYPTED FILE-----")
    );
    let revealed = env.as_ok("zhangsan", &["show", &id, "--json", "--reveal"]);
    let revealed: serde_json::Value = serde_json::from_str(&revealed).unwrap();
    assert_eq!(revealed["payer"]["phone"], "13812340000");
    assert_eq!(revealed["payer"]["id_code"], "11010519491231002X");
    assert_eq!(revealed["payer"]["name"], "王小明");
    assert_eq!(revealed["payer"]["contact"], "王大明");
    // received_at is the --at time
    let received = case["received_at"].to_string();
    assert!(received.contains("2026-11-02T09:30:00"), "{received}");
    let subject = env.git(&["log", "-1", "--format=%s"]);
    assert!(
        subject.starts_with(&format!("register {id}: ")),
        "{subject}"
    );
    assert!(!subject.contains("13812340000"), "{subject}");
    assert_all_cases_valid(&env);
}

#[test]
fn only_receivers_register() {
    let env = Env::new();
    for who in ["lisi", "zhengyi", "zhoujiu", "wushi", "admin"] {
        let args = register_args(&[("--at", "2026-11-02T09:00:00+08:00")]);
        let mut full = vec!["--as", who];
        full.extend(args.iter().map(String::as_str));
        env.fails(1, &full);
    }
    assert!(!env.path("cases/2026").exists());
}

#[test]
fn register_bad_input() {
    let env = Env::new();
    let fails = |code: i32, overrides: &[(&str, &str)]| {
        let args = register_args(overrides);
        let mut full = vec!["--as", "zhangsan"];
        full.extend(args.iter().map(String::as_str));
        env.fails(code, &full)
    };
    // empty required fields
    fails(4, &[("--payer-name", "")]);
    fails(4, &[("--payer-name", "   ")]);
    fails(4, &[("--summary", "")]);
    fails(4, &[("--district", " ")]);
    fails(4, &[("--phone", "")]);
    // malformed phone
    let err = fails(4, &[("--phone", "12345")]);
    assert!(err.contains("电话"), "{err}");
    fails(4, &[("--phone", "1381234000a")]);
    fails(4, &[("--phone", "+8613812340000")]);
    // bad ID code (check digit)
    fails(4, &[("--payer-id", "110105194912310021")]);
    // category outside 1–10
    let err = fails(4, &[("--category", "11")]);
    assert!(err.contains("11"), "{err}");
    fails(4, &[("--category", "0")]);
    // --at in the future or unparsable
    fails(4, &[("--at", "2026-11-28T09:00:00+08:00")]);
    fails(4, &[("--at", "2027-01-01T00:00:00+08:00")]);
    fails(4, &[("--at", "yesterday")]);
    fails(4, &[("--at", "2026-02-30T09:00:00+08:00")]);
    // control characters in a one-line field
    fails(4, &[("--payer-name", "恒达\u{202E}公司")]);

    // missing required flags: clap usage errors
    for missing in [
        "--payer-kind",
        "--payer-name",
        "--phone",
        "--district",
        "--summary",
    ] {
        let args = register_args(&[]);
        let mut full = vec!["--as".to_string(), "zhangsan".to_string()];
        let mut skip = false;
        for a in args {
            if skip {
                skip = false;
                continue;
            }
            if a == missing {
                skip = true;
                continue;
            }
            full.push(a);
        }
        let full: Vec<&str> = full.iter().map(String::as_str).collect();
        env.fails_plain(2, &full);
    }
    let args = register_args(&[("--payer-kind", "alien")]);
    let mut full = vec!["--as", "zhangsan"];
    full.extend(args.iter().map(String::as_str));
    env.fails_plain(2, &full);
    assert!(!env.path("cases/2026").exists());
    // and a correct one still gets the first number
    assert_eq!(
        env.register("zhangsan", "2026-11-02T09:00:00+08:00"),
        "TAX-2026-0001"
    );
}

// ---------------------------------------------------------------------------------------
// show

fn register_private(env: &Env) -> String {
    env.register_with(
        "zhangsan",
        &[
            ("--at", "2026-11-02T09:30:00+08:00"),
            ("--payer-id", "91350100M000100Y43"),
            ("--contact", "王小明"),
            ("--phone", "13812340000"),
        ],
    )
}

#[test]
fn show_masks_payer_data_unless_revealed() {
    let env = Env::new();
    let id = register_private(&env);
    let sheet = env.ok(&["show", &id]);
    assert!(sheet.contains(&id), "{sheet}");
    assert!(sheet.contains("138****0000"), "{sheet}");
    assert!(!sheet.contains("13812340000"), "{sheet}");
    assert!(!sheet.contains("91350100M000100Y43"), "{sheet}");
    assert!(!sheet.contains("王小明"), "{sheet}");
    assert!(sheet.contains("913***********0Y43"), "{sheet}");
    // Chinese labels, department and status on screen
    assert!(sheet.contains("县税务局"), "{sheet}");
    assert!(sheet.contains("已登记"), "{sheet}");
    assert!(sheet.contains("古魏镇"), "{sheet}");
    assert!(sheet.contains("张三"), "{sheet}");

    let json = env.case_json(&id);
    assert_eq!(json["id"], id.as_str());
    assert_eq!(json["status"], "registered");
    assert_eq!(json["payer"]["phone"], "138****0000");
    assert_eq!(json["payer"]["id_code"], "913***********0Y43");
    assert_ne!(json["payer"]["contact"], "王小明");
    assert!(json["payer"]["contact"].as_str().unwrap().starts_with('王'));

    let revealed = env.as_ok("zhangsan", &["show", &id, "--reveal"]);
    assert!(revealed.contains("13812340000"), "{revealed}");
    assert!(revealed.contains("91350100M000100Y43"), "{revealed}");
    assert!(revealed.contains("王小明"), "{revealed}");
    let json: Value =
        serde_json::from_str(&env.as_ok("zhangsan", &["show", &id, "--json", "--reveal"])).unwrap();
    assert_eq!(json["payer"]["phone"], "13812340000");
    assert_eq!(json["payer"]["id_code"], "91350100M000100Y43");
    assert_eq!(json["payer"]["contact"], "王小明");
}

#[test]
fn show_and_log_refuse_unknown_and_malformed_ids() {
    let env = Env::new();
    env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    for cmd in ["show", "log"] {
        let err = env.fails(3, &[cmd, "TAX-2026-0099"]);
        assert!(err.contains("TAX-2026-0099"), "{err}");
        env.fails(3, &[cmd, "HRSS-2026-0001"]);
        for bad in [
            "../x",
            "/etc/passwd",
            "TAX-2026-0001/..",
            "TAX-2026-0001/../../casebook",
            "tax-2026-0001",
            "",
        ] {
            env.fails(4, &[cmd, bad]);
        }
    }
    // the same for a write command
    env.fails(
        3,
        &[
            "--as",
            "zhangsan",
            "classify",
            "TAX-2026-0099",
            "--track",
            "own",
            "--category",
            "3",
        ],
    );
    for bad in ["../x", "/etc/passwd", "TAX-2026-0001/.."] {
        env.fails(
            4,
            &[
                "--as",
                "zhangsan",
                "classify",
                bad,
                "--track",
                "own",
                "--category",
                "3",
            ],
        );
    }
}

// ---------------------------------------------------------------------------------------
// list

/// Five cases: two years, two departments, three statuses, two tracks.
fn list_fixture() -> Env {
    let env = Env::new();
    let a = env.register_with(
        "zhangsan",
        &[("--at", "2026-11-02T09:00:00+08:00"), ("--category", "3")],
    );
    assert_eq!(a, "TAX-2026-0001");
    let b = env.register_with(
        "zhangsan",
        &[
            ("--at", "2026-11-02T10:00:00+08:00"),
            ("--payer-name", "芮城县永乐食品厂"),
            ("--district", "永乐镇"),
            ("--phone", "13800000002"),
        ],
    );
    env.as_ok(
        "zhangsan",
        &[
            "classify",
            &b,
            "--track",
            "general",
            "--category",
            "4",
            "--at",
            "2026-11-02T11:00:00+08:00",
        ],
    );
    env.as_ok(
        "zhangsan",
        &[
            "assign",
            &b,
            "--dept",
            "hrss",
            "--dept",
            "medical",
            "--at",
            "2026-11-02T14:00:00+08:00",
        ],
    );
    let c = env.register_with(
        "zhangsan",
        &[
            ("--at", "2026-11-03T09:00:00+08:00"),
            ("--payer-kind", "individual"),
            ("--payer-name", "李春花"),
            ("--district", "风陵渡镇"),
            ("--phone", "13800000003"),
        ],
    );
    env.as_ok(
        "zhangsan",
        &[
            "classify",
            &c,
            "--track",
            "own",
            "--category",
            "6",
            "--at",
            "2026-11-03T10:00:00+08:00",
        ],
    );
    let d = env.register_with(
        "chener",
        &[
            ("--at", "2026-11-04T09:00:00+08:00"),
            ("--category", "8"),
            ("--district", "大王镇"),
            ("--phone", "13800000004"),
        ],
    );
    assert_eq!(d, "HRSS-2026-0001");
    let e = env.register_with("zhangsan", &[("--at", "2025-12-30T09:00:00+08:00")]);
    assert_eq!(e, "TAX-2025-0001");
    env.assert_clean();
    env
}

#[test]
fn list_table_sorted_and_masked() {
    let env = list_fixture();
    let table = env.ok(&["list"]);
    for h in ["编号", "状态", "类别", "缴费人", "辖区", "受理时间"] {
        assert!(table.contains(h), "header {h}: {table}");
    }
    let order = [
        "HRSS-2026-0001",
        "TAX-2025-0001",
        "TAX-2026-0001",
        "TAX-2026-0002",
        "TAX-2026-0003",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|id| {
            table
                .find(id)
                .unwrap_or_else(|| panic!("{id} missing: {table}"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "not sorted by ID: {table}"
    );
    for phone in ["13812340000", "13800000002", "13800000003", "13800000004"] {
        assert!(!table.contains(phone), "unmasked phone in list: {table}");
    }
    assert!(table.contains("永乐镇"), "{table}");
    assert!(table.contains("办理中"), "{table}");
    assert!(table.contains("已登记"), "{table}");

    let all = env.list_ids(&[]);
    assert_eq!(all, order);
    let json: Value = serde_json::from_str(&env.ok(&["list", "--json"])).unwrap();
    let text = json.to_string();
    assert!(!text.contains("13812340000"), "{text}");
    let b = &json.as_array().unwrap()[3];
    assert_eq!(b["id"], "TAX-2026-0002");
    assert_eq!(b["status"], "handling");
    assert_eq!(b["category"], 4);
    assert_eq!(b["district"], "永乐镇");
}

#[test]
fn list_filters() {
    let env = list_fixture();
    assert_eq!(
        env.list_ids(&["--status", "registered"]),
        ["HRSS-2026-0001", "TAX-2025-0001", "TAX-2026-0001"]
    );
    assert_eq!(
        env.list_ids(&["--status", "handling"]),
        ["TAX-2026-0002", "TAX-2026-0003"]
    );
    assert!(env.list_ids(&["--status", "archived"]).is_empty());
    // --dept: received by the department or assigned to it
    assert_eq!(
        env.list_ids(&["--dept", "hrss"]),
        ["HRSS-2026-0001", "TAX-2026-0002"]
    );
    assert_eq!(env.list_ids(&["--dept", "medical"]), ["TAX-2026-0002"]);
    assert_eq!(
        env.list_ids(&["--dept", "tax"]),
        [
            "TAX-2025-0001",
            "TAX-2026-0001",
            "TAX-2026-0002",
            "TAX-2026-0003"
        ]
    );
    assert!(env.list_ids(&["--dept", "cac"]).is_empty());
    assert_eq!(env.list_ids(&["--track", "general"]), ["TAX-2026-0002"]);
    assert_eq!(env.list_ids(&["--track", "own"]), ["TAX-2026-0003"]);
    assert_eq!(env.list_ids(&["--category", "6"]), ["TAX-2026-0003"]);
    assert_eq!(env.list_ids(&["--category", "3"]), ["TAX-2026-0001"]);
    assert_eq!(env.list_ids(&["--year", "2025"]), ["TAX-2025-0001"]);
    assert_eq!(env.list_ids(&["--year", "2026"]).len(), 4);
    assert!(env.list_ids(&["--year", "2024"]).is_empty());
    assert_eq!(
        env.list_ids(&["--status", "registered", "--dept", "tax", "--year", "2026"]),
        ["TAX-2026-0001"]
    );
    // bad filter values
    env.fails(4, &["list", "--category", "11"]);
    env.fails(4, &["list", "--dept", "nowhere"]);
    env.fails_plain(2, &["list", "--status", "lost"]);
    env.fails_plain(2, &["list", "--track", "sideways"]);
}

// ---------------------------------------------------------------------------------------
// log

#[test]
fn log_shows_the_history_with_operator_name_and_department() {
    let env = list_fixture();
    let log = env.ok(&["log", "TAX-2026-0002"]);
    assert!(log.contains("张三（县税务局）"), "{log}");
    assert!(log.contains("受理登记"), "{log}");
    assert!(log.contains("分类流转"), "{log}");
    let commits: Vec<String> = env
        .git(&["log", "--format=%h", "--", &case_path("TAX-2026-0002")])
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(commits.len(), 3);
    for c in &commits {
        assert!(log.contains(c.as_str()), "commit {c} missing: {log}");
    }
    let json: Value = serde_json::from_str(&env.ok(&["log", "TAX-2026-0002", "--json"])).unwrap();
    let entries = json.as_array().expect("array");
    assert_eq!(entries.len(), 3);
    let text = json.to_string();
    assert!(text.contains("张三"), "{text}");
    assert!(text.contains("register TAX-2026-0002"), "{text}");
    assert!(text.contains("classify TAX-2026-0002"), "{text}");
    assert!(text.contains("assign TAX-2026-0002"), "{text}");
    // other cases' commits are not in this case's log
    assert!(!text.contains("TAX-2026-0003"), "{text}");
    let other = env.ok(&["log", "HRSS-2026-0001"]);
    assert!(other.contains("陈二（县人社局）"), "{other}");
}

// ---------------------------------------------------------------------------------------
// broken data in HEAD

#[test]
fn casebook_that_does_not_parse_is_refused_by_every_command() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    fs::write(
        env.path("casebook.toml"),
        "county = \"芮城县\"\n[[[broken\n",
    )
    .unwrap();
    env.git_commit_all("hand edit: break casebook.toml");
    env.assert_clean();
    let err = env.fails(4, &["list"]);
    assert!(err.contains("casebook.toml"), "{err}");
    env.fails(4, &["show", &id]);
    env.fails(4, &["log", &id]);
    env.fails(4, &["operator", "list"]);
    env.fails(
        4,
        &[
            "--as",
            "zhangsan",
            "classify",
            &id,
            "--track",
            "own",
            "--category",
            "3",
        ],
    );
    let args = register_args(&[("--at", "2026-11-03T09:00:00+08:00")]);
    let mut full = vec!["--as", "zhangsan"];
    full.extend(args.iter().map(String::as_str));
    env.fails(4, &full);
}

#[test]
fn casebook_that_fails_its_schema_is_refused() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    let text = env.read("casebook.toml");
    // parses as TOML, but a deadline is not a number
    let broken = text.replacen("classify = 1", "classify = \"one\"", 1);
    assert_ne!(broken, text, "casebook.toml has a classify deadline");
    fs::write(env.path("casebook.toml"), broken).unwrap();
    env.git_commit_all("hand edit: bad deadline");
    env.fails(4, &["list"]);
    env.fails(4, &["show", &id]);
    env.fails(
        4,
        &[
            "--as",
            "zhangsan",
            "classify",
            &id,
            "--track",
            "own",
            "--category",
            "3",
        ],
    );

    // an unknown key is also a schema failure
    fs::write(
        env.path("casebook.toml"),
        format!("colour = \"red\"\n{text}"),
    )
    .unwrap();
    env.git_commit_all("hand edit: unknown key");
    env.fails(4, &["list"]);
    env.fails(4, &["operator", "list"]);
}

#[test]
fn case_file_that_does_not_parse_is_named_and_other_cases_still_list() {
    let env = Env::new();
    for h in 9..12 {
        env.register("zhangsan", &format!("2026-11-02T{h:02}:00:00+08:00"));
    }
    let bad = "cases/2026/TAX/00/TAX-2026-0002.toml";
    fs::write(env.path(bad), "this is = = not toml\n").unwrap();
    env.git_commit_all("hand edit: garbage");
    env.assert_clean();

    let err = env.fails(4, &["show", "TAX-2026-0002"]);
    assert!(err.contains(bad), "{err}");
    let (out, err) = env.fails_with_output(4, &["list"]);
    assert!(out.contains("TAX-2026-0001"), "{out}");
    assert!(out.contains("TAX-2026-0003"), "{out}");
    assert!(err.contains(bad), "{err}");
    let (out, err) = env.fails_with_output(4, &["list", "--json"]);
    let rows: Value = serde_json::from_str(&out).expect("json still printed");
    let ids: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["TAX-2026-0001", "TAX-2026-0003"]);
    assert!(err.contains(bad), "{err}");
    // other cases still show and act
    env.ok(&["show", "TAX-2026-0001"]);
    env.as_ok(
        "zhangsan",
        &[
            "classify",
            "TAX-2026-0003",
            "--track",
            "own",
            "--category",
            "3",
            "--at",
            "2026-11-02T15:00:00+08:00",
        ],
    );
    // a write on the broken case refuses with the file named
    let err = env.fails(
        4,
        &[
            "--as",
            "zhangsan",
            "classify",
            "TAX-2026-0002",
            "--track",
            "own",
            "--category",
            "3",
        ],
    );
    assert!(err.contains(bad), "{err}");
}

#[test]
fn case_file_that_parses_but_breaks_the_schema_is_named() {
    let env = Env::new();
    env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    env.register("zhangsan", "2026-11-02T10:00:00+08:00");
    let bad = "cases/2026/TAX/00/TAX-2026-0001.toml";
    let text = env
        .read(bad)
        .replacen("status = \"registered\"", "status = \"lost\"", 1);
    fs::write(env.path(bad), text).unwrap();
    env.git_commit_all("hand edit: unknown status");
    let err = env.fails(4, &["show", "TAX-2026-0001"]);
    assert!(err.contains(bad), "{err}");
    let (out, err) = env.fails_with_output(4, &["list"]);
    assert!(out.contains("TAX-2026-0002"), "{out}");
    assert!(err.contains(bad), "{err}");
}

// ---------------------------------------------------------------------------------------
// hand edits and the lock

/// DESIGN §6 (issue 14): the hand-edit check covers `casebook.toml` and the files a
/// command reads or writes. An uncommitted edit to another case file does not block a
/// write, does not enter its commit, and is still there afterwards, however it was made.
#[test]
fn a_hand_edit_to_another_case_does_not_block_writes_and_is_kept() {
    let env = Env::new();
    let a = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    let b = env.register("zhangsan", "2026-11-02T10:00:00+08:00");
    let path_a = case_path(&a);
    let committed = env.read(&path_a);
    let edited = committed.replace("古魏镇", "风陵渡镇");
    let classify_b = |at: &str| {
        env.as_ok(
            "zhangsan",
            &[
                "classify",
                &b,
                "--track",
                "general",
                "--category",
                "3",
                "--at",
                at,
            ],
        );
    };
    // Only the command's own file is in the commit.
    let only_touches = |path: &str| {
        let changed = env.git(&["show", "--name-only", "--format=", "HEAD"]);
        assert_eq!(changed.trim(), path, "the commit holds only {path}");
    };

    // modified in the working tree
    fs::write(env.path(&path_a), &edited).unwrap();
    classify_b("2026-11-02T11:00:00+08:00");
    only_touches(&case_path(&b));
    let c = env.register("zhangsan", "2026-11-02T11:30:00+08:00");
    only_touches(&case_path(&c));
    env.as_ok("admin", &["operator", "disable", "lisi"]);
    only_touches("casebook.toml");
    assert_eq!(env.read(&path_a), edited, "the hand edit is untouched");
    assert_eq!(
        env.git(&["status", "--porcelain"]),
        format!(" M {path_a}\n")
    );
    // reads still come from HEAD
    assert_eq!(env.case_json(&a)["district"], "古魏镇");

    // staged: it stays staged, out of the commit
    env.git(&["add", &path_a]);
    env.as_ok(
        "zhangsan",
        &[
            "assign",
            &b,
            "--dept",
            "hrss",
            "--at",
            "2026-11-02T12:00:00+08:00",
        ],
    );
    only_touches(&case_path(&b));
    assert_eq!(
        env.git(&["status", "--porcelain"]),
        format!("M  {path_a}\n")
    );
    assert_eq!(env.git(&["show", &format!(":{path_a}")]), edited);
    env.git(&["reset", "-q"]);
    env.git(&["checkout", "--", &path_a]);

    // a new untracked file under cases/
    fs::write(env.path("cases/2026/notes.toml"), "x = 1\n").unwrap();
    env.register("zhangsan", "2026-11-02T13:00:00+08:00");
    assert_eq!(env.read("cases/2026/notes.toml"), "x = 1\n");
    assert_eq!(
        env.git(&["status", "--porcelain"]),
        "?? cases/2026/notes.toml\n"
    );
    fs::remove_file(env.path("cases/2026/notes.toml")).unwrap();

    // a deleted case file stays deleted
    fs::remove_file(env.path(&path_a)).unwrap();
    env.register("zhangsan", "2026-11-02T14:00:00+08:00");
    assert!(!env.path(&path_a).exists());
    assert_eq!(
        env.git(&["status", "--porcelain"]),
        format!(" D {path_a}\n")
    );
    env.git(&["checkout", "--", "."]);
    assert_eq!(env.read(&path_a), committed);
    env.assert_clean();
    let (code, findings) = env.verify_json(&[]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:#?}");
}

/// The files a command touches are still guarded: an uncommitted change to the case a
/// command acts on, in any form, makes it refuse (exit 1) naming the file, writing nothing.
#[test]
fn hand_edits_to_the_case_a_command_touches_make_it_refuse() {
    let env = Env::new();
    let a = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    let path_a = case_path(&a);
    let committed = env.read(&path_a);
    let classify_a = [
        "--as",
        "zhangsan",
        "classify",
        &a,
        "--track",
        "own",
        "--category",
        "3",
        "--at",
        "2026-11-02T11:00:00+08:00",
    ];
    let head = env.head();
    let refuses = |what: &str| {
        let err = env.fails(1, &classify_a);
        assert!(err.contains(&path_a), "{what}: {err}");
        assert_eq!(env.head(), head, "{what}: nothing committed");
    };

    // modified
    let edited = committed.replace("古魏镇", "风陵渡镇");
    fs::write(env.path(&path_a), &edited).unwrap();
    refuses("modified");
    assert_eq!(env.read(&path_a), edited, "the hand edit is untouched");

    // staged (and then the working tree put back: the index still differs from HEAD)
    env.git(&["add", &path_a]);
    refuses("staged");
    fs::write(env.path(&path_a), &committed).unwrap();
    refuses("staged, working tree as committed");
    env.git(&["reset", "-q"]);
    env.assert_clean();

    // deleted
    fs::remove_file(env.path(&path_a)).unwrap();
    refuses("deleted");
    assert!(!env.path(&path_a).exists());

    // replaced by a directory
    fs::create_dir(env.path(&path_a)).unwrap();
    refuses("a directory");
    fs::remove_dir(env.path(&path_a)).unwrap();

    // replaced by a symlink to a copy of the committed file
    fs::write(env.path("elsewhere.toml"), &committed).unwrap();
    std::os::unix::fs::symlink(env.path("elsewhere.toml"), env.path(&path_a)).unwrap();
    refuses("a symlink");
    fs::remove_file(env.path(&path_a)).unwrap();
    fs::remove_file(env.path("elsewhere.toml")).unwrap();

    // staged as deleted
    env.git(&["rm", "-q", "--cached", &path_a]);
    refuses("removed from the index");
    env.git(&["reset", "-q"]);

    env.git(&["checkout", "--", "."]);
    env.assert_clean();
    env.ok(&classify_a);
    env.assert_clean();
}

/// A new case file is guarded too: something already at the place `register` would write
/// (an untracked file, or a bucket directory replaced by a symlink) makes it refuse.
#[test]
fn register_refuses_when_something_is_in_the_way_of_the_new_file() {
    let env = Env::new();
    env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    let next = case_path("TAX-2026-0002");
    fs::write(env.path(&next), "# 手工放置\n").unwrap();
    let args = register_args(&[("--at", "2026-11-02T10:00:00+08:00")]);
    let mut reg = vec!["--as", "zhangsan"];
    reg.extend(args.iter().map(String::as_str));
    let head = env.head();
    let err = env.fails(1, &reg);
    assert!(err.contains(&next), "{err}");
    assert_eq!(env.read(&next), "# 手工放置\n", "the file is left alone");
    assert_eq!(env.head(), head);
    fs::remove_file(env.path(&next)).unwrap();

    // the bucket directory replaced by a symlink to a copy of itself
    let bucket = "cases/2026/TAX/00";
    fs::rename(env.path(bucket), env.path("bucket-copy")).unwrap();
    std::os::unix::fs::symlink(env.path("bucket-copy"), env.path(bucket)).unwrap();
    let err = env.fails(1, &reg);
    assert!(err.contains(&next), "{err}");
    assert_eq!(env.head(), head);
    fs::remove_file(env.path(bucket)).unwrap();
    fs::rename(env.path("bucket-copy"), env.path(bucket)).unwrap();
    env.assert_clean();

    assert_eq!(
        env.register("zhangsan", "2026-11-02T10:00:00+08:00"),
        "TAX-2026-0002"
    );
    env.assert_clean();
}

#[test]
fn hand_edits_to_casebook_toml_make_writes_refuse() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    let text = env.read("casebook.toml");
    fs::write(env.path("casebook.toml"), format!("{text}\n# 手工备注\n")).unwrap();
    let classify = [
        "--as",
        "zhangsan",
        "classify",
        &id,
        "--track",
        "own",
        "--category",
        "3",
        "--at",
        "2026-11-02T11:00:00+08:00",
    ];
    let err = env.fails(1, &classify);
    assert!(err.contains("casebook.toml"), "{err}");
    let err = env.fails(
        1,
        &[
            "--as",
            "admin",
            "operator",
            "add",
            "newbie",
            "--name",
            "新人",
            "--email",
            "newbie@rc.example.cn",
            "--dept",
            "tax",
            "--role",
            "receiver",
        ],
    );
    assert!(err.contains("casebook.toml"), "{err}");
    assert!(env.read("casebook.toml").ends_with("# 手工备注\n"));
    env.git(&["checkout", "--", "."]);
    env.ok(&classify);
    env.assert_clean();
}

#[test]
fn edits_outside_cases_do_not_block_writes() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    fs::write(env.path("README.txt"), "本地说明\n").unwrap();
    env.as_ok(
        "zhangsan",
        &[
            "classify",
            &id,
            "--track",
            "own",
            "--category",
            "3",
            "--at",
            "2026-11-02T11:00:00+08:00",
        ],
    );
    assert_eq!(env.read("README.txt"), "本地说明\n");
}

#[test]
fn a_second_writer_while_the_lock_is_held_exits_5() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    let lock = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(env.path(".git/dispute.lock"))
        .unwrap();
    lock.lock().unwrap();
    let before = env.head();
    let args = register_args(&[("--at", "2026-11-02T10:00:00+08:00")]);
    let started = std::time::Instant::now();
    let out = env
        .cmd()
        .env("DISPUTE_KEY", key_file("zhangsan"))
        .env("DISPUTE_LOCK_WAIT_MS", "150")
        .args(["--as", "zhangsan"])
        .args(&args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(stderr.contains("错误："), "{stderr}");
    assert!(out.stdout.is_empty());
    assert!(started.elapsed() >= std::time::Duration::from_millis(150));
    assert_eq!(env.head(), before);
    let out = env
        .cmd()
        .env("DISPUTE_KEY", key_file("zhangsan"))
        .env("DISPUTE_LOCK_WAIT_MS", "150")
        .args([
            "--as",
            "zhangsan",
            "classify",
            &id,
            "--track",
            "own",
            "--category",
            "3",
        ])
        .args(["--at", "2026-11-02T11:00:00+08:00"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    assert_eq!(env.head(), before);
    // reads do not take the lock
    env.ok(&["show", &id]);
    env.ok(&["list"]);
    env.assert_clean();

    lock.unlock().unwrap();
    drop(lock);
    assert_eq!(
        env.register("zhangsan", "2026-11-02T10:00:00+08:00"),
        "TAX-2026-0002"
    );
    env.assert_clean();
}

#[test]
fn no_casebook_is_not_found() {
    let env = Env::empty();
    env.fails(3, &["list"]);
    env.fails(3, &["show", "TAX-2026-0001"]);
}

#[test]
fn init_in_an_existing_git_repository() {
    let env = Env::empty();
    env.git(&["init", "-q", "-b", "main"]);
    std::fs::write(env.path("README.md"), "county office notes\n").unwrap();
    env.git_commit_all("notes");
    env.ok(&init_args());
    assert_eq!(env.commit_count(), 2);
    assert!(env.path("README.md").is_file());
    assert_eq!(env.git(&["log", "-1", "--format=%an"]).trim(), "管理员");
    env.assert_clean();
}

#[test]
fn init_refuses_when_casebook_toml_was_deleted_by_hand() {
    let env = Env::new();
    fs::remove_file(env.path("casebook.toml")).unwrap();
    env.fails(1, &init_args());
    assert!(
        !env.path("casebook.toml").exists(),
        "the hand edit is left alone"
    );
}

#[test]
fn errors_are_one_line_plus_a_hint() {
    let env = Env::new();
    env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    for (code, args) in [
        (3, vec!["show", "TAX-2026-0099"]),
        (4, vec!["show", "../x"]),
        (
            1,
            vec![
                "--as",
                "lisi",
                "classify",
                "TAX-2026-0001",
                "--track",
                "own",
                "--category",
                "3",
            ],
        ),
        (4, vec!["list", "--category", "11"]),
    ] {
        let err = env.fails(code, &args);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 2, "{args:?}: {err}");
        assert!(lines[0].starts_with("错误："), "{err}");
        assert!(lines[1].starts_with("提示："), "{err}");
    }
}

#[test]
fn the_casebook_is_found_from_subdirectories_with_c_and_with_the_environment() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    // from a subdirectory: the nearest parent holding casebook.toml
    let out = env
        .cmd()
        .current_dir(env.path("cases/2026"))
        .args(["list", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains(&id));
    // -C from elsewhere, and DISPUTE_CASEBOOK
    let elsewhere = tempfile::tempdir().unwrap();
    let root = env.root().to_str().unwrap().to_string();
    let out = env
        .cmd()
        .current_dir(elsewhere.path())
        .args(["-C", &root, "show", &id, "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = env
        .cmd()
        .env("DISPUTE_KEY", key_file("zhangsan"))
        .current_dir(elsewhere.path())
        .env("DISPUTE_CASEBOOK", &root)
        .args([
            "--as",
            "zhangsan",
            "classify",
            &id,
            "--track",
            "own",
            "--category",
            "3",
        ])
        .args(["--at", "2026-11-02T10:00:00+08:00"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(env.case_json(&id)["status"], "handling");
    env.assert_clean();
    // a directory that holds no casebook
    let out = env
        .cmd()
        .current_dir(elsewhere.path())
        .args(["list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn register_year_is_the_china_local_year() {
    let env = Env::new();
    // 2025-12-31T17:00Z is 2026-01-01 01:00 in China
    let id = env.register_with("zhangsan", &[("--at", "2025-12-31T17:00:00Z")]);
    assert_eq!(id, "TAX-2026-0001");
    let case = env.case_json(&id);
    assert_eq!(case["received_at"], "2026-01-01T01:00:00+08:00");
    // 2026-11-27T01:59:59Z is 09:59:59 in China, before the fixed "now"; 02:00:01Z is after
    env.register_with("zhangsan", &[("--at", "2026-11-27T01:59:59Z")]);
    let args = register_args(&[("--at", "2026-11-27T02:00:01Z")]);
    let mut full = vec!["--as", "zhangsan"];
    full.extend(args.iter().map(String::as_str));
    env.fails(4, &full);
    assert_all_cases_valid(&env);
}

#[test]
fn list_sorts_ids_by_number_past_9999() {
    let env = Env::new();
    let first = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    // Put a case numbered 9999 in HEAD by hand, as a large casebook would have it.
    let text = env
        .read(&case_path(&first))
        .replace("TAX-2026-0001", "TAX-2026-9999");
    let path = case_path("TAX-2026-9999");
    assert_eq!(path, "cases/2026/TAX/99/TAX-2026-9999.toml");
    fs::create_dir_all(env.path("cases/2026/TAX/99")).unwrap();
    fs::write(env.path(&path), text).unwrap();
    env.git_commit_all("a case numbered 9999");
    let next = env.register("zhangsan", "2026-11-02T10:00:00+08:00");
    assert_eq!(next, "TAX-2026-10000");
    assert!(env.path("cases/2026/TAX/100/TAX-2026-10000.toml").is_file());
    assert_eq!(
        env.list_ids(&[]),
        ["TAX-2026-0001", "TAX-2026-9999", "TAX-2026-10000"],
        "list sorts by ID: department, year, then sequence number"
    );
}

#[test]
fn casebook_with_an_impossible_calendar_date_is_refused() {
    let env = Env::new();
    env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    let text = env.read("casebook.toml");
    // 2027-02-30 does not exist: the holiday would silently be ignored
    fs::write(
        env.path("casebook.toml"),
        format!("{text}\n[[calendar]]\nyear = 2027\nholidays = [\"2027-01-01\", \"2027-02-30\"]\nworkdays = []\n"),
    )
    .unwrap();
    env.git_commit_all("hand edit: 2027 calendar with a typo");
    let err = env.fails(4, &["list"]);
    assert!(err.contains("2027-02-30"), "{err}");
    // a reversed interval is just as wrong
    fs::write(
        env.path("casebook.toml"),
        format!("{text}\n[[calendar]]\nyear = 2027\nholidays = [\"2027-02-13/2027-02-06\"]\nworkdays = []\n"),
    )
    .unwrap();
    env.git_commit_all("hand edit: reversed interval");
    env.fails(4, &["list"]);
}

#[test]
fn a_writer_that_waits_for_the_lock_gets_it_when_released() {
    let env = Env::new();
    let lock = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(env.path(".git/dispute.lock"))
        .unwrap();
    lock.lock().unwrap();
    let releaser = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        lock.unlock().unwrap();
    });
    let out = env
        .cmd()
        .env("DISPUTE_KEY", key_file("zhangsan"))
        .env("DISPUTE_LOCK_WAIT_MS", "5000")
        .args(["--as", "zhangsan"])
        .args(register_args(&[("--at", "2026-11-02T10:00:00+08:00")]))
        .output()
        .unwrap();
    releaser.join().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "TAX-2026-0001\n");
    env.assert_clean();
}

#[test]
fn a_touched_but_unchanged_case_file_is_not_a_hand_edit() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    let path = env.path(&case_path(&id));
    let text = fs::read(&path).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&path, text).unwrap();
    env.as_ok(
        "zhangsan",
        &[
            "classify",
            &id,
            "--track",
            "own",
            "--category",
            "3",
            "--at",
            "2026-11-02T10:00:00+08:00",
        ],
    );
    env.assert_clean();
}

/// A write killed (SIGKILL) at each step of a commit leaves HEAD consistent; the next write
/// finishes or discards the interrupted one and the working tree is clean again.
#[test]
fn a_write_killed_at_any_step_leaves_a_consistent_casebook() {
    for (point, committed) in [
        ("before-ref-update", false),
        ("after-ref-update", true),
        ("after-worktree-file", true),
        ("after-index", true),
    ] {
        let env = Env::new();
        let before = env.head();
        let out = env
            .cmd()
            .env("DISPUTE_KEY", key_file("zhangsan"))
            .env("DISPUTE_FAULT", point)
            .args(["--as", "zhangsan"])
            .args(register_args(&[("--at", "2026-11-02T09:00:00+08:00")]))
            .output()
            .unwrap();
        assert!(!out.status.success(), "{point}: the process was killed");
        assert_eq!(env.head() != before, committed, "{point}: HEAD");
        // reads come from HEAD and work at once
        let ids = env.list_ids(&[]);
        assert_eq!(ids.len(), usize::from(committed), "{point}: {ids:?}");
        // the next write recovers
        let next = env.register("zhangsan", "2026-11-02T10:00:00+08:00");
        let expected = if committed {
            "TAX-2026-0002"
        } else {
            "TAX-2026-0001"
        };
        assert_eq!(next, expected, "{point}");
        env.assert_clean();
        assert_all_cases_valid(&env);
        assert!(
            !env.path(".git/dispute-pending").exists(),
            "{point}: journal left"
        );
    }
}

/// A journal naming a file HEAD no longer has (a case a sync renumbered away, the process
/// killed before the working tree): the next write removes it from the working tree and
/// the index, whole or split, and the index stays as it was otherwise.
#[test]
fn recovery_removes_a_journalled_file_that_head_no_longer_has() {
    for split in [false, true] {
        let env = Env::new();
        let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
        if split {
            env.git(&["update-index", "--split-index"]);
        }
        let stray = case_path("TAX-2026-0077");
        fs::create_dir_all(env.path(&stray).parent().unwrap()).unwrap();
        fs::copy(env.path(&case_path(&id)), env.path(&stray)).unwrap();
        env.git(&["add", &stray]);
        fs::write(
            env.path(".git/dispute-pending"),
            format!("{}\n{stray}\n", env.head()),
        )
        .unwrap();
        env.register("zhangsan", "2026-11-02T10:00:00+08:00");
        assert!(!env.path(&stray).exists(), "split {split}");
        let listed = env.git(&["ls-files"]);
        assert!(!listed.contains("TAX-2026-0077"), "split {split}: {listed}");
        assert!(listed.contains(&case_path(&id)), "{listed}");
        env.assert_clean();
        assert!(!env.path(".git/dispute-pending").exists());
        let index = fs::read(env.path(".git/index")).unwrap();
        assert_eq!(index.windows(4).any(|w| w == b"link"), split);
    }
}

/// A case file copied by hand to another case's place does not belong there: the ID in the
/// file and its location disagree. `list` must name it whether or not it has read the same
/// content before (a cache keyed by content must not skip the location check).
#[test]
fn a_case_file_at_the_wrong_place_is_named_even_after_a_list() {
    for warm in [false, true] {
        let env = Env::new();
        let a = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
        env.register("zhangsan", "2026-11-02T10:00:00+08:00");
        if warm {
            assert_eq!(env.list_ids(&[]).len(), 2);
        }
        let misplaced = "cases/2026/TAX/00/TAX-2026-0003.toml";
        fs::copy(env.path(&case_path(&a)), env.path(misplaced)).unwrap();
        env.git_commit_all("hand edit: copy of a case");
        let err = env.fails(4, &["show", "TAX-2026-0003"]);
        assert!(err.contains(misplaced), "warm={warm}: {err}");
        let (out, err) = env.fails_with_output(4, &["list", "--json"]);
        assert!(err.contains(misplaced), "warm={warm}: {err}");
        let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
        let ids: Vec<&str> = rows
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["TAX-2026-0001", "TAX-2026-0002"], "warm={warm}");
        let (_, err) = env.fails_with_output(4, &["overdue"]);
        assert!(err.contains(misplaced), "warm={warm}: {err}");
    }
}

/// A branch held locked for a moment by someone else (the background `git gc --auto` packs
/// the refs) is waited for: the write lands instead of failing as if HEAD had moved.
#[test]
fn a_write_waits_for_a_branch_locked_for_a_moment() {
    let env = Env::new();
    env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    let before = env.head();
    let branch = env.git(&["symbolic-ref", "HEAD"]);
    let lock = env.path(&format!(".git/{}.lock", branch.trim()));
    fs::write(&lock, format!("{before}\n")).unwrap();
    let releaser = {
        let lock = lock.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(400));
            fs::remove_file(lock).unwrap();
        })
    };
    let args = register_args(&[("--at", "2026-11-02T10:00:00+08:00")]);
    let out = env
        .cmd()
        .env("DISPUTE_KEY", key_file("zhangsan"))
        .args(["--as", "zhangsan"])
        .args(&args)
        .output()
        .unwrap();
    releaser.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_ne!(env.head(), before);
    env.assert_clean();
}
