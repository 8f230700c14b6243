package io.tributary.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.api.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The control plane is SIGKILLed mid-creation and started again on the same data. */
class CrashRecoveryIT {

    @RegisterExtension
    static final RunningInstance platform = RunningInstance.builder(22000).controlPlaneOnly().build();

    @Test
    void creationResumesAfterACrashWithoutDuplicatesOrLeftovers() throws Exception {
        Path home = platform.home();
        ControlPlaneProcess controlPlane = platform.controlPlane();
        String agents = "tributary.agent.home=" + home.resolve("hosts");
        ApiClient api = platform.api();
        String token = platform.token();
        String instances = platform.projectPath() + "/instances";
        String id = api.post(instances, token, RunningInstance.order("crashy")).json().path("instance").path("id").asText();

        await("hosts exist").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> ControlPlaneProcess.processesMentioning(agents).size() == 3);
        assertThat(api.get(instances + "/" + id, token).text("status")).isEqualTo("CREATING");
        controlPlane.kill();

        controlPlane.start();
        await("RUNNING after restart").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> "RUNNING".equals(api.get(instances + "/" + id, token).text("status")));

        JsonNode hosts = api.get("/api/v1/admin/hosts", token).json();
        assertThat(hosts.size()).as("live hosts").isEqualTo(3);
        assertThat(hosts.findValuesAsString("nodeId")).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(ControlPlaneProcess.processesMentioning(agents)).hasSize(3);
        assertThat(ControlPlaneProcess.processesMentioning("kafka.Kafka " + home.resolve("hosts"))).hasSize(3);
        try (var dirs = Files.list(home.resolve("hosts"))) {
            assertThat(dirs.toList()).hasSize(3);
        }
        JsonNode instance = api.get(instances + "/" + id, token).json();
        KafkaRoundTrip.produce(instance.path("bootstrapServers").asText(), "after-crash", List.of("a", "b", "c"));

        platform.delete(instances + "/" + id);
        assertThat(ControlPlaneProcess.processesMentioning(home.resolve("hosts").toString())).isEmpty();
    }
}
