package io.tributary.provisioning.tls;

import io.tributary.provisioning.instance.BrokerRepository;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.instance.InstanceStatus;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.operation.OperationRepository;
import io.tributary.provisioning.operation.OperationStatus;
import io.tributary.provisioning.operation.OperationType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts certificate rotations: on request, and on its own (hourly) for running instances with a broker
 * certificate past two thirds of its lifetime ({@link InstanceTls#expiresSoon}). A rotation is an operation the reconciler
 * runs (RotateCertificatesWorkflow); it never overlaps another operation of the instance.
 */
public class CertificateRenewal {

    private static final Logger log = LoggerFactory.getLogger(CertificateRenewal.class);
    static final Duration ROTATION_TIMEOUT = Duration.ofMinutes(30);

    private final InstanceRepository instances;
    private final BrokerRepository brokers;
    private final OperationRepository operations;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean automatic;

    /** @param automatic whether expiring certificates start rotations on their own (off with the reconciler off) */
    public CertificateRenewal(InstanceRepository instances, BrokerRepository brokers, OperationRepository operations,
                              TransactionTemplate tx, Clock clock, boolean automatic) {
        this.instances = instances;
        this.brokers = brokers;
        this.operations = operations;
        this.tx = tx;
        this.clock = clock;
        this.automatic = automatic;
    }

    /** Why a rotation cannot start now, if it cannot. */
    public Optional<String> refusal(Instance instance) {
        if (instance.getStatus() != InstanceStatus.RUNNING) {
            return Optional.of("the instance is " + instance.getStatus() + "; certificates rotate while it is RUNNING");
        }
        if (!operations.findByInstanceIdAndStatusIn(instance.getId(),
                List.of(OperationStatus.PENDING, OperationStatus.RUNNING)).isEmpty()) {
            return Optional.of("another operation of the instance is in progress");
        }
        return Optional.empty();
    }

    /** Starts a rotation; the caller has checked {@link #refusal} in the same transaction. */
    public Operation start(Instance instance) {
        Instant now = clock.instant();
        Operation operation = new Operation(UUID.randomUUID(), instance.getProjectId(), instance.getId(),
                OperationType.ROTATE_CERTIFICATES, now, now.plus(ROTATION_TIMEOUT));
        operations.save(operation);
        instance.setCurrentOperationId(operation.getId());
        instances.save(instance);
        return operation;
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    public void renewExpiring() {
        if (!automatic) {
            return;
        }
        Instant now = clock.instant();
        for (Instance instance : instances.findByStatusIn(List.of(InstanceStatus.RUNNING))) {
            boolean expiring = brokers.findByInstanceIdOrderByNodeId(instance.getId()).stream()
                    .anyMatch(b -> InstanceTls.expiresSoon(b, now));
            if (expiring) {
                tx.executeWithoutResult(s -> instances.findById(instance.getId())
                        .filter(i -> refusal(i).isEmpty())
                        .ifPresent(i -> log.info("instance={} broker certificates are past two thirds of their"
                                + " lifetime: rotation {} started", i.getId(), start(i).getId())));
            }
        }
    }
}
