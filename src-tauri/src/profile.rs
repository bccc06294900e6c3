//! Commands for the child's profile: open it (audited), save a section, record a check.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use harbour_core::api::ApiError;
use harbour_core::profile::{ProfileOpened, ProfileView, Section, SectionInput};
use harbour_core::ChildId;
use tauri::State;

use crate::commands::with_store;
use crate::AppState;

#[tauri::command(rename_all = "snake_case")]
pub fn open_profile(
    state: State<'_, AppState>,
    child_id: ChildId,
) -> Result<ProfileOpened, ApiError> {
    let (profile, jpeg) = with_store(&state, |store| {
        Ok((store.open_profile(child_id)?, store.child_photo(child_id)?))
    })?;
    Ok(ProfileOpened {
        profile,
        photo: jpeg.map(|j| format!("data:image/jpeg;base64,{}", BASE64.encode(j))),
    })
}

#[tauri::command(rename_all = "snake_case")]
pub fn save_profile(
    state: State<'_, AppState>,
    child_id: ChildId,
    input: SectionInput,
) -> Result<ProfileView, ApiError> {
    with_store(&state, |store| store.save_profile(child_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub fn review_profile(
    state: State<'_, AppState>,
    child_id: ChildId,
    section: Section,
) -> Result<ProfileView, ApiError> {
    with_store(&state, |store| store.review_profile(child_id, section))
}
