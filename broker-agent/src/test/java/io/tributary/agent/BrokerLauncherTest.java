package io.tributary.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerLauncherTest {

    final AgentPaths paths = new AgentPaths(Path.of("/var/lib/tributary-agent"));
    final BrokerLauncher launcher = new BrokerLauncher(paths, new KafkaInstallation(Path.of("/opt/kafka")),
            new StorageFormatter(paths), Clock.systemUTC());

    @Test
    void everyBrokerStartsWithConfigProvidersOffAfterTheDesiredJvmOptions() {
        List<String> command = launcher.command(TestStates.parse(TestStates.combined()), "/opt/kafka/4.1.1/libs/*");

        assertThat(command).contains("-Dorg.apache.kafka.automatic.config.providers=none");
        assertThat(command.indexOf("-Dorg.apache.kafka.automatic.config.providers=none"))
                .isGreaterThan(command.indexOf("-XX:+UseG1GC"))
                .isLessThan(command.indexOf("kafka.Kafka"));
    }

    @Test
    void aDataDirectoryOfAnotherClusterIsNeverStartedOn(@TempDir Path home) throws Exception {
        Path dist = home.resolve("kafka");
        Files.createDirectories(dist.resolve("4.1.1/libs"));
        Files.writeString(dist.resolve("4.1.1/libs/kafka_2.13-4.1.1.jar"), "");
        AgentPaths tenantB = new AgentPaths(home.resolve("agent"));
        Files.createDirectories(tenantB.dataDir());
        Files.writeString(tenantB.metaProperties(), "version=1\ncluster.id=TenantAsClusterId000\nnode.id=1\n");
        BrokerLauncher launcher = new BrokerLauncher(tenantB, new KafkaInstallation(dist), new StorageFormatter(tenantB),
                Clock.systemUTC());
        DesiredState state = TestStates.parse(TestStates.combined());

        assertThatThrownBy(() -> launcher.launch(state, RenderedConfig.of("node.id=1\n")))
                .isInstanceOf(BrokerStartException.class)
                .hasMessageContaining("belongs to cluster TenantAsClusterId000, not to the desired cluster "
                        + state.clusterId());
        assertThat(tenantB.brokerPid()).doesNotExist();
    }

    @Test
    void aDesiredStateCannotTurnConfigProvidersBackOn() {
        Map<String, Object> doc = TestStates.combined();
        doc.put("jvm", Map.of("heapMb", 512, "options",
                List.of("-Dorg.apache.kafka.automatic.config.providers=org.apache.kafka.common.config.provider.EnvVarConfigProvider")));

        assertThatThrownBy(() -> TestStates.parse(doc)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jvm.options entry not allowed");
    }
}
