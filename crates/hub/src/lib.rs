//! `harbour-hub`: keeps the sealed ops of every team's devices and passes them between them
//! (DESIGN.md, "Sync"). It never holds a team key: it sees which device wrote the n-th record of
//! a team, how long it is once padded, and nothing else. All its state is in its database: SQLite
//! (one file) for a home, PostgreSQL for a local authority or a provider with many homes.

pub mod db;
pub mod http;
pub mod postgres;
pub mod rules;
pub mod sqlite;
pub mod tls;

pub use db::{Enrolled, HubDb, Refusal};
pub use postgres::PostgresHub;
pub use sqlite::SqliteHub;

/// Serves `db` on `listener` until the future `stop` ends.
pub async fn serve<D: HubDb>(
    db: D,
    listener: tokio::net::TcpListener,
    quiet: bool,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, http::router(db, quiet))
        .with_graceful_shutdown(stop)
        .await
}
