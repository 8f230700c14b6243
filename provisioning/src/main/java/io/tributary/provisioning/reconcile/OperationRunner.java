package io.tributary.provisioning.reconcile;

import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.host.HostProviders;
import io.tributary.provisioning.host.HostRepository;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.instance.InstanceStatus;
import io.tributary.provisioning.instance.MaintenanceWindow;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.operation.OperationRepository;
import io.tributary.provisioning.operation.OperationType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes one pass over a leased operation: runs its steps in order until one waits or fails,
 * recording the step and percent as it goes. Before every step (and every repeat of a step) the
 * worker checks that the lease is still its own and the operation still open, and stops
 * otherwise. A failing step is retried with backoff; after {@link #MAX_ATTEMPTS} failures, or
 * past the deadline, the operation fails with the reason.
 */
public class OperationRunner {

    static final int MAX_ATTEMPTS = 6;
    private static final Logger log = LoggerFactory.getLogger(OperationRunner.class);

    private final OperationRepository operations;
    private final InstanceRepository instances;
    private final HostRepository hosts;
    private final HostProviders providers;
    private final CreateInstanceWorkflow create;
    private final DeleteInstanceWorkflow delete;
    private final RotateCertificatesWorkflow rotate;
    private final RestartBrokersWorkflow restart;
    private final ScaleBrokersWorkflow scale;
    private final RebalanceWorkflow rebalance;
    private final TransactionTemplate tx;
    private final Clock clock;

    public OperationRunner(OperationRepository operations, InstanceRepository instances, HostRepository hosts,
                           HostProviders providers, CreateInstanceWorkflow create, DeleteInstanceWorkflow delete,
                           RotateCertificatesWorkflow rotate, RestartBrokersWorkflow restart,
                           ScaleBrokersWorkflow scale, RebalanceWorkflow rebalance, TransactionTemplate tx, Clock clock) {
        this.operations = operations;
        this.instances = instances;
        this.hosts = hosts;
        this.providers = providers;
        this.create = create;
        this.delete = delete;
        this.rotate = rotate;
        this.restart = restart;
        this.scale = scale;
        this.rebalance = rebalance;
        this.tx = tx;
        this.clock = clock;
    }

    /** One pass over the operation, as long as {@code lease} holds. */
    public void run(UUID operationId, Lease lease) {
        run(operationId, lease, null);
    }

    /** One pass with the given steps ({@code null}: those of the operation's type). */
    void run(UUID operationId, Lease lease, List<Step> givenSteps) {
        Operation op = operations.findById(operationId).orElse(null);
        if (op == null || op.getStatus().isFinished()) {
            return;
        }
        Instance instance = instances.findById(op.getInstanceId()).orElseThrow();
        try {
            if (op.isWaitingForWindow() && !windowOpen(op, instance)) {
                return;
            }
            for (Step step : givenSteps != null ? givenSteps : steps(op)) {
                StepResult result;
                do {
                    if (!stillOurs(op, step, lease)
                            || !record(operationId, o -> o.progress(step.name(), step.percent(), clock.instant()))) {
                        return; // finished elsewhere, e.g. a creation cancelled by a delete
                    }
                    result = runStep(op, instance, step, lease);
                    if (result == null) {
                        return;
                    }
                } while (result.again());
                if (!result.complete()) {
                    waitOrTimeOut(op, step, result, lease);
                    return;
                }
            }
            if (!lease.holdForNextStep()) {
                return;
            }
            record(operationId, o -> o.succeed(clock.instant()));
            log.info("instance={} operation={} {} succeeded", op.getInstanceId(), op.getId(), op.getType());
        } catch (OptimisticLockingFailureException e) {
            log.debug("instance={} operation={} changed concurrently; next pass picks it up", op.getInstanceId(), op.getId());
        }
    }

    private List<Step> steps(Operation op) {
        return switch (op.getType()) {
            case CREATE_INSTANCE -> create.steps();
            case DELETE_INSTANCE -> delete.steps();
            case ROTATE_CERTIFICATES -> rotate.steps();
            case RESTART_BROKERS -> restart.steps(op.getTargetNodeId());
            case UPGRADE_KAFKA -> restart.upgradeSteps();
            case SCALE_OUT -> scale.scaleOutSteps();
            case SCALE_IN -> scale.scaleInSteps();
            case REBALANCE -> rebalance.steps();
        };
    }

    /**
     * Whether a scheduled operation may begin now: its instance's maintenance window is open (or the instance has none
     * any more). Otherwise, when the window passed unused (the control plane was down through it) or was moved, it
     * waits for the next one.
     */
    private boolean windowOpen(Operation op, Instance instance) {
        Instant now = clock.instant();
        Optional<MaintenanceWindow> window = MaintenanceWindow.parse(instance.getMaintenanceWindow());
        if (window.isEmpty() || window.get().contains(now)) {
            log.info("instance={} operation={} {} begins in its maintenance window", op.getInstanceId(), op.getId(),
                    op.getType());
            return record(op.getId(), Operation::begin);
        }
        Instant next = window.get().firstChanceFrom(now);
        log.info("instance={} operation={} {} missed its maintenance window; it waits for the next one, at {}",
                op.getInstanceId(), op.getId(), op.getType(), next);
        record(op.getId(), o -> o.scheduleFor(next, now));
        return false;
    }

    /** The fence: the next step runs only if the lease is still ours and the operation open. */
    private static boolean stillOurs(Operation op, Step step, Lease lease) {
        if (lease.holdForNextStep()) {
            return true;
        }
        log.info("instance={} operation={} stops before {}: its lease was taken or the operation finished elsewhere",
                op.getInstanceId(), op.getId(), step.name());
        return false;
    }

    /** Runs a step; on failure schedules a retry or fails the operation, and returns null. */
    private StepResult runStep(Operation op, Instance instance, Step step, Lease lease) {
        try {
            return step.action().run(op, instance);
        } catch (UnsupportedOrderException e) {
            fail(op, e.getMessage(), lease);
            return null;
        } catch (OptimisticLockingFailureException e) {
            throw e;
        } catch (RuntimeException e) {
            Operation current = operations.findById(op.getId()).orElseThrow();
            String reason = step.name() + " failed: " + e.getMessage();
            log.warn("instance={} operation={} step {} failed (attempt {}): {}", op.getInstanceId(), op.getId(),
                    step.name(), current.getAttempts() + 1, e.toString());
            if (current.getAttempts() + 1 >= MAX_ATTEMPTS || clock.instant().isAfter(current.getDeadlineAt())) {
                fail(op, reason, lease);
            } else {
                Duration backoff = Duration.ofSeconds(Math.min(30, 1L << current.getAttempts()));
                record(op.getId(), o -> o.retryAt(clock.instant().plus(backoff), reason, clock.instant()));
            }
            return null;
        }
    }

    private void waitOrTimeOut(Operation op, Step step, StepResult result, Lease lease) {
        Instant now = clock.instant();
        Operation current = operations.findById(op.getId()).orElseThrow();
        if (now.isAfter(current.getDeadlineAt())) {
            fail(op, "timed out in " + step.name() + (result.detail() == null ? "" : ": " + result.detail()), lease);
            return;
        }
        record(op.getId(), o -> {
            if (result.percent() != null) {
                o.progress(step.name(), result.percent(), now);
            }
            if (step.name().equals(o.getCurrentStep())) {
                o.explain(result.detail());
            }
            o.waitUntil(now.plus(result.delay()), now);
        });
    }

    /**
     * Fails the operation; a failed creation leaves the instance CREATE_FAILED with its hosts released.
     * Not when the lease was lost meanwhile: the hosts are then another worker's (or a delete's) to handle.
     */
    private void fail(Operation op, String reason, Lease lease) {
        if (!lease.holdForNextStep()) {
            log.info("instance={} operation={} not failed here ({}): its lease was taken or it finished elsewhere",
                    op.getInstanceId(), op.getId(), reason);
            return;
        }
        log.warn("instance={} operation={} {} failed: {}", op.getInstanceId(), op.getId(), op.getType(), reason);
        if (op.getType() == OperationType.CREATE_INSTANCE) {
            for (Host host : hosts.findLiveByInstance(op.getInstanceId())) {
                try {
                    providers.forHost(host).releaseHost(host);
                } catch (RuntimeException e) {
                    log.warn("instance={} host {} could not be released: {}", op.getInstanceId(), host.getId(), e.toString());
                }
            }
            tx.executeWithoutResult(s -> instances.findById(op.getInstanceId()).ifPresent(i -> {
                if (i.getStatus() == InstanceStatus.CREATING) {
                    i.moveTo(InstanceStatus.CREATE_FAILED, reason, clock.instant());
                    instances.save(i);
                }
            }));
        }
        if (op.getType() == OperationType.RESTART_BROKERS || op.getType() == OperationType.UPGRADE_KAFKA) {
            restart.afterFailure(op.getInstanceId());
        }
        if (op.getType() == OperationType.SCALE_OUT || op.getType() == OperationType.SCALE_IN) {
            afterFailure(op, () -> scale.afterFailure(op));
        }
        if (op.getType() == OperationType.REBALANCE) {
            afterFailure(op, () -> rebalance.afterFailure(op, instances.findById(op.getInstanceId()).orElseThrow()));
        }
        record(op.getId(), o -> o.fail(reason, clock.instant()));
    }

    /** Clean-up after a failure is best effort: the operation fails with its own reason whatever happens here. */
    private static void afterFailure(Operation op, Runnable cleanUp) {
        try {
            cleanUp.run();
        } catch (RuntimeException e) {
            log.warn("instance={} operation={} clean-up after the failure failed: {}", op.getInstanceId(), op.getId(),
                    e.toString());
        }
    }

    /** Applies {@code change} to the operation unless it has finished; false when it had. */
    private boolean record(UUID id, java.util.function.Consumer<Operation> change) {
        Boolean applied = tx.execute(s -> {
            Operation o = operations.findById(id).orElseThrow();
            if (o.getStatus().isFinished()) {
                return false;
            }
            change.accept(o);
            operations.saveAndFlush(o);
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }
}
