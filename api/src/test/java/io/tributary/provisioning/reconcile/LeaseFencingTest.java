package io.tributary.provisioning.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ApiClient;
import io.tributary.api.ControlPlaneTest;
import io.tributary.api.TributaryApplication;
import io.tributary.provisioning.operation.OperationRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Fencing of operation leases on the real database: a worker runs a step only while its lease is
 * its own and the operation open. The reconciler is off here; the tests lease and run by hand,
 * playing two control planes ("cp-a", "cp-b") on one database.
 */
@ContextConfiguration(classes = TributaryApplication.class) // this package is outside the application's
class LeaseFencingTest extends ControlPlaneTest {

    @Autowired
    OperationRunner runner;
    @Autowired
    OperationRepository operations;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Clock clock;

    @Test
    void aWorkerWhoseLeaseWasTakenStopsBeforeItsNextStep() {
        Order order = order();
        Lease a = lease(order.operationId(), "cp-a");
        List<String> ran = new ArrayList<>();
        List<Step> steps = List.of(
                new Step("FIRST", 10, (op, instance) -> {
                    ran.add("FIRST");
                    takeOver(order.operationId(), "cp-b"); // cp-a stalled past its lease; cp-b leased the operation
                    return StepResult.done();
                }),
                new Step("SECOND", 20, (op, instance) -> {
                    ran.add("SECOND");
                    return StepResult.done();
                }));

        runner.run(order.operationId(), a, steps);

        assertThat(ran).containsExactly("FIRST");
        assertThat(a.isLost()).isTrue();
        assertThat(leaseOwner(order.operationId())).isEqualTo("cp-b");
        assertThat(jdbc.queryForObject("select status from operations where id = ?", String.class, order.operationId()))
                .as("cp-a neither finished nor failed cp-b's operation").isEqualTo("RUNNING");
    }

    @Test
    void aStepThatRunsAgainIsFencedBeforeEachRun() {
        Order order = order();
        Lease a = lease(order.operationId(), "cp-a");
        List<Integer> made = new ArrayList<>();
        List<Step> steps = List.of(new Step("MAKE_HOSTS", 15, (op, instance) -> {
            made.add(made.size() + 1);
            if (made.size() == 2) {
                takeOver(order.operationId(), "cp-b");
            }
            return made.size() < 3 ? StepResult.again("host " + made.size()) : StepResult.done();
        }));

        runner.run(order.operationId(), a, steps);

        assertThat(made).as("the third host is not made once the lease is gone").containsExactly(1, 2);
    }

    @Test
    void theRealCreationDoesNothingWhenItsLeaseWasTakenBeforeItsFirstStep() {
        Order order = order();
        Lease a = lease(order.operationId(), "cp-a");
        takeOver(order.operationId(), "cp-b");

        runner.run(order.operationId(), a);

        assertThat(jdbc.queryForObject("select count(*) from brokers where instance_id = ?", Integer.class, order.instanceId()))
                .as("PLACE_BROKERS did not run").isZero();
        assertThat(jdbc.queryForObject("select count(*) from hosts where instance_id = ?", Integer.class, order.instanceId()))
                .isZero();
        assertThat(jdbc.queryForObject("select current_step from operations where id = ?", String.class, order.operationId()))
                .isNull();
    }

    @Test
    void aCancelledCreationKeepsItsLeaseUntilItsWorkerStopsAndRunsNoFurtherStep() {
        Order order = order();
        Instant now = clock.instant();
        Integer leased = tx.execute(s -> operations.lease(order.operationId(), "cp-a", now, now.plus(Reconciler.LEASE)));
        assertThat(leased).isEqualTo(1);
        Instant leasedUntil = jdbc.queryForObject("select lease_until from operations where id = ?", java.sql.Timestamp.class,
                order.operationId()).toInstant();

        ApiClient.Response deleting = api.delete(order.base(), ADMIN_TOKEN);

        assertThat(deleting.status()).isEqualTo(202);
        assertThat(jdbc.queryForObject("select status from operations where id = ?", String.class, order.operationId()))
                .isEqualTo("FAILED");
        assertThat(leaseOwner(order.operationId())).as("the cancel leaves the worker's lease in place").isEqualTo("cp-a");
        assertThat(jdbc.queryForObject("select lease_until from operations where id = ?", java.sql.Timestamp.class,
                order.operationId()).toInstant()).isEqualTo(leasedUntil);
        UUID deletion = UUID.fromString(deleting.json().path("operation").path("id").asText());
        assertThat(operations.countOtherLeased(order.instanceId(), deletion, clock.instant()))
                .as("so the deletion waits for that worker").isEqualTo(1);

        Lease a = new Lease(order.operationId(), "cp-a", Reconciler.LEASE, operations, tx, clock);
        assertThat(a.renew()).as("renewal keeps it while the worker runs").isTrue();
        assertThat(a.holdForNextStep()).as("but no further step runs").isFalse();
        a.release();
        assertThat(operations.countOtherLeased(order.instanceId(), deletion, clock.instant())).isZero();
    }

    @Test
    void renewalFindsALeaseTakenByAnotherReplicaAndKeepsItLost() {
        Order order = order();
        Lease a = lease(order.operationId(), "cp-a");
        assertThat(a.renew()).isTrue();

        takeOver(order.operationId(), "cp-b");

        assertThat(a.renew()).isFalse();
        assertThat(a.isLost()).isTrue();
        assertThat(a.holdForNextStep()).isFalse();
        assertThat(leaseOwner(order.operationId())).isEqualTo("cp-b");
    }

    record Order(UUID instanceId, UUID operationId, String base) {
    }

    private Order order() {
        UUID project = defaultProject();
        Map<String, Object> body = Map.of("name", "fenced-" + UUID.randomUUID().toString().substring(0, 8),
                "flavor", "kafka.2u4g", "brokerCount", 3, "availabilityZones", List.of("az1", "az2", "az3"), "storageGb", 100);
        JsonNode accepted = api.post("/api/v1/projects/" + project + "/instances", ADMIN_TOKEN, body).json();
        UUID instance = UUID.fromString(accepted.path("instance").path("id").asText());
        return new Order(instance, UUID.fromString(accepted.path("operation").path("id").asText()),
                "/api/v1/projects/" + project + "/instances/" + instance);
    }

    private Lease lease(UUID operation, String owner) {
        Instant now = clock.instant();
        Integer leased = tx.execute(s -> operations.lease(operation, owner, now, now.plus(Reconciler.LEASE)));
        assertThat(leased).isEqualTo(1);
        return new Lease(operation, owner, Reconciler.LEASE, operations, tx, clock);
    }

    /** The lease runs out (its owner stalled) and {@code owner} leases the operation, as Reconciler.tick would. */
    private void takeOver(UUID operation, String owner) {
        jdbc.update("update operations set lease_until = ? where id = ?",
                java.sql.Timestamp.from(clock.instant().minus(Duration.ofSeconds(1))), operation);
        Instant now = clock.instant();
        Integer leased = tx.execute(s -> operations.lease(operation, owner, now, now.plus(Reconciler.LEASE)));
        assertThat(leased).isEqualTo(1);
    }

    private String leaseOwner(UUID operation) {
        return jdbc.queryForObject("select lease_owner from operations where id = ?", String.class, operation);
    }
}
