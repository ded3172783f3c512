//! `dispute stats`: counts for the leading group's accountability review (绩效考评).

use crate::case::{Remedy, Status};
use crate::casebook::Casebook;
use crate::error::Result;
use crate::ledger::{self, Filter, GroupBy, RecordedAction, RecordingStats, Stats};
use crate::protocol::Trailer;
use crate::output::new_table;
use crate::text::obligation_label;
use crate::text::{self, Label};
use crate::workflow::ObligationKind;
use dispute_i18n::{t, word};

use super::App;

/// 统计考评：案件状态、各部门书面意见时效、超期事项、回复与归档用时、处理结果、移交纪委
///
/// 各部门：请求意见数（不含出具前已撤回的指派）、按时出具、逾期出具（晚于期限至少一个工作日）、仍超期（未出具、案件办理中、超过期限至少一个工作日，与 dispute overdue 中该部门的书面意见条数一致）、待出具、未出具即结案、按时率（按时 ÷（按时 + 逾期 + 仍超期））、指派到出具的工作日中位数、该部门全部超期事项、被移交纪委监委的案件数。意见以首次出具的时间为准。
///
/// --as-of 只决定以哪一天判断“仍超期”，不回溯案件当时的状态。--by 按受理部门、争议类别、受理月份或事项类型分组列出案件数、未结、已书面回复、已归档、有超期事项的案件数。
///
/// 从纸质台账导入（补录）的书面意见、回复和归档单列为“补录”，不计入按时、逾期、按时率和用时中位数。工作差错：该部门经办人对案件所作的更正（dispute correct）次数，以及该部门误登记后作废（dispute void）的案件数。
///
/// 最后一张表按 git 提交记录列出各部门在此期间（按办理时间）的办理操作数，以及晚于办理时间一个工作日以上才录入（提交）的操作数。
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 只统计此年度受理的案件
    #[arg(long)]
    pub year: Option<i32>,
    /// 只统计此月份受理的案件（1–12，与 --year 同用）
    #[arg(long, requires = "year", value_parser = clap::value_parser!(u32).range(1..=12))]
    pub month: Option<u32>,
    /// 分组方式
    #[arg(long, value_parser = super::args::code::<GroupBy>(), default_value = "dept")]
    pub by: GroupBy,
    /// 以此日期判断超期（YYYY-MM-DD），默认今天
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// 以 JSON 输出
    #[arg(long)]
    pub json: bool,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let as_of = app.as_of(args.as_of.as_deref())?;
    let store = app.store()?;
    let book = store.casebook()?;
    let cal = book.calendar();
    let (cases, bad) = store.cases(args.year)?;
    let filter = Filter {
        year: args.year,
        month: args.month,
        status: None,
    };
    let stats = ledger::stats(&cases, filter, &book, &cal, as_of, args.by);
    let recorded = recorded_actions(&store, &book)?;
    let recording = ledger::recording(&recorded, &filter, &book, &cal);
    if args.json {
        app.ui.json(&StatsOut {
            stats: &stats,
            recording: &recording,
        })?;
    } else {
        render(app, &book, &stats)?;
        render_recording(app, &book, &recording)?;
    }
    super::list::report_bad(app, bad)
}

/// Each action's department, when it happened and when it was committed, from the commits
/// of HEAD's history (for the table of late recording, here and in `report`).
pub(super) fn recorded_actions(
    store: &crate::store::Store,
    book: &Casebook,
) -> Result<Vec<RecordedAction>> {
    Ok(store
        .commits()?
        .into_iter()
        .filter_map(|c| {
            let trailers = &c.message.trailers;
            trailers.get(Trailer::Action)?;
            let dept = book.operator(trailers.get(Trailer::Operator)?)?.dept.clone();
            Some(RecordedAction {
                dept,
                at: trailers.at()?,
                committed: c.time,
            })
        })
        .collect())
}

/// The statistics as JSON: those of the cases, and how timely each department recorded its
/// actions.
#[derive(serde::Serialize)]
struct StatsOut<'a> {
    #[serde(flatten)]
    stats: &'a Stats,
    recording: &'a [RecordingStats],
}

/// Per department: actions that happened in the period, and those recorded (committed)
/// more than one working day after they happened.
fn render_recording(app: &mut App, book: &Casebook, rows: &[RecordingStats]) -> Result<()> {
    let mut t = new_table(&[
        word("stats-col-dept"),
        word("stats-col-actions"),
        word("stats-col-recorded-late"),
    ]);
    for r in rows {
        t.add_row(vec![
            book.dept_short(&r.dept).to_string(),
            count(r.actions),
            count(r.recorded_late),
        ]);
    }
    app.ui.table(t)
}

fn count(n: usize) -> String {
    n.to_string()
}

fn days(d: Option<f64>) -> String {
    d.map(|d| format!("{d:.1}"))
        .unwrap_or_else(|| text::NONE.into())
}

fn percent(r: Option<f64>) -> String {
    r.map(|r| format!("{:.1}%", r * 100.0))
        .unwrap_or_else(|| text::NONE.into())
}

fn render(app: &mut App, book: &Casebook, s: &Stats) -> Result<()> {
    let date = s.as_of.to_string();
    let summary = match (s.year, s.month) {
        (Some(y), Some(m)) => t!(
            "report-stats-summary-month",
            date = date,
            year = y,
            month = m,
            n = s.cases
        ),
        (Some(y), None) => t!("stats-summary-year", date = date, year = y, n = s.cases),
        (None, _) => t!("stats-summary-all", date = date, n = s.cases),
    };
    // The report's heading belongs to the report: `stats > 考评.txt` keeps it.
    app.ui.line(&summary)?;

    let mut t = new_table(&[word("stats-col-status"), word("stats-col-cases")]);
    for status in Status::ALL.iter().filter(|s| **s != Status::Voided) {
        t.add_row(vec![
            status.label().to_string(),
            count(s.by_status.get(status.code()).copied().unwrap_or(0)),
        ]);
    }
    t.add_row(vec![word("stats-total").to_string(), count(s.cases)]);
    app.ui.table(t)?;

    if s.by == GroupBy::Dept {
        let mut t = new_table(&[
            word("stats-col-dept"),
            word("stats-col-received"),
            word("stats-col-requested"),
            word("stats-col-on-time"),
            word("stats-col-late"),
            word("stats-col-overdue"),
            word("stats-col-pending"),
            word("stats-col-unanswered"),
            word("stats-col-on-time-rate"),
            word("stats-col-median-days-to-opinion"),
            word("stats-col-late-obligations"),
            word("stats-col-discipline"),
            word("rules-stats-col-max-days-late"),
            word("rules-stats-col-opinion-incidents"),
            word("stats-col-imported"),
            word("stats-col-corrections"),
            word("stats-col-voided"),
        ]);
        for d in &s.departments {
            t.add_row(vec![
                book.dept_short(&d.dept).to_string(),
                count(d.received),
                count(d.requested),
                count(d.on_time),
                count(d.late),
                count(d.overdue),
                count(d.pending),
                count(d.unanswered),
                percent(d.on_time_rate),
                days(d.median_days_to_opinion),
                count(d.late_obligations),
                count(d.discipline),
                d.max_days_late
                    .map(|n| n.to_string())
                    .unwrap_or_else(|| text::NONE.into()),
                count(d.opinion_incidents),
                count(d.imported),
                count(d.corrections),
                count(d.voided),
            ]);
        }
        app.ui.table(t)?;
    } else {
        let key = word(match s.by {
            GroupBy::Category => "stats-col-by-category",
            GroupBy::Month => "stats-col-by-month",
            GroupBy::Track => "stats-col-by-track",
            GroupBy::Dept => "stats-col-by-dept",
        });
        let mut t = new_table(&[
            key,
            word("stats-col-group-cases"),
            word("stats-col-group-open"),
            word("stats-col-group-replied"),
            word("stats-col-group-archived"),
            word("stats-col-group-late"),
        ]);
        for g in &s.groups {
            t.add_row(vec![
                g.label.clone(),
                count(g.cases),
                count(g.open),
                count(g.replied),
                count(g.archived),
                count(g.late),
            ]);
        }
        app.ui.table(t)?;
    }

    let mut t = new_table(&[word("stats-col-late-item"), word("stats-col-late-count")]);
    for (kind, n) in s.late_obligations.by_kind() {
        t.add_row(vec![obligation_label(kind).to_string(), count(n)]);
    }
    t.add_row(vec![
        word("stats-total").to_string(),
        count(s.late_obligations.total),
    ]);
    app.ui.table(t)?;

    let mut t = new_table(&[
        word("stats-col-step"),
        word("stats-col-cases"),
        word("stats-col-step-on-time"),
        word("stats-col-step-late"),
        word("stats-col-median-days-since-registration"),
        word("stats-col-imported"),
    ]);
    for (kind, step) in [
        (ObligationKind::Reply, &s.reply),
        (ObligationKind::Archive, &s.archive),
    ] {
        t.add_row(vec![
            obligation_label(kind).to_string(),
            count(step.count),
            count(step.on_time),
            count(step.late),
            days(step.median_days),
            count(step.imported),
        ]);
    }
    app.ui.table(t)?;

    let mut t = new_table(&[word("stats-col-outcome"), word("stats-col-cases")]);
    t.add_row(vec![
        crate::case::Outcome::Accepted.label().to_string(),
        count(s.outcomes.accepted),
    ]);
    t.add_row(vec![
        crate::case::Outcome::Objected.label().to_string(),
        count(s.outcomes.objected),
    ]);
    for r in Remedy::ALL {
        t.add_row(vec![
            t!("stats-of-which", remedy = r.label()),
            count(
                s.outcomes
                    .objected_by_remedy
                    .get(r.code())
                    .copied()
                    .unwrap_or(0),
            ),
        ]);
    }
    app.ui.table(t)?;

    let a = &s.approval;
    app.ui.line(&t!(
        "rules-stats-approval",
        decided = a.decided,
        on_time = a.on_time,
        late = a.late,
        pending = a.pending,
        median = days(a.median_days),
        max = a
            .max_days
            .map(|d| d.to_string())
            .unwrap_or_else(|| text::NONE.into())
    ))?;
    app.ui.line(&t!(
        "rules-stats-opinion",
        incidents = s.opinion_incidents,
        answered = s.opinion_incidents_answered,
        leads = s.petition_leads
    ))?;
    app.ui.line(&t!(
        "stats-discipline",
        cases = s.discipline_cases,
        referrals = s.discipline_referrals
    ))
}
