package io.tributary.provisioning.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * One certificate authority (an instance's, or the agents'): issues leaf certificates for servers and
 * clients. Keys are ECDSA P-256 (fast to make, supported by every TLS 1.2+ client); everything is PEM,
 * private keys as unencrypted PKCS#8, which is what Kafka's PEM key stores read.
 */
public final class CertificateAuthority {

    public static final Duration CA_VALIDITY = Duration.ofDays(3650);
    public static final Duration LEAF_VALIDITY = Duration.ofDays(365);
    /** Certificates are valid from a little before they are made, for hosts whose clocks run slightly behind. */
    public static final Duration BACKDATE = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate certificate;
    private final PrivateKey key;

    private CertificateAuthority(X509Certificate certificate, PrivateKey key) {
        this.certificate = certificate;
        this.key = key;
    }

    /** A certificate and its private key, both PEM. */
    public record Issued(String certificatePem, String privateKeyPem) {
    }

    /** A new self-signed CA named {@code commonName}. */
    public static CertificateAuthority create(String commonName, Instant now) {
        try {
            KeyPair pair = newKeyPair();
            X500Name name = new X500Name("CN=" + commonName + ",O=Tributary");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(CA_VALIDITY)), name, pair.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            return new CertificateAuthority(sign(builder, pair.getPrivate()), pair.getPrivate());
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create a certificate authority", e);
        }
    }

    /** The CA stored as {@link #certificatePem()} and {@link #privateKeyPem()}. */
    public static CertificateAuthority load(String certificatePem, String privateKeyPem) {
        try (PEMParser certs = new PEMParser(new StringReader(certificatePem));
             PEMParser keys = new PEMParser(new StringReader(privateKeyPem))) {
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) certs.readObject());
            Object parsed = keys.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            PrivateKey key = parsed instanceof PEMKeyPair pair ? converter.getKeyPair(pair).getPrivate()
                    : converter.getPrivateKey((org.bouncycastle.asn1.pkcs.PrivateKeyInfo) parsed);
            return new CertificateAuthority(cert, key);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("stored certificate authority is unreadable", e);
        }
    }

    /**
     * A leaf certificate for {@code commonName}, valid for TLS servers and clients alike, with the given
     * subject alternative names (IP addresses become IP SANs, anything else DNS SANs).
     */
    public Issued issue(String commonName, List<String> alternativeNames, Instant now) {
        return issue(commonName, alternativeNames, now, LEAF_VALIDITY);
    }

    /** {@link #issue(String, List, Instant)}, valid for {@code lifetime} from {@code now}. */
    public Issued issue(String commonName, List<String> alternativeNames, Instant now, Duration lifetime) {
        try {
            KeyPair pair = newKeyPair();
            return new Issued(certify(commonName, pair.getPublic(), alternativeNames, now, lifetime), pem(pair.getPrivate()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a certificate for " + commonName, e);
        }
    }

    /** A leaf certificate (PEM) for a key pair someone else holds, e.g. an agent's, which never leaves its host. */
    public String certify(String commonName, PublicKey publicKey, List<String> alternativeNames, Instant now) {
        return certify(commonName, publicKey, alternativeNames, now, LEAF_VALIDITY);
    }

    /** {@link #certify(String, PublicKey, List, Instant)}, valid for {@code lifetime} from {@code now}. */
    public String certify(String commonName, PublicKey publicKey, List<String> alternativeNames, Instant now,
                          Duration lifetime) {
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(lifetime)),
                    new X500Name("CN=" + commonName), publicKey);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[]{KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            builder.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
            if (!alternativeNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                        alternativeNames.stream().distinct().map(CertificateAuthority::generalName).toArray(GeneralName[]::new)));
            }
            return pem(sign(builder, key));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a certificate for " + commonName, e);
        }
    }

    public String certificatePem() {
        return pem(certificate);
    }

    public String privateKeyPem() {
        return pem(key);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** An in-memory PKCS#12 key store holding one issued key and certificate under {@code alias}. */
    public static java.security.KeyStore keyStore(Issued issued, String alias, char[] password) {
        try (PEMParser certs = new PEMParser(new StringReader(issued.certificatePem()));
             PEMParser keys = new PEMParser(new StringReader(issued.privateKeyPem()))) {
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) certs.readObject());
            PrivateKey key = new JcaPEMKeyConverter().getPrivateKey((org.bouncycastle.asn1.pkcs.PrivateKeyInfo) keys.readObject());
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, key, password, new java.security.cert.Certificate[]{cert});
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a key store", e);
        }
    }

    /** An in-memory trust store holding this CA's certificate. */
    public java.security.KeyStore trustStore() {
        try {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", certificate);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust store", e);
        }
    }

    /** When a PEM certificate starts being valid. */
    public static Instant notBefore(String certificatePem) {
        try (PEMParser certs = new PEMParser(new StringReader(certificatePem))) {
            return ((X509CertificateHolder) certs.readObject()).getNotBefore().toInstant();
        } catch (IOException e) {
            throw new IllegalStateException("unreadable certificate", e);
        }
    }

    /** When a PEM certificate stops being valid. */
    public static Instant notAfter(String certificatePem) {
        try (PEMParser certs = new PEMParser(new StringReader(certificatePem))) {
            return ((X509CertificateHolder) certs.readObject()).getNotAfter().toInstant();
        } catch (IOException e) {
            throw new IllegalStateException("unreadable certificate", e);
        }
    }

    /**
     * When a certificate issued here should be replaced: once two thirds of its lifetime (from issuance, i.e.
     * not counting the {@link #BACKDATE}) have passed, leaving a third for the renewal to happen.
     */
    public static Instant renewAt(String certificatePem) {
        Instant issued = notBefore(certificatePem).plus(BACKDATE);
        Duration lifetime = Duration.between(issued, notAfter(certificatePem));
        return issued.plus(lifetime.multipliedBy(2).dividedBy(3));
    }

    private static GeneralName generalName(String name) {
        return isIpAddress(name) ? new GeneralName(GeneralName.iPAddress, name) : new GeneralName(GeneralName.dNSName, name);
    }

    static boolean isIpAddress(String name) {
        if (name.contains(":")) {
            return true;
        }
        return name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

}
