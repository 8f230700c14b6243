package io.tributary.agent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the control plane wants this host to run (docs/agent-api.md, {@code GET .../desired-state}).
 * {@link DesiredStateParser} reads and validates the JSON document into it. {@code restartNonce} ("" when the
 * document has none): when it differs from the nonce the running broker was started with, the broker restarts once
 * ({@link RestartReason#RESTART_REQUESTED}).
 */
public record DesiredState(
        String hostId,
        long generation,
        Action action,
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
        Storage storage,
        Tls tls,
        Sasl sasl,
        List<String> allowedCidrs,
        String restartNonce) {

    public enum Action {
        /** The broker should be running with this configuration. */
        RUN,
        /** The broker should not run; its data stays. */
        STOP
    }

    public record Listener(String name, int port, String securityProtocol, String advertisedHost) {
    }

    /** PEM material of the TLS listeners; {@code null} when the state has none (all listeners PLAINTEXT). */
    public record Tls(String caCertificate, String certificateChain, String privateKey) {
    }

    /** The client listener's SASL mechanisms and users (salted SCRAM-SHA-512 form); {@code null} without SASL. */
    public record Sasl(List<String> mechanisms, List<SaslUser> users) {
    }

    public record SaslUser(String name, int iterations, String salt, String storedKey) {
    }

    public record Jvm(int heapMb, List<String> options) {
        static final Jvm DEFAULT = new Jvm(1024, List.of());
    }

    /** What the agent does when the log dir approaches {@code limitBytes}. */
    public enum CapacityPolicy {
        /** Nothing on the host: the control plane deletes the oldest data (Admin deleteRecords). */
        TIME_BASE,
        /** Produce is rejected from {@code highWatermark} x limit until usage drops below {@code lowWatermark}. */
        PRODUCE_REJECT
    }

    /** The disk-capacity guard; {@code null} in the desired state when the control plane sends none. */
    public record Storage(long limitBytes, CapacityPolicy capacityPolicy, double highWatermark, double lowWatermark) {
        static final double DEFAULT_HIGH_WATERMARK = 0.95;
        static final double DEFAULT_LOW_WATERMARK = 0.85;

        /** Bytes from which produce is rejected. */
        double highBytes() {
            return highWatermark * limitBytes;
        }

        /** Bytes below which produce is accepted again. */
        double lowBytes() {
            return lowWatermark * limitBytes;
        }
    }

    public DesiredState {
        processRoles = List.copyOf(processRoles);
        listeners = List.copyOf(listeners);
        brokerSettings = java.util.Collections.unmodifiableMap(new TreeMap<>(brokerSettings));
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
        restartNonce = restartNonce == null ? "" : restartNonce;
        userSettings = java.util.Collections.unmodifiableMap(new TreeMap<>(userSettings));
    }

    public boolean isBroker() {
        return processRoles.contains("broker");
    }

    public boolean isController() {
        return processRoles.contains("controller");
    }

    /** The CLIENT listener: the first one listed, the one the agent probes for RUNNING. */
    public Listener clientListener() {
        return listeners.get(0);
    }

    public Optional<Listener> listener(String name) {
        return listeners.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
