//! The manager's decision whether the regulator must be told (Regulation 40 in England's
//! children's homes; each nation's rules otherwise), beside the home's own list of events, with
//! the reason why.

use harbour_core::episode::{EpisodeEvent, EpisodeSummary};
use harbour_core::organisation::{Organisation, RegulatorRules};
use harbour_core::Field;
use harbour_i18n::Arg;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::super::fields::field_error;
use super::{at, Recorder};
use crate::i18n::{use_i18n, I18n};

/// The arguments the regulator messages take: the nation, the kind of home, the regulator's name.
pub(crate) fn regulator_args(i18n: &I18n, org: &Organisation) -> [(&'static str, Arg); 3] {
    let nation = Arg::from(org.nation.id());
    [
        ("nation", nation.clone()),
        ("home", Arg::from(org.home_kind.id())),
        (
            "regulator",
            Arg::from(i18n.tr_with("regulator-name", &[("nation", nation)])),
        ),
    ]
}

#[derive(Properties, PartialEq)]
pub struct RegulatorProps {
    pub rec: Recorder,
    pub summary: EpisodeSummary,
    pub organisation: Organisation,
}

/// The decision as recorded, with its reason; or, until it is made, the form that makes it.
#[function_component(Regulator)]
pub fn regulator(props: &RegulatorProps) -> Html {
    let i18n = use_i18n();
    let Some((notify, reason, when)) = &props.summary.regulator_decision else {
        return html! { <Decision rec={props.rec.clone()} organisation={props.organisation.clone()} /> };
    };
    let id = if *notify {
        "reg-decided-notify"
    } else {
        "reg-decided-not"
    };
    let args = [
        ("time", at(*when)),
        ("nation", Arg::from(props.organisation.nation.id())),
    ];
    html! {
        <div class="regulator" id="regulator-decision">
            <p class="recorded">
                { i18n.tr_with(id, &args) }
                <br /><bdi>{ reason }</bdi>
            </p>
        </div>
    }
}

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
    let reg_args = regulator_args(&i18n, org);
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

/// Which events the regulator must be told about: the home's own checked list, Regulation 40
/// in an English children's home, or a prompt to check and set the list.
pub(crate) fn regulator_rules(i18n: &I18n, org: &Organisation, args: &[(&str, Arg)]) -> Html {
    match org.regulator_rules() {
        RegulatorRules::Home(events) => html! {
            <div class="hint" id="reg-rules">
                <p>{ i18n.tr_with("reg-hint-home", args) }</p>
                <p class="reg-events"><bdi>{ events }</bdi></p>
                <p>{ i18n.tr("reg-hint-decide") }</p>
            </div>
        },
        RegulatorRules::Regulation40 => html! {
            <p class="hint" id="reg-rules">{ i18n.tr("reg-hint-regulation-40") }</p>
        },
        RegulatorRules::Unchecked => html! {
            <p class="hint" id="reg-rules">{ i18n.tr_with("reg-hint-unchecked", args) }</p>
        },
    }
}
