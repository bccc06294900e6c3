//! The data folder: the encrypted database and the key file beside it. Setting up (the first
//! user) and unlocking with a name and PIN happen here; the device secret that the PIN is
//! combined with lives outside it (see `device`), and wrong tries are counted in `tries`.
//!
//! Files: `harbour.db` (SQLCipher; with `-wal` and `-shm` while open), `harbour.keys` (the
//! wrapped keys; see `keys`), `harbour.tries` (wrong PINs), and for a moment during a key
//! rotation `harbour.keys.new`. The key file is written last when setting up, so its presence
//! means "set up". A set-up (or a restore) marks itself with `harbour.setting-up` until the key
//! file is written: a database beside that mark is what an interrupted set-up leaves, and is
//! removed. A database with neither the mark nor a key file is records whose key file was lost,
//! and is never removed or overwritten: the lock screen says so, and still offers "Child
//! missing" and the child's help.

use harbour_core::ops::OpBody;
use harbour_core::{Clock, NewUser, Role, TeamId, UserId};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use uuid::Uuid;

use crate::audit::AuditEvent;
use crate::device::{DeviceSecret, DeviceSecrets};
use crate::error::StoreError;
use crate::keys::{wrapping_key, DataKey, Found, KdfParams, KeyFile, UserEntry};
use crate::store::{Session, Store};
use crate::tries::{Tries, Who};
use crate::userkey::{PinLock, UserSecret};

pub const DB_FILE: &str = "harbour.db";
/// The demonstration store's user and PIN. Published (the lock screen shows them): a demo store
/// holds only the fictional sample children, and says so on every screen.
pub const DEMO_USER: &str = "Demo Admin";
pub const DEMO_PIN: &str = "246810";
pub const KEY_FILE: &str = "harbour.keys";
/// Present from the start of a set-up or restore until its key file is written.
pub const SETTING_UP: &str = "harbour.setting-up";
/// The key file a key rotation writes before it re-encrypts the database.
pub const NEW_KEY_FILE: &str = "harbour.keys.new";

/// What the lock screen needs to know before anyone has unlocked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    /// Whether a store exists here (else the first user must be created).
    pub set_up: bool,
    /// With more than one user, the name must be typed as well as the PIN.
    pub users: usize,
    pub auto_lock_minutes: u32,
    /// Seconds before the next unlock attempt is allowed, after repeated wrong PINs (with one
    /// person; with more, each person's wait is told when they try).
    pub wait_seconds: u64,
    /// A demonstration store (see [`DEMO_PIN`]).
    pub demo: bool,
    /// Why this folder's records cannot be unlocked at all (a lost or damaged key file), as
    /// the message the lock screen shows instead of offering to set up.
    pub problem: Option<&'static str>,
}

/// One install's data folder, and where this computer keeps its device secrets.
#[derive(Clone, Debug)]
pub struct DataDir {
    dir: PathBuf,
    secrets: Arc<dyn DeviceSecrets>,
}

impl PartialEq for DataDir {
    fn eq(&self, other: &Self) -> bool {
        self.dir == other.dir
    }
}

impl Eq for DataDir {}

/// A key file entry opened with a PIN.
pub(crate) struct Opened {
    pub key: DataKey,
    /// The person's key pair (none for a format 1 entry).
    pub secret: Option<UserSecret>,
    pub found: Found,
}

impl DataDir {
    pub fn new(dir: impl Into<PathBuf>, secrets: Arc<dyn DeviceSecrets>) -> Self {
        Self {
            dir: dir.into(),
            secrets,
        }
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    pub fn secrets(&self) -> &dyn DeviceSecrets {
        self.secrets.as_ref()
    }

    pub fn db_path(&self) -> PathBuf {
        self.dir.join(DB_FILE)
    }

    pub fn key_path(&self) -> PathBuf {
        self.dir.join(KEY_FILE)
    }

    pub(crate) fn new_key_path(&self) -> PathBuf {
        self.dir.join(NEW_KEY_FILE)
    }

    pub(crate) fn tries(&self) -> Tries {
        Tries::new(&self.dir)
    }

    pub(crate) fn key_file(&self) -> Result<KeyFile, StoreError> {
        KeyFile::load(&self.key_path())?.ok_or(StoreError::NotSetUp)
    }

    pub fn status(&self, clock: &dyn Clock) -> Result<Status, StoreError> {
        let unusable = |problem: StoreError| Status {
            set_up: true,
            users: 0,
            auto_lock_minutes: crate::keys::DEFAULT_AUTO_LOCK_MINUTES,
            wait_seconds: 0,
            demo: false,
            problem: Some(problem.message_id()),
        };
        let keys = match KeyFile::load(&self.key_path()) {
            Ok(keys) => keys,
            Err(e @ (StoreError::KeyFileDamaged | StoreError::TooNew)) => return Ok(unusable(e)),
            Err(e) => return Err(e),
        };
        let Some(keys) = keys else {
            if self.has_orphaned_records() {
                return Ok(unusable(StoreError::KeyFileMissing));
            }
            return Ok(Status {
                set_up: false,
                users: 0,
                auto_lock_minutes: crate::keys::DEFAULT_AUTO_LOCK_MINUTES,
                wait_seconds: 0,
                demo: false,
                problem: None,
            });
        };
        let wait_seconds = match keys.find(None) {
            Some(only) => self
                .tries()
                .wait_seconds(Who::Person(only.user()), clock.now())?,
            None => 0,
        };
        Ok(Status {
            set_up: true,
            users: keys.people(),
            auto_lock_minutes: keys.auto_lock_minutes,
            wait_seconds,
            demo: keys.demo,
            problem: None,
        })
    }

    /// Sets up a demonstration store: the demo admin, the fictional sample children, and a
    /// key file marked as a demo so every screen says so.
    pub fn create_demo(&self, clock: impl Clock + Send + 'static) -> Result<Store, StoreError> {
        let demo = NewUser {
            name: DEMO_USER.into(),
            pin: DEMO_PIN.into(),
            pin_again: DEMO_PIN.into(),
        };
        let mut store = self.create(&demo, KdfParams::DEFAULT, clock)?;
        store.mark_as_demo()?;
        store.load_sample_children()?;
        // Its backups restore with the demo PIN on this computer; the recovery key of fictional
        // records is never shown.
        store.new_recovery_key_unchecked()?;
        let key = store.data_key()?;
        self.update_keys(&key, |keys| {
            keys.demo = true;
            Ok(())
        })?;
        Ok(store)
    }

    /// Sets up a new store with its first user, an admin, and returns it unlocked.
    pub fn create(
        &self,
        first: &NewUser,
        kdf: KdfParams,
        clock: impl Clock + Send + 'static,
    ) -> Result<Store, StoreError> {
        if KeyFile::load(&self.key_path())?.is_some() {
            return Err(StoreError::AlreadySetUp);
        }
        let name = first.validate().map_err(StoreError::Invalid)?;
        // Readable by this account only, like every file in it.
        crate::device::private_folder(&self.dir)?;
        self.begin_set_up()?;
        self.remove_unfinished_set_up()?;
        let store_id = Uuid::now_v7();
        // First: a keyring that cannot keep the secret fails the set-up before anything is
        // written.
        let device = self.secrets.get_or_make(store_id)?;
        let key = DataKey::random()?;
        let conn = open_keyed(&self.db_path(), &key, true)?;
        // SQLite gives its write-ahead log and shared memory the database file's mode.
        private_file(&self.db_path())?;
        let user = UserId::from_uuid(Uuid::now_v7());
        let session = Session {
            user,
            role: Role::Admin,
        };
        let mut store = Store::init(conn, clock, session, Some((self.clone(), key.clone())))?;
        // The device's first team, which the administrator is in (named later if ever
        // needed); their own record is the team's too.
        let team = TeamId::from_uuid(Uuid::now_v7());
        store.team = Some(team);
        let now = store.now();
        let secret = UserSecret::random()?;
        store.write(&[
            OpBody::UserAdded {
                user,
                name: name.clone(),
                role: Role::Admin,
                created_at: now,
            },
            OpBody::UserKeySet {
                user,
                public_key: hex::encode(secret.public()),
            },
        ])?;
        store.audit(AuditEvent::UserAdded, &user.to_string())?;
        store.make_team(team, "")?;
        store.audit(AuditEvent::Unlocked, "")?;
        let mut keys = KeyFile::new(store_id)?;
        let ctx = keys.context().ok_or(StoreError::KeyFileDamaged)?;
        crate::revocation::record_key_state(&store.conn, ctx)?;
        let tag = keys.name_tag(&name);
        let lock = PinLock {
            pin: &first.pin,
            device: &device,
            kdf,
        };
        keys.users
            .push(UserEntry::new(ctx, user, tag, &secret, lock, &key)?);
        keys.seal(&key)?;
        keys.save(&self.key_path())?;
        self.finish_set_up()?;
        Ok(store)
    }

    /// A database here with no key file and no set-up under way: records whose key file was
    /// lost (or moved), which only the key file or a backup can open.
    fn has_orphaned_records(&self) -> bool {
        self.db_path().exists() && !self.key_path().exists() && !self.dir.join(SETTING_UP).exists()
    }

    /// Marks a set-up or restore under way, until [`DataDir::finish_set_up`].
    pub(crate) fn begin_set_up(&self) -> Result<(), StoreError> {
        if self.has_orphaned_records() {
            return Err(StoreError::KeyFileMissing);
        }
        crate::keys::write_atomically(&self.dir.join(SETTING_UP), |_| Ok(()))?;
        Ok(())
    }

    /// The key file is written: the set-up is whole.
    pub(crate) fn finish_set_up(&self) -> Result<(), StoreError> {
        match std::fs::remove_file(self.dir.join(SETTING_UP)) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    /// A database beside the set-up mark can never be opened again (its key was never
    /// written): it is what an interrupted set-up or restore leaves, and goes. Records whose
    /// key file is missing are refused, never removed.
    pub(crate) fn remove_unfinished_set_up(&self) -> Result<(), StoreError> {
        if self.has_orphaned_records() {
            return Err(StoreError::KeyFileMissing);
        }
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let path = self.dir.join(format!("{DB_FILE}{suffix}"));
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(())
    }

    /// This computer's secret for the store `keys` belongs to. A format 1 file has none yet.
    fn device_secret(&self, keys: &KeyFile) -> Result<Option<DeviceSecret>, StoreError> {
        match keys.store {
            None => Ok(None),
            Some(store) => self
                .secrets
                .get(store)?
                .ok_or(StoreError::DeviceSecretMissing)
                .map(Some),
        }
    }

    /// Opens `found` with `pin`; `Ok(None)` for a wrong PIN. A name that matches no one takes
    /// as long: the key derivation runs anyway.
    pub(crate) fn open_entry(
        &self,
        keys: &KeyFile,
        found: Option<Found>,
        pin: &str,
        device: Option<&DeviceSecret>,
    ) -> Result<Option<Opened>, StoreError> {
        match found {
            None => {
                let kdf = keys
                    .users
                    .first()
                    .map(|e| e.kdf)
                    .or(keys.entries.first().map(|e| e.kdf))
                    .unwrap_or(KdfParams::DEFAULT);
                wrapping_key(pin, &[0u8; 16], kdf)?;
                Ok(None)
            }
            Some(Found::Legacy(entry)) => Ok(entry.open(pin)?.map(|key| Opened {
                key,
                secret: None,
                found: Found::Legacy(entry),
            })),
            Some(Found::User(entry)) => {
                let ctx = keys.context().ok_or(StoreError::KeyFileDamaged)?;
                let device = device.ok_or(StoreError::DeviceSecretMissing)?;
                let secret = match entry.shared {
                    Some(_) => entry.open_shared(ctx, &keys.staff, pin, device)?,
                    None => entry.open_secret(ctx, pin, device)?,
                };
                let Some(secret) = secret else {
                    return Ok(None);
                };
                let key = entry.open_key(ctx, &secret)?;
                Ok(Some(Opened {
                    key,
                    secret: Some(secret),
                    found: Found::User(entry),
                }))
            }
        }
    }

    /// Checks a name and PIN under the wrong-try limits: the person's wait first, the try
    /// counted as wrong before the PIN is checked, and taken back if it was right (with the
    /// wrong tries waiting for the audit chain). Also how a PIN change checks the current PIN.
    pub(crate) fn try_pin(
        &self,
        keys: &KeyFile,
        found: Option<Found>,
        pin: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(Opened, Vec<crate::tries::FailedUnlock>), StoreError> {
        let device = self.device_secret(keys)?;
        let who = found
            .as_ref()
            .map_or(Who::Unknown, |f| Who::Person(f.user()));
        let tries = self.tries();
        tries.begin(who, now)?;
        let Some(opened) = self.open_entry(keys, found, pin, device.as_ref())? else {
            return Err(StoreError::WrongPin(tries.wrong(who, now)?));
        };
        let mut failures = tries.right(opened.found.user(), now)?;
        failures.extend(keys.failures.iter().cloned());
        Ok((opened, failures))
    }

    /// Opens the store with a name and PIN. With one user the name may be `None`. A wrong PIN
    /// changes nothing but that person's count of wrong tries (and, after three, the wait
    /// before their next try); the wrong tries go into the audit chain at the next unlock.
    /// The key file is then checked against the database (see `revocation`).
    pub fn unlock(
        &self,
        name: Option<&str>,
        pin: &str,
        clock: impl Clock + Send + 'static,
    ) -> Result<Store, StoreError> {
        let keys = self.key_file()?;
        let found = keys.find(name);
        let (opened, failures) = self.try_pin(&keys, found, pin, clock.now())?;
        if !self.db_path().exists() {
            return Err(StoreError::Damaged);
        }
        let (mut conn, keys, opened) = crate::revocation::open_database(self, keys, opened)?;
        crate::migrations::migrate(&mut conn)?;
        let user = opened.found.user();
        let role = user_role(&conn, user)?;
        let session = Session { user, role };
        let mut store = Store::init(
            conn,
            clock,
            session,
            Some((self.clone(), opened.key.clone())),
        )?;
        crate::audit::record_failed_unlocks(&store.conn, &failures)?;
        let sharing = match (&opened.secret, &opened.found) {
            (Some(secret), Found::User(entry)) => Some((secret.copy(), entry.kdf)),
            _ => None,
        };
        crate::revocation::check_and_upgrade(&mut store, keys, opened, pin)?;
        store.audit(AuditEvent::Unlocked, "")?;
        // Their key goes to the synced teams that do not have it yet (after this device joined
        // a hub): a sign-in is never refused for that.
        if let Some((secret, kdf)) = sharing {
            let _ = store.share_key(user, &secret, pin, kdf);
        }
        // A key replacement a background sync could not do (another Harbour window may still
        // have the store open: then it waits for the next chance).
        match store.rotate_if_due() {
            Ok(_) | Err(StoreError::KeysNotReplaced) => {}
            Err(e) => return Err(e),
        }
        Ok(store)
    }
}

/// Makes `path` readable and writable by its owner only.
pub(crate) fn private_file(path: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(())
}

/// The role of the user who unlocked, from the database; a disabled user is refused.
pub(crate) fn user_role(conn: &Connection, user: UserId) -> Result<Role, StoreError> {
    let row: Option<(String, bool)> = conn
        .query_row(
            "SELECT role, disabled FROM users WHERE id = ?1",
            [user.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(StoreError::from)?;
    match row {
        Some((_, true)) => Err(StoreError::UserDisabled),
        Some((role, false)) => Role::parse(&role).ok_or(StoreError::Corrupt("role")),
        None => Err(StoreError::Damaged),
    }
}

/// Reads every page before anything is written, so damage anywhere (each page carries its own
/// check) is found at unlock and the file is left exactly as it was found.
/// A set-up store is never empty: an empty file (which SQLite would happily treat as a new
/// database) is damage too.
pub(crate) fn check_whole(conn: &Connection) -> Result<(), StoreError> {
    if crate::migrations::schema_version(conn)? == 0 {
        return Err(StoreError::Damaged);
    }
    let answer: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if answer == "ok" {
        Ok(())
    } else {
        Err(StoreError::Damaged)
    }
}

/// Waits, once per process, until SQLCipher can key a database.
///
/// SQLite marks itself initialised and releases its main mutex before it runs SQLCipher's own
/// set-up (`SQLITE_EXTRA_INIT`). A thread that opens a database in that moment, while another
/// thread's first open is still initialising, finds SQLCipher not ready, and its `PRAGMA key`
/// fails ("An error occurred with PRAGMA key or rekey"). Harbour's shell opens its store from
/// one thread, but a test run opens many at once, and the next release of SQLCipher may order
/// things differently, so keyed opens wait here: keying a throwaway in-memory database proves
/// SQLCipher is set up, whichever thread set it up.
/// Statements kept prepared per connection.
const STATEMENT_CACHE: usize = 96;

pub(crate) fn sqlcipher_ready() -> Result<(), StoreError> {
    static READY: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    if READY.get().is_some() {
        return Ok(());
    }
    let probe = || -> rusqlite::Result<()> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch("PRAGMA key = 'harbour-probe';")
    };
    // Set-up takes microseconds; a second is far beyond any wait, and then the real error shows.
    let mut last = probe();
    for _ in 0..1000 {
        if last.is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
        last = probe();
    }
    last?;
    let _ = READY.set(());
    Ok(())
}

/// Opens the database file with its key and checks the key really opens it and (for an
/// existing file) that every page is intact. SQLCipher's own key
/// derivation is skipped (the key is raw), temp tables stay in memory, and writes are durable.
/// How long a connection waits for another's lock before it reports the store busy.
pub(crate) const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

pub(crate) fn open_keyed(
    path: &Path,
    key: &DataKey,
    create: bool,
) -> Result<Connection, StoreError> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    sqlcipher_ready()?;
    let conn = Connection::open_with_flags(path, flags).map_err(StoreError::from)?;
    // Before the first statement: another connection to the same file (the open store, a
    // backup, an unlock under way) may hold a lock for a moment, and this one then waits
    // rather than failing.
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Taking in a page of ops from another device runs a few dozen statements per op; each
    // prepared once per connection rather than once per op.
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    conn.execute_batch(&key.pragma())?;
    // SQLCipher wipes and locks the memory it frees, so pages of records do not linger.
    conn.execute_batch("PRAGMA cipher_memory_security = ON;")?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(StoreError::from)?;
    if !create {
        // Before anything (even the journal mode) is written.
        check_whole(&conn)?;
    }
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(StoreError::from)?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    // Up to 128 MiB of pages in memory (SQLite's default is 2 MiB): a first sync of a team's
    // years of records touches the same index pages again and again, and each page read from
    // disk is decrypted and checked again. Only a store that large ever fills it (100,000
    // records measured 26.7 s with 16 MiB, 20.1 s with 128 MiB; an incremental sync of 50 into
    // it 204 ms and 99 ms).
    conn.pragma_update(None, "cache_size", -131072)?;
    Ok(conn)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;
    use std::sync::Barrier;

    const CHILD: &str = "HARBOUR_FIRST_OPEN_CHILD";
    const THREADS: usize = 8;

    /// In a process of its own, several threads open and key new databases at the same moment,
    /// so that each of them is among the first to touch SQLite.
    fn open_at_once_in_a_new_process() {
        let dir = tempfile::tempdir().unwrap();
        let start = Arc::new(Barrier::new(THREADS));
        let threads: Vec<_> = (0..THREADS)
            .map(|i| {
                let path = dir.path().join(format!("{i}.db"));
                let start = Arc::clone(&start);
                std::thread::spawn(move || {
                    let key = DataKey::random().unwrap();
                    start.wait();
                    open_keyed(&path, &key, true).map(|_| ())
                })
            })
            .collect();
        for t in threads {
            if let Err(e) = t.join().unwrap() {
                panic!("a first open failed: {e:?}");
            }
        }
    }

    /// The race `sqlcipher_ready` closes can only happen while a process first touches SQLite,
    /// so each try is a new process running this test. Without the wait, 2 processes in 200
    /// failed on a 2-core machine; one such failure once failed CI.
    #[test]
    fn databases_opened_together_as_a_process_starts_are_all_keyed() {
        if std::env::var_os(CHILD).is_some() {
            return open_at_once_in_a_new_process();
        }
        let exe = std::env::current_exe().unwrap();
        let name = "vault::tests::databases_opened_together_as_a_process_starts_are_all_keyed";
        let mut failed = 0;
        for _ in 0..200 {
            let out = Command::new(&exe)
                .args(["--exact", name, "--test-threads=1", "--nocapture"])
                .env(CHILD, "1")
                .output()
                .unwrap();
            if !out.status.success() {
                failed += 1;
                eprintln!("{}", String::from_utf8_lossy(&out.stderr));
            }
        }
        assert_eq!(failed, 0, "processes in which a first open failed");
    }
}
