-- The audit chain: who did what to whose record, each entry hash-chained (BLAKE3) to the one
-- before, so an edited, removed or reordered entry is found by verify(). Local to this device;
-- entries hold ids, never names or notes.
CREATE TABLE audit (
    seq      INTEGER PRIMARY KEY NOT NULL,   -- 1, 2, 3 ... with no gaps
    at       TEXT NOT NULL,                  -- RFC 3339, milliseconds
    event    TEXT NOT NULL,                  -- e.g. child_viewed
    subject  TEXT NOT NULL,                  -- an id, or '' when the event has none
    hash     BLOB NOT NULL                   -- BLAKE3(previous hash, seq, at, event, subject)
) STRICT;
