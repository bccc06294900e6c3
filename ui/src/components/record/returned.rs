//! Once the child is found: what was recorded, the steps after the return (each ticked with its
//! time), the flag proposed when they went missing within days of arriving, when they were back
//! at the placement, the return interview, and the close with what is still outstanding.

use harbour_core::api::EpisodeView;
use harbour_core::episode::{EpisodeEvent, EpisodeSummary, Outstanding, ReturnStep};
use harbour_core::organisation::Organisation;
use harbour_core::profile::ProfileView;
use harbour_core::{ChildDetails, ChildId};
use harbour_i18n::Arg;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::super::interview::InterviewRecord;
use super::found::BackAt;
use super::{at, Recorder};
use crate::backend::reload;
use crate::i18n::{use_i18n, I18n};

#[derive(Properties, PartialEq)]
pub struct ReturnedProps {
    pub rec: Recorder,
    pub view: EpisodeView,
    pub child_id: ChildId,
    pub child: ChildDetails,
    pub profile: Option<ProfileView>,
    pub organisation: Organisation,
}

#[function_component(Returned)]
pub fn returned(props: &ReturnedProps) -> Html {
    let i18n = use_i18n();
    let marked = use_state(|| false);
    let (rec, v, org) = (&props.rec, &props.view, &props.organisation);
    let s = &v.summary;
    let Some(f) = &s.found else {
        return html! {};
    };
    let name = Arg::from(props.child.name_latin.as_str());
    let args = [
        ("name", name.clone()),
        ("nation", Arg::from(org.nation.id())),
    ];
    let closed = s.closed_at.is_some() || v.episode.closed_at.is_some();
    // Missing within days of coming into care or here: propose the flag on return.
    let since = props.profile.as_ref().and_then(ProfileView::in_care_since);
    let first_days =
        harbour_core::steps::missing_in_first_days(&props.child, since, v.episode.last_seen_at);
    let on_mark = {
        let (marked, rec, child_id) = (marked.clone(), rec.clone(), props.child_id);
        Callback::from(move |_| {
            let (marked, rec) = (marked.clone(), rec.clone());
            spawn_local(async move {
                match rec.backend.mark_suspected_trafficked(child_id).await {
                    Ok(_) => {
                        marked.set(true);
                        reload(&rec.backend, rec.dispatcher.clone());
                    }
                    Err(e) => rec.fail(e),
                }
            });
        })
    };
    let on_saved = {
        let rec = rec.clone();
        Callback::from(move |v: EpisodeView| rec.show(v))
    };
    let found = [
        ("name", name.clone()),
        ("time", at(f.found_at)),
        ("where", Arg::from(f.where_found.as_str())),
        ("by", Arg::from(f.found_by.as_str())),
    ];
    html! {
        <div class="record-part" id="return">
            <h3>{ i18n.tr("found-title") }</h3>
            <p class="recorded" id="found-recorded">{ i18n.tr_with("found-recorded", &found) }</p>
            <ul class="contacts" id="return-steps">
                { for ReturnStep::ALL.into_iter().map(|step| {
                    let done = s.return_steps.iter().find(|(x, _)| *x == step).map(|(_, t)| *t);
                    let label = i18n.tr_with(step.message_id(), &args);
                    html! {
                        <li data-return-step={step.message_id()}>
                            <span>{ label.clone() }</span>
                            if let Some(t) = done {
                                <span class="told">{ i18n.tr_with("checks-done-at", &[("time", at(t))]) }</span>
                            } else {
                                <button class="secondary small"
                                    aria-label={i18n.tr_with("checks-done-label", &[("check", Arg::from(label))])}
                                    onclick={rec.on_click(EpisodeEvent::ReturnStepDone { step })}>
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
            <BackAt rec={rec.clone()} back_at={f.back_at} />
            <InterviewRecord episode_id={v.episode.id} summary={s.clone()} name={props.child.name_latin.clone()}
                nation={org.nation} timing={org.interview_timing()} {on_saved} />
            if !closed {
                <Close rec={rec.clone()} summary={s.clone()} organisation={org.clone()}
                    name={props.child.name_latin.clone()} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CloseProps {
    pub rec: Recorder,
    pub summary: EpisodeSummary,
    pub organisation: Organisation,
    /// The child's name.
    pub name: String,
}

/// Closing the missing part: at once when nothing is outstanding; otherwise the list of what
/// is, and the close asked again.
#[function_component(Close)]
pub fn close(props: &CloseProps) -> Html {
    let i18n = use_i18n();
    let confirming = use_state(|| false);
    let (rec, org) = (&props.rec, &props.organisation);
    let name = Arg::from(props.name.as_str());
    let nation = Arg::from(org.nation.id());
    let outstanding = props.summary.outstanding(org);
    let close = rec.on_click(EpisodeEvent::Closed);
    if !*confirming || outstanding.is_empty() {
        let onclick = if outstanding.is_empty() {
            close
        } else {
            let confirming = confirming.clone();
            Callback::from(move |_| confirming.set(true))
        };
        return html! {
            <>
                <p class="hint">{ i18n.tr_with("close-hint", &[("name", name)]) }</p>
                <button class="primary" id="close-episode" {onclick}>{ i18n.tr("close-episode") }</button>
            </>
        };
    }
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
                <button class="primary" id="close-confirm-yes" onclick={close}>
                    { i18n.tr("close-confirm") }
                </button>
                <button class="secondary" id="close-confirm-no" onclick={cancel}>{ i18n.tr("close-cancel") }</button>
            </div>
        </div>
    }
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
