-- How far this device's own series had reached the hub at the last sync that worked: what is
-- beyond it (and any op not yet given a slot) is waiting to go.
ALTER TABLE sync_links ADD COLUMN own_sent INTEGER NOT NULL DEFAULT -1;
