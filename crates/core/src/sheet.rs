//! The grab sheet's content (domain.md §1.1, §8.3): which blocks, in which order, what is
//! trimmed. Composed once here from the profile, the open episode, the latest risk checklists
//! and the home's settings, then rendered by the PDF (`harbour-print`) and by the print view, so
//! the two cannot drift apart. Times come formatted by the caller (`Words::time`), who knows the
//! local time zone. Immigration details are never on it (the profile marks them sensitive).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::api::EpisodeView;
use crate::checklists::AssessmentView;
use crate::child::age_on;
use crate::episode::part2_entries;
use crate::organisation::Organisation;
use crate::profile::{sheet_blocks, ProfileView};
pub use crate::words::{Word, Words};

/// How many lines of the running log the sheet carries: the newest, oldest first (the PDF keeps
/// fewer if the page is full).
pub const LOG_LINES: usize = 8;

/// The checklists whose concerns the sheet's risk summary for police carries.
pub const RISK_SUMMARY_CHECKLISTS: [&str; 2] = ["missing", "trafficking"];

/// One titled block of `(label, value)` entries.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetBlock {
    pub title: String,
    pub entries: Vec<(String, String)>,
}

/// The open episode, as police need it first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetEpisode {
    pub last_seen: String,
    pub reported: String,
    pub missing_for: String,
    pub police_reference: String,
    pub officer: String,
    pub grade: String,
    /// The newest `LOG_LINES` lines of the log, oldest first, each with its time and, if it was
    /// corrected, when.
    pub log: Vec<String>,
}

/// Everything on the page, worded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetContent {
    /// "MISSING CHILD …", or "MISSING YOUNG PERSON …" at 18 or over.
    pub title: String,
    pub name_latin: String,
    pub name_own_script: String,
    pub dob: String,
    pub age: String,
    pub languages: String,
    /// "Unaccompanied · Suspected trafficked", empty if neither.
    pub flags: String,
    /// For a flagged child or young person: what police are asked for and why; else empty.
    pub escalation: String,
    /// When the face and full-length photos were taken, empty if not recorded.
    pub photo_taken: String,
    pub full_photo_taken: String,
    pub episode: Option<SheetEpisode>,
    /// Part 2 of this episode, the risk summary for police, the profile in the order police
    /// need it, then earlier episodes. Empty blocks are left out.
    pub blocks: Vec<SheetBlock>,
}

/// What the sheet is made from.
#[derive(Debug)]
pub struct SheetInput<'a> {
    pub profile: &'a ProfileView,
    /// The child's open episode, if one is open.
    pub episode: Option<&'a EpisodeView>,
    pub organisation: &'a Organisation,
    /// The latest assessment of each of `RISK_SUMMARY_CHECKLISTS` there is.
    pub assessments: &'a [AssessmentView],
    pub now: DateTime<Utc>,
}

fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The sheet for one child now.
pub fn compose(input: &SheetInput, w: &impl Words) -> SheetContent {
    let p = input.profile;
    let d = &p.child.details;
    let today = input.now.date_naive();
    let years = age_on(d.date_of_birth, today);
    let mut age = years.to_string();
    if p.flag("age_disputed") {
        age = format!("{age} {}", w.tr("sheet-age-disputed"));
    }
    let mut flags = Vec::new();
    if d.unaccompanied {
        flags.push(w.tr("child-flag-unaccompanied"));
    }
    if d.suspected_trafficked {
        flags.push(w.tr("child-flag-trafficked"));
    }
    let adult = years >= 18;
    let escalation = if d.escalate_when_missing() {
        w.tr(if adult {
            "sheet-escalation-adult"
        } else {
            "sheet-escalation"
        })
    } else {
        String::new()
    };
    let taken = |key: &str, id: &str| {
        p.text(key)
            .and_then(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
            .map(|t| w.tr_with(id, &[("date", Word::Text(date(t)))]))
            .unwrap_or_default()
    };
    let mut blocks = Vec::new();
    let episode = input.episode.map(|v| {
        let s = &v.summary;
        let mut part2: Vec<(String, String)> = s
            .details
            .as_ref()
            .map(|(values, _)| part2_entries(values, |id| w.tr(id)))
            .unwrap_or_default();
        let out_of_character = s
            .details
            .as_ref()
            .and_then(|(values, _)| values.get("out_of_character"))
            .and_then(serde_json::Value::as_bool)
            == Some(true);
        if out_of_character {
            part2.push((
                w.tr(&crate::profile::label_id("out_of_character")),
                w.tr("profile-yes"),
            ));
        }
        if !s.checks.is_empty() {
            let checks: Vec<String> = s
                .checks
                .iter()
                .map(|(c, t)| format!("{c} ({})", w.time(*t)))
                .collect();
            part2.push((w.tr("sheet-checks-done"), checks.join("; ")));
        }
        if !part2.is_empty() {
            blocks.push(SheetBlock {
                title: w.tr("part2-title"),
                entries: part2,
            });
        }
        let lines = v.updates();
        let skip = lines.len().saturating_sub(LOG_LINES);
        let log = lines[skip..]
            .iter()
            .map(|line| match line.corrected_at {
                None => format!("{} {}", w.time(line.at), line.text),
                Some(t) => format!(
                    "{} {} {}",
                    w.time(line.at),
                    line.text,
                    w.tr_with("log-corrected-mark", &[("time", Word::Text(w.time(t)))])
                ),
            })
            .collect();
        let police = s.police.as_ref();
        SheetEpisode {
            last_seen: w.time(v.episode.last_seen_at),
            reported: w.time(v.episode.started_at),
            missing_for: w.elapsed(v.episode.missing_for(input.now)),
            police_reference: police.map(|p| p.reference.clone()).unwrap_or_default(),
            officer: police.map(|p| p.officer.clone()).unwrap_or_default(),
            grade: police
                .and_then(|p| p.grade)
                .map(|g| w.tr(g.message_id()))
                .unwrap_or_default(),
            log,
        }
    });
    blocks.extend(risk_summary(input.assessments, w));
    blocks.extend(
        sheet_blocks(p, input.organisation, |id| w.tr(id))
            .into_iter()
            .map(|(title, entries)| SheetBlock { title, entries }),
    );
    blocks.extend(earlier_episodes(input, w));
    SheetContent {
        title: w.tr(if adult {
            "sheet-title-adult"
        } else {
            "sheet-title"
        }),
        name_latin: d.name_latin.clone(),
        name_own_script: d.name_own_script.clone().unwrap_or_default(),
        dob: date(d.date_of_birth),
        age,
        languages: d.languages.join(", "),
        flags: flags.join(" · "),
        escalation,
        photo_taken: taken("photo_taken_on", "sheet-photo-taken"),
        full_photo_taken: taken("full_photo_taken_on", "sheet-full-photo-taken"),
        episode,
        blocks,
    }
}

/// The concerns of the latest missing and trafficking checklists as plain statements (what was
/// answered, never a score), one entry per checklist.
fn risk_summary(assessments: &[AssessmentView], w: &impl Words) -> Option<SheetBlock> {
    let entries: Vec<(String, String)> = assessments
        .iter()
        .filter(|a| RISK_SUMMARY_CHECKLISTS.contains(&a.summary.checklist.as_str()))
        .filter_map(|a| {
            let statements: Vec<String> = a
                .summary
                .concerns
                .iter()
                .flat_map(|(_, items)| items)
                .filter_map(|item| {
                    let answer = a.summary.answers.get(item)?.answer;
                    Some(w.tr_with(
                        "sheet-concern",
                        &[
                            ("question", Word::Text(w.tr(&a.definition.prompt_id(item)))),
                            ("answer", Word::Text(w.tr(answer.message_id()))),
                        ],
                    ))
                })
                .collect();
            if statements.is_empty() {
                return None;
            }
            let title = w.tr_with(
                "sheet-concerns-from",
                &[
                    ("checklist", Word::Text(w.tr(&a.definition.title_id()))),
                    ("date", Word::Text(date(a.summary.updated_at.date_naive()))),
                ],
            );
            Some((title, statements.join("; ")))
        })
        .collect();
    (!entries.is_empty()).then(|| SheetBlock {
        title: w.tr("sheet-risk-summary"),
        entries,
    })
}

/// How many times the child went missing before this episode, and where they were found.
fn earlier_episodes(input: &SheetInput, w: &impl Words) -> Option<SheetBlock> {
    let before = input.episode.map_or(input.now, |v| v.episode.last_seen_at);
    let earlier: Vec<_> = input
        .profile
        .history
        .iter()
        .filter(|e| e.last_seen_at < before)
        .collect();
    if earlier.is_empty() {
        return None;
    }
    let found: Vec<String> = earlier
        .iter()
        .rev()
        .take(3)
        .map(|e| match (&e.found_at, e.where_found.is_empty()) {
            (Some(at), false) => format!("{} ({})", e.where_found, w.time(*at)),
            (Some(at), true) => w.time(*at),
            (None, _) => w.tr("sheet-not-found"),
        })
        .collect();
    Some(SheetBlock {
        title: w.tr("sheet-earlier-episodes"),
        entries: vec![
            (
                w.tr("sheet-earlier-count"),
                w.tr_with(
                    "script-previous-count",
                    &[("count", Word::Number(earlier.len() as i64))],
                ),
            ),
            (w.tr("sheet-earlier-found"), found.join("; ")),
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::episode::{EpisodeEvent, EventRecord};
    use crate::profile::{EpisodeBrief, Section, SectionView, Values};
    use chrono::{Duration, TimeZone};
    use serde_json::json;

    /// Message ids with their variables, so the tests read what was asked for.
    struct Ids;

    impl Words for Ids {
        fn tr_with(&self, id: &str, args: &[(&str, Word)]) -> String {
            let args: Vec<String> = args
                .iter()
                .map(|(k, v)| match v {
                    Word::Text(t) => format!("{k}={t}"),
                    Word::Number(n) => format!("{k}={n}"),
                })
                .collect();
            if args.is_empty() {
                id.to_owned()
            } else {
                format!("{id}({})", args.join(","))
            }
        }
        fn time(&self, t: DateTime<Utc>) -> String {
            t.format("%d/%m %H:%M").to_string()
        }
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap()
    }

    fn profile(
        born: (i32, u32, u32),
        unaccompanied: bool,
        sections: &[(Section, Values)],
    ) -> ProfileView {
        ProfileView {
            added: None,
            corrected: None,
            needs_checking: false,
            merged: Vec::new(),
            child: crate::Child {
                id: "01936b6e-7c00-7000-8000-000000000001".parse().unwrap(),
                details: crate::ChildDetails {
                    name_latin: "Sample Ruth".into(),
                    name_own_script: None,
                    date_of_birth: NaiveDate::from_ymd_opt(born.0, born.1, born.2).unwrap(),
                    languages: vec!["Tigrinya".into()],
                    unaccompanied,
                    suspected_trafficked: false,
                },
                has_photo: true,
                created_at: now(),
                record: Default::default(),
            },
            sections: sections
                .iter()
                .map(|(section, values)| SectionView {
                    section: *section,
                    values: values.clone(),
                    review: None,
                    due: None,
                })
                .collect(),
            photo_warning: None,
            has_full_photo: false,
            full_photo_warning: None,
            history: Vec::new(),
            flag_history: Vec::new(),
        }
    }

    fn values(v: serde_json::Value) -> Values {
        serde_json::from_value(v).unwrap()
    }

    fn episode(lines: usize) -> EpisodeView {
        let id = "01936b6e-7c00-7000-8000-000000000002".parse().unwrap();
        let record = |n: usize, event| EventRecord {
            id: format!("01936b6e-7c00-7000-8000-{:012x}", 100 + n)
                .parse()
                .unwrap(),
            at: now() - Duration::minutes(60 - n as i64),
            by: "01936b6e-7c00-7000-8000-0000000000aa".parse().unwrap(),
            event,
        };
        let mut events: Vec<EventRecord> = (0..lines)
            .map(|n| {
                record(
                    n,
                    EpisodeEvent::Update {
                        text: format!("line {n}"),
                    },
                )
            })
            .collect();
        events.push(record(
            lines,
            EpisodeEvent::Details {
                values: values(json!({"where_last_seen": "Bus stop", "out_of_character": true})),
            },
        ));
        let episode = crate::MissingEpisode {
            id,
            child_id: "01936b6e-7c00-7000-8000-000000000001".parse().unwrap(),
            started_at: now() - Duration::minutes(90),
            last_seen_at: now() - Duration::minutes(120),
            closed_at: None,
        };
        let summary = crate::episode::summarise(
            &events,
            now(),
            &crate::interview::InterviewTiming::RETURN_HOME_INTERVIEW,
        );
        EpisodeView {
            episode,
            events,
            summary,
            names: Default::default(),
            needs_checking: false,
        }
    }

    fn compose_for(p: &ProfileView, e: Option<&EpisodeView>) -> SheetContent {
        compose(
            &SheetInput {
                profile: p,
                episode: e,
                organisation: &Organisation::default(),
                assessments: &[],
                now: now(),
            },
            &Ids,
        )
    }

    #[test]
    fn a_flagged_child_s_sheet_asks_for_a_high_risk_response_and_a_young_person_s_says_so() {
        let child = compose_for(&profile((2011, 3, 4), true, &[]), None);
        assert_eq!(child.title, "sheet-title");
        assert_eq!(child.escalation, "sheet-escalation");
        assert_eq!(child.flags, "child-flag-unaccompanied");
        let adult = compose_for(&profile((2007, 3, 4), true, &[]), None);
        assert_eq!(adult.title, "sheet-title-adult");
        assert_eq!(adult.escalation, "sheet-escalation-adult");
        let other = compose_for(&profile((2011, 3, 4), false, &[]), None);
        assert_eq!(other.escalation, "");
        assert!(other.episode.is_none() && other.blocks.is_empty());
    }

    #[test]
    fn part_two_comes_first_and_the_log_keeps_its_newest_lines_oldest_first() {
        let p = profile(
            (2011, 3, 4),
            false,
            &[
                (
                    Section::Identity,
                    values(json!({"aliases": "Rutha, Root", "nationality": "Eritrean"})),
                ),
                (
                    Section::Photos,
                    values(json!({"photo_taken_on": "2026-11-01"})),
                ),
            ],
        );
        let e = episode(LOG_LINES + 3);
        let sheet = compose_for(&p, Some(&e));
        let ep = sheet.episode.clone().unwrap();
        assert_eq!(ep.log.len(), LOG_LINES);
        assert!(ep.log[0].ends_with("line 3"), "{:?}", ep.log);
        assert!(ep.log[LOG_LINES - 1].ends_with(&format!("line {}", LOG_LINES + 2)));
        assert_eq!(ep.missing_for, "elapsed-short(days=0,hours=2,minutes=0)");
        assert_eq!(sheet.blocks[0].title, "part2-title");
        assert!(sheet.blocks[0]
            .entries
            .contains(&("pf-out-of-character".into(), "profile-yes".into())));
        // Aliases and nationality: police search by every spelling.
        let identity = sheet
            .blocks
            .iter()
            .find(|b| b.title == "section-identity")
            .unwrap();
        assert!(identity
            .entries
            .contains(&("pf-aliases".into(), "Rutha, Root".into())));
        assert_eq!(sheet.photo_taken, "sheet-photo-taken(date=01/11/2026)");
        assert_eq!(sheet.full_photo_taken, "");
    }

    #[test]
    fn earlier_episodes_are_counted_with_where_the_child_was_found() {
        let mut p = profile((2011, 3, 4), false, &[]);
        p.history = vec![
            EpisodeBrief {
                last_seen_at: now() - Duration::days(30),
                found_at: Some(now() - Duration::days(29)),
                where_found: "Coach station".into(),
                closed: true,
            },
            EpisodeBrief {
                last_seen_at: now() - Duration::days(10),
                found_at: None,
                where_found: String::new(),
                closed: true,
            },
        ];
        let sheet = compose_for(&p, None);
        let block = sheet.blocks.last().unwrap();
        assert_eq!(block.title, "sheet-earlier-episodes");
        assert_eq!(block.entries[0].1, "script-previous-count(count=2)");
        assert_eq!(
            block.entries[1].1, "sheet-not-found; Coach station (27/10 02:00)",
            "latest first"
        );
    }

    #[test]
    fn the_risk_summary_states_the_latest_concerns_never_a_score() {
        use crate::checklists::{
            summarise, Answer, AssessmentEvent, AssessmentRecord, ChildContext, Definition, Item,
        };
        let def = Definition {
            checklist: "missing".into(),
            version: 2,
            sources: Default::default(),
            items: ["newly-placed", "young"]
                .iter()
                .map(|id| Item {
                    id: (*id).into(),
                    theme: "placement".into(),
                    sources: Vec::new(),
                })
                .collect(),
        };
        let record = |n: u64, event| AssessmentRecord {
            id: format!("01936b6e-7c00-7000-8000-{n:012x}").parse().unwrap(),
            at: now(),
            by: "01936b6e-7c00-7000-8000-0000000000aa".parse().unwrap(),
            event,
        };
        let answer = |n, item: &str, answer| {
            record(
                n,
                AssessmentEvent::Answered {
                    item: item.into(),
                    answer,
                    evidence: String::new(),
                    observed_by: String::new(),
                },
            )
        };
        let records = [
            record(
                1,
                AssessmentEvent::Started {
                    checklist: "missing".into(),
                    version: 2,
                },
            ),
            answer(2, "newly-placed", Answer::Yes),
            answer(3, "young", Answer::No),
        ];
        let summary = summarise(&def, &records, ChildContext::default()).unwrap();
        let view = AssessmentView {
            id: "01936b6e-7c00-7000-8000-000000000009".parse().unwrap(),
            child: "01936b6e-7c00-7000-8000-000000000001".parse().unwrap(),
            definition: def,
            summary,
            names: Vec::new(),
        };
        let p = profile((2011, 3, 4), false, &[]);
        let sheet = compose(
            &SheetInput {
                profile: &p,
                episode: None,
                organisation: &Organisation::default(),
                assessments: &[view],
                now: now(),
            },
            &Ids,
        );
        let block = &sheet.blocks[0];
        assert_eq!(block.title, "sheet-risk-summary");
        assert_eq!(
            block.entries,
            [(
                "sheet-concerns-from(checklist=cl-missing,date=25/11/2026)".to_owned(),
                "sheet-concern(question=cl-missing-newly-placed,answer=answer-yes)".to_owned()
            )],
            "only what was answered as a concern"
        );
    }
}
