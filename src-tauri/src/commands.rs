//! Tauri commands: parse, call the store, map a typed error to `ApiError`. Nothing else.
//!
//! Every command that touches the store, derives a key, lays out a PDF or waits on the
//! printer runs on the blocking pool (`blocking`), never on the event loop nor on the async
//! runtime's few worker threads: a slow call (an unlock's key derivation, a print waiting on
//! `lp`) holds one thread of its own, and the lock screen's question still gets an answer.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use chrono::{DateTime, Utc};
use harbour_core::api::{ApiError, ChildEntry, EpisodeView, LockStatus, Reported, Unlock};
use harbour_core::episode::EpisodeEvent;
use harbour_core::{Child, ChildId, ChildInput, EpisodeId, MissingEpisode, NewUser, TeamId};
use harbour_store::{Store, StoreError, SystemClock};
use std::sync::MutexGuard;
use tauri::{AppHandle, Manager, Runtime, State};

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

/// Runs a command's body on the blocking pool, with the app's state, and waits for it without
/// holding an async worker. A body that panicked answers as a failure of the app.
pub async fn blocking<R: Runtime, T: Send + 'static>(
    app: AppHandle<R>,
    body: impl for<'a> FnOnce(State<'a, AppState>) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tauri::async_runtime::spawn_blocking(move || body(app.state::<AppState>()))
        .await
        .unwrap_or_else(|_| Err(ApiError::backend()))
}

/// Runs `f` on the open store on the blocking pool, or answers "locked": what most commands
/// are.
pub async fn on_store<R: Runtime, T: Send + 'static>(
    app: AppHandle<R>,
    f: impl FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    blocking(app, move |state| with_store(&state, f)).await
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

#[tauri::command(rename_all = "snake_case")]
pub async fn lock_status<R: Runtime>(app: AppHandle<R>) -> Result<LockStatus, ApiError> {
    blocking(app, move |state| gate(&state).status().map_err(api_error)).await
}

/// First run: creates the first user (an admin) and signs them in. The key derivation runs
/// without holding the gate.
#[tauri::command(rename_all = "snake_case")]
pub async fn set_up<R: Runtime>(app: AppHandle<R>, user: NewUser) -> Result<LockStatus, ApiError> {
    blocking(app, move |state| {
        let (data, kdf) = {
            let gate = gate(&state);
            (gate.data(), gate.kdf())
        };
        let store = data.create(&user, kdf, SystemClock).map_err(api_error)?;
        gate(&state).install(store).map_err(api_error)
    })
    .await
}

/// The only command that carries a PIN, once per unlock. Whoever was signed in is signed out
/// first; the key derivation (about half a second) runs without holding the gate, so the lock
/// screen and everything else answer meanwhile.
#[tauri::command(rename_all = "snake_case")]
pub async fn unlock<R: Runtime>(app: AppHandle<R>, form: Unlock) -> Result<LockStatus, ApiError> {
    blocking(app, move |state| {
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
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn lock<R: Runtime>(app: AppHandle<R>) -> Result<LockStatus, ApiError> {
    blocking(app, move |state| {
        let mut gate = gate(&state);
        gate.lock();
        gate.status().map_err(api_error)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn still_here<R: Runtime>(app: AppHandle<R>) -> Result<bool, ApiError> {
    blocking(app, move |state| {
        let mut gate = gate(&state);
        gate.still_here();
        Ok(gate.is_unlocked())
    })
    .await
}

/// The steps screen of an episode came in front, or went (`None`): the minutes the lock now
/// waits without use (longer on an open episode's steps, for a carer on hold to the police).
#[tauri::command(rename_all = "snake_case")]
pub async fn steps_in_front<R: Runtime>(
    app: AppHandle<R>,
    episode_id: Option<harbour_core::EpisodeId>,
) -> Result<u32, ApiError> {
    blocking(app, move |state| {
        gate(&state).steps_in_front(episode_id).map_err(refused)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_children<R: Runtime>(app: AppHandle<R>) -> Result<Vec<ChildEntry>, ApiError> {
    on_store(app, move |store| store.home()).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_child<R: Runtime>(
    app: AppHandle<R>,
    input: ChildInput,
    photo_base64: Option<String>,
    team_id: Option<TeamId>,
) -> Result<Child, ApiError> {
    blocking(app, move |state| {
        // Undecodable base64 goes on as an empty file, which the store reports as an unreadable
        // photo together with any other problem in the form.
        let photo = photo_base64.map(|b| BASE64.decode(b.as_bytes()).unwrap_or_default());
        with_store(&state, |store| {
            store.add_child_to(team_id, &input, photo.as_deref())
        })
    })
    .await
}

/// "Child missing": opens the episode, and opens the child's profile (audited as a view) so the
/// steps screen has the photo and key facts in the same answer.
#[tauri::command(rename_all = "snake_case")]
pub async fn report_missing<R: Runtime>(
    app: AppHandle<R>,
    child_id: ChildId,
) -> Result<Reported, ApiError> {
    on_store(app, move |store| {
        let mut reported = store.report_missing(child_id)?;
        let profile = store.open_profile(child_id)?;
        reported.opened = Some(crate::profile::opened(store, profile)?);
        Ok(reported)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_last_seen<R: Runtime>(
    app: AppHandle<R>,
    episode_id: EpisodeId,
    at: DateTime<Utc>,
) -> Result<MissingEpisode, ApiError> {
    on_store(app, move |store| store.set_last_seen(episode_id, at)).await
}

/// The episode with everything recorded in it and where it stands.
#[tauri::command(rename_all = "snake_case")]
pub async fn episode_view<R: Runtime>(
    app: AppHandle<R>,
    episode_id: EpisodeId,
) -> Result<EpisodeView, ApiError> {
    on_store(app, move |store| store.episode_view(episode_id)).await
}

/// Records the police report, a notification, an update, the return, the interview or the close.
#[tauri::command(rename_all = "snake_case")]
pub async fn record_event<R: Runtime>(
    app: AppHandle<R>,
    episode_id: EpisodeId,
    event: EpisodeEvent,
) -> Result<EpisodeView, ApiError> {
    blocking(app, move |state| {
        let mut gate = gate(&state);
        let view = gate
            .store()
            .map_err(refused)?
            .record_event(episode_id, &event)
            .map_err(api_error)?;
        // The episode closed: the grab sheets opened for it go.
        if !view.episode.is_open() {
            if let Ok(files) = gate.files() {
                files.delete_for(view.episode.child_id);
            }
        }
        Ok(view)
    })
    .await
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

pub mod audit;
pub mod sheets;

#[cfg(test)]
mod tests;
