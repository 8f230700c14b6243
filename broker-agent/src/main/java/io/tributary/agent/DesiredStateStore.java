package io.tributary.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last accepted desired state on disk ({@code <home>/desired-state.json}, exactly as the control
 * plane sent it, plus its ETag beside it), so the broker keeps running from it while the control plane
 * is unreachable. Written before the agent acts on a state.
 */
final class DesiredStateStore {

    private static final Logger log = LoggerFactory.getLogger(DesiredStateStore.class);

    /** A state as persisted: the parsed form, the raw document and its ETag (may be empty). */
    record Stored(DesiredState state, String json, String etag) {
    }

    private final AgentPaths paths;

    DesiredStateStore(AgentPaths paths) {
        this.paths = paths;
    }

    /** Saves the document first, then its ETag: a crash in between only costs one extra download. */
    void save(String json, String etag) throws IOException {
        Files.deleteIfExists(paths.desiredStateEtag());
        AtomicFiles.writePrivate(paths.desiredState(), json);
        if (etag != null && !etag.isEmpty()) {
            AtomicFiles.writePrivate(paths.desiredStateEtag(), etag);
        }
    }

    /** The persisted state, or empty when there is none, it is a wipe order, or it cannot be read (logged). */
    Optional<Stored> load() {
        try {
            Optional<String> json = AtomicFiles.readIfExists(paths.desiredState());
            if (json.isEmpty() || WipeOrder.parse(json.get()).isPresent()) {
                return Optional.empty();
            }
            String etag = AtomicFiles.readIfExists(paths.desiredStateEtag()).map(String::trim).orElse("");
            return Optional.of(new Stored(DesiredStateParser.parse(json.get()), json.get(), etag));
        } catch (IOException | IllegalArgumentException e) {
            log.error("Ignoring unreadable {}: {}", paths.desiredState(), e.getMessage());
            return Optional.empty();
        }
    }

    /** A persisted wipe order: a wipe that was accepted but did not finish (the agent stopped or crashed). */
    Optional<WipeOrder> loadWipe() {
        try {
            return AtomicFiles.readIfExists(paths.desiredState()).flatMap(WipeOrder::parse);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
