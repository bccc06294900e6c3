//! A seeded simulation of several devices and a hub. Requests are lost before the hub sees
//! them, answers are lost after it committed, requests arrive twice, answers come late (a stale
//! status), clocks are skewed and a device stays offline for 60 simulated days. After the
//! faults stop, every device must hold every op written anywhere, with identical records, and
//! nothing held back.
//!
//! `HARBOUR_SIM_RUNS=N` runs N seeds (the default fits in seconds); `HARBOUR_SIM_SEED=S`
//! replays one. A failing run prints its seed.

mod common;

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use chrono::{Duration, TimeZone, Utc};
use common::{child, Direct};
use harbour_core::{ChildInput, FixedClock};
use harbour_hub::{HubDb, SqliteHub};
use harbour_store::testing::team_store;
use harbour_store::Store;
use harbour_sync::client::{join, sync_team, Hub, HubError, SyncError};
use harbour_sync::wire::{
    DownloadRequest, DownloadResponse, JoinRequest, JoinResponse, StatusResponse, UploadRequest,
    UploadResponse,
};
use harbour_sync::TeamKey;

/// xorshift64*: small, seeded, the same everywhere.
#[derive(Clone, Debug)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// The hub with faults, decided by the run's generator.
struct Faulty {
    hub: Direct<SqliteHub>,
    rng: Arc<Mutex<Rng>>,
    on: Arc<Mutex<bool>>,
    stale: Mutex<Option<StatusResponse>>,
}

enum Fault {
    None,
    LoseRequest,
    LoseAnswer,
    Twice,
}

impl Faulty {
    fn fault(&self) -> Fault {
        if !*self.on.lock().unwrap() {
            return Fault::None;
        }
        let mut rng = self.rng.lock().unwrap();
        match rng.below(100) {
            0..=7 => Fault::LoseRequest,
            8..=15 => Fault::LoseAnswer,
            16..=23 => Fault::Twice,
            _ => Fault::None,
        }
    }

    async fn call<T, F, Fut>(&self, f: F) -> Result<T, HubError>
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = Result<T, HubError>>,
    {
        let lost = || HubError::Unreachable("simulated".into());
        match self.fault() {
            Fault::None => f().await,
            Fault::LoseRequest => Err(lost()),
            Fault::LoseAnswer => {
                let _ = f().await;
                Err(lost())
            }
            Fault::Twice => {
                let _ = f().await;
                f().await
            }
        }
    }
}

impl Hub for Faulty {
    async fn join(&self, r: &JoinRequest) -> Result<JoinResponse, HubError> {
        self.hub.join(r).await
    }
    async fn status(&self, t: &str) -> Result<StatusResponse, HubError> {
        let fresh = self.call(|| self.hub.status(t)).await?;
        let late = *self.on.lock().unwrap() && self.rng.lock().unwrap().chance(10);
        let mut stale = self.stale.lock().unwrap();
        let answer = match (late, stale.as_ref()) {
            (true, Some(old)) if old.team == fresh.team => old.clone(),
            _ => fresh.clone(),
        };
        *stale = Some(fresh);
        Ok(answer)
    }
    async fn upload(&self, t: &str, r: &UploadRequest) -> Result<UploadResponse, HubError> {
        self.call(|| self.hub.upload(t, r)).await
    }
    async fn download(&self, t: &str, r: &DownloadRequest) -> Result<DownloadResponse, HubError> {
        self.call(|| self.hub.download(t, r)).await
    }
}

struct Device {
    store: Store,
    clock: Arc<FixedClock>,
    /// Steps before it comes back online (0: online).
    away: u32,
}

fn ok_under_faults(e: &SyncError) -> bool {
    matches!(e, SyncError::Hub(HubError::Unreachable(_)))
}

async fn run(seed: u64) {
    let mut rng = Rng(seed | 1);
    let start = Utc.with_ymd_and_hms(2026, 12, 3, 2, 0, 0).unwrap();
    let db = SqliteHub::in_memory().unwrap();
    let shared = Arc::new(Mutex::new(rng.clone()));
    let on = Arc::new(Mutex::new(false));
    let hub = Faulty {
        hub: Direct(db.clone()),
        rng: shared.clone(),
        on: on.clone(),
        stale: Mutex::new(None),
    };
    let key = TeamKey::random();
    let n = 2 + rng.below(3) as usize;
    let mut devices: Vec<Device> = (0..n)
        .map(|_| {
            // Clocks up to two hours apart.
            let skew = Duration::minutes(rng.below(240) as i64 - 120);
            let clock = Arc::new(FixedClock::at(start + skew));
            Device {
                store: team_store(clock.clone()),
                clock,
                away: 0,
            }
        })
        .collect();
    let team = devices[0].store.add_team("Sample House").unwrap().id;
    let mut links = Vec::new();
    for (i, d) in devices.iter_mut().enumerate() {
        let token = db
            .issue_token((i > 0).then_some(team.as_uuid()))
            .await
            .unwrap();
        links.push(
            join(&mut d.store, &hub, "direct", team, &token, &key)
                .await
                .unwrap(),
        );
    }
    // The first device's team must reach the others before they can write in it.
    for (d, link) in devices.iter_mut().zip(&links) {
        sync_team(&mut d.store, link, &hub).await.unwrap();
    }
    *on.lock().unwrap() = true;
    // One device goes away for 60 days partway.
    let leaver = rng.below(n as u64) as usize;
    let steps = 60 + rng.below(40);
    for step in 0..steps {
        for d in devices.iter() {
            d.clock.advance(Duration::minutes(rng.below(90) as i64));
        }
        if step == steps / 3 {
            devices[leaver].away = 30;
        }
        let i = rng.below(n as u64) as usize;
        let d = &mut devices[i];
        match rng.below(10) {
            0..=3 => {
                let name = format!("Sample Child {seed:x}-{step}");
                d.store
                    .add_child_to(Some(team), &child(&name, rng.chance(50)), None)
                    .unwrap();
            }
            4..=5 => {
                // Edit a child this device holds: the same fields, concurrently elsewhere.
                let children = d.store.children().unwrap();
                if !children.is_empty() {
                    let c = &children[rng.below(children.len() as u64) as usize];
                    let input = ChildInput {
                        name_latin: format!("Sample Renamed {}", rng.below(5)),
                        date_of_birth: c.details.date_of_birth.to_string(),
                        languages: c.details.languages.join(", "),
                        unaccompanied: c.details.unaccompanied,
                        suspected_trafficked: true,
                        ..Default::default()
                    };
                    d.store.update_child(c.id, &input, "").unwrap();
                }
            }
            _ if d.away > 0 => {}
            _ => {
                if let Err(e) = sync_team(&mut d.store, &links[i], &hub).await {
                    assert!(ok_under_faults(&e), "seed {seed}: {e:?}");
                }
            }
        }
        // While a device is away, each step is two days for everyone: 60 days and more in all.
        if devices.iter().any(|d| d.away > 0) {
            for d in devices.iter_mut() {
                d.clock.advance(Duration::days(2));
                d.away = d.away.saturating_sub(1);
            }
        }
    }
    // The network heals: everyone syncs until quiet.
    *on.lock().unwrap() = false;
    for _ in 0..2 {
        for (d, link) in devices.iter_mut().zip(&links) {
            sync_team(&mut d.store, link, &hub).await.unwrap();
        }
    }
    let ops = |s: &Store| {
        s.ops()
            .unwrap()
            .into_iter()
            .map(|o| o.op_id)
            .collect::<BTreeSet<_>>()
    };
    let mut all = BTreeSet::new();
    for d in &devices {
        all.extend(ops(&d.store));
    }
    let first = devices[0].store.children().unwrap();
    for (i, d) in devices.iter().enumerate() {
        assert_eq!(ops(&d.store), all, "seed {seed}: device {i} lacks ops");
        assert_eq!(
            d.store.children().unwrap(),
            first,
            "seed {seed}: device {i} differs"
        );
        assert!(
            d.store.arrivals().unwrap().is_empty(),
            "seed {seed}: device {i} held ops"
        );
        assert_eq!(
            d.store.sync_heads(team).unwrap(),
            devices[0].store.sync_heads(team).unwrap()
        );
    }
}

/// Prints the seed of a run that panics.
struct Seed(u64);

impl Drop for Seed {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("simulation failed: replay with HARBOUR_SIM_SEED={}", self.0);
        }
    }
}

#[tokio::test]
async fn devices_converge_through_a_faulty_hub() {
    let seeds: Vec<u64> = match std::env::var("HARBOUR_SIM_SEED") {
        Ok(s) => vec![s.parse().expect("HARBOUR_SIM_SEED is a number")],
        Err(_) => {
            let runs: u64 = std::env::var("HARBOUR_SIM_RUNS")
                .ok()
                .and_then(|r| r.parse().ok())
                .unwrap_or(40);
            let base = 0x5eed_0000u64;
            (0..runs).map(|i| base + i).collect()
        }
    };
    let started = std::time::Instant::now();
    for seed in &seeds {
        let _guard = Seed(*seed);
        run(*seed).await;
    }
    eprintln!(
        "{} seeded runs in {:.1} s",
        seeds.len(),
        started.elapsed().as_secs_f64()
    );
}
