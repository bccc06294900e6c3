//! Commands for the risk checklists: where each stands for a child, start an assessment, answer,
//! sign off, and mark the child suspected trafficked when a concern proposes it.

use harbour_core::api::ApiError;
use harbour_core::checklists::{Answer, AssessmentView, ChecklistStatus};
use harbour_core::{AssessmentId, Child, ChildId};
use tauri::State;

use crate::commands::with_store;
use crate::AppState;

#[tauri::command(async, rename_all = "snake_case")]
pub fn checklist_statuses(
    state: State<'_, AppState>,
    child_id: ChildId,
) -> Result<Vec<ChecklistStatus>, ApiError> {
    with_store(&state, |store| store.checklist_statuses(child_id))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn start_assessment(
    state: State<'_, AppState>,
    child_id: ChildId,
    checklist: String,
) -> Result<AssessmentView, ApiError> {
    with_store(&state, |store| store.start_assessment(child_id, &checklist))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn assessment(
    state: State<'_, AppState>,
    assessment_id: AssessmentId,
) -> Result<AssessmentView, ApiError> {
    with_store(&state, |store| store.assessment(assessment_id))
}

/// One answer, saved the moment it is given (with the note beside it, if any).
#[tauri::command(async, rename_all = "snake_case")]
pub fn answer_item(
    state: State<'_, AppState>,
    assessment_id: AssessmentId,
    item: String,
    answer: Answer,
    evidence: String,
    observed_by: String,
) -> Result<AssessmentView, ApiError> {
    with_store(&state, |store| {
        store.answer(assessment_id, &item, answer, &evidence, &observed_by)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn sign_off_assessment(
    state: State<'_, AppState>,
    assessment_id: AssessmentId,
    note: String,
) -> Result<AssessmentView, ApiError> {
    with_store(&state, |store| {
        store.sign_off_assessment(assessment_id, &note)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn mark_suspected_trafficked(
    state: State<'_, AppState>,
    child_id: ChildId,
) -> Result<Child, ApiError> {
    with_store(&state, |store| store.mark_suspected_trafficked(child_id))
}
