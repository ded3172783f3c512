//! The test environment: a temporary casebook, a fixed HOME with git's global and system
//! config pointed away, a fixed clock (`DISPUTE_NOW`), and a fixed set of operators.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

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
    pub fn new() -> Env {
        let env = Env::empty();
        env.ok(&[
            "init", "--county", "芮城县", "--admin", "admin", "--name", "管理员", "--email",
            "admin@rc.example.cn", "--dept", "tax",
        ]);
        for (id, name, dept, roles) in OPERATORS {
            let email = format!("{id}@rc.example.cn");
            let mut args = vec!["--as", "admin", "operator", "add", id, "--name", name, "--email", &email, "--dept", dept, "--phone", "0359-3012345"];
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

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("runs")
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
        assert!(stderr.contains("错误："), "error line missing: {stderr}");
        stderr
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
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("utf-8")
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
                "register", "--payer-kind", "employer", "--payer-name", "芮城县恒达建材有限公司",
                "--phone", "13812340000", "--district", "古魏镇", "--summary",
                "对 2026 年度缴费基数核定有异议", "--at", at,
            ],
        )
        .trim()
        .to_string()
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

/// Validate a case file against `schemas/case.schema.json`.
pub fn assert_valid_case_file(path: &Path) {
    let text = std::fs::read_to_string(path).expect("read case file");
    let value: toml::Value = toml::from_str(&text).expect("case file is TOML");
    let json = serde_json::to_value(value).expect("to json");
    let schema: Value = serde_json::from_str(include_str!("../../schemas/case.schema.json")).expect("schema");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles");
    let errors: Vec<String> = validator.iter_errors(&json).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{} fails the schema: {errors:?}", path.display());
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
