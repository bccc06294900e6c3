//! The grab sheet as a web page, printed with the system's print dialog: the fallback for when
//! the PDF cannot be made or saved, so a report to the police is never blocked. It holds what
//! the PDF holds (the same blocks of the profile, never the sensitive fields) and each print is
//! written to the audit chain.

use harbour_core::api::{ApiError, ChildEntry, EpisodeView};
use harbour_core::child::age_on;
use harbour_core::organisation::Organisation;
use harbour_core::profile::{sheet_blocks, ProfileOpened};
use harbour_core::workflow::part2_entries;
use harbour_core::{ChildId, EpisodeId};
use harbour_i18n::Arg;
use serde::Serialize;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::home::{flags, names};
use crate::i18n::{use_i18n, I18n};
use crate::ipc;
use crate::time;

#[derive(Serialize)]
struct ChildArgs {
    child_id: ChildId,
}

#[derive(Serialize)]
struct EpisodeArgs {
    episode_id: EpisodeId,
}

#[derive(Properties, PartialEq)]
pub struct PrintViewProps {
    pub entry: ChildEntry,
    pub on_back: Callback<()>,
    pub organisation: Organisation,
}

/// Loads the profile and the open episode, then shows the sheet.
#[function_component(PrintView)]
pub fn print_view(props: &PrintViewProps) -> Html {
    let i18n = use_i18n();
    // The page shows once the profile and the episode are both in: a page printed before the
    // episode arrived would lack the police reference.
    let loaded = use_state(|| None::<(ProfileOpened, Option<EpisodeView>)>);
    let error = use_state(|| None::<ApiError>);
    {
        let (loaded, error) = (loaded.clone(), error.clone());
        let child_id = props.entry.child.id;
        let episode_id = props.entry.open_episode.as_ref().map(|e| e.id);
        use_effect_with(child_id, move |_| {
            spawn_local(async move {
                let opened =
                    match ipc::call::<_, ProfileOpened>("open_profile", &ChildArgs { child_id })
                        .await
                    {
                        Ok(o) => o,
                        Err(e) => return error.set(Some(e)),
                    };
                let episode = match episode_id {
                    Some(episode_id) => {
                        match ipc::call::<_, EpisodeView>(
                            "episode_view",
                            &EpisodeArgs { episode_id },
                        )
                        .await
                        {
                            Ok(v) => Some(v),
                            Err(e) => return error.set(Some(e)),
                        }
                    }
                    None => None,
                };
                loaded.set(Some((opened, episode)));
            });
        });
    }
    let on_print = {
        let (error, child_id) = (error.clone(), props.entry.child.id);
        Callback::from(move |_| {
            let error = error.clone();
            spawn_local(async move {
                // Recorded first: a print that is not in the audit chain does not happen.
                match ipc::call::<_, ()>("record_print_view", &ChildArgs { child_id }).await {
                    Ok(()) => {
                        if let Some(w) = web_sys::window() {
                            let _ = w.print();
                        }
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    html! {
        <section class="print-view" aria-labelledby="print-view-title">
            <div class="screen-head no-print">
                <h1 id="print-view-title">{ i18n.tr("print-view-title") }</h1>
                <div class="actions">
                    <button class="primary" id="print-view-print" onclick={on_print} disabled={loaded.is_none()}>{ i18n.tr("print-view-print") }</button>
                    <button class="secondary" id="print-view-back" onclick={props.on_back.reform(|_| ())}>{ i18n.tr("print-view-back") }</button>
                </div>
            </div>
            <p class="hint no-print">{ i18n.tr("print-view-intro") }</p>
            if let Some(e) = &*error {
                <p class="banner error no-print" role="alert">{ i18n.tr(&e.message_id) }</p>
            }
            if let Some((o, episode)) = &*loaded {
                { sheet(&i18n, o, episode.as_ref(), &props.organisation) }
            }
        </section>
    }
}

fn entry(label: String, value: String) -> Html {
    html! {
        <div class="entry">
            <dt>{ label }</dt>
            <dd><bdi>{ value }</bdi></dd>
        </div>
    }
}

/// The page itself.
pub fn sheet(
    i18n: &I18n,
    o: &ProfileOpened,
    episode: Option<&EpisodeView>,
    org: &Organisation,
) -> Html {
    let p = &o.profile;
    let d = &p.child.details;
    let today = time::today_local();
    let mut age = age_on(d.date_of_birth, today).to_string();
    if p.flag("age_disputed") {
        age = format!("{age} {}", i18n.tr("sheet-age-disputed"));
    }
    let episode_part = episode.map(|v| {
        let s = &v.summary;
        let part2: Vec<Html> = s
            .details
            .as_ref()
            .map(|(values, _)| {
                part2_entries(values, |id| i18n.tr(id))
                    .into_iter()
                    .map(|(l, v)| entry(l, v))
                    .collect()
            })
            .unwrap_or_default();
        let updates = v.updates();
        html! {
            <section class="sheet-block">
                <h2>{ i18n.tr("sheet-episode") }</h2>
                <dl>
                    { entry(i18n.tr("sheet-last-seen"), time::format_local(v.episode.last_seen_at)) }
                    { entry(i18n.tr("sheet-reported"), time::format_local(v.episode.started_at)) }
                    if let Some(police) = &s.police {
                        { entry(i18n.tr("sheet-police-reference"), police.reference.clone()) }
                        { entry(i18n.tr("sheet-officer"), police.officer.clone()) }
                        if let Some(g) = police.grade {
                            { entry(i18n.tr("sheet-grade"), i18n.tr(g.message_id())) }
                        }
                    }
                    { for part2 }
                </dl>
                if !updates.is_empty() {
                    <h3>{ i18n.tr("log-title") }</h3>
                    <ul>
                        { for updates.iter().rev().take(8).map(|line| html! {
                            <li>{ time::format_local(line.at) }{ " " }<bdi>{ &line.text }</bdi>
                                if let Some(t) = line.corrected_at {
                                    { " " }{ i18n.tr_with("log-corrected-mark", &[("time", time::format_local(t).into())]) }
                                }
                            </li>
                        }) }
                    </ul>
                }
            </section>
        }
    });
    html! {
        <article class="print-sheet" id="print-sheet">
            <h1 class="sheet-banner">{ i18n.tr("sheet-title") }</h1>
            <div class="sheet-top">
                if let Some(url) = &o.photo {
                    <img class="photo" src={url.clone()} alt={d.name_latin.clone()} />
                } else {
                    <div class="photo none">{ i18n.tr("child-no-photo") }</div>
                }
                if let Some(url) = &o.full_photo {
                    <img class="photo full-length" src={url.clone()}
                        alt={i18n.tr_with("photo-full-alt", &[("name", d.name_latin.as_str().into())])} />
                }
                <div>
                    { names(d) }
                    <dl>
                        { entry(i18n.tr("sheet-dob"), d.date_of_birth.format("%d/%m/%Y").to_string()) }
                        { entry(i18n.tr("sheet-age"), age) }
                        if !d.languages.is_empty() {
                            { entry(i18n.tr("sheet-languages"), d.languages.join(", ")) }
                        }
                    </dl>
                    <p class="facts">{ flags(i18n, d) }</p>
                    if d.escalate_when_missing() {
                        <p class="sheet-escalation">{ i18n.tr("sheet-escalation") }</p>
                    }
                </div>
            </div>
            { for episode_part }
            <div class="sheet-blocks">
                { for sheet_blocks(p, org, |id| i18n.tr(id)).into_iter().map(|(title, entries)| html! {
                    <section class="sheet-block">
                        <h2>{ title }</h2>
                        <dl>{ for entries.into_iter().map(|(l, v)| entry(l, v)) }</dl>
                    </section>
                }) }
            </div>
            <footer class="sheet-footer">
                <strong>{ i18n.tr("sheet-footer") }</strong>
                <span>{ i18n.tr_with("print-view-printed", &[("time", Arg::from(time::format_local(time::now())))]) }</span>
            </footer>
        </article>
    }
}
