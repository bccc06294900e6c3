//! The child's profile (Philomena Part 1): every section with who last checked it and whether it
//! is due, each editable on its own. Saving a section counts as checking it; "Checked, still
//! right" records a check without changes.

use chrono::NaiveDate;
use harbour_core::api::ApiError;
use harbour_core::child::age_on;
use harbour_core::profile::{
    PhotoKind, PhotoWarning, ProfileOpened, ProfileView, Section, SectionView,
};
use harbour_core::ChildId;
use harbour_i18n::Arg;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::child_help::HelpForChild;
use super::home::{flags, names};
use crate::backend::use_backend;
use crate::i18n::{use_i18n, I18n};
use crate::time;

mod core_details;
mod photos;
mod record;
mod section_card;
mod timeline;

pub use core_details::CoreDetails;
pub use photos::NewPhoto;
pub use record::{RecordActions, RecordChoices};
pub use section_card::SectionCard;
pub use timeline::timeline;

#[derive(Properties, PartialEq)]
pub struct ProfileProps {
    pub child_id: ChildId,
    /// Back to the list (which is reloaded: the checks due may have changed).
    pub on_back: Callback<()>,
    /// Opens another child's profile (a record joined to this one, or the one it joined).
    #[prop_or_default]
    pub on_open: Callback<ChildId>,
    /// What may be done with the record: moved, joined with another, sent.
    #[prop_or_default]
    pub choices: RecordChoices,
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
            <ProfilePage opened={o.clone()} on_back={props.on_back.clone()} {on_updated} {on_photo}
                on_open={props.on_open.clone()} choices={props.choices.clone()} />
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
    #[prop_or_default]
    pub on_open: Callback<ChildId>,
    #[prop_or_default]
    pub choices: RecordChoices,
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
            { record::record_state(&i18n, p, &props.on_open) }
            if p.needs_checking {
                <p class="banner notice" id="profile-needs-checking" role="status">
                    { i18n.tr("needs-checking-child") }
                </p>
            }
            if !p.child.record.read_only() {
                <CoreDetails child={p.child.clone()} on_updated={props.on_updated.clone()} />
            }
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
                        if !p.child.record.read_only() {
                            <NewPhoto child_id={p.child.id} on_saved={props.on_photo.clone()} />
                        }
                    }
                </>
            }) }
            <RecordActions child={p.child.clone()} choices={props.choices.clone()}
                on_updated={props.on_updated.clone()} />
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
