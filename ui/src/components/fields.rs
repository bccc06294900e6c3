//! Small pieces the forms share: what was typed, and a field's problem from the shell's answer.

use harbour_core::api::ApiError;
use harbour_core::Field;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{FileReader, HtmlInputElement};

use crate::form::PickedPhoto;
use yew::prelude::*;

use crate::i18n::I18n;

/// The text now in the input an event came from.
pub fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// The message for `field`, if the last answer had a problem with it; `id` is what the input's
/// `aria-describedby` points at.
pub fn field_error(i18n: &I18n, error: &Option<ApiError>, field: Field, id: &str) -> Html {
    let found = error
        .as_ref()
        .and_then(|e| e.fields.iter().find(|f| f.field == field));
    match found {
        Some(f) => html! {
            <p class="field-error" id={id.to_owned()} role="alert">{ i18n.tr(f.message_id()) }</p>
        },
        None => html! {},
    }
}

/// An `oninput` that stores what was typed into one field of a form held in `form`.
pub fn edit<T: Clone + 'static>(
    form: &UseStateHandle<T>,
    set: fn(&mut T, String),
) -> Callback<InputEvent> {
    let form = form.clone();
    Callback::from(move |e: InputEvent| {
        let mut next = (*form).clone();
        set(&mut next, input_value(&e));
        form.set(next);
    })
}

/// Reads the file picked in `input` as base64 and hands it to `done` (`None` when nothing was
/// picked). Returns whether a read started. A failed read hands over empty bytes, which the
/// shell reports as an unreadable photo, so a form never waits for ever.
pub fn read_picked_file(input: &HtmlInputElement, done: Callback<Option<PickedPhoto>>) -> bool {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        done.emit(None);
        return false;
    };
    let Ok(reader) = FileReader::new() else {
        done.emit(Some(PickedPhoto {
            file_name: file.name(),
            base64: String::new(),
        }));
        return false;
    };
    let file_name = file.name();
    let r = reader.clone();
    // On load *end*: also when reading fails.
    let onload = Closure::once(move || {
        let url = r
            .result()
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        // A data URL: "data:<type>;base64,<bytes>". Anything else is sent as-is and refused.
        let base64 = url.split_once(',').map(|(_, b)| b).unwrap_or("").to_owned();
        done.emit(Some(PickedPhoto { file_name, base64 }));
    });
    reader.set_onloadend(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    reader.read_as_data_url(&file).is_ok()
}
