package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** PATCH changes that apply at once: deletion protection, the maintenance window, more storage (reconciler off). */
class InstanceChangeRequestTest extends ControlPlaneTest {

    @Test
    void aProtectedInstanceRefusesDeletionUntilTheProtectionIsOff() {
        String instance = ordered(Map.of("deletionProtection", true));
        assertThat(api.get(instance, ADMIN_TOKEN).json().path("deletionProtection").asBoolean()).isTrue();

        ApiClient.Response refused = api.delete(instance, ADMIN_TOKEN);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("DELETION_PROTECTED");
        assertThat(refused.text("detail")).contains("deletionProtection");
        assertThat(api.get(instance, ADMIN_TOKEN).text("status")).as("nothing happened").isEqualTo("CREATING");

        assertThat(api.patch(instance, ADMIN_TOKEN, Map.of("deletionProtection", false)).status()).isEqualTo(200);
        assertThat(api.delete(instance, ADMIN_TOKEN).status()).isEqualTo(202);
    }

    @Test
    void theMaintenanceWindowChangesAndIsShown() {
        String instance = ordered(Map.of());
        ApiClient.Response changed = api.patch(instance, ADMIN_TOKEN,
                Map.of("maintenanceWindow", Map.of("dayOfWeek", "SUNDAY", "startHour", 3)));
        assertThat(changed.status()).isEqualTo(200);
        var window = api.get(instance, ADMIN_TOKEN).json().path("maintenanceWindow");
        assertThat(window.path("dayOfWeek").asText()).isEqualTo("SUNDAY");
        assertThat(window.path("startHour").asInt()).isEqualTo(3);
        assertThat(window.path("durationHours").asInt()).isEqualTo(4);
    }

    @Test
    void storageOnlyGrowsWithinTheFlavorAndWhileRunning() {
        String instance = ordered(Map.of());
        assertThat(api.patch(instance, ADMIN_TOKEN, Map.of("storageGb", 200)).status())
                .as("still CREATING").isEqualTo(409);
        String id = instance.substring(instance.lastIndexOf('/') + 1);
        jdbc.update("update operations set status = 'SUCCEEDED' where instance_id = ?::uuid", id);
        jdbc.update("update instances set status = 'RUNNING' where id = ?::uuid", id);

        ApiClient.Response shrink = api.patch(instance, ADMIN_TOKEN, Map.of("storageGb", 99));
        assertThat(shrink.status()).isEqualTo(400);
        assertThat(shrink.json().path("errors").findValuesAsString("field")).containsExactly("storageGb");
        assertThat(shrink.json().path("errors").findValuesAsString("message").get(0)).contains("can only grow");
        assertThat(api.patch(instance, ADMIN_TOKEN, Map.of("storageGb", 10_001)).status()).isEqualTo(400);
        assertThat(api.get(instance, ADMIN_TOKEN).json().path("storageGb").asInt()).isEqualTo(100);
        // growing reaches the brokers (InstanceOperationsIT), which this test has none of
    }

    private String ordered(Map<String, Object> extra) {
        Map<String, Object> order = validOrder("chg-" + UUID.randomUUID().toString().substring(0, 6));
        order.putAll(extra);
        String base = "/api/v1/projects/" + defaultProject() + "/instances";
        ApiClient.Response placed = api.post(base, ADMIN_TOKEN, order);
        assertThat(placed.status()).as(placed.raw()).isEqualTo(202);
        return base + "/" + placed.json().path("instance").path("id").asText();
    }
}
