//! Working days by China's official holiday notices (DESIGN §7), and the clock.
//!
//! A year in the calendar lists its days off (single dates or ISO 8601 intervals
//! `2026-02-15/2026-02-23`) and the weekend days that are worked (调休). Years not in the
//! calendar fall back to Monday–Friday. Pure code, no I/O.

use chrono::{Datelike, Days, FixedOffset, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::case::Time;
use crate::error::{Error, Result};

/// China Standard Time: dates of deadlines are local dates in the county.
pub fn china() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("valid offset")
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarYear {
    pub year: i32,
    /// Days off: `YYYY-MM-DD` or `YYYY-MM-DD/YYYY-MM-DD` (inclusive).
    pub holidays: Vec<String>,
    /// Weekend days that are working days (调休).
    pub workdays: Vec<String>,
}

/// The official 2024–2026 calendars of DESIGN §7.
pub fn official_years() -> Vec<CalendarYear> {
    let year = |year: i32, holidays: &[&str], workdays: &[&str]| CalendarYear {
        year,
        holidays: holidays.iter().map(|s| s.to_string()).collect(),
        workdays: workdays.iter().map(|s| s.to_string()).collect(),
    };
    vec![
        year(
            2024,
            &[
                "2024-01-01",
                "2024-02-10/2024-02-17",
                "2024-04-04/2024-04-06",
                "2024-05-01/2024-05-05",
                "2024-06-10",
                "2024-09-15/2024-09-17",
                "2024-10-01/2024-10-07",
            ],
            &[
                "2024-02-04",
                "2024-02-18",
                "2024-04-07",
                "2024-04-28",
                "2024-05-11",
                "2024-09-14",
                "2024-09-29",
                "2024-10-12",
            ],
        ),
        year(
            2025,
            &[
                "2025-01-01",
                "2025-01-28/2025-02-04",
                "2025-04-04/2025-04-06",
                "2025-05-01/2025-05-05",
                "2025-05-31/2025-06-02",
                "2025-10-01/2025-10-08",
            ],
            &[
                "2025-01-26",
                "2025-02-08",
                "2025-04-27",
                "2025-09-28",
                "2025-10-11",
            ],
        ),
        year(
            2026,
            &[
                "2026-01-01/2026-01-03",
                "2026-02-15/2026-02-23",
                "2026-04-04/2026-04-06",
                "2026-05-01/2026-05-05",
                "2026-06-19/2026-06-21",
                "2026-09-25/2026-09-27",
                "2026-10-01/2026-10-07",
            ],
            &[
                "2026-01-04",
                "2026-02-14",
                "2026-02-28",
                "2026-05-09",
                "2026-09-20",
                "2026-10-10",
            ],
        ),
    ]
}

/// Parse `YYYY-MM-DD` or an inclusive interval `YYYY-MM-DD/YYYY-MM-DD`.
pub fn parse_span(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let date = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
    match s.split_once('/') {
        Some((a, b)) => {
            let (a, b) = (date(a)?, date(b)?);
            (a <= b).then_some((a, b))
        }
        None => date(s).map(|d| (d, d)),
    }
}

/// One year of an official holiday notice as an administrator types it: days off as single
/// dates or ranges (`2027-02-06..2027-02-14`, or `2027-02-06/2027-02-14` as in the file),
/// and the weekend days worked (调休). Every date must lie in `year`, a worked day must be a
/// Saturday or Sunday, and no day may be both. The result is stored as the file writes it:
/// intervals with `/`, in date order.
pub fn notice_year(year: i32, off: &[String], workdays: &[String]) -> Result<CalendarYear> {
    use dispute_i18n::t;
    let off_field = t!("clerk-field-calendar-off");
    let work_field = t!("clerk-field-calendar-workday");
    if !(2000..=2100).contains(&year) {
        return Err(Error::invalid(
            t!("clerk-field-calendar-year"),
            t!("clerk-calendar-bad-year", year = year),
        ));
    }
    if off.is_empty() {
        return Err(Error::invalid(off_field, t!("clerk-calendar-no-off")));
    }
    let span = |field: &str, entry: &str| -> Result<(NaiveDate, NaiveDate)> {
        let entry = entry.trim();
        let (a, b) = parse_span(&entry.replacen("..", "/", 1))
            .ok_or_else(|| Error::invalid(field, t!("clerk-calendar-bad-entry", entry = entry)))?;
        if a.year() != year || b.year() != year {
            return Err(Error::invalid(
                field,
                t!("clerk-calendar-other-year", entry = entry, year = year),
            ));
        }
        Ok((a, b))
    };
    let mut days_off = vec![];
    for entry in off {
        days_off.push(span(&off_field, entry)?);
    }
    days_off.sort();
    days_off.dedup();
    for pair in days_off.windows(2) {
        if pair[1].0 <= pair[0].1 {
            return Err(Error::invalid(
                off_field.as_str(),
                t!(
                    "clerk-calendar-overlap",
                    a = show_span(pair[0]),
                    b = show_span(pair[1])
                ),
            ));
        }
    }
    let mut worked = vec![];
    for entry in workdays {
        let (d, last) = span(&work_field, entry)?;
        if d != last {
            return Err(Error::invalid(
                work_field.as_str(),
                t!("clerk-calendar-workday-range", entry = entry.trim()),
            ));
        }
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            return Err(Error::invalid(
                work_field.as_str(),
                t!("clerk-calendar-workday-weekday", date = d.to_string()),
            ));
        }
        if days_off.iter().any(|(a, b)| *a <= d && d <= *b) {
            return Err(Error::invalid(
                work_field.as_str(),
                t!("clerk-calendar-both", date = d.to_string()),
            ));
        }
        worked.push(d);
    }
    worked.sort();
    worked.dedup();
    Ok(CalendarYear {
        year,
        holidays: days_off.into_iter().map(show_span).collect(),
        workdays: worked.into_iter().map(|d| d.to_string()).collect(),
    })
}

/// `2027-01-01`, or `2027-02-06/2027-02-14` for a range, as the file stores it.
fn show_span((a, b): (NaiveDate, NaiveDate)) -> String {
    if a == b {
        a.to_string()
    } else {
        format!("{a}/{b}")
    }
}

/// The working-day calendar, compiled for lookups: the days off and the worked weekend
/// days, sorted, so a count over a range is a closed form plus two binary searches.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    /// Weekdays that are days off.
    off: Vec<NaiveDate>,
    /// Weekend days that are worked.
    worked: Vec<NaiveDate>,
    years: Vec<i32>,
}

impl Calendar {
    /// Entries that do not parse were refused when the casebook was read
    /// (`Casebook::check`), so they are skipped here.
    pub fn new(years: &[CalendarYear]) -> Calendar {
        let mut cal = Calendar::default();
        let weekend = |d: NaiveDate| matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        for y in years {
            cal.years.push(y.year);
            for span in y.holidays.iter().filter_map(|s| parse_span(s)) {
                let mut d = span.0;
                while d <= span.1 {
                    if !weekend(d) {
                        cal.off.push(d);
                    }
                    d = d.succ_opt().expect("date in range");
                }
            }
            for (d, _) in y.workdays.iter().filter_map(|s| parse_span(s)) {
                if weekend(d) {
                    cal.worked.push(d);
                }
            }
        }
        for v in [&mut cal.off, &mut cal.worked] {
            v.sort();
            v.dedup();
        }
        // A date listed both ways is worked (the later notice wins over the general rule).
        let worked = cal.worked.clone();
        cal.off.retain(|d| worked.binary_search(d).is_err());
        cal
    }

    /// Whether the calendar knows the official notices of this year.
    pub fn covers(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        if matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            self.worked.binary_search(&d).is_ok()
        } else {
            self.off.binary_search(&d).is_err()
        }
    }

    /// The date `n` working days after `start` (the day of the action itself not counted).
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut d = start;
        let mut left = n;
        while left > 0 {
            d = d.checked_add_days(Days::new(1)).expect("date in range");
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// Working days in `(from, to]`: how many working days `to` is past `from`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        if to <= from {
            return 0;
        }
        let in_range = |v: &[NaiveDate]| {
            let lo = v.partition_point(|d| *d <= from);
            let hi = v.partition_point(|d| *d <= to);
            (hi - lo) as u32
        };
        weekdays_through(to) - weekdays_through(from) - in_range(&self.off) + in_range(&self.worked)
    }
}

/// Monday–Friday days from a fixed epoch through `d`, for counting by difference.
fn weekdays_through(d: NaiveDate) -> u32 {
    let days = d.num_days_from_ce() as u32; // day 1 = Monday 0001-01-01
    let weeks = days / 7;
    let rest = days % 7; // days of the current week so far, Monday first
    weeks * 5 + rest.min(5)
}

/// The local date of a time, in China Standard Time.
pub fn local_date(t: &Time) -> NaiveDate {
    t.with_timezone(&china()).date_naive()
}

/// Parse a time given on the command line: RFC 3339, or `YYYY-MM-DD HH:MM[:SS]` / a date
/// alone, both taken as China Standard Time.
pub fn parse_time(s: &str) -> Result<Time> {
    let s = s.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Ok(t);
    }
    let padded = pad_excel(s);
    let s = padded.as_str();
    // Also the forms Excel in China writes when it saves a CSV (2025/3/10 9:30).
    for fmt in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
    ] {
        if let Ok(t) = chrono::NaiveDateTime::parse_from_str(s, fmt) {
            return t
                .and_local_timezone(china())
                .single()
                .ok_or_else(|| Error::BadTime(s.to_string()));
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%Y/%m/%d"))
    {
        return d
            .and_hms_opt(9, 0, 0)
            .and_then(|t| t.and_local_timezone(china()).single())
            .ok_or_else(|| Error::BadTime(s.to_string()));
    }
    Err(Error::BadTime(s.to_string()))
}

/// `2025/3/10 9:30` (as Excel in China writes dates) → `2025/03/10 09:30`.
fn pad_excel(s: &str) -> String {
    if !s.contains('/') {
        return s.to_string();
    }
    let mut out = String::new();
    let mut number = String::new();
    for c in s.chars().chain(std::iter::once('\0')) {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        if number.len() == 1 {
            out.push('0');
        }
        out.push_str(&number);
        number.clear();
        if c != '\0' {
            out.push(c);
        }
    }
    out
}

/// Parse a date given on the command line: `YYYY-MM-DD`, or `2026/3/16` as Excel in
/// China writes dates. A date that is not one is refused with a date-only hint.
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    let padded = pad_excel(s.trim());
    NaiveDate::parse_from_str(&padded, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(&padded, "%Y/%m/%d"))
        .map_err(|_| Error::BadDate(s.to_string()))
}

/// A time as stored and shown: RFC 3339 in China Standard Time, whole seconds.
pub fn normalise(t: Time) -> Time {
    let t = t.with_timezone(&china());
    t - chrono::Duration::nanoseconds(t.timestamp_subsec_nanos() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn cal() -> Calendar {
        Calendar::new(&official_years())
    }

    #[test]
    fn five_working_days_across_national_day() {
        // The example of the workflow issue: 10-01..10-07 off, Saturday 10-10 worked.
        assert_eq!(cal().add_working_days(d("2026-09-30"), 5), d("2026-10-13"));
    }

    #[test]
    fn spring_festival_and_adjusted_weekends() {
        let c = cal();
        assert!(!c.is_working_day(d("2026-02-16")));
        assert!(c.is_working_day(d("2026-02-14")), "Saturday 2-14 is worked");
        assert!(c.is_working_day(d("2026-02-28")), "Saturday 2-28 is worked");
        // Friday 2026-02-13 + 1 working day = Saturday 2-14 (调休).
        assert_eq!(c.add_working_days(d("2026-02-13"), 1), d("2026-02-14"));
        // Saturday 2-14 + 1 = Tuesday 2-24, after the break.
        assert_eq!(c.add_working_days(d("2026-02-14"), 1), d("2026-02-24"));
        assert!(c.is_working_day(d("2024-02-04")));
        assert!(!c.is_working_day(d("2025-01-28")));
    }

    #[test]
    fn plain_weekends_outside_the_calendar() {
        let c = cal();
        assert!(!c.covers(2027));
        // Friday 2027-01-08 + 1 = Monday 2027-01-11.
        assert_eq!(c.add_working_days(d("2027-01-08"), 1), d("2027-01-11"));
    }

    #[test]
    fn working_days_between_counts_after_the_due_date() {
        let c = cal();
        assert_eq!(c.working_days_between(d("2026-10-13"), d("2026-10-13")), 0);
        assert_eq!(c.working_days_between(d("2026-09-30"), d("2026-10-13")), 5);
        assert_eq!(c.working_days_between(d("2026-11-27"), d("2026-11-29")), 0);
        assert_eq!(c.working_days_between(d("2026-11-27"), d("2026-11-30")), 1);
    }

    #[test]
    fn closed_form_count_matches_day_by_day() {
        let c = cal();
        let start = d("2023-12-20");
        for offset in 0..1200 {
            let from = start + chrono::Days::new(offset);
            for len in [0u64, 1, 2, 6, 7, 8, 13, 40, 400] {
                let to = from + chrono::Days::new(len);
                let mut slow = 0;
                let mut x = from;
                while x < to {
                    x = x.succ_opt().unwrap();
                    if c.is_working_day(x) {
                        slow += 1;
                    }
                }
                assert_eq!(c.working_days_between(from, to), slow, "{from}..{to}");
            }
        }
    }

    #[test]
    fn a_notice_year_is_read_as_typed() {
        let off = [
            "2027-02-06..2027-02-14".to_string(),
            "2027-01-01".to_string(),
        ];
        let y = notice_year(2027, &off, &["2027-02-20".to_string()]).unwrap();
        assert_eq!(y.holidays, ["2027-01-01", "2027-02-06/2027-02-14"]);
        assert_eq!(y.workdays, ["2027-02-20"]);
        // What the calendar makes of it: Monday 02-08 off, Saturday 02-20 worked.
        let c = Calendar::new(&[y]);
        assert!(c.covers(2027));
        assert!(!c.is_working_day(d("2027-02-08")));
        assert!(c.is_working_day(d("2027-02-20")));
    }

    #[test]
    fn a_notice_year_refuses_slips() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let bad = [
            (2027, s(&[]), s(&[])),
            (2027, s(&["2026-12-31"]), s(&[])),
            (2027, s(&["2027-02-14..2027-02-06"]), s(&[])),
            (2027, s(&["2027-13-01"]), s(&[])),
            (2027, s(&["2027-02-06..2027-02-14", "2027-02-10"]), s(&[])),
            // Monday is a working day anyway.
            (2027, s(&["2027-01-01"]), s(&["2027-02-22"])),
            (2027, s(&["2027-02-06..2027-02-14"]), s(&["2027-02-13"])),
            (2027, s(&["2027-01-01"]), s(&["2027-02-20..2027-02-21"])),
            (1999, s(&["1999-01-01"]), s(&[])),
        ];
        for (year, off, work) in bad {
            assert!(
                matches!(notice_year(year, &off, &work), Err(Error::Invalid { .. })),
                "{year} {off:?} {work:?}"
            );
        }
    }

    #[test]
    fn dates_parse_as_typed_or_as_excel_writes_them() {
        assert_eq!(parse_date("2026-03-16").unwrap(), d("2026-03-16"));
        assert_eq!(parse_date("2026/3/16").unwrap(), d("2026-03-16"));
        assert_eq!(parse_date(" 2026/03/16 ").unwrap(), d("2026-03-16"));
        for bad in ["16.03.2026", "2026-02-30", "2026-03-16T09:00:00+08:00", ""] {
            assert!(matches!(parse_date(bad), Err(Error::BadDate(_))), "{bad}");
        }
    }

    #[test]
    fn spans_parse() {
        assert_eq!(
            parse_span("2026-02-15/2026-02-23"),
            Some((d("2026-02-15"), d("2026-02-23")))
        );
        assert_eq!(parse_span("2026-02-23/2026-02-15"), None);
        assert_eq!(parse_span("2026-13-01"), None);
    }

    #[test]
    fn times_parse_in_china_time() {
        let t = parse_time("2026-11-20 09:30").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-20T09:30:00+08:00");
        let t = parse_time("2026-11-20T01:30:00Z").unwrap();
        assert_eq!(local_date(&t), d("2026-11-20"));
        assert_eq!(
            parse_time("2025/3/10 9:30").unwrap().to_rfc3339(),
            "2025-03-10T09:30:00+08:00"
        );
        assert!(parse_time("yesterday").is_err());
        assert!(parse_time("2026-02-30").is_err());
    }
}
