//! What can happen during an episode: each an insert-only event with the time it happened and
//! who recorded it. The stored form is frozen once released: add variants, never change old ones.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::contacts::Contact;
use crate::ids::{EventId, UserId};
use crate::interview::InterviewMode;
use crate::profile::Values;

/// Longest police reference, officer's name, and free-text field.
pub const MAX_REFERENCE_CHARS: usize = 60;
pub const MAX_SHORT_TEXT_CHARS: usize = 200;
pub const MAX_UPDATE_CHARS: usize = 4000;

/// The police's own risk grade for the episode (domain.md §2.2): recorded as police gave it,
/// never decided by the carer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PoliceGrade {
    NoApparentRisk,
    Low,
    Medium,
    High,
    /// Scotland's looked-after children approach (domain.md §2.6): police judged there is no
    /// apparent or a tolerable risk, so the child is "Absent" and the local authority leads.
    Absent,
}

impl PoliceGrade {
    pub const ALL: [PoliceGrade; 5] = [
        PoliceGrade::NoApparentRisk,
        PoliceGrade::Low,
        PoliceGrade::Medium,
        PoliceGrade::High,
        PoliceGrade::Absent,
    ];

    /// The grades police give in this nation, in the order the form offers them. "Absent" is
    /// Scotland's term only.
    pub fn offered(nation: crate::organisation::Nation) -> Vec<PoliceGrade> {
        Self::ALL
            .into_iter()
            .filter(|g| {
                *g != PoliceGrade::Absent || nation == crate::organisation::Nation::Scotland
            })
            .collect()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            PoliceGrade::Absent => "grade-absent",
            PoliceGrade::NoApparentRisk => "grade-no-apparent-risk",
            PoliceGrade::Low => "grade-low",
            PoliceGrade::Medium => "grade-medium",
            PoliceGrade::High => "grade-high",
        }
    }
}

/// What is done once the child is back (domain.md §2.4 step 7, §8 item 2.8), each ticked with
/// its time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReturnStep {
    /// Police told at once (they close their case only after a safe and well check).
    PoliceTold,
    /// Police did their safe and well check (prevention interview).
    SafeAndWell,
    /// The social worker or EDT, and everyone told earlier, told the child is back.
    EveryoneTold,
    /// Health and injuries checked, calmly and without blame.
    HealthChecked,
    /// The manager considered a strategy meeting or an NRM referral.
    StrategyConsidered,
}

impl ReturnStep {
    pub const ALL: [ReturnStep; 5] = [
        ReturnStep::PoliceTold,
        ReturnStep::SafeAndWell,
        ReturnStep::EveryoneTold,
        ReturnStep::HealthChecked,
        ReturnStep::StrategyConsidered,
    ];

    pub fn message_id(self) -> &'static str {
        match self {
            ReturnStep::PoliceTold => "return-police-told",
            ReturnStep::SafeAndWell => "return-safe-and-well",
            ReturnStep::EveryoneTold => "return-everyone-told",
            ReturnStep::HealthChecked => "return-health-checked",
            ReturnStep::StrategyConsidered => "return-strategy",
        }
    }
}

/// How the return interview went, as recorded before the interview's facts were kept
/// separately: still read from old records, no longer written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InterviewOutcome {
    Offered,
    Done,
    Declined,
}

/// How the grab sheet was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareMethod {
    Email,
    /// The force's or the local authority's online route.
    Portal,
    HandedToOfficer,
    ReadOutByPhone,
}

impl ShareMethod {
    pub const ALL: [ShareMethod; 4] = [
        ShareMethod::HandedToOfficer,
        ShareMethod::Email,
        ShareMethod::Portal,
        ShareMethod::ReadOutByPhone,
    ];

    pub fn message_id(self) -> &'static str {
        match self {
            ShareMethod::Email => "share-email",
            ShareMethod::Portal => "share-portal",
            ShareMethod::HandedToOfficer => "share-handed",
            ShareMethod::ReadOutByPhone => "share-phone",
        }
    }
}

/// Why an episode ended with the child still missing: they are counted as never found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    /// The placement ended while the child was missing.
    PlacementEnded,
    /// The child moved to another placement or authority while still missing.
    ChildMoved,
}

impl EndReason {
    pub const ALL: [EndReason; 2] = [EndReason::PlacementEnded, EndReason::ChildMoved];

    pub fn message_id(self) -> &'static str {
        match self {
            EndReason::PlacementEnded => "end-reason-placement-ended",
            EndReason::ChildMoved => "end-reason-child-moved",
        }
    }
}

/// One thing that happened during an episode. Frozen once released: add variants, never
/// change old ones.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EpisodeEvent {
    /// Reported to police: their reference, who took it, and the grade they gave (if said).
    /// `reported_at` is when the call was made, if typed (recorded by earlier versions: only
    /// when it was typed in).
    PoliceReported {
        reference: String,
        officer: String,
        grade: Option<PoliceGrade>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reported_at: Option<DateTime<Utc>>,
    },
    /// Someone on the notification list was told.
    Notified { contact: Contact },
    /// A line in the running log: a sighting, a message, a call.
    Update { text: String },
    /// The child was found or came back.
    Found {
        found_at: DateTime<Utc>,
        found_by: String,
        where_found: String,
        how_returned: String,
    },
    /// The return interview offered, done or declined, as recorded by earlier versions (only
    /// the time it was typed in is known). New records use the `Interview*` events.
    ReturnInterview { outcome: InterviewOutcome },
    /// The missing part of the episode is over (the child is back). The return interview, the
    /// regulator decision, the steps after the return and log lines can still be recorded.
    Closed,
    /// Part 2 as now known (the whole form each time: the latest is what stands, earlier ones
    /// stay in the record).
    Details { values: Values },
    /// One of the checks agreed in the child's plan was made ("rang their mobile").
    CheckDone { check: String },
    /// A step after the return was done.
    ReturnStepDone { step: ReturnStep },
    /// The registered manager's decision whether to notify the regulator (Regulation 40 in
    /// England), with the reason.
    RegulatorDecision { notify: bool, reason: String },
    /// A line of the running log worded again (a wrong name, a wrong time). The line it
    /// corrects stays in the record and is shown as corrected, with what it first said.
    UpdateCorrected { of: EventId, text: String },
    /// The child was back at the placement later than they were found (found at a coach
    /// station at 10:00, back at 14:00): the return interview's time runs from here.
    BackAtPlacement { back_at: DateTime<Utc> },
    /// The return interview was offered: when, and by which service. Still due until held.
    InterviewOffered {
        offered_at: DateTime<Utc>,
        service: String,
    },
    /// The return interview took place.
    InterviewHeld {
        held_at: DateTime<Utc>,
        held_by: String,
        independent: bool,
        mode: InterviewMode,
    },
    /// The child said no to the return interview.
    InterviewDeclined {
        declined_at: DateTime<Utc>,
        reason: String,
        reoffer_on: Option<NaiveDate>,
    },
    /// No return interview was offered, and why (it stays due).
    InterviewNotOffered { reason: String },
    /// The episode ended with the child still missing (counted as never found, not lost).
    EndedWithoutReturn { reason: EndReason, note: String },
    /// The carer asked police to review a grade lower than high for a flagged child, and who
    /// they spoke to.
    GradeReviewAsked { spoke_to: String },
    /// Away from placement without authorisation (domain.md §2.1): the child's whereabouts
    /// are known, but they are not where they should be. For an unaccompanied or
    /// suspected-trafficked child it is treated as missing all the same.
    Away { whereabouts: String },
    /// Whereabouts no longer known, or concern has grown: the away record becomes missing.
    NowMissing,
    /// Something due as the episode goes on was done (a strategy meeting, a senior manager
    /// told, ...).
    MilestoneDone {
        milestone: crate::milestones::Milestone,
    },
    /// The grab sheet was given to someone (police, the social worker): to whom, how and on
    /// what lawful basis (domain.md §7).
    SheetShared {
        with: String,
        how: ShareMethod,
        basis: String,
    },
}

impl EpisodeEvent {
    pub fn kind(&self) -> &'static str {
        match self {
            EpisodeEvent::PoliceReported { .. } => "police_reported",
            EpisodeEvent::Notified { .. } => "notified",
            EpisodeEvent::Update { .. } => "update",
            EpisodeEvent::Found { .. } => "found",
            EpisodeEvent::ReturnInterview { .. } => "return_interview",
            EpisodeEvent::Closed => "closed",
            EpisodeEvent::Details { .. } => "details",
            EpisodeEvent::CheckDone { .. } => "check_done",
            EpisodeEvent::ReturnStepDone { .. } => "return_step_done",
            EpisodeEvent::RegulatorDecision { .. } => "regulator_decision",
            EpisodeEvent::UpdateCorrected { .. } => "update_corrected",
            EpisodeEvent::BackAtPlacement { .. } => "back_at_placement",
            EpisodeEvent::InterviewOffered { .. } => "interview_offered",
            EpisodeEvent::InterviewHeld { .. } => "interview_held",
            EpisodeEvent::InterviewDeclined { .. } => "interview_declined",
            EpisodeEvent::InterviewNotOffered { .. } => "interview_not_offered",
            EpisodeEvent::EndedWithoutReturn { .. } => "ended_without_return",
            EpisodeEvent::GradeReviewAsked { .. } => "grade_review_asked",
            EpisodeEvent::SheetShared { .. } => "sheet_shared",
            EpisodeEvent::MilestoneDone { .. } => "milestone_done",
            EpisodeEvent::Away { .. } => "away",
            EpisodeEvent::NowMissing => "now_missing",
        }
    }

    /// What can still be recorded once the missing part of an episode is closed: the return
    /// interview, the regulator decision, the steps after the return and the log.
    pub fn allowed_after_close(&self) -> bool {
        matches!(
            self,
            EpisodeEvent::Update { .. }
                | EpisodeEvent::UpdateCorrected { .. }
                | EpisodeEvent::ReturnStepDone { .. }
                | EpisodeEvent::RegulatorDecision { .. }
                | EpisodeEvent::BackAtPlacement { .. }
                | EpisodeEvent::InterviewOffered { .. }
                | EpisodeEvent::InterviewHeld { .. }
                | EpisodeEvent::InterviewDeclined { .. }
                | EpisodeEvent::InterviewNotOffered { .. }
                | EpisodeEvent::ReturnInterview { .. }
                | EpisodeEvent::SheetShared { .. }
        )
    }
}

/// An event as recorded: when it was recorded, by whom.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRecord {
    pub id: EventId,
    pub at: DateTime<Utc>,
    pub by: UserId,
    #[serde(flatten)]
    pub event: EpisodeEvent,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_scotland_offers_the_absent_grade() {
        use crate::organisation::Nation;
        for nation in Nation::ALL {
            let offered = PoliceGrade::offered(nation);
            assert_eq!(
                offered.contains(&PoliceGrade::Absent),
                nation == Nation::Scotland,
                "{nation:?}"
            );
            assert!(offered.contains(&PoliceGrade::High));
        }
        let json = serde_json::to_string(&PoliceGrade::Absent).unwrap();
        assert_eq!(json, "\"absent\"");
    }
}
