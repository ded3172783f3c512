//! `dispute admin require-signing|set`: casebook settings, each an admin's signed commit
//! with its own protocol action that `verify` checks, so `casebook.toml` never needs a hand
//! edit.

use dispute_i18n::{Lang, t, t_in};

use crate::casebook::Casebook;
use crate::error::{Error, Result};
use crate::protocol::BookAction;

use super::App;

/// Casebook settings (admin only, one signed commit each)
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Require every commit from now on to be signed by its operator's key
    RequireSigning,
    /// Change a setting: backdate-window, or a deadline (deadline.opinion …)
    Set(SetArgs),
}

#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// The setting's name
    pub name: String,
    /// The new value
    pub value: String,
}

/// The settings `admin set` knows, with how to read and apply a value.
const DEADLINES: &[&str] = &[
    "classify",
    "opinion",
    "opinion_major",
    "reply",
    "reply_major",
    "dispatch",
    "referral_handling",
    "archive",
    "approval",
];

pub fn run(app: &mut App, cmd: Command) -> Result<()> {
    match cmd {
        Command::RequireSigning => {
            super::operator::change(app, BookAction::RequireSigning, |book, actor| {
                if book.integrity.signing_required {
                    return Err(Error::invalid(
                        t!("cmd-field-setting"),
                        t!("cmd-admin-signing-already"),
                    ));
                }
                if crate::identity::current_key(actor).is_none() {
                    return Err(Error::NoRegisteredKey(actor.id.clone()));
                }
                book.integrity.signing_required = true;
                Ok(t_in!(Lang::Zh, "cmd-admin-signing-summary"))
            })
        }
        Command::Set(args) => {
            let name = args.name.trim().replace('-', "_");
            super::operator::change(app, BookAction::Setting, move |book, _| {
                let summary = set(book, &name, args.value.trim())?;
                Ok(summary)
            })
        }
    }
}

/// Apply one setting; the summary for the commit message (always Chinese).
fn set(book: &mut Casebook, name: &str, value: &str) -> Result<String> {
    let bad = |reason: String| Error::invalid(t!("cmd-field-setting"), reason);
    if name == "backdate_window" {
        let hours = parse_hours(value)
            .ok_or_else(|| bad(t!("cmd-admin-bad-hours", value = value)))?;
        if book.integrity.backdate_window_hours == hours {
            return Err(bad(t!("cmd-admin-unchanged", name = name, value = value)));
        }
        book.integrity.backdate_window_hours = hours;
        return Ok(t_in!(
            Lang::Zh,
            "cmd-admin-set-summary",
            name = "backdate-window",
            value = format!("{hours}h")
        ));
    }
    if name == "rules" {
        return set_rules(book, value);
    }
    let Some(field) = name
        .strip_prefix("deadline.")
        .or_else(|| name.strip_prefix("deadlines."))
        .filter(|f| DEADLINES.contains(f))
    else {
        return Err(bad(t!(
            "cmd-admin-unknown-setting",
            name = name,
            known = format!(
                "backdate-window, rules, {}",
                DEADLINES
                    .iter()
                    .map(|d| format!("deadline.{d}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        )));
    };
    let days: u32 = value
        .parse()
        .ok()
        .filter(|d| *d <= 365)
        .ok_or_else(|| bad(t!("cmd-admin-bad-days", value = value)))?;
    let d = &mut book.deadlines;
    let slot = match field {
        "classify" => &mut d.classify,
        "opinion" => &mut d.opinion,
        "opinion_major" => &mut d.opinion_major,
        "reply" => &mut d.reply,
        "reply_major" => &mut d.reply_major,
        "dispatch" => &mut d.dispatch,
        "referral_handling" => &mut d.referral_handling,
        "approval" => &mut d.approval,
        _ => &mut d.archive,
    };
    if *slot == days {
        return Err(bad(t!("cmd-admin-unchanged", name = name, value = value)));
    }
    *slot = days;
    Ok(t_in!(
        Lang::Zh,
        "cmd-admin-set-summary",
        name = format!("deadline.{field}"),
        value = days
    ))
}

/// Upgrade the edition of the handling rules new cases are registered under (never down:
/// history was made under the older edition and replays under it).
fn set_rules(book: &mut Casebook, value: &str) -> Result<String> {
    let bad = |reason: String| Error::invalid(t!("cmd-field-setting"), reason);
    let edition: u32 = value
        .parse()
        .ok()
        .filter(|e| (1..=crate::casebook::RULES).contains(e))
        .ok_or_else(|| {
            bad(t!(
                "rules-admin-bad-edition",
                value = value,
                supported = crate::casebook::RULES
            ))
        })?;
    if edition == book.rules {
        return Err(bad(t!("cmd-admin-unchanged", name = "rules", value = value)));
    }
    if edition < book.rules {
        return Err(bad(t!(
            "rules-admin-no-downgrade",
            from = book.rules,
            to = edition
        )));
    }
    book.rules = edition;
    Ok(t_in!(
        Lang::Zh,
        "cmd-admin-set-summary",
        name = "rules",
        value = edition
    ))
}

/// `72h`, `3d` or a bare number of hours; at most 100 years.
fn parse_hours(value: &str) -> Option<u32> {
    let value = value.trim().to_ascii_lowercase();
    let (number, factor) = if let Some(n) = value.strip_suffix('h') {
        (n, 1)
    } else if let Some(n) = value.strip_suffix('d') {
        (n, 24)
    } else {
        (value.as_str(), 1)
    };
    let hours = number.trim().parse::<u32>().ok()?.checked_mul(factor)?;
    (hours <= 876_000).then_some(hours)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_parse_with_units() {
        assert_eq!(parse_hours("72h"), Some(72));
        assert_eq!(parse_hours("3d"), Some(72));
        assert_eq!(parse_hours("5"), Some(5));
        assert_eq!(parse_hours("x"), None);
        assert_eq!(parse_hours("9999999d"), None);
    }
}
