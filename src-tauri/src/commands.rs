//! Tauri commands: parse, call the store, map a typed error to `ApiError`. Nothing else.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use chrono::{DateTime, Utc};
use harbour_core::api::{ApiError, ChildEntry, EpisodeView, LockStatus, Reported, Unlock};
use harbour_core::episode::EpisodeEvent;
use harbour_core::{Child, ChildId, ChildInput, EpisodeId, MissingEpisode, NewUser, TeamId};
use harbour_store::{Store, StoreError, SystemClock};
use std::sync::MutexGuard;
use tauri::State;

use crate::gate::{Gate, Refused};
use crate::AppState;

pub fn api_error(e: StoreError) -> ApiError {
    let fields = match &e {
        StoreError::Invalid(fields) => fields.clone(),
        _ => Vec::new(),
    };
    let profile_fields = match &e {
        StoreError::InvalidProfile(problems) => problems.clone(),
        _ => Vec::new(),
    };
    ApiError {
        code: e.code().into(),
        message_id: e.message_id().into(),
        fields,
        retry_after_seconds: e.retry_after_seconds(),
        profile_fields,
    }
}

pub fn refused(r: Refused) -> ApiError {
    match r {
        Refused::Locked => ApiError::locked(),
        Refused::Store(e) => api_error(e),
    }
}

pub fn gate<'a>(state: &'a State<'_, AppState>) -> MutexGuard<'a, Gate> {
    // A panic while holding the lock cannot leave a half-written row (every write is one
    // transaction), so the store is still safe to use.
    state.gate.lock().unwrap_or_else(|p| p.into_inner())
}

/// Runs `f` on the open store, or answers "locked".
pub fn with_store<T>(
    state: &State<'_, AppState>,
    f: impl FnOnce(&mut Store) -> Result<T, StoreError>,
) -> Result<T, ApiError> {
    let mut gate = gate(state);
    let store = gate.store().map_err(refused)?;
    f(store).map_err(api_error)
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn lock_status(state: State<'_, AppState>) -> Result<LockStatus, ApiError> {
    gate(&state).status().map_err(api_error)
}

/// First run: creates the first user (an admin) and signs them in. The key derivation runs
/// without holding the gate.
#[tauri::command(async, rename_all = "snake_case")]
pub fn set_up(state: State<'_, AppState>, user: NewUser) -> Result<LockStatus, ApiError> {
    let (data, kdf) = {
        let gate = gate(&state);
        (gate.data(), gate.kdf())
    };
    let store = data.create(&user, kdf, SystemClock).map_err(api_error)?;
    gate(&state).install(store).map_err(api_error)
}

/// The only command that carries a PIN, once per unlock. Whoever was signed in is signed out
/// first; the key derivation (about half a second) runs without holding the gate, so the lock
/// screen and everything else answer meanwhile.
#[tauri::command(async, rename_all = "snake_case")]
pub fn unlock(state: State<'_, AppState>, form: Unlock) -> Result<LockStatus, ApiError> {
    let data = {
        let mut gate = gate(&state);
        gate.lock();
        gate.data()
    };
    #[cfg(test)]
    state.pauses.unlock.pause();
    let store = data
        .unlock(Gate::name_typed(&form.name), &form.pin, SystemClock)
        .map_err(api_error)?;
    gate(&state).install(store).map_err(api_error)
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn lock(state: State<'_, AppState>) -> Result<LockStatus, ApiError> {
    let mut gate = gate(&state);
    gate.lock();
    gate.status().map_err(api_error)
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn still_here(state: State<'_, AppState>) -> Result<bool, ApiError> {
    let mut gate = gate(&state);
    gate.still_here();
    Ok(gate.is_unlocked())
}

/// The steps screen of an episode came in front, or went (`None`): the minutes the lock now
/// waits without use (longer on an open episode's steps, for a carer on hold to the police).
#[tauri::command(async, rename_all = "snake_case")]
pub fn steps_in_front(
    state: State<'_, AppState>,
    episode_id: Option<harbour_core::EpisodeId>,
) -> Result<u32, ApiError> {
    gate(&state).steps_in_front(episode_id).map_err(refused)
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn list_children(state: State<'_, AppState>) -> Result<Vec<ChildEntry>, ApiError> {
    with_store(&state, |store| store.home())
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn add_child(
    state: State<'_, AppState>,
    input: ChildInput,
    photo_base64: Option<String>,
    team_id: Option<TeamId>,
) -> Result<Child, ApiError> {
    // Undecodable base64 goes on as an empty file, which the store reports as an unreadable
    // photo together with any other problem in the form.
    let photo = photo_base64.map(|b| BASE64.decode(b.as_bytes()).unwrap_or_default());
    with_store(&state, |store| {
        store.add_child_to(team_id, &input, photo.as_deref())
    })
}

#[tauri::command(async, rename_all = "snake_case")]
/// "Child missing": opens the episode, and opens the child's profile (audited as a view) so the
/// steps screen has the photo and key facts in the same answer.
pub fn report_missing(state: State<'_, AppState>, child_id: ChildId) -> Result<Reported, ApiError> {
    with_store(&state, |store| {
        let mut reported = store.report_missing(child_id)?;
        let profile = store.open_profile(child_id)?;
        reported.opened = Some(crate::profile::opened(store, profile)?);
        Ok(reported)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn set_last_seen(
    state: State<'_, AppState>,
    episode_id: EpisodeId,
    at: DateTime<Utc>,
) -> Result<MissingEpisode, ApiError> {
    with_store(&state, |store| store.set_last_seen(episode_id, at))
}

/// The episode with everything recorded in it and where it stands.
#[tauri::command(async, rename_all = "snake_case")]
pub fn episode_view(
    state: State<'_, AppState>,
    episode_id: EpisodeId,
) -> Result<EpisodeView, ApiError> {
    with_store(&state, |store| store.episode_view(episode_id))
}

/// Records the police report, a notification, an update, the return, the interview or the close.
#[tauri::command(async, rename_all = "snake_case")]
pub fn record_event(
    state: State<'_, AppState>,
    episode_id: EpisodeId,
    event: EpisodeEvent,
) -> Result<EpisodeView, ApiError> {
    with_store(&state, |store| store.record_event(episode_id, &event))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn load_sample_children(state: State<'_, AppState>) -> Result<usize, ApiError> {
    with_store(&state, Store::load_sample_children)
}

/// Called by the UI once its first screen is on display; the start-up benchmark waits for the
/// line this prints.
#[tauri::command(rename_all = "snake_case")]
pub fn ui_ready<R: tauri::Runtime>(app: tauri::AppHandle<R>, state: State<'_, AppState>) {
    println!("harbour: first screen ready");
    if state.exit_when_ready {
        app.exit(0);
    }
}

#[cfg(test)]
mod tests;
