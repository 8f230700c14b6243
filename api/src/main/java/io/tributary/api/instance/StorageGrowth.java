package io.tributary.api.instance;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.api.error.ErrorCode;
import io.tributary.provisioning.catalog.Flavor;
import io.tributary.provisioning.catalog.FlavorCatalog;
import io.tributary.provisioning.desired.DesiredStateWriter;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceStatus;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * More storage per broker, as DMS allows: never less, within the flavor's bounds, on a running instance. The agents
 * get the larger disk limit at once (their disk guard re-reads it), and the segment size derived from it is set on
 * the running brokers; no broker restarts.
 */
@Component
class StorageGrowth {

    static final String SEGMENT_BYTES = "log.segment.bytes";
    private final FlavorCatalog flavors;
    private final DesiredStateWriter desiredStates;
    private final LiveBrokerSettings live;

    StorageGrowth(FlavorCatalog flavors, DesiredStateWriter desiredStates, LiveBrokerSettings live) {
        this.flavors = flavors;
        this.desiredStates = desiredStates;
        this.live = live;
    }

    /**
     * @param storageGb the requested storage ({@code null}: unchanged)
     * @param newFlavor the flavor the same change asks for, whose bounds then apply ({@code null}: the current one)
     * @return whether the storage grew
     */
    boolean apply(Instance instance, Integer storageGb, String newFlavor) {
        if (storageGb == null || storageGb == instance.getStorageGb()) {
            return false;
        }
        if (storageGb < instance.getStorageGb()) {
            throw ApiException.invalid(List.of(new FieldProblem("storageGb",
                    "can only grow (now " + instance.getStorageGb() + " GB per broker)")));
        }
        Flavor f = flavors.find(newFlavor == null ? instance.getFlavor() : newFlavor).orElse(null);
        if (f == null) {
            return false; // the flavor is refused on its own (BrokerReconfiguration)
        }
        if (storageGb > f.maxStorageGb()) {
            throw ApiException.invalid(List.of(new FieldProblem("storageGb",
                    "must be at most " + f.maxStorageGb() + " GB per broker for " + f.id())));
        }
        if (instance.getStatus() != InstanceStatus.RUNNING) {
            throw new ApiException(ErrorCode.INVALID_STATE, "the instance is " + instance.getStatus()
                    + "; storage grows while it is RUNNING");
        }
        instance.setStorageGb(storageGb);
        live.set(instance, Map.of(SEGMENT_BYTES, desiredStates.brokerSettings(instance).get(SEGMENT_BYTES)));
        return true;
    }
}
