//! Issue 4: a trustworthy audit trail — `verify`, crash and concurrency safety, hostile
//! input, confidential payer data.
//!
//! What these tests exercise (for the issue's closing note):
//! - tampering found by `verify`, injected with plain `git`: 11 kinds in 14 injections —
//!   (a) a status edited by hand, committed without trailers; (b) the same edit with a real
//!   action's trailers and the right author, and a complete forgery (event appended, fields
//!   set) that the replay finds is not the action's result; (c) a forged author; (d) an
//!   opinion for hrss written by a medical handler; (e) a deleted case file; (f) a renamed
//!   case file, and one moved to another directory; (g) an operator added by a plain commit,
//!   and one with a non-admin's forged trailers; (h) an event time running backwards; (i) a
//!   case ID reused; a hand-resolved merge; a case file made unreadable by hand. Plus
//!   `--since`, a clean merge of two clones and the `make demo` history, which verify clean.
//! - bad inputs: 52 distinct, in 162 refused invocations — 13 case IDs × 8 commands, 9 `--file`
//!   paths × 2 commands, 9 control/bidi texts, invalid UTF-8, 2 oversized texts and a sparse
//!   1 GiB file, 2 floods of 10,000 and 20,000 arguments, 2 unknown keys in casebook.toml × 3
//!   commands, 3 broken case files × 2 commands, 4 planted symlinks, 6 titles and names
//!   holding a phone or ID number.
//! - parallel writers: 8 processes on one clone, 3 cases each (up to 72 writes).
//! - kills: 8 at the store's fault points (register and opinion × 4 points), 20 at random
//!   moments (SIGKILL after 0 to 1.25 × the time of one write), 1 stale lock of a dead
//!   process.

use std::fs;
use std::os::unix::process::ExitStatusExt;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::harness::*;

// ---------------------------------------------------------------------------------------
// A history made by the CLI: one case down each path.

/// Own matter: registered, classified, replied, archived.
const OWN: &str = "TAX-2026-0001";
/// General matter: hrss and medical gave their opinions, replied.
const GENERAL: &str = "TAX-2026-0002";
/// Major matter approved by the leader: every member assigned, no opinion yet.
const MAJOR: &str = "TAX-2026-0003";
/// Referral dispatched through the 12345 hotline to hrss, which reported back.
const REFERRAL: &str = "APPROVAL-2026-0001";
/// Redirected (closed).
const REDIRECTED: &str = "TAX-2026-0004";
/// Reported to the leading group, rejected: handled as a general matter.
const REJECTED: &str = "HRSS-2026-0001";
/// Registered only (at 2026-11-23T09:00).
const FRESH: &str = "TAX-2026-0005";

fn build_history() -> Env {
    let env = Env::new();
    let reg = |who: &str, at: &str, want: &str| {
        let id = env.register_with(who, &[("--at", at)]);
        assert_eq!(id, want);
    };
    reg("zhangsan", "2026-11-02T09:00:00+08:00", OWN);
    env.act(
        "zhangsan",
        &[
            "classify",
            OWN,
            "--track",
            "own",
            "--category",
            "6",
            "--at",
            "2026-11-02T10:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "reply",
            OWN,
            "--text",
            "滞纳金按日万分之五加收，计算无误。",
            "--at",
            "2026-11-05T10:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "archive",
            OWN,
            "--outcome",
            "accepted",
            "--at",
            "2026-11-06T10:00:00+08:00",
        ],
    );

    reg("zhangsan", "2026-11-03T09:00:00+08:00", GENERAL);
    env.act(
        "zhangsan",
        &[
            "classify",
            GENERAL,
            "--track",
            "general",
            "--category",
            "3",
            "--at",
            "2026-11-03T10:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "assign",
            GENERAL,
            "--dept",
            "hrss",
            "--dept",
            "medical",
            "--at",
            "2026-11-03T11:00:00+08:00",
        ],
    );
    env.act(
        "lisi",
        &[
            "opinion",
            GENERAL,
            "--text",
            "养老保险基数核定无误。",
            "--at",
            "2026-11-05T10:00:00+08:00",
        ],
    );
    env.act(
        "zhaoliu",
        &[
            "opinion",
            GENERAL,
            "--text",
            "医疗保险基数核定无误。",
            "--at",
            "2026-11-06T10:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "reply",
            GENERAL,
            "--text",
            "综合县人社局、县医保局意见，核定无误。",
            "--at",
            "2026-11-09T10:00:00+08:00",
        ],
    );

    reg("zhangsan", "2026-11-10T09:00:00+08:00", MAJOR);
    env.act(
        "zhangsan",
        &[
            "classify",
            MAJOR,
            "--track",
            "major",
            "--category",
            "9",
            "--note",
            "历年欠费，职责交叉，报请组长同意",
            "--at",
            "2026-11-10T10:00:00+08:00",
        ],
    );
    env.act(
        "zhengyi",
        &[
            "approve",
            MAJOR,
            "--note",
            "同意按专案办理",
            "--at",
            "2026-11-11T10:00:00+08:00",
        ],
    );

    reg("wangfang", "2026-11-12T09:00:00+08:00", REFERRAL);
    env.act(
        "wangfang",
        &[
            "escalate",
            REFERRAL,
            "--to",
            "hotline",
            "--reason",
            "职责不清，请县政府办转办",
            "--at",
            "2026-11-12T10:00:00+08:00",
        ],
    );
    env.act(
        "zhoujiu",
        &[
            "assign",
            REFERRAL,
            "--dept",
            "hrss",
            "--hotline-ticket",
            "RC12345-20261113-0001",
            "--at",
            "2026-11-13T09:00:00+08:00",
        ],
    );
    // The competent department replies to the payer directly and reports back.
    env.act(
        "lisi",
        &[
            "reply",
            REFERRAL,
            "--text",
            "已办理，现将结果直接答复缴费人。",
            "--at",
            "2026-11-16T10:00:00+08:00",
        ],
    );
    env.act(
        "lisi",
        &[
            "feedback",
            REFERRAL,
            "--text",
            "已办理并答复缴费人，同时反馈 12345 热线办。",
            "--at",
            "2026-11-16T11:00:00+08:00",
        ],
    );

    reg("zhangsan", "2026-11-17T09:00:00+08:00", REDIRECTED);
    env.act(
        "zhangsan",
        &[
            "classify",
            REDIRECTED,
            "--redirect",
            "hrss",
            "--note",
            "工伤认定属县人社局职责",
            "--at",
            "2026-11-17T10:00:00+08:00",
        ],
    );

    reg("chener", "2026-11-18T09:00:00+08:00", REJECTED);
    env.act(
        "chener",
        &[
            "escalate",
            REJECTED,
            "--to",
            "leading-group",
            "--reason",
            "金额较大",
            "--at",
            "2026-11-18T10:00:00+08:00",
        ],
    );
    env.act(
        "zhengyi",
        &[
            "approve",
            REJECTED,
            "--reject",
            "--handle-as",
            "general",
            "--note",
            "按一般事项办理",
            "--at",
            "2026-11-19T10:00:00+08:00",
        ],
    );

    reg("zhangsan", "2026-11-23T09:00:00+08:00", FRESH);
    env.assert_clean();
    env
}

/// A copy of the history (built once per test process).
fn history() -> Env {
    static BASE: OnceLock<Template> = OnceLock::new();
    BASE.get_or_init(|| build_history().template()).env()
}

/// The full id of the newest commit whose subject starts with `prefix`.
fn commit_with_subject(env: &Env, prefix: &str) -> String {
    env.git(&["log", "--format=%H %s"])
        .lines()
        .find_map(|l| {
            let (id, subject) = l.split_once(' ')?;
            subject.starts_with(prefix).then(|| id.to_string())
        })
        .unwrap_or_else(|| panic!("no commit {prefix:?}"))
}

/// The trailers of a commit, as git prints them.
fn trailers_of(env: &Env, rev: &str) -> String {
    env.git(&["log", "-1", "--format=%(trailers:only,unfold)", rev])
        .trim()
        .to_string()
}

/// One finding `verify` must report: on `commit` (a full id), naming `case` (None: the
/// finding is about `casebook.toml`), with a rule that says one of `words`.
struct Expect<'a> {
    commit: String,
    case: Option<&'a str>,
    words: &'a [&'a str],
}

fn expect<'a>(commit: &str, case: Option<&'a str>, words: &'a [&'a str]) -> Expect<'a> {
    Expect {
        commit: commit.to_string(),
        case,
        words,
    }
}

/// `verify --json` exits 1 and reports each expected finding, and nothing about other
/// commits. Returns the findings.
fn assert_findings(env: &Env, since: &[&str], expected: &[Expect]) -> Vec<Value> {
    let (code, findings) = env.verify_json(since);
    assert_eq!(code, 1, "verify must exit 1 with findings: {findings:#?}");
    let names = |f: &Value, full: &str| {
        let short = f["commit"].as_str().unwrap_or("");
        short.len() >= 7 && full.starts_with(short)
    };
    for e in expected {
        let on_commit: Vec<&Value> = findings.iter().filter(|f| names(f, &e.commit)).collect();
        assert!(
            !on_commit.is_empty(),
            "no finding names commit {}: {findings:#?}",
            e.commit
        );
        let hit = on_commit.iter().any(|f| {
            let case_ok = match e.case {
                Some(c) => f["case"] == c,
                None => f.get("case").is_none_or(Value::is_null),
            };
            let rule = f["rule"].as_str().unwrap_or("");
            case_ok && !rule.is_empty() && e.words.iter().any(|w| rule.contains(w))
        });
        assert!(
            hit,
            "no finding on {} names case {:?} with a rule saying one of {:?}: {on_commit:#?}",
            e.commit, e.case, e.words
        );
    }
    for f in &findings {
        assert!(
            expected.iter().any(|e| names(f, &e.commit)),
            "finding about a commit that was not tampered with: {f:#?}"
        );
    }
    findings
}

/// The human output of `verify` exits with `code` and names each of `commits`.
fn assert_verify_table(env: &Env, code: i32, commits: &[&str]) {
    let out = env.run(&["verify"]);
    let shown = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(code), "{shown}");
    for c in commits {
        assert!(shown.contains(&c[..10]), "{c}: {shown}");
    }
}

fn events(table: &mut toml::Table) -> &mut Vec<toml::Value> {
    table
        .get_mut("events")
        .and_then(toml::Value::as_array_mut)
        .expect("events")
}

fn event(at: &str, action: &str, by: &str, dept: Option<&str>) -> toml::Value {
    let mut e = toml::Table::new();
    e.insert("at".into(), at.into());
    e.insert("action".into(), action.into());
    e.insert("by".into(), by.into());
    if let Some(d) = dept {
        e.insert("dept".into(), d.into());
    }
    toml::Value::Table(e)
}

/// A commit message with the trailers of DESIGN §6, as a forger would write it.
fn message(subject: &str, case: Option<&str>, action: &str, operator: &str, dept: &str) -> String {
    let case = case.map(|c| format!("Case: {c}\n")).unwrap_or_default();
    format!("{subject}\n\n{case}Action: {action}\nOperator: {operator}\nDept: {dept}\n")
}

const ZHANGSAN: (&str, &str) = ("张三", "zhangsan@rc.example.cn");
const ZHAOLIU: (&str, &str) = ("赵六", "zhaoliu@rc.example.cn");

// ---------------------------------------------------------------------------------------
// verify

#[test]
fn verify_passes_on_a_history_made_by_the_cli() {
    let env = history();
    assert_verifies(&env);
    assert_verify_table(&env, 0, &[]);
    // the same after more actions and with --since
    env.act(
        "lisi",
        &[
            "opinion",
            MAJOR,
            "--text",
            "三险欠费按核定数追缴。",
            "--at",
            "2026-11-24T10:00:00+08:00",
        ],
    );
    assert_verifies(&env);
    let (code, findings) = env.verify_json(&["--since", "HEAD~3"]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:#?}");
    // an unknown revision is bad input
    env.fails(4, &["verify", "--since", "no-such-revision"]);
}

/// (a) A status edited by hand and committed without trailers.
#[test]
fn verify_finds_a_hand_edit_committed_without_trailers() {
    let env = history();
    env.edit_case(FRESH, |t| {
        t.insert("status".into(), "handling".into());
    });
    env.git_commit_all("fix status");
    let tampered = env.head();
    assert_findings(
        &env,
        &[],
        &[expect(&tampered, Some(FRESH), &["trailer", "手工"])],
    );
    // the table for people names the commit, with the same exit code
    assert_verify_table(&env, 1, &[&tampered]);
}

/// (b) The same edit with the trailers of a real action and the right author; and a
/// complete forgery (event appended, fields set) whose content is still not what the
/// workflow makes of the old file: the replay finds both.
#[test]
fn verify_finds_a_hand_edit_dressed_up_as_an_action() {
    let real = |env: &Env| {
        let classify = commit_with_subject(env, &format!("classify {OWN}:"));
        let trailers = trailers_of(env, &classify).replace(OWN, FRESH);
        assert!(trailers.contains("Action: classify"), "{trailers}");
        format!("classify {FRESH}: 本部门办理，争议类别3（缴费基数申报）\n\n{trailers}\n")
    };

    // only the status, as in (a)
    let env = history();
    env.edit_case(FRESH, |t| {
        t.insert("status".into(), "handling".into());
    });
    env.git_commit_as(ZHANGSAN.0, ZHANGSAN.1, &real(&env));
    let tampered = env.head();
    assert_findings(
        &env,
        &[],
        &[expect(
            &tampered,
            Some(FRESH),
            &["事件", "合法", "流程", "还原", "schema"],
        )],
    );

    // a careful forgery: status, track, category and a classify event, but no due date of
    // the reply as the workflow would have computed it
    let env = history();
    env.edit_case(FRESH, |t| {
        t.insert("status".into(), "handling".into());
        t.insert("track".into(), "own".into());
        t.insert("category".into(), 3.into());
        events(t).push(event(
            "2026-11-24T10:00:00+08:00",
            "classify",
            "zhangsan",
            None,
        ));
    });
    env.git_commit_as(ZHANGSAN.0, ZHANGSAN.1, &real(&env));
    let tampered = env.head();
    assert_findings(
        &env,
        &[],
        &[expect(&tampered, Some(FRESH), &["合法结果", "不符"])],
    );
}

/// (c) A real action whose author was rewritten: the trailers say lisi, the author is
/// someone else.
#[test]
fn verify_finds_a_forged_author() {
    let env = history();
    env.act(
        "lisi",
        &[
            "opinion",
            MAJOR,
            "--text",
            "三险欠费按核定数追缴。",
            "--at",
            "2026-11-24T10:00:00+08:00",
        ],
    );
    env.git(&[
        "-c",
        "user.name=李四",
        "-c",
        "user.email=lisi@elsewhere.example.com",
        "commit",
        "-q",
        "--amend",
        "--no-edit",
        "--author=李四 <lisi@elsewhere.example.com>",
    ]);
    let tampered = env.head();
    assert!(trailers_of(&env, &tampered).contains("Operator: lisi"));
    let findings = assert_findings(
        &env,
        &[],
        &[expect(&tampered, Some(MAJOR), &["作者", "lisi"])],
    );
    assert!(
        findings.iter().any(|f| f["operator"] == "lisi"),
        "the finding names the operator: {findings:#?}"
    );
}

/// (d) An opinion for hrss written by a medical handler, committed under his own name and
/// trailers: the workflow does not permit it.
#[test]
fn verify_finds_an_opinion_written_for_another_department() {
    let env = history();
    let at = "2026-11-24T10:00:00+08:00";
    env.edit_case(MAJOR, |t| {
        let mut o = toml::Table::new();
        o.insert("dept".into(), "hrss".into());
        o.insert("at".into(), at.into());
        o.insert("by".into(), "zhaoliu".into());
        o.insert("text".into(), "（代写）人社意见：核定无误。".into());
        t.insert("opinions".into(), vec![toml::Value::Table(o)].into());
        events(t).push(event(at, "opinion", "zhaoliu", Some("hrss")));
    });
    env.git_commit_as(
        ZHAOLIU.0,
        ZHAOLIU.1,
        &format!(
            "{}At: {at}\n",
            message(
                &format!("opinion {MAJOR}: 县人社局书面意见"),
                Some(MAJOR),
                "opinion",
                "zhaoliu",
                "medical"
            )
        ),
    );
    let tampered = env.head();
    let findings = assert_findings(
        &env,
        &[],
        &[expect(&tampered, Some(MAJOR), &["流程", "无权", "不允许"])],
    );
    assert!(
        findings.iter().any(|f| f["operator"] == "zhaoliu"),
        "{findings:#?}"
    );
}

/// (e) A case file deleted with plain git.
#[test]
fn verify_finds_a_deleted_case_file() {
    let env = history();
    env.git(&["rm", "-q", &case_path(REDIRECTED)]);
    env.git_commit_as(
        ZHANGSAN.0,
        ZHANGSAN.1,
        &message(
            &format!("archive {REDIRECTED}: 归档"),
            Some(REDIRECTED),
            "archive",
            "zhangsan",
            "tax",
        ),
    );
    let tampered = env.head();
    assert_findings(&env, &[], &[expect(&tampered, Some(REDIRECTED), &["删除"])]);
}

/// (f) A case file renamed (moved to another number, its ID edited to match).
#[test]
fn verify_finds_a_renamed_case_file() {
    let env = history();
    let new_id = "TAX-2026-0009";
    env.git(&["mv", &case_path(REDIRECTED), &case_path(new_id)]);
    let text = env.read(&case_path(new_id)).replace(REDIRECTED, new_id);
    fs::write(env.path(&case_path(new_id)), text).unwrap();
    env.git_commit_all("renumber");
    let tampered = env.head();
    assert_findings(
        &env,
        &[],
        &[expect(&tampered, Some(REDIRECTED), &["删除", "改名"])],
    );
    // and moved to another department's directory, unchanged
    let env = history();
    fs::create_dir_all(env.path("cases/2026/HRSS/00")).unwrap();
    env.git(&[
        "mv",
        &case_path(FRESH),
        "cases/2026/HRSS/00/TAX-2026-0005.toml",
    ]);
    env.git_commit_all("move");
    let tampered = env.head();
    assert_findings(
        &env,
        &[],
        &[expect(&tampered, Some(FRESH), &["删除", "改名"])],
    );
}

const NEW_OPERATOR: &str = r#"
[[operators]]
id = "mallory"
name = "马六"
email = "mallory@rc.example.cn"
dept = "tax"
roles = ["receiver", "leader"]
active = true
"#;

/// (g) An operator added to casebook.toml outside `dispute operator`: by a plain commit,
/// and with forged trailers by an operator who is not an admin.
#[test]
fn verify_finds_an_operator_added_outside_dispute_operator() {
    let env = history();
    let text = env.read("casebook.toml");
    fs::write(env.path("casebook.toml"), format!("{text}{NEW_OPERATOR}")).unwrap();
    env.git_commit_all("add mallory");
    let tampered = env.head();
    // the tool reads casebook.toml from HEAD, but an operator without a registered key
    // cannot act in a casebook that requires signing
    let err = env.as_fails("mallory", 1, &["show", FRESH, "--reveal"]);
    assert!(err.contains("mallory"), "{err}");
    assert_findings(&env, &[], &[expect(&tampered, None, &["trailer", "手工"])]);

    let env = history();
    let text = env.read("casebook.toml");
    fs::write(env.path("casebook.toml"), format!("{text}{NEW_OPERATOR}")).unwrap();
    env.git_commit_as(
        ZHANGSAN.0,
        ZHANGSAN.1,
        &message(
            "operator-add: mallory 马六（县税务局；receiver、leader）",
            None,
            "operator-add",
            "zhangsan",
            "tax",
        ),
    );
    let tampered = env.head();
    let findings = assert_findings(&env, &[], &[expect(&tampered, None, &["admin", "管理员"])]);
    assert!(
        findings.iter().any(|f| f["operator"] == "zhangsan"),
        "{findings:#?}"
    );
}

/// (h) A real action whose event time was edited to run backwards (the commit amended, its
/// trailers and author unchanged).
#[test]
fn verify_finds_an_event_time_running_backwards() {
    let env = history();
    env.act(
        "zhangsan",
        &[
            "classify",
            FRESH,
            "--track",
            "own",
            "--category",
            "3",
            "--at",
            "2026-11-24T10:00:00+08:00",
        ],
    );
    // registered at 11-23 09:00; the classify now claims 11-20
    env.edit_case(FRESH, |t| {
        let last = events(t).last_mut().unwrap().as_table_mut().unwrap();
        last.insert("at".into(), "2026-11-20T10:00:00+08:00".into());
    });
    env.git(&["add", "-A"]);
    env.git(&[
        "-c",
        "user.name=张三",
        "-c",
        "user.email=zhangsan@rc.example.cn",
        "commit",
        "-q",
        "--amend",
        "--no-edit",
    ]);
    let tampered = env.head();
    assert_eq!(
        env.git(&["log", "-1", "--format=%an <%ae>"]).trim(),
        "张三 <zhangsan@rc.example.cn>"
    );
    assert_findings(
        &env,
        &[],
        &[expect(&tampered, Some(FRESH), &["早于", "时间", "倒"])],
    );
}

/// (i) A case ID reused: the last case deleted by hand, then `register` hands out its
/// number again.
#[test]
fn verify_finds_a_reused_case_id() {
    let env = history();
    env.git(&["rm", "-q", &case_path(FRESH)]);
    env.git_commit_all("remove a case");
    let deleted = env.head();
    let again = env.register_with("zhangsan", &[("--at", "2026-11-24T09:00:00+08:00")]);
    let reused = env.head();
    if again == FRESH {
        assert_findings(
            &env,
            &[],
            &[
                expect(&deleted, Some(FRESH), &["删除"]),
                expect(&reused, Some(FRESH), &["重复", "reuse"]),
            ],
        );
    } else {
        // the tool itself did not hand the number out again: reuse it with plain git
        let text = env.read(&case_path(&again)).replace(&again, FRESH);
        fs::create_dir_all(env.path(&case_path(FRESH)).parent().unwrap()).unwrap();
        fs::write(env.path(&case_path(FRESH)), text).unwrap();
        env.git_commit_all("re-add");
        let reused = env.head();
        assert_findings(
            &env,
            &[],
            &[
                expect(&deleted, Some(FRESH), &["删除"]),
                expect(&reused, Some(FRESH), &["重复", "reuse"]),
            ],
        );
    }
}

/// A case file in HEAD that is not TOML any more: found by verify (and named by show).
#[test]
fn verify_finds_a_case_file_broken_by_hand() {
    let env = history();
    fs::write(env.path(&case_path(MAJOR)), "status = = \"handling\"\n").unwrap();
    env.git_commit_as(
        ZHANGSAN.0,
        ZHANGSAN.1,
        &message(
            &format!("classify {MAJOR}: 一般事项"),
            Some(MAJOR),
            "classify",
            "zhangsan",
            "tax",
        ),
    );
    let tampered = env.head();
    assert_findings(
        &env,
        &[],
        &[expect(&tampered, Some(MAJOR), &[MAJOR, "cases/"])],
    );
    let err = env.fails(4, &["show", MAJOR]);
    assert!(err.contains(&case_path(MAJOR)), "{err}");
}

/// `--since REV` checks only the commits after REV.
#[test]
fn verify_since_reports_only_later_findings() {
    let env = history();
    env.edit_case(FRESH, |t| {
        t.insert("status".into(), "handling".into());
    });
    env.git_commit_all("first tampering");
    let first = env.head();
    env.act(
        "lisi",
        &[
            "opinion",
            MAJOR,
            "--text",
            "三险欠费按核定数追缴。",
            "--at",
            "2026-11-24T10:00:00+08:00",
        ],
    );
    env.edit_case(OWN, |t| {
        t.insert("district".into(), "风陵渡镇".into());
    });
    env.git_commit_all("second tampering");
    let second = env.head();
    let clean = env.rev("HEAD~1");

    assert_findings(
        &env,
        &[],
        &[
            expect(&first, Some(FRESH), &["trailer", "手工"]),
            expect(&second, Some(OWN), &["trailer", "手工"]),
        ],
    );
    assert_findings(
        &env,
        &["--since", &first],
        &[expect(&second, Some(OWN), &["trailer", "手工"])],
    );
    assert_findings(
        &env,
        &["--since", &clean[..10]],
        &[expect(&second, Some(OWN), &["trailer", "手工"])],
    );
    let (code, findings) = env.verify_json(&["--since", &second]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:#?}");
}

/// Two clones act on different cases and are merged with plain git: the merge verifies.
/// A merge whose result differs from both sides in a case file is found.
#[test]
fn verify_checks_merges() {
    let (a, b) = two_clones();
    let unmerged = a.template();
    merge(&a, &b, false);
    assert_eq!(
        a.git(&["rev-list", "--count", "--merges", "HEAD"]).trim(),
        "1"
    );
    assert_eq!(a.case_json(MAJOR)["opinions"][0]["dept"], "hrss");
    assert_eq!(a.case_json(FRESH)["status"], "handling");
    assert_verifies(&a);
    a.assert_clean();
    // the clone goes on working after the merge
    a.act(
        "zhangsan",
        &[
            "reply",
            FRESH,
            "--text",
            "经核查，基数核定无误。",
            "--at",
            "2026-11-26T10:00:00+08:00",
        ],
    );
    assert_verifies(&a);

    // a hand-resolved merge: the result matches neither side
    let a = unmerged.env();
    merge(&a, &b, true);
    a.edit_case(MAJOR, |t| {
        t.insert("district".into(), "风陵渡镇".into());
    });
    a.git_commit_as("王芳", "wangfang@rc.example.cn", "Merge by hand");
    let tampered = a.head();
    assert_eq!(
        a.git(&["rev-list", "--count", "--merges", "HEAD"]).trim(),
        "1"
    );
    assert_findings(&a, &[], &[expect(&tampered, Some(MAJOR), &["合并"])]);
}

/// Merge `from`'s main into `into` with plain git (a merge commit even if it could
/// fast-forward); with `hold`, stop before committing.
fn merge(into: &Env, from: &Env, hold: bool) {
    into.git(&["fetch", "-q", from.root().to_str().unwrap(), "main"]);
    let mut args = vec![
        "-c",
        "user.name=王芳",
        "-c",
        "user.email=wangfang@rc.example.cn",
        "merge",
        "-q",
        "--no-ff",
        "--no-edit",
    ];
    if hold {
        args.push("--no-commit");
    }
    args.push("FETCH_HEAD");
    into.git(&args);
}

/// The history, cloned: in the clone hrss writes its opinion on the major case; in the
/// original the fresh case is classified.
fn two_clones() -> (Env, Env) {
    let a = history();
    let b = Env::empty();
    a.git(&[
        "clone",
        "-q",
        a.root().to_str().unwrap(),
        b.root().to_str().unwrap(),
    ]);
    b.act(
        "lisi",
        &[
            "opinion",
            MAJOR,
            "--text",
            "三险欠费按核定数追缴。",
            "--at",
            "2026-11-24T10:00:00+08:00",
        ],
    );
    a.act(
        "zhangsan",
        &[
            "classify",
            FRESH,
            "--track",
            "own",
            "--category",
            "3",
            "--at",
            "2026-11-24T11:00:00+08:00",
        ],
    );
    (a, b)
}

/// Every history `make demo` produces verifies clean.
#[test]
fn the_demo_history_verifies_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let out = std::process::Command::new("bash")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/demo.sh"))
        .arg(env!("CARGO_BIN_EXE_dispute"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", tmp.path())
        .env("TMPDIR", tmp.path())
        .current_dir(tmp.path())
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "demo failed: {stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = stdout
        .rsplit_once("案卷库在 ")
        .map(|(_, rest)| {
            rest.split(|c: char| c == '\u{1b}' || c.is_whitespace())
                .next()
                .unwrap_or("")
        })
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| panic!("the demo names its casebook: {stdout}"));
    assert!(
        std::path::Path::new(dir).starts_with(tmp.path()),
        "{dir} is below TMPDIR"
    );
    let verify = |json: bool| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_dispute"));
        c.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", tmp.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .args(["-C", dir, "verify"]);
        if json {
            c.arg("--json");
        }
        c.output().unwrap()
    };
    let out = verify(true);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
    assert_eq!(verify(false).status.code(), Some(0));
}

// ---------------------------------------------------------------------------------------
// concurrency

/// Eight processes register and act on cases in parallel on one clone, with a short lock
/// wait: every command either commits its own action or exits 5 having written nothing.
#[test]
fn eight_parallel_writers_commit_or_exit_5() {
    const WRITERS: usize = 8;
    const CASES_EACH: usize = 3;
    let env = Env::new();
    let base = env.commit_count();
    let started = Instant::now();
    // (thread, action, case ID, exit code)
    let results: Vec<(usize, &str, Option<String>, i32)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..WRITERS)
            .map(|w| {
                let env = &env;
                s.spawn(move || {
                    let who = ["zhangsan", "wangfang", "chener"][w % 3];
                    let run = |args: Vec<String>| {
                        let out = env
                            .std_cmd()
                            .env("DISPUTE_KEY", key_file(who))
                            .env("DISPUTE_LOCK_WAIT_MS", "300")
                            .args(["--as", who])
                            .args(&args)
                            .output()
                            .expect("runs");
                        let code = out.status.code().unwrap_or(-1);
                        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
                        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
                        if code == 5 {
                            assert!(stdout.is_empty(), "exit 5 printed {stdout:?}");
                            assert!(stderr.contains("错误："), "{stderr}");
                        }
                        assert!(code == 0 || code == 5, "{args:?} exited {code}: {stderr}");
                        (code, stdout)
                    };
                    let mut log = vec![];
                    for k in 0..CASES_EACH {
                        let at = format!("2026-11-20T{:02}:{:02}:00+08:00", 9 + k, w);
                        let (code, stdout) = run(register_args(&[("--at", &at)]));
                        if code != 0 {
                            log.push((w, "register", None, code));
                            continue;
                        }
                        let id = stdout.trim().to_string();
                        assert_eq!(stdout.lines().count(), 1, "{stdout:?}");
                        log.push((w, "register", Some(id.clone()), code));
                        let (code, _) = run([
                            "classify",
                            id.as_str(),
                            "--track",
                            "own",
                            "--category",
                            "3",
                            "--at",
                            "2026-11-24T10:00:00+08:00",
                        ]
                        .map(String::from)
                        .to_vec());
                        log.push((w, "classify", Some(id.clone()), code));
                        if code != 0 {
                            continue;
                        }
                        let (code, _) = run([
                            "reply",
                            id.as_str(),
                            "--text",
                            "经核查，基数核定无误。",
                            "--at",
                            "2026-11-25T10:00:00+08:00",
                        ]
                        .map(String::from)
                        .to_vec());
                        log.push((w, "reply", Some(id), code));
                    }
                    log
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("writer thread"))
            .collect()
    });
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(30), "took {elapsed:?}");

    let ok: Vec<&(usize, &str, Option<String>, i32)> =
        results.iter().filter(|r| r.3 == 0).collect();
    let conflicts = results.len() - ok.len();
    eprintln!(
        "{WRITERS} writers: {} commands, {} committed, {conflicts} exited 5, {elapsed:?}",
        results.len(),
        ok.len()
    );
    assert!(!ok.is_empty());
    // every success is one commit, and nothing else was committed
    assert_eq!(env.commit_count(), base + ok.len(), "{results:?}");
    let mut ids: Vec<&String> = ok
        .iter()
        .filter(|r| r.1 == "register")
        .filter_map(|r| r.2.as_ref())
        .collect();
    ids.sort();
    let registered = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), registered, "an ID was handed out twice: {ids:?}");
    let files = env.git(&["ls-tree", "-r", "--name-only", "HEAD", "cases/"]);
    let case_files = files.lines().filter(|l| l.ends_with(".toml")).count();
    assert_eq!(case_files, registered, "{files}");
    // each success has its own commit, and each case is where its last success left it
    let subjects = env.git(&["log", "--format=%s"]);
    for (_, action, id, _) in &ok {
        let id = id.as_ref().unwrap();
        let prefix = format!("{action} {id}:");
        assert_eq!(
            subjects.lines().filter(|s| s.starts_with(&prefix)).count(),
            1,
            "{prefix}"
        );
    }
    let statuses: Vec<Value> = serde_json::from_str(&env.ok(&["list", "--json"])).unwrap();
    for row in &statuses {
        let id = row["id"].as_str().unwrap();
        let last = ok
            .iter()
            .filter(|r| r.2.as_deref() == Some(id))
            .map(|r| r.1)
            .next_back()
            .unwrap();
        let want = match last {
            "register" => "registered",
            "classify" => "handling",
            _ => "replied",
        };
        assert_eq!(row["status"], want, "{id}");
    }
    assert_eq!(statuses.len(), registered);
    env.git(&["fsck", "--no-progress"]);
    env.assert_clean();
    assert_verifies(&env);
    assert!(!env.path(".git/dispute-pending").exists());
}

// ---------------------------------------------------------------------------------------
// kills

const FAULT_POINTS: [&str; 4] = [
    "before-ref-update",
    "after-ref-update",
    "after-worktree-file",
    "after-index",
];

/// A register and an opinion killed (SIGKILL) at each fault point of the store: HEAD is
/// the old or the new commit, never anything between; the case is whole or absent; the
/// next write says what it repaired, and leaves the working tree and index in line.
#[test]
fn a_register_or_an_opinion_killed_at_each_fault_point_is_recovered_with_a_notice() {
    for point in FAULT_POINTS {
        for action in ["register", "opinion"] {
            let env = history();
            let before = env.head();
            let count = env.commit_count();
            let at = "2026-11-24T10:00:00+08:00";
            let mut cmd = env.std_cmd();
            cmd.env("DISPUTE_FAULT", point);
            let who = if action == "register" {
                "zhangsan"
            } else {
                "lisi"
            };
            cmd.env("DISPUTE_KEY", key_file(who));
            if action == "register" {
                cmd.args(["--as", "zhangsan"])
                    .args(register_args(&[("--at", at)]));
            } else {
                cmd.args([
                    "--as",
                    "lisi",
                    "opinion",
                    MAJOR,
                    "--text",
                    "人社意见",
                    "--at",
                    at,
                ]);
            }
            let out = cmd.output().unwrap();
            let what = format!("{action} killed at {point}");
            assert_eq!(out.status.signal(), Some(9), "{what}: {out:?}");
            let moved = env.head() != before;
            assert_eq!(moved, point != "before-ref-update", "{what}");
            if moved {
                assert_eq!(env.rev("HEAD~1"), before, "{what}: one commit");
                let subject = env.git(&["log", "-1", "--format=%s"]);
                assert!(subject.starts_with(action), "{what}: {subject}");
            }
            // reads see a whole case or none, from HEAD, at once
            let ids = env.list_ids(&[]);
            let new_case = "TAX-2026-0006";
            assert_eq!(
                ids.iter().any(|i| i == new_case),
                moved && action == "register",
                "{what}: {ids:?}"
            );
            let opinions = env.case_json(MAJOR)["opinions"]
                .as_array()
                .map(Vec::len)
                .unwrap_or(0);
            assert_eq!(
                opinions,
                usize::from(moved && action == "opinion"),
                "{what}"
            );

            // the next write succeeds and tells what it found
            let out = env
                .cmd()
                .env("DISPUTE_KEY", key_file("zhaoliu"))
                .args([
                    "--as",
                    "zhaoliu",
                    "opinion",
                    MAJOR,
                    "--text",
                    "医保意见",
                    "--at",
                    "2026-11-25T10:00:00+08:00",
                ])
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "{what}: next write: {stderr}");
            if moved {
                assert!(stderr.contains("注意："), "{what}: no notice: {stderr}");
            }
            env.assert_clean();
            assert!(!env.path(".git/dispute-pending").exists(), "{what}");
            assert_eq!(env.commit_count(), count + usize::from(moved) + 1, "{what}");
            if moved && action == "register" {
                assert_valid_case_file(&env.path(&case_path(new_case)));
            }
            assert_verifies(&env);
        }
    }
}

/// A tiny deterministic random number generator (xorshift64*), so a failure repeats.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// Writes killed with SIGKILL at random moments (from a seeded generator, between 0 and
/// 1.25 times what one write takes here): after each, HEAD is the old commit or one
/// new commit, every case in HEAD reads, git's objects are sound, and the next write
/// succeeds and leaves a clean working tree. The whole history verifies.
#[test]
fn writes_killed_at_random_moments_leave_a_consistent_casebook() {
    const ROUNDS: u32 = 20;
    let env = Env::new();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut killed, mut committed_anyway) = (0, 0);
    // How long one write takes here: the kills fall anywhere from the start to past its end.
    let started = Instant::now();
    env.register("zhangsan", "2026-11-20T08:00:00+08:00");
    let span = started.elapsed().as_millis() as u64 * 5 / 4 + 1;
    let mut registered = 1usize;
    // a case of zhangsan's still to classify
    let mut open: Option<String> = Some("TAX-2026-0001".to_string());
    for round in 0..ROUNDS {
        let before = env.head();
        let mut cmd = env.std_cmd();
        cmd.env("DISPUTE_KEY", key_file("zhangsan"));
        cmd.stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        let register = open.is_none() || rng.next().is_multiple_of(2);
        if register {
            let at = format!(
                "2026-11-20T{:02}:{:02}:00+08:00",
                9 + round / 60,
                round % 60
            );
            cmd.args(["--as", "zhangsan"])
                .args(register_args(&[("--at", &at)]));
        } else {
            let at = format!("2026-11-26T09:{:02}:00+08:00", round % 60);
            cmd.args([
                "--as",
                "zhangsan",
                "classify",
                open.as_deref().unwrap(),
                "--track",
                "own",
                "--category",
                "3",
                "--at",
                &at,
            ]);
        }
        let mut child = cmd.spawn().expect("spawns");
        let delay = rng.next() % span;
        std::thread::sleep(Duration::from_millis(delay));
        let _ = std::process::Command::new("kill")
            .args(["-9", &child.id().to_string()])
            .status();
        let status = child.wait().unwrap();
        if status.signal() == Some(9) {
            killed += 1;
        }
        let what = format!("round {round} (kill after {delay} ms, {status:?})");

        // HEAD is the old commit or exactly one new one
        let added: usize = env
            .git(&["rev-list", "--count", &format!("{before}..HEAD")])
            .trim()
            .parse()
            .unwrap();
        assert!(added <= 1, "{what}: {added} commits");
        if added == 1 {
            assert_eq!(env.rev("HEAD~1"), before, "{what}");
            if status.signal() == Some(9) {
                committed_anyway += 1;
            }
            if register {
                registered += 1;
            }
        } else {
            assert!(!status.success(), "{what}: exit 0 without a commit");
        }
        // every case in HEAD reads, and the objects are sound
        let rows: Vec<Value> = serde_json::from_str(&env.ok(&["list", "--json"])).unwrap();
        assert_eq!(rows.len(), registered, "{what}");
        open = rows
            .iter()
            .filter(|r| r["id"].as_str().is_some_and(|i| i.starts_with("TAX-")))
            .find(|r| r["status"] == "registered")
            .and_then(|r| r["id"].as_str())
            .map(str::to_string);
        env.git(&["fsck", "--no-progress"]);

        // the next write succeeds and leaves the working tree in line with HEAD
        let out = env
            .cmd()
            .env("DISPUTE_KEY", key_file("wangfang"))
            .args(["--as", "wangfang"])
            .args(register_args(&[(
                "--at",
                &format!("2026-11-21T09:{:02}:00+08:00", round % 60),
            )]))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{what}: next write: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        registered += 1;
        env.assert_clean();
        assert!(!env.path(".git/dispute-pending").exists(), "{what}");
    }
    eprintln!(
        "{ROUNDS} random kills within {span} ms: {killed} killed by the signal, \
         {committed_anyway} of them after the branch moved"
    );
    assert!(killed > 0, "no write was killed");
    assert_verifies(&env);
    assert_all_cases_valid(&env);
}

/// A lock file naming a process that is gone (no one holds the OS lock): the next write
/// clears it, says so, and succeeds.
#[test]
fn a_stale_lock_of_a_dead_process_is_cleared_with_a_notice() {
    let env = Env::new();
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let pid = gone.id();
    gone.wait().unwrap();
    fs::write(env.path(".git/dispute.lock"), pid.to_string()).unwrap();
    let out = env
        .cmd()
        .env("DISPUTE_KEY", key_file("zhangsan"))
        .env("DISPUTE_LOCK_WAIT_MS", "300")
        .args(["--as", "zhangsan"])
        .args(register_args(&[("--at", "2026-11-20T09:00:00+08:00")]))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("遗留的写锁"), "{stderr}");
    assert!(stderr.contains(&pid.to_string()), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "TAX-2026-0001\n");
    // released cleanly: the next write has nothing to clear
    let lock = fs::read_to_string(env.path(".git/dispute.lock")).unwrap_or_default();
    assert!(lock.trim().is_empty(), "lock left holding {lock:?}");
    let out = env
        .cmd()
        .env("DISPUTE_KEY", key_file("zhangsan"))
        .args(["--as", "zhangsan"])
        .args(register_args(&[("--at", "2026-11-20T10:00:00+08:00")]))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("遗留的写锁"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    env.assert_clean();
}

// ---------------------------------------------------------------------------------------
// hostile and malformed input

const LATER: &str = "2026-11-26T10:00:00+08:00";

/// Path tricks and lookalikes in case IDs, for every command that takes one: exit 4.
#[test]
fn hostile_case_ids_are_refused() {
    let env = history();
    let ids = [
        "../x",
        "/etc/passwd",
        "TAX-2026-0001/..",
        "TAX-2026-0001%2f..",
        "TAX-2026-0001/../../../casebook",
        "..\\TAX-2026-0001",
        // Cyrillic Т, А, Х
        "\u{0422}\u{0410}\u{0425}-2026-0001",
        // hyphens that are not U+002D
        "TAX\u{2010}2026\u{2010}0001",
        "TAX-\u{FF12}\u{FF10}\u{FF12}\u{FF16}-0001",
        "TAX-2026-0001\u{200B}",
        "TAX-2026-\u{0661}\u{0662}\u{0663}\u{0664}",
        "TAX-2026-0001 ",
        "TAX-2026-0001\n",
    ];
    for id in ids {
        for args in [
            vec!["show", id],
            vec!["log", id],
            vec![
                "--as",
                "zhangsan",
                "classify",
                id,
                "--track",
                "own",
                "--category",
                "3",
            ],
            vec!["--as", "lisi", "opinion", id, "--text", "意见"],
            vec!["--as", "zhangsan", "reply", id, "--text", "回复"],
            vec!["--as", "zhangsan", "assign", id, "--dept", "hrss"],
            vec!["--as", "zhangsan", "archive", id, "--outcome", "accepted"],
            vec![
                "--as",
                "wushi",
                "consult",
                id,
                "--kind",
                "general",
                "--attendee",
                "tax",
                "--minutes",
                "纪要",
            ],
        ] {
            let err = env.fails(4, &args);
            assert!(err.contains("编号"), "{args:?}: {err}");
        }
    }
    env.assert_clean();
    assert_eq!(env.git(&["ls-files", "--others"]).trim(), "");
}

/// `--file` that is not a readable regular text file: exit 4, quickly, nothing written.
#[test]
fn hostile_file_paths_are_refused() {
    let env = history();
    let outside = tempfile::tempdir().unwrap();
    let dir = outside.path().join("dir");
    fs::create_dir(&dir).unwrap();
    let dir_link = outside.path().join("dir-link");
    std::os::unix::fs::symlink(&dir, &dir_link).unwrap();
    let zero_link = outside.path().join("zero-link");
    std::os::unix::fs::symlink("/dev/zero", &zero_link).unwrap();
    let dangling = outside.path().join("dangling");
    std::os::unix::fs::symlink(outside.path().join("nowhere"), &dangling).unwrap();
    let fifo = outside.path().join("fifo");
    let made_fifo = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let mut paths: Vec<String> = [
        dir.clone(),
        dir_link,
        zero_link,
        dangling,
        outside.path().join("missing.txt"),
    ]
    .iter()
    .map(|p| p.to_str().unwrap().to_string())
    .collect();
    paths.extend(["/dev/zero", "/proc/self/mem"].map(String::from));
    // a regular file named as if it were a directory
    let plain = outside.path().join("plain.txt");
    fs::write(&plain, "意见").unwrap();
    paths.push(format!("{}/", plain.display()));
    if made_fifo {
        paths.push(fifo.to_str().unwrap().to_string());
    }
    for path in &paths {
        let started = Instant::now();
        let err = env.fails(
            4,
            &[
                "--as", "lisi", "opinion", MAJOR, "--file", path, "--at", LATER,
            ],
        );
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{path}: took {:?}",
            started.elapsed()
        );
        assert!(
            err.contains("文件") || err.contains("意见"),
            "{path}: {err}"
        );
        env.fails(
            4,
            &[
                "--as",
                "wushi",
                "consult",
                MAJOR,
                "--kind",
                "major",
                "--attendee",
                "tax",
                "--minutes-file",
                path,
                "--at",
                LATER,
            ],
        );
    }
    env.assert_clean();
}

/// Control characters, ANSI escapes and bidi overrides in text fields: exit 4.
#[test]
fn control_and_bidi_characters_in_text_fields_are_refused() {
    let env = history();
    let reg = |flag: &str, value: &str| {
        let args = register_args(&[(flag, value), ("--at", LATER)]);
        let mut full = vec!["--as", "zhangsan"];
        full.extend(args.iter().map(String::as_str));
        let err = env.fails(4, &full);
        assert!(
            err.contains("控制字符") || err.contains("无效"),
            "{flag}: {err}"
        );
    };
    reg("--summary", "对基数有异议\u{0007}");
    reg("--summary", "\u{001B}[2J\u{001B}[31m已核准\u{001B}[0m");
    reg("--summary", "金额 100\u{202E}000 元");
    reg("--payer-name", "恒达\u{2066}建材\u{2069}公司");
    reg("--payer-name", "恒达\r建材");
    reg("--district", "古魏镇\u{200F}");
    reg("--contact", "王\u{0008}小明");
    for text in ["意见\u{202E}见意", "意见\u{001B}]0;title\u{0007}"] {
        let err = env.fails(
            4,
            &[
                "--as", "lisi", "opinion", MAJOR, "--text", text, "--at", LATER,
            ],
        );
        assert!(err.contains("U+"), "{err}");
    }
}

/// Invalid UTF-8 in a file, text over 64 KiB (argument or file), a sparse 1 GiB file:
/// exit 4. Text of exactly 64 KiB is accepted.
#[test]
fn invalid_utf8_and_oversized_text_are_refused() {
    let env = history();
    let tmp = tempfile::tempdir().unwrap();
    let bad_utf8 = tmp.path().join("gbk.txt");
    // "意见" in GBK
    fs::write(&bad_utf8, b"\xd2\xe2\xbc\xfb\n").unwrap();
    let big_file = tmp.path().join("big.txt");
    fs::write(&big_file, "x".repeat(64 * 1024 + 1)).unwrap();
    let sparse = tmp.path().join("sparse.txt");
    fs::File::create(&sparse).unwrap().set_len(1 << 30).unwrap();
    for file in [&bad_utf8, &big_file, &sparse] {
        let started = Instant::now();
        let err = env.fails(
            4,
            &[
                "--as",
                "lisi",
                "opinion",
                MAJOR,
                "--file",
                file.to_str().unwrap(),
                "--at",
                LATER,
            ],
        );
        assert!(err.contains(file.to_str().unwrap()), "{err}");
        assert!(started.elapsed() < Duration::from_secs(5));
    }
    let big = "意".repeat(64 * 1024 / 3 + 1);
    let err = env.fails(
        4,
        &[
            "--as", "lisi", "opinion", MAJOR, "--text", &big, "--at", LATER,
        ],
    );
    assert!(err.contains("上限"), "{err}");
    // the limit itself is allowed, from a file or an argument
    let exact = tmp.path().join("exact.txt");
    fs::write(&exact, "y".repeat(64 * 1024)).unwrap();
    env.act(
        "lisi",
        &[
            "opinion",
            MAJOR,
            "--file",
            exact.to_str().unwrap(),
            "--at",
            LATER,
        ],
    );
    env.act(
        "zhaoliu",
        &[
            "opinion",
            MAJOR,
            "--text",
            &"z".repeat(64 * 1024),
            "--at",
            LATER,
        ],
    );
    env.assert_clean();
    assert_verifies(&env);
}

/// Command lines of 10,000 and 20,000 arguments: refused quickly with exit 4.
#[test]
fn ten_thousand_argument_command_lines_are_refused() {
    let env = history();
    let mut args: Vec<&str> = vec![
        "--as",
        "wushi",
        "consult",
        MAJOR,
        "--kind",
        "major",
        "--minutes",
        "纪要",
        "--at",
        LATER,
    ];
    for _ in 0..5_000 {
        args.extend(["--attendee", "tax"]);
    }
    let started = Instant::now();
    let err = env.fails(4, &args);
    assert!(err.contains("重复"), "{err}");
    let mut args: Vec<&str> = vec!["--as", "chener", "assign", REJECTED, "--at", LATER];
    for _ in 0..10_000 {
        args.extend(["--dept", "hrss"]);
    }
    let err = env.fails(4, &args);
    assert!(err.contains("重复"), "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}

/// A casebook.toml with an unknown key, at the top or in an operator, committed by hand:
/// every command refuses with exit 4 naming casebook.toml.
#[test]
fn unknown_keys_in_casebook_toml_are_refused() {
    let edits: [fn(&str) -> String; 2] = [
        |t: &str| format!("password = \"hunter2\"\n{t}"),
        |t: &str| {
            t.replacen(
                "id = \"zhangsan\"",
                "id = \"zhangsan\"\nsuperuser = true",
                1,
            )
        },
    ];
    for edit in edits {
        let env = history();
        let text = env.read("casebook.toml");
        let edited = edit(&text);
        assert_ne!(edited, text);
        fs::write(env.path("casebook.toml"), edited).unwrap();
        env.git_commit_all("hand edit");
        for args in [
            vec!["list"],
            vec!["show", FRESH],
            vec![
                "--as",
                "zhangsan",
                "classify",
                FRESH,
                "--track",
                "own",
                "--category",
                "3",
            ],
        ] {
            let err = env.fails(4, &args);
            assert!(err.contains("casebook.toml"), "{args:?}: {err}");
        }
    }
}

/// A case file in HEAD that is not TOML, or is TOML that breaks the schema: show exits 4
/// naming the file; writes on it refuse the same way.
#[test]
fn broken_case_files_in_head_are_named() {
    let contents: [fn(&str) -> String; 3] = [
        |_: &str| "id = \"TAX-2026-0005\"\n[[[\n".to_string(),
        |t: &str| t.replacen("channel = \"visit\"", "channel = \"pigeon\"", 1),
        |t: &str| t.replacen("district = ", "category = 11\ndistrict = ", 1),
    ];
    for content in contents {
        let env = history();
        let path = case_path(FRESH);
        let text = env.read(&path);
        let broken = content(&text);
        assert_ne!(broken, text);
        fs::write(env.path(&path), broken).unwrap();
        env.git_commit_all("hand edit");
        let err = env.fails(4, &["show", FRESH]);
        assert!(err.contains(&path), "{err}");
        let err = env.fails(
            4,
            &[
                "--as",
                "zhangsan",
                "classify",
                FRESH,
                "--track",
                "own",
                "--category",
                "3",
                "--at",
                LATER,
            ],
        );
        assert!(err.contains(&path), "{err}");
        // other cases still read and act
        env.ok(&["show", MAJOR]);
    }
}

/// Symlinks planted at case paths (replacing a tracked case file, at the next case's path,
/// as a year directory, or committed): a write to that path refuses and nothing outside the
/// casebook is written. A write elsewhere goes ahead and leaves the symlink alone (DESIGN §6:
/// the check covers the files a command touches).
#[test]
fn symlinks_planted_at_case_paths_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("x.toml");
    let classify = |id: &str| {
        vec![
            "--as".to_string(),
            "zhangsan".to_string(),
            "classify".to_string(),
            id.to_string(),
            "--track".into(),
            "own".into(),
            "--category".into(),
            "3".into(),
            "--at".into(),
            LATER.into(),
        ]
    };
    let register = |at: &str| {
        let mut a = vec!["--as".to_string(), "zhangsan".to_string()];
        a.extend(register_args(&[("--at", at)]));
        a
    };
    let fails = |env: &Env, code: i32, args: &[String], names: &str| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let err = env.fails(code, &args);
        assert!(err.contains(names), "{args:?} must name {names}: {err}");
    };

    // 1. a tracked case file replaced by a symlink
    let env = history();
    let path = case_path(FRESH);
    fs::remove_file(env.path(&path)).unwrap();
    std::os::unix::fs::symlink(&target, env.path(&path)).unwrap();
    fails(&env, 1, &classify(FRESH), &path);
    assert!(!target.exists(), "written through the symlink");
    // reads come from HEAD
    env.ok(&["show", FRESH]);
    // a write to another file goes ahead, the symlink stays as it was
    let args = register(LATER);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_eq!(env.ok(&args), "TAX-2026-0006\n");
    assert!(!target.exists(), "written through the symlink");
    assert_eq!(env.git(&["status", "--porcelain"]), format!(" T {path}\n"));

    // 2. a symlink where the next register would write
    let env = history();
    let next = case_path("TAX-2026-0006");
    std::os::unix::fs::symlink(&target, env.path(&next)).unwrap();
    fails(&env, 1, &register(LATER), &next);
    assert!(!target.exists(), "written through the symlink");
    let args = classify(FRESH);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    env.ok(&args);
    assert!(!target.exists(), "written through the symlink");
    assert_eq!(env.git(&["status", "--porcelain"]), format!("?? {next}\n"));

    // 3. a year directory that is a symlink to a directory outside
    let env = history();
    let out_dir = outside.path().join("year");
    fs::create_dir(&out_dir).unwrap();
    std::os::unix::fs::symlink(&out_dir, env.path("cases/2025")).unwrap();
    fails(
        &env,
        1,
        &register("2025-12-01T09:00:00+08:00"),
        "cases/2025",
    );
    assert_eq!(fs::read_dir(&out_dir).unwrap().count(), 0);

    // 4. a symlink committed in HEAD at a case path
    let env = history();
    fs::write(&target, "id = \"TAX-2026-0006\"\n").unwrap();
    std::os::unix::fs::symlink(&target, env.path(&next)).unwrap();
    env.git_commit_all("a link");
    fails(
        &env,
        4,
        &["show".to_string(), "TAX-2026-0006".to_string()],
        &next,
    );
    // a write on it refuses, naming it (exit 1 or 4: refused, or invalid data in HEAD)
    let args = classify("TAX-2026-0006");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let before = env.head();
    let out = env.run(&args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        matches!(out.status.code(), Some(1 | 4)),
        "{:?}: {stderr}",
        out.status
    );
    assert_eq!(env.head(), before);
    assert!(
        stderr.contains("错误：") && stderr.contains(&next),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "id = \"TAX-2026-0006\"\n"
    );
}

// ---------------------------------------------------------------------------------------
// confidentiality

const PHONE: &str = "13935901234";
const ID_CODE: &str = "11010519491231002X";
const CONTACT: &str = "王小明";

/// A general case with every confidential field, registered by tax and classified.
fn private_case(env: &Env) -> String {
    let id = env.register_with(
        "zhangsan",
        &[
            ("--at", "2026-11-02T09:00:00+08:00"),
            ("--payer-kind", "individual"),
            ("--payer-name", "赵建华"),
            ("--payer-id", ID_CODE),
            ("--contact", CONTACT),
            ("--phone", PHONE),
            ("--title", "灵活就业人员滞纳金加收异议"),
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
            "6",
            "--at",
            "2026-11-02T10:00:00+08:00",
        ],
    );
    id
}

fn assert_hidden(what: &str, s: &str) {
    for secret in [PHONE, ID_CODE, CONTACT] {
        assert!(!s.contains(secret), "{what} shows {secret}: {s}");
    }
}

#[test]
fn payer_data_is_masked_in_every_output() {
    let env = Env::new();
    let id = private_case(&env);
    env.act(
        "zhangsan",
        &[
            "assign",
            &id,
            "--dept",
            "hrss",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    for args in [
        vec!["show", id.as_str()],
        vec!["show", id.as_str(), "--json"],
        vec!["list"],
        vec!["list", "--json"],
        vec!["log", id.as_str()],
        vec!["log", id.as_str(), "--json"],
        vec!["overdue"],
        vec!["overdue", "--json"],
        vec!["verify"],
    ] {
        for who in ["zhangsan", "lisi", "sunba"] {
            let out = env.run(&[&["--as", who][..], &args[..]].concat());
            let all = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert_hidden(&format!("{args:?} as {who}"), &all);
        }
    }
    let json = env.case_json(&id);
    assert_eq!(json["payer"]["phone"], "139****1234");
    assert_eq!(json["payer"]["id_code"], "110***********002X");
    assert_eq!(json["payer"]["contact"], "王**");
}

#[test]
fn reveal_is_for_the_receiving_and_assigned_departments_only() {
    let env = Env::new();
    let id = private_case(&env);
    let reveal = |who: &str, json: bool| {
        let mut args = vec!["--as", who, "show", id.as_str(), "--reveal"];
        if json {
            args.push("--json");
        }
        args.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let allowed = |who: &str| {
        for json in [false, true] {
            let args = reveal(who, json);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = env.ok(&args);
            for secret in [PHONE, ID_CODE, CONTACT] {
                assert!(out.contains(secret), "{who} may see {secret}: {out}");
            }
        }
    };
    let refused = |who: &str| {
        for json in [false, true] {
            let args = reveal(who, json);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let before = env.head();
            let out = env.run(&args);
            assert_eq!(out.status.code(), Some(1), "{who}: {out:?}");
            assert_eq!(env.head(), before);
            assert!(String::from_utf8_lossy(&out.stderr).contains("错误："));
            assert_hidden(
                &format!("refused reveal as {who}"),
                &String::from_utf8_lossy(&out.stdout),
            );
        }
    };
    // the receiving department: the receiver and another tax operator (tax also hosts the
    // leading-group office); gov, the leader's department
    allowed("zhangsan");
    allowed("wushi");
    allowed("zhengyi");
    allowed("zhoujiu");
    // not yet assigned
    refused("lisi");
    refused("zhaoliu");
    env.act(
        "zhangsan",
        &[
            "assign",
            &id,
            "--dept",
            "hrss",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    // an assigned department's handler
    allowed("lisi");
    // the workroom of the approval bureau, which may reply to and archive a general matter
    allowed("wangfang");
    // unrelated departments, whatever their role
    for who in ["zhaoliu", "sunba", "qianqi"] {
        refused(who);
    }
}

#[test]
fn commit_messages_never_hold_the_payer_phone_or_id_code() {
    let env = Env::new();
    let id = private_case(&env);
    env.act(
        "zhangsan",
        &[
            "assign",
            &id,
            "--dept",
            "hrss",
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
            "滞纳金计算无误。",
            "--at",
            "2026-11-04T09:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "reply",
            &id,
            "--text",
            "经核查，不予减免。",
            "--at",
            "2026-11-05T09:00:00+08:00",
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
            "--at",
            "2026-11-06T09:00:00+08:00",
        ],
    );
    // a referral form carries the payer's matter: its commit must not carry the payer data
    let other = env.register_with(
        "zhangsan",
        &[
            ("--at", "2026-11-09T09:00:00+08:00"),
            ("--payer-id", "91350100M000100Y43"),
            ("--phone", "0359-3025566"),
        ],
    );
    env.act(
        "zhangsan",
        &[
            "escalate",
            &other,
            "--to",
            "hotline",
            "--reason",
            "职责不清",
            "--at",
            "2026-11-09T10:00:00+08:00",
        ],
    );
    let messages = env.git(&["log", "--all", "--format=%an%n%ae%n%B"]);
    assert_hidden("git log", &messages);
    for s in ["91350100M000100Y43", "0359-3025566", "3025566"] {
        assert!(!messages.contains(s), "git log shows {s}: {messages}");
    }
    for args in [
        vec!["log", id.as_str()],
        vec!["log", id.as_str(), "--json"],
        vec!["log", other.as_str()],
    ] {
        assert_hidden(&format!("{args:?}"), &env.ok(&args));
    }
    // an individual payer is named in the register commit by the mask of the name only
    assert!(messages.contains("赵**"), "{messages}");
    assert!(!messages.contains("赵建华"), "{messages}");

    // a title holding a phone or ID number is refused before anything is written
    for title in [
        "联系电话13935901234",
        "身份证11010519491231002X",
        "电话１３９３５９０１２３４",
    ] {
        let args = register_args(&[("--title", title), ("--phone", PHONE), ("--at", LATER)]);
        let mut full = vec!["--as", "zhangsan"];
        full.extend(args.iter().map(String::as_str));
        let err = env.fails(4, &full);
        assert!(err.contains("标题"), "{title}: {err}");
    }
    // the payer's phone written with separators, in the title or the payer's name: refused
    // (exit 4, nothing written), or kept out of the commit message
    let mut leaks = vec![];
    for (flag, value) in [
        ("--title", "电话139 3590 1234"),
        ("--title", "电话139-3590-1234"),
        ("--payer-name", "赵建华13935901234"),
    ] {
        let args = register_args(&[(flag, value), ("--phone", PHONE), ("--at", LATER)]);
        let mut full = vec!["--as", "zhangsan"];
        full.extend(args.iter().map(String::as_str));
        let before = env.head();
        let out = env.run(&full);
        if out.status.success() {
            let message = env.git(&["log", "-1", "--format=%B"]);
            let digits: String = message
                .chars()
                .filter(|c| !matches!(c, ' ' | '-'))
                .collect();
            if digits.contains(PHONE) {
                leaks.push(format!(
                    "{flag} {value:?}: {}",
                    message.lines().next().unwrap_or("")
                ));
            }
        } else {
            assert_eq!(out.status.code(), Some(4), "{flag} {value}");
            assert_eq!(env.head(), before);
        }
    }
    assert!(
        leaks.is_empty(),
        "the payer's phone reached git log through: {leaks:#?}"
    );
}

/// `dispute list | head -1` on a casebook of a thousand cases: dispute exits 0 quietly.
#[test]
fn a_broken_pipe_exits_quietly() {
    let env = Env::new();
    let first = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    let text = env.read(&case_path(&first));
    for seq in 2..=1000 {
        let id = format!("TAX-2026-{seq:04}");
        let path = env.path(&case_path(&id));
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text.replace(&first, &id)).unwrap();
    }
    env.git_commit_all("a thousand cases");
    for cmd in [
        "\"$BIN\" list | head -1",
        "\"$BIN\" list --json | head -c 10",
        "\"$BIN\" list --overdue | head -1",
        "\"$BIN\" show TAX-2026-0001 | head -1",
        "\"$BIN\" log TAX-2026-0001 --json | head -c 1",
    ] {
        let out = std::process::Command::new("bash")
            .args(["-c", &format!("set -o pipefail; {cmd}")])
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", env.path(".home"))
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("DISPUTE_NOW", NOW)
            .env("BIN", env!("CARGO_BIN_EXE_dispute"))
            .current_dir(env.root())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{cmd}: {stderr}");
        assert!(!stderr.contains("panicked"), "{cmd}: {stderr}");
        assert!(!stderr.contains("错误"), "{cmd}: {stderr}");
        assert!(!out.stdout.is_empty(), "{cmd}");
    }
}
