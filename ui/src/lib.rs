//! Harbour's front end (Yew, compiled to wasm32, shown in the Tauri window).
//!
//! State lives in reducers (`state`, `form`) that are plain Rust and tested natively; components
//! render them; every call to the shell goes through `ipc`. Words come from Fluent (`i18n`),
//! rules from `harbour-core`.

// Yew props hold reducer handles and callbacks, which have no useful Debug output.
#![allow(missing_debug_implementations)]

pub mod backend;
pub mod components;
pub mod form;
pub mod i18n;
pub mod ipc;
pub mod state;
pub mod time;

pub use components::app::App;
pub use components::lock::Root;
