package io.tributary.api.instance;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.api.error.ErrorCode;
import io.tributary.api.generated.model.InstanceDto;
import io.tributary.provisioning.desired.DesiredStateWriter;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.instance.InstanceStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client-network allow-list of an instance. The brokers' authorizer enforces it from a file the agents
 * write from their desired state, so a change reaches every broker within seconds and restarts none.
 */
@Service
class NetworkRulesService {

    private final InstanceRepository instances;
    private final InstanceMapper mapper;
    private final DesiredStateWriter desiredStates;
    private final Clock clock;

    NetworkRulesService(InstanceRepository instances, InstanceMapper mapper, DesiredStateWriter desiredStates, Clock clock) {
        this.instances = instances;
        this.mapper = mapper;
        this.desiredStates = desiredStates;
        this.clock = clock;
    }

    @Transactional
    InstanceDto replace(UUID project, UUID id, List<String> cidrs) {
        Instance instance = instances.findLive(project, id).orElseThrow(() -> ApiException.notFound("instance " + id));
        if (instance.getStatus() == InstanceStatus.DELETING) {
            throw new ApiException(ErrorCode.INVALID_STATE, "the instance is being deleted");
        }
        List<String> rules = cidrs == null ? List.of() : cidrs;
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            if (!Cidr.isValid(rules.get(i))) {
                problems.add(new FieldProblem("allowedCidrs[" + i + "]",
                        "'" + rules.get(i) + "' is not a CIDR block such as 10.0.0.0/16"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        instance.setAllowedCidrs(rules.stream().distinct().toList());
        instance.touch(clock.instant());
        instances.saveAndFlush(instance);
        desiredStates.writeAfterCommit(instance.getId());
        return mapper.toDto(instance);
    }
}
