use super::*;
use crate::photo::test_png;
use chrono::{Duration, TimeZone};
use harbour_core::{FieldProblem, FixedClock};
use std::sync::Arc;

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::at(
        Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap(),
    ))
}

fn input(name: &str) -> ChildInput {
    ChildInput {
        name_latin: name.into(),
        name_own_script: "ኣማኒ".into(),
        date_of_birth: "2011-03-04".into(),
        languages: "Tigrinya, Arabic".into(),
        unaccompanied: false,
        suspected_trafficked: true,
    }
}

#[test]
fn a_child_is_saved_and_read_back() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let saved = store.add_child(&input("Sample Ruth"), None).unwrap();
    let all = store.children().unwrap();
    assert_eq!(all, vec![saved.clone()]);
    assert_eq!(store.child(saved.id).unwrap(), saved);
    assert_eq!(saved.details.languages, ["Tigrinya", "Arabic"]);
    assert!(!saved.has_photo);
    assert_eq!(store.child_photo(saved.id).unwrap(), None);
}

#[test]
fn a_photo_is_stored_downscaled() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let saved = store
        .add_child(&input("Sample Ruth"), Some(&test_png(2000, 1000)))
        .unwrap();
    assert!(saved.has_photo);
    let jpeg = store.child_photo(saved.id).unwrap().unwrap();
    let img = image::load_from_memory(&jpeg).unwrap();
    assert_eq!((img.width(), img.height()), (800, 400));
}

#[test]
fn bad_input_is_refused_whole_and_nothing_saved_is_lost() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let first = store.add_child(&input("Sample Ruth"), None).unwrap();
    let bad = ChildInput {
        name_latin: " ".into(),
        date_of_birth: "2030-01-01".into(),
        ..input("")
    };
    let err = store
        .add_child(&bad, Some(b"GIF89a but not really"))
        .unwrap_err();
    let StoreError::Invalid(errors) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        errors,
        &[
            FieldError::new(Field::NameLatin, FieldProblem::Required),
            FieldError::new(Field::DateOfBirth, FieldProblem::InFuture),
            FieldError::new(Field::Photo, FieldProblem::Unreadable),
        ]
    );
    assert_eq!(err.code(), "invalid");
    // A good child with an unreadable photo is refused too: the carer fixes the photo first.
    let err = store
        .add_child(&input("Sample Two"), Some(b"not a photo"))
        .unwrap_err();
    assert_eq!(err.message_id(), "error-photo-unreadable");
    assert_eq!(store.children().unwrap(), vec![first]);
}

#[test]
fn child_missing_opens_one_episode_however_often_it_is_pressed() {
    let clock = clock();
    let mut store = Store::open_in_memory(clock.clone()).unwrap();
    let child = store.add_child(&input("Sample Ruth"), None).unwrap();
    let first = store.report_missing(child.id).unwrap();
    assert!(!first.already_open);
    assert_eq!(first.episode.child_id, child.id);
    assert_eq!(first.episode.started_at, clock.now());
    assert_eq!(first.episode.last_seen_at, clock.now());
    clock.advance(Duration::minutes(3));
    let again = store.report_missing(child.id).unwrap();
    assert!(again.already_open);
    assert_eq!(again.episode, first.episode);
    assert_eq!(store.open_episodes().unwrap(), vec![first.episode]);
}

#[test]
fn unknown_children_and_episodes_are_not_found() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let nobody = ChildId::from_uuid(Uuid::now_v7());
    assert!(matches!(
        store.report_missing(nobody),
        Err(StoreError::NotFound)
    ));
    assert!(matches!(store.child(nobody), Err(StoreError::NotFound)));
    let no_episode = EpisodeId::from_uuid(Uuid::now_v7());
    let err = store.set_last_seen(no_episode, store.now()).unwrap_err();
    assert_eq!(err.message_id(), "error-not-found");
}

#[test]
fn last_seen_can_be_corrected_but_not_into_the_future() {
    let clock = clock();
    let mut store = Store::open_in_memory(clock.clone()).unwrap();
    let child = store.add_child(&input("Sample Ruth"), None).unwrap();
    let ep = store.report_missing(child.id).unwrap().episode;
    let earlier = clock.now() - Duration::minutes(90);
    let updated = store.set_last_seen(ep.id, earlier).unwrap();
    assert_eq!(updated.last_seen_at, earlier);
    assert_eq!(updated.missing_for(clock.now()).total_minutes(), 90);
    let err = store
        .set_last_seen(ep.id, clock.now() + Duration::hours(1))
        .unwrap_err();
    assert_eq!(err.message_id(), "error-last-seen-in-future");
    assert_eq!(store.episode(ep.id).unwrap().last_seen_at, earlier);
}

#[test]
fn an_open_episode_survives_closing_and_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested");
    let clock = clock();
    let (child, episode) = {
        let mut store = crate::testing::create(&path, clock.clone());
        let child = store
            .add_child(&input("Sample Ruth"), Some(&test_png(40, 40)))
            .unwrap();
        let ep = store.report_missing(child.id).unwrap().episode;
        (child, ep)
    };
    clock.advance(Duration::minutes(125));
    let store = crate::testing::unlock(&path, clock.clone());
    assert_eq!(store.children().unwrap(), vec![child]);
    let open = store.open_episodes().unwrap();
    assert_eq!(open, vec![episode]);
    let e = open[0].missing_for(store.now());
    assert_eq!((e.hours, e.minutes), (2, 5));
}

#[test]
fn sample_children_load_once_and_are_clearly_fictional() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    store.mark_as_demo().unwrap();
    assert!(store.is_demo().unwrap());
    assert_eq!(store.load_sample_children().unwrap(), 3);
    assert_eq!(store.load_sample_children().unwrap(), 0);
    let all = store.children().unwrap();
    assert_eq!(all.len(), 3);
    assert!(all.iter().all(|c| c.details.name_latin.contains("Sample")));
    assert!(all.iter().any(|c| c.details.escalate_when_missing()));
    assert!(all.iter().any(|c| !c.details.escalate_when_missing()));
    // Every sample profile value was valid and saved, section by section.
    for (child, sections) in all.iter().zip(crate::samples::sample_profiles()) {
        let profile = store.profile(child.id).unwrap();
        for input in sections {
            assert!(!input.values.is_empty());
            let saved = &profile.section(input.section).unwrap().values;
            assert_eq!(saved, &input.values, "{:?}", input.section);
        }
    }
}

#[test]
fn real_records_refuse_the_sample_children() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    assert!(!store.is_demo().unwrap());
    assert!(matches!(
        store.load_sample_children(),
        Err(StoreError::NotADemo)
    ));
    assert!(store.children().unwrap().is_empty());
}

#[test]
fn samples_are_not_added_next_to_real_children() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    store.add_child(&input("Sample Ruth"), None).unwrap();
    assert_eq!(store.load_sample_children().unwrap(), 0);
    assert_eq!(store.children().unwrap().len(), 1);
}

#[test]
fn what_a_write_returns_is_what_a_read_gives_back() {
    // The wall clock has nanoseconds; stored times have milliseconds.
    let clock = Arc::new(FixedClock::at(
        Utc.timestamp_opt(1_795_000_000, 123_456_789).unwrap(),
    ));
    let mut store = Store::open_in_memory(clock.clone()).unwrap();
    let child = store.add_child(&input("Sample Ruth"), None).unwrap();
    assert_eq!(store.child(child.id).unwrap(), child);
    let ep = store.report_missing(child.id).unwrap().episode;
    assert_eq!(store.open_episodes().unwrap(), vec![ep.clone()]);
    let at = clock.now() - Duration::nanoseconds(1_000_001);
    let updated = store.set_last_seen(ep.id, at).unwrap();
    assert_eq!(store.episode(ep.id).unwrap(), updated);
}

#[test]
fn adding_and_opening_a_child_are_audited_and_the_chain_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = crate::testing::create(dir.path(), clock());
    let child = store
        .add_child(&input("Sample Ruth"), Some(&test_png(10, 10)))
        .unwrap();
    let (seen, photo) = store.open_child(child.id).unwrap();
    assert_eq!(seen, child);
    assert!(photo.is_some());
    assert!(matches!(
        store.open_child(ChildId::from_uuid(Uuid::now_v7())),
        Err(StoreError::NotFound)
    ));
    let me = store.session().user.to_string();
    let events: Vec<_> = store
        .audit_entries()
        .unwrap()
        .into_iter()
        .map(|e| (e.event, e.subject, e.actor))
        .collect();
    let entry = |e: &str, s: &str| (e.to_owned(), s.to_owned(), me.clone());
    let team = store.current_team().unwrap().to_string();
    assert_eq!(
        events,
        [
            entry("user_added", &me),
            // Set-up makes the device's first team, with the administrator in it.
            entry("team_changed", &team),
            entry("team_members_changed", &team),
            entry("unlocked", ""),
            // Added with a photo: one entry.
            entry("child_added", &child.id.to_string()),
            entry("child_viewed", &child.id.to_string()),
        ],
        "a failed open records nothing"
    );
    assert_eq!(
        store.verify_audit().unwrap(),
        crate::ChainCheck::Intact { entries: 6 }
    );
    // The chain holds ids, never names.
    let text = format!("{:?}", store.audit_entries().unwrap());
    assert!(!text.contains("Ruth"), "{text}");
}
