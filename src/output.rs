//! All output: data on stdout (tables, case sheets, JSON, the new case ID), status, notices
//! and errors on stderr. Commands never print directly; they hand domain values to `Ui`.

use std::io::{self, Write};

use chrono::NaiveDate;
use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use crate::calendar::{Calendar, china, local_date};
use crate::case::{Action, Case, Status, Time, Track};
use crate::casebook::Casebook;
use crate::error::{Error, Result};
use crate::protocol::{CommitInfo, Trailer};
use crate::text::{self, Label};
use crate::workflow::{LateRow, ObligationKind};

pub struct Ui {
    out: io::Stdout,
    err: io::Stderr,
}

impl Default for Ui {
    fn default() -> Self {
        Ui::new()
    }
}

impl Ui {
    pub fn new() -> Ui {
        Ui {
            out: io::stdout(),
            err: io::stderr(),
        }
    }

    /// One line of data on stdout. A closed pipe surfaces as `Io(BrokenPipe)`, which the
    /// caller turns into a quiet exit.
    pub fn line(&mut self, s: &str) -> Result<()> {
        let mut out = self.out.lock();
        writeln!(out, "{s}")?;
        out.flush()?;
        Ok(())
    }

    /// Text on stdout as it is (a document, a table already rendered).
    pub fn block(&mut self, s: &str) -> Result<()> {
        let mut out = self.out.lock();
        out.write_all(s.as_bytes())?;
        if !s.ends_with('\n') {
            out.write_all(b"\n")?;
        }
        out.flush()?;
        Ok(())
    }

    pub fn json<T: Serialize>(&mut self, value: &T) -> Result<()> {
        let text =
            serde_json::to_string_pretty(value).map_err(|e| Error::Internal(e.to_string()))?;
        self.block(&text)
    }

    /// A status message for people (stderr).
    pub fn status(&mut self, s: &str) {
        let _ = writeln!(self.err, "{s}");
    }

    pub fn notices(&mut self, notices: crate::store::Notices) {
        let notices = notices.0;
        for n in notices {
            let _ = writeln!(self.err, "注意：{n}");
        }
    }

    pub fn warn(&mut self, s: &str) {
        let _ = writeln!(self.err, "警告：{s}");
    }

    /// A write succeeded: the commit and what it recorded.
    pub fn done(&mut self, subject: &str, commit: git2::Oid) {
        let _ = writeln!(
            self.err,
            "已提交 {}  {subject}",
            crate::store::oid_short(commit)
        );
    }

    /// An error: one line saying what is wrong, one line saying what to do.
    pub fn error(&mut self, e: &Error) {
        let _ = writeln!(self.err, "错误：{e}");
        if let Some(h) = e.hint() {
            let _ = writeln!(self.err, "提示：{h}");
        }
    }

    pub fn table(&mut self, table: Table) -> Result<()> {
        self.block(&table.to_string())
    }

    /// A produced document or file: to `-o PATH` if given (then a status line), else stdout.
    pub fn emit(&mut self, bytes: &[u8], to: Option<&std::path::Path>) -> Result<()> {
        match to {
            Some(path) if path.as_os_str() != "-" => {
                std::fs::write(path, bytes).map_err(|e| Error::FileRead {
                    path: path.display().to_string(),
                    reason: format!("无法写入：{e}"),
                })?;
                self.status(&format!("已写入 {}", path.display()));
                Ok(())
            }
            _ => {
                let mut out = self.out.lock();
                out.write_all(bytes)?;
                out.flush()?;
                Ok(())
            }
        }
    }

    pub fn operators(&mut self, book: &Casebook, json: bool) -> Result<()> {
        if json {
            return self.json(&book.operators);
        }
        let mut t = new_table(&["编号", "姓名", "部门", "角色", "邮箱", "状态"]);
        for op in &book.operators {
            let roles: Vec<&str> = op.roles.iter().map(|r| r.label()).collect();
            t.add_row(vec![
                op.id.clone(),
                op.name.clone(),
                book.dept_short(&op.dept).to_string(),
                roles.join("、"),
                op.email.clone(),
                if op.active { "在用" } else { "已停用" }.to_string(),
            ]);
        }
        self.table(t)
    }

    pub fn case_list(&mut self, book: &Casebook, rows: &[ListRow], json: bool) -> Result<()> {
        if json {
            return self.json(&rows);
        }
        let mut t = new_table(&[
            "编号",
            "状态",
            "类别",
            "缴费人",
            "辖区",
            "受理时间",
            "下一时限",
        ]);
        for r in rows {
            let due = match (&r.next_due, r.days_late) {
                (Some(d), Some(late)) => format!("{d}（超期{late}个工作日）"),
                (Some(d), None) => d.to_string(),
                (None, _) => text::NONE.to_string(),
            };
            t.add_row(vec![
                r.id.clone(),
                r.status.label().to_string(),
                r.category
                    .map(|c| format!("{c} {}", text::category(c)))
                    .unwrap_or_else(|| text::NONE.to_string()),
                r.payer.clone(),
                r.district.clone(),
                short_time(&r.received_at),
                due,
            ]);
        }
        self.table(t)?;
        let _ = book;
        self.status(&format!("共 {} 件", rows.len()));
        Ok(())
    }

    /// `log`: one row per commit. 办理时间 is `At` (when the operator says it happened),
    /// 提交时间 the signed commit time.
    pub fn history(&mut self, book: &Casebook, entries: &[CommitInfo], json: bool) -> Result<()> {
        let rows: Vec<LogRow> = entries.iter().map(|e| LogRow::new(book, e)).collect();
        if json {
            return self.json(&rows);
        }
        let mut t = new_table(&["办理时间", "操作员", "动作", "说明", "提交", "提交时间"]);
        for r in rows {
            t.add_row(vec![
                r.at.as_ref()
                    .map(short_time)
                    .unwrap_or_else(|| text::NONE.to_string()),
                r.operator_label,
                r.action_label,
                r.summary,
                r.commit,
                short_time(&r.committed),
            ]);
        }
        self.table(t)
    }

    pub fn overdue(
        &mut self,
        book: &Casebook,
        rows: &[LateRow],
        as_of: NaiveDate,
        json: bool,
    ) -> Result<()> {
        if json {
            return self.json(&rows);
        }
        let mut t = new_table(&[
            "编号",
            "待办事项",
            "责任部门",
            "责任人",
            "期限",
            "超期工作日",
        ]);
        for r in rows {
            t.add_row(vec![
                r.case.clone(),
                text::obligation_label(r.what).to_string(),
                book.dept_short(&r.dept).to_string(),
                r.operator
                    .as_deref()
                    .map(|o| book.operator_label(o))
                    .unwrap_or_else(|| format!("{}承办人", book.dept_short(&r.dept))),
                r.due.to_string(),
                r.days_late.to_string(),
            ]);
        }
        self.table(t)?;
        self.status(&format!("截至 {as_of}，超期事项共 {} 项", rows.len()));
        Ok(())
    }

    pub fn findings(
        &mut self,
        findings: &[crate::audit::Finding],
        checked: usize,
        json: bool,
    ) -> Result<()> {
        if json {
            return self.json(&findings);
        }
        if !findings.is_empty() {
            let mut t = new_table(&["提交", "案件", "操作员", "问题"]);
            for f in findings {
                t.add_row(vec![
                    f.commit.clone(),
                    f.case.clone().unwrap_or_else(|| text::NONE.into()),
                    f.operator.clone().unwrap_or_else(|| text::NONE.into()),
                    f.rule.clone(),
                ]);
            }
            self.table(t)?;
        }
        self.status(&format!(
            "核验了 {checked} 个改动案卷的提交，发现 {} 处问题",
            findings.len()
        ));
        Ok(())
    }

    /// The bad rows of an import, on stderr (stdout stays for the imported IDs).
    pub fn row_errors(&mut self, errors: &[crate::import::RowError]) {
        let mut t = new_table(&["行", "列", "原因"]);
        for e in errors {
            t.add_row(vec![
                if e.row == 0 {
                    text::NONE.to_string()
                } else {
                    e.row.to_string()
                },
                e.column.clone(),
                e.reason.clone(),
            ]);
        }
        let _ = writeln!(self.err, "{t}");
    }

    /// The case sheet of `show`.
    pub fn case_sheet(
        &mut self,
        book: &Casebook,
        case: &Case,
        cal: &Calendar,
        today: NaiveDate,
    ) -> Result<()> {
        let s = case_sheet(book, case, cal, today);
        self.block(&s)
    }
}

/// A table in the house style, with its header row.
pub fn new_table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header.to_vec());
    t
}

/// One row of `list`.
#[derive(Debug, Clone, Serialize)]
pub struct ListRow {
    pub id: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub track: Option<Track>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<u8>,
    pub payer: String,
    pub district: String,
    pub receiving_dept: String,
    pub received_at: Time,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_due: Option<NaiveDate>,
    /// Working days the most late obligation is past due.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_late: Option<u32>,
}

/// One row of `log`.
#[derive(Debug, Serialize)]
pub struct LogRow {
    pub commit: String,
    /// When the action happened (`At`), if the commit says.
    pub at: Option<Time>,
    /// The commit time.
    pub committed: Time,
    pub operator: Option<String>,
    #[serde(skip)]
    operator_label: String,
    pub author_name: String,
    pub author_email: String,
    pub action: Option<String>,
    #[serde(skip)]
    action_label: String,
    pub subject: String,
    pub summary: String,
}

impl LogRow {
    fn new(book: &Casebook, e: &CommitInfo) -> LogRow {
        let t = &e.message.trailers;
        let operator = t.get(Trailer::Operator).map(str::to_string);
        let operator_label = match &operator {
            Some(id) => book.operator_label(id),
            None => format!("{} <{}>（非 dispute 提交）", e.author_name, e.author_email),
        };
        let action = t.get(Trailer::Action).map(str::to_string);
        let action_label = match &action {
            Some(a) => Action::from_code(a)
                .map(|a| a.label().to_string())
                .unwrap_or_else(|| a.clone()),
            None => text::NONE.to_string(),
        };
        LogRow {
            commit: e.commit.clone(),
            at: t.at(),
            committed: e.time,
            operator,
            operator_label,
            author_name: e.author_name.clone(),
            author_email: e.author_email.clone(),
            action,
            action_label,
            subject: e.message.subject.clone(),
            summary: e.message.summary().to_string(),
        }
    }
}

/// `2026-11-20 09:30` in China time.
pub fn short_time(t: &Time) -> String {
    t.with_timezone(&china())
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

fn push(out: &mut String, s: impl AsRef<str>) {
    out.push_str(s.as_ref());
    out.push('\n');
}

fn section(out: &mut String, title: &str) {
    out.push('\n');
    push(out, format!("【{title}】"));
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn case_sheet(book: &Casebook, case: &Case, cal: &Calendar, today: NaiveDate) -> String {
    let mut o = String::new();
    let dept = |c: &str| book.dept_short(c).to_string();
    let op = |id: &str| book.operator_label(id);
    let late = |due: NaiveDate| -> String {
        if due < today {
            format!(
                "（已超期 {} 个工作日）",
                cal.working_days_between(due, today)
            )
        } else {
            String::new()
        }
    };

    push(&mut o, format!("案件 {}　{}", case.id, case.status.label()));
    if let Some(t) = &case.title {
        push(&mut o, format!("标题：{t}"));
    }

    section(&mut o, "受理登记");
    push(
        &mut o,
        format!(
            "受理部门：{}　首问责任人：{}",
            dept(&case.receiving_dept),
            op(&case.first_receiver)
        ),
    );
    push(
        &mut o,
        format!(
            "受理时间：{}　渠道：{}　辖区：{}",
            short_time(&case.received_at),
            case.channel.label(),
            case.district
        ),
    );
    let p = &case.payer;
    let mut payer = format!(
        "缴费人：{}（{}）　电话：{}",
        p.name,
        p.kind.label(),
        p.phone
    );
    if let Some(c) = &p.contact {
        payer.push_str(&format!("　联系人：{c}"));
    }
    if let Some(id) = &p.id_code {
        payer.push_str(&format!("　证件号码：{id}"));
    }
    push(&mut o, payer);
    push(&mut o, "反映事项：");
    push(&mut o, indent(&case.summary));

    section(&mut o, "分类");
    push(
        &mut o,
        format!(
            "事项类型：{}　争议类别：{}",
            case.track.map(|t| t.label()).unwrap_or("未分类"),
            case.category
                .map(|c| format!("{c} {}", text::category(c)))
                .unwrap_or_else(|| text::NONE.into())
        ),
    );
    if !case.insurance.is_empty() {
        let ins: Vec<&str> = case.insurance.iter().map(|i| i.label()).collect();
        push(&mut o, format!("险种：{}", ins.join("、")));
    }

    section(&mut o, "时限");
    let open = crate::workflow::open_obligations(case);
    let mut any = false;
    for (label, due, kind) in [
        ("分类流转", case.due.classify, ObligationKind::Classify),
        ("转交承办部门", case.due.dispatch, ObligationKind::Dispatch),
        ("书面回复缴费人", case.due.reply, ObligationKind::Reply),
        ("案卷归档", case.due.archive, ObligationKind::Archive),
    ] {
        if let Some(d) = due {
            any = true;
            let pending = open.iter().any(|ob| ob.what == kind);
            let state = if pending {
                late(d)
            } else {
                "（已完成）".to_string()
            };
            push(&mut o, format!("{label}：{d}{state}"));
        }
    }
    if !any {
        push(&mut o, text::NONE);
    }

    if !case.assignments.is_empty() {
        section(&mut o, "联办（承办）部门");
        for a in &case.assignments {
            let status = match (case.opinion_of(&a.dept), a.removed_at) {
                (_, Some(at)) => format!(
                    "已撤回（{}：{}）",
                    short_time(&at),
                    a.removed_reason.as_deref().unwrap_or("")
                ),
                (Some(op), None) => {
                    let when = local_date(&op.at);
                    if when > a.due {
                        format!("已提交 {}（逾期）", short_time(&op.at))
                    } else {
                        format!("已提交 {}", short_time(&op.at))
                    }
                }
                (None, None) if case.status.is_open() && case.reply.is_none() => {
                    format!("未提交{}", late(a.due))
                }
                (None, None) => "未提交".to_string(),
            };
            push(
                &mut o,
                format!("{}　期限 {}　{}", dept(&a.dept), a.due, status),
            );
        }
    }

    for opn in &case.opinions {
        section(&mut o, &format!("书面意见：{}", dept(&opn.dept)));
        push(&mut o, format!("{}　{}", op(&opn.by), short_time(&opn.at)));
        push(&mut o, indent(&opn.text));
    }

    if let Some(a) = &case.approval {
        section(&mut o, "上报领导小组");
        push(
            &mut o,
            format!(
                "{}　{}上报：{}",
                short_time(&a.requested_at),
                op(&a.requested_by),
                a.reason
            ),
        );
        match (&a.decision, &a.decided_by, &a.decided_at) {
            (Some(d), Some(by), Some(at)) => push(
                &mut o,
                format!(
                    "{}　{}：{}。{}",
                    short_time(at),
                    op(by),
                    d.label(),
                    a.note.as_deref().unwrap_or("")
                ),
            ),
            _ => push(&mut o, "待组长审批"),
        }
    }

    for c in &case.consultations {
        section(&mut o, &format!("会商：{}", c.kind.label()));
        let who: Vec<String> = c.attendees.iter().map(|d| dept(d)).collect();
        push(
            &mut o,
            format!(
                "{}　记录人 {}　参会：{}",
                short_time(&c.at),
                op(&c.by),
                who.join("、")
            ),
        );
        push(&mut o, "会议纪要：");
        push(&mut o, indent(&c.minutes));
    }

    if let Some(r) = &case.referral {
        section(&mut o, "报送单");
        push(
            &mut o,
            format!(
                "报送：{}　{}",
                short_time(&r.referred_at),
                op(&r.referred_by)
            ),
        );
        push(
            &mut o,
            format!(
                "受理人：{}　电话：{}　受理时间：{}",
                r.receiver_name,
                r.receiver_phone,
                short_time(&r.received_at)
            ),
        );
        push(&mut o, "反映内容摘要：");
        push(&mut o, indent(&r.summary));
        push(&mut o, format!("报送意见：{}", r.opinion));
        push(&mut o, format!("反馈受理部门日期：{}", r.feedback_due));
        match (&r.dispatched_at, &r.hotline_ticket) {
            (Some(at), Some(t)) => push(
                &mut o,
                format!("已转办：{}　12345工单 {}", short_time(at), t),
            ),
            _ => push(&mut o, "待县政府办转办"),
        }
    }

    if let Some(r) = &case.redirect {
        section(&mut o, "告知另行办理");
        push(
            &mut o,
            format!(
                "{}　{}：告知缴费人到{}办理。{}",
                short_time(&r.at),
                op(&r.by),
                dept(&r.dept),
                r.note
            ),
        );
    }

    for d in &case.discipline {
        section(&mut o, "移交纪委监委");
        push(
            &mut o,
            format!(
                "{}　{}：{}拒不办理。{}",
                short_time(&d.at),
                op(&d.by),
                dept(&d.dept),
                d.reason
            ),
        );
    }

    if let Some(r) = &case.reply {
        section(&mut o, "书面回复（总处理意见）");
        push(&mut o, format!("{}　{}", short_time(&r.at), op(&r.by)));
        push(&mut o, indent(&r.text));
    }

    if let Some(a) = &case.archive {
        section(&mut o, "归档");
        let remedy = a
            .remedy
            .map(|r| format!("，{}", r.label()))
            .unwrap_or_default();
        push(
            &mut o,
            format!(
                "{}　{}：{}{}",
                short_time(&a.at),
                op(&a.by),
                a.outcome.label(),
                remedy
            ),
        );
        if let Some(n) = &a.note {
            push(&mut o, indent(n));
        }
    }

    section(&mut o, "时间线");
    for e in &case.events {
        let about = e
            .dept
            .as_deref()
            .map(|d| format!("（{}）", dept(d)))
            .unwrap_or_default();
        push(
            &mut o,
            format!(
                "{}　{}{}　{}",
                short_time(&e.at),
                e.action.label(),
                about,
                op(&e.by)
            ),
        );
    }
    o
}
