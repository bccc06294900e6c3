//! Settings: the staff who can unlock Harbour; adding someone, giving someone a new PIN, and
//! disabling them.

use harbour_core::api::ApiError;
use harbour_core::{Field, NewUser, Role, User, UserId};
use harbour_i18n::Arg;
use web_sys::HtmlSelectElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::super::fields::{self, field_error};
use super::{outcome, secret_field};
use crate::backend::use_backend;
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub(super) struct StaffProps {
    pub(super) me: String,
    /// Someone was added (the homes part lists them).
    #[prop_or_default]
    pub(super) on_added: Callback<()>,
}

#[function_component(Staff)]
pub(super) fn staff(props: &StaffProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let users = use_state(Vec::<User>::new);
    let form = use_state(NewUser::default);
    let role = use_state(|| Role::FosterCarer);
    let error = use_state(|| None::<ApiError>);
    let added = use_state(|| None::<String>);
    let confirm = use_state(|| None::<UserId>);
    let new_pin_for = use_state(|| None::<UserId>);
    let load = {
        let (users, error, backend) = (users.clone(), error.clone(), backend.clone());
        move || {
            let (users, error, backend) = (users.clone(), error.clone(), backend.clone());
            spawn_local(async move {
                match backend.list_users().await {
                    Ok(list) => users.set(list),
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    {
        let load = load.clone();
        use_effect_with((), move |_| load());
    }
    let edit = |set: fn(&mut NewUser, String)| fields::edit(&form, set);
    let on_role = {
        let role = role.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(r) = Role::parse(&value) {
                role.set(r);
            }
        })
    };
    let onsubmit = {
        let on_added = props.on_added.clone();
        let (form, role, error, added, load, backend) = (
            form.clone(),
            role.clone(),
            error.clone(),
            added.clone(),
            load.clone(),
            backend.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (form, role, error, added, load, on_added, backend) = (
                form.clone(),
                *role,
                error.clone(),
                added.clone(),
                load.clone(),
                on_added.clone(),
                backend.clone(),
            );
            spawn_local(async move {
                match backend.add_user(&form, role).await {
                    Ok(user) => {
                        error.set(None);
                        added.set(Some(user.name));
                        form.set(NewUser::default());
                        load();
                        on_added.emit(());
                    }
                    Err(e) => {
                        added.set(None);
                        error.set(Some(e));
                    }
                }
            });
        })
    };
    let rows = users.iter().map(|u| {
        let label = i18n.tr_with("users-disable-label", &[("name", Arg::from(u.name.as_str()))]);
        let action = if u.disabled {
            html! { <span class="flag">{ i18n.tr("users-disabled-tag") }</span> }
        } else if u.name == props.me {
            html! {}
        } else if *confirm == Some(u.id) {
            let (id, confirm, error, load, backend) =
                (u.id, confirm.clone(), error.clone(), load.clone(), backend.clone());
            html! {
                <button class="danger small" data-confirm-disable={u.name.clone()}
                    onclick={Callback::from(move |_| {
                        let (confirm, error, load, backend) =
                            (confirm.clone(), error.clone(), load.clone(), backend.clone());
                        spawn_local(async move {
                            match backend.disable_user(id).await {
                                Ok(()) => { confirm.set(None); load(); }
                                Err(e) => error.set(Some(e)),
                            }
                        });
                    })}>
                    { i18n.tr_with("users-disable-confirm", &[("name", Arg::from(u.name.as_str()))]) }
                </button>
            }
        } else {
            let (id, confirm) = (u.id, confirm.clone());
            html! {
                <button class="secondary small" aria-label={label} data-disable={u.name.clone()}
                    onclick={Callback::from(move |_| confirm.set(Some(id)))}>
                    { i18n.tr("users-disable") }
                </button>
            }
        };
        let new_pin = if u.disabled {
            html! {}
        } else if *new_pin_for == Some(u.id) {
            let close = {
                let new_pin_for = new_pin_for.clone();
                Callback::from(move |_| new_pin_for.set(None))
            };
            html! { <NewPin user={u.id} name={u.name.clone()} on_done={close} /> }
        } else {
            let (id, new_pin_for) = (u.id, new_pin_for.clone());
            let label = i18n.tr_with("users-new-pin-label", &[("name", Arg::from(u.name.as_str()))]);
            html! {
                <button class="secondary small" aria-label={label} data-new-pin={u.name.clone()}
                    onclick={Callback::from(move |_| new_pin_for.set(Some(id)))}>
                    { i18n.tr("users-new-pin") }
                </button>
            }
        };
        html! {
            <tr data-user={u.name.clone()}>
                <td><bdi>{ &u.name }</bdi></td>
                <td>{ i18n.tr(u.role.message_id()) }</td>
                <td>{ new_pin }{ action }</td>
            </tr>
        }
    });
    let ok = added.as_ref().map(|name| {
        html! { { i18n.tr_with("users-added", &[("name", Arg::from(name.as_str()))]) } }
    });
    html! {
        <section class="settings-part" id="staff" aria-labelledby="staff-title">
            <h2 id="staff-title">{ i18n.tr("users-title") }</h2>
            <table class="users">
                <thead><tr>
                    <th scope="col">{ i18n.tr("users-name") }</th>
                    <th scope="col">{ i18n.tr("users-role") }</th>
                    <th scope="col"><span class="visually-hidden">{ i18n.tr("users-actions") }</span></th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            <h3>{ i18n.tr("users-add-title") }</h3>
            <form id="add-user-form" onsubmit={onsubmit}>
                <div class="field">
                    <label for="new-user-name">{ i18n.tr("users-name") }</label>
                    <input id="new-user-name" autocomplete="off" dir="auto" value={form.name.clone()}
                        aria-describedby="new-user-name-error" oninput={edit(|f, v| f.name = v)} />
                    { field_error(&i18n, &error, Field::UserName, "new-user-name-error") }
                </div>
                <div class="field">
                    <label for="new-user-role">{ i18n.tr("users-role") }</label>
                    <select id="new-user-role" onchange={on_role}>
                        { for Role::ALL.iter().map(|r| html! {
                            <option value={r.as_str()} selected={*r == *role}>{ i18n.tr(r.message_id()) }</option>
                        }) }
                    </select>
                </div>
                <p class="hint">{ i18n.tr("users-pin-hint") }</p>
                { secret_field(&i18n, "new-user-pin", "users-pin", &form.pin,
                    edit(|f, v| f.pin = v), &error, Some(Field::Pin)) }
                { secret_field(&i18n, "new-user-pin-again", "users-pin-again", &form.pin_again,
                    edit(|f, v| f.pin_again = v), &error, Some(Field::PinAgain)) }
                { outcome(&i18n, &error, ok) }
                <button type="submit" class="primary" id="add-user-submit">
                    { i18n.tr("users-add-submit") }
                </button>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct NewPinProps {
    user: UserId,
    name: String,
    on_done: Callback<()>,
}

/// An administrator chooses a new PIN for someone and tells them in person.
#[function_component(NewPin)]
fn new_pin(props: &NewPinProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let pins = use_state(NewUser::default);
    let error = use_state(|| None::<ApiError>);
    let done = use_state(|| false);
    let edit = |set: fn(&mut NewUser, String)| fields::edit(&pins, set);
    let onsubmit = {
        let (pins, error, done, user, backend) = (
            pins.clone(),
            error.clone(),
            done.clone(),
            props.user,
            backend.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (pins, error, done, backend) =
                (pins.clone(), error.clone(), done.clone(), backend.clone());
            spawn_local(async move {
                match backend.reset_pin(user, &pins.pin, &pins.pin_again).await {
                    Ok(()) => {
                        error.set(None);
                        pins.set(NewUser::default());
                        done.set(true);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let ok = done.then(|| {
        html! { { i18n.tr_with("users-new-pin-done", &[("name", Arg::from(props.name.as_str()))]) } }
    });
    let close = {
        let on_done = props.on_done.clone();
        Callback::from(move |_| on_done.emit(()))
    };
    html! {
        <form id="new-pin-form" class="inline-form" onsubmit={onsubmit}>
            { secret_field(&i18n, "new-pin", "users-pin", &pins.pin,
                edit(|f, v| f.pin = v), &error, Some(Field::Pin)) }
            { secret_field(&i18n, "new-pin-again", "users-pin-again", &pins.pin_again,
                edit(|f, v| f.pin_again = v), &error, Some(Field::PinAgain)) }
            { outcome(&i18n, &error, ok) }
            <button type="submit" class="primary small" id="new-pin-submit">
                { i18n.tr("users-new-pin-submit") }
            </button>
            <button type="button" class="secondary small" onclick={close}>
                { i18n.tr("users-new-pin-close") }
            </button>
        </form>
    }
}
