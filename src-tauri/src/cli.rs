//! `harbour --data-dir DIR COMMAND`: the same binary, without a window, for administrators and
//! tests. Each command unlocks with a PIN read from `HARBOUR_PIN` or the first line of standard
//! input, does one thing through the same store calls as the app, and locks again.

use harbour_core::{NewUser, Role};
use harbour_i18n::{Arg, Localizer};
use harbour_store::{ChainCheck, DataDir, KdfParams, Store, StoreError, SystemClock};
use std::io::{BufRead, Write};
use std::path::PathBuf;

pub const COMMANDS: &str = "commands (instead of starting the app):
  init --name NAME                 set up Harbour here with its first user, an admin
  demo                             add the fictional sample children (and, if nothing is set up,
                                   set up the demonstration store, PIN 246810)
  backup FILE                      write an encrypted backup to FILE
  restore FILE                     restore a backup into this (empty) data folder
  verify                           check every page of the store and the audit chain
  rebuild                          fold the op log again into the tables the app reads
  export --format json FILE        everything your role may see, as JSON (FILE - for stdout)
  add-user --name NAME --role ROLE roles: foster_carer residential_staff manager
                                   placement_officer admin
  disable-user --name NAME
  grab-sheet --child ID --out FILE.pdf   the child's one-page sheet for the police (audited)
  help-card --lang TAG --out FILE.pdf    the child's help card in a language (ps, ti, ...) and
                                   English, with the home's numbers

  --user NAME   who is unlocking, when more than one user exists
  The PIN is read from HARBOUR_PIN, or else from the first line of standard input. A new
  PIN (init, add-user) from HARBOUR_NEW_PIN, or else the next line.";

/// A parsed command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Init {
        name: String,
    },
    Demo,
    Backup(PathBuf),
    Restore(PathBuf),
    Verify,
    Rebuild,
    Export(Option<PathBuf>),
    AddUser {
        name: String,
        role: Role,
    },
    DisableUser {
        name: String,
    },
    GrabSheet {
        child: harbour_core::ChildId,
        out: PathBuf,
    },
    HelpCard {
        lang: String,
        out: PathBuf,
    },
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
        Some("backup") => Command::Backup(file()?),
        Some("restore") => Command::Restore(file()?),
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
            Command::Export((out != "-").then(|| PathBuf::from(out)))
        }
        Some("add-user") => Command::AddUser {
            name: flag("--name")?,
            role: Role::parse(&flag("--role")?).ok_or("unknown role")?,
        },
        Some("disable-user") => Command::DisableUser {
            name: flag("--name")?,
        },
        Some("grab-sheet") => Command::GrabSheet {
            child: flag("--child")?
                .parse()
                .map_err(|_| "--child needs a child's id".to_owned())?,
            out: PathBuf::from(flag("--out")?),
        },
        Some("help-card") => {
            let lang = flag("--lang")?;
            if harbour_i18n::locale(&lang).is_none() {
                let tags: Vec<_> = harbour_i18n::LOCALES.iter().map(|l| l.tag).collect();
                return Err(format!("--lang is one of {}", tags.join(" ")));
            }
            Command::HelpCard {
                lang,
                out: PathBuf::from(flag("--out")?),
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
}

impl Secrets {
    fn new() -> Self {
        Self {
            stdin_lines: std::cell::RefCell::new(std::io::stdin().lock().lines()),
            pin: std::cell::OnceCell::new(),
            new_pin: std::cell::OnceCell::new(),
        }
    }

    fn next_line(&self) -> String {
        self.stdin_lines
            .borrow_mut()
            .next()
            .and_then(Result::ok)
            .unwrap_or_default()
    }

    fn pin(&self) -> &str {
        self.pin
            .get_or_init(|| std::env::var("HARBOUR_PIN").unwrap_or_else(|_| self.next_line()))
    }

    fn new_pin(&self) -> &str {
        self.new_pin.get_or_init(|| {
            // The acting PIN comes first on standard input.
            let _ = self.pin();
            std::env::var("HARBOUR_NEW_PIN").unwrap_or_else(|_| self.next_line())
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
    match command {
        Command::Init { name } => {
            let pin = secrets.pin();
            let first = NewUser {
                name,
                pin: pin.to_owned(),
                pin_again: pin.to_owned(),
            };
            let store = data
                .create(&first, KdfParams::DEFAULT, SystemClock)
                .map_err(said)?;
            store.lock().map_err(said)?;
            Ok(format!("set up in {}", data.path().display()))
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
        Command::Backup(file) => with_store(&mut |store| {
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
        Command::Verify => with_store(&mut |store| match store.verify_audit().map_err(said)? {
            ChainCheck::Intact { entries } => Ok(format!(
                "store intact; audit chain intact ({entries} entries)"
            )),
            ChainCheck::BrokenAt { seq } => {
                Err(l10n.tr_with("error-audit-broken", &[("entry", Arg::from(seq))]))
            }
        }),
        Command::Rebuild => with_store(&mut |store| {
            store.rebuild().map_err(said)?;
            Ok("rebuilt from the op log".into())
        }),
        Command::Export(out) => with_store(&mut |store| {
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
        Command::GrabSheet { child, out } => with_store(&mut |store| {
            crate::sheet::save(store, child, &out).map_err(|e| l10n.tr(e.message_id()))?;
            Ok(format!("grab sheet written to {}", out.display()))
        }),
        Command::HelpCard { lang, out } => with_store(&mut |store| {
            let help = store.organisation().map_err(said)?.help;
            crate::help::save(&lang, &help, &out).map_err(|e| l10n.tr(e.message_id()))?;
            Ok(format!("help card written to {}", out.display()))
        }),
        Command::DisableUser { name } => with_store(&mut |store| {
            let wanted = harbour_core::users::normalise_user_name(&name);
            let found = store
                .users()
                .map_err(said)?
                .into_iter()
                .find(|u| harbour_core::users::normalise_user_name(&u.name) == wanted)
                .ok_or_else(|| said(StoreError::NotFound))?;
            store.disable_user(found.id).map_err(said)?;
            Ok(format!("disabled {}", found.name))
        }),
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
