//! Unit tests of the pure workflow: every transition of DESIGN §4 allowed and refused
//! (state × action × role), the records each action writes, the due dates of DESIGN §7
//! computed on the official 2026 calendar, and the obligations a case owes.
//!
//! Expected dates below are worked out by hand from the calendar table of DESIGN §7 (the
//! 2026 National Day break is 10-01..10-07 with Saturday 10-10 worked; 2026 November and
//! December have no holidays), never copied from the code's output.

use super::*;

use chrono::{DateTime, Duration};

use crate::case::{CaseField, Outcome, PayerKind, Remedy};

// ---------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------

/// A Friday; every table fixture is built on this day.
const T0: &str = "2026-11-20T09:30:00+08:00";
/// The clock: later than every `at` used in these tests.
const NOW: &str = "2026-12-31T18:00:00+08:00";
/// When the table applies its action to a fixture: the Tuesday after `T0`.
const TABLE_AT: &str = "2026-11-24T10:00:00+08:00";

const ADMIN: &str = "admin";
const TAX_RECV: &str = "tax-recv";
const APPROVAL_RECV: &str = "approval-recv";
const HRSS_HANDLER: &str = "hrss-handler";
const MEDICAL_HANDLER: &str = "medical-handler";
const FINANCE_HANDLER: &str = "finance-handler";
const GOV_DISPATCHER: &str = "gov-dispatcher";
/// Has the dispatcher role but sits outside `gov`: may not dispatch.
const FINANCE_DISPATCHER: &str = "finance-dispatcher";
const OFFICE: &str = "office";
const LEADER: &str = "leader";
const PETITION_HANDLER: &str = "petition-handler";
const CAC_HANDLER: &str = "cac-handler";

const ALL_ACTORS: &[&str] = &[
    ADMIN,
    TAX_RECV,
    APPROVAL_RECV,
    HRSS_HANDLER,
    MEDICAL_HANDLER,
    FINANCE_HANDLER,
    GOV_DISPATCHER,
    FINANCE_DISPATCHER,
    OFFICE,
    LEADER,
    PETITION_HANDLER,
    CAC_HANDLER,
];

const TAX_RECV_PHONE: &str = "0359-3021234";
const TICKET: &str = "12345-20261120-0042";

/// The nine member departments of DESIGN §2.
const MEMBERS: &[&str] = &[
    "tax", "hrss", "medical", "justice", "finance", "approval", "petition", "cac", "gov",
];

fn t(s: &str) -> Time {
    DateTime::parse_from_rfc3339(s).expect("test time")
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn operator(id: &str, name: &str, dept: &str, roles: &[Role], phone: Option<&str>) -> Operator {
    Operator {
        id: id.into(),
        name: name.into(),
        email: format!("{id}@ruicheng.example.org"),
        dept: dept.into(),
        roles: roles.to_vec(),
        active: true,
        phone: phone.map(String::from),
        keys: vec![],
    }
}

struct World {
    book: Casebook,
    cal: Calendar,
}

impl World {
    fn new() -> World {
        let admin = operator(ADMIN, "管理员", "tax", &[Role::Admin], None);
        let mut book = Casebook::new("芮城县", admin);
        book.operators.extend([
            operator(
                TAX_RECV,
                "张三",
                "tax",
                &[Role::Receiver],
                Some(TAX_RECV_PHONE),
            ),
            operator(APPROVAL_RECV, "李四", "approval", &[Role::Receiver], None),
            operator(HRSS_HANDLER, "王五", "hrss", &[Role::Handler], None),
            operator(MEDICAL_HANDLER, "赵六", "medical", &[Role::Handler], None),
            operator(FINANCE_HANDLER, "孙七", "finance", &[Role::Handler], None),
            operator(GOV_DISPATCHER, "周八", "gov", &[Role::Dispatcher], None),
            operator(
                FINANCE_DISPATCHER,
                "吴九",
                "finance",
                &[Role::Dispatcher],
                None,
            ),
            operator(OFFICE, "郑十", "tax", &[Role::Office], None),
            operator(LEADER, "钱组长", "gov", &[Role::Leader], None),
            operator(
                PETITION_HANDLER,
                "冯信访",
                "petition",
                &[Role::Handler],
                None,
            ),
            operator(CAC_HANDLER, "陈网信", "cac", &[Role::Handler], None),
        ]);
        let cal = book.calendar();
        World { book, cal }
    }

    fn op(&self, id: &str) -> &Operator {
        self.book
            .operator(id)
            .unwrap_or_else(|| panic!("no operator {id} in the fixture"))
    }

    fn ctx(&self, actor: &str, at: Time) -> Ctx<'_> {
        self.ctx_now(actor, at, t(NOW))
    }

    fn ctx_now(&self, actor: &str, at: Time, now: Time) -> Ctx<'_> {
        Ctx {
            book: &self.book,
            cal: &self.cal,
            actor: self.op(actor),
            at,
            now,
        }
    }
}

fn new_case() -> NewCase {
    NewCase {
        counterparty: None,
        payer: Payer {
            kind: PayerKind::Employer,
            name: "芮城县永乐机械有限公司".into(),
            id_code: Some("91140830MA0K7B2X3Q".into()),
            contact: Some("王经理".into()),
            phone: "13912345678".into(),
            sealed: None,
        },
        title: Some("缴费基数核定争议".into()),
        summary: "单位对2026年度社会保险缴费基数核定有异议".into(),
        district: "古魏镇".into(),
        channel: Channel::Visit,
        category: None,
        insurance: vec![Insurance::Pension],
    }
}

// ---- commands ----

fn classify(track: Track) -> Command {
    Command::Classify {
        track,
        category: Some(3),
        insurance: vec![Insurance::Pension, Insurance::WorkInjury],
        note: None,
    }
}

fn redirect(dept: &str) -> Command {
    Command::Redirect {
        dept: dept.into(),
        note: "属县人社局职责，已告知缴费人前往办理".into(),
    }
}

fn assign(depts: &[&str]) -> Command {
    Command::Assign {
        depts: depts.iter().map(|s| s.to_string()).collect(),
        due: None,
        hotline_ticket: None,
    }
}

fn assign_due(depts: &[&str], due: &str) -> Command {
    Command::Assign {
        depts: depts.iter().map(|s| s.to_string()).collect(),
        due: Some(d(due)),
        hotline_ticket: None,
    }
}

fn dispatch(dept: &str) -> Command {
    Command::Assign {
        depts: vec![dept.into()],
        due: None,
        hotline_ticket: Some(TICKET.into()),
    }
}

fn unassign(dept: &str) -> Command {
    Command::Unassign {
        dept: dept.into(),
        reason: "经核实不涉及本部门职责".into(),
    }
}

fn opinion(dept: &str, text: &str) -> Command {
    Command::Opinion {
        dept: dept.into(),
        text: text.into(),
    }
}

fn escalate_lg() -> Command {
    Command::EscalateLeadingGroup {
        reason: "涉及多个险种且政策口径不一致".into(),
    }
}

fn escalate_hotline(phone: Option<&str>) -> Command {
    Command::EscalateHotline {
        opinion: "职责不清，请县政府办转交承办单位".into(),
        summary: None,
        receiver_phone: phone.map(String::from),
    }
}

fn discipline(dept: &str) -> Command {
    Command::EscalateDiscipline {
        dept: dept.into(),
        reason: "无正当理由拒不办理".into(),
    }
}

fn approve() -> Command {
    Command::Decide {
        decision: Decision::Approved,
        note: "同意按重大疑难事项专案办理".into(),
        handled_as: None,
    }
}

fn reject() -> Command {
    Command::Decide {
        decision: Decision::Rejected,
        note: "按一般事项联办".into(),
        handled_as: Some(Track::General),
    }
}

fn consult(kind: ConsultKind) -> Command {
    Command::Consult {
        kind,
        attendees: vec!["tax".into(), "hrss".into(), "medical".into()],
        minutes: "会议议定：按核定基数执行，差额部分予以退还".into(),
    }
}

fn reply() -> Command {
    Command::Reply {
        text: "经联合处置，现将总处理意见告知如下……如有异议，可依法申请行政复议或提起行政诉讼。"
            .into(),
        act_date: None,
    }
}

fn archive(outcome: Outcome, remedy: Option<Remedy>) -> Command {
    Command::Archive {
        outcome,
        remedy,
        note: None,
    }
}

fn mediate() -> Command {
    Command::Mediate {
        result: "双方同意按复核后的基数补缴，不再争议".into(),
    }
}

fn feedback() -> Command {
    Command::Feedback {
        text: "已核实缴费年限并直接答复缴费人，缴费人无异议".into(),
    }
}

fn lead(dept: &str) -> Command {
    Command::Lead {
        dept: dept.into(),
        note: "缴费人来信反映退费长期未到账，线索移交县财政局".into(),
    }
}

fn opinion_watch() -> Command {
    Command::OpinionWatch {
        source: "本地论坛“芮城在线”".into(),
        summary: "网帖称企业被多收社保费，跟帖二十余条".into(),
    }
}

fn opinion_response(incident: Option<usize>) -> Command {
    Command::OpinionResponse {
        incident,
        text: "已协调县税务局在论坛发布情况说明，跟帖平息".into(),
    }
}

fn exempt(dept: &str) -> Command {
    Command::Exempt {
        dept: dept.into(),
        reason: "本事项不涉及本部门职责".into(),
    }
}

fn correct(field: CaseField, value: &str) -> Command {
    Command::Correct {
        field,
        value: Some(value.into()),
        reason: "登记时误填".into(),
    }
}

fn void() -> Command {
    Command::Void {
        reason: "重复登记".into(),
    }
}

// ---- checks after every action ----

/// The case file validates against `schemas/case.schema.json` and survives TOML.
fn assert_valid_file(case: &Case) {
    let path = CaseId::parse(&case.id)
        .unwrap_or_else(|e| panic!("bad id {}: {e}", case.id))
        .path();
    if let Err(e) = crate::schema::check_case(case, &path) {
        panic!("{} does not validate: {e}\n{}", case.id, case.to_toml());
    }
    let back = Case::from_toml(&case.to_toml(), &path)
        .unwrap_or_else(|e| panic!("{} does not read back: {e}", case.id));
    assert_eq!(&back, case, "{} changes through TOML", case.id);
}

/// The action a command must record, by DESIGN §4 (an assign on a referred case is the
/// dispatch by `gov`; a decision is an approval or a rejection).
fn expected_action(case: &Case, cmd: &Command) -> Action {
    match cmd {
        Command::Classify { .. } => Action::Classify,
        Command::Redirect { .. } => Action::Redirect,
        Command::Assign { .. } if case.status == Status::Referred => Action::Dispatch,
        Command::Assign { .. } => Action::Assign,
        Command::Unassign { .. } => Action::Unassign,
        Command::Opinion { .. } => Action::Opinion,
        Command::EscalateLeadingGroup { .. } => Action::EscalateLeadingGroup,
        Command::EscalateHotline { .. } => Action::EscalateHotline,
        Command::EscalateDiscipline { .. } => Action::EscalateDiscipline,
        Command::Decide {
            decision: Decision::Approved,
            ..
        } => Action::Approve,
        Command::Decide {
            decision: Decision::Rejected,
            ..
        } => Action::Reject,
        Command::Consult { .. } => Action::Consult,
        Command::Reply { .. } => Action::Reply,
        Command::Archive { .. } => Action::Archive,
        Command::Mediate { .. } => Action::Mediate,
        Command::Exempt { .. } => Action::Exempt,
        Command::Feedback { .. } => Action::Feedback,
        Command::Lead { .. } => Action::Lead,
        Command::OpinionWatch { .. } => Action::OpinionWatch,
        Command::OpinionResponse { .. } => Action::OpinionResponse,
        Command::Correct { .. } => Action::Correct,
        Command::Void { .. } => Action::Void,
    }
}

/// What is wrong with a successful apply: it must append exactly one event (the right
/// action, by the actor, at `at`), keep the journal and the case's identity, and write a
/// valid file.
fn problems_after(
    before: &Case,
    cmd: &Command,
    actor: &str,
    at: Time,
    after: &Case,
) -> Vec<String> {
    let mut p = vec![];
    if after.events.len() != before.events.len() + 1 {
        p.push(format!(
            "{} events before, {} after (want exactly one more)",
            before.events.len(),
            after.events.len()
        ));
    } else {
        if after.events[..before.events.len()] != before.events[..] {
            p.push("earlier events changed".into());
        }
        let ev = after.events.last().expect("one event");
        let want = expected_action(before, cmd);
        if ev.action != want {
            p.push(format!("event action {} (want {want})", ev.action));
        }
        if ev.by != actor {
            p.push(format!("event by {} (want {actor})", ev.by));
        }
        if ev.at != at {
            p.push(format!("event at {} (want {at})", ev.at));
        }
    }
    if after.id != before.id
        || after.receiving_dept != before.receiving_dept
        || after.first_receiver != before.first_receiver
        || after.received_at != before.received_at
        || after.payer != before.payer
    {
        p.push("the case's identity (id, receiving dept, first receiver, payer) changed".into());
    }
    let path = CaseId::parse(&after.id)
        .map(|id| id.path())
        .unwrap_or_default();
    if let Err(e) = crate::schema::check_case(after, &path) {
        p.push(format!("schema: {e}"));
    }
    p
}

/// A case driven through the workflow, one checked action at a time, ten minutes apart.
struct Flow<'w> {
    w: &'w World,
    case: Case,
    /// Time of the latest action.
    at: Time,
}

impl<'w> Flow<'w> {
    fn register(w: &'w World, actor: &str, at: &str) -> Flow<'w> {
        let at = t(at);
        let id = CaseId::new(&w.op(actor).dept, 2026, 1);
        let case = register(&id, new_case(), &w.ctx(actor, at))
            .unwrap_or_else(|e| panic!("register by {actor}: {e}"));
        assert_valid_file(&case);
        Flow { w, case, at }
    }

    fn next_at(&self) -> Time {
        self.at + Duration::minutes(10)
    }

    fn act(&mut self, actor: &str, cmd: Command) -> &mut Self {
        let at = self.next_at();
        self.act_at(actor, cmd, at)
    }

    fn act_at(&mut self, actor: &str, cmd: Command, at: Time) -> &mut Self {
        let after = apply(&self.case, &cmd, &self.w.ctx(actor, at)).unwrap_or_else(|e| {
            panic!(
                "{cmd:?} by {actor} on {} ({}) refused: {e}",
                self.case.id, self.case.status
            )
        });
        let problems = problems_after(&self.case, &cmd, actor, at, &after);
        assert!(problems.is_empty(), "{cmd:?} by {actor}: {problems:?}");
        assert_valid_file(&after);
        self.case = after;
        self.at = at;
        self
    }

    fn try_act(&self, actor: &str, cmd: &Command) -> Result<Case> {
        apply(&self.case, cmd, &self.w.ctx(actor, self.next_at()))
    }

    fn refused(&self, actor: &str, cmd: Command) -> Error {
        match self.try_act(actor, &cmd) {
            Ok(_) => panic!(
                "{cmd:?} by {actor} on {} ({}) should be refused",
                self.case.id, self.case.status
            ),
            Err(e) => e,
        }
    }
}

// ---- cases in each state, received by the tax receiver on T0 ----

fn registered(w: &World) -> Flow<'_> {
    Flow::register(w, TAX_RECV, T0)
}

fn handling_own(w: &World) -> Flow<'_> {
    let mut f = registered(w);
    f.act(TAX_RECV, classify(Track::Own));
    f
}

fn handling_general_bare(w: &World) -> Flow<'_> {
    let mut f = registered(w);
    f.act(TAX_RECV, classify(Track::General));
    f
}

/// General track, hrss assigned and its opinion in: ready for a reply.
fn handling_general(w: &World) -> Flow<'_> {
    let mut f = handling_general_bare(w);
    f.act(TAX_RECV, assign(&["hrss"]))
        .act(HRSS_HANDLER, opinion("hrss", "核定基数符合规定"));
    f
}

/// The general case, with online public opinion about it flagged by the CAC.
fn general_watched(w: &World) -> Flow<'_> {
    let mut f = handling_general(w);
    f.act(CAC_HANDLER, opinion_watch());
    f
}

/// Approved major case without any opinion yet; `petition` was withdrawn, so there is a
/// member that may still be assigned.
fn handling_major_bare(w: &World) -> Flow<'_> {
    let mut f = registered(w);
    f.act(TAX_RECV, classify(Track::Major))
        .act(LEADER, approve())
        .act(TAX_RECV, unassign("petition"));
    f
}

/// The member units of the fixture without a handler: the leader exempts them.
const MAJOR_EXEMPTED: &[&str] = &["tax", "justice", "approval", "petition", "cac", "gov"];

/// Approved major case with every member unit's opinion or the leader's exemption, and
/// the minutes of a major consultation: ready for a reply.
fn handling_major(w: &World) -> Flow<'_> {
    let mut f = handling_major_bare(w);
    f.act(HRSS_HANDLER, opinion("hrss", "养老保险部分意见"))
        .act(MEDICAL_HANDLER, opinion("medical", "医疗保险部分意见"))
        .act(FINANCE_HANDLER, opinion("finance", "财政部分意见"));
    for dept in MAJOR_EXEMPTED {
        f.act(LEADER, exempt(dept));
    }
    f.act(OFFICE, consult(ConsultKind::Major));
    f
}

/// Referral dispatched to hrss, the competent department, which replies to the payer
/// directly and reports back to the tax bureau (四（六）, rules edition 2).
fn handling_referral(w: &World) -> Flow<'_> {
    let mut f = referred(w);
    f.act(GOV_DISPATCHER, dispatch("hrss"));
    f
}

/// The competent department has replied to the payer, not yet reported back.
fn referral_replied(w: &World) -> Flow<'_> {
    let mut f = handling_referral(w);
    f.act(HRSS_HANDLER, reply());
    f
}

fn awaiting_major(w: &World) -> Flow<'_> {
    let mut f = registered(w);
    f.act(TAX_RECV, classify(Track::Major));
    f
}

/// A general case with hrss assigned, then reported to the leading group.
fn awaiting_escalated(w: &World) -> Flow<'_> {
    let mut f = handling_general_bare(w);
    f.act(TAX_RECV, assign(&["hrss"]))
        .act(TAX_RECV, escalate_lg());
    f
}

fn referred(w: &World) -> Flow<'_> {
    let mut f = registered(w);
    f.act(TAX_RECV, escalate_hotline(None));
    f
}

fn replied(w: &World) -> Flow<'_> {
    let mut f = handling_general(w);
    f.act(TAX_RECV, reply());
    f
}

fn archived(w: &World) -> Flow<'_> {
    let mut f = replied(w);
    f.act(TAX_RECV, archive(Outcome::Accepted, None));
    f
}

fn redirected(w: &World) -> Flow<'_> {
    let mut f = registered(w);
    f.act(TAX_RECV, redirect("hrss"));
    f
}

fn voided(w: &World) -> Flow<'_> {
    let mut f = registered(w);
    f.act(TAX_RECV, void());
    f
}

fn is_wrong_state(e: &Error) -> bool {
    matches!(e, Error::WrongState { .. })
}
fn is_not_permitted(e: &Error) -> bool {
    matches!(e, Error::NotPermitted { .. })
}
fn is_not_ready(e: &Error) -> bool {
    matches!(e, Error::NotReady { .. })
}
fn is_invalid(e: &Error) -> bool {
    matches!(e, Error::Invalid { .. })
}

fn not_ready_reason(e: &Error) -> &str {
    match e {
        Error::NotReady { reason, .. } => reason,
        other => panic!("expected NotReady, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------
// The table: every status × every command × every actor
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fx {
    Registered,
    Own,
    General,
    GeneralWatched,
    Major,
    MajorBare,
    Referral,
    ReferralReplied,
    AwaitingMajor,
    AwaitingEscalated,
    Referred,
    Replied,
    Archived,
    Redirected,
    Voided,
}

impl Fx {
    const ALL: &'static [Fx] = &[
        Fx::Registered,
        Fx::Own,
        Fx::General,
        Fx::GeneralWatched,
        Fx::Major,
        Fx::MajorBare,
        Fx::Referral,
        Fx::ReferralReplied,
        Fx::AwaitingMajor,
        Fx::AwaitingEscalated,
        Fx::Referred,
        Fx::Replied,
        Fx::Archived,
        Fx::Redirected,
        Fx::Voided,
    ];

    fn build(self, w: &World) -> Case {
        let f = match self {
            Fx::Registered => registered(w),
            Fx::Own => handling_own(w),
            Fx::General => handling_general(w),
            Fx::GeneralWatched => general_watched(w),
            Fx::Major => handling_major(w),
            Fx::MajorBare => handling_major_bare(w),
            Fx::Referral => handling_referral(w),
            Fx::ReferralReplied => referral_replied(w),
            Fx::AwaitingMajor => awaiting_major(w),
            Fx::AwaitingEscalated => awaiting_escalated(w),
            Fx::Referred => referred(w),
            Fx::Replied => replied(w),
            Fx::Archived => archived(w),
            Fx::Redirected => redirected(w),
            Fx::Voided => voided(w),
        };
        f.case
    }

    fn status(self) -> Status {
        match self {
            Fx::Registered => Status::Registered,
            Fx::Own
            | Fx::General
            | Fx::GeneralWatched
            | Fx::Major
            | Fx::MajorBare
            | Fx::Referral => Status::Handling,
            Fx::AwaitingMajor | Fx::AwaitingEscalated => Status::AwaitingApproval,
            Fx::Referred => Status::Referred,
            Fx::Replied | Fx::ReferralReplied => Status::Replied,
            Fx::Archived => Status::Archived,
            Fx::Redirected => Status::Redirected,
            Fx::Voided => Status::Voided,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Classify,
    Redirect,
    Assign,
    Unassign,
    Opinion,
    EscalateLeadingGroup,
    EscalateHotline,
    EscalateDiscipline,
    Approve,
    Reject,
    ConsultGeneral,
    ConsultMajor,
    Reply,
    Archive,
    Mediate,
    Exempt,
    Feedback,
    Lead,
    OpinionWatch,
    OpinionResponse,
    Correct,
    Void,
}

impl Kind {
    const ALL: &'static [Kind] = &[
        Kind::Classify,
        Kind::Redirect,
        Kind::Assign,
        Kind::Unassign,
        Kind::Opinion,
        Kind::EscalateLeadingGroup,
        Kind::EscalateHotline,
        Kind::EscalateDiscipline,
        Kind::Approve,
        Kind::Reject,
        Kind::ConsultGeneral,
        Kind::ConsultMajor,
        Kind::Reply,
        Kind::Archive,
        Kind::Mediate,
        Kind::Exempt,
        Kind::Feedback,
        Kind::Lead,
        Kind::OpinionWatch,
        Kind::OpinionResponse,
        Kind::Correct,
        Kind::Void,
    ];

    /// A command of this kind that is valid in every respect except, possibly, the
    /// case's status and the actor's role and department.
    fn command(self, case: &Case, actor: &Operator) -> Command {
        match self {
            Kind::Classify => classify(Track::General),
            Kind::Redirect => redirect("hrss"),
            Kind::Assign if case.status == Status::Referred => dispatch("hrss"),
            Kind::Assign => {
                let free = MEMBERS
                    .iter()
                    .find(|m| **m != case.receiving_dept && !case.is_assigned(m))
                    .expect("some member is not assigned");
                assign(&[free])
            }
            Kind::Unassign => unassign(
                case.active_assignments()
                    .next()
                    .map_or("hrss", |a| a.dept.as_str()),
            ),
            Kind::Opinion => opinion(&actor.dept, "本部门书面意见"),
            Kind::EscalateLeadingGroup => escalate_lg(),
            Kind::EscalateHotline => escalate_hotline(Some("0359-3025678")),
            Kind::EscalateDiscipline => discipline(
                case.assignments
                    .iter()
                    .find(|a| a.dept != case.receiving_dept)
                    .map_or("hrss", |a| a.dept.as_str()),
            ),
            Kind::Approve => approve(),
            Kind::Reject => reject(),
            Kind::ConsultGeneral => consult(ConsultKind::General),
            Kind::ConsultMajor => consult(ConsultKind::Major),
            Kind::Reply => reply(),
            Kind::Archive => archive(Outcome::Accepted, None),
            Kind::Mediate => mediate(),
            Kind::Feedback => feedback(),
            Kind::Lead => lead("finance"),
            Kind::OpinionWatch => opinion_watch(),
            Kind::OpinionResponse => opinion_response(None),
            // the first member unit still owing its opinion; else one that gave it
            Kind::Exempt => exempt(
                major_members(case)
                    .into_iter()
                    .find(|d| case.opinion_of(d).is_none() && case.exemption_of(d).is_none())
                    .unwrap_or("hrss"),
            ),
            Kind::Correct => correct(CaseField::Summary, "对 2026 年度滞纳金加收有异议"),
            Kind::Void => void(),
        }
    }

    /// DESIGN §4 "from status".
    fn allowed_in(self, status: Status) -> bool {
        use Status::*;
        match self {
            // classify also from handling: own remit → general
            Kind::Classify => matches!(status, Registered | Handling),
            Kind::Redirect => status == Registered,
            // assign from handling; on a referred case it is the dispatch
            Kind::Assign => matches!(status, Handling | Referred),
            Kind::Unassign
            | Kind::Opinion
            | Kind::ConsultGeneral
            | Kind::ConsultMajor
            | Kind::Reply
            | Kind::Mediate
            | Kind::Exempt => status == Handling,
            Kind::EscalateLeadingGroup | Kind::EscalateHotline => {
                matches!(status, Registered | Handling)
            }
            // "any open"
            Kind::EscalateDiscipline => matches!(
                status,
                Registered | Handling | AwaitingApproval | Referred | Replied
            ),
            Kind::Approve | Kind::Reject => status == AwaitingApproval,
            Kind::Archive => status == Replied,
            Kind::Feedback => matches!(status, Handling | Replied),
            Kind::Lead => status == Handling,
            Kind::OpinionWatch | Kind::OpinionResponse => {
                matches!(
                    status,
                    Registered | Handling | AwaitingApproval | Referred | Replied
                )
            }
            // the facts of an open case, until it is replied to and closed
            Kind::Correct => matches!(
                status,
                Registered | Handling | AwaitingApproval | Referred | Replied
            ),
            // a registration made by mistake, before anyone else has worked on it
            Kind::Void => matches!(status, Registered | Handling | AwaitingApproval),
        }
    }

    /// DESIGN §4 "who", and the workroom of regulation 三（二）7: a receiver of the
    /// approval bureau coordinates (assigns, consults), mediates, replies to and archives
    /// general matters of every receiving department.
    fn permitted(self, case: &Case, actor: &Operator) -> bool {
        let receiving = actor.has(Role::Receiver) && actor.dept == case.receiving_dept;
        let workroom = actor.has(Role::Receiver)
            && actor.dept == "approval"
            && case.track == Some(Track::General);
        let dispatcher = actor.has(Role::Dispatcher) && actor.dept == "gov";
        // an operator of a department the case is assigned to: on a referral, the
        // competent department, which replies and reports back (四（六）)
        let competent = (actor.has(Role::Receiver) || actor.has(Role::Handler))
            && case.is_assigned(&actor.dept);
        match self {
            Kind::Reply if case.track == Some(Track::Referral) => competent,
            Kind::Feedback => competent,
            // the petition bureau passes leads, the CAC watches online opinion
            Kind::Lead => {
                (actor.has(Role::Receiver) || actor.has(Role::Handler)) && actor.dept == "petition"
            }
            Kind::OpinionWatch | Kind::OpinionResponse => {
                (actor.has(Role::Receiver) || actor.has(Role::Handler)) && actor.dept == "cac"
            }
            Kind::Assign | Kind::Unassign
                if case.status == Status::Referred || case.track == Some(Track::Referral) =>
            {
                dispatcher
            }
            // a handler of an assigned department, writing its own department's opinion
            Kind::Opinion => actor.has(Role::Handler) && case.is_assigned(&actor.dept),
            Kind::Approve | Kind::Reject | Kind::Exempt => actor.has(Role::Leader),
            Kind::ConsultGeneral | Kind::ConsultMajor => {
                receiving || workroom || actor.has(Role::Office)
            }
            Kind::Assign | Kind::Unassign | Kind::Reply | Kind::Archive | Kind::Mediate => {
                receiving || workroom
            }
            _ => receiving,
        }
    }

    /// The status after a successful action.
    fn to_status(self, case: &Case) -> Status {
        match self {
            Kind::Classify => Status::Handling, // classify(General)
            Kind::Redirect => Status::Redirected,
            Kind::Assign
            | Kind::Unassign
            | Kind::Opinion
            | Kind::Approve
            | Kind::Reject
            | Kind::ConsultGeneral
            | Kind::ConsultMajor => Status::Handling,
            Kind::EscalateLeadingGroup => Status::AwaitingApproval,
            Kind::EscalateHotline => Status::Referred,
            Kind::EscalateDiscipline => case.status,
            Kind::Reply => Status::Replied,
            Kind::Archive => Status::Archived,
            Kind::Mediate | Kind::Exempt => Status::Handling,
            Kind::Feedback | Kind::Lead | Kind::OpinionWatch | Kind::OpinionResponse => case.status,
            Kind::Correct => case.status,
            Kind::Void => Status::Voided,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Ok(Status),
    WrongState,
    NotPermitted,
    NotReady,
    Invalid,
}

impl Expect {
    fn of(result: &Result<Case>) -> Option<Expect> {
        match result {
            Ok(c) => Some(Expect::Ok(c.status)),
            Err(Error::WrongState { .. }) => Some(Expect::WrongState),
            Err(Error::NotPermitted { .. }) => Some(Expect::NotPermitted),
            Err(Error::NotReady { .. }) => Some(Expect::NotReady),
            Err(Error::Invalid { .. }) => Some(Expect::Invalid),
            Err(_) => None,
        }
    }
}

/// Where the status and the actor are right but the case itself rules the action out
/// (so no otherwise-valid command exists): the refusal the rules give.
fn content_refusal(fx: Fx, kind: Kind) -> Option<Expect> {
    use Fx::*;
    match (fx, kind) {
        // once handled, only own remit → general may be classified again
        (General | GeneralWatched | Major | MajorBare | Referral, Kind::Classify) => {
            Some(Expect::NotReady)
        }
        // mediation is for general and own-remit matters
        (Major | MajorBare | Referral, Kind::Mediate) => Some(Expect::NotReady),
        // only an approved major case has member units to exempt
        (Own | General | GeneralWatched | Referral, Kind::Exempt) => Some(Expect::NotReady),
        // ... and there every member has answered or is exempted already
        (Major, Kind::Exempt) => Some(Expect::Invalid),
        // every member unit's opinion (or exemption) comes before the reply
        (MajorBare, Kind::Reply) => Some(Expect::NotReady),
        // a referral's competent department replies and reports back; it gives no opinion
        (Referral, Kind::Opinion) => Some(Expect::NotReady),
        // only a referral is reported back ...
        (Own | General | GeneralWatched | Major | MajorBare | Replied, Kind::Feedback) => {
            Some(Expect::NotReady)
        }
        // ... and archived once it is
        (ReferralReplied, Kind::Archive) => Some(Expect::NotReady),
        // a lead assigns the competent department: not on an own-remit matter or a referral
        (Own | Referral, Kind::Lead) => Some(Expect::NotReady),
        // a response answers a flagged incident
        (f, Kind::OpinionResponse) if f != GeneralWatched => Some(Expect::NotReady),
        // a matter of the receiving department's own remit takes no co-handling departments
        (Own, Kind::Assign) => Some(Expect::NotReady),
        // ... so there is nothing to withdraw
        (Own, Kind::Unassign) => Some(Expect::Invalid),
        // a major consultation needs the leader's approval of a major case
        (Own | General | GeneralWatched | Referral, Kind::ConsultMajor) => Some(Expect::NotReady),
        // already a major case
        (Major | MajorBare, Kind::EscalateLeadingGroup | Kind::EscalateHotline) => {
            Some(Expect::NotReady)
        }
        // already referred once
        (Referral, Kind::EscalateHotline) => Some(Expect::NotReady),
        // only a department that was assigned can have refused to handle the case
        (Registered | Own | AwaitingMajor | Referred, Kind::EscalateDiscipline) => {
            Some(Expect::Invalid)
        }
        // departments were asked, the case reported or referred: it cannot be voided
        (
            General | GeneralWatched | Major | MajorBare | Referral | AwaitingEscalated,
            Kind::Void,
        ) => Some(Expect::NotReady),
        _ => None,
    }
}

fn expected(fx: Fx, kind: Kind, case: &Case, actor: &Operator) -> Expect {
    if !kind.allowed_in(case.status) {
        Expect::WrongState
    } else if !kind.permitted(case, actor) {
        Expect::NotPermitted
    } else {
        content_refusal(fx, kind).unwrap_or(Expect::Ok(kind.to_status(case)))
    }
}

#[test]
fn transition_table_every_status_action_and_role() {
    let w = World::new();
    let at = t(TABLE_AT);
    let mut failures = vec![];
    let mut ok_kinds = std::collections::HashSet::new();
    let (mut oks, mut wrong_state, mut not_permitted) = (0, 0, 0);
    for &fx in Fx::ALL {
        let case = fx.build(&w);
        assert_eq!(case.status, fx.status(), "fixture {fx:?}");
        for &kind in Kind::ALL {
            for &actor_id in ALL_ACTORS {
                let actor = w.op(actor_id);
                let cmd = kind.command(&case, actor);
                let want = expected(fx, kind, &case, actor);
                let result = apply(&case, &cmd, &w.ctx(actor_id, at));
                let got = Expect::of(&result);
                if got != Some(want) {
                    failures.push(format!(
                        "{fx:?} × {kind:?} × {actor_id}: want {want:?}, got {}",
                        match &result {
                            Ok(c) => format!("Ok({})", c.status),
                            Err(e) => format!("{e:?}"),
                        }
                    ));
                    continue;
                }
                match want {
                    Expect::Ok(_) => {
                        oks += 1;
                        ok_kinds.insert(format!("{kind:?}"));
                        let after = result.expect("ok");
                        for p in problems_after(&case, &cmd, actor_id, at, &after) {
                            failures.push(format!("{fx:?} × {kind:?} × {actor_id}: {p}"));
                        }
                    }
                    Expect::WrongState => wrong_state += 1,
                    Expect::NotPermitted => not_permitted += 1,
                    _ => {}
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // The table is not vacuous: every kind of action succeeds somewhere, and both kinds of
    // refusal occur many times.
    assert_eq!(
        ok_kinds.len(),
        Kind::ALL.len(),
        "kinds that succeeded: {ok_kinds:?}"
    );
    assert!(oks > 40 && wrong_state > 500 && not_permitted > 100);
}

#[test]
fn allowed_from_matches_the_design_table() {
    use Status::*;
    let design: &[(Action, &[Status])] = &[
        (Action::Register, &[]),
        // from handling: own remit → general (issue 13)
        (Action::Classify, &[Registered, Handling]),
        (Action::Redirect, &[Registered]),
        (Action::Assign, &[Handling]),
        (Action::Unassign, &[Handling]),
        (Action::Dispatch, &[Referred]),
        (Action::Opinion, &[Handling]),
        (Action::EscalateLeadingGroup, &[Registered, Handling]),
        (Action::EscalateHotline, &[Registered, Handling]),
        (
            Action::EscalateDiscipline,
            &[Registered, Handling, AwaitingApproval, Referred, Replied],
        ),
        (Action::Approve, &[AwaitingApproval]),
        (Action::Reject, &[AwaitingApproval]),
        (Action::Consult, &[Handling]),
        (Action::Reply, &[Handling]),
        (Action::Archive, &[Replied]),
        (Action::Mediate, &[Handling]),
        (Action::Exempt, &[Handling]),
        (Action::Feedback, &[Handling, Replied]),
        (Action::Lead, &[Handling]),
        (
            Action::OpinionWatch,
            &[Registered, Handling, AwaitingApproval, Referred, Replied],
        ),
        (
            Action::OpinionResponse,
            &[Registered, Handling, AwaitingApproval, Referred, Replied],
        ),
        (
            Action::Correct,
            &[Registered, Handling, AwaitingApproval, Referred, Replied],
        ),
        (Action::Void, &[Registered, Handling, AwaitingApproval]),
    ];
    assert_eq!(design.len(), Action::ALL.len());
    for (action, want) in design {
        let mut got = allowed_from(*action).to_vec();
        got.sort();
        let mut want = want.to_vec();
        want.sort();
        assert_eq!(got, want, "{action}");
    }
    // Closed cases take no action at all.
    for action in Action::ALL {
        for s in [Archived, Redirected, Voided] {
            assert!(!allowed_from(*action).contains(&s), "{action} from {s}");
        }
    }
}

#[test]
fn command_names_its_action() {
    let w = World::new();
    let handling = handling_general(&w).case;
    let referred = referred(&w).case;
    assert_eq!(assign(&["medical"]).action(&handling), Action::Assign);
    assert_eq!(dispatch("hrss").action(&referred), Action::Dispatch);
    assert_eq!(approve().action(&handling), Action::Approve);
    assert_eq!(reject().action(&handling), Action::Reject);
    assert_eq!(redirect("hrss").action(&handling), Action::Redirect);
    assert_eq!(
        discipline("hrss").action(&handling),
        Action::EscalateDiscipline
    );
}

// ---------------------------------------------------------------------------------------
// Register
// ---------------------------------------------------------------------------------------

#[test]
fn register_records_first_receiver_and_classify_due() {
    let w = World::new();
    let case = registered(&w).case;
    assert_eq!(case.id, "TAX-2026-0001");
    assert_eq!(case.status, Status::Registered);
    assert_eq!(case.receiving_dept, "tax");
    assert_eq!(case.first_receiver, TAX_RECV);
    assert_eq!(case.received_at, t(T0));
    assert_eq!(case.track, None);
    assert_eq!(case.payer, new_case().payer);
    assert_eq!(case.district, "古魏镇");
    // Friday 11-20 + 1 working day = Monday 11-23.
    assert_eq!(case.due.classify, Some(d("2026-11-23")));
    assert_eq!(
        (case.due.reply, case.due.dispatch, case.due.archive),
        (None, None, None)
    );
    assert_eq!(case.events.len(), 1);
    let ev = &case.events[0];
    assert_eq!(
        (ev.action, ev.by.as_str(), ev.at),
        (Action::Register, TAX_RECV, t(T0))
    );

    // The receiving department is the receiver's own.
    let other = Flow::register(&w, APPROVAL_RECV, T0).case;
    assert_eq!(other.id, "APPROVAL-2026-0001");
    assert_eq!(other.receiving_dept, "approval");
    assert_eq!(other.first_receiver, APPROVAL_RECV);

    // Registered the day before National Day: the next working day is Thursday 10-08.
    let eve = Flow::register(&w, TAX_RECV, "2026-09-30T16:00:00+08:00").case;
    assert_eq!(eve.due.classify, Some(d("2026-10-08")));
}

#[test]
fn register_is_for_receivers_only() {
    let w = World::new();
    let id = CaseId::new("tax", 2026, 2);
    for actor in [
        ADMIN,
        HRSS_HANDLER,
        GOV_DISPATCHER,
        OFFICE,
        LEADER,
        FINANCE_DISPATCHER,
    ] {
        let e = register(&id, new_case(), &w.ctx(actor, t(T0))).unwrap_err();
        assert!(is_not_permitted(&e), "{actor}: {e:?}");
    }
}

#[test]
fn register_refuses_a_time_in_the_future() {
    let w = World::new();
    let id = CaseId::new("tax", 2026, 1);
    let now = t(T0);
    let e = register(
        &id,
        new_case(),
        &w.ctx_now(TAX_RECV, now + Duration::seconds(1), now),
    )
    .unwrap_err();
    assert!(matches!(e, Error::FutureTime(_)), "{e:?}");
    // Exactly now is fine.
    let case = register(&id, new_case(), &w.ctx_now(TAX_RECV, now, now)).unwrap();
    assert_valid_file(&case);
}

// ---------------------------------------------------------------------------------------
// Classify and redirect
// ---------------------------------------------------------------------------------------

#[test]
fn classify_own_or_general_sets_reply_due_from_the_received_date() {
    let w = World::new();
    for track in [Track::Own, Track::General] {
        // Received Tuesday 09-29, classified the next day.
        let mut f = Flow::register(&w, TAX_RECV, "2026-09-29T15:00:00+08:00");
        f.act_at(TAX_RECV, classify(track), t("2026-09-30T10:00:00+08:00"));
        let c = &f.case;
        assert_eq!(c.status, Status::Handling);
        assert_eq!(c.track, Some(track));
        assert_eq!(c.category, Some(3));
        assert_eq!(c.insurance, vec![Insurance::Pension, Insurance::WorkInjury]);
        assert!(c.approval.is_none());
        // 15 working days from 09-29: 09-30, 10-08, 10-09, 10-10 (Saturday worked), 10-12,
        // 13, 14, 15, 16, 19, 20, 21, 22, 23, 26. (Counting from the classify day would
        // give 10-27.)
        assert_eq!(c.due.reply, Some(d("2026-10-26")), "{track}");
    }
}

#[test]
fn classify_without_insurance_keeps_the_registered_types() {
    let w = World::new();
    let mut f = registered(&w);
    f.act(
        TAX_RECV,
        Command::Classify {
            track: Track::General,
            category: Some(6),
            insurance: vec![],
            note: None,
        },
    );
    assert_eq!(f.case.insurance, vec![Insurance::Pension]);
    assert_eq!(f.case.category, Some(6));
}

#[test]
fn classify_major_asks_the_leader() {
    let w = World::new();
    let mut f = registered(&w);
    f.act(
        TAX_RECV,
        Command::Classify {
            track: Track::Major,
            category: Some(9),
            insurance: vec![],
            note: Some("欠费金额大，涉及多个险种".into()),
        },
    );
    let c = &f.case;
    assert_eq!(c.status, Status::AwaitingApproval);
    assert_eq!(c.track, Some(Track::Major));
    let a = c.approval.as_ref().expect("an approval request");
    assert_eq!(a.requested_at, f.at);
    assert_eq!(a.requested_by, TAX_RECV);
    assert_eq!(a.reason, "欠费金额大，涉及多个险种");
    assert_eq!(
        (a.decision, a.decided_at, &a.decided_by),
        (None, None, &None)
    );
    assert!(
        c.assignments.is_empty(),
        "members are assigned on approval only"
    );

    // Without a note the request still carries a reason.
    let f = awaiting_major(&w);
    assert!(!f.case.approval.as_ref().unwrap().reason.trim().is_empty());
}

#[test]
fn classify_as_referral_is_refused() {
    let w = World::new();
    let f = registered(&w);
    let e = f.refused(TAX_RECV, classify(Track::Referral));
    assert!(is_invalid(&e), "{e:?}");
}

#[test]
fn redirect_closes_the_case() {
    let w = World::new();
    let f = redirected(&w);
    let c = &f.case;
    assert_eq!(c.status, Status::Redirected);
    assert!(!c.status.is_open());
    let r = c.redirect.as_ref().expect("a redirect record");
    assert_eq!(
        (r.dept.as_str(), r.by.as_str(), r.at),
        ("hrss", TAX_RECV, f.at)
    );
    assert!(!r.note.is_empty());
    assert_eq!(c.events.last().unwrap().dept.as_deref(), Some("hrss"));
    assert!(open_obligations(c).is_empty());
    // Closed: nothing further, whoever tries.
    for (actor, cmd) in [
        (TAX_RECV, classify(Track::General)),
        (TAX_RECV, escalate_hotline(None)),
        (TAX_RECV, discipline("hrss")),
        (LEADER, approve()),
    ] {
        assert!(is_wrong_state(&f.refused(actor, cmd)));
    }

    // Telling the payer to go to the receiving department itself makes no sense.
    let f = registered(&w);
    assert!(is_invalid(&f.refused(TAX_RECV, redirect("tax"))));
}

// ---------------------------------------------------------------------------------------
// Assign, dispatch, unassign
// ---------------------------------------------------------------------------------------

#[test]
fn assign_gives_five_working_days_across_national_day() {
    let w = World::new();
    let mut f = Flow::register(&w, TAX_RECV, "2026-09-29T16:00:00+08:00");
    f.act(TAX_RECV, classify(Track::General));
    let at = t("2026-09-30T09:00:00+08:00");
    f.act_at(TAX_RECV, assign(&["hrss", "medical"]), at);
    assert_eq!(f.case.assignments.len(), 2);
    for (a, dept) in f.case.assignments.iter().zip(["hrss", "medical"]) {
        assert_eq!(a.dept, dept);
        assert_eq!((a.at, a.by.as_str()), (at, TAX_RECV));
        // From the action day 09-30: 10-08, 10-09, 10-10 (worked), 10-12, 10-13.
        assert_eq!(a.due, d("2026-10-13"));
        assert!(a.is_active() && a.removed_reason.is_none());
    }
    assert_eq!(f.case.status, Status::Handling);
}

#[test]
fn assign_refusals() {
    let w = World::new();
    let f = handling_general(&w); // hrss already assigned, on 11-20
    let cases: Vec<(&str, Command)> = vec![
        ("already assigned", assign(&["hrss"])),
        ("twice in one command", assign(&["medical", "medical"])),
        ("the receiving department itself", assign(&["tax"])),
        ("no department", assign(&[])),
        (
            "due before the action date",
            assign_due(&["medical"], "2026-11-19"),
        ),
        (
            "a hotline ticket outside a dispatch",
            Command::Assign {
                depts: vec!["medical".into()],
                due: None,
                hotline_ticket: Some(TICKET.into()),
            },
        ),
    ];
    for (what, cmd) in cases {
        let e = f.refused(TAX_RECV, cmd);
        assert!(is_invalid(&e), "{what}: {e:?}");
    }

    // A matter of the receiving department's own remit has no co-handling departments.
    let f = handling_own(&w);
    let e = f.refused(TAX_RECV, assign(&["hrss"]));
    assert!(is_not_ready(&e), "{e:?}");
}

#[test]
fn assign_with_explicit_due() {
    let w = World::new();
    let mut f = handling_general_bare(&w);
    // The action date itself is allowed, a later date is kept as given.
    f.act(TAX_RECV, assign_due(&["hrss"], "2026-11-20"));
    f.act(TAX_RECV, assign_due(&["medical"], "2026-12-15"));
    let dues: Vec<_> = f.case.assignments.iter().map(|a| a.due).collect();
    assert_eq!(dues, vec![d("2026-11-20"), d("2026-12-15")]);
}

#[test]
fn assign_counts_from_the_local_date_in_china() {
    let w = World::new();
    let mut f = handling_general_bare(&w);
    // 17:00 UTC on Monday 11-23 is 01:00 on Tuesday 11-24 in the county.
    let at = t("2026-11-23T17:00:00Z");
    let e = apply(
        &f.case,
        &assign_due(&["hrss"], "2026-11-23"),
        &w.ctx(TAX_RECV, at),
    )
    .unwrap_err();
    assert!(
        is_invalid(&e),
        "11-23 is before the local action date: {e:?}"
    );
    f.act_at(TAX_RECV, assign(&["hrss"]), at);
    // 5 working days from Tuesday 11-24: 25, 26, 27, 30, 12-01.
    assert_eq!(f.case.assignments[0].due, d("2026-12-01"));
}

#[test]
fn assign_on_a_major_case_gives_ten_working_days() {
    let w = World::new();
    let mut f = handling_major(&w); // approved on Friday 11-20; petition withdrawn
    f.act(TAX_RECV, assign(&["petition"]));
    let a = f.case.assignments.last().unwrap();
    assert_eq!(a.dept, "petition");
    assert!(a.is_active());
    // 10 working days from 11-20: 11-23..27, 11-30..12-04 (5 would give 11-27).
    assert_eq!(a.due, d("2026-12-04"));
}

#[test]
fn dispatch_of_a_referral_by_gov() {
    let w = World::new();
    let mut f = Flow::register(&w, TAX_RECV, "2026-09-30T09:00:00+08:00");
    f.act(TAX_RECV, escalate_hotline(None));
    assert_eq!(f.case.status, Status::Referred);

    // Needs the 12345 ticket.
    let e = f.refused(
        GOV_DISPATCHER,
        Command::Assign {
            depts: vec!["hrss".into()],
            due: None,
            hotline_ticket: None,
        },
    );
    assert!(is_invalid(&e), "{e:?}");
    // Only gov's dispatcher: not the receiving department, not a dispatcher elsewhere,
    // not the leader.
    for actor in [TAX_RECV, FINANCE_DISPATCHER, LEADER, OFFICE] {
        let e = f.refused(actor, dispatch("hrss"));
        assert!(is_not_permitted(&e), "{actor}: {e:?}");
    }

    let at = t("2026-10-08T09:00:00+08:00");
    f.act_at(GOV_DISPATCHER, dispatch("hrss"), at);
    let c = &f.case;
    assert_eq!(c.status, Status::Handling);
    assert_eq!(c.track, Some(Track::Referral));
    assert_eq!(c.assignments.len(), 1);
    let a = &c.assignments[0];
    assert_eq!(
        (a.dept.as_str(), a.by.as_str(), a.at),
        ("hrss", GOV_DISPATCHER, at)
    );
    // The competent department has 5 working days from 10-08: 09, 10 (worked), 12, 13, 14.
    assert_eq!(a.due, d("2026-10-14"));
    let r = c.referral.as_ref().unwrap();
    assert_eq!(r.hotline_ticket.as_deref(), Some(TICKET));
    assert_eq!(r.dispatched_at, Some(at));
    assert_eq!(r.dispatched_by.as_deref(), Some(GOV_DISPATCHER));
    assert_eq!(c.events.last().unwrap().action, Action::Dispatch);
}

#[test]
fn unassign_keeps_the_record() {
    let w = World::new();
    let mut f = handling_general_bare(&w);
    f.act(TAX_RECV, assign(&["hrss", "medical"]));
    f.act(TAX_RECV, unassign("medical"));
    let removed_at = f.at;
    let c = &f.case;
    assert_eq!(c.assignments.len(), 2, "the record stays");
    let m = &c.assignments[1];
    assert_eq!(m.dept, "medical");
    assert_eq!(m.removed_at, Some(removed_at));
    assert_eq!(m.removed_reason.as_deref(), Some("经核实不涉及本部门职责"));
    assert!(!c.is_assigned("medical") && c.is_assigned("hrss"));
    assert_eq!(c.events.last().unwrap().dept.as_deref(), Some("medical"));
    assert_eq!(c.status, Status::Handling);

    // A withdrawn department writes no opinion and cannot be withdrawn again.
    assert!(is_not_permitted(
        &f.refused(MEDICAL_HANDLER, opinion("medical", "意见"))
    ));
    assert!(is_invalid(&f.refused(TAX_RECV, unassign("medical"))));
    assert!(is_invalid(&f.refused(TAX_RECV, unassign("justice"))));

    // Assigned again: a new record, the old one untouched.
    f.act(TAX_RECV, assign(&["medical"]));
    let c = &f.case;
    assert_eq!(c.assignments.len(), 3);
    assert_eq!(c.assignments[1].removed_at, Some(removed_at));
    assert!(c.assignments[2].is_active());
    assert!(c.is_assigned("medical"));
}

// ---------------------------------------------------------------------------------------
// Opinions
// ---------------------------------------------------------------------------------------

#[test]
fn opinion_only_by_a_handler_of_that_department() {
    let w = World::new();
    let mut f = handling_general_bare(&w);
    f.act(TAX_RECV, assign(&["hrss", "medical"]));
    for (actor, dept) in [
        (HRSS_HANDLER, "medical"), // a handler, but of another department
        (TAX_RECV, "hrss"),        // the receiving department is no handler
        (OFFICE, "hrss"),
        (LEADER, "medical"),
        (GOV_DISPATCHER, "hrss"),
    ] {
        let e = f.refused(actor, opinion(dept, "意见"));
        assert!(is_not_permitted(&e), "{actor} for {dept}: {e:?}");
    }
    f.act(MEDICAL_HANDLER, opinion("medical", "医保部分无异议"));
    let o = f.case.opinion_of("medical").expect("the opinion");
    assert_eq!((o.by.as_str(), o.at), (MEDICAL_HANDLER, f.at));
    assert_eq!(o.text, "医保部分无异议");
    assert_eq!(
        f.case.events.last().unwrap().dept.as_deref(),
        Some("medical")
    );
}

#[test]
fn opinion_only_while_assigned() {
    let w = World::new();
    let mut f = handling_general_bare(&w);
    f.act(TAX_RECV, assign(&["hrss"]));
    // finance was never assigned
    let e = f.refused(FINANCE_HANDLER, opinion("finance", "意见"));
    assert!(is_not_permitted(&e), "{e:?}");
    // hrss withdrawn
    f.act(TAX_RECV, unassign("hrss"));
    let e = f.refused(HRSS_HANDLER, opinion("hrss", "意见"));
    assert!(is_not_permitted(&e), "{e:?}");
    assert!(f.case.opinions.is_empty());
}

#[test]
fn opinion_written_again_replaces_the_first() {
    let w = World::new();
    let mut f = handling_general_bare(&w);
    f.act(TAX_RECV, assign(&["hrss", "medical"]));
    f.act(HRSS_HANDLER, opinion("hrss", "初步意见"));
    f.act(MEDICAL_HANDLER, opinion("medical", "医保意见"));
    f.act(HRSS_HANDLER, opinion("hrss", "补充材料后的正式意见"));
    let second = f.at;
    let c = &f.case;
    assert_eq!(c.opinions.len(), 2, "one opinion per department");
    let o = c.opinion_of("hrss").unwrap();
    assert_eq!((o.text.as_str(), o.at), ("补充材料后的正式意见", second));
    assert_eq!(c.opinion_of("medical").unwrap().text, "医保意见");
    let opinion_events = c
        .events
        .iter()
        .filter(|e| e.action == Action::Opinion)
        .count();
    assert_eq!(opinion_events, 3, "each writing is an event");
}

// ---------------------------------------------------------------------------------------
// Leading group: escalate, approve, reject, consult
// ---------------------------------------------------------------------------------------

#[test]
fn escalate_to_the_leading_group() {
    let w = World::new();
    // From registered.
    let mut f = registered(&w);
    f.act(TAX_RECV, escalate_lg());
    let a = f.case.approval.as_ref().unwrap();
    assert_eq!(f.case.status, Status::AwaitingApproval);
    assert_eq!((a.requested_by.as_str(), a.requested_at), (TAX_RECV, f.at));
    assert_eq!(a.reason, "涉及多个险种且政策口径不一致");
    assert_eq!(a.decision, None);
    // From handling.
    let mut f = handling_general(&w);
    f.act(TAX_RECV, escalate_lg());
    assert_eq!(f.case.status, Status::AwaitingApproval);
    // Only the receiving department reports.
    let f = handling_general(&w);
    for actor in [APPROVAL_RECV, OFFICE, LEADER, HRSS_HANDLER] {
        assert!(
            is_not_permitted(&f.refused(actor, escalate_lg())),
            "{actor}"
        );
    }
}

#[test]
fn escalate_to_the_leading_group_twice_is_refused() {
    let w = World::new();
    // Reported, rejected, reported again.
    let mut f = handling_general_bare(&w);
    f.act(TAX_RECV, escalate_lg()).act(LEADER, reject());
    let e = f.refused(TAX_RECV, escalate_lg());
    assert!(is_not_ready(&e), "{e:?}");
    // Already an approved major case.
    let f = handling_major(&w);
    assert!(is_not_ready(&f.refused(TAX_RECV, escalate_lg())));
    // Still waiting for the leader.
    let f = awaiting_escalated(&w);
    assert!(is_wrong_state(&f.refused(TAX_RECV, escalate_lg())));
}

#[test]
fn approve_assigns_every_member_with_the_major_time_limits() {
    let w = World::new();
    let mut f = Flow::register(&w, TAX_RECV, "2026-09-29T15:00:00+08:00");
    f.act(TAX_RECV, classify(Track::Major));
    for actor in [TAX_RECV, OFFICE, GOV_DISPATCHER, ADMIN] {
        assert!(is_not_permitted(&f.refused(actor, approve())), "{actor}");
    }
    let at = t("2026-09-30T09:00:00+08:00");
    f.act_at(LEADER, approve(), at);
    let c = &f.case;
    assert_eq!(c.status, Status::Handling);
    assert_eq!(c.track, Some(Track::Major));
    let a = c.approval.as_ref().unwrap();
    assert_eq!(a.decision, Some(Decision::Approved));
    assert_eq!(a.decided_at, Some(at));
    assert_eq!(a.decided_by.as_deref(), Some(LEADER));
    assert_eq!(a.note.as_deref(), Some("同意按重大疑难事项专案办理"));

    let mut depts: Vec<&str> = c.active_assignments().map(|a| a.dept.as_str()).collect();
    depts.sort();
    let mut members = MEMBERS.to_vec();
    members.sort();
    assert_eq!(depts, members, "all nine member departments");
    for a in &c.assignments {
        // 10 working days from 09-30: 10-08, 09, 10, 12, 13, 14, 15, 16, 19, 20.
        assert_eq!(a.due, d("2026-10-20"), "{}", a.dept);
        assert_eq!((a.at, a.by.as_str()), (at, LEADER));
    }
    // 30 working days from the received date 09-29: the 15th is 10-26, then 27, 28, 29,
    // 30, 11-02..06, 11-09..13, 16.
    assert_eq!(c.due.reply, Some(d("2026-11-16")));
}

#[test]
fn approve_keeps_an_existing_assignment() {
    let w = World::new();
    let mut f = awaiting_escalated(&w); // hrss assigned on 11-20, due 11-27
    let hrss_before = f.case.assignments[0].clone();
    assert_eq!(hrss_before.due, d("2026-11-27"));
    f.act(LEADER, approve());
    let c = &f.case;
    assert_eq!(c.assignments.len(), 9, "no department twice");
    assert_eq!(c.assignments[0], hrss_before);
    for a in &c.assignments[1..] {
        assert_eq!(a.due, d("2026-12-04"), "{}", a.dept);
    }
}

#[test]
fn reject_sends_the_case_back_as_general() {
    let w = World::new();
    let mut f = Flow::register(&w, TAX_RECV, "2026-09-29T15:00:00+08:00");
    f.act(TAX_RECV, classify(Track::Major));
    assert!(is_not_permitted(&f.refused(OFFICE, reject())));
    let at = t("2026-09-30T09:00:00+08:00");
    f.act_at(LEADER, reject(), at);
    let c = &f.case;
    assert_eq!(c.status, Status::Handling);
    assert_eq!(c.track, Some(Track::General));
    let a = c.approval.as_ref().unwrap();
    assert_eq!(a.decision, Some(Decision::Rejected));
    assert_eq!(
        (a.decided_at, a.decided_by.as_deref()),
        (Some(at), Some(LEADER))
    );
    assert!(c.assignments.is_empty());
    // General time limit, from the received date 09-29.
    assert_eq!(c.due.reply, Some(d("2026-10-26")));
}

#[test]
fn consult_major_needs_an_approved_major_case() {
    let w = World::new();
    // General track.
    let mut f = handling_general(&w);
    assert!(is_not_ready(
        &f.refused(TAX_RECV, consult(ConsultKind::Major))
    ));
    f.act(OFFICE, consult(ConsultKind::General));
    let m = f.case.consultations.last().unwrap();
    assert_eq!(
        (m.kind, m.by.as_str(), m.at),
        (ConsultKind::General, OFFICE, f.at)
    );
    assert_eq!(m.attendees, vec!["tax", "hrss", "medical"]);

    // Reported as major and rejected: no major consultation.
    let mut f = awaiting_major(&w);
    f.act(LEADER, reject());
    assert!(is_not_ready(
        &f.refused(OFFICE, consult(ConsultKind::Major))
    ));

    // Approved: the receiving department or the office may hold it.
    let mut f = awaiting_major(&w);
    f.act(LEADER, approve());
    f.act(TAX_RECV, consult(ConsultKind::Major));
    assert_eq!(f.case.consultations[0].kind, ConsultKind::Major);

    // Attendees are required.
    let e = f.refused(
        OFFICE,
        Command::Consult {
            kind: ConsultKind::General,
            attendees: vec![],
            minutes: "纪要".into(),
        },
    );
    assert!(is_invalid(&e), "{e:?}");
}

#[test]
fn consult_on_a_case_of_another_department() {
    let w = World::new();
    let mut f = Flow::register(&w, APPROVAL_RECV, T0);
    f.act(APPROVAL_RECV, classify(Track::General));
    // A receiver of another department may not, the leading-group office may.
    let e = f.refused(TAX_RECV, consult(ConsultKind::General));
    assert!(is_not_permitted(&e), "{e:?}");
    f.act(OFFICE, consult(ConsultKind::General));
    f.act(APPROVAL_RECV, consult(ConsultKind::General));
    assert_eq!(f.case.consultations.len(), 2);
}

// ---------------------------------------------------------------------------------------
// Reply and archive
// ---------------------------------------------------------------------------------------

#[test]
fn reply_on_a_general_case_lists_each_missing_opinion() {
    let w = World::new();
    let mut f = handling_general_bare(&w);
    let e = f.refused(TAX_RECV, reply());
    assert!(not_ready_reason(&e).contains("联办部门"), "{e}");

    f.act(TAX_RECV, assign(&["hrss", "medical"]));
    let e = f.refused(TAX_RECV, reply());
    let reason = not_ready_reason(&e);
    assert!(
        reason.contains("县人社局") && reason.contains("县医保局"),
        "{e}"
    );
    assert!(
        e.to_string().contains("县人社局"),
        "the message names it: {e}"
    );
    assert_eq!(missing_for_reply(&f.case, &w.book).len(), 2);

    f.act(HRSS_HANDLER, opinion("hrss", "人社意见"));
    let e = f.refused(TAX_RECV, reply());
    let reason = not_ready_reason(&e);
    assert!(
        reason.contains("县医保局") && !reason.contains("县人社局"),
        "{e}"
    );
    assert_eq!(missing_for_reply(&f.case, &w.book).len(), 1);

    f.act(MEDICAL_HANDLER, opinion("medical", "医保意见"));
    assert!(missing_for_reply(&f.case, &w.book).is_empty());
    // Only the receiving department (or the workroom, see below) replies.
    for actor in [OFFICE, HRSS_HANDLER, LEADER] {
        assert!(is_not_permitted(&f.refused(actor, reply())), "{actor}");
    }
    f.act(TAX_RECV, reply());
    let c = &f.case;
    assert_eq!(c.status, Status::Replied);
    let r = c.reply.as_ref().unwrap();
    assert_eq!((r.by.as_str(), r.at), (TAX_RECV, f.at));
    assert!(r.text.contains("行政复议"));
    // Replied Friday 11-20; archive within 5 working days: 11-27.
    assert_eq!(c.due.archive, Some(d("2026-11-27")));
}

#[test]
fn reply_on_a_major_case_needs_minutes_of_a_major_consultation() {
    let w = World::new();
    let mut f = awaiting_major(&w);
    f.act(LEADER, approve());
    for dept in ["hrss", "medical", "finance"] {
        f.act(&format!("{dept}-handler"), opinion(dept, "本部门意见"));
    }
    for dept in MAJOR_EXEMPTED {
        f.act(LEADER, exempt(dept));
    }
    let e = f.refused(TAX_RECV, reply());
    assert!(not_ready_reason(&e).contains("纪要"), "{e}");
    // A general consultation is not the special meeting.
    f.act(TAX_RECV, consult(ConsultKind::General));
    let e = f.refused(TAX_RECV, reply());
    assert!(not_ready_reason(&e).contains("纪要"), "{e}");
    f.act(OFFICE, consult(ConsultKind::Major));
    assert!(missing_for_reply(&f.case, &w.book).is_empty());
    f.act(TAX_RECV, reply());
    assert_eq!(f.case.status, Status::Replied);
}

/// Regulation 四（三）2: on a major matter every member unit gives its written opinion;
/// the minutes alone are not enough (issue 13: 6 of 9 opinions could be missing).
#[test]
fn a_major_reply_is_refused_while_a_members_opinion_is_missing() {
    let w = World::new();
    let mut f = handling_major_bare(&w);
    f.act(OFFICE, consult(ConsultKind::Major))
        .act(HRSS_HANDLER, opinion("hrss", "养老保险部分意见"))
        .act(MEDICAL_HANDLER, opinion("medical", "医保部分意见"))
        .act(FINANCE_HANDLER, opinion("finance", "财政部分意见"));
    // Minutes and three opinions: the six others are missing, each named, the withdrawn
    // petition bureau included.
    let e = f.refused(TAX_RECV, reply());
    let reason = not_ready_reason(&e).to_string();
    for name in [
        "县税务局",
        "县司法局",
        "县行政审批局",
        "县信访局",
        "县委网信办",
        "县政府办",
    ] {
        assert!(reason.contains(name), "{name} missing from: {reason}");
    }
    for name in ["县人社局", "县医保局", "县财政局", "会议纪要"] {
        assert!(!reason.contains(name), "{name} is not missing: {reason}");
    }
    // one item names them all, so the refusal stays readable
    assert_eq!(missing_for_reply(&f.case, &w.book).len(), 1);

    // The leader exempts five of them, recorded with the reason; one is still missing.
    for dept in ["tax", "justice", "approval", "petition", "cac"] {
        f.act(LEADER, exempt(dept));
    }
    let x = f.case.exemption_of("cac").expect("recorded");
    assert_eq!(
        (x.by.as_str(), x.reason.as_str()),
        (LEADER, "本事项不涉及本部门职责")
    );
    assert_eq!(f.case.events.last().unwrap().dept.as_deref(), Some("cac"));
    let e = f.refused(TAX_RECV, reply());
    assert!(not_ready_reason(&e).contains("县政府办"), "{e}");
    assert_eq!(missing_for_reply(&f.case, &w.book).len(), 1);
    // An exempted department owes no opinion any more.
    let owing: Vec<String> = open_obligations(&f.case)
        .into_iter()
        .filter(|o| o.what == ObligationKind::Opinion)
        .map(|o| o.dept)
        .collect();
    assert_eq!(owing, vec!["gov".to_string()]);

    // Refusals: not the leader; a department that answered; twice; not a member.
    assert!(is_not_permitted(&f.refused(TAX_RECV, exempt("gov"))));
    assert!(is_not_permitted(&f.refused(OFFICE, exempt("gov"))));
    assert!(is_invalid(&f.refused(LEADER, exempt("hrss"))));
    assert!(is_invalid(&f.refused(LEADER, exempt("cac"))));
    assert!(is_invalid(&f.refused(LEADER, exempt("discipline"))));

    f.act(LEADER, exempt("gov"));
    assert!(missing_for_reply(&f.case, &w.book).is_empty());
    f.act(TAX_RECV, reply());
    assert_eq!(f.case.status, Status::Replied);

    // Only an approved major case has member units to exempt.
    let g = handling_general(&w);
    assert!(is_not_ready(&g.refused(LEADER, exempt("hrss"))));
}

/// The workroom of the approval bureau (regulation 三（二）7) coordinates, mediates,
/// replies to and archives the general matters of any receiving department.
#[test]
fn the_approval_bureau_replies_to_and_archives_a_tax_general_matter() {
    let w = World::new();
    let mut f = handling_general_bare(&w); // received by the tax bureau
    f.act(APPROVAL_RECV, assign(&["hrss"]))
        .act(APPROVAL_RECV, consult(ConsultKind::General))
        .act(APPROVAL_RECV, mediate())
        .act(HRSS_HANDLER, opinion("hrss", "核定基数符合规定"))
        .act(APPROVAL_RECV, reply());
    let c = &f.case;
    assert_eq!(c.status, Status::Replied);
    let r = c.reply.as_ref().unwrap();
    assert_eq!(r.by, APPROVAL_RECV);
    assert_eq!(r.dept.as_deref(), Some("approval"), "the workroom replied");
    let m = &c.mediations[0];
    assert_eq!(
        (m.by.as_str(), m.dept.as_str()),
        (APPROVAL_RECV, "approval")
    );
    assert!(m.result.contains("补缴"));
    f.act(APPROVAL_RECV, archive(Outcome::Accepted, None));
    assert_eq!(f.case.status, Status::Archived);
    assert_eq!(f.case.receiving_dept, "tax", "still the tax bureau's case");

    // A reply by the receiving department itself names no department.
    let r = replied(&w).case.reply.unwrap();
    assert_eq!(r.dept, None);

    // Not on the tax bureau's own-remit or major matters, and never classify or escalate.
    let own = handling_own(&w);
    for cmd in [reply(), mediate()] {
        assert!(is_not_permitted(&own.refused(APPROVAL_RECV, cmd)));
    }
    let major = handling_major(&w);
    assert!(is_not_permitted(&major.refused(APPROVAL_RECV, reply())));
    let general = handling_general(&w);
    assert!(is_not_permitted(
        &general.refused(APPROVAL_RECV, escalate_lg())
    ));
    assert!(is_not_permitted(
        &registered(&w).refused(APPROVAL_RECV, classify(Track::General))
    ));
    // Mediation is not for major matters or referrals.
    let e = handling_referral(&w).refused(TAX_RECV, mediate());
    assert!(is_not_ready(&e), "{e:?}");
    // The receiving department may mediate its own-remit matter.
    let mut own = handling_own(&w);
    own.act(TAX_RECV, mediate());
    assert_eq!(own.case.mediations[0].dept, "tax");
}

/// 四（二）: a general matter is handled by one department or jointly; a matter first kept
/// in the department's own remit may become general without the leader (issue 13).
#[test]
fn classify_turns_an_own_matter_into_a_general_one() {
    let w = World::new();
    let mut f = handling_own(&w);
    let due = f.case.due.reply;
    assert!(is_not_ready(&f.refused(TAX_RECV, assign(&["hrss"]))));
    let e = f.refused(TAX_RECV, assign(&["hrss"]));
    assert!(e.to_string().contains("--track general"), "{e}");
    f.act(
        TAX_RECV,
        Command::Classify {
            track: Track::General,
            category: Some(4),
            insurance: vec![Insurance::Medical],
            note: None,
        },
    );
    let c = &f.case;
    assert_eq!(
        (c.status, c.track),
        (Status::Handling, Some(Track::General))
    );
    assert_eq!(c.category, Some(4));
    assert_eq!(c.insurance, vec![Insurance::Medical]);
    assert_eq!(c.due.reply, due, "the reply stays due when it was");
    f.act(TAX_RECV, assign(&["hrss"]));
    assert!(f.case.is_assigned("hrss"));
    // Only that way: general back to own, general to major, a second time.
    for track in [Track::Own, Track::Major, Track::General] {
        let e = f.refused(TAX_RECV, classify(track));
        assert!(is_not_ready(&e), "{track}: {e:?}");
    }
    // Only the receiving department classifies.
    let g = handling_own(&w);
    assert!(is_not_permitted(
        &g.refused(APPROVAL_RECV, classify(Track::General))
    ));
    // The commit subject says what happened.
    let before = handling_own(&w).case;
    let summary = Action::Classify
        .spec()
        .summary(Lang::Zh, &w.book, &before, &f.case);
    assert!(summary.contains("改为一般事项"), "{summary}");
}

/// The leader's decision has its own time limit (`deadlines.approval`, 3 working days by
/// default) and its own obligation; a slow decision moves the receiving department's
/// reply date instead of counting against it.
#[test]
fn the_leader_owes_the_decision_within_its_own_limit() {
    let w = World::new();
    assert_eq!(w.book.deadlines.approval, 3);
    let mut f = Flow::register(&w, TAX_RECV, "2026-09-29T09:00:00+08:00");
    f.act(TAX_RECV, classify(Track::Major));
    // 3 working days from 09-29: 09-30, (National Day 10-01..07) 10-08, 10-09.
    assert_eq!(f.case.due.approval, Some(d("2026-10-09")));
    assert_eq!(
        open_obligations(&f.case),
        vec![owed(
            &f.case,
            ObligationKind::Approval,
            "leading-group",
            None,
            "2026-10-09"
        )]
    );
    // 10-10 is a worked Saturday: one working day late on 10-10 and on 10-11 (Sunday).
    assert_eq!(
        late_rows(&f.case, "2026-10-11", &w.cal),
        vec![(ObligationKind::Approval, "leading-group".into(), 1)]
    );
    // The leader decides on 11-18, 29 working days late (10-10, five weeks of five days
    // 10-12..11-13, then 11-16, 17, 18).
    assert_eq!(
        w.cal.working_days_between(d("2026-10-09"), d("2026-11-18")),
        29
    );
    f.act_at(LEADER, approve(), t("2026-11-18T09:00:00+08:00"));
    // The reply was due 30 working days from 09-29 (11-16); it moves by the 29 days of the
    // leader's delay: 11-17..20, 11-23..27, 11-30..12-04, 12-07..11, 12-14..18, 12-21..25.
    assert_eq!(f.case.due.reply, Some(d("2026-12-25")));
    assert!(
        late_rows(&f.case, "2026-11-25", &w.cal)
            .iter()
            .all(|(k, dept, _)| *k == ObligationKind::Opinion && dept != "tax"),
        "the receiving department is not late for the leader's delay"
    );

    // On time: the reply keeps its date.
    let mut f = Flow::register(&w, TAX_RECV, "2026-09-29T09:00:00+08:00");
    f.act(TAX_RECV, classify(Track::Major));
    f.act_at(LEADER, reject(), t("2026-10-09T09:00:00+08:00"));
    // 15 working days from 09-29 (the general limit): 10-26.
    assert_eq!(f.case.due.reply, Some(d("2026-10-26")));

    // Reported from a general case: the same limit, from the day of the report.
    let c = awaiting_escalated(&w).case; // reported Friday 11-20
    assert_eq!(c.due.approval, Some(d("2026-11-25")));
}

/// A casebook of rules edition 1 (written before issue 13) keeps its old rules for the
/// cases registered under it, so their history replays as it was made.
#[test]
fn a_case_of_rules_edition_one_keeps_the_old_rules() {
    let mut w = World::new();
    w.book.rules = 1;
    let mut f = awaiting_major(&w);
    assert_eq!(f.case.rules, 1);
    assert_eq!(
        f.case.due.approval, None,
        "no time limit for the leader then"
    );
    assert_eq!(open_obligations(&f.case)[0].what, ObligationKind::Reply);
    f.act(LEADER, approve())
        .act(OFFICE, consult(ConsultKind::Major));
    // Minutes were enough for a reply.
    assert!(missing_for_reply(&f.case, &w.book).is_empty());
    assert!(
        !f.case.to_toml().contains("rules ="),
        "edition 1 is not written"
    );
    let w2 = World::new();
    assert!(registered(&w2).case.to_toml().contains("rules = 2"));
}

#[test]
fn reply_on_a_referral_of_rules_edition_one_needs_the_competent_departments_result() {
    let mut w = World::new();
    w.book.rules = 1;
    let mut f = referred(&w);
    f.act(GOV_DISPATCHER, dispatch("hrss"));
    let e = f.refused(TAX_RECV, reply());
    assert!(not_ready_reason(&e).contains("县人社局"), "{e}");
    f.act(
        HRSS_HANDLER,
        opinion("hrss", "已办结，结果已告知缴费人和12345"),
    );
    f.act(TAX_RECV, reply());
    assert_eq!(f.case.status, Status::Replied);
}

#[test]
fn reply_on_an_own_case_needs_nothing_more() {
    let w = World::new();
    let mut f = handling_own(&w);
    assert!(missing_for_reply(&f.case, &w.book).is_empty());
    // Replied on Tuesday 11-24, four days after registration: the archive is due 5
    // working days after the reply (11-25, 26, 27, 30, 12-01), not after registration.
    f.act_at(TAX_RECV, reply(), t("2026-11-24T15:00:00+08:00"));
    assert_eq!(f.case.status, Status::Replied);
    assert_eq!(f.case.due.archive, Some(d("2026-12-01")));
    assert_eq!(
        open_obligations(&f.case),
        vec![owed(
            &f.case,
            ObligationKind::Archive,
            "tax",
            Some(TAX_RECV),
            "2026-12-01"
        )]
    );
}

#[test]
fn reply_ignores_a_withdrawn_assignment() {
    let w = World::new();
    let mut f = handling_general_bare(&w);
    f.act(TAX_RECV, assign(&["hrss", "medical"]))
        .act(TAX_RECV, unassign("medical"))
        .act(HRSS_HANDLER, opinion("hrss", "人社意见"))
        .act(TAX_RECV, reply());
    assert_eq!(f.case.status, Status::Replied);
}

#[test]
fn archive_records_the_payers_answer() {
    let w = World::new();
    let f = replied(&w);
    let e = f.refused(TAX_RECV, archive(Outcome::Objected, None));
    assert!(is_invalid(&e), "an objection needs the remedy: {e:?}");
    let e = f.refused(
        TAX_RECV,
        archive(Outcome::Accepted, Some(Remedy::Mediation)),
    );
    assert!(is_invalid(&e), "acceptance takes no remedy: {e:?}");
    assert!(is_not_permitted(
        &f.refused(OFFICE, archive(Outcome::Accepted, None))
    ));

    let mut objected = replied(&w);
    objected.act(
        TAX_RECV,
        archive(Outcome::Objected, Some(Remedy::Reconsideration)),
    );
    let c = &objected.case;
    assert_eq!(c.status, Status::Archived);
    let a = c.archive.as_ref().unwrap();
    assert_eq!(
        (a.outcome, a.remedy, a.by.as_str(), a.at),
        (
            Outcome::Objected,
            Some(Remedy::Reconsideration),
            TAX_RECV,
            objected.at
        )
    );
    assert!(open_obligations(c).is_empty());

    let accepted = archived(&w);
    let a = accepted.case.archive.as_ref().unwrap();
    assert_eq!((a.outcome, a.remedy), (Outcome::Accepted, None));
}

// ---------------------------------------------------------------------------------------
// Escalate: hotline and discipline
// ---------------------------------------------------------------------------------------

#[test]
fn escalate_to_the_hotline_fills_in_the_referral_form() {
    let w = World::new();
    let mut f = Flow::register(&w, TAX_RECV, "2026-09-30T09:00:00+08:00");
    f.act(TAX_RECV, escalate_hotline(None));
    let c = &f.case;
    assert_eq!(c.status, Status::Referred);
    assert_eq!(c.track, Some(Track::Referral));
    let r = c.referral.as_ref().unwrap();
    assert_eq!(r.summary, c.summary);
    assert_eq!(r.receiver_name, "张三");
    assert_eq!(r.receiver_phone, TAX_RECV_PHONE, "the operator's phone");
    assert_eq!(r.received_at, c.received_at);
    assert_eq!(r.opinion, "职责不清，请县政府办转交承办单位");
    assert_eq!((r.referred_at, r.referred_by.as_str()), (f.at, TAX_RECV));
    assert_eq!(
        (&r.hotline_ticket, r.dispatched_at, &r.dispatched_by),
        (&None, None, &None)
    );
    // Dispatch within 1 working day of 09-30: 10-08; the competent department then has
    // 5 more: 10-09, 10 (worked), 12, 13, 14.
    assert_eq!(c.due.dispatch, Some(d("2026-10-08")));
    assert_eq!(r.feedback_due, d("2026-10-14"));
    // Reply to the payer 15 working days from registration on 09-30.
    assert_eq!(c.due.reply, Some(d("2026-10-27")));
}

#[test]
fn escalate_to_the_hotline_needs_the_receivers_phone() {
    let w = World::new();
    let mut f = Flow::register(&w, APPROVAL_RECV, T0); // no phone on file
    let e = f.refused(APPROVAL_RECV, escalate_hotline(None));
    assert!(is_invalid(&e), "{e:?}");
    f.act(APPROVAL_RECV, escalate_hotline(Some("0359-3027777")));
    assert_eq!(
        f.case.referral.as_ref().unwrap().receiver_phone,
        "0359-3027777"
    );
}

#[test]
fn escalate_to_the_hotline_refused_for_major_and_repeated_referrals() {
    let w = World::new();
    let f = handling_major(&w);
    assert!(is_not_ready(&f.refused(TAX_RECV, escalate_hotline(None))));
    let f = handling_referral(&w);
    assert!(is_not_ready(&f.refused(TAX_RECV, escalate_hotline(None))));
    let f = referred(&w);
    assert!(is_wrong_state(&f.refused(TAX_RECV, escalate_hotline(None))));
}

#[test]
fn escalate_to_discipline_needs_a_department_that_was_assigned() {
    let w = World::new();
    let mut f = handling_general_bare(&w);
    f.act(TAX_RECV, assign(&["hrss", "medical"]))
        .act(TAX_RECV, unassign("medical"));
    // justice was never asked
    assert!(is_invalid(&f.refused(TAX_RECV, discipline("justice"))));
    // only the receiving department hands over the lead
    assert!(is_not_permitted(&f.refused(OFFICE, discipline("medical"))));
    // medical was assigned (and refused, so it was withdrawn)
    f.act(TAX_RECV, discipline("medical"));
    let c = &f.case;
    assert_eq!(c.status, Status::Handling, "status unchanged");
    let r = c.discipline.last().unwrap();
    assert_eq!(
        (r.dept.as_str(), r.by.as_str(), r.at),
        ("medical", TAX_RECV, f.at)
    );
    assert_eq!(r.reason, "无正当理由拒不办理");
    assert_eq!(c.events.last().unwrap().dept.as_deref(), Some("medical"));

    // The competent department of a referral.
    let mut f = handling_referral(&w);
    f.act(TAX_RECV, discipline("hrss"));
    assert_eq!(f.case.status, Status::Handling);
    // Still possible after the reply, not after the archive.
    let mut f = replied(&w);
    f.act(TAX_RECV, discipline("hrss"));
    assert_eq!(f.case.status, Status::Replied);
    let f = archived(&w);
    assert!(is_wrong_state(&f.refused(TAX_RECV, discipline("hrss"))));
}

// ---------------------------------------------------------------------------------------
// Time rules
// ---------------------------------------------------------------------------------------

#[test]
fn an_action_may_not_be_in_the_future() {
    let w = World::new();
    let f = handling_general_bare(&w);
    let now = f.at + Duration::hours(1);
    let e = apply(
        &f.case,
        &assign(&["hrss"]),
        &w.ctx_now(TAX_RECV, now + Duration::seconds(1), now),
    )
    .unwrap_err();
    assert!(matches!(e, Error::FutureTime(_)), "{e:?}");
    let ok = apply(&f.case, &assign(&["hrss"]), &w.ctx_now(TAX_RECV, now, now)).unwrap();
    assert_valid_file(&ok);
}

#[test]
fn an_action_may_not_be_before_the_previous_one() {
    let w = World::new();
    let mut f = handling_general_bare(&w);
    let before = f.at - Duration::minutes(1);
    let e = apply(&f.case, &assign(&["hrss"]), &w.ctx(TAX_RECV, before)).unwrap_err();
    assert!(matches!(e, Error::TimeBeforePrevious { .. }), "{e:?}");
    // Before registration, too.
    let e = apply(
        &f.case,
        &escalate_lg(),
        &w.ctx(TAX_RECV, t(T0) - Duration::days(1)),
    )
    .unwrap_err();
    assert!(matches!(e, Error::TimeBeforePrevious { .. }), "{e:?}");
    // The same instant as the previous event is fine.
    let same = f.at;
    f.act_at(TAX_RECV, assign(&["hrss"]), same);
}

#[test]
fn every_action_of_a_long_case_appends_one_event() {
    let w = World::new();
    let mut f = handling_general_bare(&w);
    f.act(TAX_RECV, assign(&["hrss", "medical", "finance"]))
        .act(HRSS_HANDLER, opinion("hrss", "人社意见"))
        .act(TAX_RECV, unassign("finance"))
        .act(OFFICE, consult(ConsultKind::General))
        .act(TAX_RECV, discipline("finance"))
        .act(MEDICAL_HANDLER, opinion("medical", "医保意见"))
        .act(TAX_RECV, reply())
        .act(
            TAX_RECV,
            archive(Outcome::Objected, Some(Remedy::Litigation)),
        );
    let actions: Vec<Action> = f.case.events.iter().map(|e| e.action).collect();
    assert_eq!(
        actions,
        vec![
            Action::Register,
            Action::Classify,
            Action::Assign,
            Action::Opinion,
            Action::Unassign,
            Action::Consult,
            Action::EscalateDiscipline,
            Action::Opinion,
            Action::Reply,
            Action::Archive,
        ]
    );
    let by: Vec<&str> = f.case.events.iter().map(|e| e.by.as_str()).collect();
    assert_eq!(
        by,
        vec![
            TAX_RECV,
            TAX_RECV,
            TAX_RECV,
            HRSS_HANDLER,
            TAX_RECV,
            OFFICE,
            TAX_RECV,
            MEDICAL_HANDLER,
            TAX_RECV,
            TAX_RECV
        ]
    );
    assert!(f.case.events.windows(2).all(|p| p[0].at <= p[1].at));
}

// ---------------------------------------------------------------------------------------
// Obligations and lateness
// ---------------------------------------------------------------------------------------

fn sorted(mut v: Vec<Obligation>) -> Vec<Obligation> {
    v.sort_by(|a, b| (a.what, &a.dept).cmp(&(b.what, &b.dept)));
    v
}

fn owed(
    case: &Case,
    what: ObligationKind,
    dept: &str,
    operator: Option<&str>,
    due: &str,
) -> Obligation {
    Obligation {
        case: case.id.clone(),
        what,
        dept: dept.into(),
        operator: operator.map(String::from),
        due: d(due),
    }
}

fn late_rows(case: &Case, as_of: &str, cal: &Calendar) -> Vec<(ObligationKind, String, u32)> {
    let mut v: Vec<_> = late_obligations(case, d(as_of), cal)
        .into_iter()
        .map(|r| (r.what, r.dept.clone(), r.days_late))
        .collect();
    v.sort();
    v
}

#[test]
fn a_registered_case_owes_its_classification() {
    let w = World::new();
    let c = registered(&w).case;
    assert_eq!(
        open_obligations(&c),
        vec![owed(
            &c,
            ObligationKind::Classify,
            "tax",
            Some(TAX_RECV),
            "2026-11-23"
        )]
    );
    // Due Monday 11-23: not late that day; Tuesday 1; Saturday 11-28 counts 24..27 = 4.
    assert!(late_rows(&c, "2026-11-23", &w.cal).is_empty());
    assert_eq!(
        late_rows(&c, "2026-11-24", &w.cal),
        vec![(ObligationKind::Classify, "tax".into(), 1)]
    );
    assert_eq!(
        late_rows(&c, "2026-11-28", &w.cal),
        vec![(ObligationKind::Classify, "tax".into(), 4)]
    );

    // Registered on the eve of National Day: due 10-08; on 10-13 it is 4 working days
    // late (10-09, Saturday 10-10 worked, 10-12, 10-13).
    let c = Flow::register(&w, TAX_RECV, "2026-09-30T16:00:00+08:00").case;
    assert_eq!(
        late_rows(&c, "2026-10-13", &w.cal),
        vec![(ObligationKind::Classify, "tax".into(), 4)]
    );
}

#[test]
fn a_handling_case_owes_missing_opinions_and_the_reply() {
    let w = World::new();
    let mut f = Flow::register(&w, TAX_RECV, "2026-09-30T09:00:00+08:00");
    f.act(TAX_RECV, classify(Track::General))
        .act(TAX_RECV, assign(&["hrss", "medical", "finance"]))
        .act(TAX_RECV, unassign("finance"))
        .act(HRSS_HANDLER, opinion("hrss", "人社意见"));
    let c = &f.case;
    // hrss has answered, finance was withdrawn: medical owes its opinion (due 10-13),
    // the receiving department the reply (due 10-27).
    assert_eq!(
        sorted(open_obligations(c)),
        sorted(vec![
            owed(c, ObligationKind::Opinion, "medical", None, "2026-10-13"),
            owed(
                c,
                ObligationKind::Reply,
                "tax",
                Some(TAX_RECV),
                "2026-10-27"
            ),
        ])
    );
    assert!(late_rows(c, "2026-10-13", &w.cal).is_empty());
    // 10-14, 15, 16, 19, 20.
    assert_eq!(
        late_rows(c, "2026-10-20", &w.cal),
        vec![(ObligationKind::Opinion, "medical".into(), 5)]
    );
    // 10-14 .. 10-28 is 11 working days; the reply is 1 day late.
    assert_eq!(
        late_rows(c, "2026-10-28", &w.cal),
        vec![
            (ObligationKind::Opinion, "medical".into(), 11),
            (ObligationKind::Reply, "tax".into(), 1),
        ]
    );
}

#[test]
fn a_case_awaiting_the_leader_owes_the_decision_but_no_opinions() {
    let w = World::new();
    let c = awaiting_escalated(&w).case; // on 11-20: hrss due 11-27, reply due 12-11
    // hrss cannot write while the leader decides (opinion needs `handling`), so it owes
    // nothing and is never counted late for it; the receiving department waits too. The
    // leader owes the decision in 3 working days: 11-25.
    assert_eq!(
        open_obligations(&c),
        vec![owed(
            &c,
            ObligationKind::Approval,
            "leading-group",
            None,
            "2026-11-25"
        )]
    );
    assert_eq!(
        late_rows(&c, "2026-12-01", &w.cal),
        vec![(ObligationKind::Approval, "leading-group".into(), 4)]
    );
}

#[test]
fn a_case_classified_major_owes_its_reply_within_the_major_limit() {
    let w = World::new();
    let mut f = Flow::register(&w, TAX_RECV, "2026-09-29T09:00:00+08:00");
    f.act(
        TAX_RECV,
        Command::Classify {
            track: Track::Major,
            category: Some(9),
            insurance: vec![],
            note: None,
        },
    );
    // 30 working days from registration on 09-29 (National Day off, 10-10 worked): 11-16.
    assert_eq!(f.case.due.reply, Some(d("2026-11-16")));
    // While the leader has not decided, only the decision is late (see
    // `the_leader_owes_the_decision_within_its_own_limit`); once approved on 10-09, in
    // time, the reply is late from 11-17.
    f.act_at(LEADER, approve(), t("2026-10-09T09:00:00+08:00"));
    assert_eq!(f.case.due.reply, Some(d("2026-11-16")));
    assert!(late_rows(&f.case, "2026-11-18", &w.cal).contains(&(
        ObligationKind::Reply,
        "tax".into(),
        2
    )));
}

#[test]
fn a_due_date_followed_only_by_days_off_is_not_late_yet() {
    let w = World::new();
    let c = replied(&w).case; // archive due Friday 11-27
    assert!(late_rows(&c, "2026-11-28", &w.cal).is_empty(), "Saturday");
    assert!(late_rows(&c, "2026-11-29", &w.cal).is_empty(), "Sunday");
    assert_eq!(
        late_rows(&c, "2026-11-30", &w.cal),
        vec![(ObligationKind::Archive, "tax".into(), 1)]
    );
}

#[test]
fn a_general_case_referred_to_the_hotline_gives_gov_a_free_hand() {
    let w = World::new();
    let mut f = handling_general_bare(&w);
    f.act(TAX_RECV, assign(&["hrss"]))
        .act(TAX_RECV, escalate_hotline(None));
    let withdrawn = &f.case.assignments[0];
    assert_eq!(withdrawn.dept, "hrss");
    assert_eq!(
        withdrawn.removed_at,
        Some(f.at),
        "hrss is no longer asked by tax"
    );
    assert!(
        !missing_for_reply(&f.case, &w.book)
            .iter()
            .any(|m| m.contains("县人社局"))
    );
    // gov may now dispatch the matter to hrss as the competent department.
    f.act(
        GOV_DISPATCHER,
        Command::Assign {
            depts: vec!["hrss".into()],
            due: None,
            hotline_ticket: Some("12345-0001".into()),
        },
    );
    assert_eq!(f.case.status, Status::Handling);
    assert!(f.case.is_assigned("hrss"));
}

#[test]
fn a_referred_case_owes_the_dispatch_by_gov() {
    let w = World::new();
    let mut f = Flow::register(&w, TAX_RECV, "2026-09-30T09:00:00+08:00");
    f.act(TAX_RECV, escalate_hotline(None));
    let c = &f.case;
    // Until gov dispatches it nobody else can act on the matter.
    assert_eq!(
        open_obligations(c),
        vec![owed(c, ObligationKind::Dispatch, "gov", None, "2026-10-08")]
    );
    assert_eq!(
        late_rows(c, "2026-10-09", &w.cal),
        vec![(ObligationKind::Dispatch, "gov".into(), 1)]
    );
}

/// 四（六） and the referral form: the competent department replies to the payer directly
/// and reports back to the receiving department by the date on the form; each is late
/// against that date; the receiving department archives once it has the report.
#[test]
fn the_12345_loop_is_closed_by_the_competent_department_by_the_forms_date() {
    let w = World::new();
    let mut f = Flow::register(&w, TAX_RECV, "2026-09-30T09:00:00+08:00");
    f.act(TAX_RECV, escalate_hotline(None));
    // Dispatch due 1 working day after 09-30: 10-08 (National Day); the form's feedback
    // date 5 working days on: 10-09, 10-10 (worked Saturday), 10-12, 10-13, 10-14.
    let form_date = d("2026-10-14");
    assert_eq!(f.case.referral.as_ref().unwrap().feedback_due, form_date);
    // gov gives no other date.
    let e = f.refused(GOV_DISPATCHER, {
        let mut c = dispatch("hrss");
        if let Command::Assign { due, .. } = &mut c {
            *due = Some(d("2026-10-30"));
        }
        c
    });
    assert!(
        is_invalid(&e) && e.to_string().contains("2026-10-14"),
        "{e}"
    );
    f.act_at(
        GOV_DISPATCHER,
        dispatch("hrss"),
        t("2026-10-08T09:00:00+08:00"),
    );
    let c = &f.case;
    assert_eq!(c.assignments[0].due, form_date);
    assert_eq!(c.due.reply, Some(form_date), "the reply is hrss's now");
    assert_eq!(
        sorted(open_obligations(c)),
        sorted(vec![
            owed(c, ObligationKind::Reply, "hrss", None, "2026-10-14"),
            owed(c, ObligationKind::Feedback, "hrss", None, "2026-10-14"),
        ])
    );
    // Two working days late on 10-16 (10-15, 10-16), both of them.
    assert_eq!(
        late_rows(c, "2026-10-16", &w.cal),
        vec![
            (ObligationKind::Reply, "hrss".into(), 2),
            (ObligationKind::Feedback, "hrss".into(), 2),
        ]
    );
    // The receiving department no longer writes the reply; hrss gives no "opinion".
    assert!(is_not_permitted(&f.refused(TAX_RECV, reply())));
    assert!(is_not_ready(
        &f.refused(HRSS_HANDLER, opinion("hrss", "结果"))
    ));
    assert!(is_not_permitted(&f.refused(MEDICAL_HANDLER, reply())));

    // hrss replies to the payer on 10-15, a day late.
    f.act_at(HRSS_HANDLER, reply(), t("2026-10-15T10:00:00+08:00"));
    let c = &f.case;
    assert_eq!(c.status, Status::Replied);
    let r = c.reply.as_ref().unwrap();
    assert_eq!(
        (r.by.as_str(), r.dept.as_deref()),
        (HRSS_HANDLER, Some("hrss"))
    );
    // The receiving department owes the archive only once the report is in.
    assert_eq!(
        open_obligations(c),
        vec![owed(
            c,
            ObligationKind::Feedback,
            "hrss",
            None,
            "2026-10-14"
        )]
    );
    // archive 5 working days after the reply: 10-16, 19, 20, 21, 22
    assert_eq!(c.due.archive, Some(d("2026-10-22")));
    // The receiving department archives only with the report in hand.
    let e = f.refused(TAX_RECV, archive(Outcome::Accepted, None));
    assert!(not_ready_reason(&e).contains("dispute feedback"), "{e}");
    assert!(is_not_permitted(&f.refused(MEDICAL_HANDLER, feedback())));
    assert!(is_not_permitted(&f.refused(TAX_RECV, feedback())));
    f.act_at(HRSS_HANDLER, feedback(), t("2026-10-16T10:00:00+08:00"));
    let fb = f.case.referral.as_ref().unwrap().feedback.clone().unwrap();
    assert_eq!((fb.dept.as_str(), fb.by.as_str()), ("hrss", HRSS_HANDLER));
    assert!(
        is_invalid(&f.refused(HRSS_HANDLER, feedback())),
        "only once"
    );
    // hrss's answer on the ledger is its report, two working days after the form's date.
    let late = late_obligations(&f.case, d("2026-10-16"), &w.cal);
    let req = crate::ledger::dept_requests(&f.case, &late, &w.cal);
    assert_eq!(req.len(), 1);
    assert_eq!(req[0].state, crate::ledger::OpinionState::Late);
    // Reported on Friday 10-16: the archive is due 5 working days later, 10-23.
    assert_eq!(
        sorted(open_obligations(&f.case)),
        vec![owed(
            &f.case,
            ObligationKind::Archive,
            "tax",
            Some(TAX_RECV),
            "2026-10-23"
        )]
    );
    assert!(is_not_permitted(
        &f.refused(HRSS_HANDLER, archive(Outcome::Accepted, None))
    ));
    f.act(TAX_RECV, archive(Outcome::Accepted, None));
    assert_eq!(f.case.status, Status::Archived);
    // The commit subjects say who wrote to the payer and who reported back.
    let events: Vec<Action> = f.case.events.iter().map(|e| e.action).collect();
    assert!(events.contains(&Action::Feedback));

    // A dispatch after the form's date leaves the competent department that very day.
    let mut g = Flow::register(&w, TAX_RECV, "2026-09-30T09:00:00+08:00");
    g.act(TAX_RECV, escalate_hotline(None));
    g.act_at(
        GOV_DISPATCHER,
        dispatch("hrss"),
        t("2026-10-20T09:00:00+08:00"),
    );
    assert_eq!(g.case.due.reply, Some(d("2026-10-20")));
}

/// Before rules edition 2 the receiving department wrote the reply once the competent
/// department's result was in, and kept owing it.
#[test]
fn a_referral_of_rules_edition_one_keeps_the_old_loop() {
    let mut w = World::new();
    w.book.rules = 1;
    let mut f = Flow::register(&w, TAX_RECV, "2026-09-30T09:00:00+08:00");
    f.act(TAX_RECV, escalate_hotline(None));
    f.act_at(
        GOV_DISPATCHER,
        dispatch("hrss"),
        t("2026-10-08T09:00:00+08:00"),
    );
    let c = &f.case;
    assert_eq!(
        sorted(open_obligations(c)),
        sorted(vec![
            owed(c, ObligationKind::Opinion, "hrss", None, "2026-10-14"),
            owed(
                c,
                ObligationKind::Reply,
                "tax",
                Some(TAX_RECV),
                "2026-10-27"
            ),
        ])
    );
    assert!(is_not_ready(&f.refused(HRSS_HANDLER, feedback())));
}

#[test]
fn a_replied_case_owes_the_archive() {
    let w = World::new();
    let c = replied(&w).case; // replied Friday 11-20: archive due 11-27
    assert_eq!(
        open_obligations(&c),
        vec![owed(
            &c,
            ObligationKind::Archive,
            "tax",
            Some(TAX_RECV),
            "2026-11-27"
        )]
    );
    // Monday 11-30 and Tuesday 12-01.
    assert_eq!(
        late_rows(&c, "2026-12-01", &w.cal),
        vec![(ObligationKind::Archive, "tax".into(), 2)]
    );
}

#[test]
fn closed_cases_owe_nothing() {
    let w = World::new();
    for c in [archived(&w).case, redirected(&w).case] {
        assert!(open_obligations(&c).is_empty(), "{}", c.status);
        assert!(late_obligations(&c, d("2027-06-01"), &w.cal).is_empty());
    }
}

// ---------------------------------------------------------------------------------------
// Each action's definition is whole
// ---------------------------------------------------------------------------------------

/// For every action that succeeds anywhere in the transition table, the inputs its spec
/// reads back from the case it produced re-apply to the same case (what `verify` does),
/// and its commit summary renders in both languages without a missing key.
#[test]
fn every_action_reads_back_what_it_applied() {
    let w = World::new();
    let at = t(TABLE_AT);
    let mut failures = vec![];
    let mut checked = std::collections::BTreeSet::new();
    for &fx in Fx::ALL {
        let case = fx.build(&w);
        for &kind in Kind::ALL {
            for &actor_id in ALL_ACTORS {
                let cmd = kind.command(&case, w.op(actor_id));
                let ctx = w.ctx(actor_id, at);
                let Ok(after) = apply(&case, &cmd, &ctx) else {
                    continue;
                };
                let event = after.events.last().expect("an event");
                checked.insert(event.action);
                let label = format!("{fx:?} × {kind:?} × {actor_id}");
                match read_back(&case, &after, event) {
                    None => failures.push(format!("{label}: nothing read back")),
                    Some(again) => match apply(&case, &again, &ctx) {
                        Ok(replayed) if replayed == after => {}
                        Ok(_) => failures.push(format!("{label}: {again:?} replays differently")),
                        Err(e) => failures.push(format!("{label}: {again:?} refused: {e}")),
                    },
                }
                for lang in Lang::ALL {
                    let s = event.action.spec().summary(lang, &w.book, &case, &after);
                    if s.contains("commit-") || s.contains("label-") || s.contains("category-") {
                        failures.push(format!("{label}: {lang:?} summary {s:?}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let unchecked: Vec<_> = Action::ALL
        .iter()
        .filter(|a| **a != Action::Register && !checked.contains(*a))
        .collect();
    assert!(unchecked.is_empty(), "never succeeded: {unchecked:?}");
}

#[test]
fn every_action_code_is_in_the_case_schema_and_labelled_in_both_catalogs() {
    let schema: serde_json::Value = serde_json::from_str(crate::schema::CASE_SCHEMA).unwrap();
    let codes: Vec<&str> = schema["properties"]["events"]["items"]["properties"]["action"]["enum"]
        .as_array()
        .expect("the event's action is an enum")
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let ours: Vec<&str> = Action::ALL.iter().map(|a| a.code()).collect();
    assert_eq!(
        codes, ours,
        "schemas/case.schema.json lists other action codes"
    );
    for lang in Lang::ALL {
        let keys = dispute_i18n::keys(lang);
        for a in Action::ALL {
            assert!(keys.contains(a.label_key()), "{a}: {lang:?} has no label");
            let verb = format!("clerk-verb-{}", a.code());
            assert!(
                keys.contains(&verb),
                "{a}: {lang:?} has no verb for refusals"
            );
            assert_eq!(Action::from_code(a.code()), Some(*a));
        }
    }
}

#[test]
fn actions_travel_as_their_codes() {
    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct E {
        action: Action,
    }
    let text = toml::to_string(&E {
        action: Action::EscalateLeadingGroup,
    })
    .unwrap();
    assert_eq!(text.trim(), r#"action = "escalate-leading-group""#);
    assert_eq!(
        toml::from_str::<E>(&text).unwrap().action,
        Action::EscalateLeadingGroup
    );
    let err = toml::from_str::<E>(r#"action = "nonsense""#).unwrap_err();
    assert!(
        err.to_string()
            .contains("unknown variant `nonsense`, expected one of `register`"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------
// The petition bureau's leads and the CAC's public-opinion watch (issue 13)
// ---------------------------------------------------------------------------------------

/// 三（二）8: the petition bureau passes a lead to the competent department; that
/// department is assigned and the case stays open.
#[test]
fn a_petition_lead_assigns_the_competent_department_and_keeps_the_case_open() {
    let w = World::new();
    let mut f = handling_general(&w); // tax receives, hrss assigned and answered
    f.act(PETITION_HANDLER, lead("finance"));
    let c = &f.case;
    assert_eq!(c.status, Status::Handling);
    let l = &c.leads[0];
    assert_eq!(
        (l.dept.as_str(), l.by.as_str()),
        ("finance", PETITION_HANDLER)
    );
    let a = c.assignments.last().unwrap();
    assert_eq!(
        (a.dept.as_str(), a.by.as_str()),
        ("finance", PETITION_HANDLER)
    );
    // 5 working days from Friday 11-20 (the general limit): 11-27.
    assert_eq!(a.due, d("2026-11-27"));
    assert!(
        open_obligations(c)
            .iter()
            .any(|o| o.what == ObligationKind::Opinion && o.dept == "finance")
    );
    // A lead to a department already assigned, or to the receiving one, assigns nothing.
    let n = f.case.assignments.len();
    f.act(PETITION_HANDLER, lead("hrss"))
        .act(PETITION_HANDLER, lead("tax"));
    assert_eq!(f.case.assignments.len(), n);
    assert_eq!(f.case.leads.len(), 3);
    // Refusals: not the petition bureau; to itself; on an own-remit matter.
    assert!(is_not_permitted(&f.refused(TAX_RECV, lead("medical"))));
    assert!(is_not_permitted(&f.refused(CAC_HANDLER, lead("medical"))));
    assert!(is_invalid(&f.refused(PETITION_HANDLER, lead("petition"))));
    let own = handling_own(&w);
    let e = own.refused(PETITION_HANDLER, lead("hrss"));
    assert!(not_ready_reason(&e).contains("--track general"), "{e}");
}

/// 三（二）9: the CAC flags online public opinion about a case and records its response.
#[test]
fn the_cac_flags_public_opinion_and_records_the_response() {
    let w = World::new();
    let mut f = registered(&w);
    f.act(CAC_HANDLER, opinion_watch());
    assert_eq!(f.case.status, Status::Registered, "no change of status");
    f.act(TAX_RECV, classify(Track::General))
        .act(CAC_HANDLER, opinion_watch());
    assert_eq!(f.case.public_opinion.len(), 2);
    // The response answers the latest open incident by default, or the one named.
    f.act(CAC_HANDLER, opinion_response(Some(1)));
    assert!(f.case.public_opinion[0].response.is_some());
    assert!(f.case.public_opinion[1].response.is_none());
    f.act(CAC_HANDLER, opinion_response(None));
    let r = f.case.public_opinion[1].response.as_ref().unwrap();
    assert_eq!((r.by.as_str(), r.at), (CAC_HANDLER, f.at));
    // Nothing left to answer; a number that is not there; one answered already.
    assert!(is_not_ready(
        &f.refused(CAC_HANDLER, opinion_response(None))
    ));
    assert!(is_invalid(
        &f.refused(CAC_HANDLER, opinion_response(Some(3)))
    ));
    assert!(is_invalid(
        &f.refused(CAC_HANDLER, opinion_response(Some(1)))
    ));
    // Only the CAC.
    assert!(is_not_permitted(&f.refused(TAX_RECV, opinion_watch())));
    assert!(is_not_permitted(
        &f.refused(PETITION_HANDLER, opinion_watch())
    ));
    // The response's read-back names the incident it answered.
    let before = {
        let mut g = registered(&w);
        g.act(CAC_HANDLER, opinion_watch())
            .act(CAC_HANDLER, opinion_watch());
        g
    };
    let mut after = before.case.clone();
    let ctx = w.ctx(CAC_HANDLER, before.next_at());
    after = apply(&after, &opinion_response(Some(1)), &ctx).unwrap();
    let again = read_back(&before.case, &after, after.events.last().unwrap()).unwrap();
    assert_eq!(again, opinion_response(Some(1)));
}

// ---------------------------------------------------------------------------------------
// Both parties; the leader's decision on a rejection (issue 13)
// ---------------------------------------------------------------------------------------

/// 四（四）: the reply goes to both parties of an employee-employer dispute, and records it.
#[test]
fn a_reply_records_that_both_parties_were_informed() {
    let w = World::new();
    let mut new = new_case();
    new.payer.kind = PayerKind::Individual;
    new.payer.name = "王建军".into();
    new.counterparty = Some(crate::case::Counterparty {
        kind: PayerKind::Employer,
        name: "芮城县永乐机械有限公司".into(),
        phone: Some("13912345678".into()),
        sealed: None,
    });
    let id = CaseId::new("tax", 2026, 1);
    let case = register(&id, new.clone(), &w.ctx(TAX_RECV, t(T0))).unwrap();
    assert_eq!(
        case.parties(),
        vec![crate::case::Party::Payer, crate::case::Party::Counterparty]
    );
    let mut f = Flow {
        w: &w,
        case,
        at: t(T0),
    };
    // A correction cannot make the payer of the other party's kind.
    assert!(is_invalid(
        &f.refused(TAX_RECV, correct(CaseField::PayerKind, "employer"))
    ));
    f.act(TAX_RECV, classify(Track::Own));
    // The day the act was known may not lie after the reply.
    let e = f.refused(
        TAX_RECV,
        Command::Reply {
            text: "处理意见".into(),
            act_date: Some(d("2026-12-01")),
        },
    );
    assert!(is_invalid(&e), "{e:?}");
    f.act(
        TAX_RECV,
        Command::Reply {
            text: "处理意见".into(),
            act_date: Some(d("2026-11-02")),
        },
    );
    let r = f.case.reply.as_ref().unwrap();
    assert_eq!(
        r.informed,
        vec![crate::case::Party::Payer, crate::case::Party::Counterparty]
    );
    assert_eq!(r.act_date, Some(d("2026-11-02")));
    // A one-party case records the payer.
    let r = replied(&w).case.reply.unwrap();
    assert_eq!(r.informed, vec![crate::case::Party::Payer]);
    // The other party of an employment dispute is of the other kind.
    let mut same = new;
    same.counterparty.as_mut().unwrap().kind = PayerKind::Individual;
    let e = register(&id, same, &w.ctx(TAX_RECV, t(T0))).unwrap_err();
    assert!(is_invalid(&e), "{e:?}");
}

/// Issue 13: a rejection records what the leader decided instead of silently meaning
/// "general".
#[test]
fn a_rejection_records_how_the_leader_decided_the_matter_is_handled() {
    let w = World::new();
    let mut f = awaiting_escalated(&w); // general, hrss assigned, then reported
    f.act(
        LEADER,
        Command::Decide {
            decision: Decision::Rejected,
            note: "属县税务局本部门职责，不必联办".into(),
            handled_as: Some(Track::Own),
        },
    );
    let c = &f.case;
    assert_eq!(c.track, Some(Track::Own));
    assert_eq!(c.approval.as_ref().unwrap().handled_as, Some(Track::Own));
    assert!(
        c.active_assignments().next().is_none(),
        "own remit: hrss withdrawn"
    );
    assert_eq!(
        c.assignments[0].removed_reason.as_deref(),
        Some("组长决定由受理部门按本部门职责办理")
    );
    let before = awaiting_escalated(&w).case;
    let summary = Action::Reject.spec().summary(Lang::Zh, &w.book, &before, c);
    assert!(summary.contains("改为本部门办理"), "{summary}");
    // Approval takes no such decision; a rejection can not make it major or a referral.
    let f = awaiting_major(&w);
    for (decision, handled_as) in [
        (Decision::Approved, Some(Track::General)),
        (Decision::Rejected, Some(Track::Major)),
        (Decision::Rejected, Some(Track::Referral)),
    ] {
        let e = f.refused(
            LEADER,
            Command::Decide {
                decision,
                note: "x".into(),
                handled_as,
            },
        );
        assert!(is_invalid(&e), "{decision:?} {handled_as:?}: {e:?}");
    }
    // History written before: a rejection without a recorded decision is general.
    let mut f = awaiting_major(&w);
    f.act(
        LEADER,
        Command::Decide {
            decision: Decision::Rejected,
            note: "x".into(),
            handled_as: None,
        },
    );
    assert_eq!(f.case.track, Some(Track::General));
}

// ---------------------------------------------------------------------------------------
// Corrections and voiding (issue 12)
// ---------------------------------------------------------------------------------------

#[test]
fn a_correction_keeps_the_old_value_and_the_reason() {
    let w = World::new();
    let mut f = registered(&w);
    f.act(TAX_RECV, correct(CaseField::Summary, "对滞纳金加收有异议"));
    let c = f.case.corrections.last().expect("recorded");
    assert_eq!(f.case.summary, "对滞纳金加收有异议");
    assert_eq!(c.field, CaseField::Summary);
    assert_eq!(
        c.old.as_deref(),
        Some("单位对2026年度社会保险缴费基数核定有异议")
    );
    assert_eq!(c.new.as_deref(), Some("对滞纳金加收有异议"));
    assert_eq!(c.reason, "登记时误填");
    assert_eq!(f.case.status, Status::Registered);

    // A category given by correction is the case's category from then on.
    f.act(TAX_RECV, correct(CaseField::Category, "6"));
    assert_eq!(f.case.category, Some(6));
    f.act(TAX_RECV, correct(CaseField::Channel, "phone"));
    assert_eq!(f.case.channel, crate::case::Channel::Phone);
    assert_eq!(f.case.corrections.len(), 3);
}

#[test]
fn a_correction_of_a_payer_detail_records_no_value_and_replays() {
    let w = World::new();
    let f = registered(&w);
    let at = f.next_at();
    let cmd = correct(CaseField::Phone, "0359-3025678");
    let after = apply(&f.case, &cmd, &w.ctx(TAX_RECV, at)).expect("corrected");
    assert_eq!(after.payer.phone, "0359-3025678");
    let c = after.corrections.last().unwrap();
    assert_eq!((c.old.as_deref(), c.new.as_deref()), (None, None));
    assert_valid_file(&after);
    // verify reads the value back from the case and gets the same file.
    let again = read_back(&f.case, &after, after.events.last().unwrap()).unwrap();
    assert_eq!(apply(&f.case, &again, &w.ctx(TAX_RECV, at)).unwrap(), after);
    // Clearing an optional field, and reading that back too.
    let cleared = apply(
        &after,
        &Command::Correct {
            field: CaseField::Title,
            value: Some("对基数有异议".into()),
            reason: "补标题".into(),
        },
        &w.ctx(TAX_RECV, at),
    )
    .unwrap();
    let blank = apply(
        &cleared,
        &Command::Correct {
            field: CaseField::Title,
            value: Some(" ".into()),
            reason: "标题不妥".into(),
        },
        &w.ctx(TAX_RECV, at),
    )
    .unwrap();
    assert_eq!(blank.title, None);
    let again = read_back(&cleared, &blank, blank.events.last().unwrap()).unwrap();
    assert_eq!(
        apply(&cleared, &again, &w.ctx(TAX_RECV, at)).unwrap(),
        blank
    );
}

#[test]
fn a_correction_is_checked_like_the_registration() {
    let w = World::new();
    let f = registered(&w);
    for (field, value) in [
        (CaseField::Phone, "12345"),
        (CaseField::Category, "11"),
        (CaseField::Category, "six"),
        (CaseField::Channel, "fax"),
        (CaseField::PayerName, " "),
        (CaseField::PayerName, "张三 13912345678"),
        (CaseField::PayerId, "123"),
    ] {
        let e = f.refused(TAX_RECV, correct(field, value));
        assert!(is_invalid(&e), "{field:?} = {value:?}: {e:?}");
    }
    // The same value again is no correction.
    let e = f.refused(
        TAX_RECV,
        correct(CaseField::District, &f.case.district.clone()),
    );
    assert!(matches!(e, Error::Exists { .. }), "{e:?}");
    // Only the receiving department corrects.
    assert!(is_not_permitted(
        &f.refused(APPROVAL_RECV, correct(CaseField::Summary, "改"))
    ));
}

#[test]
fn a_voided_case_keeps_its_number_and_owes_nothing() {
    let w = World::new();
    let f = voided(&w);
    assert_eq!(f.case.id, "TAX-2026-0001");
    assert_eq!(f.case.status, Status::Voided);
    assert!(!f.case.status.is_open());
    assert_eq!(f.case.void.as_ref().unwrap().reason, "重复登记");
    assert!(open_obligations(&f.case).is_empty());
    // A classified case with only corrections can still be voided.
    let mut g = handling_own(&w);
    g.act(TAX_RECV, correct(CaseField::Summary, "改正后的事项"))
        .act(TAX_RECV, void());
    assert_eq!(g.case.status, Status::Voided);
    // Once a department is asked, it cannot.
    let e = handling_general(&w).refused(TAX_RECV, void());
    assert!(not_ready_reason(&e).contains("指派联办部门"), "{e}");
}

#[test]
fn refusals_name_departments_use_a_verb_and_say_what_comes_next() {
    let w = World::new();
    // Acting out of order: the hint is the next step.
    let e = registered(&w).refused(TAX_RECV, assign(&["hrss"]));
    let hint = e.hint_in(Lang::Zh).unwrap();
    assert!(hint.contains("请先用 dispute classify"), "{hint}");
    assert!(e.to_string().contains("不能指派联办部门"), "{e}");
    let e = replied(&w).refused(TAX_RECV, reply());
    assert!(
        e.hint_in(Lang::Zh).unwrap().contains("dispute archive"),
        "{e:?}"
    );
    let e = archived(&w).refused(TAX_RECV, archive(Outcome::Accepted, None));
    assert!(e.to_string().contains("不能将案卷归档"), "{e}");
    // Who may: the department by its name, the action as a verb (the workroom replies to
    // general matters only).
    let e = handling_own(&w).refused(APPROVAL_RECV, reply());
    let text = e.to_string();
    assert!(
        text.contains("县税务局") && !text.contains("（tax）"),
        "{text}"
    );
    assert!(text.starts_with("无权书面回复缴费人"), "{text}");
    let e = handling_general(&w).refused(FINANCE_HANDLER, opinion("finance", "意见"));
    let text = e.to_string();
    assert!(
        text.contains("无权提交书面意见") && text.contains("县财政局没有被指派"),
        "{text}"
    );
}

/// The workroom (approval bureau) and the petition bureau act on general matters of rules
/// edition 2 — they assign, reply, archive, pass leads — so such a matter's payer data is
/// open to them (and sealed to them: an assignment they make must seal it again); not an
/// own-remit matter, and not a general matter of edition 1, whose history was sealed
/// without them.
#[test]
fn a_general_matter_is_open_to_the_workroom_and_the_petition_bureau() {
    let w = World::new();
    let has = |case: &Case, dept: &str| {
        crate::privacy::recipient_depts(case, &w.book).contains(&dept.to_string())
    };
    let general = handling_general(&w).case;
    assert!(has(&general, "approval") && has(&general, "petition"));
    let own = handling_own(&w).case;
    assert!(!has(&own, "approval") && !has(&own, "petition"));
    let mut edition_one = general.clone();
    edition_one.rules = 1;
    assert!(!has(&edition_one, "approval") && !has(&edition_one, "petition"));
    // own → general opens it to them, so the classification seals it again.
    let mut f = handling_own(&w);
    f.act(TAX_RECV, classify(Track::General));
    assert!(has(&f.case, "approval") && has(&f.case, "petition"));
}
