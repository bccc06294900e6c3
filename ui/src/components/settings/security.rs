//! "Keeping these records safe": where this computer keeps its part of the key, whether its
//! disk is encrypted (with advice), and for administrators, replacing the records' key after a
//! suspected compromise. The set-up screen shows the same notice before the first user exists.

use chrono::{DateTime, Utc};
use harbour_core::api::{ApiError, KeysReplaced, NewRecoveryKey, Protection};
use harbour_i18n::Arg;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::outcome;
use crate::backend::use_backend;
use crate::i18n::use_i18n;

/// The two facts, as the shell reads them; nothing until it answers.
#[function_component(ProtectionNotice)]
pub(crate) fn protection_notice() -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let protection = use_state(|| None::<Protection>);
    {
        let (protection, backend) = (protection.clone(), backend.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                if let Ok(p) = backend.protection().await {
                    protection.set(Some(p));
                }
            });
        });
    }
    let Some(p) = *protection else {
        return html! {};
    };
    let disk_class = match p.disk {
        harbour_core::api::DiskState::Encrypted => "protection-line",
        _ => "protection-line advice",
    };
    html! {
        <div class="protection" id="protection" data-device-key={format!("{:?}", p.device_key)}
            data-disk={format!("{:?}", p.disk)}>
            <p class="protection-line">{ i18n.tr(p.device_key_message_id()) }</p>
            <p class={disk_class}>{ i18n.tr(p.disk_message_id()) }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct RecoveryKeyCardProps {
    pub(crate) text: String,
}

/// A recovery key as it is shown once: in groups, large, with what to do with it, and a way
/// to print it on a page of its own.
#[function_component(RecoveryKeyCard)]
pub(crate) fn recovery_key_card(props: &RecoveryKeyCardProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    // What came of the last print: `Ok` (sent), or the refusal's message id.
    let printed = use_state(|| None::<Result<(), String>>);
    let busy = use_state(|| false);
    let print = {
        let (printed, busy, key) = (printed.clone(), busy.clone(), props.text.clone());
        Callback::from(move |_| {
            let (printed, busy, backend, key) =
                (printed.clone(), busy.clone(), backend.clone(), key.clone());
            busy.set(true);
            spawn_local(async move {
                let result = backend.print_recovery_key(&key).await;
                busy.set(false);
                printed.set(Some(result.map_err(|e| e.message_id)));
            });
        })
    };
    html! {
        <div class="recovery-key" id="recovery-key" role="group" aria-labelledby="recovery-key-title">
            <h3 id="recovery-key-title">{ i18n.tr("recovery-key-title") }</h3>
            <p>{ i18n.tr("recovery-key-what") }</p>
            <p class="recovery-key-text" dir="ltr" lang="en" translate="no">
                { for props.text.split('-').map(|g| html! { <><span class="group">{ g }</span>{ " " }</> }) }
            </p>
            <p class="hint">{ i18n.tr("recovery-key-keep") }</p>
            <button class="secondary" id="print-recovery-key" disabled={*busy} onclick={print}>
                { i18n.tr("recovery-key-print") }
            </button>
            { match &*printed {
                Some(Ok(())) => html! {
                    <p class="banner notice" role="status" id="recovery-print-result">
                        { i18n.tr("recovery-key-printed") }
                    </p>
                },
                Some(Err(id)) => html! {
                    <p class="banner error" role="alert" id="recovery-print-result">{ i18n.tr(id) }</p>
                },
                None => html! {},
            } }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct SecurityProps {
    /// An administrator: may replace the records' key.
    pub(super) manage: bool,
}

#[function_component(Security)]
pub(super) fn security(props: &SecurityProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let confirm = use_state(|| false);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let done = use_state(|| None::<KeysReplaced>);
    let made_at = use_state(|| None::<DateTime<Utc>>);
    let shown = use_state(|| None::<NewRecoveryKey>);
    {
        let (made_at, backend) = (made_at.clone(), backend.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                if let Ok(at) = backend.recovery_key_made_at().await {
                    made_at.set(at);
                }
            });
        });
    }
    let make_key = {
        let (made_at, shown, error, backend) = (
            made_at.clone(),
            shown.clone(),
            error.clone(),
            backend.clone(),
        );
        Callback::from(move |_| {
            let (made_at, shown, error, backend) = (
                made_at.clone(),
                shown.clone(),
                error.clone(),
                backend.clone(),
            );
            spawn_local(async move {
                match backend.new_recovery_key().await {
                    Ok(key) => {
                        made_at.set(Some(key.made_at));
                        shown.set(Some(key));
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let rotate = {
        let (busy, error, done, confirm, backend) = (
            busy.clone(),
            error.clone(),
            done.clone(),
            confirm.clone(),
            backend.clone(),
        );
        Callback::from(move |_| {
            let (busy, error, done, confirm, backend) = (
                busy.clone(),
                error.clone(),
                done.clone(),
                confirm.clone(),
                backend.clone(),
            );
            busy.set(true);
            spawn_local(async move {
                let result = backend.rotate_keys().await;
                busy.set(false);
                confirm.set(false);
                match result {
                    Ok(r) => {
                        error.set(None);
                        done.set(Some(r));
                    }
                    Err(e) => {
                        done.set(None);
                        error.set(Some(e));
                    }
                }
            });
        })
    };
    let ok = (*done).map(|r| {
        let kept = i18n.tr_with("keys-replaced", &[("kept", Arg::from(r.kept as i64))]);
        let dropped = (r.dropped > 0).then(|| {
            i18n.tr_with(
                "keys-replaced-dropped",
                &[("dropped", Arg::from(r.dropped as i64))],
            )
        });
        html! { <>{ kept }{ for dropped.map(|d| html! { <>{" "}{ d }</> }) }</> }
    });
    let ask = {
        let confirm = confirm.clone();
        Callback::from(move |_| confirm.set(true))
    };
    html! {
        <section class="settings-part" id="security" aria-labelledby="security-title">
            <h2 id="security-title">{ i18n.tr("security-title") }</h2>
            <ProtectionNotice />
            if props.manage {
                <h3>{ i18n.tr("recovery-title") }</h3>
                <p id="recovery-made">{
                    match *made_at {
                        Some(at) => i18n.tr_with("recovery-made-at",
                            &[("date", Arg::from(at.format("%d/%m/%Y").to_string()))]),
                        None => i18n.tr("recovery-none"),
                    }
                }</p>
                if let Some(key) = &*shown {
                    <RecoveryKeyCard text={key.key.clone()} />
                } else {
                    <p class="hint">{ i18n.tr("recovery-hint") }</p>
                    <button id="new-recovery-key" class="secondary" onclick={make_key}>
                        { i18n.tr("recovery-make") }
                    </button>
                }
                <h3>{ i18n.tr("keys-title") }</h3>
                <p class="hint">{ i18n.tr("keys-hint") }</p>
                { outcome(&i18n, &error, ok) }
                if *confirm {
                    <p role="alert">{ i18n.tr("keys-confirm-text") }</p>
                    <button id="rotate-keys-confirm" class="danger" disabled={*busy} onclick={rotate}>
                        { i18n.tr("keys-confirm") }
                    </button>
                } else {
                    <button id="rotate-keys" class="secondary" onclick={ask}>
                        { i18n.tr("keys-replace") }
                    </button>
                }
            }
        </section>
    }
}
