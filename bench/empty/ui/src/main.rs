//! The empty window's page: one heading, then "ready" over IPC, as Harbour's UI does.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["window", "__TAURI_INTERNALS__"], js_name = invoke, catch)]
    async fn tauri_invoke(cmd: &str) -> Result<JsValue, JsValue>;
}

#[function_component(Empty)]
fn empty() -> Html {
    use_effect_with((), |_| {
        yew::platform::spawn_local(async {
            let _ = tauri_invoke("ui_ready").await;
        });
    });
    html! { <h1>{ "Empty window" }</h1> }
}

fn main() {
    yew::Renderer::<Empty>::new().render();
}
