//! Daily log entries written on two laptops of one home, each offline, meet on the hub without
//! loss; a correction written on one of an entry made on the other keeps both wordings.

mod common;

use chrono::Duration;
use common::{child, device, enrol, sync_all, Running};
use harbour_core::log::{Amends, Basis, LogInput, Theme};
use harbour_hub::SqliteHub;
use harbour_sync::TeamKey;

fn entry(store: &harbour_store::Store, text: &str) -> LogInput {
    LogInput {
        happened_at: Some(store.now() - Duration::hours(1)),
        basis: Basis::Fact,
        themes: vec![Theme::Wellbeing],
        text: text.into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn log_entries_from_two_laptops_meet_on_the_hub_and_a_correction_keeps_both_wordings() {
    let running = Running::start(SqliteHub::in_memory().unwrap()).await;
    let key = TeamKey::random();
    let (mut day, mut night) = (device(), device());
    let team = day.add_team("Sample House").unwrap().id;
    enrol(&running, &mut day, team, &key, true).await;
    let amanuel = day
        .add_child(&child("Sample Amanuel", true), None)
        .unwrap()
        .id;
    sync_all(&mut day, &running).await;
    enrol(&running, &mut night, team, &key, false).await;
    sync_all(&mut night, &running).await;

    // Both offline, both write.
    let seen = day
        .add_log_entry(amanuel, &entry(&day, "Quiet at tea; ate well."))
        .unwrap();
    night
        .add_log_entry(
            amanuel,
            &entry(&night, "Woke at 2; asked about his cousin."),
        )
        .unwrap();
    sync_all(&mut day, &running).await;
    sync_all(&mut night, &running).await;
    sync_all(&mut day, &running).await;
    for store in [&day, &night] {
        let texts: Vec<String> = store
            .child_log(amanuel)
            .unwrap()
            .into_iter()
            .map(|e| e.record.text)
            .collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts.iter().any(|t| t.contains("tea")));
        assert!(texts.iter().any(|t| t.contains("cousin")));
    }

    // The night shift corrects the day's entry; both wordings stay on every laptop.
    let mut correction = entry(&night, "He ate little at tea, not well (key worker).");
    correction.amends = Some((seen.record.id, Amends::Correction));
    night.add_log_entry(amanuel, &correction).unwrap();
    sync_all(&mut night, &running).await;
    sync_all(&mut day, &running).await;
    let log = day.child_log(amanuel).unwrap();
    assert_eq!(log.len(), 3);
    let original = log.iter().find(|e| e.record.id == seen.record.id).unwrap();
    assert_eq!(original.record.text, "Quiet at tea; ate well.");
    assert_eq!(original.amended_by.len(), 1);
    running.stop().await;
}
