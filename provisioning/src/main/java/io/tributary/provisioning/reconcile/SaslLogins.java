package io.tributary.provisioning.reconcile;

import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * Whether one broker takes a SASL login, as a tenant's client would make it: on its client listener, to that
 * broker alone. The health monitor's check that "running" means "logins work" (issue 20).
 */
public interface SaslLogins {

    /** The broker's client listener and what a client needs to reach it. */
    record Target(String bootstrap, String securityProtocol, String caCertificatePem) {
    }

    /** Why the login failed, or empty when the broker took it. */
    Optional<String> refusal(Target target, String mechanism, String user, String password);

    /**
     * A short-lived Admin client whose only bootstrap address is the broker; {@code describeCluster} needs the SASL
     * handshake with that broker first, and no ACL, so only a refused login (or no answer) fails it. The client
     * listener's network allow-list is enforced by the authorizer, which this call does not consult, so a tenant's
     * network rules cannot lock the check out.
     */
    final class Kafka implements SaslLogins {

        static final int TIMEOUT_MS = 5000;

        @Override
        public Optional<String> refusal(Target target, String mechanism, String user, String password) {
            try (Admin admin = Admin.create(properties(target, mechanism, user, password))) {
                admin.describeCluster().nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                return Optional.empty();
            } catch (ExecutionException e) {
                return Optional.of(e.getCause().getClass().getSimpleName());
            } catch (java.util.concurrent.TimeoutException e) {
                return Optional.of("no answer within " + TIMEOUT_MS + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            } catch (RuntimeException e) {
                return Optional.of(e.getClass().getSimpleName());
            }
        }

        static Properties properties(Target target, String mechanism, String user, String password) {
            Properties p = new Properties();
            p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, target.bootstrap());
            p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, target.securityProtocol());
            if (target.securityProtocol().endsWith("SSL")) {
                p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
                p.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, target.caCertificatePem());
            }
            p.put(SaslConfigs.SASL_MECHANISM, mechanism);
            String module = "PLAIN".equals(mechanism) ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            p.put(SaslConfigs.SASL_JAAS_CONFIG, module + " required username=\"" + user + "\" password=\"" + password + "\";");
            p.put(CommonClientConfigs.CLIENT_ID_CONFIG, "tributary-login-probe");
            p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 2000L);
            p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 2000L);
            p.put(AdminClientConfig.RETRIES_CONFIG, 0);
            return p;
        }
    }
}
