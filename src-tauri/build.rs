//! Tauri's build step, with Harbour's commands allow-listed: the webview may call exactly these
//! and nothing else (capabilities/main.json grants them to the main window).

fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "lock_status",
            "set_up",
            "unlock",
            "lock",
            "still_here",
            "list_children",
            "add_child",
            "report_missing",
            "set_last_seen",
            "episode_view",
            "record_event",
            "load_sample_children",
            "ui_ready",
            "change_pin",
            "set_auto_lock",
            "list_users",
            "add_user",
            "disable_user",
            "start_backup",
            "backup_progress",
            "save_grab_sheet",
            "print_grab_sheet",
            "open_profile",
            "save_profile",
            "review_profile",
            "set_photo",
            "update_child",
            "record_print_view",
            "get_organisation",
            "save_organisation",
            "checklist_statuses",
            "start_assessment",
            "assessment",
            "answer_item",
            "sign_off_assessment",
            "mark_suspected_trafficked",
            "save_help_card",
            "print_help_card",
            "set_child_screen",
        ]),
    ))
    .expect("tauri-build failed");
}
