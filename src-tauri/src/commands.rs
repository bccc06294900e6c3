//! Tauri commands: parse, call the store, map a typed error to `ApiError`. Nothing else.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use chrono::{DateTime, Utc};
use harbour_core::api::{ApiError, ChildEntry, Reported};
use harbour_core::{Child, ChildId, ChildInput, EpisodeId, MissingEpisode};
use harbour_store::{Store, StoreError};
use std::sync::MutexGuard;
use tauri::State;

use crate::AppState;

fn api_error(e: StoreError) -> ApiError {
    let fields = match &e {
        StoreError::Invalid(fields) => fields.clone(),
        _ => Vec::new(),
    };
    ApiError {
        code: e.code().into(),
        message_id: e.message_id().into(),
        fields,
    }
}

fn store<'a>(state: &'a State<'_, AppState>) -> MutexGuard<'a, Store> {
    // A panic while holding the lock cannot leave a half-written row (every write is one
    // transaction), so the store is still safe to use.
    state.store.lock().unwrap_or_else(|p| p.into_inner())
}

#[tauri::command(rename_all = "snake_case")]
pub fn list_children(state: State<'_, AppState>) -> Result<Vec<ChildEntry>, ApiError> {
    let store = store(&state);
    let mut open = store.open_episodes().map_err(api_error)?;
    let children = store.children().map_err(api_error)?;
    Ok(children
        .into_iter()
        .map(|child| {
            let at = open.iter().position(|e| e.child_id == child.id);
            let open_episode = at.map(|i| open.swap_remove(i));
            ChildEntry {
                child,
                open_episode,
            }
        })
        .collect())
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_child(
    state: State<'_, AppState>,
    input: ChildInput,
    photo_base64: Option<String>,
) -> Result<Child, ApiError> {
    // Undecodable base64 goes on as an empty file, which the store reports as an unreadable
    // photo together with any other problem in the form.
    let photo = photo_base64.map(|b| BASE64.decode(b.as_bytes()).unwrap_or_default());
    store(&state)
        .add_child(&input, photo.as_deref())
        .map_err(api_error)
}

/// The carer opens a child's details (the view is audited); returns the photo as a `data:` URL
/// the webview can show under the strict CSP.
#[tauri::command(rename_all = "snake_case")]
pub fn open_child(
    state: State<'_, AppState>,
    child_id: ChildId,
) -> Result<Option<String>, ApiError> {
    let (_, jpeg) = store(&state).open_child(child_id).map_err(api_error)?;
    Ok(jpeg.map(|j| format!("data:image/jpeg;base64,{}", BASE64.encode(j))))
}

#[tauri::command(rename_all = "snake_case")]
pub fn report_missing(state: State<'_, AppState>, child_id: ChildId) -> Result<Reported, ApiError> {
    store(&state).report_missing(child_id).map_err(api_error)
}

#[tauri::command(rename_all = "snake_case")]
pub fn set_last_seen(
    state: State<'_, AppState>,
    episode_id: EpisodeId,
    at: DateTime<Utc>,
) -> Result<MissingEpisode, ApiError> {
    store(&state)
        .set_last_seen(episode_id, at)
        .map_err(api_error)
}

#[tauri::command(rename_all = "snake_case")]
pub fn load_sample_children(state: State<'_, AppState>) -> Result<usize, ApiError> {
    store(&state).load_sample_children().map_err(api_error)
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
