package io.tributary.provisioning.tls;

import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.tls.CertificateAuthority.Issued;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.springframework.stereotype.Component;

/**
 * Client settings for the control plane's own Kafka clients: they use the brokers' internal listener with
 * the control plane's certificate (a super user there), never the client listener, so neither the user's
 * SASL users and ACLs nor the network allow-list can lock the control plane out.
 */
@Component
public class ControlPlaneClients {

    private final InstanceTls tls;

    public ControlPlaneClients(InstanceTls tls) {
        this.tls = tls;
    }

    /**
     * The client certificate {@link #properties} use now. It is renewed at two thirds of its lifetime, so whoever
     * keeps clients remakes them when this changes, long before the old certificate ends.
     */
    public String certificate(Instance instance) {
        return tls.controlPlaneIdentity(instance).certificatePem();
    }

    /** Settings for a running instance. */
    public Properties properties(Instance instance) {
        return properties(instance, instance.getInternalBootstrapServers());
    }

    /** Settings for an instance whose internal listeners are {@code internalBootstrap} (before it is RUNNING). */
    public Properties properties(Instance instance, String internalBootstrap) {
        Issued identity = tls.controlPlaneIdentity(instance);
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, internalBootstrap);
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
        p.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PEM");
        p.put(SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG, identity.certificatePem());
        p.put(SslConfigs.SSL_KEYSTORE_KEY_CONFIG, identity.privateKeyPem());
        p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
        p.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, instance.getCaCertificate());
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, "tributary-control-plane");
        return p;
    }
}
