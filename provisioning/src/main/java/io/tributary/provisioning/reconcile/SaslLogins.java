package io.tributary.provisioning.reconcile;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.config.SslConfigs;

/**
 * Whether one broker takes a SASL login, as a tenant's client would make it: on its client listener, to that
 * broker alone. The health monitor's check that "running" means "logins work" (issue 20).
 */
public interface SaslLogins {

    /** The broker's client listener and what a client needs to reach it. */
    record Target(int nodeId, String bootstrap, String securityProtocol, String caCertificatePem) {
    }

    /** Why the login failed, or empty when the broker took it. */
    Optional<String> refusal(Target target, String mechanism, String user, String password);

    /**
     * A short-lived Admin client whose only bootstrap address is the broker, asking that broker (by node id, so the
     * request goes nowhere else) for its configs. The probe user has no ACLs, so the usual answer is an authorization
     * error: that is a success here, since a broker only authorizes a client it has authenticated. A refused login
     * (or no answer) fails. The tenant's network allow-list is one of the authorizer's rules, so it cannot make a
     * login look refused.
     */
    final class Kafka implements SaslLogins {

        static final int TIMEOUT_MS = 5000;

        @Override
        public Optional<String> refusal(Target target, String mechanism, String user, String password) {
            try (Admin admin = Admin.create(properties(target, mechanism, user, password))) {
                admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(target.nodeId()))))
                        .all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                return Optional.empty();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof AuthorizationException) {
                    return Optional.empty(); // authenticated, and (rightly) allowed nothing
                }
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
