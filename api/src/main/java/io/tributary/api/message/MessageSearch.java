package io.tributary.api.message;

import io.tributary.api.generated.model.MessageDto;
import io.tributary.api.generated.model.MessageQueryResultDto;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs one query with one consumer (assigned partitions, no group). Every mode reads only from
 * positions it computed (offset, offsetsForTimes, cursor) up to end offsets fixed at the start,
 * so a search never reports "nothing" when it merely stopped: it says how far it got.
 */
final class MessageSearch {

    static final int MAX_RESPONSE_CHARS = 4 * 1024 * 1024;

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final BooleanSupplier cancelled;

    MessageSearch(Consumer<byte[], byte[]> consumer, String topic, BooleanSupplier cancelled) {
        this.consumer = consumer;
        this.topic = topic;
        this.cancelled = cancelled;
    }

    /** Reads from {@code start} (per partition) towards {@code end}, keeping matches, until a limit stops it. */
    MessageQueryResultDto scan(MessageQuery q, Map<Integer, Long> start, Map<Integer, Long> end) {
        Map<Integer, Long> next = new TreeMap<>(start);
        Set<Integer> open = new HashSet<>();
        next.forEach((p, o) -> {
            if (o < end.get(p)) {
                open.add(p);
            }
        });
        List<MessageDto> found = new ArrayList<>();
        long scanned = 0;
        int responseChars = 0;
        String stoppedBy = null;
        long deadline = System.nanoTime() + Duration.ofMillis(q.maxMillis()).toNanos();
        assignAndSeek(open, next);
        outer:
        while (!open.isEmpty()) {
            if (System.nanoTime() > deadline) {
                stoppedBy = "MAX_MILLIS";
                break;
            }
            if (cancelled.getAsBoolean()) {
                stoppedBy = "CANCELLED";
                break;
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                int p = r.partition();
                if (!open.contains(p) || r.offset() < next.get(p)) {
                    continue;
                }
                if (r.offset() >= end.get(p)) {
                    close(open, p);
                    continue;
                }
                scanned++;
                next.put(p, r.offset() + 1);
                String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
                String value = q.contains() == null || r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8);
                if (q.matches(key, value, r.timestamp())) {
                    MessageDto m = MessageRendering.render(r);
                    found.add(m);
                    responseChars += MessageRendering.approximateSize(m);
                }
                if (next.get(p) >= end.get(p)) {
                    close(open, p);
                }
                if (found.size() >= q.limit()) {
                    stoppedBy = open.isEmpty() ? null : "LIMIT";
                    break outer;
                }
                if (responseChars >= MAX_RESPONSE_CHARS) {
                    stoppedBy = open.isEmpty() ? null : "RESPONSE_SIZE";
                    break outer;
                }
                if (scanned >= q.maxScan()) {
                    stoppedBy = open.isEmpty() ? null : "MAX_SCAN";
                    break outer;
                }
                if (System.nanoTime() > deadline) {
                    stoppedBy = open.isEmpty() ? null : "MAX_MILLIS";
                    break outer;
                }
                if (scanned % 1024 == 0 && cancelled.getAsBoolean()) {
                    stoppedBy = open.isEmpty() ? null : "CANCELLED";
                    break outer;
                }
            }
            if (!open.isEmpty()) {
                // partitions whose end was reached without a record at end-1 (e.g. compacted away)
                for (Integer p : List.copyOf(open)) {
                    if (consumer.position(new TopicPartition(topic, p)) >= end.get(p)) {
                        next.put(p, end.get(p));
                        close(open, p);
                    }
                }
            }
        }
        boolean complete = open.isEmpty();
        return new MessageQueryResultDto().messages(found).scanned(scanned).complete(complete)
                .stoppedBy(complete ? null : MessageQueryResultDto.StoppedByEnum.fromValue(stoppedBy))
                .nextCursor(complete ? null : new ScanCursor(next, end).encode());
    }

    /** A record read by a time query, rendered once, with its share of the response. */
    private record Kept(ConsumerRecord<byte[], byte[]> record, MessageDto message, int size) {
    }

    /**
     * The first {@code limit} messages at or after {@code from} over all partitions, within
     * {@link #MAX_RESPONSE_CHARS} of response: reads at most {@code limit} messages and that many characters from
     * each partition's offsetsForTimes position, then merges by time. A partition cut short by size cannot be
     * overtaken: the merge reaches the size limit by its last message at the latest, and the cursor continues
     * every partition after the last message returned.
     */
    MessageQueryResultDto firstAfter(MessageQuery q, Map<Integer, Long> start, Map<Integer, Long> end) {
        Map<Integer, List<Kept>> perPartition = new HashMap<>();
        Map<Integer, Long> keptChars = new HashMap<>();
        Set<Integer> open = new HashSet<>();
        start.forEach((p, o) -> {
            if (o < end.get(p)) {
                open.add(p);
                perPartition.put(p, new ArrayList<>());
                keptChars.put(p, 0L);
            }
        });
        long scanned = 0;
        long deadline = System.nanoTime() + Duration.ofMillis(q.maxMillis()).toNanos();
        assignAndSeek(open, start);
        boolean timedOut = false;
        while (!open.isEmpty()) {
            if (System.nanoTime() > deadline) {
                timedOut = true;
                break;
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                int p = r.partition();
                if (!open.contains(p)) {
                    continue;
                }
                scanned++;
                boolean beyond = r.offset() >= end.get(p) || (q.to() != null && r.timestamp() >= q.to().toEpochMilli());
                if (!beyond) {
                    MessageDto m = MessageRendering.render(r);
                    int size = MessageRendering.approximateSize(m);
                    perPartition.get(p).add(new Kept(r, m, size));
                    keptChars.merge(p, (long) size, Long::sum);
                }
                if (beyond || perPartition.get(p).size() >= q.limit() || keptChars.get(p) >= MAX_RESPONSE_CHARS
                        || r.offset() + 1 >= end.get(p)) {
                    close(open, p);
                }
            }
        }
        List<Kept> all = new ArrayList<>();
        perPartition.values().forEach(all::addAll);
        all.sort(Comparator.<Kept>comparingLong(k -> k.record().timestamp())
                .thenComparingInt(k -> k.record().partition()).thenComparingLong(k -> k.record().offset()));
        List<Kept> chosen = new ArrayList<>();
        long responseChars = 0;
        boolean sizeReached = false;
        for (Kept k : all) {
            if (chosen.size() >= q.limit()) {
                break;
            }
            chosen.add(k);
            responseChars += k.size();
            if (responseChars >= MAX_RESPONSE_CHARS) {
                sizeReached = true;
                break;
            }
        }
        Map<Integer, Long> next = new TreeMap<>(start);
        chosen.forEach(k -> next.merge(k.record().partition(), k.record().offset() + 1, Math::max));
        boolean cutShort = perPartition.entrySet().stream().anyMatch(e -> !e.getValue().isEmpty()
                && (e.getValue().size() >= q.limit() || keptChars.get(e.getKey()) >= MAX_RESPONSE_CHARS)
                && e.getValue().get(e.getValue().size() - 1).record().offset() + 1 < end.get(e.getKey()));
        boolean more = timedOut || all.size() > chosen.size() || cutShort;
        String stoppedBy = timedOut ? "MAX_MILLIS" : sizeReached ? "RESPONSE_SIZE" : "LIMIT";
        return new MessageQueryResultDto().messages(chosen.stream().map(Kept::message).toList())
                .scanned(scanned).complete(!more)
                .stoppedBy(more ? MessageQueryResultDto.StoppedByEnum.fromValue(stoppedBy) : null)
                .nextCursor(more ? new ScanCursor(next, end).encode() : null);
    }

    private void assignAndSeek(Set<Integer> partitions, Map<Integer, Long> positions) {
        List<TopicPartition> tps = partitions.stream().map(p -> new TopicPartition(topic, p)).toList();
        consumer.assign(tps);
        tps.forEach(tp -> consumer.seek(tp, positions.get(tp.partition())));
    }

    private void close(Set<Integer> open, int partition) {
        if (open.remove(partition)) {
            consumer.pause(List.of(new TopicPartition(topic, partition)));
        }
    }
}
