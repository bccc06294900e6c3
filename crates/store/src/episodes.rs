//! The events of a missing episode: recorded insert-only, read back in order, summarised with
//! the core's rules.

use harbour_core::api::{EpisodeView, InterviewOutstanding};
use harbour_core::episode::{
    summarise, validate, validate_details, EpisodeEvent, EventRecord, InterviewTiming,
};
use harbour_core::ops::OpBody;
use harbour_core::{Action, EpisodeId, EventId};
use uuid::Uuid;

use crate::error::StoreError;
use crate::store::Store;

/// Where a grab sheet went, for the audit chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetOut {
    /// To the printer, or the web page's print dialog.
    Printed,
    /// Into the PDF viewer, from the private folder that empties when Harbour locks.
    Opened,
    /// Into a file where someone chose.
    Saved,
}

impl Store {
    /// Everything recorded in an episode, oldest first.
    pub fn episode_events(&self, episode: EpisodeId) -> Result<Vec<EventRecord>, StoreError> {
        self.episode(episode)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT record FROM episode_events WHERE episode = ?1 ORDER BY at, id",
        )?;
        let rows = stmt.query_map([episode.to_string()], |r| r.get::<_, String>(0))?;
        rows.map(|row| serde_json::from_str(&row?).map_err(|_| StoreError::Corrupt("event")))
            .collect()
    }

    /// The episode, its events and where it stands now.
    pub fn episode_view(&self, episode: EpisodeId) -> Result<EpisodeView, StoreError> {
        let child = self.episode(episode)?.child_id;
        let timing = self.organisation_for(child)?.interview_timing();
        self.episode_view_with(episode, &timing)
    }

    fn episode_view_with(
        &self,
        episode: EpisodeId,
        timing: &InterviewTiming,
    ) -> Result<EpisodeView, StoreError> {
        let ep = self.episode(episode)?;
        let events = self.episode_events(episode)?;
        let summary = summarise(&events, self.now(), timing);
        let by: std::collections::BTreeSet<_> = events.iter().map(|e| e.by).collect();
        let names = self
            .user_names()?
            .into_iter()
            .filter(|(id, _)| by.contains(id))
            .collect();
        Ok(EpisodeView {
            needs_checking: self.needs_checking(&episode.to_string())?,
            episode: ep,
            events,
            summary,
            names,
        })
    }

    /// Every return interview still to happen, open episode or closed, with its child, the most
    /// pressing first: closing the missing part never takes an interview off the list.
    pub fn interviews_outstanding(
        &self,
    ) -> Result<Vec<(harbour_core::ChildId, InterviewOutstanding)>, StoreError> {
        self.require(Action::ViewChildren)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT DISTINCT e.episode FROM episode_events e \
             JOIN missing_episodes m ON m.id = e.episode \
             WHERE e.kind = 'found' AND {} ORDER BY e.episode",
            self.episode_seen()
        ))?;
        let ids = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .map(|id| {
                id?.parse::<EpisodeId>()
                    .map_err(|_| StoreError::Corrupt("episode id"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut out = Vec::new();
        for id in ids {
            // Each in its own team's timing.
            let view = self.episode_view(id)?;
            if let Some(i) = InterviewOutstanding::of(&view) {
                out.push((view.episode.child_id, i));
            }
        }
        out.sort_by_key(|(_, i)| i.due());
        Ok(out)
    }

    /// The steps screen of `episode` is in front: if the episode is open, the app waits the
    /// home's longer time before it locks (never shorter than `ordinary` minutes), and the audit
    /// chain says so. `None` for a closed episode: the ordinary time stands.
    pub fn lock_during_episode(
        &mut self,
        episode: EpisodeId,
        ordinary: u32,
    ) -> Result<Option<u32>, StoreError> {
        self.require(Action::ViewChildren)?;
        let ep = self.episode(episode)?;
        if !ep.is_open() {
            return Ok(None);
        }
        let minutes = self
            .organisation_for(ep.child_id)?
            .lock_minutes_during_episode(ordinary);
        self.audit(crate::AuditEvent::LockExtended, &episode.to_string())?;
        Ok(Some(minutes))
    }

    /// Writes to the audit chain that a child's grab sheet was printed, opened or saved (the
    /// page holds the child's details in the clear).
    pub fn record_grab_sheet(
        &mut self,
        child: harbour_core::ChildId,
        how: SheetOut,
    ) -> Result<(), StoreError> {
        self.require(Action::ViewChildren)?;
        self.child(child)?;
        let event = match how {
            SheetOut::Printed => crate::AuditEvent::GrabSheetPrinted,
            SheetOut::Opened => crate::AuditEvent::GrabSheetOpened,
            SheetOut::Saved => crate::AuditEvent::GrabSheetSaved,
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
    use harbour_core::episode::{
        DueStep, EpisodeEvent, InterviewOutcome, InterviewStatus, InterviewTiming, PoliceGrade,
    };
    use harbour_core::organisation::{Nation, Organisation};
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
            reported_at: None,
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
            Some(InterviewStatus::Due {
                by: due,
                step: DueStep::Hold
            })
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
        // The audit chain records each write that matters, by whom, as it was made.
        let me = store.session().user.to_string();
        let writes: Vec<_> = store
            .audit_entries()
            .unwrap()
            .into_iter()
            .filter(|e| {
                !matches!(
                    e.event.as_str(),
                    "user_added" | "unlocked" | "team_changed" | "team_members_changed"
                )
            })
            .map(|e| (e.event, e.subject, e.actor == me))
            .collect();
        let entry = |e: &str, s: String| (e.to_owned(), s, true);
        assert_eq!(
            writes,
            [
                entry("child_added", ruth.id.to_string()),
                entry("reported_missing", ep.id.to_string()),
                entry("child_found", ep.id.to_string()),
                entry("episode_closed", ep.id.to_string()),
            ]
        );
        // Every op names its author.
        assert!(store
            .ops()
            .unwrap()
            .iter()
            .all(|o| o.author == Some(store.session().user)));
        // The missing part is over: a check of the search is refused.
        let late = EpisodeEvent::CheckDone {
            check: "Rang her mobile".into(),
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
    fn an_outstanding_interview_survives_the_close_and_a_restart_and_is_counted_when_held() {
        let (dir, clock, mut store, ruth, ep) = reported();
        clock.advance(Duration::hours(3));
        let found_at = clock.now() - Duration::hours(1);
        let found = EpisodeEvent::Found {
            found_at,
            found_by: "Police".into(),
            where_found: "Coach station".into(),
            how_returned: "Police car".into(),
        };
        store.record_event(ep.id, &found).unwrap();
        // Back at the placement two hours after she was found: the 72 hours run from here.
        let back_at = found_at + Duration::hours(2);
        clock.advance(Duration::hours(2));
        store
            .record_event(ep.id, &EpisodeEvent::BackAtPlacement { back_at })
            .unwrap();
        let offered = EpisodeEvent::InterviewOffered {
            offered_at: clock.now(),
            service: "Sample return interview service".into(),
        };
        store.record_event(ep.id, &offered).unwrap();
        let view = store.record_event(ep.id, &EpisodeEvent::Closed).unwrap();
        assert!(view.episode.closed_at.is_some());
        assert!(store.open_episodes().unwrap().is_empty());
        let list = store.interviews_outstanding().unwrap();
        assert_eq!(list.len(), 1, "offered is not held: still on the list");
        let (child, due) = &list[0];
        assert_eq!((*child, due.episode, due.closed), (ruth.id, ep.id, true));
        assert_eq!(due.returned_at, back_at);
        assert_eq!(
            due.last_offer.as_ref().unwrap().service,
            "Sample return interview service"
        );

        // Through a restart and a rebuild of the tables from the log.
        drop(store);
        let mut store = testing::unlock(dir.path(), clock.clone());
        store.rebuild().unwrap();
        assert_eq!(store.interviews_outstanding().unwrap(), list);

        // Held 70 hours after the return, typed in four days later: within 72 hours.
        clock.advance(Duration::hours(96));
        let held = EpisodeEvent::InterviewHeld {
            held_at: back_at + Duration::hours(70),
            held_by: "Sample worker".into(),
            independent: true,
            mode: harbour_core::episode::InterviewMode::InPerson,
        };
        let view = store.record_event(ep.id, &held).unwrap();
        assert_eq!(
            view.summary.interview,
            Some(InterviewStatus::Held {
                at: Some(back_at + Duration::hours(70)),
                within_72_hours: Some(true),
                in_time: Some(true),
            })
        );
        assert!(store.interviews_outstanding().unwrap().is_empty());
        // The missing part stays closed.
        let check = EpisodeEvent::CheckDone {
            check: "Rang her mobile".into(),
        };
        assert_eq!(
            store.record_event(ep.id, &check).unwrap_err().message_id(),
            "error-episode-closed"
        );
    }

    #[test]
    fn in_scotland_the_return_discussion_is_arranged_within_72_hours_then_held_within_a_week() {
        let (_dir, clock, mut store, _ruth, ep) = reported();
        let org = Organisation {
            nation: Nation::Scotland,
            ..store.organisation().unwrap()
        };
        store.save_organisation(&org).unwrap();
        clock.advance(Duration::hours(3));
        let found_at = clock.now();
        let found = EpisodeEvent::Found {
            found_at,
            found_by: "Police".into(),
            where_found: "Bus station".into(),
            how_returned: "Police car".into(),
        };
        let view = store.record_event(ep.id, &found).unwrap();
        assert_eq!(
            view.summary.interview,
            Some(InterviewStatus::Due {
                by: found_at + Duration::hours(72),
                step: DueStep::Arrange
            })
        );
        let offered = EpisodeEvent::InterviewOffered {
            offered_at: clock.now(),
            service: "Police Scotland".into(),
        };
        let view = store.record_event(ep.id, &offered).unwrap();
        assert_eq!(
            view.summary.interview,
            Some(InterviewStatus::Due {
                by: found_at + Duration::days(7),
                step: DueStep::Hold
            })
        );
        // The home sets its own timing: every view and the home's list follow it.
        let own = Organisation {
            interview_timing: Some(InterviewTiming {
                arrange_within_hours: None,
                hold_within_hours: 48,
            }),
            ..org
        };
        store.save_organisation(&own).unwrap();
        let (_, listed) = store.interviews_outstanding().unwrap().remove(0);
        assert_eq!(listed.due(), found_at + Duration::hours(48));
    }

    #[test]
    fn the_steps_screen_of_an_open_episode_locks_later_and_the_audit_says_so() {
        let (_dir, clock, mut store, _ruth, ep) = reported();
        assert_eq!(store.lock_during_episode(ep.id, 10).unwrap(), Some(60));
        assert_eq!(store.lock_during_episode(ep.id, 90).unwrap(), Some(90));
        let audited = store.audit_entries().unwrap();
        let extended: Vec<_> = audited
            .iter()
            .filter(|e| e.event == "lock_extended")
            .collect();
        assert_eq!(extended.len(), 2);
        assert_eq!(extended[0].subject, ep.id.to_string());
        clock.advance(Duration::hours(1));
        store
            .record_event(
                ep.id,
                &EpisodeEvent::EndedWithoutReturn {
                    reason: harbour_core::episode::EndReason::ChildMoved,
                    note: String::new(),
                },
            )
            .unwrap();
        assert_eq!(store.lock_during_episode(ep.id, 10).unwrap(), None);
    }

    #[test]
    fn an_episode_ended_with_the_child_still_missing_is_closed_and_not_a_return() {
        let (_dir, clock, mut store, ruth, ep) = reported();
        clock.advance(Duration::days(30));
        let end = EpisodeEvent::EndedWithoutReturn {
            reason: harbour_core::episode::EndReason::PlacementEnded,
            note: String::new(),
        };
        let view = store.record_event(ep.id, &end).unwrap();
        assert_eq!(view.episode.closed_at, Some(clock.now()));
        assert!(view.summary.found.is_none() && view.summary.ended_missing.is_some());
        assert_eq!(view.returned_at(), None, "not a return: nothing falls due");
        assert!(store.interviews_outstanding().unwrap().is_empty());
        // A new episode can be opened for the child.
        assert!(!store.report_missing(ruth.id).unwrap().already_open);
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
            reported_at: None,
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
