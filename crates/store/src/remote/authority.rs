//! Who could do what, when: the part of the log an op's author is checked against (people
//! added and disabled, teams made and their members), read once per delivery and kept until
//! an op that changes it is taken in. A first sync of a team with years of records checks every
//! op against the same few dozen people; reading their history once per op is what made it
//! slow.
//!
//! Times are compared as the log stores them (the text form of the clock, which sorts as the
//! clock does), and ties are broken as the log's own order breaks them, so a check answers
//! exactly as reading the log afresh would.

use std::collections::HashMap;

use harbour_core::ops::OpBody;
use harbour_core::{Role, TeamId, UserId};
use rusqlite::Connection;

use crate::error::StoreError;

/// The kinds of op that change what [`Authority`] holds.
const CHANGES_AUTHORITY: [&str; 4] = [
    "user_added",
    "user_disabled",
    "team_added",
    "team_member_set",
];

/// A person's history: each time they were added (with the role, if the record could be read),
/// in the log's order newest first, and the first time they were disabled.
struct Person {
    added: Vec<(String, Option<Role>)>,
    first_disabled: Option<String>,
}

/// A team's history: when it was made and by whom, and every change of member (if its record
/// could be read), in the log's order newest first.
struct Team {
    created: Option<(String, Option<String>)>,
    members: Vec<(String, Option<(UserId, bool)>)>,
}

/// What [`Authority::team`] finds.
pub(super) struct InTeam<'a> {
    pub created: &'a str,
    pub creator: Option<&'a str>,
    pub member: bool,
}

#[derive(Default)]
pub(super) struct Authority {
    people: HashMap<UserId, Person>,
    teams: HashMap<TeamId, Team>,
}

impl Authority {
    /// Forgets what it read if `kind` (of an op just taken into the log) changes it.
    pub(super) fn taken(&mut self, kind: &str) {
        if CHANGES_AUTHORITY.contains(&kind) {
            self.people.clear();
            self.teams.clear();
        }
    }

    /// The role `user` was last given as of `hlc` (`None` if they were not added by then or
    /// the record of it cannot be read), and whether they had been disabled before it.
    pub(super) fn person(
        &mut self,
        conn: &Connection,
        user: UserId,
        hlc: &str,
    ) -> Result<(Option<Role>, bool), StoreError> {
        let person = match self.people.entry(user) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(read_person(conn, user)?),
        };
        let role = person
            .added
            .iter()
            .find(|(at, _)| at.as_str() <= hlc)
            .and_then(|(_, role)| *role);
        let disabled = person.first_disabled.as_deref().is_some_and(|at| at < hlc);
        Ok((role, disabled))
    }

    /// When `team` was made and by whom (`None` if its record has not arrived), and whether
    /// `user` was a member as of `hlc`.
    pub(super) fn team(
        &mut self,
        conn: &Connection,
        team: TeamId,
        user: UserId,
        hlc: &str,
    ) -> Result<Option<InTeam<'_>>, StoreError> {
        let entry = match self.teams.entry(team) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(read_team(conn, team)?),
        };
        let Some((created, creator)) = &entry.created else {
            return Ok(None);
        };
        let member = entry
            .members
            .iter()
            .filter(|(at, _)| at.as_str() <= hlc)
            .find_map(|(_, change)| match change {
                Some((who, member)) if *who == user => Some(*member),
                _ => None,
            })
            .unwrap_or(false);
        Ok(Some(InTeam {
            created,
            creator: creator.as_deref(),
            member,
        }))
    }
}

fn read_person(conn: &Connection, user: UserId) -> Result<Person, StoreError> {
    let id = user.to_string();
    let added = conn
        .prepare_cached(
            "SELECT hlc, payload FROM ops WHERE kind = 'user_added' AND entity = ?1 \
             ORDER BY hlc DESC, device DESC",
        )?
        .query_map([&id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .map(|row| {
            let (hlc, payload) = row?;
            let role = match OpBody::decode(&payload) {
                Some(OpBody::UserAdded { role, .. }) => Some(role),
                _ => None,
            };
            Ok((hlc, role))
        })
        .collect::<Result<_, rusqlite::Error>>()?;
    let first_disabled = conn
        .prepare_cached("SELECT min(hlc) FROM ops WHERE kind = 'user_disabled' AND entity = ?1")?
        .query_row([&id], |r| r.get(0))?;
    Ok(Person {
        added,
        first_disabled,
    })
}

fn read_team(conn: &Connection, team: TeamId) -> Result<Team, StoreError> {
    let id = team.to_string();
    let mut created = conn
        .prepare_cached(
            "SELECT hlc, author FROM ops WHERE kind = 'team_added' AND entity = ?1 \
             ORDER BY hlc, device, idx LIMIT 1",
        )?
        .query_map([&id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    let members = conn
        .prepare_cached(
            "SELECT hlc, payload FROM ops \
             WHERE kind = 'team_member_set' AND entity = ?1 \
             ORDER BY hlc DESC, device DESC, op_id DESC",
        )?
        .query_map([&id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .map(|row| {
            let (order, payload) = row?;
            let change = match OpBody::decode(&payload) {
                Some(OpBody::TeamMemberSet { user, member, .. }) => Some((user, member)),
                _ => None,
            };
            Ok((order, change))
        })
        .collect::<Result<_, rusqlite::Error>>()?;
    Ok(Team {
        created: created.pop(),
        members,
    })
}
