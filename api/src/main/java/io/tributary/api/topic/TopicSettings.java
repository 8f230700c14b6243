package io.tributary.api.topic;

import io.tributary.api.error.ApiException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The topic settings a user may set directly. Retention, in-sync replicas and flushing have
 * their own fields (retentionHours, syncReplication, syncFlush), so their raw keys are refused.
 */
final class TopicSettings {

    static final Set<String> ALLOWED = Set.of(
            "cleanup.policy", "compression.type", "max.message.bytes", "retention.bytes", "segment.bytes", "segment.ms",
            "delete.retention.ms", "min.compaction.lag.ms", "max.compaction.lag.ms", "min.cleanable.dirty.ratio",
            "message.timestamp.type", "message.timestamp.before.max.ms", "message.timestamp.after.max.ms",
            "file.delete.delay.ms", "index.interval.bytes", "segment.index.bytes", "segment.jitter.ms", "preallocate");
    static final Map<String, String> OWN_FIELD = Map.of(
            "retention.ms", "retentionHours", "min.insync.replicas", "syncReplication", "flush.messages", "syncFlush");
    static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9._-]{1,249}$");

    private TopicSettings() {
    }

    static List<FieldProblem> screen(Map<String, String> configs) {
        List<FieldProblem> problems = new ArrayList<>();
        if (configs == null) {
            return problems;
        }
        configs.forEach((key, value) -> {
            if (OWN_FIELD.containsKey(key)) {
                problems.add(new FieldProblem("configs." + key, "set it with " + OWN_FIELD.get(key)));
            } else if (!ALLOWED.contains(key)) {
                problems.add(new FieldProblem("configs." + key, "is not a topic setting that can be changed; allowed: "
                        + ALLOWED.stream().sorted().toList()));
            } else if (value == null || value.isBlank()) {
                problems.add(new FieldProblem("configs." + key, "needs a value"));
            }
        });
        return problems;
    }

    static long retentionMs(int hours) {
        return hours * 3_600_000L;
    }

    /** min.insync.replicas for synchronous replication: RF - 1, at least 2. */
    static int syncMinIsr(int replicationFactor) {
        return Math.max(2, replicationFactor - 1);
    }
}
