package io.tributary.provisioning.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HostReleaseTest {

    @Test
    void aReleasedPoolHostIsToldToStopItsBroker() {
        Instant now = Instant.parse("2026-11-23T00:00:00Z");
        Host host = new Host(UUID.randomUUID(), Host.POOL, "az1", HostStatus.READY, now);
        host.enrolled("hash", "10.0.0.5", now);
        host.assign(UUID.randomUUID(), 1, now);
        host.desire("{\"hostId\":\"h\",\"action\":\"RUN\",\"nodeId\":1}", now);
        long generation = host.getDesiredGeneration();

        host.release(now);

        assertThat(host.getDesiredState()).contains("\"action\":\"STOP\"").doesNotContain("\"RUN\"");
        assertThat(host.getDesiredGeneration()).isGreaterThan(generation);
        assertThat(host.getInstanceId()).isNull();
        assertThat(host.getStatus()).isEqualTo(HostStatus.READY);
    }
}
