//! One dispute: the contents of `cases/<YEAR>/<DEPT>/<BUCKET>/<ID>.toml`.
//!
//! The file holds the case's current state and every written record (opinions, minutes,
//! reply), so it reads on its own. Repeated records are arrays of tables; `events` is the
//! case's own journal, one entry per action, which the timeline and `verify` read.
//! Codes are ASCII (`status = "handling"`); Chinese labels live in `text`.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::error::{Error, Result};

pub type Time = DateTime<FixedOffset>;

macro_rules! code_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $code)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The ASCII code used in files and on the command line.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn from_code(s: &str) -> Option<$name> {
                match s { $($code => Some($name::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }

        impl crate::text::Coded for $name {
            fn all() -> &'static [Self] {
                Self::ALL
            }
            fn code(&self) -> &'static str {
                $name::code(*self)
            }
        }
    };
}

code_enum!(
    /// Where a case stands in the workflow (DESIGN §4). `voided` (已作废): registered by
    /// mistake; it keeps its number and leaves every list.
    Status {
        Registered = "registered",
        Handling = "handling",
        AwaitingApproval = "awaiting_approval",
        Referred = "referred",
        Replied = "replied",
        Archived = "archived",
        Redirected = "redirected",
        Voided = "voided",
    }
);

impl Status {
    /// Closed cases take no more actions.
    pub fn is_open(self) -> bool {
        !matches!(self, Status::Archived | Status::Redirected | Status::Voided)
    }
}

code_enum!(
    /// How a case is handled, decided at classification.
    Track {
        Own = "own",
        General = "general",
        Major = "major",
        Referral = "referral",
    }
);

code_enum!(
    /// How the payer reached the receiving department.
    Channel {
        Visit = "visit",
        Phone = "phone",
        Letter = "letter",
        Online = "online",
        Hotline = "hotline",
    }
);

code_enum!(PayerKind {
    Employer = "employer",
    Individual = "individual",
});

code_enum!(Insurance {
    Pension = "pension",
    WorkInjury = "work_injury",
    Unemployment = "unemployment",
    Medical = "medical",
});

code_enum!(Outcome {
    Accepted = "accepted",
    Objected = "objected",
});

code_enum!(
    /// Legal routes open to a payer who objects (DESIGN §8).
    Remedy {
        Mediation = "mediation",
        Reconsideration = "reconsideration",
        Arbitration = "arbitration",
        Litigation = "litigation",
    }
);

code_enum!(ConsultKind {
    General = "general",
    Major = "major",
});

code_enum!(
    /// What `dispute correct` may correct: the facts of the registration, named as the
    /// flags of `register` are.
    CaseField {
        PayerKind = "payer-kind",
        PayerName = "payer-name",
        PayerId = "payer-id",
        Contact = "contact",
        Phone = "phone",
        Summary = "summary",
        Title = "title",
        District = "district",
        Channel = "channel",
        Category = "category",
    }
);

impl CaseField {
    /// The payer's confidential details (DESIGN §2.7): a correction records neither the old
    /// nor the new value (git history keeps the old file).
    pub fn is_confidential(self) -> bool {
        matches!(
            self,
            CaseField::PayerId | CaseField::Contact | CaseField::Phone
        )
    }
}

code_enum!(Decision {
    Approved = "approved",
    Rejected = "rejected",
});

/// One action of the workflow, defined with everything else about it in `workflow`.
pub use crate::workflow::Action;

/// The person or employer who raised the dispute. Phone, ID code and contact — and an
/// individual's name — are confidential (DESIGN §2.7, §11): output masks them unless
/// revealed. In a casebook whose payer data is encrypted they are stored in `sealed`, and
/// the fields here hold only their masks (`138****0000`, `孙**`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payer {
    pub kind: PayerKind,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    pub phone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed: Option<Sealed>,
}

/// A party's confidential fields encrypted at rest (age, ASCII armor) to the department
/// keys of the case's recipients (see `seal`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sealed {
    /// Who can open it: each recipient department with the key (`age1…`) it was
    /// encrypted to, by department code.
    pub recipients: Vec<SealedFor>,
    /// The name, ID code, contact and phone, encrypted (`-----BEGIN AGE ENCRYPTED FILE-----`).
    pub data: String,
}

/// One recipient of sealed payer data: a department and its key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealedFor {
    pub dept: String,
    /// The department key's public half, an age X25519 recipient (`age1…`).
    pub key: String,
}

/// The other party of a dispute between an employee and the employer (劳动关系争议): the
/// employer when an employee raised it, the employee when the employer did. The reply
/// goes to both parties (四（四）: 向争议双方进行反馈). Its phone — and an individual's name —
/// are confidential like the payer's: in a casebook whose payer data is encrypted they are
/// stored in `sealed`, to the same recipients as the payer's, and the fields here hold only
/// their masks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counterparty {
    pub kind: PayerKind,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed: Option<Sealed>,
}

/// A party of the dispute, as the reply records who was informed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Payer,
    Counterparty,
}

impl Party {
    pub fn code(self) -> &'static str {
        match self {
            Party::Payer => "payer",
            Party::Counterparty => "counterparty",
        }
    }
}

/// Due dates computed when the action that sets them happened; never recomputed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Due {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classify: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispatch: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive: Option<NaiveDate>,
    /// The leader's decision on the report to the leading group (rules edition 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<NaiveDate>,
}

impl Due {
    pub fn is_empty(&self) -> bool {
        *self == Due::default()
    }
}

/// A department asked for its written opinion (联办), or the competent department of a
/// referral. Removal keeps the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    pub dept: String,
    pub at: Time,
    pub by: String,
    pub due: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed_at: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed_reason: Option<String>,
}

impl Assignment {
    pub fn is_active(&self) -> bool {
        self.removed_at.is_none()
    }
}

/// A department's written opinion (书面意见). Writing again replaces it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opinion {
    pub dept: String,
    pub at: Time,
    pub by: String,
    pub text: String,
}

/// The report to the leading group and the leader's decision on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    pub requested_at: Time,
    pub requested_by: String,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How the leader decided the matter is handled instead, on a rejection (the receiving
    /// department's own remit, or a general matter handled jointly).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handled_as: Option<Track>,
}

/// The leader's signed exemption of one member unit from giving its written opinion on a
/// major matter (rules edition 2: otherwise every member unit's opinion is needed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exemption {
    pub dept: String,
    pub at: Time,
    pub by: String,
    pub reason: String,
}

/// A mediation (调解) of a general matter, by the workroom or the receiving department.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mediation {
    pub at: Time,
    pub by: String,
    /// The department that mediated.
    pub dept: String,
    pub result: String,
}

/// A consultation meeting (会商) and its minutes (会议纪要).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consultation {
    pub kind: ConsultKind,
    pub at: Time,
    pub by: String,
    pub attendees: Vec<String>,
    pub minutes: String,
}

/// The referral form (报送单) of the regulation's attachment, and its dispatch by `gov`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Referral {
    /// 反映内容摘要
    pub summary: String,
    /// 受理人信息: 姓名, 电话, 受理时间
    pub receiver_name: String,
    pub receiver_phone: String,
    pub received_at: Time,
    /// 报送意见
    pub opinion: String,
    pub referred_at: Time,
    pub referred_by: String,
    /// The day the competent department reports back to the receiving department.
    pub feedback_due: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hotline_ticket: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispatched_at: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispatched_by: Option<String>,
    /// The competent department's report to the receiving department on how it handled
    /// the matter (将办理情况反馈受理部门, rules edition 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Feedback>,
}

/// The competent department's feedback to the receiving department on a referral.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    pub dept: String,
    pub at: Time,
    pub by: String,
    pub text: String,
}

/// The payer was told the matter lies with another department (closed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Redirect {
    pub dept: String,
    pub at: Time,
    pub by: String,
    pub note: String,
}

/// A lead the petition bureau (县信访局) passed to the competent department (三（二）8:
/// 将争议事项问题线索移交给相关职能部门处理); the case stays open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lead {
    pub dept: String,
    pub at: Time,
    pub by: String,
    pub note: String,
}

/// Online public opinion about the case (舆情) flagged by the cyberspace office (三（二）9),
/// and its response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpinionIncident {
    pub at: Time,
    pub by: String,
    /// Where it was seen (a forum, a platform, a news site).
    pub source: String,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<OpinionResponse>,
}

/// How the public opinion was answered (舆情应对).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpinionResponse {
    pub at: Time,
    pub by: String,
    pub text: String,
}

/// A lead handed to the discipline commission about a department that refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisciplineReferral {
    pub dept: String,
    pub at: Time,
    pub by: String,
    pub reason: String,
}

/// The overall handling opinion as written to the payer (总处理意见).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reply {
    pub at: Time,
    pub by: String,
    pub text: String,
    /// The department that replied, when it is not the receiving one: the workroom on a
    /// general matter, the competent department on a referral.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dept: Option<String>,
    /// Who was informed (rules edition 2): the payer, and the other party of an
    /// employee-employer dispute.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub informed: Vec<Party>,
    /// The day the payer knew of the administrative act the dispute is about, when known:
    /// the periods for reconsideration and litigation run from it (行政复议法 Art. 20,
    /// 行政诉讼法 Art. 46), so the written notice computes their last days only with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub act_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Archive {
    pub at: Time,
    pub by: String,
    pub outcome: Outcome,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remedy: Option<Remedy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A fact of the registration corrected (更正), and why. The old value stays in git
/// history; `old` and `new` are kept here too unless the field is confidential.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    pub at: Time,
    pub by: String,
    pub field: CaseField,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
    pub reason: String,
}

/// A case registered by mistake, voided (作废): it keeps its number and its file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Void {
    pub at: Time,
    pub by: String,
    pub reason: String,
}

/// One line of the case's journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub at: Time,
    pub action: Action,
    pub by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dept: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: String,
    /// The edition of the handling rules the case was registered under
    /// (`casebook::RULES`); absent = 1.
    #[serde(
        default = "rules_edition_one",
        skip_serializing_if = "is_rules_edition_one"
    )]
    pub rules: u32,
    pub status: Status,
    pub receiving_dept: String,
    /// 首问责任人: the operator who first received the matter.
    pub first_receiver: String,
    pub received_at: Time,
    pub channel: Channel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub summary: String,
    pub district: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<u8>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub insurance: Vec<Insurance>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track: Option<Track>,
    pub payer: Payer,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counterparty: Option<Counterparty>,
    #[serde(default, skip_serializing_if = "Due::is_empty")]
    pub due: Due,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assignments: Vec<Assignment>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opinions: Vec<Opinion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exemptions: Vec<Exemption>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consultations: Vec<Consultation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mediations: Vec<Mediation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral: Option<Referral>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect: Option<Redirect>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discipline: Vec<DisciplineReferral>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leads: Vec<Lead>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub public_opinion: Vec<OpinionIncident>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<Reply>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive: Option<Archive>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub void: Option<Void>,
    #[serde(default)]
    pub events: Vec<Event>,
    /// Brought in by `import` from a paper ledger (补录): who imported it and when. Its
    /// history was typed in by the importer, not signed by the operators it names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported: Option<Imported>,
}

fn rules_edition_one() -> u32 {
    1
}

fn is_rules_edition_one(rules: &u32) -> bool {
    *rules == 1
}

/// Who entered a case's history from a paper ledger, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Imported {
    pub by: String,
    pub at: Time,
}

/// A case file larger than this is refused before it is parsed: no record the workflow
/// writes comes near it, and a huge file must not slow down or flood every reader.
pub const MAX_CASE_FILE_BYTES: usize = 256 * 1024;

impl Case {
    pub fn from_toml(text: &str, path: &str) -> Result<Case> {
        if text.len() > MAX_CASE_FILE_BYTES {
            return Err(too_large(path, text.len() as u64));
        }
        let case: Case = toml::from_str(text).map_err(|e| Error::CaseFileInvalid {
            path: path.to_string(),
            reason: parse_problem(&e, text),
        })?;
        let expected = CaseId::parse(&case.id)
            .ok()
            .map(|id| id.path())
            .unwrap_or_default();
        if expected != path {
            return Err(Error::CaseFileInvalid {
                path: path.to_string(),
                reason: dispute_i18n::t!("case-id-mismatch", id = case.id),
            });
        }
        Ok(case)
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a case always serialises")
    }

    /// The time of the latest event; a new action may not be earlier.
    pub fn last_event_at(&self) -> Option<Time> {
        self.events.iter().map(|e| e.at).max()
    }

    pub fn active_assignments(&self) -> impl Iterator<Item = &Assignment> {
        self.assignments.iter().filter(|a| a.is_active())
    }

    pub fn is_assigned(&self, dept: &str) -> bool {
        self.active_assignments().any(|a| a.dept == dept)
    }

    pub fn opinion_of(&self, dept: &str) -> Option<&Opinion> {
        self.opinions.iter().find(|o| o.dept == dept)
    }

    pub fn exemption_of(&self, dept: &str) -> Option<&Exemption> {
        self.exemptions.iter().find(|e| e.dept == dept)
    }

    /// Whether the case follows the rules of edition `n` or later.
    pub fn rules_at_least(&self, n: u32) -> bool {
        self.rules >= n
    }

    /// A referral under the 12345 loop of rules edition 2 (四（六）): the competent
    /// department replies to the payer directly and reports back to the receiving
    /// department by the date on the referral form.
    pub fn is_direct_referral(&self) -> bool {
        self.track == Some(Track::Referral) && self.rules_at_least(2)
    }

    /// The parties of the dispute: the payer, and the other party where there is one.
    pub fn parties(&self) -> Vec<Party> {
        let mut parties = vec![Party::Payer];
        if self.counterparty.is_some() {
            parties.push(Party::Counterparty);
        }
        parties
    }

    /// The departments a referral was dispatched to, still assigned.
    pub fn handling_depts(&self) -> impl Iterator<Item = &str> {
        self.active_assignments().map(|a| a.dept.as_str())
    }
}

/// Collapse a multi-line parser message into one line for the error line.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A problem message is cut to this many characters: it names what is wrong, it does not
/// reproduce the file.
const MAX_PROBLEM_CHARS: usize = 160;

/// What a TOML parser found wrong, as one short line: the line number and the parser's
/// message, without the excerpt of the file it would quote (which may hold payer data),
/// phone and ID numbers masked, cut to a readable length.
pub fn parse_problem(e: &toml::de::Error, text: &str) -> String {
    let message = short_problem(e.message());
    match e.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            dispute_i18n::t!("secret-parse-problem", line = line, message = message)
        }
        None => message,
    }
}

/// A parser's or validator's message made safe to print: one line, phone and ID numbers
/// masked, at most [`MAX_PROBLEM_CHARS`] characters.
pub fn short_problem(message: &str) -> String {
    let line = crate::privacy::mask_free_text(&one_line(message));
    if line.chars().count() <= MAX_PROBLEM_CHARS {
        return line;
    }
    let mut cut: String = line.chars().take(MAX_PROBLEM_CHARS).collect();
    cut.push('…');
    cut
}

/// The refusal of a case file over [`MAX_CASE_FILE_BYTES`].
pub fn too_large(path: &str, bytes: u64) -> Error {
    Error::CaseFileInvalid {
        path: path.to_string(),
        reason: dispute_i18n::t!(
            "secret-case-too-large",
            kib = bytes.div_ceil(1024),
            max = MAX_CASE_FILE_BYTES / 1024
        ),
    }
}

/// A validated case ID `<DEPT>-<YEAR>-<SEQ>`: upper-case ASCII letters, a four-digit year,
/// a sequence of four or more digits. Nothing else, so an ID can never name another path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CaseId {
    pub dept: String,
    pub year: i32,
    pub seq: u32,
}

impl CaseId {
    pub fn new(dept: &str, year: i32, seq: u32) -> CaseId {
        CaseId {
            dept: dept.to_ascii_lowercase(),
            year,
            seq,
        }
    }

    pub fn parse(s: &str) -> Result<CaseId> {
        let bad = || Error::BadCaseId(s.to_string());
        let mut parts = s.split('-');
        let (Some(dept), Some(year), Some(seq), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let dept_ok =
            (1..=16).contains(&dept.len()) && dept.bytes().all(|b| b.is_ascii_uppercase());
        let year_ok = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
        let seq_ok = (4..=9).contains(&seq.len()) && seq.bytes().all(|b| b.is_ascii_digit());
        if !(dept_ok && year_ok && seq_ok) {
            return Err(bad());
        }
        let seq: u32 = seq.parse().map_err(|_| bad())?;
        let year: i32 = year.parse().map_err(|_| bad())?;
        if seq == 0 || year < 1000 {
            return Err(bad());
        }
        let id = CaseId {
            dept: dept.to_ascii_lowercase(),
            year,
            seq,
        };
        // One spelling per case: TAX-2026-00001 is not another name of TAX-2026-0001.
        if id.to_string() != s {
            return Err(bad());
        }
        Ok(id)
    }

    /// Cases are sharded below the year by department and by hundreds of the sequence, so
    /// no tree a commit rewrites holds more than a hundred entries.
    pub fn dir(&self) -> String {
        format!(
            "cases/{}/{}/{:02}",
            self.year,
            self.dept.to_ascii_uppercase(),
            self.seq / 100
        )
    }

    pub fn path(&self) -> String {
        format!("{}/{}.toml", self.dir(), self)
    }
}

impl fmt::Display for CaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}-{:04}",
            self.dept.to_ascii_uppercase(),
            self.year,
            self.seq
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_id_round_trips_and_shards() {
        let id = CaseId::parse("TAX-2026-0001").unwrap();
        assert_eq!(id.to_string(), "TAX-2026-0001");
        assert_eq!(id.path(), "cases/2026/TAX/00/TAX-2026-0001.toml");
        let wide = CaseId::parse("HRSS-2026-12345").unwrap();
        assert_eq!(wide.to_string(), "HRSS-2026-12345");
        assert_eq!(wide.path(), "cases/2026/HRSS/123/HRSS-2026-12345.toml");
    }

    #[test]
    fn case_id_refuses_path_tricks() {
        for bad in [
            "../x",
            "/etc/passwd",
            "TAX-2026-0001/..",
            "TAX-2026-0001/../../x",
            "tax-2026-0001",
            "TAX-26-0001",
            "TAX-2026-1",
            "TAX-2026-0000",
            "TAX-2026-0001-2",
            "TAX_2026_0001",
            "",
            "TAX-2026-0001\n",
            "ＴＡＸ-2026-0001",
            "TAX-2026-00001",
            "A-0999-0001",
            "A-0000-0001",
        ] {
            assert!(CaseId::parse(bad).is_err(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn codes_parse_back() {
        for s in Status::ALL {
            assert_eq!(Status::from_code(s.code()), Some(*s));
        }
        assert_eq!(
            Action::from_code("escalate-hotline"),
            Some(Action::EscalateHotline)
        );
        assert_eq!(Track::from_code("nonsense"), None);
    }
}
