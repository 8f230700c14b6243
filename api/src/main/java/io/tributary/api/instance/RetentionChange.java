package io.tributary.api.instance;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import io.tributary.api.generated.model.RetentionSpecDto;
import io.tributary.provisioning.instance.Instance;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Changes of an instance's retention settings. The default retention goes to the running brokers as the
 * cluster-wide dynamic {@code log.retention.ms} (it outranks the static log.retention.hours they started
 * with), so no broker restarts; the disk-full policy is the agents' and the capacity guard's to act on.
 */
@Component
class RetentionChange {

    static final String RETENTION_MS = "log.retention.ms";
    private final LiveBrokerSettings live;

    RetentionChange(LiveBrokerSettings live) {
        this.live = live;
    }

    /** @return whether the capacity policy changed (the hosts' desired state must be written again) */
    boolean apply(Instance instance, RetentionSpecDto change) {
        Integer hours = change.getDefaultHours();
        if (hours != null && hours != instance.getRetentionHours()) {
            if (!instance.getStatus().isServing()) {
                throw new ApiException(ErrorCode.INVALID_STATE,
                        "the default retention can change while the instance is RUNNING; it is " + instance.getStatus());
            }
            long millis = Duration.ofHours(hours).toMillis();
            live.set(instance, Map.of(RETENTION_MS, Long.toString(millis)));
            instance.setRetentionHours(hours);
        }
        if (change.getCapacityPolicy() != null && !change.getCapacityPolicy().getValue().equals(instance.getCapacityPolicy())) {
            instance.setCapacityPolicy(change.getCapacityPolicy().getValue());
            return true;
        }
        return false;
    }
}
