package io.tributary.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservedStateTest {

    @Test
    void jsonHasTheDocumentedShapeIncludingNulls() throws Exception {
        ObservedState state = new ObservedState(3, "abc", "4.1.1", "0.1.0", BrokerStatus.RUNNING, 4242L, 0,
                Instant.parse("2026-11-23T05:40:00Z"), null, new ObservedState.Disk(123, 456L, false), null, "op-1");

        Map<String, Object> json = Json.parseObject(state.toJson());

        assertThat(json).containsEntry("generation", 3).containsEntry("configHash", "abc")
                .containsEntry("kafkaVersion", "4.1.1").containsEntry("agentVersion", "0.1.0")
                .containsEntry("lastError", null).containsEntry("wiped", null)
                .containsEntry("disk", Map.of("usedBytes", 123, "limitBytes", 456, "produceRejected", false))
                .containsEntry("broker", Map.of("status", "RUNNING", "pid", 4242, "restarts", 0,
                        "startedAt", "2026-11-23T05:40:00Z", "restartNonce", "op-1"));
    }

    @Test
    void diskIsNullBeforeTheFirstMeasurementAndLimitIsNullWithoutAGuard() throws Exception {
        ObservedState state = new ObservedState(3, "abc", "4.1.1", "0.1.0", BrokerStatus.RUNNING, 4242L, 0, null,
                null, null, null, null);

        assertThat(Json.parseObject(state.toJson())).containsEntry("disk", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> disk = (Map<String, Object>) Json.parseObject(
                state.withDisk(new ObservedState.Disk(7, null, false)).toJson()).get("disk");
        assertThat(disk).containsEntry("usedBytes", 7).containsEntry("limitBytes", null)
                .containsEntry("produceRejected", false);
    }

    @Test
    void usageAloneIsNotAChangeToReportAtOnceButAFlipIs() {
        ObservedState base = new ObservedState(3, "abc", "4.1.1", "0.1.0", BrokerStatus.RUNNING, 4242L, 0, null,
                null, new ObservedState.Disk(100, 1000L, false), null, null);

        assertThat(base.withDisk(new ObservedState.Disk(200, 1000L, false)).withoutDiskUsage())
                .isEqualTo(base.withoutDiskUsage());
        assertThat(base.withDisk(new ObservedState.Disk(200, 1000L, true)).withoutDiskUsage())
                .isNotEqualTo(base.withoutDiskUsage());
    }

    @Test
    void credentialIsRedactedInToString() {
        assertThat(new Credential("h1", "top-secret").toString()).doesNotContain("top-secret");
    }
}
