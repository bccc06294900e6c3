//! The empty window: exits once its page reports ready when `HARBOUR_EXIT_WHEN_READY` is set.

#[tauri::command]
fn ui_ready<R: tauri::Runtime>(app: tauri::AppHandle<R>) {
    println!("empty: first screen ready");
    if std::env::var_os("HARBOUR_EXIT_WHEN_READY").is_some() {
        app.exit(0);
    }
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ui_ready])
        .run(tauri::generate_context!())
        .expect("the empty window could not start");
}
