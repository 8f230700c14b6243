package io.tributary.api.kafkauser;

import static io.tributary.api.kafka.KafkaCalls.await;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.api.generated.model.AclCreateDto;
import io.tributary.api.generated.model.AclDto;
import io.tributary.api.generated.model.AclOperationDto;
import io.tributary.api.generated.model.AclPatternTypeDto;
import io.tributary.api.generated.model.AclPermissionDto;
import io.tributary.api.generated.model.AclResourceTypeDto;
import io.tributary.api.generated.model.TopicGrantDto;
import io.tributary.api.kafka.InstanceKafka;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.kafkauser.KafkaUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.springframework.stereotype.Service;

/** Kafka ACLs of an instance, kept by the brokers themselves (the Admin API); nothing is stored here. */
@Service
class AclService {

    static final String CLUSTER_NAME = "kafka-cluster";
    private final InstanceKafka kafka;

    AclService(InstanceKafka kafka) {
        this.kafka = kafka;
    }

    List<AclDto> list(UUID project, UUID instanceId, String principal, AclResourceTypeDto type, String name) {
        Instance instance = kafka.serving(project, instanceId);
        return await(kafka.admin(instance).describeAcls(AclBindingFilter.ANY).values()).stream()
                .filter(b -> principal == null || b.entry().principal().equals(principal))
                .filter(b -> type == null || b.pattern().resourceType().name().equals(type.getValue()))
                .filter(b -> name == null || b.pattern().name().equals(name))
                .sorted(Comparator.comparing((AclBinding b) -> b.pattern().resourceType().name())
                        .thenComparing(b -> b.pattern().name()).thenComparing(b -> b.entry().principal())
                        .thenComparing(b -> b.entry().operation().name()))
                .map(AclService::dto).toList();
    }

    AclDto get(UUID project, UUID instanceId, String id) {
        Instance instance = kafka.serving(project, instanceId);
        AclBinding binding = AclId.parse(id).orElseThrow(() -> ApiException.notFound("ACL " + id));
        if (await(kafka.admin(instance).describeAcls(binding.toFilter()).values()).isEmpty()) {
            throw ApiException.notFound("ACL " + id);
        }
        return dto(binding);
    }

    AclDto create(UUID project, UUID instanceId, AclCreateDto acl) {
        Instance instance = kafka.serving(project, instanceId);
        AclBinding binding = binding(acl);
        await(kafka.admin(instance).createAcls(List.of(binding)).all());
        return dto(binding);
    }

    void delete(UUID project, UUID instanceId, String id) {
        Instance instance = kafka.serving(project, instanceId);
        AclBinding binding = AclId.parse(id).orElseThrow(() -> ApiException.notFound("ACL " + id));
        var deleted = await(kafka.admin(instance).deleteAcls(List.of(binding.toFilter())).all());
        if (deleted.isEmpty()) {
            throw ApiException.notFound("ACL " + id);
        }
    }

    /** The DMS shortcut: the ACLs that let a user publish to and/or subscribe to a topic (or prefix). */
    List<AclDto> grant(UUID project, UUID instanceId, TopicGrantDto grant) {
        Instance instance = kafka.serving(project, instanceId);
        List<AclBinding> bindings = TopicGrants.bindings(grant);
        await(kafka.admin(instance).createAcls(bindings).all());
        return bindings.stream().map(AclService::dto).toList();
    }

    static AclBinding binding(AclCreateDto acl) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!acl.getPrincipal().startsWith("User:") || acl.getPrincipal().length() <= "User:".length()) {
            problems.add(new FieldProblem("principal", "must be User:<name> or User:*"));
        } else if (KafkaUser.isPlatformUser(acl.getPrincipal().substring("User:".length()))) {
            problems.add(new FieldProblem("principal", "names a user reserved by Tributary"));
        }
        String host = acl.getHost() == null ? "*" : acl.getHost();
        if (!host.equals("*") && !host.matches("[0-9A-Fa-f:.]{2,45}")) {
            problems.add(new FieldProblem("host", "must be an IP address or *"));
        }
        ResourceType type = ResourceType.valueOf(acl.getResourceType().getValue());
        PatternType pattern = acl.getPatternType() == null ? PatternType.LITERAL
                : PatternType.valueOf(acl.getPatternType().getValue());
        if (type == ResourceType.CLUSTER && (!acl.getResourceName().equals(CLUSTER_NAME) || pattern != PatternType.LITERAL)) {
            problems.add(new FieldProblem("resourceName", "a CLUSTER ACL names the literal resource " + CLUSTER_NAME));
        }
        if (pattern == PatternType.PREFIXED && acl.getResourceName().equals("*")) {
            problems.add(new FieldProblem("resourceName", "* is a LITERAL name meaning every resource"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new AclBinding(new ResourcePattern(type, acl.getResourceName(), pattern),
                new AccessControlEntry(acl.getPrincipal(), host, AclOperation.valueOf(acl.getOperation().getValue()),
                        AclPermissionType.valueOf(acl.getPermission().getValue())));
    }

    static AclDto dto(AclBinding b) {
        return new AclDto().id(AclId.of(b))
                .resourceType(AclResourceTypeDto.fromValue(b.pattern().resourceType().name()))
                .resourceName(b.pattern().name())
                .patternType(AclPatternTypeDto.fromValue(b.pattern().patternType().name()))
                .principal(b.entry().principal()).host(b.entry().host())
                .operation(AclOperationDto.fromValue(b.entry().operation().name()))
                .permission(AclPermissionDto.fromValue(b.entry().permissionType().name()));
    }
}
