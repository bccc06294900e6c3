//! Teams on this device: which the signed-in member of staff is in (only their children are
//! shown), which team each op belongs to, and setting teams up.

use harbour_core::ops::OpBody;
use harbour_core::teams::{validate_team_name, Team, TeamsView};
use harbour_core::{Action, ChildId, TeamId, UserId};
use rusqlite::{Connection, OptionalExtension};
use uuid::Uuid;

use crate::error::StoreError;
use crate::store::Store;

impl Store {
    /// The teams on this device, by name: to an administrator every one (to manage who is in
    /// which), to anyone else the teams they are in.
    pub fn teams(&self) -> Result<Vec<Team>, StoreError> {
        self.require(Action::ViewChildren)?;
        let all = self.session.role.may(Action::ManageUsers);
        let me = self.session.user.to_string();
        let rows: Vec<(String, String)> = self
            .conn
            .prepare_cached("SELECT id, name FROM teams ORDER BY name COLLATE NOCASE, id")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT user FROM team_members WHERE team = ?1 ORDER BY user")?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, name) in rows {
            let members: Vec<String> = stmt
                .query_map([&id], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            let mine = members.contains(&me);
            if !(mine || all) {
                continue;
            }
            out.push(Team {
                id: id.parse().map_err(|_| StoreError::Corrupt("team id"))?,
                name,
                members: members
                    .iter()
                    .map(|m| m.parse().map_err(|_| StoreError::Corrupt("member")))
                    .collect::<Result<_, _>>()?,
                mine,
            });
        }
        Ok(out)
    }

    /// The teams, the one shown now, and the settings of each of the member of staff's.
    pub fn teams_view(&self) -> Result<TeamsView, StoreError> {
        let teams = self.teams()?;
        let mut settings = Vec::new();
        for team in teams.iter().filter(|t| t.mine) {
            settings.push((team.id, self.organisation_of(Some(team.id))?));
        }
        Ok(TeamsView {
            teams,
            current: self.team,
            settings,
        })
    }

    /// The teams the signed-in member of staff is in, by name.
    pub fn my_teams(&self) -> Result<Vec<TeamId>, StoreError> {
        my_teams(&self.conn, self.session.user)
    }

    /// The team whose settings the app shows and changes: the one chosen, else the first of
    /// the member of staff's teams. `None` in a store with no teams yet.
    pub fn current_team(&self) -> Option<TeamId> {
        self.team
    }

    /// Makes another of the member of staff's teams the one whose settings are shown.
    pub fn choose_team(&mut self, team: TeamId) -> Result<(), StoreError> {
        if !self.my_teams()?.contains(&team) {
            return Err(StoreError::NotAllowed);
        }
        self.team = Some(team);
        Ok(())
    }

    /// Sets up another team on this device (administrators). Whoever sets it up is in it.
    pub fn add_team(&mut self, name: &str) -> Result<Team, StoreError> {
        self.make_team(TeamId::from_uuid(Uuid::now_v7()), name)
    }

    /// Sets up the team `team`, made here, with whoever sets it up in it.
    pub(crate) fn make_team(&mut self, team: TeamId, name: &str) -> Result<Team, StoreError> {
        self.require(Action::ManageUsers)?;
        let name = validate_team_name(name).map_err(StoreError::Invalid)?;
        let created_at = self.now();
        let me = self.session.user;
        self.write(&[
            OpBody::TeamAdded {
                team,
                name,
                created_at,
            },
            OpBody::TeamMemberSet {
                team,
                user: me,
                member: true,
            },
        ])?;
        if self.team.is_none() {
            self.team = Some(team);
        }
        self.team(team)
    }

    /// Gives a team another name (administrators).
    pub fn rename_team(&mut self, team: TeamId, name: &str) -> Result<Team, StoreError> {
        self.require(Action::ManageUsers)?;
        let name = validate_team_name(name).map_err(StoreError::Invalid)?;
        let current = self.team(team)?;
        if current.name != name {
            self.write(&[OpBody::TeamNamed { team, name }])?;
        }
        self.team(team)
    }

    /// Puts a member of staff in a team or takes them out of it (administrators). Their
    /// records stay; they see the team's children only while they are in it.
    pub fn set_team_member(
        &mut self,
        team: TeamId,
        user: UserId,
        member: bool,
    ) -> Result<Team, StoreError> {
        self.require(Action::ManageUsers)?;
        let current = self.team(team)?;
        self.users()?
            .iter()
            .find(|u| u.id == user)
            .ok_or(StoreError::NotFound)?;
        if current.members.contains(&user) != member {
            self.write(&[OpBody::TeamMemberSet { team, user, member }])?;
        }
        if user == self.session.user {
            self.team = first_team(&self.conn, user, self.team)?;
        }
        self.team(team)
    }

    fn team(&self, team: TeamId) -> Result<Team, StoreError> {
        self.teams()?
            .into_iter()
            .find(|t| t.id == team)
            .ok_or(StoreError::NotFound)
    }

    /// The team a child is in (`None`: a child of no team, or not here).
    pub(crate) fn team_of_child(&self, child: ChildId) -> Result<Option<TeamId>, StoreError> {
        child_team(&self.conn, child)
    }

    /// Refuses a child that is not in one of the member of staff's teams as if it did not
    /// exist (a child of no team, from a store with none, is everyone's).
    pub(crate) fn see_child(&self, child: ChildId) -> Result<(), StoreError> {
        let seen: bool = self.conn.query_row(
            &format!(
                "SELECT EXISTS(SELECT 1 FROM children WHERE id = ?1 AND {})",
                self.seen("team")
            ),
            [child.to_string()],
            |r| r.get(0),
        )?;
        if seen {
            Ok(())
        } else {
            Err(StoreError::NotFound)
        }
    }

    /// An SQL condition on `missing_episodes`: the episode's child is seen, or has not arrived
    /// here yet (a missing report is never hidden for want of its child's record).
    pub(crate) fn episode_seen(&self) -> String {
        format!(
            "(child_id NOT IN (SELECT id FROM children) OR child_id IN \
             (SELECT id FROM children WHERE {}))",
            self.seen("team")
        )
    }

    /// An SQL condition on a team column: the row belongs to no team, or to one of the signed-in
    /// member of staff's that this computer's hub has not removed it from (a lost or stolen
    /// laptop's copy of the team is locked the moment it learns it was revoked). (The user id
    /// is this store's own UUID, never input.)
    pub(crate) fn seen(&self, column: &str) -> String {
        format!(
            "({column} IS NULL OR ({column} IN \
             (SELECT team FROM team_members WHERE user = '{}') AND {column} NOT IN \
             (SELECT team FROM sync_links WHERE last_error = 'revoked')))",
            self.session.user.as_uuid()
        )
    }
}

/// The teams `user` is in, by name.
pub(crate) fn my_teams(conn: &Connection, user: UserId) -> Result<Vec<TeamId>, StoreError> {
    let ids: Vec<String> = conn
        .prepare_cached(
            "SELECT t.id FROM teams t JOIN team_members m ON m.team = t.id \
             WHERE m.user = ?1 ORDER BY t.name COLLATE NOCASE, t.id",
        )?
        .query_map([user.to_string()], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.iter()
        .map(|t| t.parse().map_err(|_| StoreError::Corrupt("team id")))
        .collect()
}

/// The team to show: `keep` if the user is still in it, else their first.
pub(crate) fn first_team(
    conn: &Connection,
    user: UserId,
    keep: Option<TeamId>,
) -> Result<Option<TeamId>, StoreError> {
    let mine = my_teams(conn, user)?;
    Ok(match keep {
        Some(t) if mine.contains(&t) => Some(t),
        _ => mine.first().copied(),
    })
}

/// The team an op belongs to: a team's own ops name it; an op about a child is in the child's
/// team; an episode's, in its child's; the settings and staff changes, in `current`.
pub(crate) fn team_of(
    conn: &Connection,
    body: &OpBody,
    current: Option<TeamId>,
) -> Result<Option<TeamId>, StoreError> {
    let child = match body {
        OpBody::TeamAdded { team, .. }
        | OpBody::TeamNamed { team, .. }
        | OpBody::TeamMemberSet { team, .. }
        | OpBody::StaffKeyShared { team, .. }
        | OpBody::DefaultsPublished { team, .. } => return Ok(Some(*team)),
        // A record coming in: into the team its writer places it in.
        OpBody::ChildTransferredIn { .. } => return Ok(current),
        OpBody::EpisodeLastSeenSet { episode, .. } | OpBody::EpisodeEventAdded { episode, .. } => {
            crate::remote::episode_child(conn, &episode.to_string())?
        }
        other => other.child(),
    };
    let Some(child) = child else {
        return Ok(current);
    };
    // A child not here yet (a new one is placed by its caller): the current team.
    Ok(child_team(conn, child)?.or(current))
}

/// The team a child is in (`None`: a child of no team, or not here).
fn child_team(conn: &Connection, child: ChildId) -> Result<Option<TeamId>, StoreError> {
    let team: Option<Option<String>> = conn
        .query_row(
            "SELECT team FROM children WHERE id = ?1",
            [child.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    team.flatten()
        .map(|t| t.parse().map_err(|_| StoreError::Corrupt("team")))
        .transpose()
}

#[cfg(test)]
mod tests {
    use crate::testing::{add_carer, create, unlock_carer};
    use crate::StoreError;
    use chrono::{TimeZone, Utc};
    use harbour_core::organisation::Organisation;
    use harbour_core::{ChildInput, Field, FixedClock};
    use std::sync::Arc;

    fn input(name: &str) -> ChildInput {
        ChildInput {
            name_latin: name.into(),
            date_of_birth: "2010-05-14".into(),
            unaccompanied: true,
            ..Default::default()
        }
    }

    fn seen(store: &crate::Store) -> Vec<harbour_core::ChildId> {
        store
            .children()
            .unwrap()
            .into_iter()
            .map(|c| c.id)
            .collect()
    }

    fn clock() -> Arc<FixedClock> {
        Arc::new(FixedClock::at(
            Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap(),
        ))
    }

    /// A placement officer's device holds two homes; a carer of one sees only its children,
    /// its settings and its missing reports, and nothing of the other's.
    #[test]
    fn a_user_of_one_team_does_not_see_another_team_s_children() {
        let dir = tempfile::tempdir().unwrap();
        let mut admin = create(dir.path(), clock());
        let oak = admin.current_team().expect("set-up makes the first team");
        let oak = admin.rename_team(oak, "Oak House").unwrap().id;
        add_carer(&mut admin); // joins the team shown: Oak House
        let elm = admin.add_team("  Elm Lodge ").unwrap();
        assert_eq!(elm.name, "Elm Lodge");
        let elm = elm.id;

        // In two teams, the administrator must say which a new child joins.
        let err = admin
            .add_child(&input("Sample Unplaced"), None)
            .unwrap_err();
        let StoreError::Invalid(errors) = err else {
            panic!("{err:?}")
        };
        assert_eq!(errors[0].field, Field::Team);
        let amani = admin
            .add_child_to(Some(oak), &input("Sample Amani"), None)
            .unwrap();
        let dawit = admin
            .add_child_to(Some(elm), &input("Sample Dawit"), None)
            .unwrap();
        let dawit_missing = admin.report_missing(dawit.id).unwrap().episode.id;
        // Each home its own contacts.
        admin.choose_team(elm).unwrap();
        admin
            .save_organisation(&Organisation {
                on_call: "Elm on-call 07700 900222".into(),
                ..admin.organisation().unwrap()
            })
            .unwrap();
        admin.choose_team(oak).unwrap();
        assert_eq!(admin.organisation().unwrap().on_call, "");
        assert_eq!(
            admin.organisation_for(dawit.id).unwrap().on_call,
            "Elm on-call 07700 900222"
        );
        let names: Vec<_> = admin.home().unwrap().into_iter().map(|e| e.team).collect();
        assert_eq!(names, [Some(oak), Some(elm)], "by name: Amani, Dawit");
        drop(admin);

        let mut carer = unlock_carer(dir.path(), clock());
        assert_eq!(carer.my_teams().unwrap(), [oak]);
        assert_eq!(carer.current_team(), Some(oak));
        let teams: Vec<_> = carer.teams().unwrap().into_iter().map(|t| t.name).collect();
        assert_eq!(teams, ["Oak House"], "the other home is not even named");
        assert_eq!(seen(&carer), [amani.id]);
        let home: Vec<_> = carer
            .home()
            .unwrap()
            .into_iter()
            .map(|e| e.child.id)
            .collect();
        assert_eq!(home, [amani.id]);
        assert!(carer.open_episodes().unwrap().is_empty());
        for result in [
            carer.child(dawit.id).map(|_| ()),
            carer.child_photo(dawit.id).map(|_| ()),
            carer.profile(dawit.id).map(|_| ()),
            carer.child_episodes(dawit.id).map(|_| ()),
            carer.flag_history(dawit.id).map(|_| ()),
            carer.episode_view(dawit_missing).map(|_| ()),
            carer.report_missing(dawit.id).map(|_| ()),
            carer.open_child(dawit.id).map(|_| ()),
        ] {
            assert!(matches!(result, Err(StoreError::NotFound)), "{result:?}");
        }
        assert!(matches!(
            carer.choose_team(elm),
            Err(StoreError::NotAllowed)
        ));
        // Nor can a carer put a child in a team they are not in.
        let err = carer
            .add_child_to(Some(elm), &input("Sample Elsewhere"), None)
            .unwrap_err();
        assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
        let added = carer.add_child(&input("Sample Ruth"), None).unwrap();
        assert_eq!(carer.home().unwrap().len(), 2);
        let carer_id = carer.session().user;
        drop(carer);

        // Out of Oak House, in Elm Lodge: the carer sees Elm's children and no longer Oak's.
        let mut admin = crate::testing::data(dir.path())
            .unlock(Some("Sam Admin"), crate::testing::PIN, clock())
            .unwrap();
        admin.set_team_member(oak, carer_id, false).unwrap();
        admin.set_team_member(elm, carer_id, true).unwrap();
        drop(admin);
        let carer = unlock_carer(dir.path(), clock());
        assert_eq!(seen(&carer), [dawit.id]);
        assert_eq!(carer.open_episodes().unwrap().len(), 1);
        assert_eq!(
            carer.organisation().unwrap().on_call,
            "Elm on-call 07700 900222"
        );
        assert!(matches!(carer.child(added.id), Err(StoreError::NotFound)));

        // Every op names its team, and each child's ops name the child's.
        let ops = carer.ops().unwrap();
        assert!(ops.iter().all(|o| o.team.is_some()));
        for op in &ops {
            if op.entity == dawit.id.to_string() {
                assert_eq!(op.team, Some(elm), "{}", op.kind);
            }
            if op.entity == amani.id.to_string() || op.entity == added.id.to_string() {
                assert_eq!(op.team, Some(oak), "{}", op.kind);
            }
        }
        let missing = ops.iter().find(|o| o.entity == dawit_missing.to_string());
        assert_eq!(missing.map(|o| o.team), Some(Some(elm)));
    }

    #[test]
    fn only_an_administrator_sets_up_teams_and_a_name_is_checked() {
        let dir = tempfile::tempdir().unwrap();
        let mut admin = create(dir.path(), clock());
        let err = admin.add_team(&"x".repeat(81)).unwrap_err();
        assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
        assert_eq!(admin.teams().unwrap().len(), 1, "nothing written");
        add_carer(&mut admin);
        drop(admin);
        let mut carer = unlock_carer(dir.path(), clock());
        let team = carer.current_team().unwrap();
        assert!(matches!(
            carer.add_team("Mine"),
            Err(StoreError::NotAllowed)
        ));
        assert!(matches!(
            carer.rename_team(team, "Mine"),
            Err(StoreError::NotAllowed)
        ));
        let me = carer.session().user;
        assert!(matches!(
            carer.set_team_member(team, me, false),
            Err(StoreError::NotAllowed)
        ));
    }
}
