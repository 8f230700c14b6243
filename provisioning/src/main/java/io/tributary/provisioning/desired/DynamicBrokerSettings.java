package io.tributary.provisioning.desired;

import java.util.Set;

/**
 * The broker settings of ours and of the tenants' allow-list that Kafka takes on running brokers, as cluster-wide
 * dynamic defaults (Kafka's {@code DynamicBrokerConfig.AllDynamicConfigs}; a test in the api module holds this list to
 * Kafka's). A change of only these never needs a restart: the control plane sets them through the Admin API, and the
 * brokers' configuration files catch up at their next restart.
 */
public final class DynamicBrokerSettings {

    private static final Set<String> NAMES = Set.of(
            "log.retention.ms", "log.retention.bytes", "log.segment.bytes", "log.roll.ms",
            "message.max.bytes",
            "compression.type", "compression.gzip.level", "compression.lz4.level", "compression.zstd.level",
            "log.message.timestamp.type", "log.message.timestamp.before.max.ms", "log.message.timestamp.after.max.ms",
            "producer.id.expiration.ms",
            "log.cleaner.threads", "log.cleaner.min.cleanable.ratio", "log.cleaner.delete.retention.ms",
            "log.cleaner.min.compaction.lag.ms", "log.cleaner.max.compaction.lag.ms", "log.cleaner.backoff.ms",
            "min.insync.replicas", "unclean.leader.election.enable");

    private DynamicBrokerSettings() {
    }

    public static boolean isDynamic(String key) {
        return NAMES.contains(key);
    }

    public static Set<String> names() {
        return NAMES;
    }
}
