-- Profile fields changed on two devices at once: the value that lost under last-writer-wins,
-- kept for a person to choose between it and the one shown. A fold of the log (rebuilt with
-- it); a later save by someone who saw the value shown settles it.
CREATE TABLE changed_twice (
    entity    TEXT NOT NULL,   -- the child
    key       TEXT NOT NULL,   -- the profile field
    lost_op   TEXT NOT NULL,   -- the op whose value lost
    lost_hlc  TEXT NOT NULL,
    value     TEXT NOT NULL,   -- JSON: the value that lost
    PRIMARY KEY (entity, key, lost_op)
) STRICT;
