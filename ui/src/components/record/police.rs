//! The police report in the episode record: the reference, the officer, the grade police
//! gave (and every grade since), when the call was made; and, for a flagged child graded below
//! high, asking police to review the grade.

use harbour_core::child::ChildDetails;
use harbour_core::episode::{EpisodeEvent, EpisodeSummary, PoliceGrade};
use harbour_core::organisation::Nation;
use harbour_core::Field;
use harbour_i18n::Arg;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::super::fields::{self, field_error};
use super::super::when::{not_a_time, now_typed, WhenField};
use super::{at, field_message, grade_of, Recorder};
use crate::i18n::use_i18n;
use crate::time;

#[derive(Clone, Default, PartialEq)]
struct PoliceForm {
    reference: String,
    officer: String,
    grade: String,
    /// When the call was made, as typed; empty: now.
    reported_at: String,
}

#[derive(Properties, PartialEq)]
pub struct PoliceProps {
    pub rec: Recorder,
    pub summary: EpisodeSummary,
    pub child: ChildDetails,
    pub nation: Nation,
}

#[function_component(PoliceReport)]
pub fn police_report(props: &PoliceProps) -> Html {
    let i18n = use_i18n();
    let police = use_state(PoliceForm::default);
    let spoke_to = use_state(String::new);
    let rec = &props.rec;
    let error = rec.error();
    let s = &props.summary;
    let nation = Arg::from(props.nation.id());
    let name = Arg::from(props.child.name_latin.as_str());
    let on_police = {
        let (police, rec) = (police.clone(), rec.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let reported_at = match police.reported_at.trim() {
                "" => None,
                typed => match time::from_typed(typed) {
                    Some(t) => Some(t),
                    None => return rec.fail(not_a_time(Field::ReportedAt)),
                },
            };
            let event = EpisodeEvent::PoliceReported {
                reference: police.reference.clone(),
                officer: police.officer.clone(),
                grade: grade_of(&police.grade),
                reported_at,
            };
            let clear = police.clone();
            rec.save(event, move |_| clear.set(PoliceForm::default()));
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
    let grade_review = {
        let on_spoke_to = fields::edit(&spoke_to, |s, v| *s = v);
        let on_submit = {
            let (spoke_to, rec) = (spoke_to.clone(), rec.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let event = EpisodeEvent::GradeReviewAsked {
                    spoke_to: (*spoke_to).clone(),
                };
                let clear = spoke_to.clone();
                rec.save(event, move |_| clear.set(String::new()));
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
                    { field_error(&i18n, error, Field::SpokeTo, "grade-review-who-error") }
                    <button type="submit" class="secondary" id="grade-review-save">{ i18n.tr("grade-review-save") }</button>
                </form>
            </div>
        }
    };

    html! {
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
                        error={field_message(error, Field::ReportedAt)} ago=true
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
                    { field_error(&i18n, error, Field::PoliceReference, "police-reference-error") }
                </div>
                <div class="field">
                    <label for="police-officer">{ i18n.tr("police-officer") }</label>
                    <input id="police-officer" value={police.officer.clone()}
                        aria-describedby="police-officer-error"
                        oninput={fields::edit(&police, |f, v| f.officer = v)} />
                    { field_error(&i18n, error, Field::Officer, "police-officer-error") }
                </div>
                <div class="field">
                    <label for="police-grade">{ i18n.tr("police-grade") }</label>
                    <p class="hint" id="police-grade-hint">{ i18n.tr("police-grade-hint") }</p>
                    <select id="police-grade" aria-describedby="police-grade-hint" onchange={on_grade}>
                        <option value="" selected={police.grade.is_empty()}>{ i18n.tr("police-grade-none") }</option>
                        { for PoliceGrade::offered(props.nation).iter().map(|g| html! {
                            <option value={g.message_id()} selected={police.grade == g.message_id()}>{ i18n.tr(g.message_id()) }</option>
                        }) }
                    </select>
                </div>
                <button type="submit" class="primary" id="police-save">{ i18n.tr("police-save") }</button>
            </form>
        </div>
    }
}
