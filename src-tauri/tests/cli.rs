//! The `harbour` command line, run as a user would. (Building this test also builds the app
//! binary that the end-to-end tests drive, with the same features as every other test.)

use serde_json::Value;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn harbour(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_harbour"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap()
}

#[test]
fn help_lists_the_options() {
    let out = harbour(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("--data-dir DIR") && text.contains("--sample-data"),
        "{text}"
    );
}

#[test]
fn bad_options_are_refused_with_usage_and_nothing_opens() {
    for args in [&["--frobnicate"][..], &["--data-dir"][..]] {
        let out = harbour(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let text = String::from_utf8(out.stderr).unwrap();
        assert!(text.contains("usage: harbour"), "{text}");
    }
}

// The administrator commands, headless, each in its own data folder. Every call derives a key
// with the default Argon2id settings (about half a second), so calls are kept few.

const PIN: &str = "402719";
/// `harbour_store::DEMO_PIN` (this crate's tests do not depend on the store crate).
const DEMO_PIN: &str = "246810";

/// How a command gets its PIN(s).
#[derive(Clone, Copy)]
enum Pins<'a> {
    Env(&'a str),
    EnvWithNew(&'a str, &'a str),
    /// The PIN as the first line of standard input.
    Stdin(&'a str),
    /// A recovery key and the new PIN, for a restore with the recovery key.
    Recovery(&'a str, &'a str),
    /// The PIN and other variables (a hub token, an invitation code).
    EnvWith(&'a str, &'a [(&'a str, &'a str)]),
}

/// Runs `harbour --data-dir DIR [--user NAME] ARGS…` without a display, the PIN(s) given as
/// asked and nothing else inherited that could change the answer.
fn admin(dir: &Path, user: Option<&str>, args: &[&str], pins: Pins<'_>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_harbour"));
    cmd.arg("--data-dir").arg(dir);
    if let Some(user) = user {
        cmd.args(["--user", user]);
    }
    // Each data folder is a computer of its own: its device secrets in a settings folder
    // inside it (no keyring, so the run never touches the developer's own).
    let config = dir.join(".computer");
    cmd.args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("HARBOUR_PIN")
        .env_remove("HARBOUR_NEW_PIN")
        .env_remove("HARBOUR_RECOVERY_KEY")
        .env_remove("HARBOUR_SYNC_TOKEN")
        .env_remove("HARBOUR_SYNC_CODE")
        .env_remove("HARBOUR_PASSPHRASE")
        .env("XDG_CONFIG_HOME", &config)
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/harbour-test-bus",
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let stdin = match pins {
        Pins::Env(pin) => {
            cmd.env("HARBOUR_PIN", pin);
            None
        }
        Pins::EnvWithNew(pin, new) => {
            cmd.env("HARBOUR_PIN", pin).env("HARBOUR_NEW_PIN", new);
            None
        }
        Pins::Stdin(pin) => Some(format!("{pin}\n")),
        Pins::EnvWith(pin, vars) => {
            cmd.env("HARBOUR_PIN", pin);
            for (name, value) in vars {
                cmd.env(name, value);
            }
            None
        }
        Pins::Recovery(key, new) => {
            cmd.env("HARBOUR_RECOVERY_KEY", key)
                .env("HARBOUR_NEW_PIN", new);
            None
        }
    };
    cmd.stdin(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
        // Dropping it closes standard input.
        drop(input);
        return child.wait_with_output().unwrap();
    }
    // With the PINs in the environment, standard input stays open and empty, as in a terminal:
    // a command that waited on it would never finish.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("harbour {args:?} waited on standard input it does not need");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn text(out: &Output) -> String {
    format!(
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A data folder set up by `init`, with Sam Admin and `PIN`.
fn set_up_as_sam() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    succeeds(&admin(
        dir.path(),
        None,
        &["init", "--name", "Sam Admin"],
        Pins::Env(PIN),
    ));
    dir
}

#[track_caller]
fn succeeds(out: &Output) {
    assert!(out.status.success(), "{}", text(out));
}

/// Exit status 1 with `message` on standard error.
#[track_caller]
fn fails_with(out: &Output, message: &str) {
    assert_eq!(out.status.code(), Some(1), "{}", text(out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(message),
        "wanted {message:?}; {}",
        text(out)
    );
}

/// The export's children, as exported.
fn children(export: &Value) -> Vec<Value> {
    export["children"]
        .as_array()
        .unwrap_or_else(|| panic!("no children array in {export}"))
        .iter()
        .map(|c| c["child"].clone())
        .collect()
}

/// Standard output of `export … -`: exactly one JSON document, nothing else (what the command
/// says goes to standard error), so it can be piped into another tool.
fn json_on_stdout(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}): {}", text(out)))
}

/// Every file under `dir`, with its bytes.
fn files_under(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            let bytes = std::fs::read(&path).unwrap();
            out.push((path, bytes));
        }
    }
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn init_sets_up_once_and_a_second_init_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let first = admin(
        dir.path(),
        None,
        &["init", "--name", "Sam Admin"],
        Pins::Env(PIN),
    );
    succeeds(&first);
    assert!(dir.path().join("harbour.keys").exists());
    // The recovery key, once, on standard output: nine groups of four.
    let out = String::from_utf8_lossy(&first.stdout);
    let key = out
        .trim()
        .strip_prefix("Recovery key: ")
        .unwrap_or_else(|| panic!("{}", text(&first)));
    assert_eq!(key.split('-').count(), 9, "{key}");
    assert!(key.split('-').all(|g| g.len() == 4), "{key}");
    let keys_before = std::fs::read(dir.path().join("harbour.keys")).unwrap();

    let again = admin(
        dir.path(),
        None,
        &["init", "--name", "Other Admin"],
        Pins::Env(PIN),
    );
    fails_with(&again, "Harbour is already set up here");
    assert_eq!(
        std::fs::read(dir.path().join("harbour.keys")).unwrap(),
        keys_before,
        "a refused init changes nothing"
    );
}

#[test]
fn verify_refuses_a_wrong_pin_and_passes_with_the_right_one_from_stdin() {
    let dir = set_up_as_sam();

    let wrong = admin(dir.path(), None, &["verify"], Pins::Env("402718"));
    fails_with(&wrong, "That name or PIN is not right");
    assert!(wrong.stdout.is_empty(), "{}", text(&wrong));

    let right = admin(dir.path(), None, &["verify"], Pins::Stdin(PIN));
    succeeds(&right);
    let said = String::from_utf8_lossy(&right.stderr);
    assert!(said.contains("audit chain intact"), "{}", text(&right));
}

/// Real records never take the made-up children: `demo` on them is refused, and says how to
/// try Harbour instead; nothing is added.
#[test]
fn demo_refuses_real_records() {
    let dir = set_up_as_sam();
    fails_with(
        &admin(dir.path(), None, &["demo"], Pins::Env(PIN)),
        "only into a demonstration store",
    );
    let out_dir = tempfile::tempdir().unwrap();
    let file = out_dir.path().join("export.json");
    succeeds(&admin(
        dir.path(),
        None,
        &["export", "--format", "json", file.to_str().unwrap()],
        Pins::Env(PIN),
    ));
    let json: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert!(children(&json).is_empty(), "{json}");
}

#[test]
fn demo_sets_up_the_sample_children_and_export_writes_them_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let file = out_dir.path().join("export.json");
    succeeds(&admin(dir.path(), None, &["demo"], Pins::Env(DEMO_PIN)));

    let export = admin(
        dir.path(),
        None,
        &["export", "--format", "json", file.to_str().unwrap()],
        Pins::Env(DEMO_PIN),
    );
    succeeds(&export);
    let json: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode, 0o600,
            "an export holds records in the clear: owner only"
        );
    }
    let names: Vec<String> = children(&json)
        .iter()
        .map(|c| c["name_latin"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names.len(), 3, "{json}");
    assert!(names.iter().all(|n| n.contains("Sample")), "{names:?}");
    // The profile goes with the child (for a new placement), section by section.
    assert_eq!(json["format"], 2);
    let phones = json["children"][0]["profile"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["section"] == "phones")
        .unwrap()
        .clone();
    assert_eq!(phones["values"]["mobile_numbers"], "07700 900123");
    assert!(phones["review"]["at"].is_string());

    // A child's grab sheet: one page, the child's names in it, owner-only.
    let first = &children(&json)[0];
    let sheet = out_dir.path().join("sheet.pdf");
    let made = admin(
        dir.path(),
        None,
        &[
            "grab-sheet",
            "--child",
            first["id"].as_str().unwrap(),
            "--out",
            sheet.to_str().unwrap(),
        ],
        Pins::Env(DEMO_PIN),
    );
    succeeds(&made);
    let info = Command::new("pdfinfo").arg(&sheet).output().unwrap();
    assert!(String::from_utf8_lossy(&info.stdout).contains("Pages:           1"));
    let text = Command::new("pdftotext")
        .arg(&sheet)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains(first["name_latin"].as_str().unwrap()),
        "{text}"
    );
    // ...and the profile: description, the phone, the critical medication.
    for expected in [
        "168 cm",
        "07700 900123",
        "CRITICAL IF MISSED",
        "(age disputed)",
    ] {
        assert!(text.contains(expected), "{expected:?} not in\n{text}");
    }
    let unknown = admin(
        dir.path(),
        None,
        &[
            "grab-sheet",
            "--child",
            "01936b6e-7c00-7000-8000-000000000099",
            "--out",
            sheet.to_str().unwrap(),
            "--force",
        ],
        Pins::Env(DEMO_PIN),
    );
    fails_with(&unknown, "could not be found");

    // The child's help card in Pashto, beside English, with the home's numbers; an unknown
    // language is refused with the list.
    let card = out_dir.path().join("card.pdf");
    let made = admin(
        dir.path(),
        None,
        &["help-card", "--lang", "ps", "--out", card.to_str().unwrap()],
        Pins::Env(DEMO_PIN),
    );
    succeeds(&made);
    let text = Command::new("pdftotext")
        .arg(&card)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).replace('\u{a0}', " ");
    assert!(
        text.contains("116 000") && text.contains("Pashto") && text.contains("مرسته"),
        "{text}"
    );
    let unknown = admin(
        dir.path(),
        None,
        &["help-card", "--lang", "xx", "--out", card.to_str().unwrap()],
        Pins::Env(DEMO_PIN),
    );
    assert_eq!(unknown.status.code(), Some(2), "a usage problem");
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("ps prs fa ar"));
}

#[test]
fn a_backup_restores_into_an_empty_folder_only_whole_and_nothing_is_in_the_clear() {
    let data = tempfile::tempdir().unwrap();
    let restored = tempfile::tempdir().unwrap();
    let fresh = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let export_file = elsewhere.path().join("export.json");
    let backup = elsewhere.path().join("harbour.backup");
    let cut = elsewhere.path().join("cut.backup");
    let pins = Pins::Env(DEMO_PIN);
    // The output of every command but the exports, scanned for names at the end.
    let mut logs: Vec<(String, Output)> = Vec::new();
    let mut run = |what: &str, dir: &Path, args: &[&str]| {
        let out = admin(dir, None, args, pins);
        logs.push((what.to_owned(), out.clone()));
        out
    };

    succeeds(&run("demo", data.path(), &["demo"]));
    let export = admin(
        data.path(),
        None,
        &["export", "--format", "json", export_file.to_str().unwrap()],
        pins,
    );
    succeeds(&export);
    let original: Value = serde_json::from_slice(&std::fs::read(&export_file).unwrap()).unwrap();
    let original = children(&original);
    assert_eq!(original.len(), 3);

    let made = run("recovery key", data.path(), &["recovery-key"]);
    succeeds(&made);
    let recovery = String::from_utf8_lossy(&made.stdout)
        .trim()
        .strip_prefix("Recovery key: ")
        .expect("the key on standard output")
        .to_owned();
    succeeds(&run(
        "backup",
        data.path(),
        &["backup", backup.to_str().unwrap()],
    ));
    // A second backup to the same file is refused unless asked for.
    let over = run(
        "backup again",
        data.path(),
        &["backup", backup.to_str().unwrap()],
    );
    fails_with(&over, "already exists");
    succeeds(&run(
        "backup again, forced",
        data.path(),
        &["backup", backup.to_str().unwrap(), "--force"],
    ));
    // On another computer: the demo PIN opens nothing there; the recovery key does, for the
    // administrator, who chooses a new PIN.
    let by_pin = run(
        "restore by PIN elsewhere",
        restored.path(),
        &["restore", backup.to_str().unwrap()],
    );
    fails_with(&by_pin, "does not hold the key");
    let by_key = admin(
        restored.path(),
        Some("Demo Admin"),
        &["restore", backup.to_str().unwrap(), "--recovery-key"],
        Pins::Recovery(&recovery, "583920"),
    );
    succeeds(&by_key);
    let by_key_log = ("restore with the recovery key".to_owned(), by_key);
    let export = admin(
        restored.path(),
        None,
        &["export", "--format", "json", "-"],
        Pins::Env("583920"),
    );
    succeeds(&export);
    assert_eq!(
        children(&json_on_stdout(&export)),
        original,
        "the restored store holds the same children"
    );

    let again = run(
        "restore again",
        restored.path(),
        &["restore", backup.to_str().unwrap()],
    );
    fails_with(&again, "already set up");

    let bytes = std::fs::read(&backup).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() - 100]).unwrap();
    let truncated = run(
        "restore truncated",
        fresh.path(),
        &["restore", cut.to_str().unwrap()],
    );
    fails_with(&truncated, "incomplete or has been changed");
    assert!(
        std::fs::read_dir(fresh.path()).unwrap().next().is_none(),
        "a refused restore leaves the folder empty: {:?}",
        files_under(fresh.path())
    );

    // No child's name in the clear: not in either data folder, the backup, or any output.
    let mut names = Vec::new();
    for child in &original {
        names.push(child["name_latin"].as_str().unwrap().to_owned());
        if let Some(own) = child["name_own_script"].as_str() {
            names.push(own.to_owned());
        }
    }
    assert!(names.len() >= 5, "{names:?}");
    let mut scanned = files_under(data.path());
    scanned.extend(files_under(restored.path()));
    assert!(!scanned.is_empty());
    scanned.push((backup.clone(), bytes));
    logs.push(by_key_log);
    for (what, out) in &logs {
        scanned.push((PathBuf::from(format!("{what}: stdout")), out.stdout.clone()));
        scanned.push((PathBuf::from(format!("{what}: stderr")), out.stderr.clone()));
    }
    for (place, bytes) in &scanned {
        for name in &names {
            assert!(
                !contains(bytes, name.as_bytes()),
                "{name:?} is in the clear in {}",
                place.display()
            );
        }
    }
}

#[test]
fn rebuild_and_add_user_work_and_a_foster_carer_may_not_export() {
    let dir = set_up_as_sam();
    let rebuilt = admin(dir.path(), None, &["rebuild"], Pins::Env(PIN));
    succeeds(&rebuilt);
    let added = admin(
        dir.path(),
        None,
        &["add-user", "--name", "Jo Carer", "--role", "foster_carer"],
        Pins::EnvWithNew(PIN, "581302"),
    );
    succeeds(&added);
    assert!(
        String::from_utf8_lossy(&added.stderr).contains("Jo Carer"),
        "{}",
        text(&added)
    );

    let export = admin(
        dir.path(),
        Some("Jo Carer"),
        &["export", "--format", "json", "-"],
        Pins::Env("581302"),
    );
    fails_with(&export, "Your role does not allow this");
    assert!(export.stdout.is_empty(), "{}", text(&export));
}

/// While it runs, the process may not leave a core dump (which would hold the key and records).
#[cfg(target_os = "linux")]
#[test]
fn the_running_process_can_leave_no_core_dump() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_harbour"))
        .arg("--data-dir")
        .arg(dir.path())
        .arg("verify")
        .env_remove("HARBOUR_PIN")
        .env("XDG_CONFIG_HOME", dir.path().join(".computer"))
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/harbour-test-bus",
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // It waits for the PIN on standard input; meanwhile, its limits.
    let limits_path = format!("/proc/{}/limits", child.id());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let core = loop {
        let limits = std::fs::read_to_string(&limits_path).unwrap_or_default();
        let line = limits
            .lines()
            .find(|l| l.starts_with("Max core file size"))
            .map(|l| {
                l.split_whitespace()
                    .skip(4)
                    .take(2)
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            });
        // The soft limit may be 0 already; the hard one is what the app sets.
        if line.as_ref().is_some_and(|v| v.iter().all(|s| s == "0"))
            || std::time::Instant::now() > deadline
        {
            break line.unwrap_or_default();
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    drop(child.stdin.take());
    let _ = child.wait();
    assert_eq!(core, ["0", "0"], "the soft and hard limits");
}

/// A hub on loopback for the sync commands, in this process, over HTTPS with a certificate it
/// made itself: its address and fingerprint, a way to make join tokens, and a way to stop it.
struct TestHub {
    address: String,
    fingerprint: String,
    _certificate: tempfile::TempDir,
    db: harbour_hub::SqliteHub,
    runtime: tokio::runtime::Runtime,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl TestHub {
    fn start() -> TestHub {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let db = harbour_hub::SqliteHub::in_memory().unwrap();
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let address = format!("https://{}", listener.local_addr().unwrap());
        let certificate = tempfile::tempdir().unwrap();
        let (cert, key) = (
            certificate.path().join("cert.pem"),
            certificate.path().join("key.pem"),
        );
        harbour_hub::tls::make_self_signed(&cert, &key, &["localhost".into()]).unwrap();
        let tls = harbour_hub::tls::load(&cert, &key).unwrap();
        let fingerprint = harbour_hub::tls::show(&tls.fingerprint);
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let served = db.clone();
        runtime.spawn(async move {
            harbour_hub::tls::serve(served, listener, &tls, true, async {
                let _ = stopped.await;
            })
            .await
        });
        TestHub {
            address,
            fingerprint,
            _certificate: certificate,
            db,
            runtime,
            stop: Some(stop),
        }
    }

    fn token(&self, team: Option<&str>) -> String {
        use harbour_hub::HubDb as _;
        let team = team.map(|t| t.parse().unwrap());
        self.runtime.block_on(self.db.issue_token(team)).unwrap()
    }

    fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

fn sync_status(dir: &Path) -> Value {
    let out = admin(dir, None, &["sync", "status", "--json"], Pins::Env(PIN));
    succeeds(&out);
    json_on_stdout(&out)
}

#[test]
fn two_computers_join_a_hub_with_a_token_and_an_invitation_and_say_how_sync_went() {
    let mut hub = TestHub::start();
    let (a, b) = (set_up_as_sam(), set_up_as_sam());
    // A, the team's first computer, joins with a token for a new team and the fingerprint
    // the hub printed; a fingerprint that is not the hub's sends nothing.
    let token = hub.token(None);
    let join_first = |dir: &Path, fingerprint: &str, token: &str| {
        admin(
            dir,
            None,
            &[
                "sync",
                "join",
                "--hub",
                &hub.address,
                "--fingerprint",
                fingerprint,
            ],
            Pins::EnvWith(PIN, &[("HARBOUR_SYNC_TOKEN", token)]),
        )
    };
    let out = join_first(a.path(), &"ab".repeat(32), &token);
    fails_with(&out, "did not show the certificate");
    let out = join_first(a.path(), &hub.fingerprint, &token);
    succeeds(&out);
    assert!(text(&out).contains("joined"), "{}", text(&out));
    let status = sync_status(a.path());
    let team = status[0]["team"].as_str().unwrap().to_owned();
    assert_eq!(status[0]["hub"], hub.address.as_str());
    assert_eq!(status[0]["waiting"], 0);
    assert!(status[0]["error"].is_null());
    assert!(status[0]["last_synced_at"].is_string());
    // The same token again is refused, in words.
    let again = join_first(b.path(), &hub.fingerprint, &token);
    fails_with(&again, "used already");

    // A makes an invitation for B from a token for the team; B joins with it.
    let invite = |hub: &TestHub| {
        let token = hub.token(Some(&team));
        let out = admin(
            a.path(),
            None,
            &["sync", "invite"],
            Pins::EnvWith(PIN, &[("HARBOUR_SYNC_TOKEN", &token)]),
        );
        succeeds(&out);
        let code = String::from_utf8(out.stdout.clone())
            .unwrap()
            .trim()
            .to_owned();
        assert!(code.starts_with("HARBOUR-"), "{}", text(&out));
        code
    };
    let code = invite(&hub);
    // A code with one letter wrong is refused before anything is sent.
    let mut typo: Vec<char> = code.chars().collect();
    let at = typo.len() / 2;
    typo[at] = if typo[at] == 'Q' { 'R' } else { 'Q' };
    let typo: String = typo.into_iter().collect();
    let out = admin(
        b.path(),
        None,
        &["sync", "join"],
        Pins::EnvWith(PIN, &[("HARBOUR_SYNC_CODE", &typo)]),
    );
    fails_with(&out, "damaged or mistyped");
    let out = admin(
        b.path(),
        None,
        &["sync", "join"],
        Pins::EnvWith(PIN, &[("HARBOUR_SYNC_CODE", &code)]),
    );
    succeeds(&out);
    assert!(text(&out).contains("received"), "{}", text(&out));
    let status = sync_status(b.path());
    assert_eq!(status[0]["team"], team.as_str());
    assert!(status[0]["error"].is_null());

    // verify compares with the hub too.
    let out = admin(b.path(), None, &["verify"], Pins::Env(PIN));
    succeeds(&out);
    assert!(
        text(&out).contains("series in step with the hub"),
        "{}",
        text(&out)
    );

    // A new computer joins with no one of its own: A's Sam signs in on it with A's PIN.
    let code = invite(&hub);
    let c = tempfile::tempdir().unwrap();
    let out = admin(
        c.path(),
        None,
        &["sync", "join"],
        Pins::EnvWith("", &[("HARBOUR_SYNC_CODE", &code)]),
    );
    succeeds(&out);
    assert!(text(&out).contains("can sign in here"), "{}", text(&out));
    assert!(text(&out).contains("Sam Admin"), "{}", text(&out));
    let status = sync_status(c.path());
    assert_eq!(status[0]["team"], team.as_str());
    let out = admin(c.path(), None, &["sync", "status"], Pins::Env("999999"));
    fails_with(&out, "PIN");

    // The hub goes away: sync now says so in words and status keeps it; nothing is lost.
    hub.stop();
    let out = admin(a.path(), None, &["sync", "now"], Pins::Env(PIN));
    fails_with(&out, "The hub cannot be reached");
    let status = sync_status(a.path());
    assert_eq!(status[0]["error"]["code"], "unreachable");
    assert!(status[0]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("Keep working"));
    let out = admin(a.path(), None, &["sync", "status"], Pins::Env(PIN));
    succeeds(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("the last try failed"));
}

/// Everything the store holds, as exported (through a file: the sample children's photos
/// would fill a pipe nobody reads until the command ends).
fn export_of(dir: &Path, pin: &str) -> Value {
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("export.json");
    let out = admin(
        dir,
        None,
        &["export", "--format", "json", file.to_str().unwrap()],
        Pins::Env(pin),
    );
    succeeds(&out);
    serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap()
}

#[test]
fn a_child_moves_to_another_home_in_a_sealed_transfer_package() {
    let from = tempfile::tempdir().unwrap();
    succeeds(&admin(from.path(), None, &["demo"], Pins::Env(DEMO_PIN)));
    let child = children(&export_of(from.path(), DEMO_PIN))[0].clone();
    let id = child["id"].as_str().unwrap().to_owned();
    let files = tempfile::tempdir().unwrap();
    let package = files.path().join("transfer.harbour");
    let out_with = |passphrase: &str| {
        admin(
            from.path(),
            None,
            &[
                "transfer-out",
                "--child",
                &id,
                "--out",
                package.to_str().unwrap(),
            ],
            Pins::EnvWith(DEMO_PIN, &[("HARBOUR_PASSPHRASE", passphrase)]),
        )
    };
    fails_with(&out_with("short"), "at least 16 characters");
    assert!(!package.exists());
    succeeds(&out_with("river lantern orchard seven"));
    // A demonstration store's children are fictional: real records refuse them, and another
    // demonstration store takes the child in, once.
    let into = |dir: &Path, pin: &str, passphrase: &str| {
        admin(
            dir,
            None,
            &["transfer-in", package.to_str().unwrap()],
            Pins::EnvWith(pin, &[("HARBOUR_PASSPHRASE", passphrase)]),
        )
    };
    let real = set_up_as_sam();
    fails_with(
        &into(real.path(), PIN, "river lantern orchard eight"),
        "passphrase is not the one",
    );
    fails_with(
        &into(real.path(), PIN, "river lantern orchard seven"),
        "never beside real records",
    );
    assert!(children(&export_of(real.path(), PIN)).is_empty());
    let other = tempfile::tempdir().unwrap();
    succeeds(&admin(other.path(), None, &["demo"], Pins::Env(DEMO_PIN)));
    let before = children(&export_of(other.path(), DEMO_PIN)).len();
    succeeds(&into(other.path(), DEMO_PIN, "river lantern orchard seven"));
    let after = children(&export_of(other.path(), DEMO_PIN));
    assert_eq!(after.len(), before + 1);
    assert!(after.iter().any(|c| c["id"] == child["id"]));
    fails_with(
        &into(other.path(), DEMO_PIN, "river lantern orchard seven"),
        "here already",
    );
}

#[test]
fn two_records_of_one_child_are_merged_defaults_published_and_a_move_needs_a_second_team() {
    let dir = tempfile::tempdir().unwrap();
    succeeds(&admin(dir.path(), None, &["demo"], Pins::Env(DEMO_PIN)));
    let before = children(&export_of(dir.path(), DEMO_PIN));
    let id = |n: usize| before[n]["id"].as_str().unwrap().to_owned();
    let (keep, merge) = (id(0), id(1));
    let run = |args: &[&str]| admin(dir.path(), None, args, Pins::Env(DEMO_PIN));
    fails_with(
        &run(&["merge-children", "--keep", &keep, "--merge", &keep]),
        "cannot be joined",
    );
    succeeds(&run(&[
        "merge-children",
        "--keep",
        &keep,
        "--merge",
        &merge,
    ]));
    fails_with(
        &run(&["merge-children", "--keep", &keep, "--merge", &merge]),
        "cannot be joined",
    );
    // Still in the export, as part of the kept record: nothing left out.
    let after = children(&export_of(dir.path(), DEMO_PIN));
    assert_eq!(after.len(), before.len());
    let merged = after.iter().find(|c| c["id"] == merge.as_str()).unwrap();
    assert_eq!(merged["record"]["state"], "merged_into");
    assert_eq!(merged["record"]["child"], keep.as_str());

    fails_with(
        &run(&["move-child", "--child", &keep, "--to-team", "Nowhere House"]),
        "no team here is called Nowhere House",
    );
    let unknown = run(&["publish-defaults", "--keys", "on_call,no_such"]);
    assert_eq!(
        unknown.status.code(),
        Some(2),
        "a usage problem: {}",
        text(&unknown)
    );
    assert!(text(&unknown).contains("no setting is called no_such"));
    let published = run(&["publish-defaults", "--keys", "on_call,help.runaway"]);
    succeeds(&published);
    assert!(
        text(&published).contains("defaults of 1 team"),
        "{}",
        text(&published)
    );
}
