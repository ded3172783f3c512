//! Printable documents of a case: the referral form (报送单, the regulation's attachment) and
//! the written reply to the payer (书面告知书), as a self-contained A4 HTML page or as
//! Markdown. Pure code: a case and its casebook in, a string out.
//!
//! Each document is first gathered into a small model (what the paper says), then written
//! out by one renderer per format, so HTML and Markdown always carry the same content.

use chrono::{Datelike, Days, Months, NaiveDate, Timelike};
use dispute_i18n::{Lang, t_in};

use crate::calendar::{Calendar, china, local_date};
use crate::case::{Case, Party, PayerKind, Status, Time};
use crate::casebook::Casebook;
use crate::error::{Error, Result};

// ---------------------------------------------------------------------------------------
// dates

/// `2026年11月6日`, `6 November 2026`.
pub fn date_in(lang: Lang, d: NaiveDate) -> String {
    t_in!(
        lang,
        "form-date",
        year = d.year(),
        month = d.month(),
        month_name = t_in!(lang, "form-month-name", month = d.month()),
        day = d.day()
    )
}

/// `11月17日`, `17 November`.
fn month_day_in(lang: Lang, month: u32, day: u32) -> String {
    t_in!(
        lang,
        "form-month-day",
        month = month,
        month_name = t_in!(lang, "form-month-name", month = month),
        day = day
    )
}

/// The date and the time of day of a moment in China Standard Time: (`2026年11月16日`,
/// `14时00分`).
fn date_and_clock_in(lang: Lang, t: &Time) -> (String, String) {
    let t = t.with_timezone(&china());
    let clock = t_in!(
        lang,
        "form-clock",
        hour = format!("{:02}", t.hour()),
        minute = format!("{:02}", t.minute())
    );
    (date_in(lang, t.date_naive()), clock)
}

/// `2026年11月16日 14时00分`, `16 November 2026, 14:00`, in China Standard Time.
pub fn time_in(lang: Lang, t: &Time) -> String {
    let (date, clock) = date_and_clock_in(lang, t);
    t_in!(lang, "form-date-time", date = date, clock = clock)
}

/// 2026年11月6日
pub fn cn_date(d: NaiveDate) -> String {
    date_in(Lang::Zh, d)
}

/// 2026年11月16日 14时00分, in China Standard Time.
pub fn cn_time(t: &Time) -> String {
    time_in(Lang::Zh, t)
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

/// The lines of a multi-line catalog message, each escaped for HTML, joined with `<br>`.
fn html_lines(s: &str) -> String {
    s.lines().map(html_escape).collect::<Vec<_>>().join("<br>")
}

// ---------------------------------------------------------------------------------------
// the referral form

/// What the referral form says, field for field, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferralForm {
    pub lang: Lang,
    pub title: String,
    /// The title as printed on the HTML page, in lines.
    pub heading: String,
    pub case_id: String,
    pub summary: String,
    pub receiver_name: String,
    pub receiver_phone: String,
    pub received_at: String,
    /// `received_at` in two parts, for the two lines of its cell.
    pub received_date: String,
    pub received_clock: String,
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
    /// The confidentiality note, with the feedback date.
    pub fn note(&self) -> String {
        t_in!(
            self.lang,
            "form-referral-note",
            date = month_day_in(self.lang, self.feedback_month, self.feedback_day)
        )
    }
}

/// The referral form of a case escalated to the hotline, in the chosen language; refused
/// for any other case.
pub fn referral(case: &Case, book: &Casebook) -> Result<ReferralForm> {
    referral_in(dispute_i18n::lang(), case, book)
}

/// The referral form in a language. The payer's phone and ID code are not on it (the form
/// says so itself: 不得泄露缴费人信息).
pub fn referral_in(lang: Lang, case: &Case, book: &Casebook) -> Result<ReferralForm> {
    let Some(r) = &case.referral else {
        return Err(Error::NotReady {
            id: case.id.clone(),
            action: t_in!(lang, "form-referral-action"),
            reason: t_in!(lang, "form-referral-not-referred"),
        });
    };
    let email = book
        .operator(&r.referred_by)
        .map(|op| op.email.clone())
        .unwrap_or_default();
    let (received_date, received_clock) = date_and_clock_in(lang, &r.received_at);
    Ok(ReferralForm {
        lang,
        title: t_in!(lang, "form-referral-title", county = book.county.as_str()),
        heading: t_in!(lang, "form-referral-heading", county = book.county.as_str()),
        case_id: case.id.clone(),
        summary: r.summary.clone(),
        receiver_name: r.receiver_name.clone(),
        receiver_phone: r.receiver_phone.clone(),
        received_at: time_in(lang, &r.received_at),
        received_date,
        received_clock,
        opinion: r.opinion.clone(),
        dept: book.dept_name(&case.receiving_dept).to_string(),
        date: date_in(lang, local_date(&r.referred_at)),
        feedback_month: r.feedback_due.month(),
        feedback_day: r.feedback_due.day(),
        phone: r.receiver_phone.clone(),
        email,
    })
}

/// The referral form as an A4 HTML page, in the chosen language.
pub fn referral_html(case: &Case, book: &Casebook) -> Result<String> {
    referral_html_in(dispute_i18n::lang(), case, book)
}

pub fn referral_html_in(lang: Lang, case: &Case, book: &Casebook) -> Result<String> {
    let f = referral_in(lang, case, book)?;
    let e = |s: &str| html_escape(s);
    let w = |key: &str| html_lines(&t_in!(lang, key));
    let body = format!(
        r#"<h1>{title_lines}</h1>
<p class="number">{number}</p>
<table class="form">
<colgroup><col style="width:15%"><col style="width:9%"><col style="width:14%"><col style="width:9%"><col style="width:20%"><col style="width:9%"><col style="width:24%"></colgroup>
<tr class="summary"><th>{th_summary}</th><td colspan="6" class="text">{summary}</td></tr>
<tr class="receiver"><th>{th_receiver}</th><th>{th_name}</th><td>{name}</td><th>{th_phone}</th><td>{phone}</td><th>{th_received}</th><td>{received_date}<br>{received_clock}</td></tr>
<tr class="opinion"><th rowspan="2">{th_opinion}</th><td colspan="6" class="text">{opinion}</td></tr>
<tr class="seal"><td colspan="6"><div class="seal">{seal}<br>{date}</div></td></tr>
<tr class="note"><td colspan="7"><p class="indent">{note}</p><p class="contact"><span>{contact_phone}</span><span>{email}</span></p></td></tr>
</table>
"#,
        title_lines = html_lines(&f.heading),
        number = e(&t_in!(lang, "form-number", id = f.case_id.as_str())),
        th_summary = w("form-referral-th-summary"),
        summary = paragraphs(&f.summary),
        th_receiver = w("form-referral-th-receiver"),
        th_name = w("form-referral-th-name"),
        name = e(&f.receiver_name),
        th_phone = w("form-referral-th-phone"),
        phone = e(&f.receiver_phone),
        th_received = w("form-referral-th-received"),
        received_date = e(&f.received_date),
        received_clock = e(&f.received_clock),
        th_opinion = w("form-referral-th-opinion"),
        opinion = paragraphs(&f.opinion),
        seal = e(&t_in!(lang, "form-referral-seal", dept = f.dept.as_str())),
        date = e(&f.date),
        note = e(&f.note()),
        contact_phone = e(&t_in!(
            lang,
            "form-referral-phone",
            phone = f.phone.as_str()
        )),
        email = e(&t_in!(
            lang,
            "form-referral-email",
            email = f.email.as_str()
        )),
    );
    let title = t_in!(lang, "form-referral-page-title", id = f.case_id.as_str());
    Ok(page(lang, &title, &body))
}

/// The referral form as Markdown, in the chosen language.
pub fn referral_md(case: &Case, book: &Casebook) -> Result<String> {
    referral_md_in(dispute_i18n::lang(), case, book)
}

pub fn referral_md_in(lang: Lang, case: &Case, book: &Casebook) -> Result<String> {
    let f = referral_in(lang, case, book)?;
    let m = |s: &str| md_escape(s);
    let c = |s: &str| md_cell(s);
    let w = |key: &str| t_in!(lang, key);
    let mut o = String::new();
    o.push_str(&format!("# {}\n\n", m(&f.title)));
    o.push_str(&format!(
        "{}\n\n",
        m(&t_in!(lang, "form-number", id = f.case_id.as_str()))
    ));
    o.push_str(&format!(
        "| {} | {} |\n|---|---|\n",
        m(&w("form-md-item")),
        m(&w("form-md-content"))
    ));
    let seal = t_in!(
        lang,
        "form-referral-md-seal-value",
        dept = f.dept.as_str(),
        date = f.date.as_str()
    );
    for (k, v) in [
        ("form-referral-md-summary", c(&f.summary)),
        ("form-referral-md-receiver-name", c(&f.receiver_name)),
        ("form-referral-md-receiver-phone", c(&f.receiver_phone)),
        ("form-referral-md-received", c(&f.received_at)),
        ("form-referral-md-opinion", c(&f.opinion)),
        ("form-referral-md-seal", c(&seal)),
    ] {
        o.push_str(&format!("| {} | {v} |\n", m(&w(k))));
    }
    o.push('\n');
    o.push_str(&format!("{}\n\n", m(&f.note())));
    let contact = t_in!(
        lang,
        "form-referral-md-contact",
        phone = f.phone.as_str(),
        email = f.email.as_str()
    );
    o.push_str(&format!("{}\n", m(&contact)));
    Ok(o)
}

// ---------------------------------------------------------------------------------------
// the written reply

/// The legal routes open to a party who objects (四（四）: 调解、行政复议、仲裁、行政诉讼).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteKind {
    /// Mediation (调解), by the workroom or a mediation body; no statutory period.
    Mediation,
    /// Administrative reconsideration: 60 days from knowing of the act, 行政复议法（2023年
    /// 修订）第二十条第一款.
    Reconsideration,
    /// Administrative litigation: 6 months from knowing of the act, 行政诉讼法 第四十六条
    /// 第一款; 15 days after a reconsideration decision, or after the reconsideration body
    /// failed to decide in time, 第四十五条.
    Litigation,
    /// Labour arbitration: one year from knowing of the infringement, 劳动争议调解仲裁法
    /// 第二十七条第一款; only where an employment relationship is in dispute.
    Arbitration,
}

impl RouteKind {
    /// The route as a rule of the law, with its article.
    pub fn text_in(self, lang: Lang, county: &str) -> String {
        match self {
            RouteKind::Mediation => t_in!(lang, "form-route-mediation", county = county),
            RouteKind::Reconsideration => t_in!(lang, "form-route-reconsideration"),
            RouteKind::Litigation => t_in!(lang, "form-route-litigation"),
            RouteKind::Arbitration => t_in!(lang, "form-route-arbitration"),
        }
    }
}

/// One legal route open to a party who objects, and, where the day the payer knew of the
/// administrative act is recorded, the last day of its period.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub kind: RouteKind,
    /// The last day counted from the day the act was known (reconsideration, litigation).
    pub last_day: Option<NaiveDate>,
    /// Where that day is a day off: the next working day, which is the real last day.
    pub extended: Option<NaiveDate>,
}

impl Route {
    /// A route stated as its rule only.
    fn rule(kind: RouteKind) -> Route {
        Route {
            kind,
            last_day: None,
            extended: None,
        }
    }

    fn counted(kind: RouteKind, last_day: NaiveDate, cal: &Calendar) -> Route {
        let real = extend_past_days_off(last_day, cal);
        Route {
            kind,
            last_day: Some(last_day),
            extended: (real != last_day).then_some(real),
        }
    }

    /// 以2026年11月18日知道该行政行为计，期限至2027年1月18日（……依法顺延）。Only for a
    /// route whose last day was computed.
    pub fn deadline_in(&self, lang: Lang, from: NaiveDate) -> Option<String> {
        let last = self.last_day?;
        let (plain, extended) = match self.kind {
            RouteKind::Litigation => (
                "form-route-deadline-litigation",
                "form-route-deadline-litigation-extended",
            ),
            _ => ("form-route-deadline", "form-route-deadline-extended"),
        };
        Some(match self.extended {
            None => t_in!(
                lang,
                plain,
                from = date_in(lang, from),
                last = date_in(lang, last)
            ),
            Some(real) => t_in!(
                lang,
                extended,
                from = date_in(lang, from),
                real = date_in(lang, real),
                last = date_in(lang, last)
            ),
        })
    }

    /// The rule of the law, followed by its last day where it was computed.
    pub fn sentence_in(&self, lang: Lang, county: &str, from: Option<NaiveDate>) -> String {
        let text = self.kind.text_in(lang, county);
        match from.and_then(|f| self.deadline_in(lang, f)) {
            Some(deadline) => t_in!(lang, "form-route", text = text, deadline = deadline),
            None => text,
        }
    }
}

/// The routes of a case: mediation, reconsideration and litigation always; arbitration
/// only where an employment relationship is in dispute (a case with the other party of an
/// employee-employer dispute: never, for example, a retiree's benefit assessment). Last
/// days only from the recorded day the act was known.
pub fn routes(case: &Case, act_date: Option<NaiveDate>, cal: &Calendar) -> Vec<Route> {
    let mut routes = vec![Route::rule(RouteKind::Mediation)];
    match act_date {
        Some(from) => {
            routes.push(Route::counted(
                RouteKind::Reconsideration,
                reconsideration_last_day(from),
                cal,
            ));
            routes.push(Route::counted(
                RouteKind::Litigation,
                litigation_last_day(from),
                cal,
            ));
        }
        None => {
            routes.push(Route::rule(RouteKind::Reconsideration));
            routes.push(Route::rule(RouteKind::Litigation));
        }
    }
    if case.counterparty.is_some() {
        routes.push(Route::rule(RouteKind::Arbitration));
    }
    routes
}

/// What the written reply says to one party, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub lang: Lang,
    pub county: String,
    pub title: String,
    /// The title as printed on the HTML page, in lines.
    pub heading: String,
    pub case_id: String,
    /// Whom this copy is for.
    pub party: Party,
    pub addressee: String,
    pub opening: String,
    pub opinion: String,
    pub reply_date: NaiveDate,
    /// The day the payer knew of the administrative act, if recorded.
    pub act_date: Option<NaiveDate>,
    pub routes: Vec<Route>,
    /// The department that issues it: the one that replied.
    pub dept: String,
    pub date: String,
    /// How many copies, and for whom.
    pub copies: String,
}

/// The written reply to the payer of a replied or archived case, in the chosen language;
/// refused before the reply.
pub fn notice(case: &Case, book: &Casebook) -> Result<Notice> {
    notice_in(dispute_i18n::lang(), case, book)
}

/// The written reply to the payer, in a language.
pub fn notice_in(lang: Lang, case: &Case, book: &Casebook) -> Result<Notice> {
    notice_for_in(lang, case, book, Party::Payer)
}

/// The written reply to each party of the dispute (向争议双方进行反馈): the payer's, and
/// the other party's in an employee-employer dispute.
pub fn notices_in(lang: Lang, case: &Case, book: &Casebook) -> Result<Vec<Notice>> {
    case.parties()
        .into_iter()
        .map(|p| notice_for_in(lang, case, book, p))
        .collect()
}

/// The written reply to one party, in a language.
pub fn notice_for_in(lang: Lang, case: &Case, book: &Casebook, party: Party) -> Result<Notice> {
    let refuse = |key: &str| Error::NotReady {
        id: case.id.clone(),
        action: t_in!(lang, "form-notice-action"),
        reason: t_in!(lang, key),
    };
    let reply = match (&case.reply, case.status) {
        (Some(r), Status::Replied | Status::Archived) => r,
        (_, Status::Redirected) => return Err(refuse("form-notice-redirected")),
        _ => return Err(refuse("form-notice-not-replied")),
    };
    let (addressee, kind) = match (party, &case.counterparty) {
        (Party::Payer, _) => (case.payer.name.clone(), case.payer.kind),
        (Party::Counterparty, Some(c)) => (c.name.clone(), c.kind),
        (Party::Counterparty, None) => return Err(refuse("rules-notice-no-counterparty")),
    };
    let cal = book.calendar();
    let from = local_date(&reply.at);
    let you = t_in!(
        lang,
        match kind {
            PayerKind::Individual => "form-notice-you-individual",
            PayerKind::Employer => "form-notice-you-employer",
        }
    );
    let about = case.title.as_deref().unwrap_or(&case.summary);
    let issuer = reply.dept.as_deref().unwrap_or(&case.receiving_dept);
    let opening = match party {
        Party::Payer => t_in!(
            lang,
            "form-notice-opening",
            you = you,
            date = date_in(lang, local_date(&case.received_at)),
            about = about.trim(),
            id = case.id.as_str(),
            dept = book.dept_short(&case.receiving_dept),
        ),
        Party::Counterparty => t_in!(
            lang,
            "rules-notice-opening-counterparty",
            you = you,
            payer = case.payer.name.as_str(),
            date = date_in(lang, local_date(&case.received_at)),
            about = about.trim(),
            id = case.id.as_str(),
            dept = book.dept_short(&case.receiving_dept),
        ),
    };
    let copies = if case.counterparty.is_some() {
        t_in!(lang, "rules-notice-copies-two")
    } else {
        t_in!(lang, "form-notice-copies")
    };
    Ok(Notice {
        lang,
        county: book.county.clone(),
        title: t_in!(lang, "form-notice-title", county = book.county.as_str()),
        heading: t_in!(lang, "form-notice-heading", county = book.county.as_str()),
        case_id: case.id.clone(),
        party,
        addressee,
        opening,
        opinion: reply.text.clone(),
        reply_date: from,
        act_date: reply.act_date,
        routes: routes(case, reply.act_date, &cal),
        dept: book.dept_name(issuer).to_string(),
        date: date_in(lang, from),
        copies,
    })
}

impl Notice {
    /// The routes, each a numbered sentence.
    fn route_lines(&self) -> Vec<String> {
        self.routes
            .iter()
            .enumerate()
            .map(|(i, r)| {
                t_in!(
                    self.lang,
                    "form-route-numbered",
                    n = i + 1,
                    route = r.sentence_in(self.lang, &self.county, self.act_date)
                )
            })
            .collect()
    }

    /// From when the periods run: the rule, and the day the act was known if recorded.
    fn periods_from(&self) -> String {
        let arbitration = self.routes.iter().any(|r| r.kind == RouteKind::Arbitration);
        let key = match (self.act_date.is_some(), arbitration) {
            (true, false) => "rules-notice-act-date",
            (true, true) => "rules-notice-act-date-arbitration",
            (false, false) => "rules-notice-periods-rule",
            (false, true) => "rules-notice-periods-rule-arbitration",
        };
        match self.act_date {
            Some(d) => t_in!(self.lang, key, date = date_in(self.lang, d)),
            None => t_in!(self.lang, key),
        }
    }
}

/// The written reply as an A4 HTML page, in the chosen language.
pub fn notice_html(case: &Case, book: &Casebook) -> Result<String> {
    notice_html_in(dispute_i18n::lang(), case, book)
}

pub fn notice_html_in(lang: Lang, case: &Case, book: &Casebook) -> Result<String> {
    notice_html_for_in(lang, case, book, None)
}

/// The written reply as one HTML document: one A4 sheet per party (or only `party`'s).
pub fn notice_html_for_in(
    lang: Lang,
    case: &Case,
    book: &Casebook,
    party: Option<Party>,
) -> Result<String> {
    let notices = match party {
        Some(p) => vec![notice_for_in(lang, case, book, p)?],
        None => notices_in(lang, case, book)?,
    };
    let sheets: Vec<String> = notices.iter().map(notice_sheet).collect();
    let title = t_in!(lang, "form-notice-page-title", id = case.id.as_str());
    Ok(pages(lang, &title, &sheets))
}

/// One notice as the body of an A4 sheet.
fn notice_sheet(n: &Notice) -> String {
    let lang = n.lang;
    let e = |s: &str| html_escape(s);
    let w = |key: &str| e(&t_in!(lang, key));
    let mut body = String::new();
    body.push_str(&format!("<h1>{}</h1>\n", html_lines(&n.heading)));
    body.push_str(&format!(
        "<p class=\"number\">{}</p>\n",
        e(&t_in!(lang, "form-number", id = n.case_id.as_str()))
    ));
    body.push_str(&format!(
        "<p class=\"to\">{}</p>\n",
        e(&t_in!(lang, "form-notice-to", payer = n.addressee.as_str()))
    ));
    let id = e(&n.case_id);
    let opening = e(&n.opening).replace(&id, &format!("<span class=\"nobr\">{id}</span>"));
    body.push_str(&format!("<p class=\"indent\">{opening}</p>\n"));
    body.push_str(&format!(
        "<div class=\"opinion\">{}</div>\n",
        paragraphs_indented(&n.opinion)
    ));
    body.push_str(&format!(
        "<p class=\"indent\">{}</p>\n",
        w("form-notice-routes-intro")
    ));
    for line in n.route_lines() {
        body.push_str(&format!("<p class=\"indent route\">{}</p>\n", e(&line)));
    }
    body.push_str(&format!(
        "<p class=\"indent rule\">{}</p>\n",
        e(&n.periods_from())
    ));
    body.push_str(&format!(
        "<p class=\"indent rule\">{}</p>\n",
        w("form-notice-period-rule")
    ));
    body.push_str(&format!(
        "<p class=\"indent\">{}</p>\n",
        w("form-notice-closing")
    ));
    body.push_str(&format!(
        "<div class=\"sign\">{}<br>{}</div>\n",
        e(&n.dept),
        e(&n.date)
    ));
    body.push_str(&format!("<p class=\"copies\">{}</p>\n", e(&n.copies)));
    body
}

/// The written reply as Markdown, in the chosen language.
pub fn notice_md(case: &Case, book: &Casebook) -> Result<String> {
    notice_md_in(dispute_i18n::lang(), case, book)
}

pub fn notice_md_in(lang: Lang, case: &Case, book: &Casebook) -> Result<String> {
    notice_md_for_in(lang, case, book, None)
}

/// The written reply as Markdown: one notice per party (or only `party`'s), separated by a
/// rule.
pub fn notice_md_for_in(
    lang: Lang,
    case: &Case,
    book: &Casebook,
    party: Option<Party>,
) -> Result<String> {
    let notices = match party {
        Some(p) => vec![notice_for_in(lang, case, book, p)?],
        None => notices_in(lang, case, book)?,
    };
    Ok(notices
        .iter()
        .map(notice_md_one)
        .collect::<Vec<_>>()
        .join("\n---\n\n"))
}

fn notice_md_one(n: &Notice) -> String {
    let lang = n.lang;
    let m = |s: &str| md_escape(s);
    let w = |key: &str| m(&t_in!(lang, key));
    // A paragraph's first-line indent (two ideographic spaces in Chinese).
    let indent = t_in!(lang, "form-md-indent");
    let mut o = String::new();
    o.push_str(&format!("# {}\n\n", m(&n.title)));
    o.push_str(&format!(
        "{}\n\n",
        m(&t_in!(lang, "form-number", id = n.case_id.as_str()))
    ));
    o.push_str(&format!(
        "{}\n\n",
        m(&t_in!(lang, "form-notice-to", payer = n.addressee.as_str()))
    ));
    o.push_str(&format!("{indent}{}\n\n", m(&n.opening)));
    for line in lines(&n.opinion) {
        o.push_str(&format!("{indent}{}\n\n", m(line)));
    }
    o.push_str(&format!("{indent}{}\n\n", w("form-notice-routes-intro")));
    for (i, r) in n.routes.iter().enumerate() {
        o.push_str(&format!(
            "{}. {}\n",
            i + 1,
            m(&r.sentence_in(lang, &n.county, n.act_date))
        ));
    }
    o.push('\n');
    o.push_str(&format!("{indent}{}\n\n", m(&n.periods_from())));
    o.push_str(&format!("{indent}{}\n\n", w("form-notice-period-rule")));
    o.push_str(&format!("{indent}{}\n\n", w("form-notice-closing")));
    // Two trailing spaces: a line break inside the signature paragraph.
    o.push_str(&format!("{}  \n{}\n\n", m(&n.dept), m(&n.date)));
    o.push_str(&format!("{}\n", m(&n.copies)));
    o
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
.sheet.next { break-before: page; page-break-before: always; margin-top: 3cm; }
@media print { .sheet.next { margin-top: 0; } }
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

/// Several A4 sheets in one self-contained document, each starting a new printed page.
fn pages(lang: Lang, title: &str, sheets: &[String]) -> String {
    let body = sheets.join("</div>\n<div class=\"sheet next\">\n");
    page(lang, title, &body)
}

/// A self-contained A4 page: UTF-8, inline CSS, nothing fetched.
fn page(lang: Lang, title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<div class=\"sheet\">\n{body}</div>\n</body>\n</html>\n",
        lang.tag(),
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
        let r = Route::counted(
            RouteKind::Reconsideration,
            reconsideration_last_day(from),
            &cal,
        );
        assert_eq!(r.extended, Some(d("2027-01-18")));
        let s = r.deadline_in(Lang::Zh, from).unwrap();
        assert!(s.contains("以2026年11月18日知道该行政行为计"), "{s}");
        assert!(s.contains("期限至2027年1月18日"), "{s}");
        assert!(s.contains("2027年1月17日为休息日"), "{s}");
        let r = Route::counted(RouteKind::Litigation, litigation_last_day(from), &cal);
        assert_eq!(r.extended, None);
        assert!(
            r.deadline_in(Lang::Zh, from)
                .unwrap()
                .contains("直接起诉的期限至2027年5月18日")
        );
        // A route stated as a rule has no last day.
        assert_eq!(
            Route::rule(RouteKind::Reconsideration).deadline_in(Lang::Zh, from),
            None
        );
    }

    /// Every legal period is stated as the rule of the law with its article, counted from
    /// knowledge of the act (or of the infringement), never from receipt of the notice.
    #[test]
    fn every_period_is_a_rule_with_its_article() {
        let county = "芮城县";
        for (kind, zh, en) in [
            (
                RouteKind::Reconsideration,
                vec![
                    "六十日",
                    "第二十条第一款",
                    "知道或者应当知道该行政行为之日起",
                ],
                vec!["sixty days", "Article 20"],
            ),
            (
                RouteKind::Litigation,
                vec![
                    "六个月",
                    "第四十六条第一款",
                    "十五日",
                    "复议机关逾期不作决定",
                    "第四十五条",
                ],
                vec![
                    "six months",
                    "Article 46",
                    "fifteen days",
                    "does not decide in time",
                    "Article 45",
                ],
            ),
            (
                RouteKind::Arbitration,
                vec!["一年", "第二十七条第一款", "权利被侵害之日起"],
                vec!["one year", "Article 27"],
            ),
            (
                RouteKind::Mediation,
                vec!["调解", "芮城县社会保险费征缴争议处理工作室"],
                vec!["mediation"],
            ),
        ] {
            let s = kind.text_in(Lang::Zh, county);
            for part in zh {
                assert!(s.contains(part), "{kind:?}: {part} in {s}");
            }
            assert!(!s.contains("收到本告知书"), "{s}");
            let s = kind.text_in(Lang::En, "Ruicheng County");
            for part in en {
                assert!(s.contains(part), "{kind:?}: {part} in {s}");
            }
            assert!(!s.contains("receiving this notice"), "{s}");
        }
    }

    #[test]
    fn dates_in_chinese() {
        assert_eq!(cn_date(d("2026-11-06")), "2026年11月6日");
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-16T06:00:00Z").unwrap();
        assert_eq!(cn_time(&t), "2026年11月16日 14时00分");
    }

    #[test]
    fn dates_in_english() {
        assert_eq!(date_in(Lang::En, d("2026-11-06")), "6 November 2026");
        assert_eq!(date_in(Lang::En, d("2027-01-31")), "31 January 2027");
        assert_eq!(month_day_in(Lang::En, 12, 1), "1 December");
        assert_eq!(month_day_in(Lang::Zh, 12, 1), "12月1日");
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-16T01:05:00Z").unwrap();
        assert_eq!(time_in(Lang::En, &t), "16 November 2026, 09:05");
    }

    #[test]
    fn routes_in_english_cite_the_same_articles() {
        let cal = Calendar::new(&crate::calendar::official_years());
        let from = d("2026-11-18");
        let r = Route::counted(
            RouteKind::Reconsideration,
            reconsideration_last_day(from),
            &cal,
        );
        let s = r.sentence_in(Lang::En, "Ruicheng County", Some(from));
        assert!(s.contains("Article 20"), "{s}");
        assert!(
            s.contains("ends on 18 January 2027 (17 January 2027 is a day off"),
            "{s}"
        );
        let zh = r.sentence_in(Lang::Zh, "芮城县", Some(from));
        assert!(
            zh.starts_with("申请行政复议：") && zh.contains("第二十条第一款）。以2026年11月18日"),
            "{zh}"
        );
        // Without the day the act was known: the rule alone.
        let zh = Route::rule(RouteKind::Reconsideration).sentence_in(Lang::Zh, "芮城县", None);
        assert!(zh.ends_with("第二十条第一款）。"), "{zh}");
        assert_eq!(
            t_in!(Lang::Zh, "form-route-numbered", n = 2, route = "x"),
            "二、x"
        );
        assert_eq!(
            t_in!(Lang::En, "form-route-numbered", n = 2, route = "x"),
            "2. x"
        );
    }

    #[test]
    fn headings_are_two_lines() {
        let zh = t_in!(Lang::Zh, "form-referral-heading", county = "芮城县");
        assert_eq!(
            html_lines(&zh),
            "芮城县社会保险费征缴争议事项处理<br>报　送　单"
        );
        let en = t_in!(Lang::En, "form-notice-heading", county = "Ruicheng County");
        assert_eq!(
            html_lines(&en),
            "Ruicheng County Social Insurance Contribution Dispute<br>Written Notice"
        );
        assert_eq!(t_in!(Lang::Zh, "form-md-indent"), "　　");
        assert_eq!(t_in!(Lang::En, "form-md-indent"), "");
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
