//! A provider's office holds its homes' teams and publishes defaults to all of them: a home
//! that set its own value keeps it, one that did not gets the default, and follows the newest
//! one; a key this version does not know is refused with nothing written.

mod common;

use common::{device, enrol, sync_all, Running};
use harbour_core::organisation::Organisation;
use harbour_core::TeamId;
use harbour_hub::SqliteHub;
use harbour_store::{Store, StoreError};

fn settings(store: &Store, team: TeamId) -> Organisation {
    store.organisation_of(Some(team)).unwrap()
}

fn save(store: &mut Store, team: TeamId, change: impl FnOnce(&mut Organisation)) {
    store.choose_team(team).unwrap();
    let mut org = store.organisation().unwrap();
    change(&mut org);
    store.save_organisation(&org).unwrap();
}

#[tokio::test]
async fn a_provider_publishes_defaults_to_its_teams_and_each_team_s_own_setting_stands() {
    let running = Running::start(SqliteHub::in_memory().unwrap()).await;
    let (mut office, (house, _), (lodge, key_b)) = common::office_of_two_homes(&running).await;
    sync_all(&mut office, &running).await;
    let mut at_lodge = device();
    enrol(&running, &mut at_lodge, lodge, &key_b, false).await;
    sync_all(&mut at_lodge, &running).await;
    // The lodge has its own on-call manager.
    save(&mut at_lodge, lodge, |o| {
        o.on_call = "Lodge on call 07700 900111".into()
    });
    sync_all(&mut at_lodge, &running).await;
    sync_all(&mut office, &running).await;

    // The office sets the provider's numbers in one team and publishes them to all.
    save(&mut office, house, |o| {
        o.on_call = "Provider on call 07700 900999".into();
        o.host_authority = "Sample Council placements 0300 200 0001".into();
    });
    let unknown = office
        .publish_defaults(&["on_call".into(), "no_such_setting".into()])
        .unwrap_err();
    assert_eq!(unknown.code(), StoreError::NotFound.code());
    assert!(
        office.defaults_of(lodge).unwrap().is_empty(),
        "nothing written"
    );
    let published = office
        .publish_defaults(&["on_call".into(), "host_authority".into()])
        .unwrap();
    assert_eq!(published.len(), 2, "every team the office holds");
    sync_all(&mut office, &running).await;
    sync_all(&mut at_lodge, &running).await;

    // The lodge's own on-call stands; the police number it never set is the default.
    let lodge_settings = settings(&at_lodge, lodge);
    assert_eq!(lodge_settings.on_call, "Lodge on call 07700 900111");
    assert_eq!(
        lodge_settings.host_authority,
        "Sample Council placements 0300 200 0001"
    );
    let defaults = at_lodge.defaults_of(lodge).unwrap();
    assert_eq!(defaults["on_call"], "Provider on call 07700 900999");

    // A newer default is followed where the team has none of its own.
    save(&mut office, house, |o| {
        o.host_authority = "Sample Council placements 0300 200 0002".into()
    });
    office.publish_defaults(&["host_authority".into()]).unwrap();
    sync_all(&mut office, &running).await;
    sync_all(&mut at_lodge, &running).await;
    assert_eq!(
        settings(&at_lodge, lodge).host_authority,
        "Sample Council placements 0300 200 0002"
    );
    // Once the lodge sets its own, that stands over every later default.
    save(&mut at_lodge, lodge, |o| {
        o.host_authority = "Lodge placing authority desk".into()
    });
    sync_all(&mut at_lodge, &running).await;
    save(&mut office, house, |o| {
        o.host_authority = "Sample Council placements 0300 200 0003".into()
    });
    office.publish_defaults(&["host_authority".into()]).unwrap();
    sync_all(&mut office, &running).await;
    sync_all(&mut at_lodge, &running).await;
    assert_eq!(
        settings(&at_lodge, lodge).host_authority,
        "Lodge placing authority desk"
    );
    assert_eq!(
        settings(&office, lodge).host_authority,
        "Lodge placing authority desk"
    );
    let before = settings(&at_lodge, lodge);
    at_lodge.rebuild().unwrap();
    assert_eq!(settings(&at_lodge, lodge), before);
    running.stop().await;
}
