package io.tributary.api.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.error.ApiException;
import io.tributary.api.generated.model.OffsetResetDto;
import io.tributary.api.generated.model.OffsetResetTargetDto;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetResetPlanTest {

    static final TopicPartition P0 = new TopicPartition("t", 0);
    static final TopicPartition P1 = new TopicPartition("t", 1);
    static final Map<TopicPartition, Long> EARLIEST = Map.of(P0, 10L, P1, 0L);
    static final Map<TopicPartition, Long> LATEST = Map.of(P0, 100L, P1, 50L);
    static final Map<TopicPartition, OffsetAndMetadata> COMMITTED = Map.of(P0, new OffsetAndMetadata(60));

    private static Map<TopicPartition, Long> plan(OffsetResetDto request, Map<TopicPartition, Long> byTime) {
        return OffsetResetPlan.compute(request, List.of(P0, P1), COMMITTED, EARLIEST, LATEST, () -> byTime);
    }

    @Test
    void earliestAndLatestAreThePartitionBounds() {
        assertThat(plan(new OffsetResetDto().target(OffsetResetTargetDto.EARLIEST), null)).containsEntry(P0, 10L).containsEntry(P1, 0L);
        assertThat(plan(new OffsetResetDto().target(OffsetResetTargetDto.LATEST), null)).containsEntry(P0, 100L).containsEntry(P1, 50L);
    }

    @Test
    void shiftMovesFromTheCommittedOffsetAndIsClamped() {
        var plan = plan(new OffsetResetDto().target(OffsetResetTargetDto.SHIFT_BY).shiftBy(-100L), null);
        assertThat(plan).containsEntry(P0, 10L).containsEntry(P1, 0L);
        assertThat(plan(new OffsetResetDto().target(OffsetResetTargetDto.SHIFT_BY).shiftBy(5L), null)).containsEntry(P0, 65L);
    }

    @Test
    void anOffsetOutsideThePartitionIsClamped() {
        assertThat(plan(new OffsetResetDto().target(OffsetResetTargetDto.OFFSET).offset(75L), null))
                .containsEntry(P0, 75L).containsEntry(P1, 50L);
    }

    @Test
    void aTimeWithNoLaterMessageGoesToTheEnd() {
        var plan = plan(new OffsetResetDto().target(OffsetResetTargetDto.TIMESTAMP).timestamp(OffsetDateTime.now()),
                Map.of(P0, 42L, P1, -1L));
        assertThat(plan).containsEntry(P0, 42L).containsEntry(P1, 50L);
    }

    @Test
    void eachTargetNeedsItsValue() {
        assertThatThrownBy(() -> plan(new OffsetResetDto().target(OffsetResetTargetDto.TIMESTAMP), Map.of()))
                .isInstanceOf(ApiException.class).hasMessageContaining("timestamp");
        assertThatThrownBy(() -> plan(new OffsetResetDto().target(OffsetResetTargetDto.OFFSET), null))
                .isInstanceOf(ApiException.class).hasMessageContaining("offset");
        assertThatThrownBy(() -> plan(new OffsetResetDto().target(OffsetResetTargetDto.SHIFT_BY), null))
                .isInstanceOf(ApiException.class).hasMessageContaining("shiftBy");
    }
}
