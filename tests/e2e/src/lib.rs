//! The harness for Harbour's end-to-end journeys: start WebKitWebDriver, open the real built
//! app in a session, find things the way a person would, save screenshots.
//!
//! Run through `cargo xtask e2e` (or `cargo xtask test`), which builds the app, starts Xvfb and
//! sets `HARBOUR_APP`, `WEBKIT_WEBDRIVER`, `HARBOUR_SCREENSHOTS` and `DISPLAY`.

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long to wait for the app's window or an element before failing the journey.
pub const WAIT: Duration = Duration::from_secs(20);

fn required_env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: run the end-to-end tests through `cargo xtask e2e`")
    })
}

/// A running WebKitWebDriver; stopped when dropped.
#[derive(Debug)]
pub struct Driver {
    process: Child,
    port: u16,
    app: PathBuf,
    /// The apps it starts have this as their home folder (and keep their webview data, settings
    /// and caches in it), apart from the user's and from other journeys'.
    home: tempfile::TempDir,
    /// Their `XDG_RUNTIME_DIR`, where Harbour's private folder is.
    runtime: tempfile::TempDir,
}

impl Driver {
    pub fn start() -> Self {
        let app = PathBuf::from(required_env("HARBOUR_APP"));
        let driver = required_env("WEBKIT_WEBDRIVER");
        required_env("DISPLAY");
        assert!(app.exists(), "{} does not exist", app.display());
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("no free port");
        let home = tempfile::tempdir().expect("no temporary folder");
        for dir in ["data", "cache", "config"] {
            std::fs::create_dir_all(home.path().join(dir)).expect("cannot make the app's home");
        }
        let runtime = tempfile::tempdir().expect("no temporary folder");
        let process = Command::new(&driver)
            .arg(format!("--port={port}"))
            .env("HOME", home.path())
            .env("XDG_RUNTIME_DIR", runtime.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("TAURI_WEBVIEW_AUTOMATION", "true")
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {driver}: {e}"));
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < WAIT, "WebKitWebDriver did not listen");
            std::thread::sleep(Duration::from_millis(50));
        }
        Self {
            process,
            port,
            app,
            home,
            runtime,
        }
    }

    /// Asks the app this driver started to stop, as the system does at log-out or shut-down
    /// (SIGTERM); returns at once.
    pub fn terminate_app(&self) {
        let app = std::fs::canonicalize(&self.app).unwrap();
        let driver = self.process.id().to_string();
        let ours = std::fs::read_dir("/proc")
            .unwrap()
            .flatten()
            .filter(|p| std::fs::read_link(p.path().join("exe")).is_ok_and(|exe| exe == app))
            .filter(|p| {
                // The fourth field of stat is the parent's id (the name before it is in brackets).
                std::fs::read_to_string(p.path().join("stat")).is_ok_and(|stat| {
                    stat.rsplit_once(") ")
                        .and_then(|(_, rest)| rest.split(' ').nth(1))
                        == Some(driver.as_str())
                })
            })
            .map(|p| p.file_name().to_string_lossy().into_owned())
            .collect::<Vec<_>>();
        assert_eq!(ours.len(), 1, "the app of this driver: {ours:?}");
        let status = Command::new("kill").args(["-TERM", &ours[0]]).status();
        assert!(status.is_ok_and(|s| s.success()), "cannot signal the app");
    }

    /// The home folder of the apps this driver starts.
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// Their runtime folder (`XDG_RUNTIME_DIR`).
    pub fn runtime_dir(&self) -> &Path {
        self.runtime.path()
    }

    /// Starts the app with `args` and connects a session to its window.
    ///
    /// Once in many runs the app's GTK start failed and the driver then waited for ever (see
    /// toolchain.md); a start that fails or times out is retried with a fresh driver, and the
    /// failure is printed so it stays visible. Everything after the start is asserted strictly.
    /// Opens the app on a new demonstration store (the sample children) in `data`.
    pub async fn open_demo(&mut self, data: &Path) -> Client {
        let data_dir = data.to_string_lossy().into_owned();
        self.open_app(&["--data-dir", &data_dir, "--sample-data"])
            .await
    }

    pub async fn open_app(&mut self, args: &[&str]) -> Client {
        const ATTEMPTS: u32 = 3;
        for attempt in 1..=ATTEMPTS {
            match self.try_open_app(args).await {
                Ok(client) => return client,
                Err(problem) if attempt < ATTEMPTS => {
                    eprintln!("app start {attempt}/{ATTEMPTS} failed ({problem}); new driver");
                    *self = Driver::start();
                }
                Err(problem) => panic!("the app did not start {ATTEMPTS} times: {problem}"),
            }
        }
        unreachable!("the loop returns or panics")
    }

    async fn try_open_app(&self, args: &[&str]) -> Result<Client, String> {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "webkitgtk:browserOptions".into(),
            json!({ "binary": self.app, "args": args }),
        );
        let url = format!("http://127.0.0.1:{}", self.port);
        // Without a display the app dies and the driver waits forever: never wait unbounded.
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(caps);
        match tokio::time::timeout(WAIT, builder.connect(&url)).await {
            Ok(Ok(client)) => Ok(client),
            Ok(Err(e)) => Err(format!("no WebDriver session: {e}")),
            Err(_) => Err(format!("no window within {} s", WAIT.as_secs())),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // SIGTERM lets the driver close its browser process; then make sure it is gone.
        let _ = Command::new("kill")
            .args(["-TERM", &self.process.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.process.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

pub async fn wait_css(c: &Client, css: &str) -> Element {
    c.wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css} never appeared: {e}"))
}

/// Clicks `css` once it is there.
pub async fn click(c: &Client, css: &str) {
    wait_css(c, css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
}

/// Waits until `css` matches nothing.
pub async fn wait_gone(c: &Client, css: &str) {
    let started = Instant::now();
    while !c.find_all(Locator::Css(css)).await.unwrap().is_empty() {
        assert!(started.elapsed() < WAIT, "{css} did not go away");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The visible text of `css`, without the invisible bidi isolation marks Fluent puts around
/// names (they are right in the page; they only get in the way of comparing).
pub async fn text_of(c: &Client, css: &str) -> String {
    let started = Instant::now();
    loop {
        match wait_css(c, css).await.text().await {
            Ok(text) => return text.replace(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'], ""),
            // Drawn again between finding it and reading it: find it again.
            Err(e) => {
                assert!(started.elapsed() < WAIT, "{css}: {e}");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
}

/// Waits until the text of `css` contains `needle` (a save that updates the screen).
pub async fn wait_text(c: &Client, css: &str, needle: &str) -> String {
    let started = Instant::now();
    loop {
        let text = text_of(c, css).await;
        if text.contains(needle) {
            return text;
        }
        assert!(
            started.elapsed() < WAIT,
            "{needle:?} never appeared in {css}: {text}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Sets a date or date-time input the way its picker would, firing the `input` event.
pub async fn set_value(c: &Client, css: &str, value: &str) {
    wait_css(c, css).await;
    c.execute(
        "const el = document.querySelector(arguments[0]);
         el.value = arguments[1];
         el.dispatchEvent(new Event('input', { bubbles: true }));
         el.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![json!(css), json!(value)],
    )
    .await
    .unwrap();
}

/// Saves a screenshot as `<HARBOUR_SCREENSHOTS>/<name>.png` and returns its path.
pub async fn screenshot(c: &Client, name: &str) -> PathBuf {
    let dir = PathBuf::from(
        std::env::var("HARBOUR_SCREENSHOTS").unwrap_or_else(|_| "target/e2e-screenshots".into()),
    );
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.png"));
    // Bundled fonts load asynchronously; a picture taken before they are in shows blank words.
    c.execute_async(
        // ...and the picture is of the last painted frame: wait for two more to be painted.
        "const done = arguments[arguments.length - 1];
         document.fonts.ready.then(() =>
           requestAnimationFrame(() => requestAnimationFrame(() => done(true))));",
        vec![],
    )
    .await
    .unwrap();
    let png = c.screenshot().await.unwrap();
    assert!(png.starts_with(b"\x89PNG"), "screenshot is not a PNG");
    std::fs::write(&path, png).unwrap();
    path
}

/// A file in the repository, for uploads.
pub fn repo_file(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

/// Scrolls `css` to the top of the window, for a screenshot of that part of a long screen.
pub async fn scroll_to(c: &Client, css: &str) {
    wait_css(c, css).await;
    c.execute(
        "document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });",
        vec![json!(css)],
    )
    .await
    .unwrap();
}

/// Stand-ins for programs Harbour runs (`lp`, `xdg-open`): scripts in a folder put first on
/// the `PATH` the app inherits (through the driver), each keeping what it is given as numbered
/// jobs. Install before [`Driver::start`]; the `PATH` is put back when dropped.
#[derive(Debug)]
struct FakeCommand {
    dir: tempfile::TempDir,
}

impl FakeCommand {
    /// `name` runs `script` (sh) with `$here` set to this stand-in's folder.
    fn install(name: &str, script: &str) -> Self {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("no temporary folder");
        let bin = dir.path().join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        std::fs::create_dir_all(dir.path().join("jobs")).unwrap();
        let path = bin.join(name);
        std::fs::write(
            &path,
            format!(
                "#!/bin/sh\n\
                 here=\"$(dirname \"$0\")/..\"\n\
                 n=$(ls \"$here/jobs\" | grep -c '\\.pdf$')\n\
                 {script}"
            ),
        )
        .unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        let old = std::env::var_os("PATH").unwrap_or_default();
        let mut dirs = vec![bin];
        dirs.extend(std::env::split_paths(&old));
        std::env::set_var("PATH", std::env::join_paths(dirs).unwrap());
        Self { dir }
    }

    /// Each job's document, oldest first, with the text kept beside it (`<n>.txt`).
    fn jobs(&self) -> Vec<(Vec<u8>, String)> {
        let jobs = self.dir.path().join("jobs");
        (0..)
            .map(|n| (jobs.join(format!("{n}.pdf")), jobs.join(format!("{n}.txt"))))
            .take_while(|(pdf, _)| pdf.exists())
            .map(|(pdf, txt)| {
                (
                    std::fs::read(pdf).unwrap(),
                    std::fs::read_to_string(txt).unwrap_or_default(),
                )
            })
            .collect()
    }
}

impl Drop for FakeCommand {
    fn drop(&mut self) {
        // Later journeys get the PATH they started with.
        let ours = self.dir.path().join("bin");
        if let Some(path) = std::env::var_os("PATH") {
            let rest: Vec<_> = std::env::split_paths(&path)
                .filter(|p| *p != ours)
                .collect();
            std::env::set_var("PATH", std::env::join_paths(rest).unwrap());
        }
    }
}

/// A printer for the journeys: an `lp` that keeps each job Harbour sends, or refuses as `lp`
/// does when no printer is set up.
#[derive(Debug)]
pub struct FakePrinter(FakeCommand);

impl FakePrinter {
    pub fn install() -> Self {
        Self(FakeCommand::install(
            "lp",
            "# Harbour's test printer: keeps what it is sent, or refuses like lp with no printer.\n\
             if [ -e \"$here/off\" ]; then echo 'lp: Error - no default destination available.' >&2; exit 1; fi\n\
             printf '%s\\n' \"$@\" > \"$here/jobs/$n.txt\"\n\
             cat > \"$here/jobs/$n.pdf\"\n",
        ))
    }

    /// Printing now fails as it does on a computer with no printer.
    pub fn switch_off(&self) {
        std::fs::write(self.0.dir.path().join("off"), b"").unwrap();
    }

    pub fn switch_on(&self) {
        let _ = std::fs::remove_file(self.0.dir.path().join("off"));
    }

    /// The documents printed so far, oldest first, with the arguments `lp` was given for each.
    pub fn jobs(&self) -> Vec<(Vec<u8>, String)> {
        self.0.jobs()
    }
}

/// The desktop's PDF viewer for the journeys: an `xdg-open` that keeps a copy of each file it
/// is asked to show (outside the app's home), and the path it was given.
#[derive(Debug)]
pub struct FakeViewer(FakeCommand);

impl FakeViewer {
    pub fn install() -> Self {
        Self(FakeCommand::install(
            "xdg-open",
            "# Harbour's test viewer: keeps a copy of what it is asked to show, and where it was.\n\
             printf '%s' \"$1\" > \"$here/jobs/$n.txt\"\n\
             cp \"$1\" \"$here/jobs/$n.pdf\"\n",
        ))
    }

    /// The files shown so far, oldest first: each one's content then, and its path.
    pub fn shown(&self) -> Vec<(Vec<u8>, PathBuf)> {
        self.0
            .jobs()
            .into_iter()
            .map(|(pdf, path)| (pdf, PathBuf::from(path)))
            .collect()
    }
}

/// Every file under `dirs` (following no links) that holds any of `needles`: in its bytes, or
/// for a PDF in its text (its pages are compressed). The no-plaintext check for a whole home
/// folder; `dirs` that do not exist are skipped.
pub fn files_holding(dirs: &[&Path], needles: &[&str]) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    let mut todo: Vec<PathBuf> = dirs.iter().map(|d| d.to_path_buf()).collect();
    while let Some(path) = todo.pop() {
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&path) {
                todo.extend(entries.flatten().map(|e| e.path()));
            }
            continue;
        }
        if !meta.is_file() {
            continue;
        }
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let text = if bytes.starts_with(b"%PDF") {
            pdf_text_and_pages(&bytes).0
        } else {
            String::new()
        };
        for needle in needles {
            let raw = bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
            if raw || text.contains(needle) {
                found.push((path.clone(), (*needle).to_owned()));
            }
        }
    }
    found.sort();
    found
}

/// The text of a PDF, through `pdftotext`, and how many pages it has, through `pdfinfo`.
pub fn pdf_text_and_pages(pdf: &[u8]) -> (String, u32) {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), pdf).unwrap();
    let text = Command::new("pdftotext")
        .arg(file.path())
        .arg("-")
        .output()
        .expect("pdftotext");
    let info = Command::new("pdfinfo")
        .arg(file.path())
        .output()
        .expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    (String::from_utf8_lossy(&text.stdout).into_owned(), pages)
}
