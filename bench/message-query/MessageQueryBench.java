import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark: message query through the API on a topic of N small messages (keys key-0..key-9999,
 * timestamps 1 ms apart). Times (median of 11) a by-time query for 50 messages from the middle of
 * the topic, and a key search that scans 1,000,000 messages.
 */
public class MessageQueryBench {

    static final String TOKEN = "trb_bench_admin_0123456789abcdefghijkl";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        long count = Long.parseLong(args[1]);
        Path home = Files.createTempDirectory("tributary-bench-mq-");
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(java(), "-jar", root.resolve("api/target/tributary.jar").toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("control-plane.log").toFile());
        pb.environment().put("TRIBUTARY_HOME", home.toString());
        pb.environment().put("SERVER_PORT", Integer.toString(port));
        pb.environment().put("TRIBUTARY_AGENT_PORT", "0");
        pb.environment().put("TRIBUTARY_BOOTSTRAP_TOKEN", TOKEN);
        pb.environment().put("TRIBUTARY_LOCAL_BROKER_HEAP_MB", "512");
        Process cp = pb.start();
        String base = "http://127.0.0.1:" + port;
        String instancePath = null;
        try {
            until(120, () -> get(base + "/actuator/health").contains("UP"));
            String project = field(get(base + "/api/v1/me"), "projectId");
            String accepted = send("POST", base + "/api/v1/projects/" + project + "/instances",
                    "{\"name\":\"bench\",\"flavor\":\"kafka.4u8g\",\"brokerCount\":3,"
                            + "\"availabilityZones\":[\"az1\",\"az2\",\"az3\"],\"storageGb\":100}");
            instancePath = base + "/api/v1/projects/" + project + "/instances/" + field(accepted, "id");
            String path = instancePath;
            until(600, () -> get(path).contains("\"bootstrapServers\":\""));
            String bootstrap = field(get(path), "bootstrapServers");
            send("POST", path + "/topics", "{\"name\":\"bench\",\"partitions\":3,\"replicationFactor\":1}");

            long t0 = Instant.now().minusSeconds(count / 1000 + 3600).toEpochMilli();
            long start = System.nanoTime();
            produce(bootstrap, count, t0);
            System.out.printf("produced %,d messages in %.1f s%n", count, (System.nanoTime() - start) / 1e9);

            String from = URLEncoder.encode(Instant.ofEpochMilli(t0 + count / 2).toString(), StandardCharsets.UTF_8);
            String byTime = path + "/topics/bench/messages?from=" + from + "&limit=50";
            String body = get(byTime);
            if (count(body, "\"offset\"") != 50) {
                throw new IllegalStateException("by-time query did not return 50 messages: " + body.substring(0, 300));
            }
            double timeMs = median(11, () -> get(byTime));
            String byKey = path + "/topics/bench/messages?key=key-4242&limit=500&maxScan=1000000&maxMillis=60000";
            String keyBody = get(byKey);
            double keyMs = median(5, () -> get(byKey));
            Matcher scanned = Pattern.compile("\"scanned\":(\\d+)").matcher(keyBody);
            scanned.find();

            System.out.printf("%nbench/message-query (%,d messages, 3 partitions)%n", count);
            System.out.printf("  by time, 50 messages (median of 11)     : %7.1f ms   (goal <= 200 ms)%n", timeMs);
            System.out.printf("  by key, scanning %,d messages (median of 5): %7.1f ms   (%d matches)%n",
                    Long.parseLong(scanned.group(1)), keyMs, count(keyBody, "\"offset\""));
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e + " (control plane log: " + home.resolve("control-plane.log") + ")");
            throw e;
        } finally {
            try {
                if (instancePath != null) {
                    send("DELETE", instancePath, null);
                    String p = instancePath;
                    until(300, () -> status(p) == 404);
                }
            } finally {
                cp.destroy();
                cp.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    static void produce(String bootstrap, long count, long t0) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (long i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>("bench", null, t0 + i, "key-" + (i % 10_000), "message number " + i));
            }
            producer.flush();
        }
    }

    interface Call {
        String run() throws Exception;
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static double median(int runs, Call call) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.run();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(ms);
        return ms.get(runs / 2);
    }

    static void until(int seconds, Check check) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + seconds + " s");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
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
        return HTTP.send(request(method, url, body), HttpResponse.BodyHandlers.ofString()).body();
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
