package io.tributary.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ServerPropertiesRendererTest {

    static final Path DATA = Path.of("/var/lib/tributary/data");
    static final Path REJECT_FILE = Path.of("/var/lib/tributary/produce-rejected");
    final ServerPropertiesRenderer renderer = new ServerPropertiesRenderer(DATA, "10.0.0.5", REJECT_FILE);

    static SectionedProperties.Section section() {
        return new SectionedProperties(List.of()).section("test");
    }

    @Nested
    class IdentitySection {
        @Test
        void combinedNodeGetsIdentityQuorumAndRack() {
            SectionedProperties.Section section = section();
            renderer.identity(section, TestStates.parse(TestStates.combined()));

            assertThat(section.entries()).containsExactly(
                    Map.entry("broker.rack", "az1"),
                    Map.entry("controller.listener.names", "CONTROLLER"),
                    Map.entry("controller.quorum.voters", "1@127.0.0.1:19101"),
                    Map.entry("node.id", "1"),
                    Map.entry("process.roles", "broker,controller"));
        }

        @Test
        void controllerOnlyNodeHasNoRack() {
            Map<String, Object> doc = TestStates.combined();
            doc.put("processRoles", List.of("controller"));
            SectionedProperties.Section section = section();
            renderer.identity(section, TestStates.parse(doc));

            assertThat(section.entries()).doesNotContainKey("broker.rack").containsEntry("process.roles", "controller");
        }
    }

    @Nested
    class ListenersSection {
        @Test
        void combinedNodeBindsAllButAdvertisesNoControllerListener() {
            SectionedProperties.Section section = section();
            renderer.listeners(section, TestStates.parse(TestStates.combined()));

            assertThat(section.entries()).containsExactly(
                    Map.entry("advertised.listeners", "CLIENT://127.0.0.1:19100,INTERNAL://127.0.0.1:19102"),
                    Map.entry("inter.broker.listener.name", "INTERNAL"),
                    Map.entry("listener.security.protocol.map", "CLIENT:PLAINTEXT,CONTROLLER:PLAINTEXT,INTERNAL:PLAINTEXT"),
                    Map.entry("listeners", "CLIENT://10.0.0.5:19100,CONTROLLER://10.0.0.5:19101,INTERNAL://10.0.0.5:19102"));
        }

        @Test
        void brokerOnlyNodeStillMapsTheControllerListenerProtocol() {
            Map<String, Object> doc = TestStates.combined();
            doc.put("processRoles", List.of("broker"));
            doc.put("controllerQuorumVoters", "2@10.0.0.6:19101");
            doc.put("listeners", List.of(TestStates.listener("CLIENT", 19100), TestStates.listener("INTERNAL", 19102)));
            SectionedProperties.Section section = section();
            renderer.listeners(section, TestStates.parse(doc));

            assertThat(section.entries())
                    .containsEntry("listeners", "CLIENT://10.0.0.5:19100,INTERNAL://10.0.0.5:19102")
                    .containsEntry("listener.security.protocol.map", "CLIENT:PLAINTEXT,CONTROLLER:PLAINTEXT,INTERNAL:PLAINTEXT")
                    .containsEntry("advertised.listeners", "CLIENT://127.0.0.1:19100,INTERNAL://127.0.0.1:19102");
        }

        @Test
        void aBrokerOnlyNodeOfATlsInstanceReachesTheControllersWithTls() {
            // the controllers of an instance with TLS listen with mutual TLS: a broker-only node (a scale-out's) that
            // spoke PLAINTEXT to them would read their TLS records as a request size and run out of heap
            Map<String, Object> doc = SecurityRenderingTest.saslSsl();
            doc.put("processRoles", List.of("broker"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> listeners = (List<Map<String, Object>>) doc.get("listeners");
            doc.put("listeners", listeners.stream().filter(l -> !"CONTROLLER".equals(l.get("name"))).toList());
            SectionedProperties.Section section = section();
            renderer.listeners(section, TestStates.parse(doc));

            assertThat(section.entries())
                    .containsEntry("listener.security.protocol.map", "CLIENT:SASL_SSL,CONTROLLER:SSL,INTERNAL:SSL");
        }

        @Test
        void controllerOnlyNodeHasNoAdvertisedOrInterBrokerListener() {
            Map<String, Object> doc = TestStates.combined();
            doc.put("processRoles", List.of("controller"));
            doc.put("listeners", List.of(TestStates.listener("CONTROLLER", 19101)));
            doc.remove("interBrokerListener");
            SectionedProperties.Section section = section();
            renderer.listeners(section, TestStates.parse(doc));

            assertThat(section.entries()).containsOnlyKeys("listeners", "listener.security.protocol.map");
        }
    }

    @Nested
    class StorageSection {
        @Test
        void logDirsIsTheAgentDataDirectory() {
            SectionedProperties.Section section = section();
            renderer.storage(section);

            assertThat(section.entries()).containsExactly(Map.entry("log.dirs", DATA.toString()));
        }
    }

    @Nested
    class BrokerPluginsSection {
        @Test
        void rejectFileAndPolicyBootstrapThroughTheInterBrokerListener() {
            Map<String, Object> doc = TestStates.combined();
            Map<String, Object> internal = TestStates.listener("INTERNAL", 19102);
            internal.put("advertisedHost", "broker-1.internal");
            doc.put("listeners", List.of(TestStates.listener("CLIENT", 19100), TestStates.listener("CONTROLLER", 19101),
                    internal));
            SectionedProperties.Section section = section();
            renderer.plugins(section, TestStates.parse(doc));

            assertThat(section.entries()).containsExactly(
                    Map.entry("tributary.allowed.cidrs.file", "/var/lib/tributary/allowed-cidrs.txt"),
                    Map.entry("tributary.client.listener", "CLIENT"),
                    Map.entry("tributary.policy.bootstrap.servers", "broker-1.internal:19102"),
                    Map.entry("tributary.policy.security.protocol", "PLAINTEXT"),
                    Map.entry("tributary.produce.reject.file", REJECT_FILE.toString()));
        }

        @Test
        void controllerOnlyNodeHasNoPolicyBootstrap() {
            Map<String, Object> doc = TestStates.combined();
            doc.put("processRoles", List.of("controller"));
            doc.put("listeners", List.of(TestStates.listener("CONTROLLER", 19101)));
            doc.remove("interBrokerListener");
            SectionedProperties.Section section = section();
            renderer.plugins(section, TestStates.parse(doc));

            assertThat(section.entries()).containsOnlyKeys("tributary.produce.reject.file", "tributary.allowed.cidrs.file",
                    "tributary.client.listener");
        }

        @Test
        void pluginKeysAreAgentOwnedButThePluginSettingsOfTheControlPlaneAreAccepted() {
            Map<String, Object> owned = TestStates.combined();
            TestStates.settings(owned, "userSettings").put("tributary.produce.reject.file", "/tmp/never");
            Map<String, Object> enabled = TestStates.combined();
            Map<String, Object> tuned = TestStates.settings(enabled, "brokerSettings");
            tuned.put("authorizer.class.name", "io.tributary.broker.TributaryAuthorizer");
            tuned.put("allow.everyone.if.no.acl.found", "true");
            tuned.put("create.topic.policy.class.name", "io.tributary.broker.PartitionLimitPolicy");
            tuned.put("tributary.max.partitions", "300");
            tuned.put("tributary.max.partitions.per.broker", "100");

            assertThatThrownBy(() -> renderer.render(TestStates.parse(owned)))
                    .hasMessageContaining("userSettings must not set agent-owned keys [tributary.produce.reject.file]");
            assertThat(load(renderer.render(TestStates.parse(enabled)).text()))
                    .containsEntry("authorizer.class.name", "io.tributary.broker.TributaryAuthorizer")
                    .containsEntry("allow.everyone.if.no.acl.found", "true")
                    .containsEntry("create.topic.policy.class.name", "io.tributary.broker.PartitionLimitPolicy")
                    .containsEntry("tributary.max.partitions", "300")
                    .containsEntry("tributary.max.partitions.per.broker", "100")
                    .containsEntry("tributary.produce.reject.file", REJECT_FILE.toString())
                    .containsEntry("tributary.policy.bootstrap.servers", "127.0.0.1:19102");
        }
    }

    @Nested
    class SettingsSections {
        @Test
        void userSettingsOverrideTunedSettingsAndEachKeyAppearsOnce() {
            Map<String, Object> doc = TestStates.combined();
            TestStates.settings(doc, "userSettings").put("num.io.threads", "16");

            String text = renderer.render(TestStates.parse(doc)).text();

            assertThat(text).containsOnlyOnce("num.io.threads=").contains("num.io.threads=16");
            assertThat(load(text)).containsEntry("num.io.threads", "16").containsEntry("num.network.threads", "3");
        }

        @Test
        void agentOwnedKeysAreRejected() {
            Map<String, Object> doc = TestStates.combined();
            TestStates.settings(doc, "brokerSettings").put("listeners", "PLAINTEXT://:9092");
            TestStates.settings(doc, "userSettings").put("listener.name.client.ssl.keystore.location", "/x");
            TestStates.settings(doc, "userSettings").put("log.dirs", "/tmp");

            assertThatThrownBy(() -> renderer.render(TestStates.parse(doc)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("brokerSettings must not set agent-owned keys [listeners]");
        }

        @Test
        void configProvidersAreRefusedInEitherSettingsMap() {
            Map<String, Object> user = TestStates.combined();
            TestStates.settings(user, "userSettings").put("config.providers", "env");
            TestStates.settings(user, "userSettings").put("config.providers.env.class",
                    "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
            Map<String, Object> tuned = TestStates.combined();
            TestStates.settings(tuned, "brokerSettings").put("config.providers", "file");

            assertThatThrownBy(() -> renderer.render(TestStates.parse(user)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("userSettings must not set [config.providers, config.providers.env.class]");
            assertThatThrownBy(() -> renderer.render(TestStates.parse(tuned)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("brokerSettings must not set [config.providers]");
        }
    }

    @Nested
    class WholeDocument {
        @Test
        void hasHeaderAndSectionsInOrderWithoutTimestamps() {
            String text = renderer.render(TestStates.parse(TestStates.combined())).text();

            assertThat(text).startsWith("# Generated by broker-agent");
            assertThat(text.indexOf("# --- identity and KRaft ---"))
                    .isLessThan(text.indexOf("# --- listeners ---"));
            assertThat(text.indexOf("# --- listeners ---")).isLessThan(text.indexOf("# --- storage ---"));
            assertThat(text.indexOf("# --- storage ---")).isLessThan(text.indexOf("# --- broker plugins ---"));
            assertThat(text.indexOf("# --- broker plugins ---"))
                    .isLessThan(text.indexOf("# --- tuned broker settings ---"));
            assertThat(text.indexOf("# --- tuned broker settings ---"))
                    .isLessThan(text.indexOf("# --- user settings (override tuned settings) ---"));
            assertThat(text).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        }

        @Test
        void sameStateRendersTheSameBytesAndHash() {
            RenderedConfig first = renderer.render(TestStates.parse(TestStates.combined()));
            RenderedConfig second = renderer.render(TestStates.parse(TestStates.combined()));

            assertThat(second.text()).isEqualTo(first.text());
            assertThat(second.hash()).isEqualTo(first.hash()).hasSize(64).isEqualTo(RenderedConfig.sha256(first.text()));
        }

        @Test
        void generationAndJvmDoNotChangeTheHashButASettingDoes() {
            RenderedConfig base = renderer.render(TestStates.parse(TestStates.combined()));
            Map<String, Object> newGeneration = TestStates.combined();
            newGeneration.put("generation", 99);
            newGeneration.put("jvm", Map.of("heapMb", 2048));
            Map<String, Object> newSetting = TestStates.combined();
            TestStates.settings(newSetting, "brokerSettings").put("num.io.threads", "9");

            assertThat(renderer.render(TestStates.parse(newGeneration)).hash()).isEqualTo(base.hash());
            assertThat(renderer.render(TestStates.parse(newSetting)).hash()).isNotEqualTo(base.hash());
        }

        @Test
        void kafkaReadsBackExactlyWhatWasRendered() {
            Map<String, Object> doc = TestStates.combined();
            TestStates.settings(doc, "userSettings").put("tributary.odd.value", "a=b c:d \\ é\nnext");
            TestStates.settings(doc, "userSettings").put("log.cleanup.policy", " compact");

            Properties loaded = load(renderer.render(TestStates.parse(doc)).text());

            assertThat(loaded)
                    .containsEntry("tributary.odd.value", "a=b c:d \\ é\nnext")
                    .containsEntry("log.cleanup.policy", " compact")
                    .containsEntry("log.retention.hours", "72")
                    .containsEntry("node.id", "1");
        }
    }

    /** As Kafka reads it: Properties.load(InputStream), ISO-8859-1. */
    static Properties load(String text) {
        Properties props = new Properties();
        try {
            props.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return props;
    }
}
