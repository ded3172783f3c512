//! The bench's casebooks: operators with SSH keys, signing required and payer data
//! encrypted, as a county's casebook is; `n` cases in every state written as one signed
//! commit, then packed as a clone from the central repository would be.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{Duration as Span, TimeZone};
use dispute::calendar::china;
use dispute::case::{
    Action, CaseId, Channel, ConsultKind, Decision, Insurance, Outcome, Payer, PayerKind, Remedy,
    Track,
};
use dispute::casebook::{Casebook, Operator, OperatorKey, Role};
use dispute::identity::{self, key_text};
use dispute::protocol::Message;
use dispute::store::{Signer, Store};
use dispute::workflow::{self, Command as Cmd, Ctx, NewCase};
use ssh_key::PrivateKey;
use ssh_key::private::Ed25519Keypair;

pub const RECEIVERS: &[(&str, &str)] = &[
    ("r_tax", "tax"),
    ("r_hrss", "hrss"),
    ("r_medical", "medical"),
    ("r_approval", "approval"),
];

/// A private key file signing as the tool's own key files do.
pub struct FileKey(pub PrivateKey);

impl Signer for FileKey {
    fn sign(&self, payload: &[u8]) -> dispute::error::Result<String> {
        identity::sign(&self.0, payload)
    }
}

/// Each operator's key, derived from their ID (the same on every run).
pub fn key(id: &str) -> PrivateKey {
    let mut seed = [7u8; 32];
    for (i, b) in id.bytes().enumerate() {
        seed[i % 32] ^= b.wrapping_mul(i as u8 + 1);
    }
    PrivateKey::from(Ed25519Keypair::from_seed(&seed))
}

/// The operator's private key as a file (`DISPUTE_KEY` for the commands run as them).
pub fn key_file(out: &Path, id: &str) -> PathBuf {
    let dir = out.join("keys");
    std::fs::create_dir_all(&dir).expect("keys dir");
    let path = dir.join(id);
    if !path.exists() {
        let text = key(id)
            .to_openssh(ssh_key::LineEnding::LF)
            .expect("private key");
        std::fs::write(&path, text.as_bytes()).expect("write key");
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    }
    path
}

fn operator(id: &str, dept: &str, roles: &[Role]) -> Operator {
    Operator {
        id: id.to_string(),
        name: format!("测试{id}"),
        email: format!("{id}@bench.example.cn"),
        dept: dept.to_string(),
        roles: roles.to_vec(),
        active: true,
        phone: Some("0359-3012345".into()),
        keys: vec![OperatorKey {
            key: key_text(key(id).public_key()),
            added: dispute::clock::real_now(),
            retired: None,
        }],
    }
}

/// The casebook: every operator has a key, commits must be signed, payer data is sealed
/// to the departments' keys.
pub fn casebook() -> Casebook {
    let mut book = Casebook::new("芮城县", operator("admin", "tax", &[Role::Admin]));
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
    book.integrity.signing_required = true;
    book.privacy.payers_encrypted = true;
    dispute::seal::sync_dept_keys(&mut book, None, dispute::clock::real_now())
        .expect("department keys");
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

/// Seal the payer data of `cases` to their recipients, on every core.
fn seal_all(book: &Casebook, cases: &mut [dispute::case::Case]) {
    dispute::cores::runs_mut(cases, 2, |part| {
        for case in part {
            let target = dispute::seal::target(case, book);
            case.payer = dispute::seal::seal(&case.payer, &target.recipients).expect("seal");
        }
    });
}

/// A casebook of `n` cases at `dir`: the first commit, then the cases in one signed
/// commit, then `git gc`. Returns how long it took.
pub fn generate(dir: &Path, n: usize) -> Duration {
    let start = Instant::now();
    crate::discard(dir);
    let book = casebook();
    let admin = book.operator("admin").expect("admin").clone();
    let signer = FileKey(key("admin"));
    let init = Message::init(&admin, "bench");
    let store = Store::init(dir, &book, &init, &admin, Some(&signer)).expect("init");
    let mut seqs = vec![0u32; RECEIVERS.len()];
    let mut cases: Vec<_> = (0..n).map(|i| generate_case(&book, &mut seqs, i)).collect();
    seal_all(&book, &mut cases);
    let message = Message::import(&admin, "bench", n, "-");
    if !cases.is_empty() {
        let (mut writer, _) = store.begin().expect("lock");
        for case in &cases {
            writer.put_case(case).expect("valid case");
        }
        writer
            .commit(&message, &admin, Some(&signer))
            .expect("commit");
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

/// A casebook whose history has `n` signed commits, one register each, written through
/// the store as the tool writes them (a fresh store per write, as each process opens
/// its own).
pub fn signed_history(dir: &Path, n: usize) {
    crate::discard(dir);
    // The first commit registers the admin alone; the receiver is added by the admin.
    let mut book = Casebook::new("芮城县", operator("admin", "tax", &[Role::Admin]));
    book.integrity.signing_required = true;
    book.privacy.payers_encrypted = true;
    // the generated actions are dated through 2026; allow them
    book.integrity.backdate_window_hours = 876_000;
    let now = dispute::clock::real_now();
    dispute::seal::sync_dept_keys(&mut book, None, now).expect("department keys");
    let admin = book.operator("admin").expect("admin").clone();
    let admin_key = FileKey(key("admin"));
    let store = Store::init(
        dir,
        &book,
        &Message::init(&admin, "芮城县"),
        &admin,
        Some(&admin_key),
    )
    .expect("init");
    book.operators
        .push(operator("r_tax", "tax", &[Role::Receiver]));
    let opener = dispute::seal::Opener::new(&key("admin")).expect("opener");
    dispute::seal::sync_dept_keys(&mut book, Some(&opener), now).expect("department keys");
    let (mut writer, _) = store.begin().expect("lock");
    writer.put_casebook(&book).expect("casebook");
    let message = Message::book_action(
        dispute::protocol::BookAction::OperatorAdd,
        &admin,
        "r_tax 测试r_tax（县税务局；receiver）",
    );
    writer
        .commit(&message, &admin, Some(&admin_key))
        .expect("commit");
    let receiver = book.operator("r_tax").expect("receiver").clone();
    let signer = FileKey(key("r_tax"));
    let cal = book.calendar();
    let t0 = china()
        .with_ymd_and_hms(2026, 1, 5, 9, 0, 0)
        .single()
        .expect("date");
    for i in 0..n {
        let at = t0 + Span::minutes(i as i64 * 5);
        let ctx = Ctx {
            book: &book,
            cal: &cal,
            actor: &receiver,
            at,
            now: at,
        };
        let new = NewCase {
            counterparty: None,
            payer: Payer {
                kind: PayerKind::Employer,
                name: format!("芮城县第{i}号缴费单位"),
                id_code: None,
                contact: None,
                phone: format!("138{:08}", i),
                sealed: None,
            },
            title: Some(format!("缴费争议 {i}")),
            summary: "缴费人对缴费基数核定有异议。".into(),
            district: "古魏镇".into(),
            channel: Channel::Visit,
            category: Some(3),
            insurance: vec![],
        };
        let id = CaseId::new("tax", 2026, i as u32 + 1);
        let mut case = workflow::register(&id, new, &ctx).expect("register");
        let target = dispute::seal::target(&case, &book);
        case.payer = dispute::seal::seal(&case.payer, &target.recipients).expect("seal");
        let store = Store::open(dir).expect("open");
        let (mut writer, _notices) = store.begin().expect("lock");
        writer.put_case(&case).expect("case");
        let message = Message::case_action(&book, &receiver, &case, &case, Action::Register);
        writer
            .commit(&message, &receiver, Some(&signer))
            .expect("commit");
    }
}
