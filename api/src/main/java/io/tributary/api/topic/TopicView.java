package io.tributary.api.topic;

import io.tributary.api.generated.model.TopicDto;
import io.tributary.api.generated.model.TopicPageDto;
import io.tributary.api.generated.model.TopicPartitionDto;
import io.tributary.api.generated.model.TopicSummaryDto;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/**
 * A topic as the API shows it, made from what Kafka answered: its description, its settings,
 * the earliest and latest offset of each partition, bytes on disk and the brokers' racks.
 * No Kafka calls.
 */
final class TopicView {

    private TopicView() {
    }

    /** Earliest and latest offset of a partition. */
    record Offsets(long earliest, long latest) {

        static final Offsets NONE = new Offsets(0, 0);

        long messages() {
            return Math.max(0, latest - earliest);
        }
    }

    static TopicPageDto page(List<TopicSummaryDto> items, int page, int size, int totalItems) {
        return new TopicPageDto().items(items).page(page).size(size).totalItems((long) totalItems)
                .totalPages((totalItems + size - 1) / size);
    }

    static TopicSummaryDto summary(TopicDescription d, Map<TopicPartition, Offsets> offsets, Map<String, Long> sizes) {
        return new TopicSummaryDto()
                .name(d.name()).partitions(d.partitions().size())
                .replicationFactor(replicationFactor(d))
                .internal(d.isInternal())
                .sizeBytes(sizes.getOrDefault(d.name(), 0L))
                .messageCountEstimate(messageCount(d, offsets));
    }

    /** The topic in full; {@code racks} maps broker ids to their rack ("" for none). */
    static TopicDto detail(TopicDescription d, Config config, Map<TopicPartition, Offsets> offsets,
                           Map<Integer, String> racks) {
        Map<String, String> own = ownSettings(config);
        long retentionMs = Long.parseLong(config.get("retention.ms").value());
        int rf = replicationFactor(d);
        String minIsr = own.get("min.insync.replicas");
        return new TopicDto().name(d.name()).partitions(d.partitions().size()).replicationFactor(rf).internal(d.isInternal())
                .retentionHours(retentionMs < 0 ? null : (int) Math.max(1, retentionMs / 3_600_000L))
                .syncReplication(minIsr != null && Integer.parseInt(minIsr) >= TopicSettings.syncMinIsr(rf)
                        && rf >= TopicRules.SYNC_MIN_REPLICATION)
                .syncFlush("1".equals(own.get("flush.messages")))
                .configs(own)
                .partitionDetails(d.partitions().stream().map(p -> {
                    Offsets o = offsets.getOrDefault(new TopicPartition(d.name(), p.partition()), Offsets.NONE);
                    return new TopicPartitionDto().partition(p.partition())
                            .leader(p.leader() == null || p.leader().isEmpty() ? null : p.leader().id())
                            .replicas(p.replicas().stream().map(Node::id).toList())
                            .isr(p.isr().stream().map(Node::id).toList())
                            .replicaRacks(p.replicas().stream().map(n -> racks.getOrDefault(n.id(), "")).toList())
                            .earliestOffset(o.earliest()).latestOffset(o.latest());
                }).toList())
                .messageCountEstimate(messageCount(d, offsets));
    }

    /** The settings set on the topic itself (not inherited from the broker or Kafka's defaults), sorted by name. */
    static Map<String, String> ownSettings(Config config) {
        return config.entries().stream()
                .filter(e -> e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
                .collect(Collectors.toMap(ConfigEntry::name, e -> e.value() == null ? "" : e.value(), (a, b) -> a,
                        TreeMap::new));
    }

    private static int replicationFactor(TopicDescription d) {
        return d.partitions().isEmpty() ? 0 : d.partitions().get(0).replicas().size();
    }

    private static long messageCount(TopicDescription d, Map<TopicPartition, Offsets> offsets) {
        return d.partitions().stream()
                .mapToLong(p -> {
                    Offsets o = offsets.get(new TopicPartition(d.name(), p.partition()));
                    return o == null ? 0 : o.messages();
                }).sum();
    }
}
