//! Sharing staff across a team's devices (the keys are `staffkey`'s): where a PIN is typed or
//! chosen, its wraps are written for every synced team the person is in; after every sync, this
//! device's key file gets an entry for each enabled member of the team whose wrap it holds, a
//! newer wrap (a PIN changed on another device) replaces an older one, and a member of staff
//! disabled anywhere loses their entry here and the data key is replaced.

use harbour_core::ops::{staff_key_register, OpBody};
use harbour_core::{TeamId, UserId};
use rusqlite::{params, OptionalExtension};
use serde::Deserialize;
use std::collections::BTreeMap;

use harbour_core::{Clock, Role};
use uuid::Uuid;

use crate::audit::AuditEvent;
use crate::error::StoreError;
use crate::keys::{DataKey, KdfParams, KeyContext, KeyFile};
use crate::staffkey::{PinStretch, SharedFrom, StaffKey, StaffLock, Wrap};
use crate::store::Session;
use crate::userkey::{UserEntry, UserSecret};
use crate::vault::{open_keyed, private_file, DataDir};
use crate::Store;

/// What a sync changed in who can sign in here.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Signing {
    /// Staff who can now sign in here, or sign in with the PIN they chose elsewhere.
    pub added: Vec<UserId>,
    /// Staff disabled elsewhere, who no longer can.
    pub removed: Vec<UserId>,
}

/// A register's value: the pair's public half and its wrap.
#[derive(Deserialize)]
struct Shared {
    public_key: String,
    wrap: String,
}

/// One wrap the database holds for an enabled member of a synced team.
struct Held {
    team: TeamId,
    name: String,
    public: Vec<u8>,
    wrap: Wrap,
    hlc: String,
    /// Written by this device.
    ours: bool,
}

impl Store {
    /// The staff keys of the teams this store syncs.
    fn staff_keys(&self) -> Result<Vec<(TeamId, StaffKey)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT team, team_key FROM sync_links ORDER BY team")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (team, key) = row?;
            let key: [u8; 32] = key
                .as_slice()
                .try_into()
                .map_err(|_| StoreError::Corrupt("team key"))?;
            let team = team.parse().map_err(|_| StoreError::Corrupt("team"))?;
            out.push((team, StaffKey::of_team(&key)));
        }
        Ok(out)
    }

    /// The staff keys of the synced teams `user` is in (and `joining`, the team a new member
    /// of staff is being added to).
    pub(crate) fn staff_teams_of(
        &self,
        user: UserId,
        joining: Option<TeamId>,
    ) -> Result<Vec<(TeamId, StaffKey)>, StoreError> {
        let mut out = Vec::new();
        for (team, staff) in self.staff_keys()? {
            let member: bool = self
                .conn
                .prepare_cached(
                    "SELECT EXISTS(SELECT 1 FROM team_members WHERE team = ?1 AND user = ?2)",
                )?
                .query_row(params![team.to_string(), user.to_string()], |r| r.get(0))?;
            if member || joining == Some(team) {
                out.push((team, staff));
            }
        }
        Ok(out)
    }

    /// The synced teams `user` is in that hold no wrap of the key pair `public` (hex).
    fn teams_missing(
        &self,
        user: UserId,
        public: &str,
    ) -> Result<Vec<(TeamId, StaffKey)>, StoreError> {
        let mut teams = Vec::new();
        for (team, staff) in self.staff_teams_of(user, None)? {
            let held: Option<String> = self
                .conn
                .prepare_cached("SELECT value FROM registers WHERE entity = ?1 AND field = ?2")?
                .query_row(params![user.to_string(), staff_key_register(team)], |r| {
                    r.get(0)
                })
                .ok();
            let same = held
                .and_then(|v| serde_json::from_str::<Shared>(&v).ok())
                .is_some_and(|s| s.public_key == public);
            if !same {
                teams.push((team, staff));
            }
        }
        Ok(teams)
    }

    /// Writes `user`'s key wrapped under `pin` for each synced team they are in that has none
    /// of this key pair yet. How many were written.
    pub(crate) fn share_key(
        &mut self,
        user: UserId,
        secret: &UserSecret,
        pin: &str,
        kdf: KdfParams,
    ) -> Result<usize, StoreError> {
        let teams = self.teams_missing(user, &hex::encode(secret.public()))?;
        let bodies = shared_key_ops(user, secret, &wraps(&teams, user, secret, pin, kdf)?);
        if !bodies.is_empty() {
            self.write(&bodies)?;
        }
        Ok(bodies.len())
    }

    /// The signed-in person's secret half, opened with `pin` under the limits on wrong tries
    /// (a wrong one counts, as at unlock), and their Argon2id cost.
    fn open_mine(&self, pin: &str) -> Result<(UserSecret, KdfParams), StoreError> {
        let (dir, _) = self.disk.clone().ok_or(StoreError::NotSetUp)?;
        let keys = dir.key_file()?;
        let me = self.session.user;
        let found = keys
            .users
            .iter()
            .find(|e| e.user == me)
            .cloned()
            .ok_or(StoreError::NotFound)?;
        let kdf = found.kdf;
        let (opened, failures) = dir.try_pin(
            &keys,
            Some(crate::keys::Found::User(found)),
            pin,
            self.now(),
        )?;
        crate::audit::record_failed_unlocks(&self.conn, &failures)?;
        Ok((opened.secret.ok_or(StoreError::KeyFileDamaged)?, kdf))
    }

    /// For the person signed in, once this device has joined a hub (or before inviting
    /// another): their key shared with the team where it is not yet, so that they can sign in
    /// on its other devices. The PIN is checked like any, and only if something is missing.
    pub fn share_my_key(&mut self, pin: &str) -> Result<usize, StoreError> {
        let me = self.session.user;
        let public = self
            .disk
            .as_ref()
            .ok_or(StoreError::NotSetUp)?
            .0
            .key_file()?
            .users
            .iter()
            .find(|e| e.user == me)
            .map(|e| hex::encode(&e.public_key))
            .ok_or(StoreError::NotFound)?;
        if self.teams_missing(me, &public)?.is_empty() {
            return Ok(0);
        }
        let (secret, kdf) = self.open_mine(pin)?;
        self.share_key(me, &secret, pin, kdf)
    }

    /// Checks the PIN of the person signed in, like any (a wrong one counts), before something
    /// that needs it later cannot be undone (joining a hub), or that hands out the team's key
    /// (an invitation).
    pub fn check_my_pin(&self, pin: &str) -> Result<(), StoreError> {
        self.open_mine(pin).map(|_| ())
    }

    /// The newest wrap of each enabled member of a synced team whose key it holds. Read by
    /// key, member by member (the staff are few; the registers may be millions).
    fn held_wraps(&self, teams: &[TeamId]) -> Result<BTreeMap<UserId, Held>, StoreError> {
        let members: Vec<(String, String, String)> = self
            .conn
            .prepare_cached(
                "SELECT m.team, u.id, u.name FROM team_members m \
                 JOIN users u ON u.id = m.user AND u.disabled = 0",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        let mut newest: BTreeMap<UserId, Held> = BTreeMap::new();
        let me = self.device.id.to_string();
        for (team, user, name) in members {
            let (Ok(team), Ok(user)) = (team.parse::<TeamId>(), user.parse::<UserId>()) else {
                continue;
            };
            if !teams.contains(&team) {
                continue;
            }
            let register = |field: &str| -> Result<Option<(String, String, String)>, StoreError> {
                Ok(self
                    .conn
                    .prepare_cached(
                        "SELECT value, hlc, device FROM registers WHERE entity = ?1 AND field = ?2",
                    )?
                    .query_row(params![user.to_string(), field], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                    })
                    .optional()?)
            };
            let (Some((value, hlc, device)), Some((current, _, _))) = (
                register(&staff_key_register(team))?,
                register("public_key")?,
            ) else {
                continue;
            };
            let (Ok(shared), Ok(current)) = (
                serde_json::from_str::<Shared>(&value),
                serde_json::from_str::<String>(&current),
            ) else {
                continue;
            };
            // Only the key pair the records know now (a PIN reset makes another).
            if shared.public_key != current {
                continue;
            }
            let (Ok(public), Some(wrap)) =
                (hex::decode(&shared.public_key), Wrap::decode(&shared.wrap))
            else {
                continue;
            };
            // Of a person in several synced teams, the newest wrap.
            if newest.get(&user).is_some_and(|h| h.hlc >= hlc) {
                continue;
            }
            newest.insert(
                user,
                Held {
                    team,
                    name,
                    public,
                    wrap,
                    hlc,
                    ours: device == me,
                },
            );
        }
        Ok(newest)
    }

    /// Brings this device's key file into line with the staff the synced records hold: called
    /// after every sync that worked. Replaces the data key if someone lost their entry.
    pub fn refresh_staff(&mut self) -> Result<Signing, StoreError> {
        let Some((dir, key)) = self.disk.clone() else {
            return Ok(Signing::default());
        };
        let staff = self.staff_keys()?;
        if staff.is_empty() {
            return Ok(Signing::default());
        }
        let teams: Vec<TeamId> = staff.iter().map(|(t, _)| *t).collect();
        let held = self.held_wraps(&teams)?;
        let disabled: Vec<UserId> = self
            .conn
            .prepare_cached("SELECT id FROM users WHERE disabled = 1")?
            .query_map([], |r| r.get::<_, String>(0))?
            .filter_map(|r| r.ok().and_then(|id| id.parse().ok()))
            .collect();
        // Written back only if something changed: this runs after every sync.
        let signing = dir.update_keys_if(&key, |keys| {
            let ctx = keys.context().ok_or(StoreError::KeyFileDamaged)?;
            let store = ctx.store;
            let device = dir
                .secrets()
                .get(store)?
                .ok_or(StoreError::DeviceSecretMissing)?;
            let locks = keys.staff.len();
            for (team, staff_key) in &staff {
                if !keys.staff.iter().any(|l| l.team == *team) {
                    keys.staff
                        .push(StaffLock::seal(store, *team, staff_key, &device)?);
                }
            }
            let mut signing = Signing::default();
            for (user, h) in held {
                let tag = keys.name_tag(&h.name);
                let replace = match keys.users.iter().find(|e| e.user == user) {
                    None => !keys.has_tag(&tag),
                    Some(e) if e.public_key != h.public => true,
                    Some(e) => match &e.shared {
                        Some(from) => from.hlc < h.hlc,
                        // This device's own entry stays unless the newest PIN was chosen on
                        // another device.
                        None => !h.ours,
                    },
                };
                if !replace {
                    continue;
                }
                let entry = UserEntry::from_wrap(
                    ctx,
                    user,
                    tag,
                    h.public,
                    h.wrap,
                    SharedFrom {
                        team: h.team,
                        hlc: h.hlc,
                    },
                    &key,
                )?;
                keys.users.retain(|e| e.user != user);
                keys.entries.retain(|e| e.user != user);
                keys.users.push(entry);
                signing.added.push(user);
            }
            for user in &disabled {
                let before = keys.users.len() + keys.entries.len();
                keys.users.retain(|e| e.user != *user);
                keys.entries.retain(|e| e.user != *user);
                if keys.users.len() + keys.entries.len() != before {
                    signing.removed.push(*user);
                }
            }
            let changed = keys.staff.len() != locks
                || !signing.added.is_empty()
                || !signing.removed.is_empty();
            Ok((signing, changed))
        })?;
        for user in &signing.added {
            self.audit(AuditEvent::StaffKeyReceived, &user.to_string())?;
        }
        if !signing.removed.is_empty() {
            for user in &signing.removed {
                self.audit(AuditEvent::KeyEntryRefused, &user.to_string())?;
            }
            match self.rotate_data_key() {
                // The app has the store open too (this is a sync in the background): the
                // entries are gone, so they cannot sign in here, and the key is replaced as
                // soon as it can be (`rotate_if_due`).
                Err(StoreError::KeysNotReplaced) => {
                    self.conn
                        .prepare_cached(
                            "INSERT OR IGNORE INTO rotation_due (id, since) VALUES (1, ?1)",
                        )?
                        .execute([crate::store::stamp(self.now())])?;
                }
                other => {
                    other?;
                }
            }
        }
        Ok(signing)
    }

    /// Replaces the data key if a sync could not when someone was disabled elsewhere (see
    /// `refresh_staff`). Whether it did.
    pub fn rotate_if_due(&mut self) -> Result<bool, StoreError> {
        let due: bool = self
            .conn
            .prepare_cached("SELECT EXISTS(SELECT 1 FROM rotation_due)")?
            .query_row([], |r| r.get(0))?;
        if !due || self.disk.is_none() {
            return Ok(false);
        }
        self.rotate_data_key()?;
        self.conn.execute("DELETE FROM rotation_due", [])?;
        Ok(true)
    }
}

/// `secret` wrapped under `pin` for each of `teams`: one key derivation for all (each wrap's key
/// also takes its team's staff key). None, and no derivation, for no teams.
pub(crate) fn wraps(
    teams: &[(TeamId, StaffKey)],
    user: UserId,
    secret: &UserSecret,
    pin: &str,
    kdf: KdfParams,
) -> Result<Vec<(TeamId, Wrap)>, StoreError> {
    if teams.is_empty() {
        return Ok(Vec::new());
    }
    let stretch = PinStretch::new(pin, kdf)?;
    teams
        .iter()
        .map(|(team, staff)| Ok((*team, Wrap::new(*team, user, secret, &stretch, staff)?)))
        .collect()
}

/// The ops that carry `wraps` to the teams' other devices.
pub(crate) fn shared_key_ops(
    user: UserId,
    secret: &UserSecret,
    wraps: &[(TeamId, Wrap)],
) -> Vec<OpBody> {
    let public_key = hex::encode(secret.public());
    wraps
        .iter()
        .map(|(team, wrap)| OpBody::StaffKeyShared {
            user,
            team: *team,
            public_key: public_key.clone(),
            wrap: wrap.encode(),
        })
        .collect()
}

impl DataDir {
    /// Starts setting this computer up as another device of a team, with no one of its own:
    /// an empty store, open only to sync with (the caller joins the hub and syncs), until
    /// [`Store::finish_join`]. Nothing is kept if it never finishes: the next set-up removes it.
    pub fn begin_join(&self, clock: impl Clock + Send + 'static) -> Result<Store, StoreError> {
        if KeyFile::load(&self.key_path())?.is_some() {
            return Err(StoreError::AlreadySetUp);
        }
        crate::device::private_folder(self.path())?;
        self.begin_set_up()?;
        self.remove_unfinished_set_up()?;
        let store_id = Uuid::now_v7();
        self.secrets().get_or_make(store_id)?;
        let key = DataKey::random()?;
        let conn = open_keyed(&self.db_path(), &key, true)?;
        private_file(&self.db_path())?;
        // No one yet: the session is this device's while it joins; it writes no records.
        let session = Session {
            user: UserId::from_uuid(Uuid::now_v7()),
            role: Role::Admin,
        };
        let store = Store::init(conn, clock, session, Some((self.clone(), key)))?;
        crate::revocation::record_key_state(
            &store.conn,
            KeyContext {
                store: store_id,
                generation: 0,
            },
        )?;
        Ok(store)
    }
}

impl DataDir {
    /// Gives up a [`DataDir::begin_join`] that did not reach the hub or was refused (the store
    /// it made is closed first): the folder is as before.
    pub fn abandon_join(&self) -> Result<(), StoreError> {
        if self.key_path().exists() {
            return Err(StoreError::AlreadySetUp);
        }
        self.remove_unfinished_set_up()?;
        self.finish_set_up()
    }
}

impl Store {
    /// Ends a [`DataDir::begin_join`]: writes the key file, with an entry for each member of
    /// the team whose key the sync brought, and locks. Refused, and nothing kept, if no one can
    /// sign in here (no one of the team has signed in on a joined device since it joined).
    pub fn finish_join(mut self) -> Result<Vec<String>, StoreError> {
        let (dir, key) = self.disk.clone().ok_or(StoreError::NotSetUp)?;
        let ctx = crate::revocation::key_state(&self.conn)?.ok_or(StoreError::NotSetUp)?;
        let mut keys = KeyFile::new(ctx.store)?;
        keys.seal(&key)?;
        keys.save(&dir.key_path())?;
        let signing = match self.refresh_staff() {
            Ok(s) => s,
            Err(e) => {
                drop(self);
                let _ = std::fs::remove_file(dir.key_path());
                return Err(e);
            }
        };
        let mut names = Vec::new();
        for (id, name) in self.user_names()? {
            if signing.added.contains(&id) {
                names.push(name);
            }
        }
        drop(self);
        if names.is_empty() {
            std::fs::remove_file(dir.key_path())?;
            dir.remove_unfinished_set_up()?;
            dir.finish_set_up()?;
            return Err(StoreError::NoOneCanSignIn);
        }
        dir.finish_set_up()?;
        Ok(names)
    }
}
