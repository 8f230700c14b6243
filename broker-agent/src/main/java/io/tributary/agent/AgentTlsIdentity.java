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
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
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

    private final Path keyFile;
    private final Path certificateFile;
    private final Optional<Path> controlPlaneCa;

    AgentTlsIdentity(Path home, Optional<Path> controlPlaneCa) {
        this.keyFile = home.resolve("tls").resolve("agent-key.pem");
        this.certificateFile = home.resolve("tls").resolve("agent.pem");
        this.controlPlaneCa = controlPlaneCa;
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
            AtomicFiles.writePrivate(keyFile, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the agent's key: " + e.getMessage(), e);
        }
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
