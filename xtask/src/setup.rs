//! `cargo xtask setup`: everything a fresh Debian machine needs to build, run and test Harbour.
//! Each step checks first and only acts when something is missing, so a second run takes a
//! second or two.

use std::collections::HashSet;
use std::path::PathBuf;

use crate::cmd::{self, cmd, output, run, warn};
use crate::tools::{self, RustTools};

/// Debian packages: WebKitGTK headers for the Tauri shell, Xvfb + xauth + WebKitWebDriver for
/// the end-to-end tests, poppler and ImageMagick to inspect PDFs and screenshots, and a D-Bus
/// session bus with GNOME Keyring for the tests of the device secret in a real keyring, and a
/// PostgreSQL server for the hub's tests (started privately by the test run, never as a service).
pub const PACKAGES: [&str; 11] = [
    "libwebkit2gtk-4.1-dev",
    "pkg-config",
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "poppler-utils",
    "imagemagick",
    "dbus-daemon",
    "dbus-bin",
    "gnome-keyring",
    "postgresql",
];

/// The pinned binaryen release: Debian's wasm-opt is too old to read what current rustc emits.
const BINARYEN: &str = "binaryen@132";

/// Runs the whole setup and hands back the Rust tools for the build steps that follow.
pub fn all() -> Result<RustTools, String> {
    system_packages()?;
    let tools = tools::ensure()?;
    wasm_opt();
    // Only the end-to-end tests need the driver, so its absence is not fatal here; `test` and
    // `e2e` fail with the same message when they get to it.
    match webkit_webdriver() {
        Ok(path) => println!("ok: WebKitWebDriver at {}", path.display()),
        Err(e) => warn(&e),
    }
    println!("setup: done");
    Ok(tools)
}

fn system_packages() -> Result<(), String> {
    if cmd::which("dpkg-query").is_none() {
        warn(&format!(
            "dpkg-query not found: not Debian, skipping system packages; install the \
             equivalents of: {}",
            PACKAGES.join(" ")
        ));
        return Ok(());
    }
    let missing = missing_packages()?;
    if missing.is_empty() {
        println!("ok: Debian packages installed ({})", PACKAGES.join(", "));
        return Ok(());
    }
    let install_args = ["install", "-y", "--no-install-recommends"];
    if !is_root()? {
        return Err(format!(
            "missing Debian packages: {}. Install them, then run `cargo xtask setup` again:\n  \
             sudo apt-get {} {}",
            missing.join(" "),
            install_args.join(" "),
            missing.join(" ")
        ));
    }
    run(cmd("apt-get")
        .arg("update")
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    // Packages with a server (PostgreSQL) start it when installed; the policy file tells them
    // not to, for the length of the install. The test run starts its own.
    let policy = std::path::Path::new("/usr/sbin/policy-rc.d");
    let own_policy = !policy.exists()
        && std::fs::write(policy, "#!/bin/sh\nexit 101\n").is_ok()
        && run(cmd("chmod").args(["755", "/usr/sbin/policy-rc.d"])).is_ok();
    let installed = run(cmd("apt-get")
        .args(install_args)
        .args(&missing)
        .env("DEBIAN_FRONTEND", "noninteractive"));
    if own_policy {
        let _ = std::fs::remove_file(policy);
    }
    installed?;
    let still_missing = missing_packages()?;
    if still_missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "apt-get succeeded but these packages are still not installed: {}",
            still_missing.join(" ")
        ))
    }
}

/// One `dpkg-query` for all packages. It exits non-zero when some name is unknown to dpkg, so
/// the status is ignored and only the lines it printed count.
fn missing_packages() -> Result<Vec<String>, String> {
    let out = output(
        cmd("dpkg-query")
            .arg("-W")
            // `;` ends each record: no tabs or newlines, so the echoed command reads cleanly.
            .arg("--showformat=${Package} ${Status};")
            .args(PACKAGES),
    )?;
    let installed = installed_packages(&String::from_utf8_lossy(&out.stdout));
    Ok(PACKAGES
        .iter()
        .filter(|name| !installed.contains(**name))
        .map(|name| name.to_string())
        .collect())
}

/// Names whose status line says `install ok installed`; packages dpkg merely remembers (removed,
/// config files left) have other statuses.
pub fn installed_packages(dpkg_output: &str) -> HashSet<String> {
    dpkg_output
        .split(';')
        .filter_map(|record| record.trim().split_once(' '))
        .filter(|(_, status)| status.contains("install ok installed"))
        .map(|(name, _)| name.split(':').next().unwrap_or(name).trim().to_string())
        .collect()
}

pub fn is_root() -> Result<bool, String> {
    let out = output(cmd("id").arg("-u"))?;
    Ok(String::from_utf8_lossy(&out.stdout).trim() == "0")
}

/// Where `setup` installs wasm-opt; `build-ui` uses it when it is there.
pub fn wasm_opt_path() -> PathBuf {
    cmd::root().join("tools/node_modules/binaryen/bin/wasm-opt")
}

/// wasm-opt only makes the UI smaller, so every failure here is a warning.
fn wasm_opt() {
    let path = wasm_opt_path();
    if path.is_file() {
        println!("ok: wasm-opt at {}", cmd::rel(&path).display());
        return;
    }
    if cmd::which("npm").is_none() {
        warn("npm not found: skipping wasm-opt; the UI wasm will be built unoptimised");
        return;
    }
    let prefix = cmd::root().join("tools");
    if let Err(e) = std::fs::create_dir_all(&prefix) {
        warn(&format!(
            "cannot create {}: {e}; skipping wasm-opt",
            prefix.display()
        ));
        return;
    }
    let installed = run(cmd("npm")
        .args(["install", "--prefix"])
        .arg(cmd::rel(&prefix))
        .args(["--no-audit", "--no-fund", BINARYEN]));
    match installed {
        Ok(()) if path.is_file() => println!("ok: wasm-opt installed"),
        Ok(()) => warn(&format!(
            "npm finished but {} is missing; the UI wasm will be built unoptimised",
            path.display()
        )),
        Err(e) => warn(&format!(
            "{e}; wasm-opt is optional, the UI wasm will be built unoptimised"
        )),
    }
}

/// The WebKitWebDriver binary that drives the app's webview in the end-to-end tests. Debian
/// puts it on PATH, but look in the package's file list too in case it moves.
pub fn webkit_webdriver() -> Result<PathBuf, String> {
    if let Some(path) = cmd::which("WebKitWebDriver") {
        return Ok(path);
    }
    if cmd::which("dpkg").is_some() {
        let out = output(cmd("dpkg").args(["-L", "webkit2gtk-driver"]))?;
        let listed = String::from_utf8_lossy(&out.stdout);
        if let Some(path) = listed
            .lines()
            .map(str::trim)
            .find(|line| line.ends_with("/WebKitWebDriver"))
            .map(PathBuf::from)
            .filter(|path| path.is_file())
        {
            return Ok(path);
        }
    }
    Err(
        "WebKitWebDriver not found: install the webkit2gtk-driver package \
         (`cargo xtask setup` does it on Debian)"
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_fully_installed_packages_count() {
        let out = "pkg-config install ok installed;xvfb deinstall ok config-files;\
                   xauth unknown ok not-installed;libwebkit2gtk-4.1-dev:amd64 install ok installed;";
        let installed = installed_packages(out);
        assert!(installed.contains("pkg-config"));
        assert!(installed.contains("libwebkit2gtk-4.1-dev"));
        assert!(!installed.contains("xvfb"));
        assert!(!installed.contains("xauth"));
        assert_eq!(installed.len(), 2);
    }

    #[test]
    fn empty_output_means_nothing_installed() {
        assert!(installed_packages("").is_empty());
    }
}
