package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Audit is never lost: long resource ids are kept whole, and a change that cannot be audited is not made. */
class AuditLogTest extends ControlPlaneTest {

    @Test
    void aLongAclIdIsAuditedInFull() {
        UUID project = newProject(ADMIN_TOKEN);
        UUID instance = UUID.randomUUID();
        String topic = "t".repeat(249);
        String aclId = String.join(".", b64("TOPIC"), b64("LITERAL"), b64(topic), b64("User:" + "u".repeat(200)), b64("*"),
                b64("READ"), b64("ALLOW"));
        assertThat(aclId.length()).isGreaterThan(500);

        ApiClient.Response deleted = api.delete("/api/v1/projects/" + project + "/instances/" + instance + "/acls/" + aclId,
                ADMIN_TOKEN);
        assertThat(deleted.status()).isEqualTo(404);

        JsonNode events = api.get("/api/v1/projects/" + project + "/audit-events", ADMIN_TOKEN).json().path("items");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("deleteAcl");
            assertThat(e.path("resourceId").asText()).isEqualTo(instance + "/acls/" + aclId);
            assertThat(e.path("result").asText()).isEqualTo("FAILURE");
            assertThat(e.path("detail").asText()).isEqualTo("HTTP 404");
        });
    }

    @Test
    void aLongTopicNameIsAuditedInFull() {
        UUID project = newProject(ADMIN_TOKEN);
        UUID instance = UUID.randomUUID();
        String topic = "events." + "x".repeat(240);
        api.delete("/api/v1/projects/" + project + "/instances/" + instance + "/topics/" + topic, ADMIN_TOKEN);

        JsonNode events = api.get("/api/v1/projects/" + project + "/audit-events", ADMIN_TOKEN).json().path("items");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("deleteTopic");
            assertThat(e.path("resourceId").asText()).isEqualTo(instance + "/" + topic);
        });
    }

    @Test
    void aChangeThatCannotBeAuditedIsNotMade() {
        int projectsBefore = jdbc.queryForObject("select count(*) from projects", Integer.class);
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION audit_refuses() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'the audit log is full'; END $$ LANGUAGE plpgsql""");
        jdbc.execute("""
                CREATE TRIGGER audit_refuses BEFORE INSERT ON audit_events FOR EACH ROW
                WHEN (NEW.action = 'createProject') EXECUTE FUNCTION audit_refuses()""");
        try {
            ApiClient.Response refused = api.post("/api/v1/projects", ADMIN_TOKEN, Map.of("name", "unaudited"));

            assertThat(refused.status()).isEqualTo(500);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("code")).isEqualTo("AUDIT_UNAVAILABLE");
            assertThat(refused.raw()).doesNotContain("audit log is full").doesNotContain("Exception");
            assertThat(jdbc.queryForObject("select count(*) from projects", Integer.class)).isEqualTo(projectsBefore);
        } finally {
            jdbc.execute("DROP TRIGGER audit_refuses ON audit_events");
            jdbc.execute("DROP FUNCTION audit_refuses()");
        }
        assertThat(api.post("/api/v1/projects", ADMIN_TOKEN, Map.of("name", "audited")).status()).isEqualTo(201);
    }

    @Test
    void theEventWrittenBeforeTheChangeGetsItsOutcome() {
        UUID project = newProject(ADMIN_TOKEN);
        String id = api.post("/api/v1/projects/" + project + "/instances", ADMIN_TOKEN, validOrder("audited"))
                .json().path("instance").path("id").asText();
        Map<String, Object> row = jdbc.queryForMap(
                "select result, detail from audit_events where action = 'createInstance' and resource_id = ?", id);
        assertThat(row).containsEntry("result", "SUCCESS").containsEntry("detail", "HTTP 202");
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
