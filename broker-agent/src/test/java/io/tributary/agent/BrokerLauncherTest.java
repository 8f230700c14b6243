package io.tributary.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    void aDesiredStateCannotTurnConfigProvidersBackOn() {
        Map<String, Object> doc = TestStates.combined();
        doc.put("jvm", Map.of("heapMb", 512, "options",
                List.of("-Dorg.apache.kafka.automatic.config.providers=org.apache.kafka.common.config.provider.EnvVarConfigProvider")));

        assertThatThrownBy(() -> TestStates.parse(doc)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jvm.options entry not allowed");
    }
}
