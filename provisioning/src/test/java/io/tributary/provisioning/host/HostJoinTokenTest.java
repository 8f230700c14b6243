package io.tributary.provisioning.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HostJoinTokenTest {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void aHostThatNeverEnrolledGetsATokenAndEnrollmentUsesItUp() {
        Host host = new Host(UUID.randomUUID(), Host.LOCAL, "az1", HostStatus.PROVISIONING, NOW);

        host.issueJoinToken("hash-1", NOW.plusSeconds(3600));
        assertThat(host.getJoinTokenHash()).isEqualTo("hash-1");
        host.enrolled("credential-hash", "127.0.0.1", NOW);

        assertThat(host.getJoinTokenHash()).isNull();
        assertThat(host.getJoinTokenExpiresAt()).isNull();
    }

    @Test
    void anEnrolledHostIsNeverGivenATokenAgain() {
        Host host = new Host(UUID.randomUUID(), Host.LOCAL, "az1", HostStatus.PROVISIONING, NOW);
        host.enrolled("credential-hash", "127.0.0.1", NOW);

        assertThatThrownBy(() -> host.issueJoinToken("hash-2", NOW.plusSeconds(3600)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is enrolled");
        assertThat(host.getJoinTokenHash()).isNull();
    }
}
