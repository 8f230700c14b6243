package io.tributary.api.kafkauser;

import io.tributary.api.audit.AuditContext;
import io.tributary.api.generated.KafkaUsersApi;
import io.tributary.api.generated.model.KafkaPasswordResetDto;
import io.tributary.api.generated.model.KafkaUserCreateDto;
import io.tributary.api.generated.model.KafkaUserCredentialsDto;
import io.tributary.api.generated.model.KafkaUserDto;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** SASL users of an instance and their passwords. Access is checked by ProjectAccessInterceptor. */
@RestController
class KafkaUsersController implements KafkaUsersApi {

    private final KafkaUserService users;
    private final AuditContext audit;

    KafkaUsersController(KafkaUserService users, AuditContext audit) {
        this.users = users;
        this.audit = audit;
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
}
