//! One section of the profile: its fields, who last checked it, and whether it is due; edited
//! on its own, or checked and still right.

use harbour_core::api::ApiError;
use harbour_core::profile::{
    self, Kind, ProfileView, ReviewDue, SectionInput, SectionView, Values,
};
use harbour_core::ChildId;
use harbour_i18n::Arg;
use serde_json::Value;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::super::fields::field_inputs;
use crate::backend::use_backend;
use crate::i18n::{use_i18n, I18n};
use crate::time;

/// "Checked by Sam on 25/11/2026 14:05", or why it needs checking.
fn review_line(i18n: &I18n, s: &SectionView, child_name: &str) -> Html {
    let due = s.due.as_ref().map(|d| match d {
        ReviewDue::NeverReviewed => i18n.tr("profile-due-never"),
        ReviewDue::AfterEpisode { returned_at } => i18n.tr_with(
            "profile-due-after-episode",
            &[
                ("name", child_name.into()),
                ("date", time::format_local(*returned_at).into()),
            ],
        ),
        ReviewDue::KeyChange { section, at } => i18n.tr_with(
            "profile-due-key-change",
            &[
                ("section", i18n.tr(&section.title_id()).into()),
                ("date", time::format_local(*at).into()),
            ],
        ),
        ReviewDue::Stale { .. } => i18n.tr("profile-due-stale"),
    });
    let reviewed = s.review.as_ref().map(|r| {
        let date = Arg::from(time::format_local(r.at));
        if r.by_name.is_empty() {
            i18n.tr_with("profile-reviewed-unknown", &[("date", date)])
        } else {
            i18n.tr_with(
                "profile-reviewed",
                &[("name", r.by_name.as_str().into()), ("date", date)],
            )
        }
    });
    html! {
        <>
            if let Some(text) = reviewed {
                <p class="reviewed">{ text }</p>
            }
            if let Some(text) = due {
                <p class="review-due" role="status">{ text }</p>
            }
        </>
    }
}

/// A field as the form holds it: text as typed, flags as booleans.
fn form_values(view: &SectionView) -> Values {
    view.section
        .fields()
        .iter()
        .map(|f| {
            let v = match f.kind {
                Kind::Flag => Value::Bool(view.flag(f.key)),
                _ => Value::String(view.text(f.key).unwrap_or_default().to_owned()),
            };
            (f.key.to_owned(), v)
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct SectionCardProps {
    pub child_id: ChildId,
    pub child_name: String,
    pub view: SectionView,
    pub on_updated: Callback<ProfileView>,
}

/// One section: read, edit, save, or record a check.
#[function_component(SectionCard)]
pub fn section_card(props: &SectionCardProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let editing = use_state(|| None::<Values>);
    let error = use_state(|| None::<ApiError>);
    let saved = use_state(|| false);
    let s = &props.view;
    let section = s.section;
    let id = section.id();
    let child_id = props.child_id;

    let on_edit = {
        let (editing, saved, view) = (editing.clone(), saved.clone(), s.clone());
        Callback::from(move |_| {
            saved.set(false);
            editing.set(Some(form_values(&view)));
        })
    };
    let on_cancel = {
        let (editing, error) = (editing.clone(), error.clone());
        Callback::from(move |_| {
            editing.set(None);
            error.set(None);
        })
    };
    let on_save = {
        let (editing, error, saved) = (editing.clone(), error.clone(), saved.clone());
        let (on_updated, backend) = (props.on_updated.clone(), backend.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(values) = (*editing).clone() else {
                return;
            };
            let (editing, error, saved, on_updated) = (
                editing.clone(),
                error.clone(),
                saved.clone(),
                on_updated.clone(),
            );
            let input = SectionInput { section, values };
            let backend = backend.clone();
            spawn_local(async move {
                match backend.save_profile(child_id, &input).await {
                    Ok(view) => {
                        editing.set(None);
                        error.set(None);
                        saved.set(true);
                        on_updated.emit(view);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let on_still_right = {
        let (error, saved) = (error.clone(), saved.clone());
        let on_updated = props.on_updated.clone();
        Callback::from(move |_| {
            let (error, saved, on_updated) = (error.clone(), saved.clone(), on_updated.clone());
            let backend = backend.clone();
            spawn_local(async move {
                match backend.review_profile(child_id, section).await {
                    Ok(view) => {
                        error.set(None);
                        saved.set(true);
                        on_updated.emit(view);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };

    let body = match &*editing {
        Some(values) => {
            let on_change = {
                let editing = editing.clone();
                Callback::from(move |(key, v): (&'static str, Value)| {
                    if let Some(mut next) = (*editing).clone() {
                        next.insert(key.to_owned(), v);
                        editing.set(Some(next));
                    }
                })
            };
            let problems = (*error)
                .as_ref()
                .map(|e| e.profile_fields.clone())
                .unwrap_or_default();
            let fields = field_inputs(&i18n, section.fields(), values, &problems, &on_change);
            html! {
                <form class="profile-form" id={format!("form-{id}")} onsubmit={on_save} novalidate=true>
                    { fields }
                    // Problems with a field are said next to it; anything else here.
                    if let Some(e) = (*error).as_ref().filter(|e| e.profile_fields.is_empty()) {
                        <p class="banner error" role="alert">{ i18n.tr(&e.message_id) }</p>
                    }
                    <div class="actions">
                        <button type="submit" class="primary">{ i18n.tr("profile-save") }</button>
                        <button type="button" class="secondary" onclick={on_cancel}>
                            { i18n.tr("profile-cancel") }
                        </button>
                    </div>
                </form>
            }
        }
        None => {
            let filled: Vec<Html> = section
                .fields()
                .iter()
                .filter_map(|f| {
                    let value = match f.kind {
                        Kind::Flag => s.flag(f.key).then(|| i18n.tr("profile-yes")),
                        Kind::Choice(_) => s
                            .text(f.key)
                            .map(|v| i18n.tr(&profile::option_id(f.key, v))),
                        _ => s.text(f.key).map(str::to_owned),
                    }?;
                    Some(html! {
                        <div class="entry" data-key={f.key}>
                            <dt>{ i18n.tr(&profile::label_id(f.key)) }</dt>
                            <dd class={classes!(f.sensitive.then_some("sensitive"))}>{ value }</dd>
                        </div>
                    })
                })
                .collect();
            html! {
                <>
                    if filled.is_empty() {
                        <p class="empty-section">{ i18n.tr("profile-empty") }</p>
                    } else {
                        <dl>{ for filled }</dl>
                    }
                    if let Some(e) = &*error {
                        <p class="banner error" role="alert">{ i18n.tr(&e.message_id) }</p>
                    }
                    <div class="actions">
                        <button class="secondary edit" onclick={on_edit}>{ i18n.tr("profile-edit") }</button>
                        if s.due.is_some() {
                            <button class="secondary still-right" onclick={on_still_right}>
                                { i18n.tr("profile-still-right") }
                            </button>
                        }
                    </div>
                </>
            }
        }
    };
    html! {
        <section class={classes!("profile-section", s.due.is_some().then_some("due"))}
            id={format!("section-{id}")} aria-labelledby={format!("section-{id}-title")}>
            <h2 id={format!("section-{id}-title")}>{ i18n.tr(&section.title_id()) }</h2>
            { review_line(&i18n, s, &props.child_name) }
            if *saved && editing.is_none() {
                <p class="saved" role="status">{ i18n.tr("profile-saved") }</p>
            }
            { body }
        </section>
    }
}
