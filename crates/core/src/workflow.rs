//! What happens during a missing episode after "Child missing" (domain.md §2.4–2.5): the police
//! report, who was told, updates, the child found or returned, the return interview and the
//! close. Each is an insert-only event with the time it happened and who recorded it, so the
//! record of an episode is never rewritten; what the episode stands at is derived from them.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::child::{Field, FieldError, FieldProblem};
use crate::episode::{MissingEpisode, LAST_SEEN_SLACK_MINUTES};
use crate::ids::{EventId, UserId};
use crate::organisation::{HomeKind, Organisation};
use crate::profile::{flag, line, lines, FieldDef, Values};

/// The independent return interview is to be done within this many hours of the return.
pub const RETURN_INTERVIEW_HOURS: i64 = 72;
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

/// Who is told when a child goes missing (domain.md §2.4 step 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Contact {
    Manager,
    SocialWorker,
    EmergencyDutyTeam,
    HostAuthority,
    FosteringAgency,
    Parents,
    Guardian,
    Iro,
    /// The regulator (children's homes): the manager decides whether to notify.
    Regulator,
}

impl Contact {
    pub const ALL: [Contact; 9] = [
        Contact::Manager,
        Contact::SocialWorker,
        Contact::EmergencyDutyTeam,
        Contact::HostAuthority,
        Contact::FosteringAgency,
        Contact::Parents,
        Contact::Guardian,
        Contact::Iro,
        Contact::Regulator,
    ];

    pub fn message_id(self) -> &'static str {
        match self {
            Contact::Manager => "contact-manager",
            Contact::SocialWorker => "contact-social-worker",
            Contact::EmergencyDutyTeam => "contact-edt",
            Contact::HostAuthority => "contact-host-authority",
            Contact::FosteringAgency => "contact-fostering-agency",
            Contact::Parents => "contact-parents",
            Contact::Guardian => "contact-guardian",
            Contact::Iro => "contact-iro",
            Contact::Regulator => "contact-regulator",
        }
    }

    /// The profile fields that hold who this is and how to reach them, shown beside the
    /// contact on the notification list.
    pub fn profile_keys(self) -> &'static [&'static str] {
        match self {
            Contact::SocialWorker => &["social_worker", "social_worker_phone"],
            Contact::EmergencyDutyTeam => &["edt_phone"],
            Contact::Guardian => &["guardian"],
            Contact::Iro => &["iro"],
            Contact::Parents => &["family"],
            Contact::Manager
            | Contact::HostAuthority
            | Contact::FosteringAgency
            | Contact::Regulator => &[],
        }
    }

    /// What the home's own settings say about this contact (name, number).
    pub fn from_organisation(self, org: &Organisation) -> &str {
        match self {
            Contact::Manager => &org.on_call,
            Contact::HostAuthority => &org.host_authority,
            Contact::FosteringAgency => &org.fostering_agency,
            Contact::Regulator => &org.regulator,
            Contact::Guardian => &org.ictg_line,
            _ => "",
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

/// How the return interview went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InterviewOutcome {
    Offered,
    Done,
    Declined,
}

/// One thing that happened during an episode. Frozen once released: add variants, never
/// change old ones.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EpisodeEvent {
    /// Reported to police: their reference, who took it, and the grade they gave (if said).
    PoliceReported {
        reference: String,
        officer: String,
        grade: Option<PoliceGrade>,
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
    /// The independent return interview was offered, done or declined.
    ReturnInterview { outcome: InterviewOutcome },
    /// The episode is over.
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
        }
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
    for key in [
        "where_last_seen",
        "seen_by",
        "with_whom",
        "direction",
        "may_be_going",
    ] {
        if let Some(v) = text(key) {
            entries.push((label(key), v));
        }
    }
    let keys = |prefix: &'static str| {
        PART2
            .iter()
            .filter(move |f| f.key.starts_with(prefix))
            .map(|f| f.key)
    };
    let clothing: Vec<String> = keys("clothing_")
        .filter_map(|k| text(k).map(|v| format!("{}: {v}", label(k))))
        .collect();
    if !clothing.is_empty() {
        entries.push((tr("part2-clothing"), clothing.join("; ")));
    }
    let took: Vec<String> = keys("took_")
        .filter_map(|k| match values.get(k) {
            Some(serde_json::Value::Bool(true)) => Some(label(k)),
            Some(serde_json::Value::String(s)) if !s.is_empty() => Some(s.clone()),
            _ => None,
        })
        .collect();
    if !took.is_empty() {
        entries.push((tr("part2-took"), took.join(", ")));
    }
    for key in ["mood", "trigger", "steps_taken"] {
        if let Some(v) = text(key) {
            entries.push((label(key), v));
        }
    }
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

/// Where the return interview stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InterviewStatus {
    /// The child has not come back yet.
    NotYet,
    Due {
        by: DateTime<Utc>,
    },
    Overdue {
        since: DateTime<Utc>,
    },
    Recorded {
        outcome: InterviewOutcome,
    },
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
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoliceReport {
    pub reference: String,
    pub officer: String,
    pub grade: Option<PoliceGrade>,
    pub at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundRecord {
    pub found_at: DateTime<Utc>,
    pub found_by: String,
    pub where_found: String,
    pub how_returned: String,
    /// Found time + 72 h.
    pub interview_due: DateTime<Utc>,
}

/// Who to tell for this child (domain.md §2.4 step 4). A child who may have been trafficked has
/// their guardian (ICTG) on the list and not their parents: relatives may be linked to the
/// traffickers, so they are contacted only with the social worker's agreement.
///
/// A foster home tells its fostering agency; a children's home has its regulator on the list,
/// where the manager decides whether to notify (Regulation 40 in England).
pub fn contacts_for(details: &crate::child::ChildDetails, home: HomeKind) -> Vec<Contact> {
    Contact::ALL
        .into_iter()
        .filter(|c| match c {
            Contact::Parents => !details.suspected_trafficked,
            Contact::Guardian => details.suspected_trafficked,
            Contact::FosteringAgency => home == HomeKind::FosterHome,
            Contact::Regulator => home == HomeKind::ChildrensHome,
            _ => true,
        })
        .collect()
}

/// The state of an episode from its events (in the order recorded) at `now`.
pub fn summarise(events: &[EventRecord], now: DateTime<Utc>) -> EpisodeSummary {
    let mut s = EpisodeSummary::default();
    let mut outcome = None;
    for e in events {
        match &e.event {
            EpisodeEvent::PoliceReported {
                reference,
                officer,
                grade,
            } => {
                s.police = Some(PoliceReport {
                    reference: reference.clone(),
                    officer: officer.clone(),
                    grade: *grade,
                    at: e.at,
                });
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
                    interview_due: *found_at + Duration::hours(RETURN_INTERVIEW_HOURS),
                });
            }
            EpisodeEvent::ReturnInterview { outcome: o } => outcome = Some(*o),
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
    // Offered, done or declined: recorded, no longer due (the issue's rule; a declined
    // interview is still a recorded outcome that carers can pass on what they know after).
    s.interview = Some(match (&s.found, outcome) {
        (_, Some(outcome)) => InterviewStatus::Recorded { outcome },
        (None, None) => InterviewStatus::NotYet,
        (Some(f), None) if now > f.interview_due => InterviewStatus::Overdue {
            since: f.interview_due,
        },
        (Some(f), None) => InterviewStatus::Due {
            by: f.interview_due,
        },
    });
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
/// its text trimmed. A closed episode takes no more events; the return interview and the close
/// need the child to be back first.
pub fn validate(
    event: &EpisodeEvent,
    episode: &MissingEpisode,
    summary: &EpisodeSummary,
    now: DateTime<Utc>,
) -> Result<EpisodeEvent, Vec<FieldError>> {
    let mut errors = Vec::new();
    if summary.closed_at.is_some() || episode.closed_at.is_some() {
        return Err(vec![FieldError::new(Field::Episode, FieldProblem::Closed)]);
    }
    let checked = match event {
        EpisodeEvent::PoliceReported {
            reference,
            officer,
            grade,
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
            if summary.found.is_none() {
                errors.push(FieldError::new(Field::Episode, FieldProblem::NotBackYet));
            }
            EpisodeEvent::ReturnInterview { outcome: *outcome }
        }
        EpisodeEvent::Closed => {
            if summary.found.is_none() {
                errors.push(FieldError::new(Field::Episode, FieldProblem::NotBackYet));
            }
            EpisodeEvent::Closed
        }
        // The form's fields are checked by `validate_details`, which names them by key.
        EpisodeEvent::Details { values } => EpisodeEvent::Details {
            values: values.clone(),
        },
        EpisodeEvent::RegulatorDecision { notify, reason } => EpisodeEvent::RegulatorDecision {
            notify: *notify,
            reason: text(reason, Field::Reason, MAX_UPDATE_CHARS, true, &mut errors),
        },
        EpisodeEvent::ReturnStepDone { step } => {
            if summary.found.is_none() {
                errors.push(FieldError::new(Field::Episode, FieldProblem::NotBackYet));
            }
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
    use chrono::TimeZone;

    fn t(h: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, 0, 0, 0).unwrap() + Duration::hours(h)
    }

    fn episode() -> MissingEpisode {
        MissingEpisode {
            id: "01936b6e-7c00-7000-8000-000000000002".parse().unwrap(),
            child_id: "01936b6e-7c00-7000-8000-000000000001".parse().unwrap(),
            started_at: t(2),
            last_seen_at: t(1),
            closed_at: None,
        }
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

    #[test]
    fn the_return_interview_is_due_72_hours_after_the_return_then_overdue() {
        let events = vec![record(1, t(10), found(t(9)))];
        assert_eq!(
            summarise(&events, t(10)).interview,
            Some(InterviewStatus::Due { by: t(81) })
        );
        assert_eq!(
            summarise(&events, t(81)).interview,
            Some(InterviewStatus::Due { by: t(81) }),
            "due up to the minute"
        );
        assert_eq!(
            summarise(&events, t(82)).interview,
            Some(InterviewStatus::Overdue { since: t(81) })
        );
        let mut done = events.clone();
        done.push(record(
            2,
            t(90),
            EpisodeEvent::ReturnInterview {
                outcome: InterviewOutcome::Declined,
            },
        ));
        assert_eq!(
            summarise(&done, t(200)).interview,
            Some(InterviewStatus::Recorded {
                outcome: InterviewOutcome::Declined
            })
        );
        assert_eq!(
            summarise(&[], t(200)).interview,
            Some(InterviewStatus::NotYet),
            "not due while the child is still missing"
        );
    }

    #[test]
    fn a_trafficked_child_s_list_has_the_guardian_and_not_the_parents() {
        let mut d = crate::child::ChildDetails {
            name_latin: "Sample".into(),
            name_own_script: None,
            date_of_birth: chrono::NaiveDate::from_ymd_opt(2011, 1, 1).unwrap(),
            languages: vec![],
            unaccompanied: true,
            suspected_trafficked: false,
        };
        let list = contacts_for(&d, HomeKind::FosterHome);
        assert!(list.contains(&Contact::Parents) && !list.contains(&Contact::Guardian));
        assert!(list.contains(&Contact::FosteringAgency) && !list.contains(&Contact::Regulator));
        d.suspected_trafficked = true;
        let list = contacts_for(&d, HomeKind::ChildrensHome);
        assert!(!list.contains(&Contact::Parents) && list.contains(&Contact::Guardian));
        assert!(!list.contains(&Contact::FosteringAgency) && list.contains(&Contact::Regulator));
        assert_eq!(list[0], Contact::Manager);
    }

    #[test]
    fn an_offered_interview_is_no_longer_shown_as_due() {
        let events = vec![
            record(1, t(10), found(t(9))),
            record(
                2,
                t(11),
                EpisodeEvent::ReturnInterview {
                    outcome: InterviewOutcome::Offered,
                },
            ),
        ];
        assert_eq!(
            summarise(&events, t(200)).interview,
            Some(InterviewStatus::Recorded {
                outcome: InterviewOutcome::Offered
            })
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
        let update = EpisodeEvent::Update {
            text: "seen at the shop".into(),
        };
        assert_eq!(
            problems(validate(&update, &ep, &closed, t(5))),
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
            },
        );
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"id":"01936b6e-7c00-7000-8000-000000000001","at":"2026-11-25T03:00:00Z","by":"01936b6e-7c00-7000-8000-0000000000aa","type":"police_reported","reference":"MP/123","officer":"","grade":"no_apparent_risk"}"#
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
