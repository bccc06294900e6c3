//! Backups: one file holding a snapshot of the encrypted database (still encrypted with the
//! same data key) and the wrapped keys, so any user's PIN at the time of the backup restores it
//! on another machine. No byte of it is in the clear but the header's numbers and ids.
//!
//! Layout: `MAGIC`, a little-endian u32 header length, the header (JSON), the database bytes,
//! and a 32-byte BLAKE3 MAC (keyed from the data key) over everything before it. A truncated file
//! is found from the lengths before any PIN is asked for; a changed byte anywhere is found by
//! the MAC once the PIN has opened the key.
//!
//! Restoring gives the store a new device id: the original may go on writing its own series,
//! and the two never collide.

use chrono::{DateTime, Utc};
use harbour_core::{Action, Clock, DeviceId};
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use std::path::Path;

use crate::audit::AuditEvent;
use crate::error::StoreError;
use crate::keys::{write_atomically, DataKey, KeyFile};
use crate::migrations::MIGRATIONS;
use crate::oplog::Device;
use crate::store::{Session, Store};
use crate::vault::{open_keyed, user_role, DataDir};

const MAGIC: &[u8; 16] = b"HARBOUR-BACKUP\0\x01";
pub const BACKUP_FORMAT: u32 = 1;
const MAC_CONTEXT: &str = "harbour 2026 backup mac v1";
const MAC_LEN: usize = 32;

#[derive(Clone, Debug, Serialize, Deserialize)]
struct Header {
    format: u32,
    /// Schema version of the database inside.
    schema: usize,
    app_version: String,
    created_at: DateTime<Utc>,
    device: DeviceId,
    db_len: u64,
    keys: KeyFile,
}

/// Progress of a long job, in percent.
pub type Progress<'a> = &'a mut dyn FnMut(u8);

/// What a backup needs, taken from the open store in a moment, so the backup itself reads
/// through a connection of its own and the store stays free for everything else meanwhile.
pub struct BackupSource {
    dir: DataDir,
    key: DataKey,
    device: DeviceId,
    created_at: DateTime<Utc>,
}

impl std::fmt::Debug for BackupSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BackupSource")
            .field("dir", &self.dir.path())
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Writes a backup to `dest`, atomically: `dest` is either the complete backup or left as it
    /// was. `progress` is told the percentage done. Managers and admins.
    pub fn backup(&mut self, dest: &Path, progress: Progress<'_>) -> Result<(), StoreError> {
        self.backup_source()?.write(dest, progress)
    }

    /// Starts a backup: checks the role and records it in the audit chain (before any data
    /// leaves, like a print), and returns what [`BackupSource::write`] needs.
    pub fn backup_source(&mut self) -> Result<BackupSource, StoreError> {
        self.require(Action::MakeBackup)?;
        let (dir, key) = self.disk.clone().ok_or(StoreError::NotSetUp)?;
        self.audit(AuditEvent::BackupMade, "")?;
        Ok(BackupSource {
            dir,
            key,
            device: self.device_id(),
            created_at: self.now(),
        })
    }
}

impl BackupSource {
    /// Writes the backup to `dest` through its own connection to the database.
    pub fn write(&self, dest: &Path, progress: Progress<'_>) -> Result<(), StoreError> {
        let (dir, key) = (&self.dir, &self.key);
        let mut keys = dir.key_file()?;
        keys.failures.clear();
        progress(0);
        let source = open_keyed(&dir.db_path(), key, false)?;
        // A consistent snapshot through SQLite's online backup, into an encrypted temporary
        // file inside the data folder.
        let snapshot = tempfile::NamedTempFile::new_in(dir.path())?;
        {
            let mut copy = open_snapshot(snapshot.path(), key)?;
            let backup = rusqlite::backup::Backup::new(&source, &mut copy)?;
            loop {
                let step = backup.step(64)?;
                let p = backup.progress();
                let total = p.pagecount.max(1) as u64;
                let done = (p.pagecount - p.remaining).max(0) as u64;
                // The snapshot is the first half of the work.
                progress((done * 50 / total) as u8);
                match step {
                    rusqlite::backup::StepResult::Done => break,
                    rusqlite::backup::StepResult::More => {}
                    _ => std::thread::sleep(std::time::Duration::from_millis(10)),
                }
            }
        }
        drop(source);
        progress(50);
        let db_len = snapshot.as_file().metadata()?.len();
        let header = Header {
            format: BACKUP_FORMAT,
            schema: MIGRATIONS.len(),
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            created_at: self.created_at,
            device: self.device,
            db_len,
            keys,
        };
        let header = serde_json::to_vec(&header).map_err(|_| StoreError::Corrupt("header"))?;
        let mut mac = blake3::Hasher::new_keyed(&key.derive(MAC_CONTEXT));
        let mut source = std::fs::File::open(snapshot.path())?;
        write_atomically(dest, |out| {
            let mut put = |bytes: &[u8]| -> std::io::Result<()> {
                mac.update(bytes);
                out.write_all(bytes)
            };
            put(MAGIC)?;
            put(&(header.len() as u32).to_le_bytes())?;
            put(&header)?;
            let mut buf = vec![0u8; 256 * 1024];
            let mut copied = 0u64;
            loop {
                let n = source.read(&mut buf)?;
                if n == 0 {
                    break;
                }
                put(&buf[..n])?;
                copied += n as u64;
                progress((50 + copied * 49 / db_len.max(1)) as u8);
            }
            let tag = *mac.finalize().as_bytes();
            out.write_all(&tag)
        })?;
        progress(100);
        Ok(())
    }
}

fn open_snapshot(path: &Path, key: &DataKey) -> Result<rusqlite::Connection, StoreError> {
    crate::vault::sqlcipher_ready()?;
    let conn = rusqlite::Connection::open(path)?;
    conn.execute_batch(&key.pragma())?;
    Ok(conn)
}

/// A backup file read and checked as far as it can be without a PIN.
struct Parsed {
    header: Header,
    /// Where the database bytes start.
    db_start: usize,
    bytes: Vec<u8>,
}

fn parse(bytes: Vec<u8>) -> Result<Parsed, StoreError> {
    if bytes.len() < MAGIC.len() + 4 || &bytes[..MAGIC.len()] != MAGIC {
        return Err(StoreError::NotABackup);
    }
    let len_at = MAGIC.len();
    let header_len = u32::from_le_bytes(
        bytes[len_at..len_at + 4]
            .try_into()
            .map_err(|_| StoreError::BackupDamaged)?,
    ) as usize;
    let header_start = len_at + 4;
    let db_start = header_start
        .checked_add(header_len)
        .filter(|&end| end <= bytes.len())
        .ok_or(StoreError::BackupDamaged)?;
    let header: Header = serde_json::from_slice(&bytes[header_start..db_start])
        .map_err(|_| StoreError::BackupDamaged)?;
    if header.format > BACKUP_FORMAT || header.schema > MIGRATIONS.len() {
        return Err(StoreError::TooNew);
    }
    let expected = (db_start as u64)
        .checked_add(header.db_len)
        .and_then(|n| n.checked_add(MAC_LEN as u64));
    if expected != Some(bytes.len() as u64) {
        return Err(StoreError::BackupDamaged);
    }
    Ok(Parsed {
        header,
        db_start,
        bytes,
    })
}

impl DataDir {
    /// Restores a backup into this (empty) data folder, with the name and PIN of a user who had
    /// one when it was made, and returns the store unlocked. Nothing is written here until the
    /// whole file has been checked; a store already here is never overwritten.
    pub fn restore(
        &self,
        backup: &Path,
        name: Option<&str>,
        pin: &str,
        clock: impl Clock + Send + 'static,
    ) -> Result<Store, StoreError> {
        if self.key_path().exists() {
            return Err(StoreError::AlreadySetUp);
        }
        let parsed = parse(std::fs::read(backup)?)?;
        let keys = &parsed.header.keys;
        let entry = keys.find(name).ok_or(StoreError::WrongPin(0))?.clone();
        let key = entry.open(pin)?.ok_or(StoreError::WrongPin(0))?;
        let body_end = parsed.bytes.len() - MAC_LEN;
        let mac = blake3::keyed_hash(&key.derive(MAC_CONTEXT), &parsed.bytes[..body_end]);
        // blake3's Hash compares in constant time.
        if mac
            != blake3::Hash::from_bytes(
                parsed.bytes[body_end..]
                    .try_into()
                    .map_err(|_| StoreError::BackupDamaged)?,
            )
        {
            return Err(StoreError::BackupDamaged);
        }
        std::fs::create_dir_all(self.path())?;
        self.remove_unfinished_set_up()?;
        let result = self.restore_database(&parsed, &key, entry.user, clock);
        if result.is_err() {
            // Leave the folder as it was found: empty of any store.
            let _ = self.remove_unfinished_set_up();
        }
        let store = result?;
        let mut keys = parsed.header.keys.clone();
        keys.failures.clear();
        keys.save(&self.key_path())?;
        Ok(store)
    }

    fn restore_database(
        &self,
        parsed: &Parsed,
        key: &DataKey,
        user: harbour_core::UserId,
        clock: impl Clock + Send + 'static,
    ) -> Result<Store, StoreError> {
        let db = &parsed.bytes[parsed.db_start..parsed.bytes.len() - MAC_LEN];
        write_atomically(&self.db_path(), |f| f.write_all(db))?;
        let mut conn = open_keyed(&self.db_path(), key, false)?;
        crate::migrations::migrate(&mut conn)?;
        let role = user_role(&conn, user)?;
        let from = Device::renew(&conn)?;
        let session = Session { user, role };
        let store = Store::init(conn, clock, session, Some((self.clone(), key.clone())))?;
        store.audit(AuditEvent::Restored, &from.to_string())?;
        store.audit(AuditEvent::Unlocked, "")?;
        Ok(store)
    }
}
