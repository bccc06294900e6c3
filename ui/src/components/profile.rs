//! The child's profile (Philomena Part 1): every section with who last checked it and whether it
//! is due, each editable on its own. Saving a section counts as checking it; "Checked, still
//! right" records a check without changes.

use harbour_core::api::ApiError;
use harbour_core::child::age_on;
use harbour_core::profile::{
    self, Kind, PhotoWarning, ProfileOpened, ProfileView, ReviewDue, Section, SectionInput,
    SectionView, Values,
};
use harbour_core::ChildId;
use harbour_i18n::Arg;
use serde::Serialize;
use serde_json::Value;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::home::{flags, names};
use crate::i18n::{use_i18n, I18n};
use crate::ipc;
use crate::time;

#[derive(Serialize)]
struct ChildArgs {
    child_id: ChildId,
}

#[derive(Serialize)]
struct SaveArgs {
    child_id: ChildId,
    input: SectionInput,
}

#[derive(Serialize)]
struct ReviewArgs {
    child_id: ChildId,
    section: Section,
}

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
    {
        let (opened, error) = (opened.clone(), error.clone());
        let child_id = props.child_id;
        use_effect_with(child_id, move |_| {
            spawn_local(async move {
                match ipc::call::<_, ProfileOpened>("open_profile", &ChildArgs { child_id }).await {
                    Ok(o) => opened.set(Some(o)),
                    Err(e) => error.set(Some(e)),
                }
            });
        });
    }
    let on_updated = {
        let opened = opened.clone();
        Callback::from(move |profile: ProfileView| {
            if let Some(o) = &*opened {
                opened.set(Some(ProfileOpened {
                    profile,
                    photo: o.photo.clone(),
                }));
            }
        })
    };
    match (&*opened, &*error) {
        (Some(o), _) => html! {
            <ProfilePage opened={o.clone()} on_back={props.on_back.clone()} {on_updated} />
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
                { photo }
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
                    <p class="hint">{ i18n.tr("profile-core-details") }</p>
                </div>
            </div>
            { for photo_warning }
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
                <SectionCard key={s.section.id()} child_id={p.child.id} child_name={d.name_latin.clone()}
                    view={s.clone()} on_updated={props.on_updated.clone()} />
            }) }
        </section>
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
        let on_updated = props.on_updated.clone();
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
            spawn_local(async move {
                match ipc::call::<_, ProfileView>("save_profile", &SaveArgs { child_id, input })
                    .await
                {
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
            spawn_local(async move {
                match ipc::call::<_, ProfileView>(
                    "review_profile",
                    &ReviewArgs { child_id, section },
                )
                .await
                {
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
            let fields = section.fields().iter().map(|f| {
                let key = f.key;
                let input_id = format!("pf-{key}");
                let error_id = format!("pf-{key}-error");
                let problem = (*error).as_ref().and_then(|e| {
                    e.profile_fields
                        .iter()
                        .find(|p| p.key == key)
                        .map(|p| p.message_id())
                });
                let set = {
                    let editing = editing.clone();
                    move |v: Value| {
                        if let Some(mut next) = (*editing).clone() {
                            next.insert(key.to_owned(), v);
                            editing.set(Some(next));
                        }
                    }
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
                                { label.clone() }
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
                                <label for={input_id.clone()}>{ label.clone() }</label>
                                <textarea id={input_id.clone()} rows="3" value={text}
                                    aria-describedby={described.clone()} {oninput} />
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
                                <label for={input_id.clone()}>{ label.clone() }</label>
                                <input type={kind} id={input_id.clone()} value={text}
                                    aria-describedby={described.clone()} {oninput} />
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
            });
            html! {
                <form class="profile-form" id={format!("form-{id}")} onsubmit={on_save} novalidate=true>
                    { for fields }
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
