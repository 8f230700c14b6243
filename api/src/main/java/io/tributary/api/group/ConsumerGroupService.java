package io.tributary.api.group;

import static io.tributary.api.kafka.KafkaCalls.await;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.api.error.ErrorCode;
import io.tributary.api.generated.model.ConsumerGroupDto;
import io.tributary.api.generated.model.ConsumerGroupMemberDto;
import io.tributary.api.generated.model.ConsumerGroupOffsetDto;
import io.tributary.api.generated.model.ConsumerGroupSummaryDto;
import io.tributary.api.generated.model.OffsetResetDto;
import io.tributary.api.generated.model.OffsetResetPartitionDto;
import io.tributary.api.generated.model.OffsetResetResultDto;
import io.tributary.api.generated.model.TopicPartitionRefDto;
import io.tributary.api.kafka.InstanceKafka;
import io.tributary.provisioning.instance.Instance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Service;

/** Consumer groups, their lag, and backtracking (offset resets), through the Admin client. */
@Service
class ConsumerGroupService {

    private final InstanceKafka kafka;

    ConsumerGroupService(InstanceKafka kafka) {
        this.kafka = kafka;
    }

    List<ConsumerGroupSummaryDto> list(UUID project, UUID instanceId) {
        Instance instance = kafka.serving(project, instanceId);
        Admin admin = kafka.admin(instance);
        List<String> ids = await(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()).stream()
                .map(GroupListing::groupId).sorted().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, ConsumerGroupDescription> descriptions = await(admin.describeConsumerGroups(ids).all());
        return ids.stream().map(id -> {
            ConsumerGroupDescription d = descriptions.get(id);
            return new ConsumerGroupSummaryDto().groupId(id).state(d.groupState().toString()).members(d.members().size())
                    .totalLag(offsets(admin, id).stream().mapToLong(ConsumerGroupOffsetDto::getLag).sum());
        }).toList();
    }

    ConsumerGroupDto get(UUID project, UUID instanceId, String group) {
        Instance instance = kafka.serving(project, instanceId);
        Admin admin = kafka.admin(instance);
        ConsumerGroupDescription d = describe(admin, group);
        List<ConsumerGroupOffsetDto> offsets = offsets(admin, group);
        return new ConsumerGroupDto().groupId(group).state(d.groupState().toString())
                .members(d.members().stream().map(m -> new ConsumerGroupMemberDto().memberId(m.consumerId())
                        .clientId(m.clientId()).host(m.host())
                        .assignments(m.assignment().topicPartitions().stream()
                                .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                                .map(tp -> new TopicPartitionRefDto().topic(tp.topic()).partition(tp.partition())).toList()))
                        .toList())
                .offsets(offsets)
                .totalLag(offsets.stream().mapToLong(ConsumerGroupOffsetDto::getLag).sum());
    }

    void delete(UUID project, UUID instanceId, String group) {
        Instance instance = kafka.serving(project, instanceId);
        Admin admin = kafka.admin(instance);
        refuseIfActive(describe(admin, group));
        await(admin.deleteConsumerGroups(List.of(group)).all());
    }

    OffsetResetResultDto reset(UUID project, UUID instanceId, String group, OffsetResetDto request) {
        Instance instance = kafka.serving(project, instanceId);
        Admin admin = kafka.admin(instance);
        ConsumerGroupDescription description = describe(admin, group);
        Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group);
        List<TopicPartition> partitions = targetPartitions(admin, request, committed.keySet());
        Map<TopicPartition, Long> earliest = listOffsets(admin, partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> latest = listOffsets(admin, partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> target = OffsetResetPlan.compute(request, partitions, committed, earliest, latest,
                () -> listOffsets(admin, partitions, OffsetSpec.forTimestamp(request.getTimestamp().toInstant().toEpochMilli())));
        boolean dryRun = Boolean.TRUE.equals(request.getDryRun());
        if (!dryRun) {
            refuseIfActive(description);
            Map<TopicPartition, OffsetAndMetadata> change = new HashMap<>();
            target.forEach((tp, o) -> change.put(tp, new OffsetAndMetadata(o)));
            await(admin.alterConsumerGroupOffsets(group, change).all());
        }
        return new OffsetResetResultDto().dryRun(dryRun).partitions(partitions.stream()
                .map(tp -> new OffsetResetPartitionDto().topic(tp.topic()).partition(tp.partition())
                        .currentOffset(committed.containsKey(tp) ? committed.get(tp).offset() : null)
                        .newOffset(target.get(tp)))
                .toList());
    }

    /** Kafka's own rule: offsets of a group with live members cannot be changed. */
    private static void refuseIfActive(ConsumerGroupDescription d) {
        if (!d.members().isEmpty()) {
            String members = d.members().stream().map(m -> m.clientId() + " (" + m.host() + ")")
                    .collect(Collectors.joining(", "));
            throw new ApiException(ErrorCode.GROUP_ACTIVE, "the group " + d.groupId() + " has active members: " + members
                    + "; stop them first");
        }
    }

    private static ConsumerGroupDescription describe(Admin admin, String group) {
        ConsumerGroupDescription d = await(admin.describeConsumerGroups(List.of(group)).all()).get(group);
        if (d == null || (d.members().isEmpty() && "DEAD".equals(d.groupState().name()))) {
            throw ApiException.notFound("consumer group " + group);
        }
        return d;
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(
                await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()));
        offsets.values().removeIf(v -> v == null);
        return offsets;
    }

    private List<ConsumerGroupOffsetDto> offsets(Admin admin, String group) {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group);
        Map<TopicPartition, Long> end = listOffsets(admin, new ArrayList<>(committed.keySet()), OffsetSpec.latest());
        return committed.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition)))
                .map(e -> {
                    long logEnd = end.getOrDefault(e.getKey(), 0L);
                    return new ConsumerGroupOffsetDto().topic(e.getKey().topic()).partition(e.getKey().partition())
                            .committedOffset(e.getValue().offset()).logEndOffset(logEnd)
                            .lag(Math.max(0, logEnd - e.getValue().offset()));
                }).toList();
    }

    private static List<TopicPartition> targetPartitions(Admin admin, OffsetResetDto request, Set<TopicPartition> committed) {
        if (request.getTopic() == null) {
            if (request.getPartitions() != null && !request.getPartitions().isEmpty()) {
                throw ApiException.invalid(List.of(new FieldProblem("partitions", "name the topic they belong to")));
            }
            if (committed.isEmpty()) {
                throw ApiException.invalid(List.of(new FieldProblem("topic",
                        "the group has no committed offsets; name the topic to reset")));
            }
            return committed.stream().sorted(Comparator.comparing(TopicPartition::topic)
                    .thenComparingInt(TopicPartition::partition)).toList();
        }
        var description = await(admin.describeTopics(List.of(request.getTopic())).allTopicNames()).get(request.getTopic());
        int count = description.partitions().size();
        List<Integer> wanted = request.getPartitions() == null || request.getPartitions().isEmpty()
                ? description.partitions().stream().map(p -> p.partition()).toList() : request.getPartitions();
        for (Integer p : wanted) {
            if (p >= count) {
                throw ApiException.invalid(List.of(new FieldProblem("partitions",
                        request.getTopic() + " has partitions 0 to " + (count - 1))));
            }
        }
        return wanted.stream().sorted().map(p -> new TopicPartition(request.getTopic(), p)).toList();
    }

    static Map<TopicPartition, Long> listOffsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, Long> result = new HashMap<>();
        await(admin.listOffsets(request).all()).forEach((tp, info) -> result.put(tp, info.offset()));
        return result;
    }
}
