//! The return interview on an episode's record: where it stands (due, offered and still due,
//! overdue, held in time or not, declined) and four short forms for the facts — it was
//! offered, it took place, the child said no, it was not offered. Each is an insert-only event;
//! the rules (what ends it, what "within 72 hours" means) are `harbour_core::interview`'s.

use harbour_core::api::{ApiError, EpisodeView};
use harbour_core::episode::{EpisodeEvent, EpisodeSummary, InterviewMode, InterviewStatus};
use harbour_core::interview::{spoken_span, DueStep, InterviewTiming};
use harbour_core::organisation::Nation;
use harbour_core::{EpisodeId, Field};
use harbour_i18n::Arg;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::fields::{self, field_error};
use super::when::{not_a_time, now_typed, WhenField};
use crate::i18n::{use_i18n, I18n};
use crate::time;

#[derive(Properties, PartialEq)]
pub struct InterviewProps {
    pub episode_id: EpisodeId,
    pub summary: EpisodeSummary,
    pub name: String,
    pub nation: Nation,
    /// The home's timing: when the interview is to be arranged and held.
    pub timing: InterviewTiming,
    pub on_saved: Callback<EpisodeView>,
}

/// What the four forms hold; an empty time means "now" (what the field shows).
#[derive(Clone, Default, PartialEq)]
struct Forms {
    offered_at: String,
    service: String,
    held_at: String,
    held_by: String,
    independent: String,
    mode: String,
    declined_at: String,
    reason: String,
    reoffer_on: String,
    not_offered: String,
}

/// Which form the last problem belongs to, so it is shown beside that form only.
#[derive(Clone, Copy, PartialEq)]
enum Which {
    Offer,
    Held,
    Declined,
    NotOffered,
}

fn mode_of(value: &str) -> InterviewMode {
    InterviewMode::ALL
        .into_iter()
        .find(|m| m.message_id() == value)
        .unwrap_or(InterviewMode::InPerson)
}

/// "72 hours", "7 days": a span of the home's timing as the messages say it.
pub fn span(i18n: &I18n, hours: u32) -> Arg {
    let (count, unit) = spoken_span(hours);
    Arg::from(i18n.tr_with(
        "interview-span",
        &[
            ("count", Arg::from(i64::from(count))),
            ("unit", Arg::from(unit)),
        ],
    ))
}

/// "Return interview due by …", offered and still due, overdue, held, or declined.
pub fn status_line(
    i18n: &I18n,
    s: &EpisodeSummary,
    name: &str,
    nation: Nation,
    timing: &InterviewTiming,
) -> Html {
    let at = |t| Arg::from(time::format_local(t));
    let step_args = |step: DueStep| {
        [
            ("step", Arg::from(step.id())),
            ("span", span(i18n, timing.hours_for(step))),
        ]
    };
    let (name, nation) = (Arg::from(name), Arg::from(nation.id()));
    let facts = &s.interview_facts;
    let offered = facts.last_offer().map(|o| {
        let service = if o.service.is_empty() {
            "none"
        } else {
            &o.service
        };
        (at(o.at), Arg::from(service))
    });
    let not_offered = facts.not_offered.as_ref().map(|n| {
        html! {
            <p class="hint" id="interview-not-offered">
                { i18n.tr_with("interview-not-offered-recorded", &[("reason", Arg::from(n.reason.as_str()))]) }
            </p>
        }
    });
    let still_due = |by| {
        offered.clone().map(|(date, service)| {
            html! {
                <p class="recorded" id="interview-offered">
                    { i18n.tr_with("interview-still-due", &[
                        ("date", date), ("service", service), ("time", at(by)),
                        ("name", name.clone()), ("nation", nation.clone()),
                    ]) }
                </p>
            }
        })
    };
    match s.interview {
        Some(InterviewStatus::Due { by, step }) => html! {
            <>
                <p class="banner info" id="interview-status">
                    { i18n.tr_with("interview-due", &[
                        &[("time", at(by)), ("name", name.clone()), ("nation", nation.clone())][..],
                        &step_args(step),
                    ].concat()) }
                </p>
                { for still_due(by) }
                { for not_offered }
            </>
        },
        Some(InterviewStatus::Overdue { since, step }) => html! {
            <>
                <p class="banner error" role="alert" id="interview-status">
                    { i18n.tr_with("interview-overdue", &[
                        &[("time", at(since)), ("nation", nation.clone())][..],
                        &step_args(step),
                    ].concat()) }
                </p>
                { for still_due(since) }
                { for not_offered }
            </>
        },
        Some(InterviewStatus::Held {
            at: held_at,
            in_time,
            ..
        }) => {
            let by = facts
                .held
                .as_ref()
                .map(|h| h.by.as_str())
                .filter(|b| !b.is_empty())
                .unwrap_or("none");
            let within = match in_time {
                Some(true) => "yes",
                Some(false) => "no",
                None => "unknown",
            };
            let when = held_at.map(time::format_local).unwrap_or_default();
            html! {
                <p class="banner notice" id="interview-status">
                    { i18n.tr_with("interview-held-recorded", &[
                        ("time", Arg::from(when)), ("by", Arg::from(by)),
                        ("within", Arg::from(within)), ("nation", nation.clone()),
                        ("span", span(i18n, timing.hold_within_hours)),
                    ]) }
                </p>
            }
        }
        Some(InterviewStatus::Declined { at: when }) => {
            let reoffer = facts
                .declined
                .as_ref()
                .and_then(|d| d.reoffer_on)
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_else(|| "none".into());
            html! {
                <p class="banner notice" id="interview-status">
                    { i18n.tr_with("interview-declined-recorded", &[
                        ("name", name.clone()), ("nation", nation.clone()),
                        ("time", at(when)), ("reoffer", Arg::from(reoffer)),
                    ]) }
                </p>
            }
        }
        Some(InterviewStatus::NotYet) | None => html! {},
    }
}

#[function_component(InterviewRecord)]
pub fn interview_record(props: &InterviewProps) -> Html {
    let i18n = use_i18n();
    let forms = use_state(Forms::default);
    let error = use_state(|| None::<(Which, ApiError)>);
    let backend = crate::backend::use_backend();
    let s = &props.summary;
    let name = Arg::from(props.name.as_str());
    let nation = Arg::from(props.nation.id());
    let status = status_line(&i18n, s, &props.name, props.nation, &props.timing);
    if matches!(s.interview, Some(InterviewStatus::Held { .. }) | None) {
        return status;
    }

    // Reads a typed time (empty: now), then sends what `build` makes of it.
    let submit =
        |which: Which,
         field: Field,
         build: fn(&Forms, chrono::DateTime<chrono::Utc>) -> EpisodeEvent| {
            let (forms, error, on_saved, episode_id) = (
                forms.clone(),
                error.clone(),
                props.on_saved.clone(),
                props.episode_id,
            );
            let backend = backend.clone();
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let typed = match which {
                    Which::Offer => &forms.offered_at,
                    Which::Held => &forms.held_at,
                    Which::Declined => &forms.declined_at,
                    Which::NotOffered => "",
                };
                let at = if typed.trim().is_empty() {
                    Some(time::now())
                } else {
                    time::from_typed(typed)
                };
                let Some(at) = at else {
                    error.set(Some((which, not_a_time(field))));
                    return;
                };
                let reoffer = forms.reoffer_on.trim();
                if which == Which::Declined
                    && !reoffer.is_empty()
                    && harbour_core::when::parse_date(reoffer).is_none()
                {
                    error.set(Some((
                        which,
                        ApiError {
                            message_id: "error-reoffer-not-a-date".into(),
                            fields: Vec::new(),
                            ..not_a_time(field)
                        },
                    )));
                    return;
                }
                let event = build(&forms, at);
                let (forms, error, on_saved) = (forms.clone(), error.clone(), on_saved.clone());
                super::record::send(&backend, episode_id, event, move |result| match result {
                    Ok(v) => {
                        error.set(None);
                        forms.set(Forms::default());
                        on_saved.emit(v);
                    }
                    Err(e) => error.set(Some((which, e))),
                });
            })
        };
    let on_offer = submit(Which::Offer, Field::InterviewAt, |f, at| {
        EpisodeEvent::InterviewOffered {
            offered_at: at,
            service: f.service.clone(),
        }
    });
    let on_held = submit(Which::Held, Field::InterviewAt, |f, at| {
        EpisodeEvent::InterviewHeld {
            held_at: at,
            held_by: f.held_by.clone(),
            independent: f.independent != "no",
            mode: mode_of(&f.mode),
        }
    });
    let on_declined = submit(Which::Declined, Field::InterviewAt, |f, at| {
        EpisodeEvent::InterviewDeclined {
            declined_at: at,
            reason: f.reason.clone(),
            reoffer_on: harbour_core::when::parse_date(&f.reoffer_on),
        }
    });
    let on_not_offered = submit(Which::NotOffered, Field::Reason, |f, _| {
        EpisodeEvent::InterviewNotOffered {
            reason: f.not_offered.clone(),
        }
    });

    let err = |which: Which| -> Option<ApiError> {
        error
            .as_ref()
            .filter(|(w, _)| *w == which)
            .map(|(_, e)| e.clone())
    };
    let general = |which: Which| {
        err(which).and_then(|e| {
            let shown_inline = [
                Field::InterviewAt,
                Field::InterviewBy,
                Field::Reason,
                Field::Service,
            ];
            let message = match e.fields.iter().find(|f| !shown_inline.contains(&f.field)) {
                Some(f) => f.message_id().to_owned(),
                None if e.fields.is_empty() => e.message_id.clone(),
                None => return None,
            };
            Some(html! { <p class="banner error" role="alert">{ i18n.tr(&message) }</p> })
        })
    };
    let time_error = |which: Which| {
        err(which).and_then(|e| {
            e.fields
                .iter()
                .find(|f| f.field == Field::InterviewAt)
                .map(|f| f.message_id())
        })
    };
    let when =
        |id: &'static str, label: String, value: &String, set: fn(&mut Forms, String), which| {
            let forms = forms.clone();
            let shown = if value.is_empty() {
                now_typed()
            } else {
                value.clone()
            };
            html! {
                <WhenField id={id} label={label} value={shown} error={time_error(which)}
                    oninput={Callback::from(move |v: String| {
                        let mut next = (*forms).clone();
                        set(&mut next, v);
                        forms.set(next);
                    })} />
            }
        };
    let select = |set: fn(&mut Forms, String)| {
        let forms = forms.clone();
        Callback::from(move |e: Event| {
            let mut next = (*forms).clone();
            set(
                &mut next,
                e.target_unchecked_into::<HtmlSelectElement>().value(),
            );
            forms.set(next);
        })
    };
    let f = &*forms;
    html! {
        <div class="interview" id="interview">
            { status }
            <h4>{ i18n.tr_with("interview-forms-title", &[("nation", nation.clone())]) }</h4>
            <details id="interview-held" open=true>
                <summary>{ i18n.tr("interview-held-title") }</summary>
                <form id="held-form" onsubmit={on_held} novalidate=true>
                    { general(Which::Held).unwrap_or_default() }
                    { when("held-at", i18n.tr("interview-held-at"), &f.held_at, |f, v| f.held_at = v, Which::Held) }
                    <div class="field">
                        <label for="held-by">{ i18n.tr("interview-held-by") }</label>
                        <input id="held-by" value={f.held_by.clone()} aria-describedby="held-by-error"
                            oninput={fields::edit(&forms, |f, v| f.held_by = v)} />
                        { field_error(&i18n, &err(Which::Held), Field::InterviewBy, "held-by-error") }
                    </div>
                    <div class="field">
                        <label for="held-independent">{ i18n.tr("interview-held-independent") }</label>
                        <select id="held-independent" onchange={select(|f, v| f.independent = v)}>
                            <option value="yes" selected={f.independent != "no"}>{ i18n.tr("interview-independent-yes") }</option>
                            <option value="no" selected={f.independent == "no"}>{ i18n.tr("interview-independent-no") }</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="held-mode">{ i18n.tr("interview-held-mode") }</label>
                        <select id="held-mode" onchange={select(|f, v| f.mode = v)}>
                            { for InterviewMode::ALL.into_iter().map(|m| html! {
                                <option value={m.message_id()} selected={mode_of(&f.mode) == m}>{ i18n.tr(m.message_id()) }</option>
                            }) }
                        </select>
                    </div>
                    <button type="submit" class="primary" id="held-save">{ i18n.tr("interview-held-save") }</button>
                </form>
            </details>
            <details id="interview-offer">
                <summary>{ i18n.tr("interview-offer-title") }</summary>
                <form id="offer-form" onsubmit={on_offer} novalidate=true>
                    { general(Which::Offer).unwrap_or_default() }
                    { when("offer-at", i18n.tr("interview-offer-at"), &f.offered_at, |f, v| f.offered_at = v, Which::Offer) }
                    <div class="field">
                        <label for="offer-service">{ i18n.tr("interview-offer-service") }</label>
                        <input id="offer-service" value={f.service.clone()} aria-describedby="offer-service-error"
                            oninput={fields::edit(&forms, |f, v| f.service = v)} />
                        { field_error(&i18n, &err(Which::Offer), Field::Service, "offer-service-error") }
                    </div>
                    <button type="submit" class="secondary" id="offer-save">{ i18n.tr("interview-offer-save") }</button>
                </form>
            </details>
            <details id="interview-declined">
                <summary>{ i18n.tr_with("interview-declined-title", &[("name", name.clone())]) }</summary>
                <form id="declined-form" onsubmit={on_declined} novalidate=true>
                    { general(Which::Declined).unwrap_or_default() }
                    { when("declined-at", i18n.tr_with("interview-declined-at", &[("name", name.clone())]), &f.declined_at, |f, v| f.declined_at = v, Which::Declined) }
                    <div class="field">
                        <label for="declined-reason">{ i18n.tr_with("interview-declined-reason", &[("name", name.clone())]) }</label>
                        <textarea id="declined-reason" rows="2" dir="auto" value={f.reason.clone()} aria-describedby="declined-reason-error"
                            oninput={Callback::from({
                                let forms = forms.clone();
                                move |e: InputEvent| {
                                    let mut next = (*forms).clone();
                                    next.reason = e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value();
                                    forms.set(next);
                                }
                            })} />
                        { field_error(&i18n, &err(Which::Declined), Field::Reason, "declined-reason-error") }
                    </div>
                    <div class="field">
                        <label for="reoffer-on">{ i18n.tr("interview-reoffer-on") }</label>
                        <input id="reoffer-on" inputmode="numeric" value={f.reoffer_on.clone()}
                            oninput={fields::edit(&forms, |f, v| f.reoffer_on = v)} />
                    </div>
                    <button type="submit" class="secondary" id="declined-save">{ i18n.tr_with("interview-declined-save", &[("name", name.clone())]) }</button>
                </form>
            </details>
            if s.interview_facts.not_offered.is_none() {
                <details id="interview-not-offered-form">
                    <summary>{ i18n.tr("interview-not-offered-title") }</summary>
                    <form id="not-offered-form" onsubmit={on_not_offered} novalidate=true>
                        { general(Which::NotOffered).unwrap_or_default() }
                        <div class="field">
                            <label for="not-offered-reason">{ i18n.tr("interview-not-offered-reason") }</label>
                            <input id="not-offered-reason" value={f.not_offered.clone()} aria-describedby="not-offered-reason-error"
                                oninput={fields::edit(&forms, |f, v| f.not_offered = v)} />
                            { field_error(&i18n, &err(Which::NotOffered), Field::Reason, "not-offered-reason-error") }
                        </div>
                        <button type="submit" class="secondary" id="not-offered-save">{ i18n.tr("interview-not-offered-save") }</button>
                    </form>
                </details>
            }
        </div>
    }
}
