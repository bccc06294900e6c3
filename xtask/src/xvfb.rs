//! A private X server for the end-to-end tests. The app's GTK window needs a display, and a
//! virtual one keeps the tests off the developer's screen and makes them work on CI. The guard
//! stops the server when dropped, so it never outlives the tests, whether they pass or fail.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::cmd::{self, cmd, spawn};

/// Display numbers tried, from the conventional `:99` upward.
const FIRST_DISPLAY: u32 = 99;
const LAST_DISPLAY: u32 = 199;
/// Another run may grab the same free number between our check and Xvfb's start: retry.
const ATTEMPTS: u32 = 5;
const READY_TIMEOUT: Duration = Duration::from_secs(10);
const STOP_TIMEOUT: Duration = Duration::from_secs(5);
const POLL: Duration = Duration::from_millis(50);

/// The socket an X server on display `n` listens on.
pub fn socket_path(n: u32) -> PathBuf {
    PathBuf::from(format!("/tmp/.X11-unix/X{n}"))
}

/// The lock file an X server on display `n` holds.
pub fn lock_path(n: u32) -> PathBuf {
    PathBuf::from(format!("/tmp/.X{n}-lock"))
}

/// The first display number from `from` on whose socket and lock file both do not exist.
/// `exists` is a parameter so the choice can be tested without touching /tmp.
pub fn free_display(from: u32, exists: impl Fn(&Path) -> bool) -> Option<u32> {
    (from..=LAST_DISPLAY).find(|&n| !exists(&socket_path(n)) && !exists(&lock_path(n)))
}

/// A running Xvfb; dropping it stops the server and waits for it.
#[derive(Debug)]
pub struct Xvfb {
    child: Child,
    number: u32,
    ready: bool,
}

impl Xvfb {
    /// Starts Xvfb on a free display and waits until it accepts connections. Its output goes
    /// to `log`, which error messages point at.
    pub fn start(log: &Path) -> Result<Xvfb, String> {
        let mut from = FIRST_DISPLAY;
        for _ in 0..ATTEMPTS {
            let number = free_display(from, Path::exists).ok_or_else(|| {
                format!("no free X display between :{FIRST_DISPLAY} and :{LAST_DISPLAY}")
            })?;
            let log_file =
                File::create(log).map_err(|e| format!("cannot create {}: {e}", log.display()))?;
            let log_err = log_file.try_clone().map_err(|e| e.to_string())?;
            let child = spawn(
                cmd("Xvfb")
                    .arg(format!(":{number}"))
                    .args(["-screen", "0", "1280x800x24", "-nolisten", "tcp"])
                    .stdin(Stdio::null())
                    .stdout(log_file)
                    .stderr(log_err),
            )?;
            // Guard from here on: any early return below stops the server.
            let mut server = Xvfb {
                child,
                number,
                ready: false,
            };
            if server.wait_ready()? {
                println!("Xvfb ready on :{number} (log: {})", cmd::rel(log).display());
                return Ok(server);
            }
            // It exited at once: most likely another server took the number. Try the next.
            from = number + 1;
        }
        Err(format!(
            "Xvfb did not start after {ATTEMPTS} attempts; see {}",
            log.display()
        ))
    }

    /// `DISPLAY` value for clients of this server, e.g. `:99`.
    pub fn display(&self) -> String {
        format!(":{}", self.number)
    }

    /// Ok(true) once the socket exists, Ok(false) if the server exited before that.
    fn wait_ready(&mut self) -> Result<bool, String> {
        let started = Instant::now();
        while started.elapsed() < READY_TIMEOUT {
            if socket_path(self.number).exists() {
                self.ready = true;
                return Ok(true);
            }
            if let Ok(Some(_)) = self.child.try_wait() {
                return Ok(false);
            }
            sleep(POLL);
        }
        Err(format!(
            "Xvfb :{} did not create {} within {} s",
            self.number,
            socket_path(self.number).display(),
            READY_TIMEOUT.as_secs()
        ))
    }

    fn exited_within(&mut self, timeout: Duration) -> bool {
        let started = Instant::now();
        loop {
            if let Ok(Some(_)) = self.child.try_wait() {
                return true;
            }
            if started.elapsed() >= timeout {
                return false;
            }
            sleep(POLL);
        }
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        if let Ok(Some(_)) = self.child.try_wait() {
            return;
        }
        // SIGTERM first: Xvfb then removes its socket and lock file itself. std's kill() is
        // SIGKILL, which would leave them behind, so use kill(1) (no unsafe code needed).
        let pid = self.child.id().to_string();
        let _ = cmd::status(cmd("kill").args(["-TERM", &pid]));
        if self.exited_within(STOP_TIMEOUT) {
            return;
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        // A killed server cannot clean up. The files are ours only if our server came up on
        // this number; otherwise they belong to whoever won the race for it.
        if self.ready {
            let _ = std::fs::remove_file(socket_path(self.number));
            let _ = std::fs::remove_file(lock_path(self.number));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_99_when_nothing_runs() {
        assert_eq!(free_display(FIRST_DISPLAY, |_| false), Some(99));
    }

    #[test]
    fn skips_numbers_with_a_socket_or_a_lock() {
        let taken = [socket_path(99), lock_path(100)];
        assert_eq!(
            free_display(FIRST_DISPLAY, |path| taken.iter().any(|t| t == path)),
            Some(101)
        );
    }

    /// Needs the Xvfb binary, which `cargo xtask setup` installs before any test runs.
    #[test]
    fn starts_and_cleans_up_a_real_server() {
        let log = std::env::temp_dir().join("xtask-xvfb-test.log");
        let server = Xvfb::start(&log).unwrap();
        let number = server.number;
        assert!(socket_path(number).exists());
        drop(server);
        assert!(!socket_path(number).exists());
        assert!(!lock_path(number).exists());
    }

    #[test]
    fn gives_up_when_every_number_is_taken() {
        assert_eq!(free_display(FIRST_DISPLAY, |_| true), None);
        assert_eq!(free_display(LAST_DISPLAY + 1, |_| false), None);
    }
}
