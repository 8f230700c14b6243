package io.tributary.provisioning.capacity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * TIME_BASE: frees full brokers' disks by deleting the oldest half of every partition they hold
 * (Admin deleteRecords moves the log start; the broker then removes the segments below it).
 *
 * <p>Only partitions whose topic's {@code cleanup.policy} contains {@code delete} are cut (Kafka
 * refuses deleteRecords on a compacted topic). A pass is planned first (which partitions, cut
 * where, and so which brokers hold a replica of a cut partition); the caller then claims the
 * action for those brokers (stores its cooldown) and only a claimed pass cuts. Every partition's
 * result is taken on its own: one refusal neither hides the partitions that were cut nor stops
 * the others.
 */
class OldestDataDeleter {

    private static final int TIMEOUT_SECONDS = 15;

    /** What one pass would do: the cut offset per partition, and every broker holding a replica of one. */
    record Plan(Map<TopicPartition, Long> cuts, Set<Integer> replicaNodes, Set<String> skippedTopics) {
    }

    /**
     * What a pass did. {@code claimed} false: another pass (another control plane) acted first and
     * nothing was cut.
     */
    record Result(boolean claimed, Set<Integer> replicaNodes, int cut, Set<String> topics,
                  Set<String> skippedTopics, Map<TopicPartition, String> refused) {

        static Result notClaimed() {
            return new Result(false, Set.of(), 0, Set.of(), Set.of(), Map.of());
        }
    }

    /**
     * Plans the pass for the full brokers {@code fullNodes}, asks {@code claim} (with every broker a
     * cut touches), and cuts only if it agreed.
     */
    Result deleteOldestHalf(Properties clientProperties, Set<Integer> fullNodes, Predicate<Set<Integer>> claim)
            throws Exception {
        try (Admin admin = Admin.create(adminProperties(clientProperties))) {
            Plan plan = plan(admin, fullNodes);
            Set<Integer> touched = new TreeSet<>(fullNodes);
            touched.addAll(plan.replicaNodes());
            if (!claim.test(touched)) {
                return Result.notClaimed();
            }
            return cut(admin, plan, touched);
        }
    }

    Plan plan(Admin admin, Set<Integer> fullNodes) throws Exception {
        Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(false)).names()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (names.isEmpty()) {
            return new Plan(Map.of(), Set.of(), Set.of());
        }
        Set<String> deletable = new HashSet<>();
        Set<String> skipped = new TreeSet<>();
        cleanupPolicies(admin, names).forEach((topic, policy) -> {
            if (allowsDeletion(policy)) {
                deletable.add(topic);
            } else {
                skipped.add(topic);
            }
        });
        if (deletable.isEmpty()) {
            return new Plan(Map.of(), Set.of(), skipped);
        }
        Map<String, TopicDescription> topics = admin.describeTopics(deletable).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, List<Integer>> replicas = new HashMap<>();
        topics.values().forEach(d -> d.partitions().stream()
                .filter(part -> part.replicas().stream().anyMatch(n -> fullNodes.contains(n.id())))
                .forEach(part -> {
                    TopicPartition tp = new TopicPartition(d.name(), part.partition());
                    earliest.put(tp, OffsetSpec.earliest());
                    latest.put(tp, OffsetSpec.latest());
                    replicas.put(tp, part.replicas().stream().map(n -> n.id()).toList());
                }));
        if (earliest.isEmpty()) {
            return new Plan(Map.of(), Set.of(), skipped);
        }
        ListOffsetsResult first = admin.listOffsets(earliest);
        ListOffsetsResult last = admin.listOffsets(latest);
        Map<TopicPartition, Long> cuts = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
        Set<Integer> nodes = new TreeSet<>();
        for (TopicPartition tp : earliest.keySet()) {
            try {
                long start = first.partitionResult(tp).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).offset();
                long end = last.partitionResult(tp).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).offset();
                long cut = start + (end - start) / 2;
                if (cut > start) {
                    cuts.put(tp, cut);
                    nodes.addAll(replicas.get(tp));
                }
            } catch (ExecutionException e) {
                // no leader right now: this partition is left for a later pass
            }
        }
        return new Plan(cuts, nodes, skipped);
    }

    /** Cuts each planned partition; each result is looked at on its own. */
    Result cut(Admin admin, Plan plan, Set<Integer> touched) throws InterruptedException {
        if (plan.cuts().isEmpty()) {
            return new Result(true, touched, 0, Set.of(), plan.skippedTopics(), Map.of());
        }
        Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
        plan.cuts().forEach((tp, cut) -> delete.put(tp, RecordsToDelete.beforeOffset(cut)));
        Map<TopicPartition, KafkaFuture<org.apache.kafka.clients.admin.DeletedRecords>> results =
                admin.deleteRecords(delete).lowWatermarks();
        int cut = 0;
        Set<String> topics = new TreeSet<>();
        Map<TopicPartition, String> refused = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
        for (var entry : results.entrySet()) {
            try {
                entry.getValue().get(30, TimeUnit.SECONDS);
                cut++;
                topics.add(entry.getKey().topic());
            } catch (ExecutionException e) {
                refused.put(entry.getKey(), String.valueOf(e.getCause()));
            } catch (java.util.concurrent.TimeoutException e) {
                refused.put(entry.getKey(), "no answer within 30 s");
            }
        }
        return new Result(true, touched, cut, topics, plan.skippedTopics(), refused);
    }

    /** Kafka's rule for deleteRecords: the policy must contain {@code delete} ("delete", "compact,delete"). */
    static boolean allowsDeletion(String cleanupPolicy) {
        if (cleanupPolicy == null) {
            return true; // the broker default, delete
        }
        for (String part : cleanupPolicy.split(",")) {
            if (part.trim().equalsIgnoreCase(TopicConfig.CLEANUP_POLICY_DELETE)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> cleanupPolicies(Admin admin, Set<String> names) throws Exception {
        List<ConfigResource> resources = new ArrayList<>();
        names.forEach(n -> resources.add(new ConfigResource(ConfigResource.Type.TOPIC, n)));
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, String> policies = new HashMap<>();
        configs.forEach((resource, config) -> {
            ConfigEntry entry = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            policies.put(resource.name(), entry == null ? null : entry.value());
        });
        return policies;
    }

    private static Properties adminProperties(Properties clientProperties) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        return p;
    }

    static List<String> sample(Set<String> topics) {
        return topics.stream().limit(5).toList();
    }
}
