//! "Changed on two devices": a profile field saved on two devices before either had seen the
//! other's value. Last-writer-wins keeps one (the later), and both devices converge on it; the
//! one that lost is listed here, on every device, for a person to choose. Each save records,
//! per field, the clock of the value it replaced as its writer saw it (`seen`); so a device
//! can tell an edit made on top of the value it holds from one made beside it. Choosing (or
//! any later save by someone who saw the value shown) settles it everywhere.

use harbour_core::api::ChangedTwice;
use harbour_core::ops::OpBody;
use harbour_core::profile::{self, Section, Values};
use harbour_core::{Action, ChildId, OpId};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;
use std::collections::BTreeMap;

use crate::error::StoreError;
use crate::oplog::Op;
use crate::Store;

/// A register as it is now.
struct Held {
    value: String,
    hlc: String,
    device: String,
    op_id: String,
}

fn held(conn: &Connection, child: ChildId, key: &str) -> Result<Option<Held>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT value, hlc, device, op_id FROM registers WHERE entity = ?1 AND field = ?2",
        )?
        .query_row(params![child.to_string(), profile::register(key)], |r| {
            Ok(Held {
                value: r.get(0)?,
                hlc: r.get(1)?,
                device: r.get(2)?,
                op_id: r.get(3)?,
            })
        })
        .optional()?)
}

/// A stored save's body, if it is one.
fn saved(conn: &Connection, op_id: &str) -> Result<Option<OpBody>, StoreError> {
    let payload: Option<String> = conn
        .prepare_cached("SELECT payload FROM ops WHERE op_id = ?1")?
        .query_row([op_id], |r| r.get(0))
        .optional()?;
    Ok(payload
        .and_then(|p| OpBody::decode(&p))
        .filter(|b| matches!(b, OpBody::ProfileSaved { .. })))
}

/// What the writer of `op_id` saw of `key`, if it was a save that says.
fn seen_by(conn: &Connection, op_id: &str, key: &str) -> Result<Option<String>, StoreError> {
    Ok(match saved(conn, op_id)? {
        Some(OpBody::ProfileSaved { seen, .. }) => seen.get(key).cloned(),
        _ => None,
    })
}

fn list(
    conn: &Connection,
    child: ChildId,
    key: &str,
    op_id: &str,
    hlc: &str,
    value: &str,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO changed_twice (entity, key, lost_op, lost_hlc, value) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![child.to_string(), key, op_id, hlc, value])?;
    Ok(())
}

/// Before a save is folded: lists a value that loses to one saved beside it, and settles what
/// was listed for a field when the save was made on top of the value shown.
pub(crate) fn look(
    conn: &Connection,
    op: &Op,
    child: ChildId,
    values: &Values,
    seen: &BTreeMap<String, String>,
) -> Result<(), StoreError> {
    let (hlc, device, op_id) = (
        op.hlc.to_string(),
        op.device.to_string(),
        op.op_id.to_string(),
    );
    for (key, value) in values {
        let Some(saw) = seen.get(key) else {
            continue;
        };
        let Some(here) = held(conn, child, key)? else {
            continue;
        };
        if here.op_id == op_id {
            continue;
        }
        if *saw == here.hlc {
            // Made on top of the value shown: whatever was listed for the field is settled.
            conn.prepare_cached("DELETE FROM changed_twice WHERE entity = ?1 AND key = ?2")?
                .execute(params![child.to_string(), key])?;
            continue;
        }
        let value = value.to_string();
        if value == here.value {
            continue;
        }
        let newer = (hlc.as_str(), device.as_str(), op_id.as_str())
            > (here.hlc.as_str(), here.device.as_str(), here.op_id.as_str());
        if newer {
            // It wins; the value here loses if its writer had not seen it (they saw older).
            if saw.as_str() < here.hlc.as_str() {
                list(conn, child, key, &here.op_id, &here.hlc, &here.value)?;
            }
        } else if let Some(theirs) = seen_by(conn, &here.op_id, key)? {
            // The value here wins; this one loses if the value here was saved without it.
            if theirs.as_str() < hlc.as_str() {
                list(conn, child, key, &op_id, &hlc, &value)?;
            }
        }
    }
    Ok(())
}

/// What `seen` a save of `keys` records: the clock of each one's value here, `""` if none.
pub(crate) fn seen_now(
    conn: &Connection,
    child: ChildId,
    keys: impl Iterator<Item = String>,
) -> Result<BTreeMap<String, String>, StoreError> {
    let mut seen = BTreeMap::new();
    for key in keys {
        let hlc = held(conn, child, &key)?.map(|h| h.hlc).unwrap_or_default();
        seen.insert(key, hlc);
    }
    Ok(seen)
}

/// Who saved a value, and when, from the save that carried it.
fn who_and_when(
    conn: &Connection,
    op_id: &str,
    names: &BTreeMap<harbour_core::UserId, String>,
) -> Result<(String, Option<chrono::DateTime<chrono::Utc>>), StoreError> {
    Ok(match saved(conn, op_id)? {
        Some(OpBody::ProfileSaved { by, at, .. }) => {
            (names.get(&by).cloned().unwrap_or_default(), Some(at))
        }
        _ => (String::new(), None),
    })
}

impl Store {
    /// Every profile field changed on two devices at once that no one has chosen for yet, of
    /// the children the person may see.
    pub fn changed_twice(&self) -> Result<Vec<ChangedTwice>, StoreError> {
        self.require(Action::ViewChildren)?;
        let rows: Vec<(String, String, String, String, String, String, String)> = self
            .conn
            .prepare(&format!(
                "SELECT t.entity, t.key, t.lost_op, t.value, r.value, r.op_id, c.name_latin \
                 FROM changed_twice t JOIN children c ON c.id = t.entity \
                 JOIN registers r ON r.entity = t.entity AND r.field = 'p.' || t.key \
                 WHERE {} ORDER BY c.name_latin, t.entity, t.key, t.lost_hlc",
                self.seen("c.team")
            ))?
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        let names: BTreeMap<_, _> = self.user_names()?.into_iter().collect();
        let mut out = Vec::new();
        for (child, key, lost_op, other, shown, shown_op, child_name) in rows {
            let Some(section) = section_of(&key) else {
                continue;
            };
            let parse = |v: &str| serde_json::from_str::<Value>(v).unwrap_or(Value::Null);
            let (shown_by, shown_at) = who_and_when(&self.conn, &shown_op, &names)?;
            let (other_by, other_at) = who_and_when(&self.conn, &lost_op, &names)?;
            out.push(ChangedTwice {
                child: child.parse().map_err(|_| StoreError::Corrupt("child id"))?,
                child_name,
                section,
                key,
                shown: parse(&shown),
                shown_by,
                shown_at,
                other: parse(&other),
                other_by,
                other_at,
                other_op: lost_op,
            });
        }
        Ok(out)
    }

    /// Settles a field changed on two devices: keeps the value shown, or puts the other (named
    /// by its op) in its place. Written as a save made on top of the value shown, so every
    /// device settles it when the save arrives. Not a check of the section.
    pub fn choose_changed_twice(
        &mut self,
        child: ChildId,
        key: &str,
        other_op: Option<OpId>,
    ) -> Result<(), StoreError> {
        self.require(Action::EditChildren)?;
        self.see_child(child)?;
        let section = section_of(key).ok_or(StoreError::NotFound)?;
        let here = held(&self.conn, child, key)?.ok_or(StoreError::NotFound)?;
        let value = match other_op {
            None => here.value.clone(),
            Some(op) => self
                .conn
                .prepare_cached(
                    "SELECT value FROM changed_twice WHERE entity = ?1 AND key = ?2 AND lost_op = ?3",
                )?
                .query_row(params![child.to_string(), key, op.to_string()], |r| {
                    r.get::<_, String>(0)
                })
                .optional()?
                .ok_or(StoreError::NotFound)?,
        };
        let value: Value =
            serde_json::from_str(&value).map_err(|_| StoreError::Corrupt("register"))?;
        let now = self.now();
        self.write(&[OpBody::ProfileSaved {
            child,
            section,
            values: [(key.to_owned(), value)].into_iter().collect(),
            at: now,
            by: self.session.user,
            key_change: false,
            seen: [(key.to_owned(), here.hlc)].into_iter().collect(),
            not_a_check: true,
        }])
    }
}

fn section_of(key: &str) -> Option<Section> {
    Section::ALL.into_iter().find(|s| s.field(key).is_some())
}
