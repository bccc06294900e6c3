//! Recording what happens during an episode, on the steps screen: the police report (with the
//! grade police gave), who has been told and when, a running log, the child found or back, the
//! return interview (due 72 hours after the return) and the close. Each save is an insert-only
//! event in the store; what is shown comes back from it.

use chrono::{DateTime, Utc};
use harbour_core::api::{ApiError, EpisodeView};
use harbour_core::child::age_on;
use harbour_core::episode::{
    contacts_for, Contact, EndReason, EpisodeEvent, Outstanding, PoliceGrade, ReturnStep,
};
use harbour_core::{ChildDetails, EpisodeId, Field};
use harbour_i18n::Arg;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::episode_details::{call_script, checks_part, DetailsForm};
use super::fields::{self, field_error};
use super::interview::InterviewRecord;
use crate::backend::reload;
use crate::backend::{use_backend, Backend};
use crate::i18n::{use_i18n, I18n};
use crate::state::{Action, AppState};
use crate::time;

mod found;
mod log;
mod police;
mod regulator;
mod share;
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

fn at(t: DateTime<Utc>) -> Arg {
    Arg::from(time::format_local(t))
}

/// The answer to a save: the new view, or the problems to show.
type Outcome = Result<EpisodeView, ApiError>;

/// What a part of the record needs to record an event: the shell, the episode, and where the
/// answer (the episode as it stands now) and any problem go. Every part shares one error, so a
/// problem not tied to a field shows once, at the top.
#[derive(Clone, PartialEq)]
pub struct Recorder {
    backend: Backend,
    episode: EpisodeId,
    view: UseStateHandle<Option<EpisodeView>>,
    error: UseStateHandle<Option<ApiError>>,
}

impl Recorder {
    /// Records `event`; on success runs `then` with the new view and shows it.
    fn save(&self, event: EpisodeEvent, then: impl FnOnce(&EpisodeView) + 'static) {
        let (view, error) = (self.view.clone(), self.error.clone());
        send(
            &self.backend,
            self.episode,
            event,
            move |result| match result {
                Ok(v) => {
                    error.set(None);
                    then(&v);
                    view.set(Some(v));
                }
                Err(e) => error.set(Some(e)),
            },
        );
    }

    /// Records `event`, then reads the list of children again (what the home screen shows of
    /// the child has changed) and, with `home`, goes back to it.
    fn save_and_reload(
        &self,
        event: EpisodeEvent,
        dispatcher: UseReducerDispatcher<AppState>,
        home: bool,
    ) {
        let backend = self.backend.clone();
        self.save(event, move |_| {
            reload(&backend, dispatcher.clone());
            if home {
                dispatcher.dispatch(Action::ShowHome);
            }
        });
    }

    fn error(&self) -> &Option<ApiError> {
        &self.error
    }

    fn fail(&self, e: ApiError) {
        self.error.set(Some(e));
    }

    fn clear_error(&self) {
        self.error.set(None);
    }
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
    let end = use_state(|| (String::new(), String::new()));
    // Close pressed with things outstanding: the list is shown and the close asked again.
    let confirming = use_state(|| false);
    let marked = use_state(|| false);
    let whereabouts = use_state(String::new);
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
    let rec = Recorder {
        backend: backend.clone(),
        episode: id,
        view: view.clone(),
        error: error.clone(),
    };
    let s = &v.summary;
    let org = &props.organisation;
    let nation = Arg::from(org.nation.id());
    let name = Arg::from(props.child.name_latin.as_str());

    let simple = |event: EpisodeEvent| {
        let (rec, dispatcher) = (rec.clone(), props.dispatcher.clone());
        Callback::from(move |_| {
            if event == EpisodeEvent::Closed {
                rec.save_and_reload(event.clone(), dispatcher.clone(), true);
            } else {
                rec.save(event.clone(), |_| {});
            }
        })
    };

    let share_part = html! { <share::SheetSharing rec={rec.clone()} summary={s.clone()} /> };

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
        <police::PoliceReport rec={rec.clone()} summary={s.clone()} child={props.child.clone()}
            nation={org.nation} />
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
        None => html! { <regulator::Decision rec={rec.clone()} organisation={org.clone()} /> },
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

    let log_part = html! { <log::RunningLog rec={rec.clone()} view={v.clone()} /> };

    let closed = s.closed_at.is_some() || v.episode.closed_at.is_some();
    // Away with whereabouts known, and the one step that turns it into missing.
    let away_part = if let Some((place, since)) = s.away.clone().filter(|_| s.is_away()) {
        let now_missing = {
            let (rec, dispatcher) = (rec.clone(), props.dispatcher.clone());
            Callback::from(move |_| {
                rec.save_and_reload(EpisodeEvent::NowMissing, dispatcher.clone(), false)
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
            let (whereabouts, rec, dispatcher) =
                (whereabouts.clone(), rec.clone(), props.dispatcher.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let event = EpisodeEvent::Away {
                    whereabouts: (*whereabouts).clone(),
                };
                rec.save_and_reload(event, dispatcher.clone(), false);
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
        None => html! { <found::BackAt rec={rec.clone()} /> },
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
            let (end, rec, dispatcher) = (end.clone(), rec.clone(), props.dispatcher.clone());
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
                rec.save_and_reload(event, dispatcher.clone(), true);
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
                <found::Found rec={rec.clone()} name={props.child.name_latin.clone()} />
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
