package io.tributary.provisioning.capacity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * TIME_BASE: frees a full broker's disk by deleting the oldest half of every partition it holds
 * (Admin deleteRecords moves the log start; the broker then removes the segments below it).
 */
class OldestDataDeleter {

    record Result(int partitions, Set<String> topics) {
    }

    Result deleteOldestHalf(Properties clientProperties, int nodeId) throws Exception {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(p)) {
            var names = admin.listTopics(new ListTopicsOptions().listInternal(false)).names().get(15, TimeUnit.SECONDS);
            if (names.isEmpty()) {
                return new Result(0, Set.of());
            }
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(15, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topics.values().forEach(d -> d.partitions().stream()
                    .filter(part -> part.replicas().stream().anyMatch(n -> n.id() == nodeId))
                    .forEach(part -> {
                        TopicPartition tp = new TopicPartition(d.name(), part.partition());
                        earliest.put(tp, OffsetSpec.earliest());
                        latest.put(tp, OffsetSpec.latest());
                    }));
            if (earliest.isEmpty()) {
                return new Result(0, Set.of());
            }
            var first = admin.listOffsets(earliest).all().get(15, TimeUnit.SECONDS);
            var last = admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
            Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
            Set<String> touched = new TreeSet<>();
            first.forEach((tp, start) -> {
                long end = last.get(tp).offset();
                long cut = start.offset() + (end - start.offset()) / 2;
                if (cut > start.offset()) {
                    delete.put(tp, RecordsToDelete.beforeOffset(cut));
                    touched.add(tp.topic());
                }
            });
            if (!delete.isEmpty()) {
                admin.deleteRecords(delete).all().get(30, TimeUnit.SECONDS);
            }
            return new Result(delete.size(), touched);
        }
    }

    static List<String> sample(Set<String> topics) {
        return topics.stream().limit(5).toList();
    }
}
