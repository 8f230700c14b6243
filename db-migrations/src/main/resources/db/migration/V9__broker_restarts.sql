-- A rolling restart asks each broker's agent to restart it once: the nonce (the operation's id) goes into the
-- host's desired state, and the agent restarts its broker when the nonce differs from the one it started it with.
ALTER TABLE brokers ADD COLUMN restart_nonce TEXT;

-- The one broker an operation is about (a restart of a single broker); NULL: all of them.
ALTER TABLE operations ADD COLUMN target_node_id INTEGER;

-- What the current step waits for, in words (a roller: which broker, and why).
ALTER TABLE operations ADD COLUMN detail TEXT;
