package io.tributary.provisioning.reconcile;

import io.tributary.provisioning.instance.Broker;
import io.tributary.provisioning.instance.BrokerRepository;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.instance.InstanceStatus;
import io.tributary.provisioning.instance.MaintenanceWindow;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.operation.OperationRepository;
import io.tributary.provisioning.operation.OperationStarter;
import io.tributary.provisioning.operation.OperationType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Restarts that nobody asked for wait for the instance's maintenance window: brokers left {@code pendingRestart} by
 * the platform (a control-plane upgrade that changed a tuned value) or by a restart that failed are rolled (the
 * roller's rules, as any restart) once the window opens. At most one such restart per window, so one that fails is
 * not retried over and over; never while another operation holds the instance.
 */
public class MaintenanceRestarts {

    public static final String SCHEDULER = "maintenanceRestartsScheduler";
    private static final Logger log = LoggerFactory.getLogger(MaintenanceRestarts.class);

    private final InstanceRepository instances;
    private final BrokerRepository brokers;
    private final OperationRepository operations;
    private final OperationStarter starter;
    private final TransactionTemplate tx;
    private final Clock clock;

    public MaintenanceRestarts(InstanceRepository instances, BrokerRepository brokers, OperationRepository operations,
                               OperationStarter starter, TransactionTemplate tx, Clock clock) {
        this.instances = instances;
        this.brokers = brokers;
        this.operations = operations;
        this.starter = starter;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 30_000, scheduler = SCHEDULER)
    public void check() {
        Instant now = clock.instant();
        for (Instance instance : instances.findByStatusIn(List.of(InstanceStatus.RUNNING))) {
            Optional<Instant> windowStart = MaintenanceWindow.parse(instance.getMaintenanceWindow())
                    .flatMap(w -> w.openSince(now));
            if (windowStart.isEmpty()
                    || brokers.findByInstanceIdOrderByNodeId(instance.getId()).stream().noneMatch(Broker::isPendingRestart)) {
                continue;
            }
            try {
                tx.executeWithoutResult(s -> restart(instance, windowStart.get()));
            } catch (RuntimeException e) {
                log.warn("instance={} maintenance restart not started: {}", instance.getId(), e.toString());
            }
        }
    }

    private void restart(Instance seen, Instant windowStart) {
        Instance instance = instances.findById(seen.getId()).orElse(null);
        if (instance == null || starter.refusal(instance, OperationType.RESTART_BROKERS).isPresent()
                || operations.countByInstanceIdAndTypeAndCreatedAtAfter(instance.getId(), OperationType.RESTART_BROKERS,
                windowStart) > 0) {
            return;
        }
        Operation operation = starter.start(instance, OperationType.RESTART_BROKERS);
        log.info("instance={} operation={} restarts the brokers waiting for a restart, in the maintenance window",
                instance.getId(), operation.getId());
    }
}
