//! What a device does with ops from others: each checked against its author's role as of the
//! op, held (never dropped) when it fails, except safety records, which are shown and marked;
//! forks, damage and clocks from the future held one op at a time.

use super::*;
use crate::testing::team_store;
use chrono::{Duration, NaiveDate, TimeZone};
use harbour_core::child::{ChildDetails, EscalationFlag};
use harbour_core::episode::{EpisodeEvent, EventRecord};
use harbour_core::{ChildId, DeviceId, EpisodeId, FixedClock, Hlc, OpId};
use std::sync::Arc;
use uuid::Uuid;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap()
}

fn id<T: std::str::FromStr>(n: u128) -> T
where
    T::Err: std::fmt::Debug,
{
    Uuid::from_u128(0x01936b6e_7c00_7000_8000_000000000000 + n)
        .to_string()
        .parse()
        .unwrap()
}

const CARER: u128 = 0xc1;
const MANAGER: u128 = 0xc2;
const STRANGER: u128 = 0xc3;
const CHILD: u128 = 0xc0;
const EPISODE: u128 = 0xe0;

/// An op from device `device`, `seconds` before t0 (its idx is its place in that device's
/// series; the op id is made from both).
fn op(device: u128, idx: i64, seconds: i64, author: Option<u128>, body: OpBody) -> Op {
    Op {
        op_id: id::<OpId>(0x1000 * device + idx as u128),
        device: id::<DeviceId>(device),
        idx,
        hlc: Hlc {
            wall_ms: (t0() - Duration::seconds(seconds)).timestamp_millis(),
            counter: 0,
        },
        author: author.map(id::<UserId>),
        team: None,
        kind: body.kind().into(),
        entity: body.entity(),
        payload: body.encode(),
    }
}

fn added(user: u128, name: &str, role: Role) -> OpBody {
    OpBody::UserAdded {
        user: id(user),
        name: name.into(),
        role,
        created_at: t0() - Duration::hours(1),
    }
}

fn child_added() -> OpBody {
    OpBody::ChildAdded {
        child: id(CHILD),
        details: ChildDetails {
            name_latin: "Sample Ruth".into(),
            name_own_script: None,
            date_of_birth: NaiveDate::from_ymd_opt(2011, 3, 4).unwrap(),
            languages: vec!["Tigrinya".into()],
            unaccompanied: true,
            suspected_trafficked: true,
        },
        created_at: t0() - Duration::hours(1),
    }
}

fn episode_started() -> OpBody {
    OpBody::EpisodeStarted {
        episode: id(EPISODE),
        child: id(CHILD),
        started_at: t0() - Duration::minutes(30),
        last_seen_at: t0() - Duration::minutes(45),
    }
}

fn flag(set: bool, by: u128) -> OpBody {
    OpBody::ChildFlagSet {
        child: id(CHILD),
        flag: EscalationFlag::SuspectedTrafficked,
        set,
        reason: if set {
            String::new()
        } else {
            "NRM decision".into()
        },
        at: t0() - Duration::minutes(5),
        by: id(by),
    }
}

/// A team store that knows a carer and a manager, both added by the administrator (device 1),
/// and the child (device 1 too).
fn store_with_staff() -> Store {
    let mut store = team_store(Arc::new(FixedClock::at(t0())));
    let admin = Some(0xa0);
    let applied = store
        .apply_remote(&[
            op(
                1,
                0,
                3600,
                admin,
                added(CARER, "Casey Carer", Role::FosterCarer),
            ),
            op(
                1,
                1,
                3590,
                admin,
                added(MANAGER, "Sam Manager", Role::Manager),
            ),
            op(1, 2, 3580, admin, child_added()),
        ])
        .unwrap();
    assert_eq!(applied.taken, 3);
    store
}

fn unread(store: &Store) -> i64 {
    store
        .conn
        .query_row("SELECT count(*) FROM unread_ops", [], |r| r.get(0))
        .unwrap()
}

fn problems(store: &Store) -> Vec<(String, Problem, bool)> {
    store
        .arrivals()
        .unwrap()
        .into_iter()
        .map(|a| (a.kind, a.problem, a.shown))
        .collect()
}

#[test]
fn a_carer_adding_an_administrator_is_held_out_and_shown_to_administrators() {
    let mut store = store_with_staff();
    let sneaky = op(
        2,
        0,
        60,
        Some(CARER),
        added(STRANGER, "Mallory", Role::Admin),
    );
    let applied = store.apply_remote(std::slice::from_ref(&sneaky)).unwrap();
    assert_eq!((applied.taken, applied.held), (0, 1));
    assert!(store.users().unwrap().iter().all(|u| u.name != "Mallory"));
    assert!(store.ops().unwrap().iter().all(|o| o.op_id != sneaky.op_id));
    let arrived = store.arrivals().unwrap();
    assert_eq!(arrived.len(), 1);
    assert_eq!(
        (
            arrived[0].problem,
            arrived[0].shown,
            arrived[0].author_name.as_deref()
        ),
        (Problem::NotAllowed, false, Some("Casey Carer"))
    );
    // Delivered again: still one, still held; a rebuild does not bring it in.
    assert_eq!(
        store.apply_remote(std::slice::from_ref(&sneaky)).unwrap(),
        Applied::default()
    );
    store.rebuild().unwrap();
    assert!(store.users().unwrap().iter().all(|u| u.name != "Mallory"));
    assert_eq!(store.arrivals().unwrap().len(), 1);
    // A carer's own first-administrator claim is no better once someone exists.
    let claim = op(
        2,
        1,
        50,
        Some(STRANGER),
        added(STRANGER, "Mallory", Role::Admin),
    );
    assert_eq!(store.apply_remote(&[claim]).unwrap().held, 1);
}

#[test]
fn a_fork_is_refused_kept_and_shown_and_the_original_stays() {
    let mut store = store_with_staff();
    let original = op(
        3,
        0,
        100,
        Some(0xa0),
        OpBody::ChildPhotoSet {
            child: id(CHILD),
            jpeg_base64: "AAAA".into(),
        },
    );
    store.apply_remote(std::slice::from_ref(&original)).unwrap();
    // A copy of device 3's data folder writes its own idx 0.
    let mut other = op(
        3,
        0,
        90,
        Some(0xa0),
        OpBody::ChildPhotoSet {
            child: id(CHILD),
            jpeg_base64: "BBBB".into(),
        },
    );
    other.op_id = id(0x9999);
    // The same op id at another place.
    let mut moved = original.clone();
    moved.idx = 7;
    // An op in this device's own series that it never wrote.
    let mut mine = op(
        4,
        0,
        80,
        Some(0xa0),
        OpBody::ChildPhotoSet {
            child: id(CHILD),
            jpeg_base64: "CCCC".into(),
        },
    );
    mine.device = store.device_id();
    let applied = store.apply_remote(&[other, moved, mine]).unwrap();
    assert_eq!((applied.taken, applied.held), (0, 3));
    assert_eq!(
        store.child_photo(id(CHILD)).unwrap().as_deref(),
        Some(&[0u8, 0, 0][..])
    );
    assert_eq!(
        problems(&store),
        vec![("child_photo_set".to_owned(), Problem::Fork, false); 3]
    );
    // Forks are never taken in later, whatever else arrives.
    store.apply_remote(&[]).unwrap();
    assert_eq!(store.arrivals().unwrap().len(), 3);
}

#[test]
fn a_missing_report_from_an_author_not_yet_known_is_shown_marked_until_their_record_comes() {
    let mut store = store_with_staff();
    let started = op(5, 0, 1800, Some(STRANGER), episode_started());
    let found = op(
        5,
        1,
        600,
        Some(STRANGER),
        OpBody::EpisodeEventAdded {
            episode: id(EPISODE),
            record: EventRecord {
                id: id(0xee1),
                at: t0() - Duration::minutes(10),
                by: id(STRANGER),
                event: EpisodeEvent::Update {
                    text: "Seen at the bus station".into(),
                },
            },
        },
    );
    // A settings change by the same author: not a safety record, so held.
    let settings = op(
        5,
        2,
        500,
        Some(STRANGER),
        OpBody::SettingsSet {
            fields: [("on_call".to_owned(), serde_json::json!("07700 900111"))]
                .into_iter()
                .collect(),
        },
    );
    let applied = store.apply_remote(&[found, settings, started]).unwrap();
    assert_eq!((applied.taken, applied.held, applied.unchecked), (2, 1, 2));
    let open = store.open_episodes().unwrap();
    assert_eq!(
        open.len(),
        1,
        "a report nobody can vouch for yet is still shown"
    );
    assert_eq!(store.episode_events(id(EPISODE)).unwrap().len(), 1);
    assert!(store
        .needs_checking(&id::<EpisodeId>(EPISODE).to_string())
        .unwrap());
    assert!(store
        .needs_checking(&id::<ChildId>(CHILD).to_string())
        .unwrap());
    assert_eq!(store.organisation().unwrap().on_call, "");
    let mut seen = problems(&store);
    seen.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        seen,
        [
            (
                "episode_event_added".to_owned(),
                Problem::AuthorUnknown,
                true
            ),
            ("episode_started".to_owned(), Problem::AuthorUnknown, true),
            ("settings_set".to_owned(), Problem::AuthorUnknown, false),
        ]
    );
    // The administrator's record of them (a manager) arrives: everything is taken and checked.
    let applied = store
        .apply_remote(&[op(
            1,
            3,
            3000,
            Some(0xa0),
            added(STRANGER, "Jo Deputy", Role::Manager),
        )])
        .unwrap();
    assert_eq!(applied.taken, 2, "their record, and the held settings");
    assert!(!store
        .needs_checking(&id::<EpisodeId>(EPISODE).to_string())
        .unwrap());
    assert_eq!(store.organisation().unwrap().on_call, "07700 900111");
    assert!(store.arrivals().unwrap().is_empty());
}

#[test]
fn clearing_a_flag_needs_a_manager_as_of_the_op_and_a_disabled_user_writes_nothing() {
    let mut store = store_with_staff();
    let applied = store
        .apply_remote(&[
            op(6, 0, 200, Some(CARER), flag(false, CARER)),
            // The carer may still set one, and correct a name, before being disabled…
            op(
                6,
                1,
                190,
                Some(CARER),
                OpBody::ChildFieldsSet {
                    child: id(CHILD),
                    fields: [("name_latin".to_owned(), serde_json::json!("Sample Ruth T"))]
                        .into_iter()
                        .collect(),
                },
            ),
            op(
                1,
                3,
                150,
                Some(0xa0),
                OpBody::UserDisabled { user: id(CARER) },
            ),
            // …but not after.
            op(
                6,
                2,
                100,
                Some(CARER),
                OpBody::ChildFieldsSet {
                    child: id(CHILD),
                    fields: [("name_latin".to_owned(), serde_json::json!("Someone Else"))]
                        .into_iter()
                        .collect(),
                },
            ),
        ])
        .unwrap();
    assert_eq!((applied.taken, applied.held), (2, 2));
    let child = store.child(id(CHILD)).unwrap();
    assert!(
        child.details.suspected_trafficked,
        "a carer cannot clear the flag"
    );
    assert_eq!(child.details.name_latin, "Sample Ruth T");
    // A manager can.
    store
        .apply_remote(&[op(7, 0, 50, Some(MANAGER), flag(false, MANAGER))])
        .unwrap();
    assert!(!store.child(id(CHILD)).unwrap().details.suspected_trafficked);
    assert_eq!(
        problems(&store)
            .into_iter()
            .map(|p| p.1)
            .collect::<Vec<_>>(),
        [Problem::NotAllowed, Problem::NotAllowed]
    );
}

#[test]
fn damaged_ops_are_held_and_a_newer_harbours_ops_are_kept_as_needing_an_update() {
    let mut store = store_with_staff();
    let mut unreadable = op(8, 0, 40, Some(0xa0), child_added());
    unreadable.payload = r#"{"kind":"child_added","child":"not an id"}"#.into();
    // Labelled as one child, about another.
    let mut mislabelled = op(8, 1, 30, Some(0xa0), child_added());
    mislabelled.entity = id::<ChildId>(0x77).to_string();
    let mut newer = op(8, 2, 20, Some(0xa0), child_added());
    newer.kind = "handover_entry".into();
    newer.payload = r#"{"kind":"handover_entry","text":"from a newer Harbour"}"#.into();
    let applied = store
        .apply_remote(&[unreadable, mislabelled, newer])
        .unwrap();
    assert_eq!((applied.taken, applied.held), (1, 2));
    assert_eq!(store.unknown_op_count().unwrap(), 1);
    let mut seen = problems(&store);
    seen.sort_by_key(|p| p.1.name());
    assert_eq!(
        seen,
        [
            ("child_added".to_owned(), Problem::Damaged, false),
            ("child_added".to_owned(), Problem::Damaged, false),
            ("handover_entry".to_owned(), Problem::NeedsUpdate, false),
        ]
    );
    assert_eq!(store.children().unwrap().len(), 1);
    let unread: i64 = store
        .conn
        .query_row("SELECT count(*) FROM unread_ops", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        unread, 1,
        "the newer kind waits to be checked once it can be read"
    );
}

#[test]
fn registers_tie_on_the_op_id_when_clock_and_device_are_equal() {
    // Two ops of one device with the same clock (a device that misbehaves): whichever order
    // they arrive in, every device keeps the same one, the greater op id.
    let name = |n: &str| OpBody::ChildFieldsSet {
        child: id(CHILD),
        fields: [("name_latin".to_owned(), serde_json::json!(n))]
            .into_iter()
            .collect(),
    };
    let first = op(9, 0, 10, Some(0xa0), name("Sample A"));
    let second = op(9, 1, 10, Some(0xa0), name("Sample B"));
    let winner = if first.op_id > second.op_id {
        "Sample A"
    } else {
        "Sample B"
    };
    for order in [[&first, &second], [&second, &first]] {
        let mut store = store_with_staff();
        for op in order {
            store.apply_remote(std::slice::from_ref(op)).unwrap();
        }
        assert_eq!(store.child(id(CHILD)).unwrap().details.name_latin, winner);
    }
}

#[test]
fn ops_read_only_after_an_update_are_checked_as_they_would_have_been_on_arrival() {
    let mut store = store_with_staff();
    // As a version that could not read them would have stored them: in the log, unread.
    let sneaky = op(
        10,
        0,
        60,
        Some(CARER),
        added(STRANGER, "Mallory", Role::Admin),
    );
    let photo = op(
        10,
        1,
        50,
        Some(0xa0),
        OpBody::ChildPhotoSet {
            child: id(CHILD),
            jpeg_base64: "AAAA".into(),
        },
    );
    let started = op(11, 0, 40, Some(STRANGER), episode_started());
    for op in [&sneaky, &photo, &started] {
        crate::oplog::insert(&store.conn, op).unwrap();
        store
            .conn
            .execute(
                "INSERT INTO unread_ops (op_id) VALUES (?1)",
                [op.op_id.to_string()],
            )
            .unwrap();
    }
    read_newly_known(&store.conn, t0()).unwrap();
    assert!(store.users().unwrap().iter().all(|u| u.name != "Mallory"));
    assert!(
        store.ops().unwrap().iter().all(|o| o.op_id != sneaky.op_id),
        "out of the log"
    );
    assert!(
        store.child_photo(id(CHILD)).unwrap().is_some(),
        "allowed: folded"
    );
    assert_eq!(
        store.open_episodes().unwrap().len(),
        1,
        "a missing report is shown"
    );
    assert!(store
        .needs_checking(&id::<EpisodeId>(EPISODE).to_string())
        .unwrap());
    let mut seen = problems(&store);
    seen.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        seen,
        [
            ("episode_started".to_owned(), Problem::AuthorUnknown, true),
            ("user_added".to_owned(), Problem::NotAllowed, false),
        ]
    );
    assert_eq!(unread(&store), 0);
    // A rebuild does not bring the held one back.
    store.rebuild().unwrap();
    assert!(store.users().unwrap().iter().all(|u| u.name != "Mallory"));
}

/// `op` in team `team`.
fn oak_house(team: u128) -> OpBody {
    OpBody::TeamAdded {
        team: id(team),
        name: "Oak House".into(),
        created_at: t0() - Duration::hours(1),
    }
}

fn in_team(team: u128, mut op: Op) -> Op {
    op.team = Some(id(team));
    op
}

#[test]
fn an_op_from_someone_not_in_its_team_is_held_or_marked_and_an_unknown_team_waits() {
    const TEAM: u128 = 0x7e;
    let mut store = store_with_staff();
    let admin = Some(0xa0);
    let made = oak_house(TEAM);
    let joined = |user| OpBody::TeamMemberSet {
        team: id(TEAM),
        user: id(user),
        member: true,
    };
    let applied = store
        .apply_remote(&[
            in_team(TEAM, op(1, 3, 3000, admin, made)),
            in_team(TEAM, op(1, 4, 2990, admin, joined(CARER))),
        ])
        .unwrap();
    assert_eq!(applied.taken, 2);
    let corrected = |name: &str| OpBody::ChildFieldsSet {
        child: id(CHILD),
        fields: [("name_latin".to_owned(), serde_json::json!(name))]
            .into_iter()
            .collect(),
    };
    let applied = store
        .apply_remote(&[
            // The carer is in the team: taken.
            in_team(TEAM, op(2, 0, 60, Some(CARER), corrected("Sample Ruth A"))),
            // The manager is not: a correction is held, a missing report shown and marked.
            in_team(
                TEAM,
                op(3, 0, 50, Some(MANAGER), corrected("Sample Ruth B")),
            ),
            in_team(TEAM, op(3, 1, 40, Some(MANAGER), episode_started())),
            // A team this device has never heard of: cannot be checked yet.
            in_team(
                0x7f,
                op(3, 2, 30, Some(MANAGER), corrected("Sample Ruth C")),
            ),
        ])
        .unwrap();
    assert_eq!((applied.taken, applied.held, applied.unchecked), (2, 2, 1));
    let mut seen = problems(&store);
    seen.sort_by_key(|(k, p, shown)| (k.clone(), p.name(), *shown));
    let p = |k: &str, p, shown| (k.to_owned(), p, shown);
    assert_eq!(
        seen,
        [
            p("child_fields_set", Problem::AuthorUnknown, false),
            p("child_fields_set", Problem::NotAllowed, false),
            p("episode_started", Problem::NotAllowed, true),
        ]
    );
    // The creator needs no place in the team to name it.
    let named = OpBody::TeamNamed {
        team: id(TEAM),
        name: "Oak House North".into(),
    };
    let applied = store
        .apply_remote(&[in_team(TEAM, op(1, 5, 20, admin, named))])
        .unwrap();
    assert_eq!(applied.taken, 1);
}

#[test]
fn who_may_do_what_is_read_again_when_one_delivery_changes_it() {
    const TEAM: u128 = 0x7e;
    let mut store = store_with_staff();
    let admin = Some(0xa0);
    let made = oak_house(TEAM);
    store
        .apply_remote(&[in_team(TEAM, op(1, 3, 3000, admin, made))])
        .unwrap();
    let corrected = |name: &str| OpBody::ChildFieldsSet {
        child: id(CHILD),
        fields: [("name_latin".to_owned(), serde_json::json!(name))]
            .into_iter()
            .collect(),
    };
    let settings = OpBody::SettingsSet {
        fields: [("on_call".to_owned(), serde_json::json!("07700 900222"))]
            .into_iter()
            .collect(),
    };
    // In one delivery, each op ahead of what allows it: the carer's correction before their
    // place in the team, a newcomer's settings before their own record. Both are taken in
    // once what allows them has been.
    let applied = store
        .apply_remote(&[
            in_team(TEAM, op(2, 0, 60, Some(CARER), corrected("Sample Ruth A"))),
            op(5, 0, 50, Some(STRANGER), settings),
            in_team(
                TEAM,
                op(
                    1,
                    4,
                    2990,
                    admin,
                    OpBody::TeamMemberSet {
                        team: id(TEAM),
                        user: id(CARER),
                        member: true,
                    },
                ),
            ),
            op(
                1,
                5,
                2980,
                admin,
                added(STRANGER, "Jo Deputy", Role::Manager),
            ),
        ])
        .unwrap();
    assert_eq!((applied.taken, applied.held, applied.unchecked), (4, 0, 0));
    assert!(store.arrivals().unwrap().is_empty(), "nothing left held");
    assert_eq!(store.organisation().unwrap().on_call, "07700 900222");
    // And taken away in one delivery: the carer leaves the team; their later correction in
    // the same delivery is held.
    let applied = store
        .apply_remote(&[
            in_team(
                TEAM,
                op(
                    1,
                    6,
                    40,
                    admin,
                    OpBody::TeamMemberSet {
                        team: id(TEAM),
                        user: id(CARER),
                        member: false,
                    },
                ),
            ),
            in_team(TEAM, op(2, 1, 30, Some(CARER), corrected("Sample Ruth B"))),
        ])
        .unwrap();
    assert_eq!((applied.taken, applied.held), (1, 1));
    assert_eq!(
        problems(&store),
        [("child_fields_set".to_owned(), Problem::NotAllowed, false)]
    );
}
