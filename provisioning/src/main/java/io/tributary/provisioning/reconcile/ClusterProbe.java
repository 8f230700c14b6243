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

    /** @param clientProperties where and how to connect ({@code ControlPlaneClients}) */
    public Health probe(Properties clientProperties) throws Exception {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(props)) {
            int brokers = admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            QuorumInfo quorum = admin.describeMetadataQuorum().quorumInfo().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new Health(brokers, quorum.leaderId());
        }
    }
}
