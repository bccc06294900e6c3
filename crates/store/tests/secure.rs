//! The secure store through its public API: set-up, unlock, wrong PINs, roles, staff changes,
//! backups and restores, damaged files, and no plaintext on disk.

use chrono::{Duration, TimeZone, Utc};
use harbour_core::{ChildInput, FixedClock, NewUser, Role};
use harbour_store::{
    ChainCheck, DataDir, DeviceSecrets, KdfParams, SecretFolder, Store, StoreError,
};
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

/// The data folder at `dir`; this computer's device secrets are kept beside it.
fn data_dir(dir: impl AsRef<Path>) -> DataDir {
    let dir = dir.as_ref();
    DataDir::new(dir, secrets_for(dir))
}

fn secrets_for(dir: &Path) -> Arc<dyn DeviceSecrets> {
    Arc::new(SecretFolder::new(dir.join("device-secrets")))
}

fn set_up(dir: &Path, clock: Arc<FixedClock>) -> Store {
    data_dir(dir)
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

/// The files of a store (not the count of wrong tries, kept even where nothing was restored).
fn store_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    files(dir)
        .into_iter()
        .filter(|(name, _)| !name.contains("harbour.tries"))
        .collect()
}

#[test]
fn the_first_user_is_an_admin_and_their_pin_unlocks() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_dir(dir.path());
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
    let data = data_dir(dir.path());
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
    let data = data_dir(dir.path());
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
fn a_backup_restores_into_a_new_folder_with_a_new_device_id() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let clock = clock();
    let mut store = set_up(a.path(), clock.clone());
    store.mark_as_demo().unwrap();
    store.load_sample_children().unwrap();
    let ruth = store.add_child(&child("Sample Ruth"), None).unwrap();
    let episode = store.report_missing(ruth.id).unwrap().episode;
    let file = a.path().join("backup.hbk");
    // No backup until there is a recovery key to open it with.
    let err = store.backup(&file, &mut |_| {}).unwrap_err();
    assert_eq!(err.code(), "no_recovery_key");
    assert!(!file.exists());
    let recovery = store.new_recovery_key().unwrap();
    store
        .add_user(
            &new_user("Jo Carer", "736251"),
            Role::FosterCarer,
            KdfParams::OWASP_MINIMUM,
        )
        .unwrap();
    let mut seen = Vec::new();
    store.backup(&file, &mut |p| seen.push(p)).unwrap();
    assert_eq!(seen.first(), Some(&0));
    assert_eq!(seen.last(), Some(&100));
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert!(events(&store).contains(&"backup_made".to_owned()));

    // On another computer, the staff's PINs alone open nothing: its keyring has no device
    // secret for this store. Nothing is written.
    let elsewhere = data_dir(b.path().join("other-computer"));
    let err = elsewhere
        .restore(&file, None, PIN, clock.clone())
        .unwrap_err();
    assert_eq!(err.code(), "device_secret_missing", "{err:?}");
    assert!(!elsewhere.key_path().exists() && !elsewhere.db_path().exists());

    // There, the organisation's recovery key opens it, for an administrator who chooses a new
    // PIN. A mistyped key is told apart and not counted; a wrong key is counted like a PIN.
    let restore = |key: &str, admin: &str| {
        elsewhere.restore_with_recovery_key(
            &file,
            key,
            admin,
            "918273",
            KdfParams::OWASP_MINIMUM,
            clock.clone(),
        )
    };
    let typo = recovery
        .text()
        .replacen(|c: char| c.is_ascii_alphanumeric(), "U", 1);
    assert_eq!(restore(&typo, "Sam Admin").unwrap_err().code(), "invalid");
    let other_key = {
        let d = tempfile::tempdir().unwrap();
        let mut other = set_up(d.path(), clock.clone());
        other.new_recovery_key().unwrap()
    };
    let codes: Vec<_> = (0..3)
        .map(|_| {
            let e = restore(other_key.text(), "Sam Admin").unwrap_err();
            (e.code(), e.retry_after_seconds())
        })
        .collect();
    assert_eq!(
        codes,
        [
            ("wrong_recovery_key", Some(0)),
            ("wrong_recovery_key", Some(0)),
            ("wrong_recovery_key", Some(5))
        ]
    );
    assert_eq!(
        restore(recovery.text(), "Sam Admin").unwrap_err().code(),
        "wait"
    );
    clock.advance(Duration::seconds(5));
    assert_eq!(
        restore(recovery.text(), "Jo Carer").unwrap_err().code(),
        "not_an_admin",
        "only an administrator restores"
    );
    assert!(!elsewhere.key_path().exists() && !elsewhere.db_path().exists());
    let there = restore(recovery.text(), " sam admin ").unwrap();
    assert_eq!(there.children().unwrap(), store.children().unwrap());
    assert_eq!(there.open_episodes().unwrap(), vec![episode.clone()]);
    assert_ne!(there.device_id(), store.device_id());
    let log = events(&there);
    assert!(log.contains(&"restored".to_owned()) && log.contains(&"keys_rotated".to_owned()));
    drop(there);
    // The administrator's new PIN opens it there; the old PINs do not (the carer needs a new
    // one from the administrator).
    assert_eq!(
        elsewhere
            .unlock(Some("Sam Admin"), PIN, clock.clone())
            .unwrap_err()
            .code(),
        "wrong_pin"
    );
    assert_eq!(
        elsewhere
            .unlock(Some("Jo Carer"), "736251", clock.clone())
            .unwrap_err()
            .code(),
        "wrong_pin"
    );
    let mut there = elsewhere
        .unlock(Some("Sam Admin"), "918273", clock.clone())
        .unwrap();
    let jo = there
        .users()
        .unwrap()
        .into_iter()
        .find(|u| u.name == "Jo Carer")
        .unwrap();
    there
        .reset_pin(jo.id, "602938", "602938", KdfParams::OWASP_MINIMUM)
        .unwrap();
    drop(there);
    elsewhere
        .unlock(Some("Jo Carer"), "602938", clock.clone())
        .unwrap();

    // Into a new folder on this computer.
    let restored_dir = DataDir::new(b.path().join("elsewhere"), secrets_for(a.path()));
    let restored = restored_dir
        .restore(&file, Some("Sam Admin"), PIN, clock.clone())
        .unwrap();
    assert_eq!(restored.children().unwrap(), store.children().unwrap());
    assert_eq!(restored.open_episodes().unwrap(), vec![episode]);
    assert_ne!(restored.device_id(), store.device_id());
    assert_eq!(restored.ops().unwrap(), store.ops().unwrap());
    assert!(events(&restored).contains(&"restored".to_owned()));
    drop(restored);
    // The restored copy writes its own series from 0, and unlocks with the same PIN.
    let mut copy = restored_dir
        .unlock(Some("Sam Admin"), PIN, clock.clone())
        .unwrap();
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
        .restore(&file, Some("Sam Admin"), PIN, clock.clone())
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
    store.new_recovery_key().unwrap();
    store.backup(&file, &mut |_| {}).unwrap();
    let good = std::fs::read(&file).unwrap();

    let header_end = good.windows(3).position(|w| w == b"}}\0").unwrap_or(200);
    let mut flipped_db = good.clone();
    let n = flipped_db.len();
    flipped_db[n - 500] ^= 1;
    let mut flipped_mac = good.clone();
    flipped_mac[n - 1] ^= 1;
    let newer = String::from_utf8_lossy(&good)
        .replacen("{\"format\":2,", "{\"format\":9,", 1)
        .into_bytes();
    let newer = if newer.len() == good.len() {
        newer
    } else {
        let mut v = good.clone();
        let at = good.windows(10).position(|w| w == b"\"format\":2").unwrap();
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
        let err = DataDir::new(target.path(), secrets_for(dir.path()))
            .restore(&src, None, PIN, clock.clone())
            .unwrap_err();
        assert_eq!(err.code(), code, "{what}");
        assert!(
            store_files(target.path()).is_empty(),
            "{what}: nothing but the count of tries written"
        );
    }
    let target = tempfile::tempdir().unwrap();
    let err = DataDir::new(target.path(), secrets_for(dir.path()))
        .restore(&file, None, "999999", clock.clone())
        .unwrap_err();
    assert_eq!(err.code(), "wrong_pin");
    assert!(store_files(target.path()).is_empty());
}

#[test]
fn a_damaged_or_missing_store_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_dir(dir.path());
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
    let data = data_dir(dir.path());
    // What a set-up cut off before its key file was written leaves: a database nobody can
    // open, beside the mark of a set-up under way.
    std::fs::write(data.db_path(), b"leftover").unwrap();
    std::fs::write(dir.path().join("harbour.db-wal"), b"leftover").unwrap();
    std::fs::write(dir.path().join(harbour_store::SETTING_UP), b"").unwrap();
    assert!(!data.status(&*clock()).unwrap().set_up);
    let store = set_up(dir.path(), clock());
    assert_eq!(store.current_user().unwrap().role, Role::Admin);
    assert!(!dir.path().join(harbour_store::SETTING_UP).exists());
}

/// Records whose key file went missing (deleted by mistake, a sync tool, a half copy) are never
/// removed or set up over: the lock screen says what happened, and putting the file back
/// opens them again. A damaged key file is said so too, and the records are left as they are.
#[test]
fn a_missing_or_damaged_key_file_never_costs_the_records() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_dir(dir.path());
    let clock = clock();
    let mut store = set_up(dir.path(), clock.clone());
    store.add_child(&child("Sample Ruth"), None).unwrap();
    store.new_recovery_key().unwrap();
    let backup = dir.path().join("backup.hbk");
    store.backup(&backup, &mut |_| {}).unwrap();
    drop(store);
    let db = std::fs::read(data.db_path()).unwrap();
    let keys = std::fs::read(data.key_path()).unwrap();

    std::fs::remove_file(data.key_path()).unwrap();
    let status = data.status(&*clock).unwrap();
    assert!(status.set_up, "not offered as a new set-up");
    assert_eq!(status.problem, Some("error-key-file-missing"));
    let err = data.create(
        &new_user("Someone New", "918273"),
        KdfParams::OWASP_MINIMUM,
        clock.clone(),
    );
    assert_eq!(err.unwrap_err().code(), "key_file_missing");
    let err = data.restore(&backup, None, PIN, clock.clone()).unwrap_err();
    assert_eq!(err.code(), "key_file_missing", "{err:?}");
    assert_eq!(
        std::fs::read(data.db_path()).unwrap(),
        db,
        "the records untouched"
    );

    std::fs::write(data.key_path(), &keys[..keys.len() / 2]).unwrap();
    let status = data.status(&*clock).unwrap();
    assert_eq!(status.problem, Some("error-key-file-damaged"));
    assert_eq!(
        data.unlock(None, PIN, clock.clone()).unwrap_err().code(),
        "key_file_damaged"
    );
    assert_eq!(std::fs::read(data.db_path()).unwrap(), db);

    std::fs::write(data.key_path(), &keys).unwrap();
    assert_eq!(data.status(&*clock).unwrap().problem, None);
    let store = data.unlock(None, PIN, clock).unwrap();
    assert_eq!(store.children().unwrap().len(), 1);
}

#[test]
fn nothing_readable_reaches_the_disk_or_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let clock = clock();
    let mut store = set_up(dir.path(), clock.clone());
    store.mark_as_demo().unwrap();
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
    let recovery = store.new_recovery_key().unwrap();
    secrets.push(recovery.text().as_bytes().to_vec());
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

/// What someone who copies the data folder (or steals a backup stick holding it) has: the
/// database and the key file, without this computer's keyring. The right PIN opens nothing.
#[test]
fn a_copy_of_the_data_folder_alone_opens_with_no_pin() {
    let dir = tempfile::tempdir().unwrap();
    let clock = clock();
    let mut store = set_up(dir.path(), clock.clone());
    store.add_child(&child("Sample Ruth"), None).unwrap();
    store.lock().unwrap();
    let copy = tempfile::tempdir().unwrap();
    for name in ["harbour.db", "harbour.keys"] {
        std::fs::copy(dir.path().join(name), copy.path().join(name)).unwrap();
    }
    let stolen = DataDir::new(copy.path(), secrets_for(&copy.path().join("elsewhere")));
    let err = stolen.unlock(None, PIN, clock.clone()).unwrap_err();
    assert_eq!(err.code(), "device_secret_missing");
    // Even given some other computer's secret for the same store id, the right PIN fails
    // like a wrong one.
    let keys: serde_json::Value =
        serde_json::from_slice(&std::fs::read(copy.path().join("harbour.keys")).unwrap()).unwrap();
    let store_id: uuid::Uuid = keys["store"].as_str().unwrap().parse().unwrap();
    let other = secrets_for(&copy.path().join("forged"));
    other.put(store_id, &[9; 32]).unwrap();
    let err = DataDir::new(copy.path(), other)
        .unlock(None, PIN, clock.clone())
        .unwrap_err();
    assert_eq!(err.code(), "wrong_pin");
    // On the computer itself, the PIN still opens.
    data_dir(dir.path()).unlock(None, PIN, clock).unwrap();
}

#[test]
fn wrong_tries_count_per_person_and_another_persons_success_resets_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_dir(dir.path());
    let clock = clock();
    let mut store = set_up(dir.path(), clock.clone());
    store
        .add_user(
            &new_user("Jo Carer", "736251"),
            Role::FosterCarer,
            KdfParams::OWASP_MINIMUM,
        )
        .unwrap();
    drop(store);
    for _ in 0..3 {
        let err = data
            .unlock(Some("Jo Carer"), "000000", clock.clone())
            .unwrap_err();
        assert_eq!(err.code(), "wrong_pin");
    }
    // Sam is not held up by Jo's wrong tries, and Sam's success does not clear Jo's.
    let sam = data.unlock(Some("Sam Admin"), PIN, clock.clone()).unwrap();
    drop(sam);
    let err = data
        .unlock(Some("Jo Carer"), "736251", clock.clone())
        .unwrap_err();
    assert_eq!((err.code(), err.retry_after_seconds()), ("wait", Some(5)));
    // Names nobody has count on their own, and never tell whether the name exists.
    for _ in 0..3 {
        let err = data
            .unlock(Some("Nobody Here"), PIN, clock.clone())
            .unwrap_err();
        assert_eq!(err.code(), "wrong_pin");
    }
    let err = data
        .unlock(Some("Someone Else"), PIN, clock.clone())
        .unwrap_err();
    assert_eq!(err.code(), "wait");
    // A restart (a new handle on the folder) keeps the counts.
    clock.advance(Duration::seconds(5));
    let jo = data_dir(dir.path())
        .unlock(Some("Jo Carer"), "736251", clock.clone())
        .unwrap();
    drop(jo);
    let sam = data.unlock(Some("Sam Admin"), PIN, clock).unwrap();
    let failed = events(&sam)
        .iter()
        .filter(|e| *e == "unlock_failed")
        .count();
    assert_eq!(failed, 6, "Jo's three and the three unknown names");
}

#[test]
fn a_pin_change_checks_the_current_pin_under_the_same_limits_and_is_audited() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_dir(dir.path());
    let clock = clock();
    let mut store = set_up(dir.path(), clock.clone());
    for _ in 0..3 {
        let err = store
            .change_pin("000000", "554433", "554433", KdfParams::OWASP_MINIMUM)
            .unwrap_err();
        assert_eq!(err.code(), "wrong_pin");
    }
    let err = store
        .change_pin(PIN, "554433", "554433", KdfParams::OWASP_MINIMUM)
        .unwrap_err();
    assert_eq!(err.code(), "wait", "the right PIN waits too");
    drop(store);
    assert_eq!(data.status(&*clock).unwrap().wait_seconds, 5);
    clock.advance(Duration::seconds(5));
    let mut store = data.unlock(None, PIN, clock.clone()).unwrap();
    store
        .change_pin(PIN, "554433", "554433", KdfParams::OWASP_MINIMUM)
        .unwrap();
    let log = events(&store);
    assert_eq!(log.iter().filter(|e| *e == "unlock_failed").count(), 3);
    assert_eq!(log.last().map(String::as_str), Some("pin_changed"));
    drop(store);
    assert_eq!(
        data.unlock(None, PIN, clock.clone()).unwrap_err().code(),
        "wrong_pin"
    );
    data.unlock(None, "554433", clock).unwrap();
}

#[cfg(unix)]
#[test]
fn the_data_folder_and_every_file_in_it_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("harbour");
    let clock = clock();
    let mut store = set_up(&folder, clock.clone());
    store.add_child(&child("Sample Ruth"), None).unwrap();
    drop(store);
    // A wrong try too, so the count of tries exists.
    data_dir(&folder)
        .unlock(None, "000000", clock.clone())
        .unwrap_err();
    let store = data_dir(&folder).unlock(None, PIN, clock).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&folder), 0o700);
    let mut seen = Vec::new();
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            assert_eq!(mode(&path), 0o600, "{}", path.display());
            seen.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    seen.sort();
    for name in [
        "harbour.db",
        "harbour.db-wal",
        "harbour.keys",
        "harbour.tries",
    ] {
        assert!(seen.iter().any(|s| s == name), "{name} in {seen:?}");
    }
    drop(store);
}

/// The audit record as a manager reads it: named, newest first, filtered by child (their
/// record and their episodes) and by time, the chain checked; for managers and administrators
/// only, and an export of it is itself recorded.
#[test]
fn the_audit_record_reads_by_child_and_time_with_names_for_managers_only() {
    use harbour_core::api::{AuditAbout, AuditChain};
    use harbour_store::AuditRange;
    let dir = tempfile::tempdir().unwrap();
    let data = data_dir(dir.path());
    let clock = clock();
    let mut admin = set_up(dir.path(), clock.clone());
    admin
        .add_user(&new_user("Jo Carer", "581302"), Role::FosterCarer, KDF)
        .unwrap();
    let ruta = admin.add_child(&child("Sample Ruta"), None).unwrap();
    let sam = admin.add_child(&child("Sample Sam"), None).unwrap();
    let start = harbour_core::Clock::now(&*clock);
    clock.advance(Duration::hours(2));
    admin.report_missing(ruta.id).unwrap();
    admin
        .record_grab_sheet(ruta.id, harbour_store::SheetOut::Saved)
        .unwrap();
    admin.open_child(sam.id).unwrap();

    let all = admin.audit_view(AuditRange::default()).unwrap();
    assert_eq!(all.matching, all.lines.len());
    assert!(
        all.lines.windows(2).all(|w| w[0].seq > w[1].seq),
        "newest first"
    );
    assert!(
        matches!(all.chain, AuditChain::Intact { entries } if entries as usize == all.matching)
    );
    let names: Vec<_> = all.children.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, ["Sample Ruta", "Sample Sam"]);
    let added = all.lines.iter().find(|l| l.event == "user_added").unwrap();
    assert_eq!(added.who, "Sam Admin");
    assert_eq!(
        added.about,
        AuditAbout::Staff {
            name: "Jo Carer".into()
        }
    );

    let ruta_only = admin
        .audit_lines(AuditRange {
            child: Some(ruta.id),
            ..Default::default()
        })
        .unwrap();
    let events: Vec<_> = ruta_only.iter().map(|l| l.event.as_str()).collect();
    assert_eq!(
        events,
        ["child_added", "reported_missing", "grab_sheet_saved"],
        "her record and her episode's, nobody else's"
    );
    assert!(ruta_only.iter().all(|l| l.about
        == AuditAbout::Child {
            id: ruta.id,
            name: "Sample Ruta".into()
        }));
    // The last two hours only: what happened at the start is left out.
    let later = admin
        .audit_lines(AuditRange {
            child: Some(ruta.id),
            since: Some(start + Duration::hours(1)),
            before: None,
        })
        .unwrap();
    assert_eq!(later.len(), 2, "{later:?}");
    let earlier = admin
        .audit_lines(AuditRange {
            since: None,
            before: Some(start + Duration::hours(1)),
            child: None,
        })
        .unwrap();
    assert!(earlier.iter().all(|l| l.at < start + Duration::hours(1)));
    assert!(earlier.iter().any(|l| l.event == "child_added"));

    let exported = admin.export_audit(AuditRange::default()).unwrap();
    assert_eq!(exported.len(), all.matching);
    let last = admin.audit_entries().unwrap().pop().unwrap();
    assert_eq!(
        (last.event.as_str(), last.subject.as_str()),
        ("exported", "audit_csv")
    );
    admin.lock().unwrap();

    let mut jo = data
        .unlock(Some("Jo Carer"), "581302", clock.clone())
        .unwrap();
    for refused in [
        jo.audit_view(AuditRange::default()).map(|_| ()),
        jo.export_audit(AuditRange::default()).map(|_| ()),
    ] {
        assert_eq!(refused.unwrap_err().code(), "not_allowed");
    }
}

/// Every event in the chain has words for the screen and the export.
#[test]
fn every_audit_event_is_worded() {
    let words = harbour_i18n::Localizer::new(harbour_i18n::SOURCE_TAG);
    for event in harbour_store::AuditEvent::ALL {
        let id = format!("audit-event-{}", event.name());
        assert!(words.has_message(&id), "{id} is missing from en-GB");
    }
    let names: std::collections::BTreeSet<_> = harbour_store::AuditEvent::ALL
        .iter()
        .map(|e| e.name())
        .collect();
    assert_eq!(
        names.len(),
        harbour_store::AuditEvent::ALL.len(),
        "names are distinct"
    );
}

/// Printing the recovery key is recorded, for the key backups are sealed to now only: an old
/// key (a newer one was made since) or a mistyped one prints nothing and records nothing, and
/// only administrators may.
#[test]
fn only_the_current_recovery_key_is_printed_and_the_print_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let clock = clock();
    let mut store = set_up(dir.path(), clock.clone());
    let old = store.new_recovery_key().unwrap();
    let made = store.recovery_key_made_at().unwrap().unwrap();
    assert_eq!(store.recovery_key_printed(old.text()).unwrap(), made);
    let printed = |s: &Store| {
        events(s)
            .iter()
            .filter(|e| *e == "recovery_key_printed")
            .count()
    };
    assert_eq!(printed(&store), 1);

    let new = store.new_recovery_key().unwrap();
    let refused = store.recovery_key_printed(old.text()).unwrap_err();
    assert_eq!(refused.message_id(), "error-recovery-key-not-current");
    let mut typo: Vec<char> = new.text().chars().collect();
    typo[0] = if typo[0] == 'X' { 'Y' } else { 'X' };
    let typo: String = typo.into_iter().collect();
    assert_eq!(
        store.recovery_key_printed(&typo).unwrap_err().code(),
        "invalid"
    );
    assert_eq!(printed(&store), 1, "nothing recorded for a refusal");

    store
        .add_user(&new_user("Jo Carer", "581302"), Role::FosterCarer, KDF)
        .unwrap();
    store.lock().unwrap();
    let mut jo = data_dir(dir.path())
        .unlock(Some("Jo Carer"), "581302", clock)
        .unwrap();
    assert_eq!(
        jo.recovery_key_printed(new.text()).unwrap_err().code(),
        "not_allowed"
    );
}
