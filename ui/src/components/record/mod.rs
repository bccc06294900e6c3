//! Recording what happens during an episode, on the steps screen: the police report (with the
//! grade police gave), who has been told and when, a running log, the child found or back, the
//! return interview (due 72 hours after the return) and the close. Each save is an insert-only
//! event in the store; what is shown comes back from it.

use chrono::{DateTime, Utc};
use harbour_core::api::{ApiError, EpisodeView};
use harbour_core::episode::{EpisodeEvent, PoliceGrade};
use harbour_core::organisation::Organisation;
use harbour_core::profile::ProfileView;
use harbour_core::{ChildDetails, EpisodeId, Field};
use harbour_i18n::Arg;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::episode_details::{call_script, checks_part, DetailsForm};
use crate::backend::{reload, use_backend, Backend};
use crate::i18n::{use_i18n, I18n};
use crate::state::{Action, AppState};
use crate::time;

mod away;
mod found;
mod log;
mod milestones;
mod notifications;
mod police;
mod regulator;
mod returned;
mod share;
mod sheet_buttons;

#[cfg(test)]
pub(crate) use regulator::regulator_rules;
pub use sheet_buttons::SheetButtons;

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
    /// Where the list of children is read again after a save that changes it.
    dispatcher: UseReducerDispatcher<AppState>,
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
    fn save_and_reload(&self, event: EpisodeEvent, home: bool) {
        let (backend, dispatcher) = (self.backend.clone(), self.dispatcher.clone());
        self.save(event, move |_| {
            reload(&backend, dispatcher.clone());
            if home {
                dispatcher.dispatch(Action::ShowHome);
            }
        });
    }

    /// A button's press that records `event` as it stands: "told now", "done now", the close
    /// (which then goes back to the home screen, where the child is no longer missing).
    fn on_click(&self, event: EpisodeEvent) -> Callback<MouseEvent> {
        let rec = self.clone();
        Callback::from(move |_| {
            if event == EpisodeEvent::Closed {
                rec.save_and_reload(event.clone(), true);
            } else {
                rec.save(event.clone(), |_| {});
            }
        })
    }

    /// Shows the episode as a part saved it some other way (the interview, Part 2).
    fn show(&self, v: EpisodeView) {
        self.view.set(Some(v));
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
    let rec = Recorder {
        backend,
        dispatcher: props.dispatcher.clone(),
        episode: props.episode_id,
        view: view.clone(),
        error: error.clone(),
    };
    let s = &v.summary;
    let org = &props.organisation;
    let name = props.child.name_latin.clone();
    let heading = html! { <h2 id="record-heading">{ i18n.tr("record-heading") }</h2> };
    let log_part = html! { <log::RunningLog rec={rec.clone()} view={v.clone()} /> };
    let closed = s.closed_at.is_some() || v.episode.closed_at.is_some();
    let return_part = if s.found.is_some() {
        html! {
            <returned::Returned rec={rec.clone()} view={v.clone()} child_id={props.child_id}
                child={props.child.clone()} profile={props.profile.clone()} organisation={org.clone()} />
        }
    } else {
        html! {
            <div class="record-part" id="return">
                <h3>{ i18n.tr("found-title") }</h3>
                <found::Found rec={rec.clone()} name={name.clone()} />
                // Ended already: they can still be found, but not ended twice.
                if !closed {
                    <found::EndMissing rec={rec.clone()} name={name.clone()} />
                }
            </div>
        }
    };

    if closed {
        let ended = s.ended_missing.as_ref().map(|(reason, _, when)| {
            let name = Arg::from(name.as_str());
            let reason = i18n.tr_with(reason.message_id(), &[("name", name.clone())]);
            let args = [("time", at(*when)), ("name", name), ("reason", Arg::from(reason))];
            html! {
                <p class="banner notice" id="ended-missing">{ i18n.tr_with("ended-missing-recorded", &args) }</p>
            }
        });
        return html! {
            <section class="episode-record" id="episode-record" aria-labelledby="record-heading">
                { heading }
                { general_error(&i18n, &error) }
                if let Some(t) = s.closed_at.or(v.episode.closed_at) {
                    <p class="hint" id="after-return-closed">{ i18n.tr_with("after-return-closed", &[("time", at(t))]) }</p>
                }
                { for ended }
                { return_part }
                if org.records_regulator_decision() && s.found.is_some() {
                    <div class="record-part">
                        <regulator::Regulator rec={rec.clone()} summary={s.clone()} organisation={org.clone()} />
                    </div>
                }
                { log_part }
            </section>
        };
    }
    // The agreed checks for every child: for an escalated plan, while waiting for police.
    let checks = checks_part(&i18n, props.profile.as_ref(), s, |event| {
        rec.on_click(event)
    });
    let script = props
        .profile
        .as_ref()
        .map(|p| call_script(&i18n, p, &v.episode, s, org.nation.id()));
    let on_details_saved = {
        let rec = rec.clone();
        Callback::from(move |v: EpisodeView| rec.show(v))
    };
    html! {
        <section class="episode-record" id="episode-record" aria-labelledby="record-heading">
            { heading }
            if v.needs_checking {
                <p class="banner notice" id="record-needs-checking" role="status">
                    { i18n.tr("needs-checking-episode") }
                </p>
            }
            { general_error(&i18n, &error) }
            <away::Away rec={rec.clone()} view={v.clone()} name={name.clone()} escalated={props.escalated} />
            { checks }
            { for script }
            <milestones::Milestones rec={rec.clone()} view={v.clone()} name={name.clone()} nation={org.nation} />
            <police::PoliceReport rec={rec.clone()} summary={s.clone()} child={props.child.clone()}
                nation={org.nation} />
            <share::SheetSharing rec={rec.clone()} summary={s.clone()} />
            <DetailsForm episode_id={props.episode_id} saved={s.details.clone()} on_saved={on_details_saved} />
            <notifications::Notifications rec={rec.clone()} view={v.clone()} child={props.child.clone()}
                profile={props.profile.clone()} organisation={org.clone()} />
            { log_part }
            { return_part }
        </section>
    }
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
