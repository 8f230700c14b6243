package io.tributary.agent;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's composition root: builds its parts, enrolls once ({@link Enrollment}), then runs two threads.
 * <ul>
 *   <li><b>sync</b> talks to the control plane: the {@link DesiredStatePoller} polls the desired state and hands
 *       each accepted one on, and the {@link ObservedStateReporter} reports the observed state (at once on a
 *       change, else every report interval). When the control plane is unreachable it backs off and keeps
 *       trying; the broker is never stopped for that.</li>
 *   <li><b>reconciler</b> owns the {@link BrokerSupervisor}: takes the newest accepted state and steps the
 *       broker towards it every {@link #TICK}; it also runs the {@link DiskGuard} (a measurement every
 *       {@link DiskGuard#INTERVAL}).</li>
 * </ul>
 */
final class BrokerAgent implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BrokerAgent.class);
    static final Duration TICK = Duration.ofMillis(500);

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

    // a WIPE clears a pending RUN state (both set by the sync thread), and the reconciler takes the wipe first
    private final AtomicReference<DesiredState> pending = new AtomicReference<>();
    private final AtomicReference<WipeOrder> pendingWipe = new AtomicReference<>();
    private volatile String lastWipe;
    private final Wakeup reconcileWakeup = new Wakeup();
    private final Wakeup syncWakeup = new Wakeup();
    private volatile ObservedState observed;
    // what the sync thread reports as lastError (a rejected desired state, a failed wipe) unless the broker has one
    private final AtomicReference<String> syncError = new AtomicReference<>();
    private volatile boolean running;
    private Thread reconcilerThread;
    private Thread syncThread;

    // set by start() before the threads exist
    private Credential credential;
    private DesiredStatePoller poller;

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
        this.observed = supervisor.observe();
    }

    /** Enrolls if needed, picks the state to start from, adopts a still-running broker, starts the threads. */
    void start() throws IOException, InterruptedException {
        paths.createDirectories();
        credential = new Enrollment(config, paths, client, agentVersion).loadOrEnroll();
        lastWipe = wiper.lastWipe().orElse(null);
        store.loadWipe().ifPresent(unfinished -> {
            log.info("Finishing the wipe {} accepted before this agent stopped", unfinished.nonce());
            pendingWipe.set(unfinished);
        });
        Optional<DesiredStateStore.Stored> stored = store.load();
        poller = new DesiredStatePoller(client, store, credential, stored.map(DesiredStateStore.Stored::etag).orElse(""),
                config.pollInterval(), clock, syncError, new ToReconciler());
        launcher.findRunning().ifPresent(supervisor::adopt);

        DesiredStatePoller.Outcome first = poller.pollOnce();
        if (stored.isPresent() && (first == DesiredStatePoller.Outcome.UNCHANGED
                || first == DesiredStatePoller.Outcome.UNREACHABLE || first == DesiredStatePoller.Outcome.REJECTED)) {
            pending.compareAndSet(null, stored.get().state());
            log.info("{}: running from {} (generation {})",
                    first == DesiredStatePoller.Outcome.UNCHANGED ? "Desired state unchanged" : "Control plane unreachable",
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
            syncError.set(null);
        } catch (IOException e) {
            syncError.set("wipe " + order.nonce() + " failed: " + e.getMessage());
            log.error("Cannot wipe {}; retrying: {}", paths.home(), e.toString());
            pendingWipe.compareAndSet(null, order);
        }
    }

    private void syncLoop() {
        try {
            while (running) {
                poller.pollIfDue();
                ObservedState current = observed;
                String error = syncError.get();
                reporter.reportIfDue(credential, current.lastError() == null && error != null
                        ? current.withLastError(error) : current);
                Instant now = clock.instant();
                Instant nextPoll = poller.nextPoll();
                Instant wake = nextPoll.isBefore(reporter.nextDue()) ? nextPoll : reporter.nextDue();
                Duration wait = Duration.between(now, wake);
                syncWakeup.await(wait.isNegative() ? Duration.ZERO : wait.compareTo(TICK) > 0 ? TICK : wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands accepted states to the reconciler thread, which takes a pending wipe before a pending state. */
    private final class ToReconciler implements DesiredStatePoller.Handoff {
        @Override
        public void state(DesiredState state) {
            pending.set(state);
            reconcileWakeup.signal();
        }

        @Override
        public void wipe(WipeOrder order) {
            pending.set(null);
            pendingWipe.set(order);
            reconcileWakeup.signal();
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
