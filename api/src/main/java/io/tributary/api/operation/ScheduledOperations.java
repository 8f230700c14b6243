package io.tributary.api.operation;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.operation.OperationRepository;
import io.tributary.provisioning.operation.OperationStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's say over an operation scheduled for the maintenance window, before it begins: start it now, or cancel
 * it (and the change behind it). The instance's row is locked first, as every change of the instance does, then the
 * operation's; a worker that has leased the operation has begun it, and then neither is possible.
 */
@Service
class ScheduledOperations {

    private final OperationRepository operations;
    private final InstanceRepository instances;
    private final ScheduledChangeUndo undo;
    private final Clock clock;

    ScheduledOperations(OperationRepository operations, InstanceRepository instances, ScheduledChangeUndo undo,
                        Clock clock) {
        this.operations = operations;
        this.instances = instances;
        this.undo = undo;
        this.clock = clock;
    }

    @Transactional
    Operation startNow(UUID project, UUID id) {
        Operation op = lockScheduled(project, id, "started early");
        op.startNow(clock.instant());
        return operations.saveAndFlush(op);
    }

    @Transactional
    Operation cancel(UUID project, UUID id) {
        Operation op = lockScheduled(project, id, "cancelled");
        Instance instance = instances.findById(op.getInstanceId()).orElseThrow();
        undo.undo(instance, op);
        Instant now = clock.instant();
        op.cancel(now);
        instance.touch(now);
        instances.save(instance);
        return operations.saveAndFlush(op);
    }

    private Operation lockScheduled(UUID project, UUID id, String what) {
        UUID instanceId = operations.findInstanceId(id, project).orElseThrow(() -> ApiException.notFound("operation " + id));
        instances.findLiveForUpdate(project, instanceId).orElseThrow(() -> ApiException.notFound("operation " + id));
        Operation op = operations.lockById(id).orElseThrow(() -> ApiException.notFound("operation " + id));
        Instant now = clock.instant();
        boolean begun = !op.isWaitingForWindow() || (op.getLeaseUntil() != null && op.getLeaseUntil().isAfter(now));
        if (begun) {
            throw new ApiException(ErrorCode.INVALID_STATE, "operation " + id + " (" + op.getType() + ", "
                    + op.getStatus() + ") cannot be " + what + ": only a scheduled operation that has not begun can"
                    + (op.getScheduledAt() != null && op.getStatus() == OperationStatus.PENDING
                    ? "; it is beginning now" : ""));
        }
        return op;
    }
}
