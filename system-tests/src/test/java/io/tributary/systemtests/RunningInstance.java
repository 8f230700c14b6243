package io.tributary.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.api.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The packaged control plane started on a data directory of its own for one test class, and (unless
 * {@linkplain Builder#controlPlaneOnly() told otherwise}) one instance ordered on it and RUNNING:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RunningInstance instance = RunningInstance.builder(23000).order(RunningInstance.order("ops")).build();
 * }</pre>
 *
 * Before the class's first test it starts the control plane, orders and waits; it then offers the API client, the
 * token, the project, the instance and how Kafka clients reach it. After the last test it deletes the instance if
 * it is still there, stops the control plane and kills whatever else was started under the data directory. The
 * directory is removed when every test passed and kept for a look otherwise.
 */
final class RunningInstance implements BeforeAllCallback, AfterAllCallback, TestWatcher {

    static final String TOKEN = ControlPlaneProcess.TOKEN;
    static final Duration CREATION = Duration.ofMinutes(5);

    private final int localPortStart;
    private final Map<String, Function<Path, String>> environment;
    private final Map<String, Object> order;
    private final Duration creation;
    private Path home;
    private ControlPlaneProcess controlPlane;
    private ApiClient api;
    private String project;
    private String instanceId;
    private String bootstrapServers;
    private Path caFile;
    private boolean failed;

    private RunningInstance(Builder builder) {
        this.localPortStart = builder.localPortStart;
        this.environment = Map.copyOf(builder.environment);
        this.order = builder.order == null ? null : Map.copyOf(builder.order);
        this.creation = builder.creation;
    }

    /** The control plane gives its local hosts the 10-port blocks from {@code localPortStart} on. */
    static Builder builder(int localPortStart) {
        return new Builder(localPortStart);
    }

    /** A 3-broker PLAINTEXT order of kafka.2u4g across az1, az2 and az3 with 100 GB; a mutable map to add to. */
    static Map<String, Object> order(String name) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("name", name);
        order.put("flavor", "kafka.2u4g");
        order.put("brokerCount", 3);
        order.put("availabilityZones", List.of("az1", "az2", "az3"));
        order.put("storageGb", 100);
        return order;
    }

    /** The {@code security} of an order: this protocol and these mechanisms, with this admin. */
    static Map<String, Object> security(String protocol, List<String> mechanisms, String admin, String password) {
        return Map.of("protocol", protocol, "saslMechanisms", mechanisms, "adminUsername", admin, "adminPassword", password);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        home = Files.createTempDirectory("tributary-" + context.getRequiredTestClass().getSimpleName() + "-");
        controlPlane = new ControlPlaneProcess(home, localPortStart);
        environment.forEach((name, value) -> controlPlane.with(name, value.apply(home)));
        controlPlane.start();
        api = controlPlane.api();
        project = api.get("/api/v1/me", TOKEN).json().path("memberships").get(0).path("projectId").asText();
        if (order == null) {
            return;
        }
        String base = orderAndAwaitRunning(projectPath() + "/instances", order, creation);
        instanceId = base.substring(base.lastIndexOf('/') + 1);
        bootstrapServers = api.get(base, TOKEN).text("bootstrapServers");
        if (isTls()) {
            ApiClient.Response ca = api.get(base + "/certificates/ca", TOKEN);
            assertThat(ca.status()).isEqualTo(200);
            assertThat(ca.raw()).startsWith("-----BEGIN CERTIFICATE-----");
            caFile = home.resolve("ca.pem");
            Files.writeString(caFile, ca.raw());
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        failed = true;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (instanceId != null && api.get(base(), TOKEN).status() != 404) {
                delete(base());
            }
        } finally {
            try {
                if (controlPlane != null) {
                    controlPlane.close();
                }
            } finally {
                ControlPlaneProcess.killEverythingUnder(home);
            }
        }
        if (failed || context.getExecutionException().isPresent()) {
            org.slf4j.LoggerFactory.getLogger(RunningInstance.class).warn("kept for a look: {}", home);
        } else {
            deleteRecursively(home);
        }
    }

    /** Orders at {@code instancesPath}, expects 202 and waits (at most {@code within}) for RUNNING; the instance's path. */
    String orderAndAwaitRunning(String instancesPath, Map<String, Object> order, Duration within) {
        ApiClient.Response ordered = api.post(instancesPath, TOKEN, order);
        assertThat(ordered.status()).as(ordered.raw()).isEqualTo(202);
        String path = instancesPath + "/" + ordered.json().path("instance").path("id").asText();
        await(order.get("name") + " RUNNING").atMost(within).pollInterval(Duration.ofMillis(500)).until(() -> {
            ApiClient.Response instance = api.get(path, TOKEN);
            assertThat(instance.text("status")).as(instance.raw()).isNotEqualTo("CREATE_FAILED");
            return "RUNNING".equals(instance.text("status"));
        });
        return path;
    }

    /** Deletes the instance at {@code path} (lifting deletion protection a test may have set) and waits until it is gone. */
    void delete(String path) {
        api.patch(path, TOKEN, Map.of("deletionProtection", false));
        api.delete(path, TOKEN);
        await(path + " deleted").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get(path, TOKEN).status() == 404);
    }

    ControlPlaneProcess controlPlane() {
        return controlPlane;
    }

    ApiClient api() {
        return api;
    }

    String token() {
        return TOKEN;
    }

    /** The data directory of the control plane (database, key file, local hosts under {@code hosts/}). */
    Path home() {
        return home;
    }

    /** The bootstrap admin's project ("default"). */
    String project() {
        return project;
    }

    String projectPath() {
        return "/api/v1/projects/" + project;
    }

    String instanceId() {
        return instanceId;
    }

    /** The API path of the instance. */
    String base() {
        return projectPath() + "/instances/" + instanceId;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** The instance CA (PEM file), for a TLS instance. */
    Path caFile() {
        return caFile;
    }

    /** What a Kafka client needs to reach the instance, as its admin user when it has SASL. */
    Properties clientProperties() {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        security().ifPresent(security -> {
            p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, security.get("protocol"));
            String mechanism = ((List<?>) security.get("saslMechanisms")).get(0).toString();
            p.put(SaslConfigs.SASL_MECHANISM, mechanism);
            String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            p.put(SaslConfigs.SASL_JAAS_CONFIG, module + " required username=\"" + security.get("adminUsername")
                    + "\" password=\"" + security.get("adminPassword") + "\";");
            if (isTls()) {
                p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
                p.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, caFile.toString());
            }
        });
        return p;
    }

    private Optional<Map<?, ?>> security() {
        return Optional.ofNullable(order == null ? null : (Map<?, ?>) order.get("security"));
    }

    private boolean isTls() {
        return security().map(s -> s.get("protocol").toString().endsWith("SSL")).orElse(false);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot clean up " + path, e);
                }
            }
        }
    }

    static final class Builder {

        private final int localPortStart;
        private final Map<String, Function<Path, String>> environment = new LinkedHashMap<>();
        private Map<String, Object> order;
        private Duration creation = CREATION;
        private boolean controlPlaneOnly;

        private Builder(int localPortStart) {
            this.localPortStart = localPortStart;
        }

        /** An environment setting of the control plane. */
        Builder env(String name, String value) {
            return env(name, home -> value);
        }

        /** An environment setting of the control plane made from its data directory. */
        Builder env(String name, Function<Path, String> fromHome) {
            environment.put(name, fromHome);
            return this;
        }

        /** The instance to order (see {@link RunningInstance#order(String)}). */
        Builder order(Map<String, Object> order) {
            this.order = order;
            return this;
        }

        /** How long the creation may take. */
        Builder creationWithin(Duration creation) {
            this.creation = creation;
            return this;
        }

        /** Only the control plane: the tests order themselves (the order is what they test, or it needs set-up first). */
        Builder controlPlaneOnly() {
            this.controlPlaneOnly = true;
            return this;
        }

        RunningInstance build() {
            if ((order == null) != controlPlaneOnly) {
                throw new IllegalStateException("either an order or controlPlaneOnly()");
            }
            return new RunningInstance(this);
        }
    }

    /** The broker pid of each node, from its agent's home (desired state for the node, pid record for the pid). */
    /** The value broker {@code node} runs {@code key} with (its own, dynamic, or static), as Kafka describes it. */
    String brokerSetting(int node, String key) throws Exception {
        try (Admin admin = Admin.create(clientProperties())) {
            var resource = new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(node));
            return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource).get(key).value();
        }
    }

    Map<Integer, Long> brokerPids() throws Exception {
        Map<Integer, Long> pids = new HashMap<>();
        try (Stream<Path> homes = Files.list(home().resolve("hosts"))) {
            for (Path home : homes.toList()) {
                Path pid = home.resolve("broker.pid");
                Path desired = home.resolve("desired-state.json");
                if (Files.exists(pid) && Files.exists(desired)) {
                    int node = tools.jackson.databind.json.JsonMapper.builder().build().readTree(desired.toFile())
                            .path("nodeId").asInt();
                    try {
                        pids.put(node, Long.parseLong(Files.readString(pid).trim()));
                    } catch (IOException | NumberFormatException e) {
                        // rewritten just now; the next look sees it
                    }
                }
            }
        }
        return pids;
    }
}
