//! The language of the command line (issue 8): help and usage errors in Chinese by default
//! and in English on request (`--lang`, `DISPUTE_LANG`, `LANG`), shell completions and
//! manual pages generated from the localised tree.

use std::process::Output;

use crate::harness::Env;

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c as u32, 0x3000..=0x303f | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xff00..=0xffef)
    })
}

fn run_with(env: &Env, vars: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = env.cmd();
    for (k, v) in vars {
        cmd.env(k, v);
    }
    cmd.args(args).output().expect("runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8 stdout")
}

#[test]
fn completions_for_bash_pass_bash_syntax_check() {
    let env = Env::empty();
    let script = env.ok(&["completions", "bash"]);
    assert!(script.contains("dispute"), "{script}");
    let path = env.path("dispute.bash");
    std::fs::write(&path, &script).expect("write script");
    let check = std::process::Command::new("bash")
        .arg("-n")
        .arg(&path)
        .output()
        .expect("bash runs");
    assert!(
        check.status.success(),
        "bash -n rejects the script: {}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn completions_for_every_shell_describe_commands_in_the_chosen_language() {
    let env = Env::empty();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = env.ok(&["completions", shell]);
        assert!(script.contains("register"), "{shell}: {script}");
    }
    // fish shows each subcommand's one-line help beside it.
    let zh = env.ok(&["completions", "fish"]);
    assert!(zh.contains("受理登记"), "{zh}");
    let en = env.ok(&["--lang", "en", "completions", "fish"]);
    assert!(en.contains("Register a case"), "{en}");
    assert!(!has_cjk(&en), "Chinese in the English fish script: {en}");
}

#[test]
fn completions_refuse_an_unknown_shell() {
    let env = Env::empty();
    let err = env.fails_plain(2, &["completions", "tcsh"]);
    assert!(err.contains("错误：") && err.contains("tcsh"), "{err}");
}

#[test]
fn man_writes_a_page_per_command_and_man_renders_it() {
    let env = Env::empty();
    let dir = env.path("man/pages");
    let out = env.run(&["man", "-o", dir.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "man prints nothing on stdout");
    assert!(stderr(&out).contains("手册页"), "{}", stderr(&out));
    for page in [
        "dispute.1",
        "dispute-register.1",
        "dispute-operator.1",
        "dispute-operator-add.1",
        "dispute-completions.1",
        "dispute-man.1",
    ] {
        assert!(dir.join(page).is_file(), "{page} missing");
    }
    let register = std::fs::read_to_string(dir.join("dispute-register.1")).expect("read");
    assert!(
        register.starts_with(".ie") || register.contains(".TH"),
        "{register}"
    );
    assert!(register.contains(".TH dispute-register 1"), "{register}");
    assert!(register.contains("受理登记"), "{register}");
    assert!(register.contains(".SH \"名称\""), "{register}");
    assert!(!register.contains(".SH NAME"), "{register}");

    // The English pages, rendered by man(1) where it is installed.
    let en_dir = env.path("man/en");
    env.ok(&["--lang", "en", "man", "-o", en_dir.to_str().expect("utf-8")]);
    let page = en_dir.join("dispute-register.1");
    let text = std::fs::read_to_string(&page).expect("read");
    assert!(!has_cjk(&text), "Chinese in the English page: {text}");
    let rendered = std::process::Command::new("man")
        .arg("-l")
        .arg(&page)
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "100")
        .output();
    match rendered {
        Ok(r) if r.status.success() => {
            let shown = String::from_utf8_lossy(&r.stdout);
            assert!(shown.contains("NAME"), "{shown}");
            assert!(shown.contains("Register a case"), "{shown}");
            assert!(shown.contains("payer-kind"), "{shown}");
        }
        // No man(1) on this machine: the pages were checked as files above.
        _ => eprintln!("note: man(1) is not available; rendering not checked"),
    }
}

#[test]
fn man_needs_an_output_directory() {
    let env = Env::empty();
    let err = env.fails_plain(2, &["man"]);
    assert!(err.contains("错误：") && err.contains("--output"), "{err}");
}

#[test]
fn english_help_has_no_chinese() {
    let env = Env::empty();
    for args in [
        &["--lang", "en", "register", "--help"][..],
        &["--lang", "en", "register", "-h"],
        &["--lang", "en", "--help"],
        &["--lang", "en", "escalate", "--help"],
        &["--lang", "en", "form", "--help"],
        &["--lang", "en", "export", "--help"],
        &["--lang", "en", "operator", "add", "--help"],
    ] {
        let help = env.ok(args);
        assert!(help.contains("Usage: dispute"), "{args:?}: {help}");
        let cjk: Vec<&str> = help.lines().filter(|l| has_cjk(l)).collect();
        assert!(
            cjk.is_empty(),
            "{args:?}: Chinese in English help: {cjk:#?}"
        );
    }
}

#[test]
fn chinese_help_is_the_default() {
    let env = Env::empty();
    let help = env.ok(&["register", "--help"]);
    assert!(help.starts_with("受理登记：登记缴费人基本情况"), "{help}");
    assert!(help.contains("用法：dispute register"), "{help}");
    assert!(
        help.contains("只有受理人（receiver）可以登记"),
        "long help: {help}"
    );
    assert!(
        help.contains("缴费人类型。可选：employer（用人单位）"),
        "{help}"
    );
    let short = env.ok(&["escalate", "-h"]);
    assert!(short.contains("上报或移交给谁"), "{short}");
    assert!(short.contains("leading-group（上报领导小组"), "{short}");
}

#[test]
fn a_usage_error_is_chinese_by_default() {
    let env = Env::empty();
    let err = env.fails_plain(2, &["register"]);
    assert!(err.contains("错误："), "{err}");
    assert!(err.contains("用法："), "{err}");
    assert!(err.contains("--payer-kind"), "{err}");
}

#[test]
fn an_unknown_command_is_named_with_a_suggestion() {
    let env = Env::empty();
    let err = env.fails_plain(2, &["regster"]);
    assert!(err.contains("没有子命令“regster”"), "{err}");
    assert!(err.contains("register"), "{err}");
    let err = env.fails_plain(2, &["--lang", "en", "regster"]);
    assert!(err.contains("regster"), "{err}");
}

#[test]
fn lang_en_gives_an_english_usage_error() {
    let env = Env::empty();
    let err = env.fails_plain(2, &["--lang", "en", "register"]);
    assert!(err.contains("error:"), "{err}");
    assert!(err.contains("Usage: dispute register"), "{err}");
    assert!(!has_cjk(&err), "{err}");
}

#[test]
fn dispute_lang_and_lang_select_english_and_the_flag_wins() {
    let env = Env::empty();
    for vars in [
        &[("DISPUTE_LANG", "en")][..],
        &[("LANG", "en_US.UTF-8")],
        &[("LANG", "zh_CN.UTF-8"), ("DISPUTE_LANG", "en")],
    ] {
        let out = run_with(&env, vars, &["register"]);
        assert_eq!(out.status.code(), Some(2), "{vars:?}");
        let err = stderr(&out);
        assert!(err.contains("Usage: dispute register"), "{vars:?}: {err}");
        assert!(!has_cjk(&err), "{vars:?}: {err}");
        let help = stdout(&run_with(&env, vars, &["latefee", "--help"]));
        assert!(help.contains("Compute the late fee"), "{vars:?}: {help}");
    }
    // --lang beats DISPUTE_LANG, and DISPUTE_LANG beats LANG.
    for (vars, args) in [
        (
            &[("DISPUTE_LANG", "en")][..],
            &["--lang", "zh-CN", "register"][..],
        ),
        (
            &[("DISPUTE_LANG", "zh-CN"), ("LANG", "en_US.UTF-8")],
            &["register"],
        ),
    ] {
        let out = run_with(&env, vars, args);
        assert_eq!(out.status.code(), Some(2), "{vars:?} {args:?}");
        let err = stderr(&out);
        assert!(
            err.contains("错误：") && err.contains("用法："),
            "{vars:?} {args:?}: {err}"
        );
    }
}

#[test]
fn english_messages_from_the_subcommands() {
    let env = Env::empty();
    let out = run_with(
        &env,
        &[("DISPUTE_LANG", "en")],
        &[
            "latefee",
            "--amount",
            "1000",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-10",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Amount owed: 1,000.00 yuan"), "{text}");
    assert!(text.contains("10 days"), "{text}");
    assert!(
        text.contains("Late fee: 1,000.00 yuan × 0.05% × 10 = 5.00 yuan"),
        "{text}"
    );

    let out = run_with(
        &env,
        &[("DISPUTE_LANG", "en")],
        &[
            "latefee",
            "--amount",
            "1000",
            "--from",
            "2026-03-10",
            "--to",
            "2026-03-01",
        ],
    );
    assert_eq!(out.status.code(), Some(4));
    let err = stderr(&out);
    assert!(err.contains("is before the first day in arrears"), "{err}");
}
