package io.tributary.api.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.generated.model.TopicDto;
import io.tributary.api.generated.model.TopicSummaryDto;
import io.tributary.api.topic.TopicView.Offsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConfigEntry.ConfigSource;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

class TopicViewTest {

    static final Node B1 = new Node(1, "b1", 9092, "zone-a");
    static final Node B2 = new Node(2, "b2", 9092, "zone-b");
    static final Node B3 = new Node(3, "b3", 9092);

    static final TopicDescription ORDERS = new TopicDescription("orders", false, List.of(
            new TopicPartitionInfo(0, B1, List.of(B1, B2, B3), List.of(B1, B2)),
            new TopicPartitionInfo(1, null, List.of(B2, B3, B1), List.of())));

    static ConfigEntry entry(String name, String value, ConfigSource source) {
        return new ConfigEntry(name, value, source, false, false, List.of(), ConfigEntry.ConfigType.STRING, null);
    }

    @Test
    void aTopicShowsItsOwnSettingsItsFieldsAndEachPartition() {
        Config config = new Config(List.of(
                entry("retention.ms", "7200000", ConfigSource.DYNAMIC_TOPIC_CONFIG),
                entry("min.insync.replicas", "2", ConfigSource.DYNAMIC_TOPIC_CONFIG),
                entry("flush.messages", "1", ConfigSource.DYNAMIC_TOPIC_CONFIG),
                entry("segment.bytes", "1073741824", ConfigSource.DEFAULT_CONFIG)));
        Map<TopicPartition, Offsets> offsets = Map.of(new TopicPartition("orders", 0), new Offsets(5, 15));

        TopicDto topic = TopicView.detail(ORDERS, config, offsets, Map.of(1, "zone-a", 2, "zone-b", 3, ""));

        assertThat(topic.getReplicationFactor()).isEqualTo(3);
        assertThat(topic.getRetentionHours()).isEqualTo(2);
        assertThat(topic.getSyncReplication()).isTrue();
        assertThat(topic.getSyncFlush()).isTrue();
        assertThat(topic.getConfigs()).containsOnlyKeys("flush.messages", "min.insync.replicas", "retention.ms");
        assertThat(topic.getMessageCountEstimate()).isEqualTo(10);
        assertThat(topic.getPartitionDetails().get(0).getLeader()).isEqualTo(1);
        assertThat(topic.getPartitionDetails().get(0).getReplicaRacks()).containsExactly("zone-a", "zone-b", "");
        assertThat(topic.getPartitionDetails().get(0).getEarliestOffset()).isEqualTo(5);
        assertThat(topic.getPartitionDetails().get(1).getLeader()).isNull();
        assertThat(topic.getPartitionDetails().get(1).getLatestOffset()).isZero();
    }

    @Test
    void infiniteRetentionHasNoHoursAndAnInheritedMinIsrIsNoSyncReplication() {
        Config config = new Config(List.of(
                entry("retention.ms", "-1", ConfigSource.DYNAMIC_TOPIC_CONFIG),
                entry("min.insync.replicas", "2", ConfigSource.DYNAMIC_BROKER_CONFIG)));

        TopicDto topic = TopicView.detail(ORDERS, config, Map.of(), Map.of());

        assertThat(topic.getRetentionHours()).isNull();
        assertThat(topic.getSyncReplication()).isFalse();
        assertThat(topic.getSyncFlush()).isFalse();
    }

    @Test
    void aSummaryCountsMessagesAndBytesAndAPageCountsPages() {
        TopicSummaryDto summary = TopicView.summary(ORDERS,
                Map.of(new TopicPartition("orders", 0), new Offsets(0, 7), new TopicPartition("orders", 1), new Offsets(9, 4)),
                Map.of("orders", 2048L));

        assertThat(summary.getMessageCountEstimate()).isEqualTo(7);
        assertThat(summary.getSizeBytes()).isEqualTo(2048);
        assertThat(summary.getPartitions()).isEqualTo(2);
        assertThat(TopicView.page(List.of(summary), 0, 20, 41).getTotalPages()).isEqualTo(3);
    }
}
