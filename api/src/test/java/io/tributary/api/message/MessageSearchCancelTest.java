package io.tributary.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.generated.model.MessageQueryResultDto;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** A cancelled scan stops at once, says so, and can be continued from where it stopped. */
class MessageSearchCancelTest {

    static final String TOPIC = "t";

    @Test
    void aCancelledScanReportsCancelledWithACursorAndFindsTheRestWhenContinued() {
        MockConsumer<byte[], byte[]> consumer = consumerWith(10_000);
        AtomicInteger checks = new AtomicInteger();
        MessageSearch search = new MessageSearch(consumer, TOPIC, () -> checks.incrementAndGet() > 2);
        MessageQuery q = new MessageQuery(MessageQuery.Mode.SCAN, null, null, null, null, "k-9999", null, 50, 1_000_000,
                60_000, null);
        MessageQueryResultDto stopped = search.scan(q, Map.of(0, 0L), Map.of(0, 10_000L));
        assertThat(stopped.getComplete()).isFalse();
        assertThat(stopped.getStoppedBy()).isEqualTo(MessageQueryResultDto.StoppedByEnum.CANCELLED);
        assertThat(stopped.getScanned()).isLessThan(10_000);
        assertThat(stopped.getMessages()).isEmpty();

        ScanCursor cursor = ScanCursor.decode(stopped.getNextCursor());
        MessageQueryResultDto rest = new MessageSearch(consumerWith(10_000), TOPIC, () -> false)
                .scan(q, cursor.next(), cursor.end());
        assertThat(rest.getComplete()).isTrue();
        assertThat(rest.getMessages()).singleElement().satisfies(m -> assertThat(m.getOffset()).isEqualTo(9_999L));
        assertThat(stopped.getScanned() + rest.getScanned()).isEqualTo(10_000);
    }

    @Test
    void runningSearchesAreCancelledByIdOnlyForTheirInstanceAndOnlyByWhoStartedThem() {
        RunningSearches running = new RunningSearches();
        UUID instance = UUID.randomUUID();
        UUID viewer = UUID.randomUUID();
        UUID someoneElse = UUID.randomUUID();
        UUID search = UUID.randomUUID();
        try (RunningSearches.Handle handle = running.start(instance, viewer, search)) {
            assertThat(running.cancel(UUID.randomUUID(), viewer, search)).isFalse();
            assertThat(running.cancel(instance, someoneElse, search)).as("another caller's search").isFalse();
            assertThat(handle.cancelled()).isFalse();
            assertThat(running.cancel(instance, viewer, search)).isTrue();
            assertThat(handle.cancelled()).isTrue();
        }
        assertThat(running.cancel(instance, viewer, search)).isFalse();
    }

    @Test
    void twoCallersMayUseTheSameSearchIdWithoutReachingEachOther() {
        RunningSearches running = new RunningSearches();
        UUID instance = UUID.randomUUID();
        UUID search = UUID.randomUUID();
        UUID one = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        try (RunningSearches.Handle first = running.start(instance, one, search);
             RunningSearches.Handle second = running.start(instance, other, search)) {
            assertThat(running.cancel(instance, other, search)).isTrue();
            assertThat(second.cancelled()).isTrue();
            assertThat(first.cancelled()).as("the other caller's search runs on").isFalse();
        }
    }

    private static MockConsumer<byte[], byte[]> consumerWith(int count) {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        TopicPartition tp = new TopicPartition(TOPIC, 0);
        consumer.updateBeginningOffsets(Map.of(tp, 0L));
        consumer.updateEndOffsets(Map.of(tp, (long) count));
        consumer.schedulePollTask(() -> {
            for (int i = 0; i < count; i++) {
                consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, i, ("k-" + i).getBytes(StandardCharsets.UTF_8),
                        ("v-" + i).getBytes(StandardCharsets.UTF_8)));
            }
        });
        return consumer;
    }
}
