-- Aiven's termination protection: while true, a DELETE of the instance is refused.
ALTER TABLE instances ADD COLUMN deletion_protection BOOLEAN NOT NULL DEFAULT FALSE;

-- The broker's host still runs an older restart-requiring configuration than the instance's (a desired-state
-- write holds such changes back, so it never restarts more than one broker at a time); the next roll applies it.
ALTER TABLE brokers ADD COLUMN pending_restart BOOLEAN NOT NULL DEFAULT FALSE;
