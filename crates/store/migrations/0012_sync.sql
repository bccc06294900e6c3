-- Sync through a hub. On the wire each team has one dense series per device, numbered by seq
-- (a device's ops for one team, in the order it wrote them): the hub and every device compare
-- series by their last seq and a rolling hash of the sealed bytes.

-- Every slot this device has sent or received: the sealed bytes exactly as the hub holds them
-- (so a wiped hub can be given them back unchanged) and the rolling hash up to and including
-- the slot. Written in the same transaction as the ops they carry: this table is the download
-- checkpoint, and what is in it has been folded.
CREATE TABLE sync_slots (
    team    TEXT NOT NULL,
    device  TEXT NOT NULL,
    seq     INTEGER NOT NULL,
    op_id   TEXT NOT NULL,
    sealed  BLOB NOT NULL,
    chain   BLOB NOT NULL,
    PRIMARY KEY (team, device, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX sync_slots_by_op ON sync_slots(op_id);

-- The hubs this store syncs with, one row per team. The team key seals every op of the team;
-- it never leaves the store except sealed into an invitation.
CREATE TABLE sync_links (
    team            TEXT PRIMARY KEY NOT NULL,
    hub             TEXT NOT NULL,          -- https://host:port
    fingerprint     TEXT,                   -- SHA-256 of the hub's certificate, when pinned
    device_token    TEXT NOT NULL,
    team_key        BLOB NOT NULL,
    key_id          TEXT NOT NULL,
    epoch           TEXT,                   -- the hub's epoch at the last sync
    joined_at       TEXT NOT NULL,
    last_synced_at  TEXT,
    last_error      TEXT                    -- an error code from the last try, NULL if it worked
) STRICT;
