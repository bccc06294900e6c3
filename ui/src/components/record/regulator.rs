//! The manager's decision whether the regulator must be told (Regulation 40 in England's
//! children's homes; each nation's rules otherwise), beside the home's own list of events, with
//! the reason why.

use harbour_core::episode::EpisodeEvent;
use harbour_core::organisation::Organisation;
use harbour_core::Field;
use harbour_i18n::Arg;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::super::fields::field_error;
use super::{regulator_rules, Recorder};
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct DecisionProps {
    pub rec: Recorder,
    pub organisation: Organisation,
}

#[function_component(Decision)]
pub fn decision(props: &DecisionProps) -> Html {
    let i18n = use_i18n();
    let reg_reason = use_state(String::new);
    let (rec, org) = (&props.rec, &props.organisation);
    let nation = Arg::from(org.nation.id());
    let reg_args = [
        ("nation", nation.clone()),
        ("home", Arg::from(org.home_kind.id())),
        (
            "regulator",
            Arg::from(i18n.tr_with("regulator-name", &[("nation", nation)])),
        ),
    ];
    let decide = |notify: bool| {
        let (reason, rec) = (reg_reason.clone(), rec.clone());
        Callback::from(move |_| {
            let event = EpisodeEvent::RegulatorDecision {
                notify,
                reason: (*reason).clone(),
            };
            rec.save(event, |_| {});
        })
    };
    let on_reason = {
        let reg_reason = reg_reason.clone();
        Callback::from(move |e: InputEvent| {
            reg_reason.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    html! {
        <div class="regulator" id="regulator-decision">
            <h4>{ i18n.tr_with("reg-title", &reg_args) }</h4>
            { regulator_rules(&i18n, org, &reg_args) }
            <label for="reg-reason">{ i18n.tr("reg-reason") }</label>
            <textarea id="reg-reason" rows="2" value={(*reg_reason).clone()}
                aria-describedby="reg-reason-error" oninput={on_reason} />
            { field_error(&i18n, rec.error(), Field::Reason, "reg-reason-error") }
            <div class="actions">
                <button class="primary" id="reg-notify" onclick={decide(true)}>
                    { i18n.tr_with("reg-notify", &reg_args) }
                </button>
                <button class="secondary" id="reg-not-needed" onclick={decide(false)}>
                    { i18n.tr("reg-not-needed") }
                </button>
            </div>
        </div>
    }
}
