package io.tributary.api.admin;

import io.tributary.provisioning.tls.AgentTls;
import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import io.tributary.api.generated.AdminApi;
import io.tributary.api.generated.model.HostCreateDto;
import io.tributary.api.generated.model.HostDto;
import io.tributary.api.generated.model.HostRegisteredDto;
import io.tributary.api.generated.model.HostStatusDto;
import io.tributary.api.generated.model.JoinTokenCreateDto;
import io.tributary.api.generated.model.JoinTokenDto;
import io.tributary.api.security.ProjectAccess;
import io.tributary.provisioning.ProvisioningProperties;
import io.tributary.provisioning.host.AgentEndpoint;
import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.host.HostRepository;
import io.tributary.provisioning.host.HostStatus;
import io.tributary.provisioning.host.JoinToken;
import io.tributary.provisioning.host.JoinTokenRepository;
import io.tributary.provisioning.crypto.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** Platform administration of broker hosts: the pool and its join tokens. */
@RestController
class HostsAdminController implements AdminApi {

    private static final Duration HOST_TOKEN_TTL = Duration.ofDays(1);

    private final HostRepository hosts;
    private final JoinTokenRepository joinTokens;
    private final ProjectAccess access;
    private final ProvisioningProperties provisioning;
    private final AgentEndpoint agentEndpoint;
    private final AgentTls agentTls;
    private final Clock clock;

    HostsAdminController(HostRepository hosts, JoinTokenRepository joinTokens, ProjectAccess access,
                         ProvisioningProperties provisioning, AgentEndpoint agentEndpoint, AgentTls agentTls, Clock clock) {
        this.hosts = hosts;
        this.joinTokens = joinTokens;
        this.access = access;
        this.provisioning = provisioning;
        this.agentEndpoint = agentEndpoint;
        this.agentTls = agentTls;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ResponseEntity<Void> removeHost(UUID hostId) {
        access.requirePlatformAdmin();
        Host host = hosts.findById(hostId).filter(h -> h.getStatus() != HostStatus.REMOVED)
                .orElseThrow(() -> ApiException.notFound("host " + hostId));
        if (host.getInstanceId() != null) {
            throw new ApiException(ErrorCode.INVALID_STATE, "the host runs broker " + host.getNodeId() + " of instance "
                    + host.getInstanceId() + "; delete or move that instance first");
        }
        host.remove(clock.instant());
        hosts.save(host);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<List<HostDto>> listHosts() {
        access.requirePlatformAdmin();
        return ResponseEntity.ok(hosts.findAllLive().stream().map(HostsAdminController::toDto).toList());
    }

    @Override
    @Transactional
    public ResponseEntity<HostRegisteredDto> registerHost(HostCreateDto body) {
        access.requirePlatformAdmin();
        checkZone(body.getAvailabilityZone());
        String token = Tokens.newToken("trbj_");
        Instant now = clock.instant();
        Host host = new Host(UUID.randomUUID(), Host.POOL, body.getAvailabilityZone(), HostStatus.PROVISIONING, now);
        host.issueJoinToken(Tokens.sha256(token), now.plus(HOST_TOKEN_TTL));
        hosts.save(host);
        return ResponseEntity.status(HttpStatus.CREATED).body(new HostRegisteredDto().host(toDto(host)).joinToken(token)
                .agentApiUrl(agentEndpoint.url()).agentCaCertificate(agentTls.caCertificatePem()));
    }

    @Override
    @Transactional
    public ResponseEntity<JoinTokenDto> createJoinToken(JoinTokenCreateDto body) {
        access.requirePlatformAdmin();
        checkZone(body.getAvailabilityZone());
        String token = Tokens.newToken("trbj_");
        Instant now = clock.instant();
        int ttl = body.getTtlMinutes() == null ? 60 : body.getTtlMinutes();
        JoinToken saved = joinTokens.save(new JoinToken(UUID.randomUUID(), Tokens.sha256(token), body.getAvailabilityZone(),
                now.plus(Duration.ofMinutes(ttl)), now));
        return ResponseEntity.status(HttpStatus.CREATED).body(new JoinTokenDto().token(token)
                .availabilityZone(saved.getAvailabilityZone()).expiresAt(saved.getExpiresAt().atOffset(ZoneOffset.UTC))
                .agentApiUrl(agentEndpoint.url()).agentCaCertificate(agentTls.caCertificatePem()));
    }

    private void checkZone(String zone) {
        if (!provisioning.availabilityZones().contains(zone)) {
            throw ApiException.invalid(List.of(new ApiException.FieldProblem("availabilityZone",
                    "unknown zone '" + zone + "'; known: " + provisioning.availabilityZones())));
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
