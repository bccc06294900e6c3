//! Staff: adding and disabling users, changing a PIN, and the auto-lock setting. Each is allowed
//! only to the roles that may, and each is written to the audit chain.

use harbour_core::ops::OpBody;
use harbour_core::users::validate_new_pin;
use harbour_core::{Action, Field, FieldError, FieldProblem, NewUser, Role, User, UserId};
use rusqlite::Row;
use uuid::Uuid;

use crate::audit::AuditEvent;
use crate::error::StoreError;
use crate::keys::{KdfParams, KeyEntry, KeyFile};
use crate::store::{parse_id, parse_ts, Store};
use crate::vault::DataDir;

/// Shortest and longest auto-lock times a setting may have, in minutes.
pub const AUTO_LOCK_MINUTES: std::ops::RangeInclusive<u32> = 1..=240;

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
        self.require(Action::ManageUsers)?;
        let (dir, mut keys) = self.disk_keys()?;
        let name = new.validate().map_err(StoreError::Invalid)?;
        let tag = keys.name_tag(&name);
        if keys.entries.iter().any(|e| e.name_tag == tag) {
            return Err(StoreError::Invalid(vec![FieldError::new(
                Field::UserName,
                FieldProblem::Taken,
            )]));
        }
        let user = UserId::from_uuid(Uuid::now_v7());
        let (_, key) = self.disk.as_ref().ok_or(StoreError::NotSetUp)?;
        let entry = KeyEntry::seal(key, user, tag, &new.pin, kdf)?;
        let now = self.now();
        // The user exists in the database before their key does: a crash between the two
        // leaves a user who cannot unlock yet, never a key for no one.
        self.write(&[OpBody::UserAdded {
            user,
            name,
            role,
            created_at: now,
        }])?;
        self.audit(AuditEvent::UserAdded, &user.to_string())?;
        keys.entries.push(entry);
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
        let (dir, mut keys) = self.disk_keys()?;
        let me = self.session.user;
        let index = keys
            .entries
            .iter()
            .position(|e| e.user == me)
            .ok_or(StoreError::NotFound)?;
        if keys.entries[index].open(current)?.is_none() {
            return Err(StoreError::WrongPin(0));
        }
        let errors = validate_new_pin(new, again);
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        let (_, key) = self.disk.as_ref().ok_or(StoreError::NotSetUp)?;
        let tag = keys.entries[index].name_tag.clone();
        keys.entries[index] = KeyEntry::seal(key, me, tag, new, kdf)?;
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
