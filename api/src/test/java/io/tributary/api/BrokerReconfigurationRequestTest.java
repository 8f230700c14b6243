package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** PATCH flavor / brokerConfig: checked as an order is, then a rolling restart applies it (reconciler off here). */
class BrokerReconfigurationRequestTest extends ControlPlaneTest {

    @Test
    void aNewFlavorOrBrokerSettingStartsOneRollingRestartAndIsCheckedAsAnOrder() {
        String base = "/api/v1/projects/" + defaultProject() + "/instances";
        ApiClient.Response order = api.post(base, ADMIN_TOKEN, validOrder("resize-" + UUID.randomUUID().toString().substring(0, 6)));
        String id = order.json().path("instance").path("id").asText();
        String instance = base + "/" + id;

        ApiClient.Response creating = api.patch(instance, ADMIN_TOKEN, Map.of("flavor", "kafka.4u8g"));
        assertThat(creating.status()).isEqualTo(409);
        assertThat(creating.text("detail")).contains(order.json().path("operation").path("id").asText());

        jdbc.update("update operations set status = 'SUCCEEDED' where instance_id = ?::uuid", id);
        jdbc.update("update instances set status = 'RUNNING' where id = ?::uuid", id);

        ApiClient.Response unknown = api.patch(instance, ADMIN_TOKEN, Map.of("flavor", "kafka.1u1g"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").findValuesAsString("field")).containsExactly("flavor");

        ApiClient.Response forbidden = api.patch(instance, ADMIN_TOKEN, Map.of("brokerConfig", Map.of("log.dirs", "/etc")));
        assertThat(forbidden.status()).isEqualTo(400);
        assertThat(forbidden.json().path("errors").findValuesAsString("field")).contains("brokerConfig.log.dirs");

        ApiClient.Response same = api.patch(instance, ADMIN_TOKEN, Map.of("flavor", "kafka.2u4g"));
        assertThat(same.status()).as("nothing to restart for").isEqualTo(200);
        assertThat(same.json().path("currentOperationId").asText()).isNotEqualTo("");

        ApiClient.Response resized = api.patch(instance, ADMIN_TOKEN,
                Map.of("flavor", "kafka.4u8g", "brokerConfig", Map.of("replica.lag.time.max.ms", "60000")));
        assertThat(resized.status()).isEqualTo(202);
        assertThat(resized.text("flavor")).isEqualTo("kafka.4u8g");
        assertThat(resized.json().path("brokerConfig").path("replica.lag.time.max.ms").asText()).isEqualTo("60000");
        String restart = resized.text("currentOperationId");
        assertThat(api.get("/api/v1/projects/" + defaultProject() + "/operations/" + restart, ADMIN_TOKEN).text("type"))
                .isEqualTo("RESTART_BROKERS");

        ApiClient.Response busy = api.patch(instance, ADMIN_TOKEN, Map.of("brokerConfig", Map.of()));
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.text("detail")).as("names the running restart").contains(restart);
        assertThat(api.get(instance, ADMIN_TOKEN).text("flavor")).as("a refused change changes nothing").isEqualTo("kafka.4u8g");
    }
}
