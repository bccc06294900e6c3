-- Whether these records are a demonstration, as a fact of the database itself (a backup or a
-- copied folder carries it): only a demonstration store takes the fictional sample children,
-- so invented children are never mixed into real records. No row: real records. Local: never
-- synced.
CREATE TABLE demo_store (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    marked_at TEXT NOT NULL
) STRICT;
