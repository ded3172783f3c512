//! Sync through a guarded central casebook (issue 10, DESIGN §10).
//!
//! A central casebook is made with `dispute server init` in a temporary directory and
//! reached either as a `file://` URL or through a real `git daemon --enable=receive-pack`
//! on 127.0.0.1 (started and stopped by the test, on a free port; skipped with a note
//! where `git daemon` is not installed). Offices are clones made with `dispute clone`,
//! each acting as its own operator with its own key.
//!
//! - three offices register and act concurrently, on the same cases too, over several
//!   rounds, syncing in a seeded random order: at the end every clone and the central
//!   casebook share one HEAD, every case exists once, every action is on the central
//!   history or kept as rejected with a reason, `verify` and `git fsck` are clean;
//! - forged pushes with plain git (wrong key, rewritten history, a merge, a force-push,
//!   a deletion, a taken number) are refused by the hook and the central HEAD stays;
//! - a sync killed at each of its fault points is completed by the next sync, without
//!   replaying anything twice;
//! - renumbering, rejected actions, missing keys, `status`, autosync, `server init`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::Value;

use crate::harness::*;

/// A tiny deterministic random number generator (xorshift64*), so a failure repeats.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// The standard casebook plus a second tax receiver, so two offices register cases of
/// the same department (and their provisional numbers collide).
fn source() -> &'static Template {
    static SOURCE: std::sync::OnceLock<Template> = std::sync::OnceLock::new();
    SOURCE.get_or_init(|| {
        let env = Env::new();
        env.ok(&[
            "--as",
            "admin",
            "operator",
            "add",
            "liming",
            "--name",
            "李明",
            "--email",
            "liming@rc.example.cn",
            "--dept",
            "tax",
            "--role",
            "receiver",
            "--phone",
            "0359-3012345",
        ]);
        env.template()
    })
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Transport {
    File,
    Daemon,
}

/// `git` with the tests' clean configuration.
fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs")
}

/// A running `git daemon`, stopped when dropped.
struct Daemon {
    child: Child,
    port: u16,
}

impl Daemon {
    fn available() -> bool {
        let out = Command::new("git").arg("--exec-path").output();
        match out {
            Ok(o) if o.status.success() => {
                let dir = String::from_utf8_lossy(&o.stdout).trim().to_string();
                Path::new(&dir).join("git-daemon").exists()
            }
            _ => false,
        }
    }

    fn start(base: &Path) -> Daemon {
        for _ in 0..5 {
            let port = std::net::TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .map(|a| a.port())
                .expect("a free port");
            let mut child = Command::new("git")
                .arg("daemon")
                .arg("--reuseaddr")
                .arg("--enable=receive-pack")
                .arg("--export-all")
                .arg(format!("--base-path={}", base.display()))
                .arg("--listen=127.0.0.1")
                .arg(format!("--port={port}"))
                .arg(base)
                .env_clear()
                .env("PATH", std::env::var("PATH").unwrap_or_default())
                .env("HOME", base)
                .env("GIT_CONFIG_GLOBAL", "/dev/null")
                .env("GIT_CONFIG_NOSYSTEM", "1")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("git daemon starts");
            // Ready when it accepts a connection (or gone, if the port was taken).
            for _ in 0..500 {
                if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return Daemon { child, port };
                }
                if let Ok(Some(_)) = child.try_wait() {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!("git daemon did not start");
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The central casebook: a bare repository made by `dispute server init`, and how
/// clones reach it.
struct Central {
    dir: tempfile::TempDir,
    url: String,
    _daemon: Option<Daemon>,
}

impl Central {
    /// None (with a note) when the transport is not available here.
    fn new(transport: Transport) -> Option<Central> {
        if transport == Transport::Daemon && !Daemon::available() {
            eprintln!(
                "note: git daemon is not installed; the git:// sync tests are skipped \
                 (Debian: apt-get install git-daemon-sysvinit, or git-daemon-run)"
            );
            return None;
        }
        let dir = tempfile::tempdir().expect("tempdir");
        let src = source().env();
        let bare = dir.path().join("central.git");
        src.ok(&["server", "init", bare.to_str().unwrap(), "--from", "."]);
        let (url, daemon) = match transport {
            Transport::File => (format!("file://{}", bare.display()), None),
            Transport::Daemon => {
                let d = Daemon::start(dir.path());
                (format!("git://127.0.0.1:{}/central.git", d.port), Some(d))
            }
        };
        Some(Central {
            dir,
            url,
            _daemon: daemon,
        })
    }

    fn git_dir(&self) -> PathBuf {
        self.dir.path().join("central.git")
    }

    /// The central branch's commit.
    fn head(&self) -> String {
        let out = git(&self.git_dir(), &["rev-parse", "refs/heads/main"]);
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// A new office: `dispute clone` into an empty directory.
    fn office(&self) -> Env {
        let env = Env::empty();
        env.ok(&["clone", &self.url, "."]);
        env.assert_clean();
        // The clone built the summary cache while it wrote the working tree: the first
        // `list` reads it rather than parsing every case file.
        let cases = env.git(&["ls-files", "cases"]);
        if cases.lines().any(|l| l.ends_with(".toml")) {
            assert!(
                env.path(".git/dispute-summaries").is_file(),
                "no summary cache after clone"
            );
        }
        env
    }
}

/// `dispute sync` as `who` (their key at hand): the exit code (0, or 1 when actions were
/// rejected), stdout and stderr.
fn sync(env: &Env, who: &str) -> (i32, String, String) {
    let out = env.run(&["--as", who, "sync"]);
    let code = out.status.code().expect("exit code");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        code == 0 || code == 1,
        "sync as {who} failed ({code}):\n{stderr}"
    );
    if code == 1 {
        assert!(
            stderr.contains("dispute sync --rejected"),
            "a rejection says where to look: {stderr}"
        );
    }
    env.assert_clean();
    (code, stdout, stderr)
}

fn sync_ok(env: &Env, who: &str) -> String {
    let (code, stdout, stderr) = sync(env, who);
    assert_eq!(code, 0, "sync as {who}: {stderr}");
    stdout
}

/// `(operator, action, At)` of every commit of a clone's history.
fn history_actions(env: &Env) -> HashSet<(String, String, String)> {
    let out = env.git(&["log", "--format=%(trailers:only,unfold)%x1e"]);
    let mut set = HashSet::new();
    for record in out.split('\x1e') {
        let get = |key: &str| {
            record
                .lines()
                .filter_map(|l| l.split_once(": "))
                .find(|(k, _)| k.trim() == key)
                .map(|(_, v)| v.trim().to_string())
        };
        if let (Some(op), Some(action), Some(at)) = (get("Operator"), get("Action"), get("At")) {
            set.insert((op, action, at));
        }
    }
    set
}

/// `sync --rejected --json` of a clone.
fn rejected(env: &Env) -> Vec<Value> {
    let out = env.ok(&["sync", "--rejected", "--json"]);
    serde_json::from_str::<Value>(&out)
        .expect("json")
        .as_array()
        .expect("array")
        .clone()
}

fn status_json(env: &Env) -> Value {
    serde_json::from_str(&env.ok(&["status", "--json"])).expect("status json")
}

/// The cases of a clone as `list --json` rows.
fn rows(env: &Env) -> Vec<Value> {
    serde_json::from_str::<Value>(&env.ok(&["list", "--json"]))
        .expect("json")
        .as_array()
        .expect("array")
        .clone()
}

// ---------------------------------------------------------------------------------------
// Three offices, concurrently

/// One action an office took (and its own casebook accepted).
#[derive(Debug, Clone)]
struct Taken {
    office: usize,
    operator: String,
    action: &'static str,
    at: String,
    /// The payer of a registration: unique, so the case can be found again.
    payer: Option<String>,
}

/// An office: its clone and the operator acting there.
struct Office {
    name: &'static str,
    who: &'static str,
    env: Env,
    registered: usize,
}

/// The `At` of the n-th action of the scenario: every action has its own minute.
fn at(n: u32) -> String {
    let base = chrono::DateTime::parse_from_rfc3339("2026-11-02T08:00:00+08:00").unwrap();
    (base + chrono::Duration::minutes(i64::from(n) * 7)).to_rfc3339()
}

fn case_json(env: &Env, id: &str) -> Value {
    env.case_json(id)
}

fn has_active(case: &Value, dept: &str) -> bool {
    case["assignments"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|a| a["dept"] == dept && a.get("removed_at").is_none())
}

fn has_opinion(case: &Value, dept: &str) -> bool {
    case["opinions"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|o| o["dept"] == dept)
}

/// Take one action the office's own casebook allows, chosen at random; None when there
/// is nothing to do (a handler with no case waiting for its opinion).
fn act(office: &mut Office, index: usize, rng: &mut Rng, clock: &mut u32) -> Option<Taken> {
    let env = &office.env;
    let who = office.who;
    let mine = |action: &'static str, at: String, payer: Option<String>| Taken {
        office: index,
        operator: who.to_string(),
        action,
        at,
        payer,
    };
    // Cases in number order: two offices of one department tend to take up the same case,
    // as two colleagues would.
    let cases = rows(env);
    let when = at(*clock);
    if who == "lisi" {
        for c in &cases {
            let id = c["id"].as_str().unwrap();
            if c["status"] != "handling" {
                continue;
            }
            let case = case_json(env, id);
            if has_active(&case, "hrss") && !has_opinion(&case, "hrss") {
                env.act(
                    who,
                    &[
                        "opinion",
                        id,
                        "--text",
                        &format!("县人社局意见（{when}）"),
                        "--at",
                        &when,
                    ],
                );
                *clock += 1;
                return Some(mine("opinion", when, None));
            }
        }
        return None;
    }
    // A receiver: now and then a new registration; otherwise move on the first case (by
    // number) that is waiting for the department, as a colleague in another office may be
    // doing with the same case at the same time.
    if rng.below(4) != 0 {
        for c in &cases {
            let id = c["id"].as_str().unwrap();
            match c["status"].as_str().unwrap() {
                "registered" => {
                    env.act(
                        who,
                        &[
                            "classify",
                            id,
                            "--track",
                            "general",
                            "--category",
                            "3",
                            "--at",
                            &when,
                        ],
                    );
                    *clock += 1;
                    return Some(mine("classify", when, None));
                }
                "handling" => {
                    let case = case_json(env, id);
                    if !has_active(&case, "hrss") {
                        env.act(who, &["assign", id, "--dept", "hrss", "--at", &when]);
                        *clock += 1;
                        return Some(mine("assign", when, None));
                    }
                    if has_opinion(&case, "hrss") {
                        env.act(
                            who,
                            &[
                                "reply",
                                id,
                                "--text",
                                "综合意见已书面告知缴费人。",
                                "--at",
                                &when,
                            ],
                        );
                        *clock += 1;
                        return Some(mine("reply", when, None));
                    }
                }
                "replied" => {
                    env.act(
                        who,
                        &["archive", id, "--outcome", "accepted", "--at", &when],
                    );
                    *clock += 1;
                    return Some(mine("archive", when, None));
                }
                _ => {}
            }
        }
    }
    office.registered += 1;
    let payer = format!("测试单位{}{}号", office.name, office.registered);
    env.register_with(who, &[("--payer-name", &payer), ("--at", &when)]);
    *clock += 1;
    Some(mine("register", when, Some(payer)))
}

fn three_offices_sync_concurrently(transport: Transport, seed: u64) {
    let Some(central) = Central::new(transport) else {
        return;
    };
    let mut offices: Vec<Office> = [("甲", "zhangsan"), ("乙", "lisi"), ("丙", "liming")]
        .into_iter()
        .map(|(name, who)| Office {
            name,
            who,
            env: central.office(),
            registered: 0,
        })
        .collect();
    let mut rng = Rng(seed);
    let mut clock = 0;
    let mut taken: Vec<Taken> = vec![];
    let mut renumbered = 0;
    const ROUNDS: usize = 5;
    for round in 0..ROUNDS {
        let mut order: Vec<usize> = (0..offices.len()).collect();
        rng.shuffle(&mut order);
        for &i in &order {
            for _ in 0..1 + rng.below(3) {
                if let Some(t) = act(&mut offices[i], i, &mut rng, &mut clock) {
                    taken.push(t);
                }
            }
        }
        rng.shuffle(&mut order);
        for &i in &order {
            // In the first round everyone works offline a while; later, most sync.
            if round > 0 && rng.below(10) < 7 {
                let (_, out, _) = sync(&offices[i].env, offices[i].who);
                renumbered += out.lines().filter(|l| l.contains(" → ")).count();
            }
        }
    }
    // Everyone syncs, twice: the first pass pushes everything, the second brings the
    // early ones up to date.
    for _ in 0..2 {
        let mut order: Vec<usize> = (0..offices.len()).collect();
        rng.shuffle(&mut order);
        for &i in &order {
            let (_, out, _) = sync(&offices[i].env, offices[i].who);
            renumbered += out.lines().filter(|l| l.contains(" → ")).count();
        }
    }

    // One history everywhere.
    let head = central.head();
    for o in &offices {
        assert_eq!(o.env.head(), head, "office {} has the central HEAD", o.name);
        let st = status_json(&o.env);
        assert_eq!(st["waiting"], 0, "{st}");
        assert_eq!(st["behind"], 0, "{st}");
        o.env.ok(&["verify"]);
        o.env.assert_clean();
        let fsck = git(o.env.root(), &["fsck", "--no-dangling"]);
        assert!(fsck.status.success(), "{:?}", fsck);
        assert_all_cases_valid(&o.env);
    }
    let fsck = git(&central.git_dir(), &["fsck", "--no-dangling"]);
    assert!(fsck.status.success(), "central fsck: {fsck:?}");

    // No action lost: on the central history, or kept as rejected by its office (with a
    // reason), never both.
    let history = history_actions(&offices[0].env);
    let kept: Vec<HashSet<(String, String, String)>> = offices
        .iter()
        .map(|o| {
            rejected(&o.env)
                .iter()
                .map(|r| {
                    assert!(!r["reason"].as_str().unwrap_or("").is_empty(), "{r}");
                    (
                        r["operator"].as_str().unwrap().to_string(),
                        r["action"].as_str().unwrap().to_string(),
                        r["at"].as_str().unwrap().to_string(),
                    )
                })
                .collect()
        })
        .collect();
    let mut on_central = 0;
    for t in &taken {
        let key = (t.operator.clone(), t.action.to_string(), t.at.clone());
        let central_has = history.contains(&key);
        let kept_has = kept[t.office].contains(&key);
        assert!(
            central_has != kept_has,
            "{t:?}: on the central history {central_has}, kept as rejected {kept_has}"
        );
        on_central += usize::from(central_has);
    }
    // Every case once, under one number.
    let cases = rows(&offices[0].env);
    let ids: HashSet<&str> = cases.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), cases.len());
    let mut by_payer: HashMap<&str, usize> = HashMap::new();
    for c in &cases {
        *by_payer.entry(c["payer"].as_str().unwrap()).or_default() += 1;
    }
    for t in taken.iter().filter(|t| t.action == "register") {
        let payer = t.payer.as_deref().unwrap();
        let expected = usize::from(history.contains(&(
            t.operator.clone(),
            "register".to_string(),
            t.at.clone(),
        )));
        assert_eq!(
            by_payer.get(payer).copied().unwrap_or(0),
            expected,
            "{payer}"
        );
    }
    // The seeds make offices collide: numbers taken, actions overtaken.
    assert!(on_central > 0);
    assert!(renumbered > 0, "no provisional number was taken");
    assert!(
        on_central < taken.len(),
        "no action was overtaken by another office"
    );
    eprintln!(
        "{transport:?}: {} actions in {ROUNDS} rounds, {on_central} on the central history, \
         {} rejected, {renumbered} renumbered, {} cases",
        taken.len(),
        taken.len() - on_central,
        cases.len()
    );

    // Plain git tells the same story, signatures included.
    if Command::new("ssh-keygen").arg("-?").output().is_ok() {
        let env = &offices[2].env;
        let signers = env.path(".home-signers");
        env.ok(&["signers", "-o", signers.to_str().unwrap()]);
        let cfg = format!("gpg.ssh.allowedSignersFile={}", signers.display());
        let marks = env.git(&["-c", &cfg, "log", "--format=%G?"]);
        assert!(
            marks.lines().all(|l| l == "G"),
            "every commit carries a good signature: {marks}"
        );
        std::fs::remove_file(signers).unwrap();
    }
}

#[test]
fn three_offices_sync_through_a_file_remote() {
    three_offices_sync_concurrently(Transport::File, 0x5EED_0001);
}

#[test]
fn three_offices_sync_through_git_daemon() {
    three_offices_sync_concurrently(Transport::Daemon, 0x5EED_0002);
}

// ---------------------------------------------------------------------------------------
// The hook

/// Push with plain git from a clone; the exit status and what the client saw.
fn git_push(env: &Env, args: &[&str]) -> (bool, String) {
    let mut full = vec!["push"];
    full.extend_from_slice(args);
    let out = git(env.root(), &full);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

/// `git commit` in a clone signed with `key_of`'s key as `name <email>`, with git's
/// own options (`--amend`, `-m`…).
fn git_commit_signed(env: &Env, key_of: &str, name: &str, email: &str, args: &[&str]) {
    let user_name = format!("user.name={name}");
    let user_email = format!("user.email={email}");
    let key = format!("user.signingkey={}", key_file(key_of).display());
    let mut full = vec![
        "-c",
        &user_name,
        "-c",
        &user_email,
        "-c",
        "gpg.format=ssh",
        "-c",
        &key,
        "commit",
        "-q",
        "-S",
    ];
    full.extend_from_slice(args);
    env.git(&full);
}

fn forged_pushes_are_refused(transport: Transport) {
    let Some(central) = Central::new(transport) else {
        return;
    };
    let office = central.office();
    let id = office.register("zhangsan", "2026-11-02T09:00:00+08:00");
    sync_ok(&office, "zhangsan");
    let pushed = central.head();
    let refused = |what: &str, args: &[&str], expect: &str| {
        let (ok, said) = git_push(&office, args);
        assert!(!ok, "{what}: the push must be refused");
        assert!(
            said.contains("中心案卷库拒绝了这次推送"),
            "{what}: the client sees the hook's words: {said}"
        );
        assert!(said.contains(expect), "{what}: {expect:?} in {said}");
        assert_eq!(central.head(), pushed, "{what}: the central HEAD stays");
    };

    // A legal action signed with another operator's key.
    office
        .scenario(&id)
        .classify("zhangsan", "general", 3, "", "2026-11-02T10:00:00+08:00");
    git_commit_signed(
        &office,
        "lisi",
        "张三",
        "zhangsan@rc.example.cn",
        &["--amend", "--no-edit", "--reset-author"],
    );
    refused("wrong key", &["origin", "main"], "签名");
    office.git(&["reset", "-q", "--hard", &pushed]);

    // History rewritten: the pushed commit amended, then force-pushed.
    git_commit_signed(
        &office,
        "zhangsan",
        "张三",
        "zhangsan@rc.example.cn",
        &["--amend", "-m", "register: 改写过的历史"],
    );
    refused(
        "rewritten history",
        &["--force", "origin", "main"],
        "不是快进",
    );
    office.git(&["reset", "-q", "--hard", &pushed]);

    // A force-push back to an older commit.
    refused(
        "force-push",
        &["--force", "origin", "HEAD~1:main"],
        "不是快进",
    );

    // A merge.
    office
        .scenario(&id)
        .classify("zhangsan", "general", 3, "", "2026-11-02T10:00:00+08:00");
    let tree = office.rev("HEAD^{tree}");
    let merge = office
        .git(&[
            "-c",
            "user.name=张三",
            "-c",
            "user.email=zhangsan@rc.example.cn",
            "commit-tree",
            &tree,
            "-p",
            "HEAD",
            "-p",
            &pushed,
            "-m",
            "merge",
        ])
        .trim()
        .to_string();
    refused(
        "merge",
        &["origin", &format!("{merge}:refs/heads/main")],
        "合并",
    );

    // Deleting the branch, or another branch.
    refused("deletion", &["origin", ":main"], "删除");
    refused(
        "another branch",
        &["origin", "HEAD:refs/heads/other"],
        "refs/heads/other",
    );

    // A number already taken: the case file removed, then a different case written at
    // its place, both commits signed by the operator.
    office.git(&["reset", "-q", "--hard", &pushed]);
    let path = case_path(&id);
    let other = Env::new();
    let other_id = other.register_with("zhangsan", &[("--payer-name", "另一家公司")]);
    assert_eq!(other_id, id);
    office.git(&["rm", "-q", &path]);
    git_commit_signed(
        &office,
        "zhangsan",
        "张三",
        "zhangsan@rc.example.cn",
        &["-m", "删除"],
    );
    std::fs::create_dir_all(office.path(&path).parent().unwrap()).unwrap();
    std::fs::copy(other.path(&path), office.path(&path)).unwrap();
    office.git(&["add", &path]);
    let message = format!(
        "register {id}: 另一家公司\n\nCase: {id}\nAction: register\nOperator: zhangsan\n\
         Dept: tax\nAt: 2026-11-20T09:30:00+08:00\n"
    );
    git_commit_signed(
        &office,
        "zhangsan",
        "张三",
        "zhangsan@rc.example.cn",
        &["-m", &message],
    );
    refused("taken number", &["origin", "main"], "已被占用");

    // A legal action pushed with plain git is let in: the hook checks, it does not
    // forbid git.
    office.git(&["reset", "-q", "--hard", &pushed]);
    office
        .scenario(&id)
        .classify("zhangsan", "general", 3, "", "2026-11-02T10:00:00+08:00");
    let (ok, said) = git_push(&office, &["origin", "main"]);
    assert!(ok, "a verified fast-forward goes in: {said}");
    assert_eq!(central.head(), office.head());
    let fsck = git(&central.git_dir(), &["fsck", "--no-dangling"]);
    assert!(fsck.status.success());
}

#[test]
fn forged_pushes_to_a_file_remote_are_refused() {
    forged_pushes_are_refused(Transport::File);
}

#[test]
fn forged_pushes_over_git_daemon_are_refused() {
    forged_pushes_are_refused(Transport::Daemon);
}

// ---------------------------------------------------------------------------------------
// Crashes

/// A sync killed (SIGKILL) at each of its steps, in a seeded random order and after
/// random local work: the next sync completes it, nothing is replayed twice, and the
/// clone ends equal to the central casebook.
#[test]
fn a_sync_killed_at_any_step_is_completed_by_the_next() {
    const POINTS: &[&str] = &[
        "sync-after-fetch",
        "sync-after-replay",
        "sync-before-push",
        "sync-after-push",
        "sync-before-advance",
        "sync-after-advance",
        "after-worktree-file",
    ];
    let mut rng = Rng(0x5EED_0003);
    let mut points = POINTS.to_vec();
    rng.shuffle(&mut points);
    for point in points {
        let Some(central) = Central::new(Transport::File) else {
            return;
        };
        let a = central.office();
        let b = central.office();
        // The central casebook moves on, so a's work must be replayed and renumbered.
        b.register_with("liming", &[("--payer-name", "乙办公室单位")]);
        sync_ok(&b, "liming");
        let n = 1 + rng.below(3);
        let mut payers = vec!["乙办公室单位".to_string()];
        for k in 0..n {
            let payer = format!("甲办公室单位{k}");
            let id = a.register_with(
                "zhangsan",
                &[
                    ("--payer-name", &payer),
                    ("--at", &format!("2026-11-0{}T09:00:00+08:00", k + 2)),
                ],
            );
            if rng.below(2) == 0 {
                a.scenario(&id).classify(
                    "zhangsan",
                    "general",
                    3,
                    "",
                    &format!("2026-11-0{}T10:00:00+08:00", k + 2),
                );
            }
            payers.push(payer);
        }
        let killed = a
            .cmd()
            .env("DISPUTE_KEY", key_file("zhangsan"))
            .env("DISPUTE_FAULT", point)
            .args(["--as", "zhangsan", "sync"])
            .output()
            .unwrap();
        assert!(!killed.status.success(), "{point}: the sync was killed");
        // Reads work at once, from whatever HEAD is.
        rows(&a);
        let out = sync_ok(&a, "zhangsan");
        assert_eq!(a.head(), central.head(), "{point}: {out}");
        let cases = rows(&a);
        let mut seen: Vec<&str> = cases.iter().map(|c| c["payer"].as_str().unwrap()).collect();
        seen.sort();
        payers.sort();
        assert_eq!(seen, payers, "{point}: every case once");
        a.ok(&["verify"]);
        a.assert_clean();
        assert!(!a.path(".git/dispute/sync-pending").exists(), "{point}");
        assert!(!a.path(".git/dispute-pending").exists(), "{point}");
        let st = status_json(&a);
        assert_eq!(st["waiting"], 0, "{point}: {st}");
        assert!(git(a.root(), &["fsck", "--no-dangling"]).status.success());
        // b takes it all, and verifies it.
        sync_ok(&b, "liming");
        assert_eq!(b.head(), central.head());
        b.ok(&["verify"]);
    }
}

// ---------------------------------------------------------------------------------------
// Numbers, rejections, keys, status, autosync, server init

/// Two offices register offline and both get TAX-2026-0001: the second to sync gets the
/// next free number, its later actions follow, and sync prints `old → new`. Until then
/// `list` and `show` mark the case 未同步.
#[test]
fn a_taken_provisional_number_is_changed_and_the_actions_follow() {
    let Some(central) = Central::new(Transport::File) else {
        return;
    };
    let a = central.office();
    let c = central.office();
    let first = a.register_with("zhangsan", &[("--payer-name", "甲单位")]);
    let mine = c.register_with(
        "liming",
        &[
            ("--payer-name", "丙单位"),
            ("--at", "2026-11-20T09:00:00+08:00"),
        ],
    );
    let second = c.register_with(
        "liming",
        &[
            ("--payer-name", "丙单位二"),
            ("--at", "2026-11-20T10:00:00+08:00"),
        ],
    );
    assert_eq!(first, "TAX-2026-0001");
    assert_eq!(mine, "TAX-2026-0001");
    assert_eq!(second, "TAX-2026-0002");
    c.scenario(&mine)
        .classify("liming", "general", 3, "", "2026-11-20T11:00:00+08:00");

    // Provisional until synced.
    let row = &rows(&c)[0];
    assert_eq!(row["provisional"], true, "{row}");
    let list = c.ok(&["list"]);
    assert!(list.contains("TAX-2026-0001（未同步）"), "{list}");
    let sheet = c.ok(&["show", &mine]);
    assert!(sheet.contains("【未同步】"), "{sheet}");
    let st = status_json(&c);
    assert_eq!(st["waiting"], 3, "{st}");
    assert_eq!(st["provisional"].as_array().unwrap().len(), 2, "{st}");

    sync_ok(&a, "zhangsan");
    let out = sync_ok(&c, "liming");
    // 0001 is taken; 0002 is held by c's own second case, so the first goes to 0003.
    assert_eq!(out.trim(), "TAX-2026-0001 → TAX-2026-0003", "{out}");
    let sheet = c.ok(&["show", "TAX-2026-0003"]);
    assert!(
        sheet.contains("丙单位") && !sheet.contains("未同步"),
        "{sheet}"
    );
    assert_eq!(c.case_json("TAX-2026-0003")["status"], "handling");
    assert_eq!(c.case_json("TAX-2026-0001")["payer"]["name"], "甲单位");
    assert_eq!(c.case_json("TAX-2026-0002")["payer"]["name"], "丙单位二");
    assert!(rows(&c).iter().all(|r| r.get("provisional").is_none()));
    // The history names the new number in its trailers and path.
    let commits = c.case_commits("TAX-2026-0003");
    assert_eq!(commits.len(), 2);
    assert!(
        commits
            .iter()
            .all(|k| k.trailer("Case") == Some("TAX-2026-0003"))
    );
    // The old number now names a's case; looking it up in c says where c's case went.
    let out = c.run(&["show", "TAX-2026-0001"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("TAX-2026-0003"), "{err}");
    c.ok(&["verify"]);
    sync_ok(&a, "zhangsan");
    assert_eq!(a.head(), c.head());
}

/// An opinion given in one office while the assignment was withdrawn in another: the
/// opinion is rejected with its reason and inputs, everything else is pushed, and sync
/// exits 1 naming it.
#[test]
fn an_action_no_longer_legal_is_kept_with_its_reason_and_the_rest_is_pushed() {
    let Some(central) = Central::new(Transport::File) else {
        return;
    };
    let a = central.office();
    let b = central.office();
    let mut ids = vec![];
    for k in 0..2 {
        let id = a.register_with(
            "zhangsan",
            &[
                ("--payer-name", &format!("单位{k}")),
                ("--at", "2026-11-02T09:00:00+08:00"),
            ],
        );
        a.scenario(&id)
            .classify("zhangsan", "general", 3, "", "2026-11-02T10:00:00+08:00")
            .assign("zhangsan", &["hrss"], "2026-11-02T11:00:00+08:00");
        ids.push(id);
    }
    sync_ok(&a, "zhangsan");
    sync_ok(&b, "lisi");
    for id in &ids {
        b.act(
            "lisi",
            &[
                "opinion",
                id,
                "--text",
                &format!("{id} 的县人社局意见"),
                "--at",
                "2026-11-04T09:00:00+08:00",
            ],
        );
    }
    a.act(
        "zhangsan",
        &[
            "assign",
            &ids[0],
            "--remove",
            "hrss",
            "--reason",
            "不涉及三险",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    sync_ok(&a, "zhangsan");
    let before = central.head();
    let (code, _, err) = sync(&b, "lisi");
    assert_eq!(code, 1, "{err}");
    assert!(err.contains(&format!("opinion {}", ids[0])), "{err}");
    assert!(err.contains("lisi"), "{err}");
    assert_ne!(central.head(), before, "the other opinion was pushed");
    assert_eq!(b.head(), central.head());
    let kept = rejected(&b);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(kept[0]["case"], ids[0].as_str());
    assert_eq!(kept[0]["action"], "opinion");
    assert_eq!(kept[0]["operator"], "lisi");
    assert!(!kept[0]["reason"].as_str().unwrap().is_empty());
    assert_eq!(
        kept[0]["inputs"]["Opinion"]["text"],
        format!("{} 的县人社局意见", ids[0])
    );
    let table = b.ok(&["sync", "--rejected"]);
    assert!(table.contains(&ids[0]), "{table}");
    let opinions = |id: &str| {
        b.case_json(id)["opinions"]
            .as_array()
            .map_or(0, |a| a.len())
    };
    assert_eq!(opinions(&ids[1]), 1);
    assert_eq!(opinions(&ids[0]), 0);
    // The original commit is kept too.
    let commit = kept[0]["commit"].as_str().unwrap();
    b.git(&["cat-file", "-e", commit]);
    assert_eq!(status_json(&b)["rejected"], 1);
    // Nothing is left to push; the next sync is clean.
    sync_ok(&b, "lisi");
    b.ok(&["verify"]);
}

/// Local actions of two operators, the central casebook moved on, and only one key here:
/// sync names the other operator and pushes nothing. With both keys it goes through.
#[test]
fn a_missing_key_stops_sync_before_anything_is_pushed() {
    let Some(central) = Central::new(Transport::File) else {
        return;
    };
    let a = central.office();
    let b = central.office();
    let id = a.register("zhangsan", "2026-11-02T09:00:00+08:00");
    a.scenario(&id)
        .classify("zhangsan", "general", 3, "", "2026-11-02T10:00:00+08:00")
        .assign("zhangsan", &["hrss"], "2026-11-02T11:00:00+08:00");
    a.act(
        "lisi",
        &[
            "opinion",
            &id,
            "--text",
            "意见",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    b.register("liming", "2026-11-02T08:00:00+08:00");
    sync_ok(&b, "liming");
    let central_before = central.head();
    let local_before = a.head();
    let err = a.as_fails("zhangsan", 1, &["sync"]);
    assert!(err.contains("私钥：lisi；"), "{err}");
    assert_eq!(central.head(), central_before);
    assert_eq!(a.head(), local_before);
    a.assert_clean();
    // lisi's key in the usual place as well: both operators' actions are replayed.
    std::fs::write(a.path(".git/info/exclude"), ".home/\n").unwrap();
    let ssh = a.path(".home/.ssh");
    std::fs::create_dir_all(&ssh).unwrap();
    std::fs::copy(key_file("lisi"), ssh.join("id_ed25519")).unwrap();
    let out = sync_ok(&a, "zhangsan");
    assert_eq!(out.trim(), "TAX-2026-0001 → TAX-2026-0002");
    assert_eq!(a.head(), central.head());
    a.ok(&["verify"]);
    std::fs::remove_dir_all(a.path(".home")).unwrap();
}

/// `status` counts what waits on each side; sync with nothing to do is quiet.
#[test]
fn status_counts_what_waits_on_each_side() {
    let Some(central) = Central::new(Transport::File) else {
        return;
    };
    let a = central.office();
    let b = central.office();
    let st = status_json(&a);
    assert_eq!(st["waiting"], 0);
    assert_eq!(st["behind"], 0);
    assert_eq!(st["remote"]["url"], central.url.as_str());
    a.register("zhangsan", "2026-11-02T09:00:00+08:00");
    a.register("zhangsan", "2026-11-02T10:00:00+08:00");
    b.register("liming", "2026-11-02T08:00:00+08:00");
    sync_ok(&b, "liming");
    assert_eq!(status_json(&a)["behind"], 0, "not fetched yet");
    let st: Value = serde_json::from_str(&a.ok(&["status", "--fetch", "--json"])).expect("json");
    assert_eq!(st["waiting"], 2, "{st}");
    assert_eq!(st["behind"], 1, "{st}");
    let text = a.ok(&["status"]);
    assert!(text.contains("待推送的本机操作：2 项"), "{text}");
    assert!(text.contains("尚未取回的操作：1 项"), "{text}");
    sync_ok(&a, "zhangsan");
    let st = status_json(&a);
    assert_eq!(
        (st["waiting"].clone(), st["behind"].clone()),
        (0.into(), 0.into())
    );
    // A casebook without a central one says so.
    let alone = Env::new();
    assert!(alone.ok(&["status"]).contains("没有中心案卷库"));
    let err = alone.as_fails("zhangsan", 3, &["sync"]);
    assert!(err.contains("origin"), "{err}");
}

/// An office whose index is split (the tool splits it from 4,096 files on; here git does,
/// as `git update-index --split-index`): writes keep it split and git's view right, and so
/// does a sync that brings in another office's case and renumbers this office's.
#[test]
fn a_split_index_is_kept_by_writes_and_by_sync() {
    let Some(central) = Central::new(Transport::File) else {
        return;
    };
    let a = central.office();
    let b = central.office();
    let split = |env: &Env| {
        std::fs::read(env.path(".git/index"))
            .expect("index")
            .windows(4)
            .any(|w| w == b"link")
    };
    a.git(&["update-index", "--split-index"]);
    assert!(split(&a));
    let id = a.register("zhangsan", "2026-11-02T09:00:00+08:00");
    a.register("zhangsan", "2026-11-02T10:00:00+08:00");
    assert!(split(&a), "the writes kept the index split");
    a.assert_clean();
    let listed = a.git(&["ls-files", "-s"]);
    assert!(listed.contains(&format!("{}.toml", id)), "{listed}");
    a.ok(&["verify"]);
    b.register("liming", "2026-11-02T08:00:00+08:00");
    sync_ok(&b, "liming");
    let synced = sync_ok(&a, "zhangsan");
    assert!(synced.contains(" → "), "renumbered: {synced}");
    assert!(split(&a), "the sync kept the index split");
    a.assert_clean();
    a.ok(&["verify"]);
    assert_eq!(rows(&a).len(), 3);
    assert_eq!(
        a.git(&["ls-files", "cases"]).lines().count(),
        a.git(&["ls-tree", "-r", "--name-only", "HEAD", "cases"])
            .lines()
            .count()
    );
}

/// A clone of a casebook with cases builds `list`'s summary cache while it writes the
/// working tree, and that cache lists what a clone listing from scratch lists.
#[test]
fn a_clone_builds_the_summary_cache_that_list_reads() {
    let Some(central) = Central::new(Transport::Daemon) else {
        return;
    };
    let a = central.office();
    for hour in 9..12 {
        a.register("zhangsan", &format!("2026-11-02T{hour:02}:00:00+08:00"));
    }
    sync_ok(&a, "zhangsan");
    let b = central.office();
    let cache = b.path(".git/dispute-summaries");
    assert!(cache.is_file(), "the clone left no summary cache");
    let listed = b.ok(&["list", "--json"]);
    assert_eq!(
        serde_json::from_str::<Value>(&listed).expect("json"),
        serde_json::from_str::<Value>(&a.ok(&["list", "--json"])).expect("json"),
    );
    // Without the cache the same rows come from parsing every file.
    std::fs::remove_file(&cache).expect("remove");
    assert_eq!(b.ok(&["list", "--json"]), listed);
}

/// With autosync on (a casebook setting, pushed like any other), every write syncs; an
/// unreachable central casebook is a warning, not a failure.
#[test]
fn autosync_pushes_after_each_write_and_only_warns_when_unreachable() {
    let Some(central) = Central::new(Transport::File) else {
        return;
    };
    let admin = central.office();
    admin.act("admin", &["admin", "set", "autosync", "on"]);
    assert_eq!(
        central.head(),
        admin.head(),
        "the setting itself was autosynced"
    );
    let a = central.office();
    let c = central.office();
    let first = c.register("liming", "2026-11-02T09:00:00+08:00");
    assert_eq!(first, "TAX-2026-0001");
    assert_eq!(central.head(), c.head());
    // a's clone has not fetched c's case: its register gets 0001 locally, autosync
    // renumbers, and the number printed is the one that stays.
    let out = a.as_ok(
        "zhangsan",
        &register_args(&[("--at", "2026-11-02T10:00:00+08:00")])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert_eq!(out.trim(), "TAX-2026-0002");
    assert_eq!(central.head(), a.head());
    a.assert_clean();
    // The central casebook out of reach: the write still succeeds.
    a.git(&["remote", "set-url", "origin", "/nonexistent/central.git"]);
    let out = a.run(&[
        "--as",
        "zhangsan",
        "classify",
        "TAX-2026-0002",
        "--track",
        "own",
        "--category",
        "3",
        "--at",
        "2026-11-02T11:00:00+08:00",
    ]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("自动同步未成功"), "{err}");
    assert_eq!(a.case_json("TAX-2026-0002")["status"], "handling");
    assert_eq!(status_json(&a)["waiting"], 1);
}

/// `server init` without `--from` starts the central casebook with the casebook's first
/// commit; `dispute sync` then pushes the rest, each commit checked by the hook.
#[test]
fn server_init_from_the_first_commit_then_sync_pushes_the_rest() {
    let env = source().env();
    let dir = tempfile::tempdir().unwrap();
    let st = status_json(&env);
    assert!(st["remote"].is_null(), "{st}");
    let bare = dir.path().join("central.git");
    env.ok(&["server", "init", bare.to_str().unwrap()]);
    let count = |git_dir: &Path| {
        String::from_utf8_lossy(&git(git_dir, &["rev-list", "--count", "refs/heads/main"]).stdout)
            .trim()
            .to_string()
    };
    assert_eq!(count(&bare), "1");
    assert!(bare.join("hooks/pre-receive").exists());
    let st = status_json(&env);
    assert_eq!(st["waiting"], env.commit_count() - 1, "{st}");
    sync_ok(&env, "zhangsan");
    assert_eq!(count(&bare), env.commit_count().to_string());
    // A second server in the same place is refused; so is a casebook that is not one.
    let err = env.fails(1, &["server", "init", bare.to_str().unwrap()]);
    assert!(err.contains("不是空的"), "{err}");
    let plain = dir.path().join("plain.git");
    assert!(
        git(dir.path(), &["init", "-q", "--bare", "plain.git"])
            .status
            .success()
    );
    let empty = Env::empty();
    let err = empty.fails(4, &["clone", plain.to_str().unwrap(), "x"]);
    assert!(err.contains("不是案卷库"), "{err}");
    assert!(!empty.path("x").exists(), "nothing half-made is left");
}

/// Admin actions and imports are replayed too: a setting changed in one office keeps the
/// other office's settings, the same operator added twice is rejected the second time,
/// and an imported case whose number was taken is renumbered.
#[test]
fn admin_actions_and_imports_replay_onto_the_central_casebook() {
    let Some(central) = Central::new(Transport::File) else {
        return;
    };
    let a = central.office();
    let c = central.office();
    // Office c: a setting, an operator, a case of 2025.
    c.act("admin", &["admin", "set", "deadline.reply", "20"]);
    c.act(
        "admin",
        &[
            "operator",
            "add",
            "dup",
            "--name",
            "重复",
            "--email",
            "dup@rc.example.cn",
            "--dept",
            "hrss",
            "--role",
            "handler",
        ],
    );
    c.register_with("liming", &[("--at", "2025-06-01T09:00:00+08:00")]);
    sync_ok(&c, "admin");
    // Office a, meanwhile: another setting, the same operator, a new one, an import.
    a.act("admin", &["admin", "set", "deadline.opinion", "7"]);
    a.act(
        "admin",
        &[
            "operator",
            "add",
            "dup",
            "--name",
            "重复",
            "--email",
            "dup@rc.example.cn",
            "--dept",
            "hrss",
            "--role",
            "handler",
        ],
    );
    a.act(
        "admin",
        &[
            "operator",
            "add",
            "newbie",
            "--name",
            "新人",
            "--email",
            "newbie@rc.example.cn",
            "--dept",
            "medical",
            "--role",
            "handler",
        ],
    );
    let files = tempfile::tempdir().unwrap();
    let ledger = files.path().join("台账.csv");
    std::fs::write(&ledger, a.ok(&["import", "--template"])).unwrap();
    let imported = a.as_ok("zhangsan", &["import", ledger.to_str().unwrap()]);
    assert_eq!(imported.trim(), "TAX-2025-0001");
    // Both admins' keys are needed: the admin's and zhangsan's actions are replayed.
    let ssh = a.path(".home/.ssh");
    std::fs::write(a.path(".git/info/exclude"), ".home/\n").unwrap();
    std::fs::create_dir_all(&ssh).unwrap();
    std::fs::copy(key_file("admin"), ssh.join("id_ed25519")).unwrap();
    let (code, out, err) = sync(&a, "zhangsan");
    assert_eq!(code, 1, "the second dup is rejected: {err}");
    assert!(err.contains("operator-add"), "{err}");
    assert_eq!(out.trim(), "TAX-2025-0001 → TAX-2025-0002", "{err}");
    assert_eq!(a.head(), central.head());
    let book = a.read("casebook.toml");
    assert!(
        book.contains("opinion = 7") && book.contains("reply = 20"),
        "{book}"
    );
    assert!(
        book.contains("newbie") && book.matches("id = \"dup\"").count() == 1,
        "{err}"
    );
    assert_eq!(
        a.case_json("TAX-2025-0002")["payer"]["name"],
        "芮城县示例建材有限公司"
    );
    let kept = rejected(&a);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0]["inputs"]["operator"]["id"], "dup");
    a.ok(&["verify"]);
    sync_ok(&c, "admin");
    c.ok(&["verify"]);
    assert_eq!(c.head(), central.head());
}

/// Issue 13's new records replay onto the central casebook like every other action: a
/// registration with the other party of an employment dispute (sealed with the payer), the
/// workroom's mediation, and a policy consultation of the leading-group office — a file
/// under `policy/` that the hook accepts, renumbered when its number was taken, naming
/// the cases by their central numbers.
#[test]
fn the_new_duties_and_policy_consultations_replay_onto_the_central_casebook() {
    let Some(central) = Central::new(Transport::File) else {
        return;
    };
    let a = central.office();
    let c = central.office();
    // Sync signs each action with its operator's key: DISPUTE_KEY for the one named by
    // --as, ~/.ssh/id_ed25519 for the leading-group office's wushi.
    for office in [&a, &c] {
        let ssh = office.path(".home/.ssh");
        std::fs::write(office.path(".git/info/exclude"), ".home/\n").unwrap();
        std::fs::create_dir_all(&ssh).unwrap();
        std::fs::copy(key_file("wushi"), ssh.join("id_ed25519")).unwrap();
    }
    let consult = |office: &Env, case: &str, at: &str| -> String {
        office
            .as_ok(
                "wushi",
                &[
                    "policy-consult",
                    "--topic",
                    "缴费基数按全口径工资核定的执行口径",
                    "--attendee",
                    "tax,hrss",
                    "--minutes",
                    "会议议定：统一窗口解释口径。",
                    "--case",
                    case,
                    "--at",
                    at,
                ],
            )
            .trim()
            .to_string()
    };
    // Office c takes TAX-2026-0001 and PC-2026-0001 first.
    let theirs = c.register_with("liming", &[("--at", "2026-11-02T09:00:00+08:00")]);
    assert_eq!(
        consult(&c, &theirs, "2026-11-02T15:00:00+08:00"),
        "PC-2026-0001"
    );
    sync_ok(&c, "liming");
    // Office a, offline meanwhile: the same numbers.
    let ours = a.register_with(
        "zhangsan",
        &[
            ("--payer-kind", "employer"),
            ("--counterparty", "王建军"),
            ("--counterparty-phone", "13935906677"),
            ("--at", "2026-11-03T09:00:00+08:00"),
        ],
    );
    assert_eq!(ours, "TAX-2026-0001");
    a.scenario(&ours)
        .classify("zhangsan", "general", 3, "", "2026-11-03T10:00:00+08:00");
    assert_eq!(
        consult(&a, &ours, "2026-11-03T15:00:00+08:00"),
        "PC-2026-0001"
    );
    let out = sync_ok(&a, "zhangsan");
    assert!(out.contains("TAX-2026-0001 → TAX-2026-0002"), "{out}");
    assert!(out.contains("PC-2026-0001 → PC-2026-0002"), "{out}");
    assert_eq!(a.head(), central.head());
    let policy: toml::Table = toml::from_str(&a.read("policy/2026/PC-2026-0002.toml")).unwrap();
    assert_eq!(
        policy["cases"].as_array().unwrap()[0].as_str(),
        Some("TAX-2026-0002")
    );
    // The other party stays sealed with the payer on the central casebook.
    let case = a.case_json("TAX-2026-0002");
    assert_eq!(case["counterparty"]["name"], "王**");
    assert_eq!(
        case["counterparty"]["sealed"]["recipients"],
        case["payer"]["sealed"]["recipients"]
    );
    let revealed = a.as_ok("zhangsan", &["show", "TAX-2026-0002", "--reveal"]);
    assert!(revealed.contains("王建军"), "{revealed}");
    // The workroom mediates the general matter; that replays too.
    a.act(
        "wangfang",
        &[
            "mediate",
            "TAX-2026-0002",
            "--result",
            "工作室调解，双方同意按复核结果执行",
            "--at",
            "2026-11-04T10:00:00+08:00",
        ],
    );
    sync_ok(&a, "wangfang");
    assert_eq!(a.head(), central.head());
    a.ok(&["verify"]);
    sync_ok(&c, "liming");
    assert_eq!(c.head(), central.head());
    c.ok(&["verify"]);
    assert_eq!(
        c.case_json("TAX-2026-0002")["mediations"][0]["dept"],
        "approval"
    );
    let history = c.git(&["log", "-p", "--format=%B"]);
    assert!(!history.contains("王建军") && !history.contains("13935906677"));
}
