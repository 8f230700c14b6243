package io.tributary.api.instance;

import io.tributary.api.operation.ScheduledChangeUndo;
import io.tributary.provisioning.desired.DesiredStateWriter;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.json.JsonText;
import io.tributary.provisioning.operation.Operation;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Undoes the change behind a cancelled scheduled restart or upgrade, from what the operation kept of what it replaced:
 * the Kafka version, or the flavor and broker settings ({@link BrokerReconfiguration#revert}). The hosts' desired
 * states are written again, so no broker is left marked for a restart it no longer needs.
 */
@Component
class ScheduledChangeRevert implements ScheduledChangeUndo {

    private final BrokerReconfiguration reconfiguration;
    private final DesiredStateWriter desiredStates;

    ScheduledChangeRevert(BrokerReconfiguration reconfiguration, DesiredStateWriter desiredStates) {
        this.reconfiguration = reconfiguration;
        this.desiredStates = desiredStates;
    }

    @Override
    public void undo(Instance instance, Operation cancelled) {
        if (cancelled.getUndo() == null) {
            return;
        }
        Map<?, ?> replaced = JsonText.read(cancelled.getUndo(), Map.class);
        if (replaced.get("kafkaVersion") instanceof String version) {
            instance.setKafkaVersion(version);
        }
        if (replaced.get("flavor") instanceof String flavor && replaced.get("brokerConfig") instanceof Map<?, ?> config) {
            Map<String, String> settings = new TreeMap<>();
            config.forEach((k, v) -> settings.put(String.valueOf(k), String.valueOf(v)));
            reconfiguration.revert(instance, flavor, settings);
        }
        desiredStates.writeAfterCommit(instance.getId());
    }
}
