package io.tributary.provisioning.reconcile;

import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.host.HostRepository;
import io.tributary.provisioning.host.LocalHostProvider;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.instance.InstanceStatus;
import io.tributary.provisioning.operation.OperationRepository;
import io.tributary.provisioning.operation.OperationStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * RUNNING ⇄ DEGRADED from what the agents report: an instance is degraded while any of its
 * brokers is not up (or its agent has gone silent). Dead local agents are started again.
 */
public class InstanceHealthMonitor {

    public static final String SCHEDULER = "healthMonitorScheduler";
    static final Duration SILENCE = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(InstanceHealthMonitor.class);

    private final InstanceRepository instances;
    private final HostRepository hosts;
    private final OperationRepository operations;
    private final LocalHostProvider localHosts;
    private final TransactionTemplate tx;
    private final Clock clock;

    public InstanceHealthMonitor(InstanceRepository instances, HostRepository hosts, OperationRepository operations,
                                 LocalHostProvider localHosts, TransactionTemplate tx, Clock clock) {
        this.instances = instances;
        this.hosts = hosts;
        this.operations = operations;
        this.localHosts = localHosts;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 2000, initialDelay = 2000, scheduler = SCHEDULER)
    public void check() {
        for (Instance instance : instances.findByStatusIn(List.of(InstanceStatus.RUNNING, InstanceStatus.DEGRADED))) {
            if (!operations.findByInstanceIdAndStatusIn(instance.getId(),
                    List.of(OperationStatus.PENDING, OperationStatus.RUNNING)).isEmpty()) {
                continue;
            }
            List<Host> live = hosts.findLiveByInstance(instance.getId());
            reviveLocalAgents(live);
            String problems = problems(live, clock.instant());
            try {
                tx.executeWithoutResult(s -> instances.findById(instance.getId()).ifPresent(i -> update(i, problems)));
            } catch (org.springframework.dao.OptimisticLockingFailureException changed) {
                log.debug("instance={} changed concurrently; next check decides", instance.getId());
            }
        }
    }

    private void update(Instance instance, String problems) {
        if (problems.isEmpty() && instance.getStatus() == InstanceStatus.DEGRADED) {
            instance.moveTo(InstanceStatus.RUNNING, null, clock.instant());
            instances.save(instance);
            log.info("instance={} recovered: RUNNING", instance.getId());
        } else if (!problems.isEmpty() && (instance.getStatus() == InstanceStatus.RUNNING
                || !problems.equals(instance.getStatusReason()))) {
            if (instance.getStatus() == InstanceStatus.RUNNING) {
                instance.moveTo(InstanceStatus.DEGRADED, problems, clock.instant());
            } else {
                instance.explain(problems, clock.instant());
            }
            instances.save(instance);
            log.warn("instance={} DEGRADED: {}", instance.getId(), problems);
        }
    }

    static String problems(List<Host> live, Instant now) {
        return live.stream()
                .filter(h -> !"RUNNING".equals(h.getBrokerStatus())
                        || h.getLastSeenAt() == null || h.getLastSeenAt().isBefore(now.minus(SILENCE)))
                .map(h -> "broker " + h.getNodeId() + " is "
                        + (h.getLastSeenAt() != null && h.getLastSeenAt().isBefore(now.minus(SILENCE))
                        ? "not reporting" : String.valueOf(h.getBrokerStatus())))
                .collect(Collectors.joining("; "));
    }

    private void reviveLocalAgents(List<Host> live) {
        for (Host host : live) {
            if (Host.LOCAL.equals(host.getProvider())) {
                try {
                    localHosts.revive(host);
                } catch (RuntimeException e) {
                    log.warn("instance={} local host {} could not be revived: {}", host.getInstanceId(), host.getId(), e.toString());
                }
            }
        }
    }
}
