//! The sync story against a real hub on loopback, over HTTP: a team, two devices enrolled,
//! records pushed and pulled both ways, the same page sent twice, a device revoked, a hub put
//! back from an old copy of its database; and pages cut at every awkward boundary.

mod common;

use common::{child, device, enrol, names, refused_code, PgDatabase, Place, Running, SqliteFile};
use harbour_hub::HubDb;
use harbour_sync::client::{compare, join, sync_team, Hub, HubError};
use harbour_sync::TeamKey;

async fn story(place: impl Place) {
    let db = place.open().await;
    let running = Running::start(db.clone()).await;
    let hub = running.hub();
    let key = TeamKey::random();
    let (mut a, mut b) = (device(), device());
    // The team is made on A; B learns of it by syncing.
    let team = a.add_team("Sample House").unwrap().id;
    let link_a = enrol(&running, &mut a, team, &key, true).await;
    let link_b = enrol(&running, &mut b, team, &key, false).await;

    // A device with another key cannot join the team, and so cannot poison it.
    let mut stranger = device();
    let token = db.issue_token(Some(team.as_uuid())).await.unwrap();
    let err = join(
        &mut stranger,
        &hub,
        &running.address,
        team,
        &token,
        &TeamKey::random(),
    )
    .await
    .unwrap_err();
    assert_eq!(err.code(), "wrong_key");

    // Push from A, pull on B.
    a.add_child(&child("Sample Amanuel", true), None).unwrap();
    assert_eq!(a.sync_waiting(team).unwrap(), 3);
    let up = sync_team(&mut a, &link_a, &hub).await.unwrap();
    assert_eq!(a.sync_waiting(team).unwrap(), 0);
    assert_eq!(up.uploaded, 3, "the team, A's place in it, the child");
    let down = sync_team(&mut b, &link_b, &hub).await.unwrap();
    assert_eq!((down.downloaded, down.held), (3, 0));
    assert_eq!(names(&b), ["Sample Amanuel"]);
    assert!(b.children().unwrap()[0].details.suspected_trafficked);

    // Both ways; a second round has nothing to do.
    b.add_child_to(Some(team), &child("Sample Ruth", false), None)
        .unwrap();
    sync_team(&mut b, &link_b, &hub).await.unwrap();
    let back = sync_team(&mut a, &link_a, &hub).await.unwrap();
    assert_eq!((back.uploaded, back.downloaded), (0, 1));
    assert_eq!(names(&a), names(&b));
    let idle = sync_team(&mut a, &link_a, &hub).await.unwrap();
    assert_eq!((idle.uploaded, idle.downloaded), (0, 0));
    // `harbour verify` compares every series with the hub's: in step, then one ahead each way.
    let same = compare(&a, &link_a, &hub).await.unwrap();
    assert_eq!((same.in_step, same.hub_ahead, same.here_ahead), (2, 0, 0));
    assert!(same.diverged.is_empty());
    a.add_child(&child("Sample Yonas", false), None).unwrap();
    let ahead = compare(&a, &link_a, &hub).await.unwrap();
    assert_eq!((ahead.in_step, ahead.here_ahead), (1, 1));
    sync_team(&mut a, &link_a, &hub).await.unwrap();
    let behind = compare(&b, &link_b, &hub).await.unwrap();
    assert_eq!((behind.in_step, behind.hub_ahead), (1, 1));
    sync_team(&mut b, &link_b, &hub).await.unwrap();

    // Sending the same page again changes nothing; another op in a held place is a fork.
    let status = hub.status(&link_a.device_token).await.unwrap();
    let me = a.device_id();
    let slots = a.slots_after(team, me, -1, usize::MAX, usize::MAX).unwrap();
    let page = |sealed: Option<Vec<u8>>| harbour_sync::wire::UploadRequest {
        key_id: key.key_id(),
        pages: vec![harbour_sync::wire::SeriesPage {
            device: me.as_uuid(),
            after_chain: [0; 32],
            slots: slots
                .iter()
                .map(|(op, s)| harbour_sync::wire::WireSlot {
                    seq: s.seq,
                    op_tag: key.op_tag(op.as_uuid()),
                    sealed: sealed.clone().unwrap_or_else(|| s.sealed.clone()),
                })
                .collect(),
        }],
    };
    hub.upload(&link_a.device_token, &page(None)).await.unwrap();
    assert_eq!(hub.status(&link_a.device_token).await.unwrap(), status);
    let forked = hub
        .upload(&link_a.device_token, &page(Some(vec![1, 2, 3])))
        .await
        .unwrap_err();
    assert!(
        matches!(forked, HubError::Refused { status: 409, ref code } if code == "fork"),
        "{forked:?}"
    );
    assert_eq!(hub.status(&link_a.device_token).await.unwrap(), status);

    // The hub put back from an old copy: it lost what came after, and the devices give it back.
    running.stop().await;
    drop(db);
    place.keep_copy().await;
    let running = Running::start(place.open().await).await;
    let hub = running.hub();
    a.add_child(&child("Sample Dawit", false), None).unwrap();
    sync_team(&mut a, &link_a, &hub).await.unwrap();
    running.stop().await;
    // A record written while the hub is away waits, and says so; its slot is made and kept.
    a.add_child(&child("Sample Selam", false), None).unwrap();
    let away = sync_team(&mut a, &link_a, &running_hub_gone())
        .await
        .unwrap_err();
    assert_eq!(away.code(), "unreachable");
    assert_eq!(a.sync_waiting(team).unwrap(), 1);
    place.put_back().await;
    let db = place.open().await;
    let running = Running::start(db.clone()).await;
    let hub = running.hub();
    let b_first = sync_team(&mut b, &link_b, &hub).await.unwrap();
    assert_eq!(b_first.downloaded, 0, "the copy does not have Dawit");
    let healed = sync_team(&mut a, &link_a, &hub).await.unwrap();
    assert_eq!(
        healed.uploaded, 2,
        "A gives back what the hub lost, and sends Selam"
    );
    sync_team(&mut b, &link_b, &hub).await.unwrap();
    assert_eq!(
        names(&b),
        [
            "Sample Amanuel",
            "Sample Dawit",
            "Sample Ruth",
            "Sample Selam",
            "Sample Yonas"
        ]
    );
    assert_eq!(a.sync_waiting(team).unwrap(), 0);

    // Revoked: refused at once, and the device says so.
    assert!(!names(&b).is_empty());
    assert_eq!(db.revoke(b.device_id().as_uuid()).await.unwrap(), 1);
    let err = sync_team(&mut b, &link_b, &hub).await.unwrap_err();
    assert_eq!(refused_code(&err), Some("revoked"));
    assert_eq!(err.code(), "revoked");
    let links = b.sync_links().unwrap();
    assert_eq!(links[0].last_error.as_deref(), Some("revoked"));
    // The revoked computer's copy of the team is locked: none of its children are shown, and
    // leaving the hub does not unlock them.
    assert!(names(&b).is_empty(), "{:?}", names(&b));
    assert_eq!(
        b.leave_hub(team).unwrap_err().code(),
        harbour_store::StoreError::NotAllowed.code()
    );
    assert!(names(&b).is_empty());
    // A computer that leaves a hub keeps its records.
    let before = names(&a);
    a.leave_hub(team).unwrap();
    assert!(a.sync_links().unwrap().is_empty());
    assert_eq!(names(&a), before);
    running.stop().await;
}

#[tokio::test]
async fn a_team_syncs_through_a_hub_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    story(SqliteFile(dir.path().join("hub.db"))).await;
}

#[tokio::test]
async fn a_team_syncs_through_a_hub_on_postgresql() {
    if let Some(server) = common::postgres_server() {
        story(PgDatabase::new(&server).await).await;
    }
}

/// A hub address where nothing listens.
fn running_hub_gone() -> harbour_sync::http::HttpHub {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    harbour_sync::http::HttpHub::new(&format!("http://127.0.0.1:{port}")).unwrap()
}
