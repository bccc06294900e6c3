-- A member of staff was disabled on another device while this one had the store open twice (a
-- sync in the background): their entry went at once, and the data key is replaced at the
-- first chance (the app's own connection, once the sync's has closed, or the next unlock).
CREATE TABLE rotation_due (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    since  TEXT NOT NULL
) STRICT;
