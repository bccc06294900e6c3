-- The op log: every change is an op appended to its device's dense series (device, idx). The
-- children and missing_episodes tables become folds of the log, through last-writer-wins
-- registers ordered by (hlc, device). Existing rows are turned into ops when the store opens.

CREATE TABLE device (
    id        TEXT PRIMARY KEY NOT NULL,   -- this install's DeviceId (UUIDv7)
    next_idx  INTEGER NOT NULL,            -- idx of the next op this device writes
    last_hlc  TEXT NOT NULL                -- the clock survives restarts through this
) STRICT;

CREATE TABLE ops (
    device   TEXT NOT NULL,
    idx      INTEGER NOT NULL,
    op_id    TEXT NOT NULL UNIQUE,
    hlc      TEXT NOT NULL,
    kind     TEXT NOT NULL,
    entity   TEXT NOT NULL,
    payload  TEXT NOT NULL,                -- JSON; unknown kinds are kept as they came
    PRIMARY KEY (device, idx)
) STRICT;
CREATE INDEX ops_by_hlc ON ops(hlc, device, idx);

-- One register per field of each record: the value of the latest write by (hlc, device).
-- Losing values stay in the op log.
CREATE TABLE registers (
    entity  TEXT NOT NULL,
    field   TEXT NOT NULL,
    value   TEXT NOT NULL,                 -- JSON
    hlc     TEXT NOT NULL,
    device  TEXT NOT NULL,
    PRIMARY KEY (entity, field)
) STRICT;

-- Two devices can each open an episode for the same child before they sync; both are kept.
-- "One open episode per child" is checked where the carer presses the button, not here.
DROP INDEX one_open_episode_per_child;

-- An episode can arrive from another device before its child does: the fold must be able to
-- hold it, so the foreign key goes (the registers, not the projection, are the truth).
CREATE TABLE missing_episodes_new (
    id            TEXT PRIMARY KEY NOT NULL,
    child_id      TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL,
    closed_at     TEXT
) STRICT;
INSERT INTO missing_episodes_new SELECT id, child_id, started_at, last_seen_at, closed_at
    FROM missing_episodes;
DROP TABLE missing_episodes;
ALTER TABLE missing_episodes_new RENAME TO missing_episodes;
CREATE INDEX open_episodes_by_child ON missing_episodes(child_id) WHERE closed_at IS NULL;
