package io.tributary.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.api.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Topics, message query, consumer groups and backtracking on one real instance, checked against
 * what was produced: 10,000 keyed messages with known timestamps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstanceOperationsIT {

    static final int COUNT = 10_000;
    static final long T0 = Instant.now().minus(Duration.ofHours(1)).toEpochMilli();
    static final String TOKEN = RunningInstance.TOKEN;

    @RegisterExtension
    static final RunningInstance instance = RunningInstance.builder(23000).order(RunningInstance.order("ops")).build();
    ApiClient api;
    String base;
    /** index i → (partition, offset) of the message produced with that index. */
    final Map<Integer, long[]> positions = new HashMap<>();

    @BeforeAll
    void connect() {
        api = instance.api();
        base = instance.base();
    }

    @Test
    @Order(1)
    void topicsAreCreatedDescribedChangedAndDeleted() {
        ApiClient.Response created = api.post(base + "/topics", TOKEN, Map.of("name", "events", "partitions", 3,
                "replicationFactor", 3, "retentionHours", 24, "syncReplication", true,
                "configs", Map.of("max.message.bytes", "2097152")));
        assertThat(created.status()).isEqualTo(201);
        JsonNode topic = created.json();
        assertThat(topic.path("retentionHours").asInt()).isEqualTo(24);
        assertThat(topic.path("syncReplication").asBoolean()).isTrue();
        assertThat(topic.path("configs").path("max.message.bytes").asText()).isEqualTo("2097152");
        assertThat(topic.path("configs").path("min.insync.replicas").asText()).isEqualTo("2");
        assertThat(topic.path("partitionDetails")).hasSize(3).allSatisfy(p -> {
            assertThat(p.path("replicas")).hasSize(3);
            Set<String> racks = new HashSet<>();
            p.path("replicaRacks").forEach(r -> racks.add(r.asText()));
            assertThat(racks).containsExactlyInAnyOrder("az1", "az2", "az3");
        });

        assertThat(api.post(base + "/topics", TOKEN, Map.of("name", "events")).status()).isEqualTo(409);
        ApiClient.Response tooManyReplicas = api.post(base + "/topics", TOKEN, Map.of("name", "wide", "replicationFactor", 4));
        assertThat(tooManyReplicas.status()).isEqualTo(400);
        assertThat(tooManyReplicas.json().path("errors").findValuesAsString("field")).contains("replicationFactor");
        ApiClient.Response rawRetention = api.post(base + "/topics", TOKEN, Map.of("name", "raw",
                "configs", Map.of("retention.ms", "1000")));
        assertThat(rawRetention.json().path("errors").findValuesAsString("field")).contains("configs.retention.ms");

        assertThat(api.post(base + "/topics", TOKEN, Map.of("name", "scratch", "partitions", 2)).status()).isEqualTo(201);
        ApiClient.Response grown = api.patch(base + "/topics/scratch", TOKEN, Map.of("partitions", 4, "retentionHours", 48));
        assertThat(grown.status()).isEqualTo(200);
        assertThat(grown.json().path("partitions").asInt()).isEqualTo(4);
        assertThat(grown.json().path("retentionHours").asInt()).isEqualTo(48);
        ApiClient.Response shrink = api.patch(base + "/topics/scratch", TOKEN, Map.of("partitions", 2));
        assertThat(shrink.status()).isEqualTo(400);
        assertThat(shrink.text("detail")).contains("can only be added");

        JsonNode list = api.get(base + "/topics?q=SCR", TOKEN).json();
        assertThat(list.path("items").findValuesAsString("name")).containsExactly("scratch");
        assertThat(api.get(base + "/topics", TOKEN).json().path("items").findValuesAsString("name"))
                .contains("events", "scratch").doesNotContain("__consumer_offsets");

        assertThat(api.post(base + "/topics", TOKEN, Map.of("name", "doomed")).status()).isEqualTo(201);
        assertThat(api.delete(base + "/topics/doomed", TOKEN).status()).isEqualTo(204);
        assertThat(api.get(base + "/topics/doomed", TOKEN).status()).isEqualTo(404);
        assertThat(api.delete(base + "/topics/doomed", TOKEN).status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void theFlavorsPartitionLimitHolds() {
        ApiClient.Response r = api.post(base + "/topics", TOKEN, Map.of("name", "huge", "partitions", 800));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("detail")).contains("250 per broker");
    }

    @Test
    @Order(3)
    void aTestMessageIsProducedAndFound() {
        ApiClient.Response sent = api.post(base + "/topics/scratch/messages", TOKEN, Map.of("key", "k-1",
                "value", "{\"hello\":\"tributary\"}", "headers", Map.of("source", "it"), "partition", 1));
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.json().path("partition").asInt()).isEqualTo(1);
        long offset = sent.json().path("offset").asLong();

        JsonNode found = api.get(base + "/topics/scratch/messages?partition=1&offset=" + offset, TOKEN).json();
        JsonNode message = found.path("messages").get(0);
        assertThat(message.path("key").asText()).isEqualTo("k-1");
        assertThat(message.path("valueEncoding").asText()).isEqualTo("JSON");
        assertThat(message.path("value").asText()).isEqualTo("{\"hello\":\"tributary\"}");
        assertThat(message.path("headers").path("source").asText()).isEqualTo("it");
        assertThat(api.post(base + "/topics/nope/messages", TOKEN, Map.of("value", "x")).status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void queriesReturnExactlyWhatWasProduced() throws Exception {
        produceKnownMessages();

        // a window by offset
        long[] p10 = positions.values().stream().filter(p -> p[0] == 0).min((a, b) -> Long.compare(a[1], b[1])).orElseThrow();
        JsonNode window = api.get(base + "/topics/events/messages?partition=0&offset=" + (p10[1] + 10) + "&limit=20", TOKEN).json();
        assertThat(offsets(window)).containsExactlyElementsOf(offsetRange(p10[1] + 10, 20));
        window.path("messages").forEach(m -> assertThat(valueIndex(m)).isEqualTo(indexAt(0, m.path("offset").asLong())));

        // the first 50 at or after a time, over all partitions
        String from = Instant.ofEpochMilli(T0 + 5_000L * 10).toString();
        JsonNode byTime = api.get(base + "/topics/events/messages?from=" + from + "&limit=50", TOKEN).json();
        assertThat(indexes(byTime)).containsExactlyElementsOf(IntStream.range(5_000, 5_050).boxed().toList());

        // by key: every message of key-42, nothing else
        JsonNode byKey = api.get(base + "/topics/events/messages?key=key-42&limit=500", TOKEN).json();
        assertThat(byKey.path("complete").asBoolean()).isTrue();
        assertThat(byKey.path("scanned").asLong()).isEqualTo(COUNT);
        assertThat(new HashSet<>(indexes(byKey))).isEqualTo(IntStream.range(0, COUNT).filter(i -> i % 100 == 42)
                .boxed().collect(Collectors.toSet()));

        // by content
        JsonNode byContent = api.get(base + "/topics/events/messages?contains=message-1234%22", TOKEN).json();
        assertThat(indexes(byContent)).containsExactly(1234);
    }

    @Test
    @Order(5)
    void aWindowDownloadsAsJsonLines() {
        long first = positions.values().stream().filter(p -> p[0] == 1).mapToLong(p -> p[1]).min().orElseThrow();
        ApiClient.Response byOffset = api.get(base + "/topics/events/messages/export?partition=1&offset=" + first
                + "&limit=1200", TOKEN);
        assertThat(byOffset.status()).isEqualTo(200);
        assertThat(byOffset.contentType()).startsWith("application/x-ndjson");
        List<String> lines = byOffset.raw().lines().toList();
        assertThat(lines).hasSize(1200);
        List<Long> offsets = lines.stream().map(l -> ApiClient.JSON.readTree(l).path("offset").asLong()).toList();
        assertThat(offsets).containsExactlyElementsOf(offsetRange(first, 1200));
        lines.forEach(l -> {
            JsonNode m = ApiClient.JSON.readTree(l);
            assertThat(m.path("partition").asInt()).isEqualTo(1);
            assertThat(valueIndex(m)).isEqualTo(indexAt(1, m.path("offset").asLong()));
        });

        String from = Instant.ofEpochMilli(T0 + 2_000L * 10).toString();
        String to = Instant.ofEpochMilli(T0 + 2_700L * 10).toString();
        List<Integer> byTime = api.get(base + "/topics/events/messages/export?from=" + from + "&to=" + to + "&limit=5000", TOKEN)
                .raw().lines().map(l -> valueIndex(ApiClient.JSON.readTree(l))).toList();
        assertThat(byTime).containsExactlyElementsOf(IntStream.range(2_000, 2_700).boxed().toList());

        ApiClient.Response noMode = api.get(base + "/topics/events/messages/export?limit=10", TOKEN);
        assertThat(noMode.status()).isEqualTo(400);
        assertThat(api.delete(base + "/message-searches/"
                + java.util.UUID.randomUUID(), TOKEN).status()).as("no such running search").isEqualTo(404);
    }

    @Test
    @Order(6)
    void aStoppedScanSaysSoAndContinuesExactly() {
        Set<Integer> collected = new HashSet<>();
        List<Integer> all = new ArrayList<>();
        String cursor = null;
        int rounds = 0;
        boolean complete = false;
        while (!complete) {
            String url = base + "/topics/events/messages?key=key-7&limit=500&maxScan=1000" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = api.get(url, TOKEN).json();
            complete = page.path("complete").asBoolean();
            if (!complete) {
                assertThat(page.path("stoppedBy").asText()).isEqualTo("MAX_SCAN");
                assertThat(page.path("scanned").asLong()).isEqualTo(1000);
                cursor = page.path("nextCursor").asText();
                assertThat(cursor).isNotBlank();
            }
            all.addAll(indexes(page));
            collected.addAll(indexes(page));
            rounds++;
        }
        assertThat(rounds).isEqualTo(COUNT / 1000);
        assertThat(all).hasSameSizeAs(collected);
        assertThat(collected).isEqualTo(IntStream.range(0, COUNT).filter(i -> i % 100 == 7).boxed().collect(Collectors.toSet()));
    }

    @Test
    @Order(7)
    void backtrackingRewindsAGroupToATime() throws Exception {
        assertThat(consume("billing", COUNT)).hasSize(COUNT);
        JsonNode group = api.get(base + "/consumer-groups/billing", TOKEN).json();
        assertThat(group.path("totalLag").asLong()).isZero();
        assertThat(api.get(base + "/consumer-groups", TOKEN).json().findValuesAsString("groupId")).contains("billing");

        Instant at = Instant.ofEpochMilli(T0 + 7_000L * 10);
        Map<String, Object> reset = new HashMap<>(Map.of("topic", "events", "target", "TIMESTAMP",
                "timestamp", at.toString(), "dryRun", true));
        JsonNode dry = api.post(base + "/consumer-groups/billing/offset-resets", TOKEN, reset).json();
        assertThat(dry.path("dryRun").asBoolean()).isTrue();
        Map<Integer, Long> expected = new HashMap<>();
        positions.forEach((i, p) -> {
            if (i >= 7_000) {
                expected.merge((int) p[0], p[1], Math::min);
            }
        });
        assertThat(dry.path("partitions")).hasSize(3).allSatisfy(p -> {
            assertThat(p.path("newOffset").asLong()).isEqualTo(expected.get(p.path("partition").asInt()));
            assertThat(p.path("currentOffset").asLong()).isGreaterThan(p.path("newOffset").asLong());
        });
        assertThat(api.get(base + "/consumer-groups/billing", TOKEN).json().path("totalLag").asLong()).as("dry run changes nothing").isZero();

        reset.put("dryRun", false);
        assertThat(api.post(base + "/consumer-groups/billing/offset-resets", TOKEN, reset).status()).isEqualTo(200);
        assertThat(api.get(base + "/consumer-groups/billing", TOKEN).json().path("totalLag").asLong()).isEqualTo(3_000);
        List<Integer> reread = consume("billing", 3_000);
        assertThat(new HashSet<>(reread)).isEqualTo(IntStream.range(7_000, COUNT).boxed().collect(Collectors.toSet()));
        assertThat(reread).hasSize(3_000);
    }

    @Test
    @Order(8)
    void anActiveGroupIsNotRewoundOrDeleted() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread member = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = consumer("live")) {
                consumer.subscribe(List.of("events"));
                while (running.get()) {
                    consumer.poll(Duration.ofMillis(200));
                }
            }
        });
        member.start();
        try {
            await("member joined").atMost(Duration.ofSeconds(60)).until(() ->
                    api.get(base + "/consumer-groups/live", TOKEN).json().path("members").size() == 1);
            ApiClient.Response refused = api.post(base + "/consumer-groups/live/offset-resets", TOKEN,
                    Map.of("topic", "events", "target", "EARLIEST"));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.text("code")).isEqualTo("GROUP_ACTIVE");
            assertThat(refused.text("detail")).contains("it-consumer-live");
            assertThat(api.delete(base + "/consumer-groups/live", TOKEN).status()).isEqualTo(409);
        } finally {
            running.set(false);
            member.join();
        }
        assertThat(api.delete(base + "/consumer-groups/billing", TOKEN).status()).isEqualTo(204);
        assertThat(api.get(base + "/consumer-groups/billing", TOKEN).status()).isEqualTo(404);
    }

    @Test
    @Order(9)
    void moreStorageReachesEveryBrokerWithoutARestart() throws Exception {
        Map<Integer, Long> pids = instance.brokerPids();
        long before = api.get(base, TOKEN).json().path("brokers").get(0).path("diskLimitBytes").asLong();
        ApiClient.Response grown = api.patch(base, TOKEN, Map.of("storageGb", 101));
        assertThat(grown.status()).as(grown.raw()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.get(base, TOKEN).json().path("brokers"))
                .allSatisfy(b -> assertThat(b.path("diskLimitBytes").asLong()).isGreaterThan(before)));
        long limit = api.get(base, TOKEN).json().path("brokers").get(0).path("diskLimitBytes").asLong();
        String segment = Long.toString(Math.max(1L << 20, Math.min(512L << 20, limit / 20)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (int node = 1; node <= 3; node++) {
                assertThat(instance.brokerSetting(node, "log.segment.bytes")).as("the larger disk's segment size")
                        .isEqualTo(segment);
            }
        });
        assertThat(api.patch(base, TOKEN, Map.of("storageGb", 100)).status()).as("never shrinks").isEqualTo(400);
        assertThat(instance.brokerPids()).as("no broker restarted").isEqualTo(pids);
        assertThat(api.get(base, TOKEN).json().path("brokers"))
                .allSatisfy(b -> assertThat(b.path("pendingRestart").asBoolean()).as("nothing waits for a restart").isFalse());
        assertThat(api.get(base, TOKEN).text("status")).isEqualTo("RUNNING");
    }

    @Test
    @Order(10)
    void brokerSettingsKafkaTakesWhileRunningChangeWithoutARestart() throws Exception {
        Map<Integer, Long> pids = instance.brokerPids();
        String defaultMaxBytes = instance.brokerSetting(1, "message.max.bytes");
        ApiClient.Response tuned = api.patch(base, TOKEN,
                Map.of("brokerConfig", Map.of("message.max.bytes", "2097152", "log.cleaner.threads", "2")));
        assertThat(tuned.status()).as("no rolling restart: " + tuned.raw()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (int node = 1; node <= 3; node++) {
                assertThat(instance.brokerSetting(node, "message.max.bytes")).isEqualTo("2097152");
                assertThat(instance.brokerSetting(node, "log.cleaner.threads")).isEqualTo("2");
            }
        });

        ApiClient.Response reverted = api.patch(base, TOKEN, Map.of("brokerConfig", Map.of("log.cleaner.threads", "2")));
        assertThat(reverted.status()).as(reverted.raw()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (int node = 1; node <= 3; node++) {
                assertThat(instance.brokerSetting(node, "message.max.bytes")).as("a removed setting is back to the default")
                        .isEqualTo(defaultMaxBytes);
            }
        });
        JsonNode after = api.get(base, TOKEN).json();
        assertThat(after.path("brokerConfig").path("message.max.bytes").isMissingNode()).isTrue();
        assertThat(after.path("brokers")).allSatisfy(b -> assertThat(b.path("pendingRestart").asBoolean()).isFalse());
        assertThat(instance.brokerPids()).as("no broker restarted").isEqualTo(pids);
    }

    private void produceKnownMessages() throws Exception {
        Properties p = instance.clientProperties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < COUNT; i++) {
                sent.add(producer.send(new ProducerRecord<>("events", null, T0 + i * 10L, "key-" + (i % 100),
                        "{\"i\":" + i + ",\"text\":\"message-" + i + "\"}")));
            }
            for (int i = 0; i < COUNT; i++) {
                RecordMetadata m = sent.get(i).get();
                positions.put(i, new long[] {m.partition(), m.offset()});
            }
        }
    }

    private List<Integer> consume(String group, int expected) {
        List<Integer> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            consumer.subscribe(List.of("events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (seen.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(Integer.parseInt(r.value().replaceAll("^\\{\"i\":(\\d+),.*$", "$1")));
                }
            }
            consumer.commitSync();
        }
        return seen;
    }

    private KafkaConsumer<String, String> consumer(String group) {
        Properties p = instance.clientProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "it-consumer-" + group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(p);
    }

    private int indexAt(int partition, long offset) {
        return positions.entrySet().stream().filter(e -> e.getValue()[0] == partition && e.getValue()[1] == offset)
                .findFirst().orElseThrow().getKey();
    }

    private static int valueIndex(JsonNode message) {
        return ApiClient.JSON.readTree(message.path("value").asText()).path("i").asInt();
    }

    private static List<Integer> indexes(JsonNode result) {
        List<Integer> out = new ArrayList<>();
        result.path("messages").forEach(m -> out.add(valueIndex(m)));
        return out;
    }

    private static List<Long> offsets(JsonNode result) {
        List<Long> out = new ArrayList<>();
        result.path("messages").forEach(m -> out.add(m.path("offset").asLong()));
        return out;
    }

    private static List<Long> offsetRange(long start, int count) {
        return java.util.stream.LongStream.range(start, start + count).boxed().toList();
    }
}
