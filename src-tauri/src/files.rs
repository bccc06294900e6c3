//! Files with a child's details that someone asked to open, and nothing else: a PDF viewer
//! needs a file, so the grab sheet is written to a private folder (`$XDG_RUNTIME_DIR/harbour`,
//! which the desktop keeps in memory and empties at log-out), under a neutral name, readable by
//! this account only, and deleted when Harbour locks, closes, starts, or the child's episode
//! closes. A copy kept anywhere else is the person's own choice ("Save a copy…", `settings`).

use harbour_core::ChildId;
use std::collections::BTreeMap;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What every file Harbour writes here is called: `harbour-<random>.pdf`.
const PREFIX: &str = "harbour-";
const SUFFIX: &str = ".pdf";

/// The private folder of this account: `$XDG_RUNTIME_DIR/harbour`, or without a runtime folder
/// `harbour-<uid>` in the temporary folder (on disk: said in the README).
pub fn private_folder() -> PathBuf {
    match std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from) {
        Some(dir) if dir.is_absolute() => dir.join("harbour"),
        _ => std::env::temp_dir().join(format!("harbour-{}", rustix::process::getuid().as_raw())),
    }
}

/// The files opened for people to look at, by child, in one private folder.
#[derive(Debug)]
pub struct PrivateFiles {
    folder: PathBuf,
    open: BTreeMap<ChildId, Vec<PathBuf>>,
    /// Shows a file to the person: [`open_with_desktop`], or a test's stand-in.
    opener: fn(&Path) -> bool,
}

impl PrivateFiles {
    /// Files in `folder`; anything left there by an earlier run (one that crashed, or a
    /// computer switched off) is deleted now.
    pub fn new(folder: PathBuf) -> Self {
        let mut files = Self {
            folder,
            open: BTreeMap::new(),
            opener: open_with_desktop,
        };
        files.delete_all();
        files
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Shows files with `opener` instead of the desktop's program (tests).
    pub fn with_opener(mut self, opener: fn(&Path) -> bool) -> Self {
        self.opener = opener;
        self
    }

    /// What shows a written file to the person; called outside the gate (it can take seconds).
    pub fn opener(&self) -> fn(&Path) -> bool {
        self.opener
    }

    /// Writes `pdf` for `child` under a new neutral name, owner-only, and returns where.
    pub fn write(&mut self, child: ChildId, pdf: &[u8]) -> std::io::Result<PathBuf> {
        make_private(&self.folder)?;
        // Created new (never through a link someone left), 0600, with a random name.
        let mut file = tempfile::Builder::new()
            .prefix(PREFIX)
            .suffix(SUFFIX)
            .rand_bytes(12)
            .permissions(std::fs::Permissions::from_mode(0o600))
            .tempfile_in(&self.folder)?;
        file.write_all(pdf)?;
        let (_, path) = file.keep().map_err(|e| e.error)?;
        self.open.entry(child).or_default().push(path.clone());
        Ok(path)
    }

    /// The child's episode closed: their files go.
    pub fn delete_for(&mut self, child: ChildId) {
        for path in self.open.remove(&child).unwrap_or_default() {
            let _ = std::fs::remove_file(path);
        }
    }

    /// Harbour locked or is closing: every file goes, this run's and any an earlier run left.
    pub fn delete_all(&mut self) {
        self.open.clear();
        let Ok(entries) = std::fs::read_dir(&self.folder) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(PREFIX) && name.ends_with(SUFFIX) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// Makes `folder` if it is not there, and makes sure it is a real folder (not a link) of this
/// account that nobody else can open.
fn make_private(folder: &Path) -> std::io::Result<()> {
    match std::fs::DirBuilder::new().mode(0o700).create(folder) {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        other => other?,
    }
    let meta = std::fs::symlink_metadata(folder)?;
    if !meta.is_dir() || meta.uid() != rustix::process::getuid().as_raw() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            format!(
                "{} is not a private folder of this account",
                folder.display()
            ),
        ));
    }
    if meta.mode() & 0o077 != 0 {
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// How long the desktop has to say it cannot open a file before Harbour takes it as opened
/// (`xdg-open` usually returns at once; some viewers keep it waiting until they close).
const OPENER_WAIT: Duration = Duration::from_secs(3);

/// Opens `path` in the desktop's program for it (`xdg-open`). `false` if there is none or it
/// said it could not.
pub fn open_with_desktop(path: &Path) -> bool {
    let Ok(mut child) = Command::new("xdg-open")
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
    else {
        return false;
    };
    let deadline = Instant::now() + OPENER_WAIT;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return status.success(),
            Ok(None) if Instant::now() >= deadline => {
                // Still running: the viewer is up. Reaped when it ends.
                std::thread::spawn(move || child.wait());
                return true;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(_) => return false,
        }
    }
}

/// Makes the folders Harbour writes into for people (backups, help cards) owner-only: made
/// 0700 if new; one that was there already is left as its owner set it.
pub fn make_folder(folder: &Path) -> std::io::Result<()> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(folder)
}

/// "Save a copy…": the system's file dialog, opened by the shell (the webview has no access to
/// it), for a file the person chose to keep.
#[derive(Debug, Clone, Copy)]
pub struct SaveAs {
    /// The dialog's title, a message id.
    pub title: &'static str,
    /// The name it suggests.
    pub file_name: &'static str,
    /// The kind of file, and its ending: `("PDF", "pdf")`.
    pub kind: (&'static str, &'static str),
}

impl SaveAs {
    /// Where the person chose, with the ending added if they gave none; `None` if they
    /// cancelled. A debug build takes `HARBOUR_SAVE_AS` instead (a path; a folder, where the
    /// suggested name is used; or `cancel`), so the end-to-end tests can answer the dialog; a
    /// release build always asks.
    pub fn ask<R: tauri::Runtime>(&self, app: &tauri::AppHandle<R>) -> Option<PathBuf> {
        #[cfg(debug_assertions)]
        if let Some(answer) = std::env::var_os("HARBOUR_SAVE_AS") {
            let answer = PathBuf::from(answer);
            return (answer != std::path::Path::new("cancel")).then(|| match answer.is_dir() {
                true => answer.join(self.file_name),
                false => self.with_ending(answer),
            });
        }
        use tauri_plugin_dialog::DialogExt;
        let words = harbour_i18n::Localizer::new(harbour_i18n::SOURCE_TAG);
        let mut dialog = app.dialog().file();
        // Starts in the documents folder (else the home folder), not wherever Harbour started.
        if let Some(dirs) = directories::UserDirs::new() {
            dialog = dialog.set_directory(dirs.document_dir().unwrap_or(dirs.home_dir()));
        }
        dialog
            .set_title(words.tr(self.title))
            .set_file_name(self.file_name)
            .add_filter(self.kind.0, &[self.kind.1])
            .blocking_save_file()
            .and_then(|chosen| chosen.into_path().ok())
            .map(|path| self.with_ending(path))
    }

    /// Asks where (see [`SaveAs::ask`]); then `make` gives the file's bytes (the caller records
    /// the save there, before anything is written), and they are written whole and owner-only.
    /// `None`: the person cancelled, and nothing was made, recorded or written.
    pub fn save<R: tauri::Runtime, E>(
        &self,
        app: &tauri::AppHandle<R>,
        make: impl FnOnce() -> Result<Vec<u8>, E>,
        io_error: impl FnOnce(std::io::Error) -> E,
    ) -> Result<Option<PathBuf>, E> {
        let Some(path) = self.ask(app) else {
            return Ok(None);
        };
        let bytes = make()?;
        harbour_store::write_atomically(&path, |f| f.write_all(&bytes)).map_err(io_error)?;
        Ok(Some(path))
    }

    fn with_ending(&self, path: PathBuf) -> PathBuf {
        if path.extension().is_some() {
            path
        } else {
            path.with_extension(self.kind.1)
        }
    }
}

/// "Choose the file…": the system's file dialog for a file the person brings in (a transfer
/// package). A debug build takes `HARBOUR_OPEN_FILE` instead (a path, or `cancel`), so the
/// end-to-end tests can answer the dialog; a release build always asks.
pub fn choose_file<R: tauri::Runtime>(
    app: &tauri::AppHandle<R>,
    title: &'static str,
    kind: (&'static str, &'static str),
) -> Option<PathBuf> {
    #[cfg(debug_assertions)]
    if let Some(answer) = std::env::var_os("HARBOUR_OPEN_FILE") {
        let answer = PathBuf::from(answer);
        return (answer != Path::new("cancel")).then_some(answer);
    }
    use tauri_plugin_dialog::DialogExt;
    let words = harbour_i18n::Localizer::new(harbour_i18n::SOURCE_TAG);
    let mut dialog = app.dialog().file();
    if let Some(dirs) = directories::UserDirs::new() {
        dialog = dialog.set_directory(dirs.document_dir().unwrap_or(dirs.home_dir()));
    }
    dialog
        .set_title(words.tr(title))
        .add_filter(kind.0, &[kind.1])
        .blocking_pick_file()
        .and_then(|chosen| chosen.into_path().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_name_without_an_ending_gets_the_kind_s() {
        let pdf = SaveAs {
            title: "sheet-copy-dialog-title",
            file_name: "x.pdf",
            kind: ("PDF", "pdf"),
        };
        assert_eq!(
            pdf.with_ending("/tmp/for police".into()),
            PathBuf::from("/tmp/for police.pdf")
        );
        assert_eq!(
            pdf.with_ending("/tmp/sheet.PDF".into()),
            PathBuf::from("/tmp/sheet.PDF")
        );
    }

    fn child() -> ChildId {
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(1);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        format!("01936b6e-7c00-7000-8000-{n:012}").parse().unwrap()
    }

    #[test]
    fn files_are_private_neutrally_named_and_deleted_by_child_or_all() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("harbour");
        let mut files = PrivateFiles::new(folder.clone());
        let (ruta, sam) = (child(), child());
        let a = files.write(ruta, b"%PDF ruta").unwrap();
        let b = files.write(sam, b"%PDF sam").unwrap();
        assert_ne!(a, b);
        assert_eq!(std::fs::read(&a).unwrap(), b"%PDF ruta");
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&folder), 0o700);
        assert_eq!((mode(&a), mode(&b)), (0o600, 0o600));
        let name = a.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with("harbour-") && name.ends_with(".pdf"),
            "{name}"
        );

        files.delete_for(ruta);
        assert!(!a.exists() && b.exists(), "only Ruta's file goes");
        // Something else in the folder is not Harbour's to delete.
        std::fs::write(folder.join("notes.txt"), b"").unwrap();
        files.delete_all();
        assert!(!b.exists());
        assert!(folder.join("notes.txt").exists());
    }

    #[test]
    fn what_an_earlier_run_left_is_deleted_at_start() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("harbour");
        let left = PrivateFiles::new(folder.clone())
            .write(child(), b"%PDF")
            .unwrap();
        assert!(left.exists());
        let _files = PrivateFiles::new(folder);
        assert!(!left.exists());
    }

    #[test]
    fn a_folder_others_can_open_is_closed_and_a_link_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("open");
        std::fs::create_dir(&folder).unwrap();
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
        PrivateFiles::new(folder.clone())
            .write(child(), b"%PDF")
            .unwrap();
        let mode = std::fs::metadata(&folder).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);

        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
        let err = PrivateFiles::new(link).write(child(), b"%PDF").unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::PermissionDenied);
        assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
    }
}
