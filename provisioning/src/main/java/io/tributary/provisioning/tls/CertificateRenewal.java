package io.tributary.provisioning.tls;

import io.tributary.provisioning.instance.BrokerRepository;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.instance.InstanceStatus;
import io.tributary.provisioning.operation.OperationStarter;
import io.tributary.provisioning.operation.OperationType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts certificate rotations on its own (hourly) for running instances with a broker certificate past two thirds
 * of its lifetime ({@link InstanceTls#expiresSoon}); users start them on request. A rotation is an operation the
 * reconciler runs (RotateCertificatesWorkflow), started through {@link OperationStarter}, so it never overlaps another
 * operation of the instance.
 */
public class CertificateRenewal {

    private static final Logger log = LoggerFactory.getLogger(CertificateRenewal.class);

    private final InstanceRepository instances;
    private final BrokerRepository brokers;
    private final OperationStarter starter;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean automatic;

    /** @param automatic whether expiring certificates start rotations on their own (off with the reconciler off) */
    public CertificateRenewal(InstanceRepository instances, BrokerRepository brokers, OperationStarter starter,
                              TransactionTemplate tx, Clock clock, boolean automatic) {
        this.instances = instances;
        this.brokers = brokers;
        this.starter = starter;
        this.tx = tx;
        this.clock = clock;
        this.automatic = automatic;
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
                        .filter(i -> starter.refusal(i, OperationType.ROTATE_CERTIFICATES).isEmpty())
                        .ifPresent(i -> log.info("instance={} broker certificates are past two thirds of their"
                                + " lifetime: rotation {} started", i.getId(),
                                starter.start(i, OperationType.ROTATE_CERTIFICATES).getId())));
            }
        }
    }
}
