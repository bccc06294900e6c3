//! Commands for the risk checklists: where each stands for a child, start an assessment, answer,
//! sign off, and mark the child suspected trafficked when a concern proposes it.

use harbour_core::api::ApiError;
use harbour_core::checklists::{Answer, AssessmentView, ChecklistStatus};
use harbour_core::{AssessmentId, Child, ChildId};
use tauri::{AppHandle, Runtime};

use crate::commands::on_store;

#[tauri::command(rename_all = "snake_case")]
pub async fn checklist_statuses<R: Runtime>(
    app: AppHandle<R>,
    child_id: ChildId,
) -> Result<Vec<ChecklistStatus>, ApiError> {
    on_store(app, move |store| store.checklist_statuses(child_id)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn start_assessment<R: Runtime>(
    app: AppHandle<R>,
    child_id: ChildId,
    checklist: String,
) -> Result<AssessmentView, ApiError> {
    on_store(app, move |store| {
        store.start_assessment(child_id, &checklist)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn assessment<R: Runtime>(
    app: AppHandle<R>,
    assessment_id: AssessmentId,
) -> Result<AssessmentView, ApiError> {
    on_store(app, move |store| store.assessment(assessment_id)).await
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
    on_store(app, move |store| {
        store.answer(assessment_id, &item, answer, &evidence, &observed_by)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn sign_off_assessment<R: Runtime>(
    app: AppHandle<R>,
    assessment_id: AssessmentId,
    note: String,
) -> Result<AssessmentView, ApiError> {
    on_store(app, move |store| {
        store.sign_off_assessment(assessment_id, &note)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn mark_suspected_trafficked<R: Runtime>(
    app: AppHandle<R>,
    child_id: ChildId,
) -> Result<Child, ApiError> {
    on_store(app, move |store| store.mark_suspected_trafficked(child_id)).await
}
