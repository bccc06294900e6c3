//! `cargo xtask`: the project's one build script (see `.cargo/config.toml` for the alias).
//! Plain std-only Rust, so it builds in seconds and needs nothing that it is meant to install.
//! This file parses the subcommand and reports errors; each subcommand lives in its own module.

mod bench;
mod cmd;
mod keyring;
mod postgres;
mod run;
mod setup;
mod test;
mod tools;
mod ui;
mod xvfb;

use std::ffi::OsString;
use std::process::ExitCode;

const HELP: &str = "\
usage: cargo xtask <command> [options]

commands:
  setup      install what building and testing need: Debian packages, the wasm32 target,
             wasm-bindgen CLI, wasm-opt (idempotent, quick when already done)
  build-ui   build the Yew UI to wasm and assemble ui/dist
  run        set up, build the UI and the app, and start it
             [--debug] [--data-dir DIR] [--sample-data]
  test       the whole suite: setup, fmt, build-ui, clippy, unit tests, app build and
             end-to-end tests under Xvfb; [--no-e2e] skips the last two
  e2e [NAME] build the app and run only the end-to-end tests under Xvfb (those whose
             name holds NAME)
  bench      start-up time of Harbour beside an empty Tauri window (release builds,
             Xvfb), medians and ratio; [--runs N] (default 7)
  help       show this list
";

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    match dispatch(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn dispatch(args: &[OsString]) -> Result<ExitCode, String> {
    let Some((command, rest)) = args.split_first() else {
        print!("{HELP}");
        return Ok(ExitCode::SUCCESS);
    };
    let command = command.to_string_lossy();
    let no_args = |name: &str| {
        if rest.is_empty() {
            Ok(())
        } else {
            Err(format!("`{name}` takes no arguments"))
        }
    };
    match command.as_ref() {
        "help" | "-h" | "--help" => print!("{HELP}"),
        "setup" => {
            no_args("setup")?;
            setup::all()?;
        }
        "build-ui" => {
            no_args("build-ui")?;
            ui::build(&tools::ensure()?, &ui::HARBOUR)?;
        }
        "run" => return run::main(rest),
        "test" => test::main(rest)?,
        "e2e" => test::e2e_only(rest)?,
        "bench" => bench::main(rest)?,
        other => {
            return Err(format!(
                "unknown command `{other}`; `cargo xtask help` lists the commands"
            ))
        }
    }
    Ok(ExitCode::SUCCESS)
}
