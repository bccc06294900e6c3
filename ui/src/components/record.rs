//! Recording what happens during an episode, on the steps screen: the police report (with the
//! grade police gave), who has been told and when, a running log, the child found or back, the
//! return interview (due 72 hours after the return) and the close. Each save is an insert-only
//! event in the store; what is shown comes back from it.

use chrono::{DateTime, Utc};
use harbour_core::api::{ApiError, EpisodeView, LogLine};
use harbour_core::child::age_on;
use harbour_core::workflow::{
    contacts_for, Contact, EndReason, EpisodeEvent, Outstanding, PoliceGrade, ReturnStep,
    ShareMethod,
};
use harbour_core::{ChildDetails, EpisodeId, EventId, Field};
use harbour_i18n::Arg;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::episode_details::{call_script, checks_part, DetailsForm};
use super::fields::{self, field_error};
use super::interview::InterviewRecord;
use super::when::{not_a_time, now_typed, WhenField};
use crate::backend::reload;
use crate::backend::{use_backend, Backend};
use crate::i18n::{use_i18n, I18n};
use crate::state::{Action, AppState};
use crate::time;
use harbour_core::organisation::{HomeKind, Organisation, RegulatorRules};
use harbour_core::profile::ProfileView;

#[derive(Properties, PartialEq)]
pub struct RecordProps {
    pub episode_id: EpisodeId,
    /// The episode's last-seen time as the steps screen holds it (corrected there).
    #[prop_or_default]
    pub last_seen_at: Option<DateTime<Utc>>,
    pub child_id: harbour_core::ChildId,
    pub child: ChildDetails,
    pub dispatcher: UseReducerDispatcher<AppState>,
    /// The child's profile, once loaded: the agreed checks and the call script come from it.
    pub profile: Option<ProfileView>,
    /// Unaccompanied or suspected trafficked: a grade below high prompts a review.
    pub escalated: bool,
    /// The home's settings: its contacts, the kind of home, the nation's terms.
    pub organisation: Organisation,
    /// The episode as last read, if the caller has it: shown at once, then read again.
    #[prop_or_default]
    pub view: Option<EpisodeView>,
}

#[derive(Clone, Default, PartialEq)]
struct PoliceForm {
    reference: String,
    officer: String,
    grade: String,
    /// When the call was made, as typed; empty: now.
    reported_at: String,
}

#[derive(Clone, Default, PartialEq)]
struct FoundForm {
    at: String,
    by: String,
    place: String,
    how: String,
}

fn at(t: DateTime<Utc>) -> Arg {
    Arg::from(time::format_local(t))
}

/// The answer to a save: the new view, or the problems to show.
type Outcome = Result<EpisodeView, ApiError>;

fn save(
    backend: &Backend,
    episode_id: EpisodeId,
    event: EpisodeEvent,
    view: UseStateHandle<Option<EpisodeView>>,
    error: UseStateHandle<Option<ApiError>>,
    then: impl FnOnce(&EpisodeView) + 'static,
) {
    send(backend, episode_id, event, move |result| match result {
        Ok(v) => {
            error.set(None);
            then(&v);
            view.set(Some(v));
        }
        Err(e) => error.set(Some(e)),
    });
}

/// Records `event` in the episode and hands the answer to `done`: the one way the screens
/// record an event.
pub fn send(
    backend: &Backend,
    episode_id: EpisodeId,
    event: EpisodeEvent,
    done: impl FnOnce(Outcome) + 'static,
) {
    let backend = backend.clone();
    spawn_local(async move {
        done(backend.record_event(episode_id, &event).await);
    });
}

fn grade_of(value: &str) -> Option<PoliceGrade> {
    PoliceGrade::ALL
        .into_iter()
        .find(|g| g.message_id() == value)
}

/// Fields whose problems are shown next to their input; any other problem (the episode is
/// closed, the child is not back yet, a long "found by") is shown as one message at the top.
const INLINE: [Field; 12] = [
    Field::PoliceReference,
    Field::Officer,
    Field::UpdateText,
    Field::FoundAt,
    Field::Reason,
    Field::BackAt,
    Field::SpokeTo,
    Field::InterviewAt,
    Field::SharedWith,
    Field::Basis,
    Field::ReportedAt,
    Field::Whereabouts,
];

fn general_error(i18n: &I18n, error: &Option<ApiError>) -> Html {
    let Some(e) = error else {
        return html! {};
    };
    let message = match e.fields.iter().find(|f| !INLINE.contains(&f.field)) {
        Some(f) => f.message_id().to_owned(),
        None if e.fields.is_empty() => e.message_id.clone(),
        None => return html! {},
    };
    html! { <p class="banner error" role="alert" id="record-error">{ i18n.tr(&message) }</p> }
}

#[function_component(EpisodeRecord)]
pub fn episode_record(props: &RecordProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let view = {
        let first = props.view.clone();
        use_state(move || first)
    };
    let error = use_state(|| None::<ApiError>);
    let police = use_state(PoliceForm::default);
    let update = use_state(String::new);
    // The log line being corrected, and its new wording.
    let correcting = use_state(|| None::<(EventId, String)>);
    let reg_reason = use_state(String::new);
    let spoke_to = use_state(String::new);
    let back_at = use_state(String::new);
    let end = use_state(|| (String::new(), String::new()));
    // Close pressed with things outstanding: the list is shown and the close asked again.
    let confirming = use_state(|| false);
    let marked = use_state(|| false);
    let whereabouts = use_state(String::new);
    // Who the grab sheet went to: (with, how, basis); the basis starts with the usual one.
    let share = use_state(|| (String::new(), String::new(), None::<String>));
    // An untouched "found at" means now (when saved), not when the screen was opened.
    let found = use_state(FoundForm::default);
    {
        let (view, error, id, backend) = (
            view.clone(),
            error.clone(),
            props.episode_id,
            backend.clone(),
        );
        // Read again when the last-seen time is corrected: what is due runs from it.
        use_effect_with((id, props.last_seen_at), move |(id, _)| {
            let (view, error, episode_id, backend) =
                (view.clone(), error.clone(), *id, backend.clone());
            spawn_local(async move {
                match backend.episode_view(episode_id).await {
                    Ok(v) => view.set(Some(v)),
                    Err(e) => error.set(Some(e)),
                }
            });
        });
    }
    let Some(v) = (*view).clone() else {
        return general_error(&i18n, &error);
    };
    let id = props.episode_id;
    let s = &v.summary;
    let org = &props.organisation;
    let nation = Arg::from(org.nation.id());
    let name = Arg::from(props.child.name_latin.as_str());

    let on_police = {
        let (police, view, error, backend) =
            (police.clone(), view.clone(), error.clone(), backend.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let reported_at = match police.reported_at.trim() {
                "" => None,
                typed => match time::from_typed(typed) {
                    Some(t) => Some(t),
                    None => return error.set(Some(not_a_time(Field::ReportedAt))),
                },
            };
            let event = EpisodeEvent::PoliceReported {
                reference: police.reference.clone(),
                officer: police.officer.clone(),
                grade: grade_of(&police.grade),
                reported_at,
            };
            let clear = police.clone();
            save(
                &backend,
                id,
                event,
                view.clone(),
                error.clone(),
                move |_| clear.set(PoliceForm::default()),
            );
        })
    };
    let on_grade = {
        let police = police.clone();
        Callback::from(move |e: Event| {
            let mut next = (*police).clone();
            next.grade = e.target_unchecked_into::<HtmlSelectElement>().value();
            police.set(next);
        })
    };
    let on_update_text = {
        let update = update.clone();
        Callback::from(move |e: InputEvent| {
            update.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_update = {
        let (update, view, error, backend) =
            (update.clone(), view.clone(), error.clone(), backend.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let event = EpisodeEvent::Update {
                text: (*update).clone(),
            };
            let clear = update.clone();
            save(
                &backend,
                id,
                event,
                view.clone(),
                error.clone(),
                move |_| clear.set(String::new()),
            );
        })
    };
    let on_found = {
        let (found, view, error, backend) =
            (found.clone(), view.clone(), error.clone(), backend.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let typed = if found.at.is_empty() {
                Some(time::now())
            } else {
                time::from_typed(&found.at)
            };
            let Some(found_at) = typed else {
                error.set(Some(not_a_time(Field::FoundAt)));
                return;
            };
            let event = EpisodeEvent::Found {
                found_at,
                found_by: found.by.clone(),
                where_found: found.place.clone(),
                how_returned: found.how.clone(),
            };
            save(&backend, id, event, view.clone(), error.clone(), |_| {});
        })
    };
    let simple = |event: EpisodeEvent| {
        let (view, error, backend) = (view.clone(), error.clone(), backend.clone());
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |_| {
            let closing = event == EpisodeEvent::Closed;
            let (dispatcher, reloader) = (dispatcher.clone(), backend.clone());
            save(
                &backend,
                id,
                event.clone(),
                view.clone(),
                error.clone(),
                move |_| {
                    if closing {
                        reload(&reloader, dispatcher.clone());
                        dispatcher.dispatch(Action::ShowHome);
                    }
                },
            );
        })
    };

    let grade_review = {
        let on_spoke_to = fields::edit(&spoke_to, |s, v| *s = v);
        let on_submit = {
            let (spoke_to, view, error, backend) = (
                spoke_to.clone(),
                view.clone(),
                error.clone(),
                backend.clone(),
            );
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let event = EpisodeEvent::GradeReviewAsked {
                    spoke_to: (*spoke_to).clone(),
                };
                let clear = spoke_to.clone();
                save(
                    &backend,
                    id,
                    event,
                    view.clone(),
                    error.clone(),
                    move |_| clear.set(String::new()),
                );
            })
        };
        html! {
            <div class="grade-review" id="grade-review">
                <p class="banner urgent" role="alert" id="grade-review-prompt">
                    { i18n.tr_with("step-grade-lower", &[("name", name.clone()), ("nation", nation.clone())]) }
                </p>
                { for s.grade_reviews.iter().map(|(who, t)| html! {
                    <p class="recorded">{ i18n.tr_with("grade-review-recorded", &[("who", Arg::from(who.as_str())), ("time", at(*t))]) }</p>
                }) }
                <form id="grade-review-form" onsubmit={on_submit} novalidate=true>
                    <label for="grade-review-who">{ i18n.tr("grade-review-spoke-to") }</label>
                    <input id="grade-review-who" value={(*spoke_to).clone()}
                        aria-describedby="grade-review-who-error" oninput={on_spoke_to} />
                    { field_error(&i18n, &error, Field::SpokeTo, "grade-review-who-error") }
                    <button type="submit" class="secondary" id="grade-review-save">{ i18n.tr("grade-review-save") }</button>
                </form>
            </div>
        }
    };

    let share_part = {
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
            let (share, view, error, basis, backend) = (
                share.clone(),
                view.clone(),
                error.clone(),
                basis.clone(),
                backend.clone(),
            );
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
                save(
                    &backend,
                    id,
                    event,
                    view.clone(),
                    error.clone(),
                    move |_| clear.set((String::new(), String::new(), None)),
                );
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
                        { field_error(&i18n, &error, Field::SharedWith, "share-with-error") }
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
                        { field_error(&i18n, &error, Field::Basis, "share-basis-error") }
                    </div>
                    <button type="submit" class="secondary" id="share-save">{ i18n.tr("share-save") }</button>
                </form>
            </div>
        }
    };

    let due_now = harbour_core::milestones::due(&v.episode, s, time::now());
    let milestones_part = (!due_now.is_empty() || !s.milestones.is_empty()).then(|| {
        html! {
            <div class="record-part" id="milestones">
                <h3>{ i18n.tr("milestones-title") }</h3>
                <ul class="contacts">
                    { for s.milestones.iter().map(|(m, t)| html! {
                        <li data-milestone={m.message_id()}>
                            <span>{ i18n.tr_with(m.message_id(), &[("name", name.clone()), ("nation", nation.clone())]) }</span>
                            <span class="told">{ i18n.tr_with("checks-done-at", &[("time", at(*t))]) }</span>
                        </li>
                    }) }
                    { for due_now.iter().map(|m| html! {
                        <li data-milestone={m.message_id()} class="due">
                            <span>{ i18n.tr_with(m.message_id(), &[("name", name.clone()), ("nation", nation.clone())]) }</span>
                            <button class="secondary small" onclick={simple(EpisodeEvent::MilestoneDone { milestone: *m })}>
                                { i18n.tr("checks-done-now") }
                            </button>
                        </li>
                    }) }
                </ul>
            </div>
        }
    });

    let police_part = html! {
        <div class="record-part" id="police">
            <h3>{ i18n.tr("police-title") }</h3>
            if let Some(p) = &s.police {
                <p class="recorded" id="police-recorded">
                    { i18n.tr_with("police-recorded", &[
                        ("reference", Arg::from(p.reference.as_str())),
                        ("officer", Arg::from(if p.officer.is_empty() { "none" } else { p.officer.as_str() })),
                        ("grade", Arg::from(p.grade.map(|g| i18n.tr(g.message_id())).unwrap_or_else(|| i18n.tr("police-grade-none")))),
                        ("reported", at(p.reported_at)),
                        ("time", at(p.at)),
                    ]) }
                </p>
            }
            if s.grades.len() > 1 {
                <p class="hint" id="police-grades">
                    { i18n.tr_with("police-grades-history", &[("grades", Arg::from(s.grades.iter()
                        .map(|(g, t)| format!("{} ({})", i18n.tr(g.message_id()), time::format_local(*t)))
                        .collect::<Vec<_>>().join(" → ")))]) }
                </p>
            }
            if s.grade_review_prompt(&props.child) {
                { grade_review }
            }
            <form id="police-form" onsubmit={on_police} novalidate=true>
                if s.police.is_none() {
                    <WhenField id="police-reported-at" label={i18n.tr_with("police-reported-at", &[("name", name.clone())])}
                        value={if police.reported_at.is_empty() { now_typed() } else { police.reported_at.clone() }}
                        error={field_message(&error, Field::ReportedAt)} ago=true
                        oninput={{
                            let police = police.clone();
                            Callback::from(move |v: String| {
                                let mut next = (*police).clone();
                                next.reported_at = v;
                                police.set(next);
                            })
                        }} />
                }
                <div class="field">
                    <label for="police-reference">{ i18n.tr("police-reference") }</label>
                    <input id="police-reference" value={police.reference.clone()}
                        aria-describedby="police-reference-error"
                        oninput={fields::edit(&police, |f, v| f.reference = v)} />
                    { field_error(&i18n, &error, Field::PoliceReference, "police-reference-error") }
                </div>
                <div class="field">
                    <label for="police-officer">{ i18n.tr("police-officer") }</label>
                    <input id="police-officer" value={police.officer.clone()}
                        aria-describedby="police-officer-error"
                        oninput={fields::edit(&police, |f, v| f.officer = v)} />
                    { field_error(&i18n, &error, Field::Officer, "police-officer-error") }
                </div>
                <div class="field">
                    <label for="police-grade">{ i18n.tr("police-grade") }</label>
                    <p class="hint" id="police-grade-hint">{ i18n.tr("police-grade-hint") }</p>
                    <select id="police-grade" aria-describedby="police-grade-hint" onchange={on_grade}>
                        <option value="" selected={police.grade.is_empty()}>{ i18n.tr("police-grade-none") }</option>
                        { for PoliceGrade::offered(org.nation).iter().map(|g| html! {
                            <option value={g.message_id()} selected={police.grade == g.message_id()}>{ i18n.tr(g.message_id()) }</option>
                        }) }
                    </select>
                </div>
                <button type="submit" class="primary" id="police-save">{ i18n.tr("police-save") }</button>
            </form>
        </div>
    };

    let reg_args = [
        ("nation", nation.clone()),
        ("home", Arg::from(org.home_kind.id())),
        (
            "regulator",
            Arg::from(i18n.tr_with("regulator-name", &[("nation", nation.clone())])),
        ),
    ];
    let regulator_part = match &s.regulator_decision {
        Some((notify, reason, when)) => html! {
            <div class="regulator" id="regulator-decision">
                <p class="recorded">
                    { i18n.tr_with(if *notify { "reg-decided-notify" } else { "reg-decided-not" },
                        &[("time", at(*when)), ("nation", nation.clone())]) }
                    <br /><bdi>{ reason }</bdi>
                </p>
            </div>
        },
        None => {
            let decide = |notify: bool| {
                let (reason, view, error, backend) = (
                    reg_reason.clone(),
                    view.clone(),
                    error.clone(),
                    backend.clone(),
                );
                Callback::from(move |_| {
                    let event = EpisodeEvent::RegulatorDecision {
                        notify,
                        reason: (*reason).clone(),
                    };
                    save(&backend, id, event, view.clone(), error.clone(), |_| {});
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
                    { field_error(&i18n, &error, Field::Reason, "reg-reason-error") }
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
    };

    let notify_part = html! {
        <div class="record-part" id="notifications">
            <h3>{ i18n.tr("notify-title") }</h3>
            <ul class="contacts">
                { for contacts_for(&props.child, org, age_on(props.child.date_of_birth, time::today_local())).into_iter().map(|c| {
                    let told = s.notified.iter().find(|(x, _)| *x == c).map(|(_, t)| *t);
                    html! {
                        <li data-contact={c.message_id()}>
                            <span>{ i18n.tr_with(c.label_id(&props.child), &[("nation", nation.clone())]) }
                                { for contact_details(props.profile.as_ref(), org, c).map(|d| html! {
                                    <span class="contact-details"><bdi>{ d }</bdi></span>
                                }) }
                            </span>
                            if let Some(t) = told {
                                <span class="told">{ i18n.tr_with("notify-told-at", &[("time", at(t))]) }</span>
                            } else {
                                <button class="secondary small"
                                    aria-label={i18n.tr_with("notify-told-label", &[("contact", Arg::from(i18n.tr_with(c.message_id(), &[("nation", nation.clone())])))])}
                                    onclick={simple(EpisodeEvent::Notified { contact: c })}>
                                    { i18n.tr("notify-told-now") }
                                </button>
                            }
                        </li>
                    }
                }) }
            </ul>
            if props.child.escalate_when_missing() {
                <p class="hint">{ i18n.tr_with("step-no-relatives", &[("name", name.clone())]) }</p>
            }
            if org.records_regulator_decision() {
                { regulator_part.clone() }
            } else if org.home_kind == HomeKind::FosterHome {
                <p class="hint" id="foster-regulator">{ i18n.tr_with("notify-foster-regulator", &reg_args) }</p>
            }
        </div>
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
                    let (correcting, view, error, backend) = (
                        correcting.clone(),
                        view.clone(),
                        error.clone(),
                        backend.clone(),
                    );
                    let (of, text) = (line.id, text.clone());
                    Callback::from(move |e: SubmitEvent| {
                        e.prevent_default();
                        let event = EpisodeEvent::UpdateCorrected {
                            of,
                            text: text.clone(),
                        };
                        let done = correcting.clone();
                        save(
                            &backend,
                            id,
                            event,
                            view.clone(),
                            error.clone(),
                            move |_| done.set(None),
                        );
                    })
                };
                let on_cancel = {
                    let (correcting, error) = (correcting.clone(), error.clone());
                    Callback::from(move |_| {
                        correcting.set(None);
                        error.set(None);
                    })
                };
                html! {
                    <form id="correct-form" onsubmit={on_save} novalidate=true>
                        <label for="correct-text">{ i18n.tr("log-correct-label") }</label>
                        <textarea id="correct-text" rows="2" dir="auto" value={text}
                            aria-describedby="correct-text-error" oninput={on_input} />
                        { field_error(&i18n, &error, Field::UpdateText, "correct-text-error") }
                        <button type="submit" class="secondary" id="correct-save">{ i18n.tr("log-correct-save") }</button>
                        <button type="button" class="secondary" onclick={on_cancel}>{ i18n.tr("log-correct-cancel") }</button>
                    </form>
                }
            }
            None => {
                let on_correct = {
                    let (correcting, error) = (correcting.clone(), error.clone());
                    let (of, text) = (line.id, line.text.clone());
                    Callback::from(move |_| {
                        error.set(None);
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
                    { field_error(&i18n, &error, Field::UpdateText, "update-text-error") }
                }
                <button type="submit" class="secondary" id="update-save">{ i18n.tr("log-add") }</button>
            </form>
        </div>
    };

    let closed = s.closed_at.is_some() || v.episode.closed_at.is_some();
    // Away with whereabouts known, and the one step that turns it into missing.
    let away_part = if let Some((place, since)) = s.away.clone().filter(|_| s.is_away()) {
        let now_missing = {
            let (view, error, dispatcher, backend) = (
                view.clone(),
                error.clone(),
                props.dispatcher.clone(),
                backend.clone(),
            );
            Callback::from(move |_| {
                let (dispatcher, reloader) = (dispatcher.clone(), backend.clone());
                save(
                    &backend,
                    id,
                    EpisodeEvent::NowMissing,
                    view.clone(),
                    error.clone(),
                    move |_| reload(&reloader, dispatcher),
                );
            })
        };
        html! {
            <div class="record-part" id="away">
                <p class="banner notice" id="away-recorded">
                    { i18n.tr_with("away-recorded", &[("time", at(since)), ("where", Arg::from(place.as_str()))]) }
                </p>
                if props.escalated {
                    <p class="hint" id="away-escalated">{ i18n.tr_with("away-escalated", &[("name", name.clone())]) }</p>
                }
                <button class="danger" id="away-now-missing" onclick={now_missing}>
                    { i18n.tr_with("away-now-missing", &[("name", name.clone())]) }
                </button>
            </div>
        }
    } else if s.found.is_none() && !closed {
        let on_where = fields::edit(&whereabouts, |w, v| *w = v);
        let on_submit = {
            let (whereabouts, view, error, dispatcher, backend) = (
                whereabouts.clone(),
                view.clone(),
                error.clone(),
                props.dispatcher.clone(),
                backend.clone(),
            );
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let event = EpisodeEvent::Away {
                    whereabouts: (*whereabouts).clone(),
                };
                let (dispatcher, reloader) = (dispatcher.clone(), backend.clone());
                save(
                    &backend,
                    id,
                    event,
                    view.clone(),
                    error.clone(),
                    move |_| reload(&reloader, dispatcher),
                );
            })
        };
        html! {
            <details class="record-part" id="away">
                <summary>{ i18n.tr_with("away-title", &[("name", name.clone())]) }</summary>
                <p class="hint">{ i18n.tr_with("away-hint", &[("name", name.clone())]) }</p>
                <form id="away-form" onsubmit={on_submit} novalidate=true>
                    <label for="away-where">{ i18n.tr_with("away-where", &[("name", name.clone())]) }</label>
                    <input id="away-where" value={(*whereabouts).clone()} aria-describedby="away-where-error" oninput={on_where} />
                    { field_error(&i18n, &error, Field::Whereabouts, "away-where-error") }
                    <button type="submit" class="secondary" id="away-save">{ i18n.tr_with("away-save", &[("name", name.clone())]) }</button>
                </form>
            </details>
        }
    } else {
        html! {}
    };
    // Missing within days of coming into care or here: propose the flag on return.
    let since = props.profile.as_ref().and_then(ProfileView::in_care_since);
    let first_days =
        harbour_core::steps::missing_in_first_days(&props.child, since, v.episode.last_seen_at);
    let on_mark = {
        let (marked, error, dispatcher) = (marked.clone(), error.clone(), props.dispatcher.clone());
        let (child_id, backend) = (props.child_id, backend.clone());
        Callback::from(move |_| {
            let (marked, error, dispatcher) = (marked.clone(), error.clone(), dispatcher.clone());
            let backend = backend.clone();
            spawn_local(async move {
                match backend.mark_suspected_trafficked(child_id).await {
                    Ok(_) => {
                        marked.set(true);
                        reload(&backend, dispatcher);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let on_saved = {
        let view = view.clone();
        Callback::from(move |v: EpisodeView| view.set(Some(v)))
    };
    let back_part = match s.found.as_ref().and_then(|f| f.back_at) {
        Some(t) => html! {
            <p class="recorded" id="back-at-recorded">{ i18n.tr_with("back-at-recorded", &[("time", at(t))]) }</p>
        },
        None => {
            let on_submit = {
                let (back_at, view, error, backend) = (
                    back_at.clone(),
                    view.clone(),
                    error.clone(),
                    backend.clone(),
                );
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let Some(t) = time::from_typed(&back_at) else {
                        error.set(Some(not_a_time(Field::BackAt)));
                        return;
                    };
                    let clear = back_at.clone();
                    save(
                        &backend,
                        id,
                        EpisodeEvent::BackAtPlacement { back_at: t },
                        view.clone(),
                        error.clone(),
                        move |_| clear.set(String::new()),
                    );
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
                        error={field_message(&error, Field::BackAt)} oninput={on_input} />
                    <button type="submit" class="secondary" id="back-at-save">{ i18n.tr("back-at-save") }</button>
                </form>
            }
        }
    };
    let outstanding = s.outstanding(org);
    let close_part = if *confirming && !outstanding.is_empty() {
        let cancel = {
            let confirming = confirming.clone();
            Callback::from(move |_| confirming.set(false))
        };
        html! {
            <div class="close-confirm" id="close-confirm" role="alertdialog" aria-labelledby="close-outstanding">
                <p id="close-outstanding">{ i18n.tr("close-outstanding") }</p>
                <ul id="outstanding-list">
                    { for outstanding.iter().map(|o| html! {
                        <li>{ outstanding_text(&i18n, *o, &name, &nation) }</li>
                    }) }
                </ul>
                <div class="actions">
                    <button class="primary" id="close-confirm-yes" onclick={simple(EpisodeEvent::Closed)}>
                        { i18n.tr("close-confirm") }
                    </button>
                    <button class="secondary" id="close-confirm-no" onclick={cancel}>{ i18n.tr("close-cancel") }</button>
                </div>
            </div>
        }
    } else {
        let ask = {
            let confirming = confirming.clone();
            Callback::from(move |_| confirming.set(true))
        };
        let onclick = if outstanding.is_empty() {
            simple(EpisodeEvent::Closed)
        } else {
            ask
        };
        html! {
            <>
                <p class="hint">{ i18n.tr_with("close-hint", &[("name", name.clone())]) }</p>
                <button class="primary" id="close-episode" {onclick}>{ i18n.tr("close-episode") }</button>
            </>
        }
    };
    let end_part = {
        let on_reason = {
            let end = end.clone();
            Callback::from(move |e: Event| {
                let (_, note) = (*end).clone();
                end.set((e.target_unchecked_into::<HtmlSelectElement>().value(), note));
            })
        };
        let on_note = {
            let end = end.clone();
            Callback::from(move |e: InputEvent| {
                let (reason, _) = (*end).clone();
                end.set((
                    reason,
                    e.target_unchecked_into::<HtmlTextAreaElement>().value(),
                ));
            })
        };
        let on_submit = {
            let (end, view, error, dispatcher, backend) = (
                end.clone(),
                view.clone(),
                error.clone(),
                props.dispatcher.clone(),
                backend.clone(),
            );
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let reason = EndReason::ALL
                    .into_iter()
                    .find(|r| r.message_id() == end.0)
                    .unwrap_or(EndReason::PlacementEnded);
                let event = EpisodeEvent::EndedWithoutReturn {
                    reason,
                    note: end.1.clone(),
                };
                let (dispatcher, reloader) = (dispatcher.clone(), backend.clone());
                save(
                    &backend,
                    id,
                    event,
                    view.clone(),
                    error.clone(),
                    move |_| {
                        reload(&reloader, dispatcher.clone());
                        dispatcher.dispatch(Action::ShowHome);
                    },
                );
            })
        };
        html! {
            <details class="end-missing" id="end-missing">
                <summary>{ i18n.tr_with("end-missing-title", &[("name", name.clone())]) }</summary>
                <p class="hint">{ i18n.tr_with("end-missing-hint", &[("name", name.clone())]) }</p>
                <form id="end-missing-form" onsubmit={on_submit} novalidate=true>
                    <label for="end-reason">{ i18n.tr("end-reason") }</label>
                    <select id="end-reason" onchange={on_reason}>
                        { for EndReason::ALL.into_iter().map(|r| html! {
                            <option value={r.message_id()} selected={end.0 == r.message_id()}>
                                { i18n.tr_with(r.message_id(), &[("name", name.clone())]) }
                            </option>
                        }) }
                    </select>
                    <label for="end-note">{ i18n.tr("end-missing-note") }</label>
                    <textarea id="end-note" rows="2" dir="auto" value={end.1.clone()} oninput={on_note} />
                    <button type="submit" class="secondary" id="end-missing-save">
                        { i18n.tr_with("end-missing-save", &[("name", name.clone())]) }
                    </button>
                </form>
            </details>
        }
    };

    let return_part = match &s.found {
        Some(f) => html! {
            <div class="record-part" id="return">
                <h3>{ i18n.tr("found-title") }</h3>
                <p class="recorded" id="found-recorded">
                    { i18n.tr_with("found-recorded", &[
                        ("name", name.clone()),
                        ("time", at(f.found_at)),
                        ("where", Arg::from(f.where_found.as_str())),
                        ("by", Arg::from(f.found_by.as_str())),
                    ]) }
                </p>
                <ul class="contacts" id="return-steps">
                    { for ReturnStep::ALL.into_iter().map(|step| {
                        let done = s.return_steps.iter().find(|(x, _)| *x == step).map(|(_, t)| *t);
                        html! {
                            <li data-return-step={step.message_id()}>
                                <span>{ i18n.tr_with(step.message_id(), &[("name", name.clone()), ("nation", nation.clone())]) }</span>
                                if let Some(t) = done {
                                    <span class="told">{ i18n.tr_with("checks-done-at", &[("time", at(t))]) }</span>
                                } else {
                                    <button class="secondary small"
                                        aria-label={i18n.tr_with("checks-done-label", &[("check", Arg::from(i18n.tr_with(step.message_id(), &[("name", name.clone()), ("nation", nation.clone())])))])}
                                        onclick={simple(EpisodeEvent::ReturnStepDone { step })}>
                                        { i18n.tr("checks-done-now") }
                                    </button>
                                }
                            </li>
                        }
                    }) }
                </ul>
                if first_days && !*marked {
                    <div class="banner urgent" id="first-days">
                        <p>{ i18n.tr_with("return-first-days", &[("name", name.clone())]) }</p>
                        <button class="primary" id="first-days-mark" onclick={on_mark}>
                            { i18n.tr_with("return-first-days-mark", &[("name", name.clone())]) }
                        </button>
                    </div>
                }
                <p class="hint">{ i18n.tr_with("return-profile-due", &[("name", name.clone())]) }</p>
                { back_part }
                <InterviewRecord episode_id={id} summary={s.clone()} name={props.child.name_latin.clone()}
                    nation={org.nation} timing={org.interview_timing()} on_saved={on_saved.clone()} />
                if !closed {
                    { close_part }
                }
            </div>
        },
        None => html! {
            <div class="record-part" id="return">
                <h3>{ i18n.tr("found-title") }</h3>
                <form id="found-form" onsubmit={on_found} novalidate=true>
                    <WhenField id="found-at" label={i18n.tr_with("found-at", &[("name", name.clone())])}
                        value={if found.at.is_empty() { now_typed() } else { found.at.clone() }}
                        error={field_message(&error, Field::FoundAt)} ago=true
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
                { end_part }
            </div>
        },
    };

    if closed {
        let ended = s.ended_missing.as_ref().map(|(reason, _, when)| html! {
            <p class="banner notice" id="ended-missing">
                { i18n.tr_with("ended-missing-recorded", &[
                    ("time", at(*when)), ("name", name.clone()),
                    ("reason", Arg::from(i18n.tr_with(reason.message_id(), &[("name", name.clone())]))),
                ]) }
            </p>
        });
        return html! {
            <section class="episode-record" id="episode-record" aria-labelledby="record-heading">
                <h2 id="record-heading">{ i18n.tr("record-heading") }</h2>
                { general_error(&i18n, &error) }
                if let Some(t) = s.closed_at.or(v.episode.closed_at) {
                    <p class="hint" id="after-return-closed">{ i18n.tr_with("after-return-closed", &[("time", at(t))]) }</p>
                }
                { for ended }
                { return_part }
                if org.records_regulator_decision() && s.found.is_some() {
                    <div class="record-part">{ regulator_part }</div>
                }
                { log_part }
            </section>
        };
    }
    // The agreed checks for every child: for an escalated plan, while waiting for police.
    let checks = Some(checks_part(&i18n, props.profile.as_ref(), s, simple));
    let script = props
        .profile
        .as_ref()
        .map(|p| call_script(&i18n, p, &v.episode, s, org.nation.id()));
    let on_details_saved = {
        let view = view.clone();
        Callback::from(move |v: EpisodeView| view.set(Some(v)))
    };
    html! {
        <section class="episode-record" id="episode-record" aria-labelledby="record-heading">
            <h2 id="record-heading">{ i18n.tr("record-heading") }</h2>
            if v.needs_checking {
                <p class="banner notice" id="record-needs-checking" role="status">
                    { i18n.tr("needs-checking-episode") }
                </p>
            }
            { general_error(&i18n, &error) }
            { away_part }
            { for checks }
            { for script }
            { for milestones_part }
            { police_part }
            { share_part }
            <DetailsForm episode_id={id} saved={s.details.clone()} on_saved={on_details_saved} />
            { notify_part }
            { log_part }
            { return_part }
        </section>
    }
}

/// Who the contact is and their number, from the child's profile (first line of each field)
/// and the home's settings.
fn contact_details(
    profile: Option<&ProfileView>,
    org: &Organisation,
    contact: Contact,
) -> Option<String> {
    let mut parts: Vec<&str> = profile
        .map(|p| {
            contact
                .profile_keys()
                .iter()
                .filter_map(|k| p.text(k))
                .filter_map(|t| t.lines().next())
                .collect()
        })
        .unwrap_or_default();
    let from_home = contact.from_organisation(org);
    if !from_home.is_empty() {
        parts.push(from_home);
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The message for `field` from the last answer, if it had a problem with it.
fn field_message(error: &Option<ApiError>, field: Field) -> Option<&'static str> {
    error
        .as_ref()?
        .fields
        .iter()
        .find(|f| f.field == field)
        .map(|f| f.message_id())
}

/// One line of what is still to do at the close.
fn outstanding_text(i18n: &I18n, o: Outstanding, name: &Arg, nation: &Arg) -> String {
    match o {
        Outstanding::Interview => {
            i18n.tr_with("outstanding-interview", &[("nation", nation.clone())])
        }
        Outstanding::ReturnStep(step) => i18n.tr_with(
            step.message_id(),
            &[("name", name.clone()), ("nation", nation.clone())],
        ),
        Outstanding::RegulatorDecision => i18n.tr("outstanding-regulator"),
    }
}

#[derive(Properties, PartialEq)]
pub struct SheetProps {
    pub child_id: harbour_core::ChildId,
    /// Opens the sheet as a web page, printed with the system's dialog (always offered; the way
    /// to print when a PDF cannot be made).
    pub on_print_view: Callback<()>,
}

/// Save or print the one-page grab sheet for the police.
#[function_component(SheetButtons)]
pub fn sheet_buttons(props: &SheetProps) -> Html {
    let i18n = use_i18n();
    // (message id, path) of the last outcome; an error is a message id alone.
    let outcome = use_state(|| None::<Result<(String, String), String>>);
    let busy = use_state(|| false);
    let backend = use_backend();
    // Saved as a file (`true`) or sent to the printer.
    let run = |save: bool| {
        let (outcome, busy, child_id) = (outcome.clone(), busy.clone(), props.child_id);
        let backend = backend.clone();
        Callback::from(move |_| {
            let (outcome, busy, backend) = (outcome.clone(), busy.clone(), backend.clone());
            busy.set(true);
            spawn_local(async move {
                let result = if save {
                    backend
                        .save_grab_sheet(child_id)
                        .await
                        .map(|path| ("sheet-saved".to_owned(), path))
                } else {
                    backend
                        .print_grab_sheet(child_id)
                        .await
                        .map(|()| ("sheet-printed-ok".to_owned(), String::new()))
                };
                busy.set(false);
                outcome.set(Some(result.map_err(|e| e.message_id)));
            });
        })
    };
    html! {
        <div class="sheet-buttons">
            <button class="primary" id="save-sheet" disabled={*busy} onclick={run(true)}>
                { i18n.tr("sheet-save") }
            </button>
            <button class="secondary" id="print-sheet" disabled={*busy} onclick={run(false)}>
                { i18n.tr("sheet-print") }
            </button>
            <button class="secondary" id="print-view" onclick={props.on_print_view.reform(|_| ())}>
                { i18n.tr("sheet-print-view") }
            </button>
            { match &*outcome {
                Some(Ok((id, path))) => html! {
                    <p class="banner notice" role="status" id="sheet-result">
                        { i18n.tr_with(id, &[("path", Arg::from(path.as_str()))]) }
                    </p>
                },
                Some(Err(id)) => html! {
                    <p class="banner error" role="alert" id="sheet-result">{ i18n.tr(id) }</p>
                },
                None => html! {},
            } }
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
