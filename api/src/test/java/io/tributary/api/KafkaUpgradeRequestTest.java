package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** PATCH kafkaVersion: only to a newer release the agents ship, on its own, then one UPGRADE_KAFKA (reconciler off). */
class KafkaUpgradeRequestTest extends ControlPlaneTest {

    @Test
    void anUpgradeGoesOnlyForwardToAShippedReleaseAndStartsOneOperation() {
        String base = "/api/v1/projects/" + defaultProject() + "/instances";
        ApiClient.Response order = api.post(base, ADMIN_TOKEN, validOrder("upg-" + UUID.randomUUID().toString().substring(0, 6)));
        String id = order.json().path("instance").path("id").asText();
        String instance = base + "/" + id;
        assertThat(order.json().path("instance").path("kafkaVersion").asText()).isEqualTo("4.1.1");

        ApiClient.Response creating = api.patch(instance, ADMIN_TOKEN, Map.of("kafkaVersion", "4.3.1"));
        assertThat(creating.status()).as("still CREATING").isEqualTo(409);
        jdbc.update("update operations set status = 'SUCCEEDED' where instance_id = ?::uuid", id);
        jdbc.update("update instances set status = 'RUNNING' where id = ?::uuid", id);

        ApiClient.Response unknown = api.patch(instance, ADMIN_TOKEN, Map.of("kafkaVersion", "3.9.0"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").findValuesAsString("message").get(0)).contains("4.1.1, 4.3.1");
        ApiClient.Response together = api.patch(instance, ADMIN_TOKEN, Map.of("kafkaVersion", "4.3.1", "flavor", "kafka.4u8g"));
        assertThat(together.status()).isEqualTo(400);
        assertThat(together.json().path("errors").findValuesAsString("message").get(0)).contains("on its own");
        assertThat(api.get(instance, ADMIN_TOKEN).text("flavor")).as("a refused change changes nothing").isEqualTo("kafka.2u4g");

        ApiClient.Response upgrading = api.patch(instance, ADMIN_TOKEN, Map.of("kafkaVersion", "4.3.1"));
        assertThat(upgrading.status()).isEqualTo(202);
        assertThat(upgrading.text("kafkaVersion")).isEqualTo("4.3.1");
        String operation = upgrading.text("currentOperationId");
        assertThat(api.get("/api/v1/projects/" + defaultProject() + "/operations/" + operation, ADMIN_TOKEN).text("type"))
                .isEqualTo("UPGRADE_KAFKA");
        assertThat(api.patch(instance, ADMIN_TOKEN, Map.of("kafkaVersion", "4.3.1")).status())
                .as("the same version again changes nothing").isEqualTo(200);

        jdbc.update("update operations set status = 'SUCCEEDED' where id = ?::uuid", operation);
        ApiClient.Response back = api.patch(instance, ADMIN_TOKEN, Map.of("kafkaVersion", "4.1.1"));
        assertThat(back.status()).isEqualTo(400);
        assertThat(back.json().path("errors").findValuesAsString("message").get(0)).contains("cannot go back from 4.3.1");
    }
}
