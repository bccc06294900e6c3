//! Commands for the risk checklists: where each stands for a child, start an assessment, answer,
//! sign off, and mark the child suspected trafficked when a concern proposes it.

use harbour_core::api::ApiError;
use harbour_core::checklists::{Answer, AssessmentView, ChecklistStatus};
use harbour_core::{AssessmentId, Child, ChildId};
use tauri::{AppHandle, Runtime};

use crate::commands::{blocking, with_store};

#[tauri::command(rename_all = "snake_case")]
pub async fn checklist_statuses<R: Runtime>(
    app: AppHandle<R>,
    child_id: ChildId,
) -> Result<Vec<ChecklistStatus>, ApiError> {
    blocking(app, move |state| {
        with_store(&state, |store| store.checklist_statuses(child_id))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn start_assessment<R: Runtime>(
    app: AppHandle<R>,
    child_id: ChildId,
    checklist: String,
) -> Result<AssessmentView, ApiError> {
    blocking(app, move |state| {
        with_store(&state, |store| store.start_assessment(child_id, &checklist))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn assessment<R: Runtime>(
    app: AppHandle<R>,
    assessment_id: AssessmentId,
) -> Result<AssessmentView, ApiError> {
    blocking(app, move |state| {
        with_store(&state, |store| store.assessment(assessment_id))
    })
    .await
}

/// One answer, saved the moment it is given (with the note beside it, if any).
#[tauri::command(rename_all = "snake_case")]
pub async fn answer_item<R: Runtime>(
    app: AppHandle<R>,
    assessment_id: AssessmentId,
    item: String,
    answer: Answer,
    evidence: String,
    observed_by: String,
) -> Result<AssessmentView, ApiError> {
    blocking(app, move |state| {
        with_store(&state, |store| {
            store.answer(assessment_id, &item, answer, &evidence, &observed_by)
        })
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn sign_off_assessment<R: Runtime>(
    app: AppHandle<R>,
    assessment_id: AssessmentId,
    note: String,
) -> Result<AssessmentView, ApiError> {
    blocking(app, move |state| {
        with_store(&state, |store| {
            store.sign_off_assessment(assessment_id, &note)
        })
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn mark_suspected_trafficked<R: Runtime>(
    app: AppHandle<R>,
    child_id: ChildId,
) -> Result<Child, ApiError> {
    blocking(app, move |state| {
        with_store(&state, |store| store.mark_suspected_trafficked(child_id))
    })
    .await
}
