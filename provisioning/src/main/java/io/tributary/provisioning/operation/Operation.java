package io.tributary.provisioning.operation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A long action on an instance, with the progress the console and Terraform follow. */
@Entity
@Table(name = "operations")
public class Operation {

    @Id
    private UUID id;
    private UUID projectId;
    private UUID instanceId;
    @Enumerated(EnumType.STRING)
    private OperationType type;
    @Enumerated(EnumType.STRING)
    private OperationStatus status;
    private int percent;
    private String currentStep;
    // what the current step waits for, in words ("waiting: partition t-0 would fall below ..."); null: nothing said
    private String detail;
    private String error;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant deadlineAt;
    // the one broker an operation is about (a restart of one broker); null: all of them. A scale-out or scale-in:
    // the lowest node id it adds or removes (the brokers from it on are the operation's)
    private Integer targetNodeId;
    // set while the operation waits for the instance's maintenance window; cleared when it begins or starts early
    private Instant scheduledAt;
    // what the change behind a scheduled operation replaced, as JSON, for a cancel to set back; null: nothing
    private String undo;
    // written only by OperationRepository's conditional UPDATEs: an entity save (a cancel, a progress
    // record) must neither clear a running worker's lease nor move it back
    @Column(insertable = false, updatable = false)
    private String leaseOwner;
    @Column(insertable = false, updatable = false)
    private Instant leaseUntil;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant finishedAt;
    @Version
    private long version;

    protected Operation() {
    }

    Operation(UUID id, UUID projectId, UUID instanceId, OperationType type, Instant now, Instant deadline) {
        this.id = id;
        this.projectId = projectId;
        this.instanceId = instanceId;
        this.type = type;
        this.status = OperationStatus.PENDING;
        this.nextAttemptAt = now;
        this.deadlineAt = deadline;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Records that {@code step} is now being worked on, at {@code percent}. */
    public void progress(String step, int percent, Instant now) {
        this.status = OperationStatus.RUNNING;
        if (percent >= this.percent) {
            // steps re-run from the first on every pass; one already passed does not move the bar back
            if (!step.equals(this.currentStep)) {
                this.detail = null;
            }
            this.currentStep = step;
            this.percent = percent;
        }
        this.updatedAt = now;
    }

    /** What the current step is waiting for, in words. */
    public void explain(String detail) {
        this.detail = detail;
    }

    /** The step is waiting for the outside world; look again at {@code when}. */
    public void waitUntil(Instant when, Instant now) {
        this.nextAttemptAt = when;
        this.updatedAt = now;
    }

    /** The step failed; retry at {@code when} and remember why. */
    public void retryAt(Instant when, String reason, Instant now) {
        this.attempts++;
        this.error = reason;
        this.nextAttemptAt = when;
        this.updatedAt = now;
    }

    /** Waits, not begun, until {@code at} (the start of a maintenance window); the deadline moves along. */
    public void scheduleFor(Instant at, Instant now) {
        Instant from = scheduledAt != null ? scheduledAt : nextAttemptAt;
        this.deadlineAt = deadlineAt.plus(Duration.between(from, at));
        this.scheduledAt = at;
        this.nextAttemptAt = at;
        this.updatedAt = now;
    }

    /** Whether this is a scheduled operation that has not begun: it may still start early or be cancelled. */
    public boolean isWaitingForWindow() {
        return scheduledAt != null && status == OperationStatus.PENDING && currentStep == null;
    }

    /** A scheduled operation begins at once (the window no longer matters). */
    public void startNow(Instant now) {
        this.deadlineAt = deadlineAt.minus(Duration.between(now, scheduledAt));
        this.scheduledAt = null;
        this.nextAttemptAt = now;
        this.updatedAt = now;
    }

    /** The window came: it begins now and is scheduled no more. */
    public void begin() {
        this.scheduledAt = null;
    }

    public void cancel(Instant now) {
        this.status = OperationStatus.CANCELLED;
        this.error = "cancelled before it began";
        this.finishedAt = now;
        this.updatedAt = now;
    }

    public void succeed(Instant now) {
        this.status = OperationStatus.SUCCEEDED;
        this.percent = 100;
        this.error = null;
        this.detail = null;
        this.finishedAt = now;
        this.updatedAt = now;
    }

    public void fail(String reason, Instant now) {
        this.status = OperationStatus.FAILED;
        this.error = reason;
        this.finishedAt = now;
        this.updatedAt = now;
    }

    public UUID getId() { return id; }
    public UUID getProjectId() { return projectId; }
    public UUID getInstanceId() { return instanceId; }
    public OperationType getType() { return type; }
    public OperationStatus getStatus() { return status; }
    public int getPercent() { return percent; }
    public String getCurrentStep() { return currentStep; }
    public String getDetail() { return detail; }
    public String getError() { return error; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public Instant getDeadlineAt() { return deadlineAt; }
    public Integer getTargetNodeId() { return targetNodeId; }
    void setTargetNodeId(Integer targetNodeId) { this.targetNodeId = targetNodeId; }
    public Instant getScheduledAt() { return scheduledAt; }
    public String getUndo() { return undo; }
    void setUndo(String undo) { this.undo = undo; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public String getLeaseOwner() { return leaseOwner; }
    public Instant getLeaseUntil() { return leaseUntil; }
}
