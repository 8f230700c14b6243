package io.tributary.provisioning.tls;

import io.tributary.provisioning.crypto.SecretCipher;
import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.instance.Broker;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.tls.CertificateAuthority.Issued;
import io.tributary.provisioning.tls.CertificateAuthority;
import io.tributary.provisioning.tls.TlsProperties;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The TLS identities of an instance: its CA (made once, key sealed), each broker's certificate (issued once
 * for its host), and the control plane's client certificate (issued per process, kept in memory). Brokers
 * trust only their instance's CA on the internal and controller listeners, so only that instance's brokers
 * and this control plane get in there.
 */
@Component
public class InstanceTls {

    /** The principal of every broker of an instance on its mutual-TLS listeners. */
    public static final String BROKER_PRINCIPAL = "User:CN=broker";
    /** The principal of the control plane's own clients. */
    public static final String CONTROL_PLANE_PRINCIPAL = "User:CN=control-plane";
    private final SecretCipher cipher;
    private final Clock clock;
    private final TlsProperties lifetimes;
    private final Map<UUID, Issued> controlPlane = new ConcurrentHashMap<>();

    public InstanceTls(SecretCipher cipher, Clock clock, TlsProperties lifetimes) {
        this.cipher = cipher;
        this.clock = clock;
        this.lifetimes = lifetimes;
    }

    /** Makes the instance's CA if it has none; the caller saves the instance. @return whether one was made */
    public boolean ensureCa(Instance instance) {
        if (instance.getCaCertificate() != null) {
            return false;
        }
        CertificateAuthority ca = CertificateAuthority.create("tributary-instance-" + instance.getId(), clock.instant());
        instance.setCa(ca.certificatePem(), cipher.encrypt(ca.privateKeyPem()));
        return true;
    }

    /**
     * Issues the broker's certificate for its host when it has none; the caller saves it. Renewal is not done
     * here but by the rotation workflow, one broker at a time, because a new certificate restarts the broker.
     */
    public boolean ensureBrokerCertificate(Instance instance, Broker broker, Host host) {
        if (broker.getTlsCertificate() != null) {
            return false;
        }
        renewBrokerCertificate(instance, broker, host);
        return true;
    }

    /** A new certificate for the broker's host (same CA, CN and names); the caller saves the broker. */
    public void renewBrokerCertificate(Instance instance, Broker broker, Host host) {
        Issued issued = ca(instance).issue("broker", List.of(host.getAddress(), "localhost"), clock.instant(),
                lifetimes.brokerCertificateLifetime());
        broker.setTls(issued.certificatePem(), cipher.encrypt(issued.privateKeyPem()));
    }

    /** Whether the broker's certificate was issued at or after {@code time} (to the second, as X.509 keeps it). */
    public static boolean issuedSince(Broker broker, java.time.Instant time) {
        return broker.getTlsCertificate() != null && !CertificateAuthority.notBefore(broker.getTlsCertificate())
                .plus(CertificateAuthority.BACKDATE).isBefore(time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** Whether two thirds of the broker certificate's lifetime have passed: a rolling rotation replaces it. */
    public static boolean expiresSoon(Broker broker, java.time.Instant now) {
        return broker.getTlsCertificate() != null
                && !now.isBefore(CertificateAuthority.renewAt(broker.getTlsCertificate()));
    }

    /**
     * The control plane's client certificate for this instance (kept in memory only), a new one once two thirds
     * of the current one's lifetime have passed. Clients made from an older one keep working until it ends;
     * callers that keep clients compare {@link Issued#certificatePem()} to know when to remake them.
     */
    public Issued controlPlaneIdentity(Instance instance) {
        java.time.Instant now = clock.instant();
        return controlPlane.compute(instance.getId(), (id, current) ->
                current != null && now.isBefore(CertificateAuthority.renewAt(current.certificatePem())) ? current
                        : ca(instance).issue("control-plane", List.of(), now, lifetimes.clientCertificateLifetime()));
    }

    private CertificateAuthority ca(Instance instance) {
        if (instance.getCaCertificate() == null) {
            throw new IllegalStateException("instance " + instance.getId() + " has no CA yet");
        }
        return CertificateAuthority.load(instance.getCaCertificate(), cipher.decrypt(instance.getCaKeyEncrypted()));
    }
}
