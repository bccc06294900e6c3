//! The Harbour desktop shell. It holds the lock (`gate`), registers the commands and shows the
//! Yew UI; `cli` is the same binary's command line for administrators and tests. Commands are
//! thin adapters (see `commands`): no rules live here.

use std::path::PathBuf;
use std::sync::Mutex;
use tauri::Manager;

use harbour_core::api::BackupProgress;
use harbour_store::{DataDir, KdfParams, SystemClock};

pub mod checklists;
pub mod cli;
pub mod commands;
pub mod files;
pub mod gate;
pub mod help;
pub mod profile;
pub mod session;
pub mod settings;
pub mod sheet;
pub mod sync;
pub mod syncing;

pub use gate::Gate;

/// What the shell is started with.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where the store lives; the user's data folder when not given.
    pub data_dir: Option<PathBuf>,
    /// If nothing is set up in the data folder yet, set up the demonstration store (the
    /// fictional sample children, opened with the published demo PIN).
    pub sample_data: bool,
    /// Exit as soon as the first screen has rendered (used by `cargo xtask bench`).
    pub exit_when_ready: bool,
}

/// The state every command shares.
#[derive(Debug)]
pub struct AppState {
    /// The one place the open store lives. Commands take it on the blocking pool
    /// (`commands::blocking`) and only for the store call itself: never across a key
    /// derivation, a PDF's layout, the printer or a backup's copy.
    pub gate: Mutex<Gate>,
    /// The backup being written, if any; outside the gate so it can be polled meanwhile.
    pub backup: Mutex<BackupProgress>,
    /// The sync under way, if any; outside the gate so it can be polled meanwhile.
    pub syncing: syncing::Syncing,
    /// Argon2id cost for PINs set in this app.
    pub kdf: KdfParams,
    pub exit_when_ready: bool,
    /// Where tests hold slow commands, to show that nothing else waits for them.
    #[cfg(test)]
    pub pauses: Pauses,
}

/// Places in slow commands where a test can hold them (the key derivation of an unlock, a
/// backup under way).
#[cfg(test)]
#[derive(Debug, Default)]
pub struct Pauses {
    pub unlock: Pause,
    pub backup: Pause,
}

/// Hooks a test sets; each time the command comes there it calls the next one (once), and
/// just goes on when none is left. Several set at once hold as many commands at that place.
#[cfg(test)]
#[derive(Default)]
pub struct Pause(Mutex<Vec<Box<dyn FnOnce() + Send>>>);

#[cfg(test)]
impl std::fmt::Debug for Pause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pause")
    }
}

#[cfg(test)]
impl Pause {
    pub fn set(&self, hook: impl FnOnce() + Send + 'static) {
        self.0.lock().unwrap().push(Box::new(hook));
    }

    pub fn pause(&self) {
        let hook = self.0.lock().unwrap().pop();
        if let Some(hook) = hook {
            hook();
        }
    }
}

impl AppState {
    pub fn new(
        data: DataDir,
        kdf: KdfParams,
        files: files::PrivateFiles,
        exit_when_ready: bool,
    ) -> Self {
        Self {
            gate: Mutex::new(Gate::new(data, kdf, files)),
            backup: Mutex::new(BackupProgress::default()),
            syncing: syncing::Syncing::default(),
            kdf,
            exit_when_ready,
            #[cfg(test)]
            pauses: Pauses::default(),
        }
    }
}

/// The default data folder: `~/.local/share/harbour` on Linux.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "Harbour", "harbour").map(|d| d.data_dir().to_owned())
}

pub fn data_dir(options: &Options) -> Result<DataDir, String> {
    let dir = options
        .data_dir
        .clone()
        .or_else(default_data_dir)
        .ok_or_else(|| "no data folder: pass --data-dir DIR".to_owned())?;
    Ok(DataDir::new(dir, device_secrets()?))
}

/// Keeps the keys and records in this process's memory from being written out or read: no core
/// dump on a crash, and other programs of the same account cannot attach to it or read
/// `/proc/<pid>/mem`. Called first thing; a failure is reported and the app goes on.
pub fn harden_process() -> Result<(), String> {
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{setrlimit, Resource, Rlimit};
        setrlimit(
            Resource::Core,
            Rlimit {
                current: Some(0),
                maximum: Some(0),
            },
        )
        .map_err(|e| format!("cannot turn off core dumps: {e}"))?;
        rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable)
            .map_err(|e| format!("cannot protect this process's memory: {e}"))?;
    }
    Ok(())
}

/// How this computer protects the data folder besides the PINs.
pub fn protection(data: &DataDir) -> harbour_core::api::Protection {
    use harbour_core::api::{DeviceKeyPlace, DiskState, Protection};
    Protection {
        device_key: match data.secrets().place() {
            harbour_store::SecretPlace::Keyring => DeviceKeyPlace::Keyring,
            harbour_store::SecretPlace::Folder(_) => DeviceKeyPlace::File,
        },
        disk: match harbour_store::disk_encryption(data.path()) {
            harbour_store::DiskEncryption::Encrypted => DiskState::Encrypted,
            harbour_store::DiskEncryption::NotEncrypted => DiskState::NotEncrypted,
            harbour_store::DiskEncryption::Unknown => DiskState::Unknown,
        },
    }
}

/// Where this computer keeps device secrets: the desktop's keyring, or without one a private
/// folder in the account's settings (`~/.config/harbour/device-keys`), never in the data folder.
pub fn device_secrets() -> Result<std::sync::Arc<dyn harbour_store::DeviceSecrets>, String> {
    let config = directories::ProjectDirs::from("org", "Harbour", "harbour")
        .map(|d| d.config_dir().join("device-keys"))
        .ok_or_else(|| "no home folder for this account's settings".to_owned())?;
    Ok(harbour_store::system_secrets(config))
}

/// Prepares the shell's state: locked, or first run. With `sample_data` and nothing set up,
/// the demonstration store is made first (and left locked, like any other).
pub fn open_state(options: &Options) -> Result<AppState, String> {
    let data = data_dir(options)?;
    let status = data
        .status(&SystemClock)
        .map_err(|e| format!("cannot read the data folder {}: {e}", data.path().display()))?;
    if options.sample_data && !status.set_up {
        let store = data
            .create_demo(SystemClock)
            .map_err(|e| format!("cannot set up the demonstration store: {e}"))?;
        drop(store.lock());
    }
    Ok(AppState::new(
        data,
        KdfParams::DEFAULT,
        files::PrivateFiles::new(files::private_folder()),
        options.exit_when_ready,
    ))
}

/// Registers Harbour's commands and state on any Tauri builder (the real one, or the mock
/// runtime's in tests).
pub fn with_commands<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    state: AppState,
) -> tauri::Builder<R> {
    builder
        .manage(state)
        // The system's file dialog, for "Save a copy…". Opened by Harbour's own commands only:
        // capabilities/main.json grants the webview none of the plugin's.
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(tauri::generate_handler![
            commands::lock_status,
            commands::set_up,
            commands::unlock,
            commands::lock,
            commands::still_here,
            commands::steps_in_front,
            commands::list_children,
            commands::add_child,
            commands::report_missing,
            commands::set_last_seen,
            commands::episode_view,
            commands::record_event,
            commands::ui_ready,
            settings::change_pin,
            settings::set_auto_lock,
            settings::list_users,
            settings::add_user,
            settings::disable_user,
            settings::rotate_keys,
            settings::reset_pin,
            settings::new_recovery_key,
            settings::recovery_key_made_at,
            settings::print_recovery_key,
            settings::protection,
            settings::start_backup,
            settings::backup_progress,
            commands::audit::audit_view,
            commands::audit::export_audit,
            commands::sheets::open_grab_sheet,
            commands::sheets::save_grab_sheet_copy,
            commands::sheets::print_grab_sheet,
            profile::open_profile,
            profile::save_profile,
            profile::review_profile,
            profile::set_photo,
            profile::update_child,
            profile::move_child,
            profile::merge_children,
            profile::save_transfer_package,
            profile::open_transfer_package,
            commands::sheets::record_print_view,
            commands::sheets::grab_sheet_page,
            settings::get_organisation,
            settings::save_organisation,
            settings::teams,
            settings::choose_team,
            settings::add_team,
            settings::rename_team,
            settings::set_team_member,
            checklists::checklist_statuses,
            checklists::start_assessment,
            checklists::assessment,
            checklists::answer_item,
            checklists::sign_off_assessment,
            checklists::mark_suspected_trafficked,
            help::save_help_card,
            help::print_help_card,
            help::set_child_screen,
            help::help_numbers,
            settings::arrivals,
            syncing::sync_status,
            syncing::sync_now,
            syncing::sync_join,
            syncing::sync_invite,
            syncing::join_team,
            syncing::changed_twice,
            syncing::choose_changed_twice,
            syncing::sync_leave,
        ])
}

pub fn run(options: Options) -> Result<(), String> {
    let state = open_state(&options)?;
    with_commands(tauri::Builder::default(), state)
        .setup(|app| {
            session::watch(app.handle().clone());
            syncing::every_few_minutes(app.handle().clone());
            close_on_signals(app.handle().clone());
            Ok(())
        })
        .build(tauri::generate_context!())
        .map_err(|e| format!("the window could not start: {e}"))?
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                // Closing locks: the store shuts and the grab sheets opened for viewing go.
                commands::gate(&app.state::<AppState>()).lock();
            }
        });
    Ok(())
}

/// Asked to stop by the system (log-out, shut-down, `kill`, Ctrl+C at a terminal): Harbour
/// closes the way its window does, so it locks first.
fn close_on_signals<R: tauri::Runtime>(app: tauri::AppHandle<R>) {
    use tokio::signal::unix::{signal, SignalKind};
    tauri::async_runtime::spawn(async move {
        let (Ok(mut term), Ok(mut int), Ok(mut hup)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
            signal(SignalKind::hangup()),
        ) else {
            return;
        };
        tokio::select! {
            _ = term.recv() => {}
            _ = int.recv() => {}
            _ = hup.recv() => {}
        }
        app.exit(0);
    });
}
