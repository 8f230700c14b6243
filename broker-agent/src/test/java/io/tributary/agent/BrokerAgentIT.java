package io.tributary.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged agent ({@code target/dist/bin/broker-agent}) as a real process, against a test control
 * plane, supervising a real single-node KRaft broker (broker+controller, one voter, 256 MB heap). The
 * steps build on each other and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerAgentIT {

    static final int NODE_ID = 7;
    static final String RACK = "az2";
    static final Duration BROKER_START = Duration.ofMinutes(3);
    static final long STORAGE_LIMIT = 3L * 1024 * 1024;
    static final int MAX_PARTITIONS = 10;
    /** Secrets of the platform a broker must never see, whatever the agent's own environment holds. */
    static final Map<String, String> CANARIES = Map.of(
            "TRIBUTARY_SECRET_KEY", "canary-secret-key-0123456789",
            "TRIBUTARY_BOOTSTRAP_TOKEN", "canary-bootstrap-token-0123456789",
            "SPRING_DATASOURCE_PASSWORD", "canary-datasource-password-0123456789");

    final Path dist = Path.of(System.getProperty("tributary.dist.dir", "target/dist")).toAbsolutePath();
    final Path work = Path.of("target", "it", "broker-agent").toAbsolutePath();
    final Path home = work.resolve("home");
    final Path joinTokenFile = work.resolve("join-token");
    final String clusterId = Uuid.randomUuid().toString();
    final TestControlPlane controlPlane = new TestControlPlane();
    final List<Process> agents = new ArrayList<>();

    int controlPlanePort;
    int clientPort;
    int controllerPort;
    int internalPort;
    Process agent;

    @BeforeAll
    void startControlPlaneAndAgent() throws Exception {
        deleteRecursively(work);
        Files.createDirectories(work);
        int[] ports = freePorts(4);
        controlPlanePort = ports[0];
        clientPort = ports[1];
        controllerPort = ports[2];
        internalPort = ports[3];
        controlPlane.setDesiredState(desiredState(1, "RUN", "2"));
        controlPlane.start(controlPlanePort);
        agent = startAgent(true);
    }

    @AfterAll
    void killEverything() throws IOException {
        agents.forEach(p -> p.toHandle().destroyForcibly());
        brokerPidFile().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        controlPlane.close();
    }

    @Test
    @Order(1)
    void enrollsOnceWithTheJoinTokenThenUsesTheStoredCredential() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> !controlPlane.observed.isEmpty());

        assertThat(controlPlane.enrollments).hasValue(1);
        assertThat(controlPlane.enrollRequests).singleElement().satisfies(request -> assertThat(request)
                .containsEntry("joinToken", controlPlane.joinToken)
                .containsEntry("availabilityZone", RACK)
                .containsEntry("address", "127.0.0.1")
                .containsKeys("hostname", "agentVersion"));
        Path credential = home.resolve("credential");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credential))).isEqualTo("rw-------");
        assertThat(Files.readString(credential)).contains(controlPlane.credential, controlPlane.hostId);
        assertThat(controlPlane.fullFetches.get()).isPositive();
        assertThat(controlPlane.unauthorized).hasValue(0);
        assertThat(Files.readString(work.resolve("agent-1.out"))).doesNotContain(controlPlane.credential);
    }

    @Test
    @Order(2)
    void brokerComesUpRunningWithItsNodeIdAndRackAndServesClients() throws Exception {
        Map<String, Object> running = awaitObserved("RUNNING generation 1",
                s -> generation(s) == 1 && "RUNNING".equals(status(s)));

        assertThat(pid(running)).isEqualTo(brokerPidFile().orElseThrow());
        assertThat(running.get("configHash"))
                .isEqualTo(RenderedConfig.sha256(Files.readString(home.resolve("config/server.properties"))));
        assertThat(running).containsEntry("kafkaVersion", "4.1.1").containsEntry("lastError", null);
        assertThat(broker(running)).containsEntry("restarts", 0).containsKey("startedAt");
        try (Admin admin = admin()) {
            List<Node> nodes = new ArrayList<>(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS));
            assertThat(nodes).singleElement().satisfies(node -> {
                assertThat(node.id()).isEqualTo(NODE_ID);
                assertThat(node.rack()).isEqualTo(RACK);
                assertThat(node.port()).isEqualTo(clientPort);
            });
            admin.createTopics(List.of(new NewTopic("it-round-trip", 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        assertRoundTrip("it-round-trip", "hello from the agent IT");
        System.out.println("agent RSS after broker start: " + rssKb(agent) + " kB");
    }

    @Test
    @Order(3)
    void neitherTheBrokerNorTheAgentCanReadTheJoinTokenOrTheSecretsOfWhoeverStartedTheAgent() throws Exception {
        long brokerPid = pid(awaitObserved("RUNNING", s -> "RUNNING".equals(status(s))));

        Map<String, String> brokerEnv = environ(brokerPid);
        assertThat(brokerEnv).isNotEmpty().doesNotContainKeys(CANARIES.keySet().toArray(String[]::new));
        assertThat(brokerEnv.keySet()).noneMatch(name -> name.startsWith("TRIBUTARY_"));
        assertThat(brokerEnv.values()).noneMatch(value -> value.contains(controlPlane.joinToken)
                || CANARIES.values().stream().anyMatch(value::contains));
        assertThat(String.join(" ", commandLine(brokerPid)))
                .contains("-Dorg.apache.kafka.automatic.config.providers=none")
                .doesNotContain(controlPlane.joinToken);
        assertThat(String.join("\n", environ(agent.pid()).values())).doesNotContain(controlPlane.joinToken);
        assertThat(joinTokenFile).as("the agent deletes the used token file").doesNotExist();
    }

    @Test
    @Order(4)
    void unchangedDesiredStateAnswered304DoesNotRestartTheBroker() {
        Map<String, Object> before = controlPlane.latestObserved();
        int notModifiedBefore = controlPlane.notModified.get();

        await().atMost(Duration.ofSeconds(30)).until(() -> controlPlane.notModified.get() >= notModifiedBefore + 5);

        Map<String, Object> after = controlPlane.latestObserved();
        assertThat(pid(after)).isEqualTo(pid(before));
        assertThat(after.get("configHash")).isEqualTo(before.get("configHash"));
        assertThat(status(after)).isEqualTo("RUNNING");
        assertThat(broker(after)).containsEntry("restarts", 0);
        assertThat(ProcessHandle.of(pid(before)).map(ProcessHandle::isAlive)).contains(true);
    }

    @Test
    @Order(5)
    void changedBrokerSettingRestartsTheBrokerWithANewConfigHash() throws Exception {
        Map<String, Object> before = controlPlane.latestObserved();

        controlPlane.setDesiredState(desiredState(2, "RUN", "3"));

        Map<String, Object> after = awaitObserved("RUNNING generation 2 with a new pid",
                s -> generation(s) == 2 && "RUNNING".equals(status(s)) && pid(s) != pid(before));
        assertThat(after.get("configHash")).isNotEqualTo(before.get("configHash"));
        assertThat(broker(after)).containsEntry("restarts", 0);
        assertThat(ProcessHandle.of(pid(before)).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(Files.readString(home.resolve("config/server.properties"))).contains("num.io.threads=3");
        assertThat(Files.readString(home.resolve("desired-state.json"))).contains("\"generation\":2");
    }

    @Test
    @Order(6)
    void killedBrokerIsRestartedAndCountedAsARestart() {
        long killed = pid(controlPlane.latestObserved());
        int reportsBefore = controlPlane.observed.size();

        ProcessHandle.of(killed).orElseThrow().destroyForcibly();

        Map<String, Object> after = awaitObserved("RUNNING again after SIGKILL, restarts=1",
                s -> "RUNNING".equals(status(s)) && pid(s) != killed && Integer.valueOf(1).equals(broker(s).get("restarts")));
        assertThat(controlPlane.observed.subList(reportsBefore, controlPlane.observed.size()))
                .anySatisfy(s -> assertThat(status(s)).isEqualTo("CRASHED"));
        assertThat(after.get("lastError")).isNull();
    }

    @Test
    @Order(7)
    void brokerKeepsServingWithoutTheControlPlaneAndAnAgentRestartRunsFromDesiredStateJson() throws Exception {
        long brokerPid = brokerPidFile().orElseThrow();
        controlPlane.stop();

        await("broker keeps serving while the control plane is down").during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(30)).until(() -> isAlive(brokerPid) && clusterHasNode());

        // a graceful agent stop stops its broker ...
        agent.destroy();
        assertThat(agent.waitFor(90, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> !isAlive(brokerPid));

        // ... and an agent started while the control plane is down runs the broker from desired-state.json
        agent = startAgent(false);
        await("broker started from desired-state.json").atMost(BROKER_START)
                .until(() -> brokerPidFile().filter(p -> p != brokerPid).map(this::isAlive).orElse(false)
                        && clusterHasNode());
        assertRoundTrip("it-round-trip", "served without a control plane");
        assertThat(Files.readString(home.resolve("config/server.properties"))).contains("num.io.threads=3");

        // an agent killed with SIGKILL leaves the broker running; the next agent adopts it
        long survivor = brokerPidFile().orElseThrow();
        agent.toHandle().destroyForcibly();
        assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(isAlive(survivor)).isTrue();
        controlPlane.start(controlPlanePort);
        int notModifiedBefore = controlPlane.notModified.get();
        agent = startAgent(false);

        Map<String, Object> adopted = awaitObserved("adopted broker RUNNING",
                s -> "RUNNING".equals(status(s)) && pid(s) == survivor);
        assertThat(generation(adopted)).isEqualTo(2);
        assertThat(controlPlane.notModified.get()).as("the restarted agent sent its stored ETag")
                .isGreaterThan(notModifiedBefore);
        assertThat(controlPlane.enrollments).hasValue(1);
        assertThat(brokerPidFile()).contains(survivor);
    }

    @Test
    @Order(8)
    void fullDiskRejectsProduceWhileConsumersReadUntilDataIsDeleted() throws Exception {
        long before = pid(controlPlane.latestObserved());

        controlPlane.setDesiredState(guardedState(3));

        Map<String, Object> guarded = awaitObserved("RUNNING generation 3 with the storage guard",
                s -> generation(s) == 3 && "RUNNING".equals(status(s)) && pid(s) != before && disk(s) != null
                        && Long.valueOf(STORAGE_LIMIT).equals(number(disk(s).get("limitBytes"))));
        assertThat(disk(guarded)).containsEntry("produceRejected", false);
        assertThat(number(disk(guarded).get("usedBytes"))).isPositive().isLessThan(STORAGE_LIMIT / 2);
        assertThat(Files.readString(home.resolve("config/server.properties")))
                .contains("tributary.produce.reject.file=" + home.resolve("produce-rejected"))
                .contains("tributary.policy.bootstrap.servers=127.0.0.1:" + internalPort)
                .contains("authorizer.class.name=io.tributary.broker.TributaryAuthorizer");
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic("it-disk-full", 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }

        // ~4 MB into a 3 MB allowance: the agent creates the reject file at 95 %, the authorizer denies WRITE
        String value = "x".repeat(100 * 1024);
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 40; i++) {
                producer.send(new ProducerRecord<>("it-disk-full", "k" + i, value)).get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            assertThat(e.getCause()).as("only rejected once the disk is full").isInstanceOf(TopicAuthorizationException.class);
        }
        Map<String, Object> full = awaitObserved("produceRejected=true",
                s -> disk(s) != null && Boolean.TRUE.equals(disk(s).get("produceRejected")));
        assertThat(number(disk(full).get("usedBytes"))).isGreaterThanOrEqualTo((long) (STORAGE_LIMIT * 0.95));
        assertThat(home.resolve("produce-rejected")).exists();
        await("produce fails with TopicAuthorizationException").atMost(Duration.ofSeconds(30))
                .until(() -> tryProduce("it-disk-full", "one more") instanceof TopicAuthorizationException);
        assertThat(readsAtLeast("it-disk-full", 10)).as("consumers still read").isTrue();

        // the control plane (here: the test) deletes data; below 85 % the agent removes the file
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of("it-disk-full")).all().get(60, TimeUnit.SECONDS);
            admin.createTopics(List.of(new NewTopic("it-after-full", 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        Map<String, Object> freed = awaitObserved("produceRejected=false again",
                s -> disk(s) != null && Boolean.FALSE.equals(disk(s).get("produceRejected")));
        assertThat(number(disk(freed).get("usedBytes"))).isLessThan((long) (STORAGE_LIMIT * 0.85));
        assertThat(home.resolve("produce-rejected")).doesNotExist();
        await("produce accepted again").atMost(Duration.ofSeconds(30))
                .until(() -> tryProduce("it-after-full", "accepted again") == null);
        assertThat(pid(controlPlane.latestObserved())).as("no broker restart for the guard").isEqualTo(pid(guarded));
    }

    @Test
    @Order(9)
    void topicCreationOverTheFlavorsPartitionLimitIsAPolicyViolation() throws Exception {
        try (Admin admin = admin()) {
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("it-too-many", 20, (short) 1)))
                    .all().get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(PolicyViolationException.class)
                    .hasMessageMatching("this instance allows " + MAX_PARTITIONS + " partitions \\(" + MAX_PARTITIONS
                            + " per broker\\); it has \\d+ and the request adds 20");
            admin.createTopics(List.of(new NewTopic("it-within-limit", 2, (short) 1))).all().get(60, TimeUnit.SECONDS);
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .contains("it-within-limit").doesNotContain("it-too-many");
        }
    }

    @Test
    @Order(10)
    void actionStopStopsTheBrokerAndReportsStopped() {
        long brokerPid = brokerPidFile().orElseThrow();

        controlPlane.setDesiredState(desiredState(4, "STOP", "3"));

        Map<String, Object> stopped = awaitObserved("STOPPED generation 4",
                s -> generation(s) == 4 && "STOPPED".equals(status(s)));
        assertThat(broker(stopped).get("pid")).isNull();
        assertThat(isAlive(brokerPid)).isFalse();
        assertThat(brokerPidFile()).isEmpty();
        assertThat(Files.exists(home.resolve("data/meta.properties"))).as("data stays").isTrue();
        System.out.println("agent RSS with broker stopped: " + rssKb(agent) + " kB");
    }

    @Test
    @Order(11)
    void aSecurityFileThatCannotBeWrittenIsReportedAndTheStateIsNotAcknowledged() throws Exception {
        Path allowList = home.resolve("allowed-cidrs.txt");
        Files.delete(allowList);
        Files.createDirectories(allowList.resolve("in-the-way")); // the agent's rename over it fails

        controlPlane.setDesiredState(desiredState(5, "STOP", "4"));

        Map<String, Object> failing = awaitObserved("the write failure reported",
                s -> s.get("lastError") != null && s.get("lastError").toString().contains("security files"));
        assertThat(generation(failing)).as("generation 5 is not acknowledged").isEqualTo(4);

        Files.delete(allowList.resolve("in-the-way"));
        Files.delete(allowList);
        Map<String, Object> applied = awaitObserved("generation 5 applied once the file can be written",
                s -> generation(s) == 5);
        assertThat(applied.get("lastError")).isNull();
        assertThat(Files.readAllLines(allowList)).containsExactly("0.0.0.0/0", "::/0");
    }

    @Test
    @Order(12)
    void aDataDirectoryOfAnotherClusterIsRefusedAndTheBrokerReportedFailedWithTheReason() {
        String otherCluster = Uuid.randomUuid().toString();
        Map<String, Object> otherTenant = desiredState(6, "RUN", "3");
        otherTenant.put("clusterId", otherCluster);

        controlPlane.setDesiredState(otherTenant);

        Map<String, Object> refused = awaitObserved("FAILED generation 6",
                s -> generation(s) == 6 && "FAILED".equals(status(s)));
        assertThat(String.valueOf(refused.get("lastError"))).contains("belongs to cluster " + clusterId)
                .contains("not to the desired cluster " + otherCluster);
        assertThat(brokerPidFile()).isEmpty();
    }

    @Test
    @Order(13)
    void aWipeDeletesEverythingOfTheLastInstanceAndTheNextOneStartsFromNothing() throws Exception {
        controlPlane.setDesiredState(new LinkedHashMap<>(Map.of("hostId", controlPlane.hostId, "generation", 7,
                "action", "WIPE", "wipeNonce", "wipe_it_1")));

        awaitObserved("wiped: wipe_it_1", s -> "wipe_it_1".equals(s.get("wiped")));
        assertThat(home.resolve("data")).isEmptyDirectory();
        assertThat(home.resolve("desired-state.json")).doesNotExist();
        assertThat(home.resolve("config/server.properties")).doesNotExist();
        assertThat(home.resolve("credential")).exists();

        String newCluster = Uuid.randomUuid().toString();
        Map<String, Object> next = desiredState(8, "RUN", "3");
        next.put("clusterId", newCluster);
        controlPlane.setDesiredState(next);

        awaitObserved("RUNNING generation 8 on the new cluster", s -> generation(s) == 8 && "RUNNING".equals(status(s)));
        assertThat(Files.readString(home.resolve("data/meta.properties"))).contains("cluster.id=" + newCluster);
        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .doesNotContain("it-round-trip", "it-after-full", "it-within-limit");
        }
    }

    // --- the desired state and the agent process -------------------------------------------------

    Map<String, Object> desiredState(long generation, String action, String ioThreads) {
        Map<String, Object> state = TestStates.combined(controlPlane.hostId, generation, clientPort, controllerPort,
                internalPort);
        state.put("action", action);
        state.put("nodeId", NODE_ID);
        state.put("rack", RACK);
        state.put("clusterId", clusterId);
        state.put("controllerQuorumVoters", NODE_ID + "@127.0.0.1:" + controllerPort);
        Map<String, Object> tuned = new LinkedHashMap<>();
        tuned.put("num.io.threads", ioThreads);
        tuned.put("num.network.threads", "2");
        tuned.put("background.threads", "2");
        tuned.put("offsets.topic.replication.factor", "1");
        tuned.put("offsets.topic.num.partitions", "1");
        tuned.put("transaction.state.log.replication.factor", "1");
        tuned.put("transaction.state.log.min.isr", "1");
        tuned.put("share.coordinator.state.topic.replication.factor", "1");
        tuned.put("share.coordinator.state.topic.min.isr", "1");
        tuned.put("group.initial.rebalance.delay.ms", "0");
        state.put("brokerSettings", tuned);
        state.put("jvm", Map.of("heapMb", 256, "options", List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")));
        return state;
    }

    /**
     * The storage guard (3 MB, PRODUCE_REJECT) and the plugins as the control plane enables them, with
     * 1 MB segments and fast retention checks / file deletion so freed space shows within seconds.
     */
    Map<String, Object> guardedState(long generation) {
        Map<String, Object> state = desiredState(generation, "RUN", "3");
        state.put("storage", Map.of("limitBytes", STORAGE_LIMIT, "capacityPolicy", "PRODUCE_REJECT",
                "highWatermark", 0.95, "lowWatermark", 0.85));
        Map<String, Object> tuned = TestStates.settings(state, "brokerSettings");
        tuned.put("authorizer.class.name", "io.tributary.broker.TributaryAuthorizer");
        tuned.put("allow.everyone.if.no.acl.found", "true");
        tuned.put("create.topic.policy.class.name", "io.tributary.broker.PartitionLimitPolicy");
        tuned.put("tributary.max.partitions", Integer.toString(MAX_PARTITIONS));
        tuned.put("tributary.max.partitions.per.broker", Integer.toString(MAX_PARTITIONS));
        tuned.put("log.segment.bytes", "1048576");
        tuned.put("log.retention.check.interval.ms", "1000");
        tuned.put("log.segment.delete.delay.ms", "1000");
        return state;
    }

    Process startAgent(boolean withJoinToken) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("sh", dist.resolve("bin/broker-agent").toString());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("TRIBUTARY_"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("TRIBUTARY_CONTROL_PLANE_URL", "http://127.0.0.1:" + controlPlanePort);
        env.put("TRIBUTARY_AGENT_HOME", home.toString());
        env.put("TRIBUTARY_AGENT_AZ", RACK);
        env.put("TRIBUTARY_AGENT_POLL_MS", "300");
        env.put("TRIBUTARY_AGENT_REPORT_MS", "1000");
        env.put("TRIBUTARY_BROKER_STOP_TIMEOUT_MS", "60000");
        env.putAll(CANARIES); // what a careless starter might leave in the agent's environment
        if (withJoinToken) {
            Files.writeString(joinTokenFile, controlPlane.joinToken);
            Files.setPosixFilePermissions(joinTokenFile, PosixFilePermissions.fromString("rw-------"));
            env.put("TRIBUTARY_JOIN_TOKEN_FILE", joinTokenFile.toString());
        }
        Path out = work.resolve("agent-" + (agents.size() + 1) + ".out");
        Process process = builder.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        agents.add(process);
        return process;
    }

    // --- helpers -----------------------------------------------------------------------------------

    Map<String, Object> awaitObserved(String what, Predicate<Map<String, Object>> condition) {
        return await(what).atMost(BROKER_START).until(controlPlane::latestObserved,
                s -> !s.isEmpty() && condition.test(s));
    }

    Optional<Long> brokerPidFile() {
        try {
            Path file = home.resolve("broker.pid");
            return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    boolean clusterHasNode() {
        try (Admin admin = admin()) {
            return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).stream().anyMatch(n -> n.id() == NODE_ID);
        } catch (Exception e) {
            return false;
        }
    }

    Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + clientPort);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return Admin.create(props);
    }

    KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + clientPort);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** One record with a fresh producer: {@code null} when acknowledged, else why not. */
    Throwable tryProduce(String topic, String value) {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    boolean readsAtLeast(String topic, int records) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + clientPort);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            int[] seen = {0};
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                seen[0] += consumer.poll(Duration.ofMillis(500)).count();
                return seen[0] >= records;
            });
            return true;
        }
    }

    void assertRoundTrip(String topic, String value) throws Exception {
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + clientPort);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get(60, TimeUnit.SECONDS);
        }
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + clientPort);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Set<String> seen = new HashSet<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(record.value());
                }
                return seen.contains(value);
            });
        }
    }

    static long generation(Map<String, Object> state) {
        return ((Number) state.get("generation")).longValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> broker(Map<String, Object> state) {
        return (Map<String, Object>) state.get("broker");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> disk(Map<String, Object> state) {
        return (Map<String, Object>) state.get("disk");
    }

    static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    static String status(Map<String, Object> state) {
        return String.valueOf(broker(state).get("status"));
    }

    static long pid(Map<String, Object> state) {
        Object pid = broker(state).get("pid");
        return pid == null ? -1 : ((Number) pid).longValue();
    }

    /** A process's environment as the kernel shows it to anyone with its uid ({@code /proc/<pid>/environ}). */
    static Map<String, String> environ(long pid) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")),
                java.nio.charset.StandardCharsets.UTF_8).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }

    static List<String> commandLine(long pid) throws IOException {
        return List.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                java.nio.charset.StandardCharsets.UTF_8).split("\0"));
    }

    static long rssKb(Process process) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                socket.setReuseAddress(true);
                sockets.add(socket);
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
