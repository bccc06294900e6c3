//! The child found: when (now unless typed), by whom, where, and how they came back; if later,
//! when they were back at the placement (the 72 hours run from then); or, with the child still
//! missing, the episode ended for a reason (they are counted as never found).

use harbour_core::episode::{EndReason, EpisodeEvent};
use harbour_core::Field;
use harbour_i18n::Arg;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::super::fields;
use super::super::when::{not_a_time, now_typed, WhenField};
use super::{at, field_message, Recorder};
use crate::i18n::use_i18n;
use crate::time;

#[derive(Clone, Default, PartialEq)]
struct Typed {
    at: String,
    by: String,
    place: String,
    how: String,
}

#[derive(Properties, PartialEq)]
pub struct FoundProps {
    pub rec: Recorder,
    /// The child's name.
    pub name: String,
}

#[function_component(Found)]
pub fn found(props: &FoundProps) -> Html {
    let i18n = use_i18n();
    // An untouched "found at" means now (when saved), not when the screen was opened.
    let found = use_state(Typed::default);
    let rec = &props.rec;
    let name = Arg::from(props.name.as_str());
    let on_found = {
        let (found, rec) = (found.clone(), rec.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let typed = if found.at.is_empty() {
                Some(time::now())
            } else {
                time::from_typed(&found.at)
            };
            let Some(found_at) = typed else {
                rec.fail(not_a_time(Field::FoundAt));
                return;
            };
            let event = EpisodeEvent::Found {
                found_at,
                found_by: found.by.clone(),
                where_found: found.place.clone(),
                how_returned: found.how.clone(),
            };
            rec.save(event, |_| {});
        })
    };
    html! {
        <form id="found-form" onsubmit={on_found} novalidate=true>
            <WhenField id="found-at" label={i18n.tr_with("found-at", &[("name", name.clone())])}
                value={if found.at.is_empty() { now_typed() } else { found.at.clone() }}
                error={field_message(rec.error(), Field::FoundAt)} ago=true
                oninput={{
                    let found = found.clone();
                    Callback::from(move |v: String| {
                        let mut next = (*found).clone();
                        next.at = v;
                        found.set(next);
                    })
                }} />
            <div class="field">
                <label for="found-by">{ i18n.tr("found-by") }</label>
                <input id="found-by" value={found.by.clone()}
                    oninput={fields::edit(&found, |f, v| f.by = v)} />
            </div>
            <div class="field">
                <label for="found-where">{ i18n.tr("found-where") }</label>
                <input id="found-where" value={found.place.clone()}
                    oninput={fields::edit(&found, |f, v| f.place = v)} />
            </div>
            <div class="field">
                <label for="found-how">{ i18n.tr("found-how") }</label>
                <input id="found-how" value={found.how.clone()}
                    oninput={fields::edit(&found, |f, v| f.how = v)} />
            </div>
            <button type="submit" class="primary" id="found-save">
                { i18n.tr_with("found-save", &[("name", name.clone())]) }
            </button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct BackProps {
    pub rec: Recorder,
    /// When the child was back at the placement, once recorded.
    pub back_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// When the child was back at the placement, if later than found: as recorded, or the form.
#[function_component(BackAt)]
pub fn back_at(props: &BackProps) -> Html {
    let i18n = use_i18n();
    let back_at = use_state(String::new);
    let rec = &props.rec;
    if let Some(t) = props.back_at {
        return html! {
            <p class="recorded" id="back-at-recorded">{ i18n.tr_with("back-at-recorded", &[("time", at(t))]) }</p>
        };
    }
    let on_submit = {
        let (back_at, rec) = (back_at.clone(), rec.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(t) = time::from_typed(&back_at) else {
                rec.fail(not_a_time(Field::BackAt));
                return;
            };
            let clear = back_at.clone();
            rec.save(EpisodeEvent::BackAtPlacement { back_at: t }, move |_| {
                clear.set(String::new())
            });
        })
    };
    // Empty until typed: a time back that was not typed would move the 72 hours.
    let shown = (*back_at).clone();
    let on_input = {
        let back_at = back_at.clone();
        Callback::from(move |v: String| back_at.set(v))
    };
    html! {
        <form id="back-at-form" onsubmit={on_submit} novalidate=true>
            <WhenField id="back-at" label={i18n.tr("back-at-label")} value={shown}
                error={field_message(rec.error(), Field::BackAt)} oninput={on_input} />
            <button type="submit" class="secondary" id="back-at-save">{ i18n.tr("back-at-save") }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct EndProps {
    pub rec: Recorder,
    /// The child's name.
    pub name: String,
}

/// Ending the episode with the child still missing (placement ended, moved on, an adult now),
/// with a reason and a note; the child can still be found afterwards.
#[function_component(EndMissing)]
pub fn end_missing(props: &EndProps) -> Html {
    let i18n = use_i18n();
    let reason = use_state(|| EndReason::PlacementEnded);
    let note = use_state(String::new);
    let name = [("name", Arg::from(props.name.as_str()))];
    let on_reason = {
        let reason = reason.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(r) = EndReason::ALL.into_iter().find(|r| r.message_id() == value) {
                reason.set(r);
            }
        })
    };
    let on_note = {
        let note = note.clone();
        Callback::from(move |e: InputEvent| {
            note.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_submit = {
        let (reason, note, rec) = (reason.clone(), note.clone(), props.rec.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let event = EpisodeEvent::EndedWithoutReturn {
                reason: *reason,
                note: (*note).clone(),
            };
            rec.save_and_reload(event, true);
        })
    };
    html! {
        <details class="end-missing" id="end-missing">
            <summary>{ i18n.tr_with("end-missing-title", &name) }</summary>
            <p class="hint">{ i18n.tr_with("end-missing-hint", &name) }</p>
            <form id="end-missing-form" onsubmit={on_submit} novalidate=true>
                <label for="end-reason">{ i18n.tr("end-reason") }</label>
                <select id="end-reason" onchange={on_reason}>
                    { for EndReason::ALL.into_iter().map(|r| html! {
                        <option value={r.message_id()} selected={*reason == r}>
                            { i18n.tr_with(r.message_id(), &name) }
                        </option>
                    }) }
                </select>
                <label for="end-note">{ i18n.tr("end-missing-note") }</label>
                <textarea id="end-note" rows="2" dir="auto" value={(*note).clone()} oninput={on_note} />
                <button type="submit" class="secondary" id="end-missing-save">
                    { i18n.tr_with("end-missing-save", &name) }
                </button>
            </form>
        </details>
    }
}
