package io.tributary.provisioning.reconcile;

import io.tributary.provisioning.operation.OperationRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drives operations from database state. Each replica leases due operations (a row-level lease),
 * so an operation runs on one replica at a time, and a replica that dies loses its leases within
 * {@link #LEASE} and another (or the restarted one) resumes the work.
 *
 * <p>Three threads, so none waits for another: the poll ({@link #tick}, its own scheduler) only
 * leases and hands work to the worker pool; the workers run the steps, each fenced by its
 * {@link Lease}; the renewal ({@link #renewLeases}, another scheduler) keeps the leases of busy
 * workers and marks a lease lost when another replica has taken it, so its worker stops.
 */
public class Reconciler {

    public static final String POLL_SCHEDULER = "reconcilerPollScheduler";
    public static final String LEASE_SCHEDULER = "leaseRenewalScheduler";
    static final Duration LEASE = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final OperationRepository operations;
    private final OperationRunner runner;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ExecutorService workers;
    private final int capacity;
    private final String owner;
    private final Map<UUID, Lease> inFlight = new ConcurrentHashMap<>();

    /** {@code capacity}: the worker threads; no more operations are leased than can run at once. */
    public Reconciler(OperationRepository operations, OperationRunner runner, TransactionTemplate tx, Clock clock,
                      ExecutorService workers, int capacity) {
        this.operations = operations;
        this.runner = runner;
        this.tx = tx;
        this.clock = clock;
        this.workers = workers;
        this.capacity = capacity;
        this.owner = "cp-" + UUID.randomUUID();
    }

    @Scheduled(fixedDelay = 200, scheduler = POLL_SCHEDULER)
    public void tick() {
        int free = capacity - inFlight.size();
        if (free <= 0) {
            return; // a leased operation waiting in a queue would be held from other replicas for nothing
        }
        Instant now = clock.instant();
        List<UUID> due = operations.findDue(now, free + inFlight.size());
        for (UUID id : due) {
            if (inFlight.containsKey(id) || inFlight.size() >= capacity) {
                continue;
            }
            Integer leased = tx.execute(s -> operations.lease(id, owner, now, now.plus(LEASE)));
            if (leased != null && leased == 1) {
                Lease lease = new Lease(id, owner, LEASE, operations, tx, clock);
                inFlight.put(id, lease);
                try {
                    workers.submit(() -> runLeased(lease));
                } catch (RejectedExecutionException shuttingDown) {
                    inFlight.remove(id);
                    lease.release();
                }
            }
        }
    }

    /** Keeps the leases of operations this replica is working on; a lease taken meanwhile is lost for good. */
    @Scheduled(fixedDelay = 5000, scheduler = LEASE_SCHEDULER)
    public void renewLeases() {
        for (Lease lease : inFlight.values()) {
            try {
                if (!lease.renew()) {
                    log.warn("operation={} lease lost to another replica; its worker stops before its next step",
                            lease.operationId());
                }
            } catch (RuntimeException e) {
                log.warn("operation={} lease not renewed: {}", lease.operationId(), e.toString());
            }
        }
    }

    private void runLeased(Lease lease) {
        try {
            runner.run(lease.operationId(), lease);
        } catch (RuntimeException e) {
            log.error("operation={} pass failed unexpectedly", lease.operationId(), e);
        } finally {
            inFlight.remove(lease.operationId());
            lease.release();
        }
    }
}
