-- A child's record left behind: moved to another team on the same hub (`child_moved_out`, the
-- team's id, name and when, as JSON), or merged into another record of the same child
-- (`children_merged`: the kept child's id and when, as JSON). Either makes it read-only here.
-- Folds of registers that only these new ops write: nothing to refold.
ALTER TABLE children ADD COLUMN moved_to TEXT;
ALTER TABLE children ADD COLUMN merged_into TEXT;
