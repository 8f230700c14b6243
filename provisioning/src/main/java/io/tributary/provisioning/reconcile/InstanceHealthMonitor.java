package io.tributary.provisioning.reconcile;

import io.tributary.provisioning.desired.DesiredStateWriter;
import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.host.HostRepository;
import io.tributary.provisioning.host.ListenerPorts;
import io.tributary.provisioning.host.LocalHostProvider;
import io.tributary.provisioning.instance.Broker;
import io.tributary.provisioning.instance.BrokerRepository;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.instance.InstanceStatus;
import io.tributary.provisioning.kafkauser.AdminUserSetup;
import io.tributary.provisioning.kafkauser.KafkaUser;
import io.tributary.provisioning.operation.OperationRepository;
import io.tributary.provisioning.operation.OperationStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * RUNNING ⇄ DEGRADED from what the agents report and from logins: an instance is degraded while any of its
 * brokers is not up (or its agent has gone silent), or, with SASL, while a broker refuses the platform's probe
 * user ({@link KafkaUser#PROBE}) with one of the instance's mechanisms. The probe logs in to each running broker
 * alone after every start of its process the agent reports, and again every {@link #LOGIN_RECHECK}; a broker whose
 * logins fail is DOWN with the reason (issue 20: a broker can run and still refuse every login). Dead local agents
 * are started again.
 */
public class InstanceHealthMonitor {

    public static final String SCHEDULER = "healthMonitorScheduler";
    static final Duration SILENCE = Duration.ofSeconds(20);
    static final Duration LOGIN_RECHECK = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(InstanceHealthMonitor.class);

    private final InstanceRepository instances;
    private final HostRepository hosts;
    private final BrokerRepository brokers;
    private final OperationRepository operations;
    private final LocalHostProvider localHosts;
    private final AdminUserSetup probeUsers;
    private final DesiredStateWriter desiredStates;
    private final SaslLogins logins;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** When each broker's logins were last checked (in memory: after a restart of the control plane, all are due). */
    private final Map<Broker.Key, Instant> loginsCheckedAt = new ConcurrentHashMap<>();
    /** Instances whose probe user is new: not checked before then, so their agents can learn it for PLAIN first. */
    private final Map<UUID, Instant> probeNewUntil = new ConcurrentHashMap<>();

    public InstanceHealthMonitor(InstanceRepository instances, HostRepository hosts, BrokerRepository brokers,
                                 OperationRepository operations, LocalHostProvider localHosts, AdminUserSetup probeUsers,
                                 DesiredStateWriter desiredStates, SaslLogins logins, TransactionTemplate tx, Clock clock) {
        this.instances = instances;
        this.hosts = hosts;
        this.brokers = brokers;
        this.operations = operations;
        this.localHosts = localHosts;
        this.probeUsers = probeUsers;
        this.desiredStates = desiredStates;
        this.logins = logins;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 2000, initialDelay = 2000, scheduler = SCHEDULER)
    public void check() {
        List<Instance> watched = instances.findByStatusIn(List.of(InstanceStatus.RUNNING, InstanceStatus.DEGRADED));
        Set<UUID> ids = watched.stream().map(Instance::getId).collect(Collectors.toSet());
        loginsCheckedAt.keySet().removeIf(k -> !ids.contains(k.instanceId()));
        probeNewUntil.keySet().retainAll(ids);
        for (Instance instance : watched) {
            boolean busy = !operations.findByInstanceIdAndStatusIn(instance.getId(),
                    List.of(OperationStatus.PENDING, OperationStatus.RUNNING)).isEmpty();
            List<Host> live = hosts.findLiveByInstance(instance.getId());
            // logins are checked during operations too, so a restarted broker is shown running only once they work
            String loginProblems = instance.isSasl() ? checkLogins(instance, live, busy) : "";
            if (busy) {
                continue;
            }
            reviveLocalAgents(live);
            String problems = Stream.of(problems(live, clock.instant()), loginProblems).filter(p -> !p.isEmpty())
                    .collect(Collectors.joining("; "));
            try {
                tx.executeWithoutResult(s -> instances.findById(instance.getId()).ifPresent(i -> update(i, problems)));
            } catch (org.springframework.dao.OptimisticLockingFailureException changed) {
                log.debug("instance={} changed concurrently; next check decides", instance.getId());
            }
        }
    }

    private void update(Instance instance, String problems) {
        if (problems.isEmpty() && instance.getStatus() == InstanceStatus.DEGRADED) {
            instance.moveTo(InstanceStatus.RUNNING, null, clock.instant());
            instances.save(instance);
            log.info("instance={} recovered: RUNNING", instance.getId());
        } else if (!problems.isEmpty() && (instance.getStatus() == InstanceStatus.RUNNING
                || !problems.equals(instance.getStatusReason()))) {
            if (instance.getStatus() == InstanceStatus.RUNNING) {
                instance.moveTo(InstanceStatus.DEGRADED, problems, clock.instant());
            } else {
                instance.explain(problems, clock.instant());
            }
            instances.save(instance);
            log.warn("instance={} DEGRADED: {}", instance.getId(), problems);
        }
    }

    static String problems(List<Host> live, Instant now) {
        return live.stream()
                .filter(h -> !"RUNNING".equals(h.getBrokerStatus()) || silent(h, now))
                .map(h -> "broker " + h.getNodeId() + " is "
                        + (silent(h, now) ? "not reporting" : String.valueOf(h.getBrokerStatus())))
                .collect(Collectors.joining("; "));
    }

    private static boolean silent(Host h, Instant now) {
        return h.getLastSeenAt() == null || h.getLastSeenAt().isBefore(now.minus(SILENCE));
    }

    /**
     * Logs in with the probe user to each running broker whose check is due (a new start, a failed check, or
     * {@link #LOGIN_RECHECK} since the last), records the result on the broker, and returns the refusals of
     * the brokers' current starts.
     */
    String checkLogins(Instance instance, List<Host> live, boolean busy) {
        Instant now = clock.instant();
        String password = probePassword(instance, busy);
        Instant newUntil = probeNewUntil.get(instance.getId());
        if (password == null || (newUntil != null && now.isBefore(newUntil))) {
            return "";
        }
        Map<Integer, Broker> byNode = brokers.findByInstanceIdOrderByNodeId(instance.getId()).stream()
                .collect(Collectors.toMap(Broker::getNodeId, b -> b));
        List<String> refusals = new ArrayList<>();
        for (Host host : live) {
            Broker broker = byNode.get(host.getNodeId());
            String start = Broker.startOf(host.getObservedState());
            if (broker == null || start == null || !"RUNNING".equals(host.getBrokerStatus()) || silent(host, now)) {
                continue;
            }
            Broker.Key key = new Broker.Key(instance.getId(), broker.getNodeId());
            Instant last = loginsCheckedAt.get(key);
            boolean due = !start.equals(broker.getLoginCheckedStart()) || broker.getLoginProblem() != null
                    || last == null || !last.plus(LOGIN_RECHECK).isAfter(now);
            String problem = broker.getLoginProblem();
            if (due) {
                problem = loginProblem(instance, host, password);
                loginsCheckedAt.put(key, now);
                record(key, start, problem);
            }
            if (problem != null) {
                refusals.add("broker " + broker.getNodeId() + " " + problem);
            }
        }
        return String.join("; ", refusals);
    }

    /** Why the probe could not log in to this broker alone with every mechanism of the instance, or null. */
    private String loginProblem(Instance instance, Host host, String password) {
        SaslLogins.Target target = new SaslLogins.Target(host.getNodeId(), host.getAddress() + ":" + ListenerPorts.of(host).client(),
                instance.getSecurityProtocol(), instance.getCaCertificate());
        List<String> refused = new ArrayList<>();
        for (String mechanism : instance.getSaslMechanisms()) {
            Optional<String> refusal = logins.refusal(target, mechanism, KafkaUser.PROBE, password);
            if (refusal.isPresent()) {
                refused.add(mechanism);
                log.warn("instance={} broker {} refused a {} login of the probe user: {}", instance.getId(),
                        host.getNodeId(), mechanism, refusal.get());
            }
        }
        return refused.isEmpty() ? null : "refuses SASL logins (" + String.join(", ", refused) + ")";
    }

    private void record(Broker.Key key, String start, String problem) {
        tx.executeWithoutResult(s -> brokers.findById(key).ifPresent(b -> {
            if (b.loginChecked(start, problem)) {
                brokers.save(b);
            }
        }));
    }

    /** The probe's password; an instance from before probes gets its probe first (not during an operation). */
    private String probePassword(Instance instance, boolean busy) {
        if (instance.getProbePasswordEncrypted() == null) {
            if (busy) {
                return null;
            }
            try {
                if (probeUsers.ensureProbe(instance)) {
                    desiredStates.write(instance.getId()); // the brokers' PLAIN store learns the probe
                    probeNewUntil.put(instance.getId(), clock.instant().plus(SILENCE));
                    log.info("instance={} has a SASL probe user now", instance.getId());
                }
            } catch (Exception e) {
                log.warn("instance={} probe user not created yet: {}", instance.getId(), e.toString());
            }
            return null;
        }
        return probeUsers.probePassword(instance);
    }

    private void reviveLocalAgents(List<Host> live) {
        for (Host host : live) {
            if (Host.LOCAL.equals(host.getProvider())) {
                try {
                    localHosts.revive(host);
                } catch (RuntimeException e) {
                    log.warn("instance={} local host {} could not be revived: {}", host.getInstanceId(), host.getId(), e.toString());
                }
            }
        }
    }
}
