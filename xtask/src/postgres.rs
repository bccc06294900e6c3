//! A private PostgreSQL server for the hub's tests and benchmarks: a fresh cluster under
//! `target/postgres`, listening only on a Unix socket in that folder (no TCP port, so it never
//! meets another server on the machine), stopped when the guard is dropped, pass or fail.
//!
//! PostgreSQL refuses to run as root; as root (CI), the cluster belongs to the `postgres`
//! user that Debian's package makes, and its commands run as that user.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::cmd::{self, cmd};

/// The socket's port number: it only names the socket file, as nothing listens on TCP.
const PORT: u16 = 5439;
/// The cluster's superuser; the tests make their own databases.
const USER: &str = "harbour";

#[derive(Debug)]
pub struct PrivatePostgres {
    bin: PathBuf,
    data: PathBuf,
    socket_dir: PathBuf,
    as_postgres: bool,
}

/// Where the server's files go.
pub fn dir() -> PathBuf {
    cmd::target_dir().join("postgres")
}

/// The newest installed server's programs (`/usr/lib/postgresql/N/bin`).
fn server_bin() -> Result<PathBuf, String> {
    let root = Path::new("/usr/lib/postgresql");
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir(root)
        .map_err(|e| {
            format!(
                "no PostgreSQL server in {} ({e}); run `cargo xtask setup`",
                root.display()
            )
        })?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("pg_ctl").is_file().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin).ok_or_else(|| {
        format!(
            "no PostgreSQL server in {}; run `cargo xtask setup`",
            root.display()
        )
    })
}

impl PrivatePostgres {
    /// Makes a new cluster under `dir` (emptied first), starts it and waits until it answers.
    pub fn start(dir: &Path) -> Result<PrivatePostgres, String> {
        let bin = server_bin()?;
        let _ = std::fs::remove_dir_all(dir);
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let as_postgres = crate::setup::is_root()?;
        if as_postgres {
            cmd::run(cmd("chown").args(["-R", "postgres:postgres"]).arg(dir))?;
        }
        let guard = PrivatePostgres {
            bin,
            data: dir.join("data"),
            socket_dir: dir.to_path_buf(),
            as_postgres,
        };
        cmd::run(
            guard
                .server_cmd("initdb")
                .args([
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--no-sync",
                    "--locale=C.UTF-8",
                ])
                .arg(format!("--username={USER}"))
                .arg("-D")
                .arg(&guard.data)
                .stdout(std::process::Stdio::null()),
        )?;
        let options = format!(
            "-c listen_addresses='' -k {} -p {PORT} -c fsync=off -c full_page_writes=off \
             -c max_connections=300",
            guard.socket_dir.display()
        );
        cmd::run(
            guard
                .server_cmd("pg_ctl")
                .args(["start", "--wait", "--timeout=60", "--silent"])
                .arg("-D")
                .arg(&guard.data)
                .arg("-l")
                .arg(dir.join("server.log"))
                .args(["-o", &options]),
        )?;
        println!(
            "postgres: private server on the socket in {}",
            cmd::rel(dir).display()
        );
        Ok(guard)
    }

    /// What the tests connect to (libpq's key=value form; the hub takes it as it is).
    pub fn url(&self) -> String {
        format!(
            "host={} port={PORT} user={USER} dbname=postgres",
            self.socket_dir.display()
        )
    }

    fn server_cmd(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        if self.as_postgres {
            let mut c = cmd("runuser");
            c.args(["-u", "postgres", "--"]).arg(path);
            c
        } else {
            Command::new(path)
        }
    }
}

impl Drop for PrivatePostgres {
    fn drop(&mut self) {
        let _ = cmd::status(
            self.server_cmd("pg_ctl")
                .args(["stop", "--wait", "--silent", "-m", "fast"])
                .arg("-D")
                .arg(&self.data),
        );
    }
}
