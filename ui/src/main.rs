//! The wasm entry point: mount the app on the page's body.

fn main() {
    yew::Renderer::<harbour_ui::Root>::new().render();
}
