//! `harbour --data-dir DIR COMMAND`: the same binary, without a window, for administrators and
//! tests. Each command unlocks with a PIN read from `HARBOUR_PIN` or the first line of standard
//! input, does one thing through the same store calls as the app, and locks again.

use harbour_core::{NewUser, Role};
use harbour_i18n::{Arg, Localizer};
use harbour_store::{ChainCheck, DataDir, KdfParams, Store, StoreError, SystemClock};
use std::io::{BufRead, Write};
use std::path::PathBuf;

pub const COMMANDS: &str = "commands (instead of starting the app):
  init --name NAME                 set up Harbour here with its first user, an admin; prints
                                   the organisation's recovery key once: write it down
  demo                             set up the demonstration store (PIN 246810) with the
                                   fictional sample children; real records refuse them
  backup FILE [--force]            write an encrypted backup to FILE
  restore FILE                     restore a backup made on this computer into this (empty)
                                   data folder, with a PIN
  restore FILE --recovery-key      restore a backup on any computer with the recovery key, as
                                   the administrator --user NAME, who chooses a new PIN
  recovery-key                     make a new recovery key (backups from now on need it)
  verify                           check every page of the store and the audit chain, and
                                   compare every synced team's records with its hub
  rebuild                          fold the op log again into the tables the app reads
  export --format json FILE        everything your role may see, as JSON (FILE - for stdout)
  add-user --name NAME --role ROLE roles: foster_carer residential_staff manager
                                   placement_officer admin
  disable-user --name NAME         they can no longer unlock; the records' key is replaced
  reset-pin --name NAME            give someone a new PIN (they forgot theirs)
  rotate-keys                      replace the records' key (after a suspected compromise)
  grab-sheet --child ID --out FILE.pdf   the child's one-page sheet for the police (audited)
  help-card --lang TAG --out FILE.pdf    the child's help card in a language (ps, ti, ...) and
                                   English, with the home's numbers
  transfer-out --child ID --out FILE     the child's whole record, sealed under a passphrase
                                   (16 characters or more), for a home on another hub or none
  transfer-in FILE                 bring a child's record in from another home's package, into
                                   the team shown (the passphrase read out by that home)
  move-child --child ID --to-team NAME   move a child to another team on the same hub that
                                   this device holds: the record goes with them, and the team
                                   they leave keeps what it recorded, read-only
  merge-children --keep ID --merge ID    join two records of one child (made in two homes
                                   before they shared a team): nothing of either is lost
  publish-defaults --keys KEY,KEY  publish the shown team's settings (on_call, help.runaway,
                                   ...) as the defaults of every team on this device; a
                                   team's own setting still stands
  sync join --hub URL [--fingerprint HEX]
                                   the first device of a team joins its hub, with a one-time
                                   token from `harbour-hub token --new-team`; makes the team
                                   key (the fingerprint, of a certificate the hub made itself,
                                   is the one harbour-hub printed)
  sync join                        another device joins, with an invitation code from
                                   `sync invite` on a device already joined; on a computer
                                   not set up yet, it joins with no one of its own and the
                                   team's staff sign in with their own names and PINs
  sync invite                      make an invitation code for another device, from a token from
                                   `harbour-hub token --team ID` (the code is printed: it
                                   carries the team key, so hand it over in person)
  sync now                         sync every team with its hub now
  sync status [--json]             each team's hub, last sync, records waiting, the last error

  --user NAME   who is unlocking, when more than one user exists
  --team NAME   which team (sync), when this device has more than one
  --force       replace a FILE that exists (otherwise it is refused)
  The recovery key is read from HARBOUR_RECOVERY_KEY, or else from standard input.
  The PIN is read from HARBOUR_PIN, or else from standard input: asked for without showing
  it when that is a terminal, else its first line. A new PIN (init, add-user, reset-pin) from
  HARBOUR_NEW_PIN, or else the same way, next. A hub token from HARBOUR_SYNC_TOKEN, an
  invitation code from HARBOUR_SYNC_CODE and a transfer passphrase from HARBOUR_PASSPHRASE, or
  else the same way, after the PIN.";

/// A parsed command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Init {
        name: String,
    },
    Demo,
    Backup {
        file: PathBuf,
        force: bool,
    },
    Restore(PathBuf),
    RestoreWithRecoveryKey(PathBuf),
    RecoveryKey,
    Verify,
    Rebuild,
    Export {
        out: Option<PathBuf>,
        force: bool,
    },
    AddUser {
        name: String,
        role: Role,
    },
    DisableUser {
        name: String,
    },
    ResetPin {
        name: String,
    },
    RotateKeys,
    GrabSheet {
        child: harbour_core::ChildId,
        out: PathBuf,
        force: bool,
    },
    TransferOut {
        child: harbour_core::ChildId,
        out: PathBuf,
        force: bool,
    },
    TransferIn(PathBuf),
    MoveChild {
        child: harbour_core::ChildId,
        to_team: String,
    },
    MergeChildren {
        keep: harbour_core::ChildId,
        merge: harbour_core::ChildId,
    },
    PublishDefaults {
        keys: Vec<String>,
    },
    HelpCard {
        lang: String,
        out: PathBuf,
        force: bool,
    },
    Sync {
        command: crate::sync::SyncCommand,
        team: Option<String>,
    },
}

fn child_id(text: &str) -> Result<harbour_core::ChildId, String> {
    text.parse()
        .map_err(|_| format!("{text} is not a child's id"))
}

/// Parses the words after the options. `Err` is a usage problem.
pub fn parse(words: &[String]) -> Result<Command, String> {
    let flag = |name: &str| -> Result<String, String> {
        let at = words
            .iter()
            .position(|w| w == name)
            .ok_or(format!("{} needs {name}", words[0]))?;
        words
            .get(at + 1)
            .cloned()
            .ok_or(format!("{name} needs a value"))
    };
    let force = words.iter().any(|w| w == "--force");
    let file = || -> Result<PathBuf, String> {
        words
            .get(1)
            .map(PathBuf::from)
            .ok_or(format!("{} needs a FILE", words[0]))
    };
    Ok(match words.first().map(String::as_str) {
        Some("init") => Command::Init {
            name: flag("--name")?,
        },
        Some("demo") => Command::Demo,
        Some("backup") => Command::Backup {
            file: file()?,
            force,
        },
        Some("restore") if words.iter().any(|w| w == "--recovery-key") => {
            Command::RestoreWithRecoveryKey(file()?)
        }
        Some("restore") => Command::Restore(file()?),
        Some("recovery-key") => Command::RecoveryKey,
        Some("verify") => Command::Verify,
        Some("rebuild") => Command::Rebuild,
        Some("export") => {
            if flag("--format")? != "json" {
                return Err("export knows one format: --format json".into());
            }
            let out = words
                .iter()
                .skip(1)
                .rfind(|w| !w.starts_with("--") && *w != "json")
                .ok_or("export needs a FILE (or - for standard output)")?;
            Command::Export {
                out: (out != "-").then(|| PathBuf::from(out)),
                force,
            }
        }
        Some("add-user") => Command::AddUser {
            name: flag("--name")?,
            role: Role::parse(&flag("--role")?).ok_or("unknown role")?,
        },
        Some("disable-user") => Command::DisableUser {
            name: flag("--name")?,
        },
        Some("reset-pin") => Command::ResetPin {
            name: flag("--name")?,
        },
        Some("rotate-keys") => Command::RotateKeys,
        Some("grab-sheet") => Command::GrabSheet {
            child: flag("--child")?
                .parse()
                .map_err(|_| "--child needs a child's id".to_owned())?,
            out: PathBuf::from(flag("--out")?),
            force,
        },
        Some("transfer-out") => Command::TransferOut {
            child: flag("--child")?
                .parse()
                .map_err(|_| "--child needs a child's id".to_owned())?,
            out: PathBuf::from(flag("--out")?),
            force,
        },
        Some("transfer-in") => Command::TransferIn(PathBuf::from(
            words.get(1).ok_or("transfer-in needs the package's file")?,
        )),
        Some("move-child") => Command::MoveChild {
            child: child_id(&flag("--child")?)?,
            to_team: flag("--to-team")?,
        },
        Some("merge-children") => Command::MergeChildren {
            keep: child_id(&flag("--keep")?)?,
            merge: child_id(&flag("--merge")?)?,
        },
        Some("publish-defaults") => {
            let keys: Vec<String> = flag("--keys")?
                .split(',')
                .map(|k| k.trim().to_owned())
                .filter(|k| !k.is_empty())
                .collect();
            let known = harbour_core::organisation::Organisation::default().fields();
            if let Some(unknown) = keys.iter().find(|k| !known.contains_key(*k)) {
                let names: Vec<&str> = known.keys().map(String::as_str).collect();
                return Err(format!(
                    "no setting is called {unknown}; the settings are: {}",
                    names.join(" ")
                ));
            }
            if keys.is_empty() {
                return Err("--keys needs one setting or more, e.g. on_call,help.runaway".into());
            }
            Command::PublishDefaults { keys }
        }
        Some("help-card") => {
            let lang = flag("--lang")?;
            if harbour_i18n::locale(&lang).is_none() {
                let tags: Vec<_> = harbour_i18n::LOCALES.iter().map(|l| l.tag).collect();
                return Err(format!("--lang is one of {}", tags.join(" ")));
            }
            Command::HelpCard {
                lang,
                out: PathBuf::from(flag("--out")?),
                force,
            }
        }
        Some("sync") => {
            let optional = |name: &str| -> Result<Option<String>, String> {
                match words.iter().position(|w| w == name) {
                    Some(at) => words
                        .get(at + 1)
                        .cloned()
                        .map(Some)
                        .ok_or(format!("{name} needs a value")),
                    None => Ok(None),
                }
            };
            use crate::sync::SyncCommand;
            let command = match words.get(1).map(String::as_str) {
                Some("join") => SyncCommand::Join {
                    hub: optional("--hub")?,
                    fingerprint: optional("--fingerprint")?,
                },
                Some("invite") => SyncCommand::Invite,
                Some("now") => SyncCommand::Now,
                Some("status") => SyncCommand::Status {
                    json: words.iter().any(|w| w == "--json"),
                },
                _ => return Err("sync needs one of: join, invite, now, status".into()),
            };
            Command::Sync {
                command,
                team: optional("--team")?,
            }
        }
        Some(other) => return Err(format!("unknown command {other}")),
        None => return Err("no command".into()),
    })
}

/// Secrets come from the environment or standard input, never the command line (which other
/// users of the machine can see). Standard input is read only for what the command needs, a
/// line at a time, so a command never waits for input it does not use.
struct Secrets {
    stdin_lines: std::cell::RefCell<std::io::Lines<std::io::StdinLock<'static>>>,
    pin: std::cell::OnceCell<String>,
    new_pin: std::cell::OnceCell<String>,
    recovery_key: std::cell::OnceCell<String>,
}

/// A secret other than a PIN: from its variable, or else the next line after the PIN.
fn secret_after_pin(secrets: &Secrets, variable: &str, prompt: &str) -> String {
    std::env::var(variable).unwrap_or_else(|_| {
        let _ = secrets.pin();
        secrets.next_line(prompt)
    })
}

impl Secrets {
    fn new() -> Self {
        Self {
            stdin_lines: std::cell::RefCell::new(std::io::stdin().lock().lines()),
            pin: std::cell::OnceCell::new(),
            new_pin: std::cell::OnceCell::new(),
            recovery_key: std::cell::OnceCell::new(),
        }
    }

    /// The next line of standard input; at a terminal, asked for with `prompt` and not shown
    /// as it is typed.
    fn next_line(&self, prompt: &str) -> String {
        use std::io::IsTerminal as _;
        if std::io::stdin().is_terminal() {
            return rpassword::prompt_password(prompt).unwrap_or_default();
        }
        self.stdin_lines
            .borrow_mut()
            .next()
            .and_then(Result::ok)
            .unwrap_or_default()
    }

    fn pin(&self) -> &str {
        self.pin.get_or_init(|| {
            std::env::var("HARBOUR_PIN").unwrap_or_else(|_| self.next_line("PIN: "))
        })
    }

    fn recovery_key(&self) -> &str {
        self.recovery_key.get_or_init(|| {
            std::env::var("HARBOUR_RECOVERY_KEY")
                .unwrap_or_else(|_| self.next_line("Recovery key: "))
        })
    }

    fn new_pin(&self) -> &str {
        // The acting PIN comes first on standard input.
        let _ = self.pin();
        self.chosen_pin()
    }

    /// A new PIN where no one unlocks first (a restore with the recovery key, after the key).
    fn chosen_pin(&self) -> &str {
        self.new_pin.get_or_init(|| {
            std::env::var("HARBOUR_NEW_PIN").unwrap_or_else(|_| self.next_line("New PIN: "))
        })
    }
}

/// Runs a command; the `Err` is the message for the user, already translated. What the
/// command reports goes to standard error; standard output carries only data (an export to `-`).
pub fn run(data: &DataDir, user: Option<&str>, command: Command) -> Result<String, String> {
    let l10n = Localizer::new(harbour_i18n::SOURCE_TAG);
    let said = |e: StoreError| explain(&l10n, &e);
    let secrets = Secrets::new();
    // Unlocks, does `f`, and locks again whatever `f` returned (locking is audited).
    let with_store = |f: &mut dyn FnMut(&mut Store) -> Result<String, String>| {
        let mut store = data
            .unlock(user, secrets.pin(), SystemClock)
            .map_err(said)?;
        let result = f(&mut store);
        let locked = store.lock().map_err(said);
        let message = result?;
        locked.map(|()| message)
    };
    if let Some(path) = command.writes() {
        if path.exists() && !command.force() {
            return Err(format!(
                "{} already exists: nothing was written. Choose another name, or add --force \
                 to replace it.",
                path.display()
            ));
        }
    }
    match command {
        Command::Init { name } => {
            let pin = secrets.pin();
            let first = NewUser {
                name,
                pin: pin.to_owned(),
                pin_again: pin.to_owned(),
            };
            let mut store = data
                .create(&first, KdfParams::DEFAULT, SystemClock)
                .map_err(said)?;
            let recovery = store.new_recovery_key().map_err(said)?;
            store.lock().map_err(said)?;
            print_recovery_key(&recovery);
            Ok(format!("set up in {}", data.path().display()))
        }
        Command::RecoveryKey => with_store(&mut |store| {
            let recovery = store.new_recovery_key().map_err(said)?;
            print_recovery_key(&recovery);
            Ok("a new recovery key was made: backups from now on need it".into())
        }),
        Command::RestoreWithRecoveryKey(file) => {
            let admin =
                user.ok_or("restore --recovery-key needs --user NAME (an administrator)")?;
            let store = data
                .restore_with_recovery_key(
                    &file,
                    secrets.recovery_key(),
                    admin,
                    secrets.chosen_pin(),
                    KdfParams::DEFAULT,
                    SystemClock,
                )
                .map_err(said)?;
            store.lock().map_err(said)?;
            Ok(format!(
                "restored into {}; {admin} unlocks with the new PIN, and gives everyone else a \
                 new one (reset-pin)",
                data.path().display()
            ))
        }
        Command::Demo => {
            let status = data.status(&SystemClock).map_err(said)?;
            if !status.set_up {
                let store = data.create_demo(SystemClock).map_err(said)?;
                store.lock().map_err(said)?;
                return Ok("demonstration store set up with the sample children".into());
            }
            with_store(&mut |store| {
                let added = store.load_sample_children().map_err(said)?;
                Ok(format!("{added} sample children added"))
            })
        }
        Command::Backup { file, .. } => with_store(&mut |store| {
            let mut last = 0;
            store
                .backup(&file, &mut |p| {
                    if p >= last + 25 || p == 100 {
                        eprintln!("backup: {p}%");
                        last = p;
                    }
                })
                .map_err(said)?;
            Ok(format!("backup written to {}", file.display()))
        }),
        Command::Restore(file) => {
            let store = data
                .restore(&file, user, secrets.pin(), SystemClock)
                .map_err(said)?;
            store.lock().map_err(said)?;
            Ok(format!("restored into {}", data.path().display()))
        }
        Command::Verify => with_store(&mut |store| {
            let mut said_here = match store.verify_audit().map_err(said)? {
                ChainCheck::Intact { entries } => {
                    format!("store intact; audit chain intact ({entries} entries)")
                }
                ChainCheck::BrokenAt { seq } => {
                    return Err(l10n.tr_with("error-audit-broken", &[("entry", Arg::from(seq))]))
                }
            };
            // And every series of every team joined to a hub, compared with the hub's.
            let hubs = crate::sync::compare_with_hubs(&l10n, store)?;
            if !hubs.is_empty() {
                said_here.push('\n');
                said_here.push_str(&hubs);
            }
            Ok(said_here)
        }),
        Command::Rebuild => with_store(&mut |store| {
            store.rebuild().map_err(said)?;
            Ok("rebuilt from the op log".into())
        }),
        Command::Export { out, .. } => with_store(&mut |store| {
            let json = store.export_json().map_err(said)?;
            let text = serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?;
            match &out {
                Some(path) => {
                    harbour_store::write_atomically(path, |f| f.write_all(text.as_bytes()))
                        .map_err(|e| e.to_string())?
                }
                None => writeln!(std::io::stdout(), "{text}").map_err(|e| e.to_string())?,
            }
            Ok("exported".into())
        }),
        Command::AddUser { name, role } => with_store(&mut |store| {
            let new = NewUser {
                name: name.clone(),
                pin: secrets.new_pin().to_owned(),
                pin_again: secrets.new_pin().to_owned(),
            };
            let user = store
                .add_user(&new, role, KdfParams::DEFAULT)
                .map_err(said)?;
            Ok(format!("added {} ({})", user.name, role.as_str()))
        }),
        Command::TransferOut { child, out, .. } => with_store(&mut |store| {
            let passphrase = secret_after_pin(
                &secrets,
                "HARBOUR_PASSPHRASE",
                "Passphrase for the package: ",
            );
            let package = store.transfer_out(child, &passphrase).map_err(said)?;
            harbour_store::write_atomically(&out, |f| f.write_all(&package))
                .map_err(|e| e.to_string())?;
            Ok(format!(
                "transfer package written to {}: give it to the new home, and read them the \
                 passphrase by phone (never with the file)",
                out.display()
            ))
        }),
        Command::TransferIn(file) => with_store(&mut |store| {
            let package = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let passphrase =
                secret_after_pin(&secrets, "HARBOUR_PASSPHRASE", "The package's passphrase: ");
            let child = store.transfer_in(&package, &passphrase).map_err(said)?;
            Ok(format!("the child's record was brought in ({child})"))
        }),
        Command::MoveChild { child, to_team } => with_store(&mut |store| {
            let team = crate::sync::pick_team(store, Some(&to_team))?;
            store.move_child(child, team).map_err(said)?;
            Ok(format!(
                "the child's record was moved to {to_team}: sync now so that team's computers \
                 get it"
            ))
        }),
        Command::MergeChildren { keep, merge } => with_store(&mut |store| {
            store.merge_children(keep, merge).map_err(said)?;
            Ok(format!("{merge} is now shown as part of {keep}'s record"))
        }),
        Command::PublishDefaults { keys } => with_store(&mut |store| {
            let teams = store.publish_defaults(&keys).map_err(said)?;
            Ok(format!(
                "published {} as the defaults of {} team(s): sync now so their computers get them",
                keys.join(", "),
                teams.len()
            ))
        }),
        Command::GrabSheet { child, out, .. } => with_store(&mut |store| {
            crate::sheet::save(store, child, &out).map_err(|e| l10n.tr(e.message_id()))?;
            Ok(format!("grab sheet written to {}", out.display()))
        }),
        Command::HelpCard { lang, out, .. } => with_store(&mut |store| {
            let help = store.organisation().map_err(said)?.help;
            crate::help::save(&lang, &help, &out).map_err(|e| l10n.tr(e.message_id()))?;
            Ok(format!("help card written to {}", out.display()))
        }),
        Command::DisableUser { name } => with_store(&mut |store| {
            let found = find_user(store, &name).map_err(said)?;
            store.disable_user(found.id).map_err(said)?;
            Ok(format!(
                "disabled {}; the records' key was replaced",
                found.name
            ))
        }),
        Command::ResetPin { name } => with_store(&mut |store| {
            let found = find_user(store, &name).map_err(said)?;
            let pin = secrets.new_pin();
            store
                .reset_pin(found.id, pin, pin, KdfParams::DEFAULT)
                .map_err(said)?;
            Ok(format!("{} has a new PIN", found.name))
        }),
        Command::Sync {
            command: crate::sync::SyncCommand::Join { hub: None, .. },
            ..
        } if !data.status(&SystemClock).map_err(said)?.set_up => {
            // A new computer: it joins with no one of its own, and the team's staff sign in.
            let code = std::env::var("HARBOUR_SYNC_CODE")
                .unwrap_or_else(|_| secrets.next_line("Invitation code: "));
            let names = crate::sync::join_new_device(data, &code).map_err(|f| f.words(&l10n))?;
            Ok(format!(
                "joined; {} can sign in here with the name and PIN they use on the team's other \
                 computers: {}",
                names.len(),
                names.join(", ")
            ))
        }
        Command::Sync { command, team } => with_store(&mut |store| {
            use crate::sync::{self as sync, SyncCommand};
            // Whoever invites shares their key with the team first (if it is not there yet),
            // so that they, and so someone, can sign in on the computer that joins.
            let share = |store: &mut Store| store.share_my_key(secrets.pin()).map_err(said);
            match &command {
                SyncCommand::Join {
                    hub: Some(hub),
                    fingerprint,
                } => {
                    let team = sync::pick_team(store, team.as_deref())?;
                    let token = secret_after_pin(&secrets, "HARBOUR_SYNC_TOKEN", "Hub token: ");
                    let pin = secrets.pin();
                    sync::join_first(store, team, hub, fingerprint.as_deref(), &token, pin)
                        .map_err(|f| f.words(&l10n))
                }
                SyncCommand::Join { hub: None, .. } => {
                    let code = secret_after_pin(&secrets, "HARBOUR_SYNC_CODE", "Invitation code: ");
                    sync::join_invited(store, &code, Some(secrets.pin()))
                        .map_err(|f| f.words(&l10n))
                }
                SyncCommand::Invite => {
                    let team = sync::pick_team(store, team.as_deref())?;
                    let token = secret_after_pin(&secrets, "HARBOUR_SYNC_TOKEN", "Hub token: ");
                    share(store)?;
                    let code = sync::invite(store, team, &token).map_err(|f| f.words(&l10n))?;
                    println!("{code}");
                    Ok(
                        "invitation code made: give it to the other device by hand (it \
                        carries the team key), never by e-mail"
                            .into(),
                    )
                }
                SyncCommand::Now => sync::sync_now(&l10n, store),
                SyncCommand::Status { json } => {
                    let teams = sync::status(&l10n, store).map_err(said)?;
                    if *json {
                        let text =
                            serde_json::to_string_pretty(&teams).map_err(|e| e.to_string())?;
                        println!("{text}");
                    } else {
                        println!("{}", sync::status_text(&teams));
                    }
                    Ok(format!("{} team(s) joined to a hub", teams.len()))
                }
            }
        }),
        Command::RotateKeys => with_store(&mut |store| {
            let rotated = store.rotate_keys().map_err(said)?;
            let mut message = format!(
                "the records' key was replaced; {} member(s) of staff can unlock",
                rotated.kept
            );
            if !rotated.dropped.is_empty() {
                message.push_str(&format!(
                    "; {} had not signed in since the update and need a new PIN (reset-pin)",
                    rotated.dropped.len()
                ));
            }
            Ok(message)
        }),
    }
}

/// The recovery key goes to standard output (the one place a command writes data), once.
fn print_recovery_key(key: &harbour_store::RecoveryKey) {
    println!("Recovery key: {}", key.text());
    eprintln!(
        "Write the recovery key down or print it, and keep it somewhere safe away from this \
         computer. It opens every backup from now on; Harbour does not keep it."
    );
}

/// The enabled or disabled user with this name, however it is spaced or capitalised.
fn find_user(store: &Store, name: &str) -> Result<harbour_core::User, StoreError> {
    let wanted = harbour_core::users::normalise_user_name(name);
    store
        .users()?
        .into_iter()
        .find(|u| harbour_core::users::normalise_user_name(&u.name) == wanted)
        .ok_or(StoreError::NotFound)
}

impl Command {
    /// The file the command writes, if any.
    fn writes(&self) -> Option<&std::path::Path> {
        match self {
            Command::Backup { file, .. } => Some(file),
            Command::Export { out, .. } => out.as_deref(),
            Command::GrabSheet { out, .. }
            | Command::HelpCard { out, .. }
            | Command::TransferOut { out, .. } => Some(out),
            _ => None,
        }
    }

    fn force(&self) -> bool {
        match self {
            Command::Backup { force, .. }
            | Command::Export { force, .. }
            | Command::GrabSheet { force, .. }
            | Command::HelpCard { force, .. }
            | Command::TransferOut { force, .. } => *force,
            _ => false,
        }
    }
}

/// The translated message for an error, with every field problem and any wait.
fn explain(l10n: &Localizer, e: &StoreError) -> String {
    let mut lines = vec![l10n.tr(e.message_id())];
    if let StoreError::Invalid(fields) = e {
        lines = fields.iter().map(|f| l10n.tr(f.message_id())).collect();
    }
    if let Some(seconds) = e.retry_after_seconds().filter(|s| *s > 0) {
        lines.push(l10n.tr_with("unlock-wait", &[("seconds", Arg::from(seconds as i64))]));
    }
    // Plain text for a terminal: no bidi isolation marks.
    lines.join("\n").replace(['\u{2068}', '\u{2069}'], "")
}
