package io.tributary.provisioning.rebalance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.NoReassignmentInProgressException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The Kafka side of a rebalance, through the Admin client: reads the brokers (with their zones, Kafka's racks), every
 * partition's replicas and size; starts, follows and cancels partition reassignments; sets and lifts the replication
 * throttle the way Kafka's {@code kafka-reassign-partitions} does (a rate per broker, and per topic the replicas it
 * applies to: the current ones lead, the new ones follow); and elects the preferred leaders.
 */
public class PartitionMover {

    static final String LEADER_RATE = "leader.replication.throttled.rate";
    static final String FOLLOWER_RATE = "follower.replication.throttled.rate";
    static final String LEADER_REPLICAS = "leader.replication.throttled.replicas";
    static final String FOLLOWER_REPLICAS = "follower.replication.throttled.replicas";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** The cluster as a plan needs it. */
    public record Snapshot(List<ReplicaPlanner.BrokerNode> brokers, List<ReplicaPlanner.PartitionState> partitions) {

        public Map<TopicPartition, List<Integer>> replicas() {
            Map<TopicPartition, List<Integer>> replicas = new HashMap<>();
            partitions.forEach(p -> replicas.put(new TopicPartition(p.topic(), p.partition()), p.replicas()));
            return replicas;
        }
    }

    public Snapshot read(Admin admin) throws Exception {
        Collection<Node> nodes = await(admin.describeCluster().nodes());
        List<ReplicaPlanner.BrokerNode> brokers = nodes.stream()
                .map(n -> new ReplicaPlanner.BrokerNode(n.id(), n.rack() == null ? "" : n.rack()))
                .toList();
        Map<String, TopicDescription> topics = describeTopics(admin);
        Map<TopicPartition, Long> sizes = sizes(admin, nodes.stream().map(Node::id).toList());
        List<ReplicaPlanner.PartitionState> partitions = new ArrayList<>();
        for (TopicDescription topic : topics.values()) {
            topic.partitions().forEach(p -> partitions.add(new ReplicaPlanner.PartitionState(topic.name(), p.partition(),
                    p.replicas().stream().map(Node::id).toList(),
                    sizes.getOrDefault(new TopicPartition(topic.name(), p.partition()), 0L))));
        }
        return new Snapshot(brokers, partitions);
    }

    /** The replicas and leader of every partition now. */
    public Map<TopicPartition, List<Integer>> replicas(Admin admin) throws Exception {
        Map<TopicPartition, List<Integer>> replicas = new HashMap<>();
        describeTopics(admin).values().forEach(t -> t.partitions().forEach(p -> replicas.put(
                new TopicPartition(t.name(), p.partition()), p.replicas().stream().map(Node::id).toList())));
        return replicas;
    }

    public Set<TopicPartition> inProgress(Admin admin) throws Exception {
        return new HashSet<>(await(admin.listPartitionReassignments().reassignments()).keySet());
    }

    /** Starts (or, with the same target, confirms) the reassignment of each partition; a deleted topic is skipped. */
    public void submit(Admin admin, Map<TopicPartition, List<Integer>> targets) throws Exception {
        if (targets.isEmpty()) {
            return;
        }
        Map<TopicPartition, Optional<NewPartitionReassignment>> request = new HashMap<>();
        targets.forEach((tp, replicas) -> request.put(tp, Optional.of(new NewPartitionReassignment(replicas))));
        awaitEach(admin.alterPartitionReassignments(request).values(), UnknownTopicOrPartitionException.class);
    }

    /** Cancels the reassignments of these partitions still in progress: they keep their old replicas. */
    public void cancel(Admin admin, Set<TopicPartition> partitions) throws Exception {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Optional<NewPartitionReassignment>> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, Optional.empty()));
        awaitEach(admin.alterPartitionReassignments(request).values(), NoReassignmentInProgressException.class,
                UnknownTopicOrPartitionException.class);
    }

    /** Throttles the replication the moves cause to {@code bytesPerSecond} per broker. */
    public void throttle(Admin admin, long bytesPerSecond, List<RebalancePlan.Move> moves, Collection<Integer> brokers)
            throws Exception {
        Map<ConfigResource, Collection<AlterConfigOp>> ops = new HashMap<>();
        for (int broker : brokers) {
            ops.put(new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(broker)), List.of(
                    set(LEADER_RATE, Long.toString(bytesPerSecond)), set(FOLLOWER_RATE, Long.toString(bytesPerSecond))));
        }
        Map<String, List<String>> leaders = new TreeMap<>();
        Map<String, List<String>> followers = new TreeMap<>();
        for (RebalancePlan.Move move : moves) {
            for (int r : move.currentReplicas()) {
                leaders.computeIfAbsent(move.topic(), t -> new ArrayList<>()).add(move.partition() + ":" + r);
            }
            for (int r : move.proposedReplicas()) {
                if (!move.currentReplicas().contains(r)) {
                    followers.computeIfAbsent(move.topic(), t -> new ArrayList<>()).add(move.partition() + ":" + r);
                }
            }
        }
        for (String topic : leaders.keySet()) {
            ops.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                    set(LEADER_REPLICAS, String.join(",", leaders.get(topic))),
                    set(FOLLOWER_REPLICAS, String.join(",", followers.getOrDefault(topic, List.of())))));
        }
        awaitEach(admin.incrementalAlterConfigs(ops).values(), UnknownTopicOrPartitionException.class);
    }

    /** Lifts the throttle from these brokers and topics (nothing happens where none is set). */
    public void clearThrottle(Admin admin, Collection<Integer> brokers, Collection<String> topics) throws Exception {
        Map<ConfigResource, Collection<AlterConfigOp>> ops = new HashMap<>();
        for (int broker : brokers) {
            ops.put(new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(broker)),
                    List.of(delete(LEADER_RATE), delete(FOLLOWER_RATE)));
        }
        for (String topic : topics) {
            ops.put(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    List.of(delete(LEADER_REPLICAS), delete(FOLLOWER_REPLICAS)));
        }
        if (!ops.isEmpty()) {
            awaitEach(admin.incrementalAlterConfigs(ops).values(), UnknownTopicOrPartitionException.class);
        }
    }

    /**
     * Makes each partition's preferred (first) replica its leader where it is in sync; where an election is not
     * needed or not possible yet, the partition is left as it is (Kafka's automatic leader rebalancing catches up).
     *
     * @return the partitions whose preferred leader could not be elected
     */
    public Set<TopicPartition> electPreferredLeaders(Admin admin, Set<TopicPartition> partitions) throws Exception {
        if (partitions.isEmpty()) {
            return Set.of();
        }
        Map<TopicPartition, Optional<Throwable>> results = await(admin.electLeaders(ElectionType.PREFERRED, partitions)
                .partitions());
        return results.entrySet().stream()
                .filter(e -> e.getValue().isPresent()
                        && !(e.getValue().get() instanceof org.apache.kafka.common.errors.ElectionNotNeededException))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static Map<String, TopicDescription> describeTopics(Admin admin) throws Exception {
        Set<String> names = await(admin.listTopics(new ListTopicsOptions().listInternal(true)).names());
        return await(admin.describeTopics(names).allTopicNames());
    }

    /** Each partition's size: the largest of its replicas (the leader's, normally). */
    private static Map<TopicPartition, Long> sizes(Admin admin, List<Integer> brokers) throws Exception {
        Map<TopicPartition, Long> sizes = new HashMap<>();
        Map<Integer, Map<String, LogDirDescription>> dirs = await(admin.describeLogDirs(brokers).allDescriptions());
        for (Map<String, LogDirDescription> byDir : dirs.values()) {
            for (LogDirDescription dir : byDir.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                    sizes.merge(replica.getKey(), replica.getValue().size(), Math::max);
                }
            }
        }
        return sizes;
    }

    private static AlterConfigOp set(String name, String value) {
        return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
    }

    private static AlterConfigOp delete(String name) {
        return new AlterConfigOp(new ConfigEntry(name, ""), AlterConfigOp.OpType.DELETE);
    }

    private static <T> T await(KafkaFuture<T> future) throws Exception {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @SafeVarargs
    private static <K> void awaitEach(Map<K, KafkaFuture<Void>> futures, Class<? extends Exception>... ignored)
            throws Exception {
        for (KafkaFuture<Void> future : futures.values()) {
            try {
                await(future);
            } catch (Exception e) {
                boolean expected = false;
                for (Class<? extends Exception> type : ignored) {
                    expected |= type.isInstance(e);
                }
                if (!expected) {
                    throw e;
                }
            }
        }
    }
}
