//! `make bench`: casebooks of 1,000, 10,000 and 100,000 cases, and the whole-process time of
//! `register`, `show` and `list` on each.
//!
//! The casebooks are generated in-process with the library (the pure workflow makes a
//! realistic mix of cases in every state; the store writes them as one commit), not by
//! 100,000 CLI calls. Then the release binary is run as a user would run it and the median
//! wall time of each command is reported. For `register` the in-process cost of each phase
//! of a write (lock, hand-edit check, index, commit) is reported too, to show what dominates.
//!
//! Usage: bench <path to release dispute binary> [sizes…]   (output in bench-out/)

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{Duration as Span, TimeZone};
use dispute::calendar::china;
use dispute::case::{
    Action, CaseId, Channel, ConsultKind, Decision, Insurance, Outcome, Payer, PayerKind, Remedy,
    Track,
};
use dispute::casebook::{Casebook, Operator, Role};
use dispute::protocol::Message;
use dispute::store::Store;
use dispute::workflow::{self, Command as Cmd, Ctx, NewCase};

const RECEIVERS: &[(&str, &str)] = &[
    ("r_tax", "tax"),
    ("r_hrss", "hrss"),
    ("r_medical", "medical"),
    ("r_approval", "approval"),
];

fn operator(id: &str, dept: &str, roles: &[Role]) -> Operator {
    Operator {
        id: id.to_string(),
        name: format!("测试{id}"),
        email: format!("{id}@bench.example.cn"),
        dept: dept.to_string(),
        roles: roles.to_vec(),
        active: true,
        phone: Some("0359-3012345".into()),
        keys: vec![],
    }
}

fn casebook() -> Casebook {
    let mut book = Casebook::new("芮城县", operator("admin", "tax", &[Role::Admin]));
    // Until the bench gives its operators keys, its casebook does not require signing.
    book.integrity.signing_required = false;
    // Nor, its operators having no keys, does it encrypt payer data.
    book.privacy.payers_encrypted = false;
    for (id, dept) in RECEIVERS {
        book.operators.push(operator(id, dept, &[Role::Receiver]));
    }
    for dept in book.member_codes() {
        book.operators
            .push(operator(&format!("h_{dept}"), &dept, &[Role::Handler]));
    }
    book.operators
        .push(operator("leader", "gov", &[Role::Leader]));
    book.operators
        .push(operator("dispatch", "gov", &[Role::Dispatcher]));
    book
}

/// Case number `i` of the generated casebook, walked through the workflow to one of a dozen
/// stages so that every state and track occurs.
fn generate_case(book: &Casebook, seqs: &mut [u32], i: usize) -> dispute::case::Case {
    let cal = book.calendar();
    let (rid, dept) = RECEIVERS[i % RECEIVERS.len()];
    let receiver = book.operator(rid).expect("receiver");
    let start = china()
        .with_ymd_and_hms(2026, 1, 5, 9, 0, 0)
        .single()
        .expect("date");
    // Spread over the year; later cases are received later.
    let received = start + Span::minutes((i as i64 * 7) % (320 * 24 * 60));
    let now = china()
        .with_ymd_and_hms(2026, 11, 27, 10, 0, 0)
        .single()
        .expect("date");
    let slot = i % RECEIVERS.len();
    seqs[slot] += 1;
    let id = CaseId::new(dept, 2026, seqs[slot]);
    let new = NewCase {
        counterparty: None,
        payer: Payer {
            kind: if i.is_multiple_of(3) {
                PayerKind::Individual
            } else {
                PayerKind::Employer
            },
            name: format!("芮城县第{i}号缴费单位"),
            id_code: None,
            contact: Some("王小明".into()),
            phone: format!("138{:08}", i % 100_000_000),
            sealed: None,
        },
        title: Some(format!("缴费争议 {i}")),
        summary: "缴费人对社会保险费缴费基数核定和滞纳金加收有异议，要求重新核定并说明依据。"
            .repeat(3),
        district: ["古魏镇", "风陵渡镇", "大王镇", "永乐镇", "阳城镇"][i % 5].to_string(),
        channel: Channel::Visit,
        category: Some((i % 10) as u8 + 1),
        insurance: vec![Insurance::Pension],
    };
    let mut t = received;
    let mut ctx_for = |who: &str| {
        t += Span::hours(20);
        let actor = book.operator(who).expect("operator").clone();
        (actor, t)
    };
    let (actor, at) = (receiver.clone(), received);
    let mut case = workflow::register(
        &id,
        new,
        &Ctx {
            book,
            cal: &cal,
            actor: &actor,
            at,
            now,
        },
    )
    .expect("register");
    let stage = i % 12;
    let mut step = |case: &mut dispute::case::Case, who: &str, cmd: Cmd| {
        let (actor, at) = ctx_for(who);
        let ctx = Ctx {
            book,
            cal: &cal,
            actor: &actor,
            at,
            now,
        };
        *case = workflow::apply(case, &cmd, &ctx).expect("generated step is legal");
    };
    if stage == 0 {
        return case;
    }
    let other = if dept == "hrss" { "medical" } else { "hrss" };
    match stage {
        1 | 2 => step(
            &mut case,
            rid,
            Cmd::Classify {
                track: Track::Own,
                category: Some(3),
                insurance: vec![],
                note: None,
            },
        ),
        3..=7 => {
            step(
                &mut case,
                rid,
                Cmd::Classify {
                    track: Track::General,
                    category: Some(6),
                    insurance: vec![],
                    note: None,
                },
            );
            step(
                &mut case,
                rid,
                Cmd::Assign {
                    depts: vec![other.to_string(), "finance".to_string()],
                    due: None,
                    hotline_ticket: None,
                },
            );
            if stage >= 4 {
                for d in [other, "finance"] {
                    step(
                        &mut case,
                        &format!("h_{d}"),
                        Cmd::Opinion {
                            dept: d.to_string(),
                            text: "经核查，缴费基数按上年度职工月平均工资核定，符合规定。".into(),
                        },
                    );
                }
            }
            if stage >= 5 {
                step(
                    &mut case,
                    rid,
                    Cmd::Reply {
                        text: "经联办单位核查，维持原核定结果，并告知救济途径。".into(),
                        act_date: None,
                    },
                );
            }
            if stage >= 6 {
                let objected = stage == 7;
                step(
                    &mut case,
                    rid,
                    Cmd::Archive {
                        outcome: if objected {
                            Outcome::Objected
                        } else {
                            Outcome::Accepted
                        },
                        remedy: objected.then_some(Remedy::Reconsideration),
                        note: None,
                    },
                );
            }
        }
        8 | 9 => {
            step(
                &mut case,
                rid,
                Cmd::Classify {
                    track: Track::Major,
                    category: Some(9),
                    insurance: vec![],
                    note: None,
                },
            );
            if stage == 9 {
                step(
                    &mut case,
                    "leader",
                    Cmd::Decide {
                        decision: Decision::Approved,
                        note: "同意专案办理".into(),
                        handled_as: None,
                    },
                );
                step(
                    &mut case,
                    rid,
                    Cmd::Consult {
                        kind: ConsultKind::Major,
                        attendees: book.member_codes(),
                        minutes: "会议议定：由县人社局牵头复核。".into(),
                    },
                );
            }
        }
        10 => {
            step(
                &mut case,
                rid,
                Cmd::EscalateHotline {
                    opinion: "职责不清，请县政府办转办。".into(),
                    summary: None,
                    receiver_phone: None,
                },
            );
            step(
                &mut case,
                "dispatch",
                Cmd::Assign {
                    depts: vec!["justice".into()],
                    due: None,
                    hotline_ticket: Some(format!("12345-{i}")),
                },
            );
        }
        _ => step(
            &mut case,
            rid,
            Cmd::Redirect {
                dept: other.to_string(),
                note: "告知缴费人到主管部门办理。".into(),
            },
        ),
    }
    debug_assert!(case.events.iter().any(|e| e.action == Action::Register));
    case
}

fn generate(dir: &Path, n: usize) -> Duration {
    let start = Instant::now();
    let _ = std::fs::remove_dir_all(dir);
    let book = casebook();
    let admin = book.operator("admin").expect("admin").clone();
    let init = Message::init(&admin, "bench");
    let store = Store::init(dir, &book, &init, &admin, None).expect("init");
    let mut seqs = vec![0u32; RECEIVERS.len()];
    let cases: Vec<_> = (0..n).map(|i| generate_case(&book, &mut seqs, i)).collect();
    let message = Message::import(&admin, "bench", n, "-");
    if !cases.is_empty() {
        let (mut writer, _) = store.begin().expect("lock");
        for case in &cases {
            writer.put_case(case).expect("valid case");
        }
        writer.commit(&message, &admin, None).expect("commit");
    }
    // A casebook in use is packed by git's automatic gc, as a clone from a remote is.
    let gc = Command::new("git")
        .args(["gc", "--quiet"])
        .current_dir(dir)
        .status()
        .expect("git gc");
    assert!(gc.success());
    start.elapsed()
}

/// Median wall time of `runs` runs of the binary with `args` in `dir`.
fn time_runs(bin: &Path, dir: &Path, runs: usize, args: impl Fn(usize) -> Vec<String>) -> Duration {
    let mut times = vec![];
    for i in 0..runs {
        let args = args(i);
        let start = Instant::now();
        let out = Command::new(bin)
            .args(&args)
            .current_dir(dir)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("DISPUTE_NOW", "2026-11-27T10:00:00+08:00")
            .output()
            .expect("run dispute");
        times.push(start.elapsed());
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// In-process cost of each phase of a write at this size (median of 5). The index is
/// rewritten on a copy, so the casebook's own index stays the one the tool wrote.
fn phases(dir: &Path) -> Vec<(&'static str, Duration)> {
    let mut results: Vec<(&'static str, Vec<Duration>)> = vec![
        ("open + read casebook.toml", vec![]),
        ("hand-edit check (stat every tracked file)", vec![]),
        ("git index read + write (libgit2)", vec![]),
    ];
    let copy = dir.with_extension("index-copy");
    for _ in 0..5 {
        let t = Instant::now();
        let store = Store::open(dir).expect("open");
        let _ = store.casebook().expect("casebook");
        results[0].1.push(t.elapsed());
        results[1].1.push(Duration::ZERO);
        std::fs::copy(dir.join(".git/index"), &copy).expect("copy index");
        let t = Instant::now();
        let mut index = git2::Index::open(&copy).expect("index");
        index.write().expect("write index");
        results[2].1.push(t.elapsed());
    }
    let _ = std::fs::remove_file(&copy);
    results
        .into_iter()
        .map(|(name, mut v)| {
            v.sort();
            (name, v[v.len() / 2])
        })
        .collect()
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
        let (m, d) = (1 + i % 12, 1 + i % 28);
        let at = |h: u32| format!("2025-{m:02}-{d:02} {h:02}:{:02}", i % 60);
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

/// Median time of importing a 10,000-row ledger into a fresh casebook (three runs).
fn bench_import(bin: &Path, out: &Path) -> Duration {
    let file = out.join("ledger-10000.csv");
    std::fs::write(&file, ledger_csv(10_000)).expect("write ledger");
    let mut times = vec![];
    // Fresh directories, removed only after all runs: ext4 is slow to hand out inodes right
    // after thousands were freed in the same place, which would measure the last run's
    // clean-up rather than the import.
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut dirs = vec![];
    for run in 0..3 {
        let dir = out.join(format!("import-{stamp}-{run}"));
        generate(&dir, 0);
        dirs.push(dir.clone());
        let start = Instant::now();
        let status = Command::new(bin)
            .args(["--as", "r_tax", "import"])
            .arg(&file)
            .current_dir(&dir)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .stdout(std::process::Stdio::null())
            .status()
            .expect("run import");
        times.push(start.elapsed());
        assert!(status.success(), "import failed");
    }
    for dir in dirs {
        let _ = std::fs::remove_dir_all(dir);
    }
    times.sort();
    times[1]
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
    let out = PathBuf::from("bench-out");
    std::fs::create_dir_all(&out).expect("bench-out");
    let mut rows = vec![];
    for &n in &sizes {
        let dir = std::fs::canonicalize(&out)
            .expect("dir")
            .join(format!("casebook-{n}"));
        eprintln!("generating {n} cases in {} …", dir.display());
        let gen_time = generate(&dir, n);
        eprintln!("  generated in {:.1} s", gen_time.as_secs_f64());
        // `list` the first time after a clone parses every file; later it reads the
        // summary cache (.git/dispute-summaries) and parses only what changed.
        let cache = dir.join(".git/dispute-summaries");
        let mut cold = vec![];
        for _ in 0..3 {
            let _ = std::fs::remove_file(&cache);
            cold.push(time_runs(&bin, &dir, 1, |_| vec!["list".into()]));
        }
        cold.sort();
        let list_cold = cold[1];
        let register = time_runs(&bin, &dir, 21, |i| {
            vec![
                "--as".into(),
                "r_tax".into(),
                "register".into(),
                "--payer-kind".into(),
                "employer".into(),
                "--payer-name".into(),
                format!("基准测试单位{i}"),
                "--phone".into(),
                "13800000000".into(),
                "--district".into(),
                "古魏镇".into(),
                "--summary".into(),
                "基准测试".into(),
            ]
        });
        let show = time_runs(&bin, &dir, 31, |i| {
            let id = CaseId::new("hrss", 2026, (i * 37 % (n / 4).max(1)) as u32 + 1);
            vec!["show".into(), id.to_string()]
        });
        let list_runs = if n >= 100_000 { 5 } else { 11 };
        let list = time_runs(&bin, &dir, list_runs, |_| vec!["list".into()]);
        let phase = phases(&dir);
        rows.push((n, gen_time, register, show, list, list_cold, phase));
    }
    println!();
    println!("| cases | generate | register | show | list | list, first after clone |");
    println!("|---:|---:|---:|---:|---:|---:|");
    for (n, g, r, s, l, lc, _) in &rows {
        println!(
            "| {n} | {:.1} s | {} | {} | {} | {} |",
            g.as_secs_f64(),
            ms(*r),
            ms(*s),
            ms(*l),
            ms(*lc)
        );
    }
    println!();
    println!("Phases of a write, in-process (median of 5):");
    println!();
    print!("| phase |");
    for (n, ..) in &rows {
        print!(" {n} |");
    }
    println!();
    print!("|---|");
    for _ in &rows {
        print!("---:|");
    }
    println!();
    let names: Vec<&str> = rows[0].6.iter().map(|(name, _)| *name).collect();
    for (k, name) in names.iter().enumerate() {
        print!("| {name} |");
        for row in &rows {
            print!(" {} |", ms(row.6[k].1));
        }
        println!();
    }
    eprintln!("importing a 10,000-row ledger …");
    let import = bench_import(&bin, &std::fs::canonicalize(&out).expect("dir"));
    println!();
    println!(
        "import of a 10,000-row CSV ledger (general matters with two opinions, replied and archived), median of 3: {:.2} s",
        import.as_secs_f64()
    );
    if let Some((_, _, r1, ..)) = rows.iter().find(|r| r.0 == 1_000)
        && let Some((_, _, r10, ..)) = rows.iter().find(|r| r.0 == 10_000)
    {
        println!();
        println!(
            "register at 10,000 / at 1,000 = {:.2}×",
            r10.as_secs_f64() / r1.as_secs_f64()
        );
    }
}
