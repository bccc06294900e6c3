-- Staff who can unlock Harbour: a fold of user_added and user_disabled ops. Their PINs and
-- wrapped keys are not here but in the key file beside the database. From this version on the
-- database file is encrypted (SQLCipher).
CREATE TABLE users (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL,                -- foster_carer, residential_staff, manager, ...
    disabled    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL
) STRICT;

-- Who did what: a user id, or '' for entries written before users existed.
ALTER TABLE audit ADD COLUMN actor TEXT NOT NULL DEFAULT '';
