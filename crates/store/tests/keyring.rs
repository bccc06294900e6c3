//! The device secret in a real desktop keyring (GNOME Keyring over the Secret Service D-Bus
//! API). Needs a session bus with a keyring daemon on it: the test command starts private
//! ones under `target/` and sets `HARBOUR_KEYRING_TEST=1`; without that this test says so and
//! checks nothing else.

use harbour_core::{FixedClock, NewUser};
use harbour_store::{DataDir, DeviceSecrets, KdfParams, Keyring, SecretFolder, SecretPlace};
use std::sync::Arc;

#[test]
fn the_device_secret_lives_in_the_desktop_keyring_not_the_data_folder() {
    if std::env::var_os("HARBOUR_KEYRING_TEST").is_none() {
        eprintln!("HARBOUR_KEYRING_TEST is not set: no keyring to test against");
        return;
    }
    let keyring = Keyring::default();
    assert!(keyring.available(), "the session's keyring answers");
    let dir = tempfile::tempdir().unwrap();
    let chosen = harbour_store::system_secrets(dir.path().join("fallback"));
    assert_eq!(chosen.place(), SecretPlace::Keyring);

    let data = DataDir::new(dir.path().join("data"), Arc::new(keyring.clone()));
    let clock = Arc::new(FixedClock::at(chrono::Utc::now()));
    let first = NewUser {
        name: "Sam Admin".into(),
        pin: "402719".into(),
        pin_again: "402719".into(),
    };
    let store = data
        .create(&first, KdfParams::OWASP_MINIMUM, clock.clone())
        .unwrap();
    drop(store);
    let keys: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data.key_path()).unwrap()).unwrap();
    let store_id: uuid::Uuid = keys["store"].as_str().unwrap().parse().unwrap();
    let secret = keyring.get(store_id).unwrap().expect("kept in the keyring");
    assert!(!dir.path().join("fallback").exists(), "no file fallback");
    // Nowhere in the data folder.
    for entry in std::fs::read_dir(data.path()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap_or_default();
        assert!(!bytes.windows(32).any(|w| w == secret.as_slice()));
    }
    data.unlock(None, "402719", clock.clone()).unwrap();

    // The same folder with no keyring: the PIN alone opens nothing.
    let elsewhere = DataDir::new(
        data.path(),
        Arc::new(SecretFolder::new(dir.path().join("empty"))),
    );
    assert_eq!(
        elsewhere.unlock(None, "402719", clock).unwrap_err().code(),
        "device_secret_missing"
    );
}
