//! Issue 9: proven identity. Every action is signed by its operator's key; `--as` cannot
//! borrow someone else's name; plain git checks the signatures; `verify` finds forged
//! authors, rewritten history, merges that drop work and backdated actions.

use std::process::Command;

use crate::harness::*;

const AT: &str = "2026-11-20T09:00:00+08:00";

/// A general matter of the tax bureau assigned to the HR bureau; its ID.
fn assigned_case(env: &Env) -> String {
    let id = env.register("zhangsan", AT).trim().to_string();
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
            "2026-11-20T10:00:00+08:00",
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
            "2026-11-20T11:00:00+08:00",
        ],
    );
    id
}

fn opinion(env: &Env, id: &str, text: &str) {
    env.act(
        "lisi",
        &[
            "opinion",
            id,
            "--text",
            text,
            "--at",
            "2026-11-23T10:00:00+08:00",
        ],
    );
}

/// The current time in China, as `DISPUTE_NOW` takes it.
fn real_now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::Utc::now().with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap())
}

#[test]
fn as_someone_whose_key_you_lack_is_refused() {
    let env = Env::new();
    let id = assigned_case(&env);
    let before = env.head();
    // zhangsan holds only his own key and tries to write the HR bureau's opinion
    for args in [
        vec!["--as", "lisi"],
        vec![
            "--key",
            key_file("zhangsan").to_str().unwrap(),
            "--as",
            "lisi",
        ],
    ] {
        let out = env
            .cmd()
            .env("DISPUTE_KEY", key_file("zhangsan"))
            .args(&args)
            .args([
                "opinion",
                &id,
                "--text",
                "冒名意见",
                "--at",
                "2026-11-21T10:00:00+08:00",
            ])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("lisi") && stderr.contains("密钥"),
            "{stderr}"
        );
        assert_eq!(env.head(), before);
    }
    // a key nobody registered acts for nobody
    let dir = tempfile::tempdir().unwrap();
    let stranger = dir.path().join("stranger");
    env.ok(&["keygen", "-o", stranger.to_str().unwrap()]);
    let out = env
        .cmd()
        .env("DISPUTE_KEY", &stranger)
        .args(register_args(&[("--at", AT)]))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("不属于任何在职操作员"), "{stderr}");
    // no key at all for the named operator
    let out = env
        .cmd()
        .args(["--as", "zhangsan"])
        .args(register_args(&[("--at", AT)]))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("私钥"));
    assert_eq!(env.head(), before);
}

#[test]
fn plain_git_checks_every_signature_with_the_signers_file() {
    let env = Env::new();
    let id = assigned_case(&env);
    opinion(&env, &id, "经复核，缴费基数核定无误。");
    let dir = tempfile::tempdir().unwrap();
    let signers = dir.path().join("allowed_signers");
    env.ok(&["signers", "-o", signers.to_str().unwrap()]);
    let text = std::fs::read_to_string(&signers).unwrap();
    assert!(
        text.contains("lisi@rc.example.cn namespaces=\"git\",valid-after="),
        "{text}"
    );
    let allowed = format!("gpg.ssh.allowedSignersFile={}", signers.display());

    // every commit of the history: admin, several operators; all good ("G")
    let marks = env.git(&["-c", &allowed, "log", "--format=%G? %an %s"]);
    assert!(marks.lines().count() > 10, "{marks}");
    for line in marks.lines() {
        assert!(
            line.starts_with("G "),
            "not a good signature: {line}\n{marks}"
        );
    }
    let shown = env.git(&["-c", &allowed, "log", "-1", "--show-signature"]);
    assert!(
        shown.contains("Good \"git\" signature for lisi@rc.example.cn"),
        "{shown}"
    );
    for rev in ["HEAD", "HEAD~1", "HEAD~3"] {
        env.git(&["-c", &allowed, "verify-commit", rev]);
    }

    // ssh-keygen agrees on one signature, checked by hand
    let raw = env.git(&["cat-file", "commit", "HEAD"]);
    let (mut payload, mut sig, mut in_sig) = (String::new(), String::new(), false);
    for line in raw.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix("gpgsig ") {
            sig.push_str(rest);
            in_sig = true;
        } else if in_sig && line.starts_with(' ') {
            sig.push_str(&line[1..]);
        } else {
            in_sig = false;
            payload.push_str(line);
        }
    }
    let sig_file = dir.path().join("sig");
    std::fs::write(&sig_file, &sig).unwrap();
    let mut child = Command::new("ssh-keygen")
        .args([
            "-Y",
            "verify",
            "-n",
            "git",
            "-I",
            "lisi@rc.example.cn",
            "-f",
        ])
        .arg(&signers)
        .arg("-s")
        .arg(&sig_file)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("ssh-keygen runs (openssh-client is installed by .ci/run)");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(payload.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Good \"git\" signature"));
}

/// Take back the newest commit, keeping its case file text and message.
fn undo_last(env: &Env, id: &str) -> (String, String) {
    let text = env.read(&case_path(id));
    let message = env.git(&["log", "-1", "--format=%B"]);
    env.git(&["reset", "-q", "--hard", "HEAD~1"]);
    (text, message)
}

#[test]
fn a_forged_author_with_correct_trailers_is_found() {
    let env = Env::new();
    let id = assigned_case(&env);
    opinion(&env, &id, "经复核，缴费基数核定无误。");
    let (text, message) = undo_last(&env, &id);
    assert_verifies(&env);

    // the same commit, authored as 李四 by plain git, unsigned
    std::fs::write(env.path(&case_path(&id)), &text).unwrap();
    env.git_commit_as("李四", "lisi@rc.example.cn", &message);
    let forged = env.head();
    let (code, findings) = env.verify_json(&[]);
    assert_eq!(code, 1);
    assert!(
        findings
            .iter()
            .any(|f| forged.starts_with(f["commit"].as_str().unwrap())
                && f["rule"].as_str().unwrap().contains("签名")),
        "{findings:#?}"
    );

    // signed, but by zhangsan's key in lisi's name
    env.git(&["reset", "-q", "--hard", "HEAD~1"]);
    std::fs::write(env.path(&case_path(&id)), &text).unwrap();
    env.git_commit_signed_as("zhangsan", "李四", "lisi@rc.example.cn", &message);
    let forged = env.head();
    let (code, findings) = env.verify_json(&[]);
    assert_eq!(code, 1);
    assert!(
        findings
            .iter()
            .any(|f| forged.starts_with(f["commit"].as_str().unwrap())
                && f["rule"].as_str().unwrap().contains("lisi")),
        "{findings:#?}"
    );

    // signed by lisi's own key with plain git: a legal commit
    env.git(&["reset", "-q", "--hard", "HEAD~1"]);
    std::fs::write(env.path(&case_path(&id)), &text).unwrap();
    env.git_commit_signed_as("lisi", "李四", "lisi@rc.example.cn", &message);
    assert_verifies(&env);
}

#[test]
fn an_opinion_rewritten_by_filter_branch_is_found() {
    let env = Env::new();
    let id = assigned_case(&env);
    opinion(&env, &id, "人社局认为基数核定无误。");
    env.act(
        "zhangsan",
        &[
            "reply",
            &id,
            "--text",
            "经核查，基数核定无误。",
            "--at",
            "2026-11-24T10:00:00+08:00",
        ],
    );
    assert_verifies(&env);
    let path = case_path(&id);
    let out = Command::new("git")
        .args(["filter-branch", "-f", "--tree-filter"])
        .arg(format!(
            "[ -f {path} ] && sed -i 's/人社局认为基数核定无误/人社局认为基数核定有误/' {path} || true"
        ))
        .arg("HEAD")
        .current_dir(env.root())
        .env("FILTER_BRANCH_SQUELCH_WARNING", "1")
        .env("HOME", env.path(".home"))
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(env.read(&path).contains("有误"));
    let (code, findings) = env.verify_json(&[]);
    assert_eq!(code, 1);
    assert!(
        findings
            .iter()
            .any(|f| f["rule"].as_str().unwrap().contains("签名")),
        "{findings:#?}"
    );
}

/// Two offices: `b` is a clone of `a`; `b` records the HR bureau's opinion.
fn diverged() -> (Env, Env, String) {
    let a = Env::new();
    let id = assigned_case(&a);
    let b = Env::empty();
    a.git(&[
        "clone",
        "-q",
        a.root().to_str().unwrap(),
        b.root().to_str().unwrap(),
    ]);
    opinion(&b, &id, "人社局书面意见。");
    (a, b, id)
}

fn merge(into: &Env, from: &Env, strategy: &[&str]) {
    into.git(&["fetch", "-q", from.root().to_str().unwrap(), "main"]);
    let mut args = vec![
        "-c",
        "user.name=张三",
        "-c",
        "user.email=zhangsan@rc.example.cn",
        "merge",
        "-q",
        "--no-ff",
        "--no-edit",
    ];
    args.extend_from_slice(strategy);
    args.push("FETCH_HEAD");
    into.git(&args);
}

#[test]
fn a_merge_that_drops_the_other_sides_opinion_is_found() {
    let (a, b, id) = diverged();
    merge(&a, &b, &["-s", "ours"]);
    assert!(!a.read(&case_path(&id)).contains("人社局书面意见"));
    let (code, findings) = a.verify_json(&[]);
    assert_eq!(code, 1);
    assert!(
        findings
            .iter()
            .any(|f| f["case"] == id.as_str() && f["rule"].as_str().unwrap().contains("丢失")),
        "{findings:#?}"
    );
}

#[test]
fn a_merge_that_keeps_both_sides_passes() {
    let (a, b, id) = diverged();
    // meanwhile the first office registers another case
    let other = a.register("chener", "2026-11-24T09:00:00+08:00");
    merge(&a, &b, &[]);
    assert!(a.read(&case_path(&id)).contains("人社局书面意见"));
    assert!(a.path(&case_path(other.trim())).is_file());
    assert_verifies(&a);
}

#[test]
fn backdating_beyond_the_window_is_refused_and_found() {
    // a casebook with the default window of 72 hours, at today's real date
    let mut env = Env::empty();
    env.now = real_now().to_rfc3339();
    env.ok(&[
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
    ]);
    env.ok(&[
        "--as",
        "admin",
        "operator",
        "add",
        "zhangsan",
        "--name",
        "张三",
        "--email",
        "zhangsan@rc.example.cn",
        "--dept",
        "tax",
        "--role",
        "receiver",
    ]);
    let ten_days_ago = (real_now() - chrono::Duration::days(10)).to_rfc3339();
    let args = register_args(&[("--at", &ten_days_ago)]);
    let mut full = vec!["--as", "zhangsan"];
    full.extend(args.iter().map(String::as_str));
    let err = env.fails(1, &full);
    assert!(err.contains("72"), "{err}");

    // within the window it is accepted
    let yesterday = (real_now() - chrono::Duration::days(1)).to_rfc3339();
    let id = env.register("zhangsan", &yesterday).trim().to_string();
    assert_verifies(&env);

    // the same registration rewritten with plain git to ten days ago, signed by its
    // operator's own key: verify finds the backdating
    let (text, message) = undo_last(&env, &id);
    let old_at = toml::from_str::<toml::Table>(&text).unwrap()["received_at"].to_string();
    let old_at = old_at.trim_matches('"').to_string();
    let back = (real_now() - chrono::Duration::days(10))
        .format("%Y-%m-%dT%H:%M:%S+08:00")
        .to_string();
    let text = text.replace(&old_at, &back);
    let message = message
        .lines()
        .map(|l| {
            if l.starts_with("At: ") {
                format!("At: {back}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::create_dir_all(env.path(&case_path(&id)).parent().unwrap()).unwrap();
    std::fs::write(env.path(&case_path(&id)), &text).unwrap();
    env.git_commit_signed_as("zhangsan", "张三", "zhangsan@rc.example.cn", &message);
    let (code, findings) = env.verify_json(&[]);
    assert_eq!(code, 1, "{findings:#?}");
    assert!(
        findings
            .iter()
            .any(|f| f["rule"].as_str().unwrap().contains("补录时限")),
        "{findings:#?}"
    );
}

#[test]
fn operator_keys_rotate_and_old_signatures_still_verify() {
    let env = Env::new();
    let id = assigned_case(&env);
    // lisi gets a new key; the old one signed nothing new after
    let dir = tempfile::tempdir().unwrap();
    let new_key = dir.path().join("lisi2");
    env.ok(&["keygen", "-o", new_key.to_str().unwrap()]);
    let public = format!("{}.pub", new_key.display());
    env.as_ok(
        "admin",
        &["operator", "key", "lisi", "--public-key", &public],
    );
    // the old key no longer acts for lisi
    let before = env.head();
    let out = env
        .cmd()
        .env("DISPUTE_KEY", key_file("lisi"))
        .args(["--as", "lisi", "opinion", &id, "--text", "意见", "--at", AT])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(env.head(), before);
    // the new one does
    let out = env
        .cmd()
        .env("DISPUTE_KEY", &new_key)
        .args([
            "--as",
            "lisi",
            "opinion",
            &id,
            "--text",
            "意见",
            "--at",
            "2026-11-23T10:00:00+08:00",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    // a key can be registered once only
    env.as_fails(
        "admin",
        4,
        &["operator", "key", "zhaoliu", "--public-key", &public],
    );
    // disabling closes the key's validity; the history still verifies, with plain git too
    env.as_ok("admin", &["operator", "disable", "lisi"]);
    let signers = env.ok(&["signers"]);
    assert!(signers.contains("valid-before="), "{signers}");
    assert_verifies(&env);
    // re-enabled with a fresh key, lisi acts again
    let newer = dir.path().join("lisi3");
    env.ok(&["keygen", "-o", newer.to_str().unwrap()]);
    env.as_ok(
        "admin",
        &[
            "operator",
            "enable",
            "lisi",
            "--public-key",
            &format!("{}.pub", newer.display()),
        ],
    );
    env.as_ok(
        "admin",
        &["operator", "edit", "lisi", "--phone", "0359-3000000"],
    );
    assert_verifies(&env);
}
