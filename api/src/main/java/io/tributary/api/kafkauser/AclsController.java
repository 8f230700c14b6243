package io.tributary.api.kafkauser;

import io.tributary.api.audit.AuditContext;
import io.tributary.api.generated.AclsApi;
import io.tributary.api.generated.model.AclCreateDto;
import io.tributary.api.generated.model.AclDto;
import io.tributary.api.generated.model.AclResourceTypeDto;
import io.tributary.api.generated.model.TopicGrantDto;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Kafka ACLs of an instance and the topic grants that add them. Access is checked by ProjectAccessInterceptor. */
@RestController
class AclsController implements AclsApi {

    private final AclService acls;
    private final AuditContext audit;

    AclsController(AclService acls, AuditContext audit) {
        this.acls = acls;
        this.audit = audit;
    }

    @Override
    public ResponseEntity<List<AclDto>> listAcls(UUID project, UUID instance, String principal,
                                                 AclResourceTypeDto resourceType, String resourceName) {
        return ResponseEntity.ok(acls.list(project, instance, principal, resourceType, resourceName));
    }

    @Override
    public ResponseEntity<AclDto> getAcl(UUID project, UUID instance, String aclId) {
        return ResponseEntity.ok(acls.get(project, instance, aclId));
    }

    @Override
    public ResponseEntity<AclDto> createAcl(UUID project, UUID instance, AclCreateDto body) {
        AclDto created = acls.create(project, instance, body);
        audit.resource(instance + "/acls/" + created.getId());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project + "/instances/" + instance + "/acls/"
                + created.getId())).body(created);
    }

    @Override
    public ResponseEntity<Void> deleteAcl(UUID project, UUID instance, String aclId) {
        audit.resource(instance + "/acls/" + aclId);
        acls.delete(project, instance, aclId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<List<AclDto>> grantTopicAccess(UUID project, UUID instance, TopicGrantDto body) {
        audit.resource(instance + "/topics/" + body.getTopic());
        return ResponseEntity.status(HttpStatus.CREATED).body(acls.grant(project, instance, body));
    }
}
