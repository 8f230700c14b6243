package io.tributary.agent;

import io.tributary.agent.ControlPlaneClient.Fetch;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the desired state (ETag / If-None-Match) every poll interval, and backs off up to
 * {@link ControlPlaneClient#MAX_BACKOFF} while the control plane cannot be reached. Each new document is validated,
 * persisted to desired-state.json, then handed on, in that order; a rejected one leaves the last accepted state in
 * force and its reason in the agent's sync error. Renews the agent's client certificate before a poll once it is due.
 * Owned by the sync thread (and the agent's start before that thread exists).
 */
final class DesiredStatePoller {

    private static final Logger log = LoggerFactory.getLogger(DesiredStatePoller.class);
    private static final Duration CERTIFICATE_RETRY = Duration.ofMinutes(1);

    enum Outcome { UPDATED, UNCHANGED, NOT_ASSIGNED, REJECTED, UNREACHABLE }

    /** Where accepted states go: to the reconciler. */
    interface Handoff {
        /** A RUN or STOP state, replacing any not yet taken. */
        void state(DesiredState state);

        /** A wipe, which also drops any state not yet taken. */
        void wipe(WipeOrder order);
    }

    private final ControlPlaneClient client;
    private final DesiredStateStore store;
    private final Credential credential;
    private final Duration pollInterval;
    private final Clock clock;
    private final Backoff backoff;
    // the error the agent reports as lastError; shared with the reconciler's wipe
    private final AtomicReference<String> syncError;
    private final Handoff handoff;

    private String etag;
    private Instant nextPoll = Instant.MIN;
    private boolean controlPlaneDown;
    private Outcome lastOutcome;
    private Instant nextRenewalAttempt = Instant.MIN;

    /** @param etag the ETag of the stored desired state, or "" */
    DesiredStatePoller(ControlPlaneClient client, DesiredStateStore store, Credential credential, String etag,
            Duration pollInterval, Clock clock, AtomicReference<String> syncError, Handoff handoff) {
        this.client = client;
        this.store = store;
        this.credential = credential;
        this.etag = etag;
        this.pollInterval = pollInterval;
        this.clock = clock;
        this.backoff = new Backoff(pollInterval,
                pollInterval.compareTo(ControlPlaneClient.MAX_BACKOFF) > 0 ? pollInterval : ControlPlaneClient.MAX_BACKOFF);
        this.syncError = syncError;
        this.handoff = handoff;
    }

    /** When the next poll is due. */
    Instant nextPoll() {
        return nextPoll;
    }

    /** Polls if it is due. */
    void pollIfDue() throws InterruptedException {
        if (!clock.instant().isBefore(nextPoll)) {
            pollOnce();
        }
    }

    /** One desired-state poll; schedules the next one (with backoff when the control plane is down). */
    Outcome pollOnce() throws InterruptedException {
        renewCertificateIfDue();
        Outcome outcome;
        try {
            Fetch fetch = client.fetchDesiredState(credential, etag);
            backoff.reset();
            nextPoll = clock.instant().plus(pollInterval);
            if (controlPlaneDown) {
                log.info("Control plane reachable again");
                controlPlaneDown = false;
            }
            if (fetch instanceof Fetch.Updated updated) {
                outcome = accept(updated);
            } else if (fetch instanceof Fetch.NotModified) {
                outcome = Outcome.UNCHANGED;
            } else {
                outcome = Outcome.NOT_ASSIGNED;
                if (lastOutcome != Outcome.NOT_ASSIGNED) {
                    log.info("No broker assigned to host {} yet", credential.hostId());
                }
            }
        } catch (ControlPlaneClient.UnauthorizedException e) {
            outcome = unreachable("credential rejected (401): host " + credential.hostId()
                    + " was removed or revoked; the broker keeps running");
            syncError.set("control plane rejected this host's credential (401)");
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

    private Outcome unreachable(String why) {
        Duration delay = backoff.next();
        nextPoll = clock.instant().plus(delay);
        if (!controlPlaneDown) {
            log.warn("Control plane unreachable ({}); the broker keeps running; retrying with backoff up to {}",
                    why, ControlPlaneClient.MAX_BACKOFF);
            controlPlaneDown = true;
        }
        return Outcome.UNREACHABLE;
    }

    /** Validates, persists, then hands on a new state, in that order. */
    private Outcome accept(Fetch.Updated updated) {
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
            if (!error.equals(syncError.get())) {
                log.error("Desired state (ETag {}) rejected; keeping the last accepted one: {}", updated.etag(),
                        e.getMessage());
            }
            syncError.set(error);
            return Outcome.REJECTED;
        }
        try {
            store.save(updated.json(), updated.etag());
        } catch (IOException e) {
            syncError.set("cannot persist desired state: " + e.getMessage());
            log.error("Cannot persist the desired state (ETag {}); not acting on it: {}", updated.etag(), e.toString());
            return Outcome.REJECTED;
        }
        etag = updated.etag();
        syncError.set(null);
        if (wipe.isPresent()) {
            handoff.wipe(wipe.get());
            log.info("Accepted wipe {} (generation {})", wipe.get().nonce(), wipe.get().generation());
            return Outcome.UPDATED;
        }
        handoff.state(state);
        log.info("Accepted desired state generation {} (action {}, Kafka {})", state.generation(), state.action(),
                state.kafkaVersion());
        return Outcome.UPDATED;
    }
}
