//! The "add a child" form. It checks with the core's rules before sending, shows every problem
//! next to its field, and keeps what was typed whatever goes wrong.

use harbour_core::api::ApiError;
use harbour_core::{Child, ChildInput, Field};
use harbour_i18n::Arg;
use serde::Serialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{FileReader, HtmlInputElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::form::{Edit, FormAction, FormState, PickedPhoto};
use crate::i18n::{use_i18n, I18n};
use crate::ipc;
use crate::state::{Action, AppState};
use crate::time;

#[derive(Properties, PartialEq)]
pub struct AddChildProps {
    pub dispatcher: UseReducerDispatcher<AppState>,
}

#[derive(Serialize)]
struct AddChildArgs<'a> {
    input: &'a ChildInput,
    photo_base64: Option<&'a str>,
}

fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn checked(e: &Event) -> bool {
    e.target_unchecked_into::<HtmlInputElement>().checked()
}

/// Reads the picked file as base64 and hands it to the form.
fn read_photo(input: HtmlInputElement, form: UseReducerDispatcher<FormState>) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        form.dispatch(FormAction::PhotoPicked(None));
        return;
    };
    let Ok(reader) = FileReader::new() else {
        form.dispatch(FormAction::Rejected(ApiError::backend()));
        return;
    };
    let file_name = file.name();
    let r = reader.clone();
    let onload = Closure::once(move || {
        let url = r
            .result()
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        // A data URL: "data:<type>;base64,<bytes>". Anything else is sent as-is and refused.
        let base64 = url.split_once(',').map(|(_, b)| b).unwrap_or("").to_owned();
        form.dispatch(FormAction::PhotoPicked(Some(PickedPhoto {
            file_name,
            base64,
        })));
    });
    reader.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    let _ = reader.read_as_data_url(&file);
}

fn field_error(i18n: &I18n, form: &FormState, field: Field, id: &str) -> Html {
    match form.error_for(field) {
        Some(msg) => {
            html! { <p class="field-error" id={id.to_owned()} role="alert">{ i18n.tr(msg) }</p> }
        }
        None => html! {},
    }
}

#[function_component(AddChild)]
pub fn add_child(props: &AddChildProps) -> Html {
    let i18n = use_i18n();
    let form = use_reducer(FormState::default);

    let edit = |make: fn(String) -> Edit| {
        let d = form.dispatcher();
        Callback::from(move |e: InputEvent| d.dispatch(FormAction::Edit(make(input_value(&e)))))
    };
    let flag = |make: fn(bool) -> Edit| {
        let d = form.dispatcher();
        Callback::from(move |e: Event| d.dispatch(FormAction::Edit(make(checked(&e)))))
    };
    let on_photo = {
        let d = form.dispatcher();
        Callback::from(move |e: Event| read_photo(e.target_unchecked_into(), d.clone()))
    };
    let on_cancel = {
        let app = props.dispatcher.clone();
        Callback::from(move |_| app.dispatch(Action::ShowHome))
    };
    let on_submit = {
        let form = form.clone();
        let app = props.dispatcher.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if form.saving {
                return;
            }
            if let Err(errors) = form.input.validate(time::today_local()) {
                form.dispatch(FormAction::Invalid(errors));
                return;
            }
            form.dispatch(FormAction::Saving);
            let (input, photo) = (form.input.clone(), form.photo.clone());
            let (form, app) = (form.dispatcher(), app.clone());
            spawn_local(async move {
                let args = AddChildArgs {
                    input: &input,
                    photo_base64: photo.as_ref().map(|p| p.base64.as_str()),
                };
                match ipc::call::<_, Child>("add_child", &args).await {
                    Ok(child) => app.dispatch(Action::ChildSaved(child)),
                    Err(e) => form.dispatch(FormAction::Rejected(e)),
                }
            });
        })
    };

    let f = &*form;
    let invalid = |field| f.error_for(field).is_some().then_some("true");
    html! {
        <section class="add-child" aria-labelledby="add-child-heading">
            <h1 id="add-child-heading">{ i18n.tr("add-child-heading") }</h1>
            <p class="hint">{ i18n.tr("add-child-intro") }</p>
            if f.has_errors() {
                <p class="banner error" role="alert" id="form-errors">
                    { f.error.as_deref().map(|id| i18n.tr(id)).unwrap_or_else(|| i18n.tr("form-has-errors")) }
                </p>
            }
            <form onsubmit={on_submit} novalidate=true>
                <div class="field">
                    <label for="name-latin">{ i18n.tr("field-name-latin") }</label>
                    <p class="hint" id="name-latin-hint">{ i18n.tr("field-name-latin-hint") }</p>
                    <input id="name-latin" type="text" autocomplete="off" value={f.input.name_latin.clone()}
                        aria-invalid={invalid(Field::NameLatin)} aria-describedby="name-latin-hint name-latin-error"
                        oninput={edit(Edit::NameLatin)} />
                    { field_error(&i18n, f, Field::NameLatin, "name-latin-error") }
                </div>
                <div class="field">
                    <label for="name-own">{ i18n.tr("field-name-own-script") }</label>
                    <p class="hint" id="name-own-hint">{ i18n.tr("field-name-own-script-hint") }</p>
                    <input id="name-own" type="text" dir="auto" autocomplete="off" value={f.input.name_own_script.clone()}
                        aria-invalid={invalid(Field::NameOwnScript)} aria-describedby="name-own-hint name-own-error"
                        oninput={edit(Edit::NameOwnScript)} />
                    { field_error(&i18n, f, Field::NameOwnScript, "name-own-error") }
                </div>
                <div class="field">
                    <label for="dob">{ i18n.tr("field-dob") }</label>
                    <p class="hint" id="dob-hint">{ i18n.tr("field-dob-hint") }</p>
                    <input id="dob" type="date" value={f.input.date_of_birth.clone()}
                        aria-invalid={invalid(Field::DateOfBirth)} aria-describedby="dob-hint dob-error"
                        oninput={edit(Edit::DateOfBirth)} />
                    { field_error(&i18n, f, Field::DateOfBirth, "dob-error") }
                </div>
                <div class="field">
                    <label for="languages">{ i18n.tr("field-languages") }</label>
                    <p class="hint" id="languages-hint">{ i18n.tr("field-languages-hint") }</p>
                    <input id="languages" type="text" autocomplete="off" value={f.input.languages.clone()}
                        aria-invalid={invalid(Field::Languages)} aria-describedby="languages-hint languages-error"
                        oninput={edit(Edit::Languages)} />
                    { field_error(&i18n, f, Field::Languages, "languages-error") }
                </div>
                <fieldset class="field flags">
                    <legend>{ i18n.tr("field-flags") }</legend>
                    <p class="hint">{ i18n.tr("field-flags-hint") }</p>
                    <label class="check">
                        <input id="unaccompanied" type="checkbox" checked={f.input.unaccompanied}
                            onchange={flag(Edit::Unaccompanied)} />
                        { i18n.tr("field-unaccompanied") }
                    </label>
                    <label class="check">
                        <input id="trafficked" type="checkbox" checked={f.input.suspected_trafficked}
                            onchange={flag(Edit::SuspectedTrafficked)} />
                        { i18n.tr("field-trafficked") }
                    </label>
                </fieldset>
                <div class="field">
                    <label for="photo">{ i18n.tr("field-photo") }</label>
                    <p class="hint" id="photo-hint">{ i18n.tr("field-photo-hint") }</p>
                    <input id="photo" type="file" accept="image/*"
                        aria-invalid={invalid(Field::Photo)} aria-describedby="photo-hint photo-error"
                        onchange={on_photo} />
                    if let Some(p) = &f.photo {
                        <p class="hint">{ i18n.tr_with("field-photo-chosen", &[("file", Arg::from(p.file_name.as_str()))]) }</p>
                    }
                    { field_error(&i18n, f, Field::Photo, "photo-error") }
                </div>
                <div class="actions">
                    <button id="save-child" type="submit" class="primary" disabled={f.saving}>
                        { if f.saving { i18n.tr("form-saving") } else { i18n.tr("form-save") } }
                    </button>
                    <button type="button" class="secondary" onclick={on_cancel}>{ i18n.tr("form-cancel") }</button>
                </div>
            </form>
        </section>
    }
}
