package io.tributary.api.instance;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.api.generated.model.ApplyAtDto;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.MaintenanceWindow;
import io.tributary.provisioning.json.JsonText;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.operation.OperationStarter;
import io.tributary.provisioning.operation.OperationType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * When a change that restarts brokers begins, as the request's {@code applyAt} says: now, or in the instance's
 * next maintenance window (a scheduled operation, with what the change replaced kept for a cancel to set back).
 */
@Component
class RestartTiming {

    private final OperationStarter starter;
    private final Clock clock;

    RestartTiming(OperationStarter starter, Clock clock) {
        this.starter = starter;
        this.clock = clock;
    }

    /** The start of the window the operation is to wait for; empty: it begins now. Checked before anything changes. */
    Optional<Instant> windowStart(Instance instance, ApplyAtDto applyAt) {
        if (applyAt != ApplyAtDto.MAINTENANCE_WINDOW) {
            return Optional.empty();
        }
        MaintenanceWindow window = MaintenanceWindow.parse(instance.getMaintenanceWindow()).orElseThrow(() ->
                ApiException.invalid(List.of(new FieldProblem("applyAt", "the instance has no maintenance window; "
                        + "set maintenanceWindow (in this change or before) or apply NOW"))));
        return Optional.of(window.firstChanceFrom(clock.instant()));
    }

    /**
     * Starts the operation, or schedules it for {@code windowStart}.
     *
     * @param replaced what the change behind it replaced ({@code flavor}, {@code brokerConfig}, {@code kafkaVersion});
     *                 empty: nothing
     */
    Operation begin(Instance instance, OperationType type, Integer nodeId, Optional<Instant> windowStart,
                    Map<String, Object> replaced) {
        if (windowStart.isEmpty()) {
            return starter.start(instance, type, nodeId);
        }
        return starter.schedule(instance, type, nodeId, windowStart.get(),
                replaced.isEmpty() ? null : JsonText.write(replaced));
    }
}
