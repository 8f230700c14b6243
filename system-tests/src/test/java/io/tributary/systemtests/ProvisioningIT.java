package io.tributary.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.api.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * One real 3-broker instance through its whole life, with the packaged control plane and
 * broker agents spawned by the local host provider.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvisioningIT {

    static final String TOKEN = RunningInstance.TOKEN;

    @RegisterExtension
    static final RunningInstance platform = RunningInstance.builder(21000).controlPlaneOnly().build();
    Path home;
    ApiClient api;
    String project;
    String instancesPath;
    String instanceId;
    String bootstrap;

    @BeforeAll
    void connect() {
        home = platform.home();
        api = platform.api();
        project = platform.project();
        instancesPath = platform.projectPath() + "/instances";
    }

    @Test
    @Order(1)
    void anOrderBecomesARunningRackAwareCluster() {
        ApiClient.Response accepted = api.post(instancesPath, TOKEN, Map.of(
                "name", "orders", "flavor", "kafka.2u4g", "brokerCount", 3,
                "availabilityZones", List.of("az1", "az2", "az3"), "storageGb", 100));
        assertThat(accepted.status()).isEqualTo(202);
        instanceId = accepted.json().path("instance").path("id").asText();
        String operationPath = "/api/v1/projects/" + project + "/operations/" + accepted.json().path("operation").path("id").asText();

        List<Integer> percents = new ArrayList<>();
        await("instance RUNNING").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode op = api.get(operationPath, TOKEN).json();
            percents.add(op.path("percent").asInt());
            assertThat(op.path("status").asText()).isNotEqualTo("FAILED");
            return "SUCCEEDED".equals(op.path("status").asText());
        });
        assertThat(percents).isSorted();
        assertThat(percents.get(percents.size() - 1)).isEqualTo(100);

        JsonNode instance = api.get(instancesPath + "/" + instanceId, TOKEN).json();
        assertThat(instance.path("status").asText()).isEqualTo("RUNNING");
        bootstrap = instance.path("bootstrapServers").asText();
        assertThat(bootstrap.split(",")).hasSize(3);
        assertThat(instance.path("brokers").findValuesAsString("availabilityZone")).containsExactlyInAnyOrder("az1", "az2", "az3");
        assertThat(instance.path("brokers").findValuesAsString("status")).containsOnly("RUNNING");
    }

    @Test
    @Order(2)
    void clientsProduceAndConsumeAndReplicasSpanThreeRacks() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic("payments", 6, (short) 3))).all().get();
            Map<Integer, String> racks = admin.describeCluster().nodes().get().stream()
                    .collect(Collectors.toMap(Node::id, Node::rack));
            assertThat(new HashSet<>(racks.values())).containsExactlyInAnyOrder("az1", "az2", "az3");
            // brokers learn of a new topic from the metadata log a moment after the controller created it
            TopicDescription topic = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> admin.describeTopics(List.of("payments")).allTopicNames().get().get("payments"),
                            d -> d != null);
            assertThat(topic.partitions()).hasSize(6).allSatisfy(p -> {
                Set<String> replicaRacks = p.replicas().stream().map(n -> racks.get(n.id())).collect(Collectors.toSet());
                assertThat(replicaRacks).as("partition %d", p.partition()).hasSize(3);
            });
        }
        List<String> sent = IntStream.range(0, 1000).mapToObj(i -> "message-" + i).toList();
        KafkaRoundTrip.produce(bootstrap, "payments", sent);
        assertThat(KafkaRoundTrip.consume(bootstrap, "payments", 1000)).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    @Order(3)
    void aKilledBrokerIsRestartedByItsAgentAndTheInstanceRecovers() throws Exception {
        Path brokerPid = Files.list(home.resolve("hosts"))
                .map(h -> h.resolve("broker.pid")).filter(Files::exists).findFirst().orElseThrow();
        long pid = Long.parseLong(Files.readString(brokerPid).trim());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        await("DEGRADED").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> status().equals("DEGRADED"));
        assertThat(api.get(instancesPath + "/" + instanceId, TOKEN).text("statusReason")).contains("broker");
        await("RUNNING again").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> status().equals("RUNNING"));
        long restartedPid = Long.parseLong(Files.readString(brokerPid).trim());
        assertThat(restartedPid).isNotEqualTo(pid);
        assertThat(ProcessHandle.of(restartedPid)).isPresent();
    }

    @Test
    @Order(4)
    void brokersKeepServingWhileTheControlPlaneIsDownAndARestartKeepsEverything() throws Exception {
        int auditEvents = api.get("/api/v1/projects/" + project + "/audit-events", TOKEN)
                .json().path("totalItems").asInt();
        platform.controlPlane().stop();

        List<String> sent = IntStream.range(0, 100).mapToObj(i -> "offline-" + i).toList();
        KafkaRoundTrip.produce(bootstrap, "payments-offline", sent);
        assertThat(KafkaRoundTrip.consume(bootstrap, "payments-offline", 100)).containsExactlyInAnyOrderElementsOf(sent);

        platform.controlPlane().start();
        JsonNode instance = api.get(instancesPath + "/" + instanceId, TOKEN).json();
        assertThat(instance.path("name").asText()).isEqualTo("orders");
        assertThat(instance.path("bootstrapServers").asText()).isEqualTo(bootstrap);
        assertThat(api.get("/api/v1/projects/" + project + "/audit-events", TOKEN)
                .json().path("totalItems").asInt()).isEqualTo(auditEvents);
        await().atMost(Duration.ofSeconds(60)).until(() -> status().equals("RUNNING"));
    }

    @Test
    @Order(5)
    void deletingLeavesNoProcessAndNoDirectory() throws Exception {
        assertThat(api.delete(instancesPath + "/" + instanceId, TOKEN).status()).isEqualTo(202);
        await("instance gone").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get(instancesPath + "/" + instanceId, TOKEN).status() == 404);
        assertThat(ControlPlaneProcess.processesMentioning(home.resolve("hosts").toString())).isEmpty();
        try (var hosts = Files.list(home.resolve("hosts"))) {
            assertThat(hosts.toList()).isEmpty();
        }
    }

    private String status() {
        return api.get(instancesPath + "/" + instanceId, TOKEN).text("status");
    }

    private Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(p);
    }
}
