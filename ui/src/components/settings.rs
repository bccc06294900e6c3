//! Settings: change my PIN; and, as the role allows, the auto-lock time, backups and staff.
//! The sections shown follow what the shell says the user may do; the store enforces it anyway.

use harbour_core::api::{ApiError, BackupProgress, PinChange, SignedIn};
use harbour_core::help::RunawayHours;
use harbour_core::interview::InterviewTiming;
use harbour_core::organisation::{HomeKind, Nation, Organisation};
use harbour_core::teams::TeamsView;
use harbour_core::{Action as Can, Field, NewUser, Role, User, UserId};
use harbour_i18n::Arg;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::fields::{self, field_error, input_value};
use crate::backend::use_backend;
use crate::i18n::{use_i18n, I18n};
use crate::state::{Action, AppState};

/// How often a running backup is asked how far it is.
const BACKUP_POLL_MS: u32 = 250;

/// A problem not tied to one field, or a success message.
pub(crate) fn outcome(i18n: &I18n, error: &Option<ApiError>, ok: Option<Html>) -> Html {
    match (error, ok) {
        (Some(e), _) if e.fields.is_empty() => {
            html! { <p class="banner error" role="alert">{ i18n.tr(&e.message_id) }</p> }
        }
        (None, Some(ok)) => html! { <p class="banner notice" role="status">{ ok }</p> },
        _ => html! {},
    }
}

/// A password field with its label and error; `set` stores what was typed.
fn secret_field(
    i18n: &I18n,
    id: &'static str,
    label: &str,
    value: &str,
    oninput: Callback<InputEvent>,
    error: &Option<ApiError>,
    field: Option<Field>,
) -> Html {
    let error_id = format!("{id}-error");
    html! {
        <div class="field">
            <label for={id}>{ i18n.tr(label) }</label>
            <input id={id} type="password" autocomplete="new-password" value={value.to_owned()}
                aria-describedby={error_id.clone()} oninput={oninput} />
            { field.map(|f| field_error(i18n, error, f, &error_id)).unwrap_or_default() }
        </div>
    }
}

#[function_component(MyPin)]
fn my_pin() -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let form = use_state(PinChange::default);
    let error = use_state(|| None::<ApiError>);
    let saved = use_state(|| false);
    let edit = |set: fn(&mut PinChange, String)| fields::edit(&form, set);
    let onsubmit = {
        let (form, error, saved, backend) =
            (form.clone(), error.clone(), saved.clone(), backend.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (form, error, saved, backend) =
                (form.clone(), error.clone(), saved.clone(), backend.clone());
            spawn_local(async move {
                match backend.change_pin(&form).await {
                    Ok(()) => {
                        form.set(PinChange::default());
                        error.set(None);
                        saved.set(true);
                    }
                    Err(e) => {
                        saved.set(false);
                        error.set(Some(e));
                    }
                }
            });
        })
    };
    html! {
        <section class="settings-part" id="my-pin" aria-labelledby="my-pin-title">
            <h2 id="my-pin-title">{ i18n.tr("settings-pin-title") }</h2>
            <form onsubmit={onsubmit}>
                { secret_field(&i18n, "pin-current", "settings-pin-current", &form.current,
                    edit(|f, v| f.current = v), &error, None) }
                { secret_field(&i18n, "pin-new", "settings-pin-new", &form.new,
                    edit(|f, v| f.new = v), &error, Some(Field::Pin)) }
                { secret_field(&i18n, "pin-again", "settings-pin-again", &form.again,
                    edit(|f, v| f.again = v), &error, Some(Field::PinAgain)) }
                { outcome(&i18n, &error, saved.then(|| html! { { i18n.tr("settings-pin-changed") } })) }
                <button type="submit" class="primary" id="pin-submit">
                    { i18n.tr("settings-pin-submit") }
                </button>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct AutoLockProps {
    minutes: u32,
    on_changed: Callback<()>,
}

#[function_component(AutoLock)]
fn auto_lock(props: &AutoLockProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let value = use_state(|| props.minutes.to_string());
    let error = use_state(|| None::<ApiError>);
    let saved = use_state(|| false);
    let oninput = {
        let value = value.clone();
        Callback::from(move |e: InputEvent| value.set(input_value(&e)))
    };
    let onsubmit = {
        let (value, error, saved, changed, backend) = (
            value.clone(),
            error.clone(),
            saved.clone(),
            props.on_changed.clone(),
            backend.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // Not a number is out of range too: the shell says so in words.
            let minutes = value.trim().parse().unwrap_or(0);
            let (error, saved, changed, backend) = (
                error.clone(),
                saved.clone(),
                changed.clone(),
                backend.clone(),
            );
            spawn_local(async move {
                match backend.set_auto_lock(minutes).await {
                    Ok(()) => {
                        error.set(None);
                        saved.set(true);
                        changed.emit(());
                    }
                    Err(e) => {
                        saved.set(false);
                        error.set(Some(e));
                    }
                }
            });
        })
    };
    html! {
        <section class="settings-part" id="auto-lock" aria-labelledby="auto-lock-title">
            <h2 id="auto-lock-title">{ i18n.tr("settings-lock-title") }</h2>
            <form onsubmit={onsubmit} class="inline-form">
                <div class="field">
                    <label for="auto-lock-minutes">{ i18n.tr("settings-lock-minutes") }</label>
                    <input id="auto-lock-minutes" type="number" min="1" max="240" inputmode="numeric"
                        value={(*value).clone()} oninput={oninput}
                        aria-describedby="auto-lock-minutes-error" />
                    { field_error(&i18n, &error, Field::AutoLock, "auto-lock-minutes-error") }
                </div>
                <button type="submit" class="secondary" id="auto-lock-submit">
                    { i18n.tr("settings-lock-submit") }
                </button>
            </form>
            { outcome(&i18n, &error, saved.then(|| html! { { i18n.tr("settings-lock-saved") } })) }
        </section>
    }
}

#[function_component(Backup)]
fn backup() -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let job = use_state(|| None::<BackupProgress>);
    let start_error = use_state(|| None::<ApiError>);
    let running = job.as_ref().is_some_and(|j| !j.done);
    {
        // While a backup runs, ask how far it is.
        let (job, backend) = (job.clone(), backend.clone());
        use_effect_with(running, move |running| {
            let poll = running.then(|| {
                gloo_timers::callback::Interval::new(BACKUP_POLL_MS, move || {
                    let (job, backend) = (job.clone(), backend.clone());
                    spawn_local(async move {
                        if let Ok(p) = backend.backup_progress().await {
                            job.set(Some(p));
                        }
                    });
                })
            });
            move || drop(poll)
        });
    }
    let onclick = {
        let (job, start_error, backend) = (job.clone(), start_error.clone(), backend.clone());
        Callback::from(move |_| {
            let (job, start_error, backend) = (job.clone(), start_error.clone(), backend.clone());
            spawn_local(async move {
                match backend.start_backup().await {
                    Ok(p) => {
                        start_error.set(None);
                        job.set(Some(p));
                    }
                    Err(e) => start_error.set(Some(e)),
                }
            });
        })
    };
    let status = match &*job {
        Some(j) if !j.done => html! {
            <div class="backup-status" role="status">
                <label for="backup-progress">
                    { i18n.tr_with("backup-running", &[("percent", Arg::from(i64::from(j.percent)))]) }
                </label>
                <progress id="backup-progress" max="100" value={j.percent.to_string()} />
            </div>
        },
        Some(j) => match &j.error {
            Some(e) => outcome(&i18n, &Some(e.clone()), None),
            None => html! {
                <p class="banner notice" role="status" id="backup-done">
                    { i18n.tr_with("backup-done", &[("path", Arg::from(j.path.as_str()))]) }
                </p>
            },
        },
        None => outcome(&i18n, &start_error, None),
    };
    html! {
        <section class="settings-part" id="backup" aria-labelledby="backup-title">
            <h2 id="backup-title">{ i18n.tr("backup-title") }</h2>
            <p>{ i18n.tr("backup-intro") }</p>
            <button class="primary" id="make-backup" onclick={onclick} disabled={running}>
                { i18n.tr("backup-submit") }
            </button>
            { status }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct StaffProps {
    me: String,
    /// Someone was added (the homes part lists them).
    #[prop_or_default]
    on_added: Callback<()>,
}

#[function_component(Staff)]
fn staff(props: &StaffProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let users = use_state(Vec::<User>::new);
    let form = use_state(NewUser::default);
    let role = use_state(|| Role::FosterCarer);
    let error = use_state(|| None::<ApiError>);
    let added = use_state(|| None::<String>);
    let confirm = use_state(|| None::<UserId>);
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
        html! {
            <tr data-user={u.name.clone()}>
                <td><bdi>{ &u.name }</bdi></td>
                <td>{ i18n.tr(u.role.message_id()) }</td>
                <td>{ action }</td>
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
struct HomeProps {
    dispatcher: UseReducerDispatcher<AppState>,
    organisation: Organisation,
}

/// Where Harbour is used: the nation (its terms and regulator), the kind of home, and the
/// home's own contacts shown on every child's notification list.
#[function_component(HomeSettings)]
fn home_settings(props: &HomeProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let form = use_state(|| props.organisation.clone());
    let error = use_state(|| None::<ApiError>);
    let saved = use_state(|| false);
    let on_submit = {
        let (form, error, saved, d, backend) = (
            form.clone(),
            error.clone(),
            saved.clone(),
            props.dispatcher.clone(),
            backend.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (form, error, saved, d, backend) = (
                form.clone(),
                error.clone(),
                saved.clone(),
                d.clone(),
                backend.clone(),
            );
            spawn_local(async move {
                match backend.save_organisation(&form).await {
                    Ok(org) => {
                        error.set(None);
                        saved.set(true);
                        form.set(org.clone());
                        d.dispatch(Action::OrganisationLoaded(org));
                    }
                    Err(e) => {
                        saved.set(false);
                        error.set(Some(e));
                    }
                }
            });
        })
    };
    let on_nation = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = (*form).clone();
            next.nation = Nation::ALL
                .into_iter()
                .find(|n| n.id() == v)
                .unwrap_or_default();
            form.set(next);
        })
    };
    let on_kind = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = (*form).clone();
            next.home_kind = HomeKind::ALL
                .into_iter()
                .find(|k| k.message_id() == v)
                .unwrap_or_default();
            form.set(next);
        })
    };
    let on_months = {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*form).clone();
            // Not a number is out of range, and the store says so.
            next.assessment_every_months = input_value(&e).trim().parse().unwrap_or(0);
            form.set(next);
        })
    };
    let on_episode_lock = {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*form).clone();
            next.episode_lock_minutes = input_value(&e).trim().parse().unwrap_or(0);
            form.set(next);
        })
    };
    let on_regulator_events = {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*form).clone();
            next.regulator_events = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            form.set(next);
        })
    };
    let months_problem = (*error)
        .as_ref()
        .and_then(|e| {
            e.profile_fields
                .iter()
                .find(|p| p.key == "assessment_every_months")
        })
        .map(|p| p.message_id());
    let problem_of = |key: &str| {
        (*error)
            .as_ref()
            .and_then(|e| e.profile_fields.iter().find(|p| p.key == key))
            .map(|p| p.message_id())
    };
    let numbers = form.help.numbers().map(|(key, value)| {
        let id = format!("help-{}", key.replace('_', "-"));
        let problem = problem_of(&format!("help_{key}"));
        let oninput = {
            let form = form.clone();
            Callback::from(move |e: InputEvent| {
                let mut next = (*form).clone();
                next.help.set_number(key, input_value(&e));
                form.set(next);
            })
        };
        html! {
            <div class="field">
                <label for={id.clone()}>{ i18n.tr(&format!("org-{id}")) }</label>
                <input id={id.clone()} value={value.to_owned()} {oninput} inputmode="tel" dir="ltr"
                    aria-invalid={problem.map(|_| "true")}
                    aria-describedby={problem.map(|_| format!("{id}-error"))} />
                if let Some(m) = problem {
                    <p class="field-error" id={format!("{id}-error")} role="alert">{ i18n.tr(m) }</p>
                }
            </div>
        }
    });
    let hours = {
        let choose = |hours: RunawayHours| {
            let form = form.clone();
            Callback::from(move |_| {
                let mut next = (*form).clone();
                next.help.runaway_hours = hours.clone();
                form.set(next);
            })
        };
        let (from, to) = match &form.help.runaway_hours {
            RunawayHours::Daily { from, to } => (Some(from.clone()), Some(to.clone())),
            _ => (None, None),
        };
        let time = |which: &'static str, value: Option<String>| {
            let id = format!("help-runaway-{which}");
            let problem = problem_of(&format!("help_runaway_{which}"));
            let form = form.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                let mut next = (*form).clone();
                if let RunawayHours::Daily { from, to } = &mut next.help.runaway_hours {
                    *if which == "from" { from } else { to } = input_value(&e);
                }
                form.set(next);
            });
            html! {
                <span class="time-field">
                    <label for={id.clone()}>{ i18n.tr(&format!("org-{id}")) }</label>
                    <input id={id.clone()} class="short" value={value.unwrap_or_default()} {oninput}
                        placeholder="09:00" dir="ltr" disabled={from.is_none()}
                        aria-invalid={problem.map(|_| "true")}
                        aria-describedby={problem.map(|_| format!("{id}-error"))} />
                    if let Some(m) = problem {
                        <p class="field-error" id={format!("{id}-error")} role="alert">{ i18n.tr(m) }</p>
                    }
                </span>
            }
        };
        let current = &form.help.runaway_hours;
        html! {
            <fieldset class="field" id="help-hours">
                <legend>{ i18n.tr("org-help-hours") }</legend>
                <p class="hint">{ i18n.tr("org-help-hours-hint") }</p>
                <label class="choice">
                    <input type="radio" name="help-hours" id="help-hours-not-shown"
                        checked={*current == RunawayHours::NotShown}
                        onchange={choose(RunawayHours::NotShown)} />
                    { i18n.tr("org-help-hours-not-shown") }
                </label>
                <label class="choice">
                    <input type="radio" name="help-hours" id="help-hours-daily"
                        checked={matches!(current, RunawayHours::Daily { .. })}
                        onchange={choose(RunawayHours::Daily { from: "09:00".into(), to: "23:00".into() })} />
                    { i18n.tr("org-help-hours-daily") }
                </label>
                <div class="time-pair">
                    { time("from", from.clone()) }
                    { time("to", to.clone()) }
                </div>
                <label class="choice">
                    <input type="radio" name="help-hours" id="help-hours-always"
                        checked={*current == RunawayHours::DayAndNight}
                        onchange={choose(RunawayHours::DayAndNight)} />
                    { i18n.tr("org-help-hours-always") }
                </label>
            </fieldset>
        }
    };
    let timing = {
        let usual = InterviewTiming::usual(form.nation);
        let choose = |own: bool| {
            let form = form.clone();
            Callback::from(move |_| {
                let mut next = (*form).clone();
                next.interview_timing = own.then(|| next.interview_timing());
                form.set(next);
            })
        };
        // Empty "arranged within": no separate deadline; not a number is out of range.
        let hours_input = |which: &'static str| {
            let form = form.clone();
            Callback::from(move |e: InputEvent| {
                let mut next = (*form).clone();
                let value = input_value(&e);
                let value = value.trim();
                let mut t = next.interview_timing();
                if which == "arrange" {
                    t.arrange_within_hours =
                        (!value.is_empty()).then(|| value.parse().unwrap_or(0));
                } else {
                    t.hold_within_hours = value.parse().unwrap_or(0);
                }
                next.interview_timing = Some(t);
                form.set(next);
            })
        };
        let current = form.interview_timing();
        let own = form.interview_timing.is_some();
        let problem = problem_of("interview_timing");
        html! {
            <fieldset class="field" id="org-interview-timing">
                <legend>{ i18n.tr_with("org-interview-timing", &[("nation", form.nation.id().into())]) }</legend>
                <p class="hint">{ i18n.tr("org-interview-timing-hint") }</p>
                <label class="choice">
                    <input type="radio" name="interview-timing" id="interview-timing-usual"
                        checked={!own} onchange={choose(false)} />
                    { i18n.tr_with("org-interview-timing-usual", &[
                        ("nation", form.nation.id().into()),
                        ("arrange", Arg::from(i64::from(usual.arrange_within_hours.unwrap_or(0)))),
                        ("hold", Arg::from(i64::from(usual.hold_within_hours))),
                    ]) }
                </label>
                <label class="choice">
                    <input type="radio" name="interview-timing" id="interview-timing-own"
                        checked={own} onchange={choose(true)} />
                    { i18n.tr("org-interview-timing-own") }
                </label>
                <div class="time-pair">
                    <span class="time-field">
                        <label for="interview-arrange-hours">{ i18n.tr("org-interview-arrange-hours") }</label>
                        <input id="interview-arrange-hours" class="short" type="number" min="1" max="720"
                            inputmode="numeric" disabled={!own} oninput={hours_input("arrange")}
                            value={current.arrange_within_hours.map(|h| h.to_string()).unwrap_or_default()}
                            aria-describedby={problem.map(|_| "org-interview-timing-error")} />
                    </span>
                    <span class="time-field">
                        <label for="interview-hold-hours">{ i18n.tr("org-interview-hold-hours") }</label>
                        <input id="interview-hold-hours" class="short" type="number" min="24" max="720"
                            inputmode="numeric" disabled={!own} oninput={hours_input("hold")}
                            value={current.hold_within_hours.to_string()}
                            aria-describedby={problem.map(|_| "org-interview-timing-error")} />
                    </span>
                </div>
                if let Some(m) = problem {
                    <p class="field-error" id="org-interview-timing-error" role="alert">
                        { i18n.tr(m) }
                    </p>
                }
            </fieldset>
        }
    };
    let regulator_problem = problem_of("regulator_events");
    let regulator_events = html! {
        <div class="field">
            <label for="org-regulator-events">{ i18n.tr("org-regulator-events") }</label>
            <p class="hint">{ i18n.tr_with("org-regulator-events-hint", &[
                ("nation", form.nation.id().into()),
                ("home", form.home_kind.id().into()),
            ]) }</p>
            <textarea id="org-regulator-events" rows="4" value={form.regulator_events.clone()}
                oninput={on_regulator_events}
                aria-describedby={regulator_problem.map(|_| "org-regulator-events-error")} />
            if let Some(m) = regulator_problem {
                <p class="field-error" id="org-regulator-events-error" role="alert">{ i18n.tr(m) }</p>
            }
        </div>
    };
    let texts = form.texts().map(|(key, value)| {
        let id = format!("org-{}", key.replace('_', "-"));
        let problem = (*error)
            .as_ref()
            .and_then(|e| e.profile_fields.iter().find(|p| p.key == key))
            .map(|p| p.message_id());
        let oninput = {
            let form = form.clone();
            Callback::from(move |e: InputEvent| {
                let mut next = (*form).clone();
                next.set_text(key, input_value(&e));
                form.set(next);
            })
        };
        html! {
            <div class="field">
                <label for={id.clone()}>{ i18n.tr(&id) }</label>
                <p class="hint">{ i18n.tr(&format!("{id}-hint")) }</p>
                <input id={id.clone()} value={value.to_owned()} {oninput}
                    aria-describedby={problem.map(|_| format!("{id}-error"))} />
                if let Some(m) = problem {
                    <p class="field-error" id={format!("{id}-error")} role="alert">{ i18n.tr(m) }</p>
                }
            </div>
        }
    });
    html! {
        <section class="settings-part" aria-labelledby="home-settings-title" id="home-settings">
            <h2 id="home-settings-title">{ i18n.tr("org-title") }</h2>
            <p class="hint">{ i18n.tr("org-intro") }</p>
            <form onsubmit={on_submit} novalidate=true>
                <div class="field">
                    <label for="org-nation">{ i18n.tr("org-nation") }</label>
                    <select id="org-nation" onchange={on_nation}>
                        { for Nation::ALL.iter().map(|n| html! {
                            <option value={n.id()} selected={form.nation == *n}>{ i18n.tr(n.message_id()) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="org-home-kind">{ i18n.tr("org-home-kind") }</label>
                    <select id="org-home-kind" onchange={on_kind}>
                        { for HomeKind::ALL.iter().map(|k| html! {
                            <option value={k.message_id()} selected={form.home_kind == *k}>{ i18n.tr(k.message_id()) }</option>
                        }) }
                    </select>
                </div>
                { for texts }
                { regulator_events }
                { timing }
                <div class="field">
                    <label for="org-assessment-every">{ i18n.tr("org-assessment-every") }</label>
                    <p class="hint">{ i18n.tr("org-assessment-every-hint") }</p>
                    <input id="org-assessment-every" type="number" min="1" max="12" inputmode="numeric"
                        value={form.assessment_every_months.to_string()} oninput={on_months}
                        aria-describedby={months_problem.map(|_| "org-assessment-every-error")} />
                    if let Some(m) = months_problem {
                        <p class="field-error" id="org-assessment-every-error" role="alert">{ i18n.tr(m) }</p>
                    }
                </div>
                <div class="field">
                    <label for="org-episode-lock">{ i18n.tr("org-episode-lock") }</label>
                    <p class="hint">{ i18n.tr("org-episode-lock-hint") }</p>
                    <input id="org-episode-lock" type="number" min="10" max="240" inputmode="numeric"
                        value={form.episode_lock_minutes.to_string()} oninput={on_episode_lock}
                        aria-describedby={problem_of("episode_lock_minutes").map(|_| "org-episode-lock-error")} />
                    if let Some(m) = problem_of("episode_lock_minutes") {
                        <p class="field-error" id="org-episode-lock-error" role="alert">{ i18n.tr(m) }</p>
                    }
                </div>
                <h3 id="help-numbers-title">{ i18n.tr("org-help-title") }</h3>
                <p class="hint">{ i18n.tr("org-help-intro") }</p>
                { for numbers }
                { hours }
                <button type="submit" class="primary" id="org-save">{ i18n.tr("org-save") }</button>
                { outcome(&i18n, &(*error).clone().filter(|e| e.profile_fields.is_empty()),
                    saved.then(|| html! { { i18n.tr("org-saved") } })) }
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub dispatcher: UseReducerDispatcher<AppState>,
    pub user: SignedIn,
    pub auto_lock_minutes: u32,
    /// The auto-lock time changed: the gate reads it again.
    pub on_changed: Callback<()>,
    pub organisation: Organisation,
    /// The homes on this device; the settings below are the one shown now's.
    #[prop_or_default]
    pub teams: TeamsView,
}

#[function_component(Settings)]
pub fn settings(props: &SettingsProps) -> Html {
    let i18n = use_i18n();
    let may = |a: Can| props.user.may.contains(&a);
    let back = {
        let d = props.dispatcher.clone();
        Callback::from(move |_| d.dispatch(Action::ShowHome))
    };
    let staff_version = use_state(|| 0u32);
    let on_staff_added = {
        let v = staff_version.clone();
        Callback::from(move |_| v.set(*v + 1))
    };
    // Remounted when another home is shown, so the form holds that home's settings.
    let shown = props
        .teams
        .current
        .map(|t| t.to_string())
        .unwrap_or_default();
    html! {
        <section class="settings" aria-labelledby="settings-title">
            <div class="screen-head">
                <h1 id="settings-title">{ i18n.tr("settings-title") }</h1>
                <button id="back-home" class="secondary" onclick={back}>
                    { i18n.tr("steps-back") }
                </button>
            </div>
            <MyPin />
            if may(Can::ChangeSettings) {
                <AutoLock minutes={props.auto_lock_minutes} on_changed={props.on_changed.clone()} />
            }
            <super::teams::Teams dispatcher={props.dispatcher.clone()} teams={props.teams.clone()}
                manage={may(Can::ManageUsers)} staff_version={*staff_version} />
            if may(Can::ChangeSettings) {
                <HomeSettings key={shown} dispatcher={props.dispatcher.clone()} organisation={props.organisation.clone()} />
            }
            if may(Can::MakeBackup) {
                <Backup />
            }
            <super::translations::Translations />
            if may(Can::ManageUsers) {
                <Staff me={props.user.name.clone()} on_added={on_staff_added} />
            }
            <super::arrivals::ArrivalsPart />
        </section>
    }
}
