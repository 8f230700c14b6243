package io.tributary.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.api.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The disk-full policies on real brokers with a tiny disk: local hosts count one ordered GB as
 * 256 KiB here, so 100 "GB" is a 25 MiB disk that a test fills in seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CapacityPolicyIT {

    static final String TOKEN = RunningInstance.TOKEN;
    static final String KIB = "x".repeat(1024);

    @RegisterExtension
    static final RunningInstance platform = RunningInstance.builder(24000)
            .env("TRIBUTARY_LOCAL_BYTES_PER_GB", "262144").controlPlaneOnly().build();
    ApiClient api;

    @BeforeAll
    void connect() {
        api = platform.api();
    }

    @Test
    void produceRejectRefusesWritesWhenFullKeepsReadsAndResumesWhenRetentionFreesSpace() throws Exception {
        String base = instance("rejecting", "PRODUCE_REJECT");
        String bootstrap = api.get(base, TOKEN).text("bootstrapServers");
        assertThat(api.post(base + "/topics", TOKEN, Map.of("name", "fill", "partitions", 3)).status()).isEqualTo(201);

        Exception refused = fillUntilRefused(bootstrap, "fill", 40_000);
        assertThat(refused).as("producing must be refused once the disk is full").isNotNull();
        assertThat(refused).hasRootCauseInstanceOf(TopicAuthorizationException.class);
        await("event").atMost(Duration.ofSeconds(30)).until(() -> eventTypes(base).contains("PRODUCE_REJECTED"));
        JsonNode brokers = api.get(base, TOKEN).json().path("brokers");
        assertThat(brokers.findValuesAsString("produceRejected")).contains("true");
        assertThat(KafkaRoundTrip.consume(bootstrap, "fill", 100)).as("consumers keep reading").hasSizeGreaterThanOrEqualTo(100);

        assertThat(api.patch(base + "/topics/fill", TOKEN, Map.of("configs", Map.of("retention.bytes", "1048576")))
                .status()).isEqualTo(200);
        await("retention frees space").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> eventTypes(base).contains("PRODUCE_RESUMED"));
        // each broker resumes on its own (and its plugin rereads the flag within a second)
        await("every broker accepts writes").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.get(base, TOKEN).json().path("brokers").findValuesAsString("produceRejected").stream()
                        .noneMatch("true"::equals));
        await("producing works again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> KafkaRoundTrip.produce(bootstrap, "fill", List.of("after")));
        platform.delete(base);
    }

    /**
     * A compacted topic (Kafka refuses deleteRecords on it) beside a normal one, on three brokers
     * that all hold every partition: one pass cuts the normal topic to about half once (not once
     * per broker, not again while the freed space has not shown yet, not again because the
     * compacted topic refused), and leaves the compacted topic whole.
     */
    @Test
    void timeBaseDeletesTheOldestHalfOnceLeavesCompactedTopicsAloneAndProducingGoesOn() throws Exception {
        String base = instance("trimming", "TIME_BASE");
        String bootstrap = api.get(base, TOKEN).text("bootstrapServers");
        assertThat(api.post(base + "/topics", TOKEN, Map.of("name", "fill", "partitions", 3)).status()).isEqualTo(201);
        assertThat(api.post(base + "/topics", TOKEN, Map.of("name", "compacted", "partitions", 3,
                "configs", Map.of("cleanup.policy", "compact"))).status()).isEqualTo(201);
        List<String> keyed = java.util.stream.IntStream.range(0, 300).mapToObj(i -> "key-" + i).toList();
        KafkaRoundTrip.produce(bootstrap, "compacted", keyed);

        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            for (int round = 0; round < 60 && !eventTypes(base).contains("OLDEST_DATA_DELETED"); round++) {
                sendBatch(producer, "fill", 1000);
            }
        }
        assertThat(eventTypes(base)).contains("OLDEST_DATA_DELETED");
        // a second cut would come within seconds (next pass, next broker); none comes while the space frees
        await("no second cut").during(Duration.ofSeconds(40)).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> eventTypes(base).stream().filter("OLDEST_DATA_DELETED"::equals).count() == 1);
        String message = api.get(base + "/events?size=100", TOKEN).json().path("items").findValues("message").stream()
                .map(JsonNode::asText).filter(m -> m.contains("deleted the oldest half")).findFirst().orElseThrow();
        assertThat(message).contains("fill").contains("left compacted topics alone (compacted)")
                .doesNotContain("refused");

        for (JsonNode partition : api.get(base + "/topics/fill", TOKEN).json().path("partitionDetails")) {
            long earliest = partition.path("earliestOffset").asLong();
            long latest = partition.path("latestOffset").asLong();
            assertThat(earliest).as("the oldest data is gone").isPositive();
            assertThat((double) (latest - earliest) / latest)
                    .as("partition %s kept about half (cut once), not a quarter or an eighth", partition.path("partition"))
                    .isBetween(0.4, 0.7);
        }
        for (JsonNode partition : api.get(base + "/topics/compacted", TOKEN).json().path("partitionDetails")) {
            assertThat(partition.path("earliestOffset").asLong()).as("the compacted topic is whole").isZero();
        }
        assertThat(KafkaRoundTrip.consume(bootstrap, "compacted", keyed.size())).hasSize(keyed.size());
        KafkaRoundTrip.produce(bootstrap, "fill", List.of("still-writable"));
        await("usage back under the high watermark").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    JsonNode b = api.get(base, TOKEN).json().path("brokers").get(0);
                    return b.path("diskUsedBytes").asLong() < 0.95 * b.path("diskLimitBytes").asLong();
                });
        platform.delete(base);
    }

    private String instance(String name, String policy) {
        Map<String, Object> order = RunningInstance.order(name);
        order.put("retention", Map.of("capacityPolicy", policy));
        return platform.orderAndAwaitRunning(platform.projectPath() + "/instances", order, RunningInstance.CREATION);
    }

    private List<String> eventTypes(String base) {
        return api.get(base + "/events?size=100", TOKEN).json().path("items").findValuesAsString("type");
    }

    /** Produces 1 KiB messages, 500 at a time, until one is refused; that refusal, or null if none was. */
    private static Exception fillUntilRefused(String bootstrap, String topic, int max) throws InterruptedException {
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            for (int sent = 0; sent < max; sent += 500) {
                try {
                    sendBatch(producer, topic, 500);
                } catch (ExecutionException e) {
                    return e;
                }
            }
        }
        return null;
    }

    /** Sends {@code count} 1 KiB messages and waits for every acknowledgement. */
    private static void sendBatch(KafkaProducer<String, String> producer, String topic, int count)
            throws ExecutionException, InterruptedException {
        List<java.util.concurrent.Future<?>> acks = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            acks.add(producer.send(new ProducerRecord<>(topic, KIB)));
        }
        for (var ack : acks) {
            ack.get();
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.RETRIES_CONFIG, 0);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(p);
    }
}
