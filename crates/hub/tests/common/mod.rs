//! What the hub's tests share: a hub on loopback, test devices, children.

#![allow(dead_code)]

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use harbour_core::{ChildInput, FixedClock, TeamId};
use harbour_hub::{HubDb, PostgresHub, SqliteHub};
use harbour_store::testing::team_store;
use harbour_store::{Store, SyncLink};
use harbour_sync::client::{join, HubError, SyncError};
use harbour_sync::http::HttpHub;
use harbour_sync::TeamKey;

pub struct Running<D> {
    pub address: String,
    pub db: D,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    done: tokio::task::JoinHandle<()>,
}

impl<D: HubDb> Running<D> {
    pub async fn start(db: D) -> Running<D> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = format!("http://{}", listener.local_addr().unwrap());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let served = db.clone();
        let done = tokio::spawn(async move {
            harbour_hub::serve(served, listener, true, async {
                let _ = stopped.await;
            })
            .await
            .unwrap();
        });
        Running {
            address,
            db,
            stop: Some(stop),
            done,
        }
    }

    pub fn hub(&self) -> HttpHub {
        HttpHub::new(&self.address).unwrap()
    }

    pub async fn stop(mut self) {
        let _ = self.stop.take().unwrap().send(());
        self.done.await.unwrap();
    }
}

pub fn device() -> Store {
    let clock = Arc::new(FixedClock::at(
        Utc.with_ymd_and_hms(2026, 12, 3, 2, 0, 0).unwrap(),
    ));
    team_store(clock)
}

pub fn child(name: &str, trafficked: bool) -> ChildInput {
    ChildInput {
        name_latin: name.into(),
        date_of_birth: "2010-05-14".into(),
        unaccompanied: true,
        suspected_trafficked: trafficked,
        ..Default::default()
    }
}

pub fn names(store: &Store) -> Vec<String> {
    let mut n: Vec<String> = store
        .children()
        .unwrap()
        .into_iter()
        .map(|c| c.details.name_latin)
        .collect();
    n.sort();
    n
}

pub async fn enrol<D: HubDb>(
    running: &Running<D>,
    store: &mut Store,
    team: TeamId,
    key: &TeamKey,
    new: bool,
) -> SyncLink {
    let token = running
        .db
        .issue_token((!new).then_some(team.as_uuid()))
        .await
        .unwrap();
    join(store, &running.hub(), &running.address, team, &token, key)
        .await
        .unwrap()
}

pub fn refused_code(e: &SyncError) -> Option<&str> {
    match e {
        SyncError::Hub(HubError::Refused { code, .. }) => Some(code),
        _ => None,
    }
}

/// The hub without the network: each call goes straight to its database, as the HTTP layer
/// would make it (the device token checked first).
#[derive(Clone, Debug)]
pub struct Direct<D>(pub D);

fn refused(r: harbour_hub::Refusal) -> HubError {
    HubError::Refused {
        status: r.status,
        code: r.code.to_owned(),
    }
}

impl<D: HubDb> harbour_sync::client::Hub for Direct<D> {
    async fn join(
        &self,
        r: &harbour_sync::wire::JoinRequest,
    ) -> Result<harbour_sync::wire::JoinResponse, HubError> {
        self.0.join(r.clone()).await.map_err(refused)
    }
    async fn status(&self, t: &str) -> Result<harbour_sync::wire::StatusResponse, HubError> {
        let d = self.0.enrolled(t).await.map_err(refused)?;
        self.0.status(d.team).await.map_err(refused)
    }
    async fn upload(
        &self,
        t: &str,
        r: &harbour_sync::wire::UploadRequest,
    ) -> Result<harbour_sync::wire::UploadResponse, HubError> {
        let d = self.0.enrolled(t).await.map_err(refused)?;
        self.0.upload(d.team, r.clone()).await.map_err(refused)
    }
    async fn download(
        &self,
        t: &str,
        r: &harbour_sync::wire::DownloadRequest,
    ) -> Result<harbour_sync::wire::DownloadResponse, HubError> {
        let d = self.0.enrolled(t).await.map_err(refused)?;
        self.0.download(d.team, r.clone()).await.map_err(refused)
    }
}

/// Where a hub keeps its data, for a test that also puts it back from an old copy (as an
/// administrator restoring a backup would).
pub trait Place {
    type Db: HubDb;
    fn open(&self) -> impl std::future::Future<Output = Self::Db>;
    /// Keeps a copy of the database as it is now. The hub is stopped and its `Db` dropped.
    fn keep_copy(&self) -> impl std::future::Future<Output = ()>;
    /// Puts the kept copy back in the database's place. The hub is stopped and its `Db`
    /// dropped.
    fn put_back(&self) -> impl std::future::Future<Output = ()>;
}

/// A hub's SQLite file.
pub struct SqliteFile(pub std::path::PathBuf);

impl Place for SqliteFile {
    type Db = SqliteHub;
    async fn open(&self) -> SqliteHub {
        SqliteHub::open(&self.0).unwrap()
    }
    async fn keep_copy(&self) {
        // Closed cleanly, the write-ahead log is folded into the file.
        std::fs::copy(&self.0, self.0.with_extension("old")).unwrap();
    }
    async fn put_back(&self) {
        for ext in ["db-wal", "db-shm"] {
            let _ = std::fs::remove_file(self.0.with_extension(ext));
        }
        std::fs::copy(self.0.with_extension("old"), &self.0).unwrap();
    }
}

/// The private PostgreSQL server the test run started (`cargo xtask test` sets
/// `HARBOUR_TEST_POSTGRES`), or `None` when run without it, say by `cargo test` alone. In CI
/// its absence is a failure, not a skip.
pub fn postgres_server() -> Option<String> {
    match std::env::var("HARBOUR_TEST_POSTGRES") {
        Ok(url) => Some(url),
        Err(_) if std::env::var_os("CI").is_some() => {
            panic!("HARBOUR_TEST_POSTGRES is not set: CI runs the hub's tests on PostgreSQL too")
        }
        Err(_) => {
            eprintln!(
                "skipping the PostgreSQL half: HARBOUR_TEST_POSTGRES is not set \
                 (`cargo xtask test` starts a private server and sets it)"
            );
            None
        }
    }
}

/// Runs one statement on the server's own database.
async fn admin(server: &str, sql: &str) {
    try_admin(server, sql).await.unwrap()
}

async fn try_admin(server: &str, sql: &str) -> Result<(), tokio_postgres::Error> {
    let (client, connection) = tokio_postgres::connect(server, tokio_postgres::NoTls).await?;
    let conn = tokio::spawn(connection);
    let done = client.batch_execute(sql).await;
    drop(client);
    let _ = conn.await;
    done
}

/// A new, empty database of its own on the test server.
pub struct PgDatabase {
    server: String,
    pub name: String,
}

impl PgDatabase {
    pub async fn new(server: &str) -> PgDatabase {
        let name = format!("hub_{}", uuid::Uuid::now_v7().simple());
        admin(server, &format!("CREATE DATABASE {name}")).await;
        PgDatabase {
            server: server.to_owned(),
            name,
        }
    }

    /// libpq's key=value form: the later `dbname` wins.
    pub fn url(&self) -> String {
        format!("{} dbname={}", self.server, self.name)
    }
}

impl Place for PgDatabase {
    type Db = PostgresHub;
    async fn open(&self) -> PostgresHub {
        PostgresHub::connect(&self.url()).await.unwrap()
    }
    async fn keep_copy(&self) {
        let n = &self.name;
        // The stopped hub's connections close a moment after it is dropped; a copy can only
        // be made once none is left.
        let sql = format!("CREATE DATABASE {n}_old TEMPLATE {n}");
        for _ in 0..100 {
            if try_admin(&self.server, &sql).await.is_ok() {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        admin(&self.server, &sql).await;
    }
    async fn put_back(&self) {
        let n = &self.name;
        admin(&self.server, &format!("DROP DATABASE {n} WITH (FORCE)")).await;
        admin(
            &self.server,
            &format!("ALTER DATABASE {n}_old RENAME TO {n}"),
        )
        .await;
    }
}

/// Syncs every team the store has joined with the hub on SQLite.
pub async fn sync_all(store: &mut Store, running: &Running<SqliteHub>) {
    for link in store.sync_links().unwrap() {
        harbour_sync::client::sync_team(store, &link, &running.hub())
            .await
            .unwrap();
    }
}

/// A provider's office that holds two homes' teams, each enrolled on the hub with its own key:
/// the office, the two teams, and their keys.
pub async fn office_of_two_homes(
    running: &Running<SqliteHub>,
) -> (Store, (TeamId, TeamKey), (TeamId, TeamKey)) {
    let (key_a, key_b) = (TeamKey::random(), TeamKey::random());
    let mut office = device();
    let house = office.add_team("Sample House").unwrap().id;
    let lodge = office.add_team("Sample Lodge").unwrap().id;
    enrol(running, &mut office, house, &key_a, true).await;
    enrol(running, &mut office, lodge, &key_b, true).await;
    (office, (house, key_a), (lodge, key_b))
}
