package io.tributary.provisioning.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** RELEASING → READY only on the agent's word that it wiped the host. */
class HostReleaseTest {

    static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    void aReleasedPoolHostIsToldToWipeAndKeepsNothingOfTheInstance() {
        Host host = assignedPoolHost();
        long generation = host.getDesiredGeneration();

        host.release("wipe_1", NOW);

        assertThat(host.getDesiredState()).isEqualTo("{\"hostId\":\"" + host.getId()
                + "\",\"action\":\"WIPE\",\"wipeNonce\":\"wipe_1\"}");
        assertThat(host.getDesiredGeneration()).isGreaterThan(generation);
        assertThat(host.getInstanceId()).isNull();
        assertThat(host.getNodeId()).isNull();
        assertThat(host.getStatus()).isEqualTo(HostStatus.RELEASING);
    }

    @Test
    void releasingToReadyOnlyWhenTheAgentReportsThisWipesNonce() {
        Host host = assignedPoolHost();
        host.release("wipe_2", NOW);

        host.observed("{}", host.getDesiredGeneration(), "STOPPED", null, NOW);
        host.observed("{}", host.getDesiredGeneration(), "STOPPED", "wipe_1", NOW);
        assertThat(host.getStatus()).as("no or an older wipe").isEqualTo(HostStatus.RELEASING);
        host.enrolled("hash-2", "10.0.0.5", NOW);
        assertThat(host.getStatus()).as("re-enrolling does not skip the wipe").isEqualTo(HostStatus.RELEASING);

        host.observed("{\"wiped\":\"wipe_2\"}", host.getDesiredGeneration(), "STOPPED", "wipe_2", NOW);

        assertThat(host.getStatus()).isEqualTo(HostStatus.READY);
        assertThat(host.getDesiredState()).isNull();
        assertThat(host.getWipeNonce()).isNull();
    }

    private static Host assignedPoolHost() {
        Host host = new Host(UUID.randomUUID(), Host.POOL, "az1", HostStatus.READY, NOW);
        host.enrolled("hash", "10.0.0.5", NOW);
        host.assign(UUID.randomUUID(), 1, NOW);
        host.desire("{\"hostId\":\"h\",\"action\":\"RUN\",\"nodeId\":1,\"tls\":{\"privateKey\":\"-----BEGIN PRIVATE KEY-----\"}}", NOW);
        return host;
    }
}
