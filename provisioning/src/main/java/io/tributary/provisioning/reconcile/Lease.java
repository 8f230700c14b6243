package io.tributary.provisioning.reconcile;

import io.tributary.provisioning.operation.OperationRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This replica's lease on one operation. The worker asks {@link #holdForNextStep()} before every
 * step: a conditional {@code UPDATE} that extends the lease only while this replica still owns it
 * and the operation is unfinished, so a worker whose lease was taken (it ran out while the worker
 * was stalled, and another replica leased the operation) or whose operation was cancelled stops
 * before doing anything more. {@link #renew()} runs on its own thread and keeps the lease of a
 * worker busy in one long step; once renewal finds the lease gone, the lease stays lost.
 */
public final class Lease {

    private final UUID operationId;
    private final String owner;
    private final Duration length;
    private final OperationRepository operations;
    private final TransactionTemplate tx;
    private final Clock clock;
    private volatile boolean lost;

    public Lease(UUID operationId, String owner, Duration length, OperationRepository operations,
                 TransactionTemplate tx, Clock clock) {
        this.operationId = operationId;
        this.owner = owner;
        this.length = length;
        this.operations = operations;
        this.tx = tx;
        this.clock = clock;
    }

    /** Extends the lease if it is still ours and the operation still open; false: stop now. */
    public boolean holdForNextStep() {
        if (lost) {
            return false;
        }
        Integer held = tx.execute(s -> operations.extendIfOpen(operationId, owner, clock.instant().plus(length)));
        if (held == null || held != 1) {
            lost = true;
        }
        return !lost;
    }

    /** Keeps the lease while the worker runs (a cancelled operation's worker too, until it stops). */
    boolean renew() {
        if (lost) {
            return false;
        }
        Integer held = tx.execute(s -> operations.renew(operationId, owner, clock.instant().plus(length)));
        if (held == null || held != 1) {
            lost = true;
        }
        return !lost;
    }

    void release() {
        tx.execute(s -> operations.release(operationId, owner));
    }

    public boolean isLost() {
        return lost;
    }

    public UUID operationId() {
        return operationId;
    }

    public String owner() {
        return owner;
    }
}
