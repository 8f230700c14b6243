package io.tributary.provisioning.host;

import io.tributary.provisioning.crypto.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform team's pool of broker hosts: a host is registered with a join token of its own (valid a day), or an
 * agent enrolls with a zone's join token; a host leaves the pool only when no broker runs on it. Tokens are returned
 * once, here, and stored only as hashes.
 */
public class HostPool {

    static final Duration HOST_TOKEN_TTL = Duration.ofDays(1);
    static final Duration JOIN_TOKEN_TTL = Duration.ofMinutes(60);
    private static final String TOKEN_PREFIX = "trbj_";

    private final HostRepository hosts;
    private final JoinTokenRepository joinTokens;
    private final List<String> zones;
    private final TransactionTemplate tx;
    private final Clock clock;

    public HostPool(HostRepository hosts, JoinTokenRepository joinTokens, List<String> zones, TransactionTemplate tx,
                    Clock clock) {
        this.hosts = hosts;
        this.joinTokens = joinTokens;
        this.zones = List.copyOf(zones);
        this.tx = tx;
        this.clock = clock;
    }

    /** A registered host and the join token its agent enrolls with. */
    public record Registered(Host host, String joinToken) {
    }

    /** A zone's join token and its secret. */
    public record Issued(JoinToken joinToken, String token) {
    }

    /** A zone the control plane does not place brokers in. */
    public static final class UnknownZoneException extends IllegalArgumentException {
        UnknownZoneException(String zone, List<String> known) {
            super("unknown zone '" + zone + "'; known: " + known);
        }
    }

    /** A host still runs a broker. */
    public static final class HostInUseException extends IllegalStateException {
        HostInUseException(Host host) {
            super("the host runs broker " + host.getNodeId() + " of instance " + host.getInstanceId()
                    + "; delete or move that instance first");
        }
    }

    public List<Host> live() {
        return hosts.findAllLive();
    }

    /** Registers a pool host in {@code zone}, waiting for its agent to enroll with the returned token. */
    public Registered register(String zone) {
        checkZone(zone);
        String token = Tokens.newToken(TOKEN_PREFIX);
        Instant now = clock.instant();
        Host host = new Host(UUID.randomUUID(), Host.POOL, zone, HostStatus.PROVISIONING, now);
        host.issueJoinToken(Tokens.sha256(token), now.plus(HOST_TOKEN_TTL));
        tx.executeWithoutResult(s -> hosts.save(host));
        return new Registered(host, token);
    }

    /** A single-use token any new agent of {@code zone} may enroll with, for {@code ttl} (null: an hour). */
    public Issued issueJoinToken(String zone, Duration ttl) {
        checkZone(zone);
        String token = Tokens.newToken(TOKEN_PREFIX);
        Instant now = clock.instant();
        JoinToken saved = tx.execute(s -> joinTokens.save(new JoinToken(UUID.randomUUID(), Tokens.sha256(token), zone,
                now.plus(ttl == null ? JOIN_TOKEN_TTL : ttl), now)));
        return new Issued(saved, token);
    }

    /**
     * Takes a host out of the pool; false when there is no such host (or it was removed already).
     *
     * @throws HostInUseException when a broker runs on it
     */
    public boolean remove(UUID hostId) {
        Boolean removed = tx.execute(s -> {
            Host host = hosts.findById(hostId).filter(h -> h.getStatus() != HostStatus.REMOVED).orElse(null);
            if (host == null) {
                return false;
            }
            if (host.getInstanceId() != null) {
                throw new HostInUseException(host);
            }
            host.remove(clock.instant());
            hosts.save(host);
            return true;
        });
        return Boolean.TRUE.equals(removed);
    }

    private void checkZone(String zone) {
        if (!zones.contains(zone)) {
            throw new UnknownZoneException(zone, zones);
        }
    }
}
