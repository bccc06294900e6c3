//! Crash safety: a writer process adding children one by one is killed (SIGKILL on Unix) at a
//! random moment, again and again; after every kill the store must unlock (which checks every
//! page) and hold every child whose write had returned.
//!
//! This binary has its own `main` (`harness = false`): run without `HARBOUR_CRASH_WRITER` it is
//! the test, and it re-runs itself with `HARBOUR_CRASH_WRITER=<dir>` as the writer.
//!
//! Reproduce a failure with the seed it prints: `HARBOUR_CRASH_SEED=<seed> cargo test -p
//! harbour-store --test crash`. `HARBOUR_CRASH_RUNS` changes the number of runs (default 15).

use harbour_core::{ChildInput, NewUser};
use harbour_store::{DataDir, KdfParams, SystemClock};
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const PIN: &str = "402719";
/// Children each writer tries to add.
const WRITES: usize = 1000;
const DEFAULT_RUNS: usize = 15;
/// The longest wait before a kill; halved whenever a writer finishes first.
const MAX_DELAY_MS: u64 = 1500;
const MIN_DELAY_CAP_MS: u64 = 50;

fn main() {
    match std::env::var_os("HARBOUR_CRASH_WRITER") {
        Some(dir) => writer(Path::new(&dir)),
        None => test(),
    }
}

fn child_name(run: usize, i: usize) -> String {
    format!("Crash {run} {i}")
}

/// The writer child: adds children one at a time, saying `ack {i}` after each add returned.
fn writer(dir: &Path) {
    let run: usize = std::env::var("HARBOUR_CRASH_RUN")
        .expect("HARBOUR_CRASH_RUN is set")
        .parse()
        .expect("HARBOUR_CRASH_RUN is a number");
    let mut store = DataDir::new(
        dir,
        std::sync::Arc::new(harbour_store::SecretFolder::new(dir.join("device-secrets"))),
    )
    .unlock(None, PIN, SystemClock)
    .unwrap_or_else(|e| panic!("writer: unlock failed: {e}"));
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for i in 0..WRITES {
        store
            .add_child(
                &ChildInput {
                    name_latin: child_name(run, i),
                    date_of_birth: "2011-03-04".into(),
                    ..Default::default()
                },
                None,
            )
            .unwrap_or_else(|e| panic!("writer: add_child {i} failed: {e}"));
        // One short write per line, so the reader sees whole lines (pipe writes this small are
        // atomic); a line without its newline is not counted.
        writeln!(out, "ack {i}").expect("writer: stdout");
        out.flush().expect("writer: flush");
    }
    store
        .lock()
        .unwrap_or_else(|e| panic!("writer: lock failed: {e}"));
    std::process::exit(0);
}

/// A tiny xorshift64 PRNG: reproducible from the printed seed, no dependency.
struct XorShift(u64);

impl XorShift {
    fn new(seed: u64) -> Self {
        Self(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

#[cfg(unix)]
fn was_killed(status: &ExitStatus) -> bool {
    use std::os::unix::process::ExitStatusExt;
    status.signal() == Some(9)
}

#[cfg(not(unix))]
fn was_killed(status: &ExitStatus) -> bool {
    !status.success()
}

fn test() {
    let started = Instant::now();
    let seed: u64 = match std::env::var("HARBOUR_CRASH_SEED") {
        Ok(s) => s
            .parse()
            .unwrap_or_else(|_| panic!("HARBOUR_CRASH_SEED must be a number, not {s:?}")),
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1),
    };
    let runs: usize = std::env::var("HARBOUR_CRASH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_RUNS);
    println!("crash: seed {seed} (set HARBOUR_CRASH_SEED={seed} to repeat), {runs} runs");
    let mut rng = XorShift::new(seed);

    let dir = tempfile::tempdir().expect("temp dir");
    let data = DataDir::new(
        dir.path(),
        std::sync::Arc::new(harbour_store::SecretFolder::new(
            dir.path().join("device-secrets"),
        )),
    );
    let admin = NewUser {
        name: "Sam Admin".into(),
        pin: PIN.into(),
        pin_again: PIN.into(),
    };
    data.create(&admin, KdfParams::OWASP_MINIMUM, SystemClock)
        .expect("set up the store")
        .lock()
        .expect("lock after set-up");

    let exe = std::env::current_exe().expect("current_exe");
    let mut cap_ms = MAX_DELAY_MS;
    let mut total_acked = 0usize;
    let mut killed_early = 0usize;
    let mut mid_series = 0usize;
    for run in 0..runs {
        let delay = Duration::from_millis(rng.below(cap_ms + 1));
        let mut child = Command::new(&exe)
            .env("HARBOUR_CRASH_WRITER", dir.path())
            .env("HARBOUR_CRASH_RUN", run.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn the writer");
        let stdout = child.stdout.take().expect("writer stdout");
        let reader = std::thread::spawn(move || {
            let mut acked = Vec::new();
            let mut other = Vec::new();
            let mut stdout = BufReader::new(stdout);
            let mut line = String::new();
            loop {
                line.clear();
                match stdout.read_line(&mut line) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {}
                }
                let whole = line.ends_with('\n');
                match line
                    .trim_end()
                    .strip_prefix("ack ")
                    .map(str::parse::<usize>)
                {
                    Some(Ok(i)) if whole => acked.push(i),
                    _ if !whole => {} // cut off by the kill: not an acknowledgement
                    _ => other.push(line.clone()),
                }
            }
            (acked, other)
        });
        std::thread::sleep(delay);
        // Sends SIGKILL on Unix; harmless if the writer has already finished.
        let _ = child.kill();
        let status = child.wait().expect("wait for the writer");
        let (acked, other) = reader.join().expect("reader thread");
        assert!(
            other.is_empty(),
            "run {run} (seed {seed}): unexpected output from the writer: {other:?}"
        );
        let killed = was_killed(&status);
        assert!(
            killed || status.success(),
            "run {run} (seed {seed}): the writer failed by itself: {status}"
        );
        // Acks come in order, each once.
        assert!(
            acked.iter().copied().eq(0..acked.len()),
            "run {run} (seed {seed}): acknowledgements out of order: {acked:?}"
        );
        let finished = !killed || acked.len() == WRITES;
        if finished {
            cap_ms = (cap_ms / 2).max(MIN_DELAY_CAP_MS);
        } else {
            killed_early += 1;
            if !acked.is_empty() {
                mid_series += 1;
            }
        }
        total_acked += acked.len();

        // Unlocking runs PRAGMA quick_check over every page first and refuses a damaged file.
        // (PRAGMA integrity_check cannot be reached through the public API: the connection and
        // key are private to the crate, so the unlock's quick_check is the whole-file check.)
        let store = data.unlock(None, PIN, SystemClock).unwrap_or_else(|e| {
            panic!(
                "run {run} (seed {seed}): the store did not unlock after the writer was \
                 killed after {delay:?} and {} acknowledged writes: {e} ({})",
                acked.len(),
                e.code()
            )
        });
        let names: BTreeSet<String> = store
            .children()
            .unwrap_or_else(|e| panic!("run {run} (seed {seed}): children() failed: {e}"))
            .into_iter()
            .map(|c| c.details.name_latin)
            .collect();
        let lost: Vec<usize> = acked
            .iter()
            .copied()
            .filter(|&i| !names.contains(&child_name(run, i)))
            .collect();
        assert!(
            lost.is_empty(),
            "run {run} (seed {seed}): {} acknowledged children are missing after the kill: {lost:?}",
            lost.len()
        );
        // Nothing beyond the last acknowledged write plus the one in flight can be there.
        let extra = (acked.len()..WRITES)
            .filter(|&i| names.contains(&child_name(run, i)))
            .count();
        assert!(
            extra <= 1,
            "run {run} (seed {seed}): {extra} children past the last acknowledged one"
        );
        store
            .lock()
            .unwrap_or_else(|e| panic!("run {run} (seed {seed}): lock failed: {e}"));
        println!(
            "crash: run {run:2}: kill after {:4} ms, {:4} acknowledged, {}",
            delay.as_millis(),
            acked.len(),
            if finished {
                "writer had finished"
            } else if acked.is_empty() {
                "killed before the first write returned"
            } else {
                "killed mid-series"
            }
        );
    }

    println!(
        "crash: {runs} runs, {total_acked} acknowledged writes, {mid_series} kills mid-series, \
         {killed_early} before the writer finished, all intact ({:.1} s, seed {seed})",
        started.elapsed().as_secs_f64()
    );
    assert!(
        killed_early * 2 >= runs,
        "only {killed_early} of {runs} kills landed before the writer finished (seed {seed}): \
         the test is not exercising crashes; shorten the delays"
    );
}
