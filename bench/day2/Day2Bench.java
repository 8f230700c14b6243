import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark: what does a producer notice of day-2 actions? A steady acks=all idempotent producer
 * (200 records/s, each value its sequence number) writes to a 3-partition, RF 3, min.insync 2 topic
 * while the instance sits idle (baseline), rolls its brokers, changes flavor, upgrades Kafka, scales out to 4 brokers
 * (with the rebalance onto the fourth) and back in to 3. Afterwards the
 * whole topic is read back and every acknowledged record that is not there counts as lost.
 */
public class Day2Bench {

    static final String TOKEN = "trb_bench_admin_0123456789abcdefghijkl";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final int RATE = 200;
    static final int MAX_RECORDS = RATE * 3600;
    static final String TOPIC = "steady";

    /** One window of the run; records belong to the phase in which they were sent. */
    record Phase(String name, long startNanos, long endNanos) {
        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        boolean smoke = args[1].equals("smoke");
        Path home = Files.createTempDirectory("tributary-bench-day2-");
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(java(), "-jar", root.resolve("api/target/tributary.jar").toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("control-plane.log").toFile());
        pb.environment().put("TRIBUTARY_HOME", home.toString());
        pb.environment().put("SERVER_PORT", Integer.toString(port));
        pb.environment().put("TRIBUTARY_AGENT_PORT", "0");
        pb.environment().put("TRIBUTARY_BOOTSTRAP_TOKEN", TOKEN);
        pb.environment().put("TRIBUTARY_LOCAL_BROKER_HEAP_MB", "256");
        Process cp = pb.start();
        String base = "http://127.0.0.1:" + port;
        String instancePath = null;
        try {
            until(Duration.ofMinutes(2), () -> get(base + "/actuator/health").contains("UP"));
            String project = field(get(base + "/api/v1/me"), "projectId");
            String accepted = send("POST", base + "/api/v1/projects/" + project + "/instances",
                    "{\"name\":\"bench-day2\",\"flavor\":\"kafka.2u4g\",\"brokerCount\":3,"
                            + "\"availabilityZones\":[\"az1\",\"az2\",\"az3\"],\"storageGb\":100,"
                            + "\"security\":{\"protocol\":\"PLAINTEXT\"}}");
            instancePath = base + "/api/v1/projects/" + project + "/instances/" + field(accepted, "id");
            String path = instancePath;
            until(Duration.ofMinutes(10), () -> {
                String instance = get(path);
                if (instance.contains("\"CREATE_FAILED\"")) {
                    throw new IllegalStateException("creation failed: " + instance);
                }
                return instance.contains("\"bootstrapServers\":\"");
            });
            String bootstrap = field(get(path), "bootstrapServers");
            String topic = send("POST", path + "/topics",
                    "{\"name\":\"" + TOPIC + "\",\"partitions\":3,\"replicationFactor\":3,\"syncReplication\":true}");
            if (!topic.contains("\"name\":\"" + TOPIC + "\"")) {
                throw new IllegalStateException("topic not created: " + topic);
            }
            String operations = base + "/api/v1/projects/" + project + "/operations/";

            SteadyProducer producer = new SteadyProducer(bootstrap);
            List<Phase> phases = new ArrayList<>();
            Thread sending = new Thread(producer::run, "steady-producer");
            sending.start();
            try {
                // the producer's first metadata fetch and connections are start-up, not the baseline
                until(Duration.ofMinutes(1), () -> producer.ackedNanos[0] != 0);
                long start = System.nanoTime();
                TimeUnit.SECONDS.sleep(smoke ? 10 : 30);
                phases.add(new Phase("baseline", start, System.nanoTime()));

                start = System.nanoTime();
                awaitOperation(operations + field(send("POST", path + "/restarts", "{}"), "id"));
                phases.add(new Phase("rolling restart", start, System.nanoTime()));

                if (!smoke) {
                    start = System.nanoTime();
                    awaitOperation(operations + rollingChange(path, "{\"flavor\":\"kafka.4u8g\"}"));
                    phases.add(new Phase("flavor change", start, System.nanoTime()));

                    start = System.nanoTime();
                    awaitOperation(operations + rollingChange(path, "{\"kafkaVersion\":\"4.3.1\"}"));
                    phases.add(new Phase("Kafka upgrade", start, System.nanoTime()));

                    start = System.nanoTime();
                    awaitOperation(operations + rollingChange(path, "{\"brokerCount\":4}"));
                    phases.add(new Phase("scale-out 3->4", start, System.nanoTime()));

                    start = System.nanoTime();
                    awaitOperation(operations + rollingChange(path, "{\"brokerCount\":3}"));
                    phases.add(new Phase("scale-in 4->3", start, System.nanoTime()));
                }
            } finally {
                producer.stop();
                sending.join();
            }
            BitSet stored = readBack(bootstrap);
            print(smoke, phases, producer, stored);
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e + " (control plane log: " + home.resolve("control-plane.log") + ")");
            throw e;
        } finally {
            try {
                if (instancePath != null) {
                    send("DELETE", instancePath, null);
                    String p = instancePath;
                    until(Duration.ofMinutes(5), () -> status(p) == 404);
                }
            } finally {
                cp.destroy();
                if (!cp.waitFor(60, TimeUnit.SECONDS)) {
                    cp.destroyForcibly();
                }
            }
        }
    }

    /** Follows an operation until it ends; a FAILED one fails the bench. */
    static void awaitOperation(String url) throws Exception {
        until(Duration.ofMinutes(20), () -> {
            String operation = get(url);
            if (operation.contains("\"status\":\"FAILED\"")) {
                throw new IllegalStateException("operation failed: " + operation);
            }
            return operation.contains("\"status\":\"SUCCEEDED\"");
        });
    }

    /** Sends RATE records a second, each value its sequence number; notes send and ack time per record. */
    static final class SteadyProducer {
        final long[] sentNanos = new long[MAX_RECORDS];
        final long[] ackedNanos = new long[MAX_RECORDS]; // 0 until acknowledged
        final BitSet failed = new BitSet();
        final AtomicBoolean running = new AtomicBoolean(true);
        final String bootstrap;
        volatile int sent;

        SteadyProducer(String bootstrap) {
            this.bootstrap = bootstrap;
        }

        void run() {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
            p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
                long start = System.nanoTime();
                for (int seq = 0; running.get() && seq < MAX_RECORDS; seq++) {
                    long due = start + seq * (1_000_000_000L / RATE);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    int n = seq;
                    sentNanos[n] = System.nanoTime();
                    sent = n + 1;
                    try {
                        producer.send(new ProducerRecord<>(TOPIC, Integer.toString(n)), (metadata, error) -> {
                            if (error == null) {
                                ackedNanos[n] = System.nanoTime();
                            } else {
                                synchronized (failed) {
                                    failed.set(n);
                                }
                            }
                        });
                    } catch (Exception refused) {
                        synchronized (failed) {
                            failed.set(n);
                        }
                    }
                }
                producer.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() {
            running.set(false);
        }
    }

    /** Reads the whole topic from the beginning; returns the sequence numbers found. */
    static BitSet readBack(String bootstrap) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        BitSet stored = new BitSet();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topic not read back within 5 minutes");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    stored.set(Integer.parseInt(r.value()));
                }
            }
        }
        return stored;
    }

    /** PATCHes a change that rolls the brokers and returns the id of the operation that does it. */
    static String rollingChange(String path, String body) throws Exception {
        HttpResponse<String> patch = exchange("PATCH", path, body);
        if (patch.statusCode() != 202) {
            throw new IllegalStateException(body + " answered " + patch.statusCode() + ": " + patch.body());
        }
        return field(patch.body(), "currentOperationId");
    }

    static void print(boolean smoke, List<Phase> phases, SteadyProducer producer, BitSet stored) {
        System.out.printf("%nbench/day2 (3 brokers, 3 zones, kafka.2u4g, topic RF 3 / min.insync 2, acks=all, %d records/s%s)%n",
                RATE, smoke ? ", smoke: figures not judged" : "");
        System.out.printf("  %-16s %9s %9s %14s %7s %16s %16s%n", "phase", "time (s)", "acked", "lost (goal 0)",
                "failed", "max gap (ms)", "p99 ack (ms)");
        System.out.printf("  %-16s %9s %9s %14s %7s %16s %16s%n", "", "", "", "", "", "(goal <= 5000)", "(goal <= 2000)");
        int sent = producer.sent;
        for (Phase phase : phases) {
            int acked = 0;
            int lost = 0;
            int failed = 0;
            List<Long> latencies = new ArrayList<>();
            List<Long> acks = new ArrayList<>();
            for (int seq = 0; seq < sent; seq++) {
                long s = producer.sentNanos[seq];
                if (s < phase.startNanos() || s >= phase.endNanos()) {
                    continue;
                }
                long a = producer.ackedNanos[seq];
                if (a != 0) {
                    acked++;
                    latencies.add(a - s);
                    acks.add(a);
                    if (!stored.get(seq)) {
                        lost++;
                    }
                } else if (producer.failed.get(seq)) {
                    failed++;
                }
            }
            System.out.printf("  %-16s %9.1f %9d %14d %7d %16.0f %16.0f%n", phase.name(), phase.seconds(), acked, lost,
                    failed, longestGap(phase, acks) / 1e6, percentile(latencies, 0.99) / 1e6);
        }
    }

    /** The longest time in the phase without an acknowledgement, from its start to its last ack. */
    static long longestGap(Phase phase, List<Long> acks) {
        long[] times = acks.stream().mapToLong(Long::longValue).sorted().toArray();
        long previous = phase.startNanos();
        long gap = 0;
        for (long t : times) {
            gap = Math.max(gap, t - previous);
            previous = Math.max(previous, t);
        }
        return times.length == 0 ? phase.endNanos() - phase.startNanos() : gap;
    }

    static double percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void until(Duration limit, Check check) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + limit);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    static String get(String url) {
        try {
            return send("GET", url, null);
        } catch (Exception e) {
            return "";
        }
    }

    static int status(String url) throws IOException, InterruptedException {
        return HTTP.send(request("GET", url, null), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String send(String method, String url, String body) throws IOException, InterruptedException {
        return exchange(method, url, body).body();
    }

    static HttpResponse<String> exchange(String method, String url, String body) throws IOException, InterruptedException {
        return HTTP.send(request(method, url, body), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest request(String method, String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
