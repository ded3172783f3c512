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
    Decision, DisciplineReferral, Insurance, Opinion, Outcome, PayerKind, Redirect, Referral,
    Remedy, Reply, Status::*, Track, Void,
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
        allowed_from: &[Registered],
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
        let Some(category) = category.or(s.case.category) else {
            return Err(s.not_ready(t!("clerk-classify-needs-category")));
        };
        s.next.category = Some(category);
        if !insurance.is_empty() {
            s.next.insurance = insurance.clone();
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
                due: due.unwrap_or_else(|| s.working_days(day, days)),
                removed_at: None,
                removed_reason: None,
            };
            s.next.assignments.push(assignment);
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
        Some(Command::Assign {
            depts: added.iter().map(|a| a.dept.clone()).collect(),
            due: added.first().map(|a| a.due),
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
        s.next.approval = Some(Approval {
            requested_at: s.ctx.at,
            requested_by: s.by.clone(),
            reason: reason.clone(),
            decision: None,
            decided_at: None,
            decided_by: None,
            note: None,
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
        summary: |s| t_in!(s.lang, "commit-reject"),
    };

    fn apply(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(cmd, Command::Decide { decision, note });
        let at = s.ctx.at;
        let by = s.by.clone();
        let dl = s.deadlines();
        let approval = s
            .next
            .approval
            .as_mut()
            .expect("a case awaiting approval has an approval request");
        approval.decision = Some(*decision);
        approval.decided_at = Some(at);
        approval.decided_by = Some(by.clone());
        approval.note = Some(note.clone());
        s.next.status = Handling;
        match decision {
            Decision::Approved => {
                s.next.track = Some(Track::Major);
                s.next.due.reply = Some(s.working_days(s.received, dl.reply_major));
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
                    s.next.track = Some(Track::General);
                }
                s.next.due.reply = Some(s.working_days(s.received, dl.reply));
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
        permission: Permission::ReceivingDept,
        apply,
        read_back: |r| {
            Some(Command::Reply {
                text: r.new.reply.as_ref()?.text.clone(),
            })
        },
        summary: |s| t_in!(s.lang, "commit-reply"),
    };

    fn apply(s: &mut Step, cmd: &Command) -> Result<()> {
        inputs!(cmd, Command::Reply { text });
        let missing = missing_for_reply(s.case, s.ctx.book);
        if !missing.is_empty() {
            return Err(s.not_ready(t!(
                "wf-reply-missing",
                items = missing.join(&t!("wf-list-sep"))
            )));
        }
        s.next.status = Replied;
        s.next.reply = Some(Reply {
            at: s.ctx.at,
            by: s.by.clone(),
            text: text.clone(),
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
        permission: Permission::ReceivingDept,
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
