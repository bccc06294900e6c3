//! Who to tell when a child goes missing (domain.md §2.4 step 4, §2.6): by the nation, the
//! kind of home, the child's flags and their age. What each nation calls a role (the reviewing
//! officer, the out-of-hours service, the regulator, the placing body, the guardian service) is
//! worded in Fluent with the nation as selector; names and numbers domain.md could not confirm
//! are the home's own settings, shown as "check with your local protocol".

use serde::{Deserialize, Serialize};

use crate::child::ChildDetails;
use crate::organisation::{HomeKind, Nation, Organisation};

/// Who is told when a child goes missing (domain.md §2.4 step 4). Frozen once released (it is
/// in recorded events): add variants, never change old ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Contact {
    Manager,
    SocialWorker,
    EmergencyDutyTeam,
    HostAuthority,
    FosteringAgency,
    Parents,
    Guardian,
    Iro,
    /// The regulator (children's homes, supported accommodation): the manager decides whether
    /// to notify.
    Regulator,
    /// A care leaver's personal adviser or leaving care team (18 or over).
    PersonalAdviser,
}

impl Contact {
    pub const ALL: [Contact; 10] = [
        Contact::Manager,
        Contact::SocialWorker,
        Contact::PersonalAdviser,
        Contact::EmergencyDutyTeam,
        Contact::HostAuthority,
        Contact::FosteringAgency,
        Contact::Parents,
        Contact::Guardian,
        Contact::Iro,
        Contact::Regulator,
    ];

    /// The Fluent message naming this contact; each takes `$nation`.
    pub fn message_id(self) -> &'static str {
        match self {
            Contact::Manager => "contact-manager",
            Contact::SocialWorker => "contact-social-worker",
            Contact::EmergencyDutyTeam => "contact-edt",
            Contact::HostAuthority => "contact-host-authority",
            Contact::FosteringAgency => "contact-fostering-agency",
            Contact::Parents => "contact-parents",
            Contact::Guardian => "contact-guardian",
            Contact::Iro => "contact-iro",
            Contact::Regulator => "contact-regulator",
            Contact::PersonalAdviser => "contact-personal-adviser",
        }
    }

    /// The label on this child's notification list: parents of an unaccompanied or
    /// suspected-trafficked child are told only with the social worker's agreement.
    pub fn label_id(self, details: &ChildDetails) -> &'static str {
        match self {
            Contact::Parents if details.escalate_when_missing() => "contact-parents-agreed",
            other => other.message_id(),
        }
    }

    /// The profile fields that hold who this is and how to reach them, shown beside the
    /// contact on the notification list.
    pub fn profile_keys(self) -> &'static [&'static str] {
        match self {
            Contact::SocialWorker | Contact::PersonalAdviser => {
                &["social_worker", "social_worker_phone"]
            }
            Contact::EmergencyDutyTeam => &["edt_phone"],
            Contact::Guardian => &["guardian"],
            Contact::Iro => &["iro"],
            Contact::Parents => &["family"],
            Contact::Manager
            | Contact::HostAuthority
            | Contact::FosteringAgency
            | Contact::Regulator => &[],
        }
    }

    /// What the home's own settings say about this contact (name, number).
    pub fn from_organisation(self, org: &Organisation) -> &str {
        match self {
            Contact::Manager => &org.on_call,
            Contact::HostAuthority => &org.host_authority,
            Contact::FosteringAgency => &org.fostering_agency,
            Contact::Regulator => &org.regulator,
            Contact::Guardian => &org.ictg_line,
            _ => "",
        }
    }
}

/// Whether the nation's guardian service takes this child: in England and Wales the
/// Independent Child Trafficking Guardian is for children who may have been trafficked; the
/// Scottish and Northern Irish services are for separated (unaccompanied) children too.
fn guardian_for(details: &ChildDetails, nation: Nation) -> bool {
    match nation {
        Nation::England | Nation::Wales => details.suspected_trafficked,
        Nation::Scotland | Nation::NorthernIreland => {
            details.suspected_trafficked || details.unaccompanied
        }
    }
}

/// Who to tell for this child, `age` years old, placed with this home (domain.md §2.4 step 4):
/// - everyone: the manager, the out-of-hours service and the host authority;
/// - under 18: the social worker, parents or others with parental responsibility (for an
///   unaccompanied or suspected-trafficked child "only with the social worker's agreement",
///   `Contact::label_id`), the guardian where the nation's service takes the child, and the
///   Independent Reviewing Officer in England and Wales (Scotland and Northern Ireland have
///   none);
/// - 18 or over (a care leaver): the personal adviser or leaving care team instead;
/// - a foster home: its fostering agency; a children's home or supported accommodation: the
///   regulator, where the manager decides whether to notify.
pub fn contacts_for(details: &ChildDetails, org: &Organisation, age: i32) -> Vec<Contact> {
    let child = age < 18;
    Contact::ALL
        .into_iter()
        .filter(|c| match c {
            Contact::SocialWorker | Contact::Parents => child,
            Contact::PersonalAdviser => !child,
            Contact::Guardian => child && guardian_for(details, org.nation),
            Contact::Iro => child && matches!(org.nation, Nation::England | Nation::Wales),
            Contact::FosteringAgency => org.home_kind == HomeKind::FosterHome,
            Contact::Regulator => org.home_kind != HomeKind::FosterHome,
            Contact::Manager | Contact::EmergencyDutyTeam | Contact::HostAuthority => true,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::child as details;

    /// Every nation × kind of home × flags × age: who is on the list.
    #[test]
    fn the_list_follows_the_nation_the_home_the_flags_and_the_age() {
        use Contact::*;
        for nation in Nation::ALL {
            for home in HomeKind::ALL {
                for (u, t) in [(false, false), (true, false), (false, true), (true, true)] {
                    for age in [15, 19] {
                        let org = Organisation {
                            nation,
                            home_kind: home,
                            ..Default::default()
                        };
                        let d = details(u, t);
                        let list = contacts_for(&d, &org, age);
                        let case = format!("{nation:?} {home:?} u={u} t={t} age={age}");
                        let has = |c| list.contains(&c);
                        assert_eq!(list[0], Manager, "{case}");
                        assert!(has(EmergencyDutyTeam) && has(HostAuthority), "{case}");
                        let child = age < 18;
                        assert_eq!(has(SocialWorker), child, "{case}");
                        assert_eq!(has(Parents), child, "{case}");
                        assert_eq!(has(PersonalAdviser), !child, "{case}");
                        let reviewing = matches!(nation, Nation::England | Nation::Wales);
                        assert_eq!(has(Iro), child && reviewing, "{case}: IRO");
                        let guardian = if reviewing { t } else { u || t };
                        assert_eq!(has(Guardian), child && guardian, "{case}: guardian");
                        assert_eq!(has(FosteringAgency), home == HomeKind::FosterHome, "{case}");
                        assert_eq!(has(Regulator), home != HomeKind::FosterHome, "{case}");
                        let parents = Parents.label_id(&d);
                        assert_eq!(
                            parents == "contact-parents-agreed",
                            u || t,
                            "{case}: relatives only with the social worker's agreement"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_contact_has_its_own_message() {
        let mut ids: Vec<_> = Contact::ALL.iter().map(|c| c.message_id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), Contact::ALL.len());
    }
}
