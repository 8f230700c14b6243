package io.tributary.provisioning.host;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test seam ({@code tributary.provisioning.local.start-gate}): while the file exists, a local
 * host waits before starting its agent, so a test can hold a creation in the middle of making its
 * hosts (and delete, or take its lease away, meanwhile). Without the setting it never waits.
 */
final class LocalStartGate {

    private static final Logger log = LoggerFactory.getLogger(LocalStartGate.class);
    private static final java.time.Duration MAX_WAIT = java.time.Duration.ofMinutes(10);
    private final Path file;

    LocalStartGate(Path file) {
        this.file = file == null || file.toString().isBlank() ? null : file;
    }

    void awaitOpen(Host host) {
        if (file == null || !Files.exists(file)) {
            return;
        }
        log.info("instance={} node={} local host {} waits for the start gate {}", host.getInstanceId(),
                host.getNodeId(), host.getId(), file);
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        try {
            while (Files.exists(file)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the start gate " + file + " stayed closed for " + MAX_WAIT);
                }
                Thread.sleep(100); // a file on disk has nothing to wait on but a poll
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at the start gate", e);
        }
    }
}
