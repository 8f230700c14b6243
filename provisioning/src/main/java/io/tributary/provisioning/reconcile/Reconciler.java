package io.tributary.provisioning.reconcile;

import io.tributary.provisioning.operation.OperationRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drives operations from database state. Each replica leases due operations (a row-level lease,
 * renewed while it works), so an operation runs on one replica at a time, and a replica that dies
 * loses its leases within {@link #LEASE} and another (or the restarted one) resumes the work.
 */
public class Reconciler {

    static final Duration LEASE = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final OperationRepository operations;
    private final OperationRunner runner;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ExecutorService workers;
    private final String owner = "cp-" + UUID.randomUUID();
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();

    public Reconciler(OperationRepository operations, OperationRunner runner, TransactionTemplate tx, Clock clock,
                      ExecutorService workers) {
        this.operations = operations;
        this.runner = runner;
        this.tx = tx;
        this.clock = clock;
        this.workers = workers;
    }

    @Scheduled(fixedDelay = 200)
    public void tick() {
        Instant now = clock.instant();
        List<UUID> due = operations.findDue(now, 16);
        for (UUID id : due) {
            if (inFlight.contains(id)) {
                continue;
            }
            Integer leased = tx.execute(s -> operations.lease(id, owner, now, now.plus(LEASE)));
            if (leased != null && leased == 1) {
                inFlight.add(id);
                workers.submit(() -> runLeased(id));
            }
        }
    }

    /** Keeps the leases of operations this replica is working on. */
    @Scheduled(fixedDelay = 5000)
    public void renewLeases() {
        Instant now = clock.instant();
        for (UUID id : inFlight) {
            tx.execute(s -> operations.renew(id, owner, now.plus(LEASE)));
        }
    }

    private void runLeased(UUID id) {
        try {
            runner.run(id);
        } catch (RuntimeException e) {
            log.error("operation={} pass failed unexpectedly", id, e);
        } finally {
            inFlight.remove(id);
            tx.execute(s -> operations.release(id, owner));
        }
    }
}
