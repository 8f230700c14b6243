-- An operation scheduled for the instance's maintenance window waits (PENDING) until scheduled_at; undo holds what the
-- change that made it replaced (flavor, broker settings, Kafka version, as JSON), set back if the user cancels it.
ALTER TABLE operations ADD COLUMN scheduled_at timestamptz;
ALTER TABLE operations ADD COLUMN undo text;
