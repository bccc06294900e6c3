//! The "add a child" form. It checks with the core's rules before sending, shows every problem
//! next to its field, and keeps what was typed whatever goes wrong.

use harbour_core::teams::{Team, TeamsView};
use harbour_core::Field;
use harbour_i18n::Arg;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::fields::read_picked_file;
use crate::backend::use_backend;
use crate::form::{Edit, FormAction, FormState};
use crate::i18n::{use_i18n, I18n};
use crate::state::{Action, AppState};
use crate::time;

#[derive(Properties, PartialEq)]
pub struct AddChildProps {
    pub dispatcher: UseReducerDispatcher<AppState>,
    /// The user's homes: with more than one, the form asks which the child lives in.
    #[prop_or_default]
    pub teams: TeamsView,
    /// Whether this person may bring a child's record in from a transfer package.
    #[prop_or_default]
    pub may_bring_in: bool,
}

/// A team's name as staff read it: its own, or "not named yet".
pub fn team_name(i18n: &I18n, team: &Team) -> String {
    if team.name.is_empty() {
        i18n.tr("team-unnamed")
    } else {
        team.name.clone()
    }
}

fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn checked(e: &Event) -> bool {
    e.target_unchecked_into::<HtmlInputElement>().checked()
}

/// Reads the picked file as base64 and hands it to the form.
fn read_photo(input: HtmlInputElement, form: UseReducerDispatcher<FormState>) {
    let done = {
        let form = form.clone();
        Callback::from(move |photo| form.dispatch(FormAction::PhotoPicked(photo)))
    };
    if read_picked_file(&input, done) {
        form.dispatch(FormAction::PhotoReading);
    }
}

/// One labelled input with its hint and, when it has a problem, the message under it; the
/// input points at both for screen readers.
struct TextField {
    id: &'static str,
    /// The input's `type`.
    kind: &'static str,
    field: Field,
    /// For names in the child's own script, which may run right to left.
    dir_auto: bool,
    label: String,
    hint: String,
    value: String,
    oninput: Callback<InputEvent>,
}

fn text_field(i18n: &I18n, form: &FormState, t: TextField) -> Html {
    let hint_id = format!("{}-hint", t.id);
    let error_id = format!("{}-error", t.id);
    html! {
        <div class="field">
            <label for={t.id}>{ t.label }</label>
            <p class="hint" id={hint_id.clone()}>{ t.hint }</p>
            <input id={t.id} type={t.kind} autocomplete="off" value={t.value}
                dir={t.dir_auto.then_some("auto")}
                aria-invalid={form.error_for(t.field).is_some().then_some("true")}
                aria-describedby={format!("{hint_id} {error_id}")}
                oninput={t.oninput} />
            { field_error(i18n, form, t.field, &error_id) }
        </div>
    }
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
    let backend = use_backend();
    let mine: Vec<Team> = props.teams.mine().cloned().collect();
    // Several homes: the one shown now is offered first, and the carer confirms or changes it.
    let team = {
        let current = props
            .teams
            .current
            .filter(|c| mine.iter().any(|t| t.id == *c));
        use_state(move || current)
    };

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
        let team = team.clone();
        let app = props.dispatcher.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !form.can_save() {
                return;
            }
            if let Err(errors) = form.input.validate(time::today_local()) {
                form.dispatch(FormAction::Invalid(errors));
                return;
            }
            form.dispatch(FormAction::Saving);
            let (input, photo, team_id) = (form.input.clone(), form.photo.clone(), *team);
            let (form, app, backend) = (form.dispatcher(), app.clone(), backend.clone());
            spawn_local(async move {
                let photo = photo.as_ref().map(|p| p.base64.as_str());
                match backend.add_child(&input, photo, team_id).await {
                    Ok(child) => app.dispatch(Action::ChildSaved(child, team_id)),
                    Err(e) => form.dispatch(FormAction::Rejected(e)),
                }
            });
        })
    };

    // After a refused save, move to the first field with a problem: it may be below the fold,
    // and a screen reader then reads its message. Keyed on refusals, not on the errors, so
    // fixing one field while typing never pulls focus to the next.
    use_effect_with(form.refusals, |refusals| {
        if *refusals > 0 {
            let first = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector("form [aria-invalid=true]").ok().flatten());
            if let Some(el) = first.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
                // Bring the whole field into view, its message under it included.
                if let Ok(Some(field)) = el.closest(".field") {
                    field.scroll_into_view_with_bool(false);
                }
            }
        }
    });

    let f = &*form;
    let invalid = |field| f.error_for(field).is_some().then_some("true");
    let choose_team = (mine.len() > 1).then(|| {
        let on_team = {
            let team = team.clone();
            Callback::from(move |e: Event| {
                let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                team.set(v.parse().ok());
            })
        };
        html! {
            <div class="field">
                <label for="child-team">{ i18n.tr("field-team") }</label>
                <p class="hint" id="child-team-hint">{ i18n.tr("field-team-hint") }</p>
                <select id="child-team" onchange={on_team} aria-invalid={invalid(Field::Team)}
                    aria-describedby="child-team-hint child-team-error">
                    <option value="" selected={team.is_none()}>{ i18n.tr("field-team-choose") }</option>
                    { for mine.iter().map(|t| html! {
                        <option value={t.id.to_string()} selected={*team == Some(t.id)}>
                            { team_name(&i18n, t) }
                        </option>
                    }) }
                </select>
                { field_error(&i18n, f, Field::Team, "child-team-error") }
            </div>
        }
    });
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
                { for choose_team }
                { text_field(&i18n, f, TextField {
                    id: "name-latin", kind: "text", field: Field::NameLatin, dir_auto: false,
                    label: i18n.tr("field-name-latin"), hint: i18n.tr("field-name-latin-hint"),
                    value: f.input.name_latin.clone(), oninput: edit(Edit::NameLatin),
                }) }
                { text_field(&i18n, f, TextField {
                    id: "name-own", kind: "text", field: Field::NameOwnScript, dir_auto: true,
                    label: i18n.tr("field-name-own-script"), hint: i18n.tr("field-name-own-script-hint"),
                    value: f.input.name_own_script.clone(), oninput: edit(Edit::NameOwnScript),
                }) }
                { text_field(&i18n, f, TextField {
                    id: "dob", kind: "date", field: Field::DateOfBirth, dir_auto: false,
                    label: i18n.tr("field-dob"), hint: i18n.tr("field-dob-hint"),
                    value: f.input.date_of_birth.clone(), oninput: edit(Edit::DateOfBirth),
                }) }
                { text_field(&i18n, f, TextField {
                    id: "languages", kind: "text", field: Field::Languages, dir_auto: false,
                    label: i18n.tr("field-languages"), hint: i18n.tr("field-languages-hint"),
                    value: f.input.languages.clone(), oninput: edit(Edit::Languages),
                }) }
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
                        <p class="hint" id="photo-chosen">{ i18n.tr_with("field-photo-chosen", &[("file", Arg::from(p.file_name.as_str()))]) }</p>
                    }
                    { field_error(&i18n, f, Field::Photo, "photo-error") }
                </div>
                <div class="actions">
                    <button id="save-child" type="submit" class="primary" disabled={!f.can_save()}>
                        { if f.saving { i18n.tr("form-saving") } else { i18n.tr("form-save") } }
                    </button>
                    <button type="button" id="cancel-add" class="secondary" onclick={on_cancel}>{ i18n.tr("form-cancel") }</button>
                </div>
            </form>
            if props.may_bring_in {
                <super::bring_in::BringIn dispatcher={props.dispatcher.clone()} />
            }
        </section>
    }
}
