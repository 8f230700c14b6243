package io.tributary.provisioning.capacity;

import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.host.HostRepository;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceEvent;
import io.tributary.provisioning.instance.InstanceEventRepository;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.instance.InstanceStatus;
import io.tributary.provisioning.tls.ControlPlaneClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The instance's capacity policy, from the disk usage agents report. PRODUCE_REJECT: the broker's
 * own plugin refuses writes above the high watermark (the agent flags it); this records when
 * that starts and ends. TIME_BASE: above the high watermark, the oldest half of what the full
 * brokers hold is deleted, once per pass over the instance (a partition replicated on three full
 * brokers is cut once, not three times), and a broker is acted on again only once a disk report
 * arrived more than {@link #SETTLE} after the last action touching it and shows that action's
 * space freed (less used than when it acted), or, if nothing shows, after {@link #GIVE_UP}. A broker
 * that deletes slowly is thus not cut twice for one fill. The action is stored (with that time) before anything is cut, and only by the
 * one control plane whose claim wins, so neither a failure halfway nor a second replica cuts twice.
 */
public class CapacityGuard {

    public static final String SCHEDULER = "capacityGuardScheduler";
    static final double HIGH = 0.95;
    static final double LOW = 0.85;
    /**
     * How long after a cut its effect shows in a disk report: the broker removes segments below the
     * new log start at its next retention check (every 10 s) plus the file delete delay (5 s), and
     * the agent measures every 2 s.
     */
    static final Duration SETTLE = Duration.ofSeconds(20);
    /** How long a cut whose freed space never shows (a slow or stuck delete) holds off the next one. */
    static final Duration GIVE_UP = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(CapacityGuard.class);

    private final InstanceRepository instances;
    private final HostRepository hosts;
    private final InstanceEventRepository events;
    private final OldestDataDeleter deleter;
    private final ControlPlaneClients clients;
    private final TransactionTemplate tx;
    private final Clock clock;

    public CapacityGuard(InstanceRepository instances, HostRepository hosts, InstanceEventRepository events,
                         ControlPlaneClients clients, TransactionTemplate tx, Clock clock) {
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
            try {
                if ("PRODUCE_REJECT".equals(instance.getCapacityPolicy())) {
                    hosts.findLiveByInstance(instance.getId()).forEach(host -> DiskReport.of(host.getObservedState())
                            .ifPresent(disk -> produceReject(instance, host, disk)));
                } else {
                    trim(instance, hosts.findLiveByInstance(instance.getId()));
                }
            } catch (Exception e) {
                log.warn("instance={} capacity action failed: {}", instance.getId(), e.toString());
            }
        }
    }

    private void produceReject(Instance instance, Host host, DiskReport disk) {
        String state = host.getCapacityState();
        if (disk.produceRejected() && !"REJECTING".equals(state)) {
            record(instance, host.getNodeId(), InstanceEvent.Type.PRODUCE_REJECTED, "broker " + host.getNodeId()
                    + "'s disk is " + disk.describe() + "; producing is refused until it is below "
                    + Math.round(LOW * 100) + "%, consumers keep reading", host, "REJECTING");
        } else if (!disk.produceRejected() && "REJECTING".equals(state)) {
            record(instance, host.getNodeId(), InstanceEvent.Type.PRODUCE_RESUMED, "broker " + host.getNodeId()
                    + "'s disk is " + disk.describe() + "; producing is accepted again", host, "NORMAL");
        }
    }

    /** TIME_BASE for one instance: one cut over every broker that is due, then back to NORMAL where usage fell. */
    private void trim(Instance instance, List<Host> live) throws Exception {
        Instant now = clock.instant();
        Map<Integer, Host> due = live.stream()
                .filter(h -> DiskReport.of(h.getObservedState()).filter(d -> trimDue(d, h.getCapacityActedAt(),
                        h.getCapacityActedUsedBytes(), h.getLastSeenAt())).isPresent())
                .collect(Collectors.toMap(Host::getNodeId, h -> h, (a, b) -> a, java.util.TreeMap::new));
        if (!due.isEmpty()) {
            OldestDataDeleter.Result result = deleter.deleteOldestHalf(clients.properties(instance), due.keySet(),
                    touched -> claim(instance, live, due.keySet(), touched, now));
            if (result.claimed()) {
                report(instance, due, result);
            }
        }
        for (Host host : live) {
            Optional<DiskReport> disk = DiskReport.of(host.getObservedState());
            if (disk.isPresent() && disk.get().usage() < LOW && "TRIMMING".equals(host.getCapacityState())) {
                tx.executeWithoutResult(s -> hosts.findById(host.getId()).ifPresent(h -> {
                    h.capacityState("NORMAL");
                    hosts.save(h);
                }));
            }
        }
    }

    /**
     * Whether a broker's disk calls for a cut: above the high watermark (never acted on: any such
     * report), else in a report that arrived more than {@link #SETTLE} after the last action touching
     * it and uses less than it did then (that action's space was freed and it is full again), or in
     * any report more than {@link #GIVE_UP} after it. Without the usage of the last action (null),
     * {@link #SETTLE} alone decides.
     */
    static boolean trimDue(DiskReport disk, Instant lastActedAt, Long actedUsedBytes, Instant reportedAt) {
        if (disk.usage() < HIGH) {
            return false;
        }
        if (lastActedAt == null) {
            return true;
        }
        if (reportedAt == null || !reportedAt.isAfter(lastActedAt.plus(SETTLE))) {
            return false;
        }
        return actedUsedBytes == null || disk.usedBytes() < actedUsedBytes
                || reportedAt.isAfter(lastActedAt.plus(GIVE_UP));
    }

    /**
     * Stores the action before it happens: every touched broker's last action becomes {@code now}
     * (the full ones TRIMMING). False, and nothing stored, if any of them changed since this pass
     * read it (another control plane acted, or an agent report raced this write: the next pass decides).
     */
    private boolean claim(Instance instance, List<Host> seen, Set<Integer> full, Set<Integer> touched, Instant now) {
        try {
            tx.executeWithoutResult(s -> {
                for (Host before : seen) {
                    if (!touched.contains(before.getNodeId())) {
                        continue;
                    }
                    Host h = hosts.findById(before.getId()).orElseThrow(() -> new ClaimLost("host " + before.getId() + " is gone"));
                    if (!Objects.equals(h.getCapacityActedAt(), before.getCapacityActedAt())) {
                        throw new ClaimLost("broker " + h.getNodeId() + " was acted on meanwhile");
                    }
                    h.capacityActed(full.contains(h.getNodeId()) ? "TRIMMING" : h.getCapacityState(), now,
                            DiskReport.of(h.getObservedState()).map(DiskReport::usedBytes).orElse(null));
                    hosts.saveAndFlush(h);
                }
            });
            return true;
        } catch (ClaimLost | OptimisticLockingFailureException e) {
            log.info("instance={} capacity action not taken here: {}", instance.getId(), e.getMessage());
            return false;
        }
    }

    private void report(Instance instance, Map<Integer, Host> due, OldestDataDeleter.Result result) {
        String brokers = due.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
        String disks = due.values().stream().map(h -> "broker " + h.getNodeId() + " "
                + DiskReport.of(h.getObservedState()).map(DiskReport::describe).orElse("?")).collect(Collectors.joining("; "));
        StringBuilder message = new StringBuilder(disks).append("; deleted the oldest half of ")
                .append(result.cut()).append(" partitions");
        if (!result.topics().isEmpty()) {
            message.append(" (topics ").append(String.join(", ", OldestDataDeleter.sample(result.topics()))).append(")");
        }
        if (!result.skippedTopics().isEmpty()) {
            message.append("; left compacted topics alone (")
                    .append(String.join(", ", OldestDataDeleter.sample(result.skippedTopics()))).append(")");
        }
        if (!result.refused().isEmpty()) {
            message.append("; ").append(result.refused().size()).append(" partitions refused (")
                    .append(result.refused().entrySet().stream().limit(3).map(e -> e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining(", "))).append(")");
        }
        if (result.cut() == 0 && result.refused().isEmpty()) {
            log.warn("instance={} brokers {} full but nothing could be deleted: {}", instance.getId(), brokers, message);
            return;
        }
        Integer node = due.size() == 1 ? due.keySet().iterator().next() : null;
        tx.executeWithoutResult(s -> events.save(new InstanceEvent(instance.getId(), InstanceEvent.Type.OLDEST_DATA_DELETED,
                truncate(message.toString()), node, clock.instant())));
        log.warn("instance={} {}: {} (brokers touched: {})", instance.getId(), InstanceEvent.Type.OLDEST_DATA_DELETED,
                message, new TreeSet<>(result.replicaNodes()));
    }

    private void record(Instance instance, Integer nodeId, InstanceEvent.Type type, String message, Host host, String state) {
        tx.executeWithoutResult(s -> {
            hosts.findById(host.getId()).ifPresent(h -> {
                h.capacityState(state);
                hosts.save(h);
            });
            events.save(new InstanceEvent(instance.getId(), type, message, nodeId, clock.instant()));
        });
        log.warn("instance={} {}: {}", instance.getId(), type, message);
    }

    private static String truncate(String message) {
        return message.length() <= 1000 ? message : message.substring(0, 997) + "...";
    }

    private static final class ClaimLost extends RuntimeException {
        ClaimLost(String message) {
            super(message, null, false, false);
        }
    }
}
