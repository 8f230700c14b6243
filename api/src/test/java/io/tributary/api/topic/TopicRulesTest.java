package io.tributary.api.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.api.error.ErrorCode;
import io.tributary.api.generated.model.TopicCreateDto;
import io.tributary.api.generated.model.TopicDto;
import io.tributary.api.generated.model.TopicUpdateDto;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicRulesTest {

    @Test
    void anOrderWithOnlyANameGetsThreePartitionsAtMostThreeReplicasAndTheInstancesRetention() {
        NewTopic topic = TopicRules.newTopic(new TopicCreateDto("orders").partitions(null), 2, 24);

        assertThat(topic.name()).isEqualTo("orders");
        assertThat(topic.numPartitions()).isEqualTo(3);
        assertThat(topic.replicationFactor()).isEqualTo((short) 2);
        assertThat(topic.configs()).containsExactly(Map.entry("retention.ms", "86400000"));
    }

    @Test
    void syncReplicationAndSyncFlushBecomeTheirTopicSettings() {
        NewTopic topic = TopicRules.newTopic(new TopicCreateDto("payments").partitions(6).replicationFactor(5)
                .retentionHours(1).syncReplication(true).syncFlush(true).configs(Map.of("cleanup.policy", "compact")), 5, 24);

        assertThat(topic.numPartitions()).isEqualTo(6);
        assertThat(topic.replicationFactor()).isEqualTo((short) 5);
        assertThat(topic.configs()).containsOnly(Map.entry("cleanup.policy", "compact"),
                Map.entry("retention.ms", "3600000"), Map.entry("min.insync.replicas", "4"),
                Map.entry("flush.messages", "1"));
    }

    @Test
    void everyProblemOfAnOrderIsReportedAtOnce() {
        TopicCreateDto order = new TopicCreateDto("..").replicationFactor(2).syncReplication(true)
                .configs(Map.of("retention.ms", "1", "unclean.leader.election.enable", "true"));

        assertThatThrownBy(() -> TopicRules.newTopic(order, 1, 24))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.fieldErrors()).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                            "configs.retention.ms", "configs.unclean.leader.election.enable", "name",
                            "replicationFactor", "syncReplication");
                });
    }

    @Test
    void partitionsCanOnlyBeAddedAndSyncReplicationNeedsThreeReplicas() {
        TopicDto current = new TopicDto().name("t").partitions(4).replicationFactor(2);

        assertThatThrownBy(() -> TopicRules.checkChange(new TopicUpdateDto().partitions(3).syncReplication(true), current))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldErrors())
                        .extracting(FieldProblem::field).containsExactly("partitions", "syncReplication"));
        TopicRules.checkChange(new TopicUpdateDto().partitions(4).syncReplication(false), current);
        assertThat(TopicRules.partitionsAdded(new TopicUpdateDto().partitions(7), 4)).isEqualTo(3);
        assertThat(TopicRules.partitionsAdded(new TopicUpdateDto().partitions(4), 4)).isZero();
        assertThat(TopicRules.partitionsAdded(new TopicUpdateDto(), 4)).isZero();
    }

    @Test
    void turningSyncReplicationAndFlushOffRemovesTheirSettings() {
        List<AlterConfigOp> ops = TopicRules.settingChanges(new TopicUpdateDto().retentionHours(2)
                .syncReplication(false).syncFlush(false).configs(Map.of("segment.ms", "60000")), 3);

        assertThat(ops).extracting(op -> op.configEntry().name() + " " + op.opType() + " " + op.configEntry().value())
                .containsExactly("segment.ms SET 60000", "retention.ms SET 7200000", "min.insync.replicas DELETE ",
                        "flush.messages DELETE ");
        assertThat(TopicRules.settingChanges(new TopicUpdateDto().syncReplication(true).syncFlush(true), 3))
                .extracting(op -> op.configEntry().name() + "=" + op.configEntry().value())
                .containsExactly("min.insync.replicas=2", "flush.messages=1");
        assertThat(TopicRules.settingChanges(new TopicUpdateDto(), 3)).isEmpty();
    }

    @Test
    void thePartitionLimitIsPerBrokerOverTheWholeInstance() {
        var limit = new TopicRules.PartitionLimit("small", 100, 3);

        limit.check(290, 10);
        assertThatThrownBy(() -> limit.check(290, 11))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.KAFKA_REJECTED);
                    assertThat(e.getMessage()).isEqualTo("the instance would have 301 partitions; small allows 300 (100 per broker)");
                    assertThat(e.fieldErrors()).containsExactly(
                            new FieldProblem("partitions", "over the flavor's partition limit of 300"));
                });
    }
}
