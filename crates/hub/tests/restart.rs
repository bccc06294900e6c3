//! The real `harbour-hub` process killed (SIGKILL, no chance to tidy up) in the middle of a
//! device's upload and another's download, then started again on the same database, on
//! SQLite and on PostgreSQL: nothing acknowledged is lost, nothing is kept twice, and both
//! devices end with the same records.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use common::{child, device, names, PgDatabase, Place, SqliteFile};
use harbour_hub::HubDb;
use harbour_sync::client::{join, sync_team_paged, Hub, HubError};
use harbour_sync::http::HttpHub;
use harbour_sync::wire::{
    DownloadRequest, DownloadResponse, JoinRequest, JoinResponse, Paging, StatusResponse,
    UploadRequest, UploadResponse,
};
use harbour_sync::TeamKey;

const CHILDREN: usize = 120;
const PAGING: Paging = Paging {
    ops: 8,
    bytes: usize::MAX,
};

/// `harbour-hub token …`, as an administrator would run it.
fn token(db: &str, team: Option<uuid::Uuid>) -> String {
    let mut c = Command::new(env!("CARGO_BIN_EXE_harbour-hub"));
    c.arg("token");
    match team {
        Some(t) => c.args(["--team", &t.to_string()]),
        None => c.arg("--new-team"),
    };
    let out = c.args(["--db", db]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// A hub process on a port of its own; its address read from the line it prints.
struct Process {
    child: Child,
    address: String,
}

impl Process {
    fn start(db: &str) -> Process {
        let mut child = Command::new(env!("CARGO_BIN_EXE_harbour-hub"))
            .args(["serve", "--db", db, "--listen", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let address = line
            .trim()
            .rsplit(' ')
            .next()
            .filter(|a| a.starts_with("http://"))
            .unwrap_or_else(|| panic!("harbour-hub said {line:?}"))
            .to_owned();
        Process { child, address }
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Passes requests to the hub, and at the `at`-th one kills the hub's process a moment after
/// sending it: before it answers, perhaps before it commits, perhaps after.
struct Killing {
    inner: HttpHub,
    pid: u32,
    at: usize,
    delay: Duration,
    seen: AtomicUsize,
}

impl Killing {
    fn maybe_kill(&self) {
        if self.seen.fetch_add(1, Ordering::SeqCst) + 1 == self.at {
            let (pid, delay) = (self.pid.to_string(), self.delay);
            std::thread::spawn(move || {
                std::thread::sleep(delay);
                let _ = Command::new("kill").args(["-KILL", &pid]).status();
            });
        }
    }
}

impl Hub for Killing {
    async fn join(&self, r: &JoinRequest) -> Result<JoinResponse, HubError> {
        self.inner.join(r).await
    }
    async fn status(&self, t: &str) -> Result<StatusResponse, HubError> {
        self.inner.status(t).await
    }
    async fn upload(&self, t: &str, r: &UploadRequest) -> Result<UploadResponse, HubError> {
        self.maybe_kill();
        self.inner.upload(t, r).await
    }
    async fn download(&self, t: &str, r: &DownloadRequest) -> Result<DownloadResponse, HubError> {
        self.maybe_kill();
        self.inner.download(t, r).await
    }
}

/// Syncs `store` until a round completes, killing the hub once in each of the first rounds
/// (at the request and after the delay given) and starting it again. Returns how many rounds
/// were cut short.
async fn sync_through_kills(
    db: &str,
    store: &mut harbour_store::Store,
    kills: &[(usize, u64)],
) -> usize {
    let link = store.sync_links().unwrap().remove(0);
    let mut cut = 0;
    for round in 0.. {
        let process = Process::start(db);
        let (at, delay) = kills.get(round).copied().unwrap_or((usize::MAX, 0));
        let hub = Killing {
            inner: HttpHub::new(&process.address).unwrap(),
            pid: process.child.id(),
            at,
            delay: Duration::from_millis(delay),
            seen: AtomicUsize::new(0),
        };
        match sync_team_paged(store, &link, &hub, PAGING).await {
            Ok(_) if round >= kills.len() => return cut,
            Ok(_) => {}
            Err(e) => {
                assert!(
                    matches!(
                        e,
                        harbour_sync::client::SyncError::Hub(HubError::Unreachable(_))
                    ),
                    "a killed hub only ever looks unreachable: {e:?}"
                );
                cut += 1;
            }
        }
        drop(process);
        assert!(round < 50, "never finished");
    }
    unreachable!()
}

async fn killed_mid_sync(db: &str, place: impl Place) {
    let key = TeamKey::random();
    let (mut a, mut b) = (device(), device());
    let team = a.add_team("Sample House").unwrap().id;
    let t = team.as_uuid();
    for i in 0..CHILDREN {
        a.add_child_to(
            Some(team),
            &child(&format!("Sample Child {i:03}"), i % 3 == 0),
            None,
        )
        .unwrap();
    }
    {
        let process = Process::start(db);
        let hub = HttpHub::new(&process.address).unwrap();
        join(&mut a, &hub, &process.address, team, &token(db, None), &key)
            .await
            .unwrap();
        join(
            &mut b,
            &hub,
            &process.address,
            team,
            &token(db, Some(t)),
            &key,
        )
        .await
        .unwrap();
    }
    // Killed during A's upload at the 2nd, 5th and 9th page, 0–3 ms after sending.
    let cut = sync_through_kills(db, &mut a, &[(2, 0), (5, 1), (9, 3)]).await;
    assert!(cut >= 2, "the hub was killed mid-upload ({cut} rounds cut)");
    // Then during B's download.
    let cut = sync_through_kills(db, &mut b, &[(3, 0), (6, 2)]).await;
    assert!(
        cut >= 1,
        "the hub was killed mid-download ({cut} rounds cut)"
    );

    // What the hub's database holds once the last process is gone.
    let check = place.open().await;
    let ops = CHILDREN + 2;
    let status = check.status(t).await.unwrap();
    assert_eq!(status.heads.len(), 1);
    assert_eq!(
        status.heads[0].seq,
        ops as i64 - 1,
        "every op once, in one run"
    );
    let held = check
        .download(
            t,
            DownloadRequest {
                device: a.device_id().as_uuid(),
                after: -1,
                max_ops: 1000,
                max_bytes: 1 << 22,
            },
        )
        .await
        .unwrap();
    assert_eq!(held.slots.len(), ops, "nothing kept twice, nothing lost");
    assert_eq!(b.children().unwrap().len(), CHILDREN);
    assert_eq!(names(&a), names(&b));
    assert_eq!(b.sync_heads(team).unwrap(), a.sync_heads(team).unwrap());
}

#[tokio::test]
async fn a_hub_on_sqlite_killed_mid_sync_loses_and_doubles_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hub.db");
    let db = format!("sqlite://{}", path.display());
    killed_mid_sync(&db, SqliteFile(path)).await;
}

#[tokio::test]
async fn a_hub_on_postgresql_killed_mid_sync_loses_and_doubles_nothing() {
    if let Some(server) = common::postgres_server() {
        let place = PgDatabase::new(&server).await;
        killed_mid_sync(&place.url(), place).await;
    }
}
