//! Checking a form drawn from the catalogue: every problem at once, named by key; text trimmed,
//! blanks cleared, dates real and not ahead, choices one of their options.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::*;
use crate::child::FieldProblem;

/// Longest one-line answer, in characters.
pub const MAX_LINE_CHARS: usize = 200;
/// Longest several-line answer, in characters.
pub const MAX_LINES_CHARS: usize = 4000;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::today;
    use serde_json::json;

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
}
