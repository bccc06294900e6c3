//! The root: provides the localizer, loads the children, keeps the clock ticking and picks the
//! screen.

use harbour_core::api::{ChildEntry, Reported};
use harbour_core::ChildId;
use harbour_i18n::Localizer;
use serde::Serialize;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::{add_child::AddChild, home::Home, steps::Steps};
use crate::i18n::I18n;
use crate::ipc::{self, NoArgs};
use crate::state::{Action, AppState, Screen};
use crate::time;

/// How often elapsed times on screen are brought up to date.
const TICK_MS: u32 = 15_000;

#[derive(Serialize)]
struct ChildArgs {
    child_id: ChildId,
}

pub fn reload(state: UseReducerDispatcher<AppState>) {
    spawn_local(async move {
        match ipc::call::<_, Vec<ChildEntry>>("list_children", &NoArgs {}).await {
            Ok(children) => state.dispatch(Action::Loaded(children)),
            Err(e) => state.dispatch(Action::Failed(e)),
        }
    });
}

#[function_component(App)]
pub fn app() -> Html {
    let i18n = use_memo((), |_| {
        I18n(Rc::new(Localizer::new(harbour_i18n::SOURCE_TAG)))
    });
    let state = use_reducer(|| AppState::new(time::now()));

    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| reload(dispatcher));
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
    // Tell the shell the first screen is up (start-up benchmark, and a log line for support).
    use_effect_with(state.loaded, |loaded| {
        if *loaded {
            spawn_local(async {
                let _ = ipc::call::<_, ()>("ui_ready", &NoArgs {}).await;
            });
        }
    });

    let on_missing = {
        let dispatcher = state.dispatcher();
        Callback::from(move |child_id: ChildId| {
            let dispatcher = dispatcher.clone();
            spawn_local(async move {
                match ipc::call::<_, Reported>("report_missing", &ChildArgs { child_id }).await {
                    Ok(r) => dispatcher.dispatch(Action::Reported(r)),
                    Err(e) => dispatcher.dispatch(Action::Failed(e)),
                }
            });
        })
    };

    let locale = i18n.locale();
    let screen = match &state.screen {
        Screen::Home => html! { <Home state={state.clone()} on_missing={on_missing} /> },
        Screen::AddChild => html! { <AddChild dispatcher={state.dispatcher()} /> },
        Screen::Steps(id) => match state.entry(*id) {
            Some(entry) => html! {
                <Steps entry={entry.clone()} now={state.now} dispatcher={state.dispatcher()} />
            },
            None => html! { <Home state={state.clone()} on_missing={on_missing} /> },
        },
    };

    html! {
        <ContextProvider<I18n> context={(*i18n).clone()}>
            <div class="app" dir={locale.dir.as_attr()} lang={locale.tag}>
                <header class="app-header">
                    <span class="brand">{ i18n.tr("app-title") }</span>
                    <span class="tagline">{ i18n.tr("app-tagline") }</span>
                </header>
                <main id="main">{ screen }</main>
                <footer class="app-footer">{ i18n.tr("language-status") }</footer>
            </div>
        </ContextProvider<I18n>>
    }
}
