package io.tributary.provisioning.rebalance;

import io.tributary.provisioning.json.JsonText;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A partition rebalance of an instance, one per operation that moves replicas (REBALANCE, SCALE_OUT, SCALE_IN). */
@Entity
@Table(name = "rebalances")
public class Rebalance {

    @Id
    private UUID operationId;
    private UUID instanceId;
    private Long throttleBytesPerSecond;
    private String plan;
    private int partitionsToMove;
    private int partitionsMoved;
    private long bytesToMove;
    private boolean cancelRequested;
    private boolean cancelled;
    private Instant createdAt;
    @Version
    private long version;

    protected Rebalance() {
    }

    public Rebalance(UUID operationId, UUID instanceId, Long throttleBytesPerSecond, Instant createdAt) {
        this.operationId = operationId;
        this.instanceId = instanceId;
        this.throttleBytesPerSecond = throttleBytesPerSecond;
        this.createdAt = createdAt;
    }

    public UUID getOperationId() { return operationId; }
    public UUID getInstanceId() { return instanceId; }
    public Long getThrottleBytesPerSecond() { return throttleBytesPerSecond; }
    public int getPartitionsToMove() { return partitionsToMove; }
    public int getPartitionsMoved() { return partitionsMoved; }
    public long getBytesToMove() { return bytesToMove; }
    public boolean isCancelRequested() { return cancelRequested; }
    public boolean isCancelled() { return cancelled; }
    public Instant getCreatedAt() { return createdAt; }

    /** The target, once computed; null before. */
    public RebalancePlan plan() {
        return JsonText.read(plan, RebalancePlan.class);
    }

    public boolean isPlanned() {
        return plan != null;
    }

    /** Fixes the target; a plan once set stays. */
    public void planned(RebalancePlan target) {
        if (plan == null) {
            this.plan = JsonText.write(target);
            this.partitionsToMove = target.partitionsToMove();
            this.bytesToMove = target.bytesToMove();
        }
    }

    public void moved(int partitions) {
        this.partitionsMoved = partitions;
    }

    public void requestCancel() {
        this.cancelRequested = true;
    }

    public void cancelled() {
        this.cancelled = true;
    }
}
