//! The questions police ask when a child is reported missing (domain.md §2.5), each answered
//! from what Harbour holds: the profile, Part 2 of this episode and the checks made. A question
//! Harbour cannot answer stays in the list with no answer, so the gap is seen and asked about.

use serde_json::Value;

use crate::episode::EpisodeSummary;
use crate::episode::MissingEpisode;
use crate::profile::{label_id, Kind, PhotoWarning, ProfileView, Section, Values};
use crate::words::{Word, Words};

/// A text value from the profile or Part 2, if filled in.
fn text<'a>(values: Option<&'a Values>, key: &str) -> Option<&'a str> {
    values?
        .get(key)?
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn flag(values: Option<&Values>, key: &str) -> bool {
    values
        .and_then(|v| v.get(key))
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

/// The questions police ask when a child is reported missing (domain.md §2.5), each with what
/// Harbour holds. `None` answers show as "not recorded yet", so the gap is visible.
pub fn questions(
    profile: &ProfileView,
    episode: &MissingEpisode,
    summary: &EpisodeSummary,
    w: &impl Words,
) -> Vec<(&'static str, Option<String>)> {
    let part2 = summary.details.as_ref().map(|(v, _)| v);
    let p = |key: &str| profile.text(key).map(str::to_owned);
    let join = |parts: Vec<Option<String>>| {
        let parts: Vec<String> = parts.into_iter().flatten().collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    };
    // "Label: value" for each filled-in key, looked up with `get`.
    let labelled = |get: &dyn Fn(&str) -> Option<String>, keys: &[&str]| -> Vec<Option<String>> {
        keys.iter()
            .map(|k| get(k).map(|v| format!("{}: {v}", w.tr(&label_id(k)))))
            .collect()
    };
    let in_part2 = |k: &str| text(part2, k).map(str::to_owned);
    let yes = |key: &str| w.tr(&label_id(key));

    let last_seen = join(vec![
        Some(w.time(episode.last_seen_at)),
        text(part2, "where_last_seen").map(str::to_owned),
        text(part2, "seen_by").map(|s| w.tr_with("script-seen-by", &[("who", Word::from(s))])),
        text(part2, "with_whom").map(|s| w.tr_with("script-with", &[("who", Word::from(s))])),
    ]);
    let description = join(
        [
            labelled(&p, &["height", "build", "hair", "eyes", "skin", "marks"]),
            labelled(
                &in_part2,
                &[
                    "clothing_head",
                    "clothing_upper",
                    "clothing_lower",
                    "clothing_footwear",
                    "clothing_outerwear",
                    "clothing_jewellery",
                    "clothing_bags",
                ],
            ),
        ]
        .concat(),
    );
    let photo = Some(match &profile.photo_warning {
        None => w.tr("script-photo-yes"),
        Some(PhotoWarning::NoPhoto) => w.tr("script-photo-none"),
        Some(PhotoWarning::NoDate) => w.tr("script-photo-no-date"),
        Some(PhotoWarning::Old { taken_on }) => w.tr_with(
            "script-photo-old",
            &[("date", Word::from(taken_on.format("%d/%m/%Y").to_string()))],
        ),
    });
    let enquiries = join(
        summary
            .checks
            .iter()
            .map(|(c, t)| Some(format!("{c} ({})", w.time(*t))))
            .chain([text(part2, "steps_taken").map(str::to_owned)])
            .collect(),
    );
    let character = flag(part2, "out_of_character").then(|| yes("out_of_character"));
    let earlier = profile
        .history
        .iter()
        .filter(|e| e.last_seen_at < episode.last_seen_at)
        .count();
    let previous = join(vec![
        (earlier > 0).then(|| {
            w.tr_with(
                "script-previous-count",
                &[("count", Word::Number(earlier as i64))],
            )
        }),
        p("earlier_episodes"),
        p("found_before").map(|f| format!("{}: {f}", w.tr(&label_id("found_before")))),
    ]);
    let going = join(vec![
        text(part2, "may_be_going").map(str::to_owned),
        text(part2, "direction").map(str::to_owned),
        p("locations"),
    ]);
    let phone = join(vec![
        p("mobile_numbers"),
        flag(part2, "took_phone").then(|| w.tr("script-took-phone")),
    ]);
    let people = join(vec![p("associates"), p("friends"), p("family")]);
    let medication = p("medication").map(|m| {
        let mut answer = m;
        if profile.flag("critical_medication") {
            answer = format!("{answer} — {}", yes("critical_medication"));
        }
        let with_them = if flag(part2, "took_medication") {
            w.tr("script-medication-with-them")
        } else {
            w.tr("script-medication-not-taken")
        };
        format!("{answer}; {with_them}")
    });
    // Every risk flag of the profile, and self-harm from the health section.
    let risk_flags: Vec<Option<String>> = Section::Risks
        .fields()
        .iter()
        .filter(|f| f.kind == Kind::Flag)
        .map(|f| f.key)
        .chain(["self_harm_risk"])
        .map(|k| profile.flag(k).then(|| yes(k)))
        .collect();
    let d = &profile.child.details;
    let risk = join(
        [
            vec![
                d.unaccompanied.then(|| w.tr("child-flag-unaccompanied")),
                d.suspected_trafficked
                    .then(|| w.tr("child-flag-trafficked")),
            ],
            risk_flags,
            vec![
                p("warning_markers"),
                text(part2, "trigger").map(str::to_owned),
                text(part2, "mood").map(str::to_owned),
            ],
        ]
        .concat(),
    );
    vec![
        ("script-q-last-seen", last_seen),
        ("script-q-description", description),
        ("script-q-photo", photo),
        ("script-q-enquiries", enquiries),
        ("script-q-character", character),
        ("script-q-previous", previous),
        ("script-q-going", going),
        ("script-q-phone", phone),
        ("script-q-people", people),
        ("script-q-online", p("accounts")),
        ("script-q-medication", medication),
        ("script-q-risk", risk),
    ]
}
