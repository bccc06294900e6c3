//! The hub over HTTPS (rustls on ring). The administrator gives a certificate and its key
//! (PEM), or the hub makes a self-signed one once and keeps it; devices then trust it by its
//! SHA-256 fingerprint, which the hub prints and invitations carry.

use std::path::Path;
use std::sync::Arc;

use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::ServerConfig;
use sha2::{Digest, Sha256};

use crate::db::HubDb;

/// A certificate and key, read and ready to serve with.
#[derive(Debug)]
pub struct Tls {
    pub config: Arc<ServerConfig>,
    /// SHA-256 of the certificate the hub shows (the first of the chain).
    pub fingerprint: [u8; 32],
}

/// Makes a self-signed certificate for `names` (host names or addresses) and writes it and
/// its key, the key readable by its owner only. Files already there are left as they are.
pub fn make_self_signed(cert: &Path, key: &Path, names: &[String]) -> Result<bool, String> {
    if cert.exists() && key.exists() {
        return Ok(false);
    }
    let made = rcgen::generate_simple_self_signed(names.to_vec())
        .map_err(|e| format!("cannot make a certificate: {e}"))?;
    write_private(key, made.signing_key.serialize_pem().as_bytes())?;
    std::fs::write(cert, made.cert.pem())
        .map_err(|e| format!("cannot write {}: {e}", cert.display()))?;
    Ok(true)
}

fn write_private(path: &Path, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    file.write_all(bytes)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Reads a certificate chain and its key (PEM).
pub fn load(cert: &Path, key: &Path) -> Result<Tls, String> {
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(cert)
        .map_err(|e| format!("cannot read the certificate {}: {e}", cert.display()))?
        .collect::<Result<_, _>>()
        .map_err(|e| format!("cannot read the certificate {}: {e}", cert.display()))?;
    let first = chain
        .first()
        .ok_or_else(|| format!("{} holds no certificate", cert.display()))?;
    let fingerprint: [u8; 32] = Sha256::digest(first).into();
    let key = PrivateKeyDer::from_pem_file(key)
        .map_err(|e| format!("cannot read the key {}: {e}", key.display()))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .map_err(|e| format!("the certificate and key do not go together: {e}"))?;
    Ok(Tls {
        config: Arc::new(config),
        fingerprint,
    })
}

/// The fingerprint as people read it: hex pairs.
pub fn show(fingerprint: &[u8; 32]) -> String {
    hex::encode(fingerprint)
}

/// Serves `db` over HTTPS on `listener` until `stop` ends. A connection that fails its
/// handshake is dropped on its own; the others go on.
pub async fn serve<D: HubDb>(
    db: D,
    listener: tokio::net::TcpListener,
    tls: &Tls,
    quiet: bool,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let acceptor = tokio_rustls::TlsAcceptor::from(tls.config.clone());
    let router = crate::http::router(db, quiet);
    tokio::pin!(stop);
    loop {
        let (tcp, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                // Out of file handles and the like: wait a moment rather than spin.
                Err(_) => {
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut stop => return Ok(()),
        };
        let acceptor = acceptor.clone();
        let service = TowerToHyperService::new(router.clone());
        tokio::spawn(async move {
            let Ok(Ok(stream)) =
                tokio::time::timeout(std::time::Duration::from_secs(10), acceptor.accept(tcp))
                    .await
            else {
                return;
            };
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}
