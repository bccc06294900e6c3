//! The store itself: open or create the file, migrate it, and the reads and writes the app
//! needs. Writes validate everything first and commit in one transaction.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use chrono::{DateTime, NaiveDate, Utc};
use harbour_core::api::Reported;
use harbour_core::episode::validate_last_seen;
use harbour_core::ops::OpBody;
use harbour_core::{
    Action, Child, ChildDetails, ChildId, ChildInput, Clock, DeviceId, EpisodeId, Field,
    FieldError, MissingEpisode, RecordState, Role, TeamId, UserId,
};
use rusqlite::{Connection, OptionalExtension, Row};
use std::fmt;
use uuid::Uuid;

use crate::audit::{self, AuditEntry, AuditEvent, ChainCheck};
use crate::error::StoreError;
use crate::keys::DataKey;
use crate::migrations;
use crate::oplog::{self, Device, Op};
use crate::photo::prepare_photo;
use crate::samples::sample_children;
use crate::vault::DataDir;

/// The wall clock, for the real app.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// Who is using the store: every read and write is checked against their role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Session {
    pub user: UserId,
    pub role: Role,
}

/// An unlocked store. Dropping it closes the database and zeroises the key.
pub struct Store {
    pub(crate) conn: Connection,
    clock: Box<dyn Clock + Send>,
    pub(crate) device: Device,
    pub(crate) session: Session,
    /// The team whose settings are shown (`teams::Store::current_team`).
    pub(crate) team: Option<TeamId>,
    /// The data folder and key, for stores on disk (backups and staff changes need them).
    pub(crate) disk: Option<(DataDir, DataKey)>,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.conn.path())
            .field("session", &self.session)
            .finish_non_exhaustive()
    }
}

fn to_millis(t: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(t.timestamp_millis()).unwrap_or(t)
}

/// A time as stored: RFC 3339 to the millisecond, UTC.
pub(crate) fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub(crate) fn parse_ts(s: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| StoreError::Corrupt("timestamp"))
}

pub(crate) fn parse_id(s: &str) -> Result<Uuid, StoreError> {
    Uuid::parse_str(s).map_err(|_| StoreError::Corrupt("id"))
}
const CHILD_COLUMNS: &str = "id, name_latin, name_own_script, date_of_birth, languages, \
     unaccompanied, suspected_trafficked, photo_jpeg IS NOT NULL, created_at, moved_to, \
     merged_into";

/// The raw text of a child row; decoded outside rusqlite so damage is a typed error.
struct ChildRow {
    id: String,
    name_latin: String,
    name_own_script: Option<String>,
    date_of_birth: String,
    languages: String,
    unaccompanied: bool,
    suspected_trafficked: bool,
    has_photo: bool,
    created_at: String,
    moved_to: Option<String>,
    merged_into: Option<String>,
}

impl ChildRow {
    fn read(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            id: r.get(0)?,
            name_latin: r.get(1)?,
            name_own_script: r.get(2)?,
            date_of_birth: r.get(3)?,
            languages: r.get(4)?,
            unaccompanied: r.get(5)?,
            suspected_trafficked: r.get(6)?,
            has_photo: r.get(7)?,
            created_at: r.get(8)?,
            moved_to: r.get(9)?,
            merged_into: r.get(10)?,
        })
    }

    fn decode(self) -> Result<Child, StoreError> {
        Ok(Child {
            id: ChildId::from_uuid(parse_id(&self.id)?),
            details: ChildDetails {
                name_latin: self.name_latin,
                name_own_script: self.name_own_script,
                date_of_birth: NaiveDate::parse_from_str(&self.date_of_birth, "%Y-%m-%d")
                    .map_err(|_| StoreError::Corrupt("date_of_birth"))?,
                languages: serde_json::from_str(&self.languages)
                    .map_err(|_| StoreError::Corrupt("languages"))?,
                unaccompanied: self.unaccompanied,
                suspected_trafficked: self.suspected_trafficked,
            },
            has_photo: self.has_photo,
            created_at: parse_ts(&self.created_at)?,
            record: record_state(self.moved_to.as_deref(), self.merged_into.as_deref())?,
        })
    }
}

/// Where a child's record is kept up, from the read table's `moved_to` and `merged_into`.
fn record_state(
    moved_to: Option<&str>,
    merged_into: Option<&str>,
) -> Result<RecordState, StoreError> {
    #[derive(serde::Deserialize)]
    struct Moved {
        team: harbour_core::TeamId,
        name: String,
        at: DateTime<Utc>,
    }
    #[derive(serde::Deserialize)]
    struct Merged {
        child: ChildId,
        at: DateTime<Utc>,
    }
    let bad = |_| StoreError::Corrupt("record state");
    if let Some(m) = merged_into {
        let m: Merged = serde_json::from_str(m).map_err(bad)?;
        return Ok(RecordState::MergedInto {
            child: m.child,
            at: m.at,
        });
    }
    if let Some(m) = moved_to {
        let m: Moved = serde_json::from_str(m).map_err(bad)?;
        return Ok(RecordState::MovedTo {
            team: m.team,
            team_name: m.name,
            at: m.at,
        });
    }
    Ok(RecordState::Here)
}

pub(crate) const EPISODE_COLUMNS: &str = "id, child_id, started_at, last_seen_at, closed_at";

pub(crate) fn read_episode(r: &Row<'_>) -> rusqlite::Result<[Option<String>; 5]> {
    Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?])
}

pub(crate) fn decode_episode(row: [Option<String>; 5]) -> Result<MissingEpisode, StoreError> {
    let [id, child, started, last_seen, closed] = row;
    let need = |v: Option<String>| v.ok_or(StoreError::Corrupt("episode"));
    Ok(MissingEpisode {
        id: EpisodeId::from_uuid(parse_id(&need(id)?)?),
        child_id: ChildId::from_uuid(parse_id(&need(child)?)?),
        started_at: parse_ts(&need(started)?)?,
        last_seen_at: parse_ts(&need(last_seen)?)?,
        closed_at: closed.as_deref().map(parse_ts).transpose()?,
    })
}

impl Store {
    /// A store that lives only in memory, used as an admin who is not recorded anywhere; for
    /// tests and benchmarks.
    pub fn open_in_memory(clock: impl Clock + Send + 'static) -> Result<Self, StoreError> {
        let session = Session {
            user: UserId::from_uuid(Uuid::now_v7()),
            role: Role::Admin,
        };
        Self::open_in_memory_as(clock, session)
    }

    /// A store in memory used by `session`'s user (who is recorded nowhere until an op adds
    /// them); for tests and benchmarks of several devices.
    pub fn open_in_memory_as(
        clock: impl Clock + Send + 'static,
        session: Session,
    ) -> Result<Self, StoreError> {
        Self::init(Connection::open_in_memory()?, clock, session, None)
    }

    /// Migrates an open (and, on disk, keyed) connection and loads the device.
    pub(crate) fn init(
        mut conn: Connection,
        clock: impl Clock + Send + 'static,
        session: Session,
        disk: Option<(DataDir, DataKey)>,
    ) -> Result<Self, StoreError> {
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.busy_timeout(crate::vault::BUSY_TIMEOUT)?;
        migrations::migrate(&mut conn)?;
        let device = Device::load_or_create(&conn)?;
        let mut store = Self {
            conn,
            clock: Box::new(clock),
            device,
            session,
            team: None,
            disk,
        };
        store.adopt_rows_from_before_the_log()?;
        // Before anything refolds the log: ops that only an update made readable are checked.
        {
            let now = store.now();
            let tx = store
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            crate::remote::read_newly_known(&tx, now)?;
            tx.commit()?;
        }
        // After adopting: the upgrades may refold the log, which must hold every row by then.
        let now = store.now();
        crate::upgrade::run_pending(&mut store.conn, &mut store.device, session.user, now)?;
        store.team = crate::teams::first_team(&store.conn, session.user, None)?;
        Ok(store)
    }

    /// Another connection to this open store, for work that must not hold the app's (a sync
    /// in the background, waiting on the network): the same person, team shown and key. Every
    /// write reads the device's series again under SQLite's write lock, so the two never give
    /// out the same place in it.
    pub fn another_connection(
        &self,
        clock: impl Clock + Send + 'static,
    ) -> Result<Store, StoreError> {
        let (dir, key) = self.disk.clone().ok_or(StoreError::NotSetUp)?;
        let conn = crate::vault::open_keyed(&dir.db_path(), &key, false)?;
        let mut store = Store::init(conn, clock, self.session, Some((dir, key)))?;
        store.team = self.team;
        Ok(store)
    }

    /// Who is using the store.
    pub fn session(&self) -> Session {
        self.session
    }

    /// Refuses what the session's role may not do (the store calls it before every read and
    /// write; callers may ask ahead, e.g. before starting a long job).
    pub fn require(&self, action: Action) -> Result<(), StoreError> {
        if self.session.role.may(action) {
            Ok(())
        } else {
            Err(StoreError::NotAllowed)
        }
    }

    /// Writes an audit entry with the session's user as the actor.
    pub(crate) fn audit(&self, event: AuditEvent, subject: &str) -> Result<(), StoreError> {
        audit::record(
            &self.conn,
            self.now(),
            event,
            subject,
            &self.session.user.to_string(),
        )
    }

    /// Locks: records it and closes the database; the key is zeroised as it drops.
    pub fn lock(self) -> Result<(), StoreError> {
        self.audit(AuditEvent::Locked, "")
    }

    /// Appends ops by the session's user and folds them, and writes to the audit chain those
    /// that matter to a child's record, all in one transaction; the device's series advances
    /// only if it all commits.
    /// Each op is in its record's team (`teams::team_of`); a new child's, in `self.team`.
    pub(crate) fn write(&mut self, bodies: &[OpBody]) -> Result<(), StoreError> {
        self.write_ops(bodies, true, self.team)
    }

    fn write_ops(
        &mut self,
        bodies: &[OpBody],
        audited: bool,
        current: Option<TeamId>,
    ) -> Result<(), StoreError> {
        let now = self.now();
        let user = self.session.user;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Read again under the write lock: another connection to this store (a sync in the
        // background) may have moved the series or the clock on since this one last wrote.
        let mut device = oplog::Device::load_or_create(&tx)?;
        for body in bodies {
            if !matches!(body, OpBody::ChildTransferredIn { .. }) {
                crate::moves::refuse_if_left_behind(&tx, body)?;
            }
        }
        let mut entries: Vec<(AuditEvent, String)> = Vec::new();
        for body in bodies {
            let team = crate::teams::team_of(&tx, body, current)?;
            oplog::append(&tx, &mut device, now.timestamp_millis(), user, team, body)?;
            entries.extend(AuditEvent::of_write(body).filter(|_| audited));
        }
        // A child added with their photo is one entry: "child added".
        let added: Vec<String> = entries
            .iter()
            .filter(|(e, _)| *e == AuditEvent::ChildAdded)
            .map(|(_, s)| s.clone())
            .collect();
        entries.retain(|(e, s)| !(*e == AuditEvent::ProfileChanged && added.contains(s)));
        for (event, subject) in entries {
            audit::record(&tx, now, event, &subject, &user.to_string())?;
        }
        tx.commit()?;
        self.device = device;
        Ok(())
    }

    /// Stores written before the op log (schema 1) hold rows but no ops: turn every row into
    /// the ops that would have made it, once, so nothing is lost and the log is complete.
    fn adopt_rows_from_before_the_log(&mut self) -> Result<(), StoreError> {
        let has_ops: bool = self
            .conn
            .query_row("SELECT EXISTS(SELECT 1 FROM ops)", [], |r| r.get(0))?;
        if has_ops {
            return Ok(());
        }
        let mut bodies = Vec::new();
        for child in self.children()? {
            let photo = self.child_photo(child.id)?;
            bodies.push(OpBody::ChildAdded {
                child: child.id,
                details: child.details,
                created_at: child.created_at,
            });
            if let Some(jpeg) = photo {
                bodies.push(OpBody::ChildPhotoSet {
                    child: child.id,
                    jpeg_base64: BASE64.encode(jpeg),
                });
            }
        }
        for ep in self.open_episodes()? {
            bodies.push(OpBody::EpisodeStarted {
                episode: ep.id,
                child: ep.child_id,
                started_at: ep.started_at,
                last_seen_at: ep.last_seen_at,
            });
        }
        if !bodies.is_empty() {
            // Not new records: the rows were there already, so the audit chain says nothing.
            self.write_ops(&bodies, false, None)?;
        }
        Ok(())
    }

    /// This install's device id: the series its ops are numbered in.
    pub fn device_id(&self) -> DeviceId {
        self.device.id
    }

    /// Every op in the log, in (hlc, device, idx) order.
    pub fn ops(&self) -> Result<Vec<Op>, StoreError> {
        oplog::all_ops(&self.conn)
    }

    /// Folds the whole log again from nothing; the read tables must come out the same.
    pub fn rebuild(&mut self) -> Result<(), StoreError> {
        self.require(Action::ChangeSettings)?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        oplog::rebuild(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Now, to the millisecond: the precision times are stored with, so what a write returns
    /// equals what a later read gives back.
    pub fn now(&self) -> DateTime<Utc> {
        to_millis(self.clock.now())
    }

    /// Validates the child's details and photo together (every problem reported at once), then
    /// saves them in the member of staff's team (see [`Store::add_child_to`]). On any error
    /// nothing is written.
    pub fn add_child(
        &mut self,
        input: &ChildInput,
        photo: Option<&[u8]>,
    ) -> Result<Child, StoreError> {
        self.add_child_to(None, input, photo)
    }

    /// Adds a child to `team`, one of the member of staff's teams; with `None`, to their only
    /// team (one in several must be chosen).
    pub fn add_child_to(
        &mut self,
        team: Option<TeamId>,
        input: &ChildInput,
        photo: Option<&[u8]>,
    ) -> Result<Child, StoreError> {
        self.require(Action::EditChildren)?;
        let now = self.now();
        let details = input.validate(now.date_naive());
        let photo = photo.map(prepare_photo).transpose();
        let team = harbour_core::teams::team_for_new_child(team, &self.my_teams()?);
        let (details, photo, team) = match (details, photo, team) {
            (Ok(d), Ok(p), Ok(t)) => (d, p, t),
            (details, photo, team) => {
                let mut errors = details.err().unwrap_or_default();
                if let Err(problem) = photo {
                    errors.push(FieldError::new(Field::Photo, problem));
                }
                errors.extend(team.err().unwrap_or_default());
                return Err(StoreError::Invalid(errors));
            }
        };
        let id = ChildId::from_uuid(Uuid::now_v7());
        let mut bodies = vec![OpBody::ChildAdded {
            child: id,
            details,
            created_at: now,
        }];
        if let Some(jpeg) = photo {
            bodies.push(OpBody::ChildPhotoSet {
                child: id,
                jpeg_base64: BASE64.encode(jpeg),
            });
        }
        self.write_ops(&bodies, true, team)?;
        self.child(id)
    }

    /// Every child, by name.
    pub fn children(&self) -> Result<Vec<Child>, StoreError> {
        self.require(Action::ViewChildren)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CHILD_COLUMNS} FROM children WHERE merged_into IS NULL AND {} \
             ORDER BY name_latin COLLATE NOCASE, id",
            self.seen("team")
        ))?;
        let rows = stmt.query_map([], ChildRow::read)?;
        rows.map(|r| r?.decode()).collect()
    }

    pub fn child(&self, id: ChildId) -> Result<Child, StoreError> {
        self.require(Action::ViewChildren)?;
        self.conn
            .query_row(
                &format!(
                    "SELECT {CHILD_COLUMNS} FROM children WHERE id = ?1 AND {}",
                    self.seen("team")
                ),
                [id.to_string()],
                ChildRow::read,
            )
            .optional()?
            .ok_or(StoreError::NotFound)?
            .decode()
    }

    /// Opens a child's details on screen: returns them with the photo and records the view in
    /// the audit chain. A child that does not exist records nothing.
    pub fn open_child(&mut self, id: ChildId) -> Result<(Child, Option<Vec<u8>>), StoreError> {
        // Reads and the record cannot interleave with another write: the store is borrowed
        // mutably for the whole call.
        let child = self.child(id)?;
        let photo = self.child_photo(id)?;
        self.audit(AuditEvent::ChildViewed, &id.to_string())?;
        Ok((child, photo))
    }

    /// The audit chain, oldest first.
    pub fn audit_entries(&self) -> Result<Vec<AuditEntry>, StoreError> {
        self.require(Action::ViewAudit)?;
        audit::entries(&self.conn)
    }

    /// Checks every link of the audit chain.
    pub fn verify_audit(&self) -> Result<ChainCheck, StoreError> {
        self.require(Action::ViewAudit)?;
        audit::verify(&self.conn)
    }

    /// The child's stored photo (JPEG), if any.
    pub fn child_photo(&self, id: ChildId) -> Result<Option<Vec<u8>>, StoreError> {
        self.require(Action::ViewChildren)?;
        self.conn
            .query_row(
                &format!(
                    "SELECT photo_jpeg FROM children WHERE id = ?1 AND {}",
                    self.seen("team")
                ),
                [id.to_string()],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::NotFound)
    }

    /// Records that the child is missing, now. If an episode is already open it is returned as it
    /// is, so a second press (or a second carer) never opens a duplicate.
    pub fn report_missing(&mut self, child: ChildId) -> Result<Reported, StoreError> {
        self.require(Action::RecordMissing)?;
        let now = self.now();
        self.child(child)?;
        if let Some(episode) = self
            .open_episodes()?
            .into_iter()
            .find(|e| e.child_id == child)
        {
            return Ok(Reported {
                episode,
                already_open: true,
                opened: None,
            });
        }
        let id = EpisodeId::from_uuid(Uuid::now_v7());
        self.write(&[OpBody::EpisodeStarted {
            episode: id,
            child,
            started_at: now,
            last_seen_at: now,
        }])?;
        Ok(Reported {
            episode: self.episode(id)?,
            already_open: false,
            opened: None,
        })
    }

    /// Corrects when the child was last seen. A time in the future is refused.
    pub fn set_last_seen(
        &mut self,
        episode: EpisodeId,
        at: DateTime<Utc>,
    ) -> Result<MissingEpisode, StoreError> {
        self.require(Action::RecordMissing)?;
        let at = validate_last_seen(to_millis(at), self.now())
            .map_err(|e| StoreError::Invalid(vec![e]))?;
        self.episode(episode)?;
        self.write(&[OpBody::EpisodeLastSeenSet { episode, at }])?;
        self.episode(episode)
    }

    pub fn episode(&self, id: EpisodeId) -> Result<MissingEpisode, StoreError> {
        self.require(Action::ViewChildren)?;
        let row = self
            .conn
            .query_row(
                &format!(
                    "SELECT {EPISODE_COLUMNS} FROM missing_episodes WHERE id = ?1 AND {}",
                    self.episode_seen()
                ),
                [id.to_string()],
                read_episode,
            )
            .optional()?
            .ok_or(StoreError::NotFound)?;
        decode_episode(row)
    }

    /// Every episode still open, oldest first.
    pub fn open_episodes(&self) -> Result<Vec<MissingEpisode>, StoreError> {
        self.require(Action::ViewChildren)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {EPISODE_COLUMNS} FROM missing_episodes WHERE closed_at IS NULL AND {} \
             ORDER BY started_at, id",
            self.episode_seen()
        ))?;
        let rows = stmt.query_map([], read_episode)?;
        rows.map(|r| decode_episode(r?)).collect()
    }

    /// Marks these records as a demonstration, which takes the sample children. Set up by
    /// [`crate::Vault::create_demo`]; never offered to staff (a real store stays real).
    pub fn mark_as_demo(&mut self) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT OR IGNORE INTO demo_store (id, marked_at) VALUES (1, ?1)",
            [self.now().to_rfc3339()],
        )?;
        Ok(())
    }

    /// Whether these records are a demonstration (see [`Store::mark_as_demo`]).
    pub fn is_demo(&self) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT EXISTS(SELECT 1 FROM demo_store)", [], |r| r.get(0))?)
    }

    /// Adds the fictional sample children to a demonstration store, once: does nothing if any
    /// child exists already, and refuses real records ([`StoreError::NotADemo`]), so invented
    /// children never sit beside real ones. Returns how many were added.
    pub fn load_sample_children(&mut self) -> Result<usize, StoreError> {
        self.require(Action::EditChildren)?;
        let any: bool = self
            .conn
            .query_row("SELECT EXISTS(SELECT 1 FROM children)", [], |r| r.get(0))?;
        if any {
            return Ok(0);
        }
        if !self.is_demo()? {
            return Err(StoreError::NotADemo);
        }
        let samples = sample_children();
        let today = self.now().date_naive().format("%Y-%m-%d").to_string();
        let photos = [Some([200, 220, 235]), Some([225, 215, 195]), None];
        for ((s, sections), tint) in samples
            .iter()
            .zip(crate::samples::sample_profiles())
            .zip(photos)
        {
            let photo = tint.map(crate::samples::sample_photo);
            let child = self.add_child(s, photo.as_deref())?;
            // The first sample child shows both photos (before the profile is checked, so a
            // new photo does not make the rest due).
            if let Some(tint) = tint.filter(|_| s.name_latin.starts_with("Amanuel")) {
                self.set_photo(
                    child.id,
                    harbour_core::profile::PhotoKind::FullLength,
                    &crate::samples::sample_full_length(tint),
                    &today,
                )?;
            }
            if photo.is_some() {
                let taken: harbour_core::profile::Values =
                    [("photo_taken_on".to_owned(), serde_json::json!(today))]
                        .into_iter()
                        .collect();
                self.save_profile(
                    child.id,
                    &harbour_core::profile::SectionInput {
                        section: harbour_core::profile::Section::Photos,
                        values: taken,
                    },
                )?;
            }
            for section in &sections {
                self.save_profile(child.id, section)?;
            }
        }
        Ok(samples.len())
    }
}

#[cfg(test)]
mod tests;
