//! The hub's HTTP layer, the same over every database: decode, check the device token, call
//! the database, encode. Every refusal is a 4xx with a JSON body `{code, message}`; bodies are
//! capped; each device token gets a bucket of requests; one log line per request, with the
//! route, the status and the time taken — never a token, a payload or a name.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use harbour_sync::wire::{self, codes, WireError, MAX_BODY};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::db::{token_hash, Enrolled, HubDb, Refusal};

/// Requests per device token: a burst of this many, refilled at [`RATE_PER_SECOND`].
pub const RATE_BURST: f64 = 600.0;
pub const RATE_PER_SECOND: f64 = 100.0;

/// Per device token (by its hash): the requests left and when it was last filled.
type Buckets = Arc<Mutex<HashMap<[u8; 32], (f64, Instant)>>>;

#[derive(Clone, Debug)]
struct Hub<D> {
    db: D,
    buckets: Buckets,
    quiet: bool,
}

/// The hub's routes over `db`. `quiet` leaves out the request log (tests, benchmarks).
pub fn router<D: HubDb>(db: D, quiet: bool) -> Router {
    let hub = Hub {
        db,
        buckets: Arc::new(Mutex::new(HashMap::new())),
        quiet,
    };
    Router::new()
        .route("/v1/health", get(health))
        .route("/v1/join", post(join::<D>))
        .route("/v1/status", post(status::<D>))
        .route("/v1/upload", post(upload::<D>))
        .route("/v1/download", post(download::<D>))
        .fallback(|| async {
            refusal(Refusal::new(
                404,
                codes::NOT_FOUND,
                "no such path on this hub",
            ))
        })
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(hub)
}

async fn health() -> &'static str {
    "harbour-hub\n"
}

fn refusal(r: Refusal) -> Response {
    let status = StatusCode::from_u16(r.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(&WireError {
        code: r.code.to_owned(),
        message: r.message,
    })
    .unwrap_or_default();
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

fn ok<T: Serialize>(value: &T) -> Response {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/octet-stream")],
        wire::encode(value),
    )
        .into_response()
}

fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, Refusal> {
    wire::decode(body).map_err(|_| {
        Refusal::new(
            400,
            codes::MALFORMED,
            "the request is not one this hub understands",
        )
    })
}

fn log(quiet: bool, route: &str, started: Instant, result: &Result<Response, Refusal>) {
    if quiet {
        return;
    }
    let (status, code) = match result {
        Ok(_) => (200, ""),
        Err(r) => (r.status, r.code),
    };
    let line = serde_json::json!({
        "at": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "route": route,
        "status": status,
        "code": code,
        "ms": started.elapsed().as_secs_f64() * 1000.0,
    });
    eprintln!("{line}");
}

impl<D: HubDb> Hub<D> {
    /// The device the request's bearer token belongs to, within its rate.
    async fn device(&self, headers: &HeaderMap) -> Result<Enrolled, Refusal> {
        let token = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| {
                Refusal::new(401, codes::NO_TOKEN, "the request carries no device token")
            })?;
        self.take_one(token_hash(token))?;
        self.db.enrolled(token).await
    }

    fn take_one(&self, key: [u8; 32]) -> Result<(), Refusal> {
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        if buckets.len() > 100_000 {
            buckets.retain(|_, (_, at)| now.duration_since(*at) < Duration::from_secs(60));
        }
        let (tokens, at) = buckets.entry(key).or_insert((RATE_BURST, now));
        *tokens =
            (*tokens + now.duration_since(*at).as_secs_f64() * RATE_PER_SECOND).min(RATE_BURST);
        *at = now;
        if *tokens < 1.0 {
            return Err(Refusal::new(
                429,
                codes::RATE_LIMITED,
                "too many requests from this device: try again in a moment",
            ));
        }
        *tokens -= 1.0;
        Ok(())
    }
}

async fn run<D, F>(hub: &Hub<D>, route: &str, f: F) -> Response
where
    D: HubDb,
    F: std::future::Future<Output = Result<Response, Refusal>>,
{
    let started = Instant::now();
    let result = f.await;
    log(hub.quiet, route, started, &result);
    result.unwrap_or_else(refusal)
}

async fn join<D: HubDb>(State(hub): State<Hub<D>>, body: Bytes) -> Response {
    run(&hub, "join", async {
        let request = parse(&body)?;
        hub.take_one(token_hash("join"))?;
        Ok(ok(&hub.db.join(request).await?))
    })
    .await
}

async fn status<D: HubDb>(State(hub): State<Hub<D>>, headers: HeaderMap) -> Response {
    run(&hub, "status", async {
        let device = hub.device(&headers).await?;
        Ok(ok(&hub.db.status(device.team).await?))
    })
    .await
}

async fn upload<D: HubDb>(State(hub): State<Hub<D>>, headers: HeaderMap, body: Bytes) -> Response {
    run(&hub, "upload", async {
        let device = hub.device(&headers).await?;
        let request = parse(&body)?;
        Ok(ok(&hub.db.upload(device.team, request).await?))
    })
    .await
}

async fn download<D: HubDb>(
    State(hub): State<Hub<D>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    run(&hub, "download", async {
        let device = hub.device(&headers).await?;
        let request = parse(&body)?;
        Ok(ok(&hub.db.download(device.team, request).await?))
    })
    .await
}
