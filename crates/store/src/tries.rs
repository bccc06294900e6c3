//! Wrong PINs, counted per person in `harbour.tries` beside the key file.
//!
//! A try is counted as wrong before the PIN is checked and taken back only if it was right, so
//! many processes guessing at once are all counted; every read and write of the file happens
//! under an exclusive lock on `harbour.tries.lock`, shared by every Harbour process on the
//! computer. Names that match no one share one count of their own. Only a person's own right PIN
//! clears their count: another person's success leaves it. The wait grows after the third wrong
//! try in a row and never exceeds five minutes, whatever the file's times say (a clock set back
//! cannot lengthen it).
//!
//! The file holds ids and times only. Each wrong try is also kept until the next unlock writes
//! it into the audit chain (which a wrong PIN cannot open).

use chrono::{DateTime, Utc};
use harbour_core::UserId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::error::StoreError;
use crate::keys::write_atomically;

pub const TRIES_FILE: &str = "harbour.tries";
/// The longest wait, however many wrong tries.
pub const MAX_WAIT: Duration = Duration::from_secs(300);
/// Wrong tries kept for the audit chain, at most (the oldest go first).
const KEPT_FOR_AUDIT: usize = 1000;

/// A wrong try, kept until the next successful unlock writes it into the audit chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedUnlock {
    pub at: DateTime<Utc>,
    /// The person the typed name matched, if any.
    pub user: Option<UserId>,
}

/// One person's (or the unknown names') wrong tries in a row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Count {
    wrong: u32,
    last: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct TriesFile {
    #[serde(default)]
    people: BTreeMap<String, Count>,
    #[serde(default)]
    unknown: Count,
    /// Recovery keys tried in a restore.
    #[serde(default)]
    recovery: Count,
    #[serde(default)]
    to_audit: Vec<FailedUnlock>,
}

/// Who a try is for: a person, or a name that matches no one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Person(UserId),
    Unknown,
    /// A recovery key, in a restore.
    Recovery,
}

impl Who {
    pub fn user(self) -> Option<UserId> {
        match self {
            Who::Person(u) => Some(u),
            Who::Unknown | Who::Recovery => None,
        }
    }
}

/// How long to wait after `wrong` wrong tries in a row: nothing for the first three, then 5 s,
/// doubling each time, up to [`MAX_WAIT`].
pub fn wait_after(wrong: u32) -> Duration {
    if wrong < 3 {
        return Duration::ZERO;
    }
    let secs = 5u64.saturating_mul(1u64 << (wrong - 3).min(16));
    Duration::from_secs(secs).min(MAX_WAIT)
}

impl Count {
    /// Whole seconds still to wait at `now`; a time ahead of `now` counts as `now`.
    fn wait_seconds(self, now: DateTime<Utc>) -> u64 {
        let Some(last) = self.last else {
            return 0;
        };
        let wait = wait_after(self.wrong);
        let elapsed = (now - last.min(now)).to_std().unwrap_or(Duration::ZERO);
        let left = wait.saturating_sub(elapsed);
        if left.is_zero() {
            0
        } else {
            left.as_millis().div_ceil(1000).max(1) as u64
        }
    }
}

/// The tries file of one data folder.
#[derive(Clone, Debug)]
pub struct Tries {
    path: PathBuf,
}

impl Tries {
    pub fn new(dir: &Path) -> Self {
        Self {
            path: dir.join(TRIES_FILE),
        }
    }

    /// Runs `f` on the file's contents under the lock, saving what it leaves if it changed.
    fn with<T>(&self, f: impl FnOnce(&mut TriesFile) -> T) -> Result<T, StoreError> {
        let lock = crate::device::private_options().open(self.path.with_extension("tries.lock"))?;
        lock.lock()?;
        let mut file = match std::fs::read(&self.path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|_| damaged()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => TriesFile::default(),
            Err(e) => return Err(e.into()),
        };
        let before = file.clone();
        let out = f(&mut file);
        if file != before {
            let bytes = serde_json::to_vec(&file).map_err(|_| StoreError::Corrupt("tries"))?;
            write_atomically(&self.path, |out| out.write_all(&bytes))?;
        }
        drop(lock);
        Ok(out)
    }

    /// Seconds before `who` may try again (0: now).
    pub fn wait_seconds(&self, who: Who, now: DateTime<Utc>) -> Result<u64, StoreError> {
        self.with(|f| count(f, who).wait_seconds(now))
    }

    /// Counts a try as wrong before its PIN is checked: refused with the wait if `who` must
    /// wait first (and then not counted).
    pub fn begin(&self, who: Who, now: DateTime<Utc>) -> Result<(), StoreError> {
        let wait = self.with(|f| {
            let c = count_mut(f, who);
            let wait = c.wait_seconds(now);
            if wait == 0 {
                c.wrong = c.wrong.saturating_add(1);
                c.last = Some(now);
                f.to_audit.push(FailedUnlock {
                    at: now,
                    user: who.user(),
                });
                let over = f.to_audit.len().saturating_sub(KEPT_FOR_AUDIT);
                f.to_audit.drain(..over);
            }
            wait
        })?;
        if wait > 0 {
            Err(StoreError::WaitBeforeRetry(wait))
        } else {
            Ok(())
        }
    }

    /// The seconds `who` must now wait, after a try [`Tries::begin`] counted proved wrong.
    pub fn wrong(&self, who: Who, now: DateTime<Utc>) -> Result<u64, StoreError> {
        self.wait_seconds(who, now)
    }

    /// A try that proved right: the person's count is cleared (no one else's), the try is no
    /// longer a failure, and the wrong tries waiting for the audit chain are handed over.
    pub fn right(&self, user: UserId, at: DateTime<Utc>) -> Result<Vec<FailedUnlock>, StoreError> {
        self.with(|f| {
            f.people.remove(&user.to_string());
            if let Some(i) = f
                .to_audit
                .iter()
                .rposition(|t| t.user == Some(user) && t.at == at)
            {
                f.to_audit.remove(i);
            }
            std::mem::take(&mut f.to_audit)
        })
    }
}

impl Tries {
    /// A recovery key that proved right: the count of wrong ones is cleared (they stay for
    /// the audit chain).
    pub fn right_recovery(&self) -> Result<(), StoreError> {
        self.with(|f| {
            f.recovery = Count::default();
            if let Some(i) = f.to_audit.iter().rposition(|t| t.user.is_none()) {
                f.to_audit.remove(i);
            }
        })
    }
}

/// A tries file that cannot be read counts as the longest wait for names nobody knows, so
/// damaging it never resets anyone's count to nothing; the next right PIN clears it.
fn damaged() -> TriesFile {
    TriesFile {
        unknown: Count {
            wrong: 3,
            last: None,
        },
        ..TriesFile::default()
    }
}

fn count(f: &TriesFile, who: Who) -> Count {
    match who {
        Who::Person(u) => f.people.get(&u.to_string()).copied().unwrap_or_default(),
        Who::Unknown => f.unknown,
        Who::Recovery => f.recovery,
    }
}

fn count_mut(f: &mut TriesFile, who: Who) -> &mut Count {
    match who {
        Who::Person(u) => f.people.entry(u.to_string()).or_default(),
        Who::Unknown => &mut f.unknown,
        Who::Recovery => &mut f.recovery,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn person() -> Who {
        Who::Person(UserId::from_uuid(Uuid::now_v7()))
    }

    #[test]
    fn waits_grow_after_the_third_failure_and_are_capped() {
        let waits: Vec<u64> = (1..=12).map(|n| wait_after(n).as_secs()).collect();
        assert_eq!(waits, [0, 0, 5, 10, 20, 40, 80, 160, 300, 300, 300, 300]);
    }

    #[test]
    fn each_person_counts_alone_and_only_their_own_right_pin_clears_it() {
        let dir = tempfile::tempdir().unwrap();
        let tries = Tries::new(dir.path());
        let (sam, jo) = (person(), person());
        let now = Utc::now();
        for _ in 0..3 {
            tries.begin(sam, now).unwrap();
        }
        assert_eq!(tries.wrong(sam, now).unwrap(), 5);
        assert!(matches!(
            tries.begin(sam, now),
            Err(StoreError::WaitBeforeRetry(5))
        ));
        assert_eq!(tries.wait_seconds(jo, now).unwrap(), 0, "Jo is not held up");
        tries.begin(jo, now).unwrap();
        let audit = tries.right(jo.user().unwrap(), now).unwrap();
        assert_eq!(audit.len(), 3, "Sam's wrong tries, not Jo's right one");
        assert_eq!(
            tries.wait_seconds(sam, now).unwrap(),
            5,
            "Jo's success leaves Sam's count"
        );
        // A fresh handle (another process, a restart) sees the same.
        assert_eq!(Tries::new(dir.path()).wait_seconds(sam, now).unwrap(), 5);
        let later = now + chrono::Duration::seconds(5);
        tries.begin(sam, later).unwrap();
        assert_eq!(tries.wrong(sam, later).unwrap(), 10);
    }

    #[test]
    fn a_clock_set_back_or_a_damaged_file_never_waits_longer_than_the_cap_or_resets() {
        let dir = tempfile::tempdir().unwrap();
        let tries = Tries::new(dir.path());
        let sam = person();
        let future = Utc::now() + chrono::Duration::days(365);
        for _ in 0..20 {
            let _ = tries.begin(sam, future);
        }
        assert!(tries.wait_seconds(sam, Utc::now()).unwrap() <= MAX_WAIT.as_secs());
        std::fs::write(dir.path().join(TRIES_FILE), b"{ half").unwrap();
        let now = Utc::now();
        tries.begin(Who::Unknown, now).unwrap();
        assert_eq!(
            tries.wrong(Who::Unknown, now).unwrap(),
            10,
            "a damaged file starts unknown names at three wrong tries"
        );
    }

    #[test]
    fn tries_from_many_processes_at_once_are_all_counted() {
        let dir = tempfile::tempdir().unwrap();
        let sam = person();
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let tries = Tries::new(dir.path());
                std::thread::spawn(move || tries.with(|f| count_mut(f, sam).wrong += 1).unwrap())
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let tries = Tries::new(dir.path());
        assert_eq!(tries.with(|f| count(f, sam).wrong).unwrap(), 8);
    }
}
