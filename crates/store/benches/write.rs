//! `cargo bench -p harbour-store --bench write` (run by `cargo xtask bench`): the cost of one
//! Harbour write (validate, op, fold into registers and read tables, one transaction) beside the
//! floor, a raw rusqlite insert of the same bytes with the same durability settings, as medians
//! and their ratio. DESIGN.md's budget: ≤ 5 ms and ≤ 10× the raw insert.

use harbour_core::ChildInput;
use harbour_store::{Store, SystemClock};
use rusqlite::Connection;
use std::time::{Duration, Instant};

const WRITES: usize = 300;
const BUDGET_MS: f64 = 5.0;
const BUDGET_RATIO: f64 = 10.0;

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

fn main() {
    let dir = tempfile::tempdir().expect("temporary folder");

    let mut store = Store::open(&dir.path().join("harbour.sqlite3"), SystemClock).expect("store");
    let mut ours = Vec::with_capacity(WRITES);
    for i in 0..WRITES {
        let input = input(i);
        let started = Instant::now();
        store.add_child(&input, None).expect("write");
        ours.push(started.elapsed());
    }
    // The floor stores exactly the op bytes Harbour stored, one autocommit insert each.
    let payloads: Vec<String> = store
        .ops()
        .expect("ops")
        .into_iter()
        .map(|o| o.payload)
        .collect();

    let raw = Connection::open(dir.path().join("raw.sqlite3")).expect("raw db");
    raw.pragma_update(None, "journal_mode", "WAL").unwrap();
    raw.pragma_update(None, "synchronous", "FULL").unwrap();
    raw.execute_batch("CREATE TABLE t (payload TEXT NOT NULL) STRICT")
        .unwrap();
    let mut floor = Vec::with_capacity(WRITES);
    for p in &payloads {
        let started = Instant::now();
        raw.execute("INSERT INTO t (payload) VALUES (?1)", [p])
            .unwrap();
        floor.push(started.elapsed());
    }

    let (ours, floor) = (median(ours), median(floor));
    let ratio = ours / floor;
    let verdict = if ours <= BUDGET_MS && ratio <= BUDGET_RATIO {
        "within budget"
    } else {
        "OVER BUDGET"
    };
    println!("write: add a child (validate + op + fold, one transaction), median of {WRITES}, file on disk, synchronous=FULL");
    println!("  raw rusqlite insert of the same bytes  {floor:>7.3} ms  (floor)");
    println!("  Harbour write                          {ours:>7.3} ms  {ratio:.1}x the floor");
    println!("  budget: <= {BUDGET_MS} ms and <= {BUDGET_RATIO}x the floor: {verdict}");
}
