//! Staff: adding and disabling users, changing a PIN, and the auto-lock setting. Each is allowed
//! only to the roles that may, and each is written to the audit chain.

use harbour_core::ops::OpBody;
use harbour_core::users::validate_new_pin;
use harbour_core::{Action, Field, FieldError, FieldProblem, NewUser, Role, User, UserId};
use rusqlite::Row;
use uuid::Uuid;

use crate::audit::AuditEvent;
use crate::error::StoreError;
use crate::keys::{DataKey, KdfParams, KeyEntry, KeyFile};
use crate::store::{parse_id, parse_ts, Store};
use crate::vault::DataDir;
use zeroize::Zeroizing;

/// Shortest and longest auto-lock times a setting may have, in minutes.
pub const AUTO_LOCK_MINUTES: std::ops::RangeInclusive<u32> = 1..=240;

fn name_taken() -> StoreError {
    StoreError::Invalid(vec![FieldError::new(Field::UserName, FieldProblem::Taken)])
}

/// A user being added, between [`Store::begin_add_user`] and [`Store::finish_add_user`].
pub struct PendingUser {
    key: DataKey,
    user: UserId,
    name: String,
    role: Role,
    tag: Vec<u8>,
    pin: Zeroizing<String>,
    kdf: KdfParams,
}

/// A user whose key is wrapped, ready for [`Store::finish_add_user`].
pub struct SealedUser {
    entry: KeyEntry,
    name: String,
    role: Role,
}

impl PendingUser {
    /// Wraps the data key under the new user's PIN: the slow part, without the store.
    pub fn seal(self) -> Result<SealedUser, StoreError> {
        Ok(SealedUser {
            entry: KeyEntry::seal(&self.key, self.user, self.tag, &self.pin, self.kdf)?,
            name: self.name,
            role: self.role,
        })
    }
}

/// A PIN change, between [`Store::begin_change_pin`] and [`Store::finish_change_pin`].
pub struct PendingPin {
    key: DataKey,
    entry: KeyEntry,
    current: Zeroizing<String>,
    new: Zeroizing<String>,
    kdf: KdfParams,
}

/// The user's key wrapped under their new PIN.
pub struct SealedPin(KeyEntry);

impl PendingPin {
    /// Checks the current PIN and wraps the key under the new one, without the store.
    pub fn seal(self) -> Result<SealedPin, StoreError> {
        if self.entry.open(&self.current)?.is_none() {
            return Err(StoreError::WrongPin(0));
        }
        let entry = KeyEntry::seal(
            &self.key,
            self.entry.user,
            self.entry.name_tag.clone(),
            &self.new,
            self.kdf,
        )?;
        Ok(SealedPin(entry))
    }
}

macro_rules! no_secrets_in_debug {
    ($($t:ty),*) => {$(
        impl std::fmt::Debug for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(stringify!($t))
            }
        }
    )*};
}
no_secrets_in_debug!(PendingUser, SealedUser, PendingPin, SealedPin);

fn read_user(r: &Row<'_>) -> rusqlite::Result<(String, String, String, bool, String)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

impl Store {
    /// The data folder and key file, for stores on disk.
    fn disk_keys(&self) -> Result<(DataDir, KeyFile), StoreError> {
        let (dir, _) = self.disk.as_ref().ok_or(StoreError::NotSetUp)?;
        Ok((dir.clone(), dir.key_file()?))
    }

    /// Every user, enabled first, by name. Admins only.
    pub fn users(&self) -> Result<Vec<User>, StoreError> {
        self.require(Action::ManageUsers)?;
        self.all_users()
    }

    fn all_users(&self) -> Result<Vec<User>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, role, disabled, created_at FROM users \
             ORDER BY disabled, name COLLATE NOCASE, id",
        )?;
        let rows = stmt.query_map([], read_user)?;
        rows.map(|row| {
            let (id, name, role, disabled, created_at) = row?;
            Ok(User {
                id: UserId::from_uuid(parse_id(&id)?),
                name,
                role: Role::parse(&role).ok_or(StoreError::Corrupt("role"))?,
                disabled,
                created_at: parse_ts(&created_at)?,
            })
        })
        .collect()
    }

    /// Every user's name, disabled or not: records show who did what to everyone who may read
    /// them.
    pub(crate) fn user_names(&self) -> Result<Vec<(UserId, String)>, StoreError> {
        Ok(self
            .all_users()?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect())
    }

    /// The user who unlocked.
    pub fn current_user(&self) -> Result<User, StoreError> {
        self.all_users()?
            .into_iter()
            .find(|u| u.id == self.session.user)
            .ok_or(StoreError::NotFound)
    }

    /// Adds a member of staff who can unlock with their own PIN. Admins only.
    pub fn add_user(
        &mut self,
        new: &NewUser,
        role: Role,
        kdf: KdfParams,
    ) -> Result<User, StoreError> {
        let sealed = self.begin_add_user(new, role, kdf)?.seal()?;
        self.finish_add_user(sealed)
    }

    /// The quick first part of adding a user: checks the role, the name and the PIN, and
    /// returns what [`PendingUser::seal`] needs to wrap the key (the slow part, about half a
    /// second, done without the store); [`Store::finish_add_user`] then records them.
    pub fn begin_add_user(
        &self,
        new: &NewUser,
        role: Role,
        kdf: KdfParams,
    ) -> Result<PendingUser, StoreError> {
        self.require(Action::ManageUsers)?;
        let (_, keys) = self.disk_keys()?;
        let name = new.validate().map_err(StoreError::Invalid)?;
        let tag = keys.name_tag(&name);
        if keys.entries.iter().any(|e| e.name_tag == tag) {
            return Err(name_taken());
        }
        let (_, key) = self.disk.as_ref().ok_or(StoreError::NotSetUp)?;
        Ok(PendingUser {
            key: key.clone(),
            user: UserId::from_uuid(Uuid::now_v7()),
            name,
            role,
            tag,
            pin: Zeroizing::new(new.pin.clone()),
            kdf,
        })
    }

    /// Records a user whose key [`PendingUser::seal`] wrapped. The name is checked again: someone
    /// else may have taken it meanwhile.
    pub fn finish_add_user(&mut self, sealed: SealedUser) -> Result<User, StoreError> {
        self.require(Action::ManageUsers)?;
        let (dir, mut keys) = self.disk_keys()?;
        if keys
            .entries
            .iter()
            .any(|e| e.name_tag == sealed.entry.name_tag)
        {
            return Err(name_taken());
        }
        let user = sealed.entry.user;
        let now = self.now();
        // The user exists in the database before their key does: a crash between the two
        // leaves a user who cannot unlock yet, never a key for no one. They join the team
        // shown now (an administrator puts them in others in Settings).
        let mut bodies = vec![OpBody::UserAdded {
            user,
            name: sealed.name,
            role: sealed.role,
            created_at: now,
        }];
        if let Some(team) = self.team {
            bodies.push(OpBody::TeamMemberSet {
                team,
                user,
                member: true,
            });
        }
        self.write(&bodies)?;
        self.audit(AuditEvent::UserAdded, &user.to_string())?;
        keys.entries.push(sealed.entry);
        keys.save(&dir.key_path())?;
        self.all_users()?
            .into_iter()
            .find(|u| u.id == user)
            .ok_or(StoreError::NotFound)
    }

    /// Stops a user unlocking: their wrapped key is deleted and the user marked disabled. An
    /// admin cannot disable themselves, so there is always one admin left.
    pub fn disable_user(&mut self, user: UserId) -> Result<(), StoreError> {
        self.require(Action::ManageUsers)?;
        if user == self.session.user {
            return Err(StoreError::NotAllowed);
        }
        if !self.all_users()?.iter().any(|u| u.id == user) {
            return Err(StoreError::NotFound);
        }
        let (dir, mut keys) = self.disk_keys()?;
        self.write(&[OpBody::UserDisabled { user }])?;
        self.audit(AuditEvent::UserDisabled, &user.to_string())?;
        keys.entries.retain(|e| e.user != user);
        keys.save(&dir.key_path())?;
        Ok(())
    }

    /// Changes the session user's own PIN: the current one must be given. Only their wrapped
    /// copy of the key changes.
    pub fn change_pin(
        &mut self,
        current: &str,
        new: &str,
        again: &str,
        kdf: KdfParams,
    ) -> Result<(), StoreError> {
        let sealed = self.begin_change_pin(current, new, again, kdf)?.seal()?;
        self.finish_change_pin(sealed)
    }

    /// The quick first part of a PIN change: checks the new PIN and returns what
    /// [`PendingPin::seal`] needs (it checks the current PIN and wraps the key under the new
    /// one: two key derivations, done without the store).
    pub fn begin_change_pin(
        &self,
        current: &str,
        new: &str,
        again: &str,
        kdf: KdfParams,
    ) -> Result<PendingPin, StoreError> {
        let (_, keys) = self.disk_keys()?;
        let me = self.session.user;
        let entry = keys
            .entries
            .iter()
            .find(|e| e.user == me)
            .ok_or(StoreError::NotFound)?
            .clone();
        let errors = validate_new_pin(new, again);
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        let (_, key) = self.disk.as_ref().ok_or(StoreError::NotSetUp)?;
        Ok(PendingPin {
            key: key.clone(),
            entry,
            current: Zeroizing::new(current.to_owned()),
            new: Zeroizing::new(new.to_owned()),
            kdf,
        })
    }

    /// Puts the newly wrapped key in place of the user's old one.
    pub fn finish_change_pin(&mut self, sealed: SealedPin) -> Result<(), StoreError> {
        let (dir, mut keys) = self.disk_keys()?;
        let me = self.session.user;
        if sealed.0.user != me {
            return Err(StoreError::NotAllowed);
        }
        let entry = keys
            .entries
            .iter_mut()
            .find(|e| e.user == me)
            .ok_or(StoreError::NotFound)?;
        *entry = sealed.0;
        keys.save(&dir.key_path())?;
        self.audit(AuditEvent::PinChanged, &me.to_string())?;
        Ok(())
    }

    /// Sets how many idle minutes lock the app. Managers and admins.
    pub fn set_auto_lock_minutes(&mut self, minutes: u32) -> Result<(), StoreError> {
        self.require(Action::ChangeSettings)?;
        if !AUTO_LOCK_MINUTES.contains(&minutes) {
            return Err(StoreError::Invalid(vec![FieldError::new(
                Field::AutoLock,
                FieldProblem::OutOfRange,
            )]));
        }
        let (dir, mut keys) = self.disk_keys()?;
        keys.auto_lock_minutes = minutes;
        keys.save(&dir.key_path())?;
        self.audit(AuditEvent::SettingChanged, "auto_lock_minutes")
    }
}

impl Store {
    /// Everything this user's role may see, as JSON: for a subject access request, or to hand a
    /// child's record to the placing authority. The export itself is audited. Managers,
    /// placement officers and admins.
    pub fn export_json(&mut self) -> Result<serde_json::Value, StoreError> {
        use base64::Engine as _;
        self.require(Action::ExportRecords)?;
        let mut children = Vec::new();
        for child in self.children()? {
            let photo = self
                .child_photo(child.id)?
                .map(|jpeg| base64::engine::general_purpose::STANDARD.encode(jpeg));
            let full_photo = self
                .child_full_photo(child.id)?
                .map(|jpeg| base64::engine::general_purpose::STANDARD.encode(jpeg));
            // Everything a new placement needs (GMP: pass the form on when a child moves).
            let profile = self.profile(child.id)?;
            let episodes = self.child_episodes(child.id)?;
            children.push(serde_json::json!({
                "child": child,
                "photo_jpeg_base64": photo,
                "full_photo_jpeg_base64": full_photo,
                "profile": profile.sections,
                "missing_episodes": episodes,
            }));
        }
        let users = if self.session.role.may(Action::ManageUsers) {
            serde_json::to_value(self.users()?).map_err(|_| StoreError::Corrupt("users"))?
        } else {
            serde_json::Value::Null
        };
        self.audit(AuditEvent::Exported, "json")?;
        Ok(serde_json::json!({
            // 2: each child carries its profile, and episodes carry their events.
            "format": 2,
            "exported_at": self.now(),
            "exported_by": self.session.user,
            "role": self.session.role,
            "children": children,
            "users": users,
        }))
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{self, KDF, PIN};
    use harbour_core::{FixedClock, NewUser, Role};
    use std::sync::Arc;

    fn new_user(name: &str, pin: &str) -> NewUser {
        NewUser {
            name: name.into(),
            pin: pin.into(),
            pin_again: pin.into(),
        }
    }

    /// Adding a user and changing a PIN in three parts: the key derivation in the middle needs
    /// no store, and what changed meanwhile is checked again at the end.
    #[test]
    fn the_slow_part_of_adding_staff_or_changing_a_pin_needs_no_store() {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(FixedClock::at(chrono::Utc::now()));
        let mut store = testing::create(dir.path(), clock.clone());
        let jo = store
            .begin_add_user(&new_user("Jo Carer", "736251"), Role::FosterCarer, KDF)
            .unwrap();
        assert!(
            !format!("{jo:?}").contains("736251"),
            "no PIN in debug output"
        );
        // Someone takes the name while Jo's key is being wrapped.
        let other = store
            .begin_add_user(&new_user("Jo Carer", "918273"), Role::Manager, KDF)
            .unwrap();
        let jo = jo.seal().unwrap();
        store.finish_add_user(other.seal().unwrap()).unwrap();
        let err = store.finish_add_user(jo).unwrap_err();
        assert_eq!(err.code(), "invalid", "{err:?}");
        assert_eq!(store.users().unwrap().len(), 2);

        // The PIN change: a wrong current PIN is found in the slow part, nothing changes.
        let wrong = store
            .begin_change_pin("000000", "554433", "554433", KDF)
            .unwrap()
            .seal();
        assert!(matches!(wrong, Err(crate::StoreError::WrongPin(_))));
        let sealed = store
            .begin_change_pin(PIN, "554433", "554433", KDF)
            .unwrap()
            .seal()
            .unwrap();
        store.finish_change_pin(sealed).unwrap();
        drop(store);
        let data = crate::DataDir::new(dir.path());
        assert!(data.unlock(Some("Sam Admin"), PIN, clock.clone()).is_err());
        assert!(data.unlock(Some("Sam Admin"), "554433", clock).is_ok());
    }
}
