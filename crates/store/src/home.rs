//! The home screen, assembled in the same few queries however many children there are: the
//! children; every episode and every episode event; the registers the list needs (each
//! section's last check, the last key change); the risk checklists started; the settings.
//! The rules are the same as the child's own screens use (`review_due`, `assessment_due`,
//! `summarise`), so the list and the profile cannot disagree.

use chrono::{DateTime, Utc};
use harbour_core::api::{ChildEntry, EpisodeView, InterviewOutstanding};
use harbour_core::checklists::{applying, assessment_due, AssessmentEvent, AssessmentRecord};
use harbour_core::episode::{summarise, EpisodeEvent, EventRecord};
use harbour_core::interview::InterviewTiming;
use harbour_core::profile::{self, review_due, Section};
use harbour_core::{Action, ChildId, EpisodeId, TeamId};
use serde_json::Value;
use std::collections::BTreeMap;

use crate::error::StoreError;
use crate::profile::{review_context, StoredReview};
use crate::store::{decode_episode, read_episode, Store, EPISODE_COLUMNS};

impl Store {
    /// Every child, by name, with what the home screen shows of them.
    pub fn home(&self) -> Result<Vec<ChildEntry>, StoreError> {
        self.require(Action::ViewChildren)?;
        // Each child under their own team's settings (one read per team, not per child).
        let teams = self.every_childs_team()?;
        let mut orgs = BTreeMap::new();
        for team in teams.values() {
            if !orgs.contains_key(team) {
                orgs.insert(*team, self.organisation_of(team.or(self.team))?);
            }
        }
        let shown = self.organisation()?;
        let org_of = |child: &ChildId| teams.get(child).and_then(|t| orgs.get(t)).unwrap_or(&shown);
        let now = self.now();
        let episodes = self.every_episode(|child| org_of(child).interview_timing())?;
        let mut by_child: BTreeMap<ChildId, Vec<&EpisodeView>> = BTreeMap::new();
        for view in &episodes {
            by_child
                .entry(view.episode.child_id)
                .or_default()
                .push(view);
        }
        let reviews = self.every_review_register()?;
        let started = self.every_checklist_started()?;
        let mut interviews: Vec<(ChildId, InterviewOutstanding)> = episodes
            .iter()
            .filter(|v| {
                v.events
                    .iter()
                    .any(|e| matches!(e.event, EpisodeEvent::Found { .. }))
            })
            .filter_map(|v| InterviewOutstanding::of(v).map(|i| (v.episode.child_id, i)))
            .collect();
        interviews.sort_by_key(|(_, i)| i.due());

        let mut entries = Vec::new();
        for child in self.children()? {
            let theirs = by_child.get(&child.id).map(Vec::as_slice).unwrap_or(&[]);
            let open = theirs.iter().find(|v| v.episode.closed_at.is_none());
            let last_return = theirs.iter().filter_map(|v| v.returned_at()).max();
            let regs = reviews.get(&child.id.to_string());
            let register = |name: &str| regs.and_then(|r| r.get(name));
            let context = review_context(regs, last_return)?;
            let mut reviews_due = 0;
            for section in Section::ALL {
                let reviewed = register(&profile::review_register(section))
                    .map(|v| serde_json::from_value::<StoredReview>(v.clone()))
                    .transpose()
                    .map_err(|_| StoreError::Corrupt("review"))?
                    .map(|r| r.at);
                reviews_due += usize::from(review_due(reviewed, &context, now).is_some());
            }
            let org = org_of(&child.id);
            let checklists_due = applying(&child.details)
                .filter(|checklist| {
                    let last = started.get(&(child.id, (*checklist).to_owned())).copied();
                    assessment_due(last, last_return, org.assessment_every_months, now).is_some()
                })
                .count();
            let (mine, rest): (Vec<_>, Vec<_>) =
                interviews.into_iter().partition(|(c, _)| *c == child.id);
            interviews = rest;
            // A record left behind (the child moved to another team) is kept, not kept up: no
            // checks fall due in it here.
            let (reviews_due, checklists_due) = if child.record.read_only() {
                (0, 0)
            } else {
                (reviews_due, checklists_due)
            };
            entries.push(ChildEntry {
                team: teams.get(&child.id).copied().flatten(),
                open_episode: open.map(|v| v.episode.clone()),
                summary: open.map(|v| v.summary.clone()),
                child,
                reviews_due,
                checklists_due,
                interviews: mine.into_iter().map(|(_, i)| i).collect(),
            });
        }
        Ok(entries)
    }

    /// Every child's team (one query).
    fn every_childs_team(&self) -> Result<BTreeMap<ChildId, Option<TeamId>>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT id, team FROM children")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        let mut out = BTreeMap::new();
        for row in rows {
            let (child, team) = row?;
            let child: ChildId = child.parse().map_err(|_| StoreError::Corrupt("child id"))?;
            let team = team
                .map(|t| t.parse().map_err(|_| StoreError::Corrupt("team")))
                .transpose()?;
            out.insert(child, team);
        }
        Ok(out)
    }

    /// Every episode, oldest first, with its events (two queries), each summarised under its
    /// child's team's interview timing.
    fn every_episode(
        &self,
        timing: impl Fn(&ChildId) -> InterviewTiming,
    ) -> Result<Vec<EpisodeView>, StoreError> {
        let mut events: BTreeMap<EpisodeId, Vec<EventRecord>> = BTreeMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT episode, record FROM episode_events ORDER BY at, id")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (episode, record) = row?;
            let episode: EpisodeId = episode
                .parse()
                .map_err(|_| StoreError::Corrupt("episode id"))?;
            let record: EventRecord =
                serde_json::from_str(&record).map_err(|_| StoreError::Corrupt("event"))?;
            events.entry(episode).or_default().push(record);
        }
        let now = self.now();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {EPISODE_COLUMNS} FROM missing_episodes ORDER BY started_at, id"
        ))?;
        let rows = stmt.query_map([], read_episode)?;
        rows.map(|row| {
            let episode = decode_episode(row?)?;
            let events = events.remove(&episode.id).unwrap_or_default();
            Ok(EpisodeView {
                summary: summarise(&events, now, &timing(&episode.child_id)),
                episode,
                events,
                names: BTreeMap::new(),
                needs_checking: false,
            })
        })
        .collect()
    }

    /// Each child's last check of each section and last key change, by child (one query).
    fn every_review_register(
        &self,
    ) -> Result<BTreeMap<String, BTreeMap<String, Value>>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT entity, field, value FROM registers \
             WHERE field LIKE 'review.%' OR field = ?1",
        )?;
        let rows = stmt.query_map([profile::KEY_CHANGE_REGISTER], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out: BTreeMap<String, BTreeMap<String, Value>> = BTreeMap::new();
        for row in rows {
            let (entity, field, value) = row?;
            let value =
                serde_json::from_str(&value).map_err(|_| StoreError::Corrupt("register"))?;
            out.entry(entity).or_default().insert(field, value);
        }
        Ok(out)
    }

    /// When each child's latest assessment of each checklist was started (one query).
    fn every_checklist_started(
        &self,
    ) -> Result<BTreeMap<(ChildId, String), DateTime<Utc>>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT child, record FROM assessment_events WHERE kind = 'started'")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out: BTreeMap<(ChildId, String), DateTime<Utc>> = BTreeMap::new();
        for row in rows {
            let (child, record) = row?;
            let child: ChildId = child.parse().map_err(|_| StoreError::Corrupt("child id"))?;
            let record: AssessmentRecord =
                serde_json::from_str(&record).map_err(|_| StoreError::Corrupt("assessment"))?;
            if let AssessmentEvent::Started { checklist, .. } = record.event {
                let at = out.entry((child, checklist)).or_insert(record.at);
                *at = (*at).max(record.at);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};
    use harbour_core::profile::SectionInput;
    use harbour_core::{ChildInput, Clock, FixedClock};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    /// `n` children in every state the list shows: missing now, found with the interview due,
    /// back and closed, never missing; some with a profile section checked, some with a
    /// checklist started.
    fn home_of(n: usize) -> Store {
        let clock = Arc::new(FixedClock::at(
            Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap(),
        ));
        let mut store = Store::open_in_memory(clock.clone()).unwrap();
        for i in 0..n {
            let child = store
                .add_child(
                    &ChildInput {
                        name_latin: format!("Sample Child {i:03}"),
                        date_of_birth: "2010-05-14".into(),
                        unaccompanied: i % 2 == 0,
                        suspected_trafficked: i % 3 == 0,
                        ..Default::default()
                    },
                    None,
                )
                .unwrap();
            if i % 2 == 1 {
                let values = [("gp".to_owned(), serde_json::json!("Dr Sample"))];
                store
                    .save_profile(
                        child.id,
                        &SectionInput {
                            section: Section::Health,
                            values: values.into_iter().collect(),
                        },
                    )
                    .unwrap();
            }
            if let Some(checklist) = applying(&child.details).next().filter(|_| i % 3 == 0) {
                store.start_assessment(child.id, checklist).unwrap();
            }
            if i % 4 == 3 {
                continue;
            }
            let ep = store.report_missing(child.id).unwrap().episode.id;
            clock.advance(Duration::minutes(30));
            if i % 4 == 0 {
                continue;
            }
            let found = EpisodeEvent::Found {
                found_at: clock.now() - Duration::minutes(5),
                found_by: "Police".into(),
                where_found: "Coach station".into(),
                how_returned: "Police car".into(),
            };
            store.record_event(ep, &found).unwrap();
            if i % 4 == 2 {
                let done = EpisodeEvent::ReturnInterview {
                    outcome: harbour_core::episode::InterviewOutcome::Done,
                };
                store.record_event(ep, &done).unwrap();
                store.record_event(ep, &EpisodeEvent::Closed).unwrap();
            }
        }
        clock.advance(Duration::days(10));
        store
    }

    /// The list as it was made before: child by child, each through its own screens' reads.
    fn child_by_child(store: &Store) -> Vec<ChildEntry> {
        let mut open = store.open_episodes().unwrap();
        let mut interviews = store.interviews_outstanding().unwrap();
        let mut entries = Vec::new();
        for child in store.children().unwrap() {
            let at = open.iter().position(|e| e.child_id == child.id);
            let open_episode = at.map(|i| open.swap_remove(i));
            let summary = open_episode
                .as_ref()
                .map(|ep| store.episode_view(ep.id).unwrap().summary);
            let (theirs, rest): (Vec<_>, Vec<_>) =
                interviews.into_iter().partition(|(c, _)| *c == child.id);
            interviews = rest;
            entries.push(ChildEntry {
                reviews_due: store.profile(child.id).unwrap().due_count(),
                checklists_due: store
                    .checklist_statuses(child.id)
                    .unwrap()
                    .iter()
                    .filter(|s| s.due.is_some())
                    .count(),
                team: store.team_of_child(child.id).unwrap(),
                child,
                open_episode,
                summary,
                interviews: theirs.into_iter().map(|(_, i)| i).collect(),
            });
        }
        entries
    }

    static STATEMENTS: AtomicUsize = AtomicUsize::new(0);

    /// How many statements `home` runs.
    fn statements(store: &mut Store) -> usize {
        use rusqlite::trace::{TraceEvent, TraceEventCodes};
        store
            .conn
            .trace_v2(
                TraceEventCodes::SQLITE_TRACE_STMT,
                Some(|e: TraceEvent<'_>| {
                    if let TraceEvent::Stmt(..) = e {
                        STATEMENTS.fetch_add(1, Ordering::SeqCst);
                    }
                }),
            )
            .unwrap();
        STATEMENTS.store(0, Ordering::SeqCst);
        store.home().unwrap();
        let n = STATEMENTS.load(Ordering::SeqCst);
        store
            .conn
            .trace_v2(TraceEventCodes::empty(), None::<fn(TraceEvent<'_>)>)
            .unwrap();
        n
    }

    #[test]
    fn the_home_screen_says_what_each_child_s_own_screens_say_in_the_same_few_queries() {
        let mut few = home_of(8);
        let home = few.home().unwrap();
        assert_eq!(home, child_by_child(&few));
        // Every state is there.
        assert!(home.iter().any(|e| e.open_episode.is_some()));
        assert!(home.iter().any(|e| !e.interviews.is_empty()));
        assert!(home.iter().any(|e| e.checklists_due > 0));
        assert!(home.iter().any(|e| e.reviews_due < Section::ALL.len()));
        let mut many = home_of(40);
        assert_eq!(many.home().unwrap(), child_by_child(&many));
        let (a, b) = (statements(&mut few), statements(&mut many));
        assert_eq!(a, b, "as many statements for 40 children as for 8");
        assert!(a < 20, "{a} statements");
    }
}
