-- The hub's own facts: its epoch, made with the database, so devices can tell a wiped or
-- restored hub from the one they last synced with.
CREATE TABLE hub (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    epoch  TEXT NOT NULL
) STRICT;

-- A team as the hub knows it: its id (made on its first device), and the key id and key
-- check of the team key, which the hub never has.
CREATE TABLE teams (
    id          TEXT PRIMARY KEY NOT NULL,
    key_id      TEXT NOT NULL,
    key_check   BLOB NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;

-- One-time tokens from `harbour-hub token`: for a new team (team NULL) or a known one. Only
-- their hash is kept.
CREATE TABLE join_tokens (
    hash     BLOB PRIMARY KEY NOT NULL,
    team     TEXT,
    made_at  TEXT NOT NULL,
    used_at  TEXT
) STRICT;

-- A device enrolled in a team, found by the hash of its device token.
CREATE TABLE devices (
    token_hash  BLOB PRIMARY KEY NOT NULL,
    team        TEXT NOT NULL REFERENCES teams(id),
    device      TEXT NOT NULL,
    joined_at   TEXT NOT NULL,
    revoked_at  TEXT
) STRICT;
CREATE INDEX devices_by_device ON devices(device);

-- Sealed ops: one row per slot of a team's device series, and each op once per team.
CREATE TABLE ops (
    team      TEXT NOT NULL,
    device    TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    op_tag    BLOB NOT NULL,
    sealed    BLOB NOT NULL,
    chain     BLOB NOT NULL,
    PRIMARY KEY (team, device, seq),
    UNIQUE (team, op_tag)
) STRICT, WITHOUT ROWID;
