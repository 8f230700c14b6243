package io.tributary.agent;

import io.tributary.agent.ControlPlaneClient.Fetch;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent: enrolls once, then runs two threads.
 * <ul>
 *   <li><b>sync</b> talks to the control plane: polls the desired state (ETag / If-None-Match), persists
 *       each accepted state to desired-state.json before handing it on, and reports the observed state
 *       (at once on a change, else every report interval). When the control plane is unreachable it backs
 *       off and keeps trying; the broker is never stopped for that.</li>
 *   <li><b>reconciler</b> owns the {@link BrokerSupervisor}: takes the newest accepted state and steps the
 *       broker towards it every {@link #TICK}; it also runs the {@link DiskGuard} (a measurement every
 *       {@link DiskGuard#INTERVAL}).</li>
 * </ul>
 */
final class BrokerAgent implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BrokerAgent.class);
    static final Duration TICK = Duration.ofMillis(500);
    private static final Duration MAX_CONTROL_PLANE_BACKOFF = Duration.ofSeconds(30);
    private static final Duration CERTIFICATE_RETRY = Duration.ofMinutes(1);

    private enum PollOutcome { UPDATED, UNCHANGED, NOT_ASSIGNED, REJECTED, UNREACHABLE }

    private final AgentConfig config;
    private final AgentPaths paths;
    private final String agentVersion;
    private final Clock clock;
    private final ControlPlaneClient client;
    private final DesiredStateStore store;
    private final BrokerLauncher launcher;
    private final BrokerSupervisor supervisor;
    private final ObservedStateReporter reporter;
    private final DiskGuard diskGuard;
    private final SecurityFiles securityFiles;
    private final HostWiper wiper;
    private final Backoff controlPlaneBackoff;

    // a WIPE clears a pending RUN state (both set by the sync thread), and the reconciler takes the wipe first
    private final AtomicReference<DesiredState> pending = new AtomicReference<>();
    private final AtomicReference<WipeOrder> pendingWipe = new AtomicReference<>();
    private volatile String lastWipe;
    private final Wakeup reconcileWakeup = new Wakeup();
    private final Wakeup syncWakeup = new Wakeup();
    private volatile ObservedState observed;
    private volatile String syncError;
    private volatile boolean running;
    private Thread reconcilerThread;
    private Thread syncThread;

    // owned by the sync thread (and start() before it exists)
    private Credential credential;
    private String etag = "";
    private Instant nextPoll = Instant.MIN;
    private boolean controlPlaneDown;
    private PollOutcome lastOutcome;
    private Instant nextRenewalAttempt = Instant.MIN;

    BrokerAgent(AgentConfig config, String agentVersion, Clock clock) throws IOException {
        this.config = config;
        this.paths = new AgentPaths(config.home());
        this.agentVersion = agentVersion;
        this.clock = clock;
        this.client = new ControlPlaneClient(config.controlPlaneUrl(),
                new AgentTlsIdentity(config.home(), config.controlPlaneCa()));
        this.store = new DesiredStateStore(paths);
        this.launcher = new BrokerLauncher(paths, new KafkaInstallation(config.kafkaDist()),
                new StorageFormatter(paths), clock);
        SecurityFiles.Locations securityLocations = SecurityFiles.Locations.under(paths.home());
        this.securityFiles = new SecurityFiles(securityLocations);
        this.wiper = new HostWiper(paths);
        this.supervisor = new BrokerSupervisor(
                new ServerPropertiesRenderer(paths.dataDir(), config.address(), paths.produceRejected(), securityLocations),
                launcher,
                BrokerSupervisor::tcpAccepts, config.address(),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)),
                config.brokerStopTimeout(), clock, agentVersion);
        this.reporter = new ObservedStateReporter(client, config.reportInterval(), clock);
        this.diskGuard = new DiskGuard(new LogDirMeasurer(paths.dataDir()), paths.produceRejected(), clock);
        this.controlPlaneBackoff = new Backoff(config.pollInterval(),
                config.pollInterval().compareTo(MAX_CONTROL_PLANE_BACKOFF) > 0 ? config.pollInterval()
                        : MAX_CONTROL_PLANE_BACKOFF);
        this.observed = supervisor.observe();
    }

    /** Enrolls if needed, picks the state to start from, adopts a still-running broker, starts the threads. */
    void start() throws IOException, InterruptedException {
        paths.createDirectories();
        credential = loadOrEnroll();
        lastWipe = wiper.lastWipe().orElse(null);
        store.loadWipe().ifPresent(unfinished -> {
            log.info("Finishing the wipe {} accepted before this agent stopped", unfinished.nonce());
            pendingWipe.set(unfinished);
        });
        Optional<DesiredStateStore.Stored> stored = store.load();
        stored.ifPresent(s -> etag = s.etag());
        launcher.findRunning().ifPresent(supervisor::adopt);

        PollOutcome first = pollOnce();
        if (stored.isPresent() && (first == PollOutcome.UNCHANGED || first == PollOutcome.UNREACHABLE
                || first == PollOutcome.REJECTED)) {
            pending.compareAndSet(null, stored.get().state());
            log.info("{}: running from {} (generation {})",
                    first == PollOutcome.UNCHANGED ? "Desired state unchanged" : "Control plane unreachable",
                    paths.desiredState(), stored.get().state().generation());
        }
        running = true;
        reconcilerThread = new Thread(this::reconcileLoop, "reconciler");
        syncThread = new Thread(this::syncLoop, "sync");
        reconcilerThread.start();
        syncThread.start();
        log.info("broker-agent {} started for host {} (home {}, control plane {})", agentVersion,
                credential.hostId(), config.home(), config.controlPlaneUrl());
    }

    /** Stops the threads, then the broker, then reports STOPPED if the control plane listens. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        log.info("broker-agent shutting down");
        syncThread.interrupt();
        reconcileWakeup.signal();
        join(syncThread, Duration.ofSeconds(15));
        join(reconcilerThread, config.brokerStopTimeout().plusSeconds(30));
        supervisor.shutdown();
        try {
            client.reportObservedState(credential, supervisor.observe().withDisk(observed.disk()).withWiped(lastWipe));
        } catch (IOException e) {
            log.info("Final observed state not reported: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Credential loadOrEnroll() throws IOException, InterruptedException {
        Optional<Credential> stored = Credential.load(paths);
        JoinTokenSource joinToken = config.joinToken();
        if (stored.isPresent()) {
            log.info("Using the stored credential of host {}", stored.get().hostId());
            joinToken.consumed(); // a token left over from an earlier start is of no use any more
            return stored.get();
        }
        String token = joinToken.read().orElseThrow(() -> new ConfigException(AgentConfigs.JOIN_TOKEN_FILE_CONFIG
                + " or " + AgentConfigs.JOIN_TOKEN_CONFIG + " is required: this host has no credential at "
                + paths.credential() + " yet"));
        Backoff backoff = new Backoff(Duration.ofSeconds(1), MAX_CONTROL_PLANE_BACKOFF);
        while (true) {
            try {
                Credential enrolled = client.enroll(token, hostname(), config.availabilityZone(), config.address(),
                        agentVersion);
                enrolled.save(paths);
                joinToken.consumed();
                log.info("Enrolled as host {} in {}", enrolled.hostId(), config.availabilityZone());
                return enrolled;
            } catch (ControlPlaneClient.UnauthorizedException e) {
                joinToken.consumed();
                throw new ConfigException("The control plane rejected the join token (401: used, expired or unknown);"
                        + " set a new " + AgentConfigs.JOIN_TOKEN_FILE_CONFIG);
            } catch (IOException e) {
                Duration delay = backoff.next();
                log.warn("Cannot enroll at {} ({}); retrying in {}", config.controlPlaneUrl(), e.toString(), delay);
                Thread.sleep(delay.toMillis());
            }
        }
    }

    private void reconcileLoop() {
        try {
            while (running) {
                WipeOrder wipe = pendingWipe.getAndSet(null);
                if (wipe != null) {
                    wipe(wipe);
                }
                DesiredState next = pending.getAndSet(null);
                if (next != null) {
                    if (securityFiles.apply(next)) {
                        supervisor.accept(next);
                        diskGuard.accept(next.storage());
                    } else {
                        pending.compareAndSet(null, next); // not applied: tried again next tick, unless a newer one came
                    }
                }
                supervisor.reconcile();
                ObservedState now = securityFiles.withFailure(supervisor.observe().withDisk(diskGuard.poll()).withWiped(lastWipe));
                if (!now.equals(observed)) {
                    boolean reportNow = !now.withoutDiskUsage().equals(observed.withoutDiskUsage());
                    observed = now;
                    if (reportNow) {
                        syncWakeup.signal();
                    }
                }
                reconcileWakeup.await(TICK);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Reconciler failed; the agent exits so its service manager can restart it", e);
            // exit from another thread: the shutdown hook joins this one before it stops the broker
            new Thread(() -> System.exit(1), "exit").start();
        }
    }

    /** Stops the broker, deletes what the last instance left, then reports the wipe's nonce; retried on failure. */
    private void wipe(WipeOrder order) {
        supervisor.stopAndForget("wipe " + order.nonce() + " (generation " + order.generation() + ")");
        diskGuard.accept(null);
        try {
            wiper.wipe(order.nonce());
            lastWipe = order.nonce();
            syncError = null;
        } catch (IOException e) {
            syncError = "wipe " + order.nonce() + " failed: " + e.getMessage();
            log.error("Cannot wipe {}; retrying: {}", paths.home(), e.toString());
            pendingWipe.compareAndSet(null, order);
        }
    }

    private void syncLoop() {
        try {
            while (running) {
                if (!clock.instant().isBefore(nextPoll)) {
                    pollOnce();
                }
                ObservedState current = observed;
                String error = syncError;
                reporter.reportIfDue(credential, current.lastError() == null && error != null
                        ? current.withLastError(error) : current);
                Instant now = clock.instant();
                Instant wake = nextPoll.isBefore(reporter.nextDue()) ? nextPoll : reporter.nextDue();
                Duration wait = Duration.between(now, wake);
                syncWakeup.await(wait.isNegative() ? Duration.ZERO : wait.compareTo(TICK) > 0 ? TICK : wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One desired-state poll; schedules the next one (with backoff when the control plane is down). */
    private PollOutcome pollOnce() throws InterruptedException {
        renewCertificateIfDue();
        PollOutcome outcome;
        try {
            Fetch fetch = client.fetchDesiredState(credential, etag);
            controlPlaneBackoff.reset();
            nextPoll = clock.instant().plus(config.pollInterval());
            if (controlPlaneDown) {
                log.info("Control plane reachable again");
                controlPlaneDown = false;
            }
            if (fetch instanceof Fetch.Updated updated) {
                outcome = accept(updated);
            } else if (fetch instanceof Fetch.NotModified) {
                outcome = PollOutcome.UNCHANGED;
            } else {
                outcome = PollOutcome.NOT_ASSIGNED;
                if (lastOutcome != PollOutcome.NOT_ASSIGNED) {
                    log.info("No broker assigned to host {} yet", credential.hostId());
                }
            }
        } catch (ControlPlaneClient.UnauthorizedException e) {
            outcome = unreachable("credential rejected (401): host " + credential.hostId()
                    + " was removed or revoked; the broker keeps running");
            syncError = "control plane rejected this host's credential (401)";
        } catch (IOException e) {
            outcome = unreachable(e.toString());
        }
        lastOutcome = outcome;
        return outcome;
    }

    /** Renews the agent's client certificate past two thirds of its lifetime; a failure is tried again a minute later. */
    private void renewCertificateIfDue() throws InterruptedException {
        Instant now = clock.instant();
        if (now.isBefore(nextRenewalAttempt)) {
            return;
        }
        try {
            if (client.certificateRenewalDue(now)) {
                client.renewCertificate(credential);
                log.info("Renewed the agent's client certificate for host {}", credential.hostId());
            }
        } catch (IOException e) {
            nextRenewalAttempt = now.plus(CERTIFICATE_RETRY);
            log.warn("Cannot renew the agent's client certificate ({}); the current one is used, next try in {}",
                    e.toString(), CERTIFICATE_RETRY);
        }
    }

    private PollOutcome unreachable(String why) {
        Duration delay = controlPlaneBackoff.next();
        nextPoll = clock.instant().plus(delay);
        if (!controlPlaneDown) {
            log.warn("Control plane unreachable ({}); the broker keeps running; retrying with backoff up to {}",
                    why, MAX_CONTROL_PLANE_BACKOFF);
            controlPlaneDown = true;
        }
        return PollOutcome.UNREACHABLE;
    }

    /** Validates, persists, then hands on a new state, in that order. */
    private PollOutcome accept(Fetch.Updated updated) {
        Optional<WipeOrder> wipe;
        DesiredState state = null;
        try {
            wipe = WipeOrder.parse(updated.json());
            if (wipe.isPresent() && !wipe.get().hostId().equals(credential.hostId())) {
                throw new IllegalArgumentException("it is for host " + wipe.get().hostId());
            }
            if (wipe.isEmpty()) {
                state = DesiredStateParser.parse(updated.json());
            }
            if (state != null && !state.hostId().equals(credential.hostId())) {
                throw new IllegalArgumentException("it is for host " + state.hostId());
            }
        } catch (IllegalArgumentException e) {
            String error = "desired state rejected: " + e.getMessage();
            if (!error.equals(syncError)) {
                log.error("Desired state (ETag {}) rejected; keeping the last accepted one: {}", updated.etag(),
                        e.getMessage());
            }
            syncError = error;
            return PollOutcome.REJECTED;
        }
        try {
            store.save(updated.json(), updated.etag());
        } catch (IOException e) {
            syncError = "cannot persist desired state: " + e.getMessage();
            log.error("Cannot persist the desired state (ETag {}); not acting on it: {}", updated.etag(), e.toString());
            return PollOutcome.REJECTED;
        }
        etag = updated.etag();
        syncError = null;
        if (wipe.isPresent()) {
            pending.set(null);
            pendingWipe.set(wipe.get());
            reconcileWakeup.signal();
            log.info("Accepted wipe {} (generation {})", wipe.get().nonce(), wipe.get().generation());
            return PollOutcome.UPDATED;
        }
        pending.set(state);
        reconcileWakeup.signal();
        log.info("Accepted desired state generation {} (action {}, Kafka {})", state.generation(), state.action(),
                state.kafkaVersion());
        return PollOutcome.UPDATED;
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown");
        }
    }

    private static void join(Thread thread, Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
