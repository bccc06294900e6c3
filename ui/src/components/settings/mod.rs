//! Settings: change my PIN; and, as the role allows, the auto-lock time, the homes and who is in
//! each, the home's settings, backups and staff. The parts shown follow what the shell says the
//! user may do; the store enforces it anyway.

use harbour_core::api::{ApiError, SignedIn};
use harbour_core::organisation::Organisation;
use harbour_core::teams::TeamsView;
use harbour_core::{Action as Can, Field};
use yew::prelude::*;

use super::fields::field_error;
use crate::i18n::{use_i18n, I18n};
use crate::state::{Action, AppState};

mod audit;
mod auto_lock;
mod backup;
mod home_settings;
mod my_pin;
mod security;
mod staff;
pub mod teams;

use audit::AuditRecord;
#[cfg(test)]
pub(crate) use audit::{AuditTable, AuditTableProps};
use auto_lock::AutoLock;
use backup::Backup;
use home_settings::HomeSettings;
use my_pin::MyPin;
use security::Security;
pub(crate) use security::{ProtectionNotice, RecoveryKeyCard};
use staff::Staff;

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
pub(super) fn secret_field(
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
            <teams::Teams dispatcher={props.dispatcher.clone()} teams={props.teams.clone()}
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
                <super::sync::SyncSettings />
            }
            <Security manage={may(Can::ManageUsers)} />
            if may(Can::ViewAudit) {
                <AuditRecord />
            }
            <super::arrivals::ArrivalsPart />
        </section>
    }
}
