//! `cargo xtask bench`: the store benchmark (crates/store/benches/write.rs), the grab sheet
//! benchmark (crates/print/benches/sheet.rs), the first and an incremental sync from a hub on
//! loopback (crates/hub/benches/sync.rs), the hub on PostgreSQL with 200 devices syncing at once
//! (crates/hub/benches/load.rs, on a private server), then start-up time, from process start to the
//! first interactive screen, for Harbour and for an empty Tauri + Yew window built the same way
//! (the floor), each the median of several runs under a private Xvfb, printed beside the floor
//! as a ratio; then "Child missing" → steps screen in the release app
//! (tests/e2e/benches/missing.rs). Also the UI's wasm size after optimisation, and the whole
//! process tree's memory (PSS) once the first screen is up, each beside the empty window's.
//!
//! "Interactive" is the moment the UI has rendered its first screen with data and reached Rust
//! over IPC: both apps print a "first screen ready" line then, and exit at once because
//! `HARBOUR_EXIT_WHEN_READY` is set.

use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::cmd::{self, cargo, run};
use crate::postgres::{self, PrivatePostgres};
use crate::xvfb::Xvfb;
use crate::{setup, ui};

/// Budgets from DESIGN.md.
const BUDGET_MS: f64 = 1000.0;
const BUDGET_RATIO: f64 = 1.3;
const DEFAULT_RUNS: usize = 7;
/// A start that takes longer than this is a hang, not a slow start.
const READY_TIMEOUT: Duration = Duration::from_secs(60);
const READY_LINE: &str = "first screen ready";

pub fn main(args: &[OsString]) -> Result<(), String> {
    let runs = parse_runs(args)?;
    // The store's write path first: no window, no display needed.
    run(cargo().args(["bench", "-p", "harbour-store", "--bench", "write"]))?;
    run(cargo().args(["bench", "-p", "harbour-print", "--bench", "sheet"]))?;
    run(cargo().args(["bench", "-p", "harbour-hub", "--bench", "sync"]))?;
    // The hub on PostgreSQL with 200 devices at once, on a private server stopped after.
    let tools = setup::all()?;
    {
        let postgres = PrivatePostgres::start(&postgres::dir())?;
        run(cargo()
            .args(["bench", "-p", "harbour-hub", "--bench", "load"])
            .env("HARBOUR_TEST_POSTGRES", postgres.url()))?;
    }
    ui::build(&tools, &ui::HARBOUR)?;
    ui::build(&tools, &ui::EMPTY)?;
    println!("\n{}", wasm_report()?);
    run(cargo().args([
        "build",
        "--release",
        "-p",
        "harbour",
        "-p",
        "harbour-bench-empty",
    ]))?;
    let release = cmd::target_dir().join("release");
    let data = cmd::target_dir().join("bench-data");
    if data.exists() {
        std::fs::remove_dir_all(&data)
            .map_err(|e| format!("cannot clear {}: {e}", data.display()))?;
    }
    let data_arg = data.to_string_lossy().into_owned();

    let xvfb = Xvfb::start(&cmd::target_dir().join("xvfb-bench.log"))?;
    let display = xvfb.display();
    // One unmeasured start each: creates Harbour's store with the sample children and warms
    // the page cache, so every measured run starts from the same state.
    let harbour = release.join("harbour");
    let empty = release.join("harbour-bench-empty");
    time_to_ready(
        &harbour,
        &["--data-dir", &data_arg, "--sample-data"],
        &display,
    )?;
    time_to_ready(&empty, &[], &display)?;

    let mut floor = Vec::new();
    let mut ours = Vec::new();
    // Interleaved, so a burst of background load hurts both alike.
    for i in 0..runs {
        floor.push(time_to_ready(&empty, &[], &display)?);
        ours.push(time_to_ready(
            &harbour,
            &["--data-dir", &data_arg],
            &display,
        )?);
        println!(
            "run {}/{runs}: empty {:.0} ms, harbour {:.0} ms",
            i + 1,
            ms(floor[i]),
            ms(ours[i])
        );
    }
    println!("\n{}", report(median(&mut floor), median(&mut ours), runs));

    // The whole process tree's memory once the first screen is up.
    let empty_pss = settled_pss(&empty, &[], &display)?;
    let harbour_pss = settled_pss(&harbour, &["--data-dir", &data_arg], &display)?;
    println!("\n{}", pss_report(empty_pss, harbour_pss));

    // "Child missing" → steps screen, in the release app driven through WebDriver.
    let webdriver = setup::webkit_webdriver()?;
    run(cargo()
        .args(["bench", "-p", "harbour-e2e", "--bench", "missing"])
        .env("DISPLAY", &display)
        .env_remove("WAYLAND_DISPLAY")
        .env("HARBOUR_APP", &harbour)
        .env("WEBKIT_WEBDRIVER", &webdriver))?;
    drop(xvfb);
    Ok(())
}

fn parse_runs(args: &[OsString]) -> Result<usize, String> {
    match args {
        [] => Ok(DEFAULT_RUNS),
        [flag, n] if flag == "--runs" => n
            .to_string_lossy()
            .parse::<usize>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| "--runs needs a whole number above 0".to_string()),
        _ => Err("`bench` takes only an optional --runs N".to_string()),
    }
}

/// Starts `program` under `display`; the receiver gets the time from the start to the moment it
/// printed the ready line. With `exit_when_ready` it exits then.
fn start(
    program: &Path,
    args: &[&str],
    display: &str,
    exit_when_ready: bool,
) -> Result<(std::process::Child, mpsc::Receiver<Duration>), String> {
    let started = Instant::now();
    let mut command = Command::new(program);
    command
        .args(args)
        .env("DISPLAY", display)
        .env_remove("WAYLAND_DISPLAY")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if exit_when_ready {
        command.env("HARBOUR_EXIT_WHEN_READY", "1");
    }
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.contains(READY_LINE) {
                let _ = tx.send(started.elapsed());
            }
        }
    });
    Ok((child, rx))
}

/// Starts `program` and returns the time until it prints the ready line; it then exits.
fn time_to_ready(program: &Path, args: &[&str], display: &str) -> Result<Duration, String> {
    let (mut child, rx) = start(program, args, display, true)?;
    let result = rx.recv_timeout(READY_TIMEOUT);
    if result.is_err() {
        let _ = child.kill();
    }
    let _ = child.wait();
    result.map_err(|_| {
        format!(
            "{} never reported its first screen within {} s",
            program.display(),
            READY_TIMEOUT.as_secs()
        )
    })
}

/// DESIGN.md: the UI's wasm after optimisation, at most 1 MB.
const WASM_BUDGET_BYTES: u64 = 1024 * 1024;
/// DESIGN.md: the process tree's memory, at most 1.15x an empty window's.
const PSS_BUDGET_RATIO: f64 = 1.15;
/// How long a started app is left to settle before its memory is read.
const SETTLE: Duration = Duration::from_secs(3);

/// The size of each UI's optimised wasm, Harbour's beside the empty window's and the budget.
fn wasm_report() -> Result<String, String> {
    let size = |dir: &str| -> Result<u64, String> {
        let dist = cmd::root().join(dir).join("dist");
        let entries =
            std::fs::read_dir(&dist).map_err(|e| format!("cannot read {}: {e}", dist.display()))?;
        entries
            .filter_map(Result::ok)
            .find(|e| e.path().extension().is_some_and(|x| x == "wasm"))
            .and_then(|e| e.metadata().ok())
            .map(|m| m.len())
            .ok_or_else(|| format!("no wasm in {}", dist.display()))
    };
    let (empty, ours) = (size(ui::EMPTY.dir)?, size(ui::HARBOUR.dir)?);
    Ok(format!(
        "wasm after optimisation (wasm-opt)\n\
         \x20 empty Tauri + Yew window  {:>7.0} KB  (floor)\n\
         \x20 Harbour                   {:>7.0} KB  {:.1}x the floor\n\
         \x20 budget: <= {:.0} KB: {} ({:.2}x the budget)",
        empty as f64 / 1024.0,
        ours as f64 / 1024.0,
        ours as f64 / empty.max(1) as f64,
        WASM_BUDGET_BYTES as f64 / 1024.0,
        if ours <= WASM_BUDGET_BYTES {
            "within budget"
        } else {
            "OVER BUDGET"
        },
        ours as f64 / WASM_BUDGET_BYTES as f64
    ))
}

/// Starts `program`, waits for its first screen and a little more, and returns the sum of
/// `Pss:` (kB) over it and every process under it (the WebKit processes); then stops them.
fn settled_pss(program: &Path, args: &[&str], display: &str) -> Result<u64, String> {
    let (mut child, rx) = start(program, args, display, false)?;
    let ready = rx.recv_timeout(READY_TIMEOUT);
    std::thread::sleep(SETTLE);
    let tree = process_tree(child.id());
    let total = tree.iter().filter_map(|pid| pss_kb(*pid)).sum();
    for pid in tree.iter().rev() {
        let _ = Command::new("kill").arg(pid.to_string()).status();
    }
    let _ = child.kill();
    let _ = child.wait();
    ready.map_err(|_| format!("{} never showed its first screen", program.display()))?;
    Ok(total)
}

/// `root` and every process descended from it, parents first.
fn process_tree(root: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            Some((pid, parent_of(&stat)?))
        })
        .collect();
    let mut tree = vec![root];
    let mut i = 0;
    while i < tree.len() {
        let p = tree[i];
        tree.extend(parents.iter().filter(|(_, pp)| *pp == p).map(|(c, _)| *c));
        i += 1;
    }
    tree
}

/// The parent pid from a `/proc/PID/stat` line (after the command name, which may hold spaces).
fn parent_of(stat: &str) -> Option<u32> {
    stat.rsplit_once(')')?
        .1
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn pss_kb(pid: u32) -> Option<u64> {
    pss_in(&std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?)
}

/// The `Pss:` line of an `smaps_rollup`, in kB.
fn pss_in(rollup: &str) -> Option<u64> {
    rollup
        .lines()
        .find_map(|l| l.strip_prefix("Pss:"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn pss_report(floor_kb: u64, ours_kb: u64) -> String {
    let ratio = ours_kb as f64 / floor_kb.max(1) as f64;
    format!(
        "memory: the whole process tree (app + WebKit processes), PSS, {} s after the first screen\n\
         \x20 empty Tauri + Yew window  {:>6.0} MB  (floor)\n\
         \x20 Harbour (sample store)    {:>6.0} MB  {ratio:.2}x the floor\n\
         \x20 budget: <= {PSS_BUDGET_RATIO:.2}x the floor: {}",
        SETTLE.as_secs(),
        floor_kb as f64 / 1024.0,
        ours_kb as f64 / 1024.0,
        if ratio <= PSS_BUDGET_RATIO {
            "within budget"
        } else {
            "OVER BUDGET"
        }
    )
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(samples: &mut [Duration]) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// The table printed at the end: each app's median, the ratio and the verdict on the budget.
fn report(floor: Duration, ours: Duration, runs: usize) -> String {
    let ratio = ms(ours) / ms(floor);
    let ok = ms(ours) <= BUDGET_MS && ratio <= BUDGET_RATIO;
    format!(
        "start-up: process start -> first interactive screen (median of {runs}, release, Xvfb)\n\
         \x20 empty Tauri + Yew window  {:>6.0} ms  (floor)\n\
         \x20 Harbour                   {:>6.0} ms  {ratio:.2}x the floor\n\
         \x20 budget: <= {BUDGET_MS:.0} ms and <= {BUDGET_RATIO:.2}x the floor: {}",
        ms(floor),
        ms(ours),
        if ok { "within budget" } else { "OVER BUDGET" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        let d = Duration::from_millis;
        assert_eq!(median(&mut [d(30), d(10), d(20)]), d(20));
        assert_eq!(median(&mut [d(40), d(10), d(30), d(20)]), d(30));
    }

    #[test]
    fn report_gives_ratio_and_verdict() {
        let d = Duration::from_millis;
        let within = report(d(400), d(480), 7);
        assert!(within.contains("1.20x the floor"), "{within}");
        assert!(within.contains("within budget"), "{within}");
        assert!(report(d(400), d(600), 7).contains("OVER BUDGET"));
        assert!(report(d(900), d(1100), 7).contains("OVER BUDGET"));
    }

    #[test]
    fn memory_is_read_from_the_rollup_and_the_tree_from_stat() {
        let rollup = "00400000-7ffc [rollup]\nRss:  204800 kB\nPss:  150123 kB\nPss_Anon: 9 kB\n";
        assert_eq!(pss_in(rollup), Some(150123));
        assert_eq!(pss_in("Rss: 1 kB\n"), None);
        assert_eq!(parent_of("4242 (WebKit Web Pro) S 4100 4242 0"), Some(4100));
        assert_eq!(parent_of("garbage"), None);
        let me = std::process::id();
        assert_eq!(process_tree(me)[0], me);
        assert!(pss_kb(me).is_some_and(|kb| kb > 0));
        assert!(pss_report(100_000, 120_000).contains("1.20x the floor"));
        assert!(pss_report(100_000, 120_000).contains("OVER BUDGET"));
        assert!(pss_report(100_000, 110_000).contains("within budget"));
    }

    #[test]
    fn runs_flag() {
        assert_eq!(parse_runs(&[]), Ok(DEFAULT_RUNS));
        assert_eq!(parse_runs(&["--runs".into(), "3".into()]), Ok(3));
        assert!(parse_runs(&["--runs".into(), "0".into()]).is_err());
        assert!(parse_runs(&["--fast".into()]).is_err());
    }
}
