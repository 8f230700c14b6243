package io.tributary.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running broker JVM: either launched by this agent ({@code process} present, so its exit code is
 * known) or adopted from {@code broker.pid} after an agent restart (only a {@link ProcessHandle}).
 */
final class BrokerProcess {

    private static final Logger log = LoggerFactory.getLogger(BrokerProcess.class);

    private final ProcessHandle handle;
    private final Optional<Process> process;
    private final LaunchSpec spec;
    private final Instant startedAt;

    BrokerProcess(ProcessHandle handle, Optional<Process> process, LaunchSpec spec, Instant startedAt) {
        this.handle = handle;
        this.process = process;
        this.spec = spec;
        this.startedAt = startedAt;
    }

    long pid() {
        return handle.pid();
    }

    LaunchSpec spec() {
        return spec;
    }

    Instant startedAt() {
        return startedAt;
    }

    boolean isAlive() {
        return handle.isAlive();
    }

    /** The exit code, when this agent launched the process and it has exited. */
    OptionalInt exitCode() {
        return process.filter(p -> !p.isAlive()).map(p -> OptionalInt.of(p.exitValue())).orElse(OptionalInt.empty());
    }

    /** SIGTERM (Kafka's controlled shutdown), then SIGKILL if it is still alive after {@code timeout}. */
    void stop(Duration timeout) {
        if (!handle.isAlive()) {
            return;
        }
        log.info("Stopping broker pid {} (SIGTERM, kill after {})", pid(), timeout);
        handle.destroy();
        if (!awaitExit(timeout)) {
            log.warn("Broker pid {} did not stop within {}; killing it", pid(), timeout);
            handle.destroyForcibly();
            awaitExit(Duration.ofSeconds(30));
        }
    }

    private boolean awaitExit(Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }
}
