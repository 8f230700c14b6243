package io.tributary.provisioning.reconcile;

import java.time.Duration;

/**
 * What a step reports: done; waiting for the outside world (look again after {@code delay}); or
 * {@code again}: it did one piece of its work (e.g. made one host) and is to run again at once,
 * after the runner has checked that the lease still holds.
 */
public record StepResult(boolean complete, Duration delay, Integer percent, String detail, boolean again) {

    public static StepResult done() {
        return new StepResult(true, Duration.ZERO, null, null, false);
    }

    public static StepResult waitFor(Duration delay, String detail) {
        return new StepResult(false, delay, null, detail, false);
    }

    public static StepResult waitFor(Duration delay, int percent, String detail) {
        return new StepResult(false, delay, percent, detail, false);
    }

    public static StepResult again(String detail) {
        return new StepResult(false, Duration.ZERO, null, detail, true);
    }
}
