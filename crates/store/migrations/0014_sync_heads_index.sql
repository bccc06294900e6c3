-- The slots' places without their sealed bytes: finding each series' head reads this small
-- index, not every page of every sealed record (which made each sync of a large team slow).
CREATE INDEX sync_slots_by_series ON sync_slots(team, device, seq);
