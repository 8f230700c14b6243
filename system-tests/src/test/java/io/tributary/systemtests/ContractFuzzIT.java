package io.tributary.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.api.ApiClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contract holds under fuzzing: schemathesis, with every check on, against the packaged control plane on its
 * real PostgreSQL, with a running instance, a topic with a record and a consumer group in place so that the deep
 * paths are reached. A project may have one instance (the quota is set to 1 here), so generated orders get a
 * 4xx instead of starting clusters. The harness is {@code src/test/fuzz/}: a pinned schemathesis in a venv under
 * {@code target/}, its configuration and the summary of its report. Any failure of any check fails this test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractFuzzIT {

    private static final Logger logger = LoggerFactory.getLogger(ContractFuzzIT.class);

    static final String TOKEN = RunningInstance.TOKEN;
    static final Path FUZZ = Path.of("src/test/fuzz").toAbsolutePath();
    static final Path VENV = Path.of("target/fuzz-venv").toAbsolutePath();

    @RegisterExtension
    static final RunningInstance instance = RunningInstance.builder(27000)
            .env("TRIBUTARY_RATE_LIMIT_MUTATIONS_PER_MINUTE", "1000000")
            .env("TRIBUTARY_QUOTA_INSTANCES_PER_PROJECT", "1")
            .order(RunningInstance.order("fuzz"))
            .build();
    Path home;
    ControlPlaneProcess controlPlane;
    ApiClient api;
    String project;

    @BeforeAll
    void prepare() throws Exception {
        Path schemathesis = installSchemathesis();
        assertThat(schemathesis).exists();
        home = instance.home();
        controlPlane = instance.controlPlane();
        api = instance.api();
        project = instance.project();
        String base = instance.base();
        ApiClient.Response second = api.post(instance.projectPath() + "/instances", TOKEN, RunningInstance.order("fuzz2"));
        assertThat(second.status()).as(second.raw()).isEqualTo(409);
        assertThat(second.text("code")).isEqualTo("QUOTA_EXCEEDED");
        assertThat(api.post(base + "/topics", TOKEN, Map.of("name", "fuzz-topic", "partitions", 3, "replicationFactor", 3))
                .status()).isEqualTo(201);
        assertThat(api.post(base + "/topics/fuzz-topic/messages", TOKEN, Map.of("key", "k", "value", "v")).status())
                .isEqualTo(201);
        commitGroupOffsets("fuzz-group", "fuzz-topic");
        await("group listed").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get(base + "/consumer-groups/fuzz-group", TOKEN).status() == 200);
    }

    @Test
    void schemathesisFindsNoFailure() throws Exception {
        // Deleting the prepared resources would turn the deep paths into 404s for the rest of the run: they are
        // fuzzed last, the instance after everything else.
        List<String> destructive = List.of("deleteTopic", "deleteConsumerGroup");
        List<String> main = new ArrayList<>(List.of("--max-examples", "110"));
        for (String id : destructive) {
            main.addAll(List.of("--exclude-operation-id", id));
        }
        // a rolling restart slows every Kafka call while it runs, so it is fuzzed after the calls it would slow
        main.addAll(List.of("--exclude-operation-id", "deleteInstance", "--exclude-operation-id", "restartInstanceBrokers"));
        List<String> summaries = new ArrayList<>();
        int exit = schemathesis("main", main, summaries);
        List<String> last = new ArrayList<>(List.of("--max-examples", "20"));
        for (String id : destructive) {
            last.addAll(List.of("--include-operation-id", id));
        }
        exit |= schemathesis("destructive", last, summaries);
        exit |= schemathesis("restart", List.of("--max-examples", "10", "--include-operation-id", "restartInstanceBrokers"),
                summaries);
        exit |= schemathesis("delete-instance", List.of("--max-examples", "5", "--include-operation-id", "deleteInstance"),
                summaries);
        summaries.forEach(logger::info);
        long requests = summaries.stream().filter(s -> s.contains(" requests, "))
                .mapToLong(s -> Long.parseLong(s.replaceAll("^.*schemathesis: (\\d+) requests.*$", "$1"))).sum();
        logger.info("schemathesis: {} requests in all", requests);
        assertThat(exit).as("schemathesis exit status; the failures are listed above and in " + home).isZero();
        assertThat(requests).isGreaterThanOrEqualTo(5_000);
    }

    /**
     * Runs schemathesis on the served contract; returns its exit status and adds its summary lines. One worker:
     * CPython 3.11's ast module is not thread-safe (SystemError "AST constructor recursion depth mismatch" with
     * two), and the machine's two cores are the bottleneck anyway.
     */
    private int schemathesis(String name, List<String> options, List<String> summaries) throws Exception {
        Path reports = home.resolve("schemathesis-" + name);
        List<String> command = new ArrayList<>(List.of(VENV.resolve("bin/schemathesis").toString(),
                "--config-file", FUZZ.resolve("schemathesis.toml").toString(),
                "run", controlPlane.baseUrl() + "/v3/api-docs",
                "--checks", "all", "--workers", "1", "--no-color", "--seed", "20261201",
                "--report", "ndjson,junit", "--report-dir", reports.toString()));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("schemathesis-" + name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("FUZZ_BASE_URL", controlPlane.baseUrl());
        env.put("FUZZ_TOKEN", TOKEN);
        env.put("FUZZ_PROJECT", project);
        env.put("FUZZ_INSTANCE", instance.instanceId());
        env.put("FUZZ_TOPIC", "fuzz-topic");
        env.put("FUZZ_GROUP", "fuzz-group");
        Process process = builder.start();
        if (!process.waitFor(12, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("schemathesis " + name + " did not finish in 12 minutes");
        }
        String log = Files.readString(home.resolve("schemathesis-" + name + ".log"));
        String tail = log.substring(Math.max(0, log.lastIndexOf("SUMMARY") - 40));
        logger.info("schemathesis {} (exit {}):\n{}", name, process.exitValue(), tail);
        try (var files = Files.list(reports)) {
            Path ndjson = files.filter(p -> p.toString().endsWith(".ndjson")).findFirst().orElseThrow();
            Process summary = new ProcessBuilder(VENV.resolve("bin/python").toString(),
                    FUZZ.resolve("summarize.py").toString(), ndjson.toString(), "--details")
                    .redirectErrorStream(true).start();
            String text = new String(summary.getInputStream().readAllBytes());
            summary.waitFor(1, TimeUnit.MINUTES);
            Files.writeString(home.resolve("schemathesis-" + name + "-details.txt"), text);
            text.lines().filter(l -> l.startsWith("schemathesis: ")).map(l -> "[" + name + "] " + l).forEach(summaries::add);
            if (process.exitValue() != 0) {
                logger.info(text);
            }
        }
        return process.exitValue();
    }

    /** A venv under target/ with the pinned schemathesis: made once, reused by later runs. */
    static Path installSchemathesis() throws IOException, InterruptedException {
        Path bin = VENV.resolve("bin/schemathesis");
        Path stamp = VENV.resolve("requirements.txt");
        String wanted = Files.readString(FUZZ.resolve("requirements.txt"));
        if (Files.isExecutable(bin) && Files.exists(stamp) && Files.readString(stamp).equals(wanted)) {
            return bin;
        }
        run(List.of("python3", "-m", "venv", "--clear", VENV.toString()));
        run(List.of(VENV.resolve("bin/pip").toString(), "install", "--quiet", "--disable-pip-version-check",
                "-r", FUZZ.resolve("requirements.txt").toString()));
        Files.writeString(stamp, wanted);
        return bin;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }

    /** A consumer group with committed offsets (and no members), as the group endpoints need. */
    private void commitGroupOffsets(String group, String topic) {
        Properties props = instance.clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            int read = 0;
            long deadline = System.currentTimeMillis() + 60_000;
            while (read == 0 && System.currentTimeMillis() < deadline) {
                read += consumer.poll(Duration.ofSeconds(1)).count();
            }
            assertThat(read).isPositive();
            consumer.commitSync();
        }
    }
}
