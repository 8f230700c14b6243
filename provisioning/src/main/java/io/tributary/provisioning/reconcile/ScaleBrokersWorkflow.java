package io.tributary.provisioning.reconcile;

import io.tributary.provisioning.desired.DesiredStateWriter;
import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.host.HostProviders;
import io.tributary.provisioning.host.HostRepository;
import io.tributary.provisioning.instance.Broker;
import io.tributary.provisioning.instance.BrokerRepository;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.instance.InstanceStatus;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.rebalance.PartitionMover;
import io.tributary.provisioning.rebalance.RebalancePlan;
import io.tributary.provisioning.rebalance.ReplicaPlanner;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.BrokerIdNotRegisteredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes the number of an instance's brokers; the API has already set the new count on the instance.
 * <ul>
 *   <li>Scale-out: new broker-only nodes (round-robin over the instance's zones, after the last broker's), their
 *       hosts and desired states, and once Kafka has registered them, a rebalance onto them (unless the request opted
 *       out).</li>
 *   <li>Scale-in: every replica moves off the brokers above the new count first (new partitions that land there
 *       meanwhile too), then those brokers stop (a controlled shutdown: they lead nothing by then), are unregistered
 *       from the cluster and their hosts released.</li>
 * </ul>
 * The operation's {@link Operation#getTargetNodeId() target node} is the lowest node id it adds or removes, so a
 * failure can tell the operation's brokers from the others.
 */
public class ScaleBrokersWorkflow {

    private static final Logger log = LoggerFactory.getLogger(ScaleBrokersWorkflow.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final InstanceRepository instances;
    private final BrokerRepository brokers;
    private final HostRepository hosts;
    private final HostProviders providers;
    private final BrokerHosts brokerHosts;
    private final DesiredStateWriter desiredStates;
    private final RebalanceWorkflow rebalance;
    private final PartitionMover mover;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ScaleBrokersWorkflow(InstanceRepository instances, BrokerRepository brokers, HostRepository hosts,
                                HostProviders providers, BrokerHosts brokerHosts, DesiredStateWriter desiredStates,
                                RebalanceWorkflow rebalance, PartitionMover mover, TransactionTemplate tx, Clock clock) {
        this.instances = instances;
        this.brokers = brokers;
        this.hosts = hosts;
        this.providers = providers;
        this.brokerHosts = brokerHosts;
        this.desiredStates = desiredStates;
        this.rebalance = rebalance;
        this.mover = mover;
        this.tx = tx;
        this.clock = clock;
    }

    public List<Step> scaleOutSteps() {
        return List.of(
                new Step("MARK_EXTENDING", 2, (op, i) -> moveTo(i, InstanceStatus.RUNNING, InstanceStatus.EXTENDING)),
                new Step("PLACE_NEW_BROKERS", 5, this::placeNewBrokers),
                new Step("ENSURE_HOSTS", 10, brokerHosts::ensureHosts),
                new Step("WRITE_DESIRED_STATE", 25, (op, i) -> writeDesiredState(i)),
                new Step("WAIT_FOR_BROKERS", 30, (op, i) -> brokerHosts.waitForBrokers(i, 30, 45)),
                new Step("WAIT_FOR_REGISTRATION", 45, (op, i) -> brokerHosts.waitForRegistration(i)),
                rebalance.plan(50, i -> Set.of()),
                rebalance.move(55, 90),
                rebalance.elect(92),
                new Step("MARK_RUNNING", 98, (op, i) -> markRunning(i)));
    }

    public List<Step> scaleInSteps() {
        return List.of(
                new Step("MARK_EXTENDING", 2, (op, i) -> moveTo(i, InstanceStatus.RUNNING, InstanceStatus.EXTENDING)),
                rebalance.plan(5, this::removedNodes),
                rebalance.move(10, 80),
                rebalance.elect(82),
                new Step("ENSURE_EMPTY", 85, (op, i) -> ensureEmpty(i)),
                new Step("STOP_BROKERS", 88, this::stopBrokers),
                new Step("UNREGISTER_BROKERS", 92, (op, i) -> unregister(i)),
                new Step("REMOVE_BROKERS", 95, (op, i) -> removeBrokers(i)),
                new Step("MARK_RUNNING", 98, (op, i) -> markRunning(i)));
    }

    /** Node ids after the last broker's, each in the zone that follows the previous one's, as the first ones were. */
    private StepResult placeNewBrokers(Operation op, Instance current) {
        tx.executeWithoutResult(s -> {
            Instance instance = instances.findById(current.getId()).orElseThrow();
            List<Broker> existing = brokers.findByInstanceIdOrderByNodeId(instance.getId());
            List<String> zones = instance.getAvailabilityZones();
            for (int nodeId = existing.size() + 1; nodeId <= instance.getBrokerCount(); nodeId++) {
                brokers.save(new Broker(instance.getId(), nodeId, zones.get((nodeId - 1) % zones.size()),
                        List.of(Broker.BROKER)));
                log.info("instance={} operation={} adds broker {}", instance.getId(), op.getId(), nodeId);
            }
        });
        return StepResult.done();
    }

    private StepResult writeDesiredState(Instance instance) {
        desiredStates.write(instance.getId());
        return StepResult.done();
    }

    /** The brokers a scale-in removes: those above the instance's (new) broker count. */
    Set<Integer> removedNodes(Instance current) {
        Instance instance = instances.findById(current.getId()).orElseThrow();
        return brokers.findByInstanceIdOrderByNodeId(instance.getId()).stream()
                .map(Broker::getNodeId)
                .filter(id -> id > instance.getBrokerCount())
                .collect(Collectors.toSet());
    }

    /**
     * No replica is left on a removed broker. Kafka may have placed a partition created during the moves there; such
     * partitions move too, before any broker stops.
     */
    private StepResult ensureEmpty(Instance instance) {
        Set<Integer> removed = removedNodes(instance);
        try (Admin admin = Admin.create(brokerHosts.clientProperties(instance))) {
            PartitionMover.Snapshot snapshot = mover.read(admin);
            List<ReplicaPlanner.PartitionState> left = snapshot.partitions().stream()
                    .filter(p -> p.replicas().stream().anyMatch(removed::contains))
                    .toList();
            if (left.isEmpty()) {
                return StepResult.done();
            }
            Set<TopicPartition> inProgress = mover.inProgress(admin);
            RebalancePlan plan = ReplicaPlanner.plan(snapshot.brokers(), left, removed);
            Map<TopicPartition, List<Integer>> next = new LinkedHashMap<>();
            plan.moves().forEach(m -> {
                TopicPartition tp = new TopicPartition(m.topic(), m.partition());
                if (!inProgress.contains(tp)) {
                    next.put(tp, m.proposedReplicas());
                }
            });
            mover.submit(admin, next);
            return StepResult.waitFor(POLL, left.size() + " partitions still have replicas on brokers " + removed);
        } catch (ReplicaPlanner.UnplaceableException e) {
            throw new UnsupportedOrderException(e.getMessage());
        } catch (Exception e) {
            return StepResult.waitFor(POLL, "cannot read the cluster's partitions: " + e.getMessage());
        }
    }

    /** One removed broker per pass: its agent and broker stop (controlled shutdown) and its host is released. */
    private StepResult stopBrokers(Operation op, Instance instance) {
        for (int nodeId : removedNodes(instance).stream().sorted().toList()) {
            Optional<Host> host = hosts.findLiveByBroker(instance.getId(), nodeId);
            if (host.isPresent()) {
                providers.forHost(host.get()).releaseHost(host.get());
                log.info("instance={} operation={} broker {} stopped, host {} released", instance.getId(), op.getId(),
                        nodeId, host.get().getId());
                return StepResult.again("broker " + nodeId + " stopped");
            }
        }
        return StepResult.done();
    }

    /** Kafka forgets the stopped brokers, so they count neither as registered nor as fenced replicas' homes. */
    private StepResult unregister(Instance instance) {
        Set<Integer> removed = removedNodes(instance);
        try (Admin admin = Admin.create(brokerHosts.clientProperties(instance))) {
            for (int nodeId : removed) {
                try {
                    admin.unregisterBroker(nodeId).all().get(15, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof BrokerIdNotRegisteredException)) {
                        throw e;
                    }
                }
            }
            Set<Integer> registered = admin.describeCluster().nodes().get(15, java.util.concurrent.TimeUnit.SECONDS)
                    .stream().map(org.apache.kafka.common.Node::id).collect(Collectors.toSet());
            registered.retainAll(removed);
            return registered.isEmpty() ? StepResult.done()
                    : StepResult.waitFor(POLL, "brokers " + registered + " are still registered");
        } catch (Exception e) {
            return StepResult.waitFor(POLL, "cannot unregister the brokers yet: " + e.getMessage());
        }
    }

    private StepResult removeBrokers(Instance current) {
        tx.executeWithoutResult(s -> {
            Instance instance = instances.findById(current.getId()).orElseThrow();
            brokers.findByInstanceIdOrderByNodeId(instance.getId()).stream()
                    .filter(b -> b.getNodeId() > instance.getBrokerCount())
                    .forEach(brokers::delete);
        });
        desiredStates.write(current.getId());
        return StepResult.done();
    }

    private StepResult markRunning(Instance current) {
        tx.executeWithoutResult(s -> {
            Instance instance = instances.findById(current.getId()).orElseThrow();
            instance.setBootstrapServers(brokerHosts.bootstrap(instance));
            instance.setInternalBootstrapServers(brokerHosts.internalBootstrap(instance));
            if (instance.getStatus() == InstanceStatus.EXTENDING) {
                instance.moveTo(InstanceStatus.RUNNING, null, clock.instant());
            }
            instances.save(instance);
        });
        return StepResult.done();
    }

    private StepResult moveTo(Instance current, InstanceStatus from, InstanceStatus to) {
        tx.executeWithoutResult(s -> {
            Instance fresh = instances.findById(current.getId()).orElseThrow();
            if (fresh.getStatus() == from) {
                fresh.moveTo(to, null, clock.instant());
                instances.save(fresh);
            }
        });
        return StepResult.done();
    }

    /**
     * After a failed scale-out, the new brokers that never came up are removed again (a running one stays: it serves,
     * and a rebalance can fill it); after a failed scale-in, the brokers not stopped yet stay. The broker count is
     * then what the instance really has, and it is RUNNING again.
     */
    public void afterFailure(Operation op) {
        Instance instance = instances.findById(op.getInstanceId()).orElse(null);
        if (instance == null || op.getTargetNodeId() == null) {
            return;
        }
        for (Broker broker : brokers.findByInstanceIdOrderByNodeId(instance.getId())) {
            if (broker.getNodeId() < op.getTargetNodeId()) {
                continue;
            }
            Optional<Host> host = hosts.findLiveByBroker(instance.getId(), broker.getNodeId());
            boolean serving = host.isPresent() && host.get().brokerConverged();
            boolean keep = op.getType() == io.tributary.provisioning.operation.OperationType.SCALE_OUT ? serving
                    : host.isPresent();
            if (!keep) {
                host.ifPresent(h -> providers.forHost(h).releaseHost(h));
                tx.executeWithoutResult(s -> brokers.deleteById(new Broker.Key(instance.getId(), broker.getNodeId())));
            }
        }
        rebalance.afterFailure(op, instance);
        tx.executeWithoutResult(s -> {
            Instance fresh = instances.findById(instance.getId()).orElseThrow();
            fresh.setBrokerCount(brokers.findByInstanceIdOrderByNodeId(fresh.getId()).size());
            fresh.setBootstrapServers(brokerHosts.bootstrap(fresh));
            fresh.setInternalBootstrapServers(brokerHosts.internalBootstrap(fresh));
            if (fresh.getStatus() == InstanceStatus.EXTENDING) {
                fresh.moveTo(InstanceStatus.RUNNING, null, clock.instant());
            }
            instances.save(fresh);
        });
        desiredStates.write(instance.getId());
    }
}
