//! What a carer does, in order, when a child cannot be found (domain.md §2.3–2.4).
//!
//! The plan is data chosen by rules here, worded in Fluent (`step-*` messages). For a child
//! flagged unaccompanied or suspected trafficked, Harbour's product default is to escalate at
//! once (domain.md §2.3): call 999 first and ask for a high-risk response, saying why; then,
//! while waiting for police, the quick checks — the wait is skipped, never the checks. Police
//! still set the grade. A child at known risk of self-harm, or whose critical medication is not
//! known to be with them, also gets 999 first, in medical words.

use serde::{Deserialize, Serialize};

use crate::child::ChildDetails;
use crate::profile::Values;

/// One thing to do. The order of a plan is the order to do them in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Escalated plans: 999 at once, saying the child is unaccompanied or suspected trafficked.
    CallNineNineNineNow,
    /// Ordinary plans: 999 straight away if the child may be in immediate danger.
    CallNineNineNineIfDanger,
    /// Self-harm risk or critical medication left behind: 999 at once, saying so.
    CallNineNineNineMedical,
    /// Away, whereabouts known: contact the child, or whoever they are with, and agree how and
    /// when they come back.
    AwayAgreeReturn,
    /// Away: if whereabouts stop being known or concern grows, it is missing now.
    AwayIfConcern,
    /// After a 999 call: the quick checks while police come, without leaving other children
    /// alone, and what is found passed to police at once.
    WhileWaitingForPolice,
    SearchHomeAndGrounds,
    CallAndTextChild,
    CheckMessagesAndNotes,
    ContactFriendsFamilySchool,
    VisitKnownPlaces,
    /// Ordinary plans: report to police (101, or 999 in danger) once the quick checks are done.
    ReportToPolice,
    RecordPoliceReference,
    NotifyManager,
    NotifySocialWorker,
    NotifyGuardian,
    /// Trafficked children: relatives may be linked to traffickers.
    DoNotContactRelatives,
    NotifyParentsIfSafe,
    KeepTryingAndPassOnNews,
}

impl Step {
    /// The Fluent message with this step's wording.
    pub fn message_id(self) -> &'static str {
        match self {
            Step::CallNineNineNineNow => "step-call-999-now",
            Step::CallNineNineNineIfDanger => "step-call-999-if-danger",
            Step::CallNineNineNineMedical => "step-call-999-medical",
            Step::WhileWaitingForPolice => "step-while-waiting",
            Step::AwayAgreeReturn => "step-away-agree-return",
            Step::AwayIfConcern => "step-away-if-concern",
            Step::SearchHomeAndGrounds => "step-search-home",
            Step::CallAndTextChild => "step-call-text-child",
            Step::CheckMessagesAndNotes => "step-check-messages",
            Step::ContactFriendsFamilySchool => "step-contact-friends",
            Step::VisitKnownPlaces => "step-known-places",
            Step::ReportToPolice => "step-report-police",
            Step::RecordPoliceReference => "step-police-reference",
            Step::NotifyManager => "step-notify-manager",
            Step::NotifySocialWorker => "step-notify-social-worker",
            Step::NotifyGuardian => "step-notify-guardian",
            Step::DoNotContactRelatives => "step-no-relatives",
            Step::NotifyParentsIfSafe => "step-notify-parents",
            Step::KeepTryingAndPassOnNews => "step-keep-trying",
        }
    }

    /// The wording for a young person of this age: at 18 or over the escalated call says
    /// "young person", that they came to the UK unaccompanied or may have been trafficked, and
    /// that the risk does not end at 18.
    pub fn message_id_at(self, age: i32) -> &'static str {
        match self {
            Step::CallNineNineNineNow if age >= 18 => "step-call-999-adult",
            Step::NotifySocialWorker if age >= 18 => "step-notify-personal-adviser",
            Step::DoNotContactRelatives if age >= 18 => "step-no-relatives-adult",
            Step::ContactFriendsFamilySchool if age >= 18 => "step-contact-friends-adult",
            other => other.message_id(),
        }
    }

    /// Steps that are a phone call to the police: shown larger, with the number.
    pub fn is_police_call(self) -> bool {
        matches!(
            self,
            Step::CallNineNineNineNow
                | Step::CallNineNineNineIfDanger
                | Step::CallNineNineNineMedical
                | Step::ReportToPolice
        )
    }

    pub const ALL: [Step; 19] = [
        Step::AwayAgreeReturn,
        Step::AwayIfConcern,
        Step::CallNineNineNineNow,
        Step::CallNineNineNineIfDanger,
        Step::CallNineNineNineMedical,
        Step::WhileWaitingForPolice,
        Step::SearchHomeAndGrounds,
        Step::CallAndTextChild,
        Step::CheckMessagesAndNotes,
        Step::ContactFriendsFamilySchool,
        Step::VisitKnownPlaces,
        Step::ReportToPolice,
        Step::RecordPoliceReference,
        Step::NotifyManager,
        Step::NotifySocialWorker,
        Step::NotifyGuardian,
        Step::DoNotContactRelatives,
        Step::NotifyParentsIfSafe,
        Step::KeepTryingAndPassOnNews,
    ];
}

/// Why a child is in immediate danger, from their profile and what is known of this episode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Danger {
    /// The profile records a risk of self-harm.
    SelfHarm,
    /// The profile records critical medication, and Part 2 does not say they took it.
    Medication,
}

impl Danger {
    /// The selector `step-call-999-medical` uses.
    pub fn id(self) -> &'static str {
        match self {
            Danger::SelfHarm => "self_harm",
            Danger::Medication => "medication",
        }
    }

    /// From the child's profile (`profile_flag` answers a flag field by key) and this
    /// episode's Part 2, if recorded yet.
    pub fn from_records(
        profile_flag: impl Fn(&str) -> bool,
        part2: Option<&Values>,
    ) -> Vec<Danger> {
        let took = |v: &Values| {
            v.get("took_medication")
                .and_then(serde_json::Value::as_bool)
        };
        let mut out = Vec::new();
        if profile_flag("self_harm_risk") {
            out.push(Danger::SelfHarm);
        }
        if profile_flag("critical_medication") && part2.and_then(took) != Some(true) {
            out.push(Danger::Medication);
        }
        out
    }

    /// The selector `step-call-999-medical` uses for a set of dangers.
    pub fn selector(danger: &[Danger]) -> &'static str {
        match danger {
            [one] => one.id(),
            _ => "both",
        }
    }
}

/// The steps while a child is away from placement with whereabouts known (domain.md §2.1):
/// contact them and agree their return, tell the manager and the social worker, and treat it as
/// missing the moment whereabouts or safety are in doubt. `None` for an unaccompanied or
/// suspected-trafficked child, or one in danger: for them away is treated as missing, and the
/// missing plan stands.
pub fn away_plan(child: &ChildDetails, danger: &[Danger]) -> Option<StepPlan> {
    use Step::*;
    if child.escalate_when_missing() || !danger.is_empty() {
        return None;
    }
    Some(StepPlan {
        escalated: false,
        danger: Vec::new(),
        away: true,
        steps: vec![
            AwayAgreeReturn,
            NotifyManager,
            NotifySocialWorker,
            AwayIfConcern,
        ],
    })
}

/// How many days after becoming looked after, or coming to this placement, a child who goes
/// missing is treated as a potential victim of trafficking (DfE 2014: "immediately after
/// becoming looked after"; many are collected within hours or days).
pub const FIRST_DAYS: i64 = 7;

/// An unaccompanied child not yet flagged went missing within `FIRST_DAYS` of becoming looked
/// after or of this placement (`since`: the later of the two dates the profile holds): on
/// their return the "suspected trafficked" flag and an NRM referral are proposed.
pub fn missing_in_first_days(
    child: &ChildDetails,
    since: Option<chrono::NaiveDate>,
    last_seen: chrono::DateTime<chrono::Utc>,
) -> bool {
    child.unaccompanied
        && !child.suspected_trafficked
        && since.is_some_and(|d| (last_seen.date_naive() - d).num_days() <= FIRST_DAYS)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepPlan {
    /// True when the child's flags send the carer straight to 999.
    pub escalated: bool,
    /// Medical reasons for 999 at once (self-harm, medication), in the profile's words.
    #[serde(default)]
    pub danger: Vec<Danger>,
    /// The steps for a child away from placement with whereabouts known.
    #[serde(default)]
    pub away: bool,
    pub steps: Vec<Step>,
}

/// The steps for this child, `age` years old, in order. At 18 or over (a care leaver) the
/// escalation stays; the personal adviser is told instead of the social worker, and there is
/// no guardian or parental-responsibility step.
pub fn plan_for(child: &ChildDetails, danger: &[Danger], age: i32) -> StepPlan {
    use Step::*;
    let escalated = child.escalate_when_missing();
    let mut steps = Vec::new();
    if escalated {
        steps.push(CallNineNineNineNow);
    }
    if !danger.is_empty() {
        steps.push(CallNineNineNineMedical);
    }
    if steps.is_empty() {
        steps.extend([
            CallNineNineNineIfDanger,
            SearchHomeAndGrounds,
            CallAndTextChild,
            CheckMessagesAndNotes,
            ContactFriendsFamilySchool,
            VisitKnownPlaces,
            ReportToPolice,
        ]);
    } else {
        // 999 first, then the checks while police come: the wait is skipped, not the checks.
        steps.push(WhileWaitingForPolice);
    }
    let adult = age >= 18;
    steps.extend([RecordPoliceReference, NotifyManager, NotifySocialWorker]);
    if escalated {
        if !adult {
            steps.push(NotifyGuardian);
        }
        // domain.md §2.3: relatives of an unaccompanied or trafficked child may be linked to
        // the people who brought them here or exploit them.
        steps.push(DoNotContactRelatives);
    } else if !adult {
        steps.push(NotifyParentsIfSafe);
    }
    steps.push(KeepTryingAndPassOnNews);
    StepPlan {
        escalated,
        danger: danger.to_vec(),
        away: false,
        steps,
    }
}

/// The steps now: the away steps while the child is away with whereabouts known (unless, for
/// a flagged child or one in danger, away is treated as missing), else the missing plan.
pub fn plan_now(child: &ChildDetails, danger: &[Danger], age: i32, away: bool) -> StepPlan {
    away.then(|| away_plan(child, danger))
        .flatten()
        .unwrap_or_else(|| plan_for(child, danger, age))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::child;
    use chrono::NaiveDate;

    const SEARCH_FIRST: [Step; 5] = [
        Step::SearchHomeAndGrounds,
        Step::CallAndTextChild,
        Step::CheckMessagesAndNotes,
        Step::ContactFriendsFamilySchool,
        Step::VisitKnownPlaces,
    ];

    #[test]
    fn unaccompanied_or_trafficked_child_calls_999_first_then_checks_while_waiting() {
        for (u, t) in [(true, false), (false, true), (true, true)] {
            let plan = plan_for(&child(u, t), &[], 15);
            assert!(plan.escalated);
            assert_eq!(
                &plan.steps[..2],
                &[Step::CallNineNineNineNow, Step::WhileWaitingForPolice],
                "({u}, {t})"
            );
            // The waiting is skipped, and a second police report with it.
            assert!(!plan.steps.contains(&Step::ReportToPolice));
            assert!(!plan.steps.contains(&Step::CallNineNineNineIfDanger));
            for s in SEARCH_FIRST {
                assert!(
                    !plan.steps.contains(&s),
                    "{s:?} is part of the waiting step"
                );
            }
            assert!(plan.steps.contains(&Step::NotifyGuardian));
        }
    }

    #[test]
    fn other_children_get_quick_checks_then_police() {
        let plan = plan_for(&child(false, false), &[], 15);
        assert!(!plan.escalated);
        assert_eq!(plan.steps[0], Step::CallNineNineNineIfDanger);
        assert_eq!(&plan.steps[1..6], &SEARCH_FIRST);
        assert_eq!(plan.steps[6], Step::ReportToPolice);
        assert!(plan.steps.contains(&Step::NotifyParentsIfSafe));
        assert!(!plan.steps.contains(&Step::WhileWaitingForPolice));
    }

    #[test]
    fn relatives_of_an_unaccompanied_or_trafficked_child_are_not_contacted() {
        for (u, t) in [(true, false), (false, true)] {
            let plan = plan_for(&child(u, t), &[], 15);
            assert!(
                plan.steps.contains(&Step::DoNotContactRelatives),
                "({u}, {t})"
            );
            assert!(!plan.steps.contains(&Step::NotifyParentsIfSafe));
        }
    }

    #[test]
    fn self_harm_or_medication_left_behind_puts_999_first_in_medical_words() {
        use serde_json::json;
        let values = |pairs: &[(&str, bool)]| -> Values {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), json!(v)))
                .collect()
        };
        let flags = |v: Values| move |k: &str| v.get(k) == Some(&json!(true));
        let profile = values(&[("critical_medication", true), ("self_harm_risk", false)]);
        assert_eq!(
            Danger::from_records(flags(profile.clone()), None),
            [Danger::Medication]
        );
        let took = values(&[("took_medication", true)]);
        assert!(
            Danger::from_records(flags(profile), Some(&took)).is_empty(),
            "known to have it with them"
        );
        let both = values(&[("critical_medication", true), ("self_harm_risk", true)]);
        let danger = Danger::from_records(flags(both), Some(&values(&[])));
        assert_eq!(danger, [Danger::SelfHarm, Danger::Medication]);
        assert_eq!(Danger::selector(&danger), "both");
        assert_eq!(Danger::selector(&danger[..1]), "self_harm");

        let plan = plan_for(&child(false, false), &danger, 15);
        assert!(!plan.escalated);
        assert_eq!(
            &plan.steps[..2],
            &[Step::CallNineNineNineMedical, Step::WhileWaitingForPolice]
        );
        assert!(!plan.steps.contains(&Step::ReportToPolice));
        assert!(plan.steps.contains(&Step::NotifyParentsIfSafe));
        // A flagged child in danger: the trafficking call first, the medical words beside it.
        let plan = plan_for(&child(true, false), &danger, 15);
        assert_eq!(
            &plan.steps[..3],
            &[
                Step::CallNineNineNineNow,
                Step::CallNineNineNineMedical,
                Step::WhileWaitingForPolice
            ]
        );
    }

    #[test]
    fn at_18_the_call_speaks_of_a_young_person_and_escalation_stays() {
        let plan = plan_for(&child(true, false), &[], 19);
        assert!(plan.escalated, "the risk does not end at 18");
        assert_eq!(plan.steps[0], Step::CallNineNineNineNow);
        assert!(!plan.steps.contains(&Step::NotifyGuardian));
        assert!(!plan_for(&child(false, false), &[], 19)
            .steps
            .contains(&Step::NotifyParentsIfSafe));
        assert_eq!(
            Step::NotifySocialWorker.message_id_at(19),
            "step-notify-personal-adviser"
        );
        assert_eq!(
            Step::CallNineNineNineNow.message_id_at(17),
            "step-call-999-now"
        );
        assert_eq!(
            Step::CallNineNineNineNow.message_id_at(19),
            "step-call-999-adult"
        );
        assert_eq!(Step::NotifyManager.message_id_at(19), "step-notify-manager");
        assert_eq!(
            Step::ContactFriendsFamilySchool.message_id_at(19),
            "step-contact-friends-adult",
            "college or work, not school"
        );
    }

    #[test]
    fn an_unaccompanied_child_missing_in_the_first_days_is_treated_as_possibly_trafficked() {
        use chrono::TimeZone;
        let seen = chrono::Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap();
        let placed = |d| NaiveDate::from_ymd_opt(2026, 11, d);
        assert!(missing_in_first_days(&child(true, false), placed(20), seen));
        assert!(
            missing_in_first_days(&child(true, false), placed(18), seen),
            "7 days"
        );
        assert!(!missing_in_first_days(
            &child(true, false),
            placed(17),
            seen
        ));
        assert!(
            !missing_in_first_days(&child(true, false), None, seen),
            "no date"
        );
        assert!(!missing_in_first_days(
            &child(false, false),
            placed(24),
            seen
        ));
        assert!(
            !missing_in_first_days(&child(true, true), placed(24), seen),
            "already flagged"
        );
    }

    #[test]
    fn away_with_whereabouts_known_has_its_own_steps_except_for_a_flagged_child() {
        let plan = away_plan(&child(false, false), &[]).unwrap();
        assert_eq!(plan.steps[0], Step::AwayAgreeReturn);
        assert_eq!(plan.steps.last(), Some(&Step::AwayIfConcern));
        assert!(
            away_plan(&child(true, false), &[]).is_none(),
            "treated as missing"
        );
        assert!(away_plan(&child(false, true), &[]).is_none());
        assert!(away_plan(&child(false, false), &[Danger::SelfHarm]).is_none());
        assert!(plan_now(&child(false, false), &[], 15, true).away);
        assert!(!plan_now(&child(true, false), &[], 15, true).away);
        assert_eq!(
            plan_now(&child(false, false), &[], 15, false),
            plan_for(&child(false, false), &[], 15)
        );
    }

    #[test]
    fn every_step_has_its_own_message() {
        let mut ids: Vec<_> = Step::ALL.iter().map(|s| s.message_id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), Step::ALL.len());
    }
}
