package io.tributary.provisioning.reconcile;

import io.tributary.provisioning.desired.DesiredStateFactory;
import io.tributary.provisioning.desired.DesiredStateWriter;
import io.tributary.provisioning.desired.Placement;
import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.host.HostProviders;
import io.tributary.provisioning.host.HostRepository;
import io.tributary.provisioning.instance.Broker;
import io.tributary.provisioning.instance.BrokerRepository;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.instance.InstanceStatus;
import io.tributary.provisioning.kafkauser.AdminUserSetup;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.tls.ControlPlaneClients;
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
    private final DesiredStateWriter desiredStates;
    private final ClusterProbe probe;
    private final AdminUserSetup adminUser;
    private final ControlPlaneClients clients;
    private final TransactionTemplate tx;
    private final Clock clock;

    public CreateInstanceWorkflow(InstanceRepository instances, BrokerRepository brokers, HostRepository hosts,
                                  HostProviders providers, DesiredStateWriter desiredStates, ClusterProbe probe,
                                  AdminUserSetup adminUser, ControlPlaneClients clients, TransactionTemplate tx,
                                  Clock clock) {
        this.instances = instances;
        this.brokers = brokers;
        this.hosts = hosts;
        this.providers = providers;
        this.desiredStates = desiredStates;
        this.probe = probe;
        this.adminUser = adminUser;
        this.clients = clients;
        this.tx = tx;
        this.clock = clock;
    }

    public List<Step> steps() {
        return List.of(
                new Step("CHECK_ORDER", 2, this::checkOrder),
                new Step("PLACE_BROKERS", 5, this::placeBrokers),
                new Step("ENSURE_HOSTS", 15, this::ensureHosts),
                new Step("PREPARE_SECURITY", 25, this::prepareSecurity),
                new Step("WRITE_DESIRED_STATE", 30, this::writeDesiredState),
                new Step("WAIT_FOR_BROKERS", 35, this::waitForBrokers),
                new Step("WAIT_FOR_QUORUM", 85, this::waitForQuorum),
                new Step("CREATE_ADMIN_USER", 90, this::createAdminUser),
                new Step("MARK_RUNNING", 95, this::markRunning));
    }

    /** A SASL order must carry its admin user's password until that user exists. */
    private StepResult checkOrder(Operation op, Instance instance) {
        if (instance.isSasl() && instance.getAdminPasswordEncrypted() == null && !adminUser.exists(instance)) {
            throw new UnsupportedOrderException("the SASL admin user's password is missing from the order");
        }
        return StepResult.done();
    }

    /** The instance's CA, and for SASL the admin user's salted credential, so the first brokers know it. */
    private StepResult prepareSecurity(Operation op, Instance instance) {
        adminUser.prepare(instance.getId());
        return StepResult.done();
    }

    /** The admin user's SCRAM credential in Kafka (through the internal listener); then its sealed password goes. */
    private StepResult createAdminUser(Operation op, Instance current) {
        Instance instance = instances.findById(current.getId()).orElseThrow();
        if (!instance.isSasl()) {
            return StepResult.done();
        }
        try {
            adminUser.create(instance, internalBootstrap(instance));
            return StepResult.done();
        } catch (Exception e) {
            log.debug("instance={} admin user not created yet: {}", instance.getId(), e.toString());
            return StepResult.waitFor(POLL, "creating the admin user");
        }
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

    /**
     * One host per broker, made or picked by the host provider. A pass makes at most one new host
     * and then runs again, so the runner checks the lease (and that no delete cancelled the order)
     * before each host is made.
     */
    private StepResult ensureHosts(Operation op, Instance instance) {
        for (Broker broker : brokers.findByInstanceIdOrderByNodeId(instance.getId())) {
            Host host = providers.active().ensureHost(broker);
            if (!host.getId().equals(broker.getHostId())) {
                tx.executeWithoutResult(s -> {
                    Broker b = brokers.findById(new Broker.Key(broker.getInstanceId(), broker.getNodeId())).orElseThrow();
                    b.setHostId(host.getId());
                    brokers.save(b);
                });
                log.info("instance={} operation={} node={} has host {}", instance.getId(), op.getId(), broker.getNodeId(),
                        host.getId());
                return StepResult.again("host for node " + broker.getNodeId());
            }
        }
        return StepResult.done();
    }

    /** Each host's desired state: node id, roles, voters, listeners, rack, tuned settings, TLS and users. */
    private StepResult writeDesiredState(Operation op, Instance current) {
        desiredStates.write(current.getId());
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
        Instance fresh = instances.findById(instance.getId()).orElseThrow();
        try {
            ClusterProbe.Health health = probe.probe(clients.properties(fresh, internalBootstrap(fresh)));
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
                instance.setInternalBootstrapServers(internalBootstrap(instance));
                instance.moveTo(InstanceStatus.RUNNING, null, clock.instant());
                instances.save(instance);
                log.info("instance={} operation={} is RUNNING at {}", instance.getId(), op.getId(), instance.getBootstrapServers());
            }
        });
        return StepResult.done();
    }

    private String internalBootstrap(Instance instance) {
        return DesiredStateFactory.internalBootstrapServers(brokers.findByInstanceIdOrderByNodeId(instance.getId()),
                hostsByNode(instance));
    }

    private Map<Integer, Host> hostsByNode(Instance instance) {
        return hosts.findLiveByInstance(instance.getId()).stream()
                .collect(Collectors.toMap(Host::getNodeId, Function.identity()));
    }
}
