//! The child's core details (names, date of birth, languages, the two flags), corrected in
//! place; clearing a flag asks why.

use harbour_core::api::ApiError;
use harbour_core::profile::ProfileView;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::super::fields::{field_error, input_value};
use crate::backend::use_backend;
use crate::i18n::use_i18n;
use harbour_core::{Child, ChildInput, Field};

#[derive(Properties, PartialEq)]
pub struct CoreDetailsProps {
    pub child: Child,
    pub on_updated: Callback<ProfileView>,
}

/// The details recorded when the child was added — name, date of birth, languages, and the
/// flags that send a missing report straight to 999 — corrected here.
#[function_component(CoreDetails)]
pub fn core_details(props: &CoreDetailsProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let editing = use_state(|| None::<ChildInput>);
    let flag_reason = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let d = &props.child.details;
    let on_edit = {
        let (editing, d) = (editing.clone(), d.clone());
        Callback::from(move |_| {
            editing.set(Some(ChildInput {
                name_latin: d.name_latin.clone(),
                name_own_script: d.name_own_script.clone().unwrap_or_default(),
                date_of_birth: d.date_of_birth.format("%Y-%m-%d").to_string(),
                languages: d.languages.join(", "),
                unaccompanied: d.unaccompanied,
                suspected_trafficked: d.suspected_trafficked,
            }))
        })
    };
    let Some(form) = (*editing).clone() else {
        return html! {
            <div class="core-details">
                <p class="hint">{ i18n.tr("profile-core-details") }</p>
                <button class="secondary" id="edit-core" onclick={on_edit}>{ i18n.tr("profile-core-edit") }</button>
            </div>
        };
    };
    let set = |apply: fn(&mut ChildInput, String)| {
        let editing = editing.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(mut next) = (*editing).clone() {
                apply(&mut next, input_value(&e));
                editing.set(Some(next));
            }
        })
    };
    let tick = |apply: fn(&mut ChildInput, bool)| {
        let editing = editing.clone();
        Callback::from(move |e: Event| {
            if let Some(mut next) = (*editing).clone() {
                apply(
                    &mut next,
                    e.target_unchecked_into::<HtmlInputElement>().checked(),
                );
                editing.set(Some(next));
            }
        })
    };
    let on_save = {
        let (editing, error, on_updated, flag_reason) = (
            editing.clone(),
            error.clone(),
            props.on_updated.clone(),
            flag_reason.clone(),
        );
        let child_id = props.child.id;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = (*editing).clone() else {
                return;
            };
            let (editing, error, on_updated) = (editing.clone(), error.clone(), on_updated.clone());
            let reason = (*flag_reason).clone();
            let backend = backend.clone();
            spawn_local(async move {
                match backend.update_child(child_id, &input, &reason).await {
                    Ok(view) => {
                        error.set(None);
                        editing.set(None);
                        on_updated.emit(view);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let on_cancel = {
        let (editing, error) = (editing.clone(), error.clone());
        Callback::from(move |_| {
            editing.set(None);
            error.set(None);
        })
    };
    html! {
        <form class="core-details profile-form" id="core-form" onsubmit={on_save} novalidate=true>
            <div class="field">
                <label for="core-name">{ i18n.tr("field-name-latin") }</label>
                <input id="core-name" value={form.name_latin.clone()} oninput={set(|f, v| f.name_latin = v)}
                    aria-describedby="core-name-error" />
                { field_error(&i18n, &error, Field::NameLatin, "core-name-error") }
            </div>
            <div class="field">
                <label for="core-own">{ i18n.tr("field-name-own-script") }</label>
                <input id="core-own" dir="auto" value={form.name_own_script.clone()} oninput={set(|f, v| f.name_own_script = v)}
                    aria-describedby="core-own-error" />
                { field_error(&i18n, &error, Field::NameOwnScript, "core-own-error") }
            </div>
            <div class="field">
                <label for="core-dob">{ i18n.tr("field-dob") }</label>
                <input id="core-dob" type="date" value={form.date_of_birth.clone()} oninput={set(|f, v| f.date_of_birth = v)}
                    aria-describedby="core-dob-error" />
                { field_error(&i18n, &error, Field::DateOfBirth, "core-dob-error") }
            </div>
            <div class="field">
                <label for="core-languages">{ i18n.tr("field-languages") }</label>
                <input id="core-languages" value={form.languages.clone()} oninput={set(|f, v| f.languages = v)}
                    aria-describedby="core-languages-error" />
                { field_error(&i18n, &error, Field::Languages, "core-languages-error") }
            </div>
            <label class="check" for="core-unaccompanied">
                <input type="checkbox" id="core-unaccompanied" checked={form.unaccompanied}
                    onchange={tick(|f, v| f.unaccompanied = v)} />
                { i18n.tr("child-flag-unaccompanied") }
            </label>
            <label class="check" for="core-trafficked">
                <input type="checkbox" id="core-trafficked" checked={form.suspected_trafficked}
                    onchange={tick(|f, v| f.suspected_trafficked = v)} />
                { i18n.tr("child-flag-trafficked") }
            </label>
            // Clearing a flag takes it out of "call 999 now": say why, as a manager.
            if (d.unaccompanied && !form.unaccompanied) || (d.suspected_trafficked && !form.suspected_trafficked) {
                <div class="field" id="flag-clear">
                    <p class="banner error">{ i18n.tr("flag-clear-warning") }</p>
                    <label for="core-flag-reason">{ i18n.tr("flag-clear-reason") }</label>
                    <textarea id="core-flag-reason" rows="2" value={(*flag_reason).clone()}
                        oninput={{
                            let flag_reason = flag_reason.clone();
                            Callback::from(move |e: InputEvent| flag_reason.set(
                                e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value()))
                        }}
                        aria-describedby="core-flag-reason-error" />
                    { field_error(&i18n, &error, Field::FlagReason, "core-flag-reason-error") }
                </div>
            }
            if let Some(e) = (*error).as_ref().filter(|e| e.fields.is_empty()) {
                <p class="banner error" role="alert">{ i18n.tr(&e.message_id) }</p>
            }
            <div class="actions">
                <button type="submit" class="primary" id="core-save">{ i18n.tr("profile-save") }</button>
                <button type="button" class="secondary" onclick={on_cancel}>{ i18n.tr("profile-cancel") }</button>
            </div>
        </form>
    }
}
