//! The legal shapes of a change to `casebook.toml`, one per admin action, for `verify`.
//!
//! Every admin action changes the casebook in one recognisable way: one operator added,
//! disabled, enabled, edited or given a new key, signing switched on, a setting changed,
//! one calendar year added or replaced, one member department added or renamed.
//! Anything else in the same commit (a second operator touched, a setting slipped in with
//! an operator change) is not that action. An operator action also brings the departments'
//! keys for payer data in line with their operators (`seal::sync_dept_keys`):
//! [`dept_keys_follow`] checks that, without any key.

use crate::calendar::CalendarYear;
use crate::casebook::{Casebook, Department, DeptKey, Operator};
use crate::protocol::BookAction;

/// Whether `after` is `before` changed as `kind` changes it.
pub fn is_legal(before: &Casebook, after: &Casebook, kind: BookAction) -> bool {
    match kind {
        BookAction::Init | BookAction::Import | BookAction::PolicyConsult => false,
        BookAction::EncryptPayers => {
            let mut was = after.clone();
            was.privacy = before.privacy.clone();
            !before.privacy.payers_encrypted
                && after.privacy.payers_encrypted
                && same_settings(before, &was)
                && before.operators == after.operators
                && dept_keys_follow(before, after).is_ok()
        }
        BookAction::OperatorAdd
        | BookAction::OperatorDisable
        | BookAction::OperatorEnable
        | BookAction::OperatorEdit
        | BookAction::OperatorKey
            if dept_keys_follow(before, after).is_err() =>
        {
            false
        }
        BookAction::OperatorAdd => {
            same_settings(before, after)
                && after.operators.len() == before.operators.len() + 1
                && after.operators[..before.operators.len()] == before.operators[..]
                && after.operators.last().is_some_and(|o| {
                    o.active && o.keys.iter().filter(|k| k.retired.is_none()).count() <= 1
                })
        }
        BookAction::OperatorDisable => one_operator(before, after, |b, a| {
            let mut was = b.clone();
            was.active = false;
            for (k, ka) in was.keys.iter_mut().zip(&a.keys) {
                if k.retired.is_none() {
                    k.retired = ka.retired;
                }
            }
            b.active && *a == was && a.keys.iter().all(|k| k.retired.is_some())
        }),
        BookAction::OperatorEnable => one_operator(before, after, |b, a| {
            let mut was = b.clone();
            was.active = true;
            !b.active && keys_extended(b, a, &mut was) && *a == was
        }),
        BookAction::OperatorEdit => one_operator(before, after, |b, a| {
            let mut was = b.clone();
            was.name = a.name.clone();
            was.phone = a.phone.clone();
            was.dept = a.dept.clone();
            was.roles = a.roles.clone();
            *a == was
        }),
        BookAction::OperatorKey => one_operator(before, after, |b, a| {
            let mut was = b.clone();
            keys_extended(b, a, &mut was) && a.keys.len() == b.keys.len() + 1 && *a == was
        }),
        BookAction::RequireSigning => {
            let mut was = before.clone();
            was.integrity.signing_required = true;
            !before.integrity.signing_required && *after == was
        }
        BookAction::Setting => {
            // The settings of `dispute admin set`: the county's name, the leading group,
            // the deadlines and the backdating window. Nothing else may move with them.
            let mut was = after.clone();
            was.county = before.county.clone();
            was.leading_group = before.leading_group.clone();
            was.deadlines = before.deadlines.clone();
            was.integrity.backdate_window_hours = before.integrity.backdate_window_hours;
            was.sync = before.sync.clone();
            // The rules edition only goes up: history replays under the edition it had.
            was.rules = before.rules;
            *before == was && before != after && after.rules >= before.rules
        }
        BookAction::CalendarAdd => {
            let mut was = after.clone();
            was.calendar = before.calendar.clone();
            *before == was && one_year_added_or_replaced(&before.calendar, &after.calendar)
        }
        BookAction::DeptAdd => {
            let mut was = after.clone();
            was.departments = before.departments.clone();
            let n = before.departments.len();
            *before == was
                && after.departments.len() == n + 1
                && after.departments[..n] == before.departments[..]
                && before.department(&after.departments[n].code).is_none()
        }
        BookAction::DeptEdit => {
            let mut was = after.clone();
            was.departments = before.departments.clone();
            let changed: Vec<(&Department, &Department)> = before
                .departments
                .iter()
                .zip(&after.departments)
                .filter(|(b, a)| b != a)
                .collect();
            *before == was
                && before.departments.len() == after.departments.len()
                && matches!(changed.as_slice(), [(b, a)] if b.code == a.code)
        }
    }
}

/// `after` is `before` with exactly one year new or different, every other year untouched.
fn one_year_added_or_replaced(before: &[CalendarYear], after: &[CalendarYear]) -> bool {
    let year_of = |list: &[CalendarYear], y: i32| list.iter().find(|c| c.year == y).cloned();
    let changed: Vec<i32> = after
        .iter()
        .filter(|a| year_of(before, a.year).as_ref() != Some(*a))
        .map(|a| a.year)
        .collect();
    let [year] = changed.as_slice() else {
        return false;
    };
    let mut years: Vec<i32> = after.iter().map(|c| c.year).collect();
    years.sort_unstable();
    years.dedup();
    // No year dropped, none listed twice.
    years.len() == after.len()
        && before
            .iter()
            .all(|b| b.year == *year || year_of(after, b.year).as_ref() == Some(b))
        && before.iter().all(|b| years.contains(&b.year))
}

/// Everything but the operators (and the departments' keys, see [`dept_keys_follow`]) is
/// unchanged.
fn same_settings(before: &Casebook, after: &Casebook) -> bool {
    let mut b = before.clone();
    let mut a = after.clone();
    b.operators.clear();
    a.operators.clear();
    for d in b.departments.iter_mut().chain(a.departments.iter_mut()) {
        d.keys.clear();
    }
    a == b
}

/// Why the departments' keys in `after` do not follow its operators, if they do not.
///
/// Keys are only ever added or retired, never removed or rewritten: an old key keeps its
/// public half and its date, may be retired once, and may be re-wrapped only to more SSH
/// keys (newcomers). A department whose keys or operators changed has a current key wrapped
/// to exactly the SSH keys of its active operators — checked from the stanzas of the
/// encrypted secret — or, with no such operator left, no current key.
pub fn dept_keys_follow(before: &Casebook, after: &Casebook) -> Result<(), String> {
    use crate::seal::{members, wrapped_as_listed};
    for dept in &after.departments {
        let old: &[DeptKey] = before
            .department(&dept.code)
            .map(|d| d.keys.as_slice())
            .unwrap_or_default();
        let new = &dept.keys;
        let fail = |key: &str| Err(dispute_i18n::t!(key, dept = dept.code.as_str()));
        if new.len() < old.len() || new.len() > old.len() + 1 {
            return fail("secret-audit-keys-removed");
        }
        for (o, n) in old.iter().zip(new) {
            let same_key = o.recipient == n.recipient && o.created == n.created;
            let retired_ok = o.retired.is_none() || o.retired == n.retired;
            let rewrap_ok = o.secret == n.secret && o.wrapped_to == n.wrapped_to
                || o.wrapped_to.iter().all(|f| n.wrapped_to.contains(f));
            if !(same_key && retired_ok && rewrap_ok) {
                return fail("secret-audit-key-rewritten");
            }
        }
        if new[old.len()..].iter().any(|k| k.retired.is_some()) {
            return fail("secret-audit-key-born-retired");
        }
        if new.iter().filter(|k| k.retired.is_none()).count() > 1 {
            return fail("secret-audit-two-current-keys");
        }
        for (i, k) in new.iter().enumerate() {
            let changed = old.get(i).is_none_or(|o| o.secret != k.secret);
            if changed && !wrapped_as_listed(after, k) {
                return fail("secret-audit-key-not-as-listed");
            }
        }
        let fps: Vec<String> = members(after, &dept.code)
            .into_iter()
            .map(|(fp, _)| fp)
            .collect();
        let old_fps: Vec<String> = members(before, &dept.code)
            .into_iter()
            .map(|(fp, _)| fp)
            .collect();
        if new.as_slice() == old && fps == old_fps {
            continue;
        }
        let current = new.iter().rev().find(|k| k.retired.is_none());
        match current {
            None if fps.is_empty() => {}
            Some(k) if k.wrapped_to == fps => {}
            _ => return fail("secret-audit-key-not-for-operators"),
        }
    }
    Ok(())
}

/// Exactly one operator changed, and `legal` accepts that change.
fn one_operator(
    before: &Casebook,
    after: &Casebook,
    legal: impl Fn(&Operator, &Operator) -> bool,
) -> bool {
    if !same_settings(before, after) || before.operators.len() != after.operators.len() {
        return false;
    }
    let changed: Vec<(&Operator, &Operator)> = before
        .operators
        .iter()
        .zip(&after.operators)
        .filter(|(b, a)| b != a)
        .collect();
    matches!(changed.as_slice(), [(b, a)] if b.id == a.id && legal(b, a))
}

/// `a`'s keys are `b`'s with the current one retired and at most one new current key
/// appended; `was` gets `a`'s keys when that holds.
fn keys_extended(b: &Operator, a: &Operator, was: &mut Operator) -> bool {
    if a.keys.len() < b.keys.len() || a.keys.len() > b.keys.len() + 1 {
        return false;
    }
    let prefix_ok = b.keys.iter().zip(&a.keys).all(|(kb, ka)| {
        kb.key == ka.key
            && kb.added == ka.added
            && (kb.retired.is_none() || kb.retired == ka.retired)
    });
    let new_ok = a.keys[b.keys.len()..].iter().all(|k| k.retired.is_none());
    let current = a.keys.iter().filter(|k| k.retired.is_none()).count();
    if prefix_ok && new_ok && current <= 1 {
        was.keys = a.keys.clone();
        true
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::casebook::{OperatorKey, Role};

    fn op(id: &str) -> Operator {
        Operator {
            id: id.into(),
            name: id.into(),
            email: format!("{id}@x.cn"),
            dept: "tax".into(),
            roles: vec![Role::Receiver],
            active: true,
            phone: None,
            keys: vec![OperatorKey {
                key: format!("ssh-ed25519 {id}"),
                added: "2026-11-01T09:00:00+08:00".parse().unwrap(),
                retired: None,
            }],
        }
    }

    fn book() -> Casebook {
        let mut b = Casebook::new("芮城县", op("admin"));
        b.operators.push(op("a"));
        b
    }

    #[test]
    fn each_action_accepts_its_own_change_only() {
        let before = book();
        let mut added = before.clone();
        added.operators.push(op("b"));
        assert!(is_legal(&before, &added, BookAction::OperatorAdd));
        assert!(!is_legal(&before, &added, BookAction::OperatorEdit));

        let mut edited = before.clone();
        edited.operators[1].name = "新名字".into();
        assert!(is_legal(&before, &edited, BookAction::OperatorEdit));
        assert!(!is_legal(&before, &edited, BookAction::OperatorKey));
        let mut sneaky = edited.clone();
        sneaky.operators[1].email = "other@x.cn".into();
        assert!(!is_legal(&before, &sneaky, BookAction::OperatorEdit));
        let mut two = edited.clone();
        two.operators[0].name = "改".into();
        assert!(!is_legal(&before, &two, BookAction::OperatorEdit));

        let mut disabled = before.clone();
        disabled.operators[1].active = false;
        disabled.operators[1].keys[0].retired = Some("2026-11-02T09:00:00+08:00".parse().unwrap());
        assert!(is_legal(&before, &disabled, BookAction::OperatorDisable));
        assert!(is_legal(
            &disabled,
            &{
                let mut e = disabled.clone();
                e.operators[1].active = true;
                e
            },
            BookAction::OperatorEnable
        ));

        let mut rotated = before.clone();
        rotated.operators[1].keys[0].retired = Some("2026-11-02T09:00:00+08:00".parse().unwrap());
        rotated.operators[1].keys.push(OperatorKey {
            key: "ssh-ed25519 new".into(),
            added: "2026-11-02T09:00:00+08:00".parse().unwrap(),
            retired: None,
        });
        assert!(is_legal(&before, &rotated, BookAction::OperatorKey));
        let mut swapped = before.clone();
        swapped.operators[1].keys[0].key = "ssh-ed25519 forged".into();
        assert!(!is_legal(&before, &swapped, BookAction::OperatorKey));

        let mut signing = before.clone();
        signing.integrity.signing_required = !before.integrity.signing_required;
        assert_eq!(
            is_legal(&before, &signing, BookAction::RequireSigning),
            !before.integrity.signing_required
        );
        let mut window = before.clone();
        window.integrity.backdate_window_hours = 24;
        assert!(is_legal(&before, &window, BookAction::Setting));
        window.operators[1].name = "x".into();
        assert!(!is_legal(&before, &window, BookAction::Setting));

        let mut old = before.clone();
        old.rules = 1;
        let mut upgraded = old.clone();
        upgraded.rules = crate::casebook::RULES;
        assert!(is_legal(&old, &upgraded, BookAction::Setting));
        assert!(!is_legal(&upgraded, &old, BookAction::Setting));
        let mut approval = before.clone();
        approval.deadlines.approval = 7;
        assert!(is_legal(&before, &approval, BookAction::Setting));

        let mut title = before.clone();
        title.leading_group.leader_title = "县政府副县长".into();
        assert!(is_legal(&before, &title, BookAction::Setting));
        let mut slipped = title.clone();
        slipped.calendar.clear();
        assert!(!is_legal(&before, &slipped, BookAction::Setting));
    }

    fn year(y: i32, holidays: &[&str], workdays: &[&str]) -> CalendarYear {
        CalendarYear {
            year: y,
            holidays: holidays.iter().map(|s| s.to_string()).collect(),
            workdays: workdays.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn a_calendar_year_is_added_or_replaced_alone() {
        let before = book();
        let mut added = before.clone();
        added
            .calendar
            .push(year(2027, &["2027-01-01"], &["2027-02-20"]));
        assert!(is_legal(&before, &added, BookAction::CalendarAdd));
        assert!(!is_legal(&before, &added, BookAction::Setting));
        assert!(!is_legal(&before, &before, BookAction::CalendarAdd));

        // Replacing a year is one change; replacing two, or dropping one, is not.
        let mut replaced = added.clone();
        replaced.calendar.last_mut().unwrap().workdays.clear();
        assert!(is_legal(&added, &replaced, BookAction::CalendarAdd));
        let mut two = added.clone();
        two.calendar.push(year(2028, &["2028-01-01"], &[]));
        assert!(!is_legal(&before, &two, BookAction::CalendarAdd));
        let mut dropped = added.clone();
        dropped.calendar.remove(0);
        assert!(!is_legal(&before, &dropped, BookAction::CalendarAdd));
        let mut twice = added.clone();
        twice
            .calendar
            .push(year(2027, &["2027-01-01"], &["2027-02-20"]));
        assert!(!is_legal(&before, &twice, BookAction::CalendarAdd));
        let mut sneaky = added.clone();
        sneaky.deadlines.reply = 3;
        assert!(!is_legal(&before, &sneaky, BookAction::CalendarAdd));
    }

    #[test]
    fn a_department_is_added_or_renamed_alone() {
        let before = book();
        let mut added = before.clone();
        added.departments.push(Department {
            code: "housing".into(),
            name: "芮城县住房和城乡建设局".into(),
            short: "县住建局".into(),
            keys: vec![],
        });
        assert!(is_legal(&before, &added, BookAction::DeptAdd));
        assert!(!is_legal(&before, &added, BookAction::DeptEdit));
        let mut duplicate = before.clone();
        duplicate.departments.push(before.departments[0].clone());
        assert!(!is_legal(&before, &duplicate, BookAction::DeptAdd));
        let mut inserted = before.clone();
        inserted.departments.insert(0, added.departments[9].clone());
        assert!(!is_legal(&before, &inserted, BookAction::DeptAdd));

        let mut renamed = before.clone();
        renamed.departments[1].short = "县人社".into();
        assert!(is_legal(&before, &renamed, BookAction::DeptEdit));
        assert!(!is_legal(&before, &renamed, BookAction::DeptAdd));
        let mut recoded = before.clone();
        recoded.departments[1].code = "hr".into();
        assert!(!is_legal(&before, &recoded, BookAction::DeptEdit));
        let mut two = renamed.clone();
        two.departments[2].name = "x".into();
        assert!(!is_legal(&before, &two, BookAction::DeptEdit));
        let mut with_operator = renamed.clone();
        with_operator.operators[1].phone = Some("0359-3012345".into());
        assert!(!is_legal(&before, &with_operator, BookAction::DeptEdit));
        // autosync is a setting like the others, and only a setting
        let mut autosync = before.clone();
        autosync.sync.autosync = true;
        assert!(is_legal(&before, &autosync, BookAction::Setting));
        assert!(!is_legal(&before, &autosync, BookAction::OperatorEdit));
        assert!(!is_legal(&before, &autosync, BookAction::RequireSigning));
        let mut sneaky = autosync.clone();
        sneaky.integrity.signing_required = !before.integrity.signing_required;
        assert!(!is_legal(&before, &sneaky, BookAction::Setting));
    }
}
