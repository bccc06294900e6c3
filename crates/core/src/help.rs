//! The numbers and opening hours shown to a child on the "Show to child" screen and the printed
//! help card (domain.md §4). They are the home's settings, not text built into Harbour, so an
//! administrator can correct them when a service changes (domain.md §8.5: "keep helpline hours
//! and numbers as centrally updated content"). The defaults are the numbers domain.md gives as
//! confirmed; the Runaway Helpline's hours are not confirmed, so none are shown until an
//! administrator enters them.

use serde::{Deserialize, Serialize};

use crate::child::FieldProblem;
use crate::profile::ProfileProblem;

/// The longest a number may be, in characters.
pub const MAX_NUMBER_CHARS: usize = 20;

/// When the Runaway Helpline answers, as the child is told.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RunawayHours {
    /// Nothing is said about hours (the default: domain.md marks the current hours unverified).
    #[default]
    NotShown,
    /// Every day between two times, written `HH:MM`.
    Daily { from: String, to: String },
    /// Day and night, every day.
    DayAndNight,
}

/// What the child's help takes from the home's settings: the numbers and hours, and the kind of
/// home (in foster care the return talk is "with someone who is not one of your carers"), and
/// within how many hours of coming back the child should be offered that talk (the home's
/// interview timing: the nation's usual one unless the home sets its own).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildHelpSettings {
    pub numbers: HelpNumbers,
    #[serde(default)]
    pub home_kind: crate::organisation::HomeKind,
    #[serde(default = "usual_offer_hours")]
    pub talk_offered_within_hours: u32,
}

fn usual_offer_hours() -> u32 {
    crate::interview::InterviewTiming::RETURN_HOME_INTERVIEW.offered_within_hours()
}

impl Default for ChildHelpSettings {
    fn default() -> Self {
        Self {
            numbers: HelpNumbers::default(),
            home_kind: Default::default(),
            talk_offered_within_hours: usual_offer_hours(),
        }
    }
}

impl From<&crate::organisation::Organisation> for ChildHelpSettings {
    fn from(org: &crate::organisation::Organisation) -> Self {
        Self {
            numbers: org.help.clone(),
            home_kind: org.home_kind,
            talk_offered_within_hours: org.interview_timing().offered_within_hours(),
        }
    }
}

/// The numbers a child is given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HelpNumbers {
    /// The Runaway Helpline, call or text.
    pub runaway: String,
    pub runaway_hours: RunawayHours,
    pub childline: String,
    /// The emergency number, and the one that works across Europe too.
    pub emergency: String,
    pub emergency_alt: String,
    /// Police, not an emergency.
    pub police: String,
    pub modern_slavery: String,
}

impl Default for HelpNumbers {
    fn default() -> Self {
        HelpNumbers {
            runaway: "116 000".into(),
            runaway_hours: RunawayHours::NotShown,
            childline: "0800 1111".into(),
            emergency: "999".into(),
            emergency_alt: "112".into(),
            police: "101".into(),
            modern_slavery: "08000 121 700".into(),
        }
    }
}

/// A number as shown to a child: never broken across lines, and its digits in order inside
/// right-to-left text (to the bidi algorithm a no-break space separates numbers; a plain space
/// between two numbers takes the direction of the text around it, turning "116 000" into
/// "000 116").
pub fn dialled(number: &str) -> String {
    number.replace(' ', "\u{a0}")
}

fn is_time(s: &str) -> bool {
    chrono::NaiveTime::parse_from_str(s, "%H:%M").is_ok() && s.len() == 5
}

/// One number on the child's help: the service (its words are `child-<id>-name` and
/// `child-<id>-what` in child.ftl), its number as dialled, and the variables of its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Helpline {
    pub id: &'static str,
    pub number: String,
    pub args: Vec<(&'static str, String)>,
}

/// A message id with its variables.
pub type Message = (&'static str, Vec<(&'static str, String)>);

impl HelpNumbers {
    /// The numbers a child is given, on the screen and the card alike, in this order: the
    /// Runaway Helpline, danger now, Childline, the police when it is not an emergency, the
    /// Modern Slavery Helpline.
    pub fn helplines(&self) -> Vec<Helpline> {
        let line = |id, number: &str, more: &[(&'static str, &str)]| Helpline {
            id,
            number: dialled(number),
            args: std::iter::once(("number", dialled(number)))
                .chain(more.iter().map(|(k, v)| (*k, dialled(v))))
                .collect(),
        };
        vec![
            line("runaway", &self.runaway, &[]),
            line(
                "emergency",
                &self.emergency,
                &[("alt", &self.emergency_alt)],
            ),
            line("childline", &self.childline, &[]),
            line("police", &self.police, &[]),
            line("slavery", &self.modern_slavery, &[]),
        ]
    }

    /// What the child is told about the Runaway Helpline's hours, if anything.
    pub fn hours_message(&self) -> Option<Message> {
        match &self.runaway_hours {
            RunawayHours::NotShown => None,
            RunawayHours::Daily { from, to } => Some((
                "child-runaway-hours",
                vec![("from", from.clone()), ("to", to.clone())],
            )),
            RunawayHours::DayAndNight => Some(("child-runaway-hours-always", Vec::new())),
        }
    }

    /// The numbers, by key, as the settings form and the Fluent labels (`org-help-<key>`) name
    /// them.
    pub fn numbers(&self) -> [(&'static str, &str); 6] {
        [
            ("runaway", &self.runaway),
            ("childline", &self.childline),
            ("emergency", &self.emergency),
            ("emergency_alt", &self.emergency_alt),
            ("police", &self.police),
            ("modern_slavery", &self.modern_slavery),
        ]
    }

    pub fn set_number(&mut self, key: &str, value: String) {
        match key {
            "runaway" => self.runaway = value,
            "childline" => self.childline = value,
            "emergency" => self.emergency = value,
            "emergency_alt" => self.emergency_alt = value,
            "police" => self.police = value,
            "modern_slavery" => self.modern_slavery = value,
            _ => {}
        }
    }

    /// Spaces tidied, and every problem reported at once, keyed `help_<key>` (and
    /// `help_runaway_from` / `help_runaway_to` for the hours). A number is digits with spaces,
    /// and may start with `+`; a child must be able to dial exactly what is shown.
    pub fn validate(&self, problems: &mut Vec<ProfileProblem>) -> HelpNumbers {
        let mut out = self.clone();
        for (key, value) in self.numbers() {
            let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
            let digits = value.trim_start_matches('+');
            let problem = if value.is_empty() {
                Some(FieldProblem::Required)
            } else if value.chars().count() > MAX_NUMBER_CHARS {
                Some(FieldProblem::TooLong)
            } else if !digits.chars().all(|c| c.is_ascii_digit() || c == ' ')
                || !digits.starts_with(|c: char| c.is_ascii_digit())
            {
                Some(FieldProblem::Unreadable)
            } else {
                None
            };
            if let Some(problem) = problem {
                problems.push(ProfileProblem {
                    key: format!("help_{key}"),
                    problem,
                });
            }
            out.set_number(key, value);
        }
        if let RunawayHours::Daily { from, to } = &self.runaway_hours {
            let (from, to) = (from.trim().to_owned(), to.trim().to_owned());
            for (key, t) in [("help_runaway_from", &from), ("help_runaway_to", &to)] {
                if !is_time(t) {
                    problems.push(ProfileProblem {
                        key: key.into(),
                        problem: FieldProblem::Unreadable,
                    });
                }
            }
            out.runaway_hours = RunawayHours::Daily { from, to };
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(h: &HelpNumbers) -> Vec<String> {
        let mut p = Vec::new();
        h.validate(&mut p);
        p.into_iter().map(|p| p.key).collect()
    }

    #[test]
    fn the_defaults_are_the_confirmed_numbers_and_no_hours() {
        let h = HelpNumbers::default();
        assert_eq!(h.runaway, "116 000");
        assert_eq!(h.childline, "0800 1111");
        assert_eq!(
            (h.emergency.as_str(), h.emergency_alt.as_str()),
            ("999", "112")
        );
        assert_eq!(h.police, "101");
        assert_eq!(
            h.runaway_hours,
            RunawayHours::NotShown,
            "unverified: not shown"
        );
        assert!(problems(&h).is_empty());
    }

    #[test]
    fn a_number_a_child_cannot_dial_is_refused_by_key() {
        let mut h = HelpNumbers {
            runaway: "  116   000 ".into(),
            childline: "call 0800".into(),
            police: String::new(),
            emergency: "9".repeat(MAX_NUMBER_CHARS + 1),
            modern_slavery: "+44 8000 121 700".into(),
            emergency_alt: "+ ".into(),
            runaway_hours: RunawayHours::Daily {
                from: "09:00".into(),
                to: "25:00".into(),
            },
        };
        assert_eq!(
            problems(&h),
            [
                "help_childline",
                "help_emergency",
                "help_emergency_alt",
                "help_police",
                "help_runaway_to"
            ]
        );
        h.childline = "0800 1111".into();
        h.police = "101".into();
        h.emergency = "999".into();
        h.emergency_alt = "112".into();
        h.runaway_hours = RunawayHours::Daily {
            from: " 09:00".into(),
            to: "23:00".into(),
        };
        let mut p = Vec::new();
        let tidy = h.validate(&mut p);
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(tidy.runaway, "116 000");
        assert_eq!(tidy.modern_slavery, "+44 8000 121 700");
        assert_eq!(
            tidy.runaway_hours,
            RunawayHours::Daily {
                from: "09:00".into(),
                to: "23:00".into()
            }
        );
        for bad in ["9:00", "0900", "09:60", ""] {
            let h = HelpNumbers {
                runaway_hours: RunawayHours::Daily {
                    from: bad.into(),
                    to: "23:00".into(),
                },
                ..Default::default()
            };
            assert_eq!(problems(&h), ["help_runaway_from"], "{bad:?}");
        }
    }

    #[test]
    fn every_number_is_given_as_dialled_and_hours_only_when_confirmed() {
        let h = HelpNumbers::default();
        let lines = h.helplines();
        let ids: Vec<_> = lines.iter().map(|l| l.id).collect();
        assert_eq!(
            ids,
            ["runaway", "emergency", "childline", "police", "slavery"]
        );
        assert_eq!(lines[0].number, "116\u{a0}000");
        assert_eq!(
            lines[1].args,
            [("number", "999".to_owned()), ("alt", "112".to_owned())]
        );
        assert_eq!(h.hours_message(), None);
        let daily = HelpNumbers {
            runaway_hours: RunawayHours::Daily {
                from: "09:00".into(),
                to: "23:00".into(),
            },
            ..h
        };
        assert_eq!(
            daily.hours_message(),
            Some((
                "child-runaway-hours",
                vec![("from", "09:00".to_owned()), ("to", "23:00".to_owned())]
            ))
        );
    }

    #[test]
    fn settings_saved_before_the_numbers_existed_read_back_with_the_defaults() {
        let h: HelpNumbers = serde_json::from_str(r#"{"police":"101"}"#).unwrap();
        assert_eq!(h, HelpNumbers::default());
        let json = serde_json::to_string(&RunawayHours::Daily {
            from: "09:00".into(),
            to: "23:00".into(),
        })
        .unwrap();
        assert_eq!(json, r#"{"kind":"daily","from":"09:00","to":"23:00"}"#);
    }

    #[test]
    fn the_child_is_told_the_talk_is_offered_within_the_home_s_timing() {
        use crate::interview::InterviewTiming;
        use crate::organisation::{Nation, Organisation};
        let mut org = Organisation::default();
        assert_eq!(ChildHelpSettings::from(&org).talk_offered_within_hours, 72);
        org.nation = Nation::Scotland;
        assert_eq!(
            ChildHelpSettings::from(&org).talk_offered_within_hours,
            72,
            "Scotland: arranged within 72 hours, though held within the week"
        );
        org.interview_timing = Some(InterviewTiming {
            arrange_within_hours: None,
            hold_within_hours: 48,
        });
        assert_eq!(ChildHelpSettings::from(&org).talk_offered_within_hours, 48);
        let old: ChildHelpSettings = serde_json::from_str(r#"{"numbers":{}}"#).unwrap();
        assert_eq!(old.talk_offered_within_hours, 72);
    }
}
