-- Children and their missing episodes. Ids are UUIDv7 text; times are RFC 3339 UTC with
-- milliseconds, so they sort as text.
CREATE TABLE children (
    id                    TEXT PRIMARY KEY NOT NULL,
    name_latin            TEXT NOT NULL,
    name_own_script       TEXT,
    date_of_birth         TEXT NOT NULL,
    languages             TEXT NOT NULL,          -- JSON array of strings
    unaccompanied         INTEGER NOT NULL CHECK (unaccompanied IN (0, 1)),
    suspected_trafficked  INTEGER NOT NULL CHECK (suspected_trafficked IN (0, 1)),
    photo_jpeg            BLOB,
    created_at            TEXT NOT NULL
) STRICT;

CREATE TABLE missing_episodes (
    id            TEXT PRIMARY KEY NOT NULL,
    child_id      TEXT NOT NULL REFERENCES children(id),
    started_at    TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL,
    closed_at     TEXT
) STRICT;

-- A child has at most one open episode: pressing "Child missing" twice must not open two.
CREATE UNIQUE INDEX one_open_episode_per_child
    ON missing_episodes(child_id) WHERE closed_at IS NULL;
