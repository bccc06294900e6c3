//! Harbour's printed pages, made offline in Rust: the missing-person grab sheet as a one-page A4
//! PDF, with the child's photo and names shaped correctly in any bundled script (Arabic script
//! right to left, Ethiopic), through Typst used as a library.
//!
//! Everything is passed to the template as data (`sys.inputs`), never spliced into markup, so a
//! name that looks like markup prints literally. The bundled fonts are checked against every
//! string first: Typst would print boxes for a character no font has, so such text is refused
//! with the field named instead.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, IntoValue};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

const TEMPLATE: &str = include_str!("grab-sheet.typ");
const HELP_CARD: &str = include_str!("help-card.typ");
const RECOVERY_KEY: &str = include_str!("recovery-key.typ");

/// The fonts Harbour ships (OFL, see fonts/COPYRIGHT-noto.txt).
const FONT_FILES: [&[u8]; 6] = [
    include_bytes!("../../../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../../fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../../../fonts/NotoNaskhArabic-Bold.ttf"),
    include_bytes!("../../../fonts/NotoSansEthiopic-Regular.ttf"),
    include_bytes!("../../../fonts/NotoSansEthiopic-Bold.ttf"),
];

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PrintError {
    /// A character in this field is in none of the bundled fonts: it would print as a box.
    #[error("{field}: the character U+{code:04X} is in none of the bundled fonts")]
    NotCovered { field: &'static str, code: u32 },
    /// The template did not compile or lay out (a bug; the HTML print view still works).
    #[error("the page could not be made: {0}")]
    Layout(String),
    /// The content did not fit on one page.
    #[error("the page ran to {0} pages")]
    TooLong(usize),
}

impl PrintError {
    pub fn message_id(&self) -> &'static str {
        match self {
            PrintError::NotCovered { .. } => "error-print-not-covered",
            PrintError::Layout(_) | PrintError::TooLong(_) => "error-print-failed",
        }
    }
}

/// What goes on the sheet, as the carer will read it: every value already formatted (local
/// times, ages) and every label already translated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GrabSheet {
    pub name_latin: String,
    pub name_own_script: String,
    pub dob: String,
    pub age: String,
    pub languages: String,
    /// "Unaccompanied · Suspected trafficked", empty if neither.
    pub flags: String,
    /// When the photos were taken ("Photo taken 01/11/2026"), printed under them.
    pub photo_dates: String,
    pub last_seen: String,
    pub reported: String,
    pub missing_for: String,
    pub police_reference: String,
    pub officer: String,
    pub grade: String,
    /// The running log, one line each, oldest first (the newest are kept if space runs out).
    pub updates: Vec<String>,
    /// The profile, as titled blocks of `(label, value)`: description, medical alerts, phones,
    /// people, places, risks, who is responsible. Empty blocks are left out.
    pub sections: Vec<SheetSection>,
    pub printed: String,
    pub photo_jpeg: Option<Vec<u8>>,
    /// The full-length photo, printed beside the face when there is one.
    pub full_photo_jpeg: Option<Vec<u8>>,
    pub labels: Labels,
}

/// One block of the profile on the sheet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetSection {
    pub title: String,
    pub entries: Vec<(String, String)>,
}

/// How much fits, tried in turn until the page holds it: lines per value, characters per value,
/// log lines kept (the newest), entries per block. If even the last does not fit, blocks are
/// left out from the end (they come in order of what police need first).
const FIT: [Fit; 5] = [
    Fit::new(4, 240, 8, 12),
    Fit::new(3, 160, 5, 8),
    Fit::new(2, 100, 3, 6),
    Fit::new(1, 60, 2, 4),
    Fit::new(1, 40, 1, 3),
];

#[derive(Clone, Copy)]
struct Fit {
    lines: usize,
    chars: usize,
    log: usize,
    entries: usize,
}

impl Fit {
    const fn new(lines: usize, chars: usize, log: usize, entries: usize) -> Self {
        Self {
            lines,
            chars,
            log,
            entries,
        }
    }
}

/// `text` cut to `lines` lines and `chars` characters, with "…" where something was cut.
fn clip(text: &str, lines: usize, chars: usize) -> String {
    let mut kept: Vec<&str> = text.lines().take(lines).collect();
    let mut cut = text.lines().count() > lines;
    let mut out = String::new();
    for (i, line) in kept.drain(..).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line);
    }
    if out.chars().count() > chars {
        out = out
            .chars()
            .take(chars)
            .collect::<String>()
            .trim_end()
            .to_owned();
        cut = true;
    }
    if cut {
        out.push('…');
    }
    out
}

fn sections_json(sections: &[SheetSection], fit: Fit) -> String {
    let blocks: Vec<String> = sections
        .iter()
        .filter(|s| !s.entries.is_empty())
        .map(|s| {
            let entries: Vec<String> = s
                .entries
                .iter()
                .take(fit.entries)
                .map(|(k, v)| {
                    let v = clip(v, fit.lines, fit.chars);
                    format!("[{},{}]", json_string(k), json_string(&v))
                })
                .collect();
            format!(
                "{{\"title\":{},\"entries\":[{}]}}",
                json_string(&s.title),
                entries.join(",")
            )
        })
        .collect();
    format!("[{}]", blocks.join(","))
}

/// The sheet's fixed words, translated by the caller.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Labels {
    pub title: String,
    pub no_photo: String,
    pub dob: String,
    pub age: String,
    pub languages: String,
    pub flags: String,
    pub escalation: String,
    pub episode_title: String,
    pub last_seen: String,
    pub reported: String,
    pub missing_for: String,
    pub police_reference: String,
    pub officer: String,
    pub grade: String,
    pub updates_title: String,
    pub not_yet_title: String,
    pub not_yet: String,
    pub footer_sensitive: String,
}

impl Labels {
    fn to_json(&self) -> String {
        let pairs = [
            ("title", &self.title),
            ("no_photo", &self.no_photo),
            ("dob", &self.dob),
            ("age", &self.age),
            ("languages", &self.languages),
            ("flags", &self.flags),
            ("escalation", &self.escalation),
            ("episode_title", &self.episode_title),
            ("last_seen", &self.last_seen),
            ("reported", &self.reported),
            ("missing_for", &self.missing_for),
            ("police_reference", &self.police_reference),
            ("officer", &self.officer),
            ("grade", &self.grade),
            ("updates_title", &self.updates_title),
            ("not_yet_title", &self.not_yet_title),
            ("not_yet", &self.not_yet),
            ("footer_sensitive", &self.footer_sensitive),
        ];
        let mut out = String::from("{");
        for (i, (k, v)) in pairs.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&format!("{}:{}", json_string(k), json_string(v)));
        }
        out.push('}');
        out
    }
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Fonts {
    fonts: Vec<Font>,
    book: LazyHash<FontBook>,
}

/// The bundled fonts, parsed once per process.
fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = FONT_FILES
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect();
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        Fonts { fonts, book }
    })
}

/// The first character of `text` no bundled font draws (it would print, and show in the app,
/// as a box), if any. The app's web view uses the same font files.
pub fn first_uncovered(text: &str) -> Option<char> {
    text.chars().find(|c| !covered(*c))
}

/// Whether some bundled font draws `c`. Spaces, joiners and bidi controls need no glyph.
fn covered(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200c}' | '\u{200d}' | '\u{200e}' | '\u{200f}' | '\u{2066}'..='\u{2069}'
        )
        || fonts()
            .fonts
            .iter()
            .any(|f| f.info().coverage.contains(c as u32))
}

fn check(field: &'static str, text: &str) -> Result<(), PrintError> {
    match first_uncovered(text) {
        Some(c) => Err(PrintError::NotCovered {
            field,
            code: c as u32,
        }),
        None => Ok(()),
    }
}

/// Right to left when the first letter with a direction is Arabic-script or Hebrew.
fn direction(text: &str) -> &'static str {
    for c in text.chars() {
        let u = c as u32;
        if (0x0590..=0x08FF).contains(&u) || (0xFB1D..=0xFEFF).contains(&u) {
            return "rtl";
        }
        if c.is_alphabetic() {
            return "ltr";
        }
    }
    "ltr"
}

/// A language tag for shaping the own-script name (Arabic script and Ethiopic are told apart;
/// the exact language is not needed to shape the letters).
fn script_lang(text: &str) -> &'static str {
    for c in text.chars() {
        let u = c as u32;
        if (0x0600..=0x08FF).contains(&u) || (0xFB50..=0xFEFF).contains(&u) {
            return "ar";
        }
        if (0x1200..=0x139F).contains(&u) || (0x2D80..=0x2DDF).contains(&u) {
            return "ti";
        }
    }
    "en"
}

struct SheetWorld {
    library: LazyHash<Library>,
    main: Source,
    photo: Option<Bytes>,
    full_photo: Option<Bytes>,
}

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("a fixed, valid path");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl World for SheetWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(id.vpath().get_without_slash().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let photo = if id == file_id("/photo.jpg") {
            self.photo.as_ref()
        } else if id == file_id("/full.jpg") {
            self.full_photo.as_ref()
        } else {
            None
        };
        photo
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().get_without_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

/// Makes the grab sheet: exactly one A4 page of PDF. Long values are cut (marked "…") until
/// the page holds everything; the newest log lines are kept.
pub fn grab_sheet_pdf(sheet: &GrabSheet) -> Result<Vec<u8>, PrintError> {
    for s in &sheet.sections {
        check("profile", &s.title)?;
        for (label, value) in &s.entries {
            check("profile", label)?;
            check("profile", value)?;
        }
    }
    let mut last = PrintError::TooLong(0);
    for fit in FIT {
        match layout(sheet, &sheet.sections, fit) {
            Err(PrintError::TooLong(n)) => last = PrintError::TooLong(n),
            other => return other,
        }
    }
    let tightest = FIT[FIT.len() - 1];
    for keep in (0..sheet.sections.len()).rev() {
        match layout(sheet, &sheet.sections[..keep], tightest) {
            Err(PrintError::TooLong(n)) => last = PrintError::TooLong(n),
            other => return other,
        }
    }
    Err(last)
}

fn layout(sheet: &GrabSheet, sections: &[SheetSection], fit: Fit) -> Result<Vec<u8>, PrintError> {
    let skip = sheet.updates.len().saturating_sub(fit.log);
    let updates = sheet.updates[skip..]
        .iter()
        .map(|u| clip(u, 2, fit.chars))
        .collect::<Vec<_>>()
        .join("\n");
    let sections = sections_json(sections, fit);
    let values: [(&str, &'static str, &str); 17] = [
        ("name_latin", "name_latin", &sheet.name_latin),
        ("name_own", "name_own_script", &sheet.name_own_script),
        ("dob", "dob", &sheet.dob),
        ("age", "age", &sheet.age),
        ("languages", "languages", &sheet.languages),
        ("flags", "flags", &sheet.flags),
        ("photo_dates", "photo_dates", &sheet.photo_dates),
        ("last_seen", "last_seen", &sheet.last_seen),
        ("reported", "reported", &sheet.reported),
        ("missing_for", "missing_for", &sheet.missing_for),
        (
            "police_reference",
            "police_reference",
            &sheet.police_reference,
        ),
        ("officer", "officer", &sheet.officer),
        ("grade", "grade", &sheet.grade),
        ("updates", "updates", &updates),
        ("printed", "printed", &sheet.printed),
        ("labels", "labels", &sheet.labels.to_json()),
        ("sections", "profile", &sections),
    ];
    let mut inputs = Dict::new();
    for (key, field, value) in values {
        check(field, value)?;
        inputs.insert(key.into(), value.into_value());
    }
    inputs.insert(
        "own_dir".into(),
        direction(&sheet.name_own_script).into_value(),
    );
    inputs.insert(
        "own_lang".into(),
        script_lang(&sheet.name_own_script).into_value(),
    );
    let yes_no = |b: bool| if b { "yes" } else { "no" }.into_value();
    inputs.insert("has_photo".into(), yes_no(sheet.photo_jpeg.is_some()));
    inputs.insert(
        "has_full_photo".into(),
        yes_no(sheet.full_photo_jpeg.is_some()),
    );

    render(
        inputs,
        "/grab-sheet.typ",
        TEMPLATE,
        sheet.photo_jpeg.clone().map(Bytes::new),
        sheet.full_photo_jpeg.clone().map(Bytes::new),
    )
}

/// The child's help card, in the child's words (and English beside them): each side already
/// translated, numbers already filled in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HelpCard {
    /// The child's language tag (shapes Arabic-script and Ethiopic text the language's way).
    pub lang: String,
    pub rtl: bool,
    pub child: CardSide,
    /// English beside it; `None` when the child's language is English.
    pub english: Option<CardSide>,
}

/// One language's side of the card.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardSide {
    pub title: String,
    pub intro: String,
    /// Who to call: a name, the number as dialled (set left to right in one piece, whatever
    /// the side's direction), and what it is for. Numbers inside `what` are the caller's to keep
    /// in order (harbour-core's `help::dialled`).
    pub entries: Vec<CardEntry>,
    /// Short lines under the numbers (rights, the interpreter, keeping the card safe).
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardEntry {
    pub name: String,
    pub number: String,
    pub what: String,
}

impl CardSide {
    fn check(&self) -> Result<(), PrintError> {
        check("help_card", &self.title)?;
        check("help_card", &self.intro)?;
        for e in &self.entries {
            check("help_card", &e.name)?;
            check("help_card", &e.number)?;
            check("help_card", &e.what)?;
        }
        for n in &self.notes {
            check("help_card", n)?;
        }
        Ok(())
    }

    fn to_json(&self) -> String {
        let entries: Vec<String> = self
            .entries
            .iter()
            .map(|e| {
                format!(
                    "{{\"name\":{},\"number\":{},\"what\":{}}}",
                    json_string(&e.name),
                    json_string(&e.number),
                    json_string(&e.what)
                )
            })
            .collect();
        let notes: Vec<String> = self.notes.iter().map(|n| json_string(n)).collect();
        format!(
            "{{\"title\":{},\"intro\":{},\"entries\":[{}],\"notes\":[{}]}}",
            json_string(&self.title),
            json_string(&self.intro),
            entries.join(","),
            notes.join(",")
        )
    }
}

/// Text sizes tried in turn, in points, until the card is one page.
const CARD_SIZES: [f32; 5] = [8.0, 7.5, 7.0, 6.5, 6.0];

/// Makes the help card: exactly one A6 landscape page, the child's language first.
pub fn help_card_pdf(card: &HelpCard) -> Result<Vec<u8>, PrintError> {
    card.child.check()?;
    if let Some(en) = &card.english {
        en.check()?;
    }
    let mut last = PrintError::TooLong(0);
    for size in CARD_SIZES {
        let mut inputs = Dict::new();
        inputs.insert("child".into(), card.child.to_json().into_value());
        let english = card
            .english
            .as_ref()
            .map(CardSide::to_json)
            .unwrap_or_default();
        inputs.insert("english".into(), english.into_value());
        inputs.insert("lang".into(), card.lang.clone().into_value());
        inputs.insert(
            "dir".into(),
            if card.rtl { "rtl" } else { "ltr" }.into_value(),
        );
        inputs.insert("size".into(), size.to_string().into_value());
        match render(inputs, "/help-card.typ", HELP_CARD, None, None) {
            Err(PrintError::TooLong(n)) => last = PrintError::TooLong(n),
            other => return other,
        }
    }
    Err(last)
}

/// The organisation's recovery key on paper, every line already translated.
#[derive(Clone, PartialEq, Eq)]
pub struct RecoverySheet {
    pub title: String,
    pub intro: String,
    /// The key's groups of four, in order.
    pub groups: Vec<String>,
    /// When the key was made.
    pub made: String,
    /// What to do with the page.
    pub notes: Vec<String>,
    /// Labels for the lines written on by hand: who keeps it, and where.
    pub kept_by: String,
    pub kept_where: String,
}

impl std::fmt::Debug for RecoverySheet {
    /// The key itself never reaches a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoverySheet(..)")
    }
}

/// Makes the recovery key's page: exactly one A4 page.
pub fn recovery_key_pdf(sheet: &RecoverySheet) -> Result<Vec<u8>, PrintError> {
    let texts = [
        &sheet.title,
        &sheet.intro,
        &sheet.made,
        &sheet.kept_by,
        &sheet.kept_where,
    ];
    for text in texts.into_iter().chain(&sheet.groups).chain(&sheet.notes) {
        check("recovery_key", text)?;
    }
    let list = |items: &[String]| {
        let quoted: Vec<String> = items.iter().map(|i| json_string(i)).collect();
        format!("[{}]", quoted.join(","))
    };
    let text = format!(
        "{{\"title\":{},\"intro\":{},\"groups\":{},\"made\":{},\"notes\":{},\"kept_by\":{},\"kept_where\":{}}}",
        json_string(&sheet.title),
        json_string(&sheet.intro),
        list(&sheet.groups),
        json_string(&sheet.made),
        list(&sheet.notes),
        json_string(&sheet.kept_by),
        json_string(&sheet.kept_where),
    );
    let mut inputs = Dict::new();
    inputs.insert("text".into(), text.into_value());
    render(inputs, "/recovery-key.typ", RECOVERY_KEY, None, None)
}

/// Compiles a template to a one-page PDF.
fn render(
    inputs: Dict,
    path: &str,
    template: &str,
    photo: Option<Bytes>,
    full_photo: Option<Bytes>,
) -> Result<Vec<u8>, PrintError> {
    let world = SheetWorld {
        library: LazyHash::new(Library::builder().with_inputs(inputs).build()),
        main: Source::new(file_id(path), template.to_owned()),
        photo,
        full_photo,
    };
    let compiled = typst::compile::<PagedDocument>(&world);
    // Typst keeps caches between runs; bound them in a long-running app.
    typst::comemo::evict(10);
    let document = compiled
        .output
        .map_err(|errors| PrintError::Layout(format!("{errors:?}")))?;
    if document.pages().len() != 1 {
        return Err(PrintError::TooLong(document.pages().len()));
    }
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
        .map_err(|errors| PrintError::Layout(format!("{errors:?}")))
}

#[cfg(test)]
mod tests;
