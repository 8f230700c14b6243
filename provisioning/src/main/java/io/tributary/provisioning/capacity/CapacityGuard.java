package io.tributary.provisioning.capacity;

import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.host.HostRepository;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceEvent;
import io.tributary.provisioning.instance.InstanceEventRepository;
import io.tributary.provisioning.security.ControlPlaneClients;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.instance.InstanceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The instance's capacity policy, from the disk usage agents report. PRODUCE_REJECT: the broker's
 * own plugin refuses writes above the high watermark (the agent flags it); this records when
 * that starts and ends. TIME_BASE: above the high watermark, the oldest data on that broker is
 * deleted, at most every {@link #COOLDOWN}, until usage falls under the low watermark.
 */
public class CapacityGuard {

    public static final String SCHEDULER = "capacityGuardScheduler";
    static final double HIGH = 0.95;
    static final double LOW = 0.85;
    static final Duration COOLDOWN = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(CapacityGuard.class);

    private final InstanceRepository instances;
    private final HostRepository hosts;
    private final InstanceEventRepository events;
    private final OldestDataDeleter deleter;
    private final ControlPlaneClients clients;
    private final TransactionTemplate tx;
    private final Clock clock;

    public CapacityGuard(InstanceRepository instances, HostRepository hosts, InstanceEventRepository events,
                         ControlPlaneClients clients,
                         TransactionTemplate tx, Clock clock) {
        this.instances = instances;
        this.hosts = hosts;
        this.events = events;
        this.deleter = new OldestDataDeleter();
        this.clients = clients;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 3000, initialDelay = 3000, scheduler = SCHEDULER)
    public void check() {
        for (Instance instance : instances.findByStatusIn(List.of(InstanceStatus.RUNNING, InstanceStatus.DEGRADED))) {
            for (Host host : hosts.findLiveByInstance(instance.getId())) {
                DiskReport.of(host.getObservedState()).ifPresent(disk -> {
                    try {
                        act(instance, host, disk);
                    } catch (Exception e) {
                        log.warn("instance={} node={} capacity action failed: {}", instance.getId(), host.getNodeId(), e.toString());
                    }
                });
            }
        }
    }

    private void act(Instance instance, Host host, DiskReport disk) throws Exception {
        Instant now = clock.instant();
        String state = host.getCapacityState();
        if ("PRODUCE_REJECT".equals(instance.getCapacityPolicy())) {
            if (disk.produceRejected() && !"REJECTING".equals(state)) {
                record(instance, host, "REJECTING", null, InstanceEvent.Type.PRODUCE_REJECTED, "broker " + host.getNodeId()
                        + "'s disk is " + disk.describe() + "; producing is refused until it is below "
                        + Math.round(LOW * 100) + "%, consumers keep reading");
            } else if (!disk.produceRejected() && "REJECTING".equals(state)) {
                record(instance, host, "NORMAL", null, InstanceEvent.Type.PRODUCE_RESUMED, "broker " + host.getNodeId()
                        + "'s disk is " + disk.describe() + "; producing is accepted again");
            }
            return;
        }
        if (disk.usage() >= HIGH && (host.getCapacityActedAt() == null
                || host.getCapacityActedAt().isBefore(now.minus(COOLDOWN)))) {
            OldestDataDeleter.Result result = deleter.deleteOldestHalf(clients.properties(instance), host.getNodeId());
            record(instance, host, "TRIMMING", now, InstanceEvent.Type.OLDEST_DATA_DELETED, "broker " + host.getNodeId()
                    + "'s disk was " + disk.describe() + "; deleted the oldest half of " + result.partitions()
                    + " partitions (topics " + OldestDataDeleter.sample(result.topics()) + ")");
        } else if (disk.usage() < LOW && "TRIMMING".equals(state)) {
            tx.executeWithoutResult(s -> hosts.findById(host.getId()).ifPresent(h -> {
                h.capacity("NORMAL", h.getCapacityActedAt());
                hosts.save(h);
            }));
        }
    }

    private void record(Instance instance, Host host, String state, Instant actedAt, InstanceEvent.Type type, String message) {
        tx.executeWithoutResult(s -> {
            hosts.findById(host.getId()).ifPresent(h -> {
                h.capacity(state, actedAt != null ? actedAt : h.getCapacityActedAt());
                hosts.save(h);
            });
            events.save(new InstanceEvent(instance.getId(), type, message, host.getNodeId(), clock.instant()));
        });
        log.warn("instance={} {}: {}", instance.getId(), type, message);
    }
}
