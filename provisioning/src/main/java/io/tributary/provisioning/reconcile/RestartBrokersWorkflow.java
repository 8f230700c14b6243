package io.tributary.provisioning.reconcile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.tributary.provisioning.desired.DesiredStateFactory;
import io.tributary.provisioning.desired.DesiredStateWriter;
import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.host.HostRepository;
import io.tributary.provisioning.instance.Broker;
import io.tributary.provisioning.instance.BrokerRepository;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.instance.InstanceStatus;
import io.tributary.provisioning.json.JsonText;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.tls.ControlPlaneClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rolling restart of an instance's brokers (all, or one), by the {@link Roller}'s rules; an upgrade is the same roll
 * onto the newer Kafka the instance now names, then the metadata version is finalized. A broker is asked to
 * restart by a nonce in its desired state, the operation's id, which its agent acts on once; so every pass can
 * tell from the database and the agents' reports which brokers were asked and which are back, and a control plane
 * that dies at any moment resumes without restarting a broker twice.
 */
public class RestartBrokersWorkflow {

    private static final Logger log = LoggerFactory.getLogger(RestartBrokersWorkflow.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final InstanceRepository instances;
    private final BrokerRepository brokers;
    private final HostRepository hosts;
    private final DesiredStateWriter desiredStates;
    private final ClusterProbe probe;
    private final ControlPlaneClients clients;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** Per operation: the reason it waits for and since when (in memory: a new control plane waits afresh). */
    private final Map<UUID, Waiting> waiting = new ConcurrentHashMap<>();

    private record Waiting(String reason, Instant since) {
    }

    public RestartBrokersWorkflow(InstanceRepository instances, BrokerRepository brokers, HostRepository hosts,
                                  DesiredStateWriter desiredStates, ClusterProbe probe, ControlPlaneClients clients,
                                  TransactionTemplate tx, Clock clock) {
        this.instances = instances;
        this.brokers = brokers;
        this.hosts = hosts;
        this.desiredStates = desiredStates;
        this.probe = probe;
        this.clients = clients;
        this.tx = tx;
        this.clock = clock;
    }

    /** @param nodeId the one broker to restart ({@link Operation#getTargetNodeId}); {@code null}: every broker */
    public List<Step> steps(Integer nodeId) {
        return List.of(
                new Step("MARK_RESTARTING", 2, (op, i) -> moveTo(i, Set.of(InstanceStatus.RUNNING, InstanceStatus.DEGRADED),
                        InstanceStatus.RESTARTING)),
                new Step("ROLL_BROKERS", 5, (op, i) -> rollNext(op, i, nodeId)),
                new Step("MARK_RUNNING", 98, (op, i) -> moveTo(i, Set.of(InstanceStatus.RESTARTING), InstanceStatus.RUNNING)));
    }

    /**
     * An upgrade: the instance already names the newer Kafka (the API set it with the operation), which the hosts'
     * desired states hold back until each broker's turn; once every broker runs it, the metadata version is finalized.
     */
    public List<Step> upgradeSteps() {
        return List.of(
                new Step("MARK_UPGRADING", 2, (op, i) -> moveTo(i, Set.of(InstanceStatus.RUNNING), InstanceStatus.UPGRADING)),
                new Step("ROLL_BROKERS", 5, (op, i) -> rollNext(op, i, null)),
                new Step("FINALIZE_METADATA_VERSION", 95, (op, i) -> finalizeMetadataVersion(op, i)),
                new Step("MARK_RUNNING", 98, (op, i) -> moveTo(i, Set.of(InstanceStatus.UPGRADING), InstanceStatus.RUNNING)));
    }

    private StepResult finalizeMetadataVersion(Operation op, Instance current) {
        Instance instance = instances.findById(current.getId()).orElseThrow();
        List<Broker> all = brokers.findByInstanceIdOrderByNodeId(instance.getId());
        Map<Integer, Host> byNode = hosts.findLiveByInstance(instance.getId()).stream()
                .filter(h -> h.getNodeId() != null)
                .collect(Collectors.toMap(Host::getNodeId, Function.identity()));
        short level;
        try {
            level = probe.finalizeMetadataVersion(clients.properties(instance,
                    DesiredStateFactory.internalBootstrapServers(all, byNode)));
        } catch (Exception e) {
            // retried with backoff, then the operation fails with it
            throw new IllegalStateException("cannot finalize the metadata version: " + e.getMessage(), e);
        }
        log.info("instance={} operation={} runs Kafka {}; metadata.version finalized at level {}", instance.getId(),
                op.getId(), instance.getKafkaVersion(), level);
        return StepResult.done();
    }

    /** Ends the restart's RESTARTING (or UPGRADING) state of the instance after the operation failed. */
    public void afterFailure(UUID instanceId) {
        tx.executeWithoutResult(s -> instances.findById(instanceId).ifPresent(i -> {
            if (i.getStatus() == InstanceStatus.RESTARTING || i.getStatus() == InstanceStatus.UPGRADING) {
                i.moveTo(InstanceStatus.RUNNING, null, clock.instant());
                instances.save(i);
            }
        }));
    }

    private StepResult moveTo(Instance current, Set<InstanceStatus> from, InstanceStatus to) {
        tx.executeWithoutResult(s -> {
            Instance fresh = instances.findById(current.getId()).orElseThrow();
            if (from.contains(fresh.getStatus())) {
                fresh.moveTo(to, null, clock.instant());
                instances.save(fresh);
            }
        });
        return StepResult.done();
    }

    private StepResult rollNext(Operation op, Instance current, Integer only) {
        Instance instance = instances.findById(current.getId()).orElseThrow();
        String nonce = op.getId().toString();
        List<Broker> all = brokers.findByInstanceIdOrderByNodeId(instance.getId());
        Map<Integer, Host> byNode = hosts.findLiveByInstance(instance.getId()).stream()
                .filter(h -> h.getNodeId() != null)
                .collect(Collectors.toMap(Host::getNodeId, Function.identity()));
        List<Broker> rolled = all.stream().filter(b -> only == null || b.getNodeId() == only).toList();
        Map<Integer, Roller.Phase> phases = new HashMap<>();
        for (Broker broker : rolled) {
            phases.put(broker.getNodeId(), phase(broker, byNode.get(broker.getNodeId()), nonce));
        }
        if (phases.containsValue(Roller.Phase.RESTARTING)) {
            desiredStates.write(instance.getId()); // the nonce was stored but perhaps not yet written to the host
        }
        int restarted = (int) phases.values().stream().filter(p -> p == Roller.Phase.RESTARTED).count();
        int percent = 5 + 90 * restarted / Math.max(1, rolled.size());
        ClusterProbe.Replicas replicas;
        try {
            replicas = probe.replicas(clients.properties(instance,
                    DesiredStateFactory.internalBootstrapServers(all, byNode)));
        } catch (Exception e) {
            return StepResult.waitFor(POLL, percent, "cannot read the cluster's partitions: " + e.getMessage());
        }
        Roller.View view = new Roller.View(rolled.stream().map(Broker::getNodeId).toList(), phases,
                replicas.activeController(), replicas.partitions());
        Roller.Decision decision = Roller.next(view, waited(op, view));
        if (decision instanceof Roller.Decision.Restart restart) {
            requestRestart(instance, restart.nodeId(), nonce);
            log.info("instance={} operation={} broker {} asked to restart", instance.getId(), op.getId(),
                    restart.nodeId());
            return StepResult.waitFor(POLL, percent, "broker " + restart.nodeId() + ": restart requested");
        }
        if (decision instanceof Roller.Decision.Wait wait) {
            return StepResult.waitFor(POLL, percent, wait.reason());
        }
        waiting.remove(op.getId());
        if (decision instanceof Roller.Decision.GiveUp giveUp) {
            throw new IllegalStateException(giveUp.reason()); // retried with backoff, then the operation fails with it
        }
        return StepResult.done();
    }

    private Duration waited(Operation op, Roller.View view) {
        Roller.Decision now = Roller.next(view, Duration.ZERO);
        if (!(now instanceof Roller.Decision.Wait wait)) {
            waiting.remove(op.getId());
            return Duration.ZERO;
        }
        Waiting since = waiting.compute(op.getId(), (id, w) -> w != null && w.reason().equals(wait.reason()) ? w
                : new Waiting(wait.reason(), clock.instant()));
        return Duration.between(since.since(), clock.instant());
    }

    private void requestRestart(Instance instance, int nodeId, String nonce) {
        tx.executeWithoutResult(s -> {
            Broker fresh = brokers.findById(new Broker.Key(instance.getId(), nodeId)).orElseThrow();
            if (!nonce.equals(fresh.getRestartNonce())) {
                fresh.setRestartNonce(nonce);
                brokers.save(fresh);
            }
        });
        desiredStates.write(instance.getId()); // idempotent: an unchanged state keeps its generation
    }

    /** Asked (its nonce is this operation's), and running again with it (its agent reports that nonce). */
    private static Roller.Phase phase(Broker broker, Host host, String nonce) {
        if (!nonce.equals(broker.getRestartNonce())) {
            return Roller.Phase.PENDING;
        }
        boolean back = host != null && host.brokerConverged() && nonce.equals(reportedNonce(host));
        return back ? Roller.Phase.RESTARTED : Roller.Phase.RESTARTING;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Observed(ObservedBroker broker) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ObservedBroker(String restartNonce) {
    }

    private static String reportedNonce(Host host) {
        Observed observed = JsonText.read(host.getObservedState(), Observed.class);
        return observed == null || observed.broker() == null ? null : Objects.toString(observed.broker().restartNonce(), null);
    }
}
