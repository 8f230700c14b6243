package io.tributary.api.admin;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import io.tributary.api.generated.AdminApi;
import io.tributary.api.generated.model.HostCreateDto;
import io.tributary.api.generated.model.HostDto;
import io.tributary.api.generated.model.HostRegisteredDto;
import io.tributary.api.generated.model.HostStatusDto;
import io.tributary.api.generated.model.JoinTokenCreateDto;
import io.tributary.api.generated.model.JoinTokenDto;
import io.tributary.api.tenancy.ProjectAccess;
import io.tributary.provisioning.host.AgentEndpoint;
import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.host.HostPool;
import io.tributary.provisioning.tls.AgentTls;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Platform administration of broker hosts: the pool and its join tokens ({@link HostPool} does the work). */
@RestController
class HostsAdminController implements AdminApi {

    private final HostPool pool;
    private final ProjectAccess access;
    private final AgentEndpoint agentEndpoint;
    private final AgentTls agentTls;

    HostsAdminController(HostPool pool, ProjectAccess access, AgentEndpoint agentEndpoint, AgentTls agentTls) {
        this.pool = pool;
        this.access = access;
        this.agentEndpoint = agentEndpoint;
        this.agentTls = agentTls;
    }

    @Override
    public ResponseEntity<Void> removeHost(UUID hostId) {
        access.requirePlatformAdmin();
        boolean removed;
        try {
            removed = pool.remove(hostId);
        } catch (HostPool.HostInUseException e) {
            throw new ApiException(ErrorCode.INVALID_STATE, e.getMessage());
        }
        if (!removed) {
            throw ApiException.notFound("host " + hostId);
        }
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<List<HostDto>> listHosts() {
        access.requirePlatformAdmin();
        return ResponseEntity.ok(pool.live().stream().map(HostsAdminController::toDto).toList());
    }

    @Override
    public ResponseEntity<HostRegisteredDto> registerHost(HostCreateDto body) {
        access.requirePlatformAdmin();
        HostPool.Registered registered = inZone(() -> pool.register(body.getAvailabilityZone()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new HostRegisteredDto().host(toDto(registered.host()))
                .joinToken(registered.joinToken())
                .agentApiUrl(agentEndpoint.url()).agentCaCertificate(agentTls.caCertificatePem()));
    }

    @Override
    public ResponseEntity<JoinTokenDto> createJoinToken(JoinTokenCreateDto body) {
        access.requirePlatformAdmin();
        Duration ttl = body.getTtlMinutes() == null ? null : Duration.ofMinutes(body.getTtlMinutes());
        HostPool.Issued issued = inZone(() -> pool.issueJoinToken(body.getAvailabilityZone(), ttl));
        return ResponseEntity.status(HttpStatus.CREATED).body(new JoinTokenDto().token(issued.token())
                .availabilityZone(issued.joinToken().getAvailabilityZone())
                .expiresAt(issued.joinToken().getExpiresAt().atOffset(ZoneOffset.UTC))
                .agentApiUrl(agentEndpoint.url()).agentCaCertificate(agentTls.caCertificatePem()));
    }

    /** An unknown zone is a problem of the request's availabilityZone field. */
    private static <T> T inZone(Supplier<T> call) {
        try {
            return call.get();
        } catch (HostPool.UnknownZoneException e) {
            throw ApiException.invalid(List.of(new ApiException.FieldProblem("availabilityZone", e.getMessage())));
        }
    }

    static HostDto toDto(Host h) {
        return new HostDto().id(h.getId()).provider(HostDto.ProviderEnum.fromValue(h.getProvider()))
                .availabilityZone(h.getAvailabilityZone()).address(h.getAddress())
                .status(HostStatusDto.fromValue(h.getStatus().name())).instanceId(h.getInstanceId()).nodeId(h.getNodeId())
                .brokerStatus(h.getBrokerStatus())
                .lastSeenAt(h.getLastSeenAt() == null ? null : h.getLastSeenAt().atOffset(ZoneOffset.UTC))
                .createdAt(h.getCreatedAt().atOffset(ZoneOffset.UTC));
    }
}
