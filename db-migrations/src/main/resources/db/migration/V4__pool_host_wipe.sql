-- A released pool host is RELEASING until its agent confirms it wiped the last instance's data, keys,
-- users and desired state: it reports the nonce of the WIPE it was sent, and only then is the host READY
-- (free for another tenant). NULL = no wipe outstanding.
ALTER TABLE hosts ADD COLUMN wipe_nonce varchar(64);
