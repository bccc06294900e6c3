//! The lock: whether the store is open, who opened it, and when it locks itself. While locked
//! the shell holds no key and no open database; every command but the lock screen's is refused.

use harbour_core::api::{LockStatus, SignedIn};
use harbour_core::help::ChildHelpSettings;
use harbour_core::{Action, EpisodeId, NewUser};
use harbour_store::{DataDir, KdfParams, Store, StoreError, SystemClock, DEMO_PIN};
use std::time::Duration;

use crate::files::PrivateFiles;

/// Time since the computer started, counting time asleep (`CLOCK_BOOTTIME`): a laptop closed
/// for the night has been idle all night. (`Instant` stops while the computer sleeps.)
pub fn awake_clock() -> Duration {
    #[cfg(target_os = "linux")]
    {
        let t = rustix::time::clock_gettime(rustix::time::ClockId::Boottime);
        Duration::new(
            u64::try_from(t.tv_sec).unwrap_or(0),
            u32::try_from(t.tv_nsec).unwrap_or(0),
        )
    }
    #[cfg(not(target_os = "linux"))]
    {
        static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
        START.get_or_init(std::time::Instant::now).elapsed()
    }
}

/// The longest any idle lock waits: the longest the auto-lock and the during-an-episode
/// settings allow.
fn longest_idle() -> Duration {
    let minutes = (*harbour_store::AUTO_LOCK_MINUTES.end())
        .max(*harbour_core::organisation::EPISODE_LOCK_MINUTES.end());
    Duration::from_secs(u64::from(minutes) * 60)
}

#[derive(Debug)]
pub struct Gate {
    data: DataDir,
    store: Option<Store>,
    /// [`awake_clock`] (or a test's clock) at the last activity.
    last_active: Duration,
    clock: fn() -> Duration,
    kdf: KdfParams,
    /// The home's numbers for a child and its kind, kept from the last time the store was open,
    /// so the lock screen can show the child's help without unlocking (public numbers and a
    /// foster home or not, not records). Harbour's defaults until someone unlocks after a start.
    help: ChildHelpSettings,
    /// The steps screen of an open episode is in front: lock after this longer time instead.
    during_episode: Option<Duration>,
    /// Grab sheets opened in the PDF viewer: deleted when this locks.
    files: PrivateFiles,
}

/// Why a command could not reach the store.
#[derive(Debug)]
pub enum Refused {
    Locked,
    Store(StoreError),
}

impl From<StoreError> for Refused {
    fn from(e: StoreError) -> Self {
        Refused::Store(e)
    }
}

impl Gate {
    pub fn new(data: DataDir, kdf: KdfParams, files: PrivateFiles) -> Self {
        Self::with_clock(data, kdf, files, awake_clock)
    }

    /// With another clock than [`awake_clock`] (tests).
    pub fn with_clock(
        data: DataDir,
        kdf: KdfParams,
        files: PrivateFiles,
        clock: fn() -> Duration,
    ) -> Self {
        Self {
            files,
            data,
            store: None,
            last_active: clock(),
            clock,
            kdf,
            help: ChildHelpSettings::default(),
            during_episode: None,
        }
    }

    pub fn status(&mut self) -> Result<LockStatus, StoreError> {
        self.lock_if_idle();
        let status = self.data.status(&SystemClock)?;
        let user = match &self.store {
            Some(store) => {
                let me = store.current_user()?;
                Some(SignedIn {
                    name: me.name,
                    role: me.role,
                    may: ALL_ACTIONS
                        .into_iter()
                        .filter(|a| me.role.may(*a))
                        .collect(),
                })
            }
            None => None,
        };
        Ok(LockStatus {
            set_up: status.set_up,
            needs_name: status.users > 1,
            wait_seconds: status.wait_seconds,
            auto_lock_minutes: status.auto_lock_minutes,
            demo_pin: status.demo.then(|| DEMO_PIN.to_owned()),
            user,
            problem: status.problem.map(str::to_owned),
        })
    }

    /// First run: the first user (an admin) is created and is signed in.
    pub fn set_up(&mut self, first: &NewUser) -> Result<LockStatus, StoreError> {
        let store = self.data.create(first, self.kdf, SystemClock)?;
        self.install(store)
    }

    pub fn unlock(&mut self, name: &str, pin: &str) -> Result<LockStatus, StoreError> {
        self.lock();
        let store = self.data.unlock(Self::name_typed(name), pin, SystemClock)?;
        self.install(store)
    }

    /// The name typed on the lock screen, if any (one user needs none).
    pub fn name_typed(name: &str) -> Option<&str> {
        Some(name.trim()).filter(|n| !n.is_empty())
    }

    /// The data folder and key-derivation cost, for opening a store without holding the gate
    /// (the commands derive the key outside it, then [`Gate::install`] the store).
    pub fn data(&self) -> DataDir {
        self.data.clone()
    }

    pub fn kdf(&self) -> KdfParams {
        self.kdf
    }

    /// Signs in with a store opened outside the gate (whoever was signed in is signed out).
    pub fn install(&mut self, store: Store) -> Result<LockStatus, StoreError> {
        self.lock();
        self.store = Some(store);
        self.last_active = (self.clock)();
        self.status()
    }

    /// Closes the database (the key is zeroised as the store drops) and deletes every file
    /// opened for viewing.
    pub fn lock(&mut self) {
        self.during_episode = None;
        self.files.delete_all();
        if let Some(store) = self.store.take() {
            if let Ok(org) = store.organisation() {
                self.help = ChildHelpSettings::from(&org);
            }
            // Locking must happen even if the record of it cannot be written.
            let _ = store.lock();
        }
    }

    /// The user is still at the screen (the UI reports keys and clicks, at most once a minute).
    pub fn still_here(&mut self) {
        self.lock_if_idle();
        if self.store.is_some() {
            self.last_active = (self.clock)();
        }
    }

    fn ordinary_minutes(&self) -> u32 {
        self.data
            .status(&SystemClock)
            .map(|s| s.auto_lock_minutes)
            .unwrap_or(harbour_store::DEFAULT_AUTO_LOCK_MINUTES)
    }

    fn idle_limit(&self) -> Duration {
        let ordinary = Duration::from_secs(u64::from(self.ordinary_minutes()) * 60);
        // Whatever a setting or a file says, never longer than the longest either allows.
        self.during_episode
            .map_or(ordinary, |d| d.max(ordinary))
            .min(longest_idle())
    }

    /// An open episode's steps screen is in front: the desktop's screen lock leaves Harbour
    /// open (the carer is in the middle of reporting), within the longer, capped idle time.
    pub fn steps_of_an_open_episode_in_front(&self) -> bool {
        self.during_episode.is_some()
    }

    /// The steps screen of `episode` came in front (`None`: it went). While an open episode's
    /// steps are in front the lock waits the home's longer time (audited). Returns the minutes
    /// the lock now waits. Counts as activity.
    pub fn steps_in_front(&mut self, episode: Option<EpisodeId>) -> Result<u32, Refused> {
        let ordinary = self.ordinary_minutes();
        let extended = match episode {
            Some(id) => self.store()?.lock_during_episode(id, ordinary)?,
            None => None,
        };
        self.during_episode = extended.map(|m| Duration::from_secs(u64::from(m) * 60));
        Ok(extended.unwrap_or(ordinary))
    }

    /// The UI locks itself after the idle time; this is the shell's own check, so a stalled or
    /// tampered UI cannot keep the store open.
    fn lock_if_idle(&mut self) {
        let idle = (self.clock)().saturating_sub(self.last_active);
        if self.store.is_some() && idle > self.idle_limit() {
            self.lock();
        }
    }

    /// Where files opened for viewing are written.
    pub fn private_folder(&self) -> std::path::PathBuf {
        self.files.folder().to_owned()
    }

    /// The files opened for viewing; only while unlocked.
    pub fn files(&mut self) -> Result<&mut PrivateFiles, Refused> {
        self.store()?;
        Ok(&mut self.files)
    }

    /// The open store, for a command; counts as activity.
    pub fn store(&mut self) -> Result<&mut Store, Refused> {
        self.lock_if_idle();
        self.last_active = (self.clock)();
        self.store.as_mut().ok_or(Refused::Locked)
    }

    pub fn is_unlocked(&self) -> bool {
        self.store.is_some()
    }

    /// What the child's help shows: the home's numbers and kind, read now if the store is open,
    /// else those kept when it locked. Never counts as activity.
    pub fn help_numbers(&mut self) -> ChildHelpSettings {
        self.lock_if_idle();
        if let Some(org) = self.store.as_ref().and_then(|s| s.organisation().ok()) {
            self.help = ChildHelpSettings::from(&org);
        }
        self.help.clone()
    }
}

const ALL_ACTIONS: [Action; 10] = [
    Action::ViewChildren,
    Action::EditChildren,
    Action::RecordMissing,
    Action::ExportRecords,
    Action::MakeBackup,
    Action::ViewAudit,
    Action::ChangeSettings,
    Action::ManageUsers,
    Action::SignOffAssessments,
    Action::MoveRecords,
];

#[cfg(test)]
mod tests {
    use super::*;
    use harbour_core::NewUser;

    fn data(dir: &std::path::Path) -> DataDir {
        let secrets = std::sync::Arc::new(harbour_store::SecretFolder::new(dir.join("device")));
        DataDir::new(dir, secrets)
    }

    fn files(dir: &std::path::Path) -> PrivateFiles {
        PrivateFiles::new(dir.join("private"))
    }

    fn unlocked(dir: &std::path::Path) -> Gate {
        let mut gate =
            Gate::with_clock(data(dir), KdfParams::OWASP_MINIMUM, files(dir), test_clock);
        gate.set_up(&NewUser {
            name: "Sam Admin".into(),
            pin: "402719".into(),
            pin_again: "402719".into(),
        })
        .unwrap();
        gate
    }

    /// The tests' clock: a day after start-up, so any idle time can be taken back from it.
    fn test_clock() -> Duration {
        Duration::from_secs(86_400)
    }

    /// As if the last activity was `minutes` ago (awake or asleep: the clock counts both).
    fn idle_for(gate: &mut Gate, minutes: u64) {
        gate.last_active = test_clock() - Duration::from_secs(minutes * 60);
    }

    #[test]
    fn the_idle_clock_counts_time_asleep() {
        // CLOCK_BOOTTIME is never behind the monotonic clock, which stops during sleep; both
        // move forward.
        #[cfg(target_os = "linux")]
        {
            let t = rustix::time::clock_gettime(rustix::time::ClockId::Monotonic);
            let monotonic = Duration::new(t.tv_sec as u64, t.tv_nsec as u32);
            let awake = awake_clock();
            assert!(awake >= monotonic, "{awake:?} < {monotonic:?}");
        }
        let awake = awake_clock();
        std::thread::sleep(Duration::from_millis(5));
        assert!(awake_clock() > awake);
    }

    #[test]
    fn the_lock_screen_keeps_the_home_s_numbers_for_a_child_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let mut gate = unlocked(dir.path());
        assert_eq!(gate.help_numbers(), ChildHelpSettings::default());
        let store = gate.store().unwrap();
        let mut org = store.organisation().unwrap();
        org.help.childline = "0800 2222".into();
        org.home_kind = harbour_core::organisation::HomeKind::ChildrensHome;
        store.save_organisation(&org).unwrap();
        gate.lock();
        assert!(!gate.is_unlocked());
        let kept = gate.help_numbers();
        assert_eq!(
            (kept.numbers.childline.as_str(), kept.home_kind),
            (
                "0800 2222",
                harbour_core::organisation::HomeKind::ChildrensHome
            ),
            "kept after locking"
        );
        assert!(
            matches!(gate.store(), Err(Refused::Locked)),
            "and still locked"
        );
        // After a restart, Harbour's own numbers until someone unlocks.
        let mut fresh = Gate::new(
            data(dir.path()),
            KdfParams::OWASP_MINIMUM,
            files(dir.path()),
        );
        assert_eq!(fresh.help_numbers(), ChildHelpSettings::default());
    }

    #[test]
    fn the_shell_locks_itself_after_the_idle_time_whatever_the_ui_does() {
        let dir = tempfile::tempdir().unwrap();
        let mut gate = unlocked(dir.path());
        idle_for(&mut gate, 9);
        assert!(gate.store().is_ok(), "9 minutes idle: still open");
        assert!(gate.is_unlocked());
        idle_for(&mut gate, 11);
        assert!(matches!(gate.store(), Err(Refused::Locked)));
        assert!(!gate.is_unlocked(), "the store (and its key) is gone");
        let status = gate.status().unwrap();
        assert!(status.set_up && status.user.is_none());
    }

    #[test]
    fn every_lock_deletes_the_files_opened_for_viewing_and_none_are_made_locked() {
        let dir = tempfile::tempdir().unwrap();
        let mut gate = unlocked(dir.path());
        let child = "01936b6e-7c00-7000-8000-000000000001".parse().unwrap();
        let opened = gate.files().unwrap().write(child, b"%PDF").unwrap();
        assert!(opened.exists());
        idle_for(&mut gate, 11);
        assert!(matches!(gate.files(), Err(Refused::Locked)));
        assert!(!opened.exists(), "the idle lock deleted it");

        let other = tempfile::tempdir().unwrap();
        let mut gate = unlocked(other.path());
        let opened = gate.files().unwrap().write(child, b"%PDF").unwrap();
        gate.lock();
        assert!(!opened.exists(), "locking by hand deleted it");
    }

    #[test]
    fn an_open_episode_s_steps_in_front_wait_the_home_s_longer_time() {
        let dir = tempfile::tempdir().unwrap();
        let mut gate = unlocked(dir.path());
        let store = gate.store().unwrap();
        let child = store
            .add_child(
                &harbour_core::ChildInput {
                    name_latin: "Sample Ruth".into(),
                    date_of_birth: "2011-03-04".into(),
                    ..Default::default()
                },
                None,
            )
            .unwrap();
        let episode = store.report_missing(child.id).unwrap().episode.id;
        assert_eq!(gate.steps_in_front(Some(episode)).unwrap(), 60);
        idle_for(&mut gate, 30);
        assert!(gate.store().is_ok(), "30 minutes on the steps: still open");
        // Back on the list: the ordinary 10 minutes again.
        assert_eq!(gate.steps_in_front(None).unwrap(), 10);
        idle_for(&mut gate, 11);
        assert!(matches!(gate.store(), Err(Refused::Locked)));
    }

    #[test]
    fn no_setting_keeps_it_open_longer_than_four_hours() {
        let dir = tempfile::tempdir().unwrap();
        let mut gate = unlocked(dir.path());
        // As if a damaged or hostile setting asked for a week during an episode.
        gate.during_episode = Some(Duration::from_secs(7 * 24 * 3600));
        assert!(gate.steps_of_an_open_episode_in_front());
        idle_for(&mut gate, 239);
        assert!(gate.store().is_ok());
        idle_for(&mut gate, 241);
        assert!(matches!(gate.store(), Err(Refused::Locked)));
        assert!(!gate.steps_of_an_open_episode_in_front(), "locking ends it");
    }

    #[test]
    fn still_here_keeps_it_open_but_cannot_reopen_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut gate = unlocked(dir.path());
        idle_for(&mut gate, 9);
        gate.still_here();
        idle_for(&mut gate, 0);
        assert!(gate.store().is_ok());
        idle_for(&mut gate, 30);
        gate.still_here();
        assert!(
            !gate.is_unlocked(),
            "a late 'still here' does not undo the lock"
        );
    }
}
