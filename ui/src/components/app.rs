//! The unlocked app: loads the children, keeps the clock ticking and picks the screen. It is
//! mounted only while unlocked, so its state (every child's details) goes when Harbour locks.

use harbour_core::api::SignedIn;
use harbour_core::ChildId;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::after_return::AfterReturn;
use super::checklists::{AssessmentScreen, Checklists};
use super::print_view::PrintView;
use super::profile::RecordChoices;
use super::{add_child::AddChild, home::Home, profile::Profile, settings::Settings, steps::Steps};
use crate::backend::{reload, use_backend};
use crate::state::{Action, AppState, Screen};
use crate::time;

/// How often elapsed times on screen are brought up to date.
const TICK_MS: u32 = 15_000;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Who unlocked, and what they may do.
    pub user: SignedIn,
    pub auto_lock_minutes: u32,
    /// A setting changed that the gate shows or uses (the auto-lock time).
    pub on_settings_changed: Callback<()>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(|| AppState::new(time::now()));
    let backend = use_backend();

    {
        let (dispatcher, backend) = (state.dispatcher(), backend.clone());
        use_effect_with((), move |_| reload(&backend, dispatcher));
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let interval = gloo_timers::callback::Interval::new(TICK_MS, move || {
                dispatcher.dispatch(Action::Tick(time::now()))
            });
            move || drop(interval)
        });
    }
    let on_missing = {
        let (dispatcher, backend) = (state.dispatcher(), backend.clone());
        Callback::from(move |child_id: ChildId| {
            let (dispatcher, backend) = (dispatcher.clone(), backend.clone());
            spawn_local(async move {
                match backend.report_missing(child_id).await {
                    Ok(r) => dispatcher.dispatch(Action::Reported(r)),
                    Err(e) => dispatcher.dispatch(Action::Failed(e)),
                }
            });
        })
    };

    let screen = match &state.screen {
        Screen::Home => html! { <Home state={state.clone()} on_missing={on_missing} /> },
        Screen::AddChild => html! {
            <AddChild dispatcher={state.dispatcher()} teams={state.teams.clone()}
                may_bring_in={props.user.may.contains(&harbour_core::Action::MoveRecords)} />
        },
        Screen::Settings => html! {
            <Settings dispatcher={state.dispatcher()} user={props.user.clone()}
                auto_lock_minutes={props.auto_lock_minutes}
                on_changed={props.on_settings_changed.clone()}
                organisation={state.organisation.clone()} teams={state.teams.clone()} />
        },
        Screen::Profile(id) => {
            let (dispatcher, backend) = (state.dispatcher(), backend.clone());
            let on_back = Callback::from(move |_| {
                reload(&backend, dispatcher.clone());
                dispatcher.dispatch(Action::ShowHome);
            });
            let on_open = {
                let dispatcher = state.dispatcher();
                Callback::from(move |other| dispatcher.dispatch(Action::ShowProfile(other)))
            };
            let may_move = props.user.may.contains(&harbour_core::Action::MoveRecords);
            let may_transfer = props
                .user
                .may
                .contains(&harbour_core::Action::ExportRecords);
            let team = state.entry(*id).and_then(|e| e.team);
            let move_to: Vec<_> = state
                .teams
                .mine()
                .filter(|t| may_move && Some(t.id) != team)
                .cloned()
                .collect();
            let others: Vec<_> = state
                .children
                .iter()
                .filter(|e| may_move && e.child.id != *id && e.team == team)
                .filter(|e| !e.child.record.read_only())
                .map(|e| e.child.clone())
                .collect();
            let choices = RecordChoices {
                move_to,
                others,
                from_team: state.teams.name_of(team).unwrap_or_default().to_owned(),
                may_transfer,
            };
            html! {
                <Profile key={id.to_string()} child_id={*id} {on_back} {on_open} {choices} />
            }
        }
        Screen::PrintView(id) => match state.entry(*id) {
            Some(entry) => {
                let dispatcher = state.dispatcher();
                let (id, missing) = (*id, entry.open_episode.is_some());
                let on_back = Callback::from(move |_| {
                    dispatcher.dispatch(if missing {
                        Action::ShowSteps(id)
                    } else {
                        Action::ShowHome
                    })
                });
                html! {
                    <PrintView entry={entry.clone()} {on_back} />
                }
            }
            None => html! { <Home state={state.clone()} on_missing={on_missing.clone()} /> },
        },
        Screen::Checklists(id) => match state.entry(*id) {
            Some(entry) => {
                let dispatcher = state.dispatcher();
                let on_back = {
                    let (dispatcher, backend) = (dispatcher.clone(), backend.clone());
                    Callback::from(move |_| {
                        reload(&backend, dispatcher.clone());
                        dispatcher.dispatch(Action::ShowHome);
                    })
                };
                let id = *id;
                let on_open =
                    Callback::from(move |a| dispatcher.dispatch(Action::ShowAssessment(id, a)));
                html! { <Checklists child={entry.child.clone()} {on_back} {on_open} /> }
            }
            None => html! { <Home state={state.clone()} on_missing={on_missing.clone()} /> },
        },
        Screen::Assessment(id, assessment) => match state.entry(*id) {
            Some(entry) => {
                let dispatcher = state.dispatcher();
                let id = *id;
                let on_back = {
                    let dispatcher = dispatcher.clone();
                    Callback::from(move |_| dispatcher.dispatch(Action::ShowChecklists(id)))
                };
                let backend = backend.clone();
                let on_child_changed =
                    Callback::from(move |_| reload(&backend, dispatcher.clone()));
                let may_sign_off = props
                    .user
                    .may
                    .contains(&harbour_core::Action::SignOffAssessments);
                html! {
                    <AssessmentScreen key={assessment.to_string()} id={*assessment}
                        child={entry.child.clone()} {may_sign_off} {on_back} {on_child_changed} />
                }
            }
            None => html! { <Home state={state.clone()} on_missing={on_missing.clone()} /> },
        },
        Screen::AfterReturn(id, episode) => match state.entry(*id) {
            Some(entry) => html! {
                <AfterReturn entry={entry.clone()} episode_id={*episode} dispatcher={state.dispatcher()}
                    organisation={state.organisation_for(entry).clone()} />
            },
            None => html! { <Home state={state.clone()} on_missing={on_missing.clone()} /> },
        },
        Screen::Steps(id) => match state.entry(*id) {
            Some(entry) => html! {
                <Steps entry={entry.clone()} now={state.now} dispatcher={state.dispatcher()}
                    organisation={state.organisation_for(entry).clone()} opened={state.opened.clone()} />
            },
            None => html! { <Home state={state.clone()} on_missing={on_missing} /> },
        },
    };

    // Records that came from the hub show at once, and any field changed on two computers.
    let arrived = use_state(|| 0u32);
    let on_synced = {
        let (dispatcher, backend, arrived) = (state.dispatcher(), backend.clone(), arrived.clone());
        Callback::from(move |_| {
            reload(&backend, dispatcher.clone());
            arrived.set(*arrived + 1);
        })
    };
    let on_chosen = {
        let (dispatcher, backend) = (state.dispatcher(), backend.clone());
        Callback::from(move |_| reload(&backend, dispatcher.clone()))
    };
    let home = matches!(state.screen, Screen::Home);
    html! {
        <>
            <super::sync::SyncStrip {on_synced} />
            if home {
                <super::sync::ChangedTwiceList version={*arrived} {on_chosen} />
            }
            { screen }
        </>
    }
}
