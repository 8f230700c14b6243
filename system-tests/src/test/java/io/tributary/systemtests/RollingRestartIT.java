package io.tributary.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.api.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
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
 * Rolling restarts on real brokers: a full roll under a steady {@code acks=all} producer loses no acknowledged
 * record and restarts each broker exactly once; a broker held down (SIGSTOP) keeps the roller from taking a second
 * broker down, and the operation says why it waits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollingRestartIT {

    static final String TOKEN = RunningInstance.TOKEN;
    static final String TOPIC = "steady";
    static final Duration ROLL = Duration.ofMinutes(3);

    @RegisterExtension
    static final RunningInstance instance = RunningInstance.builder(28000).order(RunningInstance.order("roll")).build();
    ApiClient api;
    String base;

    @BeforeAll
    void topic() {
        api = instance.api();
        base = instance.base();
        assertThat(api.post(base + "/topics", TOKEN, Map.of("name", TOPIC, "partitions", 3, "replicationFactor", 3,
                "syncReplication", true)).status()).isEqualTo(201);
    }

    @Test
    @Order(1)
    void aFullRollUnderSteadyProduceLosesNoAcknowledgedRecordAndRestartsEachBrokerOnce() throws Exception {
        Map<Integer, Long> before = instance.brokerPids();
        assertThat(before).hasSize(3);
        Map<Integer, Set<Long>> seen = new TreeMap<>();
        before.forEach((node, pid) -> seen.computeIfAbsent(node, n -> new LinkedHashSet<>()).add(pid));
        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicReference<Exception> sendError = new AtomicReference<>();
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread producer = new Thread(() -> produceSteadily(acked, sendError, producing), "steady-producer");
        producer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> acked.size() > 400);

        ApiClient.Response started = api.post(base + "/restarts", TOKEN, Map.of());
        assertThat(started.status()).isEqualTo(202);
        String operation = started.text("id");
        assertThat(started.text("type")).isEqualTo("RESTART_BROKERS");
        ApiClient.Response second = api.post(base + "/restarts", TOKEN, Map.of("nodeId", 1));
        assertThat(second.status()).as("one mutating operation per instance").isEqualTo(409);
        assertThat(second.text("detail")).contains(operation);

        Set<String> instanceStates = new HashSet<>();
        await().atMost(ROLL).pollInterval(Duration.ofMillis(500)).until(() -> {
            instance.brokerPids().forEach((node, pid) -> seen.computeIfAbsent(node, n -> new LinkedHashSet<>()).add(pid));
            instanceStates.add(api.get(base, TOKEN).text("status"));
            return finished(operation);
        });
        producing.set(false);
        producer.join(Duration.ofSeconds(60).toMillis());

        JsonNode op = api.get(instance.projectPath() + "/operations/" + operation, TOKEN).json();
        assertThat(op.path("status").asText()).as(op.toString()).isEqualTo("SUCCEEDED");
        assertThat(instanceStates).contains("RESTARTING");
        assertThat(api.get(base, TOKEN).text("status")).isEqualTo("RUNNING");
        instance.brokerPids().forEach((node, pid) -> seen.get(node).add(pid));
        assertThat(seen).as("each broker's pids: restarted exactly once").allSatisfy((node, pids) ->
                assertThat(pids).hasSize(2));
        assertThat(sendError.get()).as("the producer was never refused").isNull();
        Set<String> read = readAll();
        assertThat(acked).as("acknowledged records").hasSizeGreaterThan(2000);
        assertThat(read).as("every acknowledged record is there").containsAll(acked);
    }

    @Test
    @Order(2)
    void aBrokerHeldDownKeepsTheRollerFromTakingASecondOneDown() throws Exception {
        int controller;
        try (Admin admin = Admin.create(instance.clientProperties())) {
            controller = admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId();
        }
        List<Integer> others = Stream.of(1, 2, 3).filter(n -> n != controller).sorted().toList();
        int first = others.get(0);
        int held = others.get(1); // not the roller's first pick, which would otherwise be asked to restart first
        Map<Integer, Long> before = instance.brokerPids();
        signal("STOP", before.get(held));
        String operation;
        try {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> outOfEveryIsr(held));

            // the health monitor may call the instance DEGRADED by now: a restart is allowed then too
            ApiClient.Response started = api.post(base + "/restarts", TOKEN, Map.of());
            assertThat(started.status()).as(started.raw()).isEqualTo(202);
            operation = started.text("id");
            String path = instance.projectPath() + "/operations/" + operation;
            await().atMost(Duration.ofSeconds(60)).until(() -> String.valueOf(api.get(path, TOKEN).text("detail"))
                    .contains("would fall below min.insync.replicas=2 while broker " + first + " is down"));
            await("no broker restarted while one is held down").during(Duration.ofSeconds(5))
                    .atMost(Duration.ofSeconds(10)).until(() -> instance.brokerPids().equals(before));
            assertThat(api.get(path, TOKEN).text("status")).isEqualTo("RUNNING");
            assertThat(api.get(path, TOKEN).text("detail")).startsWith("waiting: partition ");
        } finally {
            signal("CONT", before.get(held));
        }
        await().atMost(ROLL).pollInterval(Duration.ofSeconds(1)).until(() -> finished(operation));
        assertThat(api.get(instance.projectPath() + "/operations/" + operation, TOKEN).text("status"))
                .as("the roll completes once the broker is back").isEqualTo("SUCCEEDED");
        Map<Integer, Long> after = instance.brokerPids();
        assertThat(after).hasSize(3).allSatisfy((node, pid) -> assertThat(pid).isNotEqualTo(before.get(node)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(api.get(base, TOKEN).text("status")));
    }

    @Test
    @Order(3)
    void aNewFlavorRollsOntoOneBrokerAtATimeUnderSteadyProduceAndLosesNothing() throws Exception {
        String threadsBefore = instance.brokerSetting(1, "num.network.threads");
        Map<Integer, Long> last = instance.brokerPids();
        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicReference<Exception> sendError = new AtomicReference<>();
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread producer = new Thread(() -> produceSteadily(acked, sendError, producing), "steady-producer");
        producer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> acked.size() > 400);

        ApiClient.Response resized = api.patch(base, TOKEN, Map.of("flavor", "kafka.4u8g"));
        assertThat(resized.status()).as(resized.raw()).isEqualTo(202);
        String operation = resized.text("currentOperationId");
        Set<Integer> pendingSeen = new HashSet<>();
        List<Set<Integer>> restartedTogether = new ArrayList<>();
        Map<Integer, Long>[] previous = new Map[] {last};
        await().atMost(ROLL).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<Integer, Long> now = instance.brokerPids();
            Set<Integer> changed = new HashSet<>();
            now.forEach((node, pid) -> {
                if (!pid.equals(previous[0].get(node))) {
                    changed.add(node);
                }
            });
            if (!changed.isEmpty()) {
                restartedTogether.add(changed);
            }
            previous[0] = now;
            for (JsonNode broker : api.get(base, TOKEN).json().path("brokers")) {
                if (broker.path("pendingRestart").asBoolean()) {
                    pendingSeen.add(broker.path("nodeId").asInt());
                }
            }
            return finished(operation);
        });
        producing.set(false);
        producer.join(Duration.ofSeconds(60).toMillis());

        assertThat(api.get(instance.projectPath() + "/operations/" + operation, TOKEN).text("status")).isEqualTo("SUCCEEDED");
        assertThat(restartedTogether).as("pid changes per look: never two brokers at once").allSatisfy(nodes ->
                assertThat(nodes).hasSize(1));
        assertThat(restartedTogether.stream().flatMap(Set::stream).distinct().sorted().toList()).containsExactly(1, 2, 3);
        assertThat(pendingSeen).as("brokers waiting for their turn showed pendingRestart").isNotEmpty();
        JsonNode after = api.get(base, TOKEN).json();
        assertThat(after.path("flavor").asText()).isEqualTo("kafka.4u8g");
        assertThat(after.path("brokers")).allSatisfy(b -> assertThat(b.path("pendingRestart").asBoolean()).isFalse());
        String threadsAfter = instance.brokerSetting(1, "num.network.threads");
        assertThat(threadsAfter).as("the new flavor's threads").isNotEqualTo(threadsBefore);
        for (int node = 2; node <= 3; node++) {
            assertThat(instance.brokerSetting(node, "num.network.threads")).isEqualTo(threadsAfter);
        }
        assertThat(sendError.get()).as("the producer was never refused").isNull();
        assertThat(readAll()).as("every acknowledged record is there").containsAll(acked);
    }

    private boolean finished(String operation) {
        String status = api.get(instance.projectPath() + "/operations/" + operation, TOKEN).text("status");
        return "SUCCEEDED".equals(status) || "FAILED".equals(status);
    }

    /** 200 records a second, acks=all and idempotent, each remembered once the brokers acknowledged it. */
    private void produceSteadily(Set<String> acked, AtomicReference<Exception> error, AtomicBoolean producing) {
        Properties p = instance.clientProperties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; producing.get(); i++) {
                String value = Integer.toString(i);
                producer.send(new ProducerRecord<>(TOPIC, value, value), (metadata, e) -> {
                    if (e == null) {
                        acked.add(value);
                    } else {
                        error.compareAndSet(null, e);
                    }
                });
                Thread.sleep(5);
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Set<String> readAll() {
        Properties p = instance.clientProperties();
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Set<String> values = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(TOPIC).forEach(info -> partitions.add(new TopicPartition(TOPIC, info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
        }
        return values;
    }

    private boolean outOfEveryIsr(int node) throws Exception {
        Properties p = instance.clientProperties();
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000);
        try (Admin admin = Admin.create(p)) {
            TopicDescription topic = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(TOPIC);
            return topic.partitions().stream().noneMatch(part -> part.isr().stream().anyMatch(n -> n.id() == node));
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }
}
