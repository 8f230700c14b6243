package io.tributary.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.server.authorizer.Action;
import org.apache.kafka.server.authorizer.AuthorizableRequestContext;
import org.apache.kafka.server.authorizer.AuthorizationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real StandardAuthorizer underneath (no ACLs, allow everyone), with a clock the test controls. */
class TributaryAuthorizerTest {

    @TempDir
    Path dir;
    long nanos = 0;
    TributaryAuthorizer authorizer;
    Path rejectFile;

    static final Action PRODUCE = action(AclOperation.WRITE, ResourceType.TOPIC, "orders");
    static final Action CONSUME = action(AclOperation.READ, ResourceType.TOPIC, "orders");
    static final Action DESCRIBE = action(AclOperation.DESCRIBE, ResourceType.TOPIC, "orders");
    static final Action REPLICATE = action(AclOperation.CLUSTER_ACTION, ResourceType.CLUSTER, "kafka-cluster");
    static final Action IDEMPOTENT = action(AclOperation.IDEMPOTENT_WRITE, ResourceType.CLUSTER, "kafka-cluster");
    static final Action GROUP_WRITE = action(AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, "tx");

    @BeforeEach
    void configure() {
        rejectFile = dir.resolve("produce-rejected");
        authorizer = new TributaryAuthorizer(() -> nanos);
        Map<String, Object> configs = new HashMap<>();
        configs.put("allow.everyone.if.no.acl.found", "true");
        configs.put(TributaryAuthorizer.PRODUCE_REJECT_FILE_CONFIG, rejectFile.toString());
        authorizer.configure(configs);
        start(authorizer);
    }

    @AfterEach
    void close() throws Exception {
        authorizer.close();
    }

    @Test
    void withoutTheFileEverythingIsAllowedAsByTheStandardAuthorizer() {
        assertThat(authorize(PRODUCE, CONSUME, DESCRIBE, REPLICATE, IDEMPOTENT, GROUP_WRITE))
                .containsOnly(AuthorizationResult.ALLOWED);
    }

    @Test
    void whileTheFileExistsOnlyTopicWriteIsDenied() throws Exception {
        Files.createFile(rejectFile);

        assertThat(authorize(CONSUME, PRODUCE, DESCRIBE, REPLICATE, IDEMPOTENT, GROUP_WRITE)).containsExactly(
                AuthorizationResult.ALLOWED, AuthorizationResult.DENIED, AuthorizationResult.ALLOWED,
                AuthorizationResult.ALLOWED, AuthorizationResult.ALLOWED, AuthorizationResult.ALLOWED);
    }

    @Test
    void theFileIsLookedAtAtMostOncePerSecond() throws Exception {
        assertThat(authorize(PRODUCE)).containsExactly(AuthorizationResult.ALLOWED);
        Files.createFile(rejectFile);

        nanos += TimeUnit.MILLISECONDS.toNanos(999);
        assertThat(authorize(PRODUCE)).as("cached for a second").containsExactly(AuthorizationResult.ALLOWED);
        nanos += TimeUnit.MILLISECONDS.toNanos(1);
        assertThat(authorize(PRODUCE)).containsExactly(AuthorizationResult.DENIED);

        Files.delete(rejectFile);
        assertThat(authorize(PRODUCE)).containsExactly(AuthorizationResult.DENIED);
        nanos += TimeUnit.SECONDS.toNanos(1);
        assertThat(authorize(PRODUCE)).containsExactly(AuthorizationResult.ALLOWED);
    }

    @Test
    void withoutTheSettingProduceIsNeverRejected() throws Exception {
        TributaryAuthorizer plain = new TributaryAuthorizer(() -> nanos);
        plain.configure(Map.of("allow.everyone.if.no.acl.found", "true"));
        start(plain);
        Files.createFile(rejectFile);

        assertThat(plain.authorize(context(), List.of(PRODUCE))).containsExactly(AuthorizationResult.ALLOWED);
        plain.close();
    }

    @Test
    void clientsOutsideTheAllowedNetworksAreDeniedEverythingOnTheClientListenerOnly() throws Exception {
        Path cidrs = dir.resolve("allowed-cidrs.txt");
        TributaryAuthorizer limited = new TributaryAuthorizer(() -> nanos);
        limited.configure(Map.of("allow.everyone.if.no.acl.found", "true",
                TributaryAuthorizer.ALLOWED_CIDRS_FILE_CONFIG, cidrs.toString(),
                TributaryAuthorizer.CLIENT_LISTENER_CONFIG, "CLIENT"));
        start(limited);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        Files.writeString(cidrs, "10.0.0.0/8\n2001:db8::/32\n");
        nanos += TimeUnit.SECONDS.toNanos(1);
        assertThat(limited.authorize(context("CLIENT", loopback), List.of(PRODUCE, CONSUME, DESCRIBE)))
                .containsOnly(AuthorizationResult.DENIED);
        assertThat(limited.authorize(context("CLIENT", InetAddress.getByName("10.20.30.40")), List.of(PRODUCE)))
                .containsExactly(AuthorizationResult.ALLOWED);
        assertThat(limited.authorize(context("CLIENT", InetAddress.getByName("2001:db8::7")), List.of(PRODUCE)))
                .containsExactly(AuthorizationResult.ALLOWED);
        assertThat(limited.authorize(context("INTERNAL", loopback), List.of(REPLICATE, PRODUCE)))
                .as("brokers and the control plane on the internal listener").containsOnly(AuthorizationResult.ALLOWED);

        Files.writeString(cidrs, "10.0.0.0/8\n127.0.0.1/32\n");
        nanos += TimeUnit.SECONDS.toNanos(1);
        assertThat(limited.authorize(context("CLIENT", loopback), List.of(PRODUCE))).containsExactly(AuthorizationResult.ALLOWED);
        limited.close();
    }

    @Test
    void onlyThePlatformsPrincipalsAlterTheClusterOrItsConfigs() throws Exception {
        TributaryAuthorizer guarded = new TributaryAuthorizer(() -> nanos);
        guarded.configure(Map.of("allow.everyone.if.no.acl.found", "true", "super.users", "User:admin",
                TributaryAuthorizer.PLATFORM_PRINCIPALS_CONFIG, "User:CN=broker;User:CN=control-plane"));
        start(guarded);
        Action alterConfigs = action(AclOperation.ALTER_CONFIGS, ResourceType.CLUSTER, "kafka-cluster");
        Action alter = action(AclOperation.ALTER, ResourceType.CLUSTER, "kafka-cluster");
        Action describeConfigs = action(AclOperation.DESCRIBE_CONFIGS, ResourceType.CLUSTER, "kafka-cluster");
        Action topicConfigs = action(AclOperation.ALTER_CONFIGS, ResourceType.TOPIC, "orders");
        InetAddress loopback = InetAddress.getLoopbackAddress();
        List<Action> actions = List.of(alterConfigs, alter, REPLICATE, describeConfigs, IDEMPOTENT, topicConfigs, PRODUCE);
        List<AuthorizationResult> tenant = List.of(AuthorizationResult.DENIED, AuthorizationResult.DENIED,
                AuthorizationResult.DENIED, AuthorizationResult.ALLOWED, AuthorizationResult.ALLOWED,
                AuthorizationResult.ALLOWED, AuthorizationResult.ALLOWED);

        assertThat(guarded.authorize(context("CONTROLLER", loopback, "User", "admin"), actions))
                .as("the tenant's super user, forwarded to the controller").isEqualTo(tenant);
        assertThat(guarded.authorize(context("CLIENT", loopback, "User", "ANONYMOUS"), actions)).isEqualTo(tenant);
        assertThat(guarded.authorize(context("CONTROLLER", loopback, "User", "CN=control-plane"), actions))
                .containsOnly(AuthorizationResult.ALLOWED);
        assertThat(guarded.authorize(context("INTERNAL", loopback, "User", "CN=broker"), List.of(REPLICATE, alter)))
                .containsOnly(AuthorizationResult.ALLOWED);
        guarded.close();
    }

    @Test
    void aMissingEmptyOrMalformedAllowListRefusesEveryClientOnTheClientListener() throws Exception {
        Path cidrs = dir.resolve("allowed-cidrs.txt");
        TributaryAuthorizer limited = limited(cidrs);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        assertThat(limited.authorize(context("CLIENT", loopback), List.of(PRODUCE, CONSUME))).as("no file: closed")
                .containsOnly(AuthorizationResult.DENIED);
        assertThat(limited.authorize(context("INTERNAL", loopback), List.of(REPLICATE, PRODUCE)))
                .as("the internal listener is not limited").containsOnly(AuthorizationResult.ALLOWED);

        Files.writeString(cidrs, "0.0.0.0/0\n::/0\n");
        nanos += TimeUnit.SECONDS.toNanos(1);
        assertThat(limited.authorize(context("CLIENT", loopback), List.of(PRODUCE))).as("every address, explicitly")
                .containsExactly(AuthorizationResult.ALLOWED);
        assertThat(limited.authorize(context("CLIENT", InetAddress.getByName("2001:db8::7")), List.of(PRODUCE)))
                .containsExactly(AuthorizationResult.ALLOWED);

        Files.writeString(cidrs, "");
        nanos += TimeUnit.SECONDS.toNanos(1);
        assertThat(limited.authorize(context("CLIENT", loopback), List.of(PRODUCE))).as("an empty file lists nobody")
                .containsExactly(AuthorizationResult.DENIED);

        Files.writeString(cidrs, "127.0.0.0/8\n");
        nanos += TimeUnit.SECONDS.toNanos(1);
        assertThat(limited.authorize(context("CLIENT", loopback), List.of(PRODUCE))).containsExactly(AuthorizationResult.ALLOWED);
        Files.writeString(cidrs, "127.0.0.0/8\nnot a network\n");
        nanos += TimeUnit.SECONDS.toNanos(1);
        assertThat(limited.authorize(context("CLIENT", loopback), List.of(PRODUCE))).as("a malformed line: no last rules kept")
                .containsExactly(AuthorizationResult.DENIED);

        Files.delete(cidrs);
        nanos += TimeUnit.SECONDS.toNanos(1);
        assertThat(limited.authorize(context("CLIENT", loopback), List.of(PRODUCE))).as("deleted")
                .containsExactly(AuthorizationResult.DENIED);
        limited.close();
    }

    @Test
    void anUnreadableAllowListRefusesEveryClientUntilItCanBeReadAgain() throws Exception {
        Path cidrs = dir.resolve("allowed-cidrs.txt");
        Files.writeString(cidrs, "127.0.0.0/8\n");
        TributaryAuthorizer limited = limited(cidrs);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        assertThat(limited.authorize(context("CLIENT", loopback), List.of(PRODUCE))).containsExactly(AuthorizationResult.ALLOWED);

        Files.delete(cidrs);
        Files.createDirectory(cidrs); // exists, but reading it fails
        nanos += TimeUnit.SECONDS.toNanos(1);
        assertThat(limited.authorize(context("CLIENT", loopback), List.of(PRODUCE))).containsExactly(AuthorizationResult.DENIED);
        nanos += TimeUnit.SECONDS.toNanos(1);
        assertThat(limited.authorize(context("CLIENT", loopback), List.of(PRODUCE))).as("and stays so")
                .containsExactly(AuthorizationResult.DENIED);

        Files.delete(cidrs);
        Files.writeString(cidrs, "127.0.0.0/8\n");
        nanos += TimeUnit.SECONDS.toNanos(1);
        assertThat(limited.authorize(context("CLIENT", loopback), List.of(PRODUCE))).containsExactly(AuthorizationResult.ALLOWED);
        limited.close();
    }

    @Test
    void anAllowListWithoutItsListenerIsAConfigurationError() {
        TributaryAuthorizer misconfigured = new TributaryAuthorizer(() -> nanos);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> misconfigured.configure(Map.of(
                        "allow.everyone.if.no.acl.found", "true",
                        TributaryAuthorizer.ALLOWED_CIDRS_FILE_CONFIG, dir.resolve("allowed-cidrs.txt").toString())))
                .hasMessageContaining(TributaryAuthorizer.CLIENT_LISTENER_CONFIG);
    }

    private TributaryAuthorizer limited(Path cidrs) {
        TributaryAuthorizer limited = new TributaryAuthorizer(() -> nanos);
        limited.configure(Map.of("allow.everyone.if.no.acl.found", "true",
                TributaryAuthorizer.ALLOWED_CIDRS_FILE_CONFIG, cidrs.toString(),
                TributaryAuthorizer.CLIENT_LISTENER_CONFIG, "CLIENT"));
        start(limited);
        return limited;
    }

    @Test
    void cidrBlocksMatchByPrefix() throws Exception {
        var block = NetworkAllowList.Block.parse("192.168.4.0/22");
        assertThat(block.contains(InetAddress.getByName("192.168.7.255"))).isTrue();
        assertThat(block.contains(InetAddress.getByName("192.168.8.0"))).isFalse();
        assertThat(block.contains(InetAddress.getByName("::1"))).isFalse();
        assertThat(NetworkAllowList.Block.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8"))).isTrue();
    }

    /** What the broker does before serving: plugin metrics, then the initial ACL load. */
    static void start(TributaryAuthorizer authorizer) {
        authorizer.withPluginMetrics(new PluginMetricsImpl(new Metrics(), Map.of()));
        authorizer.completeInitialLoad();
    }

    List<AuthorizationResult> authorize(Action... actions) {
        return authorizer.authorize(context(), List.of(actions));
    }

    static Action action(AclOperation operation, ResourceType type, String name) {
        return new Action(operation, new ResourcePattern(type, name, PatternType.LITERAL), 1, true, true);
    }

    static AuthorizableRequestContext context() {
        return context("CLIENT", InetAddress.getLoopbackAddress());
    }

    static AuthorizableRequestContext context(String listener, InetAddress address) {
        return context(listener, address, KafkaPrincipal.USER_TYPE, KafkaPrincipal.ANONYMOUS.getName());
    }

    static AuthorizableRequestContext context(String listener, InetAddress address, String type, String name) {
        KafkaPrincipal who = new KafkaPrincipal(type, name);
        return new AuthorizableRequestContext() {
            @Override
            public String listenerName() {
                return listener;
            }

            @Override
            public SecurityProtocol securityProtocol() {
                return SecurityProtocol.PLAINTEXT;
            }

            @Override
            public KafkaPrincipal principal() {
                return who;
            }

            @Override
            public InetAddress clientAddress() {
                return address;
            }

            @Override
            public int requestType() {
                return 0;
            }

            @Override
            public int requestVersion() {
                return 9;
            }

            @Override
            public String clientId() {
                return "test";
            }

            @Override
            public int correlationId() {
                return 1;
            }
        };
    }
}
