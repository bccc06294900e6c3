//! The op log and its fold. Every write appends an op to this device's dense series and folds
//! it, in the same transaction, into last-writer-wins registers and from those into the tables
//! the app reads (`children`, `missing_episodes`). Folding is order-independent, so ops from
//! other devices can arrive in any order, twice, or late, and every device ends up the same; and
//! the read tables can always be rebuilt from the log.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use harbour_core::ops::{EntityKind, OpBody};
use harbour_core::{DeviceId, Hlc, HlcClock, OpId, TeamId, UserId};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use uuid::Uuid;

use crate::error::StoreError;

/// An op as stored and as sent between devices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Op {
    pub op_id: OpId,
    pub device: DeviceId,
    pub idx: i64,
    pub hlc: Hlc,
    /// Who made it: the user signed in on the device that wrote it. `None` only for an op
    /// written before authors were recorded whose author could not be recovered.
    pub author: Option<UserId>,
    /// The team whose record it is (a child's, their episodes', the home's settings, a team's
    /// own membership): the hub routes by it. `None` only in a store with no team yet.
    pub team: Option<TeamId>,
    pub kind: String,
    pub entity: String,
    /// JSON. Kept byte for byte even when this version cannot read it.
    pub payload: String,
}

/// The envelope's columns as stored (in `ops` and `held_ops`), in the order [`Op::envelope`]
/// gives them and [`OpRow`] reads them.
pub(crate) const ENVELOPE_COLUMNS: &str =
    "device, idx, op_id, hlc, author, kind, entity, payload, team";

/// How many columns [`ENVELOPE_COLUMNS`] names.
pub(crate) const ENVELOPE_LEN: usize = 9;

impl Op {
    /// The values of [`ENVELOPE_COLUMNS`].
    pub(crate) fn envelope(&self) -> [rusqlite::types::Value; ENVELOPE_LEN] {
        use rusqlite::types::Value::{Integer, Null, Text};
        [
            Text(self.device.to_string()),
            Integer(self.idx),
            Text(self.op_id.to_string()),
            Text(self.hlc.to_string()),
            self.author.map_or(Null, |a| Text(a.to_string())),
            Text(self.kind.clone()),
            Text(self.entity.clone()),
            Text(self.payload.clone()),
            self.team.map_or(Null, |t| Text(t.to_string())),
        ]
    }
}

/// This install's identity and position in its own series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Device {
    pub id: DeviceId,
    pub next_idx: i64,
    pub clock: HlcClock,
}

impl Device {
    pub fn load_or_create(conn: &Connection) -> Result<Device, StoreError> {
        let row = conn
            .prepare_cached("SELECT id, next_idx, last_hlc FROM device")?
            .query_row([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .optional()?;
        if let Some((id, next_idx, last)) = row {
            return Ok(Device {
                id: id.parse().map_err(|_| StoreError::Corrupt("device id"))?,
                next_idx,
                clock: HlcClock::resume(last.parse().map_err(|_| StoreError::Corrupt("hlc"))?),
            });
        }
        let device = Device {
            id: DeviceId::from_uuid(Uuid::now_v7()),
            next_idx: 0,
            clock: HlcClock::resume(Hlc::ZERO),
        };
        conn.prepare_cached("INSERT INTO device (id, next_idx, last_hlc) VALUES (?1, 0, ?2)")?
            .execute(params![device.id.to_string(), Hlc::ZERO.to_string()])?;
        Ok(device)
    }

    /// Gives this store a new device id and an empty series of its own (after a restore, so
    /// the copy never writes ops numbered like the original's). Returns the old id.
    pub fn renew(conn: &Connection) -> Result<DeviceId, StoreError> {
        let old = Device::load_or_create(conn)?.id;
        conn.prepare_cached("UPDATE device SET id = ?1, next_idx = 0")?
            .execute([Uuid::now_v7().to_string()])?;
        Ok(old)
    }

    pub fn save(&self, conn: &Connection) -> Result<(), StoreError> {
        conn.prepare_cached("UPDATE device SET next_idx = ?1, last_hlc = ?2")?
            .execute(params![self.next_idx, self.clock.last().to_string()])?;
        Ok(())
    }
}

/// Appends a local op and folds it. `device` is advanced only in the copy the caller commits
/// with the transaction, so a failed write leaves no gap in the series.
pub(crate) fn append(
    conn: &Connection,
    device: &mut Device,
    now_ms: i64,
    author: UserId,
    team: Option<TeamId>,
    body: &OpBody,
) -> Result<Op, StoreError> {
    let hlc = device.clock.tick(now_ms);
    let op = Op {
        op_id: OpId::from_uuid(Uuid::now_v7()),
        device: device.id,
        idx: device.next_idx,
        hlc,
        author: Some(author),
        team,
        kind: body.kind().to_owned(),
        entity: body.entity(),
        payload: body.encode(),
    };
    device.next_idx += 1;
    insert(conn, &op)?;
    device.save(conn)?;
    fold(conn, &op)?;
    Ok(op)
}

/// Stores an op unless it is already there (same op id). Returns whether it was new.
pub(crate) fn insert(conn: &Connection, op: &Op) -> Result<bool, StoreError> {
    let n = conn
        .prepare_cached(&format!(
            "INSERT OR IGNORE INTO ops ({ENVELOPE_COLUMNS}) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
        ))?
        .execute(rusqlite::params_from_iter(op.envelope()))?;
    Ok(n == 1)
}

/// Applies an op's field writes to the registers and refreshes the records they belong to.
/// Ops of unknown kinds change nothing (they stay in the log).
pub(crate) fn fold(conn: &Connection, op: &Op) -> Result<(), StoreError> {
    let Some(body) = OpBody::decode(&op.payload) else {
        return Ok(());
    };
    if let OpBody::EpisodeEventAdded { episode, record } = &body {
        // Insert-only: the same event arriving twice is stored once.
        conn.prepare_cached(
            "INSERT OR IGNORE INTO episode_events (id, episode, at, by_user, kind, record) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            record.id.to_string(),
            episode.to_string(),
            crate::store::stamp(record.at),
            record.by.to_string(),
            record.event.kind(),
            serde_json::to_string(record).map_err(|_| StoreError::Corrupt("event"))?
        ])?;
    }
    if let OpBody::AssessmentEventAdded {
        assessment,
        child,
        record,
    } = &body
    {
        conn.prepare_cached(
            "INSERT OR IGNORE INTO assessment_events \
               (id, assessment, child, at, by_user, kind, record) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            record.id.to_string(),
            assessment.to_string(),
            shown_with(conn, &child.to_string())?,
            crate::store::stamp(record.at),
            record.by.to_string(),
            record.event.kind(),
            serde_json::to_string(record).map_err(|_| StoreError::Corrupt("assessment"))?
        ])?;
    }
    if let OpBody::LogEntryAdded { child, record } = &body {
        // Insert-only: the same entry arriving twice is stored once.
        conn.prepare_cached(
            "INSERT OR IGNORE INTO log_entries \
               (id, child, happened_at, written_at, by_user, amends, record) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            record.id.to_string(),
            shown_with(conn, &child.to_string())?,
            crate::store::stamp(record.happened_at),
            crate::store::stamp(record.written_at),
            record.by.to_string(),
            record.amends.map(|(id, _)| id.to_string()),
            serde_json::to_string(record).map_err(|_| StoreError::Corrupt("log entry"))?
        ])?;
    }
    if let OpBody::ProfileSaved {
        child,
        values,
        seen,
        ..
    } = &body
    {
        crate::twice::look(conn, op, *child, values, seen)?;
    }
    if let OpBody::ChildTransferredIn { ops, .. } = &body {
        // A record brought from another home: its ops, as they were, in this op's team.
        for t in ops {
            let inner = Op {
                op_id: t.op_id,
                device: t.device,
                idx: t.idx,
                hlc: t.hlc.parse().map_err(|_| StoreError::Corrupt("hlc"))?,
                author: t.author,
                team: op.team,
                kind: t.kind.clone(),
                entity: t.entity.clone(),
                payload: t.payload.clone(),
            };
            if insert(conn, &inner)? {
                fold(conn, &inner)?;
            }
        }
    }
    let mut touched = BTreeSet::new();
    for w in writes_in_team(op, &body) {
        conn.prepare_cached(
            "INSERT INTO registers (entity, field, value, hlc, device, op_id) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
             ON CONFLICT (entity, field) DO UPDATE SET value = excluded.value, \
               hlc = excluded.hlc, device = excluded.device, op_id = excluded.op_id \
             WHERE (excluded.hlc, excluded.device, excluded.op_id) \
               > (registers.hlc, registers.device, registers.op_id)",
        )?
        .execute(params![
            w.entity,
            w.field,
            w.value.to_string(),
            op.hlc.to_string(),
            op.device.to_string(),
            op.op_id.to_string()
        ])?;
        touched.insert((kind_order(w.kind), w.entity));
    }
    for (kind, entity) in touched {
        match kind {
            0 => project_child(conn, &entity)?,
            1 => project_episode(conn, &entity)?,
            2 => project_user(conn, &entity)?,
            3 => project_team(conn, &entity)?,
            // Read straight from their register.
            _ => {}
        }
    }
    Ok(())
}

fn kind_order(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Child => 0,
        EntityKind::Episode => 1,
        EntityKind::User => 2,
        EntityKind::Team => 3,
        EntityKind::Settings => 4,
    }
}

/// The op's field writes placed in its team: a child added joins the team the op names, and
/// the home's settings are that team's registers (those of ops with no team, written before
/// there were teams or in a store with none, stay in the `organisation` entity).
fn writes_in_team(op: &Op, body: &OpBody) -> Vec<harbour_core::ops::FieldWrite> {
    let mut writes = body.writes();
    let Some(team) = op.team else {
        return writes;
    };
    for w in &mut writes {
        if w.kind == EntityKind::Settings {
            w.entity = team.to_string();
        }
    }
    match body {
        OpBody::ChildAdded { child, .. } => writes.push(harbour_core::ops::FieldWrite {
            kind: EntityKind::Child,
            entity: child.to_string(),
            field: "team".to_owned(),
            value: Value::String(team.to_string()),
        }),
        // The child's record is kept up in this team from now on (moved here on the same hub,
        // or brought in with a transfer package).
        OpBody::ChildTransferredIn { child, .. } => {
            for (field, value) in [
                ("team", Value::String(team.to_string())),
                ("moved_to", Value::Null),
            ] {
                writes.push(harbour_core::ops::FieldWrite {
                    kind: EntityKind::Child,
                    entity: child.to_string(),
                    field: field.to_owned(),
                    value,
                });
            }
        }
        _ => {}
    }
    writes
}

fn registers(conn: &Connection, entity: &str) -> Result<BTreeMap<String, Value>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT field, value FROM registers WHERE entity = ?1")?;
    let rows = stmt.query_map([entity], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut out = BTreeMap::new();
    for row in rows {
        let (field, value) = row?;
        let value = serde_json::from_str(&value).map_err(|_| StoreError::Corrupt("register"))?;
        out.insert(field, value);
    }
    Ok(out)
}

/// A register's value as the text the read tables hold (JSON strings unquoted).
fn text(fields: &BTreeMap<String, Value>, name: &str) -> Option<String> {
    match fields.get(name)? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// A timestamp register in the read tables' one text form (RFC 3339, milliseconds, `Z`), so
/// times sort as text whichever device wrote them.
fn time_text(fields: &BTreeMap<String, Value>, name: &str) -> Result<Option<String>, StoreError> {
    text(fields, name)
        .map(|t| {
            chrono::DateTime::parse_from_rfc3339(&t)
                .map(|t| {
                    t.with_timezone(&chrono::Utc)
                        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
                })
                .map_err(|_| StoreError::Corrupt("timestamp register"))
        })
        .transpose()
}

/// Writes the child's row from its registers, once the child itself has arrived (a photo can
/// come first from another device; it waits in its register).
fn project_child(conn: &Connection, entity: &str) -> Result<(), StoreError> {
    let f = registers(conn, entity)?;
    let (Some(created_at), Some(name), Some(dob)) = (
        time_text(&f, "created_at")?,
        text(&f, "name_latin"),
        text(&f, "date_of_birth"),
    ) else {
        return Ok(());
    };
    let flag = |name: &str| f.get(name).and_then(Value::as_bool).unwrap_or(false);
    let photo = match text(&f, "photo_jpeg") {
        Some(b64) => Some(
            BASE64
                .decode(b64.as_bytes())
                .map_err(|_| StoreError::Corrupt("photo"))?,
        ),
        None => None,
    };
    let languages = f.get("languages").cloned().unwrap_or(Value::Array(vec![]));
    let left = |name: &str| f.get(name).filter(|v| !v.is_null()).map(Value::to_string);
    let merged_into = left("merged_into");
    conn.prepare_cached(
        "INSERT INTO children (id, name_latin, name_own_script, date_of_birth, languages, \
           unaccompanied, suspected_trafficked, photo_jpeg, created_at, team, moved_to, \
           merged_into) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) \
         ON CONFLICT (id) DO UPDATE SET name_latin = excluded.name_latin, \
           name_own_script = excluded.name_own_script, date_of_birth = excluded.date_of_birth, \
           languages = excluded.languages, unaccompanied = excluded.unaccompanied, \
           suspected_trafficked = excluded.suspected_trafficked, \
           photo_jpeg = excluded.photo_jpeg, created_at = excluded.created_at, \
           team = excluded.team, moved_to = excluded.moved_to, \
           merged_into = excluded.merged_into",
    )?
    .execute(params![
        entity,
        name,
        text(&f, "name_own_script"),
        dob,
        languages.to_string(),
        flag("unaccompanied"),
        flag("suspected_trafficked"),
        photo,
        created_at,
        text(&f, "team"),
        left("moved_to"),
        merged_into
    ])?;
    if let Some(kept) = f
        .get("merged_into")
        .and_then(|m| m.get("child"))
        .and_then(Value::as_str)
    {
        // A second record of the child: its episodes and checklists are shown with the kept
        // one's. (Where both have a missing episode open, the merged one's stays its own.)
        conn.prepare_cached(
            "UPDATE OR IGNORE missing_episodes SET child_id = ?1 WHERE child_id = ?2",
        )?
        .execute(params![kept, entity])?;
        conn.prepare_cached("UPDATE assessment_events SET child = ?1 WHERE child = ?2")?
            .execute(params![kept, entity])?;
        conn.prepare_cached("UPDATE log_entries SET child = ?1 WHERE child = ?2")?
            .execute(params![kept, entity])?;
    }
    Ok(())
}

/// The child a record about `child` is shown with: the record it was merged into, if it was.
fn shown_with(conn: &Connection, child: &str) -> Result<String, StoreError> {
    let kept: Option<Option<String>> = conn
        .prepare_cached("SELECT json_extract(merged_into, '$.child') FROM children WHERE id = ?1")?
        .query_row([child], |r| r.get(0))
        .optional()?;
    Ok(kept.flatten().unwrap_or_else(|| child.to_owned()))
}

fn project_episode(conn: &Connection, entity: &str) -> Result<(), StoreError> {
    let f = registers(conn, entity)?;
    let (Some(child), Some(started), Some(last_seen)) = (
        text(&f, "child_id"),
        time_text(&f, "started_at")?,
        time_text(&f, "last_seen_at")?,
    ) else {
        return Ok(());
    };
    let closed_at = time_text(&f, "closed_at")?;
    let mut shown = shown_with(conn, &child)?;
    if shown != child && closed_at.is_none() {
        // Merged while both records had a missing episode open: each keeps its own.
        let other_open: bool = conn
            .prepare_cached(
                "SELECT EXISTS(SELECT 1 FROM missing_episodes \
                 WHERE child_id = ?1 AND closed_at IS NULL AND id != ?2)",
            )?
            .query_row(params![shown, entity], |r| r.get(0))?;
        if other_open {
            shown = child;
        }
    }
    conn.prepare_cached(
        "INSERT INTO missing_episodes (id, child_id, started_at, last_seen_at, closed_at) \
         VALUES (?1, ?2, ?3, ?4, ?5) \
         ON CONFLICT (id) DO UPDATE SET child_id = excluded.child_id, \
           started_at = excluded.started_at, last_seen_at = excluded.last_seen_at, \
           closed_at = excluded.closed_at",
    )?
    .execute(params![entity, shown, started, last_seen, closed_at])?;
    Ok(())
}

fn project_user(conn: &Connection, entity: &str) -> Result<(), StoreError> {
    let f = registers(conn, entity)?;
    let (Some(created_at), Some(name), Some(role)) = (
        time_text(&f, "created_at")?,
        text(&f, "name"),
        text(&f, "role"),
    ) else {
        return Ok(());
    };
    let disabled = f.get("disabled").and_then(Value::as_bool).unwrap_or(false);
    conn.prepare_cached(
        "INSERT INTO users (id, name, role, disabled, created_at) VALUES (?1, ?2, ?3, ?4, ?5) \
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, \
           disabled = excluded.disabled, created_at = excluded.created_at",
    )?
    .execute(params![entity, name, role, disabled, created_at])?;
    Ok(())
}

/// Writes the team's row and who is in it from its registers.
fn project_team(conn: &Connection, entity: &str) -> Result<(), StoreError> {
    let f = registers(conn, entity)?;
    conn.prepare_cached("DELETE FROM team_members WHERE team = ?1")?
        .execute([entity])?;
    for (field, value) in &f {
        if let Some(user) = field.strip_prefix(harbour_core::ops::MEMBER_PREFIX) {
            if value.as_bool() == Some(true) {
                conn.prepare_cached("INSERT INTO team_members (team, user) VALUES (?1, ?2)")?
                    .execute(params![entity, user])?;
            }
        }
    }
    let (Some(created_at), Some(name)) = (time_text(&f, "created_at")?, text(&f, "name")) else {
        return Ok(());
    };
    conn.prepare_cached(
        "INSERT INTO teams (id, name, created_at) VALUES (?1, ?2, ?3) \
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, created_at = excluded.created_at",
    )?
    .execute(params![entity, name, created_at])?;
    Ok(())
}

/// Throws the folded state away and folds the whole log again.
pub(crate) fn rebuild(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch(
        "DELETE FROM registers; DELETE FROM missing_episodes; DELETE FROM children; \
         DELETE FROM users; DELETE FROM episode_events; DELETE FROM assessment_events; DELETE FROM log_entries; \
         DELETE FROM teams; DELETE FROM team_members; DELETE FROM changed_twice;",
    )?;
    for op in all_ops(conn)? {
        fold(conn, &op)?;
    }
    Ok(())
}

/// Every op in the log, in (hlc, device, idx) order.
pub(crate) fn all_ops(conn: &Connection) -> Result<Vec<Op>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ENVELOPE_COLUMNS} FROM ops ORDER BY hlc, device, idx"
    ))?;
    let rows = stmt.query_map([], OpRow::read)?;
    rows.map(|r| r?.decode()).collect()
}

/// An op's stored text; decoded outside rusqlite so damage is a typed error.
pub(crate) struct OpRow {
    op_id: String,
    device: String,
    idx: i64,
    hlc: String,
    author: Option<String>,
    kind: String,
    entity: String,
    payload: String,
    team: Option<String>,
}

impl OpRow {
    pub(crate) fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        Self::read_from(r, 0)
    }

    /// Reads the columns starting at column `at`.
    pub(crate) fn read_from(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Self> {
        Ok(Self {
            device: r.get(at)?,
            idx: r.get(at + 1)?,
            op_id: r.get(at + 2)?,
            hlc: r.get(at + 3)?,
            author: r.get(at + 4)?,
            kind: r.get(at + 5)?,
            entity: r.get(at + 6)?,
            payload: r.get(at + 7)?,
            team: r.get(at + 8)?,
        })
    }

    pub(crate) fn decode(self) -> Result<Op, StoreError> {
        Ok(Op {
            op_id: self
                .op_id
                .parse()
                .map_err(|_| StoreError::Corrupt("op id"))?,
            device: self
                .device
                .parse()
                .map_err(|_| StoreError::Corrupt("device"))?,
            idx: self.idx,
            hlc: self.hlc.parse().map_err(|_| StoreError::Corrupt("hlc"))?,
            author: self
                .author
                .map(|a| a.parse().map_err(|_| StoreError::Corrupt("author")))
                .transpose()?,
            team: self
                .team
                .map(|t| t.parse().map_err(|_| StoreError::Corrupt("team")))
                .transpose()?,
            kind: self.kind,
            entity: self.entity,
            payload: self.payload,
        })
    }
}

#[cfg(test)]
mod tests;
