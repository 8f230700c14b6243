package io.tributary.provisioning.instance;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of an instance. Allowed transitions:
 * <pre>
 * CREATING  → RUNNING | CREATE_FAILED | DELETING
 * RUNNING   → DEGRADED | RESTARTING | UPGRADING | EXTENDING | DELETING
 * DEGRADED  → RUNNING | RESTARTING | DELETING
 * RESTARTING → RUNNING | DELETING
 * UPGRADING → RUNNING | DELETING
 * EXTENDING → RUNNING | DELETING
 * CREATE_FAILED → DELETING
 * DELETING  → DELETED
 * FROZEN → DELETING
 * </pre>
 * RESTARTING: a rolling restart is under way (the brokers serve, one at a time restarting); it ends RUNNING
 * whether the restart succeeds or fails (the health monitor then judges the brokers again). UPGRADING is the same
 * for a rolling restart onto a newer Kafka, which then finalizes the metadata version. EXTENDING: brokers are being
 * added or removed (a scale-out or scale-in), the others serve throughout; it too ends RUNNING either way. FROZEN
 * belongs to a later operation: nothing moves an instance into it yet, and the only way out is a deletion.
 */
public enum InstanceStatus {
    CREATING, CREATE_FAILED, RUNNING, DEGRADED, RESTARTING, EXTENDING, UPGRADING, FROZEN, DELETING, DELETED;

    public Set<InstanceStatus> next() {
        return switch (this) {
            case CREATING -> EnumSet.of(RUNNING, CREATE_FAILED, DELETING);
            case RUNNING -> EnumSet.of(DEGRADED, RESTARTING, UPGRADING, EXTENDING, DELETING);
            case DEGRADED -> EnumSet.of(RUNNING, RESTARTING, DELETING);
            case CREATE_FAILED -> EnumSet.of(DELETING);
            case DELETING -> EnumSet.of(DELETED);
            case RESTARTING, UPGRADING, EXTENDING -> EnumSet.of(RUNNING, DELETING);
            case FROZEN -> EnumSet.of(DELETING);
            case DELETED -> EnumSet.noneOf(InstanceStatus.class);
        };
    }

    public boolean canMoveTo(InstanceStatus target) {
        return next().contains(target);
    }

    /** Whether the instance has working brokers a user can connect to. */
    public boolean isServing() {
        return this == RUNNING || this == DEGRADED || this == RESTARTING || this == UPGRADING || this == EXTENDING;
    }
}
