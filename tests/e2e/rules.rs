//! The regulation as written (issue 13), end to end: the workroom of the approval bureau,
//! own → general, the leader's own time limit, and the settings that carry them.

use serde_json::Value;

use crate::harness::*;

/// A general case received by the tax bureau on Monday 11-02.
fn tax_general(env: &Env) -> String {
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    env.act(
        "zhangsan",
        &[
            "classify",
            &id,
            "--track",
            "general",
            "--category",
            "3",
            "--at",
            "2026-11-02T10:00:00+08:00",
        ],
    );
    id
}

#[test]
fn the_workroom_coordinates_mediates_replies_and_archives_a_tax_general_matter() {
    let env = Env::new();
    let id = tax_general(&env);
    // wangfang is a receiver of the approval bureau: the workroom (三（二）7).
    env.act(
        "wangfang",
        &[
            "assign",
            &id,
            "--dept",
            "hrss",
            "--at",
            "2026-11-02T11:00:00+08:00",
        ],
    );
    env.act(
        "wangfang",
        &[
            "mediate",
            &id,
            "--result",
            "经工作室调解，企业同意按复核后的基数补缴",
            "--at",
            "2026-11-03T10:00:00+08:00",
        ],
    );
    env.act(
        "lisi",
        &[
            "opinion",
            &id,
            "--text",
            "基数核定无误",
            "--at",
            "2026-11-04T10:00:00+08:00",
        ],
    );
    env.act(
        "wangfang",
        &[
            "reply",
            &id,
            "--text",
            "综合意见如下……",
            "--at",
            "2026-11-05T10:00:00+08:00",
        ],
    );
    env.act(
        "wangfang",
        &[
            "archive",
            &id,
            "--outcome",
            "accepted",
            "--at",
            "2026-11-06T10:00:00+08:00",
        ],
    );
    let case = env.case_json(&id);
    assert_eq!(case["status"], "archived");
    assert_eq!(case["receiving_dept"], "tax");
    assert_eq!(case["reply"]["by"], "wangfang");
    assert_eq!(case["reply"]["dept"], "approval");
    assert_eq!(case["mediations"][0]["dept"], "approval");
    let sheet = env.ok(&["show", &id]);
    assert!(
        sheet.contains("调解") && sheet.contains("企业同意按复核后的基数补缴"),
        "{sheet}"
    );
    let log = env.ok(&["log", &id]);
    assert!(log.contains("调解"), "{log}");
    env.ok(&["verify"]);
}

#[test]
fn the_workroom_is_refused_outside_general_matters() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    // Registration and classification stay with the receiving department.
    let err = env.as_fails(
        "wangfang",
        1,
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
    assert!(err.contains("受理部门"), "{err}");
    env.act(
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
    // The tax bureau's own-remit matter: not the workroom's.
    let err = env.as_fails(
        "wangfang",
        1,
        &[
            "reply",
            &id,
            "--text",
            "x",
            "--at",
            "2026-11-02T11:00:00+08:00",
        ],
    );
    assert!(err.contains("争议处理工作室"), "{err}");
    env.as_fails(
        "wangfang",
        1,
        &[
            "mediate",
            &id,
            "--result",
            "x",
            "--at",
            "2026-11-02T11:00:00+08:00",
        ],
    );
    // A handler is not a receiver; a text is required.
    env.as_fails(
        "lisi",
        1,
        &[
            "mediate",
            &id,
            "--result",
            "x",
            "--at",
            "2026-11-02T11:00:00+08:00",
        ],
    );
    env.fails_plain(2, &["--as", "zhangsan", "mediate", &id]);
}

#[test]
fn an_own_matter_becomes_general_with_classify() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    env.act(
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
    let err = env.as_fails(
        "zhangsan",
        1,
        &[
            "assign",
            &id,
            "--dept",
            "hrss",
            "--at",
            "2026-11-02T11:00:00+08:00",
        ],
    );
    assert!(err.contains("--track general"), "{err}");
    env.act(
        "zhangsan",
        &[
            "classify",
            &id,
            "--track",
            "general",
            "--category",
            "4",
            "--at",
            "2026-11-02T11:00:00+08:00",
        ],
    );
    let case = env.case_json(&id);
    assert_eq!(case["track"], "general");
    assert_eq!(case["category"], 4);
    env.act(
        "zhangsan",
        &[
            "assign",
            &id,
            "--dept",
            "hrss",
            "--at",
            "2026-11-02T11:10:00+08:00",
        ],
    );
    let subject = env.git(&["log", "-2", "--format=%s"]);
    assert!(subject.contains("本部门办理改为一般事项"), "{subject}");
    // Not back again.
    env.as_fails(
        "zhangsan",
        1,
        &[
            "classify",
            &id,
            "--track",
            "own",
            "--category",
            "4",
            "--at",
            "2026-11-02T11:20:00+08:00",
        ],
    );
    env.ok(&["verify"]);
}

#[test]
fn the_leaders_time_limit_is_a_setting_and_stats_show_the_leaders_line() {
    let env = Env::new();
    // The admin sets it like any other time limit; verify checks the change.
    env.act("admin", &["admin", "set", "deadline.approval", "2"]);
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    env.act(
        "zhangsan",
        &[
            "escalate",
            &id,
            "--to",
            "leading-group",
            "--reason",
            "涉及多部门政策口径",
            "--at",
            "2026-11-02T10:00:00+08:00",
        ],
    );
    // Two working days from Monday 11-02.
    assert_eq!(env.case_json(&id)["due"]["approval"], "2026-11-04");
    let stats: Value = serde_json::from_str(&env.ok(&["stats", "--json"])).unwrap();
    assert_eq!(stats["late_obligations"]["approval"], 1);
    assert_eq!(stats["approval"]["pending"], 1);
    let lg =
        dept_row(&stats["departments"], "leading-group").expect("the leading group's own line");
    assert_eq!(lg["late_obligations"], 1);
    assert!(
        stats["departments"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["dept"] != "tax" || d["late_obligations"] == 0),
        "the receiving department is not late for the leader"
    );
    // The leader decides on 11-06, two working days late (11-05, 11-06).
    env.act(
        "zhengyi",
        &[
            "approve",
            &id,
            "--note",
            "同意",
            "--at",
            "2026-11-06T09:00:00+08:00",
        ],
    );
    let stats: Value = serde_json::from_str(&env.ok(&["stats", "--json"])).unwrap();
    assert_eq!(stats["approval"]["decided"], 1);
    assert_eq!(stats["approval"]["late"], 1);
    assert_eq!(stats["approval"]["max_days"], 4);
    let text = env.ok(&["stats"]);
    assert!(
        text.contains("组长审批：已决定 1 件（按时 0，超时 1）"),
        "{text}"
    );
    env.fails(
        4,
        &["--as", "admin", "admin", "set", "deadline.approval", "x"],
    );
    env.ok(&["verify"]);
}

#[test]
fn an_old_casebook_reads_and_upgrades_its_rules_edition() {
    let env = Env::new();
    // A casebook written before issue 13: no rules edition, no approval time limit.
    let text = env.read("casebook.toml");
    let old: String = text
        .lines()
        .filter(|l| !l.starts_with("rules =") && !l.starts_with("approval ="))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(old, text);
    std::fs::write(env.path("casebook.toml"), &old).unwrap();
    env.git_commit_all("旧版本的案卷库");
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    let case = env.case_json(&id);
    assert_eq!(case["rules"], Value::Null, "registered under edition 1");
    // Edition 1: no time limit for the leader.
    env.act(
        "zhangsan",
        &[
            "classify",
            &id,
            "--track",
            "major",
            "--category",
            "9",
            "--at",
            "2026-11-02T10:00:00+08:00",
        ],
    );
    assert_eq!(env.case_json(&id)["due"]["approval"], Value::Null);
    // The admin upgrades; never down.
    env.act("admin", &["admin", "set", "rules", "2"]);
    assert!(env.read("casebook.toml").contains("rules = 2"));
    let err = env.fails(4, &["--as", "admin", "admin", "set", "rules", "1"]);
    assert!(err.contains("只能升级"), "{err}");
    let new = env.register("zhangsan", "2026-11-03T09:00:00+08:00");
    assert_eq!(env.case_json(&new)["rules"], 2);
    // The old case keeps its rules.
    env.act(
        "zhengyi",
        &[
            "approve",
            &id,
            "--note",
            "同意",
            "--at",
            "2026-11-04T09:00:00+08:00",
        ],
    );
    assert_eq!(env.case_json(&id)["rules"], Value::Null);
}

#[test]
fn feedback_is_the_competent_departments_and_only_on_a_referral() {
    let env = Env::new();
    let general = tax_general(&env);
    env.act(
        "zhangsan",
        &[
            "assign",
            &general,
            "--dept",
            "hrss",
            "--at",
            "2026-11-02T11:00:00+08:00",
        ],
    );
    let err = env.as_fails(
        "lisi",
        1,
        &[
            "feedback",
            &general,
            "--text",
            "x",
            "--at",
            "2026-11-03T10:00:00+08:00",
        ],
    );
    assert!(err.contains("报送"), "{err}");
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    env.act(
        "zhangsan",
        &[
            "escalate",
            &id,
            "--to",
            "hotline",
            "--reason",
            "职责不清",
            "--at",
            "2026-11-02T10:00:00+08:00",
        ],
    );
    // Before the dispatch nobody reports back.
    env.as_fails(
        "lisi",
        1,
        &[
            "feedback",
            &id,
            "--text",
            "x",
            "--at",
            "2026-11-02T11:00:00+08:00",
        ],
    );
    // gov names no other date than the form's.
    let err = env.as_fails(
        "zhoujiu",
        4,
        &[
            "assign",
            &id,
            "--dept",
            "hrss",
            "--hotline-ticket",
            "RC-9",
            "--due",
            "2026-12-31",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    assert!(err.contains("报送单"), "{err}");
    env.act(
        "zhoujiu",
        &[
            "assign",
            &id,
            "--dept",
            "hrss",
            "--hotline-ticket",
            "RC-9",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    // Another department, or the receiving one, may not report back for hrss.
    for who in ["zhaoliu", "zhangsan"] {
        env.as_fails(
            who,
            1,
            &[
                "feedback",
                &id,
                "--text",
                "x",
                "--at",
                "2026-11-03T10:00:00+08:00",
            ],
        );
    }
    // Late against the form's date: overdue names hrss for both.
    let rows: Value = serde_json::from_str(&env.ok(&["overdue", "--json"])).unwrap();
    let mine: Vec<(String, String)> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["case"] == id.as_str())
        .map(|r| {
            (
                r["what"].as_str().unwrap().into(),
                r["dept"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        mine,
        [
            ("reply".to_string(), "hrss".to_string()),
            ("feedback".into(), "hrss".into())
        ]
    );
    env.act(
        "lisi",
        &[
            "feedback",
            &id,
            "--text",
            "已办结",
            "--at",
            "2026-11-04T10:00:00+08:00",
        ],
    );
    let sheet = env.ok(&["show", &id]);
    assert!(
        sheet.contains("办理情况反馈") && sheet.contains("已办结"),
        "{sheet}"
    );
    env.ok(&["verify"]);
}

/// The standard casebook with a handler of the petition bureau and one of the CAC.
fn with_petition_and_cac() -> Env {
    let env = Env::new();
    for (id, name, dept) in [
        ("fengxf", "冯信访", "petition"),
        ("chenwx", "陈网信", "cac"),
    ] {
        let email = format!("{id}@rc.example.cn");
        env.act(
            "admin",
            &[
                "operator", "add", id, "--name", name, "--email", &email, "--dept", dept, "--role",
                "handler",
            ],
        );
    }
    env
}

#[test]
fn the_petition_bureau_passes_a_lead_and_the_case_stays_open() {
    let env = with_petition_and_cac();
    let id = tax_general(&env);
    env.act(
        "fengxf",
        &[
            "lead",
            &id,
            "--to",
            "hrss",
            "--note",
            "缴费人到县信访局反映基数核定问题，线索移交县人社局",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    let case = env.case_json(&id);
    assert_eq!(case["status"], "handling");
    assert_eq!(case["leads"][0]["dept"], "hrss");
    assert_eq!(case["assignments"][0]["dept"], "hrss");
    assert_eq!(case["assignments"][0]["by"], "fengxf");
    // The competent department now owes its written opinion.
    env.act(
        "lisi",
        &[
            "opinion",
            &id,
            "--text",
            "基数核定无误",
            "--at",
            "2026-11-04T09:00:00+08:00",
        ],
    );
    let sheet = env.ok(&["show", &id]);
    assert!(
        sheet.contains("信访线索") && sheet.contains("冯信访"),
        "{sheet}"
    );
    // Refusals: not the petition bureau; an unknown department; no note.
    let err = env.as_fails(
        "zhangsan",
        1,
        &[
            "lead",
            &id,
            "--to",
            "medical",
            "--note",
            "x",
            "--at",
            "2026-11-04T10:00:00+08:00",
        ],
    );
    assert!(err.contains("信访局"), "{err}");
    env.as_fails(
        "fengxf",
        4,
        &[
            "lead",
            &id,
            "--to",
            "nowhere",
            "--note",
            "x",
            "--at",
            "2026-11-04T10:00:00+08:00",
        ],
    );
    env.fails_plain(2, &["--as", "fengxf", "lead", &id, "--to", "medical"]);
    let subject = env.git(&["log", "-1", "--format=%s", "--", &case_path(&id)]);
    assert!(
        !subject.contains("县信访局将线索"),
        "the latest is the opinion: {subject}"
    );
    assert!(
        env.git(&["log", "--format=%s"])
            .contains("县信访局将线索移交县人社局")
    );
    env.ok(&["verify"]);
}

#[test]
fn the_cac_records_public_opinion_and_its_response() {
    let env = with_petition_and_cac();
    let id = tax_general(&env);
    let watch = |at: &str| {
        [
            "opinion-watch",
            id.as_str(),
            "--source",
            "本地论坛“芮城在线”",
            "--summary",
            "网帖称企业被多收社保费，跟帖二十余条",
            "--at",
            at,
        ]
        .map(str::to_string)
    };
    let args = watch("2026-11-03T09:00:00+08:00");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    env.act("chenwx", &args);
    // Only the CAC.
    let args = watch("2026-11-03T10:00:00+08:00");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let err = env.as_fails("zhangsan", 1, &args);
    assert!(err.contains("网信办"), "{err}");
    // A source without a summary, or a response mixed with an incident, is refused.
    env.as_fails(
        "chenwx",
        4,
        &[
            "opinion-watch",
            &id,
            "--source",
            "x",
            "--at",
            "2026-11-03T10:00:00+08:00",
        ],
    );
    env.as_fails(
        "chenwx",
        4,
        &[
            "opinion-watch",
            &id,
            "--source",
            "x",
            "--response",
            "y",
            "--at",
            "2026-11-03T10:00:00+08:00",
        ],
    );
    env.as_fails(
        "chenwx",
        4,
        &[
            "opinion-watch",
            &id,
            "--response",
            "y",
            "--incident",
            "2",
            "--at",
            "2026-11-03T10:00:00+08:00",
        ],
    );
    env.act(
        "chenwx",
        &[
            "opinion-watch",
            &id,
            "--response",
            "已协调县税务局发布情况说明",
            "--at",
            "2026-11-04T09:00:00+08:00",
        ],
    );
    // Nothing left to answer.
    env.as_fails(
        "chenwx",
        1,
        &[
            "opinion-watch",
            &id,
            "--response",
            "再次应对",
            "--at",
            "2026-11-04T10:00:00+08:00",
        ],
    );
    let case = env.case_json(&id);
    assert_eq!(case["public_opinion"][0]["response"]["by"], "chenwx");
    let sheet = env.ok(&["show", &id]);
    assert!(
        sheet.contains("网络舆情 1") && sheet.contains("已协调县税务局"),
        "{sheet}"
    );
    let stats: Value = serde_json::from_str(&env.ok(&["stats", "--json"])).unwrap();
    assert_eq!(stats["opinion_incidents"], 1);
    assert_eq!(stats["opinion_incidents_answered"], 1);
    let tax = dept_row(&stats["departments"], "tax").expect("tax");
    assert_eq!(
        tax["opinion_incidents"], 1,
        "counted against the receiving department"
    );
    env.ok(&["verify"]);
}

#[test]
fn the_office_records_a_policy_consultation_and_verify_checks_it() {
    let env = Env::new();
    let a = tax_general(&env);
    let b = env.register("zhangsan", "2026-11-03T09:00:00+08:00");
    // wushi is the leading-group office.
    let args = [
        "policy-consult",
        "--topic",
        "灵活就业人员缴费基数下限的执行口径",
        "--attendee",
        "tax,hrss",
        "--attendee",
        "medical",
        "--minutes",
        "会议议定：统一按上年度全省平均工资的60%执行，由县税务局通知各受理窗口。",
        "--case",
        &a,
        "--case",
        &b,
        "--at",
        "2026-11-05T15:00:00+08:00",
    ];
    let out = env.as_ok("wushi", &args);
    assert_eq!(out.trim(), "PC-2026-0001", "the new ID is the only line");
    env.assert_clean();
    let file = env.read("policy/2026/PC-2026-0001.toml");
    assert!(
        file.contains("灵活就业人员缴费基数下限") && file.contains("by = \"wushi\""),
        "{file}"
    );
    let subject = env.git(&["log", "-1", "--format=%s%n%b"]);
    assert!(
        subject.starts_with("policy-consult PC-2026-0001: 领导小组会商政策性"),
        "{subject}"
    );
    assert!(subject.contains("Policy: PC-2026-0001"), "{subject}");
    assert!(
        !subject.contains("灵活就业"),
        "no free text in the commit message: {subject}"
    );
    // A second one numbers on.
    let out = env.as_ok("wushi", &{
        let mut x = args;
        x[14] = "2026-11-06T15:00:00+08:00";
        x
    });
    assert_eq!(out.trim(), "PC-2026-0002");
    // Listed.
    let list = env.ok(&["policy", "list"]);
    assert!(
        list.contains("PC-2026-0001") && list.contains(&b) && list.contains("县医保局"),
        "{list}"
    );
    let json: Value = serde_json::from_str(&env.ok(&["policy", "list", "--json"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);
    assert_eq!(json[0]["cases"][0], a.as_str());
    env.ok(&["verify"]);

    // Refusals: not the office; a case that does not exist; no attendee; no minutes.
    let err = env.as_fails("zhangsan", 1, &args);
    assert!(err.contains("领导小组办公室"), "{err}");
    let mut missing = args;
    missing[12] = "TAX-2026-0099";
    let err = env.as_fails("wushi", 4, &missing);
    assert!(err.contains("TAX-2026-0099"), "{err}");
    env.fails_plain(
        2,
        &[
            "--as",
            "wushi",
            "policy-consult",
            "--topic",
            "x",
            "--minutes",
            "y",
        ],
    );
    env.fails_plain(
        2,
        &[
            "--as",
            "wushi",
            "policy-consult",
            "--topic",
            "x",
            "--attendee",
            "tax",
        ],
    );
    let mut bad = args;
    bad[4] = "nowhere";
    env.as_fails("wushi", 4, &bad);

    // A consultation changed by hand afterwards is found by verify.
    let path = env.path("policy/2026/PC-2026-0001.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("60%", "50%");
    std::fs::write(&path, text).unwrap();
    env.git_commit_as(
        "吴十",
        "wushi@rc.example.cn",
        "policy-consult PC-2026-0001: 改纪要\n\nAction: policy-consult\nOperator: wushi\nDept: tax\nPolicy: PC-2026-0001",
    );
    let (code, findings) = env.verify_json(&[]);
    assert_ne!(code, 0);
    assert!(
        findings
            .iter()
            .any(|f| f["rule"].as_str().unwrap_or("").contains("只能新建")),
        "{findings:#?}"
    );
}

/// Register, classify own and reply, as the tax bureau; returns the ID.
fn replied_with(env: &Env, register: &[(&str, &str)], reply_extra: &[&str]) -> String {
    let id = env.register_with("zhangsan", register);
    env.act(
        "zhangsan",
        &[
            "classify",
            &id,
            "--track",
            "own",
            "--category",
            "8",
            "--at",
            "2026-11-02T10:00:00+08:00",
        ],
    );
    let mut reply = vec![
        "reply",
        id.as_str(),
        "--text",
        "经核查，处理意见如下。",
        "--at",
        "2026-11-18T10:00:00+08:00",
    ];
    reply.extend_from_slice(reply_extra);
    env.act("zhangsan", &reply);
    id
}

/// The notice as the receiver prints it: an individual's name is decrypted with their key.
fn notice(env: &Env, args: &[&str]) -> String {
    let mut full = vec!["form", "notice"];
    full.extend_from_slice(args);
    env.as_ok("zhangsan", &full)
}

#[test]
fn an_employee_employer_dispute_gets_a_notice_for_each_party_with_arbitration() {
    let env = Env::new();
    let id = replied_with(
        &env,
        &[
            ("--payer-kind", "individual"),
            ("--payer-name", "王建军"),
            ("--counterparty", "芮城县永乐机械有限公司"),
            ("--counterparty-phone", "13912345678"),
            ("--summary", "职工称单位未足额为其缴纳养老保险费"),
            ("--at", "2026-11-02T09:00:00+08:00"),
        ],
        &[],
    );
    let case = env.case_json(&id);
    assert_eq!(case["counterparty"]["kind"], "employer");
    assert_eq!(
        case["reply"]["informed"],
        serde_json::json!(["payer", "counterparty"])
    );
    let sheet = env.ok(&["show", &id]);
    assert!(
        sheet.contains("争议另一方：芮城县永乐机械有限公司（用人单位）"),
        "{sheet}"
    );
    assert!(
        sheet.contains("139****5678") && !sheet.contains("13912345678"),
        "masked: {sheet}"
    );
    assert!(sheet.contains("已告知：缴费人、争议另一方"), "{sheet}");

    let html = notice(&env, &[&id]);
    assert_eq!(html.matches("<div class=\"sheet").count(), 2, "two notices");
    assert!(html.contains("<p class=\"to\">王建军：</p>"), "{html}");
    assert!(
        html.contains("<p class=\"to\">芮城县永乐机械有限公司：</p>"),
        "{html}"
    );
    assert!(
        html.contains("王建军于2026年11月2日反映的"),
        "the employer's opening"
    );
    assert!(html.contains("一式三份"), "{html}");
    for part in [
        "申请调解",
        "第二十条第一款",
        "第四十六条第一款",
        "复议机关逾期不作决定",
        "第四十五条",
        "申请劳动人事争议仲裁",
        "第二十七条第一款",
        "不以收到本告知书之日起算",
    ] {
        assert!(html.contains(part), "{part}");
    }
    // No last day without the day the act was known, and nothing counted from the notice.
    assert!(!html.contains("期限至"), "{html}");
    assert!(!html.contains("以2026年11月18日收到本告知书计"));
    // One party's only.
    let one = notice(&env, &[&id, "--party", "counterparty", "--format", "md"]);
    assert!(
        one.contains("芮城县永乐机械有限公司：") && !one.contains("王建军：\n"),
        "{one}"
    );
    let both = notice(&env, &[&id, "--format", "md"]);
    assert_eq!(both.matches("\n---\n").count(), 1, "{both}");
    env.fails(4, &["form", "referral", &id, "--party", "payer"]);
}

/// The other party's personal data (an employee's name, the phone) is encrypted with the
/// payer's, to the same departments: never in a case file, in history or in a commit
/// message in the clear; shown masked, revealed and printed on the notice only for a
/// recipient; and `verify` accepts it.
#[test]
fn the_other_party_is_encrypted_like_the_payer() {
    let env = Env::new();
    let id = replied_with(
        &env,
        &[
            ("--payer-kind", "employer"),
            ("--payer-name", "芮城县永乐机械有限公司"),
            ("--counterparty", "王建军"),
            ("--counterparty-phone", "13935906677"),
            ("--summary", "单位与职工就养老保险缴费基数发生争议"),
            ("--at", "2026-11-02T09:00:00+08:00"),
        ],
        &[],
    );
    let secrets = ["王建军", "13935906677"];
    let file = env.read(&case_path(&id));
    let history = env.git(&["log", "-p", "--format=%B", "--all"]);
    for s in secrets {
        assert!(!file.contains(s), "{s} in the case file: {file}");
        assert!(!history.contains(s), "{s} in the history");
    }
    let case: toml::Table = toml::from_str(&file).unwrap();
    let other = case["counterparty"].as_table().unwrap();
    assert_eq!(other["kind"].as_str(), Some("individual"));
    assert_eq!(other["name"].as_str(), Some("王**"));
    assert_eq!(other["phone"].as_str(), Some("139****6677"));
    assert!(
        other["sealed"]["data"]
            .as_str()
            .unwrap()
            .starts_with("-----BEGIN AGE ENCRYPTED FILE-----")
    );
    assert_eq!(
        other["sealed"]["recipients"],
        case["payer"]["sealed"]["recipients"]
    );

    // Masked for everyone; in the clear for a recipient who asks.
    let sheet = env.ok(&["show", &id]);
    assert!(
        sheet.contains("王**") && !sheet.contains("王建军"),
        "{sheet}"
    );
    let revealed = env.as_ok("zhangsan", &["show", &id, "--reveal"]);
    assert!(
        revealed.contains("王建军") && revealed.contains("13935906677"),
        "{revealed}"
    );
    let refused = env.as_fails("sunba", 1, &["show", &id, "--reveal"]);
    assert!(!refused.contains("王建军"), "{refused}");
    // The employee's notice is addressed by name, decrypted by the receiver's key.
    let one = notice(&env, &[&id, "--party", "counterparty", "--format", "md"]);
    assert!(one.contains("王建军："), "{one}");
    env.ok(&["verify"]);
}

#[test]
fn a_retirees_benefit_dispute_has_no_arbitration_and_dates_come_from_the_act() {
    let env = Env::new();
    let id = replied_with(
        &env,
        &[
            ("--payer-kind", "individual"),
            ("--payer-name", "李秀芳"),
            ("--summary", "退休人员对基本养老金核定有异议"),
            ("--at", "2026-11-02T09:00:00+08:00"),
        ],
        &["--act-date", "2026-11-18"],
    );
    let html = notice(&env, &[&id]);
    assert_eq!(html.matches("<div class=\"sheet").count(), 1);
    assert!(
        !html.contains("仲裁"),
        "no arbitration for a retiree's benefit: {html}"
    );
    assert!(html.contains("一式两份"));
    // 60 days from 11-18 is Sunday 2027-01-17: the next working day.
    assert!(
        html.contains("以2026年11月18日知道该行政行为计，期限至2027年1月18日"),
        "{html}"
    );
    // Six months: 2027-05-18.
    assert!(html.contains("直接起诉的期限至2027年5月18日"), "{html}");
    assert!(
        html.contains("缴费人于2026年11月18日知道该行政行为"),
        "{html}"
    );
    env.fails(
        4,
        &[
            "--as",
            "zhangsan",
            "reply",
            "TAX-2026-0099",
            "--text",
            "x",
            "--act-date",
            "2026-13-01",
        ],
    );
    // A party that is not there.
    let err = env.fails(1, &["form", "notice", &id, "--party", "counterparty"]);
    assert!(err.contains("--counterparty"), "{err}");
    // The other party of an employment dispute is of the other kind; its name is checked.
    env.as_fails(
        "zhangsan",
        4,
        &register_args(&[("--counterparty", "  ")])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
}

#[test]
fn the_leader_says_how_a_rejected_matter_is_handled() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    env.act(
        "zhangsan",
        &[
            "escalate",
            &id,
            "--to",
            "leading-group",
            "--reason",
            "请求专案办理",
            "--at",
            "2026-11-02T10:00:00+08:00",
        ],
    );
    // --reject needs --handle-as, and --handle-as needs --reject.
    env.fails_plain(
        2,
        &["--as", "zhengyi", "approve", &id, "--reject", "--note", "x"],
    );
    env.fails_plain(
        2,
        &[
            "--as",
            "zhengyi",
            "approve",
            &id,
            "--handle-as",
            "own",
            "--note",
            "x",
        ],
    );
    env.act(
        "zhengyi",
        &[
            "approve",
            &id,
            "--reject",
            "--handle-as",
            "own",
            "--note",
            "属县税务局职责，由受理部门办理",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    let case = env.case_json(&id);
    assert_eq!(case["track"], "own");
    assert_eq!(case["approval"]["handled_as"], "own");
    let subject = env.git(&["log", "-1", "--format=%s"]);
    assert!(
        subject.contains("组长不同意专案办理，改为本部门办理"),
        "{subject}"
    );
    let sheet = env.ok(&["show", &id]);
    assert!(sheet.contains("组长决定：改为本部门办理"), "{sheet}");
    env.ok(&["verify"]);
}
