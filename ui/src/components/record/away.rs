//! Away with whereabouts known (domain.md: not missing, but watched): the form that records
//! where the child is believed to be, and once recorded, the one step that turns it into missing.

use harbour_core::api::EpisodeView;
use harbour_core::episode::EpisodeEvent;
use harbour_core::Field;
use harbour_i18n::Arg;
use yew::prelude::*;

use super::super::fields::{self, field_error};
use super::{at, Recorder};
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct AwayProps {
    pub rec: Recorder,
    pub view: EpisodeView,
    /// The child's name.
    pub name: String,
    /// Unaccompanied or suspected trafficked: away is treated as missing at once.
    pub escalated: bool,
}

#[function_component(Away)]
pub fn away(props: &AwayProps) -> Html {
    let i18n = use_i18n();
    let whereabouts = use_state(String::new);
    let (rec, v) = (&props.rec, &props.view);
    let s = &v.summary;
    let name = [("name", Arg::from(props.name.as_str()))];
    if let Some((place, since)) = s.away.clone().filter(|_| s.is_away()) {
        let now_missing = {
            let rec = rec.clone();
            Callback::from(move |_| rec.save_and_reload(EpisodeEvent::NowMissing, false))
        };
        let recorded = [("time", at(since)), ("where", Arg::from(place.as_str()))];
        return html! {
            <div class="record-part" id="away">
                <p class="banner notice" id="away-recorded">{ i18n.tr_with("away-recorded", &recorded) }</p>
                if props.escalated {
                    <p class="hint" id="away-escalated">{ i18n.tr_with("away-escalated", &name) }</p>
                }
                <button class="danger" id="away-now-missing" onclick={now_missing}>
                    { i18n.tr_with("away-now-missing", &name) }
                </button>
            </div>
        };
    }
    let closed = s.closed_at.is_some() || v.episode.closed_at.is_some();
    if s.found.is_some() || closed {
        return html! {};
    }
    let on_where = fields::edit(&whereabouts, |w, v| *w = v);
    let on_submit = {
        let (whereabouts, rec) = (whereabouts.clone(), rec.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let event = EpisodeEvent::Away {
                whereabouts: (*whereabouts).clone(),
            };
            rec.save_and_reload(event, false);
        })
    };
    html! {
        <details class="record-part" id="away">
            <summary>{ i18n.tr_with("away-title", &name) }</summary>
            <p class="hint">{ i18n.tr_with("away-hint", &name) }</p>
            <form id="away-form" onsubmit={on_submit} novalidate=true>
                <label for="away-where">{ i18n.tr_with("away-where", &name) }</label>
                <input id="away-where" value={(*whereabouts).clone()} aria-describedby="away-where-error" oninput={on_where} />
                { field_error(&i18n, rec.error(), Field::Whereabouts, "away-where-error") }
                <button type="submit" class="secondary" id="away-save">{ i18n.tr_with("away-save", &name) }</button>
            </form>
        </details>
    }
}
