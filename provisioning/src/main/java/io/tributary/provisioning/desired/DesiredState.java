package io.tributary.provisioning.desired;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What one agent should run; the wire format of docs/agent-api.md. {@code restartNonce} (left out while there is
 * none): a new value makes the agent restart its broker once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
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
        Storage storage,
        Tls tls,
        Sasl sasl,
        Network network,
        @JsonInclude(JsonInclude.Include.NON_NULL) String restartNonce) {

    public static final String CLIENT = "CLIENT";

    /**
     * What an agent restarts its broker for when it changes (the rendered server.properties, the Kafka version and
     * the JVM; the restart nonce aside): everything else (users, certificates, allow-list, disk limits) the broker
     * re-reads in place.
     */
    public record Launch(String kafkaVersion, List<String> processRoles, String clusterId, String controllerQuorumVoters,
                         String rack, List<Listener> listeners, String interBrokerListener, String controllerListener,
                         Map<String, String> brokerSettings, Map<String, String> userSettings, Jvm jvm) {
    }

    public Launch launch() {
        return new Launch(kafkaVersion, processRoles, clusterId, controllerQuorumVoters, rack, listeners,
                interBrokerListener, controllerListener, brokerSettings, userSettings, jvm);
    }

    /** This state with the broker launched as in {@code launch}: what changes in place goes ahead, a restart waits. */
    public DesiredState withLaunch(Launch l) {
        return new DesiredState(hostId, action, l.kafkaVersion(), nodeId, l.processRoles(), l.clusterId(),
                l.controllerQuorumVoters(), l.rack(), l.listeners(), l.interBrokerListener(), l.controllerListener(),
                l.brokerSettings(), l.userSettings(), l.jvm(), storage, tls, sasl, network, restartNonce);
    }
    public static final String CONTROLLER = "CONTROLLER";
    public static final String INTERNAL = "INTERNAL";

    public record Listener(String name, int port, String securityProtocol, String advertisedHost) {
    }

    public record Jvm(int heapMb, List<String> options) {
    }

    /**
     * PEM material for the broker's TLS listeners (the internal and controller ones always, the client one for
     * SASL_SSL). The key is kept sealed (AES-GCM with the control plane's secret key, as in the brokers table);
     * {@link ServedDesiredState} unseals it into {@code privateKey} only in the answer to the host's own agent.
     */
    public record Tls(String caCertificate, String certificateChain, String sealedPrivateKey) {
    }

    /** The client listener's SASL mechanisms and the users the PLAIN handler checks (salted, never passwords). */
    public record Sasl(List<String> mechanisms, List<User> users) {

        public record User(String name, String salt, int iterations, String storedKey) {
        }
    }

    /** Client networks allowed on the client listener; empty = every address. */
    public record Network(List<String> allowedCidrs) {
    }

    /** The disk guard: above {@code highWatermark} of {@code limitBytes} the capacity policy acts. */
    public record Storage(long limitBytes, String capacityPolicy, double highWatermark, double lowWatermark) {

        public static final double HIGH = 0.95;
        public static final double LOW = 0.85;
    }
}
