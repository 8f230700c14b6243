package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.provisioning.tls.AgentTls;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A join token enrolls exactly one agent, even when several present it at the same moment: an attacker who
 * copied a token races the real host and must not end up with a second credential (real PostgreSQL, real HTTPS).
 */
class JoinTokenSingleUseTest extends ControlPlaneTest {

    static final int RACERS = 8;

    @Autowired
    Connector agentConnector;
    @Autowired
    AgentTls agentTls;

    @Test
    void concurrentEnrollmentsWithOnePoolJoinTokenMakeOneHost() throws Exception {
        ApiClient.Response token = api.post("/api/v1/admin/join-tokens", ADMIN_TOKEN, Map.of("availabilityZone", "az2"));
        assertThat(token.status()).isEqualTo(201);
        int hostsBefore = liveHosts();

        List<Integer> statuses = enrollConcurrently(token.text("token"));

        assertThat(statuses).as(statuses.toString()).containsOnlyOnce(200).containsOnly(200, 401);
        assertThat(liveHosts()).isEqualTo(hostsBefore + 1);
    }

    @Test
    void concurrentEnrollmentsWithOneRegisteredHostsTokenGiveOneCredential() throws Exception {
        ApiClient.Response registered = api.post("/api/v1/admin/hosts", ADMIN_TOKEN, Map.of("availabilityZone", "az3"));
        assertThat(registered.status()).isEqualTo(201);
        String hostId = registered.json().path("host").path("id").asText();

        List<Integer> statuses = enrollConcurrently(registered.text("joinToken"));

        assertThat(statuses).as(statuses.toString()).containsOnlyOnce(200).containsOnly(200, 401);
        assertThat(jdbc.queryForObject("select count(*) from hosts where id = ?::uuid and credential_hash is not null"
                + " and join_token_hash is null", Integer.class, hostId)).isEqualTo(1);
        assertThat(enrollConcurrently(registered.text("joinToken"))).as("used: never again").containsOnly(401);
    }

    private int liveHosts() {
        return jdbc.queryForObject("select count(*) from hosts where status <> 'REMOVED'", Integer.class);
    }

    /** {@link #RACERS} enrollments with {@code token}, released at the same instant; their statuses. */
    private List<Integer> enrollConcurrently(String token) throws Exception {
        HttpClient client = trustingAgentCa();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                String body = ApiClient.JSON.writeValueAsString(Map.of("joinToken", token, "availabilityZone", "az1",
                        "address", "127.0.0.1", "publicKey", newPublicKey()));
                HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + agentConnector.getLocalPort()
                                + "/agent/v1/enroll")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                Callable<Integer> enroll = () -> {
                    start.await();
                    return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                };
                answers.add(pool.submit(enroll));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpClient trustingAgentCa() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(agentTls.caCertificatePem().getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }

    private static String newPublicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
    }
}
