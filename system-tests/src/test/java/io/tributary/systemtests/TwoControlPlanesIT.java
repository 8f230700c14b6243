package io.tributary.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.api.ApiClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two control planes on one database, as two replicas run: ten orders placed through both are
 * worked on by both (their leases hop between them from pass to pass), and each broker's host is
 * made exactly once: one host row per (instance, node) ever, one agent started per host, one agent
 * process per host. Real local provider and database; stand-in agents ({@link StandInAgents}) so
 * thirty hosts do not mean thirty Kafka brokers; the orders then wait at WAIT_FOR_BROKERS and are
 * deleted, leaving nothing behind.
 */
class TwoControlPlanesIT {

    static final String TOKEN = ControlPlaneProcess.TOKEN;
    static final Pattern AGENT_STARTED = Pattern.compile("local host ([0-9a-f-]{36}) agent started");

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void tenOrdersOnTwoControlPlanesMakeEachHostExactlyOnce() throws Exception {
        Path homeA = dir.resolve("a");
        Path homeB = dir.resolve("b");
        String secretKey = Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32));
        String standIn = StandInAgents.script(dir.resolve("bin")).toString();
        // both take port blocks from the same range: only the database decides who gets which
        ControlPlaneProcess a = new ControlPlaneProcess(homeA, 26000)
                .with("TRIBUTARY_SECRET_KEY", secretKey).with("TRIBUTARY_LOCAL_JAVA", standIn);
        ControlPlaneProcess b = new ControlPlaneProcess(homeB, 26000)
                .with("TRIBUTARY_SECRET_KEY", secretKey).with("TRIBUTARY_LOCAL_JAVA", standIn);
        try {
            a.start();
            Database db = Database.embeddedIn(homeA);
            b.with("SPRING_DATASOURCE_URL", db.url()).with("SPRING_DATASOURCE_USERNAME", "postgres")
                    .with("SPRING_DATASOURCE_PASSWORD", db.password()).start();
            List<ApiClient> apis = List.of(a.api(), b.api());
            String project = apis.get(0).get("/api/v1/me", TOKEN).json().path("memberships").get(0).path("projectId").asText();
            String instances = "/api/v1/projects/" + project + "/instances";

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ApiClient.Response accepted = apis.get(i % 2).post(instances, TOKEN, Map.of("name", "twin-" + i,
                        "flavor", "kafka.2u4g", "brokerCount", 3, "availabilityZones", List.of("az1", "az2", "az3"),
                        "storageGb", 100));
                assertThat(accepted.status()).isEqualTo(202);
                ids.add(accepted.json().path("instance").path("id").asText());
            }
            await("every order has its three hosts with agents").atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> db.count("select count(*) from hosts where status <> 'REMOVED' and agent_pid is not null"
                            + " and instance_id is not null") == 30
                            && db.count("select count(*) from operations where type = 'CREATE_INSTANCE'"
                            + " and current_step = 'WAIT_FOR_BROKERS'") == 10);

            assertThat(db.count("select count(*) from hosts")).as("host rows ever made").isEqualTo(30);
            assertThat(db.count("select count(*) from (select instance_id, node_id from hosts group by 1, 2"
                    + " having count(*) <> 1) twice")).as("(instance, node) pairs with more than one host").isZero();
            assertThat(db.count("select count(distinct port_base) from hosts")).isEqualTo(30);
            assertThat(db.count("select count(*) from operations where type = 'CREATE_INSTANCE' and status = 'FAILED'"))
                    .isZero();

            Map<String, Integer> started = agentStarts(homeA, new HashMap<>());
            Map<String, Integer> startsA = Map.copyOf(started);
            agentStarts(homeB, started);
            List<String> hostIds = db.strings("select id::text from hosts");
            assertThat(started).as("one agent start per host, over both control planes").hasSize(30)
                    .allSatisfy((host, times) -> assertThat(times).as("starts of host %s", host).isEqualTo(1));
            assertThat(started.keySet()).containsExactlyInAnyOrderElementsOf(hostIds);
            assertThat(startsA).as("control plane A made hosts").isNotEmpty();
            assertThat(startsA.size()).as("and so did B").isLessThan(30);
            for (String host : hostIds) {
                assertThat(ControlPlaneProcess.processesMentioning("-Dtributary.host=" + host + " "))
                        .as("agent processes of host %s", host).hasSize(1);
            }

            for (int i = 0; i < ids.size(); i++) {
                assertThat(apis.get((i + 1) % 2).delete(instances + "/" + ids.get(i), TOKEN).status()).isEqualTo(202);
            }
            await("all deleted").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> db.count("select count(*) from instances where status = 'DELETED'") == 10);
            assertThat(db.count("select count(*) from hosts where status <> 'REMOVED'")).isZero();
            assertThat(ControlPlaneProcess.processesMentioning(dir.toString() + "/a/hosts")).isEmpty();
            assertThat(ControlPlaneProcess.processesMentioning(dir.toString() + "/b/hosts")).isEmpty();
            assertThat(entries(homeA.resolve("hosts"))).isEmpty();
            assertThat(entries(homeB.resolve("hosts"))).isEmpty();
        } finally {
            try {
                b.close();
            } finally {
                a.close();
                ControlPlaneProcess.killEverythingUnder(dir);
            }
        }
    }

    /** Adds, per host id, how often the control plane's log says it started that host's agent. */
    private static Map<String, Integer> agentStarts(Path home, Map<String, Integer> into) throws IOException {
        Matcher m = AGENT_STARTED.matcher(Files.readString(home.resolve("control-plane.log")));
        while (m.find()) {
            into.merge(m.group(1), 1, Integer::sum);
        }
        return into;
    }

    private static List<Path> entries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        }
    }

    /** The first control plane's embedded PostgreSQL, which the second one uses too. */
    record Database(String url, String password) {

        static Database embeddedIn(Path home) throws IOException {
            List<String> pid = Files.readAllLines(home.resolve("postgres/postmaster.pid"));
            return new Database("jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/postgres",
                    Files.readString(home.resolve("postgres.password")).trim());
        }

        long count(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(url, "postgres", password);
                 ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        List<String> strings(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(url, "postgres", password);
                 ResultSet rs = c.createStatement().executeQuery(sql)) {
                List<String> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
            }
        }
    }
}
