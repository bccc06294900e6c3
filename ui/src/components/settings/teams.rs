//! Settings: the homes and households on this device. Anyone in more than one chooses whose
//! settings are shown (and where a new child goes); an administrator names them, sets up
//! another, and says which staff are in each (staff see only the children of their homes).

use harbour_core::api::ApiError;
use harbour_core::teams::{Team, TeamsView};
use harbour_core::{Field, User};
use harbour_i18n::Arg;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::super::add_child::team_name;
use super::super::fields::{field_error, input_value};
use super::outcome;
use crate::backend::{use_backend, Backend};
use crate::i18n::{use_i18n, I18n};
use crate::state::{Action, AppState};

#[derive(Properties, PartialEq)]
pub struct TeamsProps {
    pub dispatcher: UseReducerDispatcher<AppState>,
    pub teams: TeamsView,
    /// Administrators name homes, set them up and say who is in each.
    pub manage: bool,
    /// Changes when staff are added, so the list of who can be put in a home is read again.
    #[prop_or_default]
    pub staff_version: u32,
}

/// Waits for a teams command's answer (the teams as they are now) and gives it to the app's
/// state.
fn send(
    answer: impl std::future::Future<Output = Result<TeamsView, ApiError>> + 'static,
    dispatcher: UseReducerDispatcher<AppState>,
    error: UseStateHandle<Option<ApiError>>,
    on_ok: Callback<()>,
) {
    spawn_local(async move {
        match answer.await {
            Ok(view) => {
                error.set(None);
                on_ok.emit(());
                dispatcher.dispatch(Action::TeamsLoaded(view));
            }
            Err(e) => error.set(Some(e)),
        }
    });
}

/// After a success: say `said`.
fn saying(done: &UseStateHandle<Option<String>>, said: String) -> Callback<()> {
    let done = done.clone();
    Callback::from(move |_| done.set(Some(said.clone())))
}

#[function_component(Teams)]
pub fn teams(props: &TeamsProps) -> Html {
    let i18n = use_i18n();
    let error = use_state(|| None::<ApiError>);
    let done = use_state(|| None::<String>);
    let users = use_state(Vec::<User>::new);
    let new_name = use_state(String::new);
    let backend = use_backend();
    {
        let (users, manage, backend) = (users.clone(), props.manage, backend.clone());
        use_effect_with(props.staff_version, move |_| {
            if manage {
                spawn_local(async move {
                    if let Ok(list) = backend.list_users().await {
                        users.set(list);
                    }
                });
            }
        });
    }
    let mine: Vec<&Team> = props.teams.mine().collect();
    let chooser = (mine.len() > 1).then(|| {
        let (d, error, backend) = (props.dispatcher.clone(), error.clone(), backend.clone());
        let onchange = Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(team_id) = v.parse() {
                let b = backend.clone();
                let answer = async move { b.choose_team(team_id).await };
                send(answer, d.clone(), error.clone(), Callback::noop());
            }
        });
        html! {
            <div class="field">
                <label for="team-shown">{ i18n.tr("teams-shown") }</label>
                <p class="hint" id="team-shown-hint">{ i18n.tr("teams-shown-hint") }</p>
                <select id="team-shown" aria-describedby="team-shown-hint" {onchange}>
                    { for mine.iter().map(|t| html! {
                        <option value={t.id.to_string()} selected={props.teams.current == Some(t.id)}>
                            { team_name(&i18n, t) }
                        </option>
                    }) }
                </select>
            </div>
        }
    });
    if chooser.is_none() && !props.manage {
        return html! {};
    }
    let managed = props.manage.then(|| {
        let active: Vec<&User> = users.iter().filter(|u| !u.disabled).collect();
        let rows = props.teams.teams.iter().map(|t| {
            team_row(&i18n, t, &active, props, &backend, &error, &done)
        });
        let on_new = {
            let new_name = new_name.clone();
            Callback::from(move |e: InputEvent| new_name.set(input_value(&e)))
        };
        let on_add = {
            let (d, error, done, new_name, i18n, backend) = (
                props.dispatcher.clone(),
                error.clone(),
                done.clone(),
                new_name.clone(),
                i18n.clone(),
                backend.clone(),
            );
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let name = (*new_name).clone();
                let said = i18n.tr_with("teams-added", &[("team", Arg::from(name.as_str()))]);
                let (done, new_name) = (done.clone(), new_name.clone());
                let on_ok = Callback::from(move |_| {
                    done.set(Some(said.clone()));
                    new_name.set(String::new());
                });
                let b = backend.clone();
                let answer = async move { b.add_team(&name).await };
                send(answer, d.clone(), error.clone(), on_ok);
            })
        };
        html! {
            <>
                { for rows }
                <form id="add-team-form" onsubmit={on_add}>
                    <div class="field">
                        <label for="new-team-name">{ i18n.tr("teams-add-name") }</label>
                        <p class="hint" id="new-team-name-hint">{ i18n.tr("teams-add-hint") }</p>
                        <input id="new-team-name" autocomplete="off" dir="auto" value={(*new_name).clone()}
                            aria-describedby="new-team-name-hint new-team-name-error" oninput={on_new} />
                        { field_error(&i18n, &error, Field::TeamName, "new-team-name-error") }
                    </div>
                    <button type="submit" class="secondary" id="add-team">{ i18n.tr("teams-add") }</button>
                </form>
            </>
        }
    });
    let ok = done.as_ref().map(|said| html! { { said.clone() } });
    html! {
        <section class="settings-part" id="teams" aria-labelledby="teams-title">
            <h2 id="teams-title">{ i18n.tr("teams-title") }</h2>
            <p class="hint">{ i18n.tr("teams-intro") }</p>
            { for chooser }
            { for managed }
            { outcome(&i18n, &error, ok) }
        </section>
    }
}

/// One home as an administrator manages it: its name, and a box per member of staff.
fn team_row(
    i18n: &I18n,
    team: &Team,
    staff: &[&User],
    props: &TeamsProps,
    backend: &Backend,
    error: &UseStateHandle<Option<ApiError>>,
    done: &UseStateHandle<Option<String>>,
) -> Html {
    let id = team.id;
    let shown = team_name(i18n, team);
    let input_id = format!("team-name-{id}");
    let on_rename = {
        let (d, error, done, input_id, backend) = (
            props.dispatcher.clone(),
            error.clone(),
            done.clone(),
            input_id.clone(),
            backend.clone(),
        );
        let said = i18n.tr("teams-renamed");
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|doc| doc.get_element_by_id(&input_id))
                .map(|el| wasm_bindgen::JsCast::unchecked_into::<HtmlInputElement>(el).value())
                .unwrap_or_default();
            let b = backend.clone();
            let answer = async move { b.rename_team(id, &name).await };
            send(
                answer,
                d.clone(),
                error.clone(),
                saying(&done, said.clone()),
            );
        })
    };
    let boxes = staff.iter().map(|u| {
        let member = team.members.contains(&u.id);
        let (d, error, user_id) = (props.dispatcher.clone(), error.clone(), u.id);
        let backend = backend.clone();
        let onchange = Callback::from(move |e: Event| {
            let member = e.target_unchecked_into::<HtmlInputElement>().checked();
            let b = backend.clone();
            let answer = async move { b.set_team_member(id, user_id, member).await };
            send(answer, d.clone(), error.clone(), Callback::noop());
        });
        html! {
            <label class="check" data-member={u.name.clone()}>
                <input type="checkbox" checked={member} {onchange} />
                <bdi>{ &u.name }</bdi>
            </label>
        }
    });
    html! {
        <div class="team-part" data-team={shown.clone()}>
            <h3><bdi>{ shown.clone() }</bdi></h3>
            <form class="rename-team" onsubmit={on_rename}>
                <div class="field">
                    <label for={input_id.clone()}>{ i18n.tr("teams-name") }</label>
                    <input id={input_id.clone()} autocomplete="off" dir="auto" value={team.name.clone()} />
                </div>
                <button type="submit" class="secondary small">{ i18n.tr("teams-rename") }</button>
            </form>
            <fieldset class="field members">
                <legend>{ i18n.tr_with("teams-members", &[("team", Arg::from(shown.as_str()))]) }</legend>
                { for boxes }
            </fieldset>
        </div>
    }
}
