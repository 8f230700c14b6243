package io.tributary.api.topic;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.api.error.ErrorCode;
import io.tributary.api.generated.model.TopicCreateDto;
import io.tributary.api.generated.model.TopicDto;
import io.tributary.api.generated.model.TopicUpdateDto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * What a topic order or change means before Kafka sees it: the checks (400 with every field
 * problem at once), the defaults, the topic settings behind the synchronous-replication,
 * sync-flush and retention fields, and the flavor's partition limit. No Kafka calls.
 */
final class TopicRules {

    static final int DEFAULT_PARTITIONS = 3;
    /** Synchronous replication needs at least this replication factor (min.insync.replicas of at least 2). */
    static final int SYNC_MIN_REPLICATION = 3;

    private TopicRules() {
    }

    /** The topic to create for {@code order} on an instance of {@code brokers} brokers; 400 if the order is invalid. */
    static NewTopic newTopic(TopicCreateDto order, int brokers, int instanceRetentionHours) {
        List<FieldProblem> problems = new ArrayList<>(TopicSettings.screen(order.getConfigs()));
        if (!TopicSettings.NAME.matcher(order.getName()).matches() || order.getName().equals(".")
                || order.getName().equals("..")) {
            problems.add(new FieldProblem("name", "use letters, digits, '.', '_' and '-' (at most 249)"));
        }
        int partitions = order.getPartitions() == null ? DEFAULT_PARTITIONS : order.getPartitions();
        int rf = order.getReplicationFactor() == null ? Math.min(3, brokers) : order.getReplicationFactor();
        if (rf > brokers) {
            problems.add(new FieldProblem("replicationFactor", "at most the broker count, " + brokers));
        }
        if (Boolean.TRUE.equals(order.getSyncReplication()) && rf < SYNC_MIN_REPLICATION) {
            problems.add(syncNeedsReplicas());
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        Map<String, String> configs = new HashMap<>(order.getConfigs() == null ? Map.of() : order.getConfigs());
        int retentionHours = order.getRetentionHours() == null ? instanceRetentionHours : order.getRetentionHours();
        configs.put("retention.ms", Long.toString(TopicSettings.retentionMs(retentionHours)));
        if (Boolean.TRUE.equals(order.getSyncReplication())) {
            configs.put("min.insync.replicas", Integer.toString(TopicSettings.syncMinIsr(rf)));
        }
        if (Boolean.TRUE.equals(order.getSyncFlush())) {
            configs.put("flush.messages", "1");
        }
        return new NewTopic(order.getName(), partitions, (short) rf).configs(configs);
    }

    /** 400 unless {@code change} can be made to the topic as it is now. */
    static void checkChange(TopicUpdateDto change, TopicDto current) {
        List<FieldProblem> problems = new ArrayList<>(TopicSettings.screen(change.getConfigs()));
        if (change.getPartitions() != null && change.getPartitions() < current.getPartitions()) {
            problems.add(new FieldProblem("partitions", "partitions can only be added: the topic has "
                    + current.getPartitions() + "; Kafka cannot remove partitions without losing data"));
        }
        if (Boolean.TRUE.equals(change.getSyncReplication()) && current.getReplicationFactor() < SYNC_MIN_REPLICATION) {
            problems.add(syncNeedsReplicas());
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }

    /** The topic settings to set or remove for a (checked) change of a topic with {@code replicationFactor}. */
    static List<AlterConfigOp> settingChanges(TopicUpdateDto change, int replicationFactor) {
        List<AlterConfigOp> ops = new ArrayList<>();
        if (change.getConfigs() != null) {
            change.getConfigs().forEach((k, v) -> ops.add(set(k, v)));
        }
        if (change.getRetentionHours() != null) {
            ops.add(set("retention.ms", Long.toString(TopicSettings.retentionMs(change.getRetentionHours()))));
        }
        if (change.getSyncReplication() != null) {
            ops.add(change.getSyncReplication()
                    ? set("min.insync.replicas", Integer.toString(TopicSettings.syncMinIsr(replicationFactor)))
                    : remove("min.insync.replicas"));
        }
        if (change.getSyncFlush() != null) {
            ops.add(change.getSyncFlush() ? set("flush.messages", "1") : remove("flush.messages"));
        }
        return ops;
    }

    /** How many partitions {@code change} adds to a topic that has {@code current}; 0 for none. */
    static int partitionsAdded(TopicUpdateDto change, int current) {
        return change.getPartitions() == null ? 0 : Math.max(0, change.getPartitions() - current);
    }

    /** The flavor's partition limit, per broker, over the whole instance. */
    record PartitionLimit(String flavor, int perBroker, int brokers) {

        int total() {
            return perBroker * brokers;
        }

        /** 400 (KAFKA_REJECTED) if {@code adding} partitions to the {@code existing} ones would pass the limit. */
        void check(int existing, int adding) {
            if (existing + adding > total()) {
                throw new ApiException(ErrorCode.KAFKA_REJECTED, "the instance would have " + (existing + adding)
                        + " partitions; " + flavor + " allows " + total() + " (" + perBroker + " per broker)",
                        List.of(new FieldProblem("partitions", "over the flavor's partition limit of " + total())));
            }
        }
    }

    private static FieldProblem syncNeedsReplicas() {
        return new FieldProblem("syncReplication", "needs a replication factor of at least " + SYNC_MIN_REPLICATION);
    }

    private static AlterConfigOp set(String key, String value) {
        return new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET);
    }

    private static AlterConfigOp remove(String key) {
        return new AlterConfigOp(new ConfigEntry(key, ""), AlterConfigOp.OpType.DELETE);
    }
}
