package io.tributary.agent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The agent's side of the mutual-TLS agent channel: its own key (made on this host at the first enrollment,
 * never sent anywhere), the client certificate the control plane issued for it, and the CA it trusts for the
 * control plane's certificate. Key and certificate live in {@code <home>/tls/} with mode 0600.
 */
final class AgentTlsIdentity {

    private static final char[] NO_PASSWORD = "agent".toCharArray();
    private static final String END_KEY = "-----END PRIVATE KEY-----";

    private final Path keyFile;
    private final Path certificateFile;
    /** A renewed key and certificate, written in one file before they replace the current ones (crash-safe). */
    private final Path renewedFile;
    private final Optional<Path> controlPlaneCa;

    AgentTlsIdentity(Path home, Optional<Path> controlPlaneCa) {
        this.keyFile = home.resolve("tls").resolve("agent-key.pem");
        this.certificateFile = home.resolve("tls").resolve("agent.pem");
        this.renewedFile = home.resolve("tls").resolve("agent-renewed.pem");
        this.controlPlaneCa = controlPlaneCa;
    }

    /**
     * When the certificate should be renewed: once two thirds of its lifetime have passed, counted from when
     * this agent got it (the file's time) to its end. Empty without a certificate.
     */
    Optional<Instant> renewAt() throws IOException {
        installRenewed();
        if (!hasCertificate()) {
            return Optional.empty();
        }
        try {
            X509Certificate certificate = (X509Certificate) certificates(Files.readString(certificateFile)).iterator().next();
            Instant received = Files.getLastModifiedTime(certificateFile).toInstant();
            Instant end = certificate.getNotAfter().toInstant();
            return Optional.of(received.plus(Duration.between(received, end).multipliedBy(2).dividedBy(3)));
        } catch (GeneralSecurityException | java.util.NoSuchElementException e) {
            throw new IOException("unreadable agent certificate " + certificateFile + ": " + e.getMessage(), e);
        }
    }

    /** A new key pair for a renewal; the current key and certificate stay in use until {@link #install}. */
    KeyPair renewalKey() throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the agent's key: " + e.getMessage(), e);
        }
    }

    static String publicKey(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    /** Replaces key and certificate by a renewed pair: both land in one file first, so a crash leaves one or the other. */
    void install(KeyPair pair, String certificatePem) throws IOException {
        AtomicFiles.writePrivate(renewedFile, pem(pair.getPrivate()) + certificatePem);
        installRenewed();
    }

    /** Finishes an installation a crash interrupted (idempotent). */
    private void installRenewed() throws IOException {
        if (!Files.exists(renewedFile)) {
            return;
        }
        String both = Files.readString(renewedFile);
        int end = both.indexOf(END_KEY);
        if (end < 0) {
            Files.delete(renewedFile); // never completely written: the current pair stays
            return;
        }
        end += END_KEY.length();
        AtomicFiles.writePrivate(keyFile, both.substring(0, end) + "\n");
        AtomicFiles.writePrivate(certificateFile, both.substring(end).strip() + "\n");
        Files.delete(renewedFile);
    }

    /** Makes this host's key for an enrollment; returns its public half (base64 SubjectPublicKeyInfo). */
    String newKey() throws IOException {
        return Base64.getEncoder().encodeToString(newKeyPair().getPublic().getEncoded());
    }

    void saveCertificate(String pem) throws IOException {
        AtomicFiles.writePrivate(certificateFile, pem);
    }

    boolean hasCertificate() {
        return Files.exists(certificateFile) && Files.exists(keyFile);
    }

    /** TLS trusting only the control plane's CA (when configured), presenting our certificate once we have one. */
    SSLContext sslContext() throws IOException {
        installRenewed();
        try {
            TrustManagerFactory trust = null;
            if (controlPlaneCa.isPresent()) {
                KeyStore trusted = KeyStore.getInstance("PKCS12");
                trusted.load(null, null);
                int i = 0;
                for (Certificate ca : certificates(Files.readString(controlPlaneCa.get()))) {
                    trusted.setCertificateEntry("ca-" + i++, ca);
                }
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trusted);
            }
            KeyManagerFactory keys = null;
            if (hasCertificate()) {
                KeyStore own = KeyStore.getInstance("PKCS12");
                own.load(null, null);
                Collection<? extends Certificate> chain = certificates(Files.readString(certificateFile));
                own.setKeyEntry("agent", privateKey(Files.readString(keyFile)), NO_PASSWORD, chain.toArray(Certificate[]::new));
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(own, NO_PASSWORD);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS to the control plane: " + e.getMessage(), e);
        }
    }

    private KeyPair newKeyPair() throws IOException {
        try {
            Files.deleteIfExists(certificateFile);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            AtomicFiles.writePrivate(keyFile, pem(pair.getPrivate()));
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the agent's key: " + e.getMessage(), e);
        }
    }

    private static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n" + END_KEY + "\n";
    }

    private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static Collection<? extends Certificate> certificates(String pem) throws GeneralSecurityException {
        try (InputStream in = new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
