//! The home screen: every child, each with a large "Child missing" button. Children who are
//! missing now come first, with how long they have been missing.

use harbour_core::api::ChildEntry;
use harbour_core::child::age_on;
use harbour_core::{ChildDetails, ChildId};
use harbour_i18n::Arg;
use yew::prelude::*;

use crate::i18n::{use_i18n, I18n};
use crate::state::{Action, AppState};
use crate::time;

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub state: UseReducerHandle<AppState>,
    pub on_missing: Callback<ChildId>,
}

/// "3 h 5 min" from an elapsed time.
pub fn elapsed_text(i18n: &I18n, e: harbour_core::Elapsed) -> String {
    i18n.tr_with(
        "elapsed-short",
        &[
            ("days", e.days.into()),
            ("hours", e.hours.into()),
            ("minutes", e.minutes.into()),
        ],
    )
}

#[function_component(Home)]
pub fn home(props: &HomeProps) -> Html {
    let i18n = use_i18n();
    let state = &props.state;

    let on_add = {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(Action::ShowAddChild))
    };
    let on_settings = {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(Action::ShowSettings))
    };

    let message = match (&state.error, &state.notice) {
        (Some(id), _) => html! { <p class="banner error" role="alert">{ i18n.tr(id) }</p> },
        (None, Some((id, name))) => html! {
            <p class="banner notice" role="status">
                { i18n.tr_with(id, &[("name", Arg::from(name.as_str()))]) }
            </p>
        },
        _ => html! {},
    };

    let list = if !state.loaded {
        html! {}
    } else if state.children.is_empty() {
        html! {
            <div class="empty">
                <p>{ i18n.tr("home-empty") }</p>
            </div>
        }
    } else {
        let today = time::today_local();
        html! {
            <ul class="children">
                { for state.children.iter().map(|e| child_card(&i18n, e, state, &props.on_missing, today)) }
            </ul>
        }
    };

    html! {
        <section class="home" aria-labelledby="home-heading">
            <div class="screen-head">
                <h1 id="home-heading">{ i18n.tr("home-heading") }</h1>
                <div class="actions">
                    <button id="open-settings" class="secondary" onclick={on_settings}>
                        { i18n.tr("settings-open") }
                    </button>
                    <button id="add-child" class="primary" onclick={on_add}>
                        { i18n.tr("home-add-child") }
                    </button>
                </div>
            </div>
            { message }
            { interviews_outstanding(&i18n, state) }
            { list }
        </section>
    }
}

/// Every return interview still to happen, whatever its episode's status, the most pressing
/// first: closing an episode never takes one off this list.
fn interviews_outstanding(i18n: &I18n, state: &UseReducerHandle<AppState>) -> Html {
    use harbour_core::episode::InterviewStatus;
    let mut due: Vec<_> = state
        .children
        .iter()
        .flat_map(|e| e.interviews.iter().map(move |i| (e, i)))
        .collect();
    if due.is_empty() {
        return html! {};
    }
    due.sort_by_key(|(_, i)| i.due());
    let nation = Arg::from(state.organisation.nation.id());
    html! {
        <section class="interviews-due" id="interviews-due" aria-labelledby="interviews-due-heading">
            <h2 id="interviews-due-heading">{ i18n.tr_with("home-interviews-title", &[("nation", nation.clone())]) }</h2>
            <p class="hint">{ i18n.tr("home-interviews-hint") }</p>
            <ul>
                { for due.into_iter().map(|(entry, i)| {
                    let (child, episode, closed) = (entry.child.id, i.episode, i.closed);
                    let name = Arg::from(entry.child.details.name_latin.as_str());
                    let open = {
                        let d = state.dispatcher();
                        Callback::from(move |_| d.dispatch(if closed {
                            Action::ShowAfterReturn(child, episode)
                        } else {
                            Action::ShowSteps(child)
                        }))
                    };
                    let (class, status) = match i.status {
                        InterviewStatus::Overdue { since, step } => ("overdue", i18n.tr_with("home-interview-overdue",
                            &[("time", time::format_local(since).into()), ("nation", nation.clone()), ("step", step.id().into())])),
                        InterviewStatus::Due { by, step } => ("due", i18n.tr_with("home-interview-due",
                            &[("time", time::format_local(by).into()), ("nation", nation.clone()), ("step", step.id().into())])),
                        _ => ("due", String::new()),
                    };
                    let offered = i.last_offer.as_ref().map(|o| i18n.tr_with("home-interview-offered", &[
                        ("date", time::format_local(o.at).into()),
                        ("service", Arg::from(if o.service.is_empty() { "none" } else { o.service.as_str() })),
                    ]));
                    html! {
                        <li class={classes!("interview-due", class)} data-name={entry.child.details.name_latin.clone()}>
                            <span><bdi>{ &entry.child.details.name_latin }</bdi>{ " · " }
                                { i18n.tr_with("home-back-since", &[("time", time::format_local(i.returned_at).into())]) }
                                { " · " }<strong>{ status }</strong>
                                { for offered.map(|o| html! { <>{ " " }{ o }</> }) }
                            </span>
                            <button class="secondary small open-interview" onclick={open}
                                aria-label={i18n.tr_with("home-interview-open-label", &[("name", name)])}>
                                { i18n.tr("home-interview-open") }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// The child's names, in the Latin script and their own, each isolated for bidi.
pub fn names(d: &ChildDetails) -> Html {
    html! {
        <p class="name"><bdi>{ &d.name_latin }</bdi>
            if let Some(own) = &d.name_own_script {
                <span class="own-name"><bdi>{ own }</bdi></span>
            }
        </p>
    }
}

/// The flags that put a missing child straight to 999.
pub fn flags(i18n: &I18n, d: &ChildDetails) -> Html {
    html! {
        <>
            if d.unaccompanied {
                <span class="flag">{ i18n.tr("child-flag-unaccompanied") }</span>
            }
            if d.suspected_trafficked {
                <span class="flag">{ i18n.tr("child-flag-trafficked") }</span>
            }
        </>
    }
}

fn child_card(
    i18n: &I18n,
    entry: &ChildEntry,
    state: &UseReducerHandle<AppState>,
    on_missing: &Callback<ChildId>,
    today: chrono::NaiveDate,
) -> Html {
    let d = &entry.child.details;
    let id = entry.child.id;
    let name = Arg::from(d.name_latin.as_str());
    let nation = Arg::from(state.organisation_for(entry).nation.id());
    let flags = flags(i18n, d);
    let home = state.team_label(entry).map(|team| {
        html! { <span class="team">{ i18n.tr_with("child-team", &[("team", Arg::from(team))]) }</span> }
    });
    // A copy left behind when the child moved to another team: kept, read-only.
    let moved = match &entry.child.record {
        harbour_core::RecordState::MovedTo { team_name, .. } => Some(html! {
            <span class="moved">{ i18n.tr_with("child-moved-to", &[("team", Arg::from(team_name.as_str()))]) }</span>
        }),
        _ => None,
    };
    let profile = {
        let dispatcher = state.dispatcher();
        let open = Callback::from(move |_| dispatcher.dispatch(Action::ShowProfile(id)));
        let label = i18n.tr_with("profile-open-label", &[("name", name.clone())]);
        if entry.reviews_due > 0 {
            html! {
                <button class="profile-link due" aria-label={label} onclick={open}>
                    { i18n.tr_with("profile-due-count", &[("count", (entry.reviews_due as i64).into())]) }
                </button>
            }
        } else {
            html! {
                <button class="profile-link" aria-label={label} onclick={open}>
                    { i18n.tr("profile-open") }
                </button>
            }
        }
    };
    let checklists = {
        let dispatcher = state.dispatcher();
        let open = Callback::from(move |_| dispatcher.dispatch(Action::ShowChecklists(id)));
        let label = i18n.tr_with("checklists-title", &[("name", name.clone())]);
        let due = entry.checklists_due;
        html! {
            <button class={classes!("checklists-link", (due > 0).then_some("due"))}
                aria-label={label} onclick={open}>
                if due > 0 {
                    { i18n.tr_with("home-checklists-due", &[("count", (due as i64).into())]) }
                } else {
                    { i18n.tr("checklists-open") }
                }
            </button>
        }
    };
    let back = entry
        .summary
        .as_ref()
        .and_then(|s| s.found.as_ref().map(|f| (f, s.interview)));
    let action = match (&entry.open_episode, back) {
        (Some(_), Some((found, interview))) => {
            let open = {
                let dispatcher = state.dispatcher();
                Callback::from(move |_| dispatcher.dispatch(Action::ShowSteps(id)))
            };
            let (class, interview_text) = match interview {
                Some(harbour_core::episode::InterviewStatus::Overdue { since, step }) => (
                    "back-banner overdue",
                    i18n.tr_with(
                        "home-interview-overdue",
                        &[
                            ("time", time::format_local(since).into()),
                            ("nation", nation.clone()),
                            ("step", step.id().into()),
                        ],
                    ),
                ),
                Some(harbour_core::episode::InterviewStatus::Due { by, step }) => (
                    "back-banner",
                    i18n.tr_with(
                        "home-interview-due",
                        &[
                            ("time", time::format_local(by).into()),
                            ("nation", nation.clone()),
                            ("step", step.id().into()),
                        ],
                    ),
                ),
                _ => (
                    "back-banner",
                    i18n.tr_with("home-interview-recorded", &[("nation", nation.clone())]),
                ),
            };
            html! {
                <div class="missing-now">
                    <p class={class} role="status">
                        { i18n.tr_with("home-back-since", &[("time", time::format_local(found.found_at).into())]) }
                        <br />{ interview_text }
                    </p>
                    <button class="open-steps secondary"
                        aria-label={i18n.tr_with("home-open-record-label", &[("name", name.clone())])}
                        onclick={open}>
                        { i18n.tr("home-open-record") }
                    </button>
                </div>
            }
        }
        (Some(ep), None) => {
            let open = {
                let dispatcher = state.dispatcher();
                Callback::from(move |_| dispatcher.dispatch(Action::ShowSteps(id)))
            };
            let elapsed = elapsed_text(i18n, ep.missing_for(state.now));
            let away = entry.summary.as_ref().is_some_and(|s| s.is_away());
            html! {
                <div class="missing-now">
                    <p class={classes!("missing-banner", away.then_some("away"))} role="status">
                        { i18n.tr_with(if away { "home-away-banner" } else { "episode-open-banner" }, &[("elapsed", elapsed.into())]) }
                    </p>
                    <button class="open-steps danger"
                        aria-label={i18n.tr_with("episode-open-label", &[("name", name.clone())])}
                        onclick={open}>
                        { i18n.tr("episode-open-button") }
                    </button>
                </div>
            }
        }
        (None, _) => {
            let on_missing = on_missing.clone();
            html! {
                <button class="child-missing danger"
                    aria-label={i18n.tr_with("child-missing-label", &[("name", name.clone())])}
                    onclick={Callback::from(move |_| on_missing.emit(id))}>
                    { i18n.tr("child-missing-button") }
                </button>
            }
        }
    };
    html! {
        <li class={classes!("child-card", entry.is_missing().then_some("is-missing"), entry.is_back().then_some("is-back"))}
            data-name={d.name_latin.clone()}>
            <div class="who">
                { names(d) }
                <p class="facts">
                    <span>{ i18n.tr_with("child-age", &[("age", i64::from(age_on(d.date_of_birth, today)).into())]) }</span>
                    if !d.languages.is_empty() {
                        <span>{ i18n.tr_with("child-languages", &[("languages", d.languages.join(", ").into())]) }</span>
                    }
                    { flags }
                    { for home }
                    { for moved }
                </p>
                <div class="card-links">
                    { profile }
                    { checklists }
                </div>
            </div>
            { action }
        </li>
    }
}
