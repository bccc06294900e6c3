//! The one way the screens reach the shell: a typed method per command, over a [`Transport`]
//! that is Tauri's `invoke` in the app and a fake in tests. A command's name and its
//! arguments' names are written once, here, so a typo is a compile error in one place.

use chrono::{DateTime, Utc};
use harbour_core::api::{
    ApiError, AuditFilter, AuditView, BackupProgress, ChangedTwice, ChildEntry, EpisodeView,
    KeysReplaced, LockStatus, NewRecoveryKey, PinChange, Protection, Reported, SheetPage, SyncJoin,
    SyncView, Unlock,
};
use harbour_core::arrivals::Arrivals;
use harbour_core::checklists::{Answer, AssessmentView, ChecklistStatus};
use harbour_core::episode::EpisodeEvent;
use harbour_core::help::ChildHelpSettings;
use harbour_core::organisation::Organisation;
use harbour_core::profile::{PhotoKind, ProfileOpened, ProfileView, Section, SectionInput};
use harbour_core::teams::TeamsView;
use harbour_core::{
    AssessmentId, Child, ChildId, ChildInput, EpisodeId, MissingEpisode, NewUser, Role, TeamId,
    User, UserId,
};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::state::{Action, AppState};

/// An answer on its way.
pub type Reply = Pin<Box<dyn Future<Output = Result<Value, ApiError>>>>;

/// Carries one command and its arguments (as JSON) to the shell and brings back its answer.
pub trait Transport {
    fn invoke(&self, cmd: &'static str, args: Value) -> Reply;
}

/// Tauri's `invoke` (see [`crate::ipc`]).
struct Tauri;

impl Transport for Tauri {
    fn invoke(&self, cmd: &'static str, args: Value) -> Reply {
        Box::pin(async move { crate::ipc::call::<Value, Value>(cmd, &args).await })
    }
}

/// The shell, as the screens see it. Cheap to clone; provided to every screen through context
/// (see [`use_backend`]).
#[derive(Clone)]
pub struct Backend(Rc<dyn Transport>);

impl PartialEq for Backend {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Default for Backend {
    fn default() -> Self {
        Self(Rc::new(Tauri))
    }
}

/// The backend the app was given, or Tauri's.
#[hook]
pub fn use_backend() -> Backend {
    use_context::<Backend>().unwrap_or_default()
}

impl Backend {
    pub fn with(transport: impl Transport + 'static) -> Self {
        Self(Rc::new(transport))
    }

    async fn send<R: DeserializeOwned>(
        &self,
        cmd: &'static str,
        args: Value,
    ) -> Result<R, ApiError> {
        let value = self.0.invoke(cmd, args).await?;
        serde_json::from_value(value).map_err(|_| ApiError::backend())
    }

    // The lock, set-up and the window.

    pub async fn lock_status(&self) -> Result<LockStatus, ApiError> {
        self.send("lock_status", json!({})).await
    }

    pub async fn set_up(&self, user: &NewUser) -> Result<LockStatus, ApiError> {
        self.send("set_up", json!({ "user": user })).await
    }

    pub async fn unlock(&self, form: &Unlock) -> Result<LockStatus, ApiError> {
        self.send("unlock", json!({ "form": form })).await
    }

    pub async fn lock(&self) -> Result<LockStatus, ApiError> {
        self.send("lock", json!({})).await
    }

    pub async fn still_here(&self) -> Result<bool, ApiError> {
        self.send("still_here", json!({})).await
    }

    pub async fn steps_in_front(&self, episode_id: Option<EpisodeId>) -> Result<u32, ApiError> {
        self.send("steps_in_front", json!({ "episode_id": episode_id }))
            .await
    }

    pub async fn ui_ready(&self) -> Result<(), ApiError> {
        self.send("ui_ready", json!({})).await
    }

    pub async fn set_child_screen(&self, on: bool) -> Result<(), ApiError> {
        self.send("set_child_screen", json!({ "on": on })).await
    }

    // Children and episodes.

    pub async fn list_children(&self) -> Result<Vec<ChildEntry>, ApiError> {
        self.send("list_children", json!({})).await
    }

    pub async fn add_child(
        &self,
        input: &ChildInput,
        photo_base64: Option<&str>,
        team_id: Option<TeamId>,
    ) -> Result<Child, ApiError> {
        let args = json!({ "input": input, "photo_base64": photo_base64, "team_id": team_id });
        self.send("add_child", args).await
    }

    pub async fn report_missing(&self, child_id: ChildId) -> Result<Reported, ApiError> {
        self.send("report_missing", json!({ "child_id": child_id }))
            .await
    }

    pub async fn set_last_seen(
        &self,
        episode_id: EpisodeId,
        at: DateTime<Utc>,
    ) -> Result<MissingEpisode, ApiError> {
        let args = json!({ "episode_id": episode_id, "at": at });
        self.send("set_last_seen", args).await
    }

    pub async fn episode_view(&self, episode_id: EpisodeId) -> Result<EpisodeView, ApiError> {
        self.send("episode_view", json!({ "episode_id": episode_id }))
            .await
    }

    pub async fn record_event(
        &self,
        episode_id: EpisodeId,
        event: &EpisodeEvent,
    ) -> Result<EpisodeView, ApiError> {
        let args = json!({ "episode_id": episode_id, "event": event });
        self.send("record_event", args).await
    }

    // The profile.

    pub async fn open_profile(&self, child_id: ChildId) -> Result<ProfileOpened, ApiError> {
        self.send("open_profile", json!({ "child_id": child_id }))
            .await
    }

    pub async fn save_profile(
        &self,
        child_id: ChildId,
        input: &SectionInput,
    ) -> Result<ProfileView, ApiError> {
        let args = json!({ "child_id": child_id, "input": input });
        self.send("save_profile", args).await
    }

    pub async fn review_profile(
        &self,
        child_id: ChildId,
        section: Section,
    ) -> Result<ProfileView, ApiError> {
        let args = json!({ "child_id": child_id, "section": section });
        self.send("review_profile", args).await
    }

    pub async fn move_child(
        &self,
        child_id: ChildId,
        team: harbour_core::TeamId,
    ) -> Result<ProfileView, ApiError> {
        self.send("move_child", json!({ "child_id": child_id, "team": team }))
            .await
    }

    pub async fn merge_children(
        &self,
        keep: ChildId,
        merge: ChildId,
    ) -> Result<ProfileView, ApiError> {
        self.send("merge_children", json!({ "keep": keep, "merge": merge }))
            .await
    }

    pub async fn save_transfer_package(
        &self,
        child_id: ChildId,
        passphrase: &str,
    ) -> Result<Option<String>, ApiError> {
        let args = json!({ "child_id": child_id, "passphrase": passphrase });
        self.send("save_transfer_package", args).await
    }

    pub async fn open_transfer_package(
        &self,
        passphrase: &str,
    ) -> Result<Option<ChildId>, ApiError> {
        self.send("open_transfer_package", json!({ "passphrase": passphrase }))
            .await
    }

    pub async fn update_child(
        &self,
        child_id: ChildId,
        input: &ChildInput,
        flag_reason: &str,
    ) -> Result<ProfileView, ApiError> {
        let args = json!({ "child_id": child_id, "input": input, "flag_reason": flag_reason });
        self.send("update_child", args).await
    }

    pub async fn set_photo(
        &self,
        child_id: ChildId,
        kind: PhotoKind,
        photo_base64: &str,
        taken_on: &str,
    ) -> Result<ProfileOpened, ApiError> {
        let args = json!({
            "child_id": child_id,
            "kind": kind,
            "photo_base64": photo_base64,
            "taken_on": taken_on,
        });
        self.send("set_photo", args).await
    }

    // Risk checklists.

    pub async fn checklist_statuses(
        &self,
        child_id: ChildId,
    ) -> Result<Vec<ChecklistStatus>, ApiError> {
        self.send("checklist_statuses", json!({ "child_id": child_id }))
            .await
    }

    pub async fn start_assessment(
        &self,
        child_id: ChildId,
        checklist: &str,
    ) -> Result<AssessmentView, ApiError> {
        let args = json!({ "child_id": child_id, "checklist": checklist });
        self.send("start_assessment", args).await
    }

    pub async fn assessment(
        &self,
        assessment_id: AssessmentId,
    ) -> Result<AssessmentView, ApiError> {
        self.send("assessment", json!({ "assessment_id": assessment_id }))
            .await
    }

    pub async fn answer_item(
        &self,
        assessment_id: AssessmentId,
        item: &str,
        answer: Answer,
        evidence: &str,
        observed_by: &str,
    ) -> Result<AssessmentView, ApiError> {
        let args = json!({
            "assessment_id": assessment_id,
            "item": item,
            "answer": answer,
            "evidence": evidence,
            "observed_by": observed_by,
        });
        self.send("answer_item", args).await
    }

    pub async fn sign_off_assessment(
        &self,
        assessment_id: AssessmentId,
        note: &str,
    ) -> Result<AssessmentView, ApiError> {
        let args = json!({ "assessment_id": assessment_id, "note": note });
        self.send("sign_off_assessment", args).await
    }

    pub async fn mark_suspected_trafficked(&self, child_id: ChildId) -> Result<Child, ApiError> {
        self.send("mark_suspected_trafficked", json!({ "child_id": child_id }))
            .await
    }

    // The grab sheet and the child's help card.

    pub async fn grab_sheet_page(&self, child_id: ChildId) -> Result<SheetPage, ApiError> {
        self.send("grab_sheet_page", json!({ "child_id": child_id }))
            .await
    }

    pub async fn record_print_view(&self, child_id: ChildId) -> Result<(), ApiError> {
        self.send("record_print_view", json!({ "child_id": child_id }))
            .await
    }

    /// Opens the grab sheet in the desktop's PDF viewer (a private copy, deleted on lock).
    pub async fn open_grab_sheet(&self, child_id: ChildId) -> Result<(), ApiError> {
        self.send("open_grab_sheet", json!({ "child_id": child_id }))
            .await
    }

    /// "Save a copy…" through the system's file dialog: where it went, or `None` if the
    /// dialog was cancelled.
    pub async fn save_grab_sheet_copy(
        &self,
        child_id: ChildId,
    ) -> Result<Option<String>, ApiError> {
        self.send("save_grab_sheet_copy", json!({ "child_id": child_id }))
            .await
    }

    pub async fn print_grab_sheet(&self, child_id: ChildId) -> Result<(), ApiError> {
        self.send("print_grab_sheet", json!({ "child_id": child_id }))
            .await
    }

    pub async fn help_numbers(&self) -> Result<ChildHelpSettings, ApiError> {
        self.send("help_numbers", json!({})).await
    }

    /// Saves the help card in language `tag` as a PDF; returns where.
    pub async fn save_help_card(&self, tag: &str) -> Result<String, ApiError> {
        self.send("save_help_card", json!({ "tag": tag })).await
    }

    pub async fn print_help_card(&self, tag: &str) -> Result<(), ApiError> {
        self.send("print_help_card", json!({ "tag": tag })).await
    }

    // Settings, staff and homes.

    pub async fn change_pin(&self, form: &PinChange) -> Result<(), ApiError> {
        self.send("change_pin", json!({ "form": form })).await
    }

    pub async fn set_auto_lock(&self, minutes: u32) -> Result<(), ApiError> {
        self.send("set_auto_lock", json!({ "minutes": minutes }))
            .await
    }

    pub async fn get_organisation(&self) -> Result<Organisation, ApiError> {
        self.send("get_organisation", json!({})).await
    }

    pub async fn save_organisation(
        &self,
        organisation: &Organisation,
    ) -> Result<Organisation, ApiError> {
        self.send("save_organisation", json!({ "organisation": organisation }))
            .await
    }

    pub async fn teams(&self) -> Result<TeamsView, ApiError> {
        self.send("teams", json!({})).await
    }

    pub async fn choose_team(&self, team_id: TeamId) -> Result<TeamsView, ApiError> {
        self.send("choose_team", json!({ "team_id": team_id }))
            .await
    }

    pub async fn add_team(&self, name: &str) -> Result<TeamsView, ApiError> {
        self.send("add_team", json!({ "name": name })).await
    }

    pub async fn rename_team(&self, team_id: TeamId, name: &str) -> Result<TeamsView, ApiError> {
        self.send("rename_team", json!({ "team_id": team_id, "name": name }))
            .await
    }

    pub async fn set_team_member(
        &self,
        team_id: TeamId,
        user_id: UserId,
        member: bool,
    ) -> Result<TeamsView, ApiError> {
        let args = json!({ "team_id": team_id, "user_id": user_id, "member": member });
        self.send("set_team_member", args).await
    }

    pub async fn arrivals(&self) -> Result<Arrivals, ApiError> {
        self.send("arrivals", json!({})).await
    }

    // Sync.

    pub async fn sync_status(&self) -> Result<SyncView, ApiError> {
        self.send("sync_status", json!({})).await
    }

    pub async fn sync_now(&self) -> Result<SyncView, ApiError> {
        self.send("sync_now", json!({})).await
    }

    pub async fn sync_join(&self, form: &SyncJoin) -> Result<SyncView, ApiError> {
        self.send("sync_join", json!({ "form": form })).await
    }

    pub async fn sync_invite(&self, token: &str, pin: &str) -> Result<String, ApiError> {
        self.send("sync_invite", json!({ "token": token, "pin": pin }))
            .await
    }

    pub async fn sync_leave(&self, team_id: TeamId) -> Result<SyncView, ApiError> {
        self.send("sync_leave", json!({ "team_id": team_id })).await
    }

    pub async fn changed_twice(&self) -> Result<Vec<ChangedTwice>, ApiError> {
        self.send("changed_twice", json!({})).await
    }

    /// Keeps the value shown (`other_op` `None`) or the other.
    pub async fn choose_changed_twice(
        &self,
        child_id: ChildId,
        key: &str,
        other_op: Option<&str>,
    ) -> Result<Vec<ChangedTwice>, ApiError> {
        self.send(
            "choose_changed_twice",
            json!({ "child_id": child_id, "key": key, "other_op": other_op }),
        )
        .await
    }

    /// A new computer joins a team (first run): the names of who can now sign in.
    pub async fn join_team(&self, code: &str) -> Result<Vec<String>, ApiError> {
        self.send("join_team", json!({ "code": code })).await
    }

    pub async fn list_users(&self) -> Result<Vec<User>, ApiError> {
        self.send("list_users", json!({})).await
    }

    pub async fn add_user(&self, user: &NewUser, role: Role) -> Result<User, ApiError> {
        self.send("add_user", json!({ "user": user, "role": role }))
            .await
    }

    pub async fn disable_user(&self, user_id: UserId) -> Result<(), ApiError> {
        self.send("disable_user", json!({ "user_id": user_id }))
            .await
    }

    pub async fn reset_pin(
        &self,
        user_id: UserId,
        pin: &str,
        pin_again: &str,
    ) -> Result<(), ApiError> {
        self.send(
            "reset_pin",
            json!({ "user_id": user_id, "pin": pin, "pin_again": pin_again }),
        )
        .await
    }

    pub async fn new_recovery_key(&self) -> Result<NewRecoveryKey, ApiError> {
        self.send("new_recovery_key", json!({})).await
    }

    /// Prints the recovery key just shown, streamed to the printer (admins only).
    pub async fn print_recovery_key(&self, key: &str) -> Result<(), ApiError> {
        self.send("print_recovery_key", json!({ "key": key })).await
    }

    pub async fn recovery_key_made_at(&self) -> Result<Option<DateTime<Utc>>, ApiError> {
        self.send("recovery_key_made_at", json!({})).await
    }

    pub async fn rotate_keys(&self) -> Result<KeysReplaced, ApiError> {
        self.send("rotate_keys", json!({})).await
    }

    pub async fn protection(&self) -> Result<Protection, ApiError> {
        self.send("protection", json!({})).await
    }

    pub async fn start_backup(&self) -> Result<BackupProgress, ApiError> {
        self.send("start_backup", json!({})).await
    }

    pub async fn backup_progress(&self) -> Result<BackupProgress, ApiError> {
        self.send("backup_progress", json!({})).await
    }

    // The audit record.

    pub async fn audit_view(&self, filter: &AuditFilter) -> Result<AuditView, ApiError> {
        self.send("audit_view", json!({ "filter": filter })).await
    }

    /// Saves the matching entries as CSV where the person chooses in the system's dialog:
    /// where it went, or `None` if the dialog was cancelled.
    pub async fn export_audit(&self, filter: &AuditFilter) -> Result<Option<String>, ApiError> {
        self.send("export_audit", json!({ "filter": filter })).await
    }
}

/// Reads the list of children, the settings and the homes again, into the app's state.
pub fn reload(backend: &Backend, state: UseReducerDispatcher<AppState>) {
    let (settings, backend, lists) = (state.clone(), backend.clone(), backend.clone());
    spawn_local(async move {
        if let Ok(org) = backend.get_organisation().await {
            settings.dispatch(Action::OrganisationLoaded(org));
        }
        if let Ok(teams) = backend.teams().await {
            settings.dispatch(Action::TeamsLoaded(teams));
        }
    });
    spawn_local(async move {
        match lists.list_children().await {
            Ok(children) => state.dispatch(Action::Loaded(children)),
            Err(e) => state.dispatch(Action::Failed(e)),
        }
    });
}

#[cfg(test)]
pub mod fake {
    //! A backend for tests: answers each command from a table, and remembers what was asked.

    use super::*;
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    #[derive(Default)]
    pub struct Fake {
        answers: RefCell<BTreeMap<&'static str, Result<Value, ApiError>>>,
        pub asked: RefCell<Vec<(&'static str, Value)>>,
    }

    impl Fake {
        /// Answers `cmd` with `value` from now on.
        pub fn answer(&self, cmd: &'static str, value: impl serde::Serialize) {
            let value = serde_json::to_value(value).unwrap();
            self.answers.borrow_mut().insert(cmd, Ok(value));
        }

        /// Refuses `cmd` with `error` from now on.
        pub fn refuse(&self, cmd: &'static str, error: ApiError) {
            self.answers.borrow_mut().insert(cmd, Err(error));
        }
    }

    impl Transport for Rc<Fake> {
        fn invoke(&self, cmd: &'static str, args: Value) -> Reply {
            self.asked.borrow_mut().push((cmd, args));
            let answer = self
                .answers
                .borrow()
                .get(cmd)
                .cloned()
                .unwrap_or_else(|| Err(ApiError::backend()));
            Box::pin(async move { answer })
        }
    }
}
