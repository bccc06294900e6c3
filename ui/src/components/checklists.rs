//! The risk checklists (domain.md §3): where each stands for a child, an assessment filled in
//! during a conversation (keyboard only; one question at a time or the whole list; each answer
//! saved the moment it is given), what it comes to (concerns by theme, never a score), and what
//! changed since the one before.

use harbour_core::api::ApiError;
use harbour_core::checklists::{
    compare, Answer, AssessmentDue, AssessmentView, ChecklistStatus, Definition, Item, NextStep,
};
use harbour_core::{AssessmentId, Child};
use harbour_i18n::Arg;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::backend::use_backend;
use crate::i18n::{use_i18n, I18n};
use crate::time;

/// An answer as given on the screen, on its way to the shell.
struct AnswerArgs {
    assessment_id: AssessmentId,
    item: String,
    answer: Answer,
    evidence: String,
    observed_by: String,
}

fn date(t: chrono::DateTime<chrono::Utc>) -> Arg {
    Arg::from(
        time::format_local(t)
            .split(' ')
            .next()
            .unwrap_or_default()
            .to_owned(),
    )
}

#[derive(Properties, PartialEq)]
pub struct ChecklistsProps {
    pub child: Child,
    pub on_back: Callback<()>,
    pub on_open: Callback<AssessmentId>,
}

/// Each checklist that applies to the child: when it was last done, what it found, whether a
/// new one is due; start one, open the latest, or compare the last two.
#[function_component(Checklists)]
pub fn checklists(props: &ChecklistsProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let statuses = use_state(|| None::<Vec<ChecklistStatus>>);
    let error = use_state(|| None::<ApiError>);
    let comparing = use_state(|| None::<(AssessmentView, AssessmentView)>);
    {
        let (statuses, error, backend) = (statuses.clone(), error.clone(), backend.clone());
        let child_id = props.child.id;
        use_effect_with(child_id, move |_| {
            spawn_local(async move {
                match backend.checklist_statuses(child_id).await {
                    Ok(s) => statuses.set(Some(s)),
                    Err(e) => error.set(Some(e)),
                }
            });
        });
    }
    let name = Arg::from(props.child.details.name_latin.as_str());
    let card = |s: &ChecklistStatus| {
        let start = {
            let (error, on_open, backend) = (error.clone(), props.on_open.clone(), backend.clone());
            let (child_id, checklist) = (props.child.id, s.checklist.clone());
            Callback::from(move |_| {
                let (error, on_open, checklist, backend) = (
                    error.clone(),
                    on_open.clone(),
                    checklist.clone(),
                    backend.clone(),
                );
                spawn_local(async move {
                    match backend.start_assessment(child_id, &checklist).await {
                        Ok(v) => on_open.emit(v.id),
                        Err(e) => error.set(Some(e)),
                    }
                });
            })
        };
        let due = s.due.as_ref().map(|d| match d {
            AssessmentDue::Never => i18n.tr("checklist-due-never"),
            AssessmentDue::AfterEpisode { returned_at } => i18n.tr_with(
                "checklist-due-after-episode",
                &[("name", name.clone()), ("date", date(*returned_at))],
            ),
            AssessmentDue::Stale { due_since } => {
                i18n.tr_with("checklist-due-stale", &[("date", date(*due_since))])
            }
        });
        let last_line = s.assessments.first().map(|a| {
            html! {
                <p class="checklist-last">{ i18n.tr_with("checklist-last", &[
                    ("date", date(a.started_at)),
                    ("concerns", (a.concerns as i64).into()),
                    ("signed", if a.signed_off { "yes" } else { "no" }.into()),
                ]) }</p>
            }
        });
        let last = s.assessments.first().map(|a| {
            let open = {
                let (on_open, id) = (props.on_open.clone(), a.id);
                Callback::from(move |_| on_open.emit(id))
            };
            html! { <button class="secondary" onclick={open}>{ i18n.tr("checklist-open-last") }</button> }
        });
        let compare_button = (s.assessments.len() >= 2).then(|| {
            let (newer, older) = (s.assessments[0].id, s.assessments[1].id);
            let (comparing, error, backend) = (comparing.clone(), error.clone(), backend.clone());
            let onclick = Callback::from(move |_| {
                let (comparing, error, backend) =
                    (comparing.clone(), error.clone(), backend.clone());
                spawn_local(async move {
                    match (
                        backend.assessment(older).await,
                        backend.assessment(newer).await,
                    ) {
                        (Ok(o), Ok(n)) => comparing.set(Some((o, n))),
                        (Err(e), _) | (_, Err(e)) => error.set(Some(e)),
                    }
                });
            });
            html! { <button class="secondary compare" {onclick}>{ i18n.tr("checklist-compare") }</button> }
        });
        html! {
            <li class={classes!("checklist-card", s.due.is_some().then_some("due"))}
                data-checklist={s.checklist.clone()}>
                <h2>{ i18n.tr(&format!("cl-{}", s.checklist)) }</h2>
                if let Some(text) = due {
                    <p class="due-line">{ text }</p>
                }
                { for last_line }
                <div class="actions">
                    <button class="primary" onclick={start}>{ i18n.tr("checklist-start") }</button>
                    { for last }
                    { for compare_button }
                </div>
            </li>
        }
    };
    html! {
        <section class="checklists" aria-labelledby="checklists-heading">
            <div class="screen-head">
                <h1 id="checklists-heading">{ i18n.tr_with("checklists-title", &[("name", name.clone())]) }</h1>
                <div class="actions">
                    <button class="secondary" id="checklists-back" onclick={props.on_back.reform(|_| ())}>
                        { i18n.tr("checklists-back") }
                    </button>
                </div>
            </div>
            <p class="hint">{ i18n.tr("checklists-intro") }</p>
            if let Some(e) = &*error {
                <p class="banner error" role="alert">{ i18n.tr(&e.message_id) }</p>
            }
            if let Some(list) = &*statuses {
                <ul class="checklist-cards" id="checklist-cards">{ for list.iter().map(card) }</ul>
            }
            if let Some((older, newer)) = &*comparing {
                { comparison(&i18n, older, newer) }
            }
        </section>
    }
}

/// The two assessments question by question, the changed answers marked.
pub fn comparison(i18n: &I18n, older: &AssessmentView, newer: &AssessmentView) -> Html {
    let rows = compare(
        (&older.definition, &older.summary),
        (&newer.definition, &newer.summary),
    );
    // No answer: the question was not in that assessment's version, or not answered yet.
    let answer = |a: Option<Answer>, def: &Definition, item: &str| match a {
        Some(a) => i18n.tr(a.message_id()),
        None if def.item(item).is_some() => i18n.tr("compare-not-answered"),
        None => i18n.tr("compare-not-asked"),
    };
    let prompt = |item: &str| {
        let def = if newer.definition.item(item).is_some() {
            &newer.definition
        } else {
            &older.definition
        };
        i18n.tr(&def.prompt_id(item))
    };
    let changed: Vec<_> = rows.iter().filter(|r| r.changed()).collect();
    html! {
        <section class="comparison" id="comparison" aria-labelledby="comparison-heading">
            <h2 id="comparison-heading">{ i18n.tr_with("compare-title", &[("date", date(older.summary.started_at))]) }</h2>
            if changed.is_empty() {
                <p>{ i18n.tr("compare-no-changes") }</p>
            } else {
                <table>
                    <thead><tr>
                        <th>{ i18n.tr("compare-question") }</th>
                        <th>{ i18n.tr("compare-before") }</th>
                        <th>{ i18n.tr("compare-now") }</th>
                    </tr></thead>
                    <tbody>
                        { for changed.iter().map(|r| html! {
                            <tr data-item={r.item.clone()}>
                                <td>{ prompt(&r.item) }</td>
                                <td>{ answer(r.before, &older.definition, &r.item) }</td>
                                <td>{ answer(r.after, &newer.definition, &r.item) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct AssessmentProps {
    pub id: AssessmentId,
    pub child: Child,
    /// Whether this user may sign an assessment off (managers and administrators).
    pub may_sign_off: bool,
    pub on_back: Callback<()>,
    /// The child's details changed (marked suspected trafficked): the list reloads.
    pub on_child_changed: Callback<()>,
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    WholeList,
    OneAtATime(usize),
}

/// One assessment being filled in.
#[function_component(AssessmentScreen)]
pub fn assessment_screen(props: &AssessmentProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let view = use_state(|| None::<AssessmentView>);
    let error = use_state(|| None::<ApiError>);
    let mode = use_state(|| Mode::WholeList);
    let sign_note = use_state(String::new);
    let flagged = use_state(|| false);
    {
        let (view, error, backend) = (view.clone(), error.clone(), backend.clone());
        use_effect_with(props.id, move |id| {
            let assessment_id = *id;
            spawn_local(async move {
                match backend.assessment(assessment_id).await {
                    Ok(v) => view.set(Some(v)),
                    Err(e) => error.set(Some(e)),
                }
            });
        });
    }
    let Some(v) = (*view).clone() else {
        return html! {
            if let Some(e) = &*error {
                <p class="banner error" role="alert">{ i18n.tr(&e.message_id) }</p>
            }
        };
    };
    let name = Arg::from(props.child.details.name_latin.as_str());
    let by_name = |id: harbour_core::UserId| {
        v.names
            .iter()
            .find(|(u, _)| *u == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    let save = {
        let (view, error, backend) = (view.clone(), error.clone(), backend.clone());
        Callback::from(move |args: AnswerArgs| {
            let (view, error, backend) = (view.clone(), error.clone(), backend.clone());
            spawn_local(async move {
                let result = backend
                    .answer_item(
                        args.assessment_id,
                        &args.item,
                        args.answer,
                        &args.evidence,
                        &args.observed_by,
                    )
                    .await;
                match result {
                    Ok(v) => {
                        error.set(None);
                        view.set(Some(v));
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let signed = v.summary.signed_off.is_some();
    let question = |index: usize, item: &Item| {
        question(
            &i18n,
            &v.definition,
            item,
            index,
            &v,
            signed,
            &save,
            &by_name,
        )
    };
    let items = &v.definition.items;
    let body = match *mode {
        Mode::WholeList => html! {
            { for v.definition.themes().into_iter().map(|theme| html! {
                <section class="theme" data-theme={theme.to_owned()}>
                    <h2>{ i18n.tr(&format!("cl-theme-{theme}")) }</h2>
                    <ol class="questions">
                        { for items.iter().enumerate().filter(|(_, i)| i.theme == theme).map(|(n, i)| question(n, i)) }
                    </ol>
                </section>
            }) }
        },
        Mode::OneAtATime(n) => {
            let n = n.min(items.len().saturating_sub(1));
            let go = |to: usize| {
                let mode = mode.clone();
                Callback::from(move |_| mode.set(Mode::OneAtATime(to)))
            };
            html! {
                <section class="one-question">
                    <p class="progress" id="question-progress">{ i18n.tr_with("assessment-progress", &[
                        ("n", ((n + 1) as i64).into()),
                        ("total", (items.len() as i64).into()),
                    ]) }</p>
                    <ol class="questions">{ question(n, &items[n]) }</ol>
                    <div class="actions">
                        <button class="secondary" id="question-previous" disabled={n == 0} onclick={go(n.saturating_sub(1))}>
                            { i18n.tr("assessment-previous") }
                        </button>
                        <button class="primary" id="question-next" disabled={n + 1 >= items.len()} onclick={go(n + 1)}>
                            { i18n.tr("assessment-next") }
                        </button>
                    </div>
                </section>
            }
        }
    };
    let mode_switch = {
        let mode = mode.clone();
        let one = matches!(*mode, Mode::OneAtATime(_));
        let onclick = Callback::from(move |_| {
            mode.set(if one {
                Mode::WholeList
            } else {
                Mode::OneAtATime(0)
            })
        });
        html! {
            <button class="secondary" id="assessment-mode" aria-pressed={one.to_string()} {onclick}>
                { i18n.tr(if one { "assessment-whole-list" } else { "assessment-one-at-a-time" }) }
            </button>
        }
    };
    let flag = {
        let (flagged, error, on_changed) = (
            flagged.clone(),
            error.clone(),
            props.on_child_changed.clone(),
        );
        let (view, child_id, assessment_id) = (view.clone(), props.child.id, v.id);
        let backend = backend.clone();
        Callback::from(move |_| {
            let (flagged, error, on_changed, view, backend) = (
                flagged.clone(),
                error.clone(),
                on_changed.clone(),
                view.clone(),
                backend.clone(),
            );
            spawn_local(async move {
                match backend.mark_suspected_trafficked(child_id).await {
                    Ok(_) => {
                        flagged.set(true);
                        on_changed.emit(());
                        if let Ok(v) = backend.assessment(assessment_id).await {
                            view.set(Some(v));
                        }
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let summary = summary(&i18n, &v, &name, flag, *flagged);
    let sign_off = if let Some(s) = &v.summary.signed_off {
        html! {
            <div class="record-part" id="signed-off">
                <p>{ i18n.tr_with("assessment-signed-off", &[
                    ("by", Arg::from(by_name(s.by))),
                    ("date", date(s.at)),
                ]) }</p>
                if !s.note.is_empty() {
                    <p><bdi>{ i18n.tr_with("assessment-signed-off-note", &[("note", Arg::from(s.note.as_str()))]) }</bdi></p>
                }
            </div>
        }
    } else if props.may_sign_off {
        let on_note = {
            let sign_note = sign_note.clone();
            Callback::from(move |e: InputEvent| {
                sign_note.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
            })
        };
        let on_sign = {
            let (view, error, note, assessment_id, backend) = (
                view.clone(),
                error.clone(),
                sign_note.clone(),
                v.id,
                backend.clone(),
            );
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let (view, error, backend) = (view.clone(), error.clone(), backend.clone());
                let note = (*note).clone();
                spawn_local(async move {
                    match backend.sign_off_assessment(assessment_id, &note).await {
                        Ok(v) => view.set(Some(v)),
                        Err(e) => error.set(Some(e)),
                    }
                });
            })
        };
        html! {
            <form class="record-part" id="sign-off" onsubmit={on_sign} novalidate=true>
                <h2>{ i18n.tr("assessment-sign-off") }</h2>
                <label for="sign-off-note">{ i18n.tr("assessment-sign-off-note") }</label>
                <textarea id="sign-off-note" rows="2" dir="auto" value={(*sign_note).clone()} oninput={on_note} />
                <button type="submit" class="primary" id="sign-off-save">{ i18n.tr("assessment-sign-off-save") }</button>
            </form>
        }
    } else {
        html! {}
    };
    let checklist = Arg::from(i18n.tr(&v.definition.title_id()));
    html! {
        <section class="assessment" aria-labelledby="assessment-heading" data-checklist={v.definition.checklist.clone()}>
            <div class="screen-head">
                <h1 id="assessment-heading">{ i18n.tr_with("assessment-title", &[("checklist", checklist), ("name", name.clone())]) }</h1>
                <div class="actions">
                    { mode_switch }
                    <button class="secondary" id="assessment-back" onclick={props.on_back.reform(|_| ())}>
                        { i18n.tr("assessment-back") }
                    </button>
                </div>
            </div>
            <p class="hint">{ i18n.tr_with("assessment-started", &[
                ("date", date(v.summary.started_at)),
                ("by", Arg::from(by_name(v.summary.started_by))),
                ("version", i64::from(v.definition.version).into()),
            ]) }</p>
            if let Some(e) = &*error {
                <p class="banner error" role="alert" id="assessment-error">{ i18n.tr(&e.message_id) }</p>
            }
            <div class="assessment-body">
                <div class="assessment-questions">{ body }</div>
                <aside class="assessment-summary">{ summary }{ sign_off }</aside>
            </div>
        </section>
    }
}

/// One question: the prompt, why it matters and where it comes from, the four answers (a radio
/// group: arrow keys move, the choice is saved at once), and an optional note.
#[allow(clippy::too_many_arguments)]
fn question(
    i18n: &I18n,
    def: &Definition,
    item: &Item,
    index: usize,
    v: &AssessmentView,
    signed: bool,
    save: &Callback<AnswerArgs>,
    by_name: &dyn Fn(harbour_core::UserId) -> String,
) -> Html {
    let current = v.summary.answers.get(&item.id);
    let id = |what: &str| format!("q-{}-{what}", item.id);
    let sources = def
        .sources_of(item)
        .iter()
        .map(|s| s.title.clone())
        .collect::<Vec<_>>()
        .join("; ");
    // The note goes with the answer; saved when the field is left (its change event).
    let assessment_id = v.id;
    let item_id = item.id.clone();
    let evidence_id = id("evidence");
    let observed_id = id("observed");
    let read = move |eid: &str| -> String {
        use wasm_bindgen::JsCast;
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(eid))
            .map(|e| match e.dyn_into::<HtmlTextAreaElement>() {
                Ok(t) => t.value(),
                Err(e) => e
                    .dyn_into::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default(),
            })
            .unwrap_or_default()
    };
    let send = {
        let (save, item_id, evidence_id, observed_id) = (
            save.clone(),
            item_id.clone(),
            evidence_id.clone(),
            observed_id.clone(),
        );
        move |answer: Answer| {
            save.emit(AnswerArgs {
                assessment_id,
                item: item_id.clone(),
                answer,
                evidence: read(&evidence_id),
                observed_by: read(&observed_id),
            })
        }
    };
    let on_note = {
        let (send, current) = (send.clone(), current.map(|a| a.answer));
        Callback::from(move |_: Event| {
            if let Some(a) = current {
                send(a)
            }
        })
    };
    html! {
        <li class={classes!("question", current.is_some_and(|a| a.answer.is_concern()).then_some("concern"))}
            data-item={item.id.clone()} value={(index + 1).to_string()}>
            <fieldset disabled={signed}>
                <legend class="prompt">{ i18n.tr(&def.prompt_id(&item.id)) }</legend>
                <details class="why">
                    <summary>{ i18n.tr("assessment-why") }</summary>
                    <p>{ i18n.tr(&def.why_id(&item.id)) }</p>
                    <p class="source">{ i18n.tr_with("assessment-sources", &[("sources", Arg::from(sources))]) }</p>
                </details>
                <div class="answers" role="radiogroup">
                    { for Answer::ALL.into_iter().map(|a| {
                        let rid = id(a.id());
                        let onchange = {
                            let send = send.clone();
                            Callback::from(move |_: Event| send(a))
                        };
                        html! {
                            <label for={rid.clone()} class="answer">
                                <input type="radio" id={rid} name={id("answer")} value={a.id()}
                                    checked={current.is_some_and(|c| c.answer == a)} {onchange} />
                                { i18n.tr(a.message_id()) }
                            </label>
                        }
                    }) }
                </div>
                <div class="field">
                    <label for={evidence_id.clone()}>{ i18n.tr("assessment-evidence") }</label>
                    <textarea id={evidence_id} rows="2" dir="auto"
                        value={current.map(|a| a.evidence.clone()).unwrap_or_default()} onchange={on_note.clone()} />
                </div>
                <div class="field">
                    <label for={observed_id.clone()}>{ i18n.tr("assessment-observed-by") }</label>
                    <input id={observed_id} dir="auto"
                        value={current.map(|a| a.observed_by.clone()).unwrap_or_default()} onchange={on_note} />
                </div>
                if let Some(a) = current {
                    <p class="hint answered">{ i18n.tr_with("assessment-answered", &[
                        ("time", Arg::from(time::format_local(a.at))),
                        ("by", Arg::from(by_name(a.by))),
                    ]) }</p>
                }
            </fieldset>
        </li>
    }
}

/// What the assessment comes to: concerns by theme, what to find out, the next steps.
pub fn summary(
    i18n: &I18n,
    v: &AssessmentView,
    name: &Arg,
    on_flag: Callback<MouseEvent>,
    flagged: bool,
) -> Html {
    let s = &v.summary;
    let def = &v.definition;
    html! {
        <div class="record-part" id="assessment-summary" aria-live="polite">
            <h2>{ i18n.tr("assessment-concerns") }</h2>
            if s.concerns.is_empty() {
                <p id="no-concerns">{ i18n.tr("assessment-no-concerns") }</p>
            }
            { for s.concerns.iter().map(|(theme, items)| html! {
                <div class="concern-theme" data-theme={theme.clone()}>
                    <h3>{ i18n.tr(&format!("cl-theme-{theme}")) }</h3>
                    <ul>
                        { for items.iter().map(|i| html! {
                            <li data-item={i.clone()}>
                                { i18n.tr(&def.prompt_id(i)) }
                                if let Some(e) = s.answers.get(i).map(|a| a.evidence.clone()).filter(|e| !e.is_empty()) {
                                    <span class="evidence"><bdi>{ e }</bdi></span>
                                }
                            </li>
                        }) }
                    </ul>
                </div>
            }) }
            if !s.to_find_out.is_empty() {
                <h3>{ i18n.tr("assessment-to-find-out") }</h3>
                <ul id="to-find-out">
                    { for s.to_find_out.iter().map(|i| html! { <li>{ i18n.tr(&def.prompt_id(i)) }</li> }) }
                </ul>
            }
            if !s.unanswered.is_empty() {
                <p class="hint" id="unanswered">{ i18n.tr_with("assessment-unanswered", &[("count", (s.unanswered.len() as i64).into())]) }</p>
            }
            if !s.next_steps.is_empty() {
                <h3>{ i18n.tr("assessment-next-steps") }</h3>
                <ul id="next-steps">
                    { for s.next_steps.iter().map(|step| html! {
                        <li data-step={step.message_id()}>
                            { i18n.tr_with(step.message_id(), &[("name", name.clone())]) }
                            if *step == NextStep::ProposeTraffickedFlag {
                                <button class="primary" id="flag-trafficked" onclick={on_flag.clone()}>
                                    { i18n.tr_with("assessment-flag-trafficked", &[("name", name.clone())]) }
                                </button>
                            }
                        </li>
                    }) }
                </ul>
            }
            if flagged {
                <p class="banner notice" role="status" id="flag-set">{ i18n.tr_with("assessment-flag-set", &[("name", name.clone())]) }</p>
            }
        </div>
    }
}
