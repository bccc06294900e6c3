//! Where Harbour is used: the nation (whose guidance, terms and regulator apply, domain.md
//! §2.6), whether it is a foster home or a children's home, and the contacts that belong to the
//! home rather than to one child (the on-call manager, the host authority, the fostering
//! agency, the regulator). Numbers domain.md could not confirm are typed in here by the home, not
//! built into Harbour.

use serde::{Deserialize, Serialize};

use crate::child::FieldProblem;
use crate::help::HelpNumbers;
use crate::interview::InterviewTiming;
use crate::profile::{ProfileProblem, MAX_LINE_CHARS};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Nation {
    #[default]
    England,
    Wales,
    Scotland,
    NorthernIreland,
}

impl Nation {
    pub const ALL: [Nation; 4] = [
        Nation::England,
        Nation::Wales,
        Nation::Scotland,
        Nation::NorthernIreland,
    ];

    /// The selector Fluent messages use to word things the way this nation's guidance does
    /// (Scotland's "return discussion", Wales's "Child Information Form").
    pub fn id(self) -> &'static str {
        match self {
            Nation::England => "england",
            Nation::Wales => "wales",
            Nation::Scotland => "scotland",
            Nation::NorthernIreland => "northern_ireland",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Nation::England => "nation-england",
            Nation::Wales => "nation-wales",
            Nation::Scotland => "nation-scotland",
            Nation::NorthernIreland => "nation-northern-ireland",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HomeKind {
    #[default]
    FosterHome,
    ChildrensHome,
    /// Supported accommodation (where many 16 and 17-year-old unaccompanied children live;
    /// regulated by Ofsted in England since 2023, with its own notification rules).
    SupportedAccommodation,
}

impl HomeKind {
    pub const ALL: [HomeKind; 3] = [
        HomeKind::FosterHome,
        HomeKind::ChildrensHome,
        HomeKind::SupportedAccommodation,
    ];

    /// The selector Fluent messages use (the child's help words the return talk by it).
    pub fn id(self) -> &'static str {
        match self {
            HomeKind::FosterHome => "foster_home",
            HomeKind::ChildrensHome => "childrens_home",
            HomeKind::SupportedAccommodation => "supported_accommodation",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            HomeKind::FosterHome => "home-kind-foster",
            HomeKind::ChildrensHome => "home-kind-childrens-home",
            HomeKind::SupportedAccommodation => "home-kind-supported",
        }
    }
}

/// The home's own settings, kept in the op log like everything else (so every device of the
/// home has the same ones).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub nation: Nation,
    pub home_kind: HomeKind,
    /// How police reach the carers: the home's or the foster carer's name and phone (printed
    /// on the grab sheet).
    #[serde(default)]
    pub carer_contact: String,
    /// The registered manager or on-call manager: name and phone.
    pub on_call: String,
    /// The local authority where the home is, for children placed from elsewhere.
    pub host_authority: String,
    /// The supervising social worker or fostering agency (foster homes).
    pub fostering_agency: String,
    /// Who regulates the home and how to reach them (children's homes).
    pub regulator: String,
    /// The Independent Child Trafficking Guardian service's line.
    pub ictg_line: String,
    /// Risk checklists fall due again this many months after the last (1 to 12).
    #[serde(default = "default_every_months")]
    pub assessment_every_months: u32,
    /// The numbers and hours shown to a child (the help screen and card).
    #[serde(default)]
    pub help: HelpNumbers,
    /// What the local police call the form they are handed ("grab sheet", "missing person
    /// form"); empty: the nation's usual name (Philomena form, Wales's Child Information Form).
    #[serde(default)]
    pub police_form: String,
    /// While an episode is open and its steps screen is in front, Harbour waits this long
    /// without a key press or click before it locks: a carer on hold to the police is not
    /// clicking, and the call script must not vanish behind the lock (10 to 240 minutes).
    #[serde(default = "default_episode_lock_minutes")]
    pub episode_lock_minutes: u32,
    /// When the return interview (Scotland: the return discussion) falls due; `None`: the
    /// nation's usual timing. Local protocols differ, so it is a setting, not built in.
    #[serde(default)]
    pub interview_timing: Option<InterviewTiming>,
    /// The regulator's list of events the home must notify, as the home has checked it
    /// (shown where the manager decides); empty: Harbour's wording where domain.md confirms the
    /// rule (Regulation 40 for children's homes in England), otherwise a prompt to check.
    #[serde(default)]
    pub regulator_events: String,
}

fn default_episode_lock_minutes() -> u32 {
    DEFAULT_EPISODE_LOCK_MINUTES
}

/// Harbour's default lock time on the steps screen of an open episode.
pub const DEFAULT_EPISODE_LOCK_MINUTES: u32 = 60;
/// The shortest and longest lock time on the steps screen a home may set.
pub const EPISODE_LOCK_MINUTES: std::ops::RangeInclusive<u32> = 10..=240;

impl Organisation {
    /// How long the steps screen of an open episode stays unlocked without use: the home's
    /// episode time, never shorter than the ordinary lock time.
    pub fn lock_minutes_during_episode(&self, ordinary: u32) -> u32 {
        self.episode_lock_minutes.max(ordinary)
    }

    /// The home's return interview timing, or the nation's usual one.
    pub fn interview_timing(&self) -> InterviewTiming {
        self.interview_timing
            .unwrap_or_else(|| InterviewTiming::usual(self.nation))
    }

    /// Whether the manager records a decision to notify the regulator after an episode:
    /// children's homes (Regulation 40 in England) and supported accommodation (regulated with
    /// its own notification rules). In a foster home the fostering service decides, told
    /// through the supervising social worker.
    pub fn records_regulator_decision(&self) -> bool {
        matches!(
            self.home_kind,
            HomeKind::ChildrensHome | HomeKind::SupportedAccommodation
        )
    }

    /// What the manager is shown about which events to notify.
    pub fn regulator_rules(&self) -> RegulatorRules<'_> {
        if !self.regulator_events.is_empty() {
            RegulatorRules::Home(&self.regulator_events)
        } else if self.nation == Nation::England && self.home_kind == HomeKind::ChildrensHome {
            RegulatorRules::Regulation40
        } else {
            RegulatorRules::Unchecked
        }
    }
}

/// The settings as registers, one per key: each top-level setting, and each of the child's
/// numbers and the helpline's hours on its own (`help.runaway`), so two managers who change
/// different settings on different devices both keep their change.
pub type SettingFields = std::collections::BTreeMap<String, serde_json::Value>;

/// The prefix of the registers that hold the child's numbers.
const HELP_PREFIX: &str = "help.";

impl Organisation {
    /// Every setting by key, as [`SettingFields`].
    pub fn fields(&self) -> SettingFields {
        let mut out = SettingFields::new();
        if let Ok(serde_json::Value::Object(map)) = serde_json::to_value(self) {
            for (key, value) in map {
                match value {
                    serde_json::Value::Object(help) if key == "help" => {
                        for (k, v) in help {
                            out.insert(format!("{HELP_PREFIX}{k}"), v);
                        }
                    }
                    value => {
                        out.insert(key, value);
                    }
                }
            }
        }
        out
    }

    /// Whether `key` is a setting this version knows (others, from a newer Harbour, stay in
    /// the log and are not folded).
    pub fn knows(key: &str) -> bool {
        Organisation::default().fields().contains_key(key)
    }

    /// The settings from their registers; a setting with no register has its default, and one
    /// whose value cannot be read (written by a newer Harbour in a new shape) is left at what
    /// `base` has.
    pub fn from_fields(base: &Organisation, fields: &SettingFields) -> Organisation {
        let mut out = base.clone();
        for (key, value) in fields {
            let mut all = out.fields();
            all.insert(key.clone(), value.clone());
            if let Some(next) = Organisation::read_fields(&all) {
                out = next;
            }
        }
        out
    }

    fn read_fields(fields: &SettingFields) -> Option<Organisation> {
        let mut top = serde_json::Map::new();
        let mut help = serde_json::Map::new();
        for (key, value) in fields {
            match key.strip_prefix(HELP_PREFIX) {
                Some(k) => help.insert(k.to_owned(), value.clone()),
                None => top.insert(key.clone(), value.clone()),
            };
        }
        top.insert("help".into(), serde_json::Value::Object(help));
        serde_json::from_value(serde_json::Value::Object(top)).ok()
    }

    /// The settings that differ from `before`, with their new values: what a save writes.
    pub fn changed_fields(&self, before: &Organisation) -> SettingFields {
        let old = before.fields();
        self.fields()
            .into_iter()
            .filter(|(k, v)| old.get(k) != Some(v))
            .collect()
    }
}

/// Which events must be notified to the regulator, as far as Harbour knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegulatorRules<'a> {
    /// The list the home has checked and typed in.
    Home(&'a str),
    /// Regulation 40 of the Children's Homes (England) Regulations 2015 (domain.md §2.4).
    Regulation40,
    /// Not confirmed here: the manager is asked to check the regulator's guidance and write
    /// the list into the settings.
    Unchecked,
}

/// The longest list of notifiable events a home may type in.
pub const MAX_REGULATOR_EVENTS_CHARS: usize = 2000;

fn default_every_months() -> u32 {
    crate::checklists::DEFAULT_EVERY_MONTHS
}

/// The shortest and longest interval between risk checklists a home may set.
pub const ASSESSMENT_MONTHS: std::ops::RangeInclusive<u32> = 1..=12;

impl Default for Organisation {
    fn default() -> Self {
        Organisation {
            nation: Nation::default(),
            home_kind: HomeKind::default(),
            carer_contact: String::new(),
            on_call: String::new(),
            host_authority: String::new(),
            fostering_agency: String::new(),
            regulator: String::new(),
            ictg_line: String::new(),
            assessment_every_months: default_every_months(),
            help: HelpNumbers::default(),
            police_form: String::new(),
            episode_lock_minutes: DEFAULT_EPISODE_LOCK_MINUTES,
            interview_timing: None,
            regulator_events: String::new(),
        }
    }
}

impl Organisation {
    /// Trimmed, and every field too long reported at once (by key).
    pub fn validate(&self) -> Result<Organisation, Vec<ProfileProblem>> {
        let mut problems = Vec::new();
        let help = self.help.validate(&mut problems);
        let mut text = |key: &str, v: &str| {
            let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
            if v.chars().count() > MAX_LINE_CHARS {
                problems.push(ProfileProblem {
                    key: key.to_owned(),
                    problem: FieldProblem::TooLong,
                });
            }
            v
        };
        let out = Organisation {
            nation: self.nation,
            home_kind: self.home_kind,
            carer_contact: text("carer_contact", &self.carer_contact),
            on_call: text("on_call", &self.on_call),
            host_authority: text("host_authority", &self.host_authority),
            fostering_agency: text("fostering_agency", &self.fostering_agency),
            regulator: text("regulator", &self.regulator),
            ictg_line: text("ictg_line", &self.ictg_line),
            assessment_every_months: self.assessment_every_months,
            help,
            police_form: text("police_form", &self.police_form),
            episode_lock_minutes: self.episode_lock_minutes,
            interview_timing: self.interview_timing,
            regulator_events: self.regulator_events.trim().to_owned(),
        };
        if self.regulator_events.trim().chars().count() > MAX_REGULATOR_EVENTS_CHARS {
            problems.push(ProfileProblem {
                key: "regulator_events".to_owned(),
                problem: FieldProblem::TooLong,
            });
        }
        if self.interview_timing.is_some_and(|t| !t.is_valid()) {
            problems.push(ProfileProblem {
                key: "interview_timing".to_owned(),
                problem: FieldProblem::OutOfRange,
            });
        }
        if !EPISODE_LOCK_MINUTES.contains(&self.episode_lock_minutes) {
            problems.push(ProfileProblem {
                key: "episode_lock_minutes".to_owned(),
                problem: FieldProblem::OutOfRange,
            });
        }
        if !ASSESSMENT_MONTHS.contains(&self.assessment_every_months) {
            problems.push(ProfileProblem {
                key: "assessment_every_months".to_owned(),
                problem: FieldProblem::OutOfRange,
            });
        }
        if problems.is_empty() {
            Ok(out)
        } else {
            Err(problems)
        }
    }

    /// The text fields, by key, as the settings form and the Fluent labels (`org-<key>`) name
    /// them.
    pub fn texts(&self) -> [(&'static str, &str); 7] {
        [
            ("carer_contact", &self.carer_contact),
            ("on_call", &self.on_call),
            ("host_authority", &self.host_authority),
            ("fostering_agency", &self.fostering_agency),
            ("regulator", &self.regulator),
            ("ictg_line", &self.ictg_line),
            ("police_form", &self.police_form),
        ]
    }

    pub fn set_text(&mut self, key: &str, value: String) {
        match key {
            "carer_contact" => self.carer_contact = value,
            "on_call" => self.on_call = value,
            "host_authority" => self.host_authority = value,
            "fostering_agency" => self.fostering_agency = value,
            "regulator" => self.regulator = value,
            "ictg_line" => self.ictg_line = value,
            "police_form" => self.police_form = value,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_steps_screen_lock_time_is_the_home_s_and_never_shorter_than_the_ordinary_one() {
        let org = Organisation::default();
        assert_eq!(org.lock_minutes_during_episode(10), 60);
        assert_eq!(org.lock_minutes_during_episode(90), 90);
        for (minutes, ok) in [(9, false), (10, true), (240, true), (241, false)] {
            let org = Organisation {
                episode_lock_minutes: minutes,
                ..Default::default()
            };
            assert_eq!(org.validate().is_ok(), ok, "{minutes}");
        }
        // Settings saved before this existed read as the default.
        let old: Organisation = serde_json::from_str(r#"{"nation":"england","home_kind":"foster_home","on_call":"","host_authority":"","fostering_agency":"","regulator":"","ictg_line":""}"#).unwrap();
        assert_eq!(old.episode_lock_minutes, DEFAULT_EPISODE_LOCK_MINUTES);
    }

    #[test]
    fn settings_are_trimmed_and_long_ones_named() {
        let org = Organisation {
            on_call: "  Sam   Manager 07700 900321 ".into(),
            regulator: "x".repeat(MAX_LINE_CHARS + 1),
            ..Default::default()
        };
        let problems = org.validate().unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].key, "regulator");
        assert_eq!(org.assessment_every_months, 3, "the default interval");
        let never = Organisation {
            assessment_every_months: 0,
            ..Default::default()
        };
        assert_eq!(
            never.validate().unwrap_err()[0].key,
            "assessment_every_months"
        );
        // Settings saved before the interval existed read back with the default.
        let old: Organisation = serde_json::from_str(
            r#"{"nation":"england","home_kind":"foster_home","on_call":"","host_authority":"",
                "fostering_agency":"","regulator":"","ictg_line":""}"#,
        )
        .unwrap();
        assert_eq!(old.assessment_every_months, 3);
        let ok = Organisation {
            regulator: String::new(),
            ..org
        }
        .validate()
        .unwrap();
        assert_eq!(ok.on_call, "Sam Manager 07700 900321");
        let mut edited = ok.clone();
        for (key, _) in ok.texts() {
            edited.set_text(key, format!("{key}!"));
        }
        assert!(edited.texts().iter().all(|(k, v)| *v == format!("{k}!")));
        assert_eq!(
            serde_json::to_string(&Nation::NorthernIreland).unwrap(),
            "\"northern_ireland\""
        );
    }

    #[test]
    fn the_interview_timing_is_the_nation_s_unless_the_home_sets_its_own() {
        let mut org = Organisation::default();
        assert_eq!(
            org.interview_timing(),
            InterviewTiming::RETURN_HOME_INTERVIEW
        );
        org.nation = Nation::Scotland;
        assert_eq!(org.interview_timing(), InterviewTiming::RETURN_DISCUSSION);
        let own = InterviewTiming {
            arrange_within_hours: Some(48),
            hold_within_hours: 120,
        };
        org.interview_timing = Some(own);
        assert_eq!(org.interview_timing(), own);
        assert!(org.validate().is_ok());
        org.interview_timing = Some(InterviewTiming {
            arrange_within_hours: Some(200),
            hold_within_hours: 120,
        });
        assert_eq!(org.validate().unwrap_err()[0].key, "interview_timing");
        let old: Organisation = serde_json::from_str(
            r#"{"nation":"scotland","home_kind":"foster_home","on_call":"","host_authority":"",
                "fostering_agency":"","regulator":"","ictg_line":""}"#,
        )
        .unwrap();
        assert_eq!(old.interview_timing(), InterviewTiming::RETURN_DISCUSSION);
        assert_eq!(old.regulator_events, "");
    }

    #[test]
    fn the_regulator_s_events_are_regulation_40_the_home_s_own_list_or_a_prompt_to_check() {
        let table = [
            (
                Nation::England,
                HomeKind::ChildrensHome,
                true,
                RegulatorRules::Regulation40,
            ),
            (
                Nation::England,
                HomeKind::SupportedAccommodation,
                true,
                RegulatorRules::Unchecked,
            ),
            (
                Nation::Wales,
                HomeKind::ChildrensHome,
                true,
                RegulatorRules::Unchecked,
            ),
            (
                Nation::Scotland,
                HomeKind::ChildrensHome,
                true,
                RegulatorRules::Unchecked,
            ),
            (
                Nation::NorthernIreland,
                HomeKind::ChildrensHome,
                true,
                RegulatorRules::Unchecked,
            ),
            (
                Nation::England,
                HomeKind::FosterHome,
                false,
                RegulatorRules::Unchecked,
            ),
        ];
        for (nation, home_kind, decides, rules) in table {
            let org = Organisation {
                nation,
                home_kind,
                ..Default::default()
            };
            assert_eq!(
                org.records_regulator_decision(),
                decides,
                "{nation:?} {home_kind:?}"
            );
            assert_eq!(org.regulator_rules(), rules, "{nation:?} {home_kind:?}");
        }
        let org = Organisation {
            nation: Nation::Wales,
            home_kind: HomeKind::ChildrensHome,
            regulator_events: "  A child missing and police involved\nAn allegation  ".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(
            org.regulator_rules(),
            RegulatorRules::Home("A child missing and police involved\nAn allegation"),
            "kept line by line"
        );
        let long = Organisation {
            regulator_events: "x".repeat(MAX_REGULATOR_EVENTS_CHARS + 1),
            ..Default::default()
        };
        assert_eq!(long.validate().unwrap_err()[0].key, "regulator_events");
    }

    #[test]
    fn settings_split_into_one_register_per_key_and_back() {
        let org = Organisation {
            nation: Nation::Wales,
            on_call: "Sam Manager 07700 900321".into(),
            help: HelpNumbers {
                runaway: "116 000".into(),
                runaway_hours: crate::help::RunawayHours::DayAndNight,
                ..Default::default()
            },
            interview_timing: Some(InterviewTiming::RETURN_DISCUSSION),
            ..Default::default()
        };
        let fields = org.fields();
        assert_eq!(fields["nation"], serde_json::json!("wales"));
        assert_eq!(fields["help.runaway"], serde_json::json!("116 000"));
        assert!(fields.contains_key("help.runaway_hours") && !fields.contains_key("help"));
        assert!(Organisation::knows("on_call") && !Organisation::knows("from_a_newer_app"));
        assert_eq!(
            Organisation::from_fields(&Organisation::default(), &fields),
            org
        );

        // A save names only what changed.
        let mut next = org.clone();
        next.help.childline = "0800 1111 (changed)".into();
        next.regulator = "Care Inspectorate Wales".into();
        let changed: Vec<_> = next.changed_fields(&org).into_keys().collect();
        assert_eq!(changed, ["help.childline", "regulator"]);

        // One unreadable value (a newer shape) leaves that setting as it was, not the rest.
        let mut odd = SettingFields::new();
        odd.insert("nation".into(), serde_json::json!({"new": "shape"}));
        odd.insert("on_call".into(), serde_json::json!("Another Manager"));
        let read = Organisation::from_fields(&org, &odd);
        assert_eq!(
            (read.nation, read.on_call.as_str()),
            (Nation::Wales, "Another Manager")
        );
    }
}
