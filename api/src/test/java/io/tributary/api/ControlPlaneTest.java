package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The control plane in this JVM on its embedded (real) PostgreSQL, reached over HTTP. Every
 * class shares one context, so one database; the reconciler is off, orders stay CREATING.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tributary.provisioning.reconcile=false",
        "tributary.rate-limit.mutations-per-minute=100000",
        "tributary.bootstrap-token=" + ControlPlaneTest.ADMIN_TOKEN})
public abstract class ControlPlaneTest {

    public static final String ADMIN_TOKEN = "trb_test_admin_0123456789abcdefghij";
    static final Path HOME = tempHome();

    @LocalServerPort
    int port;
    @Autowired
    protected JdbcTemplate jdbc;
    protected ApiClient api;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("tributary.home", HOME::toString);
    }

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port);
    }

    protected UUID defaultProject() {
        return UUID.fromString(api.get("/api/v1/me", ADMIN_TOKEN).json().path("memberships").get(0).path("projectId").asText());
    }

    /** A new user in {@code project} with {@code role}; returns its API key. */
    protected String member(UUID project, String role) {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response added = api.post("/api/v1/projects/" + project + "/members", ADMIN_TOKEN,
                Map.of("username", name, "role", role));
        assertThat(added.status()).isEqualTo(201);
        return added.text("apiKey");
    }

    protected UUID newProject(String token) {
        ApiClient.Response created = api.post("/api/v1/projects", token,
                Map.of("name", "p-" + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(created.status()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    static Map<String, Object> validOrder(String name) {
        return new java.util.HashMap<>(Map.of(
                "name", name,
                "flavor", "kafka.2u4g",
                "brokerCount", 3,
                "availabilityZones", java.util.List.of("az1", "az2", "az3"),
                "storageGb", 100));
    }

    private static Path tempHome() {
        try {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "tributary-test-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
