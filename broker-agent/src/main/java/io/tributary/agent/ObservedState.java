package io.tributary.agent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the agent reports in {@code POST .../observed-state} (docs/agent-api.md). */
record ObservedState(
        long generation,
        String configHash,
        String kafkaVersion,
        String agentVersion,
        BrokerStatus status,
        Long pid,
        int restarts,
        Instant startedAt,
        String lastError) {

    ObservedState withLastError(String error) {
        return new ObservedState(generation, configHash, kafkaVersion, agentVersion, status, pid, restarts,
                startedAt, error);
    }

    String toJson() {
        Map<String, Object> broker = new LinkedHashMap<>();
        broker.put("status", status.name());
        broker.put("pid", pid);
        broker.put("restarts", restarts);
        broker.put("startedAt", startedAt == null ? null : startedAt.toString());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generation", generation);
        root.put("configHash", configHash);
        root.put("kafkaVersion", kafkaVersion);
        root.put("agentVersion", agentVersion);
        root.put("broker", broker);
        root.put("lastError", lastError);
        return Json.write(root);
    }
}
