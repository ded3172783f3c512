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
    let lg = stats["departments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["dept"] == "leading-group")
        .expect("the leading group's own line");
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
