package io.tributary.provisioning.desired;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.tributary.provisioning.catalog.FlavorCatalog;
import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.host.HostRepository;
import io.tributary.provisioning.instance.Broker;
import io.tributary.provisioning.instance.BrokerRepository;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.json.JsonText;
import io.tributary.provisioning.kafkauser.KafkaUserRepository;
import io.tributary.provisioning.tls.InstanceTls;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes every host's desired state of an instance from what the database holds now: at creation, and
 * whenever users, network rules, policies or the order change. Agents see the new generation within seconds.
 * A write never restarts a running broker: a change to what a broker is launched with ({@link DesiredState.Launch}:
 * its configuration file, Kafka version, JVM) is held back, the broker is marked {@code pendingRestart} (unless only
 * settings Kafka takes while running differ, which the API sets through Kafka), and it goes out only together with a
 * new restart nonce, which only the roller sets, one broker at a time. So neither a
 * user's change nor a control-plane upgrade that tunes a setting differently can restart brokers all at once.
 */
public class DesiredStateWriter {

    static final int MAX_ATTEMPTS = 8;

    private final InstanceRepository instances;
    private final BrokerRepository brokers;
    private final HostRepository hosts;
    private final KafkaUserRepository users;
    private final FlavorCatalog flavors;
    private final DesiredStateFactory factory;
    private final InstanceTls tls;
    private final TransactionTemplate tx;
    private final Clock clock;

    public DesiredStateWriter(InstanceRepository instances, BrokerRepository brokers, HostRepository hosts,
                              KafkaUserRepository users, FlavorCatalog flavors, DesiredStateFactory factory,
                              InstanceTls tls, TransactionTemplate tx, Clock clock) {
        this.instances = instances;
        this.brokers = brokers;
        this.hosts = hosts;
        this.users = users;
        this.flavors = flavors;
        this.factory = factory;
        this.tls = tls;
        // its own transaction, committed before the caller goes on, so it can be retried on its own
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Writes once the caller's transaction has committed (so the hosts get what it changed), or at once
     * outside a transaction.
     */
    /** The platform's broker settings the instance's brokers get as it stands (its flavor, storage, order). */
    public Map<String, String> brokerSettings(Instance instance) {
        return factory.brokerSettings(instance, flavors.get(instance.getFlavor()));
    }

    public void writeAfterCommit(UUID instanceId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    write(instanceId);
                }
            });
        } else {
            write(instanceId);
        }
    }

    /**
     * Rewrites the desired state of each of the instance's hosts; hosts whose state is unchanged keep their
     * generation. Agents report on the same rows every few seconds: a write that meets a report is tried again.
     */
    public void write(UUID instanceId) {
        for (int attempt = 1; ; attempt++) {
            try {
                writeOnce(instanceId);
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Action(String action) {
    }

    /** What the host was last told to run, or null when it runs nothing (new, or being wiped). */
    private static DesiredState running(Host host) {
        Action told = JsonText.read(host.getDesiredState(), Action.class);
        return told == null || !"RUN".equals(told.action()) ? null : JsonText.read(host.getDesiredState(), DesiredState.class);
    }

    private void writeOnce(UUID instanceId) {
        tx.executeWithoutResult(s -> {
            Instance instance = instances.findById(instanceId).orElseThrow();
            if (tls.ensureCa(instance)) {
                instances.save(instance);
            }
            List<Broker> all = brokers.findByInstanceIdOrderByNodeId(instanceId);
            Map<Integer, Host> byNode = hosts.findLiveByInstance(instanceId).stream()
                    .collect(Collectors.toMap(Host::getNodeId, Function.identity()));
            var saslUsers = users.findByInstanceIdOrderByName(instanceId);
            for (Broker broker : all) {
                Host host = byNode.get(broker.getNodeId());
                if (host == null) {
                    continue;
                }
                if (tls.ensureBrokerCertificate(instance, broker, host)) {
                    brokers.save(broker);
                }
                var security = new DesiredStateFactory.Security(broker.getTlsCertificate(), broker.getTlsKeyEncrypted(),
                        instance.getCaCertificate(), saslUsers);
                var wanted = factory.build(instance, flavors.get(instance.getFlavor()), broker, host, byNode, all, security);
                DesiredState state = RestartHold.apply(running(host), wanted);
                boolean pending = RestartHold.needsRestart(state.launch(), wanted.launch());
                if (broker.isPendingRestart() != pending) {
                    broker.setPendingRestart(pending);
                    brokers.save(broker);
                }
                if (host.desire(JsonText.write(state), clock.instant())) {
                    hosts.save(host);
                }
            }
        });
    }
}
