//! The Harbour desktop shell. It opens the store, registers the commands and shows the Yew UI.
//! Commands are thin adapters (see `commands`): no rules live here.

use std::path::PathBuf;
use std::sync::Mutex;

use harbour_store::{Store, SystemClock};

pub mod commands;

/// What the shell is started with.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where the store lives; the user's data folder when not given.
    pub data_dir: Option<PathBuf>,
    /// Add the fictional sample children if the store has no children yet.
    pub sample_data: bool,
    /// Exit as soon as the first screen has rendered (used by `cargo xtask bench`).
    pub exit_when_ready: bool,
}

/// The state every command shares.
#[derive(Debug)]
pub struct AppState {
    pub store: Mutex<Store>,
    pub exit_when_ready: bool,
}

pub const STORE_FILE: &str = "harbour.sqlite3";

/// The default data folder: `~/.local/share/harbour` on Linux.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "Harbour", "harbour").map(|d| d.data_dir().to_owned())
}

/// Opens the store the options point at, loading the sample children if asked.
pub fn open_state(options: &Options) -> Result<AppState, String> {
    let dir = options
        .data_dir
        .clone()
        .or_else(default_data_dir)
        .ok_or("no data folder: pass --data-dir DIR")?;
    let mut store = Store::open(&dir.join(STORE_FILE), SystemClock)
        .map_err(|e| format!("cannot open the store in {}: {e}", dir.display()))?;
    if options.sample_data {
        store
            .load_sample_children()
            .map_err(|e| format!("cannot load the sample children: {e}"))?;
    }
    Ok(AppState {
        store: Mutex::new(store),
        exit_when_ready: options.exit_when_ready,
    })
}

/// Registers Harbour's commands and state on any Tauri builder (the real one, or the mock
/// runtime's in tests).
pub fn with_commands<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    state: AppState,
) -> tauri::Builder<R> {
    builder
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::list_children,
            commands::add_child,
            commands::open_child,
            commands::report_missing,
            commands::set_last_seen,
            commands::load_sample_children,
            commands::ui_ready,
        ])
}

pub fn run(options: Options) -> Result<(), String> {
    let state = open_state(&options)?;
    with_commands(tauri::Builder::default(), state)
        .run(tauri::generate_context!())
        .map_err(|e| format!("the window could not start: {e}"))
}
