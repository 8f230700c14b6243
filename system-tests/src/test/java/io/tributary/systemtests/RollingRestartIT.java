package io.tributary.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.api.ApiClient;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
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
 * record and restarts each broker exactly once; a broker held down (SIGSTOP) in the middle of a roll keeps the
 * roller from taking a second broker down, and the operation says why it waits; a new flavor and a Kafka upgrade roll the same way; a roll whose
 * control plane is killed halfway resumes and restarts no broker twice. A scale-out to 4 brokers and back to 3, under
 * the same producer, lose nothing either; the fourth broker holds replicas and leaders while it is there.
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
    void aFullRollUnderSteadyProduceSurvivesAControlPlaneKillLosesNothingAndRestartsEachBrokerOnce() throws Exception {
        Map<Integer, Set<Long>> pids = new TreeMap<>();
        Set<String> states = new HashSet<>();
        try (SteadyProducer producer = SteadyProducer.start(instance.clientProperties(), TOPIC)) {
            assertThat(lookAtPids(pids)).hasSize(3);
            ApiClient.Response started = api.post(base + "/restarts", TOKEN, Map.of());
            assertThat(started.status()).isEqualTo(202);
            String operation = started.text("id");
            assertThat(started.text("type")).isEqualTo("RESTART_BROKERS");
            ApiClient.Response second = api.post(base + "/restarts", TOKEN, Map.of("nodeId", 1));
            assertThat(second.status()).as("one mutating operation per instance").isEqualTo(409);
            assertThat(second.text("detail")).contains(operation);
            await("the first broker restarted").atMost(ROLL).pollInterval(Duration.ofMillis(200)).until(() -> {
                states.add(api.get(base, TOKEN).text("status"));
                return lookAtPids(pids).values().stream().anyMatch(seen -> seen.size() > 1);
            });

            // SIGKILL the control plane halfway: the roll resumes on restart, and no broker restarts twice
            instance.controlPlane().kill();
            lookAtPids(pids);
            instance.controlPlane().start();
            await("the roll resumed and finished").atMost(ROLL.plusMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        lookAtPids(pids);
                        return finished(operation);
                    });
            producer.close();

            assertThat(api.get(instance.projectPath() + "/operations/" + operation, TOKEN).text("status"))
                    .isEqualTo("SUCCEEDED");
            assertThat(states).contains("RESTARTING");
            assertThat(lookAtPids(pids)).as("each broker's pids: restarted exactly once, across the crash")
                    .containsOnlyKeys(1, 2, 3).allSatisfy((node, seen) -> assertThat(seen).hasSize(2));
            assertThat(producer.error()).as("the producer was never refused").isNull();
            assertThat(producer.acked()).as("acknowledged records").hasSizeGreaterThan(2000);
            assertThat(readAll()).as("every acknowledged record is there").containsAll(producer.acked());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(api.get(base, TOKEN).text("status")));
    }

    @Test
    @Order(2)
    void aBrokerHeldDownDuringTheRollKeepsTheRollerFromTakingASecondOneDown() throws Exception {
        Map<Integer, Long> before = instance.brokerPids();
        ApiClient.Response started = api.post(base + "/restarts", TOKEN, Map.of());
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        String operation = started.text("id");
        String path = instance.projectPath() + "/operations/" + operation;

        // the moment the roll's first broker runs again, hold it (SIGSTOP): it is down in the middle of the roll
        int[] held = {0};
        long[] heldPid = {0};
        await("the first broker restarted").atMost(ROLL).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (Map.Entry<Integer, Long> now : instance.brokerPids().entrySet()) {
                if (!now.getValue().equals(before.get(now.getKey()))) {
                    held[0] = now.getKey();
                    heldPid[0] = now.getValue();
                    return true;
                }
            }
            return false;
        });
        signal("STOP", heldPid[0]);
        try {
            await("the operation says it waits for the held broker").atMost(Duration.ofSeconds(60))
                    .until(() -> String.valueOf(api.get(path, TOKEN).text("detail")).contains("broker " + held[0]));
            Map<Integer, Long> during = instance.brokerPids();
            await("no second broker restarted while one is held down").during(Duration.ofSeconds(10))
                    .atMost(Duration.ofSeconds(15)).until(() -> instance.brokerPids().equals(during));
            assertThat(during).as("only the held broker restarted so far").allSatisfy((node, pid) ->
                    assertThat(pid.equals(before.get(node))).isEqualTo(node != held[0]));
            assertThat(api.get(path, TOKEN).text("status")).isEqualTo("RUNNING");
            assertThat(api.get(path, TOKEN).text("detail")).contains("broker " + held[0]);
        } finally {
            signal("CONT", heldPid[0]);
        }
        await().atMost(ROLL).pollInterval(Duration.ofSeconds(1)).until(() -> finished(operation));
        assertThat(api.get(path, TOKEN).text("status")).as("the roll completes once the broker is back")
                .isEqualTo("SUCCEEDED");
        Map<Integer, Long> after = instance.brokerPids();
        assertThat(after).hasSize(3).allSatisfy((node, pid) -> assertThat(pid).isNotEqualTo(before.get(node)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(api.get(base, TOKEN).text("status")));
    }

    @Test
    @Order(3)
    void moreStorageThenANewFlavorAndASettingThatNeedsARestartUnderSteadyProduceLoseNothing() throws Exception {
        String threadsBefore = instance.brokerSetting(1, "num.network.threads");
        try (SteadyProducer producer = SteadyProducer.start(instance.clientProperties(), TOPIC)) {
            Map<Integer, Long> pids = instance.brokerPids();
            ApiClient.Response grown = api.patch(base, TOKEN, Map.of("storageGb", 150));
            assertThat(grown.status()).as("more storage needs no restart: " + grown.raw()).isEqualTo(200);
            assertThat(instance.brokerPids()).isEqualTo(pids);

            ApiClient.Response resized = api.patch(base, TOKEN,
                    Map.of("flavor", "kafka.4u8g", "brokerConfig", Map.of("replica.lag.time.max.ms", "40000")));
            assertThat(resized.status()).as(resized.raw()).isEqualTo(202);
            Roll roll = follow(resized.text("currentOperationId"));
            producer.close();

            assertThat(roll.status()).isEqualTo("SUCCEEDED");
            assertThat(roll.restartedOnceEach()).as("pid changes per look: each broker once, never two at once").isTrue();
            assertThat(roll.pendingSeen()).as("brokers waiting for their turn showed pendingRestart").isNotEmpty();
            JsonNode after = api.get(base, TOKEN).json();
            assertThat(after.path("flavor").asText()).isEqualTo("kafka.4u8g");
            assertThat(after.path("brokers")).allSatisfy(b -> assertThat(b.path("pendingRestart").asBoolean()).isFalse());
            String threadsAfter = instance.brokerSetting(1, "num.network.threads");
            assertThat(threadsAfter).as("the new flavor's threads").isNotEqualTo(threadsBefore);
            for (int node = 1; node <= 3; node++) {
                assertThat(instance.brokerSetting(node, "num.network.threads")).isEqualTo(threadsAfter);
                assertThat(instance.brokerSetting(node, "replica.lag.time.max.ms")).as("a setting Kafka takes only at start")
                        .isEqualTo("40000");
            }
            assertThat(after.path("storageGb").asInt()).isEqualTo(150);
            assertThat(producer.error()).as("the producer was never refused").isNull();
            assertThat(readAll()).as("every acknowledged record is there").containsAll(producer.acked());
        }
    }

    @Test
    @Order(4)
    void anUpgradeRollsOntoTheNewerKafkaThenFinalizesTheMetadataVersionAndLosesNothing() throws Exception {
        String from = api.get(base, TOKEN).text("kafkaVersion");
        String to = "4.3.1";
        assertThat(from).isEqualTo("4.1.1");
        short levelBefore = finalizedMetadataVersion();
        try (SteadyProducer producer = SteadyProducer.start(instance.clientProperties(), TOPIC)) {
            ApiClient.Response upgrading = api.patch(base, TOKEN, Map.of("kafkaVersion", to));
            assertThat(upgrading.status()).as(upgrading.raw()).isEqualTo(202);
            String operation = upgrading.text("currentOperationId");
            assertThat(api.get(instance.projectPath() + "/operations/" + operation, TOKEN).text("type"))
                    .isEqualTo("UPGRADE_KAFKA");
            Roll roll = follow(operation);
            producer.close();

            assertThat(roll.status()).as(roll.toString()).isEqualTo("SUCCEEDED");
            assertThat(roll.instanceStates()).contains("UPGRADING");
            assertThat(roll.restartedOnceEach()).as("pid changes per look: each broker once, never two at once").isTrue();
            assertThat(producer.error()).as("the producer was never refused").isNull();
            assertThat(readAll()).as("every acknowledged record is there").containsAll(producer.acked());
        }
        JsonNode after = api.get(base, TOKEN).json();
        assertThat(after.path("kafkaVersion").asText()).isEqualTo(to);
        assertThat(after.path("status").asText()).isEqualTo("RUNNING");
        assertThat(after.path("brokers")).as("what each broker runs").hasSize(3)
                .allSatisfy(b -> assertThat(b.path("kafkaVersion").asText()).isEqualTo(to));
        assertThat(finalizedMetadataVersion()).as("the newer release's metadata version, finalized")
                .isGreaterThan(levelBefore);

        ApiClient.Response back = api.patch(base, TOKEN, Map.of("kafkaVersion", from));
        assertThat(back.status()).as("never back once finalized").isEqualTo(400);
        assertThat(back.raw()).contains("cannot go back");
    }

    @Test
    @Order(5)
    void aScaleOutAddsABrokerThatThenHoldsReplicasAndLeadersAndLosesNothing() throws Exception {
        // the fourth broker shares az1 with broker 1, and every partition keeps a replica in each zone: it takes
        // about half of az1's replicas, so give az1 enough of them to tell
        assertThat(api.post(base + "/topics", TOKEN, Map.of("name", "spread", "partitions", 12, "replicationFactor", 3))
                .status()).isEqualTo(201);
        ApiClient.Response before = api.post(base + "/rebalances", TOKEN, Map.of("dryRun", true));
        assertThat(before.status()).as(before.raw()).isEqualTo(200);
        assertThat(before.json().path("brokers")).hasSize(3);
        assertThat(before.json().path("operationId").isMissingNode() || before.json().path("operationId").isNull()).isTrue();
        Set<String> states = new HashSet<>();
        try (SteadyProducer producer = SteadyProducer.start(instance.clientProperties(), TOPIC)) {
            ApiClient.Response scaling = api.patch(base, TOKEN, Map.of("brokerCount", 4));
            assertThat(scaling.status()).as(scaling.raw()).isEqualTo(202);
            String operation = scaling.text("currentOperationId");
            assertThat(api.get(instance.projectPath() + "/operations/" + operation, TOKEN).text("type"))
                    .isEqualTo("SCALE_OUT");
            await("the scale-out finished").atMost(ROLL.plusMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
                states.add(api.get(base, TOKEN).text("status"));
                return finished(operation);
            });
            producer.close();
            assertThat(api.get(instance.projectPath() + "/operations/" + operation, TOKEN).text("status"))
                    .isEqualTo("SUCCEEDED");
            assertThat(producer.error()).as("the producer was never refused").isNull();
            assertThat(readAll()).as("every acknowledged record is there").containsAll(producer.acked());
        }
        assertThat(states).contains("EXTENDING");
        JsonNode view = api.get(base, TOKEN).json();
        assertThat(view.path("status").asText()).isEqualTo("RUNNING");
        assertThat(view.path("brokerCount").asInt()).isEqualTo(4);
        assertThat(view.path("brokers")).hasSize(4);
        assertThat(view.path("brokers").get(3).path("roles").toString()).isEqualTo("[\"broker\"]");
        Map<String, Integer> newBroker = replicasAndLeadersOf(4);
        int shared = replicasAndLeadersOf(1).get("replicas");
        assertThat(newBroker.get("replicas")).as("replicas on the new broker: half of az1's, which broker 1 has too")
                .isGreaterThanOrEqualTo(7).isBetween(shared - 1, shared + 1);
        assertThat(newBroker.get("leaders")).as("partitions the new broker leads").isGreaterThanOrEqualTo(3);

        JsonNode rebalance = api.get(base + "/rebalances", TOKEN).json();
        assertThat(rebalance.path("operationType").asText()).isEqualTo("SCALE_OUT");
        assertThat(rebalance.path("partitionsToMove").asInt()).isPositive();
        assertThat(rebalance.path("partitionsMoved").asInt()).isEqualTo(rebalance.path("partitionsToMove").asInt());
        ApiClient.Response after = api.post(base + "/rebalances", TOKEN, Map.of("dryRun", true));
        assertThat(after.json().path("partitionsToMove").asInt()).as("evenly spread now: " + after.raw()).isZero();
    }

    @Test
    @Order(6)
    void aScaleInEmptiesTheLastBrokerFirstThenRemovesItAndLosesNothing() throws Exception {
        ApiClient.Response tooFew = api.patch(base, TOKEN, Map.of("brokerCount", 2));
        assertThat(tooFew.status()).isEqualTo(400);
        assertThat(tooFew.raw()).contains("brokerCount");
        Set<String> states = new HashSet<>();
        try (SteadyProducer producer = SteadyProducer.start(instance.clientProperties(), TOPIC)) {
            ApiClient.Response scaling = api.patch(base, TOKEN, Map.of("brokerCount", 3));
            assertThat(scaling.status()).as(scaling.raw()).isEqualTo(202);
            String operation = scaling.text("currentOperationId");
            assertThat(api.get(instance.projectPath() + "/operations/" + operation, TOKEN).text("type"))
                    .isEqualTo("SCALE_IN");
            assertThat(api.delete(base + "/rebalances", TOKEN).status()).as("a scale-in's moves are not cancelled")
                    .isEqualTo(409);
            await("the scale-in finished").atMost(ROLL.plusMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
                states.add(api.get(base, TOKEN).text("status"));
                return finished(operation);
            });
            producer.close();
            assertThat(api.get(instance.projectPath() + "/operations/" + operation, TOKEN).text("status"))
                    .isEqualTo("SUCCEEDED");
            assertThat(producer.error()).as("the producer was never refused").isNull();
            assertThat(readAll()).as("every acknowledged record is there").containsAll(producer.acked());
        }
        assertThat(states).contains("EXTENDING");
        JsonNode view = api.get(base, TOKEN).json();
        assertThat(view.path("brokerCount").asInt()).isEqualTo(3);
        assertThat(view.path("brokers")).hasSize(3);
        assertThat(instance.brokerPids()).containsOnlyKeys(1, 2, 3);
        try (Admin admin = Admin.create(instance.clientProperties())) {
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).as("registered brokers").hasSize(3);
        }
        assertThat(replicasAndLeadersOf(4).get("replicas")).isZero();

        ApiClient.Response started = api.post(base + "/rebalances", TOKEN, Map.of("throttleBytesPerSecond", 10_485_760));
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        String operation = started.text("operationId");
        await().atMost(Duration.ofMinutes(2)).until(() -> finished(operation));
        JsonNode rebalance = api.get(base + "/rebalances", TOKEN).json();
        assertThat(rebalance.path("operationId").asText()).isEqualTo(operation);
        assertThat(rebalance.path("status").asText()).as(rebalance.toString()).isEqualTo("SUCCEEDED");
        assertThat(api.delete(base + "/rebalances", TOKEN).status()).as("nothing running to cancel").isEqualTo(409);
    }

    @Test
    @Order(7)
    void aChangeForTheMaintenanceWindowWaitsIsUndoneWhenCancelledAndARestartRunsOnceTheWindowOpens() throws Exception {
        DayOfWeek today = ZonedDateTime.now(ZoneOffset.UTC).getDayOfWeek();
        assertThat(api.patch(base, TOKEN, Map.of("maintenanceWindow", Map.of("dayOfWeek", today.plus(3).name(),
                "startHour", 2))).status()).isEqualTo(200);
        Map<Integer, Long> pids = instance.brokerPids();
        String retentionBefore = instance.brokerSetting(1, "log.retention.bytes");
        JsonNode configBefore = api.get(base, TOKEN).json().path("brokerConfig");

        ApiClient.Response scheduled = api.patch(base, TOKEN, Map.of("brokerConfig", Map.of("replica.lag.time.max.ms",
                "35000", "log.retention.bytes", "5000000000"), "applyAt", "MAINTENANCE_WINDOW"));
        assertThat(scheduled.status()).as(scheduled.raw()).isEqualTo(202);
        String change = scheduled.text("currentOperationId");
        JsonNode waiting = api.get(instance.projectPath() + "/operations/" + change, TOKEN).json();
        assertThat(waiting.path("status").asText()).isEqualTo("PENDING");
        assertThat(waiting.path("scheduledAt").asText()).isNotBlank();
        assertThat(instance.brokerSetting(1, "log.retention.bytes")).as("a setting Kafka takes while running: at once")
                .isEqualTo("5000000000");
        await("the brokers show the restart they wait for").atMost(Duration.ofSeconds(30)).until(() ->
                api.get(base, TOKEN).json().path("brokers").findValues("pendingRestart").stream().allMatch(JsonNode::asBoolean));
        await("nothing restarts outside the window").during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(12))
                .until(() -> instance.brokerPids().equals(pids) && "RUNNING".equals(api.get(base, TOKEN).text("status")));

        ApiClient.Response cancelled = api.post(instance.projectPath() + "/operations/" + change + "/cancel", TOKEN, Map.of());
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(instance.brokerSetting(1, "log.retention.bytes")).as("set back on the running brokers")
                .isEqualTo(retentionBefore);
        await("no broker waits for a restart any more").atMost(Duration.ofSeconds(30)).until(() ->
                api.get(base, TOKEN).json().path("brokers").findValues("pendingRestart").stream().noneMatch(JsonNode::asBoolean));
        assertThat(api.get(base, TOKEN).json().path("brokerConfig")).isEqualTo(configBefore);
        assertThat(instance.brokerPids()).isEqualTo(pids);

        ApiClient.Response restart = api.post(base + "/restarts", TOKEN, Map.of("nodeId", 2, "applyAt", "MAINTENANCE_WINDOW"));
        assertThat(restart.status()).as(restart.raw()).isEqualTo(202);
        assertThat(restart.text("status")).isEqualTo("PENDING");
        int hour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        assertThat(api.patch(base, TOKEN, Map.of("maintenanceWindow", Map.of("dayOfWeek", today.name(), "startHour", hour,
                "durationHours", 2))).status()).isEqualTo(200);
        Roll roll = follow(restart.text("id"));
        assertThat(roll.status()).as("the window is open: it ran").isEqualTo("SUCCEEDED");
        assertThat(roll.restartedTogether()).containsExactly(Set.of(2));
    }

    /** How many replicas a broker holds and how many partitions it leads, over every topic. */
    private Map<String, Integer> replicasAndLeadersOf(int node) throws Exception {
        try (Admin admin = Admin.create(instance.clientProperties())) {
            Set<String> names = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
                    .names().get(10, TimeUnit.SECONDS);
            int replicas = 0;
            int leaders = 0;
            for (TopicDescription topic : admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
                for (var partition : topic.partitions()) {
                    replicas += partition.replicas().stream().anyMatch(n -> n.id() == node) ? 1 : 0;
                    leaders += partition.leader() != null && partition.leader().id() == node ? 1 : 0;
                }
            }
            return Map.of("replicas", replicas, "leaders", leaders);
        }
    }

    private Map<Integer, Set<Long>> lookAtPids(Map<Integer, Set<Long>> seen) throws Exception {
        instance.brokerPids().forEach((node, pid) -> seen.computeIfAbsent(node, n -> new LinkedHashSet<>()).add(pid));
        return seen;
    }

    private short finalizedMetadataVersion() throws Exception {
        try (Admin admin = Admin.create(instance.clientProperties())) {
            return admin.describeFeatures().featureMetadata().get(10, TimeUnit.SECONDS).finalizedFeatures()
                    .get("metadata.version").maxVersionLevel();
        }
    }

    /** What an operation did while it ran, looked at every 500 ms. */
    record Roll(String status, List<Set<Integer>> restartedTogether, Set<Integer> pendingSeen, Set<String> instanceStates) {

        /** Every broker's pid changed in exactly one look, and no look saw two change. */
        boolean restartedOnceEach() {
            return restartedTogether.stream().allMatch(nodes -> nodes.size() == 1)
                    && restartedTogether.stream().flatMap(Set::stream).sorted().toList().equals(List.of(1, 2, 3));
        }
    }

    private Roll follow(String operation) throws Exception {
        List<Set<Integer>> restartedTogether = new ArrayList<>();
        Set<Integer> pendingSeen = new HashSet<>();
        Set<String> states = new HashSet<>();
        Map<Integer, Long>[] previous = new Map[] {instance.brokerPids()};
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
            JsonNode view = api.get(base, TOKEN).json();
            states.add(view.path("status").asText());
            for (JsonNode broker : view.path("brokers")) {
                if (broker.path("pendingRestart").asBoolean()) {
                    pendingSeen.add(broker.path("nodeId").asInt());
                }
            }
            return finished(operation);
        });
        String status = api.get(instance.projectPath() + "/operations/" + operation, TOKEN).text("status");
        return new Roll(status, restartedTogether, pendingSeen, states);
    }

    private boolean finished(String operation) {
        String status = api.get(instance.projectPath() + "/operations/" + operation, TOKEN).text("status");
        return "SUCCEEDED".equals(status) || "FAILED".equals(status);
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

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }
}
