//! clap in the user's language: help texts, headings and usage errors from the catalog.
//!
//! The clap tree is derived from the argument structs; before parsing, [`localize`] walks
//! it and replaces every `about`, every argument's help and clap's own headings with the
//! catalog's words, keyed by the command path and the argument id:
//!
//! | what | key |
//! |---|---|
//! | a command's one-line help | `cli-<path>-about` (`cli-about` for `dispute` itself) |
//! | its longer help (`--help`) | `cli-<path>-long`, where present |
//! | an argument's help | `cli-<path>-<arg>`, and `cli-<path>-<arg>-long` where present |
//! | a global option | `cli-global-<arg>` |
//!
//! `<path>` is the subcommand names joined by `-` (`operator-add`), `<arg>` the argument id
//! with `_` as `-` (`payer-name`). A test checks that every command and argument has its
//! key in both catalogs. Usage errors are rendered by [`Localized`], clap's error formatter
//! in the catalog's words.

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};
use clap::{Arg, ArgAction, Command};
use dispute_i18n::t;

/// The catalog key of a command path and suffix: `cli-operator-add-about`.
pub fn key(path: &[&str], suffix: &str) -> String {
    let mut k = String::from("cli");
    for p in path {
        k.push('-');
        k.push_str(p);
    }
    k.push('-');
    k.push_str(&suffix.replace('_', "-"));
    k
}

/// The catalog text of `key`, if the catalog has it.
fn lookup(key: &str) -> Option<String> {
    let text = t!(key);
    (text != key).then_some(text)
}

/// Arguments clap adds itself, and the global options defined on the root.
fn builtin_key(id: &str) -> Option<&'static str> {
    match id {
        "help" => Some("cli-builtin-help"),
        "version" => Some("cli-builtin-version"),
        _ => None,
    }
}

/// The whole tree in the chosen language.
pub fn localize(cmd: Command) -> Command {
    let globals: Vec<String> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .map(|a| a.get_id().to_string())
        .collect();
    localize_at(cmd, &mut vec![], &globals)
}

fn localize_at(mut cmd: Command, path: &mut Vec<String>, globals: &[String]) -> Command {
    let parts: Vec<&str> = path.iter().map(String::as_str).collect();
    let long = lookup(&key(&parts, "long"));
    if let Some(about) = lookup(&key(&parts, "about")) {
        cmd = cmd.about(about);
        // The catalog decides: without a `-long` key, `--help` shows the about, not a
        // longer fallback from the doc comments.
        cmd = match long {
            Some(long) => cmd.long_about(long),
            None => cmd.long_about(None),
        };
    } else if let Some(long) = long {
        cmd = cmd.long_about(long);
    }
    cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .global(path.is_empty()),
    );
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version),
        );
    }
    cmd = cmd
        .help_template(help_template())
        .subcommand_help_heading(t!("cli-heading-commands"))
        .subcommand_value_name(t!("cli-value-command"))
        .disable_help_subcommand(true);
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let arg_key = if globals.contains(&id) {
            format!("cli-global-{}", id.replace('_', "-"))
        } else if let Some(k) = builtin_key(&id) {
            k.to_string()
        } else {
            key(&parts, &id)
        };
        let long = lookup(&format!("{arg_key}-long"));
        let help = lookup(&arg_key);
        cmd = cmd.mut_arg(&id, |a: Arg| {
            let heading = if a.is_positional() {
                t!("cli-heading-arguments")
            } else {
                t!("cli-heading-options")
            };
            let extra = extras(&a);
            let takes_values = a.get_action().takes_values();
            let mut a = a.help_heading(heading).hide_env(true);
            if globals.iter().any(|g| g == a.get_id().as_str()) {
                a = a.display_order(1000);
            }
            if takes_values {
                a = a.hide_possible_values(true).hide_default_value(true);
            }
            let help = help.or_else(|| a.get_help().map(|h| h.to_string()));
            if let Some(h) = &help {
                a = a.help(format!("{h}{extra}"));
            }
            if let Some(l) = long {
                a = a.long_help(format!("{l}{extra}"));
            } else if let Some(h) = help {
                a = a.long_help(format!("{h}{extra}"));
            }
            a
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        path.push(name.clone());
        let globals = globals.to_vec();
        let mut sub_path = path.clone();
        cmd = cmd.mut_subcommand(&name, |s| localize_at(s, &mut sub_path, &globals));
        path.pop();
    }
    cmd
}

/// What clap would append in English (possible values, default, environment variable), in
/// the catalog's words.
fn extras(a: &Arg) -> String {
    let mut out = String::new();
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| match v.get_help() {
            Some(h) => t!(
                "cli-value-with-label",
                code = v.get_name(),
                label = h.to_string()
            ),
            None => v.get_name().to_string(),
        })
        .collect();
    if !values.is_empty() && a.get_action().takes_values() {
        out.push_str(&t!(
            "cli-possible-values",
            values = values.join(t!("cli-list-separator").as_str())
        ));
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && a.get_action().takes_values() {
        out.push_str(&t!("cli-default-value", value = defaults.join(",")));
    }
    if let Some(env) = a.get_env() {
        out.push_str(&t!(
            "cli-env-var",
            name = env.to_string_lossy().into_owned()
        ));
    }
    out
}

/// clap's help layout with the catalog's usage heading (clap's `{…}` placeholders cannot
/// live in a Fluent message).
fn help_template() -> String {
    format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
        t!("cli-usage-prefix")
    )
}

/// The language asked for: `--lang` on the command line, else `DISPUTE_LANG`, else the
/// locale (`LC_ALL`, `LC_MESSAGES`, `LANG`); Chinese when none names a known language.
pub fn choose_lang(args: &[std::ffi::OsString]) -> dispute_i18n::Lang {
    use dispute_i18n::Lang;
    let mut from_args = None;
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = iter.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            from_args = iter.next().map(|v| v.into_owned());
        } else if let Some(v) = a.strip_prefix("--lang=") {
            from_args = Some(v.to_string());
        }
    }
    if let Some(tag) = from_args {
        return Lang::from_tag(&tag).unwrap_or(Lang::Zh);
    }
    for var in ["DISPUTE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(v) = std::env::var(var)
            && !v.is_empty()
        {
            return Lang::from_tag(&v).unwrap_or(Lang::Zh);
        }
    }
    Lang::Zh
}

/// Every (path, argument id or None for the command itself) of the tree, for the test
/// that the catalogs cover it.
pub fn help_keys(cmd: &Command) -> Vec<String> {
    let globals: Vec<String> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .map(|a| a.get_id().to_string())
        .collect();
    let mut out = vec![];
    collect_keys(cmd, &mut vec![], &globals, &mut out);
    out
}

fn collect_keys(cmd: &Command, path: &mut Vec<String>, globals: &[String], out: &mut Vec<String>) {
    let parts: Vec<&str> = path.iter().map(String::as_str).collect();
    out.push(key(&parts, "about"));
    for a in cmd.get_arguments() {
        let id = a.get_id().as_str();
        if builtin_key(id).is_some() {
            continue;
        }
        if globals.iter().any(|g| g == id) {
            if path.is_empty() {
                out.push(format!("cli-global-{}", id.replace('_', "-")));
            }
            continue;
        }
        out.push(key(&parts, id));
    }
    for s in cmd.get_subcommands() {
        path.push(s.get_name().to_string());
        collect_keys(s, path, globals, out);
        path.pop();
    }
}

/// clap's error formatter, in the catalog's words.
pub struct Localized;

impl ErrorFormatter for Localized {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        let ctx = |k: ContextKind| match error.get(k) {
            Some(ContextValue::String(s)) => Some(s.clone()),
            Some(ContextValue::Strings(v)) => Some(v.join(", ")),
            Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
            Some(ContextValue::StyledStrs(v)) => Some(
                v.iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            Some(ContextValue::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        let arg = ctx(ContextKind::InvalidArg).unwrap_or_default();
        let value = ctx(ContextKind::InvalidValue).unwrap_or_default();
        let mut message = match error.kind() {
            ErrorKind::MissingRequiredArgument => t!("cli-error-missing", args = arg),
            ErrorKind::InvalidValue => {
                let valid = ctx(ContextKind::ValidValue).unwrap_or_default();
                if valid.is_empty() {
                    t!("cli-error-empty-value", arg = arg)
                } else {
                    t!(
                        "cli-error-invalid-value",
                        arg = arg,
                        value = value,
                        valid = valid
                    )
                }
            }
            ErrorKind::UnknownArgument => t!("cli-error-unknown-argument", arg = arg),
            ErrorKind::InvalidSubcommand => {
                let name = ctx(ContextKind::InvalidSubcommand).unwrap_or_default();
                t!("cli-error-unknown-command", name = name)
            }
            ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                t!("cli-error-missing-command")
            }
            ErrorKind::ArgumentConflict => {
                let prior = ctx(ContextKind::PriorArg).unwrap_or_default();
                t!("cli-error-conflict", arg = arg, other = prior)
            }
            ErrorKind::NoEquals => t!("cli-error-no-equals", arg = arg),
            ErrorKind::ValueValidation => t!(
                "cli-error-value-validation",
                arg = arg,
                value = value,
                reason = error.source_text().unwrap_or_default()
            ),
            ErrorKind::TooManyValues => t!("cli-error-too-many", arg = arg, value = value),
            ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
                t!("cli-error-wrong-number", arg = arg)
            }
            ErrorKind::InvalidUtf8 => t!("cli-error-utf8"),
            _ => t!(
                "cli-error-other",
                detail = error.kind().as_str().unwrap_or("")
            ),
        };
        message = format!("{}{message}\n", t!("cli-error-prefix"));
        if let Some(s) = ctx(ContextKind::SuggestedArg) {
            message.push_str(&format!("{}\n", t!("cli-error-did-you-mean", arg = s)));
        }
        if let Some(s) = ctx(ContextKind::SuggestedSubcommand) {
            message.push_str(&format!("{}\n", t!("cli-error-did-you-mean", arg = s)));
        }
        if let Some(s) = ctx(ContextKind::SuggestedValue) {
            message.push_str(&format!("{}\n", t!("cli-error-did-you-mean", arg = s)));
        }
        if let Some(usage) = ctx(ContextKind::Usage) {
            let usage = usage
                .trim_start()
                .strip_prefix("Usage:")
                .unwrap_or(&usage)
                .trim()
                .to_string();
            message.push_str(&format!("\n{}{usage}\n", t!("cli-usage-prefix")));
        }
        message.push_str(&format!("\n{}\n", t!("cli-error-more-help")));
        StyledStr::from(message)
    }
}

/// The source text of a validation error (the reason a value parser gave).
trait SourceText {
    fn source_text(&self) -> Option<String>;
}

impl SourceText for clap::error::Error<Localized> {
    fn source_text(&self) -> Option<String> {
        std::error::Error::source(self).map(|e| e.to_string())
    }
}
