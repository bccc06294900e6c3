//! Commands for the child's profile: open it (audited), save a section, record a check.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use harbour_core::api::ApiError;
use harbour_core::profile::{PhotoKind, ProfileOpened, ProfileView, Section, SectionInput};
use harbour_core::{ChildId, ChildInput};
use tauri::{AppHandle, Runtime};

use crate::commands::{blocking, on_store, with_store};
use harbour_store::{Store, StoreError};

/// The profile with the child's photo as a `data:` URL the webview can show under the strict
/// CSP.
pub(crate) fn opened(store: &Store, profile: ProfileView) -> Result<ProfileOpened, StoreError> {
    let url = |j: Vec<u8>| format!("data:image/jpeg;base64,{}", BASE64.encode(j));
    let photo = store.child_photo(profile.child.id)?.map(url);
    let full_photo = store.child_full_photo(profile.child.id)?.map(url);
    Ok(ProfileOpened {
        profile,
        photo,
        full_photo,
    })
}

/// The carer opens a child's profile (the view is audited).
#[tauri::command(rename_all = "snake_case")]
pub async fn open_profile<R: Runtime>(
    app: AppHandle<R>,
    child_id: ChildId,
) -> Result<ProfileOpened, ApiError> {
    on_store(app, move |store| {
        let profile = store.open_profile(child_id)?;
        opened(store, profile)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn save_profile<R: Runtime>(
    app: AppHandle<R>,
    child_id: ChildId,
    input: SectionInput,
) -> Result<ProfileView, ApiError> {
    on_store(app, move |store| store.save_profile(child_id, &input)).await
}

/// Corrects the child's name, date of birth, languages or flags: only what changed is
/// written. Clearing a flag needs a manager or administrator and `flag_reason`.
#[tauri::command(rename_all = "snake_case")]
pub async fn update_child<R: Runtime>(
    app: AppHandle<R>,
    child_id: ChildId,
    input: ChildInput,
    flag_reason: Option<String>,
) -> Result<ProfileView, ApiError> {
    blocking(app, move |state| {
        let flag_reason = flag_reason.unwrap_or_default();
        with_store(&state, |store| {
            store.update_child(child_id, &input, &flag_reason)
        })
    })
    .await
}

/// Moves the child to another of this computer's teams on the same hub (managers, placement
/// officers, administrators in both): the record goes with them; the team they leave keeps a
/// read-only copy. Returns the profile as it is here now.
#[tauri::command(rename_all = "snake_case")]
pub async fn move_child<R: Runtime>(
    app: AppHandle<R>,
    child_id: ChildId,
    team: harbour_core::TeamId,
) -> Result<ProfileView, ApiError> {
    blocking(app, move |state| {
        with_store(&state, |store| {
            store.move_child(child_id, team)?;
            store.profile(child_id)
        })
    })
    .await
}

/// Joins `merge` to `keep`, two records of one child: nothing of either is lost. Returns the
/// kept record's profile.
#[tauri::command(rename_all = "snake_case")]
pub async fn merge_children<R: Runtime>(
    app: AppHandle<R>,
    keep: ChildId,
    merge: ChildId,
) -> Result<ProfileView, ApiError> {
    blocking(app, move |state| {
        with_store(&state, |store| {
            store.merge_children(keep, merge)?;
            store.profile(keep)
        })
    })
    .await
}

/// The kind of file a transfer package is, and its ending.
const PACKAGE: (&str, &str) = ("Harbour transfer package", "harbour");

/// Saves the child's whole record as a transfer package, sealed under `passphrase`, where the
/// person chooses (managers, placement officers, administrators; audited). `None`: they
/// cancelled, and nothing was made. A passphrase too short is refused before the dialog opens.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_transfer_package<R: Runtime>(
    app: AppHandle<R>,
    child_id: ChildId,
    passphrase: String,
) -> Result<Option<String>, ApiError> {
    let dialog = app.clone();
    blocking(app, move |state| {
        harbour_store::passphrase_ok(&passphrase).map_err(crate::commands::api_error)?;
        with_store(&state, |store| {
            store.require(harbour_core::Action::ExportRecords)?;
            store.child(child_id).map(drop)
        })?;
        let asked = crate::files::SaveAs {
            title: "transfer-save-dialog-title",
            file_name: "child-record.harbour",
            kind: PACKAGE,
        };
        let saved = asked.save(
            &dialog,
            || with_store(&state, |store| store.transfer_out(child_id, &passphrase)),
            |_| ApiError::backend(),
        )?;
        Ok(saved.map(|path| path.display().to_string()))
    })
    .await
}

/// Brings a child's record in from a transfer package the person chooses, opened with
/// `passphrase`, into the team shown. `None`: they cancelled. Refused whole, with nothing
/// written, if the file is not a package, was changed, or the passphrase is not its own.
#[tauri::command(rename_all = "snake_case")]
pub async fn open_transfer_package<R: Runtime>(
    app: AppHandle<R>,
    passphrase: String,
) -> Result<Option<ChildId>, ApiError> {
    let dialog = app.clone();
    blocking(app, move |state| {
        with_store(&state, |store| {
            store.require(harbour_core::Action::MoveRecords)
        })?;
        let Some(path) = crate::files::choose_file(&dialog, "transfer-open-dialog-title", PACKAGE)
        else {
            return Ok(None);
        };
        let bytes = std::fs::read(&path)
            .map_err(|_| crate::commands::api_error(harbour_store::StoreError::TransferRefused))?;
        with_store(&state, |store| store.transfer_in(&bytes, &passphrase)).map(Some)
    })
    .await
}

/// A new face or full-length photo (face when not said) with the date it was taken; returns
/// the profile and the photos.
#[tauri::command(rename_all = "snake_case")]
pub async fn set_photo<R: Runtime>(
    app: AppHandle<R>,
    child_id: ChildId,
    kind: Option<PhotoKind>,
    photo_base64: String,
    taken_on: String,
) -> Result<ProfileOpened, ApiError> {
    blocking(app, move |state| {
        // Undecodable base64 goes on as an empty file: reported as an unreadable photo.
        let photo = BASE64.decode(photo_base64.as_bytes()).unwrap_or_default();
        with_store(&state, |store| {
            let profile = store.set_photo(child_id, kind.unwrap_or_default(), &photo, &taken_on)?;
            opened(store, profile)
        })
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn review_profile<R: Runtime>(
    app: AppHandle<R>,
    child_id: ChildId,
    section: Section,
) -> Result<ProfileView, ApiError> {
    on_store(app, move |store| store.review_profile(child_id, section)).await
}
