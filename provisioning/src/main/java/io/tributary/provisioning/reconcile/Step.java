package io.tributary.provisioning.reconcile;

import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.operation.Operation;

/**
 * One idempotent step of an operation. Steps run in order from the first on every pass, so each
 * must recognise work it already did (after a crash, too) and return {@code done} at once.
 */
public record Step(String name, int percent, Action action) {

    @FunctionalInterface
    public interface Action {
        StepResult run(Operation operation, Instance instance);
    }
}
