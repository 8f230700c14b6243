package io.tributary.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A stand-in for the broker agent's {@code java}: the local provider starts it exactly as it starts
 * an agent (same command line, so found and stopped by the same markers), but it only waits for
 * SIGTERM. Host creation then costs a process, not a JVM and a Kafka broker, so a test can make
 * dozens of real local hosts; such orders stop at WAIT_FOR_BROKERS.
 */
final class StandInAgents {

    private StandInAgents() {
    }

    /** Writes the script into {@code dir}; pass it as TRIBUTARY_LOCAL_JAVA. */
    static Path script(Path dir) {
        Path script = dir.resolve("stand-in-agent.sh");
        try {
            Files.createDirectories(dir);
            Files.writeString(script, """
                    #!/bin/sh
                    # stand-in broker agent: "$@" (the agent's JVM arguments) stays on the command line
                    trap 'exit 0' TERM INT
                    while true; do sleep 1; done
                    """);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
