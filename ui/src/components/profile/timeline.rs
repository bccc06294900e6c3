//! The child's missing history as a timeline: each episode, how long, and how it ended.

use chrono::{DateTime, Utc};
use harbour_core::profile::EpisodeBrief;
use harbour_core::Elapsed;
use yew::prelude::*;

use super::super::home::elapsed_text;
use crate::i18n::I18n;
use crate::time;

pub fn timeline(i18n: &I18n, history: &[EpisodeBrief], now: DateTime<Utc>) -> Html {
    if history.is_empty() {
        return html! {
            <div class="timeline" id="episode-timeline">
                <h3>{ i18n.tr("timeline-title") }</h3>
                <p class="empty-section">{ i18n.tr("timeline-none") }</p>
            </div>
        };
    }
    let start = history[0].last_seen_at.min(now - chrono::Duration::days(1));
    let span = (now - start).num_seconds().max(1) as f64;
    let x =
        |t: DateTime<Utc>| ((t - start).num_seconds() as f64 / span * 1000.0).clamp(0.0, 1000.0);
    let bars = history.iter().map(|e| {
        let x0 = x(e.last_seen_at);
        let width = (x(e.found_at.unwrap_or(now)) - x0).max(4.0);
        let class = if e.found_at.is_none() { "bar open" } else { "bar" };
        html! { <rect class={class} x={format!("{x0:.1}")} y="14" width={format!("{width:.1}")} height="22" /> }
    });
    let rows = history.iter().rev().map(|e| {
        let duration = elapsed_text(
            i18n,
            Elapsed::between(e.last_seen_at, e.found_at.unwrap_or(now)),
        );
        html! {
            <tr>
                <td>{ time::format_local(e.last_seen_at) }</td>
                <td>{ duration }</td>
                <td><bdi>{ if e.found_at.is_none() { i18n.tr("timeline-still-missing") } else { e.where_found.clone() } }</bdi></td>
            </tr>
        }
    });
    html! {
        <div class="timeline" id="episode-timeline">
            <h3>{ i18n.tr_with("timeline-count", &[("count", (history.len() as i64).into())]) }</h3>
            <svg viewBox="0 0 1000 50" preserveAspectRatio="none" role="img"
                aria-label={i18n.tr_with("timeline-count", &[("count", (history.len() as i64).into())])}>
                <line x1="0" y1="25" x2="1000" y2="25" class="axis" />
                { for bars }
            </svg>
            // The picture runs left to right in every language; its labels follow it.
            <p class="timeline-ends" dir="ltr">
                <span>{ start.format("%d/%m/%Y").to_string() }</span>
                <span>{ i18n.tr("timeline-now") }</span>
            </p>
            <table>
                <thead><tr>
                    <th>{ i18n.tr("timeline-when") }</th>
                    <th>{ i18n.tr("timeline-how-long") }</th>
                    <th>{ i18n.tr("timeline-where-found") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
