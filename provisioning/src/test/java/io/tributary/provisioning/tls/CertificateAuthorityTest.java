package io.tributary.provisioning.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {

    final Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void issuedCertificatesAreSignedByTheCaAndNameTheirHost() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("tributary-instance-x", now);
        CertificateAuthority.Issued broker = ca.issue("broker", List.of("127.0.0.1", "localhost"), now);

        X509Certificate cert = parse(broker.certificatePem());
        cert.verify(ca.certificate().getPublicKey());
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=broker");
        assertThat(cert.getSubjectAlternativeNames().stream().map(san -> String.valueOf(san.get(1))).toList())
                .containsExactlyInAnyOrder("127.0.0.1", "localhost");
        assertThat(cert.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(now.plus(CertificateAuthority.LEAF_VALIDITY));
        assertThat(ca.certificate().getBasicConstraints()).isZero();
        assertThat(broker.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void aStoredCaSignsLikeTheOriginal() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("ca", now);
        CertificateAuthority loaded = CertificateAuthority.load(ca.certificatePem(), ca.privateKeyPem());
        X509Certificate cert = parse(loaded.issue("control-plane", List.of(), now).certificatePem());
        cert.verify(ca.certificate().getPublicKey());
        assertThat(CertificateAuthority.notAfter(ca.certificatePem())).isEqualTo(now.plus(CertificateAuthority.CA_VALIDITY));
        assertThat(cert.getNotBefore().toInstant()).isEqualTo(now.minus(Duration.ofMinutes(5)));
    }

    @Test
    void aCertificateIsDueForRenewalAtTwoThirdsOfItsLifetimeNotCountingTheBackdate() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("ca", now);
        String shortLived = ca.issue("control-plane", List.of(), now, Duration.ofMinutes(3)).certificatePem();
        assertThat(parse(shortLived).getNotAfter().toInstant()).isEqualTo(now.plus(Duration.ofMinutes(3)));
        assertThat(CertificateAuthority.renewAt(shortLived)).isEqualTo(now.plus(Duration.ofMinutes(2)));
        String yearLong = ca.issue("broker", List.of("127.0.0.1"), now).certificatePem();
        assertThat(CertificateAuthority.renewAt(yearLong)).isEqualTo(now.plus(Duration.ofDays(365).multipliedBy(2).dividedBy(3)));
    }

    private static X509Certificate parse(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
    }
}
