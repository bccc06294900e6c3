//! The store's typed errors, each with a stable code and the Fluent message a carer sees.

use harbour_core::profile::ProfileProblem;
use harbour_core::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The input broke one or more rules; nothing was written.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// A profile section broke one or more rules; nothing was written.
    #[error("invalid profile section: {0:?}")]
    InvalidProfile(Vec<ProfileProblem>),
    #[error("record not found")]
    NotFound,
    /// An op from another device is stamped more than a day ahead of this device's clock.
    #[error("an op is stamped too far in the future")]
    FromTheFuture,
    #[error("database error: {0}")]
    Db(rusqlite::Error),
    #[error("could not read or write the data folder: {0}")]
    Io(#[from] std::io::Error),
    /// A stored value that cannot be read back (a bug or a damaged file), named by column.
    #[error("stored value cannot be read: {0}")]
    Corrupt(&'static str),
    /// The name or PIN typed at unlock matches no one. Counted and, later, audited. Carries
    /// the seconds before the next try is allowed (0: at once).
    #[error("the name or PIN is not right")]
    WrongPin(u64),
    /// Too many wrong PINs in a row: the next try is allowed after this many seconds.
    #[error("wait {0} s before trying again")]
    WaitBeforeRetry(u64),
    /// The user was disabled: their PIN no longer opens the store.
    #[error("this user has been disabled")]
    UserDisabled,
    /// The user's role does not allow what was asked.
    #[error("not allowed for this role")]
    NotAllowed,
    /// No store here yet: the first user must be created.
    #[error("no store has been set up here")]
    NotSetUp,
    /// First-run set-up or a restore was asked for where a store already exists.
    #[error("a store already exists here")]
    AlreadySetUp,
    /// A device joined a team, but the sync brought no one who can sign in on it yet.
    #[error("no one of the team can sign in on this device yet")]
    NoOneCanSignIn,
    /// A transfer package's passphrase is too short to be safe.
    #[error("the passphrase is too short")]
    WeakPassphrase,
    /// Not a transfer package, changed or damaged, or not opened with its passphrase.
    #[error("the transfer package was refused")]
    TransferRefused,
    /// The record a package brings is here already.
    #[error("that record is here already")]
    AlreadyHere,
    /// The key opened, but the database is damaged, truncated or missing.
    #[error("the store is damaged or incomplete")]
    Damaged,
    /// The key file (wrapped keys, salts) cannot be read.
    #[error("the key file is damaged")]
    KeyFileDamaged,
    /// Made by a newer Harbour; this version must not touch it.
    #[error("made by a newer version of Harbour")]
    TooNew,
    /// The file is not a Harbour backup at all.
    #[error("not a Harbour backup")]
    NotABackup,
    /// The backup is shorter than it says or its contents were changed.
    #[error("the backup is incomplete or has been changed")]
    BackupDamaged,
    /// The keyring (or the device secret file) did not answer or held something unreadable.
    #[error("the device secret cannot be read or kept")]
    DeviceSecretUnavailable,
    /// This computer has no device secret for the store: the data folder was copied here, or
    /// the keyring was reset.
    #[error("this computer has no device secret for the store")]
    DeviceSecretMissing,
    /// The key that opened is not one the records know (added outside Harbour, or revoked):
    /// refused, and recorded for the administrators.
    #[error("this key is not one the records know")]
    KeyNotRecognised,
    /// A user was disabled, but the data key could not be replaced (another window or process
    /// has the store open): their old key must still be rotated away.
    #[error("the data key could not be replaced")]
    KeysNotReplaced,
    /// No recovery key has been made, so no backup can be (or this backup has none).
    #[error("no recovery key")]
    NoRecoveryKey,
    /// The recovery key typed is well formed but not this backup's; carries the wait.
    #[error("not this backup's recovery key")]
    WrongRecoveryKey(u64),
    /// The name given for a restore with the recovery key is not an administrator's.
    #[error("not an administrator of these records")]
    NotAnAdmin,
    /// Records are here but their key file is not: nothing is set up over them or removed.
    #[error("the key file is missing")]
    KeyFileMissing,
    /// The recovery key given is not the one backups are sealed to now (a newer one was made).
    #[error("not the current recovery key")]
    NotCurrentRecoveryKey,
    /// Sample children go only into a demonstration store, never next to real records.
    #[error("not a demonstration store")]
    NotADemo,
    /// Records from the hub that do not follow on from what this device holds of their
    /// series, or that differ from it: nothing of them was taken in.
    #[error("records from the hub do not follow on from those held here")]
    SyncOutOfOrder,
    /// The child's record here was moved to another team or merged into another record:
    /// what it holds stays, but nothing more is added to it here.
    #[error("that record is read-only here")]
    ReadOnlyRecord,
    /// A child missing now stays with the team that reported them until they are found.
    #[error("the child is missing now")]
    MissingNow,
    /// Moving a child takes a device that holds both teams, and a member of both.
    #[error("not a member of that team on this device")]
    NotInThatTeam,
    /// Two records to merge must be two different children of the same team.
    #[error("those two records cannot be merged")]
    CannotMerge,
}

impl StoreError {
    /// Stable across releases; the UI and logs may match on it.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Invalid(_) | StoreError::InvalidProfile(_) => "invalid",
            StoreError::NotFound => "not_found",
            StoreError::FromTheFuture => "from_the_future",
            StoreError::Db(_) | StoreError::Io(_) | StoreError::Corrupt(_) => "storage",
            StoreError::WrongPin(_) => "wrong_pin",
            StoreError::WaitBeforeRetry(_) => "wait",
            StoreError::UserDisabled => "user_disabled",
            StoreError::NotAllowed => "not_allowed",
            StoreError::NotSetUp => "not_set_up",
            StoreError::AlreadySetUp => "already_set_up",
            StoreError::NoOneCanSignIn => "no_one_can_sign_in",
            StoreError::WeakPassphrase => "weak_passphrase",
            StoreError::TransferRefused => "transfer_refused",
            StoreError::AlreadyHere => "already_here",
            StoreError::Damaged => "damaged",
            StoreError::KeyFileDamaged => "key_file_damaged",
            StoreError::TooNew => "too_new",
            StoreError::NotABackup => "not_a_backup",
            StoreError::BackupDamaged => "backup_damaged",
            StoreError::DeviceSecretUnavailable => "device_secret_unavailable",
            StoreError::DeviceSecretMissing => "device_secret_missing",
            StoreError::KeyNotRecognised => "key_not_recognised",
            StoreError::KeysNotReplaced => "keys_not_replaced",
            StoreError::NoRecoveryKey => "no_recovery_key",
            StoreError::WrongRecoveryKey(_) => "wrong_recovery_key",
            StoreError::NotAnAdmin => "not_an_admin",
            StoreError::KeyFileMissing => "key_file_missing",
            StoreError::NotADemo => "not_a_demo",
            StoreError::NotCurrentRecoveryKey => "not_current_recovery_key",
            StoreError::SyncOutOfOrder => "sync_out_of_order",
            StoreError::ReadOnlyRecord => "read_only_record",
            StoreError::MissingNow => "missing_now",
            StoreError::NotInThatTeam => "not_in_that_team",
            StoreError::CannotMerge => "cannot_merge",
        }
    }

    /// The message shown to a carer when the error is not tied to one field.
    pub fn message_id(&self) -> &'static str {
        match self {
            StoreError::Invalid(errors) => errors
                .first()
                .map(FieldError::message_id)
                .unwrap_or("error-field-invalid"),
            StoreError::InvalidProfile(problems) => problems
                .first()
                .map(ProfileProblem::message_id)
                .unwrap_or("error-field-invalid"),
            StoreError::NotFound => "error-not-found",
            StoreError::Db(_)
            | StoreError::Io(_)
            | StoreError::Corrupt(_)
            | StoreError::FromTheFuture => "error-storage",
            StoreError::WrongPin(_) => "error-wrong-pin",
            StoreError::WaitBeforeRetry(_) => "error-unlock-wait",
            StoreError::UserDisabled => "error-user-disabled",
            StoreError::NotAllowed => "error-not-allowed",
            StoreError::NotSetUp => "error-not-set-up",
            StoreError::AlreadySetUp => "error-already-set-up",
            StoreError::NoOneCanSignIn => "error-no-one-can-sign-in",
            StoreError::WeakPassphrase => "error-weak-passphrase",
            StoreError::TransferRefused => "error-transfer-refused",
            StoreError::AlreadyHere => "error-already-here",
            StoreError::Damaged => "error-store-damaged",
            StoreError::KeyFileDamaged => "error-key-file-damaged",
            StoreError::TooNew => "error-too-new",
            StoreError::NotABackup => "error-not-a-backup",
            StoreError::BackupDamaged => "error-backup-damaged",
            StoreError::DeviceSecretUnavailable => "error-device-secret-unavailable",
            StoreError::DeviceSecretMissing => "error-device-secret-missing",
            StoreError::KeyNotRecognised => "error-key-not-recognised",
            StoreError::KeysNotReplaced => "error-keys-not-replaced",
            StoreError::NoRecoveryKey => "error-no-recovery-key",
            StoreError::WrongRecoveryKey(_) => "error-wrong-recovery-key",
            StoreError::NotAnAdmin => "error-not-an-admin",
            StoreError::KeyFileMissing => "error-key-file-missing",
            StoreError::NotADemo => "error-not-a-demo",
            StoreError::NotCurrentRecoveryKey => "error-recovery-key-not-current",
            StoreError::SyncOutOfOrder => "error-sync-out-of-order",
            StoreError::ReadOnlyRecord => "error-read-only-record",
            StoreError::MissingNow => "error-move-missing-now",
            StoreError::NotInThatTeam => "error-not-in-that-team",
            StoreError::CannotMerge => "error-cannot-merge",
        }
    }

    /// Seconds to wait before the next unlock attempt, for errors that have one.
    pub fn retry_after_seconds(&self) -> Option<u64> {
        match self {
            StoreError::WaitBeforeRetry(s)
            | StoreError::WrongPin(s)
            | StoreError::WrongRecoveryKey(s) => Some(*s),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    /// A damaged page found at any moment (a failed page check, a malformed file) is named as
    /// damage, not as a passing storage error, so the carer is told to keep the file. (SQLCipher
    /// says "not a database" for a wrong key too; every key here has already passed its seal
    /// check, so it can only mean damage.)
    fn from(e: rusqlite::Error) -> StoreError {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
                StoreError::Damaged
            }
            _ => StoreError::Db(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_a_message_a_carer_can_read() {
        let en = harbour_i18n::Localizer::new(harbour_i18n::SOURCE_TAG);
        let all = [
            StoreError::Invalid(vec![]),
            StoreError::InvalidProfile(vec![]),
            StoreError::NotFound,
            StoreError::FromTheFuture,
            StoreError::Corrupt("x"),
            StoreError::WrongPin(0),
            StoreError::WaitBeforeRetry(5),
            StoreError::UserDisabled,
            StoreError::NotAllowed,
            StoreError::NotSetUp,
            StoreError::AlreadySetUp,
            StoreError::NoOneCanSignIn,
            StoreError::WeakPassphrase,
            StoreError::TransferRefused,
            StoreError::AlreadyHere,
            StoreError::Damaged,
            StoreError::KeyFileDamaged,
            StoreError::TooNew,
            StoreError::NotABackup,
            StoreError::BackupDamaged,
            StoreError::DeviceSecretUnavailable,
            StoreError::DeviceSecretMissing,
            StoreError::KeyNotRecognised,
            StoreError::KeysNotReplaced,
            StoreError::NoRecoveryKey,
            StoreError::WrongRecoveryKey(0),
            StoreError::NotAnAdmin,
            StoreError::KeyFileMissing,
            StoreError::NotADemo,
            StoreError::NotCurrentRecoveryKey,
            StoreError::SyncOutOfOrder,
            StoreError::ReadOnlyRecord,
            StoreError::MissingNow,
            StoreError::NotInThatTeam,
            StoreError::CannotMerge,
        ];
        for e in &all {
            assert!(en.has_message(e.message_id()), "{e:?}");
            assert!(!e.code().is_empty());
        }
        assert!(en.has_message("unlock-wait"));
        assert!(en.has_message("error-audit-broken"));
    }
}
