//! Issue 3: every path of the handling workflow from a shell, the refusals (wrong role,
//! wrong state, missing records, bad dates), the deadlines and the overdue report.

use serde_json::Value;

use crate::harness::*;

/// Run as `who`, expect success, and expect a clean working tree afterwards.
/// Write commands print nothing on stdout (human messages go to stderr).
fn operator(id: &str) -> (&'static str, &'static str) {
    OPERATORS
        .iter()
        .find(|o| o.0 == id)
        .map(|o| (o.1, o.2))
        .unwrap_or_else(|| panic!("no operator {id}"))
}

/// The case's commits, oldest first, are exactly `expected` (action code, operator id):
/// authored by the operator, subject `<action> <ID>: <summary>`, trailers Case, Action,
/// Operator, Dept.
fn assert_history(env: &Env, id: &str, expected: &[(&str, &str)]) {
    let commits = env.case_commits(id);
    let got: Vec<(String, String)> = commits
        .iter()
        .map(|c| {
            (
                c.trailer("Action").unwrap_or("?").to_string(),
                c.trailer("Operator").unwrap_or("?").to_string(),
            )
        })
        .collect();
    let want: Vec<(String, String)> = expected
        .iter()
        .map(|(a, o)| (a.to_string(), o.to_string()))
        .collect();
    assert_eq!(got, want, "history of {id}: {commits:#?}");
    for (c, (action, op)) in commits.iter().zip(expected) {
        let (name, dept) = operator(op);
        assert_eq!(c.author, name, "author of {c:?}");
        assert_eq!(c.email, format!("{op}@rc.example.cn"), "email of {c:?}");
        assert_eq!(
            c.committer,
            format!("{name} <{op}@rc.example.cn>"),
            "committer of {c:?}"
        );
        let prefix = format!("{action} {id}: ");
        assert!(
            c.subject.starts_with(&prefix),
            "subject {:?} lacks {prefix:?}",
            c.subject
        );
        assert!(
            c.subject.len() > prefix.len(),
            "empty summary: {:?}",
            c.subject
        );
        assert_eq!(c.trailer("Case"), Some(id), "{c:?}");
        assert_eq!(c.trailer("Dept"), Some(dept), "{c:?}");
    }
    // `git log --format=%an` on the file lists the acting operators, newest first.
    let authors = env.git(&["log", "--format=%an", "--", &case_path(id)]);
    let mut names: Vec<&str> = expected.iter().map(|(_, o)| operator(o).0).collect();
    names.reverse();
    assert_eq!(authors.lines().collect::<Vec<_>>(), names);
}

fn due(case: &Value, what: &str) -> String {
    case["due"][what].as_str().unwrap_or("").to_string()
}

fn assignments(case: &Value) -> Vec<(String, String)> {
    case["assignments"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|x| {
                    (
                        x["dept"].as_str().unwrap().to_string(),
                        x["due"].as_str().unwrap().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------
// paths

#[test]
fn own_track_classify_reply_archive() {
    let env = Env::new();
    let case = env.case_with(
        "zhangsan",
        "2026-11-02T09:30:00+08:00",
        &[
            ("--payer-name", "芮城县风陵渡物流有限公司"),
            ("--district", "风陵渡镇"),
            ("--summary", "对 2026 年 8 月加收的滞纳金有异议"),
        ],
    );
    assert_eq!(case.id, "TAX-2026-0001");
    assert_eq!(due(&case.json(), "classify"), "2026-11-03");

    let case = case.classify("zhangsan", "own", 6, "pension", "2026-11-02T15:00:00+08:00");
    let json = case.json();
    assert_eq!(json["status"], "handling");
    assert_eq!(json["track"], "own");
    assert_eq!(json["category"], 6);
    assert_eq!(json["insurance"][0], "pension");
    assert_eq!(
        due(&json, "reply"),
        "2026-11-23",
        "15 working days from 11-02"
    );

    let case = case.reply(
        "zhangsan",
        "经核查，滞纳金按日万分之五加收，计算无误，特此书面告知。",
        "2026-11-09T10:00:00+08:00",
    );
    let json = case.json();
    assert_eq!(json["status"], "replied");
    assert_eq!(
        due(&json, "archive"),
        "2026-11-16",
        "5 working days from 11-09"
    );
    assert!(json["reply"]["text"].as_str().unwrap().contains("万分之五"));

    let case = case.archive("zhangsan", "accepted", "2026-11-10T09:00:00+08:00");
    let json = case.json();
    assert_eq!(json["status"], "archived");
    assert_eq!(json["archive"]["outcome"], "accepted");
    let events: Vec<&str> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(events, ["register", "classify", "reply", "archive"]);

    let id = case.id;
    let sheet = env.ok(&["show", &id]);
    for s in ["已归档", "本部门办理", "时间线", "书面回复", "万分之五"] {
        assert!(sheet.contains(s), "{s}: {sheet}");
    }
    assert_history(
        &env,
        &id,
        &[
            ("register", "zhangsan"),
            ("classify", "zhangsan"),
            ("reply", "zhangsan"),
            ("archive", "zhangsan"),
        ],
    );
    assert!(env.list_ids(&["--overdue"]).is_empty());
    assert_all_cases_valid(&env);
}

#[test]
fn general_track_with_opinions_of_two_departments() {
    let env = Env::new();
    let id = env.register_with(
        "zhangsan",
        &[
            ("--at", "2026-11-02T09:30:00+08:00"),
            ("--payer-name", "芮城县大王镇福源养殖专业合作社"),
            ("--district", "大王镇"),
            ("--summary", "人社、医保核定的补缴金额与单位申报不一致"),
        ],
    );
    env.act(
        "zhangsan",
        &[
            "classify",
            &id,
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
    let case = env.case_json(&id);
    assert_eq!(case["status"], "handling");
    assert_eq!(case["track"], "general");
    assert_eq!(due(&case, "reply"), "2026-11-23");

    env.act(
        "zhangsan",
        &[
            "assign",
            &id,
            "--dept",
            "hrss",
            "--dept",
            "medical",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    let case = env.case_json(&id);
    assert_eq!(
        assignments(&case),
        [
            ("hrss".to_string(), "2026-11-10".to_string()),
            ("medical".to_string(), "2026-11-10".to_string())
        ]
    );

    env.act(
        "lisi",
        &[
            "opinion",
            &id,
            "--dept",
            "hrss",
            "--text",
            "养老保险补缴基数按核定工资总额确定，单位申报偏低。",
            "--at",
            "2026-11-05T10:00:00+08:00",
        ],
    );
    // the handler's own department is the default; the text may come from a file
    let file = env.path("medical-opinion.txt");
    std::fs::write(&file, "医疗保险补缴金额核定无误。\n").unwrap();
    let file = file.to_str().unwrap().to_string();
    env.as_ok(
        "zhaoliu",
        &[
            "opinion",
            &id,
            "--file",
            &file,
            "--at",
            "2026-11-06T16:00:00+08:00",
        ],
    );
    std::fs::remove_file(&file).unwrap();
    env.assert_clean();
    let case = env.case_json(&id);
    let opinions: Vec<(&str, &str)> = case["opinions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["dept"].as_str().unwrap(), o["by"].as_str().unwrap()))
        .collect();
    assert_eq!(opinions, [("hrss", "lisi"), ("medical", "zhaoliu")]);

    env.act("zhangsan",
        &[
            "reply",
            &id,
            "--text",
            "综合县人社局、县医保局书面意见，核定金额维持不变。如有异议，可自知道之日起 60 日内申请行政复议，或 6 个月内提起行政诉讼。",
            "--at",
            "2026-11-09T10:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "archive",
            &id,
            "--outcome",
            "objected",
            "--remedy",
            "reconsideration",
            "--note",
            "缴费人表示将申请行政复议",
            "--at",
            "2026-11-12T09:00:00+08:00",
        ],
    );
    let case = env.case_json(&id);
    assert_eq!(case["status"], "archived");
    assert_eq!(case["archive"]["outcome"], "objected");
    assert_eq!(case["archive"]["remedy"], "reconsideration");

    let sheet = env.ok(&["show", &id]);
    for s in ["县人社局", "县医保局", "书面意见", "申请行政复议"] {
        assert!(sheet.contains(s), "{s}: {sheet}");
    }
    assert_history(
        &env,
        &id,
        &[
            ("register", "zhangsan"),
            ("classify", "zhangsan"),
            ("assign", "zhangsan"),
            ("opinion", "lisi"),
            ("opinion", "zhaoliu"),
            ("reply", "zhangsan"),
            ("archive", "zhangsan"),
        ],
    );
    let opinion_commits: Vec<CommitInfo> = env
        .case_commits(&id)
        .into_iter()
        .filter(|c| c.trailer("Action") == Some("opinion"))
        .collect();
    assert_eq!(opinion_commits[0].trailer("Dept"), Some("hrss"));
    assert_eq!(opinion_commits[1].trailer("Dept"), Some("medical"));
    assert_all_cases_valid(&env);
}

#[test]
fn major_track_with_approval_all_members_and_minutes() {
    let env = Env::new();
    let id = env.register_with(
        "zhangsan",
        &[
            ("--at", "2026-11-02T09:30:00+08:00"),
            ("--payer-name", "芮城县永乐镇宏远矿业有限公司"),
            ("--district", "永乐镇"),
            (
                "--summary",
                "欠费追缴涉及三险一金历年基数，金额较大，多部门意见不一",
            ),
        ],
    );
    env.act(
        "zhangsan",
        &[
            "classify",
            &id,
            "--track",
            "major",
            "--category",
            "9",
            "--note",
            "涉及多个险种和历年欠费，职责交叉，报请组长同意按专案办理",
            "--at",
            "2026-11-02T15:00:00+08:00",
        ],
    );
    let case = env.case_json(&id);
    assert_eq!(case["status"], "awaiting_approval");
    assert_eq!(case["track"], "major");

    env.act(
        "zhengyi",
        &[
            "approve",
            &id,
            "--note",
            "同意按重大疑难事项专案办理",
            "--at",
            "2026-11-03T10:00:00+08:00",
        ],
    );
    let case = env.case_json(&id);
    assert_eq!(case["status"], "handling");
    assert_eq!(case["track"], "major");
    assert_eq!(case["approval"]["decision"], "approved");
    assert_eq!(case["approval"]["decided_by"], "zhengyi");
    let mut assigned: Vec<String> = assignments(&case).into_iter().map(|(d, _)| d).collect();
    assigned.sort();
    assert_eq!(
        assigned,
        [
            "approval", "cac", "finance", "gov", "hrss", "justice", "medical", "petition", "tax"
        ]
    );
    assert!(
        assignments(&case).iter().all(|(_, d)| d == "2026-11-17"),
        "10 working days from 11-03: {:?}",
        assignments(&case)
    );
    assert_eq!(
        due(&case, "reply"),
        "2026-12-14",
        "30 working days from 11-02"
    );

    env.act(
        "lisi",
        &[
            "opinion",
            &id,
            "--text",
            "三险欠费按实际用工人数和工资总额重新核定。",
            "--at",
            "2026-11-06T10:00:00+08:00",
        ],
    );
    env.act("wushi",
        &[
            "consult",
            &id,
            "--kind",
            "major",
            "--attendee",
            "tax,hrss,medical",
            "--attendee",
            "justice",
            "--attendee",
            "finance",
            "--minutes",
            "会议纪要：一、欠费本金按县人社局核定数追缴；二、滞纳金按社会保险法第八十六条计算；三、由县税务局书面告知缴费人。",
            "--at",
            "2026-11-10T15:00:00+08:00",
        ],
    );
    let case = env.case_json(&id);
    let c = &case["consultations"][0];
    assert_eq!(c["kind"], "major");
    assert_eq!(c["attendees"].as_array().unwrap().len(), 5);
    assert!(c["minutes"].as_str().unwrap().contains("第八十六条"));

    // Minutes and one opinion are not enough: every member unit gives its written opinion
    // (regulation 四（三）2), or the leader exempts it.
    let reply = [
        "reply",
        &id,
        "--text",
        "根据领导小组会商纪要，书面告知如下……",
        "--at",
        "2026-11-12T10:00:00+08:00",
    ];
    let err = env.as_fails("zhangsan", 1, &reply);
    for name in ["县税务局", "县医保局", "县财政局", "县司法局", "县政府办"] {
        assert!(err.contains(name), "{name}: {err}");
    }
    assert!(!err.contains("县人社局"), "{err}");
    for (who, text) in [
        ("zhaoliu", "医保部分无欠费。"),
        ("qianqi", "不涉及财政退付。"),
        ("sunba", "法律适用无异议。"),
        ("wushi", "按核定数追缴。"),
    ] {
        env.act(
            who,
            &[
                "opinion",
                &id,
                "--text",
                text,
                "--at",
                "2026-11-11T10:00:00+08:00",
            ],
        );
    }
    // Only the leader exempts, and only a member that has not answered.
    let exempt = |dept: &'static str| {
        [
            "exempt",
            &id,
            "--dept",
            dept,
            "--reason",
            "不涉及本部门职责",
            "--at",
            "2026-11-11T16:00:00+08:00",
        ]
        .map(str::to_string)
    };
    let args = exempt("gov");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let err = env.as_fails("zhangsan", 1, &args);
    assert!(err.contains("组长"), "{err}");
    let args = exempt("hrss");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    env.as_fails("zhengyi", 4, &args);
    for dept in ["approval", "petition", "cac", "gov"] {
        let args = exempt(dept);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        env.act("zhengyi", &args);
    }
    assert_eq!(
        env.case_json(&id)["exemptions"].as_array().unwrap().len(),
        4
    );
    env.act("zhangsan", &reply);
    env.act(
        "zhangsan",
        &[
            "archive",
            &id,
            "--outcome",
            "accepted",
            "--at",
            "2026-11-13T09:00:00+08:00",
        ],
    );
    assert_eq!(env.case_json(&id)["status"], "archived");
    let sheet = env.ok(&["show", &id]);
    for s in ["重大事项会商", "会议纪要", "上报领导小组", "郑一"] {
        assert!(sheet.contains(s), "{s}: {sheet}");
    }
    assert_history(
        &env,
        &id,
        &[
            ("register", "zhangsan"),
            ("classify", "zhangsan"),
            ("approve", "zhengyi"),
            ("opinion", "lisi"),
            ("consult", "wushi"),
            ("opinion", "zhaoliu"),
            ("opinion", "qianqi"),
            ("opinion", "sunba"),
            ("opinion", "wushi"),
            ("exempt", "zhengyi"),
            ("exempt", "zhengyi"),
            ("exempt", "zhengyi"),
            ("exempt", "zhengyi"),
            ("reply", "zhangsan"),
            ("archive", "zhangsan"),
        ],
    );
    assert_all_cases_valid(&env);
}

#[test]
fn referral_through_the_hotline() {
    let env = Env::new();
    let id = env.register_with(
        "zhangsan",
        &[
            ("--at", "2026-11-02T09:30:00+08:00"),
            ("--payer-kind", "individual"),
            ("--payer-name", "赵红梅"),
            ("--district", "西陌镇"),
            (
                "--summary",
                "灵活就业人员养老保险视同缴费年限认定不清，不知由哪个部门负责",
            ),
        ],
    );
    env.act(
        "zhangsan",
        &[
            "escalate",
            &id,
            "--to",
            "hotline",
            "--reason",
            "职责不清，建议由县人社局承办",
            "--at",
            "2026-11-02T14:00:00+08:00",
        ],
    );
    let case = env.case_json(&id);
    assert_eq!(case["status"], "referred");
    assert_eq!(case["track"], "referral");
    assert_eq!(due(&case, "dispatch"), "2026-11-03");
    let r = &case["referral"];
    // the fields of the referral form
    assert!(r["summary"].as_str().unwrap().contains("视同缴费年限"));
    assert_eq!(r["receiver_name"], "张三");
    assert_eq!(r["receiver_phone"], "0359-3012345");
    assert!(
        r["received_at"]
            .as_str()
            .unwrap()
            .starts_with("2026-11-02T09:30:00")
    );
    assert_eq!(r["opinion"], "职责不清，建议由县人社局承办");
    assert_eq!(r["feedback_due"], "2026-11-10");

    env.act(
        "zhoujiu",
        &[
            "assign",
            &id,
            "--dept",
            "hrss",
            "--hotline-ticket",
            "RC12345-20261103-0007",
            "--at",
            "2026-11-03T09:30:00+08:00",
        ],
    );
    let case = env.case_json(&id);
    assert_eq!(case["status"], "handling");
    assert_eq!(case["referral"]["hotline_ticket"], "RC12345-20261103-0007");
    assert_eq!(case["referral"]["dispatched_by"], "zhoujiu");
    assert_eq!(
        assignments(&case),
        [("hrss".to_string(), "2026-11-10".to_string())]
    );

    // The 12345 loop (四（六）): the competent department replies to the payer directly
    // and reports back to the receiving department by the form's date (11-10); the
    // receiving department no longer writes the reply.
    assert_eq!(due(&env.case_json(&id), "reply"), "2026-11-10");
    let err = env.as_fails(
        "zhangsan",
        1,
        &[
            "reply",
            &id,
            "--text",
            "x",
            "--at",
            "2026-11-06T09:00:00+08:00",
        ],
    );
    assert!(err.contains("承办部门"), "{err}");
    let err = env.as_fails(
        "lisi",
        1,
        &[
            "opinion",
            &id,
            "--text",
            "x",
            "--at",
            "2026-11-06T09:00:00+08:00",
        ],
    );
    assert!(err.contains("dispute feedback"), "{err}");
    env.act(
        "lisi",
        &[
            "reply",
            &id,
            "--text",
            "经核查，您的视同缴费年限已认定 8 年，结果如下……",
            "--at",
            "2026-11-06T10:00:00+08:00",
        ],
    );
    let err = env.as_fails(
        "zhangsan",
        1,
        &[
            "archive",
            &id,
            "--outcome",
            "accepted",
            "--at",
            "2026-11-06T11:00:00+08:00",
        ],
    );
    assert!(err.contains("dispute feedback"), "{err}");
    env.act(
        "lisi",
        &[
            "feedback",
            &id,
            "--text",
            "经核查，视同缴费年限认定属县人社局职责，已认定 8 年并答复本人，同时反馈 12345 热线办。",
            "--at",
            "2026-11-09T10:00:00+08:00",
        ],
    );
    env.as_fails(
        "lisi",
        4,
        &[
            "feedback",
            &id,
            "--text",
            "再次反馈",
            "--at",
            "2026-11-09T11:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "archive",
            &id,
            "--outcome",
            "accepted",
            "--at",
            "2026-11-10T09:00:00+08:00",
        ],
    );
    let case = env.case_json(&id);
    assert_eq!(case["reply"]["dept"], "hrss");
    assert_eq!(case["referral"]["feedback"]["by"], "lisi");
    assert_eq!(env.case_json(&id)["status"], "archived");
    let sheet = env.ok(&["show", &id]);
    for s in ["报送单", "RC12345-20261103-0007", "县人社局"] {
        assert!(sheet.contains(s), "{s}: {sheet}");
    }
    let commits = env.case_commits(&id);
    assert!(
        commits[1]
            .subject
            .starts_with(&format!("escalate-hotline {id}: ")),
        "{commits:?}"
    );
    assert_history(
        &env,
        &id,
        &[
            ("register", "zhangsan"),
            ("escalate-hotline", "zhangsan"),
            ("dispatch", "zhoujiu"),
            ("reply", "lisi"),
            ("feedback", "lisi"),
            ("archive", "zhangsan"),
        ],
    );
    assert_all_cases_valid(&env);
    env.ok(&["verify"]);
}

#[test]
fn redirect_closes_the_case() {
    let env = Env::new();
    let id = env.register_with(
        "zhangsan",
        &[
            ("--at", "2026-11-02T09:30:00+08:00"),
            ("--payer-kind", "individual"),
            ("--payer-name", "孙建国"),
            ("--district", "阳城镇"),
            ("--summary", "咨询工伤认定申请材料"),
        ],
    );
    env.act(
        "zhangsan",
        &[
            "classify",
            &id,
            "--redirect",
            "hrss",
            "--note",
            "工伤认定不属征缴争议，已告知到县人社局工伤保险股办理",
            "--at",
            "2026-11-02T10:00:00+08:00",
        ],
    );
    let case = env.case_json(&id);
    assert_eq!(case["status"], "redirected");
    assert_eq!(case["redirect"]["dept"], "hrss");
    assert_eq!(case["redirect"]["by"], "zhangsan");
    assert!(
        case["redirect"]["note"]
            .as_str()
            .unwrap()
            .contains("工伤保险股")
    );
    // closed: no further action, no open obligation
    env.as_fails(
        "zhangsan",
        1,
        &["classify", &id, "--track", "own", "--category", "10"],
    );
    env.as_fails("zhangsan", 1, &["reply", &id, "--text", "x"]);
    let sheet = env.ok(&["show", &id]);
    assert!(sheet.contains("县人社局"), "{sheet}");
    assert!(env.list_ids(&["--overdue"]).is_empty());
    // the redirect needs a note, and cannot point at the receiving department itself
    let other = env.register("zhangsan", "2026-11-02T11:00:00+08:00");
    env.fails_plain(
        2,
        &["--as", "zhangsan", "classify", &other, "--redirect", "hrss"],
    );
    env.as_fails(
        "zhangsan",
        4,
        &["classify", &other, "--redirect", "tax", "--note", "x"],
    );
    env.as_fails(
        "zhangsan",
        4,
        &["classify", &other, "--redirect", "nowhere", "--note", "x"],
    );
    env.as_fails(
        "zhangsan",
        4,
        &["classify", &other, "--redirect", "hrss", "--note", " "],
    );
    assert_history(
        &env,
        &id,
        &[("register", "zhangsan"), ("redirect", "zhangsan")],
    );
    assert_all_cases_valid(&env);
}

#[test]
fn discipline_referral_of_a_refusing_department() {
    let env = Env::new();
    let id = env.register_with(
        "wangfang",
        &[
            ("--at", "2026-11-02T09:30:00+08:00"),
            ("--payer-name", "芮城县南卫乡兴农农机专业合作社"),
            ("--district", "南卫乡"),
            ("--summary", "申请退还多缴的社会保险费，退费流程长期无进展"),
        ],
    );
    assert_eq!(id, "APPROVAL-2026-0001");
    env.act(
        "wangfang",
        &[
            "classify",
            &id,
            "--track",
            "general",
            "--category",
            "7",
            "--at",
            "2026-11-02T15:00:00+08:00",
        ],
    );
    env.act(
        "wangfang",
        &[
            "assign",
            &id,
            "--dept",
            "tax,hrss",
            "--dept",
            "finance",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    // a department never assigned cannot be said to refuse
    env.as_fails(
        "wangfang",
        4,
        &[
            "escalate",
            &id,
            "--to",
            "discipline",
            "--dept",
            "justice",
            "--reason",
            "x",
            "--at",
            "2026-11-12T09:00:00+08:00",
        ],
    );
    // --dept is required for discipline
    env.as_fails(
        "wangfang",
        4,
        &[
            "escalate",
            &id,
            "--to",
            "discipline",
            "--reason",
            "x",
            "--at",
            "2026-11-12T09:00:00+08:00",
        ],
    );
    env.act(
        "wangfang",
        &[
            "escalate",
            &id,
            "--to",
            "discipline",
            "--dept",
            "finance",
            "--reason",
            "县财政局逾期未出具书面意见，催办两次仍无正当理由拒不办理",
            "--at",
            "2026-11-12T09:00:00+08:00",
        ],
    );
    let case = env.case_json(&id);
    assert_eq!(case["status"], "handling", "the case stays open");
    let d = &case["discipline"][0];
    assert_eq!(d["dept"], "finance");
    assert_eq!(d["by"], "wangfang");
    assert!(d["reason"].as_str().unwrap().contains("拒不办理"));
    let sheet = env.ok(&["show", &id]);
    assert!(sheet.contains("纪委监委"), "{sheet}");
    assert!(sheet.contains("县财政局"), "{sheet}");
    // the case goes on
    env.act(
        "qianqi",
        &[
            "opinion",
            &id,
            "--text",
            "同意按核定金额退费。",
            "--at",
            "2026-11-13T09:00:00+08:00",
        ],
    );
    let commits = env.case_commits(&id);
    assert_eq!(commits.last().unwrap().trailer("Dept"), Some("finance"));
    assert_history(
        &env,
        &id,
        &[
            ("register", "wangfang"),
            ("classify", "wangfang"),
            ("assign", "wangfang"),
            ("escalate-discipline", "wangfang"),
            ("opinion", "qianqi"),
        ],
    );
    assert_all_cases_valid(&env);
}

#[test]
fn escalate_to_the_leading_group_then_reject_goes_on_as_general() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-02T09:30:00+08:00");
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
            "2026-11-02T15:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "escalate",
            &id,
            "--to",
            "leading-group",
            "--reason",
            "部门意见分歧较大，请求按重大疑难事项办理",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    assert_eq!(env.case_json(&id)["status"], "awaiting_approval");
    env.act(
        "zhengyi",
        &[
            "approve",
            &id,
            "--reject",
            "--handle-as",
            "general",
            "--note",
            "按一般事项由受理部门牵头办理",
            "--at",
            "2026-11-04T09:00:00+08:00",
        ],
    );
    let case = env.case_json(&id);
    assert_eq!(case["status"], "handling");
    assert_eq!(case["track"], "general");
    assert_eq!(case["approval"]["decision"], "rejected");
    assert!(assignments(&case).is_empty());
    // a major consultation needs an approved major case
    env.as_fails(
        "wushi",
        1,
        &[
            "consult",
            &id,
            "--kind",
            "major",
            "--attendee",
            "tax",
            "--minutes",
            "x",
            "--at",
            "2026-11-05T09:00:00+08:00",
        ],
    );
    env.act(
        "wushi",
        &[
            "consult",
            &id,
            "--kind",
            "general",
            "--attendee",
            "tax,hrss",
            "--minutes",
            "一般事项会商纪要",
            "--at",
            "2026-11-05T09:00:00+08:00",
        ],
    );
    assert_history(
        &env,
        &id,
        &[
            ("register", "zhangsan"),
            ("classify", "zhangsan"),
            ("escalate-leading-group", "zhangsan"),
            ("reject", "zhengyi"),
            ("consult", "wushi"),
        ],
    );
    assert_all_cases_valid(&env);
}

#[test]
fn escalate_to_the_leading_group_then_approve_becomes_major() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-02T09:30:00+08:00");
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
            "2026-11-02T15:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "assign",
            &id,
            "--dept",
            "hrss",
            "--at",
            "2026-11-02T16:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "escalate",
            &id,
            "--to",
            "leading-group",
            "--reason",
            "涉及全县同类企业，请求专案办理",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    env.act(
        "zhengyi",
        &[
            "approve",
            &id,
            "--note",
            "同意",
            "--at",
            "2026-11-03T10:00:00+08:00",
        ],
    );
    let case = env.case_json(&id);
    assert_eq!(case["status"], "handling");
    assert_eq!(case["track"], "major");
    let depts: Vec<String> = assignments(&case).into_iter().map(|(d, _)| d).collect();
    assert_eq!(depts.len(), 9, "every member assigned once: {depts:?}");
    assert_all_cases_valid(&env);
}

#[test]
fn opinion_written_again_replaces_it_and_git_keeps_the_old_one() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-02T09:30:00+08:00");
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
    env.act(
        "zhangsan",
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
        "lisi",
        &[
            "opinion",
            &id,
            "--text",
            "初稿意见",
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
            "修改后的意见",
            "--at",
            "2026-11-04T10:00:00+08:00",
        ],
    );
    let case = env.case_json(&id);
    let opinions = case["opinions"].as_array().unwrap();
    assert_eq!(opinions.len(), 1);
    assert_eq!(opinions[0]["text"], "修改后的意见");
    let patch = env.git(&["log", "-p", "--", &case_path(&id)]);
    assert!(patch.contains("初稿意见"), "git keeps the old text");
    // withdrawing an assignment needs a reason, and keeps the record
    env.fails_plain(2, &["--as", "zhangsan", "assign", &id, "--remove", "hrss"]);
    env.act(
        "zhangsan",
        &[
            "assign",
            &id,
            "--dept",
            "medical",
            "--at",
            "2026-11-04T11:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "assign",
            &id,
            "--remove",
            "medical",
            "--reason",
            "经核实不涉及医疗保险",
            "--at",
            "2026-11-04T12:00:00+08:00",
        ],
    );
    let case = env.case_json(&id);
    assert_eq!(assignments(&case).len(), 2);
    // with medical withdrawn, the hrss opinion is enough for the reply
    env.act(
        "zhangsan",
        &[
            "reply",
            &id,
            "--text",
            "书面回复",
            "--at",
            "2026-11-05T10:00:00+08:00",
        ],
    );
    assert_all_cases_valid(&env);
}

// ---------------------------------------------------------------------------------------
// refusals

/// A casebook with one case in each of several states, all by zhangsan (tax):
/// TAX-2026-0001 registered; 0002 general handling with hrss+medical assigned;
/// 0003 major awaiting approval; 0004 referred; 0005 own replied; 0006 own archived.
fn states_fixture() -> Env {
    let env = Env::new();
    for h in 1..=6 {
        env.register("zhangsan", &format!("2026-11-02T0{h}:00:00+08:00"));
    }
    let at = "2026-11-02T10:00:00+08:00";
    env.as_ok(
        "zhangsan",
        &[
            "classify",
            "TAX-2026-0002",
            "--track",
            "general",
            "--category",
            "4",
            "--at",
            at,
        ],
    );
    env.as_ok(
        "zhangsan",
        &[
            "assign",
            "TAX-2026-0002",
            "--dept",
            "hrss,medical",
            "--at",
            at,
        ],
    );
    env.as_ok(
        "zhangsan",
        &[
            "classify",
            "TAX-2026-0003",
            "--track",
            "major",
            "--category",
            "9",
            "--at",
            at,
        ],
    );
    env.as_ok(
        "zhangsan",
        &[
            "escalate",
            "TAX-2026-0004",
            "--to",
            "hotline",
            "--reason",
            "职责不清",
            "--at",
            at,
        ],
    );
    for id in ["TAX-2026-0005", "TAX-2026-0006"] {
        env.as_ok(
            "zhangsan",
            &[
                "classify",
                id,
                "--track",
                "own",
                "--category",
                "6",
                "--at",
                at,
            ],
        );
        env.as_ok("zhangsan", &["reply", id, "--text", "书面回复", "--at", at]);
    }
    env.as_ok(
        "zhangsan",
        &[
            "archive",
            "TAX-2026-0006",
            "--outcome",
            "accepted",
            "--at",
            at,
        ],
    );
    env.assert_clean();
    env
}

const LATER: &str = "2026-11-03T10:00:00+08:00";

#[test]
fn refused_wrong_role() {
    let env = states_fixture();
    let permission = |who: &str, args: &[&str]| {
        let err = env.as_fails(who, 1, args);
        assert!(err.contains("无权"), "{who} {args:?}: {err}");
        assert!(err.contains("提示："), "{err}");
    };
    // a handler tries to classify; receivers of other departments try to act
    for who in ["lisi", "chener", "wangfang", "admin", "zhengyi", "wushi"] {
        permission(
            who,
            &[
                "classify",
                "TAX-2026-0001",
                "--track",
                "own",
                "--category",
                "3",
                "--at",
                LATER,
            ],
        );
    }
    permission(
        "chener",
        &[
            "assign",
            "TAX-2026-0002",
            "--dept",
            "justice",
            "--at",
            LATER,
        ],
    );
    permission(
        "chener",
        &[
            "escalate",
            "TAX-2026-0001",
            "--to",
            "hotline",
            "--reason",
            "x",
            "--at",
            LATER,
        ],
    );
    permission(
        "wangfang",
        &[
            "archive",
            "TAX-2026-0005",
            "--outcome",
            "accepted",
            "--at",
            LATER,
        ],
    );
    permission(
        "chener",
        &["reply", "TAX-2026-0002", "--text", "x", "--at", LATER],
    );
    // a handler writes another department's opinion
    permission(
        "lisi",
        &[
            "opinion",
            "TAX-2026-0002",
            "--dept",
            "medical",
            "--text",
            "x",
            "--at",
            LATER,
        ],
    );
    // a handler of a department that is not assigned
    permission(
        "sunba",
        &["opinion", "TAX-2026-0002", "--text", "x", "--at", LATER],
    );
    permission(
        "qianqi",
        &[
            "opinion",
            "TAX-2026-0002",
            "--dept",
            "finance",
            "--text",
            "x",
            "--at",
            LATER,
        ],
    );
    // a receiver is not a handler
    permission(
        "zhangsan",
        &[
            "opinion",
            "TAX-2026-0002",
            "--dept",
            "tax",
            "--text",
            "x",
            "--at",
            LATER,
        ],
    );
    // only the leader approves or rejects
    for who in ["zhangsan", "wushi", "zhoujiu", "lisi"] {
        permission(
            who,
            &["approve", "TAX-2026-0003", "--note", "同意", "--at", LATER],
        );
        permission(
            who,
            &[
                "approve",
                "TAX-2026-0003",
                "--reject",
                "--handle-as",
                "general",
                "--note",
                "不同意",
                "--at",
                LATER,
            ],
        );
    }
    // only a gov dispatcher dispatches a referral
    for who in ["zhangsan", "zhengyi", "wushi", "chener"] {
        permission(
            who,
            &[
                "assign",
                "TAX-2026-0004",
                "--dept",
                "hrss",
                "--hotline-ticket",
                "RC-1",
                "--at",
                LATER,
            ],
        );
    }
    // consultations: receiving department or the leading-group office
    permission(
        "lisi",
        &[
            "consult",
            "TAX-2026-0002",
            "--kind",
            "general",
            "--attendee",
            "hrss",
            "--minutes",
            "x",
            "--at",
            LATER,
        ],
    );
    // escalations to discipline: receiving department only
    permission(
        "lisi",
        &[
            "escalate",
            "TAX-2026-0002",
            "--to",
            "discipline",
            "--dept",
            "medical",
            "--reason",
            "x",
            "--at",
            LATER,
        ],
    );
    // nothing changed
    let case = env.case_json("TAX-2026-0001");
    assert_eq!(case["status"], "registered");
    assert_eq!(env.case_json("TAX-2026-0002")["opinions"], Value::Null);
    env.assert_clean();
}

#[test]
fn refused_wrong_state() {
    let env = states_fixture();
    let state = |who: &str, args: &[&str]| {
        let err = env.as_fails(who, 1, args);
        assert!(err.contains("当前状态"), "{who} {args:?}: {err}");
    };
    // registered
    state(
        "zhangsan",
        &["reply", "TAX-2026-0001", "--text", "x", "--at", LATER],
    );
    state(
        "zhangsan",
        &[
            "archive",
            "TAX-2026-0001",
            "--outcome",
            "accepted",
            "--at",
            LATER,
        ],
    );
    state(
        "zhangsan",
        &["assign", "TAX-2026-0001", "--dept", "hrss", "--at", LATER],
    );
    state(
        "zhengyi",
        &["approve", "TAX-2026-0001", "--note", "x", "--at", LATER],
    );
    state(
        "zhangsan",
        &[
            "consult",
            "TAX-2026-0001",
            "--kind",
            "general",
            "--attendee",
            "tax",
            "--minutes",
            "x",
            "--at",
            LATER,
        ],
    );
    // handling
    state(
        "zhangsan",
        &[
            "archive",
            "TAX-2026-0002",
            "--outcome",
            "accepted",
            "--at",
            LATER,
        ],
    );
    state(
        "zhengyi",
        &["approve", "TAX-2026-0002", "--note", "x", "--at", LATER],
    );
    // a general matter under handling is not classified again (only own → general is)
    let err = env.as_fails(
        "zhangsan",
        1,
        &[
            "classify",
            "TAX-2026-0002",
            "--track",
            "own",
            "--category",
            "3",
            "--at",
            LATER,
        ],
    );
    assert!(err.contains("改为“一般事项”"), "{err}");
    // awaiting approval
    state(
        "zhangsan",
        &["reply", "TAX-2026-0003", "--text", "x", "--at", LATER],
    );
    state(
        "zhangsan",
        &["assign", "TAX-2026-0003", "--dept", "hrss", "--at", LATER],
    );
    state(
        "wushi",
        &[
            "consult",
            "TAX-2026-0003",
            "--kind",
            "major",
            "--attendee",
            "tax",
            "--minutes",
            "x",
            "--at",
            LATER,
        ],
    );
    // referred
    state(
        "zhangsan",
        &["reply", "TAX-2026-0004", "--text", "x", "--at", LATER],
    );
    state(
        "zhangsan",
        &[
            "escalate",
            "TAX-2026-0004",
            "--to",
            "leading-group",
            "--reason",
            "x",
            "--at",
            LATER,
        ],
    );
    // replied
    state(
        "zhangsan",
        &["reply", "TAX-2026-0005", "--text", "x", "--at", LATER],
    );
    state(
        "zhangsan",
        &["assign", "TAX-2026-0005", "--dept", "hrss", "--at", LATER],
    );
    // archived
    state(
        "zhangsan",
        &[
            "archive",
            "TAX-2026-0006",
            "--outcome",
            "accepted",
            "--at",
            LATER,
        ],
    );
    state(
        "zhangsan",
        &[
            "escalate",
            "TAX-2026-0006",
            "--to",
            "hotline",
            "--reason",
            "x",
            "--at",
            LATER,
        ],
    );
    env.assert_clean();
}

#[test]
fn own_cases_take_no_assignment() {
    let env = states_fixture();
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
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
            LATER,
        ],
    );
    env.as_fails(
        "zhangsan",
        1,
        &["assign", &id, "--dept", "hrss", "--at", LATER],
    );
}

#[test]
fn reply_refused_until_the_required_records_are_there() {
    let env = states_fixture();
    // general: every assigned department's opinion
    env.as_ok(
        "lisi",
        &[
            "opinion",
            "TAX-2026-0002",
            "--text",
            "人社意见",
            "--at",
            LATER,
        ],
    );
    let err = env.as_fails(
        "zhangsan",
        1,
        &["reply", "TAX-2026-0002", "--text", "x", "--at", LATER],
    );
    assert!(
        err.contains("县医保局"),
        "names the missing department: {err}"
    );
    assert!(!err.contains("县人社局"), "hrss gave its opinion: {err}");
    env.as_ok(
        "zhaoliu",
        &[
            "opinion",
            "TAX-2026-0002",
            "--text",
            "医保意见",
            "--at",
            LATER,
        ],
    );
    env.as_ok(
        "zhangsan",
        &[
            "reply",
            "TAX-2026-0002",
            "--text",
            "书面回复",
            "--at",
            LATER,
        ],
    );

    // general with no department assigned at all
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    env.as_ok(
        "zhangsan",
        &[
            "classify",
            &id,
            "--track",
            "general",
            "--category",
            "3",
            "--at",
            LATER,
        ],
    );
    let err = env.as_fails("zhangsan", 1, &["reply", &id, "--text", "x", "--at", LATER]);
    assert!(err.contains("联办部门"), "{err}");

    // major: minutes of a major consultation
    env.as_ok(
        "zhengyi",
        &["approve", "TAX-2026-0003", "--note", "同意", "--at", LATER],
    );
    let err = env.as_fails(
        "zhangsan",
        1,
        &["reply", "TAX-2026-0003", "--text", "x", "--at", LATER],
    );
    assert!(err.contains("会议纪要"), "{err}");
    env.as_ok(
        "wushi",
        &[
            "consult",
            "TAX-2026-0003",
            "--kind",
            "general",
            "--attendee",
            "tax",
            "--minutes",
            "一般会商",
            "--at",
            LATER,
        ],
    );
    let err = env.as_fails(
        "zhangsan",
        1,
        &["reply", "TAX-2026-0003", "--text", "x", "--at", LATER],
    );
    assert!(
        err.contains("会议纪要"),
        "a general consultation is not enough: {err}"
    );
    env.as_ok(
        "wushi",
        &[
            "consult",
            "TAX-2026-0003",
            "--kind",
            "major",
            "--attendee",
            "tax,hrss",
            "--minutes",
            "专案会商纪要",
            "--at",
            LATER,
        ],
    );
    // ... and every member unit's written opinion, or the leader's exemption of it.
    let err = env.as_fails(
        "zhangsan",
        1,
        &["reply", "TAX-2026-0003", "--text", "x", "--at", LATER],
    );
    assert!(
        err.contains("成员单位的书面意见（县税务局、县人社局、")
            && err.contains("县委网信办、县政府办；也可由组长同意免予出具")
            && !err.contains("会议纪要"),
        "{err}"
    );
    for dept in [
        "tax", "hrss", "medical", "justice", "finance", "approval", "petition", "cac", "gov",
    ] {
        env.as_ok(
            "zhengyi",
            &[
                "exempt",
                "TAX-2026-0003",
                "--dept",
                dept,
                "--reason",
                "测试：免予出具",
                "--at",
                LATER,
            ],
        );
    }
    env.as_ok(
        "zhangsan",
        &[
            "reply",
            "TAX-2026-0003",
            "--text",
            "书面回复",
            "--at",
            LATER,
        ],
    );

    // referral: dispatched, the competent department replies itself
    env.as_ok(
        "zhoujiu",
        &[
            "assign",
            "TAX-2026-0004",
            "--dept",
            "medical",
            "--hotline-ticket",
            "RC-2",
            "--at",
            LATER,
        ],
    );
    let err = env.as_fails(
        "zhangsan",
        1,
        &["reply", "TAX-2026-0004", "--text", "x", "--at", LATER],
    );
    assert!(err.contains("承办部门"), "{err}");
    env.as_ok(
        "zhaoliu",
        &[
            "reply",
            "TAX-2026-0004",
            "--text",
            "书面回复",
            "--at",
            LATER,
        ],
    );

    // archive: an objection needs the remedy; acceptance takes none
    env.as_fails(
        "zhangsan",
        4,
        &[
            "archive",
            "TAX-2026-0005",
            "--outcome",
            "objected",
            "--at",
            LATER,
        ],
    );
    env.as_fails(
        "zhangsan",
        4,
        &[
            "archive",
            "TAX-2026-0005",
            "--outcome",
            "accepted",
            "--remedy",
            "litigation",
            "--at",
            LATER,
        ],
    );
    env.fails_plain(
        2,
        &[
            "--as",
            "zhangsan",
            "archive",
            "TAX-2026-0005",
            "--outcome",
            "maybe",
        ],
    );
    env.as_ok(
        "zhangsan",
        &[
            "archive",
            "TAX-2026-0005",
            "--outcome",
            "objected",
            "--remedy",
            "litigation",
            "--at",
            LATER,
        ],
    );
    env.assert_clean();
    assert_all_cases_valid(&env);
}

#[test]
fn dispatch_needs_a_hotline_ticket() {
    let env = states_fixture();
    env.as_fails(
        "zhoujiu",
        4,
        &["assign", "TAX-2026-0004", "--dept", "hrss", "--at", LATER],
    );
    // a ticket on an ordinary assignment is refused too
    env.as_fails(
        "zhangsan",
        4,
        &[
            "assign",
            "TAX-2026-0002",
            "--dept",
            "justice",
            "--hotline-ticket",
            "RC-3",
            "--at",
            LATER,
        ],
    );
    env.as_fails(
        "zhoujiu",
        4,
        &[
            "assign",
            "TAX-2026-0004",
            "--dept",
            "nowhere",
            "--hotline-ticket",
            "RC-3",
            "--at",
            LATER,
        ],
    );
}

#[test]
fn refused_bad_dates() {
    let env = states_fixture();
    // A report date that is not a date.
    env.fails(4, &["overdue", "--as-of", "2026-11-31"]);
    // before the case's previous event (registration at 01:00, classify at 10:00 on 11-02)
    let err = env.as_fails(
        "zhangsan",
        4,
        &[
            "classify",
            "TAX-2026-0001",
            "--track",
            "own",
            "--category",
            "3",
            "--at",
            "2026-11-02T00:30:00+08:00",
        ],
    );
    assert!(
        err.contains("2026-11-02T01:00:00+08:00"),
        "names the previous event: {err}"
    );
    env.as_fails(
        "zhangsan",
        4,
        &[
            "assign",
            "TAX-2026-0002",
            "--dept",
            "justice",
            "--at",
            "2026-11-02T09:59:59+08:00",
        ],
    );
    env.as_fails(
        "lisi",
        4,
        &[
            "opinion",
            "TAX-2026-0002",
            "--text",
            "x",
            "--at",
            "2026-11-01T10:00:00+08:00",
        ],
    );
    env.as_fails(
        "zhangsan",
        4,
        &[
            "archive",
            "TAX-2026-0005",
            "--outcome",
            "accepted",
            "--at",
            "2026-10-01T10:00:00+08:00",
        ],
    );
    // in the future
    env.as_fails(
        "zhangsan",
        4,
        &[
            "classify",
            "TAX-2026-0001",
            "--track",
            "own",
            "--category",
            "3",
            "--at",
            "2026-11-27T10:00:01+08:00",
        ],
    );
    env.as_fails(
        "zhengyi",
        4,
        &[
            "approve",
            "TAX-2026-0003",
            "--note",
            "x",
            "--at",
            "2026-12-01T09:00:00+08:00",
        ],
    );
    env.as_fails(
        "zhangsan",
        4,
        &[
            "reply",
            "TAX-2026-0002",
            "--text",
            "x",
            "--at",
            "2027-01-01T09:00:00+08:00",
        ],
    );
    // unparsable
    env.as_fails(
        "zhangsan",
        4,
        &[
            "classify",
            "TAX-2026-0001",
            "--track",
            "own",
            "--category",
            "3",
            "--at",
            "tomorrow",
        ],
    );
    env.as_fails(
        "zhangsan",
        4,
        &[
            "assign",
            "TAX-2026-0002",
            "--dept",
            "justice",
            "--due",
            "2026-13-01",
            "--at",
            LATER,
        ],
    );
    // a due date before the assignment
    env.as_fails(
        "zhangsan",
        4,
        &[
            "assign",
            "TAX-2026-0002",
            "--dept",
            "justice",
            "--due",
            "2026-11-01",
            "--at",
            LATER,
        ],
    );
    // the same moment as the previous event is fine; the event records --at,
    // the commit keeps the real time
    env.as_ok(
        "zhangsan",
        &[
            "classify",
            "TAX-2026-0001",
            "--track",
            "own",
            "--category",
            "3",
            "--at",
            "2026-11-02T01:00:00+08:00",
        ],
    );
    let case = env.case_json("TAX-2026-0001");
    let last = case["events"].as_array().unwrap().last().unwrap().clone();
    assert!(
        last["at"]
            .as_str()
            .unwrap()
            .starts_with("2026-11-02T01:00:00"),
        "{last}"
    );
    let committed = env.git(&["log", "-1", "--format=%cI"]);
    assert!(
        !committed.starts_with("2026-11-02T01:00:00"),
        "commit time is real: {committed}"
    );
    let at_trailer = env.git(&["log", "-1", "--format=%(trailers:key=At,valueonly)"]);
    assert!(
        at_trailer.trim().is_empty() || at_trailer.contains("2026-11-02T01:00:00"),
        "{at_trailer}"
    );
}

#[test]
fn workflow_bad_input() {
    let env = states_fixture();
    env.as_fails(
        "zhangsan",
        4,
        &[
            "classify",
            "TAX-2026-0001",
            "--track",
            "own",
            "--category",
            "11",
            "--at",
            LATER,
        ],
    );
    env.as_fails(
        "zhangsan",
        4,
        &[
            "classify",
            "TAX-2026-0001",
            "--track",
            "own",
            "--category",
            "0",
            "--at",
            LATER,
        ],
    );
    // No category at registration and none given now (issue 12: a category given at
    // registration would be used).
    env.as_fails(
        "zhangsan",
        1,
        &["classify", "TAX-2026-0001", "--track", "own"],
    );
    env.fails_plain(2, &["--as", "zhangsan", "classify", "TAX-2026-0001"]);
    env.fails_plain(
        2,
        &[
            "--as",
            "zhangsan",
            "classify",
            "TAX-2026-0001",
            "--track",
            "sideways",
            "--category",
            "3",
        ],
    );
    env.as_fails(
        "zhangsan",
        4,
        &[
            "assign",
            "TAX-2026-0002",
            "--dept",
            "nowhere",
            "--at",
            LATER,
        ],
    );
    env.as_fails(
        "zhangsan",
        4,
        &["assign", "TAX-2026-0002", "--dept", "hrss", "--at", LATER],
    );
    env.as_fails(
        "zhangsan",
        4,
        &["assign", "TAX-2026-0002", "--dept", "tax", "--at", LATER],
    );
    env.as_fails(
        "lisi",
        4,
        &["opinion", "TAX-2026-0002", "--text", "  ", "--at", LATER],
    );
    env.fails_plain(2, &["--as", "lisi", "opinion", "TAX-2026-0002"]);
    env.as_fails(
        "lisi",
        4,
        &[
            "opinion",
            "TAX-2026-0002",
            "--file",
            "/nonexistent/opinion.txt",
            "--at",
            LATER,
        ],
    );
    env.as_fails(
        "zhangsan",
        4,
        &[
            "escalate",
            "TAX-2026-0001",
            "--to",
            "hotline",
            "--reason",
            "",
            "--at",
            LATER,
        ],
    );
    env.as_fails(
        "zhangsan",
        4,
        &[
            "escalate",
            "TAX-2026-0001",
            "--to",
            "hotline",
            "--reason",
            "x",
            "--receiver-phone",
            "123",
            "--at",
            LATER,
        ],
    );
    env.fails_plain(
        2,
        &[
            "--as",
            "zhangsan",
            "escalate",
            "TAX-2026-0001",
            "--to",
            "mars",
            "--reason",
            "x",
        ],
    );
    env.as_fails(
        "wushi",
        4,
        &[
            "consult",
            "TAX-2026-0002",
            "--kind",
            "general",
            "--attendee",
            "nowhere",
            "--minutes",
            "x",
            "--at",
            LATER,
        ],
    );
    env.as_fails(
        "wushi",
        4,
        &[
            "consult",
            "TAX-2026-0002",
            "--kind",
            "general",
            "--attendee",
            "tax",
            "--minutes",
            " ",
            "--at",
            LATER,
        ],
    );
    env.as_fails(
        "zhengyi",
        4,
        &["approve", "TAX-2026-0003", "--note", "", "--at", LATER],
    );
    env.as_fails(
        "zhangsan",
        3,
        &["reply", "TAX-2026-0099", "--text", "x", "--at", LATER],
    );
    env.as_fails(
        "zhangsan",
        4,
        &["reply", "../TAX-2026-0002", "--text", "x", "--at", LATER],
    );
    env.assert_clean();
}

// ---------------------------------------------------------------------------------------
// deadlines and the overdue report

#[test]
fn deadlines_follow_the_official_calendar() {
    let env = Env::new();
    // Friday 2026-02-13 + 1 working day = Saturday 02-14 (调休)
    let a = env.register("zhangsan", "2026-02-13T10:00:00+08:00");
    assert_eq!(due(&env.case_json(&a), "classify"), "2026-02-14");
    // Saturday 02-14 (worked) + 1 = Tuesday 02-24, after the Spring Festival
    let b = env.register("zhangsan", "2026-02-14T10:00:00+08:00");
    assert_eq!(due(&env.case_json(&b), "classify"), "2026-02-24");
    // Wednesday 09-30 + 1 = Thursday 10-08, after the National Day holiday
    let c = env.register("zhangsan", "2026-09-30T10:00:00+08:00");
    assert_eq!(due(&env.case_json(&c), "classify"), "2026-10-08");
    // the example: 5 working days from 2026-09-30 is 2026-10-13
    env.as_ok(
        "zhangsan",
        &[
            "classify",
            &c,
            "--track",
            "general",
            "--category",
            "3",
            "--at",
            "2026-09-30T11:00:00+08:00",
        ],
    );
    env.as_ok(
        "zhangsan",
        &[
            "assign",
            &c,
            "--dept",
            "hrss",
            "--at",
            "2026-09-30T15:00:00+08:00",
        ],
    );
    let case = env.case_json(&c);
    assert_eq!(
        assignments(&case),
        [("hrss".to_string(), "2026-10-13".to_string())]
    );
    // reply: 15 working days from registration on 09-30 (10-10 worked)
    assert_eq!(due(&case, "reply"), "2026-10-27");
    // an explicit due date is kept
    env.as_ok(
        "zhangsan",
        &[
            "assign",
            &c,
            "--dept",
            "medical",
            "--due",
            "2026-10-20",
            "--at",
            "2026-09-30T16:00:00+08:00",
        ],
    );
    let case = env.case_json(&c);
    assert_eq!(
        assignments(&case)[1],
        ("medical".to_string(), "2026-10-20".to_string())
    );
    // 2025: Tuesday 2025-09-30 + 1 = Thursday 2025-10-09 (10-01..10-08 off)
    let d = env.register("zhangsan", "2025-09-30T10:00:00+08:00");
    assert_eq!(d, "TAX-2025-0001");
    assert_eq!(due(&env.case_json(&d), "classify"), "2025-10-09");
    assert_all_cases_valid(&env);
}

/// Late obligations, computed by hand from the 2026 calendar of DESIGN §7:
/// - TAX-2026-0001 registered Wed 09-30, never classified: classify due Thu 10-08.
/// - TAX-2026-0002 registered 09-30, general, hrss+medical assigned 09-30 (due 10-13); hrss
///   answered 10-12, medical never; reply due 10-27 (15 working days, 10-10 worked).
/// - TAX-2026-0003 registered Thu 09-24, never classified: due Mon 09-28 (09-25..27 off).
/// - TAX-2026-0004 registered Mon 10-12, referred that day: dispatch due 10-13, never
///   dispatched; reply due 11-02.
/// - TAX-2026-0005 registered Thu 10-08, own, replied Fri 10-09: archive due 10-15
///   (10-10 Saturday worked), never archived.
/// - TAX-2026-0006 archived in time: nothing owed.
fn overdue_fixture() -> Env {
    let env = Env::new();
    let a = env.register("zhangsan", "2026-09-30T10:00:00+08:00");
    let b = env.register("zhangsan", "2026-09-30T10:30:00+08:00");
    let c = env.register("zhangsan", "2026-09-24T10:00:00+08:00");
    let d = env.register("zhangsan", "2026-10-12T09:00:00+08:00");
    let e = env.register("zhangsan", "2026-10-08T09:00:00+08:00");
    let f = env.register("zhangsan", "2026-10-08T10:00:00+08:00");
    assert_eq!(
        [a.as_str(), &b, &c, &d, &e, &f],
        [
            "TAX-2026-0001",
            "TAX-2026-0002",
            "TAX-2026-0003",
            "TAX-2026-0004",
            "TAX-2026-0005",
            "TAX-2026-0006"
        ]
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
            "2026-09-30T11:00:00+08:00",
        ],
    );
    env.as_ok(
        "zhangsan",
        &[
            "assign",
            &b,
            "--dept",
            "hrss,medical",
            "--at",
            "2026-09-30T15:00:00+08:00",
        ],
    );
    env.as_ok(
        "lisi",
        &[
            "opinion",
            &b,
            "--text",
            "人社意见",
            "--at",
            "2026-10-12T10:00:00+08:00",
        ],
    );
    env.as_ok(
        "zhangsan",
        &[
            "escalate",
            &d,
            "--to",
            "hotline",
            "--reason",
            "职责不清",
            "--at",
            "2026-10-12T10:00:00+08:00",
        ],
    );
    for id in [&e, &f] {
        env.as_ok(
            "zhangsan",
            &[
                "classify",
                id,
                "--track",
                "own",
                "--category",
                "6",
                "--at",
                "2026-10-08T11:00:00+08:00",
            ],
        );
        env.as_ok(
            "zhangsan",
            &[
                "reply",
                id,
                "--text",
                "书面回复",
                "--at",
                "2026-10-09T10:00:00+08:00",
            ],
        );
    }
    env.as_ok(
        "zhangsan",
        &[
            "archive",
            &f,
            "--outcome",
            "accepted",
            "--at",
            "2026-10-12T10:00:00+08:00",
        ],
    );
    env.assert_clean();
    env
}

fn overdue_rows(
    env: &Env,
    extra: &[&str],
) -> Vec<(String, String, String, Option<String>, String, u64)> {
    let mut args = vec!["overdue", "--json"];
    args.extend_from_slice(extra);
    let rows: Value = serde_json::from_str(&env.ok(&args)).expect("json");
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["case"].as_str().unwrap().to_string(),
                r["what"].as_str().unwrap().to_string(),
                r["dept"].as_str().unwrap().to_string(),
                r["operator"].as_str().map(str::to_string),
                r["due"].as_str().unwrap().to_string(),
                r["days_late"].as_u64().unwrap(),
            )
        })
        .collect()
}

type Row<'a> = (&'a str, &'a str, &'a str, Option<&'a str>, &'a str, u64);

fn owned(rows: &[Row]) -> Vec<(String, String, String, Option<String>, String, u64)> {
    rows.iter()
        .map(|r| {
            (
                r.0.to_string(),
                r.1.to_string(),
                r.2.to_string(),
                r.3.map(str::to_string),
                r.4.to_string(),
                r.5,
            )
        })
        .collect()
}

#[test]
fn overdue_as_of_a_date_lists_late_obligations_most_late_first() {
    let env = overdue_fixture();
    let rows = overdue_rows(&env, &["--as-of", "2026-10-20"]);
    // working days late as of Tue 10-20:
    // 0003 classify due 09-28: 09-29, 09-30, 10-08, 10-09, 10-10, 10-12..16, 10-19, 10-20 = 12
    // 0001 classify due 10-08: 10-09, 10-10, 10-12..16, 10-19, 10-20 = 9
    // 0002 medical opinion due 10-13: 10-14, 10-15, 10-16, 10-19, 10-20 = 5
    // 0004 dispatch due 10-13: 5
    // 0005 archive due 10-15: 10-16, 10-19, 10-20 = 3
    let mut expected = owned(&[
        (
            "TAX-2026-0003",
            "classify",
            "tax",
            Some("zhangsan"),
            "2026-09-28",
            12,
        ),
        (
            "TAX-2026-0001",
            "classify",
            "tax",
            Some("zhangsan"),
            "2026-10-08",
            9,
        ),
        ("TAX-2026-0002", "opinion", "medical", None, "2026-10-13", 5),
        ("TAX-2026-0004", "dispatch", "gov", None, "2026-10-13", 5),
        (
            "TAX-2026-0005",
            "archive",
            "tax",
            Some("zhangsan"),
            "2026-10-15",
            3,
        ),
    ]);
    assert_eq!(rows, expected);

    let table = env.ok(&["overdue", "--as-of", "2026-10-20"]);
    for s in ["TAX-2026-0003", "县医保局", "县政府办", "张三", "12"] {
        assert!(table.contains(s), "{s}: {table}");
    }
    assert!(!table.contains("TAX-2026-0006"), "{table}");
    assert!(table.find("TAX-2026-0003").unwrap() < table.find("TAX-2026-0005").unwrap());

    // --dept keeps the rows a department owes
    assert_eq!(
        overdue_rows(&env, &["--as-of", "2026-10-20", "--dept", "medical"]),
        expected[2..3]
    );
    assert_eq!(
        overdue_rows(&env, &["--as-of", "2026-10-20", "--dept", "gov"]),
        expected[3..4]
    );
    // on the due day itself nothing is late yet
    let rows = overdue_rows(&env, &["--as-of", "2026-10-08"]);
    assert_eq!(
        rows,
        owned(&[(
            "TAX-2026-0003",
            "classify",
            "tax",
            Some("zhangsan"),
            "2026-09-28",
            3
        )])
    );

    // as of today (the fixed clock, Fri 11-27)
    // 0003 classify: 40; 0001 classify: 37; 0002 opinion: 33, reply due 10-27: 23;
    // 0004 dispatch: 33, reply due 11-02: 19; 0005 archive due 10-15: 31
    let rows = overdue_rows(&env, &[]);
    expected = owned(&[
        (
            "TAX-2026-0003",
            "classify",
            "tax",
            Some("zhangsan"),
            "2026-09-28",
            40,
        ),
        (
            "TAX-2026-0001",
            "classify",
            "tax",
            Some("zhangsan"),
            "2026-10-08",
            37,
        ),
        (
            "TAX-2026-0002",
            "opinion",
            "medical",
            None,
            "2026-10-13",
            33,
        ),
        ("TAX-2026-0004", "dispatch", "gov", None, "2026-10-13", 33),
        (
            "TAX-2026-0005",
            "archive",
            "tax",
            Some("zhangsan"),
            "2026-10-15",
            31,
        ),
        (
            "TAX-2026-0002",
            "reply",
            "tax",
            Some("zhangsan"),
            "2026-10-27",
            23,
        ),
        // TAX-2026-0004 waits for gov's dispatch: the receiving department owes no reply
        // on a referral (the competent department replies, issue 13).
    ]);
    assert_eq!(rows, expected);
    assert!(rows.windows(2).all(|w| w[0].5 >= w[1].5), "most late first");

    env.fails(4, &["overdue", "--as-of", "2026-10-32"]);
    env.fails(4, &["overdue", "--dept", "nowhere"]);
}

#[test]
fn list_overdue_and_show_mark_what_is_late() {
    let env = overdue_fixture();
    let rows: Value = serde_json::from_str(&env.ok(&["list", "--overdue", "--json"])).unwrap();
    let got: Vec<(&str, u64)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["id"].as_str().unwrap(), r["days_late"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("TAX-2026-0001", 37),
            ("TAX-2026-0002", 33),
            ("TAX-2026-0003", 40),
            ("TAX-2026-0004", 33),
            ("TAX-2026-0005", 31),
        ]
    );
    let table = env.ok(&["list", "--overdue"]);
    assert!(!table.contains("TAX-2026-0006"), "{table}");
    assert!(table.contains("超期"), "{table}");
    assert_eq!(
        env.list_ids(&["--overdue", "--status", "registered"]),
        ["TAX-2026-0001", "TAX-2026-0003"]
    );
    assert_eq!(
        env.list_ids(&["--overdue", "--track", "referral"]),
        ["TAX-2026-0004"]
    );

    let sheet = env.ok(&["show", "TAX-2026-0001"]);
    assert!(sheet.contains("2026-10-08"), "{sheet}");
    assert!(sheet.contains("已超期 37 个工作日"), "{sheet}");
    let sheet = env.ok(&["show", "TAX-2026-0002"]);
    assert!(
        sheet.contains("已超期 33 个工作日"),
        "medical opinion: {sheet}"
    );
    assert!(sheet.contains("已超期 23 个工作日"), "reply: {sheet}");
    let sheet = env.ok(&["show", "TAX-2026-0006"]);
    assert!(!sheet.contains("已超期"), "{sheet}");
}

#[test]
fn deadline_settings_apply_to_new_actions_and_never_rewrite_history() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-02T09:30:00+08:00");
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
    env.act(
        "zhangsan",
        &[
            "assign",
            &id,
            "--dept",
            "hrss",
            "--at",
            "2026-11-02T11:00:00+08:00",
        ],
    );
    let before = env.case_json(&id);
    assert_eq!(
        assignments(&before),
        [("hrss".to_string(), "2026-11-09".to_string())]
    );
    assert_eq!(due(&before, "reply"), "2026-11-23");

    // the office shortens the opinion limit to 3 working days and the reply limit to 10
    let text = env.read("casebook.toml");
    let changed =
        text.replacen("opinion = 5", "opinion = 3", 1)
            .replacen("reply = 15", "reply = 10", 1);
    assert_ne!(changed, text);
    std::fs::write(env.path("casebook.toml"), changed).unwrap();
    env.git_commit_all("settings: shorter limits");

    env.act(
        "zhangsan",
        &[
            "assign",
            &id,
            "--dept",
            "medical",
            "--at",
            "2026-11-02T12:00:00+08:00",
        ],
    );
    let after = env.case_json(&id);
    assert_eq!(
        assignments(&after),
        [
            ("hrss".to_string(), "2026-11-09".to_string()),
            ("medical".to_string(), "2026-11-05".to_string())
        ],
        "the old due date stays, the new one uses the new limit"
    );
    assert_eq!(
        due(&after, "reply"),
        "2026-11-23",
        "stored due dates are not recomputed"
    );
    let other = env.register("zhangsan", "2026-11-02T13:00:00+08:00");
    env.act(
        "zhangsan",
        &[
            "classify",
            &other,
            "--track",
            "own",
            "--category",
            "3",
            "--at",
            "2026-11-02T14:00:00+08:00",
        ],
    );
    assert_eq!(due(&env.case_json(&other), "reply"), "2026-11-16");
}

#[test]
fn the_calendar_is_extendable_in_casebook_toml() {
    let mut env = Env::new();
    env.now = "2027-01-08T10:00:00+08:00".to_string();
    // Without a 2027 calendar, Friday 2027-01-01 counts as a working day.
    let a = env.register("zhangsan", "2026-12-31T10:00:00+08:00");
    assert_eq!(due(&env.case_json(&a), "classify"), "2027-01-01");
    let text = env.read("casebook.toml");
    std::fs::write(
        env.path("casebook.toml"),
        format!("{text}\n[[calendar]]\nyear = 2027\nholidays = [\"2027-01-01/2027-01-03\"]\nworkdays = []\n"),
    )
    .unwrap();
    env.git_commit_all("calendar: 2027 New Year holiday");
    let b = env.register("zhangsan", "2026-12-31T11:00:00+08:00");
    assert_eq!(due(&env.case_json(&b), "classify"), "2027-01-04");
    // the earlier case keeps its stored date
    assert_eq!(due(&env.case_json(&a), "classify"), "2027-01-01");
    assert_all_cases_valid(&env);
}

#[test]
fn a_dispatcher_outside_gov_cannot_dispatch() {
    let env = states_fixture();
    env.as_ok(
        "admin",
        &[
            "operator",
            "add",
            "hejun",
            "--name",
            "何军",
            "--email",
            "hejun@rc.example.cn",
            "--dept",
            "tax",
            "--role",
            "dispatcher",
        ],
    );
    let err = env.as_fails(
        "hejun",
        1,
        &[
            "assign",
            "TAX-2026-0004",
            "--dept",
            "hrss",
            "--hotline-ticket",
            "RC-9",
            "--at",
            LATER,
        ],
    );
    assert!(err.contains("县政府办") || err.contains("gov"), "{err}");
}

#[test]
fn a_withdrawn_department_can_no_longer_give_its_opinion() {
    let env = states_fixture();
    env.as_ok(
        "zhangsan",
        &[
            "assign",
            "TAX-2026-0002",
            "--remove",
            "medical",
            "--reason",
            "不涉及医疗保险",
            "--at",
            LATER,
        ],
    );
    env.as_fails(
        "zhaoliu",
        1,
        &["opinion", "TAX-2026-0002", "--text", "x", "--at", LATER],
    );
    env.as_fails(
        "zhangsan",
        4,
        &[
            "assign",
            "TAX-2026-0002",
            "--remove",
            "justice",
            "--reason",
            "x",
            "--at",
            LATER,
        ],
    );
}

#[test]
fn a_major_case_awaiting_approval_owes_the_leaders_decision() {
    // Issue 13: the leader's decision has its own time limit (deadlines.approval, 3 working
    // days) and its own line in `overdue`; the receiving department's reply waits for it.
    // Registered and classified major on Wed 2026-09-30, the leader never decided: 3
    // working days (10-01..10-07 off) is Sat 10-10 (worked); as of Fri 11-27 that is 35
    // working days late (seven weeks of five days, 10-12..11-27).
    let env = Env::new();
    let id = env.register("zhangsan", "2026-09-30T10:00:00+08:00");
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
            "2026-09-30T11:00:00+08:00",
        ],
    );
    assert_eq!(env.case_json(&id)["status"], "awaiting_approval");
    assert_eq!(env.case_json(&id)["due"]["approval"], "2026-10-10");
    let rows = overdue_rows(&env, &[]);
    assert_eq!(
        rows,
        owned(&[(
            "TAX-2026-0001",
            "approval",
            "leading-group",
            None,
            "2026-10-10",
            35
        )]),
        "a case waiting for the leader must not drop out of the overdue report"
    );
    assert_eq!(env.list_ids(&["--overdue"]), ["TAX-2026-0001"]);
    // The leader's own line, not the receiving department's.
    let out = env.ok(&["overdue"]);
    assert!(
        out.contains("组长审批") && out.contains("领导小组"),
        "{out}"
    );
    assert_eq!(overdue_rows(&env, &["--dept", "tax"]), owned(&[]));
    assert_eq!(overdue_rows(&env, &["--dept", "leading-group"]).len(), 1);
}

#[test]
fn long_text_from_stdin_and_files() {
    let env = states_fixture();
    let opinion = "经核查：\n一、参保人数无误；\n二、缴费基数按核定工资总额确定。";
    let out = env
        .cmd()
        .env("DISPUTE_KEY", key_file("lisi"))
        .args([
            "--as",
            "lisi",
            "opinion",
            "TAX-2026-0002",
            "--file",
            "-",
            "--at",
            LATER,
        ])
        .write_stdin(opinion)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let case = env.case_json("TAX-2026-0002");
    assert_eq!(case["opinions"][0]["text"], opinion);
    // text and file together, control characters, a directory: bad input
    env.as_fails(
        "zhaoliu",
        4,
        &[
            "opinion",
            "TAX-2026-0002",
            "--text",
            "a\u{0007}b",
            "--at",
            LATER,
        ],
    );
    let dir = env.root().to_str().unwrap().to_string();
    env.as_fails(
        "zhaoliu",
        4,
        &["opinion", "TAX-2026-0002", "--file", &dir, "--at", LATER],
    );
    env.fails_plain(
        2,
        &[
            "--as",
            "zhaoliu",
            "opinion",
            "TAX-2026-0002",
            "--text",
            "x",
            "--file",
            "-",
        ],
    );
    env.assert_clean();
}
