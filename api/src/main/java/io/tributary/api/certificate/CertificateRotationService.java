package io.tributary.api.certificate;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.operation.OperationStarter;
import io.tributary.provisioning.operation.OperationType;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's request to rotate an instance's broker certificates now. */
@Service
class CertificateRotationService {

    private final InstanceRepository instances;
    private final OperationStarter starter;

    CertificateRotationService(InstanceRepository instances, OperationStarter starter) {
        this.instances = instances;
        this.starter = starter;
    }

    @Transactional
    Operation rotate(UUID project, UUID instanceId) {
        Instance instance = instances.findLive(project, instanceId)
                .orElseThrow(() -> ApiException.notFound("instance " + instanceId));
        starter.refusal(instance, OperationType.ROTATE_CERTIFICATES).ifPresent(reason -> {
            throw new ApiException(ErrorCode.INVALID_STATE, reason);
        });
        return starter.start(instance, OperationType.ROTATE_CERTIFICATES);
    }
}
