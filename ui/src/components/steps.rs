//! "Child missing": the steps to take now, in order, with the child's photo and details, how
//! long they have been missing, and the numbers to call.

use chrono::{DateTime, Utc};
use harbour_core::api::{ApiError, ChildEntry};
use harbour_core::episode::validate_last_seen;
use harbour_core::steps::Danger;
use harbour_core::{Field, FieldError, FieldProblem, Step};
use harbour_i18n::Arg;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::home::elapsed_text;
use super::lock::IdleLock;
use super::numbers::Numbers;
use super::record::{EpisodeRecord, SheetButtons};
use super::when::WhenField;
use crate::backend::use_backend;
use crate::i18n::{use_i18n, I18n};
use crate::state::{Action, AppState};
use crate::time;
use harbour_core::organisation::Organisation;
use harbour_core::profile::{ProfileOpened, ProfileView};
use std::rc::Rc;

#[derive(Properties, PartialEq)]
pub struct StepsProps {
    pub entry: ChildEntry,
    pub now: DateTime<Utc>,
    pub dispatcher: UseReducerDispatcher<AppState>,
    pub organisation: Organisation,
    /// The profile that came with the "Child missing" answer, if it is this child's: shown at
    /// once instead of being asked for again.
    #[prop_or_default]
    pub opened: Option<Rc<ProfileOpened>>,
}

/// What the step messages are filled in with.
struct StepWords {
    name: Arg,
    reason: Arg,
    nation: Arg,
    /// When the child was last seen, as the call handler is told.
    since: Arg,
    /// The form police are handed ("none": the nation's usual name).
    form: Arg,
    danger: Arg,
    age: i32,
    escalated: bool,
    /// The child's own "call 999 at once if …" from their plan, shown beside step 1.
    call_999_when: Option<String>,
}

fn step_item(i18n: &I18n, step: Step, first: bool, w: &StepWords) -> Html {
    let id = step.message_id_at(w.age);
    let text = i18n.tr_with(
        id,
        &[
            ("name", w.name.clone()),
            ("reason", w.reason.clone()),
            ("nation", w.nation.clone()),
            ("time", w.since.clone()),
            ("form", w.form.clone()),
            ("danger", w.danger.clone()),
            ("first", Arg::from(if w.escalated { "no" } else { "yes" })),
        ],
    );
    html! {
        <li class={classes!("step", step.is_police_call().then_some("call"))} data-step={step.message_id()}>
            { text }
            if first {
                if let Some(when) = &w.call_999_when {
                    <p class="call-999-when" id="call-999-when">
                        { i18n.tr_with("step-call-999-when", &[("name", w.name.clone()), ("when", Arg::from(when.as_str()))]) }
                    </p>
                }
            }
        </li>
    }
}

/// When the lock will come if nothing is pressed: the last key press or click + `minutes`.
fn locks_at(idle: Option<&IdleLock>, minutes: u32) -> String {
    let last = idle.map_or_else(time::now_ms, |i| *i.last_activity.borrow());
    let at = DateTime::from_timestamp_millis(last as i64 + i64::from(minutes) * 60_000)
        .unwrap_or_else(time::now);
    time::format_local(at)
}

/// What police ask first, from the profile: description, phone, critical medication.
fn key_facts(i18n: &I18n, p: &ProfileView) -> Html {
    const KEYS: [&str; 7] = [
        "height",
        "build",
        "hair",
        "marks",
        "mobile_numbers",
        "medication",
        "allergies",
    ];
    let critical = p.flag("critical_medication");
    html! {
        <dl class="key-facts" id="key-facts">
            { for KEYS.iter().filter_map(|k| p.text(k).map(|v| (*k, v.to_owned()))).map(|(k, v)| html! {
                <div class={classes!("entry", (k == "medication" && critical).then_some("critical"))}>
                    <dt>{ i18n.tr(&harbour_core::profile::label_id(k)) }</dt>
                    <dd><bdi>{ v }</bdi>
                        if k == "medication" && critical {
                            <strong>{ " — " }{ i18n.tr("pf-critical-medication") }</strong>
                        }
                    </dd>
                </div>
            }) }
        </dl>
    }
}

#[function_component(Steps)]
pub fn steps(props: &StepsProps) -> Html {
    let i18n = use_i18n();
    let heading = use_node_ref();
    let prefilled = props
        .opened
        .clone()
        .filter(|o| o.profile.child.id == props.entry.child.id);
    let photo = use_state_eq(|| prefilled.as_ref().and_then(|o| o.photo.clone()));
    let profile = use_state_eq(|| prefilled.as_ref().map(|o| o.profile.clone()));
    let last_seen_error = use_state(|| None::<FieldError>);
    let last_seen_saved = use_state(|| false);
    // What is typed in the last-seen field; `None` shows the time recorded.
    let last_seen_text = use_state(|| None::<String>);
    let idle = use_context::<IdleLock>();
    let lock_minutes = use_state(|| None::<u32>);
    let backend = use_backend();

    let child = &props.entry.child;
    let Some(episode) = props.entry.open_episode.clone() else {
        return html! {};
    };

    // Focus the heading so a screen reader announces the child and keyboard users start here.
    {
        let heading = heading.clone();
        use_effect_with(child.id, move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    {
        let (photo, profile, backend) = (photo.clone(), profile.clone(), backend.clone());
        let child_id = child.id;
        // Opening the child's profile is what the audit chain records as a view ("Child
        // missing" opened it already when it brought the profile along).
        use_effect_with(child_id, move |_| {
            if let Some(o) = prefilled {
                photo.set(o.photo.clone());
                profile.set(Some(o.profile.clone()));
                return;
            }
            spawn_local(async move {
                if let Ok(opened) = backend.open_profile(child_id).await {
                    photo.set(opened.photo);
                    profile.set(Some(opened.profile));
                }
            });
        });
    }

    // While these steps are in front the lock waits the home's longer time (the shell is told,
    // and audits it); the ordinary time again when they go.
    {
        let (idle, lock_minutes, episode_id) = (idle.clone(), lock_minutes.clone(), episode.id);
        let backend = backend.clone();
        use_effect_with(episode_id, move |_| {
            let alive = Rc::new(std::cell::Cell::new(true));
            {
                let (idle, alive, backend) = (idle.clone(), alive.clone(), backend.clone());
                spawn_local(async move {
                    if let Ok(m) = backend.steps_in_front(Some(episode_id)).await {
                        if alive.get() {
                            if let Some(i) = &idle {
                                i.during_episode.set(Some(m));
                            }
                            lock_minutes.set(Some(m));
                        }
                    }
                });
            }
            move || {
                alive.set(false);
                if let Some(i) = &idle {
                    i.during_episode.set(None);
                }
                spawn_local(async move {
                    let _ = backend.steps_in_front(None).await;
                });
            }
        });
    }

    let on_save_last_seen = {
        let (typed, error, saved) = (
            last_seen_text.clone(),
            last_seen_error.clone(),
            last_seen_saved.clone(),
        );
        let recorded = episode.last_seen_at;
        let (dispatcher, backend) = (props.dispatcher.clone(), backend.clone());
        let episode_id = episode.id;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            saved.set(false);
            let value = (*typed).clone().unwrap_or_else(|| time::to_typed(recorded));
            let at = match time::from_typed(&value) {
                Some(at) => at,
                None => {
                    error.set(Some(FieldError::new(
                        Field::LastSeen,
                        FieldProblem::NotADate,
                    )));
                    return;
                }
            };
            if let Err(e) = validate_last_seen(at, time::now()) {
                error.set(Some(e));
                return;
            }
            error.set(None);
            let (error, saved, dispatcher) = (error.clone(), saved.clone(), dispatcher.clone());
            let backend = backend.clone();
            spawn_local(async move {
                match backend.set_last_seen(episode_id, at).await {
                    Ok(ep) => {
                        dispatcher.dispatch(Action::EpisodeUpdated(ep));
                        saved.set(true);
                    }
                    Err(ApiError { fields, .. }) if !fields.is_empty() => {
                        error.set(fields.first().copied())
                    }
                    Err(e) => dispatcher.dispatch(Action::Failed(e)),
                }
            });
        })
    };
    let on_back = {
        let (d, backend) = (props.dispatcher.clone(), backend.clone());
        Callback::from(move |_| {
            // What was recorded here (found, interview) changes how the list shows the child.
            crate::backend::reload(&backend, d.clone());
            d.dispatch(Action::ShowHome)
        })
    };

    let d = &child.details;
    let part2 = props
        .entry
        .summary
        .as_ref()
        .and_then(|s| s.details.as_ref())
        .map(|(v, _)| v);
    let danger = (*profile)
        .as_ref()
        .map(|p| Danger::from_records(|k| p.flag(k), part2))
        .unwrap_or_default();
    let age = harbour_core::child::age_on(d.date_of_birth, time::today_local());
    // Away with whereabouts known has its own steps, except where it is treated as missing.
    let away = props
        .entry
        .summary
        .as_ref()
        .and_then(|s| s.is_away().then(|| s.away.clone()).flatten());
    let plan = harbour_core::steps::plan_now(d, &danger, age, away.is_some());
    let name = Arg::from(d.name_latin.as_str());
    let nation = Arg::from(props.organisation.nation.id());
    let elapsed = elapsed_text(&i18n, episode.missing_for(props.now));
    let today = time::today_local();
    let form = props.organisation.police_form.trim();
    let words = StepWords {
        name: name.clone(),
        reason: Arg::from(d.escalation_reason()),
        nation: nation.clone(),
        since: Arg::from(time::format_local(episode.last_seen_at)),
        form: Arg::from(if form.is_empty() { "none" } else { form }),
        danger: Arg::from(Danger::selector(&danger)),
        age,
        escalated: plan.escalated,
        call_999_when: (*profile)
            .as_ref()
            .and_then(|p| p.text("call_999_when"))
            .map(str::to_owned),
    };

    html! {
        <section class={classes!("steps", plan.escalated.then_some("escalated"))} aria-labelledby="steps-heading">
            <div class="screen-head">
                <h1 id="steps-heading" tabindex="-1" ref={heading}>
                    { i18n.tr_with(if plan.away { "steps-away-heading" } else { "steps-heading" }, &[("name", name.clone())]) }
                </h1>
                <button class="secondary" id="back-home" onclick={on_back}>{ i18n.tr("steps-back") }</button>
            </div>
            <div class="steps-layout">
                <div class="steps-main">
                    if plan.escalated {
                        <p class="banner urgent" role="alert" id="escalation">
                            { i18n.tr_with("steps-escalated-intro", &[
                                ("name", name.clone()), ("reason", words.reason.clone()),
                                ("adult", Arg::from(if age >= 18 { "yes" } else { "no" })),
                            ]) }
                        </p>
                    } else if let Some((place, _)) = away.as_ref().filter(|_| plan.away) {
                        <p class="banner info" id="away-intro">
                            { i18n.tr_with("steps-away-intro", &[("name", name.clone()), ("where", Arg::from(place.as_str()))]) }
                        </p>
                    } else if !plan.danger.is_empty() {
                        <p class="banner urgent" role="alert" id="danger">
                            { i18n.tr_with("steps-danger-intro", &[("name", name.clone())]) }
                        </p>
                    } else {
                        <p class="banner info" id="standard-intro">{ i18n.tr("steps-standard-intro") }</p>
                    }
                    <div class="times">
                        <p id="missing-for">
                            { i18n.tr_with("steps-last-seen", &[("time", time::format_local(episode.last_seen_at).into()), ("elapsed", elapsed.into())]) }
                        </p>
                        <p class="hint">{ i18n.tr_with("steps-reported-at", &[("time", time::format_local(episode.started_at).into())]) }</p>
                    </div>
                    <h2>{ i18n.tr("steps-list-heading") }</h2>
                    <ol class="step-list" id="step-list">
                        { for plan.steps.iter().enumerate().map(|(i, s)| step_item(&i18n, *s, i == 0, &words)) }
                    </ol>
                    <p class="hint">{ i18n.tr_with("steps-police-grade", &[("nation", nation.clone())]) }</p>
                    // The steps first, where a carer looks at 2 a.m.; correcting the time after them.
                    <div class="times">
                        if let Some(minutes) = *lock_minutes {
                            <p class="hint" id="lock-later">{ i18n.tr_with("steps-lock-later", &[
                                ("minutes", i64::from(minutes).into()),
                                ("time", locks_at(idle.as_ref(), minutes).into()),
                            ]) }</p>
                        }
                        <form class="last-seen" onsubmit={on_save_last_seen} novalidate=true>
                            <WhenField id="last-seen" label={i18n.tr_with("steps-last-seen-label", &[("name", name.clone())])}
                                value={(*last_seen_text).clone().unwrap_or_else(|| time::to_typed(episode.last_seen_at))}
                                error={last_seen_error.map(|e| e.message_id())} ago=true quick={&[0, 15, 30, 60][..]}
                                oninput={{
                                    let (typed, error) = (last_seen_text.clone(), last_seen_error.clone());
                                    Callback::from(move |v: String| {
                                        error.set(None);
                                        typed.set(Some(v));
                                    })
                                }} />
                            <button type="submit" class="secondary">{ i18n.tr("steps-last-seen-save") }</button>
                            if *last_seen_saved {
                                <p class="hint" role="status">{ i18n.tr("steps-last-seen-saved") }</p>
                            }
                        </form>
                    </div>
                    <EpisodeRecord episode_id={episode.id} last_seen_at={Some(episode.last_seen_at)} child_id={child.id} child={d.clone()}
                        dispatcher={props.dispatcher.clone()} profile={(*profile).clone()}
                        escalated={plan.escalated} organisation={props.organisation.clone()} />
                </div>
                <div class="steps-side">
                    <div class="child-summary">
                        if let Some(src) = (*photo).clone() {
                            <img class="photo" src={src} alt={d.name_latin.clone()} />
                        } else {
                            <div class="photo none">{ i18n.tr("child-no-photo") }</div>
                        }
                        <p class="name"><bdi>{ &d.name_latin }</bdi></p>
                        if let Some(own) = &d.name_own_script {
                            <p class="own-name"><bdi>{ own }</bdi></p>
                        }
                        <p>{ i18n.tr_with("child-age", &[("age", i64::from(harbour_core::child::age_on(d.date_of_birth, today)).into())]) }
                           { " · " }{ d.date_of_birth.format("%d/%m/%Y").to_string() }</p>
                        if !d.languages.is_empty() {
                            <p>{ i18n.tr_with("child-languages", &[("languages", d.languages.join(", ").into())]) }</p>
                        }
                        if let Some(p) = &*profile {
                            { key_facts(&i18n, p) }
                        }
                    </div>
                    <SheetButtons child_id={props.entry.child.id} on_print_view={{
                        let (d, id) = (props.dispatcher.clone(), props.entry.child.id);
                        Callback::from(move |_| d.dispatch(Action::ShowPrintView(id)))
                    }} />
                    <Numbers />
                </div>
            </div>
        </section>
    }
}
