-- What happened during each missing episode: police report, notifications, updates, found,
-- return interview, close. Insert-only rows, a fold of episode_event_added ops; a correction is a
-- new event, never an edit.
CREATE TABLE episode_events (
    id        TEXT PRIMARY KEY NOT NULL,     -- EventId (UUIDv7)
    episode   TEXT NOT NULL,
    at        TEXT NOT NULL,                 -- when it was recorded, RFC 3339 ms
    by_user   TEXT NOT NULL,
    kind      TEXT NOT NULL,                 -- police_reported, notified, update, ...
    record    TEXT NOT NULL                  -- the whole EventRecord, JSON
) STRICT;
CREATE INDEX episode_events_by_episode ON episode_events(episode, at, id);
