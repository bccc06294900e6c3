//! The Rust side of setup: the wasm32 target and a wasm-bindgen CLI whose version matches the
//! `wasm-bindgen` crate in Cargo.lock exactly (the CLI refuses to process wasm built against any
//! other version). Used by both `setup` and `build-ui`.

use std::path::{Path, PathBuf};

use crate::cmd::{self, cargo, cmd, output, run};

const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Tools that later steps call by path, since `~/.cargo/bin` need not be on PATH.
#[derive(Debug, Clone)]
pub struct RustTools {
    pub wasm_bindgen: PathBuf,
}

/// Makes sure the wasm target and the matching wasm-bindgen CLI are installed.
pub fn ensure() -> Result<RustTools, String> {
    wasm_target()?;
    let wasm_bindgen = wasm_bindgen()?;
    Ok(RustTools { wasm_bindgen })
}

fn wasm_target() -> Result<(), String> {
    let listed = output(cmd("rustup").args(["target", "list", "--installed"]))?;
    if !listed.status.success() {
        return Err(format!(
            "`rustup target list --installed` failed: {}",
            String::from_utf8_lossy(&listed.stderr).trim()
        ));
    }
    if String::from_utf8_lossy(&listed.stdout)
        .lines()
        .any(|line| line.trim() == WASM_TARGET)
    {
        println!("ok: rust target {WASM_TARGET} is installed");
        return Ok(());
    }
    run(cmd("rustup").args(["target", "add", WASM_TARGET]))
}

fn wasm_bindgen() -> Result<PathBuf, String> {
    let wanted = locked_wasm_bindgen_version()?;
    let installed = cargo_bin_dir().map(|dir| dir.join("wasm-bindgen"));
    let mut candidates: Vec<PathBuf> = cmd::which("wasm-bindgen").into_iter().collect();
    candidates.extend(installed.clone().filter(|path| !candidates.contains(path)));
    for candidate in &candidates {
        if tool_version(candidate).as_deref() == Some(wanted.as_str()) {
            println!("ok: wasm-bindgen {wanted} at {}", candidate.display());
            return Ok(candidate.clone());
        }
    }
    // No --locked: with it the install fails here because a dependency version pinned in the
    // CLI's own lock file is no longer in the registry (see /work/shared/toolchain.md).
    run(cargo().args(["install", "wasm-bindgen-cli", "--version", &wanted]))?;
    let installed = installed.ok_or("cannot tell where cargo installs binaries (no HOME)")?;
    match tool_version(&installed) {
        Some(version) if version == wanted => Ok(installed),
        other => Err(format!(
            "after `cargo install`, {} reports version {} instead of {wanted}",
            installed.display(),
            other.as_deref().unwrap_or("nothing")
        )),
    }
}

/// The exact `wasm-bindgen` version in Cargo.lock, creating or refreshing the lock first when
/// it lacks one (a fresh checkout, or the UI crate was only just added).
fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock_path = cmd::root().join("Cargo.lock");
    let read = |path: &Path| std::fs::read_to_string(path).unwrap_or_default();
    let mut versions = lock_versions(&read(&lock_path), "wasm-bindgen");
    if versions.is_empty() {
        // `cargo metadata` writes the lock file as a side effect and builds nothing.
        run(cargo()
            .args(["metadata", "--format-version", "1"])
            .stdout(std::process::Stdio::null()))?;
        versions = lock_versions(&read(&lock_path), "wasm-bindgen");
    }
    match versions.as_slice() {
        [version] => Ok(version.clone()),
        [] => Err(format!(
            "{} has no `wasm-bindgen` package: does harbour-ui depend on it?",
            lock_path.display()
        )),
        several => Err(format!(
            "Cargo.lock has several wasm-bindgen versions ({}); pin one with `=X.Y.Z`",
            several.join(", ")
        )),
    }
}

/// Every version of package `name` in a Cargo.lock text. Cargo writes each `[[package]]` table
/// as `name = "..."` followed by `version = "..."`, one key per line, which is all this needs.
pub fn lock_versions(lock: &str, name: &str) -> Vec<String> {
    let mut versions = Vec::new();
    let mut current: Option<String> = None;
    for line in lock.lines().map(str::trim) {
        if line.starts_with('[') {
            current = None;
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let value = value.trim().trim_matches('"');
        match key.trim() {
            "name" => current = Some(value.to_string()),
            "version" if current.as_deref() == Some(name) => versions.push(value.to_string()),
            _ => {}
        }
    }
    versions
}

/// The version a tool prints for `--version`, e.g. `wasm-bindgen 0.2.130` gives `0.2.130`.
fn tool_version(program: &Path) -> Option<String> {
    if !program.is_file() {
        return None;
    }
    let out = output(cmd(program).arg("--version")).ok()?;
    if !out.status.success() {
        return None;
    }
    parse_version_line(&String::from_utf8_lossy(&out.stdout)).map(str::to_string)
}

fn parse_version_line(text: &str) -> Option<&str> {
    text.split_whitespace().nth(1)
}

/// Where `cargo install` puts binaries: `$CARGO_INSTALL_ROOT/bin`, `$CARGO_HOME/bin` or
/// `~/.cargo/bin`, in cargo's own order of precedence.
fn cargo_bin_dir() -> Option<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|value| !value.is_empty());
    var("CARGO_INSTALL_ROOT")
        .or_else(|| var("CARGO_HOME"))
        .map(PathBuf::from)
        .or_else(|| var("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .map(|dir| dir.join("bin"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
# This file is automatically @generated by Cargo.
version = 4

[[package]]
name = "wasm-bindgen-backend"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
checksum = "0000"
dependencies = [
 "cfg-if",
 "wasm-bindgen-macro",
]

[[package]]
name = "wasm-bindgen-futures"
version = "0.4.53"
"#;

    #[test]
    fn finds_the_exact_package_only() {
        assert_eq!(lock_versions(LOCK, "wasm-bindgen"), vec!["0.2.130"]);
        assert_eq!(lock_versions(LOCK, "wasm-bindgen-futures"), vec!["0.4.53"]);
    }

    #[test]
    fn the_lock_format_version_is_not_a_package() {
        assert!(lock_versions(LOCK, "").is_empty());
        assert!(lock_versions("version = 4\n", "wasm-bindgen").is_empty());
    }

    #[test]
    fn reports_every_version_when_there_are_several() {
        let lock = "[[package]]\nname = \"a\"\nversion = \"1.0.0\"\n\n\
                    [[package]]\nname = \"a\"\nversion = \"2.0.0\"\n";
        assert_eq!(lock_versions(lock, "a"), vec!["1.0.0", "2.0.0"]);
    }

    #[test]
    fn parses_the_version_line() {
        assert_eq!(
            parse_version_line("wasm-bindgen 0.2.130\n"),
            Some("0.2.130")
        );
        assert_eq!(parse_version_line(""), None);
    }
}
