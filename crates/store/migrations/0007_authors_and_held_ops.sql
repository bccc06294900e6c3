-- Every op names its author, the user signed in on the device that wrote it. Ops written
-- before this have none in the column: the store fills it in once, after this migration, from
-- the op itself (the `by` it records) or else from the audit chain's unlock that was open when
-- the op was written on this device; where neither says, it stays NULL ("not recorded").
ALTER TABLE ops ADD COLUMN author TEXT;
CREATE INDEX ops_by_kind_entity ON ops(kind, entity, hlc);

-- Registers tie on (hlc, device, op_id): two ops with the same clock and device (a copied data
-- folder writing as one device) still resolve the same way on every device. The store refolds
-- the log once after this migration, which fills the column.
ALTER TABLE registers ADD COLUMN op_id TEXT NOT NULL DEFAULT '';

-- Ops from other devices that are kept but not folded: their author was not allowed to do it
-- as of the op, or is not known here yet; the same (device, idx) or op id as a different op
-- (a fork); a clock too far ahead; damaged. Re-examined whenever more ops arrive, shown to
-- administrators, never dropped.
CREATE TABLE held_ops (
    content   BLOB PRIMARY KEY NOT NULL,   -- BLAKE3 of the whole envelope: one row per op
    device    TEXT NOT NULL,
    idx       INTEGER NOT NULL,
    op_id     TEXT NOT NULL,
    hlc       TEXT NOT NULL,
    author    TEXT,
    kind      TEXT NOT NULL,
    entity    TEXT NOT NULL,
    payload   TEXT NOT NULL,
    reason    TEXT NOT NULL,               -- not_allowed, author_unknown, fork, future, damaged
    held_at   TEXT NOT NULL                -- when it first arrived here, RFC 3339 ms
) STRICT;

-- Safety records (a child, a missing report and its events, a flag set) whose author could
-- not be checked: folded and shown like any other, marked "needs checking" until the author's
-- record arrives and allows it.
CREATE TABLE unchecked_ops (
    op_id     TEXT PRIMARY KEY NOT NULL,
    child     TEXT,                        -- the child it concerns, where known
    entity    TEXT NOT NULL,
    reason    TEXT NOT NULL                -- not_allowed, author_unknown
) STRICT;
CREATE INDEX unchecked_by_entity ON unchecked_ops(entity);

-- Work the store does once in Rust after a migration, in the same open (and then removes the
-- row): here, filling in the authors of earlier ops and refolding the log.
CREATE TABLE pending_upgrades (
    name  TEXT PRIMARY KEY NOT NULL
) STRICT;
INSERT INTO pending_upgrades VALUES ('authors');
