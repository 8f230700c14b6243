package io.tributary.broker;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * Counts non-internal partitions with an Admin client, created on first use (the broker may not listen
 * yet when the policy is configured). Timeouts are short because the caller blocks the controller.
 */
final class AdminPartitionCounter implements PartitionLimitPolicy.PartitionCounter {

    static final int TIMEOUT_MS = 3_000;

    private final String bootstrapServers;
    private Admin admin;

    AdminPartitionCounter(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public long count() throws Exception {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "tributary-partition-limit-policy",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS));
        }
        Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(false).timeoutMs(TIMEOUT_MS))
                .names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (names.isEmpty()) {
            return 0;
        }
        Map<String, TopicDescription> topics = admin.describeTopics(names, new DescribeTopicsOptions()
                .timeoutMs(TIMEOUT_MS)).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        return topics.values().stream().filter(t -> !t.isInternal()).mapToLong(t -> t.partitions().size()).sum();
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(1));
            admin = null;
        }
    }
}
