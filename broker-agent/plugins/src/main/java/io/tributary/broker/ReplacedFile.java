package io.tributary.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * A file the agent replaces by renaming a new one over it: {@link #changed()} tells whether it differs from
 * the version last seen (modification time, file key and size), so readers re-parse it only when needed.
 */
final class ReplacedFile {

    private final Path path;
    private Object seen;

    ReplacedFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** Whether the file appeared, disappeared or was replaced since the last call. */
    boolean changed() throws IOException {
        Object version = Files.exists(path) ? version(Files.readAttributes(path, BasicFileAttributes.class)) : null;
        boolean changed = version == null ? seen != null : !version.equals(seen);
        seen = version;
        return changed;
    }

    /** Forgets the version seen, so the next {@link #changed()} is true (after a failed read). */
    void forget() {
        seen = null;
    }

    private static Object version(BasicFileAttributes a) {
        return List.of(a.lastModifiedTime(), String.valueOf(a.fileKey()), a.size());
    }
}
