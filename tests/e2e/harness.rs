//! The test environment: a temporary casebook, a fixed HOME with git's global and system
//! config pointed away, a fixed clock (`DISPUTE_NOW`), and a fixed set of operators.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

/// One case driven step by step as its operators would: each step is one signed command
/// that must succeed, print nothing on stdout and leave `git status` clean. A scenario is
/// a few lines: `env.case("zhangsan", AT).classify("zhangsan", "general", 3, AT2)…`.
pub struct Scenario<'a> {
    pub env: &'a Env,
    pub id: String,
}

impl Env {
    /// Register the standard payer and matter as `who` at `at`, with `flags` replacing or
    /// adding registration flags.
    pub fn case(&self, who: &str, at: &str) -> Scenario<'_> {
        self.case_with(who, at, &[])
    }

    pub fn case_with(&self, who: &str, at: &str, flags: &[(&str, &str)]) -> Scenario<'_> {
        let mut all = vec![("--at", at)];
        all.extend_from_slice(flags);
        let id = self.register_with(who, &all);
        Scenario { env: self, id }
    }

    /// A scenario over a case that exists already.
    pub fn scenario(&self, id: &str) -> Scenario<'_> {
        Scenario {
            env: self,
            id: id.to_string(),
        }
    }
}

impl Scenario<'_> {
    /// `dispute --as WHO ACTION ID ARGS… --at AT`.
    pub fn step(self, who: &str, action: &str, args: &[&str], at: &str) -> Self {
        let mut full = vec![action, self.id.as_str()];
        full.extend_from_slice(args);
        full.extend_from_slice(&["--at", at]);
        self.env.act(who, &full);
        self
    }

    /// `classify --track TRACK --category N` (and `--insurance` when given).
    pub fn classify(self, who: &str, track: &str, category: u8, insurance: &str, at: &str) -> Self {
        let category = category.to_string();
        let mut args = vec!["--track", track, "--category", category.as_str()];
        if !insurance.is_empty() {
            args.extend_from_slice(&["--insurance", insurance]);
        }
        self.step(who, "classify", &args, at)
    }

    /// `assign --dept D…`.
    pub fn assign(self, who: &str, depts: &[&str], at: &str) -> Self {
        let args: Vec<&str> = depts.iter().flat_map(|d| ["--dept", *d]).collect();
        self.step(who, "assign", &args, at)
    }

    /// `opinion --text TEXT` in the handler's own department.
    pub fn opinion(self, who: &str, text: &str, at: &str) -> Self {
        self.step(who, "opinion", &["--text", text], at)
    }

    pub fn reply(self, who: &str, text: &str, at: &str) -> Self {
        self.step(who, "reply", &["--text", text], at)
    }

    /// `archive --outcome accepted|objected`.
    pub fn archive(self, who: &str, outcome: &str, at: &str) -> Self {
        self.step(who, "archive", &["--outcome", outcome], at)
    }

    /// The case as `show --json` gives it.
    pub fn json(&self) -> Value {
        self.env.case_json(&self.id)
    }
}

/// `verify` passes with no finding.
pub fn assert_verifies(env: &Env) {
    let (code, findings) = env.verify_json(&[]);
    assert_eq!(code, 0, "verify must pass: {findings:#?}");
    assert!(findings.is_empty(), "{findings:#?}");
}

/// Who a command line acts as: `--as X`, else the `--admin X` of `init`.
fn acting_operator(args: &[String]) -> Option<String> {
    let after = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    after("--as").or_else(|| {
        args.iter()
            .any(|a| a == "init")
            .then(|| after("--admin"))
            .flatten()
    })
}

/// The ID of `operator add ID`.
fn operator_added(args: &[String]) -> Option<String> {
    let i = args
        .windows(2)
        .position(|w| w[0] == "operator" && w[1] == "add")?;
    args.get(i + 2).filter(|a| !a.starts_with('-')).cloned()
}

/// The test key pair of an operator: the same for the same ID in every run, so casebook
/// templates can be shared (derived from the ID; test use only).
fn test_key(id: &str) -> ssh_key::PrivateKey {
    use sha2::Digest;
    let seed: [u8; 32] = sha2::Sha256::digest(format!("dispute test key {id}")).into();
    let mut key = ssh_key::PrivateKey::from(ssh_key::private::Ed25519Keypair::from_seed(&seed));
    key.set_comment(format!("{id}@rc.example.cn"));
    key
}

/// The operator's public key line, as `operator add --public-key` takes it.
pub fn public_key(id: &str) -> String {
    test_key(id).public_key().to_openssh().expect("public key")
}

/// The operator's private key file (written once, shared by every test of the run).
pub fn key_file(id: &str) -> PathBuf {
    let dir = std::env::temp_dir().join("dispute-test-keys");
    let path = dir.join(id);
    if !path.exists() {
        std::fs::create_dir_all(&dir).expect("key dir");
        let text = test_key(id)
            .to_openssh(ssh_key::LineEnding::LF)
            .expect("private key");
        let tmp = dir.join(format!("{id}.{}.tmp", std::process::id()));
        std::fs::write(&tmp, text.as_bytes()).expect("write key");
        // ssh-keygen refuses a private key others can read
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        std::fs::rename(&tmp, &path).expect("place key");
    }
    path
}

/// The fixed "now" of every test: Friday 2026-11-27 10:00 China time.
pub const NOW: &str = "2026-11-27T10:00:00+08:00";

pub struct Env {
    pub dir: tempfile::TempDir,
    pub now: String,
}

/// Operators of the standard casebook: (id, name, dept, roles).
pub const OPERATORS: &[(&str, &str, &str, &[&str])] = &[
    ("zhangsan", "张三", "tax", &["receiver"]),
    ("wangfang", "王芳", "approval", &["receiver"]),
    ("lisi", "李四", "hrss", &["handler"]),
    ("zhaoliu", "赵六", "medical", &["handler"]),
    ("qianqi", "钱七", "finance", &["handler"]),
    ("sunba", "孙八", "justice", &["handler"]),
    ("zhoujiu", "周九", "gov", &["dispatcher"]),
    ("wushi", "吴十", "tax", &["office", "handler"]),
    ("zhengyi", "郑一", "gov", &["leader"]),
    ("chener", "陈二", "hrss", &["receiver"]),
];

impl Env {
    /// An empty directory, no casebook yet.
    pub fn empty() -> Env {
        Env {
            dir: tempfile::tempdir().expect("tempdir"),
            now: NOW.to_string(),
        }
    }

    /// A casebook initialised by `admin` (tax) with the standard operators.
    ///
    /// The casebook is built with the real binary once per test process and then copied
    /// (every file, `.git` included) into each test's own directory, which saves a dozen
    /// process starts per test.
    pub fn new() -> Env {
        static TEMPLATE: std::sync::OnceLock<Vec<(PathBuf, Vec<u8>, u32)>> =
            std::sync::OnceLock::new();
        let files = TEMPLATE.get_or_init(|| snapshot(Env::build_standard().root()));
        let env = Env::empty();
        restore(files, env.root());
        env
    }

    /// A casebook initialised by `admin` with the standard operators, built command by
    /// command.
    pub fn build_standard() -> Env {
        let env = Env::empty();
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
        // The tests record actions on fixed past dates (`DISPUTE_NOW`), whatever the real
        // day: allow backdating as far as an import of old paper records would.
        env.ok(&[
            "--as",
            "admin",
            "admin",
            "set",
            "backdate-window",
            "876000h",
        ]);
        for (id, name, dept, roles) in OPERATORS {
            let email = format!("{id}@rc.example.cn");
            let mut args = vec![
                "--as",
                "admin",
                "operator",
                "add",
                id,
                "--name",
                name,
                "--email",
                &email,
                "--dept",
                dept,
                "--phone",
                "0359-3012345",
            ];
            for r in *roles {
                args.push("--role");
                args.push(r);
            }
            env.ok(&args);
        }
        env
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// The `dispute` command with a clean environment, run in the casebook.
    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("dispute").expect("binary");
        c.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", self.dir.path().join(".home"))
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("DISPUTE_NOW", &self.now)
            .env("DISPUTE_LOCK_WAIT_MS", "2000")
            .current_dir(self.dir.path());
        c
    }

    /// Run `dispute` with `args`. The operator the command acts as (`--as X`, or the admin
    /// of `init`) gets their private key through `DISPUTE_KEY`, and `operator add ID`
    /// without a key registers ID's test key, so every commit is signed as in real use.
    pub fn run(&self, args: &[&str]) -> Output {
        let mut args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let mut cmd = self.cmd();
        if let Some(who) = acting_operator(&args) {
            cmd.env("DISPUTE_KEY", key_file(&who));
        }
        if let Some(new) = operator_added(&args)
            && !args.iter().any(|a| a == "--public-key")
        {
            args.push("--public-key".into());
            args.push(public_key(&new));
        }
        cmd.args(&args).output().expect("runs")
    }

    /// Run and expect success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "dispute {args:?} failed ({:?}):\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// Run and expect exit `code` with HEAD unchanged; returns stderr.
    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        let before = self.head();
        let out = self.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(
            out.status.code(),
            Some(code),
            "dispute {args:?}: expected exit {code}\nstdout: {}\nstderr: {stderr}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert_eq!(self.head(), before, "dispute {args:?} must not commit");
        assert!(
            stderr.contains("错误：") || stderr.contains("error: "),
            "error line missing: {stderr}"
        );
        stderr
    }

    /// Run and expect exit `code` with HEAD unchanged, without requiring the tool's own
    /// error line (clap's usage errors, exit 2, are printed by clap); returns stderr.
    pub fn fails_plain(&self, code: i32, args: &[&str]) -> String {
        let before = self.head();
        let out = self.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(
            out.status.code(),
            Some(code),
            "dispute {args:?}: expected exit {code}\nstdout: {}\nstderr: {stderr}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert_eq!(self.head(), before, "dispute {args:?} must not commit");
        stderr
    }

    /// Run and expect exit `code` with HEAD unchanged, returning (stdout, stderr): for reads
    /// that print some data and still fail (a list with an unreadable case file).
    pub fn fails_with_output(&self, code: i32, args: &[&str]) -> (String, String) {
        let before = self.head();
        let out = self.run(args);
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(
            out.status.code(),
            Some(code),
            "dispute {args:?}: expected exit {code}\nstdout: {stdout}\nstderr: {stderr}"
        );
        assert_eq!(self.head(), before, "dispute {args:?} must not commit");
        assert!(
            stderr.contains("错误：") || stderr.contains("error: "),
            "error line missing: {stderr}"
        );
        (stdout, stderr)
    }

    /// A write action as an operator: it succeeds, prints nothing on stdout (human messages
    /// go to stderr) and leaves `git status` clean.
    pub fn act(&self, who: &str, args: &[&str]) {
        let out = self.as_ok(who, args);
        assert!(out.is_empty(), "{args:?} printed on stdout: {out:?}");
        self.assert_clean();
    }

    /// Run as an operator and expect success.
    pub fn as_ok(&self, who: &str, args: &[&str]) -> String {
        let mut full = vec!["--as", who];
        full.extend_from_slice(args);
        self.ok(&full)
    }

    pub fn as_fails(&self, who: &str, code: i32, args: &[&str]) -> String {
        let mut full = vec!["--as", who];
        full.extend_from_slice(args);
        self.fails(code, &full)
    }

    /// `git` in the casebook, with the same clean environment.
    pub fn git(&self, args: &[&str]) -> String {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(self.dir.path())
            .env("HOME", self.dir.path().join(".home"))
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    /// Commit everything in the working tree with plain git, as someone editing by hand.
    pub fn git_commit_all(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&[
            "-c",
            "user.name=手工编辑",
            "-c",
            "user.email=hand@rc.example.cn",
            "commit",
            "-q",
            "-m",
            message,
        ]);
    }

    /// Number of commits reachable from HEAD.
    pub fn commit_count(&self) -> usize {
        self.git(&["rev-list", "--count", "HEAD"])
            .trim()
            .parse()
            .expect("count")
    }

    /// A file of the casebook's working tree.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// The IDs `list --json` prints with these extra arguments.
    pub fn list_ids(&self, extra: &[&str]) -> Vec<String> {
        let mut args = vec!["list", "--json"];
        args.extend_from_slice(extra);
        let rows: Value = serde_json::from_str(&self.ok(&args)).expect("list json");
        rows.as_array()
            .expect("array")
            .iter()
            .map(|r| r["id"].as_str().expect("id").to_string())
            .collect()
    }

    /// The commits that touched a case, oldest first: (author name, subject, trailers).
    pub fn case_commits(&self, id: &str) -> Vec<CommitInfo> {
        let path = case_path(id);
        let out = self.git(&[
            "log",
            "--reverse",
            "--format=%an%x1f%ae%x1f%cn%x1f%ce%x1f%s%x1f%(trailers:only,unfold)%x1e",
            "--",
            &path,
        ]);
        out.split('\x1e')
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(|r| {
                let f: Vec<&str> = r.split('\x1f').collect();
                CommitInfo {
                    author: f[0].to_string(),
                    email: f[1].to_string(),
                    committer: format!("{} <{}>", f[2], f[3]),
                    subject: f[4].to_string(),
                    trailers: f
                        .get(5)
                        .unwrap_or(&"")
                        .lines()
                        .filter_map(|l| l.split_once(": "))
                        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                        .collect(),
                }
            })
            .collect()
    }

    /// HEAD's commit id, or "" before the first commit / outside a repository.
    pub fn head(&self) -> String {
        std::process::Command::new("git")
            .args(["rev-parse", "-q", "--verify", "HEAD"])
            .current_dir(self.dir.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default()
    }

    /// Register a standard case as `who` and return its ID.
    pub fn register(&self, who: &str, at: &str) -> String {
        self.as_ok(
            who,
            &[
                "register",
                "--payer-kind",
                "employer",
                "--payer-name",
                "芮城县恒达建材有限公司",
                "--phone",
                "13812340000",
                "--district",
                "古魏镇",
                "--summary",
                "对 2026 年度缴费基数核定有异议",
                "--at",
                at,
            ],
        )
        .trim()
        .to_string()
    }

    /// Register a case as `who`: the standard payer and matter, with `overrides` replacing
    /// or adding flags (`("--district", "风陵渡镇")`, `("--at", "…")`). Returns the ID.
    pub fn register_with(&self, who: &str, overrides: &[(&str, &str)]) -> String {
        let args = register_args(overrides);
        let mut full: Vec<&str> = vec!["--as", who];
        full.extend(args.iter().map(String::as_str));
        let out = self.ok(&full);
        assert_eq!(out.lines().count(), 1, "register prints one line: {out:?}");
        out.trim().to_string()
    }

    /// A case as JSON (`show --json`).
    pub fn case_json(&self, id: &str) -> Value {
        serde_json::from_str(&self.ok(&["show", id, "--json"])).expect("json")
    }

    /// `git status --porcelain` is empty.
    pub fn assert_clean(&self) {
        let status = self.git(&["status", "--porcelain"]);
        assert!(status.is_empty(), "git status not clean:\n{status}");
    }
}

/// The arguments of `register` with the standard payer and matter, `overrides` replacing
/// flags of the same name or adding new ones.
pub fn register_args(overrides: &[(&str, &str)]) -> Vec<String> {
    let mut flags: Vec<(String, String)> = [
        ("--payer-kind", "employer"),
        ("--payer-name", "芮城县恒达建材有限公司"),
        ("--phone", "13812340000"),
        ("--district", "古魏镇"),
        ("--summary", "对 2026 年度缴费基数核定有异议"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (k, v) in overrides {
        match flags.iter_mut().find(|(f, _)| f == k) {
            Some(slot) => slot.1 = v.to_string(),
            None => flags.push((k.to_string(), v.to_string())),
        }
    }
    let mut args = vec!["register".to_string()];
    for (k, v) in flags {
        args.push(k);
        args.push(v);
    }
    args
}

/// One commit of a case's history as plain git shows it.
#[derive(Debug, Clone)]
pub struct CommitInfo {
    pub author: String,
    pub email: String,
    /// `name <email>` of the committer.
    pub committer: String,
    pub subject: String,
    pub trailers: Vec<(String, String)>,
}

impl CommitInfo {
    pub fn trailer(&self, key: &str) -> Option<&str> {
        self.trailers
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// `cases/<YEAR>/<DEPT>/<BUCKET>/<ID>.toml` of a well-formed ID, computed independently of
/// the library (four-digit or wider sequence, buckets of a hundred).
pub fn case_path(id: &str) -> String {
    let parts: Vec<&str> = id.split('-').collect();
    assert_eq!(parts.len(), 3, "{id}");
    let seq: u32 = parts[2].parse().expect("seq");
    format!("cases/{}/{}/{:02}/{id}.toml", parts[1], parts[0], seq / 100)
}

/// Every file below `root` with its content and permission bits, relative paths.
fn snapshot(root: &Path) -> Vec<(PathBuf, Vec<u8>, u32)> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = vec![];
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        for entry in std::fs::read_dir(root.join(&rel)).expect("read dir") {
            let entry = entry.expect("entry");
            let rel_path = rel.join(entry.file_name());
            let meta = entry.metadata().expect("metadata");
            if meta.is_dir() {
                // Directories are kept too (git wants its empty ones), as entries without
                // content and mode 0.
                out.push((rel_path.clone(), vec![], 0));
                stack.push(rel_path);
            } else {
                let bytes = std::fs::read(entry.path()).expect("read");
                out.push((rel_path, bytes, meta.permissions().mode()));
            }
        }
    }
    out
}

fn restore(files: &[(PathBuf, Vec<u8>, u32)], root: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for (rel, bytes, mode) in files {
        let path = root.join(rel);
        if *mode == 0 {
            std::fs::create_dir_all(&path).expect("mkdir");
            continue;
        }
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, bytes).expect("write");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(*mode)).expect("chmod");
    }
}

/// Validate a case file against `schemas/case.schema.json`.
pub fn assert_valid_case_file(path: &Path) {
    let text = std::fs::read_to_string(path).expect("read case file");
    let value: toml::Value = toml::from_str(&text).expect("case file is TOML");
    let json = serde_json::to_value(value).expect("to json");
    let schema: Value =
        serde_json::from_str(include_str!("../../schemas/case.schema.json")).expect("schema");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "{} fails the schema: {errors:?}",
        path.display()
    );
}

/// Every case file in the casebook's working tree validates.
pub fn assert_all_cases_valid(env: &Env) {
    let mut stack = vec![env.path("cases")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir") {
            let p = entry.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "toml") {
                assert_valid_case_file(&p);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Helpers of the audit-trail tests (issue 4).

/// Every file of a casebook directory, kept in memory, so a history that takes dozens of
/// commands to build is built once per test process and copied into each test's own
/// directory.
pub struct Template(Vec<(PathBuf, Vec<u8>, u32)>);

impl Template {
    /// A fresh directory holding a copy of the template (the clock is the default `NOW`).
    pub fn env(&self) -> Env {
        let env = Env::empty();
        restore(&self.0, env.root());
        env
    }
}

impl Env {
    /// The casebook as it is now (every file, `.git` included).
    pub fn template(&self) -> Template {
        Template(snapshot(self.root()))
    }

    /// `dispute verify --json` with `extra` arguments: the exit code and the findings.
    pub fn verify_json(&self, extra: &[&str]) -> (i32, Vec<Value>) {
        let mut args = vec!["verify", "--json"];
        args.extend_from_slice(extra);
        let before = self.head();
        let out = self.run(&args);
        assert_eq!(self.head(), before, "verify must not commit");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let findings: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
            panic!(
                "verify --json printed no JSON ({e}): {stdout}\nstderr: {}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
        let findings = findings.as_array().expect("an array of findings").clone();
        (out.status.code().expect("exit code"), findings)
    }

    /// Commit everything in the working tree with plain git as `name <email>` (author and
    /// committer), with `message` as given (trailers included).
    pub fn git_commit_as(&self, name: &str, email: &str, message: &str) {
        self.git(&["add", "-A"]);
        let user_name = format!("user.name={name}");
        let user_email = format!("user.email={email}");
        self.git(&[
            "-c",
            &user_name,
            "-c",
            &user_email,
            "commit",
            "-q",
            "--allow-empty-message",
            "-m",
            message,
        ]);
    }

    /// Commit everything with plain git as an operator, signed with that operator's key
    /// exactly as `git commit -S` with `gpg.format=ssh` signs (needs ssh-keygen).
    pub fn git_commit_signed_as(&self, who: &str, name: &str, email: &str, message: &str) {
        self.git(&["add", "-A"]);
        let user_name = format!("user.name={name}");
        let user_email = format!("user.email={email}");
        let key = format!("user.signingkey={}", key_file(who).display());
        self.git(&[
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
            "-m",
            message,
        ]);
    }

    /// Rewrite a case file of the working tree through its TOML table (not committed).
    pub fn edit_case(&self, id: &str, edit: impl FnOnce(&mut toml::Table)) {
        let rel = case_path(id);
        let mut table: toml::Table = toml::from_str(&self.read(&rel)).expect("case file is TOML");
        edit(&mut table);
        std::fs::write(
            self.path(&rel),
            toml::to_string(&table).expect("serialises"),
        )
        .expect("write case file");
    }

    /// The `dispute` binary as a plain `std::process::Command` with the environment of
    /// [`Env::cmd`], for tests that spawn it and kill it or run it from threads.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_dispute"));
        c.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", self.dir.path().join(".home"))
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("DISPUTE_NOW", &self.now)
            .env("DISPUTE_LOCK_WAIT_MS", "2000")
            .current_dir(self.dir.path());
        c
    }

    /// The full id of a revision.
    pub fn rev(&self, rev: &str) -> String {
        self.git(&["rev-parse", rev]).trim().to_string()
    }
}

/// The row of department `code` in a JSON array of per-department rows (`stats --json`'s
/// `departments` or `recording`), if there is one.
pub fn dept_row<'a>(rows: &'a Value, code: &str) -> Option<&'a Value> {
    rows.as_array()
        .expect("an array of department rows")
        .iter()
        .find(|d| d["dept"] == code)
}
