package io.tributary.provisioning.tls;

import io.tributary.provisioning.crypto.SecretCipher;
import io.tributary.provisioning.tls.CertificateAuthority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The agent channel's PKI: the control plane's agent CA (made once, kept in {@code <home>/agent-tls} with its
 * key sealed), the agent connector's server certificate (issued at each start for loopback and the advertised
 * host), and client certificates for enrolling agents, whose keys never leave their hosts.
 */
public class AgentTls {

    public static final char[] STORE_PASSWORD = "agent-channel".toCharArray();

    private final Path dir;
    private final CertificateAuthority ca;
    private final CertificateAuthority.Issued server;
    private final Clock clock;
    private final Duration agentCertificateLifetime;

    /** @param agentCertificateLifetime how long agents' client certificates are valid; agents renew at two thirds */
    public AgentTls(Path home, SecretCipher cipher, String advertisedUrl, Clock clock, Duration agentCertificateLifetime) {
        this.dir = home.resolve("agent-tls");
        this.clock = clock;
        this.agentCertificateLifetime = agentCertificateLifetime;
        try {
            Files.createDirectories(dir);
            Path caFile = caCertificateFile();
            Path sealedKey = dir.resolve("ca-key.sealed");
            if (Files.exists(caFile) && Files.exists(sealedKey)) {
                ca = CertificateAuthority.load(Files.readString(caFile), cipher.decrypt(Files.readString(sealedKey).trim()));
            } else {
                ca = CertificateAuthority.create("tributary-agent-ca", clock.instant());
                writePrivate(sealedKey, cipher.encrypt(ca.privateKeyPem()));
                writePrivate(caFile, ca.certificatePem());
            }
            List<String> names = new ArrayList<>(List.of("127.0.0.1", "localhost"));
            if (advertisedUrl != null && !advertisedUrl.isBlank()) {
                names.add(URI.create(advertisedUrl).getHost());
            }
            server = ca.issue("tributary-control-plane", names, clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the agent channel's certificates in " + dir, e);
        }
    }

    /** The CA agents trust (and pool-host operators install next to the agent). */
    public Path caCertificateFile() {
        return dir.resolve("ca.pem");
    }

    public String caCertificatePem() {
        return ca.certificatePem();
    }

    /** The agent connector's own key and certificate (in memory only: a new one at each start). */
    public java.security.KeyStore serverKeyStore() {
        return CertificateAuthority.keyStore(server, "server", STORE_PASSWORD);
    }

    /** Client certificates the agent connector accepts: those of the agent CA. */
    public java.security.KeyStore trustStore() {
        return ca.trustStore();
    }

    /**
     * A client certificate (CN = the host id) for the host's own key, which never leaves the host: at enrollment,
     * and when the agent renews it over its current channel.
     */
    public String certifyAgent(UUID hostId, PublicKey key) {
        return ca.certify(hostId.toString(), key, List.of(), clock.instant(), agentCertificateLifetime);
    }

    /**
     * An agent's public key from base64 X.509 SubjectPublicKeyInfo (EC or RSA).
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static PublicKey publicKey(String base64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("publicKey is not base64");
        }
        for (String algorithm : List.of("EC", "RSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (java.security.GeneralSecurityException ignored) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("publicKey is not an EC or RSA SubjectPublicKeyInfo");
    }

    private static void writePrivate(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
