package io.tributary.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tributary.api.ApiClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
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
 * A SASL_SSL instance with SCRAM-SHA-512 and PLAIN, checked with real Kafka clients: TLS with the instance
 * CA, users, ACLs, the network allow-list, and that no password lands in a file or a log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    static final String TOKEN = RunningInstance.TOKEN;
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "Adm1nPassw0rdXyz";
    static final String TOPIC = "orders";
    static final Duration CERTIFICATE_LIFETIME = Duration.ofMinutes(3);

    // agents' and the control plane's client certificates live minutes, so this run sees them renewed
    @RegisterExtension
    static final RunningInstance instance = RunningInstance.builder(25000)
            .env("TRIBUTARY_TLS_AGENTCERTIFICATELIFETIME", CERTIFICATE_LIFETIME.toString())
            .env("TRIBUTARY_TLS_CLIENTCERTIFICATELIFETIME", CERTIFICATE_LIFETIME.toString())
            .order(order())
            .build();
    Path home;
    ApiClient api;
    String base;
    String bootstrap;
    Path caFile;
    final List<String> passwordsUsed = new ArrayList<>(List.of(ADMIN_PASSWORD));
    /** Every certificate the first agents and control-plane clients got was issued before this. */
    Instant runningAt;

    static Map<String, Object> order() {
        Map<String, Object> order = RunningInstance.order("secure");
        order.put("autoCreateTopics", true);
        order.put("security", RunningInstance.security("SASL_SSL", List.of("SCRAM-SHA-512", "PLAIN"), ADMIN, ADMIN_PASSWORD));
        return order;
    }

    @BeforeAll
    void createTopic() {
        runningAt = Instant.now();
        home = instance.home();
        api = instance.api();
        base = instance.base();
        bootstrap = instance.bootstrapServers();
        caFile = instance.caFile();
        assertThat(api.post(base + "/topics", TOKEN, Map.of("name", TOPIC, "partitions", 3)).status()).isEqualTo(201);
    }

    @Test
    @Order(1)
    void connectionInfoTellsClientsHowToConnect() {
        JsonNode connection = api.get(base, TOKEN).json().path("connection");
        assertThat(connection.path("securityProtocol").asText()).isEqualTo("SASL_SSL");
        assertThat(connection.path("tlsEnabled").asBoolean()).isTrue();
        assertThat(connection.path("bootstrapServers").asText()).isEqualTo(bootstrap);
        assertThat(connection.path("clientProperties").asText())
                .contains("security.protocol=SASL_SSL", "sasl.mechanism=SCRAM-SHA-512", "ssl.truststore.type=PEM");
        JsonNode users = api.get(base + "/users", TOKEN).json();
        assertThat(users).hasSize(1);
        assertThat(users.get(0).path("name").asText()).isEqualTo(ADMIN);
        assertThat(users.get(0).path("admin").asBoolean()).isTrue();
        assertThat(users.toString()).doesNotContain(ADMIN_PASSWORD);
    }

    @Test
    @Order(2)
    void theAdminProducesAndConsumesWithScramAndWithPlain() throws Exception {
        produce(client("SCRAM-SHA-512", ADMIN, ADMIN_PASSWORD), "scram");
        produce(client("PLAIN", ADMIN, ADMIN_PASSWORD), "plain");
        assertThat(consumeAll(client("SCRAM-SHA-512", ADMIN, ADMIN_PASSWORD), "admin-group")).contains("scram", "plain");
    }

    @Test
    @Order(3)
    void anInstanceOrderedWithAutoCreateCreatesTopicsOnFirstUse() throws Exception {
        assertThat(api.get(base, TOKEN).json().path("autoCreateTopics").asBoolean()).isTrue();
        assertThat(api.get(base + "/topics/auto-made", TOKEN).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                produce(client("SCRAM-SHA-512", ADMIN, ADMIN_PASSWORD), "auto-made", "first"));
        assertThat(api.get(base + "/topics/auto-made", TOKEN).status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void wrongPasswordsPlaintextClientsAndUntrustingClientsAreRefused() {
        assertThatThrownBy(() -> listTopics(client("SCRAM-SHA-512", ADMIN, "wrong-password-1")))
                .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(SaslAuthenticationException.class));
        assertThatThrownBy(() -> listTopics(client("PLAIN", ADMIN, "wrong-password-1")))
                .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(SaslAuthenticationException.class));

        Properties plaintext = client("SCRAM-SHA-512", ADMIN, ADMIN_PASSWORD);
        plaintext.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        assertThatThrownBy(() -> listTopics(plaintext)).isInstanceOf(Exception.class);

        Properties untrusting = client("SCRAM-SHA-512", ADMIN, ADMIN_PASSWORD);
        untrusting.remove(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG);
        untrusting.remove(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG);
        assertThatThrownBy(() -> listTopics(untrusting)).satisfies(e ->
                assertThat(causes(e)).anyMatch(SslAuthenticationException.class::isInstance));
    }

    @Test
    @Order(5)
    void aSubscriberConsumesButCannotProduceUntilItsAclIsDeleted() throws Exception {
        ApiClient.Response created = api.post(base + "/users", TOKEN, Map.of("name", "reader"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String password = created.text("password");
        passwordsUsed.add(password);
        assertThat(api.get(base + "/users/reader", TOKEN).raw()).doesNotContain(password);
        assertThat(api.post(base + "/users", TOKEN, Map.of("name", "reader")).status()).isEqualTo(409);

        ApiClient.Response granted = api.post(base + "/topic-grants", TOKEN, Map.of("username", "reader", "topic", TOPIC,
                "access", "SUBSCRIBE"));
        assertThat(granted.status()).as(granted.raw()).isEqualTo(201);
        assertThat(granted.json().findValuesAsString("operation")).containsExactlyInAnyOrder("READ", "DESCRIBE", "READ");

        await("the new user can consume").atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(consumeAll(client("SCRAM-SHA-512", "reader", password), "reader-group")).contains("scram"));
        await("PLAIN knows the new user").atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(consumeAll(client("PLAIN", "reader", password), "reader-group-2")).contains("plain"));
        assertThatThrownBy(() -> produce(client("SCRAM-SHA-512", "reader", password), "forbidden"))
                .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(TopicAuthorizationException.class));

        String readAcl = null;
        for (JsonNode acl : api.get(base + "/acls?principal=User:reader&resourceType=TOPIC", TOKEN).json()) {
            if (acl.path("operation").asText().equals("READ")) {
                readAcl = acl.path("id").asText();
            }
        }
        assertThat(readAcl).isNotNull();
        assertThat(api.get(base + "/acls/" + readAcl, TOKEN).status()).isEqualTo(200);
        assertThat(api.delete(base + "/acls/" + readAcl, TOKEN).status()).isEqualTo(204);
        assertThat(api.get(base + "/acls/" + readAcl, TOKEN).status()).isEqualTo(404);
        await("the reader lost access").atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThatThrownBy(() -> consumeAll(client("SCRAM-SHA-512", "reader", password), "reader-group-3"))
                        .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(TopicAuthorizationException.class)));
    }

    /** ACL ids and grants of long names overflowed the audit column, and the change went unrecorded. */
    @Test
    @Order(6)
    void aclsAndGrantsWithLongNamesAreAudited() {
        String topic = "audited." + "t".repeat(230);
        ApiClient.Response acl = api.post(base + "/acls", TOKEN, Map.of("resourceType", "TOPIC", "resourceName", topic,
                "principal", "User:" + "p".repeat(250), "operation", "READ", "permission", "ALLOW"));
        assertThat(acl.status()).as(acl.raw()).isEqualTo(201);
        String aclId = acl.text("id");
        assertThat(aclId.length()).isGreaterThan(100);
        ApiClient.Response grant = api.post(base + "/topic-grants", TOKEN, Map.of("username", "reader", "topic", topic,
                "access", "ALL"));
        assertThat(grant.status()).as(grant.raw()).isEqualTo(201);

        String instance = base.substring(base.lastIndexOf('/') + 1);
        JsonNode events = api.get(base.substring(0, base.indexOf("/instances")) + "/audit-events?size=50", TOKEN).json()
                .path("items");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("createAcl");
            assertThat(e.path("result").asText()).isEqualTo("SUCCESS");
            assertThat(e.path("resourceId").asText()).isEqualTo(instance + "/acls/" + aclId);
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("grantTopicAccess");
            assertThat(e.path("result").asText()).isEqualTo("SUCCESS");
            assertThat(e.path("resourceId").asText()).isEqualTo(instance + "/topics/" + topic);
        });
    }

    @Test
    @Order(7)
    void aResetPasswordReplacesTheOldOneAndADeletedUserIsRefused() {
        ApiClient.Response reset = api.post(base + "/users/reader/password-resets", TOKEN, Map.of("password", "N3wReaderPassword"));
        assertThat(reset.status()).as(reset.raw()).isEqualTo(200);
        passwordsUsed.add("N3wReaderPassword");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            listTopics(client("SCRAM-SHA-512", "reader", "N3wReaderPassword"));
            listTopics(client("PLAIN", "reader", "N3wReaderPassword"));
        });
        assertThat(api.delete(base + "/users/" + ADMIN, TOKEN).status()).isEqualTo(409);
        assertThat(api.delete(base + "/users/reader", TOKEN).status()).isEqualTo(204);
        await("the deleted user is refused").atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            assertThatThrownBy(() -> listTopics(client("SCRAM-SHA-512", "reader", "N3wReaderPassword")))
                    .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(SaslAuthenticationException.class));
            assertThatThrownBy(() -> listTopics(client("PLAIN", "reader", "N3wReaderPassword")))
                    .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(SaslAuthenticationException.class));
        });
    }

    @Test
    @Order(8)
    void theAllowListRefusesClientsOutsideItsNetworksButNeverTheControlPlane() throws Exception {
        ApiClient.Response narrowed = api.send("PUT", base + "/network-rules", TOKEN, Map.of("allowedCidrs", List.of("10.0.0.0/8")),
                "application/json");
        assertThat(narrowed.status()).as(narrowed.raw()).isEqualTo(200);
        assertThat(narrowed.json().path("network").path("allowedCidrs").get(0).asText()).isEqualTo("10.0.0.0/8");
        await("127.0.0.1 is refused").atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThatThrownBy(() -> produce(client("SCRAM-SHA-512", ADMIN, ADMIN_PASSWORD), "outside"))
                        .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(TopicAuthorizationException.class)));
        assertThat(api.get(base + "/topics/" + TOPIC, TOKEN).status()).isEqualTo(200);
        assertThat(api.post(base + "/topics/" + TOPIC + "/messages", TOKEN, Map.of("value", "via-console")).status())
                .isEqualTo(201);

        ApiClient.Response invalid = api.send("PUT", base + "/network-rules", TOKEN, Map.of("allowedCidrs", List.of("10.0.0/8")),
                "application/json");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("errors").get(0).path("field").asText()).isEqualTo("allowedCidrs[0]");

        assertThat(api.send("PUT", base + "/network-rules", TOKEN, Map.of("allowedCidrs", List.of("10.0.0.0/8", "127.0.0.0/8")),
                "application/json").status()).isEqualTo(200);
        await("127.0.0.1 is allowed again").atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                produce(client("SCRAM-SHA-512", ADMIN, ADMIN_PASSWORD), "inside"));
    }

    @Test
    @Order(9)
    void theDefaultRetentionChangesOnTheRunningBrokers() throws Exception {
        ApiClient.Response changed = api.patch(base, TOKEN, Map.of("retention", Map.of("defaultHours", 48)));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.json().path("retention").path("defaultHours").asInt()).isEqualTo(48);
        ApiClient.Response policy = api.patch(base, TOKEN, Map.of("retention", Map.of("capacityPolicy", "PRODUCE_REJECT")));
        assertThat(policy.json().path("retention").path("capacityPolicy").asText()).isEqualTo("PRODUCE_REJECT");
        assertThat(policy.json().path("retention").path("defaultHours").asInt()).isEqualTo(48);
        assertThat(policy.json().path("status").asText()).isEqualTo("RUNNING");
        try (Admin admin = Admin.create(client("SCRAM-SHA-512", ADMIN, ADMIN_PASSWORD))) {
            String node = Integer.toString(admin.describeCluster().nodes().get(15, TimeUnit.SECONDS).iterator().next().id());
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.BROKER, node);
            var config = admin.describeConfigs(List.of(resource)).all().get(15, TimeUnit.SECONDS).get(resource);
            assertThat(config.get("log.retention.ms").value()).isEqualTo(Long.toString(Duration.ofHours(48).toMillis()));
        }
    }

    @Test
    @Order(10)
    void certificatesRotateBrokerByBrokerAndClientsKeepWorking() throws Exception {
        Map<String, java.math.BigInteger> before = servedSerials();
        assertThat(before).hasSize(3);
        ApiClient.Response started = api.post(base + "/certificates/rotations", TOKEN, Map.of());
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        assertThat(started.text("type")).isEqualTo("ROTATE_CERTIFICATES");
        assertThat(api.post(base + "/certificates/rotations", TOKEN, Map.of()).status()).as("one at a time").isEqualTo(409);
        String operation = "/api/v1/projects/" + base.split("/")[4] + "/operations/" + started.text("id");
        await("rotation done").atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String status = api.get(operation, TOKEN).text("status");
            assertThat(status).isNotEqualTo("FAILED");
            return "SUCCEEDED".equals(status);
        });
        Map<String, java.math.BigInteger> after = servedSerials();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        after.forEach((broker, serial) -> assertThat(serial).as(broker).isNotEqualTo(before.get(broker)));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                produce(client("SCRAM-SHA-512", ADMIN, ADMIN_PASSWORD), "after-rotation"));
    }

    /** Per broker (host:port of its client listener), the serial of the certificate it presents. */
    private Map<String, java.math.BigInteger> servedSerials() throws Exception {
        java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(caFile)));
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        Map<String, java.math.BigInteger> serials = new java.util.TreeMap<>();
        for (String broker : bootstrap.split(",")) {
            String[] hostPort = broker.split(":");
            try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) tls.getSocketFactory()
                    .createSocket(hostPort[0], Integer.parseInt(hostPort[1]))) {
                socket.startHandshake();
                serials.put(broker, ((java.security.cert.X509Certificate) socket.getSession().getPeerCertificates()[0])
                        .getSerialNumber());
            }
        }
        return serials;
    }

    @Test
    @Order(11)
    void noPasswordIsWrittenToAnyFileOrLog() throws IOException {
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException unreadable) {
                    continue;
                }
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                for (String password : passwordsUsed) {
                    if (text.contains(password)) {
                        offending.add(file + " contains a password");
                    }
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    @Order(12)
    void noPrivateKeyOrPasswordIsStoredInAnyTable() throws Exception {
        List<String> secrets = new ArrayList<>(passwordsUsed);
        secrets.add("PRIVATE KEY");
        List<String> offending = new ArrayList<>();
        try (java.sql.Connection db = database()) {
            List<String> tables = new ArrayList<>();
            try (var rows = db.createStatement().executeQuery("SELECT table_schema, table_name FROM information_schema.tables"
                    + " WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                while (rows.next()) {
                    tables.add('"' + rows.getString(1) + "\".\"" + rows.getString(2) + '"');
                }
            }
            assertThat(tables).as("the tables the control plane uses").anyMatch(t -> t.endsWith("\"hosts\""));
            for (String table : tables) {
                try (var rows = db.createStatement().executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rows.next()) {
                        String row = rows.getString(1);
                        for (String secret : secrets) {
                            if (row.contains(secret)) {
                                offending.add(table + " holds " + (secret.equals("PRIVATE KEY") ? "a private key" : "a password"));
                            }
                        }
                    }
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    @Order(13)
    void pastTheFirstCertificatesLifetimeAgentsAndTheControlPlanesClientsStillTalk() throws Exception {
        Instant firstExpired = runningAt.plus(CERTIFICATE_LIFETIME).plusSeconds(5);
        await("the first agent and client certificates have ended").atMost(CERTIFICATE_LIFETIME.plusMinutes(1))
                .pollInterval(Duration.ofSeconds(1)).until(() -> Instant.now().isAfter(firstExpired));
        String instanceId = base.substring(base.lastIndexOf('/') + 1);
        await("every agent reports with a renewed certificate").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    Map<Path, Instant> lastSeen = new java.util.HashMap<>();
                    try (java.sql.Connection db = database(); var query = db.prepareStatement(
                            "SELECT agent_home, last_seen_at FROM hosts WHERE instance_id = ?::uuid")) {
                        query.setString(1, instanceId);
                        try (var rows = query.executeQuery()) {
                            while (rows.next()) {
                                lastSeen.put(Path.of(rows.getString(1)), rows.getTimestamp(2).toInstant());
                            }
                        }
                    }
                    assertThat(lastSeen).hasSize(3);
                    lastSeen.forEach((agentHome, seen) -> {
                        assertThat(seen).as("last report of " + agentHome).isAfter(firstExpired);
                        assertThat(notAfter(agentHome.resolve("tls").resolve("agent.pem")))
                                .as("a certificate issued after the first ones, for " + agentHome).isAfter(firstExpired);
                    });
                });
        assertThat(api.get(base, TOKEN).text("status")).isEqualTo("RUNNING");
        assertThat(api.get(base + "/topics/" + TOPIC, TOKEN).status()).as("the control plane's Admin client").isEqualTo(200);
        assertThat(api.post(base + "/topics/" + TOPIC + "/messages", TOKEN, Map.of("value", "after-expiry")).status())
                .as("the control plane's producer").isEqualTo(201);
    }

    private static Instant notAfter(Path pem) {
        try (var in = Files.newInputStream(pem)) {
            return ((java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in)).getNotAfter().toInstant();
        } catch (Exception e) {
            throw new AssertionError("unreadable " + pem, e);
        }
    }

    /** The control plane's embedded PostgreSQL, found as an operator would: its pid file and password file. */
    private java.sql.Connection database() throws Exception {
        List<String> pid = Files.readAllLines(home.resolve("postgres").resolve("postmaster.pid"));
        String password = Files.readString(home.resolve("postgres.password")).trim();
        return java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/postgres",
                "postgres", password);
    }

    private Properties client(String mechanism, String user, String password) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        p.put(SaslConfigs.SASL_MECHANISM, mechanism);
        String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        p.put(SaslConfigs.SASL_JAAS_CONFIG, module + " required username=\"" + user + "\" password=\"" + password + "\";");
        p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
        p.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, caFile.toString());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 8000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return p;
    }

    private static void listTopics(Properties p) throws Exception {
        try (Admin admin = Admin.create(p)) {
            admin.listTopics().names().get(15, TimeUnit.SECONDS);
        }
    }

    private static void produce(Properties base, String value) throws Exception {
        produce(base, TOPIC, value);
    }

    private static void produce(Properties base, String topic, String value) throws Exception {
        Properties p = new Properties();
        p.putAll(base);
        p.remove(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // not idempotent: a producer without the right gets the topic's authorization error, not the cluster's
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, value, value)).get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private static List<String> consumeAll(Properties base, String group) {
        Properties p = new Properties();
        p.putAll(base);
        p.remove(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && values.size() < 2) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
