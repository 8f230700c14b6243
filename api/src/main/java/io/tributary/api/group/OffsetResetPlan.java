package io.tributary.api.group;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.api.generated.model.OffsetResetDto;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where each partition's committed offset goes, the way {@code kafka-consumer-groups
 * --reset-offsets} computes it: always clamped to the partition's earliest..latest range.
 */
final class OffsetResetPlan {

    private OffsetResetPlan() {
    }

    static Map<TopicPartition, Long> compute(OffsetResetDto request, List<TopicPartition> partitions,
                                             Map<TopicPartition, OffsetAndMetadata> committed,
                                             Map<TopicPartition, Long> earliest, Map<TopicPartition, Long> latest,
                                             Supplier<Map<TopicPartition, Long>> byTimestamp) {
        Map<TopicPartition, Long> forTime = switch (request.getTarget()) {
            case TIMESTAMP -> {
                if (request.getTimestamp() == null) {
                    throw ApiException.invalid(List.of(new FieldProblem("timestamp", "is required for TIMESTAMP")));
                }
                yield byTimestamp.get();
            }
            case OFFSET -> {
                if (request.getOffset() == null) {
                    throw ApiException.invalid(List.of(new FieldProblem("offset", "is required for OFFSET")));
                }
                yield Map.of();
            }
            case SHIFT_BY -> {
                if (request.getShiftBy() == null) {
                    throw ApiException.invalid(List.of(new FieldProblem("shiftBy", "is required for SHIFT_BY")));
                }
                yield Map.of();
            }
            case EARLIEST, LATEST -> Map.of();
        };
        Map<TopicPartition, Long> result = new HashMap<>();
        for (TopicPartition tp : partitions) {
            long low = earliest.get(tp);
            long high = latest.get(tp);
            long wanted = switch (request.getTarget()) {
                case EARLIEST -> low;
                case LATEST -> high;
                case OFFSET -> request.getOffset();
                case SHIFT_BY -> (committed.containsKey(tp) ? committed.get(tp).offset() : low) + request.getShiftBy();
                case TIMESTAMP -> {
                    Long found = forTime.get(tp);
                    yield found == null || found < 0 ? high : found;
                }
            };
            result.put(tp, Math.max(low, Math.min(high, wanted)));
        }
        return result;
    }
}
