package io.tributary.provisioning.desired;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.provisioning.crypto.SecretCipher;
import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.host.HostStatus;
import io.tributary.provisioning.json.JsonText;
import io.tributary.provisioning.tls.CertificateAuthority;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The stored desired state holds the broker's key only sealed; the agent's answer has it in clear. */
class ServedDesiredStateTest {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    final SecretCipher cipher = new SecretCipher(new SecureRandom().generateSeed(32));
    final CertificateAuthority ca = CertificateAuthority.create("tributary-instance-test", NOW);

    @Test
    void theStoredStateHasNoClearKeyAndTheServedOneHasTheKeyOfItsCertificate() {
        CertificateAuthority.Issued broker = ca.issue("broker", List.of("127.0.0.1"), NOW);
        String stored = JsonText.write(state(broker.certificatePem(), cipher.encrypt(broker.privateKeyPem())));
        assertThat(stored).doesNotContain("PRIVATE KEY").doesNotContain("\"privateKey\"");

        JsonNode served = JsonMapper.builder().build().readTree(new ServedDesiredState(cipher).body(stored, 7));
        assertThat(served.propertyNames().iterator().next()).isEqualTo("generation");
        assertThat(served.path("generation").asLong()).isEqualTo(7);
        assertThat(served.path("tls").path("privateKey").asString()).isEqualTo(broker.privateKeyPem());
        assertThat(served.path("tls").path("certificateChain").asString()).isEqualTo(broker.certificatePem());
        assertThat(served.path("tls").has(ServedDesiredState.SEALED_KEY)).isFalse();
        assertThat(served.path("hostId").asString()).isEqualTo("h1");
    }

    @Test
    void aNewKeyIsANewGenerationAndTheSameSealedKeyIsNot() {
        CertificateAuthority.Issued first = ca.issue("broker", List.of("127.0.0.1"), NOW);
        String sealed = cipher.encrypt(first.privateKeyPem());
        Host host = new Host(UUID.randomUUID(), "local", "az1", HostStatus.READY, NOW);
        assertThat(host.desire(JsonText.write(state(first.certificatePem(), sealed)), NOW)).isTrue();
        long generation = host.getDesiredGeneration();
        assertThat(host.desire(JsonText.write(state(first.certificatePem(), sealed)), NOW)).isFalse();
        assertThat(host.getDesiredGeneration()).isEqualTo(generation);

        CertificateAuthority.Issued renewed = ca.issue("broker", List.of("127.0.0.1"), NOW);
        assertThat(host.desire(JsonText.write(state(renewed.certificatePem(), cipher.encrypt(renewed.privateKeyPem()))), NOW))
                .isTrue();
        assertThat(host.getDesiredGeneration()).isEqualTo(generation + 1);
    }

    @Test
    void aStateWithoutTlsIsServedAsStored() {
        String stored = JsonText.write(Map.of("hostId", "h1", "action", "STOP"));
        JsonNode served = JsonMapper.builder().build().readTree(new ServedDesiredState(cipher).body(stored, 3));
        assertThat(served.path("action").asString()).isEqualTo("STOP");
        assertThat(served.path("generation").asLong()).isEqualTo(3);
    }

    private DesiredState state(String certificate, String sealedKey) {
        return new DesiredState("h1", "RUN", "4.1.1", 1, List.of("broker", "controller"), "cluster", "1@127.0.0.1:19101",
                "az1", List.of(), DesiredState.INTERNAL, DesiredState.CONTROLLER, Map.of(), Map.of(),
                new DesiredState.Jvm(256, List.of()), null, new DesiredState.Tls(ca.certificatePem(), certificate, sealedKey),
                null, new DesiredState.Network(List.of()), null);
    }
}
