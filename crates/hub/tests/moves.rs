//! A child changes hands on one hub. A manager whose computer holds two homes' teams moves a
//! child from one to the other: the new home's computer gets the whole record, history and all,
//! and may write in it; the old home's computer keeps what it recorded, read-only, and says
//! where the child went — but never refuses a missing report. Two records of one child, made in
//! two homes before they shared a team, are merged: nothing of either is lost.

mod common;

use common::{child, device, enrol, names, sync_all, Running};
use harbour_core::episode::EpisodeEvent;
use harbour_core::profile::{Section, SectionInput};
use harbour_core::{ChildId, RecordState, TeamId};
use harbour_hub::SqliteHub;
use harbour_store::{Store, StoreError};
use harbour_sync::TeamKey;
use serde_json::json;

fn health(gp: &str) -> SectionInput {
    SectionInput {
        section: Section::Health,
        values: [("gp".to_owned(), json!(gp))].into_iter().collect(),
    }
}

fn gp(store: &Store, child: ChildId) -> Option<String> {
    let view = store.profile(child).unwrap();
    view.section(Section::Health)
        .and_then(|s| s.text("gp").map(str::to_owned))
}

fn found_and_closed(store: &mut Store, episode: harbour_core::EpisodeId) {
    let found = EpisodeEvent::Found {
        found_at: store.now(),
        found_by: "Police".into(),
        where_found: "Coach station".into(),
        how_returned: "Police car".into(),
    };
    store.record_event(episode, &found).unwrap();
    store.record_event(episode, &EpisodeEvent::Closed).unwrap();
}

fn state(store: &Store, child: ChildId) -> RecordState {
    store.child(child).unwrap().record
}

/// What a rebuild of the log must give back: each child's row and profile.
fn folded(store: &Store) -> String {
    let mut out = String::new();
    for c in store.children().unwrap() {
        out += &format!("{:?} {:?} {:?}\n", c, c.record, gp(store, c.id));
    }
    out
}

#[tokio::test]
async fn a_child_moves_to_another_team_on_the_hub_and_the_old_team_keeps_a_read_only_copy() {
    let running = Running::start(SqliteHub::in_memory().unwrap()).await;
    // The provider's office holds both homes' teams; each home has a computer of its own.
    let (mut office, (house, key_a), (lodge, key_b)) = common::office_of_two_homes(&running).await;
    let (mut at_house, mut at_lodge) = (device(), device());
    enrol(&running, &mut at_house, house, &key_a, false).await;
    enrol(&running, &mut at_lodge, lodge, &key_b, false).await;

    // The child lives at the house: a profile answer, and an episode, found and closed.
    let amanuel = office
        .add_child_to(Some(house), &child("Sample Amanuel", true), None)
        .unwrap()
        .id;
    sync_all(&mut office, &running).await;
    sync_all(&mut at_house, &running).await;
    at_house
        .save_profile(amanuel, &health("Dr Sample Okafor"))
        .unwrap();
    let episode = at_house.report_missing(amanuel).unwrap().episode.id;
    at_house
        .record_event(
            episode,
            &EpisodeEvent::Update {
                text: "Seen at the coach station with an older man".into(),
            },
        )
        .unwrap();
    sync_all(&mut at_house, &running).await;
    sync_all(&mut office, &running).await;
    sync_all(&mut at_lodge, &running).await;
    assert!(
        names(&at_lodge).is_empty(),
        "the lodge sees only its own children"
    );

    // Not while the child is missing, not to a team this computer does not hold.
    assert_eq!(
        office.move_child(amanuel, lodge).unwrap_err().code(),
        StoreError::MissingNow.code()
    );
    found_and_closed(&mut at_house, episode);
    sync_all(&mut at_house, &running).await;
    sync_all(&mut office, &running).await;
    assert_eq!(
        office
            .move_child(amanuel, TeamId::from_uuid(uuid::Uuid::now_v7()))
            .unwrap_err()
            .code(),
        StoreError::NotInThatTeam.code()
    );
    assert_eq!(
        office.move_child(amanuel, house).unwrap_err().code(),
        StoreError::NotInThatTeam.code()
    );
    office.move_child(amanuel, lodge).unwrap();
    assert_eq!(state(&office, amanuel), RecordState::Here);
    sync_all(&mut office, &running).await;

    // The lodge has the whole record, history and all, and keeps it up.
    sync_all(&mut at_lodge, &running).await;
    assert_eq!(names(&at_lodge), ["Sample Amanuel"]);
    assert_eq!(state(&at_lodge, amanuel), RecordState::Here);
    assert!(at_lodge.children().unwrap()[0].details.suspected_trafficked);
    assert_eq!(gp(&at_lodge, amanuel).as_deref(), Some("Dr Sample Okafor"));
    let events = at_lodge.episode_view(episode).unwrap().events;
    assert!(events.iter().any(
        |e| matches!(&e.event, EpisodeEvent::Update { text } if text.contains("coach station"))
    ));
    at_lodge
        .save_profile(amanuel, &health("Dr Sample Lodge"))
        .unwrap();
    sync_all(&mut at_lodge, &running).await;

    // The house keeps what it recorded, read-only, and says where the child went.
    sync_all(&mut at_house, &running).await;
    assert_eq!(names(&at_house), ["Sample Amanuel"]);
    match state(&at_house, amanuel) {
        RecordState::MovedTo {
            team, team_name, ..
        } => {
            assert_eq!(team, lodge);
            assert_eq!(team_name, "Sample Lodge");
        }
        other => panic!("expected moved, got {other:?}"),
    }
    assert_eq!(gp(&at_house, amanuel).as_deref(), Some("Dr Sample Okafor"));
    assert_eq!(
        at_house
            .save_profile(amanuel, &health("Dr Sample Other"))
            .unwrap_err()
            .code(),
        StoreError::ReadOnlyRecord.code()
    );
    assert_eq!(gp(&at_house, amanuel).as_deref(), Some("Dr Sample Okafor"));
    // Never a missing report: the child seen leaving the house again is reported from it.
    at_house.report_missing(amanuel).unwrap();
    // The office sees the lodge's change; both teams' copies rebuild the same.
    sync_all(&mut office, &running).await;
    assert_eq!(gp(&office, amanuel).as_deref(), Some("Dr Sample Lodge"));
    for store in [&mut office, &mut at_house, &mut at_lodge] {
        let before = folded(store);
        store.rebuild().unwrap();
        assert_eq!(folded(store), before);
    }
    running.stop().await;
}

#[tokio::test]
async fn two_records_of_one_child_made_before_joining_are_merged_with_nothing_lost() {
    let running = Running::start(SqliteHub::in_memory().unwrap()).await;
    let key = TeamKey::random();
    let mut office = device();
    let team = office.add_team("Sample House").unwrap().id;
    enrol(&running, &mut office, team, &key, true).await;
    let first = office
        .add_child(&child("Sample Dawit", false), None)
        .unwrap()
        .id;
    office
        .save_profile(first, &health("Dr Sample Okafor"))
        .unwrap();
    sync_all(&mut office, &running).await;

    // The night laptop recorded the same boy as a second child before it joined: his own
    // script name, the suspected-trafficked flag, a profile answer and a missing episode.
    let mut laptop = device();
    enrol(&running, &mut laptop, team, &key, false).await;
    let mut input = child("Sample Dawit", true);
    input.name_own_script = "ዳዊት".into();
    let second = laptop.add_child(&input, None).unwrap().id;
    let mut phones = health("Dr Sample Other");
    phones
        .values
        .insert("allergies".to_owned(), json!("Penicillin"));
    laptop.save_profile(second, &phones).unwrap();
    let episode = laptop.report_missing(second).unwrap().episode.id;
    found_and_closed(&mut laptop, episode);
    sync_all(&mut laptop, &running).await;
    sync_all(&mut office, &running).await;
    assert_eq!(names(&office), ["Sample Dawit", "Sample Dawit"]);

    assert_eq!(
        office.merge_children(first, first).unwrap_err().code(),
        StoreError::CannotMerge.code()
    );
    office.merge_children(first, second).unwrap();
    assert_eq!(
        office.merge_children(first, second).unwrap_err().code(),
        StoreError::CannotMerge.code(),
        "merged once only"
    );
    sync_all(&mut office, &running).await;
    sync_all(&mut laptop, &running).await;
    for store in [&mut office, &mut laptop] {
        assert_eq!(names(store), ["Sample Dawit"], "one child now");
        let kept = store.child(first).unwrap();
        assert!(kept.details.suspected_trafficked, "the flag is never lost");
        assert_eq!(kept.details.name_own_script.as_deref(), Some("ዳዊት"));
        let profile = store.profile(first).unwrap();
        let health = profile.section(Section::Health).unwrap();
        // The kept record's own answer stands; the gap is filled from the other.
        assert_eq!(health.text("gp"), Some("Dr Sample Okafor"));
        assert_eq!(health.text("allergies"), Some("Penicillin"));
        // The other record's episode is shown with the kept record's.
        assert!(store
            .child_episodes(first)
            .unwrap()
            .iter()
            .any(|e| e.episode.id == episode));
        // Its own page stays, read-only, with the answer that did not stand.
        assert!(matches!(
            state(store, second),
            RecordState::MergedInto { child, .. } if child == first
        ));
        assert_eq!(gp(store, second).as_deref(), Some("Dr Sample Other"));
        assert_eq!(store.merged_into(first).unwrap(), [second]);
        let before = folded(store);
        store.rebuild().unwrap();
        assert_eq!(folded(store), before);
        assert!(store
            .child_episodes(first)
            .unwrap()
            .iter()
            .any(|e| e.episode.id == episode));
    }
    running.stop().await;
}
