package io.tributary.provisioning.tls;

import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.host.ListenerPorts;
import io.tributary.provisioning.instance.Broker;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.tls.CertificateAuthority;
import io.tributary.provisioning.tls.ControlPlaneClients;
import io.tributary.provisioning.tls.InstanceTls;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Makes a running broker pick up a key store file its agent replaced: setting a listener's
 * {@code ssl.keystore.location} to the same path again is Kafka's documented way to reload a key store in
 * place (the new certificate must keep the old one's subject and names, which ours do).
 */
public final class KeyStoreReload {

    private static final String LOCATION = "ssl.keystore.location";
    private static final int TIMEOUT_SECONDS = 15;

    private final ControlPlaneClients clients;
    private final InstanceTls tls;

    public KeyStoreReload(ControlPlaneClients clients, InstanceTls tls) {
        this.clients = clients;
        this.tls = tls;
    }

    /** Asks the broker to reload the key stores of its TLS listeners. */
    public void request(Instance instance, Broker broker) {
        ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(broker.getNodeId()));
        try (Admin admin = Admin.create(clients.properties(instance))) {
            Config config = admin.describeConfigs(List.of(node)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(node);
            String location = config.get(LOCATION).value();
            List<AlterConfigOp> ops = new ArrayList<>();
            for (String listener : tlsListeners(instance, broker)) {
                ops.add(new AlterConfigOp(new ConfigEntry("listener.name." + listener + "." + LOCATION, location),
                        AlterConfigOp.OpType.SET));
            }
            admin.incrementalAlterConfigs(Map.of(node, ops)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("broker " + broker.getNodeId() + " did not reload its key stores: " + e, e);
        }
    }

    /** Whether the broker's internal listener presents the certificate the database holds for it. */
    public boolean presents(Instance instance, Broker broker, Host host) {
        try {
            BigInteger wanted = parse(broker.getTlsCertificate()).getSerialNumber();
            try (SSLSocket socket = (SSLSocket) sslContext(instance).getSocketFactory()
                    .createSocket(host.getAddress(), ListenerPorts.of(host).internal())) {
                socket.setSoTimeout(5_000);
                socket.startHandshake();
                return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber().equals(wanted);
            }
        } catch (Exception e) {
            return false;
        }
    }

    private static List<String> tlsListeners(Instance instance, Broker broker) {
        List<String> listeners = new ArrayList<>(List.of("internal"));
        if (broker.isController()) {
            listeners.add("controller");
        }
        if ("SASL_SSL".equals(instance.getSecurityProtocol())) {
            listeners.add("client");
        }
        return listeners;
    }

    private SSLContext sslContext(Instance instance) throws Exception {
        KeyStore own = CertificateAuthority.keyStore(tls.controlPlaneIdentity(instance), "cp", "cp".toCharArray());
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(own, "cp".toCharArray());
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", parse(instance.getCaCertificate()));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static X509Certificate parse(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }
}
