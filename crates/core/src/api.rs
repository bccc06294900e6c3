//! The shapes that cross the IPC boundary between the Tauri shell and the UI. Both sides compile
//! these same types, so a renamed field breaks the build rather than a carer's screen.

use serde::{Deserialize, Serialize};

use crate::child::{Child, FieldError};
use crate::episode::MissingEpisode;
use crate::users::{Action, Role};

/// Every failed command returns this: a stable code, the Fluent message for the carer, and any
/// field-level problems to show next to their fields. Never a raw error text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub code: String,
    pub message_id: String,
    #[serde(default)]
    pub fields: Vec<FieldError>,
    /// After repeated wrong PINs: seconds before the next try is allowed.
    #[serde(default)]
    pub retry_after_seconds: Option<u64>,
    /// Problems with fields of a profile section, by field key.
    #[serde(default)]
    pub profile_fields: Vec<crate::profile::ProfileProblem>,
}

impl ApiError {
    /// The app locked itself (idle) or was locked: the UI shows the lock screen.
    pub fn locked() -> Self {
        Self {
            code: "locked".into(),
            message_id: "error-locked".into(),
            fields: Vec::new(),
            retry_after_seconds: None,
            profile_fields: Vec::new(),
        }
    }

    /// For failures the UI cannot map to anything better (the IPC itself failed).
    pub fn backend() -> Self {
        Self {
            code: "backend".into(),
            message_id: "error-backend".into(),
            fields: Vec::new(),
            retry_after_seconds: None,
            profile_fields: Vec::new(),
        }
    }
}

/// One row of the home screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildEntry {
    pub child: Child,
    pub open_episode: Option<MissingEpisode>,
    /// Where the open episode stands (found or back, return interview), if one is open.
    #[serde(default)]
    pub summary: Option<crate::episode::EpisodeSummary>,
    /// How many parts of the profile need checking now.
    #[serde(default)]
    pub reviews_due: usize,
    /// How many risk checklists are due for a new assessment.
    #[serde(default)]
    pub checklists_due: usize,
    /// Return interviews still to happen, whatever their episode's status (an episode whose
    /// missing part is closed keeps its interview on the list until it is held or declined).
    #[serde(default)]
    pub interviews: Vec<InterviewOutstanding>,
    /// The home or household the child is in (`None` in a store with no teams).
    #[serde(default)]
    pub team: Option<crate::TeamId>,
}

/// A return interview due or overdue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewOutstanding {
    pub episode: crate::EpisodeId,
    /// Back at the placement (or found): the 72 hours run from here.
    pub returned_at: chrono::DateTime<chrono::Utc>,
    pub status: crate::interview::InterviewStatus,
    /// The missing part is closed: the record opens on what follows the return.
    pub closed: bool,
    pub last_offer: Option<crate::interview::Offer>,
}

impl InterviewOutstanding {
    /// From an episode, if its interview is still to happen.
    pub fn of(view: &EpisodeView) -> Option<Self> {
        let status = view.summary.interview?;
        if !status.is_outstanding() {
            return None;
        }
        Some(Self {
            episode: view.episode.id,
            returned_at: view.summary.returned_at()?,
            status,
            closed: view.summary.closed_at.is_some() || view.episode.closed_at.is_some(),
            last_offer: view.summary.interview_facts.last_offer().cloned(),
        })
    }

    /// When it is or was due: the list puts the most pressing first.
    pub fn due(&self) -> chrono::DateTime<chrono::Utc> {
        match self.status {
            crate::interview::InterviewStatus::Due { by, .. } => by,
            crate::interview::InterviewStatus::Overdue { since, .. } => since,
            _ => self.returned_at,
        }
    }
}

impl ChildEntry {
    /// Missing now: an open episode and not yet found or back.
    pub fn is_missing(&self) -> bool {
        self.open_episode.is_some() && !self.is_back()
    }

    /// Found or back, with the episode still open (interview and close to come).
    pub fn is_back(&self) -> bool {
        self.summary.as_ref().is_some_and(|s| s.found.is_some())
    }
}

/// The answer to "Child missing".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reported {
    pub episode: MissingEpisode,
    /// The child was already missing; these are the steps of the episode already open.
    pub already_open: bool,
    /// The child's profile and photo, opened (and audited) with the report so the steps screen
    /// shows the photo and key facts without a second round trip.
    #[serde(default)]
    pub opened: Option<crate::profile::ProfileOpened>,
}

/// Where this computer keeps the device secret that every PIN is combined with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeviceKeyPlace {
    /// The desktop's keyring (encrypted under the computer account's password).
    Keyring,
    /// A private file in the account's settings: no keyring on this computer.
    File,
}

/// Whether the disk the records are on is encrypted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiskState {
    Encrypted,
    NotEncrypted,
    Unknown,
}

/// How this computer protects the records besides the PINs: shown at set-up and in Settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Protection {
    pub device_key: DeviceKeyPlace,
    pub disk: DiskState,
}

impl Protection {
    pub fn device_key_message_id(self) -> &'static str {
        match self.device_key {
            DeviceKeyPlace::Keyring => "protection-keyring",
            DeviceKeyPlace::File => "protection-key-file",
        }
    }

    pub fn disk_message_id(self) -> &'static str {
        match self.disk {
            DiskState::Encrypted => "protection-disk-encrypted",
            DiskState::NotEncrypted => "protection-disk-not-encrypted",
            DiskState::Unknown => "protection-disk-unknown",
        }
    }
}

/// A new recovery key, shown once to the administrator who made it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewRecoveryKey {
    /// Nine groups of four letters and digits.
    pub key: String,
    pub made_at: chrono::DateTime<chrono::Utc>,
}

/// What replacing the records' key did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeysReplaced {
    /// Staff the new key was given to.
    pub kept: usize,
    /// Staff who now need a new PIN from an administrator (not signed in since an update).
    pub dropped: usize,
}

/// What the lock screen and the header need: whether Harbour is set up, locked, and who is in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockStatus {
    /// False on first run: the first user must be created.
    pub set_up: bool,
    /// With more than one user, the unlock form asks for a name too.
    pub needs_name: bool,
    /// Seconds before the next unlock attempt is allowed (after repeated wrong PINs).
    pub wait_seconds: u64,
    pub auto_lock_minutes: u32,
    /// A demonstration store of fictional children: its PIN is shown on the lock screen.
    pub demo_pin: Option<String>,
    /// Who has unlocked; `None` while locked.
    pub user: Option<SignedIn>,
    /// Why these records cannot be unlocked at all (their key file is missing or damaged), as
    /// a message id: the lock screen says so, and still offers "Child missing" and the help.
    #[serde(default)]
    pub problem: Option<String>,
}

/// The user who unlocked, and what the UI may offer them (the store enforces it regardless).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedIn {
    pub name: String,
    pub role: Role,
    pub may: Vec<Action>,
}

/// The unlock form.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unlock {
    /// Empty when only one user exists.
    pub name: String,
    pub pin: String,
}

// PINs are wiped from memory when the form is dropped.
impl Drop for Unlock {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.pin);
    }
}

impl Drop for PinChange {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.current);
        zeroize::Zeroize::zeroize(&mut self.new);
        zeroize::Zeroize::zeroize(&mut self.again);
    }
}

impl std::fmt::Debug for Unlock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Unlock").finish_non_exhaustive()
    }
}

/// A backup being written, as the settings screen polls it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupProgress {
    /// 0–100.
    pub percent: u8,
    /// Where the file is written (shown so it can be copied somewhere safe).
    pub path: String,
    pub done: bool,
    pub error: Option<ApiError>,
}

/// The "change my PIN" form.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinChange {
    pub current: String,
    pub new: String,
    pub again: String,
}

impl std::fmt::Debug for PinChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PinChange").finish_non_exhaustive()
    }
}

/// The grab sheet as the print view shows it: exactly what the PDF prints, and the photos as
/// `data:` URLs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetPage {
    pub content: crate::sheet::SheetContent,
    pub photo: Option<String>,
    pub full_photo: Option<String>,
}

/// A missing episode with everything recorded in it and where it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EpisodeView {
    pub episode: MissingEpisode,
    /// Oldest first, as recorded.
    pub events: Vec<crate::episode::EventRecord>,
    pub summary: crate::episode::EpisodeSummary,
    /// The names of the people who recorded its events, where this device knows them.
    #[serde(default)]
    pub names: std::collections::BTreeMap<crate::UserId, String>,
    /// Some of it came from another device and its author could not be checked yet: shown,
    /// marked "needs checking".
    #[serde(default)]
    pub needs_checking: bool,
}

impl EpisodeView {
    /// When the child came back from this episode: back at the placement (or found), or else
    /// closed; never for an episode that ended with the child still missing.
    pub fn returned_at(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        if self.summary.found.is_none() && self.summary.ended_missing.is_some() {
            return None;
        }
        self.summary.returned_at().or(self.episode.closed_at)
    }

    /// The name of who recorded something, or `None` where this device does not know them.
    pub fn name_of(&self, user: crate::UserId) -> Option<&str> {
        self.names.get(&user).map(String::as_str)
    }

    /// The running log, oldest first, each line with its latest wording.
    pub fn updates(&self) -> Vec<crate::episode::LogLine> {
        crate::episode::log_lines(&self.events)
    }
}

/// Which entries of the audit record to show: about one child (their record and their
/// episodes), and between two days of this computer's calendar, both included.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    #[serde(default)]
    pub child: Option<crate::ChildId>,
    #[serde(default)]
    pub from: Option<chrono::NaiveDate>,
    #[serde(default)]
    pub to: Option<chrono::NaiveDate>,
}

/// What an audit entry is about, named as far as this device and the reader's homes allow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AuditAbout {
    /// The entry is about no one (an unlock, the store opened).
    Nothing,
    /// A child, or one of their episodes.
    Child { id: crate::ChildId, name: String },
    /// A child in a home the reader does not see, or not on this device.
    OtherChild,
    /// A member of staff.
    Staff { name: String },
    /// A home (team).
    Team { name: String },
    /// Words the entry carries: a setting's name, an export's format.
    Text { text: String },
}

/// One entry of the audit record, for reading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine {
    pub seq: i64,
    pub at: chrono::DateTime<chrono::Utc>,
    /// The event's stable name (`unlocked`, `grab_sheet_saved`, …); the screen words it.
    pub event: String,
    /// Who did it; empty when Harbour did (a lock after idle time, a start).
    pub who: String,
    pub about: AuditAbout,
}

impl AuditLine {
    /// Who did it: a name, or "Harbour" for what Harbour did by itself.
    pub fn who_words(&self, w: &impl crate::words::Words) -> String {
        match self.who.is_empty() {
            true => w.tr("audit-harbour"),
            false => self.who.clone(),
        }
    }

    /// What was done, e.g. "Saved a copy of the grab sheet".
    pub fn event_words(&self, w: &impl crate::words::Words) -> String {
        w.tr(&format!("audit-event-{}", self.event))
    }
}

impl AuditAbout {
    /// Whom or what the entry is about, in words; empty when about no one.
    pub fn words(&self, w: &impl crate::words::Words) -> String {
        let named = |id: &str, name: &str| w.tr_with(id, &[("name", name.into())]);
        match self {
            AuditAbout::Nothing => String::new(),
            AuditAbout::Child { name, .. } => name.clone(),
            AuditAbout::OtherChild => w.tr("audit-other-child"),
            AuditAbout::Staff { name } => named("audit-about-staff", name),
            AuditAbout::Team { name } => named("audit-about-home", name),
            AuditAbout::Text { text } => text.clone(),
        }
    }
}

/// Whether the chain of entries is whole: each entry's hash covers the one before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum AuditChain {
    Intact {
        entries: i64,
    },
    /// Changed, removed or reordered from this entry on.
    BrokenAt {
        seq: i64,
    },
}

/// The audit record as the screen shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditView {
    /// Newest first, at most [`AUDIT_SHOWN`].
    pub lines: Vec<AuditLine>,
    /// How many entries match the filter in all (the export has them all).
    pub matching: usize,
    pub chain: AuditChain,
    /// The children the reader may pick to filter by, by name.
    pub children: Vec<(crate::ChildId, String)>,
}

/// The most entries the screen lists at once; the export has every matching one.
pub const AUDIT_SHOWN: usize = 500;

/// One team's sync, as the status strip and the settings show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamSync {
    pub team: crate::TeamId,
    pub team_name: String,
    /// The hub's address.
    pub hub: String,
    pub last_synced_at: Option<chrono::DateTime<chrono::Utc>>,
    /// This device's records not yet on the hub.
    pub waiting: usize,
    /// How the last try ended, if it failed: a stable code (`sync-error-<code>` words it).
    pub error: Option<String>,
}

/// Every team this device syncs, and whether a sync is under way now.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncView {
    pub teams: Vec<TeamSync>,
    pub running: bool,
    /// Records received so far by the sync under way, and how many the hub said there are.
    pub progress: Option<(u64, u64)>,
}

/// Joining a hub from the settings: with an invitation code (a device after the first), or as
/// the team's first device with the hub's address, its certificate's fingerprint (when it
/// made its own) and a one-time token. The PIN lets the person sign in on the team's other
/// devices too.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncJoin {
    pub code: String,
    pub hub: String,
    pub fingerprint: String,
    pub token: String,
    pub pin: String,
}

/// A profile field changed on two devices at once: the value shown (it was saved last) and the
/// other, for a person to choose between.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangedTwice {
    pub child: crate::ChildId,
    pub child_name: String,
    pub section: crate::profile::Section,
    /// The profile field (its label is `pf-<key>`).
    pub key: String,
    pub shown: serde_json::Value,
    pub shown_by: String,
    pub shown_at: Option<chrono::DateTime<chrono::Utc>>,
    pub other: serde_json::Value,
    pub other_by: String,
    pub other_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Names the other value, to choose it.
    pub other_op: String,
}
