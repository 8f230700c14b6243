package io.tributary.provisioning.desired;

import io.tributary.provisioning.catalog.Flavor;
import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.host.ListenerPorts;
import io.tributary.provisioning.instance.Broker;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.kafkauser.KafkaUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds each host's desired state from the instance, its brokers and their hosts. */
public final class DesiredStateFactory {

    private final int maxHeapMb;
    private final java.util.function.IntToLongFunction storageBytes;

    /**
     * @param maxHeapMb    cap on the broker heap (the local provider shares one machine); 0 = none
     * @param storageBytes the disk size of a broker ordered with so many GB
     */
    public DesiredStateFactory(int maxHeapMb, java.util.function.IntToLongFunction storageBytes) {
        this.maxHeapMb = maxHeapMb;
        this.storageBytes = storageBytes;
    }

    /**
     * What of the desired state is secret or changes without an order: the broker's certificate and its key
     * (sealed: the stored state never holds it in clear), the instance CA and the SASL users (salted).
     */
    public record Security(String brokerCertificate, String sealedBrokerKey, String caCertificate, List<KafkaUser> users) {
    }

    public DesiredState build(Instance instance, Flavor flavor, Broker broker, Host host, Map<Integer, Host> hostsByNode,
                              List<Broker> brokers, Security security) {
        ListenerPorts ports = ListenerPorts.of(host);
        String address = host.getAddress();
        List<DesiredState.Listener> listeners = new ArrayList<>();
        listeners.add(new DesiredState.Listener(DesiredState.CLIENT, ports.client(), instance.getSecurityProtocol(), address));
        if (broker.isController()) {
            listeners.add(new DesiredState.Listener(DesiredState.CONTROLLER, ports.controller(), "SSL", address));
        }
        listeners.add(new DesiredState.Listener(DesiredState.INTERNAL, ports.internal(), "SSL", address));
        int heap = maxHeapMb > 0 ? Math.min(flavor.brokerHeapMb(), maxHeapMb) : flavor.brokerHeapMb();
        long limitBytes = storageBytes.applyAsLong(instance.getStorageGb());
        return new DesiredState(
                host.getId().toString(),
                "RUN",
                instance.getKafkaVersion(),
                broker.getNodeId(),
                broker.getRoles(),
                instance.getClusterId(),
                voters(brokers, hostsByNode),
                broker.getAvailabilityZone(),
                listeners,
                DesiredState.INTERNAL,
                DesiredState.CONTROLLER,
                brokerSettings(instance, flavor),
                instance.getBrokerConfig(),
                new DesiredState.Jvm(heap, BrokerTuning.jvmOptions()),
                new DesiredState.Storage(limitBytes, instance.getCapacityPolicy(), DesiredState.Storage.HIGH,
                        DesiredState.Storage.LOW),
                new DesiredState.Tls(security.caCertificate(), security.brokerCertificate(), security.sealedBrokerKey()),
                instance.isSasl() ? new DesiredState.Sasl(instance.getSaslMechanisms(), security.users().stream()
                        .map(u -> new DesiredState.Sasl.User(u.getName(), u.getSalt(), u.getIterations(), u.getStoredKey()))
                        .toList()) : null,
                new DesiredState.Network(instance.getAllowedCidrs()),
                broker.getRestartNonce());
    }

    /** The platform's broker settings of an instance (not the tenant's {@code brokerConfig}) on {@code flavor}. */
    public Map<String, String> brokerSettings(Instance instance, Flavor flavor) {
        return BrokerTuning.settings(flavor, instance.getBrokerCount(), instance.getBrokerRetentionHours(),
                storageBytes.applyAsLong(instance.getStorageGb()), instance.isAutoCreateTopics(),
                instance.isSasl() ? instance.getAdminUsername() : null);
    }

    /** The internal (mutual TLS) listeners, in node order: where the control plane's clients connect. */
    public static String internalBootstrapServers(List<Broker> brokers, Map<Integer, Host> hostsByNode) {
        return brokers.stream()
                .map(b -> {
                    Host h = hostsByNode.get(b.getNodeId());
                    return h.getAddress() + ":" + ListenerPorts.of(h).internal();
                })
                .collect(Collectors.joining(","));
    }

    static String voters(List<Broker> brokers, Map<Integer, Host> hostsByNode) {
        return brokers.stream()
                .filter(Broker::isController)
                .map(b -> {
                    Host h = hostsByNode.get(b.getNodeId());
                    return b.getNodeId() + "@" + h.getAddress() + ":" + ListenerPorts.of(h).controller();
                })
                .collect(Collectors.joining(","));
    }

    /** The client bootstrap list, in node order. */
    public static String bootstrapServers(List<Broker> brokers, Map<Integer, Host> hostsByNode) {
        return brokers.stream()
                .map(b -> {
                    Host h = hostsByNode.get(b.getNodeId());
                    return h.getAddress() + ":" + ListenerPorts.of(h).client();
                })
                .collect(Collectors.joining(","));
    }
}
