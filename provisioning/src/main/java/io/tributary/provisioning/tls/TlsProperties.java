package io.tributary.provisioning.tls;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Lifetimes of the certificates the control plane issues, under {@code tributary.tls}. Each is renewed once
 * two thirds of it have passed ({@link CertificateAuthority#renewAt}), so a lifetime of minutes lets a test
 * see renewals; a wrong value stops the control plane at start with a message naming the setting.
 *
 * @param agentCertificateLifetime  agents' client certificates on the agent channel (renewed by the agent)
 * @param clientCertificateLifetime the control plane's own Kafka client certificates (CN=control-plane)
 * @param brokerCertificateLifetime brokers' certificates (renewed by a rolling ROTATE_CERTIFICATES)
 */
@ConfigurationProperties("tributary.tls")
public record TlsProperties(Duration agentCertificateLifetime, Duration clientCertificateLifetime,
                            Duration brokerCertificateLifetime) {

    /** Shorter lifetimes leave the renewal (at two thirds) too little room. */
    public static final Duration MINIMUM = Duration.ofMinutes(1);

    public TlsProperties {
        agentCertificateLifetime = check("tributary.tls.agent-certificate-lifetime", agentCertificateLifetime);
        clientCertificateLifetime = check("tributary.tls.client-certificate-lifetime", clientCertificateLifetime);
        brokerCertificateLifetime = check("tributary.tls.broker-certificate-lifetime", brokerCertificateLifetime);
    }

    /** The defaults: a year each. */
    public static TlsProperties defaults() {
        return new TlsProperties(null, null, null);
    }

    private static Duration check(String name, Duration lifetime) {
        if (lifetime == null) {
            return CertificateAuthority.LEAF_VALIDITY;
        }
        if (lifetime.compareTo(MINIMUM) < 0 || lifetime.compareTo(CertificateAuthority.CA_VALIDITY) > 0) {
            throw new IllegalArgumentException(name + " must be between " + MINIMUM + " and "
                    + CertificateAuthority.CA_VALIDITY + " (the CA's own lifetime), not " + lifetime);
        }
        return lifetime;
    }
}
