package io.tributary.api.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.provisioning.crypto.SecretCipher;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceStatus;
import io.tributary.provisioning.tls.ControlPlaneClients;
import io.tributary.provisioning.tls.InstanceTls;
import io.tributary.provisioning.tls.TlsProperties;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cached clients are made again with the renewed control-plane certificate before the old one ends. */
class InstanceKafkaTest {

    static final Duration LIFETIME = Duration.ofMinutes(3);
    Instant now = Instant.parse("2026-12-01T00:00:00Z");
    final Clock clock = new Clock() {
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
    };
    final InstanceTls tls = new InstanceTls(new SecretCipher(new SecureRandom().generateSeed(32)), clock,
            new TlsProperties(LIFETIME, LIFETIME, null));
    final InstanceKafka kafka = new InstanceKafka(null, new ControlPlaneClients(tls));

    @AfterEach
    void close() {
        kafka.closeAll();
    }

    @Test
    void theAdminClientIsRemadeOnceTheControlPlanesCertificateIsRenewed() {
        Instance instance = new Instance(UUID.randomUUID(), UUID.randomUUID(), "i", now);
        tls.ensureCa(instance);
        instance.setInternalBootstrapServers("127.0.0.1:1"); // clients connect lazily: nothing needs to listen
        instance.moveTo(InstanceStatus.RUNNING, "test", now);

        Admin first = kafka.admin(instance);
        now = now.plus(Duration.ofMinutes(1));
        assertThat(kafka.admin(instance)).as("the certificate is still young").isSameAs(first);
        now = now.plus(Duration.ofMinutes(1));
        assertThat(kafka.admin(instance)).as("two thirds of the certificate's lifetime have passed").isNotSameAs(first);
    }
}
