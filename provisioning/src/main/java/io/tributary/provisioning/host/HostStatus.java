package io.tributary.provisioning.host;

/**
 * PROVISIONING (made, agent not enrolled yet) → READY (enrolled, free) → ASSIGNED (runs a broker)
 * → REMOVED. UNREACHABLE: enrolled but silent for too long.
 */
public enum HostStatus {
    PROVISIONING, READY, ASSIGNED, UNREACHABLE, REMOVED
}
