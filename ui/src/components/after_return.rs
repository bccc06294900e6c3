//! What follows the return, for an episode whose missing part is closed: the return interview
//! (it stays on the home screen's list until held or declined), the regulator decision, the
//! steps after the return and the log, recorded on the same record as before.

use harbour_core::api::ChildEntry;
use harbour_core::organisation::Organisation;
use harbour_core::EpisodeId;
use harbour_i18n::Arg;
use yew::prelude::*;

use super::record::EpisodeRecord;
use crate::backend::{reload, use_backend};
use crate::i18n::use_i18n;
use crate::state::{Action, AppState};

#[derive(Properties, PartialEq)]
pub struct AfterReturnProps {
    pub entry: ChildEntry,
    pub episode_id: EpisodeId,
    pub dispatcher: UseReducerDispatcher<AppState>,
    pub organisation: Organisation,
}

#[function_component(AfterReturn)]
pub fn after_return(props: &AfterReturnProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let d = &props.entry.child.details;
    let on_back = {
        let d = props.dispatcher.clone();
        Callback::from(move |_| {
            reload(&backend, d.clone());
            d.dispatch(Action::ShowHome)
        })
    };
    html! {
        <section class="after-return" aria-labelledby="after-return-heading">
            <div class="screen-head">
                <h1 id="after-return-heading" tabindex="-1">
                    { i18n.tr_with("after-return-heading", &[("name", Arg::from(d.name_latin.as_str()))]) }
                </h1>
                <button class="secondary" id="back-home" onclick={on_back}>{ i18n.tr("after-return-back") }</button>
            </div>
            <EpisodeRecord episode_id={props.episode_id} child_id={props.entry.child.id} child={d.clone()}
                dispatcher={props.dispatcher.clone()} profile={None::<harbour_core::profile::ProfileView>}
                escalated={d.escalate_when_missing()} organisation={props.organisation.clone()} />
        </section>
    }
}
