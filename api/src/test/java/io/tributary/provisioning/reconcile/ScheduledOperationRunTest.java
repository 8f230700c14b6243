package io.tributary.provisioning.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ApiClient;
import io.tributary.api.ControlPlaneTest;
import io.tributary.api.TributaryApplication;
import io.tributary.provisioning.instance.BrokerRepository;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.operation.OperationRepository;
import io.tributary.provisioning.operation.OperationStarter;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A worker and a scheduled operation on the real database (reconciler off; the test leases and runs by hand): it
 * begins only inside the instance's maintenance window, waits for the next one when it comes too late, and once a
 * worker holds it the user can no longer cancel it; brokers left waiting for a restart get one in the window.
 */
@ContextConfiguration(classes = TributaryApplication.class) // this package is outside the application's
class ScheduledOperationRunTest extends ControlPlaneTest {

    /** A project of the test's own: the default one's instance quota is shared by every test class. */
    private UUID project;

    @BeforeEach
    void ownProject() {
        project = newProject(ADMIN_TOKEN);
    }

    @Autowired
    OperationRunner runner;
    @Autowired
    OperationRepository operations;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    InstanceRepository instances;
    @Autowired
    BrokerRepository brokers;
    @Autowired
    OperationStarter starter;
    @Autowired
    Clock clock;

    @Test
    void aScheduledOperationBeginsOnlyInTheWindowAndAMissedWindowWaitsForTheNext() {
        String base = "/api/v1/projects/" + project + "/instances";
        ApiClient.Response order = api.post(base, ADMIN_TOKEN, Map.of("name", "window-" + UUID.randomUUID().toString()
                .substring(0, 6), "flavor", "kafka.2u4g", "brokerCount", 3, "availabilityZones", List.of("az1", "az2", "az3"),
                "storageGb", 100));
        String id = order.json().path("instance").path("id").asText();
        jdbc.update("update operations set status = 'SUCCEEDED' where instance_id = ?::uuid", id);
        jdbc.update("update instances set status = 'RUNNING' where id = ?::uuid", id);
        DayOfWeek day = ZonedDateTime.now(ZoneOffset.UTC).getDayOfWeek().plus(3);
        api.patch(base + "/" + id, ADMIN_TOKEN, Map.of("maintenanceWindow", Map.of("dayOfWeek", day.name(), "startHour", 1)));
        UUID op = UUID.fromString(api.post(base + "/" + id + "/restarts", ADMIN_TOKEN,
                Map.of("applyAt", "MAINTENANCE_WINDOW")).text("id"));

        // the control plane was down through the window: the operation comes due only after it closed
        jdbc.update("update operations set next_attempt_at = now() where id = ?", op);
        List<String> ran = new ArrayList<>();
        List<Step> steps = List.of(new Step("ROLL", 5, (o, i) -> {
            ran.add("ROLL");
            return StepResult.done();
        }));
        Lease lease = lease(op);
        ApiClient.Response whileHeld = api.post("/api/v1/projects/" + project + "/operations/" + op + "/cancel",
                ADMIN_TOKEN, Map.of());
        assertThat(whileHeld.status()).as("a worker holds it: it may be beginning").isEqualTo(409);
        runner.run(op, lease, steps);
        lease.release();

        assertThat(ran).as("nothing runs outside the window").isEmpty();
        Instant next = ZonedDateTime.now(ZoneOffset.UTC).with(TemporalAdjusters.next(day)).with(LocalTime.of(1, 0)).toInstant();
        assertThat(column(op, "scheduled_at")).isEqualTo(next);
        assertThat(column(op, "next_attempt_at")).isEqualTo(next);
        assertThat(jdbc.queryForObject("select status from operations where id = ?", String.class, op)).isEqualTo("PENDING");

        int hour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        DayOfWeek today = ZonedDateTime.now(ZoneOffset.UTC).getDayOfWeek();
        api.patch(base + "/" + id, ADMIN_TOKEN, Map.of("maintenanceWindow",
                Map.of("dayOfWeek", today.name(), "startHour", hour, "durationHours", 2)));
        assertThat(column(op, "next_attempt_at")).as("the window open now: due at once").isBefore(Instant.now().plusSeconds(1));
        Lease inWindow = lease(op);
        runner.run(op, inWindow, steps);
        inWindow.release();

        assertThat(ran).containsExactly("ROLL");
        assertThat(jdbc.queryForObject("select status from operations where id = ?", String.class, op)).isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForObject("select scheduled_at from operations where id = ?", Timestamp.class, op))
                .as("it began, so it is scheduled no more").isNull();
    }

    @Test
    void brokersLeftWaitingForARestartAreRolledOnceInTheWindow() {
        String base = "/api/v1/projects/" + project + "/instances";
        ApiClient.Response order = api.post(base, ADMIN_TOKEN, Map.of("name", "pending-" + UUID.randomUUID().toString()
                .substring(0, 6), "flavor", "kafka.2u4g", "brokerCount", 3, "availabilityZones", List.of("az1", "az2", "az3"),
                "storageGb", 100));
        UUID id = UUID.fromString(order.json().path("instance").path("id").asText());
        jdbc.update("update operations set status = 'SUCCEEDED' where instance_id = ?", id);
        jdbc.update("update instances set status = 'RUNNING' where id = ?", id);
        jdbc.update("insert into brokers (instance_id, node_id, availability_zone, roles, pending_restart) "
                + "values (?, 1, 'az1', 'broker,controller', true)", id);
        MaintenanceRestarts restarts = new MaintenanceRestarts(instances, brokers, operations, starter, tx, clock);
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        api.patch(base + "/" + id, ADMIN_TOKEN, Map.of("maintenanceWindow",
                Map.of("dayOfWeek", now.getDayOfWeek().plus(1).name(), "startHour", now.getHour())));

        restarts.check();
        assertThat(restartsOf(id)).as("the window is closed").isZero();

        api.patch(base + "/" + id, ADMIN_TOKEN, Map.of("maintenanceWindow",
                Map.of("dayOfWeek", now.getDayOfWeek().name(), "startHour", now.getHour(), "durationHours", 2)));
        restarts.check();
        assertThat(restartsOf(id)).isEqualTo(1);
        jdbc.update("update operations set status = 'FAILED' where instance_id = ? and type = 'RESTART_BROKERS'", id);
        restarts.check();
        assertThat(restartsOf(id)).as("one per window: a failed one is not retried at once").isEqualTo(1);
    }

    private int restartsOf(UUID instance) {
        return jdbc.queryForObject("select count(*) from operations where instance_id = ? and type = 'RESTART_BROKERS'",
                Integer.class, instance);
    }

    private Lease lease(UUID operation) {
        Instant now = clock.instant();
        Integer leased = tx.execute(s -> operations.lease(operation, "cp-a", now, now.plus(Reconciler.LEASE)));
        assertThat(leased).isEqualTo(1);
        return new Lease(operation, "cp-a", Reconciler.LEASE, operations, tx, clock);
    }

    private Instant column(UUID operation, String name) {
        return jdbc.queryForObject("select " + name + " from operations where id = ?", Timestamp.class, operation).toInstant();
    }
}
