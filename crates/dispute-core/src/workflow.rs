//! The handling workflow of DESIGN §4 as pure code: which action may happen from which
//! status, who may do it, what it records, and the due dates it sets.
//!
//! `register` makes a new case; `apply` takes a case and a `Command` and returns the case
//! after the action, with one event appended, or the refusal. Nothing here reads a clock,
//! a file or git: the caller passes the time, the actor and the casebook in `Ctx`.
//!
//! Each action is defined once, in `workflow/actions.rs`: its [`ActionSpec`] holds its code,
//! label, allowed statuses, [`Permission`], what it does, how `verify` reads its inputs
//! back ([`read_back`]) and its commit summary. This module is the machinery around them.

use std::fmt;

use chrono::NaiveDate;

use crate::calendar::{Calendar, local_date};
use crate::case::{
    Assignment, Case, CaseId, Channel, ConsultKind, Decision, Due, Event, Insurance, Payer, Status,
    Time, Track,
};
use crate::casebook::{
    CAC_DEPT, Casebook, Deadlines, LEADING_GROUP, Operator, PETITION_DEPT, Role, WORKROOM_DEPT,
};
use crate::error::{Error, Result};
use crate::text::Label;
use dispute_i18n::{Lang, t};

/// The `Action` enum from one list of `Variant => SPEC` rows: the variants in order, `ALL`,
/// and `spec()`. Everything else about an action is read from its spec.
macro_rules! actions {
    ($($(#[$m:meta])* $variant:ident => $spec:path,)+) => {
        /// One action of the workflow: the `Action:` trailer of its commit and the `action`
        /// of its event.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Action {
            $($(#[$m])* $variant,)+
        }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant,)+];

            /// Everything the workflow knows about this action.
            pub const fn spec(self) -> &'static $crate::workflow::ActionSpec {
                match self {
                    $(Action::$variant => &$spec,)+
                }
            }
        }
    };
}

mod actions;
pub use actions::{Action, Command};

/// The facts of one action, defined once per action in `workflow/actions.rs`.
pub struct ActionSpec {
    /// The ASCII code: the `Action:` trailer of its commit, the `action` of its event.
    pub code: &'static str,
    /// The catalog key of its label.
    pub label_key: &'static str,
    /// The statuses it may start from (DESIGN §4).
    pub allowed_from: &'static [Status],
    /// Who may take it.
    pub permission: Permission,
    /// What it does to the case, once its status, permission and time are checked.
    apply: fn(&mut Step, &Command) -> Result<()>,
    /// Its inputs, read back from the case it produced (see [`read_back`]).
    read_back: fn(&Recorded) -> Option<Command>,
    /// The summary part of its commit subject.
    summary: fn(&Summary) -> String,
}

impl ActionSpec {
    /// The summary of the action's commit subject in `lang` (commits are written in
    /// Chinese: see `protocol::case_summary`). Free text (reasons, opinions) never appears:
    /// it may name the payer's details.
    pub fn summary(&self, lang: Lang, book: &Casebook, before: &Case, after: &Case) -> String {
        (self.summary)(&Summary {
            lang,
            book,
            before,
            after,
        })
    }
}

impl Action {
    /// The action as a verb phrase for refusals (“无权提交书面意见”, “不能将案卷归档”),
    /// from the catalog (`clerk-verb-<code>`).
    pub fn verb(self) -> &'static str {
        dispute_i18n::word(&format!("clerk-verb-{}", self.code()))
    }

    /// The ASCII code used in files and on the command line.
    pub fn code(self) -> &'static str {
        self.spec().code
    }

    pub fn from_code(s: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.code() == s)
    }

    const CODES: &'static [&'static str] = &{
        let mut codes = [""; Action::ALL.len()];
        let mut i = 0;
        while i < codes.len() {
            codes[i] = Action::ALL[i].spec().code;
            i += 1;
        }
        codes
    };
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl crate::text::Coded for Action {
    fn all() -> &'static [Self] {
        Self::ALL
    }
    fn code(&self) -> &'static str {
        Action::code(*self)
    }
}

impl serde::Serialize for Action {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Action {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Action, D::Error> {
        let code = String::deserialize(d)?;
        Action::from_code(&code)
            .ok_or_else(|| serde::de::Error::unknown_variant(&code, Action::CODES))
    }
}

/// Who may take an action (DESIGN §4 "who"). The refusal names the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Any receiver (registration: the receiver's department becomes the receiving one).
    Receiver,
    /// A receiver of the case's receiving department.
    ReceivingDept,
    /// A receiver of the receiving department; on a referral, the dispatcher of `gov`.
    ReceivingDeptOrReferralDispatcher,
    /// A receiver of the receiving department, or the leading-group office; on a general
    /// matter also the workroom.
    ReceivingDeptOrOffice,
    /// Who writes the reply: the receiving department (or on a general matter the
    /// workroom); on a referral of rules edition 2 the competent department it was
    /// dispatched to, which replies to the payer directly (四（六）).
    Replier,
    /// An operator (receiver or handler) of a department a referral of rules edition 2
    /// was dispatched to: its feedback to the receiving department.
    CompetentDept,
    /// An operator (receiver or handler) of the petition bureau (三（二）8).
    Petition,
    /// An operator (receiver or handler) of the cyberspace office (三（二）9).
    Cac,
    /// A receiver of the receiving department; on a general matter also the workroom (a
    /// receiver of the approval bureau), which coordinates, mediates, replies to and
    /// archives general matters of every receiving department (regulation 三（二）7).
    ReceivingDeptOrWorkroom,
    /// A handler, for their own department (the one the command speaks for).
    HandlerOfOwnDept,
    /// The leader of the leading group.
    Leader,
    /// The dispatcher of `gov`.
    GovDispatcher,
}

impl Permission {
    /// The roles that can hold this permission, in the order `verify` tries them against
    /// the casebook at the commit (the rest of the rule is checked by replaying it).
    pub fn roles(self) -> &'static [Role] {
        match self {
            Permission::Receiver | Permission::ReceivingDept => &[Role::Receiver],
            Permission::ReceivingDeptOrReferralDispatcher => &[Role::Receiver, Role::Dispatcher],
            Permission::ReceivingDeptOrOffice => &[Role::Receiver, Role::Office],
            Permission::ReceivingDeptOrWorkroom => &[Role::Receiver],
            Permission::Replier
            | Permission::CompetentDept
            | Permission::Petition
            | Permission::Cac => &[Role::Receiver, Role::Handler],
            Permission::HandlerOfOwnDept => &[Role::Handler],
            Permission::Leader => &[Role::Leader],
            Permission::GovDispatcher => &[Role::Dispatcher],
        }
    }

    /// May `actor` act on `case` (for the department `on_behalf_of`, see
    /// [`Command::on_behalf_of`])? The refusal is the rule, in words.
    pub fn check(
        self,
        actor: &Operator,
        case: &Case,
        on_behalf_of: Option<&str>,
        book: &Casebook,
    ) -> std::result::Result<(), String> {
        let receiving = actor.has(Role::Receiver) && actor.dept == case.receiving_dept;
        let workroom = is_workroom(actor, case);
        let gov_dispatcher = actor.has(Role::Dispatcher) && actor.dept == "gov";
        let receiving_or = |rule: String| {
            if receiving { Ok(()) } else { Err(rule) }
        };
        let receiving_or_workroom = |rule: String| {
            if receiving || workroom {
                Ok(())
            } else {
                Err(rule)
            }
        };
        let only_receiving = || {
            t!(
                "wf-rule-receiver-only",
                dept = book.dept_short(&case.receiving_dept)
            )
        };
        let receiving_or_workroom_rule = || {
            t!(
                "rules-rule-receiver-or-workroom",
                dept = book.dept_short(&case.receiving_dept)
            )
        };
        match self {
            Permission::Receiver if actor.has(Role::Receiver) => Ok(()),
            Permission::Receiver => Err(t!("wf-rule-register-receiver")),
            Permission::ReceivingDept => receiving_or(only_receiving()),
            Permission::ReceivingDeptOrReferralDispatcher
                if case.track == Some(Track::Referral) =>
            {
                if gov_dispatcher {
                    Ok(())
                } else {
                    Err(t!("wf-rule-referral-assign-gov"))
                }
            }
            Permission::ReceivingDeptOrReferralDispatcher => {
                receiving_or_workroom(receiving_or_workroom_rule())
            }
            Permission::ReceivingDeptOrOffice if actor.has(Role::Office) => Ok(()),
            Permission::ReceivingDeptOrOffice => receiving_or_workroom(t!("wf-rule-consult")),
            Permission::ReceivingDeptOrWorkroom => {
                receiving_or_workroom(receiving_or_workroom_rule())
            }
            Permission::Replier if case.is_direct_referral() => {
                if is_competent(actor, case) {
                    Ok(())
                } else {
                    Err(t!("rules-rule-referral-reply"))
                }
            }
            Permission::Replier => receiving_or_workroom(receiving_or_workroom_rule()),
            Permission::Petition => {
                if of_dept(actor, PETITION_DEPT) {
                    Ok(())
                } else {
                    Err(t!("rules-rule-petition"))
                }
            }
            Permission::Cac => {
                if of_dept(actor, CAC_DEPT) {
                    Ok(())
                } else {
                    Err(t!("rules-rule-cac"))
                }
            }
            Permission::CompetentDept => {
                if is_competent(actor, case) {
                    Ok(())
                } else {
                    Err(t!("rules-rule-feedback"))
                }
            }
            Permission::HandlerOfOwnDept => {
                if !actor.has(Role::Handler) {
                    Err(t!("wf-rule-opinion-handler-only"))
                } else if on_behalf_of != Some(actor.dept.as_str()) {
                    Err(t!("wf-rule-opinion-own-dept"))
                } else {
                    Ok(())
                }
            }
            Permission::Leader if actor.has(Role::Leader) => Ok(()),
            Permission::Leader => Err(t!("wf-rule-leader-only")),
            Permission::GovDispatcher if gov_dispatcher => Ok(()),
            Permission::GovDispatcher => Err(t!("wf-rule-dispatch-gov")),
        }
    }
}

/// Is `actor` the workroom (争议处理工作室, a receiver of the approval bureau) acting on a
/// general matter of another department?
pub fn is_workroom(actor: &Operator, case: &Case) -> bool {
    actor.has(Role::Receiver) && actor.dept == WORKROOM_DEPT && case.track == Some(Track::General)
}

/// Is `actor` an operator (receiver or handler) of a department the case is assigned to:
/// on a referral, the competent department gov dispatched it to?
pub fn is_competent(actor: &Operator, case: &Case) -> bool {
    (actor.has(Role::Receiver) || actor.has(Role::Handler)) && case.is_assigned(&actor.dept)
}

/// Is `actor` an operator (receiver or handler) of department `dept`?
fn of_dept(actor: &Operator, dept: &str) -> bool {
    (actor.has(Role::Receiver) || actor.has(Role::Handler)) && actor.dept == dept
}

/// Everything an action needs besides the case: who acts, when it happened, when it is now.
pub struct Ctx<'a> {
    pub book: &'a Casebook,
    pub cal: &'a Calendar,
    pub actor: &'a Operator,
    /// When the action actually happened (`--at`).
    pub at: Time,
    /// The current time; `at` may not be later.
    pub now: Time,
}

/// What the receiving department registers on first contact.
#[derive(Debug, Clone, serde::Serialize)]
pub struct NewCase {
    pub payer: Payer,
    /// The other party of an employee-employer dispute.
    pub counterparty: Option<crate::case::Counterparty>,
    pub title: Option<String>,
    pub summary: String,
    pub district: String,
    pub channel: Channel,
    pub category: Option<u8>,
    pub insurance: Vec<Insurance>,
}

/// An action under way: the case before it, the case it is making, and what it may read.
/// An action's `apply` edits `next` and may name the department its event records.
struct Step<'a> {
    case: &'a Case,
    next: Case,
    ctx: &'a Ctx<'a>,
    action: Action,
    event_dept: Option<String>,
    /// The day it happened (China time).
    day: NaiveDate,
    /// The day the case was received.
    received: NaiveDate,
    /// Who acts.
    by: String,
}

impl<'a> Step<'a> {
    fn deadlines(&self) -> &'a Deadlines {
        &self.ctx.book.deadlines
    }

    fn working_days(&self, from: NaiveDate, days: u32) -> NaiveDate {
        self.ctx.cal.add_working_days(from, days)
    }

    fn not_ready(&self, reason: String) -> Error {
        Error::NotReady {
            id: self.case.id.clone(),
            action: self.action.verb().to_string(),
            reason,
        }
    }
}

/// An action as the files record it: the case before it, a later state of the case, and
/// the action's event.
struct Recorded<'a> {
    old: &'a Case,
    new: &'a Case,
    event: &'a Event,
}

impl Recorded<'_> {
    /// The assignments the event added: those after the old ones made at its time by its
    /// operator.
    fn added_assignments(&self) -> Vec<&Assignment> {
        self.new
            .assignments
            .get(self.old.assignments.len()..)
            .unwrap_or_default()
            .iter()
            .take_while(|a| a.at == self.event.at && a.by == self.event.by)
            .collect()
    }
}

/// What a commit summary may read.
struct Summary<'a> {
    lang: Lang,
    book: &'a Casebook,
    before: &'a Case,
    after: &'a Case,
}

impl Summary<'_> {
    fn dept(&self, code: &str) -> String {
        self.book.dept_short(code).to_string()
    }

    /// The code of the department the action's event names, or "".
    fn event_dept_code(&self) -> String {
        self.after
            .events
            .last()
            .and_then(|e| e.dept.clone())
            .unwrap_or_default()
    }

    /// The short name of the department the action's event names.
    fn event_dept(&self) -> String {
        self.dept(&self.event_dept_code())
    }

    /// The departments the action assigned, listed.
    fn new_assignments(&self) -> String {
        let before = self.before.assignments.len();
        self.after.assignments[before.min(self.after.assignments.len())..]
            .iter()
            .map(|a| self.dept(&a.dept))
            .collect::<Vec<_>>()
            .join(&dispute_i18n::tr_in(self.lang, "commit-list-sep", None))
    }
}

/// The statuses an action may start from (DESIGN §4).
pub fn allowed_from(action: Action) -> &'static [Status] {
    action.spec().allowed_from
}

/// Who may take an action on a case; the refusal names the rule.
pub fn check_permission(
    action: Action,
    case: &Case,
    actor: &Operator,
    cmd: &Command,
    book: &Casebook,
) -> Result<()> {
    action
        .spec()
        .permission
        .check(actor, case, cmd.on_behalf_of(), book)
        .map_err(|rule| {
            Error::not_permitted(
                t!("wf-action-on-case", action = action.verb(), id = case.id),
                rule,
            )
        })
}

fn check_time(at: Time, now: Time, previous: Option<Time>) -> Result<()> {
    if at > now {
        return Err(Error::FutureTime(at.to_rfc3339()));
    }
    if let Some(prev) = previous
        && at < prev
    {
        return Err(Error::TimeBeforePrevious {
            at: at.to_rfc3339(),
            previous: prev.to_rfc3339(),
        });
    }
    Ok(())
}

/// Register a new case with the ID the store allocated.
pub fn register(id: &CaseId, new: NewCase, ctx: &Ctx) -> Result<Case> {
    let day = local_date(&ctx.at);
    let case = Case {
        id: id.to_string(),
        rules: ctx.book.rules,
        status: Status::Registered,
        receiving_dept: ctx.actor.dept.clone(),
        first_receiver: ctx.actor.id.clone(),
        received_at: ctx.at,
        channel: new.channel,
        title: new.title,
        summary: new.summary,
        district: new.district,
        category: new.category,
        insurance: new.insurance,
        track: None,
        payer: new.payer,
        counterparty: new.counterparty,
        due: Due {
            classify: Some(ctx.cal.add_working_days(day, ctx.book.deadlines.classify)),
            ..Due::default()
        },
        assignments: vec![],
        opinions: vec![],
        approval: None,
        exemptions: vec![],
        consultations: vec![],
        mediations: vec![],
        referral: None,
        redirect: None,
        discipline: vec![],
        leads: vec![],
        public_opinion: vec![],
        reply: None,
        archive: None,
        corrections: vec![],
        void: None,
        events: vec![Event {
            at: ctx.at,
            action: Action::Register,
            by: ctx.actor.id.clone(),
            dept: None,
        }],
        imported: None,
    };
    Action::Register
        .spec()
        .permission
        .check(ctx.actor, &case, None, ctx.book)
        .map_err(|rule| Error::not_permitted(Action::Register.verb(), rule))?;
    if let Some(other) = &case.counterparty
        && other.kind == case.payer.kind
    {
        // An employee-employer dispute: one of each.
        return Err(Error::invalid(
            t!("rules-field-counterparty"),
            t!("rules-counterparty-same-kind"),
        ));
    }
    check_time(ctx.at, ctx.now, None)?;
    Ok(case)
}

/// Apply one action to a case: the case after it, or the refusal.
pub fn apply(case: &Case, cmd: &Command, ctx: &Ctx) -> Result<Case> {
    let action = cmd.action(case);
    let spec = action.spec();
    if !spec.allowed_from.contains(&case.status) {
        return Err(Error::WrongState {
            id: case.id.clone(),
            status: case.status.label().to_string(),
            action: action.verb().to_string(),
            next: next_step(case, ctx.book),
        });
    }
    check_permission(action, case, ctx.actor, cmd, ctx.book)?;
    check_time(ctx.at, ctx.now, case.last_event_at())?;

    let mut step = Step {
        case,
        next: case.clone(),
        ctx,
        action,
        event_dept: None,
        day: local_date(&ctx.at),
        received: local_date(&case.received_at),
        by: ctx.actor.id.clone(),
    };
    (spec.apply)(&mut step, cmd)?;
    let Step {
        mut next,
        event_dept,
        by,
        ..
    } = step;
    next.events.push(Event {
        at: ctx.at,
        action,
        by,
        dept: event_dept,
    });
    Ok(next)
}

/// The inputs of the action `event` records, read back from a later state of the case:
/// the file the action produced, or (for an imported case, whose history arrives in one
/// file) the final state, in which each department's opinion is recorded once. `verify`
/// re-applies them to `old` and expects `new`. None for `register`, which has no command.
pub fn read_back(old: &Case, new: &Case, event: &Event) -> Option<Command> {
    (event.action.spec().read_back)(&Recorded { old, new, event })
}

fn is_approved_major(case: &Case) -> bool {
    case.track == Some(Track::Major)
        && case
            .approval
            .as_ref()
            .is_some_and(|a| a.decision == Some(Decision::Approved))
}

/// What the case waits for next, and the command that does it, in words (the hint of a
/// refusal for acting out of order).
pub fn next_step(case: &Case, book: &Casebook) -> String {
    let id = case.id.as_str();
    match case.status {
        Status::Registered => t!("clerk-next-registered", id = id),
        Status::Handling => {
            let missing = missing_for_reply(case, book);
            if missing.is_empty() {
                t!("clerk-next-reply", id = id)
            } else {
                t!(
                    "clerk-next-handling",
                    id = id,
                    missing = missing.join(&t!("wf-list-sep"))
                )
            }
        }
        Status::AwaitingApproval => t!("clerk-next-awaiting-approval", id = id),
        Status::Referred => t!("clerk-next-referred", id = id),
        Status::Replied => t!("clerk-next-replied", id = id),
        Status::Archived => t!("clerk-next-archived", id = id),
        Status::Redirected => t!("clerk-next-redirected", id = id),
        Status::Voided => t!("clerk-next-voided", id = id),
    }
}

/// What a reply still needs, in words; empty when the case may be replied to.
pub fn missing_for_reply(case: &Case, book: &Casebook) -> Vec<String> {
    let mut missing = vec![];
    let opinions_missing = |missing: &mut Vec<String>| {
        for a in case.active_assignments() {
            if case.opinion_of(&a.dept).is_none() {
                missing.push(t!("wf-missing-opinion", dept = book.dept_short(&a.dept)));
            }
        }
    };
    match case.track {
        Some(Track::Own) => {}
        Some(Track::General) => {
            if case.active_assignments().next().is_none() {
                missing.push(t!("wf-missing-assignment"));
            }
            opinions_missing(&mut missing);
        }
        Some(Track::Major) => {
            let minutes = case
                .consultations
                .iter()
                .any(|c| c.kind == ConsultKind::Major);
            if !is_approved_major(case) {
                missing.push(t!("wf-missing-approval"));
            }
            // Every member unit gives its written opinion on a major matter (四（三）2):
            // every department the special case was given to, withdrawn ones included,
            // unless the leader exempted it.
            // Named in one item, so a refusal listing nine member units stays readable.
            if case.rules_at_least(2) {
                let owing: Vec<&str> = major_members(case)
                    .into_iter()
                    .filter(|d| case.opinion_of(d).is_none() && case.exemption_of(d).is_none())
                    .map(|d| book.dept_short(d))
                    .collect();
                if !owing.is_empty() {
                    missing.push(t!(
                        "rules-missing-member-opinions",
                        depts = owing.join(&t!("wf-list-sep"))
                    ));
                }
            }
            if !minutes {
                missing.push(t!("wf-missing-minutes"));
            }
        }
        Some(Track::Referral) if case.rules_at_least(2) => {
            // The competent department replies directly; it needs nothing but the case.
            if case.active_assignments().next().is_none() {
                missing.push(t!("wf-missing-dispatch"));
            }
        }
        Some(Track::Referral) => {
            if case.active_assignments().next().is_none() {
                missing.push(t!("wf-missing-dispatch"));
            }
            for a in case.active_assignments() {
                if case.opinion_of(&a.dept).is_none() {
                    missing.push(t!("wf-missing-result", dept = book.dept_short(&a.dept)));
                }
            }
        }
        None => missing.push(t!("wf-missing-classify")),
    }
    missing
}

/// The departments of a major matter: every department ever assigned to it, in the order
/// first assigned.
pub fn major_members(case: &Case) -> Vec<&str> {
    let mut depts: Vec<&str> = vec![];
    for a in &case.assignments {
        if !depts.contains(&a.dept.as_str()) {
            depts.push(&a.dept);
        }
    }
    depts
}

/// One obligation of an open case: what is due, from whom, by when.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Obligation {
    pub case: String,
    pub what: ObligationKind,
    /// The department that owes it.
    pub dept: String,
    /// The operator responsible, where one person is (the first receiver).
    pub operator: Option<String>,
    pub due: NaiveDate,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ObligationKind {
    Classify,
    Opinion,
    Dispatch,
    /// The leader's decision on a report to the leading group (owed by `leading-group`).
    Approval,
    Reply,
    /// A referral's competent department reports back to the receiving department.
    Feedback,
    Archive,
}

impl ObligationKind {
    /// Every kind, in the order of the workflow.
    pub const ALL: [ObligationKind; 7] = [
        ObligationKind::Classify,
        ObligationKind::Opinion,
        ObligationKind::Dispatch,
        ObligationKind::Approval,
        ObligationKind::Reply,
        ObligationKind::Feedback,
        ObligationKind::Archive,
    ];
}

/// Every obligation the case still owes, whether or not it is late yet.
pub fn open_obligations(case: &Case) -> Vec<Obligation> {
    let mut out = vec![];
    let mut owe = |what, dept: &str, operator: Option<&str>, due: Option<NaiveDate>| {
        if let Some(due) = due {
            out.push(Obligation {
                case: case.id.clone(),
                what,
                dept: dept.to_string(),
                operator: operator.map(str::to_string),
                due,
            });
        }
    };
    let receiver = Some(case.first_receiver.as_str());
    match case.status {
        Status::Registered => owe(
            ObligationKind::Classify,
            &case.receiving_dept,
            receiver,
            case.due.classify,
        ),
        // The 12345 loop of rules edition 2: until gov dispatches the matter nobody else
        // can act on it; then the competent department owes its reply to the payer and its
        // feedback to the receiving department, both by the referral form's date.
        Status::Referred if case.rules_at_least(2) => {
            owe(ObligationKind::Dispatch, "gov", None, case.due.dispatch);
        }
        Status::Handling | Status::Replied if case.is_direct_referral() => {
            let referral = case.referral.as_ref();
            if let Some(competent) = case.handling_depts().next() {
                if case.reply.is_none() {
                    owe(ObligationKind::Reply, competent, None, case.due.reply);
                }
                if referral.is_some_and(|r| r.feedback.is_none()) {
                    let due = referral.map(|r| r.feedback_due);
                    owe(ObligationKind::Feedback, competent, None, due);
                }
            }
            // The receiving department archives once the report is in: not before.
            if case.status == Status::Replied && referral.is_some_and(|r| r.feedback.is_some()) {
                owe(
                    ObligationKind::Archive,
                    &case.receiving_dept,
                    receiver,
                    case.due.archive,
                );
            }
        }
        Status::Referred => {
            owe(ObligationKind::Dispatch, "gov", None, case.due.dispatch);
            owe(
                ObligationKind::Reply,
                &case.receiving_dept,
                receiver,
                case.due.reply,
            );
        }
        Status::Handling => {
            for a in case.active_assignments() {
                if case.opinion_of(&a.dept).is_none() && case.exemption_of(&a.dept).is_none() {
                    owe(ObligationKind::Opinion, &a.dept, None, Some(a.due));
                }
            }
            owe(
                ObligationKind::Reply,
                &case.receiving_dept,
                receiver,
                case.due.reply,
            );
        }
        // Departments cannot write while the leader decides. With a time limit for the
        // decision (rules edition 2) the leader owes it and the receiving department's reply
        // waits (its due date moves by the leader's delay when the decision comes);
        // before that edition the reply was still owed.
        Status::AwaitingApproval => match case.due.approval {
            Some(due) => owe(ObligationKind::Approval, LEADING_GROUP, None, Some(due)),
            None => owe(
                ObligationKind::Reply,
                &case.receiving_dept,
                receiver,
                case.due.reply,
            ),
        },
        Status::Replied => owe(
            ObligationKind::Archive,
            &case.receiving_dept,
            receiver,
            case.due.archive,
        ),
        Status::Archived | Status::Redirected | Status::Voided => {}
    }
    out
}

/// An obligation past its due date, and by how many working days.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LateRow {
    #[serde(flatten)]
    pub obligation: Obligation,
    pub days_late: u32,
}

impl std::ops::Deref for LateRow {
    type Target = Obligation;
    fn deref(&self) -> &Obligation {
        &self.obligation
    }
}

/// The case's obligations whose due date is before `as_of`.
pub fn late_obligations(case: &Case, as_of: NaiveDate, cal: &Calendar) -> Vec<LateRow> {
    late(&open_obligations(case), as_of, cal)
}

/// Those of `obligations` at least one working day past their due date on `as_of`, with
/// the working days late (a due date followed only by days off is not yet late).
pub fn late(obligations: &[Obligation], as_of: NaiveDate, cal: &Calendar) -> Vec<LateRow> {
    obligations
        .iter()
        .filter(|o| o.due < as_of)
        .map(|o| LateRow {
            days_late: cal.working_days_between(o.due, as_of),
            obligation: o.clone(),
        })
        .filter(|l| l.days_late > 0)
        .collect()
}

#[cfg(test)]
mod tests;
