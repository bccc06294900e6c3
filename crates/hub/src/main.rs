//! `harbour-hub serve [--db sqlite://hub.db | postgres://…] [--listen 127.0.0.1:8470]
//!   [--tls-cert FILE --tls-key FILE | --self-signed]`
//! `harbour-hub token --new-team | --team ID [--db …]`
//! `harbour-hub revoke DEVICE [--db …]`

use std::path::PathBuf;
use std::process::ExitCode;

use harbour_hub::{HubDb, PostgresHub, SqliteHub};

const USAGE: &str = "usage:
  harbour-hub serve [--db sqlite://hub.db | postgres://USER@HOST/DB] [--listen 127.0.0.1:8470]
                    [--tls-cert FILE --tls-key FILE] [--self-signed]
      HTTPS with the certificate and key given (PEM); --self-signed makes them once (by
      default hub-cert.pem and hub-key.pem here) and prints the fingerprint devices pin.
      Without either, plain HTTP: only for a hub on this computer (127.0.0.1).
  harbour-hub token (--new-team | --team TEAM-ID) [--db sqlite://hub.db]
  harbour-hub revoke DEVICE-ID [--db sqlite://hub.db]";

struct Args {
    command: String,
    db: String,
    listen: String,
    team: Option<String>,
    new_team: bool,
    device: Option<String>,
    tls_cert: Option<PathBuf>,
    tls_key: Option<PathBuf>,
    self_signed: bool,
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
        tls_cert: None,
        tls_key: None,
        self_signed: false,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--db" => a.db = args.next().ok_or("--db needs a value")?,
            "--listen" => a.listen = args.next().ok_or("--listen needs a value")?,
            "--team" => a.team = Some(args.next().ok_or("--team needs a team id")?),
            "--new-team" => a.new_team = true,
            "--tls-cert" => a.tls_cert = Some(args.next().ok_or("--tls-cert needs a file")?.into()),
            "--tls-key" => a.tls_key = Some(args.next().ok_or("--tls-key needs a file")?.into()),
            "--self-signed" => a.self_signed = true,
            other if !other.starts_with("--") && a.device.is_none() => {
                a.device = Some(other.into())
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(a)
}

/// The certificate to serve with, if any: the one given, or one made once and kept.
fn tls(args: &Args, at: std::net::SocketAddr) -> Result<Option<harbour_hub::tls::Tls>, String> {
    let (cert, key) = match (&args.tls_cert, &args.tls_key, args.self_signed) {
        (Some(c), Some(k), _) => (c.clone(), k.clone()),
        (None, None, true) => ("hub-cert.pem".into(), "hub-key.pem".into()),
        (None, None, false) => return Ok(None),
        _ => return Err(format!("give both --tls-cert and --tls-key\n{USAGE}")),
    };
    if args.self_signed {
        let names = vec!["localhost".to_owned(), at.ip().to_string()];
        if harbour_hub::tls::make_self_signed(&cert, &key, &names)? {
            eprintln!(
                "harbour-hub: made a certificate for this hub in {} (its key in {})",
                cert.display(),
                key.display()
            );
        }
    }
    harbour_hub::tls::load(&cert, &key).map(Some)
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
            let stop = async {
                let _ = tokio::signal::ctrl_c().await;
            };
            let Some(tls) = tls(&args, at)? else {
                if !at.ip().is_loopback() {
                    eprintln!(
                        "harbour-hub: warning: plain HTTP on {at}: device tokens cross the \
                         network in the clear. Use --self-signed or --tls-cert/--tls-key."
                    );
                }
                // Scripts and tests read the address from this line (with --listen …:0, the
                // port the system gave).
                println!("harbour-hub: serving {what} on http://{at}");
                return harbour_hub::serve(db, listener, false, stop)
                    .await
                    .map_err(|e| e.to_string());
            };
            let fingerprint = harbour_hub::tls::show(&tls.fingerprint);
            println!("harbour-hub: serving {what} on https://{at}");
            println!("harbour-hub: certificate fingerprint {fingerprint}");
            eprintln!(
                "harbour-hub: the first computer of a team joins with \
                 `harbour sync join --hub https://{at} --fingerprint {fingerprint}`"
            );
            harbour_hub::tls::serve(db, listener, &tls, false, stop)
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
