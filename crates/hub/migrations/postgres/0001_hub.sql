-- The hub's own facts: its epoch, made with the database, so devices can tell a wiped or
-- restored hub from the one they last synced with.
CREATE TABLE hub (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    epoch  TEXT NOT NULL
);

-- A team as the hub knows it: its id (made on its first device), and the key id and key
-- check of the team key, which the hub never has.
CREATE TABLE teams (
    id          UUID PRIMARY KEY,
    key_id      TEXT NOT NULL,
    key_check   BYTEA NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One-time tokens from `harbour-hub token`: for a new team (team NULL) or a known one. Only
-- their hash is kept.
CREATE TABLE join_tokens (
    hash     BYTEA PRIMARY KEY,
    team     UUID,
    made_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    used_at  TIMESTAMPTZ
);

-- A device enrolled in a team, found by the hash of its device token.
CREATE TABLE devices (
    token_hash  BYTEA PRIMARY KEY,
    team        UUID NOT NULL REFERENCES teams(id),
    device      UUID NOT NULL,
    joined_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX devices_by_device ON devices(device);

-- Each series' head, so a status is one index read per device however long the series, and
-- an upload locks its series' row while it checks and extends it (several hub processes may
-- serve one database).
CREATE TABLE series (
    team    UUID NOT NULL REFERENCES teams(id),
    device  UUID NOT NULL,
    seq     BIGINT NOT NULL,
    chain   BYTEA NOT NULL,
    PRIMARY KEY (team, device)
);

-- Sealed ops: one row per slot of a team's device series, and each op once per team.
CREATE TABLE ops (
    team      UUID NOT NULL,
    device    UUID NOT NULL,
    seq       BIGINT NOT NULL,
    op_tag    BYTEA NOT NULL,
    sealed    BYTEA NOT NULL,
    chain     BYTEA NOT NULL,
    PRIMARY KEY (team, device, seq),
    UNIQUE (team, op_tag)
);
