//! Harbour's local store: one encrypted SQLite file (SQLCipher) per install holding the
//! children, their missing episodes and the staff, with a key file beside it (`vault`, `keys`).
//!
//! Every write validates first (with the same core rules the UI uses) and runs in one
//! transaction, so bad input is rejected whole and nothing saved before is touched.
//!
//! Every write is an op appended to this device's log and folded into the tables the app reads
//! (`oplog`); those tables can be rebuilt from the log at any time. Views of a child are
//! recorded in a hash-chained audit (`audit`), as are unlocks, wrong PINs, staff changes,
//! exports and backups. Every read and write is checked against the unlocked user's role.

mod assessments;
mod audit;
mod audit_read;
mod backup;
mod daily_log;
mod device;
mod disk;
mod episodes;
mod error;
mod home;
mod keys;
mod migrations;
mod moves;
mod oplog;
mod organisation;
mod photo;
mod profile;
mod recovery;
mod remote;
mod revocation;
mod samples;
mod sharing;
mod staff;
mod staffkey;
mod store;
mod sync;
mod teams;
mod transfer;
mod tries;
mod twice;
mod upgrade;
mod userkey;
mod vault;

pub use assessments::{definition, definitions, latest, parse_definition, shipped_files};
pub use audit::{AuditEntry, AuditEvent, ChainCheck};
pub use audit_read::AuditRange;
pub use backup::{BackupSource, BACKUP_FORMAT};
pub use device::{
    private_folder, system as system_secrets, DeviceSecrets, Keyring, SecretFolder, SecretPlace,
    KEYRING_SERVICE,
};
pub use disk::{disk_encryption, DiskEncryption};
pub use episodes::SheetOut;
pub use error::StoreError;
pub use keys::{write_atomically, KdfParams, DEFAULT_AUTO_LOCK_MINUTES};
pub use oplog::Op;
pub use photo::{prepare_photo, MAX_PHOTO_BYTES, PHOTO_MAX_SIDE};
pub use recovery::{RecoveryKey, RecoveryPublic};
pub use remote::Applied;
pub use revocation::Rotated;
pub use sharing::Signing;
pub use staff::{PendingPin, PendingUser, SealedPin, SealedUser, AUTO_LOCK_MINUTES};
pub use store::{Session, Store, SystemClock};
pub use sync::{Head, Slot, SyncLink, CHAIN_START};
pub use transfer::{passphrase_ok, MIN_PASSPHRASE_CHARS};
pub use tries::{wait_after, FailedUnlock, MAX_WAIT, TRIES_FILE};
pub use vault::{
    DataDir, Status, DB_FILE, DEMO_PIN, DEMO_USER, KEY_FILE, NEW_KEY_FILE, SETTING_UP,
};

#[cfg(any(test, feature = "testing"))]
pub mod testing {
    //! Stores on disk for tests: real encryption and key wrapping, with the cheapest Argon2id
    //! settings allowed (OWASP's minimum), so unlocking takes tens of milliseconds.

    use crate::{DataDir, KdfParams, Store};
    use harbour_core::{Clock, NewUser};
    use std::path::Path;

    pub const PIN: &str = "402719";
    pub const KDF: KdfParams = KdfParams::OWASP_MINIMUM;

    pub fn admin() -> NewUser {
        NewUser {
            name: "Sam Admin".into(),
            pin: PIN.into(),
            pin_again: PIN.into(),
        }
    }

    /// The data folder at `dir`, with device secrets kept in a folder inside it (a test
    /// of what a copy of the data folder alone allows uses a folder of its own).
    pub fn data(dir: &Path) -> DataDir {
        DataDir::new(
            dir,
            std::sync::Arc::new(crate::SecretFolder::new(dir.join("device-secrets"))),
        )
    }

    pub fn create(dir: &Path, clock: impl Clock + Send + 'static) -> Store {
        data(dir).create(&admin(), KDF, clock).unwrap()
    }

    pub fn unlock(dir: &Path, clock: impl Clock + Send + 'static) -> Store {
        data(dir).unlock(None, PIN, clock).unwrap()
    }

    pub const CARER: &str = "Casey Carer";
    pub const CARER_PIN: &str = "284613";

    /// Adds a foster carer, Casey Carer, who unlocks with `CARER_PIN`.
    pub fn add_carer(store: &mut Store) {
        let carer = NewUser {
            name: CARER.into(),
            pin: CARER_PIN.into(),
            pin_again: CARER_PIN.into(),
        };
        store
            .add_user(&carer, harbour_core::Role::FosterCarer, KDF)
            .unwrap();
    }

    /// The administrator every test device of one team knows (see [`team_store`]).
    pub const TEAM_ADMIN: &str = "01936b6e-7c00-7000-8000-0000000000a0";

    pub fn team_admin() -> harbour_core::UserId {
        TEAM_ADMIN.parse().unwrap()
    }

    /// The op that made [`TEAM_ADMIN`] the team's first administrator, from a device of its
    /// own, the day before the tests' times.
    pub fn team_admin_op() -> crate::Op {
        let body = harbour_core::ops::OpBody::UserAdded {
            user: team_admin(),
            name: "Sam Admin".into(),
            role: harbour_core::Role::Admin,
            created_at: chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap(),
        };
        crate::Op {
            op_id: "01936b6e-7c00-7000-8000-0000000000a1".parse().unwrap(),
            device: "01936b6e-7c00-7000-8000-0000000000a2".parse().unwrap(),
            idx: 0,
            hlc: harbour_core::Hlc {
                wall_ms: 1_764_000_000_000,
                counter: 0,
            },
            author: Some(team_admin()),
            team: None,
            kind: body.kind().into(),
            entity: body.entity(),
            payload: body.encode(),
        }
    }

    /// The op that set up the examples' team (`harbour_core::examples::team`), by
    /// [`TEAM_ADMIN`], just after they were added.
    pub fn team_made_op() -> crate::Op {
        let body = harbour_core::ops::OpBody::TeamAdded {
            team: harbour_core::examples::team(),
            name: "Sample House".into(),
            created_at: chrono::DateTime::from_timestamp(1_764_000_001, 0).unwrap(),
        };
        crate::Op {
            op_id: "01936b6e-7c00-7000-8000-0000000000a3".parse().unwrap(),
            idx: 1,
            hlc: harbour_core::Hlc {
                wall_ms: 1_764_000_001_000,
                counter: 0,
            },
            team: Some(harbour_core::examples::team()),
            kind: body.kind().into(),
            entity: body.entity(),
            payload: body.encode(),
            ..team_admin_op()
        }
    }

    /// A device of one team: an in-memory store where [`TEAM_ADMIN`] is signed in and known,
    /// so what it writes is taken in by every other such device.
    pub fn team_store(clock: impl Clock + Send + 'static) -> Store {
        let mut store = Store::open_in_memory_as(
            clock,
            crate::Session {
                user: team_admin(),
                role: harbour_core::Role::Admin,
            },
        )
        .unwrap();
        let applied = store.apply_remote(&[team_admin_op()]).unwrap();
        assert_eq!(applied.taken, 1);
        store
    }

    /// A data folder as format 1 left it: PIN-only entries for an administrator and a carer,
    /// no store id, no record of the key file in the database, and a wrong try not yet audited.
    #[cfg(test)]
    pub fn format_1_folder(
        dir: &std::path::Path,
    ) -> (
        harbour_core::UserId,
        harbour_core::UserId,
        crate::keys::DataKey,
    ) {
        let data = data(dir);
        let key = crate::keys::DataKey::random().unwrap();
        let conn = crate::vault::open_keyed(&data.db_path(), &key, true).unwrap();
        let (admin, carer) = (
            harbour_core::UserId::from_uuid(uuid::Uuid::now_v7()),
            harbour_core::UserId::from_uuid(uuid::Uuid::now_v7()),
        );
        let session = crate::Session {
            user: admin,
            role: harbour_core::Role::Admin,
        };
        let mut store = Store::init(
            conn,
            harbour_core::FixedClock::at(chrono::Utc::now()),
            session,
            Some((data.clone(), key.clone())),
        )
        .unwrap();
        let now = store.now();
        store
            .write(&[
                harbour_core::ops::OpBody::UserAdded {
                    user: admin,
                    name: "Sam Admin".into(),
                    role: harbour_core::Role::Admin,
                    created_at: now,
                },
                harbour_core::ops::OpBody::UserAdded {
                    user: carer,
                    name: CARER.into(),
                    role: harbour_core::Role::FosterCarer,
                    created_at: now,
                },
            ])
            .unwrap();
        drop(store);
        let mut keys = crate::keys::KeyFile::new(uuid::Uuid::nil()).unwrap();
        keys.format = 1;
        keys.store = None;
        for (user, name, pin) in [(admin, "Sam Admin", PIN), (carer, CARER, CARER_PIN)] {
            let tag = keys.name_tag(name);
            keys.entries
                .push(crate::keys::KeyEntry::seal(&key, user, tag, pin, KDF).unwrap());
        }
        keys.failures.push(crate::tries::FailedUnlock {
            at: now,
            user: Some(carer),
        });
        let mut json = serde_json::to_value(&keys).unwrap();
        json["failures"] = serde_json::to_value(&keys.failures).unwrap();
        std::fs::write(data.key_path(), serde_json::to_vec(&json).unwrap()).unwrap();
        (admin, carer, key)
    }

    /// Unlocks as Casey Carer (after `add_carer`).
    pub fn unlock_carer(dir: &Path, clock: impl Clock + Send + 'static) -> Store {
        data(dir).unlock(Some(CARER), CARER_PIN, clock).unwrap()
    }
}
