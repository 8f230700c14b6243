package io.tributary.agent;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the observed state at once when it changed and every {@code interval} otherwise. A failed
 * report is retried at the next interval; the agent goes on either way.
 */
final class ObservedStateReporter {

    private static final Logger log = LoggerFactory.getLogger(ObservedStateReporter.class);

    private final ControlPlaneClient client;
    private final Duration interval;
    private final Clock clock;
    private ObservedState lastSent;
    private Instant nextDue = Instant.MIN;
    private boolean failing;

    ObservedStateReporter(ControlPlaneClient client, Duration interval, Clock clock) {
        this.client = client;
        this.interval = interval;
        this.clock = clock;
    }

    /**
     * Reports {@code current} if it differs from the last report (disk usage aside: see
     * {@link ObservedState#withoutDiskUsage()}) or a report is due.
     */
    void reportIfDue(Credential credential, ObservedState current) throws InterruptedException {
        Instant now = clock.instant();
        boolean changed = lastSent == null || !current.withoutDiskUsage().equals(lastSent.withoutDiskUsage());
        if (!(changed && !failing) && now.isBefore(nextDue)) {
            return;
        }
        nextDue = now.plus(interval);
        try {
            client.reportObservedState(credential, current);
            lastSent = current;
            if (failing) {
                log.info("Observed state reported again");
            }
            failing = false;
        } catch (IOException e) {
            if (!failing) {
                log.warn("Cannot report observed state (retrying every {}): {}", interval, e.toString());
            }
            failing = true;
        }
    }

    /** When the next periodic report is due. */
    Instant nextDue() {
        return nextDue;
    }
}
