//! Recording what happens during an episode, on the steps screen: the police report (with the
//! grade police gave), who has been told and when, a running log, the child found or back, the
//! return interview (due 72 hours after the return) and the close. Each save is an insert-only
//! event in the store; what is shown comes back from it.

use chrono::{DateTime, Utc};
use harbour_core::api::{ApiError, EpisodeView, LogLine};
use harbour_core::workflow::{
    contacts_for, Contact, EpisodeEvent, InterviewOutcome, InterviewStatus, PoliceGrade, ReturnStep,
};
use harbour_core::{ChildDetails, EpisodeId, EventId, Field};
use harbour_i18n::Arg;
use serde::Serialize;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::app::reload;
use super::episode_details::{call_script, checks_part, DetailsForm};
use super::fields::{self, field_error};
use crate::i18n::{use_i18n, I18n};
use crate::ipc;
use crate::state::{Action, AppState};
use crate::time;
use harbour_core::organisation::{HomeKind, Organisation};
use harbour_core::profile::ProfileView;

#[derive(Properties, PartialEq)]
pub struct RecordProps {
    pub episode_id: EpisodeId,
    pub child: ChildDetails,
    pub dispatcher: UseReducerDispatcher<AppState>,
    /// The child's profile, once loaded: the agreed checks and the call script come from it.
    pub profile: Option<ProfileView>,
    /// 999 first: the agreed search-first checks are not offered.
    pub escalated: bool,
    /// The home's settings: its contacts, the kind of home, the nation's terms.
    pub organisation: Organisation,
}

#[derive(Serialize)]
struct EpisodeArgs {
    episode_id: EpisodeId,
}

#[derive(Serialize)]
struct EventArgs<'a> {
    episode_id: EpisodeId,
    event: &'a EpisodeEvent,
}

#[derive(Clone, Default, PartialEq)]
struct PoliceForm {
    reference: String,
    officer: String,
    grade: String,
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
    episode_id: EpisodeId,
    event: EpisodeEvent,
    view: UseStateHandle<Option<EpisodeView>>,
    error: UseStateHandle<Option<ApiError>>,
    then: impl FnOnce(&EpisodeView) + 'static,
) {
    spawn_local(async move {
        let result: Outcome = ipc::call(
            "record_event",
            &EventArgs {
                episode_id,
                event: &event,
            },
        )
        .await;
        match result {
            Ok(v) => {
                error.set(None);
                then(&v);
                view.set(Some(v));
            }
            Err(e) => error.set(Some(e)),
        }
    });
}

fn grade_of(value: &str) -> Option<PoliceGrade> {
    PoliceGrade::ALL
        .into_iter()
        .find(|g| g.message_id() == value)
}

/// Fields whose problems are shown next to their input; any other problem (the episode is
/// closed, the child is not back yet, a long "found by") is shown as one message at the top.
const INLINE: [Field; 5] = [
    Field::PoliceReference,
    Field::Officer,
    Field::UpdateText,
    Field::FoundAt,
    Field::Reason,
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
    let view = use_state(|| None::<EpisodeView>);
    let error = use_state(|| None::<ApiError>);
    let police = use_state(PoliceForm::default);
    let update = use_state(String::new);
    // The log line being corrected, and its new wording.
    let correcting = use_state(|| None::<(EventId, String)>);
    let reg_reason = use_state(String::new);
    // An untouched "found at" means now (when saved), not when the screen was opened.
    let found = use_state(FoundForm::default);
    {
        let (view, error, id) = (view.clone(), error.clone(), props.episode_id);
        use_effect_with(id, move |id| {
            let (view, error, episode_id) = (view.clone(), error.clone(), *id);
            spawn_local(async move {
                match ipc::call::<_, EpisodeView>("episode_view", &EpisodeArgs { episode_id }).await
                {
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
        let (police, view, error) = (police.clone(), view.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let event = EpisodeEvent::PoliceReported {
                reference: police.reference.clone(),
                officer: police.officer.clone(),
                grade: grade_of(&police.grade),
            };
            let clear = police.clone();
            save(id, event, view.clone(), error.clone(), move |_| {
                clear.set(PoliceForm::default())
            });
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
        let (update, view, error) = (update.clone(), view.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let event = EpisodeEvent::Update {
                text: (*update).clone(),
            };
            let clear = update.clone();
            save(id, event, view.clone(), error.clone(), move |_| {
                clear.set(String::new())
            });
        })
    };
    let on_found = {
        let (found, view, error) = (found.clone(), view.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let typed = if found.at.is_empty() {
                Some(time::now())
            } else {
                time::from_input_value(&found.at)
            };
            let Some(found_at) = typed else {
                error.set(Some(ApiError {
                    code: "invalid".into(),
                    message_id: "error-last-seen-not-a-time".into(),
                    fields: vec![],
                    retry_after_seconds: None,
                    profile_fields: Vec::new(),
                }));
                return;
            };
            let event = EpisodeEvent::Found {
                found_at,
                found_by: found.by.clone(),
                where_found: found.place.clone(),
                how_returned: found.how.clone(),
            };
            save(id, event, view.clone(), error.clone(), |_| {});
        })
    };
    let simple = |event: EpisodeEvent| {
        let (view, error) = (view.clone(), error.clone());
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |_| {
            let closing = event == EpisodeEvent::Closed;
            let dispatcher = dispatcher.clone();
            save(id, event.clone(), view.clone(), error.clone(), move |_| {
                if closing {
                    reload(dispatcher.clone());
                    dispatcher.dispatch(Action::ShowHome);
                }
            });
        })
    };

    let police_part = html! {
        <div class="record-part" id="police">
            <h3>{ i18n.tr("police-title") }</h3>
            if let Some(p) = &s.police {
                <p class="recorded" id="police-recorded">
                    { i18n.tr_with("police-recorded", &[
                        ("reference", Arg::from(p.reference.as_str())),
                        ("officer", Arg::from(p.officer.as_str())),
                        ("grade", Arg::from(p.grade.map(|g| i18n.tr(g.message_id())).unwrap_or_else(|| i18n.tr("police-grade-none")))),
                        ("time", at(p.at)),
                    ]) }
                </p>
            }
            <form id="police-form" onsubmit={on_police} novalidate=true>
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
                let (reason, view, error) = (reg_reason.clone(), view.clone(), error.clone());
                Callback::from(move |_| {
                    let event = EpisodeEvent::RegulatorDecision {
                        notify,
                        reason: (*reason).clone(),
                    };
                    save(id, event, view.clone(), error.clone(), |_| {});
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
                    <h4>{ i18n.tr_with("reg-title", &[("nation", nation.clone())]) }</h4>
                    <p class="hint">{ i18n.tr_with("reg-hint", &[("nation", nation.clone())]) }</p>
                    <label for="reg-reason">{ i18n.tr("reg-reason") }</label>
                    <textarea id="reg-reason" rows="2" value={(*reg_reason).clone()}
                        aria-describedby="reg-reason-error" oninput={on_reason} />
                    { field_error(&i18n, &error, Field::Reason, "reg-reason-error") }
                    <div class="actions">
                        <button class="primary" id="reg-notify" onclick={decide(true)}>
                            { i18n.tr_with("reg-notify", &[("nation", nation.clone())]) }
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
                { for contacts_for(&props.child, org.home_kind).into_iter().map(|c| {
                    let told = s.notified.iter().find(|(x, _)| *x == c).map(|(_, t)| *t);
                    html! {
                        <li data-contact={c.message_id()}>
                            <span>{ i18n.tr(c.message_id()) }
                                { for contact_details(props.profile.as_ref(), org, c).map(|d| html! {
                                    <span class="contact-details"><bdi>{ d }</bdi></span>
                                }) }
                            </span>
                            if let Some(t) = told {
                                <span class="told">{ i18n.tr_with("notify-told-at", &[("time", at(t))]) }</span>
                            } else {
                                <button class="secondary small"
                                    aria-label={i18n.tr_with("notify-told-label", &[("contact", Arg::from(i18n.tr(c.message_id())))])}
                                    onclick={simple(EpisodeEvent::Notified { contact: c })}>
                                    { i18n.tr("notify-told-now") }
                                </button>
                            }
                        </li>
                    }
                }) }
            </ul>
            if props.child.suspected_trafficked {
                <p class="hint">{ i18n.tr("step-no-relatives") }</p>
            }
            if org.home_kind == HomeKind::ChildrensHome {
                { regulator_part }
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
                    let (correcting, view, error) =
                        (correcting.clone(), view.clone(), error.clone());
                    let (of, text) = (line.id, text.clone());
                    Callback::from(move |e: SubmitEvent| {
                        e.prevent_default();
                        let event = EpisodeEvent::UpdateCorrected {
                            of,
                            text: text.clone(),
                        };
                        let done = correcting.clone();
                        save(id, event, view.clone(), error.clone(), move |_| {
                            done.set(None)
                        });
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
        html! {
            <li data-line={line.id.to_string()}>
                <span class="when">{ time::format_local(line.at) }</span>{ " " }{ body }
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
                                <span>{ i18n.tr_with(step.message_id(), &[("name", name.clone())]) }</span>
                                if let Some(t) = done {
                                    <span class="told">{ i18n.tr_with("checks-done-at", &[("time", at(t))]) }</span>
                                } else {
                                    <button class="secondary small"
                                        aria-label={i18n.tr_with("checks-done-label", &[("check", Arg::from(i18n.tr_with(step.message_id(), &[("name", name.clone())])))])}
                                        onclick={simple(EpisodeEvent::ReturnStepDone { step })}>
                                        { i18n.tr("checks-done-now") }
                                    </button>
                                }
                            </li>
                        }
                    }) }
                </ul>
                <p class="hint">{ i18n.tr_with("return-profile-due", &[("name", name.clone())]) }</p>
                { interview_status(&i18n, s.interview, &nation) }
                if !matches!(s.interview, Some(InterviewStatus::Recorded { .. })) {
                    <div class="actions">
                        <button class="secondary" id="interview-offered"
                            onclick={simple(EpisodeEvent::ReturnInterview { outcome: InterviewOutcome::Offered })}>
                            { i18n.tr_with("interview-offered", &[("nation", nation.clone())]) }</button>
                        <button class="secondary" id="interview-done"
                            onclick={simple(EpisodeEvent::ReturnInterview { outcome: InterviewOutcome::Done })}>
                            { i18n.tr_with("interview-done", &[("nation", nation.clone())]) }</button>
                        <button class="secondary" id="interview-declined"
                            onclick={simple(EpisodeEvent::ReturnInterview { outcome: InterviewOutcome::Declined })}>
                            { i18n.tr_with("interview-declined", &[("nation", nation.clone())]) }</button>
                    </div>
                }
                <p class="hint">{ i18n.tr("close-hint") }</p>
                <button class="primary" id="close-episode" onclick={simple(EpisodeEvent::Closed)}>
                    { i18n.tr("close-episode") }
                </button>
            </div>
        },
        None => html! {
            <div class="record-part" id="return">
                <h3>{ i18n.tr("found-title") }</h3>
                <form id="found-form" onsubmit={on_found} novalidate=true>
                    <div class="field">
                        <label for="found-at">{ i18n.tr_with("found-at", &[("name", name.clone())]) }</label>
                        <input id="found-at" type="datetime-local"
                            value={if found.at.is_empty() { time::to_input_value(time::now()) } else { found.at.clone() }}
                            aria-describedby="found-at-error"
                            oninput={fields::edit(&found, |f, v| f.at = v)} />
                        { field_error(&i18n, &error, Field::FoundAt, "found-at-error") }
                    </div>
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
            </div>
        },
    };

    let checks = (!props.escalated).then(|| checks_part(&i18n, props.profile.as_ref(), s, simple));
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
            { general_error(&i18n, &error) }
            { for checks }
            { for script }
            { police_part }
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

/// "Return interview due by …", or overdue, or what was recorded.
fn interview_status(i18n: &I18n, status: Option<InterviewStatus>, nation: &Arg) -> Html {
    match status {
        Some(InterviewStatus::Due { by }) => html! {
            <p class="banner info" id="interview-status">{ i18n.tr_with("interview-due", &[("time", at(by)), ("nation", nation.clone())]) }</p>
        },
        Some(InterviewStatus::Overdue { since }) => html! {
            <p class="banner error" role="alert" id="interview-status">{ i18n.tr_with("interview-overdue", &[("time", at(since)), ("nation", nation.clone())]) }</p>
        },
        Some(InterviewStatus::Recorded { outcome }) => {
            let id = match outcome {
                InterviewOutcome::Offered => "interview-recorded-offered",
                InterviewOutcome::Done => "interview-recorded-done",
                InterviewOutcome::Declined => "interview-recorded-declined",
            };
            html! { <p class="banner notice" id="interview-status">{ i18n.tr_with(id, &[("nation", nation.clone())]) }</p> }
        }
        _ => html! {},
    }
}

#[derive(Properties, PartialEq)]
pub struct SheetProps {
    pub child_id: harbour_core::ChildId,
    /// Opens the sheet as a web page, printed with the system's dialog (always offered; the way
    /// to print when a PDF cannot be made).
    pub on_print_view: Callback<()>,
}

#[derive(Serialize)]
struct SheetArgs {
    child_id: harbour_core::ChildId,
}

/// Save or print the one-page grab sheet for the police.
#[function_component(SheetButtons)]
pub fn sheet_buttons(props: &SheetProps) -> Html {
    let i18n = use_i18n();
    // (message id, path) of the last outcome; an error is a message id alone.
    let outcome = use_state(|| None::<Result<(String, String), String>>);
    let busy = use_state(|| false);
    let run = |command: &'static str| {
        let (outcome, busy, child_id) = (outcome.clone(), busy.clone(), props.child_id);
        Callback::from(move |_| {
            let (outcome, busy) = (outcome.clone(), busy.clone());
            busy.set(true);
            spawn_local(async move {
                let args = SheetArgs { child_id };
                let result = if command == "save_grab_sheet" {
                    ipc::call::<_, String>(command, &args)
                        .await
                        .map(|path| ("sheet-saved".to_owned(), path))
                } else {
                    ipc::call::<_, ()>(command, &args)
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
            <button class="primary" id="save-sheet" disabled={*busy} onclick={run("save_grab_sheet")}>
                { i18n.tr("sheet-save") }
            </button>
            <button class="secondary" id="print-sheet" disabled={*busy} onclick={run("print_grab_sheet")}>
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
