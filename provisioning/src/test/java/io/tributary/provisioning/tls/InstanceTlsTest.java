package io.tributary.provisioning.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.provisioning.crypto.SecretCipher;
import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.host.HostStatus;
import io.tributary.provisioning.instance.Broker;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.tls.CertificateAuthority;
import io.tributary.provisioning.tls.TlsProperties;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Certificates the control plane issues live as long as configured and are renewed at two thirds of it. */
class InstanceTlsTest {

    static final Duration LIFETIME = Duration.ofMinutes(3);
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    final InstanceTls tls = new InstanceTls(new SecretCipher(new SecureRandom().generateSeed(32)), clock,
            new TlsProperties(LIFETIME, LIFETIME, Duration.ofMinutes(30)));
    final Instance instance = new Instance(UUID.randomUUID(), UUID.randomUUID(), "i", clock.instant());

    @Test
    void theControlPlanesClientCertificateIsReissuedOnceTwoThirdsOfItsLifetimeHavePassed() {
        tls.ensureCa(instance);
        String first = tls.controlPlaneIdentity(instance).certificatePem();
        assertThat(CertificateAuthority.notAfter(first)).isEqualTo(clock.instant().plus(LIFETIME));

        clock.advance(Duration.ofSeconds(119));
        assertThat(tls.controlPlaneIdentity(instance).certificatePem()).as("before two thirds").isEqualTo(first);
        clock.advance(Duration.ofSeconds(1));
        String second = tls.controlPlaneIdentity(instance).certificatePem();
        assertThat(second).as("at two thirds, a third before the end").isNotEqualTo(first);
        assertThat(CertificateAuthority.notAfter(second)).isEqualTo(clock.instant().plus(LIFETIME));
    }

    @Test
    void brokerCertificatesFollowTheirLifetimeSettingAndAreDueForRotationAtTwoThirds() {
        tls.ensureCa(instance);
        Broker broker = new Broker(instance.getId(), 1, "az1", List.of("broker"));
        Host host = new Host(UUID.randomUUID(), "local", "az1", HostStatus.READY, clock.instant());
        host.setAddress("127.0.0.1");
        tls.ensureBrokerCertificate(instance, broker, host);
        assertThat(CertificateAuthority.notAfter(broker.getTlsCertificate())).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(InstanceTls.expiresSoon(broker, clock.instant().plus(Duration.ofMinutes(19)))).isFalse();
        assertThat(InstanceTls.expiresSoon(broker, clock.instant().plus(Duration.ofMinutes(20)))).isTrue();
    }

    @Test
    void lifetimesDefaultToAYearAndTooShortOnesStopTheStart() {
        assertThat(TlsProperties.defaults().agentCertificateLifetime()).isEqualTo(Duration.ofDays(365));
        assertThat(TlsProperties.defaults().clientCertificateLifetime()).isEqualTo(Duration.ofDays(365));
        assertThatThrownBy(() -> new TlsProperties(Duration.ofSeconds(30), null, null))
                .hasMessageContaining("tributary.tls.agent-certificate-lifetime");
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
