//! Settings: how long Harbour waits without a key press or click before it locks.

use harbour_core::api::ApiError;
use harbour_core::Field;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::super::fields::{field_error, input_value};
use super::outcome;
use crate::backend::use_backend;
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub(super) struct AutoLockProps {
    pub(super) minutes: u32,
    pub(super) on_changed: Callback<()>,
}

#[function_component(AutoLock)]
pub(super) fn auto_lock(props: &AutoLockProps) -> Html {
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
