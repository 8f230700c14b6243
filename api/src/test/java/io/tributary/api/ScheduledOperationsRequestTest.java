package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * applyAt MAINTENANCE_WINDOW: a restart, a flavor change and an upgrade wait for the instance's window as scheduled
 * operations, which can be started early or cancelled, the change undone (reconciler off: nothing runs them here).
 */
class ScheduledOperationsRequestTest extends ControlPlaneTest {

    /** A project of the test's own: the default one's instance quota is shared by every test class. */
    private UUID project;

    @BeforeEach
    void ownProject() {
        project = newProject(ADMIN_TOKEN);
    }

    private static final Map<String, Object> IN_WINDOW = Map.of("applyAt", "MAINTENANCE_WINDOW");

    @Test
    void aRestartWaitsForTheWindowMovesWithItAndCanBeCancelledOrStartedEarly() {
        String id = runningInstance("sched");
        String instance = instances() + "/" + id;
        String restarts = instance + "/restarts";

        ApiClient.Response noWindow = api.post(restarts, ADMIN_TOKEN, IN_WINDOW);
        assertThat(noWindow.status()).isEqualTo(400);
        assertThat(noWindow.json().path("errors").findValuesAsString("field")).containsExactly("applyAt");

        DayOfWeek day = today().plus(3);
        api.patch(instance, ADMIN_TOKEN, Map.of("maintenanceWindow", Map.of("dayOfWeek", day.name(), "startHour", 2)));
        ApiClient.Response scheduled = api.post(restarts, ADMIN_TOKEN, IN_WINDOW);
        assertThat(scheduled.status()).isEqualTo(202);
        assertThat(scheduled.text("status")).isEqualTo("PENDING");
        assertThat(instantOf(scheduled.text("scheduledAt"))).isEqualTo(nextStart(day, 2));
        assertThat(nextAttempt(scheduled.text("id"))).as("no worker picks it up before then").isEqualTo(nextStart(day, 2));
        assertThat(api.get(instance, ADMIN_TOKEN).text("status")).isEqualTo("RUNNING");

        ApiClient.Response busy = api.post(restarts, ADMIN_TOKEN, Map.of());
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.text("detail")).contains("scheduled", scheduled.text("id"));

        DayOfWeek later = today().plus(5);
        api.patch(instance, ADMIN_TOKEN, Map.of("maintenanceWindow", Map.of("dayOfWeek", later.name(), "startHour", 22)));
        assertThat(instantOf(operation(scheduled.text("id")).text("scheduledAt"))).as("follows the new window")
                .isEqualTo(nextStart(later, 22));

        ApiClient.Response cancelled = api.post(operationUrl(scheduled.text("id")) + "/cancel", ADMIN_TOKEN, Map.of());
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        ApiClient.Response again = api.post(operationUrl(scheduled.text("id")) + "/start", ADMIN_TOKEN, Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("INVALID_STATE");

        ApiClient.Response second = api.post(restarts, ADMIN_TOKEN, IN_WINDOW);
        assertThat(second.status()).as("the cancelled one holds nothing").isEqualTo(202);
        Instant before = Instant.now();
        ApiClient.Response early = api.send("POST", operationUrl(second.text("id")) + "/start", ADMIN_TOKEN, null, null);
        assertThat(early.status()).isEqualTo(200);
        assertThat(early.json().hasNonNull("scheduledAt")).isFalse();
        assertThat(nextAttempt(second.text("id"))).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(api.post(operationUrl(second.text("id")) + "/cancel", ADMIN_TOKEN, Map.of()).status())
                .as("started: it can no longer be cancelled").isEqualTo(409);

        ApiClient.Response leased = api.post(restarts, ADMIN_TOKEN, IN_WINDOW);
        assertThat(leased.status()).as("the started one holds the instance").isEqualTo(409);
    }

    @Test
    void cancellingAScheduledFlavorChangeOrUpgradeGivesTheInstanceItsFormerShapeBack() {
        String id = runningInstance("undo");
        String instance = instances() + "/" + id;
        api.patch(instance, ADMIN_TOKEN, Map.of("maintenanceWindow", Map.of("dayOfWeek", today().plus(2).name(),
                "startHour", 3, "durationHours", 2)));

        Map<String, Object> resize = Map.of("flavor", "kafka.4u8g", "brokerConfig",
                Map.of("replica.lag.time.max.ms", "60000"), "applyAt", "MAINTENANCE_WINDOW");
        ApiClient.Response resized = api.patch(instance, ADMIN_TOKEN, resize);
        assertThat(resized.status()).isEqualTo(202);
        assertThat(resized.text("flavor")).as("stored at once, applied in the window").isEqualTo("kafka.4u8g");
        String restart = resized.text("currentOperationId");
        assertThat(operation(restart).text("scheduledAt")).isNotBlank();

        assertThat(api.post(operationUrl(restart) + "/cancel", ADMIN_TOKEN, Map.of()).status()).isEqualTo(200);
        ApiClient.Response undone = api.get(instance, ADMIN_TOKEN);
        assertThat(undone.text("flavor")).isEqualTo("kafka.2u4g");
        assertThat(undone.json().path("brokerConfig").has("replica.lag.time.max.ms")).isFalse();

        ApiClient.Response upgrade = api.patch(instance, ADMIN_TOKEN, Map.of("kafkaVersion", "4.3.1", "applyAt", "MAINTENANCE_WINDOW"));
        assertThat(upgrade.status()).isEqualTo(202);
        assertThat(operation(upgrade.text("currentOperationId")).text("type")).isEqualTo("UPGRADE_KAFKA");
        assertThat(api.post(operationUrl(upgrade.text("currentOperationId")) + "/cancel", ADMIN_TOKEN, Map.of()).status())
                .isEqualTo(200);
        assertThat(api.get(instance, ADMIN_TOKEN).text("kafkaVersion")).isEqualTo("4.1.1");

        ApiClient.Response other = api.post("/api/v1/projects/" + UUID.randomUUID() + "/operations/"
                + upgrade.text("currentOperationId") + "/cancel", ADMIN_TOKEN, Map.of());
        assertThat(other.status()).as("another project's operation does not exist there").isEqualTo(404);
    }

    private String runningInstance(String prefix) {
        ApiClient.Response order = api.post(instances(), ADMIN_TOKEN, validOrder(prefix + "-" + UUID.randomUUID().toString().substring(0, 6)));
        String id = order.json().path("instance").path("id").asText();
        jdbc.update("update operations set status = 'SUCCEEDED' where instance_id = ?::uuid", id);
        jdbc.update("update instances set status = 'RUNNING' where id = ?::uuid", id);
        jdbc.update("insert into brokers (instance_id, node_id, availability_zone, roles) values (?::uuid, 1, 'az1', 'broker,controller')", id);
        return id;
    }

    private String instances() {
        return "/api/v1/projects/" + project + "/instances";
    }

    private String operationUrl(String id) {
        return "/api/v1/projects/" + project + "/operations/" + id;
    }

    private ApiClient.Response operation(String id) {
        return api.get(operationUrl(id), ADMIN_TOKEN);
    }

    private Instant nextAttempt(String operation) {
        return jdbc.queryForObject("select next_attempt_at from operations where id = ?::uuid", Timestamp.class, operation)
                .toInstant();
    }

    private static DayOfWeek today() {
        return ZonedDateTime.now(ZoneOffset.UTC).getDayOfWeek();
    }

    /** The next start of a window that does not hold today (so the answer is the same from any moment of today). */
    private static Instant nextStart(DayOfWeek day, int hour) {
        return ZonedDateTime.now(ZoneOffset.UTC).with(TemporalAdjusters.next(day)).with(LocalTime.of(hour, 0)).toInstant();
    }

    private static Instant instantOf(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
