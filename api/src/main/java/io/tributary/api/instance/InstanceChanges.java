package io.tributary.api.instance;

import io.tributary.api.generated.model.InstanceUpdateDto;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.MaintenanceWindow;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.operation.OperationRepository;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The part of a PATCH that changes how the instance runs, each field by its own rule: the maintenance window and
 * deletion protection are stored (an operation scheduled for the old window moves to the new one); a new broker count, a Kafka upgrade, more storage, retention and the flavor or
 * broker settings are checked and applied ({@link BrokerScaling}, {@link KafkaUpgrade}, {@link StorageGrowth},
 * {@link RetentionChange}, {@link BrokerReconfiguration}), in the caller's transaction on the locked instance.
 */
@Component
class InstanceChanges {

    private final BrokerScaling scaling;
    private final KafkaUpgrade upgrade;
    private final StorageGrowth storage;
    private final RetentionChange retention;
    private final BrokerReconfiguration reconfiguration;
    private final OperationRepository operations;
    private final Clock clock;

    InstanceChanges(BrokerScaling scaling, KafkaUpgrade upgrade, StorageGrowth storage, RetentionChange retention,
                    BrokerReconfiguration reconfiguration, OperationRepository operations, Clock clock) {
        this.scaling = scaling;
        this.upgrade = upgrade;
        this.storage = storage;
        this.retention = retention;
        this.reconfiguration = reconfiguration;
        this.operations = operations;
        this.clock = clock;
    }

    /**
     * @param rewriteDesiredState whether the hosts' desired states must be written again
     * @param operation           the scaling, rolling restart or upgrade that applies the change ({@code null}:
     *                            applied)
     */
    record Applied(boolean rewriteDesiredState, Operation operation) {
    }

    Applied apply(Instance instance, InstanceUpdateDto change) {
        if (change.getMaintenanceWindow() != null) {
            InstanceOrderMapping.setMaintenanceWindow(instance, change.getMaintenanceWindow());
            moveScheduledOperation(instance);
        }
        if (change.getDeletionProtection() != null) {
            instance.setDeletionProtection(change.getDeletionProtection());
        }
        Operation scaled = scaling.apply(instance, change).orElse(null);
        if (scaled != null) {
            // alone among the shape changes; the scaling writes the hosts' desired states as brokers come and go
            boolean policyChanged = change.getRetention() != null && retention.apply(instance, change.getRetention());
            return new Applied(policyChanged, scaled);
        }
        Operation upgrading = upgrade.apply(instance, change).orElse(null);
        boolean storageGrown = storage.apply(instance, change.getStorageGb(), change.getFlavor());
        boolean policyChanged = change.getRetention() != null && retention.apply(instance, change.getRetention());
        Operation operation = upgrading != null ? upgrading : reconfiguration.apply(instance, change).orElse(null);
        return new Applied(policyChanged || storageGrown || operation != null, operation);
    }

    /** An operation waiting for the old window waits for the new one. */
    private void moveScheduledOperation(Instance instance) {
        Instant now = clock.instant();
        MaintenanceWindow.parse(instance.getMaintenanceWindow()).ifPresent(window ->
                operations.findScheduled(instance.getId()).ifPresent(op -> {
                    op.scheduleFor(window.firstChanceFrom(now), now);
                    operations.save(op);
                }));
    }
}
