//! The handling workflow of DESIGN §4 as pure code: which action may happen from which
//! status, who may do it, what it records, and the due dates it sets.
//!
//! `register` makes a new case; `apply` takes a case and a `Command` and returns the case
//! after the action, with one event appended, or the refusal. Nothing here reads a clock,
//! a file or git: the caller passes the time, the actor and the casebook in `Ctx`.

use chrono::NaiveDate;

use crate::calendar::{Calendar, local_date};
use crate::case::{
    Action, Approval, Archive, Assignment, Case, CaseId, Channel, ConsultKind, Consultation,
    Decision, DisciplineReferral, Due, Event, Insurance, Opinion, Outcome, Payer, Redirect,
    Referral, Remedy, Reply, Status, Time, Track,
};
use crate::casebook::{Casebook, Operator, Role};
use crate::error::{Error, Result};
use crate::text::Label;
use dispute_i18n::{Lang, t, t_in};

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
#[derive(Debug, Clone)]
pub struct NewCase {
    pub payer: Payer,
    pub title: Option<String>,
    pub summary: String,
    pub district: String,
    pub channel: Channel,
    pub category: Option<u8>,
    pub insurance: Vec<Insurance>,
}

/// One action on an existing case, with its already-validated inputs.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Classify {
        track: Track,
        category: u8,
        insurance: Vec<Insurance>,
        note: Option<String>,
    },
    Redirect {
        dept: String,
        note: String,
    },
    /// Assign departments; on a referred case this is the dispatch by `gov`.
    Assign {
        depts: Vec<String>,
        due: Option<NaiveDate>,
        hotline_ticket: Option<String>,
    },
    Unassign {
        dept: String,
        reason: String,
    },
    Opinion {
        dept: String,
        text: String,
    },
    EscalateLeadingGroup {
        reason: String,
    },
    EscalateHotline {
        opinion: String,
        summary: Option<String>,
        receiver_phone: Option<String>,
    },
    EscalateDiscipline {
        dept: String,
        reason: String,
    },
    Decide {
        decision: Decision,
        note: String,
    },
    Consult {
        kind: ConsultKind,
        attendees: Vec<String>,
        minutes: String,
    },
    Reply {
        text: String,
    },
    Archive {
        outcome: Outcome,
        remedy: Option<Remedy>,
        note: Option<String>,
    },
}

impl Command {
    /// The action this command records, given the case it applies to.
    pub fn action(&self, case: &Case) -> Action {
        match self {
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
            Command::Decide { .. } => Action::Reject,
            Command::Consult { .. } => Action::Consult,
            Command::Reply { .. } => Action::Reply,
            Command::Archive { .. } => Action::Archive,
        }
    }
}

/// The statuses an action may start from (DESIGN §4).
pub fn allowed_from(action: Action) -> &'static [Status] {
    use Status::*;
    match action {
        Action::Register => &[],
        Action::Classify | Action::Redirect => &[Registered],
        Action::Assign | Action::Unassign | Action::Opinion | Action::Consult | Action::Reply => {
            &[Handling]
        }
        Action::Dispatch => &[Referred],
        Action::EscalateLeadingGroup | Action::EscalateHotline => &[Registered, Handling],
        Action::EscalateDiscipline => &[Registered, Handling, AwaitingApproval, Referred, Replied],
        Action::Approve | Action::Reject => &[AwaitingApproval],
        Action::Archive => &[Replied],
    }
}

/// Who may take an action on a case; the refusal names the rule.
pub fn check_permission(
    action: Action,
    case: &Case,
    actor: &Operator,
    cmd: &Command,
) -> Result<()> {
    let what = t!("wf-action-on-case", action = action.label(), id = case.id);
    let receiving = actor.has(Role::Receiver) && actor.dept == case.receiving_dept;
    let refuse = |rule: &str| Err(Error::not_permitted(what.clone(), t!(rule)));
    match action {
        Action::Register => unreachable!("register has its own entry point"),
        Action::Opinion => {
            let Command::Opinion { dept, .. } = cmd else {
                unreachable!()
            };
            if !actor.has(Role::Handler) {
                return refuse("wf-rule-opinion-handler-only");
            }
            if &actor.dept != dept {
                return refuse("wf-rule-opinion-own-dept");
            }
            Ok(())
        }
        Action::Approve | Action::Reject => {
            if actor.has(Role::Leader) {
                Ok(())
            } else {
                refuse("wf-rule-leader-only")
            }
        }
        Action::Dispatch => {
            if actor.has(Role::Dispatcher) && actor.dept == "gov" {
                Ok(())
            } else {
                refuse("wf-rule-dispatch-gov")
            }
        }
        Action::Assign | Action::Unassign if case.track == Some(Track::Referral) => {
            if actor.has(Role::Dispatcher) && actor.dept == "gov" {
                Ok(())
            } else {
                refuse("wf-rule-referral-assign-gov")
            }
        }
        Action::Consult => {
            if receiving || actor.has(Role::Office) {
                Ok(())
            } else {
                refuse("wf-rule-consult")
            }
        }
        _ => {
            if receiving {
                Ok(())
            } else {
                Err(Error::not_permitted(
                    what.clone(),
                    t!("wf-rule-receiver-only", dept = case.receiving_dept),
                ))
            }
        }
    }
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
    if !ctx.actor.has(Role::Receiver) {
        return Err(Error::not_permitted(
            Action::Register.label(),
            t!("wf-rule-register-receiver"),
        ));
    }
    check_time(ctx.at, ctx.now, None)?;
    let day = local_date(&ctx.at);
    Ok(Case {
        id: id.to_string(),
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
        due: Due {
            classify: Some(ctx.cal.add_working_days(day, ctx.book.deadlines.classify)),
            ..Due::default()
        },
        assignments: vec![],
        opinions: vec![],
        approval: None,
        consultations: vec![],
        referral: None,
        redirect: None,
        discipline: vec![],
        reply: None,
        archive: None,
        events: vec![Event {
            at: ctx.at,
            action: Action::Register,
            by: ctx.actor.id.clone(),
            dept: None,
        }],
    })
}

/// Apply one action to a case: the case after it, or the refusal.
pub fn apply(case: &Case, cmd: &Command, ctx: &Ctx) -> Result<Case> {
    let action = cmd.action(case);
    if !allowed_from(action).contains(&case.status) {
        return Err(Error::WrongState {
            id: case.id.clone(),
            status: case.status.label().to_string(),
            action: action.label().to_string(),
        });
    }
    check_permission(action, case, ctx.actor, cmd)?;
    check_time(ctx.at, ctx.now, case.last_event_at())?;

    let mut next = case.clone();
    let mut event_dept = None;
    let day = local_date(&ctx.at);
    let dl = &ctx.book.deadlines;
    let received = local_date(&case.received_at);
    let by = ctx.actor.id.clone();
    let not_ready = |reason: String| Error::NotReady {
        id: case.id.clone(),
        action: action.label().to_string(),
        reason,
    };

    match cmd {
        Command::Classify {
            track,
            category,
            insurance,
            note,
        } => {
            next.category = Some(*category);
            if !insurance.is_empty() {
                next.insurance = insurance.clone();
            }
            match track {
                Track::Own | Track::General => {
                    next.track = Some(*track);
                    next.status = Status::Handling;
                    next.due.reply = Some(ctx.cal.add_working_days(received, dl.reply));
                }
                Track::Major => {
                    next.track = Some(Track::Major);
                    next.status = Status::AwaitingApproval;
                    next.due.reply = Some(ctx.cal.add_working_days(received, dl.reply_major));
                    next.approval = Some(Approval {
                        requested_at: ctx.at,
                        requested_by: by.clone(),
                        // Written into the file: always Chinese, so replay agrees.
                        reason: note
                            .clone()
                            .unwrap_or_else(|| t_in!(Lang::Zh, "wf-data-major-reason")),
                        decision: None,
                        decided_at: None,
                        decided_by: None,
                        note: None,
                    });
                }
                Track::Referral => {
                    return Err(Error::invalid(
                        t!("wf-field-track"),
                        t!("wf-classify-no-referral"),
                    ));
                }
            }
        }
        Command::Redirect { dept, note } => {
            if dept == &case.receiving_dept {
                return Err(Error::invalid(
                    t!("wf-field-redirect-dept"),
                    t!("wf-redirect-not-self"),
                ));
            }
            next.status = Status::Redirected;
            next.redirect = Some(Redirect {
                dept: dept.clone(),
                at: ctx.at,
                by: by.clone(),
                note: note.clone(),
            });
            event_dept = Some(dept.clone());
        }
        Command::Assign {
            depts,
            due,
            hotline_ticket,
        } => {
            if depts.is_empty() {
                return Err(Error::invalid(t!("wf-field-depts"), t!("wf-assign-none")));
            }
            if let Some(d) = due
                && *d < day
            {
                return Err(Error::invalid(
                    t!("wf-field-due"),
                    t!(
                        "wf-due-before-assign",
                        due = d.to_string(),
                        day = day.to_string()
                    ),
                ));
            }
            let dispatch = action == Action::Dispatch;
            if dispatch && hotline_ticket.is_none() {
                return Err(Error::invalid(
                    t!("wf-field-ticket"),
                    t!("wf-dispatch-needs-ticket"),
                ));
            }
            if !dispatch && hotline_ticket.is_some() {
                return Err(Error::invalid(
                    t!("wf-field-ticket"),
                    t!("wf-ticket-only-dispatch"),
                ));
            }
            if case.track == Some(Track::Own) {
                return Err(not_ready(t!("wf-own-no-assign")));
            }
            let days = match (dispatch || case.track == Some(Track::Referral), case.track) {
                (true, _) => dl.referral_handling,
                (false, Some(Track::Major)) => dl.opinion_major,
                _ => dl.opinion,
            };
            for dept in depts {
                if dept == &case.receiving_dept && !dispatch && case.track != Some(Track::Referral)
                {
                    return Err(Error::invalid(t!("wf-field-depts"), t!("wf-assign-self")));
                }
                if next.is_assigned(dept) {
                    return Err(Error::invalid(
                        t!("wf-field-depts"),
                        t!("wf-already-assigned", dept = dept),
                    ));
                }
                next.assignments.push(Assignment {
                    dept: dept.clone(),
                    at: ctx.at,
                    by: by.clone(),
                    due: due.unwrap_or_else(|| ctx.cal.add_working_days(day, days)),
                    removed_at: None,
                    removed_reason: None,
                });
            }
            if dispatch {
                next.status = Status::Handling;
                let referral = next
                    .referral
                    .as_mut()
                    .expect("a referred case has a referral");
                referral.hotline_ticket = hotline_ticket.clone();
                referral.dispatched_at = Some(ctx.at);
                referral.dispatched_by = Some(by.clone());
            }
        }
        Command::Unassign { dept, reason } => {
            let Some(a) = next
                .assignments
                .iter_mut()
                .find(|a| a.is_active() && &a.dept == dept)
            else {
                return Err(Error::invalid(
                    t!("wf-field-depts"),
                    t!("wf-not-assigned", dept = dept),
                ));
            };
            a.removed_at = Some(ctx.at);
            a.removed_reason = Some(reason.clone());
            event_dept = Some(dept.clone());
        }
        Command::Opinion { dept, text } => {
            if !case.is_assigned(dept) {
                return Err(Error::not_permitted(
                    t!("wf-action-on-case", action = action.label(), id = case.id),
                    t!("wf-opinion-not-assigned", dept = dept),
                ));
            }
            let opinion = Opinion {
                dept: dept.clone(),
                at: ctx.at,
                by: by.clone(),
                text: text.clone(),
            };
            match next.opinions.iter_mut().find(|o| &o.dept == dept) {
                Some(old) => *old = opinion,
                None => next.opinions.push(opinion),
            }
            event_dept = Some(dept.clone());
        }
        Command::EscalateLeadingGroup { reason } => {
            if case.track == Some(Track::Major) {
                return Err(not_ready(t!("wf-already-major")));
            }
            if case.approval.is_some() {
                return Err(not_ready(t!("wf-already-escalated")));
            }
            next.status = Status::AwaitingApproval;
            if next.due.reply.is_none() {
                next.due.reply = Some(ctx.cal.add_working_days(received, dl.reply_major));
            }
            next.approval = Some(Approval {
                requested_at: ctx.at,
                requested_by: by.clone(),
                reason: reason.clone(),
                decision: None,
                decided_at: None,
                decided_by: None,
                note: None,
            });
        }
        Command::EscalateHotline {
            opinion,
            summary,
            receiver_phone,
        } => {
            if case.track == Some(Track::Major) {
                return Err(not_ready(t!("wf-major-no-referral")));
            }
            if case.referral.is_some() {
                return Err(not_ready(t!("wf-already-referred")));
            }
            let Some(phone) = receiver_phone.clone().or_else(|| ctx.actor.phone.clone()) else {
                return Err(Error::invalid(
                    t!("wf-field-receiver-phone"),
                    t!("wf-referral-needs-phone"),
                ));
            };
            let dispatch_due = ctx.cal.add_working_days(day, dl.dispatch);
            // The competent department is now for `gov` to decide.
            for a in next.assignments.iter_mut().filter(|a| a.is_active()) {
                a.removed_at = Some(ctx.at);
                // Written into the file: always Chinese, so replay agrees.
                a.removed_reason = Some(t_in!(Lang::Zh, "wf-data-referral-unassigned"));
            }
            next.status = Status::Referred;
            next.track = Some(Track::Referral);
            next.due.dispatch = Some(dispatch_due);
            if next.due.reply.is_none() {
                next.due.reply = Some(ctx.cal.add_working_days(received, dl.reply));
            }
            next.referral = Some(Referral {
                summary: summary.clone().unwrap_or_else(|| case.summary.clone()),
                receiver_name: ctx.actor.name.clone(),
                receiver_phone: phone,
                received_at: case.received_at,
                opinion: opinion.clone(),
                referred_at: ctx.at,
                referred_by: by.clone(),
                feedback_due: ctx.cal.add_working_days(dispatch_due, dl.referral_handling),
                hotline_ticket: None,
                dispatched_at: None,
                dispatched_by: None,
            });
        }
        Command::EscalateDiscipline { dept, reason } => {
            if !case.assignments.iter().any(|a| &a.dept == dept) {
                return Err(Error::invalid(
                    t!("wf-field-discipline-dept"),
                    t!("wf-discipline-never-assigned", dept = dept),
                ));
            }
            next.discipline.push(DisciplineReferral {
                dept: dept.clone(),
                at: ctx.at,
                by: by.clone(),
                reason: reason.clone(),
            });
            event_dept = Some(dept.clone());
        }
        Command::Decide { decision, note } => {
            let approval = next
                .approval
                .as_mut()
                .expect("a case awaiting approval has an approval request");
            approval.decision = Some(*decision);
            approval.decided_at = Some(ctx.at);
            approval.decided_by = Some(by.clone());
            approval.note = Some(note.clone());
            next.status = Status::Handling;
            match decision {
                Decision::Approved => {
                    next.track = Some(Track::Major);
                    next.due.reply = Some(ctx.cal.add_working_days(received, dl.reply_major));
                    let due = ctx.cal.add_working_days(day, dl.opinion_major);
                    for dept in ctx.book.member_codes() {
                        if !next.is_assigned(&dept) {
                            next.assignments.push(Assignment {
                                dept,
                                at: ctx.at,
                                by: by.clone(),
                                due,
                                removed_at: None,
                                removed_reason: None,
                            });
                        }
                    }
                }
                Decision::Rejected => {
                    if next.track != Some(Track::Referral) {
                        next.track = Some(Track::General);
                    }
                    next.due.reply = Some(ctx.cal.add_working_days(received, dl.reply));
                }
            }
        }
        Command::Consult {
            kind,
            attendees,
            minutes,
        } => {
            if *kind == ConsultKind::Major && !is_approved_major(case) {
                return Err(not_ready(t!("wf-major-consult-needs-approval")));
            }
            if attendees.is_empty() {
                return Err(Error::invalid(
                    t!("wf-field-attendees"),
                    t!("wf-consult-no-attendees"),
                ));
            }
            next.consultations.push(Consultation {
                kind: *kind,
                at: ctx.at,
                by: by.clone(),
                attendees: attendees.clone(),
                minutes: minutes.clone(),
            });
        }
        Command::Reply { text } => {
            let missing = missing_for_reply(case, ctx.book);
            if !missing.is_empty() {
                return Err(not_ready(t!(
                    "wf-reply-missing",
                    items = missing.join(&t!("wf-list-sep"))
                )));
            }
            next.status = Status::Replied;
            next.reply = Some(Reply {
                at: ctx.at,
                by: by.clone(),
                text: text.clone(),
            });
            next.due.archive = Some(ctx.cal.add_working_days(day, dl.archive));
        }
        Command::Archive {
            outcome,
            remedy,
            note,
        } => {
            match (outcome, remedy) {
                (Outcome::Objected, None) => {
                    return Err(Error::invalid(
                        t!("wf-field-remedy"),
                        t!("wf-objected-needs-remedy"),
                    ));
                }
                (Outcome::Accepted, Some(_)) => {
                    return Err(Error::invalid(
                        t!("wf-field-remedy"),
                        t!("wf-accepted-no-remedy"),
                    ));
                }
                _ => {}
            }
            next.status = Status::Archived;
            next.archive = Some(Archive {
                at: ctx.at,
                by: by.clone(),
                outcome: *outcome,
                remedy: *remedy,
                note: note.clone(),
            });
        }
    }

    next.events.push(Event {
        at: ctx.at,
        action,
        by,
        dept: event_dept,
    });
    Ok(next)
}

fn is_approved_major(case: &Case) -> bool {
    case.track == Some(Track::Major)
        && case
            .approval
            .as_ref()
            .is_some_and(|a| a.decision == Some(Decision::Approved))
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
            if !minutes {
                missing.push(t!("wf-missing-minutes"));
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
    Reply,
    Archive,
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
                if case.opinion_of(&a.dept).is_none() {
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
        // Departments cannot write while the leader decides; the reply is still owed.
        Status::AwaitingApproval => owe(
            ObligationKind::Reply,
            &case.receiving_dept,
            receiver,
            case.due.reply,
        ),
        Status::Replied => owe(
            ObligationKind::Archive,
            &case.receiving_dept,
            receiver,
            case.due.archive,
        ),
        Status::Archived | Status::Redirected => {}
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
