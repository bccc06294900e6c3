//! Tauri's `window.__TAURI_INTERNALS__.invoke` (what `@tauri-apps/api`'s `invoke` calls; the
//! global `window.__TAURI__` API is not injected, so a script in the page has no ready-made
//! handle on every plugin), under the typed `crate::backend::Backend` (the screens
//! never call it themselves). A failure always arrives as an `ApiError` with a Fluent message id.

use harbour_core::api::ApiError;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["window", "__TAURI_INTERNALS__"], js_name = invoke, catch)]
    async fn tauri_invoke(cmd: &str, args: JsValue) -> Result<JsValue, JsValue>;
}

/// Raised on the window whenever the shell answers "locked" (it locked itself after the idle
/// time, or was locked elsewhere): the gate shows the lock screen.
pub const LOCKED_EVENT: &str = "harbour-locked";

pub async fn call<A: Serialize, R: DeserializeOwned>(cmd: &str, args: &A) -> Result<R, ApiError> {
    let result = invoke(cmd, args).await;
    if let Err(e) = &result {
        if e.code == "locked" {
            if let Some(window) = web_sys::window() {
                if let Ok(event) = web_sys::Event::new(LOCKED_EVENT) {
                    let _ = window.dispatch_event(&event);
                }
            }
        }
    }
    result
}

async fn invoke<A: Serialize, R: DeserializeOwned>(cmd: &str, args: &A) -> Result<R, ApiError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let args = args
        .serialize(&serializer)
        .map_err(|_| ApiError::backend())?;
    match tauri_invoke(cmd, args).await {
        Ok(value) => serde_wasm_bindgen::from_value(value).map_err(|_| ApiError::backend()),
        Err(err) => {
            Err(serde_wasm_bindgen::from_value(err).unwrap_or_else(|_| ApiError::backend()))
        }
    }
}

/// For commands without arguments.
#[derive(Serialize)]
pub struct NoArgs {}
