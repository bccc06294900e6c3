//! A private D-Bus session bus with GNOME Keyring's Secret Service on it, for the tests that
//! keep a device secret in a real keyring. Everything lives under `target/keyring` (the bus
//! socket, the keyring's home); nothing touches the developer's own session. The guard stops
//! both daemons when dropped, pass or fail.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::cmd::{self, cmd, spawn};

const READY_TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(50);
/// The private keyring's password (it holds only test stores' secrets).
const PASSWORD: &str = "harbour-test-keyring";

/// The running bus and keyring; dropping it stops both.
#[derive(Debug)]
pub struct SessionKeyring {
    bus: Child,
    keyring: Option<Child>,
    address: String,
}

impl SessionKeyring {
    /// Starts both under `dir` (emptied first) and waits until the keyring owns its name.
    pub fn start(dir: &Path) -> Result<SessionKeyring, String> {
        let _ = std::fs::remove_dir_all(dir);
        let home = dir.join("home");
        std::fs::create_dir_all(&home)
            .map_err(|e| format!("cannot create {}: {e}", home.display()))?;
        let socket = dir.join("bus");
        let address = format!("unix:path={}", socket.display());
        let log = |name: &str| -> Result<std::fs::File, String> {
            let path = dir.join(name);
            std::fs::File::create(&path)
                .map_err(|e| format!("cannot create {}: {e}", path.display()))
        };
        let bus = spawn(
            cmd("dbus-daemon")
                .args(["--session", "--nofork", "--nopidfile"])
                .arg(format!("--address={address}"))
                .stdin(Stdio::null())
                .stdout(log("dbus.log")?)
                .stderr(log("dbus.err")?),
        )?;
        let mut guard = SessionKeyring {
            bus,
            keyring: None,
            address,
        };
        wait_for(|| socket.exists(), "the D-Bus socket", dir)?;
        let mut keyring = spawn(
            cmd("gnome-keyring-daemon")
                .args(["--foreground", "--components=secrets", "--unlock"])
                .arg(format!(
                    "--control-directory={}",
                    dir.join("control").display()
                ))
                .env("DBUS_SESSION_BUS_ADDRESS", &guard.address)
                .env("HOME", &home)
                .env("XDG_DATA_HOME", home.join("data"))
                .env("XDG_RUNTIME_DIR", dir)
                .stdin(Stdio::piped())
                .stdout(log("keyring.log")?)
                .stderr(log("keyring.err")?),
        )?;
        // --unlock reads the password from standard input, up to its end.
        if let Some(mut stdin) = keyring.stdin.take() {
            stdin
                .write_all(PASSWORD.as_bytes())
                .map_err(|e| format!("cannot give the keyring its password: {e}"))?;
        }
        guard.keyring = Some(keyring);
        let address = guard.address.clone();
        wait_for(
            || name_has_owner(&address),
            "the keyring's Secret Service",
            dir,
        )?;
        println!(
            "keyring: private Secret Service on {}",
            cmd::rel(&socket).display()
        );
        Ok(guard)
    }

    /// `DBUS_SESSION_BUS_ADDRESS` for the tests.
    pub fn address(&self) -> &str {
        &self.address
    }
}

fn name_has_owner(address: &str) -> bool {
    // Polled: std's output(), so the command is not announced each time.
    cmd("dbus-send")
        .args([
            "--session",
            "--dest=org.freedesktop.DBus",
            "--print-reply",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            "string:org.freedesktop.secrets",
        ])
        .env("DBUS_SESSION_BUS_ADDRESS", address)
        .stdin(Stdio::null())
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains("boolean true"))
}

fn wait_for(ready: impl Fn() -> bool, what: &str, dir: &Path) -> Result<(), String> {
    let started = Instant::now();
    while started.elapsed() < READY_TIMEOUT {
        if ready() {
            return Ok(());
        }
        sleep(POLL);
    }
    Err(format!(
        "{what} did not come up within {} s; see the logs in {}",
        READY_TIMEOUT.as_secs(),
        cmd::rel(dir).display()
    ))
}

fn stop(child: &mut Child) {
    if let Ok(Some(_)) = child.try_wait() {
        return;
    }
    let pid = child.id().to_string();
    let _ = cmd::status(cmd("kill").args(["-TERM", &pid]));
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(5) {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        sleep(POLL);
    }
    let _ = child.kill();
    let _ = child.wait();
}

impl Drop for SessionKeyring {
    fn drop(&mut self) {
        if let Some(keyring) = &mut self.keyring {
            stop(keyring);
        }
        stop(&mut self.bus);
    }
}

/// Where the test run keeps it.
pub fn dir() -> PathBuf {
    cmd::target_dir().join("keyring")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Needs dbus-daemon and gnome-keyring-daemon, which `cargo xtask setup` installs before
    /// any test runs.
    #[test]
    fn starts_a_private_keyring_and_stops_it() {
        let dir = tempfile_dir();
        let keyring = SessionKeyring::start(&dir).unwrap();
        let address = keyring.address().to_owned();
        assert!(name_has_owner(&address));
        drop(keyring);
        assert!(!name_has_owner(&address), "both stopped");
    }

    fn tempfile_dir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-keyring-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }
}
