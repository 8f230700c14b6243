package io.tributary.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaJvmTest {

    static final Map<String, String> AGENT_ENV = Map.of(
            "PATH", "/usr/bin:/bin",
            "LANG", "C.UTF-8",
            "LC_ALL", "C.UTF-8",
            "TZ", "UTC",
            "JAVA_HOME", "/opt/jdk",
            "HOME", "/root",
            "TRIBUTARY_JOIN_TOKEN", "trbj_secret",
            "TRIBUTARY_SECRET_KEY", "c2VjcmV0",
            "TRIBUTARY_BOOTSTRAP_TOKEN", "trb_admin",
            "SPRING_DATASOURCE_PASSWORD", "db-password");

    @Test
    void aKafkaJvmGetsOnlyPathLocaleAndTimeZone() {
        assertThat(KafkaJvm.environment(AGENT_ENV)).containsOnlyKeys("PATH", "LANG", "LC_ALL", "TZ")
                .containsEntry("PATH", "/usr/bin:/bin");
    }

    @Test
    void aStartedProcessSeesNoneOfTheAgentsSecrets() {
        Map<String, String> env = KafkaJvm.processBuilder(List.of("true")).environment();

        assertThat(env.keySet()).allMatch(name -> KafkaJvm.ALLOWED_VARIABLES.contains(name) || name.startsWith("LC_"));
        assertThat(env).doesNotContainKeys("TRIBUTARY_JOIN_TOKEN", "TRIBUTARY_SECRET_KEY", "SPRING_DATASOURCE_PASSWORD");
    }
}
