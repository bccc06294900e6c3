//! Small pieces the forms share: what was typed, and a field's problem from the shell's answer.

use harbour_core::api::ApiError;
use harbour_core::Field;
use web_sys::HtmlInputElement;
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
