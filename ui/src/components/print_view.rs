//! The grab sheet as a web page, printed with the system's print dialog: the fallback for when
//! the PDF cannot be made or saved, so a report to the police is never blocked. It holds what
//! the PDF holds (the same blocks of the profile, never the sensitive fields) and each print is
//! written to the audit chain.

use harbour_core::api::{ApiError, ChildEntry, SheetPage};
use harbour_core::sheet::SheetContent;
use harbour_i18n::Arg;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::backend::use_backend;
use crate::i18n::{use_i18n, I18n};
use crate::time;

#[derive(Properties, PartialEq)]
pub struct PrintViewProps {
    pub entry: ChildEntry,
    pub on_back: Callback<()>,
}

/// Loads the profile and the open episode, then shows the sheet.
#[function_component(PrintView)]
pub fn print_view(props: &PrintViewProps) -> Html {
    let i18n = use_i18n();
    // The page the shell composed by the same rules as the PDF (its profile, open episode and
    // latest risk checklists), with the photos.
    let loaded = use_state(|| None::<SheetPage>);
    let error = use_state(|| None::<ApiError>);
    let backend = use_backend();
    {
        let (loaded, error, backend) = (loaded.clone(), error.clone(), backend.clone());
        let child_id = props.entry.child.id;
        use_effect_with(child_id, move |_| {
            spawn_local(async move {
                match backend.grab_sheet_page(child_id).await {
                    Ok(page) => loaded.set(Some(page)),
                    Err(e) => error.set(Some(e)),
                }
            });
        });
    }
    let on_print = {
        let (error, child_id) = (error.clone(), props.entry.child.id);
        Callback::from(move |_| {
            let (error, backend) = (error.clone(), backend.clone());
            spawn_local(async move {
                // Recorded first: a print that is not in the audit chain does not happen.
                match backend.record_print_view(child_id).await {
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
            if let Some(page) = &*loaded {
                { sheet(&i18n, page) }
            }
        </section>
    }
}

/// A labelled value; nothing for an empty one.
fn entry(label: String, value: String) -> Html {
    if value.is_empty() {
        return html! {};
    }
    html! {
        <div class="entry">
            <dt>{ label }</dt>
            <dd><bdi>{ value }</bdi></dd>
        </div>
    }
}

/// The page itself: the blocks in the order the core put them, as the PDF has them.
pub fn sheet(i18n: &I18n, page: &SheetPage) -> Html {
    let c: &SheetContent = &page.content;
    let episode_part = c.episode.as_ref().map(|e| {
        html! {
            <section class="sheet-block">
                <h2>{ i18n.tr("sheet-episode") }</h2>
                <dl>
                    { entry(i18n.tr("sheet-last-seen"), e.last_seen.clone()) }
                    { entry(i18n.tr("sheet-reported"), e.reported.clone()) }
                    { entry(i18n.tr("sheet-missing-for"), e.missing_for.clone()) }
                    { entry(i18n.tr("sheet-police-reference"), e.police_reference.clone()) }
                    { entry(i18n.tr("sheet-officer"), e.officer.clone()) }
                    { entry(i18n.tr("sheet-grade"), e.grade.clone()) }
                </dl>
                if !e.log.is_empty() {
                    <h3>{ i18n.tr("log-title") }</h3>
                    <ul>{ for e.log.iter().map(|line| html! { <li><bdi>{ line }</bdi></li> }) }</ul>
                }
            </section>
        }
    });
    let photo_dates: Vec<&str> = [c.photo_taken.as_str(), c.full_photo_taken.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    html! {
        <article class="print-sheet" id="print-sheet">
            <h1 class="sheet-banner">{ &c.title }</h1>
            <div class="sheet-top">
                <div class="sheet-photos">
                    if let Some(url) = &page.photo {
                        <img class="photo" src={url.clone()} alt={c.name_latin.clone()} />
                    } else {
                        <div class="photo none">{ i18n.tr("child-no-photo") }</div>
                    }
                    if let Some(url) = &page.full_photo {
                        <img class="photo full-length" src={url.clone()}
                            alt={i18n.tr_with("photo-full-alt", &[("name", c.name_latin.as_str().into())])} />
                    }
                    if !photo_dates.is_empty() {
                        <p class="hint" id="sheet-photo-dates">{ photo_dates.join(" · ") }</p>
                    }
                </div>
                <div>
                    <p class="name"><bdi>{ &c.name_latin }</bdi>
                        if !c.name_own_script.is_empty() {
                            <span class="own-name"><bdi>{ &c.name_own_script }</bdi></span>
                        }
                    </p>
                    <dl>
                        { entry(i18n.tr("sheet-dob"), c.dob.clone()) }
                        { entry(i18n.tr("sheet-age"), c.age.clone()) }
                        { entry(i18n.tr("sheet-languages"), c.languages.clone()) }
                        { entry(i18n.tr("sheet-flags"), c.flags.clone()) }
                    </dl>
                    if !c.escalation.is_empty() {
                        <p class="sheet-escalation">{ &c.escalation }</p>
                    }
                </div>
            </div>
            { for episode_part }
            <div class="sheet-blocks">
                { for c.blocks.iter().map(|b| html! {
                    <section class="sheet-block">
                        <h2>{ &b.title }</h2>
                        <dl>{ for b.entries.iter().map(|(l, v)| entry(l.clone(), v.clone())) }</dl>
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
