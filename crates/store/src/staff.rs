//! Staff: adding and disabling users, changing a PIN, and the auto-lock setting. Each is allowed
//! only to the roles that may, and each is written to the audit chain.

use harbour_core::ops::OpBody;
use harbour_core::users::validate_new_pin;
use harbour_core::{Action, Field, FieldError, FieldProblem, NewUser, Role, TeamId, User, UserId};
use rusqlite::Row;
use uuid::Uuid;

use crate::audit::AuditEvent;
use crate::device::DeviceSecret;
use crate::error::StoreError;
use crate::keys::{DataKey, Found, KdfParams, KeyContext, KeyFile, UserEntry};
use crate::sharing::{shared_key_ops, wraps};
use crate::staffkey::StaffKey;
use crate::store::{parse_id, parse_ts, Store};
use crate::tries::FailedUnlock;
use crate::userkey::{PinLock, UserSecret};
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
    ctx: KeyContext,
    device: DeviceSecret,
    user: UserId,
    name: String,
    role: Role,
    tag: Vec<u8>,
    pin: Zeroizing<String>,
    kdf: KdfParams,
    /// The synced teams they are (or will be) in: their key is wrapped for each too.
    teams: Vec<(TeamId, StaffKey)>,
}

/// A user whose key is wrapped, ready for [`Store::finish_add_user`].
pub struct SealedUser {
    entry: UserEntry,
    ctx: KeyContext,
    name: String,
    role: Role,
    /// The key shared with the synced teams' other devices.
    shared: Vec<OpBody>,
}

impl PendingUser {
    /// Makes the new user's key pair and wraps it under their PIN and this computer's device
    /// secret: the slow part, without the store.
    pub fn seal(self) -> Result<SealedUser, StoreError> {
        let secret = UserSecret::random()?;
        let lock = PinLock {
            pin: &self.pin,
            device: &self.device,
            kdf: self.kdf,
        };
        let wraps = wraps(&self.teams, self.user, &secret, &self.pin, self.kdf)?;
        Ok(SealedUser {
            entry: UserEntry::new(self.ctx, self.user, self.tag, &secret, lock, &self.key)?,
            ctx: self.ctx,
            name: self.name,
            role: self.role,
            shared: shared_key_ops(self.user, &secret, &wraps),
        })
    }
}

/// A PIN change, between [`Store::begin_change_pin`] and [`Store::finish_change_pin`].
pub struct PendingPin {
    dir: DataDir,
    keys: KeyFile,
    entry: UserEntry,
    key: DataKey,
    current: Zeroizing<String>,
    new: Zeroizing<String>,
    kdf: KdfParams,
    at: chrono::DateTime<chrono::Utc>,
    teams: Vec<(TeamId, StaffKey)>,
}

/// The user's key pair wrapped under their new PIN, and the wrong tries to record.
pub struct SealedPin {
    entry: UserEntry,
    ctx: KeyContext,
    failures: Vec<FailedUnlock>,
    shared: Vec<OpBody>,
}

impl PendingPin {
    /// Checks the current PIN, under the same limits on wrong tries as unlocking, and wraps
    /// the key pair under the new one, without the store.
    pub fn seal(self) -> Result<SealedPin, StoreError> {
        let found = Some(Found::User(self.entry.clone()));
        let (opened, failures) = self
            .dir
            .try_pin(&self.keys, found, &self.current, self.at)?;
        let secret = opened.secret.ok_or(StoreError::KeyNotRecognised)?;
        let ctx = self.keys.context().ok_or(StoreError::KeyFileDamaged)?;
        let device = self
            .dir
            .secrets()
            .get(ctx.store)?
            .ok_or(StoreError::DeviceSecretMissing)?;
        let lock = PinLock {
            pin: &self.new,
            device: &device,
            kdf: self.kdf,
        };
        let entry = self.entry.rewrap(ctx, &secret, lock, &self.key)?;
        let wraps = wraps(&self.teams, self.entry.user, &secret, &self.new, self.kdf)?;
        Ok(SealedPin {
            entry,
            ctx,
            failures,
            shared: shared_key_ops(self.entry.user, &secret, &wraps),
        })
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

    /// The data key, for stores on disk.
    pub(crate) fn data_key(&self) -> Result<DataKey, StoreError> {
        Ok(self.disk.as_ref().ok_or(StoreError::NotSetUp)?.1.clone())
    }

    /// Seals a key pair entry made for `ctx` to the data key of now, if a rotation came
    /// between.
    fn current_entry(
        &self,
        keys: &KeyFile,
        mut entry: UserEntry,
        ctx: KeyContext,
    ) -> Result<UserEntry, StoreError> {
        let now = keys.context().ok_or(StoreError::KeyFileDamaged)?;
        if now != ctx {
            entry.seal_key(now, &self.data_key()?)?;
        }
        Ok(entry)
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
        if keys.has_tag(&tag) {
            return Err(name_taken());
        }
        let (dir, key) = self.disk.as_ref().ok_or(StoreError::NotSetUp)?;
        let ctx = keys.context().ok_or(StoreError::KeyFileDamaged)?;
        let device = dir
            .secrets()
            .get(ctx.store)?
            .ok_or(StoreError::DeviceSecretMissing)?;
        let user = UserId::from_uuid(Uuid::now_v7());
        Ok(PendingUser {
            key: key.clone(),
            ctx,
            device,
            user,
            name,
            role,
            tag,
            pin: Zeroizing::new(new.pin.clone()),
            kdf,
            teams: self.staff_teams_of(user, self.team)?,
        })
    }

    /// Records a user whose key [`PendingUser::seal`] wrapped. The name is checked again: someone
    /// else may have taken it meanwhile.
    pub fn finish_add_user(&mut self, sealed: SealedUser) -> Result<User, StoreError> {
        self.require(Action::ManageUsers)?;
        let (dir, keys) = self.disk_keys()?;
        if keys.has_tag(&sealed.entry.name_tag) {
            return Err(name_taken());
        }
        let user = sealed.entry.user;
        let now = self.now();
        // The user exists in the database before their key does: a crash between the two
        // leaves a user who cannot unlock yet, never a key for no one. They join the team
        // shown now (an administrator puts them in others in Settings).
        let mut bodies = vec![
            OpBody::UserAdded {
                user,
                name: sealed.name,
                role: sealed.role,
                created_at: now,
            },
            OpBody::UserKeySet {
                user,
                public_key: hex::encode(&sealed.entry.public_key),
            },
        ];
        if let Some(team) = self.team {
            bodies.push(OpBody::TeamMemberSet {
                team,
                user,
                member: true,
            });
        }
        bodies.extend(sealed.shared);
        self.write(&bodies)?;
        self.audit(AuditEvent::UserAdded, &user.to_string())?;
        let key = self.data_key()?;
        let (entry, ctx) = (sealed.entry, sealed.ctx);
        dir.update_keys(&key, |keys| {
            if keys.has_tag(&entry.name_tag) {
                return Err(name_taken());
            }
            keys.users.push(self.current_entry(keys, entry, ctx)?);
            Ok(())
        })?;
        self.all_users()?
            .into_iter()
            .find(|u| u.id == user)
            .ok_or(StoreError::NotFound)
    }

    /// Gives a member of staff a new PIN, chosen by an administrator (they forgot theirs, or
    /// cannot unlock here yet: they had not signed in since an update before a key rotation, or
    /// the records were restored onto this computer). They get a new key pair; any entry they
    /// had here is replaced. Admins only; audited.
    pub fn reset_pin(
        &mut self,
        user: UserId,
        pin: &str,
        again: &str,
        kdf: KdfParams,
    ) -> Result<(), StoreError> {
        let sealed = self.begin_reset_pin(user, pin, again, kdf)?.seal()?;
        self.finish_reset_pin(sealed)
    }

    /// The quick first part of [`Store::reset_pin`]; [`PendingUser::seal`] is the slow part.
    pub fn begin_reset_pin(
        &self,
        user: UserId,
        pin: &str,
        again: &str,
        kdf: KdfParams,
    ) -> Result<PendingUser, StoreError> {
        self.require(Action::ManageUsers)?;
        let found = self
            .all_users()?
            .into_iter()
            .find(|u| u.id == user && !u.disabled)
            .ok_or(StoreError::NotFound)?;
        let errors = validate_new_pin(pin, again);
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        let (dir, keys) = self.disk_keys()?;
        let ctx = keys.context().ok_or(StoreError::KeyFileDamaged)?;
        let device = dir
            .secrets()
            .get(ctx.store)?
            .ok_or(StoreError::DeviceSecretMissing)?;
        Ok(PendingUser {
            key: self.data_key()?,
            ctx,
            device,
            user,
            tag: keys.name_tag(&found.name),
            name: found.name,
            role: found.role,
            pin: Zeroizing::new(pin.to_owned()),
            kdf,
            teams: self.staff_teams_of(user, None)?,
        })
    }

    /// Records the new key pair and puts the entry in place of any the person had.
    pub fn finish_reset_pin(&mut self, sealed: SealedUser) -> Result<(), StoreError> {
        self.require(Action::ManageUsers)?;
        let (dir, _) = self.disk_keys()?;
        let user = sealed.entry.user;
        let mut bodies = vec![OpBody::UserKeySet {
            user,
            public_key: hex::encode(&sealed.entry.public_key),
        }];
        bodies.extend(sealed.shared);
        self.write(&bodies)?;
        self.audit(AuditEvent::UserKeySet, &user.to_string())?;
        let key = self.data_key()?;
        let (entry, ctx) = (sealed.entry, sealed.ctx);
        dir.update_keys(&key, |keys| {
            keys.users.retain(|e| e.user != user);
            keys.entries.retain(|e| e.user != user);
            keys.users.push(self.current_entry(keys, entry, ctx)?);
            Ok(())
        })
    }

    /// Stops a user unlocking: the user is marked disabled, and the data key is replaced and
    /// sealed to the remaining staff only (see `revocation`), so a copy of their old key opens
    /// nothing written from now on. An admin cannot disable themselves, so there is always one
    /// admin left. If the key cannot be replaced yet (the store is open elsewhere), the user
    /// is still disabled and their entry removed, and [`StoreError::KeysNotReplaced`] says a
    /// rotation is still needed.
    pub fn disable_user(&mut self, user: UserId) -> Result<(), StoreError> {
        self.require(Action::ManageUsers)?;
        if user == self.session.user {
            return Err(StoreError::NotAllowed);
        }
        if !self.all_users()?.iter().any(|u| u.id == user) {
            return Err(StoreError::NotFound);
        }
        let (dir, _) = self.disk_keys()?;
        self.write(&[OpBody::UserDisabled { user }])?;
        self.audit(AuditEvent::UserDisabled, &user.to_string())?;
        let key = self.data_key()?;
        dir.update_keys(&key, |keys| {
            keys.users.retain(|e| e.user != user);
            keys.entries.retain(|e| e.user != user);
            Ok(())
        })?;
        self.rotate_data_key()?;
        Ok(())
    }

    /// Changes the session user's own PIN: the current one must be given, and a wrong one
    /// counts like a wrong PIN at unlock. Only their wrapped key pair changes.
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
        let (dir, keys) = self.disk_keys()?;
        let me = self.session.user;
        let entry = keys
            .users
            .iter()
            .find(|e| e.user == me)
            .ok_or(StoreError::NotFound)?
            .clone();
        let errors = validate_new_pin(new, again);
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        Ok(PendingPin {
            dir,
            keys,
            entry,
            key: self.data_key()?,
            current: Zeroizing::new(current.to_owned()),
            new: Zeroizing::new(new.to_owned()),
            kdf,
            at: self.now(),
            teams: self.staff_teams_of(me, None)?,
        })
    }

    /// Puts the newly wrapped key pair in place of the user's old one, and records the
    /// change (and any wrong tries before it).
    pub fn finish_change_pin(&mut self, sealed: SealedPin) -> Result<(), StoreError> {
        let (dir, _) = self.disk_keys()?;
        let me = self.session.user;
        if sealed.entry.user != me {
            return Err(StoreError::NotAllowed);
        }
        crate::audit::record_failed_unlocks(&self.conn, &sealed.failures)?;
        let key = self.data_key()?;
        let (entry, ctx) = (sealed.entry, sealed.ctx);
        dir.update_keys(&key, |keys| {
            let entry = self.current_entry(keys, entry, ctx)?;
            let mine = keys
                .users
                .iter_mut()
                .find(|e| e.user == me && e.public_key == entry.public_key)
                .ok_or(StoreError::NotFound)?;
            *mine = entry;
            Ok(())
        })?;
        // The other devices of the team take the new PIN at their next sync.
        if !sealed.shared.is_empty() {
            self.write(&sealed.shared)?;
        }
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
        let (dir, _) = self.disk_keys()?;
        dir.update_keys(&self.data_key()?, |keys| {
            keys.auto_lock_minutes = minutes;
            Ok(())
        })?;
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
        // With the records merged into theirs (their own pages, read-only): nothing is left out.
        let mut all = self.children()?;
        let mut at = 0;
        while at < all.len() {
            for merged in self.merged_into(all[at].id)? {
                all.push(self.child(merged)?);
            }
            at += 1;
        }
        for child in all {
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
        let data = crate::testing::data(dir.path());
        assert!(data.unlock(Some("Sam Admin"), PIN, clock.clone()).is_err());
        assert!(data.unlock(Some("Sam Admin"), "554433", clock).is_ok());
    }

    /// An administrator gives a carer who forgot their PIN a new one: the old PIN stops
    /// working, the new one opens, and it is recorded.
    #[test]
    fn an_administrator_gives_a_new_pin_and_the_old_one_stops_working() {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(FixedClock::at(chrono::Utc::now()));
        let mut store = testing::create(dir.path(), clock.clone());
        testing::add_carer(&mut store);
        let carer = store
            .users()
            .unwrap()
            .into_iter()
            .find(|u| u.name == testing::CARER)
            .unwrap();
        let weak = store
            .reset_pin(carer.id, "111111", "111111", KDF)
            .unwrap_err();
        assert_eq!(weak.code(), "invalid");
        store.reset_pin(carer.id, "583920", "583920", KDF).unwrap();
        let last = store.audit_entries().unwrap().pop().unwrap();
        assert_eq!(
            (last.event.as_str(), last.subject),
            ("user_key_set", carer.id.to_string())
        );
        drop(store);
        let data = crate::testing::data(dir.path());
        let old = data
            .unlock(Some(testing::CARER), testing::CARER_PIN, clock.clone())
            .unwrap_err();
        assert_eq!(old.code(), "wrong_pin");
        let mut as_carer = data
            .unlock(Some(testing::CARER), "583920", clock.clone())
            .unwrap();
        assert_eq!(data.key_file().unwrap().people(), 2);
        // Only administrators may.
        let me = as_carer.session.user;
        assert_eq!(
            as_carer
                .reset_pin(me, "583921", "583921", KDF)
                .unwrap_err()
                .code(),
            "not_allowed"
        );
    }
}
