package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Each rule of an order, broken once: 400 problem+json naming the field, and nothing stored. */
class InstanceOrderValidationTest extends ControlPlaneTest {

    static Stream<Arguments> brokenOrders() {
        return Stream.of(
                broken("name is not a DNS label", "name", o -> o.put("name", "Bad_Name")),
                broken("name is missing", "name", o -> o.remove("name")),
                broken("unknown flavor", "flavor", o -> o.put("flavor", "kafka.1u1g")),
                broken("too few brokers", "brokerCount", o -> o.put("brokerCount", 2)),
                broken("more brokers than the flavor allows", "brokerCount", o -> o.put("brokerCount", 31)),
                broken("two availability zones", "availabilityZones", o -> o.put("availabilityZones", List.of("az1", "az2"))),
                broken("unknown availability zone", "availabilityZones", o -> o.put("availabilityZones", List.of("mars"))),
                broken("a zone twice", "availabilityZones", o -> o.put("availabilityZones", List.of("az1", "az1", "az2"))),
                broken("storage below the flavor's minimum", "storageGb", o -> o.put("storageGb", 10)),
                broken("storage above the flavor's maximum", "storageGb", o -> o.put("storageGb", 20_000)),
                broken("unsupported Kafka version", "kafkaVersion", o -> o.put("kafkaVersion", "2.8.0")),
                broken("SASL without admin user", "security.adminUsername",
                        o -> o.put("security", Map.of("protocol", "SASL_SSL", "saslMechanisms", List.of("SCRAM-SHA-512"),
                                "adminPassword", "s3cretpassword"))),
                broken("SASL admin with the platform's reserved name", "security.adminUsername",
                        o -> o.put("security", Map.of("protocol", "SASL_SSL", "saslMechanisms", List.of("SCRAM-SHA-512"),
                                "adminUsername", "tributary-probe", "adminPassword", "s3cretpassword"))),
                broken("SASL without password", "security.adminPassword",
                        o -> o.put("security", Map.of("protocol", "SASL_PLAINTEXT", "saslMechanisms", List.of("PLAIN"),
                                "adminUsername", "admin"))),
                broken("SASL password too weak", "security.adminPassword",
                        o -> o.put("security", Map.of("protocol", "SASL_PLAINTEXT", "saslMechanisms", List.of("PLAIN"),
                                "adminUsername", "admin", "adminPassword", "onlyletters"))),
                broken("SASL without mechanisms", "security.saslMechanisms",
                        o -> o.put("security", Map.of("protocol", "SASL_SSL", "adminUsername", "admin",
                                "adminPassword", "s3cretpassword"))),
                broken("unknown security protocol", "security.protocol",
                        o -> o.put("security", Map.of("protocol", "SSL_ONLY"))),
                broken("bad CIDR", "network.allowedCidrs[0]", o -> o.put("network", Map.of("allowedCidrs", List.of("10.0.0.0/33")))),
                broken("retention of zero hours", "retention.defaultHours", o -> o.put("retention", Map.of("defaultHours", 0))),
                broken("unknown capacity policy", "retention.capacityPolicy",
                        o -> o.put("retention", Map.of("capacityPolicy", "DROP_ALL"))),
                broken("maintenance hour 24", "maintenanceWindow.startHour",
                        o -> o.put("maintenanceWindow", Map.of("dayOfWeek", "MONDAY", "startHour", 24))),
                broken("prepaid without period", "billing.periodMonths", o -> o.put("billing", Map.of("mode", "PREPAID"))),
                broken("pay-per-use with a period", "billing", o -> o.put("billing", Map.of("mode", "PAY_PER_USE", "periodMonths", 3))),
                broken("bad tag key", "tags.bad key", o -> o.put("tags", Map.of("bad key", "x"))),
                broken("forbidden broker setting", "brokerConfig.listeners", o -> o.put("brokerConfig", Map.of("listeners", "x"))),
                broken("forbidden SASL broker setting", "brokerConfig.sasl.enabled.mechanisms",
                        o -> o.put("brokerConfig", Map.of("sasl.enabled.mechanisms", "PLAIN"))),
                broken("the metadata snapshot interval (issue 20)", "brokerConfig.metadata.log.max.snapshot.interval.ms",
                        o -> o.put("brokerConfig", Map.of("metadata.log.max.snapshot.interval.ms", "3600000"))),
                broken("broker count of the wrong type", "brokerCount", o -> o.put("brokerCount", "three")),
                // brokerConfig is an allow-list checked with Kafka's own ConfigDef (the order has three brokers)
                broken("a config provider (reads the host's environment)", "brokerConfig.config.providers",
                        o -> o.put("brokerConfig", Map.of("config.providers", "env"))),
                broken("a config provider's class", "brokerConfig.config.providers.env.class",
                        o -> o.put("brokerConfig", Map.of("config.providers.env.class",
                                "org.apache.kafka.common.config.provider.EnvVarConfigProvider"))),
                broken("an agent-owned tributary key", "brokerConfig.tributary.max.partitions",
                        o -> o.put("brokerConfig", Map.of("tributary.max.partitions", "1000000"))),
                broken("unclean leader election", "brokerConfig.unclean.leader.election.enable",
                        o -> o.put("brokerConfig", Map.of("unclean.leader.election.enable", "true"))),
                broken("min.insync.replicas 1 on three brokers", "brokerConfig.min.insync.replicas",
                        o -> o.put("brokerConfig", Map.of("min.insync.replicas", "1"))),
                broken("min.insync.replicas above the replication factor", "brokerConfig.min.insync.replicas",
                        o -> o.put("brokerConfig", Map.of("min.insync.replicas", "3", "default.replication.factor", "2"))),
                broken("replication factor above the broker count", "brokerConfig.default.replication.factor",
                        o -> o.put("brokerConfig", Map.of("default.replication.factor", "4"))),
                broken("a setting that is not tunable", "brokerConfig.num.network.threads",
                        o -> o.put("brokerConfig", Map.of("num.network.threads", "64"))),
                broken("the list of tunable settings with an unknown one", "brokerConfig",
                        o -> o.put("brokerConfig", Map.of("no.such.setting", "1"))),
                broken("a number that is not one", "brokerConfig.message.max.bytes",
                        o -> o.put("brokerConfig", Map.of("message.max.bytes", "lots"))),
                broken("a number outside Kafka's range", "brokerConfig.num.partitions",
                        o -> o.put("brokerConfig", Map.of("num.partitions", "0"))),
                broken("a number outside our range", "brokerConfig.message.max.bytes",
                        o -> o.put("brokerConfig", Map.of("message.max.bytes", "1073741824"))),
                broken("more partitions than the flavor allows", "brokerConfig.num.partitions",
                        o -> o.put("brokerConfig", Map.of("num.partitions", "100000"))),
                broken("an unknown compression type", "brokerConfig.compression.type",
                        o -> o.put("brokerConfig", Map.of("compression.type", "brotli"))),
                broken("a boolean that is not one", "brokerConfig.auto.create.topics.enable",
                        o -> o.put("brokerConfig", Map.of("auto.create.topics.enable", "yes"))),
                broken("auto-creation against autoCreateTopics", "brokerConfig.auto.create.topics.enable",
                        o -> o.put("brokerConfig", Map.of("auto.create.topics.enable", "true"))),
                broken("time retention beside retention.defaultHours", "brokerConfig.log.retention.ms",
                        o -> o.put("brokerConfig", Map.of("log.retention.ms", "1000"))),
                broken("group session timeouts min above max", "brokerConfig.group.min.session.timeout.ms",
                        o -> o.put("brokerConfig", Map.of("group.min.session.timeout.ms", "1800001"))),
                broken("consumer heartbeat not below the session timeout", "brokerConfig.group.consumer.heartbeat.interval.ms",
                        o -> o.put("brokerConfig", Map.of("group.consumer.session.timeout.ms", "15000",
                                "group.consumer.min.session.timeout.ms", "15000", "group.consumer.heartbeat.interval.ms", "15000"))),
                broken("a value longer than 1024 characters", "brokerConfig.compression.type",
                        o -> o.put("brokerConfig", Map.of("compression.type", "z".repeat(1025)))),
                broken("a setting name longer than 200 characters", "brokerConfig",
                        o -> o.put("brokerConfig", Map.of("a".repeat(201), "1"))),
                broken("more than 100 settings", "brokerConfig",
                        o -> o.put("brokerConfig", hundredAndOneSettings())));
    }

    private static Map<String, String> hundredAndOneSettings() {
        Map<String, String> settings = new HashMap<>();
        for (int i = 0; i <= 100; i++) {
            settings.put("setting" + i, "1");
        }
        return settings;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenOrders")
    void isRefusedWithAFieldError(String rule, String field, Consumer<Map<String, Object>> breakIt) {
        UUID project = defaultProject();
        Map<String, Object> order = validOrder("v-" + UUID.randomUUID().toString().substring(0, 8));
        breakIt.accept(order);
        int before = jdbc.queryForObject("select count(*) from instances", Integer.class);

        ApiClient.Response r = api.post("/api/v1/projects/" + project + "/instances", ADMIN_TOKEN, order);

        assertThat(r.status()).as(rule).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/projects/" + project + "/instances");
        assertThat(problem.path("errors").findValuesAsString("field")).as(rule).contains(field);
        assertThat(r.raw()).doesNotContain("Exception").doesNotContain("at io.");
        assertThat(jdbc.queryForObject("select count(*) from instances", Integer.class)).isEqualTo(before);
    }

    @Test
    void aDuplicateNameConflicts() {
        UUID project = defaultProject();
        String name = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/projects/" + project + "/instances", ADMIN_TOKEN, validOrder(name)).status()).isEqualTo(202);
        ApiClient.Response again = api.post("/api/v1/projects/" + project + "/instances", ADMIN_TOKEN, validOrder(name));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("NAME_TAKEN");
    }

    @Test
    void malformedRequestsAreClientErrorsNeverServerErrors() {
        String path = "/api/v1/projects/" + defaultProject() + "/instances";
        ApiClient.Response notJson = api.send("POST", path, ADMIN_TOKEN, "{\"name\": ", "application/json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.text("code")).isEqualTo("MALFORMED_REQUEST");

        ApiClient.Response wrongMedia = api.send("POST", path, ADMIN_TOKEN, "name=x", "text/plain");
        assertThat(wrongMedia.status()).isEqualTo(415);
        assertThat(wrongMedia.text("code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");

        Map<String, Object> huge = new HashMap<>(validOrder("huge"));
        huge.put("description", "x".repeat(2 * 1024 * 1024));
        ApiClient.Response tooLarge = api.post(path, ADMIN_TOKEN, huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.text("code")).isEqualTo("PAYLOAD_TOO_LARGE");

        ApiClient.Response badPage = api.get(path + "?page=-1", ADMIN_TOKEN);
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.text("code")).isEqualTo("INVALID_PARAMETER");
        ApiClient.Response pageNotNumber = api.get(path + "?size=lots", ADMIN_TOKEN);
        assertThat(pageNotNumber.status()).isEqualTo(400);
        ApiClient.Response sizeTooBig = api.get(path + "?size=1000", ADMIN_TOKEN);
        assertThat(sizeTooBig.status()).isEqualTo(400);
        ApiClient.Response badStatus = api.get(path + "?status=SLEEPING", ADMIN_TOKEN);
        assertThat(badStatus.status()).isEqualTo(400);

        ApiClient.Response badId = api.get("/api/v1/projects/not-a-uuid/instances", ADMIN_TOKEN);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.contentType()).startsWith("application/problem+json");

        ApiClient.Response noSuchPath = api.get("/api/v1/nothing-here", ADMIN_TOKEN);
        assertThat(noSuchPath.status()).isEqualTo(404);
        assertThat(noSuchPath.contentType()).startsWith("application/problem+json");

        ApiClient.Response wrongMethod = api.send("PUT", "/api/v1/projects", ADMIN_TOKEN, "{}", "application/json");
        assertThat(wrongMethod.status()).isEqualTo(405);
    }

    private static Arguments broken(String rule, String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(rule, field, change);
    }
}
