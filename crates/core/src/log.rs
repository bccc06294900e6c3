//! A child's daily log: what happened, when it happened and when it was written, by whom, and
//! whether it is a fact seen, an opinion, or what someone else said (Children's Homes
//! Regulations 2015, reg. 36: each entry signed and dated by its author). Entries are
//! insert-only: a correction or an addendum is a new entry pointing at the one it amends, and
//! the first wording stays on record. An entry belongs to one child; nothing is copied from one
//! child's log to another's.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::child::{Field, FieldError, FieldProblem};
use crate::ids::{ChildId, LogEntryId, UserId};

/// The longest entry, in characters: about four pages of typing.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// The longest "who said it".
pub const MAX_REPORTED_BY_CHARS: usize = 200;
/// A time a few minutes ahead of this computer's clock is another clock's drift, not a typo.
const FUTURE_SLACK_MINUTES: i64 = 5;

/// What an entry is about (more than one may apply).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Wellbeing and health.
    Wellbeing,
    /// Medication given.
    Medication,
    Education,
    Appointment,
    /// Contact with family and professionals.
    Contact,
    Behaviour,
    /// Absences and missing, with times.
    Absence,
    /// The child's own words, and what went well.
    OwnWords,
}

impl Theme {
    pub const ALL: [Theme; 8] = [
        Theme::Wellbeing,
        Theme::Medication,
        Theme::Education,
        Theme::Appointment,
        Theme::Contact,
        Theme::Behaviour,
        Theme::Absence,
        Theme::OwnWords,
    ];

    /// Stable, for stored records and element ids.
    pub fn id(self) -> &'static str {
        match self {
            Theme::Wellbeing => "wellbeing",
            Theme::Medication => "medication",
            Theme::Education => "education",
            Theme::Appointment => "appointment",
            Theme::Contact => "contact",
            Theme::Behaviour => "behaviour",
            Theme::Absence => "absence",
            Theme::OwnWords => "own_words",
        }
    }

    /// The Fluent message naming it.
    pub fn message_id(self) -> String {
        format!("log-theme-{}", self.id().replace('_', "-"))
    }
}

/// Whose knowledge an entry records.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Seen or done by the writer.
    #[default]
    Fact,
    /// The writer's view.
    Opinion,
    /// What someone else said (who, in `reported_by`).
    Reported,
}

/// How an entry amends an earlier one of the same child.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Amends {
    /// Says the earlier entry was wrong, and what is right.
    Correction,
    /// Adds to it.
    Addendum,
}

/// The "new entry" form, as sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogInput {
    pub happened_at: Option<DateTime<Utc>>,
    pub basis: Basis,
    /// Who said it, for a reported entry.
    #[serde(default)]
    pub reported_by: String,
    pub themes: Vec<Theme>,
    pub text: String,
    /// The earlier entry this one corrects or adds to.
    #[serde(default)]
    pub amends: Option<(LogEntryId, Amends)>,
}

/// One entry as stored: insert-only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogRecord {
    pub id: LogEntryId,
    pub happened_at: DateTime<Utc>,
    /// When it was written (the writer's clock).
    pub written_at: DateTime<Utc>,
    pub by: UserId,
    pub basis: Basis,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reported_by: String,
    pub themes: Vec<Theme>,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amends: Option<(LogEntryId, Amends)>,
}

/// One entry as the log shows it: with its author's name and the entries that amend it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    pub child: ChildId,
    pub record: LogRecord,
    /// The author's name where this device knows it.
    pub by_name: String,
    /// Later entries that correct or add to this one, oldest first.
    pub amended_by: Vec<LogEntryId>,
}

impl LogInput {
    /// Checks every field and returns all problems at once, or the entry to store (its text
    /// trimmed, its themes in one order, each once).
    pub fn validate(
        &self,
        id: LogEntryId,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<LogRecord, Vec<FieldError>> {
        let mut errors = Vec::new();
        let text = self.text.trim();
        if text.is_empty() {
            errors.push(FieldError::new(Field::LogText, FieldProblem::Required));
        } else if text.chars().count() > MAX_TEXT_CHARS {
            errors.push(FieldError::new(Field::LogText, FieldProblem::TooLong));
        }
        let happened_at = match self.happened_at {
            None => {
                errors.push(FieldError::new(Field::HappenedAt, FieldProblem::Required));
                now
            }
            Some(t) if t > now + Duration::minutes(FUTURE_SLACK_MINUTES) => {
                errors.push(FieldError::new(Field::HappenedAt, FieldProblem::InFuture));
                t
            }
            Some(t) => t,
        };
        let mut themes = self.themes.clone();
        themes.sort();
        themes.dedup();
        if themes.is_empty() {
            errors.push(FieldError::new(Field::Themes, FieldProblem::Required));
        }
        let reported_by = self.reported_by.trim();
        if self.basis == Basis::Reported {
            if reported_by.is_empty() {
                errors.push(FieldError::new(Field::ReportedBy, FieldProblem::Required));
            } else if reported_by.chars().count() > MAX_REPORTED_BY_CHARS {
                errors.push(FieldError::new(Field::ReportedBy, FieldProblem::TooLong));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(LogRecord {
            id,
            happened_at,
            written_at: now,
            by,
            basis: self.basis,
            reported_by: if self.basis == Basis::Reported {
                reported_by.to_owned()
            } else {
                String::new()
            },
            themes,
            text: text.to_owned(),
            amends: self.amends,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 6, 21, 40, 0).unwrap()
    }

    fn id<T: std::str::FromStr>(n: u32) -> T
    where
        T::Err: std::fmt::Debug,
    {
        format!("01936b6e-7c00-7000-8000-{n:012x}").parse().unwrap()
    }

    fn problems(input: &LogInput) -> Vec<(Field, FieldProblem)> {
        input
            .validate(id(1), id(2), now())
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect()
    }

    #[test]
    fn every_problem_is_reported_at_once_and_a_good_entry_is_trimmed() {
        assert_eq!(
            problems(&LogInput {
                basis: Basis::Reported,
                ..Default::default()
            }),
            [
                (Field::LogText, FieldProblem::Required),
                (Field::HappenedAt, FieldProblem::Required),
                (Field::Themes, FieldProblem::Required),
                (Field::ReportedBy, FieldProblem::Required),
            ]
        );
        let later = LogInput {
            happened_at: Some(now() + Duration::hours(2)),
            themes: vec![Theme::Education],
            text: "x".repeat(MAX_TEXT_CHARS + 1),
            ..Default::default()
        };
        assert_eq!(
            problems(&later),
            [
                (Field::LogText, FieldProblem::TooLong),
                (Field::HappenedAt, FieldProblem::InFuture)
            ]
        );
        let good = LogInput {
            happened_at: Some(now() - Duration::hours(3)),
            basis: Basis::Reported,
            reported_by: "  His teacher, by phone ".into(),
            themes: vec![Theme::Education, Theme::Absence, Theme::Education],
            text: "  Not in school after lunch; a man in a white car was seen at the gate. ".into(),
            amends: None,
        };
        let record = good.validate(id(1), id(2), now()).unwrap();
        assert_eq!(record.themes, [Theme::Education, Theme::Absence]);
        assert_eq!(record.reported_by, "His teacher, by phone");
        assert!(record.text.starts_with("Not in school"));
        assert_eq!(record.written_at, now());
        assert_eq!(record.happened_at, now() - Duration::hours(3));
        // Who said it is kept only for what someone said.
        let fact = LogInput {
            basis: Basis::Fact,
            ..good
        };
        assert_eq!(fact.validate(id(1), id(2), now()).unwrap().reported_by, "");
    }
}
