//! Printable documents of a case: the referral form (报送单, the regulation's attachment) and
//! the written reply to the payer (书面告知书), as a self-contained A4 HTML page or as
//! Markdown. Pure code: a case and its casebook in, a string out.
//!
//! Each document is first gathered into a small model (what the paper says), then written
//! out by one renderer per format, so HTML and Markdown always carry the same content.

use chrono::{Datelike, Days, Months, NaiveDate, Timelike};

use crate::calendar::{Calendar, china, local_date};
use crate::case::{Case, PayerKind, Status, Time};
use crate::casebook::Casebook;
use crate::error::{Error, Result};

// ---------------------------------------------------------------------------------------
// fixed wording

/// The confidentiality note of the referral form, around the feedback date (月, 日).
pub const REFERRAL_NOTE_HEAD: &str = "备注：以上反映内容，现予以报送，请按规定程序处理，办理过程中严格保密，不得泄露缴费人信息。办理结果直接反馈缴费人，并于";
pub const REFERRAL_NOTE_TAIL: &str = "将办理情况反馈受理部门。";

/// Before the routes of the written reply.
pub const ROUTES_INTRO: &str = "如对上述处理意见有异议，可以依法选择以下途径维护自身合法权益：";

/// Administrative reconsideration: 行政复议法（2023年修订）第二十条.
pub const RECONSIDERATION: &str = "申请行政复议：自收到本告知书之日起六十日内，依法向有管辖权的行政复议机关申请行政复议（《中华人民共和国行政复议法》第二十条）。";

/// Administrative litigation: 行政诉讼法 第四十六条, and 第四十五条 after reconsideration.
pub const LITIGATION: &str = "提起行政诉讼：自收到本告知书之日起六个月内，依法向有管辖权的人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）；已申请行政复议的，对复议决定不服，可以在收到行政复议决定书之日起十五日内向人民法院提起诉讼（同法第四十五条）。";

/// Labour arbitration: 劳动争议调解仲裁法 第二十七条; only between a worker and the employer.
pub const ARBITRATION: &str = "申请劳动人事争议仲裁：缴费人与用人单位之间因社会保险发生的劳动争议，仲裁时效期间为一年，自知道或者应当知道其权利被侵害之日起计算，可以向劳动人事争议仲裁委员会申请仲裁（《中华人民共和国劳动争议调解仲裁法》第二十七条）。";

/// How the last days are counted (民事诉讼法 第八十五条, applied by 行政复议法 第八十八条 and
/// 行政诉讼法 第一百零一条).
pub const PERIOD_RULE: &str = "注：期间开始之日不计算在期间内；期间届满的最后一日为法定休假日的，以休假日后的第一日为期间届满的日期。";

pub const CLOSING: &str = "特此告知。";

pub const COPIES: &str = "（本告知书一式两份，一份交缴费人，一份存档）";

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

// ---------------------------------------------------------------------------------------
// dates

/// 2026年11月6日
pub fn cn_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// 2026年11月16日 14时00分, in China Standard Time.
pub fn cn_time(t: &Time) -> String {
    let t = t.with_timezone(&china());
    format!(
        "{} {:02}时{:02}分",
        cn_date(t.date_naive()),
        t.hour(),
        t.minute()
    )
}

/// The last day of the 60-day reconsideration period from `from` (the day itself not
/// counted), before any holiday extension.
pub fn reconsideration_last_day(from: NaiveDate) -> NaiveDate {
    from.checked_add_days(Days::new(60)).expect("date in range")
}

/// The last day of the six-month litigation period: the same day six months on, or the
/// last day of that month if it has no such day.
pub fn litigation_last_day(from: NaiveDate) -> NaiveDate {
    from.checked_add_months(Months::new(6))
        .expect("date in range")
}

/// The last day of the one-year arbitration period (29 February → 28 February).
pub fn arbitration_last_day(from: NaiveDate) -> NaiveDate {
    from.checked_add_months(Months::new(12))
        .expect("date in range")
}

/// A period that ends on a day off ends on the next working day instead.
pub fn extend_past_days_off(last: NaiveDate, cal: &Calendar) -> NaiveDate {
    let mut d = last;
    while !cal.is_working_day(d) {
        d = d.succ_opt().expect("date in range");
    }
    d
}

// ---------------------------------------------------------------------------------------
// the referral form

/// What the referral form says, field for field.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferralForm {
    pub title: String,
    pub case_id: String,
    pub summary: String,
    pub receiver_name: String,
    pub receiver_phone: String,
    pub received_at: String,
    pub opinion: String,
    /// 单位签章: the receiving department's full name.
    pub dept: String,
    pub date: String,
    pub feedback_month: u32,
    pub feedback_day: u32,
    pub phone: String,
    pub email: String,
}

impl ReferralForm {
    pub fn note(&self) -> String {
        format!(
            "{REFERRAL_NOTE_HEAD}{}月{}日{REFERRAL_NOTE_TAIL}",
            self.feedback_month, self.feedback_day
        )
    }
}

/// The referral form of a case escalated to the hotline; refused for any other case. The
/// payer's phone and ID code are not on it (the form says so itself: 不得泄露缴费人信息).
pub fn referral(case: &Case, book: &Casebook) -> Result<ReferralForm> {
    let Some(r) = &case.referral else {
        return Err(Error::NotReady {
            id: case.id.clone(),
            action: "打印报送单".into(),
            reason: "本案没有报送县政府办转办（dispute escalate --to hotline），没有报送单".into(),
        });
    };
    let email = book
        .operator(&r.referred_by)
        .map(|op| op.email.clone())
        .unwrap_or_default();
    Ok(ReferralForm {
        title: format!("{}社会保险费征缴争议事项处理报送单", book.county),
        case_id: case.id.clone(),
        summary: r.summary.clone(),
        receiver_name: r.receiver_name.clone(),
        receiver_phone: r.receiver_phone.clone(),
        received_at: cn_time(&r.received_at),
        opinion: r.opinion.clone(),
        dept: book.dept_name(&case.receiving_dept).to_string(),
        date: cn_date(local_date(&r.referred_at)),
        feedback_month: r.feedback_due.month(),
        feedback_day: r.feedback_due.day(),
        phone: r.receiver_phone.clone(),
        email,
    })
}

pub fn referral_html(case: &Case, book: &Casebook) -> Result<String> {
    let f = referral(case, book)?;
    let e = |s: &str| html_escape(s);
    let title_lines = f
        .title
        .strip_suffix("报送单")
        .map(|head| format!("{}<br>报　送　单", e(head)))
        .unwrap_or_else(|| e(&f.title));
    let body = format!(
        r#"<h1>{title_lines}</h1>
<p class="number">编号：{id}</p>
<table class="form">
<colgroup><col style="width:15%"><col style="width:9%"><col style="width:14%"><col style="width:9%"><col style="width:20%"><col style="width:9%"><col style="width:24%"></colgroup>
<tr class="summary"><th>反映内容<br>摘要</th><td colspan="6" class="text">{summary}</td></tr>
<tr class="receiver"><th>受理人<br>信息</th><th>姓名</th><td>{name}</td><th>电话</th><td>{phone}</td><th>受理<br>时间</th><td>{received}</td></tr>
<tr class="opinion"><th rowspan="2">报送意见</th><td colspan="6" class="text">{opinion}</td></tr>
<tr class="seal"><td colspan="6"><div class="seal">单位签章：{dept}<br>{date}</div></td></tr>
<tr class="note"><td colspan="7"><p class="indent">{note}</p><p class="contact"><span>电话：{contact_phone}</span><span>邮箱：{email}</span></p></td></tr>
</table>
"#,
        id = e(&f.case_id),
        summary = paragraphs(&f.summary),
        name = e(&f.receiver_name),
        phone = e(&f.receiver_phone),
        received = e(&f.received_at).replacen(' ', "<br>", 1),
        opinion = paragraphs(&f.opinion),
        dept = e(&f.dept),
        date = e(&f.date),
        note = e(&f.note()),
        contact_phone = e(&f.phone),
        email = e(&f.email),
    );
    Ok(page(&format!("报送单 {}", f.case_id), &body))
}

pub fn referral_md(case: &Case, book: &Casebook) -> Result<String> {
    let f = referral(case, book)?;
    let m = |s: &str| md_escape(s);
    let c = |s: &str| md_cell(s);
    let mut o = String::new();
    o.push_str(&format!("# {}\n\n", m(&f.title)));
    o.push_str(&format!("编号：{}\n\n", m(&f.case_id)));
    o.push_str("| 项目 | 内容 |\n|---|---|\n");
    for (k, v) in [
        ("反映内容摘要", c(&f.summary)),
        ("受理人姓名", c(&f.receiver_name)),
        ("受理人电话", c(&f.receiver_phone)),
        ("受理时间", c(&f.received_at)),
        ("报送意见", c(&f.opinion)),
        ("单位签章", format!("{}　{}", c(&f.dept), c(&f.date))),
    ] {
        o.push_str(&format!("| {k} | {v} |\n"));
    }
    o.push('\n');
    o.push_str(&format!("{}\n\n", m(&f.note())));
    o.push_str(&format!("电话：{}　　邮箱：{}\n", m(&f.phone), m(&f.email)));
    Ok(o)
}

// ---------------------------------------------------------------------------------------
// the written reply

/// One legal route open to a payer who objects, with its last day.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// The sentence of the law (one of the constants above).
    pub text: &'static str,
    /// The last day counted from the reply date.
    pub last_day: NaiveDate,
    /// Where that day is a day off: the next working day, which is the real last day.
    pub extended: Option<NaiveDate>,
}

impl Route {
    fn new(text: &'static str, last_day: NaiveDate, cal: &Calendar) -> Route {
        let real = extend_past_days_off(last_day, cal);
        Route {
            text,
            last_day,
            extended: (real != last_day).then_some(real),
        }
    }

    /// 以2026年11月18日收到本告知书计，期限至2027年1月18日（……依法顺延）。
    pub fn deadline(&self, from: NaiveDate) -> String {
        match self.extended {
            None => format!(
                "以{}收到本告知书计，期限至{}。",
                cn_date(from),
                cn_date(self.last_day)
            ),
            Some(real) => format!(
                "以{}收到本告知书计，期限至{}（{}为休息日，依法顺延）。",
                cn_date(from),
                cn_date(real),
                cn_date(self.last_day)
            ),
        }
    }
}

/// What the written reply says.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub title: String,
    pub case_id: String,
    pub payer_name: String,
    pub opening: String,
    pub opinion: String,
    pub reply_date: NaiveDate,
    pub routes: Vec<Route>,
    pub dept: String,
    pub date: String,
}

/// The written reply of a replied or archived case; refused before the reply.
pub fn notice(case: &Case, book: &Casebook) -> Result<Notice> {
    let refuse = |reason: &str| Error::NotReady {
        id: case.id.clone(),
        action: "打印书面告知书".into(),
        reason: reason.into(),
    };
    let reply = match (&case.reply, case.status) {
        (Some(r), Status::Replied | Status::Archived) => r,
        (_, Status::Redirected) => {
            return Err(refuse(
                "本案已告知缴费人另行办理，没有总处理意见，不出具书面告知书",
            ));
        }
        _ => {
            return Err(refuse(
                "还没有书面回复缴费人：缺少总处理意见（先用 dispute reply 录入）",
            ));
        }
    };
    let cal = book.calendar();
    let from = local_date(&reply.at);
    let mut routes = vec![
        Route::new(RECONSIDERATION, reconsideration_last_day(from), &cal),
        Route::new(LITIGATION, litigation_last_day(from), &cal),
    ];
    if case.payer.kind == PayerKind::Individual {
        routes.push(Route::new(ARBITRATION, arbitration_last_day(from), &cal));
    }
    let you = match case.payer.kind {
        PayerKind::Individual => "您",
        PayerKind::Employer => "贵单位",
    };
    let about = case.title.as_deref().unwrap_or(&case.summary);
    let opening = format!(
        "{you}于{}反映的“{}”事项（案件编号：{}），{}已受理。经依法办理，现将处理意见书面告知如下：",
        cn_date(local_date(&case.received_at)),
        about.trim(),
        case.id,
        book.dept_short(&case.receiving_dept),
    );
    Ok(Notice {
        title: format!("{}社会保险费征缴争议事项书面告知书", book.county),
        case_id: case.id.clone(),
        payer_name: case.payer.name.clone(),
        opening,
        opinion: reply.text.clone(),
        reply_date: from,
        routes,
        dept: book.dept_name(&case.receiving_dept).to_string(),
        date: cn_date(from),
    })
}

pub fn notice_html(case: &Case, book: &Casebook) -> Result<String> {
    let n = notice(case, book)?;
    let e = |s: &str| html_escape(s);
    let mut body = String::new();
    let title = n
        .title
        .strip_suffix("书面告知书")
        .map(|head| format!("{}<br>书面告知书", e(head)))
        .unwrap_or_else(|| e(&n.title));
    body.push_str(&format!("<h1>{title}</h1>\n"));
    body.push_str(&format!(
        "<p class=\"number\">编号：{}</p>\n",
        e(&n.case_id)
    ));
    body.push_str(&format!("<p class=\"to\">{}：</p>\n", e(&n.payer_name)));
    let id = e(&n.case_id);
    let opening = e(&n.opening).replace(&id, &format!("<span class=\"nobr\">{id}</span>"));
    body.push_str(&format!("<p class=\"indent\">{opening}</p>\n"));
    body.push_str(&format!(
        "<div class=\"opinion\">{}</div>\n",
        paragraphs_indented(&n.opinion)
    ));
    body.push_str(&format!("<p class=\"indent\">{}</p>\n", e(ROUTES_INTRO)));
    for (i, r) in n.routes.iter().enumerate() {
        body.push_str(&format!(
            "<p class=\"indent route\">{}、{}{}</p>\n",
            NUMERALS[i],
            e(r.text),
            e(&r.deadline(n.reply_date))
        ));
    }
    body.push_str(&format!(
        "<p class=\"indent rule\">{}</p>\n",
        e(PERIOD_RULE)
    ));
    body.push_str(&format!("<p class=\"indent\">{}</p>\n", e(CLOSING)));
    body.push_str(&format!(
        "<div class=\"sign\">{}<br>{}</div>\n",
        e(&n.dept),
        e(&n.date)
    ));
    body.push_str(&format!("<p class=\"copies\">{}</p>\n", e(COPIES)));
    Ok(page(&format!("书面告知书 {}", n.case_id), &body))
}

pub fn notice_md(case: &Case, book: &Casebook) -> Result<String> {
    let n = notice(case, book)?;
    let m = |s: &str| md_escape(s);
    let mut o = String::new();
    o.push_str(&format!("# {}\n\n", m(&n.title)));
    o.push_str(&format!("编号：{}\n\n", m(&n.case_id)));
    o.push_str(&format!("{}：\n\n", m(&n.payer_name)));
    o.push_str(&format!("　　{}\n\n", m(&n.opening)));
    for line in lines(&n.opinion) {
        o.push_str(&format!("　　{}\n\n", m(line)));
    }
    o.push_str(&format!("　　{}\n\n", m(ROUTES_INTRO)));
    for (i, r) in n.routes.iter().enumerate() {
        o.push_str(&format!(
            "{}. {}{}\n",
            i + 1,
            m(r.text),
            m(&r.deadline(n.reply_date))
        ));
    }
    o.push('\n');
    o.push_str(&format!("　　{}\n\n", m(PERIOD_RULE)));
    o.push_str(&format!("　　{}\n\n", m(CLOSING)));
    // Two trailing spaces: a line break inside the signature paragraph.
    o.push_str(&format!("{}  \n{}\n\n", m(&n.dept), m(&n.date)));
    o.push_str(&format!("{}\n", m(COPIES)));
    Ok(o)
}

// ---------------------------------------------------------------------------------------
// writing out

/// Text for HTML element content and attribute values.
pub fn html_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// Text for a Markdown paragraph: the characters that would start markup are
/// backslash-escaped (raw HTML included), so pasted text reads as it was written.
pub fn md_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            o.push('\\');
        }
        o.push(c);
    }
    o
}

/// Text for a Markdown table cell: escaped, lines joined with `<br>`.
pub fn md_cell(s: &str) -> String {
    lines(s).map(md_escape).collect::<Vec<_>>().join("<br>")
}

/// The non-blank lines of a text, trimmed.
fn lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty())
}

fn paragraphs(s: &str) -> String {
    lines(s)
        .map(|l| format!("<p>{}</p>", html_escape(l)))
        .collect::<Vec<_>>()
        .join("")
}

fn paragraphs_indented(s: &str) -> String {
    lines(s)
        .map(|l| format!("<p class=\"indent\">{}</p>", html_escape(l)))
        .collect::<Vec<_>>()
        .join("\n")
}

const CSS: &str = r#"
@page { size: A4; margin: 2cm; }
* { box-sizing: border-box; }
html { background: #fff; }
body {
  margin: 0;
  padding: 2cm;
  color: #000;
  font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 12pt;
  line-height: 1.75;
}
@media print { body { padding: 0; } }
.sheet { max-width: 17cm; margin: 0 auto; }
h1 {
  font-size: 18pt;
  font-weight: bold;
  text-align: center;
  line-height: 1.5;
  margin: 0 0 0.4em;
}
p { margin: 0; }
.number { text-align: right; font-size: 10.5pt; margin-bottom: 0.4em; }
.indent { text-indent: 2em; }
table.form { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.form th, table.form td {
  border: 1px solid #000;
  padding: 0.3em 0.5em;
  vertical-align: middle;
  word-break: break-all;
  overflow-wrap: anywhere;
}
table.form th { font-weight: normal; text-align: center; }
table.form td { text-align: center; }
table.form td.text { text-align: left; vertical-align: top; }
tr.summary td, tr.summary th { height: 6.5cm; }
tr.receiver td, tr.receiver th { height: 1.6cm; }
tr.opinion td { height: 4.5cm; border-bottom: none; }
tr.seal td { border-top: none; height: 2cm; vertical-align: bottom; }
div.seal { text-align: right; padding-right: 1.5em; line-height: 1.9; }
tr.note td { text-align: left; padding: 0.6em 0.8em; }
p.contact { margin-top: 0.8em; display: flex; gap: 4em; padding-left: 2em; }
.to { margin-top: 0.8em; }
.opinion { margin: 0.2em 0; }
.nobr { white-space: nowrap; }
.rule { font-size: 10.5pt; }
.sign { text-align: right; margin: 2.5em 2em 1.5em 0; line-height: 1.9; }
.copies { font-size: 10.5pt; text-align: center; margin-top: 2em; }
"#;

/// A self-contained A4 page: UTF-8, inline CSS, nothing fetched.
fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<div class=\"sheet\">\n{body}</div>\n</body>\n</html>\n",
        html_escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn reconsideration_is_sixty_days_after_the_reply() {
        assert_eq!(reconsideration_last_day(d("2026-11-18")), d("2027-01-17"));
        assert_eq!(reconsideration_last_day(d("2026-01-01")), d("2026-03-02"));
        // across a leap February
        assert_eq!(reconsideration_last_day(d("2028-01-15")), d("2028-03-15"));
    }

    #[test]
    fn litigation_is_six_calendar_months() {
        assert_eq!(litigation_last_day(d("2026-11-18")), d("2027-05-18"));
        // no such day in the month: its last day
        assert_eq!(litigation_last_day(d("2026-08-31")), d("2027-02-28"));
        assert_eq!(litigation_last_day(d("2027-08-31")), d("2028-02-29"));
        assert_eq!(litigation_last_day(d("2026-12-31")), d("2027-06-30"));
    }

    #[test]
    fn arbitration_is_one_year() {
        assert_eq!(arbitration_last_day(d("2026-11-18")), d("2027-11-18"));
        assert_eq!(arbitration_last_day(d("2028-02-29")), d("2029-02-28"));
    }

    #[test]
    fn a_period_ending_on_a_day_off_ends_on_the_next_working_day() {
        let cal = Calendar::new(&crate::calendar::official_years());
        // Sunday → Monday
        assert_eq!(extend_past_days_off(d("2027-01-17"), &cal), d("2027-01-18"));
        // National Day holiday 2026-10-01..07 → Thursday 8 October
        assert_eq!(extend_past_days_off(d("2026-10-03"), &cal), d("2026-10-08"));
        // a worked Saturday (调休) stays
        assert_eq!(extend_past_days_off(d("2026-10-10"), &cal), d("2026-10-10"));
        // a working day stays
        assert_eq!(extend_past_days_off(d("2027-05-18"), &cal), d("2027-05-18"));
    }

    #[test]
    fn route_deadline_names_both_days_when_extended() {
        let cal = Calendar::new(&crate::calendar::official_years());
        let from = d("2026-11-18");
        let r = Route::new(RECONSIDERATION, reconsideration_last_day(from), &cal);
        assert_eq!(r.extended, Some(d("2027-01-18")));
        let s = r.deadline(from);
        assert!(s.contains("2026年11月18日"), "{s}");
        assert!(s.contains("期限至2027年1月18日"), "{s}");
        assert!(s.contains("2027年1月17日为休息日"), "{s}");
        let r = Route::new(LITIGATION, litigation_last_day(from), &cal);
        assert_eq!(r.extended, None);
        assert!(r.deadline(from).contains("期限至2027年5月18日"));
    }

    #[test]
    fn dates_in_chinese() {
        assert_eq!(cn_date(d("2026-11-06")), "2026年11月6日");
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-16T06:00:00Z").unwrap();
        assert_eq!(cn_time(&t), "2026年11月16日 14时00分");
    }

    #[test]
    fn escaping() {
        assert_eq!(
            html_escape(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert_eq!(md_cell("a|b\n\nc"), r"a\|b<br>c");
        assert_eq!(md_escape("<b>*x*</b>"), r"\<b\>\*x\*\</b\>");
    }
}
