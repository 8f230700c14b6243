package io.tributary.agent;

/** The only reasons the agent restarts a healthy broker. */
enum RestartReason {
    /** The rendered server.properties (its SHA-256) differs. */
    CONFIG_CHANGED,
    /** The desired Kafka version differs from the running one. */
    KAFKA_VERSION_CHANGED,
    /** The desired heap size or JVM options differ. */
    JVM_CHANGED,
    /** The control plane asked for a restart: the desired restart nonce differs from the running broker's. */
    RESTART_REQUESTED
}
