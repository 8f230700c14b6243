package io.tributary.provisioning.operation;

/** PENDING → RUNNING → SUCCEEDED | FAILED; a scheduled operation may go PENDING → CANCELLED before it begins. */
public enum OperationStatus {
    PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
