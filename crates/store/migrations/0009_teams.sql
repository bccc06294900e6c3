-- Teams: one household or one children's home. A child belongs to the team its `child_added`
-- op names; the home's settings are the team's; staff see only the children of their teams.
-- Every op names its team in its envelope (a hub routes by it). Stores from before this get one
-- team, made on this device when the store opens after this migration: every earlier op is put
-- in it and every member of staff joins it.
ALTER TABLE ops ADD COLUMN team TEXT;
ALTER TABLE held_ops ADD COLUMN team TEXT;
ALTER TABLE children ADD COLUMN team TEXT;
CREATE INDEX children_by_team ON children(team);

-- A fold of team_added and team_named.
CREATE TABLE teams (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,                -- '' until someone names it
    created_at  TEXT NOT NULL
) STRICT;

-- A fold of team_member_set: who is in which team now.
CREATE TABLE team_members (
    team  TEXT NOT NULL,
    user  TEXT NOT NULL,
    PRIMARY KEY (team, user)
) STRICT;
CREATE INDEX team_members_by_user ON team_members(user, team);

INSERT INTO pending_upgrades VALUES ('teams');
