//! Every word `dispute` shows a person, in one Fluent catalog per locale.
//!
//! The catalogs live in `locales/<lang>/*.ftl` beside this crate and are compiled into the
//! binary. `zh-CN` is the default and the fallback; `en` is complete (a test compares the
//! key sets). The binary picks the language once at start-up ([`set_lang`], from `--lang`,
//! `DISPUTE_LANG` or `LANG`); everything else asks [`t!`] for text in that language.
//! Commit messages are part of the audit trail and are always written in Chinese
//! ([`tr_in`] with [`Lang::Zh`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Mutex, OnceLock};

pub use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::fluent_bundle::concurrent::FluentBundle;
use fluent_templates::fluent_bundle::{FluentArgs, FluentResource};
use fluent_templates::{LanguageIdentifier, langid};

// `ZH_CN` and `EN`: each language's messages, sorted by key, with the Fluent source each
// needs (see build.rs).
include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));

/// The messages of one language parsed so far. A message is parsed the first time it is
/// shown, with the messages and terms it refers to: a run parses the few it shows, not the
/// whole catalog.
fn bundle(lang: Lang) -> &'static Mutex<FluentBundle<FluentResource>> {
    static BUNDLES: [OnceLock<Mutex<FluentBundle<FluentResource>>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| {
        let mut bundle = FluentBundle::new_concurrent(vec![lang.id()]);
        // Unicode isolation marks around every placeable would end up in files and
        // terminals; the catalogs mix scripts deliberately.
        bundle.set_use_isolating(false);
        Mutex::new(bundle)
    })
}

/// The messages of `lang`, sorted by key, with their sources.
fn table(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Zh => ZH_CN,
        Lang::En => EN,
    }
}

/// The Fluent source of `key` in `lang` and of all it refers to.
fn source(lang: Lang, key: &str) -> Option<&'static str> {
    let table = table(lang);
    let at = table.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
    Some(table[at].1)
}

fn lookup(lang: Lang, key: &str, args: Option<&Args>) -> Option<String> {
    let mut bundle = bundle(lang).lock().unwrap_or_else(|e| e.into_inner());
    if !bundle.has_message(key) {
        // The catalogs are checked by the tests: a source that does not parse keeps what
        // does, and the key of the rest shows itself.
        let resource =
            FluentResource::try_new(source(lang, key)?.to_string()).unwrap_or_else(|(r, _)| r);
        bundle.add_resource_overriding(resource);
    }
    let pattern = bundle.get_message(key)?.value()?;
    let args = args.map(|a| {
        let mut fa = FluentArgs::with_capacity(a.len());
        for (k, v) in a {
            fa.set(k.clone(), v.clone());
        }
        fa
    });
    let mut errors = vec![];
    Some(
        bundle
            .format_pattern(pattern, args.as_ref(), &mut errors)
            .into_owned(),
    )
}

/// A language the catalogs cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// 简体中文, the default.
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::Zh => langid!("zh-CN"),
            Lang::En => langid!("en"),
        }
    }

    /// The catalog directory's name.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// A language from a tag such as `en`, `en-US`, `en_GB.UTF-8`, `zh`, `zh_CN.UTF-8`.
    /// Unknown tags (and `C`, `POSIX`) give None.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let base = tag
            .split(['.', '@'])
            .next()
            .unwrap_or("")
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match base.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Choose the language of everything shown from now on.
pub fn set_lang(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language chosen with [`set_lang`] (Chinese unless told otherwise).
pub fn lang() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Zh,
    }
}

/// A value for a placeable: text or a number.
pub trait Arg {
    fn value(&self) -> FluentValue<'static>;
}

impl Arg for str {
    fn value(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}
impl Arg for String {
    fn value(&self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}
impl<T: Arg + ?Sized> Arg for &T {
    fn value(&self) -> FluentValue<'static> {
        (**self).value()
    }
}
impl Arg for std::path::Display<'_> {
    fn value(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn value(&self) -> FluentValue<'static> {
                FluentValue::from(*self)
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, f64);

/// The placeables of one message.
pub type Args = HashMap<Cow<'static, str>, FluentValue<'static>>;

/// The text of `key` in `lang`, with `args` filled in. A key missing from the catalog gives
/// the key itself, so a gap is visible rather than fatal (the tests forbid gaps).
pub fn tr_in(lang: Lang, key: &str, args: Option<&Args>) -> String {
    lookup(lang, key, args)
        .or_else(|| {
            (lang != Lang::Zh)
                .then(|| lookup(Lang::Zh, key, args))
                .flatten()
        })
        .unwrap_or_else(|| key.to_string())
}

/// The text of `key` in the chosen language.
pub fn tr(key: &str, args: Option<&Args>) -> String {
    tr_in(lang(), key, args)
}

/// The text of an argument-free `key` in the chosen language, for the many short labels
/// (status, track, department) that the code hands around as `&'static str`. Each distinct
/// label is allocated once per language for the life of the process.
pub fn word(key: &str) -> &'static str {
    static CACHE: OnceLock<Mutex<HashMap<(Lang, String), &'static str>>> = OnceLock::new();
    let lang = lang();
    let mut cache = CACHE
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(w) = cache.get(&(lang, key.to_string())) {
        return w;
    }
    let text: &'static str = Box::leak(tr_in(lang, key, None).into_boxed_str());
    cache.insert((lang, key.to_string()), text);
    text
}

/// The text of a catalog key in the chosen language:
/// `t!("case-not-found", id = id)`. Arguments are text or numbers.
#[macro_export]
macro_rules! t {
    ($key:expr) => {
        $crate::tr($key, None)
    };
    ($key:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::Args::new();
        $(args.insert(
            ::std::borrow::Cow::Borrowed(stringify!($name)),
            $crate::Arg::value(&$value),
        );)+
        $crate::tr($key, Some(&args))
    }};
}

/// Like [`t!`], in a given language: `t_in!(Lang::Zh, "key", n = 3)`.
#[macro_export]
macro_rules! t_in {
    ($lang:expr, $key:expr) => {
        $crate::tr_in($lang, $key, None)
    };
    ($lang:expr, $key:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::Args::new();
        $(args.insert(
            ::std::borrow::Cow::Borrowed(stringify!($name)),
            $crate::Arg::value(&$value),
        );)+
        $crate::tr_in($lang, $key, Some(&args))
    }};
}

/// Every message key of a locale's catalog (terms are not messages).
pub fn keys(lang: Lang) -> std::collections::BTreeSet<String> {
    table(lang).iter().map(|(key, _)| key.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_locales_have_the_same_keys() {
        let zh = keys(Lang::Zh);
        let en = keys(Lang::En);
        assert!(!zh.is_empty());
        let only_zh: Vec<_> = zh.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&zh).collect();
        assert!(
            only_zh.is_empty() && only_en.is_empty(),
            "keys only in zh-CN: {only_zh:?}\nkeys only in en: {only_en:?}"
        );
    }

    #[test]
    fn placeables_are_filled_without_isolation_marks() {
        let text = t_in!(Lang::En, "i18n-self-test", n = 2027, name = "x");
        assert!(
            !text.contains('\u{2068}') && !text.contains('\u{2069}'),
            "{text:?}"
        );
        assert_eq!(text, "Year 2027: x");
        assert_eq!(
            t_in!(Lang::Zh, "i18n-self-test", n = 3, name = "甲"),
            "第 3 年：甲"
        );
    }

    #[test]
    fn tags_pick_languages() {
        assert_eq!(Lang::from_tag("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_tag("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("en"), Some(Lang::En));
        assert_eq!(Lang::from_tag("C"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn a_missing_key_shows_itself() {
        assert_eq!(
            tr_in(Lang::Zh, "no-such-key-anywhere", None),
            "no-such-key-anywhere"
        );
    }
}
