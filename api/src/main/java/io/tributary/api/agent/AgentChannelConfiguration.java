package io.tributary.api.agent;

import io.tributary.api.config.TributaryProperties;
import io.tributary.provisioning.ProvisioningProperties;
import io.tributary.provisioning.crypto.SecretCipher;
import io.tributary.provisioning.host.AgentEndpoint;
import io.tributary.provisioning.tls.AgentTls;
import io.tributary.provisioning.tls.TlsProperties;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The agent channel: a second HTTPS connector ({@code tributary.agent-api.port}; default the HTTP port + 1, so
 * agents find a restarted control plane where they left it; 0 = any free port) that
 * serves only the agent API, with mutual TLS. Client certificates are optional at the handshake so that an
 * agent can enroll with its join token; every other agent call needs the certificate enrollment gave it.
 */
@Configuration
class AgentChannelConfiguration {

    @Bean
    AgentTls agentTls(TributaryProperties properties, SecretCipher cipher, ProvisioningProperties provisioning, Clock clock,
                      TlsProperties lifetimes) {
        return new AgentTls(properties.home(), cipher, provisioning.advertisedUrl(), clock,
                lifetimes.agentCertificateLifetime());
    }

    @Bean
    Connector agentConnector(AgentTls tls, @Value("${tributary.agent-api.port:-1}") int port,
                             @Value("${server.port:8080}") int serverPort) {
        Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        connector.setPort(port >= 0 ? port : serverPort > 0 ? serverPort + 1 : 0);
        connector.setScheme("https");
        connector.setSecure(true);
        AbstractHttp11Protocol<?> protocol = (AbstractHttp11Protocol<?>) connector.getProtocolHandler();
        protocol.setSSLEnabled(true);
        SSLHostConfig ssl = new SSLHostConfig();
        ssl.setProtocols("TLSv1.2+TLSv1.3");
        ssl.setCertificateVerification("optional");
        ssl.setTrustStore(tls.trustStore());
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.EC);
        certificate.setCertificateKeystore(tls.serverKeyStore());
        certificate.setCertificateKeystorePassword(new String(AgentTls.STORE_PASSWORD));
        certificate.setCertificateKeyAlias("server");
        ssl.addCertificate(certificate);
        protocol.addSslHostConfig(ssl);
        return connector;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> agentConnectorCustomizer(Connector agentConnector) {
        return factory -> factory.addAdditionalConnectors(agentConnector);
    }

    /** Agents reach the control plane at the configured URL, or on loopback at the agent connector's port. */
    @Bean
    AgentEndpoint agentEndpoint(ProvisioningProperties properties, Connector agentConnector, AgentTls tls) {
        return new AgentEndpoint() {
            @Override
            public String url() {
                if (properties.advertisedUrl() != null && !properties.advertisedUrl().isBlank()) {
                    return properties.advertisedUrl();
                }
                return "https://127.0.0.1:" + agentConnector.getLocalPort();
            }

            @Override
            public Path caCertificateFile() {
                return tls.caCertificateFile();
            }
        };
    }
}
