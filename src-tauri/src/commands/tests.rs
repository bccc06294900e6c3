//! The commands through Tauri's mock runtime, with the app's real config and capabilities: what
//! the webview sends is what these tests send.

use super::*;
use crate::with_commands;
use harbour_core::api::LockStatus;
use harbour_core::{Field, FieldError, FieldProblem};
use harbour_store::{DataDir, KdfParams};
use serde_json::{json, Value};
use tauri::test::{mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow};

struct TestApp {
    _app: tauri::App<MockRuntime>,
    webview: WebviewWindow<MockRuntime>,
    _dir: tempfile::TempDir,
}

/// The app on an empty data folder: first run.
fn first_run() -> TestApp {
    first_run_showing_files_with(|path| path.exists())
}

/// First run, with `opener` in place of the desktop's PDF viewer.
fn first_run_showing_files_with(opener: fn(&std::path::Path) -> bool) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let secrets = std::sync::Arc::new(harbour_store::SecretFolder::new(dir.path().join("device")));
    let state = AppState::new(
        DataDir::new(dir.path(), secrets),
        KdfParams::OWASP_MINIMUM,
        crate::files::PrivateFiles::new(dir.path().join("private")).with_opener(opener),
        false,
    );
    let app = with_commands(mock_builder(), state)
        .build(tauri::generate_context!())
        .unwrap();
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    TestApp {
        _app: app,
        webview,
        _dir: dir,
    }
}

const PIN: &str = "402719";

fn first_user() -> Value {
    json!({"user": {"name": "Sam Admin", "pin": PIN, "pin_again": PIN}})
}

/// Set up and unlocked.
fn app() -> (TestApp, WebviewWindow<MockRuntime>) {
    let app = first_run();
    invoke(&app.webview, "set_up", first_user()).unwrap();
    let w = app.webview.clone();
    (app, w)
}

fn error(v: Value) -> ApiError {
    serde_json::from_value(v).unwrap()
}

#[test]
fn first_run_then_lock_then_unlock() {
    let app = first_run();
    let w = &app.webview;
    let status: LockStatus =
        serde_json::from_value(invoke(w, "lock_status", json!({})).unwrap()).unwrap();
    assert!(!status.set_up && status.user.is_none());
    assert_eq!(
        error(invoke(w, "list_children", json!({})).unwrap_err()).code,
        "locked"
    );
    let bad = error(
        invoke(
            w,
            "set_up",
            json!({"user": {"name": "", "pin": "1234", "pin_again": "1235"}}),
        )
        .unwrap_err(),
    );
    assert_eq!(bad.fields.len(), 3, "{bad:?}");

    let status: LockStatus =
        serde_json::from_value(invoke(w, "set_up", first_user()).unwrap()).unwrap();
    let me = status.user.unwrap();
    assert_eq!(
        (me.name.as_str(), me.role),
        ("Sam Admin", harbour_core::Role::Admin)
    );
    assert!(me.may.contains(&harbour_core::Action::ManageUsers));
    assert_eq!(invoke(w, "list_children", json!({})).unwrap(), json!([]));

    let status: LockStatus = serde_json::from_value(invoke(w, "lock", json!({})).unwrap()).unwrap();
    assert!(status.set_up && status.user.is_none() && !status.needs_name);
    assert_eq!(
        error(invoke(w, "list_children", json!({})).unwrap_err()).code,
        "locked",
        "locking drops the store"
    );
    assert_eq!(invoke(w, "still_here", json!({})).unwrap(), json!(false));
    let wrong =
        error(invoke(w, "unlock", json!({"form": {"name": "", "pin": "999999"}})).unwrap_err());
    assert_eq!(
        (wrong.code.as_str(), wrong.message_id.as_str()),
        ("wrong_pin", "error-wrong-pin")
    );
    invoke(w, "unlock", json!({"form": {"name": "", "pin": PIN}})).unwrap();
    assert_eq!(invoke(w, "still_here", json!({})).unwrap(), json!(true));
    assert_eq!(invoke(w, "list_children", json!({})).unwrap(), json!([]));
}

fn invoke(webview: &WebviewWindow<MockRuntime>, cmd: &str, body: Value) -> Result<Value, Value> {
    tauri::test::get_ipc_response(
        webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            // The origin Tauri serves the app from on Linux; the capability allows only that.
            url: "tauri://localhost".parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|r| r.deserialize::<Value>().unwrap())
}

fn child_input(name: &str, trafficked: bool) -> Value {
    json!({
        "name_latin": name,
        "name_own_script": "",
        "date_of_birth": "2011-06-01",
        "languages": "Arabic",
        "unaccompanied": false,
        "suspected_trafficked": trafficked,
    })
}

/// Adds "Sample Noor", suspected trafficked, with no photo.
fn add_noor(w: &WebviewWindow<MockRuntime>) -> Value {
    invoke(
        w,
        "add_child",
        json!({"input": child_input("Sample Noor", true), "photo_base64": null}),
    )
    .unwrap()
}

#[test]
fn add_then_list_then_report_missing() {
    let (_app, w) = app();
    let child = add_noor(&w);
    let id = child["id"].as_str().unwrap().to_owned();
    assert_eq!(child["name_latin"], "Sample Noor");

    let reported = invoke(&w, "report_missing", json!({"child_id": id})).unwrap();
    let reported: Reported = serde_json::from_value(reported).unwrap();
    assert!(!reported.already_open);

    let list: Vec<ChildEntry> =
        serde_json::from_value(invoke(&w, "list_children", json!({})).unwrap()).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].open_episode.as_ref(), Some(&reported.episode));
}

#[test]
fn bad_input_comes_back_as_field_errors_with_message_ids() {
    let (_app, w) = app();
    let err = invoke(
        &w,
        "add_child",
        json!({"input": child_input("", false), "photo_base64": "%%% not base64"}),
    )
    .unwrap_err();
    let err: ApiError = serde_json::from_value(err).unwrap();
    assert_eq!(err.code, "invalid");
    assert_eq!(err.message_id, "error-name-required");
    assert_eq!(
        err.fields,
        [
            FieldError::new(Field::NameLatin, FieldProblem::Required),
            FieldError::new(Field::Photo, FieldProblem::Unreadable),
        ],
        "an undecodable upload is reported with the form's other problems"
    );

    let err = invoke(
        &w,
        "add_child",
        json!({"input": child_input("", false), "photo_base64": null}),
    )
    .unwrap_err();
    let err: ApiError = serde_json::from_value(err).unwrap();
    assert_eq!(
        err.fields,
        [FieldError::new(Field::NameLatin, FieldProblem::Required)]
    );
    let list = invoke(&w, "list_children", json!({})).unwrap();
    assert_eq!(list, json!([]));
}

#[test]
fn a_photo_round_trips_as_a_data_url() {
    let (_app, w) = app();
    let mut png = Vec::new();
    image::RgbImage::from_pixel(60, 40, image::Rgb([90, 120, 200]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let child = invoke(
        &w,
        "add_child",
        json!({"input": child_input("Sample Photo", false), "photo_base64": BASE64.encode(&png)}),
    )
    .unwrap();
    assert_eq!(child["has_photo"], true);
    let opened = invoke(&w, "open_profile", json!({"child_id": child["id"]})).unwrap();
    assert!(opened["photo"]
        .as_str()
        .unwrap()
        .starts_with("data:image/jpeg;base64,/9j/"));
    assert_eq!(opened["full_photo"], Value::Null);

    // The full-length photo: its own image and date, the face photo left as it was.
    let full = invoke(
        &w,
        "set_photo",
        json!({"child_id": child["id"], "kind": "full_length",
               "photo_base64": BASE64.encode(&png), "taken_on": "2026-11-01"}),
    )
    .unwrap();
    assert!(full["full_photo"]
        .as_str()
        .unwrap()
        .starts_with("data:image/jpeg;base64,/9j/"));
    assert_eq!(full["photo"], opened["photo"]);
    assert_eq!(full["profile"]["has_full_photo"], true);

    // "Child missing" brings the profile and photo with it, for the steps screen.
    let reported = invoke(&w, "report_missing", json!({"child_id": child["id"]})).unwrap();
    let reported: Reported = serde_json::from_value(reported).unwrap();
    let with = reported.opened.expect("the profile comes with the report");
    assert_eq!(
        with.profile.child.id.to_string(),
        child["id"].as_str().unwrap()
    );
    assert_eq!(
        Some(with.photo.unwrap()),
        opened["photo"].as_str().map(String::from)
    );
}

#[test]
fn unknown_child_is_a_translated_not_found() {
    let (_app, w) = app();
    let err = invoke(
        &w,
        "report_missing",
        json!({"child_id": "01936b6e-7c00-7000-8000-000000000001"}),
    )
    .unwrap_err();
    let err: ApiError = serde_json::from_value(err).unwrap();
    assert_eq!(
        (err.code.as_str(), err.message_id.as_str()),
        ("not_found", "error-not-found")
    );
}

/// Where this process's backups go: one folder for every test that makes one (the variable is
/// the whole process's), kept until the process ends.
fn backups_folder() {
    static FOLDER: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let dir = FOLDER.get_or_init(|| tempfile::tempdir().unwrap());
    std::env::set_var("HARBOUR_BACKUP_DIR", dir.path());
}

fn backup_finished(w: &WebviewWindow<MockRuntime>) -> harbour_core::api::BackupProgress {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let p: harbour_core::api::BackupProgress =
            serde_json::from_value(invoke(w, "backup_progress", json!({})).unwrap()).unwrap();
        if p.done {
            return p;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "backup never finished"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// The lock screen's question is answered while a backup of a large store and unlocks are held
/// part-way, each stopped inside its command: none holds the store meanwhile, and more unlocks
/// than the async runtime has worker threads do not use them all up (each waits on a thread of
/// the blocking pool).
#[test]
fn lock_status_answers_while_a_backup_and_unlocks_are_under_way() {
    use std::sync::{Arc, Barrier};
    backups_folder();
    let (_app, w) = app();
    for n in 0..200 {
        invoke(
            &w,
            "add_child",
            json!({"input": child_input(&format!("Sample Child {n}"), n % 2 == 0), "photo_base64": null}),
        )
        .unwrap();
    }
    let state = w.state::<AppState>();
    let held = |pause: &crate::Pause| {
        let (reached, go) = (Arc::new(Barrier::new(2)), Arc::new(Barrier::new(2)));
        let (r, g) = (reached.clone(), go.clone());
        pause.set(move || {
            r.wait();
            g.wait();
        });
        (reached, go)
    };
    // A command that waited for the held one would never answer: give up (and fail) after a
    // minute rather than hang the run. (How long it takes is the benchmark's business.)
    let answered = |cmd: &'static str| -> Result<Value, Value> {
        let (tx, rx) = std::sync::mpsc::channel();
        let w = w.clone();
        std::thread::spawn(move || tx.send(invoke(&w, cmd, json!({}))));
        rx.recv_timeout(std::time::Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("{cmd} waited for the command held part-way"))
    };
    let status = |_: &WebviewWindow<MockRuntime>| -> LockStatus {
        serde_json::from_value(answered("lock_status").unwrap()).unwrap()
    };

    let (backup_reached, backup_go) = held(&state.pauses.backup);
    invoke(&w, "new_recovery_key", json!({})).unwrap();
    invoke(&w, "start_backup", json!({})).unwrap();
    backup_reached.wait();
    assert!(status(&w).user.is_some(), "answered during the backup");
    let children = invoke(&w, "list_children", json!({})).unwrap();
    assert_eq!(
        children.as_array().unwrap().len(),
        200,
        "and the store is free"
    );

    // One more unlock than there are cores (the async runtime's worker threads), each held in
    // its key derivation; the test fails, rather than hangs, if they cannot all be under way.
    let held_unlocks = std::thread::available_parallelism().map_or(2, |n| n.get()) + 1;
    let (reached_tx, reached) = std::sync::mpsc::channel();
    let unlock_go = Arc::new(Barrier::new(held_unlocks + 1));
    for _ in 0..held_unlocks {
        let (tx, go) = (reached_tx.clone(), unlock_go.clone());
        state.pauses.unlock.set(move || {
            tx.send(()).unwrap();
            go.wait();
        });
    }
    let unlocking: Vec<_> = (0..held_unlocks)
        .map(|_| {
            let w = w.clone();
            std::thread::spawn(move || {
                invoke(&w, "unlock", json!({"form": {"name": "", "pin": PIN}}))
            })
        })
        .collect();
    for n in 0..held_unlocks {
        reached
            .recv_timeout(std::time::Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("only {n} of {held_unlocks} unlocks got under way at once"));
    }
    let during = status(&w);
    assert!(
        during.set_up && during.user.is_none(),
        "answered during the unlocks: {during:?}"
    );
    assert_eq!(error(answered("list_children").unwrap_err()).code, "locked");

    unlock_go.wait();
    for unlock in unlocking {
        let answer = unlock.join().unwrap();
        let after: LockStatus =
            serde_json::from_value(answer.clone().unwrap_or_else(|e| panic!("{e}"))).unwrap();
        assert_eq!(after.user.unwrap().name, "Sam Admin");
    }
    backup_go.wait();
    let done = backup_finished(&w);
    assert_eq!((done.percent, done.error), (100, None));
}

#[test]
fn settings_staff_and_a_backup_through_the_commands() {
    let (app, w) = app();
    backups_folder();

    let bad = error(invoke(&w, "set_auto_lock", json!({"minutes": 0})).unwrap_err());
    assert_eq!(bad.message_id, "error-auto-lock-range");
    invoke(&w, "set_auto_lock", json!({"minutes": 5})).unwrap();
    let status: LockStatus =
        serde_json::from_value(invoke(&w, "lock_status", json!({})).unwrap()).unwrap();
    assert_eq!(status.auto_lock_minutes, 5);

    let user = json!({"name": "Jo Carer", "pin": "581302", "pin_again": "581302"});
    invoke(
        &w,
        "add_user",
        json!({"user": user, "role": "foster_carer"}),
    )
    .unwrap();
    let users = invoke(&w, "list_users", json!({})).unwrap();
    assert_eq!(users.as_array().unwrap().len(), 2, "{users}");

    let wrong = error(
        invoke(
            &w,
            "change_pin",
            json!({"form": {"current": "000000", "new": "770311", "again": "770311"}}),
        )
        .unwrap_err(),
    );
    assert_eq!(wrong.code, "wrong_pin");
    invoke(
        &w,
        "change_pin",
        json!({"form": {"current": PIN, "new": "770311", "again": "770311"}}),
    )
    .unwrap();

    // No backup without a recovery key; once made, it is shown once and its date is known.
    let none = invoke(&w, "start_backup", json!({})).unwrap_err();
    assert_eq!(none["code"], "no_recovery_key");
    assert_eq!(
        invoke(&w, "recovery_key_made_at", json!({})).unwrap(),
        Value::Null
    );
    let made: harbour_core::api::NewRecoveryKey =
        serde_json::from_value(invoke(&w, "new_recovery_key", json!({})).unwrap()).unwrap();
    assert_eq!(made.key.split('-').count(), 9);
    assert!(invoke(&w, "recovery_key_made_at", json!({}))
        .unwrap()
        .is_string());
    let started: harbour_core::api::BackupProgress =
        serde_json::from_value(invoke(&w, "start_backup", json!({})).unwrap()).unwrap();
    assert!(started.path.ends_with(".hbk"), "{started:?}");
    let done = backup_finished(&w);
    assert_eq!((done.percent, done.error), (100, None));
    assert!(std::path::Path::new(&done.path).exists());

    // A foster carer sees none of this.
    invoke(&w, "lock", json!({})).unwrap();
    invoke(
        &w,
        "unlock",
        json!({"form": {"name": "Jo Carer", "pin": "581302"}}),
    )
    .unwrap();
    let refused = error(invoke(&w, "start_backup", json!({})).unwrap_err());
    assert_eq!(refused.code, "not_allowed");
    let refused = error(invoke(&w, "list_users", json!({})).unwrap_err());
    assert_eq!(refused.code, "not_allowed");
    drop(app);
}

#[test]
fn an_episode_is_recorded_through_the_commands_and_bad_input_is_named() {
    let (_app, w) = app();
    let child = add_noor(&w);
    let reported = invoke(&w, "report_missing", json!({"child_id": child["id"]})).unwrap();
    let episode_id = reported["episode"]["id"].clone();
    let bad = error(
        invoke(
            &w,
            "record_event",
            json!({"episode_id": episode_id, "event": {"type": "police_reported", "reference": "", "officer": "", "grade": null}}),
        )
        .unwrap_err(),
    );
    assert_eq!(bad.message_id, "error-police-reference-required");
    let view = invoke(
        &w,
        "record_event",
        json!({"episode_id": episode_id, "event": {"type": "police_reported", "reference": "MP/1", "officer": "PC Sample", "grade": "high"}}),
    )
    .unwrap();
    assert_eq!(view["summary"]["police"]["reference"], "MP/1");
    assert_eq!(view["summary"]["police"]["grade"], "high");
    let view = invoke(&w, "episode_view", json!({"episode_id": episode_id})).unwrap();
    assert_eq!(view["events"].as_array().unwrap().len(), 1);
    assert_eq!(view["summary"]["interview"], "not_yet");
}

#[test]
fn a_profile_section_is_saved_checked_and_refused_by_field() {
    let (_app, w) = app();
    let child = add_noor(&w);
    let id = &child["id"];
    let list: Vec<ChildEntry> =
        serde_json::from_value(invoke(&w, "list_children", json!({})).unwrap()).unwrap();
    assert_eq!(list[0].reviews_due, 14, "nothing checked yet");

    let saved = invoke(
        &w,
        "save_profile",
        json!({"child_id": id, "input": {"section": "phones",
            "values": {"mobile_numbers": "07700 900123", "accounts": "Snapchat: sample.noor"}}}),
    )
    .unwrap();
    let view: harbour_core::profile::ProfileView = serde_json::from_value(saved).unwrap();
    assert_eq!(view.text("mobile_numbers"), Some("07700 900123"));
    assert_eq!(view.due_count(), 13);

    let bad = error(
        invoke(
            &w,
            "save_profile",
            json!({"child_id": id, "input": {"section": "photos",
                "values": {"photo_taken_on": "31/02/2026"}}}),
        )
        .unwrap_err(),
    );
    assert_eq!(bad.code, "invalid");
    assert_eq!(bad.message_id, "error-date-not-a-date");
    assert_eq!(bad.profile_fields[0].key, "photo_taken_on");

    let reviewed = invoke(
        &w,
        "review_profile",
        json!({"child_id": id, "section": "own_words"}),
    )
    .unwrap();
    let view: harbour_core::profile::ProfileView = serde_json::from_value(reviewed).unwrap();
    assert_eq!(view.due_count(), 12);
    let opened: harbour_core::profile::ProfileOpened =
        serde_json::from_value(invoke(&w, "open_profile", json!({"child_id": id})).unwrap())
            .unwrap();
    assert_eq!((opened.profile, opened.photo), (view, None));
    let list: Vec<ChildEntry> =
        serde_json::from_value(invoke(&w, "list_children", json!({})).unwrap()).unwrap();
    assert_eq!(list[0].reviews_due, 12);
}

#[test]
fn the_home_s_settings_are_saved_by_a_manager_and_read_by_everyone() {
    let (_app, w) = app();
    let org: harbour_core::organisation::Organisation =
        serde_json::from_value(invoke(&w, "get_organisation", json!({})).unwrap()).unwrap();
    assert_eq!(org, Default::default());
    let saved = invoke(
        &w,
        "save_organisation",
        json!({"organisation": {"nation": "wales", "home_kind": "childrens_home",
            "on_call": "Sam Manager 07700 900321", "host_authority": "", "fostering_agency": "",
            "regulator": "Care Inspectorate Wales", "ictg_line": ""}}),
    )
    .unwrap();
    assert_eq!(saved["nation"], "wales");
    let bad = error(
        invoke(
            &w,
            "save_organisation",
            json!({"organisation": {"nation": "wales", "home_kind": "childrens_home",
                "on_call": "x".repeat(300), "host_authority": "", "fostering_agency": "",
                "regulator": "", "ictg_line": ""}}),
        )
        .unwrap_err(),
    );
    assert_eq!(bad.profile_fields[0].key, "on_call");
    assert_eq!(invoke(&w, "get_organisation", json!({})).unwrap(), saved);
}

#[test]
fn a_print_from_the_print_view_is_audited_first() {
    let (_app, w) = app();
    let child = add_noor(&w);
    invoke(&w, "record_print_view", json!({"child_id": child["id"]})).unwrap();
    let err = error(
        invoke(
            &w,
            "record_print_view",
            json!({"child_id": "01936b6e-7c00-7000-8000-000000000099"}),
        )
        .unwrap_err(),
    );
    assert_eq!(err.code, "not_found");
    let state = w.state::<AppState>();
    let mut gate = state.gate.lock().unwrap();
    let store = gate.store().unwrap();
    let printed: Vec<_> = store
        .audit_entries()
        .unwrap()
        .into_iter()
        .filter(|e| e.event == "grab_sheet_printed")
        .collect();
    assert_eq!(printed.len(), 1);
    assert_eq!(printed[0].subject, child["id"].as_str().unwrap());
}

/// logind's signals on the system bus lock Harbour: the computer going to sleep (not waking)
/// and the desktop's screen lock. Needs a bus: the test command starts a private one and sets
/// `HARBOUR_SYSTEM_BUS_TEST`, with `DBUS_SYSTEM_BUS_ADDRESS` pointing at it.
#[test]
fn the_computer_going_to_sleep_or_the_screen_locking_locks_harbour() {
    if std::env::var_os("HARBOUR_SYSTEM_BUS_TEST").is_none() {
        eprintln!("HARBOUR_SYSTEM_BUS_TEST is not set: no bus to send logind's signals on");
        return;
    }
    let (_app, w) = app();
    crate::session::watch(w.app_handle().clone());
    let unlocked = |w: &WebviewWindow<MockRuntime>| {
        let status: LockStatus =
            serde_json::from_value(invoke(w, "lock_status", json!({})).unwrap()).unwrap();
        status.user.is_some()
    };
    tauri::async_runtime::block_on(async {
        let bus = zbus::Connection::system().await.unwrap();
        let emit = |path: &'static str, interface: &'static str, member: &'static str, body| {
            let bus = bus.clone();
            async move {
                match body {
                    Some(going) => bus
                        .emit_signal(None::<&str>, path, interface, member, &(going,))
                        .await
                        .unwrap(),
                    None => bus
                        .emit_signal(None::<&str>, path, interface, member, &())
                        .await
                        .unwrap(),
                }
            }
        };
        let manager = "org.freedesktop.login1.Manager";
        let session = "org.freedesktop.login1.Session";
        // Until the watcher has subscribed, a signal can go unheard: sent again until heard.
        let w = &w;
        let unlocked = &unlocked;
        let until_locked = |path, interface, member, body| {
            let emit = &emit;
            async move {
                for _ in 0..100 {
                    emit(path, interface, member, body).await;
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                    if !unlocked(w) {
                        return true;
                    }
                }
                false
            }
        };
        assert!(
            until_locked(
                "/org/freedesktop/login1",
                manager,
                "PrepareForSleep",
                Some(true)
            )
            .await,
            "going to sleep locks"
        );
        invoke(w, "unlock", json!({"form": {"name": "", "pin": PIN}})).unwrap();
        assert!(unlocked(w));
        for _ in 0..5 {
            emit(
                "/org/freedesktop/login1",
                manager,
                "PrepareForSleep",
                Some(false),
            )
            .await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert!(unlocked(w), "waking up does not lock");
        // The screen lock while an open episode's steps are in front: Harbour stays open.
        let child = add_noor(w);
        let reported: Reported = serde_json::from_value(
            invoke(w, "report_missing", json!({"child_id": child["id"]})).unwrap(),
        )
        .unwrap();
        invoke(
            w,
            "steps_in_front",
            json!({"episode_id": reported.episode.id}),
        )
        .unwrap();
        for _ in 0..5 {
            emit("/org/freedesktop/login1/session/_31", session, "Lock", None).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert!(unlocked(w), "the carer is reporting a child missing");
        invoke(w, "steps_in_front", json!({"episode_id": null})).unwrap();
        assert!(
            until_locked("/org/freedesktop/login1/session/_31", session, "Lock", None).await,
            "the screen lock locks"
        );
    });
}

fn audited(w: &WebviewWindow<MockRuntime>, event: &str) -> Vec<String> {
    let state = w.state::<AppState>();
    let mut gate = state.gate.lock().unwrap();
    gate.store()
        .unwrap()
        .audit_entries()
        .unwrap()
        .into_iter()
        .filter(|e| e.event == event)
        .map(|e| e.subject)
        .collect()
}

fn private_files(w: &WebviewWindow<MockRuntime>) -> Vec<std::path::PathBuf> {
    let folder = w.state::<AppState>().gate.lock().unwrap().private_folder();
    std::fs::read_dir(folder)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default()
}

/// "Open the grab sheet" writes it to the private folder under a neutral name for the viewer,
/// audited; closing the episode deletes it, and so does locking.
#[test]
fn an_opened_grab_sheet_is_private_audited_and_gone_when_the_episode_closes_or_harbour_locks() {
    let (_app, w) = app();
    let child = add_noor(&w);
    let id = child["id"].as_str().unwrap().to_owned();
    let reported: Reported =
        serde_json::from_value(invoke(&w, "report_missing", json!({"child_id": id})).unwrap())
            .unwrap();
    invoke(&w, "open_grab_sheet", json!({"child_id": id})).unwrap();
    let opened = private_files(&w);
    assert_eq!(opened.len(), 1, "{opened:?}");
    let name = opened[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        name.starts_with("harbour-") && !name.contains("Noor"),
        "{name}"
    );
    assert!(std::fs::read(&opened[0]).unwrap().starts_with(b"%PDF"));
    assert_eq!(audited(&w, "grab_sheet_opened"), std::slice::from_ref(&id));

    // Found, then closed: the sheet goes with the episode.
    let episode = reported.episode.id;
    let found = json!({"type": "found", "found_at": chrono::Utc::now(), "found_by": "Police",
        "where_found": "Coach station", "how_returned": "Brought back by police"});
    invoke(
        &w,
        "record_event",
        json!({"episode_id": episode, "event": found}),
    )
    .unwrap();
    assert_eq!(
        private_files(&w).len(),
        1,
        "still open after the child is found"
    );
    invoke(
        &w,
        "record_event",
        json!({"episode_id": episode, "event": {"type": "closed"}}),
    )
    .unwrap();
    assert!(private_files(&w).is_empty(), "{:?}", private_files(&w));

    invoke(&w, "open_grab_sheet", json!({"child_id": id})).unwrap();
    assert_eq!(private_files(&w).len(), 1);
    invoke(&w, "lock", json!({})).unwrap();
    assert!(private_files(&w).is_empty(), "locking deleted it");
    let locked = error(invoke(&w, "open_grab_sheet", json!({"child_id": id})).unwrap_err());
    assert_eq!(locked.code, "locked");
    assert!(
        private_files(&w).is_empty(),
        "nothing is written while locked"
    );
}

/// With no program to show a PDF the carer is told so, and no file stays behind.
#[test]
fn with_no_pdf_viewer_the_carer_is_told_and_nothing_stays() {
    let app = first_run_showing_files_with(|_| false);
    invoke(&app.webview, "set_up", first_user()).unwrap();
    let w = app.webview.clone();
    let child = add_noor(&w);
    let err = error(invoke(&w, "open_grab_sheet", json!({"child_id": child["id"]})).unwrap_err());
    assert_eq!(
        (err.code.as_str(), err.message_id.as_str()),
        ("no_viewer", "error-sheet-no-viewer")
    );
    assert!(private_files(&w).is_empty());
}

/// "Save a copy…" writes where the person chose (here through the debug build's stand-in for
/// the file dialog), owner-only and audited; a cancelled dialog writes nothing. The webview
/// itself cannot open the dialog: the plugin's commands are not in its capability.
#[test]
fn a_copy_is_saved_only_where_chosen_and_the_webview_cannot_open_the_dialog() {
    use std::os::unix::fs::PermissionsExt;
    let (_app, w) = app();
    let child = add_noor(&w);
    let id = child["id"].as_str().unwrap().to_owned();
    let out = tempfile::tempdir().unwrap();
    let chosen = out.path().join("for the police");
    std::env::set_var("HARBOUR_SAVE_AS", "cancel");
    let cancelled = invoke(&w, "save_grab_sheet_copy", json!({"child_id": id}));
    std::env::set_var("HARBOUR_SAVE_AS", &chosen);
    let saved = invoke(&w, "save_grab_sheet_copy", json!({"child_id": id}));
    std::env::remove_var("HARBOUR_SAVE_AS");
    assert_eq!(cancelled.unwrap(), Value::Null);
    let saved = saved.unwrap();
    let path = std::path::PathBuf::from(saved.as_str().unwrap());
    assert_eq!(path, out.path().join("for the police.pdf"));
    assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF"));
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 1);
    assert_eq!(
        audited(&w, "grab_sheet_saved"),
        [id],
        "once: the cancel is not"
    );

    for plugin_command in ["plugin:dialog|save", "plugin:dialog|open"] {
        let refused = invoke(&w, plugin_command, json!({"options": {}}));
        let refused = refused.expect_err(plugin_command);
        assert!(
            refused.as_str().is_some_and(|r| r.contains("not allowed")),
            "{plugin_command}: {refused}"
        );
    }
}

/// The made-up sample children cannot be asked for through the window: only `harbour demo`
/// puts them into a demonstration store, so they never end up beside real records.
#[test]
fn the_window_cannot_load_sample_children() {
    let (_app, w) = app();
    let refused = invoke(&w, "load_sample_children", json!({})).expect_err("no such command");
    assert!(refused.as_str().is_some(), "{refused}");
    let children = invoke(&w, "list_children", json!({})).unwrap();
    assert_eq!(children, json!([]));
}

/// Only the recovery key backups are sealed to now is printed: another key is refused before
/// anything reaches the printer, and nothing is recorded.
#[test]
fn a_key_that_is_not_the_recovery_key_is_not_printed() {
    let (_app, w) = app();
    let print =
        |key: &Value| error(invoke(&w, "print_recovery_key", json!({ "key": key })).unwrap_err());
    let none = print(&json!("0000-0000-0000-0000-0000-0000-0000-0000-0000"));
    assert_eq!(none.code, "no_recovery_key", "{none:?}");
    let old = invoke(&w, "new_recovery_key", json!({})).unwrap()["key"].clone();
    invoke(&w, "new_recovery_key", json!({})).unwrap();
    let replaced = print(&old);
    assert_eq!(
        replaced.message_id, "error-recovery-key-not-current",
        "{replaced:?}"
    );
    let mistyped = print(&json!("0000-0000-0000-0000-0000-0000-0000-0000-0000"));
    assert_eq!(mistyped.code, "invalid", "{mistyped:?}");
    assert!(audited(&w, "recovery_key_printed").is_empty());
}

/// A hub on loopback, in this process, over plain HTTP (loopback only): its address, its
/// database (for join tokens) and the runtime it runs on.
struct LoopbackHub {
    address: String,
    db: harbour_hub::SqliteHub,
    runtime: tokio::runtime::Runtime,
}

impl LoopbackHub {
    fn start() -> Self {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let db = harbour_hub::SqliteHub::in_memory().unwrap();
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let address = format!("http://{}", listener.local_addr().unwrap());
        let served = db.clone();
        runtime.spawn(async move {
            harbour_hub::serve(served, listener, true, std::future::pending::<()>()).await
        });
        Self {
            address,
            db,
            runtime,
        }
    }

    fn token(&self, team: Option<&str>) -> String {
        use harbour_hub::HubDb as _;
        let team = team.map(|t| t.parse().unwrap());
        self.runtime.block_on(self.db.issue_token(team)).unwrap()
    }
}

fn sync_view(v: Value) -> harbour_core::api::SyncView {
    serde_json::from_value(v).unwrap()
}

/// The settings' join and invite, the strip's status and "Sync now", and a new computer
/// joining from the first-run screen: records made on one computer reach the other, and the
/// administrator signs in on the new one with the name and PIN they use on the first.
#[test]
fn two_computers_share_a_home_through_the_sync_commands() {
    let hub = LoopbackHub::start();
    let (_a, a) = app();
    let none = sync_view(invoke(&a, "sync_status", json!({})).unwrap());
    assert!(none.teams.is_empty() && !none.running);
    add_noor(&a);
    // A mistyped PIN is said before the hub's one-time token is used.
    let token = hub.token(None);
    let join = |pin: &str| {
        invoke(
            &a,
            "sync_join",
            json!({"form": {"code": "", "hub": hub.address, "fingerprint": "", "token": token, "pin": pin}}),
        )
    };
    assert_eq!(error(join("000000").unwrap_err()).code, "wrong_pin");
    let joined = sync_view(join(PIN).unwrap());
    assert_eq!(joined.teams.len(), 1);
    let team = joined.teams[0].team.to_string();
    assert_eq!(joined.teams[0].waiting, 0, "{joined:?}");
    assert!(joined.teams[0].error.is_none() && joined.teams[0].last_synced_at.is_some());
    // A code that is not one is refused in words.
    let bad = error(invoke(&a, "sync_invite", json!({"token": "x", "pin": "000000"})).unwrap_err());
    assert_eq!(bad.code, "wrong_pin");
    let code = invoke(
        &a,
        "sync_invite",
        json!({"token": hub.token(Some(&team)), "pin": PIN}),
    )
    .unwrap();
    let code = code.as_str().unwrap().to_owned();
    assert!(code.starts_with("HARBOUR-"));

    // A new computer: a mistyped code keeps it at first run; the right one joins it, and Sam
    // signs in with A's PIN and finds Noor.
    let b = first_run();
    let mistyped =
        error(invoke(&b.webview, "join_team", json!({"code": "HARBOUR-X"})).unwrap_err());
    assert_eq!(mistyped.code, "bad_invitation", "{mistyped:?}");
    let status: LockStatus =
        serde_json::from_value(invoke(&b.webview, "lock_status", json!({})).unwrap()).unwrap();
    assert!(!status.set_up);
    let names = invoke(&b.webview, "join_team", json!({"code": code})).unwrap();
    assert_eq!(names, json!(["Sam Admin"]));
    let status: LockStatus =
        serde_json::from_value(invoke(&b.webview, "lock_status", json!({})).unwrap()).unwrap();
    assert!(status.set_up && status.user.is_none());
    invoke(
        &b.webview,
        "unlock",
        json!({"form": {"name": "Sam Admin", "pin": PIN}}),
    )
    .unwrap();
    let children = invoke(&b.webview, "list_children", json!({})).unwrap();
    assert_eq!(
        children[0]["child"]["name_latin"], "Sample Noor",
        "{children}"
    );

    // B adds a child and syncs now; A's "Sync now" brings it.
    invoke(
        &b.webview,
        "add_child",
        json!({"input": child_input("Sample Ruth", false), "photo_base64": null}),
    )
    .unwrap();
    let after = sync_view(invoke(&b.webview, "sync_now", json!({})).unwrap());
    assert_eq!(after.teams[0].waiting, 0, "{after:?}");
    sync_view(invoke(&a, "sync_now", json!({})).unwrap());
    let children = invoke(&a, "list_children", json!({})).unwrap();
    let names: Vec<_> = children
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["child"]["name_latin"].as_str().unwrap().to_owned())
        .collect();
    assert!(names.contains(&"Sample Ruth".to_owned()), "{names:?}");

    // A stops syncing: the link goes, the records stay.
    let left = sync_view(invoke(&a, "sync_leave", json!({ "team_id": team })).unwrap());
    assert!(left.teams.is_empty());
    let children = invoke(&a, "list_children", json!({})).unwrap();
    assert_eq!(children.as_array().unwrap().len(), 2);
    assert_eq!(audited(&a, "sync_left"), [team]);
}
