package io.tributary.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This host's credential: the stored one, or a new one from enrolling with the join token (retried with backoff
 * while the control plane cannot be reached). The token is of no use once a credential exists, so it is consumed
 * either way.
 */
final class Enrollment {

    private static final Logger log = LoggerFactory.getLogger(Enrollment.class);

    private final AgentConfig config;
    private final AgentPaths paths;
    private final ControlPlaneClient client;
    private final String agentVersion;

    Enrollment(AgentConfig config, AgentPaths paths, ControlPlaneClient client, String agentVersion) {
        this.config = config;
        this.paths = paths;
        this.client = client;
        this.agentVersion = agentVersion;
    }

    /** @throws ConfigException when there is no credential and no join token, or the control plane rejects the token */
    Credential loadOrEnroll() throws IOException, InterruptedException {
        Optional<Credential> stored = Credential.load(paths);
        JoinTokenSource joinToken = config.joinToken();
        if (stored.isPresent()) {
            log.info("Using the stored credential of host {}", stored.get().hostId());
            joinToken.consumed(); // a token left over from an earlier start is of no use any more
            return stored.get();
        }
        String token = joinToken.read().orElseThrow(() -> new ConfigException(AgentConfigs.JOIN_TOKEN_FILE_CONFIG
                + " or " + AgentConfigs.JOIN_TOKEN_CONFIG + " is required: this host has no credential at "
                + paths.credential() + " yet"));
        Backoff backoff = new Backoff(Duration.ofSeconds(1), ControlPlaneClient.MAX_BACKOFF);
        while (true) {
            try {
                Credential enrolled = client.enroll(token, hostname(), config.availabilityZone(), config.address(),
                        agentVersion);
                enrolled.save(paths);
                joinToken.consumed();
                log.info("Enrolled as host {} in {}", enrolled.hostId(), config.availabilityZone());
                return enrolled;
            } catch (ControlPlaneClient.UnauthorizedException e) {
                joinToken.consumed();
                throw new ConfigException("The control plane rejected the join token (401: used, expired or unknown);"
                        + " set a new " + AgentConfigs.JOIN_TOKEN_FILE_CONFIG);
            } catch (IOException e) {
                Duration delay = backoff.next();
                log.warn("Cannot enroll at {} ({}); retrying in {}", config.controlPlaneUrl(), e.toString(), delay);
                Thread.sleep(delay.toMillis());
            }
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown");
        }
    }
}
