//! Settings: where Harbour is used (the nation, the kind of home) and the home's own
//! contacts, help numbers and rules.

use harbour_core::api::ApiError;
use harbour_core::help::RunawayHours;
use harbour_core::interview::InterviewTiming;
use harbour_core::organisation::{HomeKind, Nation, Organisation};
use harbour_i18n::Arg;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::super::fields::input_value;
use super::outcome;
use crate::backend::use_backend;
use crate::i18n::use_i18n;
use crate::state::{Action, AppState};

#[derive(Properties, PartialEq)]
pub(super) struct HomeProps {
    pub(super) dispatcher: UseReducerDispatcher<AppState>,
    pub(super) organisation: Organisation,
}

/// Where Harbour is used: the nation (its terms and regulator), the kind of home, and the
/// home's own contacts shown on every child's notification list.
#[function_component(HomeSettings)]
pub(super) fn home_settings(props: &HomeProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let form = use_state(|| props.organisation.clone());
    let error = use_state(|| None::<ApiError>);
    let saved = use_state(|| false);
    let on_submit = {
        let (form, error, saved, d, backend) = (
            form.clone(),
            error.clone(),
            saved.clone(),
            props.dispatcher.clone(),
            backend.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (form, error, saved, d, backend) = (
                form.clone(),
                error.clone(),
                saved.clone(),
                d.clone(),
                backend.clone(),
            );
            spawn_local(async move {
                match backend.save_organisation(&form).await {
                    Ok(org) => {
                        error.set(None);
                        saved.set(true);
                        form.set(org.clone());
                        d.dispatch(Action::OrganisationLoaded(org));
                    }
                    Err(e) => {
                        saved.set(false);
                        error.set(Some(e));
                    }
                }
            });
        })
    };
    let on_nation = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = (*form).clone();
            next.nation = Nation::ALL
                .into_iter()
                .find(|n| n.id() == v)
                .unwrap_or_default();
            form.set(next);
        })
    };
    let on_kind = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = (*form).clone();
            next.home_kind = HomeKind::ALL
                .into_iter()
                .find(|k| k.message_id() == v)
                .unwrap_or_default();
            form.set(next);
        })
    };
    let on_months = {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*form).clone();
            // Not a number is out of range, and the store says so.
            next.assessment_every_months = input_value(&e).trim().parse().unwrap_or(0);
            form.set(next);
        })
    };
    let on_episode_lock = {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*form).clone();
            next.episode_lock_minutes = input_value(&e).trim().parse().unwrap_or(0);
            form.set(next);
        })
    };
    let on_regulator_events = {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*form).clone();
            next.regulator_events = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            form.set(next);
        })
    };
    let months_problem = (*error)
        .as_ref()
        .and_then(|e| {
            e.profile_fields
                .iter()
                .find(|p| p.key == "assessment_every_months")
        })
        .map(|p| p.message_id());
    let problem_of = |key: &str| {
        (*error)
            .as_ref()
            .and_then(|e| e.profile_fields.iter().find(|p| p.key == key))
            .map(|p| p.message_id())
    };
    let numbers = form.help.numbers().map(|(key, value)| {
        let id = format!("help-{}", key.replace('_', "-"));
        let problem = problem_of(&format!("help_{key}"));
        let oninput = {
            let form = form.clone();
            Callback::from(move |e: InputEvent| {
                let mut next = (*form).clone();
                next.help.set_number(key, input_value(&e));
                form.set(next);
            })
        };
        html! {
            <div class="field">
                <label for={id.clone()}>{ i18n.tr(&format!("org-{id}")) }</label>
                <input id={id.clone()} value={value.to_owned()} {oninput} inputmode="tel" dir="ltr"
                    aria-invalid={problem.map(|_| "true")}
                    aria-describedby={problem.map(|_| format!("{id}-error"))} />
                if let Some(m) = problem {
                    <p class="field-error" id={format!("{id}-error")} role="alert">{ i18n.tr(m) }</p>
                }
            </div>
        }
    });
    let hours = {
        let choose = |hours: RunawayHours| {
            let form = form.clone();
            Callback::from(move |_| {
                let mut next = (*form).clone();
                next.help.runaway_hours = hours.clone();
                form.set(next);
            })
        };
        let (from, to) = match &form.help.runaway_hours {
            RunawayHours::Daily { from, to } => (Some(from.clone()), Some(to.clone())),
            _ => (None, None),
        };
        let time = |which: &'static str, value: Option<String>| {
            let id = format!("help-runaway-{which}");
            let problem = problem_of(&format!("help_runaway_{which}"));
            let form = form.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                let mut next = (*form).clone();
                if let RunawayHours::Daily { from, to } = &mut next.help.runaway_hours {
                    *if which == "from" { from } else { to } = input_value(&e);
                }
                form.set(next);
            });
            html! {
                <span class="time-field">
                    <label for={id.clone()}>{ i18n.tr(&format!("org-{id}")) }</label>
                    <input id={id.clone()} class="short" value={value.unwrap_or_default()} {oninput}
                        placeholder="09:00" dir="ltr" disabled={from.is_none()}
                        aria-invalid={problem.map(|_| "true")}
                        aria-describedby={problem.map(|_| format!("{id}-error"))} />
                    if let Some(m) = problem {
                        <p class="field-error" id={format!("{id}-error")} role="alert">{ i18n.tr(m) }</p>
                    }
                </span>
            }
        };
        let current = &form.help.runaway_hours;
        html! {
            <fieldset class="field" id="help-hours">
                <legend>{ i18n.tr("org-help-hours") }</legend>
                <p class="hint">{ i18n.tr("org-help-hours-hint") }</p>
                <label class="choice">
                    <input type="radio" name="help-hours" id="help-hours-not-shown"
                        checked={*current == RunawayHours::NotShown}
                        onchange={choose(RunawayHours::NotShown)} />
                    { i18n.tr("org-help-hours-not-shown") }
                </label>
                <label class="choice">
                    <input type="radio" name="help-hours" id="help-hours-daily"
                        checked={matches!(current, RunawayHours::Daily { .. })}
                        onchange={choose(RunawayHours::Daily { from: "09:00".into(), to: "23:00".into() })} />
                    { i18n.tr("org-help-hours-daily") }
                </label>
                <div class="time-pair">
                    { time("from", from.clone()) }
                    { time("to", to.clone()) }
                </div>
                <label class="choice">
                    <input type="radio" name="help-hours" id="help-hours-always"
                        checked={*current == RunawayHours::DayAndNight}
                        onchange={choose(RunawayHours::DayAndNight)} />
                    { i18n.tr("org-help-hours-always") }
                </label>
            </fieldset>
        }
    };
    let timing = {
        let usual = InterviewTiming::usual(form.nation);
        let choose = |own: bool| {
            let form = form.clone();
            Callback::from(move |_| {
                let mut next = (*form).clone();
                next.interview_timing = own.then(|| next.interview_timing());
                form.set(next);
            })
        };
        // Empty "arranged within": no separate deadline; not a number is out of range.
        let hours_input = |which: &'static str| {
            let form = form.clone();
            Callback::from(move |e: InputEvent| {
                let mut next = (*form).clone();
                let value = input_value(&e);
                let value = value.trim();
                let mut t = next.interview_timing();
                if which == "arrange" {
                    t.arrange_within_hours =
                        (!value.is_empty()).then(|| value.parse().unwrap_or(0));
                } else {
                    t.hold_within_hours = value.parse().unwrap_or(0);
                }
                next.interview_timing = Some(t);
                form.set(next);
            })
        };
        let current = form.interview_timing();
        let own = form.interview_timing.is_some();
        let problem = problem_of("interview_timing");
        html! {
            <fieldset class="field" id="org-interview-timing">
                <legend>{ i18n.tr_with("org-interview-timing", &[("nation", form.nation.id().into())]) }</legend>
                <p class="hint">{ i18n.tr("org-interview-timing-hint") }</p>
                <label class="choice">
                    <input type="radio" name="interview-timing" id="interview-timing-usual"
                        checked={!own} onchange={choose(false)} />
                    { i18n.tr_with("org-interview-timing-usual", &[
                        ("nation", form.nation.id().into()),
                        ("arrange", Arg::from(i64::from(usual.arrange_within_hours.unwrap_or(0)))),
                        ("hold", Arg::from(i64::from(usual.hold_within_hours))),
                    ]) }
                </label>
                <label class="choice">
                    <input type="radio" name="interview-timing" id="interview-timing-own"
                        checked={own} onchange={choose(true)} />
                    { i18n.tr("org-interview-timing-own") }
                </label>
                <div class="time-pair">
                    <span class="time-field">
                        <label for="interview-arrange-hours">{ i18n.tr("org-interview-arrange-hours") }</label>
                        <input id="interview-arrange-hours" class="short" type="number" min="1" max="720"
                            inputmode="numeric" disabled={!own} oninput={hours_input("arrange")}
                            value={current.arrange_within_hours.map(|h| h.to_string()).unwrap_or_default()}
                            aria-describedby={problem.map(|_| "org-interview-timing-error")} />
                    </span>
                    <span class="time-field">
                        <label for="interview-hold-hours">{ i18n.tr("org-interview-hold-hours") }</label>
                        <input id="interview-hold-hours" class="short" type="number" min="24" max="720"
                            inputmode="numeric" disabled={!own} oninput={hours_input("hold")}
                            value={current.hold_within_hours.to_string()}
                            aria-describedby={problem.map(|_| "org-interview-timing-error")} />
                    </span>
                </div>
                if let Some(m) = problem {
                    <p class="field-error" id="org-interview-timing-error" role="alert">
                        { i18n.tr(m) }
                    </p>
                }
            </fieldset>
        }
    };
    let regulator_problem = problem_of("regulator_events");
    let regulator_events = html! {
        <div class="field">
            <label for="org-regulator-events">{ i18n.tr("org-regulator-events") }</label>
            <p class="hint">{ i18n.tr_with("org-regulator-events-hint", &[
                ("nation", form.nation.id().into()),
                ("home", form.home_kind.id().into()),
            ]) }</p>
            <textarea id="org-regulator-events" rows="4" value={form.regulator_events.clone()}
                oninput={on_regulator_events}
                aria-describedby={regulator_problem.map(|_| "org-regulator-events-error")} />
            if let Some(m) = regulator_problem {
                <p class="field-error" id="org-regulator-events-error" role="alert">{ i18n.tr(m) }</p>
            }
        </div>
    };
    let texts = form.texts().map(|(key, value)| {
        let id = format!("org-{}", key.replace('_', "-"));
        let problem = (*error)
            .as_ref()
            .and_then(|e| e.profile_fields.iter().find(|p| p.key == key))
            .map(|p| p.message_id());
        let oninput = {
            let form = form.clone();
            Callback::from(move |e: InputEvent| {
                let mut next = (*form).clone();
                next.set_text(key, input_value(&e));
                form.set(next);
            })
        };
        html! {
            <div class="field">
                <label for={id.clone()}>{ i18n.tr(&id) }</label>
                <p class="hint">{ i18n.tr(&format!("{id}-hint")) }</p>
                <input id={id.clone()} value={value.to_owned()} {oninput}
                    aria-describedby={problem.map(|_| format!("{id}-error"))} />
                if let Some(m) = problem {
                    <p class="field-error" id={format!("{id}-error")} role="alert">{ i18n.tr(m) }</p>
                }
            </div>
        }
    });
    html! {
        <section class="settings-part" aria-labelledby="home-settings-title" id="home-settings">
            <h2 id="home-settings-title">{ i18n.tr("org-title") }</h2>
            <p class="hint">{ i18n.tr("org-intro") }</p>
            <form onsubmit={on_submit} novalidate=true>
                <div class="field">
                    <label for="org-nation">{ i18n.tr("org-nation") }</label>
                    <select id="org-nation" onchange={on_nation}>
                        { for Nation::ALL.iter().map(|n| html! {
                            <option value={n.id()} selected={form.nation == *n}>{ i18n.tr(n.message_id()) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="org-home-kind">{ i18n.tr("org-home-kind") }</label>
                    <select id="org-home-kind" onchange={on_kind}>
                        { for HomeKind::ALL.iter().map(|k| html! {
                            <option value={k.message_id()} selected={form.home_kind == *k}>{ i18n.tr(k.message_id()) }</option>
                        }) }
                    </select>
                </div>
                { for texts }
                { regulator_events }
                { timing }
                <div class="field">
                    <label for="org-assessment-every">{ i18n.tr("org-assessment-every") }</label>
                    <p class="hint">{ i18n.tr("org-assessment-every-hint") }</p>
                    <input id="org-assessment-every" type="number" min="1" max="12" inputmode="numeric"
                        value={form.assessment_every_months.to_string()} oninput={on_months}
                        aria-describedby={months_problem.map(|_| "org-assessment-every-error")} />
                    if let Some(m) = months_problem {
                        <p class="field-error" id="org-assessment-every-error" role="alert">{ i18n.tr(m) }</p>
                    }
                </div>
                <div class="field">
                    <label for="org-episode-lock">{ i18n.tr("org-episode-lock") }</label>
                    <p class="hint">{ i18n.tr("org-episode-lock-hint") }</p>
                    <input id="org-episode-lock" type="number" min="10" max="240" inputmode="numeric"
                        value={form.episode_lock_minutes.to_string()} oninput={on_episode_lock}
                        aria-describedby={problem_of("episode_lock_minutes").map(|_| "org-episode-lock-error")} />
                    if let Some(m) = problem_of("episode_lock_minutes") {
                        <p class="field-error" id="org-episode-lock-error" role="alert">{ i18n.tr(m) }</p>
                    }
                </div>
                <h3 id="help-numbers-title">{ i18n.tr("org-help-title") }</h3>
                <p class="hint">{ i18n.tr("org-help-intro") }</p>
                { for numbers }
                { hours }
                <button type="submit" class="primary" id="org-save">{ i18n.tr("org-save") }</button>
                { outcome(&i18n, &(*error).clone().filter(|e| e.profile_fields.is_empty()),
                    saved.then(|| html! { { i18n.tr("org-saved") } })) }
            </form>
        </section>
    }
}
