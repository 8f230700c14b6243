package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The control plane is SIGKILLed mid-creation and started again on the same data. */
class CrashRecoveryIT {

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path home;

    @Test
    void creationResumesAfterACrashWithoutDuplicatesOrLeftovers() throws Exception {
        String agents = "tributary.agent.home=" + home.resolve("hosts");
        ControlPlaneProcess controlPlane = new ControlPlaneProcess(home, 22000).start();
        try {
            ApiClient api = controlPlane.api();
            String token = ControlPlaneProcess.TOKEN;
            String project = api.get("/api/v1/me", token).json().path("memberships").get(0).path("projectId").asText();
            String instances = "/api/v1/projects/" + project + "/instances";
            String id = api.post(instances, token, Map.of("name", "crashy", "flavor", "kafka.2u4g", "brokerCount", 3,
                    "availabilityZones", List.of("az1", "az2", "az3"), "storageGb", 100)).json().path("instance").path("id").asText();

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

            api.delete(instances + "/" + id, token);
            await("deleted").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.get(instances + "/" + id, token).status() == 404);
            assertThat(ControlPlaneProcess.processesMentioning(home.resolve("hosts").toString())).isEmpty();
        } finally {
            controlPlane.close();
            ControlPlaneProcess.killEverythingUnder(home);
        }
    }
}
