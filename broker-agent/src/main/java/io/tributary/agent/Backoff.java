package io.tributary.agent;

import java.time.Duration;

/**
 * Exponential backoff: {@code initial}, 2x, 4x ... capped at {@code max}; {@link #reset()} after a
 * success. Deterministic (no jitter) so callers and tests can reason about it. Not thread-safe.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private int failures;

    public Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + ", " + max);
        }
        this.initial = initial;
        this.max = max;
    }

    /** The delay before the next attempt; each call counts one more failure. */
    public Duration next() {
        Duration delay = initial;
        for (int i = 0; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        failures++;
        return delay.compareTo(max) > 0 ? max : delay;
    }

    public void reset() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }
}
