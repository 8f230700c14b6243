package io.tributary.api.instance;

import static io.tributary.api.kafka.KafkaCalls.await;

import io.tributary.api.kafka.InstanceKafka;
import io.tributary.provisioning.instance.Instance;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.springframework.stereotype.Component;

/**
 * Sets broker settings on an instance's running brokers as cluster-wide dynamic defaults (Kafka's
 * {@code incrementalAlterConfigs} on the default broker resource): they outrank what the brokers were started with,
 * reach every broker without a restart, and stay in the cluster metadata across restarts. Only for settings Kafka
 * takes while running ({@code DynamicBrokerSettings}).
 */
@Component
class LiveBrokerSettings {

    private static final ConfigResource CLUSTER_DEFAULT = new ConfigResource(ConfigResource.Type.BROKER, "");
    private final InstanceKafka kafka;

    LiveBrokerSettings(InstanceKafka kafka) {
        this.kafka = kafka;
    }

    void set(Instance instance, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        List<AlterConfigOp> ops = values.entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList();
        await(kafka.admin(instance).incrementalAlterConfigs(Map.of(CLUSTER_DEFAULT, ops)).all());
    }
}
