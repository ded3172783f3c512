//! `make bench`: `dispute` side by side with Fossil's tickets at 1,000, 10,000 and 100,000
//! cases (issue 14), plus `show`, `import`, `verify` and `sync`.
//!
//! The casebooks are generated in-process with the library (the pure workflow makes a
//! realistic mix of cases in every state, payer data sealed, one signed commit), not by
//! 100,000 CLI calls; the Fossil repositories hold as many tickets, built from ticket
//! artifacts by `fossil reconstruct`. Then both release binaries are run as a user would
//! run them, interleaved run by run, and the median wall time of each whole process is
//! reported. Every `dispute` write is signed with the operator's SSH key and seals the
//! payer data, as in a county's casebook.
//!
//! Usage: bench <path to release dispute binary> [sizes…]   (output in bench-out/)

mod casebook;
mod fossil;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use casebook::{generate, key_file, signed_history};
use dispute::case::CaseId;
use fossil::Fossil;

/// Where `discard` puts what the bench is done with (`bench-out/trash`).
static TRASH: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// Put a file or directory the bench is done with aside (one rename), to be deleted at the
/// very end (`empty_trash`): ext4 without a journal, as on the development VM, creates files
/// slowly for minutes after many were deleted, which would slow whatever is timed next.
pub fn discard(path: &Path) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    if std::fs::symlink_metadata(path).is_err() {
        return;
    }
    let trash = TRASH.get().expect("trash set in main");
    std::fs::create_dir_all(trash).expect("trash");
    let name = format!(
        "{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    if std::fs::rename(path, trash.join(name)).is_err() {
        // Not on the same file system: deleted now.
        let _ = std::fs::remove_dir_all(path).or_else(|_| std::fs::remove_file(path));
    }
}

/// Delete everything discarded, after the last timing.
fn empty_trash() {
    if let Some(trash) = TRASH.get() {
        let _ = std::fs::remove_dir_all(trash);
    }
}

/// Flush what was written (`sync`), then wait until the disk is quiet: the share of the last
/// 10 s in which some task waited for I/O (`/proc/pressure/io`, Linux) under 1%, for at most
/// two minutes. On the development VM, writing back and discarding a 100,000-case casebook
/// went on for a minute after `sync` returned, and every command timed then took 2-3 times as
/// long. How long it waited goes to stderr.
fn settle() {
    let _ = Command::new("sync").status();
    let pressure = || -> Option<f64> {
        let text = std::fs::read_to_string("/proc/pressure/io").ok()?;
        let some = text.lines().find(|l| l.starts_with("some "))?;
        some.split_whitespace()
            .find_map(|f| f.strip_prefix("avg10="))?
            .parse()
            .ok()
    };
    let start = Instant::now();
    while pressure().is_some_and(|p| p >= 1.0) && start.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_secs(1));
    }
    if start.elapsed() >= Duration::from_secs(1) {
        eprintln!(
            "  waited {:.0} s for the disk to be quiet (I/O pressure {})",
            start.elapsed().as_secs_f64(),
            pressure().map_or("unknown".to_string(), |p| format!("{p:.1}%"))
        );
    }
}

/// Runs `dispute` as an operator of the bench casebook: their key, no user git config, no
/// ssh-agent.
struct Dispute {
    bin: PathBuf,
    out: PathBuf,
}

impl Dispute {
    fn cmd(&self, dir: &Path, who: Option<&str>, args: &[&str]) -> Command {
        let mut cmd = Command::new(&self.bin);
        // The casebook is named (`DISPUTE_CASEBOOK`, as `-C` would) rather than made the
        // child's working directory: the standard library of a static build starts a child
        // with a working directory by `fork`, which copies the page tables of this process,
        // large after generating 100,000 cases (tens of milliseconds per command), while
        // Fossil's commands, which take `-R`, start by `vfork`. Other commands (`clone`)
        // are given absolute paths.
        if dir.join(".git").exists() {
            cmd.env("DISPUTE_CASEBOOK", dir);
        }
        cmd.env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.out.join("home"))
            .env_remove("SSH_AUTH_SOCK")
            .env_remove("DISPUTE_TIMINGS")
            .env("DISPUTE_LANG", "zh-CN");
        if let Some(who) = who {
            cmd.args(["--as", who])
                .env("DISPUTE_KEY", key_file(&self.out, who));
        }
        cmd.args(args);
        cmd
    }
}

/// Run and time a command; it must succeed.
fn timed(mut cmd: Command) -> (Duration, Output) {
    let start = Instant::now();
    let out = cmd.output().expect("run");
    let took = start.elapsed();
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (took, out)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn ratio(a: Duration, b: Option<Duration>) -> String {
    match b {
        Some(b) => format!("{:.2}×", a.as_secs_f64() / b.as_secs_f64()),
        None => "–".into(),
    }
}

fn peer(d: Option<Duration>) -> String {
    d.map(ms).unwrap_or_else(|| "–".into())
}

fn register_args(i: usize) -> Vec<String> {
    [
        "register",
        "--payer-kind",
        "employer",
        "--payer-name",
        &format!("基准测试单位{i}"),
        "--phone",
        "13800000000",
        "--district",
        "古魏镇",
        "--summary",
        "基准测试",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

struct Size {
    n: usize,
    generate: Duration,
    register: Duration,
    ticket_add: Option<Duration>,
    classify: Duration,
    ticket_set: Option<Duration>,
    show: Duration,
    list: Duration,
    list_json: Duration,
    ticket_show: Option<Duration>,
    list_cold: Duration,
    clone: Clone,
    phases: Vec<(String, f64)>,
}

/// A clone of the casebook and the first `list` in it (medians of three).
struct Clone {
    /// `dispute clone` (fetch, working tree, and the summary cache built meanwhile).
    dispute: Duration,
    /// Plain `git clone` of the same casebook, for comparison.
    git: Duration,
    /// The first `list` in the `dispute clone`.
    first_list: Duration,
}

/// Where a `register` spends its time (`DISPUTE_TIMINGS=1`), median of `runs`.
fn register_phases(d: &Dispute, dir: &Path, runs: usize) -> Vec<(String, f64)> {
    let mut by_phase: Vec<(String, Vec<f64>)> = vec![];
    for i in 0..runs {
        let args = register_args(10_000 + i);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let mut cmd = d.cmd(dir, Some("r_tax"), &args);
        cmd.env("DISPUTE_TIMINGS", "1");
        let (_, out) = timed(cmd);
        for line in String::from_utf8_lossy(&out.stderr).lines() {
            let mut parts = line.split('\t');
            if parts.next() != Some("timing") {
                continue;
            }
            let (Some(name), Some(v)) = (parts.next(), parts.next()) else {
                continue;
            };
            let v: f64 = v.parse().unwrap_or(0.0);
            match by_phase.iter_mut().find(|(n, _)| n == name) {
                Some((_, vs)) => vs.push(v),
                None => by_phase.push((name.to_string(), vec![v])),
            }
        }
    }
    by_phase
        .into_iter()
        .map(|(name, mut vs)| {
            vs.sort_by(f64::total_cmp);
            (name, vs[vs.len() / 2])
        })
        .collect()
}

fn bench_size(d: &Dispute, fossil: Option<&Fossil>, n: usize) -> Size {
    let dir = d.out.join(format!("casebook-{n}"));
    eprintln!("generating {n} cases in {} …", dir.display());
    let gen_time = generate(&dir, n);
    eprintln!("  generated in {:.1} s", gen_time.as_secs_f64());
    let repo = fossil.map(|f| {
        eprintln!("  and a Fossil repository of {n} tickets …");
        f.repo(&d.out, n)
    });
    // Generating writes hundreds of megabytes that the kernel would otherwise still be
    // writing back while the first commands are timed.
    settle();
    // `list` without its summary cache (.git/dispute-summaries) parses every file; later it
    // reads the cache and parses only what changed. `dispute clone` builds the cache
    // (`bench_clone`); a clone by plain git starts without one.
    let cache = dir.join(".git/dispute-summaries");
    let list_cold = median(
        (0..3)
            .map(|_| {
                let _ = std::fs::remove_file(&cache);
                timed(d.cmd(&dir, None, &["list"])).0
            })
            .collect(),
    );
    // register vs ticket add, interleaved
    let (mut reg, mut add) = (vec![], vec![]);
    let mut ids = vec![];
    let mut tickets = vec![];
    for i in 0..21 {
        let args = register_args(i);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (t, out) = timed(d.cmd(&dir, Some("r_tax"), &args));
        reg.push(t);
        ids.push(String::from_utf8_lossy(&out.stdout).trim().to_string());
        if let (Some(f), Some(repo)) = (fossil, &repo) {
            let title = format!("基准测试单位{i}");
            let (t, out) = timed(f.cmd(
                repo,
                &[
                    "ticket",
                    "add",
                    "title",
                    &title,
                    "status",
                    "Open",
                    "type",
                    "Code_Defect",
                    "comment",
                    "基准测试",
                ],
            ));
            add.push(t);
            let said = String::from_utf8_lossy(&out.stdout);
            tickets.push(said.split_whitespace().last().unwrap_or("").to_string());
        }
    }
    // a workflow action vs changing a ticket's field, interleaved
    let (mut act, mut set) = (vec![], vec![]);
    for (i, id) in ids.iter().enumerate() {
        act.push(
            timed(d.cmd(
                &dir,
                Some("r_tax"),
                &["classify", id, "--track", "general", "--category", "3"],
            ))
            .0,
        );
        if let (Some(f), Some(repo), Some(t)) = (fossil, &repo, tickets.get(i)) {
            set.push(timed(f.cmd(repo, &["ticket", "set", t, "status", "Review"])).0);
        }
    }
    let show = median(
        (0..31)
            .map(|i| {
                let id = CaseId::new("hrss", 2026, (i * 37 % (n / 4).max(1)) as u32 + 1);
                timed(d.cmd(&dir, None, &["show", &id.to_string()])).0
            })
            .collect(),
    );
    let runs = if n >= 100_000 { 5 } else { 11 };
    let (mut list, mut list_json, mut tshow) = (vec![], vec![], vec![]);
    for _ in 0..runs {
        list.push(timed(d.cmd(&dir, None, &["list"])).0);
        list_json.push(timed(d.cmd(&dir, None, &["list", "--json"])).0);
        if let (Some(f), Some(repo)) = (fossil, &repo) {
            tshow.push(timed(f.cmd(repo, &["ticket", "show", "0"])).0);
        }
    }
    let phases = register_phases(d, &dir, 5);
    let clone = bench_clone(d, &dir, n);
    let some = |v: Vec<Duration>| (!v.is_empty()).then(|| median(v));
    Size {
        n,
        generate: gen_time,
        register: median(reg),
        ticket_add: some(add),
        classify: median(act),
        ticket_set: some(set),
        show,
        list: median(list),
        list_json: median(list_json),
        ticket_show: some(tshow),
        list_cold,
        clone,
        phases,
    }
}

/// `dispute clone` of the generated casebook, the first `list` in that clone, and plain
/// `git clone` beside it; medians of three. The clones stay until the end of the bench
/// (`remove_clones`, see `discard`).
fn bench_clone(d: &Dispute, dir: &Path, n: usize) -> Clone {
    let (mut ours, mut git, mut first) = (vec![], vec![], vec![]);
    for run in 0..3 {
        let target = d.out.join(format!("first-list-{n}-{run}"));
        discard(&target);
        let source = dir.to_str().expect("path");
        let args = ["clone", source, target.to_str().expect("path")];
        ours.push(timed(d.cmd(&d.out, None, &args)).0);
        first.push(timed(d.cmd(&target, None, &["list"])).0);
        let plain = d.out.join(format!("git-clone-{n}-{run}"));
        discard(&plain);
        let mut cmd = Command::new("git");
        cmd.args(["clone", "--quiet"]).arg(dir).arg(&plain);
        git.push(timed(cmd).0);
    }
    Clone {
        dispute: median(ours),
        git: median(git),
        first_list: median(first),
    }
}

/// Discard the clones `bench_clone` made.
fn remove_clones(d: &Dispute, sizes: &[usize]) {
    for n in sizes {
        for run in 0..3 {
            for name in [
                format!("first-list-{n}-{run}"),
                format!("git-clone-{n}-{run}"),
            ] {
                discard(&d.out.join(name));
            }
        }
    }
}

/// `sync` of `actions` local actions (half registrations, half classifications of them)
/// onto a central casebook made from the `n`-case casebook: fetch, replay, push through the
/// hook. Median of three fresh clones.
fn bench_sync(d: &Dispute, n: usize, actions: usize) -> Duration {
    let source = d.out.join(format!("casebook-{n}"));
    let central = d.out.join(format!("central-{n}.git"));
    discard(&central);
    // The generated casebook is one import of cases in every state, not a history `server
    // init --from` would take; the central repository is a bare copy of it with the same
    // hook `server init` installs, which checks every pushed commit.
    let mut git = Command::new("git");
    git.args(["clone", "--bare", "--quiet"])
        .arg(&source)
        .arg(&central);
    timed(git);
    let hook = central.join("hooks/pre-receive");
    std::fs::write(
        &hook,
        format!("#!/bin/sh\nexec '{}' hook pre-receive\n", d.bin.display()),
    )
    .expect("hook");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let url = format!("file://{}", central.display());
    let mut times = vec![];
    for run in 0..3 {
        let clone = d.out.join(format!("clone-{n}-{run}"));
        discard(&clone);
        timed(d.cmd(
            &d.out,
            None,
            &["clone", &url, clone.to_str().expect("path")],
        ));
        let mut ids = vec![];
        for i in 0..actions / 2 {
            let args = register_args(20_000 + i);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let (_, out) = timed(d.cmd(&clone, Some("r_tax"), &args));
            ids.push(String::from_utf8_lossy(&out.stdout).trim().to_string());
        }
        for id in &ids {
            timed(d.cmd(
                &clone,
                Some("r_tax"),
                &["classify", id, "--track", "general", "--category", "3"],
            ));
        }
        let (t, _) = timed(d.cmd(&clone, Some("r_tax"), &["sync"]));
        times.push(t);
    }
    median(times)
}

/// Median time of importing a 10,000-row ledger into a fresh casebook (three runs).
fn bench_import(d: &Dispute) -> Duration {
    let file = d.out.join("ledger-10000.csv");
    std::fs::write(&file, ledger_csv(10_000)).expect("write ledger");
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|t| t.as_secs())
        .unwrap_or(0);
    // Fresh directories, discarded after all runs (see `discard`).
    let dirs: Vec<PathBuf> = (0..3)
        .map(|run| {
            let dir = d.out.join(format!("import-{stamp}-{run}"));
            generate(&dir, 0);
            dir
        })
        .collect();
    let mut times = vec![];
    for dir in &dirs {
        // Each import writes 10,000 files and a pack, which the kernel writes back for
        // seconds after the command returns; a user imports a ledger once, not three in a
        // row, so each run starts on a quiet disk.
        settle();
        let mut cmd = d.cmd(
            dir,
            Some("r_tax"),
            &["import", file.to_str().expect("path")],
        );
        cmd.stdout(std::process::Stdio::null());
        times.push(timed(cmd).0);
    }
    for dir in &dirs {
        discard(dir);
    }
    median(times)
}

/// A ledger of `n` rows in the import template's format: general matters with two
/// departments' opinions, replied and archived, spread over 2025.
fn ledger_csv(n: usize) -> String {
    let template = dispute::import::template();
    let mut lines = template.lines();
    let header = lines.next().expect("header");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(lines.next().expect("sample").as_bytes());
    let sample: Vec<String> = reader
        .records()
        .next()
        .expect("sample row")
        .expect("csv")
        .iter()
        .map(str::to_string)
        .collect();
    let col = |name: &str| {
        header
            .split(',')
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("template column {name}"))
    };
    let mut w = csv::Writer::from_writer(vec![]);
    w.write_record(header.split(',')).expect("header");
    for i in 0..n {
        let (m, day) = (1 + i % 12, 1 + i % 28);
        let at = |h: u32| format!("2025-{m:02}-{day:02} {h:02}:{:02}", i % 60);
        let mut row = sample.clone();
        row[col("缴费人名称")] = format!("芮城县示例建材有限公司第{i}号");
        row[col("受理时间")] = at(9);
        row[col("分类时间")] = at(10);
        row[col("指派时间")] = at(11);
        row[col("意见时间(hrss)")] = at(14);
        row[col("意见时间(medical)")] = at(15);
        row[col("回复时间")] = at(16);
        row[col("归档时间")] = at(17);
        w.write_record(&row).expect("row");
    }
    String::from_utf8(w.into_inner().expect("csv")).expect("utf-8")
}

fn main() {
    let mut args = std::env::args().skip(1);
    let bin = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "target/release/dispute".into()),
    );
    let bin = std::fs::canonicalize(&bin).expect("dispute binary (run `make build`)");
    let sizes: Vec<usize> = {
        let s: Vec<usize> = args.filter_map(|a| a.parse().ok()).collect();
        if s.is_empty() {
            vec![1_000, 10_000, 100_000]
        } else {
            s
        }
    };
    std::fs::create_dir_all("bench-out/home").expect("bench-out");
    let out = std::fs::canonicalize("bench-out").expect("bench-out");
    TRASH.set(out.join("trash")).expect("set once");
    let d = Dispute { bin, out };
    let fossil = Fossil::find(&d.out);
    match &fossil {
        Some(f) => eprintln!("peer: {}", f.version),
        None => eprintln!(
            "note: fossil is not installed (apt-get install fossil): the peer's columns are left empty"
        ),
    }
    let rows: Vec<Size> = sizes
        .iter()
        .map(|&n| bench_size(&d, fossil.as_ref(), n))
        .collect();

    println!();
    println!(
        "Measured {} on this machine ({} cores), medians of whole processes, interleaved run by run.",
        chrono::Local::now().format("%Y-%m-%d"),
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    if let Some(f) = &fossil {
        println!("Peer: {}.", f.version);
    }
    println!("Every `dispute` write is signed (SSH) and seals the payer data (age).");
    println!();
    println!("| work | cases | dispute | Fossil | ratio |");
    println!("|---|---:|---:|---:|---:|");
    type Pair = fn(&Size) -> (Duration, Option<Duration>);
    let works: [(&str, Pair); 4] = [
        ("register vs `fossil ticket add`", |r| {
            (r.register, r.ticket_add)
        }),
        ("classify vs `fossil ticket set`", |r| {
            (r.classify, r.ticket_set)
        }),
        ("list vs `fossil ticket show 0`", |r| {
            (r.list, r.ticket_show)
        }),
        ("list --json vs `fossil ticket show 0`", |r| {
            (r.list_json, r.ticket_show)
        }),
    ];
    for (work, pair) in works {
        for r in &rows {
            let (ours, theirs) = pair(r);
            println!(
                "| {work} | {} | {} | {} | {} |",
                r.n,
                ms(ours),
                peer(theirs),
                ratio(ours, theirs)
            );
        }
    }
    println!();
    println!(
        "| cases | generate | show | `dispute clone` | `git clone` | first `list` after `dispute clone` | `list` without its summary cache |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for r in &rows {
        println!(
            "| {} | {:.1} s | {} | {} | {} | {} | {} |",
            r.n,
            r.generate.as_secs_f64(),
            ms(r.show),
            ms(r.clone.dispute),
            ms(r.clone.git),
            ms(r.clone.first_list),
            ms(r.list_cold)
        );
    }
    println!();
    println!("Where a `register` spends its time (DISPUTE_TIMINGS=1, median of 5, ms):");
    println!();
    print!("| phase |");
    for r in &rows {
        print!(" {} |", r.n);
    }
    println!();
    print!("|---|");
    for _ in &rows {
        print!("---:|");
    }
    println!();
    for (k, (name, _)) in rows[0].phases.iter().enumerate() {
        print!("| {name} |");
        for r in &rows {
            match r.phases.get(k) {
                Some((_, v)) => print!(" {v:.2} |"),
                None => print!(" – |"),
            }
        }
        println!();
    }

    println!();
    for n in [1_000, 10_000] {
        if sizes.contains(&n) {
            eprintln!("sync of 100 local actions onto the {n}-case central casebook …");
            let t = bench_sync(&d, n, 100);
            println!(
                "sync of 100 local actions (50 registrations, 50 classifications) onto a {n}-case central casebook (fetch, replay, push through the hook), median of 3: {}",
                ms(t)
            );
        }
    }
    // The clones above leave gigabytes for the kernel to write back.
    settle();
    eprintln!("importing a 10,000-row ledger …");
    let import = bench_import(&d);
    println!(
        "import of a 10,000-row CSV ledger (general matters with two opinions, replied and archived), median of 3: {:.2} s",
        import.as_secs_f64()
    );
    let commits: usize = std::env::var("BENCH_HISTORY")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    eprintln!("writing a history of {commits} signed commits …");
    let history = d.out.join("signed-history");
    signed_history(&history, commits);
    settle();
    let (t, _) = timed(d.cmd(&history, None, &["verify"]));
    println!(
        "verify of a history of {} signed commits (signatures, roles, replay of every action): {:.2} s",
        commits + 1,
        t.as_secs_f64()
    );
    remove_clones(&d, &sizes);
    empty_trash();
}
