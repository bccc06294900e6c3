//! Page boundaries, where dense-index sync goes wrong: a series of 0, 1, page − 1, page,
//! page + 1 and several pages of ops goes up and comes down whole, in exactly as many pages as
//! it needs, with nothing sent twice and nothing skipped; a page cut by bytes still moves.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};

use common::{child, device, enrol, PgDatabase, Place, Running};
use harbour_hub::{HubDb, SqliteHub};
use harbour_sync::client::{sync_team_paged, Hub, HubError};
use harbour_sync::wire::{
    DownloadRequest, DownloadResponse, JoinRequest, JoinResponse, Paging, StatusResponse,
    UploadRequest, UploadResponse,
};
use harbour_sync::TeamKey;

/// Counts the pages that cross.
struct Counting<H> {
    inner: H,
    uploads: AtomicUsize,
    downloads: AtomicUsize,
}

impl<H: Hub + Sync> Hub for Counting<H> {
    async fn join(&self, r: &JoinRequest) -> Result<JoinResponse, HubError> {
        self.inner.join(r).await
    }
    async fn status(&self, t: &str) -> Result<StatusResponse, HubError> {
        self.inner.status(t).await
    }
    async fn upload(&self, t: &str, r: &UploadRequest) -> Result<UploadResponse, HubError> {
        self.uploads.fetch_add(1, Ordering::SeqCst);
        self.inner.upload(t, r).await
    }
    async fn download(&self, t: &str, r: &DownloadRequest) -> Result<DownloadResponse, HubError> {
        self.downloads.fetch_add(1, Ordering::SeqCst);
        self.inner.download(t, r).await
    }
}

const PAGE: usize = 4;

async fn round_trip(db: impl HubDb, children: usize) {
    let running = Running::start(db).await;
    let hub = Counting {
        inner: running.hub(),
        uploads: AtomicUsize::new(0),
        downloads: AtomicUsize::new(0),
    };
    let key = TeamKey::random();
    let (mut a, mut b) = (device(), device());
    let team = a.add_team("Sample House").unwrap().id;
    let link_a = enrol(&running, &mut a, team, &key, true).await;
    let link_b = enrol(&running, &mut b, team, &key, false).await;
    for i in 0..children {
        a.add_child_to(
            Some(team),
            &child(&format!("Sample Child {i}"), false),
            None,
        )
        .unwrap();
    }
    // The team's own two ops, then the children.
    let ops = children + 2;
    let pages = ops.div_ceil(PAGE);
    let paging = Paging {
        ops: PAGE,
        bytes: usize::MAX,
    };
    let up = sync_team_paged(&mut a, &link_a, &hub, paging)
        .await
        .unwrap();
    assert_eq!(up.uploaded, ops, "{children}: every op once");
    assert_eq!(
        hub.uploads.load(Ordering::SeqCst),
        pages,
        "{children}: upload pages"
    );
    let down = sync_team_paged(&mut b, &link_b, &hub, paging)
        .await
        .unwrap();
    assert_eq!(down.downloaded, ops, "{children}: every op once");
    assert_eq!(
        hub.downloads.load(Ordering::SeqCst),
        pages,
        "{children}: download pages"
    );
    assert_eq!(b.children().unwrap().len(), children);
    assert_eq!(b.sync_heads(team).unwrap(), a.sync_heads(team).unwrap());
    // Nothing left either way.
    for store in [&mut a, &mut b] {
        let link = store.sync_links().unwrap().remove(0);
        let again = sync_team_paged(store, &link, &hub, paging).await.unwrap();
        assert_eq!((again.uploaded, again.downloaded), (0, 0), "{children}");
    }
    assert_eq!(hub.uploads.load(Ordering::SeqCst), pages);
    assert_eq!(hub.downloads.load(Ordering::SeqCst), pages);
    running.stop().await;
}

/// Series of 2 (the team alone) to 3 pages + 1, through page − 1, page and page + 1.
async fn every_boundary(db: impl HubDb) {
    for children in [
        0,
        1,
        PAGE - 3,
        PAGE - 2,
        PAGE - 1,
        2 * PAGE - 2,
        2 * PAGE - 1,
        3 * PAGE - 1,
    ] {
        round_trip(db.clone(), children).await;
    }
}

#[tokio::test]
async fn a_series_crosses_whole_at_every_page_boundary_on_sqlite() {
    every_boundary(SqliteHub::in_memory().unwrap()).await;
}

#[tokio::test]
async fn a_series_crosses_whole_at_every_page_boundary_on_postgresql() {
    if let Some(server) = common::postgres_server() {
        every_boundary(PgDatabase::new(&server).await.open().await).await;
    }
}

#[tokio::test]
async fn pages_cut_by_bytes_still_carry_at_least_one_op() {
    let running = Running::start(SqliteHub::in_memory().unwrap()).await;
    let hub = running.hub();
    let key = TeamKey::random();
    let (mut a, mut b) = (device(), device());
    let team = a.add_team("Sample House").unwrap().id;
    let link_a = enrol(&running, &mut a, team, &key, true).await;
    let link_b = enrol(&running, &mut b, team, &key, false).await;
    for i in 0..5 {
        a.add_child_to(Some(team), &child(&format!("Sample Child {i}"), true), None)
            .unwrap();
    }
    // One byte a page: every page is one op, and all seven go.
    let tiny = Paging {
        ops: 1000,
        bytes: 1,
    };
    assert_eq!(
        sync_team_paged(&mut a, &link_a, &hub, tiny)
            .await
            .unwrap()
            .uploaded,
        7
    );
    assert_eq!(
        sync_team_paged(&mut b, &link_b, &hub, tiny)
            .await
            .unwrap()
            .downloaded,
        7
    );
    assert_eq!(b.children().unwrap().len(), 5);
    running.stop().await;
}
