package io.tributary.provisioning.host;

import io.tributary.provisioning.crypto.Tokens;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

/** The control plane's side of the agent API (docs/agent-api.md), free of HTTP. */
public class AgentService {

    private static final Logger log = LoggerFactory.getLogger(AgentService.class);

    private final HostRepository hosts;
    private final JoinTokenRepository joinTokens;
    private final Clock clock;

    public AgentService(HostRepository hosts, JoinTokenRepository joinTokens, Clock clock) {
        this.hosts = hosts;
        this.joinTokens = joinTokens;
        this.clock = clock;
    }

    public record Enrollment(UUID hostId, String credential) {
    }

    /**
     * Exchanges a one-time join token for a host credential; empty when the token is unknown, used, expired or
     * belongs to a host that already enrolled.
     */
    @Transactional
    public Optional<Enrollment> enroll(String joinToken, String availabilityZone, String address) {
        if (joinToken == null || joinToken.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = Tokens.sha256(joinToken);
        // both look-ups lock the row they find, so of two enrollments with one token only the first succeeds
        Optional<Host> host = hosts.lockByJoinTokenHash(hash)
                .filter(h -> h.getStatus() != HostStatus.REMOVED)
                .filter(h -> h.getCredentialHash() == null)
                .filter(h -> h.getJoinTokenExpiresAt() == null || h.getJoinTokenExpiresAt().isAfter(now))
                .or(() -> joinTokens.lockByTokenHash(hash)
                        .filter(t -> t.usable(now))
                        .map(t -> {
                            t.use(now);
                            joinTokens.save(t);
                            Host h = new Host(UUID.randomUUID(), Host.POOL, t.getAvailabilityZone(), HostStatus.READY, now);
                            return hosts.save(h);
                        }));
        return host.map(h -> {
            String credential = Tokens.newToken("trba_");
            h.enrolled(Tokens.sha256(credential), address, now);
            hosts.save(h);
            log.info("host {} enrolled (provider {}, zone {})", h.getId(), h.getProvider(), h.getAvailabilityZone());
            return new Enrollment(h.getId(), credential);
        });
    }

    /** The host a credential belongs to, if it is still valid. */
    @Transactional(readOnly = true)
    public Optional<Host> authenticate(String credential) {
        if (credential == null || credential.isBlank()) {
            return Optional.empty();
        }
        return hosts.findByCredentialHash(Tokens.sha256(credential)).filter(h -> h.getStatus() != HostStatus.REMOVED);
    }

    /** @param wiped the agent's {@code wiped} field: the nonce of the last wipe it finished, or {@code null} */
    @Transactional
    public void observed(UUID hostId, String observedJson, long generation, String brokerStatus, String wiped) {
        hosts.findById(hostId).ifPresent(h -> {
            boolean wasReleasing = h.getStatus() == HostStatus.RELEASING;
            h.observed(observedJson, generation, brokerStatus, wiped, clock.instant());
            hosts.save(h);
            if (wasReleasing && h.getStatus() == HostStatus.READY) {
                log.info("host {} wiped by its agent; free again", h.getId());
            }
        });
    }
}
