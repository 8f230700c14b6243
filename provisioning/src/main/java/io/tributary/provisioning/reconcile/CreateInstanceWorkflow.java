package io.tributary.provisioning.reconcile;

import io.tributary.provisioning.catalog.FlavorCatalog;
import io.tributary.provisioning.desired.DesiredStateFactory;
import io.tributary.provisioning.desired.Placement;
import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.host.HostProviders;
import io.tributary.provisioning.host.HostRepository;
import io.tributary.provisioning.instance.Broker;
import io.tributary.provisioning.instance.BrokerRepository;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.instance.InstanceStatus;
import io.tributary.provisioning.json.JsonText;
import io.tributary.provisioning.operation.Operation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/** An order becomes a running cluster: place → hosts → desired state → agents → quorum → RUNNING. */
public class CreateInstanceWorkflow {

    private static final Logger log = LoggerFactory.getLogger(CreateInstanceWorkflow.class);
    private static final Duration POLL = Duration.ofMillis(300);

    private final InstanceRepository instances;
    private final BrokerRepository brokers;
    private final HostRepository hosts;
    private final HostProviders providers;
    private final FlavorCatalog flavors;
    private final DesiredStateFactory desiredStates;
    private final ClusterProbe probe;
    private final TransactionTemplate tx;
    private final Clock clock;

    public CreateInstanceWorkflow(InstanceRepository instances, BrokerRepository brokers, HostRepository hosts,
                                  HostProviders providers, FlavorCatalog flavors, DesiredStateFactory desiredStates,
                                  ClusterProbe probe, TransactionTemplate tx, Clock clock) {
        this.instances = instances;
        this.brokers = brokers;
        this.hosts = hosts;
        this.providers = providers;
        this.flavors = flavors;
        this.desiredStates = desiredStates;
        this.probe = probe;
        this.tx = tx;
        this.clock = clock;
    }

    public List<Step> steps() {
        return List.of(
                new Step("CHECK_ORDER", 2, this::checkOrder),
                new Step("PLACE_BROKERS", 5, this::placeBrokers),
                new Step("ENSURE_HOSTS", 15, this::ensureHosts),
                new Step("WRITE_DESIRED_STATE", 30, this::writeDesiredState),
                new Step("WAIT_FOR_BROKERS", 35, this::waitForBrokers),
                new Step("WAIT_FOR_QUORUM", 85, this::waitForQuorum),
                new Step("MARK_RUNNING", 95, this::markRunning));
    }

    /** Listener security is not built yet: a SASL order fails plainly rather than running open. */
    private StepResult checkOrder(Operation op, Instance instance) {
        if (!"PLAINTEXT".equals(instance.getSecurityProtocol())) {
            throw new UnsupportedOrderException(instance.getSecurityProtocol()
                    + " listeners are not available in this release; order PLAINTEXT");
        }
        return StepResult.done();
    }

    /** Spread brokers over the zones and pick the KRaft controllers; fix the cluster id. */
    private StepResult placeBrokers(Operation op, Instance instance) {
        tx.executeWithoutResult(s -> {
            Instance i = instances.findById(instance.getId()).orElseThrow();
            if (i.getClusterId() == null) {
                i.setClusterId(Uuid.randomUuid().toString());
                instances.save(i);
            }
            if (brokers.findByInstanceIdOrderByNodeId(i.getId()).isEmpty()) {
                brokers.saveAll(Placement.place(i.getId(), i.getBrokerCount(), i.getAvailabilityZones()));
            }
        });
        return StepResult.done();
    }

    /** One host per broker, made or picked by the host provider. */
    private StepResult ensureHosts(Operation op, Instance instance) {
        for (Broker broker : brokers.findByInstanceIdOrderByNodeId(instance.getId())) {
            Host host = providers.active().ensureHost(broker);
            if (!host.getId().equals(broker.getHostId())) {
                tx.executeWithoutResult(s -> {
                    Broker b = brokers.findById(new Broker.Key(broker.getInstanceId(), broker.getNodeId())).orElseThrow();
                    b.setHostId(host.getId());
                    brokers.save(b);
                });
            }
        }
        return StepResult.done();
    }

    /** Each host's desired state: node id, roles, voters, listeners, rack, tuned settings. */
    private StepResult writeDesiredState(Operation op, Instance current) {
        tx.executeWithoutResult(s -> {
            Instance instance = instances.findById(current.getId()).orElseThrow();
            List<Broker> all = brokers.findByInstanceIdOrderByNodeId(instance.getId());
            Map<Integer, Host> byNode = hostsByNode(instance);
            for (Broker broker : all) {
                Host host = byNode.get(broker.getNodeId());
                var state = desiredStates.build(instance, flavors.get(instance.getFlavor()), broker, host, byNode, all);
                if (host.desire(JsonText.write(state), clock.instant())) {
                    hosts.save(host);
                }
            }
        });
        return StepResult.done();
    }

    /** Every agent runs the current desired state and reports its broker up. */
    private StepResult waitForBrokers(Operation op, Instance instance) {
        List<Host> live = hosts.findLiveByInstance(instance.getId());
        long converged = live.stream().filter(Host::brokerConverged).count();
        if (live.size() == instance.getBrokerCount() && converged == live.size()) {
            return StepResult.done();
        }
        int percent = 35 + (int) (50 * converged / Math.max(1, instance.getBrokerCount()));
        return StepResult.waitFor(POLL, percent, converged + " of " + instance.getBrokerCount() + " brokers up");
    }

    /** Kafka itself sees every broker registered and the KRaft quorum has a leader. */
    private StepResult waitForQuorum(Operation op, Instance instance) {
        String bootstrap = DesiredStateFactory.bootstrapServers(brokers.findByInstanceIdOrderByNodeId(instance.getId()),
                hostsByNode(instance));
        try {
            ClusterProbe.Health health = probe.probe(bootstrap);
            if (health.brokers() == instance.getBrokerCount() && health.quorumLeader() >= 0) {
                return StepResult.done();
            }
            return StepResult.waitFor(POLL, health.brokers() + " of " + instance.getBrokerCount() + " brokers registered");
        } catch (Exception e) {
            return StepResult.waitFor(POLL, "cluster not answering yet");
        }
    }

    private StepResult markRunning(Operation op, Instance current) {
        tx.executeWithoutResult(s -> {
            Instance instance = instances.findById(current.getId()).orElseThrow();
            if (instance.getStatus() == InstanceStatus.CREATING) {
                instance.setBootstrapServers(DesiredStateFactory.bootstrapServers(
                        brokers.findByInstanceIdOrderByNodeId(instance.getId()), hostsByNode(instance)));
                instance.moveTo(InstanceStatus.RUNNING, null, clock.instant());
                instances.save(instance);
                log.info("instance={} operation={} is RUNNING at {}", instance.getId(), op.getId(), instance.getBootstrapServers());
            }
        });
        return StepResult.done();
    }

    private Map<Integer, Host> hostsByNode(Instance instance) {
        return hosts.findLiveByInstance(instance.getId()).stream()
                .collect(Collectors.toMap(Host::getNodeId, Function.identity()));
    }
}
