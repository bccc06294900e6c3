//! The grab sheet's commands: printed (streamed to the print service, no file), opened in the
//! desktop's PDF viewer (from the private folder, deleted when Harbour locks, closes or the
//! episode closes), its web page, and "Save a copy…" (the person's choice, after a warning,
//! through the system's file dialog). Each is audited before the page leaves the store.

use harbour_core::api::{ApiError, SheetPage};
use harbour_core::ChildId;
use harbour_store::SheetOut;
use tauri::{AppHandle, Runtime, State};

use super::{api_error, blocking, gate, on_store, refused, with_store};
use crate::sheet::SheetError;
use crate::AppState;

pub fn sheet_error(e: SheetError) -> ApiError {
    match e {
        SheetError::Store(e) => api_error(e),
        other => ApiError {
            code: other.code().into(),
            message_id: other.message_id().into(),
            fields: Vec::new(),
            retry_after_seconds: None,
            profile_fields: Vec::new(),
        },
    }
}

/// Runs the store's part of a sheet under the gate; the PDF and the printer wait outside it.
fn with_sheet<T>(
    state: &State<'_, AppState>,
    f: impl FnOnce(&mut harbour_store::Store) -> Result<T, SheetError>,
) -> Result<T, ApiError> {
    let mut gate = gate(state);
    let store = gate.store().map_err(refused)?;
    f(store).map_err(sheet_error)
}

/// The child's grab sheet as a PDF, made outside the gate.
fn sheet_pdf(state: &State<'_, AppState>, child_id: ChildId) -> Result<Vec<u8>, ApiError> {
    let sheet = with_sheet(state, |store| crate::sheet::gather(store, child_id))?;
    crate::sheet::pdf(&sheet).map_err(sheet_error)
}

/// The grab sheet as a web page: the same content as the PDF, composed by the same rules (the
/// child's details are opened, and that view audited).
#[tauri::command(rename_all = "snake_case")]
pub async fn grab_sheet_page<R: Runtime>(
    app: AppHandle<R>,
    child_id: ChildId,
) -> Result<SheetPage, ApiError> {
    blocking(app, move |state| {
        let mut gate = gate(&state);
        let store = gate.store().map_err(refused)?;
        let opened = store
            .open_profile(child_id)
            .and_then(|p| crate::profile::opened(store, p))
            .map_err(api_error)?;
        let content = crate::sheet::content(store, child_id).map_err(sheet_error)?;
        Ok(SheetPage {
            content,
            photo: opened.photo,
            full_photo: opened.full_photo,
        })
    })
    .await
}

/// The grab sheet's web page (the fallback when a PDF cannot be made) is about to be printed:
/// written to the audit chain first.
#[tauri::command(rename_all = "snake_case")]
pub async fn record_print_view<R: Runtime>(
    app: AppHandle<R>,
    child_id: ChildId,
) -> Result<(), ApiError> {
    on_store(app, move |store| {
        store.record_grab_sheet(child_id, SheetOut::Printed)
    })
    .await
}

/// Sends the child's grab sheet to the default printer, through its standard input: no file.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_grab_sheet<R: Runtime>(
    app: AppHandle<R>,
    child_id: ChildId,
) -> Result<(), ApiError> {
    blocking(app, move |state| {
        let pdf = sheet_pdf(&state, child_id)?;
        with_store(&state, |store| {
            store.record_grab_sheet(child_id, SheetOut::Printed)
        })?;
        crate::sheet::send_to_printer(&pdf).map_err(sheet_error)
    })
    .await
}

/// Opens the child's grab sheet in the desktop's PDF viewer, to read, print or send from
/// there. The file is in the private folder under a neutral name, and is deleted when Harbour
/// locks or closes, or the episode closes.
#[tauri::command(rename_all = "snake_case")]
pub async fn open_grab_sheet<R: Runtime>(
    app: AppHandle<R>,
    child_id: ChildId,
) -> Result<(), ApiError> {
    blocking(app, move |state| {
        let pdf = sheet_pdf(&state, child_id)?;
        let (path, opener) = {
            let mut gate = gate(&state);
            gate.store()
                .map_err(refused)?
                .record_grab_sheet(child_id, SheetOut::Opened)
                .map_err(api_error)?;
            let files = gate.files().map_err(refused)?;
            let path = files
                .write(child_id, &pdf)
                .map_err(|e| sheet_error(SheetError::Io(e)))?;
            (path, files.opener())
        };
        if opener(&path) {
            Ok(())
        } else {
            let _ = std::fs::remove_file(&path);
            Err(sheet_error(SheetError::NoViewer))
        }
    })
    .await
}

/// "Save a copy…": after the screen's warning, the person chooses where in the system's file
/// dialog (opened from here; the webview has no access to the dialog). Audited before the file
/// is written, owner-only. `None`: the dialog was cancelled, and nothing was written.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_grab_sheet_copy<R: Runtime>(
    app: AppHandle<R>,
    child_id: ChildId,
) -> Result<Option<String>, ApiError> {
    let dialog = app.clone();
    blocking(app, move |state| {
        let pdf = sheet_pdf(&state, child_id)?;
        let asked = crate::files::SaveAs {
            title: "sheet-copy-dialog-title",
            file_name: "missing-person-grab-sheet.pdf",
            kind: ("PDF", "pdf"),
        };
        let saved = asked.save(
            &dialog,
            || {
                with_store(&state, |store| {
                    store.record_grab_sheet(child_id, SheetOut::Saved)
                })?;
                Ok(pdf)
            },
            |e| sheet_error(SheetError::Io(e)),
        )?;
        Ok(saved.map(|path| path.display().to_string()))
    })
    .await
}
