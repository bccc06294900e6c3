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
mod backup;
mod episodes;
mod error;
mod home;
mod keys;
mod migrations;
mod oplog;
mod organisation;
mod photo;
mod profile;
mod remote;
mod samples;
mod staff;
mod store;
mod teams;
mod upgrade;
mod vault;

pub use assessments::{definition, definitions, latest, parse_definition, shipped_files};
pub use audit::{AuditEntry, AuditEvent, ChainCheck};
pub use backup::{BackupSource, BACKUP_FORMAT};
pub use error::StoreError;
pub use keys::{write_atomically, KdfParams, DEFAULT_AUTO_LOCK_MINUTES};
pub use oplog::Op;
pub use photo::{prepare_photo, MAX_PHOTO_BYTES, PHOTO_MAX_SIDE};
pub use remote::Applied;
pub use staff::{PendingPin, PendingUser, SealedPin, SealedUser, AUTO_LOCK_MINUTES};
pub use store::{Session, Store, SystemClock};
pub use vault::{DataDir, Status, DB_FILE, DEMO_PIN, DEMO_USER, KEY_FILE};

#[cfg(test)]
pub(crate) mod testing {
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

    pub fn create(dir: &Path, clock: impl Clock + Send + 'static) -> Store {
        DataDir::new(dir).create(&admin(), KDF, clock).unwrap()
    }

    pub fn unlock(dir: &Path, clock: impl Clock + Send + 'static) -> Store {
        DataDir::new(dir).unlock(None, PIN, clock).unwrap()
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

    /// Unlocks as Casey Carer (after `add_carer`).
    pub fn unlock_carer(dir: &Path, clock: impl Clock + Send + 'static) -> Store {
        DataDir::new(dir)
            .unlock(Some(CARER), CARER_PIN, clock)
            .unwrap()
    }
}
