//! The events of a missing episode: recorded insert-only, read back in order, summarised with
//! the core's rules.

use harbour_core::api::EpisodeView;
use harbour_core::ops::OpBody;
use harbour_core::workflow::{summarise, validate, validate_details, EpisodeEvent, EventRecord};
use harbour_core::{Action, EpisodeId, EventId};
use uuid::Uuid;

use crate::error::StoreError;
use crate::store::Store;

impl Store {
    /// Everything recorded in an episode, oldest first.
    pub fn episode_events(&self, episode: EpisodeId) -> Result<Vec<EventRecord>, StoreError> {
        self.require(Action::ViewChildren)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT record FROM episode_events WHERE episode = ?1 ORDER BY at, id",
        )?;
        let rows = stmt.query_map([episode.to_string()], |r| r.get::<_, String>(0))?;
        rows.map(|row| serde_json::from_str(&row?).map_err(|_| StoreError::Corrupt("event")))
            .collect()
    }

    /// The episode, its events and where it stands now.
    pub fn episode_view(&self, episode: EpisodeId) -> Result<EpisodeView, StoreError> {
        let ep = self.episode(episode)?;
        let events = self.episode_events(episode)?;
        let summary = summarise(&events, self.now());
        Ok(EpisodeView {
            episode: ep,
            events,
            summary,
        })
    }

    /// Writes to the audit chain that a child's grab sheet was printed or saved (the page
    /// holds the child's details in the clear).
    pub fn record_grab_sheet(
        &mut self,
        child: harbour_core::ChildId,
        saved: bool,
    ) -> Result<(), StoreError> {
        self.require(Action::ViewChildren)?;
        self.child(child)?;
        let event = if saved {
            crate::AuditEvent::GrabSheetSaved
        } else {
            crate::AuditEvent::GrabSheetPrinted
        };
        self.audit(event, &child.to_string())
    }

    /// How many ops the log holds: the sheet prints it as the profile's version, so two
    /// printouts can be told apart.
    pub fn version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM ops", [], |r| r.get(0))?)
    }

    /// Records something that happened, now, by the user who is signed in. Checked first against
    /// the episode as it stands (every problem at once); nothing recorded before is changed.
    pub fn record_event(
        &mut self,
        episode: EpisodeId,
        event: &EpisodeEvent,
    ) -> Result<EpisodeView, StoreError> {
        self.require(Action::RecordMissing)?;
        let view = self.episode_view(episode)?;
        let now = self.now();
        let event = match event {
            EpisodeEvent::Details { values } => EpisodeEvent::Details {
                values: validate_details(values, now).map_err(StoreError::InvalidProfile)?,
            },
            EpisodeEvent::UpdateCorrected { of, .. } => {
                // A correction points at a line of this episode's log, nothing else.
                let is_line = view
                    .events
                    .iter()
                    .any(|e| e.id == *of && matches!(e.event, EpisodeEvent::Update { .. }));
                if !is_line {
                    return Err(StoreError::NotFound);
                }
                event.clone()
            }
            other => other.clone(),
        };
        let event =
            validate(&event, &view.episode, &view.summary, now).map_err(StoreError::Invalid)?;
        let record = EventRecord {
            id: EventId::from_uuid(Uuid::now_v7()),
            at: now,
            by: self.session().user,
            event,
        };
        self.write(&[OpBody::EpisodeEventAdded { episode, record }])?;
        self.episode_view(episode)
    }
}

#[cfg(test)]
mod tests {
    use crate::testing;
    use chrono::{Duration, TimeZone, Utc};
    use harbour_core::workflow::{EpisodeEvent, InterviewOutcome, InterviewStatus, PoliceGrade};
    use harbour_core::{ChildInput, Clock, FixedClock};
    use std::sync::Arc;

    fn child() -> ChildInput {
        ChildInput {
            name_latin: "Sample Ruth".into(),
            date_of_birth: "2011-03-04".into(),
            suspected_trafficked: true,
            ..Default::default()
        }
    }

    /// A store on disk at 02:00 with Ruth reported missing.
    fn reported() -> (
        tempfile::TempDir,
        Arc<FixedClock>,
        crate::Store,
        harbour_core::Child,
        harbour_core::MissingEpisode,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(FixedClock::at(
            Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap(),
        ));
        let mut store = testing::create(dir.path(), clock.clone());
        let ruth = store.add_child(&child(), None).unwrap();
        let ep = store.report_missing(ruth.id).unwrap().episode;
        (dir, clock, store, ruth, ep)
    }

    #[test]
    fn an_episode_from_report_to_close_survives_a_restart_and_a_rebuild() {
        let (dir, clock, mut store, ruth, ep) = reported();

        clock.advance(Duration::minutes(4));
        let police = EpisodeEvent::PoliceReported {
            reference: " MP/2026/0042 ".into(),
            officer: "PC Sample".into(),
            grade: Some(PoliceGrade::High),
        };
        let view = store.record_event(ep.id, &police).unwrap();
        let report = view.summary.police.clone().unwrap();
        assert_eq!(report.reference, "MP/2026/0042", "trimmed");
        assert_eq!(report.at, clock.now());

        // Closing before the child is back is refused, and nothing is written.
        let before = store.ops().unwrap().len();
        let err = store
            .record_event(ep.id, &EpisodeEvent::Closed)
            .unwrap_err();
        assert_eq!(err.message_id(), "error-not-back-yet");
        assert_eq!(store.ops().unwrap().len(), before);

        clock.advance(Duration::hours(5));
        let found = EpisodeEvent::Found {
            found_at: clock.now() - Duration::minutes(30),
            found_by: "Police".into(),
            where_found: "Coach station".into(),
            how_returned: "Brought back by police".into(),
        };
        let view = store.record_event(ep.id, &found).unwrap();
        let due = clock.now() - Duration::minutes(30) + Duration::hours(72);
        assert_eq!(
            view.summary.interview,
            Some(InterviewStatus::Due { by: due })
        );
        clock.advance(Duration::hours(73));
        assert!(matches!(
            store.episode_view(ep.id).unwrap().summary.interview,
            Some(InterviewStatus::Overdue { .. })
        ));
        store
            .record_event(
                ep.id,
                &EpisodeEvent::ReturnInterview {
                    outcome: InterviewOutcome::Done,
                },
            )
            .unwrap();
        let view = store.record_event(ep.id, &EpisodeEvent::Closed).unwrap();
        assert_eq!(view.summary.closed_at, Some(clock.now()));
        assert_eq!(view.episode.closed_at, Some(clock.now()));
        assert!(store.open_episodes().unwrap().is_empty());
        assert_eq!(view.events.len(), 4);
        let late = EpisodeEvent::Update {
            text: "too late".into(),
        };
        assert_eq!(
            store.record_event(ep.id, &late).unwrap_err().message_id(),
            "error-episode-closed"
        );

        drop(store);
        let mut store = testing::unlock(dir.path(), clock.clone());
        let again = store.episode_view(ep.id).unwrap();
        assert_eq!(again, view);
        store.rebuild().unwrap();
        assert_eq!(store.episode_view(ep.id).unwrap(), view);
        // A child whose episode is closed can be reported missing again: a new episode.
        let next = store.report_missing(ruth.id).unwrap();
        assert!(!next.already_open);
        assert_ne!(next.episode.id, ep.id);
    }

    #[test]
    fn a_log_line_is_corrected_by_a_new_event_and_the_first_wording_is_kept() {
        let (dir, clock, mut store, _ruth, ep) = reported();
        let update = |t: &str| EpisodeEvent::Update { text: t.into() };
        store
            .record_event(ep.id, &update("Seen at the bus stop"))
            .unwrap();
        clock.advance(Duration::minutes(3));
        let view = store
            .record_event(ep.id, &update("Seen near the coach station by Sam"))
            .unwrap();
        let wrong = view.updates()[1].id;

        // A correction needs words, and a line of this episode's log to point at.
        let fix = |of, t: &str| EpisodeEvent::UpdateCorrected { of, text: t.into() };
        let before = store.ops().unwrap().len();
        let err = store.record_event(ep.id, &fix(wrong, "  ")).unwrap_err();
        assert_eq!(err.message_id(), "error-update-required");
        let police = EpisodeEvent::PoliceReported {
            reference: "MP/1".into(),
            officer: String::new(),
            grade: None,
        };
        let with_police = store.record_event(ep.id, &police).unwrap();
        let police_id = with_police.events.last().unwrap().id;
        for of in [
            police_id,
            harbour_core::EventId::from_uuid(uuid::Uuid::now_v7()),
        ] {
            let err = store.record_event(ep.id, &fix(of, "x")).unwrap_err();
            assert_eq!(err.message_id(), "error-not-found");
        }
        assert_eq!(
            store.ops().unwrap().len(),
            before + 1,
            "only the police report"
        );

        clock.advance(Duration::minutes(10));
        let view = store
            .record_event(ep.id, &fix(wrong, "Seen near the coach station by Alex"))
            .unwrap();
        let lines = view.updates();
        assert_eq!(lines.len(), 2, "a correction is not a new line");
        assert_eq!(lines[1].text, "Seen near the coach station by Alex");
        assert_eq!(lines[1].was, ["Seen near the coach station by Sam"]);
        assert_eq!(lines[1].corrected_at, Some(clock.now()));
        assert_eq!(lines[0].was, Vec::<String>::new());
        // Both wordings stay in the record, through a restart and a rebuild.
        drop(store);
        let mut store = testing::unlock(dir.path(), clock);
        store.rebuild().unwrap();
        assert_eq!(store.episode_view(ep.id).unwrap().updates(), lines);
    }

    #[test]
    fn part_two_details_are_checked_by_key_and_the_latest_stand() {
        use serde_json::json;
        let (_dir, clock, mut store, _ruth, ep) = reported();
        let details = |v: serde_json::Value| EpisodeEvent::Details {
            values: serde_json::from_value(v).unwrap(),
        };
        let before = store.ops().unwrap().len();
        let err = store
            .record_event(
                ep.id,
                &details(json!({"took_cash": "some", "mood": "calm"})),
            )
            .unwrap_err();
        let crate::StoreError::InvalidProfile(problems) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(problems[0].key, "took_cash");
        assert_eq!(store.ops().unwrap().len(), before, "nothing written");

        let view = store
            .record_event(
                ep.id,
                &details(json!({"clothing_upper": "  Red hoodie ", "took_phone": true})),
            )
            .unwrap();
        let (values, at) = view.summary.details.clone().unwrap();
        assert_eq!(values["clothing_upper"], json!("Red hoodie"));
        assert_eq!(at, clock.now());
        let view = store
            .record_event(
                ep.id,
                &EpisodeEvent::CheckDone {
                    check: "Rang her mobile".into(),
                },
            )
            .unwrap();
        assert_eq!(view.summary.checks.len(), 1);
    }
}
