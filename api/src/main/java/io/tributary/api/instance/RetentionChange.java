package io.tributary.api.instance;

import static io.tributary.api.kafka.KafkaCalls.await;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import io.tributary.api.generated.model.RetentionSpecDto;
import io.tributary.api.kafka.InstanceKafka;
import io.tributary.provisioning.instance.Instance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.springframework.stereotype.Component;

/**
 * Changes of an instance's retention settings. The default retention goes to the running brokers as the
 * cluster-wide dynamic {@code log.retention.ms} (it outranks the static log.retention.hours they started
 * with), so no broker restarts; the disk-full policy is the agents' and the capacity guard's to act on.
 */
@Component
class RetentionChange {

    static final String RETENTION_MS = "log.retention.ms";
    private final InstanceKafka kafka;

    RetentionChange(InstanceKafka kafka) {
        this.kafka = kafka;
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
            await(kafka.admin(instance).incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.BROKER, ""),
                    List.of(new AlterConfigOp(new ConfigEntry(RETENTION_MS, Long.toString(millis)),
                            AlterConfigOp.OpType.SET)))).all());
            instance.setRetentionHours(hours);
        }
        if (change.getCapacityPolicy() != null && !change.getCapacityPolicy().getValue().equals(instance.getCapacityPolicy())) {
            instance.setCapacityPolicy(change.getCapacityPolicy().getValue());
            return true;
        }
        return false;
    }
}
