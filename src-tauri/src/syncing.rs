//! Sync in the app: every few minutes in the background while someone is signed in, and when
//! asked. A sync runs on a connection of its own to the store, never holding the gate, so the
//! screens — "Child missing" above all — never wait on the network. Joining and inviting from
//! the settings, and a new computer joining a team from the first-run screen.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use harbour_core::api::{ApiError, ChangedTwice, SyncJoin, SyncView, TeamSync};
use harbour_i18n::Localizer;
use harbour_store::{Store, StoreError, SystemClock};
use harbour_sync::client::Progress;
use tauri::{AppHandle, Manager, Runtime, State};

use crate::commands::{api_error, blocking, gate, with_store};
use crate::AppState;

/// How often the app syncs on its own while someone is signed in.
pub const EVERY: Duration = Duration::from_secs(5 * 60);

/// The sync under way, if any: outside the gate, so it can be read while it runs.
#[derive(Debug, Default)]
pub struct Syncing {
    running: Mutex<Option<Arc<Progress>>>,
}

impl Syncing {
    /// Claims the one sync that may run at a time; `None` if one is under way.
    fn begin(&self) -> Option<Arc<Progress>> {
        let mut running = self.running.lock().unwrap_or_else(|p| p.into_inner());
        if running.is_some() {
            return None;
        }
        let progress = Arc::new(Progress::default());
        *running = Some(progress.clone());
        Some(progress)
    }

    fn end(&self) {
        *self.running.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    /// `(received, expected)` of the sync under way.
    fn progress(&self) -> Option<(u64, u64)> {
        self.running
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            .map(|p| p.get())
    }
}

/// A sync failure the app words itself: a code, as `sync-error-<code>`.
fn sync_failed(code: &str) -> ApiError {
    ApiError {
        code: code.into(),
        message_id: format!("sync-error-{}", code.replace('_', "-")),
        fields: Vec::new(),
        retry_after_seconds: None,
        profile_fields: Vec::new(),
    }
}

fn view(state: &State<'_, AppState>, store: &Store) -> Result<SyncView, StoreError> {
    let l10n = Localizer::new(harbour_i18n::SOURCE_TAG);
    let teams = crate::sync::status(&l10n, store)?
        .into_iter()
        .map(|t| TeamSync {
            team: t.team,
            team_name: t.team_name,
            hub: t.hub,
            last_synced_at: t.last_synced_at,
            waiting: t.waiting,
            error: t.error.map(|p| p.code),
        })
        .collect();
    let progress = state.syncing.progress();
    Ok(SyncView {
        teams,
        running: progress.is_some(),
        progress,
    })
}

/// Syncs every team this device has joined, on a connection of its own; then, if the person
/// signed in was disabled on another device meanwhile, locks. Does nothing while locked, with
/// no hub, or while another sync runs.
pub fn sync_once(state: &State<'_, AppState>) {
    let Some(progress) = state.syncing.begin() else {
        return;
    };
    let other = {
        let mut gate = gate(state);
        match gate.store() {
            Ok(store) if store.sync_links().is_ok_and(|l| !l.is_empty()) => {
                store.another_connection(SystemClock).ok()
            }
            _ => None,
        }
    };
    if let Some(mut store) = other {
        let l10n = Localizer::new(harbour_i18n::SOURCE_TAG);
        if let Err(e) = crate::sync::sync_now_watched(&l10n, &mut store, &progress) {
            // Recorded with the link, and shown; words here for whoever reads the log.
            eprintln!("harbour: sync: {}", e.replace('\n', "; "));
        }
        let me = store.session().user;
        drop(store);
        let mut gate = gate(state);
        // Someone disabled elsewhere lost their entry here during the sync; the records' key
        // is replaced now that the sync's connection has closed.
        if let Ok(store) = gate.store() {
            if let Err(e) = store.rotate_if_due() {
                eprintln!("harbour: the records' key is still to be replaced ({e})");
            }
        }
        let disabled = gate
            .store()
            .ok()
            .map(|s| s.current_user().map(|u| u.disabled).unwrap_or(true));
        if disabled == Some(true) && me == gate.store().map(|s| s.session().user).unwrap_or(me) {
            eprintln!("harbour: locked: this member of staff was disabled on another device");
            gate.lock();
        }
    }
    state.syncing.end();
}

/// Starts syncing on its own every [`EVERY`] while the app runs.
pub fn every_few_minutes<R: Runtime>(app: AppHandle<R>) {
    std::thread::Builder::new()
        .name("harbour-sync".into())
        .spawn(move || loop {
            std::thread::sleep(EVERY);
            sync_once(&app.state::<AppState>());
        })
        .map(|_| ())
        .unwrap_or_else(|e| eprintln!("harbour: cannot sync in the background ({e})"));
}

/// Each team's sync, and the sync under way.
#[tauri::command(rename_all = "snake_case")]
pub async fn sync_status<R: Runtime>(app: AppHandle<R>) -> Result<SyncView, ApiError> {
    blocking(app, move |state| {
        let mut gate = gate(&state);
        let store = gate.store().map_err(crate::commands::refused)?;
        view(&state, store).map_err(api_error)
    })
    .await
}

/// Syncs now (or waits for the sync under way), then says how every team stands.
#[tauri::command(rename_all = "snake_case")]
pub async fn sync_now<R: Runtime>(app: AppHandle<R>) -> Result<SyncView, ApiError> {
    blocking(app, move |state| {
        with_store(&state, |store| store.sync_links().map(|_| ()))?;
        sync_once(&state);
        let mut gate = gate(&state);
        let store = gate.store().map_err(crate::commands::refused)?;
        view(&state, store).map_err(api_error)
    })
    .await
}

/// Joins a hub from the settings: with an invitation code, or as the team shown's first
/// device with the hub's address and a token. The person's key is shared with the team, so
/// they can sign in on its other devices. Administrators only (the store checks).
#[tauri::command(rename_all = "snake_case")]
pub async fn sync_join<R: Runtime>(
    app: AppHandle<R>,
    form: SyncJoin,
) -> Result<SyncView, ApiError> {
    blocking(app, move |state| {
        // The join waits on the hub: on a connection of its own, like any sync.
        let Some(progress) = state.syncing.begin() else {
            return Err(sync_failed("busy"));
        };
        let other = with_store(&state, |store| {
            store.require(harbour_core::Action::ManageUsers)?;
            Ok((store.current_team(), store.another_connection(SystemClock)?))
        });
        let joined = other.and_then(|(team, mut store)| {
            let done = if form.code.trim().is_empty() {
                let team = team.ok_or_else(|| api_error(StoreError::NotFound))?;
                let fingerprint = Some(form.fingerprint.trim()).filter(|f| !f.is_empty());
                let hub = form.hub.trim();
                crate::sync::join_first(&mut store, team, hub, fingerprint, &form.token, &form.pin)
            } else {
                crate::sync::join_invited(&mut store, &form.code, Some(&form.pin))
            };
            done.map_err(ApiError::from)?;
            Ok(())
        });
        drop(progress);
        state.syncing.end();
        joined?;
        let mut gate = gate(&state);
        let store = gate.store().map_err(crate::commands::refused)?;
        view(&state, store).map_err(api_error)
    })
    .await
}

/// An invitation code for another device to join the team shown, from a one-time token the
/// hub's administrator made; the person's key goes to the team first, so they can sign in
/// on the device that joins.
#[tauri::command(rename_all = "snake_case")]
pub async fn sync_invite<R: Runtime>(
    app: AppHandle<R>,
    token: String,
    pin: String,
) -> Result<String, ApiError> {
    blocking(app, move |state| {
        with_store(&state, |store| {
            store.require(harbour_core::Action::ManageUsers)?;
            // The code carries the team's key: the PIN again, even when nothing needs sharing.
            store.check_my_pin(&pin)?;
            store.share_my_key(&pin)?;
            Ok(())
        })?;
        let mut gate = gate(&state);
        let store = gate.store().map_err(crate::commands::refused)?;
        let team = store
            .current_team()
            .ok_or_else(|| api_error(StoreError::NotFound))?;
        crate::sync::invite(store, team, &token).map_err(ApiError::from)
    })
    .await
}

/// First run on a new computer: it joins the team an invitation code is for, with no one of
/// its own, and the lock screen then asks for the name and PIN someone uses on the team's
/// other computers. Who can sign in is said in the answer's message.
#[tauri::command(rename_all = "snake_case")]
pub async fn join_team<R: Runtime>(
    app: AppHandle<R>,
    code: String,
) -> Result<Vec<String>, ApiError> {
    blocking(app, move |state| {
        let data = gate(&state).data();
        crate::sync::join_new_device(&data, &code).map_err(ApiError::from)
    })
    .await
}

/// Profile fields changed on two computers at once, waiting for someone to choose.
#[tauri::command(rename_all = "snake_case")]
pub async fn changed_twice<R: Runtime>(app: AppHandle<R>) -> Result<Vec<ChangedTwice>, ApiError> {
    crate::commands::on_store(app, move |store| store.changed_twice()).await
}

/// Keeps the value shown (`other_op` empty) or the other one.
#[tauri::command(rename_all = "snake_case")]
pub async fn choose_changed_twice<R: Runtime>(
    app: AppHandle<R>,
    child_id: harbour_core::ChildId,
    key: String,
    other_op: Option<String>,
) -> Result<Vec<ChangedTwice>, ApiError> {
    crate::commands::on_store(app, move |store| {
        let other = other_op
            .map(|op| op.parse().map_err(|_| StoreError::NotFound))
            .transpose()?;
        store.choose_changed_twice(child_id, &key, other)?;
        store.changed_twice()
    })
    .await
}

/// Stops syncing a team with its hub (the settings' "Stop syncing"): the records stay.
#[tauri::command(rename_all = "snake_case")]
pub async fn sync_leave<R: Runtime>(
    app: AppHandle<R>,
    team_id: harbour_core::TeamId,
) -> Result<SyncView, ApiError> {
    blocking(app, move |state| {
        let mut gate = gate(&state);
        let store = gate.store().map_err(crate::commands::refused)?;
        store.leave_hub(team_id).map_err(api_error)?;
        view(&state, store).map_err(api_error)
    })
    .await
}
