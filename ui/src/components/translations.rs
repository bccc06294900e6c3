//! The staff's view of the child's help in each language: how far each translation has been
//! reviewed, how complete it is, and each message beside the English, so a qualified translator
//! (or a member of staff who reads the language) can check it. A message a language lacks shows
//! the English in its place, marked, never silently.

use harbour_i18n::{
    message_ids, Arg, Locale, Localizer, ReviewStatus, CHILD_FILE, LOCALES, SOURCE_TAG,
};
use yew::prelude::*;

use crate::i18n::{use_i18n, I18n};

/// One message of a language beside the English; `own` is `None` when the language lacks it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewRow {
    pub id: String,
    pub english: String,
    pub own: Option<String>,
}

/// Values for the variables: numbers stay marked as the place a number goes (each message
/// has its own), times and hours read as the child sees them.
fn sample_args() -> Vec<(&'static str, Arg)> {
    vec![
        ("number", Arg::from("[number]")),
        ("alt", Arg::from("[number]")),
        ("from", Arg::from("09:00")),
        ("to", Arg::from("23:00")),
        ("hours", Arg::from(72)),
    ]
}

/// The child's help of `locale`, message by message, in the English file's order.
pub fn review_rows(locale: &Locale) -> Vec<ReviewRow> {
    let english = Localizer::new(SOURCE_TAG);
    let own = Localizer::new(locale.tag);
    let args = sample_args();
    message_ids(LOCALES[0].file(CHILD_FILE).unwrap_or_default())
        .into_iter()
        .map(|id| ReviewRow {
            english: english.tr_with(&id, &args),
            own: own.tr_own(&id, &args),
            id,
        })
        .collect()
}

/// The table of one language's messages (rendered natively in tests).
pub fn review_table(i18n: &I18n, locale: &Locale, rows: &[ReviewRow]) -> Html {
    html! {
        <table class="review-table" id="review-table">
            <caption>{ i18n.tr_with("translations-table-caption", &[("language", Arg::from(locale.english_name))]) }</caption>
            <thead>
                <tr>
                    <th scope="col">{ i18n.tr("translations-col-english") }</th>
                    <th scope="col">{ locale.english_name }</th>
                </tr>
            </thead>
            <tbody>
                { for rows.iter().map(|r| html! {
                    <tr data-message={r.id.clone()} class={classes!(r.own.is_none().then_some("missing"))}>
                        <td lang="en" dir="ltr">{ &r.english }</td>
                        { match &r.own {
                            Some(text) => html! { <td lang={locale.tag} dir={locale.dir.as_attr()}>{ text }</td> },
                            None => html! {
                                <td lang="en" dir="ltr">
                                    <strong class="fallback-mark">{ i18n.tr("translations-missing") }</strong>
                                    { " " }{ &r.english }
                                </td>
                            },
                        } }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// Each language: its name, how far it is reviewed, how many messages it has.
#[function_component(Translations)]
pub fn translations() -> Html {
    let i18n = use_i18n();
    let open = use_state(|| None::<&'static str>);
    // (messages the language has, messages in all), worked out once: each needs two bundles.
    let counts = use_memo((), |_| {
        LOCALES
            .iter()
            .map(|l| {
                let rows = review_rows(l);
                (rows.iter().filter(|r| r.own.is_some()).count(), rows.len())
            })
            .collect::<Vec<_>>()
    });
    let rows = LOCALES.iter().zip(counts.iter()).map(|(l, &(have, all))| {
        let toggle = {
            let open = open.clone();
            let tag = l.tag;
            Callback::from(move |_| open.set((*open != Some(tag)).then_some(tag)))
        };
        let status_class = match l.review() {
            ReviewStatus::Unreviewed => "unreviewed",
            ReviewStatus::Reviewed => "reviewed",
            ReviewStatus::Source => "source",
        };
        html! {
            <tr data-lang={l.tag}>
                <td>{ l.english_name }</td>
                <td lang={l.tag} dir={l.dir.as_attr()}>{ l.native_name }</td>
                <td class={classes!("review-status", status_class)}>{ i18n.tr(l.review().message_id()) }</td>
                <td>{ i18n.tr_with("translations-count", &[
                    ("have", Arg::from(have as i64)), ("all", Arg::from(all as i64)),
                ]) }</td>
                <td>
                    if l.tag != SOURCE_TAG {
                        <button class="secondary" id={format!("review-{}", l.tag)} onclick={toggle}
                            aria-expanded={(*open == Some(l.tag)).to_string()}>
                            { i18n.tr("translations-open") }
                        </button>
                    }
                </td>
            </tr>
        }
    });
    let detail_rows = use_memo(*open, |open| {
        open.and_then(harbour_i18n::locale).map(review_rows)
    });
    let detail = (*open)
        .and_then(harbour_i18n::locale)
        .zip(detail_rows.as_ref().as_ref())
        .map(|(l, rows)| review_table(&i18n, l, rows));
    html! {
        <section class="settings-part" id="translations" aria-labelledby="translations-title">
            <h2 id="translations-title">{ i18n.tr("translations-title") }</h2>
            <p class="hint">{ i18n.tr("translations-intro") }</p>
            <table class="translations-table">
                <thead>
                    <tr>
                        <th scope="col">{ i18n.tr("translations-col-language") }</th>
                        <th scope="col">{ i18n.tr("translations-col-own-name") }</th>
                        <th scope="col">{ i18n.tr("translations-col-status") }</th>
                        <th scope="col">{ i18n.tr("translations-col-complete") }</th>
                        <th scope="col"></th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            { for detail }
        </section>
    }
}
