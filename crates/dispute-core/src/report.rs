//! The assessment report (绩效考评, regulation 五（四）) for the leading group: one
//! self-contained HTML page with inline SVG charts, printable on A4 and readable in a narrow
//! window. Pure code: cases, casebook, calendar and dates in, a string out.
//!
//! Every number on the page comes from [`crate::ledger::stats`], the figures of
//! `dispute stats --json`: the department figures from the statistics of the period
//! (`--year`, `--month`), each point of the monthly lines from the statistics of that month
//! (`stats --json --year Y --month M`). Each bar and point carries its number in
//! `data-value`, so a test reads them back and compares.

use chrono::{Datelike, NaiveDate};
use dispute_i18n::{Lang, t_in};
use serde::Serialize;

use crate::calendar::Calendar;
use crate::case::Case;
use crate::casebook::Casebook;
use crate::forms::{date_in, html_escape};
use crate::ledger::{self, DeptStats, Filter, GroupBy, RecordedAction, RecordingStats, Stats};
use crate::workflow::ObligationKind;

/// What the report shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub county: String,
    pub year: i32,
    pub month: Option<u32>,
    pub as_of: NaiveDate,
    /// The statistics of the period (by department).
    pub stats: Stats,
    /// The months of the year up to `as_of`, each with the statistics of that month.
    pub months: Vec<MonthPoint>,
    /// Per department, its actions in the period and those recorded late (as `stats`).
    pub recording: Vec<RecordingStats>,
}

/// One month of the year's lines.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthPoint {
    pub month: u32,
    /// Cases received in the month.
    pub cases: usize,
    /// Of them, replied to.
    pub replied: usize,
    /// Of them, with an obligation late on `as_of`.
    pub late: usize,
    /// The leader's decisions on reports of cases received that month.
    pub approvals: usize,
    /// Working days from report to decision, median.
    pub approval_median_days: Option<f64>,
}

/// The report of `year` (and `month`), judged on `as_of`; `recorded` are the actions of the
/// history, for the late recording of each department.
pub fn build(
    cases: &[Case],
    recorded: &[RecordedAction],
    book: &Casebook,
    cal: &Calendar,
    as_of: NaiveDate,
    year: i32,
    month: Option<u32>,
) -> Report {
    let filter = Filter {
        year: Some(year),
        month,
        status: None,
    };
    let stats = ledger::stats(cases, filter, book, cal, as_of, GroupBy::Dept);
    let recording = ledger::recording(recorded, &filter, book, cal);
    let last_month = match as_of.year().cmp(&year) {
        std::cmp::Ordering::Less => 0,
        std::cmp::Ordering::Equal => as_of.month(),
        std::cmp::Ordering::Greater => 12,
    };
    let months = (1..=last_month)
        .map(|m| {
            let s = ledger::stats(
                cases,
                Filter {
                    year: Some(year),
                    month: Some(m),
                    status: None,
                },
                book,
                cal,
                as_of,
                GroupBy::Dept,
            );
            MonthPoint {
                month: m,
                cases: s.cases,
                replied: s.reply.count,
                late: s.groups.iter().map(|g| g.late).sum(),
                approvals: s.approval.decided,
                approval_median_days: s.approval.median_days,
            }
        })
        .collect();
    Report {
        county: book.county.clone(),
        year,
        month,
        as_of,
        stats,
        months,
        recording,
    }
}

/// The departments the report lists: every member, and any other body that owes something
/// (the leading group for the leader's decisions).
fn shown<'a>(stats: &'a Stats, book: &Casebook) -> Vec<&'a DeptStats> {
    stats
        .departments
        .iter()
        .filter(|d| {
            book.department(&d.dept).is_some()
                || d.received + d.requested + d.late_obligations + d.discipline > 0
        })
        .collect()
}

/// A number with one decimal, without a trailing `.0`.
fn num(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// The value of a bar for `data-value`: the figure as `stats --json` has it, or empty.
fn data(x: Option<f64>) -> String {
    x.map(|v| v.to_string()).unwrap_or_default()
}

/// One horizontal bar chart: a row per department, label and value as HTML text (so they
/// stay readable when the window is narrow), the bar as inline SVG scaled to the row.
struct Bars<'a> {
    lang: Lang,
    id: &'a str,
    title: String,
    note: String,
    /// (dept code, label, series values); each series one bar of the row.
    rows: Vec<(String, String, Vec<Option<f64>>)>,
    /// (metric name for `data-metric`, legend, colour class) per series.
    series: Vec<(&'a str, String, &'a str)>,
    /// The largest value (the full width).
    max: f64,
    /// How a value is printed.
    fmt: fn(Lang, Option<f64>) -> String,
}

impl Bars<'_> {
    fn html(&self) -> String {
        let e = html_escape;
        let mut o = format!(
            "<section class=\"chart\" id=\"{}\">\n<h2>{}</h2>\n<p class=\"note\">{}</p>\n",
            self.id,
            e(&self.title),
            e(&self.note)
        );
        if self.series.len() > 1 {
            o.push_str("<p class=\"legend\">");
            for (_, legend, class) in &self.series {
                o.push_str(&format!(
                    "<span class=\"key {class}\"></span>{}<span class=\"gap\"></span>",
                    e(legend)
                ));
            }
            o.push_str("</p>\n");
        }
        let n = self.series.len() as f64;
        let height = 8.0 * n + 2.0 * (n - 1.0);
        for (code, label, values) in &self.rows {
            o.push_str(&format!(
                "<div class=\"bar-row\"><span class=\"label\">{}</span>",
                e(label)
            ));
            o.push_str(&format!(
                "<svg class=\"bar\" viewBox=\"0 0 100 {height}\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{}\">",
                e(label)
            ));
            for (i, ((metric, _, class), v)) in self.series.iter().zip(values).enumerate() {
                let y = i as f64 * 10.0;
                let w = match v {
                    Some(v) if self.max > 0.0 => (v / self.max * 100.0).clamp(0.0, 100.0),
                    _ => 0.0,
                };
                o.push_str(&format!(
                    "<rect class=\"track\" x=\"0\" y=\"{y}\" width=\"100\" height=\"8\"/>\
                     <rect class=\"{class}\" x=\"0\" y=\"{y}\" width=\"{w:.2}\" height=\"8\" \
                     data-chart=\"{}\" data-dept=\"{}\" data-metric=\"{metric}\" data-value=\"{}\"/>",
                    self.id,
                    e(code),
                    data(*v)
                ));
            }
            o.push_str("</svg><span class=\"value\">");
            let shown: Vec<String> = values.iter().map(|v| (self.fmt)(self.lang, *v)).collect();
            o.push_str(&e(&shown.join(" / ")));
            o.push_str("</span></div>\n");
        }
        o.push_str("</section>\n");
        o
    }
}

fn fmt_percent(lang: Lang, v: Option<f64>) -> String {
    match v {
        Some(v) => format!("{}%", num(v * 100.0)),
        None => t_in!(lang, "report-none"),
    }
}

fn fmt_days(lang: Lang, v: Option<f64>) -> String {
    match v {
        Some(v) => t_in!(lang, "report-days", n = num(v)),
        None => t_in!(lang, "report-none"),
    }
}

/// A number of days without its unit (the chart's note names it).
fn fmt_number(lang: Lang, v: Option<f64>) -> String {
    match v {
        Some(v) => num(v),
        None => t_in!(lang, "report-none"),
    }
}

fn fmt_count(_: Lang, v: Option<f64>) -> String {
    v.map(num).unwrap_or_else(|| "0".into())
}

/// One line chart over the months: a polyline per series, a labelled dot per point.
struct Lines<'a> {
    lang: Lang,
    id: &'a str,
    title: String,
    note: String,
    months: Vec<u32>,
    /// (metric name, legend, colour class, values per month)
    series: Vec<(&'a str, String, &'a str, Vec<Option<f64>>)>,
}

impl Lines<'_> {
    fn html(&self) -> String {
        const W: f64 = 420.0;
        const H: f64 = 200.0;
        const LEFT: f64 = 34.0;
        const RIGHT: f64 = 12.0;
        const TOP: f64 = 14.0;
        const BOTTOM: f64 = 28.0;
        let e = html_escape;
        let max = self
            .series
            .iter()
            .flat_map(|s| s.3.iter().flatten())
            .fold(0.0_f64, |a, b| a.max(*b));
        let top = nice_ceiling(max);
        let n = self.months.len().max(1);
        let x = |i: usize| {
            if n == 1 {
                LEFT + (W - LEFT - RIGHT) / 2.0
            } else {
                LEFT + (W - LEFT - RIGHT) * i as f64 / (n - 1) as f64
            }
        };
        let y = |v: f64| TOP + (H - TOP - BOTTOM) * (1.0 - v / top);
        let mut o = format!(
            "<section class=\"chart\" id=\"{}\">\n<h2>{}</h2>\n<p class=\"note\">{}</p>\n<p class=\"legend\">",
            self.id,
            e(&self.title),
            e(&self.note)
        );
        for (_, legend, class, _) in &self.series {
            o.push_str(&format!(
                "<span class=\"key {class}\"></span>{}<span class=\"gap\"></span>",
                e(legend)
            ));
        }
        o.push_str("</p>\n");
        o.push_str(&format!(
            "<svg class=\"lines\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{}\">\n",
            e(&self.title)
        ));
        // Grid: the steps of the scale, at round numbers.
        let steps = scale_steps(top);
        for k in 0..=steps {
            let v = top * k as f64 / steps as f64;
            let gy = y(v);
            o.push_str(&format!(
                "<line class=\"grid\" x1=\"{LEFT}\" y1=\"{gy:.1}\" x2=\"{:.1}\" y2=\"{gy:.1}\"/>\
                 <text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\n",
                W - RIGHT,
                LEFT - 4.0,
                gy + 4.0,
                num(v)
            ));
        }
        for (i, m) in self.months.iter().enumerate() {
            o.push_str(&format!(
                "<text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>\n",
                x(i),
                H - 8.0,
                e(&t_in!(self.lang, "report-month-tick", month = *m))
            ));
        }
        for (metric, _, class, values) in &self.series {
            let points: Vec<String> = values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| format!("{:.1},{:.1}", x(i), y(v))))
                .collect();
            o.push_str(&format!(
                "<polyline class=\"line {class}\" points=\"{}\"/>\n",
                points.join(" ")
            ));
            for (i, v) in values.iter().enumerate() {
                if let Some(v) = v {
                    o.push_str(&format!(
                        "<circle class=\"dot {class}\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" \
                         data-chart=\"{}\" data-month=\"{}\" data-metric=\"{metric}\" data-value=\"{v}\"/>\n",
                        x(i),
                        y(*v),
                        self.id,
                        self.months[i]
                    ));
                }
            }
        }
        o.push_str("</svg>\n</section>\n");
        o
    }
}

/// How many steps a scale topped at `top` (1, 2 or 5 × 10ⁿ) is divided in, so each step
/// is a round number: 1 → 0.5, 2 → 0.5, 5 → 1, 10 → 2.5, 20 → 5, 50 → 10.
fn scale_steps(top: f64) -> u32 {
    let lead = top / 10f64.powf(top.log10().floor());
    match lead.round() as u32 {
        1 if top <= 1.0 => 2,
        5 => 5,
        _ => 4,
    }
}

/// The smallest of 1, 2, 5 × 10ⁿ at or above `x` (at least 1): the top of a scale.
fn nice_ceiling(x: f64) -> f64 {
    if x <= 1.0 {
        return 1.0;
    }
    let mut step = 1.0;
    loop {
        for m in [1.0, 2.0, 5.0] {
            if m * step >= x {
                return m * step;
            }
        }
        step *= 10.0;
    }
}

/// The report as one self-contained HTML page.
pub fn html(r: &Report, book: &Casebook, lang: Lang) -> String {
    let e = html_escape;
    let s = &r.stats;
    let depts = shown(s, book);
    let dept_label = |code: &str| match lang {
        Lang::Zh => book.dept_short(code).to_string(),
        // Department names are data of the casebook (Chinese); the code helps English readers.
        Lang::En => format!("{} ({code})", book.dept_short(code)),
    };
    let period = match r.month {
        Some(m) => t_in!(lang, "report-period-month", year = r.year, month = m),
        None => t_in!(lang, "report-period-year", year = r.year),
    };
    let title = t_in!(
        lang,
        "report-title",
        county = r.county.as_str(),
        period = period.as_str()
    );
    let late_now: usize = s.late_obligations.total;
    let open: usize = s
        .by_status
        .iter()
        .filter(|(k, _)| !matches!(**k, "archived" | "redirected"))
        .map(|(_, v)| *v)
        .sum();

    let mut body = String::new();
    body.push_str(&format!(
        "<header>\n<h1>{}</h1>\n<p class=\"sub\">{}</p>\n</header>\n",
        e(&title),
        e(&t_in!(
            lang,
            "report-subtitle",
            date = date_in(lang, r.as_of),
            n = s.cases
        ))
    ));

    // Key figures.
    let tiles: Vec<(String, String, &str, String)> = vec![
        (
            t_in!(lang, "report-tile-cases"),
            s.cases.to_string(),
            "cases",
            s.cases.to_string(),
        ),
        (
            t_in!(lang, "report-tile-open"),
            open.to_string(),
            "open",
            open.to_string(),
        ),
        (
            t_in!(lang, "report-tile-overdue"),
            late_now.to_string(),
            "late_obligations.total",
            late_now.to_string(),
        ),
        (
            t_in!(lang, "report-tile-reply-on-time"),
            format!("{}/{}", s.reply.on_time, s.reply.count),
            "reply.on_time",
            s.reply.on_time.to_string(),
        ),
        (
            t_in!(lang, "report-tile-discipline"),
            s.discipline_referrals.to_string(),
            "discipline_referrals",
            s.discipline_referrals.to_string(),
        ),
        (
            t_in!(lang, "report-tile-opinion"),
            s.opinion_incidents.to_string(),
            "opinion_incidents",
            s.opinion_incidents.to_string(),
        ),
        (
            t_in!(lang, "report-tile-approval"),
            fmt_number(lang, s.approval.median_days),
            "approval.median_days",
            data(s.approval.median_days),
        ),
        (
            t_in!(lang, "report-tile-approval-late"),
            format!("{}/{}", s.approval.late, s.approval.decided),
            "approval.late",
            s.approval.late.to_string(),
        ),
    ];
    body.push_str("<section class=\"tiles\">\n");
    for (label, shown, key, value) in &tiles {
        body.push_str(&format!(
            "<div class=\"tile\"><span class=\"big\" data-key=\"{key}\" data-value=\"{value}\">{}</span><span class=\"what\">{}</span></div>\n",
            e(shown),
            e(label)
        ));
    }
    body.push_str("</section>\n");

    // The departments' own figures; the leading group owes only the leader's decisions,
    // which have a chart of their own and a row in the overdue chart.
    let departments: Vec<&&DeptStats> = depts
        .iter()
        .filter(|d| d.dept != crate::casebook::LEADING_GROUP)
        .collect();
    let rows =
        |f: &dyn Fn(&DeptStats) -> Vec<Option<f64>>| -> Vec<(String, String, Vec<Option<f64>>)> {
            departments
                .iter()
                .map(|d| (d.dept.clone(), dept_label(&d.dept), f(d)))
                .collect()
        };
    let all_rows =
        |f: &dyn Fn(&DeptStats) -> Vec<Option<f64>>| -> Vec<(String, String, Vec<Option<f64>>)> {
            depts
                .iter()
                .map(|d| (d.dept.clone(), dept_label(&d.dept), f(d)))
                .collect()
        };
    let on_time = Bars {
        lang,
        id: "on-time-rate",
        title: t_in!(lang, "report-chart-on-time"),
        note: t_in!(lang, "report-chart-on-time-note"),
        rows: rows(&|d| vec![d.on_time_rate]),
        series: vec![("on_time_rate", String::new(), "c-green")],
        max: 1.0,
        fmt: fmt_percent,
    };
    let delay_max = depts
        .iter()
        .flat_map(|d| [d.median_days_to_opinion, d.max_days_late.map(f64::from)])
        .flatten()
        .fold(0.0_f64, f64::max);
    let delays = Bars {
        lang,
        id: "delays",
        title: t_in!(lang, "report-chart-delays"),
        note: t_in!(lang, "report-chart-delays-note"),
        rows: rows(&|d| vec![d.median_days_to_opinion, d.max_days_late.map(f64::from)]),
        series: vec![
            (
                "median_days_to_opinion",
                t_in!(lang, "report-series-median"),
                "c-blue",
            ),
            ("max_days_late", t_in!(lang, "report-series-worst"), "c-red"),
        ],
        max: nice_ceiling(delay_max),
        fmt: fmt_number,
    };
    let count_max = depts
        .iter()
        .flat_map(|d| [d.late_obligations, d.discipline, d.opinion_incidents])
        .max()
        .unwrap_or(0) as f64;
    let overdue = Bars {
        lang,
        id: "overdue-now",
        title: t_in!(lang, "report-chart-overdue", date = date_in(lang, r.as_of)),
        note: t_in!(lang, "report-chart-overdue-note"),
        rows: all_rows(&|d| vec![Some(d.late_obligations as f64)]),
        series: vec![("late_obligations", String::new(), "c-orange")],
        max: nice_ceiling(count_max),
        fmt: fmt_count,
    };
    let accountability = Bars {
        lang,
        id: "accountability",
        title: t_in!(lang, "report-chart-accountability"),
        note: t_in!(lang, "report-chart-accountability-note"),
        rows: rows(&|d| vec![Some(d.discipline as f64), Some(d.opinion_incidents as f64)]),
        series: vec![
            (
                "discipline",
                t_in!(lang, "report-series-discipline"),
                "c-red",
            ),
            (
                "opinion_incidents",
                t_in!(lang, "report-series-opinion"),
                "c-purple",
            ),
        ],
        max: nice_ceiling(count_max),
        fmt: fmt_count,
    };
    body.push_str("<div class=\"grid\">\n");
    for chart in [&on_time, &delays, &overdue, &accountability] {
        body.push_str(&chart.html());
    }
    body.push_str("</div>\n");

    // The year by month, and the leader's decisions.
    let months: Vec<u32> = r.months.iter().map(|m| m.month).collect();
    if !months.is_empty() {
        let trend = Lines {
            lang,
            id: "by-month",
            title: t_in!(lang, "report-chart-months", year = r.year),
            note: t_in!(lang, "report-chart-months-note"),
            months: months.clone(),
            series: vec![
                (
                    "cases",
                    t_in!(lang, "report-series-received"),
                    "c-blue",
                    r.months.iter().map(|m| Some(m.cases as f64)).collect(),
                ),
                (
                    "replied",
                    t_in!(lang, "report-series-replied"),
                    "c-green",
                    r.months.iter().map(|m| Some(m.replied as f64)).collect(),
                ),
                (
                    "late",
                    t_in!(lang, "report-series-late"),
                    "c-orange",
                    r.months.iter().map(|m| Some(m.late as f64)).collect(),
                ),
            ],
        };
        let approvals = Lines {
            lang,
            id: "approval-days",
            title: t_in!(lang, "report-chart-approval", year = r.year),
            note: t_in!(
                lang,
                "report-chart-approval-note",
                limit = book.deadlines.approval
            ),
            months,
            series: vec![(
                "approval_median_days",
                t_in!(lang, "report-series-approval"),
                "c-purple",
                r.months.iter().map(|m| m.approval_median_days).collect(),
            )],
        };
        body.push_str("<div class=\"grid\">\n");
        body.push_str(&trend.html());
        body.push_str(&approvals.html());
        body.push_str("</div>\n");
    }

    // The table behind the charts.
    body.push_str(&format!(
        "<section class=\"table\">\n<h2>{}</h2>\n<div class=\"scroll\"><table>\n<thead><tr>",
        e(&t_in!(lang, "report-table-title"))
    ));
    for key in [
        "report-col-dept",
        "report-col-received",
        "report-col-requested",
        "report-col-on-time",
        "report-col-late",
        "report-col-overdue",
        "report-col-rate",
        "report-col-median",
        "report-col-worst",
        "report-col-late-now",
        "report-col-discipline",
        "report-col-opinion",
        "report-col-imported",
        "report-col-corrections",
        "report-col-voided",
        "report-col-recorded-late",
    ] {
        body.push_str(&format!("<th>{}</th>", e(&t_in!(lang, key))));
    }
    body.push_str("</tr></thead>\n<tbody>\n");
    for d in &depts {
        let cells = [
            d.received.to_string(),
            d.requested.to_string(),
            d.on_time.to_string(),
            d.late.to_string(),
            d.overdue.to_string(),
            fmt_percent(lang, d.on_time_rate),
            fmt_days(lang, d.median_days_to_opinion),
            fmt_days(lang, d.max_days_late.map(f64::from)),
            d.late_obligations.to_string(),
            d.discipline.to_string(),
            d.opinion_incidents.to_string(),
        ];
        body.push_str(&format!("<tr><th>{}</th>", e(&dept_label(&d.dept))));
        for c in cells {
            body.push_str(&format!("<td>{}</td>", e(&c)));
        }
        // Figures of the table alone, marked like the charts' so they can be checked.
        let recorded_late = r
            .recording
            .iter()
            .find(|x| x.dept == d.dept)
            .map_or(0, |x| x.recorded_late);
        for (metric, n) in [
            ("imported", d.imported),
            ("corrections", d.corrections),
            ("voided", d.voided),
            ("recorded_late", recorded_late),
        ] {
            body.push_str(&format!(
                "<td data-chart=\"table\" data-dept=\"{}\" data-metric=\"{metric}\" data-value=\"{n}\">{n}</td>",
                e(&d.dept)
            ));
        }
        body.push_str("</tr>\n");
    }
    body.push_str("</tbody>\n</table></div>\n");
    // Late obligations by kind: whose step is late.
    body.push_str(&format!(
        "<p class=\"note\">{}",
        e(&t_in!(lang, "report-late-by-kind"))
    ));
    let by_kind: Vec<String> = s
        .late_obligations
        .by_kind()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{} {n}", obligation_label_in(k, lang)))
        .collect();
    if by_kind.is_empty() {
        body.push_str(&e(&t_in!(lang, "report-none")));
    } else {
        body.push_str(&e(&by_kind.join(&t_in!(lang, "report-list-sep"))));
    }
    body.push_str("</p>\n");
    body.push_str(&format!(
        "<p class=\"note\">{}</p>\n</section>\n",
        e(&t_in!(
            lang,
            "report-approval-line",
            decided = s.approval.decided,
            on_time = s.approval.on_time,
            late = s.approval.late,
            pending = s.approval.pending,
            median = fmt_days(lang, s.approval.median_days),
            max = fmt_days(lang, s.approval.max_days.map(f64::from))
        ))
    ));
    body.push_str(&format!(
        "<footer>{}</footer>\n",
        e(&t_in!(lang, "report-footer", date = date_in(lang, r.as_of)))
    ));

    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        lang.tag(),
        e(&title)
    )
}

fn obligation_label_in(k: ObligationKind, lang: Lang) -> String {
    let key = match k {
        ObligationKind::Classify => "obligation-classify",
        ObligationKind::Opinion => "obligation-opinion",
        ObligationKind::Dispatch => "obligation-dispatch",
        ObligationKind::Approval => "obligation-approval",
        ObligationKind::Reply => "obligation-reply",
        ObligationKind::Feedback => "obligation-feedback",
        ObligationKind::Archive => "obligation-archive",
    };
    dispute_i18n::tr_in(lang, key, None)
}

const CSS: &str = r#"
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
html { background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0;
  color: #1d2330;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  font-size: 14px;
  line-height: 1.5;
}
main { max-width: 1000px; margin: 0 auto; padding: 20px 16px 28px; }
header { border-bottom: 3px solid #b3261e; margin-bottom: 14px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 15px; margin: 0 0 2px; }
.sub { margin: 0 0 8px; color: #4a5262; }
.note { margin: 0 0 8px; color: #5b6475; font-size: 12px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(110px, 1fr)); gap: 8px; margin-bottom: 16px; }
.tile { border: 1px solid #d9dde5; border-radius: 6px; padding: 8px 10px; background: #f7f8fa; }
.tile .big { display: block; font-size: 22px; font-weight: 700; }
.tile .what { display: block; font-size: 12px; color: #4a5262; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 14px 22px; margin-bottom: 14px; }
.chart { break-inside: avoid; page-break-inside: avoid; }
.legend { margin: 0 0 6px; font-size: 12px; }
.gap { display: inline-block; width: 1.2em; }
.key { display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: -1px; border-radius: 2px; }
.grid > *, .bar-row > * { min-width: 0; }
.bar-row { display: grid; grid-template-columns: minmax(6.5em, 8em) 1fr 4.5em; align-items: center; gap: 6px; margin: 3px 0; }
.bar-row .label { font-size: 13px; line-height: 1.2; }
.bar-row .value { font-size: 12px; text-align: right; font-variant-numeric: tabular-nums; }
svg.bar { width: 100%; height: 18px; display: block; }
svg.bar rect.track { fill: #eef0f4; }
svg.lines { width: 100%; height: auto; display: block; }
svg.lines .grid { stroke: #e3e6ec; stroke-width: 1; }
svg.lines .tick { font-size: 11px; fill: #5b6475; }
svg.lines .line { fill: none; stroke-width: 2.5; }
.c-green { fill: #2e7d32; background: #2e7d32; stroke: #2e7d32; }
.c-blue { fill: #1565c0; background: #1565c0; stroke: #1565c0; }
.c-red { fill: #c62828; background: #c62828; stroke: #c62828; }
.c-orange { fill: #ef6c00; background: #ef6c00; stroke: #ef6c00; }
.c-purple { fill: #6a1b9a; background: #6a1b9a; stroke: #6a1b9a; }
svg.lines .line.c-green, svg.lines .line.c-blue, svg.lines .line.c-red, svg.lines .line.c-orange, svg.lines .line.c-purple { fill: none; }
.table { break-inside: avoid; page-break-inside: avoid; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 12px; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #d9dde5; padding: 3px 5px; text-align: right; white-space: nowrap; }
thead th { background: #f0f2f6; text-align: center; white-space: normal; }
tbody th { text-align: left; font-weight: normal; }
footer { margin-top: 14px; font-size: 11px; color: #5b6475; }
@media (max-width: 520px) {
  main { padding: 12px 10px; }
  h1 { font-size: 18px; }
  .bar-row { grid-template-columns: 6em 1fr 3.8em; }
  .bar-row .label { font-size: 12px; }
}
@media print {
  main { max-width: none; padding: 0; }
  .grid { grid-template-columns: 1fr 1fr; }
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_end_on_round_numbers() {
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(1.0), 1.0);
        assert_eq!(nice_ceiling(3.0), 5.0);
        assert_eq!(nice_ceiling(7.0), 10.0);
        assert_eq!(nice_ceiling(12.0), 20.0);
        assert_eq!(nice_ceiling(35.0), 50.0);
    }

    #[test]
    fn scale_steps_are_round() {
        for (top, steps) in [
            (1.0, 2),
            (2.0, 4),
            (5.0, 5),
            (10.0, 4),
            (20.0, 4),
            (50.0, 5),
        ] {
            assert_eq!(scale_steps(top), steps, "{top}");
            let step = top / steps as f64;
            assert_eq!(num(step).parse::<f64>().unwrap(), step, "{top}: {step}");
        }
    }

    #[test]
    fn numbers_print_without_a_trailing_zero() {
        assert_eq!(num(2.0), "2");
        assert_eq!(num(2.5), "2.5");
        assert_eq!(fmt_percent(Lang::Zh, Some(0.5)), "50%");
        assert_eq!(fmt_percent(Lang::Zh, Some(2.0 / 3.0)), "66.7%");
    }
}
