//! `make bench-signing`: what signing costs (issue 9).
//!
//! 1. In-process: one SSH signature over a typical commit (what `register` adds per write)
//!    and one verification (what `verify` adds per commit), averaged over many runs.
//! 2. A casebook whose history has N signed commits, written through the store as the tool
//!    writes them (one register per commit, each signed by its receiver), then the whole
//!    `dispute verify` process timed on it.
//!
//! Usage: signing <path to release dispute binary> [N commits, default 10000]
//! (casebook in bench-out/signed-history)

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use chrono::TimeZone;
use dispute::calendar::china;
use dispute::case::{CaseId, Channel, Payer, PayerKind};
use dispute::casebook::{Casebook, Operator, OperatorKey, Role};
use dispute::identity::{self, key_text};
use dispute::protocol::Message;
use dispute::store::{Signer, Store};
use dispute::workflow::{self, Ctx, NewCase};
use ssh_key::PrivateKey;
use ssh_key::private::Ed25519Keypair;

struct FileKey(PrivateKey);

impl Signer for FileKey {
    fn sign(&self, payload: &[u8]) -> dispute::error::Result<String> {
        identity::sign(&self.0, payload)
    }
}

fn key(seed: u8) -> PrivateKey {
    PrivateKey::from(Ed25519Keypair::from_seed(&[seed; 32]))
}

fn operator(id: &str, dept: &str, role: Role, key: &PrivateKey) -> Operator {
    Operator {
        id: id.into(),
        name: format!("测试{id}"),
        email: format!("{id}@bench.example.cn"),
        dept: dept.into(),
        roles: vec![role],
        active: true,
        phone: None,
        keys: vec![OperatorKey {
            key: key_text(key.public_key()),
            added: dispute::clock::real_now(),
            retired: None,
        }],
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bin = args.get(1).expect("usage: signing <dispute binary> [N]");
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(10_000);

    // 1. one signature, one verification
    let k = key(7);
    let payload = "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nparent 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor 张三 <zs@x.cn> 1764460800 +0800\ncommitter 张三 <zs@x.cn> 1764460800 +0800\n\nregister TAX-2026-0001: 芮城县第1号缴费单位（用人单位）：缴费争议 1\n\nCase: TAX-2026-0001\nAction: register\nOperator: zs\nDept: tax\nAt: 2026-11-20T09:30:00+08:00\n";
    let runs = 2_000;
    let start = Instant::now();
    let mut sig = String::new();
    for _ in 0..runs {
        sig = identity::sign(&k, payload.as_bytes()).expect("sign");
    }
    let sign_us = start.elapsed().as_secs_f64() * 1e6 / runs as f64;
    let start = Instant::now();
    for _ in 0..runs {
        identity::verify(&sig, payload.as_bytes(), k.public_key()).expect("verify");
    }
    let verify_us = start.elapsed().as_secs_f64() * 1e6 / runs as f64;
    println!("one SSH signature over a commit:     {sign_us:.1} µs (mean of {runs})");
    println!("one signature verification:          {verify_us:.1} µs (mean of {runs})");

    // 2. a history of n signed commits
    let dir = Path::new("bench-out/signed-history");
    let _ = std::fs::remove_dir_all(dir);
    let admin_key = key(1);
    let receiver_key = key(2);
    let mut book = Casebook::new("芮城县", operator("admin", "tax", Role::Admin, &admin_key));
    book.operators
        .push(operator("r_tax", "tax", Role::Receiver, &receiver_key));
    // the generated actions are dated in 2026; allow them
    book.integrity.backdate_window_hours = 876_000;
    let admin = book.operator("admin").expect("admin").clone();
    let receiver = book.operator("r_tax").expect("receiver").clone();
    Store::init(
        dir,
        &book,
        &Message::init(&admin, "芮城县"),
        &admin,
        Some(&FileKey(admin_key)),
    )
    .expect("init");
    let signer = FileKey(receiver_key);
    let cal = book.calendar();
    let t0 = china()
        .with_ymd_and_hms(2026, 1, 5, 9, 0, 0)
        .single()
        .expect("date");
    let start = Instant::now();
    for i in 0..n {
        let at = t0 + chrono::Duration::minutes(i as i64 * 5);
        let ctx = Ctx {
            book: &book,
            cal: &cal,
            actor: &receiver,
            at,
            now: at,
        };
        let new = NewCase {
            payer: Payer {
                kind: PayerKind::Employer,
                name: format!("芮城县第{i}号缴费单位"),
                id_code: None,
                contact: None,
                phone: format!("138{:08}", i),
                sealed: None,
            },
            counterparty: None,
            title: Some(format!("缴费争议 {i}")),
            summary: "缴费人对缴费基数核定有异议。".into(),
            district: "古魏镇".into(),
            channel: Channel::Visit,
            category: Some(3),
            insurance: vec![],
        };
        let id = CaseId::new("tax", 2026, i as u32 + 1);
        let case = workflow::register(&id, new, &ctx).expect("register");
        // a fresh store per write, as each `dispute` process opens its own
        let store = Store::open(dir).expect("open");
        let (mut writer, _notices) = store.begin().expect("lock");
        writer.put_case(&case).expect("case");
        let message = Message::case_action(
            &book,
            &receiver,
            &case,
            &case,
            dispute::case::Action::Register,
        );
        writer
            .commit(&message, &receiver, Some(&signer))
            .expect("commit");
    }
    println!(
        "wrote {n} signed commits in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    let start = Instant::now();
    let out = Command::new(bin)
        .args(["-C", dir.to_str().unwrap(), "verify"])
        .output()
        .expect("dispute runs");
    let took = start.elapsed().as_secs_f64();
    println!(
        "dispute verify on {} commits: {took:.2} s (exit {:?}) — {}",
        n + 1,
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
            .lines()
            .last()
            .unwrap_or("")
    );
}
