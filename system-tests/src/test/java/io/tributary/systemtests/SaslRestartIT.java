package io.tributary.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tributary.api.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20: SASL logins survive broker restarts. One SASL_SSL instance with SCRAM-SHA-512 and PLAIN; users are
 * created, one has its password changed, one is deleted; then each broker is SIGKILLed in turn and started again
 * by its agent. After each restart every current user logs in to every broker alone with its current password
 * over both mechanisms, old and deleted passwords are refused, and the API calls the broker RUNNING only once
 * logins to it work (its health check logs in to it first), even with a tenant allow-list that excludes the
 * control plane's address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SaslRestartIT {

    static final String TOKEN = RunningInstance.TOKEN;
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "Adm1nPassw0rdXyz";
    static final List<String> MECHANISMS = List.of("SCRAM-SHA-512", "PLAIN");
    static final Duration LOGINS_WITHIN = Duration.ofSeconds(30);

    @RegisterExtension
    static final RunningInstance instance = RunningInstance.builder(28000).order(order()).build();
    ApiClient api;
    String base;

    static Map<String, Object> order() {
        Map<String, Object> order = RunningInstance.order("restarts");
        order.put("security", RunningInstance.security("SASL_SSL", MECHANISMS, ADMIN, ADMIN_PASSWORD));
        return order;
    }

    @BeforeAll
    void connect() {
        api = instance.api();
        base = instance.base();
    }

    @Test
    void everyCurrentUserLogsInToEachBrokerAfterItsRestartAndRetiredPasswordsAreRefused() throws Exception {
        assertThat(api.post(base + "/users", TOKEN, Map.of("name", "alice", "password", "Al1cePassword")).status()).isEqualTo(201);
        assertThat(api.post(base + "/users", TOKEN, Map.of("name", "bobby", "password", "B0bbyPassword")).status()).isEqualTo(201);
        assertThat(api.post(base + "/users/alice/password-resets", TOKEN, Map.of("password", "Al1ceN3wPassword")).status())
                .isEqualTo(200);
        assertThat(api.delete(base + "/users/bobby", TOKEN).status()).isEqualTo(204);
        assertThat(api.post(base + "/users", TOKEN, Map.of("name", "tributary-probe")).status()).isEqualTo(400);
        assertThat(api.get(base + "/users/tributary-probe", TOKEN).status()).isEqualTo(404);
        assertThat(api.post(base + "/users/tributary-probe/password-resets", TOKEN, Map.of()).status()).isEqualTo(404);
        assertThat(api.delete(base + "/users/tributary-probe", TOKEN).status()).isEqualTo(404);
        List<String> names = new ArrayList<>();
        api.get(base + "/users", TOKEN).json().forEach(u -> names.add(u.path("name").asText()));
        assertThat(names).as("the platform's probe user is not the tenant's").containsExactly(ADMIN, "alice");
        Map<String, String> current = Map.of(ADMIN, ADMIN_PASSWORD, "alice", "Al1ceN3wPassword");
        Map<String, String> retired = Map.of("alice", "Al1cePassword", "bobby", "B0bbyPassword");
        await("the users' changes reach every broker").atMost(LOGINS_WITHIN).ignoreExceptions()
                .untilAsserted(() -> assertLogins(current, retired));

        for (JsonNode broker : brokers()) {
            int node = broker.path("nodeId").asInt();
            if (node == brokers().size()) {
                // the tenant's network rules must not lock the control plane's login check out
                assertThat(api.send("PUT", base + "/network-rules", TOKEN, Map.of("allowedCidrs", List.of("10.0.0.0/8")),
                        "application/json").status()).isEqualTo(200);
            }
            long killed = brokerPid(node);
            ProcessHandle.of(killed).orElseThrow().destroyForcibly(); // SIGKILL
            await("broker " + node + " is not RUNNING after the kill").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200)).until(() -> !"RUNNING".equals(status(node)));
            await("the agent restarts broker " + node + " and its logins work").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                        JsonNode b = broker(node);
                        assertThat(b.path("status").asText()).as(b.toString()).isEqualTo("RUNNING");
                    });
            // RUNNING again means the health check logged in to it: logins work now, without waiting
            for (String mechanism : MECHANISMS) {
                login(broker, mechanism, ADMIN, ADMIN_PASSWORD);
            }
            assertThat(brokerPid(node)).isNotEqualTo(killed);
            await("logins on every broker after broker " + node + " restarted")
                    .atMost(LOGINS_WITHIN).ignoreExceptions()
                    .untilAsserted(() -> assertLogins(current, retired));
            assertThat(api.get(base, TOKEN).text("status")).isEqualTo("RUNNING");
        }
    }

    /** Every current user logs in on every broker alone with each mechanism; every retired password is refused. */
    private void assertLogins(Map<String, String> current, Map<String, String> retired) throws Exception {
        for (JsonNode broker : brokers()) {
            for (String mechanism : MECHANISMS) {
                for (var user : current.entrySet()) {
                    login(broker, mechanism, user.getKey(), user.getValue());
                }
                for (var user : retired.entrySet()) {
                    assertThatThrownBy(() -> login(broker, mechanism, user.getKey(), user.getValue()))
                            .as(user.getKey() + "'s old password on broker " + broker.path("nodeId") + " over " + mechanism)
                            .hasRootCauseInstanceOf(SaslAuthenticationException.class);
                }
            }
        }
    }

    /**
     * A SASL login to this broker alone: it is the only bootstrap address, and the request (its configs, by node id)
     * goes to it only. A user without ACLs gets an authorization error, which a broker only sends once it has
     * authenticated the user; a refused login fails with SaslAuthenticationException.
     */
    private void login(JsonNode broker, String mechanism, String user, String password) throws Exception {
        Properties p = instance.clientProperties(); // SASL_SSL with the instance CA
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.path("host").asText() + ":" + broker.path("port").asInt());
        p.put(SaslConfigs.SASL_MECHANISM, mechanism);
        String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        p.put(SaslConfigs.SASL_JAAS_CONFIG, module + " required username=\"" + user + "\" password=\"" + password + "\";");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(p)) {
            admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.BROKER, broker.path("nodeId").asText())))
                    .all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof AuthorizationException)) {
                throw e;
            }
        }
    }

    private List<JsonNode> brokers() {
        List<JsonNode> out = new ArrayList<>();
        api.get(base, TOKEN).json().path("brokers").forEach(out::add);
        return out;
    }

    private JsonNode broker(int node) {
        return brokers().stream().filter(b -> b.path("nodeId").asInt() == node).findFirst().orElseThrow();
    }

    private String status(int node) {
        return broker(node).path("status").asText();
    }

    /** The broker JVM of node {@code node}: the kafka.Kafka process running its local host's server.properties. */
    private static long brokerPid(int node) throws IOException {
        try (Stream<Path> hosts = Files.list(instance.home().resolve("hosts"))) {
            Path config = hosts.map(h -> h.resolve("config").resolve("server.properties")).filter(Files::exists)
                    .filter(f -> read(f).lines().anyMatch(("node.id=" + node)::equals)).findFirst().orElseThrow();
            List<Long> pids = ControlPlaneProcess.processesMentioning(config.toString()).stream()
                    .filter(pid -> ControlPlaneProcess.cmdline(pid).contains("kafka.Kafka")).toList();
            assertThat(pids).as("the broker process of " + config).hasSize(1);
            return pids.get(0);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
