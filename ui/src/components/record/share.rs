//! Who the grab sheet was given to, how, and on what basis: each time recorded, the usual
//! basis offered first.

use harbour_core::episode::{EpisodeEvent, EpisodeSummary, ShareMethod};
use harbour_core::Field;
use harbour_i18n::Arg;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::super::fields::{self, field_error};
use super::{at, Recorder};
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub rec: Recorder,
    pub summary: EpisodeSummary,
}

#[function_component(SheetSharing)]
pub fn sheet_sharing(props: &ShareProps) -> Html {
    let i18n = use_i18n();
    // (with, how, basis); the basis starts with the usual one.
    let share = use_state(|| (String::new(), String::new(), None::<String>));
    let rec = &props.rec;
    let error = rec.error();
    let s = &props.summary;
    let basis = share
        .2
        .clone()
        .unwrap_or_else(|| i18n.tr("share-basis-default"));
    let on_with = {
        let share = share.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*share).clone();
            next.0 = fields::input_value(&e);
            share.set(next);
        })
    };
    let on_how = {
        let share = share.clone();
        Callback::from(move |e: Event| {
            let mut next = (*share).clone();
            next.1 = e.target_unchecked_into::<HtmlSelectElement>().value();
            share.set(next);
        })
    };
    let on_basis = {
        let share = share.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*share).clone();
            next.2 = Some(fields::input_value(&e));
            share.set(next);
        })
    };
    let on_submit = {
        let (share, rec, basis) = (share.clone(), rec.clone(), basis.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let how = ShareMethod::ALL
                .into_iter()
                .find(|m| m.message_id() == share.1)
                .unwrap_or(ShareMethod::HandedToOfficer);
            let event = EpisodeEvent::SheetShared {
                with: share.0.clone(),
                how,
                basis: basis.clone(),
            };
            let clear = share.clone();
            rec.save(event, move |_| {
                clear.set((String::new(), String::new(), None))
            });
        })
    };
    html! {
        <div class="record-part" id="sharing">
            <h3>{ i18n.tr("share-title") }</h3>
            <ul class="shared" id="shared-list">
                { for s.shared.iter().map(|x| html! {
                    <li>{ i18n.tr_with("share-recorded", &[
                        ("with", Arg::from(x.with.as_str())),
                        ("how", Arg::from(i18n.tr(x.how.message_id()))),
                        ("basis", Arg::from(x.basis.as_str())),
                        ("time", at(x.at)),
                    ]) }</li>
                }) }
            </ul>
            <form id="share-form" onsubmit={on_submit} novalidate=true>
                <div class="field">
                    <label for="share-with">{ i18n.tr("share-with") }</label>
                    <input id="share-with" value={share.0.clone()} aria-describedby="share-with-error" oninput={on_with} />
                    { field_error(&i18n, error, Field::SharedWith, "share-with-error") }
                </div>
                <div class="field">
                    <label for="share-how">{ i18n.tr("share-how") }</label>
                    <select id="share-how" onchange={on_how}>
                        { for ShareMethod::ALL.into_iter().map(|m| html! {
                            <option value={m.message_id()} selected={share.1 == m.message_id()}>{ i18n.tr(m.message_id()) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="share-basis">{ i18n.tr("share-basis") }</label>
                    <input id="share-basis" value={basis} aria-describedby="share-basis-error" oninput={on_basis} />
                    { field_error(&i18n, error, Field::Basis, "share-basis-error") }
                </div>
                <button type="submit" class="secondary" id="share-save">{ i18n.tr("share-save") }</button>
            </form>
        </div>
    }
}
