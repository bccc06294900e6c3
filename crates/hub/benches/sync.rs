//! `cargo bench -p harbour-hub --bench sync` (run by `cargo xtask bench`): a device's first sync
//! from a hub on loopback — HTTP, opening every sealed op, checking and folding it into an
//! encrypted store on disk — beside its floor, inserting the same opened ops in one transaction
//! into a fresh SQLCipher database with the store's settings (WAL, synchronous FULL, memory
//! security on). Then an incremental sync of 50 ops.
//!
//! The hub is loaded with `HARBOUR_BENCH_SYNC_OPS` ops (default 100,000) from 20 devices,
//! sealed as the app seals them. Goal (DESIGN.md): 100,000 ops in ≤ 2 s.

use std::sync::Arc;
use std::time::Instant;

use chrono::{TimeZone, Utc};
use harbour_core::ops::OpBody;
use harbour_core::{ChildDetails, ChildId, FixedClock, TeamId};
use harbour_hub::{HubDb, SqliteHub};
use harbour_store::testing::{create, team_admin, team_admin_op};
use harbour_sync::client::{join, op_of, sync_team};
use harbour_sync::http::HttpHub;
use harbour_sync::wire::{JoinRequest, SeriesPage, UploadRequest};
use harbour_sync::{chain, PlainOp, TeamKey};
use uuid::Uuid;

const DEVICES: usize = 20;
const GOAL_S_PER_100K: f64 = 2.0;

fn body(i: usize) -> OpBody {
    OpBody::ChildAdded {
        child: ChildId::from_uuid(Uuid::now_v7()),
        details: ChildDetails {
            name_latin: format!("Sample Child {i}"),
            name_own_script: Some("ኣማኑኤል".into()),
            date_of_birth: chrono::NaiveDate::from_ymd_opt(2010, 5, 14).unwrap(),
            languages: vec!["Tigrinya".into(), "Arabic".into()],
            unaccompanied: true,
            suspected_trafficked: i.is_multiple_of(2),
        },
        created_at: Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap(),
    }
}

fn plain(body: &OpBody, at_ms: i64) -> PlainOp {
    PlainOp {
        op_id: Uuid::now_v7(),
        idx: 0,
        hlc_wall_ms: at_ms,
        hlc_counter: 0,
        author: Some(team_admin().as_uuid()),
        kind: body.kind().into(),
        entity: body.entity(),
        payload: body.encode(),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let n: usize = std::env::var("HARBOUR_BENCH_SYNC_OPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    let db = SqliteHub::open(&dir.path().join("hub.db")).unwrap();
    let key = TeamKey::random();
    let team = TeamId::from_uuid(Uuid::now_v7());
    let t = team.as_uuid();
    let token = db.issue_token(None).await.unwrap();
    db.join(JoinRequest {
        token,
        team: t,
        device: Uuid::now_v7(),
        key_id: key.key_id(),
        key_check: key.key_check(t),
    })
    .await
    .unwrap();

    // Load the hub: the team's own two ops on the first device, then children on all 20.
    let start_ms = Utc
        .with_ymd_and_hms(2026, 11, 1, 9, 0, 0)
        .unwrap()
        .timestamp_millis();
    let devices: Vec<Uuid> = (0..DEVICES).map(|_| Uuid::now_v7()).collect();
    let mut series: Vec<Vec<PlainOp>> = vec![Vec::new(); DEVICES];
    series[0].push(plain(
        &OpBody::TeamAdded {
            team,
            name: "Sample House".into(),
            created_at: Utc.with_ymd_and_hms(2026, 11, 1, 8, 0, 0).unwrap(),
        },
        start_ms - 2,
    ));
    series[0].push(plain(
        &OpBody::TeamMemberSet {
            team,
            user: team_admin(),
            member: true,
        },
        start_ms - 1,
    ));
    for i in 0..n.saturating_sub(2) {
        series[i % DEVICES].push(plain(&body(i), start_ms + i as i64));
    }
    let mut all_opened = Vec::with_capacity(n);
    for (d, ops) in devices.iter().zip(&series) {
        let mut before = [0u8; 32];
        for (k, chunk) in ops.chunks(1000).enumerate() {
            let slots: Vec<_> = chunk
                .iter()
                .enumerate()
                .map(|(j, op)| {
                    let mut op = op.clone();
                    op.idx = (k * 1000 + j) as i64;
                    all_opened.push(op_of(op.clone(), team, *d));
                    key.seal(t, *d, op.idx, &op)
                })
                .collect();
            let after_chain = before;
            for s in &slots {
                before = chain(&before, s);
            }
            db.upload(
                t,
                UploadRequest {
                    key_id: key.key_id(),
                    pages: vec![SeriesPage {
                        device: *d,
                        after_chain,
                        slots,
                    }],
                },
            )
            .await
            .unwrap();
        }
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let served = db.clone();
    tokio::spawn(async move {
        harbour_hub::serve(served, listener, true, std::future::pending())
            .await
            .unwrap();
    });

    // A fresh device on disk.
    let clock = Arc::new(FixedClock::at(
        Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap(),
    ));
    let store_dir = tempfile::tempdir().unwrap();
    let mut store = create(store_dir.path(), clock);
    store.apply_remote(&[team_admin_op()]).unwrap();
    let hub = HttpHub::new(&address).unwrap();
    let token = db.issue_token(Some(t)).await.unwrap();
    let link = join(&mut store, &hub, &address, team, &token, &key)
        .await
        .unwrap();
    let started = Instant::now();
    let report = sync_team(&mut store, &link, &hub).await.unwrap();
    let first = started.elapsed().as_secs_f64();
    assert_eq!(report.downloaded, n);
    assert_eq!(report.held, 0);

    // The floor: the same opened ops into a fresh SQLCipher database, one transaction.
    let floor_path = store_dir.path().join("floor.db");
    let raw = rusqlite::Connection::open(&floor_path).unwrap();
    raw.execute_batch("PRAGMA key = \"x'00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'\"; PRAGMA cipher_memory_security = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;").unwrap();
    raw.execute_batch("CREATE TABLE ops (device TEXT NOT NULL, idx INTEGER NOT NULL, op_id TEXT NOT NULL UNIQUE, hlc TEXT NOT NULL, author TEXT, kind TEXT NOT NULL, entity TEXT NOT NULL, payload TEXT NOT NULL, team TEXT, PRIMARY KEY (device, idx)) STRICT").unwrap();
    let started = Instant::now();
    let mut raw = raw;
    let tx = raw.transaction().unwrap();
    {
        let mut stmt = tx
            .prepare("INSERT INTO ops VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
            .unwrap();
        for op in &all_opened {
            stmt.execute(rusqlite::params![
                op.device.to_string(),
                op.idx,
                op.op_id.to_string(),
                op.hlc.to_string(),
                op.author.map(|a| a.to_string()),
                op.kind,
                op.entity,
                op.payload,
                op.team.map(|t| t.to_string())
            ])
            .unwrap();
        }
    }
    tx.commit().unwrap();
    let floor = started.elapsed().as_secs_f64();
    let goal = GOAL_S_PER_100K * n as f64 / 100_000.0;
    println!(
        "first sync of {n} ops from {DEVICES} devices: {first:.2} s (goal ≤ {goal:.2} s: {}), floor {floor:.2} s, {:.1}× the floor, {:.0} ops/s",
        if first <= goal { "met" } else { "missed" },
        first / floor,
        n as f64 / first,
    );

    if std::env::var_os("HARBOUR_BENCH_SPLIT").is_some() {
        // Where the time goes: the store alone, taking in the opened ops page by page.
        let d2 = tempfile::tempdir().unwrap();
        let clock = Arc::new(FixedClock::at(
            Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap(),
        ));
        let mut other = create(d2.path(), clock);
        other.apply_remote(&[team_admin_op()]).unwrap();
        let started = Instant::now();
        for page in all_opened.chunks(1000) {
            other.apply_remote(page).unwrap();
        }
        println!(
            "  the store alone (apply_remote, pages of 1000): {:.2} s",
            started.elapsed().as_secs_f64()
        );
    }

    // Incremental: 50 more ops from one device.
    let d = devices[1];
    let head = series[1].len() as i64 - 1;
    let mut before = store
        .sync_chain_at(team, harbour_core::DeviceId::from_uuid(d), head)
        .unwrap()
        .unwrap();
    let after_chain = before;
    let slots: Vec<_> = (0..50)
        .map(|j| {
            let mut op = plain(&body(n + j), start_ms + (n + j) as i64);
            op.idx = head + 1 + j as i64;
            let s = key.seal(t, d, op.idx, &op);
            before = chain(&before, &s);
            s
        })
        .collect();
    db.upload(
        t,
        UploadRequest {
            key_id: key.key_id(),
            pages: vec![SeriesPage {
                device: d,
                after_chain,
                slots,
            }],
        },
    )
    .await
    .unwrap();
    let started = Instant::now();
    let report = sync_team(&mut store, &link, &hub).await.unwrap();
    let inc = started.elapsed().as_secs_f64() * 1000.0;
    assert_eq!(report.downloaded, 50);
    println!("incremental sync of 50 ops: {inc:.1} ms");
}
