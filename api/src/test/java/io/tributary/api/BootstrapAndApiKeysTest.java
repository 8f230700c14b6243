package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BootstrapAndApiKeysTest extends ControlPlaneTest {

    @Test
    void migrationsApplyOnTheEmptyDatabase() {
        List<Map<String, Object>> history = jdbc.queryForList(
                "select version, success from flyway_schema_history where version is not null order by installed_rank");
        assertThat(history).isNotEmpty().allSatisfy(row -> assertThat(row.get("success")).isEqualTo(true));
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_name = 'instances'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void bootstrapAdminOwnsTheDefaultProjectWithTheConfiguredKey() {
        ApiClient.Response me = api.get("/api/v1/me", ADMIN_TOKEN);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("username")).isEqualTo("admin");
        assertThat(me.json().path("platformAdmin").asBoolean()).isTrue();
        assertThat(me.json().path("memberships").get(0).path("projectName").asText()).isEqualTo("default");
        assertThat(me.json().path("memberships").get(0).path("role").asText()).isEqualTo("owner");
    }

    @Test
    void apiKeysAreShownOnceListedWithoutSecretAndRevocable() {
        ApiClient.Response created = api.post("/api/v1/api-keys", ADMIN_TOKEN, Map.of("name", "ci"));
        assertThat(created.status()).isEqualTo(201);
        String token = created.text("token");
        String id = created.text("id");
        assertThat(token).startsWith("trb_");
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);

        ApiClient.Response list = api.get("/api/v1/api-keys", ADMIN_TOKEN);
        assertThat(list.raw()).contains(id).doesNotContain(token);
        assertThat(jdbc.queryForObject("select count(*) from api_keys where token_hash = ?", Integer.class, token)).isZero();

        assertThat(api.delete("/api/v1/api-keys/" + id, ADMIN_TOKEN).status()).isEqualTo(204);
        ApiClient.Response refused = api.get("/api/v1/me", token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("code")).isEqualTo("UNAUTHENTICATED");
        assertThat(api.get("/api/v1/api-keys", ADMIN_TOKEN).raw()).doesNotContain(id);
    }

    @Test
    void aKeyOfAnotherUserCannotBeRevoked() {
        String other = member(defaultProject(), "viewer");
        String otherKeyId = api.get("/api/v1/api-keys", other).json().get(0).path("id").asText();
        assertThat(api.delete("/api/v1/api-keys/" + otherKeyId, ADMIN_TOKEN).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me", other).status()).isEqualTo(200);
    }

    @Test
    void wrongOrMissingCredentialsAreRefusedAsProblems() {
        assertThat(api.get("/api/v1/projects", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/projects", "trb_not_a_real_key_0000000000000").status()).isEqualTo(401);
        ApiClient.Response basic = api.send("GET", "/api/v1/projects", null, null, null);
        assertThat(basic.contentType()).startsWith("application/problem+json");
    }
}
