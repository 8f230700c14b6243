package io.tributary.provisioning.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.tributary.provisioning.desired.DesiredStateWriter;
import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.host.HostRepository;
import io.tributary.provisioning.host.LocalHostProvider;
import io.tributary.provisioning.instance.Broker;
import io.tributary.provisioning.instance.BrokerRepository;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.instance.InstanceStatus;
import io.tributary.provisioning.kafkauser.AdminUserSetup;
import io.tributary.provisioning.kafkauser.KafkaUser;
import io.tributary.provisioning.operation.OperationRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Health means logins work (issue 20): a broker its agent reports RUNNING but that refuses the probe user's SASL
 * login is DOWN with the reason and its instance DEGRADED, until a login after its next start works.
 * The logins are a fake here; SaslRestartIT makes them with real clients on real brokers.
 */
class InstanceHealthMonitorLoginTest {

    static final UUID ID = UUID.randomUUID();
    static final String PROBE_PASSWORD = "probe-secret";

    Instant now = Instant.parse("2026-12-02T05:00:00Z");
    final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    final Map<Integer, Broker> brokerRows = new java.util.TreeMap<>();
    final Map<Integer, Host> hostRows = new java.util.TreeMap<>();
    /** Brokers (node id) that refuse a mechanism; every login the fake saw. */
    final Set<String> refusing = new HashSet<>();
    final List<String> attempts = new ArrayList<>();
    Instance instance;
    InstanceHealthMonitor monitor;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        instance = new Instance(ID, UUID.randomUUID(), "secure", now);
        instance.setSecurityProtocol("SASL_SSL");
        instance.setSaslMechanisms(List.of("SCRAM-SHA-512", "PLAIN"));
        instance.setProbePasswordEncrypted("sealed");
        instance.moveTo(InstanceStatus.RUNNING, null, now);
        for (int node = 1; node <= 2; node++) {
            brokerRows.put(node, new Broker(ID, node, "az1", List.of(Broker.BROKER, Broker.CONTROLLER)));
            hostRows.put(node, host(node, 100 + node));
        }
        InstanceRepository instances = mock(InstanceRepository.class);
        when(instances.findByStatusIn(any())).thenAnswer(c -> List.of(instance));
        when(instances.findById(ID)).thenAnswer(c -> Optional.of(instance));
        HostRepository hosts = mock(HostRepository.class);
        when(hosts.findLiveByInstance(ID)).thenAnswer(c -> new ArrayList<>(hostRows.values()));
        BrokerRepository brokers = mock(BrokerRepository.class);
        when(brokers.findByInstanceIdOrderByNodeId(ID)).thenAnswer(c -> new ArrayList<>(brokerRows.values()));
        when(brokers.findById(any())).thenAnswer(c -> brokerRows.values().stream()
                .filter(b -> new Broker.Key(ID, b.getNodeId()).equals(c.getArgument(0))).findFirst());
        OperationRepository operations = mock(OperationRepository.class);
        when(operations.findByInstanceIdAndStatusIn(any(), any())).thenReturn(List.of());
        AdminUserSetup probes = mock(AdminUserSetup.class);
        when(probes.probePassword(any())).thenReturn(PROBE_PASSWORD);
        TransactionTemplate tx = mock(TransactionTemplate.class);
        doAnswer(c -> {
            ((Consumer<TransactionStatus>) c.getArgument(0)).accept(null);
            return null;
        }).when(tx).executeWithoutResult(any());
        SaslLogins logins = (target, mechanism, user, password) -> {
            attempts.add(target.bootstrap() + " " + mechanism);
            assertThat(user).isEqualTo(KafkaUser.PROBE);
            assertThat(password).isEqualTo(PROBE_PASSWORD);
            return refusing.contains(target.bootstrap() + " " + mechanism) ? Optional.of("SaslAuthenticationException")
                    : Optional.empty();
        };
        monitor = new InstanceHealthMonitor(instances, hosts, brokers, operations, mock(LocalHostProvider.class), probes,
                mock(DesiredStateWriter.class), logins, tx, clock);
    }

    @Test
    void aRunningBrokerThatRefusesLoginsIsDownWithTheReasonAndTheInstanceDegraded() {
        refusing.add(bootstrap(2) + " SCRAM-SHA-512");
        monitor.check();

        assertThat(instance.getStatus()).isEqualTo(InstanceStatus.DEGRADED);
        assertThat(instance.getStatusReason()).isEqualTo("broker 2 refuses SASL logins (SCRAM-SHA-512)");
        assertThat(brokerRows.get(2).getLoginProblem()).isEqualTo("refuses SASL logins (SCRAM-SHA-512)");
        assertThat(brokerRows.get(2).getLoginCheckedStart()).isEqualTo(Broker.startOf(hostRows.get(2).getObservedState()));
        assertThat(brokerRows.get(1).getLoginProblem()).isNull();
        assertThat(attempts).containsExactlyInAnyOrder(bootstrap(1) + " SCRAM-SHA-512", bootstrap(1) + " PLAIN",
                bootstrap(2) + " SCRAM-SHA-512", bootstrap(2) + " PLAIN");
    }

    @Test
    void aRefusingBrokerIsRetriedEachRoundAndTheInstanceRecoversOnceLoginsWork() {
        refusing.add(bootstrap(2) + " PLAIN");
        monitor.check();
        assertThat(instance.getStatus()).isEqualTo(InstanceStatus.DEGRADED);

        attempts.clear();
        refusing.clear();
        now = now.plusSeconds(2);
        monitor.check();

        assertThat(attempts).containsExactly(bootstrap(2) + " SCRAM-SHA-512", bootstrap(2) + " PLAIN");
        assertThat(instance.getStatus()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(brokerRows.get(2).getLoginProblem()).isNull();
    }

    @Test
    void workingBrokersAreCheckedAgainAfterEachStartAndEveryThirtySecondsOnly() {
        monitor.check();
        attempts.clear();

        now = now.plusSeconds(10);
        monitor.check();
        assertThat(attempts).isEmpty();

        hostRows.put(1, host(1, 999)); // the agent restarted broker 1's process
        monitor.check();
        assertThat(attempts).containsExactly(bootstrap(1) + " SCRAM-SHA-512", bootstrap(1) + " PLAIN");

        attempts.clear();
        now = now.plus(InstanceHealthMonitor.LOGIN_RECHECK);
        monitor.check();
        assertThat(attempts).hasSize(4);
        assertThat(instance.getStatus()).isEqualTo(InstanceStatus.RUNNING);
    }

    @Test
    void aBrokerNotYetRunningIsNotLoggedInto() {
        Host starting = mock(Host.class);
        when(starting.getNodeId()).thenReturn(2);
        when(starting.getBrokerStatus()).thenReturn("STARTING");
        when(starting.getLastSeenAt()).thenAnswer(c -> now);
        hostRows.put(2, starting);
        monitor.check();
        assertThat(attempts).containsExactly(bootstrap(1) + " SCRAM-SHA-512", bootstrap(1) + " PLAIN");
        assertThat(instance.getStatusReason()).isEqualTo("broker 2 is STARTING");
    }

    String bootstrap(int node) {
        return "10.0.0." + node + ":9092";
    }

    Host host(int node, long pid) {
        Host h = mock(Host.class);
        when(h.getNodeId()).thenReturn(node);
        when(h.getAddress()).thenReturn("10.0.0." + node);
        when(h.getPortBase()).thenReturn(null);
        when(h.getBrokerStatus()).thenReturn("RUNNING");
        when(h.getLastSeenAt()).thenAnswer(c -> now);
        when(h.getObservedState()).thenReturn("{\"broker\":{\"status\":\"RUNNING\",\"pid\":" + pid
                + ",\"startedAt\":\"2026-12-02T04:0" + node + ":00Z\"}}");
        return h;
    }
}
