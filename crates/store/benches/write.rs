//! `cargo bench -p harbour-store --bench write` (run by `cargo xtask bench`): the store's hot
//! paths on a real encrypted store on disk, each beside its floor, as medians and ratios.
//!
//! - A Harbour write (validate, op, fold into registers and read tables, one transaction)
//!   beside a raw rusqlite insert of the same bytes with the same durability settings, both in
//!   plain SQLite and in SQLCipher. DESIGN.md's budget: ≤ 5 ms and ≤ 10× the raw insert.
//! - Opening a child's details (two reads and an audit-chain entry, one call).
//! - The home screen of 100 children, beside reading their rows alone.
//! - Unlocking: Argon2id with the default parameters, opening the database, checking every page
//!   and recording the unlock. The goal is about half a second.
//! - One PIN guess: a single Argon2id derivation with the default parameters on one core, which
//!   is what an attacker who also has the device secret pays per guess (the README's numbers).
//! - Replacing the data key with 100 children (a rotation: the database re-encrypted, the key
//!   sealed to each member of staff), beside copying the database file once with a sync.

use harbour_core::{ChildInput, NewUser};
use harbour_store::{DataDir, KdfParams, Store, SystemClock};
use rusqlite::Connection;
use std::path::Path;
use std::time::{Duration, Instant};

const WRITES: usize = 300;
const UNLOCKS: usize = 5;
const BUDGET_MS: f64 = 5.0;
const BUDGET_RATIO: f64 = 10.0;
const PIN: &str = "bench passphrase 7";

fn input(i: usize) -> ChildInput {
    ChildInput {
        name_latin: format!("Sample Child {i}"),
        name_own_script: "ኣማኑኤል".into(),
        date_of_birth: "2010-05-14".into(),
        languages: "Tigrinya, Arabic".into(),
        unaccompanied: true,
        suspected_trafficked: i.is_multiple_of(2),
    }
}

fn median(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v[v.len() / 2].as_secs_f64() * 1000.0
}

/// One autocommit insert per payload into a fresh database, WAL and synchronous=FULL like the
/// store; keyed with SQLCipher when `key` is given.
fn raw_inserts(path: &Path, key: Option<&str>, payloads: &[String]) -> f64 {
    let raw = Connection::open(path).expect("raw db");
    if let Some(key) = key {
        raw.execute_batch(&format!("PRAGMA key = \"x'{key}'\";"))
            .unwrap();
    }
    raw.pragma_update(None, "journal_mode", "WAL").unwrap();
    raw.pragma_update(None, "synchronous", "FULL").unwrap();
    raw.execute_batch("CREATE TABLE t (payload TEXT NOT NULL) STRICT")
        .unwrap();
    let mut times = Vec::with_capacity(payloads.len());
    for p in payloads {
        let started = Instant::now();
        raw.execute("INSERT INTO t (payload) VALUES (?1)", [p])
            .unwrap();
        times.push(started.elapsed());
    }
    median(times)
}

const HOME_CHILDREN: usize = 100;
const HOME_RUNS: usize = 21;

/// The home screen of a store with `HOME_CHILDREN` children, some missing, some found and
/// back, each with a profile section checked; beside the floor, one query reading the same
/// children's rows. Medians in ms.
fn home_screen(dir: &Path) -> (f64, f64, f64, f64) {
    let data = DataDir::new(
        dir,
        std::sync::Arc::new(harbour_store::SecretFolder::new(dir.join("device-secrets"))),
    );
    let admin = NewUser {
        name: "Bench Admin".into(),
        pin: PIN.into(),
        pin_again: PIN.into(),
    };
    let mut store = data
        .create(&admin, KdfParams::OWASP_MINIMUM, SystemClock)
        .expect("store");
    for i in 0..HOME_CHILDREN {
        let child = store.add_child(&input(i), None).expect("child");
        let values = [("gp".to_owned(), serde_json::json!("Dr Sample"))];
        store
            .save_profile(
                child.id,
                &harbour_core::profile::SectionInput {
                    section: harbour_core::profile::Section::Health,
                    values: values.into_iter().collect(),
                },
            )
            .expect("profile");
        if i % 3 == 0 {
            let ep = store.report_missing(child.id).expect("missing").episode.id;
            if i % 2 == 0 {
                let found = harbour_core::episode::EpisodeEvent::Found {
                    found_at: chrono::Utc::now(),
                    found_by: "Police".into(),
                    where_found: "Coach station".into(),
                    how_returned: "Police car".into(),
                };
                store.record_event(ep, &found).expect("found");
            }
        }
    }
    let time = |f: &mut dyn FnMut()| {
        let mut times = Vec::with_capacity(HOME_RUNS);
        for _ in 0..HOME_RUNS {
            let started = Instant::now();
            f();
            times.push(started.elapsed());
        }
        median(times)
    };
    let home = time(&mut || {
        assert_eq!(store.home().expect("home").len(), HOME_CHILDREN);
    });
    let floor = time(&mut || {
        assert_eq!(store.children().expect("children").len(), HOME_CHILDREN);
    });
    // Replacing the data key, beside one synced copy of the database file.
    let mut rotations = Vec::with_capacity(ROTATIONS);
    for _ in 0..ROTATIONS {
        let started = Instant::now();
        store.rotate_keys().expect("rotate");
        rotations.push(started.elapsed());
    }
    let mut copies = Vec::with_capacity(ROTATIONS);
    for _ in 0..ROTATIONS {
        let started = Instant::now();
        let copy = dir.join("copy.db");
        std::fs::copy(data.db_path(), &copy).expect("copy");
        std::fs::File::open(&copy)
            .and_then(|f| f.sync_all())
            .expect("sync");
        copies.push(started.elapsed());
    }
    store.lock().expect("lock");
    (home, floor, median(rotations), median(copies))
}

const ROTATIONS: usize = 5;
const GUESSES: usize = 5;

/// One Argon2id derivation with the default parameters, on one core, in ms.
fn one_guess() -> f64 {
    let k = KdfParams::DEFAULT;
    let params = argon2::Params::new(k.m_kib, k.t, k.p, Some(32)).expect("params");
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut times = Vec::with_capacity(GUESSES);
    let mut out = [0u8; 32];
    for i in 0..GUESSES {
        let started = Instant::now();
        argon
            .hash_password_into(format!("{i:06}").as_bytes(), &[7u8; 16], &mut out)
            .expect("argon2");
        times.push(started.elapsed());
    }
    median(times)
}

fn verdict(ours: f64, floor: f64) -> &'static str {
    if ours <= BUDGET_MS && ours / floor <= BUDGET_RATIO {
        "within budget"
    } else {
        "OVER BUDGET"
    }
}

fn main() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let data = DataDir::new(
        dir.path().join("store"),
        std::sync::Arc::new(harbour_store::SecretFolder::new(
            dir.path().join("device-secrets"),
        )),
    );
    let admin = NewUser {
        name: "Bench Admin".into(),
        pin: PIN.into(),
        pin_again: PIN.into(),
    };
    let mut store: Store = data
        .create(&admin, KdfParams::DEFAULT, SystemClock)
        .expect("store");
    let mut ours = Vec::with_capacity(WRITES);
    let mut ids = Vec::with_capacity(WRITES);
    for i in 0..WRITES {
        let input = input(i);
        let started = Instant::now();
        let child = store.add_child(&input, None).expect("write");
        ours.push(started.elapsed());
        ids.push(child.id);
    }
    let mut views = Vec::with_capacity(WRITES);
    for id in &ids {
        let started = Instant::now();
        store.open_child(*id).expect("open child");
        views.push(started.elapsed());
    }
    // The floors store exactly the op bytes Harbour stored, one autocommit insert each.
    let payloads: Vec<String> = store
        .ops()
        .expect("ops")
        .into_iter()
        .map(|o| o.payload)
        .collect();
    store.lock().expect("lock");
    let plain = raw_inserts(&dir.path().join("raw.sqlite3"), None, &payloads);
    let keyed = raw_inserts(
        &dir.path().join("raw-keyed.sqlite3"),
        Some(&"ab".repeat(32)),
        &payloads,
    );

    let mut unlocks = Vec::with_capacity(UNLOCKS);
    for _ in 0..UNLOCKS {
        let started = Instant::now();
        let store = data.unlock(None, PIN, SystemClock).expect("unlock");
        unlocks.push(started.elapsed());
        store.lock().expect("lock");
    }

    let (home, home_floor, rotate, copy) = home_screen(&dir.path().join("home"));
    let guess = one_guess();
    let (ours, views, unlock) = (median(ours), median(views), median(unlocks));
    let k = KdfParams::DEFAULT;
    println!("store: real encrypted store on disk (SQLCipher), WAL, synchronous=FULL; medians");
    println!("  raw insert of the same bytes, plain SQLite  {plain:>8.3} ms  (floor)");
    println!(
        "  raw insert of the same bytes, SQLCipher     {keyed:>8.3} ms  {:.1}x the floor",
        keyed / plain
    );
    println!(
        "  Harbour write: add a child (op + fold)      {ours:>8.3} ms  {:.1}x the floor, {:.1}x SQLCipher's",
        ours / plain,
        ours / keyed
    );
    println!(
        "    budget <= {BUDGET_MS} ms and <= {BUDGET_RATIO}x the floor: {}",
        verdict(ours, plain)
    );
    println!(
        "  open a child's details (reads + audit entry) {views:>7.3} ms  {:.1}x the floor",
        views / plain
    );
    println!(
        "  home screen, {HOME_CHILDREN} children (a third missing or back)  {home:>6.3} ms  \
         {:.1}x reading their rows alone ({home_floor:.3} ms, the floor)",
        home / home_floor
    );
    println!(
        "  unlock (Argon2id m={} MiB t={} p={}, open, check {WRITES} children's pages, audit)  {unlock:>6.0} ms  goal about 500 ms: {:.2}x",
        k.m_kib / 1024,
        k.t,
        k.p,
        unlock / 500.0
    );
    println!(
        "  one PIN guess (Argon2id m={} MiB t={} p={}, one core)  {guess:>6.0} ms  = {:.1} guesses a second a core",
        k.m_kib / 1024,
        k.t,
        k.p,
        1000.0 / guess
    );
    println!(
        "  replace the data key, {HOME_CHILDREN} children (re-encrypt + seal + rename)  {rotate:>6.1} ms  \
         {:.1}x one synced copy of the database ({copy:.1} ms, the floor)",
        rotate / copy
    );
}
