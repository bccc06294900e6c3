//! Tauri's build step. The page is built by `cargo xtask bench`; until then a placeholder keeps
//! `cargo check`/`clippy` of the workspace working without a wasm build.

fn main() {
    let dist = std::path::Path::new("../ui/dist");
    if !dist.join("index.html").exists() {
        std::fs::create_dir_all(dist).expect("cannot create ../ui/dist");
        std::fs::write(
            dist.join("index.html"),
            "<!doctype html><title>not built</title><p>Run cargo xtask bench.</p>",
        )
        .expect("cannot write the placeholder page");
    }
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(&["ui_ready"])),
    )
    .expect("tauri-build failed");
}
