-- Settings a user can change after ordering, and what the brokers were started with.
ALTER TABLE instances ADD COLUMN auto_create_topics boolean NOT NULL DEFAULT false;
-- log.retention.hours in the brokers' static config; later changes go to dynamic config (no restart).
ALTER TABLE instances ADD COLUMN broker_retention_hours integer;
UPDATE instances SET broker_retention_hours = retention_hours;

-- Each instance's own certificate authority; the key is sealed with the control plane's secret key.
ALTER TABLE instances ADD COLUMN ca_certificate text;
ALTER TABLE instances ADD COLUMN ca_key_enc text;
-- The brokers' internal (mutual TLS) listener, which the control plane's own clients use.
ALTER TABLE instances ADD COLUMN internal_bootstrap_servers varchar(4000);

-- Each broker's certificate (SANs: its host), issued once by the instance CA; the key is sealed.
ALTER TABLE brokers ADD COLUMN tls_certificate text;
ALTER TABLE brokers ADD COLUMN tls_key_enc text;

-- SASL users. No password is kept: only its SCRAM-SHA-512 salted form, the same Kafka keeps, which the
-- brokers' PLAIN handler checks passwords against.
CREATE TABLE kafka_users (
    instance_id         uuid         NOT NULL REFERENCES instances (id),
    name                varchar(64)  NOT NULL,
    admin               boolean      NOT NULL DEFAULT false,
    salt                varchar(128) NOT NULL,
    iterations          integer      NOT NULL,
    stored_key          varchar(256) NOT NULL,
    created_at          timestamptz  NOT NULL,
    password_changed_at timestamptz,
    PRIMARY KEY (instance_id, name)
);
