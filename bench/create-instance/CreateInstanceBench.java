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
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * Benchmark: how much slower is ordering an instance through Tributary than starting the same
 * three KRaft nodes by hand? Managed: POST /instances → status RUNNING (placement, agents,
 * storage format, broker start, quorum check). Bare: format + start the three nodes with the
 * server.properties the agents rendered → Admin sees 3 brokers and a quorum leader.
 */
public class CreateInstanceBench {

    static final String TOKEN = "trb_bench_admin_0123456789abcdefghijkl";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        Path libs = Files.list(root.resolve("broker-agent/target/dist/kafka")).findFirst().orElseThrow().resolve("libs");
        List<Double> managed = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Path work = Files.createTempDirectory("tributary-bench-");
            List<Path> configs = new ArrayList<>();
            managed.add(managedCreate(root, work, configs));
            bare.add(bareStart(libs, work, configs));
            System.out.printf("round %d: managed %.1f s, bare %.1f s%n", round, managed.get(round - 1), bare.get(round - 1));
        }
        double m = median(managed);
        double b = median(bare);
        System.out.printf("%nbench/create-instance (3 brokers, 3 zones, kafka.2u4g, %d round%s, median)%n", rounds,
                rounds == 1 ? "" : "s");
        System.out.printf("  order -> RUNNING through Tributary : %6.1f s%n", m);
        System.out.printf("  same 3 nodes started by hand       : %6.1f s%n", b);
        System.out.printf("  ratio managed / bare               : %6.2f   (goal <= 1.30)%n", m / b);
    }

    /** Orders through the API; copies each agent's rendered config for the bare run; deletes. */
    static double managedCreate(Path root, Path work, List<Path> configs) throws Exception {
        Path home = work.resolve("home");
        Files.createDirectories(home);
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
        try {
            until(Duration.ofMinutes(2), () -> get(base + "/actuator/health").contains("UP"));
            String project = field(get(base + "/api/v1/me"), "projectId");
            String body = "{\"name\":\"bench\",\"flavor\":\"kafka.2u4g\",\"brokerCount\":3,"
                    + "\"availabilityZones\":[\"az1\",\"az2\",\"az3\"],\"storageGb\":100}";
            long start = System.nanoTime();
            String accepted = send("POST", base + "/api/v1/projects/" + project + "/instances", body);
            String id = field(accepted, "id");
            String path = base + "/api/v1/projects/" + project + "/instances/" + id;
            until(Duration.ofMinutes(10), () -> {
                String instance = get(path);
                if (instance.contains("\"CREATE_FAILED\"")) {
                    throw new IllegalStateException("creation failed: " + instance);
                }
                // bootstrapServers appears once the instance (not just a broker) is RUNNING
                return instance.contains("\"bootstrapServers\":\"");
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Stream<Path> hosts = Files.list(home.resolve("hosts"))) {
                for (Path host : hosts.sorted().toList()) {
                    // the config names files of its host (TLS material, allow-list, users), which go with the
                    // host when the instance is deleted: the bare run gets copies of them
                    Path files = work.resolve("bare-host-" + configs.size());
                    copyHostFiles(host, files);
                    Path copy = work.resolve("bare-" + configs.size() + ".properties");
                    Files.writeString(copy, Files.readString(host.resolve("config/server.properties"))
                            .replace(host.toString(), files.toString()));
                    configs.add(copy);
                }
            }
            send("DELETE", path, null);
            until(Duration.ofMinutes(3), () -> status(path) == 404);
            return seconds;
        } finally {
            cp.destroy();
            cp.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** Every file of a host but its data and logs, in the same layout. */
    static void copyHostFiles(Path host, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(host)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = host.relativize(file);
                if (relative.startsWith("data") || relative.startsWith("logs")) {
                    continue;
                }
                Files.createDirectories(target.resolve(relative).getParent());
                Files.copy(file, target.resolve(relative));
            }
        }
    }

    /** Formats and starts the three nodes by hand with the same settings, until the cluster answers. */
    static double bareStart(Path libs, Path work, List<Path> configs) throws Exception {
        String clusterId = Uuid.randomUuid().toString();
        List<Process> nodes = new ArrayList<>();
        List<String> bootstrap = new ArrayList<>();
        long start = System.nanoTime();
        try {
            List<Process> formats = new ArrayList<>();
            for (int i = 0; i < configs.size(); i++) {
                Path config = configs.get(i);
                String text = Files.readString(config).replaceAll("(?m)^log\\.dirs=.*$",
                        "log.dirs=" + work.resolve("bare-data-" + i));
                Files.writeString(config, text);
                Matcher client = Pattern.compile("(?m)^listeners=.*?CLIENT://([^,\\s]+)").matcher(text);
                if (client.find()) {
                    bootstrap.add(client.group(1));
                }
                formats.add(new ProcessBuilder(java(), "-cp", libs + "/*", "kafka.tools.StorageTool", "format",
                        "-t", clusterId, "-c", config.toString()).redirectErrorStream(true)
                        .redirectOutput(work.resolve("bare-format-" + i + ".log").toFile()).start());
            }
            for (Process f : formats) {
                if (f.waitFor() != 0) {
                    throw new IllegalStateException("format failed; see " + work);
                }
            }
            for (int i = 0; i < configs.size(); i++) {
                nodes.add(new ProcessBuilder(java(), "-Xms256m", "-Xmx256m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
                        "-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExplicitGCInvokesConcurrent",
                        "-Djava.awt.headless=true", "-cp", libs + "/*", "kafka.Kafka", configs.get(i).toString())
                        .redirectErrorStream(true).redirectOutput(work.resolve("bare-" + i + ".log").toFile()).start());
            }
            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", bootstrap));
            p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
            p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
            try (Admin admin = Admin.create(p)) {
                until(Duration.ofMinutes(5), () -> {
                    try {
                        return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size() == configs.size()
                                && admin.describeMetadataQuorum().quorumInfo().get(3, TimeUnit.SECONDS).leaderId() >= 0;
                    } catch (Exception notYet) {
                        return false;
                    }
                });
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            for (Process n : nodes) {
                n.destroy();
            }
            for (Process n : nodes) {
                if (!n.waitFor(60, TimeUnit.SECONDS)) {
                    n.destroyForcibly();
                }
            }
        }
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
            TimeUnit.MILLISECONDS.sleep(100);
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

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
