//! Risk checklists (domain.md §3): prompts for professional judgement, never a score.
//!
//! A checklist's questions are data, not code: versioned files under `checklists/`, read by the
//! store, each item with a theme and its sources, its wording in Fluent (`cl-<checklist>-<item>`
//! and `cl-<checklist>-<item>-why`). An assessment of a child is a series of insert-only events
//! against one version of one checklist; what it comes to is a list of concerns to discuss,
//! grouped by theme, and suggested next steps.

use chrono::{DateTime, Duration, Months, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::{EventId, UserId};

/// Longest evidence note and "observed by".
pub const MAX_EVIDENCE_CHARS: usize = 2000;
pub const MAX_OBSERVED_BY_CHARS: usize = 200;
/// A new assessment falls due this many months after the last one (the home can change it).
pub const DEFAULT_EVERY_MONTHS: u32 = 3;

/// Where a question comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One question of a checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub theme: String,
    /// Keys of the definition's sources; empty means all of them.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// One version of one checklist, as its file defines it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Definition {
    pub checklist: String,
    pub version: u32,
    pub sources: BTreeMap<String, Source>,
    pub items: Vec<Item>,
}

impl Definition {
    /// The checklist's name, as a Fluent message id.
    pub fn title_id(&self) -> String {
        format!("cl-{}", self.checklist)
    }

    pub fn prompt_id(&self, item: &str) -> String {
        format!("cl-{}-{item}", self.checklist)
    }

    pub fn why_id(&self, item: &str) -> String {
        format!("cl-{}-{item}-why", self.checklist)
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// Where an item comes from: the sources it names, or all of the definition's.
    pub fn sources_of(&self, item: &Item) -> Vec<&Source> {
        if item.sources.is_empty() {
            self.sources.values().collect()
        } else {
            item.sources
                .iter()
                .filter_map(|k| self.sources.get(k))
                .collect()
        }
    }

    /// The themes in the order their first question appears.
    pub fn themes(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for i in &self.items {
            if !out.contains(&i.theme.as_str()) {
                out.push(&i.theme);
            }
        }
        out
    }

    /// What is wrong with the definition, if anything: no items, an item id used twice, a
    /// source named that the file does not define, an item without any source.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.items.is_empty() {
            out.push(format!("{} v{}: no items", self.checklist, self.version));
        }
        let mut seen = Vec::new();
        for item in &self.items {
            if seen.contains(&&item.id) {
                out.push(format!("{}: item {} twice", self.checklist, item.id));
            }
            seen.push(&item.id);
            for s in &item.sources {
                if !self.sources.contains_key(s) {
                    out.push(format!(
                        "{}: {} names unknown source {s}",
                        self.checklist, item.id
                    ));
                }
            }
            if self.sources_of(item).is_empty() {
                out.push(format!("{}: {} has no source", self.checklist, item.id));
            }
        }
        out
    }
}

/// An answer to one question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Yes,
    No,
    Unsure,
    NotKnown,
}

impl Answer {
    pub const ALL: [Answer; 4] = [Answer::Yes, Answer::No, Answer::Unsure, Answer::NotKnown];

    pub fn message_id(self) -> &'static str {
        match self {
            Answer::Yes => "answer-yes",
            Answer::No => "answer-no",
            Answer::Unsure => "answer-unsure",
            Answer::NotKnown => "answer-not-known",
        }
    }

    /// A short name for element ids and tests.
    pub fn id(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::Unsure => "unsure",
            Answer::NotKnown => "not-known",
        }
    }

    /// "Yes" and "unsure" are concerns to discuss.
    pub fn is_concern(self) -> bool {
        matches!(self, Answer::Yes | Answer::Unsure)
    }
}

/// Something that happened in an assessment. Insert-only: a new answer to the same question
/// stands over the earlier one, which stays in the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AssessmentEvent {
    /// An assessment of this child against one version of one checklist.
    Started { checklist: String, version: u32 },
    Answered {
        item: String,
        answer: Answer,
        /// What was seen or said, in the carer's words. Optional.
        #[serde(default)]
        evidence: String,
        /// Who saw or heard it, if not the person recording.
        #[serde(default)]
        observed_by: String,
    },
    /// A manager reviewed the assessment and signed it off.
    SignedOff {
        #[serde(default)]
        note: String,
    },
}

impl AssessmentEvent {
    pub fn kind(&self) -> &'static str {
        match self {
            AssessmentEvent::Started { .. } => "started",
            AssessmentEvent::Answered { .. } => "answered",
            AssessmentEvent::SignedOff { .. } => "signed_off",
        }
    }
}

/// One assessment event with when and by whom.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentRecord {
    pub id: EventId,
    pub at: DateTime<Utc>,
    pub by: UserId,
    #[serde(flatten)]
    pub event: AssessmentEvent,
}

/// The answer that stands for one question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answered {
    pub answer: Answer,
    pub evidence: String,
    pub observed_by: String,
    pub at: DateTime<Utc>,
    pub by: UserId,
}

/// What a carer might do next, suggested from the concerns (domain.md §2.4 step 9, §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NextStep {
    /// Any concern: talk it through with the child's social worker.
    TalkToSocialWorker,
    /// A trafficking concern: mark the child "suspected trafficked" (999 first if missing).
    ProposeTraffickedFlag,
    /// A trafficking concern: an NRM referral or Duty to Notify through a first responder.
    ConsiderNrm,
    /// Exploitation concerns or repeat episodes: ask for a strategy discussion.
    StrategyDiscussion,
    /// Missing-risk concerns: record them in the profile and share the plan with police.
    UpdateProfileAndPlan,
    /// Push or pull factors: protective measures (interpreter, key worker, safety plan,
    /// agreed phone checks, ICTG).
    ProtectiveMeasures,
}

impl NextStep {
    pub fn message_id(self) -> &'static str {
        match self {
            NextStep::TalkToSocialWorker => "next-social-worker",
            NextStep::ProposeTraffickedFlag => "next-trafficked-flag",
            NextStep::ConsiderNrm => "next-nrm",
            NextStep::StrategyDiscussion => "next-strategy",
            NextStep::UpdateProfileAndPlan => "next-profile-plan",
            NextStep::ProtectiveMeasures => "next-protective",
        }
    }
}

/// What the assessment comes to: concerns by theme, what is not known, the next steps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentSummary {
    pub checklist: String,
    pub version: u32,
    pub started_at: DateTime<Utc>,
    pub started_by: UserId,
    /// The answer that stands per item.
    pub answers: BTreeMap<String, Answered>,
    /// Items answered "yes" or "unsure", grouped by theme in the checklist's order.
    pub concerns: Vec<(String, Vec<String>)>,
    /// Items answered "not known": things to find out.
    pub to_find_out: Vec<String>,
    /// Items not answered yet.
    pub unanswered: Vec<String>,
    pub next_steps: Vec<NextStep>,
    pub signed_off: Option<SignOff>,
    /// When the last thing was recorded.
    pub updated_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignOff {
    pub at: DateTime<Utc>,
    pub by: UserId,
    pub note: String,
}

/// What the home knows about the child besides the answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChildContext {
    pub suspected_trafficked: bool,
    /// Missing episodes recorded in Harbour.
    pub episodes: usize,
}

/// The assessment from its events, in the order recorded, against its definition. `None` if
/// the events do not start with `Started`.
pub fn summarise(
    def: &Definition,
    records: &[AssessmentRecord],
    child: ChildContext,
) -> Option<AssessmentSummary> {
    let first = records.first()?;
    let AssessmentEvent::Started { checklist, version } = &first.event else {
        return None;
    };
    let mut answers = BTreeMap::new();
    let mut signed_off = None;
    for r in &records[1..] {
        match &r.event {
            AssessmentEvent::Started { .. } => {}
            AssessmentEvent::Answered {
                item,
                answer,
                evidence,
                observed_by,
            } => {
                if def.item(item).is_some() {
                    answers.insert(
                        item.clone(),
                        Answered {
                            answer: *answer,
                            evidence: evidence.clone(),
                            observed_by: observed_by.clone(),
                            at: r.at,
                            by: r.by,
                        },
                    );
                }
            }
            AssessmentEvent::SignedOff { note } => {
                signed_off = Some(SignOff {
                    at: r.at,
                    by: r.by,
                    note: note.clone(),
                });
            }
        }
    }
    let concern = |i: &Item| answers.get(&i.id).is_some_and(|a| a.answer.is_concern());
    let concerns: Vec<(String, Vec<String>)> = def
        .themes()
        .into_iter()
        .filter_map(|theme| {
            let items: Vec<String> = def
                .items
                .iter()
                .filter(|i| i.theme == theme && concern(i))
                .map(|i| i.id.clone())
                .collect();
            (!items.is_empty()).then(|| (theme.to_owned(), items))
        })
        .collect();
    let with = |answer: Option<Answer>| -> Vec<String> {
        def.items
            .iter()
            .filter(|i| answers.get(&i.id).map(|a| a.answer) == answer)
            .map(|i| i.id.clone())
            .collect()
    };
    let to_find_out = with(Some(Answer::NotKnown));
    let unanswered = with(None);
    let next_steps = next_steps(&def.checklist, !concerns.is_empty(), child);
    Some(AssessmentSummary {
        checklist: checklist.clone(),
        version: *version,
        started_at: first.at,
        started_by: first.by,
        answers,
        concerns,
        to_find_out,
        unanswered,
        next_steps,
        signed_off,
        updated_at: records.last().map_or(first.at, |r| r.at),
    })
}

/// The suggested next steps: any concern → the social worker; trafficking → the flag (unless
/// set) and an NRM referral; exploitation → a strategy discussion; missing risk → the profile
/// and the plan shared with police; push and pull → protective measures. Repeat episodes
/// suggest a strategy discussion whatever the checklist (domain.md §2.4 step 9).
pub fn next_steps(checklist: &str, any_concern: bool, child: ChildContext) -> Vec<NextStep> {
    let mut out = Vec::new();
    if any_concern {
        out.push(NextStep::TalkToSocialWorker);
        match checklist {
            "trafficking" => {
                if !child.suspected_trafficked {
                    out.push(NextStep::ProposeTraffickedFlag);
                }
                out.push(NextStep::ConsiderNrm);
                out.push(NextStep::StrategyDiscussion);
            }
            // Sexual and criminal exploitation are often trafficking, within the UK too.
            "cse" | "cce" => {
                out.push(NextStep::ConsiderNrm);
                out.push(NextStep::StrategyDiscussion);
            }
            "missing" => out.push(NextStep::UpdateProfileAndPlan),
            "push-pull" => out.push(NextStep::ProtectiveMeasures),
            _ => {}
        }
    }
    if child.episodes >= 2 && !out.contains(&NextStep::StrategyDiscussion) {
        out.push(NextStep::StrategyDiscussion);
    }
    out
}

/// Why a new assessment is due.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum AssessmentDue {
    /// Never assessed against this checklist.
    Never,
    /// The child came back from a missing episode after the last assessment.
    AfterEpisode { returned_at: DateTime<Utc> },
    /// The last assessment is older than the home's interval.
    Stale { due_since: DateTime<Utc> },
}

/// Whether a new assessment is due: never done; the child came back from an episode since; or
/// `every_months` have passed since the last one started.
pub fn assessment_due(
    last: Option<DateTime<Utc>>,
    last_return: Option<DateTime<Utc>>,
    every_months: u32,
    now: DateTime<Utc>,
) -> Option<AssessmentDue> {
    let Some(last) = last else {
        return Some(AssessmentDue::Never);
    };
    if let Some(returned_at) = last_return.filter(|t| *t > last) {
        return Some(AssessmentDue::AfterEpisode { returned_at });
    }
    let due_since = last
        .checked_add_months(Months::new(every_months))
        .unwrap_or(last + Duration::days(i64::from(every_months) * 30));
    (now >= due_since).then_some(AssessmentDue::Stale { due_since })
}

/// The checklists in the order the app offers them.
pub const CHECKLISTS: [&str; 5] = ["trafficking", "missing", "cse", "cce", "push-pull"];

/// Which checklists apply to a child: all of them, and the push and pull factors only for
/// unaccompanied or suspected-trafficked children (domain.md §3.5).
pub fn applies(checklist: &str, child: &crate::ChildDetails) -> bool {
    checklist != "push-pull" || child.unaccompanied || child.suspected_trafficked
}

/// The checklists that apply to a child, in order.
pub fn applying(child: &crate::ChildDetails) -> impl Iterator<Item = &'static str> + '_ {
    CHECKLISTS.into_iter().filter(|c| applies(c, child))
}

/// One assessment as the screen shows it: the questions it was answered against (its own
/// version, whatever the newest is), and what it comes to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentView {
    pub id: crate::AssessmentId,
    pub child: crate::ChildId,
    pub definition: Definition,
    pub summary: AssessmentSummary,
    /// The names of everyone who recorded something in it.
    pub names: Vec<(UserId, String)>,
}

/// A checklist's state for one child: its assessments, newest first, and whether a new one is
/// due.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistStatus {
    pub checklist: String,
    pub assessments: Vec<AssessmentBrief>,
    pub due: Option<AssessmentDue>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentBrief {
    pub id: crate::AssessmentId,
    pub version: u32,
    pub started_at: DateTime<Utc>,
    pub concerns: usize,
    pub signed_off: bool,
}

/// One question's answers in two assessments of the same child, for "what changed".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    pub item: String,
    pub before: Option<Answer>,
    pub after: Option<Answer>,
}

impl Comparison {
    pub fn changed(&self) -> bool {
        self.before != self.after
    }
}

/// Every question of either assessment, in the newer definition's order then any the older one
/// alone asked, with the answer each gave.
pub fn compare(
    older: (&Definition, &AssessmentSummary),
    newer: (&Definition, &AssessmentSummary),
) -> Vec<Comparison> {
    let answer = |s: &AssessmentSummary, item: &str| s.answers.get(item).map(|a| a.answer);
    let mut out: Vec<Comparison> = newer
        .0
        .items
        .iter()
        .map(|i| Comparison {
            item: i.id.clone(),
            before: answer(older.1, &i.id),
            after: answer(newer.1, &i.id),
        })
        .collect();
    for i in &older.0.items {
        if newer.0.item(&i.id).is_none() {
            out.push(Comparison {
                item: i.id.clone(),
                before: answer(older.1, &i.id),
                after: None,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use uuid::Uuid;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
    }

    fn user() -> UserId {
        UserId::from_uuid(Uuid::from_u128(9))
    }

    fn def() -> Definition {
        let item = |id: &str, theme: &str| Item {
            id: id.into(),
            theme: theme.into(),
            sources: Vec::new(),
        };
        Definition {
            checklist: "trafficking".into(),
            version: 1,
            sources: [(
                "a".to_owned(),
                Source {
                    title: "A source".into(),
                    url: None,
                },
            )]
            .into_iter()
            .collect(),
            items: vec![
                item("arrived-alone", "journey"),
                item("documents", "control"),
                item("debt", "control"),
                item("hidden", "hidden"),
            ],
        }
    }

    fn record(n: u128, hour: u32, event: AssessmentEvent) -> AssessmentRecord {
        AssessmentRecord {
            id: EventId::from_uuid(Uuid::from_u128(n)),
            at: at(20, hour),
            by: user(),
            event,
        }
    }

    fn answered(n: u128, hour: u32, item: &str, answer: Answer) -> AssessmentRecord {
        record(
            n,
            hour,
            AssessmentEvent::Answered {
                item: item.into(),
                answer,
                evidence: String::new(),
                observed_by: String::new(),
            },
        )
    }

    fn started() -> AssessmentRecord {
        record(
            1,
            9,
            AssessmentEvent::Started {
                checklist: "trafficking".into(),
                version: 1,
            },
        )
    }

    #[test]
    fn concerns_are_grouped_by_theme_and_the_latest_answer_stands() {
        let records = vec![
            started(),
            answered(2, 10, "debt", Answer::Yes),
            answered(3, 10, "arrived-alone", Answer::No),
            answered(4, 11, "documents", Answer::Unsure),
            answered(5, 11, "hidden", Answer::Yes),
            // Changed their mind: the earlier "yes" stays in the record, "no" stands.
            answered(6, 12, "hidden", Answer::No),
            answered(7, 12, "not-an-item", Answer::Yes),
        ];
        let s = summarise(&def(), &records, ChildContext::default()).unwrap();
        assert_eq!(
            s.concerns,
            [(
                "control".to_owned(),
                vec!["documents".to_owned(), "debt".to_owned()]
            )]
        );
        assert_eq!(s.answers["hidden"].answer, Answer::No);
        assert!(s.unanswered.is_empty());
        assert!(!s.answers.contains_key("not-an-item"));
        assert_eq!(s.updated_at, at(20, 12));
        assert_eq!(
            s.next_steps,
            [
                NextStep::TalkToSocialWorker,
                NextStep::ProposeTraffickedFlag,
                NextStep::ConsiderNrm,
                NextStep::StrategyDiscussion
            ]
        );
    }

    #[test]
    fn no_concern_suggests_nothing_unless_episodes_repeat() {
        let records = vec![started(), answered(2, 10, "debt", Answer::NotKnown)];
        let s = summarise(&def(), &records, ChildContext::default()).unwrap();
        assert!(s.concerns.is_empty());
        assert_eq!(s.to_find_out, ["debt"]);
        assert_eq!(s.unanswered, ["arrived-alone", "documents", "hidden"]);
        assert!(s.next_steps.is_empty());
        let repeat = ChildContext {
            episodes: 2,
            ..Default::default()
        };
        let s = summarise(&def(), &records, repeat).unwrap();
        assert_eq!(s.next_steps, [NextStep::StrategyDiscussion]);
    }

    #[test]
    fn a_child_already_flagged_is_not_proposed_the_flag_again() {
        let flagged = ChildContext {
            suspected_trafficked: true,
            episodes: 0,
        };
        let steps = next_steps("trafficking", true, flagged);
        assert!(!steps.contains(&NextStep::ProposeTraffickedFlag));
        assert!(steps.contains(&NextStep::ConsiderNrm));
        // Sexual and criminal exploitation are often trafficking: an NRM referral too.
        assert_eq!(
            next_steps("cse", true, flagged),
            [
                NextStep::TalkToSocialWorker,
                NextStep::ConsiderNrm,
                NextStep::StrategyDiscussion
            ]
        );
        assert_eq!(
            next_steps("push-pull", true, flagged),
            [NextStep::TalkToSocialWorker, NextStep::ProtectiveMeasures]
        );
    }

    #[test]
    fn events_that_do_not_start_an_assessment_summarise_to_nothing() {
        assert_eq!(summarise(&def(), &[], ChildContext::default()), None);
        let records = vec![answered(2, 10, "debt", Answer::Yes)];
        assert_eq!(summarise(&def(), &records, ChildContext::default()), None);
    }

    #[test]
    fn sign_off_is_recorded_with_who_and_when() {
        let records = vec![
            started(),
            record(
                2,
                15,
                AssessmentEvent::SignedOff {
                    note: "Discussed with SW".into(),
                },
            ),
        ];
        let s = summarise(&def(), &records, ChildContext::default()).unwrap();
        let signed = s.signed_off.unwrap();
        assert_eq!(
            (signed.at, signed.note.as_str()),
            (at(20, 15), "Discussed with SW")
        );
    }

    #[test]
    fn assessments_fall_due_never_done_after_an_episode_and_after_three_months() {
        let now = at(25, 9);
        assert_eq!(
            assessment_due(None, None, 3, now),
            Some(AssessmentDue::Never)
        );
        let last = at(1, 9);
        assert_eq!(assessment_due(Some(last), None, 3, now), None);
        assert_eq!(
            assessment_due(Some(last), Some(at(20, 8)), 3, now),
            Some(AssessmentDue::AfterEpisode {
                returned_at: at(20, 8)
            })
        );
        // A return before the assessment does not count.
        assert_eq!(assessment_due(Some(last), Some(at(1, 8)), 3, now), None);
        let later = Utc.with_ymd_and_hms(2027, 2, 1, 9, 0, 0).unwrap();
        assert_eq!(
            assessment_due(Some(last), None, 3, later),
            Some(AssessmentDue::Stale { due_since: later })
        );
        let just_before = later - Duration::minutes(1);
        assert_eq!(assessment_due(Some(last), None, 3, just_before), None);
        assert_eq!(
            assessment_due(Some(last), None, 1, at(25, 9) + Duration::days(7)),
            Some(AssessmentDue::Stale {
                due_since: Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()
            })
        );
    }

    #[test]
    fn two_assessments_compare_question_by_question() {
        let older = summarise(
            &def(),
            &[started(), answered(2, 10, "debt", Answer::NotKnown)],
            ChildContext::default(),
        )
        .unwrap();
        let mut newer_def = def();
        newer_def.version = 2;
        newer_def.items.retain(|i| i.id != "hidden");
        newer_def.items.push(Item {
            id: "new-question".into(),
            theme: "control".into(),
            sources: Vec::new(),
        });
        let newer = summarise(
            &newer_def,
            &[started(), answered(2, 10, "debt", Answer::Yes)],
            ChildContext::default(),
        )
        .unwrap();
        let rows = compare((&def(), &older), (&newer_def, &newer));
        let ids: Vec<_> = rows.iter().map(|r| r.item.as_str()).collect();
        assert_eq!(
            ids,
            [
                "arrived-alone",
                "documents",
                "debt",
                "new-question",
                "hidden"
            ]
        );
        let debt = &rows[2];
        assert!(debt.changed());
        assert_eq!(
            (debt.before, debt.after),
            (Some(Answer::NotKnown), Some(Answer::Yes))
        );
        assert!(!rows[0].changed());
    }

    #[test]
    fn a_definition_reports_its_own_problems() {
        assert!(def().problems().is_empty());
        let mut bad = def();
        bad.items[1].id = "arrived-alone".into();
        bad.items[2].sources = vec!["nowhere".into()];
        bad.sources.clear();
        let problems = bad.problems().join("\n");
        assert!(problems.contains("item arrived-alone twice"), "{problems}");
        assert!(problems.contains("unknown source nowhere"), "{problems}");
        assert!(problems.contains("hidden has no source"), "{problems}");
    }
}
