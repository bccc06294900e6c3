//! The app's state and every transition of it, as a plain reducer (tested natively below).

use chrono::{DateTime, Utc};
use harbour_core::api::{ApiError, ChildEntry, Reported};
use harbour_core::organisation::Organisation;
use harbour_core::profile::ProfileOpened;
use harbour_core::teams::TeamsView;
use harbour_core::{AssessmentId, Child, ChildId, EpisodeId, MissingEpisode, TeamId};
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    Home,
    AddChild,
    /// The steps for the child's open missing episode.
    Steps(ChildId),
    /// The user's PIN, the auto-lock time, backups and staff (what the role allows).
    Settings,
    /// The child's missing-person profile.
    Profile(ChildId),
    /// The grab sheet as a web page, for the system's print dialog.
    PrintView(ChildId),
    /// The child's risk checklists: where each stands.
    Checklists(ChildId),
    /// One risk checklist assessment of the child.
    Assessment(ChildId, AssessmentId),
    /// What follows the return, for an episode whose missing part is closed: the return
    /// interview, the regulator decision, the steps after the return, the log.
    AfterReturn(ChildId, EpisodeId),
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub screen: Screen,
    pub children: Vec<ChildEntry>,
    /// False until the first list has arrived; the home screen shows nothing misleading before.
    pub loaded: bool,
    /// A problem not tied to one field, as a Fluent message id.
    pub error: Option<String>,
    /// A short confirmation, e.g. "Amina has been saved": (message id, child's name).
    pub notice: Option<(String, String)>,
    /// The clock the elapsed times are shown against; ticks while the app is open.
    pub now: DateTime<Utc>,
    /// The home's settings: nation (terms), kind of home, its own contacts.
    pub organisation: Organisation,
    /// The profile that came with the last "Child missing" answer, for the steps screen.
    pub opened: Option<Rc<ProfileOpened>>,
    /// The homes and households the user sees, and each one's settings.
    pub teams: TeamsView,
}

#[derive(Debug)]
pub enum Action {
    Loaded(Vec<ChildEntry>),
    Failed(ApiError),
    ShowHome,
    ShowAddChild,
    ShowSteps(ChildId),
    ShowSettings,
    ShowProfile(ChildId),
    ShowPrintView(ChildId),
    ShowChecklists(ChildId),
    ShowAssessment(ChildId, AssessmentId),
    ShowAfterReturn(ChildId, EpisodeId),
    OrganisationLoaded(Organisation),
    TeamsLoaded(TeamsView),
    /// A child was added, to this team.
    ChildSaved(Child, Option<TeamId>),
    Reported(Reported),
    EpisodeUpdated(MissingEpisode),
    Tick(DateTime<Utc>),
    DismissMessages,
}

impl AppState {
    pub fn new(now: DateTime<Utc>) -> Self {
        Self {
            screen: Screen::Home,
            children: Vec::new(),
            loaded: false,
            error: None,
            notice: None,
            now,
            organisation: Organisation::default(),
            opened: None,
            teams: TeamsView::default(),
        }
    }

    /// The settings a child's screens use: their own home's (its contacts, nation and rules).
    pub fn organisation_for(&self, entry: &ChildEntry) -> &Organisation {
        self.teams
            .settings_of(entry.team)
            .unwrap_or(&self.organisation)
    }

    /// The name of the child's home, shown only where the user is in more than one.
    pub fn team_label(&self, entry: &ChildEntry) -> Option<&str> {
        (self.teams.mine().count() > 1)
            .then(|| self.teams.name_of(entry.team))
            .flatten()
    }

    pub fn entry(&self, id: ChildId) -> Option<&ChildEntry> {
        self.children.iter().find(|e| e.child.id == id)
    }

    fn entry_mut(&mut self, id: ChildId) -> Option<&mut ChildEntry> {
        self.children.iter_mut().find(|e| e.child.id == id)
    }

    /// Missing children come first, so one is never scrolled away; then children just back
    /// (their return interview is due); then everyone else, by name.
    fn sort(&mut self) {
        fn rank(e: &ChildEntry) -> u8 {
            if e.is_missing() {
                0
            } else if e.open_episode.is_some() {
                1
            } else {
                2
            }
        }
        self.children.sort_by(|a, b| {
            (rank(a), a.child.details.name_latin.to_lowercase())
                .cmp(&(rank(b), b.child.details.name_latin.to_lowercase()))
        });
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Loaded(children) => {
                s.children = children;
                s.loaded = true;
                s.sort();
            }
            Action::Failed(e) => s.error = Some(e.message_id),
            Action::ShowHome => {
                s.screen = Screen::Home;
                s.error = None;
            }
            Action::ShowAddChild => {
                s.screen = Screen::AddChild;
                s.error = None;
                s.notice = None;
            }
            Action::ShowSettings => {
                s.screen = Screen::Settings;
                s.error = None;
                s.notice = None;
            }
            Action::OrganisationLoaded(org) => {
                // The home shown now's settings, which its children's screens use too.
                if let Some(current) = s.teams.current {
                    if let Some((_, o)) = s.teams.settings.iter_mut().find(|(t, _)| *t == current) {
                        *o = org.clone();
                    }
                }
                s.organisation = org;
            }
            Action::TeamsLoaded(teams) => {
                if let Some(org) = teams.settings_of(teams.current) {
                    s.organisation = org.clone();
                }
                s.teams = teams;
            }
            Action::ShowPrintView(id) => {
                if s.entry(id).is_some() {
                    s.screen = Screen::PrintView(id);
                    s.error = None;
                    s.notice = None;
                }
            }
            Action::ShowProfile(id) => {
                if s.entry(id).is_some() {
                    s.screen = Screen::Profile(id);
                    s.error = None;
                    s.notice = None;
                }
            }
            Action::ShowChecklists(id) => {
                if s.entry(id).is_some() {
                    s.screen = Screen::Checklists(id);
                    s.error = None;
                    s.notice = None;
                }
            }
            Action::ShowAssessment(id, assessment) => {
                if s.entry(id).is_some() {
                    s.screen = Screen::Assessment(id, assessment);
                    s.error = None;
                    s.notice = None;
                }
            }
            Action::ShowAfterReturn(id, episode) => {
                if s.entry(id).is_some() {
                    s.screen = Screen::AfterReturn(id, episode);
                    s.error = None;
                    s.notice = None;
                }
            }
            Action::ShowSteps(id) => {
                if s.entry(id).is_some_and(|e| e.open_episode.is_some()) {
                    s.screen = Screen::Steps(id);
                    s.error = None;
                    s.notice = None;
                }
            }
            Action::ChildSaved(child, team) => {
                // Every checklist that applies is due for a new child.
                let checklists_due = harbour_core::checklists::applying(&child.details).count();
                s.notice = Some(("form-saved".into(), child.details.name_latin.clone()));
                s.children.push(ChildEntry {
                    child,
                    open_episode: None,
                    summary: None,
                    // A new child's profile has not been checked yet.
                    reviews_due: harbour_core::profile::Section::ALL.len(),
                    checklists_due,
                    interviews: Vec::new(),
                    team,
                });
                s.sort();
                s.screen = Screen::Home;
                s.error = None;
            }
            Action::Reported(r) => {
                let id = r.episode.child_id;
                if let Some(e) = s.entry_mut(id) {
                    e.open_episode = Some(r.episode);
                    s.opened = r.opened.map(Rc::new);
                    s.screen = Screen::Steps(id);
                    s.sort();
                    s.error = None;
                    s.notice = None;
                }
            }
            Action::EpisodeUpdated(ep) => {
                if let Some(e) = s.entry_mut(ep.child_id) {
                    e.open_episode = Some(ep);
                }
            }
            Action::Tick(now) => s.now = now,
            Action::DismissMessages => {
                s.error = None;
                s.notice = None;
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};
    use harbour_core::ChildDetails;
    use uuid_for_tests::id;

    mod uuid_for_tests {
        pub fn id(n: u128) -> harbour_core::ChildId {
            serde_json::from_value(serde_json::json!(format!(
                "01936b6e-7c00-7000-8000-{n:012x}"
            )))
            .unwrap()
        }
    }

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap()
    }

    fn child(n: u128, name: &str) -> Child {
        Child {
            id: id(n),
            details: ChildDetails {
                name_latin: name.into(),
                name_own_script: None,
                date_of_birth: NaiveDate::from_ymd_opt(2011, 1, 1).unwrap(),
                languages: vec![],
                unaccompanied: true,
                suspected_trafficked: false,
            },
            has_photo: false,
            created_at: t0(),
            record: Default::default(),
        }
    }

    fn episode(child: ChildId) -> MissingEpisode {
        MissingEpisode {
            id: serde_json::from_value::<EpisodeId>(serde_json::json!(
                "01936b6e-7c00-7000-9000-000000000001"
            ))
            .unwrap(),
            child_id: child,
            started_at: t0(),
            last_seen_at: t0(),
            closed_at: None,
        }
    }

    fn loaded() -> Rc<AppState> {
        Rc::new(AppState::new(t0())).reduce(Action::Loaded(vec![
            ChildEntry {
                child: child(1, "Zara Sample"),
                open_episode: None,
                summary: None,
                reviews_due: 0,
                checklists_due: 0,
                interviews: Vec::new(),
                team: None,
            },
            ChildEntry {
                child: child(2, "amir Sample"),
                open_episode: None,
                summary: None,
                reviews_due: 0,
                checklists_due: 0,
                interviews: Vec::new(),
                team: None,
            },
        ]))
    }

    fn names(s: &AppState) -> Vec<&str> {
        s.children
            .iter()
            .map(|e| e.child.details.name_latin.as_str())
            .collect()
    }

    #[test]
    fn children_are_sorted_by_name_once_loaded() {
        let s = loaded();
        assert!(s.loaded);
        assert_eq!(names(&s), ["amir Sample", "Zara Sample"]);
    }

    #[test]
    fn reporting_missing_shows_the_steps_and_puts_the_child_first() {
        let s = loaded().reduce(Action::Reported(Reported {
            episode: episode(id(1)),
            already_open: false,
            opened: None,
        }));
        assert_eq!(s.screen, Screen::Steps(id(1)));
        assert_eq!(names(&s), ["Zara Sample", "amir Sample"]);
        assert!(s.entry(id(1)).unwrap().open_episode.is_some());
    }

    #[test]
    fn steps_can_only_be_shown_for_an_open_episode() {
        let s = loaded().reduce(Action::ShowSteps(id(2)));
        assert_eq!(s.screen, Screen::Home);
    }

    #[test]
    fn a_saved_child_appears_with_a_notice() {
        let s = loaded()
            .reduce(Action::ShowAddChild)
            .reduce(Action::ChildSaved(child(3, "Mo Sample"), None));
        assert_eq!(s.screen, Screen::Home);
        assert_eq!(names(&s), ["amir Sample", "Mo Sample", "Zara Sample"]);
        assert_eq!(
            s.notice,
            Some(("form-saved".to_owned(), "Mo Sample".to_owned()))
        );
    }

    #[test]
    fn errors_are_kept_as_message_ids_and_cleared_on_navigation() {
        let s = loaded().reduce(Action::Failed(ApiError::backend()));
        assert_eq!(s.error.as_deref(), Some("error-backend"));
        let s = s.reduce(Action::ShowSettings);
        assert_eq!(s.screen, Screen::Settings);
        let s = s.reduce(Action::ShowHome);
        assert_eq!(s.error, None);
    }
}
