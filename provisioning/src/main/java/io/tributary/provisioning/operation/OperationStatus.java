package io.tributary.provisioning.operation;

/** PENDING → RUNNING → SUCCEEDED | FAILED. */
public enum OperationStatus {
    PENDING, RUNNING, SUCCEEDED, FAILED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
