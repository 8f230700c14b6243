package io.tributary.agent;

import static io.tributary.agent.AgentConfigs.*;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The agent's validated settings. Built once at start from the environment and system properties;
 * every problem is reported at once in one {@link ConfigException}.
 */
public record AgentConfig(
        URI controlPlaneUrl,
        Optional<Path> controlPlaneCa,
        Path home,
        JoinTokenSource joinToken,
        String availabilityZone,
        String address,
        Path kafkaDist,
        Duration pollInterval,
        Duration reportInterval,
        Duration brokerStopTimeout) {

    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    public String toString() { // never print the join token
        return "AgentConfig[controlPlaneUrl=" + controlPlaneUrl + ", controlPlaneCa=" + controlPlaneCa.orElse(null)
                + ", home=" + home + ", joinToken=" + joinToken + ", availabilityZone=" + availabilityZone
                + ", address=" + address + ", kafkaDist=" + kafkaDist + ", pollInterval=" + pollInterval
                + ", reportInterval=" + reportInterval + ", brokerStopTimeout=" + brokerStopTimeout + "]";
    }

    /**
     * @param env              the process environment
     * @param systemProperties JVM system properties; they win over {@code env}
     * @param distribution     the agent's distribution directory (holds {@code kafka/} by default)
     */
    public static AgentConfig from(Map<String, String> env, Properties systemProperties, Path distribution) {
        Source source = new Source(env, systemProperties);
        List<String> problems = new ArrayList<>();

        URI url = parseUrl(source, problems);
        Optional<Path> ca = source.get(CONTROL_PLANE_CA_CONFIG).filter(v -> !v.isBlank())
                .map(v -> Path.of(v).toAbsolutePath().normalize());
        if (ca.isPresent() && !Files.isReadable(ca.get())) {
            problems.add(CONTROL_PLANE_CA_CONFIG + "=" + ca.get() + " is not a readable file");
        }
        Path home = parsePath(source, AGENT_HOME_CONFIG, null, problems);
        Optional<Path> joinTokenFile = Optional.ofNullable(source.get(JOIN_TOKEN_FILE_CONFIG).isPresent()
                ? parsePath(source, JOIN_TOKEN_FILE_CONFIG, null, problems) : null);
        JoinTokenSource joinToken = new JoinTokenSource(joinTokenFile, source.get(JOIN_TOKEN_CONFIG));
        String zone = source.get(AGENT_AZ_CONFIG).orElse(AGENT_AZ_DEFAULT);
        if (!ZONE.matcher(zone).matches()) {
            problems.add(AGENT_AZ_CONFIG + "='" + zone + "' must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        String address = source.get(AGENT_ADDRESS_CONFIG).orElse(AGENT_ADDRESS_DEFAULT);
        if (address.isBlank() || address.chars().anyMatch(Character::isWhitespace)) {
            problems.add(AGENT_ADDRESS_CONFIG + "='" + address + "' must be a host name or IP address");
        }
        Path kafkaDist = parsePath(source, KAFKA_DIST_CONFIG, distribution.resolve("kafka"), problems);
        if (kafkaDist != null && !Files.isDirectory(kafkaDist)) {
            problems.add(KAFKA_DIST_CONFIG + "=" + kafkaDist + " is not a directory (it must hold <kafkaVersion>/libs/)");
        }
        Duration poll = parseMillis(source, POLL_MS_CONFIG, POLL_MS_DEFAULT, problems);
        Duration report = parseMillis(source, REPORT_MS_CONFIG, REPORT_MS_DEFAULT, problems);
        Duration stop = parseMillis(source, BROKER_STOP_TIMEOUT_MS_CONFIG, BROKER_STOP_TIMEOUT_MS_DEFAULT, problems);

        if (!problems.isEmpty()) {
            throw new ConfigException("Invalid broker-agent configuration:\n  - " + String.join("\n  - ", problems)
                    + "\nRun with --help to list the settings.");
        }
        return new AgentConfig(url, ca, home, joinToken, zone, address, kafkaDist, poll, report, stop);
    }

    private static URI parseUrl(Source source, List<String> problems) {
        Optional<String> raw = source.get(CONTROL_PLANE_URL_CONFIG);
        if (raw.isEmpty()) {
            problems.add(CONTROL_PLANE_URL_CONFIG + " is required: " + CONTROL_PLANE_URL_DOC);
            return null;
        }
        String value = raw.get().replaceAll("/+$", "");
        try {
            URI uri = URI.create(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                problems.add(CONTROL_PLANE_URL_CONFIG + "='" + raw.get() + "' must be an absolute http(s) URL");
                return null;
            }
            return uri;
        } catch (IllegalArgumentException e) {
            problems.add(CONTROL_PLANE_URL_CONFIG + "='" + raw.get() + "' is not a URL: " + e.getMessage());
            return null;
        }
    }

    private static Path parsePath(Source source, String name, Path fallback, List<String> problems) {
        Optional<String> raw = source.get(name);
        if (raw.isEmpty()) {
            if (fallback == null) {
                problems.add(name + " is required");
            }
            return fallback == null ? null : fallback.toAbsolutePath().normalize();
        }
        try {
            return Path.of(raw.get()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            problems.add(name + "='" + raw.get() + "' is not a valid path: " + e.getMessage());
            return null;
        }
    }

    private static Duration parseMillis(Source source, String name, long fallback, List<String> problems) {
        Optional<String> raw = source.get(name);
        if (raw.isEmpty()) {
            return Duration.ofMillis(fallback);
        }
        try {
            long value = Long.parseLong(raw.get().trim());
            if (value <= 0) {
                problems.add(name + "=" + raw.get() + " must be a positive number of milliseconds");
                return null;
            }
            return Duration.ofMillis(value);
        } catch (NumberFormatException e) {
            problems.add(name + "='" + raw.get() + "' is not a number of milliseconds");
            return null;
        }
    }

    /** Looks a setting up as a system property first, then in the environment; blank counts as unset. */
    private record Source(Map<String, String> env, Properties systemProperties) {
        Optional<String> get(String envName) {
            String value = systemProperties.getProperty(systemPropertyName(envName));
            if (value == null || value.isBlank()) {
                value = env.get(envName);
            }
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
        }
    }
}
