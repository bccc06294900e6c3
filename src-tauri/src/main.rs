//! `harbour [--data-dir DIR] [--sample-data]` starts the desktop app;
//! `harbour [--data-dir DIR] [--user NAME] COMMAND …` runs one administrator command instead.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::PathBuf;
use std::process::ExitCode;

fn usage() -> String {
    format!(
        "usage: harbour [--data-dir DIR] [--sample-data]
       harbour [--data-dir DIR] [--user NAME] COMMAND …

  --data-dir DIR   keep Harbour's records in DIR (default: the user's data folder)
  --sample-data    if nothing is set up in DIR yet, set up the demonstration store: clearly
                   fictional sample children, opened with the demo PIN shown on the lock screen

{}",
        harbour::cli::COMMANDS
    )
}

fn main() -> ExitCode {
    if let Err(e) = harbour::harden_process() {
        eprintln!("harbour: {e}");
    }
    let mut options = harbour::Options {
        exit_when_ready: std::env::var_os("HARBOUR_EXIT_WHEN_READY").is_some(),
        ..Default::default()
    };
    let mut user = None;
    let mut args = std::env::args().skip(1);
    let mut rest = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data-dir" => match args.next() {
                Some(dir) => options.data_dir = Some(PathBuf::from(dir)),
                None => return usage_error("--data-dir needs a folder"),
            },
            "--user" => match args.next() {
                Some(name) => user = Some(name),
                None => return usage_error("--user needs a name"),
            },
            "--sample-data" => options.sample_data = true,
            "-h" | "--help" => {
                println!("{}", usage());
                return ExitCode::SUCCESS;
            }
            other if other.starts_with("--") && rest.is_empty() => {
                return usage_error(&format!("unknown option {other}"))
            }
            _ => {
                rest.push(arg);
                rest.extend(args.by_ref());
            }
        }
    }
    if rest.is_empty() {
        return match harbour::run(options) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&e),
        };
    }
    let command = match harbour::cli::parse(&rest) {
        Ok(c) => c,
        Err(problem) => return usage_error(&problem),
    };
    let data = match harbour::data_dir(&options) {
        Ok(d) => d,
        Err(e) => return fail(&e),
    };
    match harbour::cli::run(&data, user.as_deref(), command) {
        Ok(said) => {
            // Standard output is for data (an export to -); what happened goes to stderr.
            eprintln!("harbour: {said}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("harbour: {message}");
    ExitCode::FAILURE
}

fn usage_error(problem: &str) -> ExitCode {
    eprintln!("harbour: {problem}\n{}", usage());
    ExitCode::from(2)
}
