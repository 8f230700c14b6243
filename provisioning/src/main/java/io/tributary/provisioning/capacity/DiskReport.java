package io.tributary.provisioning.capacity;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code disk} part of an agent's observed state. */
record DiskReport(long usedBytes, long limitBytes, boolean produceRejected) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Optional<DiskReport> of(String observedState) {
        if (observedState == null) {
            return Optional.empty();
        }
        JsonNode disk = JSON.readTree(observedState).path("disk");
        if (disk.isMissingNode() || disk.path("limitBytes").asLong(0) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new DiskReport(disk.path("usedBytes").asLong(0), disk.path("limitBytes").asLong(),
                disk.path("produceRejected").asBoolean(false)));
    }

    double usage() {
        return (double) usedBytes / limitBytes;
    }

    String describe() {
        return String.format("%d%% full (%,d of %,d bytes)", Math.round(usage() * 100), usedBytes, limitBytes);
    }
}
