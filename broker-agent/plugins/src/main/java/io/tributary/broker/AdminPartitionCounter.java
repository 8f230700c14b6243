package io.tributary.broker;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * Counts non-internal partitions and registered brokers with an Admin client, created on first use (the broker may not listen
 * yet when the policy is configured). Timeouts are short because the caller blocks the controller.
 */
final class AdminPartitionCounter implements PartitionLimitPolicy.PartitionCounter {

    static final int TIMEOUT_MS = 3_000;

    /** The protocol of the listener named by {@code tributary.policy.bootstrap.servers} (rendered by the agent). */
    static final String SECURITY_PROTOCOL_CONFIG = "tributary.policy.security.protocol";

    private final String bootstrapServers;
    private final Map<String, Object> security;
    private Admin admin;

    AdminPartitionCounter(String bootstrapServers, Map<String, Object> security) {
        this.bootstrapServers = bootstrapServers;
        this.security = security;
    }

    /**
     * How to reach an SSL inter-broker listener: with the broker's own key and trust stores (its certificate
     * makes it a super user there). Empty for PLAINTEXT.
     */
    static Map<String, Object> clientSecurity(Map<String, ?> brokerConfigs) {
        Object protocol = brokerConfigs.get(SECURITY_PROTOCOL_CONFIG);
        Map<String, Object> out = new java.util.HashMap<>();
        if (protocol == null || "PLAINTEXT".equals(protocol.toString())) {
            return out;
        }
        out.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, protocol.toString());
        for (String key : List.of("ssl.keystore.type", "ssl.keystore.location", "ssl.truststore.type",
                "ssl.truststore.location", "ssl.enabled.protocols")) {
            Object value = brokerConfigs.get(key);
            if (value != null) {
                out.put(key, value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                        : value.toString());
            }
        }
        return out;
    }

    @Override
    public PartitionLimitPolicy.Count count() throws Exception {
        if (admin == null) {
            Map<String, Object> props = new java.util.HashMap<>(security);
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "tributary-partition-limit-policy");
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            admin = Admin.create(props);
        }
        int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
        Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(false).timeoutMs(TIMEOUT_MS))
                .names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (names.isEmpty()) {
            return new PartitionLimitPolicy.Count(0, brokers);
        }
        Map<String, TopicDescription> topics = admin.describeTopics(names, new DescribeTopicsOptions()
                .timeoutMs(TIMEOUT_MS)).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        return new PartitionLimitPolicy.Count(topics.values().stream().filter(t -> !t.isInternal())
                .mapToLong(t -> t.partitions().size()).sum(), brokers);
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(1));
            admin = null;
        }
    }
}
