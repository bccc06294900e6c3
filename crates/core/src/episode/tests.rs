//! The life of an episode: events recorded, checked and summarised.

use chrono::{DateTime, Duration, Utc};

use super::*;
use crate::child::{Field, FieldError, FieldProblem};
use crate::organisation::HomeKind;
use crate::organisation::Organisation;
use crate::profile::Values;
use crate::testing::{child as flagged, t};

const HOLD: DueStep = DueStep::Hold;

fn home(home_kind: HomeKind) -> Organisation {
    Organisation {
        home_kind,
        ..Default::default()
    }
}

/// England's timing, as most tests here take it.
fn summarise(events: &[EventRecord], now: DateTime<Utc>) -> EpisodeSummary {
    super::summarise(events, now, &InterviewTiming::RETURN_HOME_INTERVIEW)
}

fn episode() -> MissingEpisode {
    crate::testing::episode(1)
}

fn record(n: u64, at: DateTime<Utc>, event: EpisodeEvent) -> EventRecord {
    EventRecord {
        id: format!("01936b6e-7c00-7000-8000-{n:012x}").parse().unwrap(),
        at,
        by: "01936b6e-7c00-7000-8000-0000000000aa".parse().unwrap(),
        event,
    }
}

fn found(at: DateTime<Utc>) -> EpisodeEvent {
    EpisodeEvent::Found {
        found_at: at,
        found_by: "Police".into(),
        where_found: "Coach station".into(),
        how_returned: "Police car".into(),
    }
}

fn problems(r: Result<EpisodeEvent, Vec<FieldError>>) -> Vec<(Field, FieldProblem)> {
    r.err()
        .unwrap_or_default()
        .into_iter()
        .map(|e| (e.field, e.problem))
        .collect()
}

fn held(at: DateTime<Utc>) -> EpisodeEvent {
    EpisodeEvent::InterviewHeld {
        held_at: at,
        held_by: "Sample worker, return interview service".into(),
        independent: true,
        mode: InterviewMode::InPerson,
    }
}

#[test]
fn the_return_interview_is_due_72_hours_after_the_return_then_overdue() {
    let events = vec![record(1, t(10), found(t(9)))];
    assert_eq!(
        summarise(&events, t(10)).interview,
        Some(InterviewStatus::Due {
            by: t(81),
            step: HOLD
        })
    );
    assert_eq!(
        summarise(&events, t(81)).interview,
        Some(InterviewStatus::Due {
            by: t(81),
            step: HOLD
        }),
        "due up to the minute"
    );
    assert_eq!(
        summarise(&events, t(82)).interview,
        Some(InterviewStatus::Overdue {
            since: t(81),
            step: HOLD
        })
    );
    assert_eq!(
        summarise(&[], t(200)).interview,
        Some(InterviewStatus::NotYet),
        "not due while the child is still missing"
    );
}

#[test]
fn an_offered_interview_stays_due_and_only_held_or_declined_ends_it() {
    let mut events = vec![
        record(1, t(10), found(t(9))),
        record(
            2,
            t(11),
            EpisodeEvent::InterviewOffered {
                offered_at: t(11),
                service: "Return interview service".into(),
            },
        ),
        // Recorded by an earlier version: still an offer, not an outcome.
        record(
            3,
            t(12),
            EpisodeEvent::ReturnInterview {
                outcome: InterviewOutcome::Offered,
            },
        ),
    ];
    let s = summarise(&events, t(200));
    assert_eq!(
        s.interview,
        Some(InterviewStatus::Overdue {
            since: t(81),
            step: HOLD
        })
    );
    assert_eq!(s.interview_facts.offers.len(), 2);
    assert_eq!(
        s.interview_facts.offers[0].service,
        "Return interview service"
    );
    events.push(record(
        4,
        t(210),
        EpisodeEvent::InterviewDeclined {
            declined_at: t(205),
            reason: "Did not want to talk".into(),
            reoffer_on: None,
        },
    ));
    assert_eq!(
        summarise(&events, t(220)).interview,
        Some(InterviewStatus::Declined { at: t(205) })
    );
}

#[test]
fn within_72_hours_runs_from_the_return_to_the_placement_to_when_it_was_held() {
    // Found at 9, back at the placement at 14, held 70 hours after that, typed in days later.
    let events = vec![
        record(1, t(10), found(t(9))),
        record(2, t(15), EpisodeEvent::BackAtPlacement { back_at: t(14) }),
        record(3, t(300), held(t(84))),
    ];
    let s = summarise(&events, t(300));
    assert_eq!(s.returned_at(), Some(t(14)));
    assert_eq!(
        s.interview,
        Some(InterviewStatus::Held {
            at: Some(t(84)),
            within_72_hours: Some(true),
            in_time: Some(true),
        })
    );
    // Measured from when it was found (9) it would be 75 hours.
    assert!(t(84) - t(9) > Duration::hours(72));
    // An interview recorded by an earlier version has no time held: not counted either way.
    let old = vec![
        record(1, t(10), found(t(9))),
        record(
            2,
            t(20),
            EpisodeEvent::ReturnInterview {
                outcome: InterviewOutcome::Done,
            },
        ),
    ];
    assert_eq!(
        summarise(&old, t(30)).interview,
        Some(InterviewStatus::Held {
            at: None,
            within_72_hours: None,
            in_time: None,
        })
    );
}

#[test]
fn closing_ends_the_missing_part_only_and_says_what_is_outstanding() {
    let ep = episode();
    let events = vec![
        record(1, t(3), found(t(2))),
        record(2, t(4), EpisodeEvent::Closed),
    ];
    let closed = summarise(&events, t(5));
    assert!(closed.closed_at.is_some());
    let outstanding = closed.outstanding(&home(HomeKind::ChildrensHome));
    assert_eq!(outstanding[0], Outstanding::Interview);
    assert!(outstanding.contains(&Outstanding::ReturnStep(ReturnStep::SafeAndWell)));
    assert_eq!(outstanding.last(), Some(&Outstanding::RegulatorDecision));
    assert!(!closed
        .outstanding(&home(HomeKind::FosterHome))
        .contains(&Outstanding::RegulatorDecision));
    // After the close: the interview, the return steps, the regulator decision, the log.
    for event in [
        held(t(5)),
        EpisodeEvent::InterviewDeclined {
            declined_at: t(5),
            reason: String::new(),
            reoffer_on: None,
        },
        EpisodeEvent::InterviewOffered {
            offered_at: t(4),
            service: String::new(),
        },
        EpisodeEvent::InterviewNotOffered {
            reason: "Service not told of the return".into(),
        },
        EpisodeEvent::ReturnStepDone {
            step: ReturnStep::SafeAndWell,
        },
        EpisodeEvent::RegulatorDecision {
            notify: false,
            reason: "Routine episode, no exploitation".into(),
        },
        EpisodeEvent::Update {
            text: "Return interview booked".into(),
        },
    ] {
        assert!(validate(&event, &ep, &closed, t(5)).is_ok(), "{event:?}");
    }
    // Not the missing part.
    let police = EpisodeEvent::PoliceReported {
        reference: "MP/1".into(),
        officer: String::new(),
        grade: None,
        reported_at: None,
    };
    assert_eq!(
        problems(validate(&police, &ep, &closed, t(5))),
        [(Field::Episode, FieldProblem::Closed)]
    );
    let mut done = events.clone();
    done.push(record(3, t(6), held(t(5))));
    assert!(!summarise(&done, t(7))
        .outstanding(&home(HomeKind::FosterHome))
        .contains(&Outstanding::Interview));
}

#[test]
fn interview_times_are_checked_against_the_return() {
    let ep = episode();
    let back = summarise(&[record(1, t(10), found(t(9)))], t(10));
    assert_eq!(
        problems(validate(&held(t(8)), &ep, &back, t(10))),
        [(Field::InterviewAt, FieldProblem::BeforeReturn)]
    );
    assert_eq!(
        problems(validate(&held(t(12)), &ep, &back, t(10))),
        [(Field::InterviewAt, FieldProblem::InFuture)]
    );
    let nobody = EpisodeEvent::InterviewHeld {
        held_at: t(10),
        held_by: " ".into(),
        independent: false,
        mode: InterviewMode::Phone,
    };
    assert_eq!(
        problems(validate(&nobody, &ep, &back, t(10))),
        [(Field::InterviewBy, FieldProblem::Required)]
    );
    assert_eq!(
        problems(validate(
            &EpisodeEvent::BackAtPlacement { back_at: t(8) },
            &ep,
            &back,
            t(10)
        )),
        [(Field::BackAt, FieldProblem::BeforeReturn)]
    );
    assert_eq!(
        problems(validate(
            &held(t(9)),
            &ep,
            &EpisodeSummary::default(),
            t(10)
        )),
        [(Field::Episode, FieldProblem::NotBackYet)]
    );
    let twice = summarise(
        &[record(1, t(10), found(t(9))), record(2, t(10), held(t(10)))],
        t(10),
    );
    assert_eq!(
        problems(validate(&held(t(10)), &ep, &twice, t(10))),
        [(Field::InterviewAt, FieldProblem::AlreadyDone)]
    );
}

#[test]
fn an_episode_can_end_with_the_child_still_missing_and_they_can_still_be_found() {
    let ep = episode();
    let end = EpisodeEvent::EndedWithoutReturn {
        reason: EndReason::PlacementEnded,
        note: " Placement ended by the placing authority ".into(),
    };
    let checked = validate(&end, &ep, &EpisodeSummary::default(), t(100)).unwrap();
    let events = vec![record(1, t(100), checked)];
    let s = summarise(&events, t(101));
    assert_eq!(s.closed_at, Some(t(100)));
    let (reason, note, _) = s.ended_missing.clone().unwrap();
    assert_eq!(
        (reason, note.as_str()),
        (
            EndReason::PlacementEnded,
            "Placement ended by the placing authority"
        )
    );
    assert_eq!(s.interview, Some(InterviewStatus::NotYet));
    assert!(s.outstanding(&home(HomeKind::FosterHome)).is_empty());
    // Found later: recorded, and the interview falls due.
    assert!(validate(&found(t(90)), &ep, &s, t(101)).is_ok());
    let back = summarise(
        &[
            record(1, t(100), end.clone()),
            record(2, t(101), found(t(90))),
        ],
        t(101),
    );
    assert!(back.interview.is_some_and(InterviewStatus::is_outstanding));
    // A child who is back is closed as back, not as ended missing.
    let found_first = summarise(&[record(1, t(10), found(t(9)))], t(10));
    assert_eq!(
        problems(validate(&end, &ep, &found_first, t(10))),
        [(Field::Episode, FieldProblem::AlreadyDone)]
    );
}

#[test]
fn a_flagged_child_graded_below_high_prompts_a_review_and_every_grade_is_kept() {
    let report = |n: u64, at, grade| {
        record(
            n,
            at,
            EpisodeEvent::PoliceReported {
                reference: "MP/1".into(),
                officer: String::new(),
                grade: Some(grade),
                reported_at: None,
            },
        )
    };
    let medium = summarise(&[report(1, t(2), PoliceGrade::Medium)], t(3));
    assert!(medium.grade_review_prompt(&flagged(true, false)));
    assert!(medium.grade_review_prompt(&flagged(false, true)));
    assert!(
        !medium.grade_review_prompt(&flagged(false, false)),
        "not for other children"
    );
    let events = [
        report(1, t(2), PoliceGrade::Medium),
        record(
            2,
            t(3),
            EpisodeEvent::GradeReviewAsked {
                spoke_to: "Duty sergeant".into(),
            },
        ),
        report(3, t(4), PoliceGrade::High),
    ];
    let high = summarise(&events, t(5));
    assert!(!high.grade_review_prompt(&flagged(true, false)));
    assert_eq!(
        high.grades,
        [(PoliceGrade::Medium, t(2)), (PoliceGrade::High, t(4))]
    );
    assert_eq!(high.grade_reviews, [("Duty sergeant".to_owned(), t(3))]);
    let nobody = EpisodeEvent::GradeReviewAsked {
        spoke_to: "  ".into(),
    };
    assert_eq!(
        problems(validate(&nobody, &episode(), &medium, t(3))),
        [(Field::SpokeTo, FieldProblem::Required)]
    );
}

#[test]
fn the_latest_police_report_stands_and_each_contact_counts_once() {
    let report = |n: u64, at, grade| {
        record(
            n,
            at,
            EpisodeEvent::PoliceReported {
                reference: format!("REF-{n}"),
                officer: "PC Example".into(),
                grade,
                reported_at: None,
            },
        )
    };
    let told = |n: u64, at, contact| record(n, at, EpisodeEvent::Notified { contact });
    let events = vec![
        report(1, t(2), None),
        told(2, t(3), Contact::Manager),
        told(3, t(4), Contact::Manager),
        report(4, t(5), Some(PoliceGrade::High)),
    ];
    let s = summarise(&events, t(6));
    let police = s.police.unwrap();
    assert_eq!(
        (police.reference.as_str(), police.grade),
        ("REF-4", Some(PoliceGrade::High))
    );
    assert_eq!(s.notified, vec![(Contact::Manager, t(3))]);
}

#[test]
fn events_are_checked_against_the_episode() {
    let ep = episode();
    let open = EpisodeSummary::default();
    let police = EpisodeEvent::PoliceReported {
        reference: "  ".into(),
        officer: "x".repeat(201),
        grade: None,
        reported_at: None,
    };
    assert_eq!(
        problems(validate(&police, &ep, &open, t(3))),
        [
            (Field::PoliceReference, FieldProblem::Required),
            (Field::Officer, FieldProblem::TooLong)
        ]
    );
    assert_eq!(
        problems(validate(&found(t(5)), &ep, &open, t(3))),
        [(Field::FoundAt, FieldProblem::InFuture)]
    );
    assert_eq!(
        problems(validate(&found(t(0)), &ep, &open, t(3))),
        [(Field::FoundAt, FieldProblem::BeforeLastSeen)]
    );
    // Typed to the minute, within the minute last seen: accepted.
    let same_minute = t(1) - Duration::seconds(59);
    assert!(validate(&found(same_minute), &ep, &open, t(3)).is_ok());
    assert_eq!(
        problems(validate(&EpisodeEvent::Closed, &ep, &open, t(3))),
        [(Field::Episode, FieldProblem::NotBackYet)],
        "an episode closes once the child is back"
    );
    let back = summarise(&[record(1, t(3), found(t(2)))], t(3));
    assert!(validate(&EpisodeEvent::Closed, &ep, &back, t(3)).is_ok());
    assert_eq!(
        problems(validate(&found(t(2)), &ep, &back, t(3))),
        [(Field::Episode, FieldProblem::AlreadyDone)]
    );
    let closed = summarise(
        &[
            record(1, t(3), found(t(2))),
            record(2, t(4), EpisodeEvent::Closed),
        ],
        t(4),
    );
    // The missing part is over: no more checks of the search.
    let check = EpisodeEvent::CheckDone {
        check: "Rang her mobile".into(),
    };
    assert_eq!(
        problems(validate(&check, &ep, &closed, t(5))),
        [(Field::Episode, FieldProblem::Closed)]
    );
    assert_eq!(
        validate(
            &EpisodeEvent::Update {
                text: "  a sighting  ".into()
            },
            &ep,
            &open,
            t(3)
        ),
        Ok(EpisodeEvent::Update {
            text: "a sighting".into()
        })
    );
}

#[test]
fn the_stored_form_of_an_event_is_frozen() {
    let e = record(
        1,
        t(3),
        EpisodeEvent::PoliceReported {
            reference: "MP/123".into(),
            officer: "".into(),
            grade: Some(PoliceGrade::NoApparentRisk),
            reported_at: None,
        },
    );
    assert_eq!(
        serde_json::to_string(&e).unwrap(),
        r#"{"id":"01936b6e-7c00-7000-8000-000000000001","at":"2026-11-25T03:00:00Z","by":"01936b6e-7c00-7000-8000-0000000000aa","type":"police_reported","reference":"MP/123","officer":"","grade":"no_apparent_risk"}"#
    );
    let held = record(2, t(80), held(t(79)));
    assert_eq!(
        serde_json::to_string(&held).unwrap(),
        r#"{"id":"01936b6e-7c00-7000-8000-000000000002","at":"2026-11-28T08:00:00Z","by":"01936b6e-7c00-7000-8000-0000000000aa","type":"interview_held","held_at":"2026-11-28T07:00:00Z","held_by":"Sample worker, return interview service","independent":true,"mode":"in_person"}"#
    );
    let old: EventRecord = serde_json::from_str(
        r#"{"id":"01936b6e-7c00-7000-8000-000000000003","at":"2026-11-28T08:00:00Z","by":"01936b6e-7c00-7000-8000-0000000000aa","type":"return_interview","outcome":"offered"}"#,
    )
    .unwrap();
    assert_eq!(
        old.event,
        EpisodeEvent::ReturnInterview {
            outcome: InterviewOutcome::Offered
        },
        "records of earlier versions still read"
    );
}

#[test]
fn the_latest_details_stand_and_each_check_keeps_its_first_time() {
    use serde_json::json;
    let first: Values = [("where_last_seen".to_owned(), json!("Bus stop"))]
        .into_iter()
        .collect();
    let second: Values = [
        (
            "where_last_seen".to_owned(),
            json!("Bus stop on Sample Road"),
        ),
        ("took_phone".to_owned(), json!(true)),
    ]
    .into_iter()
    .collect();
    let events = [
        record(1, t(2), EpisodeEvent::Details { values: first }),
        record(
            2,
            t(3),
            EpisodeEvent::CheckDone {
                check: "Rang his mobile".into(),
            },
        ),
        record(
            3,
            t(4),
            EpisodeEvent::Details {
                values: second.clone(),
            },
        ),
        record(
            4,
            t(5),
            EpisodeEvent::CheckDone {
                check: "Rang his mobile".into(),
            },
        ),
    ];
    let s = summarise(&events, t(6));
    assert_eq!(s.details, Some((second, t(4))));
    assert_eq!(s.checks, [("Rang his mobile".to_owned(), t(3))]);
    // The form is checked by key, like the profile's.
    let bad: Values = [
        ("took_phone".to_owned(), json!("yes")),
        ("mood".to_owned(), json!("  upset after a phone call  ")),
    ]
    .into_iter()
    .collect();
    let problems = validate_details(&bad, t(6)).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].key, "took_phone");
    let ok = validate_details(
        &[("mood".to_owned(), json!(" upset "))]
            .into_iter()
            .collect(),
        t(6),
    )
    .unwrap();
    assert_eq!(ok["mood"], json!("upset"));
    // A check with no words is refused.
    let err = validate(
        &EpisodeEvent::CheckDone { check: "  ".into() },
        &episode(),
        &EpisodeSummary::default(),
        t(6),
    )
    .unwrap_err();
    assert_eq!(err[0].problem, FieldProblem::Required);
}

#[test]
fn steps_after_the_return_need_the_child_back_and_keep_their_first_time() {
    let step = EpisodeEvent::ReturnStepDone {
        step: ReturnStep::SafeAndWell,
    };
    let err = validate(&step, &episode(), &EpisodeSummary::default(), t(3)).unwrap_err();
    assert_eq!(err[0].problem, FieldProblem::NotBackYet);
    let events = [
        record(1, t(3), found(t(3))),
        record(2, t(4), step.clone()),
        record(3, t(5), step.clone()),
    ];
    let s = summarise(&events, t(6));
    assert_eq!(s.return_steps, [(ReturnStep::SafeAndWell, t(4))]);
    assert!(validate(&step, &episode(), &s, t(6)).is_ok());
}

#[test]
fn who_the_grab_sheet_went_to_is_recorded_with_how_and_why() {
    let ep = episode();
    let open = EpisodeSummary::default();
    let bad = EpisodeEvent::SheetShared {
        with: " ".into(),
        how: ShareMethod::Email,
        basis: String::new(),
    };
    assert_eq!(
        problems(validate(&bad, &ep, &open, t(3))),
        [
            (Field::SharedWith, FieldProblem::Required),
            (Field::Basis, FieldProblem::Required)
        ]
    );
    let shared = EpisodeEvent::SheetShared {
        with: " PC Sample, Sample Police ".into(),
        how: ShareMethod::HandedToOfficer,
        basis: "Safeguarding: to locate a missing looked-after child".into(),
    };
    let checked = validate(&shared, &ep, &open, t(3)).unwrap();
    let s = summarise(&[record(1, t(3), checked)], t(4));
    assert_eq!(s.shared.len(), 1);
    assert_eq!(
        (s.shared[0].with.as_str(), s.shared[0].how, s.shared[0].at),
        (
            "PC Sample, Sample Police",
            ShareMethod::HandedToOfficer,
            t(3)
        )
    );
}

#[test]
fn away_with_whereabouts_known_turns_into_missing_in_one_step() {
    let ep = episode();
    let open = EpisodeSummary::default();
    assert!(!open.is_away());
    assert_eq!(
        problems(validate(
            &EpisodeEvent::Away {
                whereabouts: " ".into()
            },
            &ep,
            &open,
            t(2)
        )),
        [(Field::Whereabouts, FieldProblem::Required)]
    );
    assert_eq!(
        problems(validate(&EpisodeEvent::NowMissing, &ep, &open, t(2))),
        [(Field::Whereabouts, FieldProblem::NotBackYet)],
        "only an away record turns into missing"
    );
    let away = EpisodeEvent::Away {
        whereabouts: "At an aunt's, Sample Town".into(),
    };
    let events = vec![record(1, t(2), away.clone())];
    let s = summarise(&events, t(3));
    assert!(s.is_away());
    assert_eq!(
        problems(validate(&away, &ep, &s, t(3))),
        [(Field::Whereabouts, FieldProblem::AlreadyDone)]
    );
    let mut events = events;
    events.push(record(2, t(4), EpisodeEvent::NowMissing));
    let s = summarise(&events, t(5));
    assert!(!s.is_away());
    assert_eq!(s.now_missing_at, Some(t(4)));
    assert_eq!(
        s.away.as_ref().map(|(w, _)| w.as_str()),
        Some("At an aunt's, Sample Town")
    );
}
