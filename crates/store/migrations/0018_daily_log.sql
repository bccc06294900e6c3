-- A fold of log_entry_added: each child's daily log, insert-only (a correction or addendum is
-- an entry of its own pointing at the one it amends). `child` is the record it is shown with
-- (a record merged into another's shows with that one). `record` is the entry as JSON.
CREATE TABLE log_entries (
    id           TEXT PRIMARY KEY NOT NULL,
    child        TEXT NOT NULL,
    happened_at  TEXT NOT NULL,
    written_at   TEXT NOT NULL,
    by_user      TEXT NOT NULL,
    amends       TEXT,
    record       TEXT NOT NULL
) STRICT;
CREATE INDEX log_entries_by_child ON log_entries(child, happened_at, id);
CREATE INDEX log_entries_by_amends ON log_entries(amends) WHERE amends IS NOT NULL;
