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

/// How far a locale's text can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewStatus {
    /// The text every other locale is translated from.
    Source,
    /// Machine-quality; not yet checked by a qualified translator.
    Unreviewed,
    /// Checked by a qualified translator.
    Reviewed,
}

/// One language Harbour can be shown in.
#[derive(Debug)]
pub struct Locale {
    /// BCP 47 tag, also the folder name under `locales/`.
    pub tag: &'static str,
    /// The language's name in itself, for the language picker.
    pub native_name: &'static str,
    pub dir: Direction,
    pub review: ReviewStatus,
    /// The locale's Fluent files, by name: the staff interface (`harbour.ftl`) and the risk
    /// checklists' questions (`checklists.ftl`).
    pub files: &'static [(&'static str, &'static str)],
}

/// The Fluent files every locale has.
pub const FILES: [&str; 2] = ["harbour.ftl", "checklists.ftl"];

/// The locale everything falls back to.
pub const SOURCE_TAG: &str = "en-GB";

pub static LOCALES: &[Locale] = &[Locale {
    tag: "en-GB",
    native_name: "English (UK)",
    dir: Direction::Ltr,
    review: ReviewStatus::Source,
    files: &[
        (
            "harbour.ftl",
            include_str!("../../../locales/en-GB/harbour.ftl"),
        ),
        (
            "checklists.ftl",
            include_str!("../../../locales/en-GB/checklists.ftl"),
        ),
    ],
}];

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
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(s) => FluentValue::from(s.as_str()),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        for bundle in std::iter::once(&self.bundle).chain(self.fallback.as_ref()) {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
                return text.into_owned();
            }
        }
        // Visible in review, caught by the tests; never an empty string.
        format!("[{id}]")
    }

    pub fn has_message(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }
}

fn locale_or_source(tag: &str) -> &'static Locale {
    locale(tag).unwrap_or(&LOCALES[0])
}

#[cfg(test)]
mod tests;
