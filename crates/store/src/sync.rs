//! What sync keeps in the store: the hubs it is linked to (one per team) and every slot of every
//! series sent or received. The sealing, the wire and the hub are `harbour-sync`'s; here, the
//! slots and the ops they carry are written together, so the checkpoint of a download and the
//! fold of what it brought commit (or not) as one.

use chrono::{DateTime, Utc};
use harbour_core::{Action, DeviceId, OpId, TeamId};
use rusqlite::{params, OptionalExtension};
use zeroize::Zeroizing;

use crate::error::StoreError;
use crate::oplog::{Op, OpRow, ENVELOPE_COLUMNS};
use crate::remote::{take_in_all, Applied};
use crate::Store;

/// The rolling hash of a series before its first slot.
pub const CHAIN_START: [u8; 32] = [0; 32];

/// A store's link to a hub for one team.
#[derive(Clone)]
pub struct SyncLink {
    pub team: TeamId,
    /// `https://host:port`.
    pub hub: String,
    /// The SHA-256 fingerprint of the hub's certificate, hex, when it is pinned.
    pub fingerprint: Option<String>,
    pub device_token: String,
    pub team_key: Zeroizing<[u8; 32]>,
    pub key_id: String,
    /// The hub's epoch as of the last sync: a different one means the hub was wiped or restored.
    pub epoch: Option<String>,
    pub joined_at: DateTime<Utc>,
    pub last_synced_at: Option<DateTime<Utc>>,
    /// The code of the error the last try ended with; `None` if it worked.
    pub last_error: Option<String>,
}

impl std::fmt::Debug for SyncLink {
    /// Never prints the team key or the device token.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncLink")
            .field("team", &self.team)
            .field("hub", &self.hub)
            .field("key_id", &self.key_id)
            .field("epoch", &self.epoch)
            .field("last_synced_at", &self.last_synced_at)
            .field("last_error", &self.last_error)
            .finish_non_exhaustive()
    }
}

/// One slot of a series: where it is, the sealed bytes the hub holds, and the rolling hash up
/// to and including it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    pub seq: i64,
    pub sealed: Vec<u8>,
    pub chain: [u8; 32],
}

/// The last slot this store holds of one series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Head {
    pub device: DeviceId,
    pub seq: i64,
    pub chain: [u8; 32],
}

fn chain_of(bytes: Vec<u8>) -> Result<[u8; 32], StoreError> {
    bytes.try_into().map_err(|_| StoreError::Corrupt("chain"))
}

impl Store {
    /// The hubs this store is linked to, by team.
    pub fn sync_links(&self) -> Result<Vec<SyncLink>, StoreError> {
        self.require(Action::RecordMissing)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT team, hub, fingerprint, device_token, team_key, key_id, epoch, joined_at, \
             last_synced_at, last_error FROM sync_links ORDER BY joined_at, team",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                Zeroizing::new(r.get::<_, Vec<u8>>(4)?),
                r.get::<_, String>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, Option<String>>(8)?,
                r.get::<_, Option<String>>(9)?,
            ))
        })?;
        let mut links = Vec::new();
        for row in rows {
            let (team, hub, fingerprint, device_token, key, key_id, epoch, joined, synced, error) =
                row?;
            let mut team_key = Zeroizing::new([0u8; 32]);
            if key.len() != 32 {
                return Err(StoreError::Corrupt("team key"));
            }
            team_key.copy_from_slice(&key);
            links.push(SyncLink {
                team: team.parse().map_err(|_| StoreError::Corrupt("team"))?,
                hub,
                fingerprint,
                device_token,
                team_key,
                key_id,
                epoch,
                joined_at: crate::store::parse_ts(&joined)?,
                last_synced_at: synced.as_deref().map(crate::store::parse_ts).transpose()?,
                last_error: error,
            });
        }
        Ok(links)
    }

    /// Stops syncing `team` with its hub: the link goes, the records stay (and can go to another
    /// hub, whole, when this computer joins one). Refused for a team the hub removed this
    /// computer from: its copy stays locked. Administrators only; audited.
    pub fn leave_hub(&mut self, team: TeamId) -> Result<(), StoreError> {
        self.require(Action::ManageUsers)?;
        let error: Option<Option<String>> = self
            .conn
            .prepare_cached("SELECT last_error FROM sync_links WHERE team = ?1")?
            .query_row([team.to_string()], |r| r.get(0))
            .optional()?;
        match error {
            None => return Err(StoreError::NotFound),
            Some(Some(code)) if code == "revoked" => return Err(StoreError::NotAllowed),
            Some(_) => {}
        }
        self.conn
            .prepare_cached("DELETE FROM sync_links WHERE team = ?1")?
            .execute([team.to_string()])?;
        self.audit(crate::audit::AuditEvent::SyncLeft, &team.to_string())
    }

    /// Links the store to a hub for `link.team` (an administrator joins), or replaces the link.
    pub fn save_sync_link(&mut self, link: &SyncLink) -> Result<(), StoreError> {
        self.require(Action::ManageUsers)?;
        let new: bool = self
            .conn
            .prepare_cached("SELECT NOT EXISTS(SELECT 1 FROM sync_links WHERE team = ?1)")?
            .query_row([link.team.to_string()], |r| r.get(0))?;
        if new {
            self.audit(crate::audit::AuditEvent::SyncJoined, &link.team.to_string())?;
        }
        self.conn.prepare_cached("INSERT OR REPLACE INTO sync_links (team, hub, fingerprint, device_token, team_key, \
             key_id, epoch, joined_at, last_synced_at, last_error) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")?.execute(params![
                link.team.to_string(),
                link.hub,
                link.fingerprint,
                link.device_token,
                &link.team_key[..],
                link.key_id,
                link.epoch,
                crate::store::stamp(link.joined_at),
                link.last_synced_at.map(crate::store::stamp),
                link.last_error,
            ])?;
        Ok(())
    }

    /// Records how a sync of `team` ended: the hub's epoch and the time if it worked, or the
    /// error's code.
    pub fn note_sync(
        &mut self,
        team: TeamId,
        epoch: Option<&str>,
        outcome: Result<(), &str>,
    ) -> Result<(), StoreError> {
        self.require(Action::RecordMissing)?;
        match outcome {
            Ok(()) => self
                .conn
                .prepare_cached(
                    "UPDATE sync_links SET epoch = COALESCE(?2, epoch), last_synced_at = ?3, \
                       last_error = NULL, own_sent = (SELECT COALESCE(MAX(seq), -1) \
                         FROM sync_slots WHERE team = ?1 AND device = ?4) \
                     WHERE team = ?1",
                )?
                .execute(params![
                    team.to_string(),
                    epoch,
                    crate::store::stamp(self.now()),
                    self.device.id.to_string()
                ])?,
            Err(code) => self
                .conn
                .prepare_cached("UPDATE sync_links SET last_error = ?2 WHERE team = ?1")?
                .execute(params![team.to_string(), code])?,
        };
        if outcome.is_ok() {
            // Who can sign in here follows what the sync brought (not while joining: the key
            // file is written when the join ends).
            if self
                .disk
                .as_ref()
                .is_some_and(|(d, _)| d.key_path().exists())
            {
                self.refresh_staff()?;
            }
        }
        Ok(())
    }

    /// The last slot held of every series of `team`.
    pub fn sync_heads(&self, team: TeamId) -> Result<Vec<Head>, StoreError> {
        self.require(Action::RecordMissing)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT h.device, h.seq, \
               (SELECT s.chain FROM sync_slots s \
                WHERE s.team = ?1 AND s.device = h.device AND s.seq = h.seq) \
             FROM (SELECT device, MAX(seq) AS seq FROM sync_slots INDEXED BY sync_slots_by_series \
                   WHERE team = ?1 GROUP BY device) h \
             ORDER BY h.device",
        )?;
        let rows = stmt.query_map([team.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Vec<u8>>(2)?,
            ))
        })?;
        let mut heads = Vec::new();
        for row in rows {
            let (device, seq, chain) = row?;
            heads.push(Head {
                device: device.parse().map_err(|_| StoreError::Corrupt("device"))?,
                seq,
                chain: chain_of(chain)?,
            });
        }
        Ok(heads)
    }

    /// The rolling hash of `device`'s series of `team` up to and including `seq`
    /// ([`CHAIN_START`] for seq −1), if this store holds that slot.
    pub fn sync_chain_at(
        &self,
        team: TeamId,
        device: DeviceId,
        seq: i64,
    ) -> Result<Option<[u8; 32]>, StoreError> {
        if seq < 0 {
            return Ok(Some(CHAIN_START));
        }
        let chain: Option<Vec<u8>> = self
            .conn
            .prepare_cached(
                "SELECT chain FROM sync_slots WHERE team = ?1 AND device = ?2 AND seq = ?3",
            )?
            .query_row(params![team.to_string(), device.to_string(), seq], |r| {
                r.get(0)
            })
            .optional()?;
        chain.map(chain_of).transpose()
    }

    /// How many of this device's ops for `team` have not reached its hub, as of the last sync
    /// that worked: those with no slot yet, and those with one beyond what the hub then held.
    pub fn sync_waiting(&self, team: TeamId) -> Result<usize, StoreError> {
        let beyond: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM sync_slots s JOIN sync_links l ON l.team = s.team \
                 WHERE s.team = ?1 AND s.device = ?2 AND s.seq > l.own_sent",
            )?
            .query_row(params![team.to_string(), self.device.id.to_string()], |r| {
                r.get(0)
            })?;
        Ok(self.unslotted_ops(team)?.len() + beyond as usize)
    }

    /// This device's ops that belong in `team`'s series and have no slot yet, in the order they
    /// were written. Ops written before the store had any team go to the first team synced.
    pub fn unslotted_ops(&self, team: TeamId) -> Result<Vec<Op>, StoreError> {
        self.require(Action::RecordMissing)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ENVELOPE_COLUMNS} FROM ops o \
             WHERE o.device = ?1 AND (o.team = ?2 OR o.team IS NULL) \
               AND NOT EXISTS (SELECT 1 FROM sync_slots s WHERE s.op_id = o.op_id) \
             ORDER BY o.idx"
        ))?;
        let rows = stmt.query_map(
            params![self.device.id.to_string(), team.to_string()],
            OpRow::read,
        )?;
        rows.map(|r| r?.decode()).collect()
    }

    /// Gives this device's ops their slots in `team`'s series (sealed by the caller), in one
    /// transaction. The slots must follow on from the last one held, one by one.
    pub fn add_own_slots(
        &mut self,
        team: TeamId,
        slots: &[(OpId, Slot)],
    ) -> Result<(), StoreError> {
        self.require(Action::RecordMissing)?;
        let me = self.device.id;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let first = next_seq(&tx, team, me)?;
        for (next, (op_id, slot)) in (first..).zip(slots) {
            if slot.seq != next {
                return Err(StoreError::SyncOutOfOrder);
            }
            insert_slot(&tx, team, me, *op_id, slot)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Up to `max_ops` sealed slots of `device`'s series of `team` after `after`, and past the
    /// first no more than `max_bytes` of them, to give to the hub.
    pub fn slots_after(
        &self,
        team: TeamId,
        device: DeviceId,
        after: i64,
        max_ops: usize,
        max_bytes: usize,
    ) -> Result<Vec<(OpId, Slot)>, StoreError> {
        self.require(Action::RecordMissing)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq, sealed, chain, op_id FROM sync_slots \
             WHERE team = ?1 AND device = ?2 AND seq > ?3 ORDER BY seq",
        )?;
        let mut rows = stmt.query(params![team.to_string(), device.to_string(), after])?;
        let mut out = Vec::new();
        let mut bytes = 0;
        while let Some(r) = rows.next()? {
            let sealed: Vec<u8> = r.get(1)?;
            if !out.is_empty() && (out.len() >= max_ops || bytes + sealed.len() > max_bytes) {
                break;
            }
            bytes += sealed.len();
            let op_id: String = r.get(3)?;
            out.push((
                op_id.parse().map_err(|_| StoreError::Corrupt("op id"))?,
                Slot {
                    seq: r.get(0)?,
                    sealed,
                    chain: chain_of(r.get(2)?)?,
                },
            ));
        }
        Ok(out)
    }

    /// Takes in a page of another device's series from the hub: the slots (which must follow on
    /// from the last one held) and the ops they carry, checked and folded like any op from
    /// another device, all in one transaction. A page of this device's own series is refused:
    /// only this device writes it.
    pub fn apply_synced(
        &mut self,
        team: TeamId,
        device: DeviceId,
        page: &[(Op, Slot)],
    ) -> Result<Applied, StoreError> {
        self.apply_synced_pages(team, &[(device, page)])
    }

    /// [`Store::apply_synced`] for several pages (of one series or several) in one
    /// transaction: all taken in with their checkpoints, or none.
    pub fn apply_synced_pages(
        &mut self,
        team: TeamId,
        pages: &[(DeviceId, &[(Op, Slot)])],
    ) -> Result<Applied, StoreError> {
        self.require(Action::RecordMissing)?;
        if pages.iter().any(|(device, _)| *device == self.device.id) {
            return Err(StoreError::SyncOutOfOrder);
        }
        let now = self.now();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Read again under the write lock: the app's own connection may have written since.
        let mut me = crate::oplog::Device::load_or_create(&tx)?;
        let mut ops = Vec::with_capacity(pages.iter().map(|(_, p)| p.len()).sum());
        for (device, page) in pages {
            let first = next_seq(&tx, team, *device)?;
            for (next, (op, slot)) in (first..).zip(page.iter()) {
                if slot.seq != next || op.device != *device {
                    return Err(StoreError::SyncOutOfOrder);
                }
                insert_slot(&tx, team, *device, op.op_id, slot)?;
                ops.push(Op {
                    team: Some(team),
                    ..op.clone()
                });
            }
        }
        let applied = take_in_all(&tx, &mut me, now, &ops)?;
        me.save(&tx)?;
        tx.commit()?;
        self.device = me;
        Ok(applied)
    }
}

fn next_seq(
    conn: &rusqlite::Connection,
    team: TeamId,
    device: DeviceId,
) -> Result<i64, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT COALESCE(MAX(seq) + 1, 0) FROM sync_slots WHERE team = ?1 AND device = ?2",
        )?
        .query_row(params![team.to_string(), device.to_string()], |r| r.get(0))?)
}

fn insert_slot(
    conn: &rusqlite::Connection,
    team: TeamId,
    device: DeviceId,
    op_id: OpId,
    slot: &Slot,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO sync_slots (team, device, seq, op_id, sealed, chain) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        team.to_string(),
        device.to_string(),
        slot.seq,
        op_id.to_string(),
        slot.sealed,
        &slot.chain[..]
    ])?;
    Ok(())
}
