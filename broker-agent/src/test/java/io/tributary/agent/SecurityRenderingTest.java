package io.tributary.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS, SASL and network material: parsed, rendered without secrets, written as private files. */
class SecurityRenderingTest {

    static final String PEM_CERT = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
    static final String PEM_KEY = "-----BEGIN PRIVATE KEY-----\nBBBB\n-----END PRIVATE KEY-----\n";
    static final Path HOME = Path.of("/var/lib/tributary");
    final ServerPropertiesRenderer renderer = new ServerPropertiesRenderer(HOME.resolve("data"), "10.0.0.5",
            HOME.resolve("produce-rejected"), SecurityFiles.Locations.under(HOME));

    static Map<String, Object> saslSsl() {
        Map<String, Object> doc = TestStates.combined();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listeners = (List<Map<String, Object>>) doc.get("listeners");
        listeners.get(0).put("securityProtocol", "SASL_SSL");
        listeners.get(1).put("securityProtocol", "SSL");
        listeners.get(2).put("securityProtocol", "SSL");
        doc.put("tls", Map.of("caCertificate", PEM_CERT, "certificateChain", PEM_CERT, "privateKey", PEM_KEY));
        doc.put("sasl", Map.of("mechanisms", List.of("SCRAM-SHA-512", "PLAIN"), "users", List.of(
                Map.of("name", "admin", "iterations", 8192, "salt", "c2FsdHNhbHQ=", "storedKey", "a2V5a2V5a2V5"))));
        doc.put("network", Map.of("allowedCidrs", List.of("10.0.0.0/8", "192.168.1.0/24")));
        return doc;
    }

    @Test
    void tlsIsMutualOnInternalListenersAndSaslOnTheClientListenerWithoutAnyPassword() {
        SectionedProperties.Section section = ServerPropertiesRendererTest.section();
        renderer.security(section, TestStates.parse(saslSsl()));
        Map<String, String> s = Map.copyOf(section.entries());
        assertThat(s).containsEntry("ssl.keystore.type", "PEM")
                .containsEntry("ssl.keystore.location", "/var/lib/tributary/tls/broker.pem")
                .containsEntry("ssl.truststore.location", "/var/lib/tributary/tls/ca.pem")
                .containsEntry("ssl.client.auth", "required")
                .containsEntry("listener.name.client.ssl.client.auth", "none")
                .containsEntry("listener.name.client.sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN")
                .containsEntry("listener.name.client.plain.sasl.server.callback.handler.class",
                        ServerPropertiesRenderer.PLAIN_HANDLER);
        assertThat(s.get("listener.name.client.plain.sasl.jaas.config"))
                .contains("users_file=\"/var/lib/tributary/sasl-users.txt\"").doesNotContain("user_admin", "password");
        assertThat(s.values()).noneMatch(v -> v.contains("BEGIN"));
    }

    @Test
    void plaintextStatesRenderNoSaslAndTheirPluginsStillKnowTheClientListener() {
        SectionedProperties.Section security = ServerPropertiesRendererTest.section();
        renderer.security(security, TestStates.parse(TestStates.combined()));
        assertThat(security.entries()).isEmpty();
        SectionedProperties.Section plugins = ServerPropertiesRendererTest.section();
        renderer.plugins(plugins, TestStates.parse(TestStates.combined()));
        assertThat(plugins.entries()).containsEntry(ServerPropertiesRenderer.CLIENT_LISTENER_CONFIG, "CLIENT")
                .containsEntry(ServerPropertiesRenderer.ALLOWED_CIDRS_FILE, "/var/lib/tributary/allowed-cidrs.txt")
                .containsEntry(ServerPropertiesRenderer.POLICY_SECURITY_PROTOCOL, "PLAINTEXT");
    }

    @Test
    void settingsFromTheControlPlaneCannotTouchSslOrSasl() {
        Map<String, Object> doc = TestStates.combined();
        TestStates.settings(doc, "userSettings").put("ssl.client.auth", "none");
        assertThatThrownBy(() -> renderer.render(TestStates.parse(doc))).hasMessageContaining("ssl.client.auth");
    }

    @Test
    void malformedSecurityMaterialIsRejected() {
        Map<String, Object> badUser = saslSsl();
        badUser.put("sasl", Map.of("mechanisms", List.of("PLAIN"), "users", List.of(
                Map.of("name", "a b", "iterations", 8192, "salt", "c2FsdA==", "storedKey", "a2V5"))));
        assertThatThrownBy(() -> TestStates.parse(badUser)).hasMessageContaining("sasl.users");
        Map<String, Object> badCidr = saslSsl();
        badCidr.put("network", Map.of("allowedCidrs", List.of("10.0.0.0/8\nevil")));
        assertThatThrownBy(() -> TestStates.parse(badCidr)).hasMessageContaining("allowedCidrs");
        Map<String, Object> badPem = saslSsl();
        badPem.put("tls", Map.of("caCertificate", "x", "certificateChain", PEM_CERT, "privateKey", PEM_KEY));
        assertThatThrownBy(() -> TestStates.parse(badPem)).hasMessageContaining("tls.caCertificate");
    }

    @Test
    void filesAreWrittenPrivatelyAndUsersCarryOnlyTheSaltedForm(@TempDir Path home) throws Exception {
        SecurityFiles.Locations at = SecurityFiles.Locations.under(home);
        new SecurityFiles(at).write(TestStates.parse(saslSsl()));
        assertThat(Files.readString(at.keyStore())).startsWith("-----BEGIN PRIVATE KEY-----").contains("BEGIN CERTIFICATE");
        assertThat(Files.readString(at.trustStore())).isEqualTo(PEM_CERT);
        assertThat(Files.readString(at.saslUsers())).isEqualTo("admin 8192 c2FsdHNhbHQ= a2V5a2V5a2V5\n");
        assertThat(Files.readString(at.allowedCidrs())).isEqualTo("10.0.0.0/8\n192.168.1.0/24\n");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(at.keyStore())))
                .isEqualTo("rw-------");

        new SecurityFiles(at).write(TestStates.parse(TestStates.combined()));
        assertThat(at.saslUsers()).doesNotExist();
        assertThat(Files.readString(at.allowedCidrs())).as("every address, said explicitly").isEqualTo("0.0.0.0/0\n::/0\n");
    }
}
