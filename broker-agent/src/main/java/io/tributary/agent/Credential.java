package io.tributary.agent;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * This host's identity after enrollment. The secret never appears in {@link #toString()} or logs.
 * Stored in {@code <home>/credential} (mode 0600) as {@code {"hostId": ..., "credential": ...}}.
 */
record Credential(String hostId, String secret) {

    @Override
    public String toString() {
        return "Credential[hostId=" + hostId + ", secret=<redacted>]";
    }

    String authorizationHeader() {
        return "Bearer " + secret;
    }

    static Optional<Credential> load(AgentPaths paths) throws IOException {
        Optional<String> text = AtomicFiles.readIfExists(paths.credential());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Map<String, Object> map = Json.parseObject(text.get());
            return Optional.of(new Credential(Json.requiredString(map, "hostId"), Json.requiredString(map, "credential")));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(paths.credential() + " is unreadable (" + e.getMessage()
                    + "); remove it and set a new join token to enroll again");
        }
    }

    void save(AgentPaths paths) throws IOException {
        AtomicFiles.writePrivate(paths.credential(), Json.write(Map.of("hostId", hostId, "credential", secret)));
    }
}
