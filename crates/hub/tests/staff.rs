//! A member of staff added once signs in on every device of their team, with the same name and
//! PIN; a PIN changed on one device is the PIN on all; disabling them on one locks them out of
//! all. Stores on disk (real key files, device secrets and key wrapping), a real hub on
//! loopback.

mod common;

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use common::{child, names, Running, SqliteFile};
use harbour_core::{FixedClock, NewUser, Role};
use harbour_hub::HubDb;
use harbour_store::testing::{self, CARER, CARER_PIN, KDF, PIN};
use harbour_store::{Store, StoreError, SyncLink};
use harbour_sync::client::{join, sync_team};
use harbour_sync::TeamKey;

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::at(
        Utc.with_ymd_and_hms(2026, 12, 4, 21, 40, 0).unwrap(),
    ))
}

fn unlock(dir: &std::path::Path, name: &str, pin: &str) -> Result<Store, StoreError> {
    testing::data(dir).unlock(Some(name), pin, clock())
}

fn link(store: &Store) -> SyncLink {
    store.sync_links().unwrap().remove(0)
}

async fn sync(store: &mut Store, running: &Running<harbour_hub::SqliteHub>) {
    let l = link(store);
    sync_team(store, &l, &running.hub()).await.unwrap();
}

/// A computer with no one of its own joins `team` (not synced yet).
async fn join_new(
    running: &Running<harbour_hub::SqliteHub>,
    dir: &std::path::Path,
    team: harbour_core::TeamId,
    key: &TeamKey,
) -> Store {
    let token = running.db.issue_token(Some(team.as_uuid())).await.unwrap();
    let mut joining = testing::data(dir).begin_join(clock()).unwrap();
    let hub = running.hub();
    join(&mut joining, &hub, &running.address, team, &token, key)
        .await
        .unwrap();
    joining
}

#[tokio::test]
async fn staff_added_on_one_device_sign_in_on_every_device_of_the_team_until_disabled() {
    let hub_dir = tempfile::tempdir().unwrap();
    let db = SqliteFile(hub_dir.path().join("hub.db"));
    let running = Running::start(common::Place::open(&db).await).await;
    let (dir_a, dir_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());

    // A home that used Harbour alone: an administrator and a carer, then it joins a hub.
    let mut a = testing::create(dir_a.path(), clock());
    testing::add_carer(&mut a);
    a.add_child(&child("Sample Amanuel", true), None).unwrap();
    let team = a.current_team().unwrap();
    let key = TeamKey::random();
    let token = running.db.issue_token(None).await.unwrap();
    join(&mut a, &running.hub(), &running.address, team, &token, &key)
        .await
        .unwrap();
    // The administrator who joined shares their key (the PIN they typed to join), and the
    // carer's goes at their next sign-in here.
    assert_eq!(a.share_my_key(PIN).unwrap(), 1);
    assert_eq!(a.share_my_key(PIN).unwrap(), 0, "once is enough");
    sync(&mut a, &running).await;
    drop(a);
    let carer_a = unlock(dir_a.path(), CARER, CARER_PIN).unwrap();
    drop(carer_a);
    let mut a = unlock(dir_a.path(), "Sam Admin", PIN).unwrap();
    sync(&mut a, &running).await;

    // A new computer joins with no one of its own, and the team's staff can sign in on it.
    let mut joining = join_new(&running, dir_b.path(), team, &key).await;
    let l = link(&joining);
    let r = sync_team(&mut joining, &l, &running.hub()).await.unwrap();
    // Everything of a store set up on its own is taken in: its first administrator added
    // themselves before the team they made existed.
    assert_eq!((r.downloaded, r.held), (10, 0), "{r:?}");
    let mut can = joining.finish_join().unwrap();
    can.sort();
    assert_eq!(can, [CARER, "Sam Admin"]);
    assert!(matches!(
        unlock(dir_b.path(), CARER, "999999"),
        Err(StoreError::WrongPin(_))
    ));
    let mut b = unlock(dir_b.path(), CARER, CARER_PIN).unwrap();
    assert_eq!(
        names(&b),
        ["Sample Amanuel"],
        "the carer sees the team's child"
    );
    assert_eq!(b.session().role, Role::FosterCarer);

    // The carer changes their PIN on B: after a sync each way, it is their PIN on A too.
    b.change_pin(CARER_PIN, "735102", "735102", KDF).unwrap();
    sync(&mut b, &running).await;
    drop(b);
    sync(&mut a, &running).await;
    drop(a);
    assert!(matches!(
        unlock(dir_a.path(), CARER, CARER_PIN),
        Err(StoreError::WrongPin(_))
    ));
    drop(unlock(dir_a.path(), CARER, "735102").unwrap());

    // Someone added on A after the join signs in on B without ever signing in on A.
    let mut a = unlock(dir_a.path(), "Sam Admin", PIN).unwrap();
    let robin = NewUser {
        name: "Robin Night".into(),
        pin: "518273".into(),
        pin_again: "518273".into(),
    };
    a.add_user(&robin, Role::ResidentialStaff, KDF).unwrap();
    sync(&mut a, &running).await;
    let mut b = unlock(dir_b.path(), "Sam Admin", PIN).unwrap();
    sync(&mut b, &running).await;
    drop(b);
    let mut robin_b = unlock(dir_b.path(), "Robin Night", "518273").unwrap();
    assert_eq!(robin_b.session().role, Role::ResidentialStaff);
    // A sync that changes no one's sign-in leaves the key file as it was.
    let key_file = dir_b.path().join(harbour_store::KEY_FILE);
    let as_it_was = std::fs::read(&key_file).unwrap();
    sync(&mut robin_b, &running).await;
    assert_eq!(std::fs::read(&key_file).unwrap(), as_it_was);
    drop(robin_b);

    // Disabled on A: after B's next sync, they cannot sign in on B either, and B's records
    // are under a new key.
    let carer = a
        .users()
        .unwrap()
        .into_iter()
        .find(|u| u.name == CARER)
        .unwrap();
    a.disable_user(carer.id).unwrap();
    sync(&mut a, &running).await;
    let generation = |dir: &std::path::Path| {
        let text = std::fs::read_to_string(dir.join(harbour_store::KEY_FILE)).unwrap();
        serde_json::from_str::<serde_json::Value>(&text).unwrap()["generation"]
            .as_u64()
            .unwrap()
    };
    let before = generation(dir_b.path());
    // As in the app: the sync runs on a connection of its own while the app's stays open, so
    // the key cannot be replaced during it; the entry goes at once, the key right after.
    let mut b = unlock(dir_b.path(), "Robin Night", "518273").unwrap();
    let mut background = b.another_connection(clock()).unwrap();
    sync(&mut background, &running).await;
    drop(background);
    assert_eq!(generation(dir_b.path()), before, "not while open twice");
    assert!(unlock(dir_b.path(), CARER, "735102").is_err());
    assert!(b.rotate_if_due().unwrap());
    assert!(!b.rotate_if_due().unwrap(), "once");
    drop(b);
    assert_eq!(generation(dir_b.path()), before + 1);
    assert!(unlock(dir_b.path(), CARER, "735102").is_err());
    drop(unlock(dir_b.path(), "Robin Night", "518273").unwrap());
    running.stop().await;
}

#[tokio::test]
async fn a_join_that_brings_no_one_who_can_sign_in_keeps_nothing() {
    let hub_dir = tempfile::tempdir().unwrap();
    let db = SqliteFile(hub_dir.path().join("hub.db"));
    let running = Running::start(common::Place::open(&db).await).await;
    let (dir_a, dir_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut a = testing::create(dir_a.path(), clock());
    let team = a.current_team().unwrap();
    let key = TeamKey::random();
    let token = running.db.issue_token(None).await.unwrap();
    join(&mut a, &running.hub(), &running.address, team, &token, &key)
        .await
        .unwrap();
    // No one typed a PIN since the join: no key travelled.
    sync(&mut a, &running).await;

    let data = testing::data(dir_b.path());
    let mut joining = join_new(&running, dir_b.path(), team, &key).await;
    sync(&mut joining, &running).await;
    let err = joining.finish_join().unwrap_err();
    assert_eq!(err.code(), "no_one_can_sign_in");
    let status = data.status(&*clock()).unwrap();
    assert!(!status.set_up, "the folder is as if never set up");
    assert!(!dir_b.path().join(harbour_store::DB_FILE).exists());
    // And it can be set up afresh.
    drop(testing::create(dir_b.path(), clock()));
    running.stop().await;
}
