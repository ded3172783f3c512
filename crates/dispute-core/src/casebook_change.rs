//! The legal shapes of a change to `casebook.toml`, one per admin action, for `verify`.
//!
//! Every admin action changes the casebook in one recognisable way: one operator added,
//! disabled, enabled, edited or given a new key, signing switched on, a setting changed.
//! Anything else in the same commit (a second operator touched, a setting slipped in with
//! an operator change) is not that action.

use crate::casebook::{Casebook, Operator};
use crate::protocol::BookAction;

/// Whether `after` is `before` changed as `kind` changes it.
pub fn is_legal(before: &Casebook, after: &Casebook, kind: BookAction) -> bool {
    match kind {
        BookAction::Init | BookAction::Import | BookAction::PolicyConsult => false,
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
            let mut was = after.clone();
            was.deadlines = before.deadlines.clone();
            was.integrity.backdate_window_hours = before.integrity.backdate_window_hours;
            // The rules edition only goes up: history replays under the edition it had.
            was.rules = before.rules;
            *before == was && before != after && after.rules >= before.rules
        }
    }
}

/// Everything but the operators is unchanged.
fn same_settings(before: &Casebook, after: &Casebook) -> bool {
    let mut b = before.clone();
    let mut a = after.clone();
    b.operators.clear();
    a.operators.clear();
    a == b
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
    }
}
