//! Sync on screen: the strip that always says how this computer's records stand with the hub
//! (and lets anyone sync now), the settings part where an administrator joins a hub or invites
//! another computer, and the first-run form where a new computer joins a team.

use harbour_core::api::{ApiError, SyncJoin, SyncView, TeamSync};
use harbour_i18n::Arg;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::fields;
use super::settings::outcome;
use crate::backend::use_backend;
use crate::i18n::{use_i18n, I18n};
use crate::time;

/// How often the strip asks again: a sync in the background may have run, or records been
/// written that wait to go (a question to this computer's store only, never to the hub).
const POLL_MS: u32 = 5_000;
/// While a sync runs, for the progress bar.
const POLL_RUNNING_MS: u32 = 1_000;

fn error_text(i18n: &I18n, code: &str) -> String {
    i18n.tr(&format!("sync-error-{}", code.replace('_', "-")))
}

/// One team's line: when it last synced and what is waiting, or what went wrong and what to do.
fn team_line(i18n: &I18n, t: &TeamSync, several: bool) -> Html {
    let when = t
        .last_synced_at
        .map(|at| i18n.tr_with("sync-last", &[("time", Arg::from(time::format_local(at)))]))
        .unwrap_or_else(|| i18n.tr("sync-never"));
    let waiting = i18n.tr_with("sync-waiting", &[("count", Arg::from(t.waiting as i64))]);
    let name = several.then(|| format!("{}: ", t.team_name));
    html! {
        <span class="sync-team">
            { name.unwrap_or_default() }{ when }{ " · " }{ waiting }
            if let Some(code) = &t.error {
                <span class="sync-problem" role="alert">{ " " }{ error_text(i18n, code) }</span>
            }
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub struct SyncStripProps {
    /// Records arrived from the hub: the screens read them again.
    pub on_synced: Callback<()>,
}

/// Always on screen while signed in, on a computer that syncs: the last sync of each team,
/// records waiting to go, any problem in plain words, a progress bar while a sync runs, and
/// "Sync now". Shows nothing on a computer that has not joined a hub.
#[function_component(SyncStrip)]
pub fn sync_strip(props: &SyncStripProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let view = use_state(|| None::<SyncView>);
    let asked = use_state(|| 0u32);
    {
        let (view, backend, on_synced) = (view.clone(), backend.clone(), props.on_synced.clone());
        let running = view.as_ref().is_some_and(|v| v.running);
        use_effect_with((*asked, running), move |(_, running)| {
            let fetch = {
                let view = view.clone();
                move || {
                    let (view, backend, on_synced) =
                        (view.clone(), backend.clone(), on_synced.clone());
                    spawn_local(async move {
                        if let Ok(next) = backend.sync_status().await {
                            let synced = |v: &SyncView| {
                                v.teams.iter().map(|t| t.last_synced_at).collect::<Vec<_>>()
                            };
                            if view.as_ref().is_some_and(|v| synced(v) != synced(&next)) {
                                on_synced.emit(());
                            }
                            view.set(Some(next));
                        }
                    });
                }
            };
            fetch();
            let every = if *running { POLL_RUNNING_MS } else { POLL_MS };
            let interval = gloo_timers::callback::Interval::new(every, fetch);
            move || drop(interval)
        });
    }
    let Some(v) = &*view else {
        return html! {};
    };
    if v.teams.is_empty() {
        return html! {};
    }
    let sync_now = {
        let (view, backend, on_synced, asked) = (
            view.clone(),
            backend.clone(),
            props.on_synced.clone(),
            asked.clone(),
        );
        Callback::from(move |_| {
            let (view, backend, on_synced, asked) = (
                view.clone(),
                backend.clone(),
                on_synced.clone(),
                asked.clone(),
            );
            if let Some(mut running) = (*view).clone() {
                running.running = true;
                view.set(Some(running));
            }
            spawn_local(async move {
                if let Ok(next) = backend.sync_now().await {
                    view.set(Some(next));
                    on_synced.emit(());
                }
                asked.set(*asked + 1);
            });
        })
    };
    let failing = v.teams.iter().any(|t| t.error.is_some());
    let several = v.teams.len() > 1;
    let class = classes!("sync-strip", failing.then_some("failing"));
    html! {
        <div class={class} id="sync-strip" role="status" aria-live="polite">
            if v.running {
                <span class="sync-running">{ i18n.tr("sync-running") }</span>
                if let Some((got, of)) = v.progress.filter(|(_, of)| *of > 0) {
                    <progress id="sync-progress" max={of.to_string()} value={got.to_string()}
                        aria-label={i18n.tr("sync-progress-label")}></progress>
                    <span>{ i18n.tr_with("sync-progress", &[
                        ("got", Arg::from(got as i64)), ("of", Arg::from(of as i64)),
                    ]) }</span>
                }
            } else {
                { for v.teams.iter().map(|t| team_line(&i18n, t, several)) }
                <button class="secondary" id="sync-now" onclick={sync_now}>
                    { i18n.tr("sync-now") }
                </button>
            }
        </div>
    }
}

/// Settings, for administrators: each team's hub, joining one (with an invitation code, or as
/// the team's first computer), and making an invitation code for another computer.
#[function_component(SyncSettings)]
pub fn sync_settings() -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let view = use_state(|| None::<SyncView>);
    let form = use_state(SyncJoin::default);
    let first = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let joined = use_state(|| false);
    let invite_token = use_state(String::new);
    let invite_pin = use_state(String::new);
    let code = use_state(|| None::<String>);
    let invite_error = use_state(|| None::<ApiError>);
    {
        let (view, backend) = (view.clone(), backend.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                if let Ok(v) = backend.sync_status().await {
                    view.set(Some(v));
                }
            });
        });
    }
    let edit = |set: fn(&mut SyncJoin, String)| fields::edit(&form, set);
    let onsubmit = {
        let (form, error, busy, joined, view, backend, first) = (
            form.clone(),
            error.clone(),
            busy.clone(),
            joined.clone(),
            view.clone(),
            backend.clone(),
            first.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (form, error, busy, joined, view, backend) = (
                form.clone(),
                error.clone(),
                busy.clone(),
                joined.clone(),
                view.clone(),
                backend.clone(),
            );
            let mut sent = (*form).clone();
            if *first {
                sent.code.clear();
            } else {
                sent.hub.clear();
                sent.token.clear();
                sent.fingerprint.clear();
            }
            busy.set(true);
            spawn_local(async move {
                match backend.sync_join(&sent).await {
                    Ok(v) => {
                        view.set(Some(v));
                        form.set(SyncJoin::default());
                        error.set(None);
                        joined.set(true);
                    }
                    Err(e) => {
                        joined.set(false);
                        error.set(Some(e));
                    }
                }
                busy.set(false);
            });
        })
    };
    let on_invite = {
        let (token, pin, code, invite_error, backend) = (
            invite_token.clone(),
            invite_pin.clone(),
            code.clone(),
            invite_error.clone(),
            backend.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (token, pin, code, invite_error, backend) = (
                token.clone(),
                pin.clone(),
                code.clone(),
                invite_error.clone(),
                backend.clone(),
            );
            spawn_local(async move {
                match backend.sync_invite(&token, &pin).await {
                    Ok(made) => {
                        code.set(Some(made));
                        pin.set(String::new());
                        invite_error.set(None);
                    }
                    Err(e) => {
                        code.set(None);
                        invite_error.set(Some(e));
                    }
                }
            });
        })
    };
    let typed = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.set(fields::input_value(&e)))
    };
    let toggle = {
        let first = first.clone();
        Callback::from(move |_| first.set(!*first))
    };
    let teams = view.as_ref().map(|v| v.teams.clone()).unwrap_or_default();
    // "Stop syncing", asked once more before it is done.
    let leaving = use_state(|| None::<harbour_core::TeamId>);
    let leave_error = use_state(|| None::<ApiError>);
    let ask_leave = |team: harbour_core::TeamId| {
        let leaving = leaving.clone();
        Callback::from(move |_| leaving.set(Some(team)))
    };
    let confirm_leave = {
        let (leaving, view, backend, leave_error) = (
            leaving.clone(),
            view.clone(),
            backend.clone(),
            leave_error.clone(),
        );
        Callback::from(move |_| {
            let Some(team) = *leaving else {
                return;
            };
            let (leaving, view, backend, leave_error) = (
                leaving.clone(),
                view.clone(),
                backend.clone(),
                leave_error.clone(),
            );
            spawn_local(async move {
                match backend.sync_leave(team).await {
                    Ok(v) => {
                        view.set(Some(v));
                        leave_error.set(None);
                    }
                    Err(e) => leave_error.set(Some(e)),
                }
                leaving.set(None);
            });
        })
    };
    let cancel_leave = {
        let leaving = leaving.clone();
        Callback::from(move |_| leaving.set(None))
    };
    html! {
        <section class="settings-part" id="sync-settings" aria-labelledby="sync-title">
            <h2 id="sync-title">{ i18n.tr("sync-title") }</h2>
            <p>{ i18n.tr("sync-intro") }</p>
            if teams.is_empty() {
                <p id="sync-none">{ i18n.tr("sync-none") }</p>
            } else {
                <ul id="sync-teams">
                    { for teams.iter().map(|t| html! {
                        <li>
                            { format!("{} — {}: ", t.team_name, t.hub) }{ team_line(&i18n, t, false) }
                            <br />
                            { i18n.tr("sync-team-id") }{ " " }
                            <code class="sync-team-id" dir="ltr">{ t.team.to_string() }</code>
                            <br />
                            if *leaving == Some(t.team) {
                                <span class="banner notice" role="alert">{ i18n.tr("sync-leave-sure") }</span>
                                <button class="secondary" id="sync-leave-yes" onclick={confirm_leave.clone()}>
                                    { i18n.tr("sync-leave-yes") }
                                </button>
                                <button class="link" id="sync-leave-no" onclick={cancel_leave.clone()}>
                                    { i18n.tr("sync-leave-no") }
                                </button>
                            } else {
                                <button class="link sync-leave" onclick={ask_leave(t.team)}>
                                    { i18n.tr("sync-leave") }
                                </button>
                            }
                        </li>
                    }) }
                </ul>
                { outcome(&i18n, &leave_error, None) }
            }
            <form id="sync-join-form" onsubmit={onsubmit}>
                <h3>{ i18n.tr("sync-join-title") }</h3>
                if *first {
                    <p class="hint">{ i18n.tr("sync-join-first-hint") }</p>
                    <div class="field">
                        <label for="sync-hub">{ i18n.tr("sync-hub") }</label>
                        <input id="sync-hub" dir="ltr" value={form.hub.clone()}
                            placeholder="https://hub.example.org:8470" oninput={edit(|f, v| f.hub = v)} />
                    </div>
                    <div class="field">
                        <label for="sync-fingerprint">{ i18n.tr("sync-fingerprint") }</label>
                        <input id="sync-fingerprint" dir="ltr" value={form.fingerprint.clone()}
                            oninput={edit(|f, v| f.fingerprint = v)} />
                    </div>
                    <div class="field">
                        <label for="sync-token">{ i18n.tr("sync-token") }</label>
                        <input id="sync-token" type="password" dir="ltr" value={form.token.clone()}
                            oninput={edit(|f, v| f.token = v)} />
                    </div>
                } else {
                    <div class="field">
                        <label for="sync-code">{ i18n.tr("sync-code") }</label>
                        <input id="sync-code" type="password" dir="ltr" value={form.code.clone()}
                            oninput={edit(|f, v| f.code = v)} />
                    </div>
                }
                <div class="field">
                    <label for="sync-pin">{ i18n.tr("sync-your-pin") }</label>
                    <p class="hint">{ i18n.tr("sync-your-pin-hint") }</p>
                    <input id="sync-pin" type="password" autocomplete="current-password"
                        value={form.pin.clone()} oninput={edit(|f, v| f.pin = v)} />
                </div>
                { outcome(&i18n, &error, joined.then(|| html! { { i18n.tr("sync-joined") } })) }
                <button type="submit" class="primary" id="sync-join" disabled={*busy}>
                    { i18n.tr(if *busy { "sync-joining" } else { "sync-join" }) }
                </button>
                <button type="button" class="link" id="sync-join-other" onclick={toggle}>
                    { i18n.tr(if *first { "sync-join-with-code" } else { "sync-join-first" }) }
                </button>
            </form>
            if !teams.is_empty() {
                <form id="sync-invite-form" onsubmit={on_invite}>
                    <h3>{ i18n.tr("sync-invite-title") }</h3>
                    <p class="hint">{ i18n.tr("sync-invite-hint") }</p>
                    <div class="field">
                        <label for="invite-token">{ i18n.tr("sync-token") }</label>
                        <input id="invite-token" type="password" dir="ltr" value={(*invite_token).clone()}
                            oninput={typed(&invite_token)} />
                    </div>
                    <div class="field">
                        <label for="invite-pin">{ i18n.tr("sync-your-pin") }</label>
                        <input id="invite-pin" type="password" autocomplete="current-password"
                            value={(*invite_pin).clone()} oninput={typed(&invite_pin)} />
                    </div>
                    { outcome(&i18n, &invite_error, None) }
                    if let Some(made) = &*code {
                        <p class="banner notice" role="status">{ i18n.tr("sync-invite-made") }</p>
                        <p class="invitation-code" id="invitation-code" dir="ltr">{ made.clone() }</p>
                    }
                    <button type="submit" class="secondary" id="sync-invite">
                        { i18n.tr("sync-invite") }
                    </button>
                </form>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct JoinTeamProps {
    /// Joined: the lock screen follows, for someone of the team to sign in.
    pub on_joined: Callback<()>,
    pub on_cancel: Callback<()>,
}

/// First run on a computer for a team that uses Harbour already: the invitation code made on
/// one of its computers; then the team's staff sign in with their own names and PINs.
#[function_component(JoinTeam)]
pub fn join_team(props: &JoinTeamProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let code = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let names = use_state(|| None::<Vec<String>>);
    if let Some(names) = &*names {
        let done = props.on_joined.clone();
        return html! {
            <section class="lock-screen" aria-labelledby="joined-title">
                <h1 id="joined-title">{ i18n.tr("join-team-done") }</h1>
                <p>{ i18n.tr("join-team-who") }</p>
                <ul id="joined-names">{ for names.iter().map(|n| html! { <li dir="auto">{ n }</li> }) }</ul>
                <button class="primary" id="joined-sign-in"
                    onclick={Callback::from(move |_| done.emit(()))}>
                    { i18n.tr("join-team-sign-in") }
                </button>
            </section>
        };
    }
    let onsubmit = {
        let (code, error, busy, names, backend) = (
            code.clone(),
            error.clone(),
            busy.clone(),
            names.clone(),
            backend.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (code, error, busy, names, backend) = (
                code.clone(),
                error.clone(),
                busy.clone(),
                names.clone(),
                backend.clone(),
            );
            busy.set(true);
            spawn_local(async move {
                match backend.join_team(&code).await {
                    Ok(who) => names.set(Some(who)),
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let oninput = {
        let code = code.clone();
        Callback::from(move |e: InputEvent| code.set(fields::input_value(&e)))
    };
    let cancel = props.on_cancel.reform(|_| ());
    html! {
        <section class="lock-screen" aria-labelledby="join-team-title">
            <h1 id="join-team-title">{ i18n.tr("join-team-title") }</h1>
            <p>{ i18n.tr("join-team-intro") }</p>
            <form id="join-team-form" class="lock-form" onsubmit={onsubmit}>
                <div class="field">
                    <label for="join-code">{ i18n.tr("sync-code") }</label>
                    <input id="join-code" type="password" dir="ltr" value={(*code).clone()} {oninput} />
                </div>
                { outcome(&i18n, &error, None) }
                <button type="submit" class="primary" id="join-team-submit" disabled={*busy}>
                    { i18n.tr(if *busy { "sync-joining" } else { "sync-join" }) }
                </button>
                <button type="button" class="link" id="join-team-cancel" onclick={cancel}>
                    { i18n.tr("join-team-cancel") }
                </button>
            </form>
        </section>
    }
}

/// A value as a person reads it.
fn shown_value(i18n: &I18n, v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) if s.trim().is_empty() => i18n.tr("changed-twice-empty"),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Bool(true) => i18n.tr("changed-twice-yes"),
        serde_json::Value::Bool(false) => i18n.tr("changed-twice-no"),
        serde_json::Value::Null => i18n.tr("changed-twice-empty"),
        other => other.to_string(),
    }
}

fn who_when(i18n: &I18n, by: &str, at: Option<chrono::DateTime<chrono::Utc>>) -> String {
    i18n.tr_with(
        "changed-twice-by",
        &[
            ("name", Arg::from(by)),
            (
                "time",
                Arg::from(at.map(time::format_local).unwrap_or_default()),
            ),
        ],
    )
}

#[derive(Properties, PartialEq)]
pub struct ChangedTwiceProps {
    /// Asked again when this changes (the strip saw records arrive).
    pub version: u32,
    /// A value was chosen: the screens read the records again.
    pub on_chosen: Callback<()>,
}

/// Profile fields changed on two computers at the same time: the one saved last is shown
/// everywhere, and a person chooses which is right. Shows nothing when there are none.
#[function_component(ChangedTwiceList)]
pub fn changed_twice_list(props: &ChangedTwiceProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let items = use_state(Vec::<harbour_core::api::ChangedTwice>::new);
    {
        let (items, backend) = (items.clone(), backend.clone());
        use_effect_with(props.version, move |_| {
            spawn_local(async move {
                if let Ok(found) = backend.changed_twice().await {
                    items.set(found);
                }
            });
        });
    }
    if items.is_empty() {
        return html! {};
    }
    let choose = |item: &harbour_core::api::ChangedTwice, other: bool| {
        let (items, backend, on_chosen) = (items.clone(), backend.clone(), props.on_chosen.clone());
        let (child, key, op) = (item.child, item.key.clone(), item.other_op.clone());
        Callback::from(move |_| {
            let (items, backend, on_chosen, key, op) = (
                items.clone(),
                backend.clone(),
                on_chosen.clone(),
                key.clone(),
                op.clone(),
            );
            spawn_local(async move {
                let other = other.then_some(op.as_str());
                if let Ok(left) = backend.choose_changed_twice(child, &key, other).await {
                    items.set(left);
                    on_chosen.emit(());
                }
            });
        })
    };
    html! {
        <section class="changed-twice" id="changed-twice" aria-labelledby="changed-twice-title">
            <h2 id="changed-twice-title">{ i18n.tr("changed-twice-title") }</h2>
            <p>{ i18n.tr("changed-twice-intro") }</p>
            <ul>
                { for items.iter().map(|item| html! {
                    <li data-key={item.key.clone()} data-child={item.child.to_string()}>
                        <p class="changed-twice-what">
                            <strong dir="auto">{ item.child_name.clone() }</strong>
                            { " — " }{ i18n.tr(&harbour_core::profile::label_id(&item.key)) }
                        </p>
                        <div class="changed-twice-choices">
                            <button class="secondary keep-shown" onclick={choose(item, false)}>
                                { i18n.tr_with("changed-twice-keep", &[
                                    ("value", Arg::from(shown_value(&i18n, &item.shown))),
                                ]) }
                                <span class="hint">{ who_when(&i18n, &item.shown_by, item.shown_at) }</span>
                            </button>
                            <button class="secondary use-other" onclick={choose(item, true)}>
                                { i18n.tr_with("changed-twice-use", &[
                                    ("value", Arg::from(shown_value(&i18n, &item.other))),
                                ]) }
                                <span class="hint">{ who_when(&i18n, &item.other_by, item.other_at) }</span>
                            </button>
                        </div>
                    </li>
                }) }
            </ul>
        </section>
    }
}
