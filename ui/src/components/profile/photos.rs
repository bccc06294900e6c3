//! A new photo of the child (face or full length), with the day it was taken.

use harbour_core::api::ApiError;
use harbour_core::profile::{PhotoKind, ProfileOpened, ProfileProblem};
use harbour_core::ChildId;
use serde::Serialize;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::super::fields::{input_value, read_picked_file};
use crate::backend::use_backend;
use crate::form::PickedPhoto;
use crate::i18n::use_i18n;
use crate::time;

#[derive(Properties, PartialEq)]
pub struct NewPhotoProps {
    pub child_id: ChildId,
    pub on_saved: Callback<ProfileOpened>,
}

#[derive(Serialize)]
struct PhotoArgs {
    child_id: ChildId,
    kind: PhotoKind,
    photo_base64: String,
    taken_on: String,
}

/// A new photo and the date it was taken, saved together.
#[function_component(NewPhoto)]
pub fn new_photo(props: &NewPhotoProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let picked = use_state(|| None::<PickedPhoto>);
    let kind = use_state(PhotoKind::default);
    let reading = use_state(|| false);
    let taken_on = use_state(|| time::today_local().format("%Y-%m-%d").to_string());
    let error = use_state(|| None::<ApiError>);
    let on_pick = {
        let (picked, reading) = (picked.clone(), reading.clone());
        Callback::from(move |e: Event| {
            let (picked, done_reading) = (picked.clone(), reading.clone());
            let done = Callback::from(move |p| {
                picked.set(p);
                done_reading.set(false);
            });
            reading.set(read_picked_file(&e.target_unchecked_into(), done));
        })
    };
    let on_date = {
        let taken_on = taken_on.clone();
        Callback::from(move |e: InputEvent| taken_on.set(input_value(&e)))
    };
    let on_save = {
        let (picked, taken_on, error) = (picked.clone(), taken_on.clone(), error.clone());
        let (child_id, on_saved, kind) = (props.child_id, props.on_saved.clone(), kind.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let args = PhotoArgs {
                child_id,
                kind: *kind,
                photo_base64: (*picked)
                    .as_ref()
                    .map(|p| p.base64.clone())
                    .unwrap_or_default(),
                taken_on: (*taken_on).clone(),
            };
            let (picked, error, on_saved) = (picked.clone(), error.clone(), on_saved.clone());
            let backend = backend.clone();
            spawn_local(async move {
                let photo = args.photo_base64;
                match backend
                    .set_photo(args.child_id, args.kind, &photo, &args.taken_on)
                    .await
                {
                    Ok(o) => {
                        error.set(None);
                        picked.set(None);
                        on_saved.emit(o);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let problems = (*error)
        .as_ref()
        .map(|e| e.profile_fields.clone())
        .unwrap_or_default();
    let problem = |key: &str| {
        problems
            .iter()
            .find(|p| p.key == key)
            .map(ProfileProblem::message_id)
    };
    html! {
        <form class="new-photo" id="new-photo" onsubmit={on_save} novalidate=true>
            <h3>{ i18n.tr("photo-new-title") }</h3>
            <fieldset class="choice">
                <legend>{ i18n.tr("photo-kind") }</legend>
                { for PhotoKind::ALL.into_iter().map(|k| {
                    let id = format!("new-photo-kind-{}", k.id());
                    let onchange = {
                        let kind = kind.clone();
                        Callback::from(move |_: Event| kind.set(k))
                    };
                    html! {
                        <label for={id.clone()}>
                            <input type="radio" name="new-photo-kind" id={id} checked={*kind == k} {onchange} />
                            { i18n.tr(&format!("photo-kind-{}", k.id())) }
                        </label>
                    }
                }) }
            </fieldset>
            <div class="field">
                <label for="new-photo-file">{ i18n.tr("field-photo") }</label>
                <p class="hint">{ i18n.tr(match *kind {
                    PhotoKind::Face => "field-photo-hint",
                    PhotoKind::FullLength => "photo-full-hint",
                }) }</p>
                <input id="new-photo-file" type="file" accept="image/*" onchange={on_pick}
                    aria-describedby="new-photo-file-error" />
                if let Some(m) = problem("photo") {
                    <p class="field-error" id="new-photo-file-error" role="alert">{ i18n.tr(m) }</p>
                }
            </div>
            <div class="field">
                <label for="new-photo-date">{ i18n.tr("pf-photo-taken-on") }</label>
                <input id="new-photo-date" type="date" value={(*taken_on).clone()} oninput={on_date}
                    aria-describedby="new-photo-date-error" />
                if let Some(m) = problem("photo_taken_on") {
                    <p class="field-error" id="new-photo-date-error" role="alert">{ i18n.tr(m) }</p>
                }
            </div>
            <button type="submit" class="primary" id="new-photo-save" disabled={*reading || picked.is_none()}>
                { i18n.tr("photo-new-save") }
            </button>
        </form>
    }
}
