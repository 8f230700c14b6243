package io.tributary.api.kafkauser;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.api.generated.model.TopicGrantDto;
import io.tributary.api.generated.model.TopicAccessDto;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import io.tributary.provisioning.kafkauser.KafkaUser;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What PUBLISH, SUBSCRIBE and ALL on a topic mean in Kafka ACLs: producing needs WRITE and DESCRIBE on the
 * topic (WRITE also allows idempotent producing since Kafka 3.0); consuming needs READ and DESCRIBE on the
 * topic and READ on the consumer group.
 */
final class TopicGrants {

    private TopicGrants() {
    }

    static List<AclBinding> bindings(TopicGrantDto grant) {
        if (!KafkaUserService.NAME.matcher(grant.getUsername()).matches() && !grant.getUsername().equals("*")) {
            throw ApiException.invalid(List.of(new FieldProblem("username", "is not a user name")));
        }
        if (KafkaUser.isPlatformUser(grant.getUsername())) {
            throw ApiException.invalid(List.of(new FieldProblem("username", "names a user reserved by Tributary")));
        }
        String principal = "User:" + grant.getUsername();
        PatternType pattern = Boolean.TRUE.equals(grant.getPrefixed()) ? PatternType.PREFIXED : PatternType.LITERAL;
        ResourcePattern topic = new ResourcePattern(ResourceType.TOPIC, grant.getTopic(), pattern);
        List<AclBinding> out = new ArrayList<>();
        boolean publish = grant.getAccess() != TopicAccessDto.SUBSCRIBE;
        boolean subscribe = grant.getAccess() != TopicAccessDto.PUBLISH;
        if (publish) {
            out.add(allow(topic, principal, AclOperation.WRITE));
        }
        if (subscribe) {
            out.add(allow(topic, principal, AclOperation.READ));
        }
        out.add(allow(topic, principal, AclOperation.DESCRIBE));
        if (subscribe) {
            String group = grant.getGroup() == null || grant.getGroup().isBlank() ? "*" : grant.getGroup();
            out.add(allow(new ResourcePattern(ResourceType.GROUP, group, PatternType.LITERAL), principal, AclOperation.READ));
        }
        return out;
    }

    private static AclBinding allow(ResourcePattern resource, String principal, AclOperation operation) {
        return new AclBinding(resource, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
