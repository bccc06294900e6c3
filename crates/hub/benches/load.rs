//! `cargo bench -p harbour-hub --bench load` (run by `cargo xtask bench`, which starts a private
//! PostgreSQL and sets `HARBOUR_TEST_POSTGRES`): the hub on PostgreSQL with 200 devices syncing
//! at once for 60 s over HTTP on loopback — 20 teams of 10 computers, each asking its status,
//! sending a page of new sealed ops of its own and fetching what its team's others sent, about
//! once a second each. Wire-level clients sending real sealed pages, not 200 unlocked stores.
//! Budget (the issue): 0 errors, p99 ≤ 200 ms; printed beside it as a ratio.
//!
//! `HARBOUR_BENCH_LOAD_DEVICES` and `HARBOUR_BENCH_LOAD_SECS` change the size and length.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use harbour_core::ops::OpBody;
use harbour_core::{ChildId, TeamId};
use harbour_hub::{HubDb, PostgresHub};
use harbour_sync::client::Hub;
use harbour_sync::http::HttpHub;
use harbour_sync::wire::{DownloadRequest, JoinRequest, SeriesPage, UploadRequest};
use harbour_sync::{chain, PlainOp, TeamKey};
use tokio::sync::Mutex;
use uuid::Uuid;

const TEAM_SIZE: usize = 10;
const OPS_PER_PAGE: usize = 5;
const BUDGET_P99_MS: f64 = 200.0;

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// One computer: its place in its team and its own series as the hub holds it.
struct Device {
    team: Uuid,
    id: Uuid,
    token: String,
    key: Arc<TeamKey>,
    next_seq: i64,
    chain: [u8; 32],
    /// How far it has fetched each of its team's other series.
    fetched: BTreeMap<Uuid, i64>,
}

fn new_ops(device: &mut Device, n: usize) -> SeriesPage {
    let after_chain = device.chain;
    let mut slots = Vec::with_capacity(n);
    for _ in 0..n {
        let body = OpBody::ChildFieldsSet {
            child: ChildId::from_uuid(Uuid::now_v7()),
            fields: [(
                "languages".to_owned(),
                serde_json::json!(["Tigrinya", "Arabic"]),
            )]
            .into_iter()
            .collect(),
        };
        let op = PlainOp {
            op_id: Uuid::now_v7(),
            idx: device.next_seq,
            hlc_wall_ms: chrono::Utc::now().timestamp_millis(),
            hlc_counter: 0,
            author: Some(Uuid::now_v7()),
            kind: body.kind().into(),
            entity: body.entity(),
            payload: body.encode(),
        };
        let slot = device
            .key
            .seal(device.team, device.id, device.next_seq, &op);
        device.chain = chain(&device.chain, &slot);
        device.next_seq += 1;
        slots.push(slot);
    }
    SeriesPage {
        device: device.id,
        after_chain,
        slots,
    }
}

/// One round of one device: status, a page up, and a page down of each series that grew.
/// Each request's time goes in `times`; a failure is counted and said once.
async fn round(hub: &HttpHub, device: &mut Device, times: &mut Vec<f64>, errors: &mut Vec<String>) {
    let timed = Instant::now();
    let status = hub.status(&device.token).await;
    times.push(timed.elapsed().as_secs_f64() * 1000.0);
    let status = match status {
        Ok(s) => s,
        Err(e) => {
            errors.push(format!("status: {e}"));
            return;
        }
    };
    let page = new_ops(device, OPS_PER_PAGE);
    let request = UploadRequest {
        key_id: device.key.key_id(),
        pages: vec![page],
    };
    let timed = Instant::now();
    let up = hub.upload(&device.token, &request).await;
    times.push(timed.elapsed().as_secs_f64() * 1000.0);
    if let Err(e) = up {
        errors.push(format!("upload: {e}"));
        return;
    }
    for head in status.heads.iter().filter(|h| h.device != device.id) {
        let after = device.fetched.get(&head.device).copied().unwrap_or(-1);
        if head.seq <= after {
            continue;
        }
        let request = DownloadRequest {
            device: head.device,
            after,
            max_ops: 1000,
            max_bytes: 1 << 20,
        };
        let timed = Instant::now();
        let down = hub.download(&device.token, &request).await;
        times.push(timed.elapsed().as_secs_f64() * 1000.0);
        match down {
            Ok(d) => {
                let got = d.slots.last().map_or(after, |s| s.seq);
                // Opening each as a device would (the cost is the device's, not the hub's).
                for slot in &d.slots {
                    if device.key.open(device.team, head.device, slot).is_err() {
                        errors.push("download: a slot did not open".into());
                    }
                }
                device.fetched.insert(head.device, got);
            }
            Err(e) => errors.push(format!("download: {e}")),
        }
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

async fn admin(server: &str, sql: &str) {
    let (client, connection) = tokio_postgres::connect(server, tokio_postgres::NoTls)
        .await
        .expect("the PostgreSQL server in HARBOUR_TEST_POSTGRES answers");
    let conn = tokio::spawn(connection);
    client.batch_execute(sql).await.unwrap();
    drop(client);
    let _ = conn.await;
}

fn main() {
    let Ok(server) = std::env::var("HARBOUR_TEST_POSTGRES") else {
        println!(
            "load: skipped (HARBOUR_TEST_POSTGRES is not set; `cargo xtask bench` starts a \
             private PostgreSQL and sets it)"
        );
        return;
    };
    let devices = env_number("HARBOUR_BENCH_LOAD_DEVICES", 200) as usize;
    let secs = env_number("HARBOUR_BENCH_LOAD_SECS", 60);
    // The hub on a runtime of its own (as its own process would be), the clients on another.
    let hub_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let name = format!("load_{}", Uuid::now_v7().simple());
    hub_rt.block_on(admin(&server, &format!("CREATE DATABASE {name}")));
    let url = format!("{server} dbname={name}");
    let db = hub_rt.block_on(PostgresHub::connect(&url)).unwrap();
    let listener = hub_rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let served = db.clone();
    hub_rt.spawn(async move {
        harbour_hub::serve(served, listener, true, std::future::pending()).await
    });

    let clients = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (times, errors, requests_per_s) = clients.block_on(async {
        // Enrol: 20 teams of 10, each team's first computer with a new-team token.
        let hub = HttpHub::new(&address).unwrap();
        let mut enrolled = Vec::with_capacity(devices);
        for t in 0..devices.div_ceil(TEAM_SIZE) {
            let team = TeamId::from_uuid(Uuid::now_v7()).as_uuid();
            let key = Arc::new(TeamKey::random());
            for d in 0..TEAM_SIZE.min(devices - t * TEAM_SIZE) {
                let token = db.issue_token((d > 0).then_some(team)).await.unwrap();
                let id = Uuid::now_v7();
                let joined = hub
                    .join(&JoinRequest {
                        token,
                        team,
                        device: id,
                        key_id: key.key_id(),
                        key_check: key.key_check(team),
                    })
                    .await
                    .unwrap();
                enrolled.push(Device {
                    team,
                    id,
                    token: joined.device_token,
                    key: key.clone(),
                    next_seq: 0,
                    chain: [0; 32],
                    fetched: BTreeMap::new(),
                });
            }
        }
        let times = Arc::new(Mutex::new(Vec::new()));
        let errors = Arc::new(Mutex::new(Vec::new()));
        let until = Instant::now() + Duration::from_secs(secs);
        let started = Instant::now();
        let mut tasks = Vec::new();
        for (i, mut device) in enrolled.into_iter().enumerate() {
            let (times, errors) = (times.clone(), errors.clone());
            let hub = HttpHub::new(&address).unwrap();
            tasks.push(tokio::spawn(async move {
                // Spread over the first second, then about once a second each.
                tokio::time::sleep(Duration::from_millis((i as u64 * 1000) / devices as u64)).await;
                let (mut mine, mut failed) = (Vec::new(), Vec::new());
                while Instant::now() < until {
                    let began = Instant::now();
                    round(&hub, &mut device, &mut mine, &mut failed).await;
                    let rest = Duration::from_secs(1).saturating_sub(began.elapsed());
                    tokio::time::sleep(rest).await;
                }
                times.lock().await.extend(mine);
                errors.lock().await.extend(failed);
            }));
        }
        for task in tasks {
            task.await.unwrap();
        }
        let elapsed = started.elapsed().as_secs_f64();
        let times = std::mem::take(&mut *times.lock().await);
        let errors = std::mem::take(&mut *errors.lock().await);
        let per_s = times.len() as f64 / elapsed;
        (times, errors, per_s)
    });
    let mut sorted = times;
    sorted.sort_by(f64::total_cmp);
    let (p50, p95, p99) = (
        percentile(&sorted, 0.50),
        percentile(&sorted, 0.95),
        percentile(&sorted, 0.99),
    );
    println!(
        "load: {devices} devices on PostgreSQL for {secs} s: {} requests ({requests_per_s:.0}/s), \
         {} errors; p50 {p50:.1} ms, p95 {p95:.1} ms, p99 {p99:.1} ms (budget {BUDGET_P99_MS:.0} \
         ms: {:.2}× the budget)",
        sorted.len(),
        errors.len(),
        p99 / BUDGET_P99_MS
    );
    for e in errors.iter().take(5) {
        println!("load: error: {e}");
    }
    drop(clients);
    drop(hub_rt);
    let admin_rt = tokio::runtime::Runtime::new().unwrap();
    // The server may still hold the hub's connections a moment; dropping is best-effort.
    admin_rt.block_on(admin(
        &server,
        &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
    ));
}
