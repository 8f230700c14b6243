package io.tributary.api.message;

import static io.tributary.api.kafka.KafkaCalls.await;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.api.generated.model.MessagePositionDto;
import io.tributary.api.generated.model.MessageProduceDto;
import io.tributary.api.generated.model.MessageQueryResultDto;
import io.tributary.api.kafka.InstanceKafka;
import io.tributary.api.kafka.KafkaCalls;
import io.tributary.api.tenancy.CurrentCaller;
import io.tributary.provisioning.instance.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Message query and test messages, with the Consumer and Producer clients. */
@Service
class MessageService {

    /** An export stops once its lines hold this many characters, however many messages were asked for. */
    static final long MAX_EXPORT_CHARS = 64L * 1024 * 1024;
    /** How long a produced message is waited for before the call answers that the brokers are unavailable. */
    static final Duration PRODUCE_WAIT = Duration.ofSeconds(20);

    private final InstanceKafka kafka;
    private final RunningSearches running;
    private final CurrentCaller caller;

    MessageService(InstanceKafka kafka, RunningSearches running, CurrentCaller caller) {
        this.kafka = kafka;
        this.running = running;
        this.caller = caller;
    }

    MessageQueryResultDto query(UUID project, UUID instanceId, String topic, MessageQuery q, UUID searchId) {
        Instance instance = kafka.serving(project, instanceId);
        try (RunningSearches.Handle handle = running.start(instanceId, caller.get().userId(), searchId)) {
            return query(instance, topic, q, handle::cancelled);
        }
    }

    /** Cancels a search the caller started; another user's search is not found. */
    boolean cancel(UUID project, UUID instanceId, UUID searchId) {
        kafka.visible(project, instanceId);
        return running.cancel(instanceId, caller.get().userId(), searchId);
    }

    /**
     * A window as JSON lines: the messages of an offset or time query, page after page through its cursor,
     * until {@code limit} messages, the end of the window, or {@link #MAX_EXPORT_CHARS}.
     */
    String export(UUID project, UUID instanceId, String topic, MessageQuery first, JsonMapper json) {
        Instance instance = kafka.serving(project, instanceId);
        StringBuilder out = new StringBuilder();
        int remaining = first.limit();
        MessageQuery q = first.withPage(Math.min(500, remaining), null);
        while (remaining > 0 && out.length() < MAX_EXPORT_CHARS) {
            MessageQueryResultDto page = query(instance, topic, q, () -> false);
            for (var m : page.getMessages()) {
                out.append(json.writeValueAsString(m)).append('\n');
            }
            remaining -= page.getMessages().size();
            if (page.getNextCursor() == null) {
                break;
            }
            q = first.withPage(Math.min(500, remaining), page.getNextCursor());
        }
        return out.toString();
    }

    private MessageQueryResultDto query(Instance instance, String topic, MessageQuery q, BooleanSupplier cancelled) {
        List<Integer> partitions = partitions(instance, topic, q.partition());
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.newConsumer(instance)) {
            MessageSearch search = new MessageSearch(consumer, topic, cancelled);
            if (q.cursor() != null) {
                ScanCursor cursor = ScanCursor.decode(q.cursor());
                if (!partitions.containsAll(cursor.next().keySet())) {
                    throw ApiException.invalid(List.of(new FieldProblem("cursor", "belongs to another search")));
                }
                return q.mode() == MessageQuery.Mode.TIME ? search.firstAfter(q, cursor.next(), cursor.end())
                        : search.scan(q, cursor.next(), cursor.end());
            }
            Map<Integer, Long> end = offsets(instance, topic, partitions, OffsetSpec.latest());
            return switch (q.mode()) {
                case OFFSET -> search.scan(q, Map.of(q.partition(), q.offset()), Map.of(q.partition(), end.get(q.partition())));
                case TIME -> search.firstAfter(q, startAt(instance, topic, partitions, q.from(), end), end);
                case SCAN -> search.scan(q, q.from() == null ? offsets(instance, topic, partitions, OffsetSpec.earliest())
                        : startAt(instance, topic, partitions, q.from(), end), end);
            };
        } catch (org.apache.kafka.common.KafkaException e) {
            throw KafkaCalls.translate(e);
        }
    }

    /** Header values are strings of at most 10,000 characters (the contract; bean validation does not reach map values). */
    static void checkHeaders(java.util.Map<String, String> headers) {
        if (headers == null) {
            return;
        }
        java.util.List<io.tributary.api.error.ApiException.FieldProblem> invalid = new java.util.ArrayList<>();
        headers.forEach((name, value) -> {
            if (value == null) {
                invalid.add(new io.tributary.api.error.ApiException.FieldProblem("headers." + name, "must be a string"));
            } else if (value.length() > 10_000) {
                invalid.add(new io.tributary.api.error.ApiException.FieldProblem("headers." + name,
                        "must be at most 10000 characters"));
            }
        });
        if (!invalid.isEmpty()) {
            throw io.tributary.api.error.ApiException.invalid(invalid);
        }
    }

    MessagePositionDto produce(UUID project, UUID instanceId, String topic, MessageProduceDto message) {
        checkHeaders(message.getHeaders());
        Instance instance = kafka.serving(project, instanceId);
        partitions(instance, topic, message.getPartition());
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, message.getPartition(),
                bytes(message.getKey()), bytes(message.getValue()));
        if (message.getHeaders() != null) {
            message.getHeaders().forEach((k, v) -> record.headers().add(new RecordHeader(k, bytes(v))));
        }
        RecordMetadata meta = await(kafka.producer(instance).send(record), PRODUCE_WAIT);
        return new MessagePositionDto().partition(meta.partition()).offset(meta.offset())
                .timestamp(Instant.ofEpochMilli(meta.timestamp()).atOffset(ZoneOffset.UTC));
    }

    /** The topic's partitions (404 if it does not exist), or just {@code only}, which must be one of them. */
    private List<Integer> partitions(Instance instance, String topic, Integer only) {
        TopicDescription d = await(kafka.admin(instance).describeTopics(List.of(topic)).allTopicNames()).get(topic);
        int count = d.partitions().size();
        if (only != null) {
            if (only >= count) {
                throw ApiException.invalid(List.of(new FieldProblem("partition",
                        "the topic has partitions 0 to " + (count - 1))));
            }
            return List.of(only);
        }
        return d.partitions().stream().map(p -> p.partition()).toList();
    }

    private Map<Integer, Long> offsets(Instance instance, String topic, List<Integer> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(new TopicPartition(topic, p), spec));
        Map<Integer, Long> result = new TreeMap<>();
        await(kafka.admin(instance).listOffsets(request).all()).forEach((tp, info) -> result.put(tp.partition(), info.offset()));
        return result;
    }

    /** Per partition, the first offset whose timestamp is at or after {@code time} (the end if none): O(log n). */
    private Map<Integer, Long> startAt(Instance instance, String topic, List<Integer> partitions, Instant time,
                                       Map<Integer, Long> end) {
        Map<Integer, Long> found = offsets(instance, topic, partitions, OffsetSpec.forTimestamp(time.toEpochMilli()));
        Map<Integer, Long> start = new TreeMap<>();
        partitions.forEach(p -> {
            Long offset = found.get(p);
            start.put(p, offset == null || offset < 0 ? end.get(p) : offset);
        });
        return start;
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
