package io.tributary.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {

    @TempDir
    Path distribution;
    Map<String, String> env;

    @BeforeEach
    void validEnvironment() throws Exception {
        Files.createDirectories(distribution.resolve("kafka"));
        env = new HashMap<>(Map.of(
                "TRIBUTARY_CONTROL_PLANE_URL", "http://127.0.0.1:8080/",
                "TRIBUTARY_AGENT_HOME", distribution.resolve("home").toString()));
    }

    @Test
    void defaultsApplyWhenOnlyRequiredSettingsAreGiven() {
        AgentConfig config = AgentConfig.from(env, new Properties(), distribution);

        assertThat(config.controlPlaneUrl()).hasToString("http://127.0.0.1:8080");
        assertThat(config.home()).isEqualTo(distribution.resolve("home"));
        assertThat(config.joinToken().isConfigured()).isFalse();
        assertThat(config.availabilityZone()).isEqualTo("az1");
        assertThat(config.address()).isEqualTo("127.0.0.1");
        assertThat(config.kafkaDist()).isEqualTo(distribution.resolve("kafka"));
        assertThat(config.pollInterval()).isEqualTo(Duration.ofMillis(2000));
        assertThat(config.reportInterval()).isEqualTo(Duration.ofMillis(5000));
    }

    @Test
    void systemPropertyWinsOverEnvironment() {
        env.put("TRIBUTARY_AGENT_AZ", "az2");
        Properties props = new Properties();
        props.setProperty("tributary.agent.az", "az3");
        props.setProperty("tributary.agent.poll.ms", "250");

        AgentConfig config = AgentConfig.from(env, props, distribution);

        assertThat(config.availabilityZone()).isEqualTo("az3");
        assertThat(config.pollInterval()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, String> bad = Map.of(
                "TRIBUTARY_AGENT_POLL_MS", "soon",
                "TRIBUTARY_AGENT_REPORT_MS", "-5",
                "TRIBUTARY_AGENT_AZ", "zone one",
                "TRIBUTARY_KAFKA_DIST", distribution.resolve("missing").toString());

        assertThatThrownBy(() -> AgentConfig.from(bad, new Properties(), distribution))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TRIBUTARY_CONTROL_PLANE_URL is required")
                .hasMessageContaining("TRIBUTARY_AGENT_HOME is required")
                .hasMessageContaining("TRIBUTARY_AGENT_POLL_MS='soon' is not a number")
                .hasMessageContaining("TRIBUTARY_AGENT_REPORT_MS=-5 must be a positive")
                .hasMessageContaining("TRIBUTARY_AGENT_AZ='zone one'")
                .hasMessageContaining("TRIBUTARY_KAFKA_DIST=" + distribution.resolve("missing") + " is not a directory");
    }

    @Test
    void controlPlaneUrlMustBeHttp() {
        env.put("TRIBUTARY_CONTROL_PLANE_URL", "ftp://example.com");

        assertThatThrownBy(() -> AgentConfig.from(env, new Properties(), distribution))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must be an absolute http(s) URL");
    }

    @Test
    void joinTokenNeverAppearsInToString() throws Exception {
        env.put("TRIBUTARY_JOIN_TOKEN", "s3cret-token");

        AgentConfig config = AgentConfig.from(env, new Properties(), distribution);

        assertThat(config.joinToken().read()).contains("s3cret-token");
        assertThat(config.toString()).doesNotContain("s3cret-token").contains("joinToken=<set>");
    }

    @Test
    void aJoinTokenFileWinsAndIsDeletedOnceConsumed() throws Exception {
        Path file = distribution.resolve("join-token");
        java.nio.file.Files.writeString(file, "trbj_from-file\n");
        env.put("TRIBUTARY_JOIN_TOKEN", "trbj_from-env");
        env.put("TRIBUTARY_JOIN_TOKEN_FILE", file.toString());

        AgentConfig config = AgentConfig.from(env, new Properties(), distribution);

        assertThat(config.joinToken().read()).contains("trbj_from-file");
        assertThat(config.toString()).doesNotContain("trbj_from");
        config.joinToken().consumed();
        assertThat(file).doesNotExist();
        assertThat(config.joinToken().read()).as("the variable's value is dropped too").isEmpty();
    }

    @Test
    void helpListsEverySettingWithItsSystemProperty() {
        assertThat(AgentConfigs.describe())
                .contains("TRIBUTARY_CONTROL_PLANE_URL", "-Dtributary.control.plane.url")
                .contains("TRIBUTARY_AGENT_REPORT_MS", "default: 5000");
    }
}
