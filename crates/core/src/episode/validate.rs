//! Checks an event against the episode as it stands, before it is recorded.

use chrono::{DateTime, Duration, Utc};

use super::event::*;
use super::missing::{MissingEpisode, LAST_SEEN_SLACK_MINUTES};
use super::summary::EpisodeSummary;
use crate::child::{Field, FieldError, FieldProblem};

fn text(
    value: &str,
    field: Field,
    max: usize,
    required: bool,
    errors: &mut Vec<FieldError>,
) -> String {
    let v = value.trim();
    if required && v.is_empty() {
        errors.push(FieldError::new(field, FieldProblem::Required));
    } else if v.chars().count() > max {
        errors.push(FieldError::new(field, FieldProblem::TooLong));
    }
    v.to_owned()
}

/// Checks an event against the episode as it stands: every problem at once, or the event with
/// its text trimmed. Once closed, an episode takes only what comes after the return (the
/// interview, the regulator decision, the return steps, the log), and "found" if it ended with
/// the child still missing; the return interview and the close need the child to be back first.
pub fn validate(
    event: &EpisodeEvent,
    episode: &MissingEpisode,
    summary: &EpisodeSummary,
    now: DateTime<Utc>,
) -> Result<EpisodeEvent, Vec<FieldError>> {
    let mut errors = Vec::new();
    let closed = summary.closed_at.is_some() || episode.closed_at.is_some();
    // A child found after their episode ended unfound is still recorded as found.
    let late_find = matches!(event, EpisodeEvent::Found { .. }) && summary.ended_missing.is_some();
    if closed && !event.allowed_after_close() && !late_find {
        return Err(vec![FieldError::new(Field::Episode, FieldProblem::Closed)]);
    }
    let back = |errors: &mut Vec<FieldError>| {
        if summary.found.is_none() {
            errors.push(FieldError::new(Field::Episode, FieldProblem::NotBackYet));
        }
    };
    // A typed time after the return: not in the future, not before the child was back.
    let after_return = |at: DateTime<Utc>, field: Field, errors: &mut Vec<FieldError>| {
        if at > now + Duration::minutes(LAST_SEEN_SLACK_MINUTES) {
            errors.push(FieldError::new(field, FieldProblem::InFuture));
        } else if let Some(f) = &summary.found {
            let from = if field == Field::BackAt {
                f.found_at
            } else {
                f.returned_at()
            };
            if at + Duration::minutes(1) <= from {
                errors.push(FieldError::new(field, FieldProblem::BeforeReturn));
            }
        }
    };
    let checked = match event {
        EpisodeEvent::PoliceReported {
            reference,
            officer,
            grade,
            reported_at,
        } => EpisodeEvent::PoliceReported {
            reference: text(
                reference,
                Field::PoliceReference,
                MAX_REFERENCE_CHARS,
                true,
                &mut errors,
            ),
            officer: text(
                officer,
                Field::Officer,
                MAX_SHORT_TEXT_CHARS,
                false,
                &mut errors,
            ),
            grade: *grade,
            reported_at: reported_at.inspect(|at| {
                if *at > now + Duration::minutes(LAST_SEEN_SLACK_MINUTES) {
                    errors.push(FieldError::new(Field::ReportedAt, FieldProblem::InFuture));
                } else if *at + Duration::minutes(1) <= episode.last_seen_at {
                    errors.push(FieldError::new(
                        Field::ReportedAt,
                        FieldProblem::BeforeLastSeen,
                    ));
                }
            }),
        },
        EpisodeEvent::Notified { contact } => EpisodeEvent::Notified { contact: *contact },
        EpisodeEvent::Update { text: t } => EpisodeEvent::Update {
            text: text(t, Field::UpdateText, MAX_UPDATE_CHARS, true, &mut errors),
        },
        EpisodeEvent::UpdateCorrected { of, text: t } => EpisodeEvent::UpdateCorrected {
            of: *of,
            text: text(t, Field::UpdateText, MAX_UPDATE_CHARS, true, &mut errors),
        },
        EpisodeEvent::Found {
            found_at,
            found_by,
            where_found,
            how_returned,
        } => {
            if summary.found.is_some() {
                errors.push(FieldError::new(Field::Episode, FieldProblem::AlreadyDone));
            }
            if *found_at > now + Duration::minutes(LAST_SEEN_SLACK_MINUTES) {
                errors.push(FieldError::new(Field::FoundAt, FieldProblem::InFuture));
            } else if *found_at + Duration::minutes(1) <= episode.last_seen_at {
                // Times are typed to the minute: the minute the child was last seen is fine.
                errors.push(FieldError::new(
                    Field::FoundAt,
                    FieldProblem::BeforeLastSeen,
                ));
            }
            EpisodeEvent::Found {
                found_at: *found_at,
                found_by: text(
                    found_by,
                    Field::FoundBy,
                    MAX_SHORT_TEXT_CHARS,
                    false,
                    &mut errors,
                ),
                where_found: text(
                    where_found,
                    Field::WhereFound,
                    MAX_SHORT_TEXT_CHARS,
                    false,
                    &mut errors,
                ),
                how_returned: text(
                    how_returned,
                    Field::HowReturned,
                    MAX_SHORT_TEXT_CHARS,
                    false,
                    &mut errors,
                ),
            }
        }
        EpisodeEvent::ReturnInterview { outcome } => {
            back(&mut errors);
            EpisodeEvent::ReturnInterview { outcome: *outcome }
        }
        EpisodeEvent::Closed => {
            back(&mut errors);
            EpisodeEvent::Closed
        }
        EpisodeEvent::BackAtPlacement { back_at } => {
            back(&mut errors);
            after_return(*back_at, Field::BackAt, &mut errors);
            EpisodeEvent::BackAtPlacement { back_at: *back_at }
        }
        EpisodeEvent::InterviewOffered {
            offered_at,
            service,
        } => {
            back(&mut errors);
            if *offered_at > now + Duration::minutes(LAST_SEEN_SLACK_MINUTES) {
                errors.push(FieldError::new(Field::InterviewAt, FieldProblem::InFuture));
            }
            EpisodeEvent::InterviewOffered {
                offered_at: *offered_at,
                service: text(
                    service,
                    Field::Service,
                    MAX_SHORT_TEXT_CHARS,
                    false,
                    &mut errors,
                ),
            }
        }
        EpisodeEvent::InterviewHeld {
            held_at,
            held_by,
            independent,
            mode,
        } => {
            back(&mut errors);
            if summary.interview_facts.held.is_some() {
                errors.push(FieldError::new(
                    Field::InterviewAt,
                    FieldProblem::AlreadyDone,
                ));
            }
            after_return(*held_at, Field::InterviewAt, &mut errors);
            EpisodeEvent::InterviewHeld {
                held_at: *held_at,
                held_by: text(
                    held_by,
                    Field::InterviewBy,
                    MAX_SHORT_TEXT_CHARS,
                    true,
                    &mut errors,
                ),
                independent: *independent,
                mode: *mode,
            }
        }
        EpisodeEvent::InterviewDeclined {
            declined_at,
            reason,
            reoffer_on,
        } => {
            back(&mut errors);
            after_return(*declined_at, Field::InterviewAt, &mut errors);
            EpisodeEvent::InterviewDeclined {
                declined_at: *declined_at,
                reason: text(reason, Field::Reason, MAX_UPDATE_CHARS, false, &mut errors),
                reoffer_on: *reoffer_on,
            }
        }
        EpisodeEvent::InterviewNotOffered { reason } => {
            back(&mut errors);
            EpisodeEvent::InterviewNotOffered {
                reason: text(reason, Field::Reason, MAX_UPDATE_CHARS, true, &mut errors),
            }
        }
        EpisodeEvent::EndedWithoutReturn { reason, note } => {
            // Only while the child is still missing: a child who is back is closed as back.
            if summary.found.is_some() {
                errors.push(FieldError::new(Field::Episode, FieldProblem::AlreadyDone));
            }
            EpisodeEvent::EndedWithoutReturn {
                reason: *reason,
                note: text(note, Field::Reason, MAX_UPDATE_CHARS, false, &mut errors),
            }
        }
        EpisodeEvent::MilestoneDone { milestone } => EpisodeEvent::MilestoneDone {
            milestone: *milestone,
        },
        EpisodeEvent::Away { whereabouts } => {
            if summary.found.is_some() {
                errors.push(FieldError::new(Field::Episode, FieldProblem::AlreadyDone));
            } else if summary.is_away() {
                errors.push(FieldError::new(
                    Field::Whereabouts,
                    FieldProblem::AlreadyDone,
                ));
            }
            EpisodeEvent::Away {
                whereabouts: text(
                    whereabouts,
                    Field::Whereabouts,
                    MAX_SHORT_TEXT_CHARS,
                    true,
                    &mut errors,
                ),
            }
        }
        EpisodeEvent::NowMissing => {
            if !summary.is_away() {
                errors.push(FieldError::new(
                    Field::Whereabouts,
                    FieldProblem::NotBackYet,
                ));
            }
            EpisodeEvent::NowMissing
        }
        EpisodeEvent::SheetShared { with, how, basis } => EpisodeEvent::SheetShared {
            with: text(
                with,
                Field::SharedWith,
                MAX_SHORT_TEXT_CHARS,
                true,
                &mut errors,
            ),
            how: *how,
            basis: text(basis, Field::Basis, MAX_SHORT_TEXT_CHARS, true, &mut errors),
        },
        EpisodeEvent::GradeReviewAsked { spoke_to } => EpisodeEvent::GradeReviewAsked {
            spoke_to: text(
                spoke_to,
                Field::SpokeTo,
                MAX_SHORT_TEXT_CHARS,
                true,
                &mut errors,
            ),
        },
        // The form's fields are checked by `validate_details`, which names them by key.
        EpisodeEvent::Details { values } => EpisodeEvent::Details {
            values: values.clone(),
        },
        EpisodeEvent::RegulatorDecision { notify, reason } => EpisodeEvent::RegulatorDecision {
            notify: *notify,
            reason: text(reason, Field::Reason, MAX_UPDATE_CHARS, true, &mut errors),
        },
        EpisodeEvent::ReturnStepDone { step } => {
            back(&mut errors);
            EpisodeEvent::ReturnStepDone { step: *step }
        }
        EpisodeEvent::CheckDone { check } => EpisodeEvent::CheckDone {
            check: text(
                check,
                Field::UpdateText,
                MAX_SHORT_TEXT_CHARS,
                true,
                &mut errors,
            ),
        },
    };
    if errors.is_empty() {
        Ok(checked)
    } else {
        Err(errors)
    }
}
