//! What happens during a missing episode after "Child missing" (domain.md §2.4–2.5): the police
//! report, who was told, updates, the child found or returned, the return interview and the
//! close. Each is an insert-only event with the time it happened and who recorded it, so the
//! record of an episode is never rewritten; what the episode stands at is derived from them.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::child::{Field, FieldError, FieldProblem};
pub use crate::contacts::{contacts_for, Contact};
use crate::episode::{MissingEpisode, LAST_SEEN_SLACK_MINUTES};
use crate::ids::{EventId, UserId};
use crate::interview::{Declined, Held, InterviewFacts, NotOffered, Offer};
pub use crate::interview::{
    DueStep, InterviewMode, InterviewStatus, InterviewTiming, RETURN_INTERVIEW_HOURS,
};
use crate::organisation::Organisation;
use crate::profile::{flag, line, lines, FieldDef, Values};

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

/// Part 2 of the Philomena form (domain.md §1.1): what is known about this episode, filled in
/// as it becomes known. Labels are the Fluent messages `pf-<key>`, like the profile's.
pub const PART2: &[FieldDef] = &[
    line("where_last_seen"),
    line("seen_by"),
    lines("with_whom"),
    line("direction"),
    line("may_be_going"),
    line("clothing_head"),
    line("clothing_upper"),
    line("clothing_lower"),
    line("clothing_footwear"),
    line("clothing_outerwear"),
    line("clothing_jewellery"),
    line("clothing_bags"),
    flag("took_phone"),
    flag("took_cash"),
    flag("took_bank_card"),
    flag("took_id"),
    flag("took_medication"),
    flag("took_charger"),
    flag("took_clothes"),
    line("took_other"),
    lines("mood"),
    lines("trigger"),
    flag("out_of_character"),
    lines("steps_taken"),
];

/// How the Part 2 form groups its fields, by key (never by position, so a field added to
/// `PART2` cannot land in the wrong group): where and with whom, clothing, what they took, the
/// rest (mood, trigger, out of character, what was done).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part2Group {
    Seen,
    Clothing,
    Took,
    Rest,
}

impl Part2Group {
    pub const ALL: [Part2Group; 4] = [
        Part2Group::Seen,
        Part2Group::Clothing,
        Part2Group::Took,
        Part2Group::Rest,
    ];

    pub fn of(key: &str) -> Self {
        if key.starts_with("clothing_") {
            Part2Group::Clothing
        } else if key.starts_with("took_") {
            Part2Group::Took
        } else if ["mood", "trigger", "out_of_character", "steps_taken"].contains(&key) {
            Part2Group::Rest
        } else {
            Part2Group::Seen
        }
    }

    /// The group's title on the form and the sheet, if it has one.
    pub fn title_id(self) -> Option<&'static str> {
        match self {
            Part2Group::Clothing => Some("part2-clothing"),
            Part2Group::Took => Some("part2-took"),
            Part2Group::Seen | Part2Group::Rest => None,
        }
    }

    /// The fields of this group, in `PART2`'s order.
    pub fn fields(self) -> impl Iterator<Item = &'static FieldDef> {
        PART2.iter().filter(move |f| Part2Group::of(f.key) == self)
    }
}

/// Part 2 as printed: where and with whom, then clothing on one line and what they took on
/// another, then mood and trigger; empty fields left out. `tr` turns a Fluent message id into
/// text (labels are `pf-<key>`, the two group titles `part2-clothing` and `part2-took`).
pub fn part2_entries(values: &Values, tr: impl Fn(&str) -> String) -> Vec<(String, String)> {
    let text = |k: &str| {
        values
            .get(k)
            .and_then(|v| v.as_str())
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let label = |k: &str| tr(&crate::profile::label_id(k));
    let mut entries = Vec::new();
    let one_by_one = |group: Part2Group, entries: &mut Vec<(String, String)>| {
        for f in group.fields() {
            if let Some(v) = text(f.key) {
                entries.push((label(f.key), v));
            }
        }
    };
    one_by_one(Part2Group::Seen, &mut entries);
    let clothing: Vec<String> = Part2Group::Clothing
        .fields()
        .filter_map(|f| text(f.key).map(|v| format!("{}: {v}", label(f.key))))
        .collect();
    if !clothing.is_empty() {
        entries.push((tr("part2-clothing"), clothing.join("; ")));
    }
    let took: Vec<String> = Part2Group::Took
        .fields()
        .filter_map(|f| match values.get(f.key) {
            Some(serde_json::Value::Bool(true)) => Some(label(f.key)),
            Some(serde_json::Value::String(s)) if !s.is_empty() => Some(s.clone()),
            _ => None,
        })
        .collect();
    if !took.is_empty() {
        entries.push((tr("part2-took"), took.join(", ")));
    }
    // Mood, trigger, what was done (text; "out of character" is a flag the sheet words).
    one_by_one(Part2Group::Rest, &mut entries);
    entries
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

/// Checks the Part 2 form field by field (every problem at once, named by key); text trimmed,
/// blanks cleared.
pub fn validate_details(
    values: &Values,
    now: DateTime<Utc>,
) -> Result<Values, Vec<crate::profile::ProfileProblem>> {
    crate::profile::validate_fields(PART2, values, now.date_naive())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::organisation::HomeKind;
    use crate::testing::{child as flagged, t};

    const HOLD: DueStep = DueStep::Hold;

    fn home(home_kind: HomeKind) -> Organisation {
        Organisation {
            home_kind,
            ..Default::default()
        }
    }

    /// England's timing, as most tests here take it.
    fn summarise(events: &[EventRecord], now: DateTime<Utc>) -> EpisodeSummary {
        super::summarise(events, now, &InterviewTiming::RETURN_HOME_INTERVIEW)
    }

    fn episode() -> MissingEpisode {
        crate::testing::episode(1)
    }

    fn record(n: u64, at: DateTime<Utc>, event: EpisodeEvent) -> EventRecord {
        EventRecord {
            id: format!("01936b6e-7c00-7000-8000-{n:012x}").parse().unwrap(),
            at,
            by: "01936b6e-7c00-7000-8000-0000000000aa".parse().unwrap(),
            event,
        }
    }

    fn found(at: DateTime<Utc>) -> EpisodeEvent {
        EpisodeEvent::Found {
            found_at: at,
            found_by: "Police".into(),
            where_found: "Coach station".into(),
            how_returned: "Police car".into(),
        }
    }

    fn problems(r: Result<EpisodeEvent, Vec<FieldError>>) -> Vec<(Field, FieldProblem)> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect()
    }

    fn held(at: DateTime<Utc>) -> EpisodeEvent {
        EpisodeEvent::InterviewHeld {
            held_at: at,
            held_by: "Sample worker, return interview service".into(),
            independent: true,
            mode: InterviewMode::InPerson,
        }
    }

    #[test]
    fn the_return_interview_is_due_72_hours_after_the_return_then_overdue() {
        let events = vec![record(1, t(10), found(t(9)))];
        assert_eq!(
            summarise(&events, t(10)).interview,
            Some(InterviewStatus::Due {
                by: t(81),
                step: HOLD
            })
        );
        assert_eq!(
            summarise(&events, t(81)).interview,
            Some(InterviewStatus::Due {
                by: t(81),
                step: HOLD
            }),
            "due up to the minute"
        );
        assert_eq!(
            summarise(&events, t(82)).interview,
            Some(InterviewStatus::Overdue {
                since: t(81),
                step: HOLD
            })
        );
        assert_eq!(
            summarise(&[], t(200)).interview,
            Some(InterviewStatus::NotYet),
            "not due while the child is still missing"
        );
    }

    #[test]
    fn an_offered_interview_stays_due_and_only_held_or_declined_ends_it() {
        let mut events = vec![
            record(1, t(10), found(t(9))),
            record(
                2,
                t(11),
                EpisodeEvent::InterviewOffered {
                    offered_at: t(11),
                    service: "Return interview service".into(),
                },
            ),
            // Recorded by an earlier version: still an offer, not an outcome.
            record(
                3,
                t(12),
                EpisodeEvent::ReturnInterview {
                    outcome: InterviewOutcome::Offered,
                },
            ),
        ];
        let s = summarise(&events, t(200));
        assert_eq!(
            s.interview,
            Some(InterviewStatus::Overdue {
                since: t(81),
                step: HOLD
            })
        );
        assert_eq!(s.interview_facts.offers.len(), 2);
        assert_eq!(
            s.interview_facts.offers[0].service,
            "Return interview service"
        );
        events.push(record(
            4,
            t(210),
            EpisodeEvent::InterviewDeclined {
                declined_at: t(205),
                reason: "Did not want to talk".into(),
                reoffer_on: None,
            },
        ));
        assert_eq!(
            summarise(&events, t(220)).interview,
            Some(InterviewStatus::Declined { at: t(205) })
        );
    }

    #[test]
    fn within_72_hours_runs_from_the_return_to_the_placement_to_when_it_was_held() {
        // Found at 9, back at the placement at 14, held 70 hours after that, typed in days later.
        let events = vec![
            record(1, t(10), found(t(9))),
            record(2, t(15), EpisodeEvent::BackAtPlacement { back_at: t(14) }),
            record(3, t(300), held(t(84))),
        ];
        let s = summarise(&events, t(300));
        assert_eq!(s.returned_at(), Some(t(14)));
        assert_eq!(
            s.interview,
            Some(InterviewStatus::Held {
                at: Some(t(84)),
                within_72_hours: Some(true),
                in_time: Some(true),
            })
        );
        // Measured from when it was found (9) it would be 75 hours.
        assert!(t(84) - t(9) > Duration::hours(72));
        // An interview recorded by an earlier version has no time held: not counted either way.
        let old = vec![
            record(1, t(10), found(t(9))),
            record(
                2,
                t(20),
                EpisodeEvent::ReturnInterview {
                    outcome: InterviewOutcome::Done,
                },
            ),
        ];
        assert_eq!(
            summarise(&old, t(30)).interview,
            Some(InterviewStatus::Held {
                at: None,
                within_72_hours: None,
                in_time: None,
            })
        );
    }

    #[test]
    fn closing_ends_the_missing_part_only_and_says_what_is_outstanding() {
        let ep = episode();
        let events = vec![
            record(1, t(3), found(t(2))),
            record(2, t(4), EpisodeEvent::Closed),
        ];
        let closed = summarise(&events, t(5));
        assert!(closed.closed_at.is_some());
        let outstanding = closed.outstanding(&home(HomeKind::ChildrensHome));
        assert_eq!(outstanding[0], Outstanding::Interview);
        assert!(outstanding.contains(&Outstanding::ReturnStep(ReturnStep::SafeAndWell)));
        assert_eq!(outstanding.last(), Some(&Outstanding::RegulatorDecision));
        assert!(!closed
            .outstanding(&home(HomeKind::FosterHome))
            .contains(&Outstanding::RegulatorDecision));
        // After the close: the interview, the return steps, the regulator decision, the log.
        for event in [
            held(t(5)),
            EpisodeEvent::InterviewDeclined {
                declined_at: t(5),
                reason: String::new(),
                reoffer_on: None,
            },
            EpisodeEvent::InterviewOffered {
                offered_at: t(4),
                service: String::new(),
            },
            EpisodeEvent::InterviewNotOffered {
                reason: "Service not told of the return".into(),
            },
            EpisodeEvent::ReturnStepDone {
                step: ReturnStep::SafeAndWell,
            },
            EpisodeEvent::RegulatorDecision {
                notify: false,
                reason: "Routine episode, no exploitation".into(),
            },
            EpisodeEvent::Update {
                text: "Return interview booked".into(),
            },
        ] {
            assert!(validate(&event, &ep, &closed, t(5)).is_ok(), "{event:?}");
        }
        // Not the missing part.
        let police = EpisodeEvent::PoliceReported {
            reference: "MP/1".into(),
            officer: String::new(),
            grade: None,
            reported_at: None,
        };
        assert_eq!(
            problems(validate(&police, &ep, &closed, t(5))),
            [(Field::Episode, FieldProblem::Closed)]
        );
        let mut done = events.clone();
        done.push(record(3, t(6), held(t(5))));
        assert!(!summarise(&done, t(7))
            .outstanding(&home(HomeKind::FosterHome))
            .contains(&Outstanding::Interview));
    }

    #[test]
    fn interview_times_are_checked_against_the_return() {
        let ep = episode();
        let back = summarise(&[record(1, t(10), found(t(9)))], t(10));
        assert_eq!(
            problems(validate(&held(t(8)), &ep, &back, t(10))),
            [(Field::InterviewAt, FieldProblem::BeforeReturn)]
        );
        assert_eq!(
            problems(validate(&held(t(12)), &ep, &back, t(10))),
            [(Field::InterviewAt, FieldProblem::InFuture)]
        );
        let nobody = EpisodeEvent::InterviewHeld {
            held_at: t(10),
            held_by: " ".into(),
            independent: false,
            mode: InterviewMode::Phone,
        };
        assert_eq!(
            problems(validate(&nobody, &ep, &back, t(10))),
            [(Field::InterviewBy, FieldProblem::Required)]
        );
        assert_eq!(
            problems(validate(
                &EpisodeEvent::BackAtPlacement { back_at: t(8) },
                &ep,
                &back,
                t(10)
            )),
            [(Field::BackAt, FieldProblem::BeforeReturn)]
        );
        assert_eq!(
            problems(validate(
                &held(t(9)),
                &ep,
                &EpisodeSummary::default(),
                t(10)
            )),
            [(Field::Episode, FieldProblem::NotBackYet)]
        );
        let twice = summarise(
            &[record(1, t(10), found(t(9))), record(2, t(10), held(t(10)))],
            t(10),
        );
        assert_eq!(
            problems(validate(&held(t(10)), &ep, &twice, t(10))),
            [(Field::InterviewAt, FieldProblem::AlreadyDone)]
        );
    }

    #[test]
    fn an_episode_can_end_with_the_child_still_missing_and_they_can_still_be_found() {
        let ep = episode();
        let end = EpisodeEvent::EndedWithoutReturn {
            reason: EndReason::PlacementEnded,
            note: " Placement ended by the placing authority ".into(),
        };
        let checked = validate(&end, &ep, &EpisodeSummary::default(), t(100)).unwrap();
        let events = vec![record(1, t(100), checked)];
        let s = summarise(&events, t(101));
        assert_eq!(s.closed_at, Some(t(100)));
        let (reason, note, _) = s.ended_missing.clone().unwrap();
        assert_eq!(
            (reason, note.as_str()),
            (
                EndReason::PlacementEnded,
                "Placement ended by the placing authority"
            )
        );
        assert_eq!(s.interview, Some(InterviewStatus::NotYet));
        assert!(s.outstanding(&home(HomeKind::FosterHome)).is_empty());
        // Found later: recorded, and the interview falls due.
        assert!(validate(&found(t(90)), &ep, &s, t(101)).is_ok());
        let back = summarise(
            &[
                record(1, t(100), end.clone()),
                record(2, t(101), found(t(90))),
            ],
            t(101),
        );
        assert!(back.interview.is_some_and(InterviewStatus::is_outstanding));
        // A child who is back is closed as back, not as ended missing.
        let found_first = summarise(&[record(1, t(10), found(t(9)))], t(10));
        assert_eq!(
            problems(validate(&end, &ep, &found_first, t(10))),
            [(Field::Episode, FieldProblem::AlreadyDone)]
        );
    }

    #[test]
    fn a_flagged_child_graded_below_high_prompts_a_review_and_every_grade_is_kept() {
        let report = |n: u64, at, grade| {
            record(
                n,
                at,
                EpisodeEvent::PoliceReported {
                    reference: "MP/1".into(),
                    officer: String::new(),
                    grade: Some(grade),
                    reported_at: None,
                },
            )
        };
        let medium = summarise(&[report(1, t(2), PoliceGrade::Medium)], t(3));
        assert!(medium.grade_review_prompt(&flagged(true, false)));
        assert!(medium.grade_review_prompt(&flagged(false, true)));
        assert!(
            !medium.grade_review_prompt(&flagged(false, false)),
            "not for other children"
        );
        let events = [
            report(1, t(2), PoliceGrade::Medium),
            record(
                2,
                t(3),
                EpisodeEvent::GradeReviewAsked {
                    spoke_to: "Duty sergeant".into(),
                },
            ),
            report(3, t(4), PoliceGrade::High),
        ];
        let high = summarise(&events, t(5));
        assert!(!high.grade_review_prompt(&flagged(true, false)));
        assert_eq!(
            high.grades,
            [(PoliceGrade::Medium, t(2)), (PoliceGrade::High, t(4))]
        );
        assert_eq!(high.grade_reviews, [("Duty sergeant".to_owned(), t(3))]);
        let nobody = EpisodeEvent::GradeReviewAsked {
            spoke_to: "  ".into(),
        };
        assert_eq!(
            problems(validate(&nobody, &episode(), &medium, t(3))),
            [(Field::SpokeTo, FieldProblem::Required)]
        );
    }

    #[test]
    fn the_latest_police_report_stands_and_each_contact_counts_once() {
        let report = |n: u64, at, grade| {
            record(
                n,
                at,
                EpisodeEvent::PoliceReported {
                    reference: format!("REF-{n}"),
                    officer: "PC Example".into(),
                    grade,
                    reported_at: None,
                },
            )
        };
        let told = |n: u64, at, contact| record(n, at, EpisodeEvent::Notified { contact });
        let events = vec![
            report(1, t(2), None),
            told(2, t(3), Contact::Manager),
            told(3, t(4), Contact::Manager),
            report(4, t(5), Some(PoliceGrade::High)),
        ];
        let s = summarise(&events, t(6));
        let police = s.police.unwrap();
        assert_eq!(
            (police.reference.as_str(), police.grade),
            ("REF-4", Some(PoliceGrade::High))
        );
        assert_eq!(s.notified, vec![(Contact::Manager, t(3))]);
    }

    #[test]
    fn events_are_checked_against_the_episode() {
        let ep = episode();
        let open = EpisodeSummary::default();
        let police = EpisodeEvent::PoliceReported {
            reference: "  ".into(),
            officer: "x".repeat(201),
            grade: None,
            reported_at: None,
        };
        assert_eq!(
            problems(validate(&police, &ep, &open, t(3))),
            [
                (Field::PoliceReference, FieldProblem::Required),
                (Field::Officer, FieldProblem::TooLong)
            ]
        );
        assert_eq!(
            problems(validate(&found(t(5)), &ep, &open, t(3))),
            [(Field::FoundAt, FieldProblem::InFuture)]
        );
        assert_eq!(
            problems(validate(&found(t(0)), &ep, &open, t(3))),
            [(Field::FoundAt, FieldProblem::BeforeLastSeen)]
        );
        // Typed to the minute, within the minute last seen: accepted.
        let same_minute = t(1) - Duration::seconds(59);
        assert!(validate(&found(same_minute), &ep, &open, t(3)).is_ok());
        assert_eq!(
            problems(validate(&EpisodeEvent::Closed, &ep, &open, t(3))),
            [(Field::Episode, FieldProblem::NotBackYet)],
            "an episode closes once the child is back"
        );
        let back = summarise(&[record(1, t(3), found(t(2)))], t(3));
        assert!(validate(&EpisodeEvent::Closed, &ep, &back, t(3)).is_ok());
        assert_eq!(
            problems(validate(&found(t(2)), &ep, &back, t(3))),
            [(Field::Episode, FieldProblem::AlreadyDone)]
        );
        let closed = summarise(
            &[
                record(1, t(3), found(t(2))),
                record(2, t(4), EpisodeEvent::Closed),
            ],
            t(4),
        );
        // The missing part is over: no more checks of the search.
        let check = EpisodeEvent::CheckDone {
            check: "Rang her mobile".into(),
        };
        assert_eq!(
            problems(validate(&check, &ep, &closed, t(5))),
            [(Field::Episode, FieldProblem::Closed)]
        );
        assert_eq!(
            validate(
                &EpisodeEvent::Update {
                    text: "  a sighting  ".into()
                },
                &ep,
                &open,
                t(3)
            ),
            Ok(EpisodeEvent::Update {
                text: "a sighting".into()
            })
        );
    }

    #[test]
    fn the_stored_form_of_an_event_is_frozen() {
        let e = record(
            1,
            t(3),
            EpisodeEvent::PoliceReported {
                reference: "MP/123".into(),
                officer: "".into(),
                grade: Some(PoliceGrade::NoApparentRisk),
                reported_at: None,
            },
        );
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"id":"01936b6e-7c00-7000-8000-000000000001","at":"2026-11-25T03:00:00Z","by":"01936b6e-7c00-7000-8000-0000000000aa","type":"police_reported","reference":"MP/123","officer":"","grade":"no_apparent_risk"}"#
        );
        let held = record(2, t(80), held(t(79)));
        assert_eq!(
            serde_json::to_string(&held).unwrap(),
            r#"{"id":"01936b6e-7c00-7000-8000-000000000002","at":"2026-11-28T08:00:00Z","by":"01936b6e-7c00-7000-8000-0000000000aa","type":"interview_held","held_at":"2026-11-28T07:00:00Z","held_by":"Sample worker, return interview service","independent":true,"mode":"in_person"}"#
        );
        let old: EventRecord = serde_json::from_str(
            r#"{"id":"01936b6e-7c00-7000-8000-000000000003","at":"2026-11-28T08:00:00Z","by":"01936b6e-7c00-7000-8000-0000000000aa","type":"return_interview","outcome":"offered"}"#,
        )
        .unwrap();
        assert_eq!(
            old.event,
            EpisodeEvent::ReturnInterview {
                outcome: InterviewOutcome::Offered
            },
            "records of earlier versions still read"
        );
    }

    #[test]
    fn the_latest_details_stand_and_each_check_keeps_its_first_time() {
        use serde_json::json;
        let first: Values = [("where_last_seen".to_owned(), json!("Bus stop"))]
            .into_iter()
            .collect();
        let second: Values = [
            (
                "where_last_seen".to_owned(),
                json!("Bus stop on Sample Road"),
            ),
            ("took_phone".to_owned(), json!(true)),
        ]
        .into_iter()
        .collect();
        let events = [
            record(1, t(2), EpisodeEvent::Details { values: first }),
            record(
                2,
                t(3),
                EpisodeEvent::CheckDone {
                    check: "Rang his mobile".into(),
                },
            ),
            record(
                3,
                t(4),
                EpisodeEvent::Details {
                    values: second.clone(),
                },
            ),
            record(
                4,
                t(5),
                EpisodeEvent::CheckDone {
                    check: "Rang his mobile".into(),
                },
            ),
        ];
        let s = summarise(&events, t(6));
        assert_eq!(s.details, Some((second, t(4))));
        assert_eq!(s.checks, [("Rang his mobile".to_owned(), t(3))]);
        // The form is checked by key, like the profile's.
        let bad: Values = [
            ("took_phone".to_owned(), json!("yes")),
            ("mood".to_owned(), json!("  upset after a phone call  ")),
        ]
        .into_iter()
        .collect();
        let problems = validate_details(&bad, t(6)).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].key, "took_phone");
        let ok = validate_details(
            &[("mood".to_owned(), json!(" upset "))]
                .into_iter()
                .collect(),
            t(6),
        )
        .unwrap();
        assert_eq!(ok["mood"], json!("upset"));
        // A check with no words is refused.
        let err = validate(
            &EpisodeEvent::CheckDone { check: "  ".into() },
            &episode(),
            &EpisodeSummary::default(),
            t(6),
        )
        .unwrap_err();
        assert_eq!(err[0].problem, FieldProblem::Required);
    }

    #[test]
    fn steps_after_the_return_need_the_child_back_and_keep_their_first_time() {
        let step = EpisodeEvent::ReturnStepDone {
            step: ReturnStep::SafeAndWell,
        };
        let err = validate(&step, &episode(), &EpisodeSummary::default(), t(3)).unwrap_err();
        assert_eq!(err[0].problem, FieldProblem::NotBackYet);
        let events = [
            record(1, t(3), found(t(3))),
            record(2, t(4), step.clone()),
            record(3, t(5), step.clone()),
        ];
        let s = summarise(&events, t(6));
        assert_eq!(s.return_steps, [(ReturnStep::SafeAndWell, t(4))]);
        assert!(validate(&step, &episode(), &s, t(6)).is_ok());
    }

    #[test]
    fn who_the_grab_sheet_went_to_is_recorded_with_how_and_why() {
        let ep = episode();
        let open = EpisodeSummary::default();
        let bad = EpisodeEvent::SheetShared {
            with: " ".into(),
            how: ShareMethod::Email,
            basis: String::new(),
        };
        assert_eq!(
            problems(validate(&bad, &ep, &open, t(3))),
            [
                (Field::SharedWith, FieldProblem::Required),
                (Field::Basis, FieldProblem::Required)
            ]
        );
        let shared = EpisodeEvent::SheetShared {
            with: " PC Sample, Sample Police ".into(),
            how: ShareMethod::HandedToOfficer,
            basis: "Safeguarding: to locate a missing looked-after child".into(),
        };
        let checked = validate(&shared, &ep, &open, t(3)).unwrap();
        let s = summarise(&[record(1, t(3), checked)], t(4));
        assert_eq!(s.shared.len(), 1);
        assert_eq!(
            (s.shared[0].with.as_str(), s.shared[0].how, s.shared[0].at),
            (
                "PC Sample, Sample Police",
                ShareMethod::HandedToOfficer,
                t(3)
            )
        );
    }

    #[test]
    fn away_with_whereabouts_known_turns_into_missing_in_one_step() {
        let ep = episode();
        let open = EpisodeSummary::default();
        assert!(!open.is_away());
        assert_eq!(
            problems(validate(
                &EpisodeEvent::Away {
                    whereabouts: " ".into()
                },
                &ep,
                &open,
                t(2)
            )),
            [(Field::Whereabouts, FieldProblem::Required)]
        );
        assert_eq!(
            problems(validate(&EpisodeEvent::NowMissing, &ep, &open, t(2))),
            [(Field::Whereabouts, FieldProblem::NotBackYet)],
            "only an away record turns into missing"
        );
        let away = EpisodeEvent::Away {
            whereabouts: "At an aunt's, Sample Town".into(),
        };
        let events = vec![record(1, t(2), away.clone())];
        let s = summarise(&events, t(3));
        assert!(s.is_away());
        assert_eq!(
            problems(validate(&away, &ep, &s, t(3))),
            [(Field::Whereabouts, FieldProblem::AlreadyDone)]
        );
        let mut events = events;
        events.push(record(2, t(4), EpisodeEvent::NowMissing));
        let s = summarise(&events, t(5));
        assert!(!s.is_away());
        assert_eq!(s.now_missing_at, Some(t(4)));
        assert_eq!(
            s.away.as_ref().map(|(w, _)| w.as_str()),
            Some("At an aunt's, Sample Town")
        );
    }

    #[test]
    fn part_two_groups_its_fields_by_key_and_every_field_is_in_one_group() {
        let grouped: usize = Part2Group::ALL.iter().map(|g| g.fields().count()).sum();
        assert_eq!(grouped, PART2.len());
        assert_eq!(Part2Group::of("clothing_head"), Part2Group::Clothing);
        assert_eq!(Part2Group::of("took_phone"), Part2Group::Took);
        assert_eq!(Part2Group::of("out_of_character"), Part2Group::Rest);
        assert_eq!(Part2Group::of("where_last_seen"), Part2Group::Seen);
        assert!(Part2Group::Seen
            .fields()
            .all(|f| !f.key.contains("clothing")));
    }

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
