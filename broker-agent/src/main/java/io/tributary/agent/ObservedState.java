package io.tributary.agent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the agent reports in {@code POST .../observed-state} (docs/agent-api.md); {@code restartNonce} is the one
 * the running broker was started with ({@code null} with no broker).
 */
record ObservedState(
        long generation,
        String configHash,
        String kafkaVersion,
        String agentVersion,
        BrokerStatus status,
        Long pid,
        int restarts,
        Instant startedAt,
        String lastError,
        Disk disk,
        String wiped,
        String restartNonce) {

    /**
     * The log dir's usage as the {@link DiskGuard} last measured it; {@code limitBytes} is {@code null}
     * when the desired state has no storage guard.
     */
    record Disk(long usedBytes, Long limitBytes, boolean produceRejected) {
    }

    ObservedState withLastError(String error) {
        return new ObservedState(generation, configHash, kafkaVersion, agentVersion, status, pid, restarts,
                startedAt, error, disk, wiped, restartNonce);
    }

    /** @param nonce the nonce of the last wipe this agent finished ({@code null}: none) */
    ObservedState withWiped(String nonce) {
        return new ObservedState(generation, configHash, kafkaVersion, agentVersion, status, pid, restarts,
                startedAt, lastError, disk, nonce, restartNonce);
    }

    ObservedState withDisk(Disk newDisk) {
        return new ObservedState(generation, configHash, kafkaVersion, agentVersion, status, pid, restarts,
                startedAt, lastError, newDisk, wiped, restartNonce);
    }

    /**
     * This state without the measured bytes: what decides whether a change is reported at once. Usage
     * moves with every measurement and goes out with the periodic report; a flip of produceRejected (or
     * a new limit) is a change like any other.
     */
    ObservedState withoutDiskUsage() {
        return disk == null ? this : withDisk(new Disk(0, disk.limitBytes(), disk.produceRejected()));
    }

    String toJson() {
        Map<String, Object> broker = new LinkedHashMap<>();
        broker.put("status", status.name());
        broker.put("pid", pid);
        broker.put("restarts", restarts);
        broker.put("startedAt", startedAt == null ? null : startedAt.toString());
        broker.put("restartNonce", restartNonce);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generation", generation);
        root.put("configHash", configHash);
        root.put("kafkaVersion", kafkaVersion);
        root.put("agentVersion", agentVersion);
        root.put("broker", broker);
        if (disk == null) {
            root.put("disk", null);
        } else {
            Map<String, Object> diskJson = new LinkedHashMap<>();
            diskJson.put("usedBytes", disk.usedBytes());
            diskJson.put("limitBytes", disk.limitBytes());
            diskJson.put("produceRejected", disk.produceRejected());
            root.put("disk", diskJson);
        }
        root.put("lastError", lastError);
        root.put("wiped", wiped);
        return Json.write(root);
    }
}
