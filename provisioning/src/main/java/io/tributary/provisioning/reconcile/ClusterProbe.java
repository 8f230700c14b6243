package io.tributary.provisioning.reconcile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.stereotype.Component;

/**
 * Asks a running cluster, through Kafka's Admin client: how many brokers it sees and whether its quorum has a leader;
 * for the {@link Roller}, the active controller and every partition's replicas, ISR and min.insync.replicas.
 */
@Component
public class ClusterProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final String METADATA_VERSION = "metadata.version";

    public record Health(int brokers, int quorumLeader) {
    }

    /** @param clientProperties where and how to connect ({@code ControlPlaneClients}) */
    public Health probe(Properties clientProperties) throws Exception {
        try (Admin admin = Admin.create(withTimeouts(clientProperties))) {
            int brokers = admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            QuorumInfo quorum = admin.describeMetadataQuorum().quorumInfo().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new Health(brokers, quorum.leaderId());
        }
    }

    /** What the roller needs of the cluster: the active controller and every partition (internal topics too). */
    public record Replicas(int activeController, List<Roller.Partition> partitions) {
    }

    public Replicas replicas(Properties clientProperties) throws Exception {
        Properties props = withTimeouts(clientProperties);
        // a broker held down still accepts connections: give up on it soon and ask another within the call's time
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 3);
        try (Admin admin = Admin.create(props)) {
            int controller = admin.describeMetadataQuorum().quorumInfo().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .leaderId();
            Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                            .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<Roller.Partition> partitions = new ArrayList<>();
            for (TopicDescription topic : topics.values()) {
                var minIsr = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()))
                        .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
                int min = minIsr == null || minIsr.value() == null ? 1 : Integer.parseInt(minIsr.value());
                topic.partitions().forEach(p -> partitions.add(new Roller.Partition(topic.name(), p.partition(),
                        ids(p.replicas()), ids(p.isr()), min)));
            }
            return new Replicas(controller, partitions);
        }
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).collect(Collectors.toList());
    }

    /**
     * Raises the cluster's finalized {@code metadata.version} to the highest level its brokers support, once every
     * broker runs a newer Kafka (the controllers refuse a level some registered broker lacks). Kafka cannot go back
     * below a finalized level.
     *
     * @return the finalized level
     */
    public short finalizeMetadataVersion(Properties clientProperties) throws Exception {
        try (Admin admin = Admin.create(withTimeouts(clientProperties))) {
            FeatureMetadata features = admin.describeFeatures().featureMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            short supported = features.supportedFeatures().get(METADATA_VERSION).maxVersion();
            FinalizedVersionRange finalized = features.finalizedFeatures().get(METADATA_VERSION);
            if (finalized != null && finalized.maxVersionLevel() >= supported) {
                return finalized.maxVersionLevel();
            }
            admin.updateFeatures(Map.of(METADATA_VERSION, new FeatureUpdate(supported, FeatureUpdate.UpgradeType.UPGRADE)),
                    new UpdateFeaturesOptions()).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return supported;
        }
    }

    private static Properties withTimeouts(Properties clientProperties) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return props;
    }
}
