//! Bad requests get a clear 4xx with a code, never a 5xx or a panic, and leave nothing stored.

mod common;

use common::{child, device, enrol, PgDatabase, Place, Running};
use harbour_hub::{HubDb, SqliteHub};
use harbour_sync::client::sync_team;
use harbour_sync::wire::{self, DownloadRequest, SeriesPage, UploadRequest, WireError, WireSlot};
use harbour_sync::TeamKey;

/// What is sent (what it is, the path, the device token, the body) and the refusal expected
/// (the status and the code).
type Case<'a> = (&'a str, &'a str, Option<&'a str>, Vec<u8>, u16, &'a str);

async fn post(address: &str, path: &str, token: Option<&str>, body: Vec<u8>) -> (u16, String) {
    // Harbour's TLS settings (rustls on ring), as the app's own client has them.
    let mut r = reqwest::Client::builder()
        .use_preconfigured_tls(harbour_sync::tls::client_config(None))
        .build()
        .unwrap()
        .post(format!("{address}{path}"))
        .body(body);
    if let Some(t) = token {
        r = r.header("authorization", format!("Bearer {t}"));
    }
    let answer = r.send().await.unwrap();
    let status = answer.status().as_u16();
    let bytes = answer.bytes().await.unwrap();
    let code = serde_json::from_slice::<WireError>(&bytes)
        .map(|e| e.code)
        .unwrap_or_default();
    (status, code)
}

#[tokio::test]
async fn bad_requests_are_refused_clearly_and_store_nothing_on_sqlite() {
    bad_requests(SqliteHub::in_memory().unwrap()).await;
}

#[tokio::test]
async fn bad_requests_are_refused_clearly_and_store_nothing_on_postgresql() {
    if let Some(server) = common::postgres_server() {
        bad_requests(PgDatabase::new(&server).await.open().await).await;
    }
}

async fn bad_requests(db: impl HubDb) {
    let running = Running::start(db).await;
    let at = running.address.as_str();
    let key = TeamKey::random();
    let mut a = device();
    let team = a.add_team("Sample House").unwrap().id;
    let link = enrol(&running, &mut a, team, &key, true).await;
    a.add_child_to(Some(team), &child("Sample Amanuel", true), None)
        .unwrap();
    sync_team(&mut a, &link, &running.hub()).await.unwrap();
    let token = link.device_token.as_str();
    let before = running.db.status(team.as_uuid()).await.unwrap();
    let me = a.device_id().as_uuid();
    let slot = |seq: i64| WireSlot {
        seq,
        op_tag: [seq as u8; 32],
        sealed: vec![1; 40],
    };
    let upload = |key_id: String, after_chain, slots| {
        wire::encode(&UploadRequest {
            key_id,
            pages: vec![SeriesPage {
                device: me,
                after_chain,
                slots,
            }],
        })
    };
    let head = before.heads[0];
    let cases: Vec<Case> = vec![
        (
            "garbage join",
            "/v1/join",
            None,
            b"\xff\xff\xff".to_vec(),
            400,
            "malformed",
        ),
        (
            "trailing bytes",
            "/v1/download",
            Some(token),
            {
                let mut b = wire::encode(&DownloadRequest {
                    device: me,
                    after: -1,
                    max_ops: 10,
                    max_bytes: 1000,
                });
                b.push(0);
                b
            },
            400,
            "malformed",
        ),
        ("no token", "/v1/status", None, vec![], 401, "no_token"),
        (
            "wrong token",
            "/v1/status",
            Some("0123"),
            vec![],
            401,
            "bad_token",
        ),
        (
            "oversized",
            "/v1/upload",
            Some(token),
            vec![0; wire::MAX_BODY + 1],
            413,
            "",
        ),
        (
            "wrong key",
            "/v1/upload",
            Some(token),
            upload("00".repeat(16), head.chain, vec![slot(head.seq + 1)]),
            409,
            "wrong_key",
        ),
        (
            "a gap",
            "/v1/upload",
            Some(token),
            upload(key.key_id(), head.chain, vec![slot(head.seq + 2)]),
            409,
            "not_contiguous",
        ),
        (
            "another history",
            "/v1/upload",
            Some(token),
            upload(key.key_id(), [7; 32], vec![slot(head.seq + 1)]),
            409,
            "diverged",
        ),
        (
            "out of order",
            "/v1/upload",
            Some(token),
            upload(
                key.key_id(),
                head.chain,
                vec![slot(head.seq + 1), slot(head.seq + 3)],
            ),
            400,
            "malformed",
        ),
        (
            "below zero",
            "/v1/upload",
            Some(token),
            upload(key.key_id(), [0; 32], vec![slot(-1)]),
            400,
            "malformed",
        ),
        (
            "a fork",
            "/v1/upload",
            Some(token),
            upload(key.key_id(), [0; 32], vec![slot(0)]),
            409,
            "fork",
        ),
        (
            "past the end",
            "/v1/download",
            Some(token),
            wire::encode(&DownloadRequest {
                device: me,
                after: 99,
                max_ops: 10,
                max_bytes: 1000,
            }),
            404,
            "not_found",
        ),
        (
            "no such path",
            "/v2/status",
            Some(token),
            vec![],
            404,
            "not_found",
        ),
    ];
    for (what, path, tok, body, status, code) in cases {
        let got = post(at, path, tok, body).await;
        assert_eq!(got.0, status, "{what}");
        if !code.is_empty() {
            assert_eq!(got.1, code, "{what}");
        }
    }
    // A used join token, a token for another team, a new team over a known one.
    let once = running.db.issue_token(Some(team.as_uuid())).await.unwrap();
    let join = |token: &str, team: uuid::Uuid| {
        wire::encode(&wire::JoinRequest {
            token: token.into(),
            team,
            device: uuid::Uuid::now_v7(),
            key_id: key.key_id(),
            key_check: key.key_check(team),
        })
    };
    assert_eq!(
        post(at, "/v1/join", None, join(&once, team.as_uuid()))
            .await
            .0,
        200
    );
    assert_eq!(
        post(at, "/v1/join", None, join(&once, team.as_uuid())).await,
        (409, "token_used".into())
    );
    let other = running.db.issue_token(Some(team.as_uuid())).await.unwrap();
    assert_eq!(
        post(at, "/v1/join", None, join(&other, uuid::Uuid::now_v7())).await,
        (403, "wrong_team".into())
    );
    let fresh = running.db.issue_token(None).await.unwrap();
    assert_eq!(
        post(at, "/v1/join", None, join(&fresh, team.as_uuid())).await,
        (409, "wrong_team".into())
    );

    // Noise at every path: always a 4xx.
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for i in 0..300 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 200) as usize;
        let body: Vec<u8> = (0..len).map(|j| (seed >> (j % 56)) as u8).collect();
        let path = ["/v1/join", "/v1/status", "/v1/upload", "/v1/download"][i % 4];
        let (status, _) = post(at, path, Some(token), body).await;
        assert!(
            (400..500).contains(&status) || (status == 200 && path == "/v1/status"),
            "{path}: {status} (seed {seed})"
        );
    }
    assert_eq!(
        running.db.status(team.as_uuid()).await.unwrap(),
        before,
        "nothing stored"
    );
    running.stop().await;
}
