package io.tributary.provisioning.reconcile;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.springframework.stereotype.Component;

/** Asks a running cluster, through Kafka's Admin client, how many brokers it sees and whether its quorum has a leader. */
@Component
public class ClusterProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    public record Health(int brokers, int quorumLeader) {
    }

    public Health probe(String bootstrapServers) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "tributary-control-plane");
        try (Admin admin = Admin.create(props)) {
            int brokers = admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            QuorumInfo quorum = admin.describeMetadataQuorum().quorumInfo().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new Health(brokers, quorum.leaderId());
        }
    }
}
