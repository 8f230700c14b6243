package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * PATCH brokerCount and the rebalances resource, as the API takes them (reconciler off: nothing runs). The moves
 * themselves, and scale-in's checks against the cluster, are RollingRestartIT's.
 */
class BrokerScalingRequestTest extends ControlPlaneTest {

    String base() {
        return "/api/v1/projects/" + defaultProject() + "/instances";
    }

    String runningInstance() {
        ApiClient.Response order = api.post(base(), ADMIN_TOKEN, validOrder("scale-" + UUID.randomUUID().toString().substring(0, 6)));
        String id = order.json().path("instance").path("id").asText();
        jdbc.update("update operations set status = 'SUCCEEDED' where instance_id = ?::uuid", id);
        jdbc.update("update instances set status = 'RUNNING' where id = ?::uuid", id);
        return base() + "/" + id;
    }

    @Test
    void aLargerCountWithinTheFlavorStartsOneScaleOutWithItsRebalanceWhichCanBeCancelled() {
        String instance = runningInstance();
        assertThat(api.get(instance + "/rebalances", ADMIN_TOKEN).status()).as("never rebalanced").isEqualTo(404);

        ApiClient.Response together = api.patch(instance, ADMIN_TOKEN, Map.of("brokerCount", 4, "flavor", "kafka.4u8g"));
        assertThat(together.status()).isEqualTo(400);
        assertThat(together.json().path("errors").findValuesAsString("message").get(0)).contains("on its own");
        ApiClient.Response tooMany = api.patch(instance, ADMIN_TOKEN, Map.of("brokerCount", 1000));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("errors").findValuesAsString("field")).containsExactly("brokerCount");
        assertThat(tooMany.json().path("errors").findValuesAsString("message").get(0)).contains("runs 3 to");
        assertThat(api.patch(instance, ADMIN_TOKEN, Map.of("brokerCount", 2)).status()).isEqualTo(400);
        assertThat(api.get(instance, ADMIN_TOKEN).json().path("brokerCount").asInt()).as("a refused change changes nothing")
                .isEqualTo(3);

        ApiClient.Response scaling = api.patch(instance, ADMIN_TOKEN, Map.of("brokerCount", 4, "name", "renamed-too"));
        assertThat(scaling.status()).isEqualTo(202);
        assertThat(scaling.json().path("brokerCount").asInt()).isEqualTo(4);
        assertThat(scaling.text("name")).isEqualTo("renamed-too");
        String operation = scaling.text("currentOperationId");
        assertThat(api.get("/api/v1/projects/" + defaultProject() + "/operations/" + operation, ADMIN_TOKEN).text("type"))
                .isEqualTo("SCALE_OUT");
        ApiClient.Response second = api.patch(instance, ADMIN_TOKEN, Map.of("brokerCount", 5));
        assertThat(second.status()).as("one operation at a time").isEqualTo(409);
        assertThat(second.text("detail")).contains(operation);
        assertThat(api.post(instance + "/rebalances", ADMIN_TOKEN, Map.of()).status())
                .as("no rebalance beside a scale-out").isEqualTo(409);

        ApiClient.Response rebalance = api.get(instance + "/rebalances", ADMIN_TOKEN);
        assertThat(rebalance.status()).isEqualTo(200);
        assertThat(rebalance.text("operationId")).isEqualTo(operation);
        assertThat(rebalance.text("operationType")).isEqualTo("SCALE_OUT");
        assertThat(rebalance.json().path("brokers")).as("not planned before the new broker is up").isEmpty();
        ApiClient.Response cancelling = api.delete(instance + "/rebalances", ADMIN_TOKEN);
        assertThat(cancelling.status()).isEqualTo(202);
        assertThat(cancelling.json().path("cancelRequested").asBoolean()).isTrue();

        jdbc.update("update operations set status = 'SUCCEEDED' where id = ?::uuid", operation);
        ApiClient.Response over = api.delete(instance + "/rebalances", ADMIN_TOKEN);
        assertThat(over.status()).as("nothing running to cancel").isEqualTo(409);
        assertThat(over.text("code")).isEqualTo("INVALID_STATE");
    }

    @Test
    void aScaleOutMayLeaveTheNewBrokersEmptyAndTheSameCountChangesNothing() {
        String instance = runningInstance();
        assertThat(api.patch(instance, ADMIN_TOKEN, Map.of("brokerCount", 3)).status()).isEqualTo(200);

        ApiClient.Response scaling = api.patch(instance, ADMIN_TOKEN, Map.of("brokerCount", 5, "rebalance", false));
        assertThat(scaling.status()).isEqualTo(202);
        assertThat(api.get(instance + "/rebalances", ADMIN_TOKEN).status()).as("no rebalance asked for").isEqualTo(404);
    }

    @Test
    void aRebalanceNeedsServingBrokers() {
        ApiClient.Response order = api.post(base(), ADMIN_TOKEN, validOrder("reb-" + UUID.randomUUID().toString().substring(0, 6)));
        String instance = base() + "/" + order.json().path("instance").path("id").asText();
        ApiClient.Response creating = api.post(instance + "/rebalances", ADMIN_TOKEN, Map.of("dryRun", true));
        assertThat(creating.status()).isEqualTo(409);
        assertThat(creating.text("detail")).contains("CREATING");
        ApiClient.Response slow = api.post(instance + "/rebalances", ADMIN_TOKEN, Map.of("throttleBytesPerSecond", 10));
        assertThat(slow.status()).as("below the throttle's bounds").isEqualTo(400);
    }
}
