//! `cargo xtask bench`: the store benchmark (crates/store/benches/write.rs), the grab sheet
//! benchmark (crates/print/benches/sheet.rs), then start-up time, from process start to the
//! first interactive screen, for Harbour and for an empty Tauri + Yew window built the same way
//! (the floor), each the median of several runs under a private Xvfb, printed beside the floor
//! as a ratio; then "Child missing" → steps screen in the release app
//! (tests/e2e/benches/missing.rs).
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
    let tools = setup::all()?;
    ui::build(&tools, &ui::HARBOUR)?;
    ui::build(&tools, &ui::EMPTY)?;
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

/// Starts `program` and returns the time until it prints the ready line; it then exits.
fn time_to_ready(program: &Path, args: &[&str], display: &str) -> Result<Duration, String> {
    let started = Instant::now();
    let mut child = Command::new(program)
        .args(args)
        .env("DISPLAY", display)
        .env_remove("WAYLAND_DISPLAY")
        .env("HARBOUR_EXIT_WHEN_READY", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.contains(READY_LINE) {
                let _ = tx.send(started.elapsed());
                return;
            }
        }
    });
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
    fn runs_flag() {
        assert_eq!(parse_runs(&[]), Ok(DEFAULT_RUNS));
        assert_eq!(parse_runs(&["--runs".into(), "3".into()]), Ok(3));
        assert!(parse_runs(&["--runs".into(), "0".into()]).is_err());
        assert!(parse_runs(&["--fast".into()]).is_err());
    }
}
