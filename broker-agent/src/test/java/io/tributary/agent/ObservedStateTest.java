package io.tributary.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservedStateTest {

    @Test
    void jsonHasTheDocumentedShapeIncludingNulls() throws Exception {
        ObservedState state = new ObservedState(3, "abc", "4.1.1", "0.1.0", BrokerStatus.RUNNING, 4242L, 0,
                Instant.parse("2026-11-23T05:40:00Z"), null);

        Map<String, Object> json = Json.parseObject(state.toJson());

        assertThat(json).containsEntry("generation", 3).containsEntry("configHash", "abc")
                .containsEntry("kafkaVersion", "4.1.1").containsEntry("agentVersion", "0.1.0")
                .containsEntry("lastError", null)
                .containsEntry("broker", Map.of("status", "RUNNING", "pid", 4242, "restarts", 0,
                        "startedAt", "2026-11-23T05:40:00Z"));
    }

    @Test
    void credentialIsRedactedInToString() {
        assertThat(new Credential("h1", "top-secret").toString()).doesNotContain("top-secret");
    }
}
