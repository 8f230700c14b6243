package io.tributary.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files the broker reads its security material from, written from each accepted desired state before the
 * broker (re)starts: its TLS key store and the CA it trusts, the SASL users its PLAIN handler checks (salted
 * SCRAM-SHA-512 keys, never passwords) and the client networks its authorizer allows. The broker re-reads the
 * users and networks files while it runs, so changing them needs no restart. All files are mode 0600.
 * <p>
 * They fail closed: the networks file always lists what is allowed ({@code 0.0.0.0/0} and {@code ::/0} for
 * every address), so a missing or empty file lets nobody in; and a state whose files could not all be written
 * is not applied (see {@link #apply}): the agent keeps reporting the generation it last applied, with the
 * failure as its {@code lastError}, and tries again.
 */
final class SecurityFiles {

    private static final Logger log = LoggerFactory.getLogger(SecurityFiles.class);
    /** What the networks file says when the desired state allows every address. */
    static final List<String> EVERY_ADDRESS = List.of("0.0.0.0/0", "::/0");

    record Locations(Path keyStore, Path trustStore, Path saslUsers, Path allowedCidrs) {

        static Locations under(Path home) {
            Path tls = home.resolve("tls");
            return new Locations(tls.resolve("broker.pem"), tls.resolve("ca.pem"), home.resolve("sasl-users.txt"),
                    home.resolve("allowed-cidrs.txt"));
        }
    }

    private final Locations locations;
    private volatile String failure;

    SecurityFiles(Locations locations) {
        this.locations = locations;
    }

    /**
     * Writes the files of {@code state}. @return whether they all were: only then may the state be applied; on
     * false the failure is kept for {@link #withFailure} until a later write succeeds.
     */
    boolean apply(DesiredState state) {
        try {
            write(state);
            if (failure != null) {
                log.info("Security files written for generation {}", state.generation());
            }
            failure = null;
            return true;
        } catch (IOException | RuntimeException e) {
            String why = "cannot write the broker's security files for generation " + state.generation() + ": " + e;
            if (!why.equals(failure)) {
                log.error("{}; the state is not applied and the write is tried again", why);
            }
            failure = why;
            return false;
        }
    }

    /** {@code observed} with the last write failure, if there is one, in its {@code lastError}. */
    ObservedState withFailure(ObservedState observed) {
        String why = failure;
        if (why == null) {
            return observed;
        }
        return observed.withLastError(observed.lastError() == null ? why : why + "; " + observed.lastError());
    }

    void write(DesiredState state) throws IOException {
        if (state.tls() != null) {
            AtomicFiles.writePrivate(locations.keyStore(), ensureNewline(state.tls().privateKey())
                    + ensureNewline(state.tls().certificateChain()));
            AtomicFiles.writePrivate(locations.trustStore(), ensureNewline(state.tls().caCertificate()));
        }
        if (state.sasl() != null) {
            AtomicFiles.writePrivate(locations.saslUsers(), state.sasl().users().stream()
                    .map(u -> u.name() + " " + u.iterations() + " " + u.salt() + " " + u.storedKey() + "\n")
                    .collect(Collectors.joining()));
        } else {
            Files.deleteIfExists(locations.saslUsers());
        }
        List<String> allowed = state.allowedCidrs().isEmpty() ? EVERY_ADDRESS : state.allowedCidrs();
        AtomicFiles.writePrivate(locations.allowedCidrs(), allowed.stream().map(c -> c + "\n").collect(Collectors.joining()));
    }

    private static String ensureNewline(String pem) {
        return pem.endsWith("\n") ? pem : pem + "\n";
    }
}
