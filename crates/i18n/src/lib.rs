//! Harbour's translations. Every `.ftl` file under `locales/` is embedded at compile time (the
//! UI runs offline in a strict-CSP webview, so nothing is fetched at run time).
//!
//! Each locale carries a review status that the app shows to staff: machine-quality text is
//! labelled as such until a qualified translator has reviewed it. Fluent's bidi isolation stays
//! on, so a child's name in one script sits safely inside a sentence in another.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use std::fmt;
use unic_langid::LanguageIdentifier;

/// Reading direction of a locale; the UI sets `dir` on its root from this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_attr(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// How far a locale's text can be trusted. Each `.ftl` file declares its own in a resource
/// comment line `### review: source|machine|reviewed`; a locale is as trustworthy as its least
/// reviewed file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ReviewStatus {
    /// Machine-quality; not yet checked by a qualified translator.
    Unreviewed,
    /// Checked by a qualified translator.
    Reviewed,
    /// The text every other locale is translated from.
    Source,
}

impl ReviewStatus {
    /// The word a file's `### review:` line uses.
    pub fn declared(word: &str) -> Option<Self> {
        match word.trim() {
            "machine" => Some(Self::Unreviewed),
            "reviewed" => Some(Self::Reviewed),
            "source" => Some(Self::Source),
            _ => None,
        }
    }

    /// How staff see the status.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Unreviewed => "review-status-machine",
            Self::Reviewed => "review-status-reviewed",
            Self::Source => "review-status-source",
        }
    }
}

/// The review status a Fluent file declares, if it declares one.
pub fn declared_review(ftl: &str) -> Option<ReviewStatus> {
    ftl.lines()
        .take_while(|l| l.starts_with('#') || l.trim().is_empty())
        .find_map(|l| l.strip_prefix("### review:"))
        .and_then(ReviewStatus::declared)
}

/// One language Harbour can be shown in.
#[derive(Debug)]
pub struct Locale {
    /// BCP 47 tag, also the folder name under `locales/`.
    pub tag: &'static str,
    /// The language's name in itself, for the language picker (no flags: a language is not a
    /// country).
    pub native_name: &'static str,
    /// The language's name in English, for staff and for the interpreter request.
    pub english_name: &'static str,
    /// Other names carers write in a child's profile for this language (matched ignoring case).
    pub also_called: &'static [&'static str],
    pub dir: Direction,
    /// The locale's Fluent files, by name. Every locale has the child's help (`child.ftl`); a
    /// locale that also has the staff files (`harbour.ftl`, `checklists.ftl`) can run the whole
    /// interface.
    pub files: &'static [(&'static str, &'static str)],
}

impl Locale {
    /// The least reviewed of its files (a file that declares nothing counts as unreviewed).
    pub fn review(&self) -> ReviewStatus {
        self.files
            .iter()
            .map(|(_, text)| declared_review(text).unwrap_or(ReviewStatus::Unreviewed))
            .min()
            .unwrap_or(ReviewStatus::Unreviewed)
    }

    /// The text of one of its files, if it has it.
    pub fn file(&self, name: &str) -> Option<&'static str> {
        self.files.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }

    /// Whether the staff interface can be shown in this locale.
    pub fn has_staff_ui(&self) -> bool {
        STAFF_FILES.iter().all(|f| self.file(f).is_some())
    }

    /// Whether `name`, as written in a child's profile, is this language.
    pub fn is_called(&self, name: &str) -> bool {
        let name = name.trim();
        !name.is_empty()
            && (name.eq_ignore_ascii_case(self.tag)
                || name.eq_ignore_ascii_case(self.english_name)
                || name == self.native_name
                || self
                    .also_called
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(name)))
    }
}

/// The Fluent files of the staff interface.
pub const STAFF_FILES: [&str; 2] = ["harbour.ftl", "checklists.ftl"];

/// The child's help, which every locale has.
pub const CHILD_FILE: &str = "child.ftl";

/// The locale everything falls back to.
pub const SOURCE_TAG: &str = "en-GB";

macro_rules! child_locale {
    ($tag:literal, $native:literal, $english:literal, [$($also:literal),*], $dir:ident) => {
        Locale {
            tag: $tag,
            native_name: $native,
            english_name: $english,
            also_called: &[$($also),*],
            dir: Direction::$dir,
            files: &[(
                "child.ftl",
                include_str!(concat!("../../../locales/", $tag, "/child.ftl")),
            )],
        }
    };
}

/// Every locale: English first (the source), then the child's help in the languages of children
/// arriving alone in the UK, in the order domain.md §5.2 lists them.
pub static LOCALES: &[Locale] = &[
    Locale {
        tag: "en-GB",
        native_name: "English",
        english_name: "English",
        also_called: &["en", "English (UK)"],
        dir: Direction::Ltr,
        files: &[
            (
                "harbour.ftl",
                include_str!("../../../locales/en-GB/harbour.ftl"),
            ),
            (
                "checklists.ftl",
                include_str!("../../../locales/en-GB/checklists.ftl"),
            ),
            (
                "child.ftl",
                include_str!("../../../locales/en-GB/child.ftl"),
            ),
        ],
    },
    child_locale!("ps", "پښتو", "Pashto", ["Pushto", "Pashtu"], Rtl),
    child_locale!(
        "prs",
        "دری",
        "Dari",
        ["Afghan Persian", "Dari Persian", "fa-AF"],
        Rtl
    ),
    child_locale!("fa", "فارسی", "Farsi", ["Persian", "Iranian Persian"], Rtl),
    child_locale!("ar", "العربية", "Arabic", [], Rtl),
    child_locale!("ti", "ትግርኛ", "Tigrinya", ["Tigrigna"], Ltr),
    child_locale!("am", "አማርኛ", "Amharic", [], Ltr),
    child_locale!("vi", "Tiếng Việt", "Vietnamese", [], Ltr),
    child_locale!("sq", "Shqip", "Albanian", [], Ltr),
    child_locale!(
        "ckb",
        "کوردیی سۆرانی",
        "Kurdish Sorani",
        ["Sorani", "Central Kurdish", "Kurdish (Sorani)"],
        Rtl
    ),
    child_locale!(
        "kmr",
        "Kurmancî",
        "Kurdish Kurmanji",
        ["Kurmanji", "Northern Kurdish", "Kurdish (Kurmanji)"],
        Ltr
    ),
    child_locale!(
        "om",
        "Afaan Oromoo",
        "Oromo",
        ["Afan Oromo", "Oromiffa"],
        Ltr
    ),
    child_locale!("so", "Soomaali", "Somali", [], Ltr),
    child_locale!("ur", "اردو", "Urdu", [], Rtl),
    child_locale!("tr", "Türkçe", "Turkish", [], Ltr),
];

/// The locale of the first of a child's languages Harbour has help in.
pub fn for_languages<'a>(
    languages: impl IntoIterator<Item = &'a String>,
) -> Option<&'static Locale> {
    languages
        .into_iter()
        .find_map(|name| LOCALES.iter().find(|l| l.is_called(name)))
}

pub fn locale(tag: &str) -> Option<&'static Locale> {
    LOCALES.iter().find(|l| l.tag.eq_ignore_ascii_case(tag))
}

/// A value passed into a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

/// Text variables, as `tr_with` takes them.
pub fn text_args<'a>(vars: &'a [(&'a str, String)]) -> Vec<(&'a str, Arg)> {
    vars.iter()
        .map(|(k, v)| (*k, Arg::from(v.as_str())))
        .collect()
}

/// Formats messages in one locale, falling back to the source locale for anything missing.
pub struct Localizer {
    locale: &'static Locale,
    bundle: FluentBundle<FluentResource>,
    fallback: Option<FluentBundle<FluentResource>>,
}

impl fmt::Debug for Localizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Localizer")
            .field("locale", &self.locale.tag)
            .finish_non_exhaustive()
    }
}

fn bundle_for(locale: &Locale) -> FluentBundle<FluentResource> {
    let langid: LanguageIdentifier = locale
        .tag
        .parse()
        .unwrap_or_else(|_| LanguageIdentifier::default());
    let mut bundle = FluentBundle::new(vec![langid]);
    for (_, ftl) in locale.files {
        // A syntax error in one message leaves the rest of the file usable; the i18n tests make
        // sure there are none.
        let resource = FluentResource::try_new((*ftl).to_owned()).unwrap_or_else(|(res, _)| res);
        // Duplicate ids are also caught by the tests; keep the first.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

impl Localizer {
    /// A localizer for `tag`, or for the source locale when `tag` is unknown.
    pub fn new(tag: &str) -> Self {
        let locale = locale(tag).unwrap_or(&LOCALES[0]);
        let fallback = (locale.tag != SOURCE_TAG)
            .then(|| locale_or_source(SOURCE_TAG))
            .map(bundle_for);
        Self {
            locale,
            bundle: bundle_for(locale),
            fallback,
        }
    }

    pub fn locale(&self) -> &'static Locale {
        self.locale
    }

    /// Plain bidi-isolated output is right for HTML; tests and plain-text sinks can turn it off.
    pub fn set_use_isolating(&mut self, on: bool) {
        self.bundle.set_use_isolating(on);
        if let Some(f) = &mut self.fallback {
            f.set_use_isolating(on);
        }
    }

    pub fn tr(&self, id: &str) -> String {
        self.tr_with(id, &[])
    }

    pub fn tr_with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        for bundle in std::iter::once(&self.bundle).chain(self.fallback.as_ref()) {
            if let Some(text) = format(bundle, id, args) {
                return text;
            }
        }
        // Visible in review, caught by the tests; never an empty string.
        format!("[{id}]")
    }

    /// The message in this locale only, without falling back to English: `None` when this
    /// locale lacks it (the staff review view shows the English in its place, marked).
    pub fn tr_own(&self, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        format(&self.bundle, id, args)
    }

    pub fn has_message(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }
}

fn format(bundle: &FluentBundle<FluentResource>, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            Arg::Text(s) => FluentValue::from(s.as_str()),
            Arg::Number(n) => FluentValue::from(*n),
        };
        fluent_args.set(*name, value);
    }
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned(),
    )
}

/// The ids of the messages in a Fluent file, in file order (for the staff review view), as
/// Fluent's own parser reads them.
pub fn message_ids(ftl: &str) -> Vec<String> {
    let resource = match fluent_syntax::parser::parse(ftl) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .body
        .iter()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

fn locale_or_source(tag: &str) -> &'static Locale {
    locale(tag).unwrap_or(&LOCALES[0])
}

#[cfg(test)]
mod tests;
