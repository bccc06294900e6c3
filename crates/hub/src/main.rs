//! `harbour-hub serve [--db sqlite://hub.db] [--listen 127.0.0.1:8470]`
//! `harbour-hub token --new-team | --team ID [--db …]`
//! `harbour-hub revoke DEVICE [--db …]`

use std::path::PathBuf;
use std::process::ExitCode;

use harbour_hub::{HubDb, SqliteHub};

const USAGE: &str = "usage:
  harbour-hub serve [--db sqlite://hub.db] [--listen 127.0.0.1:8470]
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

fn open(db: &str) -> Result<SqliteHub, String> {
    if let Some(path) = db.strip_prefix("sqlite://") {
        return SqliteHub::open(&PathBuf::from(path)).map_err(|e| e.message);
    }
    Err(format!("the database must be sqlite://PATH (got {db})"))
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
    match run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("harbour-hub: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), String> {
    let db = open(&args.db)?;
    match args.command.as_str() {
        "serve" => {
            let listener = tokio::net::TcpListener::bind(&args.listen)
                .await
                .map_err(|e| format!("cannot listen on {}: {e}", args.listen))?;
            eprintln!("harbour-hub: serving {} on http://{}", args.db, args.listen);
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
