//! What a carer does, in order, when a child cannot be found (domain.md §2.3–2.4).
//!
//! The plan is data chosen by rules here, worded in Fluent (`step-*` messages). For a child
//! flagged unaccompanied or suspected trafficked, Harbour's product default is to escalate at
//! once: call 999 first and skip the "search first" checks. That is not a legal rule and police
//! still set the risk grade; the carer asks for the child's status to be considered.

use serde::{Deserialize, Serialize};

use crate::child::ChildDetails;

/// One thing to do. The order of a plan is the order to do them in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Escalated plans: 999 at once, saying the child is unaccompanied or suspected trafficked.
    CallNineNineNineNow,
    /// Ordinary plans: 999 straight away if the child may be in immediate danger.
    CallNineNineNineIfDanger,
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

    /// Steps that are a phone call to the police: shown larger, with the number.
    pub fn is_police_call(self) -> bool {
        matches!(
            self,
            Step::CallNineNineNineNow | Step::CallNineNineNineIfDanger | Step::ReportToPolice
        )
    }

    pub const ALL: [Step; 15] = [
        Step::CallNineNineNineNow,
        Step::CallNineNineNineIfDanger,
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepPlan {
    /// True when the child's flags send the carer straight to 999.
    pub escalated: bool,
    pub steps: Vec<Step>,
}

/// The steps for this child, in order.
pub fn plan_for(child: &ChildDetails) -> StepPlan {
    use Step::*;
    let escalated = child.escalate_when_missing();
    let mut steps = if escalated {
        vec![
            CallNineNineNineNow,
            RecordPoliceReference,
            NotifyManager,
            NotifySocialWorker,
            NotifyGuardian,
        ]
    } else {
        vec![
            CallNineNineNineIfDanger,
            SearchHomeAndGrounds,
            CallAndTextChild,
            CheckMessagesAndNotes,
            ContactFriendsFamilySchool,
            VisitKnownPlaces,
            ReportToPolice,
            RecordPoliceReference,
            NotifyManager,
            NotifySocialWorker,
        ]
    };
    // domain.md §2.4 step 4: relatives of a trafficked child may be linked to traffickers.
    if child.suspected_trafficked {
        steps.push(DoNotContactRelatives);
    } else {
        steps.push(NotifyParentsIfSafe);
    }
    steps.push(KeepTryingAndPassOnNews);
    StepPlan { escalated, steps }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn child(unaccompanied: bool, suspected_trafficked: bool) -> ChildDetails {
        ChildDetails {
            name_latin: "Sample".into(),
            name_own_script: None,
            date_of_birth: NaiveDate::from_ymd_opt(2011, 1, 1).unwrap(),
            languages: vec![],
            unaccompanied,
            suspected_trafficked,
        }
    }

    const SEARCH_FIRST: [Step; 5] = [
        Step::SearchHomeAndGrounds,
        Step::CallAndTextChild,
        Step::CheckMessagesAndNotes,
        Step::ContactFriendsFamilySchool,
        Step::VisitKnownPlaces,
    ];

    #[test]
    fn unaccompanied_or_trafficked_child_calls_999_first_and_skips_searching() {
        for (u, t) in [(true, false), (false, true), (true, true)] {
            let plan = plan_for(&child(u, t));
            assert!(plan.escalated);
            assert_eq!(plan.steps[0], Step::CallNineNineNineNow, "({u}, {t})");
            for s in SEARCH_FIRST {
                assert!(!plan.steps.contains(&s), "{s:?} must be skipped");
            }
            assert!(!plan.steps.contains(&Step::ReportToPolice));
        }
    }

    #[test]
    fn other_children_get_quick_checks_then_police() {
        let plan = plan_for(&child(false, false));
        assert!(!plan.escalated);
        assert_eq!(plan.steps[0], Step::CallNineNineNineIfDanger);
        assert_eq!(&plan.steps[1..6], &SEARCH_FIRST);
        assert_eq!(plan.steps[6], Step::ReportToPolice);
        assert!(plan.steps.contains(&Step::NotifyParentsIfSafe));
    }

    #[test]
    fn relatives_of_a_trafficked_child_are_not_contacted() {
        let plan = plan_for(&child(false, true));
        assert!(plan.steps.contains(&Step::DoNotContactRelatives));
        assert!(!plan.steps.contains(&Step::NotifyParentsIfSafe));
    }

    #[test]
    fn every_step_has_its_own_message() {
        let mut ids: Vec<_> = Step::ALL.iter().map(|s| s.message_id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), Step::ALL.len());
    }
}
