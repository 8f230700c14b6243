package io.tributary.provisioning.desired;

import java.util.List;
import java.util.Map;

/** What one agent should run; the wire format of docs/agent-api.md. */
public record DesiredState(
        String hostId,
        String action,
        String kafkaVersion,
        int nodeId,
        List<String> processRoles,
        String clusterId,
        String controllerQuorumVoters,
        String rack,
        List<Listener> listeners,
        String interBrokerListener,
        String controllerListener,
        Map<String, String> brokerSettings,
        Map<String, String> userSettings,
        Jvm jvm,
        Storage storage) {

    public static final String CLIENT = "CLIENT";
    public static final String CONTROLLER = "CONTROLLER";
    public static final String INTERNAL = "INTERNAL";

    public record Listener(String name, int port, String securityProtocol, String advertisedHost) {
    }

    public record Jvm(int heapMb, List<String> options) {
    }

    /** The disk guard: above {@code highWatermark} of {@code limitBytes} the capacity policy acts. */
    public record Storage(long limitBytes, String capacityPolicy, double highWatermark, double lowWatermark) {

        public static final double HIGH = 0.95;
        public static final double LOW = 0.85;
    }
}
