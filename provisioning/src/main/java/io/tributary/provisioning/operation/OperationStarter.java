package io.tributary.provisioning.operation;

import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.instance.InstanceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place an operation is created, with the rules of each type: its deadline, and whether it may start.
 * <ul>
 *   <li>{@code CREATE_INSTANCE}: the first operation of a new instance ({@link #create}).</li>
 *   <li>{@code DELETE_INSTANCE}: always possible; it cancels the instance's unfinished work ({@link #delete}).</li>
 *   <li>every other type changes a running instance: one at a time per instance, only while it is RUNNING
 *       ({@link #refusal}, {@link #start}); a restart of the brokers also while it is DEGRADED (a restart may heal
 *       it).</li>
 * </ul>
 * Every method runs inside the caller's transaction, which also saves the instance (its current operation).
 */
public class OperationStarter {

    static final Duration ROTATION_TIMEOUT = Duration.ofMinutes(30);
    static final Duration RESTART_TIMEOUT = Duration.ofMinutes(60);
    /** Moving replicas can take long (a throttle, much data); the operation says how far it is. */
    static final Duration MOVE_TIMEOUT = Duration.ofHours(12);
    private static final List<OperationStatus> OPEN = List.of(OperationStatus.PENDING, OperationStatus.RUNNING);

    private final OperationRepository operations;
    private final InstanceRepository instances;
    private final Clock clock;
    private final Duration createTimeout;
    private final Duration deleteTimeout;

    public OperationStarter(OperationRepository operations, InstanceRepository instances, Clock clock,
                            Duration createTimeout, Duration deleteTimeout) {
        this.operations = operations;
        this.instances = instances;
        this.clock = clock;
        this.createTimeout = createTimeout;
        this.deleteTimeout = deleteTimeout;
    }

    /**
     * Creates a new instance (not saved yet) with its creation.
     *
     * @throws org.springframework.dao.DataIntegrityViolationException when the instance's name was taken meanwhile
     */
    public Operation create(Instance instance) {
        Operation operation = open(instance, OperationType.CREATE_INSTANCE);
        instances.saveAndFlush(instance);
        operations.save(operation);
        return operation;
    }

    /**
     * Cancels the instance's unfinished work and starts its deletion (the instance moves to DELETING). While an
     * earlier deletion is pending, running or done, that one is returned instead; a failed one is replaced. The
     * caller has loaded the instance with {@link InstanceRepository#findLiveForUpdate}, so a reconciler writing the
     * same rows waits for this transaction instead of making it fail.
     */
    public Operation delete(Instance instance) {
        List<Operation> unfinished = operations.lockOpen(instance.getId());
        if (instance.getStatus() == InstanceStatus.DELETING) {
            Operation current = operations.findById(instance.getCurrentOperationId()).orElseThrow();
            if (current.getStatus() != OperationStatus.FAILED) {
                return current;
            }
        }
        Instant now = clock.instant();
        for (Operation other : unfinished) {
            other.fail("cancelled: the instance is being deleted", now);
        }
        if (instance.getStatus() != InstanceStatus.DELETING) {
            instance.moveTo(InstanceStatus.DELETING, null, now);
        }
        Operation operation = open(instance, OperationType.DELETE_INSTANCE);
        operations.save(operation);
        instances.save(instance);
        return operation;
    }

    /**
     * Why an operation of {@code type} (one that changes a running instance) cannot start now, if it cannot: first an
     * open operation (named, so the caller can follow it), then the instance's state. Locks the instance's row, so
     * two requests cannot both pass and then start two operations.
     */
    public Optional<String> refusal(Instance instance, OperationType type) {
        if (type == OperationType.CREATE_INSTANCE || type == OperationType.DELETE_INSTANCE) {
            throw new IllegalArgumentException(type + " starts through create or delete");
        }
        instances.lockById(instance.getId());
        List<Operation> open = operations.findByInstanceIdAndStatusIn(instance.getId(), OPEN);
        if (!open.isEmpty()) {
            Operation other = open.get(0);
            if (other.isWaitingForWindow()) {
                return Optional.of("another operation of the instance is scheduled for its maintenance window at "
                        + other.getScheduledAt() + ": " + other.getId() + " (" + other.getType() + "); start it now "
                        + "(POST .../operations/" + other.getId() + "/start) or cancel it first");
            }
            return Optional.of("another operation of the instance is in progress: " + other.getId() + " ("
                    + other.getType() + ")");
        }
        boolean healing = type == OperationType.RESTART_BROKERS && instance.getStatus() == InstanceStatus.DEGRADED;
        if (instance.getStatus() != InstanceStatus.RUNNING && !healing) {
            return Optional.of("the instance is " + instance.getStatus() + "; " + describe(type)
                    + " while it is RUNNING");
        }
        return Optional.empty();
    }

    /** Starts an operation of {@code type} on a running instance; the caller has checked {@link #refusal} just now. */
    public Operation start(Instance instance, OperationType type) {
        return start(instance, type, null);
    }

    /** {@link #start(Instance, OperationType)} for one broker of the instance ({@code null}: all of them). */
    public Operation start(Instance instance, OperationType type, Integer targetNodeId) {
        Operation operation = open(instance, type);
        operation.setTargetNodeId(targetNodeId);
        operations.save(operation);
        instances.save(instance);
        return operation;
    }

    /**
     * {@link #start(Instance, OperationType, Integer)} for later: a rolling restart or upgrade that waits (PENDING)
     * until {@code at}, the instance's maintenance window. It holds the instance's one operation slot meanwhile.
     *
     * @param undo what the change behind it replaced (JSON), for a cancel to set back; null: nothing
     */
    public Operation schedule(Instance instance, OperationType type, Integer targetNodeId, Instant at, String undo) {
        if (type != OperationType.RESTART_BROKERS && type != OperationType.UPGRADE_KAFKA) {
            throw new IllegalArgumentException(type + " does not wait for a maintenance window");
        }
        Operation operation = open(instance, type);
        operation.setTargetNodeId(targetNodeId);
        operation.setUndo(undo);
        operation.scheduleFor(at, clock.instant());
        operations.save(operation);
        instances.save(instance);
        return operation;
    }

    private Operation open(Instance instance, OperationType type) {
        Instant now = clock.instant();
        Operation operation = new Operation(UUID.randomUUID(), instance.getProjectId(), instance.getId(), type, now,
                now.plus(deadline(type)));
        instance.setCurrentOperationId(operation.getId());
        return operation;
    }

    private Duration deadline(OperationType type) {
        return switch (type) {
            case CREATE_INSTANCE -> createTimeout;
            case DELETE_INSTANCE -> deleteTimeout;
            case ROTATE_CERTIFICATES -> ROTATION_TIMEOUT;
            case RESTART_BROKERS, UPGRADE_KAFKA -> RESTART_TIMEOUT;
            case SCALE_OUT, SCALE_IN, REBALANCE -> MOVE_TIMEOUT;
        };
    }

    private static String describe(OperationType type) {
        return switch (type) {
            case ROTATE_CERTIFICATES -> "certificates rotate";
            case RESTART_BROKERS -> "brokers restart";
            case UPGRADE_KAFKA -> "Kafka is upgraded";
            case SCALE_OUT, SCALE_IN -> "the broker count changes";
            case REBALANCE -> "partitions are rebalanced";
            case CREATE_INSTANCE, DELETE_INSTANCE -> type.name();
        };
    }
}
