-- Tenancy: accounts own projects; users are members of projects with a role.
CREATE TABLE accounts (
    id          uuid PRIMARY KEY,
    name        varchar(100) NOT NULL,
    created_at  timestamptz  NOT NULL
);

CREATE TABLE users (
    id              uuid PRIMARY KEY,
    account_id      uuid         NOT NULL REFERENCES accounts (id),
    username        varchar(63)  NOT NULL UNIQUE,
    platform_admin  boolean      NOT NULL DEFAULT false,
    created_at      timestamptz  NOT NULL
);

CREATE TABLE projects (
    id           uuid PRIMARY KEY,
    account_id   uuid          NOT NULL REFERENCES accounts (id),
    name         varchar(63)   NOT NULL,
    description  varchar(500),
    created_at   timestamptz   NOT NULL,
    CONSTRAINT projects_name_per_account UNIQUE (account_id, name)
);

CREATE TABLE project_members (
    project_id  uuid        NOT NULL REFERENCES projects (id),
    user_id     uuid        NOT NULL REFERENCES users (id),
    role        varchar(16) NOT NULL CHECK (role IN ('owner', 'operator', 'viewer')),
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (project_id, user_id)
);

-- API keys: only a SHA-256 of the token is kept; the token is shown once.
CREATE TABLE api_keys (
    id            uuid PRIMARY KEY,
    user_id       uuid         NOT NULL REFERENCES users (id),
    name          varchar(100) NOT NULL,
    prefix        varchar(16)  NOT NULL,
    token_hash    varchar(64)     NOT NULL UNIQUE,
    created_at    timestamptz  NOT NULL,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
CREATE INDEX api_keys_user ON api_keys (user_id);

CREATE TABLE instances (
    id                     uuid PRIMARY KEY,
    project_id             uuid          NOT NULL REFERENCES projects (id),
    name                   varchar(63)   NOT NULL,
    description            varchar(1000),
    status                 varchar(20)   NOT NULL,
    status_reason          varchar(1000),
    flavor                 varchar(40)   NOT NULL,
    broker_count           integer       NOT NULL,
    availability_zones     text          NOT NULL,  -- JSON array
    storage_gb             integer       NOT NULL,
    kafka_version          varchar(20)   NOT NULL,
    security_protocol      varchar(20)   NOT NULL,
    sasl_mechanisms        text          NOT NULL,  -- JSON array
    admin_username         varchar(64),
    admin_password_enc     text,                    -- AES-GCM, never returned
    allowed_cidrs          text          NOT NULL,  -- JSON array
    retention_hours        integer       NOT NULL,
    capacity_policy        varchar(20)   NOT NULL,
    maintenance_window     text,                    -- JSON object
    billing_mode           varchar(20)   NOT NULL,
    billing_period_months  integer,
    billing_auto_renew     boolean       NOT NULL DEFAULT false,
    tags                   text          NOT NULL,  -- JSON object
    broker_config          text          NOT NULL,  -- JSON object
    cluster_id             varchar(32),
    bootstrap_servers      varchar(2000),
    current_operation_id   uuid,
    created_at             timestamptz   NOT NULL,
    updated_at             timestamptz   NOT NULL,
    deleted_at             timestamptz,
    version                bigint        NOT NULL DEFAULT 0
);
-- A name is unique among a project's live instances; a deleted one frees it.
CREATE UNIQUE INDEX instances_name_per_project ON instances (project_id, name) WHERE status <> 'DELETED';
CREATE INDEX instances_project ON instances (project_id, created_at DESC);

-- Long actions on an instance. The reconciler leases one at a time (lease_owner/lease_until),
-- so several control-plane replicas never run the same operation at once.
CREATE TABLE operations (
    id               uuid PRIMARY KEY,
    project_id       uuid          NOT NULL REFERENCES projects (id),
    instance_id      uuid          NOT NULL REFERENCES instances (id),
    type             varchar(32)   NOT NULL,
    status           varchar(16)   NOT NULL,
    percent          integer       NOT NULL DEFAULT 0,
    current_step     varchar(40),
    error            varchar(2000),
    attempts         integer       NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz   NOT NULL,
    deadline_at      timestamptz   NOT NULL,
    lease_owner      varchar(100),
    lease_until      timestamptz,
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    finished_at      timestamptz,
    version          bigint        NOT NULL DEFAULT 0
);
CREATE INDEX operations_runnable ON operations (next_attempt_at) WHERE status IN ('PENDING', 'RUNNING');
CREATE INDEX operations_project ON operations (project_id, created_at DESC);

-- Broker hosts of every provider. A local host is a broker-agent process on this machine with
-- its own port block; a pool host enrolled by itself.
CREATE TABLE hosts (
    id                     uuid PRIMARY KEY,
    provider               varchar(16)   NOT NULL,
    availability_zone      varchar(63)   NOT NULL,
    address                varchar(255),
    status                 varchar(16)   NOT NULL,
    instance_id            uuid          REFERENCES instances (id),
    node_id                integer,
    port_base              integer,
    agent_home             varchar(1000),
    agent_pid              bigint,
    join_token_hash        varchar(64)      UNIQUE,
    join_token_expires_at  timestamptz,
    credential_hash        varchar(64)      UNIQUE,
    desired_state          text,
    desired_generation     bigint        NOT NULL DEFAULT 0,
    observed_state         text,
    observed_generation    bigint,
    broker_status          varchar(16),
    last_seen_at           timestamptz,
    created_at             timestamptz   NOT NULL,
    updated_at             timestamptz   NOT NULL,
    version                bigint        NOT NULL DEFAULT 0
);
-- One live host per broker of an instance, and one live local host per port block.
CREATE UNIQUE INDEX hosts_one_per_broker ON hosts (instance_id, node_id) WHERE status <> 'REMOVED' AND instance_id IS NOT NULL;
CREATE UNIQUE INDEX hosts_local_port_block ON hosts (port_base) WHERE status <> 'REMOVED' AND provider = 'local';

-- Join tokens for pool hosts that register themselves on enrollment (cloud-init).
CREATE TABLE join_tokens (
    id                 uuid PRIMARY KEY,
    token_hash         varchar(64)     NOT NULL UNIQUE,
    availability_zone  varchar(63)  NOT NULL,
    expires_at         timestamptz  NOT NULL,
    used_at            timestamptz,
    created_at         timestamptz  NOT NULL
);

CREATE TABLE brokers (
    instance_id        uuid          NOT NULL REFERENCES instances (id),
    node_id            integer       NOT NULL,
    availability_zone  varchar(63)   NOT NULL,
    roles              varchar(40)   NOT NULL,  -- "broker" or "broker,controller"
    host_id            uuid          REFERENCES hosts (id),
    PRIMARY KEY (instance_id, node_id)
);

CREATE TABLE audit_events (
    id             uuid PRIMARY KEY,
    actor          varchar(63)   NOT NULL,
    project_id     uuid,
    action         varchar(60)   NOT NULL,
    resource_type  varchar(40)   NOT NULL,
    resource_id    varchar(100),
    result         varchar(10)   NOT NULL,
    detail         varchar(2000),
    occurred_at    timestamptz   NOT NULL
);
CREATE INDEX audit_events_project ON audit_events (project_id, occurred_at DESC);
