package io.tributary.api.instance;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.api.error.ErrorCode;
import io.tributary.api.generated.model.InstanceUpdateDto;
import io.tributary.provisioning.ProvisioningProperties;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.operation.OperationStarter;
import io.tributary.provisioning.operation.OperationType;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * An in-place Kafka upgrade: to a newer release the agents ship, by a rolling restart onto its binaries, after which
 * the metadata version is finalized ({@code UPGRADE_KAFKA}). Never back: once finalized, Kafka cannot run an older
 * release's metadata, so a downgrade is refused.
 */
@Component
class KafkaUpgrade {

    private final ProvisioningProperties provisioning;
    private final OperationStarter starter;
    private final RestartTiming timing;

    KafkaUpgrade(ProvisioningProperties provisioning, OperationStarter starter, RestartTiming timing) {
        this.provisioning = provisioning;
        this.starter = starter;
        this.timing = timing;
    }

    /** Starts the upgrade {@code change} asks for (in the caller's transaction); empty when the version stays. */
    Optional<Operation> apply(Instance instance, InstanceUpdateDto change) {
        String wanted = change.getKafkaVersion();
        if (wanted == null || wanted.equals(instance.getKafkaVersion())) {
            return Optional.empty();
        }
        if (!provisioning.kafkaVersions().contains(wanted)) {
            throw ApiException.invalid(List.of(new FieldProblem("kafkaVersion", "unknown Kafka version '" + wanted
                    + "'; the agents ship " + String.join(", ", provisioning.kafkaVersions()) + " (GET /api/v1/kafka-versions)")));
        }
        if (compare(wanted, instance.getKafkaVersion()) < 0) {
            throw ApiException.invalid(List.of(new FieldProblem("kafkaVersion", "cannot go back from "
                    + instance.getKafkaVersion() + " to " + wanted + ": an upgrade finalizes the metadata version, which "
                    + "an older Kafka cannot read")));
        }
        if (change.getFlavor() != null || change.getBrokerConfig() != null || change.getStorageGb() != null) {
            throw ApiException.invalid(List.of(new FieldProblem("kafkaVersion",
                    "upgrade Kafka on its own, without flavor, brokerConfig or storageGb in the same change")));
        }
        Optional<Instant> windowStart = timing.windowStart(instance, change.getApplyAt());
        starter.refusal(instance, OperationType.UPGRADE_KAFKA).ifPresent(reason -> {
            throw new ApiException(ErrorCode.INVALID_STATE, reason);
        });
        Map<String, Object> replaced = Map.of("kafkaVersion", instance.getKafkaVersion());
        instance.setKafkaVersion(wanted);
        return Optional.of(timing.begin(instance, OperationType.UPGRADE_KAFKA, null, windowStart, replaced));
    }

    /** Orders dotted release numbers (4.1.1 < 4.3.1 < 4.10.0). */
    static int compare(String a, String b) {
        int[] x = parts(a);
        int[] y = parts(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int diff = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
            if (diff != 0) {
                return diff;
            }
        }
        return 0;
    }

    private static int[] parts(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(p -> {
            try {
                return Integer.parseInt(p.replaceAll("\\D.*$", ""));
            } catch (NumberFormatException e) {
                return 0;
            }
        }).toArray();
    }
}
