//! The hub over HTTPS with a certificate it made itself: devices pinned to its fingerprint
//! sync; a device given another fingerprint sends nothing and says why; a device that checks
//! the system's roots, or speaks plain HTTP, gets nowhere.

mod common;

use std::os::unix::fs::PermissionsExt as _;

use common::{child, device, names, refused_code};
use harbour_hub::{HubDb, SqliteHub};
use harbour_sync::client::{join, sync_team};
use harbour_sync::http::HttpHub;
use harbour_sync::TeamKey;

#[tokio::test]
async fn devices_pinned_to_the_hubs_own_certificate_sync_and_no_one_else_gets_in() {
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = (
        dir.path().join("hub-cert.pem"),
        dir.path().join("hub-key.pem"),
    );
    let names_on_it = ["localhost".to_owned(), "127.0.0.1".to_owned()];
    assert!(harbour_hub::tls::make_self_signed(&cert, &key, &names_on_it).unwrap());
    // Made once: a second start keeps it (devices have pinned it).
    assert!(!harbour_hub::tls::make_self_signed(&cert, &key, &names_on_it).unwrap());
    assert_eq!(
        std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
        0o600,
        "the key is its owner's alone"
    );
    let tls = harbour_hub::tls::load(&cert, &key).unwrap();

    let db = SqliteHub::in_memory().unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let served = db.clone();
    let server = tokio::spawn(async move {
        harbour_hub::tls::serve(served, listener, &tls, true, async {
            let _ = stopped.await;
        })
        .await
        .unwrap();
    });
    let fingerprint = harbour_hub::tls::load(&cert, &key).unwrap().fingerprint;
    let address = format!("https://127.0.0.1:{port}");
    let pinned = HttpHub::pinned(&address, Some(fingerprint)).unwrap();

    let key = TeamKey::random();
    let (mut a, mut b) = (device(), device());
    let team = a.add_team("Sample House").unwrap().id;
    let token = db.issue_token(None).await.unwrap();
    let link_a = join(&mut a, &pinned, &address, team, &token, &key)
        .await
        .unwrap();
    let token = db.issue_token(Some(team.as_uuid())).await.unwrap();
    let link_b = join(&mut b, &pinned, &address, team, &token, &key)
        .await
        .unwrap();
    a.add_child(&child("Sample Amanuel", true), None).unwrap();
    sync_team(&mut a, &link_a, &pinned).await.unwrap();
    sync_team(&mut b, &link_b, &pinned).await.unwrap();
    assert_eq!(names(&b), ["Sample Amanuel"]);

    // Another certificate's fingerprint: nothing is sent, and the device says why.
    a.add_child(&child("Sample Ruth", false), None).unwrap();
    let mut other = fingerprint;
    other[0] ^= 1;
    let impostor = HttpHub::pinned(&address, Some(other)).unwrap();
    let err = sync_team(&mut a, &link_a, &impostor).await.unwrap_err();
    assert_eq!(err.code(), "wrong_certificate", "{err:?}");
    assert_eq!(
        a.sync_links().unwrap()[0].last_error.as_deref(),
        Some("wrong_certificate")
    );
    // Checked against the system's roots, a certificate the hub made itself is not trusted.
    let roots = HttpHub::new(&address).unwrap();
    let err = sync_team(&mut a, &link_a, &roots).await.unwrap_err();
    assert_eq!(err.code(), "unreachable", "{err:?}");
    // Plain HTTP to the HTTPS port gets no answer it can read.
    let plain = HttpHub::new(&format!("http://127.0.0.1:{port}")).unwrap();
    let err = sync_team(&mut a, &link_a, &plain).await.unwrap_err();
    assert!(refused_code(&err).is_none(), "{err:?}");
    assert_eq!(
        db.status(team.as_uuid()).await.unwrap().heads[0].seq,
        2,
        "Ruth went nowhere"
    );
    let _ = stop.send(());
    server.await.unwrap();
}
