//! What an episode stands at, derived from its events in the order they were recorded.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::event::*;
use crate::contacts::Contact;
use crate::ids::{EventId, UserId};
use crate::interview::{
    Declined, Held, InterviewFacts, InterviewStatus, InterviewTiming, NotOffered, Offer,
};
use crate::organisation::Organisation;
use crate::profile::Values;

/// What an episode stands at, derived from its events.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EpisodeSummary {
    /// The latest police report (a later one supersedes, e.g. a new grade).
    pub police: Option<PoliceReport>,
    /// Each contact told, with the time it was recorded (first time).
    pub notified: Vec<(Contact, DateTime<Utc>)>,
    pub found: Option<FoundRecord>,
    pub interview: Option<InterviewStatus>,
    pub closed_at: Option<DateTime<Utc>>,
    /// The latest Part 2 details, and when they were recorded.
    #[serde(default)]
    pub details: Option<(Values, DateTime<Utc>)>,
    /// Each agreed check made, with the time it was ticked (first time).
    #[serde(default)]
    pub checks: Vec<(String, DateTime<Utc>)>,
    /// Each step after the return done, with its time (first time).
    #[serde(default)]
    pub return_steps: Vec<(ReturnStep, DateTime<Utc>)>,
    /// The manager's latest decision on notifying the regulator: (notify, reason, when).
    #[serde(default)]
    pub regulator_decision: Option<(bool, String, DateTime<Utc>)>,
    /// What was recorded about the return interview (offers, held, declined, not offered).
    #[serde(default)]
    pub interview_facts: InterviewFacts,
    /// Every grade police gave, oldest first, with when it was recorded.
    #[serde(default)]
    pub grades: Vec<(PoliceGrade, DateTime<Utc>)>,
    /// Each time the carer asked police to review a grade: who they spoke to, when.
    #[serde(default)]
    pub grade_reviews: Vec<(String, DateTime<Utc>)>,
    /// The episode ended with the child still missing: why, the note, when.
    #[serde(default)]
    pub ended_missing: Option<(EndReason, String, DateTime<Utc>)>,
    /// Each time the grab sheet was given to someone, oldest first.
    #[serde(default)]
    pub shared: Vec<Shared>,
    /// What was done as the episode went on, with its time (first time).
    #[serde(default)]
    pub milestones: Vec<(crate::milestones::Milestone, DateTime<Utc>)>,
    /// Away from placement without authorisation: where, and since when (the latest stands
    /// until "now missing").
    #[serde(default)]
    pub away: Option<(String, DateTime<Utc>)>,
    /// When an away record became missing.
    #[serde(default)]
    pub now_missing_at: Option<DateTime<Utc>>,
}

/// The grab sheet given to someone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shared {
    pub with: String,
    pub how: ShareMethod,
    pub basis: String,
    pub at: DateTime<Utc>,
}

/// Something still to do when the missing part of an episode is closed. Closing does not stop
/// them; the close says which remain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outstanding {
    Interview,
    ReturnStep(ReturnStep),
    /// Children's homes: the manager has not recorded the regulator decision.
    RegulatorDecision,
}

impl EpisodeSummary {
    /// Away from placement, whereabouts known: not (yet) missing, not back.
    pub fn is_away(&self) -> bool {
        self.away.is_some() && self.now_missing_at.is_none() && self.found.is_none()
    }

    /// When the child was back at the placement (or found, if no later return was recorded).
    pub fn returned_at(&self) -> Option<DateTime<Utc>> {
        self.found.as_ref().map(FoundRecord::returned_at)
    }

    /// What is still to do after the return, in the order the screen lists it.
    pub fn outstanding(&self, org: &Organisation) -> Vec<Outstanding> {
        let mut out = Vec::new();
        if self.interview.is_some_and(InterviewStatus::is_outstanding) {
            out.push(Outstanding::Interview);
        }
        if self.found.is_some() {
            for step in ReturnStep::ALL {
                if !self.return_steps.iter().any(|(s, _)| *s == step) {
                    out.push(Outstanding::ReturnStep(step));
                }
            }
        }
        if org.records_regulator_decision() && self.regulator_decision.is_none() {
            out.push(Outstanding::RegulatorDecision);
        }
        out
    }

    /// A flagged child's latest grade is below high: the carer is prompted to ask police for a
    /// review, tell the manager and record who they spoke to.
    pub fn grade_review_prompt(&self, details: &crate::child::ChildDetails) -> bool {
        details.escalate_when_missing()
            && self.found.is_none()
            && self
                .police
                .as_ref()
                .and_then(|p| p.grade)
                .is_some_and(|g| g != PoliceGrade::High)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoliceReport {
    pub reference: String,
    pub officer: String,
    pub grade: Option<PoliceGrade>,
    /// When this report was recorded.
    pub at: DateTime<Utc>,
    /// When the child was reported to police: typed, or else when it was first recorded.
    #[serde(default)]
    pub reported_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundRecord {
    pub found_at: DateTime<Utc>,
    pub found_by: String,
    pub where_found: String,
    pub how_returned: String,
    /// Back at the placement, when later than found.
    #[serde(default)]
    pub back_at: Option<DateTime<Utc>>,
}

impl FoundRecord {
    /// The return to the placement: the time the interview's timing runs from.
    pub fn returned_at(&self) -> DateTime<Utc> {
        self.back_at.unwrap_or(self.found_at)
    }
}

/// The state of an episode from its events (in the order recorded) at `now`, its return
/// interview due under the home's `timing`.
pub fn summarise(
    events: &[EventRecord],
    now: DateTime<Utc>,
    timing: &InterviewTiming,
) -> EpisodeSummary {
    let mut s = EpisodeSummary::default();
    for e in events {
        match &e.event {
            EpisodeEvent::PoliceReported {
                reference,
                officer,
                grade,
                reported_at,
            } => {
                // The first report's call time stands unless a later one gives its own.
                let first_call = s.police.as_ref().map(|p| p.reported_at);
                s.police = Some(PoliceReport {
                    reference: reference.clone(),
                    officer: officer.clone(),
                    grade: *grade,
                    at: e.at,
                    reported_at: reported_at.or(first_call).unwrap_or(e.at),
                });
                if let Some(g) = grade.filter(|g| s.grades.last().map(|(x, _)| x) != Some(g)) {
                    s.grades.push((g, e.at));
                }
            }
            EpisodeEvent::Notified { contact } => {
                if !s.notified.iter().any(|(c, _)| c == contact) {
                    s.notified.push((*contact, e.at));
                }
            }
            EpisodeEvent::Update { .. } | EpisodeEvent::UpdateCorrected { .. } => {}
            EpisodeEvent::Found {
                found_at,
                found_by,
                where_found,
                how_returned,
            } => {
                s.found = Some(FoundRecord {
                    found_at: *found_at,
                    found_by: found_by.clone(),
                    where_found: where_found.clone(),
                    how_returned: how_returned.clone(),
                    back_at: None,
                });
            }
            EpisodeEvent::BackAtPlacement { back_at } => {
                if let Some(f) = s.found.as_mut() {
                    f.back_at = Some(*back_at);
                }
            }
            EpisodeEvent::ReturnInterview { outcome } => {
                // Earlier versions kept only when this was typed in.
                let f = &mut s.interview_facts;
                match outcome {
                    InterviewOutcome::Offered => f.offer(Offer {
                        at: e.at,
                        service: String::new(),
                    }),
                    InterviewOutcome::Done => {
                        f.held = Some(Held {
                            at: None,
                            by: String::new(),
                            independent: None,
                            mode: None,
                        })
                    }
                    InterviewOutcome::Declined => f.decline(Declined {
                        at: e.at,
                        reason: String::new(),
                        reoffer_on: None,
                    }),
                }
            }
            EpisodeEvent::InterviewOffered {
                offered_at,
                service,
            } => s.interview_facts.offer(Offer {
                at: *offered_at,
                service: service.clone(),
            }),
            EpisodeEvent::InterviewHeld {
                held_at,
                held_by,
                independent,
                mode,
            } => {
                s.interview_facts.held = Some(Held {
                    at: Some(*held_at),
                    by: held_by.clone(),
                    independent: Some(*independent),
                    mode: Some(*mode),
                })
            }
            EpisodeEvent::InterviewDeclined {
                declined_at,
                reason,
                reoffer_on,
            } => s.interview_facts.decline(Declined {
                at: *declined_at,
                reason: reason.clone(),
                reoffer_on: *reoffer_on,
            }),
            EpisodeEvent::InterviewNotOffered { reason } => {
                s.interview_facts.not_offered = Some(NotOffered {
                    reason: reason.clone(),
                    at: e.at,
                })
            }
            EpisodeEvent::EndedWithoutReturn { reason, note } => {
                s.ended_missing = Some((*reason, note.clone(), e.at));
                s.closed_at.get_or_insert(e.at);
            }
            EpisodeEvent::GradeReviewAsked { spoke_to } => {
                s.grade_reviews.push((spoke_to.clone(), e.at));
            }
            EpisodeEvent::Away { whereabouts } => {
                s.away = Some((whereabouts.clone(), e.at));
                s.now_missing_at = None;
            }
            EpisodeEvent::NowMissing => {
                s.now_missing_at.get_or_insert(e.at);
            }
            EpisodeEvent::MilestoneDone { milestone } => {
                if !s.milestones.iter().any(|(m, _)| m == milestone) {
                    s.milestones.push((*milestone, e.at));
                }
            }
            EpisodeEvent::SheetShared { with, how, basis } => s.shared.push(Shared {
                with: with.clone(),
                how: *how,
                basis: basis.clone(),
                at: e.at,
            }),
            EpisodeEvent::Details { values } => s.details = Some((values.clone(), e.at)),
            EpisodeEvent::CheckDone { check } => {
                if !s.checks.iter().any(|(c, _)| c == check) {
                    s.checks.push((check.clone(), e.at));
                }
            }
            EpisodeEvent::ReturnStepDone { step } => {
                if !s.return_steps.iter().any(|(x, _)| x == step) {
                    s.return_steps.push((*step, e.at));
                }
            }
            EpisodeEvent::RegulatorDecision { notify, reason } => {
                s.regulator_decision = Some((*notify, reason.clone(), e.at));
            }
            EpisodeEvent::Closed => {
                s.closed_at.get_or_insert(e.at);
            }
        }
    }
    s.interview = Some(s.interview_facts.status(s.returned_at(), now, timing));
    s
}

/// One line of the running log as it reads now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogLine {
    pub id: EventId,
    /// When the line was first written, and by whom.
    pub at: DateTime<Utc>,
    pub by: UserId,
    /// The latest wording.
    pub text: String,
    /// Earlier wordings, oldest first; empty if never corrected.
    pub was: Vec<String>,
    pub corrected_at: Option<DateTime<Utc>>,
    pub corrected_by: Option<UserId>,
}

/// The running log, oldest first, each line with its latest wording (corrections point at
/// the line they correct; what it said before is kept).
pub fn log_lines(events: &[EventRecord]) -> Vec<LogLine> {
    let mut lines: Vec<LogLine> = Vec::new();
    for e in events {
        match &e.event {
            EpisodeEvent::Update { text } => lines.push(LogLine {
                id: e.id,
                at: e.at,
                by: e.by,
                text: text.clone(),
                was: Vec::new(),
                corrected_at: None,
                corrected_by: None,
            }),
            EpisodeEvent::UpdateCorrected { of, text } => {
                if let Some(line) = lines.iter_mut().find(|l| l.id == *of) {
                    line.was
                        .push(std::mem::replace(&mut line.text, text.clone()));
                    line.corrected_at = Some(e.at);
                    line.corrected_by = Some(e.by);
                }
            }
            _ => {}
        }
    }
    lines
}
