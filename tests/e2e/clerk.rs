//! Issue 12, a clerk's first month: the casebook never needs a hand edit (calendar years,
//! member departments, settings as signed commands that `verify` replays), corrections and
//! voiding without lies, writes that either happen and say so or do not happen, and the
//! rough edges a new user hit.

use crate::harness::*;

/// The casebook's `casebook.toml` as committed, parsed.
fn casebook(env: &Env) -> toml::Table {
    toml::from_str(&env.git(&["show", "HEAD:casebook.toml"])).expect("casebook.toml")
}

fn verify_clean(env: &Env) {
    let (code, findings) = env.verify_json(&[]);
    assert_eq!(code, 0, "verify: {findings:#?}");
    assert!(findings.is_empty(), "{findings:#?}");
}

// ---------------------------------------------------------------------------------------
// 1. The casebook never needs a hand edit

#[test]
fn the_missing_calendar_year_warning_names_the_command_that_adds_it() {
    let env = Env::new();
    // A reply limit long enough to reach into 2027, a year the calendar does not hold.
    env.as_ok("admin", &["admin", "set", "deadline.reply", "40"]);
    let id = env.register("zhangsan", "2026-11-26T09:00:00+08:00");
    let out = env.run(&[
        "--as",
        "zhangsan",
        "classify",
        &id,
        "--track",
        "own",
        "--category",
        "3",
    ]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("2027") && stderr.contains("dispute admin calendar add 2027 --off"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("[[calendar]]"),
        "no hand edit suggested: {stderr}"
    );
}

#[test]
fn admin_calendar_add_is_one_signed_commit_that_verify_replays() {
    let env = Env::new();
    env.as_ok(
        "admin",
        &[
            "admin",
            "calendar",
            "add",
            "2027",
            "--off",
            "2027-01-01",
            "--off",
            "2027-02-06..2027-02-14",
            "--workday",
            "2027-02-20",
        ],
    );
    let subject = env.git(&["log", "-1", "--format=%s%n%(trailers:key=Action,valueonly)"]);
    assert!(subject.starts_with("admin-calendar-add: "), "{subject}");
    assert!(subject.contains("admin-calendar-add\n"), "{subject}");
    assert!(
        env.git(&["cat-file", "-p", "HEAD"]).contains("gpgsig"),
        "signed"
    );
    let book = casebook(&env);
    let year = book["calendar"]
        .as_array()
        .unwrap()
        .iter()
        .find(|y| y["year"].as_integer() == Some(2027))
        .expect("2027 in the calendar")
        .clone();
    assert_eq!(
        year["holidays"].as_array().unwrap(),
        &vec![
            toml::Value::from("2027-01-01"),
            toml::Value::from("2027-02-06/2027-02-14")
        ]
    );
    assert_eq!(
        year["workdays"].as_array().unwrap(),
        &vec![toml::Value::from("2027-02-20")]
    );
    env.assert_clean();
    verify_clean(&env);

    // The calendar now counts 2027: Monday 2027-02-08 is off, so five working days from
    // Friday 2027-02-05 end on Friday 2027-02-26 (02-20, a Saturday, is worked).
    let list: serde_json::Value =
        serde_json::from_str(&env.ok(&["admin", "calendar", "list", "--json"])).unwrap();
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|y| y["year"] == 2027 && y["workdays"][0] == "2027-02-20"),
        "{list}"
    );

    // Refusals leave HEAD alone.
    let again = env.as_fails(
        "admin",
        4,
        &["admin", "calendar", "add", "2027", "--off", "2027-01-01"],
    );
    assert!(again.contains("--replace"), "{again}");
    let weekday = env.as_fails(
        "admin",
        4,
        &[
            "admin",
            "calendar",
            "add",
            "2028",
            "--off",
            "2028-01-01",
            "--workday",
            "2028-01-03",
        ],
    );
    assert!(weekday.contains("2028-01-03"), "{weekday}");
    env.as_fails(
        "admin",
        4,
        &["admin", "calendar", "add", "2028", "--off", "2027-12-31"],
    );
    let not_admin = env.as_fails(
        "zhangsan",
        1,
        &["admin", "calendar", "add", "2028", "--off", "2028-01-01"],
    );
    assert!(not_admin.contains("管理员"), "{not_admin}");

    // A corrected notice replaces the whole year, again one verified commit.
    env.as_ok(
        "admin",
        &[
            "admin",
            "calendar",
            "add",
            "2027",
            "--replace",
            "--off",
            "2027-01-01..2027-01-03",
        ],
    );
    verify_clean(&env);
}

#[test]
fn admin_calendar_add_reads_a_toml_file() {
    let env = Env::new();
    let file = env.path("2027.toml");
    std::fs::write(
        &file,
        "year = 2027\noff = [\"2027-01-01\", \"2027-02-06..2027-02-14\"]\nworkday = [\"2027-02-20\"]\n",
    )
    .unwrap();
    env.as_ok(
        "admin",
        &["admin", "calendar", "add", "2027", "--file", "2027.toml"],
    );
    std::fs::remove_file(&file).unwrap();
    let text = env.git(&["show", "HEAD:casebook.toml"]);
    assert!(text.contains("2027-02-06/2027-02-14"), "{text}");
    verify_clean(&env);
    // The file's year must be the one named.
    std::fs::write(&file, "year = 2029\noff = [\"2029-01-01\"]\n").unwrap();
    env.as_fails(
        "admin",
        4,
        &["admin", "calendar", "add", "2028", "--file", "2027.toml"],
    );
}

#[test]
fn a_member_department_is_added_and_renamed_by_command() {
    let env = Env::new();
    env.as_ok(
        "admin",
        &[
            "admin",
            "dept",
            "add",
            "housing",
            "--name",
            "芮城县住房和城乡建设局",
            "--short",
            "县住建局",
        ],
    );
    env.as_ok(
        "admin",
        &[
            "operator",
            "add",
            "liuqi",
            "--name",
            "刘七",
            "--email",
            "liuqi@rc.example.cn",
            "--dept",
            "housing",
            "--role",
            "receiver",
        ],
    );
    let id = env.register("liuqi", "2026-11-26T09:00:00+08:00");
    assert_eq!(id, "HOUSING-2026-0001");
    env.as_ok(
        "admin",
        &["admin", "dept", "edit", "housing", "--short", "县住建"],
    );
    let sheet = env.ok(&["show", &id]);
    assert!(sheet.contains("县住建"), "{sheet}");
    let list = env.ok(&["admin", "dept", "list"]);
    assert!(
        list.contains("housing") && list.contains("芮城县住房和城乡建设局"),
        "{list}"
    );
    verify_clean(&env);

    // Refusals: a taken code, a code that cannot prefix a case ID, a reserved one, an
    // unknown department, nothing to change, a non-admin.
    let taken = env.as_fails(
        "admin",
        4,
        &["admin", "dept", "add", "tax", "--name", "x", "--short", "y"],
    );
    assert!(
        taken.contains("已经是成员单位") && !taken.contains("无效"),
        "{taken}"
    );
    env.as_fails(
        "admin",
        4,
        &[
            "admin", "dept", "add", "Housing2", "--name", "x", "--short", "y",
        ],
    );
    env.as_fails(
        "admin",
        4,
        &[
            "admin",
            "dept",
            "add",
            "discipline",
            "--name",
            "x",
            "--short",
            "y",
        ],
    );
    env.as_fails(
        "admin",
        4,
        &["admin", "dept", "edit", "nowhere", "--name", "x"],
    );
    env.as_fails("admin", 4, &["admin", "dept", "edit", "housing"]);
    env.as_fails(
        "zhangsan",
        1,
        &[
            "admin", "dept", "add", "water", "--name", "x", "--short", "y",
        ],
    );
}

#[test]
fn every_setting_of_the_casebook_is_a_command() {
    let env = Env::new();
    for (name, value) in [
        ("leading-group.leader-title", "县政府常务副县长"),
        ("leading-group.office-dept", "approval"),
        (
            "leading-group.deputy-depts",
            "gov,hrss,medical,tax,approval",
        ),
        ("deadline.opinion", "7"),
        ("county", "芮城县"),
    ] {
        if name == "county" {
            // Unchanged: refused, nothing committed.
            env.as_fails("admin", 4, &["admin", "set", name, value]);
            continue;
        }
        env.as_ok("admin", &["admin", "set", name, value]);
    }
    let book = casebook(&env);
    assert_eq!(
        book["leading_group"]["leader_title"].as_str(),
        Some("县政府常务副县长")
    );
    assert_eq!(
        book["leading_group"]["office_dept"].as_str(),
        Some("approval")
    );
    assert_eq!(book["deadlines"]["opinion"].as_integer(), Some(7));
    env.as_fails(
        "admin",
        4,
        &["admin", "set", "leading-group.office-dept", "nowhere"],
    );
    verify_clean(&env);
}

#[test]
fn a_duplicate_operator_is_named_as_such_and_a_disabled_one_pointed_to_enable() {
    let env = Env::new();
    let dup = env.as_fails(
        "admin",
        4,
        &[
            "operator",
            "add",
            "lisi",
            "--name",
            "李四",
            "--email",
            "new@rc.example.cn",
            "--dept",
            "hrss",
            "--role",
            "handler",
        ],
    );
    assert!(
        dup.contains("lisi 已被使用") && !dup.contains("无效"),
        "{dup}"
    );
    env.as_ok("admin", &["operator", "disable", "lisi"]);
    let email = env.as_fails(
        "admin",
        4,
        &[
            "operator",
            "add",
            "lisi2",
            "--name",
            "李四",
            "--email",
            "lisi@rc.example.cn",
            "--dept",
            "hrss",
            "--role",
            "handler",
        ],
    );
    assert!(
        email.contains("lisi@rc.example.cn") && email.contains("dispute operator enable lisi"),
        "{email}"
    );
}

#[test]
fn the_identity_error_tells_how_to_choose_an_operator() {
    let env = Env::new();
    let args = register_args(&[]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    // No identity at all.
    let err = env.fails(1, &args);
    for what in ["--as", "DISPUTE_OPERATOR", "--key"] {
        assert!(err.contains(what), "{what} missing: {err}");
    }
    // git's user.email names no operator (a developer's global setting, say).
    env.git(&["config", "user.email", "maintainers@example.org"]);
    let err = env.fails(1, &args);
    assert!(err.contains("maintainers@example.org"), "{err}");
    for what in ["--as", "DISPUTE_OPERATOR", "--key"] {
        assert!(err.contains(what), "{what} missing: {err}");
    }
}

// ---------------------------------------------------------------------------------------
// 2. Corrections without lies

#[test]
fn a_slip_at_registration_is_corrected_and_the_old_value_stays_in_history() {
    let env = Env::new();
    let id = env.register_with(
        "zhangsan",
        &[("--summary", "x"), ("--at", "2026-11-26T09:00:00+08:00")],
    );
    env.act(
        "zhangsan",
        &[
            "correct",
            &id,
            "--field",
            "summary",
            "--value",
            "对 2026 年度缴费基数核定有异议",
            "--reason",
            "登记时误按回车",
        ],
    );
    // payer details are sealed in this casebook: not correctable (yet), and said so
    let err = env.as_fails(
        "zhangsan",
        4,
        &[
            "correct",
            &id,
            "--field",
            "phone",
            "--value",
            "0359-3025678",
            "--reason",
            "电话记错",
        ],
    );
    assert!(err.contains("加密"), "{err}");
    env.act(
        "zhangsan",
        &[
            "correct",
            &id,
            "--field",
            "title",
            "--value",
            "缴费基数异议",
            "--reason",
            "漏填标题",
        ],
    );
    let case = env.case_json(&id);
    assert_eq!(case["summary"], "对 2026 年度缴费基数核定有异议");
    assert_eq!(case["status"], "registered");
    let corrections = case["corrections"].as_array().expect("corrections");
    assert_eq!(corrections.len(), 2);
    // Each correction is a work error of the corrector's department in `stats`.
    let stats: serde_json::Value =
        serde_json::from_str(&env.ok(&["stats", "--json", "--as-of", "2026-11-27"])).unwrap();
    let tax = dept_row(&stats["departments"], "tax").expect("tax");
    assert_eq!(
        (&tax["corrections"], &tax["voided"]),
        (&2.into(), &0.into()),
        "{tax}"
    );
    assert!(env.ok(&["stats"]).contains("更正（工作差错）"));
    assert_eq!(corrections[0]["old"], "x");
    assert_eq!(corrections[0]["reason"], "登记时误按回车");
    assert!(corrections[1].get("old").is_none(), "{}", corrections[1]);

    let sheet = env.ok(&["show", &id]);
    assert!(sheet.contains("【更正记录】"), "{sheet}");
    assert!(sheet.contains("更正反映事项：原为“x”"), "{sheet}");
    assert!(sheet.contains("登记时误按回车"), "{sheet}");

    // The old value is still in git history.
    let path = case_path(&id);
    let before = env.git(&["show", &format!("HEAD~2:{path}")]);
    assert!(before.contains("summary = \"x\""), "{before}");
    let commits = env.case_commits(&id);
    assert_eq!(commits[1].subject, format!("correct {id}: 更正反映事项"));
    assert_eq!(commits[2].trailer("Action"), Some("correct"));
    verify_clean(&env);

    // Refusals: another department, nothing changed, a bad value, an unknown field.
    env.as_fails(
        "wangfang",
        1,
        &[
            "correct",
            &id,
            "--field",
            "district",
            "--value",
            "风陵渡镇",
            "--reason",
            "r",
        ],
    );
    let same = env.as_fails(
        "zhangsan",
        4,
        &[
            "correct",
            &id,
            "--field",
            "district",
            "--value",
            "古魏镇",
            "--reason",
            "r",
        ],
    );
    assert!(
        same.contains("已经是“古魏镇”") && !same.contains("无效"),
        "{same}"
    );
    env.as_fails(
        "zhangsan",
        4,
        &[
            "correct", &id, "--field", "category", "--value", "11", "--reason", "r",
        ],
    );
    env.fails_plain(
        2,
        &[
            "--as",
            "zhangsan",
            "correct",
            &id,
            "--field",
            "receiving_dept",
            "--value",
            "hrss",
            "--reason",
            "r",
        ],
    );
}

#[test]
fn a_mistaken_registration_is_voided_and_leaves_every_list_and_statistic() {
    let env = Env::new();
    let kept = env.register("zhangsan", "2026-11-20T09:00:00+08:00");
    let mistake = env.register("zhangsan", "2026-11-20T09:05:00+08:00");
    env.act(
        "zhangsan",
        &["void", &mistake, "--reason", "同一事项重复登记"],
    );
    let case = env.case_json(&mistake);
    assert_eq!(case["status"], "voided");
    assert_eq!(case["void"]["reason"], "同一事项重复登记");
    let sheet = env.ok(&["show", &mistake]);
    assert!(
        sheet.starts_with(&format!("案件 {mistake}　已作废")),
        "{sheet}"
    );
    assert!(sheet.contains("同一事项重复登记"), "{sheet}");

    assert_eq!(env.list_ids(&[]), vec![kept.clone()]);
    assert_eq!(env.list_ids(&["--status", "voided"]), vec![mistake.clone()]);
    let stats: serde_json::Value =
        serde_json::from_str(&env.ok(&["stats", "--json", "--as-of", "2026-11-27"])).unwrap();
    assert_eq!(stats["cases"], 1, "{stats}");
    // It is in no count but one: a work error of the department that registered it.
    let tax = dept_row(&stats["departments"], "tax").expect("tax");
    assert_eq!(
        (&tax["received"], &tax["voided"]),
        (&1.into(), &1.into()),
        "{tax}"
    );
    let overdue: serde_json::Value =
        serde_json::from_str(&env.ok(&["overdue", "--json", "--as-of", "2026-11-27"])).unwrap();
    assert!(
        overdue
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["case"] != mistake.as_str()),
        "{overdue}"
    );
    let ledger = env.ok(&["export", "--format", "csv"]);
    assert!(
        ledger.contains(&kept) && !ledger.contains(&mistake),
        "{ledger}"
    );

    // The number is not handed out again.
    let next = env.register("zhangsan", "2026-11-20T09:10:00+08:00");
    assert_eq!(next, "TAX-2026-0003");
    verify_clean(&env);

    // Only before anyone else worked on it, and only by the receiving department.
    env.act(
        "zhangsan",
        &["classify", &kept, "--track", "general", "--category", "3"],
    );
    env.act("zhangsan", &["assign", &kept, "--dept", "hrss"]);
    let late = env.as_fails("zhangsan", 1, &["void", &kept, "--reason", "r"]);
    assert!(late.contains("dispute correct"), "{late}");
    env.as_fails("wangfang", 1, &["void", &next, "--reason", "r"]);
    env.as_fails("zhangsan", 1, &["void", &mistake, "--reason", "again"]);
}

// ---------------------------------------------------------------------------------------
// 3. A write either happens and says so, or does not happen

/// `dispute` as `who` with a plain `std::process::Command` (for faults and privileges).
/// As root, write permissions do not bind; the command then runs without the capabilities
/// that override them (through `setpriv`), as an office clerk's account would.
fn unprivileged(env: &Env, who: &str, args: &[String]) -> std::process::Output {
    let bin = env!("CARGO_BIN_EXE_dispute");
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let mut cmd = if root {
        let mut c = std::process::Command::new("setpriv");
        c.args([
            "--bounding-set=-dac_override,-dac_read_search,-fowner,-linux_immutable",
            bin,
        ]);
        c
    } else {
        std::process::Command::new(bin)
    };
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", env.root().join(".home"))
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("DISPUTE_NOW", &env.now)
        .env("DISPUTE_KEY", key_file(who))
        .current_dir(env.root())
        .args(["--as", who])
        .args(args);
    cmd.output().expect("dispute runs")
}

#[test]
fn a_committed_symlink_in_the_case_path_is_refused_before_head_moves() {
    let env = Env::new();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(env.path("cases/2026")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), env.path("cases/2026/TAX")).unwrap();
    env.git_commit_all("手工提交一个符号链接");
    let args = register_args(&[("--at", "2026-11-26T09:00:00+08:00")]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let err = env.as_fails("zhangsan", 1, &args);
    assert!(
        err.contains("cases/2026/TAX") && err.contains("符号链接") && err.contains("未写入"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(elsewhere.path()).unwrap().count(),
        0,
        "nothing written through the link"
    );
    assert!(!env.path(".git/dispute-pending").exists());
}

#[test]
fn a_read_only_case_directory_is_refused_before_head_moves() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let first = env.register("zhangsan", "2026-11-26T09:00:00+08:00");
    assert_eq!(first, "TAX-2026-0001");
    let dir = env.path("cases/2026/TAX/00");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let before = env.head();
    let args = register_args(&[("--at", "2026-11-26T10:00:00+08:00")]);
    let out = unprivileged(&env, "zhangsan", &args);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(env.head(), before, "nothing committed: {stderr}");
    assert!(
        out.stdout.is_empty(),
        "no ID printed for a write that did not happen"
    );
    assert!(
        stderr.contains("cases/2026/TAX/00") && stderr.contains("写权限"),
        "{stderr}"
    );
    env.assert_clean();
    // Once the directory is writable again the same command works, with the next number.
    assert_eq!(
        env.register("zhangsan", "2026-11-26T10:00:00+08:00"),
        "TAX-2026-0002"
    );
}

#[test]
fn a_failure_after_the_branch_moved_prints_the_id_and_exits_with_its_own_code() {
    let env = Env::new();
    let before = env.head();
    let out = env
        .cmd()
        .env("DISPUTE_KEY", key_file("zhangsan"))
        .env("DISPUTE_FAULT", "fail:after-ref-update")
        .args(["--as", "zhangsan"])
        .args(register_args(&[("--at", "2026-11-26T09:00:00+08:00")]))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(6), "{stderr}");
    assert_eq!(
        stdout.trim(),
        "TAX-2026-0001",
        "the ID is printed: {stderr}"
    );
    assert!(stderr.contains("已提交 TAX-2026-0001"), "{stderr}");
    assert!(stderr.contains("不要重新登记"), "{stderr}");
    assert_eq!(env.rev("HEAD~1"), before, "one commit");
    // The next write finishes the working tree and says what it recovered.
    let out = env
        .cmd()
        .env("DISPUTE_KEY", key_file("zhangsan"))
        .args(["--as", "zhangsan"])
        .args(register_args(&[("--at", "2026-11-26T10:00:00+08:00")]))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "TAX-2026-0002");
    assert!(
        stderr.contains("register TAX-2026-0001") && stderr.contains("补齐"),
        "the notice names the write it finished: {stderr}"
    );
    env.assert_clean();
    verify_clean(&env);

    // An admin action failing the same way names its subject.
    let out = env
        .cmd()
        .env("DISPUTE_KEY", key_file("admin"))
        .env("DISPUTE_FAULT", "fail:after-ref-update")
        .args(["--as", "admin", "admin", "set", "deadline.opinion", "6"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(6), "{stderr}");
    assert!(stderr.contains("已提交 admin-set"), "{stderr}");
}

#[test]
fn after_a_kill_past_the_ref_update_and_a_plain_git_commit_no_number_is_reused() {
    use std::os::unix::process::ExitStatusExt;
    let env = Env::new();
    let out = env
        .cmd()
        .env("DISPUTE_KEY", key_file("zhangsan"))
        .env("DISPUTE_FAULT", "after-ref-update")
        .args(["--as", "zhangsan"])
        .args(register_args(&[("--at", "2026-11-26T09:00:00+08:00")]))
        .output()
        .unwrap();
    assert_eq!(out.status.signal(), Some(9));
    let interrupted = env.head();
    // Someone tidies up by hand: the working tree lacks the new file, so this commits its
    // removal.
    env.git(&[
        "-c",
        "user.name=手工编辑",
        "-c",
        "user.email=hand@rc.example.cn",
        "commit",
        "-q",
        "-m",
        "整理",
    ]);
    assert_ne!(env.head(), interrupted);
    let out = env
        .cmd()
        .env("DISPUTE_KEY", key_file("zhangsan"))
        .args(["--as", "zhangsan"])
        .args(register_args(&[
            ("--at", "2026-11-26T10:00:00+08:00"),
            ("--payer-name", "芮城县另一家公司"),
        ]))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "TAX-2026-0002",
        "TAX-2026-0001 was used in history: {stderr}"
    );
    // The notice says what happened to the interrupted write, not "nothing changed".
    assert!(
        stderr.contains("register TAX-2026-0001") && stderr.contains("dispute verify"),
        "{stderr}"
    );
    assert!(!stderr.contains("未被改动"), "{stderr}");
    // Without the cache the history is read again, with the same result.
    std::fs::remove_file(env.path(".git/dispute-seq")).unwrap();
    assert_eq!(
        env.register("zhangsan", "2026-11-26T11:00:00+08:00"),
        "TAX-2026-0003"
    );
    // verify still reports the hand commit that removed a case.
    let (code, findings) = env.verify_json(&[]);
    assert_ne!(code, 0);
    assert!(
        findings.iter().any(|f| f["case"] == "TAX-2026-0001"),
        "{findings:#?}"
    );
}

#[test]
fn log_shows_the_time_of_the_action_and_the_time_of_the_commit() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-20T09:30:00+08:00");
    let text = env.ok(&["log", &id]);
    let header = text.lines().nth(1).unwrap();
    assert!(
        header.contains("办理时间") && header.contains("提交时间"),
        "{text}"
    );
    let row = text
        .lines()
        .find(|l| l.contains("受理登记"))
        .expect("a row");
    let cells: Vec<&str> = row.split('┆').map(str::trim).collect();
    assert_eq!(cells.len(), 6, "six values under six headings: {row}");
    assert!(
        cells[0].ends_with("2026-11-20 09:30"),
        "办理时间 is At: {row}"
    );
    assert!(!cells[5].trim_end_matches('│').trim().is_empty(), "{row}");
    assert!(
        !cells[5].contains("2026-11-20 09:30"),
        "提交时间 is the commit's: {row}"
    );
    let json: serde_json::Value = serde_json::from_str(&env.ok(&["log", &id, "--json"])).unwrap();
    let row = &json[0];
    assert_eq!(row["at"], "2026-11-20T09:30:00+08:00");
    assert!(
        row["committed"]
            .as_str()
            .is_some_and(|c| !c.starts_with("2026-11-20T09:30"))
    );
}

// ---------------------------------------------------------------------------------------
// 4. The rough edges

/// Cases of every kind an import can replay: registered, own and archived, general with
/// two opinions and replied, redirected; with a title, a multi-line matter and reply.
fn ledger_cases(env: &Env) -> Vec<String> {
    let a = env.register_with(
        "zhangsan",
        &[
            ("--at", "2026-11-02T09:00:00+08:00"),
            ("--title", "缴费基数异议"),
            (
                "--summary",
                "对 2026 年度缴费基数核定有异议，\n要求重新核定。",
            ),
            ("--contact", "王会计"),
            ("--category", "3"),
            ("--insurance", "pension,work_injury"),
        ],
    );
    env.act(
        "zhangsan",
        &[
            "classify",
            &a,
            "--track",
            "own",
            "--at",
            "2026-11-02T10:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "reply",
            &a,
            "--text",
            "经核查，基数核定无误。\n如有异议可申请行政复议。",
            "--at",
            "2026-11-05T15:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "archive",
            &a,
            "--outcome",
            "objected",
            "--remedy",
            "reconsideration",
            "--note",
            "缴费人表示将申请复议",
            "--at",
            "2026-11-06T09:00:00+08:00",
        ],
    );
    let b = env.register_with(
        "zhangsan",
        &[
            ("--at", "2026-11-09T09:00:00+08:00"),
            ("--payer-kind", "individual"),
            ("--payer-name", "赵红梅"),
            ("--phone", "0359-3025678"),
        ],
    );
    env.act(
        "zhangsan",
        &[
            "classify",
            &b,
            "--track",
            "general",
            "--category",
            "6",
            "--at",
            "2026-11-09T10:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "assign",
            &b,
            "--dept",
            "hrss",
            "--dept",
            "medical",
            "--at",
            "2026-11-09T10:30:00+08:00",
        ],
    );
    env.act(
        "lisi",
        &[
            "opinion",
            &b,
            "--text",
            "人社部门意见：\n应予调整。",
            "--at",
            "2026-11-10T16:00:00+08:00",
        ],
    );
    env.act(
        "zhaoliu",
        &[
            "opinion",
            &b,
            "--text",
            "医保部门无异议。",
            "--at",
            "2026-11-11T16:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "reply",
            &b,
            "--text",
            "综合各部门意见，予以调整。",
            "--at",
            "2026-11-13T15:00:00+08:00",
        ],
    );
    let c = env.register_with("zhangsan", &[("--at", "2026-11-16T09:00:00+08:00")]);
    env.act(
        "zhangsan",
        &[
            "classify",
            &c,
            "--redirect",
            "hrss",
            "--note",
            "工伤认定请到县人社局办理",
            "--at",
            "2026-11-16T09:30:00+08:00",
        ],
    );
    let d = env.register_with(
        "zhangsan",
        &[
            ("--at", "2026-11-20T09:00:00+08:00"),
            ("--payer-name", "芮城县第三家公司"),
        ],
    );
    vec![a, b, c, d]
}

#[test]
fn the_exported_ledger_reads_alone_and_imports_into_a_fresh_casebook_as_the_same_cases() {
    let env = Env::new();
    let ids = ledger_cases(&env);
    let out = env.run(&[
        "--as",
        "zhangsan",
        "export",
        "--reveal",
        "--as-of",
        "2026-11-27",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    // It reads on its own: the title, the matter raised, the reply, the opinions.
    let header = csv.lines().next().unwrap();
    for h in [
        "标题",
        "反映事项",
        "回复内容",
        "书面意见(hrss)",
        "意见时间(medical)",
    ] {
        assert!(header.contains(h), "{h} missing: {header}");
    }
    assert!(
        csv.contains("要求重新核定。") && csv.contains("人社部门意见："),
        "{csv}"
    );

    let fresh = Env::new();
    std::fs::write(fresh.path("台账.csv"), &csv).unwrap();
    let imported = fresh.as_ok("zhangsan", &["import", "台账.csv"]);
    std::fs::remove_file(fresh.path("台账.csv")).unwrap();
    assert_eq!(imported.lines().collect::<Vec<_>>(), ids);
    // The same cases, field for field.
    for id in &ids {
        let path = case_path(id);
        // the re-imported case carries its import mark (补录) besides
        // and its payer details sealed again (age ciphertext is new each time)
        let comparable = |text: &str| {
            let mut t: toml::Table = text.parse().unwrap();
            t.remove("imported");
            if let Some(toml::Value::Table(payer)) = t.get_mut("payer")
                && let Some(toml::Value::Table(sealed)) = payer.get_mut("sealed")
            {
                sealed.remove("data");
            }
            t
        };
        assert_eq!(
            comparable(&fresh.read(&path)),
            comparable(&env.read(&path)),
            "{id} differs after export and import"
        );
    }
    // And the same ledger again.
    let again = fresh.run(&[
        "--as",
        "zhangsan",
        "export",
        "--reveal",
        "--as-of",
        "2026-11-27",
    ]);
    // The same ledger, but for the 补录 column: those cases are now imported ones.
    let again = String::from_utf8(again.stdout).unwrap();
    let rows = |text: &str| -> Vec<Vec<String>> {
        csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    };
    let heading = |text: &str| -> usize {
        csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes())
            .headers()
            .unwrap()
            .iter()
            .position(|h| h == "补录")
            .expect("a 补录 column")
    };
    let (mark, mark_again) = (heading(&csv), heading(&again));
    assert_eq!(mark, mark_again);
    let (before, after) = (rows(&csv), rows(&again));
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b[mark], "", "not imported the first time: {b:?}");
        assert!(a[mark].contains("从纸质台账导入"), "{a:?}");
        let without = |r: &[String]| {
            let mut r = r.to_vec();
            r.remove(mark);
            r
        };
        assert_eq!(without(b), without(a));
    }
    assert_eq!(fresh.verify_json(&[]).0, 0);
}

#[test]
fn classify_reuses_the_category_given_at_registration() {
    let env = Env::new();
    let id = env.register_with(
        "zhangsan",
        &[("--at", "2026-11-26T09:00:00+08:00"), ("--category", "6")],
    );
    env.act("zhangsan", &["classify", &id, "--track", "major"]);
    let case = env.case_json(&id);
    assert_eq!(case["category"], 6);
    assert_eq!(case["status"], "awaiting_approval");
    // Without a category anywhere, the refusal says how to give one.
    let other = env.register("zhangsan", "2026-11-26T10:00:00+08:00");
    let err = env.as_fails("zhangsan", 1, &["classify", &other, "--track", "own"]);
    assert!(
        err.contains("--category") && err.contains("dispute categories"),
        "{err}"
    );
    verify_clean(&env);
}

#[test]
fn the_ten_categories_can_be_looked_up_and_referral_is_not_offered_to_classify() {
    let env = Env::new();
    let table = env.ok(&["categories"]);
    for name in ["社会保险登记和关系转移", "滞纳金加收", "其他争议事项"] {
        assert!(table.contains(name), "{name}: {table}");
    }
    let json: serde_json::Value = serde_json::from_str(&env.ok(&["categories", "--json"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 10);
    assert_eq!(json[5]["number"], 6);
    assert_eq!(json[5]["name"], "滞纳金加收");
    for cmd in [
        ["register", "--help"],
        ["classify", "--help"],
        ["list", "--help"],
    ] {
        let help = env.ok(&cmd);
        for name in [
            "1 社会保险登记和关系转移",
            "6 滞纳金加收",
            "10 其他争议事项",
        ] {
            assert!(help.contains(name), "{cmd:?} --help lacks {name}");
        }
    }
    let help = env.ok(&["classify", "--help"]);
    let track = help
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("--track"))
        .take(3)
        .collect::<String>();
    assert!(
        track.contains("major") && !track.contains("referral"),
        "{track}"
    );
    // Tried anyway, it is refused with the way to refer a matter.
    let id = env.register("zhangsan", "2026-11-26T09:00:00+08:00");
    let err = env.as_fails(
        "zhangsan",
        4,
        &["classify", &id, "--track", "referral", "--category", "3"],
    );
    assert!(err.contains("escalate"), "{err}");
}

#[test]
fn refusals_name_the_department_use_a_verb_and_give_the_next_step() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-26T09:00:00+08:00");
    let early = env.as_fails("zhangsan", 1, &["assign", &id, "--dept", "hrss"]);
    assert!(early.contains("不能指派联办部门"), "{early}");
    assert!(early.contains("请先用 dispute classify"), "{early}");
    let other = env.as_fails(
        "wangfang",
        1,
        &["classify", &id, "--track", "own", "--category", "3"],
    );
    assert!(
        other.contains("无权分类") && other.contains("县税务局") && !other.contains("（tax）"),
        "{other}"
    );
    env.act(
        "zhangsan",
        &["classify", &id, "--track", "general", "--category", "3"],
    );
    let not_assigned = env.as_fails("lisi", 1, &["opinion", &id, "--text", "意见"]);
    assert!(
        not_assigned.contains("无权提交书面意见") && not_assigned.contains("县人社局没有被指派"),
        "{not_assigned}"
    );
}

#[test]
fn show_marks_a_late_dispatch_and_says_a_leaders_note_once() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-02T09:30:00+08:00");
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
            "2026-11-02T14:00:00+08:00",
        ],
    );
    // Due Tuesday 11-03, done Tuesday 11-10: five working days late.
    env.act(
        "zhoujiu",
        &[
            "assign",
            &id,
            "--dept",
            "hrss",
            "--hotline-ticket",
            "RC12345-1",
            "--at",
            "2026-11-10T09:30:00+08:00",
        ],
    );
    let sheet = env.ok(&["show", &id]);
    assert!(
        sheet.contains("转交承办部门：2026-11-03（已完成，逾期 5 个工作日）"),
        "{sheet}"
    );

    let major = env.register("zhangsan", "2026-11-20T09:00:00+08:00");
    env.act(
        "zhangsan",
        &["classify", &major, "--track", "major", "--category", "9"],
    );
    env.act(
        "zhengyi",
        &["approve", &major, "--note", "同意按重大疑难事项专案办理。"],
    );
    let sheet = env.ok(&["show", &major]);
    assert_eq!(
        sheet.matches("同意按重大疑难事项专案办理").count(),
        1,
        "{sheet}"
    );
    // A note that says more than the decision keeps the decision in front of it.
    let other = env.register("zhangsan", "2026-11-20T10:00:00+08:00");
    env.act(
        "zhangsan",
        &["classify", &other, "--track", "major", "--category", "9"],
    );
    env.act(
        "zhengyi",
        &["approve", &other, "--note", "请县税务局牵头。"],
    );
    let sheet = env.ok(&["show", &other]);
    assert!(
        sheet.contains("同意按重大疑难事项专案办理。请县税务局牵头。"),
        "{sheet}"
    );
}

#[test]
fn report_headings_go_to_stdout_and_date_flags_hint_at_dates() {
    let env = Env::new();
    env.register("zhangsan", "2026-11-20T09:00:00+08:00");
    let stats = env.ok(&["stats", "--as-of", "2026-11-27"]);
    assert!(
        stats.lines().next().unwrap().starts_with("截至 2026-11-27"),
        "{stats}"
    );
    let overdue = env.ok(&["overdue", "--as-of", "2026-11-27"]);
    assert!(
        overdue
            .lines()
            .last()
            .unwrap()
            .starts_with("截至 2026-11-27"),
        "{overdue}"
    );

    // Excel's way of writing a date is a date too.
    let fee = env.ok(&[
        "latefee",
        "--amount",
        "1000",
        "--from",
        "2026/3/16",
        "--to",
        "2026/03/26",
        "--json",
    ]);
    assert!(fee.contains("2026-03-16"), "{fee}");
    for flag in [
        vec!["latefee", "--amount", "1000", "--from", "16.03.2026"],
        vec!["stats", "--as-of", "2026-13-01"],
    ] {
        let err = env.fails(4, &flag);
        assert!(
            err.contains("YYYY-MM-DD") && !err.contains("RFC 3339"),
            "{flag:?}: {err}"
        );
    }
}

#[test]
fn a_voided_case_in_an_exported_ledger_is_not_imported_back_to_life() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-20T09:00:00+08:00");
    env.act("zhangsan", &["void", &id, "--reason", "重复登记"]);
    let out = env.run(&[
        "--as", "zhangsan", "export", "--reveal", "--status", "voided",
    ]);
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.contains(&id), "{csv}");
    let fresh = Env::new();
    std::fs::write(fresh.path("作废.csv"), &csv).unwrap();
    let err = fresh.as_fails("zhangsan", 4, &["import", "作废.csv"]);
    assert!(err.contains("已作废，不导入"), "{err}");
}

#[test]
fn a_write_moves_the_number_cache_to_its_own_commit() {
    let env = Env::new();
    env.register("zhangsan", "2026-11-26T09:00:00+08:00");
    let second = env.register("zhangsan", "2026-11-26T10:00:00+08:00");
    assert_eq!(second, "TAX-2026-0002");
    // The cache names the new HEAD with the number just used, so the next write reads no
    // commit back.
    let cache = std::fs::read_to_string(env.path(".git/dispute-seq")).unwrap();
    let mut lines = cache.lines();
    assert_eq!(lines.next(), Some(env.head().as_str()), "{cache}");
    assert!(lines.any(|l| l == "2026 tax 2"), "{cache}");
    assert_eq!(
        env.register("zhangsan", "2026-11-26T11:00:00+08:00"),
        "TAX-2026-0003"
    );
}

/// `stats` counts, per department, the actions recorded more than one working day after
/// they happened (`--at` set back), from git's commit times.
#[test]
fn stats_count_actions_recorded_more_than_a_working_day_after_they_happened() {
    let mut env = Env::new();
    let counts = |env: &Env| -> (u64, u64) {
        let stats: serde_json::Value =
            serde_json::from_str(&env.ok(&["stats", "--json"])).expect("json");
        let tax = dept_row(&stats["recording"], "tax");
        let n = |key: &str| tax.and_then(|t| t[key].as_u64()).unwrap_or(0);
        (n("actions"), n("recorded_late"))
    };
    // The commits are made on the real clock: record one action as happening now and one
    // weeks ago.
    env.now = chrono::Utc::now()
        .with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).expect("offset"))
        .format("%Y-%m-%dT%H:%M:%S+08:00")
        .to_string();
    let (actions, late) = counts(&env);
    env.register_with("zhangsan", &[("--payer-name", "芮城县甲公司")]);
    env.register_with(
        "zhangsan",
        &[
            ("--payer-name", "芮城县乙公司"),
            ("--at", "2026-11-02T09:00:00+08:00"),
        ],
    );
    assert_eq!(counts(&env), (actions + 2, late + 1));
    let text = env.ok(&["stats"]);
    assert!(text.contains("晚于办理时间一个工作日以上录入"), "{text}");
    // A period without those actions leaves them out.
    let stats: serde_json::Value =
        serde_json::from_str(&env.ok(&["stats", "--json", "--year", "2020"])).expect("json");
    assert_eq!(stats["recording"], serde_json::json!([]), "{stats:#}");
}
