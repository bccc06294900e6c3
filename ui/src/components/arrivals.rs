//! "Records from other computers": how many need an update of Harbour (everyone sees it), and
//! for an administrator each record that was held out or is shown unchecked, and why.

use harbour_core::arrivals::{kind_message_id, Arrivals};
use harbour_i18n::Arg;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::backend::use_backend;
use crate::i18n::{use_i18n, I18n};
use crate::time;

/// The settings part: loads what the store says and shows it.
#[function_component(ArrivalsPart)]
pub fn arrivals_part() -> Html {
    let i18n = use_i18n();
    let arrivals = use_state(|| None::<Arrivals>);
    let backend = use_backend();
    {
        let arrivals = arrivals.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                if let Ok(a) = backend.arrivals().await {
                    arrivals.set(Some(a));
                }
            });
        });
    }
    match &*arrivals {
        Some(a) => view(&i18n, a),
        None => Html::default(),
    }
}

/// What the part shows: nothing at all while there is nothing to say.
pub fn view(i18n: &I18n, a: &Arrivals) -> Html {
    if a.needs_update == 0 && a.records.is_empty() {
        return Html::default();
    }
    let rows = a.records.iter().map(|r| {
        let who = r
            .author_name
            .clone()
            .unwrap_or_else(|| i18n.tr("author-not-known"));
        let state = if r.shown {
            "arrivals-shown"
        } else {
            "arrivals-held"
        };
        html! {
            <tr data-problem={r.problem.name()}>
                <td>{ time::format_local(r.written_at) }</td>
                <td>{ i18n.tr(kind_message_id(&r.kind)) }
                    if let Some(name) = &r.child_name {
                        { " · " }<bdi>{ name }</bdi>
                    }
                </td>
                <td><bdi>{ who }</bdi></td>
                <td>{ i18n.tr(r.problem.message_id()) }{ " " }
                    <strong>{ i18n.tr(state) }</strong></td>
            </tr>
        }
    });
    html! {
        <section class="settings-part" id="arrivals" aria-labelledby="arrivals-title">
            <h2 id="arrivals-title">{ i18n.tr("arrivals-title") }</h2>
            if a.needs_update > 0 {
                <p class="banner notice" id="arrivals-needs-update" role="status">
                    { i18n.tr_with("arrivals-needs-update", &[("count", Arg::from(a.needs_update as i64))]) }
                </p>
            }
            if !a.records.is_empty() {
                <p class="hint">{ i18n.tr("arrivals-intro") }</p>
                <table class="arrivals">
                    <thead><tr>
                        <th scope="col">{ i18n.tr("arrivals-written") }</th>
                        <th scope="col">{ i18n.tr("arrivals-what") }</th>
                        <th scope="col">{ i18n.tr("arrivals-by") }</th>
                        <th scope="col">{ i18n.tr("arrivals-why") }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
        </section>
    }
}
