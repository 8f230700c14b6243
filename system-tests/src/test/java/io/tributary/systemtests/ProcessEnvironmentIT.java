package io.tributary.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a broker (and so a tenant who gets code or config into it) could read of the platform through
 * {@code /proc/<pid>/environ}: local agents and their brokers, started by a control plane whose environment
 * holds the master key, the bootstrap admin token and a database password.
 */
class ProcessEnvironmentIT {

    static final String TOKEN = RunningInstance.TOKEN;
    static final String DATASOURCE_PASSWORD = "canary-datasource-password-0123456789";
    static final String SECRET_KEY = randomKey();

    // the embedded database ignores a datasource password: here it is only a secret in the environment
    @RegisterExtension
    static final RunningInstance instance = RunningInstance.builder(27000).env("TRIBUTARY_SECRET_KEY", SECRET_KEY)
            .env("SPRING_DATASOURCE_PASSWORD", DATASOURCE_PASSWORD).order(RunningInstance.order("environ")).build();

    @Test
    void localAgentsAndBrokersSeeNoneOfTheControlPlanesSecretsNorAJoinToken() throws Exception {
        Path home = instance.home();
        List<String> secrets = List.of(SECRET_KEY, TOKEN, DATASOURCE_PASSWORD);
        String agents = "tributary.host=";
        String brokers = "kafka.Kafka " + home.resolve("hosts");
        List<Long> agentPids = ControlPlaneProcess.processesMentioning(agents).stream()
                .filter(pid -> ControlPlaneProcess.cmdline(pid).contains(home.toString())).toList();
        List<Long> brokerPids = ControlPlaneProcess.processesMentioning(brokers);
        assertThat(agentPids).hasSize(3);
        assertThat(brokerPids).hasSize(3);
        for (long broker : brokerPids) {
            Map<String, String> env = environ(broker);
            assertThat(env.keySet()).as("broker %d", broker).isNotEmpty()
                    .noneMatch(name -> name.startsWith("TRIBUTARY_") || name.startsWith("SPRING_"));
            assertThat(String.join("\n", env.values())).doesNotContain(secrets);
            assertThat(ControlPlaneProcess.cmdline(broker)).contains("-Dorg.apache.kafka.automatic.config.providers=none");
        }
        for (long agent : agentPids) {
            Map<String, String> env = environ(agent);
            assertThat(env).as("agent %d", agent).containsKeys("TRIBUTARY_AGENT_HOME", "TRIBUTARY_CONTROL_PLANE_URL")
                    .doesNotContainKeys("TRIBUTARY_SECRET_KEY", "TRIBUTARY_BOOTSTRAP_TOKEN", "SPRING_DATASOURCE_PASSWORD",
                            "TRIBUTARY_JOIN_TOKEN", "TRIBUTARY_HOME");
            assertThat(String.join("\n", env.values())).doesNotContain(secrets).doesNotContain("trbj_");
        }
        try (var homes = Files.list(home.resolve("hosts"))) {
            for (Path agentHome : homes.toList()) {
                assertThat(agentHome.resolve("join-token")).as("used token file deleted").doesNotExist();
            }
        }

        // an agent that dies is started again by the control plane: with its credential, never a new token
        long killed = agentPids.get(0);
        String marker = ControlPlaneProcess.cmdline(killed).replaceAll(".*(tributary\\.host=\\S+).*", "$1");
        ProcessHandle.of(killed).ifPresent(ProcessHandle::destroyForcibly);
        long revived = await("agent revived").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> ControlPlaneProcess.processesMentioning(marker).stream().filter(p -> p != killed)
                        .findFirst().orElse(-1L), pid -> pid > 0);
        Path agentHome = Path.of(ControlPlaneProcess.cmdline(revived)
                .replaceAll(".*-Dtributary\\.agent\\.home=(\\S+).*", "$1"));
        await("revived agent reports in").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> Files.readString(agentHome.resolve("agent.log")).contains("Using the stored credential"));
        assertThat(agentHome.resolve("join-token")).as("no token for an enrolled host").doesNotExist();
        assertThat(String.join("\n", environ(revived).values())).doesNotContain("trbj_");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static Map<String, String> environ(long pid) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")),
                StandardCharsets.UTF_8).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }
}
