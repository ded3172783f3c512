//! Every workflow action, each defined once (DESIGN §4).
//!
//! An action is one row of the `actions!` list below and one module here holding its
//! [`ActionSpec`]: its code, the catalog key of its label, the statuses it may start from,
//! who may take it ([`Permission`]), what it does to the case (`apply`), how its inputs are
//! read back from the case it produced (`read_back`, which `verify` replays), and the
//! summary of its commit subject. A command's inputs are a variant of [`Command`]; one
//! command may record two actions (an assignment on a referred case is the dispatch, a
//! decision is an approval or a rejection), so [`Command::action`] says which.
//!
//! Adding an action: a row in `actions!`, a module here, a `Command` variant if its inputs
//! are new, its CLI file, its catalog entries (`label-action-…`, its summary `commit-…`),
//! and its code in `schemas/case.schema.json` (a test compares the two).

use chrono::NaiveDate;

use super::{
    ActionSpec, Permission, Recorded, Step, Summary, is_approved_major, missing_for_reply,
};
use crate::case::{
    Approval, Archive, Assignment, Case, CaseField, Channel, ConsultKind, Consultation, Correction,
    Decision, DisciplineReferral, Exemption, Feedback, Insurance, Mediation, Opinion, Outcome,
    PayerKind, Redirect, Referral, Remedy, Reply, Status::*, Track, Void,
};
use crate::error::{Error, Result};
use crate::text::{self, Label};
use dispute_i18n::{Lang, t, t_in};

actions! {
    /// Registration (受理登记): makes the case, see [`super::register`].
    Register => register::SPEC,
    /// Classification (分类流转): the receiving department decides the track.
    Classify => classify::SPEC,
    /// The payer is told to go to another department (告知另行办理); closes the case.
    Redirect => redirect::SPEC,
    /// Joint departments asked for their written opinions (指派联办部门).
    Assign => assign::ASSIGN,
    /// An assignment withdrawn (撤回指派); the record stays.
    Unassign => unassign::SPEC,
    /// `gov` dispatches a referral to the competent department (转交承办部门).
    Dispatch => assign::DISPATCH,
    /// A department's written opinion (书面意见).
    Opinion => opinion::SPEC,
    /// Report to the leading group (上报领导小组).
    EscalateLeadingGroup => escalate_leading_group::SPEC,
    /// Referral to the county government office (报送县政府办).
    EscalateHotline => escalate_hotline::SPEC,
    /// A refusing department's lead to the discipline commission (移交纪委监委).
    EscalateDiscipline => escalate_discipline::SPEC,
    /// The leader approves handling as a major case (组长同意专案办理).
    Approve => decide::APPROVE,
    /// The leader does not (组长不同意专案办理).
    Reject => decide::REJECT,
    /// A consultation and its minutes (会商).
    Consult => consult::SPEC,
    /// The written reply to the payer (书面回复缴费人).
    Reply => reply::SPEC,
    /// Archiving (案卷归档).
    Archive => archive::SPEC,
    /// A mediation of a general matter (调解), by the workroom or the receiving department.
    Mediate => mediate::SPEC,
    /// The leader exempts a member unit from its written opinion on a major matter.
    Exempt => exempt::SPEC,
    /// A referral's competent department reports back to the receiving department.
    Feedback => feedback::SPEC,
    /// The petition bureau passes a lead to the competent department (移交线索).
    Lead => lead::SPEC,
    /// The cyberspace office flags online public opinion about the case (舆情).
    OpinionWatch => opinion_watch::WATCH,
    /// ... and records how it was answered (舆情应对).
    OpinionResponse => opinion_watch::RESPONSE,
    /// A fact of the registration corrected (更正登记信息); the old value stays in history.
    Correct => correct::SPEC,
    /// A case registered by mistake voided (作废); it keeps its number.
    Void => void::SPEC,
}

/// One action on an existing case, with its already-validated inputs. Serialised (as
/// `{"Opinion": {"dept": …, "text": …}}`) where sync keeps a rejected action's inputs.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub enum Command {
    /// `category` None keeps the one given at registration (one is needed).
    Classify {
        track: Track,
        category: Option<u8>,
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
        /// On a rejection, how the leader decided the matter is handled instead (own or
        /// general); None only in history written before it was recorded.
        handled_as: Option<Track>,
    },
    Consult {
        kind: ConsultKind,
        attendees: Vec<String>,
        minutes: String,
    },
    Reply {
        text: String,
        /// The day the payer knew of the administrative act (`reply --act-date`).
        act_date: Option<NaiveDate>,
    },
    Archive {
        outcome: Outcome,
        remedy: Option<Remedy>,
        note: Option<String>,
    },
    Mediate {
        result: String,
    },
    Exempt {
        dept: String,
        reason: String,
    },
    Feedback {
        text: String,
    },
    Lead {
        dept: String,
        note: String,
    },
    OpinionWatch {
        source: String,
        summary: String,
    },
    /// The response to incident `incident` (1-based; None: the latest without one).
    OpinionResponse {
        incident: Option<usize>,
        text: String,
    },
    /// `value` as typed (checked by the action); None or empty clears an optional field.
    Correct {
        field: CaseField,
        value: Option<String>,
        reason: String,
    },
    Void {
        reason: String,
    },
}

impl Command {
    /// The action this command records, given the case it applies to.
    pub fn action(&self, case: &Case) -> Action {
        match self {
            Command::Classify { .. } => Action::Classify,
            Command::Redirect { .. } => Action::Redirect,
            Command::Assign { .. } if case.status == Referred => Action::Dispatch,
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

    /// The department a command speaks for, where its permission depends on it (the
    /// department whose written opinion it is).
    pub fn on_behalf_of(&self) -> Option<&str> {
        match self {
            Command::Opinion { dept, .. } => Some(dept),
            _ => None,
        }
    }
}

/// Bind the inputs of the command an action's `apply` receives. [`Command::action`] chose
/// the action from the command, so another variant cannot arrive.
macro_rules! inputs {
    ($cmd:expr, $pat:pat) => {
        let $pat = $cmd else {
            unreachable!("Command::action maps {:?} to another action", $cmd)
        };
    };
}

mod register {
    use super::*;

    pub const SPEC: ActionSpec = ActionSpec {
        code: "register",
        label_key: "label-action-register",
        allowed_from: &[],
        permission: Permission::Receiver,
        apply: |_, _| unreachable!("register has its own entry point"),
        read_back: |_| None,
        summary,
    };

    fn summary(s: &Summary) -> String {
        let after = s.after;
        let what = after.title.clone().unwrap_or_else(|| {
            t_in!(
                s.lang,
                "commit-register-what",
                channel = after.channel.label_in(s.lang),
                district = after.district
            )
        });
        t_in!(
            s.lang,
            "commit-register",
            // An individual appears in history only by the mask of the name.
            payer = after.payer.display_name(),
            kind = after.payer.kind.label_in(s.lang),
            what = what
        )
    }
}

mod classify {
    use super::*;

    pub const SPEC: ActionSpec = ActionSpec {
        code: "classify",
        label_key: "label-action-classify",
        // From `handling` only to turn a matter of the department's own remit into a
        // general one (四（二）: general matters are handled singly or jointly).
        allowed_from: &[Registered, Handling],
        permission: Permission::ReceivingDept,
        apply,
        read_back,
        summary,
    };

    fn apply(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(
            cmd,
            Command::Classify {
                track,
                category,
                insurance,
                note,
            }
        );
        let dl = s.deadlines();
        if s.case.status == Handling
            && !(s.case.track == Some(Track::Own) && *track == Track::General)
        {
            return Err(s.not_ready(t!(
                "rules-reclassify-own-only",
                track = s.case.track.map(|t| t.label()).unwrap_or_default()
            )));
        }
        let Some(category) = category.or(s.case.category) else {
            return Err(s.not_ready(t!("clerk-classify-needs-category")));
        };
        s.next.category = Some(category);
        if !insurance.is_empty() {
            s.next.insurance = insurance.clone();
        }
        if s.case.status == Handling {
            // The reply stays due when it was: the matter is the same, handled jointly now.
            s.next.track = Some(Track::General);
            return Ok(());
        }
        match track {
            Track::Own | Track::General => {
                s.next.track = Some(*track);
                s.next.status = Handling;
                s.next.due.reply = Some(s.working_days(s.received, dl.reply));
            }
            Track::Major => {
                s.next.track = Some(Track::Major);
                s.next.status = AwaitingApproval;
                s.next.due.reply = Some(s.working_days(s.received, dl.reply_major));
                if s.case.rules_at_least(2) {
                    s.next.due.approval = Some(s.working_days(s.day, dl.approval));
                }
                s.next.approval = Some(Approval {
                    requested_at: s.ctx.at,
                    requested_by: s.by.clone(),
                    // Written into the file: always Chinese, so replay agrees.
                    reason: note
                        .clone()
                        .unwrap_or_else(|| t_in!(Lang::Zh, "wf-data-major-reason")),
                    decision: None,
                    decided_at: None,
                    decided_by: None,
                    note: None,
                    handled_as: None,
                });
            }
            Track::Referral => {
                return Err(Error::invalid(
                    t!("wf-field-track"),
                    t!("wf-classify-no-referral"),
                ));
            }
        }
        Ok(())
    }

    fn read_back(r: &Recorded) -> Option<Command> {
        let new = r.new;
        Some(Command::Classify {
            track: new.track?,
            category: Some(new.category?),
            insurance: new.insurance.clone(),
            note: match new.track {
                Some(Track::Major) => new.approval.as_ref().map(|a| a.reason.clone()),
                _ => None,
            },
        })
    }

    fn summary(s: &Summary) -> String {
        let after = s.after;
        if s.before.status == Handling {
            return t_in!(s.lang, "rules-commit-reclassify-general");
        }
        let cat = after
            .category
            .map(|c| {
                t_in!(
                    s.lang,
                    "commit-category",
                    n = c,
                    name = text::category_in(c, s.lang)
                )
            })
            .unwrap_or_default();
        match after.track {
            Some(Track::Major) => t_in!(s.lang, "commit-classify-major", category = cat),
            Some(track) => t_in!(
                s.lang,
                "commit-classify",
                track = track.label_in(s.lang),
                category = cat
            ),
            None => cat,
        }
    }
}

mod redirect {
    use super::*;

    pub const SPEC: ActionSpec = ActionSpec {
        code: "redirect",
        label_key: "label-action-redirect",
        allowed_from: &[Registered],
        permission: Permission::ReceivingDept,
        apply,
        read_back,
        summary,
    };

    fn apply(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(cmd, Command::Redirect { dept, note });
        if dept == &s.case.receiving_dept {
            return Err(Error::invalid(
                t!("wf-field-redirect-dept"),
                t!("wf-redirect-not-self"),
            ));
        }
        s.next.status = Redirected;
        s.next.redirect = Some(Redirect {
            dept: dept.clone(),
            at: s.ctx.at,
            by: s.by.clone(),
            note: note.clone(),
        });
        s.event_dept = Some(dept.clone());
        Ok(())
    }

    fn read_back(r: &Recorded) -> Option<Command> {
        let redirect = r.new.redirect.as_ref()?;
        Some(Command::Redirect {
            dept: redirect.dept.clone(),
            note: redirect.note.clone(),
        })
    }

    fn summary(s: &Summary) -> String {
        t_in!(s.lang, "commit-redirect", dept = s.event_dept())
    }
}

/// Assignments of joint departments, and (on a referred case) the dispatch of the
/// competent department by `gov`: one command, two actions.
mod assign {
    use super::*;

    pub const ASSIGN: ActionSpec = ActionSpec {
        code: "assign",
        label_key: "label-action-assign",
        allowed_from: &[Handling],
        permission: Permission::ReceivingDeptOrReferralDispatcher,
        apply,
        read_back,
        summary: |s| {
            t_in!(
                s.lang,
                "commit-assign",
                depts = s.new_assignments(),
                due = s
                    .after
                    .assignments
                    .last()
                    .map(|a| a.due.to_string())
                    .unwrap_or_default()
            )
        },
    };

    pub const DISPATCH: ActionSpec = ActionSpec {
        code: "dispatch",
        label_key: "label-action-dispatch",
        allowed_from: &[Referred],
        permission: Permission::GovDispatcher,
        apply,
        read_back,
        summary: |s| {
            t_in!(
                s.lang,
                "commit-dispatch",
                depts = s.new_assignments(),
                ticket = s
                    .after
                    .referral
                    .as_ref()
                    .and_then(|r| r.hotline_ticket.clone())
                    .unwrap_or_default()
            )
        },
    };

    fn apply(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(
            cmd,
            Command::Assign {
                depts,
                due,
                hotline_ticket,
            }
        );
        let case = s.case;
        let day = s.day;
        let dl = s.deadlines();
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
        let dispatch = s.action == Action::Dispatch;
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
            return Err(s.not_ready(t!("wf-own-no-assign")));
        }
        // The 12345 loop (rules edition 2): the competent department answers by the date
        // the referral form states, and that date alone.
        let form_date = match (dispatch && case.rules_at_least(2), &case.referral) {
            (true, Some(r)) => {
                if due.is_some() {
                    return Err(Error::invalid(
                        t!("wf-field-due"),
                        t!(
                            "rules-dispatch-due-on-form",
                            date = r.feedback_due.to_string()
                        ),
                    ));
                }
                Some(r.feedback_due.max(day))
            }
            _ => None,
        };
        let days = match (dispatch || case.track == Some(Track::Referral), case.track) {
            (true, _) => dl.referral_handling,
            (false, Some(Track::Major)) => dl.opinion_major,
            _ => dl.opinion,
        };
        for dept in depts {
            if dept == &case.receiving_dept && !dispatch && case.track != Some(Track::Referral) {
                return Err(Error::invalid(t!("wf-field-depts"), t!("wf-assign-self")));
            }
            if s.next.is_assigned(dept) {
                return Err(Error::invalid(
                    t!("wf-field-depts"),
                    t!("wf-already-assigned", dept = s.ctx.book.dept_short(dept)),
                ));
            }
            let assignment = Assignment {
                dept: dept.clone(),
                at: s.ctx.at,
                by: s.by.clone(),
                due: due
                    .or(form_date)
                    .unwrap_or_else(|| s.working_days(day, days)),
                removed_at: None,
                removed_reason: None,
            };
            s.next.assignments.push(assignment);
        }
        if let Some(date) = form_date {
            // The reply to the payer is now the competent department's, due that day.
            s.next.due.reply = Some(date);
        }
        if dispatch {
            s.next.status = Handling;
            let referral = s
                .next
                .referral
                .as_mut()
                .expect("a referred case has a referral");
            referral.hotline_ticket = hotline_ticket.clone();
            referral.dispatched_at = Some(s.ctx.at);
            referral.dispatched_by = Some(s.by.clone());
        }
        Ok(())
    }

    fn read_back(r: &Recorded) -> Option<Command> {
        let added = r.added_assignments();
        // A dispatch of rules edition 2 takes its date from the referral form.
        let form = r.event.action == Action::Dispatch && r.old.rules_at_least(2);
        Some(Command::Assign {
            depts: added.iter().map(|a| a.dept.clone()).collect(),
            due: added.first().map(|a| a.due).filter(|_| !form),
            hotline_ticket: match r.event.action {
                Action::Dispatch => r.new.referral.as_ref()?.hotline_ticket.clone(),
                _ => None,
            },
        })
    }
}

mod unassign {
    use super::*;

    pub const SPEC: ActionSpec = ActionSpec {
        code: "unassign",
        label_key: "label-action-unassign",
        allowed_from: &[Handling],
        permission: Permission::ReceivingDeptOrReferralDispatcher,
        apply,
        read_back,
        summary: |s| t_in!(s.lang, "commit-unassign", dept = s.event_dept()),
    };

    fn apply(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(cmd, Command::Unassign { dept, reason });
        let name = s.ctx.book.dept_short(dept).to_string();
        let Some(a) = s
            .next
            .assignments
            .iter_mut()
            .find(|a| a.is_active() && &a.dept == dept)
        else {
            return Err(Error::invalid(
                t!("wf-field-depts"),
                t!("wf-not-assigned", dept = name),
            ));
        };
        a.removed_at = Some(s.ctx.at);
        a.removed_reason = Some(reason.clone());
        s.event_dept = Some(dept.clone());
        Ok(())
    }

    fn read_back(r: &Recorded) -> Option<Command> {
        let dept = r.event.dept.clone()?;
        let a = r
            .new
            .assignments
            .iter()
            .zip(&r.old.assignments)
            .find(|(n, o)| n.dept == dept && o.is_active() && !n.is_active())?
            .0;
        Some(Command::Unassign {
            dept,
            reason: a.removed_reason.clone()?,
        })
    }
}

mod opinion {
    use super::*;

    pub const SPEC: ActionSpec = ActionSpec {
        code: "opinion",
        label_key: "label-action-opinion",
        allowed_from: &[Handling],
        permission: Permission::HandlerOfOwnDept,
        apply,
        read_back,
        summary,
    };

    fn apply(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(cmd, Command::Opinion { dept, text });
        if s.case.is_direct_referral() && s.case.is_assigned(dept) {
            return Err(s.not_ready(t!("rules-referral-no-opinion")));
        }
        if !s.case.is_assigned(dept) {
            return Err(Error::not_permitted(
                t!(
                    "wf-action-on-case",
                    action = s.action.verb(),
                    id = s.case.id
                ),
                t!(
                    "wf-opinion-not-assigned",
                    dept = s.ctx.book.dept_short(dept)
                ),
            ));
        }
        let opinion = Opinion {
            dept: dept.clone(),
            at: s.ctx.at,
            by: s.by.clone(),
            text: text.clone(),
        };
        match s.next.opinions.iter_mut().find(|o| &o.dept == dept) {
            Some(old) => *old = opinion,
            None => s.next.opinions.push(opinion),
        }
        s.event_dept = Some(dept.clone());
        Ok(())
    }

    fn read_back(r: &Recorded) -> Option<Command> {
        let dept = r.event.dept.clone()?;
        Some(Command::Opinion {
            text: r.new.opinion_of(&dept)?.text.clone(),
            dept,
        })
    }

    fn summary(s: &Summary) -> String {
        let dept = s.event_dept();
        let key = if s.before.opinion_of(&s.event_dept_code()).is_some() {
            "commit-opinion-updated"
        } else {
            "commit-opinion"
        };
        t_in!(s.lang, key, dept = dept)
    }
}

mod escalate_leading_group {
    use super::*;

    pub const SPEC: ActionSpec = ActionSpec {
        code: "escalate-leading-group",
        label_key: "label-action-escalate-leading-group",
        allowed_from: &[Registered, Handling],
        permission: Permission::ReceivingDept,
        apply,
        read_back: |r| {
            Some(Command::EscalateLeadingGroup {
                reason: r.new.approval.as_ref()?.reason.clone(),
            })
        },
        summary: |s| t_in!(s.lang, "commit-escalate-leading-group"),
    };

    fn apply(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(cmd, Command::EscalateLeadingGroup { reason });
        if s.case.track == Some(Track::Major) {
            return Err(s.not_ready(t!("wf-already-major")));
        }
        if s.case.approval.is_some() {
            return Err(s.not_ready(t!("wf-already-escalated")));
        }
        s.next.status = AwaitingApproval;
        if s.next.due.reply.is_none() {
            s.next.due.reply = Some(s.working_days(s.received, s.deadlines().reply_major));
        }
        if s.case.rules_at_least(2) {
            s.next.due.approval = Some(s.working_days(s.day, s.deadlines().approval));
        }
        s.next.approval = Some(Approval {
            requested_at: s.ctx.at,
            requested_by: s.by.clone(),
            reason: reason.clone(),
            decision: None,
            decided_at: None,
            decided_by: None,
            note: None,
            handled_as: None,
        });
        Ok(())
    }
}

mod escalate_hotline {
    use super::*;

    pub const SPEC: ActionSpec = ActionSpec {
        code: "escalate-hotline",
        label_key: "label-action-escalate-hotline",
        allowed_from: &[Registered, Handling],
        permission: Permission::ReceivingDept,
        apply,
        read_back,
        summary: |s| t_in!(s.lang, "commit-escalate-hotline"),
    };

    fn apply(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(
            cmd,
            Command::EscalateHotline {
                opinion,
                summary,
                receiver_phone,
            }
        );
        let case = s.case;
        let dl = s.deadlines();
        if case.track == Some(Track::Major) {
            return Err(s.not_ready(t!("wf-major-no-referral")));
        }
        if case.referral.is_some() {
            return Err(s.not_ready(t!("wf-already-referred")));
        }
        let Some(phone) = receiver_phone.clone().or_else(|| s.ctx.actor.phone.clone()) else {
            return Err(Error::invalid(
                t!("wf-field-receiver-phone"),
                t!("wf-referral-needs-phone"),
            ));
        };
        let dispatch_due = s.working_days(s.day, dl.dispatch);
        // The competent department is now for `gov` to decide.
        for a in s.next.assignments.iter_mut().filter(|a| a.is_active()) {
            a.removed_at = Some(s.ctx.at);
            // Written into the file: always Chinese, so replay agrees.
            a.removed_reason = Some(t_in!(Lang::Zh, "wf-data-referral-unassigned"));
        }
        s.next.status = Referred;
        s.next.track = Some(Track::Referral);
        s.next.due.dispatch = Some(dispatch_due);
        if s.next.due.reply.is_none() {
            s.next.due.reply = Some(s.working_days(s.received, dl.reply));
        }
        s.next.referral = Some(Referral {
            summary: summary.clone().unwrap_or_else(|| case.summary.clone()),
            receiver_name: s.ctx.actor.name.clone(),
            receiver_phone: phone,
            received_at: case.received_at,
            opinion: opinion.clone(),
            referred_at: s.ctx.at,
            referred_by: s.by.clone(),
            feedback_due: s.working_days(dispatch_due, dl.referral_handling),
            hotline_ticket: None,
            dispatched_at: None,
            dispatched_by: None,
            feedback: None,
        });
        Ok(())
    }

    fn read_back(r: &Recorded) -> Option<Command> {
        let referral = r.new.referral.as_ref()?;
        Some(Command::EscalateHotline {
            opinion: referral.opinion.clone(),
            summary: Some(referral.summary.clone()),
            receiver_phone: Some(referral.receiver_phone.clone()),
        })
    }
}

mod escalate_discipline {
    use super::*;

    pub const SPEC: ActionSpec = ActionSpec {
        code: "escalate-discipline",
        label_key: "label-action-escalate-discipline",
        allowed_from: &[Registered, Handling, AwaitingApproval, Referred, Replied],
        permission: Permission::ReceivingDept,
        apply,
        read_back,
        summary: |s| t_in!(s.lang, "commit-escalate-discipline", dept = s.event_dept()),
    };

    fn apply(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(cmd, Command::EscalateDiscipline { dept, reason });
        if !s.case.assignments.iter().any(|a| &a.dept == dept) {
            return Err(Error::invalid(
                t!("wf-field-discipline-dept"),
                t!(
                    "wf-discipline-never-assigned",
                    dept = s.ctx.book.dept_short(dept)
                ),
            ));
        }
        s.next.discipline.push(DisciplineReferral {
            dept: dept.clone(),
            at: s.ctx.at,
            by: s.by.clone(),
            reason: reason.clone(),
        });
        s.event_dept = Some(dept.clone());
        Ok(())
    }

    fn read_back(r: &Recorded) -> Option<Command> {
        let d = r.new.discipline.last()?;
        Some(Command::EscalateDiscipline {
            dept: d.dept.clone(),
            reason: d.reason.clone(),
        })
    }
}

/// The leader's decision on a report to the leading group: one command, two actions.
mod decide {
    use super::*;

    pub const APPROVE: ActionSpec = ActionSpec {
        code: "approve",
        label_key: "label-action-approve",
        allowed_from: &[AwaitingApproval],
        permission: Permission::Leader,
        apply,
        read_back,
        summary: |s| t_in!(s.lang, "commit-approve"),
    };

    pub const REJECT: ActionSpec = ActionSpec {
        code: "reject",
        label_key: "label-action-reject",
        allowed_from: &[AwaitingApproval],
        permission: Permission::Leader,
        apply,
        read_back,
        summary: |s| match s.after.approval.as_ref().and_then(|a| a.handled_as) {
            Some(track) => t_in!(
                s.lang,
                "rules-commit-reject-as",
                track = track.label_in(s.lang)
            ),
            None => t_in!(s.lang, "commit-reject"),
        },
    };

    fn apply(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(
            cmd,
            Command::Decide {
                decision,
                note,
                handled_as,
            }
        );
        match (decision, handled_as) {
            (Decision::Approved, Some(_)) => {
                return Err(Error::invalid(
                    t!("rules-field-handled-as"),
                    t!("rules-handled-as-only-reject"),
                ));
            }
            (Decision::Rejected, Some(Track::Major | Track::Referral)) => {
                return Err(Error::invalid(
                    t!("rules-field-handled-as"),
                    t!("rules-handled-as-own-or-general"),
                ));
            }
            (Decision::Rejected, Some(_)) if s.case.track == Some(Track::Referral) => {
                return Err(Error::invalid(
                    t!("rules-field-handled-as"),
                    t!("rules-handled-as-referral"),
                ));
            }
            _ => {}
        }
        let at = s.ctx.at;
        let by = s.by.clone();
        let dl = s.deadlines();
        // The leader's delay past the time limit for the decision is the leader's, not
        // the receiving department's: the reply's due date moves by it.
        let leader_delay = s
            .case
            .due
            .approval
            .map(|due| s.ctx.cal.working_days_between(due, s.day))
            .unwrap_or(0);
        let approval = s
            .next
            .approval
            .as_mut()
            .expect("a case awaiting approval has an approval request");
        approval.decision = Some(*decision);
        approval.decided_at = Some(at);
        approval.decided_by = Some(by.clone());
        approval.note = Some(note.clone());
        approval.handled_as = *handled_as;
        s.next.status = Handling;
        match decision {
            Decision::Approved => {
                s.next.track = Some(Track::Major);
                s.next.due.reply = Some(s.working_days(s.received, dl.reply_major + leader_delay));
                let due = s.working_days(s.day, dl.opinion_major);
                for dept in s.ctx.book.member_codes() {
                    if !s.next.is_assigned(&dept) {
                        s.next.assignments.push(Assignment {
                            dept,
                            at,
                            by: by.clone(),
                            due,
                            removed_at: None,
                            removed_reason: None,
                        });
                    }
                }
            }
            Decision::Rejected => {
                if s.next.track != Some(Track::Referral) {
                    // What the leader decided; before it was recorded, a general matter.
                    s.next.track = Some(handled_as.unwrap_or(Track::General));
                }
                if *handled_as == Some(Track::Own) {
                    // The receiving department's own remit takes no joint departments.
                    for a in s.next.assignments.iter_mut().filter(|a| a.is_active()) {
                        a.removed_at = Some(at);
                        // Written into the file: always Chinese, so replay agrees.
                        a.removed_reason = Some(t_in!(Lang::Zh, "rules-data-own-unassigned"));
                    }
                }
                s.next.due.reply = Some(s.working_days(s.received, dl.reply + leader_delay));
            }
        }
        Ok(())
    }

    fn read_back(r: &Recorded) -> Option<Command> {
        let a = r.new.approval.as_ref()?;
        Some(Command::Decide {
            decision: if r.event.action == Action::Approve {
                Decision::Approved
            } else {
                Decision::Rejected
            },
            note: a.note.clone()?,
            handled_as: a.handled_as,
        })
    }
}

mod consult {
    use super::*;

    pub const SPEC: ActionSpec = ActionSpec {
        code: "consult",
        label_key: "label-action-consult",
        allowed_from: &[Handling],
        permission: Permission::ReceivingDeptOrOffice,
        apply,
        read_back,
        summary,
    };

    fn apply(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(
            cmd,
            Command::Consult {
                kind,
                attendees,
                minutes,
            }
        );
        if *kind == ConsultKind::Major && !is_approved_major(s.case) {
            return Err(s.not_ready(t!("wf-major-consult-needs-approval")));
        }
        if attendees.is_empty() {
            return Err(Error::invalid(
                t!("wf-field-attendees"),
                t!("wf-consult-no-attendees"),
            ));
        }
        s.next.consultations.push(Consultation {
            kind: *kind,
            at: s.ctx.at,
            by: s.by.clone(),
            attendees: attendees.clone(),
            minutes: minutes.clone(),
        });
        Ok(())
    }

    fn read_back(r: &Recorded) -> Option<Command> {
        let c = r.new.consultations.last()?;
        Some(Command::Consult {
            kind: c.kind,
            attendees: c.attendees.clone(),
            minutes: c.minutes.clone(),
        })
    }

    fn summary(s: &Summary) -> String {
        let c = s.after.consultations.last();
        let kind = c.map(|c| c.kind.label_in(s.lang)).unwrap_or_default();
        let n = c.map(|c| c.attendees.len()).unwrap_or(0);
        t_in!(s.lang, "commit-consult", kind = kind, n = n)
    }
}

mod reply {
    use super::*;

    pub const SPEC: ActionSpec = ActionSpec {
        code: "reply",
        label_key: "label-action-reply",
        allowed_from: &[Handling],
        permission: Permission::Replier,
        apply,
        read_back: |r| {
            let reply = r.new.reply.as_ref()?;
            Some(Command::Reply {
                text: reply.text.clone(),
                act_date: reply.act_date,
            })
        },
        summary: |s| match s.after.reply.as_ref().and_then(|r| r.dept.as_deref()) {
            Some(dept) => t_in!(s.lang, "rules-commit-reply-by", dept = s.dept(dept)),
            None => t_in!(s.lang, "commit-reply"),
        },
    };

    fn apply(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(cmd, Command::Reply { text, act_date });
        if let Some(d) = act_date
            && *d > s.day
        {
            return Err(Error::invalid(
                t!("rules-field-act-date"),
                t!("rules-act-date-future", date = d.to_string()),
            ));
        }
        let missing = missing_for_reply(s.case, s.ctx.book);
        if !missing.is_empty() {
            return Err(s.not_ready(t!(
                "wf-reply-missing",
                items = missing.join(&t!("wf-list-sep"))
            )));
        }
        s.next.status = Replied;
        let dept = s.ctx.actor.dept.clone();
        s.next.reply = Some(Reply {
            at: s.ctx.at,
            by: s.by.clone(),
            text: text.clone(),
            dept: (dept != s.case.receiving_dept).then_some(dept),
            // 四（四）: the reply goes to both parties of the dispute.
            informed: if s.case.rules_at_least(2) {
                s.case.parties()
            } else {
                vec![]
            },
            act_date: *act_date,
        });
        s.next.due.archive = Some(s.working_days(s.day, s.deadlines().archive));
        Ok(())
    }
}

mod archive {
    use super::*;

    pub const SPEC: ActionSpec = ActionSpec {
        code: "archive",
        label_key: "label-action-archive",
        allowed_from: &[Replied],
        permission: Permission::ReceivingDeptOrWorkroom,
        apply,
        read_back,
        summary,
    };

    fn apply(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(
            cmd,
            Command::Archive {
                outcome,
                remedy,
                note,
            }
        );
        if s.case.is_direct_referral()
            && s.case
                .referral
                .as_ref()
                .is_some_and(|r| r.feedback.is_none())
        {
            return Err(s.not_ready(t!("rules-archive-needs-feedback")));
        }
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
        s.next.status = Archived;
        s.next.archive = Some(Archive {
            at: s.ctx.at,
            by: s.by.clone(),
            outcome: *outcome,
            remedy: *remedy,
            note: note.clone(),
        });
        Ok(())
    }

    fn read_back(r: &Recorded) -> Option<Command> {
        let a = r.new.archive.as_ref()?;
        Some(Command::Archive {
            outcome: a.outcome,
            remedy: a.remedy,
            note: a.note.clone(),
        })
    }

    fn summary(s: &Summary) -> String {
        let a = s.after.archive.as_ref();
        let outcome = a.map(|a| a.outcome.label_in(s.lang)).unwrap_or_default();
        match a.and_then(|a| a.remedy) {
            Some(r) => t_in!(
                s.lang,
                "commit-archive-remedy",
                outcome = outcome,
                remedy = r.label_in(s.lang)
            ),
            None => t_in!(s.lang, "commit-archive", outcome = outcome),
        }
    }
}

mod mediate {
    use super::*;

    pub const SPEC: ActionSpec = ActionSpec {
        code: "mediate",
        label_key: "label-action-mediate",
        allowed_from: &[Handling],
        permission: Permission::ReceivingDeptOrWorkroom,
        apply,
        read_back,
        summary: |s| t_in!(s.lang, "rules-commit-mediate", dept = s.event_dept()),
    };

    fn apply(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(cmd, Command::Mediate { result });
        if !matches!(s.case.track, Some(Track::Own | Track::General)) {
            return Err(s.not_ready(t!("rules-mediate-general-only")));
        }
        let dept = s.ctx.actor.dept.clone();
        s.next.mediations.push(Mediation {
            at: s.ctx.at,
            by: s.by.clone(),
            dept: dept.clone(),
            result: result.clone(),
        });
        s.event_dept = Some(dept);
        Ok(())
    }

    fn read_back(r: &Recorded) -> Option<Command> {
        let m = r
            .new
            .mediations
            .get(r.old.mediations.len())
            .or(r.new.mediations.last())?;
        Some(Command::Mediate {
            result: m.result.clone(),
        })
    }
}

mod exempt {
    use super::*;

    pub const SPEC: ActionSpec = ActionSpec {
        code: "exempt",
        label_key: "label-action-exempt",
        allowed_from: &[Handling],
        permission: Permission::Leader,
        apply,
        read_back,
        summary: |s| t_in!(s.lang, "rules-commit-exempt", dept = s.event_dept()),
    };

    fn apply(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(cmd, Command::Exempt { dept, reason });
        if !is_approved_major(s.case) {
            return Err(s.not_ready(t!("rules-exempt-major-only")));
        }
        if !s.case.assignments.iter().any(|a| &a.dept == dept) {
            return Err(Error::invalid(
                t!("rules-field-exempt-dept"),
                t!(
                    "rules-exempt-not-member",
                    dept = s.ctx.book.dept_short(dept)
                ),
            ));
        }
        if s.case.opinion_of(dept).is_some() {
            return Err(Error::invalid(
                t!("rules-field-exempt-dept"),
                t!(
                    "rules-exempt-has-opinion",
                    dept = s.ctx.book.dept_short(dept)
                ),
            ));
        }
        if s.case.exemption_of(dept).is_some() {
            return Err(Error::invalid(
                t!("rules-field-exempt-dept"),
                t!("rules-exempt-already", dept = s.ctx.book.dept_short(dept)),
            ));
        }
        s.next.exemptions.push(Exemption {
            dept: dept.clone(),
            at: s.ctx.at,
            by: s.by.clone(),
            reason: reason.clone(),
        });
        s.event_dept = Some(dept.clone());
        Ok(())
    }

    fn read_back(r: &Recorded) -> Option<Command> {
        let dept = r.event.dept.clone()?;
        Some(Command::Exempt {
            reason: r.new.exemption_of(&dept)?.reason.clone(),
            dept,
        })
    }
}

mod feedback {
    use super::*;

    pub const SPEC: ActionSpec = ActionSpec {
        code: "feedback",
        label_key: "label-action-feedback",
        allowed_from: &[Handling, Replied],
        permission: Permission::CompetentDept,
        apply,
        read_back: |r| {
            Some(Command::Feedback {
                text: r.new.referral.as_ref()?.feedback.as_ref()?.text.clone(),
            })
        },
        summary: |s| t_in!(s.lang, "rules-commit-feedback", dept = s.event_dept()),
    };

    fn apply(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(cmd, Command::Feedback { text });
        if !s.case.is_direct_referral() {
            return Err(s.not_ready(t!("rules-feedback-referral-only")));
        }
        let dept = s.ctx.actor.dept.clone();
        let referral = s
            .next
            .referral
            .as_mut()
            .expect("a referral case has its referral form");
        if referral.feedback.is_some() {
            return Err(Error::invalid(
                t!("rules-field-feedback"),
                t!("rules-feedback-already"),
            ));
        }
        referral.feedback = Some(Feedback {
            dept: dept.clone(),
            at: s.ctx.at,
            by: s.by.clone(),
            text: text.clone(),
        });
        // Reported after the reply: the receiving department's time to archive runs from
        // the report it needs.
        if s.case.status == Replied {
            let from_report = s.working_days(s.day, s.deadlines().archive);
            s.next.due.archive = s.next.due.archive.max(Some(from_report));
        }
        s.event_dept = Some(dept);
        Ok(())
    }
}

mod lead {
    use super::*;

    pub const SPEC: ActionSpec = ActionSpec {
        code: "lead",
        label_key: "label-action-lead",
        allowed_from: &[Handling],
        permission: Permission::Petition,
        apply,
        read_back,
        summary: |s| t_in!(s.lang, "rules-commit-lead", dept = s.event_dept()),
    };

    fn apply(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(cmd, Command::Lead { dept, note });
        match s.case.track {
            Some(Track::Own) => return Err(s.not_ready(t!("rules-lead-own"))),
            Some(Track::Referral) => return Err(s.not_ready(t!("rules-lead-referral"))),
            _ => {}
        }
        if dept == &s.ctx.actor.dept {
            return Err(Error::invalid(
                t!("rules-field-lead-dept"),
                t!("rules-lead-self"),
            ));
        }
        s.next.leads.push(crate::case::Lead {
            dept: dept.clone(),
            at: s.ctx.at,
            by: s.by.clone(),
            note: note.clone(),
        });
        // The case stays open with the competent department assigned to it.
        if dept != &s.case.receiving_dept && !s.case.is_assigned(dept) {
            let days = match s.case.track {
                Some(Track::Major) => s.deadlines().opinion_major,
                _ => s.deadlines().opinion,
            };
            let due = s.working_days(s.day, days);
            s.next.assignments.push(Assignment {
                dept: dept.clone(),
                at: s.ctx.at,
                by: s.by.clone(),
                due,
                removed_at: None,
                removed_reason: None,
            });
        }
        s.event_dept = Some(dept.clone());
        Ok(())
    }

    fn read_back(r: &Recorded) -> Option<Command> {
        let dept = r.event.dept.clone()?;
        let lead = r
            .new
            .leads
            .iter()
            .find(|l| l.at == r.event.at && l.by == r.event.by && l.dept == dept)?;
        Some(Command::Lead {
            dept,
            note: lead.note.clone(),
        })
    }
}

/// Online public opinion (舆情) about a case: the cyberspace office flags it, then records
/// its response. One command each, two actions.
mod opinion_watch {
    use super::*;

    const OPEN: &[crate::case::Status] =
        &[Registered, Handling, AwaitingApproval, Referred, Replied];

    pub const WATCH: ActionSpec = ActionSpec {
        code: "opinion-watch",
        label_key: "label-action-opinion-watch",
        allowed_from: OPEN,
        permission: Permission::Cac,
        apply: watch,
        read_back: |r| {
            let i = r
                .new
                .public_opinion
                .iter()
                .position(|o| o.at == r.event.at && o.by == r.event.by)?;
            let o = &r.new.public_opinion[i];
            Some(Command::OpinionWatch {
                source: o.source.clone(),
                summary: o.summary.clone(),
            })
        },
        summary: |s| t_in!(s.lang, "rules-commit-opinion-watch"),
    };

    pub const RESPONSE: ActionSpec = ActionSpec {
        code: "opinion-response",
        label_key: "label-action-opinion-response",
        allowed_from: OPEN,
        permission: Permission::Cac,
        apply: respond,
        read_back: |r| {
            let i = r.new.public_opinion.iter().position(|o| {
                o.response
                    .as_ref()
                    .is_some_and(|x| x.at == r.event.at && x.by == r.event.by)
            })?;
            Some(Command::OpinionResponse {
                incident: Some(i + 1),
                text: r.new.public_opinion[i].response.as_ref()?.text.clone(),
            })
        },
        summary: |s| t_in!(s.lang, "rules-commit-opinion-response"),
    };

    fn watch(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(cmd, Command::OpinionWatch { source, summary });
        s.next.public_opinion.push(crate::case::OpinionIncident {
            at: s.ctx.at,
            by: s.by.clone(),
            source: source.clone(),
            summary: summary.clone(),
            response: None,
        });
        Ok(())
    }

    fn respond(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(cmd, Command::OpinionResponse { incident, text });
        let incidents = &s.case.public_opinion;
        let i = match incident {
            Some(n) if (1..=incidents.len()).contains(n) => n - 1,
            Some(n) => {
                return Err(Error::invalid(
                    t!("rules-field-incident"),
                    t!("rules-incident-unknown", n = *n, count = incidents.len()),
                ));
            }
            None => match incidents.iter().rposition(|o| o.response.is_none()) {
                Some(i) => i,
                None => return Err(s.not_ready(t!("rules-incident-none-open"))),
            },
        };
        if incidents[i].response.is_some() {
            return Err(Error::invalid(
                t!("rules-field-incident"),
                t!("rules-incident-answered", n = i + 1),
            ));
        }
        s.next.public_opinion[i].response = Some(crate::case::OpinionResponse {
            at: s.ctx.at,
            by: s.by.clone(),
            text: text.clone(),
        });
        Ok(())
    }
}

mod correct {
    use super::*;
    use crate::validate;

    pub const SPEC: ActionSpec = ActionSpec {
        code: "correct",
        label_key: "clerk-action-correct",
        allowed_from: &[Registered, Handling, AwaitingApproval, Referred, Replied],
        permission: Permission::ReceivingDept,
        apply,
        read_back,
        summary: |s| {
            let field = s
                .after
                .corrections
                .last()
                .map(|c| c.field.label_in(s.lang))
                .unwrap_or_default();
            t_in!(s.lang, "clerk-commit-correct", field = field)
        },
    };

    fn apply(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(
            cmd,
            Command::Correct {
                field,
                value,
                reason,
            }
        );
        let value = value.as_deref().map(str::trim).filter(|v| !v.is_empty());
        let old = current(&s.next, *field);
        set(&mut s.next, *field, value)?;
        let new = current(&s.next, *field);
        if old == new {
            return Err(Error::Exists {
                what: t!(
                    "clerk-correct-unchanged",
                    field = field.label(),
                    value = new.unwrap_or_else(|| dispute_i18n::word("clerk-sheet-empty").into())
                ),
                hint: t!("clerk-correct-unchanged-hint", id = s.case.id.as_str()),
            });
        }
        let kept = |v: Option<String>| v.filter(|_| !field.is_confidential());
        s.next.corrections.push(Correction {
            at: s.ctx.at,
            by: s.by.clone(),
            field: *field,
            old: kept(old),
            new: kept(new),
            reason: reason.clone(),
        });
        Ok(())
    }

    /// A field's value as a correction records it: the text, or the code of a coded value.
    pub(crate) fn current(case: &Case, field: CaseField) -> Option<String> {
        let p = &case.payer;
        match field {
            CaseField::PayerKind => Some(p.kind.code().to_string()),
            CaseField::PayerName => Some(p.name.clone()),
            CaseField::PayerId => p.id_code.clone(),
            CaseField::Contact => p.contact.clone(),
            CaseField::Phone => Some(p.phone.clone()),
            CaseField::Summary => Some(case.summary.clone()),
            CaseField::Title => case.title.clone(),
            CaseField::District => Some(case.district.clone()),
            CaseField::Channel => Some(case.channel.code().to_string()),
            CaseField::Category => case.category.map(|c| c.to_string()),
        }
    }

    /// Check `value` as registration checks it and put it into the case.
    fn set(case: &mut Case, field: CaseField, value: Option<&str>) -> Result<()> {
        let label = field.label();
        let required = || Error::invalid(label, t!("clerk-correct-required"));
        let p = &mut case.payer;
        match field {
            CaseField::PayerKind => {
                let v = value.ok_or_else(required)?;
                p.kind = parse_coded::<PayerKind>(v)
                    .ok_or_else(|| Error::invalid(label, bad_code::<PayerKind>(v)))?;
                // The other party of an employment dispute stays of the other kind.
                if case.counterparty.as_ref().is_some_and(|c| c.kind == p.kind) {
                    return Err(Error::invalid(label, t!("rules-counterparty-same-kind")));
                }
            }
            CaseField::PayerName => p.name = validate::payer_name(value.ok_or_else(required)?)?,
            CaseField::PayerId => p.id_code = value.map(validate::id_code).transpose()?,
            CaseField::Contact => {
                p.contact = value.map(|v| validate::line(label, v)).transpose()?;
            }
            CaseField::Phone => p.phone = validate::phone(value.ok_or_else(required)?)?,
            CaseField::Summary => {
                case.summary = validate::text(label, value.ok_or_else(required)?)?;
            }
            CaseField::Title => case.title = value.map(validate::title).transpose()?,
            CaseField::District => {
                case.district = validate::district(value.ok_or_else(required)?)?;
            }
            CaseField::Channel => {
                let v = value.ok_or_else(required)?;
                case.channel = parse_coded::<Channel>(v)
                    .ok_or_else(|| Error::invalid(label, bad_code::<Channel>(v)))?;
            }
            CaseField::Category => {
                let v = value.ok_or_else(required)?;
                let n: u8 = v.parse().map_err(|_| {
                    Error::invalid(label, t!("clerk-correct-bad-category", value = v))
                })?;
                case.category = Some(validate::category(n)?);
            }
        }
        Ok(())
    }

    /// A coded value from its code or its label.
    fn parse_coded<T: text::Coded + Label>(v: &str) -> Option<T> {
        T::all()
            .iter()
            .find(|x| x.code() == v || x.label() == v)
            .copied()
    }

    fn bad_code<T: text::Coded + Label>(v: &str) -> String {
        let codes: Vec<&str> = T::all().iter().map(|x| x.code()).collect();
        t!(
            "clerk-correct-bad-code",
            value = v,
            codes = codes.join(", ")
        )
    }

    fn read_back(r: &Recorded) -> Option<Command> {
        let c = r.new.corrections.get(r.old.corrections.len())?;
        let value = if c.field.is_confidential() {
            current(r.new, c.field)
        } else {
            c.new.clone()
        };
        Some(Command::Correct {
            field: c.field,
            value,
            reason: c.reason.clone(),
        })
    }
}

mod void {
    use super::*;

    pub const SPEC: ActionSpec = ActionSpec {
        code: "void",
        label_key: "clerk-action-void",
        allowed_from: &[Registered, Handling, AwaitingApproval],
        permission: Permission::ReceivingDept,
        apply,
        read_back: |r| {
            Some(Command::Void {
                reason: r.new.void.as_ref()?.reason.clone(),
            })
        },
        summary: |s| t_in!(s.lang, "clerk-commit-void"),
    };

    fn apply(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(cmd, Command::Void { reason });
        // Only a registration (and its classification or corrections) may be undone: once
        // a department has been asked, or the case reported or referred, it is on record
        // with others.
        if let Some(e) = s.case.events.iter().find(|e| {
            !matches!(
                e.action,
                Action::Register | Action::Classify | Action::Correct
            )
        }) {
            return Err(s.not_ready(t!("clerk-void-work-done", action = e.action.label())));
        }
        s.next.status = Voided;
        s.next.void = Some(Void {
            at: s.ctx.at,
            by: s.by.clone(),
            reason: reason.clone(),
        });
        Ok(())
    }
}
