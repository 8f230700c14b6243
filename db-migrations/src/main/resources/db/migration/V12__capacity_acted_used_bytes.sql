-- The disk use a broker reported when TIME_BASE last cut data on it: the next cut waits until a report shows less
-- than that (the cut's space is free and the disk is still full), not only until a fixed time has passed.
ALTER TABLE hosts ADD COLUMN capacity_acted_used_bytes bigint;
