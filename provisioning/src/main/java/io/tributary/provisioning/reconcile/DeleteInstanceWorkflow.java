package io.tributary.provisioning.reconcile;

import io.tributary.provisioning.host.HostProviders;
import io.tributary.provisioning.host.HostRepository;
import io.tributary.provisioning.instance.Broker;
import io.tributary.provisioning.instance.BrokerRepository;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.instance.InstanceStatus;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.operation.OperationRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stops and removes everything an instance had: wait for other work → release hosts → check that
 * none is left → DELETED. A creation the delete cancelled may still be mid-step (making a host) on
 * some replica: its lease stays renewed while it works, so the delete waits until that worker has
 * stopped (it stops at its next lease check) or its lease ran out; a host that still appears after
 * the release is released on the next pass, and the instance is DELETED only when none is left.
 */
public class DeleteInstanceWorkflow {

    private static final Logger log = LoggerFactory.getLogger(DeleteInstanceWorkflow.class);

    private final InstanceRepository instances;
    private final BrokerRepository brokers;
    private final HostRepository hosts;
    private final OperationRepository operations;
    private final HostProviders providers;
    private final TransactionTemplate tx;
    private final Clock clock;

    public DeleteInstanceWorkflow(InstanceRepository instances, BrokerRepository brokers, HostRepository hosts,
                                  OperationRepository operations, HostProviders providers, TransactionTemplate tx,
                                  Clock clock) {
        this.instances = instances;
        this.brokers = brokers;
        this.hosts = hosts;
        this.operations = operations;
        this.providers = providers;
        this.tx = tx;
        this.clock = clock;
    }

    public List<Step> steps() {
        return List.of(
                new Step("WAIT_FOR_OTHER_OPERATIONS", 5, this::waitForOtherOperations),
                new Step("RELEASE_HOSTS", 20, this::releaseHosts),
                new Step("CHECK_NOTHING_LEFT", 90, this::checkNothingLeft),
                new Step("MARK_DELETED", 95, this::markDeleted));
    }

    /** A cancelled creation may still be mid-step on some replica; let its lease run out first. */
    private StepResult waitForOtherOperations(Operation op, Instance instance) {
        boolean busy = operations.countOtherLeased(instance.getId(), op.getId(), clock.instant()) > 0;
        return busy ? StepResult.waitFor(Duration.ofSeconds(1), "waiting for the running operation to stop") : StepResult.done();
    }

    private StepResult releaseHosts(Operation op, Instance instance) {
        // in parallel: each broker's graceful shutdown takes seconds
        hosts.findLiveByInstance(instance.getId()).parallelStream().forEach(host -> {
            providers.forHost(host).releaseHost(host);
            log.info("instance={} operation={} node={} host {} released", instance.getId(), op.getId(), host.getNodeId(),
                    host.getId());
        });
        return StepResult.done();
    }

    /** No other worker still runs and no host is live (one made by a late worker is released on the next pass). */
    private StepResult checkNothingLeft(Operation op, Instance instance) {
        if (operations.countOtherLeased(instance.getId(), op.getId(), clock.instant()) > 0) {
            return StepResult.waitFor(Duration.ofSeconds(1), "waiting for the running operation to stop");
        }
        int left = hosts.findLiveByInstance(instance.getId()).size();
        if (left > 0) {
            log.warn("instance={} operation={} {} host(s) appeared after the release; releasing them", instance.getId(),
                    op.getId(), left);
            return StepResult.waitFor(Duration.ofSeconds(1), left + " host(s) left to release");
        }
        return StepResult.done();
    }

    private StepResult markDeleted(Operation op, Instance current) {
        tx.executeWithoutResult(s -> {
            for (Broker b : brokers.findByInstanceIdOrderByNodeId(current.getId())) {
                b.setHostId(null);
                brokers.save(b);
            }
            Instance instance = instances.findById(current.getId()).orElseThrow();
            if (instance.getStatus() == InstanceStatus.DELETING) {
                instance.moveTo(InstanceStatus.DELETED, null, clock.instant());
                instances.save(instance);
                log.info("instance={} operation={} deleted", instance.getId(), op.getId());
            }
        });
        return StepResult.done();
    }
}
