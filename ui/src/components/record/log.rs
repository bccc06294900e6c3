//! The running log of an episode: what happened, when, and who wrote it. A line is corrected
//! by a new entry that points at it; the first wording stays on record and is shown beside it.

use harbour_core::api::EpisodeView;
use harbour_core::episode::EpisodeEvent;
use harbour_core::episode::LogLine;
use harbour_core::{EventId, Field};
use harbour_i18n::Arg;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::super::fields::field_error;
use super::{at, Recorder};
use crate::i18n::use_i18n;
use crate::time;

#[derive(Properties, PartialEq)]
pub struct LogProps {
    pub rec: Recorder,
    pub view: EpisodeView,
}

#[function_component(RunningLog)]
pub fn running_log(props: &LogProps) -> Html {
    let i18n = use_i18n();
    let update = use_state(String::new);
    // The log line being corrected, and its new wording.
    let correcting = use_state(|| None::<(EventId, String)>);
    let rec = &props.rec;
    let error = rec.error();
    let v = &props.view;
    let on_update_text = {
        let update = update.clone();
        Callback::from(move |e: InputEvent| {
            update.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_update = {
        let (update, rec) = (update.clone(), rec.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let event = EpisodeEvent::Update {
                text: (*update).clone(),
            };
            let clear = update.clone();
            rec.save(event, move |_| clear.set(String::new()));
        })
    };
    let updates = v.updates();
    let log_line = |line: &LogLine| {
        let editing = correcting
            .as_ref()
            .filter(|(of, _)| *of == line.id)
            .map(|(_, text)| text.clone());
        let body = match editing {
            Some(text) => {
                let on_input = {
                    let (correcting, of) = (correcting.clone(), line.id);
                    Callback::from(move |e: InputEvent| {
                        let t = e.target_unchecked_into::<HtmlTextAreaElement>().value();
                        correcting.set(Some((of, t)));
                    })
                };
                let on_save = {
                    let (correcting, rec) = (correcting.clone(), rec.clone());
                    let (of, text) = (line.id, text.clone());
                    Callback::from(move |e: SubmitEvent| {
                        e.prevent_default();
                        let event = EpisodeEvent::UpdateCorrected {
                            of,
                            text: text.clone(),
                        };
                        let done = correcting.clone();
                        rec.save(event, move |_| done.set(None));
                    })
                };
                let on_cancel = {
                    let (correcting, rec) = (correcting.clone(), rec.clone());
                    Callback::from(move |_| {
                        correcting.set(None);
                        rec.clear_error();
                    })
                };
                html! {
                    <form id="correct-form" onsubmit={on_save} novalidate=true>
                        <label for="correct-text">{ i18n.tr("log-correct-label") }</label>
                        <textarea id="correct-text" rows="2" dir="auto" value={text}
                            aria-describedby="correct-text-error" oninput={on_input} />
                        { field_error(&i18n, error, Field::UpdateText, "correct-text-error") }
                        <button type="submit" class="secondary" id="correct-save">{ i18n.tr("log-correct-save") }</button>
                        <button type="button" class="secondary" onclick={on_cancel}>{ i18n.tr("log-correct-cancel") }</button>
                    </form>
                }
            }
            None => {
                let on_correct = {
                    let (correcting, rec) = (correcting.clone(), rec.clone());
                    let (of, text) = (line.id, line.text.clone());
                    Callback::from(move |_| {
                        rec.clear_error();
                        correcting.set(Some((of, text.clone())));
                    })
                };
                html! {
                    <>
                        <bdi>{ &line.text }</bdi>
                        if let Some(t) = line.corrected_at {
                            { " " }{ i18n.tr_with("log-corrected-mark", &[("time", at(t))]) }
                        }
                        <button type="button" class="secondary correct" onclick={on_correct}>
                            { i18n.tr("log-correct") }
                        </button>
                        { for line.was.first().map(|w| html! {
                            <span class="was">{ i18n.tr_with("log-corrected-was", &[("text", Arg::from(w.as_str()))]) }</span>
                        }) }
                    </>
                }
            }
        };
        let who = |user| {
            v.name_of(user)
                .map(str::to_owned)
                .unwrap_or_else(|| i18n.tr("author-not-known"))
        };
        let by = match line.corrected_by {
            Some(c) if c != line.by => i18n.tr_with(
                "log-by-corrected",
                &[("name", who(line.by).into()), ("corrector", who(c).into())],
            ),
            _ => i18n.tr_with("log-by", &[("name", who(line.by).into())]),
        };
        html! {
            <li data-line={line.id.to_string()}>
                <span class="when">{ time::format_local(line.at) }</span>{ " " }
                <span class="by">{ by }</span>{ " " }{ body }
            </li>
        }
    };
    let log_part = html! {
        <div class="record-part" id="updates">
            <h3>{ i18n.tr("log-title") }</h3>
            <ol class="update-log" id="update-log">
                { for updates.iter().map(log_line) }
            </ol>
            <form id="update-form" onsubmit={on_update} novalidate=true>
                <label for="update-text">{ i18n.tr("log-text") }</label>
                <textarea id="update-text" rows="3" dir="auto" value={(*update).clone()}
                    aria-describedby="update-text-error" oninput={on_update_text} />
                if correcting.is_none() {
                    { field_error(&i18n, error, Field::UpdateText, "update-text-error") }
                }
                <button type="submit" class="secondary" id="update-save">{ i18n.tr("log-add") }</button>
            </form>
        </div>
    };
    log_part
}
