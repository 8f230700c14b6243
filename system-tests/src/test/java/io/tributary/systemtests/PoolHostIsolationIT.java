package io.tributary.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tributary.api.ApiClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The pool provider end to end, as a hostile second tenant would try it: three pool hosts (agents started here
 * with join tokens from the admin API, one per zone, each on its own loopback address since pool brokers use
 * Kafka's usual ports); project A runs a SASL_PLAINTEXT/SCRAM instance on them, writes records and a user, and
 * deletes it (with a control-plane crash in the middle of the release); project B then gets the same hosts and
 * finds nothing of A's: no topic, no record (neither through Kafka nor in any file of the hosts), and neither of
 * A's passwords opens B's instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolHostIsolationIT {

    static final String TOKEN = RunningInstance.TOKEN;
    static final List<String> ZONES = List.of("az1", "az2", "az3");
    /** One loopback address per pool host (all of 127/8 reaches lo); unusual ones, to stay clear of other tests. */
    static final List<String> ADDRESSES = List.of("127.0.0.41", "127.0.0.42", "127.0.0.43");
    static final String A_ADMIN_PASSWORD = "TenantA-Adm1n-Passw0rd";
    static final String B_ADMIN_PASSWORD = "TenantB-Adm1n-Passw0rd";
    static final String A_TOPIC = "tenant-a-payments";
    static final String A_RECORD = "tenant-a-card-4111111111111111-";

    @RegisterExtension
    static final RunningInstance platform = RunningInstance.builder(26000).env("TRIBUTARY_HOST_PROVIDER", "pool")
            .controlPlaneOnly().build();
    final Path dist = Path.of("../broker-agent/target/dist").toAbsolutePath().normalize();
    final List<Process> agents = new ArrayList<>();
    final List<Path> agentHomes = new ArrayList<>();
    Path home;
    ControlPlaneProcess controlPlane;
    ApiClient api;

    @BeforeAll
    void startControlPlaneAndThreePoolHosts() throws Exception {
        home = platform.home();
        controlPlane = platform.controlPlane();
        api = platform.api();
        for (int i = 0; i < ZONES.size(); i++) {
            ApiClient.Response registered = api.post("/api/v1/admin/hosts", TOKEN, Map.of("availabilityZone", ZONES.get(i)));
            assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
            agents.add(startAgent(i, registered.json()));
        }
        await("three pool hosts READY").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> hostsWithStatus("READY").size() == 3);
    }

    /** The pool hosts' agents stop (and stop their brokers) before the control plane does. */
    @AfterAll
    void stopAgents() {
        agents.forEach(Process::destroy);
        for (Process agent : agents) {
            try {
                agent.waitFor(90, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aSecondTenantOnTheSameHostsFindsNothingOfTheFirst() throws Exception {
        // tenant A: an instance with a topic, records and a second user
        String projectA = api.get("/api/v1/me", TOKEN).json().path("memberships").get(0).path("projectId").asText();
        String a = order(projectA, "tenant-a", A_ADMIN_PASSWORD);
        Set<String> hostsOfA = hostsOf(a);
        assertThat(hostsOfA).hasSize(3);
        String bootstrapA = api.get(a, TOKEN).text("bootstrapServers");
        assertThat(api.post(a + "/topics", TOKEN, Map.of("name", A_TOPIC, "partitions", 3)).status()).isEqualTo(201);
        produce(client(bootstrapA, "admin", A_ADMIN_PASSWORD), A_TOPIC, A_RECORD, 20);
        assertThat(consume(client(bootstrapA, "admin", A_ADMIN_PASSWORD), A_TOPIC, 20)).hasSize(20);
        ApiClient.Response alice = api.post(a + "/users", TOKEN, Map.of("name", "alice"));
        assertThat(alice.status()).as(alice.raw()).isEqualTo(201);
        String alicePassword = alice.text("password");
        await("alice can log in to A").atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                listTopics(client(bootstrapA, "alice", alicePassword)));

        // A is deleted; the control plane dies while the hosts are being released and wiped, and comes back
        assertThat(api.delete(a, TOKEN).status()).isEqualTo(202);
        await("A's hosts are being released").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> !hostsWithStatus("RELEASING").isEmpty() || api.get(a, TOKEN).status() == 404);
        controlPlane.kill();
        controlPlane.start();
        await("A deleted").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get(a, TOKEN).status() == 404);
        await("the hosts wiped and free again").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> hostsWithStatus("READY").size() == 3);
        assertThat(filesMentioning(A_RECORD)).as("no host keeps A's records").isEmpty();
        assertThat(filesMentioning(A_TOPIC)).as("no host keeps A's topic").isEmpty();

        // tenant B: same shape, same hosts, same admin name
        String projectB = api.post("/api/v1/projects", TOKEN, Map.of("name", "tenant-b")).text("id");
        String b = order(projectB, "tenant-b", B_ADMIN_PASSWORD);
        assertThat(hostsOf(b)).as("B runs on A's old hosts").isEqualTo(hostsOfA);
        String bootstrapB = api.get(b, TOKEN).text("bootstrapServers");
        Properties adminB = client(bootstrapB, "admin", B_ADMIN_PASSWORD);

        assertThat(listTopics(adminB)).doesNotContain(A_TOPIC);
        assertThat(api.get(b + "/topics", TOKEN).raw()).doesNotContain(A_TOPIC);
        try (Admin admin = Admin.create(adminB)) {
            admin.createTopics(List.of(new NewTopic(A_TOPIC, 3, (short) 3))).all().get(60, TimeUnit.SECONDS);
        }
        assertThat(consume(adminB, A_TOPIC, 1)).as("a topic of the same name on B holds none of A's records").isEmpty();
        assertThatThrownBy(() -> listTopics(client(bootstrapB, "admin", A_ADMIN_PASSWORD)))
                .as("A's admin password on B").satisfies(e -> assertThat(rootCause(e))
                        .isInstanceOf(SaslAuthenticationException.class));
        assertThatThrownBy(() -> listTopics(client(bootstrapB, "alice", alicePassword)))
                .as("A's user on B").satisfies(e -> assertThat(rootCause(e))
                        .isInstanceOf(SaslAuthenticationException.class));
        assertThat(filesMentioning(A_RECORD)).isEmpty();

        assertThat(api.delete(b, TOKEN).status()).isEqualTo(202);
        await("B deleted").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get(b, TOKEN).status() == 404);
    }

    // --- control plane ------------------------------------------------------------------------------

    /** Orders a 3-broker SASL_PLAINTEXT instance with SCRAM and waits for RUNNING; returns its API path. */
    private String order(String project, String name, String adminPassword) {
        Map<String, Object> order = RunningInstance.order(name);
        order.put("security", RunningInstance.security("SASL_PLAINTEXT", List.of("SCRAM-SHA-512"), "admin", adminPassword));
        return platform.orderAndAwaitRunning("/api/v1/projects/" + project + "/instances", order, Duration.ofMinutes(6));
    }

    private Set<String> hostsOf(String instancePath) {
        String id = instancePath.substring(instancePath.lastIndexOf('/') + 1);
        Set<String> ids = new TreeSet<>();
        for (JsonNode host : api.get("/api/v1/admin/hosts", TOKEN).json()) {
            if (id.equals(host.path("instanceId").asText())) {
                ids.add(host.path("id").asText());
            }
        }
        return ids;
    }

    private List<String> hostsWithStatus(String status) {
        List<String> ids = new ArrayList<>();
        for (JsonNode host : api.get("/api/v1/admin/hosts", TOKEN).json()) {
            if (status.equals(host.path("status").asText())) {
                ids.add(host.path("id").asText());
            }
        }
        return ids;
    }

    // --- pool hosts ---------------------------------------------------------------------------------

    /** An agent as an operator would start it on a new VM: settings from the join-token answer, the token in a file. */
    private Process startAgent(int index, JsonNode registered) throws IOException {
        Path agentHome = home.resolve("pool-host-" + (index + 1));
        Path setup = home.resolve("pool-setup-" + (index + 1));
        Files.createDirectories(agentHome);
        Files.createDirectories(setup);
        agentHomes.add(agentHome);
        Path ca = setup.resolve("control-plane-ca.pem");
        Files.writeString(ca, registered.path("agentCaCertificate").asText());
        Path token = setup.resolve("join-token");
        Files.writeString(token, registered.path("joinToken").asText());
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        ProcessBuilder builder = new ProcessBuilder("sh", dist.resolve("bin/broker-agent").toString());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("TRIBUTARY_"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("TRIBUTARY_CONTROL_PLANE_URL", registered.path("agentApiUrl").asText());
        env.put("TRIBUTARY_CONTROL_PLANE_CA", ca.toString());
        env.put("TRIBUTARY_AGENT_HOME", agentHome.toString());
        env.put("TRIBUTARY_JOIN_TOKEN_FILE", token.toString());
        env.put("TRIBUTARY_AGENT_AZ", ZONES.get(index));
        env.put("TRIBUTARY_AGENT_ADDRESS", ADDRESSES.get(index));
        env.put("TRIBUTARY_AGENT_POLL_MS", "1000");
        env.put("TRIBUTARY_AGENT_REPORT_MS", "3000");
        env.put("TRIBUTARY_BROKER_STOP_TIMEOUT_MS", "60000");
        // the agent's output goes beside its home: the home is what a wipe must leave clean
        return builder.redirectErrorStream(true).redirectOutput(setup.resolve("agent.out").toFile()).start();
    }

    /** Files in the pool hosts' homes that contain {@code text} (data, logs, configs: everything). */
    private List<String> filesMentioning(String text) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path agentHome : agentHomes) {
            try (Stream<Path> files = Files.walk(agentHome)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    try {
                        if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text)) {
                            found.add(file.toString());
                        }
                    } catch (IOException vanished) {
                        // a segment Kafka just deleted
                    }
                }
            }
        }
        return found;
    }

    // --- Kafka clients ------------------------------------------------------------------------------

    private static Properties client(String bootstrap, String user, String password) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        p.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        p.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 8000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000);
        return p;
    }

    private static Set<String> listTopics(Properties p) throws Exception {
        try (Admin admin = Admin.create(p)) {
            return admin.listTopics().names().get(20, TimeUnit.SECONDS);
        }
    }

    private static void produce(Properties base, String topic, String prefix, int count) throws Exception {
        Properties p = new Properties();
        p.putAll(base);
        p.remove(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, "k" + i, prefix + i)));
            }
            for (var ack : sent) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    /** The topic's records from the start: until {@code enough} arrived or 15 s passed (an empty topic: none). */
    private static List<String> consume(Properties base, String topic, int enough) {
        Properties p = new Properties();
        p.putAll(base);
        p.remove(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (values.size() < enough && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
