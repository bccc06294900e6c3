//! The hub over HTTP.

use std::time::Duration;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::client::{Hub, HubError};
use crate::wire::{
    self, DownloadRequest, DownloadResponse, JoinRequest, JoinResponse, StatusResponse,
    UploadRequest, UploadResponse, WireError,
};

/// A hub at an address such as `https://hub.example.org:8470` (or `http://` on loopback).
#[derive(Clone, Debug)]
pub struct HttpHub {
    base: String,
    http: reqwest::Client,
}

impl HttpHub {
    /// A hub whose certificate (over `https://`) is checked against the system's roots.
    pub fn new(base: &str) -> Result<Self, HubError> {
        Self::pinned(base, None)
    }

    /// A hub whose certificate must be the one with this fingerprint (one the hub made
    /// itself); with `None`, as [`HttpHub::new`].
    pub fn pinned(base: &str, fingerprint: Option<[u8; 32]>) -> Result<Self, HubError> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(60))
            .use_preconfigured_tls(crate::tls::client_config(fingerprint))
            .build()
            .map_err(|e| HubError::Unreachable(e.to_string()))?;
        Ok(Self {
            base: base.trim_end_matches('/').to_owned(),
            http,
        })
    }

    async fn post<T: DeserializeOwned>(
        &self,
        path: &str,
        token: Option<&str>,
        body: Vec<u8>,
    ) -> Result<T, HubError> {
        let mut request = self
            .http
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/octet-stream")
            .body(body);
        if let Some(token) = token {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        let answer = request.send().await.map_err(|e| sent_nothing(&e))?;
        let status = answer.status().as_u16();
        let bytes = answer
            .bytes()
            .await
            .map_err(|e| HubError::Unreachable(e.to_string()))?;
        if status != 200 {
            let code = serde_json::from_slice::<WireError>(&bytes)
                .map(|e| e.code)
                .unwrap_or_else(|_| match status {
                    413 => wire::codes::TOO_LARGE.to_owned(),
                    _ => format!("http_{status}"),
                });
            return Err(HubError::Refused { status, code });
        }
        wire::decode(&bytes).map_err(|_| HubError::Malformed)
    }
}

/// Why a request got no answer: a certificate that is not the pinned one is said as such.
fn sent_nothing(e: &reqwest::Error) -> HubError {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    let mut words = Vec::new();
    while let Some(s) = source {
        words.push(s.to_string());
        source = s.source();
    }
    let words = words.join(": ");
    if words.contains(crate::tls::NOT_THE_PINNED) {
        HubError::WrongCertificate
    } else {
        HubError::Unreachable(words)
    }
}

fn body<T: Serialize>(value: &T) -> Vec<u8> {
    wire::encode(value)
}

impl Hub for HttpHub {
    async fn join(&self, request: &JoinRequest) -> Result<JoinResponse, HubError> {
        self.post("/v1/join", None, body(request)).await
    }

    async fn status(&self, token: &str) -> Result<StatusResponse, HubError> {
        self.post("/v1/status", Some(token), Vec::new()).await
    }

    async fn upload(
        &self,
        token: &str,
        request: &UploadRequest,
    ) -> Result<UploadResponse, HubError> {
        self.post("/v1/upload", Some(token), body(request)).await
    }

    async fn download(
        &self,
        token: &str,
        request: &DownloadRequest,
    ) -> Result<DownloadResponse, HubError> {
        self.post("/v1/download", Some(token), body(request)).await
    }
}
