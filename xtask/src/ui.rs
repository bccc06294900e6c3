//! `cargo xtask build-ui`: compiles the Yew front end to wasm and assembles `ui/dist`, the
//! folder the Tauri shell embeds at compile time (`frontendDist`). Plain cargo + wasm-bindgen +
//! copies, rather than trunk, because trunk wants to download tools and this must work offline.

use std::fs;
use std::path::{Path, PathBuf};

use crate::cmd::{self, cargo, cmd, rel, run, size_kb, warn};
use crate::setup;
use crate::tools::RustTools;

const WASM_TARGET: &str = "wasm32-unknown-unknown";
const PROFILE: &str = "wasm-release";

/// One Yew front end to assemble: Harbour's, or the benchmark's empty page.
#[derive(Debug)]
pub struct UiSpec {
    /// The crate compiled to wasm.
    pub krate: &'static str,
    /// Its folder; `dist/` is assembled inside it.
    pub dir: &'static str,
    /// Static files (relative to the workspace) copied next to the generated JS and wasm.
    pub static_files: &'static [&'static str],
    /// Copy the bundled fonts into `dist/fonts`.
    pub fonts: bool,
}

pub const HARBOUR: UiSpec = UiSpec {
    krate: "harbour-ui",
    dir: "ui",
    static_files: &["ui/index.html", "ui/boot.js", "ui/style.css"],
    fonts: true,
};

pub const EMPTY: UiSpec = UiSpec {
    krate: "harbour-bench-empty-ui",
    dir: "bench/empty/ui",
    static_files: &["bench/empty/ui/index.html", "bench/empty/ui/boot.js"],
    fonts: false,
};

/// The features rustc 1.95 emits for wasm32; wasm-opt rejects the module unless each is allowed.
const WASM_OPT_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

pub fn build(tools: &RustTools, spec: &UiSpec) -> Result<(), String> {
    let root = cmd::root();
    // Check the inputs first: a missing file should not cost a wasm build to discover.
    for file in spec.static_files {
        if !root.join(file).is_file() {
            return Err(format!(
                "{file} is missing: the UI cannot be assembled without it"
            ));
        }
    }
    let fonts = if spec.fonts {
        font_files(&root.join("fonts"))?
    } else {
        Vec::new()
    };

    run(cargo().args([
        "build",
        "-p",
        spec.krate,
        "--profile",
        PROFILE,
        "--target",
        WASM_TARGET,
    ]))?;
    let wasm = cmd::target_dir()
        .join(WASM_TARGET)
        .join(PROFILE)
        .join(format!("{}.wasm", spec.krate));

    // Start from an empty dist so files the UI no longer produces do not linger in the app.
    let dist = root.join(spec.dir).join("dist");
    if dist.exists() {
        fs::remove_dir_all(&dist).map_err(|e| format!("cannot clear {}: {e}", dist.display()))?;
    }
    fs::create_dir_all(dist.join("fonts"))
        .map_err(|e| format!("cannot create {}: {e}", dist.display()))?;

    run(cmd(&tools.wasm_bindgen)
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(rel(&dist))
        .arg(rel(&wasm)))?;
    optimise(&dist.join(format!("{}_bg.wasm", spec.krate)))?;

    for file in spec.static_files {
        let from = root.join(file);
        let name = from.file_name().unwrap_or_default();
        copy(&from, &dist.join(name))?;
    }
    for font in &fonts {
        let name = font.file_name().unwrap_or_default();
        copy(font, &dist.join("fonts").join(name))?;
    }
    println!(
        "build-ui: {} ready ({} static files, {} fonts)",
        rel(&dist).display(),
        spec.static_files.len(),
        fonts.len()
    );
    Ok(())
}

/// Shrinks the wasm with wasm-opt when `setup` managed to install it. Writes to a side file and
/// renames it over the original only on success, so a wasm-opt failure leaves the working,
/// unoptimised module in place.
fn optimise(wasm: &Path) -> Result<(), String> {
    let before = size_kb(wasm)?;
    let wasm_opt = setup::wasm_opt_path();
    if !wasm_opt.is_file() {
        println!("wasm: {before:.0} KB (wasm-opt not installed: run `cargo xtask setup`)");
        return Ok(());
    }
    let optimised = wasm.with_extension("opt.wasm");
    let result = run(cmd(&wasm_opt)
        .arg("-Oz")
        .args(WASM_OPT_FEATURES)
        .arg("-o")
        .arg(rel(&optimised))
        .arg(rel(wasm)));
    match result.and_then(|()| {
        fs::rename(&optimised, wasm).map_err(|e| format!("cannot replace {}: {e}", wasm.display()))
    }) {
        Ok(()) => println!(
            "wasm: {before:.0} KB -> {:.0} KB (wasm-opt -Oz)",
            size_kb(wasm)?
        ),
        Err(e) => {
            // Best effort: the side file may not exist if wasm-opt failed early.
            let _ = fs::remove_file(&optimised);
            warn(&format!("{e}; keeping the unoptimised wasm"));
            println!("wasm: {before:.0} KB -> {before:.0} KB (not optimised)");
        }
    }
    Ok(())
}

/// The `*.ttf` files in `dir`, sorted so the copy order (and the log) is stable.
fn font_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut fonts = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        if path.extension().is_some_and(|ext| ext == "ttf") && path.is_file() {
            fonts.push(path);
        }
    }
    fonts.sort();
    if fonts.is_empty() {
        warn(&format!("no .ttf fonts in {}", dir.display()));
    }
    Ok(fonts)
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}
