-- The slots' places without their sealed bytes: a status finds each series' head in this small
-- index instead of reading every sealed op of the team.
CREATE INDEX ops_by_series ON ops(team, device, seq);
