package io.tributary.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Desired-state documents for tests, shaped like the example in docs/agent-api.md. */
final class TestStates {

    private TestStates() {
    }

    /** A combined broker+controller node with CLIENT, CONTROLLER and INTERNAL listeners. */
    static Map<String, Object> combined(String hostId, long generation, int clientPort, int controllerPort,
            int internalPort) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("hostId", hostId);
        state.put("generation", generation);
        state.put("action", "RUN");
        state.put("kafkaVersion", "4.1.1");
        state.put("nodeId", 1);
        state.put("processRoles", List.of("broker", "controller"));
        state.put("clusterId", "MkU3OEVBNTcwNTJENDM2Qk");
        state.put("controllerQuorumVoters", "1@127.0.0.1:" + controllerPort);
        state.put("rack", "az1");
        state.put("listeners", new ArrayList<>(List.of(
                listener("CLIENT", clientPort),
                listener("CONTROLLER", controllerPort),
                listener("INTERNAL", internalPort))));
        state.put("interBrokerListener", "INTERNAL");
        state.put("controllerListener", "CONTROLLER");
        state.put("brokerSettings", new LinkedHashMap<>(Map.of("num.io.threads", "8", "num.network.threads", "3")));
        state.put("userSettings", new LinkedHashMap<>(Map.of("log.retention.hours", "72")));
        state.put("jvm", new LinkedHashMap<>(Map.of("heapMb", 512, "options", List.of("-XX:+UseG1GC"))));
        state.put("someFutureField", Map.of("ignored", true));
        return state;
    }

    static Map<String, Object> combined() {
        return combined("host-1", 3, 19100, 19101, 19102);
    }

    static Map<String, Object> listener(String name, int port) {
        Map<String, Object> listener = new LinkedHashMap<>();
        listener.put("name", name);
        listener.put("port", port);
        listener.put("securityProtocol", "PLAINTEXT");
        listener.put("advertisedHost", "127.0.0.1");
        return listener;
    }

    static DesiredState parse(Map<String, Object> state) {
        return DesiredStateParser.parse(Json.write(state));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> settings(Map<String, Object> state, String field) {
        return (Map<String, Object>) state.get(field);
    }
}
