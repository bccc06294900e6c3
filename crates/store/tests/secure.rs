//! The secure store through its public API: set-up, unlock, wrong PINs, roles, staff changes,
//! backups and restores, damaged files, and no plaintext on disk.

use chrono::{Duration, TimeZone, Utc};
use harbour_core::{ChildInput, FixedClock, NewUser, Role};
use harbour_store::{ChainCheck, DataDir, KdfParams, Store, StoreError};
use std::path::Path;
use std::sync::Arc;

const PIN: &str = "402719";
const KDF: KdfParams = KdfParams::OWASP_MINIMUM;

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::at(
        Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap(),
    ))
}

fn new_user(name: &str, pin: &str) -> NewUser {
    NewUser {
        name: name.into(),
        pin: pin.into(),
        pin_again: pin.into(),
    }
}

fn child(name: &str) -> ChildInput {
    ChildInput {
        name_latin: name.into(),
        name_own_script: "ሰላም ዘውዲ".into(),
        date_of_birth: "2011-03-04".into(),
        languages: "Tigrinya, Arabic".into(),
        unaccompanied: true,
        suspected_trafficked: true,
    }
}

fn set_up(dir: &Path, clock: Arc<FixedClock>) -> Store {
    DataDir::new(dir)
        .create(&new_user("Sam Admin", PIN), KDF, clock)
        .unwrap()
}

fn events(store: &Store) -> Vec<String> {
    store
        .audit_entries()
        .unwrap()
        .into_iter()
        .map(|e| e.event)
        .collect()
}

/// Every file in the folder, with its bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    out
}

#[test]
fn the_first_user_is_an_admin_and_their_pin_unlocks() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    let clock = clock();
    assert!(!data.status(&*clock).unwrap().set_up);
    assert!(matches!(
        data.unlock(None, PIN, clock.clone()),
        Err(StoreError::NotSetUp)
    ));
    let bad = data
        .create(&new_user(" ", "123456"), KDF, clock.clone())
        .unwrap_err();
    assert_eq!(bad.code(), "invalid");
    assert!(!data.key_path().exists(), "a refused set-up writes nothing");

    let store = set_up(dir.path(), clock.clone());
    assert_eq!(store.session().role, Role::Admin);
    drop(store);
    assert!(matches!(
        data.create(&new_user("Other", PIN), KDF, clock.clone()),
        Err(StoreError::AlreadySetUp)
    ));
    let status = data.status(&*clock).unwrap();
    assert!(status.set_up);
    assert_eq!(status.users, 1);
    assert_eq!(status.auto_lock_minutes, 10);
    let store = data.unlock(None, PIN, clock.clone()).unwrap();
    assert_eq!(store.current_user().unwrap().name, "Sam Admin");
    let store2 = data.unlock(Some("  sam ADMIN "), PIN, clock).unwrap();
    assert_eq!(store2.session(), store.session());
}

#[test]
fn wrong_pins_change_nothing_wait_longer_each_time_and_are_audited() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    let clock = clock();
    let mut store = set_up(dir.path(), clock.clone());
    store.add_child(&child("Sample Ruth"), None).unwrap();
    store.lock().unwrap();
    let db_before = std::fs::read(data.db_path()).unwrap();

    let mut answers = Vec::new();
    for pin in ["402718", "", "4027190"] {
        clock.advance(Duration::seconds(1));
        answers.push(data.unlock(None, pin, clock.clone()).unwrap_err());
    }
    let codes: Vec<_> = answers
        .iter()
        .map(|e| (e.code(), e.retry_after_seconds()))
        .collect();
    assert_eq!(
        codes,
        [
            ("wrong_pin", Some(0)),
            ("wrong_pin", Some(0)),
            ("wrong_pin", Some(5))
        ]
    );
    // Even the right PIN waits; waiting is not another failure.
    let early = data.unlock(None, PIN, clock.clone()).unwrap_err();
    assert_eq!(early.retry_after_seconds(), Some(5));
    assert_eq!(early.code(), "wait");
    clock.advance(Duration::seconds(2));
    assert_eq!(data.status(&*clock).unwrap().wait_seconds, 3);
    clock.advance(Duration::seconds(3));
    assert_eq!(data.status(&*clock).unwrap().wait_seconds, 0);
    assert!(
        std::fs::read(data.db_path()).unwrap() == db_before,
        "wrong PINs never touch the database"
    );

    let store = data.unlock(None, PIN, clock.clone()).unwrap();
    let log = events(&store);
    assert_eq!(
        log[log.len() - 4..],
        [
            "unlock_failed",
            "unlock_failed",
            "unlock_failed",
            "unlocked"
        ]
    );
    assert_eq!(store.children().unwrap().len(), 1);
    assert_eq!(
        store.verify_audit().unwrap(),
        ChainCheck::Intact {
            entries: log.len() as i64
        }
    );
    // The count starts again after a success.
    drop(store);
    let again = data.unlock(None, "000001", clock.clone()).unwrap_err();
    assert_eq!(again.retry_after_seconds(), Some(0));
}

#[test]
fn roles_are_enforced_by_the_store_and_staff_changes_are_audited() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    let clock = clock();
    let mut admin = set_up(dir.path(), clock.clone());
    let carer = admin
        .add_user(&new_user("Jo Carer", "581302"), Role::FosterCarer, KDF)
        .unwrap();
    let taken = admin
        .add_user(&new_user("jo  carer", "581399"), Role::Manager, KDF)
        .unwrap_err();
    assert_eq!(taken.message_id(), "error-user-name-taken");
    admin.lock().unwrap();

    assert_eq!(data.status(&*clock).unwrap().users, 2);
    assert!(
        data.unlock(None, "581302", clock.clone()).is_err(),
        "with two users the name is needed"
    );
    let mut jo = data
        .unlock(Some("Jo Carer"), "581302", clock.clone())
        .unwrap();
    assert_eq!(jo.session().role, Role::FosterCarer);
    let added = jo.add_child(&child("Sample Ruth"), None).unwrap();
    jo.report_missing(added.id).unwrap();
    for refused in [
        jo.export_json().map(|_| ()),
        jo.backup(&dir.path().join("b.hbk"), &mut |_| {}),
        jo.audit_entries().map(|_| ()),
        jo.add_user(&new_user("Another", "581303"), Role::Admin, KDF)
            .map(|_| ()),
        jo.set_auto_lock_minutes(5),
        jo.disable_user(carer.id),
        jo.users().map(|_| ()),
    ] {
        assert_eq!(refused.unwrap_err().code(), "not_allowed");
    }
    // Anyone may change their own PIN, given the current one.
    assert_eq!(
        jo.change_pin("000000", "770311", "770311", KDF)
            .unwrap_err()
            .code(),
        "wrong_pin"
    );
    assert_eq!(
        jo.change_pin("581302", "770311", "770312", KDF)
            .unwrap_err()
            .code(),
        "invalid"
    );
    jo.change_pin("581302", "770311", "770311", KDF).unwrap();
    drop(jo);
    assert!(data
        .unlock(Some("Jo Carer"), "581302", clock.clone())
        .is_err());
    clock.advance(Duration::minutes(10));
    drop(
        data.unlock(Some("Jo Carer"), "770311", clock.clone())
            .unwrap(),
    );

    let mut admin = data.unlock(Some("Sam Admin"), PIN, clock.clone()).unwrap();
    assert_eq!(
        admin.disable_user(admin.session().user).unwrap_err().code(),
        "not_allowed",
        "an admin cannot lock themselves out"
    );
    admin.disable_user(carer.id).unwrap();
    assert!(admin.users().unwrap().iter().any(|u| u.disabled));
    let log = events(&admin);
    for event in [
        "user_added",
        "pin_changed",
        "user_disabled",
        "unlock_failed",
    ] {
        assert!(log.iter().any(|e| e == event), "{event} in {log:?}");
    }
    drop(admin);
    assert_eq!(
        data.unlock(Some("Jo Carer"), "770311", clock.clone())
            .unwrap_err()
            .code(),
        "wrong_pin",
        "a disabled user's key is gone"
    );
}

#[test]
fn a_backup_restores_on_another_machine_with_a_new_device_id() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let clock = clock();
    let mut store = set_up(a.path(), clock.clone());
    store.load_sample_children().unwrap();
    let ruth = store.add_child(&child("Sample Ruth"), None).unwrap();
    let episode = store.report_missing(ruth.id).unwrap().episode;
    let file = a.path().join("backup.hbk");
    let mut seen = Vec::new();
    store.backup(&file, &mut |p| seen.push(p)).unwrap();
    assert_eq!(seen.first(), Some(&0));
    assert_eq!(seen.last(), Some(&100));
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert!(events(&store).contains(&"backup_made".to_owned()));

    let restored_dir = DataDir::new(b.path().join("elsewhere"));
    let restored = restored_dir
        .restore(&file, None, PIN, clock.clone())
        .unwrap();
    assert_eq!(restored.children().unwrap(), store.children().unwrap());
    assert_eq!(restored.open_episodes().unwrap(), vec![episode]);
    assert_ne!(restored.device_id(), store.device_id());
    assert_eq!(restored.ops().unwrap(), store.ops().unwrap());
    assert!(events(&restored).contains(&"restored".to_owned()));
    drop(restored);
    // The restored copy writes its own series from 0, and unlocks with the same PIN.
    let mut copy = restored_dir.unlock(None, PIN, clock.clone()).unwrap();
    copy.add_child(&child("Sample Later"), None).unwrap();
    let mine: Vec<_> = copy
        .ops()
        .unwrap()
        .into_iter()
        .filter(|op| op.device == copy.device_id())
        .map(|op| op.idx)
        .collect();
    assert_eq!(mine, [0]);

    // Never over a store that exists.
    drop(copy);
    let before = files(restored_dir.path());
    let err = restored_dir
        .restore(&file, None, PIN, clock.clone())
        .unwrap_err();
    assert_eq!(err.code(), "already_set_up");
    assert_eq!(files(restored_dir.path()), before);
}

#[test]
fn a_damaged_backup_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let clock = clock();
    let mut store = set_up(dir.path(), clock.clone());
    store.add_child(&child("Sample Ruth"), None).unwrap();
    let file = dir.path().join("backup.hbk");
    store.backup(&file, &mut |_| {}).unwrap();
    let good = std::fs::read(&file).unwrap();

    let header_end = good.windows(3).position(|w| w == b"}}\0").unwrap_or(200);
    let mut flipped_db = good.clone();
    let n = flipped_db.len();
    flipped_db[n - 500] ^= 1;
    let mut flipped_mac = good.clone();
    flipped_mac[n - 1] ^= 1;
    let newer = String::from_utf8_lossy(&good)
        .replacen("{\"format\":1,", "{\"format\":9,", 1)
        .into_bytes();
    let newer = if newer.len() == good.len() {
        newer
    } else {
        let mut v = good.clone();
        let at = good.windows(10).position(|w| w == b"\"format\":1").unwrap();
        v[at + 9] = b'9';
        v
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), "not_a_backup"),
        (
            "another file",
            b"%PDF-1.7 not a backup at all".to_vec(),
            "not_a_backup",
        ),
        (
            "truncated",
            good[..good.len() / 2].to_vec(),
            "backup_damaged",
        ),
        (
            "one byte short",
            good[..good.len() - 1].to_vec(),
            "backup_damaged",
        ),
        ("a byte of data changed", flipped_db, "backup_damaged"),
        ("the seal changed", flipped_mac, "backup_damaged"),
        ("from a newer Harbour", newer, "too_new"),
    ];
    let _ = header_end;
    for (what, bytes, code) in cases {
        let src = dir.path().join("case.hbk");
        std::fs::write(&src, &bytes).unwrap();
        let target = tempfile::tempdir().unwrap();
        let err = DataDir::new(target.path())
            .restore(&src, None, PIN, clock.clone())
            .unwrap_err();
        assert_eq!(err.code(), code, "{what}");
        assert!(files(target.path()).is_empty(), "{what}: nothing written");
    }
    let target = tempfile::tempdir().unwrap();
    let err = DataDir::new(target.path())
        .restore(&file, None, "999999", clock.clone())
        .unwrap_err();
    assert_eq!(err.code(), "wrong_pin");
    assert!(files(target.path()).is_empty());
}

#[test]
fn a_damaged_or_missing_store_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    let clock = clock();
    let mut store = set_up(dir.path(), clock.clone());
    for i in 0..20 {
        store
            .add_child(&child(&format!("Sample {i}")), None)
            .unwrap();
    }
    store.lock().unwrap();
    let good = std::fs::read(data.db_path()).unwrap();
    assert!(good.len() > 8192, "{}", good.len());

    let mut scribbled = good.clone();
    for b in &mut scribbled[4096..4200] {
        *b = 0x55;
    }
    for (what, bytes) in [
        ("truncated", good[..good.len() / 3].to_vec()),
        ("scribbled over", scribbled),
        ("emptied", Vec::new()),
    ] {
        std::fs::write(data.db_path(), &bytes).unwrap();
        let result = data
            .unlock(None, PIN, clock.clone())
            .and_then(|s| s.children().map(|c| c.len()));
        let err = result.expect_err(what);
        assert_eq!(err.code(), "damaged", "{what}: {err:?}");
        assert!(
            std::fs::read(data.db_path()).unwrap() == bytes,
            "{what}: left as it was for recovery"
        );
    }
    std::fs::remove_file(data.db_path()).unwrap();
    assert_eq!(
        data.unlock(None, PIN, clock.clone()).unwrap_err().code(),
        "damaged",
        "a key file with no database never makes a new empty store"
    );
    assert!(!data.db_path().exists());

    std::fs::write(data.key_path(), b"{ not json").unwrap();
    assert_eq!(
        data.unlock(None, PIN, clock).unwrap_err().code(),
        "key_file_damaged"
    );
}

#[test]
fn an_interrupted_set_up_is_started_again() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    // What a set-up cut off before its key file was written leaves: a database nobody can open.
    std::fs::write(data.db_path(), b"leftover").unwrap();
    std::fs::write(dir.path().join("harbour.db-wal"), b"leftover").unwrap();
    let store = set_up(dir.path(), clock());
    assert_eq!(store.current_user().unwrap().role, Role::Admin);
}

#[test]
fn nothing_readable_reaches_the_disk_or_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let clock = clock();
    let mut store = set_up(dir.path(), clock.clone());
    store.load_sample_children().unwrap();
    let names: Vec<String> = store
        .children()
        .unwrap()
        .into_iter()
        .flat_map(|c| [Some(c.details.name_latin), c.details.name_own_script])
        .flatten()
        .collect();
    let ruth = store
        .add_child(&child("Sample Ruthwilhelmina"), None)
        .unwrap();
    store.report_missing(ruth.id).unwrap();
    let mut secrets: Vec<Vec<u8>> = names.iter().map(|n| n.as_bytes().to_vec()).collect();
    secrets.extend(
        [
            "Sample Ruthwilhelmina",
            "ሰላም ዘውዲ",
            "Tigrinya",
            "Sam Admin",
            "Sample",
            PIN,
        ]
        .map(|s| s.as_bytes().to_vec()),
    );
    let backup = dir.path().join("backup.hbk");
    store.backup(&backup, &mut |_| {}).unwrap();
    let check = |when: &str| {
        let all = files(dir.path());
        assert!(all.len() >= 3, "{when}: {all:?}", all = all.len());
        for (path, bytes) in &all {
            for secret in &secrets {
                assert!(
                    !bytes.windows(secret.len()).any(|w| w == secret.as_slice()),
                    "{when}: {:?} is readable in {path}",
                    String::from_utf8_lossy(secret)
                );
            }
        }
    };
    // While open (the write-ahead log holds the latest writes) and after closing.
    check("while open");
    store.lock().unwrap();
    check("after locking");
}
