-- A partition rebalance: on its own (a REBALANCE operation) or the part of a scale-out or scale-in that moves
-- replicas. The plan (the target replicas of every partition that changes, JSON) is fixed once computed, so a
-- control plane that restarts carries on towards the same target; a cancel is requested here and carried out by
-- the worker holding the operation's lease.
CREATE TABLE rebalances (
    operation_id              uuid PRIMARY KEY REFERENCES operations (id),
    instance_id               uuid        NOT NULL REFERENCES instances (id),
    throttle_bytes_per_second bigint,
    plan                      text,
    partitions_to_move        integer     NOT NULL DEFAULT 0,
    partitions_moved          integer     NOT NULL DEFAULT 0,
    bytes_to_move             bigint      NOT NULL DEFAULT 0,
    cancel_requested          boolean     NOT NULL DEFAULT FALSE,
    cancelled                 boolean     NOT NULL DEFAULT FALSE,
    created_at                timestamptz NOT NULL,
    version                   bigint      NOT NULL DEFAULT 0
);
CREATE INDEX rebalances_instance ON rebalances (instance_id, created_at DESC);
