package io.tributary.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converges the one broker of this host on the accepted desired state, one small step per
 * {@link #reconcile()} call: start it, restart it for a {@link RestartReason}, restart it with backoff
 * after a crash, stop it on action STOP. Not thread-safe: the agent's reconciler thread alone calls it.
 */
final class BrokerSupervisor {

    private static final Logger log = LoggerFactory.getLogger(BrokerSupervisor.class);
    /** A broker that stayed up this long resets the crash backoff. */
    static final Duration STABLE_AFTER = Duration.ofSeconds(60);

    /** Whether a TCP port accepts connections. */
    interface PortProbe {
        boolean accepts(String host, int port);
    }

    /** What the supervisor needs to start a broker process (the real one is {@link BrokerLauncher}). */
    interface Launcher {
        BrokerProcess launch(DesiredState state, RenderedConfig config) throws BrokerStartException;

        void forget();
    }

    private final ServerPropertiesRenderer renderer;
    private final Launcher launcher;
    private final PortProbe probe;
    private final String probeHost;
    private final Backoff backoff;
    private final Duration stopTimeout;
    private final Clock clock;
    private final String agentVersion;

    private DesiredState desired;
    private RenderedConfig rendered;
    private String renderError;
    private BrokerProcess broker;
    private BrokerStatus status = BrokerStatus.STOPPED;
    private int restarts;
    private boolean crashed;
    private Instant retryAt;
    private Instant runningSince;
    private String lastError;

    BrokerSupervisor(ServerPropertiesRenderer renderer, Launcher launcher, PortProbe probe, String probeHost,
            Backoff backoff, Duration stopTimeout, Clock clock, String agentVersion) {
        this.renderer = renderer;
        this.launcher = launcher;
        this.probe = probe;
        this.probeHost = probeHost;
        this.backoff = backoff;
        this.stopTimeout = stopTimeout;
        this.clock = clock;
        this.agentVersion = agentVersion;
    }

    /** Takes over a broker a previous agent process left running; the next reconcile keeps or replaces it. */
    void adopt(BrokerProcess running) {
        log.info("Adopting running broker pid {} (config {})", running.pid(),
                BrokerLauncher.shortHash(running.spec().configHash()));
        broker = running;
        status = BrokerStatus.STARTING;
    }

    /** Accepts a new desired state (already persisted); a changed state retries a failed start at once. */
    void accept(DesiredState state) {
        desired = state;
        try {
            rendered = renderer.render(state);
            renderError = null;
        } catch (IllegalArgumentException e) {
            rendered = null;
            renderError = "desired state generation " + state.generation() + " rejected: " + e.getMessage();
            lastError = renderError;
            log.error(renderError);
            return;
        }
        if (broker == null && retryAt != null) {
            retryAt = null;
            backoff.reset();
        }
    }

    /** One step towards the desired state. */
    void reconcile() {
        if (desired == null) {
            observeBroker(); // nothing accepted yet: leave an adopted broker alone (static stability)
            return;
        }
        switch (desired.action()) {
            case STOP -> stop("action STOP, generation " + desired.generation());
            case RUN -> run();
        }
    }

    /**
     * Stops the broker and forgets the desired state, before a wipe deletes everything the broker had; until a
     * new state is accepted nothing runs.
     */
    void stopAndForget(String why) {
        stop(why);
        desired = null;
        rendered = null;
        renderError = null;
        lastError = null;
        restarts = 0;
        backoff.reset();
    }

    /** Stops the broker when the agent shuts down. */
    void shutdown() {
        stop("agent shutdown");
    }

    ObservedState observe() {
        LaunchSpec spec = broker != null ? broker.spec() : null;
        return new ObservedState(
                desired == null ? 0 : desired.generation(),
                spec != null ? spec.configHash() : rendered != null ? rendered.hash() : null,
                spec != null ? spec.kafkaVersion() : desired != null ? desired.kafkaVersion() : null,
                agentVersion,
                status,
                broker == null ? null : broker.pid(),
                restarts,
                broker == null ? null : broker.startedAt(),
                lastError,
                null,
                null,
                spec == null ? null : spec.restartNonce());
    }

    private void run() {
        if (broker != null && !broker.isAlive()) {
            onUnexpectedExit();
            return;
        }
        if (rendered == null) { // the state was rejected: keep whatever runs
            if (broker == null) {
                status = BrokerStatus.FAILED;
            } else {
                observeBroker();
            }
            return;
        }
        if (broker != null) {
            List<RestartReason> reasons = broker.spec().restartReasons(LaunchSpec.of(desired, rendered));
            if (reasons.isEmpty()) {
                observeBroker();
                return;
            }
            log.info("Restarting broker pid {} for generation {}: {}", broker.pid(), desired.generation(), reasons);
            stopProcess();
        } else if (retryAt != null && clock.instant().isBefore(retryAt)) {
            return; // CRASHED or FAILED, waiting out the backoff
        }
        start();
    }

    private void start() {
        try {
            broker = launcher.launch(desired, rendered);
            if (crashed) {
                restarts++;
                crashed = false;
            }
            status = BrokerStatus.STARTING;
            retryAt = null;
            runningSince = null;
        } catch (BrokerStartException e) {
            status = BrokerStatus.FAILED;
            lastError = e.getMessage();
            Duration delay = backoff.next();
            retryAt = clock.instant().plus(delay);
            log.error("Broker for generation {} could not be started, retrying in {}: {}", desired.generation(),
                    delay, e.getMessage());
        }
    }

    private void onUnexpectedExit() {
        String exit = broker.exitCode().stream().mapToObj(code -> "exit code " + code).findFirst()
                .orElse("exit code unknown");
        lastError = "broker pid " + broker.pid() + " exited unexpectedly (" + exit + ")";
        Duration delay = backoff.next();
        retryAt = clock.instant().plus(delay);
        log.warn("{}; restarting in {}", lastError, delay);
        launcher.forget();
        broker = null;
        crashed = true;
        status = BrokerStatus.CRASHED;
    }

    private void stop(String why) {
        if (broker != null) {
            log.info("Stopping broker pid {}: {}", broker.pid(), why);
            stopProcess();
        }
        status = BrokerStatus.STOPPED;
        crashed = false;
        retryAt = null;
        if (renderError == null) {
            lastError = null;
        }
    }

    private void stopProcess() {
        broker.stop(stopTimeout);
        launcher.forget();
        broker = null;
        runningSince = null;
    }

    private void observeBroker() {
        if (broker == null) {
            status = BrokerStatus.STOPPED;
            return;
        }
        if (!broker.isAlive()) {
            onUnexpectedExit();
            return;
        }
        Optional<Integer> port = desired == null ? Optional.empty() : Optional.of(desired.clientListener().port());
        boolean serving = port.map(p -> probe.accepts(probeHost, p)).orElse(status == BrokerStatus.RUNNING);
        if (!serving) {
            status = BrokerStatus.STARTING;
            return;
        }
        Instant now = clock.instant();
        if (status != BrokerStatus.RUNNING) {
            log.info("Broker pid {} is RUNNING", broker.pid());
            runningSince = now;
            if (renderError == null) {
                lastError = null;
            }
        }
        status = BrokerStatus.RUNNING;
        if (runningSince != null && Duration.between(runningSince, now).compareTo(STABLE_AFTER) >= 0) {
            backoff.reset();
        }
    }

    /** The real probe: a TCP connect with a short timeout. */
    static boolean tcpAccepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
