package io.tributary.api.instance;

import io.tributary.api.generated.model.ConnectionInfoDto;
import io.tributary.api.generated.model.SaslMechanismDto;
import io.tributary.api.generated.model.SecurityProtocolDto;
import io.tributary.provisioning.instance.Instance;
import java.util.List;

/** How a client connects to an instance, with client properties to paste. */
final class ConnectionInfo {

    private ConnectionInfo() {
    }

    static ConnectionInfoDto of(Instance i) {
        List<String> mechanisms = i.getSaslMechanisms();
        return new ConnectionInfoDto()
                .bootstrapServers(i.getBootstrapServers())
                .securityProtocol(SecurityProtocolDto.fromValue(i.getSecurityProtocol()))
                .saslMechanisms(mechanisms.stream().map(SaslMechanismDto::fromValue).toList())
                .tlsEnabled("SASL_SSL".equals(i.getSecurityProtocol()))
                .clientProperties(clientProperties(i.getBootstrapServers(), i.getSecurityProtocol(), mechanisms));
    }

    static String clientProperties(String bootstrap, String protocol, List<String> mechanisms) {
        StringBuilder p = new StringBuilder("bootstrap.servers=").append(bootstrap).append('\n')
                .append("security.protocol=").append(protocol).append('\n');
        if (protocol.startsWith("SASL_")) {
            boolean scram = mechanisms.contains("SCRAM-SHA-512");
            p.append("sasl.mechanism=").append(scram ? "SCRAM-SHA-512" : "PLAIN").append('\n')
                    .append("sasl.jaas.config=org.apache.kafka.common.security.")
                    .append(scram ? "scram.ScramLoginModule" : "plain.PlainLoginModule")
                    .append(" required username=\"<username>\" password=\"<password>\";\n");
        }
        if ("SASL_SSL".equals(protocol)) {
            p.append("ssl.truststore.type=PEM\n")
                    .append("ssl.truststore.location=<path to ca.pem>\n");
        }
        return p.toString();
    }
}
