package io.tributary.provisioning.reconcile;

import java.time.Duration;

/** What a step reports: done, or waiting for the outside world (look again after {@code delay}). */
public record StepResult(boolean complete, Duration delay, Integer percent, String detail) {

    public static StepResult done() {
        return new StepResult(true, Duration.ZERO, null, null);
    }

    public static StepResult waitFor(Duration delay, String detail) {
        return new StepResult(false, delay, null, detail);
    }

    public static StepResult waitFor(Duration delay, int percent, String detail) {
        return new StepResult(false, delay, percent, detail);
    }
}
