//! The op log's promises: every write is an op in a dense series; folding is order-independent
//! (commutative, idempotent, convergent) and equals a rebuild; the clock and the series survive
//! restarts; unknown ops are kept; stores from before the log are adopted whole.

use super::*;
use crate::photo::test_png;
use crate::Store;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use harbour_core::{ChildDetails, ChildId, ChildInput, EpisodeId, FixedClock, MissingEpisode};
use proptest::prelude::*;
use std::sync::Arc;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap()
}

fn input(name: &str) -> ChildInput {
    ChildInput {
        name_latin: name.into(),
        name_own_script: "ሩታ".into(),
        date_of_birth: "2011-03-04".into(),
        languages: "Tigrinya".into(),
        unaccompanied: true,
        suspected_trafficked: false,
    }
}

type Snapshot = (
    Vec<harbour_core::Child>,
    Vec<MissingEpisode>,
    Vec<Option<Vec<u8>>>,
);

fn snapshot(store: &Store) -> Snapshot {
    let children = store.children().unwrap();
    let photos = children
        .iter()
        .map(|c| store.child_photo(c.id).unwrap())
        .collect();
    (children, store.open_episodes().unwrap(), photos)
}

#[test]
fn every_write_is_an_op_in_one_dense_series() {
    let clock = Arc::new(FixedClock::at(t0()));
    let mut store = Store::open_in_memory(clock.clone()).unwrap();
    let child = store
        .add_child(&input("Sample Ruth"), Some(&test_png(20, 20)))
        .unwrap();
    let ep = store.report_missing(child.id).unwrap().episode;
    // Two writes in the same millisecond, then the wall clock goes back an hour.
    store
        .set_last_seen(ep.id, t0() - Duration::hours(1))
        .unwrap();
    clock.set(t0() - Duration::hours(1));
    store
        .set_last_seen(ep.id, t0() - Duration::hours(2))
        .unwrap();

    let ops = store.ops().unwrap();
    let kinds: Vec<_> = ops.iter().map(|o| o.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "child_added",
            "child_photo_set",
            "episode_started",
            "episode_last_seen_set",
            "episode_last_seen_set"
        ]
    );
    for (i, op) in ops.iter().enumerate() {
        assert_eq!(op.device, store.device_id());
        assert_eq!(op.idx, i as i64, "dense series");
    }
    assert!(ops.windows(2).all(|w| w[0].hlc < w[1].hlc), "{ops:#?}");
    assert_eq!(store.ops().unwrap()[4].entity, ep.id.to_string());
}

#[test]
fn a_rebuild_from_the_log_gives_the_same_tables() {
    let mut store = Store::open_in_memory(Arc::new(FixedClock::at(t0()))).unwrap();
    store.mark_as_demo().unwrap();
    store.load_sample_children().unwrap();
    let child = store
        .add_child(&input("Sample Ruth"), Some(&test_png(30, 10)))
        .unwrap();
    let ep = store.report_missing(child.id).unwrap().episode;
    store
        .set_last_seen(ep.id, t0() - Duration::minutes(40))
        .unwrap();
    let before = snapshot(&store);
    store.rebuild().unwrap();
    assert_eq!(snapshot(&store), before);
    assert_eq!(before.0.len(), 4);
}

#[test]
fn the_series_and_the_clock_survive_a_restart_with_the_clock_gone_back() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::at(t0()));
    let (device, last) = {
        let mut store = crate::testing::create(dir.path(), clock.clone());
        store.add_child(&input("Sample A"), None).unwrap();
        let ops = store.ops().unwrap();
        (store.device_id(), ops.last().unwrap().hlc)
    };
    clock.set(t0() - Duration::hours(3));
    let mut store = crate::testing::unlock(dir.path(), clock);
    assert_eq!(
        store.device_id(),
        device,
        "the same install keeps its device id"
    );
    store.add_child(&input("Sample B"), None).unwrap();
    let next = store.ops().unwrap().pop().unwrap();
    // idx 0 is the first user, 1 their public key, 2 and 3 their team and their place in it,
    // 4 the first child.
    assert_eq!(next.idx, 5);
    assert!(next.hlc > last, "{:?} after {:?}", next.hlc, last);
}

#[test]
fn ops_of_unknown_kinds_are_kept_and_passed_over() {
    let mut store = Store::open_in_memory(Arc::new(FixedClock::at(t0()))).unwrap();
    let payload = r#"{"kind":"handover_entry","text":"from a newer Harbour"}"#;
    let op = Op {
        op_id: OpId::from_uuid(Uuid::now_v7()),
        device: DeviceId::from_uuid(Uuid::now_v7()),
        idx: 0,
        hlc: Hlc {
            wall_ms: t0().timestamp_millis() - 5,
            counter: 0,
        },
        author: None,
        team: None,
        kind: "handover_entry".into(),
        entity: "x".into(),
        payload: payload.into(),
    };
    assert_eq!(
        store.apply_remote(std::slice::from_ref(&op)).unwrap().taken,
        1
    );
    assert_eq!(
        store.apply_remote(std::slice::from_ref(&op)).unwrap(),
        crate::Applied::default(),
        "idempotent"
    );
    assert_eq!(store.unknown_op_count().unwrap(), 1);
    store.rebuild().unwrap();
    assert_eq!(store.ops().unwrap(), vec![op]);
}

#[test]
fn an_op_from_the_far_future_is_held_alone_and_the_rest_of_its_batch_is_taken_in() {
    let clock = Arc::new(FixedClock::at(t0()));
    let mut store = crate::testing::team_store(clock.clone());
    let ops = remote_ops(&[
        (
            0,
            t0().timestamp_millis() - 10,
            Write::Child(0, "Sample Early"),
        ),
        (
            1,
            (t0() + Duration::days(3)).timestamp_millis(),
            Write::Child(1, "Sample Late"),
        ),
        (0, t0().timestamp_millis() - 5, Write::Photo(0, 7)),
    ]);
    let applied = store.apply_remote(&ops).unwrap();
    assert_eq!((applied.taken, applied.held), (2, 1));
    let names: Vec<_> = store
        .children()
        .unwrap()
        .into_iter()
        .map(|c| c.details.name_latin)
        .collect();
    assert_eq!(names, ["Sample Early"]);
    assert!(store
        .child_photo(CHILDREN[0].parse().unwrap())
        .unwrap()
        .is_some());
    let arrived = store.arrivals().unwrap();
    assert_eq!(arrived.len(), 1);
    assert_eq!(
        (arrived[0].problem, arrived[0].shown, arrived[0].idx),
        (harbour_core::arrivals::Problem::Future, false, 0)
    );
    // This device's clock did not jump three days ahead for it.
    assert!(store
        .ops()
        .unwrap()
        .iter()
        .all(|o| o.hlc.wall_ms <= t0().timestamp_millis()));
    // When its time comes it is taken in with the next delivery.
    clock.set(t0() + Duration::days(3));
    assert_eq!(store.apply_remote(&[]).unwrap().taken, 1);
    assert_eq!(store.children().unwrap().len(), 2);
    assert!(store.arrivals().unwrap().is_empty());
}

/// A keyed database file at an earlier schema version, exactly as that version wrote it, with a
/// child, a photo and an open episode (and, from schema 3, audit entries).
fn fixture(path: &std::path::Path, key: &crate::keys::DataKey, schema: usize, photo: &[u8]) {
    let mut conn = crate::vault::open_keyed(path, key, true).unwrap();
    for sql in &crate::migrations::MIGRATIONS[..schema] {
        let tx = conn.transaction().unwrap();
        tx.execute_batch(sql).unwrap();
        tx.commit().unwrap();
    }
    conn.pragma_update(None, "user_version", schema as i64)
        .unwrap();
    // Schema 9 gave children their team (none, until the store is opened); schema 17 where
    // a record left behind went (moved to another team, merged into another record).
    let team = match schema {
        17.. => ", NULL, NULL, NULL",
        9.. => ", NULL",
        _ => "",
    };
    conn.execute(
        &format!(
            "INSERT INTO children VALUES ('01936b6e-7c00-7000-8000-000000000001', \
             'Sample Old', 'ኣማኒ', '2010-05-14', '[\"Tigrinya\"]', 1, 1, ?1, \
             '2026-11-20T10:00:00.000Z'{team})"
        ),
        [photo],
    )
    .unwrap();
    conn.execute_batch(
        "INSERT INTO missing_episodes VALUES ('01936b6e-7c00-7000-8000-000000000002', \
         '01936b6e-7c00-7000-8000-000000000001', '2026-11-24T22:00:00.000Z', \
         '2026-11-24T21:30:00.000Z', NULL)",
    )
    .unwrap();
    if schema >= 3 {
        // As schema 3 wrote them: no actor column.
        let mut prev = [0u8; 32];
        for (seq, event) in [(1, "store_opened"), (2, "child_viewed")] {
            let at = "2026-11-24T22:00:00.000Z";
            let hash = crate::audit::entry_hash(&prev, seq, at, event, "x", "");
            conn.execute(
                "INSERT INTO audit (seq, at, event, subject, hash) VALUES (?1, ?2, ?3, 'x', ?4)",
                rusqlite::params![seq, at, event, hash.as_slice()],
            )
            .unwrap();
            prev = hash;
        }
    }
}

fn admin_session() -> crate::Session {
    crate::Session {
        user: harbour_core::UserId::from_uuid(Uuid::now_v7()),
        role: harbour_core::Role::Admin,
    }
}

#[test]
fn stores_of_every_earlier_schema_are_migrated_and_adopted_whole() {
    let photo = crate::prepare_photo(&test_png(16, 16)).unwrap();
    for schema in 1..crate::migrations::MIGRATIONS.len() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let key = crate::keys::DataKey::random().unwrap();
        fixture(&path, &key, schema, &photo);
        let open = || {
            let conn = crate::vault::open_keyed(&path, &key, false).unwrap();
            Store::init(conn, Arc::new(FixedClock::at(t0())), admin_session(), None).unwrap()
        };
        let mut store = open();
        assert_eq!(
            crate::migrations::schema_version(&store.conn).unwrap(),
            crate::migrations::MIGRATIONS.len()
        );
        let before = snapshot(&store);
        assert_eq!(before.0.len(), 1, "schema {schema}");
        assert_eq!(before.0[0].details.name_latin, "Sample Old");
        assert_eq!(before.2[0].as_deref(), Some(photo.as_slice()));
        assert_eq!(
            before.1[0].last_seen_at.to_rfc3339(),
            "2026-11-24T21:30:00+00:00"
        );
        // The child, their photo, the episode; and the one team they are in now, with
        // whoever opened the store in it.
        assert_eq!(store.ops().unwrap().len(), 5);
        assert_eq!(store.teams().unwrap().len(), 1);
        store.rebuild().unwrap();
        assert_eq!(snapshot(&store), before);
        let entries = if schema >= 3 { 2 } else { 0 };
        assert_eq!(
            store.verify_audit().unwrap(),
            crate::ChainCheck::Intact { entries },
            "schema {schema}: old audit entries still verify"
        );
        drop(store);
        // Opening again adopts nothing twice, and makes no second team.
        let again = open();
        assert_eq!(again.ops().unwrap().len(), 5);
        assert_eq!(again.teams().unwrap().len(), 1);
    }
}

/// What a generated remote op writes.
#[derive(Clone, Debug)]
enum Write {
    /// (child number, name): adds or re-states the child, every field last-writer-wins.
    Child(u8, &'static str),
    /// (child number, photo shade)
    Photo(u8, u8),
    /// last-seen minutes before t0, for the one episode
    LastSeen(i64),
}

const CHILDREN: [&str; 2] = [
    "01936b6e-7c00-7000-8000-0000000000c0",
    "01936b6e-7c00-7000-8000-0000000000c1",
];
const EPISODE: &str = "01936b6e-7c00-7000-8000-0000000000e0";
const DEVICES: [&str; 3] = [
    "01936b6e-7c00-7000-8000-0000000000d0",
    "01936b6e-7c00-7000-8000-0000000000d1",
    "01936b6e-7c00-7000-8000-0000000000d2",
];

fn body(w: &Write) -> OpBody {
    let child = |n: &u8| CHILDREN[*n as usize].parse::<ChildId>().unwrap();
    match w {
        Write::Child(n, name) => OpBody::ChildAdded {
            child: child(n),
            details: ChildDetails {
                name_latin: (*name).into(),
                name_own_script: None,
                date_of_birth: NaiveDate::from_ymd_opt(2011, 1, 1).unwrap(),
                languages: vec![name.to_string()],
                unaccompanied: name.len() % 2 == 0,
                suspected_trafficked: true,
            },
            created_at: t0(),
        },
        Write::Photo(n, shade) => OpBody::ChildPhotoSet {
            child: child(n),
            jpeg_base64: BASE64.encode([*shade; 8]),
        },
        Write::LastSeen(mins) => OpBody::EpisodeLastSeenSet {
            episode: EPISODE.parse::<EpisodeId>().unwrap(),
            at: t0() - Duration::minutes(*mins),
        },
    }
}

/// Ops as other devices would send them: `(device number, hlc wall ms, write)`, numbered densely
/// per device in the order given.
fn remote_ops(writes: &[(usize, i64, Write)]) -> Vec<Op> {
    let mut next_idx = [0i64; 3];
    writes
        .iter()
        .enumerate()
        .map(|(i, (d, wall, w))| {
            let b = body(w);
            let op = Op {
                op_id: OpId::from_uuid(Uuid::from_u128(0xA000 + i as u128)),
                device: DEVICES[*d].parse().unwrap(),
                idx: next_idx[*d],
                // A device never issues the same timestamp twice: (hlc, device) is unique.
                hlc: Hlc {
                    wall_ms: *wall,
                    counter: next_idx[*d] as u32,
                },
                author: Some(crate::testing::team_admin()),
                team: None,
                kind: b.kind().into(),
                entity: b.entity(),
                payload: b.encode(),
            };
            next_idx[*d] += 1;
            op
        })
        .collect()
}

fn write_strategy() -> impl Strategy<Value = Write> {
    prop_oneof![
        (
            0u8..2,
            prop::sample::select(vec!["Sample Ana", "Sample Bo", "Sample Cy"])
        )
            .prop_map(|(n, name)| Write::Child(n, name)),
        (0u8..2, any::<u8>()).prop_map(|(n, s)| Write::Photo(n, s)),
        (0i64..600).prop_map(Write::LastSeen),
    ]
}

fn started_episode() -> Op {
    let b = OpBody::EpisodeStarted {
        episode: EPISODE.parse().unwrap(),
        child: CHILDREN[0].parse().unwrap(),
        started_at: t0() - Duration::hours(20),
        last_seen_at: t0() - Duration::hours(21),
    };
    Op {
        op_id: OpId::from_uuid(Uuid::from_u128(0xE000)),
        device: DEVICES[0].parse().unwrap(),
        idx: 1000,
        hlc: Hlc {
            wall_ms: t0().timestamp_millis() - 20 * 3_600_000,
            counter: 0,
        },
        author: Some(crate::testing::team_admin()),
        team: None,
        kind: b.kind().into(),
        entity: b.entity(),
        payload: b.encode(),
    }
}

/// Shuffles `items` in an order `seed` decides (xorshift), so a failing case replays.
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed | 1;
    for i in (1..items.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        items.swap(i, (state % (i as u64 + 1)) as usize);
    }
}

/// Two devices with clocks of their own, and a third that only receives.
fn three_devices() -> (Arc<FixedClock>, Store, Arc<FixedClock>, Store, Store) {
    let (clock_a, clock_b) = (
        Arc::new(FixedClock::at(t0())),
        Arc::new(FixedClock::at(t0())),
    );
    let a = crate::testing::team_store(clock_a.clone());
    let b = crate::testing::team_store(clock_b.clone());
    let c = crate::testing::team_store(Arc::new(FixedClock::at(t0())));
    (clock_a, a, clock_b, b, c)
}

/// Every op of `a` and `b` to each other, and to `c` one at a time in the order `seed`
/// shuffles them into.
fn deliver_everywhere(a: &mut Store, b: &mut Store, c: &mut Store, seed: u64) {
    let mut all = a.ops().unwrap();
    let theirs: Vec<_> = b
        .ops()
        .unwrap()
        .into_iter()
        .filter(|o| !all.iter().any(|x| x.op_id == o.op_id))
        .collect();
    all.extend(theirs);
    shuffle(&mut all, seed);
    for op in &all {
        c.apply_remote(std::slice::from_ref(op)).unwrap();
    }
    a.apply_remote(&b.ops().unwrap()).unwrap();
    b.apply_remote(&a.ops().unwrap()).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Two devices receive the same ops in different orders, one of them with repeats: they end
    /// up identical, identical to a rebuild, and each field holds the write with the greatest
    /// (hlc, device).
    #[test]
    fn any_interleaving_converges(
        writes in prop::collection::vec(
            (0usize..3, 0i64..20, write_strategy()),
            1..40,
        ),
        seed in any::<u64>(),
    ) {
        let base = t0().timestamp_millis() - 1_000;
        // Few distinct walls, so equal timestamps from different devices are common.
        let writes: Vec<_> = writes.into_iter().map(|(d, w, x)| (d, base + w, x)).collect();
        let mut ops = remote_ops(&writes);
        ops.push(started_episode());

        let mut shuffled = ops.clone();
        shuffle(&mut shuffled, seed);
        let mut repeated = shuffled.clone();
        repeated.extend(ops.iter().step_by(2).cloned());

        let clock = || Arc::new(FixedClock::at(t0()));
        let mut a = crate::testing::team_store(clock());
        let mut b = crate::testing::team_store(clock());
        for op in &ops {
            a.apply_remote(std::slice::from_ref(op)).unwrap();
        }
        b.apply_remote(&repeated).unwrap();
        let sa = snapshot(&a);
        prop_assert_eq!(&sa, &snapshot(&b));
        // Every op, and the one that made the team's administrator.
        prop_assert_eq!(a.ops().unwrap().len(), ops.len() + 1);
        b.rebuild().unwrap();
        prop_assert_eq!(&sa, &snapshot(&b));

        // The model: the last-seen time is that of the greatest (hlc, device) write.
        let winner = ops
            .iter()
            .filter(|o| o.entity == EPISODE && o.payload.contains("last_seen_at")
                || o.kind == "episode_last_seen_set")
            .max_by_key(|o| (o.hlc, o.device))
            .unwrap();
        let expected = match OpBody::decode(&winner.payload).unwrap() {
            OpBody::EpisodeLastSeenSet { at, .. } => at,
            OpBody::EpisodeStarted { last_seen_at, .. } => last_seen_at,
            other => panic!("{other:?}"),
        };
        // The episode shows once its child has arrived in the registers' projection.
        if let Some(ep) = sa.1.iter().find(|e| e.id.to_string() == EPISODE) {
            prop_assert_eq!(ep.last_seen_at, expected);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// One device marks a child suspected trafficked while another, offline, corrects the name
    /// (either one the later by clock, or both in the same millisecond). Whatever order the ops
    /// reach each device in, both edits survive: the flag is never cleared by the rename.
    #[test]
    fn a_flag_set_on_one_device_survives_a_rename_on_another_in_any_order(
        rename_later in any::<bool>(),
        gap_ms in 0i64..5_000,
        seed in any::<u64>(),
    ) {
        let (clock_a, mut a, clock_b, mut b, mut c) = three_devices();
        let child = a.add_child(&input("Sample Ruth"), None).unwrap();
        b.apply_remote(&a.ops().unwrap()).unwrap();
        let later = if rename_later { &clock_b } else { &clock_a };
        later.advance(Duration::milliseconds(gap_ms + 1));

        let mut flagged = input("Sample Ruth");
        flagged.suspected_trafficked = true;
        a.update_child(child.id, &flagged, "").unwrap();
        b.update_child(child.id, &input("Sample Ruth Tesfay"), "").unwrap();

        deliver_everywhere(&mut a, &mut b, &mut c, seed);
        for (who, store) in [("a", &a), ("b", &b), ("c", &c)] {
            let d = store.child(child.id).unwrap().details;
            prop_assert_eq!(d.name_latin.as_str(), "Sample Ruth Tesfay", "{}", who);
            prop_assert!(d.suspected_trafficked && d.unaccompanied, "{}", who);
        }
        c.rebuild().unwrap();
        prop_assert_eq!(c.child(child.id).unwrap(), a.child(child.id).unwrap());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Two managers change different settings on two devices (the on-call number, and one of
    /// the child's numbers), either one later by clock. In any delivery order both changes
    /// survive on every device.
    #[test]
    fn two_managers_changing_different_settings_both_keep_their_change(
        b_later in any::<bool>(),
        gap_ms in 0i64..5_000,
        seed in any::<u64>(),
    ) {
        use harbour_core::organisation::Organisation;
        let (clock_a, mut a, clock_b, mut b, mut c) = three_devices();
        let later = if b_later { &clock_b } else { &clock_a };
        later.advance(Duration::milliseconds(gap_ms + 1));

        let mut on_call = a.organisation().unwrap();
        on_call.on_call = "Sam Manager 07700 900321".into();
        a.save_organisation(&on_call).unwrap();
        let mut runaway = b.organisation().unwrap();
        runaway.help.runaway = "0800 111 222".into();
        b.save_organisation(&runaway).unwrap();

        deliver_everywhere(&mut a, &mut b, &mut c, seed);
        let expected = Organisation {
            on_call: "Sam Manager 07700 900321".into(),
            help: harbour_core::help::HelpNumbers {
                runaway: "0800 111 222".into(),
                ..Default::default()
            },
            ..Default::default()
        };
        for (who, store) in [("a", &a), ("b", &b), ("c", &c)] {
            prop_assert_eq!(&store.organisation().unwrap(), &expected, "{}", who);
        }
        c.rebuild().unwrap();
        prop_assert_eq!(c.organisation().unwrap(), expected);
    }
}

/// Settings saved whole by an earlier version and per key by this one: each setting is
/// whichever was written last.
#[test]
fn whole_settings_from_an_earlier_version_and_per_key_ones_meet_by_their_clocks() {
    use harbour_core::organisation::{Nation, Organisation};
    let clock = Arc::new(FixedClock::at(t0()));
    let mut store = crate::testing::team_store(clock.clone());
    let old_device: DeviceId = DEVICES[1].parse().unwrap();
    let whole = |idx: i64, at_ms: i64, org: Organisation| {
        let b = OpBody::OrganisationSaved {
            organisation: Box::new(org),
        };
        Op {
            op_id: OpId::from_uuid(Uuid::from_u128(0x5E00 + idx as u128)),
            device: old_device,
            idx,
            hlc: Hlc {
                wall_ms: at_ms,
                counter: 0,
            },
            author: Some(crate::testing::team_admin()),
            team: None,
            kind: b.kind().into(),
            entity: b.entity(),
            payload: b.encode(),
        }
    };
    // An old device saved everything an hour ago.
    let hour_ago = Organisation {
        nation: Nation::Wales,
        on_call: "Old Manager".into(),
        ..Default::default()
    };
    store
        .apply_remote(&[whole(
            1,
            t0().timestamp_millis() - 3_600_000,
            hour_ago.clone(),
        )])
        .unwrap();
    assert_eq!(store.organisation().unwrap(), hour_ago);
    // This device changes one setting now: only that one is newer.
    let mut next = store.organisation().unwrap();
    next.regulator = "Care Inspectorate Wales".into();
    store.save_organisation(&next).unwrap();
    let read = store.organisation().unwrap();
    assert_eq!(
        (read.nation, read.on_call.as_str(), read.regulator.as_str()),
        (Nation::Wales, "Old Manager", "Care Inspectorate Wales")
    );
    // The old device then saves everything again, later still: its whole save wins.
    let later = Organisation {
        on_call: "New Manager".into(),
        ..hour_ago
    };
    store
        .apply_remote(&[whole(2, t0().timestamp_millis() + 60_000, later.clone())])
        .unwrap();
    assert_eq!(store.organisation().unwrap(), later);
    store.rebuild().unwrap();
    assert_eq!(store.organisation().unwrap(), later);
}

/// Every folded table as text, rows sorted: what two devices that hold the same ops must agree
/// on, field for field.
fn tables(store: &Store) -> Vec<(&'static str, Vec<String>)> {
    [
        "children",
        "missing_episodes",
        "users",
        "registers",
        "episode_events",
        "assessment_events",
        "unchecked_ops",
        "teams",
        "team_members",
    ]
    .into_iter()
    .map(|table| {
        let mut stmt = store
            .conn
            .prepare(&format!("SELECT * FROM {table}"))
            .unwrap();
        let width = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                (0..width)
                    .map(|i| {
                        r.get::<_, rusqlite::types::Value>(i)
                            .map(|v| format!("{v:?}"))
                    })
                    .collect::<Result<Vec<_>, _>>()
                    .map(|cols| cols.join("|"))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort();
        (table, rows)
    })
    .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Ops of every kind, from three devices with few distinct clocks, reach two devices in
    /// different orders (one with repeats) and a third in reverse: every folded table comes
    /// out the same on all three, and the same again after a rebuild.
    #[test]
    fn ops_of_every_kind_merge_to_the_same_tables_in_any_order(
        writes in prop::collection::vec(
            (0usize..3, 0i64..12, 0u8..4, 0usize..harbour_core::ops::KINDS.len()),
            1..48,
        ),
        seed in any::<u64>(),
    ) {
        let base = t0().timestamp_millis() - 1_000;
        let mut next_idx = [0i64; 3];
        let ops: Vec<Op> = writes
            .iter()
            .enumerate()
            .map(|(i, (d, wall, v, k))| {
                let b = harbour_core::examples::every_kind(*v).swap_remove(*k);
                let op = Op {
                    op_id: OpId::from_uuid(Uuid::from_u128(0xB000 + i as u128)),
                    device: DEVICES[*d].parse().unwrap(),
                    idx: next_idx[*d],
                    hlc: Hlc { wall_ms: base + wall, counter: next_idx[*d] as u32 },
                    author: Some(crate::testing::team_admin()),
                    // In the examples' team, as a team's devices write them (settings then
                    // fold into the team's registers, a child added joins it).
                    team: Some(harbour_core::examples::team()),
                    kind: b.kind().into(),
                    entity: b.entity(),
                    payload: b.encode(),
                };
                next_idx[*d] += 1;
                op
            })
            .collect();
        let mut shuffled = ops.clone();
        shuffle(&mut shuffled, seed);
        shuffled.extend(ops.iter().step_by(3).cloned());
        let clock = || Arc::new(FixedClock::at(t0()));
        let (mut a, mut b, mut c) = (
            crate::testing::team_store(clock()),
            crate::testing::team_store(clock()),
            crate::testing::team_store(clock()),
        );
        for store in [&mut a, &mut b, &mut c] {
            store.apply_remote(&[crate::testing::team_made_op()]).unwrap();
        }
        a.apply_remote(&ops).unwrap();
        for op in &shuffled {
            b.apply_remote(std::slice::from_ref(op)).unwrap();
        }
        let reversed: Vec<_> = ops.iter().rev().cloned().collect();
        c.apply_remote(&reversed).unwrap();
        let expected = tables(&a);
        prop_assert_eq!(&tables(&b), &expected);
        prop_assert_eq!(&tables(&c), &expected);
        prop_assert!(a.arrivals().unwrap().is_empty(), "all by the administrator: all taken");
        b.rebuild().unwrap();
        prop_assert_eq!(&tables(&b), &expected);
    }
}
