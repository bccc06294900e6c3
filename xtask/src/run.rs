//! `cargo xtask run`: sets up, builds the UI and the app, then starts the app in the current
//! desktop session and exits with its status. Without `--data-dir` it opens the demonstration
//! store in `target/demo-data` (fictional children, published PIN).

use std::ffi::OsString;
use std::process::{Command, ExitCode};

use crate::cmd::{self, cargo, run};
use crate::{setup, ui};

/// What `run` accepts on its command line.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RunArgs {
    pub debug: bool,
    pub data_dir: Option<OsString>,
    pub sample_data: bool,
}

pub fn parse(args: &[OsString]) -> Result<RunArgs, String> {
    let mut parsed = RunArgs::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--debug" {
            parsed.debug = true;
        } else if arg == "--sample-data" {
            parsed.sample_data = true;
        } else if arg == "--data-dir" {
            let dir = args.next().ok_or("--data-dir needs a directory")?;
            parsed.data_dir = Some(dir.clone());
        } else if let Some(dir) = arg.to_str().and_then(|a| a.strip_prefix("--data-dir=")) {
            parsed.data_dir = Some(dir.into());
        } else {
            return Err(format!(
                "`run` does not understand `{}`; it takes [--debug] [--data-dir DIR] \
                 [--sample-data]",
                arg.to_string_lossy()
            ));
        }
    }
    if parsed.data_dir.as_ref().is_some_and(|dir| dir.is_empty()) {
        return Err("--data-dir needs a non-empty directory".to_string());
    }
    Ok(parsed)
}

pub fn main(args: &[OsString]) -> Result<ExitCode, String> {
    let args = parse(args)?;
    let tools = setup::all()?;
    ui::build(&tools, &ui::HARBOUR)?;
    let mut build = cargo();
    build.args(["build", "-p", "harbour"]);
    if !args.debug {
        build.arg("--release");
    }
    run(&mut build)?;

    // Built first on purpose: a headless machine can still check that the app compiles.
    if !has_display() {
        return Err(
            "no desktop session: neither DISPLAY nor WAYLAND_DISPLAY is set, so the \
                    app has no screen to open its window on. The app is built; to try it \
                    headless run `xvfb-run -a cargo xtask run`"
                .to_string(),
        );
    }

    let profile = if args.debug { "debug" } else { "release" };
    let app = cmd::target_dir().join(profile).join("harbour");
    // Not run from the workspace root: the app works from any directory, and a relative
    // --data-dir should mean what it meant where the user typed it.
    let mut command = Command::new(&app);
    let (dir, sample_data) = match &args.data_dir {
        Some(dir) => (dir.clone(), args.sample_data),
        // With no folder given: the demonstration store inside target/, made on first start with
        // the fictional sample children, so nothing is ever mixed with real records.
        None => {
            let demo = cmd::target_dir().join("demo-data");
            println!(
                "==> demonstration store in {} (PIN 246810, shown on the lock screen); \
                 for your own records: cargo xtask run --data-dir DIR",
                demo.display()
            );
            (demo.into_os_string(), true)
        }
    };
    command.arg("--data-dir").arg(dir);
    if sample_data {
        command.arg("--sample-data");
    }
    let status = cmd::status(&mut command)?;
    match status.code() {
        Some(code) => Ok(ExitCode::from(u8::try_from(code).unwrap_or(1))),
        None => Err(format!("harbour was stopped: {status}")),
    }
}

fn has_display() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|value| !value.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn no_flags_means_release_without_extras() {
        assert_eq!(parse(&[]).unwrap(), RunArgs::default());
    }

    #[test]
    fn all_flags_in_both_spellings() {
        let expected = RunArgs {
            debug: true,
            data_dir: Some("/tmp/h".into()),
            sample_data: true,
        };
        let spaced = args(&["--debug", "--data-dir", "/tmp/h", "--sample-data"]);
        assert_eq!(parse(&spaced).unwrap(), expected);
        let joined = args(&["--sample-data", "--data-dir=/tmp/h", "--debug"]);
        assert_eq!(parse(&joined).unwrap(), expected);
    }

    #[test]
    fn rejects_unknown_and_incomplete_flags() {
        assert!(parse(&args(&["--release"])).is_err());
        assert!(parse(&args(&["--data-dir"])).is_err());
        assert!(parse(&args(&["--data-dir="])).is_err());
    }
}
