package io.tributary.agent;

import io.tributary.agent.DesiredState.CapacityPolicy;
import io.tributary.agent.DesiredState.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disk-capacity guard (docs/agent-api.md, {@code storage}): every {@link #INTERVAL} measures the bytes
 * under the broker's log dir and, for {@link CapacityPolicy#PRODUCE_REJECT}, creates the produce-reject
 * file once usage reaches {@code highWatermark x limitBytes} and deletes it once usage drops below
 * {@code lowWatermark x limitBytes} (hysteresis, so produce does not flap at the limit). The broker's
 * {@code TributaryAuthorizer} denies topic WRITE while the file exists. For {@link CapacityPolicy#TIME_BASE}
 * or without a guard the file never exists: the control plane makes room by deleting the oldest records.
 * Not thread-safe: the reconciler thread alone calls it.
 */
final class DiskGuard {

    private static final Logger log = LoggerFactory.getLogger(DiskGuard.class);
    static final Duration INTERVAL = Duration.ofSeconds(2);

    /** The bytes used under the log dir. */
    interface Measurer {
        long usedBytes() throws IOException;
    }

    private final Measurer measurer;
    private final Path rejectFile;
    private final Clock clock;

    private boolean haveDesiredState;
    private Storage storage;
    private Instant nextMeasurement = Instant.MIN;
    private ObservedState.Disk last;
    private boolean measureFailing;

    DiskGuard(Measurer measurer, Path rejectFile, Clock clock) {
        this.measurer = measurer;
        this.rejectFile = rejectFile;
        this.clock = clock;
    }

    /** The guard of a newly accepted desired state ({@code null}: none); applied at the next {@link #poll()}. */
    void accept(Storage newStorage) {
        if (!haveDesiredState || !Objects.equals(storage, newStorage)) {
            nextMeasurement = Instant.MIN;
        }
        haveDesiredState = true;
        storage = newStorage;
    }

    /**
     * Measures and applies the policy when a measurement is due; returns the latest result ({@code null}
     * before the first one). Until a desired state is accepted the reject file is left as it is, so an
     * agent restart does not briefly accept produce on a full disk.
     */
    ObservedState.Disk poll() {
        Instant now = clock.instant();
        if (now.isBefore(nextMeasurement)) {
            return last;
        }
        nextMeasurement = now.plus(INTERVAL);
        long used;
        try {
            used = measurer.usedBytes();
            if (measureFailing) {
                log.info("Measuring the log dir works again");
                measureFailing = false;
            }
        } catch (IOException | RuntimeException e) {
            if (!measureFailing) {
                log.warn("Cannot measure the log dir (keeping the produce-reject state as it is): {}", e.toString());
                measureFailing = true;
            }
            return last;
        }
        boolean rejected = Files.exists(rejectFile);
        if (haveDesiredState) {
            boolean reject = shouldReject(storage, used, rejected);
            if (reject != rejected) {
                rejected = setRejectFile(reject, used);
            }
        }
        last = new ObservedState.Disk(used, storage == null ? null : storage.limitBytes(), rejected);
        return last;
    }

    /** The hysteresis: start rejecting at the high watermark, stop below the low one. */
    static boolean shouldReject(Storage storage, long usedBytes, boolean rejecting) {
        if (storage == null || storage.capacityPolicy() != CapacityPolicy.PRODUCE_REJECT) {
            return false;
        }
        return rejecting ? usedBytes >= storage.lowBytes() : usedBytes >= storage.highBytes();
    }

    /** Creates or deletes the reject file; returns whether it exists afterwards. */
    private boolean setRejectFile(boolean reject, long used) {
        try {
            if (reject) {
                AtomicFiles.writePrivate(rejectFile, "log dir holds " + used + " of " + storage.limitBytes()
                        + " bytes (high watermark " + storage.highWatermark() + ")\n");
                log.warn("Log dir holds {} of {} bytes (>= {} high watermark): the broker now rejects produce"
                        + " requests ({} created)", used, storage.limitBytes(), storage.highWatermark(), rejectFile);
            } else {
                Files.deleteIfExists(rejectFile);
                log.info("Log dir holds {} bytes{}: the broker accepts produce requests again ({} deleted)", used,
                        storage == null ? ", no storage guard"
                                : " of " + storage.limitBytes() + (storage.capacityPolicy() == CapacityPolicy.TIME_BASE
                                        ? ", policy TIME_BASE" : " (< " + storage.lowWatermark() + " low watermark)"),
                        rejectFile);
            }
        } catch (IOException e) {
            log.error("Cannot {} {}: {}", reject ? "create" : "delete", rejectFile, e.toString());
        }
        return Files.exists(rejectFile);
    }
}
