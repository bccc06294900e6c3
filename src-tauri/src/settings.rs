//! Commands of the settings screen: the user's own PIN, the auto-lock time, staff, and backups.
//! Thin adapters like the rest; the store decides who may do what.

use harbour_core::api::{
    ApiError, BackupProgress, KeysReplaced, NewRecoveryKey, PinChange, Protection,
};
use harbour_core::arrivals::Arrivals;
use harbour_core::organisation::Organisation;
use harbour_core::teams::TeamsView;
use harbour_core::{NewUser, Role, TeamId, User, UserId};
use std::path::PathBuf;
use tauri::{AppHandle, Manager, Runtime, State};

use crate::commands::{api_error, blocking, gate, on_store, with_store};
use crate::AppState;

#[tauri::command(rename_all = "snake_case")]
pub async fn change_pin<R: Runtime>(app: AppHandle<R>, form: PinChange) -> Result<(), ApiError> {
    blocking(app, move |state| {
        // The two key derivations (the current PIN checked, the key wrapped anew) run without
        // holding the store.
        let kdf = state.kdf;
        let pending = with_store(&state, |store| {
            store.begin_change_pin(&form.current, &form.new, &form.again, kdf)
        })?;
        let sealed = pending.seal().map_err(api_error)?;
        with_store(&state, |store| store.finish_change_pin(sealed))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_auto_lock<R: Runtime>(app: AppHandle<R>, minutes: u32) -> Result<(), ApiError> {
    on_store(app, move |store| store.set_auto_lock_minutes(minutes)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn get_organisation<R: Runtime>(app: AppHandle<R>) -> Result<Organisation, ApiError> {
    on_store(app, move |store| store.organisation()).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn save_organisation<R: Runtime>(
    app: AppHandle<R>,
    organisation: Organisation,
) -> Result<Organisation, ApiError> {
    on_store(app, move |store| store.save_organisation(&organisation)).await
}

/// The homes and households on this device, the one shown now, and each of the user's
/// settings.
#[tauri::command(rename_all = "snake_case")]
pub async fn teams<R: Runtime>(app: AppHandle<R>) -> Result<TeamsView, ApiError> {
    on_store(app, move |store| store.teams_view()).await
}

/// Shows another of the user's homes: its settings, and where new children go.
#[tauri::command(rename_all = "snake_case")]
pub async fn choose_team<R: Runtime>(
    app: AppHandle<R>,
    team_id: TeamId,
) -> Result<TeamsView, ApiError> {
    on_store(app, move |store| {
        store.choose_team(team_id)?;
        store.teams_view()
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_team<R: Runtime>(app: AppHandle<R>, name: String) -> Result<TeamsView, ApiError> {
    on_store(app, move |store| {
        store.add_team(&name)?;
        store.teams_view()
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn rename_team<R: Runtime>(
    app: AppHandle<R>,
    team_id: TeamId,
    name: String,
) -> Result<TeamsView, ApiError> {
    on_store(app, move |store| {
        store.rename_team(team_id, &name)?;
        store.teams_view()
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_team_member<R: Runtime>(
    app: AppHandle<R>,
    team_id: TeamId,
    user_id: UserId,
    member: bool,
) -> Result<TeamsView, ApiError> {
    on_store(app, move |store| {
        store.set_team_member(team_id, user_id, member)?;
        store.teams_view()
    })
    .await
}

/// Records from other devices that were held, need checking, or need an update.
#[tauri::command(rename_all = "snake_case")]
pub async fn arrivals<R: Runtime>(app: AppHandle<R>) -> Result<Arrivals, ApiError> {
    on_store(app, move |store| store.arrivals_for_session()).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_users<R: Runtime>(app: AppHandle<R>) -> Result<Vec<User>, ApiError> {
    on_store(app, move |store| store.users()).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_user<R: Runtime>(
    app: AppHandle<R>,
    user: NewUser,
    role: Role,
) -> Result<User, ApiError> {
    blocking(app, move |state| {
        // The key is wrapped under the new PIN without holding the store.
        let kdf = state.kdf;
        let pending = with_store(&state, |store| store.begin_add_user(&user, role, kdf))?;
        let sealed = pending.seal().map_err(api_error)?;
        with_store(&state, |store| store.finish_add_user(sealed))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn disable_user<R: Runtime>(app: AppHandle<R>, user_id: UserId) -> Result<(), ApiError> {
    on_store(app, move |store| store.disable_user(user_id)).await
}

/// An administrator gives a member of staff a new PIN. The key pair is wrapped without
/// holding the store.
#[tauri::command(rename_all = "snake_case")]
pub async fn reset_pin<R: Runtime>(
    app: AppHandle<R>,
    user_id: UserId,
    pin: String,
    pin_again: String,
) -> Result<(), ApiError> {
    blocking(app, move |state| {
        let kdf = state.kdf;
        let pending = with_store(&state, |store| {
            store.begin_reset_pin(user_id, &pin, &pin_again, kdf)
        })?;
        let sealed = pending.seal().map_err(api_error)?;
        with_store(&state, |store| store.finish_reset_pin(sealed))
    })
    .await
}

/// Replaces the records' key (after a suspected compromise): admins only.
#[tauri::command(rename_all = "snake_case")]
pub async fn rotate_keys<R: Runtime>(app: AppHandle<R>) -> Result<KeysReplaced, ApiError> {
    on_store(app, move |store| {
        let rotated = store.rotate_keys()?;
        Ok(KeysReplaced {
            kept: rotated.kept,
            dropped: rotated.dropped.len(),
        })
    })
    .await
}

/// Makes a new recovery key and shows it, once: admins only. Backups from now on open with it.
#[tauri::command(rename_all = "snake_case")]
pub async fn new_recovery_key<R: Runtime>(app: AppHandle<R>) -> Result<NewRecoveryKey, ApiError> {
    on_store(app, move |store| {
        let key = store.new_recovery_key()?;
        let made_at = store.recovery_key_made_at()?.unwrap_or_else(|| store.now());
        Ok(NewRecoveryKey {
            key: key.text().to_owned(),
            made_at,
        })
    })
    .await
}

/// Prints the recovery key as it was shown once (at set-up, or after a new one was made) on
/// one A4 page streamed to the printer, no file: only the key backups are sealed to now, and
/// recorded before it leaves. Admins only.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_recovery_key<R: Runtime>(
    app: AppHandle<R>,
    key: String,
) -> Result<(), ApiError> {
    use crate::commands::sheets::sheet_error;
    blocking(app, move |state| {
        let made = with_store(&state, |store| store.recovery_key_printed(&key))?;
        let pdf = crate::sheet::recovery_key_pdf(&key, made).map_err(sheet_error)?;
        crate::sheet::send_to_printer(&pdf).map_err(sheet_error)
    })
    .await
}

/// When the recovery key was made, if one has been.
#[tauri::command(rename_all = "snake_case")]
pub async fn recovery_key_made_at<R: Runtime>(
    app: AppHandle<R>,
) -> Result<Option<chrono::DateTime<chrono::Utc>>, ApiError> {
    on_store(app, move |store| store.recovery_key_made_at()).await
}

/// Where the device secret is kept and whether the disk is encrypted: asked by the set-up
/// screen before anyone has unlocked (it says nothing about any record).
#[tauri::command(rename_all = "snake_case")]
pub async fn protection<R: Runtime>(app: AppHandle<R>) -> Result<Protection, ApiError> {
    blocking(app, move |state| {
        let data = gate(&state).data();
        Ok(crate::protection(&data))
    })
    .await
}

/// A folder in the user's documents folder (or home folder), unless `env` names another.
pub fn user_folder(env: &str, name: &str) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(env) {
        return Some(PathBuf::from(dir));
    }
    let dirs = directories::UserDirs::new()?;
    let base = dirs
        .document_dir()
        .map(PathBuf::from)
        .unwrap_or_else(|| dirs.home_dir().to_owned());
    Some(base.join(name))
}

/// Where backups go: `HARBOUR_BACKUP_DIR`, else "Harbour backups".
fn backup_folder() -> Option<PathBuf> {
    user_folder("HARBOUR_BACKUP_DIR", "Harbour backups")
}

/// Starts writing a backup and returns at once; `backup_progress` reports how far it is. The
/// backup reads through its own connection, so the store answers other commands meanwhile.
#[tauri::command(rename_all = "snake_case")]
pub async fn start_backup<R: Runtime>(app: AppHandle<R>) -> Result<BackupProgress, ApiError> {
    let handle = app.clone();
    blocking(app, move |state| {
        let mut job = state.backup.lock().unwrap_or_else(|p| p.into_inner());
        if !job.done && !job.path.is_empty() {
            return Ok(job.clone());
        }
        // Refused at once, not after the thread starts, if the role may not; audited now.
        let source = with_store(&state, |store| store.backup_source())?;
        let folder = backup_folder().ok_or_else(ApiError::backend)?;
        let name = chrono::Local::now()
            .format("harbour-backup-%Y-%m-%d-%H%M%S.hbk")
            .to_string();
        let path = folder.join(name);
        *job = BackupProgress {
            percent: 0,
            path: path.display().to_string(),
            done: false,
            error: None,
        };
        let started = job.clone();
        drop(job);
        std::thread::spawn(move || {
            let state = handle.state::<AppState>();
            let report = |percent: u8| {
                state
                    .backup
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .percent = percent;
                #[cfg(test)]
                state.pauses.backup.pause();
            };
            let result = crate::files::make_folder(&folder)
                .map_err(|e| api_error(e.into()))
                .and_then(|()| source.write(&path, &mut |p| report(p)).map_err(api_error));
            let mut job = state.backup.lock().unwrap_or_else(|p| p.into_inner());
            job.done = true;
            job.error = result.err();
        });
        Ok(started)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub fn backup_progress(state: State<'_, AppState>) -> BackupProgress {
    state
        .backup
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
}
