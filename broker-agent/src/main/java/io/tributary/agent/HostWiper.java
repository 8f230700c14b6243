package io.tributary.agent;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes everything an instance left in the agent's home, so the next instance on this host starts from nothing:
 * the broker's data and KRaft metadata ({@code meta.properties}), its config and logs, the TLS key and trust stores,
 * the SASL users and network files, the pid records and the desired state. Only the agent's own identity stays
 * (credential, agent-channel key and certificate, its own log). Deny by default: a file this class does not know is
 * deleted too. Idempotent, so a wipe interrupted by a crash is simply run again.
 */
final class HostWiper {

    private static final Logger log = LoggerFactory.getLogger(HostWiper.class);

    private final AgentPaths paths;
    private final Set<Path> keep;

    HostWiper(AgentPaths paths) {
        this.paths = paths;
        this.keep = Set.of(paths.credential(), paths.agentKey(), paths.agentCertificate(), paths.wipedMarker(),
                paths.home().resolve("agent.log"));
    }

    /** Wipes the home (the broker must be stopped), then records {@code nonce} as the last finished wipe. */
    void wipe(String nonce) throws IOException {
        List<Path> stateFiles = List.of(paths.desiredState(), paths.desiredStateEtag());
        deleteAllBut(stateFiles); // the WIPE order itself goes last: a crash before this point wipes again
        AtomicFiles.writePrivate(paths.wipedMarker(), nonce + "\n");
        for (Path file : stateFiles) {
            Files.deleteIfExists(file);
        }
        paths.createDirectories();
        log.info("Wiped {} (wipe {})", paths.home(), nonce);
    }

    /** The nonce of the last wipe this agent finished, if any. */
    Optional<String> lastWipe() throws IOException {
        return AtomicFiles.readIfExists(paths.wipedMarker()).map(String::trim).filter(s -> !s.isEmpty());
    }

    private void deleteAllBut(List<Path> alsoKeep) throws IOException {
        Path home = paths.home();
        if (!Files.isDirectory(home)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(home)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : all) {
            if (path.equals(home) || keep.contains(path) || alsoKeep.contains(path)) {
                continue;
            }
            if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.deleteIfExists(path);
                } catch (DirectoryNotEmptyException kept) {
                    // holds a file that stays (tls/ holds the agent's own key)
                }
            } else {
                Files.deleteIfExists(path);
            }
        }
    }
}
