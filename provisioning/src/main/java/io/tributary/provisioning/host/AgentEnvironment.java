package io.tributary.provisioning.host;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment of a local broker-agent: a few variables of the control plane's own environment (where
 * java is, locale, time zone) plus the agent's settings, never the rest. The control plane's environment
 * holds the platform's secrets ({@code TRIBUTARY_SECRET_KEY}, {@code TRIBUTARY_BOOTSTRAP_TOKEN},
 * {@code SPRING_DATASOURCE_PASSWORD}, ...), and an agent and its broker must not be able to read them.
 */
final class AgentEnvironment {

    /** Variables a local agent inherits from the control plane (plus {@code LC_*}). */
    static final List<String> INHERITED = List.of("PATH", "JAVA_HOME", "LANG", "TZ");

    private AgentEnvironment() {
    }

    /**
     * @param controlPlane  the control plane's environment
     * @param agentSettings the agent's own settings ({@code TRIBUTARY_*} of broker-agent --help)
     */
    static Map<String, String> of(Map<String, String> controlPlane, Map<String, String> agentSettings) {
        Map<String, String> env = new TreeMap<>();
        controlPlane.forEach((name, value) -> {
            if (INHERITED.contains(name) || name.startsWith("LC_")) {
                env.put(name, value);
            }
        });
        env.putAll(agentSettings);
        return env;
    }
}
