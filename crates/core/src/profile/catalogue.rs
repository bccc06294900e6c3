//! The catalogue: the profile's sections and their fields, as data. Each field's label is the
//! Fluent message `pf-<key>`; each section's title is `section-<id>`; each field is stored as
//! its own register.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

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

#[cfg(test)]
mod tests {
    use super::*;

    use std::collections::BTreeSet;

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
}
