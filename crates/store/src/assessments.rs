//! Risk checklist assessments: the checklist definitions (versioned data files embedded at
//! compile time) and each child's assessments, recorded as insert-only events.

use std::sync::OnceLock;

use harbour_core::checklists::{
    self, applying, assessment_due, Answer, AssessmentBrief, AssessmentEvent, AssessmentRecord,
    AssessmentView, ChecklistStatus, ChildContext, Definition, MAX_EVIDENCE_CHARS,
    MAX_OBSERVED_BY_CHARS,
};
use harbour_core::ops::OpBody;
use harbour_core::{Action, AssessmentId, ChildId, EventId, Field, FieldError, FieldProblem};
use uuid::Uuid;

use crate::error::StoreError;
use crate::store::{parse_id, Store};

/// Every version of every checklist, as shipped. Never edit a released file: add the next
/// version beside it.
const FILES: &[(&str, &str)] = &[
    (
        "trafficking-v1.toml",
        include_str!("../../../checklists/trafficking-v1.toml"),
    ),
    (
        "cse-v1.toml",
        include_str!("../../../checklists/cse-v1.toml"),
    ),
    (
        "cce-v1.toml",
        include_str!("../../../checklists/cce-v1.toml"),
    ),
    (
        "missing-v1.toml",
        include_str!("../../../checklists/missing-v1.toml"),
    ),
    (
        "push-pull-v1.toml",
        include_str!("../../../checklists/push-pull-v1.toml"),
    ),
    (
        "trafficking-v2.toml",
        include_str!("../../../checklists/trafficking-v2.toml"),
    ),
    (
        "missing-v2.toml",
        include_str!("../../../checklists/missing-v2.toml"),
    ),
];

/// Parses one definition file; the error names the file and the problem.
pub fn parse_definition(name: &str, text: &str) -> Result<Definition, String> {
    let def: Definition = toml::from_str(text).map_err(|e| format!("{name}: {e}"))?;
    let problems = def.problems();
    if problems.is_empty() {
        Ok(def)
    } else {
        Err(format!("{name}: {}", problems.join("; ")))
    }
}

/// Every shipped definition. The files are part of the build and tested, so a broken one is a
/// bug caught before release; here it is left out rather than stopping the app.
pub fn definitions() -> &'static [Definition] {
    static DEFS: OnceLock<Vec<Definition>> = OnceLock::new();
    DEFS.get_or_init(|| {
        let mut defs: Vec<Definition> = FILES
            .iter()
            .filter_map(|(name, text)| parse_definition(name, text).ok())
            .collect();
        defs.extend(tests::next_versions());
        defs
    })
}

pub fn shipped_files() -> &'static [(&'static str, &'static str)] {
    FILES
}

pub fn definition(checklist: &str, version: u32) -> Option<&'static Definition> {
    definitions()
        .iter()
        .find(|d| d.checklist == checklist && d.version == version)
}

/// The newest version of a checklist.
pub fn latest(checklist: &str) -> Option<&'static Definition> {
    definitions()
        .iter()
        .filter(|d| d.checklist == checklist)
        .max_by_key(|d| d.version)
}

impl Store {
    fn assessment_records(
        &self,
        assessment: AssessmentId,
    ) -> Result<(ChildId, Vec<AssessmentRecord>), StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT child, record FROM assessment_events WHERE assessment = ?1 ORDER BY at, id",
        )?;
        let rows = stmt.query_map([assessment.to_string()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut child = None;
        let mut records = Vec::new();
        for row in rows {
            let (c, record) = row?;
            child = Some(ChildId::from_uuid(parse_id(&c)?));
            records.push(
                serde_json::from_str(&record).map_err(|_| StoreError::Corrupt("assessment"))?,
            );
        }
        Ok((child.ok_or(StoreError::NotFound)?, records))
    }

    fn child_context(&self, child: ChildId) -> Result<ChildContext, StoreError> {
        let c = self.child(child)?;
        let episodes: i64 = self.conn.query_row(
            "SELECT count(*) FROM missing_episodes WHERE child_id = ?1",
            [child.to_string()],
            |r| r.get(0),
        )?;
        Ok(ChildContext {
            suspected_trafficked: c.details.suspected_trafficked,
            episodes: usize::try_from(episodes).unwrap_or(0),
        })
    }

    /// One assessment with its definition and what it comes to.
    pub fn assessment(&self, assessment: AssessmentId) -> Result<AssessmentView, StoreError> {
        self.require(Action::ViewChildren)?;
        let (child, records) = self.assessment_records(assessment)?;
        self.see_child(child)?;
        let Some(AssessmentEvent::Started { checklist, version }) =
            records.first().map(|r| &r.event)
        else {
            return Err(StoreError::Corrupt("assessment"));
        };
        let definition =
            definition(checklist, *version).ok_or(StoreError::Corrupt("checklist version"))?;
        let summary = checklists::summarise(definition, &records, self.child_context(child)?)
            .ok_or(StoreError::Corrupt("assessment"))?;
        let mut names = self.user_names()?;
        names.retain(|(id, _)| records.iter().any(|r| r.by == *id));
        Ok(AssessmentView {
            id: assessment,
            child,
            definition: definition.clone(),
            summary,
            names,
        })
    }

    fn add_assessment_event(
        &mut self,
        assessment: AssessmentId,
        child: ChildId,
        event: AssessmentEvent,
    ) -> Result<AssessmentView, StoreError> {
        let record = AssessmentRecord {
            id: EventId::from_uuid(Uuid::now_v7()),
            at: self.now(),
            by: self.session().user,
            event,
        };
        self.write(&[OpBody::AssessmentEventAdded {
            assessment,
            child,
            record,
        }])?;
        self.assessment(assessment)
    }

    /// Starts an assessment of the child against the newest version of a checklist.
    pub fn start_assessment(
        &mut self,
        child: ChildId,
        checklist: &str,
    ) -> Result<AssessmentView, StoreError> {
        self.require(Action::EditChildren)?;
        self.child(child)?;
        let def = latest(checklist).ok_or(StoreError::NotFound)?;
        let id = AssessmentId::from_uuid(Uuid::now_v7());
        self.add_assessment_event(
            id,
            child,
            AssessmentEvent::Started {
                checklist: def.checklist.clone(),
                version: def.version,
            },
        )
    }

    /// Records an answer (a new answer to the same question stands over the old one, which
    /// stays on record). Every problem at once; nothing is written then. A signed-off
    /// assessment takes no more answers: start a new one.
    pub fn answer(
        &mut self,
        assessment: AssessmentId,
        item: &str,
        answer: Answer,
        evidence: &str,
        observed_by: &str,
    ) -> Result<AssessmentView, StoreError> {
        self.require(Action::EditChildren)?;
        let view = self.assessment(assessment)?;
        if view.definition.item(item).is_none() {
            return Err(StoreError::NotFound);
        }
        let mut errors = Vec::new();
        if view.summary.signed_off.is_some() {
            errors.push(FieldError::new(Field::Assessment, FieldProblem::Closed));
        }
        let evidence = evidence.trim();
        if evidence.chars().count() > MAX_EVIDENCE_CHARS {
            errors.push(FieldError::new(Field::Evidence, FieldProblem::TooLong));
        }
        let observed_by = observed_by.trim();
        if observed_by.chars().count() > MAX_OBSERVED_BY_CHARS {
            errors.push(FieldError::new(Field::ObservedBy, FieldProblem::TooLong));
        }
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        self.add_assessment_event(
            assessment,
            view.child,
            AssessmentEvent::Answered {
                item: item.to_owned(),
                answer,
                evidence: evidence.to_owned(),
                observed_by: observed_by.to_owned(),
            },
        )
    }

    /// A manager signs the assessment off, with an optional note.
    pub fn sign_off_assessment(
        &mut self,
        assessment: AssessmentId,
        note: &str,
    ) -> Result<AssessmentView, StoreError> {
        self.require(Action::SignOffAssessments)?;
        let view = self.assessment(assessment)?;
        let note = note.trim();
        let mut errors = Vec::new();
        if view.summary.signed_off.is_some() {
            errors.push(FieldError::new(
                Field::Assessment,
                FieldProblem::AlreadyDone,
            ));
        }
        if note.chars().count() > MAX_EVIDENCE_CHARS {
            errors.push(FieldError::new(Field::Evidence, FieldProblem::TooLong));
        }
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        self.add_assessment_event(
            assessment,
            view.child,
            AssessmentEvent::SignedOff {
                note: note.to_owned(),
            },
        )
    }

    /// Each checklist that applies to the child: its assessments, newest first, and whether a
    /// new one is due (never done, an episode since, or older than the home's interval).
    pub fn checklist_statuses(&self, child: ChildId) -> Result<Vec<ChecklistStatus>, StoreError> {
        self.require(Action::ViewChildren)?;
        let c = self.child(child)?;
        let ids: Vec<String> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT assessment FROM assessment_events WHERE child = ?1 AND kind = 'started' \
                 ORDER BY at DESC, id DESC",
            )?;
            let rows = stmt.query_map([child.to_string()], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut views = Vec::with_capacity(ids.len());
        for id in &ids {
            views.push(self.assessment(AssessmentId::from_uuid(parse_id(id)?))?);
        }
        let last_return = self
            .child_episodes(child)?
            .iter()
            .filter_map(harbour_core::api::EpisodeView::returned_at)
            .max();
        let every = self.organisation_for(child)?.assessment_every_months;
        let now = self.now();
        Ok(applying(&c.details)
            .map(|cl| {
                let mine: Vec<&AssessmentView> = views
                    .iter()
                    .filter(|v| v.definition.checklist == *cl)
                    .collect();
                let last = mine.first().map(|v| v.summary.started_at);
                ChecklistStatus {
                    checklist: (*cl).to_owned(),
                    assessments: mine
                        .iter()
                        .map(|v| AssessmentBrief {
                            id: v.id,
                            version: v.definition.version,
                            started_at: v.summary.started_at,
                            concerns: v.summary.concerns.iter().map(|(_, i)| i.len()).sum(),
                            signed_off: v.summary.signed_off.is_some(),
                        })
                        .collect(),
                    due: assessment_due(last, last_return, every, now),
                }
            })
            .collect())
    }
}

impl Store {
    /// Marks the child "suspected trafficked" (proposed by a trafficking concern): from then on
    /// a missing report puts 999 first. The rest of the child's details stay as they are.
    pub fn mark_suspected_trafficked(
        &mut self,
        child: ChildId,
    ) -> Result<harbour_core::Child, StoreError> {
        self.require(Action::EditChildren)?;
        if !self.child(child)?.details.suspected_trafficked {
            let now = self.now();
            self.write(&[OpBody::ChildFlagSet {
                child,
                flag: harbour_core::child::EscalationFlag::SuspectedTrafficked,
                set: true,
                reason: String::new(),
                at: now,
                by: self.session.user,
            }])?;
        }
        self.child(child)
    }
}

#[cfg(not(test))]
mod tests {
    /// Only the tests add versions (to show old assessments keep theirs).
    pub(super) fn next_versions() -> Vec<super::Definition> {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The version after the newest shipped missing-risk checklist, for the tests only: one
    /// question dropped, one added (as a real revision would, with a new id).
    pub(super) fn next_versions() -> Vec<Definition> {
        let mut next = FILES
            .iter()
            .filter_map(|(name, text)| parse_definition(name, text).ok())
            .filter(|d| d.checklist == "missing")
            .max_by_key(|d| d.version)
            .unwrap();
        next.version += 1;
        next.items.retain(|i| i.id != "weather");
        next.items.push(harbour_core::checklists::Item {
            id: "test-only-new-question".into(),
            theme: "other".into(),
            sources: Vec::new(),
        });
        vec![next]
    }

    #[test]
    fn an_old_assessment_keeps_the_questions_it_was_answered_against() {
        let (_dir, _clock, mut store, child) = with_child();
        // Written as a version-1 assessment would have been, before version 2 existed.
        let old = AssessmentId::from_uuid(Uuid::now_v7());
        store
            .add_assessment_event(
                old,
                child,
                AssessmentEvent::Started {
                    checklist: "missing".into(),
                    version: 1,
                },
            )
            .unwrap();
        store
            .answer(old, "weather", Answer::Yes, "Sleeping out", "")
            .unwrap();
        let new = store.start_assessment(child, "missing").unwrap();
        assert_eq!(
            new.definition.version, 3,
            "a new one uses the newest version"
        );
        assert!(new.definition.item("newly-placed").is_some());
        assert!(new.definition.item("weather").is_none());
        assert!(matches!(
            store.answer(new.id, "weather", Answer::Yes, "", ""),
            Err(StoreError::NotFound)
        ));
        let old = store.assessment(old).unwrap();
        assert_eq!(old.definition.version, 1);
        assert!(old.definition.item("weather").is_some());
        assert!(old.definition.item("test-only-new-question").is_none());
        assert!(old.definition.item("newly-placed").is_none());
        assert_eq!(old.summary.answers["weather"].evidence, "Sleeping out");
        assert_eq!(
            old.summary.concerns,
            [("vulnerability".to_owned(), vec!["weather".to_owned()])]
        );
    }
    use crate::testing;
    use chrono::{Duration, TimeZone, Utc};
    use harbour_core::checklists::{AssessmentDue, NextStep};
    use harbour_core::episode::EpisodeEvent;
    use harbour_core::{ChildInput, Clock, FixedClock};
    use std::sync::Arc;

    /// A store on disk at 09:00 on 20 November 2026 with one child, not flagged.
    fn with_child() -> (tempfile::TempDir, Arc<FixedClock>, Store, ChildId) {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(FixedClock::at(
            Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap(),
        ));
        let mut store = testing::create(dir.path(), clock.clone());
        let child = store
            .add_child(
                &ChildInput {
                    name_latin: "Sample Dawit".into(),
                    date_of_birth: "2010-02-03".into(),
                    ..Default::default()
                },
                None,
            )
            .unwrap();
        (dir, clock, store, child.id)
    }

    #[test]
    fn every_shipped_checklist_parses_and_every_item_has_a_source() {
        let shipped = definitions().len() - next_versions().len();
        assert_eq!(shipped, shipped_files().len(), "none left out");
        for (name, text) in shipped_files() {
            let def = parse_definition(name, text).unwrap();
            assert!(name.starts_with(&def.checklist), "{name}");
            assert!(name.ends_with(&format!("-v{}.toml", def.version)), "{name}");
            for item in &def.items {
                assert!(!def.sources_of(item).is_empty(), "{name}: {}", item.id);
            }
        }
        for cl in harbour_core::checklists::CHECKLISTS {
            assert!(latest(cl).is_some(), "{cl} has no definition");
        }
        // A broken file is reported with its name, not half-read.
        let err = parse_definition("x-v1.toml", "checklist = \"x\"\nversion = 1\nitems = []")
            .unwrap_err();
        assert!(err.starts_with("x-v1.toml"), "{err}");
        let err = parse_definition("y-v1.toml", "checklist = ").unwrap_err();
        assert!(err.starts_with("y-v1.toml"), "{err}");
    }

    #[test]
    fn every_question_theme_answer_and_next_step_has_its_words() {
        let en = harbour_i18n::Localizer::new(harbour_i18n::SOURCE_TAG);
        let mut n = 0;
        for (name, text) in shipped_files() {
            let def = parse_definition(name, text).unwrap();
            assert!(en.has_message(&def.title_id()), "{}", def.title_id());
            for theme in def.themes() {
                assert!(
                    en.has_message(&format!("cl-theme-{theme}")),
                    "theme {theme}"
                );
            }
            for item in &def.items {
                assert!(
                    en.has_message(&def.prompt_id(&item.id)),
                    "{}",
                    def.prompt_id(&item.id)
                );
                assert!(
                    en.has_message(&def.why_id(&item.id)),
                    "{}",
                    def.why_id(&item.id)
                );
                n += 1;
            }
        }
        assert!(n >= 45, "only {n} questions");
        for a in Answer::ALL {
            assert!(en.has_message(a.message_id()), "{a:?}");
        }
        for step in [
            NextStep::TalkToSocialWorker,
            NextStep::ProposeTraffickedFlag,
            NextStep::ConsiderNrm,
            NextStep::StrategyDiscussion,
            NextStep::UpdateProfileAndPlan,
            NextStep::ProtectiveMeasures,
        ] {
            assert!(en.has_message(step.message_id()), "{step:?}");
        }
    }

    #[test]
    fn a_trafficking_concern_proposes_the_flag_and_the_flag_puts_999_first() {
        let (_dir, clock, mut store, child) = with_child();
        let v = store.start_assessment(child, "trafficking").unwrap();
        assert_eq!(v.definition.checklist, "trafficking");
        assert_eq!(v.summary.unanswered.len(), v.definition.items.len());
        clock.advance(Duration::minutes(2));
        let v = store
            .answer(v.id, "debt", Answer::Yes, " Says he owes £3,000 ", "")
            .unwrap();
        assert_eq!(v.summary.answers["debt"].evidence, "Says he owes £3,000");
        assert_eq!(
            v.summary.concerns,
            [("control".to_owned(), vec!["debt".to_owned()])]
        );
        assert!(v
            .summary
            .next_steps
            .contains(&NextStep::ProposeTraffickedFlag));
        let c = store.mark_suspected_trafficked(child).unwrap();
        assert!(c.details.suspected_trafficked && c.details.escalate_when_missing());
        let v = store.assessment(v.id).unwrap();
        assert!(!v
            .summary
            .next_steps
            .contains(&NextStep::ProposeTraffickedFlag));
        // The missing flow now puts 999 first.
        let plan = harbour_core::plan_for(&store.child(child).unwrap().details, &[], 15);
        assert!(plan.escalated);
        // Marking twice writes nothing more.
        let before = store.ops().unwrap().len();
        store.mark_suspected_trafficked(child).unwrap();
        assert_eq!(store.ops().unwrap().len(), before);
        // When the flag was set is a dated fact, read from the log.
        let history = store.flag_history(child).unwrap();
        assert_eq!(history.len(), 1, "{history:?}");
        assert_eq!(
            (history[0].flag, history[0].set),
            (
                harbour_core::child::EscalationFlag::SuspectedTrafficked,
                true
            )
        );
        assert_eq!(history[0].at, store.now());
        assert_eq!(store.profile(child).unwrap().flag_history, history);
    }

    #[test]
    fn bad_answers_are_refused_whole_and_sign_off_is_for_managers() {
        let (dir, clock, mut store, child) = with_child();
        let v = store.start_assessment(child, "cse").unwrap();
        let before = store.ops().unwrap().len();
        let err = store
            .answer(
                v.id,
                "gifts",
                Answer::Yes,
                &"x".repeat(MAX_EVIDENCE_CHARS + 1),
                &"y".repeat(201),
            )
            .unwrap_err();
        let StoreError::Invalid(fields) = &err else {
            panic!("{err:?}")
        };
        let ids: Vec<_> = fields.iter().map(|f| f.message_id()).collect();
        assert_eq!(ids, ["error-text-too-long", "error-text-too-long"]);
        assert!(matches!(
            store.answer(v.id, "not-a-question", Answer::Yes, "", ""),
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            store.start_assessment(child, "horoscope"),
            Err(StoreError::NotFound)
        ));
        assert_eq!(store.ops().unwrap().len(), before, "nothing written");

        // A carer may answer but not sign off.
        crate::testing::add_carer(&mut store);
        drop(store);
        let data = crate::testing::data(dir.path());
        let mut carer = crate::testing::unlock_carer(dir.path(), clock.clone());
        carer
            .answer(v.id, "gifts", Answer::Unsure, "", "Night staff")
            .unwrap();
        assert!(matches!(
            carer.sign_off_assessment(v.id, ""),
            Err(StoreError::NotAllowed)
        ));
        drop(carer);
        let mut store = data.unlock(Some("Sam Admin"), testing::PIN, clock).unwrap();
        let signed = store
            .sign_off_assessment(v.id, "Discussed with SW")
            .unwrap();
        assert_eq!(signed.summary.signed_off.unwrap().note, "Discussed with SW");
        assert_eq!(signed.names.len(), 2, "the admin and the carer");
        let err = store.answer(v.id, "gifts", Answer::No, "", "").unwrap_err();
        assert_eq!(err.message_id(), "error-assessment-signed-off");
        let err = store.sign_off_assessment(v.id, "").unwrap_err();
        assert_eq!(err.message_id(), "error-assessment-already-signed");
    }

    #[test]
    fn checklists_fall_due_never_done_after_an_episode_and_after_the_interval() {
        let (dir, clock, mut store, child) = with_child();
        let statuses = store.checklist_statuses(child).unwrap();
        let ids: Vec<_> = statuses.iter().map(|s| s.checklist.as_str()).collect();
        assert_eq!(
            ids,
            ["trafficking", "missing", "cse", "cce"],
            "push-pull only for UASC/trafficked"
        );
        assert!(statuses.iter().all(|s| s.due == Some(AssessmentDue::Never)));

        let v = store.start_assessment(child, "missing").unwrap();
        let due = |store: &Store| {
            store
                .checklist_statuses(child)
                .unwrap()
                .into_iter()
                .find(|s| s.checklist == "missing")
                .unwrap()
        };
        let s = due(&store);
        assert_eq!(s.due, None);
        assert_eq!(s.assessments[0].id, v.id);

        // An episode: once the child is back, a new assessment is due.
        clock.advance(Duration::days(2));
        let ep = store.report_missing(child).unwrap().episode;
        clock.advance(Duration::hours(5));
        let found = EpisodeEvent::Found {
            found_at: clock.now(),
            found_by: "Police".into(),
            where_found: "Station".into(),
            how_returned: "Police".into(),
        };
        store.record_event(ep.id, &found).unwrap();
        assert!(matches!(
            due(&store).due,
            Some(AssessmentDue::AfterEpisode { .. })
        ));
        let flagged = store.mark_suspected_trafficked(child).unwrap();
        assert!(flagged.details.suspected_trafficked);
        assert_eq!(
            store.checklist_statuses(child).unwrap().len(),
            5,
            "push-pull now applies"
        );

        // A new one; then the home's interval (1 month here) passes.
        clock.advance(Duration::hours(1));
        store.start_assessment(child, "missing").unwrap();
        assert_eq!(due(&store).due, None);
        assert_eq!(due(&store).assessments.len(), 2, "newest first, both kept");
        let mut org = store.organisation().unwrap();
        org.assessment_every_months = 1;
        store.save_organisation(&org).unwrap();
        clock.advance(Duration::days(31));
        assert!(matches!(due(&store).due, Some(AssessmentDue::Stale { .. })));

        // Everything survives a restart and a rebuild from the log.
        let before = store.assessment(v.id).unwrap();
        drop(store);
        let mut store = testing::unlock(dir.path(), clock);
        store.rebuild().unwrap();
        assert_eq!(store.assessment(v.id).unwrap(), before);
    }
}
