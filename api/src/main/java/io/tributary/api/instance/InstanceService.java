package io.tributary.api.instance;

import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import io.tributary.api.generated.model.InstanceCreateDto;
import io.tributary.api.generated.model.InstanceUpdateDto;
import io.tributary.provisioning.ProvisioningProperties;
import io.tributary.provisioning.crypto.SecretCipher;
import io.tributary.provisioning.desired.DesiredStateWriter;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.instance.InstanceStatus;
import io.tributary.provisioning.json.JsonText;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.operation.OperationStarter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Orders, changes and deletions of instances; the reconciler does the work they start. */
@Service
class InstanceService {

    private final InstanceRepository instances;
    private final OperationStarter starter;
    private final InstanceOrderValidator validator;
    private final SecretCipher cipher;
    private final ProvisioningProperties provisioning;
    private final DesiredStateWriter desiredStates;
    private final InstanceChanges changes;
    private final Clock clock;
    private final int instancesPerProject;

    InstanceService(InstanceRepository instances, OperationStarter starter, InstanceOrderValidator validator,
                    SecretCipher cipher, ProvisioningProperties provisioning, DesiredStateWriter desiredStates,
                    InstanceChanges changes, Clock clock,
                    @org.springframework.beans.factory.annotation.Value("${tributary.quota.instances-per-project:20}")
                    int instancesPerProject) {
        this.instances = instances;
        this.starter = starter;
        this.validator = validator;
        this.cipher = cipher;
        this.provisioning = provisioning;
        this.desiredStates = desiredStates;
        this.changes = changes;
        this.clock = clock;
        this.instancesPerProject = instancesPerProject;
    }

    record Accepted(Instance instance, Operation operation) {
    }

    /** A changed instance, and the operation that applies the change when one has to ({@code null}: applied). */
    record Changed(Instance instance, Operation operation) {
    }

    @Transactional
    Accepted order(UUID projectId, InstanceCreateDto order) {
        validator.validate(order);
        if (instances.nameTaken(projectId, order.getName())) {
            throw nameTaken(order.getName());
        }
        if (instances.countLive(projectId) >= instancesPerProject) {
            throw new ApiException(ErrorCode.QUOTA_EXCEEDED, "a project may have " + instancesPerProject
                    + " instances; delete one or ask the platform team for a higher quota");
        }
        Instance instance = new Instance(UUID.randomUUID(), projectId, order.getName(), clock.instant());
        InstanceOrderMapping.apply(order, instance, provisioning.defaultKafkaVersion(), cipher);
        Operation operation;
        try {
            operation = starter.create(instance);
        } catch (DataIntegrityViolationException raced) {
            throw nameTaken(order.getName());
        }
        return new Accepted(instance, operation);
    }

    @Transactional(readOnly = true)
    Page<Instance> list(UUID projectId, int page, int size, InstanceStatus status, String tag, String q) {
        String nameLike = q == null || q.isBlank() ? null : "%" + likeEscape(q.toLowerCase()) + "%";
        String tagLike = null;
        if (tag != null && !tag.isBlank()) {
            int eq = tag.indexOf('=');
            tagLike = eq < 0 ? "%" + JsonText.write(tag) + ":%"
                    : "%" + JsonText.write(tag.substring(0, eq)) + ":" + JsonText.write(tag.substring(eq + 1)) + "%";
        }
        return instances.search(projectId, status, nameLike, tagLike, PageRequest.of(page, size));
    }

    @Transactional(readOnly = true)
    Instance get(UUID projectId, UUID id) {
        return instances.findLive(projectId, id).orElseThrow(() -> ApiException.notFound("instance " + id));
    }

    @Transactional
    Changed update(UUID projectId, UUID id, InstanceUpdateDto change) {
        Instance instance = getForUpdate(projectId, id);
        if (instance.getStatus() == InstanceStatus.DELETING) {
            throw new ApiException(ErrorCode.INVALID_STATE, "the instance is being deleted");
        }
        List<FieldProblem> problems = new ArrayList<>();
        InstanceOrderValidator.checkName(change.getName(), problems);
        InstanceOrderValidator.checkTags(change.getTags(), problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        if (change.getName() != null && !change.getName().equals(instance.getName())) {
            if (instances.nameTaken(projectId, change.getName())) {
                throw nameTaken(change.getName());
            }
            instance.setName(change.getName());
        }
        if (change.getDescription() != null) {
            instance.setDescription(change.getDescription());
        }
        if (change.getTags() != null) {
            instance.setTags(change.getTags());
        }
        InstanceChanges.Applied applied = changes.apply(instance, change);
        instance.touch(clock.instant());
        if (applied.rewriteDesiredState()) {
            desiredStates.writeAfterCommit(instance.getId());
        }
        try {
            return new Changed(instances.saveAndFlush(instance), applied.operation());
        } catch (DataIntegrityViolationException raced) {
            throw nameTaken(change.getName());
        }
    }

    /**
     * DELETING cancels unfinished work and starts the deletion; asking again returns the same deletion
     * while it is pending, running or done, and starts a new one when it failed (a deletion is always
     * retryable: an instance never stays DELETING for good).
     */
    @Transactional
    Accepted delete(UUID projectId, UUID id) {
        Instance instance = getForUpdate(projectId, id);
        if (instance.isDeletionProtection() && instance.getStatus() != InstanceStatus.DELETING) {
            throw new ApiException(ErrorCode.DELETION_PROTECTED, "instance " + id
                    + " is protected from deletion; turn deletionProtection off first (PATCH {\"deletionProtection\": false})");
        }
        Operation operation = starter.delete(instance);
        return new Accepted(instance, operation);
    }

    /**
     * The instance, its row locked until the transaction ends: a change waits for a reconciler's write to the instance
     * instead of failing on it, and the reconciler's next write sees the change.
     */
    private Instance getForUpdate(UUID projectId, UUID id) {
        return instances.findLiveForUpdate(projectId, id).orElseThrow(() -> ApiException.notFound("instance " + id));
    }

    private static ApiException nameTaken(String name) {
        return new ApiException(ErrorCode.NAME_TAKEN, "an instance named '" + name + "' already exists in this project",
                List.of(new FieldProblem("name", "is already taken in this project")));
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
