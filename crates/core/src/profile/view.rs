//! The profile as the screen shows it, and what its form sends back.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::*;

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
    /// Other records of the same child merged into this one (each kept, read-only, on a page
    /// of its own): their episodes and checklists are shown with this one's.
    #[serde(default)]
    pub merged: Vec<crate::Child>,
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
    use crate::testing::at;
    use serde_json::json;

    #[test]
    fn time_in_care_runs_from_the_later_of_looked_after_and_placed_here() {
        let view = |legal: serde_json::Value| ProfileView {
            added: None,
            corrected: None,
            needs_checking: false,
            merged: Vec::new(),
            child: crate::Child {
                id: "01936b6e-7c00-7000-8000-000000000001".parse().unwrap(),
                details: crate::testing::child(true, false),
                has_photo: false,
                created_at: at(1, 9),
                record: Default::default(),
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
