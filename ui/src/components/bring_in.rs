//! A child coming from a home on another hub, or on none: their whole record is brought in
//! from the transfer package that home saved, opened with the passphrase it read out by phone.
//! Refused whole, with nothing written, if the file is not a package, was changed, or the
//! passphrase is not its own.

use harbour_core::api::ApiError;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::fields::input_value;
use crate::backend::{reload, use_backend};
use crate::i18n::use_i18n;
use crate::state::{Action, AppState};

#[derive(Properties, PartialEq)]
pub struct BringInProps {
    pub dispatcher: UseReducerDispatcher<AppState>,
}

#[function_component(BringIn)]
pub fn bring_in(props: &BringInProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let passphrase = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let on_passphrase = {
        let passphrase = passphrase.clone();
        Callback::from(move |e: InputEvent| passphrase.set(input_value(&e)))
    };
    let on_open = {
        let (backend, passphrase, error, app) = (
            backend.clone(),
            passphrase.clone(),
            error.clone(),
            props.dispatcher.clone(),
        );
        Callback::from(move |_| {
            let (backend, words, error, app) = (
                backend.clone(),
                (*passphrase).clone(),
                error.clone(),
                app.clone(),
            );
            spawn_local(async move {
                match backend.open_transfer_package(&words).await {
                    Ok(Some(child)) => {
                        // Their page opens once the list holds them.
                        reload(&backend, app.clone());
                        if let Ok(children) = backend.list_children().await {
                            app.dispatch(Action::Loaded(children));
                        }
                        app.dispatch(Action::ShowProfile(child));
                    }
                    Ok(None) => {}
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    html! {
        <section class="bring-in" aria-labelledby="bring-in-heading">
            <h2 id="bring-in-heading">{ i18n.tr("bring-in-title") }</h2>
            <p class="hint" id="bring-in-hint">{ i18n.tr("bring-in-hint") }</p>
            <div class="field">
                <label for="bring-in-passphrase">{ i18n.tr("bring-in-passphrase") }</label>
                <input id="bring-in-passphrase" type="text" autocomplete="off" spellcheck="false"
                    value={(*passphrase).clone()} oninput={on_passphrase}
                    aria-describedby="bring-in-hint" />
            </div>
            <button class="secondary" id="bring-in-open" onclick={on_open}>
                { i18n.tr("bring-in-button") }
            </button>
            if let Some(e) = &*error {
                <p class="banner error" id="bring-in-error" role="alert">{ i18n.tr(&e.message_id) }</p>
            }
        </section>
    }
}
