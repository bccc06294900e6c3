//! The milestones of a long episode (a day, a week, a month missing): what was done at each, and
//! each that is due now with the button that records it done.

use harbour_core::api::EpisodeView;
use harbour_core::episode::EpisodeEvent;
use harbour_core::organisation::Nation;
use harbour_i18n::Arg;
use yew::prelude::*;

use super::{at, Recorder};
use crate::i18n::use_i18n;
use crate::time;

#[derive(Properties, PartialEq)]
pub struct MilestonesProps {
    pub rec: Recorder,
    pub view: EpisodeView,
    /// The child's name.
    pub name: String,
    pub nation: Nation,
}

#[function_component(Milestones)]
pub fn milestones(props: &MilestonesProps) -> Html {
    let i18n = use_i18n();
    let (v, s) = (&props.view, &props.view.summary);
    let due_now = harbour_core::milestones::due(&v.episode, s, time::now());
    if due_now.is_empty() && s.milestones.is_empty() {
        return html! {};
    }
    let args = [
        ("name", Arg::from(props.name.as_str())),
        ("nation", Arg::from(props.nation.id())),
    ];
    html! {
        <div class="record-part" id="milestones">
            <h3>{ i18n.tr("milestones-title") }</h3>
            <ul class="contacts">
                { for s.milestones.iter().map(|(m, t)| html! {
                    <li data-milestone={m.message_id()}>
                        <span>{ i18n.tr_with(m.message_id(), &args) }</span>
                        <span class="told">{ i18n.tr_with("checks-done-at", &[("time", at(*t))]) }</span>
                    </li>
                }) }
                { for due_now.iter().map(|m| html! {
                    <li data-milestone={m.message_id()} class="due">
                        <span>{ i18n.tr_with(m.message_id(), &args) }</span>
                        <button class="secondary small"
                            onclick={props.rec.on_click(EpisodeEvent::MilestoneDone { milestone: *m })}>
                            { i18n.tr("checks-done-now") }
                        </button>
                    </li>
                }) }
            </ul>
        </div>
    }
}
