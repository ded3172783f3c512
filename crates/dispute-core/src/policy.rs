//! Policy consultations of the leading group (领导小组会商): a policy-wide or recurring
//! question (政策性、普遍性、倾向性问题, regulation 四（二）) taken to the leading group, with
//! its minutes and the cases it concerns. Not tied to one case, so each is its own file,
//! `policy/<YEAR>/PC-<YEAR>-<SEQ>.toml`, written by the leading-group office in one commit
//! of its own protocol action (`policy-consult`), which `verify` checks here.

use chrono::Datelike;
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::calendar::local_date;
use crate::case::{CaseId, Time};
use crate::casebook::{Casebook, Operator, Role};
use crate::error::{Error, Result};
use dispute_i18n::t;

/// The directory holding every policy consultation.
pub const POLICY_DIR: &str = "policy";

/// The JSON Schema of a policy consultation file.
pub const POLICY_SCHEMA: &str = include_str!("../../../schemas/policy.schema.json");

/// One consultation of the leading group on a policy-wide question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyConsultation {
    pub id: String,
    /// When the meeting was held.
    pub at: Time,
    /// The operator of the leading-group office who recorded it.
    pub by: String,
    /// The question (政策性、普遍性问题), without any payer's details.
    pub topic: String,
    /// The departments that attended.
    pub attendees: Vec<String>,
    /// The minutes (会议纪要).
    pub minutes: String,
    /// The cases it concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<String>,
}

impl PolicyConsultation {
    pub fn from_toml(text: &str, path: &str) -> Result<PolicyConsultation> {
        let p: PolicyConsultation = toml::from_str(text).map_err(|e| Error::CaseFileInvalid {
            path: path.to_string(),
            reason: crate::case::one_line(&e.to_string()),
        })?;
        let expected = PolicyId::parse(&p.id).ok().map(|id| id.path());
        if expected.as_deref() != Some(path) {
            return Err(Error::CaseFileInvalid {
                path: path.to_string(),
                reason: t!("policy-id-mismatch", id = p.id),
            });
        }
        check_schema(&p, path)?;
        Ok(p)
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a policy consultation always serialises")
    }
}

/// `PC-<YEAR>-<SEQ>`: a four-digit year and a sequence of four or more digits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PolicyId {
    pub year: i32,
    pub seq: u32,
}

impl PolicyId {
    pub fn parse(s: &str) -> Result<PolicyId> {
        let bad = || Error::invalid(t!("policy-field-id"), t!("policy-bad-id", id = s));
        let rest = s.strip_prefix("PC-").ok_or_else(bad)?;
        let (year, seq) = rest.split_once('-').ok_or_else(bad)?;
        let digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
        if year.len() != 4 || !digits(year) || !(4..=9).contains(&seq.len()) || !digits(seq) {
            return Err(bad());
        }
        let id = PolicyId {
            year: year.parse().map_err(|_| bad())?,
            seq: seq.parse().map_err(|_| bad())?,
        };
        if id.seq == 0 || id.year < 1000 || id.to_string() != s {
            return Err(bad());
        }
        Ok(id)
    }

    pub fn dir(year: i32) -> String {
        format!("{POLICY_DIR}/{year}")
    }

    pub fn path(&self) -> String {
        format!("{}/{self}.toml", PolicyId::dir(self.year))
    }
}

impl fmt::Display for PolicyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PC-{}-{:04}", self.year, self.seq)
    }
}

/// What the office records; checked and turned into a consultation by [`record`].
#[derive(Debug, Clone)]
pub struct NewPolicyConsultation {
    pub topic: String,
    pub attendees: Vec<String>,
    pub minutes: String,
    pub cases: Vec<String>,
}

/// Who may record a policy consultation: the leading-group office.
pub fn check_permission(actor: &Operator) -> Result<()> {
    if actor.has(Role::Office) {
        Ok(())
    } else {
        Err(Error::not_permitted(
            t!("policy-action"),
            t!("policy-rule-office"),
        ))
    }
}

/// The consultation `actor` records at `at` (not later than `now`) under the next free ID
/// `seq` of its year. Attendees must be departments of the casebook; cases valid IDs.
pub fn record(
    new: NewPolicyConsultation,
    seq: u32,
    book: &Casebook,
    actor: &Operator,
    at: Time,
    now: Time,
) -> Result<PolicyConsultation> {
    check_permission(actor)?;
    if at > now {
        return Err(Error::FutureTime(at.to_rfc3339()));
    }
    if new.attendees.is_empty() {
        return Err(Error::invalid(
            t!("wf-field-attendees"),
            t!("wf-consult-no-attendees"),
        ));
    }
    let mut attendees = vec![];
    for a in &new.attendees {
        let code = book.dept_code(a)?;
        if !attendees.contains(&code) {
            attendees.push(code);
        }
    }
    let mut cases: Vec<String> = vec![];
    for c in &new.cases {
        let id = CaseId::parse(c.trim())?.to_string();
        if !cases.contains(&id) {
            cases.push(id);
        }
    }
    let id = PolicyId {
        year: local_date(&at).year(),
        seq,
    };
    let p = PolicyConsultation {
        id: id.to_string(),
        at,
        by: actor.id.clone(),
        topic: new.topic,
        attendees,
        minutes: new.minutes,
        cases,
    };
    check_schema(&p, &id.path())?;
    Ok(p)
}

/// Check a consultation against `schemas/policy.schema.json`.
pub fn check_schema(p: &PolicyConsultation, path: &str) -> Result<()> {
    let value = serde_json::to_value(p).map_err(|e| Error::Internal(e.to_string()))?;
    match crate::schema::PolicySchema::iter_errors(&value).next() {
        None => Ok(()),
        Some(e) => Err(Error::CaseFileInvalid {
            path: path.to_string(),
            reason: t!(
                "schema-case-mismatch",
                reason = format!("{}: {e}", e.instance_path())
            ),
        }),
    }
}

/// `verify`'s check of a `policy-consult` commit: one new file under `policy/`, valid, at
/// its own path, recorded by the operator who signed (checked by the caller) at the time
/// the `At` trailer states, not after the commit.
pub fn check_commit(
    path: &str,
    old: Option<&[u8]>,
    new: Option<&[u8]>,
    actor: &Operator,
    trailer_id: Option<&str>,
    trailer_at: Option<Time>,
    commit_time: Time,
) -> std::result::Result<(), String> {
    if old.is_some() {
        return Err(t!("policy-audit-changed", path = path));
    }
    let bytes = new.ok_or_else(|| t!("policy-audit-changed", path = path))?;
    let text = std::str::from_utf8(bytes).map_err(|_| t!("audit-not-utf8", path = path))?;
    let p = PolicyConsultation::from_toml(text, path).map_err(|e| e.to_string())?;
    if trailer_id != Some(p.id.as_str()) {
        return Err(t!("policy-audit-trailer", id = p.id));
    }
    if p.by != actor.id || trailer_at != Some(p.at) {
        return Err(t!("policy-audit-who-when", id = p.id));
    }
    if p.at > commit_time {
        return Err(t!("policy-audit-who-when", id = p.id));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::casebook::Operator;

    fn op(id: &str, roles: &[Role]) -> Operator {
        Operator {
            id: id.into(),
            name: id.into(),
            email: format!("{id}@x.cn"),
            dept: "tax".into(),
            roles: roles.to_vec(),
            active: true,
            phone: None,
            keys: vec![],
        }
    }

    fn t(s: &str) -> Time {
        chrono::DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn new() -> NewPolicyConsultation {
        NewPolicyConsultation {
            topic: "灵活就业人员缴费基数下限的执行口径".into(),
            attendees: vec!["tax".into(), "hrss".into(), "tax".into()],
            minutes: "会议议定：统一按上年度全省平均工资的60%执行。".into(),
            cases: vec!["TAX-2026-0001".into(), "HRSS-2026-0002".into()],
        }
    }

    #[test]
    fn ids_round_trip_and_refuse_tricks() {
        let id = PolicyId::parse("PC-2026-0001").unwrap();
        assert_eq!(id.path(), "policy/2026/PC-2026-0001.toml");
        for bad in [
            "PC-26-0001",
            "PC-2026-1",
            "PC-2026-0000",
            "pc-2026-0001",
            "PC-2026-0001/..",
            "TAX-2026-0001",
            "PC-2026-00001",
        ] {
            assert!(PolicyId::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_office_records_and_verify_accepts_it() {
        let office = op("office", &[Role::Office]);
        let book = Casebook::new("芮城县", op("admin", &[Role::Admin]));
        let at = t("2026-11-20T09:30:00+08:00");
        let now = t("2026-11-27T10:00:00+08:00");
        let p = record(new(), 3, &book, &office, at, now).unwrap();
        assert_eq!(p.id, "PC-2026-0003");
        assert_eq!(p.attendees, ["tax", "hrss"], "once each");
        let path = PolicyId::parse(&p.id).unwrap().path();
        let text = p.to_toml();
        assert_eq!(PolicyConsultation::from_toml(&text, &path).unwrap(), p);
        assert_eq!(
            check_commit(
                &path,
                None,
                Some(text.as_bytes()),
                &office,
                Some(&p.id),
                Some(at),
                now
            ),
            Ok(())
        );
        // Changed later, recorded by someone else, at another time, at another path.
        assert!(
            check_commit(
                &path,
                Some(b"x"),
                Some(text.as_bytes()),
                &office,
                Some(&p.id),
                Some(at),
                now
            )
            .is_err()
        );
        assert!(
            check_commit(
                &path,
                None,
                Some(text.as_bytes()),
                &op("x", &[Role::Office]),
                Some(&p.id),
                Some(at),
                now
            )
            .is_err()
        );
        assert!(
            check_commit(
                &path,
                None,
                Some(text.as_bytes()),
                &office,
                Some(&p.id),
                Some(now),
                now
            )
            .is_err()
        );
        assert!(
            check_commit(
                "policy/2026/PC-2026-0004.toml",
                None,
                Some(text.as_bytes()),
                &office,
                Some(&p.id),
                Some(at),
                now
            )
            .is_err()
        );
        // Refusals when recording.
        let receiver = op("r", &[Role::Receiver]);
        assert!(matches!(
            record(new(), 1, &book, &receiver, at, now),
            Err(Error::NotPermitted { .. })
        ));
        assert!(
            record(new(), 1, &book, &office, now, at).is_err(),
            "in the future"
        );
        let mut bad = new();
        bad.attendees = vec!["nowhere".into()];
        assert!(record(bad, 1, &book, &office, at, now).is_err());
        let mut bad = new();
        bad.cases = vec!["../x".into()];
        assert!(record(bad, 1, &book, &office, at, now).is_err());
        let mut bad = new();
        bad.attendees.clear();
        assert!(record(bad, 1, &book, &office, at, now).is_err());
    }
}
