//! The peer: a Fossil repository's tickets, what a county office would pick instead of
//! `dispute` (issue 14). Fossil 2.21 from Debian (`apt-get install fossil`); skipped with a
//! note where it is not installed.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Fossil {
    pub version: String,
    home: PathBuf,
}

impl Fossil {
    /// Fossil on the PATH, with a home directory of its own under `out`.
    pub fn find(out: &Path) -> Option<Fossil> {
        let home = out.join("fossil-home");
        std::fs::create_dir_all(&home).ok()?;
        let run = Command::new("fossil").arg("version").output().ok()?;
        run.status.success().then(|| Fossil {
            version: String::from_utf8_lossy(&run.stdout).trim().to_string(),
            home,
        })
    }

    /// `fossil ARGS -R repo` as user `bench`.
    pub fn cmd(&self, repo: &Path, args: &[&str]) -> Command {
        let mut cmd = Command::new("fossil");
        cmd.args(args)
            .arg("-R")
            .arg(repo)
            .env("USER", "bench")
            .env("HOME", &self.home);
        cmd
    }

    /// A repository of `n` tickets at `out/fossil-N.fossil`: the ticket artifacts (as
    /// `fossil ticket add` writes them: title, status, type and a comment as long as a
    /// case's summary) are written as files and read back by `fossil reconstruct`, which
    /// is how Fossil builds a repository from artifacts.
    pub fn repo(&self, out: &Path, n: usize) -> PathBuf {
        let repo = out.join(format!("fossil-{n}.fossil"));
        let dir = out.join(format!("fossil-{n}-artifacts"));
        crate::discard(&repo);
        crate::discard(&dir);
        std::fs::create_dir_all(&dir).expect("artifact dir");
        for i in 0..n {
            std::fs::write(dir.join(format!("t{i}")), ticket(i)).expect("artifact");
        }
        let run = Command::new("fossil")
            .arg("reconstruct")
            .arg(&repo)
            .arg(&dir)
            .env("USER", "bench")
            .env("HOME", &self.home)
            .output()
            .expect("fossil reconstruct");
        assert!(
            run.status.success(),
            "fossil reconstruct: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        crate::discard(&dir);
        repo
    }
}

/// Fossil's escaping of a card's value.
fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(' ', "\\s")
        .replace('\n', "\\n")
}

/// Ticket artifact `i`: D, J (sorted), K, U cards and the Z card (MD5 of the rest).
fn ticket(i: usize) -> String {
    use md5::Digest;
    use sha1::Sha1;
    let uuid = Sha1::digest(format!("ticket {i}").as_bytes());
    let uuid: String = uuid.iter().map(|b| format!("{b:02x}")).collect();
    let comment =
        "缴费人对社会保险费缴费基数核定和滞纳金加收有异议，要求重新核定并说明依据。".repeat(3);
    let body = format!(
        "D 2026-{:02}-{:02}T09:{:02}:00.000\nJ comment {}\nJ status Open\nJ title {}\nJ type Code_Defect\nK {uuid}\nU bench\n",
        1 + i % 12,
        1 + i % 28,
        i % 60,
        escape(&comment),
        escape(&format!("芮城县第{i}号缴费单位 缴费争议")),
    );
    let z: String = md5::Md5::digest(body.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("{body}Z {z}\n")
}
