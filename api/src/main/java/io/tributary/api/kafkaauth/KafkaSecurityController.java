package io.tributary.api.kafkaauth;

import io.tributary.api.audit.AuditContext;
import io.tributary.api.error.ApiException;
import io.tributary.api.generated.SecurityApi;
import io.tributary.api.generated.model.AclCreateDto;
import io.tributary.api.generated.model.AclDto;
import io.tributary.api.generated.model.AclResourceTypeDto;
import io.tributary.api.generated.model.InstanceDto;
import io.tributary.api.generated.model.KafkaPasswordResetDto;
import io.tributary.api.generated.model.KafkaUserCreateDto;
import io.tributary.api.generated.model.KafkaUserCredentialsDto;
import io.tributary.api.generated.model.KafkaUserDto;
import io.tributary.api.generated.model.NetworkSpecDto;
import io.tributary.api.generated.model.OperationDto;
import io.tributary.api.generated.model.TopicGrantDto;
import io.tributary.api.instance.NetworkRulesService;
import io.tributary.api.kafka.InstanceKafka;
import io.tributary.api.operation.OperationMapper;
import io.tributary.provisioning.instance.Instance;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** SASL users, ACLs, network rules and the CA certificate. Access is checked by ProjectAccessInterceptor. */
@RestController
class KafkaSecurityController implements SecurityApi {

    static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

    private final KafkaUserService users;
    private final AclService acls;
    private final NetworkRulesService networkRules;
    private final InstanceKafka kafka;
    private final CertificateRotationService rotations;
    private final AuditContext audit;

    KafkaSecurityController(KafkaUserService users, AclService acls, NetworkRulesService networkRules,
                            InstanceKafka kafka, CertificateRotationService rotations, AuditContext audit) {
        this.users = users;
        this.acls = acls;
        this.networkRules = networkRules;
        this.kafka = kafka;
        this.rotations = rotations;
        this.audit = audit;
    }

    @Override
    public ResponseEntity<OperationDto> rotateInstanceCertificates(UUID project, UUID instance) {
        audit.resource(instance.toString());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(OperationMapper.toDto(rotations.rotate(project, instance)));
    }

    @Override
    public ResponseEntity<String> getInstanceCaCertificate(UUID project, UUID instance) {
        Instance i = kafka.visible(project, instance);
        if (i.getCaCertificate() == null) {
            throw ApiException.notFound("CA certificate of instance " + instance + " (it is made during creation)");
        }
        return ResponseEntity.ok().contentType(PEM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(i.getName() + "-ca.pem", StandardCharsets.UTF_8).build().toString())
                .body(i.getCaCertificate());
    }

    @Override
    public ResponseEntity<InstanceDto> replaceNetworkRules(UUID project, UUID instance, NetworkSpecDto body) {
        audit.resource(instance.toString());
        return ResponseEntity.ok(networkRules.replace(project, instance, body.getAllowedCidrs()));
    }

    @Override
    public ResponseEntity<List<KafkaUserDto>> listKafkaUsers(UUID project, UUID instance) {
        return ResponseEntity.ok(users.list(project, instance));
    }

    @Override
    public ResponseEntity<KafkaUserDto> getKafkaUser(UUID project, UUID instance, String username) {
        return ResponseEntity.ok(users.get(project, instance, username));
    }

    @Override
    public ResponseEntity<KafkaUserCredentialsDto> createKafkaUser(UUID project, UUID instance, KafkaUserCreateDto body) {
        audit.resource(instance + "/users/" + body.getName());
        KafkaUserCredentialsDto created = users.create(project, instance, body.getName(), body.getPassword());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project + "/instances/" + instance + "/users/"
                + UriUtils.encodePathSegment(created.getName(), StandardCharsets.UTF_8))).body(created);
    }

    @Override
    public ResponseEntity<KafkaUserCredentialsDto> resetKafkaUserPassword(UUID project, UUID instance, String username,
                                                                          KafkaPasswordResetDto body) {
        audit.resource(instance + "/users/" + username);
        return ResponseEntity.ok(users.resetPassword(project, instance, username, body.getPassword()));
    }

    @Override
    public ResponseEntity<Void> deleteKafkaUser(UUID project, UUID instance, String username) {
        audit.resource(instance + "/users/" + username);
        users.delete(project, instance, username);
        return ResponseEntity.noContent().build();
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
