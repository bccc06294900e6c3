-- Which key file this database belongs to, on this device: the store id that names the device
-- secret, and the data key's generation. A key file that names another store or an older
-- generation (one put back from before a key rotation, or a format 1 file put in place of a
-- format 2 one to escape its MAC) is refused at unlock. Local: never synced.
CREATE TABLE key_state (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    store       TEXT NOT NULL,
    generation  INTEGER NOT NULL
) STRICT;
