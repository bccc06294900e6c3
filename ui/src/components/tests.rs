//! The screens rendered to HTML natively (Yew's server renderer), the way the webview would
//! show them: the right steps first, the numbers, labels for screen readers, `dir` and `lang`.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use harbour_core::api::ChildEntry;
use harbour_core::{Child, ChildDetails, ChildId, EpisodeId, MissingEpisode};
use yew::prelude::*;
use yew::LocalServerRenderer;

use super::lock::{Frame, FrameProps, LockScreen, LockScreenProps, SetUp, SetUpProps};
use super::{home::Home, steps::Steps};
use crate::state::{Action, AppState};
use harbour_core::api::{LockStatus, SignedIn};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap()
}

fn id<T: serde::de::DeserializeOwned>(n: u64) -> T {
    serde_json::from_value(serde_json::json!(format!(
        "01936b6e-7c00-7000-8000-{n:012x}"
    )))
    .unwrap()
}

fn entry(n: u64, name: &str, unaccompanied: bool, trafficked: bool, missing: bool) -> ChildEntry {
    let child_id: ChildId = id(n);
    ChildEntry {
        child: Child {
            id: child_id,
            details: ChildDetails {
                name_latin: name.into(),
                name_own_script: Some("ሩታ".into()),
                date_of_birth: NaiveDate::from_ymd_opt(2011, 4, 2).unwrap(),
                languages: vec!["Tigrinya".into()],
                unaccompanied,
                suspected_trafficked: trafficked,
            },
            has_photo: false,
            created_at: t0(),
            record: Default::default(),
        },
        open_episode: missing.then(|| MissingEpisode {
            id: id::<EpisodeId>(100 + n),
            child_id,
            started_at: t0(),
            last_seen_at: t0() - Duration::minutes(30),
            closed_at: None,
        }),
        summary: None,
        reviews_due: n as usize % 3,
        checklists_due: n as usize % 2,
        interviews: Vec::new(),
        team: None,
    }
}

#[derive(Properties, PartialEq)]
struct Harness {
    entries: Vec<ChildEntry>,
    steps_for: Option<usize>,
    organisation: harbour_core::organisation::Organisation,
    #[prop_or_default]
    teams: harbour_core::teams::TeamsView,
}

/// Gives the screens the reducer handles they need, as the App does.
#[function_component(ScreenHarness)]
fn screen_harness(props: &Harness) -> Html {
    let (entries, teams) = (props.entries.clone(), props.teams.clone());
    let state = use_reducer(move || {
        let now = t0() + Duration::minutes(95);
        std::rc::Rc::new(AppState::new(now))
            .reduce(Action::Loaded(entries))
            .reduce(Action::TeamsLoaded(teams))
            .as_ref()
            .clone()
    });
    match props.steps_for {
        Some(i) => html! {
            <Steps entry={props.entries[i].clone()} now={state.now} dispatcher={state.dispatcher()}
                organisation={props.organisation.clone()} />
        },
        None => html! { <Home state={state.clone()} on_missing={Callback::noop()} /> },
    }
}

async fn render(entries: Vec<ChildEntry>, steps_for: Option<usize>) -> String {
    render_in(entries, steps_for, Default::default()).await
}

/// As `render`, for a home with these settings (nation, kind of home).
async fn render_in(
    entries: Vec<ChildEntry>,
    steps_for: Option<usize>,
    organisation: harbour_core::organisation::Organisation,
) -> String {
    render_with(entries, steps_for, organisation, Default::default()).await
}

/// As `render_in`, for a user who sees these homes.
async fn render_with(
    entries: Vec<ChildEntry>,
    steps_for: Option<usize>,
    organisation: harbour_core::organisation::Organisation,
    teams: harbour_core::teams::TeamsView,
) -> String {
    let html = LocalServerRenderer::<ScreenHarness>::with_props(Harness {
        entries,
        steps_for,
        organisation,
        teams,
    })
    .hydratable(false)
    .render()
    .await;
    // Fluent's bidi isolation marks are right in the page; drop them to compare text.
    html.replace(['\u{2068}', '\u{2069}'], "")
}

/// The `data-step` values of the step list, in order.
fn steps_in(html: &str) -> Vec<&str> {
    html.split("data-step=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect()
}

#[tokio::test]
async fn a_trafficked_child_goes_straight_to_999() {
    let html = render(vec![entry(1, "Ruta Test", false, true, true)], Some(0)).await;
    let steps = steps_in(&html);
    assert_eq!(
        &steps[..2],
        ["step-call-999-now", "step-while-waiting"],
        "{steps:?}"
    );
    // The wait is skipped, not the checks: they come while police are on their way.
    assert!(!steps.contains(&"step-search-home"));
    assert!(html.contains(
        "Ruta Test is suspected to have been trafficked. Call 999 first, before you search. Then, while you wait for police, do the quick checks below"
    ));
    assert!(
        html.contains("Tell the call handler that Ruta Test is suspected to have been trafficked, is looked after, and has been missing since 25/11/2026 01:30.")
    );
    assert!(html.contains(
        "Ask for Ruta Test to be treated as high risk: children like Ruta Test are often taken back by traffickers within hours."
    ));
    assert!(html.contains("Say a Philomena form is ready, and ask where to send it."));
    assert!(html.contains("Do not leave other children alone to do this."));
    assert!(!html.contains("Missing, not Absent"), "Scotland only");
    assert!(html.contains("call or text 116 000"));
    assert!(html.contains("Childline: 0800 1111"));
    // Last seen 30 min before the report, and the clock is 95 min after it.
    assert!(
        html.contains("Last seen at 25/11/2026 01:30 · missing for 2 h 5 min"),
        "{html}"
    );
    assert!(
        html.contains("value=\"25/11/2026 01:30\""),
        "typed day first"
    );
    assert!(html.contains("Wednesday 25 November 2026, 01:30"), "{html}");
}

#[tokio::test]
async fn an_unaccompanied_child_is_named_as_such() {
    let html = render(vec![entry(1, "Gul Test", true, false, true)], Some(0)).await;
    assert!(html.contains("Gul Test is an unaccompanied child. Call 999 first"));
    assert_eq!(steps_in(&html)[0], "step-call-999-now");
    // Treated as a potential victim of trafficking: relatives only with the social worker.
    assert!(steps_in(&html).contains(&"step-no-relatives"));
    assert!(!steps_in(&html).contains(&"step-notify-parents"));
    assert!(html.contains("the people who brought Gul Test to the UK"));
}

#[tokio::test]
async fn away_with_whereabouts_known_has_its_own_steps_but_a_flagged_child_s_stay_missing() {
    let away = |mut e: ChildEntry| {
        e.summary = Some(harbour_core::episode::EpisodeSummary {
            away: Some(("At an aunt's, Sample Town".into(), t0())),
            ..Default::default()
        });
        e
    };
    let html = render(
        vec![away(entry(1, "Sam Test", false, false, true))],
        Some(0),
    )
    .await;
    assert_eq!(steps_in(&html)[0], "step-away-agree-return", "{html}");
    assert!(html.contains("Sam Test is away from placement"));
    assert!(html.contains("(At an aunt's, Sample Town)"));
    let html = render(vec![away(entry(1, "Gul Test", true, false, true))], Some(0)).await;
    assert_eq!(
        steps_in(&html)[0],
        "step-call-999-now",
        "treated as missing"
    );
    assert!(html.contains("Gul Test is missing"));
}

#[tokio::test]
async fn scotland_asks_for_missing_not_absent_and_a_home_names_its_own_form() {
    use harbour_core::organisation::{Nation, Organisation};
    let scotland = Organisation {
        nation: Nation::Scotland,
        police_form: "missing person form".into(),
        ..Default::default()
    };
    let html = render_in(
        vec![entry(1, "Ruta Test", false, true, true)],
        Some(0),
        scotland,
    )
    .await;
    assert!(
        html.contains("Ask for this to be treated as Missing, not Absent."),
        "{html}"
    );
    assert!(html.contains("Say the missing person form is ready"));
    assert!(!html.contains("Philomena form is ready"));
}

#[tokio::test]
async fn a_young_person_of_19_is_not_called_a_child_and_the_risk_does_not_end_at_18() {
    let mut e = entry(1, "Amanuel Test", true, false, true);
    e.child.details.date_of_birth = NaiveDate::from_ymd_opt(2007, 3, 1).unwrap();
    let html = render(vec![e], Some(0)).await;
    let steps = steps_in(&html);
    assert_eq!(steps[0], "step-call-999-now", "still escalated at 19");
    assert!(html.contains(
        "Amanuel Test is 18 or over and a care leaver who came to the UK as an unaccompanied child"
    ), "{html}");
    assert!(html
        .contains("the risk from traffickers does not end at 18. Ask for a high-risk response."));
    assert!(!html.contains("is an unaccompanied child, is looked after"));
    assert!(html.contains("Amanuel Test is 18 or over and a care leaver who came to the UK as an unaccompanied child. The risk from traffickers does not end at 18."));
    assert!(steps.contains(&"step-notify-social-worker"));
    assert!(html.contains("personal adviser or the leaving care team"));
    assert!(!steps.contains(&"step-notify-guardian"));
}

#[tokio::test]
async fn other_children_search_first_then_report() {
    let html = render(vec![entry(1, "Sam Test", false, false, true)], Some(0)).await;
    let steps = steps_in(&html);
    assert_eq!(steps[0], "step-call-999-if-danger");
    let search = steps.iter().position(|s| *s == "step-search-home").unwrap();
    let report = steps
        .iter()
        .position(|s| *s == "step-report-police")
        .unwrap();
    assert!(search < report, "{steps:?}");
    assert!(html.contains("There is no 24-hour waiting rule"));
    assert!(!html.contains("id=\"escalation\""));
}

#[tokio::test]
async fn home_lists_missing_children_first_with_labelled_buttons() {
    let html = render(
        vec![
            entry(1, "Amy Test", false, false, false),
            entry(2, "Zed Test", true, true, true),
        ],
        None,
    )
    .await;
    let zed = html.find("data-name=\"Zed Test\"").unwrap();
    let amy = html.find("data-name=\"Amy Test\"").unwrap();
    assert!(zed < amy, "the missing child comes first");
    assert!(html.contains("MISSING · last seen 2 h 5 min ago"));
    assert!(html.contains("aria-label=\"Open the missing steps for Zed Test\""));
    assert!(html.contains("aria-label=\"Report Amy Test missing\""));
    assert!(html.contains("<bdi>ሩታ</bdi>"));
    assert!(html.contains("Unaccompanied") && html.contains("Suspected trafficked"));
    assert!(
        !html.contains("[child-"),
        "a message id leaked into the page"
    );
}

fn locked(demo: bool, needs_name: bool) -> LockStatus {
    LockStatus {
        set_up: true,
        needs_name,
        wait_seconds: 0,
        auto_lock_minutes: 10,
        demo_pin: demo.then(|| "246810".to_owned()),
        user: None,
        problem: None,
    }
}

#[tokio::test]
async fn the_root_carries_direction_language_review_status_and_who_is_in() {
    let status = LockStatus {
        user: Some(SignedIn {
            name: "Sam Okafor".into(),
            role: harbour_core::Role::Manager,
            may: vec![],
        }),
        ..locked(false, false)
    };
    let html = LocalServerRenderer::<Frame>::with_props(FrameProps {
        status,
        on_lock: Some(Callback::noop()),
        children: html! { <p>{ "screen" }</p> },
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains("dir=\"ltr\""), "{html}");
    assert!(html.contains("lang=\"en-GB\""));
    assert!(html.contains("English (UK) · source text"));
    assert!(html.contains("Sam Okafor"), "{html}");
    assert!(html.contains("Manager"));
    assert!(html.contains("id=\"lock-button\""));
    assert!(html.contains("Ctrl+L"));
}

/// Records whose key file is lost: the lock screen says so, and "Child missing" and the child's
/// help are still there.
#[tokio::test]
async fn a_lost_key_file_is_told_on_the_lock_screen_beside_child_missing() {
    let html = LocalServerRenderer::<LockScreen>::with_props(LockScreenProps {
        status: LockStatus {
            problem: Some("error-key-file-missing".into()),
            ..locked(false, false)
        },
        on_unlocked: Callback::noop(),
        show_steps: false,
        on_child_help: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains("id=\"store-problem\""), "{html}");
    assert!(
        html.contains("key file (harbour.keys) is missing"),
        "{html}"
    );
    assert!(html.contains("id=\"lock-child-missing\""));
    assert!(html.contains("id=\"lock-child-help\""), "{html}");
}

#[tokio::test]
async fn the_lock_screen_offers_the_missing_steps_without_unlocking() {
    let html = LocalServerRenderer::<LockScreen>::with_props(LockScreenProps {
        status: locked(true, true),
        on_unlocked: Callback::noop(),
        show_steps: true,
        on_child_help: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains("Harbour is locked"), "{html}");
    assert!(html.contains("id=\"lock-child-missing\""));
    assert!(html.contains("aria-expanded=\"true\""));
    // The generic steps: 999 first, the escalation rule, then 101, and the numbers.
    let danger = html.find("data-step=\"danger\"").unwrap();
    let flagged = html.find("data-step=\"flagged\"").unwrap();
    let report = html.find("data-step=\"report\"").unwrap();
    assert!(danger < flagged && flagged < report);
    assert!(html.contains("call 999 now"));
    assert!(html.contains("116 000"));
    assert!(html.contains("Childline"));
    // Two users: the name is asked for; the demo PIN is shown for the demo store only.
    assert!(html.contains("id=\"unlock-name\""));
    assert!(html.contains("246810"));
    assert!(html.contains("type=\"password\""));

    let html = LocalServerRenderer::<LockScreen>::with_props(LockScreenProps {
        status: locked(false, false),
        on_unlocked: Callback::noop(),
        show_steps: false,
        on_child_help: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(
        !html.contains("id=\"generic-steps\""),
        "steps open only when asked"
    );
    assert!(!html.contains("unlock-name"), "one user: PIN only");
    assert!(!html.contains("246810"));
}

#[tokio::test]
async fn first_run_asks_for_a_name_and_the_pin_twice() {
    let html = LocalServerRenderer::<SetUp>::with_props(SetUpProps {
        on_done: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    for id in ["setup-name", "setup-pin", "setup-pin-again", "setup-submit"] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id}: {html}");
    }
    assert!(html.contains("for=\"setup-pin\""));
    assert!(html.contains("autocomplete=\"new-password\""));
    assert!(html.contains("at least 6 characters"));
    // A computer for a team that uses Harbour already joins it instead.
    assert!(html.contains("id=\"setup-join-team\""), "{html}");
    assert!(html.contains("joins a team that already uses Harbour"));
}

#[tokio::test]
async fn a_new_computer_joins_a_team_with_its_invitation_code_and_the_settings_explain_the_hub() {
    use super::sync::{JoinTeam, JoinTeamProps, SyncSettings};
    let html = LocalServerRenderer::<JoinTeam>::with_props(JoinTeamProps {
        on_joined: Callback::noop(),
        on_cancel: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    for id in ["join-code", "join-team-submit", "join-team-cancel"] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id}: {html}");
    }
    assert!(html.contains("for=\"join-code\""), "labelled");
    assert!(html.contains("the name and PIN they already use"), "{html}");
    // The code carries the team key: never shown as it is typed.
    assert!(html.contains("type=\"password\""));

    let html = LocalServerRenderer::<SyncSettings>::new()
        .hydratable(false)
        .render()
        .await;
    // Before the shell answers: no hub yet, the join form with a code, the PIN asked for.
    assert!(html.contains("does not sync with a hub"), "{html}");
    for id in ["sync-code", "sync-pin", "sync-join", "sync-join-other"] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id}: {html}");
    }
    assert!(
        html.contains("cannot read them"),
        "what the hub cannot see: {html}"
    );
}

#[tokio::test]
async fn a_child_who_is_back_is_listed_after_the_missing_with_the_interview_due() {
    use harbour_core::episode::{summarise, EpisodeEvent, EventRecord};
    let mut back = entry(1, "Aaron Back", false, true, true);
    let found = EventRecord {
        id: id(50),
        at: t0() + Duration::minutes(60),
        by: id(60),
        event: EpisodeEvent::Found {
            found_at: t0() + Duration::minutes(50),
            found_by: "Police".into(),
            where_found: "Station".into(),
            how_returned: "Police car".into(),
        },
    };
    back.summary = Some(summarise(
        &[found],
        t0() + Duration::minutes(95),
        &harbour_core::episode::InterviewTiming::RETURN_HOME_INTERVIEW,
    ));
    let missing = entry(2, "Zara Missing", false, false, true);
    let html = render(vec![back, missing], None).await;
    let zara = html.find("Zara Missing").unwrap();
    let aaron = html.find("Aaron Back").unwrap();
    assert!(zara < aaron, "the missing child comes first");
    assert!(html.contains("is-back"), "{html}");
    assert_eq!(html.matches("is-missing").count(), 1);
    assert!(html.contains("Back since"));
    assert!(html.contains("Return interview due by"));
    assert!(html.contains("Open the record"));
}

#[tokio::test]
async fn the_profile_shows_each_section_its_check_and_what_is_due() {
    use super::profile::{ProfilePage, ProfilePageProps};
    use harbour_core::profile::{
        PhotoWarning, ProfileOpened, ProfileView, Review, ReviewDue, Section, SectionView,
    };
    use serde_json::json;
    let child = entry(1, "Ruta Test", false, true, false).child;
    let sections = Section::ALL
        .iter()
        .map(|&section| SectionView {
            section,
            values: match section {
                Section::Health => [
                    ("medication".to_owned(), json!("Inhaler <b>twice</b> a day")),
                    ("critical_medication".to_owned(), json!(true)),
                    ("self_harm_risk".to_owned(), json!(false)),
                ]
                .into_iter()
                .collect(),
                Section::Legal => [("immigration_status".to_owned(), json!("Asylum claim"))]
                    .into_iter()
                    .collect(),
                _ => Default::default(),
            },
            review: (section == Section::Health).then(|| Review {
                at: t0(),
                by: id(9),
                by_name: "Sam Carer".into(),
            }),
            due: match section {
                Section::Health => None,
                Section::People => Some(ReviewDue::KeyChange {
                    section: Section::Phones,
                    at: t0(),
                }),
                _ => Some(ReviewDue::NeverReviewed),
            },
        })
        .collect();
    let props = ProfilePageProps {
        opened: ProfileOpened {
            profile: ProfileView {
                merged: Vec::new(),
                child,
                sections,
                photo_warning: Some(PhotoWarning::Old {
                    taken_on: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
                }),
                has_full_photo: true,
                full_photo_warning: Some(PhotoWarning::NoDate),
                history: vec![
                    harbour_core::profile::EpisodeBrief {
                        last_seen_at: t0() - Duration::days(40),
                        found_at: Some(t0() - Duration::days(40) + Duration::hours(26)),
                        where_found: "Coach station".into(),
                        closed: true,
                    },
                    harbour_core::profile::EpisodeBrief {
                        last_seen_at: t0() - Duration::days(3),
                        found_at: Some(t0() - Duration::days(3) + Duration::hours(5)),
                        where_found: "Car wash on Sample Road".into(),
                        closed: true,
                    },
                ],
                flag_history: vec![harbour_core::child::FlagChange {
                    flag: harbour_core::child::EscalationFlag::SuspectedTrafficked,
                    set: true,
                    at: t0() - Duration::days(2),
                    by: None,
                    by_name: "Sam Manager".into(),
                    reason: String::new(),
                }],
                added: Some(harbour_core::profile::Written {
                    by_name: "Sam Manager".into(),
                    at: t0() - Duration::days(10),
                }),
                corrected: Some(harbour_core::profile::Written {
                    by_name: String::new(),
                    at: t0() - Duration::days(1),
                }),
                needs_checking: true,
            },
            photo: None,
            full_photo: Some("data:image/jpeg;base64,AAAA".into()),
        },
        on_back: Callback::noop(),
        on_updated: Callback::noop(),
        on_photo: Callback::noop(),
        on_open: Callback::noop(),
        choices: Default::default(),
    };
    let html = LocalServerRenderer::<ProfilePage>::with_props(props)
        .hydratable(false)
        .render()
        .await
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(html.contains("Profile: Ruta Test"), "{html}");
    assert!(html.contains("13 parts of the profile need checking"));
    assert!(html.contains("taken on 01/06/2026, more than 3 months ago"));
    // Both photos: no face photo, and the full-length one (whose date is missing).
    assert!(html.contains("The full-length photo has no date"));
    assert!(
        html.contains("alt=\"Full-length photo of Ruta Test\""),
        "{html}"
    );
    assert!(html.contains("id=\"new-photo-kind-full-length\""));
    assert!(
        html.contains("<figcaption>Full length</figcaption>"),
        "{html}"
    );
    for s in Section::ALL {
        assert!(
            html.contains(&format!("id=\"section-{}\"", s.id())),
            "{s:?}"
        );
    }
    assert_eq!(html.matches("Not checked yet").count(), 12);
    assert!(html.contains("Checked by Sam Carer on 25/11/2026 02:00"));
    assert!(html.contains("Check now: Phones and online accounts changed on 25/11/2026 02:00"));
    // Text a carer typed is shown as text, never as markup.
    assert!(html.contains("Inhaler &lt;b&gt;twice&lt;/b&gt; a day"));
    assert!(html.contains("Medication is critical if missed"));
    assert!(
        !html.contains("Risk of self-harm"),
        "a flag left off is not listed"
    );
    assert!(html.contains("class=\"sensitive\""));
    // The history: both episodes, newest first, with how long and where found.
    assert!(html.contains("2 missing episodes recorded in Harbour"));
    let newest = html.find("Car wash on Sample Road").unwrap();
    let oldest = html.find("Coach station").unwrap();
    assert!(newest < oldest, "newest first");
    assert!(
        html.contains("1 d 2 h 0 min") || html.contains("1 d 2 h"),
        "{html}"
    );
    assert_eq!(
        html.matches("class=\"bar\"").count(),
        2,
        "one bar per episode"
    );
    // A checked section offers no "still right"; the 13 due ones do.
    assert_eq!(html.matches("Checked, still right").count(), 13);
    // Who recorded the child and who corrected them, and that part of it needs checking.
    assert!(
        html.contains("Added by Sam Manager, 15/11/2026 02:00"),
        "{html}"
    );
    assert!(html.contains("Details last corrected 24/11/2026 02:00 (by whom was not recorded)"));
    assert!(html.contains("id=\"profile-needs-checking\""));
}

#[tokio::test]
async fn records_from_other_computers_say_why_they_wait_and_which_are_shown() {
    use harbour_core::arrivals::{Arrivals, Arrived, Problem};
    #[derive(Properties, PartialEq)]
    struct P {
        a: Arrivals,
    }
    #[function_component(View)]
    fn view(p: &P) -> Html {
        super::arrivals::view(&crate::i18n::use_i18n(), &p.a)
    }
    let render = |a: Arrivals| async move {
        LocalServerRenderer::<View>::with_props(P { a })
            .hydratable(false)
            .render()
            .await
            .replace(['\u{2068}', '\u{2069}'], "")
    };
    assert_eq!(
        render(Arrivals::default()).await,
        "",
        "nothing to say, nothing shown"
    );
    let record = |kind: &str, problem, shown, author: Option<&str>| Arrived {
        kind: kind.into(),
        problem,
        shown,
        device: id(0xd1),
        idx: 4,
        written_at: t0(),
        author: None,
        author_name: author.map(str::to_owned),
        child: Some(id(1)),
        child_name: Some("Ruta Test".into()),
    };
    let html = render(Arrivals {
        needs_update: 2,
        records: vec![
            record(
                "user_added",
                Problem::NotAllowed,
                false,
                Some("Casey Carer"),
            ),
            record("episode_started", Problem::AuthorUnknown, true, None),
        ],
    })
    .await;
    assert!(
        html.contains("2 records came from a newer version of Harbour"),
        "{html}"
    );
    assert!(html.contains("A member of staff added"));
    assert!(
        html.contains(
            "Their role did not allow this when they wrote it. <strong>Held back.</strong>"
        ),
        "{html}"
    );
    assert!(
        html.contains("A missing report · <bdi>Ruta Test</bdi>"),
        "{html}"
    );
    assert!(html.contains("someone this computer does not know yet"));
    assert!(html.contains("<strong>Shown, needs checking.</strong>"));
    // A carer sees only that an update is needed.
    let carer = render(Arrivals {
        needs_update: 1,
        records: vec![],
    })
    .await;
    assert!(
        carer.contains("One record came from a newer version"),
        "{carer}"
    );
    assert!(!carer.contains("<table"));
}

#[test]
fn the_call_script_answers_from_the_profile_and_part_two() {
    use harbour_core::episode::EpisodeSummary;
    use harbour_core::police::questions;
    use harbour_core::profile::{EpisodeBrief, ProfileView, Section, SectionView};
    use serde_json::json;
    let i18n = crate::i18n::I18n(std::rc::Rc::new(harbour_i18n::Localizer::new(
        harbour_i18n::SOURCE_TAG,
    )));
    let e = entry(1, "Ruta Test", false, true, true);
    let episode = e.open_episode.clone().unwrap();
    let values = |v: serde_json::Value| serde_json::from_value(v).unwrap();
    let section = |section, v| SectionView {
        section,
        values: values(v),
        review: None,
        due: None,
    };
    let profile = ProfileView {
        added: None,
        corrected: None,
        needs_checking: false,
        merged: Vec::new(),
        child: e.child,
        sections: vec![
            section(
                Section::Description,
                json!({"height": "160 cm", "marks": "Scar on chin"}),
            ),
            section(
                Section::Health,
                json!({"medication": "Insulin", "critical_medication": true}),
            ),
            section(Section::Phones, json!({"mobile_numbers": "07700 900123"})),
            section(Section::Risks, json!({"risk_cce": true})),
        ],
        photo_warning: None,
        has_full_photo: false,
        full_photo_warning: None,
        history: vec![EpisodeBrief {
            last_seen_at: t0() - Duration::days(30),
            found_at: Some(t0() - Duration::days(29)),
            where_found: "Coach station".into(),
            closed: true,
        }],
        flag_history: Vec::new(),
    };
    let summary = EpisodeSummary {
        details: Some((
            values(
                json!({"where_last_seen": "Sample Road bus stop", "seen_by": "Night staff",
                          "clothing_upper": "Red hoodie", "took_phone": true,
                          "out_of_character": true, "trigger": "A Home Office letter"}),
            ),
            t0(),
        )),
        checks: vec![("Rang her mobile".into(), t0())],
        ..Default::default()
    };
    let answers: std::collections::BTreeMap<_, _> = questions(&profile, &episode, &summary, &i18n)
        .into_iter()
        .map(|(q, a)| {
            assert!(i18n.has_message(q), "{q}");
            (q, a.map(|a| a.replace(['\u{2068}', '\u{2069}'], "")))
        })
        .collect();
    assert_eq!(answers.len(), 12);
    let a = |q: &str| answers[q].clone().unwrap_or_default();
    assert!(a("script-q-last-seen")
        .contains("25/11/2026 01:30; Sample Road bus stop; seen by Night staff"));
    assert!(a("script-q-description").contains("Height: 160 cm"));
    assert!(a("script-q-description").contains("Top: Red hoodie"));
    assert!(a("script-q-enquiries").contains("Rang her mobile (25/11/2026 02:00)"));
    assert_eq!(
        a("script-q-previous"),
        "1 earlier episode recorded in Harbour"
    );
    assert!(a("script-q-phone").contains("07700 900123; They took their phone."));
    assert!(a("script-q-medication")
        .contains("Insulin — Medication is critical if missed; not recorded as taken"));
    assert!(a("script-q-risk").contains("Suspected trafficked"));
    assert!(a("script-q-risk").contains("Criminal exploitation or county lines"));
    assert!(a("script-q-risk").contains("A Home Office letter"));
    assert_eq!(answers["script-q-online"], None, "gaps stay visible");
    assert!(a("script-q-character").contains("out of character"));
}

#[tokio::test]
async fn the_nation_sets_the_words_of_the_steps() {
    use harbour_core::organisation::{Nation, Organisation};
    let wales = Organisation {
        nation: Nation::Wales,
        ..Default::default()
    };
    let html = render_in(
        vec![entry(1, "Sam Test", false, false, true)],
        Some(0),
        wales,
    )
    .await;
    assert!(
        html.contains("Say a Child Information Form is available and send it."),
        "{html}"
    );
    assert!(!html.contains("Philomena"));
    let england = render(vec![entry(1, "Sam Test", false, false, true)], Some(0)).await;
    assert!(england.contains("Say a Philomena form is available and send it."));
}

#[derive(Properties, PartialEq)]
struct InterviewHarness {
    summary: harbour_core::episode::EpisodeSummary,
    nation: harbour_core::organisation::Nation,
}

#[function_component(InterviewLine)]
fn interview_line(props: &InterviewHarness) -> Html {
    let i18n = crate::i18n::use_i18n();
    let timing = harbour_core::episode::InterviewTiming::usual(props.nation);
    super::interview::status_line(&i18n, &props.summary, "Sam", props.nation, &timing)
}

/// Where Sam's interview stands, back at `t0`, seen at `now` in `nation`, after `more` events.
async fn interview_in(
    nation: harbour_core::organisation::Nation,
    more: Vec<harbour_core::episode::EpisodeEvent>,
    now: DateTime<Utc>,
) -> String {
    use harbour_core::episode::{summarise, EpisodeEvent, EventRecord};
    let found = EpisodeEvent::Found {
        found_at: t0(),
        found_by: "Police".into(),
        where_found: "Station".into(),
        how_returned: "Police car".into(),
    };
    let events: Vec<EventRecord> = std::iter::once(found)
        .chain(more)
        .enumerate()
        .map(|(n, event)| EventRecord {
            id: id(70 + n as u64),
            at: t0() + Duration::minutes(n as i64),
            by: id(60),
            event,
        })
        .collect();
    let summary = summarise(
        &events,
        now,
        &harbour_core::episode::InterviewTiming::usual(nation),
    );
    LocalServerRenderer::<InterviewLine>::with_props(InterviewHarness { summary, nation })
        .hydratable(false)
        .render()
        .await
        .replace(['\u{2068}', '\u{2069}'], "")
}

#[tokio::test]
async fn scotland_s_return_discussion_is_arranged_within_72_hours_then_held_within_the_week() {
    use harbour_core::episode::{EpisodeEvent, InterviewMode};
    use harbour_core::organisation::Nation;
    let soon = t0() + Duration::hours(2);
    let due = interview_in(Nation::Scotland, vec![], soon).await;
    assert!(due.contains("Return discussion to be arranged by"), "{due}");
    assert!(due.contains("(72 hours after Sam came back)"), "{due}");
    assert!(due.contains("check with your local protocol"));
    let late = interview_in(Nation::Scotland, vec![], t0() + Duration::hours(80)).await;
    assert!(
        late.contains("Return discussion not yet arranged: OVERDUE since"),
        "{late}"
    );
    let offered = vec![EpisodeEvent::InterviewOffered {
        offered_at: t0() + Duration::hours(1),
        service: "Police Scotland".into(),
    }];
    let arranged = interview_in(
        Nation::Scotland,
        offered.clone(),
        t0() + Duration::hours(80),
    )
    .await;
    assert!(
        arranged.contains("Return discussion to take place by"),
        "{arranged}"
    );
    assert!(
        arranged.contains("(7 days after Sam came back)"),
        "{arranged}"
    );
    assert!(arranged.contains("arranged on") && arranged.contains("with Police Scotland"));
    let mut held = offered;
    held.push(EpisodeEvent::InterviewHeld {
        held_at: t0() + Duration::hours(100),
        held_by: "PC Sample".into(),
        independent: true,
        mode: InterviewMode::InPerson,
    });
    let done = interview_in(Nation::Scotland, held.clone(), t0() + Duration::hours(120)).await;
    assert!(done.contains("Within 7 days of the return."), "{done}");
    let england = interview_in(Nation::England, held, t0() + Duration::hours(120)).await;
    assert!(
        england.contains("Not within 72 hours of the return."),
        "{england}"
    );
    let due = interview_in(Nation::NorthernIreland, vec![], soon).await;
    assert!(due.contains("Return interview due by"), "{due}");
    assert!(due.contains("(72 hours after Sam came back)"));
}

#[derive(Properties, PartialEq)]
struct RegulatorHarness {
    org: harbour_core::organisation::Organisation,
}

#[function_component(RegulatorRulesView)]
fn regulator_rules_view(props: &RegulatorHarness) -> Html {
    let i18n = crate::i18n::use_i18n();
    let nation = harbour_i18n::Arg::from(props.org.nation.id());
    let regulator = i18n.tr_with("regulator-name", &[("nation", nation.clone())]);
    let args = [
        ("nation", nation),
        ("home", props.org.home_kind.id().into()),
        ("regulator", regulator.into()),
    ];
    html! {
        <>
            <h4>{ i18n.tr_with("reg-title", &args) }</h4>
            { super::record::regulator_rules(&i18n, &props.org, &args) }
        </>
    }
}

#[tokio::test]
async fn the_manager_sees_regulation_40_the_home_s_own_list_or_is_asked_to_check_it() {
    use harbour_core::organisation::{HomeKind, Nation, Organisation};
    let show = |nation, home_kind, regulator_events: &str| {
        let org = Organisation {
            nation,
            home_kind,
            regulator_events: regulator_events.into(),
            ..Default::default()
        };
        async move {
            LocalServerRenderer::<RegulatorRulesView>::with_props(RegulatorHarness { org })
                .hydratable(false)
                .render()
                .await
                .replace(['\u{2068}', '\u{2069}'], "")
        }
    };
    let england = show(Nation::England, HomeKind::ChildrensHome, "").await;
    assert!(
        england.contains("Ofsted need to be told (Regulation 40)?"),
        "{england}"
    );
    assert!(england.contains("not always a Regulation 40 notification"));
    let wales = show(Nation::Wales, HomeKind::ChildrensHome, "").await;
    assert!(
        wales.contains("does Care Inspectorate Wales need to be told?"),
        "{wales}"
    );
    assert!(
        wales.contains("Harbour does not hold Care Inspectorate Wales's list"),
        "{wales}"
    );
    assert!(!wales.contains("Regulation 40"));
    let scotland = show(
        Nation::Scotland,
        HomeKind::ChildrensHome,
        "A child missing overnight",
    )
    .await;
    assert!(
        scotland.contains("does the Care Inspectorate need to be told?"),
        "{scotland}"
    );
    assert!(scotland.contains("The events this home must tell the Care Inspectorate about"));
    assert!(scotland.contains("A child missing overnight"));
    let supported = show(Nation::England, HomeKind::SupportedAccommodation, "").await;
    assert!(
        supported.contains("for supported accommodation"),
        "{supported}"
    );
    let ni = show(Nation::NorthernIreland, HomeKind::ChildrensHome, "").await;
    assert!(ni.contains("does RQIA need to be told?"), "{ni}");
}

mod checklists {
    use super::*;
    use crate::components::checklists::{comparison, summary};
    use crate::i18n::use_i18n;
    use harbour_core::checklists::{
        summarise, Answer, AssessmentEvent, AssessmentRecord, AssessmentView, ChildContext,
        Definition, Item, Source,
    };
    use harbour_core::{AssessmentId, EventId, UserId};

    fn def() -> Definition {
        let item = |id: &str, theme: &str| Item {
            id: id.into(),
            theme: theme.into(),
            sources: Vec::new(),
        };
        Definition {
            checklist: "trafficking".into(),
            version: 1,
            sources: [(
                "s".to_owned(),
                Source {
                    title: "A source".into(),
                    url: None,
                },
            )]
            .into_iter()
            .collect(),
            items: vec![
                item("debt", "control"),
                item("documents", "control"),
                item("hidden", "hidden"),
            ],
        }
    }

    fn view(answers: &[(&str, Answer, &str)], flagged: bool) -> AssessmentView {
        let user: UserId = id(9);
        let mut records = vec![AssessmentRecord {
            id: id::<EventId>(1),
            at: t0(),
            by: user,
            event: AssessmentEvent::Started {
                checklist: "trafficking".into(),
                version: 1,
            },
        }];
        for (n, (item, answer, evidence)) in answers.iter().enumerate() {
            records.push(AssessmentRecord {
                id: id::<EventId>(n as u64 + 2),
                at: t0(),
                by: user,
                event: AssessmentEvent::Answered {
                    item: (*item).into(),
                    answer: *answer,
                    evidence: (*evidence).into(),
                    observed_by: String::new(),
                },
            });
        }
        let context = ChildContext {
            suspected_trafficked: flagged,
            episodes: 0,
        };
        AssessmentView {
            id: id::<AssessmentId>(7),
            child: id(1),
            definition: def(),
            summary: summarise(&def(), &records, context).unwrap(),
            names: vec![(user, "Sam Carer".into())],
        }
    }

    #[derive(Properties, PartialEq)]
    struct Both {
        older: AssessmentView,
        newer: AssessmentView,
    }

    #[function_component(Harness)]
    fn harness(p: &Both) -> Html {
        let i18n = use_i18n();
        html! {
            <>
                { summary(&i18n, &p.newer, &"Ruta Test".into(), Callback::noop(), false) }
                { comparison(&i18n, &p.older, &p.newer) }
            </>
        }
    }

    #[tokio::test]
    async fn concerns_by_theme_next_steps_and_what_changed() {
        let older = view(&[("debt", Answer::NotKnown, "")], false);
        let newer = view(
            &[
                ("debt", Answer::Yes, "Says he owes <b>£3,000</b>"),
                ("documents", Answer::NotKnown, ""),
            ],
            false,
        );
        let html = LocalServerRenderer::<Harness>::with_props(Both { older, newer })
            .hydratable(false)
            .render()
            .await
            .replace(['\u{2068}', '\u{2069}'], "");
        assert!(html.contains("Concerns to discuss"), "{html}");
        assert!(html.contains("Control and fear"));
        assert!(
            html.contains("owing money for the journey"),
            "the prompt, in words"
        );
        assert!(
            html.contains("Says he owes &lt;b&gt;£3,000&lt;/b&gt;"),
            "evidence as text"
        );
        assert!(html.contains("Not known yet: try to find out"));
        assert!(html.contains("1 question not answered yet."));
        assert!(html.contains("id=\"flag-trafficked\""));
        assert!(html.contains("Consider marking Ruta Test as suspected trafficked"));
        assert!(!html.contains("score"), "never a score");
        // What changed: debt went from not known to yes; documents was not asked before.
        assert!(html.contains("data-item=\"debt\""));
        assert!(html.contains("<td>Not known</td><td>Yes</td>"), "{html}");
        assert!(
            !html.contains("data-item=\"hidden\""),
            "unchanged rows are left out"
        );
        // Documents was in both versions but answered only now.
        assert!(
            html.contains("<td>Not answered</td><td>Not known</td>"),
            "{html}"
        );
    }
}

#[derive(Properties, PartialEq)]
struct ChildPageHarness {
    tag: &'static str,
    help: harbour_core::help::HelpNumbers,
    #[prop_or_default]
    home_kind: harbour_core::organisation::HomeKind,
}

#[function_component(ChildPage)]
fn child_page(props: &ChildPageHarness) -> Html {
    let child = harbour_i18n::Localizer::new(props.tag);
    let staff = harbour_i18n::Localizer::new(harbour_i18n::SOURCE_TAG);
    super::child_help::help_page(
        &child,
        &staff,
        &harbour_core::help::ChildHelpSettings {
            numbers: props.help.clone(),
            home_kind: props.home_kind,
            ..Default::default()
        },
        Callback::noop(),
        Callback::noop(),
    )
}

async fn render_child(tag: &'static str, help: harbour_core::help::HelpNumbers) -> String {
    render_child_in(tag, help, Default::default()).await
}

async fn render_child_in(
    tag: &'static str,
    help: harbour_core::help::HelpNumbers,
    home_kind: harbour_core::organisation::HomeKind,
) -> String {
    LocalServerRenderer::<ChildPage>::with_props(ChildPageHarness {
        tag,
        help,
        home_kind,
    })
    .hydratable(false)
    .render()
    .await
    .replace(['\u{2068}', '\u{2069}'], "")
}

/// The child's page in every language: the root says which language and direction, every
/// number is there as dialled, the language list names each language in its own script, the
/// interpreter request is in English for the adult, and nothing meant for staff shows.
#[tokio::test]
async fn the_child_s_page_in_every_language_has_its_direction_and_the_numbers() {
    use harbour_core::help::{HelpNumbers, RunawayHours};
    let help = HelpNumbers {
        runaway_hours: RunawayHours::Daily {
            from: "09:00".into(),
            to: "23:00".into(),
        },
        ..Default::default()
    };
    for locale in harbour_i18n::LOCALES {
        let html = render_child(locale.tag, help.clone()).await;
        let root = format!(
            r#"<div id="child-screen" lang="{}" dir="{}" class="child-screen">"#,
            locale.tag,
            locale.dir.as_attr()
        );
        assert!(html.contains(&root), "{}: {root} not in {html}", locale.tag);
        for number in [
            "116\u{a0}000",
            "0800\u{a0}1111",
            "999",
            "112",
            "101",
            "08000\u{a0}121\u{a0}700",
            "23:00",
        ] {
            assert!(html.contains(number), "{}: {number}", locale.tag);
        }
        assert!(
            html.contains("<p dir=\"ltr\" lang=\"en\" class=\"child-number\">116\u{a0}000</p>"),
            "{}",
            locale.tag
        );
        for other in harbour_i18n::LOCALES {
            let button = format!(r#"lang="{}" dir="{}""#, other.tag, other.dir.as_attr());
            assert!(
                html.contains(&button) && html.contains(other.native_name),
                "{}: {}",
                locale.tag,
                other.tag
            );
        }
        assert_eq!(
            html.contains(&format!(
                "I need an interpreter. My language is {}.",
                locale.english_name
            )),
            locale.tag != harbour_i18n::SOURCE_TAG,
            "{}: the request in English, for the adult",
            locale.tag
        );
        let chosen = format!(r#"aria-pressed="true" data-lang="{}""#, locale.tag);
        assert!(
            html.contains(&chosen),
            "{}: the current language is marked",
            locale.tag
        );
        assert_eq!(html.matches(r#"aria-pressed="true""#).count(), 1);
        assert!(
            !html.contains("[child-"),
            "{}: a missing message",
            locale.tag
        );
        assert!(
            !html.contains("Machine-translated"),
            "{}: no review notes for the child",
            locale.tag
        );
        assert!(html.contains("Staff: lock and leave"));
    }
    // Unconfirmed hours are not shown at all.
    let html = render_child("en-GB", HelpNumbers::default()).await;
    assert!(!html.contains("Open every day"), "{html}");
    assert!(html.contains("Call or text 116\u{a0}000."));
    assert!(html.contains("You are not in trouble for going missing."));
    // In foster care the return talk is with someone who is not one of the child's carers;
    // in a children's home, with someone who does not work there.
    use harbour_core::organisation::HomeKind;
    assert!(html.contains("someone who is not one of your carers, within 72 hours"));
    let home = render_child_in("en-GB", HelpNumbers::default(), HomeKind::ChildrensHome).await;
    assert!(home.contains("someone who does not work where you live, within 72 hours"));
    assert!(!home.contains("one of your carers"));
}

#[derive(Properties, PartialEq)]
struct ReviewHarness {
    rows: Vec<super::translations::ReviewRow>,
}

#[function_component(ReviewPage)]
fn review_page(props: &ReviewHarness) -> Html {
    let i18n = crate::i18n::I18n(std::rc::Rc::new(harbour_i18n::Localizer::new(
        harbour_i18n::SOURCE_TAG,
    )));
    let ps = harbour_i18n::locale("ps").unwrap();
    super::translations::review_table(&i18n, ps, &props.rows)
}

/// Every language's help is complete; a message a language lacked would show the English in
/// its place, marked, in the staff's review table.
#[tokio::test]
async fn the_review_view_shows_each_message_beside_the_english_and_marks_a_missing_one() {
    use super::translations::review_rows;
    for locale in harbour_i18n::LOCALES {
        let rows = review_rows(locale);
        assert!(rows.len() > 30, "{}", locale.tag);
        assert!(
            rows.iter().all(|r| r.own.is_some()),
            "{}: incomplete",
            locale.tag
        );
    }
    let mut rows = review_rows(harbour_i18n::locale("ps").unwrap());
    assert!(
        rows[0].own.as_deref().unwrap().contains("مرسته"),
        "{:?}",
        rows[0]
    );
    rows[1].own = None;
    let html = LocalServerRenderer::<ReviewPage>::with_props(ReviewHarness { rows: rows.clone() })
        .hydratable(false)
        .render()
        .await;
    assert_eq!(html.matches("class=\"missing\"").count(), 1);
    assert!(html.contains(&format!(
        "<strong class=\"fallback-mark\">Missing, the English is shown:</strong> {}",
        rows[1].english
    )));
    assert!(html.contains(r#"<td lang="ps" dir="rtl">"#));
}

/// Two homes the user is in, Oak House (1) and Elm Lodge (2), and one they are not in (3).
fn two_homes(on_call: &str) -> harbour_core::teams::TeamsView {
    use harbour_core::organisation::Organisation;
    use harbour_core::teams::{Team, TeamsView};
    let team = |n: u64, name: &str, mine: bool| Team {
        id: id(0x7e00 + n),
        name: name.into(),
        members: Vec::new(),
        mine,
    };
    let elm = Organisation {
        on_call: on_call.into(),
        ..Default::default()
    };
    TeamsView {
        teams: vec![
            team(2, "Elm Lodge", true),
            team(1, "Oak House", true),
            team(3, "Ash Court", false),
        ],
        current: Some(id(0x7e01)),
        settings: vec![(id(0x7e01), Organisation::default()), (id(0x7e02), elm)],
    }
}

#[tokio::test]
async fn with_two_homes_each_child_says_which_and_their_steps_use_their_home_s_contacts() {
    let mut amani = entry(1, "Amani Test", true, false, false);
    amani.team = Some(id(0x7e01));
    let mut dawit = entry(2, "Dawit Test", true, false, true);
    dawit.team = Some(id(0x7e02));
    let teams = two_homes("Elm on-call 07700 900222");
    let html = render_with(
        vec![amani.clone(), dawit.clone()],
        None,
        Default::default(),
        teams.clone(),
    )
    .await;
    assert!(html.contains("Home: Oak House"), "{html}");
    assert!(html.contains("Home: Elm Lodge"));
    assert!(!html.contains("Ash Court"));

    // One home: nothing to tell apart, so no label.
    let one = harbour_core::teams::TeamsView {
        teams: teams.teams[1..2].to_vec(),
        ..teams.clone()
    };
    let html = render_with(vec![amani], None, Default::default(), one).await;
    assert!(!html.contains("Home: "), "{html}");

    // The reducer gives a child's screens their own home's settings.
    let state = std::rc::Rc::new(AppState::new(t0()))
        .reduce(Action::Loaded(vec![dawit.clone()]))
        .reduce(Action::TeamsLoaded(teams));
    assert_eq!(
        state.organisation_for(&dawit).on_call,
        "Elm on-call 07700 900222"
    );
    assert_eq!(state.organisation.on_call, "", "the home shown: Oak House");
}

#[derive(Properties, PartialEq)]
struct AddChildHarness {
    teams: harbour_core::teams::TeamsView,
}

#[function_component(AddChildScreen)]
fn add_child_screen(props: &AddChildHarness) -> Html {
    let state = use_reducer(|| AppState::new(t0()));
    html! { <super::add_child::AddChild dispatcher={state.dispatcher()} teams={props.teams.clone()} /> }
}

#[tokio::test]
async fn a_new_child_s_home_is_asked_only_of_someone_in_several() {
    let render = |teams| async move {
        LocalServerRenderer::<AddChildScreen>::with_props(AddChildHarness { teams })
            .hydratable(false)
            .render()
            .await
    };
    let teams = two_homes("");
    let html = render(teams.clone()).await;
    assert!(html.contains(r#"id="child-team""#), "{html}");
    assert!(html.contains("Which home or household"));
    assert!(html.contains("Oak House") && html.contains("Elm Lodge"));
    assert!(!html.contains("Ash Court"), "not one of theirs");
    let one = harbour_core::teams::TeamsView {
        teams: teams.teams[1..2].to_vec(),
        ..teams
    };
    assert!(!render(one).await.contains(r#"id="child-team""#));
}

/// An episode: reported to police, the manager told, an update by one carer corrected by
/// another, then found.
fn recorded_episode() -> harbour_core::api::EpisodeView {
    use harbour_core::episode::{summarise, Contact, EpisodeEvent, EventRecord, PoliceGrade};
    let ruth = entry(1, "Ruta Test", true, true, true);
    let episode = ruth.open_episode.clone().unwrap();
    let (sam, kit): (harbour_core::UserId, harbour_core::UserId) = (id(0x51), id(0x52));
    let event = |n: u64, minutes: i64, by, event| EventRecord {
        id: id(0x900 + n),
        at: t0() + Duration::minutes(minutes),
        by,
        event,
    };
    let events = vec![
        event(
            1,
            5,
            sam,
            EpisodeEvent::PoliceReported {
                reference: "PR-2211".into(),
                officer: "PC Sample".into(),
                grade: Some(PoliceGrade::High),
                reported_at: None,
            },
        ),
        event(
            2,
            7,
            sam,
            EpisodeEvent::Notified {
                contact: Contact::Manager,
            },
        ),
        event(
            3,
            20,
            sam,
            EpisodeEvent::Update {
                text: "Seen near the bus stop".into(),
            },
        ),
        event(
            4,
            25,
            kit,
            EpisodeEvent::UpdateCorrected {
                of: id(0x903),
                text: "Seen near the coach station".into(),
            },
        ),
        event(
            5,
            60,
            kit,
            EpisodeEvent::Found {
                found_at: t0() + Duration::minutes(55),
                found_by: "Police".into(),
                where_found: "Coach station".into(),
                how_returned: "Police car".into(),
            },
        ),
    ];
    let timing = harbour_core::organisation::Organisation::default().interview_timing();
    let summary = summarise(&events, t0() + Duration::minutes(95), &timing);
    harbour_core::api::EpisodeView {
        episode,
        events,
        summary,
        names: [(sam, "Sam Carer".to_owned()), (kit, "Kit Night".to_owned())]
            .into_iter()
            .collect(),
        needs_checking: false,
    }
}

#[derive(Properties, PartialEq)]
struct RecordHarness {
    view: harbour_core::api::EpisodeView,
}

#[function_component(RecordScreen)]
fn record_screen(props: &RecordHarness) -> Html {
    let state = use_reducer(|| AppState::new(t0()));
    let ruth = entry(1, "Ruta Test", true, true, true);
    html! {
        <super::record::EpisodeRecord episode_id={props.view.episode.id} child_id={ruth.child.id}
            child={ruth.child.details.clone()} dispatcher={state.dispatcher()} profile={None}
            escalated=true organisation={harbour_core::organisation::Organisation::default()}
            view={props.view.clone()} />
    }
}

/// The record used during an episode, rendered whole: the police report with its grade, who
/// was told, the log with who wrote and who corrected each line, the child found, and the
/// return interview now due.
#[tokio::test]
async fn the_episode_record_shows_what_was_recorded_and_by_whom() {
    let html = LocalServerRenderer::<RecordScreen>::with_props(RecordHarness {
        view: recorded_episode(),
    })
    .hydratable(false)
    .render()
    .await
    .replace(['\u{2068}', '\u{2069}'], "");
    let part = |id: &str| {
        let start = html
            .find(&format!("id=\"{id}\""))
            .unwrap_or_else(|| panic!("#{id} in {html}"));
        &html[start..(start + 1200).min(html.len())]
    };
    assert!(
        part("police-recorded").contains("PR-2211"),
        "{}",
        part("police-recorded")
    );
    assert!(html.contains("PC Sample"));
    // The correction reads as the line, its first wording kept, both writers named.
    assert!(html.contains("Seen near the coach station"));
    assert!(html.contains("Sam Carer") && html.contains("Kit Night"));
    assert!(part("found-recorded").contains("Coach station"));
    assert!(
        !html.contains("id=\"found-form\""),
        "found once: no second form"
    );
    assert!(html.contains("id=\"interview-status\""));

    // Not found yet: the found form, the police form again for an update, the sharing form.
    let mut missing = recorded_episode();
    missing.events.pop();
    let timing = harbour_core::organisation::Organisation::default().interview_timing();
    missing.summary =
        harbour_core::episode::summarise(&missing.events, t0() + Duration::minutes(95), &timing);
    let html = LocalServerRenderer::<RecordScreen>::with_props(RecordHarness { view: missing })
        .hydratable(false)
        .render()
        .await;
    for form in ["found-form", "police-form", "share-form", "update-form"] {
        assert!(html.contains(&format!("id=\"{form}\"")), "{form}");
    }
    assert!(!html.contains("id=\"found-recorded\""));
}

/// The episode with `more` events recorded after `recorded_episode`'s, summarised as the store
/// would, rendered as the record shows it.
async fn record_with(drop_found: bool, more: Vec<harbour_core::episode::EpisodeEvent>) -> String {
    use harbour_core::episode::{summarise, EventRecord};
    let mut view = recorded_episode();
    if drop_found {
        view.events.pop();
    }
    let by = view.events[0].by;
    for (n, event) in more.into_iter().enumerate() {
        let minutes = 70 + n as i64;
        view.events.push(EventRecord {
            id: id(0x990 + n as u64),
            at: t0() + Duration::minutes(minutes),
            by,
            event,
        });
    }
    let timing = harbour_core::organisation::Organisation::default().interview_timing();
    view.summary = summarise(&view.events, t0() + Duration::minutes(95), &timing);
    LocalServerRenderer::<RecordScreen>::with_props(RecordHarness { view })
        .hydratable(false)
        .render()
        .await
        .replace(['\u{2068}', '\u{2069}'], "")
}

/// The markup from the element with `id` (or `data-…` attribute) to the end of its line.
fn part_of<'a>(html: &'a str, attribute: &str) -> &'a str {
    let start = html
        .find(attribute)
        .unwrap_or_else(|| panic!("{attribute} in {html}"));
    let end = html[start..]
        .find("</li>")
        .map_or(html.len(), |e| start + e);
    &html[start..end]
}

/// Each part of the record as the episode goes on: who was told (a time, or the button), the
/// steps after the return, back at the placement, the close; away with whereabouts known;
/// ended with the child still missing; and once closed, only what comes after the return.
#[tokio::test]
async fn each_part_of_the_record_follows_the_episode() {
    use harbour_core::episode::{EndReason, EpisodeEvent, ReturnStep};
    let found = record_with(false, Vec::new()).await;
    let manager = part_of(&found, r#"data-contact="contact-manager""#);
    assert!(
        manager.contains(r#"class="told""#) && !manager.contains("<button"),
        "{manager}"
    );
    let social_worker = part_of(&found, r#"data-contact="contact-social-worker""#);
    assert!(social_worker.contains("<button"), "{social_worker}");
    for step in ReturnStep::ALL {
        let line = part_of(
            &found,
            &format!(r#"data-return-step="{}""#, step.message_id()),
        );
        assert!(line.contains("<button"), "{line}");
    }
    for id in ["back-at-form", "close-episode", "interview-status"] {
        assert!(found.contains(&format!(r#"id="{id}""#)), "#{id}");
    }
    assert!(
        !found.contains(r#"id="away-form""#),
        "found: no longer away"
    );

    let later = record_with(
        false,
        vec![
            EpisodeEvent::ReturnStepDone {
                step: ReturnStep::PoliceTold,
            },
            EpisodeEvent::BackAtPlacement {
                back_at: t0() + Duration::minutes(80),
            },
        ],
    )
    .await;
    let told = part_of(&later, r#"data-return-step="return-police-told""#);
    assert!(
        told.contains(r#"class="told""#) && !told.contains("<button"),
        "{told}"
    );
    assert!(later.contains(r#"id="back-at-recorded""#));
    assert!(!later.contains(r#"id="back-at-form""#));

    let closed = record_with(false, vec![EpisodeEvent::Closed]).await;
    assert!(closed.contains(r#"id="after-return-closed""#));
    assert!(
        closed.contains(r#"id="return-steps""#),
        "the steps after the return go on"
    );
    for gone in [
        "close-episode",
        "police-form",
        "notifications",
        "share-form",
    ] {
        assert!(
            !closed.contains(&format!(r#"id="{gone}""#)),
            "closed: no #{gone}"
        );
    }

    let missing = record_with(true, Vec::new()).await;
    for id in ["away-form", "found-form", "end-missing-form"] {
        assert!(missing.contains(&format!(r#"id="{id}""#)), "#{id}");
    }
    let away = record_with(
        true,
        vec![EpisodeEvent::Away {
            whereabouts: "At an aunt's, Sample Town".into(),
        }],
    )
    .await;
    assert!(part_of(&away, r#"id="away-recorded""#).contains("Sample Town"));
    assert!(away.contains(r#"id="away-now-missing""#) && !away.contains(r#"id="away-form""#));

    let ended = record_with(
        true,
        vec![EpisodeEvent::EndedWithoutReturn {
            reason: EndReason::ChildMoved,
            note: String::new(),
        }],
    )
    .await;
    assert!(ended.contains(r#"id="ended-missing""#), "{ended}");
    assert!(
        ended.contains(r#"id="found-form""#),
        "they can still be found"
    );
    assert!(!ended.contains(r#"id="end-missing-form""#));
}

/// Every command goes out under its shell name with the shell's argument names, and its
/// answer comes back typed; a refusal comes back as the shell's error.
#[tokio::test]
async fn the_backend_sends_each_command_as_the_shell_names_it() {
    use crate::backend::{fake::Fake, Backend};
    use harbour_core::api::ApiError;
    use harbour_core::episode::EpisodeEvent;
    use std::rc::Rc;
    let fake = Rc::new(Fake::default());
    let backend = Backend::with(fake.clone());
    let view = recorded_episode();
    fake.answer("record_event", &view);
    let event = EpisodeEvent::Update {
        text: "Called the school".into(),
    };
    let got = backend.record_event(view.episode.id, &event).await.unwrap();
    assert_eq!(got, view);
    let team: harbour_core::TeamId = id(0x7e01);
    fake.refuse(
        "add_child",
        ApiError {
            message_id: "error-team-required".into(),
            ..ApiError::backend()
        },
    );
    let input = harbour_core::ChildInput::default();
    let refused = backend
        .add_child(&input, None, Some(team))
        .await
        .unwrap_err();
    assert_eq!(refused.message_id, "error-team-required");
    let asked = fake.asked.borrow().clone();
    assert_eq!(asked[0].0, "record_event");
    assert_eq!(asked[0].1["episode_id"], serde_json::json!(view.episode.id));
    assert_eq!(asked[0].1["event"]["type"], "update");
    assert_eq!(asked[1].0, "add_child");
    assert_eq!(asked[1].1["team_id"], serde_json::json!(team));
    assert!(asked[1].1.get("photo_base64").is_some());
    // An answer of the wrong shape is the generic problem, never a panic.
    fake.answer("list_children", "not a list");
    let e = backend.list_children().await.unwrap_err();
    assert_eq!(e.message_id, ApiError::backend().message_id);
}

/// The audit record names who did what about whom, newest first, says when the chain is
/// whole or where it was cut, and says when more match than are shown.
#[tokio::test]
async fn the_audit_record_names_each_entry_and_says_whether_the_chain_is_whole() {
    use super::settings::AuditTable;
    use harbour_core::api::{AuditAbout, AuditChain, AuditLine, AuditView};
    let child: ChildId = id(7);
    let line = |seq, event: &str, who: &str, about| AuditLine {
        seq,
        at: t0() + Duration::minutes(seq),
        event: event.into(),
        who: who.into(),
        about,
    };
    let view = |chain, matching| AuditView {
        lines: vec![
            line(
                4,
                "grab_sheet_saved",
                "Jo Manager",
                AuditAbout::Child {
                    id: child,
                    name: "Test Ruta".into(),
                },
            ),
            line(3, "unlock_failed", "", AuditAbout::Nothing),
            line(
                2,
                "user_added",
                "Ada Admin",
                AuditAbout::Staff {
                    name: "Jo Manager".into(),
                },
            ),
            line(1, "child_viewed", "Jo Manager", AuditAbout::OtherChild),
        ],
        matching,
        chain,
        children: vec![(child, "Test Ruta".into())],
    };
    async fn render(view: AuditView) -> String {
        LocalServerRenderer::<AuditTable>::with_props(super::settings::AuditTableProps { view })
            .hydratable(false)
            .render()
            .await
            .replace(['\u{2068}', '\u{2069}'], "")
    }
    let whole = render(view(AuditChain::Intact { entries: 4 }, 4)).await;
    assert!(whole.contains(r#"data-chain="intact""#), "{whole}");
    assert!(whole.contains("The record is whole: 4 entries"), "{whole}");
    assert!(whole.contains("4 entries."), "{whole}");
    assert!(!whole.contains("Showing the latest"), "{whole}");
    let rows: Vec<&str> = whole.split("<tr data-seq=").skip(1).collect();
    assert_eq!(rows.len(), 4);
    assert!(rows[0].starts_with(r#""4""#) && rows[0].contains("Saved a copy of the grab sheet"));
    assert!(rows[0].contains("Jo Manager") && rows[0].contains("Test Ruta"));
    assert!(rows[0].contains("25/11/2026 02:04"), "{}", rows[0]);
    assert!(
        rows[1].contains("Wrong name or PIN typed") && rows[1].contains("Harbour"),
        "{}",
        rows[1]
    );
    assert!(rows[2].contains("Jo Manager (staff)"), "{}", rows[2]);
    assert!(rows[3].contains("A child not in your homes"), "{}", rows[3]);
    assert!(
        !whole.contains("audit-event-"),
        "every event is worded: {whole}"
    );

    let cut = render(view(AuditChain::BrokenAt { seq: 3 }, 900)).await;
    assert!(
        cut.contains(r#"data-chain="broken""#) && cut.contains(r#"role="alert""#),
        "{cut}"
    );
    assert!(cut.contains("changed or cut from entry 3"), "{cut}");
    assert!(cut.contains("Showing the latest 4 of 900 entries"), "{cut}");

    let none = render(AuditView {
        lines: Vec::new(),
        ..view(AuditChain::Intact { entries: 0 }, 0)
    })
    .await;
    assert!(
        none.contains(r#"id="audit-none""#) && !none.contains("<table"),
        "{none}"
    );
}

/// A profile page as a manager sees it, with the child's record in `record`.
async fn record_page(record: harbour_core::RecordState) -> String {
    use super::profile::{ProfilePage, ProfilePageProps};
    use harbour_core::profile::{ProfileOpened, ProfileView};
    let mut child = entry(1, "Ruta Test", false, true, false).child;
    child.record = record;
    let other = entry(2, "Ruta T.", false, true, false).child;
    let lodge = harbour_core::teams::Team {
        id: id(0x7f),
        name: "Sample Lodge".into(),
        members: Vec::new(),
        mine: true,
    };
    let props = ProfilePageProps {
        opened: ProfileOpened {
            profile: ProfileView {
                child,
                sections: Vec::new(),
                photo_warning: None,
                has_full_photo: false,
                full_photo_warning: None,
                history: Vec::new(),
                flag_history: Vec::new(),
                added: None,
                corrected: None,
                needs_checking: false,
                merged: vec![other.clone()],
            },
            photo: None,
            full_photo: None,
        },
        on_back: Callback::noop(),
        on_updated: Callback::noop(),
        on_photo: Callback::noop(),
        on_open: Callback::noop(),
        choices: super::profile::RecordChoices {
            move_to: vec![lodge],
            others: vec![other],
            from_team: "Sample House".into(),
            may_transfer: true,
        },
    };
    LocalServerRenderer::<ProfilePage>::with_props(props)
        .hydratable(false)
        .render()
        .await
        .replace(['\u{2068}', '\u{2069}'], "")
}

#[tokio::test]
async fn a_record_kept_up_here_offers_a_move_and_a_join_and_one_left_behind_says_where_and_is_read_only(
) {
    let here = record_page(harbour_core::RecordState::Here).await;
    assert!(here.contains("id=\"move-team\""), "{here}");
    assert!(here.contains("<option value=\"01936b6e-7c00-7000-8000-00000000007f\""));
    assert!(here.contains("Sample Lodge"));
    assert!(here.contains("id=\"merge-child\""));
    assert!(
        here.contains("Ruta T. · "),
        "the other record, with its date of birth"
    );
    assert!(
        here.contains("id=\"records-joined\""),
        "records joined to it are listed"
    );
    assert!(here.contains("id=\"edit-core\""), "editable");
    assert!(
        here.contains("id=\"transfer-passphrase\""),
        "a package can be saved"
    );
    assert!(!here.contains("id=\"record-moved\""));

    let moved = record_page(harbour_core::RecordState::MovedTo {
        team: id(0x7f),
        team_name: "Sample Lodge".into(),
        at: t0(),
    })
    .await;
    assert!(
        moved.contains("Ruta Test moved to Sample Lodge on 25/11/2026 02:00"),
        "{moved}"
    );
    assert!(moved.contains("still press Child missing"));
    assert!(!moved.contains("id=\"edit-core\""), "read-only");
    assert!(!moved.contains("id=\"move-team\""), "nothing more to move");
    assert!(!moved.contains("id=\"transfer-passphrase\""), "nor to send");

    let merged = record_page(harbour_core::RecordState::MergedInto {
        child: id(2),
        at: t0(),
    })
    .await;
    assert!(merged.contains("id=\"record-merged\""), "{merged}");
    assert!(merged.contains("Open the record kept"));
    assert!(!merged.contains("id=\"merge-child\""));
}

#[tokio::test]
async fn a_copy_left_behind_when_a_child_moved_says_so_on_the_home_list() {
    let mut moved = entry(1, "Ruta Test", false, true, false);
    moved.child.record = harbour_core::RecordState::MovedTo {
        team: id(0x7f),
        team_name: "Sample Lodge".into(),
        at: t0(),
    };
    let html = render(vec![moved, entry(2, "Amir Test", false, true, false)], None).await;
    assert!(
        html.contains("Moved to Sample Lodge: read-only here"),
        "{html}"
    );
    assert_eq!(
        html.matches("class=\"moved\"").count(),
        1,
        "only the child who moved"
    );
}
