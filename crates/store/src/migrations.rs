//! Append-only schema migrations, embedded at compile time. `PRAGMA user_version` records how
//! many have run; each runs in its own transaction together with the version bump.

use rusqlite::Connection;

use crate::error::StoreError;

/// Never edit or reorder an entry once released: add a new file instead.
pub(crate) const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_children_and_episodes.sql"),
    include_str!("../migrations/0002_op_log.sql"),
    include_str!("../migrations/0003_audit_chain.sql"),
    include_str!("../migrations/0004_users.sql"),
    include_str!("../migrations/0005_episode_events.sql"),
    include_str!("../migrations/0006_assessments.sql"),
    include_str!("../migrations/0007_authors_and_held_ops.sql"),
    include_str!("../migrations/0008_unread_ops.sql"),
    include_str!("../migrations/0009_teams.sql"),
    include_str!("../migrations/0010_key_state.sql"),
    include_str!("../migrations/0011_demo.sql"),
    include_str!("../migrations/0012_sync.sql"),
    include_str!("../migrations/0013_sync_sent.sql"),
    include_str!("../migrations/0014_sync_heads_index.sql"),
    include_str!("../migrations/0015_changed_on_two_devices.sql"),
    include_str!("../migrations/0016_rotation_due.sql"),
    include_str!("../migrations/0017_moved_and_merged.sql"),
    include_str!("../migrations/0018_daily_log.sql"),
];

pub(crate) fn schema_version(conn: &Connection) -> rusqlite::Result<usize> {
    conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
        .map(|v| v as usize)
}

/// Brings the schema up to date and returns the version it was at. A store from a newer
/// Harbour is refused untouched.
pub(crate) fn migrate(conn: &mut Connection) -> Result<usize, StoreError> {
    let current = schema_version(conn)?;
    if current > MIGRATIONS.len() {
        return Err(StoreError::TooNew);
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_from_empty_and_again_is_a_no_op() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(schema_version(&conn).unwrap(), 0);
        migrate(&mut conn).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), MIGRATIONS.len());
        migrate(&mut conn).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), MIGRATIONS.len());
        conn.pragma_update(None, "user_version", 99).unwrap();
        assert!(matches!(migrate(&mut conn), Err(StoreError::TooNew)));
        conn.pragma_update(None, "user_version", MIGRATIONS.len() as i64)
            .unwrap();
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
    }
}
