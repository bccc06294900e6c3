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

impl HelpNumbers {
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
}
