//! `cargo xtask test` and `cargo xtask e2e`: the whole test suite in a fixed order, cheapest
//! and most likely to fail first, stopping at the first failure. Ends with one summary line of
//! step durations so slow steps are easy to spot in CI logs.

use std::ffi::OsString;
use std::time::{Duration, Instant};

use crate::cmd::{self, cargo, run};
use crate::keyring::{self, SessionKeyring};
use crate::postgres::{self, PrivatePostgres};
use crate::xvfb::Xvfb;
use crate::{setup, ui};

/// `cargo xtask test [--no-e2e]`.
pub fn main(args: &[OsString]) -> Result<(), String> {
    let no_e2e = match args {
        [] => false,
        [flag] if flag == "--no-e2e" => true,
        _ => return Err("`test` takes only an optional --no-e2e".to_string()),
    };
    let mut steps = Steps::default();
    let result = full_suite(&mut steps, no_e2e);
    steps.finish(result)
}

/// `cargo xtask e2e [NAME]`: only the app build and the end-to-end tests (those whose name
/// holds NAME, if given).
pub fn e2e_only(args: &[OsString]) -> Result<(), String> {
    let filter = match args {
        [] => None,
        [name] => Some(name.to_string_lossy().into_owned()),
        _ => return Err("`e2e` takes at most one journey's name".to_string()),
    };
    let mut steps = Steps::default();
    let result = end_to_end(&mut steps, filter.as_deref());
    steps.finish(result)
}

fn full_suite(steps: &mut Steps, no_e2e: bool) -> Result<(), String> {
    let tools = steps.run("setup", setup::all)?;
    steps.run("fmt", || {
        run(cargo().args(["fmt", "--all", "--", "--check"]))
    })?;
    steps.run("release-features", release_features)?;
    // Before clippy and the tests: the shell embeds ui/dist when it compiles.
    steps.run("build-ui", || ui::build(&tools, &ui::HARBOUR))?;
    steps.run("clippy", || {
        run(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    // The UI's wasm-only code (browser clock, IPC binding) is linted where it compiles.
    steps.run("clippy-wasm", || {
        run(cargo().args([
            "clippy",
            "-p",
            "harbour-ui",
            "-p",
            "harbour-bench-empty-ui",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    // Also builds target/debug/harbour (src-tauri/tests/cli.rs needs it) with the features this
    // whole-workspace build settles on; a separate `cargo build -p harbour` would settle on
    // others and rebuild half the dependency tree.
    // With a private session bus and keyring (stopped after, pass or fail), so the device
    // secret is also tested in a real Secret Service.
    steps.run("unit-tests", || {
        let keyring = SessionKeyring::start(&keyring::dir())?;
        // The hub's tests run against PostgreSQL as well as SQLite.
        let postgres = PrivatePostgres::start(&postgres::dir())?;
        run(cargo()
            .args(["test", "--workspace", "--exclude", "harbour-e2e"])
            .env("HARBOUR_TEST_POSTGRES", postgres.url())
            .env("DBUS_SESSION_BUS_ADDRESS", keyring.address())
            .env("HARBOUR_KEYRING_TEST", "1")
            // The same private bus stands in for the system bus, where logind's sleep and
            // screen-lock signals are sent.
            .env("DBUS_SYSTEM_BUS_ADDRESS", keyring.address())
            .env("HARBOUR_SYSTEM_BUS_TEST", "1"))
    })?;
    if no_e2e {
        println!("skipping the end-to-end tests (--no-e2e)");
        return Ok(());
    }
    steps.run("e2e", || e2e_tests(None))
}

fn end_to_end(steps: &mut Steps, filter: Option<&str>) -> Result<(), String> {
    steps.run(
        "build-app",
        || run(cargo().args(["build", "-p", "harbour"])),
    )?;
    steps.run("e2e", || e2e_tests(filter))
}

/// The end-to-end tests against the debug app, under a private Xvfb that is stopped afterwards
/// (the guard's Drop), pass or fail.
fn e2e_tests(filter: Option<&str>) -> Result<(), String> {
    let driver = setup::webkit_webdriver()?;
    let target = cmd::target_dir();
    let app = target.join("debug/harbour");
    if !app.is_file() {
        return Err(format!(
            "{} is missing: the app build did not produce it",
            app.display()
        ));
    }
    let screenshots = target.join("e2e-screenshots");
    std::fs::create_dir_all(&screenshots)
        .map_err(|e| format!("cannot create {}: {e}", screenshots.display()))?;

    let xvfb = Xvfb::start(&target.join("xvfb.log"))?;
    // The app keeps its device secrets in a private keyring, as on a carer's desktop.
    let keyring = SessionKeyring::start(&keyring::dir())?;
    let mut args = vec!["test", "-p", "harbour-e2e", "--", "--test-threads=1"];
    args.extend(filter);
    run(cargo()
        .args(&args)
        .env("DISPLAY", xvfb.display())
        .env("DBUS_SESSION_BUS_ADDRESS", keyring.address())
        // And its sleep and screen-lock watch on the private bus, not the machine's.
        .env("DBUS_SYSTEM_BUS_ADDRESS", keyring.address())
        // GTK prefers Wayland when both are set; the tests must land on our Xvfb.
        .env_remove("WAYLAND_DISPLAY")
        .env("HARBOUR_APP", &app)
        .env("WEBKIT_WEBDRIVER", &driver)
        .env("HARBOUR_SCREENSHOTS", &screenshots))
}

/// What Cargo resolves Tauri's features to for a build that is run (`cargo xtask run`, the
/// benchmarks, the package: the app and the benchmark's empty window together, as `bench`
/// builds them), without the tests' dev-dependencies.
fn release_features() -> Result<(), String> {
    let out = cmd::output(cargo().args([
        "tree",
        "-p",
        "harbour",
        "-p",
        "harbour-bench-empty",
        "-e",
        "normal,build",
        "-i",
        "tauri",
        "-f",
        "{p} {f}",
        "--depth",
        "0",
    ]))?;
    if !out.status.success() {
        return Err(format!(
            "cargo tree failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let said = check_release_features(&String::from_utf8_lossy(&out.stdout))?;
    println!("{said}");
    Ok(())
}

/// A build that is run serves its page through the app's own protocol (`custom-protocol`) and
/// carries no mock runtime (`test`).
fn check_release_features(tree: &str) -> Result<String, String> {
    let line = tree
        .lines()
        .find(|l| l.starts_with("tauri v"))
        .ok_or_else(|| format!("no tauri in cargo tree's answer: {tree}"))?;
    let features: Vec<&str> = line
        .split_whitespace()
        .nth(2)
        .unwrap_or_default()
        .split(',')
        .collect();
    if features.contains(&"test") {
        return Err(format!(
            "a release build would carry Tauri's mock runtime: {line}"
        ));
    }
    if !features.contains(&"custom-protocol") {
        return Err(format!(
            "a release build would lack custom-protocol: {line}"
        ));
    }
    Ok(format!("release build: {line}"))
}

/// Runs named steps, timing each and remembering which one failed.
#[derive(Debug, Default)]
struct Steps {
    done: Vec<(&'static str, Duration)>,
    failed: Option<(&'static str, Duration)>,
}

impl Steps {
    fn run<T>(
        &mut self,
        name: &'static str,
        step: impl FnOnce() -> Result<T, String>,
    ) -> Result<T, String> {
        println!("\n#### {name}");
        let started = Instant::now();
        let result = step();
        match &result {
            Ok(_) => self.done.push((name, started.elapsed())),
            Err(_) => self.failed = Some((name, started.elapsed())),
        }
        result
    }

    /// Prints the summary, plus a `FAILED: <step>` line if a step failed, and passes the
    /// result on for main to report.
    fn finish(self, result: Result<(), String>) -> Result<(), String> {
        println!("\n{}", summary(&self.done, self.failed));
        match (result, self.failed) {
            (Err(e), Some((name, _))) => {
                eprintln!("FAILED: {name}");
                Err(e)
            }
            (result, _) => {
                if result.is_ok() {
                    println!("all steps passed");
                }
                result
            }
        }
    }
}

/// One line: each step with its duration in seconds, the failed one marked, and the total.
fn summary(done: &[(&str, Duration)], failed: Option<(&str, Duration)>) -> String {
    let mut parts: Vec<String> = done
        .iter()
        .map(|(name, took)| format!("{name} {:.1}s", took.as_secs_f64()))
        .collect();
    if let Some((name, took)) = failed {
        parts.push(format!("{name} {:.1}s FAILED", took.as_secs_f64()));
    }
    let total: Duration = done.iter().map(|(_, took)| *took).sum::<Duration>()
        + failed.map_or(Duration::ZERO, |(_, took)| took);
    format!(
        "summary: {} | total {:.1}s",
        parts.join(", "),
        total.as_secs_f64()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_release_build_has_custom_protocol_and_no_mock_runtime() {
        let good = "tauri v2.12.5 compression,custom-protocol,default,wry\n";
        assert!(check_release_features(good).is_ok());
        let mock = "tauri v2.12.5 compression,custom-protocol,test,wry\n";
        assert!(check_release_features(mock)
            .unwrap_err()
            .contains("mock runtime"));
        let dev = "tauri v2.12.5 compression,default,wry\n";
        assert!(check_release_features(dev)
            .unwrap_err()
            .contains("custom-protocol"));
        assert!(check_release_features("").is_err());
    }

    #[test]
    fn summary_lists_steps_in_order_with_the_total() {
        let done = [
            ("setup", Duration::from_millis(1200)),
            ("fmt", Duration::from_millis(300)),
        ];
        assert_eq!(
            summary(&done, None),
            "summary: setup 1.2s, fmt 0.3s | total 1.5s"
        );
    }

    #[test]
    fn summary_marks_the_failed_step() {
        let done = [("setup", Duration::from_secs(1))];
        let failed = Some(("clippy", Duration::from_secs(20)));
        assert_eq!(
            summary(&done, failed),
            "summary: setup 1.0s, clippy 20.0s FAILED | total 21.0s"
        );
    }
}
