//! Arguments shared by several subcommands: the case ID, `--at` and `--json` (flattened
//! into each subcommand, so every subcommand keeps its own help key, `cli-<command>-id`),
//! and how coded values (status, track, channel, …) are read from the command line.
//!
//! A coded value is accepted as its ASCII code (`archived`) or its Chinese label (`已归档`),
//! as `import` accepts them; help and completions list the codes with their labels.

use std::ffi::OsStr;
use std::marker::PhantomData;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::text::{Coded, Label};

// The shared structs carry no doc comment of their own: clap would take it as the `about`
// of every subcommand that flattens them.

#[derive(Debug, Clone, clap::Args)]
pub struct CaseArg {
    /// The case ID (TAX-2026-0001)
    pub id: String,
}

#[derive(Debug, Clone, clap::Args)]
pub struct AtArg {
    /// When it actually happened (RFC 3339); default now
    #[arg(long)]
    pub at: Option<String>,
}

impl AtArg {
    /// The time given, if any.
    pub fn as_deref(&self) -> Option<&str> {
        self.at.as_deref()
    }
}

#[derive(Debug, Clone, clap::Args)]
pub struct JsonArg {
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

/// Parses a [`Coded`] value from its code or its label.
#[derive(Clone, Copy)]
pub struct CodeParser<T> {
    of: PhantomData<T>,
    /// Codes still accepted but not offered (in help, completions, error lists): values
    /// the command refuses with an explanation of what to do instead.
    hidden: &'static [&'static str],
}

/// The value parser for a coded enum: `#[arg(value_parser = code::<Status>())]`.
pub fn code<T: Coded + Label>() -> CodeParser<T> {
    code_except(&[])
}

/// Like [`code`], without offering the `hidden` codes (`classify --track referral` is
/// refused with the way to refer a matter, so help does not list it).
pub fn code_except<T: Coded + Label>(hidden: &'static [&'static str]) -> CodeParser<T> {
    CodeParser {
        of: PhantomData,
        hidden,
    }
}

/// The value whose code or label is `s` (surrounding spaces ignored).
pub fn parse_code<T: Coded + Label>(s: &str) -> Option<T> {
    let s = s.trim();
    T::all()
        .iter()
        .find(|v| v.code() == s || v.label() == s)
        .copied()
}

impl<T: Coded + Label + Send + Sync> TypedValueParser for CodeParser<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        let text = value.to_string_lossy();
        parse_code(&text).ok_or_else(|| {
            let mut err = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
            if let Some(arg) = arg {
                err.insert(
                    ContextKind::InvalidArg,
                    ContextValue::String(arg.to_string()),
                );
            }
            err.insert(
                ContextKind::InvalidValue,
                ContextValue::String(text.into_owned()),
            );
            err.insert(
                ContextKind::ValidValue,
                ContextValue::Strings(
                    T::all()
                        .iter()
                        .filter(|v| !self.hidden.contains(&v.code()))
                        .map(|v| v.code().to_string())
                        .collect(),
                ),
            );
            err
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(T::all().iter().map(|v| {
            PossibleValue::new(v.code())
                .help(v.label())
                .hide(self.hidden.contains(&v.code()))
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::{Channel, PayerKind, Status};

    #[test]
    fn codes_and_labels_both_parse() {
        assert_eq!(parse_code::<Status>("archived"), Some(Status::Archived));
        assert_eq!(
            parse_code::<Status>(Status::Archived.label()),
            Some(Status::Archived)
        );
        assert_eq!(
            parse_code::<PayerKind>(PayerKind::Employer.label()),
            Some(PayerKind::Employer)
        );
        assert_eq!(parse_code::<Channel>(" phone "), Some(Channel::Phone));
        assert_eq!(parse_code::<Status>("nonsense"), None);
    }
}
