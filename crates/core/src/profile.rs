//! The child's missing-person profile: Philomena Protocol Part 1 (domain.md §1.1, items 1–13)
//! plus the child's own words, as sections of fields, and the rules for when a section must be
//! checked again.
//!
//! The sections and their fields are a catalogue (data, below), not one struct per section: the
//! store keeps each field as its own last-writer-wins register, the UI draws a form from the
//! catalogue, and the grab sheet picks fields by key. Each field's label is the Fluent message
//! `pf-<key>`; each section's title is `section-<id>`.
//!
//! Reviews (DESIGN.md): a section records who last checked it and when. It falls due 28 days
//! later, after every missing episode (once the child is back), and after a change to the photo,
//! the phones or the people around the child, because those are what police need most and what
//! changes fastest.

use chrono::{DateTime, Duration, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

use crate::child::FieldProblem;
use crate::ids::UserId;

/// Days after a review that a section falls due again.
pub const REVIEW_EVERY_DAYS: i64 = 28;
/// A photo older than this many months is flagged: children change fast.
pub const PHOTO_MAX_AGE_MONTHS: u32 = 3;
/// Longest one-line answer, in characters.
pub const MAX_LINE_CHARS: usize = 200;
/// Longest several-line answer, in characters.
pub const MAX_LINES_CHARS: usize = 4000;

/// The profile's sections, in the order of the Philomena form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Identity,
    Legal,
    Description,
    Photos,
    Health,
    Phones,
    MoneyTravel,
    People,
    Places,
    Education,
    History,
    Risks,
    Instructions,
    OwnWords,
}

/// How a field is entered and stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Line,
    /// Several lines; lists are one item per line.
    Lines,
    /// Yes or no.
    Flag,
    /// A date, `YYYY-MM-DD`, not in the future.
    Date,
    /// One of these values (or nothing), each worded `pf-<key>-<value>`: a fact the reports
    /// can count, not free text.
    Choice(&'static [&'static str]),
}

/// One field of a section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldDef {
    /// Unique across the whole profile; the register is `p.<key>`, the label `pf-<key>`.
    pub key: &'static str,
    pub kind: Kind,
    /// Printed on the grab sheet only where the sheet asks for it (e.g. immigration details are
    /// never printed).
    pub sensitive: bool,
}

pub(crate) const fn line(key: &'static str) -> FieldDef {
    FieldDef {
        key,
        kind: Kind::Line,
        sensitive: false,
    }
}
pub(crate) const fn lines(key: &'static str) -> FieldDef {
    FieldDef {
        key,
        kind: Kind::Lines,
        sensitive: false,
    }
}
pub(crate) const fn flag(key: &'static str) -> FieldDef {
    FieldDef {
        key,
        kind: Kind::Flag,
        sensitive: false,
    }
}
pub(crate) const fn date(key: &'static str) -> FieldDef {
    FieldDef {
        key,
        kind: Kind::Date,
        sensitive: false,
    }
}
pub(crate) const fn choice(key: &'static str, options: &'static [&'static str]) -> FieldDef {
    FieldDef {
        key,
        kind: Kind::Choice(options),
        sensitive: false,
    }
}
const fn sensitive(def: FieldDef) -> FieldDef {
    FieldDef {
        sensitive: true,
        ..def
    }
}

const IDENTITY: &[FieldDef] = &[
    lines("aliases"),
    flag("age_disputed"),
    choice(
        "age_assessment",
        &[
            "pending",
            "age_accepted",
            "assessed_older",
            "assessed_younger",
        ],
    ),
    date("age_assessment_on"),
    line("gender"),
    line("nationality"),
    line("ethnicity"),
    line("interpreter"),
    line("religion"),
];
const LEGAL: &[FieldDef] = &[
    // When the child became looked after, and came here: a child missing within days of either
    // is treated as a potential victim of trafficking (domain.md §2.3).
    date("looked_after_on"),
    date("placed_here_on"),
    line("legal_status"),
    line("placing_authority"),
    line("social_worker"),
    line("social_worker_phone"),
    line("edt_phone"),
    line("iro"),
    line("guardian"),
    choice(
        "guardian_status",
        &["referred", "allocated", "declined", "not_available"],
    ),
    date("guardian_status_on"),
    sensitive(line("immigration_status")),
    sensitive(line("home_office_reference")),
    // The NRM as dated decisions (the reports count them), with notes beside.
    date("nrm_referred_on"),
    line("nrm_first_responder"),
    choice("nrm_reasonable_grounds", DECISION),
    date("nrm_reasonable_grounds_on"),
    choice("nrm_conclusive_grounds", DECISION),
    date("nrm_conclusive_grounds_on"),
    line("nrm_status"),
    // Trafficking identified (not only suspected): by an NRM decision or the local authority.
    choice(
        "trafficking_identified",
        &["nrm_decision", "local_authority_assessment"],
    ),
    date("trafficking_identified_on"),
    date("uasc_ceased_on"),
    date("placement_ended_on"),
];
/// An NRM decision as it stands.
const DECISION: &[&str] = &["awaited", "positive", "negative"];
const DESCRIPTION: &[FieldDef] = &[
    line("height"),
    line("build"),
    line("hair"),
    line("facial_hair"),
    line("eyes"),
    line("glasses"),
    line("skin"),
    lines("marks"),
    line("accent"),
    line("clothing_style"),
];
const PHOTOS: &[FieldDef] = &[
    FieldDef {
        key: "photo_taken_on",
        kind: Kind::Date,
        sensitive: false,
    },
    FieldDef {
        key: "full_photo_taken_on",
        kind: Kind::Date,
        sensitive: false,
    },
    lines("photo_notes"),
];
const HEALTH: &[FieldDef] = &[
    lines("conditions"),
    lines("medication"),
    flag("critical_medication"),
    line("allergies"),
    lines("mental_health"),
    flag("self_harm_risk"),
    line("substance_use"),
    line("communication_needs"),
    line("gp"),
];
const PHONES: &[FieldDef] = &[
    lines("mobile_numbers"),
    line("handset"),
    line("network"),
    line("other_sims"),
    line("email"),
    lines("accounts"),
];
const MONEY_TRAVEL: &[FieldDef] = &[
    line("bank_cards"),
    line("cash"),
    line("travel_cards"),
    line("transport"),
    lines("routes"),
];
const PEOPLE: &[FieldDef] = &[
    lines("family"),
    lines("friends"),
    lines("associates"),
    lines("persons_of_concern"),
    lines("do_not_disclose"),
];
const PLACES: &[FieldDef] = &[
    lines("locations"),
    lines("previous_addresses"),
    lines("found_before"),
    lines("venues"),
];
const EDUCATION: &[FieldDef] = &[
    line("school"),
    line("designated_teacher"),
    lines("activities"),
];
const HISTORY: &[FieldDef] = &[lines("earlier_episodes"), lines("patterns")];
const RISKS: &[FieldDef] = &[
    flag("risk_cse"),
    flag("risk_cce"),
    flag("risk_debt_bondage"),
    flag("risk_radicalisation"),
    flag("risk_gangs"),
    flag("risk_weapons"),
    flag("risk_to_others"),
    lines("warning_markers"),
];
const INSTRUCTIONS: &[FieldDef] = &[lines("reasonable_steps"), lines("call_999_when")];
const OWN_WORDS: &[FieldDef] = &[
    lines("feel_safe"),
    lines("trusts"),
    lines("wants_adults_to_know"),
    flag("recorded_with_child"),
];

impl Section {
    pub const ALL: [Section; 14] = [
        Section::Identity,
        Section::Legal,
        Section::Description,
        Section::Photos,
        Section::Health,
        Section::Phones,
        Section::MoneyTravel,
        Section::People,
        Section::Places,
        Section::Education,
        Section::History,
        Section::Risks,
        Section::Instructions,
        Section::OwnWords,
    ];

    /// The stable name used in registers, messages and IPC.
    pub fn id(self) -> &'static str {
        match self {
            Section::Identity => "identity",
            Section::Legal => "legal",
            Section::Description => "description",
            Section::Photos => "photos",
            Section::Health => "health",
            Section::Phones => "phones",
            Section::MoneyTravel => "money_travel",
            Section::People => "people",
            Section::Places => "places",
            Section::Education => "education",
            Section::History => "history",
            Section::Risks => "risks",
            Section::Instructions => "instructions",
            Section::OwnWords => "own_words",
        }
    }

    pub fn fields(self) -> &'static [FieldDef] {
        match self {
            Section::Identity => IDENTITY,
            Section::Legal => LEGAL,
            Section::Description => DESCRIPTION,
            Section::Photos => PHOTOS,
            Section::Health => HEALTH,
            Section::Phones => PHONES,
            Section::MoneyTravel => MONEY_TRAVEL,
            Section::People => PEOPLE,
            Section::Places => PLACES,
            Section::Education => EDUCATION,
            Section::History => HISTORY,
            Section::Risks => RISKS,
            Section::Instructions => INSTRUCTIONS,
            Section::OwnWords => OWN_WORDS,
        }
    }

    pub fn field(self, key: &str) -> Option<&'static FieldDef> {
        self.fields().iter().find(|f| f.key == key)
    }

    /// A change here makes the rest of the profile due for a check (the photo, the phones, the
    /// people around the child).
    pub fn is_key_change(self) -> bool {
        matches!(self, Section::Photos | Section::Phones | Section::People)
    }

    /// The Fluent message with the section's title.
    pub fn title_id(self) -> String {
        format!("section-{}", self.id().replace('_', "-"))
    }
}

/// The Fluent message that labels a field.
pub fn label_id(key: &str) -> String {
    format!("pf-{}", key.replace('_', "-"))
}

/// What the sheet prints of the profile, block by block, in the order police need it (each
/// block titled after its section; a key may come from another section, e.g. gender under the
/// description). Fields marked sensitive (immigration details) are never printed.
pub const SHEET_BLOCKS: [(Section, &[&str]); 11] = [
    // Police search every spelling: traffickers rename children.
    (
        Section::Identity,
        &["aliases", "nationality", "ethnicity", "age_assessment"],
    ),
    (
        Section::Description,
        &[
            "gender",
            "height",
            "build",
            "hair",
            "facial_hair",
            "eyes",
            "glasses",
            "skin",
            "marks",
            "accent",
            "clothing_style",
            "interpreter",
        ],
    ),
    (
        Section::Health,
        &[
            "medication",
            "conditions",
            "allergies",
            "mental_health",
            "self_harm_risk",
            "communication_needs",
            "gp",
        ],
    ),
    (
        Section::Phones,
        &[
            "mobile_numbers",
            "handset",
            "network",
            "other_sims",
            "email",
            "accounts",
        ],
    ),
    (
        Section::People,
        &[
            "associates",
            "persons_of_concern",
            "family",
            "friends",
            "do_not_disclose",
        ],
    ),
    (Section::Places, &["locations", "found_before", "venues"]),
    // Police trace card and travel activity.
    (
        Section::MoneyTravel,
        &["bank_cards", "travel_cards", "transport", "routes"],
    ),
    (
        Section::Risks,
        &[
            "risk_cse",
            "risk_cce",
            "risk_debt_bondage",
            "risk_radicalisation",
            "risk_gangs",
            "risk_weapons",
            "risk_to_others",
            "warning_markers",
        ],
    ),
    (
        Section::Legal,
        &[
            "placing_authority",
            "social_worker",
            "social_worker_phone",
            "edt_phone",
            "guardian",
            "legal_status",
            "trafficking_identified",
            "nrm_reasonable_grounds",
            "nrm_conclusive_grounds",
            "nrm_status",
        ],
    ),
    (Section::Education, &["school"]),
    (Section::History, &["earlier_episodes", "patterns"]),
];

/// The profile as the grab sheet (PDF and print view) shows it: `SHEET_BLOCKS` with their
/// filled-in fields as `(label, value)`, flags as "yes", critical medication marked, the
/// home's carer contact with who is responsible; empty blocks left out. `tr` turns a Fluent
/// message id into text.
pub fn sheet_blocks(
    p: &ProfileView,
    org: &crate::organisation::Organisation,
    tr: impl Fn(&str) -> String,
) -> Vec<(String, Vec<(String, String)>)> {
    SHEET_BLOCKS
        .iter()
        .map(|(section, keys)| {
            let mut entries: Vec<(String, String)> = keys
                .iter()
                .filter_map(|key| {
                    let def = field_def(key).filter(|d| !d.sensitive)?;
                    let mut value = match def.kind {
                        Kind::Flag => p.flag(key).then(|| tr("profile-yes")),
                        Kind::Choice(_) => p.text(key).map(|v| tr(&option_id(key, v))),
                        _ => p.text(key).map(str::to_owned),
                    }?;
                    if *key == "medication" && p.flag("critical_medication") {
                        value = format!("{} {value}", tr("sheet-critical-medication"));
                    }
                    Some((tr(&label_id(key)), value))
                })
                .collect();
            if *section == Section::Legal && !org.carer_contact.is_empty() {
                entries.insert(0, (tr("org-carer-contact"), org.carer_contact.clone()));
            }
            (tr(&section.title_id()), entries)
        })
        .filter(|(_, entries)| !entries.is_empty())
        .collect()
}

/// The Fluent message for one value of a choice field: `pf-<key>-<value>`.
pub fn option_id(key: &str, value: &str) -> String {
    format!("{}-{}", label_id(key), value.replace('_', "-"))
}

/// A profile field wherever it lives (keys are unique across sections).
pub fn field_def(key: &str) -> Option<&'static FieldDef> {
    Section::ALL.iter().find_map(|s| s.field(key))
}

/// The register that holds a field's value.
pub fn register(key: &str) -> String {
    format!("p.{key}")
}

/// The register that holds a section's last review.
pub fn review_register(section: Section) -> String {
    format!("review.{}", section.id())
}

/// The register that holds the last change to the photo, phones or people.
pub const KEY_CHANGE_REGISTER: &str = "key_change";

/// A section's values by field key: text fields hold strings, flags booleans; a cleared field
/// is absent (or null).
pub type Values = BTreeMap<String, Value>;

/// A field the profile form could not take, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileProblem {
    pub key: String,
    pub problem: FieldProblem,
}

impl ProfileProblem {
    /// The Fluent message that explains the problem.
    pub fn message_id(&self) -> &'static str {
        match (self.key.as_str(), self.problem) {
            ("photo", FieldProblem::TooLarge) => "error-photo-too-large",
            ("photo", _) => "error-photo-unreadable",
            ("assessment_every_months", _) => "error-assessment-months",
            ("episode_lock_minutes", _) => "error-episode-lock-minutes",
            ("interview_timing", _) => "error-interview-timing",
            ("help_runaway_from" | "help_runaway_to", _) => "error-help-time",
            (key, FieldProblem::Unreadable) if key.starts_with("help_") => "error-help-number",
            _ => self.by_problem(),
        }
    }

    fn by_problem(&self) -> &'static str {
        match self.problem {
            FieldProblem::Required => "error-required",
            FieldProblem::TooLong => "error-text-too-long",
            FieldProblem::NotADate => "error-date-not-a-date",
            FieldProblem::InFuture => "error-date-in-future",
            _ => "error-field-invalid",
        }
    }
}

/// Checks a section's form and returns its values in stored form (trimmed; empty text as
/// null), or every problem at once. Keys the section does not have are refused, not dropped.
pub fn validate(
    section: Section,
    values: &Values,
    today: NaiveDate,
) -> Result<Values, Vec<ProfileProblem>> {
    validate_fields(section.fields(), values, today)
}

/// The same checks for any list of fields (the profile's sections, an episode's details).
pub fn validate_fields(
    defs: &[FieldDef],
    values: &Values,
    today: NaiveDate,
) -> Result<Values, Vec<ProfileProblem>> {
    let mut out = Values::new();
    let mut problems = Vec::new();
    for (key, value) in values {
        let problem = |p| ProfileProblem {
            key: key.clone(),
            problem: p,
        };
        let Some(def) = defs.iter().find(|f| f.key == key) else {
            problems.push(problem(FieldProblem::Unreadable));
            continue;
        };
        match normalise(def.kind, value, today) {
            Ok(v) => {
                out.insert(key.clone(), v);
            }
            Err(p) => problems.push(problem(p)),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

fn normalise(kind: Kind, value: &Value, today: NaiveDate) -> Result<Value, FieldProblem> {
    if value.is_null() {
        return Ok(Value::Null);
    }
    match kind {
        Kind::Flag => value
            .as_bool()
            .map(Value::Bool)
            .ok_or(FieldProblem::Unreadable),
        Kind::Choice(options) => match value.as_str().ok_or(FieldProblem::Unreadable)? {
            "" => Ok(Value::Null),
            v if options.contains(&v) => Ok(Value::String(v.to_owned())),
            _ => Err(FieldProblem::Unreadable),
        },
        Kind::Line | Kind::Lines | Kind::Date => {
            let text = value.as_str().ok_or(FieldProblem::Unreadable)?;
            let text = match kind {
                // One line: pasted line breaks become spaces.
                Kind::Line | Kind::Date => text.split_whitespace().collect::<Vec<_>>().join(" "),
                _ => text
                    .lines()
                    .map(str::trim_end)
                    .collect::<Vec<_>>()
                    .join("\n")
                    .trim()
                    .to_owned(),
            };
            if text.is_empty() {
                return Ok(Value::Null);
            }
            let limit = if kind == Kind::Lines {
                MAX_LINES_CHARS
            } else {
                MAX_LINE_CHARS
            };
            if text.chars().count() > limit {
                return Err(FieldProblem::TooLong);
            }
            if kind == Kind::Date {
                let date = NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                    .map_err(|_| FieldProblem::NotADate)?;
                if date > today {
                    return Err(FieldProblem::InFuture);
                }
            }
            Ok(Value::String(text))
        }
    }
}

/// Who last checked a section, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub at: DateTime<Utc>,
    pub by: UserId,
    /// The reviewer's name as staff know it (empty if they have not synced here yet).
    #[serde(default)]
    pub by_name: String,
}

/// Why a section needs checking now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum ReviewDue {
    /// Nobody has checked it yet.
    NeverReviewed,
    /// The child came back from a missing episode after the last check.
    AfterEpisode { returned_at: DateTime<Utc> },
    /// The photo, phones or people changed after the last check.
    KeyChange { section: Section, at: DateTime<Utc> },
    /// 28 days have passed since the last check.
    Stale { due_since: DateTime<Utc> },
}

/// What is known about a child when deciding whether a section is due.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReviewContext {
    /// When the child last came back (found, or the episode closed), if ever.
    pub last_return: Option<DateTime<Utc>>,
    /// The last change to the photo, phones or people.
    pub key_change: Option<(Section, DateTime<Utc>)>,
}

/// Whether a section last reviewed at `reviewed` is due at `now`, and why (the most specific
/// reason first).
pub fn review_due(
    reviewed: Option<DateTime<Utc>>,
    context: &ReviewContext,
    now: DateTime<Utc>,
) -> Option<ReviewDue> {
    let Some(reviewed) = reviewed else {
        return Some(ReviewDue::NeverReviewed);
    };
    if let Some(returned_at) = context.last_return.filter(|t| *t > reviewed) {
        return Some(ReviewDue::AfterEpisode { returned_at });
    }
    if let Some((section, at)) = context.key_change.filter(|(_, t)| *t > reviewed) {
        return Some(ReviewDue::KeyChange { section, at });
    }
    let due_since = reviewed + Duration::days(REVIEW_EVERY_DAYS);
    (now >= due_since).then_some(ReviewDue::Stale { due_since })
}

/// Which of the child's two photos (domain.md §1.1 item 4: a recent face photo and a
/// full-length one, each with the date taken).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhotoKind {
    #[default]
    Face,
    FullLength,
}

impl PhotoKind {
    pub const ALL: [PhotoKind; 2] = [PhotoKind::Face, PhotoKind::FullLength];

    /// The profile field that holds the date this photo was taken.
    pub fn date_key(self) -> &'static str {
        match self {
            PhotoKind::Face => "photo_taken_on",
            PhotoKind::FullLength => "full_photo_taken_on",
        }
    }

    /// The child's register that holds the photo itself (a prepared JPEG, base64).
    pub fn register(self) -> &'static str {
        match self {
            PhotoKind::Face => "photo_jpeg",
            PhotoKind::FullLength => "photo_full_jpeg",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            PhotoKind::Face => "face",
            PhotoKind::FullLength => "full-length",
        }
    }
}

/// What is wrong with the child's photo for a police sheet, if anything.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum PhotoWarning {
    NoPhoto,
    /// A photo, but nobody recorded when it was taken.
    NoDate,
    /// Taken more than three months ago.
    Old {
        taken_on: NaiveDate,
    },
}

pub fn photo_warning(
    has_photo: bool,
    taken_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<PhotoWarning> {
    match (has_photo, taken_on) {
        (false, _) => Some(PhotoWarning::NoPhoto),
        (true, None) => Some(PhotoWarning::NoDate),
        (true, Some(d)) => (d
            .checked_add_months(Months::new(PHOTO_MAX_AGE_MONTHS))
            .is_some_and(|limit| limit < today))
        .then_some(PhotoWarning::Old { taken_on: d }),
    }
}

/// One section as the profile screen shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionView {
    pub section: Section,
    pub values: Values,
    pub review: Option<Review>,
    pub due: Option<ReviewDue>,
}

impl SectionView {
    /// A text field's value, if filled in.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.values
            .get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    }

    pub fn flag(&self, key: &str) -> bool {
        self.values
            .get(key)
            .and_then(Value::as_bool)
            .unwrap_or(false)
    }
}

/// The whole profile of one child.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileView {
    pub child: crate::Child,
    /// Every section, in form order, filled in or not.
    pub sections: Vec<SectionView>,
    pub photo_warning: Option<PhotoWarning>,
    /// Whether a full-length photo is kept, and what is wrong with it.
    #[serde(default)]
    pub has_full_photo: bool,
    #[serde(default)]
    pub full_photo_warning: Option<PhotoWarning>,
    /// Every missing episode recorded in Harbour, oldest first.
    #[serde(default)]
    pub history: Vec<EpisodeBrief>,
    /// Each time a flag was set or cleared, oldest first.
    #[serde(default)]
    pub flag_history: Vec<crate::child::FlagChange>,
    /// Who recorded the child, and who last corrected their core details, and when.
    #[serde(default)]
    pub added: Option<Written>,
    #[serde(default)]
    pub corrected: Option<Written>,
    /// Some of the child's record came from another device and its author could not be
    /// checked yet: shown, marked "needs checking".
    #[serde(default)]
    pub needs_checking: bool,
}

/// Who wrote something and when. The name is empty where the author is not recorded (records
/// from before authors were kept) or not known on this device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Written {
    pub by_name: String,
    pub at: DateTime<Utc>,
}

/// One missing episode as the history shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EpisodeBrief {
    pub last_seen_at: DateTime<Utc>,
    /// When they were found or came back; `None` while still missing.
    pub found_at: Option<DateTime<Utc>>,
    pub where_found: String,
    pub closed: bool,
}

impl EpisodeBrief {
    /// How long the child was missing (until now, if still missing).
    pub fn duration(&self, now: DateTime<Utc>) -> Duration {
        self.found_at.unwrap_or(now) - self.last_seen_at
    }
}

impl ProfileView {
    /// When the child's time in care or here began: the later of the dates they became looked
    /// after and came to this placement (a child missing soon after is treated as a potential
    /// victim of trafficking).
    pub fn in_care_since(&self) -> Option<NaiveDate> {
        ["looked_after_on", "placed_here_on"]
            .iter()
            .filter_map(|k| self.text(k))
            .filter_map(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
            .max()
    }

    pub fn section(&self, section: Section) -> Option<&SectionView> {
        self.sections.iter().find(|s| s.section == section)
    }

    /// A field's text wherever it lives.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.sections.iter().find_map(|s| s.text(key))
    }

    pub fn flag(&self, key: &str) -> bool {
        self.sections.iter().any(|s| s.flag(key))
    }

    /// How many sections are due for a check.
    pub fn due_count(&self) -> usize {
        self.sections.iter().filter(|s| s.due.is_some()).count()
    }
}

/// The profile as the screen opens it, with the photo as a `data:` URL.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileOpened {
    pub profile: ProfileView,
    pub photo: Option<String>,
    /// The full-length photo, also as a `data:` URL.
    #[serde(default)]
    pub full_photo: Option<String>,
}

/// What the profile form sends for one section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionInput {
    pub section: Section,
    pub values: Values,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use serde_json::json;
    use std::collections::BTreeSet;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
    }

    #[test]
    fn every_key_is_unique_and_clear_of_the_childs_own_registers() {
        let mut seen = BTreeSet::new();
        for s in Section::ALL {
            assert!(!s.fields().is_empty(), "{s:?} has no fields");
            for f in s.fields() {
                assert!(seen.insert(f.key), "{} twice", f.key);
                assert!(f
                    .key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'));
            }
        }
        assert!(seen.len() > 70, "the Philomena Part 1 catalogue shrank");
        assert_eq!(register("gp"), "p.gp");
        assert_eq!(label_id("edt_phone"), "pf-edt-phone");
        assert_eq!(Section::MoneyTravel.title_id(), "section-money-travel");
        assert_eq!(
            serde_json::to_string(&Section::OwnWords).unwrap(),
            "\"own_words\""
        );
    }

    #[test]
    fn the_sheet_prints_real_fields_and_nothing_sensitive() {
        for (_, keys) in SHEET_BLOCKS {
            for key in keys {
                let def = field_def(key).unwrap_or_else(|| panic!("{key} is no profile field"));
                assert!(!def.sensitive, "{key} is sensitive");
            }
        }
    }

    #[test]
    fn forms_are_trimmed_and_checked_field_by_field() {
        let values: Values = [
            (
                "conditions".into(),
                json!("  Asthma  \n\n inhaler twice a day  \n"),
            ),
            ("gp".into(), json!("Dr Sample,\n Harbour Surgery")),
            ("critical_medication".into(), json!(true)),
            ("allergies".into(), json!("   ")),
            ("substance_use".into(), Value::Null),
        ]
        .into_iter()
        .collect();
        let out = validate(Section::Health, &values, today()).unwrap();
        assert_eq!(out["conditions"], json!("Asthma\n\n inhaler twice a day"));
        assert_eq!(out["gp"], json!("Dr Sample, Harbour Surgery"));
        assert_eq!(out["critical_medication"], json!(true));
        assert_eq!(out["allergies"], Value::Null, "blank clears the field");
        assert_eq!(out["substance_use"], Value::Null);

        let bad: Values = [
            ("gp".into(), json!("x".repeat(MAX_LINE_CHARS + 1))),
            ("medication".into(), json!("x".repeat(MAX_LINES_CHARS))),
            ("critical_medication".into(), json!("yes")),
            ("school".into(), json!("not in this section")),
        ]
        .into_iter()
        .collect();
        let problems = validate(Section::Health, &bad, today()).unwrap_err();
        let got: Vec<_> = problems
            .iter()
            .map(|p| (p.key.as_str(), p.problem))
            .collect();
        assert_eq!(
            got,
            [
                ("critical_medication", FieldProblem::Unreadable),
                ("gp", FieldProblem::TooLong),
                ("school", FieldProblem::Unreadable),
            ]
        );
        assert_eq!(problems[1].message_id(), "error-text-too-long");
    }

    #[test]
    fn dates_are_real_and_not_ahead() {
        let check = |text: &str| {
            let v: Values = [("photo_taken_on".into(), json!(text))]
                .into_iter()
                .collect();
            validate(Section::Photos, &v, today()).map_err(|p| p[0].problem)
        };
        assert!(check("2026-11-25").is_ok());
        assert_eq!(check("2026-11-26"), Err(FieldProblem::InFuture));
        assert_eq!(check("25/11/2026"), Err(FieldProblem::NotADate));
        assert_eq!(check("").unwrap()["photo_taken_on"], Value::Null);
    }

    #[test]
    fn time_in_care_runs_from_the_later_of_looked_after_and_placed_here() {
        let view = |legal: serde_json::Value| ProfileView {
            added: None,
            corrected: None,
            needs_checking: false,
            child: crate::Child {
                id: "01936b6e-7c00-7000-8000-000000000001".parse().unwrap(),
                details: crate::testing::child(true, false),
                has_photo: false,
                created_at: at(1, 9),
            },
            sections: vec![SectionView {
                section: Section::Legal,
                values: serde_json::from_value(legal).unwrap(),
                review: None,
                due: None,
            }],
            photo_warning: None,
            has_full_photo: false,
            full_photo_warning: None,
            history: Vec::new(),
            flag_history: Vec::new(),
        };
        let both = view(json!({"looked_after_on": "2026-10-01", "placed_here_on": "2026-11-20"}));
        assert_eq!(both.in_care_since(), NaiveDate::from_ymd_opt(2026, 11, 20));
        assert_eq!(view(json!({})).in_care_since(), None);
    }

    #[test]
    fn a_status_is_one_of_its_choices_dated_never_free_text() {
        let check = |key: &str, v: &str| {
            let v: Values = [(key.into(), json!(v))].into_iter().collect();
            validate(Section::Legal, &v, today()).map_err(|p| p[0].problem)
        };
        assert_eq!(
            check("nrm_reasonable_grounds", "positive").unwrap()["nrm_reasonable_grounds"],
            json!("positive")
        );
        assert_eq!(
            check("nrm_reasonable_grounds", "probably"),
            Err(FieldProblem::Unreadable)
        );
        assert_eq!(
            check("guardian_status", "").unwrap()["guardian_status"],
            Value::Null
        );
        assert_eq!(
            check("nrm_referred_on", "2026-11-26"),
            Err(FieldProblem::InFuture)
        );
        assert_eq!(
            option_id("trafficking_identified", "nrm_decision"),
            "pf-trafficking-identified-nrm-decision"
        );
    }

    #[test]
    fn reviews_fall_due_with_the_most_specific_reason() {
        let none = ReviewContext::default();
        assert_eq!(
            review_due(None, &none, at(25, 12)),
            Some(ReviewDue::NeverReviewed)
        );
        let reviewed = at(1, 9);
        // 27 days 23 hours later: not yet; 28 days: due.
        let nearly = reviewed + Duration::days(28) - Duration::hours(1);
        assert_eq!(review_due(Some(reviewed), &none, nearly), None);
        assert_eq!(
            review_due(Some(reviewed), &none, reviewed + Duration::days(28)),
            Some(ReviewDue::Stale {
                due_since: reviewed + Duration::days(28)
            })
        );
        // Back from an episode after the check: due at once, whatever the date.
        let back = ReviewContext {
            last_return: Some(at(3, 2)),
            ..none
        };
        assert_eq!(
            review_due(Some(reviewed), &back, at(3, 3)),
            Some(ReviewDue::AfterEpisode {
                returned_at: at(3, 2)
            })
        );
        // ...but not if the check came after the return.
        assert_eq!(review_due(Some(at(3, 4)), &back, at(3, 5)), None);
        // A new phone number makes the other sections due.
        let phone = ReviewContext {
            key_change: Some((Section::Phones, at(4, 10))),
            ..none
        };
        assert_eq!(
            review_due(Some(reviewed), &phone, at(4, 11)),
            Some(ReviewDue::KeyChange {
                section: Section::Phones,
                at: at(4, 10)
            })
        );
        // The section that changed was checked by the saving itself.
        assert_eq!(review_due(Some(at(4, 10)), &phone, at(4, 11)), None);
        // Episode first, then key change, then age.
        let both = ReviewContext {
            last_return: Some(at(3, 2)),
            key_change: Some((Section::People, at(4, 10))),
        };
        assert!(matches!(
            review_due(Some(reviewed), &both, at(30, 10)),
            Some(ReviewDue::AfterEpisode { .. })
        ));
    }

    #[test]
    fn photos_older_than_three_months_are_flagged() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        assert_eq!(
            photo_warning(false, None, today()),
            Some(PhotoWarning::NoPhoto)
        );
        assert_eq!(
            photo_warning(true, None, today()),
            Some(PhotoWarning::NoDate)
        );
        assert_eq!(photo_warning(true, Some(d(8, 25)), today()), None);
        assert_eq!(
            photo_warning(true, Some(d(8, 24)), today()),
            Some(PhotoWarning::Old { taken_on: d(8, 24) })
        );
    }

    #[test]
    fn views_read_fields_by_key() {
        let view = SectionView {
            section: Section::Health,
            values: [
                ("gp".into(), json!("Dr Sample")),
                ("allergies".into(), json!("")),
                ("critical_medication".into(), json!(true)),
            ]
            .into_iter()
            .collect(),
            review: None,
            due: Some(ReviewDue::NeverReviewed),
        };
        assert_eq!(view.text("gp"), Some("Dr Sample"));
        assert_eq!(view.text("allergies"), None);
        assert!(view.flag("critical_medication"));
        assert!(!view.flag("self_harm_risk"));
    }
}
