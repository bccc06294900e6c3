//! Teams: one household or one children's home. A child belongs to one team; the home's
//! settings (contacts, help numbers) are the team's; a member of staff sees only the children of
//! the teams they are in. A device holds one or more teams (a placement officer's several).

use serde::{Deserialize, Serialize};

use crate::child::{Field, FieldError, FieldProblem};
use crate::ids::{TeamId, UserId};

/// The longest name a team may have, in characters.
pub const TEAM_NAME_MAX: usize = 80;

/// A team as the app shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    pub id: TeamId,
    /// Empty until someone names it (a device with one team never needs to).
    pub name: String,
    /// Who is in it now.
    pub members: Vec<UserId>,
    /// Whether the signed-in member of staff is in it (only then are its children shown).
    pub mine: bool,
}

/// The teams the app shows, with the one whose settings are shown now and each of the
/// signed-in member of staff's teams' settings (a child's screens use their own team's).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TeamsView {
    pub teams: Vec<Team>,
    pub current: Option<TeamId>,
    pub settings: Vec<(TeamId, crate::organisation::Organisation)>,
}

impl TeamsView {
    /// The teams the member of staff is in.
    pub fn mine(&self) -> impl Iterator<Item = &Team> {
        self.teams.iter().filter(|t| t.mine)
    }

    /// The settings of `team`, if it is one of theirs.
    pub fn settings_of(&self, team: Option<TeamId>) -> Option<&crate::organisation::Organisation> {
        let team = team?;
        self.settings
            .iter()
            .find(|(t, _)| *t == team)
            .map(|(_, o)| o)
    }

    /// The team's name, if it has one.
    pub fn name_of(&self, team: Option<TeamId>) -> Option<&str> {
        let team = team?;
        self.teams
            .iter()
            .find(|t| t.id == team)
            .map(|t| t.name.as_str())
            .filter(|n| !n.is_empty())
    }
}

/// Checks a team's name: trimmed, at most [`TEAM_NAME_MAX`] characters; empty is allowed
/// ("not named yet").
pub fn validate_team_name(name: &str) -> Result<String, Vec<FieldError>> {
    let name = name.trim();
    if name.chars().count() > TEAM_NAME_MAX {
        return Err(vec![FieldError::new(
            Field::TeamName,
            FieldProblem::TooLong,
        )]);
    }
    Ok(name.to_owned())
}

/// The team a new child joins: the one asked for, if the member of staff is in it; else
/// their only team. `Err` with the field to fix when they are in several and chose none, or
/// chose one they are not in.
pub fn team_for_new_child(
    asked: Option<TeamId>,
    mine: &[TeamId],
) -> Result<Option<TeamId>, Vec<FieldError>> {
    let problem = || vec![FieldError::new(Field::Team, FieldProblem::Required)];
    match (asked, mine) {
        (Some(t), _) if mine.contains(&t) => Ok(Some(t)),
        (Some(_), _) => Err(problem()),
        (None, []) => Ok(None),
        (None, [only]) => Ok(Some(*only)),
        (None, _) => Err(problem()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team(n: u8) -> TeamId {
        format!("01936b6e-7c00-7000-8000-0000000000{n:02x}")
            .parse()
            .unwrap()
    }

    #[test]
    fn a_new_child_joins_the_team_chosen_or_the_only_one() {
        let (a, b) = (team(1), team(2));
        assert_eq!(team_for_new_child(None, &[a]), Ok(Some(a)));
        assert_eq!(team_for_new_child(Some(b), &[a, b]), Ok(Some(b)));
        assert_eq!(team_for_new_child(None, &[]), Ok(None));
        let required = Err(vec![FieldError::new(Field::Team, FieldProblem::Required)]);
        assert_eq!(team_for_new_child(None, &[a, b]), required);
        // Not one of theirs: refused, never put in someone else's team.
        assert_eq!(team_for_new_child(Some(b), &[a]), required);
    }

    #[test]
    fn a_team_name_is_trimmed_and_bounded() {
        assert_eq!(validate_team_name("  Oak House "), Ok("Oak House".into()));
        assert_eq!(validate_team_name(""), Ok(String::new()));
        assert!(validate_team_name(&"x".repeat(TEAM_NAME_MAX + 1)).is_err());
    }
}
