package io.tributary.provisioning.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentEnvironmentTest {

    static final Map<String, String> CONTROL_PLANE = Map.of(
            "PATH", "/usr/bin:/bin",
            "JAVA_HOME", "/opt/jdk",
            "LANG", "C.UTF-8",
            "LC_CTYPE", "C.UTF-8",
            "TZ", "UTC",
            "HOME", "/root",
            "TRIBUTARY_SECRET_KEY", "c2VjcmV0LWtleQ",
            "TRIBUTARY_BOOTSTRAP_TOKEN", "trb_admin",
            "SPRING_DATASOURCE_PASSWORD", "db-password",
            "TRIBUTARY_AGENT_POLL_MS", "1");

    @Test
    void aLocalAgentGetsJavaLocaleAndItsOwnSettingsButNoneOfTheControlPlanesSecrets() {
        Map<String, String> env = AgentEnvironment.of(CONTROL_PLANE, Map.of(
                "TRIBUTARY_AGENT_HOME", "/var/lib/h1", "TRIBUTARY_AGENT_POLL_MS", "1000"));

        assertThat(env).containsOnlyKeys("PATH", "JAVA_HOME", "LANG", "LC_CTYPE", "TZ", "TRIBUTARY_AGENT_HOME",
                "TRIBUTARY_AGENT_POLL_MS");
        assertThat(env).containsEntry("TRIBUTARY_AGENT_POLL_MS", "1000").containsEntry("JAVA_HOME", "/opt/jdk");
        assertThat(env.values()).doesNotContain("c2VjcmV0LWtleQ", "trb_admin", "db-password");
    }
}
