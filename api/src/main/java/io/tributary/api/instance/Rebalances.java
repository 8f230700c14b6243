package io.tributary.api.instance;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import io.tributary.api.kafka.InstanceKafka;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.operation.OperationRepository;
import io.tributary.provisioning.operation.OperationStarter;
import io.tributary.provisioning.operation.OperationType;
import io.tributary.provisioning.rebalance.PartitionMover;
import io.tributary.provisioning.rebalance.Rebalance;
import io.tributary.provisioning.rebalance.RebalancePlan;
import io.tributary.provisioning.rebalance.RebalanceRepository;
import io.tributary.provisioning.rebalance.ReplicaPlanner;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.errors.TimeoutException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's partition rebalances: the dry run's plan, starting one, its progress and its cancellation. */
@Service
class Rebalances {

    /** A rebalance and the operation it belongs to. */
    record Tracked(Rebalance rebalance, Operation operation) {
    }

    private final InstanceRepository instances;
    private final OperationRepository operations;
    private final RebalanceRepository rebalances;
    private final OperationStarter starter;
    private final InstanceKafka kafka;
    private final PartitionMover mover;
    private final Clock clock;

    Rebalances(InstanceRepository instances, OperationRepository operations, RebalanceRepository rebalances,
               OperationStarter starter, InstanceKafka kafka, PartitionMover mover, Clock clock) {
        this.instances = instances;
        this.operations = operations;
        this.rebalances = rebalances;
        this.starter = starter;
        this.kafka = kafka;
        this.mover = mover;
        this.clock = clock;
    }

    /** What a rebalance would move now; changes nothing. */
    RebalancePlan dryRun(UUID project, UUID instanceId) {
        Instance instance = kafka.serving(project, instanceId);
        PartitionMover.Snapshot snapshot;
        try {
            snapshot = mover.read(kafka.admin(instance));
        } catch (TimeoutException | java.util.concurrent.TimeoutException e) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "the instance's brokers did not answer: " + e.getMessage());
        } catch (Exception e) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "cannot read the instance's partitions: " + e.getMessage());
        }
        return ReplicaPlanner.plan(snapshot.brokers(), snapshot.partitions(), Set.of());
    }

    /**
     * Starts a rebalance towards {@code plan} (the caller's {@link #dryRun} just now: what the answer shows is what
     * is carried out). A partition created since stays where it is; one deleted since counts as moved.
     */
    @Transactional
    Operation start(UUID project, UUID instanceId, RebalancePlan plan, Long throttleBytesPerSecond) {
        Instance instance = instances.findLiveForUpdate(project, instanceId)
                .orElseThrow(() -> ApiException.notFound("instance " + instanceId));
        starter.refusal(instance, OperationType.REBALANCE).ifPresent(reason -> {
            throw new ApiException(ErrorCode.INVALID_STATE, reason);
        });
        Operation operation = starter.start(instance, OperationType.REBALANCE);
        Rebalance rebalance = new Rebalance(operation.getId(), instance.getId(), throttleBytesPerSecond, clock.instant());
        rebalance.planned(plan);
        rebalances.save(rebalance);
        return operation;
    }

    @Transactional(readOnly = true)
    Tracked latest(UUID project, UUID instanceId) {
        Instance instance = kafka.visible(project, instanceId);
        Rebalance rebalance = rebalances.findFirstByInstanceIdOrderByCreatedAtDesc(instance.getId())
                .orElseThrow(() -> ApiException.notFound("rebalance of instance " + instanceId));
        return new Tracked(rebalance, operations.findById(rebalance.getOperationId()).orElseThrow());
    }

    @Transactional
    Tracked cancel(UUID project, UUID instanceId) {
        Instance instance = instances.findLiveForUpdate(project, instanceId)
                .orElseThrow(() -> ApiException.notFound("instance " + instanceId));
        Rebalance rebalance = rebalances.findFirstByInstanceIdOrderByCreatedAtDesc(instance.getId())
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_STATE, "the instance has no rebalance running"));
        Operation operation = operations.findById(rebalance.getOperationId()).orElseThrow();
        if (operation.getStatus().isFinished() || rebalance.isCancelled()) {
            throw new ApiException(ErrorCode.INVALID_STATE, "the instance has no rebalance running; the latest, "
                    + operation.getId() + ", is " + operation.getStatus());
        }
        if (operation.getType() == OperationType.SCALE_IN) {
            throw new ApiException(ErrorCode.INVALID_STATE, "a scale-in's moves cannot be cancelled: the brokers it "
                    + "removes must be emptied first");
        }
        rebalance.requestCancel();
        return new Tracked(rebalances.save(rebalance), operation);
    }
}
