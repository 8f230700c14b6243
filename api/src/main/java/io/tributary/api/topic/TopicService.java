package io.tributary.api.topic;

import static io.tributary.api.kafka.KafkaCalls.await;

import io.tributary.api.error.ApiException;
import io.tributary.api.generated.model.TopicCreateDto;
import io.tributary.api.generated.model.TopicDto;
import io.tributary.api.generated.model.TopicPageDto;
import io.tributary.api.generated.model.TopicSummaryDto;
import io.tributary.api.generated.model.TopicUpdateDto;
import io.tributary.api.kafka.InstanceKafka;
import io.tributary.api.topic.TopicView.Offsets;
import io.tributary.provisioning.catalog.FlavorCatalog;
import io.tributary.provisioning.instance.Instance;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.springframework.stereotype.Service;

/**
 * Topics of an instance, through Kafka's Admin client: asks Kafka, applies {@link TopicRules}
 * and answers with {@link TopicView}.
 */
@Service
class TopicService {

    private final InstanceKafka kafka;
    private final FlavorCatalog flavors;
    private final MetadataWait metadata = MetadataWait.standard();

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
        Map<TopicPartition, Offsets> offsets = offsets(admin, descriptions.values());
        Map<String, Long> sizes = sizes(admin, descriptions.values());
        List<TopicSummaryDto> items = pageNames.stream().map(descriptions::get)
                .map(d -> TopicView.summary(d, offsets, sizes)).toList();
        return TopicView.page(items, page, size, names.size());
    }

    TopicDto get(UUID project, UUID instanceId, String topic) {
        Instance instance = kafka.serving(project, instanceId);
        return describe(kafka.admin(instance), topic);
    }

    TopicDto create(UUID project, UUID instanceId, TopicCreateDto order) {
        Instance instance = kafka.serving(project, instanceId);
        NewTopic topic = TopicRules.newTopic(order, instance.getBrokerCount(), instance.getRetentionHours());
        Admin admin = kafka.admin(instance);
        partitionLimit(instance).check(partitionCount(admin), topic.numPartitions());
        await(admin.createTopics(List.of(topic)).all());
        return metadata.untilKnown(() -> describe(admin, topic.name()), topic.numPartitions());
    }

    TopicDto update(UUID project, UUID instanceId, String topic, TopicUpdateDto change) {
        Instance instance = kafka.serving(project, instanceId);
        Admin admin = kafka.admin(instance);
        TopicDto current = describe(admin, topic);
        TopicRules.checkChange(change, current);
        List<AlterConfigOp> ops = TopicRules.settingChanges(change, current.getReplicationFactor());
        if (!ops.isEmpty()) {
            await(admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), ops)).all());
        }
        int added = TopicRules.partitionsAdded(change, current.getPartitions());
        if (added > 0) {
            partitionLimit(instance).check(partitionCount(admin), added);
            await(admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(change.getPartitions()))).all());
        }
        int wanted = change.getPartitions() == null ? 0 : change.getPartitions();
        return metadata.untilKnown(() -> describe(admin, topic), wanted);
    }

    void delete(UUID project, UUID instanceId, String topic) {
        Instance instance = kafka.serving(project, instanceId);
        Admin admin = kafka.admin(instance);
        if (!await(admin.listTopics(new ListTopicsOptions().listInternal(true)).names()).contains(topic)) {
            throw ApiException.notFound("topic " + topic);
        }
        await(admin.deleteTopics(List.of(topic)).all());
    }

    private TopicRules.PartitionLimit partitionLimit(Instance instance) {
        return new TopicRules.PartitionLimit(instance.getFlavor(),
                flavors.get(instance.getFlavor()).maxPartitionsPerBroker(), instance.getBrokerCount());
    }

    /** Partitions of the instance's topics, internal ones not counted. */
    private static int partitionCount(Admin admin) {
        var names = await(admin.listTopics(new ListTopicsOptions().listInternal(false)).names());
        return names.isEmpty() ? 0 : await(admin.describeTopics(names).allTopicNames()).values().stream()
                .mapToInt(d -> d.partitions().size()).sum();
    }

    private static TopicDto describe(Admin admin, String topic) {
        TopicDescription d = await(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = await(admin.describeConfigs(List.of(resource)).all()).get(resource);
        Map<TopicPartition, Offsets> offsets = offsets(admin, List.of(d));
        Map<Integer, String> racks = await(admin.describeCluster().nodes()).stream()
                .collect(Collectors.toMap(Node::id, n -> n.rack() == null ? "" : n.rack()));
        return TopicView.detail(d, config, offsets, racks);
    }

    /** Earliest and latest offset of every partition of the topics. */
    private static Map<TopicPartition, Offsets> offsets(Admin admin, Collection<TopicDescription> topics) {
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
        Map<TopicPartition, Offsets> result = new HashMap<>();
        first.forEach((tp, info) -> result.put(tp, new Offsets(info.offset(), last.get(tp).offset())));
        return result;
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
