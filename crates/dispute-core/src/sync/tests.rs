//! Unit tests of sync's replay: an action recorded in one state of the casebook, replayed
//! onto another. Each test states what happened in the clone, what happened meanwhile on
//! the central casebook, and what the replay must make of it.

use super::*;

use chrono::DateTime;

use crate::case::{Channel, Payer, PayerKind, Track};
use crate::casebook::OperatorKey;
use crate::workflow::{Command, NewCase};

fn t(s: &str) -> Time {
    DateTime::parse_from_rfc3339(s).expect("test time")
}

const NOW: &str = "2026-12-31T18:00:00+08:00";

/// When a replayed admin change was recorded.
fn replayed_at() -> Time {
    t("2026-10-09T10:00:00+08:00")
}

fn op(id: &str, dept: &str, roles: &[Role]) -> Operator {
    Operator {
        id: id.into(),
        name: format!("{id} 名"),
        email: format!("{id}@x.cn"),
        dept: dept.into(),
        roles: roles.to_vec(),
        active: true,
        phone: Some("0359-3021234".into()),
        keys: vec![OperatorKey {
            key: format!("ssh-ed25519 {id}"),
            added: t("2026-11-01T09:00:00+08:00"),
            retired: None,
        }],
    }
}

fn book() -> Casebook {
    let mut b = Casebook::new("芮城县", op("admin", "tax", &[Role::Admin]));
    b.operators.extend([
        op("recv", "tax", &[Role::Receiver]),
        op("recv2", "tax", &[Role::Receiver]),
        op("hrss", "hrss", &[Role::Handler]),
        op("medical", "medical", &[Role::Handler]),
    ]);
    b
}

fn ctx<'a>(book: &'a Casebook, cal: &'a crate::calendar::Calendar, who: &str, at: &str) -> Ctx<'a> {
    Ctx {
        book,
        cal,
        actor: book.operator(who).expect("operator"),
        at: t(at),
        now: t(NOW),
    }
}

fn registered(book: &Casebook, id: &str, at: &str) -> Case {
    let cal = book.calendar();
    workflow::register(
        &CaseId::parse(id).unwrap(),
        NewCase {
            payer: Payer {
                kind: PayerKind::Employer,
                name: "芮城县恒达建材有限公司".into(),
                id_code: None,
                contact: None,
                phone: "13812340000".into(),
                sealed: None,
            },
            counterparty: None,
            title: Some("缴费基数争议".into()),
            summary: "对缴费基数有异议".into(),
            district: "古魏镇".into(),
            channel: Channel::Visit,
            category: None,
            insurance: vec![],
        },
        &ctx(book, &cal, "recv", at),
    )
    .unwrap()
}

fn apply(book: &Casebook, case: &Case, who: &str, at: &str, cmd: Command) -> Case {
    let cal = book.calendar();
    workflow::apply(case, &cmd, &ctx(book, &cal, who, at)).unwrap()
}

fn classify_general(book: &Casebook, case: &Case, who: &str, at: &str) -> Case {
    apply(
        book,
        case,
        who,
        at,
        Command::Classify {
            track: Track::General,
            category: Some(3),
            insurance: vec![],
            note: None,
        },
    )
}

fn assign(book: &Casebook, case: &Case, at: &str, depts: &[&str]) -> Case {
    apply(
        book,
        case,
        "recv",
        at,
        Command::Assign {
            depts: depts.iter().map(|d| d.to_string()).collect(),
            due: None,
            hotline_ticket: None,
        },
    )
}

fn opinion(book: &Casebook, case: &Case, who: &str, at: &str) -> Case {
    apply(
        book,
        case,
        who,
        at,
        Command::Opinion {
            dept: who.into(),
            text: format!("{who} 的意见"),
        },
    )
}

#[test]
fn an_opinion_replays_onto_a_case_that_moved_on_elsewhere() {
    let b = book();
    let base = registered(&b, "TAX-2026-0001", "2026-11-20T09:00:00+08:00");
    let base = classify_general(&b, &base, "recv", "2026-11-20T10:00:00+08:00");
    let base = assign(&b, &base, "2026-11-20T11:00:00+08:00", &["hrss", "medical"]);
    // the clone: hrss gives its opinion
    let local = opinion(&b, &base, "hrss", "2026-11-23T09:00:00+08:00");
    // meanwhile, centrally: medical gave its opinion first
    let central = opinion(&b, &base, "medical", "2026-11-22T09:00:00+08:00");
    let id = CaseId::parse("TAX-2026-0001").unwrap();
    let (replayed, action) =
        replay_case_action(&b, Some(&central), &id, Some(&base), &local, t(NOW)).unwrap();
    assert_eq!(action, Action::Opinion);
    assert_eq!(replayed.opinions.len(), 2, "both opinions are there");
    assert_eq!(replayed.events.len(), central.events.len() + 1);
    assert_eq!(replayed.events.last(), local.events.last());
    // what verify would re-run gives the same case
    let again = workflow::apply(
        &central,
        &workflow::read_back(&central, &replayed, replayed.events.last().unwrap()).unwrap(),
        &ctx(&b, &b.calendar(), "hrss", "2026-11-23T09:00:00+08:00"),
    )
    .unwrap();
    assert_eq!(again, replayed);
}

#[test]
fn an_action_no_longer_legal_is_rejected_with_the_workflows_reason() {
    let b = book();
    let base = registered(&b, "TAX-2026-0001", "2026-11-20T09:00:00+08:00");
    // both receivers classify the same case; the central one came first
    let local = classify_general(&b, &base, "recv", "2026-11-20T10:00:00+08:00");
    let central = classify_general(&b, &base, "recv2", "2026-11-20T09:30:00+08:00");
    let id = CaseId::parse("TAX-2026-0001").unwrap();
    let why = replay_case_action(&b, Some(&central), &id, Some(&base), &local, t(NOW))
        .expect_err("a second classification");
    assert!(!why.is_empty());
    // an action dated before the central case's last event is refused too
    let early = opinion(
        &b,
        &assign(&b, &central, "2026-11-20T11:00:00+08:00", &["hrss"]),
        "hrss",
        "2026-11-21T09:00:00+08:00",
    );
    let assigned = assign(&b, &central, "2026-11-20T11:00:00+08:00", &["hrss"]);
    let later = apply(
        &b,
        &assigned,
        "recv",
        "2026-11-22T09:00:00+08:00",
        Command::Unassign {
            dept: "hrss".into(),
            reason: "撤回".into(),
        },
    );
    assert!(replay_case_action(&b, Some(&later), &id, Some(&assigned), &early, t(NOW)).is_err());
}

#[test]
fn a_registration_takes_the_new_number_and_keeps_everything_else() {
    let b = book();
    let local = registered(&b, "TAX-2026-0003", "2026-11-20T09:00:00+08:00");
    let new_id = CaseId::parse("TAX-2026-0005").unwrap();
    let (case, action) = replay_case_action(&b, None, &new_id, None, &local, t(NOW)).unwrap();
    assert_eq!(action, Action::Register);
    assert_eq!(case.id, "TAX-2026-0005");
    let mut same = case.clone();
    same.id = local.id.clone();
    assert_eq!(same, local);
    // a number that is taken is never written over
    assert!(replay_case_action(&b, Some(&local), &new_id, None, &local, t(NOW)).is_err());
}

#[test]
fn an_operator_disabled_centrally_can_no_longer_act() {
    let b = book();
    let local = registered(&b, "TAX-2026-0001", "2026-11-20T09:00:00+08:00");
    let mut central = b.clone();
    central
        .operators
        .iter_mut()
        .find(|o| o.id == "recv")
        .unwrap()
        .active = false;
    let id = CaseId::parse("TAX-2026-0001").unwrap();
    let why = replay_case_action(&central, None, &id, None, &local, t(NOW)).unwrap_err();
    assert!(why.contains("recv"), "{why}");
    // an action on a case the central casebook does not hold has nowhere to go
    let classified = classify_general(&b, &local, "recv", "2026-11-20T10:00:00+08:00");
    assert!(replay_case_action(&b, None, &id, Some(&local), &classified, t(NOW)).is_err());
}

#[test]
fn inputs_are_kept_for_registrations_and_actions() {
    let b = book();
    let reg = registered(&b, "TAX-2026-0001", "2026-11-20T09:00:00+08:00");
    let inputs = inputs_of(None, &reg);
    assert_eq!(inputs["district"], "古魏镇");
    let classified = classify_general(&b, &reg, "recv", "2026-11-20T10:00:00+08:00");
    let inputs = inputs_of(Some(&reg), &classified);
    assert_eq!(inputs["Classify"]["category"], 3);
}

#[test]
fn operator_changes_replay_onto_the_central_operators() {
    let before = book();
    // the clone adds an operator; centrally another admin change happened first
    let mut added = before.clone();
    added.operators.push(op("new", "hrss", &[Role::Handler]));
    let mut central = before.clone();
    central.deadlines.opinion = 7;
    let next = replay_book_action(
        BookAction::OperatorAdd,
        &before,
        &added,
        &central,
        "admin",
        None,
        replayed_at(),
    )
    .unwrap();
    assert_eq!(next.deadlines.opinion, 7, "the central setting stays");
    assert!(next.operator("new").is_some());
    // the same ID was added centrally meanwhile
    let mut taken = central.clone();
    taken.operators.push(op("new", "tax", &[Role::Receiver]));
    assert!(
        replay_book_action(
            BookAction::OperatorAdd,
            &before,
            &added,
            &taken,
            "admin",
            None,
            replayed_at()
        )
        .is_err()
    );

    // an edit of one field keeps the fields edited centrally
    let mut edited = before.clone();
    edited.operators[1].name = "新名字".into();
    let mut central = before.clone();
    central.operators[1].phone = Some("0359-3099999".into());
    let next = replay_book_action(
        BookAction::OperatorEdit,
        &before,
        &edited,
        &central,
        "admin",
        None,
        replayed_at(),
    )
    .unwrap();
    assert_eq!(next.operators[1].name, "新名字");
    assert_eq!(next.operators[1].phone.as_deref(), Some("0359-3099999"));
    assert!(casebook_change::is_legal(
        &central,
        &next,
        BookAction::OperatorEdit
    ));

    // disabling someone already disabled centrally is rejected, not repeated
    let mut disabled = before.clone();
    disabled.operators[1].active = false;
    disabled.operators[1].keys[0].retired = Some(t("2026-11-25T09:00:00+08:00"));
    let next = replay_book_action(
        BookAction::OperatorDisable,
        &before,
        &disabled,
        &before,
        "admin",
        None,
        replayed_at(),
    )
    .unwrap();
    assert_eq!(next, disabled);
    assert!(
        replay_book_action(
            BookAction::OperatorDisable,
            &before,
            &disabled,
            &disabled,
            "admin",
            None,
            replayed_at()
        )
        .is_err()
    );

    // a key rotation: the new key unless someone took it centrally
    let mut rotated = before.clone();
    rotated.operators[1].keys[0].retired = Some(t("2026-11-25T09:00:00+08:00"));
    rotated.operators[1].keys.push(OperatorKey {
        key: "ssh-ed25519 fresh".into(),
        added: t("2026-11-25T09:00:00+08:00"),
        retired: None,
    });
    let next = replay_book_action(
        BookAction::OperatorKey,
        &before,
        &rotated,
        &before,
        "admin",
        None,
        replayed_at(),
    )
    .unwrap();
    assert_eq!(next, rotated);
    let mut stolen = before.clone();
    stolen.operators[2].keys[0].key = "ssh-ed25519 fresh".into();
    assert!(
        replay_book_action(
            BookAction::OperatorKey,
            &before,
            &rotated,
            &stolen,
            "admin",
            None,
            replayed_at()
        )
        .is_err()
    );

    // only an active admin of the central casebook may
    let mut no_admin = before.clone();
    no_admin.operators[0].active = false;
    assert!(
        replay_book_action(
            BookAction::OperatorAdd,
            &before,
            &added,
            &no_admin,
            "admin",
            None,
            replayed_at()
        )
        .is_err()
    );
}

#[test]
fn settings_replay_one_by_one() {
    let before = book();
    let mut after = before.clone();
    after.sync.autosync = true;
    after.deadlines.reply = 20;
    let mut central = before.clone();
    central.deadlines.opinion = 7;
    central.integrity.backdate_window_hours = 24;
    let next = replay_book_action(
        BookAction::Setting,
        &before,
        &after,
        &central,
        "admin",
        None,
        replayed_at(),
    )
    .unwrap();
    assert!(next.sync.autosync);
    assert_eq!(next.deadlines.reply, 20);
    assert_eq!(next.deadlines.opinion, 7);
    assert_eq!(next.integrity.backdate_window_hours, 24);
    // already so centrally: nothing to do, rejected with the reason
    assert!(
        replay_book_action(
            BookAction::Setting,
            &before,
            &after,
            &next,
            "admin",
            None,
            replayed_at()
        )
        .is_err()
    );
    // switching it off again
    let next2 = replay_book_action(
        BookAction::Setting,
        &after,
        &before,
        &next,
        "admin",
        None,
        replayed_at(),
    )
    .unwrap();
    assert!(!next2.sync.autosync);

    // The rules edition and the leading group replay too (issue 13, `admin set`).
    let mut old = before.clone();
    old.rules = 1;
    let mut upgraded = old.clone();
    upgraded.rules = crate::casebook::RULES;
    upgraded.deadlines.approval = 5;
    upgraded.leading_group.leader_title = "县政府副县长".into();
    let mut central = old.clone();
    central.county = "永济市".into();
    let next = replay_book_action(
        BookAction::Setting,
        &old,
        &upgraded,
        &central,
        "admin",
        None,
        replayed_at(),
    )
    .unwrap();
    assert_eq!(next.rules, crate::casebook::RULES);
    assert_eq!(next.deadlines.approval, 5);
    assert_eq!(next.leading_group.leader_title, "县政府副县长");
    assert_eq!(next.county, "永济市", "the central county stays");
}

#[test]
fn every_sync_error_reads_in_both_languages() {
    for e in [
        SyncError::NoRemote,
        SyncError::KeysMissing(vec!["lisi".into(), "zhangsan".into()]),
        SyncError::Rejected(vec!["opinion TAX-2026-0001".into()]),
        SyncError::HookRefused(vec!["a".into(), "b".into()]),
    ] {
        for lang in Lang::ALL {
            assert!(!e.message_in(lang).starts_with("sync-"), "{e:?}");
            assert!(!e.hint_in(lang).starts_with("sync-"), "{e:?}");
        }
    }
    assert!(
        SyncError::KeysMissing(vec!["lisi".into()])
            .message_in(Lang::Zh)
            .contains("lisi")
    );
    assert_eq!(SyncError::Rejected(vec![]).kind().exit_code(), 1);
}

/// The casebook with the members the duties of issue 13 need: the workroom (a receiver of
/// the approval bureau), the petition bureau, the cyberspace office, gov's dispatcher, the
/// leader and the leading-group office.
fn book_with_members() -> Casebook {
    let mut b = book();
    b.operators.extend([
        op("workroom", "approval", &[Role::Receiver]),
        op("petition", "petition", &[Role::Handler]),
        op("cac", "cac", &[Role::Handler]),
        op("gov", "gov", &[Role::Dispatcher]),
        op("leader", "gov", &[Role::Leader]),
        op("office", "tax", &[Role::Office]),
    ]);
    b
}

/// Replay the clone's actions `steps` (each case after one action, starting from `base`)
/// one by one onto `central`, as sync does; the central case after them.
fn replay_all(b: &Casebook, central: &Case, base: &Case, steps: &[Case]) -> Case {
    let id = CaseId::parse(&central.id).unwrap();
    let mut target = central.clone();
    let mut old = base;
    for new in steps {
        let event = new.events.last().unwrap();
        let (case, action) = replay_case_action(b, Some(&target), &id, Some(old), new, t(NOW))
            .unwrap_or_else(|why| panic!("{:?} refused: {why}", event.action));
        assert_eq!(action, event.action);
        assert_eq!(case.events.last(), Some(event));
        // what verify re-runs gives the same case
        let cmd = workflow::read_back(&target, &case, event).unwrap();
        let actor = b.operator(&event.by).unwrap();
        let cal = b.calendar();
        let again = workflow::apply(
            &target,
            &cmd,
            &Ctx {
                book: b,
                cal: &cal,
                actor,
                at: event.at,
                now: t(NOW),
            },
        )
        .unwrap();
        assert_eq!(again, case);
        target = case;
        old = new;
    }
    target
}

/// Issue 13's new actions replay with the same inputs onto a central case that moved on:
/// the workroom's mediation, the petition bureau's lead, the CAC's public opinion and its
/// response on a general matter; the competent department's feedback on a referral; the
/// leader's exemption on a major matter.
#[test]
fn the_new_duties_replay_onto_a_case_that_moved_on_elsewhere() {
    let b = book_with_members();
    let at = |s: &str| format!("2026-11-{s}+08:00");

    // A general matter: hrss gave its opinion centrally meanwhile.
    let base = registered(&b, "TAX-2026-0001", &at("20T09:00:00"));
    let base = classify_general(&b, &base, "recv", &at("20T10:00:00"));
    let base = assign(&b, &base, &at("20T11:00:00"), &["hrss"]);
    let central = opinion(&b, &base, "hrss", &at("22T09:00:00"));
    let mut steps = vec![];
    let mut local = base.clone();
    for (who, when, cmd) in [
        (
            "workroom",
            "23T09:00:00",
            Command::Mediate {
                result: "双方同意按复核结果执行".into(),
            },
        ),
        (
            "petition",
            "23T10:00:00",
            Command::Lead {
                dept: "medical".into(),
                note: "信访线索移交县医保局".into(),
            },
        ),
        (
            "cac",
            "23T11:00:00",
            Command::OpinionWatch {
                source: "本地论坛".into(),
                summary: "网帖称多收社保费".into(),
            },
        ),
        (
            "cac",
            "23T12:00:00",
            Command::OpinionResponse {
                incident: None,
                text: "已发布情况说明".into(),
            },
        ),
    ] {
        local = apply(&b, &local, who, &at(when), cmd);
        steps.push(local.clone());
    }
    let after = replay_all(&b, &central, &base, &steps);
    assert_eq!(after.opinions.len(), 1, "the central opinion stays");
    assert_eq!(after.mediations.len(), 1);
    assert_eq!(after.leads[0].dept, "medical");
    assert!(after.is_assigned("medical"));
    assert!(after.public_opinion[0].response.is_some());

    // A referral of the 12345 loop: the competent department reports back; centrally the
    // CAC flagged public opinion meanwhile.
    let base = registered(&b, "TAX-2026-0002", &at("02T09:00:00"));
    let base = apply(
        &b,
        &base,
        "recv",
        &at("02T10:00:00"),
        Command::EscalateHotline {
            opinion: "职责不清，请县政府办转办".into(),
            summary: None,
            receiver_phone: None,
        },
    );
    let base = apply(
        &b,
        &base,
        "gov",
        &at("03T09:00:00"),
        Command::Assign {
            depts: vec!["hrss".into()],
            due: None,
            hotline_ticket: Some("12345-20261103-0001".into()),
        },
    );
    let base = apply(
        &b,
        &base,
        "hrss",
        &at("05T09:00:00"),
        Command::Reply {
            text: "已直接答复缴费人".into(),
            act_date: None,
        },
    );
    let central = apply(
        &b,
        &base,
        "cac",
        &at("05T10:00:00"),
        Command::OpinionWatch {
            source: "短视频平台".into(),
            summary: "缴费人发布视频".into(),
        },
    );
    let local = apply(
        &b,
        &base,
        "hrss",
        &at("06T09:00:00"),
        Command::Feedback {
            text: "已答复缴费人，反馈受理部门".into(),
        },
    );
    let after = replay_all(&b, &central, &base, &[local]);
    assert!(after.referral.as_ref().unwrap().feedback.is_some());
    assert_eq!(after.public_opinion.len(), 1);

    // A major matter: the leader exempts the CAC while hrss gave its opinion centrally.
    let base = registered(&b, "TAX-2026-0003", &at("02T09:00:00"));
    let base = apply(
        &b,
        &base,
        "recv",
        &at("02T10:00:00"),
        Command::Classify {
            track: Track::Major,
            category: Some(9),
            insurance: vec![],
            note: Some("涉及多个部门的重大疑难事项".into()),
        },
    );
    let base = apply(
        &b,
        &base,
        "leader",
        &at("03T09:00:00"),
        Command::Decide {
            decision: crate::case::Decision::Approved,
            note: "同意专案办理".into(),
            handled_as: None,
        },
    );
    let central = opinion(&b, &base, "hrss", &at("04T09:00:00"));
    let local = apply(
        &b,
        &base,
        "leader",
        &at("05T09:00:00"),
        Command::Exempt {
            dept: "cac".into(),
            reason: "不涉及本部门职责".into(),
        },
    );
    let after = replay_all(&b, &central, &base, &[local]);
    assert_eq!(after.exemptions[0].dept, "cac");
    assert_eq!(after.opinions.len(), 1);
}

/// A policy consultation recorded in a clone lands under the central casebook's next
/// free number, naming the cases by their central numbers; a case the central casebook
/// does not have, or an operator who is not of the office there, is a rejection.
#[test]
fn a_policy_consultation_replays_with_central_numbers() {
    use crate::policy::{NewPolicyConsultation, record};
    let b = book_with_members();
    let at = t("2026-11-25T15:00:00+08:00");
    let local = record(
        NewPolicyConsultation {
            topic: "缴费基数按全口径工资核定的口径".into(),
            attendees: vec!["tax".into(), "hrss".into()],
            minutes: "会议议定：统一窗口解释口径".into(),
            cases: vec!["TAX-2026-0001".into()],
        },
        1,
        &b,
        b.operator("office").unwrap(),
        at,
        t(NOW),
    )
    .unwrap();
    let renumbered = |id: &str| {
        if id == "TAX-2026-0001" {
            "TAX-2026-0002".to_string()
        } else {
            id.to_string()
        }
    };
    let there = |id: &str| id == "TAX-2026-0002";
    let p = replay_policy(&b, &local, 3, &there, &renumbered, t(NOW)).unwrap();
    assert_eq!(p.id, "PC-2026-0003");
    assert_eq!(p.cases, ["TAX-2026-0002"]);
    assert_eq!((p.at, p.by.as_str()), (local.at, "office"));
    assert_eq!((&p.topic, &p.minutes), (&local.topic, &local.minutes));
    // the case is not on the central casebook
    let nowhere = |_: &str| false;
    assert!(replay_policy(&b, &local, 3, &nowhere, &renumbered, t(NOW)).is_err());
    // the office's operator lost the role centrally
    let mut central = b.clone();
    central
        .operators
        .iter_mut()
        .find(|o| o.id == "office")
        .unwrap()
        .roles = vec![Role::Handler];
    assert!(replay_policy(&central, &local, 3, &there, &renumbered, t(NOW)).is_err());
}
