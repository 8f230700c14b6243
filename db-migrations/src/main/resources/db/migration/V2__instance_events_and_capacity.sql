-- What happened to an instance without a user asking: disk capacity actions and the like.
CREATE TABLE instance_events (
    id           uuid PRIMARY KEY,
    instance_id  uuid          NOT NULL REFERENCES instances (id),
    type         varchar(32)   NOT NULL,
    message      varchar(2000) NOT NULL,
    node_id      integer,
    occurred_at  timestamptz   NOT NULL
);
CREATE INDEX instance_events_instance ON instance_events (instance_id, occurred_at DESC);

-- Per broker host: whether the capacity guard is acting on it, so each episode is recorded once.
ALTER TABLE hosts ADD COLUMN capacity_state varchar(16) NOT NULL DEFAULT 'NORMAL';
ALTER TABLE hosts ADD COLUMN capacity_acted_at timestamptz;
