package io.tributary.provisioning.desired;

import io.tributary.provisioning.catalog.Flavor;
import io.tributary.provisioning.instance.Broker;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.host.Host;
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

    public DesiredState build(Instance instance, Flavor flavor, Broker broker, Host host, Map<Integer, Host> hostsByNode,
                              List<Broker> brokers) {
        ListenerPorts ports = ListenerPorts.of(host);
        String address = host.getAddress();
        List<DesiredState.Listener> listeners = new ArrayList<>();
        listeners.add(new DesiredState.Listener(DesiredState.CLIENT, ports.client(), "PLAINTEXT", address));
        if (broker.isController()) {
            listeners.add(new DesiredState.Listener(DesiredState.CONTROLLER, ports.controller(), "PLAINTEXT", address));
        }
        listeners.add(new DesiredState.Listener(DesiredState.INTERNAL, ports.internal(), "PLAINTEXT", address));
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
                BrokerTuning.settings(flavor, instance.getBrokerCount(), instance.getRetentionHours(), limitBytes),
                instance.getBrokerConfig(),
                new DesiredState.Jvm(heap, BrokerTuning.jvmOptions()),
                new DesiredState.Storage(limitBytes, instance.getCapacityPolicy(), DesiredState.Storage.HIGH,
                        DesiredState.Storage.LOW));
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
