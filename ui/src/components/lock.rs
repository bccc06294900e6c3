//! The lock: first-run set-up, the lock screen (with "Child missing" still one press away) and
//! the gate that decides which of those, or the app, is shown. While locked the UI holds no
//! child data: the app's state is dropped with its component.

use harbour_core::api::{ApiError, LockStatus, Unlock};
use harbour_core::{Field, NewUser};
use harbour_i18n::Arg;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::app::App;
use super::child_help::{ChildHelp, ShowChildHelp};
use super::fields::{self, field_error, input_value};
use super::numbers::Numbers;
use crate::backend::{use_backend, Backend};
use crate::i18n::{use_i18n, I18n};
use crate::ipc;
use crate::time;

/// How often the idle time is checked, and the shortest gap between "still here" reports.
const IDLE_CHECK_MS: u32 = 15_000;
const STILL_HERE_EVERY_MS: f64 = 60_000.0;

/// The idle lock as screens see it: when the last key press or click was, and the longer lock
/// time in force while an open episode's steps are in front (set by the steps screen, which
/// also tells the shell).
#[derive(Clone, Debug)]
pub struct IdleLock {
    pub last_activity: Rc<std::cell::RefCell<f64>>,
    pub during_episode: Rc<std::cell::Cell<Option<u32>>>,
}

impl PartialEq for IdleLock {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.last_activity, &other.last_activity)
            && Rc::ptr_eq(&self.during_episode, &other.during_episode)
    }
}

/// A general error (not tied to a field), with the wait after repeated wrong PINs.
fn form_error(i18n: &I18n, error: &Option<ApiError>) -> Html {
    match error {
        Some(e) if e.fields.is_empty() => html! {
            <div class="banner error" role="alert" id="lock-error">
                <p>{ i18n.tr(&e.message_id) }</p>
                if let Some(s) = e.retry_after_seconds.filter(|s| *s > 0) {
                    <p>{ i18n.tr_with("unlock-wait", &[("seconds", Arg::from(s as i64))]) }</p>
                }
            </div>
        },
        _ => html! {},
    }
}

#[derive(Properties, PartialEq)]
pub struct SetUpProps {
    pub on_done: Callback<LockStatus>,
}

/// First run: the first user, an admin, chooses a name and PIN.
#[function_component(SetUp)]
pub fn set_up(props: &SetUpProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let form = use_state(NewUser::default);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    // Set up: the recovery key to show, and the status to go on with once it is written down.
    let recovery = use_state(|| None::<(String, LockStatus)>);
    // "This computer joins a team that uses Harbour already" instead.
    let joining = use_state(|| false);
    let edit = |set: fn(&mut NewUser, String)| fields::edit(&form, set);
    if *joining {
        let (done, backend) = (props.on_done.clone(), backend.clone());
        let on_joined = Callback::from(move |_| {
            let (done, backend) = (done.clone(), backend.clone());
            spawn_local(async move {
                if let Ok(status) = backend.lock_status().await {
                    done.emit(status);
                }
            });
        });
        let on_cancel = {
            let joining = joining.clone();
            Callback::from(move |_| joining.set(false))
        };
        return html! { <super::sync::JoinTeam {on_joined} {on_cancel} /> };
    }
    if let Some((key, status)) = &*recovery {
        let (done, status) = (props.on_done.clone(), status.clone());
        return html! {
            <section class="lock-screen" aria-labelledby="recovery-key-title">
                <super::settings::RecoveryKeyCard text={key.clone()} />
                <button class="primary" id="recovery-key-done"
                    onclick={Callback::from(move |_| done.emit(status.clone()))}>
                    { i18n.tr("recovery-key-done") }
                </button>
            </section>
        };
    }
    let onsubmit = {
        let (form, error, busy, done, backend, recovery) = (
            form.clone(),
            error.clone(),
            busy.clone(),
            props.on_done.clone(),
            backend.clone(),
            recovery.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Err(fields) = form.validate() {
                error.set(Some(ApiError {
                    code: "invalid".into(),
                    message_id: fields[0].message_id().into(),
                    fields,
                    retry_after_seconds: None,
                    profile_fields: Vec::new(),
                }));
                return;
            }
            let (form, error, busy, done, backend) = (
                form.clone(),
                error.clone(),
                busy.clone(),
                done.clone(),
                backend.clone(),
            );
            busy.set(true);
            let recovery = recovery.clone();
            spawn_local(async move {
                let result = backend.set_up(&form).await;
                match result {
                    // The recovery key is made now and shown once, before anything else.
                    Ok(status) => match backend.new_recovery_key().await {
                        Ok(key) => recovery.set(Some((key.key, status))),
                        Err(_) => done.emit(status),
                    },
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let invalid = |f: Field| {
        (*error)
            .as_ref()
            .is_some_and(|e| e.fields.iter().any(|x| x.field == f))
            .then_some("true")
    };
    html! {
        <section class="lock-screen" aria-labelledby="setup-title">
            <h1 id="setup-title">{ i18n.tr("setup-title") }</h1>
            <p>{ i18n.tr("setup-intro") }</p>
            <super::settings::ProtectionNotice />
            <form id="setup-form" class="lock-form" onsubmit={onsubmit} novalidate=true>
                <div class="field">
                    <label for="setup-name">{ i18n.tr("setup-name") }</label>
                    <input id="setup-name" autocomplete="name" dir="auto" value={form.name.clone()}
                        aria-invalid={invalid(Field::UserName)} aria-describedby="setup-name-error"
                        oninput={edit(|f, v| f.name = v)} />
                    { field_error(&i18n, &error, Field::UserName, "setup-name-error") }
                </div>
                <div class="field">
                    <label for="setup-pin">{ i18n.tr("setup-pin") }</label>
                    <p class="hint" id="setup-pin-hint">{ i18n.tr("setup-pin-advice") }</p>
                    <input id="setup-pin" type="password" autocomplete="new-password"
                        value={form.pin.clone()} aria-invalid={invalid(Field::Pin)}
                        aria-describedby="setup-pin-hint setup-pin-error"
                        oninput={edit(|f, v| f.pin = v)} />
                    { field_error(&i18n, &error, Field::Pin, "setup-pin-error") }
                </div>
                <div class="field">
                    <label for="setup-pin-again">{ i18n.tr("setup-pin-again") }</label>
                    <input id="setup-pin-again" type="password" autocomplete="new-password"
                        value={form.pin_again.clone()} aria-invalid={invalid(Field::PinAgain)}
                        aria-describedby="setup-pin-again-error"
                        oninput={edit(|f, v| f.pin_again = v)} />
                    { field_error(&i18n, &error, Field::PinAgain, "setup-pin-again-error") }
                </div>
                { form_error(&i18n, &error) }
                <button type="submit" class="primary" id="setup-submit" disabled={*busy}>
                    { i18n.tr("setup-submit") }
                </button>
            </form>
            <p class="join-instead">
                <button type="button" class="link" id="setup-join-team"
                    onclick={Callback::from(move |_| joining.set(true))}>
                    { i18n.tr("setup-join-team") }
                </button>
            </p>
        </section>
    }
}

/// What to do at once when a child is missing, with no child's details: shown from the lock
/// screen without unlocking (domain.md §2.3–2.4).
#[function_component(GenericSteps)]
pub fn generic_steps() -> Html {
    let i18n = use_i18n();
    html! {
        <section id="generic-steps" class="generic-steps" aria-labelledby="generic-steps-title">
            <h2 id="generic-steps-title" tabindex="-1">{ i18n.tr("lock-missing-title") }</h2>
            <ol class="step-list">
                <li class="step urgent" data-step="danger">{ i18n.tr("generic-step-danger") }</li>
                <li class="step urgent" data-step="flagged">{ i18n.tr("generic-step-flagged") }</li>
                <li class="step" data-step="report">{ i18n.tr("generic-step-report") }</li>
                <li class="step" data-step="notify">{ i18n.tr("generic-step-notify") }</li>
            </ol>
            <p class="hint">{ i18n.tr("lock-missing-unlock") }</p>
            <Numbers />
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct LockScreenProps {
    pub status: LockStatus,
    pub on_unlocked: Callback<LockStatus>,
    /// Start with the generic missing steps open (the shell was asked for them).
    #[prop_or_default]
    pub show_steps: bool,
    /// Opens the child's help without unlocking (it holds no records).
    #[prop_or_default]
    pub on_child_help: Callback<()>,
}

#[function_component(LockScreen)]
pub fn lock_screen(props: &LockScreenProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let form = use_state(Unlock::default);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let steps = use_state(|| props.show_steps);
    let pin_ref = use_node_ref();
    {
        let pin_ref = pin_ref.clone();
        use_effect_with((), move |_| {
            if let Some(input) = pin_ref.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        });
    }
    let status = &props.status;
    let onsubmit = {
        let (form, error, busy, done, backend) = (
            form.clone(),
            error.clone(),
            busy.clone(),
            props.on_unlocked.clone(),
            backend.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (form, error, busy, done, backend) = (
                form.clone(),
                error.clone(),
                busy.clone(),
                done.clone(),
                backend.clone(),
            );
            busy.set(true);
            spawn_local(async move {
                let result = backend.unlock(&form).await;
                busy.set(false);
                match result {
                    Ok(status) => done.emit(status),
                    Err(e) => {
                        // The PIN is cleared after a wrong try; the name is kept.
                        form.set(Unlock {
                            name: form.name.clone(),
                            pin: String::new(),
                        });
                        error.set(Some(e));
                    }
                }
            });
        })
    };
    let on_name = {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            form.set(Unlock {
                name: input_value(&e),
                pin: form.pin.clone(),
            })
        })
    };
    let on_pin = {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            form.set(Unlock {
                name: form.name.clone(),
                pin: input_value(&e),
            })
        })
    };
    let toggle_steps = {
        let steps = steps.clone();
        Callback::from(move |_| steps.set(!*steps))
    };
    html! {
        <section class="lock-screen" aria-labelledby="lock-title">
            <h1 id="lock-title">{ i18n.tr("lock-title") }</h1>
            if let Some(problem) = &status.problem {
                <p class="banner error" role="alert" id="store-problem">{ i18n.tr(problem) }</p>
            }
            if let Some(pin) = &status.demo_pin {
                <p class="banner notice" id="demo-banner">
                    { i18n.tr_with("demo-banner", &[("pin", Arg::from(pin.as_str()))]) }
                </p>
            }
            <button class="danger lock-missing" id="lock-child-missing"
                aria-expanded={if *steps { "true" } else { "false" }}
                aria-controls="generic-steps" onclick={toggle_steps}>
                { i18n.tr("lock-missing-button") }
            </button>
            if *steps {
                <GenericSteps />
            }
            <button class="secondary lock-child-help" id="lock-child-help"
                onclick={props.on_child_help.reform(|_| ())}>
                { i18n.tr("lock-child-help") }
            </button>
            <form id="unlock-form" class="lock-form" onsubmit={onsubmit}>
                <p>{ i18n.tr("lock-intro") }</p>
                if status.needs_name {
                    <div class="field">
                        <label for="unlock-name">{ i18n.tr("lock-name") }</label>
                        <input id="unlock-name" autocomplete="username" dir="auto"
                            value={form.name.clone()} oninput={on_name} />
                    </div>
                }
                <div class="field">
                    <label for="unlock-pin">{ i18n.tr("lock-pin") }</label>
                    <input id="unlock-pin" type="password" autocomplete="current-password"
                        ref={pin_ref} value={form.pin.clone()} oninput={on_pin}
                        aria-describedby="lock-error" />
                </div>
                { form_error(&i18n, &error) }
                if status.wait_seconds > 0 && error.is_none() {
                    <p class="banner error" role="alert">
                        { i18n.tr_with("unlock-wait", &[("seconds", Arg::from(status.wait_seconds as i64))]) }
                    </p>
                }
                <button type="submit" class="primary" id="unlock-submit" disabled={*busy}>
                    { if *busy { i18n.tr("lock-unlocking") } else { i18n.tr("lock-unlock") } }
                </button>
            </form>
        </section>
    }
}

/// The root: the localizer for every screen, then the gate.
#[function_component(Root)]
pub fn root() -> Html {
    let i18n = use_memo((), |_| {
        I18n(Rc::new(harbour_i18n::Localizer::new(
            harbour_i18n::SOURCE_TAG,
        )))
    });
    html! {
        <ContextProvider<I18n> context={(*i18n).clone()}>
            <Gate />
        </ContextProvider<I18n>>
    }
}

/// Asks the shell where things stand.
fn refresh(backend: &Backend, status: UseStateHandle<Option<LockStatus>>) {
    let backend = backend.clone();
    spawn_local(async move {
        if let Ok(s) = backend.lock_status().await {
            status.set(Some(s));
        }
    });
}

fn lock_now(backend: &Backend, status: UseStateHandle<Option<LockStatus>>) {
    let backend = backend.clone();
    spawn_local(async move {
        if let Ok(s) = backend.lock().await {
            status.set(Some(s));
        }
    });
}

/// The root: set-up, lock screen or the app. Locks on Ctrl+L, on the Lock button, after the
/// idle time, and whenever the shell answers "locked".
#[function_component(Gate)]
pub fn gate() -> Html {
    let backend = use_backend();
    let status = use_state(|| None::<LockStatus>);
    {
        let (status, backend) = (status.clone(), backend.clone());
        use_effect_with((), move |_| refresh(&backend, status));
    }
    // Tell the shell the first screen (set-up or lock screen) is up: the start-up benchmark
    // waits for this, and it is a log line for support.
    {
        let backend = backend.clone();
        use_effect_with(status.is_some(), move |shown| {
            if *shown {
                spawn_local(async move {
                    let _ = backend.ui_ready().await;
                });
            }
        });
    }
    let unlocked = status.as_ref().is_some_and(|s| s.user.is_some());
    let last_activity = use_mut_ref(time::now_ms);
    let last_ping = use_mut_ref(time::now_ms);
    let idle = {
        let last_activity = last_activity.clone();
        use_memo((), move |_| IdleLock {
            last_activity,
            during_episode: Rc::new(std::cell::Cell::new(None)),
        })
    };

    // Activity, the shortcut, and the shell's "locked" answers, while unlocked.
    {
        let status = status.clone();
        let last_activity = last_activity.clone();
        let backend = backend.clone();
        use_effect_with(unlocked, move |unlocked| {
            let mut cleanup: Vec<Box<dyn FnOnce()>> = Vec::new();
            if *unlocked {
                let window = web_sys::window().expect("a window");
                let on_activity = {
                    let last_activity = last_activity.clone();
                    Closure::<dyn Fn(web_sys::Event)>::new(move |_e: web_sys::Event| {
                        *last_activity.borrow_mut() = time::now_ms();
                    })
                };
                let on_key = {
                    let status = status.clone();
                    let last_activity = last_activity.clone();
                    let backend = backend.clone();
                    Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(
                        move |e: web_sys::KeyboardEvent| {
                            *last_activity.borrow_mut() = time::now_ms();
                            if e.ctrl_key() && (e.key() == "l" || e.key() == "L") {
                                e.prevent_default();
                                lock_now(&backend, status.clone());
                            }
                        },
                    )
                };
                let on_locked = {
                    let status = status.clone();
                    let backend = backend.clone();
                    Closure::<dyn Fn(web_sys::Event)>::new(move |_e: web_sys::Event| {
                        refresh(&backend, status.clone())
                    })
                };
                for kind in ["pointerdown", "wheel", "touchstart"] {
                    let _ = window.add_event_listener_with_callback(
                        kind,
                        on_activity.as_ref().unchecked_ref(),
                    );
                }
                let _ = window
                    .add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
                let _ = window.add_event_listener_with_callback(
                    ipc::LOCKED_EVENT,
                    on_locked.as_ref().unchecked_ref(),
                );
                cleanup.push(Box::new(move || {
                    for kind in ["pointerdown", "wheel", "touchstart"] {
                        let _ = window.remove_event_listener_with_callback(
                            kind,
                            on_activity.as_ref().unchecked_ref(),
                        );
                    }
                    let _ = window.remove_event_listener_with_callback(
                        "keydown",
                        on_key.as_ref().unchecked_ref(),
                    );
                    let _ = window.remove_event_listener_with_callback(
                        ipc::LOCKED_EVENT,
                        on_locked.as_ref().unchecked_ref(),
                    );
                }));
            }
            move || cleanup.into_iter().for_each(|f| f())
        });
    }
    // The idle clock: lock after the setting's minutes; tell the shell the user is still here.
    {
        let status = status.clone();
        let minutes = status.as_ref().map_or(10, |s| s.auto_lock_minutes);
        let during = idle.during_episode.clone();
        let backend = backend.clone();
        use_effect_with((unlocked, minutes), move |(unlocked, minutes)| {
            let interval = unlocked.then(|| {
                let minutes = *minutes;
                gloo_timers::callback::Interval::new(IDLE_CHECK_MS, move || {
                    // Longer while an open episode's steps are in front.
                    let limit_ms =
                        f64::from(during.get().unwrap_or(minutes).max(minutes)) * 60_000.0;
                    let now = time::now_ms();
                    let idle = now - *last_activity.borrow();
                    if idle > limit_ms {
                        lock_now(&backend, status.clone());
                        return;
                    }
                    // The shell may have locked by itself (the computer went to sleep, the
                    // screen locked): then the lock screen comes up here too.
                    {
                        let (status, backend) = (status.clone(), backend.clone());
                        spawn_local(async move {
                            if let Ok(s) = backend.lock_status().await {
                                if s.user.is_none() {
                                    status.set(Some(s));
                                }
                            }
                        });
                    }
                    if *last_activity.borrow() > *last_ping.borrow()
                        && now - *last_ping.borrow() > STILL_HERE_EVERY_MS
                    {
                        *last_ping.borrow_mut() = now;
                        let (status, backend) = (status.clone(), backend.clone());
                        spawn_local(async move {
                            if let Ok(false) = backend.still_here().await {
                                refresh(&backend, status);
                            }
                        });
                    }
                })
            });
            move || drop(interval)
        });
    }

    let on_status = {
        let status = status.clone();
        Callback::from(move |s: LockStatus| status.set(Some(s)))
    };
    let on_lock = {
        let (status, backend) = (status.clone(), backend.clone());
        Callback::from(move |_| lock_now(&backend, status.clone()))
    };
    // "Show to child": lock first (the app and every child's details go), then the help alone,
    // full screen. Leaving it shows the lock screen.
    let child_help = use_state(|| None::<&'static str>);
    let show_child = {
        let (status, child_help, backend) = (status.clone(), child_help.clone(), backend.clone());
        ShowChildHelp(Callback::from(move |tag: &'static str| {
            let (status, child_help, backend) =
                (status.clone(), child_help.clone(), backend.clone());
            spawn_local(async move {
                if let Ok(s) = backend.lock().await {
                    status.set(Some(s));
                    child_help.set(Some(tag));
                }
            });
        }))
    };
    if let Some(tag) = *child_help {
        let on_exit = {
            let child_help = child_help.clone();
            Callback::from(move |_| child_help.set(None))
        };
        return html! { <ChildHelp {tag} {on_exit} /> };
    }
    match &*status {
        None => html! {},
        Some(s) if !s.set_up => {
            html! { <Frame status={s.clone()}><SetUp on_done={on_status} /></Frame> }
        }
        Some(s) if s.user.is_none() => {
            // The lock screen's way in: already locked, and the child picks the language.
            let on_child_help = show_child.0.reform(|_| harbour_i18n::SOURCE_TAG);
            html! {
                <Frame status={s.clone()}>
                    <LockScreen status={s.clone()} on_unlocked={on_status} {on_child_help} />
                </Frame>
            }
        }
        Some(s) => {
            let on_changed = {
                let (status, backend) = (status.clone(), backend.clone());
                Callback::from(move |_| refresh(&backend, status.clone()))
            };
            let user = s
                .user
                .clone()
                .unwrap_or_else(|| unreachable!("matched above"));
            html! {
                <Frame status={s.clone()} on_lock={on_lock}>
                    <ContextProvider<ShowChildHelp> context={show_child}>
                        <ContextProvider<IdleLock> context={(*idle).clone()}>
                            <App user={user} auto_lock_minutes={s.auto_lock_minutes}
                                on_settings_changed={on_changed} />
                        </ContextProvider<IdleLock>>
                    </ContextProvider<ShowChildHelp>>
                </Frame>
            }
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct FrameProps {
    pub status: LockStatus,
    #[prop_or_default]
    pub on_lock: Option<Callback<()>>,
    pub children: Html,
}

/// The page around every screen: header (with who is signed in and the Lock button), the
/// screen, the footer with the language's review status.
#[function_component(Frame)]
pub fn frame(props: &FrameProps) -> Html {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let user = props.status.user.as_ref();
    html! {
        <div class="app" dir={locale.dir.as_attr()} lang={locale.tag}>
            <header class="app-header">
                <span class="brand">{ i18n.tr("app-title") }</span>
                <span class="tagline">{ i18n.tr("app-tagline") }</span>
                if let (Some(user), Some(on_lock)) = (user, props.on_lock.clone()) {
                    <span class="signed-in" id="signed-in">
                        { i18n.tr_with("signed-in-as", &[
                            ("name", Arg::from(user.name.as_str())),
                            ("role", Arg::from(i18n.tr(user.role.message_id()))),
                        ]) }
                    </span>
                    <button class="secondary lock-button" id="lock-button"
                        aria-label={i18n.tr("lock-button-label")}
                        title={i18n.tr("lock-button-label")}
                        onclick={Callback::from(move |_| on_lock.emit(()))}>
                        { i18n.tr("lock-button") }
                    </button>
                }
            </header>
            if props.status.demo_pin.is_some() && user.is_some() {
                <p class="demo-strip">{ i18n.tr_with("demo-banner", &[
                    ("pin", Arg::from(props.status.demo_pin.clone().unwrap_or_default())),
                ]) }</p>
            }
            <main id="main">{ props.children.clone() }</main>
            <footer class="app-footer">{ i18n.tr("language-status") }</footer>
        </div>
    }
}
