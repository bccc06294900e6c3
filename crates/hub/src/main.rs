//! `harbour-hub serve [--db sqlite://hub.db | postgres://…] [--listen 127.0.0.1:8470]`
//! `harbour-hub token --new-team | --team ID [--db …]`
//! `harbour-hub revoke DEVICE [--db …]`

use std::path::PathBuf;
use std::process::ExitCode;

use harbour_hub::{HubDb, PostgresHub, SqliteHub};

const USAGE: &str = "usage:
  harbour-hub serve [--db sqlite://hub.db | postgres://USER@HOST/DB] [--listen 127.0.0.1:8470]
  harbour-hub token (--new-team | --team TEAM-ID) [--db sqlite://hub.db]
  harbour-hub revoke DEVICE-ID [--db sqlite://hub.db]";

struct Args {
    command: String,
    db: String,
    listen: String,
    team: Option<String>,
    new_team: bool,
    device: Option<String>,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let command = args.next().ok_or("no command given")?;
    let mut a = Args {
        command,
        db: "sqlite://hub.db".into(),
        listen: "127.0.0.1:8470".into(),
        team: None,
        new_team: false,
        device: None,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--db" => a.db = args.next().ok_or("--db needs a value")?,
            "--listen" => a.listen = args.next().ok_or("--listen needs a value")?,
            "--team" => a.team = Some(args.next().ok_or("--team needs a team id")?),
            "--new-team" => a.new_team = true,
            other if !other.starts_with("--") && a.device.is_none() => {
                a.device = Some(other.into())
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(a)
}

/// Opens the database `--db` names and runs the command on it.
async fn open_and_run(args: Args) -> Result<(), String> {
    if let Some(path) = args.db.strip_prefix("sqlite://") {
        let db = SqliteHub::open(&PathBuf::from(path)).map_err(|e| e.message)?;
        return run(db, &format!("SQLite {path}"), args).await;
    }
    // A URL, or libpq's `host=… dbname=…` form.
    let postgres = ["postgres://", "postgresql://"]
        .iter()
        .any(|p| args.db.starts_with(p))
        || args.db.contains("dbname=");
    if postgres {
        let db = PostgresHub::connect(&args.db)
            .await
            .map_err(|e| e.message)?;
        // The address may carry a password: it is not printed.
        return run(db, "PostgreSQL", args).await;
    }
    Err(format!(
        "the database must be sqlite://PATH or postgres://USER@HOST/DATABASE (got {})",
        args.db.split('@').next_back().unwrap_or_default()
    ))
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match open_and_run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("harbour-hub: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run<D: HubDb>(db: D, what: &str, args: Args) -> Result<(), String> {
    match args.command.as_str() {
        "serve" => {
            let listener = tokio::net::TcpListener::bind(&args.listen)
                .await
                .map_err(|e| format!("cannot listen on {}: {e}", args.listen))?;
            let at = listener.local_addr().map_err(|e| e.to_string())?;
            // Scripts and tests read the address from this line (with --listen …:0, the port
            // the system gave).
            println!("harbour-hub: serving {what} on http://{at}");
            let stop = async {
                let _ = tokio::signal::ctrl_c().await;
            };
            harbour_hub::serve(db, listener, false, stop)
                .await
                .map_err(|e| e.to_string())
        }
        "token" => {
            let team = match (args.new_team, &args.team) {
                (true, None) => None,
                (false, Some(t)) => Some(t.parse().map_err(|_| format!("{t} is not a team id"))?),
                _ => return Err(format!("give either --new-team or --team TEAM-ID\n{USAGE}")),
            };
            let token = db.issue_token(team).await.map_err(|e| e.message)?;
            println!("{token}");
            Ok(())
        }
        "revoke" => {
            let device = args
                .device
                .ok_or(format!("name the device to revoke\n{USAGE}"))?;
            let id = device
                .parse()
                .map_err(|_| format!("{device} is not a device id"))?;
            let n = db.revoke(id).await.map_err(|e| e.message)?;
            if n == 0 {
                return Err(format!(
                    "no enrolled device {device} (or it was revoked already)"
                ));
            }
            println!("revoked {device}: the hub refuses it from now on");
            Ok(())
        }
        other => Err(format!("unknown command {other}\n{USAGE}")),
    }
}
