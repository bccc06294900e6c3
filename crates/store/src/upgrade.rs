//! Work a migration leaves to Rust, done once when the store opens after it (the migration
//! adds a row to `pending_upgrades`; the work and the row's removal commit together).

use harbour_core::ops::OpBody;
use harbour_core::{TeamId, UserId};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;

use crate::error::StoreError;
use crate::oplog::{self, Device};

/// Runs what the migrations asked for; `opened_by` is the member of staff opening the store.
pub(crate) fn run_pending(
    conn: &mut Connection,
    device: &mut Device,
    opened_by: UserId,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    let pending: Vec<String> = conn
        .prepare("SELECT name FROM pending_upgrades ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for name in pending {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        if name == "authors" {
            fill_authors(&tx, device)?;
            // Registers now tie on the op id too: fold again so every register has one.
            oplog::rebuild(&tx)?;
        }
        // The series advances only if the upgrade commits.
        let mut moved = *device;
        if name == "teams" {
            one_team(&tx, &mut moved, opened_by, now)?;
        }
        tx.execute("DELETE FROM pending_upgrades WHERE name = ?1", [&name])?;
        tx.commit()?;
        *device = moved;
    }
    Ok(())
}

/// A store from before teams becomes one team, made here: every op so far is put in it, every
/// member of staff joins it, and the log is folded again so the children and the settings are
/// the team's. The team's own ops are written by the first administrator (who set the store
/// up), else by whoever opened it. A store with nothing in it yet gets its team at set-up.
fn one_team(
    conn: &Connection,
    device: &mut Device,
    opened_by: UserId,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    let any: bool = conn.query_row("SELECT EXISTS(SELECT 1 FROM ops)", [], |r| r.get(0))?;
    if !any {
        return Ok(());
    }
    let first_admin: Option<String> = conn
        .query_row(
            "SELECT id FROM users WHERE role = 'admin' ORDER BY created_at, id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    let author = match first_admin {
        Some(a) => a.parse().map_err(|_| StoreError::Corrupt("user id"))?,
        None => opened_by,
    };
    let mut users: Vec<String> = conn
        .prepare("SELECT id FROM users ORDER BY created_at, id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    // Whoever opens it saw every child before: they still do.
    if !users.contains(&opened_by.to_string()) {
        users.push(opened_by.to_string());
    }
    let team = TeamId::from_uuid(uuid::Uuid::now_v7());
    conn.execute(
        "UPDATE ops SET team = ?1 WHERE team IS NULL",
        [team.to_string()],
    )?;
    let mut bodies = vec![OpBody::TeamAdded {
        team,
        name: String::new(),
        created_at: now,
    }];
    for user in users {
        bodies.push(OpBody::TeamMemberSet {
            team,
            user: user.parse().map_err(|_| StoreError::Corrupt("user id"))?,
            member: true,
        });
    }
    for body in &bodies {
        oplog::append(
            conn,
            device,
            now.timestamp_millis(),
            author,
            Some(team),
            body,
        )?;
    }
    // The children and the settings move into the team's registers.
    oplog::rebuild(conn)
}

/// Ops written before authors were recorded get one where it can be known:
/// - the user the op itself names (a saved profile section, a flag, an event's `by`);
/// - else, for ops this device wrote, the user whose unlock was the latest before the op
///   (every write happens while someone is signed in, and every unlock is in the audit chain);
/// - else the first administrator, for the op that added them at set-up.
///
/// Anything else stays without an author: shown as "not recorded", never guessed.
fn fill_authors(conn: &Connection, device: &Device) -> Result<(), StoreError> {
    let unlocks = unlocks(conn)?;
    let mut stmt = conn.prepare(
        "SELECT device, idx, hlc, payload FROM ops WHERE author IS NULL ORDER BY hlc, device, idx",
    )?;
    let rows: Vec<(String, i64, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<_, _>>()?;
    let mut first_user_seen = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM ops WHERE kind = 'user_added' AND author IS NOT NULL)",
        [],
        |r| r.get::<_, bool>(0),
    )?;
    for (op_device, idx, hlc, payload) in rows {
        let wall_ms = hlc
            .parse::<harbour_core::Hlc>()
            .map_err(|_| StoreError::Corrupt("hlc"))?
            .wall_ms;
        let body = OpBody::decode(&payload);
        let own = op_device == device.id.to_string();
        let in_session = || {
            unlocks
                .iter()
                .rev()
                .find(|(at, _)| *at <= wall_ms)
                .map(|(_, u)| *u)
        };
        let first_admin = match &body {
            Some(OpBody::UserAdded { user, .. }) if !first_user_seen => Some(*user),
            _ => None,
        };
        let author = named_in(&payload)
            .or_else(|| if own { in_session() } else { None })
            .or(first_admin);
        if matches!(body, Some(OpBody::UserAdded { .. })) {
            first_user_seen = true;
        }
        if let Some(author) = author {
            conn.execute(
                "UPDATE ops SET author = ?1 WHERE device = ?2 AND idx = ?3",
                params![author.to_string(), op_device, idx],
            )?;
        }
    }
    Ok(())
}

/// The user an op's payload names as having done it: `by`, or the `by` of its record.
fn named_in(payload: &str) -> Option<UserId> {
    let v: Value = serde_json::from_str(payload).ok()?;
    let by = v.get("by").or_else(|| v.get("record")?.get("by"))?;
    by.as_str()?.parse().ok()
}

/// Every unlock in the audit chain: (when, in ms; who), oldest first.
fn unlocks(conn: &Connection) -> Result<Vec<(i64, UserId)>, StoreError> {
    let mut stmt =
        conn.prepare("SELECT at, actor FROM audit WHERE event = 'unlocked' ORDER BY seq")?;
    let rows: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut out: Vec<(i64, UserId)> = rows
        .into_iter()
        .filter_map(|(at, actor)| {
            let at = chrono::DateTime::parse_from_rfc3339(&at).ok()?;
            Some((at.timestamp_millis(), actor.parse().ok()?))
        })
        .collect();
    out.sort_by_key(|(at, _)| *at);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use crate::{Session, Store};
    use chrono::{TimeZone, Utc};
    use harbour_core::{FixedClock, Role, UserId};
    use rusqlite::Connection;
    use std::sync::Arc;

    const ADMIN: &str = "01a2343f-c313-716b-954e-db61ce4a33ad";
    const CARER: &str = "01a2343f-c33a-7175-860e-599f3e3b2572";

    /// A store exactly as schema 6 left it (made by that version, then exported without its
    /// key), opened by this version.
    fn schema_6_store() -> Store {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(include_str!("../tests/fixtures/schema-6.sql"))
            .unwrap();
        let session = Session {
            user: ADMIN.parse().unwrap(),
            role: Role::Admin,
        };
        let clock = FixedClock::at(Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap());
        Store::init(conn, Arc::new(clock), session, None).unwrap()
    }

    #[test]
    fn a_schema_6_store_gets_the_authors_of_its_ops_and_loses_nothing() {
        let mut store = schema_6_store();
        let by_kind = |kind: &str| -> Vec<Option<UserId>> {
            store
                .ops()
                .unwrap()
                .into_iter()
                .filter(|o| o.kind == kind)
                .map(|o| o.author)
                .collect()
        };
        let (admin, carer) = (Some(ADMIN.parse().unwrap()), Some(CARER.parse().unwrap()));
        // At set-up the administrator added themselves, then the carer.
        assert_eq!(by_kind("user_added"), [admin, admin]);
        assert_eq!(by_kind("settings_set"), [admin]);
        assert_eq!(by_kind("child_added"), [admin]);
        assert_eq!(by_kind("child_photo_set"), [admin]);
        assert_eq!(by_kind("profile_saved"), [admin]);
        // The carer reported the child missing, corrected the time and wrote an update.
        assert_eq!(by_kind("episode_started"), [carer]);
        assert_eq!(by_kind("episode_last_seen_set"), [carer]);
        assert_eq!(by_kind("episode_event_added"), [carer]);
        // Back with the administrator, who marked the flag and corrected the name.
        assert_eq!(by_kind("child_flag_set"), [admin]);
        assert_eq!(by_kind("child_fields_set"), [admin]);
        // The one team it became, made on this device by the first administrator, with both
        // members of staff in it; every op before is in it.
        assert_eq!(by_kind("team_added"), [admin]);
        assert_eq!(by_kind("team_member_set"), [admin, admin]);
        assert_eq!(store.ops().unwrap().len(), 15);
        let teams = store.teams().unwrap();
        assert_eq!(teams.len(), 1);
        assert_eq!(teams[0].members.len(), 2);
        assert!(store
            .ops()
            .unwrap()
            .iter()
            .all(|o| o.team == Some(teams[0].id)));
        assert_eq!(store.current_team(), Some(teams[0].id));

        // Everything reads as before.
        let children = store.children().unwrap();
        assert_eq!(children.len(), 1);
        let child = &children[0];
        assert_eq!(child.details.name_latin, "Sample Meron T");
        assert!(child.details.suspected_trafficked && child.details.unaccompanied);
        assert!(child.has_photo);
        let profile = store.profile(child.id).unwrap();
        // Unaccompanied when added, suspected trafficked later: both by the administrator.
        assert_eq!(profile.flag_history.len(), 2);
        assert!(profile
            .flag_history
            .iter()
            .all(|c| c.by_name == "Sam Admin"));
        let episodes = store.open_episodes().unwrap();
        assert_eq!(episodes.len(), 1);
        assert_eq!(store.episode_events(episodes[0].id).unwrap().len(), 1);
        assert_eq!(
            store.organisation().unwrap().on_call,
            "Sam Manager 07700 900321"
        );
        assert_eq!(
            store.verify_audit().unwrap(),
            crate::ChainCheck::Intact { entries: 8 }
        );
        // Every register ties on an op id now, and folding again changes nothing.
        let blank: i64 = store
            .conn
            .query_row("SELECT count(*) FROM registers WHERE op_id = ''", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(blank, 0);
        let before = (store.children().unwrap(), store.open_episodes().unwrap());
        store.rebuild().unwrap();
        assert_eq!(
            (store.children().unwrap(), store.open_episodes().unwrap()),
            before
        );
    }
}
