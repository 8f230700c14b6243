-- Health means logins work (issue 20). Each SASL instance has a platform probe user whose password the control
-- plane keeps sealed (SecretCipher, like the CA key), so it can log in to each broker after every start.
ALTER TABLE instances ADD COLUMN probe_password_enc TEXT;

-- The last SASL login check of a broker: which start of its process it covered (the agent's broker pid and
-- startedAt) and why logins failed (null: they worked). A broker counts as running only once the check of its
-- current start passed.
ALTER TABLE brokers ADD COLUMN login_checked_start TEXT;
ALTER TABLE brokers ADD COLUMN login_problem TEXT;
