package io.tributary.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the one-time join token comes from: a file ({@code TRIBUTARY_JOIN_TOKEN_FILE}, preferred: it is read
 * once and deleted after enrollment) or a variable ({@code TRIBUTARY_JOIN_TOKEN}, which stays in the agent's
 * {@code /proc/<pid>/environ}, though never in the broker's). Either way the agent forgets the token once it
 * enrolled, and never passes it to a process it starts.
 */
final class JoinTokenSource {

    private static final Logger log = LoggerFactory.getLogger(JoinTokenSource.class);

    private final Optional<Path> file;
    private volatile String value;

    JoinTokenSource(Optional<Path> file, Optional<String> value) {
        this.file = file;
        this.value = value.orElse(null);
    }

    static JoinTokenSource none() {
        return new JoinTokenSource(Optional.empty(), Optional.empty());
    }

    boolean isConfigured() {
        return file.isPresent() || value != null;
    }

    Optional<Path> file() {
        return file;
    }

    /** The token: the file's content when a file is configured and exists, else the variable's value. */
    Optional<String> read() throws IOException {
        if (file.isPresent() && Files.exists(file.get())) {
            String text = Files.readString(file.get()).trim();
            if (!text.isEmpty()) {
                return Optional.of(text);
            }
        }
        return Optional.ofNullable(value);
    }

    /** The token was used (or refused): delete its file and drop the value. */
    void consumed() {
        value = null;
        if (file.isPresent()) {
            try {
                Files.deleteIfExists(file.get());
            } catch (IOException e) {
                log.warn("Cannot delete the used join token file {}: {}", file.get(), e.toString());
            }
        }
    }

    @Override
    public String toString() { // never the token
        return file.map(f -> "<file " + f + ">").orElse(value != null ? "<set>" : "<unset>");
    }
}
