//! Backups: one file holding a snapshot of the encrypted database (still encrypted with the
//! data key) and the key file, opened by the organisation's recovery key on any computer, or by
//! a member of staff's PIN on the computer it was made on. No byte of it is in the clear but
//! the header's numbers and ids.
//!
//! Format 2 (from this version): each backup has its own random key. It is sealed to the
//! recovery key's public half (see `recovery`) and, for a restore by PIN here, under the data
//! key; the data key is sealed under it. The header also carries the audit chain's last entry,
//! so a restore can tell that none was cut off. Format 1 backups (the data key wrapped under
//! each PIN alone) still restore with a PIN.
//!
//! Layout: `MAGIC`, a little-endian u32 header length, the header (JSON), the database bytes,
//! and a 32-byte BLAKE3 MAC over everything before it, keyed from the backup's key (format 1:
//! from the data key). A truncated file is found from the lengths before any key is asked for;
//! a changed byte anywhere is found by the MAC once a key has opened.
//!
//! Restoring gives the store a new device id: the original may go on writing its own series,
//! and the two never collide. Wrong PINs and wrong recovery keys are counted like unlocks, in
//! the folder restored into.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use chrono::{DateTime, Utc};
use harbour_core::ops::OpBody;
use harbour_core::{Action, Clock, DeviceId};
use harbour_core::{Role, UserId};
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use std::path::Path;
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::audit::AuditEvent;
use crate::error::StoreError;
use crate::keys::{fill_random, hex_bytes, write_atomically, DataKey, KdfParams, KeyFile};
use crate::migrations::MIGRATIONS;
use crate::oplog::Device;
use crate::recovery::{key_pair, RecoveryKey};
use crate::store::{Session, Store};
use crate::tries::Who;
use crate::userkey::{open_sealed, seal_to, PinLock, Sealed, UserEntry, UserSecret};
use crate::vault::{open_keyed, user_role, DataDir};

const MAGIC_V1: &[u8; 16] = b"HARBOUR-BACKUP\0\x01";
const MAGIC: &[u8; 16] = b"HARBOUR-BACKUP\0\x02";
pub const BACKUP_FORMAT: u32 = 2;
const MAC_V1: &str = "harbour 2026 backup mac v1";
const MAC_V2: &str = "harbour 2026 backup mac v2";
const WRAP_UNDER_DATA_KEY: &str = "harbour 2026 backup key under the data key v2";
const MAC_LEN: usize = 32;

/// 32 bytes under a symmetric key.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Wrapped {
    #[serde(with = "hex_bytes")]
    nonce: Vec<u8>,
    #[serde(with = "hex_bytes")]
    sealed: Vec<u8>,
}

fn wrap(key: &[u8; 32], msg: &[u8; 32], aad: &[u8]) -> Result<Wrapped, StoreError> {
    let mut nonce = vec![0u8; 24];
    fill_random(&mut nonce)?;
    let sealed = XChaCha20Poly1305::new(key.into())
        .encrypt(XNonce::from_slice(&nonce), Payload { msg, aad })
        .map_err(|_| StoreError::BackupDamaged)?;
    Ok(Wrapped { nonce, sealed })
}

fn unwrap(key: &[u8; 32], w: &Wrapped, aad: &[u8]) -> Option<Zeroizing<[u8; 32]>> {
    if w.nonce.len() != 24 {
        return None;
    }
    let plain = XChaCha20Poly1305::new(key.into())
        .decrypt(
            XNonce::from_slice(&w.nonce),
            Payload {
                msg: &w.sealed,
                aad,
            },
        )
        .ok()?;
    let plain = Zeroizing::new(plain);
    Some(Zeroizing::new(plain.as_slice().try_into().ok()?))
}

/// The audit chain's last entry when the backup was made.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct AuditHead {
    entries: i64,
    #[serde(with = "hex_bytes")]
    hash: Vec<u8>,
}

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
    /// Format 2: the backup's key sealed to the recovery key.
    #[serde(default)]
    recovery: Option<Sealed>,
    /// Format 2: the backup's key under the data key (a restore by PIN on this computer).
    #[serde(default)]
    backup_key: Option<Wrapped>,
    /// Format 2: the data key under the backup's key.
    #[serde(default)]
    data_key: Option<Wrapped>,
    #[serde(default)]
    audit_head: Option<AuditHead>,
}

impl Header {
    /// What the format 2 seals are bound to: this backup, of this store.
    fn aad(&self) -> Vec<u8> {
        let mut aad = b"harbour-backup-v2".to_vec();
        aad.extend_from_slice(self.keys.store.unwrap_or_default().as_bytes());
        aad.extend_from_slice(self.device.to_string().as_bytes());
        aad.extend_from_slice(self.created_at.to_rfc3339().as_bytes());
        aad
    }
}

/// A backup's own key.
struct BackupKey(Zeroizing<[u8; 32]>);

impl BackupKey {
    fn mac_key(&self) -> Zeroizing<[u8; 32]> {
        Zeroizing::new(blake3::derive_key(MAC_V2, self.0.as_slice()))
    }
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
    /// A backup needs the organisation's recovery key to have been made (at set-up, or in
    /// Settings): without one it is refused before anything is written.
    pub fn backup_source(&mut self) -> Result<BackupSource, StoreError> {
        self.require(Action::MakeBackup)?;
        let (dir, key) = self.disk.clone().ok_or(StoreError::NotSetUp)?;
        if dir.key_file()?.recovery.is_none() {
            return Err(StoreError::NoRecoveryKey);
        }
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
        let keys = dir.key_file()?;
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
        let head = crate::audit::head(&source)?;
        drop(source);
        progress(50);
        let db_len = snapshot.as_file().metadata()?.len();
        let recovery = keys.recovery.clone().ok_or(StoreError::NoRecoveryKey)?;
        let mut bk = BackupKey(Zeroizing::new([0u8; 32]));
        fill_random(bk.0.as_mut())?;
        let mut header = Header {
            format: BACKUP_FORMAT,
            schema: MIGRATIONS.len(),
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            created_at: self.created_at,
            device: self.device,
            db_len,
            keys,
            recovery: None,
            backup_key: None,
            data_key: None,
            audit_head: head.map(|(entries, hash)| AuditHead { entries, hash }),
        };
        let aad = header.aad();
        header.recovery = Some(seal_to(&recovery.public_key, &bk.0, &aad)?);
        header.backup_key = Some(wrap(&key.derive(WRAP_UNDER_DATA_KEY), &bk.0, &aad)?);
        header.data_key = Some(wrap(&bk.0, key.bytes(), &aad)?);
        let header = serde_json::to_vec(&header).map_err(|_| StoreError::Corrupt("header"))?;
        let mut mac = blake3::Hasher::new_keyed(&bk.mac_key());
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
    let magic = bytes.get(..MAGIC.len());
    if bytes.len() < MAGIC.len() + 4 || (magic != Some(MAGIC) && magic != Some(MAGIC_V1)) {
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
    let v2 = header.format >= 2;
    if v2 != (magic == Some(MAGIC))
        || (v2 && (header.recovery.is_none() || header.data_key.is_none()))
    {
        return Err(StoreError::BackupDamaged);
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

impl Parsed {
    fn body(&self) -> &[u8] {
        &self.bytes[..self.bytes.len() - MAC_LEN]
    }

    fn db(&self) -> &[u8] {
        &self.bytes[self.db_start..self.bytes.len() - MAC_LEN]
    }

    /// Whether the MAC under `key` matches. blake3's Hash compares in constant time.
    fn mac_matches(&self, key: &[u8; 32]) -> bool {
        let tag: Option<[u8; 32]> = self.bytes[self.bytes.len() - MAC_LEN..].try_into().ok();
        tag.is_some_and(|tag| blake3::keyed_hash(key, self.body()) == blake3::Hash::from_bytes(tag))
    }

    /// The data key, from the backup's key (format 2), once the MAC has matched.
    fn data_key(&self, bk: &BackupKey) -> Result<DataKey, StoreError> {
        if !self.mac_matches(&bk.mac_key()) {
            return Err(StoreError::BackupDamaged);
        }
        let wrapped = self
            .header
            .data_key
            .as_ref()
            .ok_or(StoreError::BackupDamaged)?;
        let key = unwrap(&bk.0, wrapped, &self.header.aad()).ok_or(StoreError::BackupDamaged)?;
        Ok(DataKey::from_bytes(*key))
    }
}

impl DataDir {
    /// Restores a backup into this (empty) data folder, with the name and PIN of a member of
    /// staff who had one here when it was made (a format 2 backup restores this way only on the
    /// computer it was made on: the PIN needs this computer's device secret), and returns the
    /// store unlocked. Nothing is written here until the whole file has been checked; a store
    /// already here is never overwritten.
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
        let keys = parsed.header.keys.clone();
        // Rate-limited like an unlock, in the folder it is restored into (the wrong tries are
        // all that is written there before the whole file has been checked).
        std::fs::create_dir_all(self.path())?;
        let found = keys.find(name);
        let (opened, _) = self.try_pin(&keys, found, pin, clock.now())?;
        let key = opened.key.clone();
        if parsed.header.format >= 2 {
            let wrapped = parsed
                .header
                .backup_key
                .as_ref()
                .ok_or(StoreError::BackupDamaged)?;
            let bk = unwrap(
                &key.derive(WRAP_UNDER_DATA_KEY),
                wrapped,
                &parsed.header.aad(),
            )
            .ok_or(StoreError::BackupDamaged)?;
            parsed.data_key(&BackupKey(bk))?;
        } else if !parsed.mac_matches(&key.derive(MAC_V1)) {
            return Err(StoreError::BackupDamaged);
        }
        self.begin_set_up()?;
        self.remove_unfinished_set_up()?;
        let result = self
            .restore_database(&parsed, &key, opened.found.user(), clock)
            .and_then(|mut store| {
                let mut keys = keys.clone();
                keys.failures.clear();
                keys.save(&self.key_path())?;
                crate::revocation::check_and_upgrade(&mut store, keys, opened, pin)?;
                Ok(store)
            });
        self.clean_up_after(&result);
        result
    }

    /// Restores a backup on any computer with the organisation's recovery key, as one of its
    /// administrators, who chooses a new PIN here. The records get a new data key that only
    /// they can open at first; they give every other member of staff a new PIN (Settings, or
    /// `reset-pin`). Wrong recovery keys are counted like wrong PINs.
    pub fn restore_with_recovery_key(
        &self,
        backup: &Path,
        recovery_key: &str,
        admin_name: &str,
        new_pin: &str,
        kdf: KdfParams,
        clock: impl Clock + Send + 'static,
    ) -> Result<Store, StoreError> {
        if self.key_path().exists() {
            return Err(StoreError::AlreadySetUp);
        }
        let errors = harbour_core::users::validate_new_pin(new_pin, new_pin);
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        let secret = RecoveryKey::parse(recovery_key)?;
        let parsed = parse(std::fs::read(backup)?)?;
        let sealed = match (&parsed.header.recovery, parsed.header.format) {
            (Some(sealed), 2..) => sealed.clone(),
            // A format 1 backup has no recovery key: it restores with a PIN.
            _ => return Err(StoreError::NoRecoveryKey),
        };
        std::fs::create_dir_all(self.path())?;
        let tries = self.tries();
        let now = clock.now();
        tries.begin(Who::Recovery, now)?;
        let Some(bk) = open_sealed(&key_pair(&secret), &sealed, &parsed.header.aad())? else {
            return Err(StoreError::WrongRecoveryKey(
                tries.wrong(Who::Recovery, now)?,
            ));
        };
        tries.right_recovery()?;
        let bk = BackupKey(bk);
        let key = parsed.data_key(&bk)?;
        self.begin_set_up()?;
        self.remove_unfinished_set_up()?;
        let result = self.restore_as_admin(&parsed, &key, admin_name, new_pin, kdf, clock);
        self.clean_up_after(&result);
        result
    }

    fn restore_as_admin(
        &self,
        parsed: &Parsed,
        key: &DataKey,
        admin_name: &str,
        new_pin: &str,
        kdf: KdfParams,
        clock: impl Clock + Send + 'static,
    ) -> Result<Store, StoreError> {
        let conn = self.write_database(parsed, key)?;
        let admin = find_admin(&conn, admin_name)?;
        let from = Device::renew(&conn)?;
        let session = Session {
            user: admin,
            role: Role::Admin,
        };
        let mut store = Store::init(conn, clock, session, Some((self.clone(), key.clone())))?;
        store.audit(AuditEvent::Restored, &from.to_string())?;
        // This computer's own key file: a new store id (so a device secret of its own), the
        // administrator's new key pair, and the recovery key as it was.
        let store_id = Uuid::now_v7();
        let device = self.secrets().get_or_make(store_id)?;
        let old = &parsed.header.keys;
        let mut keys = KeyFile::new(store_id)?;
        keys.generation = 0;
        keys.auto_lock_minutes = old.auto_lock_minutes;
        keys.recovery = old.recovery.clone();
        let ctx = keys.context().ok_or(StoreError::KeyFileDamaged)?;
        let secret = UserSecret::random()?;
        store.write(&[OpBody::UserKeySet {
            user: admin,
            public_key: hex::encode(secret.public()),
        }])?;
        store.audit(AuditEvent::UserKeySet, &admin.to_string())?;
        let name = store.current_user()?.name;
        let lock = PinLock {
            pin: new_pin,
            device: &device,
            kdf,
        };
        let tag = keys.name_tag(&name);
        keys.users
            .push(UserEntry::new(ctx, admin, tag, &secret, lock, key)?);
        crate::revocation::record_key_state(&store.conn, ctx)?;
        keys.seal(key)?;
        keys.save(&self.key_path())?;
        // And a new data key, so the backup's key opens nothing written from now on.
        store.rotate_data_key()?;
        store.audit(AuditEvent::Unlocked, "")?;
        Ok(store)
    }

    /// Writes the backup's database here and opens it: every page checked, migrated, and its
    /// audit chain whole up to the entry the header names.
    fn write_database(
        &self,
        parsed: &Parsed,
        key: &DataKey,
    ) -> Result<rusqlite::Connection, StoreError> {
        let db = parsed.db();
        write_atomically(&self.db_path(), |f| f.write_all(db))?;
        let mut conn = open_keyed(&self.db_path(), key, false)?;
        crate::migrations::migrate(&mut conn)?;
        check_audit_head(&conn, parsed)?;
        Ok(conn)
    }

    /// After a failed restore the folder is left as it was found: empty of any store.
    /// After a successful one the set-up mark goes.
    fn clean_up_after<T>(&self, result: &Result<T, StoreError>) {
        if result.is_err() {
            let _ = std::fs::remove_file(self.key_path());
            let _ = self.remove_unfinished_set_up();
        }
        let _ = self.finish_set_up();
    }

    fn restore_database(
        &self,
        parsed: &Parsed,
        key: &DataKey,
        user: UserId,
        clock: impl Clock + Send + 'static,
    ) -> Result<Store, StoreError> {
        let conn = self.write_database(parsed, key)?;
        let role = user_role(&conn, user)?;
        let from = Device::renew(&conn)?;
        let session = Session { user, role };
        let store = Store::init(conn, clock, session, Some((self.clone(), key.clone())))?;
        store.audit(AuditEvent::Restored, &from.to_string())?;
        store.audit(AuditEvent::Unlocked, "")?;
        Ok(store)
    }
}

/// The audit chain inside must reach the entry the header names, with the same hash, and be
/// whole up to there: a backup whose chain was cut short or changed is refused.
fn check_audit_head(conn: &rusqlite::Connection, parsed: &Parsed) -> Result<(), StoreError> {
    let Some(head) = &parsed.header.audit_head else {
        return Ok(());
    };
    if crate::audit::hash_at(conn, head.entries)?.as_deref() != Some(head.hash.as_slice()) {
        return Err(StoreError::BackupDamaged);
    }
    match crate::audit::verify(conn)? {
        crate::ChainCheck::Intact { entries } if entries >= head.entries => Ok(()),
        _ => Err(StoreError::BackupDamaged),
    }
}

/// The enabled administrator with this name, however it is spaced or capitalised.
fn find_admin(conn: &rusqlite::Connection, name: &str) -> Result<UserId, StoreError> {
    let wanted = harbour_core::users::normalise_user_name(name);
    let mut stmt =
        conn.prepare("SELECT id, name FROM users WHERE role = 'admin' AND disabled = 0")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (id, n) = row?;
        if harbour_core::users::normalise_user_name(&n) == wanted {
            return id.parse().map_err(|_| StoreError::Corrupt("user id"));
        }
    }
    Err(StoreError::NotAnAdmin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{self, CARER, CARER_PIN, PIN};
    use harbour_core::FixedClock;
    use std::sync::Arc;

    /// A backup exactly as format 1 wrote it: the database, the format 1 key file, and a MAC
    /// keyed from the data key.
    fn format_1_backup(dir: &Path, key: &DataKey, out: &Path) {
        let data = testing::data(dir);
        let db = std::fs::read(data.db_path()).unwrap();
        let keys: serde_json::Value =
            serde_json::from_slice(&std::fs::read(data.key_path()).unwrap()).unwrap();
        let header = serde_json::json!({
            "format": 1,
            "schema": MIGRATIONS.len(),
            "app_version": "0.1.0",
            "created_at": "2026-11-30T10:00:00Z",
            "device": "01936b6e-7c00-7000-8000-0000000000d1",
            "db_len": db.len(),
            "keys": keys,
        });
        let header = serde_json::to_vec(&header).unwrap();
        let mut bytes = MAGIC_V1.to_vec();
        bytes.extend_from_slice(&(header.len() as u32).to_le_bytes());
        bytes.extend_from_slice(&header);
        bytes.extend_from_slice(&db);
        let mac = blake3::keyed_hash(&key.derive(MAC_V1), &bytes);
        bytes.extend_from_slice(mac.as_bytes());
        std::fs::write(out, bytes).unwrap();
    }

    #[test]
    fn a_format_1_backup_still_restores_with_a_pin_anywhere() {
        let (old, new) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let (admin, _, key) = testing::format_1_folder(old.path());
        let file = old.path().join("old.hbk");
        format_1_backup(old.path(), &key, &file);
        let clock = Arc::new(FixedClock::at(chrono::Utc::now()));
        // Another computer: a format 1 backup needs no device secret, only a PIN.
        let target = testing::data(&new.path().join("restored"));
        let err = target
            .restore_with_recovery_key(
                &file,
                "0000-0000-0000-0000-0000-0000-0000-0000-0000",
                "Sam Admin",
                "918273",
                crate::KdfParams::OWASP_MINIMUM,
                clock.clone(),
            )
            .unwrap_err();
        assert!(
            matches!(err.code(), "invalid" | "no_recovery_key"),
            "{err:?}"
        );
        let err = target
            .restore(&file, Some("Sam Admin"), "000000", clock.clone())
            .unwrap_err();
        assert_eq!(err.code(), "wrong_pin");
        let store = target
            .restore(&file, Some("Sam Admin"), PIN, clock.clone())
            .unwrap();
        assert_eq!(store.session.user, admin);
        drop(store);
        // Restored, it is a format 2 store here: the administrator has a key pair, the carer
        // keeps their format 1 entry until they unlock.
        let keys = target.key_file().unwrap();
        assert_eq!(keys.format, 2);
        assert_eq!(keys.users.len(), 1);
        target.unlock(Some(CARER), CARER_PIN, clock).unwrap();
        assert_eq!(target.key_file().unwrap().users.len(), 2);
    }

    #[test]
    fn a_backup_whose_audit_chain_was_cut_short_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(FixedClock::at(chrono::Utc::now()));
        let mut store = testing::create(dir.path(), clock.clone());
        let recovery = store.new_recovery_key().unwrap();
        let file = dir.path().join("backup.hbk");
        store.backup(&file, &mut |_| {}).unwrap();
        let parsed = parse(std::fs::read(&file).unwrap()).unwrap();
        let head = parsed.header.audit_head.clone().unwrap();
        assert!(head.entries > 3);
        // The database inside, with its last audit entries removed, sealed again with the
        // backup's own key as a forger holding the recovery key could.
        let secret = RecoveryKey::parse(recovery.text()).unwrap();
        let sealed = parsed.header.recovery.clone().unwrap();
        let bk = BackupKey(
            open_sealed(&key_pair(&secret), &sealed, &parsed.header.aad())
                .unwrap()
                .unwrap(),
        );
        let key = parsed.data_key(&bk).unwrap();
        let forge = |cut_from: Option<i64>, name: &str| {
            let db_path = dir.path().join(format!("{name}.db"));
            std::fs::write(&db_path, parsed.db()).unwrap();
            {
                let conn = open_keyed(&db_path, &key, false).unwrap();
                if let Some(from) = cut_from {
                    conn.execute("DELETE FROM audit WHERE seq >= ?1", [from])
                        .unwrap();
                }
                conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
            }
            let db = std::fs::read(&db_path).unwrap();
            let header = serde_json::to_vec(&Header {
                db_len: db.len() as u64,
                ..parsed.header.clone()
            })
            .unwrap();
            let mut bytes = MAGIC.to_vec();
            bytes.extend_from_slice(&(header.len() as u32).to_le_bytes());
            bytes.extend_from_slice(&header);
            bytes.extend_from_slice(&db);
            let mac = blake3::keyed_hash(&bk.mac_key(), &bytes);
            bytes.extend_from_slice(mac.as_bytes());
            let out = dir.path().join(format!("{name}.hbk"));
            std::fs::write(&out, bytes).unwrap();
            out
        };
        let restore = |file: &Path, into: &str| {
            testing::data(&dir.path().join(into)).restore_with_recovery_key(
                file,
                recovery.text(),
                "Sam Admin",
                "918273",
                crate::KdfParams::OWASP_MINIMUM,
                clock.clone(),
            )
        };
        // Rewritten whole, it restores: only the cut is refused.
        restore(&forge(None, "whole"), "a").unwrap();
        let err = restore(&forge(Some(head.entries - 1), "cut"), "b").unwrap_err();
        let target = testing::data(&dir.path().join("b"));
        assert_eq!(err.code(), "backup_damaged");
        assert!(!target.key_path().exists() && !target.db_path().exists());
    }
}
