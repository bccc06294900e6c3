//! The parts of the steps screen that use the child's profile: the checks agreed in the plan,
//! ticked with their times; Part 2 of the Philomena form (what is known about this episode);
//! and the call script — the questions police ask at report time (domain.md §2.5) with the
//! answers Harbour already holds, so the carer reads rather than remembers.

use chrono::{DateTime, Utc};
use harbour_core::api::{ApiError, EpisodeView};
use harbour_core::profile::{Kind, PhotoWarning, ProfileView, Section, Values};
use harbour_core::workflow::{EpisodeEvent, EpisodeSummary, PART2};
use harbour_core::{EpisodeId, MissingEpisode};
use harbour_i18n::Arg;
use serde::Serialize;
use serde_json::Value;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::profile::field_inputs;
use crate::i18n::{use_i18n, I18n};
use crate::ipc;
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

#[derive(Serialize)]
struct EventArgs<'a> {
    episode_id: EpisodeId,
    event: &'a EpisodeEvent,
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
            let (error, on_saved) = (error.clone(), on_saved.clone());
            spawn_local(async move {
                let event = EpisodeEvent::Details { values };
                match ipc::call::<_, EpisodeView>(
                    "record_event",
                    &EventArgs {
                        episode_id,
                        event: &event,
                    },
                )
                .await
                {
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
    let (basics, rest) = PART2.split_at(5);
    let (clothing, rest) = rest.split_at(7);
    let (took, rest) = rest.split_at(8);
    html! {
        <div class="record-part" id="part2">
            <h3>{ i18n.tr("part2-title") }</h3>
            <p class="hint">{ i18n.tr("part2-intro") }</p>
            if let Some((_, at)) = &props.saved {
                <p class="recorded" id="part2-saved">{ i18n.tr_with("part2-saved", &[("time", time::format_local(*at).into())]) }</p>
            }
            <form id="part2-form" onsubmit={on_save} novalidate=true>
                { field_inputs(&i18n, basics, &editing, &problems, &on_change) }
                <fieldset>
                    <legend>{ i18n.tr("part2-clothing") }</legend>
                    { field_inputs(&i18n, clothing, &editing, &problems, &on_change) }
                </fieldset>
                <fieldset class="took">
                    <legend>{ i18n.tr("part2-took") }</legend>
                    { field_inputs(&i18n, took, &editing, &problems, &on_change) }
                </fieldset>
                { field_inputs(&i18n, rest, &editing, &problems, &on_change) }
                if let Some(e) = (*error).as_ref().filter(|e| e.profile_fields.is_empty()) {
                    <p class="banner error" role="alert">{ i18n.tr(&e.message_id) }</p>
                }
                <button type="submit" class="primary" id="part2-save">{ i18n.tr("part2-save") }</button>
            </form>
        </div>
    }
}

/// A text value from the profile or Part 2, if filled in.
fn text<'a>(values: Option<&'a Values>, key: &str) -> Option<&'a str> {
    values?
        .get(key)?
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn flag(values: Option<&Values>, key: &str) -> bool {
    values
        .and_then(|v| v.get(key))
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

/// The questions police ask when a child is reported missing (domain.md §2.5), each with what
/// Harbour holds. `None` answers show as "not recorded yet", so the gap is visible.
pub fn call_script_answers(
    i18n: &I18n,
    profile: &ProfileView,
    episode: &MissingEpisode,
    summary: &EpisodeSummary,
) -> Vec<(&'static str, Option<String>)> {
    let part2 = summary.details.as_ref().map(|(v, _)| v);
    let p = |key: &str| profile.text(key).map(str::to_owned);
    let join = |parts: Vec<Option<String>>| {
        let parts: Vec<String> = parts.into_iter().flatten().collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    };
    // "Label: value" for each filled-in key, looked up with `get`.
    let labelled = |get: &dyn Fn(&str) -> Option<String>, keys: &[&str]| -> Vec<Option<String>> {
        keys.iter()
            .map(|k| {
                get(k).map(|v| format!("{}: {v}", i18n.tr(&harbour_core::profile::label_id(k))))
            })
            .collect()
    };
    let in_part2 = |k: &str| text(part2, k).map(str::to_owned);
    let yes = |key: &str| i18n.tr(&harbour_core::profile::label_id(key));

    let last_seen = join(vec![
        Some(time::format_local(episode.last_seen_at)),
        text(part2, "where_last_seen").map(str::to_owned),
        text(part2, "seen_by").map(|s| i18n.tr_with("script-seen-by", &[("who", s.into())])),
        text(part2, "with_whom").map(|s| i18n.tr_with("script-with", &[("who", s.into())])),
    ]);
    let description = join(
        [
            labelled(&p, &["height", "build", "hair", "eyes", "skin", "marks"]),
            labelled(
                &in_part2,
                &[
                    "clothing_head",
                    "clothing_upper",
                    "clothing_lower",
                    "clothing_footwear",
                    "clothing_outerwear",
                    "clothing_jewellery",
                    "clothing_bags",
                ],
            ),
        ]
        .concat(),
    );
    let photo = Some(match &profile.photo_warning {
        None => i18n.tr("script-photo-yes"),
        Some(PhotoWarning::NoPhoto) => i18n.tr("script-photo-none"),
        Some(PhotoWarning::NoDate) => i18n.tr("script-photo-no-date"),
        Some(PhotoWarning::Old { taken_on }) => i18n.tr_with(
            "script-photo-old",
            &[("date", taken_on.format("%d/%m/%Y").to_string().into())],
        ),
    });
    let enquiries = join(
        summary
            .checks
            .iter()
            .map(|(c, t)| Some(format!("{c} ({})", time::format_local(*t))))
            .chain([text(part2, "steps_taken").map(str::to_owned)])
            .collect(),
    );
    let character = flag(part2, "out_of_character").then(|| yes("out_of_character"));
    let earlier = profile
        .history
        .iter()
        .filter(|e| e.last_seen_at < episode.last_seen_at)
        .count();
    let previous = join(vec![
        (earlier > 0).then(|| {
            i18n.tr_with(
                "script-previous-count",
                &[("count", (earlier as i64).into())],
            )
        }),
        p("earlier_episodes"),
        p("found_before").map(|f| {
            format!(
                "{}: {f}",
                i18n.tr(&harbour_core::profile::label_id("found_before"))
            )
        }),
    ]);
    let going = join(vec![
        text(part2, "may_be_going").map(str::to_owned),
        text(part2, "direction").map(str::to_owned),
        p("locations"),
    ]);
    let phone = join(vec![
        p("mobile_numbers"),
        flag(part2, "took_phone").then(|| i18n.tr("script-took-phone")),
    ]);
    let people = join(vec![p("associates"), p("friends"), p("family")]);
    let medication = p("medication").map(|m| {
        let mut answer = m;
        if profile.flag("critical_medication") {
            answer = format!("{answer} — {}", yes("critical_medication"));
        }
        let with_them = if flag(part2, "took_medication") {
            i18n.tr("script-medication-with-them")
        } else {
            i18n.tr("script-medication-not-taken")
        };
        format!("{answer}; {with_them}")
    });
    // Every risk flag of the profile, and self-harm from the health section.
    let risk_flags: Vec<Option<String>> = Section::Risks
        .fields()
        .iter()
        .filter(|f| f.kind == Kind::Flag)
        .map(|f| f.key)
        .chain(["self_harm_risk"])
        .map(|k| profile.flag(k).then(|| yes(k)))
        .collect();
    let d = &profile.child.details;
    let risk = join(
        [
            vec![
                d.unaccompanied.then(|| i18n.tr("child-flag-unaccompanied")),
                d.suspected_trafficked
                    .then(|| i18n.tr("child-flag-trafficked")),
            ],
            risk_flags,
            vec![
                p("warning_markers"),
                text(part2, "trigger").map(str::to_owned),
                text(part2, "mood").map(str::to_owned),
            ],
        ]
        .concat(),
    );
    vec![
        ("script-q-last-seen", last_seen),
        ("script-q-description", description),
        ("script-q-photo", photo),
        ("script-q-enquiries", enquiries),
        ("script-q-character", character),
        ("script-q-previous", previous),
        ("script-q-going", going),
        ("script-q-phone", phone),
        ("script-q-people", people),
        ("script-q-online", p("accounts")),
        ("script-q-medication", medication),
        ("script-q-risk", risk),
    ]
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
                { for call_script_answers(i18n, profile, episode, summary).into_iter().map(|(q, a)| html! {
                    <div class={classes!("qa", a.is_none().then_some("missing"))} data-question={q}>
                        <dt>{ i18n.tr(q) }</dt>
                        <dd>{ a.unwrap_or_else(|| i18n.tr("script-not-recorded")) }</dd>
                    </div>
                }) }
            </dl>
        </div>
    }
}
