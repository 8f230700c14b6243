package io.tributary.provisioning.desired;

import io.tributary.provisioning.instance.Broker;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Spreads brokers over the ordered zones round-robin (node 1 in the first zone, 2 in the second...)
 * and makes the first three nodes the KRaft controllers, so with three or more zones every
 * controller sits in a zone of its own.
 */
public final class Placement {

    static final int CONTROLLERS = 3;

    private Placement() {
    }

    public static List<Broker> place(UUID instanceId, int brokerCount, List<String> zones) {
        List<Broker> brokers = new ArrayList<>();
        for (int i = 0; i < brokerCount; i++) {
            int nodeId = i + 1;
            String zone = zones.get(i % zones.size());
            List<String> roles = i < CONTROLLERS ? List.of(Broker.BROKER, Broker.CONTROLLER) : List.of(Broker.BROKER);
            brokers.add(new Broker(instanceId, nodeId, zone, roles));
        }
        return brokers;
    }
}
