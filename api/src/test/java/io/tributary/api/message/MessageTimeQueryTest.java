package io.tributary.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.generated.model.MessageDto;
import io.tributary.api.generated.model.MessageQueryResultDto;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** A time query is bounded in bytes like a scan, and its pages together hold every message once, in time order. */
class MessageTimeQueryTest {

    static final String TOPIC = "t";
    static final int PER_PARTITION = 60;
    static final int VALUE_BYTES = 100 * 1024;

    @Test
    void largeMessagesStopATimeQueryAtTheResponseSizeAndTheCursorContinuesInOrder() {
        MessageQuery first = new MessageQuery(MessageQuery.Mode.TIME, null, null, Instant.EPOCH, null, null, null, 100,
                1_000_000, 60_000, null);
        Map<Integer, Long> end = Map.of(0, (long) PER_PARTITION, 1, (long) PER_PARTITION);

        MessageQueryResultDto page = new MessageSearch(consumer(), TOPIC, () -> false)
                .firstAfter(first, Map.of(0, 0L, 1, 0L), end);
        assertThat(page.getComplete()).isFalse();
        assertThat(page.getStoppedBy()).isEqualTo(MessageQueryResultDto.StoppedByEnum.RESPONSE_SIZE);
        assertThat(chars(page.getMessages())).isLessThan(MessageSearch.MAX_RESPONSE_CHARS + MessageRendering.MAX_VALUE_BYTES + 1_000);

        List<MessageDto> all = new ArrayList<>(page.getMessages());
        int pages = 1;
        while (page.getNextCursor() != null) {
            ScanCursor cursor = ScanCursor.decode(page.getNextCursor());
            page = new MessageSearch(consumer(), TOPIC, () -> false).firstAfter(first.withPage(100, page.getNextCursor()),
                    cursor.next(), cursor.end());
            assertThat(chars(page.getMessages())).isLessThan(MessageSearch.MAX_RESPONSE_CHARS + MessageRendering.MAX_VALUE_BYTES + 1_000);
            all.addAll(page.getMessages());
            pages++;
        }
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(all).hasSize(2 * PER_PARTITION);
        assertThat(all).extracting(m -> m.getPartition() + "/" + m.getOffset()).doesNotHaveDuplicates();
        assertThat(all).extracting(m -> m.getTimestamp().toInstant()).isSorted();
    }

    private static long chars(List<MessageDto> messages) {
        return messages.stream().mapToLong(MessageRendering::approximateSize).sum();
    }

    /** Two partitions of large messages (each shown as its first 64 KiB) whose timestamps interleave (partition 0 even, 1 odd milliseconds). */
    private static MockConsumer<byte[], byte[]> consumer() {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        TopicPartition p0 = new TopicPartition(TOPIC, 0);
        TopicPartition p1 = new TopicPartition(TOPIC, 1);
        consumer.updateBeginningOffsets(Map.of(p0, 0L, p1, 0L));
        consumer.updateEndOffsets(Map.of(p0, (long) PER_PARTITION, p1, (long) PER_PARTITION));
        byte[] value = "x".repeat(VALUE_BYTES).getBytes(StandardCharsets.UTF_8);
        consumer.schedulePollTask(() -> {
            for (int partition = 0; partition < 2; partition++) {
                for (int i = 0; i < PER_PARTITION; i++) {
                    consumer.addRecord(new ConsumerRecord<>(TOPIC, partition, i, 1_000L + 2L * i + partition,
                            TimestampType.CREATE_TIME, 3, VALUE_BYTES, ("k-" + i).getBytes(StandardCharsets.UTF_8), value,
                            new RecordHeaders(), Optional.empty()));
                }
            }
        });
        return consumer;
    }
}
