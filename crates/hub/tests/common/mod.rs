//! What the hub's tests share: a hub on loopback, test devices, children.

#![allow(dead_code)]

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use harbour_core::{ChildInput, FixedClock, TeamId};
use harbour_hub::{HubDb, SqliteHub};
use harbour_store::testing::team_store;
use harbour_store::{Store, SyncLink};
use harbour_sync::client::{join, HubError, SyncError};
use harbour_sync::http::HttpHub;
use harbour_sync::TeamKey;

pub struct Running {
    pub address: String,
    pub db: SqliteHub,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    done: tokio::task::JoinHandle<()>,
}

impl Running {
    pub async fn start(db: SqliteHub) -> Running {
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

pub async fn enrol(
    running: &Running,
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
pub struct Direct(pub SqliteHub);

fn refused(r: harbour_hub::Refusal) -> HubError {
    HubError::Refused {
        status: r.status,
        code: r.code.to_owned(),
    }
}

impl harbour_sync::client::Hub for Direct {
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
