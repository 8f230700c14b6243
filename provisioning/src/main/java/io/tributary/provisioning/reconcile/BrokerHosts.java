package io.tributary.provisioning.reconcile;

import io.tributary.provisioning.desired.DesiredStateFactory;
import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.host.HostProviders;
import io.tributary.provisioning.host.HostRepository;
import io.tributary.provisioning.instance.Broker;
import io.tributary.provisioning.instance.BrokerRepository;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.tls.ControlPlaneClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps that bring an instance's brokers onto hosts and into the cluster, shared by a creation and a scale-out:
 * a host for every broker, every agent converged, and Kafka seeing every broker registered.
 */
public class BrokerHosts {

    private static final Logger log = LoggerFactory.getLogger(BrokerHosts.class);
    private static final Duration POLL = Duration.ofMillis(300);

    private final InstanceRepository instances;
    private final BrokerRepository brokers;
    private final HostRepository hosts;
    private final HostProviders providers;
    private final ClusterProbe probe;
    private final ControlPlaneClients clients;
    private final TransactionTemplate tx;

    public BrokerHosts(InstanceRepository instances, BrokerRepository brokers, HostRepository hosts,
                       HostProviders providers, ClusterProbe probe, ControlPlaneClients clients, TransactionTemplate tx) {
        this.instances = instances;
        this.brokers = brokers;
        this.hosts = hosts;
        this.providers = providers;
        this.probe = probe;
        this.clients = clients;
        this.tx = tx;
    }

    /**
     * One host per broker, made or picked by the host provider. A pass makes at most one new host
     * and then runs again, so the runner checks the lease (and that no delete cancelled the order)
     * before each host is made.
     */
    StepResult ensureHosts(Operation op, Instance instance) {
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

    /** Every agent runs the current desired state and reports its broker up; percent from {@code from} to {@code to}. */
    StepResult waitForBrokers(Instance current, int from, int to) {
        Instance instance = instances.findById(current.getId()).orElseThrow();
        List<Host> live = hosts.findLiveByInstance(instance.getId());
        long converged = live.stream().filter(Host::brokerConverged).count();
        if (live.size() == instance.getBrokerCount() && converged == live.size()) {
            return StepResult.done();
        }
        int percent = from + (int) ((to - from) * converged / Math.max(1, instance.getBrokerCount()));
        return StepResult.waitFor(POLL, percent, converged + " of " + instance.getBrokerCount() + " brokers up");
    }

    /** Kafka itself sees every broker registered and the KRaft quorum has a leader. */
    StepResult waitForRegistration(Instance current) {
        Instance instance = instances.findById(current.getId()).orElseThrow();
        try {
            ClusterProbe.Health health = probe.probe(clientProperties(instance));
            if (health.brokers() == instance.getBrokerCount() && health.quorumLeader() >= 0) {
                return StepResult.done();
            }
            return StepResult.waitFor(POLL, health.brokers() + " of " + instance.getBrokerCount() + " brokers registered");
        } catch (Exception e) {
            return StepResult.waitFor(POLL, "cluster not answering yet");
        }
    }

    /** How the control plane's clients reach the instance: its brokers' internal listeners, mutual TLS. */
    Properties clientProperties(Instance instance) {
        return clients.properties(instance, internalBootstrap(instance));
    }

    String internalBootstrap(Instance instance) {
        return DesiredStateFactory.internalBootstrapServers(brokersWithHosts(instance), hostsByNode(instance));
    }

    String bootstrap(Instance instance) {
        return DesiredStateFactory.bootstrapServers(brokersWithHosts(instance), hostsByNode(instance));
    }

    /** The brokers that have a live host (during a scale-out, a new broker may not have one yet). */
    private List<Broker> brokersWithHosts(Instance instance) {
        Map<Integer, Host> byNode = hostsByNode(instance);
        return brokers.findByInstanceIdOrderByNodeId(instance.getId()).stream()
                .filter(b -> byNode.containsKey(b.getNodeId()))
                .toList();
    }

    Map<Integer, Host> hostsByNode(Instance instance) {
        return hosts.findLiveByInstance(instance.getId()).stream()
                .filter(h -> h.getNodeId() != null)
                .collect(Collectors.toMap(Host::getNodeId, Function.identity()));
    }
}
