package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST .../restarts: a rolling restart of what, and when (the reconciler is off here, orders stay CREATING). */
class BrokerRestartRequestTest extends ControlPlaneTest {

    @Test
    void aRestartNeedsARunningInstanceOneOfItsBrokersAndNoOtherOperation() {
        String base = "/api/v1/projects/" + defaultProject() + "/instances";
        ApiClient.Response order = api.post(base, ADMIN_TOKEN, validOrder("roll-" + UUID.randomUUID().toString().substring(0, 6)));
        String id = order.json().path("instance").path("id").asText();
        String creation = order.json().path("operation").path("id").asText();
        String restarts = base + "/" + id + "/restarts";

        ApiClient.Response creating = api.post(restarts, ADMIN_TOKEN, Map.of());
        assertThat(creating.status()).isEqualTo(409);
        assertThat(creating.text("detail")).as("names the creation").contains(creation);

        jdbc.update("update operations set status = 'SUCCEEDED' where id = ?::uuid", creation);
        jdbc.update("update instances set status = 'CREATE_FAILED' where id = ?::uuid", id);
        assertThat(api.post(restarts, ADMIN_TOKEN, Map.of()).text("detail")).contains("the instance is CREATE_FAILED");
        jdbc.update("update instances set status = 'RUNNING' where id = ?::uuid", id);
        jdbc.update("insert into brokers (instance_id, node_id, availability_zone, roles) values (?::uuid, 1, 'az1', 'broker,controller')", id);

        ApiClient.Response nullBody = api.post(restarts, ADMIN_TOKEN, "null");
        assertThat(nullBody.status()).as("a JSON null is not a restart request; {} restarts every broker").isEqualTo(400);
        assertThat(nullBody.text("code")).as(nullBody.raw()).isNotBlank();

        ApiClient.Response unknown = api.post(restarts, ADMIN_TOKEN, Map.of("nodeId", 7));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").findValuesAsString("field")).containsExactly("nodeId");

        ApiClient.Response started = api.post(restarts, ADMIN_TOKEN, Map.of("nodeId", 1));
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.text("type")).isEqualTo("RESTART_BROKERS");
        String operation = started.text("id");
        assertThat(jdbc.queryForObject("select target_node_id from operations where id = ?::uuid", Integer.class, operation))
                .isEqualTo(1);

        ApiClient.Response busy = api.post(restarts, ADMIN_TOKEN, Map.of());
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.text("detail")).as("names the running operation").contains(operation);
    }
}
