-- Risk checklist assessments: each a series of insert-only events (started against one version
-- of one checklist, answers, sign-off), a fold of assessment_event_added ops. A changed answer is
-- a new event; the earlier one stays.
CREATE TABLE assessment_events (
    id          TEXT PRIMARY KEY NOT NULL,   -- EventId (UUIDv7)
    assessment  TEXT NOT NULL,
    child       TEXT NOT NULL,
    at          TEXT NOT NULL,               -- when it was recorded, RFC 3339 ms
    by_user     TEXT NOT NULL,
    kind        TEXT NOT NULL,               -- started, answered, signed_off
    record      TEXT NOT NULL                -- the whole AssessmentRecord, JSON
) STRICT;
CREATE INDEX assessment_events_by_assessment ON assessment_events(assessment, at, id);
CREATE INDEX assessment_events_by_child ON assessment_events(child, at, id);
