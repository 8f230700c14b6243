package io.tributary.api.instance;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import io.tributary.api.generated.model.ApplyAtDto;
import io.tributary.provisioning.instance.Broker;
import io.tributary.provisioning.instance.BrokerRepository;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.operation.OperationStarter;
import io.tributary.provisioning.operation.OperationType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's request for a rolling restart of an instance's brokers (all, or one). */
@Service
class BrokerRestarts {

    private final InstanceRepository instances;
    private final BrokerRepository brokers;
    private final OperationStarter starter;
    private final RestartTiming timing;

    BrokerRestarts(InstanceRepository instances, BrokerRepository brokers, OperationStarter starter,
                   RestartTiming timing) {
        this.instances = instances;
        this.brokers = brokers;
        this.starter = starter;
        this.timing = timing;
    }

    /**
     * @param nodeId  the one broker to restart; {@code null}: all of them
     * @param applyAt now, or in the instance's maintenance window ({@code null}: now)
     */
    @Transactional
    Operation restart(UUID project, UUID instanceId, Integer nodeId, ApplyAtDto applyAt) {
        // read under the row lock, so a reconciler's write just before (RUNNING -> RESTARTING) is seen, not lost to
        Instance instance = instances.findLiveForUpdate(project, instanceId)
                .orElseThrow(() -> ApiException.notFound("instance " + instanceId));
        if (nodeId != null && brokers.findById(new Broker.Key(instanceId, nodeId)).isEmpty()) {
            throw ApiException.invalid(List.of(new ApiException.FieldProblem("nodeId", "the instance has no broker " + nodeId)));
        }
        Optional<Instant> windowStart = timing.windowStart(instance, applyAt);
        starter.refusal(instance, OperationType.RESTART_BROKERS).ifPresent(reason -> {
            throw new ApiException(ErrorCode.INVALID_STATE, reason);
        });
        return timing.begin(instance, OperationType.RESTART_BROKERS, nodeId, windowStart, Map.of());
    }
}
