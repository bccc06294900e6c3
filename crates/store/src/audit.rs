//! The audit chain. Each entry's hash covers the previous entry's hash and its own fields, so
//! changing, removing or reordering any entry breaks every hash after it, and `verify` says
//! where. Entries carry ids and event names only: the chain itself reveals no names or notes.

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::StoreError;

/// What is recorded. Names are stable: they are part of every later hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditEvent {
    /// The store was opened (the app started, or a tool read it).
    StoreOpened,
    /// A child's details were opened on screen.
    ChildViewed,
    /// A user unlocked the store (the subject is empty; the actor is the user).
    Unlocked,
    /// A wrong name or PIN was typed; recorded at the next unlock, with the time it happened.
    UnlockFailed,
    /// A user locked the app, or it locked itself after the idle time.
    Locked,
    /// The subject (a user id) was added.
    UserAdded,
    /// The subject (a user id) was disabled.
    UserDisabled,
    /// The subject (a user id) changed their PIN.
    PinChanged,
    /// Records were exported (subject: the format).
    Exported,
    /// A backup was started (recorded before any data leaves, like a print).
    BackupMade,
    /// This store was restored from a backup (subject: the device id it was made on).
    Restored,
    /// A setting changed (subject: which).
    SettingChanged,
    /// A child's grab sheet was sent to a printer (subject: the child id).
    GrabSheetPrinted,
    /// A child's grab sheet was saved as a PDF file where someone chose, through "Save a
    /// copy…" or the command line (subject: the child id).
    GrabSheetSaved,
    /// A child's grab sheet was opened in the PDF viewer, from Harbour's private folder that
    /// empties when it locks (subject: the child id).
    GrabSheetOpened,
    /// A child was recorded (subject: the child id).
    ChildAdded,
    /// A child's core details were corrected (subject: the child id).
    ChildDetailsChanged,
    /// A section of a child's profile, or a photo, was saved (subject: the child id).
    ProfileChanged,
    /// An escalation flag was set (subject: the child id).
    FlagSet,
    /// An escalation flag was cleared, with a reason (subject: the child id).
    FlagCleared,
    /// A child was reported missing: an episode opened (subject: the episode id).
    ReportedMissing,
    /// The child was found or came back (subject: the episode id).
    ChildFound,
    /// The episode was closed, or ended with the child still missing (subject: the episode
    /// id).
    EpisodeClosed,
    /// The steps screen of an open episode came in front, so the app waits the home's longer
    /// time before it locks (subject: the episode id).
    LockExtended,
    /// A team was set up or renamed (subject: the team id).
    TeamChanged,
    /// A member of staff joined or left a team, so they see its children or no longer do
    /// (subject: the team id).
    TeamMembersChanged,
    /// The data key was replaced and sealed to the remaining staff only (subject: the new
    /// generation).
    KeysRotated,
    /// A key file entry that the database does not know was refused and removed (subject: the
    /// user id it claimed).
    KeyEntryRefused,
    /// The key file had been changed outside Harbour (its MAC, store or generation did not
    /// match); its settings went back to safe values (subject: empty).
    KeyFileChanged,
    /// A member of staff's key pair was made or replaced (subject: the user id).
    UserKeySet,
    /// A new organisation recovery key was made (backups from now on open with it).
    RecoveryKeyMade,
    /// The recovery key, as shown once, was sent to the printer.
    RecoveryKeyPrinted,
    /// A member of staff can sign in here with the PIN they chose on another device of their
    /// team (subject: the user id).
    StaffKeyReceived,
    /// This device joined a team's hub (subject: the team id).
    SyncJoined,
    /// This device stopped syncing a team with its hub (subject: the team id).
    SyncLeft,
    /// A child's whole record was sealed into a transfer package for another home (subject:
    /// the child id).
    ChildTransferredOut,
    /// A child's record was brought in from a transfer package (subject: the child id).
    ChildTransferredIn,
    ChildMoved,
    ChildrenMerged,
    DefaultsPublished,
}

impl AuditEvent {
    /// Every event, for the screens that word them.
    pub const ALL: [AuditEvent; 40] = [
        AuditEvent::StoreOpened,
        AuditEvent::ChildViewed,
        AuditEvent::Unlocked,
        AuditEvent::UnlockFailed,
        AuditEvent::Locked,
        AuditEvent::LockExtended,
        AuditEvent::UserAdded,
        AuditEvent::UserDisabled,
        AuditEvent::PinChanged,
        AuditEvent::Exported,
        AuditEvent::BackupMade,
        AuditEvent::Restored,
        AuditEvent::SettingChanged,
        AuditEvent::GrabSheetPrinted,
        AuditEvent::GrabSheetSaved,
        AuditEvent::GrabSheetOpened,
        AuditEvent::ChildAdded,
        AuditEvent::ChildDetailsChanged,
        AuditEvent::ProfileChanged,
        AuditEvent::FlagSet,
        AuditEvent::FlagCleared,
        AuditEvent::ReportedMissing,
        AuditEvent::ChildFound,
        AuditEvent::EpisodeClosed,
        AuditEvent::TeamChanged,
        AuditEvent::TeamMembersChanged,
        AuditEvent::KeysRotated,
        AuditEvent::KeyEntryRefused,
        AuditEvent::KeyFileChanged,
        AuditEvent::UserKeySet,
        AuditEvent::RecoveryKeyMade,
        AuditEvent::RecoveryKeyPrinted,
        AuditEvent::StaffKeyReceived,
        AuditEvent::SyncJoined,
        AuditEvent::SyncLeft,
        AuditEvent::ChildTransferredOut,
        AuditEvent::ChildTransferredIn,
        AuditEvent::ChildMoved,
        AuditEvent::ChildrenMerged,
        AuditEvent::DefaultsPublished,
    ];

    pub fn name(self) -> &'static str {
        match self {
            AuditEvent::StoreOpened => "store_opened",
            AuditEvent::ChildViewed => "child_viewed",
            AuditEvent::Unlocked => "unlocked",
            AuditEvent::UnlockFailed => "unlock_failed",
            AuditEvent::Locked => "locked",
            AuditEvent::LockExtended => "lock_extended",
            AuditEvent::UserAdded => "user_added",
            AuditEvent::UserDisabled => "user_disabled",
            AuditEvent::PinChanged => "pin_changed",
            AuditEvent::Exported => "exported",
            AuditEvent::BackupMade => "backup_made",
            AuditEvent::Restored => "restored",
            AuditEvent::SettingChanged => "setting_changed",
            AuditEvent::GrabSheetPrinted => "grab_sheet_printed",
            AuditEvent::GrabSheetSaved => "grab_sheet_saved",
            AuditEvent::GrabSheetOpened => "grab_sheet_opened",
            AuditEvent::ChildAdded => "child_added",
            AuditEvent::ChildDetailsChanged => "child_details_changed",
            AuditEvent::ProfileChanged => "profile_changed",
            AuditEvent::FlagSet => "flag_set",
            AuditEvent::FlagCleared => "flag_cleared",
            AuditEvent::ReportedMissing => "reported_missing",
            AuditEvent::ChildFound => "child_found",
            AuditEvent::EpisodeClosed => "episode_closed",
            AuditEvent::TeamChanged => "team_changed",
            AuditEvent::TeamMembersChanged => "team_members_changed",
            AuditEvent::KeysRotated => "keys_rotated",
            AuditEvent::KeyEntryRefused => "key_entry_refused",
            AuditEvent::KeyFileChanged => "key_file_changed",
            AuditEvent::UserKeySet => "user_key_set",
            AuditEvent::RecoveryKeyMade => "recovery_key_made",
            AuditEvent::RecoveryKeyPrinted => "recovery_key_printed",
            AuditEvent::StaffKeyReceived => "staff_key_received",
            AuditEvent::SyncJoined => "sync_joined",
            AuditEvent::SyncLeft => "sync_left",
            AuditEvent::ChildTransferredOut => "child_transferred_out",
            AuditEvent::ChildTransferredIn => "child_transferred_in",
            AuditEvent::ChildMoved => "child_moved",
            AuditEvent::ChildrenMerged => "children_merged",
            AuditEvent::DefaultsPublished => "defaults_published",
        }
    }

    /// The entry a write of `body` makes, if it is one that matters to a child's record
    /// (users and settings are audited where they are changed, with more to say).
    pub(crate) fn of_write(body: &harbour_core::ops::OpBody) -> Option<(AuditEvent, String)> {
        use harbour_core::episode::EpisodeEvent;
        use harbour_core::ops::OpBody::*;
        let (event, subject) = match body {
            ChildAdded { child, .. } => (AuditEvent::ChildAdded, child.to_string()),
            ChildDetailsSet { child, .. } | ChildFieldsSet { child, .. } => {
                (AuditEvent::ChildDetailsChanged, child.to_string())
            }
            ChildFlagSet { child, set, .. } => (
                if *set {
                    AuditEvent::FlagSet
                } else {
                    AuditEvent::FlagCleared
                },
                child.to_string(),
            ),
            ChildPhotoSet { child, .. }
            | ChildFullPhotoSet { child, .. }
            | ProfileSaved { child, .. } => (AuditEvent::ProfileChanged, child.to_string()),
            EpisodeStarted { episode, .. } => (AuditEvent::ReportedMissing, episode.to_string()),
            EpisodeEventAdded { episode, record } => match record.event {
                EpisodeEvent::Found { .. } => (AuditEvent::ChildFound, episode.to_string()),
                EpisodeEvent::Closed | EpisodeEvent::EndedWithoutReturn { .. } => {
                    (AuditEvent::EpisodeClosed, episode.to_string())
                }
                _ => return None,
            },
            TeamAdded { team, .. } | TeamNamed { team, .. } => {
                (AuditEvent::TeamChanged, team.to_string())
            }
            TeamMemberSet { team, .. } => (AuditEvent::TeamMembersChanged, team.to_string()),
            _ => return None,
        };
        Some((event, subject))
    }
}

/// One entry, as read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: String,
    pub event: String,
    pub subject: String,
    /// The user who did it (a user id), or empty for the app itself.
    pub actor: String,
}

/// Where the chain is broken, if it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainCheck {
    Intact {
        entries: i64,
    },
    /// The first entry whose hash, position or predecessor does not match.
    BrokenAt {
        seq: i64,
    },
}

const GENESIS: [u8; 32] = [0; 32];

/// Entries without an actor (written before users existed) keep their first hash form, so old
/// chains still verify; entries with one cover it too, under a different domain string.
pub(crate) fn entry_hash(
    prev: &[u8],
    seq: i64,
    at: &str,
    event: &str,
    subject: &str,
    actor: &str,
) -> [u8; 32] {
    let mut h = blake3::Hasher::new();
    h.update(if actor.is_empty() {
        b"harbour-audit-v1"
    } else {
        b"harbour-audit-v2"
    });
    h.update(prev);
    h.update(&seq.to_le_bytes());
    let fields: &[&str] = if actor.is_empty() {
        &[at, event, subject]
    } else {
        &[at, event, subject, actor]
    };
    // Length-prefixed, so ("ab", "c") and ("a", "bc") hash differently.
    for field in fields {
        h.update(&(field.len() as u64).to_le_bytes());
        h.update(field.as_bytes());
    }
    *h.finalize().as_bytes()
}

/// Appends an entry after the last one. Outside a transaction it takes the write lock first, so
/// another connection to the same file (the command line, an unlock under way) cannot read the
/// same last entry and append beside it.
pub(crate) fn record(
    conn: &Connection,
    at: DateTime<Utc>,
    event: AuditEvent,
    subject: &str,
    actor: &str,
) -> Result<(), StoreError> {
    if !conn.is_autocommit() {
        return append(conn, at, event, subject, actor);
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    match append(conn, at, event, subject, actor) {
        Ok(()) => Ok(conn.execute_batch("COMMIT")?),
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

fn append(
    conn: &Connection,
    at: DateTime<Utc>,
    event: AuditEvent,
    subject: &str,
    actor: &str,
) -> Result<(), StoreError> {
    let last: Option<(i64, Vec<u8>)> = conn
        .query_row(
            "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (seq, prev) = match last {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS.to_vec()),
    };
    let at = at.to_rfc3339_opts(SecondsFormat::Millis, true);
    let hash = entry_hash(&prev, seq, &at, event.name(), subject, actor);
    conn.execute(
        "INSERT INTO audit (seq, at, event, subject, actor, hash) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![seq, at, event.name(), subject, actor, hash.as_slice()],
    )?;
    Ok(())
}

/// Walks the whole chain from the start.
pub(crate) fn verify(conn: &Connection) -> Result<ChainCheck, StoreError> {
    let mut stmt =
        conn.prepare("SELECT seq, at, event, subject, actor, hash FROM audit ORDER BY seq")?;
    let mut rows = stmt.query([])?;
    let mut prev = GENESIS.to_vec();
    let mut expected_seq = 1;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let (at, event, subject, actor): (String, String, String, String) =
            (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        let hash: Vec<u8> = r.get(5)?;
        if seq != expected_seq || hash != entry_hash(&prev, seq, &at, &event, &subject, &actor) {
            return Ok(ChainCheck::BrokenAt { seq: expected_seq });
        }
        prev = hash;
        expected_seq += 1;
    }
    Ok(ChainCheck::Intact {
        entries: expected_seq - 1,
    })
}

pub(crate) fn entries(conn: &Connection) -> Result<Vec<AuditEntry>, StoreError> {
    let mut stmt = conn.prepare("SELECT seq, at, event, subject, actor FROM audit ORDER BY seq")?;
    let rows = stmt.query_map([], |r| {
        Ok(AuditEntry {
            seq: r.get(0)?,
            at: r.get(1)?,
            event: r.get(2)?,
            subject: r.get(3)?,
            actor: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The chain's last entry: its number and hash (a backup carries it, so a restore can tell that
/// nothing was cut from the end).
pub(crate) fn head(conn: &Connection) -> Result<Option<(i64, Vec<u8>)>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The hash of entry `seq`, if there is one.
pub(crate) fn hash_at(conn: &Connection, seq: i64) -> Result<Option<Vec<u8>>, StoreError> {
    Ok(conn
        .query_row("SELECT hash FROM audit WHERE seq = ?1", [seq], |r| r.get(0))
        .optional()?)
}

/// Wrong tries kept until now (a wrong PIN cannot open the chain), each at the time it was made.
pub(crate) fn record_failed_unlocks(
    conn: &Connection,
    failures: &[crate::tries::FailedUnlock],
) -> Result<(), StoreError> {
    for failure in failures {
        let subject = failure.user.map(|u| u.to_string()).unwrap_or_default();
        record(conn, failure.at, AuditEvent::UnlockFailed, &subject, "")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// Two connections to one data folder auditing at once (an unlock under way beside the
    /// open store, or the command line beside the app), each from its own thread: every entry
    /// lands, none beside another, and the chain stays whole.
    #[test]
    fn two_connections_auditing_at_once_keep_one_whole_chain() {
        use std::sync::{Arc, Barrier};
        let dir = tempfile::tempdir().unwrap();
        drop(crate::testing::create(dir.path(), crate::SystemClock));
        let (views, start) = (200, Arc::new(Barrier::new(2)));
        let threads: Vec<_> = (0..2)
            .map(|n| {
                let (path, start) = (dir.path().to_owned(), start.clone());
                std::thread::spawn(move || {
                    let store = crate::testing::unlock(&path, crate::SystemClock);
                    start.wait();
                    for v in 0..views {
                        store
                            .audit(AuditEvent::ChildViewed, &format!("{n}-{v}"))
                            .unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let store = crate::testing::unlock(dir.path(), crate::SystemClock);
        let viewed = store
            .audit_entries()
            .unwrap()
            .into_iter()
            .filter(|e| e.event == AuditEvent::ChildViewed.name())
            .count();
        assert_eq!(viewed, 2 * views);
        assert!(
            matches!(store.verify_audit().unwrap(), ChainCheck::Intact { .. }),
            "{:?}",
            store.verify_audit()
        );
    }

    fn chain(n: usize) -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::migrations::migrate(&mut conn).unwrap();
        let t = Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap();
        for i in 0..n {
            let event = if i % 2 == 0 {
                AuditEvent::ChildViewed
            } else {
                AuditEvent::StoreOpened
            };
            let actor = if i % 3 == 0 { "" } else { "user-1" };
            record(&conn, t, event, &format!("subject-{i}"), actor).unwrap();
        }
        conn
    }

    #[test]
    fn an_untouched_chain_verifies() {
        assert_eq!(
            verify(&chain(0)).unwrap(),
            ChainCheck::Intact { entries: 0 }
        );
        assert_eq!(
            verify(&chain(5)).unwrap(),
            ChainCheck::Intact { entries: 5 }
        );
        let e = entries(&chain(2)).unwrap();
        assert_eq!(e[0].event, "child_viewed");
        assert_eq!(e[1].subject, "subject-1");
    }

    #[test]
    fn an_edited_entry_is_found() {
        let conn = chain(5);
        conn.execute(
            "UPDATE audit SET subject = 'someone-else' WHERE seq = 3",
            [],
        )
        .unwrap();
        assert_eq!(verify(&conn).unwrap(), ChainCheck::BrokenAt { seq: 3 });
    }

    #[test]
    fn an_entry_given_to_another_actor_is_found() {
        let conn = chain(5);
        conn.execute("UPDATE audit SET actor = 'user-2' WHERE seq = 2", [])
            .unwrap();
        assert_eq!(verify(&conn).unwrap(), ChainCheck::BrokenAt { seq: 2 });
        let conn = chain(5);
        conn.execute("UPDATE audit SET actor = '' WHERE seq = 3", [])
            .unwrap();
        assert_eq!(verify(&conn).unwrap(), ChainCheck::BrokenAt { seq: 3 });
    }

    #[test]
    fn a_removed_entry_is_found() {
        let conn = chain(5);
        conn.execute("DELETE FROM audit WHERE seq = 2", []).unwrap();
        assert_eq!(verify(&conn).unwrap(), ChainCheck::BrokenAt { seq: 2 });
    }

    #[test]
    fn a_rehashed_edit_still_breaks_the_next_entry() {
        let conn = chain(5);
        // Someone edits entry 2 and recomputes its own hash correctly...
        let prev: Vec<u8> = conn
            .query_row("SELECT hash FROM audit WHERE seq = 1", [], |r| r.get(0))
            .unwrap();
        let (at, event, actor): (String, String, String) = conn
            .query_row(
                "SELECT at, event, actor FROM audit WHERE seq = 2",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        let forged = entry_hash(&prev, 2, &at, &event, "forged", &actor);
        conn.execute(
            "UPDATE audit SET subject = 'forged', hash = ?1 WHERE seq = 2",
            [forged.as_slice()],
        )
        .unwrap();
        // ...which entry 3's hash no longer follows from.
        assert_eq!(verify(&conn).unwrap(), ChainCheck::BrokenAt { seq: 3 });
    }

    #[test]
    fn a_truncated_tail_cannot_be_told_from_a_shorter_chain_but_the_count_shows_it() {
        let conn = chain(5);
        conn.execute("DELETE FROM audit WHERE seq = 5", []).unwrap();
        // Dropping the newest entries leaves a valid prefix; the count is what reveals it,
        // which is why later work anchors the head elsewhere (sync, backups).
        assert_eq!(verify(&conn).unwrap(), ChainCheck::Intact { entries: 4 });
    }
}
