//! A child moves to a home on another hub: the whole record, with its missing episode and its
//! history, goes in a transfer package sealed under a passphrase; the new home takes it in, and
//! its other computer gets it with the next sync. A wrong passphrase, a changed byte, a short
//! passphrase or a second import is refused with nothing written.

mod common;

use common::{child, device, enrol, names, Running};
use harbour_core::episode::EpisodeEvent;
use harbour_core::profile::{Section, SectionInput};
use harbour_hub::SqliteHub;
use harbour_store::{Store, StoreError};
use harbour_sync::client::sync_team;
use harbour_sync::TeamKey;
use serde_json::json;

const PASSPHRASE: &str = "river lantern orchard seven";

fn gp(store: &Store, child: harbour_core::ChildId) -> Option<String> {
    let view = store.profile(child).unwrap();
    view.section(Section::Health)
        .and_then(|s| s.text("gp").map(str::to_owned))
}

async fn sync(store: &mut Store, running: &Running<SqliteHub>) {
    let link = store.sync_links().unwrap().remove(0);
    sync_team(store, &link, &running.hub()).await.unwrap();
}

#[tokio::test]
async fn a_child_s_whole_record_moves_to_another_home_in_a_sealed_package() {
    // The home the child leaves, on a hub of its own or none.
    let mut old = device();
    old.add_team("Sample House").unwrap();
    let amanuel = old
        .add_child(&child("Sample Amanuel", true), None)
        .unwrap()
        .id;
    let input = SectionInput {
        section: Section::Health,
        values: [("gp".to_owned(), json!("Dr Sample Okafor"))]
            .into_iter()
            .collect(),
    };
    old.save_profile(amanuel, &input).unwrap();
    let episode = old.report_missing(amanuel).unwrap().episode.id;
    old.record_event(
        episode,
        &EpisodeEvent::Update {
            text: "Seen at the coach station with an older man".into(),
        },
    )
    .unwrap();
    assert_eq!(
        old.transfer_out(amanuel, "too short").unwrap_err().code(),
        StoreError::WeakPassphrase.code()
    );
    let package = old.transfer_out(amanuel, PASSPHRASE).unwrap();
    let text = String::from_utf8_lossy(&package);
    assert!(text.starts_with("HARBOUR-TRANSFER 1\n"));
    assert!(
        !text.contains("Amanuel") && !text.contains("Okafor"),
        "sealed"
    );

    // The new home: two computers on their hub.
    let running = Running::start(SqliteHub::in_memory().unwrap()).await;
    let key = TeamKey::random();
    let (mut new, mut laptop) = (device(), device());
    let team = new.add_team("Sample Home").unwrap().id;
    enrol(&running, &mut new, team, &key, true).await;
    enrol(&running, &mut laptop, team, &key, false).await;
    let refused = |store: &mut Store, bytes: &[u8], passphrase: &str| {
        let e = store.transfer_in(bytes, passphrase).unwrap_err();
        assert!(names(store).is_empty(), "nothing written");
        e.code()
    };
    assert_eq!(
        refused(&mut new, &package, "river lantern orchard eight"),
        "transfer_refused"
    );
    let mut changed = package.clone();
    let last = changed.len() - 1;
    changed[last] ^= 1;
    assert_eq!(refused(&mut new, &changed, PASSPHRASE), "transfer_refused");
    assert_eq!(
        refused(&mut new, &package[..package.len() / 2], PASSPHRASE),
        "transfer_refused"
    );
    assert_eq!(
        refused(&mut new, b"not a package", PASSPHRASE),
        "transfer_refused"
    );

    assert_eq!(new.transfer_in(&package, PASSPHRASE).unwrap(), amanuel);
    assert_eq!(names(&new), ["Sample Amanuel"]);
    assert!(new.children().unwrap()[0].details.suspected_trafficked);
    assert_eq!(gp(&new, amanuel).as_deref(), Some("Dr Sample Okafor"));
    let view = new.episode_view(episode).unwrap();
    assert!(view.events.iter().any(
        |e| matches!(&e.event, EpisodeEvent::Update { text } if text.contains("coach station"))
    ));
    assert_eq!(
        new.transfer_in(&package, PASSPHRASE).unwrap_err().code(),
        StoreError::AlreadyHere.code()
    );

    // The record is the new home's now: its laptop gets it, history and all, with a sync.
    sync(&mut new, &running).await;
    sync(&mut laptop, &running).await;
    assert_eq!(names(&laptop), ["Sample Amanuel"]);
    assert_eq!(gp(&laptop, amanuel).as_deref(), Some("Dr Sample Okafor"));
    assert_eq!(
        laptop.episode_view(episode).unwrap().events.len(),
        view.events.len()
    );
    // And a rebuild from the log gives the same.
    laptop.rebuild().unwrap();
    assert_eq!(gp(&laptop, amanuel).as_deref(), Some("Dr Sample Okafor"));
    running.stop().await;
}
