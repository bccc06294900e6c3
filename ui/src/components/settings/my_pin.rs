//! Settings: the signed-in member of staff changes their own PIN.

use harbour_core::api::{ApiError, PinChange};
use harbour_core::Field;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::super::fields::{self};
use super::{outcome, secret_field};
use crate::backend::use_backend;
use crate::i18n::use_i18n;

#[function_component(MyPin)]
pub(super) fn my_pin() -> Html {
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
