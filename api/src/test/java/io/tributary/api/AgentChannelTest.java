package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.provisioning.tls.AgentTls;
import io.tributary.provisioning.tls.CertificateAuthority;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The agent channel with real TLS: enrollment over HTTPS returns a client certificate; without it, with one
 * from another CA, on the plain port, or for a removed host, an agent gets nothing.
 */
class AgentChannelTest extends ControlPlaneTest {

    @Autowired
    Connector agentConnector;
    @Autowired
    AgentTls agentTls;

    @Test
    void onlyAnEnrolledAgentWithItsCertificateReadsItsDesiredState() throws Exception {
        ApiClient.Response token = api.post("/api/v1/admin/join-tokens", ADMIN_TOKEN, Map.of("availabilityZone", "az1"));
        assertThat(token.status()).isEqualTo(201);
        assertThat(token.text("agentApiUrl")).startsWith("https://127.0.0.1:");
        assertThat(token.text("agentCaCertificate")).isEqualTo(agentTls.caCertificatePem());

        KeyPair key = newKey();
        HttpClient anonymous = client(null, null);
        HttpResponse<String> enrolled = post(anonymous, "/agent/v1/enroll", Map.of("joinToken", token.text("token"),
                "availabilityZone", "az1", "address", "127.0.0.1", "publicKey",
                Base64.getEncoder().encodeToString(key.getPublic().getEncoded())));
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
        JsonNode answer = ApiClient.JSON.readTree(enrolled.body());
        String hostId = answer.path("hostId").asText();
        String credential = answer.path("credential").asText();
        String certificate = answer.path("certificate").asText();
        String path = "/agent/v1/hosts/" + hostId + "/desired-state";

        HttpClient agent = client(key, certificate);
        assertThat(get(agent, path, credential).statusCode()).as("authenticated: nothing to run yet").isEqualTo(404);
        assertThat(get(anonymous, path, credential).statusCode()).as("no client certificate").isEqualTo(401);
        assertThat(get(agent, path, "trba_wrong").statusCode()).as("wrong credential").isEqualTo(401);

        CertificateAuthority foreign = CertificateAuthority.create("someone-else", Instant.now());
        KeyPair other = newKey();
        HttpClient impostor = client(other, foreign.certify(hostId, other.getPublic(), List.of(), Instant.now()));
        assertThat(statusOrRefused(impostor, path, credential)).as("a certificate of another CA (even naming the host)")
                .isIn(401, -1);

        HttpResponse<String> plainPort = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + credential).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plainPort.statusCode()).as("the agent API is not on the plain port").isEqualTo(401);

        KeyPair next = newKey();
        Map<String, String> renewal = Map.of("publicKey", Base64.getEncoder().encodeToString(next.getPublic().getEncoded()));
        String certificatePath = "/agent/v1/hosts/" + hostId + "/certificate";
        assertThat(post(anonymous, certificatePath, credential, renewal).statusCode()).as("renewal needs the current certificate")
                .isEqualTo(401);
        HttpResponse<String> renewed = post(agent, certificatePath, credential, renewal);
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        String newCertificate = ApiClient.JSON.readTree(renewed.body()).path("certificate").asText();
        X509Certificate parsed = (X509Certificate) parse(newCertificate);
        assertThat(parsed.getSubjectX500Principal().getName()).isEqualTo("CN=" + hostId);
        assertThat(parsed.getPublicKey()).isEqualTo(next.getPublic());
        assertThat(get(client(next, newCertificate), path, credential).statusCode()).as("the renewed certificate works")
                .isEqualTo(404);

        assertThat(api.delete("/api/v1/admin/hosts/" + hostId, ADMIN_TOKEN).status()).isEqualTo(204);
        assertThat(get(agent, path, credential).statusCode()).as("a removed host").isEqualTo(401);
        assertThat(post(agent, certificatePath, credential, renewal).statusCode()).as("a removed host renews nothing")
                .isEqualTo(401);
        assertThat(api.delete("/api/v1/admin/hosts/" + hostId, ADMIN_TOKEN).status()).isEqualTo(404);
    }

    @Test
    void enrollmentNeedsAPublicKeyAndAValidToken() throws Exception {
        HttpClient anonymous = client(null, null);
        assertThat(post(anonymous, "/agent/v1/enroll", Map.of("joinToken", "trbj_x")).statusCode()).isEqualTo(400);
        assertThat(post(anonymous, "/agent/v1/enroll", Map.of("joinToken", "trbj_unknown", "publicKey",
                Base64.getEncoder().encodeToString(newKey().getPublic().getEncoded()))).statusCode()).isEqualTo(401);
    }

    /** The status, or -1 when the TLS handshake refused the client. */
    private int statusOrRefused(HttpClient client, String path, String credential) throws Exception {
        try {
            return get(client, path, credential).statusCode();
        } catch (IOException refused) {
            return -1;
        }
    }

    private HttpResponse<String> get(HttpClient client, String path, String credential) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(agentUrl() + path))
                .header("Authorization", "Bearer " + credential).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String path, Map<String, String> body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(agentUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String path, String credential, Map<String, String> body)
            throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(agentUrl() + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + credential)
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String agentUrl() {
        return "https://127.0.0.1:" + agentConnector.getLocalPort();
    }

    /** Trusts the agent CA; presents {@code certificatePem} with {@code key} when given. */
    private HttpClient client(KeyPair key, String certificatePem) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", parse(agentTls.caCertificatePem()));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        KeyManagerFactory keys = null;
        if (key != null) {
            KeyStore own = KeyStore.getInstance("PKCS12");
            own.load(null, null);
            own.setKeyEntry("agent", key.getPrivate(), "pw".toCharArray(), new Certificate[]{parse(certificatePem)});
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(own, "pw".toCharArray());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }

    private static Certificate parse(String pem) throws Exception {
        return CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static KeyPair newKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
