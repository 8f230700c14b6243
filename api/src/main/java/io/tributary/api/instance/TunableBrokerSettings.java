package io.tributary.api.instance;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.server.config.AbstractKafkaConfig;

/**
 * The broker settings a tenant may tune (as Huawei DMS publishes its modifiable parameters), each checked
 * against Kafka's own definition ({@link AbstractKafkaConfig#CONFIG_DEF}: type, validator). Numbers also get a
 * range of ours that lies inside Kafka's (a test holds it there), where Kafka's is open or wider than a
 * managed broker should take. Settings whose bounds depend on the order (replication, partitions,
 * auto-creation) are {@link OrderBound} and are checked by {@link BrokerConfigScreen} against the order.
 */
final class TunableBrokerSettings {

    /** Every broker setting Kafka 4.1 knows, with its type and validator. */
    static final ConfigDef KAFKA = AbstractKafkaConfig.CONFIG_DEF;

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long MAX_INT = Integer.MAX_VALUE;
    private static final long MAX_LONG = Long.MAX_VALUE;

    /** A tunable setting: its Kafka definition and, for numbers, the range we take (null: Kafka's check alone). */
    record Tunable(String key, ConfigDef.ConfigKey kafka, Long min, Long max) {

        boolean isWholeNumber() {
            return kafka.type == ConfigDef.Type.INT || kafka.type == ConfigDef.Type.SHORT || kafka.type == ConfigDef.Type.LONG;
        }

        /** A whole number with a fixed range of ours (the order-bound ones have their range from the order). */
        boolean hasRange() {
            return isWholeNumber() && min != null && max != null;
        }

        /** What a valid value looks like, for the problem a bad one gets. */
        String expected() {
            return switch (kafka.type) {
                case INT, SHORT, LONG -> hasRange() ? "a whole number from " + min + " to " + max : "a whole number";
                case DOUBLE -> "a number in " + kafka.validator;
                case BOOLEAN -> "true or false";
                default -> kafka.validator == null ? "a " + kafka.type.name().toLowerCase(java.util.Locale.ROOT)
                        : "one of " + kafka.validator;
            };
        }
    }

    /** Tunable, but bounded by the order rather than by a fixed range: the screen checks them. */
    enum OrderBound {
        NUM_PARTITIONS("num.partitions"),
        DEFAULT_REPLICATION_FACTOR("default.replication.factor"),
        MIN_INSYNC_REPLICAS("min.insync.replicas"),
        UNCLEAN_LEADER_ELECTION("unclean.leader.election.enable"),
        AUTO_CREATE_TOPICS("auto.create.topics.enable");

        final String key;

        OrderBound(String key) {
            this.key = key;
        }
    }

    private static final SortedMap<String, Tunable> ALL;

    static {
        SortedMap<String, Tunable> all = new TreeMap<>();
        // retention by size (time: the order's retention.defaultHours) and segment rolling
        number(all, "log.retention.bytes", -1, MAX_LONG);
        number(all, "log.roll.hours", 1, 8760);
        number(all, "log.roll.ms", MINUTE, MAX_LONG);
        // message and fetch sizes: a request is at most socket.request.max.bytes (100 MiB)
        number(all, "message.max.bytes", KIB, 64 * MIB);
        number(all, "replica.fetch.max.bytes", KIB, 64 * MIB);
        number(all, "replica.fetch.response.max.bytes", KIB, 256 * MIB);
        number(all, "fetch.max.bytes", KIB, 256 * MIB);
        // compression
        kafka(all, "compression.type");
        number(all, "compression.gzip.level", -1, 9);
        number(all, "compression.lz4.level", 1, 17);
        number(all, "compression.zstd.level", -131072, 22);
        // timestamps
        kafka(all, "log.message.timestamp.type");
        number(all, "log.message.timestamp.before.max.ms", 0, MAX_LONG);
        number(all, "log.message.timestamp.after.max.ms", 0, MAX_LONG);
        // consumer groups and committed offsets
        number(all, "offsets.retention.minutes", 1, 525_600);
        number(all, "offsets.retention.check.interval.ms", SECOND, 24 * HOUR);
        number(all, "group.min.session.timeout.ms", SECOND, HOUR);
        number(all, "group.max.session.timeout.ms", SECOND, HOUR);
        number(all, "group.initial.rebalance.delay.ms", 0, 5 * MINUTE);
        number(all, "group.max.size", 1, MAX_INT);
        number(all, "group.consumer.session.timeout.ms", SECOND, HOUR);
        number(all, "group.consumer.min.session.timeout.ms", SECOND, HOUR);
        number(all, "group.consumer.max.session.timeout.ms", SECOND, HOUR);
        // the heartbeat must lie within Kafka's group.consumer.min/max.heartbeat.interval.ms, which stay as Kafka has them
        number(all, "group.consumer.heartbeat.interval.ms", kafkaDefault("group.consumer.min.heartbeat.interval.ms"),
                kafkaDefault("group.consumer.max.heartbeat.interval.ms"));
        number(all, "group.consumer.max.size", 1, MAX_INT);
        // transactions and idempotent producers
        number(all, "transactional.id.expiration.ms", MINUTE, MAX_INT);
        number(all, "transaction.max.timeout.ms", SECOND, MAX_INT);
        number(all, "producer.id.expiration.ms", MINUTE, MAX_INT);
        // replication: a follower further behind than this leaves the ISR (Kafka needs it above
        // replica.fetch.wait.max.ms, 500)
        number(all, "replica.lag.time.max.ms", SECOND, 10 * MINUTE);
        // compaction: at least one cleaner thread, or __consumer_offsets grows without end
        number(all, "log.cleaner.threads", 1, 8);
        kafka(all, "log.cleaner.min.cleanable.ratio");
        number(all, "log.cleaner.delete.retention.ms", 0, MAX_LONG);
        number(all, "log.cleaner.min.compaction.lag.ms", 0, MAX_LONG);
        number(all, "log.cleaner.max.compaction.lag.ms", 1, MAX_LONG);
        number(all, "log.cleaner.backoff.ms", SECOND, 10 * MINUTE);
        // bounded by the order (BrokerConfigScreen): Kafka's type check here, the range there
        for (OrderBound bound : OrderBound.values()) {
            kafka(all, bound.key);
        }
        ALL = Collections.unmodifiableSortedMap(all);
    }

    /**
     * Asked for by name, but owned by a field of the order (which the API applies and shows): setting them here
     * would contradict it.
     */
    static final Map<String, String> OWNED_BY_ORDER_FIELDS = Map.of(
            "log.retention.hours", "retention.defaultHours",
            "log.retention.minutes", "retention.defaultHours",
            "log.retention.ms", "retention.defaultHours");

    private TunableBrokerSettings() {
    }

    static Optional<Tunable> find(String key) {
        return Optional.ofNullable(ALL.get(key));
    }

    static List<Tunable> all() {
        return List.copyOf(ALL.values());
    }

    static Optional<OrderBound> orderBound(String key) {
        for (OrderBound bound : OrderBound.values()) {
            if (bound.key.equals(key)) {
                return Optional.of(bound);
            }
        }
        return Optional.empty();
    }

    private static void number(Map<String, Tunable> all, String key, long min, long max) {
        all.put(key, new Tunable(key, definition(key), min, max));
    }

    private static void kafka(Map<String, Tunable> all, String key) {
        all.put(key, new Tunable(key, definition(key), null, null));
    }

    /** Kafka's default of a broker setting, as a config value. */
    static String defaultValue(String key) {
        return String.valueOf(definition(key).defaultValue);
    }

    private static long kafkaDefault(String key) {
        return ((Number) definition(key).defaultValue).longValue();
    }

    private static ConfigDef.ConfigKey definition(String key) {
        ConfigDef.ConfigKey definition = KAFKA.configKeys().get(key);
        if (definition == null) {
            throw new IllegalStateException("Kafka has no broker setting " + key);
        }
        return definition;
    }
}
