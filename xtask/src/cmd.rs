//! Running external commands: every command is echoed (`==> ...`) before it runs, so a log
//! shows exactly what to re-run by hand, and every failure becomes a readable `String` error.

use std::ffi::OsStr;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};

/// The workspace root: xtask lives one level below it.
pub fn root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf()
}

/// Cargo's target directory, honouring `CARGO_TARGET_DIR` like cargo itself does.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root().join(dir),
        _ => root().join("target"),
    }
}

/// `path` relative to the workspace root when it lies inside it: commands run from the root, so
/// the short form works and keeps the echoed command lines readable.
pub fn rel(path: &Path) -> PathBuf {
    let root = root();
    match path.strip_prefix(&root) {
        Ok(short) if !short.as_os_str().is_empty() => short.to_path_buf(),
        _ => path.to_path_buf(),
    }
}

/// A command that runs in the workspace root.
pub fn cmd(program: impl AsRef<OsStr>) -> Command {
    let mut command = Command::new(program);
    command.current_dir(root());
    command
}

/// `cargo` in the workspace root. The rustup proxy on PATH is used (not `$CARGO`) so a
/// rust-toolchain file, if the project ever adds one, is respected.
pub fn cargo() -> Command {
    cmd("cargo")
}

/// Runs `command` with inherited stdio; fails unless it exits successfully.
pub fn run(command: &mut Command) -> Result<(), String> {
    let status = status(command)?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(command)))
    }
}

/// Runs `command` with inherited stdio and returns its exit status, whatever it is.
pub fn status(command: &mut Command) -> Result<ExitStatus, String> {
    announce(command);
    command.status().map_err(|e| spawn_error(command, &e))
}

/// Runs `command` capturing stdout and stderr; the exit status is left to the caller because
/// probes such as `dpkg-query` report "not installed" through it.
pub fn output(command: &mut Command) -> Result<Output, String> {
    announce(command);
    command
        .stdin(Stdio::null())
        .output()
        .map_err(|e| spawn_error(command, &e))
}

/// Starts `command` in the background.
pub fn spawn(command: &mut Command) -> Result<Child, String> {
    announce(command);
    command.spawn().map_err(|e| spawn_error(command, &e))
}

fn announce(command: &Command) {
    println!("==> {}", describe(command));
}

fn spawn_error(command: &Command, error: &std::io::Error) -> String {
    let program = command.get_program().to_string_lossy();
    if error.kind() == ErrorKind::NotFound {
        format!("could not run `{program}`: not found (is it installed and on PATH?)")
    } else {
        format!("could not run `{program}`: {error}")
    }
}

/// The command as a shell line: changed environment first, then program and arguments.
pub fn describe(command: &Command) -> String {
    let mut words = Vec::new();
    for (key, value) in command.get_envs() {
        let key = key.to_string_lossy();
        match value {
            Some(value) => words.push(format!("{key}={}", quote(&value.to_string_lossy()))),
            None => words.push(format!("-u {key}")),
        }
    }
    if command.get_envs().any(|(_, value)| value.is_none()) {
        words.insert(0, "env".to_string());
    }
    // Shortened only when the command runs in the root, where the short path is valid.
    let program = Path::new(command.get_program());
    let program = if command.get_current_dir() == Some(root().as_path()) {
        rel(program)
    } else {
        program.to_path_buf()
    };
    words.push(quote(&program.to_string_lossy()));
    words.extend(command.get_args().map(|arg| quote(&arg.to_string_lossy())));
    words.join(" ")
}

/// Quotes a word for a POSIX shell, only when it needs it.
pub fn quote(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// Looks `name` up on PATH, like `which`, without running anything.
pub fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// A non-fatal problem: the run continues.
pub fn warn(message: &str) {
    eprintln!("warning: {message}");
}

/// Size of a file in kilobytes (1 KB = 1024 bytes), for progress lines.
pub fn size_kb(path: &Path) -> Result<f64, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    // Wasm files are a few MB at most, so the u64 -> f64 conversion is exact.
    Ok(meta.len() as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_leaves_plain_words_alone() {
        assert_eq!(
            quote("--target=wasm32-unknown-unknown"),
            "--target=wasm32-unknown-unknown"
        );
        assert_eq!(quote("ui/dist"), "ui/dist");
    }

    #[test]
    fn quote_wraps_words_a_shell_would_split() {
        assert_eq!(quote("${Status}"), "'${Status}'");
        assert_eq!(quote("it's"), r"'it'\''s'");
        assert_eq!(quote(""), "''");
    }

    #[test]
    fn describe_shows_env_program_and_args() {
        let mut command = Command::new("cargo");
        command
            .env("DISPLAY", ":99")
            .args(["test", "-p", "harbour-e2e"]);
        assert_eq!(describe(&command), "DISPLAY=:99 cargo test -p harbour-e2e");
        command.env_remove("WAYLAND_DISPLAY");
        assert!(describe(&command).starts_with("env "));
    }

    #[test]
    fn describe_shortens_programs_only_when_run_from_the_root() {
        let app = root().join("target/release/harbour");
        assert_eq!(describe(&cmd(&app)), "target/release/harbour");
        assert_eq!(describe(&Command::new(&app)), app.to_string_lossy());
    }

    #[test]
    fn rel_shortens_paths_inside_the_workspace() {
        assert_eq!(rel(&root().join("ui/dist")), PathBuf::from("ui/dist"));
        assert_eq!(
            rel(Path::new("/usr/bin/Xvfb")),
            PathBuf::from("/usr/bin/Xvfb")
        );
    }
}
