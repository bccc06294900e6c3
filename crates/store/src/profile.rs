//! The child's profile (Philomena Part 1): each field a last-writer-wins register of the child,
//! each section's last check a register too, read back with the review rules applied.

use chrono::{DateTime, NaiveDate, Utc};
use harbour_core::api::EpisodeView;
use harbour_core::child::{changed_fields, changed_flags, FlagWrite};
use harbour_core::ops::OpBody;
use harbour_core::profile::{
    self, photo_warning, review_due, EpisodeBrief, PhotoKind, ProfileView, Review, ReviewContext,
    Section, SectionInput, SectionView, Values,
};
use harbour_core::{Action, ChildId, EpisodeId, Field, FieldError, UserId};
use rusqlite::{params, OptionalExtension};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

use crate::audit::AuditEvent;
use crate::error::StoreError;
use crate::store::{parse_id, Store};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use harbour_core::profile::ProfileProblem;
use harbour_core::FieldProblem;

#[derive(Deserialize)]
pub(crate) struct StoredReview {
    pub at: DateTime<Utc>,
    pub by: UserId,
}

#[derive(Deserialize)]
struct StoredKeyChange {
    section: Section,
    at: DateTime<Utc>,
}

/// What the review rules need from a child's registers: the last key change (photo, phones or
/// people) and when the review context starts.
pub(crate) fn review_context(
    regs: Option<&BTreeMap<String, Value>>,
    last_return: Option<DateTime<Utc>>,
) -> Result<ReviewContext, StoreError> {
    let key_change = regs
        .and_then(|r| r.get(profile::KEY_CHANGE_REGISTER))
        .map(|v| serde_json::from_value::<StoredKeyChange>(v.clone()))
        .transpose()
        .map_err(|_| StoreError::Corrupt("key change"))?
        .map(|k| (k.section, k.at));
    Ok(ReviewContext {
        last_return,
        key_change,
    })
}

impl Store {
    /// The child's profile registers (`p.*`, `review.*`, the last key change), by register name.
    fn profile_registers(&self, child: ChildId) -> Result<BTreeMap<String, Value>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT field, value FROM registers WHERE entity = ?1 \
             AND (field LIKE 'p.%' OR field LIKE 'review.%' OR field = ?2)",
        )?;
        let rows = stmt.query_map(
            params![child.to_string(), profile::KEY_CHANGE_REGISTER],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        )?;
        let mut out = BTreeMap::new();
        for row in rows {
            let (field, value) = row?;
            let value =
                serde_json::from_str(&value).map_err(|_| StoreError::Corrupt("register"))?;
            out.insert(field, value);
        }
        Ok(out)
    }

    /// Every episode of the child, open or closed, oldest first, with its events.
    pub fn child_episodes(&self, child: ChildId) -> Result<Vec<EpisodeView>, StoreError> {
        self.require(Action::ViewChildren)?;
        self.see_child(child)?;
        let ids: Vec<String> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id FROM missing_episodes WHERE child_id = ?1 ORDER BY started_at, id",
            )?;
            let rows = stmt.query_map([child.to_string()], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        ids.iter()
            .map(|id| self.episode_view(EpisodeId::from_uuid(parse_id(id)?)))
            .collect()
    }

    /// The child's profile with each section's last check and whether it is due now.
    pub fn profile(&self, child: ChildId) -> Result<ProfileView, StoreError> {
        let child = self.child(child)?;
        let regs = self.profile_registers(child.id)?;
        let names: BTreeMap<UserId, String> =
            self.user_names()?.into_iter().collect::<BTreeMap<_, _>>();
        let episodes = self.child_episodes(child.id)?;
        let last_return = episodes.iter().filter_map(EpisodeView::returned_at).max();
        let history = episodes
            .iter()
            .map(|e| EpisodeBrief {
                last_seen_at: e.episode.last_seen_at,
                found_at: e.summary.found.as_ref().map(|f| f.found_at),
                where_found: e
                    .summary
                    .found
                    .as_ref()
                    .map(|f| f.where_found.clone())
                    .unwrap_or_default(),
                closed: e.episode.closed_at.is_some(),
            })
            .collect();
        let context = review_context(Some(&regs), last_return)?;
        let now = self.now();
        let mut sections = Vec::with_capacity(Section::ALL.len());
        for section in Section::ALL {
            let values: Values = section
                .fields()
                .iter()
                .filter_map(|f| {
                    regs.get(&profile::register(f.key))
                        .filter(|v| !v.is_null())
                        .map(|v| (f.key.to_owned(), v.clone()))
                })
                .collect();
            let review = regs
                .get(&profile::review_register(section))
                .map(|v| serde_json::from_value::<StoredReview>(v.clone()))
                .transpose()
                .map_err(|_| StoreError::Corrupt("review"))?
                .map(|r| Review {
                    by_name: names.get(&r.by).cloned().unwrap_or_default(),
                    at: r.at,
                    by: r.by,
                });
            let due = review_due(review.as_ref().map(|r| r.at), &context, now);
            sections.push(SectionView {
                section,
                values,
                review,
                due,
            });
        }
        let taken_on = regs
            .get(&profile::register("photo_taken_on"))
            .and_then(Value::as_str)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let face_warning = photo_warning(child.has_photo, taken_on, now.date_naive());
        let full_taken_on = regs
            .get(&profile::register(PhotoKind::FullLength.date_key()))
            .and_then(Value::as_str)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let has_full_photo = self.child_full_photo(child.id)?.is_some();
        let full_photo_warning = photo_warning(has_full_photo, full_taken_on, now.date_naive());
        let flag_history = self.flag_history(child.id)?;
        let written = |kinds: &str| self.last_written(child.id, kinds, &names);
        let merged = self
            .merged_into(child.id)?
            .into_iter()
            .map(|m| self.child(m))
            .collect::<Result<_, _>>()?;
        Ok(ProfileView {
            merged,
            added: written("'child_added'")?,
            corrected: written("'child_details_set', 'child_fields_set'")?,
            needs_checking: self.needs_checking(&child.id.to_string())?,
            child,
            sections,
            photo_warning: face_warning,
            has_full_photo,
            full_photo_warning,
            history,
            flag_history,
        })
    }

    /// Who wrote the latest op of these kinds about the child, and when (by its clock).
    fn last_written(
        &self,
        child: ChildId,
        kinds: &str,
        names: &BTreeMap<UserId, String>,
    ) -> Result<Option<harbour_core::profile::Written>, StoreError> {
        let row: Option<(String, Option<String>)> = self
            .conn
            .query_row(
                &format!(
                    "SELECT hlc, author FROM ops WHERE entity = ?1 AND kind IN ({kinds}) \
                     ORDER BY hlc DESC, device DESC LIMIT 1"
                ),
                [child.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((hlc, author)) = row else {
            return Ok(None);
        };
        let hlc: harbour_core::Hlc = hlc.parse().map_err(|_| StoreError::Corrupt("hlc"))?;
        let by = author.and_then(|a| a.parse::<UserId>().ok());
        Ok(Some(harbour_core::profile::Written {
            by_name: by.and_then(|b| names.get(&b).cloned()).unwrap_or_default(),
            at: DateTime::<Utc>::from_timestamp_millis(hlc.wall_ms)
                .ok_or(StoreError::Corrupt("hlc"))?,
        }))
    }

    /// Each time one of the child's flags was set or cleared, from every version of their
    /// details in the op log (when each was written, by its clock), oldest first.
    pub fn flag_history(
        &self,
        child: ChildId,
    ) -> Result<Vec<harbour_core::child::FlagChange>, StoreError> {
        self.require(Action::ViewChildren)?;
        self.see_child(child)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT hlc, payload, author FROM ops WHERE entity = ?1 \
             AND kind IN ('child_added', 'child_details_set', 'child_flag_set') \
             ORDER BY hlc, device, idx",
        )?;
        let rows = stmt.query_map([child.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?;
        let mut ops = Vec::new();
        for row in rows {
            let (hlc, payload, author) = row?;
            let author: Option<UserId> = author.and_then(|a| a.parse().ok());
            let hlc: harbour_core::Hlc = hlc.parse().map_err(|_| StoreError::Corrupt("hlc"))?;
            let at = DateTime::<Utc>::from_timestamp_millis(hlc.wall_ms)
                .ok_or(StoreError::Corrupt("hlc"))?;
            if let Some(op) = OpBody::decode(&payload) {
                ops.push((at, op, author));
            }
        }
        let names: BTreeMap<UserId, String> = self.user_names()?.into_iter().collect();
        let mut changes =
            harbour_core::child::flag_changes(ops.iter().filter_map(|(at, op, author)| match op {
                OpBody::ChildAdded { details, .. } | OpBody::ChildDetailsSet { details, .. } => {
                    Some((*at, FlagWrite::Details(details, *author)))
                }
                OpBody::ChildFlagSet {
                    flag,
                    set,
                    by,
                    reason,
                    at,
                    ..
                } => Some((
                    *at,
                    FlagWrite::Flag {
                        flag: *flag,
                        set: *set,
                        by: *by,
                        reason,
                    },
                )),
                _ => None,
            }));
        for change in &mut changes {
            if let Some(name) = change.by.and_then(|by| names.get(&by)) {
                change.by_name = name.clone();
            }
        }
        Ok(changes)
    }

    /// The child's full-length photo (a prepared JPEG), kept in its register.
    pub fn child_full_photo(&self, child: ChildId) -> Result<Option<Vec<u8>>, StoreError> {
        self.require(Action::ViewChildren)?;
        self.see_child(child)?;
        let value: Option<String> = self
            .conn
            .prepare_cached("SELECT value FROM registers WHERE entity = ?1 AND field = ?2")?
            .query_row(
                params![child.to_string(), PhotoKind::FullLength.register()],
                |r| r.get(0),
            )
            .optional()?;
        match value.map(|v| serde_json::from_str::<Value>(&v)) {
            None => Ok(None),
            Some(Ok(Value::String(b64))) => BASE64
                .decode(b64.as_bytes())
                .map(Some)
                .map_err(|_| StoreError::Corrupt("photo")),
            Some(Ok(Value::Null)) => Ok(None),
            Some(_) => Err(StoreError::Corrupt("photo")),
        }
    }

    /// Opens the profile on screen: the view is recorded in the audit chain.
    pub fn open_profile(&mut self, child: ChildId) -> Result<ProfileView, StoreError> {
        let view = self.profile(child)?;
        self.audit(AuditEvent::ChildViewed, &child.to_string())?;
        Ok(view)
    }

    /// Saves one section. Only the fields that changed are written (so a save on one device
    /// does not undo another device's edit of a different field); the save counts as a check of
    /// the section. Every problem is reported at once and nothing is written.
    pub fn save_profile(
        &mut self,
        child: ChildId,
        input: &SectionInput,
    ) -> Result<ProfileView, StoreError> {
        self.require(Action::EditChildren)?;
        let now = self.now();
        let values = profile::validate(input.section, &input.values, now.date_naive())
            .map_err(StoreError::InvalidProfile)?;
        let current = self.profile(child)?;
        let (before, checked_before) = current
            .section(input.section)
            .map(|s| (s.values.clone(), s.review.is_some()))
            .unwrap_or_default();
        let changed: Values = values
            .into_iter()
            .filter(|(k, v)| before.get(k).unwrap_or(&Value::Null) != v)
            .collect();
        let key_change = checked_before && !changed.is_empty() && input.section.is_key_change();
        let seen = crate::twice::seen_now(&self.conn, child, changed.keys().cloned())?;
        self.write(&[OpBody::ProfileSaved {
            child,
            section: input.section,
            values: changed,
            at: now,
            by: self.session.user,
            key_change,
            seen,
            not_a_check: false,
        }])?;
        self.profile(child)
    }

    /// Replaces the child's face or full-length photo, with the date it was taken. The photo
    /// and its date are checked together (every problem at once, the date reported under the
    /// face photo's date key, where the form shows it); a new photo of a child whose photos had
    /// been checked makes the rest of the profile due, like a new phone.
    pub fn set_photo(
        &mut self,
        child: ChildId,
        kind: PhotoKind,
        photo: &[u8],
        taken_on: &str,
    ) -> Result<ProfileView, StoreError> {
        self.require(Action::EditChildren)?;
        let now = self.now();
        let date_key = kind.date_key();
        let date: Values = [(date_key.to_owned(), Value::String(taken_on.to_owned()))]
            .into_iter()
            .collect();
        let dated = profile::validate(Section::Photos, &date, now.date_naive());
        let jpeg = crate::photo::prepare_photo(photo);
        let (values, jpeg) = match (dated, jpeg) {
            (Ok(v), Ok(j)) if v.get(date_key).is_some_and(|d| !d.is_null()) => (v, j),
            (dated, jpeg) => {
                let mut problems = dated.err().unwrap_or_default();
                if !problems.iter().any(|p| p.key == date_key) && taken_on.trim().is_empty() {
                    problems.push(ProfileProblem {
                        key: date_key.into(),
                        problem: FieldProblem::Required,
                    });
                }
                // One form serves both photos: its date field is the face photo's key.
                for p in &mut problems {
                    if p.key == date_key {
                        p.key = "photo_taken_on".into();
                    }
                }
                if let Err(problem) = jpeg {
                    problems.push(ProfileProblem {
                        key: "photo".into(),
                        problem,
                    });
                }
                return Err(StoreError::InvalidProfile(problems));
            }
        };
        let checked_before = self
            .profile(child)?
            .section(Section::Photos)
            .is_some_and(|s| s.review.is_some());
        let jpeg_base64 = BASE64.encode(jpeg);
        self.write(&[
            match kind {
                PhotoKind::Face => OpBody::ChildPhotoSet { child, jpeg_base64 },
                PhotoKind::FullLength => OpBody::ChildFullPhotoSet { child, jpeg_base64 },
            },
            OpBody::ProfileSaved {
                child,
                section: Section::Photos,
                values,
                at: now,
                by: self.session.user,
                key_change: checked_before,
                seen: Default::default(),
                not_a_check: false,
            },
        ])?;
        self.profile(child)
    }

    /// Corrects the child's core details (name, date of birth, languages, the flags that send a
    /// missing report straight to 999). Only what changed is written: each changed field, and
    /// each changed flag through its own op. Clearing a flag takes a manager or administrator
    /// and a reason (`flag_reason`). Every problem is reported at once; nothing is written
    /// then.
    pub fn update_child(
        &mut self,
        child: ChildId,
        input: &harbour_core::ChildInput,
        flag_reason: &str,
    ) -> Result<ProfileView, StoreError> {
        self.require(Action::EditChildren)?;
        let before = self.child(child)?.details;
        let mut problems = Vec::new();
        let details = match input.validate(self.now().date_naive()) {
            Ok(d) => Some(d),
            Err(p) => {
                problems = p;
                None
            }
        };
        let flags = details
            .as_ref()
            .map(|d| changed_flags(&before, d))
            .unwrap_or_default();
        let clears = flags.iter().any(|(_, set)| !set);
        let reason = flag_reason.split_whitespace().collect::<Vec<_>>().join(" ");
        if clears {
            self.require(Action::ClearFlags)?;
            if reason.is_empty() {
                problems.push(FieldError::new(Field::FlagReason, FieldProblem::Required));
            } else if reason.chars().count() > profile::MAX_LINE_CHARS {
                problems.push(FieldError::new(Field::FlagReason, FieldProblem::TooLong));
            }
        }
        let Some(details) = details.filter(|_| problems.is_empty()) else {
            return Err(StoreError::Invalid(problems));
        };
        let now = self.now();
        let fields = changed_fields(&before, &details);
        let mut ops = Vec::new();
        if !fields.is_empty() {
            ops.push(OpBody::ChildFieldsSet { child, fields });
        }
        ops.extend(flags.into_iter().map(|(flag, set)| OpBody::ChildFlagSet {
            child,
            flag,
            set,
            reason: if set { String::new() } else { reason.clone() },
            at: now,
            by: self.session.user,
        }));
        if !ops.is_empty() {
            self.write(&ops)?;
        }
        self.profile(child)
    }

    /// Records that someone checked a section and found it still right.
    pub fn review_profile(
        &mut self,
        child: ChildId,
        section: Section,
    ) -> Result<ProfileView, StoreError> {
        self.require(Action::EditChildren)?;
        self.child(child)?;
        let now = self.now();
        self.write(&[OpBody::ProfileReviewed {
            child,
            section,
            at: now,
            by: self.session.user,
        }])?;
        self.profile(child)
    }
}

#[cfg(test)]
mod tests {
    use crate::testing;
    use crate::StoreError;
    use chrono::{Duration, TimeZone, Utc};
    use harbour_core::episode::EpisodeEvent;
    use harbour_core::profile::{
        PhotoKind, PhotoWarning, ReviewDue, Section, SectionInput, Values,
    };
    use harbour_core::{ChildInput, Clock, FieldProblem, FixedClock};
    use serde_json::{json, Value};
    use std::sync::Arc;

    fn input(section: Section, values: &[(&str, Value)]) -> SectionInput {
        SectionInput {
            section,
            values: values
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect::<Values>(),
        }
    }

    /// A store on disk with its clock at 09:00 on `day` November 2026.
    fn store_on(day: u32) -> (tempfile::TempDir, Arc<FixedClock>, crate::Store) {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(FixedClock::at(
            Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap(),
        ));
        let store = testing::create(dir.path(), clock.clone());
        (dir, clock, store)
    }

    fn ruth(store: &mut crate::Store, photo: Option<&[u8]>) -> harbour_core::Child {
        let child = ChildInput {
            name_latin: "Sample Ruth".into(),
            date_of_birth: "2011-03-04".into(),
            ..Default::default()
        };
        store.add_child(&child, photo).unwrap()
    }

    #[test]
    fn sections_are_saved_checked_and_fall_due() {
        let (dir, clock, mut store) = store_on(1);
        let child = ruth(&mut store, None);
        let fresh = store.profile(child.id).unwrap();
        assert_eq!(fresh.due_count(), Section::ALL.len(), "nothing checked yet");
        assert_eq!(fresh.photo_warning, Some(PhotoWarning::NoPhoto));

        let health = input(
            Section::Health,
            &[
                ("medication", json!("Salbutamol inhaler ")),
                ("critical_medication", json!(true)),
                ("gp", json!("")),
            ],
        );
        let view = store.save_profile(child.id, &health).unwrap();
        let h = view.section(Section::Health).unwrap();
        assert_eq!(h.text("medication"), Some("Salbutamol inhaler"));
        assert!(h.flag("critical_medication"));
        assert!(!h.values.contains_key("gp"), "blank is not stored");
        let review = h.review.clone().unwrap();
        assert_eq!(
            (review.at, review.by_name.as_str()),
            (clock.now(), "Sam Admin")
        );
        assert_eq!(h.due, None);
        assert_eq!(view.due_count(), Section::ALL.len() - 1);

        // Saving it again unchanged writes only the check.
        let ops = store.ops().unwrap().len();
        clock.advance(Duration::days(2));
        store.save_profile(child.id, &health).unwrap();
        let last = store.ops().unwrap().pop().unwrap();
        assert_eq!(store.ops().unwrap().len(), ops + 1);
        assert!(!last.payload.contains("Salbutamol"), "{}", last.payload);

        // Bad input: every problem at once, nothing written, nothing lost.
        let bad = input(
            Section::Health,
            &[
                ("gp", json!("x".repeat(201))),
                ("medication", json!("")),
                ("school", json!("wrong section")),
            ],
        );
        let err = store.save_profile(child.id, &bad).unwrap_err();
        let StoreError::InvalidProfile(problems) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].problem, FieldProblem::TooLong);
        assert_eq!(err.message_id(), "error-text-too-long");
        assert_eq!(store.ops().unwrap().len(), ops + 1);
        assert_eq!(
            store.profile(child.id).unwrap().text("medication"),
            Some("Salbutamol inhaler")
        );

        // 28 days after the last check, it is due again.
        clock.advance(Duration::days(28));
        let due = store.profile(child.id).unwrap();
        assert!(matches!(
            due.section(Section::Health).unwrap().due,
            Some(ReviewDue::Stale { .. })
        ));
        let view = store.review_profile(child.id, Section::Health).unwrap();
        assert_eq!(view.section(Section::Health).unwrap().due, None);

        // The phones filled in for the first time: not a change, nothing else falls due.
        let phone = |n: &str| input(Section::Phones, &[("mobile_numbers", json!(n))]);
        clock.advance(Duration::hours(1));
        let view = store
            .save_profile(child.id, &phone("07700 900100"))
            .unwrap();
        assert_eq!(view.section(Section::Health).unwrap().due, None);
        // A new phone number: the phones are checked by the saving, the rest falls due.
        clock.advance(Duration::hours(1));
        let view = store
            .save_profile(child.id, &phone("07700 900123"))
            .unwrap();
        assert_eq!(view.section(Section::Phones).unwrap().due, None);
        assert_eq!(
            view.section(Section::Health).unwrap().due,
            Some(ReviewDue::KeyChange {
                section: Section::Phones,
                at: clock.now()
            })
        );

        // Back from an episode: everything is due, including the phones.
        let ep = store.report_missing(child.id).unwrap().episode;
        clock.advance(Duration::hours(3));
        store
            .record_event(
                ep.id,
                &EpisodeEvent::Found {
                    found_at: clock.now(),
                    found_by: "Police".into(),
                    where_found: "Station".into(),
                    how_returned: "Police car".into(),
                },
            )
            .unwrap();
        let view = store.profile(child.id).unwrap();
        assert_eq!(
            view.section(Section::Phones).unwrap().due,
            Some(ReviewDue::AfterEpisode {
                returned_at: clock.now()
            })
        );
        assert_eq!(view.due_count(), Section::ALL.len());
        assert_eq!(store.child_episodes(child.id).unwrap().len(), 1);
        let brief = &view.history[0];
        assert_eq!(
            (brief.found_at, brief.where_found.as_str(), brief.closed),
            (Some(clock.now()), "Station", false)
        );
        assert_eq!(brief.duration(clock.now()), Duration::hours(3));

        // The profile survives a restart and a rebuild from the log.
        drop(store);
        let mut store = testing::unlock(dir.path(), clock.clone());
        assert_eq!(store.profile(child.id).unwrap(), view);
        store.rebuild().unwrap();
        assert_eq!(store.profile(child.id).unwrap(), view);
    }

    #[test]
    fn photo_dates_warn_after_three_months() {
        let (_dir, clock, mut store) = store_on(25);
        let jpeg = crate::photo::test_png(40, 30);
        let child = ruth(&mut store, Some(&jpeg));
        assert_eq!(
            store.profile(child.id).unwrap().photo_warning,
            Some(PhotoWarning::NoDate)
        );
        let date = |d: &str| input(Section::Photos, &[("photo_taken_on", json!(d))]);
        let view = store.save_profile(child.id, &date("2026-10-01")).unwrap();
        assert_eq!(view.photo_warning, None);
        let view = store.save_profile(child.id, &date("2026-08-01")).unwrap();
        assert!(matches!(view.photo_warning, Some(PhotoWarning::Old { .. })));
        let err = store
            .save_profile(child.id, &date("2026-11-26"))
            .unwrap_err();
        assert_eq!(err.message_id(), "error-date-in-future");

        // A new photo: refused whole when the file or the date is wrong, with both named.
        let before = store.ops().unwrap().len();
        let err = store
            .set_photo(child.id, PhotoKind::Face, b"not a photo", "")
            .unwrap_err();
        let StoreError::InvalidProfile(problems) = &err else {
            panic!("{err:?}")
        };
        let keys: Vec<_> = problems
            .iter()
            .map(|p| (p.key.as_str(), p.message_id()))
            .collect();
        assert_eq!(
            keys,
            [
                ("photo_taken_on", "error-required"),
                ("photo", "error-photo-unreadable")
            ]
        );
        assert_eq!(store.ops().unwrap().len(), before, "nothing written");
        let new = crate::photo::test_png(60, 80);
        let view = store
            .set_photo(child.id, PhotoKind::Face, &new, "2026-11-20")
            .unwrap();
        assert_eq!(view.photo_warning, None);
        assert_eq!(view.text("photo_taken_on"), Some("2026-11-20"));
        let stored = store.child_photo(child.id).unwrap().unwrap();
        assert_eq!(image::load_from_memory(&stored).unwrap().width(), 60);
        // The photos had been checked: a new one makes the rest due (those checked before).
        assert_eq!(view.section(Section::Photos).unwrap().due, None);
        let reviewed = store.review_profile(child.id, Section::Health).unwrap();
        assert_eq!(reviewed.section(Section::Health).unwrap().due, None);
        clock.advance(Duration::minutes(5));
        let view = store
            .set_photo(child.id, PhotoKind::Face, &new, "2026-11-21")
            .unwrap();
        assert!(matches!(
            view.section(Section::Health).unwrap().due,
            Some(ReviewDue::KeyChange {
                section: Section::Photos,
                ..
            })
        ));
    }

    #[test]
    fn the_full_length_photo_is_kept_beside_the_face_with_its_own_date() {
        let (dir, clock, mut store) = store_on(25);
        let face = crate::photo::test_png(60, 80);
        let child = ruth(&mut store, Some(&face));
        let view = store.profile(child.id).unwrap();
        assert!(!view.has_full_photo);
        assert_eq!(view.full_photo_warning, Some(PhotoWarning::NoPhoto));

        // A wrong date is reported where the one photo form shows it; nothing is written.
        let before = store.ops().unwrap().len();
        let tall = crate::photo::test_png(40, 120);
        let err = store
            .set_photo(child.id, PhotoKind::FullLength, &tall, "2026-12-01")
            .unwrap_err();
        let StoreError::InvalidProfile(problems) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(problems[0].key, "photo_taken_on");
        assert_eq!(problems[0].message_id(), "error-date-in-future");
        assert_eq!(store.ops().unwrap().len(), before);

        let view = store
            .set_photo(child.id, PhotoKind::FullLength, &tall, "2026-06-01")
            .unwrap();
        assert!(view.has_full_photo);
        assert_eq!(view.text("full_photo_taken_on"), Some("2026-06-01"));
        assert_eq!(
            view.text("photo_taken_on"),
            None,
            "the face photo's date is untouched"
        );
        assert!(matches!(
            view.full_photo_warning,
            Some(PhotoWarning::Old { .. })
        ));
        let full = store.child_full_photo(child.id).unwrap().unwrap();
        assert_eq!(image::load_from_memory(&full).unwrap().height(), 120);
        let stored_face = store.child_photo(child.id).unwrap().unwrap();
        assert_eq!(image::load_from_memory(&stored_face).unwrap().height(), 80);

        // It survives a restart and a rebuild from the log, and goes out in the export.
        drop(store);
        let mut store = crate::testing::unlock(dir.path(), clock);
        store.rebuild().unwrap();
        assert_eq!(store.child_full_photo(child.id).unwrap(), Some(full));
        let export = store.export_json().unwrap();
        assert!(export["children"][0]["full_photo_jpeg_base64"].is_string());
    }

    #[test]
    fn core_details_are_corrected_whole_or_not_at_all() {
        let (_dir, _clock, mut store) = store_on(25);
        let child = ruth(&mut store, None);
        let mut input = ChildInput {
            name_latin: "Sample Ruth Tesfay".into(),
            name_own_script: "ሩት".into(),
            date_of_birth: "2011-03-04".into(),
            languages: "Tigrinya".into(),
            unaccompanied: false,
            suspected_trafficked: true,
        };
        let view = store.update_child(child.id, &input, "").unwrap();
        let d = &view.child.details;
        assert_eq!(d.name_latin, "Sample Ruth Tesfay");
        assert!(d.suspected_trafficked && d.escalate_when_missing());
        assert_eq!(view.child.created_at, child.created_at);
        let before = store.ops().unwrap().len();
        input.name_latin = " ".into();
        input.date_of_birth = "2099-01-01".into();
        let err = store.update_child(child.id, &input, "").unwrap_err();
        let StoreError::Invalid(fields) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(fields.len(), 2);
        assert_eq!(store.ops().unwrap().len(), before);
        assert_eq!(
            store.child(child.id).unwrap().details.name_latin,
            "Sample Ruth Tesfay"
        );
        store.rebuild().unwrap();
        assert_eq!(store.child(child.id).unwrap(), view.child);
    }

    #[test]
    fn a_correction_writes_only_what_changed_and_a_flag_only_through_its_own_op() {
        let (dir, clock, mut store) = store_on(25);
        let child = ruth(&mut store, None);
        let mut input = ChildInput {
            name_latin: "Sample Ruth".into(),
            date_of_birth: "2011-03-04".into(),
            ..Default::default()
        };
        // Saved unchanged: nothing is written.
        let before = store.ops().unwrap().len();
        store.update_child(child.id, &input, "").unwrap();
        assert_eq!(store.ops().unwrap().len(), before);
        // A rename is one field; setting a flag is its own op, with who.
        input.name_latin = "Sample Ruth Tesfay".into();
        input.suspected_trafficked = true;
        let view = store.update_child(child.id, &input, "").unwrap();
        let ops = store.ops().unwrap();
        let kinds: Vec<_> = ops[before..].iter().map(|o| o.kind.as_str()).collect();
        assert_eq!(kinds, ["child_fields_set", "child_flag_set"]);
        assert!(
            !ops[before].payload.contains("trafficked"),
            "the rename names no flag"
        );
        let set = view.flag_history.last().unwrap();
        assert_eq!((set.set, set.by), (true, Some(store.session.user)));

        // A carer cannot clear it; a manager or administrator can, with a reason.
        crate::testing::add_carer(&mut store);
        drop(store);
        let data = crate::testing::data(dir.path());
        let mut carer = crate::testing::unlock_carer(dir.path(), clock.clone());
        input.suspected_trafficked = false;
        let before = carer.ops().unwrap().len();
        assert!(matches!(
            carer.update_child(child.id, &input, "Not trafficked"),
            Err(StoreError::NotAllowed)
        ));
        assert_eq!(carer.ops().unwrap().len(), before, "nothing written");
        drop(carer);
        let mut store = data
            .unlock(Some("Sam Admin"), crate::testing::PIN, clock)
            .unwrap();
        let err = store.update_child(child.id, &input, "  ").unwrap_err();
        let StoreError::Invalid(problems) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(problems[0].message_id(), "error-flag-reason-required");
        assert!(store.child(child.id).unwrap().details.suspected_trafficked);
        let view = store
            .update_child(child.id, &input, " Conclusive grounds:  negative ")
            .unwrap();
        assert!(!view.child.details.suspected_trafficked);
        let cleared = view.flag_history.last().unwrap();
        assert_eq!(
            (cleared.set, cleared.reason.as_str()),
            (false, "Conclusive grounds: negative")
        );
        // The history reads the same after a rebuild of the tables from the log.
        store.rebuild().unwrap();
        assert_eq!(
            store.profile(child.id).unwrap().flag_history,
            view.flag_history
        );
        // Each change is in the audit chain; the carer's refused attempt is not.
        let events: Vec<_> = store
            .audit_entries()
            .unwrap()
            .into_iter()
            .filter(|e| e.subject == child.id.to_string())
            .map(|e| e.event)
            .collect();
        assert_eq!(
            events,
            [
                "child_added",
                "child_details_changed",
                "flag_set",
                "flag_cleared"
            ]
        );
    }
}
