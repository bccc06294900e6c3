//! "Changed on two devices": the same profile field saved on two devices before either had
//! seen the other's value is listed on both for a person to choose; the choice settles it on
//! both; a field saved on top of the value shown is never listed.

mod common;

use common::{child, device, enrol, Running};
use harbour_core::profile::{Section, SectionInput};
use harbour_hub::SqliteHub;
use harbour_store::Store;
use harbour_sync::client::sync_team;
use harbour_sync::TeamKey;
use serde_json::json;

fn gp(store: &mut Store, child: harbour_core::ChildId, name: &str) {
    let input = SectionInput {
        section: Section::Health,
        values: [("gp".to_owned(), json!(name))].into_iter().collect(),
    };
    store.save_profile(child, &input).unwrap();
}

fn gp_now(store: &Store, child: harbour_core::ChildId) -> Option<String> {
    let view = store.profile(child).unwrap();
    view.section(Section::Health)
        .and_then(|s| s.text("gp").map(str::to_owned))
}

fn health_review(
    store: &Store,
    child: harbour_core::ChildId,
) -> Option<impl PartialEq + std::fmt::Debug> {
    let view = store.profile(child).unwrap();
    view.section(Section::Health).unwrap().review.clone()
}

async fn sync(store: &mut Store, running: &Running<SqliteHub>) {
    let link = store.sync_links().unwrap().remove(0);
    sync_team(store, &link, &running.hub()).await.unwrap();
}

#[tokio::test]
async fn a_field_saved_on_two_devices_at_once_is_listed_on_both_until_someone_chooses() {
    let running = Running::start(SqliteHub::in_memory().unwrap()).await;
    let key = TeamKey::random();
    let (mut a, mut b) = (device(), device());
    let team = a.add_team("Sample House").unwrap().id;
    enrol(&running, &mut a, team, &key, true).await;
    enrol(&running, &mut b, team, &key, false).await;
    let amanuel = a
        .add_child(&child("Sample Amanuel", true), None)
        .unwrap()
        .id;
    gp(&mut a, amanuel, "Dr Sample Okafor");
    sync(&mut a, &running).await;
    sync(&mut b, &running).await;

    // On top of each other: never listed.
    gp(&mut b, amanuel, "Dr Sample Mensah");
    sync(&mut b, &running).await;
    sync(&mut a, &running).await;
    assert!(a.changed_twice().unwrap().is_empty());
    assert_eq!(gp_now(&a, amanuel).as_deref(), Some("Dr Sample Mensah"));

    // Beside each other: both keep the same value, and both list the other.
    gp(&mut a, amanuel, "Dr Sample Adeyemi");
    gp(&mut b, amanuel, "Dr Sample Haile");
    sync(&mut a, &running).await;
    sync(&mut b, &running).await;
    sync(&mut a, &running).await;
    let (on_a, on_b) = (a.changed_twice().unwrap(), b.changed_twice().unwrap());
    assert_eq!(on_a.len(), 1, "{on_a:?}");
    assert_eq!(on_b.len(), 1, "{on_b:?}");
    assert_eq!(gp_now(&a, amanuel), gp_now(&b, amanuel), "converged");
    for listed in [&on_a[0], &on_b[0]] {
        assert_eq!((listed.child, listed.key.as_str()), (amanuel, "gp"));
        assert_eq!(listed.child_name, "Sample Amanuel");
        assert_eq!(listed.section, Section::Health);
        let both = [listed.shown.clone(), listed.other.clone()];
        assert!(both.contains(&json!("Dr Sample Adeyemi")), "{listed:?}");
        assert!(both.contains(&json!("Dr Sample Haile")), "{listed:?}");
    }
    assert_eq!(on_a[0].shown, on_b[0].shown);
    // The listing is a fold of the log: rebuilt, it is the same.
    a.rebuild().unwrap();
    assert_eq!(a.changed_twice().unwrap(), on_a);
    let review_before = health_review(&b, amanuel);

    // B chooses the other value: it is the value on both, and listed on neither.
    let other = on_b[0].other.clone();
    b.choose_changed_twice(amanuel, "gp", Some(on_b[0].other_op.parse().unwrap()))
        .unwrap();
    assert!(b.changed_twice().unwrap().is_empty());
    sync(&mut b, &running).await;
    sync(&mut a, &running).await;
    assert!(a.changed_twice().unwrap().is_empty());
    assert_eq!(
        gp_now(&a, amanuel).map(serde_json::Value::from),
        Some(other.clone())
    );
    assert_eq!(
        gp_now(&b, amanuel).map(serde_json::Value::from),
        Some(other)
    );
    // A choice is not a check of the section.
    let review_after = health_review(&b, amanuel);
    assert_eq!(review_before, review_after);

    a.rebuild().unwrap();
    assert!(a.changed_twice().unwrap().is_empty());
    running.stop().await;
}
