//! The parts of the steps screen that use the child's profile: the checks agreed in the plan,
//! ticked with their times; Part 2 of the Philomena form (what is known about this episode);
//! and the call script — the questions police ask at report time (domain.md §2.5) with the
//! answers Harbour already holds, so the carer reads rather than remembers.

use chrono::{DateTime, Utc};
use harbour_core::api::{ApiError, EpisodeView};
use harbour_core::episode::{EpisodeEvent, EpisodeSummary, Part2Group, PART2};
use harbour_core::profile::{ProfileView, Values};
use harbour_core::{EpisodeId, MissingEpisode};
use harbour_i18n::Arg;
use serde_json::Value;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::fields::field_inputs;
use crate::i18n::{use_i18n, I18n};
use crate::time;

/// The checks agreed in the child's plan (one per line of "Checks to make before calling the
/// police"), each with a button that records it done now, or the time it was done.
pub fn checks_part(
    i18n: &I18n,
    profile: Option<&ProfileView>,
    summary: &EpisodeSummary,
    done_now: impl Fn(EpisodeEvent) -> Callback<MouseEvent>,
) -> Html {
    let agreed: Vec<String> = profile
        .and_then(|p| p.text("reasonable_steps"))
        .map(|t| {
            t.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    html! {
        <div class="record-part" id="checks">
            <h3>{ i18n.tr("checks-title") }</h3>
            if agreed.is_empty() {
                <p class="hint" id="checks-none">{ i18n.tr("checks-none") }</p>
            } else {
                <ul class="checks">
                    { for agreed.into_iter().map(|check| {
                        let done = summary.checks.iter().find(|(c, _)| *c == check).map(|(_, t)| *t);
                        html! {
                            <li data-check={check.clone()}>
                                <bdi>{ &check }</bdi>
                                if let Some(t) = done {
                                    <span class="told">{ i18n.tr_with("checks-done-at", &[("time", time::format_local(t).into())]) }</span>
                                } else {
                                    <button class="secondary small"
                                        aria-label={i18n.tr_with("checks-done-label", &[("check", Arg::from(check.as_str()))])}
                                        onclick={done_now(EpisodeEvent::CheckDone { check: check.clone() })}>
                                        { i18n.tr("checks-done-now") }
                                    </button>
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct DetailsProps {
    pub episode_id: EpisodeId,
    /// The details saved last, and when.
    pub saved: Option<(Values, DateTime<Utc>)>,
    pub on_saved: Callback<EpisodeView>,
}

/// Part 2: where and with whom they were last seen, clothing item by item, what they took,
/// mood and trigger. Saved whole each time; the latest stands, the earlier stay on record.
#[function_component(DetailsForm)]
pub fn details_form(props: &DetailsProps) -> Html {
    let i18n = use_i18n();
    let saved_values = props.saved.as_ref().map(|(v, _)| v.clone());
    let editing = use_state(|| saved_values.clone().unwrap_or_default());
    let error = use_state(|| None::<ApiError>);
    let backend = crate::backend::use_backend();
    let on_change = {
        let editing = editing.clone();
        Callback::from(move |(key, v): (&'static str, Value)| {
            let mut next = (*editing).clone();
            next.insert(key.to_owned(), v);
            editing.set(next);
        })
    };
    let on_save = {
        let (editing, error) = (editing.clone(), error.clone());
        let (episode_id, on_saved) = (props.episode_id, props.on_saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // Every field, so a cleared one is cleared in what stands.
            let values: Values = PART2
                .iter()
                .map(|f| {
                    let v = editing.get(f.key).cloned().unwrap_or(Value::Null);
                    (f.key.to_owned(), v)
                })
                .collect();
            let (error, on_saved, backend) = (error.clone(), on_saved.clone(), backend.clone());
            spawn_local(async move {
                let event = EpisodeEvent::Details { values };
                match backend.record_event(episode_id, &event).await {
                    Ok(view) => {
                        error.set(None);
                        on_saved.emit(view);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let problems = (*error)
        .as_ref()
        .map(|e| e.profile_fields.clone())
        .unwrap_or_default();
    html! {
        <div class="record-part" id="part2">
            <h3>{ i18n.tr("part2-title") }</h3>
            <p class="hint">{ i18n.tr("part2-intro") }</p>
            if let Some((_, at)) = &props.saved {
                <p class="recorded" id="part2-saved">{ i18n.tr_with("part2-saved", &[("time", time::format_local(*at).into())]) }</p>
            }
            <form id="part2-form" onsubmit={on_save} novalidate=true>
                { for Part2Group::ALL.into_iter().map(|g| {
                    let inputs = field_inputs(&i18n, g.fields(), &editing, &problems, &on_change);
                    match g.title_id() {
                        Some(legend) => html! {
                            <fieldset class={classes!((g == Part2Group::Took).then_some("took"))}>
                                <legend>{ i18n.tr(legend) }</legend>
                                { inputs }
                            </fieldset>
                        },
                        None => inputs,
                    }
                }) }
                if let Some(e) = (*error).as_ref().filter(|e| e.profile_fields.is_empty()) {
                    <p class="banner error" role="alert">{ i18n.tr(&e.message_id) }</p>
                }
                <button type="submit" class="primary" id="part2-save">{ i18n.tr("part2-save") }</button>
            </form>
        </div>
    }
}

/// The call script as a list of questions and answers.
pub fn call_script(
    i18n: &I18n,
    profile: &ProfileView,
    episode: &MissingEpisode,
    summary: &EpisodeSummary,
    nation: &'static str,
) -> Html {
    let name = Arg::from(profile.child.details.name_latin.as_str());
    html! {
        <div class="record-part" id="call-script">
            <h3>{ i18n.tr("script-title") }</h3>
            <p class="banner info">{ i18n.tr_with("script-intro", &[("name", name), ("nation", nation.into())]) }</p>
            <dl class="script">
                { for harbour_core::police::questions(profile, episode, summary, i18n).into_iter().map(|(q, a)| html! {
                    <div class={classes!("qa", a.is_none().then_some("missing"))} data-question={q}>
                        <dt>{ i18n.tr(q) }</dt>
                        <dd>{ a.unwrap_or_else(|| i18n.tr("script-not-recorded")) }</dd>
                    </div>
                }) }
            </dl>
        </div>
    }
}
