package io.tributary.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The files the broker reads its security material from, written from each accepted desired state before the
 * broker (re)starts: its TLS key store and the CA it trusts, the SASL users its PLAIN handler checks (salted
 * SCRAM-SHA-512 keys, never passwords) and the client networks its authorizer allows. The broker re-reads the
 * users and networks files while it runs, so changing them needs no restart. All files are mode 0600.
 */
final class SecurityFiles {

    record Locations(Path keyStore, Path trustStore, Path saslUsers, Path allowedCidrs) {

        static Locations under(Path home) {
            Path tls = home.resolve("tls");
            return new Locations(tls.resolve("broker.pem"), tls.resolve("ca.pem"), home.resolve("sasl-users.txt"),
                    home.resolve("allowed-cidrs.txt"));
        }
    }

    private final Locations locations;

    SecurityFiles(Locations locations) {
        this.locations = locations;
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
        AtomicFiles.writePrivate(locations.allowedCidrs(), state.allowedCidrs().stream()
                .map(c -> c + "\n").collect(Collectors.joining()));
    }

    private static String ensureNewline(String pem) {
        return pem.endsWith("\n") ? pem : pem + "\n";
    }
}
