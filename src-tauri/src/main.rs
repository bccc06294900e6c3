//! `harbour [--data-dir DIR] [--sample-data]`: starts the desktop app.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: harbour [--data-dir DIR] [--sample-data]

  --data-dir DIR   keep Harbour's records in DIR (default: the user's data folder)
  --sample-data    add clearly fictional sample children if there are no children yet";

fn main() -> ExitCode {
    let mut options = harbour::Options {
        exit_when_ready: std::env::var_os("HARBOUR_EXIT_WHEN_READY").is_some(),
        ..Default::default()
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data-dir" => match args.next() {
                Some(dir) => options.data_dir = Some(PathBuf::from(dir)),
                None => return usage_error("--data-dir needs a folder"),
            },
            "--sample-data" => options.sample_data = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => return usage_error(&format!("unknown option {other}")),
        }
    }
    match harbour::run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("harbour: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage_error(problem: &str) -> ExitCode {
    eprintln!("harbour: {problem}\n{USAGE}");
    ExitCode::from(2)
}
