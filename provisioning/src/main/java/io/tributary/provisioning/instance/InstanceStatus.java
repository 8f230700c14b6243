package io.tributary.provisioning.instance;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of an instance. Allowed transitions:
 * <pre>
 * CREATING  → RUNNING | CREATE_FAILED | DELETING
 * RUNNING   → DEGRADED | DELETING
 * DEGRADED  → RUNNING | DELETING
 * CREATE_FAILED → DELETING
 * DELETING  → DELETED
 * RESTARTING | EXTENDING | UPGRADING | FROZEN → DELETING
 * </pre>
 * RESTARTING, EXTENDING, UPGRADING and FROZEN belong to later operations: nothing moves an
 * instance into them yet, and from each the only way out is a deletion.
 */
public enum InstanceStatus {
    CREATING, CREATE_FAILED, RUNNING, DEGRADED, RESTARTING, EXTENDING, UPGRADING, FROZEN, DELETING, DELETED;

    public Set<InstanceStatus> next() {
        return switch (this) {
            case CREATING -> EnumSet.of(RUNNING, CREATE_FAILED, DELETING);
            case RUNNING -> EnumSet.of(DEGRADED, DELETING);
            case DEGRADED -> EnumSet.of(RUNNING, DELETING);
            case CREATE_FAILED -> EnumSet.of(DELETING);
            case DELETING -> EnumSet.of(DELETED);
            case RESTARTING, EXTENDING, UPGRADING, FROZEN -> EnumSet.of(DELETING);
            case DELETED -> EnumSet.noneOf(InstanceStatus.class);
        };
    }

    public boolean canMoveTo(InstanceStatus target) {
        return next().contains(target);
    }

    /** Whether the instance has working brokers a user can connect to. */
    public boolean isServing() {
        return this == RUNNING || this == DEGRADED;
    }
}
