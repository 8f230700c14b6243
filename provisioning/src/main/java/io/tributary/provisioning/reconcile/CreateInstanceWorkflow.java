package io.tributary.provisioning.reconcile;

import io.tributary.provisioning.desired.DesiredStateWriter;
import io.tributary.provisioning.desired.Placement;
import io.tributary.provisioning.instance.BrokerRepository;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.instance.InstanceStatus;
import io.tributary.provisioning.kafkauser.AdminUserSetup;
import io.tributary.provisioning.operation.Operation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/** An order becomes a running cluster: place → hosts → desired state → agents → quorum → RUNNING. */
public class CreateInstanceWorkflow {

    private static final Logger log = LoggerFactory.getLogger(CreateInstanceWorkflow.class);
    private static final Duration POLL = Duration.ofMillis(300);

    private final InstanceRepository instances;
    private final BrokerRepository brokers;
    private final BrokerHosts brokerHosts;
    private final DesiredStateWriter desiredStates;
    private final AdminUserSetup adminUser;
    private final TransactionTemplate tx;
    private final Clock clock;

    public CreateInstanceWorkflow(InstanceRepository instances, BrokerRepository brokers, BrokerHosts brokerHosts,
                                  DesiredStateWriter desiredStates, AdminUserSetup adminUser, TransactionTemplate tx,
                                  Clock clock) {
        this.instances = instances;
        this.brokers = brokers;
        this.brokerHosts = brokerHosts;
        this.desiredStates = desiredStates;
        this.adminUser = adminUser;
        this.tx = tx;
        this.clock = clock;
    }

    public List<Step> steps() {
        return List.of(
                new Step("CHECK_ORDER", 2, this::checkOrder),
                new Step("PLACE_BROKERS", 5, this::placeBrokers),
                new Step("ENSURE_HOSTS", 15, brokerHosts::ensureHosts),
                new Step("PREPARE_SECURITY", 25, this::prepareSecurity),
                new Step("WRITE_DESIRED_STATE", 30, this::writeDesiredState),
                new Step("WAIT_FOR_BROKERS", 35, (op, i) -> brokerHosts.waitForBrokers(i, 35, 85)),
                new Step("WAIT_FOR_QUORUM", 85, (op, i) -> brokerHosts.waitForRegistration(i)),
                new Step("CREATE_ADMIN_USER", 90, this::createAdminUser),
                new Step("MARK_RUNNING", 95, this::markRunning));
    }

    /** A SASL order must carry its admin user's password until that user exists. */
    private StepResult checkOrder(Operation op, Instance instance) {
        if (instance.isSasl() && instance.getAdminPasswordEncrypted() == null && !adminUser.exists(instance)) {
            throw new UnsupportedOrderException("the SASL admin user's password is missing from the order");
        }
        return StepResult.done();
    }

    /** The instance's CA, and for SASL the admin user's salted credential, so the first brokers know it. */
    private StepResult prepareSecurity(Operation op, Instance instance) {
        adminUser.prepare(instance.getId());
        return StepResult.done();
    }

    /** The admin user's SCRAM credential in Kafka (through the internal listener); then its sealed password goes. */
    private StepResult createAdminUser(Operation op, Instance current) {
        Instance instance = instances.findById(current.getId()).orElseThrow();
        if (!instance.isSasl()) {
            return StepResult.done();
        }
        try {
            adminUser.create(instance, brokerHosts.internalBootstrap(instance));
            return StepResult.done();
        } catch (Exception e) {
            log.debug("instance={} admin user not created yet: {}", instance.getId(), e.toString());
            return StepResult.waitFor(POLL, "creating the admin user");
        }
    }

    /** Spread brokers over the zones and pick the KRaft controllers; fix the cluster id. */
    private StepResult placeBrokers(Operation op, Instance instance) {
        tx.executeWithoutResult(s -> {
            Instance i = instances.findById(instance.getId()).orElseThrow();
            if (i.getClusterId() == null) {
                i.setClusterId(Uuid.randomUuid().toString());
                instances.save(i);
            }
            if (brokers.findByInstanceIdOrderByNodeId(i.getId()).isEmpty()) {
                brokers.saveAll(Placement.place(i.getId(), i.getBrokerCount(), i.getAvailabilityZones()));
            }
        });
        return StepResult.done();
    }

    /** Each host's desired state: node id, roles, voters, listeners, rack, tuned settings, TLS and users. */
    private StepResult writeDesiredState(Operation op, Instance current) {
        desiredStates.write(current.getId());
        return StepResult.done();
    }

    private StepResult markRunning(Operation op, Instance current) {
        tx.executeWithoutResult(s -> {
            Instance instance = instances.findById(current.getId()).orElseThrow();
            if (instance.getStatus() == InstanceStatus.CREATING) {
                instance.setBootstrapServers(brokerHosts.bootstrap(instance));
                instance.setInternalBootstrapServers(brokerHosts.internalBootstrap(instance));
                instance.moveTo(InstanceStatus.RUNNING, null, clock.instant());
                instances.save(instance);
                log.info("instance={} operation={} is RUNNING at {}", instance.getId(), op.getId(), instance.getBootstrapServers());
            }
        });
        return StepResult.done();
    }
}
