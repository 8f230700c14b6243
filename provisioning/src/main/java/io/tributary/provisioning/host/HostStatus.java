package io.tributary.provisioning.host;

/**
 * PROVISIONING (made, agent not enrolled yet) → READY (enrolled, free) → ASSIGNED (runs a broker)
 * → RELEASING (pool hosts: told to wipe everything of the instance) → READY once the agent confirmed
 * the wipe; any → REMOVED. UNREACHABLE: enrolled but silent for too long.
 */
public enum HostStatus {
    PROVISIONING, READY, ASSIGNED, RELEASING, UNREACHABLE, REMOVED
}
