//! Ops from other devices. Each is looked at on its own, so one bad op never holds back the
//! rest of its batch:
//! - the same op again is ignored; another op in its place (same device and idx, or same id)
//!   is a fork, held;
//! - an op stamped more than a day ahead of this device's clock is held;
//! - an op of a kind this version knows must decode and match its label, or it is held as
//!   damaged; a kind it does not know (a newer Harbour's) is kept and passed on, not folded;
//! - the author's role as of the op must allow it ([`OpBody::requires`]). An op that fails is
//!   held, except a safety record, which is folded and shown, marked "needs checking".
//!
//! Held ops stay in `held_ops`, out of the log and the fold, and are looked at again each time
//! more ops arrive (the author's own record may come later). Nothing is dropped.

use chrono::{DateTime, Utc};
use harbour_core::arrivals::{Arrived, Problem};
use harbour_core::ops::{OpBody, KINDS};
use harbour_core::{Action, Role, UserId};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::StoreError;
use crate::oplog::{self, Device, Op, OpRow, ENVELOPE_COLUMNS, ENVELOPE_LEN};
use crate::store::stamp;
use crate::Store;

mod authority;
use authority::Authority;

/// What one delivery did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// New ops taken into the log (folded, or kept unread if of an unknown kind), including
    /// held ops that could now be taken in.
    pub taken: usize,
    /// Ops of this delivery still held out of the records when it was done (one held until
    /// another op of the same delivery arrived is taken, not held).
    pub held: usize,
    /// Safety records taken in and shown, but marked "needs checking".
    pub unchecked: usize,
}

/// What is decided about one op.
enum Verdict {
    Duplicate,
    Hold(Problem),
    /// Into the log; with a problem, a safety record shown as "needs checking".
    Take(Option<Problem>),
}

impl Store {
    /// Takes in ops made on other devices, in any order and any number of times, each on its
    /// own (see the module). Returns what happened to them.
    pub fn apply_remote(&mut self, ops: &[Op]) -> Result<Applied, StoreError> {
        self.require(Action::RecordMissing)?;
        let now = self.now();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Read again under the write lock: another connection (a sync in the background) may
        // have moved the series or the clock on.
        let mut device = crate::oplog::Device::load_or_create(&tx)?;
        let applied = take_in_all(&tx, &mut device, now, ops)?;
        device.save(&tx)?;
        tx.commit()?;
        self.device = device;
        Ok(applied)
    }

    /// Every record from another device that is held, shown unchecked, or waiting for an
    /// update, newest first: the administrator's list.
    pub fn arrivals(&self) -> Result<Vec<Arrived>, StoreError> {
        self.require(Action::ManageUsers)?;
        let names: std::collections::BTreeMap<_, _> = self.user_names()?.into_iter().collect();
        let mut out = Vec::new();
        let held: Vec<(OpRow, String)> = self
            .conn
            .prepare(&format!("SELECT {ENVELOPE_COLUMNS}, reason FROM held_ops"))?
            .query_map([], |r| Ok((OpRow::read(r)?, r.get(ENVELOPE_LEN)?)))?
            .collect::<Result<_, _>>()?;
        for (row, reason) in held {
            let problem = Problem::parse(&reason).ok_or(StoreError::Corrupt("held reason"))?;
            out.push((row.decode()?, problem, false));
        }
        let unchecked: Vec<(OpRow, String)> = self
            .conn
            .prepare(&format!(
                "SELECT {}, u.reason FROM unchecked_ops u JOIN ops o ON o.op_id = u.op_id",
                prefixed("o.")
            ))?
            .query_map([], |r| Ok((OpRow::read(r)?, r.get(ENVELOPE_LEN)?)))?
            .collect::<Result<_, _>>()?;
        for (row, reason) in unchecked {
            let problem = Problem::parse(&reason).ok_or(StoreError::Corrupt("unchecked"))?;
            out.push((row.decode()?, problem, true));
        }
        for op in unknown_ops(&self.conn)? {
            out.push((op, Problem::NeedsUpdate, false));
        }
        let mut list = Vec::with_capacity(out.len());
        for (op, problem, shown) in out {
            let body = OpBody::decode(&op.payload);
            let child = match &body {
                Some(b) => b.child().or(episode_child(&self.conn, &op.entity)?),
                None => None,
            };
            let child_name = match child {
                Some(c) => self
                    .conn
                    .query_row(
                        // Named only to an administrator in the child's team.
                        &format!(
                            "SELECT name_latin FROM children WHERE id = ?1 AND {}",
                            self.seen("team")
                        ),
                        [c.to_string()],
                        |r| r.get(0),
                    )
                    .optional()?,
                None => None,
            };
            list.push(Arrived {
                kind: op.kind.clone(),
                problem,
                shown,
                device: op.device,
                idx: op.idx,
                written_at: DateTime::from_timestamp_millis(op.hlc.wall_ms)
                    .unwrap_or(DateTime::<Utc>::MIN_UTC),
                author: op.author,
                author_name: op.author.and_then(|a| names.get(&a).cloned()),
                child,
                child_name,
            });
        }
        list.sort_by_key(|a| std::cmp::Reverse(a.written_at));
        Ok(list)
    }

    /// What this user may see of [`Store::arrivals`]: the count of records needing an update,
    /// and for an administrator every record.
    pub fn arrivals_for_session(&self) -> Result<harbour_core::arrivals::Arrivals, StoreError> {
        self.require(Action::ViewChildren)?;
        Ok(harbour_core::arrivals::Arrivals {
            needs_update: self.unknown_op_count()?,
            records: if self.session.role.may(Action::ManageUsers) {
                self.arrivals()?
            } else {
                Vec::new()
            },
        })
    }

    /// How many ops in the log this version cannot read (made by a newer Harbour). They are
    /// kept and passed on; the app shows that an update is needed.
    pub fn unknown_op_count(&self) -> Result<usize, StoreError> {
        Ok(unknown_ops(&self.conn)?.len())
    }

    /// Whether a safety record about this entity (a child or an episode) came from another
    /// device and could not be checked: the screen says "needs checking".
    pub fn needs_checking(&self, entity: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT EXISTS(SELECT 1 FROM unchecked_ops WHERE entity = ?1 OR child = ?1)",
            )?
            .query_row([entity], |r| r.get(0))?)
    }
}

fn prefixed(p: &str) -> String {
    ENVELOPE_COLUMNS
        .split(", ")
        .map(|c| format!("{p}{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn unknown_ops(conn: &Connection) -> Result<Vec<Op>, StoreError> {
    let known = KINDS
        .iter()
        .map(|k| format!("'{k}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = conn.prepare(&format!(
        "SELECT {ENVELOPE_COLUMNS} FROM ops WHERE kind NOT IN ({known}) ORDER BY hlc, device, idx"
    ))?;
    let rows = stmt.query_map([], OpRow::read)?;
    rows.map(|r| r?.decode()).collect()
}

/// The child an episode belongs to, if `entity` is an episode this device holds.
pub(crate) fn episode_child(
    conn: &Connection,
    entity: &str,
) -> Result<Option<harbour_core::ChildId>, StoreError> {
    let child: Option<String> = conn
        .query_row(
            "SELECT json_extract(value, '$') FROM registers WHERE entity = ?1 AND field = 'child_id'",
            [entity],
            |r| r.get(0),
        )
        .optional()?;
    Ok(child.and_then(|c| c.parse().ok()))
}

/// Takes in a delivery inside the caller's transaction: each op on its own, then the held ops
/// again. The caller saves `device` with the transaction.
pub(crate) fn take_in_all(
    conn: &Connection,
    device: &mut Device,
    now: DateTime<Utc>,
    ops: &[Op],
) -> Result<Applied, StoreError> {
    let mut applied = Applied::default();
    let mut authority = Authority::default();
    for op in ops {
        take_in(conn, &mut authority, device, now, op, None, &mut applied)?;
    }
    if applied.held > 0 {
        look_again(conn, &mut authority, device, now, &mut applied)?;
        let mut still = 0;
        for op in ops {
            let held: bool = conn
                .prepare_cached("SELECT EXISTS(SELECT 1 FROM held_ops WHERE content = ?1)")?
                .query_row([content_hash(op).as_slice()], |r| r.get(0))?;
            still += usize::from(held);
        }
        applied.held = still;
    } else {
        look_again(conn, &mut authority, device, now, &mut applied)?;
    }
    Ok(applied)
}

/// Looks at one op and stores it where it belongs. `held_at` is when a held op first arrived.
fn take_in(
    conn: &Connection,
    authority: &mut Authority,
    device: &mut Device,
    now: DateTime<Utc>,
    op: &Op,
    held_at: Option<&str>,
    applied: &mut Applied,
) -> Result<(), StoreError> {
    let body = OpBody::decode(&op.payload);
    match verdict(conn, authority, device, now, op, body.as_ref())? {
        Verdict::Duplicate => {}
        Verdict::Hold(problem) => {
            let new = hold(conn, op, problem, held_at.unwrap_or(&stamp(now)))?;
            if new && held_at.is_none() {
                applied.held += 1;
            }
        }
        Verdict::Take(problem) => {
            // The clock was checked in `verdict`: observing cannot fail here.
            device
                .clock
                .observe(op.hlc, now.timestamp_millis())
                .map_err(|_| StoreError::FromTheFuture)?;
            oplog::insert(conn, op)?;
            authority.taken(&op.kind);
            oplog::fold(conn, op)?;
            applied.taken += 1;
            if body.is_none() {
                // A newer Harbour's: checked once this version can read it.
                conn.prepare_cached("INSERT OR IGNORE INTO unread_ops (op_id) VALUES (?1)")?
                    .execute([op.op_id.to_string()])?;
            }
            if let (Some(problem), Some(body)) = (problem, &body) {
                mark_unchecked(conn, op, body, problem)?;
                applied.unchecked += 1;
            }
        }
    }
    Ok(())
}

fn verdict(
    conn: &Connection,
    authority: &mut Authority,
    device: &Device,
    now: DateTime<Utc>,
    op: &Op,
    body: Option<&OpBody>,
) -> Result<Verdict, StoreError> {
    match same_place(conn, op)? {
        Some(true) => return Ok(Verdict::Duplicate),
        Some(false) => return Ok(Verdict::Hold(Problem::Fork)),
        None => {}
    }
    // Only this device writes in its own series: another op in it is a copy of this store.
    if op.device == device.id {
        return Ok(Verdict::Hold(Problem::Fork));
    }
    if device
        .clock
        .clone()
        .observe(op.hlc, now.timestamp_millis())
        .is_err()
    {
        return Ok(Verdict::Hold(Problem::Future));
    }
    let Some(body) = body else {
        return Ok(if KINDS.contains(&op.kind.as_str()) {
            Verdict::Hold(Problem::Damaged)
        } else {
            // A newer Harbour's: kept and passed on; shown as needing an update.
            Verdict::Take(None)
        });
    };
    if body.kind() != op.kind || body.entity() != op.entity {
        return Ok(Verdict::Hold(Problem::Damaged));
    }
    Ok(match allowed(conn, authority, op, body)? {
        None => Verdict::Take(None),
        Some(problem) if body.is_safety_record() => Verdict::Take(Some(problem)),
        Some(problem) => Verdict::Hold(problem),
    })
}

/// `Some(true)` if this very op is stored already, `Some(false)` if another op holds its place
/// or its id, `None` if neither. (The author and the team are not compared: an op migrated on
/// two devices may have been given them on one only.)
fn same_place(conn: &Connection, op: &Op) -> Result<Option<bool>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ENVELOPE_COLUMNS} FROM ops WHERE (device = ?1 AND idx = ?2) OR op_id = ?3"
    ))?;
    let rows: Vec<OpRow> = stmt
        .query_map(
            params![op.device.to_string(), op.idx, op.op_id.to_string()],
            OpRow::read,
        )?
        .collect::<Result<_, _>>()?;
    if rows.is_empty() {
        return Ok(None);
    }
    for row in rows {
        let stored = row.decode()?;
        let same = Op {
            author: op.author,
            team: op.team,
            ..stored
        } == *op;
        if !same {
            return Ok(Some(false));
        }
    }
    Ok(Some(true))
}

/// The first administrator adding themselves when the store is set up (before its team is made,
/// and so before anyone can be in it): allowed only if no one was added before.
fn first_admin(
    conn: &Connection,
    author: UserId,
    hlc: &str,
    body: &OpBody,
) -> Result<bool, StoreError> {
    let OpBody::UserAdded {
        user,
        role: Role::Admin,
        ..
    } = body
    else {
        return Ok(false);
    };
    if *user != author {
        return Ok(false);
    }
    let anyone_before: bool = conn
        .prepare_cached("SELECT EXISTS(SELECT 1 FROM ops WHERE kind = 'user_added' AND hlc < ?1)")?
        .query_row([hlc], |r| r.get(0))?;
    Ok(!anyone_before)
}

/// Whether `author`, as of `hlc`, may do what `body` does: `None` if so, or the problem.
fn standing(
    conn: &Connection,
    authority: &mut Authority,
    author: Option<UserId>,
    hlc: &str,
    body: &OpBody,
) -> Result<Option<Problem>, StoreError> {
    let Some(author) = author else {
        return Ok(Some(Problem::AuthorUnknown));
    };
    if first_admin(conn, author, hlc, body)? {
        return Ok(None);
    }
    let (role, disabled) = authority.person(conn, author, hlc)?;
    let Some(role) = role else {
        return Ok(Some(Problem::AuthorUnknown));
    };
    // Anyone may set their own key (their first unlock after an update makes their key pair).
    let own_key = matches!(body, OpBody::UserKeySet { user, .. } | OpBody::StaffKeyShared { user, .. } if *user == author);
    Ok((disabled || !(own_key || role.may(body.requires()))).then_some(Problem::NotAllowed))
}

/// Whether the op's author, as of the op, had the role for it and a place in its team: `None`
/// if so, or the problem.
fn allowed(
    conn: &Connection,
    authority: &mut Authority,
    op: &Op,
    body: &OpBody,
) -> Result<Option<Problem>, StoreError> {
    let hlc = op.hlc.to_string();
    match standing(conn, authority, op.author, &hlc, body)? {
        None => in_team(conn, authority, op, &hlc, body),
        problem => Ok(problem),
    }
}

/// Whether the op's author was in the team its envelope names, as of the op: `None` if so (or
/// if it names none), else the problem. The team's creator needs no place in it to set it up,
/// and ops from before the team was made (put in it when a store from before teams became
/// one) are checked by role alone. A team whose own record has not arrived yet cannot be
/// checked: as with an author not yet known, the op is looked at again when more arrive.
fn in_team(
    conn: &Connection,
    authority: &mut Authority,
    op: &Op,
    hlc: &str,
    body: &OpBody,
) -> Result<Option<Problem>, StoreError> {
    let (Some(team), Some(author)) = (op.team, op.author) else {
        return Ok(None);
    };
    if let OpBody::TeamAdded { team: made, .. } = body {
        return Ok((*made != team).then_some(Problem::Damaged));
    }
    if first_admin(conn, author, hlc, body)? {
        return Ok(None);
    }
    let Some(found) = authority.team(conn, team, author, hlc)? else {
        return Ok(Some(Problem::AuthorUnknown));
    };
    if hlc < found.created || found.creator == Some(author.to_string().as_str()) {
        return Ok(None);
    }
    Ok((!found.member).then_some(Problem::NotAllowed))
}

/// Keeps `op` out of the records with its problem. Returns whether it was not held already.
fn hold(conn: &Connection, op: &Op, problem: Problem, held_at: &str) -> Result<bool, StoreError> {
    let content = content_hash(op);
    let already: bool = conn
        .prepare_cached("SELECT EXISTS(SELECT 1 FROM held_ops WHERE content = ?1)")?
        .query_row([content.as_slice()], |r| r.get(0))?;
    let mut values = vec![rusqlite::types::Value::Blob(content.to_vec())];
    values.extend(op.envelope());
    values.push(problem.name().to_owned().into());
    values.push(held_at.to_owned().into());
    conn.prepare_cached(&format!(
        "INSERT INTO held_ops (content, {ENVELOPE_COLUMNS}, reason, held_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) \
             ON CONFLICT (content) DO UPDATE SET reason = excluded.reason"
    ))?
    .execute(rusqlite::params_from_iter(values))?;
    Ok(!already)
}

/// One row per distinct op: the same op held twice is one row; a fork of it is another.
fn content_hash(op: &Op) -> [u8; 32] {
    let mut h = blake3::Hasher::new();
    for part in [
        op.op_id.to_string(),
        op.device.to_string(),
        op.idx.to_string(),
        op.hlc.to_string(),
        op.author.map(|a| a.to_string()).unwrap_or_default(),
        op.kind.clone(),
        op.entity.clone(),
    ] {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    // Only where there is one, so ops held before teams keep the hash they were held under.
    if let Some(team) = op.team {
        h.update(b"team");
        h.update(team.as_uuid().as_bytes());
    }
    h.update(op.payload.as_bytes());
    *h.finalize().as_bytes()
}

/// The ops of the log listed in `table` (by op id) that this version can read, oldest first.
fn listed_ops(conn: &Connection, table: &str) -> Result<Vec<(Op, OpBody)>, StoreError> {
    let rows: Vec<OpRow> = conn
        .prepare(&format!(
            "SELECT {} FROM {table} u JOIN ops o ON o.op_id = u.op_id ORDER BY o.hlc",
            prefixed("o.")
        ))?
        .query_map([], OpRow::read)?
        .collect::<Result<_, _>>()?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let op = row.decode()?;
        if let Some(body) = OpBody::decode(&op.payload) {
            out.push((op, body));
        }
    }
    Ok(out)
}

/// Marks a safety record shown although its author could not be checked.
fn mark_unchecked(
    conn: &Connection,
    op: &Op,
    body: &OpBody,
    problem: Problem,
) -> Result<(), StoreError> {
    let child = body.child().or(episode_child(conn, &op.entity)?);
    conn.prepare_cached(
        "INSERT OR REPLACE INTO unchecked_ops (op_id, child, entity, reason) \
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        op.op_id.to_string(),
        child.map(|c| c.to_string()),
        op.entity,
        problem.name()
    ])?;
    Ok(())
}

/// Ops that arrived when this version could not read them, and that it now can (Harbour was
/// updated): each is checked as it would have been on arrival, then folded, marked, or taken
/// out of the log into the held ops. Run when the store opens, before anything refolds.
pub(crate) fn read_newly_known(conn: &Connection, now: DateTime<Utc>) -> Result<(), StoreError> {
    let mut authority = Authority::default();
    for (op, body) in listed_ops(conn, "unread_ops")? {
        conn.prepare_cached("DELETE FROM unread_ops WHERE op_id = ?1")?
            .execute([op.op_id.to_string()])?;
        let problem = if body.kind() != op.kind || body.entity() != op.entity {
            Some(Problem::Damaged)
        } else {
            allowed(conn, &mut authority, &op, &body)?
        };
        match problem {
            None => oplog::fold(conn, &op)?,
            Some(problem) if body.is_safety_record() && problem != Problem::Damaged => {
                oplog::fold(conn, &op)?;
                mark_unchecked(conn, &op, &body, problem)?;
            }
            Some(problem) => {
                conn.prepare_cached("DELETE FROM ops WHERE op_id = ?1")?
                    .execute([op.op_id.to_string()])?;
                authority.taken(&op.kind);
                hold(conn, &op, problem, &stamp(now))?;
            }
        }
    }
    Ok(())
}

/// Held ops whose problem may have cleared, and safety records marked unchecked, are looked
/// at again until nothing more changes (one taken in may be the author another was waiting
/// for).
fn look_again(
    conn: &Connection,
    authority: &mut Authority,
    device: &mut Device,
    now: DateTime<Utc>,
    applied: &mut Applied,
) -> Result<(), StoreError> {
    loop {
        let before = *applied;
        let waiting: Vec<(Vec<u8>, OpRow, String)> = conn
            .prepare(&format!(
                "SELECT content, {ENVELOPE_COLUMNS}, held_at FROM held_ops \
                 WHERE reason IN ('not_allowed', 'author_unknown', 'future') ORDER BY hlc"
            ))?
            .query_map([], |r| {
                Ok((r.get(0)?, OpRow::read_from(r, 1)?, r.get(1 + ENVELOPE_LEN)?))
            })?
            .collect::<Result<_, _>>()?;
        for (content, row, held_at) in waiting {
            let op = row.decode()?;
            conn.prepare_cached("DELETE FROM held_ops WHERE content = ?1")?
                .execute([&content])?;
            take_in(conn, authority, device, now, &op, Some(&held_at), applied)?;
        }
        // Safety records shown unchecked: cleared once their author turns out to be allowed.
        for (op, body) in listed_ops(conn, "unchecked_ops")? {
            if allowed(conn, authority, &op, &body)?.is_none() {
                conn.prepare_cached("DELETE FROM unchecked_ops WHERE op_id = ?1")?
                    .execute([op.op_id.to_string()])?;
            }
        }
        if applied.taken == before.taken {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests;
