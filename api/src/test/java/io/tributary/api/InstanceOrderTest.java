package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.provisioning.crypto.SecretCipher;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class InstanceOrderTest extends ControlPlaneTest {

    @Autowired
    SecretCipher cipher;

    @Test
    void aValidOrderIsStoredWithItsOperationAndAnUnreadablePassword() {
        UUID project = defaultProject();
        String password = "Pa55word-" + UUID.randomUUID();
        Map<String, Object> order = validOrder("orders-" + UUID.randomUUID().toString().substring(0, 6));
        order.put("security", Map.of("protocol", "SASL_SSL", "saslMechanisms", List.of("SCRAM-SHA-512"),
                "adminUsername", "kafka-admin", "adminPassword", password));
        order.put("tags", Map.of("team", "payments"));
        order.put("retention", Map.of("defaultHours", 48, "capacityPolicy", "PRODUCE_REJECT"));
        order.put("billing", Map.of("mode", "PREPAID", "periodMonths", 12, "autoRenew", true));
        order.put("brokerConfig", Map.of("message.max.bytes", "2097152"));

        ApiClient.Response accepted = api.post("/api/v1/projects/" + project + "/instances", ADMIN_TOKEN, order);

        assertThat(accepted.status()).isEqualTo(202);
        JsonNode instance = accepted.json().path("instance");
        String id = instance.path("id").asText();
        assertThat(accepted.location()).endsWith("/api/v1/projects/" + project + "/instances/" + id);
        assertThat(instance.path("status").asText()).isEqualTo("CREATING");
        assertThat(instance.path("bootstrapServers").isMissingNode() || instance.path("bootstrapServers").isNull()).isTrue();
        assertThat(accepted.raw()).doesNotContain(password).doesNotContain("adminPassword");
        assertThat(instance.path("security").path("adminUsername").asText()).isEqualTo("kafka-admin");
        assertThat(instance.path("billing").path("periodMonths").asInt()).isEqualTo(12);

        String operationId = accepted.json().path("operation").path("id").asText();
        ApiClient.Response operation = api.get("/api/v1/projects/" + project + "/operations/" + operationId, ADMIN_TOKEN);
        assertThat(operation.status()).isEqualTo(200);
        assertThat(operation.text("type")).isEqualTo("CREATE_INSTANCE");
        assertThat(operation.text("instanceId")).isEqualTo(id);

        String stored = jdbc.queryForObject("select admin_password_enc from instances where id = ?::uuid", String.class, id);
        assertThat(stored).doesNotContain(password).startsWith("v1:");
        assertThat(cipher.decrypt(stored)).isEqualTo(password);
        String wholeRow = jdbc.queryForObject("select row_to_json(i)::text from instances i where id = ?::uuid", String.class, id);
        assertThat(wholeRow).doesNotContain(password);

        ApiClient.Response read = api.get("/api/v1/projects/" + project + "/instances/" + id, ADMIN_TOKEN);
        assertThat(read.raw()).doesNotContain(password);
        assertThat(read.json().path("brokerConfig").path("message.max.bytes").asText()).isEqualTo("2097152");
    }

    @Test
    void instancesAreListedPagedAndFiltered() {
        UUID project = newProject(ADMIN_TOKEN);
        for (String name : List.of("alpha", "beta", "gamma")) {
            Map<String, Object> order = validOrder(name);
            order.put("tags", Map.of("env", name.equals("beta") ? "prod" : "dev"));
            assertThat(api.post("/api/v1/projects/" + project + "/instances", ADMIN_TOKEN, order).status()).isEqualTo(202);
        }
        String base = "/api/v1/projects/" + project + "/instances";
        JsonNode page = api.get(base + "?size=2", ADMIN_TOKEN).json();
        assertThat(page.path("totalItems").asInt()).isEqualTo(3);
        assertThat(page.path("totalPages").asInt()).isEqualTo(2);
        assertThat(page.path("items").size()).isEqualTo(2);
        assertThat(api.get(base + "?tag=env=prod", ADMIN_TOKEN).json().path("items").findValuesAsString("name"))
                .containsExactly("beta");
        assertThat(api.get(base + "?q=MM", ADMIN_TOKEN).json().path("items").findValuesAsString("name"))
                .containsExactly("gamma");
        assertThat(api.get(base + "?status=RUNNING", ADMIN_TOKEN).json().path("totalItems").asInt()).isZero();
    }

    @Test
    void nameDescriptionAndTagsChangeInPlaceAndDeleteStartsDeleting() {
        UUID project = newProject(ADMIN_TOKEN);
        String base = "/api/v1/projects/" + project + "/instances";
        String id = api.post(base, ADMIN_TOKEN, validOrder("before")).json().path("instance").path("id").asText();

        ApiClient.Response patched = api.patch(base + "/" + id, ADMIN_TOKEN,
                Map.of("name", "after", "description", "renamed", "tags", Map.of("k", "v")));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.text("name")).isEqualTo("after");
        assertThat(patched.json().path("tags").path("k").asText()).isEqualTo("v");
        assertThat(patched.json().path("flavor").asText()).isEqualTo("kafka.2u4g");

        assertThat(api.patch(base + "/" + id, ADMIN_TOKEN, Map.of("name", "Not Valid")).status()).isEqualTo(400);

        ApiClient.Response deleting = api.delete(base + "/" + id, ADMIN_TOKEN);
        assertThat(deleting.status()).isEqualTo(202);
        assertThat(deleting.json().path("instance").path("status").asText()).isEqualTo("DELETING");
        assertThat(deleting.json().path("operation").path("type").asText()).isEqualTo("DELETE_INSTANCE");
        ApiClient.Response again = api.delete(base + "/" + id, ADMIN_TOKEN);
        assertThat(again.json().path("operation").path("id")).isEqualTo(deleting.json().path("operation").path("id"));
        assertThat(api.patch(base + "/" + id, ADMIN_TOKEN, Map.of("name", "x")).status()).isEqualTo(409);
    }

    @Test
    void everyChangeIsAudited() {
        UUID project = newProject(ADMIN_TOKEN);
        String viewer = member(project, "viewer");
        String base = "/api/v1/projects/" + project + "/instances";
        String id = api.post(base, ADMIN_TOKEN, validOrder("audited")).json().path("instance").path("id").asText();
        api.post(base, viewer, validOrder("refused"));

        JsonNode events = api.get("/api/v1/projects/" + project + "/audit-events", viewer).json().path("items");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("createInstance");
            assertThat(e.path("actor").asText()).isEqualTo("admin");
            assertThat(e.path("resourceType").asText()).isEqualTo("instance");
            assertThat(e.path("resourceId").asText()).isEqualTo(id);
            assertThat(e.path("result").asText()).isEqualTo("SUCCESS");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("createInstance");
            assertThat(e.path("actor").asText()).startsWith("viewer-");
            assertThat(e.path("result").asText()).isEqualTo("FAILURE");
        });
        assertThat(events).anySatisfy(e -> assertThat(e.path("action").asText()).isEqualTo("addMember"));
    }

    @Test
    void catalogListsFlavorsZonesAndVersions() {
        JsonNode flavors = api.get("/api/v1/flavors", ADMIN_TOKEN).json();
        assertThat(flavors.findValuesAsString("id")).contains("kafka.2u4g", "kafka.4u8g", "kafka.8u16g");
        JsonNode small = flavors.get(0);
        assertThat(small.path("maxPartitionsPerBroker").asInt()).isEqualTo(250);
        assertThat(small.path("brokerHeapMb").asInt()).isEqualTo(2048);
        assertThat(api.get("/api/v1/availability-zones", ADMIN_TOKEN).json().findValuesAsString("name"))
                .containsExactly("az1", "az2", "az3");
        assertThat(api.get("/api/v1/kafka-versions", ADMIN_TOKEN).json().get(0).path("isDefault").asBoolean()).isTrue();
    }

    @Test
    void catalogSaysWhichBrokerSettingsChangeWithoutARestart() {
        Map<String, JsonNode> settings = new java.util.HashMap<>();
        api.get("/api/v1/broker-settings", ADMIN_TOKEN).json().forEach(s -> settings.put(s.path("name").asText(), s));
        assertThat(settings.get("message.max.bytes").path("dynamic").asBoolean()).isTrue();
        assertThat(settings.get("message.max.bytes").path("min").asLong()).isEqualTo(1024);
        assertThat(settings.get("message.max.bytes").path("type").asText()).isEqualTo("INT");
        assertThat(settings.get("replica.lag.time.max.ms").path("dynamic").asBoolean()).as("needs a restart").isFalse();
        assertThat(settings.get("num.partitions").path("orderBound").asBoolean()).isTrue();
        assertThat(settings).doesNotContainKeys("log.dirs", "config.providers", "log.retention.hours");
    }

    @Test
    void theLastOwnerStays() {
        UUID project = newProject(ADMIN_TOKEN);
        String adminId = api.get("/api/v1/me", ADMIN_TOKEN).text("id");
        ApiClient.Response r = api.delete("/api/v1/projects/" + project + "/members/" + adminId, ADMIN_TOKEN);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.text("code")).isEqualTo("LAST_OWNER");
    }

    @Test
    void theContractIsServed() {
        ApiClient.Response spec = api.get("/v3/api-docs", null);
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.raw()).contains("openapi: 3.0.3").contains("createInstance");
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }
}
