package io.tributary.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.api.ApiClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Deletion is complete and retryable, on the packaged control plane with the real local provider
 * and database. A start gate (a file) holds the creation while it makes its first host; the
 * deletion comes meanwhile. Stand-in agents keep host creation cheap (see {@link StandInAgents}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeletionIT {

    static final String TOKEN = RunningInstance.TOKEN;

    @RegisterExtension
    static final RunningInstance platform = RunningInstance.builder(25000)
            .env("TRIBUTARY_LOCAL_JAVA", home -> StandInAgents.script(home.resolve("bin")).toString())
            .env("TRIBUTARY_LOCAL_START_GATE", home -> home.resolve("start-gate").toString())
            .env("TRIBUTARY_DELETE_TIMEOUT", "30s")
            .controlPlaneOnly().build();
    Path home;
    Path gate;
    ApiClient api;
    String project;

    @BeforeAll
    void connect() {
        home = platform.home();
        gate = home.resolve("start-gate");
        api = platform.api();
        project = platform.project();
    }

    @AfterEach
    void openGate() throws IOException {
        Files.deleteIfExists(gate);
    }

    @Test
    void aDeleteDuringHostCreationLeavesNoHostOnceTheCreationGoesOn() throws Exception {
        Files.createFile(gate);
        String base = order("mid-creation");
        awaitHeldAtTheGate(base);

        ApiClient.Response deleting = api.delete(base, TOKEN);
        assertThat(deleting.status()).isEqualTo(202);
        String deletion = "/api/v1/projects/" + project + "/operations/" + deleting.json().path("operation").path("id").asText();
        // the deletion waits for the cancelled creation's worker (still inside its step), or, as before, does not
        await("deletion waits or is done").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get(base, TOKEN).status() == 404
                        || "CHECK_NOTHING_LEFT".equals(api.get(deletion, TOKEN).text("currentStep"))
                        || "WAIT_FOR_OTHER_OPERATIONS".equals(api.get(deletion, TOKEN).text("currentStep")));
        Files.delete(gate); // the creation's worker goes on: it starts the agent of the host it was making

        await("deleted").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get(base, TOKEN).status() == 404);
        assertNothingLeft(base);
    }

    @Test
    void aFailedDeletionCanBeAskedForAgainAndThenCompletes() throws Exception {
        Files.createFile(gate);
        String base = order("failed-deletion");
        awaitHeldAtTheGate(base);

        ApiClient.Response first = api.delete(base, TOKEN);
        String firstId = first.json().path("operation").path("id").asText();
        String firstOperation = "/api/v1/projects/" + project + "/operations/" + firstId;
        // the creation's worker stays stuck past the deletion's deadline (30 s here): the deletion fails
        await("first deletion failed").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> "FAILED".equals(api.get(firstOperation, TOKEN).text("status")));
        assertThat(api.get(base, TOKEN).text("status")).isEqualTo("DELETING");
        assertThat(api.delete(base, TOKEN).json().path("operation").path("id").asText())
                .as("while the creation still holds on, a new deletion is started (and waits)").isNotEqualTo(firstId);
        Files.delete(gate);

        await("deleted").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get(base, TOKEN).status() == 404);
        assertNothingLeft(base);
    }

    private String order(String name) {
        String id = api.post(platform.projectPath() + "/instances", TOKEN, RunningInstance.order(name))
                .json().path("instance").path("id").asText();
        return platform.projectPath() + "/instances/" + id;
    }

    /** The creation made its first host's row and waits at the gate to start its agent. */
    private void awaitHeldAtTheGate(String base) {
        String instanceId = base.substring(base.lastIndexOf('/') + 1);
        await("first host made, agent held").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> liveHosts(instanceId).size() == 1);
        assertThat(api.get(base, TOKEN).text("status")).isEqualTo("CREATING");
    }

    private List<JsonNode> liveHosts(String instanceId) {
        JsonNode hosts = api.get("/api/v1/admin/hosts", TOKEN).json();
        JsonNode items = hosts.isArray() ? hosts : hosts.path("items");
        return Stream.of(items).flatMap(a -> java.util.stream.StreamSupport.stream(a.spliterator(), false))
                .filter(h -> instanceId.equals(h.path("instanceId").asText())).toList();
    }

    /** No live host row, no process and no directory of the instance's hosts, now or a few seconds later. */
    private void assertNothingLeft(String base) {
        String instanceId = base.substring(base.lastIndexOf('/') + 1);
        Path hosts = home.resolve("hosts");
        await("nothing comes back").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> liveHosts(instanceId).isEmpty()
                        && ControlPlaneProcess.processesMentioning(hosts.toString()).isEmpty()
                        && directories(hosts).isEmpty());
    }

    private static List<Path> directories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        }
    }
}
