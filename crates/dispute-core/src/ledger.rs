//! The ledger (台账) an office keeps, one row per case, and the performance statistics of
//! the accountability review (绩效考评, DESIGN §2.8): who was asked for an opinion, who gave
//! it in time, who is late, who was referred to the discipline commission.
//!
//! Pure code: the caller passes the cases, the casebook, the calendar and the date to judge
//! lateness against. Lateness is always `workflow::late_obligations`, the rule `overdue`
//! uses (late only when at least one working day past due), so the ledger's 是否超期, the
//! statistics' still-overdue counts and the `overdue` report never disagree.
//!
//! A department is counted once per case: its current assignment, or, if it was withdrawn,
//! the last one. A withdrawal before the department gave its opinion means it was no longer
//! asked (`withdrawn`, not counted as requested); an opinion given before a withdrawal still
//! counts. An opinion's date is its first version (the journal's first `opinion` event):
//! rewriting an opinion later does not make an on-time opinion late.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::calendar::{Calendar, china, local_date};
use crate::case::{
    Action, Case, CaseId, Channel, Insurance, Outcome, PayerKind, Remedy, Status, Time, Track,
};
use crate::casebook::Casebook;
use crate::text::obligation_label;
use crate::text::{self, Label};
use crate::workflow::{LateRow, ObligationKind, late_obligations};
use dispute_i18n::t;

// ---------------------------------------------------------------------------------------
// the ledger

/// Which cases go into the ledger or the statistics.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter {
    /// Year of receipt (the year in the case ID).
    pub year: Option<i32>,
    /// Month of receipt (1–12), in China time.
    pub month: Option<u32>,
    pub status: Option<Status>,
}

impl Filter {
    /// A voided case (registered by mistake) is in no ledger or statistic unless asked for
    /// by its status.
    pub fn matches(&self, case: &Case) -> bool {
        let received = local_date(&case.received_at);
        self.year.is_none_or(|y| received.year() == y)
            && self.month.is_none_or(|m| received.month() == m)
            && match self.status {
                Some(s) => s == case.status,
                None => case.status != Status::Voided,
            }
    }
}

/// What became of one department's written opinion on one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OpinionState {
    /// Given no later than the due date (or on days off right after it).
    OnTime,
    /// Given at least one working day after the due date.
    Late,
    /// Not given, the case is handling, at least one working day past due (`overdue` lists it).
    Overdue,
    /// Not given and not late yet, or the case waits for the leader's decision.
    Pending,
    /// Not given, and the case went on without it (replied, archived, redirected).
    Unanswered,
    /// Withdrawn before the department gave its opinion: no longer asked.
    Withdrawn,
}

impl OpinionState {
    /// Counted as a request for an opinion.
    pub fn is_requested(self) -> bool {
        self != OpinionState::Withdrawn
    }
}

/// One department asked for its written opinion on a case (or the competent department of
/// a referral), and what it did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeptRequest {
    pub dept: String,
    pub assigned_at: Time,
    pub due: NaiveDate,
    /// When its opinion was first given.
    pub opinion_at: Option<Time>,
    pub withdrawn: bool,
    pub state: OpinionState,
    /// Working days from the assignment to the opinion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_to_opinion: Option<u32>,
}

/// Every department asked on this case, once each, in the order they were first asked.
pub fn dept_requests(case: &Case, late: &[LateRow], cal: &Calendar) -> Vec<DeptRequest> {
    let mut depts: Vec<&str> = vec![];
    for a in &case.assignments {
        if !depts.contains(&a.dept.as_str()) {
            depts.push(&a.dept);
        }
    }
    let journal_has_opinions = case
        .events
        .iter()
        .any(|e| matches!(e.action, Action::Opinion | Action::Feedback));
    depts
        .into_iter()
        .filter_map(|dept| {
            let mut of_dept = case.assignments.iter().filter(|a| a.dept == dept);
            let chosen = of_dept
                .clone()
                .find(|a| a.is_active())
                .or_else(|| of_dept.next_back())?;
            let within =
                |t: &Time| *t >= chosen.at && chosen.removed_at.is_none_or(|removed| *t <= removed);
            // On a referral of rules edition 2 the competent department answers with its
            // feedback to the receiving department (its reply goes to the payer).
            let answer = if case.is_direct_referral() {
                Action::Feedback
            } else {
                Action::Opinion
            };
            let first_event = case
                .events
                .iter()
                .filter(|e| e.action == answer && e.dept.as_deref() == Some(dept))
                .map(|e| e.at)
                .filter(within)
                .min();
            let on_file = match answer {
                Action::Feedback => case
                    .referral
                    .as_ref()
                    .and_then(|r| r.feedback.as_ref())
                    .filter(|f| f.dept == dept)
                    .map(|f| f.at),
                _ => case.opinion_of(dept).map(|o| o.at),
            };
            // An opinion on file counts when the journal does not say otherwise: a journal
            // without opinion events (an imported case), or a department re-assigned after
            // it had already given its opinion (the workflow then owes nothing more).
            let opinion_at = first_event.or(match on_file {
                Some(t) if !journal_has_opinions && within(&t) => Some(t),
                Some(t) if chosen.is_active() => Some(t),
                _ => None,
            });
            let withdrawn = !chosen.is_active();
            let state = match opinion_at {
                Some(t) => {
                    if cal.working_days_between(chosen.due, local_date(&t)) > 0 {
                        OpinionState::Late
                    } else {
                        OpinionState::OnTime
                    }
                }
                None if withdrawn => OpinionState::Withdrawn,
                None if late.iter().any(|l| {
                    matches!(l.what, ObligationKind::Opinion | ObligationKind::Feedback)
                        && l.dept == dept
                }) =>
                {
                    OpinionState::Overdue
                }
                None if matches!(case.status, Status::Handling | Status::AwaitingApproval)
                    || (case.is_direct_referral() && case.status == Status::Replied) =>
                {
                    OpinionState::Pending
                }
                None => OpinionState::Unanswered,
            };
            Some(DeptRequest {
                dept: dept.to_string(),
                assigned_at: chosen.at,
                due: chosen.due,
                opinion_at,
                withdrawn,
                state,
                days_to_opinion: opinion_at
                    .map(|t| cal.working_days_between(local_date(&chosen.at), local_date(&t))),
            })
        })
        .collect()
}

/// An open obligation past its due date, as the ledger shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LateItem {
    pub what: ObligationKind,
    pub dept: String,
    pub due: NaiveDate,
    pub days_late: u32,
}

/// One row of the ledger. JSON keys are English and values are the codes of the case
/// files; the spreadsheet columns (`COLUMNS`, `cells`) show the same facts in the chosen
/// language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LedgerRow {
    pub id: String,
    pub received_at: Time,
    pub channel: Channel,
    pub payer: String,
    pub payer_kind: PayerKind,
    pub contact: Option<String>,
    pub phone: String,
    pub id_code: Option<String>,
    /// Whether phone, ID code and contact are masked in this row.
    pub masked: bool,
    pub district: String,
    pub title: Option<String>,
    /// 反映事项.
    pub summary: String,
    pub category: Option<u8>,
    pub insurance: Vec<Insurance>,
    pub track: Option<Track>,
    /// The department the payer was sent to (告知另行办理).
    pub redirect_to: Option<String>,
    pub receiving_dept: String,
    pub first_receiver: String,
    pub status: Status,
    pub classify_due: Option<NaiveDate>,
    pub classified_at: Option<Time>,
    pub dispatch_due: Option<NaiveDate>,
    pub dispatched_at: Option<Time>,
    /// The departments asked for their opinions (for a referral: the competent department).
    pub departments: Vec<DeptRequest>,
    /// When the first department still asked was assigned.
    pub assigned_at: Option<Time>,
    /// The written opinions as they stand, each department's latest.
    pub opinions: Vec<OpinionText>,
    pub reply_due: Option<NaiveDate>,
    pub replied_at: Option<Time>,
    /// The written reply to the payer (回复内容).
    pub reply: Option<String>,
    pub archive_due: Option<NaiveDate>,
    pub archived_at: Option<Time>,
    /// Any open obligation at least one working day past due on `as_of`.
    pub overdue: bool,
    pub late: Vec<LateItem>,
    /// The archive outcome, or the first line of the reply, or where the payer was sent.
    pub result: Option<String>,
    pub outcome: Option<Outcome>,
    pub remedy: Option<Remedy>,
    /// Departments whose refusal was handed to the discipline commission.
    pub discipline: Vec<String>,
    /// The note of the archiving, or what the payer was told on a redirect.
    pub note: Option<String>,
    /// Brought in from a paper ledger (补录): who imported it and when.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported: Option<crate::case::Imported>,
}

/// A department's written opinion as the ledger carries it, so the ledger reads on its own
/// and imports again (`书面意见(hrss)`, `意见时间(hrss)`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpinionText {
    pub dept: String,
    pub at: Time,
    pub text: String,
}

/// When the case left `registered`: classified, redirected, or escalated straight away.
fn classified_at(case: &Case) -> Option<Time> {
    case.events
        .iter()
        .filter(|e| {
            matches!(
                e.action,
                Action::Classify
                    | Action::Redirect
                    | Action::EscalateHotline
                    | Action::EscalateLeadingGroup
            )
        })
        .map(|e| e.at)
        .min()
}

/// The ledger row of a case. `reveal` shows the payer's confidential fields as they are;
/// the caller has checked the operator may see them (`privacy::check_reveal`).
pub fn ledger_row(
    case: &Case,
    book: &Casebook,
    cal: &Calendar,
    as_of: NaiveDate,
    reveal: bool,
) -> LedgerRow {
    let late = late_obligations(case, as_of, cal);
    let payer = if reveal {
        case.payer.clone()
    } else {
        case.payer.masked()
    };
    let result = match (&case.archive, &case.reply, &case.redirect) {
        (Some(a), _, _) => Some(a.outcome.label().to_string()),
        (None, Some(r), _) => r
            .text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .map(str::to_string),
        (None, None, Some(r)) => Some(t!(
            "ledger-result-redirected",
            dept = book.dept_short(&r.dept)
        )),
        _ => None,
    };
    let result = match reveal {
        true => result,
        false => result.map(|r| crate::privacy::mask_free_text(&r)),
    };
    let mut discipline: Vec<String> = vec![];
    for d in &case.discipline {
        if !discipline.contains(&d.dept) {
            discipline.push(d.dept.clone());
        }
    }
    LedgerRow {
        id: case.id.clone(),
        received_at: case.received_at,
        channel: case.channel,
        payer: payer.name,
        payer_kind: payer.kind,
        contact: payer.contact,
        phone: payer.phone,
        id_code: payer.id_code,
        masked: !reveal,
        district: case.district.clone(),
        category: case.category,
        insurance: case.insurance.clone(),
        track: case.track,
        receiving_dept: case.receiving_dept.clone(),
        first_receiver: case.first_receiver.clone(),
        status: case.status,
        classify_due: case.due.classify,
        classified_at: classified_at(case),
        dispatch_due: case.due.dispatch,
        dispatched_at: case.referral.as_ref().and_then(|r| r.dispatched_at),
        departments: dept_requests(case, &late, cal),
        reply_due: case.due.reply,
        replied_at: case.reply.as_ref().map(|r| r.at),
        archive_due: case.due.archive,
        archived_at: case.archive.as_ref().map(|a| a.at),
        overdue: !late.is_empty(),
        late: late
            .iter()
            .map(|l| LateItem {
                what: l.what,
                dept: l.dept.clone(),
                due: l.due,
                days_late: l.days_late,
            })
            .collect(),
        result,
        outcome: case.archive.as_ref().map(|a| a.outcome),
        remedy: case.archive.as_ref().and_then(|a| a.remedy),
        discipline,
        imported: case.imported.clone(),
        title: case.title.clone(),
        summary: case.summary.clone(),
        redirect_to: case.redirect.as_ref().map(|r| r.dept.clone()),
        assigned_at: case.active_assignments().map(|a| a.at).min(),
        opinions: case
            .opinions
            .iter()
            .map(|o| OpinionText {
                dept: o.dept.clone(),
                at: o.at,
                text: o.text.clone(),
            })
            .collect(),
        reply: case.reply.as_ref().map(|r| r.text.clone()),
        note: case
            .archive
            .as_ref()
            .and_then(|a| a.note.clone())
            .or_else(|| case.redirect.as_ref().map(|r| r.note.clone())),
    }
}

/// The ledger of these cases, sorted by ID (department, year, sequence as numbers).
/// Returns the rows; `reveal(case)` says whether a case's payer data may be shown.
pub fn ledger(
    cases: &[Case],
    filter: Filter,
    book: &Casebook,
    cal: &Calendar,
    as_of: NaiveDate,
    mut reveal: impl FnMut(&Case) -> bool,
) -> Vec<LedgerRow> {
    let mut chosen: Vec<&Case> = cases.iter().filter(|c| filter.matches(c)).collect();
    chosen.sort_by_cached_key(|c| CaseId::parse(&c.id).ok());
    chosen
        .into_iter()
        .map(|c| ledger_row(c, book, cal, as_of, reveal(c)))
        .collect()
}

/// A spreadsheet cell: text, or a date / local date-time that a spreadsheet keeps as one.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    Empty,
}

impl Cell {
    /// As written to CSV: dates `2026-11-02`, times `2026-11-02 09:30` (China time).
    pub fn to_text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::DateTime(t) => t.format("%Y-%m-%d %H:%M").to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// A ledger column: the catalog key of its heading and its width in a spreadsheet (in
/// characters of the default font; a Chinese character is about two).
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub key: &'static str,
    pub width: f64,
}

impl Column {
    /// The heading in the chosen language.
    pub fn header(&self) -> &'static str {
        dispute_i18n::word(self.key)
    }

    /// The heading in a given language.
    pub fn header_in(&self, lang: dispute_i18n::Lang) -> String {
        dispute_i18n::tr_in(lang, self.key, None)
    }
}

const fn col(key: &'static str, width: f64) -> Column {
    Column { key, width }
}

/// The columns of the ledger, in order.
pub const COLUMNS: &[Column] = &[
    col("ledger-col-id", 16.0),
    col("ledger-col-received-at", 17.0),
    col("ledger-col-channel", 10.0),
    col("ledger-col-payer", 30.0),
    col("ledger-col-payer-kind", 11.0),
    col("ledger-col-contact", 9.0),
    col("ledger-col-phone", 14.0),
    col("ledger-col-id-code", 21.0),
    col("ledger-col-district", 10.0),
    // The headings of the columns `import` reads are its own, so the ledger imports again.
    col("import-col-title", 24.0),
    col("import-col-summary", 40.0),
    col("ledger-col-category", 28.0),
    col("ledger-col-insurance", 16.0),
    col("ledger-col-track", 13.0),
    col("import-col-redirect-to", 13.0),
    col("ledger-col-receiving-dept", 13.0),
    col("ledger-col-first-receiver", 16.0),
    col("ledger-col-departments", 24.0),
    col("import-col-assigned-at", 17.0),
    col("ledger-col-status", 13.0),
    col("ledger-col-classify-due", 11.0),
    col("ledger-col-classified-at", 17.0),
    col("ledger-col-dispatch-due", 11.0),
    col("ledger-col-dispatched-at", 17.0),
    col("ledger-col-opinions", 36.0),
    col("ledger-col-reply-due", 11.0),
    col("ledger-col-replied-at", 17.0),
    col("import-col-reply", 40.0),
    col("ledger-col-archive-due", 11.0),
    col("ledger-col-archived-at", 17.0),
    col("ledger-col-overdue", 9.0),
    col("ledger-col-late", 36.0),
    col("ledger-col-result", 30.0),
    col("import-col-outcome", 13.0),
    col("ledger-col-remedy", 13.0),
    col("ledger-col-discipline", 13.0),
    col("import-col-note", 24.0),
    col("ledger-col-imported", 24.0),
];

/// The departments with a written opinion in any of `rows`, in casebook order: each gets
/// two columns after `COLUMNS` (`书面意见(hrss)`, `意见时间(hrss)`), as `import` reads them.
pub fn opinion_depts(rows: &[LedgerRow], book: &Casebook) -> Vec<String> {
    let mut depts: Vec<String> = vec![];
    for r in rows {
        for o in &r.opinions {
            if !depts.contains(&o.dept) {
                depts.push(o.dept.clone());
            }
        }
    }
    let order = |d: &String| {
        book.departments
            .iter()
            .position(|m| &m.code == d)
            .unwrap_or(usize::MAX)
    };
    depts.sort_by_key(order);
    depts
}

/// The headings of the opinion columns of `depts`, in the chosen language.
pub fn opinion_headings(depts: &[String]) -> Vec<String> {
    depts
        .iter()
        .flat_map(|d| {
            [
                t!("import-col-opinion-text-of", dept = d.as_str()),
                t!("import-col-opinion-time-of", dept = d.as_str()),
            ]
        })
        .collect()
}

/// `11-17` within the year the case was received, `2027-01-05` outside it.
fn short_date(d: NaiveDate, year: i32) -> String {
    if d.year() == year {
        d.format("%m-%d").to_string()
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

fn local(t: &Time) -> NaiveDateTime {
    t.with_timezone(&china()).naive_local()
}

impl LedgerRow {
    /// The row's cells in the order of `COLUMNS`, in the chosen language.
    pub fn cells(&self, book: &Casebook) -> Vec<Cell> {
        let text = |s: String| {
            if s.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(s)
            }
        };
        let opt_text = |s: Option<&str>| text(s.unwrap_or_default().to_string());
        let date = |d: Option<NaiveDate>| d.map(Cell::Date).unwrap_or(Cell::Empty);
        let time = |t: Option<Time>| t.map(|t| Cell::DateTime(local(&t))).unwrap_or(Cell::Empty);
        let short = |c: &str| book.dept_short(c).to_string();
        let year = local_date(&self.received_at).year();

        let active: Vec<&str> = self
            .departments
            .iter()
            .filter(|d| !d.withdrawn)
            .map(|d| d.dept.as_str())
            .collect();
        let departments: Vec<String> = self
            .departments
            .iter()
            .map(|d| {
                if d.withdrawn && !active.contains(&d.dept.as_str()) {
                    t!("ledger-dept-withdrawn", dept = short(&d.dept))
                } else {
                    short(&d.dept)
                }
            })
            .collect();
        let opinions: Vec<String> = self
            .departments
            .iter()
            .map(|d| {
                let done = match (d.opinion_at, d.state) {
                    (_, OpinionState::Withdrawn) => t!("ledger-opinion-withdrawn"),
                    (Some(at), OpinionState::Late) => t!(
                        "ledger-opinion-late",
                        date = short_date(local_date(&at), year)
                    ),
                    (Some(at), _) => short_date(local_date(&at), year),
                    (None, OpinionState::Unanswered) => t!("ledger-opinion-unanswered"),
                    (None, _) => t!("ledger-opinion-pending"),
                };
                format!("{} {}/{}", short(&d.dept), short_date(d.due, year), done)
            })
            .collect();
        let late: Vec<String> = self
            .late
            .iter()
            .map(|l| {
                t!(
                    "ledger-late-item",
                    dept = short(&l.dept),
                    what = obligation_label(l.what),
                    days = l.days_late
                )
            })
            .collect();
        let discipline: Vec<String> = self.discipline.iter().map(|d| short(d)).collect();
        let insurance: Vec<&str> = self.insurance.iter().map(|i| i.label()).collect();
        let list = dispute_i18n::word("ledger-list-separator");
        let items = dispute_i18n::word("ledger-item-separator");

        vec![
            Cell::Text(self.id.clone()),
            Cell::DateTime(local(&self.received_at)),
            Cell::Text(self.channel.label().to_string()),
            Cell::Text(self.payer.clone()),
            Cell::Text(self.payer_kind.label().to_string()),
            opt_text(self.contact.as_deref()),
            text(self.phone.clone()),
            opt_text(self.id_code.as_deref()),
            text(self.district.clone()),
            opt_text(self.title.as_deref()),
            text(self.summary.clone()),
            opt_text(
                self.category
                    .map(|c| format!("{c} {}", text::category(c)))
                    .as_deref(),
            ),
            text(insurance.join(list)),
            opt_text(self.track.map(|t| t.label())),
            opt_text(self.redirect_to.as_deref().map(short).as_deref()),
            Cell::Text(short(&self.receiving_dept)),
            Cell::Text(book.operator_label(&self.first_receiver)),
            text(departments.join(list)),
            time(self.assigned_at),
            Cell::Text(self.status.label().to_string()),
            date(self.classify_due),
            time(self.classified_at),
            date(self.dispatch_due),
            time(self.dispatched_at),
            text(opinions.join(items)),
            date(self.reply_due),
            time(self.replied_at),
            opt_text(self.reply.as_deref()),
            date(self.archive_due),
            time(self.archived_at),
            Cell::Text(t!(if self.overdue {
                "ledger-yes"
            } else {
                "ledger-no"
            })),
            text(late.join(items)),
            opt_text(self.result.as_deref()),
            opt_text(self.outcome.map(|o| o.label())),
            opt_text(self.remedy.map(|r| r.label())),
            text(discipline.join(list)),
            opt_text(self.note.as_deref()),
            opt_text(
                self.imported
                    .as_ref()
                    .map(|i| {
                        t!(
                            "ledger-imported-cell",
                            by = book.operator_label(&i.by),
                            at = local_date(&i.at).to_string()
                        )
                    })
                    .as_deref(),
            ),
        ]
    }

    /// The cells of the opinion columns of `depts` ([`opinion_depts`]).
    pub fn opinion_cells(&self, depts: &[String]) -> Vec<Cell> {
        depts
            .iter()
            .flat_map(|d| match self.opinions.iter().find(|o| &o.dept == d) {
                Some(o) => [Cell::Text(o.text.clone()), Cell::DateTime(local(&o.at))],
                None => [Cell::Empty, Cell::Empty],
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------------------
// the statistics

/// How `stats` groups the case-level counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    #[default]
    Dept,
    Category,
    Month,
    Track,
}

impl crate::text::Coded for GroupBy {
    fn all() -> &'static [GroupBy] {
        &[
            GroupBy::Dept,
            GroupBy::Category,
            GroupBy::Month,
            GroupBy::Track,
        ]
    }
    fn code(&self) -> &'static str {
        match self {
            GroupBy::Dept => "dept",
            GroupBy::Category => "category",
            GroupBy::Month => "month",
            GroupBy::Track => "track",
        }
    }
}

impl crate::text::Label for GroupBy {
    fn label_key(&self) -> &'static str {
        match self {
            GroupBy::Dept => "label-group-by-dept",
            GroupBy::Category => "label-group-by-category",
            GroupBy::Month => "label-group-by-month",
            GroupBy::Track => "label-group-by-track",
        }
    }
}

/// One department's record in the accountability review.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DeptStats {
    pub dept: String,
    /// Cases it received (registered).
    pub received: usize,
    /// Opinions asked of it (withdrawn-before-opinion excluded).
    pub requested: usize,
    pub on_time: usize,
    pub late: usize,
    /// Still not given, case handling, ≥1 working day past due: `overdue` rows of kind
    /// `opinion` for this department.
    pub overdue: usize,
    pub pending: usize,
    pub unanswered: usize,
    pub withdrawn: usize,
    /// `on_time / (on_time + late + overdue)`: of the opinions whose timeliness is settled.
    pub on_time_rate: Option<f64>,
    pub median_days_to_opinion: Option<f64>,
    /// Every open obligation it owes that is late (opinions, and for the receiving
    /// department classification, reply and archive; dispatch for `gov`): `overdue --dept`.
    pub late_obligations: usize,
    /// Cases on which it was referred to the discipline commission.
    pub discipline: usize,
    /// Online public-opinion incidents (舆情) on cases it received (五（四）: 引发舆情).
    pub opinion_incidents: usize,
    /// The longest an opinion (a referral's report back) took past its due date, in
    /// working days: given late, or still outstanding on `as_of`.
    pub max_days_late: Option<u32>,
    /// Opinions entered from a paper ledger (补录) by `import`: counted apart, in neither
    /// `on_time` nor `late`, the rate or the median.
    pub imported: usize,
    /// Work errors (工作差错): corrections its operators made to the cases, and cases it
    /// registered by mistake and voided.
    pub corrections: usize,
    pub voided: usize,
}

/// Replies or archives: how many, how many in time, and how long from registration.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct StepStats {
    pub count: usize,
    pub on_time: usize,
    pub late: usize,
    /// Working days from registration, median.
    pub median_days: Option<f64>,
    /// Of `count`, those entered from a paper ledger (补录): in neither `on_time` nor
    /// `late`, nor the median.
    pub imported: usize,
}

/// Whether a case's event at `at` comes from the paper ledger it was imported from (补录):
/// it happened before the import, so its timeliness is the paper's, not the tool's.
fn from_paper(case: &Case, at: &Time) -> bool {
    case.imported.as_ref().is_some_and(|i| *at <= i.at)
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Outcomes {
    pub accepted: usize,
    pub objected: usize,
    /// Objections by the remedy the payer chose (every remedy listed, zeros included).
    pub objected_by_remedy: BTreeMap<&'static str, usize>,
}

/// Open obligations past due on `as_of`, by kind; `total` equals the rows of `overdue`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LateCounts {
    pub total: usize,
    pub classify: usize,
    pub opinion: usize,
    pub dispatch: usize,
    /// The leader's decisions (owed by `leading-group`).
    pub approval: usize,
    pub reply: usize,
    /// A referral's feedback to the receiving department.
    pub feedback: usize,
    pub archive: usize,
}

impl LateCounts {
    fn slot(&mut self, kind: ObligationKind) -> &mut usize {
        match kind {
            ObligationKind::Classify => &mut self.classify,
            ObligationKind::Opinion => &mut self.opinion,
            ObligationKind::Dispatch => &mut self.dispatch,
            ObligationKind::Approval => &mut self.approval,
            ObligationKind::Reply => &mut self.reply,
            ObligationKind::Feedback => &mut self.feedback,
            ObligationKind::Archive => &mut self.archive,
        }
    }

    fn add(&mut self, kind: ObligationKind) {
        self.total += 1;
        *self.slot(kind) += 1;
    }

    /// (kind, count) in the order of the workflow.
    pub fn by_kind(&self) -> Vec<(ObligationKind, usize)> {
        let mut copy = self.clone();
        ObligationKind::ALL
            .iter()
            .map(|k| (*k, *copy.slot(*k)))
            .collect()
    }
}

/// The leader's decisions on reports to the leading group: how many, how fast. A decision
/// is judged against its own time limit (`deadlines.approval`, rules edition 2), so a slow
/// decision counts against the leader, not the receiving department.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ApprovalStats {
    /// Reports decided (approved or not).
    pub decided: usize,
    /// Decided no later than the time limit (reports without one count as on time).
    pub on_time: usize,
    /// Decided at least one working day after the time limit.
    pub late: usize,
    /// Reports still waiting for the leader.
    pub pending: usize,
    /// Working days from the report to the decision: median and longest.
    pub median_days: Option<f64>,
    pub max_days: Option<u32>,
}

/// Case-level counts of one group (a category, a month, a track, a receiving department).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GroupStats {
    pub key: String,
    pub label: String,
    pub cases: usize,
    /// Not archived or redirected.
    pub open: usize,
    /// With a written reply (archived ones included).
    pub replied: usize,
    pub archived: usize,
    /// With at least one open obligation past due on `as_of`.
    pub late: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub as_of: NaiveDate,
    pub year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    pub cases: usize,
    /// Cases by status code, every status listed.
    pub by_status: BTreeMap<&'static str, usize>,
    pub departments: Vec<DeptStats>,
    pub late_obligations: LateCounts,
    pub reply: StepStats,
    pub archive: StepStats,
    pub approval: ApprovalStats,
    pub outcomes: Outcomes,
    /// Cases with at least one referral to the discipline commission, and the referrals.
    pub discipline_cases: usize,
    pub discipline_referrals: usize,
    /// Online public-opinion incidents flagged by the cyberspace office, and how many have
    /// their response recorded.
    pub opinion_incidents: usize,
    pub opinion_incidents_answered: usize,
    /// Leads the petition bureau passed to competent departments.
    pub petition_leads: usize,
    pub by: GroupBy,
    pub groups: Vec<GroupStats>,
}

/// One action as git recorded it: the department of the operator who did it, when it
/// happened (the commit's `At`) and when its commit was made.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordedAction {
    pub dept: String,
    pub at: Time,
    pub committed: Time,
}

/// One department's actions that happened in the period, and how many of them were
/// recorded more than one working day after they happened (`--at` set back).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RecordingStats {
    pub dept: String,
    pub actions: usize,
    pub recorded_late: usize,
}

/// Per department of `book`, in its order (those with no action in the period left out):
/// the actions whose `At` falls in the period of `filter` (year and month, China time), and
/// those committed more than one working day after their `At`.
pub fn recording(
    actions: &[RecordedAction],
    filter: &Filter,
    book: &Casebook,
    cal: &Calendar,
) -> Vec<RecordingStats> {
    let mut by_dept: BTreeMap<&str, RecordingStats> = BTreeMap::new();
    for a in actions {
        let happened = local_date(&a.at);
        if filter.year.is_some_and(|y| happened.year() != y)
            || filter.month.is_some_and(|m| happened.month() != m)
        {
            continue;
        }
        let row = by_dept
            .entry(a.dept.as_str())
            .or_insert_with(|| RecordingStats {
                dept: a.dept.clone(),
                ..Default::default()
            });
        row.actions += 1;
        if cal.working_days_between(happened, local_date(&a.committed)) > 1 {
            row.recorded_late += 1;
        }
    }
    let mut out = vec![];
    for d in &book.departments {
        if let Some(row) = by_dept.remove(d.code.as_str()) {
            out.push(row);
        }
    }
    // Departments no longer in the casebook, after the others.
    out.extend(by_dept.into_values());
    out
}

/// The median of whole numbers (the mean of the middle two for an even count).
pub fn median(values: &mut [u32]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2] as f64
    } else {
        (values[n / 2 - 1] as f64 + values[n / 2] as f64) / 2.0
    })
}

fn rate(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// The statistics of the cases `filter` selects, judged on `as_of`.
pub fn stats(
    cases: &[Case],
    filter: Filter,
    book: &Casebook,
    cal: &Calendar,
    as_of: NaiveDate,
    by: GroupBy,
) -> Stats {
    let voided: Vec<&Case> = cases
        .iter()
        .filter(|c| {
            filter.status.is_none()
                && Filter {
                    status: Some(Status::Voided),
                    ..filter
                }
                .matches(c)
        })
        .collect();
    let cases: Vec<&Case> = cases.iter().filter(|c| filter.matches(c)).collect();

    // Voided cases are in no statistic.
    let mut by_status: BTreeMap<&'static str, usize> = Status::ALL
        .iter()
        .filter(|s| **s != Status::Voided)
        .map(|s| (s.code(), 0))
        .collect();
    // Members in casebook order, then any other department a case names.
    let mut order: Vec<String> = book.member_codes();
    let mut depts: BTreeMap<String, (DeptStats, Vec<u32>)> = BTreeMap::new();
    let mut late_counts = LateCounts::default();
    let (mut reply, mut archive) = (StepStats::default(), StepStats::default());
    let (mut reply_days, mut archive_days) = (vec![], vec![]);
    let mut approval = ApprovalStats::default();
    let mut approval_days: Vec<u32> = vec![];
    let mut outcomes = Outcomes {
        objected_by_remedy: Remedy::ALL.iter().map(|r| (r.code(), 0)).collect(),
        ..Outcomes::default()
    };
    let (mut discipline_cases, mut discipline_referrals) = (0, 0);
    let (mut opinion_incidents, mut opinion_incidents_answered, mut petition_leads) = (0, 0, 0);
    let mut groups: Vec<GroupStats> = vec![];

    // Work errors: a case registered by mistake counts for its receiving department, a
    // correction (below) for the department of the operator who made it.
    for case in &voided {
        dept_entry(&mut order, &mut depts, &case.receiving_dept)
            .0
            .voided += 1;
    }
    for case in &cases {
        *by_status.entry(case.status.code()).or_default() += 1;
        for c in &case.corrections {
            if let Some(op) = book.operator(&c.by) {
                dept_entry(&mut order, &mut depts, &op.dept).0.corrections += 1;
            }
        }
        let late = late_obligations(case, as_of, cal);
        dept_entry(&mut order, &mut depts, &case.receiving_dept)
            .0
            .received += 1;
        for l in &late {
            late_counts.add(l.what);
            dept_entry(&mut order, &mut depts, &l.dept)
                .0
                .late_obligations += 1;
        }
        for r in dept_requests(case, &late, cal) {
            if r.opinion_at.is_some_and(|at| from_paper(case, &at)) {
                let (s, _) = dept_entry(&mut order, &mut depts, &r.dept);
                s.requested += 1;
                s.imported += 1;
                continue;
            }
            let days_late = match (r.state, r.opinion_at) {
                (OpinionState::Late, Some(at)) => {
                    Some(cal.working_days_between(r.due, local_date(&at)))
                }
                (OpinionState::Overdue, _) => Some(cal.working_days_between(r.due, as_of)),
                _ => None,
            };
            let (s, days) = dept_entry(&mut order, &mut depts, &r.dept);
            s.max_days_late = s.max_days_late.max(days_late);
            if r.state.is_requested() {
                s.requested += 1;
            }
            match r.state {
                OpinionState::OnTime => s.on_time += 1,
                OpinionState::Late => s.late += 1,
                OpinionState::Overdue => s.overdue += 1,
                OpinionState::Pending => s.pending += 1,
                OpinionState::Unanswered => s.unanswered += 1,
                OpinionState::Withdrawn => s.withdrawn += 1,
            }
            days.extend(r.days_to_opinion);
        }
        let mut referred: Vec<&str> = case.discipline.iter().map(|d| d.dept.as_str()).collect();
        referred.sort_unstable();
        referred.dedup();
        for d in &referred {
            dept_entry(&mut order, &mut depts, d).0.discipline += 1;
        }
        if !case.discipline.is_empty() {
            discipline_cases += 1;
            discipline_referrals += case.discipline.len();
        }
        if !case.public_opinion.is_empty() {
            dept_entry(&mut order, &mut depts, &case.receiving_dept)
                .0
                .opinion_incidents += case.public_opinion.len();
            opinion_incidents += case.public_opinion.len();
            opinion_incidents_answered += case
                .public_opinion
                .iter()
                .filter(|o| o.response.is_some())
                .count();
        }
        petition_leads += case.leads.len();

        if let Some(a) = &case.approval {
            match a.decided_at {
                Some(decided) => {
                    let day = local_date(&decided);
                    approval.decided += 1;
                    match case.due.approval {
                        Some(due) if cal.working_days_between(due, day) > 0 => approval.late += 1,
                        _ => approval.on_time += 1,
                    }
                    approval_days.push(cal.working_days_between(local_date(&a.requested_at), day));
                }
                None => approval.pending += 1,
            }
        }
        let received = local_date(&case.received_at);
        if let Some(r) = &case.reply {
            reply.count += 1;
            if from_paper(case, &r.at) {
                reply.imported += 1;
            } else {
                let day = local_date(&r.at);
                match case.due.reply {
                    Some(due) if cal.working_days_between(due, day) > 0 => reply.late += 1,
                    _ => reply.on_time += 1,
                }
                reply_days.push(cal.working_days_between(received, day));
            }
        }
        if let Some(a) = &case.archive {
            let day = local_date(&a.at);
            archive.count += 1;
            if from_paper(case, &a.at) {
                archive.imported += 1;
            } else {
                match case.due.archive {
                    Some(due) if cal.working_days_between(due, day) > 0 => archive.late += 1,
                    _ => archive.on_time += 1,
                }
                archive_days.push(cal.working_days_between(received, day));
            }
            match (a.outcome, a.remedy) {
                (Outcome::Accepted, _) => outcomes.accepted += 1,
                (Outcome::Objected, remedy) => {
                    outcomes.objected += 1;
                    if let Some(r) = remedy {
                        *outcomes.objected_by_remedy.entry(r.code()).or_default() += 1;
                    }
                }
            }
        }

        let (key, label) = group_key(case, book, by);
        let g = match groups.iter_mut().position(|g| g.key == key) {
            Some(i) => &mut groups[i],
            None => {
                groups.push(GroupStats {
                    key,
                    label,
                    ..GroupStats::default()
                });
                groups.last_mut().expect("just pushed")
            }
        };
        g.cases += 1;
        g.open += usize::from(case.status.is_open());
        g.replied += usize::from(case.reply.is_some());
        g.archived += usize::from(case.status == Status::Archived);
        g.late += usize::from(!late.is_empty());
    }

    reply.median_days = median(&mut reply_days);
    approval.max_days = approval_days.iter().copied().max();
    approval.median_days = median(&mut approval_days);
    archive.median_days = median(&mut archive_days);
    let departments = order
        .iter()
        .map(|code| {
            let (mut s, mut days) = depts.remove(code).unwrap_or_else(|| {
                (
                    DeptStats {
                        dept: code.clone(),
                        ..DeptStats::default()
                    },
                    vec![],
                )
            });
            s.on_time_rate = rate(s.on_time, s.on_time + s.late + s.overdue);
            s.median_days_to_opinion = median(&mut days);
            s
        })
        .collect();
    sort_groups(&mut groups, book, by);

    Stats {
        as_of,
        year: filter.year,
        month: filter.month,
        cases: cases.len(),
        by_status,
        departments,
        late_obligations: late_counts,
        reply,
        archive,
        approval,
        outcomes,
        discipline_cases,
        discipline_referrals,
        opinion_incidents,
        opinion_incidents_answered,
        petition_leads,
        by,
        groups,
    }
}

/// A department's running counts (and its days to opinion), created on first mention; a
/// department outside the casebook's members joins the end of `order`.
fn dept_entry<'a>(
    order: &mut Vec<String>,
    depts: &'a mut BTreeMap<String, (DeptStats, Vec<u32>)>,
    code: &str,
) -> &'a mut (DeptStats, Vec<u32>) {
    if !order.iter().any(|c| c == code) {
        order.push(code.to_string());
    }
    depts.entry(code.to_string()).or_insert_with(|| {
        (
            DeptStats {
                dept: code.to_string(),
                ..DeptStats::default()
            },
            vec![],
        )
    })
}

/// The group a case falls in: a key for scripts and a label for people.
fn group_key(case: &Case, book: &Casebook, by: GroupBy) -> (String, String) {
    const NONE_KEY: &str = "none";
    match by {
        GroupBy::Dept => (
            case.receiving_dept.clone(),
            book.dept_short(&case.receiving_dept).to_string(),
        ),
        GroupBy::Category => match case.category {
            Some(c) => (c.to_string(), format!("{c} {}", text::category(c))),
            None => (NONE_KEY.into(), t!("ledger-unclassified")),
        },
        GroupBy::Month => {
            let m = local_date(&case.received_at).format("%Y-%m").to_string();
            (m.clone(), m)
        }
        GroupBy::Track => match case.track {
            Some(t) => (t.code().into(), t.label().into()),
            None => (NONE_KEY.into(), t!("ledger-unclassified")),
        },
    }
}

fn sort_groups(groups: &mut [GroupStats], book: &Casebook, by: GroupBy) {
    let members = book.member_codes();
    groups.sort_by_cached_key(|g| -> (usize, u32, String) {
        match by {
            GroupBy::Dept => (
                members
                    .iter()
                    .position(|c| *c == g.key)
                    .unwrap_or(members.len()),
                0,
                g.key.clone(),
            ),
            GroupBy::Category => (0, g.key.parse().unwrap_or(u32::MAX), String::new()),
            GroupBy::Month => (0, 0, g.key.clone()),
            GroupBy::Track => (
                0,
                Track::from_code(&g.key)
                    .and_then(|t| Track::ALL.iter().position(|x| *x == t))
                    .map(|i| i as u32)
                    .unwrap_or(u32::MAX),
                String::new(),
            ),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::casebook::{Operator, Role};
    use crate::workflow::{self, Command, Ctx, NewCase};

    fn op(id: &str, dept: &str, roles: &[Role]) -> Operator {
        Operator {
            id: id.into(),
            name: id.into(),
            email: format!("{id}@example.org"),
            dept: dept.into(),
            roles: roles.to_vec(),
            active: true,
            phone: Some("0359-3012345".into()),
            keys: vec![],
        }
    }

    fn book() -> Casebook {
        let mut b = Casebook::new("芮城县", op("admin", "tax", &[Role::Admin, Role::Receiver]));
        b.operators.push(op("lisi", "hrss", &[Role::Handler]));
        b.operators.push(op("zhaoliu", "medical", &[Role::Handler]));
        b.operators.push(op("qianqi", "finance", &[Role::Handler]));
        b
    }

    fn t(s: &str) -> Time {
        crate::calendar::parse_time(s).unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        crate::calendar::parse_date(s).unwrap()
    }

    /// Drive a case through the workflow: `steps` are (operator, time, command).
    fn case(seq: u32, at: &str, steps: Vec<(&str, &str, Command)>) -> Case {
        let book = book();
        let cal = book.calendar();
        let now = t("2026-12-31 18:00");
        let admin = book.operator("admin").unwrap();
        let ctx = Ctx {
            book: &book,
            cal: &cal,
            actor: admin,
            at: t(at),
            now,
        };
        let new = NewCase {
            counterparty: None,
            payer: crate::case::Payer {
                kind: PayerKind::Employer,
                name: "芮城县恒达建材有限公司".into(),
                id_code: Some("91140830MA0K123456".into()),
                contact: Some("王小明".into()),
                phone: "13812340000".into(),
                sealed: None,
            },
            title: None,
            summary: "对缴费基数核定有异议".into(),
            district: "古魏镇".into(),
            channel: Channel::Visit,
            category: None,
            insurance: vec![],
        };
        let mut c = workflow::register(&CaseId::new("tax", 2026, seq), new, &ctx).unwrap();
        for (who, at, cmd) in steps {
            let ctx = Ctx {
                book: &book,
                cal: &cal,
                actor: book.operator(who).unwrap(),
                at: t(at),
                now,
            };
            c = workflow::apply(&c, &cmd, &ctx).unwrap();
        }
        c
    }

    #[test]
    fn actions_recorded_more_than_one_working_day_late_are_counted_per_department() {
        let book = book();
        let cal = book.calendar();
        let rec = |dept: &str, at: &str, committed: &str| RecordedAction {
            dept: dept.into(),
            at: t(at),
            committed: t(committed),
        };
        let actions = vec![
            // Same day, next working day: in time.
            rec("hrss", "2026-11-23 09:00", "2026-11-23 17:00"),
            rec("hrss", "2026-11-23 09:00", "2026-11-24 09:00"),
            // Friday to Monday is one working day; to Tuesday two.
            rec("hrss", "2026-11-20 16:00", "2026-11-23 10:00"),
            rec("hrss", "2026-11-20 16:00", "2026-11-24 10:00"),
            rec("tax", "2026-11-02 09:00", "2026-11-04 09:00"),
            // Another month and year.
            rec("tax", "2025-12-30 09:00", "2026-01-05 09:00"),
            rec("gone", "2026-11-02 09:00", "2026-11-02 09:00"),
        ];
        let all = recording(&actions, &Filter::default(), &book, &cal);
        let row = |rows: &[RecordingStats], dept: &str| {
            rows.iter()
                .find(|r| r.dept == dept)
                .map(|r| (r.actions, r.recorded_late))
        };
        assert_eq!(row(&all, "hrss"), Some((4, 1)));
        assert_eq!(row(&all, "tax"), Some((2, 2)));
        assert_eq!(
            all.last().map(|r| r.dept.as_str()),
            Some("gone"),
            "unknown last"
        );
        let tax_first = all.iter().position(|r| r.dept == "tax");
        let hrss = all.iter().position(|r| r.dept == "hrss");
        assert!(tax_first < hrss, "in the casebook's order: {all:?}");
        let november = Filter {
            year: Some(2026),
            month: Some(11),
            status: None,
        };
        let nov = recording(&actions, &november, &book, &cal);
        assert_eq!(row(&nov, "tax"), Some((1, 1)));
        assert_eq!(row(&nov, "medical"), None, "no action, no row");
    }

    fn classify(track: Track, category: u8) -> Command {
        Command::Classify {
            track,
            category: Some(category),
            insurance: vec![],
            note: None,
        }
    }

    fn assign(depts: &[&str]) -> Command {
        Command::Assign {
            depts: depts.iter().map(|s| s.to_string()).collect(),
            due: None,
            hotline_ticket: None,
        }
    }

    fn opinion(dept: &str, text: &str) -> Command {
        Command::Opinion {
            dept: dept.into(),
            text: text.into(),
        }
    }

    /// Assigned Tue 11-03 (due Tue 11-10): hrss on time, medical late (11-12), finance
    /// never (overdue by 11-27), justice withdrawn before writing; finance referred to
    /// discipline.
    fn general_case() -> Case {
        case(
            1,
            "2026-11-02 09:30",
            vec![
                ("admin", "2026-11-02 15:00", classify(Track::General, 5)),
                (
                    "admin",
                    "2026-11-03 09:00",
                    assign(&["hrss", "medical", "finance", "justice"]),
                ),
                ("lisi", "2026-11-05 10:00", opinion("hrss", "人社意见")),
                (
                    "admin",
                    "2026-11-06 10:00",
                    Command::Unassign {
                        dept: "justice".into(),
                        reason: "不涉及法律适用".into(),
                    },
                ),
                (
                    "zhaoliu",
                    "2026-11-12 10:00",
                    opinion("medical", "医保意见"),
                ),
                // rewritten after its due date: the first version counts
                (
                    "lisi",
                    "2026-11-20 10:00",
                    opinion("hrss", "人社意见（修改）"),
                ),
                (
                    "admin",
                    "2026-11-20 11:00",
                    Command::EscalateDiscipline {
                        dept: "finance".into(),
                        reason: "拒不出具书面意见".into(),
                    },
                ),
            ],
        )
    }

    fn own_archived(seq: u32, outcome: Outcome, remedy: Option<Remedy>) -> Case {
        case(
            seq,
            "2026-11-02 09:30",
            vec![
                ("admin", "2026-11-02 15:00", classify(Track::Own, 6)),
                (
                    "admin",
                    "2026-11-09 10:00",
                    Command::Reply {
                        text: "\n经核查，滞纳金计算无误。\n特此告知。".into(),
                        act_date: None,
                    },
                ),
                (
                    "admin",
                    "2026-11-10 09:00",
                    Command::Archive {
                        outcome,
                        remedy,
                        note: None,
                    },
                ),
            ],
        )
    }

    #[test]
    fn departments_once_each_with_what_they_did() {
        let book = book();
        let cal = book.calendar();
        let c = general_case();
        let as_of = d("2026-11-27");
        let late = late_obligations(&c, as_of, &cal);
        let reqs = dept_requests(&c, &late, &cal);
        let states: Vec<(&str, OpinionState)> =
            reqs.iter().map(|r| (r.dept.as_str(), r.state)).collect();
        assert_eq!(
            states,
            [
                ("hrss", OpinionState::OnTime),
                ("medical", OpinionState::Late),
                ("finance", OpinionState::Overdue),
                ("justice", OpinionState::Withdrawn),
            ]
        );
        assert_eq!(reqs[0].opinion_at, Some(t("2026-11-05 10:00")));
        assert_eq!(reqs[0].days_to_opinion, Some(2));
        assert_eq!(reqs[1].days_to_opinion, Some(7));
        // not late yet on the due date itself, nor on the days off after it
        let early = late_obligations(&c, d("2026-11-10"), &cal);
        assert_eq!(
            dept_requests(&c, &early, &cal)[2].state,
            OpinionState::Pending
        );
    }

    #[test]
    fn ledger_cells_follow_the_columns() {
        let book = book();
        let cal = book.calendar();
        let c = general_case();
        let row = ledger_row(&c, &book, &cal, d("2026-11-27"), false);
        assert!(row.overdue);
        assert_eq!(row.phone, "138****0000");
        assert_eq!(row.contact.as_deref(), Some("王**"));
        assert_eq!(row.discipline, ["finance"]);
        let cells = row.cells(&book);
        assert_eq!(cells.len(), COLUMNS.len());
        let by = |h: &str| {
            let i = COLUMNS.iter().position(|c| c.header() == h).unwrap();
            cells[i].clone()
        };
        assert_eq!(by("编号"), Cell::Text("TAX-2026-0001".into()));
        assert_eq!(
            by("受理时间").to_text(),
            "2026-11-02 09:30",
            "China time, to the minute"
        );
        assert_eq!(by("分类时限"), Cell::Date(d("2026-11-03")));
        assert_eq!(
            by("联办部门").to_text(),
            "县人社局、县医保局、县财政局、县司法局（已撤回）"
        );
        assert_eq!(
            by("书面意见时限与完成").to_text(),
            "县人社局 11-10/11-05；县医保局 11-10/11-12（逾期）；县财政局 11-10/待出具；县司法局 11-10/已撤回"
        );
        assert_eq!(by("是否超期").to_text(), "是");
        assert!(
            by("超期事项").to_text().contains("县财政局书面意见超期"),
            "{:?}",
            by("超期事项")
        );
        assert_eq!(
            by("争议类别").to_text(),
            "5 人社、医保核定的特殊缴费应征金额"
        );
        assert_eq!(by("纪委移交").to_text(), "县财政局");
        assert_eq!(by("回复完成"), Cell::Empty);

        let revealed = ledger_row(&c, &book, &cal, d("2026-11-27"), true);
        assert_eq!(revealed.phone, "13812340000");
        assert!(!revealed.masked);

        let done = own_archived(2, Outcome::Objected, Some(Remedy::Litigation));
        let row = ledger_row(&done, &book, &cal, d("2026-11-27"), false);
        assert!(!row.overdue);
        let cells = row.cells(&book);
        let i = |h: &str| COLUMNS.iter().position(|c| c.header() == h).unwrap();
        assert_eq!(cells[i("处理结果")].to_text(), "缴费人有异议");
        assert_eq!(cells[i("救济途径")].to_text(), "提起行政诉讼");
        assert_eq!(cells[i("分类完成")].to_text(), "2026-11-02 15:00");
        assert_eq!(cells[i("是否超期")].to_text(), "否");
    }

    #[test]
    fn replied_case_shows_the_first_line_of_the_reply() {
        let book = book();
        let cal = book.calendar();
        let mut c = own_archived(3, Outcome::Accepted, None);
        c.archive = None;
        c.status = Status::Replied;
        let row = ledger_row(&c, &book, &cal, d("2026-11-12"), false);
        assert_eq!(row.result.as_deref(), Some("经核查，滞纳金计算无误。"));
    }

    #[test]
    fn corrections_and_voided_registrations_are_work_errors_of_their_departments() {
        let book = book();
        let cal = book.calendar();
        let mut corrected = own_archived(2, Outcome::Accepted, None);
        for by in ["lisi", "lisi", "admin", "nobody"] {
            corrected.corrections.push(crate::case::Correction {
                at: t("2026-11-05 09:00"),
                by: by.into(),
                field: crate::case::CaseField::Summary,
                old: None,
                new: None,
                reason: "登记有误".into(),
            });
        }
        let mut voided = case(3, "2026-11-20 09:00", vec![]);
        voided.status = Status::Voided;
        let cases = vec![corrected, voided];
        let s = stats(
            &cases,
            Filter::default(),
            &book,
            &cal,
            d("2026-11-27"),
            GroupBy::Dept,
        );
        let dept = |code: &str| s.departments.iter().find(|d| d.dept == code).cloned();
        assert_eq!(dept("hrss").map(|d| d.corrections), Some(2));
        let tax = dept("tax").unwrap();
        assert_eq!(
            (tax.corrections, tax.voided, tax.received),
            (1, 1, 1),
            "{tax:?}"
        );
        assert_eq!(s.cases, 1, "the voided case is in no other count");
        let other_year = Filter {
            year: Some(2025),
            month: None,
            status: None,
        };
        let s = stats(
            &cases,
            other_year,
            &book,
            &cal,
            d("2026-11-27"),
            GroupBy::Dept,
        );
        assert!(
            s.departments
                .iter()
                .all(|d| d.voided == 0 && d.corrections == 0)
        );
    }

    #[test]
    fn history_from_a_paper_ledger_is_counted_apart_from_timeliness() {
        let book = book();
        let cal = book.calendar();
        let as_of = d("2026-11-27");
        let live = vec![general_case(), own_archived(2, Outcome::Accepted, None)];
        // The same cases, as an import would bring them in after they happened.
        let paper: Vec<Case> = live
            .iter()
            .map(|c| {
                let mut c = c.clone();
                c.imported = Some(crate::case::Imported {
                    by: "admin".into(),
                    at: t("2026-11-25 09:00"),
                });
                c
            })
            .collect();
        let timed = stats(&live, Filter::default(), &book, &cal, as_of, GroupBy::Dept);
        let apart = stats(&paper, Filter::default(), &book, &cal, as_of, GroupBy::Dept);
        let dept = |s: &Stats, code: &str| s.departments.iter().find(|d| d.dept == code).cloned();
        for code in ["hrss", "medical"] {
            let (t, a) = (dept(&timed, code).unwrap(), dept(&apart, code).unwrap());
            assert_eq!(t.imported, 0);
            assert_eq!(t.on_time + t.late, 1, "{code} gave one opinion: {t:?}");
            assert_eq!((a.on_time, a.late, a.imported), (0, 0, 1), "{code}: {a:?}");
            assert_eq!(a.requested, t.requested, "still asked");
            assert_eq!(a.on_time_rate, None, "no timed opinion: {a:?}");
        }
        // finance never answered: still overdue, imported or not.
        assert_eq!(dept(&apart, "finance").unwrap().overdue, 1);
        assert_eq!((timed.reply.count, timed.reply.imported), (1, 0));
        assert_eq!(timed.reply.on_time + timed.reply.late, 1);
        assert_eq!(
            (
                apart.reply.count,
                apart.reply.imported,
                apart.reply.on_time,
                apart.reply.late
            ),
            (1, 1, 0, 0)
        );
        assert_eq!(apart.reply.median_days, None);
        assert_eq!((apart.archive.count, apart.archive.imported), (1, 1));
        // An event after the import is the tool's own, and timed.
        let mut later = paper[0].clone();
        later.imported = Some(crate::case::Imported {
            by: "admin".into(),
            at: t("2026-11-04 09:00"),
        });
        let s = stats(
            &[later],
            Filter::default(),
            &book,
            &cal,
            as_of,
            GroupBy::Dept,
        );
        let hrss = dept(&s, "hrss").unwrap();
        assert_eq!(hrss.imported, 0, "given after the import: {hrss:?}");
    }

    #[test]
    fn stats_agree_with_the_overdue_rule() {
        let book = book();
        let cal = book.calendar();
        let cases = vec![
            general_case(),
            own_archived(2, Outcome::Accepted, None),
            own_archived(3, Outcome::Objected, Some(Remedy::Reconsideration)),
            case(4, "2026-11-20 09:00", vec![]),
        ];
        let as_of = d("2026-11-27");
        let s = stats(&cases, Filter::default(), &book, &cal, as_of, GroupBy::Dept);
        assert_eq!(s.cases, 4);
        assert_eq!(s.by_status["archived"], 2);
        assert_eq!(s.by_status["handling"], 1);
        assert_eq!(s.by_status["registered"], 1);
        assert_eq!(s.by_status["redirected"], 0);

        let late: Vec<LateRow> = cases
            .iter()
            .flat_map(|c| late_obligations(c, as_of, &cal))
            .collect();
        assert_eq!(s.late_obligations.total, late.len());
        let dept = |code: &str| s.departments.iter().find(|d| d.dept == code).unwrap();
        for ds in &s.departments {
            let rows = late
                .iter()
                .filter(|l| l.dept == ds.dept && l.what == ObligationKind::Opinion)
                .count();
            assert_eq!(ds.overdue, rows, "{}", ds.dept);
            assert_eq!(
                ds.late_obligations,
                late.iter().filter(|l| l.dept == ds.dept).count()
            );
        }
        assert_eq!(
            s.departments
                .iter()
                .map(|d| d.dept.as_str())
                .collect::<Vec<_>>(),
            book.member_codes()
        );
        let hrss = dept("hrss");
        assert_eq!((hrss.requested, hrss.on_time, hrss.late), (1, 1, 0));
        assert_eq!(hrss.on_time_rate, Some(1.0));
        assert_eq!(hrss.median_days_to_opinion, Some(2.0));
        let medical = dept("medical");
        assert_eq!((medical.requested, medical.late), (1, 1));
        assert_eq!(medical.on_time_rate, Some(0.0));
        let finance = dept("finance");
        assert_eq!((finance.requested, finance.overdue), (1, 1));
        assert_eq!(finance.discipline, 1);
        assert_eq!(finance.median_days_to_opinion, None);
        let justice = dept("justice");
        assert_eq!((justice.requested, justice.withdrawn), (0, 1));
        assert_eq!(justice.on_time_rate, None);
        assert_eq!(dept("tax").received, 4);

        assert_eq!(s.reply.count, 2);
        assert_eq!(s.reply.median_days, Some(5.0));
        assert_eq!(s.archive.count, 2);
        assert_eq!(s.archive.median_days, Some(6.0));
        assert_eq!(s.outcomes.accepted, 1);
        assert_eq!(s.outcomes.objected, 1);
        assert_eq!(s.outcomes.objected_by_remedy["reconsideration"], 1);
        assert_eq!(s.outcomes.objected_by_remedy["litigation"], 0);
        assert_eq!((s.discipline_cases, s.discipline_referrals), (1, 1));
        assert_eq!(s.groups.len(), 1);
        assert_eq!(s.groups[0].cases, 4);
        assert_eq!(
            s.groups[0].late, 2,
            "the general case and the unclassified one"
        );
    }

    #[test]
    fn groups_and_filters() {
        let book = book();
        let cal = book.calendar();
        let cases = vec![
            general_case(),
            own_archived(2, Outcome::Accepted, None),
            case(3, "2026-10-20 09:00", vec![]),
        ];
        let as_of = d("2026-11-27");
        let s = stats(
            &cases,
            Filter::default(),
            &book,
            &cal,
            as_of,
            GroupBy::Category,
        );
        let keys: Vec<(&str, usize)> = s.groups.iter().map(|g| (g.key.as_str(), g.cases)).collect();
        assert_eq!(keys, [("5", 1), ("6", 1), ("none", 1)]);
        let s = stats(
            &cases,
            Filter::default(),
            &book,
            &cal,
            as_of,
            GroupBy::Month,
        );
        let keys: Vec<&str> = s.groups.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(keys, ["2026-10", "2026-11"]);
        let s = stats(
            &cases,
            Filter::default(),
            &book,
            &cal,
            as_of,
            GroupBy::Track,
        );
        let keys: Vec<&str> = s.groups.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(keys, ["own", "general", "none"]);

        let only = Filter {
            year: None,
            month: None,
            status: Some(Status::Archived),
        };
        let rows = ledger(&cases, only, &book, &cal, as_of, |_| false);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].id, "TAX-2026-0002");
        let none = Filter {
            year: Some(2025),
            month: None,
            status: None,
        };
        assert!(ledger(&cases, none, &book, &cal, as_of, |_| false).is_empty());
    }

    #[test]
    fn ledger_sorts_ids_numerically() {
        let book = book();
        let cal = book.calendar();
        let mut a = case(1, "2026-11-02 09:30", vec![]);
        let mut b = a.clone();
        a.id = "TAX-2026-10000".into();
        b.id = "TAX-2026-9999".into();
        let rows = ledger(
            &[a, b],
            Filter::default(),
            &book,
            &cal,
            d("2026-11-02"),
            |_| false,
        );
        assert_eq!(rows[0].id, "TAX-2026-9999");
    }

    #[test]
    fn every_column_has_a_distinct_heading_in_each_language() {
        for lang in dispute_i18n::Lang::ALL {
            let headings: Vec<String> = COLUMNS.iter().map(|c| c.header_in(lang)).collect();
            for (c, h) in COLUMNS.iter().zip(&headings) {
                assert_ne!(h, c.key, "{} has no heading in {lang:?}", c.key);
            }
            let mut unique = headings.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), headings.len(), "{headings:?}");
        }
        assert_eq!(COLUMNS[0].header_in(dispute_i18n::Lang::Zh), "编号");
        assert_eq!(COLUMNS[0].header_in(dispute_i18n::Lang::En), "Case ID");
    }

    #[test]
    fn medians() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [5]), Some(5.0));
        assert_eq!(median(&mut [9, 1, 4]), Some(4.0));
        assert_eq!(median(&mut [4, 1, 2, 9]), Some(3.0));
    }
}
