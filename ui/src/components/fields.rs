//! Small pieces the forms share: what was typed, and a field's problem from the shell's answer.

use harbour_core::api::ApiError;
use harbour_core::profile::{self, FieldDef, Kind, ProfileProblem, Values};
use harbour_core::Field;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{FileReader, HtmlInputElement, HtmlTextAreaElement};

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
/// The inputs for `defs`: a text box, a several-line box, a date or a tick box each, labelled
/// from Fluent, with each field's problem under it. Edits arrive as `(key, value)`.
pub fn field_inputs(
    i18n: &I18n,
    defs: impl IntoIterator<Item = &'static FieldDef>,
    values: &Values,
    problems: &[ProfileProblem],
    on_change: &Callback<(&'static str, Value)>,
) -> Html {
    defs.into_iter()
        .map(|f| {
            let key = f.key;
            let input_id = format!("pf-{key}");
            let error_id = format!("pf-{key}-error");
            let problem = problems
                .iter()
                .find(|p| p.key == key)
                .map(ProfileProblem::message_id);
            let set = {
                let on_change = on_change.clone();
                move |v: Value| on_change.emit((key, v))
            };
            let label = i18n.tr(&profile::label_id(key));
            let text = values
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            let described = problem.map(|_| error_id.clone());
            let control = match f.kind {
                Kind::Flag => {
                    let checked = values.get(key).and_then(Value::as_bool).unwrap_or(false);
                    let onchange = Callback::from(move |e: Event| {
                        set(Value::Bool(
                            e.target_unchecked_into::<HtmlInputElement>().checked(),
                        ))
                    });
                    html! {
                        <label class="check" for={input_id.clone()}>
                            <input type="checkbox" id={input_id.clone()} {checked} {onchange} />
                            { label }
                        </label>
                    }
                }
                Kind::Lines => {
                    let oninput = Callback::from(move |e: InputEvent| {
                        set(Value::String(
                            e.target_unchecked_into::<HtmlTextAreaElement>().value(),
                        ))
                    });
                    html! {
                        <>
                            <label for={input_id.clone()}>{ label }</label>
                            <textarea id={input_id.clone()} rows="3" value={text}
                                aria-describedby={described} {oninput} />
                        </>
                    }
                }
                Kind::Choice(options) => {
                    let onchange = Callback::from(move |e: Event| {
                        set(Value::String(
                            e.target_unchecked_into::<web_sys::HtmlSelectElement>().value(),
                        ))
                    });
                    html! {
                        <>
                            <label for={input_id.clone()}>{ label }</label>
                            <select id={input_id.clone()} aria-describedby={described} {onchange}>
                                <option value="" selected={text.is_empty()}>{ i18n.tr("profile-not-recorded") }</option>
                                { for options.iter().map(|o| html! {
                                    <option value={*o} selected={text == *o}>{ i18n.tr(&profile::option_id(key, o)) }</option>
                                }) }
                            </select>
                        </>
                    }
                }
                Kind::Line | Kind::Date => {
                    let kind = if f.kind == Kind::Date { "date" } else { "text" };
                    let oninput = Callback::from(move |e: InputEvent| {
                        set(Value::String(
                            e.target_unchecked_into::<HtmlInputElement>().value(),
                        ))
                    });
                    html! {
                        <>
                            <label for={input_id.clone()}>{ label }</label>
                            <input type={kind} id={input_id.clone()} value={text}
                                aria-describedby={described} {oninput} />
                        </>
                    }
                }
            };
            html! {
                <div class="field" data-key={key}>
                    { control }
                    if f.sensitive {
                        <p class="hint">{ i18n.tr("profile-sensitive") }</p>
                    }
                    if let Some(m) = problem {
                        <p class="field-error" id={error_id} role="alert">{ i18n.tr(m) }</p>
                    }
                </div>
            }
        })
        .collect()
}
