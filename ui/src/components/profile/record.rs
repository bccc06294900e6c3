//! Where the child's record is kept up. A record left behind — the child moved to another
//! team, or this was a second record of them, joined to the first — says so at the top and is
//! read-only (a missing report is still never refused). For managers, placement officers and
//! administrators: move the child to another of this computer's teams, or join a second record
//! of the same child to this one, each after saying plainly what will happen.

use harbour_core::api::ApiError;
use harbour_core::profile::ProfileView;
use harbour_core::teams::Team;
use harbour_core::{Child, ChildId, RecordState, TeamId};
use harbour_i18n::Arg;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::super::add_child::team_name;
use crate::backend::use_backend;
use crate::i18n::{use_i18n, I18n};
use crate::time;

/// The banner of a record left behind, and the links to records joined to this one.
pub fn record_state(i18n: &I18n, p: &ProfileView, on_open: &Callback<ChildId>) -> Html {
    let name = Arg::from(p.child.details.name_latin.as_str());
    let banner = match &p.child.record {
        RecordState::Here => html! {},
        RecordState::MovedTo { team_name, at, .. } => html! {
            <p class="banner notice" id="record-moved" role="status">
                { i18n.tr_with("record-moved", &[
                    ("name", name.clone()),
                    ("team", Arg::from(team_name.as_str())),
                    ("time", time::format_local(*at).into()),
                ]) }
            </p>
        },
        RecordState::MergedInto { child, at } => {
            let open = {
                let (on_open, child) = (on_open.clone(), *child);
                Callback::from(move |_| on_open.emit(child))
            };
            html! {
                <div class="banner notice" id="record-merged" role="status">
                    <p>{ i18n.tr_with("record-merged", &[("time", time::format_local(*at).into())]) }</p>
                    <button class="secondary" id="open-kept-record" onclick={open}>
                        { i18n.tr("record-open-kept") }
                    </button>
                </div>
            }
        }
    };
    let merged = (!p.merged.is_empty()).then(|| {
        html! {
            <div class="hint" id="records-joined">
                <p>{ i18n.tr("record-joined-list") }</p>
                <ul>
                    { for p.merged.iter().map(|m| {
                        let (on_open, id) = (on_open.clone(), m.id);
                        html! {
                            <li>
                                <button class="secondary" onclick={Callback::from(move |_| on_open.emit(id))}>
                                    { i18n.tr_with("record-joined-item", &[
                                        ("name", Arg::from(m.details.name_latin.as_str())),
                                        ("time", time::format_local(m.created_at).into()),
                                    ]) }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            </div>
        }
    });
    html! { <>{ banner }{ for merged }</> }
}

/// What this person may do with a child's record, from what the app knows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecordChoices {
    /// The teams the child may move to: this person's on this computer, but the child's own.
    pub move_to: Vec<Team>,
    /// The other children of the child's team whose record could be a second one of them.
    pub others: Vec<Child>,
    /// The name of the child's team now (empty where it has none, or the person has one).
    pub from_team: String,
    /// Whether this person may seal the child's record into a transfer package.
    pub may_transfer: bool,
}

#[derive(Properties, PartialEq)]
pub struct RecordActionsProps {
    pub child: Child,
    pub choices: RecordChoices,
    pub on_updated: Callback<ProfileView>,
}

/// What is being asked for, before the person says yes.
#[derive(Clone, PartialEq)]
enum Asking {
    Nothing,
    Move(TeamId),
    Merge(ChildId),
}

/// Moving the child to another team, and joining a second record of them to this one.
#[function_component(RecordActions)]
pub fn record_actions(props: &RecordActionsProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let asking = use_state(|| Asking::Nothing);
    let chosen_team = use_state(|| None::<TeamId>);
    let chosen_child = use_state(|| None::<ChildId>);
    let error = use_state(|| None::<ApiError>);
    let passphrase = use_state(String::new);
    let saved = use_state(|| None::<String>);
    if props.child.record.read_only()
        || (props.choices.move_to.is_empty()
            && props.choices.others.is_empty()
            && !props.choices.may_transfer)
    {
        return html! {};
    }
    let name = Arg::from(props.child.details.name_latin.as_str());
    let child_id = props.child.id;
    let done = {
        let (asking, error, on_updated) = (asking.clone(), error.clone(), props.on_updated.clone());
        move |result: Result<ProfileView, ApiError>| match result {
            Ok(view) => {
                asking.set(Asking::Nothing);
                error.set(None);
                on_updated.emit(view);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let on_yes = {
        let (asking, backend, done) = (asking.clone(), backend.clone(), done.clone());
        Callback::from(move |_| {
            let (backend, done, asking) = (backend.clone(), done.clone(), (*asking).clone());
            spawn_local(async move {
                match asking {
                    Asking::Move(team) => done(backend.move_child(child_id, team).await),
                    Asking::Merge(other) => done(backend.merge_children(child_id, other).await),
                    Asking::Nothing => {}
                }
            });
        })
    };
    let on_cancel = {
        let asking = asking.clone();
        Callback::from(move |_| asking.set(Asking::Nothing))
    };
    let question = match &*asking {
        Asking::Nothing => None,
        Asking::Move(team) => {
            let team = props
                .choices
                .move_to
                .iter()
                .find(|t| t.id == *team)
                .map(|t| team_name(&i18n, t))
                .unwrap_or_default();
            let from = if props.choices.from_team.is_empty() {
                i18n.tr("record-this-team")
            } else {
                props.choices.from_team.clone()
            };
            Some(i18n.tr_with(
                "record-move-confirm",
                &[
                    ("name", name.clone()),
                    ("team", team.into()),
                    ("from", from.into()),
                ],
            ))
        }
        Asking::Merge(other) => {
            let other = props
                .choices
                .others
                .iter()
                .find(|c| c.id == *other)
                .map(|c| c.details.name_latin.clone())
                .unwrap_or_default();
            Some(i18n.tr_with(
                "record-merge-confirm",
                &[("name", name.clone()), ("other", other.into())],
            ))
        }
    };
    let move_part = (!props.choices.move_to.is_empty()).then(|| {
        let on_team = {
            let chosen_team = chosen_team.clone();
            Callback::from(move |e: Event| {
                let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                chosen_team.set(v.parse().ok());
            })
        };
        let ask = {
            let (asking, chosen_team) = (asking.clone(), chosen_team.clone());
            Callback::from(move |_| {
                if let Some(t) = *chosen_team {
                    asking.set(Asking::Move(t));
                }
            })
        };
        html! {
            <div class="field">
                <label for="move-team">{ i18n.tr_with("record-move-label", &[("name", name.clone())]) }</label>
                <p class="hint" id="move-team-hint">{ i18n.tr("record-move-hint") }</p>
                <select id="move-team" onchange={on_team} aria-describedby="move-team-hint">
                    <option value="" selected={chosen_team.is_none()}>{ i18n.tr("field-team-choose") }</option>
                    { for props.choices.move_to.iter().map(|t| html! {
                        <option value={t.id.to_string()} selected={*chosen_team == Some(t.id)}>
                            { team_name(&i18n, t) }
                        </option>
                    }) }
                </select>
                <button class="secondary" id="move-child" disabled={chosen_team.is_none()} onclick={ask}>
                    { i18n.tr("record-move-button") }
                </button>
            </div>
        }
    });
    let merge_part = (!props.choices.others.is_empty()).then(|| {
        let on_child = {
            let chosen_child = chosen_child.clone();
            Callback::from(move |e: Event| {
                let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                chosen_child.set(v.parse().ok());
            })
        };
        let ask = {
            let (asking, chosen_child) = (asking.clone(), chosen_child.clone());
            Callback::from(move |_| {
                if let Some(c) = *chosen_child {
                    asking.set(Asking::Merge(c));
                }
            })
        };
        html! {
            <div class="field">
                <label for="merge-child">{ i18n.tr_with("record-merge-label", &[("name", name.clone())]) }</label>
                <p class="hint" id="merge-child-hint">{ i18n.tr("record-merge-hint") }</p>
                <select id="merge-child" onchange={on_child} aria-describedby="merge-child-hint">
                    <option value="" selected={chosen_child.is_none()}>{ i18n.tr("record-merge-choose") }</option>
                    { for props.choices.others.iter().map(|c| html! {
                        <option value={c.id.to_string()} selected={*chosen_child == Some(c.id)}>
                            { format!("{} · {}", c.details.name_latin, c.details.date_of_birth.format("%d/%m/%Y")) }
                        </option>
                    }) }
                </select>
                <button class="secondary" id="merge-children" disabled={chosen_child.is_none()} onclick={ask}>
                    { i18n.tr("record-merge-button") }
                </button>
            </div>
        }
    });
    let transfer_part = props.choices.may_transfer.then(|| {
        let on_passphrase = {
            let passphrase = passphrase.clone();
            Callback::from(move |e: InputEvent| {
                passphrase.set(super::super::fields::input_value(&e))
            })
        };
        let on_save = {
            let (backend, passphrase, saved, error) =
                (backend.clone(), passphrase.clone(), saved.clone(), error.clone());
            Callback::from(move |_| {
                let (backend, words, saved, error) =
                    (backend.clone(), (*passphrase).clone(), saved.clone(), error.clone());
                spawn_local(async move {
                    match backend.save_transfer_package(child_id, &words).await {
                        Ok(Some(path)) => {
                            error.set(None);
                            saved.set(Some(path));
                        }
                        Ok(None) => {}
                        Err(e) => error.set(Some(e)),
                    }
                });
            })
        };
        html! {
            <div class="field">
                <label for="transfer-passphrase">{ i18n.tr_with("record-transfer-label", &[("name", name.clone())]) }</label>
                <p class="hint" id="transfer-passphrase-hint">{ i18n.tr("record-transfer-hint") }</p>
                <input id="transfer-passphrase" type="text" autocomplete="off" spellcheck="false"
                    value={(*passphrase).clone()} oninput={on_passphrase}
                    aria-describedby="transfer-passphrase-hint" />
                <button class="secondary" id="save-transfer" onclick={on_save}>
                    { i18n.tr("record-transfer-button") }
                </button>
                if let Some(path) = &*saved {
                    <p class="banner" id="transfer-saved" role="status">
                        { i18n.tr_with("record-transfer-saved", &[("path", Arg::from(path.as_str()))]) }
                    </p>
                }
            </div>
        }
    });
    html! {
        <section class="profile-section record-actions" aria-labelledby="record-actions-heading">
            <h2 id="record-actions-heading">{ i18n.tr("record-actions-title") }</h2>
            if let Some(question) = question {
                <div class="confirm" role="alertdialog" aria-labelledby="record-confirm-text">
                    <p id="record-confirm-text">{ question }</p>
                    <div class="actions">
                        <button class="primary" id="record-confirm-yes" onclick={on_yes}>{ i18n.tr("record-confirm-yes") }</button>
                        <button class="secondary" id="record-confirm-no" onclick={on_cancel}>{ i18n.tr("record-confirm-no") }</button>
                    </div>
                </div>
            } else {
                { for move_part }
                { for merge_part }
                { for transfer_part }
            }
            if let Some(e) = &*error {
                <p class="banner error" id="record-error" role="alert">{ i18n.tr(&e.message_id) }</p>
            }
        </section>
    }
}
