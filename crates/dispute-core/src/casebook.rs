//! `casebook.toml`: the county, its member departments, the leading group, the operators,
//! the default time limits and the official working-day calendar.
//!
//! The file is read from HEAD by every command; `init` writes the defaults below.

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use dispute_i18n::t;

use crate::calendar::{Calendar, CalendarYear};
use crate::error::{Error, Result};

/// The current version of the casebook format.
pub const FORMAT: u32 = 1;

/// `casebook.toml` larger than this is refused before it is read.
pub const MAX_CASEBOOK_BYTES: u64 = 1024 * 1024;
/// More operators than this are refused (a county has a few dozen).
pub const MAX_OPERATORS: usize = 2000;

/// Refuse a `casebook.toml` of `bytes` bytes over the limit (callers that can see the size
/// before reading the file check it first).
pub fn check_size(bytes: u64) -> Result<()> {
    if bytes > MAX_CASEBOOK_BYTES {
        return Err(Error::CasebookInvalid(t!(
            "secret-casebook-too-large",
            kib = bytes.div_ceil(1024),
            max = MAX_CASEBOOK_BYTES / 1024
        )));
    }
    Ok(())
}

fn check_operator_count(n: usize) -> Result<()> {
    if n > MAX_OPERATORS {
        return Err(Error::CasebookInvalid(t!(
            "secret-too-many-operators",
            n = n,
            max = MAX_OPERATORS
        )));
    }
    Ok(())
}

/// The current edition of the handling rules. Edition 1 is the workflow before issue 13;
/// edition 2 reads the regulation as written: every member's opinion (or the leader's
/// exemption) on a major matter, the leader's own time limit, the 12345 loop closed by the
/// competent department, replies to both parties. A casebook without a `rules` line is of
/// edition 1, so its history replays as it was made; `init` writes the current edition and
/// `dispute admin set rules 2` upgrades an older casebook. Each case keeps the edition it
/// was registered under (`Case::rules`), so an upgrade never changes an open case's rules.
pub const RULES: u32 = 2;

fn rules_edition_one() -> u32 {
    1
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Casebook {
    pub format: u32,
    /// The edition of the handling rules new cases are registered under (see [`RULES`]).
    #[serde(default = "rules_edition_one")]
    pub rules: u32,
    pub county: String,
    pub leading_group: LeadingGroup,
    pub deadlines: Deadlines,
    pub departments: Vec<Department>,
    pub operators: Vec<Operator>,
    pub calendar: Vec<CalendarYear>,
    /// Signed history and the backdating window (DESIGN §9).
    #[serde(default)]
    pub integrity: Integrity,
    /// Exchange with the central casebook (DESIGN §10). Written only when set.
    #[serde(default, skip_serializing_if = "SyncSettings::is_default")]
    pub sync: SyncSettings,
    /// Whether payer data is encrypted at rest (DESIGN §11).
    #[serde(default, skip_serializing_if = "Privacy::is_off")]
    pub privacy: Privacy,
}

/// How clones exchange work with the central casebook.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncSettings {
    /// After each write, try `dispute sync`; an unreachable central casebook is only a
    /// warning (`dispute admin set autosync on`).
    #[serde(default)]
    pub autosync: bool,
}

impl SyncSettings {
    pub fn is_default(&self) -> bool {
        *self == SyncSettings::default()
    }
}

/// Confidentiality of payer data (DESIGN §11).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Privacy {
    /// Every case file written from the commit that set this on stores the payer's
    /// confidential fields only encrypted. New casebooks start with it; older ones set it
    /// with `dispute admin encrypt-payers`.
    #[serde(default)]
    pub payers_encrypted: bool,
}

impl Privacy {
    fn is_off(&self) -> bool {
        !self.payers_encrypted
    }
}

/// What makes history trustworthy: signatures and a bound on backdating.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Integrity {
    /// Every commit from the one that set this on must be signed by its operator's key.
    /// New casebooks start with it; older ones set it with `dispute admin require-signing`.
    #[serde(default)]
    pub signing_required: bool,
    /// How many hours `--at` may lie before the (signed) commit time.
    #[serde(default = "default_backdate_window")]
    pub backdate_window_hours: u32,
}

fn default_backdate_window() -> u32 {
    72
}

impl Default for Integrity {
    fn default() -> Self {
        Integrity {
            signing_required: false,
            backdate_window_hours: default_backdate_window(),
        }
    }
}

/// A member department of the mechanism.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    pub code: String,
    pub name: String,
    /// Short name for tables (县人社局).
    pub short: String,
    /// The department's key pairs for payer data, oldest first; the last one not retired is
    /// the current one (DESIGN §11, see `seal`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<DeptKey>,
}

/// A department's X25519 key pair: cases are encrypted to its public half; its private
/// half is kept here encrypted to the SSH keys of the department's active operators, so an
/// operator's own key opens their department's key, and that opens the case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeptKey {
    /// The public half, an age recipient (`age1…`).
    pub recipient: String,
    /// The private half (`AGE-SECRET-KEY-1…`), age-encrypted (ASCII armor) to the SSH keys
    /// of `wrapped_to`.
    pub secret: String,
    /// SHA-256 fingerprints of the operators' SSH keys that open `secret`, sorted.
    pub wrapped_to: Vec<String>,
    /// When it was made (a real commit time).
    pub created: crate::case::Time,
    /// When a newer key replaced it, or its department lost its last operator with a key;
    /// cases sealed to it before stay readable by those it is wrapped to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired: Option<crate::case::Time>,
}

/// 领导小组: led by a deputy county head; the office sits at one department.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeadingGroup {
    pub leader_title: String,
    pub office_dept: String,
    pub deputy_depts: Vec<String>,
}

/// Time limits in working days (DESIGN §7): this county's settings (办理时限（本县设定）);
/// the regulation itself sets no numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadlines {
    pub classify: u32,
    pub opinion: u32,
    pub opinion_major: u32,
    pub reply: u32,
    pub reply_major: u32,
    pub dispatch: u32,
    pub referral_handling: u32,
    pub archive: u32,
    /// The leader's decision on a report to the leading group, from the report (rules
    /// edition 2). Casebooks written before it existed read with the default.
    #[serde(default = "default_approval_days")]
    pub approval: u32,
}

fn default_approval_days() -> u32 {
    3
}

impl Default for Deadlines {
    fn default() -> Self {
        Deadlines {
            classify: 1,
            opinion: 5,
            opinion_major: 10,
            reply: 15,
            reply_major: 30,
            dispatch: 1,
            referral_handling: 5,
            archive: 5,
            approval: default_approval_days(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Registers and runs the cases its department received.
    Receiver,
    /// Writes its department's written opinion.
    Handler,
    /// Leading-group office: consultations and minutes.
    Office,
    /// Leader of the leading group: approves major cases.
    Leader,
    /// `gov`: dispatches referrals through the 12345 hotline.
    Dispatcher,
    /// Manages operators and settings.
    Admin,
}

impl Role {
    pub const ALL: &'static [Role] = &[
        Role::Receiver,
        Role::Handler,
        Role::Office,
        Role::Leader,
        Role::Dispatcher,
        Role::Admin,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Receiver => "receiver",
            Role::Handler => "handler",
            Role::Office => "office",
            Role::Leader => "leader",
            Role::Dispatcher => "dispatcher",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Result<Role> {
        Role::ALL
            .iter()
            .copied()
            .find(|r| r.code() == s)
            .ok_or_else(|| Error::UnknownRole(s.to_string()))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operator {
    pub id: String,
    pub name: String,
    pub email: String,
    pub dept: String,
    pub roles: Vec<Role>,
    #[serde(default = "yes")]
    pub active: bool,
    /// Office phone, printed on the referral form as the receiver's phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Every SSH key the operator has signed with, oldest first; the last one not retired
    /// is the current one (DESIGN §9).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<OperatorKey>,
}

/// One registered public key and when it was valid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperatorKey {
    /// `ssh-ed25519 AAAA…`, without comment.
    pub key: String,
    /// When it was registered (a real commit time).
    pub added: crate::case::Time,
    /// When it was replaced or its operator disabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired: Option<crate::case::Time>,
}

fn yes() -> bool {
    true
}

impl Operator {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// The nine member departments of DESIGN §2: code and the catalog keys of the full name
/// (with the county as `$county`) and of the short name.
pub const MEMBER_DEPARTMENTS: &[(&str, &str, &str)] = &[
    ("tax", "book-dept-tax-name", "book-dept-tax-short"),
    ("hrss", "book-dept-hrss-name", "book-dept-hrss-short"),
    (
        "medical",
        "book-dept-medical-name",
        "book-dept-medical-short",
    ),
    (
        "justice",
        "book-dept-justice-name",
        "book-dept-justice-short",
    ),
    (
        "finance",
        "book-dept-finance-name",
        "book-dept-finance-short",
    ),
    (
        "approval",
        "book-dept-approval-name",
        "book-dept-approval-short",
    ),
    (
        "petition",
        "book-dept-petition-name",
        "book-dept-petition-short",
    ),
    ("cac", "book-dept-cac-name", "book-dept-cac-short"),
    ("gov", "book-dept-gov-name", "book-dept-gov-short"),
];

impl Casebook {
    /// A new casebook with the defaults of DESIGN §2 and §7 and its first operator. The
    /// department names and the leader's title are written in the chosen language (that of
    /// whoever runs `init`); from then on they are data of the casebook.
    pub fn new(county: &str, admin: Operator) -> Casebook {
        Casebook {
            format: FORMAT,
            rules: RULES,
            county: county.to_string(),
            leading_group: LeadingGroup {
                leader_title: t!("book-leader-title"),
                office_dept: "tax".to_string(),
                deputy_depts: ["gov", "hrss", "medical", "tax"].map(String::from).to_vec(),
            },
            deadlines: Deadlines::default(),
            departments: MEMBER_DEPARTMENTS
                .iter()
                .map(|(code, name, short)| Department {
                    code: code.to_string(),
                    name: t!(name, county = county),
                    short: t!(short),
                    keys: vec![],
                })
                .collect(),
            operators: vec![admin],
            calendar: crate::calendar::official_years(),
            integrity: Integrity {
                signing_required: true,
                ..Integrity::default()
            },
            sync: SyncSettings::default(),
            privacy: Privacy {
                payers_encrypted: true,
            },
        }
    }

    /// Read `casebook.toml`. A file over [`MAX_CASEBOOK_BYTES`] or with more than
    /// [`MAX_OPERATORS`] operators is refused before it is parsed, so a bloated casebook
    /// cannot make every command slow and hungry.
    pub fn parse(text: &str) -> Result<Casebook> {
        Casebook::parse_with(text, true)
    }

    /// Read a `casebook.toml` whose text passed [`Casebook::parse`] before under the same
    /// schema ([`crate::schema::casebook_schema_digest`]): the JSON Schema is not applied
    /// again; every other check is.
    pub fn parse_checked_before(text: &str) -> Result<Casebook> {
        Casebook::parse_with(text, false)
    }

    fn parse_with(text: &str, schema: bool) -> Result<Casebook> {
        check_size(text.len() as u64)?;
        let operators = text
            .lines()
            .filter(|l| l.trim_start().starts_with("[[operators]]"))
            .count();
        check_operator_count(operators)?;
        let book: Casebook = if schema {
            let value: toml::Value = toml::from_str(text)
                .map_err(|e| Error::CasebookInvalid(crate::case::parse_problem(&e, text)))?;
            crate::schema::check_casebook(&value)?;
            value.try_into().map_err(|e: toml::de::Error| {
                Error::CasebookInvalid(crate::case::short_problem(e.message()))
            })?
        } else {
            // Found valid before: straight into the types, without the generic value the
            // schema check needs.
            toml::from_str(text)
                .map_err(|e| Error::CasebookInvalid(crate::case::parse_problem(&e, text)))?
        };
        check_operator_count(book.operators.len())?;
        book.check()?;
        Ok(book)
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a casebook always serialises")
    }

    /// Rules the schema cannot express: references between parts of the file.
    fn check(&self) -> Result<()> {
        let bad = |m: String| Err(Error::CasebookInvalid(m));
        if self.format != FORMAT {
            return bad(t!(
                "book-format-unsupported",
                format = self.format,
                supported = FORMAT
            ));
        }
        if !(1..=RULES).contains(&self.rules) {
            return bad(t!(
                "rules-book-edition-unsupported",
                rules = self.rules,
                supported = RULES
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for d in &self.departments {
            if !seen.insert(d.code.as_str()) {
                return bad(t!("book-dept-duplicate", code = d.code));
            }
        }
        for code in
            std::iter::once(&self.leading_group.office_dept).chain(&self.leading_group.deputy_depts)
        {
            if self.department(code).is_none() {
                return bad(t!("book-group-unknown-dept", code = code));
            }
        }
        for y in &self.calendar {
            for entry in y.holidays.iter().chain(&y.workdays) {
                match crate::calendar::parse_span(entry) {
                    Some((a, b)) if a.year() == y.year && b.year() == y.year => {}
                    Some(_) => {
                        return bad(t!("book-calendar-wrong-year", year = y.year, entry = entry));
                    }
                    None => {
                        return bad(t!("book-calendar-bad-date", year = y.year, entry = entry));
                    }
                }
            }
        }
        let mut ids = std::collections::HashSet::new();
        for op in &self.operators {
            if !ids.insert(op.id.as_str()) {
                return bad(t!("book-operator-duplicate", id = op.id));
            }
            if self.department(&op.dept).is_none() {
                return bad(t!("book-operator-unknown-dept", id = op.id, dept = op.dept));
            }
        }
        Ok(())
    }

    pub fn department(&self, code: &str) -> Option<&Department> {
        self.departments.iter().find(|d| d.code == code)
    }

    /// A department code the user typed, checked against this casebook.
    pub fn dept_code(&self, code: &str) -> Result<String> {
        let code = code.trim();
        self.department(code)
            .map(|d| d.code.clone())
            .ok_or_else(|| Error::UnknownDept(code.to_string()))
    }

    /// The full name of a department, or the code itself if it is not a member.
    pub fn dept_name<'a>(&'a self, code: &'a str) -> &'a str {
        match self.department(code) {
            Some(d) => &d.name,
            None => crate::text::outside_dept_name(code).unwrap_or(code),
        }
    }

    pub fn dept_short<'a>(&'a self, code: &'a str) -> &'a str {
        match self.department(code) {
            Some(d) => &d.short,
            None => crate::text::outside_dept_name(code).unwrap_or(code),
        }
    }

    pub fn operator(&self, id: &str) -> Option<&Operator> {
        self.operators.iter().find(|o| o.id == id)
    }

    pub fn operator_by_email(&self, email: &str) -> Option<&Operator> {
        self.operators
            .iter()
            .find(|o| o.email.eq_ignore_ascii_case(email))
    }

    /// "张三（县税务局）" for logs and tables; the ID itself if unknown.
    pub fn operator_label(&self, id: &str) -> String {
        match self.operator(id) {
            Some(op) => t!(
                "book-operator-label",
                name = op.name,
                dept = self.dept_short(&op.dept)
            ),
            None => id.to_string(),
        }
    }

    pub fn calendar(&self) -> Calendar {
        Calendar::new(&self.calendar)
    }

    pub fn member_codes(&self) -> Vec<String> {
        self.departments.iter().map(|d| d.code.clone()).collect()
    }
}

/// The department that runs the joint dispute workroom (争议处理工作室) at the government
/// service centre: regulation 三（二）7.
pub const WORKROOM_DEPT: &str = "approval";

/// The petition bureau (县信访局), which passes leads to the competent department: 三（二）8.
pub const PETITION_DEPT: &str = "petition";

/// The cyberspace office (县委网信办), which watches online public opinion: 三（二）9.
pub const CAC_DEPT: &str = "cac";

/// The code under which the leading group's own obligations (the leader's decision on a
/// report) are listed and counted, beside the departments.
pub const LEADING_GROUP: &str = "leading-group";

#[cfg(test)]
mod tests {
    use super::*;

    fn admin() -> Operator {
        Operator {
            id: "admin".into(),
            name: "管理员".into(),
            email: "admin@example.org".into(),
            dept: "tax".into(),
            roles: vec![Role::Admin],
            active: true,
            phone: None,
            keys: vec![],
        }
    }

    #[test]
    fn defaults_round_trip_through_toml_and_schema() {
        let book = Casebook::new("芮城县", admin());
        let text = book.to_toml();
        let back = Casebook::parse(&text).unwrap();
        assert_eq!(back, book);
        assert_eq!(back.departments.len(), 9);
        assert_eq!(back.dept_short("hrss"), "县人社局");
        assert_eq!(back.dept_name("tax"), "国家税务总局芮城县税务局");
    }

    #[test]
    fn a_casebook_written_before_the_rules_editions_reads_as_edition_one() {
        let book = Casebook::new("芮城县", admin());
        assert_eq!((book.rules, book.deadlines.approval), (RULES, 3));
        let old: String = book
            .to_toml()
            .lines()
            .filter(|l| !l.starts_with("rules =") && !l.starts_with("approval ="))
            .map(|l| format!("{l}\n"))
            .collect();
        let back = Casebook::parse(&old).unwrap();
        assert_eq!(back.rules, 1);
        assert_eq!(back.deadlines.approval, 3, "the default time limit");
        let mut future = book.clone();
        future.rules = RULES + 1;
        assert!(Casebook::parse(&future.to_toml()).is_err());
    }

    #[test]
    fn oversized_casebooks_are_refused_before_parsing() {
        let book = Casebook::new("芮城县", admin());
        let mut text = book.to_toml();
        text.push_str(&format!("# {}\n", "x".repeat(MAX_CASEBOOK_BYTES as usize)));
        let err = Casebook::parse(&text).unwrap_err().to_string();
        assert!(err.contains("KiB"), "{err}");

        let mut many = book.clone();
        for i in 0..=MAX_OPERATORS {
            let mut op = admin();
            op.id = format!("op{i}");
            op.email = format!("op{i}@example.org");
            many.operators.push(op);
        }
        let err = Casebook::parse(&many.to_toml()).unwrap_err().to_string();
        assert!(err.contains(&MAX_OPERATORS.to_string()), "{err}");
    }

    #[test]
    fn unknown_keys_and_dangling_references_are_refused() {
        let book = Casebook::new("芮城县", admin());
        let text = book
            .to_toml()
            .replace("county = ", "colour = \"red\"\ncounty = ");
        assert!(matches!(
            Casebook::parse(&text),
            Err(Error::CasebookInvalid(_))
        ));

        let mut book = Casebook::new("芮城县", admin());
        book.operators[0].dept = "nowhere".into();
        assert!(matches!(
            Casebook::parse(&book.to_toml()),
            Err(Error::CasebookInvalid(_))
        ));
    }
}
