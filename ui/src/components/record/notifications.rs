//! Who must be told, each with their details from the profile and the home's settings, when
//! they were told or the button that records it now; and, where the home records it, the
//! regulator decision.

use harbour_core::api::EpisodeView;
use harbour_core::child::age_on;
use harbour_core::episode::{contacts_for, Contact, EpisodeEvent};
use harbour_core::organisation::{HomeKind, Organisation};
use harbour_core::profile::ProfileView;
use harbour_core::ChildDetails;
use harbour_i18n::Arg;
use yew::prelude::*;

use super::regulator::{regulator_args, Regulator};
use super::{at, Recorder};
use crate::i18n::use_i18n;
use crate::time;

#[derive(Properties, PartialEq)]
pub struct NotificationsProps {
    pub rec: Recorder,
    pub view: EpisodeView,
    pub child: ChildDetails,
    pub profile: Option<ProfileView>,
    pub organisation: Organisation,
}

#[function_component(Notifications)]
pub fn notifications(props: &NotificationsProps) -> Html {
    let i18n = use_i18n();
    let (s, org, child) = (&props.view.summary, &props.organisation, &props.child);
    let nation = Arg::from(org.nation.id());
    let name = Arg::from(child.name_latin.as_str());
    let age = age_on(child.date_of_birth, time::today_local());
    html! {
        <div class="record-part" id="notifications">
            <h3>{ i18n.tr("notify-title") }</h3>
            <ul class="contacts">
                { for contacts_for(child, org, age).into_iter().map(|c| {
                    let told = s.notified.iter().find(|(x, _)| *x == c).map(|(_, t)| *t);
                    let contact = i18n.tr_with(c.message_id(), &[("nation", nation.clone())]);
                    html! {
                        <li data-contact={c.message_id()}>
                            <span>{ i18n.tr_with(c.label_id(child), &[("nation", nation.clone())]) }
                                { for contact_details(props.profile.as_ref(), org, c).map(|d| html! {
                                    <span class="contact-details"><bdi>{ d }</bdi></span>
                                }) }
                            </span>
                            if let Some(t) = told {
                                <span class="told">{ i18n.tr_with("notify-told-at", &[("time", at(t))]) }</span>
                            } else {
                                <button class="secondary small"
                                    aria-label={i18n.tr_with("notify-told-label", &[("contact", Arg::from(contact))])}
                                    onclick={props.rec.on_click(EpisodeEvent::Notified { contact: c })}>
                                    { i18n.tr("notify-told-now") }
                                </button>
                            }
                        </li>
                    }
                }) }
            </ul>
            if child.escalate_when_missing() {
                <p class="hint">{ i18n.tr_with("step-no-relatives", &[("name", name)]) }</p>
            }
            if org.records_regulator_decision() {
                <Regulator rec={props.rec.clone()} summary={s.clone()} organisation={org.clone()} />
            } else if org.home_kind == HomeKind::FosterHome {
                <p class="hint" id="foster-regulator">
                    { i18n.tr_with("notify-foster-regulator", &regulator_args(&i18n, org)) }
                </p>
            }
        </div>
    }
}

/// Who the contact is and their number, from the child's profile (first line of each field)
/// and the home's settings.
fn contact_details(
    profile: Option<&ProfileView>,
    org: &Organisation,
    contact: Contact,
) -> Option<String> {
    let mut parts: Vec<&str> = profile
        .map(|p| {
            contact
                .profile_keys()
                .iter()
                .filter_map(|k| p.text(k))
                .filter_map(|t| t.lines().next())
                .collect()
        })
        .unwrap_or_default();
    let from_home = contact.from_organisation(org);
    if !from_home.is_empty() {
        parts.push(from_home);
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}
