//! Each child's daily log (`harbour_core::log`): entries written here or arriving from other
//! devices, insert-only, each with its author and both of its times; a correction or addendum
//! is an entry of its own pointing at the one it amends, of the same child only.

use std::collections::BTreeMap;

use harbour_core::log::{LogEntry, LogInput, LogRecord};
use harbour_core::ops::OpBody;
use harbour_core::{Action, ChildId, LogEntryId};
use rusqlite::params;
use uuid::Uuid;

use crate::error::StoreError;
use crate::Store;

impl Store {
    /// Adds an entry to the child's log, written now by the signed-in member of staff. Every
    /// problem with it is reported at once and nothing is written; an entry it amends must be
    /// one of this child's (nothing is copied between children).
    pub fn add_log_entry(
        &mut self,
        child: ChildId,
        input: &LogInput,
    ) -> Result<LogEntry, StoreError> {
        self.require(Action::EditChildren)?;
        self.see_child(child)?;
        if let Some((earlier, _)) = input.amends {
            let theirs: bool = self
                .conn
                .prepare_cached(
                    "SELECT EXISTS(SELECT 1 FROM log_entries WHERE id = ?1 AND child = ?2)",
                )?
                .query_row(params![earlier.to_string(), child.to_string()], |r| {
                    r.get(0)
                })?;
            if !theirs {
                return Err(StoreError::NotFound);
            }
        }
        let id = LogEntryId::from_uuid(Uuid::now_v7());
        let record = input
            .validate(id, self.session.user, self.now())
            .map_err(StoreError::Invalid)?;
        self.write(&[OpBody::LogEntryAdded { child, record }])?;
        self.child_log(child)?
            .into_iter()
            .find(|e| e.record.id == id)
            .ok_or(StoreError::Corrupt("log entry"))
    }

    /// The child's log, what happened most recently first (then what was written last), each
    /// entry with the entries that amend it.
    pub fn child_log(&self, child: ChildId) -> Result<Vec<LogEntry>, StoreError> {
        self.require(Action::ViewChildren)?;
        self.see_child(child)?;
        let names: BTreeMap<_, _> = self.user_names()?.into_iter().collect();
        let rows: Vec<String> = self
            .conn
            .prepare_cached(
                "SELECT record FROM log_entries WHERE child = ?1 \
                 ORDER BY happened_at DESC, written_at DESC, id DESC",
            )?
            .query_map([child.to_string()], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let records: Vec<LogRecord> = rows
            .iter()
            .map(|r| serde_json::from_str(r).map_err(|_| StoreError::Corrupt("log entry")))
            .collect::<Result<_, _>>()?;
        let mut amended: BTreeMap<LogEntryId, Vec<(chrono::DateTime<chrono::Utc>, LogEntryId)>> =
            BTreeMap::new();
        for r in &records {
            if let Some((earlier, _)) = r.amends {
                amended
                    .entry(earlier)
                    .or_default()
                    .push((r.written_at, r.id));
            }
        }
        Ok(records
            .into_iter()
            .map(|record| {
                let mut by = amended.remove(&record.id).unwrap_or_default();
                by.sort();
                LogEntry {
                    child,
                    by_name: names.get(&record.by).cloned().unwrap_or_default(),
                    amended_by: by.into_iter().map(|(_, id)| id).collect(),
                    record,
                }
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{add_carer, create, unlock_carer};
    use crate::StoreError;
    use chrono::{Duration, TimeZone, Utc};
    use harbour_core::log::{Amends, Basis, LogInput, Theme};
    use harbour_core::{ChildInput, Field, FixedClock};
    use std::sync::Arc;

    fn child(name: &str) -> ChildInput {
        ChildInput {
            name_latin: name.into(),
            date_of_birth: "2010-05-14".into(),
            unaccompanied: true,
            ..Default::default()
        }
    }

    #[test]
    fn entries_are_insert_only_a_correction_keeps_the_first_wording_and_stays_with_its_child() {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(FixedClock::at(
            Utc.with_ymd_and_hms(2026, 12, 6, 21, 40, 0).unwrap(),
        ));
        let mut admin = create(dir.path(), clock.clone());
        add_carer(&mut admin);
        let amanuel = admin.add_child(&child("Sample Amanuel"), None).unwrap().id;
        let dawit = admin.add_child(&child("Sample Dawit"), None).unwrap().id;
        drop(admin);
        let mut carer = unlock_carer(dir.path(), clock.clone());
        let now = carer.now();
        let first = LogInput {
            happened_at: Some(now - Duration::hours(5)),
            basis: Basis::Reported,
            reported_by: "His teacher, by phone".into(),
            themes: vec![Theme::Education, Theme::Absence],
            text: "Not in school after lunch; a man in a white car at the gate.".into(),
            amends: None,
        };
        let written = carer.add_log_entry(amanuel, &first).unwrap();
        assert_eq!(written.by_name, crate::testing::CARER);
        assert_eq!(written.record.written_at, now);
        // Bad input: every problem, nothing written.
        let bad = carer
            .add_log_entry(amanuel, &LogInput::default())
            .unwrap_err();
        let StoreError::Invalid(problems) = bad else {
            panic!("{bad:?}")
        };
        assert!(problems.iter().any(|p| p.field == Field::LogText));
        assert_eq!(carer.child_log(amanuel).unwrap().len(), 1);
        // A correction is a new entry; the first wording stays, pointing at it.
        let correction = LogInput {
            happened_at: Some(now - Duration::hours(5)),
            basis: Basis::Fact,
            themes: vec![Theme::Absence],
            text: "The car was silver, not white (CCTV).".into(),
            amends: Some((written.record.id, Amends::Correction)),
            ..Default::default()
        };
        let corrected = carer.add_log_entry(amanuel, &correction).unwrap();
        let log = carer.child_log(amanuel).unwrap();
        assert_eq!(log.len(), 2);
        let original = log
            .iter()
            .find(|e| e.record.id == written.record.id)
            .unwrap();
        assert!(
            original.record.text.contains("white car"),
            "first wording kept"
        );
        assert_eq!(original.amended_by, [corrected.record.id]);
        // Never against another child's entry, and nothing shows in another child's log.
        assert_eq!(
            carer.add_log_entry(dawit, &correction).unwrap_err().code(),
            StoreError::NotFound.code()
        );
        assert!(carer.child_log(dawit).unwrap().is_empty());
        // The log is a fold: a rebuild gives it back the same.
        drop(carer);
        let mut admin = crate::testing::data(dir.path())
            .unlock(Some("Sam Admin"), crate::testing::PIN, clock)
            .unwrap();
        let before = admin.child_log(amanuel).unwrap();
        admin.rebuild().unwrap();
        assert_eq!(admin.child_log(amanuel).unwrap(), before);
    }
}
