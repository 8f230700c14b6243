-- Audit events are never lost to a column's length: ACL ids (seven base64 fields), grants and long topic or
-- group names did not fit varchar(100), and the failed insert left the change without a record.
ALTER TABLE audit_events ALTER COLUMN resource_id TYPE text;
ALTER TABLE audit_events ALTER COLUMN detail TYPE text;
ALTER TABLE audit_events ALTER COLUMN actor TYPE text;
-- PENDING: written before the change is made, its outcome (SUCCESS or FAILURE) set once the request ends.
ALTER TABLE audit_events ALTER COLUMN result TYPE varchar(16);
