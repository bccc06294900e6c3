//! The child's profile (Philomena Part 1): every section with who last checked it and whether it
//! is due, each editable on its own. Saving a section counts as checking it; "Checked, still
//! right" records a check without changes.

use chrono::{DateTime, NaiveDate, Utc};
use harbour_core::api::ApiError;
use harbour_core::child::age_on;
use harbour_core::profile::EpisodeBrief;
use harbour_core::profile::{
    self, FieldDef, Kind, PhotoKind, PhotoWarning, ProfileOpened, ProfileProblem, ProfileView,
    ReviewDue, Section, SectionInput, SectionView, Values,
};
use harbour_core::{ChildId, Elapsed};
use harbour_i18n::Arg;
use serde::Serialize;
use serde_json::Value;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::child_help::HelpForChild;
use super::fields::{field_error, input_value, read_picked_file};
use super::home::elapsed_text;
use super::home::{flags, names};
use crate::backend::use_backend;
use crate::form::PickedPhoto;
use crate::i18n::{use_i18n, I18n};
use crate::time;
use harbour_core::{Child, ChildInput, Field};

#[derive(Properties, PartialEq)]
pub struct ProfileProps {
    pub child_id: ChildId,
    /// Back to the list (which is reloaded: the checks due may have changed).
    pub on_back: Callback<()>,
}

/// Loads the profile (the view is audited by the shell) and shows it.
#[function_component(Profile)]
pub fn profile(props: &ProfileProps) -> Html {
    let i18n = use_i18n();
    let opened = use_state(|| None::<ProfileOpened>);
    let error = use_state(|| None::<ApiError>);
    let backend = use_backend();
    {
        let (opened, error) = (opened.clone(), error.clone());
        let child_id = props.child_id;
        use_effect_with(child_id, move |_| {
            spawn_local(async move {
                match backend.open_profile(child_id).await {
                    Ok(o) => opened.set(Some(o)),
                    Err(e) => error.set(Some(e)),
                }
            });
        });
    }
    let on_photo = {
        let opened = opened.clone();
        Callback::from(move |o: ProfileOpened| opened.set(Some(o)))
    };
    let on_updated = {
        let opened = opened.clone();
        Callback::from(move |profile: ProfileView| {
            if let Some(o) = &*opened {
                opened.set(Some(ProfileOpened {
                    profile,
                    ..o.clone()
                }));
            }
        })
    };
    match (&*opened, &*error) {
        (Some(o), _) => html! {
            <ProfilePage opened={o.clone()} on_back={props.on_back.clone()} {on_updated} {on_photo} />
        },
        (None, Some(e)) => html! {
            <section class="profile">
                <p class="banner error" role="alert">{ i18n.tr(&e.message_id) }</p>
                <button class="secondary" onclick={props.on_back.reform(|_| ())}>
                    { i18n.tr("profile-back") }
                </button>
            </section>
        },
        (None, None) => html! {},
    }
}

#[derive(Properties, PartialEq)]
pub struct ProfilePageProps {
    pub opened: ProfileOpened,
    pub on_back: Callback<()>,
    pub on_updated: Callback<ProfileView>,
    /// A new photo was saved: the profile and the photo come back together.
    pub on_photo: Callback<ProfileOpened>,
}

/// The whole profile on one page; rendered natively in tests.
#[function_component(ProfilePage)]
pub fn profile_page(props: &ProfilePageProps) -> Html {
    let i18n = use_i18n();
    let p = &props.opened.profile;
    let d = &p.child.details;
    let name = Arg::from(d.name_latin.as_str());
    let due = p.due_count();
    let photo = match &props.opened.photo {
        Some(url) => html! { <img class="photo" src={url.clone()} alt={d.name_latin.clone()} /> },
        None => html! { <div class="photo none">{ i18n.tr("child-no-photo") }</div> },
    };
    let photo_warning = p.photo_warning.as_ref().map(|w| {
        let text = match w {
            PhotoWarning::NoPhoto => i18n.tr("profile-photo-none"),
            PhotoWarning::NoDate => i18n.tr("profile-photo-no-date"),
            PhotoWarning::Old { taken_on } => i18n.tr_with(
                "profile-photo-old",
                &[("date", taken_on.format("%d/%m/%Y").to_string().into())],
            ),
        };
        html! { <p class="banner warning" id="photo-warning" role="status">{ text }</p> }
    });
    let full_photo_warning = p.full_photo_warning.as_ref().map(|w| {
        let text = match w {
            PhotoWarning::NoPhoto => {
                i18n.tr_with("profile-full-photo-none", &[("name", name.clone())])
            }
            PhotoWarning::NoDate => i18n.tr("profile-full-photo-no-date"),
            PhotoWarning::Old { taken_on } => i18n.tr_with(
                "profile-full-photo-old",
                &[("date", taken_on.format("%d/%m/%Y").to_string().into())],
            ),
        };
        html! { <p class="banner warning" id="full-photo-warning" role="status">{ text }</p> }
    });
    let full_photo = match &props.opened.full_photo {
        Some(url) => html! {
            <img class="photo full-length" id="full-photo" src={url.clone()}
                alt={i18n.tr_with("photo-full-alt", &[("name", name.clone())])} />
        },
        None => html! { <div class="photo full-length none">{ i18n.tr("photo-full-none") }</div> },
    };
    html! {
        <section class="profile" aria-labelledby="profile-heading">
            <div class="screen-head">
                <h1 id="profile-heading">{ i18n.tr_with("profile-title", &[("name", name)]) }</h1>
                <div class="actions">
                    <button id="profile-back" class="secondary" onclick={props.on_back.reform(|_| ())}>
                        { i18n.tr("profile-back") }
                    </button>
                </div>
            </div>
            <div class="profile-top">
                { photo.clone() }
                <div class="who">
                    { names(d) }
                    <p class="facts">
                        <span>{ i18n.tr_with("child-age", &[("age", i64::from(age_on(d.date_of_birth, time::today_local())).into())]) }</span>
                        <span>{ d.date_of_birth.format("%d/%m/%Y").to_string() }</span>
                        if !d.languages.is_empty() {
                            <span>{ i18n.tr_with("child-languages", &[("languages", d.languages.join(", ").into())]) }</span>
                        }
                        { flags(&i18n, d) }
                    </p>
                    if !p.flag_history.is_empty() {
                        <p class="hint" id="flag-history">
                            { p.flag_history.iter().map(|c| i18n.tr_with("flag-history", &[
                                ("flag", Arg::from(i18n.tr(c.flag.message_id()))),
                                ("set", Arg::from(if c.set { "yes" } else { "no" })),
                                ("time", time::format_local(c.at).into()),
                                ("by", Arg::from(if c.by_name.is_empty() { "none" } else { c.by_name.as_str() })),
                                ("reason", Arg::from(if c.reason.is_empty() { "none" } else { c.reason.as_str() })),
                            ])).collect::<Vec<_>>().join(" · ") }
                        </p>
                    }
                    { written(&i18n, p) }
                </div>
            </div>
            if p.needs_checking {
                <p class="banner notice" id="profile-needs-checking" role="status">
                    { i18n.tr("needs-checking-child") }
                </p>
            }
            <CoreDetails child={p.child.clone()} on_updated={props.on_updated.clone()} />
            { for photo_warning }
            { for full_photo_warning }
            <HelpForChild name={d.name_latin.clone()} languages={d.languages.clone()} />
            <p class="profile-intro">{ i18n.tr("profile-intro") }</p>
            if due > 0 {
                <p class="banner due" id="profile-due" role="status">
                    { i18n.tr_with("profile-due-count", &[("count", (due as i64).into())]) }
                </p>
            }
            <nav class="profile-index" aria-label={i18n.tr("profile-open")}>
                <ul>
                    { for p.sections.iter().map(|s| html! {
                        <li class={classes!(s.due.is_some().then_some("due"))}>
                            <a href={format!("#section-{}", s.section.id())}>{ i18n.tr(&s.section.title_id()) }</a>
                        </li>
                    }) }
                </ul>
            </nav>
            { for p.sections.iter().map(|s| html! {
                <>
                    <SectionCard key={s.section.id()} child_id={p.child.id} child_name={d.name_latin.clone()}
                        view={s.clone()} on_updated={props.on_updated.clone()} />
                    if s.section == Section::History {
                        { timeline(&i18n, &p.history, time::now()) }
                    }
                    if s.section == Section::Photos {
                        <div class="photo-pair">
                            { photo_figure(&i18n, photo.clone(), PhotoKind::Face, s) }
                            { photo_figure(&i18n, full_photo.clone(), PhotoKind::FullLength, s) }
                        </div>
                        <NewPhoto child_id={p.child.id} on_saved={props.on_photo.clone()} />
                    }
                </>
            }) }
        </section>
    }
}

/// A photo with which one it is and when it was taken.
fn photo_figure(i18n: &I18n, image: Html, kind: PhotoKind, photos: &SectionView) -> Html {
    let kind_name = i18n.tr(&format!("photo-kind-{}-short", kind.id()));
    let caption = match photos
        .text(kind.date_key())
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        Some(d) => i18n.tr_with(
            "photo-caption",
            &[
                ("kind", kind_name.into()),
                ("date", d.format("%d/%m/%Y").to_string().into()),
            ],
        ),
        None => kind_name,
    };
    html! {
        <figure class={classes!("photo-figure", kind.id())}>
            { image }
            <figcaption>{ caption }</figcaption>
        </figure>
    }
}

/// Every episode on one line of time, each as long as the child was away, then a list: when,
/// for how long, where found. Patterns (every Friday, always the coach station, longer each
/// time) show at a glance.
/// "Added by …, corrected by …": who wrote the child's core details, and when.
fn written(i18n: &I18n, p: &ProfileView) -> Html {
    let line = |id: &str, w: &harbour_core::profile::Written| {
        let time = Arg::from(time::format_local(w.at));
        if w.by_name.is_empty() {
            i18n.tr_with(&format!("{id}-unknown"), &[("time", time)])
        } else {
            i18n.tr_with(id, &[("name", w.by_name.as_str().into()), ("time", time)])
        }
    };
    let parts: Vec<String> = [
        p.added.as_ref().map(|w| line("child-added-by", w)),
        p.corrected.as_ref().map(|w| line("child-corrected-by", w)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        return Html::default();
    }
    html! { <p class="hint" id="child-written">{ parts.join(" · ") }</p> }
}

pub fn timeline(i18n: &I18n, history: &[EpisodeBrief], now: DateTime<Utc>) -> Html {
    if history.is_empty() {
        return html! {
            <div class="timeline" id="episode-timeline">
                <h3>{ i18n.tr("timeline-title") }</h3>
                <p class="empty-section">{ i18n.tr("timeline-none") }</p>
            </div>
        };
    }
    let start = history[0].last_seen_at.min(now - chrono::Duration::days(1));
    let span = (now - start).num_seconds().max(1) as f64;
    let x =
        |t: DateTime<Utc>| ((t - start).num_seconds() as f64 / span * 1000.0).clamp(0.0, 1000.0);
    let bars = history.iter().map(|e| {
        let x0 = x(e.last_seen_at);
        let width = (x(e.found_at.unwrap_or(now)) - x0).max(4.0);
        let class = if e.found_at.is_none() { "bar open" } else { "bar" };
        html! { <rect class={class} x={format!("{x0:.1}")} y="14" width={format!("{width:.1}")} height="22" /> }
    });
    let rows = history.iter().rev().map(|e| {
        let duration = elapsed_text(
            i18n,
            Elapsed::between(e.last_seen_at, e.found_at.unwrap_or(now)),
        );
        html! {
            <tr>
                <td>{ time::format_local(e.last_seen_at) }</td>
                <td>{ duration }</td>
                <td><bdi>{ if e.found_at.is_none() { i18n.tr("timeline-still-missing") } else { e.where_found.clone() } }</bdi></td>
            </tr>
        }
    });
    html! {
        <div class="timeline" id="episode-timeline">
            <h3>{ i18n.tr_with("timeline-count", &[("count", (history.len() as i64).into())]) }</h3>
            <svg viewBox="0 0 1000 50" preserveAspectRatio="none" role="img"
                aria-label={i18n.tr_with("timeline-count", &[("count", (history.len() as i64).into())])}>
                <line x1="0" y1="25" x2="1000" y2="25" class="axis" />
                { for bars }
            </svg>
            // The picture runs left to right in every language; its labels follow it.
            <p class="timeline-ends" dir="ltr">
                <span>{ start.format("%d/%m/%Y").to_string() }</span>
                <span>{ i18n.tr("timeline-now") }</span>
            </p>
            <table>
                <thead><tr>
                    <th>{ i18n.tr("timeline-when") }</th>
                    <th>{ i18n.tr("timeline-how-long") }</th>
                    <th>{ i18n.tr("timeline-where-found") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

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
