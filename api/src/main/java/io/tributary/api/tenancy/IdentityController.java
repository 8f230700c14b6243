package io.tributary.api.tenancy;

import io.tributary.api.generated.IdentityApi;
import io.tributary.api.generated.model.ApiKeyCreateDto;
import io.tributary.api.generated.model.ApiKeyCreatedDto;
import io.tributary.api.generated.model.ApiKeyDto;
import io.tributary.api.generated.model.CurrentUserDto;
import io.tributary.api.generated.model.MembershipDto;
import io.tributary.api.generated.model.RoleDto;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IdentityController implements IdentityApi {

    private final CurrentCaller caller;
    private final ApiKeyService apiKeys;
    private final ProjectRepository projects;
    private final ProjectMemberRepository members;

    IdentityController(CurrentCaller caller, ApiKeyService apiKeys, ProjectRepository projects,
                       ProjectMemberRepository members) {
        this.caller = caller;
        this.apiKeys = apiKeys;
        this.projects = projects;
        this.members = members;
    }

    @Override
    @Transactional(readOnly = true)
    public ResponseEntity<CurrentUserDto> getCurrentUser() {
        Caller me = caller.get();
        List<MembershipDto> memberships = members.findByUserId(me.userId()).stream()
                .map(m -> projects.findById(m.getProjectId()).map(p -> new MembershipDto()
                        .projectId(p.getId()).projectName(p.getName()).role(RoleDto.fromValue(m.getRole().name()))))
                .flatMap(java.util.Optional::stream)
                .toList();
        return ResponseEntity.ok(new CurrentUserDto().id(me.userId()).username(me.username())
                .platformAdmin(me.platformAdmin()).memberships(memberships));
    }

    @Override
    public ResponseEntity<List<ApiKeyDto>> listApiKeys() {
        return ResponseEntity.ok(apiKeys.list(caller.get().userId()).stream().map(IdentityController::toDto).toList());
    }

    @Override
    public ResponseEntity<ApiKeyCreatedDto> createApiKey(ApiKeyCreateDto body) {
        ApiKeyService.Created created = apiKeys.create(caller.get().userId(), body.getName().trim());
        ApiKey key = created.key();
        return ResponseEntity.status(HttpStatus.CREATED).body(new ApiKeyCreatedDto()
                .id(key.getId()).name(key.getName()).prefix(key.getPrefix())
                .createdAt(key.getCreatedAt().atOffset(ZoneOffset.UTC)).token(created.token()));
    }

    @Override
    public ResponseEntity<Void> revokeApiKey(UUID keyId) {
        apiKeys.revoke(caller.get().userId(), keyId);
        return ResponseEntity.noContent().build();
    }

    private static ApiKeyDto toDto(ApiKey key) {
        return new ApiKeyDto().id(key.getId()).name(key.getName()).prefix(key.getPrefix())
                .createdAt(key.getCreatedAt().atOffset(ZoneOffset.UTC))
                .lastUsedAt(key.getLastUsedAt() == null ? null : key.getLastUsedAt().atOffset(ZoneOffset.UTC));
    }
}
