package io.tributary.api.topic;

import static io.tributary.api.kafka.KafkaCalls.await;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.api.error.ErrorCode;
import io.tributary.api.generated.model.TopicCreateDto;
import io.tributary.api.generated.model.TopicDto;
import io.tributary.api.generated.model.TopicPageDto;
import io.tributary.api.generated.model.TopicPartitionDto;
import io.tributary.api.generated.model.TopicSummaryDto;
import io.tributary.api.generated.model.TopicUpdateDto;
import io.tributary.api.kafka.InstanceKafka;
import io.tributary.provisioning.catalog.FlavorCatalog;
import io.tributary.provisioning.instance.Instance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.springframework.stereotype.Service;

/** Topics of an instance, through Kafka's Admin client. */
@Service
class TopicService {

    private final InstanceKafka kafka;
    private final FlavorCatalog flavors;

    TopicService(InstanceKafka kafka, FlavorCatalog flavors) {
        this.kafka = kafka;
        this.flavors = flavors;
    }

    TopicPageDto list(UUID project, UUID instanceId, int page, int size, String q, boolean includeInternal) {
        Instance instance = kafka.serving(project, instanceId);
        Admin admin = kafka.admin(instance);
        List<String> names = await(admin.listTopics(new ListTopicsOptions().listInternal(includeInternal)).names())
                .stream().filter(n -> q == null || n.toLowerCase().contains(q.toLowerCase())).sorted().toList();
        List<String> pageNames = names.stream().skip((long) page * size).limit(size).toList();
        Map<String, TopicDescription> descriptions = pageNames.isEmpty() ? Map.of()
                : await(admin.describeTopics(pageNames).allTopicNames());
        Map<TopicPartition, long[]> offsets = offsets(admin, descriptions.values());
        Map<String, Long> sizes = sizes(admin, descriptions.values());
        List<TopicSummaryDto> items = pageNames.stream().map(descriptions::get).map(d -> new TopicSummaryDto()
                .name(d.name()).partitions(d.partitions().size())
                .replicationFactor(d.partitions().isEmpty() ? 0 : d.partitions().get(0).replicas().size())
                .internal(d.isInternal())
                .sizeBytes(sizes.getOrDefault(d.name(), 0L))
                .messageCountEstimate(messageCount(d, offsets))).toList();
        return new TopicPageDto().items(items).page(page).size(size).totalItems((long) names.size())
                .totalPages((names.size() + size - 1) / size);
    }

    TopicDto get(UUID project, UUID instanceId, String topic) {
        Instance instance = kafka.serving(project, instanceId);
        return describe(kafka.admin(instance), topic);
    }

    TopicDto create(UUID project, UUID instanceId, TopicCreateDto order) {
        Instance instance = kafka.serving(project, instanceId);
        List<FieldProblem> problems = new ArrayList<>(TopicSettings.screen(order.getConfigs()));
        if (!TopicSettings.NAME.matcher(order.getName()).matches() || order.getName().equals(".")
                || order.getName().equals("..")) {
            problems.add(new FieldProblem("name", "use letters, digits, '.', '_' and '-' (at most 249)"));
        }
        int partitions = order.getPartitions() == null ? 3 : order.getPartitions();
        int rf = order.getReplicationFactor() == null ? Math.min(3, instance.getBrokerCount()) : order.getReplicationFactor();
        if (rf > instance.getBrokerCount()) {
            problems.add(new FieldProblem("replicationFactor", "at most the broker count, " + instance.getBrokerCount()));
        }
        if (Boolean.TRUE.equals(order.getSyncReplication()) && rf < 3) {
            problems.add(new FieldProblem("syncReplication", "needs a replication factor of at least 3"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        Admin admin = kafka.admin(instance);
        checkPartitionLimit(instance, admin, partitions, "partitions");
        Map<String, String> configs = new HashMap<>(order.getConfigs() == null ? Map.of() : order.getConfigs());
        int retentionHours = order.getRetentionHours() == null ? instance.getRetentionHours() : order.getRetentionHours();
        configs.put("retention.ms", Long.toString(TopicSettings.retentionMs(retentionHours)));
        if (Boolean.TRUE.equals(order.getSyncReplication())) {
            configs.put("min.insync.replicas", Integer.toString(TopicSettings.syncMinIsr(rf)));
        }
        if (Boolean.TRUE.equals(order.getSyncFlush())) {
            configs.put("flush.messages", "1");
        }
        await(admin.createTopics(List.of(new NewTopic(order.getName(), partitions, (short) rf).configs(configs))).all());
        return describeOnceKnown(admin, order.getName(), partitions);
    }

    TopicDto update(UUID project, UUID instanceId, String topic, TopicUpdateDto change) {
        Instance instance = kafka.serving(project, instanceId);
        Admin admin = kafka.admin(instance);
        TopicDto current = describe(admin, topic);
        List<FieldProblem> problems = new ArrayList<>(TopicSettings.screen(change.getConfigs()));
        if (change.getPartitions() != null && change.getPartitions() < current.getPartitions()) {
            problems.add(new FieldProblem("partitions", "partitions can only be added: the topic has "
                    + current.getPartitions() + "; Kafka cannot remove partitions without losing data"));
        }
        if (Boolean.TRUE.equals(change.getSyncReplication()) && current.getReplicationFactor() < 3) {
            problems.add(new FieldProblem("syncReplication", "needs a replication factor of at least 3"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        List<AlterConfigOp> ops = new ArrayList<>();
        if (change.getConfigs() != null) {
            change.getConfigs().forEach((k, v) -> ops.add(set(k, v)));
        }
        if (change.getRetentionHours() != null) {
            ops.add(set("retention.ms", Long.toString(TopicSettings.retentionMs(change.getRetentionHours()))));
        }
        if (change.getSyncReplication() != null) {
            ops.add(change.getSyncReplication()
                    ? set("min.insync.replicas", Integer.toString(TopicSettings.syncMinIsr(current.getReplicationFactor())))
                    : new AlterConfigOp(new ConfigEntry("min.insync.replicas", ""), AlterConfigOp.OpType.DELETE));
        }
        if (change.getSyncFlush() != null) {
            ops.add(change.getSyncFlush() ? set("flush.messages", "1")
                    : new AlterConfigOp(new ConfigEntry("flush.messages", ""), AlterConfigOp.OpType.DELETE));
        }
        if (!ops.isEmpty()) {
            await(admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), ops)).all());
        }
        if (change.getPartitions() != null && change.getPartitions() > current.getPartitions()) {
            checkPartitionLimit(instance, admin, change.getPartitions() - current.getPartitions(), "partitions");
            await(admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(change.getPartitions()))).all());
        }
        int wanted = change.getPartitions() == null ? 0 : change.getPartitions();
        return describeOnceKnown(admin, topic, wanted);
    }

    void delete(UUID project, UUID instanceId, String topic) {
        Instance instance = kafka.serving(project, instanceId);
        Admin admin = kafka.admin(instance);
        if (!await(admin.listTopics(new ListTopicsOptions().listInternal(true)).names()).contains(topic)) {
            throw ApiException.notFound("topic " + topic);
        }
        await(admin.deleteTopics(List.of(topic)).all());
    }

    /** The flavor's partition limit, per broker, over the whole instance. */
    private void checkPartitionLimit(Instance instance, Admin admin, int adding, String field) {
        int limit = flavors.get(instance.getFlavor()).maxPartitionsPerBroker() * instance.getBrokerCount();
        var names = await(admin.listTopics(new ListTopicsOptions().listInternal(false)).names());
        int existing = names.isEmpty() ? 0 : await(admin.describeTopics(names).allTopicNames()).values().stream()
                .mapToInt(d -> d.partitions().size()).sum();
        if (existing + adding > limit) {
            throw new ApiException(ErrorCode.KAFKA_REJECTED, "the instance would have " + (existing + adding)
                    + " partitions; " + instance.getFlavor() + " allows " + limit + " ("
                    + flavors.get(instance.getFlavor()).maxPartitionsPerBroker() + " per broker)",
                    List.of(new FieldProblem(field, "over the flavor's partition limit of " + limit)));
        }
    }

    /**
     * A new topic (or partition) reaches every broker's metadata a moment after it was made;
     * wait for that, briefly, so the answer shows what was just done.
     */
    private TopicDto describeOnceKnown(Admin admin, String topic, int partitions) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                TopicDto found = describe(admin, topic);
                if (found.getPartitions() >= partitions || System.nanoTime() > deadline) {
                    return found;
                }
                java.util.concurrent.TimeUnit.MILLISECONDS.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return describe(admin, topic);
            } catch (ApiException notYet) {
                if (notYet.code() != ErrorCode.NOT_FOUND || System.nanoTime() > deadline) {
                    throw notYet;
                }
                try {
                    java.util.concurrent.TimeUnit.MILLISECONDS.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw notYet;
                }
            }
        }
    }

    private TopicDto describe(Admin admin, String topic) {
        TopicDescription d = await(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = await(admin.describeConfigs(List.of(resource)).all()).get(resource);
        Map<String, String> own = config.entries().stream()
                .filter(e -> e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
                .collect(Collectors.toMap(ConfigEntry::name, e -> e.value() == null ? "" : e.value(), (a, b) -> a, java.util.TreeMap::new));
        Map<TopicPartition, long[]> offsets = offsets(admin, List.of(d));
        Map<Integer, String> racks = await(admin.describeCluster().nodes()).stream()
                .collect(Collectors.toMap(Node::id, n -> n.rack() == null ? "" : n.rack()));
        long retentionMs = Long.parseLong(config.get("retention.ms").value());
        int rf = d.partitions().isEmpty() ? 0 : d.partitions().get(0).replicas().size();
        String minIsr = own.get("min.insync.replicas");
        return new TopicDto().name(d.name()).partitions(d.partitions().size()).replicationFactor(rf).internal(d.isInternal())
                .retentionHours(retentionMs < 0 ? null : (int) Math.max(1, retentionMs / 3_600_000L))
                .syncReplication(minIsr != null && Integer.parseInt(minIsr) >= TopicSettings.syncMinIsr(rf) && rf >= 3)
                .syncFlush("1".equals(own.get("flush.messages")))
                .configs(own)
                .partitionDetails(d.partitions().stream().map(p -> {
                    long[] o = offsets.getOrDefault(new TopicPartition(d.name(), p.partition()), new long[] {0, 0});
                    return new TopicPartitionDto().partition(p.partition())
                            .leader(p.leader() == null || p.leader().isEmpty() ? null : p.leader().id())
                            .replicas(p.replicas().stream().map(Node::id).toList())
                            .isr(p.isr().stream().map(Node::id).toList())
                            .replicaRacks(p.replicas().stream().map(n -> racks.getOrDefault(n.id(), "")).toList())
                            .earliestOffset(o[0]).latestOffset(o[1]);
                }).toList())
                .messageCountEstimate(messageCount(d, offsets));
    }

    private static AlterConfigOp set(String key, String value) {
        return new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET);
    }

    /** Earliest and latest offset of every partition of the topics. */
    static Map<TopicPartition, long[]> offsets(Admin admin, Collection<TopicDescription> topics) {
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicDescription d : topics) {
            d.partitions().forEach(p -> {
                earliest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.earliest());
                latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
            });
        }
        if (earliest.isEmpty()) {
            return Map.of();
        }
        var first = await(admin.listOffsets(earliest).all());
        var last = await(admin.listOffsets(latest).all());
        Map<TopicPartition, long[]> result = new HashMap<>();
        first.forEach((tp, info) -> result.put(tp, new long[] {info.offset(), last.get(tp).offset()}));
        return result;
    }

    private static long messageCount(TopicDescription d, Map<TopicPartition, long[]> offsets) {
        return d.partitions().stream()
                .mapToLong(p -> {
                    long[] o = offsets.get(new TopicPartition(d.name(), p.partition()));
                    return o == null ? 0 : Math.max(0, o[1] - o[0]);
                }).sum();
    }

    /** Bytes on disk per topic, summed over replicas and brokers. */
    private static Map<String, Long> sizes(Admin admin, Collection<TopicDescription> topics) {
        if (topics.isEmpty()) {
            return Map.of();
        }
        var wanted = topics.stream().map(TopicDescription::name).collect(Collectors.toSet());
        List<Integer> brokers = await(admin.describeCluster().nodes()).stream().map(Node::id).toList();
        Map<String, Long> sizes = new HashMap<>();
        await(admin.describeLogDirs(brokers).allDescriptions()).values().forEach(dirs -> dirs.values().forEach(dir ->
                dir.replicaInfos().forEach((tp, info) -> {
                    if (wanted.contains(tp.topic())) {
                        sizes.merge(tp.topic(), info.size(), Long::sum);
                    }
                })));
        return sizes;
    }
}
