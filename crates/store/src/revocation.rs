//! The key file checked against the database at every unlock, and revocation: a new data key
//! sealed to the remaining staff only.
//!
//! At unlock, once the database is open: the file's MAC, store id and generation must match
//! what Harbour last wrote and what the database records (`key_state`); each entry must be of
//! an enabled member of staff whose public key the database holds. An entry that is not is
//! removed and recorded in the audit chain for the administrators, and if it is the one that
//! unlocked, the unlock is refused.
//!
//! Rotating keys (after a user is disabled, or on an administrator's request): a random new data
//! key is sealed to each remaining entry's public key and written as `harbour.keys.new`; the
//! database is re-encrypted under it (`PRAGMA rekey`, one transaction); the database records the
//! new generation; and the new file is renamed over the old. A crash before the re-encryption
//! leaves the old key working (the new file is removed at the next unlock); a crash after it
//! leaves the new file, which the next unlock finds and puts in place.

use harbour_core::ops::OpBody;
use harbour_core::{Action, UserId};
use rusqlite::{Connection, OptionalExtension};
use std::fs::File;
use uuid::Uuid;

use crate::audit::AuditEvent;
use crate::error::StoreError;
use crate::keys::{DataKey, Found, KeyContext, KeyFile, UserEntry, DEFAULT_AUTO_LOCK_MINUTES};
use crate::store::Store;
use crate::userkey::{PinLock, UserSecret};
use crate::vault::{open_keyed, DataDir, Opened};

/// Held while the key file is read, changed and written, or the database re-encrypted, by any
/// Harbour process.
pub(crate) struct KeysLock(#[allow(dead_code)] File);

impl DataDir {
    pub(crate) fn lock_keys(&self) -> Result<KeysLock, StoreError> {
        let file = crate::device::private_options().open(self.path().join("harbour.keys.lock"))?;
        file.lock()?;
        Ok(KeysLock(file))
    }

    /// Reads the key file, lets `f` change it, and writes it back authenticated under `key`,
    /// all under the keys lock.
    pub(crate) fn update_keys<T>(
        &self,
        key: &DataKey,
        f: impl FnOnce(&mut KeyFile) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.update_keys_if(key, |keys| Ok((f(keys)?, true)))
    }

    /// [`DataDir::update_keys`], writing the file back only if `f` says it changed it.
    pub(crate) fn update_keys_if<T>(
        &self,
        key: &DataKey,
        f: impl FnOnce(&mut KeyFile) -> Result<(T, bool), StoreError>,
    ) -> Result<T, StoreError> {
        let _lock = self.lock_keys()?;
        let mut keys = self.key_file()?;
        let (out, changed) = f(&mut keys)?;
        if changed {
            keys.seal(key)?;
            keys.save(&self.key_path())?;
        }
        Ok(out)
    }
}

fn remove_if_there(path: &std::path::Path) -> Result<(), StoreError> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e.into()),
    }
}

fn rename_synced(from: &std::path::Path, to: &std::path::Path) -> Result<(), StoreError> {
    std::fs::rename(from, to)?;
    if let Some(dir) = to.parent() {
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}

/// Opens the database with the key an entry gave, finishing a key rotation a crash
/// interrupted.
pub(crate) fn open_database(
    dir: &DataDir,
    keys: KeyFile,
    opened: Opened,
) -> Result<(Connection, KeyFile, Opened), StoreError> {
    let _lock = dir.lock_keys()?;
    let newer_path = dir.new_key_path();
    match open_keyed(&dir.db_path(), &opened.key, false) {
        Ok(conn) => {
            // A rotation that stopped before it re-encrypted anything.
            remove_if_there(&newer_path)?;
            Ok((conn, keys, opened))
        }
        Err(StoreError::Damaged) if newer_path.exists() => {
            // The database was re-encrypted under the new file's key.
            let newer = KeyFile::load(&newer_path)?.ok_or(StoreError::Damaged)?;
            let ctx = newer.context().ok_or(StoreError::KeyFileDamaged)?;
            let Some(secret) = opened.secret else {
                // A format 1 entry: rotations drop them.
                return Err(StoreError::KeyNotRecognised);
            };
            let entry = newer
                .users
                .iter()
                .find(|e| e.user == opened.found.user() && e.public_key == secret.public())
                .ok_or(StoreError::KeyNotRecognised)?
                .clone();
            let key = entry.open_key(ctx, &secret)?;
            let conn = open_keyed(&dir.db_path(), &key, false)?;
            rename_synced(&newer_path, &dir.key_path())?;
            Ok((
                conn,
                newer,
                Opened {
                    key,
                    secret: Some(secret),
                    found: Found::User(entry),
                },
            ))
        }
        Err(e) => Err(e),
    }
}

/// The store id and key generation the database records.
pub(crate) fn key_state(conn: &Connection) -> Result<Option<KeyContext>, StoreError> {
    let row: Option<(String, i64)> = conn
        .query_row(
            "SELECT store, generation FROM key_state WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    row.map(|(store, generation)| {
        Ok(KeyContext {
            store: Uuid::parse_str(&store).map_err(|_| StoreError::Corrupt("key_state"))?,
            generation: u64::try_from(generation).map_err(|_| StoreError::Corrupt("key_state"))?,
        })
    })
    .transpose()
}

pub(crate) fn record_key_state(conn: &Connection, ctx: KeyContext) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO key_state (id, store, generation) VALUES (1, ?1, ?2) \
         ON CONFLICT (id) DO UPDATE SET store = excluded.store, generation = excluded.generation",
        rusqlite::params![ctx.store.to_string(), ctx.generation as i64],
    )?;
    Ok(())
}

/// The public key the database holds for `user` (hex), if they are enabled.
fn known_key(conn: &Connection, user: UserId) -> Result<Option<Option<String>>, StoreError> {
    let enabled: Option<bool> = conn
        .query_row(
            "SELECT disabled = 0 FROM users WHERE id = ?1",
            [user.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    if enabled != Some(true) {
        return Ok(None);
    }
    let key: Option<String> = conn
        .query_row(
            "SELECT value FROM registers WHERE entity = ?1 AND field = 'public_key'",
            [user.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    let key = key
        .map(|v| serde_json::from_str::<String>(&v).map_err(|_| StoreError::Corrupt("public_key")))
        .transpose()?;
    Ok(Some(key))
}

/// Whether a key pair entry belongs here: an enabled user whose recorded key it holds.
fn entry_known(conn: &Connection, e: &UserEntry) -> Result<bool, StoreError> {
    Ok(matches!(known_key(conn, e.user)?, Some(Some(k)) if k == hex::encode(&e.public_key)))
}

/// Checks the key file against the database after an unlock, removes what the database does
/// not know (recording it), and replaces a format 1 file or entry with key pairs. Refuses the
/// unlock if the entry that opened is not known.
pub(crate) fn check_and_upgrade(
    store: &mut Store,
    mut keys: KeyFile,
    opened: Opened,
    pin: &str,
) -> Result<(), StoreError> {
    let (dir, key) = store.disk.clone().ok_or(StoreError::NotSetUp)?;
    let _lock = dir.lock_keys()?;
    let mut changed = false;
    let state = key_state(&store.conn)?;
    let sealed = keys.format >= 2 && keys.is_sealed_by(&key)?;
    let file_as_written = match (state, keys.context()) {
        (Some(s), Some(c)) => sealed && s.store == c.store && c.generation >= s.generation,
        // A format 1 file put in place of a format 2 one.
        (Some(_), None) => false,
        (None, Some(_)) => sealed,
        (None, None) => true,
    };
    if !file_as_written {
        store.audit(AuditEvent::KeyFileChanged, "")?;
        // Nothing in it can be trusted but what the database confirms: settings go back to
        // the safe side.
        keys.auto_lock_minutes = keys.auto_lock_minutes.min(DEFAULT_AUTO_LOCK_MINUTES);
        keys.demo = false;
        changed = true;
    }
    let mut refused = Vec::new();
    let mut kept = Vec::new();
    for e in std::mem::take(&mut keys.users) {
        if entry_known(&store.conn, &e)? {
            kept.push(e);
        } else {
            refused.push(e.user);
        }
    }
    keys.users = kept;
    let mut kept = Vec::new();
    for e in std::mem::take(&mut keys.entries) {
        if keys.users.iter().any(|u| u.user == e.user) {
            // Replaced by a key pair; not a refusal.
            changed = true;
            continue;
        }
        if matches!(known_key(&store.conn, e.user)?, Some(None)) {
            kept.push(e);
        } else {
            refused.push(e.user);
        }
    }
    keys.entries = kept;
    for user in &refused {
        store.audit(AuditEvent::KeyEntryRefused, &user.to_string())?;
        changed = true;
    }
    let me = opened.found.user();
    let refused_me = refused.contains(&me);
    if !refused_me {
        changed |= upgrade(store, &mut keys, &opened, pin)?;
    }
    let ctx = keys.context();
    if let Some(ctx) = ctx {
        if state != Some(ctx) {
            record_key_state(&store.conn, ctx)?;
        }
    }
    if changed {
        keys.seal(&key)?;
        keys.save(&dir.key_path())?;
    }
    if refused_me {
        return Err(StoreError::KeyNotRecognised);
    }
    Ok(())
}

/// Gives a format 1 store its id and device secret, and the person who unlocked with a format
/// 1 entry a key pair. Whether anything changed.
fn upgrade(
    store: &mut Store,
    keys: &mut KeyFile,
    opened: &Opened,
    pin: &str,
) -> Result<bool, StoreError> {
    let (dir, key) = store.disk.clone().ok_or(StoreError::NotSetUp)?;
    let mut changed = false;
    if keys.store.is_none() {
        keys.store = Some(Uuid::now_v7());
        keys.generation = 0;
        changed = true;
    }
    let Found::Legacy(entry) = &opened.found else {
        return Ok(changed);
    };
    let ctx = keys.context().ok_or(StoreError::KeyFileDamaged)?;
    let device = dir.secrets().get_or_make(ctx.store)?;
    let secret = UserSecret::random()?;
    store.write(&[OpBody::UserKeySet {
        user: entry.user,
        public_key: hex::encode(secret.public()),
    }])?;
    store.audit(AuditEvent::UserKeySet, &entry.user.to_string())?;
    let lock = PinLock {
        pin,
        device: &device,
        kdf: entry.kdf,
    };
    keys.users.push(UserEntry::new(
        ctx,
        entry.user,
        entry.name_tag.clone(),
        &secret,
        lock,
        &key,
    )?);
    keys.entries.retain(|e| e.user != entry.user);
    Ok(true)
}

/// What a key rotation did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rotated {
    /// The new key's generation.
    pub generation: u64,
    /// Staff the new key was sealed to.
    pub kept: usize,
    /// Staff who can no longer unlock here: format 1 entries never unlocked since the update
    /// (they need a new PIN from an administrator).
    pub dropped: Vec<UserId>,
}

impl Store {
    /// Replaces the data key after a suspected compromise: the database is re-encrypted and the
    /// new key sealed to the enabled staff the database knows, only. Admins only.
    pub fn rotate_keys(&mut self) -> Result<Rotated, StoreError> {
        self.require(Action::ManageUsers)?;
        self.rotate_data_key()
    }

    pub(crate) fn rotate_data_key(&mut self) -> Result<Rotated, StoreError> {
        let (dir, _) = self.disk.clone().ok_or(StoreError::NotSetUp)?;
        let lock = dir.lock_keys()?;
        let keys = dir.key_file()?;
        let ctx = keys.context().ok_or(StoreError::KeyFileDamaged)?;
        let next = KeyContext {
            store: ctx.store,
            generation: ctx.generation + 1,
        };
        let new_key = DataKey::random()?;
        let mut newer = keys.clone();
        newer.generation = next.generation;
        let dropped: Vec<UserId> = newer.entries.drain(..).map(|e| e.user).collect();
        let mut users = Vec::new();
        for mut e in std::mem::take(&mut newer.users) {
            if entry_known(&self.conn, &e)? {
                e.seal_key(next, &new_key)?;
                users.push(e);
            }
        }
        newer.users = users;
        newer.seal(&new_key)?;
        let newer_path = dir.new_key_path();
        newer.save(&newer_path)?;
        if let Err(e) = rekey(&self.conn, &new_key) {
            // The database is still under the old key (a rekey is one transaction).
            remove_if_there(&newer_path)?;
            return Err(e);
        }
        record_key_state(&self.conn, next)?;
        rename_synced(&newer_path, &dir.key_path())?;
        drop(lock);
        self.disk = Some((dir, new_key));
        self.audit(AuditEvent::KeysRotated, &next.generation.to_string())?;
        Ok(Rotated {
            generation: next.generation,
            kept: newer.users.len(),
            dropped,
        })
    }
}

/// Re-encrypts the open database under `key`. Out of WAL mode first, so no page stays in a
/// write-ahead log under the old key; refused (and nothing changed) while another connection
/// has the database open.
fn rekey(conn: &Connection, key: &DataKey) -> Result<(), StoreError> {
    let mode: String = conn
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
        .map_err(|_| StoreError::KeysNotReplaced)?;
    if !mode.eq_ignore_ascii_case("delete") {
        let _ = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0));
        return Err(StoreError::KeysNotReplaced);
    }
    let result = conn.execute_batch(&key.rekey_pragma());
    let _ = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0));
    result.map_err(|_| StoreError::KeysNotReplaced)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{self, CARER, CARER_PIN, KDF, PIN};
    use harbour_core::FixedClock;
    use std::sync::Arc;

    fn clock() -> Arc<FixedClock> {
        Arc::new(FixedClock::at(chrono::Utc::now()))
    }

    fn events(store: &Store) -> Vec<String> {
        store
            .audit_entries()
            .unwrap()
            .into_iter()
            .map(|e| e.event)
            .collect()
    }

    #[test]
    fn a_format_1_folder_opens_and_each_person_gets_a_key_pair_at_their_next_unlock() {
        let dir = tempfile::tempdir().unwrap();
        let (admin, carer, _) = testing::format_1_folder(dir.path());
        let data = testing::data(dir.path());
        let store = data.unlock(Some("Sam Admin"), PIN, clock()).unwrap();
        assert_eq!(store.session.user, admin);
        assert!(
            events(&store).contains(&"unlock_failed".to_owned()),
            "kept tries audited"
        );
        assert!(events(&store).contains(&"user_key_set".to_owned()));
        drop(store);
        let keys = data.key_file().unwrap();
        assert_eq!(keys.format, 2);
        assert!(keys.store.is_some());
        assert_eq!(
            keys.users.iter().map(|e| e.user).collect::<Vec<_>>(),
            [admin]
        );
        assert_eq!(
            keys.entries.iter().map(|e| e.user).collect::<Vec<_>>(),
            [carer]
        );
        // The carer's PIN still opens until they too have a key pair.
        let store = data.unlock(Some(CARER), CARER_PIN, clock()).unwrap();
        drop(store);
        let keys = data.key_file().unwrap();
        assert_eq!(keys.users.len(), 2);
        assert!(keys.entries.is_empty());
        assert_eq!(keys.people(), 2);
        // And the file is now the one the database knows: putting the format 1 file back (to
        // escape the MAC) is found.
        let store = data.unlock(Some("Sam Admin"), PIN, clock()).unwrap();
        assert!(!events(&store).contains(&"key_file_changed".to_owned()));
    }

    #[test]
    fn a_rotation_drops_format_1_entries_never_unlocked_since() {
        let dir = tempfile::tempdir().unwrap();
        let (_, carer, _) = testing::format_1_folder(dir.path());
        let data = testing::data(dir.path());
        let mut store = data.unlock(Some("Sam Admin"), PIN, clock()).unwrap();
        let rotated = store.rotate_keys().unwrap();
        assert_eq!(rotated.generation, 1);
        assert_eq!(rotated.kept, 1);
        assert_eq!(rotated.dropped, [carer]);
        drop(store);
        let err = data.unlock(Some(CARER), CARER_PIN, clock()).unwrap_err();
        assert_eq!(err.code(), "wrong_pin", "no entry is left for them");
    }

    /// Someone who knows the data key (a member of staff, from their own entry) adds an entry
    /// claiming to be the administrator, with a key pair of their own, and authenticates the
    /// file under the data key: the database knows the administrator's real public key.
    #[test]
    fn an_entry_added_outside_harbour_is_refused_removed_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        let clock = clock();
        let mut store = testing::create(dir.path(), clock.clone());
        testing::add_carer(&mut store);
        let admin = store.session.user;
        let key = store.data_key().unwrap();
        drop(store);
        let data = testing::data(dir.path());
        let mut keys = data.key_file().unwrap();
        let ctx = keys.context().unwrap();
        let device = data.secrets().get(ctx.store).unwrap().unwrap();
        let planted = UserEntry::new(
            ctx,
            admin,
            keys.name_tag("Sam Admin 2"),
            &UserSecret::random().unwrap(),
            PinLock {
                pin: "135799",
                device: &device,
                kdf: KDF,
            },
            &key,
        )
        .unwrap();
        keys.users.push(planted);
        keys.seal(&key).unwrap();
        keys.save(&data.key_path()).unwrap();

        let err = data
            .unlock(Some("Sam Admin 2"), "135799", clock.clone())
            .unwrap_err();
        assert_eq!(err.code(), "key_not_recognised");
        let keys = data.key_file().unwrap();
        assert_eq!(keys.people(), 2, "the planted entry is gone");
        assert!(keys.is_sealed_by(&key).unwrap());
        let store = data.unlock(Some("Sam Admin"), PIN, clock.clone()).unwrap();
        let refused: Vec<_> = store
            .audit_entries()
            .unwrap()
            .into_iter()
            .filter(|e| e.event == "key_entry_refused")
            .collect();
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].subject, admin.to_string());
    }

    #[test]
    fn a_key_file_changed_by_hand_is_found_and_its_settings_go_back_to_safe_values() {
        let dir = tempfile::tempdir().unwrap();
        let clock = clock();
        let mut store = testing::create(dir.path(), clock.clone());
        store.set_auto_lock_minutes(5).unwrap();
        drop(store);
        let data = testing::data(dir.path());
        let text = std::fs::read_to_string(data.key_path()).unwrap();
        let longer = text.replace("\"auto_lock_minutes\": 5", "\"auto_lock_minutes\": 240");
        assert_ne!(longer, text);
        std::fs::write(data.key_path(), longer).unwrap();
        let store = data.unlock(None, PIN, clock.clone()).unwrap();
        assert!(events(&store).contains(&"key_file_changed".to_owned()));
        assert_eq!(
            data.key_file().unwrap().auto_lock_minutes,
            DEFAULT_AUTO_LOCK_MINUTES,
            "not the 240 minutes written in, which cannot be trusted"
        );
        drop(store);
        // Put right, and sealed again: the next unlock finds nothing.
        let store = data.unlock(None, PIN, clock).unwrap();
        let changed = events(&store)
            .iter()
            .filter(|e| *e == "key_file_changed")
            .count();
        assert_eq!(changed, 1);
    }

    #[test]
    fn disabling_a_user_replaces_the_data_key_so_their_old_entry_opens_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let clock = clock();
        let mut store = testing::create(dir.path(), clock.clone());
        testing::add_carer(&mut store);
        let ruth = harbour_core::ChildInput {
            name_latin: "Sample Ruth".into(),
            date_of_birth: "2011-03-04".into(),
            ..Default::default()
        };
        store.add_child(&ruth, None).unwrap();
        let data = testing::data(dir.path());
        // What the leaver could have copied before they left.
        let old_file = std::fs::read(data.key_path()).unwrap();
        let old_key = store.data_key().unwrap();
        let carer = store
            .users()
            .unwrap()
            .into_iter()
            .find(|u| u.name == CARER)
            .unwrap()
            .id;
        store.disable_user(carer).unwrap();
        let new_key = store.data_key().unwrap();
        assert_ne!(old_key.bytes(), new_key.bytes());
        assert!(events(&store).contains(&"keys_rotated".to_owned()));
        let children = store.children().unwrap();
        drop(store);

        // The old key no longer opens the database; the new key file holds exactly the
        // remaining administrator.
        assert_eq!(
            open_keyed(&data.db_path(), &old_key, false)
                .unwrap_err()
                .code(),
            "damaged"
        );
        let keys = data.key_file().unwrap();
        assert_eq!(keys.people(), 1);
        assert_eq!(keys.generation, 1);
        let store = data.unlock(None, PIN, clock.clone()).unwrap();
        assert_eq!(store.children().unwrap(), children, "nothing lost");
        drop(store);

        // The leaver puts back the key file they copied: their PIN opens their old entry, but
        // its key opens nothing now.
        std::fs::write(data.key_path(), &old_file).unwrap();
        let err = data
            .unlock(Some(CARER), CARER_PIN, clock.clone())
            .unwrap_err();
        assert_eq!(err.code(), "damaged", "{err:?}");
    }

    #[test]
    fn a_rotation_interrupted_after_or_before_the_database_was_re_encrypted_is_finished_or_undone()
    {
        let dir = tempfile::tempdir().unwrap();
        let clock = clock();
        let mut store = testing::create(dir.path(), clock.clone());
        let data = testing::data(dir.path());
        let before = std::fs::read(data.key_path()).unwrap();
        store.rotate_keys().unwrap();
        drop(store);
        let after = std::fs::read(data.key_path()).unwrap();
        // As if the power went after the re-encryption, before the rename.
        std::fs::write(data.key_path(), &before).unwrap();
        std::fs::write(data.new_key_path(), &after).unwrap();
        let store = data.unlock(None, PIN, clock.clone()).unwrap();
        drop(store);
        assert!(!data.new_key_path().exists());
        assert_eq!(std::fs::read(data.key_path()).unwrap(), after);

        // As if it went before the re-encryption: the new file is of no use and goes.
        std::fs::write(data.new_key_path(), &before).unwrap();
        let store = data.unlock(None, PIN, clock.clone()).unwrap();
        drop(store);
        assert!(!data.new_key_path().exists());
        assert_eq!(data.key_file().unwrap().generation, 1);
    }

    #[test]
    fn a_rotation_while_another_connection_has_the_store_open_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let clock = clock();
        let mut store = testing::create(dir.path(), clock.clone());
        let other = testing::unlock(dir.path(), clock.clone());
        let file = std::fs::read(testing::data(dir.path()).key_path()).unwrap();
        let err = store.rotate_keys().unwrap_err();
        assert_eq!(err.code(), "keys_not_replaced");
        assert_eq!(
            std::fs::read(testing::data(dir.path()).key_path()).unwrap(),
            file
        );
        assert!(!testing::data(dir.path()).new_key_path().exists());
        drop(other);
        // Both connections still work on the same key, and the rotation works once alone.
        store.rotate_keys().unwrap();
        drop(store);
        testing::unlock(dir.path(), clock);
    }
}
