package io.tributary.api.config;

import io.tributary.provisioning.ProvisioningProperties;
import io.tributary.provisioning.host.AgentEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Agents reach the control plane at the configured URL, or on loopback at the port the server got. */
@Configuration
class AgentEndpointConfiguration {

    @Bean
    AgentEndpoint agentEndpoint(ProvisioningProperties properties, Environment environment) {
        return () -> {
            if (properties.advertisedUrl() != null && !properties.advertisedUrl().isBlank()) {
                return properties.advertisedUrl();
            }
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
            return "http://127.0.0.1:" + port;
        };
    }
}
